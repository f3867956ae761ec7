"""Who may see, write, comment on and review the Interregional synthesis.

Built on the partnership's roles (`partners.access.roles_of`):
- an approved synthesis is public, in its approved text only; its history, review steps and
  comments stay with the partnership;
- the partners of every region (editors and viewers) and the coordinators read the drafts and
  comment on them: it is the partnership's joint document; anyone else gets 404;
- coordinators write it, while it is a draft or has changes requested, and submit it;
- it is approved (or returned) by a coordinator other than the one who submitted it: four eyes
  on the text the partnership publishes; any coordinator may reopen an approved one.
"""

from django.db.models import QuerySet

from interventures.activity.selectors import entries_for
from partners.access import roles_of

from .models import EDITABLE_STATUSES, Synthesis, SynthesisComment, SynthesisStatus


def is_partner(user) -> bool:
    """A coordinator or a partner of any region."""
    roles = roles_of(user)
    return roles.coordinator or bool(roles.member_region_ids)


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    if is_partner(user):
        return queryset
    return queryset.filter(status=SynthesisStatus.APPROVED)


def is_coordinator(user, synthesis: Synthesis | None = None) -> bool:
    return roles_of(user).coordinator


def can_create(user) -> bool:
    return roles_of(user).coordinator


def can_write(user, synthesis: Synthesis) -> bool:
    return roles_of(user).coordinator and synthesis.status in EDITABLE_STATUSES


def can_comment(user, synthesis: Synthesis) -> bool:
    return is_partner(user)


def can_read_history(user, synthesis: Synthesis) -> bool:
    return is_partner(user)


def can_resolve(user, comment: SynthesisComment) -> bool:
    """A thread is resolved (or reopened) by whoever started it or by a coordinator."""
    first = comment.parent or comment
    return roles_of(user).coordinator or (
        first.author_id is not None and first.author_id == user.pk
    )


def submitter_id(synthesis: Synthesis) -> int | None:
    """Who submitted the synthesis last (the activity log records every step)."""
    entry = entries_for(synthesis).filter(verb="synthesis.submitted").last()
    return entry.actor_id if entry else None


def is_second_coordinator(user, synthesis: Synthesis) -> bool:
    """Reviewing: a coordinator, not the one who submitted it."""
    return roles_of(user).coordinator and submitter_id(synthesis) != user.pk

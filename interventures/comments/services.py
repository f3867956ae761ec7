"""Writes of comment threads, for any declared target (`declaration.Commentable`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.notifications.services import notify

from . import mentions
from .declaration import Commentable
from .models import MAX_QUOTE_CHARS, ThreadComment


def _part_title(part) -> str:
    return str(part.title) if part is not None else ""


def comment_add(
    *,
    commentable: Commentable,
    target,
    author,
    body: str,
    part=None,
    quote: str = "",
    parent: ThreadComment | None = None,
) -> ThreadComment:
    """Start a thread about `part` (None: the whole target), or answer `parent`'s thread.
    The people mentioned are told (`comment.mention`), and so are the thread's other
    participants (`comment.reply`); only people who can see the target."""
    body = body.strip()
    if not body:
        raise ValidationError(_("A comment cannot be empty."))
    if parent is not None:
        if commentable.target_id_of(parent) != target.pk or parent.parent_id is not None:
            raise ValidationError(_("A reply answers the first comment of a thread."))
        if parent.resolved_at is not None:
            raise ValidationError(_("This thread is resolved: reopen it to answer."))
        part = commentable.part_of(parent)
    with transaction.atomic():
        comment = commentable.model._default_manager.create(
            **{commentable.target_field: target, commentable.part_field: part, "parent": parent},
            author=author,
            body=body,
            quote=quote.strip()[:MAX_QUOTE_CHARS],
        )
        log_action(
            actor=author,
            verb="comment.replied" if parent else "comment.added",
            target=target,
            data={"detail": _part_title(part)},
        )
        _comment_notify(commentable, comment)
    return comment


def _comment_notify(commentable: Commentable, comment: ThreadComment) -> None:
    target = commentable.target_of(comment)
    part = commentable.part_of(comment)
    readers = commentable.readers(target, "")
    mentioned = list(readers.filter(pk__in=mentions.mentioned_ids(comment.body)))
    participants: list = []
    if comment.parent is not None:
        thread = commentable.model._default_manager.filter(
            Q(pk=comment.parent_id) | Q(parent=comment.parent_id)
        )
        participants = list(
            readers.filter(pk__in=thread.values("author")).exclude(
                pk__in=[person.pk for person in mentioned]
            )
        )
    url = f"{target.get_absolute_url()}#comment-{comment.pk}"
    data = {
        commentable.part_field: _part_title(part),
        "excerpt": mentions.as_plain_text(comment.body)[:200],
    }
    email_context = {
        commentable.target_field: target,
        commentable.part_field: part,
        "text": mentions.as_plain_text(comment.body),
        "quote": comment.quote,
        "comment": comment,
    }
    for recipients, kind in ((mentioned, "comment.mention"), (participants, "comment.reply")):
        notify(
            recipients=recipients,
            kind=kind,
            target=target,
            actor=comment.author,
            url=url,
            data=data,
            email_templates=f"{commentable.email_templates}_{kind.split('.')[1]}",
            email_context=email_context,
        )


def _thread_mark(
    *, commentable: Commentable, comment: ThreadComment, user, resolved: bool
) -> ThreadComment:
    """Resolve or reopen `comment`'s thread as a whole: its first comment and every reply."""
    first = comment.parent or comment
    if (first.resolved_at is not None) == resolved:
        return first
    when = timezone.now() if resolved else None
    by = user if resolved else None
    with transaction.atomic():
        commentable.model._default_manager.filter(Q(pk=first.pk) | Q(parent=first.pk)).update(
            resolved_at=when, resolved_by=by
        )
        log_action(
            actor=user,
            verb="comment.resolved" if resolved else "comment.reopened",
            target=commentable.target_of(first),
            data={"detail": _part_title(commentable.part_of(first))},
        )
    first.resolved_at, first.resolved_by = when, by
    return first


def comment_resolve(*, commentable: Commentable, comment: ThreadComment, user) -> ThreadComment:
    return _thread_mark(commentable=commentable, comment=comment, user=user, resolved=True)


def comment_reopen(*, commentable: Commentable, comment: ThreadComment, user) -> ThreadComment:
    return _thread_mark(commentable=commentable, comment=comment, user=user, resolved=False)

"""Writing the activity log. Every service that changes shared data calls `log_action`."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import ActivityEntry


def log_action(
    *,
    actor,
    verb: str,
    target: models.Model | None = None,
    from_state: str = "",
    to_state: str = "",
    data: dict | None = None,
    when: datetime | None = None,
) -> ActivityEntry:
    """Record that `actor` (a user, or None for the system) did `verb` to `target`.

    `when` is for entries that record the past (imported history, demo data); else now."""
    return ActivityEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        from_state=from_state,
        to_state=to_state,
        data=data or {},
        created_at=when or timezone.now(),
    )


# Keys of `data` that hold personal data: a security event's client address, the address typed.
PERSONAL_DATA_KEYS = ("ip", "email")


def log_rename(*, target: models.Model, object_repr: str) -> int:
    """From now on, the entries about `target` call it `object_repr`: for when the name they kept
    is personal data being erased (a person's name, the address an invitation went to).

    Entries are append-only; erasing personal data is the one reason to touch them, and what
    happened, when and by whom stays."""
    return ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).update(object_repr=object_repr[:200])


def people_forget(*, people: QuerySet) -> int:
    """Unlink the entries by or about `people` (accounts erased long enough ago) from them: who
    did it, the client address and the address typed go; what happened, to what and when
    stays. Returns how many entries changed; a second call changes none."""
    about_them = Q(
        content_type=ContentType.objects.get_for_model(people.model),
        object_id__in=[str(pk) for pk in people.values_list("pk", flat=True)],
    )
    holds_personal_data = Q()
    for key in PERSONAL_DATA_KEYS:
        holds_personal_data |= Q(data__has_key=key)
    entries = ActivityEntry.objects.filter(Q(actor__in=people) | (about_them & holds_personal_data))
    forgotten = 0
    for entry in entries.only("pk", "data").iterator():
        data = {key: value for key, value in entry.data.items() if key not in PERSONAL_DATA_KEYS}
        forgotten += ActivityEntry.objects.filter(pk=entry.pk).update(actor=None, data=data)
    return forgotten


def addresses_forget(*, before) -> int:
    """Drop the client addresses and typed addresses of every entry older than `before` (a
    failed sign-in names an address that may belong to nobody): the event itself stays. A second
    call changes none."""
    holds_personal_data = Q()
    for key in PERSONAL_DATA_KEYS:
        holds_personal_data |= Q(data__has_key=key)
    forgotten = 0
    old = ActivityEntry.objects.filter(holds_personal_data, created_at__lt=before)
    for entry in old.only("pk", "data").iterator():
        data = {key: value for key, value in entry.data.items() if key not in PERSONAL_DATA_KEYS}
        forgotten += ActivityEntry.objects.filter(pk=entry.pk).update(data=data)
    return forgotten

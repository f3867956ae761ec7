"""Writing the activity log. Every service that changes shared data calls `log_action`."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
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

"""Reading the activity log."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import ActivityEntry


def entries_for(target: models.Model) -> QuerySet[ActivityEntry]:
    """The object's own entries, oldest first, with their actors."""
    return (
        ActivityEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def recent_entries_for(target: models.Model, *, limit: int = 20) -> list[ActivityEntry]:
    """The object's latest entries, newest first, for its page."""
    return list(entries_for(target).order_by("-created_at", "-pk")[:limit])


def personal_data_of(user) -> list[dict]:
    """The entries where `user` is the actor, for the export of their data."""
    return [
        {
            "when": entry.created_at.isoformat(),
            "what": entry.verb,
            "in_words": entry.label,
            "object": entry.object_repr,
            "from_state": entry.from_state,
            "to_state": entry.to_state,
            "details": entry.data,
        }
        for entry in ActivityEntry.objects.filter(actor=user).order_by("created_at", "pk")
    ]


def latest_entries() -> QuerySet[ActivityEntry]:
    """The whole log, newest first, with each entry's actor and object (one query per kind of
    object, however many entries)."""
    return ActivityEntry.objects.select_related("actor").prefetch_related("target")

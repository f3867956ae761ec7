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


def latest_entries() -> QuerySet[ActivityEntry]:
    """The whole log, newest first, with each entry's actor and object (one query per kind of
    object, however many entries)."""
    return ActivityEntry.objects.select_related("actor").prefetch_related("target")

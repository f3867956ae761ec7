"""Reading notifications and preferences: a fixed number of queries whatever their number."""

from collections.abc import Iterable

from django.db.models import QuerySet

from .kinds import KINDS
from .models import Notification, NotificationPreference


def channels_for(users: Iterable, kind: str) -> dict[int, str]:
    """Each user's channel for `kind` (their preference, else the kind's default), by pk."""
    pks = [user.pk for user in users]
    chosen = dict(
        NotificationPreference.objects.filter(user__in=pks, kind=kind).values_list(
            "user_id", "channel"
        )
    )
    default = str(KINDS[kind].default_channel)
    return {pk: chosen.get(pk, default) for pk in pks}


def preferences_of(user) -> dict[str, str]:
    """The user's channel for every kind, defaults included."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind: chosen.get(kind, str(spec.default_channel)) for kind, spec in KINDS.items()}


def notifications_of(user) -> QuerySet[Notification]:
    """The user's notifications, newest first, with who caused each and their organisation
    (read with the page, for `person_label`)."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .prefetch_related("actor__memberships__organisation")
    )


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count()


def personal_data_of(user) -> dict:
    """What the notifications app holds about `user`, for the export of their data."""
    return {
        "notifications": [
            {
                "when": notification.created_at.isoformat(),
                "what": notification.kind,
                "in_words": notification.label,
                "about": notification.target_repr,
                "link": notification.url,
                "details": notification.data,
                "read": notification.read_at.isoformat() if notification.read_at else None,
            }
            for notification in Notification.objects.filter(recipient=user).order_by(
                "created_at", "pk"
            )
        ],
        "notification_settings": preferences_of(user),
    }

"""Who may see a notification: its recipient, nobody else (others get 404)."""

from django.db.models import QuerySet

from .models import Notification


def filter_visible(notifications: QuerySet[Notification], user) -> QuerySet[Notification]:
    if not user.is_authenticated:
        return notifications.none()
    return notifications.filter(recipient=user)

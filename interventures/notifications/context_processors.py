from .selectors import unread_count


def unread(request):
    """The signed-in user's unread notifications, for the header: one count query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": unread_count(user)}

from django.utils.functional import SimpleLazyObject

from . import selectors


def work_counts(request):
    """The header's "3 to review" / "2 to do": counted only when a page shows them."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {"work_counts": SimpleLazyObject(lambda: selectors.work_counts(user))}

from . import access as policy


def access(request):
    """What the signed-in user may do, for navigation; computed once per request."""
    user = request.user
    return {
        "user_is_coordinator": policy.is_coordinator(user),
        "user_role_label": policy.role_label(user) if user.is_authenticated else "",
        "user_regions": policy.regions_of(user) if user.is_authenticated else [],
    }

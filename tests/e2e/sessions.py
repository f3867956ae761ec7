"""Sessions of the Django test client, carried into a browser context."""

from django.conf import settings


def carry_session(context, client, url: str) -> None:
    """Give the browser context the session of the Django test client `client` (signed in
    with force_login), or none (a visitor); whatever it carried before is dropped."""
    context.clear_cookies()
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME) if client else None
    if cookie is not None:
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])

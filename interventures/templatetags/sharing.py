"""Absolute addresses on SITE_URL (the portal's public address) for what leaves the page:
the canonical link and the Open Graph tags that sharing previews read."""

from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


def _absolute(url: str) -> str:
    return url if "://" in url else settings.SITE_URL + url


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page in this language, without its query (filters, pages): the one address to index."""
    request = context.get("request")
    return _absolute(request.path) if request is not None else settings.SITE_URL + "/"


@register.simple_tag
def absolute_static(path: str) -> str:
    return _absolute(static(path))

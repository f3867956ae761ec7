"""`{% content_lang obj %}`: the `lang` attribute for text written in another language than
the page's, so that screen readers pronounce it with the right voice."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def content_lang(obj) -> str:
    """` lang="hu"` when `obj.language` differs from the page's language, else nothing."""
    language = getattr(obj, "language", "")
    page_language = get_language() or settings.LANGUAGE_CODE
    if not language or language == page_language:
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag
def page_lang(obj) -> str:
    """Inside text marked with `content_lang obj`, the page's own words (headings, labels) go
    back to the page's language: ` lang="en"` when `obj.language` differs, else nothing."""
    if not content_lang(obj):
        return ""
    return format_html(' lang="{}"', get_language() or settings.LANGUAGE_CODE)

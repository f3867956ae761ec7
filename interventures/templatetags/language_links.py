"""`{% language_links as languages %}`: the page the reader is on, in each of the portal's
languages, for the header's switcher. Links, not a form: a visitor's page then holds no CSRF
token and sets no cookie, so it can be cached (interventures.public_pages)."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    request = context.get("request")
    here = request.get_full_path() if request is not None else "/"
    current = get_language() or settings.LANGUAGE_CODE
    return [
        LanguageLink(
            code=code,
            name=get_language_info(code)["name_local"],
            # Outside the language-prefixed URLs (an error page) the address stays as it is.
            url=translate_url(here, code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]

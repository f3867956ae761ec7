"""`{% language_links as languages %}`: the page the reader is on, in each of the portal's
languages, for the header's switcher. Links, not a form: a visitor's page then holds no CSRF
token and sets no cookie, so it can be cached (interventures.public_pages)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

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
    match = getattr(request, "resolver_match", None)
    return [
        LanguageLink(
            code=code,
            name=get_language_info(code)["name_local"],
            url=_in_language(here, match, code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


def _in_language(here: str, match, code: str) -> str:
    """`here` in language `code`: as translate_url() gives it, from the view the request has
    already resolved to (translate_url resolves the address again for each language). Outside
    the language-prefixed URLs (an error page) the address stays as it is."""
    if match is None or match.url_name is None:
        return translate_url(here, code)
    with override(code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return here
    query = urlsplit(here).query
    return f"{path}?{query}" if query else path

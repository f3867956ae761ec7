"""Template tags of good practices: templates ask practices.access, never decide themselves."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext

from interventures.templatetags.content_language import content_lang
from partners.models import Country

from .. import access
from ..models import GoodPractice, InstrumentType, Progress

register = template.Library()


def _user(context):
    user = context.get("user")
    if user is None and context.get("request") is not None:
        user = context["request"].user
    return user


@register.simple_tag(takes_context=True)
def can_record_transfer(context, practice) -> bool:
    """`{% can_record_transfer practice as allowed %}`: may the user record a transfer of it?"""
    user = _user(context)
    return bool(user) and access.can_record_transfer(user, practice)


@register.simple_tag(takes_context=True)
def can_edit_transfer(context, transfer) -> bool:
    """`{% can_edit_transfer transfer as allowed %}`: is the user an editor of the learner?"""
    user = _user(context)
    return bool(user) and access.can_edit_transfer(user, transfer)


_LABELS = {
    "country": dict(Country.choices),
    "instrument_type": dict(InstrumentType.choices),
    "progress": dict(Progress.choices),
}


def _label(field: str, value: str) -> str:
    return str(_LABELS[field].get(value, value))


@register.simple_tag
def practice_card(practice: GoodPractice) -> SafeString:
    """`{% practice_card practice %}`: one result of the good-practice list, its `snippet`
    when a search made one, else the start of its summary.

    Written here rather than as an included template: twenty included cards, with their
    choice labels, took a fifth of the list page's time (bench/practices.py).
    """
    lang = content_lang(practice)
    region, owner = practice.region, practice.owner
    meta = [
        f"{region.name} ({_label('country', region.country)})",
        owner.short_name or owner.name,
        _label("instrument_type", practice.instrument_type),
        _label("progress", practice.progress),
    ]
    if practice.start_year and practice.end_year:
        meta.append(f"{practice.start_year}–{practice.end_year}")
    elif practice.start_year:
        meta.append(gettext("since %(year)s") % {"year": practice.start_year})
    snippet = getattr(practice, "snippet", "")
    text = (
        format_html('<p class="practice-snippet"{}>{}</p>', lang, snippet)
        if snippet
        else format_html("<p{}>{}</p>", lang, Truncator(practice.summary).words(40, truncate=" …"))
    )
    themes = ""
    if practice.theme_names:
        themes = format_html(
            '\n  <p class="meta small"><span class="visually-hidden">{} </span>{}</p>',
            gettext("Themes:"),
            format_html_join(
                " ", '<span class="badge">{}</span>', ((n,) for n in practice.theme_names)
            ),
        )
    return format_html(
        '<li class="practice-item">\n  <h3{}><a href="{}">{}</a></h3>\n'
        '  <p class="meta">{}</p>\n  {}{}\n</li>',
        lang,
        practice.get_absolute_url(),
        practice.title,
        " · ".join(meta),
        text,
        themes,
    )

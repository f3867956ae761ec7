"""`{% practice_json_ld practice %}`: a published practice's schema.org data in its page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .. import linked_data
from ..models import GoodPractice, PracticeStatus

register = template.Library()


@register.simple_tag
def practice_json_ld(practice: GoodPractice) -> SafeString | str:
    """Only published practices are data for the web; a draft's page carries none."""
    if practice.status != PracticeStatus.PUBLISHED:
        return ""
    # A data block, never run: the CSP's script-src does not apply to it. The JSON's < > & are
    # escaped, so the text cannot end the element.
    data = mark_safe(linked_data.script_element(linked_data.practice_data(practice)))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', data)

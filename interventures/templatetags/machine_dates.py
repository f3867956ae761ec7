"""`{{ moment|machine_datetime }}`: a `<time datetime>` value.

Django's `date:"c"` writes microseconds; HTML allows at most three digits of a second."""

from datetime import datetime

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def machine_datetime(value: datetime | None) -> str:
    """ISO 8601 to the second, in the template's time zone (as `date:"c"` would be)."""
    return value.replace(microsecond=0).isoformat() if value else ""

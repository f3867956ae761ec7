"""`{{ person|person_label:names_shown }}`: see partners/people.py."""

from django import template

from partners import people

register = template.Library()


@register.filter
def person_label(person, names_shown: bool = False) -> str:
    return people.person_label(person, names_shown=bool(names_shown))

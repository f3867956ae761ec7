"""Template tags of good practices: templates ask practices.access, never decide themselves."""

from django import template

from .. import access
from .. import transfers as transfer_services

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
    return bool(user) and transfer_services.can_edit_transfer(user, transfer)

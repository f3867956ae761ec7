"""`{% messages_for place as shown %}`: the messages meant for one place of a page.

A message added with extra tags (e.g. `extra_tags="section-swot"`) is shown where the page
includes `_messages.html` with that place, next to what it is about, so that a redirect to an
anchor lands on it; every other message is shown at the top of the page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def messages_for(context, place: str = "") -> list:
    return [message for message in context.get("messages", ()) if message.extra_tags == place]

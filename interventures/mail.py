"""Emails in each recipient's language."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def subject_line(text: str) -> str:
    """An email subject as plain text on one line. A title may hold a line break, which Django
    refuses in a header (as a header injection) only when the message is sent, after the
    change that sends it was saved."""
    return " ".join(str(text).split())


def render_subject(template_name: str, context: dict) -> str:
    """A subject template's text: plain, not HTML (subject templates turn autoescape off)."""
    return subject_line(render_to_string(template_name, context))


def send_in_each_language(users: Iterable, build: Callable[[list[str]], EmailMessage]) -> None:
    """Send one message per language among `users` once the transaction commits.

    `build(addresses)` is called with the translation of that language active, so the text,
    the dates and the links it renders (`get_absolute_url` gives /hu/...) are in it. People who
    never chose a language get the portal's default.
    """
    addresses_by_language = defaultdict(set)
    for user in users:
        if user.email:
            addresses_by_language[user.language or settings.LANGUAGE_CODE].add(user.email)
    for language, addresses in sorted(addresses_by_language.items()):
        with translation.override(language):
            message = build(sorted(addresses))
        transaction.on_commit(message.send)

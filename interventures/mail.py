"""Emails in each recipient's language."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation


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

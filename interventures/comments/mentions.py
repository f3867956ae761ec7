"""@mentions in comments (on reports, action plans, ...).

A mention is stored as a token, `@[Name](user:ID)`: the autocomplete inserts it, and the name
someone types in full (`@Olivia Owner`, without JavaScript) becomes one when the comment is saved.
The ID decides who is told; the name is rewritten on save to the person's name, so a comment
cannot show one name and notify another person. Pages show the token as `@Name`.
"""

import re
from collections.abc import Iterable

from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

TOKEN = re.compile(r"@\[(?P<name>[^\[\]\n]{1,150})\]\(user:(?P<id>\d{1,12})\)")


def token_for(person) -> str:
    name = str(person).replace("[", "(").replace("]", ")")
    return f"@[{name}](user:{person.pk})"


def mentioned_ids(body: str) -> set[int]:
    return {int(match["id"]) for match in TOKEN.finditer(body)}


def unknown_mentions(body: str, known_ids: set[int]) -> list[str]:
    """The names of the tokens that point at nobody among `known_ids`."""
    return [match["name"] for match in TOKEN.finditer(body) if int(match["id"]) not in known_ids]


def with_tokens(body: str, people: Iterable) -> str:
    """`body` with every mention as a token naming its person as they are named now: tokens are
    renamed, and `@Full Name` of one of `people` becomes a token (longest names first, so
    "@Ana Maria Kovács" is not taken for "@Ana Maria")."""
    by_id = {person.pk: person for person in people}

    def rename(match: re.Match) -> str:
        person = by_id.get(int(match["id"]))
        return token_for(person) if person else match[0]

    body = TOKEN.sub(rename, body)
    named = [person for person in by_id.values() if person.get_full_name().strip()]
    for person in sorted(named, key=lambda person: -len(person.get_full_name())):
        plain = re.compile(rf"@{re.escape(person.get_full_name().strip())}(?!\w)", re.IGNORECASE)
        body = plain.sub(lambda _match, person=person: token_for(person), body)
    return body


def as_plain_text(body: str) -> str:
    """The comment as people read it, for an email: tokens become `@Name`."""
    return TOKEN.sub(lambda match: f"@{match['name']}", body)


def as_html(body: str) -> SafeString:
    """The comment as escaped paragraphs, each mention a highlighted `@Name`."""
    pieces = []
    position = 0
    for match in TOKEN.finditer(body):
        pieces.append(format_html("{}", body[position : match.start()]))
        pieces.append(format_html('<span class="mention">@{}</span>', match["name"]))
        position = match.end()
    pieces.append(format_html("{}", body[position:]))
    return mark_safe(linebreaks("".join(pieces)))  # noqa: S308 (escaped first; only spans added)

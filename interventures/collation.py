"""Lists of names sorted as a reader expects them, the same on every database.

Regions, organisations and themes are few (tens), and their names change with the reader's
language (modeltranslation), so they are sorted in Python after fetching, by `sorted_by_name`:
case and accents are ignored first (primary strength: "Pécs" before "Podkarpackie", as in a
dictionary), except the letters that the reader's alphabet counts as letters of their own (Polish
"ś" after "s", so "Śląskie" after "Szczecin"; Spanish "ñ"; Hungarian "ö" and "ü"; Lithuanian "č",
"š", "ž"), which sort after their base letter; ties are then broken so the order is total. A
database collation would differ between PostgreSQL (ICU) and SQLite (bytes) and could not follow
the fallback to English.
"""

import unicodedata
from collections.abc import Callable, Iterable
from operator import attrgetter

from django.conf import settings
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

# After every other character, so a letter of its own sorts after all words of its base letter.
_AFTER = "\U0010ffff"
# Letters that Unicode does not decompose into a base letter and an accent: their own letters in
# the root collation too.
_OWN_LETTERS_EVERYWHERE = "łøđ"
_OWN_LETTERS = {
    "pl": "ąćęńóśźż",
    "es": "ñ",
    "hu": "öü",
    "lt": "čšž",
}
# Hungarian long vowels are the short ones at primary strength.
_SAME_LETTERS = {"hu": str.maketrans({"ő": "ö", "ű": "ü"})}


def _base(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def collation_key(text: str, language: str | None = None) -> tuple[str, str, str]:
    """Sort key of `text` for readers of `language` (the active one by default): the letters
    without case or accents, then with accents, then the text itself."""
    language = (language or get_language() or "en").split("-")[0]
    own = _OWN_LETTERS_EVERYWHERE + _OWN_LETTERS.get(language, "")
    lowered = str(text).casefold().translate(_SAME_LETTERS.get(language, {}))
    primary = []
    for char in unicodedata.normalize("NFC", lowered):
        if char in own:
            base = {"ł": "l", "ø": "o", "đ": "d"}.get(char) or _base(char)
            primary.append(base + _AFTER + char)
        else:
            primary.append(_base(char))
    return ("".join(primary), lowered, str(text))


def sorted_by_name[T](items: Iterable[T], key: Callable[[T], str] = attrgetter("name")) -> list[T]:
    """`items` sorted by their name (or `key`) in the active language, with `collation_key`."""
    return sorted(items, key=lambda item: collation_key(key(item)))


def translated(path: str, language: str | None = None) -> Coalesce:
    """A query expression for a translated name through a relation (`"theme__name"`): the
    column of `language` (the active one by default), else the English one, as the models'
    `name` reads it (modeltranslation rewrites a model's own fields, not lookups like these)."""
    language = (language or get_language() or "en").split("-")[0]
    if language not in dict(settings.LANGUAGES):
        language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return Coalesce(
        NullIf(F(f"{path}_{language}"), Value("")),
        F(f"{path}_{default}"),
        F(path),
        output_field=CharField(),
    )


def translated_columns(path: str) -> list[str]:
    """For `only()` through a relation (`"region__name"`): the name's column in each language,
    which `name` reads (the active one, else English); without them each row would read its
    related row's names again, a query each."""
    return [path, *(f"{path}_{code}" for code, _name in settings.LANGUAGES)]

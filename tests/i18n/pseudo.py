"""Pseudo-localisation: English in which every string that went through gettext is wrapped in
⟦ ⟧, so that a page, a PDF or an email shows at a glance which of its words a translator will
never see.

`pseudo_english()` swaps Django's English translation object for `PseudoEnglish` while it is
active; `unmarked(texts, content)` then lists the phrases left after removing every marked
segment that still hold a word which is neither content (the database's own text) nor in
`ALLOWED`.
"""

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import trans_real

OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_NOT_WORDS = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # email addresses
    r"|(https?://|www\.)\S+"  # URLs
    r"|\b[\w-]+\.(pdf|csv|json|ics)\b"  # file names
    r"|\b[A-Z][a-z]+/[A-Za-z_]+\b|\b(UTC|GMT|BST|[CEW]ES?T)\b"  # IANA time zones: not translated
    r"|\b[A-Z2-7]{16,}\b",  # keys and codes (a TOTP secret)
)
_WORD = re.compile(r"[^\W\d_]+")
_TAGS = re.compile(r"<[^>]*>")

ALLOWED = {
    # The project's name is a proper name, the same in every language.
    "inter",
    "ventures",
}
"""Words that may appear unmarked, lower-case. Keep it short: prefer marking a string."""

# Apps whose rows are Django's machinery, not content: permission names ("Can add good
# practice") would otherwise count the models' English names as content.
_MACHINERY_APPS = {"auth", "contenttypes", "sessions", "admin"}


class PseudoEnglish(trans_real.DjangoTranslation):
    """English, with every translated message wrapped in ⟦ ⟧.

    pgettext and npgettext send "context\\x04message" through gettext and ngettext: without a
    translation the context is cut off here, so that they take the marked result."""

    def gettext(self, message):
        return _mark(super().gettext(message))

    def ngettext(self, msgid1, msgid2, n):
        return _mark(super().ngettext(msgid1, msgid2, n))


def _mark(result: str) -> str:
    return f"{OPEN}{result.rpartition(trans_real.CONTEXT_SEPARATOR)[2]}{CLOSE}"


@contextmanager
def pseudo_english() -> Iterator[None]:
    """Make English the pseudo-English for everything rendered inside the block."""
    language = settings.LANGUAGE_CODE
    saved = trans_real._translations.get(language), trans_real._default
    trans_real._translations[language] = trans_real._default = PseudoEnglish(language)
    translation.activate(language)
    try:
        yield
    finally:
        trans_real._translations[language], trans_real._default = saved
        if saved[0] is None:
            del trans_real._translations[language]
        translation.activate(language)


def strip_marked(text: str) -> str:
    """The text without its marked segments, innermost first (a marked string may hold
    another, e.g. a translated label inside a translated sentence)."""
    while True:
        stripped = _MARKED.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(_NOT_WORDS.sub(" ", text))}


def unmarked(texts: Iterable[str], content: set[str]) -> list[str]:
    """The phrases of `texts` (marked segments removed) that hold a word a translator never
    sees: not content, not allowed."""
    found = []
    for text in texts:
        for phrase in strip_marked(text).splitlines():
            phrase = " ".join(phrase.split())
            if words(phrase) - content - ALLOWED and phrase not in found:
                found.append(phrase)
    return found


def content_words() -> set[str]:
    """The words of every text value in the database: what users wrote, not the portal.

    Fields with choices hold codes ("draft", "in_review"), not content; HTML fields count by
    their text. Marked segments (a label frozen into a row while pseudo-English was active)
    are not content either."""
    found: set[str] = set()
    for model in apps.get_models():
        if model._meta.app_label in _MACHINERY_APPS and model is not apps.get_model(
            settings.AUTH_USER_MODEL
        ):
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
            and not field.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                for text in texts_in(value):
                    found |= words(strip_marked(html.unescape(_TAGS.sub(" ", text))))
    return found


def texts_in(value) -> list[str]:
    """The strings of a column's value: itself, or those inside a JSON value (a reason)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in texts_in(item)]
    return []


# A textarea holds what the user is writing: content, not the portal's words.
_SKIPPED = {"script", "style", "template", "textarea"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "aria-description", "placeholder"}
_BUTTON_TYPES = {"submit", "button", "reset"}


class _Visible(HTMLParser):
    """Collects the text a person sees or hears: text nodes (one per line) and the attributes
    that are read out or shown. Skips scripts, styles, templates and any element in another
    language (`lang` set below <html>), whose words are not the page's own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.attributes: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipping = self.skipping or tag in _SKIPPED or (tag != "html" and "lang" in attrs)
        if not skipping:
            self.attributes.extend(_texts_of(tag, attrs))
        if tag not in _VOID:
            self.stack.append((tag, skipping))

    def handle_startendtag(self, tag, attrs):
        if not self.skipping:
            self.attributes.extend(_texts_of(tag, dict(attrs)))

    def handle_endtag(self, tag):
        # HTML lets some end tags be left out (</p>, </li>): close up to the matching start.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.text.append(data)


def _texts_of(tag: str, attrs: dict) -> list[str]:
    texts = [value for name, value in attrs.items() if name in _TEXT_ATTRIBUTES and value]
    if attrs.get("value") and (tag == "button" or attrs.get("type") in _BUTTON_TYPES):
        texts.append(attrs["value"])
    if tag == "meta" and attrs.get("name") == "description" and attrs.get("content"):
        texts.append(attrs["content"])
    # Texts that scripts show (e.g. "Saving the draft failed") travel in data- attributes.
    texts += [
        value
        for name, value in attrs.items()
        if name.startswith("data-") and value and " " in value.strip() and value[0] not in "{["
    ]
    return texts


def visible_texts(page: str) -> list[str]:
    """The page's visible text as one string (a marked segment may span several elements,
    e.g. a link inside a translated sentence) followed by each user-facing attribute."""
    parser = _Visible()
    parser.feed(page)
    parser.close()
    return ["\n".join(parser.text), *parser.attributes]

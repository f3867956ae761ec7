"""Rich text written by partners: what the editor offers and what the server keeps.

Every write goes through `sanitize`, whatever the browser sent and whoever writes: the model
field `SanitizedHTMLField` cleans the value on its way to the database (a service, the admin, a
fixture, `QuerySet.update()`, the shell). The allowed tags, attributes and URL schemes below are
the single list that both the sanitiser and the editor's toolbar follow.
"""

import html as html_module

import nh3
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from django_prose_editor.widgets import ProseEditorWidget
from js_asset import Media, Script

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h3", "h4", "strong", "em", "ul", "ol", "li", "a", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"https", "mailto"})

# The editor (django-prose-editor) offers exactly what the sanitiser keeps.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """The HTML with everything outside the allow-lists removed; empty editor output is ''."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if cleaned in {"", "<p></p>", "<p><br></p>"} else cleaned


# The longest rich text a field holds unless it says otherwise: pages of text, not megabytes.
RICH_TEXT_MAX_CHARS = 50_000


class SanitizedHTMLField(models.TextField):
    """Rich text that only ever reaches the database sanitised, and at most `max_length`
    characters long (checked by its forms, the admin's included, and by `full_clean`)."""

    def __init__(self, *args, max_length: int = RICH_TEXT_MAX_CHARS, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    @cached_property
    def validators(self):
        return [*super().validators, MaxLengthValidator(self.max_length)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == RICH_TEXT_MAX_CHARS:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        # The instance holds what was stored, as after a fresh read.
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        # Also the path of `update()` and of fixtures, which skip pre_save.
        value = super().get_prep_value(value)
        return sanitize(value) if isinstance(value, str) else value


def plain_text(html: str) -> str:
    """The words of sanitised HTML, for counting and diffs."""
    # A space before every tag keeps the words of adjacent blocks apart.
    text = nh3.clean((html or "").replace("<", " <"), tags=set())
    return " ".join(html_module.unescape(text).split())


def word_count(html: str) -> int:
    return len(plain_text(html).split())


class WordCountField(models.PositiveIntegerField):
    """How many words the model's rich-text field `source` holds, counted whenever the row is
    written (a service, the admin, a form, `bulk_create`; `update()` through
    `WordCountQuerySet`), so that pages read a number instead of parsing every text on every
    request. Declare it after `source`: that field's `pre_save` sanitises the text first."""

    def __init__(self, *args, source: str = "body", **kwargs):
        self.source = source
        kwargs.setdefault("default", 0)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.source != "body":
            kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = word_count(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


class RichTextWidget(ProseEditorWidget):
    """The editor with the allow-list's toolbar; its editable area carries the field's label."""

    def __init__(self, *, rows: int = 10):
        super().__init__(
            config={"extensions": EDITOR_EXTENSIONS}, preset="configurable", attrs={"rows": rows}
        )

    @property
    def media(self):
        return super().media + Media(js=[Script("js/rich-text.js")])


class WordCountQuerySet(models.QuerySet):
    """`update()` of a counted text counts its words too (`save()` counts them in
    `WordCountField.pre_save`, which `update()` skips); `bulk_update()` does not."""

    def update(self, **kwargs):
        for field in self.model._meta.concrete_fields:
            if isinstance(field, WordCountField) and field.attname not in kwargs:
                text = kwargs.get(field.source)
                if isinstance(text, str):
                    kwargs[field.attname] = word_count(sanitize(text))
        return super().update(**kwargs)

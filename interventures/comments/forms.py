"""The comment form and the autocomplete's query, for any declared target."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from interventures.forms import SingleLineTextMixin
from interventures.validators import LARGEST_INTEGER

from . import mentions
from .declaration import Commentable
from .models import MAX_COMMENT_CHARS, MAX_QUOTE_CHARS


class CommentForm(SingleLineTextMixin, forms.Form):
    """A new thread about a part (or the whole target), or with `parent` a reply to one. The
    part is posted in a field named as the declaration's `part_field` (e.g. `section`).

    `people`: who may be mentioned (the people who can see the target), read only when the
    text holds a mention."""

    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_COMMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "data-mentions": ""}),
        error_messages={
            "required": _("Write your comment."),
            "max_length": _(
                "The comment is too long: at most %(limit_value)d characters are allowed "
                "(it has %(show_value)d)."
            ),
        },
    )
    quote = forms.CharField(
        label=_("Passage you comment on (optional)"),
        required=False,
        max_length=MAX_QUOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2, "data-quote": ""}),
        error_messages={
            "max_length": _(
                "The passage is too long: quote at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=LARGEST_INTEGER
    )

    def __init__(self, *args, commentable: Commentable, target, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.commentable = commentable
        self.target = target
        self.people = people
        texts = commentable.texts
        self.fields["body"].help_text = texts.mention_help
        self.fields["quote"].help_text = texts.quote_help
        self.parts = {commentable.part_key(part): part for part in commentable.parts(target)}
        self.fields[commentable.part_field] = forms.ChoiceField(
            required=False,
            widget=forms.HiddenInput,
            choices=[("", texts.whole)] + [(key, part.title) for key, part in self.parts.items()],
            error_messages={"invalid_choice": texts.not_a_part},
        )

    @property
    def part_field(self):
        """The bound field of the part, for the templates (its name varies)."""
        return self[self.commentable.part_field]

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        if pk is None:
            return None
        commentable = self.commentable
        comment = (
            commentable.model._default_manager.filter(
                **{commentable.target_field: self.target}, pk=pk
            )
            .select_related("parent", commentable.part_field)
            .first()
        )
        if comment is None:
            raise ValidationError(self.commentable.texts.not_this_target)
        first = comment.parent or comment  # a reply to a reply joins the same thread
        if first.resolved_at is not None:
            raise ValidationError(_("This thread is resolved: reopen it to answer."))
        return first

    def clean_quote(self):
        return self.cleaned_data["quote"].strip()

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        part_field = self.commentable.part_field
        if part_field in cleaned:
            cleaned[part_field] = self.parts.get(cleaned[part_field])
        body = cleaned.get("body", "")
        if "@" in body:
            people = list(self.people)
            unknown = mentions.unknown_mentions(body, {person.pk for person in people})
            if unknown:
                self.add_error(
                    "body",
                    self.commentable.texts.cannot_mention
                    % {"names": ", ".join(f"@{name}" for name in unknown)},
                )
            else:
                cleaned["body"] = mentions.with_tokens(body, people)
        if cleaned.get("parent"):
            cleaned[part_field] = self.commentable.part_of(cleaned["parent"])
        return cleaned

    def comment_kwargs(self) -> dict:
        """The cleaned data as `services.comment_add` takes it."""
        data = self.cleaned_data
        return {
            "body": data["body"],
            "quote": data.get("quote", ""),
            "parent": data.get("parent"),
            "part": data.get(self.commentable.part_field),
        }


class PeopleQueryForm(SingleLineTextMixin, forms.Form):
    """`?q=`: the letters typed after @ in a comment."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Type at most %(limit_value)d characters of a name.")},
    )

"""Declaring what people comment on: each app states its comment model, its target (a report,
an action plan) and the target's parts (sections, actions), the way `interventures.workflow`
declares a workflow per model. Services, selectors, forms and templates of
`interventures.comments` take the declaration and nothing else of the app.

A target has `region_id`, `language`, `title` and `get_absolute_url()`; a part has `pk` and
`title`."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from .models import ThreadComment

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = str


@dataclass(frozen=True)
class CommentUrls:
    """The URL names the comment forms post to; each takes the target's `pk` (and the
    resolve and reopen ones the thread's first comment, `comment_pk`)."""

    add: str
    resolve: str
    reopen: str
    people: str


@dataclass(frozen=True)
class CommentTexts:
    """The words that name the target, for its comment section, forms and autocomplete."""

    whole: StrOrPromise  # "The whole report": the threads about no part
    comment_on_whole: StrOrPromise  # "Comment on the whole report"
    mention_help: StrOrPromise  # the comment field's help
    quote_help: StrOrPromise  # the quoted passage's help
    people: StrOrPromise  # the autocomplete's list: "People who can see the report"
    nobody: StrOrPromise  # "Nobody with this name can see the report."
    # Takes %(names)s: the names typed that are not among the readers.
    cannot_mention: StrOrPromise
    not_a_part: StrOrPromise  # a part posted that is not the target's
    not_this_target: StrOrPromise  # a reply to a comment that is not the target's


@dataclass(frozen=True)
class Commentable:
    """One kind of target people comment on.

    - `model`: the concrete comment model, a `ThreadComment` with foreign keys `target_field`
      (required) and `part_field` (optional: a thread about the whole target);
    - `readers(target, query)`: the people who read the target's comments (and so may be
      mentioned, and are told), whose names match `query`; with their organisations;
    - `parts(target)`: the target's parts in their order, from what the page prefetched;
    - `part_key(part)`: how a part is named in a posted form and in its comments' anchor
      (`comments-<key>`); `part_link(part)`: the anchor of the part itself on the page;
    - `email_templates`: the prefix of the emails' templates, e.g. "reports/email/comment",
      followed by `_mention` / `_reply` (and `_subject`); they get the target and the part
      under the names of their fields, and `text`, `quote`, `comment`.
    """

    model: type[ThreadComment]
    target_field: str
    part_field: str
    readers: Callable[[Any, str], QuerySet]
    parts: Callable[[Any], Iterable[Any]]
    part_key: Callable[[Any], str]
    part_link: Callable[[Any], str]
    urls: CommentUrls
    texts: CommentTexts
    email_templates: str

    @property
    def whole_anchor(self) -> str:
        return f"comments-{self.target_field}"

    def target_of(self, comment: ThreadComment):
        return getattr(comment, self.target_field)

    def target_id_of(self, comment: ThreadComment) -> int:
        return getattr(comment, f"{self.target_field}_id")

    def part_of(self, comment: ThreadComment):
        return getattr(comment, self.part_field)

    def part_id_of(self, comment: ThreadComment) -> int | None:
        return getattr(comment, f"{self.part_field}_id")

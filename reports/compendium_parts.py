"""Documents of other kinds that a compendium may hold after the reports: a plug-in point, so that
an app built on `reports` (the action plans) adds its documents without `reports` importing it.

An app registers a `CompendiumKind` from its `AppConfig.ready()`. Then:
- the compendium form shows a fieldset of checkboxes named by the kind's `key` (`choices`);
- `Compendium.document_ids` keeps the chosen ids per key, in order;
- the worker asks the kind for the printed parts (`printed`) and the compendium's template
  renders each, after the reports, with the kind's own templates and print stylesheet: its
  entry in the general contents (`toc_template`) and its title page and chapters (`template`).

A printed part is the kind's own object; the compendium reads only `anchor` (the id of its title,
for the contents and the bookmarks), `region_name` (for the general cover), `is_draft` and
`updated_at`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# The compendium form's own fields: no kind may take their names.
RESERVED_KEYS = frozenset({"reports", "language"})


@dataclass(frozen=True)
class Choice:
    """One document a coordinator may tick; `selected` ones are ticked at first."""

    pk: int
    label: str
    selected: bool


@dataclass(frozen=True)
class CompendiumKind:
    key: str  # the form field's name and the key in `Compendium.document_ids`
    label: str  # the fieldset's legend (lazily translated), plural: "Action plans"
    help_text: str
    choices: Callable[[Any], list[Choice]]  # (user) → what they may pick, in the listed order
    # (ids, language) → the printed parts in the order of `ids`, one at a time (the compendium
    # counts its progress as they come); ids no longer found are left out.
    printed: Callable[[list[int], str], Iterable[Any]]
    template: str  # one part's title page and chapters, given `part`
    toc_template: str  # one part's entry (an <li>) in the general contents, given `part`
    stylesheet: str  # the static path of the print CSS the two templates need


class MissingDocuments(Exception):
    """Chosen documents of a kind were deleted after the compendium was requested."""

    def __init__(self, kind: CompendiumKind, count: int):
        super().__init__(f"{count} of the chosen {kind.key} no longer exist")
        self.kind = kind
        self.count = count


_kinds: dict[str, CompendiumKind] = {}


def register(kind: CompendiumKind) -> None:
    """Add `kind` (from an `AppConfig.ready()`); registering the same key again replaces it."""
    if kind.key in RESERVED_KEYS:
        raise ValueError(f"{kind.key!r} is a field of the compendium form already.")
    _kinds[kind.key] = kind


def kinds() -> list[CompendiumKind]:
    """The registered kinds, in the order they were registered (the order printed)."""
    return list(_kinds.values())


def printed_documents(
    document_ids: dict[str, list[int]], *, language: str, on_each: Callable[[], None]
) -> Iterator[tuple[CompendiumKind, list]]:
    """Each registered kind with chosen documents and its printed parts; `on_each()` after each
    part. Raises `MissingDocuments` when a chosen document no longer exists."""
    for kind in kinds():
        ids = document_ids.get(kind.key) or []
        if not ids:
            continue
        parts = []
        for part in kind.printed(ids, language):
            parts.append(part)
            on_each()
        if len(parts) < len(ids):
            raise MissingDocuments(kind, len(ids) - len(parts))
        yield kind, parts

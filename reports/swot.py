"""A SWOT section split into its four quadrants, and the words that recur across regions.

The outline asks for the SWOT "best as a table", so a section is split when it is written as:
- a table whose columns are strengths, weaknesses, opportunities and threats, in that order
  (rows of four cells; header cells and a row of the quadrants' names are skipped);
- a 2×2 table: strengths | weaknesses over opportunities | threats;
- headings (or a paragraph in bold) naming the quadrants, each followed by its text.
Anything else is not split (`split_quadrants` answers None) and the page shows the text whole.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from interventures.richtext import plain_text, sanitize


class Quadrant(models.TextChoices):
    STRENGTHS = "strengths", _("Strengths")
    WEAKNESSES = "weaknesses", _("Weaknesses")
    OPPORTUNITIES = "opportunities", _("Opportunities")
    THREATS = "threats", _("Threats")


QUADRANTS = tuple(Quadrant)
VOID_TAGS = frozenset({"br", "hr", "img"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Recurring themes: lower-cased words of at least MIN_LETTERS letters, minus STOP_WORDS, that
# appear in the same quadrant of at least two regions (a region counts a word once).
MIN_LETTERS = 5
STOP_WORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "among",
        "based",
        "because",
        "before",
        "being",
        "below",
        "between",
        "could",
        "every",
        "first",
        "other",
        "their",
        "there",
        "these",
        "those",
        "through",
        "under",
        "until",
        "where",
        "which",
        "while",
        "within",
        "without",
        "would",
    ]
)
THEMES_SHOWN = 12


@dataclass
class _Node:
    tag: str
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    children: list = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A small element tree of (already sanitised) HTML: enough to find tables and headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("")
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, attrs)
        self._open[-1].children.append(node)
        if tag not in VOID_TAGS:
            self._open.append(node)

    def handle_startendtag(self, tag, attrs):
        self._open[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._open[-1].children.append(data)


def _html(children: list) -> str:
    parts = []
    for child in children:
        if isinstance(child, str):
            parts.append(escape(child, quote=False))
            continue
        attrs = "".join(f' {name}="{escape(value or "")}"' for name, value in child.attrs)
        parts.append(f"<{child.tag}{attrs}>")
        if child.tag not in VOID_TAGS:
            parts.append(f"{_html(child.children)}</{child.tag}>")
    return "".join(parts)


def _text(node) -> str:
    if isinstance(node, str):
        return node
    return " ".join(_text(child) for child in node.children)


def _elements(node: _Node, tags: frozenset[str] | set[str]) -> list[_Node]:
    """The element children of `node` with one of `tags`, looking through thead/tbody/tfoot."""
    found = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag in tags:
                found.append(child)
            elif child.tag in {"thead", "tbody", "tfoot"}:
                found.extend(_elements(child, tags))
    return found


def _first_table(node: _Node) -> _Node | None:
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == "table":
                return child
            table = _first_table(child)
            if table is not None:
                return table
    return None


def _names(language: str) -> dict[str, Quadrant]:
    """Each quadrant's name, lower-cased, in English and in the report's language."""
    names = {}
    for code in {"en", language or "en"}:
        with translation.override(code):
            names.update({str(quadrant.label).casefold(): quadrant for quadrant in QUADRANTS})
    return names


def _quadrant_named(text: str, names: dict[str, Quadrant]) -> Quadrant | None:
    return names.get(" ".join(text.split()).strip(" :").casefold())


def _from_table(table: _Node, names: dict[str, Quadrant]) -> dict[Quadrant, str] | None:
    rows = []
    for row in _elements(table, {"tr"}):
        cells = _elements(row, {"td", "th"})
        all_headers = all(cell.tag == "th" for cell in cells)
        all_names = all(_quadrant_named(_text(cell), names) for cell in cells)
        if cells and not all_headers and not all_names:
            rows.append(cells)
    if rows and all(len(cells) == 4 for cells in rows):
        columns = zip(*rows, strict=True)
        return {
            quadrant: "".join(_html(cell.children) for cell in column)
            for quadrant, column in zip(QUADRANTS, columns, strict=True)
        }
    if len(rows) == 2 and all(len(cells) == 2 for cells in rows):
        cells = [*rows[0], *rows[1]]
        return {
            quadrant: _html(cell.children) for quadrant, cell in zip(QUADRANTS, cells, strict=True)
        }
    return None


def _heading_quadrant(node, names: dict[str, Quadrant]) -> Quadrant | None:
    if not isinstance(node, _Node):
        return None
    elements = [child for child in node.children if isinstance(child, _Node)]
    is_bold_paragraph = (
        node.tag == "p" and len(elements) == 1 and elements[0].tag in {"strong", "b"}
    )
    if node.tag in HEADING_TAGS or is_bold_paragraph:
        return _quadrant_named(_text(node), names)
    return None


def _from_headings(root: _Node, names: dict[str, Quadrant]) -> dict[Quadrant, str] | None:
    parts: dict[Quadrant, list] = {}
    current = None
    for node in root.children:
        quadrant = _heading_quadrant(node, names)
        if quadrant is not None:
            current = quadrant
            parts.setdefault(current, [])
        elif current is not None:
            parts[current].append(node)
    if not parts:
        return None
    return {quadrant: _html(parts.get(quadrant, [])) for quadrant in QUADRANTS}


def split_quadrants(html: str, language: str) -> dict[Quadrant, str] | None:
    """The section's four quadrants as sanitised HTML (empty when one is not written), or
    None when the text is not laid out as a SWOT the page can split."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    names = _names(language)
    table = _first_table(builder.root)
    quadrants = _from_table(table, names) if table is not None else None
    if quadrants is None:
        quadrants = _from_headings(builder.root, names)
    if quadrants is None:
        return None
    # Re-serialised fragments of sanitised HTML, cleaned again so that what reaches the page
    # went through the same allow-list as the section itself.
    return {quadrant: sanitize(body).strip() for quadrant, body in quadrants.items()}


def theme_words(html: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", plain_text(html).casefold())
    return {word for word in words if len(word) >= MIN_LETTERS and word not in STOP_WORDS}


@dataclass(frozen=True)
class Theme:
    word: str
    regions: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.regions)


def recurring_themes(
    quadrants_by_region: dict[str, dict[Quadrant, str]], *, shown: int = THEMES_SHOWN
) -> dict[Quadrant, list[Theme]]:
    """Per quadrant, the words found in that quadrant of at least two regions (keyed by the
    region's name), the most shared first, then alphabetically; at most `shown` of them."""
    themes = {}
    for quadrant in QUADRANTS:
        regions_of: dict[str, list[str]] = defaultdict(list)
        for region, quadrants in quadrants_by_region.items():
            for word in theme_words(quadrants.get(quadrant, "")):
                regions_of[word].append(region)
        recurring = [
            Theme(word, tuple(sorted(regions)))
            for word, regions in regions_of.items()
            if len(regions) >= 2
        ]
        recurring.sort(key=lambda theme: (-theme.count, theme.word))
        themes[quadrant] = recurring[:shown]
    return themes

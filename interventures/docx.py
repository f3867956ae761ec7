"""Word documents (.docx) from a plain description: the portal's Word exports share this builder.

A caller (`reports/docx.py`, `plans/docx.py`, the synthesis) describes its document with the
dataclasses below and calls `build_docx(document) -> bytes`:

    from interventures.docx import Document, Section, Table, build_docx

    content = build_docx(
        Document(
            title="Situation Analysis Report: Lombardy",
            subtitle="Reference period 2020–2024",
            language="it",                      # the labels' language (headings, cover, "DRAFT")
            text_language="it",                 # the written text's language; default: language
            author="Regione Lombardia; Unioncamere Lombardia",   # core property "author"
            draft=True,                         # "DRAFT" in every page's header
            cover_lines=["Status: draft", "Last updated: 5 December 2026"],
            sections=[
                Section("Barriers", html="<p>Sanitised rich text…</p>"),
                Section(
                    "Indicators",
                    tables=[Table("Indicators", ["Indicator", "Value"], [["SMEs", "12 %"]])],
                ),
                Section("Actions", subsections=[Section("Action 1", html="<p>…</p>")]),
            ],
            base_url="https://portal.example.org",   # makes relative links absolute
        )
    )

What the package holds: a cover page (title, subtitle, cover lines), a table of contents as a
Word TOC field (filled with the headings, without page numbers, and updated by Word on opening,
`w:updateFields`), each section's heading as Word's "Heading 1" (a subsection's as "Heading 2",
and so on: the navigation pane works), its HTML, then its tables.

The HTML is the portal's rich-text subset (`interventures.richtext`, already sanitised): `p`,
`br`, `h2`–`h4` (one level under the section's heading, `h4` one more), `ul`/`ol`/`li` (Word
numbering; each ordered list starts at 1; nested lists indent), `strong`/`b`, `em`/`i`, `a`
(hyperlinks; `https:` and `mailto:`, or relative ones made absolute by `base_url`; others stay
text), `blockquote` ("Quote" style) and tables (`th` cells bold; a first row in `thead` or of
`th` cells repeats on every page; `colspan`/`rowspan` merge cells). Anything else keeps its text.

Footnotes: an `<fn>…</fn>` element anywhere in the HTML becomes a real Word footnote at that
place (its content, which may hold `strong`, `em` and `a`, is the note). A citation is written
that way, e.g. `…as Lombardy found<fn>Situation Analysis Report of Lombardy, section
“Barriers”, <a href="https://…">on the portal</a>.</fn>`. The sanitiser never keeps `fn`, so
only the exporting code adds it.

The same description makes OpenDocument text too: `interventures.odt` (`build_odt`,
`odt_response`).

Serving: `docx_response(document, filename=...)` answers the download (an attachment), from
the cache when the same description was built before (`cache_key`: a hash of the whole
description, so any edit, a new status, date or language makes a new entry; plus this builder's
and python-docx's versions). The caller checks access first, as for the PDF.

Language: the text's language is set on the default run properties (spell-check and
hyphenation in Word and LibreOffice) and the labels' language on the heading, title and table
of contents styles; automatic hyphenation is on. Core properties: title, subject, keywords,
author and last modified by (the organisation), language, created and modified.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit

import docx
import lxml.html
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Bump when the output changes in a way the description does not show (the cache keys use it).
BUILDER_VERSION = "1"

# Word wants a language with its region for spell-check; the portal's languages in the EU.
REGIONS = {"en": "en-GB", "it": "it-IT", "hu": "hu-HU", "pl": "pl-PL", "es": "es-ES", "lt": "lt-LT"}

HEADING_TAGS = {"h1": 1, "h2": 1, "h3": 1, "h4": 2, "h5": 3, "h6": 3}
LIST_TAGS = {"ul", "ol"}
LINK_SCHEMES = {"https", "http", "mailto"}
MAX_HEADING_LEVEL = 9
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Built documents live with the PDFs, apart from the default cache's rate-limit entries.
CACHE_ALIAS = "pdf"
CACHE_SECONDS = 60 * 60 * 24 * 30  # content-addressed: an entry never goes stale, only unused
HYPERLINK_STYLE_ID = "Hyperlink"


@dataclass(frozen=True)
class Table:
    """A table after a section's text: its caption, one header row (repeated on every page)
    and the rows, all plain text."""

    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Section:
    """A heading, its rich text (sanitised HTML, see the module's docstring), its tables and
    the sections under it (one heading level deeper)."""

    heading: str
    html: str = ""
    tables: Sequence[Table] = ()
    subsections: Sequence[Section] = ()


@dataclass(frozen=True)
class Document:
    """Everything a Word export holds; see the module's docstring."""

    title: str
    language: str
    author: str = ""
    subtitle: str = ""
    text_language: str = ""
    draft: bool = False
    cover_lines: Sequence[str] = ()
    sections: Sequence[Section] = ()
    subject: str = ""
    keywords: str = ""
    created: datetime | None = None
    modified: datetime | None = None
    base_url: str = ""

    @property
    def body_language(self) -> str:
        """Word's tag for the language the text is written in."""
        return word_language(self.text_language or self.language)


def build_docx(document: Document) -> bytes:
    """The .docx package of `document`, as bytes."""
    builder = _Builder(xml_safe(document))
    return builder.build()


# Characters XML 1.0 cannot hold: text pasted from Word brings its vertical tab (a manual line
# break), which the sanitiser keeps and lxml refuses.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """`value` (a description, or any of its parts) without characters XML cannot hold; a
    vertical tab becomes a space."""
    if isinstance(value, str):
        return XML_UNSAFE.sub(lambda match: " " if match.group() == "\x0b" else "", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list | tuple):
        return [xml_safe(item) for item in value]
    return value


def cache_key(document: Document, *, kind: str = "docx") -> str:
    """The cache key of `document`'s package of `kind`: a hash of everything it holds (lazy
    translations turned into their text) and of the builders' and python-docx's versions."""
    described = json.dumps(dataclasses.asdict(document), default=str, sort_keys=True)
    digest = hashlib.sha256(described.encode()).hexdigest()
    versions = f"{BUILDER_VERSION}:{version('python-docx')}"
    return f"{kind}:{versions}:{document.language}:{digest}"


def download_response(
    document: Document, *, filename: str, build, kind: str, content_type: str
) -> HttpResponse:
    """The download (an attachment named `filename`) of `build(document)`, built once per
    description and `kind` of package."""
    key = cache_key(document, kind=kind)
    content = caches[CACHE_ALIAS].get(key)
    if content is None:
        content = build(document)
        caches[CACHE_ALIAS].set(key, content, CACHE_SECONDS)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def docx_response(document: Document, *, filename: str) -> HttpResponse:
    """The download of `document` as `filename` (ASCII, ending in .docx)."""
    return download_response(
        document, filename=filename, build=build_docx, kind="docx", content_type=CONTENT_TYPE
    )


def link_target(href: str, base_url: str) -> str:
    """Where a link of the rich text leads in an export: an allowed scheme, or a relative URL
    made absolute against `base_url`; '' for anything else (the link keeps only its text)."""
    href = href.strip()
    if not href or href.startswith("#"):
        return ""
    scheme = urlsplit(href).scheme.lower()
    if not scheme and base_url:
        return urljoin(base_url, href)
    return href if scheme in LINK_SCHEMES else ""


def word_language(code: str) -> str:
    """`code` as Word's language tag: `it` → `it-IT`; one with a region stays as it is."""
    code = (code or "en").replace("_", "-")
    return REGIONS.get(code.lower(), code)


# --- the builder --------------------------------------------------------------------------------


@dataclass
class _Lists:
    """The numbering definitions this document adds: one for bullets, one for numbers; each
    ordered list gets its own `w:num` so that it starts at 1."""

    bullet_num: int = 0
    decimal_abstract: int = 0


@dataclass
class _Builder:
    spec: Document
    doc: docx.document.Document = field(init=False)
    footnotes: _Footnotes = field(init=False)
    lists: _Lists = field(default_factory=_Lists)

    def __post_init__(self):
        self.doc = docx.Document()
        self.footnotes = _Footnotes(self.doc)

    def build(self) -> bytes:
        with translation.override(self.spec.language):
            self._styles()
            self._settings()
            self._numbering()
            # Always there: the settings' footnote properties name its two separators.
            self.footnotes.ensure_part()
            self._properties()
            if self.spec.draft:
                self._draft_header()
            self._cover()
            self._contents()
            for section in self.spec.sections:
                self._section(section, level=1)
        # The default template's one empty paragraph would make a blank first line.
        body = self.doc.element.body
        first = body[0]
        if first.tag == qn("w:p") and not len(first):
            body.remove(first)
        output = io.BytesIO()
        self.doc.save(output)
        return output.getvalue()

    # --- package-wide parts ---

    def _styles(self) -> None:
        styles = self.doc.styles
        text_language = self.spec.body_language
        label_language = word_language(self.spec.language)
        defaults = styles.element.find(qn("w:docDefaults"))
        lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        lang.set(qn("w:val"), text_language)
        for name in ("Title", "Subtitle", "TOC Heading", *(f"Heading {n}" for n in range(1, 4))):
            _set_language(styles[name], label_language)
        _character_style(styles, "Hyperlink", color=RGBColor(0x05, 0x63, 0xC1), underline=True)
        reference = _character_style(styles, "footnote reference")
        reference.font.superscript = True
        note_text = _paragraph_style(styles, "footnote text")
        note_text.font.size = Pt(9)
        note_text.paragraph_format.space_after = Pt(2)
        for level in range(1, 4):
            toc = _paragraph_style(styles, f"toc {level}")
            toc.paragraph_format.left_indent = Pt(12 * (level - 1))
            toc.paragraph_format.space_after = Pt(3)
            _set_language(toc, label_language)

    def _settings(self) -> None:
        settings = self.doc.settings.element
        compat = settings.find(qn("w:compat"))
        after_tab = settings.find(qn("w:defaultTabStop"))
        after_tab.addnext(parse_xml(f'<w:autoHyphenation {nsdecls("w")} w:val="true"/>'))
        # Word fills the table of contents (page numbers) when it opens the document.
        compat.addprevious(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))
        compat.addprevious(
            parse_xml(
                f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                '<w:footnote w:id="0"/></w:footnotePr>'
            )
        )
        theme_language = settings.find(qn("w:themeFontLang"))
        theme_language.set(qn("w:val"), self.spec.body_language)

    def _numbering(self) -> None:
        numbering = self.doc.part.numbering_part.element
        ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
        bullet, decimal = max(ids, default=0) + 1, max(ids, default=0) + 2
        first_num = numbering.find(qn("w:num"))
        for definition in (_abstract_num(bullet, "bullet"), _abstract_num(decimal, "decimal")):
            if first_num is not None:
                first_num.addprevious(definition)
            else:
                numbering.append(definition)
        self.lists.bullet_num = numbering.add_num(bullet).numId
        self.lists.decimal_abstract = decimal

    def _new_ordered_list(self) -> int:
        numbering = self.doc.part.numbering_part.element
        num = numbering.add_num(self.lists.decimal_abstract)
        for level in range(MAX_HEADING_LEVEL):
            override = num.add_lvlOverride(ilvl=level)
            override.add_startOverride(1)
        return num.numId

    def _properties(self) -> None:
        spec = self.spec
        properties = self.doc.core_properties
        properties.title = spec.title
        properties.subject = spec.subject or spec.subtitle
        properties.keywords = spec.keywords
        properties.author = spec.author
        properties.last_modified_by = spec.author
        properties.language = spec.body_language
        properties.comments = ""
        properties.revision = 1
        if spec.created:
            properties.created = spec.created
        if spec.modified or spec.created:
            properties.modified = spec.modified or spec.created

    def _draft_header(self) -> None:
        header = self.doc.sections[0].header
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(_("DRAFT"))
        run.bold = True
        run.font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
        run.font.size = Pt(14)

    # --- the cover and the contents ---

    def _cover(self) -> None:
        self.doc.add_paragraph(self.spec.title, style="Title")
        if self.spec.subtitle:
            self.doc.add_paragraph(self.spec.subtitle, style="Subtitle")
        for line in self.spec.cover_lines:
            self.doc.add_paragraph(line)
        self.doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    def _contents(self) -> None:
        self.doc.add_paragraph(_("Contents"), style="TOC Heading")
        entries = list(outline_of(self.spec.sections, level=1))
        # The field's result is the headings as they are now (LibreOffice shows it as it is);
        # the first entry's paragraph holds the field's start, the last one its end.
        paragraph = None
        for index, (level, heading) in enumerate(entries or [(1, "")]):
            paragraph = self.doc.add_paragraph(style=f"toc {level}")
            if index == 0:
                _field_start(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            paragraph.add_run(heading)
        _field_end(paragraph)
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    # --- the sections ---

    def _section(self, section: Section, *, level: int) -> None:
        self.doc.add_paragraph(section.heading, style=_heading_style(level))
        if section.html:
            _Html(self, level).render(section.html)
        for table in section.tables:
            self._table(table)
        for subsection in section.subsections:
            self._section(subsection, level=level + 1)

    def _table(self, table: Table) -> None:
        caption = self.doc.add_paragraph(table.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        word_table, cells = _new_table(self.doc, 1 + len(table.rows), columns, self.doc.styles)
        for column, text in enumerate(table.header):
            _Cell(cells[0][column], word_table).paragraphs[0].add_run(text).bold = True
        for row_index, row in enumerate(table.rows, start=1):
            for column, text in enumerate(row):
                _Cell(cells[row_index][column], word_table).paragraphs[0].add_run(text)
        _repeat_header(word_table._tbl.tr_lst[0])
        self.doc.add_paragraph()


class _Footnotes:
    """The footnotes part (`word/footnotes.xml`), which python-docx does not make: the two
    separators Word expects (ids -1 and 0), then one `w:footnote` per note."""

    def __init__(self, doc):
        self.doc = doc
        self.part: XmlPart | None = None
        self.next_id = 1

    def ensure_part(self) -> XmlPart:
        if self.part is None:
            element = parse_xml(
                f"<w:footnotes {nsdecls('w', 'r')}>"
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/>'
                "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
                '<w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
                "</w:footnote></w:footnotes>"
            )
            package = self.doc.part.package
            self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, package)
            self.doc.part.relate_to(self.part, RT.FOOTNOTES)
        return self.part

    def add(self) -> tuple[int, Paragraph]:
        """A new footnote's id and its paragraph (which already starts with its number)."""
        part = self.ensure_part()
        note_id = self.next_id
        self.next_id += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = OxmlElement("w:p")
        note.append(p)
        part.element.append(note)
        paragraph = Paragraph(p, _PartParent(part))
        # Style ids, not style objects: python-docx resolves those in the document part only.
        p.get_or_add_pPr().style = self.doc.styles["footnote text"].style_id
        mark = paragraph.add_run()
        mark._r.get_or_add_rPr().style = self.doc.styles["footnote reference"].style_id
        mark._r.append(OxmlElement("w:footnoteRef"))
        paragraph.add_run(" ")
        return note_id, paragraph


@dataclass(frozen=True)
class _PartParent:
    """What python-docx's `Paragraph` asks of its parent: the part holding it (for links)."""

    part: XmlPart


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False


class _Html:
    """The rich-text subset rendered after a heading of `level`, into the document's body or
    into `container` (a table's cell), its text in `base` format (bold in header cells)."""

    def __init__(self, builder: _Builder, level: int, container=None, base: _Format | None = None):
        self.builder = builder
        self.doc = builder.doc
        self.level = level
        self.container = container if container is not None else builder.doc
        self.base = base or _Format()

    def render(self, html: str) -> None:
        self.render_node(lxml.html.fragment_fromstring(html, create_parent="div"))

    def render_node(self, node) -> None:
        self._blocks(node, list_level=-1, style=None)

    def _blocks(self, node, *, list_level: int, style: str | None) -> None:
        """Each child of `node` as paragraphs; loose text and inline children make one."""
        loose: list = []
        if (node.text or "").strip():
            loose.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in {"p", "blockquote", "table", "ul", "ol", "li", "div", *HEADING_TAGS}:
                self._loose(loose, style)
                loose = []
                self._block(child, tag, list_level=list_level, style=style)
                if (child.tail or "").strip():
                    loose.append(child.tail)
            elif tag:
                loose.append(child)
        self._loose(loose, style)

    def _loose(self, pieces: list, style: str | None) -> None:
        if all(isinstance(piece, str) and not piece.strip() for piece in pieces):
            return
        paragraph = self.container.add_paragraph(style=style)
        for piece in pieces:
            if isinstance(piece, str):
                _text(paragraph, piece, self.base)
            else:
                self._inline(piece, paragraph, self.base)
                if piece.tail:
                    _text(paragraph, piece.tail, self.base)

    def _block(self, node, tag: str, *, list_level: int, style: str | None) -> None:
        if tag in HEADING_TAGS:
            level = min(MAX_HEADING_LEVEL, self.level + HEADING_TAGS[tag])
            self._paragraph(node, _heading_style(level))
        elif tag == "p":
            self._paragraph(node, style)
        elif tag == "blockquote":
            self._blocks(node, list_level=list_level, style="Quote")
        elif tag in LIST_TAGS:
            self._list(node, ordered=tag == "ol", level=list_level + 1)
        elif tag == "table":
            self._table(node)
        else:
            self._blocks(node, list_level=list_level, style=style)

    def _paragraph(self, node, style: str | None) -> Paragraph:
        paragraph = self.container.add_paragraph(style=style)
        self._children(node, paragraph, self.base)
        return paragraph

    def _list(self, node, *, ordered: bool, level: int) -> None:
        num_id = self.builder._new_ordered_list() if ordered else self.builder.lists.bullet_num
        level = min(level, MAX_HEADING_LEVEL - 1)
        for item in node:
            if item.tag != "li":
                continue
            paragraph = self.container.add_paragraph(style="List Paragraph")
            _number(paragraph, num_id, level)
            if self.container is not self.doc:
                # A table's column is narrow: the list's usual indent would take half of it.
                paragraph.paragraph_format.left_indent = Pt(10 * (level + 1))
                paragraph.paragraph_format.first_line_indent = Pt(-10)
            nested = []
            self._inline_text(item.text, paragraph)
            for child in item:
                if child.tag in LIST_TAGS:
                    nested.append(child)
                elif child.tag == "p":
                    self._children(child, paragraph, self.base)
                else:
                    self._inline(child, paragraph, self.base)
                self._inline_text(child.tail, paragraph)
            for child in nested:
                self._list(child, ordered=child.tag == "ol", level=level + 1)

    def _inline_text(self, text: str | None, paragraph: Paragraph) -> None:
        if text:
            _text(paragraph, text, self.base)

    def _children(self, node, paragraph: Paragraph, fmt: _Format) -> None:
        if node.text:
            _text(paragraph, node.text, fmt)
        for child in node:
            self._inline(child, paragraph, fmt)
            if child.tail:
                _text(paragraph, child.tail, fmt)

    def _inline(self, node, paragraph: Paragraph, fmt: _Format) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in {"strong", "b"}:
            self._children(node, paragraph, _Format(True, fmt.italic))
        elif tag in {"em", "i"}:
            self._children(node, paragraph, _Format(fmt.bold, True))
        elif tag == "br":
            paragraph.add_run().add_break()
        elif tag == "a":
            url = link_target(node.get("href", ""), self.builder.spec.base_url)
            if url:
                _hyperlink(paragraph, url, node.text_content(), fmt)
            else:
                self._children(node, paragraph, fmt)
        elif tag == "fn":
            self._footnote(node, paragraph)
        elif tag:
            self._children(node, paragraph, fmt)

    def _footnote(self, node, paragraph: Paragraph) -> None:
        note_id, note = self.builder.footnotes.add()
        self._children(node, note, self.base)
        reference = paragraph.add_run()
        reference._r.get_or_add_rPr().style = self.doc.styles["footnote reference"].style_id
        element = OxmlElement("w:footnoteReference")
        element.set(qn("w:id"), str(note_id))
        reference._r.append(element)

    def _cell(self, cell, node) -> None:
        bold = _Format(bold=node.tag == "th")
        _Html(self.builder, self.level, container=cell, base=bold).render_node(node)
        # A new cell holds one empty paragraph; the cell's own text came after it.
        paragraphs = cell.paragraphs
        if len(paragraphs) > 1 and not paragraphs[0].text and not len(paragraphs[0]._p.r_lst):
            paragraphs[0]._p.getparent().remove(paragraphs[0]._p)

    def _table(self, node) -> None:
        rows = node.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        if not rows:
            return
        grid = table_grid(rows)
        columns = max(len(row) for row in grid)
        table, cells = _new_table(self.container, len(grid), columns, self.doc.styles)
        for row_index, row in enumerate(grid):
            for column, slot in enumerate(row):
                if slot is None or slot.row != row_index or slot.column != column:
                    continue
                self._cell(_Cell(cells[row_index][column], table), slot.node)
                _merge(cells, slot)
        header = rows[0]
        if header.getparent().tag == "thead" or all(cell.tag == "th" for cell in header):
            _repeat_header(table._tbl.tr_lst[0])
        self.container.add_paragraph()


@dataclass(frozen=True)
class GridSlot:
    node: object
    row: int
    column: int
    rowspan: int
    colspan: int


def _span(node, name: str) -> int:
    value = node.get(name, "1")
    return max(1, min(int(value), 50)) if value.isdigit() else 1


def table_grid(rows) -> list[list[GridSlot | None]]:
    """The HTML rows as a grid of slots: a cell spanning several is in each of them."""
    grid: list[list[GridSlot | None]] = [[] for _ in rows]
    for row_index, row in enumerate(rows):
        column = 0
        for cell in row:
            if cell.tag not in {"td", "th"}:
                continue
            while column < len(grid[row_index]) and grid[row_index][column] is not None:
                column += 1
            rowspan = min(_span(cell, "rowspan"), len(rows) - row_index)
            slot = GridSlot(cell, row_index, column, rowspan, _span(cell, "colspan"))
            for r in range(row_index, row_index + rowspan):
                line = grid[r]
                while len(line) < column + slot.colspan:
                    line.append(None)
                for c in range(column, column + slot.colspan):
                    line[c] = slot
            column += slot.colspan
    width = max((len(line) for line in grid), default=0)
    for line in grid:
        line.extend([None] * (width - len(line)))
    return grid


# --- small XML helpers -------------------------------------------------------------------------


def outline_of(sections: Sequence[Section], *, level: int = 1):
    """(level, heading) of every section and subsection the table of contents lists."""
    for section in sections:
        if level <= 3:
            yield level, section.heading
        yield from outline_of(section.subsections, level=level + 1)


def _heading_style(level: int) -> str:
    return f"Heading {max(1, min(level, MAX_HEADING_LEVEL))}"


def _text(paragraph: Paragraph, text: str, fmt: _Format) -> None:
    # HTML whitespace collapses: a line break in the source is a space.
    text = re.sub(r"\s+", " ", text)
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = fmt.bold or None
    run.italic = fmt.italic or None


def _hyperlink(paragraph: Paragraph, url: str, text: str, fmt: _Format) -> None:
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    paragraph._p.append(link)
    run = OxmlElement("w:r")
    link.append(run)
    word_run = Run(run, paragraph)
    word_run.text = re.sub(r"\s+", " ", text) or url
    run.get_or_add_rPr().style = HYPERLINK_STYLE_ID
    word_run.bold = fmt.bold or None
    word_run.italic = fmt.italic or None


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    begin = paragraph.add_run()
    begin._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin" w:dirty="true"/>'))
    code = paragraph.add_run()
    code._r.append(
        parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>')
    )
    separate = paragraph.add_run()
    separate._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))


def _field_end(paragraph: Paragraph) -> None:
    end = paragraph.add_run()
    end._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _number(paragraph: Paragraph, num_id: int, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id


def _abstract_num(abstract_id: int, kind: str):
    bullets = "•◦▪"
    levels = []
    for level in range(MAX_HEADING_LEVEL):
        text = bullets[level % 3] if kind == "bullet" else f"%{level + 1}."
        indent = 720 + 360 * level
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>' + "".join(levels) + "</w:abstractNum>"
    )


def _new_table(container, rows: int, columns: int, styles):
    """A "Table Grid" table whose rows never split, and its cells (`w:tc`) by row and column.

    The cells are read once from the XML: python-docx's `table.cell()` and `row.cells` walk the
    whole table on every call, which made a table of a few hundred rows take minutes."""
    table = container.add_table(rows=rows, cols=columns)
    table.style = styles["Table Grid"]
    for tr in table._tbl.tr_lst:
        tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))
    return table, [list(tr.tc_lst) for tr in table._tbl.tr_lst]


def _merge(cells, slot: GridSlot) -> None:
    """The cells `slot` spans made one: a `gridSpan` on its first cell of each row (the others
    of the row removed) and a vertical merge down its rows."""
    for row in range(slot.row, slot.row + slot.rowspan):
        first = cells[row][slot.column]
        if slot.colspan > 1:
            first.grid_span = slot.colspan
            for column in range(slot.column + 1, slot.column + slot.colspan):
                covered = cells[row][column]
                covered.getparent().remove(covered)
        if slot.rowspan > 1:
            first.vMerge = "restart" if row == slot.row else "continue"


def _repeat_header(tr) -> None:
    tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _set_language(style, language: str) -> None:
    properties = style.element.get_or_add_rPr()
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    # w:lang comes after the formatting children and before the East Asian layout.
    successors = [qn(tag) for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
    following = next((child for child in properties if child.tag in successors), None)
    if following is not None:
        following.addprevious(lang)
    else:
        properties.append(lang)


def _character_style(styles, name: str, *, color: RGBColor | None = None, underline=False):
    if name in [style.name for style in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.element.styleId = name.title().replace(" ", "")
    style.hidden = False
    style.unhide_when_used = True
    if color is not None:
        style.font.color.rgb = color
    if underline:
        style.font.underline = True
    return style


def _paragraph_style(styles, name: str):
    if name in [style.name for style in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.styleId = name.title().replace(" ", "")
    style.base_style = styles["Normal"]
    style.hidden = False
    style.unhide_when_used = True
    return style

"""OpenDocument text (.odt) from the same description as the Word exports (`interventures.docx`:
`Document`, `Section`, `Table`): `build_odt(document) -> bytes`, `odt_response(document,
filename=...)` for the download (cached like the Word one).

The package is written directly as ODF 1.3 XML (no library needed): the `mimetype` entry first
and stored, the manifest, `meta.xml` (title, subject, keywords, initial creator = the
organisation, language, dates), `styles.xml` (the languages on the default and heading styles,
hyphenation, the heading, list, table, footnote and contents styles, the page with "DRAFT" in
its header on drafts) and `content.xml`: the cover, a table of contents index (filled with the
headings; LibreOffice and Word update its page numbers), the sections as `text:h` with their
outline level, the rich text (paragraphs, headings, lists, bold and italic, links, quotes,
tables with a repeated header row and merged cells) and `<fn>` footnotes as `text:note`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import lxml.html
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree

from .docx import (
    HEADING_TAGS,
    LIST_TAGS,
    MAX_HEADING_LEVEL,
    Document,
    Section,
    Table,
    download_response,
    link_target,
    outline_of,
    table_grid,
    word_language,
    xml_safe,
)

CONTENT_TYPE = "application/vnd.oasis.opendocument.text"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
ODF_VERSION = "1.3"
BLOCK_TAGS = {"p", "blockquote", "table", "ul", "ol", "li", "div", *HEADING_TAGS}


def build_odt(document: Document) -> bytes:
    """The .odt package of `document`, as bytes."""
    document = xml_safe(document)
    with translation.override(document.language):
        content = _Content(document).build()
        styles = _styles(document)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        # ODF: the media type first, stored uncompressed, so that it can be sniffed.
        package.writestr(zipfile.ZipInfo("mimetype"), CONTENT_TYPE, zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", _xml(_manifest()))
        package.writestr("meta.xml", _xml(_meta(document)))
        package.writestr("styles.xml", _xml(styles))
        package.writestr("content.xml", _xml(content))
    return output.getvalue()


def odt_response(document: Document, *, filename: str) -> HttpResponse:
    """The download of `document` as `filename` (ASCII, ending in .odt)."""
    return download_response(
        document, filename=filename, build=build_odt, kind="odt", content_type=CONTENT_TYPE
    )


# --- XML helpers -----------------------------------------------------------------------------


def q(name: str) -> str:
    """`text:p` → `{urn:…:text:1.0}p`."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(name: str, attributes: dict | None = None, *children, text: str | None = None):
    element = etree.Element(q(name), nsmap=NS)
    for key, value in (attributes or {}).items():
        element.set(q(key), str(value))
    if text:
        element.text = text
    for child in children:
        element.append(child)
    return element


def sub(parent, name: str, attributes: dict | None = None, text: str | None = None):
    element = etree.SubElement(parent, q(name))
    for key, value in (attributes or {}).items():
        element.set(q(key), str(value))
    if text:
        element.text = text
    return element


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def language_attributes(code: str) -> dict[str, str]:
    """`it` → fo:language it, fo:country IT (the region Word and LibreOffice expect)."""
    language, _sep, country = word_language(code).partition("-")
    return {"fo:language": language.lower(), "fo:country": country.upper() or "none"}


def append_text(parent, text: str) -> None:
    """`text` at the end of `parent` (after its last child, if any), whitespace collapsed."""
    text = re.sub(r"\s+", " ", text or "")
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# --- the package's other parts -----------------------------------------------------------------


def _manifest():
    root = el("manifest:manifest", {"manifest:version": ODF_VERSION})
    for path, media in (
        ("/", CONTENT_TYPE),
        ("content.xml", "text/xml"),
        ("styles.xml", "text/xml"),
        ("meta.xml", "text/xml"),
    ):
        sub(root, "manifest:file-entry", {"manifest:full-path": path, "manifest:media-type": media})
    return root


def _meta(document: Document):
    root = el("office:document-meta", {"office:version": ODF_VERSION})
    meta = sub(root, "office:meta")
    sub(meta, "meta:generator", text="INTER VENTURES portal")
    sub(meta, "dc:title", text=document.title)
    if document.subject or document.subtitle:
        sub(meta, "dc:subject", text=document.subject or document.subtitle)
    for keyword in filter(None, (word.strip() for word in document.keywords.split(","))):
        sub(meta, "meta:keyword", text=keyword)
    if document.author:
        sub(meta, "meta:initial-creator", text=document.author)
        sub(meta, "dc:creator", text=document.author)
    sub(meta, "dc:language", text=word_language(document.text_language or document.language))
    if document.created:
        sub(meta, "meta:creation-date", text=document.created.replace(tzinfo=None).isoformat())
    modified = document.modified or document.created
    if modified:
        sub(meta, "dc:date", text=modified.replace(tzinfo=None).isoformat())
    return root


def _styles(document: Document):
    """Named styles with LibreOffice's own names (so they map to Word's on conversion), the
    list styles, and the page with its header."""
    root = el("office:document-styles", {"office:version": ODF_VERSION})
    styles = sub(root, "office:styles")
    text_language = language_attributes(document.text_language or document.language)
    label_language = language_attributes(document.language)

    default = sub(styles, "style:default-style", {"style:family": "paragraph"})
    sub(default, "style:paragraph-properties", {"fo:hyphenation-ladder-count": "no-limit"})
    sub(
        default,
        "style:text-properties",
        {
            "style:font-name": "DejaVu Serif",
            "fo:font-size": "11pt",
            "fo:hyphenate": "true",
            "fo:hyphenation-remain-char-count": "3",
            "fo:hyphenation-push-char-count": "3",
            **text_language,
        },
    )

    def paragraph_style(name, display, parent="Standard", paragraph=None, text=None, **extra):
        style = sub(
            styles,
            "style:style",
            {
                "style:name": name,
                "style:display-name": display,
                "style:family": "paragraph",
                **({"style:parent-style-name": parent} if parent else {}),
                **extra,
            },
        )
        if paragraph:
            sub(style, "style:paragraph-properties", paragraph)
        if text:
            sub(style, "style:text-properties", text)
        return style

    paragraph_style("Standard", "Standard", parent=None, paragraph={"fo:margin-bottom": "0.2cm"})
    paragraph_style("Text_20_body", "Text body", paragraph={"fo:margin-bottom": "0.25cm"})
    heading_text = {"fo:font-weight": "bold", "fo:color": "#1f3864", **label_language}
    paragraph_style(
        "Heading",
        "Heading",
        paragraph={
            "fo:margin-top": "0.42cm",
            "fo:margin-bottom": "0.21cm",
            "fo:keep-with-next": "always",
        },
        text={**heading_text, "style:font-name": "DejaVu Sans"},
        **{"style:next-style-name": "Text_20_body"},
    )
    for level, size in zip(range(1, 4), ("16pt", "13pt", "12pt"), strict=True):
        paragraph_style(
            f"Heading_20_{level}",
            f"Heading {level}",
            parent="Heading",
            text={"fo:font-size": size},
            **{"style:default-outline-level": str(level)},
        )
    paragraph_style(
        "Title",
        "Title",
        parent="Heading",
        paragraph={"fo:margin-top": "4cm"},
        text={"fo:font-size": "26pt"},
    )
    paragraph_style("Subtitle", "Subtitle", parent="Heading", text={"fo:font-size": "15pt"})
    paragraph_style(
        "Quotations",
        "Quotations",
        parent="Text_20_body",
        paragraph={"fo:margin-left": "1cm", "fo:margin-right": "1cm"},
        text={"fo:font-style": "italic"},
    )
    paragraph_style("Table_20_Contents", "Table Contents", paragraph={"fo:margin-bottom": "0cm"})
    paragraph_style(
        "Table_20_Heading",
        "Table Heading",
        parent="Table_20_Contents",
        text={"fo:font-weight": "bold"},
    )
    paragraph_style(
        "Caption",
        "Caption",
        paragraph={"fo:keep-with-next": "always"},
        text={"fo:font-style": "italic", "fo:font-size": "10pt"},
    )
    # The note's number sits in the hanging indent, apart from its text.
    paragraph_style(
        "Footnote",
        "Footnote",
        paragraph={
            "fo:margin-left": "0.5cm",
            "fo:text-indent": "-0.5cm",
            "fo:margin-bottom": "0cm",
        },
        text={"fo:font-size": "9pt"},
    )
    paragraph_style(
        "Contents_20_Heading", "Contents Heading", parent="Heading", text={"fo:font-size": "16pt"}
    )
    for level in range(1, 4):
        paragraph_style(
            f"Contents_20_{level}",
            f"Contents {level}",
            paragraph={"fo:margin-left": f"{0.5 * (level - 1)}cm", "fo:margin-bottom": "0.1cm"},
            text=label_language,
        )
    paragraph_style(
        "Header",
        "Header",
        paragraph={"fo:text-align": "center"},
        text={"fo:color": "#b3261e", "fo:font-weight": "bold", "fo:font-size": "14pt"},
    )
    link = sub(
        styles,
        "style:style",
        {
            "style:name": "Internet_20_link",
            "style:display-name": "Internet link",
            "style:family": "text",
        },
    )
    sub(
        link,
        "style:text-properties",
        {
            "fo:color": "#0563c1",
            "style:text-underline-style": "solid",
            "style:text-underline-width": "auto",
            "style:text-underline-color": "font-color",
        },
    )
    for name, kind in (("List_bullet", "bullet"), ("List_number", "number")):
        _list_style(styles, name, kind)

    automatic = sub(root, "office:automatic-styles")
    layout = sub(automatic, "style:page-layout", {"style:name": "Page"})
    sub(
        layout,
        "style:page-layout-properties",
        {
            "fo:page-width": "21cm",
            "fo:page-height": "29.7cm",
            "fo:margin-top": "2cm",
            "fo:margin-bottom": "2cm",
            "fo:margin-left": "2.5cm",
            "fo:margin-right": "2.5cm",
            "style:print-orientation": "portrait",
        },
    )
    header_style = sub(layout, "style:header-style")
    sub(
        header_style,
        "style:header-footer-properties",
        {"fo:min-height": "0.6cm", "fo:margin-bottom": "0.4cm"},
    )
    masters = sub(root, "office:master-styles")
    master = sub(
        masters, "style:master-page", {"style:name": "Standard", "style:page-layout-name": "Page"}
    )
    if document.draft:
        header = sub(master, "style:header")
        sub(header, "text:p", {"text:style-name": "Header"}, text=_("DRAFT"))
    return root


def _list_style(styles, name: str, kind: str) -> None:
    style = sub(styles, "text:list-style", {"style:name": name})
    bullets = "•◦▪"
    for level in range(1, MAX_HEADING_LEVEL + 1):
        attributes = {"text:level": str(level)}
        if kind == "bullet":
            element = sub(
                style,
                "text:list-level-style-bullet",
                {**attributes, "text:bullet-char": bullets[(level - 1) % 3]},
            )
        else:
            element = sub(
                style,
                "text:list-level-style-number",
                {**attributes, "style:num-format": "1", "style:num-suffix": "."},
            )
        properties = sub(
            element,
            "style:list-level-properties",
            {"text:list-level-position-and-space-mode": "label-alignment"},
        )
        sub(
            properties,
            "style:list-level-label-alignment",
            {
                "text:label-followed-by": "listtab",
                "text:list-tab-stop-position": f"{0.635 * level}cm",
                "fo:text-indent": "-0.635cm",
                "fo:margin-left": f"{0.635 * level}cm",
            },
        )


# --- the content ----------------------------------------------------------------------------------


@dataclass
class _Content:
    spec: Document
    notes: int = 0
    tables: int = 0
    body: object = field(init=False)

    def build(self):
        root = el("office:document-content", {"office:version": ODF_VERSION})
        automatic = sub(root, "office:automatic-styles")
        self._automatic_styles(automatic)
        self.body = sub(sub(root, "office:body"), "office:text")
        self._cover()
        self._contents()
        for section in self.spec.sections:
            self._section(section, level=1)
        return root

    def _automatic_styles(self, automatic) -> None:
        for name, properties in (
            ("T_bold", {"fo:font-weight": "bold"}),
            ("T_italic", {"fo:font-style": "italic"}),
            ("T_bold_italic", {"fo:font-weight": "bold", "fo:font-style": "italic"}),
        ):
            style = sub(automatic, "style:style", {"style:name": name, "style:family": "text"})
            sub(style, "style:text-properties", properties)
        after_cover = sub(
            automatic,
            "style:style",
            {
                "style:name": "P_page_break",
                "style:family": "paragraph",
                "style:parent-style-name": "Standard",
            },
        )
        sub(after_cover, "style:paragraph-properties", {"fo:break-after": "page"})
        table = sub(automatic, "style:style", {"style:name": "Tbl", "style:family": "table"})
        sub(
            table,
            "style:table-properties",
            {"style:width": "16cm", "table:align": "margins", "fo:margin-bottom": "0.3cm"},
        )
        cell = sub(automatic, "style:style", {"style:name": "Cell", "style:family": "table-cell"})
        sub(
            cell,
            "style:table-cell-properties",
            {"fo:border": "0.5pt solid #000000", "fo:padding": "0.1cm"},
        )
        row = sub(automatic, "style:style", {"style:name": "Row", "style:family": "table-row"})
        sub(row, "style:table-row-properties", {"fo:keep-together": "always"})

    def _cover(self) -> None:
        sub(self.body, "text:p", {"text:style-name": "Title"}, text=self.spec.title)
        if self.spec.subtitle:
            sub(self.body, "text:p", {"text:style-name": "Subtitle"}, text=self.spec.subtitle)
        for line in self.spec.cover_lines:
            sub(self.body, "text:p", {"text:style-name": "Standard"}, text=line)
        sub(self.body, "text:p", {"text:style-name": "P_page_break"})

    def _contents(self) -> None:
        title = _("Contents")
        index = sub(
            self.body, "text:table-of-content", {"text:name": "Contents", "text:protected": "true"}
        )
        source = sub(index, "text:table-of-content-source", {"text:outline-level": "3"})
        sub(
            source,
            "text:index-title-template",
            {"text:style-name": "Contents_20_Heading"},
            text=title,
        )
        for level in range(1, 4):
            template = sub(
                source,
                "text:table-of-content-entry-template",
                {"text:outline-level": str(level), "text:style-name": f"Contents_20_{level}"},
            )
            sub(template, "text:index-entry-link-start")
            sub(template, "text:index-entry-text")
            sub(
                template,
                "text:index-entry-tab-stop",
                {"style:type": "right", "style:leader-char": "."},
            )
            sub(template, "text:index-entry-page-number")
            sub(template, "text:index-entry-link-end")
        body = sub(index, "text:index-body")
        index_title = sub(body, "text:index-title", {"text:name": "Contents_Head"})
        sub(index_title, "text:p", {"text:style-name": "Contents_20_Heading"}, text=title)
        for level, heading in outline_of(self.spec.sections):
            sub(body, "text:p", {"text:style-name": f"Contents_20_{level}"}, text=heading)
        sub(self.body, "text:p", {"text:style-name": "P_page_break"})

    def _section(self, section: Section, *, level: int) -> None:
        self.heading(self.body, section.heading, level)
        if section.html:
            root = lxml.html.fragment_fromstring(section.html, create_parent="div")
            self.blocks(self.body, root, level=level, style="Text_20_body")
        for table in section.tables:
            self._table(table)
        for subsection in section.subsections:
            self._section(subsection, level=level + 1)

    def heading(self, parent, text: str | None, level: int):
        level = min(level, MAX_HEADING_LEVEL)
        style = f"Heading_20_{min(level, 3)}"
        return sub(
            parent,
            "text:h",
            {"text:style-name": style, "text:outline-level": level},
            text=re.sub(r"\s+", " ", text or ""),
        )

    def _table(self, table: Table) -> None:
        sub(self.body, "text:p", {"text:style-name": "Caption"}, text=table.caption)
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        element = self._new_table(self.body, columns)
        header = sub(element, "table:table-header-rows")
        self._plain_row(header, table.header, columns, "Table_20_Heading")
        for row in table.rows:
            self._plain_row(element, row, columns, "Table_20_Contents")

    def _new_table(self, parent, columns: int):
        self.tables += 1
        element = sub(
            parent, "table:table", {"table:name": f"Table{self.tables}", "table:style-name": "Tbl"}
        )
        sub(element, "table:table-column", {"table:number-columns-repeated": columns})
        return element

    def _plain_row(self, parent, cells, columns: int, style: str) -> None:
        row = sub(parent, "table:table-row", {"table:style-name": "Row"})
        for index in range(columns):
            cell = sub(
                row, "table:table-cell", {"table:style-name": "Cell", "office:value-type": "string"}
            )
            text = cells[index] if index < len(cells) else ""
            sub(cell, "text:p", {"text:style-name": style}, text=text)

    # --- rich text ---

    def blocks(self, parent, node, *, level: int, style: str) -> None:
        """Each child of `node` as paragraphs in `parent`; loose text and inline children make
        one paragraph."""
        paragraph = None

        def loose():
            nonlocal paragraph
            if paragraph is None:
                paragraph = sub(parent, "text:p", {"text:style-name": style})
            return paragraph

        if (node.text or "").strip():
            append_text(loose(), node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                paragraph = None
                self.block(parent, child, tag, level=level, style=style)
                if (child.tail or "").strip():
                    append_text(loose(), child.tail)
            elif tag:
                self.inline(loose(), child, bold=False, italic=False)
                append_text(loose(), child.tail)

    def block(self, parent, node, tag: str, *, level: int, style: str) -> None:
        if tag in HEADING_TAGS:
            heading = self.heading(parent, None, level + HEADING_TAGS[tag])
            self.children(heading, node, bold=False, italic=False)
        elif tag == "p":
            paragraph = sub(parent, "text:p", {"text:style-name": style})
            self.children(paragraph, node, bold=False, italic=False)
        elif tag == "blockquote":
            self.blocks(parent, node, level=level, style="Quotations")
        elif tag in LIST_TAGS:
            self.list(parent, node, level=level, style=style)
        elif tag == "table":
            self.html_table(parent, node, level=level)
        else:
            self.blocks(parent, node, level=level, style=style)

    def list(self, parent, node, *, level: int, style: str) -> None:
        name = "List_number" if node.tag == "ol" else "List_bullet"
        element = sub(parent, "text:list", {"text:style-name": name})
        for item in node:
            if item.tag == "li":
                entry = sub(element, "text:list-item")
                self.blocks(entry, item, level=level, style=style)

    def html_table(self, parent, node, *, level: int) -> None:
        rows = node.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        if not rows:
            return
        grid = table_grid(rows)
        element = self._new_table(parent, max(len(row) for row in grid))
        first = rows[0]
        header = first.getparent().tag == "thead" or all(cell.tag == "th" for cell in first)
        for row_index, row in enumerate(grid):
            container = element
            if row_index == 0 and header:
                container = sub(element, "table:table-header-rows")
            table_row = sub(container, "table:table-row", {"table:style-name": "Row"})
            for column, slot in enumerate(row):
                if slot is None or slot.row != row_index or slot.column != column:
                    sub(table_row, "table:covered-table-cell")
                    continue
                cell = sub(
                    table_row,
                    "table:table-cell",
                    {"table:style-name": "Cell", "office:value-type": "string"},
                )
                if slot.colspan > 1:
                    cell.set(q("table:number-columns-spanned"), str(slot.colspan))
                if slot.rowspan > 1:
                    cell.set(q("table:number-rows-spanned"), str(slot.rowspan))
                style = "Table_20_Heading" if slot.node.tag == "th" else "Table_20_Contents"
                self.blocks(cell, slot.node, level=level, style=style)
                if not len(cell):
                    sub(cell, "text:p", {"text:style-name": style})

    def children(self, parent, node, *, bold: bool, italic: bool) -> None:
        append_text(parent, node.text)
        for child in node:
            self.inline(parent, child, bold=bold, italic=italic)
            append_text(parent, child.tail)

    def inline(self, parent, node, *, bold: bool, italic: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in {"strong", "b", "em", "i"}:
            bold, italic = bold or tag in {"strong", "b"}, italic or tag in {"em", "i"}
            name = "T_bold_italic" if bold and italic else "T_bold" if bold else "T_italic"
            span = sub(parent, "text:span", {"text:style-name": name})
            self.children(span, node, bold=bold, italic=italic)
        elif tag == "br":
            sub(parent, "text:line-break")
        elif tag == "a":
            url = link_target(node.get("href", ""), self.spec.base_url)
            if url:
                link = sub(
                    parent,
                    "text:a",
                    {
                        "xlink:type": "simple",
                        "xlink:href": url,
                        "text:style-name": "Internet_20_link",
                    },
                )
                self.children(link, node, bold=bold, italic=italic)
            else:
                self.children(parent, node, bold=bold, italic=italic)
        elif tag == "fn":
            self.notes += 1
            note = sub(
                parent, "text:note", {"text:id": f"ftn{self.notes}", "text:note-class": "footnote"}
            )
            sub(note, "text:note-citation", text=str(self.notes))
            body = sub(sub(note, "text:note-body"), "text:p", {"text:style-name": "Footnote"})
            self.children(body, node, bold=False, italic=False)
        elif tag:
            self.children(parent, node, bold=bold, italic=italic)

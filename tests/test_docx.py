"""The Word builder (`interventures.docx`): the package python-docx reads back holds what a
reader of Word or LibreOffice needs (headings in the navigation pane, a contents field, lists,
tables with a repeated header, links, footnotes, properties, the DRAFT header, the language)."""

import io
import shutil
import subprocess
import time
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from interventures.docx import Document, Section, Table, build_docx, word_language
from interventures.odt import build_odt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

RICH_TEXT = (
    "<p>SMEs export <strong>less</strong> than the <em>average</em>, says "
    '<a href="https://example.org/study">the study</a>.'
    "<fn>Situation Analysis Report of Lombardy, section “Barriers”.</fn></p>"
    "<h3>Main barriers</h3>"
    "<ul><li>Costs<ul><li>Fairs</li></ul></li><li>Language</li></ul>"
    "<ol><li>First</li><li>Second</li></ol>"
    "<blockquote><p>A quoted manager</p></blockquote>"
    "<table><thead><tr><th>Region</th><th>Share</th></tr></thead>"
    "<tbody><tr><td>Lombardy</td><td>12 %</td></tr></tbody></table>"
)


def description(**changes) -> Document:
    values = {
        "title": "Situation Analysis Report of Lombardy",
        "subtitle": "Reference period 2020–2024",
        "language": "en",
        "text_language": "it",
        "author": "Regione Lombardia",
        "draft": True,
        "cover_lines": ["Status: draft"],
        "base_url": "https://portal.example.org",
        "sections": [
            Section("Barriers", html=RICH_TEXT),
            Section(
                "Indicators",
                tables=[Table("Indicators of Lombardy", ["Indicator", "Value"], [["SMEs", "12"]])],
            ),
            Section("Actions", subsections=[Section("Action 1: fairs", html="<p>Go.</p>")]),
        ],
    }
    return Document(**{**values, **changes})


def read(document: Document):
    return docx.Document(io.BytesIO(build_docx(document)))


def part_xml(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return package.read(name).decode()


def test_headings_use_word_heading_styles_by_depth():
    document = read(description())
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "Barriers"),
        ("Heading 2", "Main barriers"),
        ("Heading 1", "Indicators"),
        ("Heading 1", "Actions"),
        ("Heading 2", "Action 1: fairs"),
    ]


def test_contents_is_a_word_toc_field_listing_the_headings():
    content = build_docx(description())
    body = part_xml(content, "word/document.xml")
    assert 'TOC \\o "1-3"' in body
    assert '<w:updateFields w:val="true"/>' in part_xml(content, "word/settings.xml")
    document = docx.Document(io.BytesIO(content))
    entries = [p.text for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert entries == ["Barriers", "Indicators", "Actions", "Action 1: fairs"]


def test_a_fn_element_becomes_a_real_footnote():
    content = build_docx(description())
    notes = part_xml(content, "word/footnotes.xml")
    assert "Situation Analysis Report of Lombardy, section “Barriers”." in notes
    assert '<w:footnoteReference w:id="1"/>' in part_xml(content, "word/document.xml")
    relationships = part_xml(content, "word/_rels/document.xml.rels")
    assert "relationships/footnotes" in relationships
    assert "footnotes+xml" in part_xml(content, "[Content_Types].xml")


def test_lists_are_word_numbering_and_each_ordered_list_starts_at_one():
    document = read(description(sections=[Section("A", html=RICH_TEXT + "<ol><li>x</li></ol>")]))
    numbered = [p for p in document.paragraphs if p._p.pPr is not None]
    numbered = [p for p in numbered if p._p.pPr.numPr is not None]
    levels = {p.text: p._p.pPr.numPr.ilvl.val for p in numbered}
    assert levels == {"Costs": 0, "Fairs": 1, "Language": 0, "First": 0, "Second": 0, "x": 0}
    ordered_ids = {p._p.pPr.numPr.numId.val for p in numbered if p.text in {"First", "x"}}
    assert len(ordered_ids) == 2


def test_tables_repeat_their_header_row_and_keep_rows_whole():
    document = read(description())
    rich_table, indicators = document.tables
    for table in (rich_table, indicators):
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert [c.text for c in indicators.rows[1].cells] == ["SMEs", "12"]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Indicators of Lombardy"]


def test_links_are_hyperlinks_and_relative_ones_are_made_absolute():
    html = '<p><a href="https://example.org/study">study</a> <a href="/reports/1/">report</a></p>'
    content = build_docx(description(sections=[Section("A", html=html)]))
    relationships = part_xml(content, "word/_rels/document.xml.rels")
    assert 'Target="https://example.org/study"' in relationships
    assert 'Target="https://portal.example.org/reports/1/"' in relationships
    assert part_xml(content, "word/document.xml").count("<w:hyperlink ") == 2


def test_core_properties_name_the_title_organisation_and_language():
    properties = read(description()).core_properties
    assert properties.title == "Situation Analysis Report of Lombardy"
    assert properties.author == "Regione Lombardia"
    assert properties.language == "it-IT"


def test_the_language_is_set_on_the_styles_for_spell_check_and_hyphenation():
    content = build_docx(description())
    styles = part_xml(content, "word/styles.xml")
    assert '<w:lang w:val="it-IT"' in styles  # the text's
    assert '<w:lang w:val="en-GB"/>' in styles  # the headings'
    assert '<w:autoHyphenation w:val="true"/>' in part_xml(content, "word/settings.xml")


def test_a_draft_carries_draft_in_its_header_and_a_final_one_does_not():
    draft = read(description(language="it"))
    assert draft.sections[0].header.paragraphs[0].text == "BOZZA"
    final = read(description(draft=False))
    assert "DRAFT" not in " ".join(p.text for p in final.sections[0].header.paragraphs)


def test_the_cover_shows_title_subtitle_and_lines_before_the_contents():
    texts = [p.text for p in read(description()).paragraphs[:3]]
    assert texts[0] == "Situation Analysis Report of Lombardy"
    assert texts[1] == "Reference period 2020–2024"
    assert texts[2].startswith("Status: draft")


def test_unknown_tags_and_unsafe_links_keep_only_their_text():
    html = '<p><span>kept</span> <a href="javascript:alert(1)">click</a></p><div>loose</div>'
    content = build_docx(description(sections=[Section("A", html=html)]))
    body = part_xml(content, "word/document.xml")
    for words in ("kept", "click", "loose"):
        assert words in body
    assert "javascript" not in part_xml(content, "word/_rels/document.xml.rels")
    assert "<w:hyperlink" not in body


@pytest.mark.parametrize(("code", "tag"), [("hu", "hu-HU"), ("lt", "lt-LT"), ("pt-BR", "pt-BR")])
def test_word_language_adds_the_region_word_expects(code, tag):
    assert word_language(code) == tag


# LibreOffice opens the packages as a reader would and lays them out (both in one start: each
# costs seconds). It reads no database, so like the page sweeps it runs on one database leg only
# (`sweep`); CI installs it (`make test-tools`).
@pytest.mark.sweep
def test_libreoffice_opens_both_packages_and_prints_headings_and_footnote(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `make test-tools` installs it")
    (tmp_path / "word.docx").write_bytes(build_docx(description()))
    (tmp_path / "open.odt").write_bytes(build_odt(description()))
    subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "word.docx"),
            str(tmp_path / "open.odt"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for name in ("word.pdf", "open.pdf"):
        text = " ".join(page.extract_text() for page in PdfReader(tmp_path / name).pages)
        for words in ("Barriers", "Main barriers", "Action 1: fairs", "DRAFT", "Indicators of"):
            assert words in text, name
        assert "Situation Analysis Report of Lombardy, section “Barriers”." in text, name


def test_control_characters_pasted_from_word_never_break_either_package():
    pasted = description(
        title="Report\x0bof Lombardy",
        sections=[Section("Barriers\x01", html="<p>Line\x0bbreak\x0c</p>")],
    )
    body = part_xml(build_docx(pasted), "word/document.xml")
    assert "Report of Lombardy" in body
    assert "Line break" in body
    with zipfile.ZipFile(io.BytesIO(build_odt(pasted))) as package:
        assert "Line break" in package.read("content.xml").decode()


def test_a_document_without_citations_still_has_the_footnote_separators_its_settings_name():
    content = build_docx(description(sections=[Section("A", html="<p>No notes.</p>")]))
    assert 'w:type="separator"' in part_xml(content, "word/footnotes.xml")


def test_merged_cells_span_their_columns_and_rows():
    html = (
        '<table><tr><td colspan="2">Both</td></tr>'
        '<tr><td rowspan="2">Tall</td><td>x</td></tr><tr><td>y</td></tr></table>'
    )
    table = read(description(sections=[Section("A", html=html)])).tables[0]
    first, second, third = (row._tr.tc_lst for row in table.rows)
    assert len(first) == 1
    assert first[0].grid_span == 2
    assert [second[0].vMerge, third[0].vMerge] == ["restart", "continue"]
    assert [tc.xpath("string(.)") for tc in third] == ["", "y"]


def test_a_long_table_builds_in_linear_time():
    # python-docx's table.cell() walks the whole table on each call: 200 rows took 26 s.
    row = "<tr><td>Skilled workforce in the border area</td><td>Few exporters</td></tr>"
    many = description(sections=[Section("A", html=f"<table>{row * 600}</table>")])
    started = time.perf_counter()
    build_docx(many)
    assert time.perf_counter() - started < 15

"""The OpenDocument builder (`interventures.odt`): the same description as the Word export makes
a valid ODF package (its media type first and stored) with headings at their outline level, a
table of contents, lists, tables with a header row, links, footnotes, metadata, the DRAFT
header and the languages."""

import io
import zipfile

from lxml import etree

from interventures.odt import NS, build_odt
from tests.test_docx import description


def package(**changes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(build_odt(description(**changes))))


def xml(archive: zipfile.ZipFile, name: str):
    return etree.fromstring(archive.read(name))


def test_the_media_type_comes_first_and_uncompressed():
    archive = package()
    first = archive.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    manifest = xml(archive, "META-INF/manifest.xml")
    paths = manifest.xpath("//manifest:file-entry/@manifest:full-path", namespaces=NS)
    assert set(paths) == {"/", "content.xml", "styles.xml", "meta.xml"}


def test_headings_carry_their_outline_level_and_the_contents_list_them():
    content = xml(package(), "content.xml")
    headings = [
        (h.get(f"{{{NS['text']}}}outline-level"), "".join(h.itertext()))
        for h in content.iterfind(".//text:h", NS)
    ]
    assert headings == [
        ("1", "Barriers"),
        ("2", "Main barriers"),
        ("1", "Indicators"),
        ("1", "Actions"),
        ("2", "Action 1: fairs"),
    ]
    entries = content.xpath("//text:table-of-content/text:index-body/text:p//text()", namespaces=NS)
    assert entries == ["Barriers", "Indicators", "Actions", "Action 1: fairs"]


def test_lists_links_footnotes_and_header_rows_are_odf_elements():
    content = xml(package(), "content.xml")
    items = content.xpath("//text:list-item/text:p/text()", namespaces=NS)
    assert items[:3] == ["Costs", "Fairs", "Language"]
    assert content.xpath("//text:a/@xlink:href", namespaces=NS) == ["https://example.org/study"]
    note = content.xpath("//text:note/text:note-body//text()", namespaces=NS)
    assert "".join(note) == "Situation Analysis Report of Lombardy, section “Barriers”."
    header_rows = content.xpath("//table:table/table:table-header-rows", namespaces=NS)
    assert len(header_rows) == 2  # the rich text's table and the indicators'


def test_metadata_names_the_title_organisation_and_language():
    meta = xml(package(), "meta.xml")
    assert meta.xpath("//dc:title/text()", namespaces=NS) == [
        "Situation Analysis Report of Lombardy"
    ]
    assert meta.xpath("//meta:initial-creator/text()", namespaces=NS) == ["Regione Lombardia"]
    assert meta.xpath("//dc:language/text()", namespaces=NS) == ["it-IT"]


def test_styles_set_the_languages_hyphenation_and_the_draft_header():
    styles = xml(package(language="it"), "styles.xml")
    default = styles.xpath("//style:default-style/style:text-properties", namespaces=NS)[0]
    assert default.get(f"{{{NS['fo']}}}language") == "it"
    assert default.get(f"{{{NS['fo']}}}hyphenate") == "true"
    assert styles.xpath("//style:header/text:p/text()", namespaces=NS) == ["BOZZA"]
    final = xml(package(draft=False), "styles.xml")
    assert not final.xpath("//style:header", namespaces=NS)

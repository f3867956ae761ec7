"""A report as a Word document: who may download it (as the PDF), what it holds (the written
sections in outline order, the indicators with year and source, the unwritten sections listed
once, the DRAFT header, properties), its language, file name and cache."""

import io
import zipfile

import docx
import pytest
from django.urls import reverse

from interventures import docx as builder
from reports import docx as report_docx
from reports.outline import OUTLINE
from tests.harness import factories

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def half_written(region_a, org_a):
    """Region A's draft with two sections written, one holding a table, and an indicator."""
    report = factories.make_report(
        region_a,
        title="Lombardy report",
        reference_period="2015-2019",
        language="it",
        texts={
            "executive_summary": "<p>Le PMI esportano poco.</p>",
            "swot": "<table><thead><tr><th>Strengths</th><th>Weaknesses</th></tr></thead>"
            "<tbody><tr><td><ul><li>Skills</li></ul></td><td>Costs</td></tr></tbody></table>",
        },
    )
    report.indicators.create(
        name="SMEs exporting", value=1250, unit="firms", year=2019, source="ISTAT", position=0
    )
    return report


def download(client, report, **params):
    return client.get(reverse("reports:report_docx", args=[report.pk]), params)


def read(response) -> docx.document.Document:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == WORD
    return docx.Document(io.BytesIO(response.content))


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_the_regions_partners_and_coordinators_download_a_draft_as_word(
    role, request, login, half_written
):
    response = download(login(request.getfixturevalue(role)), half_written)
    read(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="interventures-sar-lombardy-2019-v2.docx"'
    )
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("role", ["outsider", "stakeholder", "anonymous"])
def test_other_regions_and_visitors_get_404_for_a_draft(role, request, login, half_written):
    user = request.getfixturevalue(role)
    assert download(login(user), half_written).status_code == 404


def test_visitors_download_an_approved_report(login, approved_report_b):
    document = read(download(login(None), approved_report_b))
    assert len(headings(document, 1)) == len(OUTLINE) + 1  # every section and the indicators
    assert "DRAFT" not in document.sections[0].header.paragraphs[0].text


def test_only_written_sections_are_chapters_and_the_others_are_listed_once(
    login, owner, half_written
):
    document = read(download(login(owner), half_written))
    assert headings(document, 1) == [
        "1. Executive summary",
        "2. SWOT analysis",
        "3. Indicators",
        "4. Sections not written yet",
    ]
    texts = [p.text for p in document.paragraphs]
    unwritten = [
        str(spec.title) for spec in OUTLINE if spec.key not in {"executive_summary", "swot"}
    ]
    assert all(texts.count(title) == 1 for title in unwritten)
    assert "Le PMI esportano poco." in texts


def test_the_indicators_table_gives_value_year_and_source_under_a_repeated_header(
    login, owner, half_written
):
    document = read(download(login(owner), half_written))
    swot, indicators = document.tables
    assert [cell.text for cell in swot.rows[1].cells] == ["Skills", "Costs"]
    assert [cell.text for cell in indicators.rows[0].cells] == [
        "Indicator",
        "Value",
        "Year",
        "Source",
    ]
    assert [cell.text for cell in indicators.rows[1].cells] == [
        "SMEs exporting",
        "1,250\N{NO-BREAK SPACE}firms",
        "2019",
        "ISTAT",
    ]
    assert indicators.rows[0]._tr.trPr.xpath("./w:tblHeader")


def test_a_draft_has_draft_in_its_header_properties_and_the_texts_language(
    login, owner, org_a, half_written
):
    document = read(download(login(owner), half_written))
    assert document.sections[0].header.paragraphs[0].text == "DRAFT"
    properties = document.core_properties
    assert properties.title == "Lombardy report"
    assert properties.author == org_a.name
    assert properties.language == "it-IT"  # the report's text, whatever the labels' language


def test_labels_follow_the_language_asked_for_and_an_unknown_one_is_refused(
    login, owner, half_written
):
    client = login(owner)
    document = read(download(client, half_written, lang="it"))
    assert "3. Indicatori" in headings(document, 1)
    assert document.sections[0].header.paragraphs[0].text == "BOZZA"
    refused = download(client, half_written, lang="xx")
    assert refused.status_code == 400
    assert b"Unknown language" in refused.content


def test_the_same_report_is_built_once_and_an_edit_builds_it_again(
    login, owner, half_written, monkeypatch
):
    built = []
    build = builder.build_docx

    def counting(document):
        built.append(document.title)
        return build(document)

    monkeypatch.setattr(builder, "build_docx", counting)
    client = login(owner)
    first = download(client, half_written).content
    assert download(client, half_written).content == first
    assert len(built) == 1
    half_written.sections.filter(key="barriers").update(body="<p>Costs.</p>", version=1)
    download(client, half_written)
    assert len(built) == 2


def test_the_description_keys_the_cache_by_language(half_written):
    english = builder.cache_key(report_docx.report_document(half_written, language="en"))
    italian = builder.cache_key(report_docx.report_document(half_written, language="it"))
    assert english != italian


def test_the_report_page_offers_the_word_download_beside_the_pdf(login, owner, half_written):
    page = login(owner).get(half_written.get_absolute_url()).content.decode()
    docx_url = reverse("reports:report_docx", args=[half_written.pk])
    assert f'formaction="{docx_url}"' in page
    assert "Download Word (.docx)" in page
    odt_url = reverse("reports:report_odt", args=[half_written.pk])
    assert f'formaction="{odt_url}"' in page


def test_the_same_readers_get_it_as_opendocument_text(login, owner, outsider, half_written):
    url = reverse("reports:report_odt", args=[half_written.pk])
    response = login(owner).get(url, {"lang": "it"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"] == (
        'attachment; filename="interventures-sar-lombardy-2019-v2.odt"'
    )
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        content = package.read("content.xml").decode()
    assert "3. Indicatori" in content
    assert "SMEs exporting" in content
    assert login(outsider).get(url).status_code == 404

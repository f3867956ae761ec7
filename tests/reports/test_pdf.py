"""A report as PDF: cover, contents with real page numbers, bookmarks, page furniture, the DRAFT
mark, metadata, fonts, who may download it, the cache, the language and the file name.

Each PDF is asked for as a person does: the progress page, the background worker (run in the
test process), then the PDF (`fetch_pdf`); the flow itself is tested in test_pdf_jobs.py."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports import pdf
from reports.models import PDFJob, ReportSection
from reports.outline import OUTLINE
from reports.services import section_save
from tests.harness import factories

# The worker commits its work: so do these tests.
pytestmark = pytest.mark.django_db(transaction=True)

CHAPTERS = [str(spec.title) for spec in OUTLINE] + ["Indicators"]
PARTNER_LANGUAGES = (
    "Zażółć gęślą jaźń; árvíztűrő tükörfúrógép ŐŰ; Klaipėda, įmonės, ūkis, ųž; España"
)
FOOTER = re.compile(r"Page (\d+) of (\d+)")


def long_texts():
    """Texts long enough that the report runs over many pages, with a table and subheadings."""
    paragraph = (
        "<p>Cross-border firms in the region work with partners on both sides of the border. "
        f"{PARTNER_LANGUAGES}. "
        + "Support for internationalisation reaches few firms. " * 12
        + "</p>"
    )
    table = (
        "<table><thead><tr><th>Strengths</th><th>Weaknesses</th></tr></thead><tbody>"
        + "<tr><td>Skilled workforce</td><td>Few exporters</td></tr>" * 40
        + "</tbody></table>"
    )
    texts = {}
    for index, spec in enumerate(OUTLINE):
        body = "<h3>Findings</h3>" + paragraph * (2 + index % 4)
        if spec.key == "swot":
            body += table
        texts[spec.key.value] = body
    return texts


@pytest.fixture
def long_report(region_a, org_a):
    report = factories.make_report(region_a, title="Lombardy report", texts=long_texts())
    report.indicators.create(
        name="SMEs exporting", value=1250, unit="firms", year=2019, source="ISTAT", position=0
    )
    report.indicators.create(
        name="Export share", value="12.5", unit="%", year=2019, source="Eurostat", position=1
    )
    return report


def read(response) -> PdfReader:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def body_lines(text: str) -> list[str]:
    """A page's lines without the running header and footer (drawn after the content)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if not FOOTER.search(line) and "Interreg Europe · INTER VENTURES" not in line
    ]


def heading(number: int, title: str) -> re.Pattern:
    return re.compile(rf"^{number}\.\s+{re.escape(title)}$")


@pytest.fixture
def draft_pdf(login, owner, long_report, fetch_pdf):
    return read(fetch_pdf(login(owner), long_report))


def test_cover_names_programme_project_region_partners_report_period_status_and_funding(
    draft_pdf,
):
    cover = " ".join(draft_pdf.pages[0].extract_text().split())
    for text in [
        "Interreg Europe",
        "INTER VENTURES",
        "Policies to promote the internationalisation of SMEs for more competitive regional "
        "ecosystems in border areas of the EU",
        "Lombardy",
        "Lombardy Chamber of Commerce",
        "Lombardy report",
        "2014-2019",
        "Draft",
        "Last updated",
        "European Union",
        "European Regional Development Fund",
    ]:
        assert text in cover


def test_contents_page_numbers_are_the_pages_where_the_chapters_begin(draft_pdf):
    texts = page_texts(draft_pdf)
    contents = texts[1]
    assert "Contents" in contents
    for number, title in enumerate(CHAPTERS, start=1):
        entry = re.search(rf"^{number}\.\s+{re.escape(title)}[ .]*?(\d+)\s*$", contents, re.M)
        assert entry, f"no contents entry for {title}"
        listed = int(entry.group(1))
        pages = [
            index + 1
            for index, text in enumerate(texts[2:], start=2)
            if any(heading(number, title).match(line) for line in body_lines(text))
        ]
        assert pages == [listed], title
    assert len(texts) >= 6  # the long texts really run over several pages


def test_no_chapter_heading_is_left_alone_at_the_foot_of_a_page(draft_pdf):
    for text in page_texts(draft_pdf)[2:]:
        last = body_lines(text)[-1]
        assert not any(
            heading(number, title).match(last) for number, title in enumerate(CHAPTERS, 1)
        )


def test_every_chapter_has_a_bookmark(draft_pdf):
    titles = [item.title for item in draft_pdf.outline]
    assert titles == ["Contents"] + [f"{n}. {title}" for n, title in enumerate(CHAPTERS, 1)]


def test_pages_after_the_cover_say_page_x_of_y(draft_pdf):
    texts = page_texts(draft_pdf)
    total = len(texts)
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert "Lombardy report" in text  # the running header
    assert not FOOTER.search(texts[0])


def test_a_long_table_repeats_its_header_row_on_the_next_page(draft_pdf):
    pages_with_rows = [t for t in page_texts(draft_pdf) if "Skilled workforce" in t]
    assert len(pages_with_rows) >= 2
    assert all("Strengths" in text and "Weaknesses" in text for text in pages_with_rows)


def test_a_draft_has_the_draft_mark_on_every_page(draft_pdf):
    assert all("DRAFT" in text for text in page_texts(draft_pdf))


def test_an_approved_report_has_no_draft_mark(login, stakeholder, approved_report_b, fetch_pdf):
    texts = page_texts(read(fetch_pdf(login(stakeholder), approved_report_b)))
    assert texts
    assert not any("DRAFT" in text for text in texts)
    assert "Approved" in texts[0]


def test_metadata_names_title_author_language_subject_and_keywords(draft_pdf):
    metadata = draft_pdf.metadata
    assert metadata.title == "Lombardy report"
    assert metadata.author == "INTER VENTURES"
    assert "Lombardy" in metadata.subject
    assert "Lombardy" in metadata["/Keywords"]
    assert metadata.creation_date is not None
    assert draft_pdf.trailer["/Root"]["/Lang"] == "en"


def test_the_pdf_is_tagged_and_identifies_as_pdf_ua(draft_pdf):
    root = draft_pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


def test_fonts_are_embedded_and_cover_the_partner_languages(draft_pdf):
    fonts = set()
    for page in draft_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
            fonts.add(str(font["/BaseFont"]))
    assert all("DejaVu" in name for name in fonts)
    text = " ".join(draft_pdf.pages[2].extract_text().split())
    assert PARTNER_LANGUAGES in text


def test_indicators_are_printed_as_a_table_and_as_the_chart(draft_pdf):
    text = " ".join(" ".join(page_texts(draft_pdf)).split())
    assert "SMEs exporting" in text
    assert "ISTAT" in text
    assert "Unit: firms" in text  # a group heading of the SVG chart
    assert "SMEs exporting: 1,250\xa0firms" in text or "SMEs exporting: 1,250 firms" in text


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_the_regions_partners_and_coordinators_download_a_draft(
    login, user_of_role, role, report_a, fetch_pdf
):
    read(fetch_pdf(login(user_of_role(role)), report_a))


@pytest.mark.parametrize("url", ["report_pdf", "report_pdf_status"])
@pytest.mark.parametrize("role", ["outsider", "stakeholder", "anonymous"])
def test_others_get_404_for_a_draft_and_start_no_job(login, user_of_role, role, url, report_a):
    response = login(user_of_role(role)).get(reverse(f"reports:{url}", args=[report_a.pk]))
    assert response.status_code == 404
    assert not PDFJob.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "outsider", "owner", "coordinator"])
def test_everyone_downloads_an_approved_report(
    login, user_of_role, role, approved_report_b, fetch_pdf
):
    read(fetch_pdf(login(user_of_role(role)), approved_report_b))


def test_downloading_an_unchanged_report_again_does_not_lay_it_out_again(
    login, owner, report_a, layouts, fetch_pdf
):
    client = login(owner)
    first = read(fetch_pdf(client, report_a))
    second = client.get(reverse("reports:report_pdf", args=[report_a.pk]))
    assert second["Content-Type"] == "application/pdf"
    assert len(first.pages) == len(read(second).pages)
    assert len(layouts) == 1


def test_an_edit_lays_the_report_out_again(login, owner, report_a, layouts, fetch_pdf):
    client = login(owner)
    fetch_pdf(client, report_a)
    section = report_a.sections.get(key="opportunities")
    section_save(section=section, author=owner, body="<p>New opportunities.</p>", base_version=1)
    text = " ".join(page_texts(read(fetch_pdf(client, report_a)))[2:][0:20])
    assert len(layouts) == 2
    assert "New opportunities." in " ".join(text.split())


def test_changed_indicators_or_region_names_lay_it_out_again(
    login, owner, report_a, layouts, fetch_pdf
):
    client = login(owner)
    fetch_pdf(client, report_a)
    report_a.indicators.create(name="Exporters", value=3, year=2020, source="ISTAT")
    fetch_pdf(client, report_a)
    report_a.region.organisations.update(name="Lombardy Chamber")
    fetch_pdf(client, report_a)
    assert len(layouts) == 3


def test_lang_sets_the_pdf_language_and_its_labels_are_marked_for_translation(
    login, owner, report_a, layouts, fetch_pdf
):
    reader = read(fetch_pdf(login(owner), report_a, lang="it"))
    assert reader.trailer["/Root"]["/Lang"] == "it"
    assert len(layouts) == 1
    assert 'lang="it"' in layouts[0]


@pytest.mark.parametrize("url", ["report_pdf", "report_pdf_status"])
def test_an_unknown_language_is_a_bad_request(login, owner, report_a, url):
    response = login(owner).get(reverse(f"reports:{url}", args=[report_a.pk]), {"lang": "xx"})
    assert response.status_code == 400
    assert "Unknown language. Use one of: en, it, hu, pl, es, lt." in response.content.decode()
    assert not PDFJob.objects.exists()


def test_the_file_name_is_ascii_and_names_region_year_and_version(
    login, owner, report_a, fetch_pdf
):
    response = fetch_pdf(login(owner), report_a)
    assert response["Content-Disposition"] == (
        'inline; filename="interventures-sar-lombardy-2019-v10.pdf"'
    )


def test_the_file_name_falls_back_to_the_creation_year(region_b):
    report = factories.make_report(region_b, reference_period="recent years")
    ReportSection.objects.filter(report=report).update(version=2)
    name = pdf.pdf_filename(report)
    assert name == f"interventures-sar-klaipeda-{report.created_at.year}-v20.pdf"
    assert name.isascii()


def test_several_reports_make_one_document_with_general_contents(report_a, approved_report_b):
    progress = []
    content = pdf.render_reports_pdf(
        [report_a, approved_report_b],
        language="en",
        on_progress=lambda done, total: progress.append((done, total)),
        title="Compendium of the reports",
    )
    reader = PdfReader(io.BytesIO(content))
    assert progress == [(1, 2), (2, 2)]
    assert reader.metadata.title == "Compendium of the reports"
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == [
        "Contents",
        "Lombardy report",
        "Klaipėda approved report",
    ]
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert [len(chapters) for chapters in nested] == [len(CHAPTERS), len(CHAPTERS)]
    texts = page_texts(reader)
    assert "DRAFT" not in texts[0]
    assert "DRAFT" not in texts[-1]
    assert any("DRAFT" in text for text in texts)  # the draft's pages

"""The printed report reads well: empty sections listed once instead of printed as empty
chapters, the title once on the cover, the indicators' table kept in rows under a repeated
header, hyphenation that does not split short words, and lines of readable length.

The PDF is laid out directly (`reports.pdf`, in this process) and its text extracted back with
the helpers of test_pdf.py."""

import io

import pytest
from pypdf import PdfReader

from reports import pdf
from reports.models import Indicator
from reports.outline import OUTLINE
from tests.harness import factories
from tests.reports.test_pdf import body_lines, page_texts

pytestmark = pytest.mark.django_db

TITLE = "Situation Analysis Report: Lombardy"
WRITTEN = ("executive_summary", "regional_context")
PROSE = (
    "Firms that look beyond the border find partners beyond the usual markets, and support "
    "that reaches beyond the few exporters helps the many small firms of the region. "
)


def laid_out(report) -> list[str]:
    html = pdf.report_html(report, language="en")
    return page_texts(PdfReader(io.BytesIO(pdf.pdf_from_html(html, timeout=0))))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def draft(region_a):
    """A draft with two sections written (long ones) and the rest of the outline empty."""
    texts = dict.fromkeys(WRITTEN, f"<p>{PROSE * 6}</p>" * 4)
    return factories.make_report(region_a, title=TITLE, texts=texts)


def test_empty_sections_are_listed_once_instead_of_printed_as_chapters(draft):
    pages = laid_out(draft)
    text = flat(" ".join(pages))
    empty = [str(spec.title) for spec in OUTLINE if spec.key.value not in WRITTEN]

    assert text.count("Not written yet.") <= 1
    assert "These sections of the outline are not written yet" in text
    for title in empty:
        # Listed once; no chapter heading ("4. Barriers") and no contents entry for it.
        assert sum(line == title for page in pages for line in body_lines(page)) == 1, title
    chapters = [line for page in pages[2:] for line in body_lines(page) if line[:2] == "1."]
    assert chapters
    assert "3. Indicators" in text
    assert "4. Sections not written yet" in text


def test_the_cover_shows_the_title_once_with_the_programme_and_the_eu_funding(draft):
    cover = flat(laid_out(draft)[0])

    assert cover.count("Lombardy") == 1
    assert cover.count("Situation Analysis Report") == 1
    for text in ("Interreg Europe", "INTER VENTURES", "European Union", "European Regional"):
        assert text in cover


def test_a_title_that_does_not_say_the_kind_or_region_gets_them_on_the_cover(region_a):
    report = factories.make_report(region_a, title="Border firms abroad")

    cover = flat(laid_out(report)[0])

    assert "SITUATION ANALYSIS REPORT" in cover  # the kicker, set in capitals
    assert "Border firms abroad" in cover
    assert "Lombardy" in cover


def test_a_long_indicators_table_repeats_its_header_and_keeps_each_row_on_one_page(draft):
    # Three times the phrase: nearly as long as a source may be, wrapped on each row.
    phrase = "Regional statistical office, survey of firms on both sides of the border"
    source = " ".join([phrase] * 3)
    assert len(source) <= Indicator._meta.get_field("source").max_length
    for n in range(1, 21):
        draft.indicators.create(
            name=f"Metric {n:02d}", value=n, unit="firms", year=2020, source=source, position=n
        )

    pages = laid_out(draft)
    with_rows = [page for page in pages if "Metric" in page and "Unit: firms" not in page]

    assert len(with_rows) >= 2, "the table should span two pages"
    for page in with_rows:
        assert "Indicator Value Year Source" in flat(page)
    for n in range(1, 21):
        # The row's cells end on the page where its name is: rows are never split.
        [page] = [page for page in with_rows if f"Metric {n:02d}" in page]
        assert flat(page).count("both sides of the border") >= 3 * page.count("Metric")


def test_short_words_are_not_hyphenated_and_lines_are_of_readable_length(draft):
    pages = laid_out(draft)
    prose = [line for line in body_lines(pages[2]) if "beyond" in line or "exporters" in line]

    assert prose
    assert not any("bey\u2010" in page or "bey-\n" in page for page in pages)
    assert max(len(line) for line in prose) <= 85

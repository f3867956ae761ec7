"""The synthesis as PDF, through the reports' pipeline: each citation is a footnote at the
foot of the page of the paragraph that cites it, numbered like the marks in the text; empty
sections are left out; a draft says so on its cover."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from synthesis.services import citation_add, section_save, synthesis_create
from tests.harness import factories
from tests.reports.test_pdf import page_texts, read

# The worker commits its work: so do these tests.
pytestmark = pytest.mark.django_db(transaction=True)


def test_each_citation_is_a_footnote_of_the_paragraph_that_cites_it(
    login, coordinator, region_a, region_b, run_worker
):
    caches["pdf"].clear()
    lombardy = factories.make_report(
        region_a, title="Lombardy report", status="approved", texts=factories.complete_texts()
    )
    burgos = factories.make_report(
        region_b, title="Burgos report", status="approved", texts=factories.complete_texts()
    )
    synthesis = synthesis_create(title="Five regions compared", language="en", actor=coordinator)
    section = synthesis.sections.get(key="common_barriers")
    section_save(
        section=section,
        author=coordinator,
        body="<p>Languages divide the border regions.</p><p>Rural firms lack advisers.</p>",
        base_version=0,
    )
    for paragraph, report in ((1, lombardy), (2, burgos)):
        citation_add(
            section=section,
            paragraph=paragraph,
            source=report.sections.get(key="barriers"),
            actor=coordinator,
        )
    client = login(coordinator)
    pdf_url = reverse("synthesis:synthesis_pdf", args=[synthesis.pk])
    assert client.get(pdf_url).status_code == 200  # the progress page
    run_worker()
    pages = page_texts(read(client.get(pdf_url)))
    text = " ".join(" ".join(pages).split())
    assert "INTERREGIONAL SYNTHESIS" in pages[0]
    assert "Five regions compared" in pages[0]
    assert "1. Common barriers" in text
    assert "Introduction" not in text  # not written: left out
    chapter = " ".join(pages[-1].split())
    # The calls in the text, and the notes at the foot of the same page, in order.
    assert "Languages divide the border regions.1 Rural firms lack advisers.2" in chapter
    first = f"1. {region_a.name}, “Lombardy report”, section “Barriers” (version 1, cited on"
    second = f"2. {region_b.name}, “Burgos report”, section “Barriers” (version 1, cited on"
    assert chapter.index(first) < chapter.index(second)

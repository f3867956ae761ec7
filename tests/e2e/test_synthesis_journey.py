"""The joint synthesis, as people take it in Chromium: a coordinator writes its last section
in the rich-text editor, cites a region's report section through the form (no script needed),
submits it; another coordinator approves it through the confirmation; a visitor reads it and
follows the citation to the regional section. axe checks the page on the way."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from synthesis.models import Citation, SynthesisSection, SynthesisStatus
from synthesis.services import synthesis_create
from tests.harness import factories

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000


@pytest.fixture
def report(region_a):
    return factories.make_report(
        region_a, status="approved", title="Lombardy analysis", texts=factories.complete_texts()
    )


@pytest.fixture
def synthesis(coordinator):
    """Every section written but the recommendations."""
    synthesis = synthesis_create(title="Five regions compared", language="en", actor=coordinator)
    SynthesisSection.objects.filter(synthesis=synthesis).exclude(key="recommendations").update(
        body="<p>What the regions share.</p>", version=1
    )
    return synthesis


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_coordinators_write_cite_and_approve_the_synthesis_a_visitor_follows_its_citation(
    synthesis, report, coordinator, login, browser_page, axe_violations
):
    page = browser_page(login(coordinator))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(synthesis.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("link", name="Edit Recommendations").click()
    editor = page.get_by_role("textbox", name="Recommendations")
    expect(editor).to_have_attribute("contenteditable", "true", timeout=TIMEOUT_MS)
    editor.click()
    page.keyboard.type("Give rural firms advisers they can meet locally.")
    submit(page, "Save section")
    expect(page.get_by_text("“Recommendations” was saved.")).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="Cite a regional section in Recommendations").click()
    page.get_by_label("Paragraph that cites").select_option(
        label="1. Give rural firms advisers they can meet locally."
    )
    page.get_by_label("Regional section cited").select_option(
        label=f"Barriers · {report.title} (Approved)"
    )
    submit(page, "Cite this section")
    mark = page.locator("#section-recommendations sup.citation-mark a")
    expect(mark).to_have_text("[1]")
    expect(mark).to_have_accessible_name(
        f"Source 1: {report.region.name}, “{report.title}”, section “Barriers”"
    )
    assert axe_violations(page) == []
    submit(page, "Submit for review")
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.IN_REVIEW

    second = factories.make_user("second.coordinator@example.org", is_coordinator=True)
    review = browser_page(login(second))
    review.goto(synthesis.get_absolute_url())
    with review.expect_navigation():
        review.get_by_role("link", name="Approve the synthesis…").click()
    submit(review, "Approve the synthesis")
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.APPROVED

    visitor = browser_page(None)
    visitor.goto(reverse("synthesis:synthesis_list"))
    with visitor.expect_navigation():
        visitor.get_by_role("link", name="Five regions compared").click()
    expect(visitor.get_by_text("Give rural firms advisers they can meet locally.")).to_be_visible()
    with visitor.expect_navigation():
        visitor.locator("sup.citation-mark a").click()
    assert visitor.url.endswith(f"/reports/{report.pk}/#section-barriers")
    assert Citation.objects.get().source.key == "barriers"

"""A coordinator exports a compendium in Chromium: the request returns at once, the progress page
follows the background worker live (no reload), then offers the PDF for download.

The worker is django-tasks-db's real `db_worker` command, run in a thread of the test process
once the progress page is open; the live server and the worker share the test database."""

import re
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.harness import factories

pytestmark = pytest.mark.browser

READY = "The compendium is ready: 2 reports."


def start_worker(monkeypatch) -> tuple[threading.Thread, list[BaseException]]:
    """`db_worker --batch` in a thread: it runs the queued tasks, then exits. Signal handlers
    can only be installed by the main thread, so the worker leaves them alone here."""
    monkeypatch.setattr(Worker, "configure_signals", lambda self: None)
    errors: list[BaseException] = []

    def work():
        try:
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        except BaseException as error:  # re-raised by the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=work, name="db_worker", daemon=True)
    thread.start()
    return thread, errors


def test_coordinator_follows_the_compendium_live_and_downloads_it(
    world, login, browser_page, axe_violations, monkeypatch
):
    approved = [
        factories.make_report(
            region,
            title=f"{region.name} approved report",
            status="approved",
            texts=factories.complete_texts(),
        )
        for region in (world.region_a, world.region_b)
    ]
    draft = factories.make_report(world.region_a, title="Lombardy draft report")
    page = browser_page(login(world.coordinator))

    page.goto("/reports/")
    page.get_by_role("link", name="Export a compendium (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Export a compendium (PDF)")
    for report in approved:
        expect(page.get_by_label(re.compile(re.escape(report.title)))).to_be_checked()
    expect(page.get_by_label(re.compile(draft.title))).not_to_be_checked()
    page.get_by_label("Language of the cover and the table of contents").select_option("en")
    page.get_by_role("button", name="Make the PDF").click()

    page.wait_for_url(re.compile(r"/reports/compendium/[0-9a-f-]{36}/$"))
    status = page.locator("#progress-text")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Waiting for the background worker to start…")
    download_link = page.get_by_role("link", name="Download the compendium (PDF)")
    expect(download_link).to_be_hidden()
    # Remember every text the live region shows, and mark the document to detect a reload.
    page.evaluate(
        """() => {
        window.compendiumTexts = [];
        const text = document.getElementById("progress-text");
        new MutationObserver(() => window.compendiumTexts.push(text.textContent))
            .observe(text, {childList: true, characterData: true, subtree: true});
    }"""
    )

    thread, errors = start_worker(monkeypatch)
    expect(status).to_have_text(READY, timeout=60_000)
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert not errors, errors

    seen = page.evaluate("window.compendiumTexts")
    assert seen is not None, "the page was reloaded instead of updated"
    assert seen[-1] == READY
    expect(download_link).to_be_visible()
    expect(page.get_by_role("link", name="Refresh")).to_be_hidden()
    bar = page.locator("progress#progress-bar")
    assert bar.evaluate("bar => bar.value === bar.max")
    assert not axe_violations(page)

    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert re.fullmatch(
        r"interventures-compendium-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename
    )
    reader = PdfReader(download.path())
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    for report in approved:
        assert report.title in text
    assert draft.title not in text

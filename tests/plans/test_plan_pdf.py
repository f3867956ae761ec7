"""An action plan as PDF: the reports' pipeline (progress page, background worker, cache) on the
plan's document: cover, contents and bookmarks per part and action, the plan's structure with
its background links as text, no filler for empty parts, the DRAFT mark, labels per language,
who may download it, the file name, and a fetcher that fetches nothing from outside."""

import threading
from http.server import ThreadingHTTPServer

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from plans import pdf
from plans.models import Action, ActionPlan
from practices.models import Transfer, TransferStage
from reports.models import PDFJob
from tests.harness import factories
from tests.reports.test_pdf import body_lines, page_texts, read
from tests.reports.test_pdf_safety import CountingHandler

# The worker commits its work: so do these tests.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fetch_plan_pdf(run_worker):
    """`fetch_plan_pdf(client, plan, lang=...)`: the progress page, the worker, then the PDF."""
    caches["pdf"].clear()  # the worker commits: no PDF is left from an earlier test

    def _fetch(client, plan, **params):
        url = reverse("plans:plan_pdf", args=[plan.pk])
        first = client.get(url, params)
        if first.status_code != 200 or first["Content-Type"] == "application/pdf":
            return first
        run_worker()
        return client.get(url, params)

    return _fetch


@pytest.fixture
def linked_plan(region_a, region_b, instrument_a):
    """Region A's draft plan of three actions, the first drawing on a report section, a
    practice and a transfer; the second with nothing but its title, the action and its kind."""
    report = factories.make_report(
        region_a, title="Lombardy report", status="approved", texts=factories.complete_texts()
    )
    practice = factories.make_practice(region_b, title="Klaipėda export vouchers")
    transfer = Transfer.objects.create(
        practice=practice, region=region_a, stage=TransferStage.STUDY
    )
    plan = factories.make_plan(
        region_a,
        instrument=instrument_a,
        actions=3,
        title="Lombardy action plan",
        english_summary="<p>Vouchers for first exporters.</p>",
        language="it",
        version=4,
    )
    first, second, _third = plan.actions.order_by("position")
    first.background = "<p>The study visit to Klaipėda showed how vouchers work.</p>"
    first.players = "Lombardy Chamber of Commerce, managing authority"
    first.cost = 125000
    first.funding_sources = "ERDF operational programme"
    first.starts_on = "2022-02-01"
    first.ends_on = "2023-07-31"
    first.save()
    first.report_sections.add(report.sections.get(key="barriers"))
    first.practices.add(practice)
    first.transfers.add(transfer)
    Action.objects.filter(pk=second.pk).update(title="A short action")
    return plan


@pytest.fixture
def draft_reader(login, owner, linked_plan, fetch_plan_pdf):
    return read(fetch_plan_pdf(login(owner), linked_plan))


def words(reader) -> str:
    return " ".join(" ".join(page_texts(reader)).split())


def test_the_cover_names_the_title_once_the_region_instrument_state_and_date(draft_reader):
    cover = " ".join(draft_reader.pages[0].extract_text().split())
    for text in [
        "INTER VENTURES",
        "ACTION PLAN",  # the kicker, in capitals
        "Lombardy",
        "Lombardy ERDF operational programme 2014-2020",
        "Draft",
        "Last updated",
        "European Regional Development Fund",
    ]:
        assert text in cover
    assert cover.count("Lombardy action plan") == 1


def test_the_plan_prints_its_structure_and_the_background_links_as_text(draft_reader):
    text = words(draft_reader)
    for expected in [
        "1. General information",
        "ITC4 Lombardia",
        "Paola Rossi",
        "2. Policy context",
        "The instrument funds export vouchers.",
        "3. Details of the actions",
        "Action 1: Action 1 of plan",
        "The study visit to Klaipėda showed how vouchers work.",
        "Situation Analysis Report “Lombardy report”, section “Barriers”",
        "Good practice “Klaipėda export vouchers” (Klaipėda)",
        "Transfer of “Klaipėda export vouchers” to Lombardy, study",
        "Open the voucher scheme to first-time exporters.",
        "A change in the management of the instrument",
        "Lombardy Chamber of Commerce, managing authority",
        "February 2022 – July 2023",
        "125,000.00 EUR",
        "ERDF operational programme",
        "4. Summary in English",
        "Vouchers for first exporters.",
    ]:
        assert expected in text, expected


def test_empty_parts_are_left_out_not_filled(draft_reader):
    text = words(draft_reader)
    assert "Not written yet" not in text
    pages = page_texts(draft_reader)
    short = next(" ".join(page.split()) for page in pages[2:] if "Action 2: A short action" in page)
    after = short.split("Action 2: A short action", 1)[1].split("Action 3:", 1)[0]
    assert "The background" not in after
    assert "Players involved" not in after
    assert "Costs" not in after


def test_one_bookmark_per_part_and_per_action_and_contents_page_numbers(draft_reader, linked_plan):
    outline = draft_reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == [
        "Contents",
        "1. General information",
        "2. Policy context",
        "3. Details of the actions",
        "4. Summary in English",
    ]
    nested = [item for item in outline if isinstance(item, list)]
    assert len(nested) == 1
    assert [item.title for item in nested[0]] == [
        f"Action {number}: {action.title}"
        for number, action in enumerate(linked_plan.actions.order_by("position"), start=1)
    ]
    contents = page_texts(draft_reader)[1]
    for title in ("General information", "Policy context", "A short action"):
        line = next(line for line in body_lines(contents) if title in line)
        assert line.rstrip()[-1].isdigit(), line


def test_a_draft_has_the_draft_mark_on_every_page(draft_reader):
    assert all("DRAFT" in text for text in page_texts(draft_reader))


def test_an_approved_plan_has_no_draft_mark(login, stakeholder, region_a, fetch_plan_pdf):
    plan = factories.make_plan(region_a, status="approved")
    texts = page_texts(read(fetch_plan_pdf(login(stakeholder), plan)))
    assert not any("DRAFT" in text for text in texts)
    assert "Approved" in texts[0]


def test_the_pdf_is_tagged_and_names_title_and_language(draft_reader):
    root = draft_reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert draft_reader.metadata.title == "Lombardy action plan"


def test_lang_prints_the_labels_in_that_language(login, owner, linked_plan, fetch_plan_pdf):
    reader = read(fetch_plan_pdf(login(owner), linked_plan, lang="it"))
    assert reader.trailer["/Root"]["/Lang"] == "it"


@pytest.mark.parametrize("url", ["plan_pdf", "plan_pdf_status"])
def test_an_unknown_language_is_a_bad_request(login, owner, linked_plan, url):
    response = login(owner).get(reverse(f"plans:{url}", args=[linked_plan.pk]), {"lang": "xx"})
    assert response.status_code == 400
    assert "Unknown language" in response.content.decode()
    assert not PDFJob.objects.exists()


@pytest.mark.parametrize("url", ["plan_pdf", "plan_pdf_status"])
@pytest.mark.parametrize("role", ["outsider", "stakeholder", "anonymous"])
def test_others_get_404_for_a_draft_and_start_no_job(login, user_of_role, role, url, region_a):
    plan = factories.make_plan(region_a)
    response = login(user_of_role(role)).get(reverse(f"plans:{url}", args=[plan.pk]))
    assert response.status_code == 404
    assert not PDFJob.objects.exists()


@pytest.mark.parametrize("role", ["colleague", "coordinator"])
def test_the_regions_partners_and_coordinators_get_the_progress_page_of_a_draft(
    login, user_of_role, role, region_a
):
    plan = factories.make_plan(region_a)
    response = login(user_of_role(role)).get(reverse("plans:plan_pdf", args=[plan.pk]))
    assert response.status_code == 200
    assert "PDF of “" in response.content.decode()
    assert PDFJob.objects.count() == 1


def test_the_file_name_names_the_region_and_the_version(login, owner, linked_plan, fetch_plan_pdf):
    response = fetch_plan_pdf(login(owner), linked_plan)
    assert response["Content-Disposition"] == (
        'inline; filename="interventures-action-plan-lombardy-v4.pdf"'
    )


def test_an_unchanged_plan_is_laid_out_once_and_an_edit_lays_it_out_again(
    login, owner, linked_plan, fetch_plan_pdf
):
    client = login(owner)
    fetch_plan_pdf(client, linked_plan)
    again = client.get(reverse("plans:plan_pdf", args=[linked_plan.pk]))
    assert again["Content-Type"] == "application/pdf"
    ActionPlan.objects.filter(pk=linked_plan.pk).update(nuts2_region="ITC4 Lombardy")
    changed = client.get(reverse("plans:plan_pdf", args=[linked_plan.pk]))
    assert changed["Content-Type"].startswith("text/html")  # a new job, not the old PDF


def test_a_draft_reports_section_is_not_printed_in_an_approved_plan(region_a):
    draft = factories.make_report(region_a, title="Draft report", texts=factories.complete_texts())
    plan = factories.make_plan(region_a, status="approved")
    plan.actions.get().report_sections.add(draft.sections.get(key="barriers"))
    assert "Draft report" not in pdf.plan_html(plan, language="en")
    ActionPlan.objects.filter(pk=plan.pk).update(status="draft")
    plan.refresh_from_db()
    assert "Draft report" in pdf.plan_html(plan, language="en")


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_an_outside_address_in_a_rich_text_field_is_never_fetched(
    login, owner, linked_plan, server, fetch_plan_pdf
):
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    hostile = f'<p>Context <img src="{origin}/x.png" alt="x"></p>'
    # Past the sanitiser (which would drop the image): what the fetcher alone must refuse.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE plans_actionplan SET policy_context = %s WHERE id = %s",
            [hostile, linked_plan.pk],
        )
    linked_plan.refresh_from_db()
    assert f"{origin}/x.png" in pdf.plan_html(linked_plan, language="en")

    response = fetch_plan_pdf(login(owner), linked_plan)

    assert "Context" in words(read(response))
    assert server.requests == []

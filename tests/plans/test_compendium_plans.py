"""Action plans in the coordinators' compendium: ticked beside the reports, printed after them
(each with its own title page, parts and actions, in the general contents and the bookmarks),
the DRAFT mark on a plan not approved, and bad input refused. The plug-in point is the reports'
(`reports.compendium_parts`); plans fill it, so `reports` never imports `plans`."""

import io
import re

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports.models import Compendium, CompendiumStatus
from tests.harness import factories
from tests.reports.test_compendium import download_url, status_of
from tests.reports.test_pdf import page_texts

# The worker opens its own transactions: the request's writes must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)

CREATE = reverse("reports:compendium_create")


@pytest.fixture
def report_a(region_a):
    return factories.make_report(
        region_a,
        title="Lombardy approved report",
        status="approved",
        texts=factories.complete_texts(),
    )


@pytest.fixture
def draft_plan(region_b):
    return factories.make_plan(region_b, title="Klaipėda draft action plan", actions=2)


@pytest.fixture
def approved_plan(region_a):
    return factories.make_plan(region_a, title="Lombardy approved action plan", status="approved")


def downloaded(client, compendium) -> PdfReader:
    response = client.get(download_url(compendium))
    assert response.status_code == 200
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def request_compendium(client, reports=(), plans=(), language="en"):
    return client.post(
        CREATE,
        {
            "reports": [report.pk for report in reports],
            "plans": [plan.pk for plan in plans],
            "language": language,
        },
    )


def test_the_form_offers_every_plan_in_a_fieldset_with_the_approved_ones_ticked(
    coordinator, login, report_a, draft_plan, approved_plan
):
    page = login(coordinator).get(CREATE).content.decode()
    fieldset = re.search(r"<legend[^>]*>Action plans.*?</fieldset>", page, re.S)
    assert fieldset, "no fieldset for the action plans"
    for plan in (draft_plan, approved_plan):
        assert f'name="plans" value="{plan.pk}"' in fieldset.group()
        assert plan.title in fieldset.group()
    ticked = {
        plan.pk
        for plan in (draft_plan, approved_plan)
        if re.search(rf'name="plans" value="{plan.pk}"[^>]*\bchecked', page)
    }
    assert ticked == {approved_plan.pk}


def test_a_compendium_of_a_report_and_a_plan_prints_the_plan_after_the_report(
    coordinator, login, run_worker, report_a, draft_plan
):
    client = login(coordinator)
    response = request_compendium(client, [report_a], [draft_plan])
    compendium = Compendium.objects.get()
    assert response.status_code == 302
    assert compendium.report_ids == [report_a.pk]
    assert compendium.document_ids == {"plans": [draft_plan.pk]}
    assert (status_of(client, compendium)["done"], compendium.total) == (0, 2)

    run_worker()

    done = status_of(client, compendium)
    assert done["status"] == "done", done["error"]
    assert done["done"] == done["total"] == 2
    assert done["message"] == "The compendium is ready: 2 documents."
    reader = downloaded(client, compendium)
    text = " ".join(" ".join(page_texts(reader)).split())
    action = draft_plan.actions.order_by("position").first()
    report_at = text.index(report_a.title, text.index("Contents") + 1)
    body = text[text.rindex(report_a.title) :]  # after the contents, in the report's pages
    assert report_at < text.rindex(draft_plan.title)
    assert draft_plan.title in body
    assert f"Action 1: {action.title}" in body
    assert "Details of the actions" in body

    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == ["Contents", report_a.title, draft_plan.title]
    plan_parts = outline[-1]
    assert isinstance(plan_parts, list)
    assert [item.title for item in plan_parts if not isinstance(item, list)] == [
        "1. General information",
        "2. Policy context",
        "3. Details of the actions",
    ]
    actions = next(item for item in plan_parts if isinstance(item, list))
    assert [item.title for item in actions] == [
        f"Action {number}: {action.title}"
        for number, action in enumerate(draft_plan.actions.order_by("position"), start=1)
    ]


def test_a_draft_plan_carries_the_draft_mark_and_the_approved_report_none(
    coordinator, login, run_worker, report_a, draft_plan, approved_plan
):
    client = login(coordinator)
    request_compendium(client, [report_a], [approved_plan, draft_plan])
    run_worker()
    texts = [
        " ".join(text.split()) for text in page_texts(downloaded(client, Compendium.objects.get()))
    ]

    # After the general cover and contents, each page names its part: its title page, then
    # the running header.
    def pages_of(document):
        return [text for text in texts[2:] if document.title in text]

    parts = [pages_of(report_a), pages_of(approved_plan), pages_of(draft_plan)]
    assert all(parts)
    assert sum(len(pages) for pages in parts) == len(texts) - 2
    assert not any("DRAFT" in text for text in parts[0] + parts[1])
    assert all("DRAFT" in text for text in parts[2])


def test_a_compendium_of_plans_only_is_made(coordinator, login, run_worker, approved_plan):
    client = login(coordinator)
    request_compendium(client, plans=[approved_plan])
    run_worker()
    compendium = Compendium.objects.get()
    assert compendium.status == CompendiumStatus.DONE, compendium.error
    text = " ".join(" ".join(page_texts(downloaded(client, compendium))).split())
    assert "Action plans" in text  # the general title
    assert approved_plan.title in text


def test_a_plan_deleted_before_the_worker_runs_fails_the_compendium_with_a_reason(
    coordinator, login, run_worker, report_a, draft_plan
):
    client = login(coordinator)
    request_compendium(client, [report_a], [draft_plan])
    draft_plan.delete()
    run_worker()
    state = status_of(client, Compendium.objects.get())
    assert state["status"] == "failed"
    assert "no longer exists" in state["error"]
    assert "Action plans" in state["error"]


def test_nothing_chosen_is_the_existing_message(coordinator, login, report_a, draft_plan):
    response = login(coordinator).post(CREATE, {"language": "en"})
    assert response.status_code == 400
    assert "Select at least one report." in response.content.decode()
    assert not Compendium.objects.exists()


@pytest.mark.parametrize("posted", ["999999", "not-a-number", ""])
def test_an_unknown_plan_is_a_form_error_not_a_500(
    coordinator, login, report_a, draft_plan, posted
):
    response = login(coordinator).post(
        CREATE, {"reports": [report_a.pk], "plans": [draft_plan.pk, posted], "language": "en"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice." in page
    assert re.search(rf'value="{report_a.pk}"[^>]*\bchecked', page)  # what was ticked is kept
    assert not Compendium.objects.exists()
    assert not DBTaskResult.objects.exists()

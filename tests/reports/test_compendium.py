"""Compendiums: a coordinator exports several reports as one PDF, made in the background by the
django-tasks-db worker. The worker runs in the test process (`manage.py db_worker --batch`) on
the real database backend, after the request that enqueued the task has returned."""

import io
import re

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports import pdf
from reports.models import Compendium, CompendiumStatus, SituationAnalysisReport
from tests.harness import factories

# The worker opens its own transactions: the request's writes must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)

CREATE = reverse("reports:compendium_create")


@pytest.fixture
def approved_a(region_a):
    return factories.make_report(
        region_a, title="Lombardy approved report", status="approved", texts=_texts("Lombardy")
    )


@pytest.fixture
def approved_b(region_b):
    return factories.make_report(
        region_b, title="Klaipėda approved report", status="approved", texts=_texts("Klaipėda")
    )


@pytest.fixture
def draft_a(region_a):
    return factories.make_report(region_a, title="Lombardy draft report", texts=_texts("draft"))


def _texts(word):
    return {key: f"<p>{word}: {body[3:]}" for key, body in factories.complete_texts().items()}


def request_compendium(client, reports, language="en"):
    return client.post(CREATE, {"reports": [report.pk for report in reports], "language": language})


def status_of(client, compendium):
    response = client.get(reverse("reports:compendium_status", kwargs={"pk": compendium.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def detail_url(compendium):
    return reverse("reports:compendium_detail", kwargs={"pk": compendium.pk})


def download_url(compendium):
    return reverse("reports:compendium_download", kwargs={"pk": compendium.pk})


def retry_url(compendium):
    return reverse("reports:compendium_retry", kwargs={"pk": compendium.pk})


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


# --- who may ----------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_sign_in(login):
    response = login(None).get(CREATE)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("role", ["stakeholder", "colleague", "owner", "outsider"])
def test_only_coordinators_export_compendiums(role, world, login, approved_a):
    compendium = Compendium.objects.create(
        requested_by=world.coordinator, language="en", report_ids=[approved_a.pk], total=1
    )
    client = login(getattr(world, role))
    for url in (CREATE, detail_url(compendium), download_url(compendium)):
        assert client.get(url).status_code == 403, url
    assert client.get(
        reverse("reports:compendium_status", kwargs={"pk": compendium.pk})
    ).status_code == (403)
    assert request_compendium(client, [approved_a]).status_code == 403
    assert client.post(retry_url(compendium)).status_code == 403
    assert Compendium.objects.count() == 1
    assert not DBTaskResult.objects.exists()


def test_report_list_offers_the_export_to_coordinators_only(coordinator, owner, login):
    link = CREATE.encode()
    assert link in login(coordinator).get(reverse("reports:report_list")).content
    assert link not in login(owner).get(reverse("reports:report_list")).content
    assert link not in login(None).get(reverse("reports:report_list")).content


def test_coordinators_share_their_compendiums(coordinator, login, approved_a):
    request_compendium(login(coordinator), [approved_a])
    other = factories.make_user("second.coordinator@interventures.example", is_coordinator=True)
    assert login(other).get(detail_url(Compendium.objects.get())).status_code == 200


# --- the form ---------------------------------------------------------------------------------


def test_form_lists_every_report_with_the_approved_ones_checked(
    coordinator, login, approved_a, approved_b, draft_a
):
    page = login(coordinator).get(CREATE).content.decode()
    for report in (approved_a, approved_b, draft_a):
        assert f'value="{report.pk}"' in page
    checked = {
        report.pk
        for report in (approved_a, approved_b, draft_a)
        if re.search(rf'value="{report.pk}"[^>]*\bchecked', page)
    }
    assert checked == {approved_a.pk, approved_b.pk}
    assert 'name="language"' in page
    assert "DRAFT" in page


def test_a_compendium_needs_at_least_one_report(coordinator, login, approved_a):
    response = login(coordinator).post(CREATE, {"language": "en"})
    assert response.status_code == 400
    assert "Select at least one report." in response.content.decode()
    assert not Compendium.objects.exists()


# --- the request returns at once; the worker makes the PDF ------------------------------------


def test_posting_the_form_enqueues_the_task_and_returns_at_once(
    coordinator, login, approved_a, monkeypatch
):
    def must_not_render(*args, **kwargs):
        raise AssertionError("the web request must not lay the PDF out")

    monkeypatch.setattr(pdf, "render_reports_pdf", must_not_render)
    response = request_compendium(login(coordinator), [approved_a], language="it")

    compendium = Compendium.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(compendium)
    assert compendium.status == CompendiumStatus.QUEUED
    assert compendium.report_ids == [approved_a.pk]
    assert compendium.language == "it"
    assert compendium.requested_by == coordinator
    task = DBTaskResult.objects.get()
    assert str(task.id) == compendium.task_id
    assert task.task_path == "reports.tasks.build_compendium"
    assert task.status == "READY"
    assert task.args_kwargs == {"args": [str(compendium.pk)], "kwargs": {}}


def test_the_worker_makes_one_pdf_of_the_selected_reports(
    coordinator, login, run_worker, approved_a, approved_b, draft_a
):
    client = login(coordinator)
    request_compendium(client, [approved_a, approved_b, draft_a])
    compendium = Compendium.objects.get()
    queued = status_of(client, compendium)
    assert queued["status"] == "queued"
    assert (queued["done"], queued["total"]) == (0, 3)
    assert queued["download_url"] is None
    assert client.get(download_url(compendium)).status_code == 409

    run_worker()

    done = status_of(client, compendium)
    assert done["status"] == "done"
    assert done["finished"] is True
    assert done["done"] == done["total"] == 3
    assert done["bar_value"] == done["bar_max"]
    assert done["message"] == "The compendium is ready: 3 reports."
    assert done["download_url"] == download_url(compendium)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    response = client.get(download_url(compendium))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="interventures-compendium-' in disposition
    assert disposition.endswith('.pdf"')
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    for report in (approved_a, approved_b, draft_a):
        assert report.title in text


def test_progress_page_works_without_javascript(coordinator, login, run_worker, approved_a):
    client = login(coordinator)
    request_compendium(client, [approved_a])
    compendium = Compendium.objects.get()

    page = client.get(detail_url(compendium)).content.decode()
    assert "Waiting for the background worker to start…" in page
    assert 'role="status"' in page
    assert "<progress" in page
    assert f'href="{detail_url(compendium)}">Refresh</a>' in page
    assert "<p data-download hidden>" in page
    assert "js/progress.js" in page
    assert "<script>" not in page  # no inline script: the CSP allows none

    run_worker()

    page = client.get(detail_url(compendium)).content.decode()
    assert "The compendium is ready: 1 report." in page
    assert "<p data-download>" in page
    assert f'href="{download_url(compendium)}"' in page
    assert "<p data-refresh hidden>" in page


def test_a_report_deleted_before_the_worker_runs_fails_the_compendium_with_a_reason(
    coordinator, login, run_worker, approved_a, approved_b
):
    client = login(coordinator)
    request_compendium(client, [approved_a, approved_b])
    compendium = Compendium.objects.get()
    SituationAnalysisReport.objects.filter(pk=approved_b.pk).delete()

    run_worker()

    state = status_of(client, compendium)
    assert state["status"] == "failed"
    assert state["finished"] is True
    assert "no longer exists" in state["error"]
    assert state["download_url"] is None
    page = client.get(detail_url(compendium)).content.decode()
    assert "no longer exists" in page
    assert "Try again" in page
    assert client.get(download_url(compendium)).status_code == 409

    # Trying again enqueues a new task, which fails the same way: the report is still gone.
    assert client.post(retry_url(compendium)).status_code == 302
    assert status_of(client, compendium)["status"] == "queued"
    assert DBTaskResult.objects.count() == 2
    run_worker()
    assert status_of(client, compendium)["status"] == "failed"


def test_a_pdf_over_the_time_limit_fails_and_trying_again_succeeds(
    coordinator, login, run_worker, approved_a, settings
):
    client = login(coordinator)
    request_compendium(client, [approved_a])
    compendium = Compendium.objects.get()
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.001

    run_worker()

    failed = status_of(client, compendium)
    assert failed["status"] == "failed"
    assert "took longer than" in failed["error"]

    settings.PDF_RENDER_TIMEOUT_SECONDS = 60
    response = client.post(retry_url(compendium), follow=True)
    assert "The compendium was started again." in response.content.decode()
    retried = status_of(client, compendium)
    assert retried["status"] == "queued"
    assert retried["error"] == ""

    run_worker()

    done = status_of(client, compendium)
    assert done["status"] == "done"
    assert done["done"] == done["total"] == 1
    assert client.get(download_url(compendium)).status_code == 200


def test_an_unexpected_error_is_shown_and_kept_in_the_task_result(
    coordinator, login, run_worker, approved_a, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the printer is on fire")

    monkeypatch.setattr(pdf, "render_reports_pdf", broken)
    client = login(coordinator)
    request_compendium(client, [approved_a])

    run_worker()

    compendium = Compendium.objects.get()
    assert compendium.status == CompendiumStatus.FAILED
    assert "RuntimeError: the printer is on fire" in compendium.error
    assert compendium.finished_at is not None
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert task.exception_class_path == "builtins.RuntimeError"


def test_only_a_failed_compendium_can_be_tried_again(coordinator, login, approved_a):
    client = login(coordinator)
    request_compendium(client, [approved_a])
    compendium = Compendium.objects.get()

    response = client.post(retry_url(compendium), follow=True)

    assert "Only a compendium that failed can be started again." in response.content.decode()
    assert DBTaskResult.objects.count() == 1
    assert client.get(retry_url(compendium)).status_code == 405

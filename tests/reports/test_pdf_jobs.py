"""Report PDFs never block a web worker: a PDF not made yet is laid out by the background worker
(one job per document and language, however many ask), the page shows its progress and then
the PDF; limits per person and in all; failures are shown with their reason for a while.

The worker runs in the test process (`run_worker`, the real `db_worker --batch`) after the
requests have returned; it commits, so these tests do too."""

import io
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports import pdf
from reports.models import PDFJob
from tests.reports.test_concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_pdf_cache"),
]


def pdf_url(report, lang="en"):
    return f"{reverse('reports:report_pdf', args=[report.pk])}?lang={lang}"


def status_of(client, report, lang="en") -> dict:
    response = client.get(reverse("reports:report_pdf_status", args=[report.pk]), {"lang": lang})
    assert response.status_code == 200
    return response.json()


def words(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def failing_layout(monkeypatch):
    """The layout step fails with the exception given to `failing_layout(error)`."""

    def _fail_with(error):
        def fail(html, **kwargs):
            raise error

        monkeypatch.setattr(pdf, "pdf_from_html", fail)

    return _fail_with


def test_a_pdf_not_made_yet_answers_at_once_with_a_progress_page_and_one_task(
    login, colleague, report_a, layouts
):
    response = login(colleague).get(pdf_url(report_a))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    page = words(response)
    assert "PDF of “Lombardy report”" in page
    assert 'role="status"' in page
    assert "Waiting for the background worker to start…" in page
    assert f'<a href="{pdf_url(report_a)}">Refresh</a>' in page  # works without JavaScript
    assert "js/progress.js" in page
    assert layouts == []  # nothing was laid out in the request
    task = DBTaskResult.objects.get()
    assert task.task_path == "reports.tasks.render_pdf"
    assert task.status == "READY"
    assert PDFJob.objects.get().requested_by == colleague


def test_identical_requests_at_the_same_moment_make_one_job(
    login, owner, colleague, coordinator, report_a
):
    clients = [login(user) for user in (owner, colleague, coordinator)]

    responses = run_together(*[lambda c=client: c.get(pdf_url(report_a)) for client in clients])

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert PDFJob.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_after_the_worker_the_page_offers_the_pdf_and_it_is_a_real_pdf(
    login, colleague, report_a, run_worker, layouts
):
    client = login(colleague)
    client.get(pdf_url(report_a))
    queued = status_of(client, report_a)
    assert queued["status"] == "queued"
    assert queued["finished"] is False
    assert queued["bar_value"] is None  # one layout: the bar shows activity, not a share
    assert queued["download_url"] is None

    run_worker()

    done = status_of(client, report_a)
    assert done["status"] == "done"
    assert done["finished"] is True
    assert done["message"] == "The PDF is ready."
    assert done["download_url"] == pdf_url(report_a)
    assert not PDFJob.objects.exists()  # the PDF is in the cache, the job is done with
    response = client.get(done["download_url"])
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "Lombardy report"
    assert len(layouts) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_progress_page_offers_the_pdf_once_made_even_if_asked_before(
    login, owner, report_a, run_worker
):
    client = login(owner)
    client.get(pdf_url(report_a))
    run_worker()
    status_response = client.get(
        reverse("reports:report_pdf_status", args=[report_a.pk]), {"lang": "en"}
    )
    assert status_response["Content-Type"] == "application/json"
    assert client.get(pdf_url(report_a))["Content-Type"] == "application/pdf"


def test_the_per_person_limit_refuses_a_new_pdf_with_429_and_a_clear_message(
    login, owner, colleague, report_a, settings
):
    settings.PDF_RENDERS_PER_USER = 2
    client = login(owner)
    assert client.get(pdf_url(report_a, "en")).status_code == 200
    assert client.get(pdf_url(report_a, "it")).status_code == 200

    refused = client.get(pdf_url(report_a, "hu"))

    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert "You already have 2 PDFs being made. Wait until one of them is ready" in words(refused)
    assert f'href="{pdf_url(report_a, "hu")}">Try again</a>' in words(refused)
    assert PDFJob.objects.count() == 2
    # Someone else may still ask for their own, and anyone may join a job that exists.
    assert login(colleague).get(pdf_url(report_a, "hu")).status_code == 200
    assert client.get(pdf_url(report_a, "it")).status_code == 200
    assert PDFJob.objects.count() == 3


def test_the_limit_in_all_refuses_a_new_pdf_with_429(
    login, owner, colleague, coordinator, report_a, settings
):
    settings.PDF_RENDERS_TOTAL = 2
    assert login(owner).get(pdf_url(report_a, "en")).status_code == 200
    assert login(colleague).get(pdf_url(report_a, "it")).status_code == 200

    refused = login(coordinator).get(pdf_url(report_a, "hu"))

    assert refused.status_code == 429
    assert "The portal is making many PDFs for other people right now" in words(refused)
    assert PDFJob.objects.count() == 2


def test_visitors_share_one_persons_limit(login, approved_report_b, settings):
    settings.PDF_RENDERS_PER_USER = 1
    assert login(None).get(pdf_url(approved_report_b, "en")).status_code == 200
    assert login(None).get(pdf_url(approved_report_b, "it")).status_code == 429


def test_the_status_json_answers_429_over_the_limit(login, owner, report_a, settings):
    settings.PDF_RENDERS_PER_USER = 1
    client = login(owner)
    client.get(pdf_url(report_a, "en"))
    response = client.get(reverse("reports:report_pdf_status", args=[report_a.pk]), {"lang": "it"})
    assert response.status_code == 429


def test_a_failed_pdf_shows_its_reason_and_is_kept_for_the_failure_period(
    login, colleague, report_a, run_worker, failing_layout, settings
):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 60
    failing_layout(pdf.PDFRenderTimeout(60))
    client = login(colleague)
    client.get(pdf_url(report_a))

    run_worker()

    failed = status_of(client, report_a)
    assert failed["status"] == "failed"
    assert failed["finished"] is True
    assert failed["download_url"] is None
    assert failed["bar_value"] == 0  # stopped, no longer moving
    assert "took longer than the limit of 60 seconds, so it was stopped" in failed["error"]
    page = client.get(pdf_url(report_a))
    assert page.status_code == 503
    assert "The PDF could not be made." in words(page)
    assert "Reason: Laying it out took longer than the limit of 60 seconds" in words(page).replace(
        "<strong>", ""
    ).replace("</strong> <span data-error>", " ")
    assert "in the next 10 minutes shows this result again" in words(page)
    assert DBTaskResult.objects.count() == 1  # asking again meanwhile starts nothing

    PDFJob.objects.update(failed_at=timezone.now() - timedelta(seconds=601))
    again = client.get(pdf_url(report_a))

    assert again.status_code == 200
    assert "Waiting for the background worker to start…" in words(again)
    assert DBTaskResult.objects.count() == 2
    assert PDFJob.objects.get().status == "queued"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            pdf.PDFRenderMemoryError(1024),
            "Laying it out needed more than the limit of 1024 MB of memory, so it was stopped.",
        ),
        (pdf.PDFRenderError("ValueError: broken"), "Something went wrong while laying it out."),
    ],
)
def test_every_kind_of_failure_has_its_reason(
    login, owner, report_a, run_worker, failing_layout, error, reason
):
    failing_layout(error)
    client = login(owner)
    client.get(pdf_url(report_a))
    run_worker()
    assert status_of(client, report_a)["error"].startswith(reason)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"  # a failure the task expected


def test_a_job_whose_worker_was_lost_is_started_again(login, owner, report_a, settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 60
    client = login(owner)
    client.get(pdf_url(report_a))
    PDFJob.objects.update(status="running", started_at=timezone.now() - timedelta(minutes=3))

    assert client.get(pdf_url(report_a)).status_code == 200

    assert PDFJob.objects.get().status == "queued"
    assert DBTaskResult.objects.count() == 2


def test_the_three_language_attack_keeps_healthz_answering_within_a_second(
    login, colleague, big_report, layouts
):
    """Issue 14: a viewer asks for a ~199,000-character report in three languages at once."""
    clients = [login(colleague) for _language in range(3)]

    started = time.monotonic()
    responses = run_together(
        *[
            lambda c=client, lang=lang: c.get(pdf_url(big_report, lang))
            for client, lang in zip(clients, ("en", "it", "hu"), strict=True)
        ]
    )
    asked = time.monotonic() - started
    health_started = time.monotonic()
    health = login(None).get("/healthz")
    health_took = time.monotonic() - health_started

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert all(b"Waiting for the background worker" in r.content for r in responses)
    assert layouts == []  # no request laid anything out
    assert health.status_code == 200
    assert health_took < 1
    assert asked < 5  # three HTML renderings of the report, no layout
    assert PDFJob.objects.count() == 3
    assert DBTaskResult.objects.count() == 3

"""Evidence files of a monitoring report: accepted by their content (PDF, DOCX, ODT, PNG, JPEG,
10 MB at most, a limited number per action and period), stored under generated names, handed out
as attachments only after the access check of their report, and removed by the region's
editors while the report is editable."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from interventures.activity.models import ActivityEntry
from plans import evidence
from plans.models import MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, EvidenceFile
from tests.harness import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#003399").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#003399").save(buffer, "JPEG")
    return buffer.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture
def report(region_a, instrument_a):
    plan = factories.make_plan(region_a, status="approved", instrument=instrument_a)
    return factories.make_monitoring(plan)


def edit_url(report):
    return reverse(
        "plans:progress_edit",
        kwargs={
            "pk": report.plan_id,
            "period": report.period_id,
            "action_pk": report.plan.actions.get().pk,
        },
    )


def upload(client, report, name: str, content: bytes, **fields):
    data = {"status": "in_progress", "links": "https://example.org/kept", **fields}
    data["document"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(edit_url(report), data)


def download_url(file):
    return reverse("plans:evidence_download", kwargs={"file_pk": file.pk})


@pytest.mark.parametrize(
    ("content", "kind"),
    [(PDF, evidence.PDF), (DOCX, evidence.DOCX), (ODT, evidence.ODT)],
)
def test_documents_are_told_by_their_content(content, kind):
    assert evidence.kind_of(ContentFile(content, name="whatever")) is kind


def test_images_are_verified_with_pillow():
    assert evidence.kind_of(ContentFile(png_bytes())) is evidence.PNG
    assert evidence.kind_of(ContentFile(jpeg_bytes())) is evidence.JPEG
    assert evidence.kind_of(ContentFile(b"\x89PNG\r\n\x1a\n but not an image")) is None


def test_a_zip_that_is_neither_docx_nor_odt_is_not_accepted():
    assert evidence.kind_of(ContentFile(zipped({"word.txt": b"hello"}))) is None
    fake_odt = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    assert evidence.kind_of(ContentFile(fake_odt)) is None


def test_the_kept_name_is_one_line_without_the_uploaders_path():
    assert (
        evidence.clean_name("C:\\Users\\me\\Minutes\n May.pdf", evidence.PDF) == "Minutes May.pdf"
    )
    assert evidence.clean_name("scan", evidence.PNG) == "scan.png"
    assert evidence.clean_name("x" * 500 + ".pdf", evidence.PDF) == "x" * 196 + ".pdf"


def test_a_pdf_is_accepted_and_the_regions_viewer_downloads_it(login, owner, colleague, report):
    response = upload(login(owner), report, "Minutes of the steering group.pdf", PDF)

    assert response.status_code == 302
    stored = EvidenceFile.objects.get()
    assert stored.name == "Minutes of the steering group.pdf"
    assert stored.content_type == "application/pdf"
    assert stored.size == len(PDF)
    assert "Minutes" not in stored.file.name  # generated, not the uploader's
    assert stored.file.name.startswith("evidence/")
    assert stored.file.name.endswith(".pdf")
    assert ActivityEntry.objects.filter(verb="monitoring.evidence_added").count() == 1

    download = login(colleague).get(download_url(stored))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        'attachment; filename="Minutes of the steering group.pdf"; '
        "filename*=UTF-8''Minutes%20of%20the%20steering%20group.pdf"
    )
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]


def test_a_name_beyond_ascii_is_offered_in_both_forms(login, owner, report):
    upload(login(owner), report, "Jegyzőkönyv “május”.pdf", PDF)
    disposition = login(owner).get(download_url(EvidenceFile.objects.get()))["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Jegyzokonyv majus.pdf"; ')
    assert "filename*=UTF-8''Jegyz%C5%91k%C3%B6nyv%20%E2%80%9Cm%C3%A1jus%E2%80%9D.pdf" in (
        disposition
    )


def test_an_image_is_accepted(login, owner, report):
    assert upload(login(owner), report, "photo.jpg", jpeg_bytes()).status_code == 302
    assert EvidenceFile.objects.get().content_type == "image/jpeg"


def test_a_pdf_that_is_really_html_is_refused_and_the_form_is_kept(login, owner, report):
    html = b"<!doctype html><script>alert(document.cookie)</script>"
    response = upload(login(owner), report, "minutes.pdf", html, evidence="<p>Typed text</p>")

    assert response.status_code == 400
    page = response.content.decode()
    assert "“minutes.pdf” is not a document of an accepted type" in page
    assert "Typed text" in page
    assert "https://example.org/kept" in page
    assert not EvidenceFile.objects.exists()


def test_a_file_named_for_another_type_than_its_content_is_refused(login, owner, report):
    response = upload(login(owner), report, "minutes.pdf", png_bytes())

    assert response.status_code == 400
    assert "is named as a PDF but its content is a PNG image" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_a_file_over_10_mb_is_refused_naming_it_and_the_limit(login, owner, report):
    too_big = PDF + b"0" * (MAX_EVIDENCE_BYTES - len(PDF) + 1024 * 1024)
    response = upload(login(owner), report, "scan.pdf", too_big)

    assert response.status_code == 400
    page = response.content.decode()
    assert "“scan.pdf” is 11.0\xa0MB: a file may be at most 10.0\xa0MB." in page
    assert "https://example.org/kept" in page
    assert not EvidenceFile.objects.exists()


def test_no_more_files_than_the_limit_per_action_and_period(login, owner, report):
    client = login(owner)
    for number in range(MAX_EVIDENCE_FILES):
        assert upload(client, report, f"part {number}.pdf", PDF).status_code == 302

    response = upload(client, report, "one more.pdf", PDF)

    assert response.status_code == 400
    assert "the most it may have. Remove one first." in response.content.decode()
    assert EvidenceFile.objects.count() == MAX_EVIDENCE_FILES


@pytest.fixture
def draft_file(login, owner, report):
    upload(login(owner), report, "minutes.pdf", PDF)
    return EvidenceFile.objects.get()


@pytest.mark.parametrize("role", ["outsider", "stakeholder", "anonymous"])
def test_a_draft_reports_file_is_not_found_outside_the_region(login, world, draft_file, role):
    user = None if role == "anonymous" else getattr(world, role)
    assert login(user).get(download_url(draft_file)).status_code == 404


def test_an_approved_reports_file_is_public(login, draft_file):
    report = draft_file.progress.report
    report.status = "approved"
    report.save()
    assert login(None).get(download_url(draft_file)).status_code == 200


def test_an_approved_report_of_a_reopened_plan_hides_its_files(login, draft_file):
    report = draft_file.progress.report
    report.status = "approved"
    report.save()
    report.plan.status = "changes_requested"
    report.plan.save()
    assert login(None).get(download_url(draft_file)).status_code == 404


def test_the_editor_removes_a_file(login, owner, draft_file, django_capture_on_commit_callbacks):
    storage, name = draft_file.file.storage, draft_file.file.name
    url = reverse("plans:evidence_remove", kwargs={"file_pk": draft_file.pk})
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(owner).post(url)

    assert response.status_code == 302
    assert not EvidenceFile.objects.exists()
    assert not storage.exists(name)
    assert ActivityEntry.objects.filter(verb="monitoring.evidence_removed").count() == 1


def test_a_viewer_cannot_remove_a_file(login, colleague, draft_file):
    url = reverse("plans:evidence_remove", kwargs={"file_pk": draft_file.pk})
    assert login(colleague).post(url).status_code == 403
    assert EvidenceFile.objects.exists()


def test_a_submitted_reports_file_cannot_be_removed(login, owner, draft_file):
    report = draft_file.progress.report
    report.status = "in_review"
    report.save()
    url = reverse("plans:evidence_remove", kwargs={"file_pk": draft_file.pk})
    assert login(owner).post(url).status_code == 403
    assert EvidenceFile.objects.exists()


def test_the_progress_page_lists_the_files_with_a_remove_button(login, owner, report, draft_file):
    page = login(owner).get(edit_url(report)).content.decode()
    assert download_url(draft_file) in page
    assert reverse("plans:evidence_remove", kwargs={"file_pk": draft_file.pk}) in page

"""The admin writes through the same rules as the portal: rich text is stored sanitised,
whoever writes it and however, and a report or practice changes state only through its
workflow (which logs and notifies), never by editing its status in the admin."""

from django.urls import reverse

from events.models import Event
from practices.models import GoodPractice
from reports.models import ReportSection
from tests.harness import factories

HOSTILE = (
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<p>Kept <strong>text</strong><img src="x" onerror="alert(1)"></p>'
    "<script>alert(2)</script>"
)
CLEAN = "<p>Kept <strong>text</strong></p>"


def admin_form_data(response) -> dict:
    """What the admin's change form would send back unchanged, inlines included."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def change_in_admin(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = {**admin_form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_a_section_saved_in_the_admin_is_stored_sanitised(login, superuser, region_a):
    report = factories.make_report(region_a)
    section = report.sections.get(key="opportunities")

    change_in_admin(login(superuser), section, body=HOSTILE)

    section.refresh_from_db()
    assert section.body == CLEAN
    page = login(superuser).get(report.get_absolute_url()).text
    assert "http-equiv" not in page
    assert "onerror" not in page


def test_a_practice_saved_in_the_admin_is_stored_sanitised_and_keeps_its_status(
    login, superuser, region_a
):
    practice = factories.make_practice(region_a, status="submitted")

    change_in_admin(login(superuser), practice, description=HOSTILE, status="published")

    practice.refresh_from_db()
    assert practice.description == CLEAN
    assert (practice.status, practice.published_at) == ("submitted", None)


def test_the_admin_cannot_approve_a_report_by_editing_its_status(login, superuser, region_a):
    report = factories.make_report(region_a, status="in_review")

    change_in_admin(login(superuser), report, status="approved")

    report.refresh_from_db()
    assert report.status == "in_review"


def test_every_write_path_stores_rich_text_sanitised(region_a):
    event = factories.make_event(region_a)
    section = factories.make_report(region_a).sections.get(key="barriers")

    Event.objects.filter(pk=event.pk).update(agenda=HOSTILE)
    ReportSection.objects.filter(pk=section.pk).update(body=HOSTILE)
    practice = factories.make_practice(region_a)
    practice.evidence_of_success = HOSTILE
    practice.save()

    assert Event.objects.get(pk=event.pk).agenda == CLEAN
    assert ReportSection.objects.get(pk=section.pk).body == CLEAN
    assert GoodPractice.objects.get(pk=practice.pk).evidence_of_success == CLEAN
    assert practice.evidence_of_success == CLEAN


def test_a_practice_renamed_in_the_admin_is_found_by_its_new_name(login, superuser, region_a):
    practice = factories.make_practice(region_a, title="Export vouchers")

    change_in_admin(login(superuser), practice, title="Zeppelin vouchers")

    found = login(None).get(reverse("practices:practice_list"), {"q": "zeppelin"})
    assert practice.get_absolute_url() in found.text

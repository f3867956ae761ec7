"""Privacy by default: visitors (anonymous, stakeholders, partners of another region) see
organisations, never a partner's name or email address, on any page, feed or export; the
region's partners and the coordinators see people as "Name (Organisation)"; the privacy notice
states every retention period."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from events.models import Event
from interventures.activity.services import log_action
from partners.models import Region, User
from practices.models import GoodPractice
from reports.models import ReportStatus, SituationAnalysisReport
from reports.services import section_save
from tests.harness import factories

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


@pytest.fixture
def seeded_world(db):
    """The demo partnership, every account given a name that must never reach a visitor."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for number, user in enumerate(User.objects.order_by("pk"), start=1):
        user.first_name, user.last_name = f"Zuzanna{number}", f"Kowalczyk{number}"
        user.save(update_fields=["first_name", "last_name"])
    return list(User.objects.all())


def public_urls() -> list[str]:
    urls = [
        reverse("home"),
        reverse("region_list"),
        reverse("reports:report_list"),
        reverse("practices:practice_list"),
        reverse("practices:transfer_matrix"),
        reverse("practices:export_csv"),
        reverse("practices:export_json"),
        reverse("practices:export_jsonld"),
        reverse("practices:practice_feed"),
        reverse("events:event_list"),
        reverse("events:calendar_feed"),
        reverse("events:event_feed"),
        reverse("open_data"),
        reverse("catalogue_jsonld"),
        reverse("catalogue_ttl"),
        reverse("sitemap"),
        reverse("privacy"),
    ]
    urls += [region.get_absolute_url() for region in Region.objects.all()]
    urls += [practice.get_absolute_url() for practice in GoodPractice.objects.published()]
    for event in Event.objects.filter(is_published=True):
        urls += [event.get_absolute_url(), reverse("events:event_ics", args=[event.slug])]
    approved = SituationAnalysisReport.objects.filter(status=ReportStatus.APPROVED)
    urls += [report.get_absolute_url() for report in approved]
    return urls


def body_of(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode()
    # A signed-in visitor's own name and address are in the account menu: not a leak.
    return text.split("<main", 1)[1] if "<main" in text else text


@pytest.mark.parametrize("visitor", ["anonymous", "stakeholder", "other_region_partner"])
def test_no_page_feed_or_export_shows_a_partners_name_or_email(seeded_world, login, visitor):
    user = {
        "anonymous": None,
        "stakeholder": factories.make_user("visitor@example.org"),
        "other_region_partner": User.objects.get(email="editor.klaipeda@demo.interventures.eu"),
    }[visitor]
    client = login(user)
    urls = public_urls()
    if visitor == "other_region_partner":
        urls = [url for url in urls if "klaipeda" not in url]
    # The visitor's own name and address may prefill a form (an interest message): not a leak.
    others = [person for person in seeded_world if person != user]
    names = [name for person in others for name in (person.first_name, person.last_name)]
    addresses = [person.email for person in others]
    shown = 0
    for url in urls:
        response = client.get(url)
        if response.status_code == 404:
            continue  # another region's report, when the visitor is a partner of none
        assert response.status_code == 200, url
        body = body_of(response)
        shown += 1
        leaked = [word for word in names + addresses if re.search(rf"\b{re.escape(word)}\b", body)]
        assert not leaked, f"{url} shows {leaked[:3]}"
    assert shown > 30


def test_an_approved_reports_history_review_and_comments_are_not_public(seeded_world, login):
    report = SituationAnalysisReport.objects.filter(status=ReportStatus.APPROVED).first()
    stakeholder = factories.make_user("visitor@example.org")

    for visitor in (None, stakeholder):
        page = login(visitor).get(report.get_absolute_url()).text
        assert 'id="workflow"' not in page
        assert 'id="comments"' not in page
        assert "History of changes" not in page
        assert not EMAIL.search(page.split("<main", 1)[1])
        assert (
            login(visitor).get(reverse("reports:report_history", args=[report.pk])).status_code
            == 404
        )


def test_the_regions_partners_see_who_did_what_with_their_organisation(seeded_world, login):
    report = SituationAnalysisReport.objects.filter(status=ReportStatus.APPROVED).first()
    editor = User.objects.filter(memberships__organisation__region=report.region).first()
    organisation = editor.memberships.get().organisation.name

    page = login(editor).get(report.get_absolute_url()).text

    assert re.search(rf"Zuzanna\d+ Kowalczyk\d+ \({re.escape(organisation)}\)", page)
    assert 'id="workflow"' in page
    assert not EMAIL.search(page.split("<main", 1)[1])


def test_visitors_read_the_organisation_partners_the_name(login, region_a, owner, colleague):
    report = factories.make_report(region_a)
    section_save(
        section=report.sections.get(key="executive_summary"),
        author=owner,
        body="<p>Text.</p>",
        base_version=0,
    )
    report.status = ReportStatus.APPROVED
    report.save(update_fields=["status"])

    public = login(None).get(report.get_absolute_url()).text
    partner = login(colleague).get(report.get_absolute_url()).text

    assert "Last edited by Lombardy Chamber of Commerce on" in public
    assert "Last edited by Olivia Owner (Lombardy Chamber of Commerce) on" in partner


def test_the_activity_page_names_people_with_their_organisation(login, coordinator, owner):
    log_action(actor=owner, verb="report.created")

    page = login(coordinator).get(reverse("activity_list")).text

    assert "Olivia Owner (Lombardy Chamber of Commerce)" in page


def test_a_user_is_named_by_their_name_never_their_email(db):
    named = factories.make_user("ana@example.org", first_name="Ana", last_name="Kovač")
    unnamed = factories.make_user("nobody@example.org")

    assert str(named) == "Ana Kovač"
    assert str(unnamed) == f"User {unnamed.pk}"


def test_the_privacy_notice_states_each_period_from_the_settings(login, settings):
    settings.EVENT_PARTICIPANT_RETENTION_MONTHS = 7
    settings.INTEREST_RETENTION_MONTHS = 25
    settings.INVITATION_RETENTION_DAYS = 31
    settings.SESSION_RETENTION_DAYS = 91
    settings.DELETED_ACCOUNT_ACTIVITY_RETENTION_MONTHS = 13

    page = login(None).get(reverse("privacy")).text

    assert "removed from their registrations 7 months after the event ended" in page
    assert "deleted 25 months after they were sent" in page
    assert "31 days after it expired" in page
    assert "at the latest 91 days after they were last used" in page
    assert "removed 13 months after the deletion" in page
    assert "see only your organisation as the author" in page


def test_workflow_emails_name_the_actor_with_their_organisation(
    login, owner, coordinator, django_capture_on_commit_callbacks
):
    report = factories.make_report(
        owner.memberships.get().organisation.region, texts=factories.complete_texts()
    )

    with django_capture_on_commit_callbacks(execute=True):
        login(owner).post(reverse("reports:report_submit", args=[report.pk]))

    [message] = mail.outbox
    assert "Olivia Owner (Lombardy Chamber of Commerce) moved the Situation" in message.body
    assert owner.email not in message.body

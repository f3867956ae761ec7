"""Every service that changes shared data leaves an entry in the activity log: who, what and
to which object, as a person does it through the portal's pages."""

from django.core import mail
from django.urls import reverse

from events import services as event_services
from interventures.activity.models import ActivityEntry
from partners.models import PolicyInstrument
from partners.services import invitation_accept, invitation_send
from practices.services import (
    contact_withdraw,
    practice_create,
    practice_update,
    transfer_create,
)
from reports.services import compendium_request, section_restore, section_save
from tests.harness import factories


def last_entry() -> ActivityEntry:
    return ActivityEntry.objects.order_by("-pk").first()


def logged(verb: str) -> list[ActivityEntry]:
    return list(ActivityEntry.objects.filter(verb=verb).order_by("pk"))


def test_an_editor_adding_changing_and_deleting_an_instrument_is_logged(login, region_a, owner):
    client = login(owner)
    data = {
        "name": "Regional export vouchers",
        "managing_authority": "Regione Lombardia",
        "kind": PolicyInstrument.Kind.ETC,
        "period": "2021-2027",
        "improvement": "More SMEs exporting.",
        "status": PolicyInstrument.Status.ANALYSIS,
    }
    client.post(reverse("partners:instrument_create", args=[region_a.slug]), data)
    instrument = PolicyInstrument.objects.get(name="Regional export vouchers")
    edit = reverse("partners:instrument_edit", args=[region_a.slug, instrument.pk])
    client.post(edit, {**data, "period": "2021-2028"})
    client.post(reverse("partners:instrument_delete", args=[region_a.slug, instrument.pk]))

    entries = [
        (entry.verb, entry.actor, entry.object_repr)
        for entry in ActivityEntry.objects.filter(verb__startswith="instrument.").order_by("pk")
    ]
    assert entries == [
        ("instrument.created", owner, "Regional export vouchers"),
        ("instrument.updated", owner, "Regional export vouchers"),
        ("instrument.deleted", owner, "Regional export vouchers"),
    ]


def test_an_invitation_sent_accepted_and_another_revoked_are_logged(
    login, org_a, coordinator, outsider
):
    invitation = invitation_send(
        email=outsider.email,
        organisation=org_a,
        role="viewer",
        invited_by=coordinator,
        absolute_url=lambda path: path,
    )
    invitation_accept(invitation=invitation, user=outsider)
    other, _token = factories.make_invitation(org_a, invited_by=coordinator)
    login(coordinator).post(reverse("partners:invitation_revoke", args=[other.pk]))

    assert [
        (e.verb, e.actor) for e in ActivityEntry.objects.filter(verb__startswith="invitation.")
    ] == [
        ("invitation.revoked", coordinator),
        ("invitation.accepted", outsider),
        ("invitation.sent", coordinator),
    ]


def test_saving_and_restoring_a_section_is_logged_on_its_report(region_a, owner, colleague):
    report = factories.make_report(region_a)
    section = report.sections.get(key="opportunities")
    saved = section_save(
        section=section, author=owner, body="<p>First</p>", base_version=section.version
    )
    latest = section_save(
        section=saved, author=owner, body="<p>Second</p>", base_version=saved.version
    )
    first = latest.history.order_by("history_id").first()
    section_restore(section=latest, author=colleague, history_id=first.history_id)

    entries = [(e.verb, e.actor, e.object_repr) for e in ActivityEntry.objects.order_by("pk")]
    assert entries[-3:] == [
        ("section.saved", owner, report.title),
        ("section.saved", owner, report.title),
        ("section.restored", colleague, report.title),
    ]
    assert last_entry().details == "Opportunities (v3)"


def test_saving_a_section_unchanged_logs_nothing(region_a, owner):
    report = factories.make_report(region_a)
    section = report.sections.get(key="opportunities")
    before = ActivityEntry.objects.count()

    section_save(section=section, author=owner, body=section.body, base_version=section.version)

    assert ActivityEntry.objects.count() == before


def test_indicators_changed_through_the_page_are_logged(login, region_a, owner):
    report = factories.make_report(region_a)
    url = reverse("reports:indicators_edit", args=[report.pk])
    form = login(owner).get(url).context["formset"]
    data = {
        f"{form.prefix}-TOTAL_FORMS": "1",
        f"{form.prefix}-INITIAL_FORMS": "0",
        f"{form.prefix}-0-name": "SMEs exporting",
        f"{form.prefix}-0-value": "1250",
        f"{form.prefix}-0-unit": "firms",
        f"{form.prefix}-0-year": "2019",
        f"{form.prefix}-0-source": "ISTAT",
    }

    login(owner).post(url, data)

    assert (last_entry().verb, last_entry().actor) == ("report.indicators_changed", owner)


def test_a_practice_created_changed_its_contact_withdrawn_and_a_transfer_are_logged(
    region_a, region_b, org_a, owner, outsider
):
    record = {
        "title": "Export desk",
        "summary": "One desk for every exporter.",
        "instrument_type": "grant",
        "progress": "ongoing",
        "language": "en",
    }
    practice = practice_create(region=region_a, owner=org_a, actor=owner, **record)
    practice_update(practice=practice, owner=org_a, actor=owner, **{**record, "summary": "Two."})
    contact_withdraw(practice=practice, actor=owner)
    published = factories.make_practice(region_a)
    transfer_create(practice=published, region=region_b, stage="study", actor=outsider)

    work = ActivityEntry.objects.exclude(verb__startswith="membership.").order_by("pk")
    assert [(e.verb, e.actor) for e in work] == [
        ("practice.created", owner),
        ("practice.updated", owner),
        ("practice.contact_withdrawn", owner),
        ("transfer.recorded", outsider),
    ]
    assert last_entry().details == "Klaipėda: Study"


def test_a_waiting_list_promotion_is_logged_without_naming_the_person(
    region_a, django_capture_on_commit_callbacks
):
    event = factories.make_event(region_a, capacity=1)
    seated, waiting = factories.make_user(), factories.make_user()
    seat = event_services.registration_create(event=event, user=seated)
    event_services.registration_create(event=event, user=waiting)

    with django_capture_on_commit_callbacks(execute=True):
        event_services.registration_cancel(registration=seat)

    entry = last_entry()
    assert (entry.verb, entry.actor, entry.object_repr) == (
        "registration.promoted",
        None,
        event.title,
    )
    assert waiting.email not in str(entry.data)
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_an_event_saved_and_a_compendium_requested_are_logged(
    region_a, coordinator, django_capture_on_commit_callbacks
):
    report = factories.make_report(region_a, status="approved")
    event = factories.make_event(region_a)
    event.title = "Kick-off, moved online"
    event_services.event_save(event=event, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=False):
        compendium_request(user=coordinator, reports=[report], language="en")

    assert [(e.verb, e.actor) for e in ActivityEntry.objects.order_by("pk")][-2:] == [
        ("event.updated", coordinator),
        ("compendium.requested", coordinator),
    ]
    assert last_entry().details == report.title

"""A signed-in person's language is remembered: chosen in the switcher, kept from the page they
signed up on, and used wherever they enter the portal. Dates and numbers follow the language."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from partners.models import User
from reports.models import Indicator, ReportStatus
from tests.harness import factories

SET_LANGUAGE = reverse("set_language")
STRONG = "Border-regions-2026"


@pytest.fixture
def hungarian(db):
    return factories.make_user(
        "eszter@example.hu", language="hu", first_name="Eszter", last_name="Kovács"
    )


def choose(client, language: str, next_url: str = "/events/"):
    return client.post(SET_LANGUAGE, {"language": language, "next": next_url})


# --- remembering the choice ---------------------------------------------------------------


def test_the_switcher_remembers_a_signed_in_persons_choice(login, stakeholder):
    response = choose(login(stakeholder), "hu")

    assert response["Location"] == "/hu/events/"
    stakeholder.refresh_from_db()
    assert stakeholder.language == "hu"


def test_the_switcher_still_works_for_visitors(login, db):
    assert choose(login(None), "pl")["Location"] == "/pl/events/"


def test_an_unknown_language_is_not_saved(login, stakeholder):
    choose(login(stakeholder), "xx")

    stakeholder.refresh_from_db()
    assert stakeholder.language == ""


def test_signing_up_keeps_the_language_of_the_page(client, db):
    client.post(
        "/hu" + reverse("account_signup"),
        {
            "first_name": "Eszter",
            "last_name": "Kovács",
            "email": "new@example.hu",
            "password1": STRONG,
            "password2": STRONG,
        },
    )

    assert User.objects.get(email="new@example.hu").language == "hu"


def test_accepting_an_invitation_keeps_the_language_of_the_page(client, org_a):
    _invitation, token = factories.make_invitation(org_a, "nowy@example.pl")

    client.post(
        "/pl" + reverse("partners:invitation_accept", args=[token]),
        {"first_name": "Piotr", "last_name": "Nowak", "password1": STRONG, "password2": STRONG},
    )

    assert User.objects.get(email="nowy@example.pl").language == "pl"


# --- entering the portal in that language -------------------------------------------------


def test_an_english_address_opens_in_the_saved_language(login, hungarian):
    response = login(hungarian).get("/events/?kind=webinar")

    assert response.status_code == 302
    assert response["Location"] == "/hu/events/?kind=webinar"


def test_signing_in_lands_on_the_page_in_the_saved_language(client, hungarian):
    response = client.post(
        reverse("account_login"),
        {"login": hungarian.email, "password": factories.PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/hu/dashboard/"
    assert response.status_code == 200


def test_choosing_english_in_the_switcher_stops_the_redirect(login, hungarian):
    client = login(hungarian)

    assert choose(client, "en")["Location"] == "/events/"
    assert client.get("/events/").status_code == 200


def test_a_page_in_another_language_chosen_on_purpose_stays(login, hungarian):
    assert login(hungarian).get("/it/events/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/events/calendar.ics",
        "/practices/export.csv",
        "/practices/export.json",
        "/practices/export.jsonld",
        "/practices/feed.atom",
        "/events/feed.atom",
        "/healthz",
    ],
)
def test_files_and_the_health_check_are_never_redirected(url, login, hungarian):
    assert login(hungarian).get(url).status_code == 200


@pytest.mark.parametrize("name", ["reports:report_pdf", "reports:report_pdf_status"])
def test_a_report_pdf_and_its_progress_are_never_redirected(login, hungarian, region_a, name):
    """The PDF's URL answers with its progress page until the worker has made it."""
    report = factories.make_report(region_a, status=ReportStatus.APPROVED)
    url = reverse(name, kwargs={"pk": report.pk})

    assert login(hungarian).get(url).status_code == 200


def test_the_admin_is_never_redirected(login, superuser):
    superuser.language = "hu"
    superuser.save(update_fields=["language"])

    assert login(superuser).get("/admin/").status_code == 200


def test_a_form_sent_from_an_english_page_is_handled_not_redirected(login, hungarian, region_a):
    event = factories.make_event(region_a)

    login(hungarian).post(reverse("events:register", kwargs={"slug": event.slug}))

    assert event.registrations.filter(user=hungarian).exists()


def test_visitors_and_people_who_never_chose_are_not_redirected(login, stakeholder):
    assert login(None).get("/events/").status_code == 200
    assert login(stakeholder).get("/events/").status_code == 200


# --- dates and numbers follow the language ------------------------------------------------


def test_an_event_date_is_written_as_each_language_writes_it(login, region_b):
    event = factories.make_event(
        region_b,
        timezone="Europe/Vilnius",
        starts_at=datetime(2020, 11, 19, 10, tzinfo=ZoneInfo("Europe/Vilnius")),
    )
    path = reverse("events:event_detail", kwargs={"slug": event.slug})

    assert "19 November 2020, 10:00–13:00 EET" in login(None).get(path).text
    assert "2020. november 19. 10:00–13:00 EET" in login(None).get("/hu" + path).text
    assert "19 listopada 2020 10:00–13:00 EET" in login(None).get("/pl" + path).text


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("", "12,500"),
        ("/it", "12.500"),
        ("/hu", "12\N{NO-BREAK SPACE}500"),
        ("/pl", "12\N{NO-BREAK SPACE}500"),
    ],
)
def test_report_indicators_group_thousands_as_the_language_does(language, written, login, region_a):
    report = factories.make_report(region_a, status=ReportStatus.APPROVED)
    Indicator.objects.create(
        report=report, name="SMEs exporting", value=Decimal(12500), unit="firms", year=2019
    )
    path = reverse("reports:report_detail", kwargs={"pk": report.pk})

    assert f"{written}\N{NO-BREAK SPACE}firms" in login(None).get(language + path).text

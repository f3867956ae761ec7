"""No English leftovers: every word the portal itself shows went through gettext.

Under pseudo-English (tests/i18n/pseudo.py) every translated string comes out wrapped in ⟦ ⟧;
whatever is left once those are removed must be content (the database's own text, numbers,
dates, addresses) or an allowed proper name. Checked for every HTML page of the URL registry
and every role that sees it, for forms showing errors, the 403 and 404 pages, the report PDF and
the emails. The Django admin is left out: its strings are Django's own and only staff see it.
"""

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from events.services import registration_cancel, registration_create
from partners.models import Membership
from partners.services import invitation_send
from practices.services import interest_send, practice_transition
from reports.models import PDFJob
from reports.services import report_transition
from reports.tasks import pdf_job_render
from tests.harness import factories
from tests.harness.checks import client_for, url_of
from tests.harness.error_states import INVALID_FORMS, error_pages, invalid_form_page
from tests.harness.registry import ROUTES, Access, route
from tests.i18n.pseudo import content_words, unmarked, visible_texts

pytestmark = pytest.mark.sweep

PAGES = [r for r in ROUTES if r.is_page and r.html and r.access is not Access.STAFF]


def english_leftovers(pages: dict[str, str]) -> str:
    """`pages` maps where (a page and a role) → HTML. The report lists each unmarked phrase
    once, with where it shows."""
    return listing(where_unmarked({where: visible_texts(page) for where, page in pages.items()}))


def where_unmarked(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each unmarked phrase of `texts` (where → texts) → where it shows."""
    content = content_words()
    found: dict[str, list[str]] = {}
    for where, strings in texts.items():
        for phrase in unmarked(strings, content):
            found.setdefault(phrase, []).append(where)
    return found


def listing(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{phrase!r} on {', '.join(wheres)}" for phrase, wheres in found.items())


@pytest.mark.parametrize("page_route", [pytest.param(r, id=r.name) for r in PAGES])
def test_every_word_of_the_page_is_marked_for_every_role(page_route, pseudo, world):
    pages = {}
    for role in page_route.viewing_roles():
        url = url_of(page_route, world)
        response = client_for(page_route, world, role).get(url, follow=True)
        assert response.status_code == 200, f"{url} as {role}: {response.status_code}"
        pages[f"{response.request['PATH_INFO']} as {role}"] = response.content.decode()
    leftovers = english_leftovers(pages)
    assert not leftovers, "Words not marked for translation:\n" + leftovers


def test_the_check_finds_unmarked_words_but_not_content_nor_other_languages():
    page = (
        '<html lang="en"><title>⟦Events⟧</title><p>⟦Read ⟦the⟧ <a href="/">statement</a>⟧</p>'
        "<p>Lombardy, 12 March 2026, owner@lombardy.example</p><p>Draft</p>"
        '<select><option lang="it">Italiano</option></select>'
        '<img alt="Logo" src="/logo.svg"><input type="submit" value="⟦Save⟧"></html>'
    )
    assert unmarked(visible_texts(page), {"lombardy"}) == [
        "Lombardy, 12 March 2026, owner@lombardy.example",  # "March" went by
        "Draft",
        "Logo",
    ]


# --- error states ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "role", "data"), [pytest.param(*form, id=form[0]) for form in INVALID_FORMS]
)
def test_a_form_with_errors_is_marked(name, role, data, pseudo, world):
    page = invalid_form_page(name, role, data, world)
    assert 'aria-invalid="true"' in page or "errorlist" in page, "the form shows no errors"
    leftovers = english_leftovers({f"{name} with errors as {role}": page})
    assert not leftovers, "Words not marked for translation:\n" + leftovers


def test_the_error_pages_are_marked(pseudo, world):
    leftovers = english_leftovers(error_pages(world))
    assert not leftovers, "Words not marked for translation:\n" + leftovers


# --- the report PDF ------------------------------------------------------------------------------


def test_every_label_of_the_report_pdf_is_marked(pseudo, world):
    report = factories.make_report(world.region_a, texts=factories.complete_texts())
    report.indicators.create(
        name="SMEs exporting", value=1250, unit="firms", year=2019, source="ISTAT", position=0
    )
    client = client_for(route("reports:report_pdf"), world, "owner")
    client.get(f"/reports/{report.pk}/pdf/", {"lang": "en"})  # the progress page
    pdf_job_render(job_id=PDFJob.objects.get().pk)  # the worker's part, in this transaction
    response = client.get(f"/reports/{report.pk}/pdf/", {"lang": "en"})
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    leftovers = listing(where_unmarked({"the report PDF": [text]}))
    assert not leftovers, "Words of the PDF not marked for translation:\n" + leftovers


# --- emails --------------------------------------------------------------------------------------


def test_every_email_subject_and_body_is_marked(pseudo, world, django_capture_on_commit_callbacks):
    report = factories.make_report(world.region_a, texts=factories.complete_texts())
    practice = factories.make_practice(world.region_a, status="draft")
    published = factories.make_practice(world.region_a)
    event = factories.make_event(world.region_a, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_send(
            email="new.partner@example.org",
            organisation=world.org_a,
            role=Membership.Role.EDITOR,
            invited_by=world.coordinator,
            absolute_url=lambda path: f"https://portal.example.org{path}",
        )
        report_transition(report=report, actor=world.owner, action="submit")
        report_transition(
            report=report, actor=world.coordinator, action="request_changes", reason="More data."
        )
        practice_transition(practice=practice, actor=world.owner, action="submit")
        practice_transition(
            practice=practice, actor=world.coordinator, action="return", reason="Add figures."
        )
        interest_send(
            practice=published,
            user=None,
            ip="192.0.2.1",
            name="Vera Visitor",
            email="vera@example.org",
            message="We would like to learn from this.",
        )
        seat = registration_create(event=event, user=world.stakeholder)
        registration_create(event=event, user=world.colleague)
        registration_cancel(registration=seat)
    assert len(mail.outbox) >= 6, [message.subject for message in mail.outbox]
    leftovers = listing(
        where_unmarked(
            {
                f"email {message.subject!r}": [message.subject, message.body]
                for message in mail.outbox
            }
        )
    )
    assert not leftovers, "Words of emails not marked for translation:\n" + leftovers

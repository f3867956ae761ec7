"""Public pages that browsers, proxies and the server can reuse: visitors get pages without a
cookie, with validators and a Cache-Control; a matching validator answers 304 without rendering;
a warm page is served without rendering; a write, through a service or the admin, gives the next
visitor the new page; signed-in people get private pages and never a visitor's copy."""

import gzip
from unittest import mock

import pytest
from django.urls import reverse

from interventures.models import ContentVersion
from interventures.public_pages import bump
from practices.models import GoodPractice
from practices.services import contact_withdraw
from reports.services import report_transition
from tests.harness import factories
from tests.harness.checks import url_of
from tests.harness.registry import ROUTES, Access, route
from tests.security.test_admin_writes import change_in_admin

PUBLIC_PAGES = [
    entry
    for entry in ROUTES
    if entry.access is Access.PUBLIC and entry.is_page and not entry.is_namespace
]

# The partnership's public content: reusable by browsers, proxies and the page cache.
CONTENT_PAGES = {
    "home",
    "accessibility",
    "privacy",
    "region_list",
    "region_detail",
    "region_policy_change",
    "reports:report_list",
    "reports:section_across_regions",
    "events:event_list",
    "events:event_detail",
    "events:calendar_feed",
    "events:event_ics",
    "practices:practice_list",
    "practices:export_csv",
    "practices:export_json",
    "practices:transfer_matrix",
    "practices:practice_detail",
    "plans:plan_list",
    "plans:monitoring",
    "synthesis:synthesis_list",
    "open_data",
    "catalogue_jsonld",
    "catalogue_ttl",
    "practices:export_jsonld",
    "practices:practice_feed",
    "events:event_feed",
    "sitemap",
    "robots_txt",
    "web_manifest",
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The test settings turn the page cache off (writes never commit there); here it is on, and
    the tests that write run the commit's callbacks."""
    settings.PUBLIC_PAGE_CACHE = True


@pytest.fixture
def visitor(login):
    return login(None)


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the transaction's commit (the version bumps), as production does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("route", PUBLIC_PAGES, ids=str)
def test_a_visitor_gets_every_public_page_without_a_cookie_and_with_a_cache_control(
    route, world, visitor
):
    response = visitor.get(url_of(route, world))

    assert response.status_code == 200
    if route.accepts_post:
        # A visitor's form (sign in, express interest), on a page of its own: its CSRF token
        # sets a cookie, and nothing keeps the page.
        assert response["Cache-Control"] == "private, no-store"
        return
    assert not response.cookies
    assert response.has_header("Cache-Control")
    if route.name in CONTENT_PAGES:
        assert "public" in response["Cache-Control"]
        assert "Cookie" not in response.get("Vary", "")
        assert "csrfmiddlewaretoken" not in body(response)


@pytest.mark.parametrize("name", sorted(CONTENT_PAGES))
def test_the_public_content_pages_carry_validators_and_may_be_kept_a_minute(name, world, visitor):
    response = visitor.get(url_of(route(name), world))

    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
    assert response["ETag"].startswith('"')
    assert response.has_header("Last-Modified")


def test_a_matching_etag_answers_304_without_rendering(visitor, region_a):
    url = reverse("practices:practice_list")
    etag = visitor.get(url)["ETag"]

    with mock.patch("practices.views.search.render", side_effect=AssertionError("rendered")):
        response = visitor.get(url, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert response.content == b""


def test_an_unchanged_page_since_its_last_modified_answers_304(visitor, region_a):
    url = reverse("region_list")
    last_modified = visitor.get(url)["Last-Modified"]

    response = visitor.get(url, headers={"if-modified-since": last_modified})

    assert response.status_code == 304


def test_a_warm_page_is_served_from_the_cache_without_rendering(visitor, region_a):
    factories.make_practice(region_a, title="Export vouchers")
    url = reverse("practices:practice_list")
    first = visitor.get(url)

    with mock.patch("practices.views.search.render", side_effect=AssertionError("rendered")):
        second = visitor.get(url)

    assert second.status_code == 200
    assert second.content == first.content
    assert "Export vouchers" in second.content.decode()
    assert second["ETag"] == first["ETag"]


def test_each_language_query_and_host_is_a_page_of_its_own(visitor, region_a):
    url = reverse("practices:practice_list")

    tags = {visitor.get(address)["ETag"] for address in (url, "/hu" + url, url + "?q=women")}
    tags.add(visitor.get(url, headers={"host": "localhost"})["ETag"])

    assert len(tags) == 4


def test_a_write_through_a_service_gives_the_next_visitor_the_new_page(
    visitor, region_a, coordinator, commits
):
    report = factories.make_report(region_a, status="approved")
    url = reverse("reports:report_detail", kwargs={"pk": report.pk})
    etag = visitor.get(url)["ETag"]

    with commits():
        report_transition(report=report, actor=coordinator, action="reopen", reason="A typo.")

    assert visitor.get(url, headers={"if-none-match": etag}).status_code == 404


def test_a_service_writing_without_signals_still_moves_the_versions(visitor, region_a, commits):
    practice = factories.make_practice(
        region_a, contact_name="Anna Bianchi", contact_email="anna@example.it"
    )
    GoodPractice.objects.filter(pk=practice.pk).update(contact_consent_at="2026-01-01T10:00Z")
    url = practice.get_absolute_url()
    assert "Anna Bianchi" in visitor.get(url).content.decode()

    with commits():
        contact_withdraw(practice=practice)

    assert "Anna Bianchi" not in visitor.get(url).content.decode()


def test_a_write_in_the_admin_gives_the_next_visitor_the_new_page(
    visitor, login, superuser, region_a, commits
):
    practice = factories.make_practice(region_a, title="Export vouchers")
    url = practice.get_absolute_url()
    etag = visitor.get(url)["ETag"]

    with commits():
        change_in_admin(login(superuser), practice, title="Export vouchers for SMEs")

    response = visitor.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Export vouchers for SMEs" in response.content.decode()


def test_a_version_is_bumped_once_the_transaction_commits_not_before(commits, db):
    with commits() as callbacks:
        bump("practices")
        assert not ContentVersion.objects.filter(key="practices").exists()

    assert len(callbacks) == 1
    assert ContentVersion.objects.get(key="practices").token


def test_a_signed_in_person_never_gets_the_visitors_copy(visitor, login, owner, region_a):
    url = reverse("practices:practice_list")
    visitor.get(url)

    response = login(owner).get(url)

    assert "Sign out" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_pages_shown_to_signed_in_people_are_never_stored(role, world, login):
    report = factories.make_report(world.region_a)  # a draft, shown to its region's partners
    client = login(getattr(world, role))

    for url in (reverse("home"), reverse("reports:report_detail", kwargs={"pk": report.pk})):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"


def test_a_visitor_with_a_message_to_read_gets_a_private_page(visitor, region_a):
    practice = factories.make_practice(region_a)
    interest = reverse("practices:interest_send", args=[practice.slug])
    visitor.post(
        interest,
        {
            "name": "Giulia Rossi",
            "email": "giulia@example.org",
            "message": "How are the grants organised?",
            "consent": "on",
        },
    )

    response = visitor.get(practice.get_absolute_url())

    assert "Your message was sent" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_the_practice_page_links_to_the_interest_form_on_its_own_page(visitor, region_a):
    practice = factories.make_practice(region_a)
    interest = reverse("practices:interest_send", args=[practice.slug])

    page = visitor.get(practice.get_absolute_url())
    form = visitor.get(interest)

    assert f'href="{interest}"' in page.content.decode()
    assert "csrfmiddlewaretoken" in form.content.decode()
    assert form["Cache-Control"] == "private, no-store"


def test_signing_in_clears_the_browsers_copies_of_the_site(client, stakeholder):
    response = client.post(
        reverse("account_login"), {"login": stakeholder.email, "password": factories.PASSWORD}
    )

    assert response["Clear-Site-Data"] == '"cache"'


# --- the language links ---------------------------------------------------------------------


def test_a_visitor_switches_language_with_links_to_the_same_page(visitor, region_a):
    response = visitor.get(reverse("events:event_list") + "?kind=webinar")
    page = response.content.decode()

    assert 'href="/hu/events/?kind=webinar" hreflang="hu" lang="hu"' in page
    assert 'href="/events/?kind=webinar" hreflang="en" lang="en" aria-current="true"' in page
    assert 'action="/i18n/setlang/"' not in page


def test_the_links_of_a_page_in_another_language_lead_back_to_english(visitor, region_a):
    page = visitor.get("/pl" + reverse("region_detail", args=[region_a.slug])).content.decode()

    assert f'href="/regions/{region_a.slug}/" hreflang="en"' in page
    assert (
        f'href="/pl/regions/{region_a.slug}/" hreflang="pl" lang="pl" aria-current="true"' in page
    )


def test_a_signed_in_person_chooses_with_buttons_that_save_the_choice(login, stakeholder):
    page = login(stakeholder).get(reverse("events:event_list")).content.decode()

    assert 'action="/i18n/setlang/"' in page
    assert 'name="language" value="hu" lang="hu"' in page


# --- compression ------------------------------------------------------------------------------


def test_public_pages_are_compressed_for_browsers_that_accept_it(visitor, region_a):
    url = reverse("practices:practice_list")

    response = visitor.get(url, headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    again = visitor.get(url, headers={"accept-encoding": "gzip", "if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_a_warm_page_is_sent_compressed_without_compressing_it_again(visitor, region_a):
    url = reverse("practices:practice_list")
    first = visitor.get(url, headers={"accept-encoding": "gzip"})

    with mock.patch("django.middleware.gzip.compress_string") as compress:
        second = visitor.get(url, headers={"accept-encoding": "gzip"})
    plain = visitor.get(url)

    assert not compress.called
    assert second["Content-Encoding"] == "gzip"
    assert gzip.decompress(second.content) == gzip.decompress(first.content) == plain.content
    assert not plain.has_header("Content-Encoding")


def test_pages_with_a_csrf_token_or_personal_data_are_never_compressed(
    visitor, login, owner, region_a
):
    practice = factories.make_practice(region_a)
    wants_gzip = {"accept-encoding": "gzip"}

    form = visitor.get(reverse("practices:interest_send", args=[practice.slug]), headers=wants_gzip)
    signed_in = login(owner).get(reverse("practices:practice_list"), headers=wants_gzip)

    assert not form.has_header("Content-Encoding")
    assert not signed_in.has_header("Content-Encoding")


def test_a_full_database_cache_drops_pages_before_rate_limit_counters(visitor, region_a, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "interventures_cache",
            "OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2},
        },
    }
    from django.core.cache import cache

    cache.set("allauth:rl:login_failed:203.0.113.9", [1, 2, 3], 600)
    for number in range(12):
        visitor.get(reverse("practices:practice_list") + f"?q=word{number}")

    assert cache.get("allauth:rl:login_failed:203.0.113.9") == [1, 2, 3]


def test_an_approved_report_and_an_approved_plan_are_public_pages_for_visitors(
    visitor, region_a, instrument_a
):
    report = factories.make_report(region_a, status="approved")
    plan = factories.make_plan(region_a, status="approved", instrument=instrument_a)

    for url in (
        reverse("reports:report_detail", kwargs={"pk": report.pk}),
        reverse("plans:plan_detail", kwargs={"pk": plan.pk}),
    ):
        response = visitor.get(url)
        assert response.status_code == 200
        assert not response.cookies
        assert response["Cache-Control"].startswith("public")
        assert response.has_header("ETag")


def test_an_approved_synthesis_is_a_public_page_that_follows_the_reports_it_cites(
    visitor, region_a, coordinator, commits
):
    from synthesis.models import Synthesis
    from synthesis.services import citation_add, synthesis_create

    report = factories.make_report(region_a, status="in_review", texts=factories.complete_texts())
    synthesis = synthesis_create(title="Common barriers", language="en", actor=coordinator)
    citation_add(
        section=synthesis.sections.get(key="common_barriers"),
        paragraph=1,
        source=report.sections.get(key="barriers"),
        actor=coordinator,
    )
    Synthesis.objects.filter(pk=synthesis.pk).update(status="approved")
    url = reverse("synthesis:synthesis_detail", kwargs={"pk": synthesis.pk})
    link = f'href="{report.get_absolute_url()}'

    first = visitor.get(url)
    with commits():
        report.status = "approved"
        report.save()
    second = visitor.get(url)

    assert first["Cache-Control"].startswith("public")
    assert not first.cookies
    # A visitor is linked to a cited report once it is public, and not before.
    assert link not in first.content.decode()
    assert link in second.content.decode()


def test_a_draft_gives_a_visitor_a_404_that_no_cache_keeps(visitor, region_a):
    report = factories.make_report(region_a)

    response = visitor.get(reverse("reports:report_detail", kwargs={"pk": report.pk}))

    assert response.status_code == 404
    assert not response.has_header("ETag")
    assert response["Cache-Control"] == "private, no-store"

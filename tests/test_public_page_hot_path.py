"""A warm public page costs what a bare view does: the content versions come from the process's
memory or the shared cache, and a cookieless visitor's page (or its 304) is answered before the
middleware stack, with the headers the full stack gave it; a write still reaches the next
visitor (through another server, within a second), and nobody signed in ever takes that path."""

import time
import uuid
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from interventures.models import ContentVersion
from interventures.public_pages import bump, current, remembered
from tests.harness import factories


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """A cache that is not the database (Redis in production), of this test alone, with the page
    cache on."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"hot-path-{uuid.uuid4().hex}",
        },
    }
    settings.PUBLIC_PAGE_CACHE = True


@pytest.fixture
def process_memory(settings):
    """This process holds what it read for a second, as in production; empty at first."""
    settings.PUBLIC_PAGE_LOCAL_SECONDS = 1
    caches["local"].clear()
    yield
    caches["local"].clear()


@pytest.fixture
def visitor(login):
    return login(None)


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def practice(region_a):
    return factories.make_practice(region_a, title="Export vouchers")


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


WARM_PAGES = ["practices:practice_list", "practices:export_csv", "events:event_list", "home"]


@pytest.mark.parametrize("name", WARM_PAGES)
def test_a_warm_page_is_answered_without_a_database_query(
    name, visitor, practice, django_assert_num_queries
):
    url = reverse(name)
    first = visitor.get(url)
    first_body = body(first)

    with django_assert_num_queries(0):
        second = visitor.get(url)

    assert second.status_code == 200
    assert body(second) == first_body


@pytest.mark.parametrize("name", WARM_PAGES)
def test_a_warm_page_carries_the_headers_of_the_full_stack(name, visitor, practice):
    url = reverse(name)
    miss = visitor.get(url)
    body(miss)

    hit = visitor.get(url)

    assert dict(hit.headers) == dict(miss.headers)
    assert {"Content-Security-Policy", "X-Frame-Options", "Content-Language"} <= set(hit.headers)


def test_a_matching_etag_is_answered_304_early_with_the_full_stacks_headers(
    visitor, practice, settings, django_assert_num_queries
):
    url = reverse("practices:practice_list")
    etag = visitor.get(url)["ETag"]

    with django_assert_num_queries(0):
        early = visitor.get(url, headers={"if-none-match": etag})
    settings.PUBLIC_PAGE_CACHE = False
    full_stack = visitor.get(url, headers={"if-none-match": etag})

    assert early.status_code == full_stack.status_code == 304
    assert early.content == b""
    early_headers, full_headers = dict(early.headers), dict(full_stack.headers)
    # The early 304 varies on what its page does, compression included (RFC 9110, 15.4.5).
    assert early_headers.pop("Vary") == "Accept-Language, Accept-Encoding"
    assert full_headers.pop("Vary") == "Accept-Language"
    assert early_headers == full_headers


@pytest.mark.parametrize("held", [False, True], ids=["shared cache", "process memory too"])
def test_a_write_gives_the_next_visitor_the_new_page(visitor, practice, commits, request, held):
    if held:
        request.getfixturevalue("process_memory")
    url = reverse("practices:practice_list")
    visitor.get(url)

    with commits():
        practice.title = "Export vouchers for SMEs"
        practice.save()

    assert "Export vouchers for SMEs" in visitor.get(url).content.decode()


def test_a_bump_writes_the_database_then_the_cache(commits, db):
    with commits():
        bump("practices")

    ((_key, token, changed_at),) = current(["practices"])
    row = ContentVersion.objects.get(key="practices")
    assert (token, changed_at) == (row.token, row.changed_at)
    assert cache.get("!content_version:practices") == (row.token, row.changed_at)


def test_a_version_missing_from_the_cache_is_read_from_the_database_once(
    db, django_assert_num_queries
):
    ContentVersion.objects.create(key="events", token="abc", changed_at="2026-01-01T10:00Z")

    with django_assert_num_queries(1):
        first = current(["events", "never-bumped"])
    with django_assert_num_queries(0):
        again = current(["events", "never-bumped"])

    assert first == again
    assert [(key, token) for key, token, _at in again] == [("events", "abc"), ("never-bumped", "")]


def test_a_process_holding_the_versions_answers_a_warm_page_without_the_shared_cache(
    visitor, practice, process_memory, django_assert_num_queries
):
    url = reverse("practices:practice_list")
    first = visitor.get(url)

    shared = caches["default"]
    with (
        mock.patch.object(shared, "get_many", wraps=shared.get_many) as read_many,
        mock.patch.object(shared, "get", wraps=shared.get) as read_one,
        django_assert_num_queries(0),
    ):
        second = visitor.get(url)

    assert second.content == first.content
    assert not read_many.called
    assert not read_one.called


def test_a_write_through_another_server_reaches_this_process_within_a_second(
    visitor, practice, process_memory, commits, settings
):
    url = reverse("practices:practice_list")
    visitor.get(url)

    # The other server's process has a memory of its own: the write leaves this one's alone.
    settings.PUBLIC_PAGE_LOCAL_SECONDS = 0
    with commits():
        practice.title = "Export vouchers for SMEs"
        practice.save()
    settings.PUBLIC_PAGE_LOCAL_SECONDS = 1

    assert "Export vouchers for SMEs" not in visitor.get(url).content.decode()
    a_second_later = time.time() + 1.01
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=a_second_later):
        assert "Export vouchers for SMEs" in visitor.get(url).content.decode()


def test_a_large_answer_is_taken_from_the_shared_cache_not_held_in_each_process(
    visitor, region_a, process_memory
):
    for number in range(30):
        factories.make_practice(region_a, summary=f"Summary {number} " + "long words " * 1000)
    url = reverse("practices:export_csv")
    first = body(visitor.get(url))

    shared = caches["default"]
    with mock.patch.object(shared, "get", wraps=shared.get) as read_one:
        second = body(visitor.get(url))

    assert len(first) > 256 * 1024
    assert second == first
    assert read_one.called


def test_a_signed_in_person_never_takes_the_early_path(visitor, login, owner, practice):
    url = reverse("practices:practice_list")
    visitor.get(url)

    with mock.patch(
        "interventures.public_pages.stored_answer", side_effect=AssertionError("early path")
    ):
        response = login(owner).get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_visitor_with_a_message_to_read_never_takes_the_early_path(visitor, practice):
    url = reverse("practices:practice_list")
    visitor.get(url)
    visitor.cookies["messages"] = "pending"

    with mock.patch(
        "interventures.public_pages.stored_answer", side_effect=AssertionError("early path")
    ):
        response = visitor.get(url)

    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]


# What pages build from the same content, remembered by the process ---------------------------


def test_what_pages_build_is_built_again_only_once_its_versions_move(process_memory, commits, db):
    builds = []

    def build():
        builds.append(len(builds) + 1)
        return builds[-1]

    assert remembered("choices", ["practices"], build) == 1
    assert remembered("choices", ["practices"], build) == 1
    with commits():
        bump("practices")
    assert remembered("choices", ["practices"], build) == 2
    with translation.override("it"):
        assert remembered("choices", ["practices"], build) == 3


def test_a_process_that_keeps_nothing_builds_every_time(db):
    builds = []
    for _ in range(2):
        remembered("choices", ["practices"], lambda: builds.append(1))
    assert len(builds) == 2


@pytest.fixture
def rendered_each_time(settings):
    settings.PUBLIC_PAGE_CACHE = False


def test_the_practice_list_reads_its_filter_choices_and_map_once_per_content_version(
    visitor, practice, process_memory, rendered_each_time
):
    url = reverse("practices:practice_list")
    visitor.get(url)

    with CaptureQueriesContext(connection) as queries:
        page = visitor.get(url).content.decode()

    read = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("partners_region", "partners_partnerorganisation", "practices_theme"):
        assert f'FROM "{table}"' not in read  # the cards join what they show
    assert practice.region.name in page


def test_a_renamed_region_is_offered_by_the_next_render_of_the_practice_list(
    visitor, practice, process_memory, rendered_each_time, commits
):
    url = reverse("practices:practice_list")
    visitor.get(url)

    with commits():
        practice.region.name = "Lombardia e Brianza"
        practice.region.save()

    page = visitor.get(url).content.decode()
    assert ">Lombardia e Brianza</option>" in page
    assert page.count("Lombardia e Brianza") >= 3  # each region filter and the map

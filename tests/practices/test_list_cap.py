"""The practice list keeps its cost when the table grows: past a cap (MATCH_LIMIT) a list, like a
search, shows its most recent practices and says there are more, instead of counting them all."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from practices.models import GoodPractice, Theme
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

URL = reverse("practices:practice_list")


@pytest.fixture
def cap(monkeypatch):
    monkeypatch.setattr("practices.selectors.MATCH_LIMIT", 3)
    return 3


def published(region, title: str, *, days_ago: int, themes=()) -> GoodPractice:
    made = factories.make_practice(region, title=title)
    made.themes.set(themes)
    GoodPractice.objects.filter(pk=made.pk).update(
        published_at=timezone.now() - timedelta(days=days_ago)
    )
    return made


def titles(response) -> list[str]:
    return re.findall(
        r'<li class="practice-item">\s*<h3[^>]*><a [^>]*>([^<]*)</a>', response.content.decode()
    )


def test_an_unfiltered_list_past_the_cap_shows_the_most_recent_and_says_there_are_more(
    client, region_a, cap
):
    for days in range(5):
        published(region_a, f"Scheme {days}", days_ago=days)
    response = client.get(URL)
    assert sorted(titles(response)) == ["Scheme 0", "Scheme 1", "Scheme 2"]
    assert "There are more than 3 good practices" in response.content.decode()


def test_a_filtered_list_past_the_cap_says_so_and_one_under_it_gives_the_exact_number(
    client, region_a, region_b, cap
):
    for days in range(4):
        published(region_a, f"Lombard scheme {days}", days_ago=days)
    published(region_b, "Lithuanian scheme", days_ago=9)
    broad = client.get(URL, {"region": region_a.slug})
    assert len(titles(broad)) == 3
    assert "There are more than 3 good practices" in broad.content.decode()
    narrow = client.get(URL, {"region": region_b.slug})
    assert titles(narrow) == ["Lithuanian scheme"]
    assert "1 good practice" in narrow.content.decode()
    assert "There are more than" not in narrow.content.decode()


def test_a_list_exactly_at_the_cap_is_counted_exactly(client, region_a, cap):
    for days in range(3):
        published(region_a, f"Scheme {days}", days_ago=days)
    page = client.get(URL).content.decode()
    assert "3 good practices" in page
    assert "There are more than" not in page


def test_sorting_by_title_sorts_the_most_recent_practices_past_the_cap(client, region_a, cap):
    for title, days in [("Delta", 0), ("Alpha", 5), ("Charlie", 1), ("Bravo", 2)]:
        published(region_a, title, days_ago=days)
    assert titles(client.get(URL, {"sort": "title"})) == ["Bravo", "Charlie", "Delta"]


def test_sorting_by_title_ignores_the_case_of_the_first_letter(client, region_a):
    for title, days in [("bravo", 0), ("Alpha", 1), ("charlie", 2), ("Delta", 3)]:
        published(region_a, title, days_ago=days)
    assert titles(client.get(URL, {"sort": "title"})) == ["Alpha", "bravo", "charlie", "Delta"]


def test_a_later_page_of_the_newest_shows_the_next_practices_in_order(client, region_a):
    for days in range(25):
        published(region_a, f"Scheme {days:02}", days_ago=days)
    first = titles(client.get(URL, {"sort": "newest"}))
    second = titles(client.get(URL, {"sort": "newest", "page": 2}))
    assert first + second == [f"Scheme {days:02}" for days in range(25)]


def test_a_later_page_of_a_search_goes_on_from_the_most_relevant_matches(client, region_a):
    def match(title, days, summary):
        made = published(region_a, title, days_ago=days)
        GoodPractice.objects.filter(pk=made.pk).update(summary=summary)

    in_summary = [f"Scheme {days:02}" for days in range(13)]
    in_title = [f"Harbour scheme {days:02}" for days in range(13, 25)]
    for days, title in enumerate(in_summary + in_title):
        match(title, days, "Loans to firms in the harbour." if days < 13 else "Loans to firms.")

    first = titles(client.get(URL, {"q": "harbour"}))
    second = titles(client.get(URL, {"q": "harbour", "page": 2}))

    # The older practices named for the word come first, the newest of equals first.
    assert first + second == in_title + in_summary


def test_pages_end_at_the_cap_and_a_later_page_number_gives_the_last_page(
    client, region_a, monkeypatch
):
    monkeypatch.setattr("practices.selectors.MATCH_LIMIT", 25)
    for days in range(30):
        published(region_a, f"Scheme {days:02}", days_ago=days)
    second = client.get(URL, {"page": 2}).content.decode()
    assert len(titles(client.get(URL, {"page": 2, "sort": "newest"}))) == 5
    assert "Page 2 of 2" in second
    assert 'rel="next"' not in second
    beyond = client.get(URL, {"page": 7})
    assert titles(beyond) == [f"Scheme {days:02}" for days in range(20, 25)]


def test_the_list_and_its_map_never_count_every_published_practice(client, region_a, cap):
    for days in range(5):
        published(region_a, f"Scheme {days}", days_ago=days)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"sort": "title", "page": 2})
    counts = [
        query["sql"]
        for query in queries.captured_queries
        if "COUNT(" in query["sql"] and "practices_goodpractice" in query["sql"]
    ]
    # The map's counts per region stop at the cap: each counts a limited subquery.
    assert all(re.search(r"LIMIT 4\) AS counted", sql) for sql in counts)


@pytest.mark.parametrize(
    "query", ["", "?sort=title&page=2", "?region=lombardy&theme=clusters", "?q=scheme"]
)
def test_the_list_query_count_is_the_same_under_and_past_the_cap(client, region_a, cap, query):
    clusters = Theme.objects.create(name="Clusters", slug="clusters")
    made = []

    def make_rows(count):
        for _ in range(count):
            days = len(made)
            made.append(published(region_a, f"Scheme {days}", days_ago=days, themes=[clusters]))

    assert_queries_do_not_grow(client, URL + query, make_rows, few=2, many=6)


def test_the_map_counts_each_regions_practices_up_to_the_cap_and_says_more_past_it(
    client, region_a, region_b, cap
):
    for days in range(5):
        published(region_a, f"Lombard scheme {days}", days_ago=days)
    published(region_b, "Lithuanian scheme", days_ago=9)

    page = client.get(URL).content.decode()

    legend = page.split('class="region-map-list"')[1].split("</ul>")[0]
    assert re.search(r"Lombardy</a>.*more than 3 good practices", legend)
    assert re.search(r"Klaipėda</a>.*· 1 good practice<", legend)

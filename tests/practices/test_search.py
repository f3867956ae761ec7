"""The public list of good practices: filters, full-text search, sort, pages, queries."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from practices.models import GoodPractice, InstrumentType, Progress, Theme, Transfer
from practices.search import highlight, search
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

URL = reverse("practices:practice_list")
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL only"
)


def practice(region, *, themes=(), **fields):
    """A practice with its themes (the database keeps its search vector)."""
    made = factories.make_practice(region, **fields)
    made.themes.set(themes)
    return made


def titles(response) -> list[str]:
    return [p.title for p in response.context["practices"]]


@pytest.fixture
def export_theme(db):
    return Theme.objects.create(name="Export promotion", slug="export-promotion")


@pytest.fixture
def skills_theme(db):
    return Theme.objects.create(name="Skills", slug="skills")


@pytest.fixture
def client(login):
    return login(None)


# Filters -----------------------------------------------------------------------------------


def test_the_list_shows_published_practices_to_visitors(client, region_a):
    practice(region_a, title="Export vouchers")
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Export vouchers"]


@pytest.mark.parametrize("status", ["draft", "submitted", "returned"])
def test_unpublished_practices_are_never_listed_even_for_their_region(
    login, region_a, owner, coordinator, status
):
    practice(region_a, title="Not yet public", status=status)
    for user in (None, owner, coordinator):
        assert titles(login(user).get(URL)) == []
        assert titles(login(user).get(URL, {"q": "public"})) == []


def test_the_region_filter_narrows_to_one_region(client, region_a, region_b):
    practice(region_a, title="Lombard vouchers")
    practice(region_b, title="Klaipėda fairs")
    assert titles(client.get(URL, {"region": region_b.slug})) == ["Klaipėda fairs"]


def test_the_country_filter_narrows_through_the_region(client, region_a, region_b):
    practice(region_a, title="Lombard vouchers")
    practice(region_b, title="Klaipėda fairs")
    assert titles(client.get(URL, {"country": "IT"})) == ["Lombard vouchers"]


def test_several_themes_show_practices_with_any_of_them_once(
    client, region_a, export_theme, skills_theme
):
    practice(region_a, title="Both", themes=[export_theme, skills_theme])
    practice(region_a, title="Export only", themes=[export_theme])
    practice(region_a, title="Skills only", themes=[skills_theme])
    practice(region_a, title="No theme")
    response = client.get(URL, {"theme": [export_theme.slug, skills_theme.slug], "sort": "title"})
    assert titles(response) == ["Both", "Export only", "Skills only"]
    assert titles(client.get(URL, {"theme": skills_theme.slug, "sort": "title"})) == [
        "Both",
        "Skills only",
    ]


def test_the_instrument_type_filter_narrows(client, region_a):
    practice(region_a, title="A grant", instrument_type=InstrumentType.GRANT)
    practice(region_a, title="A training", instrument_type=InstrumentType.TRAINING)
    assert titles(client.get(URL, {"instrument": "training"})) == ["A training"]


def test_the_progress_filter_narrows(client, region_a):
    practice(region_a, title="Still running", progress=Progress.ONGOING)
    practice(region_a, title="Done", progress=Progress.FINISHED)
    assert titles(client.get(URL, {"progress": "finished"})) == ["Done"]


def test_the_transfer_filter_tells_transferred_practices_apart(client, region_a, region_b):
    studied = practice(region_a, title="Studied elsewhere")
    practice(region_a, title="Not studied")
    Transfer.objects.create(practice=studied, region=region_b, stage="study")
    assert titles(client.get(URL, {"transferred": "yes"})) == ["Studied elsewhere"]
    assert titles(client.get(URL, {"transferred": "no"})) == ["Not studied"]


def test_the_year_filter_keeps_practices_active_in_that_year(client, region_a):
    practice(region_a, title="2015 to 2018", start_year=2015, end_year=2018)
    practice(region_a, title="Since 2019", start_year=2019)
    practice(region_a, title="No dates")
    assert titles(client.get(URL, {"year": 2017})) == ["2015 to 2018"]
    assert titles(client.get(URL, {"year": 2021})) == ["Since 2019"]


def test_a_wrong_filter_value_is_reported_not_a_server_error(client, region_a):
    practice(region_a, title="Export vouchers")
    response = client.get(URL, {"year": "soon", "region": "atlantis"})
    assert response.status_code == 400
    assert response.context["filter"].form.errors


@pytest.mark.parametrize(
    ("q", "message"),
    [
        pytest.param(" ".join(["export"] * 90), "Use at most 20 words.", id="90-words"),
        pytest.param("e" * 201, "Use at most 200 characters.", id="201-characters"),
    ],
)
def test_an_overlong_search_is_refused_with_a_message(client, region_a, q, message):
    practice(region_a, title="Export vouchers")

    response = client.get(URL, {"q": q})

    assert response.status_code == 400
    assert message in response.text


# Search ------------------------------------------------------------------------------------


def test_a_title_match_ranks_above_a_match_in_the_text(client, region_a):
    practice(region_a, title="Trade fairs abroad", summary="Stands for small firms.")
    practice(region_a, title="Export vouchers", summary="Vouchers to visit a fair abroad.")
    practice(region_a, title="Mentoring", description="Firms met buyers at every fairs week.")
    practice(region_a, title="Unrelated", summary="Nothing about it.")
    response = client.get(URL, {"q": "fairs"})
    found = titles(response)
    assert found[0] == "Trade fairs abroad"
    assert "Mentoring" in found
    assert "Unrelated" not in found


def test_search_finds_words_in_every_language_of_the_partnership(client, region_a, region_b):
    practice(region_a, title="Voucher per l'internazionalizzazione delle imprese")
    practice(region_b, title="Eksporto skatinimas", summary="Įmonių dalyvavimas mugėse.")
    assert titles(client.get(URL, {"q": "internazionalizzazione"})) == [
        "Voucher per l'internazionalizzazione delle imprese"
    ]
    assert titles(client.get(URL, {"q": "Įmonių"})) == ["Eksporto skatinimas"]


def test_snippets_mark_the_term_and_keep_no_markup_of_the_text(client, region_a):
    practice(
        region_a,
        title="Vouchers",
        summary='<script>alert("x")</script> <b>Bold</b> vouchers helped exporters.',
    )
    response = client.get(URL, {"q": "exporters"})
    html = response.content.decode()
    snippet = str(response.context["practices"][0].snippet)
    assert "<mark>exporters</mark>" in snippet
    assert set(re.findall(r"</?([a-z]+)", snippet)) == {"mark"}
    assert "<script" not in snippet
    assert "<script>alert" not in html
    assert "<b>Bold" not in html


def test_a_snippet_shows_an_ampersand_of_the_description_once_escaped(client, region_a):
    practice(
        region_a,
        title="Missions",
        summary="Trade missions.",
        description="<p>Fairs &amp; missions for <strong>exporters</strong>.</p>",
    )
    html = client.get(URL, {"q": "exporters"}).content.decode()
    assert "Fairs &amp; missions for <mark>exporters</mark>" in html
    assert "&amp;amp;" not in html


def test_results_on_a_later_page_have_snippets_too(client, region_a):
    for number in range(25):
        practice(region_a, title=f"Scheme {number}", summary=f"Vouchers for exporters {number}.")
    response = client.get(URL, {"q": "exporters", "page": 2})
    shown = response.context["practices"]
    assert len(shown) == 5
    assert all("<mark>exporters</mark>" in practice.snippet for practice in shown)


def test_highlight_shows_words_not_markup_and_escapes_them_before_marking():
    result = highlight("<p><i>Fiere</i> &amp; fiere &lt;b&gt;</p>", ["fiere"])
    assert result == "<mark>Fiere</mark> &amp; <mark>fiere</mark> &lt;b&gt;"


def test_a_search_without_results_suggests_removing_filters(client, region_a):
    practice(region_a, title="Export vouchers")
    response = client.get(URL, {"q": "submarines", "progress": "finished"})
    assert titles(response) == []
    assert "Remove a filter" in response.content.decode()
    assert 'role="status"' in response.content.decode()


def test_the_search_function_ranks_on_both_databases(region_a):
    practice(region_a, title="Body", summary="A cluster for exporters.")
    practice(region_a, title="Cluster of exporters")
    ranked = list(search(GoodPractice.objects.all(), "cluster").order_by("-rank"))
    assert [p.title for p in ranked] == ["Cluster of exporters", "Body"]


def test_a_broad_search_shows_its_most_recent_matches_and_says_so(client, region_a, monkeypatch):
    monkeypatch.setattr("practices.selectors.MATCH_LIMIT", 3)
    now = timezone.now()
    for days in range(5):
        made = practice(region_a, title=f"Export scheme {days}")
        GoodPractice.objects.filter(pk=made.pk).update(published_at=now - timedelta(days=days))
    response = client.get(URL, {"q": "export"})
    assert sorted(titles(response)) == ["Export scheme 0", "Export scheme 1", "Export scheme 2"]
    assert "More than 3 good practices match" in response.content.decode()
    narrowed = client.get(URL, {"q": "export scheme 4"})
    assert titles(narrowed) == ["Export scheme 4"]
    assert "More than" not in narrowed.content.decode()


def test_the_export_of_a_broad_search_keeps_every_match(client, region_a, monkeypatch):
    monkeypatch.setattr("practices.selectors.MATCH_LIMIT", 3)
    for number in range(5):
        practice(region_a, title=f"Export scheme {number}")
    response = client.get(reverse("practices:export_json"), {"q": "export"})
    assert len(json.loads(b"".join(response.streaming_content))["practices"]) == 5


@postgresql_only
def test_the_database_keeps_the_search_vector_whoever_writes(region_a, export_theme):
    def vector():
        return GoodPractice.objects.values_list("search_vector", flat=True).get(pk=made.pk)

    made = factories.make_practice(region_a, title="Vouchers", summary="For exporters.")
    # Each word twice: stemmed in the practice's language and as written.
    assert re.search(r"'voucher':\d+A", vector())
    assert re.search(r"'vouchers':\d+A", vector())
    assert re.search(r"'exporters':\d+B", vector())

    made.themes.set([export_theme])
    assert "'promotion'" in vector()

    export_theme.name = "Trade fairs"
    export_theme.save()
    assert "'fairs'" in vector()
    assert "'promotion'" not in vector()

    GoodPractice.objects.filter(pk=made.pk).update(title="Coupons")
    assert re.search(r"'coupons':\d+A", vector())
    made.themes.clear()
    assert "'fairs'" not in vector()


@postgresql_only
def test_the_search_vector_has_a_gin_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'practices_goodpractice'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("gin (search_vector)" in definition for definition in definitions)


@postgresql_only
def test_a_search_s_words_lose_their_accents_once_per_query_not_once_per_row(db):
    plan = search(GoodPractice.objects.published(), "Pécs export").explain()
    # Folded into a constant when planned: nothing left to call for each row read.
    assert "unaccent" not in plan
    assert "'pecs'" in plan


@postgresql_only
def test_a_region_s_finished_practices_are_walked_newest_first_from_their_own_index(region_a):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the test's table is tiny
    walk = (
        GoodPractice.objects.published()
        .filter(region=region_a, progress=Progress.FINISHED)
        .order_by("-published_at", "-pk")[:1001]
    )
    assert "practice_region_progress" in walk.explain()


# Sort, pages, shareable URLs ----------------------------------------------------------------


def test_the_list_sorts_newest_first_or_by_title(client, region_a):
    first = practice(region_a, title="Beta")
    second = practice(region_a, title="Alpha")
    GoodPractice.objects.filter(pk=first.pk).update(
        published_at=second.published_at.replace(year=2020)
    )
    assert titles(client.get(URL)) == ["Alpha", "Beta"]
    assert titles(client.get(URL, {"sort": "title"})) == ["Alpha", "Beta"]
    assert titles(client.get(URL, {"sort": "newest"})) == ["Alpha", "Beta"]
    GoodPractice.objects.filter(pk=second.pk).update(
        published_at=second.published_at.replace(year=2019)
    )
    assert titles(client.get(URL)) == ["Beta", "Alpha"]


def test_pages_hold_twenty_practices_and_their_links_keep_the_filters(client, region_a):
    for number in range(25):
        practice(region_a, title=f"Finished practice {number:02}", progress=Progress.FINISHED)
    practice(region_a, title="Ongoing practice")
    response = client.get(URL, {"progress": "finished", "sort": "title"})
    assert len(titles(response)) == 20
    html = response.content.decode()
    assert "25 good practices" in html
    next_link = re.search(r'href="([^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "progress=finished" in next_link
    assert "sort=title" in next_link
    assert "page=2" in next_link
    second = client.get(URL + next_link)
    assert titles(second) == [f"Finished practice {n}" for n in range(20, 25)]


def test_a_result_shows_its_themes_in_alphabetical_order(
    client, region_a, export_theme, skills_theme
):
    access = Theme.objects.create(name="Access to finance", slug="access-to-finance")
    practice(region_a, title="Vouchers", themes=[skills_theme, export_theme, access])
    html = client.get(URL).content.decode()
    badges = re.findall(r'<span class="badge">([^<]+)</span>', html)
    assert badges == ["Access to finance", "Export promotion", "Skills"]


def test_the_form_works_without_javascript(client, region_a):
    html = client.get(URL).content.decode()
    assert re.search(r'<form method="get"', html)
    assert '<label class="field-label" for="id_q">' in html
    assert 'type="submit"' in html


def test_the_list_query_count_does_not_grow_with_results(client, region_a, region_b, export_theme):
    def make_rows(count):
        for number in range(count):
            made = practice(
                region_a if number % 2 else region_b,
                title=f"Export practice {number}",
                themes=[export_theme],
            )
            Transfer.objects.create(
                practice=made, region=region_b if number % 2 else region_a, stage="study"
            )

    assert_queries_do_not_grow(client, URL, make_rows)


def test_the_search_query_count_does_not_grow_with_results(client, region_a, export_theme):
    def make_rows(count):
        for _ in range(count):
            practice(region_a, summary="Vouchers for exporters.", themes=[export_theme])

    url = f"{URL}?q=exporters&theme={export_theme.slug}&country=IT"
    assert_queries_do_not_grow(client, url, make_rows)

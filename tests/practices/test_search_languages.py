"""Search in the partnership's languages: the same cases, the same hits on SQLite (FTS5) and
PostgreSQL (tsvector); `make test` runs this file on one, `make test-postgres` on the other."""

import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from practices.models import GoodPractice, Theme
from practices.search import parse, search, suggestion
from tests.harness import factories

URL = reverse("practices:practice_list")


def practice(region, *, themes=(), **fields):
    made = factories.make_practice(region, **fields)
    made.themes.set(themes)
    return made


def found(q: str, queryset=None) -> list[str]:
    """The titles matching `q`, best first (ties by title)."""
    matches = search(queryset or GoodPractice.objects.all(), q)
    return [p.title for p in matches.order_by("-rank", "title")]


@pytest.fixture
def finance(db):
    return Theme.objects.create(name="Access to finance", slug="access-to-finance")


# What is indexed ---------------------------------------------------------------------------


def test_a_theme_name_finds_the_practices_of_the_theme(region_a, finance):
    practice(region_a, title="Loans", summary="Money for small firms.", themes=[finance])
    practice(region_a, title="Fairs", summary="Stands abroad.")
    assert found("finance") == ["Loans"]


def test_a_theme_name_in_another_language_finds_its_practices(region_a, finance):
    finance.name_it = "Accesso al credito"
    finance.save()
    practice(region_a, title="Loans", themes=[finance])
    assert found("credito") == ["Loans"]


def test_the_region_and_the_organisation_names_find_their_practices(region_a, region_b):
    practice(region_a, title="Vouchers")
    practice(region_b, title="Fairs")
    assert found(region_b.name) == ["Fairs"]
    assert found(region_a.organisations.first().name) == ["Vouchers"]


# Word forms, accents, languages -----------------------------------------------------------


@pytest.mark.parametrize("q", ["export", "exports", "exporting", "exported"])
def test_forms_of_an_english_word_meet(region_a, q):
    practice(region_a, title="Vouchers", summary="Grants that helped firms export.")
    practice(region_a, title="Training", summary="Courses for managers.")
    assert found(q) == ["Vouchers"]


def test_words_are_found_without_their_accents_and_with_them(region_a, region_b):
    practice(region_a, title="Pécs meetings")
    practice(region_b, title="Eksporto skatinimas", summary="Įmonių dalyvavimas mugėse.")
    assert found("Pecs") == ["Pécs meetings"]
    assert found("pécs") == ["Pécs meetings"]
    assert found("imoniu") == ["Eksporto skatinimas"]
    assert found("Įmonių") == ["Eksporto skatinimas"]


@pytest.mark.parametrize("language", ["en", "it", "hu", "pl", "es", "lt"])
def test_a_practice_in_each_language_is_found_by_its_words_in_any_reader_language(
    region_a, language
):
    words = {
        "en": ("Export vouchers for enterprises", "enterprises"),
        "it": ("Voucher per l'internazionalizzazione delle imprese", "imprese"),
        "hu": ("Vállalkozások nemzetközi piacra lépése", "vállalkozások"),
        "pl": ("Pożyczki dla przedsiębiorstw", "przedsiębiorstw"),
        "es": ("Formación de las pymes rurales", "pymes"),
        "lt": ("Įmonių eksporto skatinimas", "eksporto"),
    }
    title, word = words[language]
    practice(region_a, title=title, language=language)
    practice(region_a, title="Something else", language=language)
    for reader in ("en", language):
        with translation.override(reader):
            assert found(word) == [title]


def test_the_last_word_typed_matches_the_start_of_words(region_a):
    practice(region_a, title="Internationalisation services")
    assert found("internation") == ["Internationalisation services"]
    assert found("internation ") == []


# Operators and ranking ---------------------------------------------------------------------


def test_a_quoted_phrase_needs_its_words_together_and_in_order(region_a):
    practice(region_a, title="Trade fairs abroad")
    practice(region_a, title="Fairs for the wine trade")
    assert found('"trade fairs"') == ["Trade fairs abroad"]
    assert sorted(found("trade fairs")) == ["Fairs for the wine trade", "Trade fairs abroad"]


def test_a_word_after_a_minus_excludes_the_practices_with_it(region_a):
    practice(region_a, title="Vouchers for fairs")
    practice(region_a, title="Vouchers for consultants")
    assert found("vouchers -fairs") == ["Vouchers for consultants"]
    assert found('vouchers -"for fairs"') == ["Vouchers for consultants"]
    assert found("-fairs") == ["Vouchers for consultants"]


def test_the_title_ranks_above_the_summary_above_the_rest(region_a):
    practice(region_a, title="Mentoring", summary="Advice.", description="<p>Clusters met.</p>")
    practice(region_a, title="Networks", summary="Clusters of firms.")
    practice(region_a, title="Clusters", summary="Advice.")
    assert found("clusters") == ["Clusters", "Networks", "Mentoring"]


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "-",
        '-"',
        "*",
        "a*",
        "AND OR NOT",
        "NEAR(a b)",
        "(",
        "title:export",
        "'",
        "^export",
        ":*",
        "\\",
        "!!",
        "&|",
        "e" * 60,
        "’",
        "🙂",
    ],
)
def test_no_query_is_a_syntax_error_on_either_database(client, region_a, q):
    practice(region_a, title="Export vouchers")
    found(q)
    response = client.get(URL, {"q": q})
    assert response.status_code == 200


def test_the_query_is_read_into_words_phrases_and_exclusions():
    query = parse('vouchers "trade fairs" -wine cross-border expo')
    assert [(t.tokens, t.excluded, t.prefix) for t in query.terms] == [
        (("vouchers",), False, False),
        (("trade", "fairs"), False, False),
        (("wine",), True, False),
        (("cross", "border"), False, False),
        (("expo",), False, True),
    ]


# The database keeps the index, whoever writes ---------------------------------------------


def test_the_index_follows_every_write_to_a_practice_its_themes_region_and_owner(region_a, finance):
    made = practice(region_a, title="Vouchers")
    GoodPractice.objects.filter(pk=made.pk).update(title="Coupons")
    assert found("coupons") == ["Coupons"]
    assert found("vouchers") == []

    made.themes.set([finance])
    assert found("finance") == ["Coupons"]
    finance.name = "Credit"
    finance.save()
    assert found("credit") == ["Coupons"]
    made.themes.clear()
    assert found("credit") == []

    region_a.name = "Atlantis"
    region_a.save()
    assert found("atlantis") == ["Coupons"]
    owner = made.owner
    owner.name = "Chamber of Utopia"
    owner.save()
    assert found("utopia") == ["Coupons"]

    made.delete()
    assert found("coupons") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's index")
def test_sqlite_keeps_one_fts5_row_per_practice(region_a):
    practice(region_a, title="One")
    practice(region_a, title="Two", status="draft")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM practices_search")
        assert cursor.fetchone()[0] == GoodPractice.objects.count() == 2


# Snippets and "did you mean" ----------------------------------------------------------------


def test_a_snippet_marks_another_form_of_the_word_and_keeps_no_markup(client, region_a):
    practice(
        region_a,
        title="Vouchers",
        summary="Grants.",
        description="<p><strong>Exporting</strong> firms &amp; <em>their</em> agents.</p>",
    )
    response = client.get(URL, {"q": "exports"})
    snippet = str(response.context["practices"][0].snippet)
    assert "<mark>Exporting</mark>" in snippet
    assert set(re.findall(r"</?([a-z]+)", snippet)) == {"mark"}
    assert "firms &amp; their agents" in snippet


def test_a_misspelt_search_suggests_the_closest_words_of_the_published_practices(region_a):
    practice(region_a, title="Access to finance for exporters")
    assert suggestion("finanse", 0) == "finance"
    assert suggestion("finanse exportors", 0) == "finance exporters"
    assert suggestion("finance", 0) is None
    assert suggestion("finanse", 1) is None


def test_a_suggestion_keeps_the_accents_of_the_word_it_proposes(region_a):
    practice(region_a, title="Klaipėda fairs")
    assert suggestion("Klaipda", 0) == "klaipėda"
    assert suggestion("Klaipeda", 0) is None


def test_a_suggestion_never_reveals_the_words_of_a_draft(region_a):
    practice(region_a, title="Confidential zeppelins", status="draft")
    assert suggestion("zeppelinz", 0) is None


def test_the_page_offers_the_suggestion_as_a_link_that_runs_it(client, region_a):
    practice(region_a, title="Access to finance")
    response = client.get(URL, {"q": "finanse", "sort": "title"})
    assert response.context["did_you_mean"]["q"] == "finance"
    page = response.content.decode()
    assert "Did you mean" in page
    link = re.search(r'href="([^"]+)">finance</a>', page).group(1).replace("&amp;", "&")
    assert "q=finance" in link
    assert "sort=title" in link
    followed = client.get(link)
    assert [p.title for p in followed.context["practices"]] == ["Access to finance"]
    assert followed.context["did_you_mean"] is None

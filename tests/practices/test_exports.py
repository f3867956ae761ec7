"""Open data: the current filter's published practices as CSV and JSON, CC BY 4.0."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Theme
from tests.harness import factories

CSV_URL = reverse("practices:export_csv")
JSON_URL = reverse("practices:export_json")
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def practice(region, *, themes=(), **fields):
    made = factories.make_practice(region, **fields)
    made.themes.set(themes)
    return made


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, params=None):
    response, text = download(client, CSV_URL, params)
    return response, text, list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def json_body(client, params=None):
    response, text = download(client, JSON_URL, params)
    return response, json.loads(text)


@pytest.fixture
def client(login):
    return login(None)


def test_the_csv_starts_with_a_bom_and_names_the_licence(client, region_a):
    practice(region_a, title="Vouchers for exporters")
    response, text, rows = csv_rows(client)
    assert text.startswith("\ufefftitle,")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == f'<{LICENCE}>; rel="license"'
    today = timezone.localdate().isoformat()
    assert f'filename="interventures-good-practices-{today}.csv"' in response["Content-Disposition"]
    assert [row["title"] for row in rows] == ["Vouchers for exporters"]
    assert rows[0]["licence"] == LICENCE


def test_the_json_has_a_top_level_licence_and_the_records(client, region_a):
    theme = Theme.objects.create(name="Export promotion", slug="export-promotion")
    practice(region_a, title="Vouchers per le imprese", themes=[theme], start_year=2016)
    response, body = json_body(client)
    assert next(iter(body)) == "licence"
    assert body["licence"]["url"] == LICENCE
    assert response["Link"] == f'<{LICENCE}>; rel="license"'
    today = timezone.localdate().isoformat()
    assert f"interventures-good-practices-{today}.json" in response["Content-Disposition"]
    [record] = body["practices"]
    assert record["title"] == "Vouchers per le imprese"
    assert record["themes"] == ["Export promotion"]
    assert record["region"] == "Lombardy"
    assert record["country"] == "IT"
    assert record["start_year"] == 2016
    assert record["url"].endswith(
        reverse("practices:practice_detail", args=[record["url"].split("/")[-2]])
    )


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_drafts_are_never_exported(client, coordinator, login, region_a, url):
    practice(region_a, title="Published one")
    for status in ("draft", "submitted", "returned"):
        practice(region_a, title=f"A {status} one", status=status)
    for user in (None, coordinator):
        _response, text = download(login(user), url)
        assert "Published one" in text
        assert "draft one" not in text
        assert "submitted one" not in text
        assert "returned one" not in text


def test_a_formula_in_a_cell_is_neutralised(client, region_a):
    practice(
        region_a,
        title='=HYPERLINK("http://evil.example","Click")',
        summary="+1 for exporters",
        location="@SUM(A1)",
        main_institution="-2",
    )
    _response, _text, [row] = csv_rows(client)
    assert row["title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["summary"] == "'+1 for exporters"
    assert row["location"] == "'@SUM(A1)"
    assert row["main_institution"] == "'-2"


def test_the_exports_follow_the_current_filter(client, region_a, region_b):
    practice(region_a, title="Lombard vouchers", summary="Vouchers for exporters.")
    practice(region_b, title="Klaipėda fairs", summary="Fairs for exporters.")
    _response, _text, rows = csv_rows(client, {"country": "LT"})
    assert [row["title"] for row in rows] == ["Klaipėda fairs"]
    _response, body = json_body(client, {"q": "vouchers"})
    assert [record["title"] for record in body["practices"]] == ["Lombard vouchers"]
    assert body["query"] == {"q": ["vouchers"]}


def test_the_contact_is_exported_only_with_recorded_consent(client, region_a):
    practice(
        region_a,
        title="With consent",
        contact_name="Anna Rossi",
        contact_email="anna@example.org",
        contact_consent_at=timezone.now(),
    )
    practice(
        region_a,
        title="Without consent",
        contact_name="Béla Kovács",
        contact_email="bela@example.org",
    )
    _response, body = json_body(client, {"sort": "title"})
    with_consent, without = body["practices"]
    assert with_consent["contact_email"] == "anna@example.org"
    assert without["contact_name"] == ""
    assert without["contact_email"] == ""
    _response, text, _rows = csv_rows(client)
    assert "bela@example.org" not in text
    assert "Béla" not in text


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_the_export_query_count_does_not_grow_with_rows(client, region_a, url):
    theme = Theme.objects.create(name="Skills", slug="skills")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            download(client, url)
        return len(context.captured_queries)

    for _ in range(2):
        practice(region_a, themes=[theme])
    few = count()
    for _ in range(20):
        practice(region_a, themes=[theme])
    assert count() == few

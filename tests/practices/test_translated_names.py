"""Regions, organisations and themes are named in the reader's language, with English as the
fallback, and every list of them is sorted the reader's way (the same on both databases)."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from interventures.collation import collation_key, sorted_by_name
from partners.models import Region
from practices.models import Theme
from reports.pdf import report_html
from tests.harness import factories


@pytest.fixture
def named(region_a, region_b, org_a):
    """Lombardy and Klaipėda named in Polish, Hungarian and Italian; a theme in Polish and
    Hungarian only; a published practice of Lombardy with the theme."""
    Region.objects.filter(pk=region_a.pk).update(
        name_pl="Lombardia", name_hu="Lombardia", name_it="Lombardia"
    )
    Region.objects.filter(pk=region_b.pk).update(name_pl="Kłajpeda", name_hu="Klaipėda")
    theme = Theme.objects.create(
        name="Access to finance",
        slug="access-to-finance",
        name_pl="Dostęp do finansowania",
        name_hu="Finanszírozáshoz jutás",
    )
    practice = factories.make_practice(region_a, title="Vouchers", owner=org_a)
    practice.themes.set([theme])
    return practice


def page(client, language: str, url: str) -> str:
    with translation.override(language):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_practice_list_in_polish_names_the_themes_and_regions_in_polish(login, named):
    with translation.override("pl"):
        url = reverse("practices:practice_list")
    html = page(login(None), "pl", url)
    assert "Dostęp do finansowania" in html  # the result's theme and the theme filter
    assert "Lombardia" in html  # the region filter and the map
    assert "Kłajpeda" in html
    assert "Access to finance" not in html


def test_a_practice_in_hungarian_names_its_theme_and_region_in_hungarian(login, named):
    with translation.override("hu"):
        url = named.get_absolute_url()
    html = page(login(None), "hu", url)
    assert "Finanszírozáshoz jutás" in html
    assert "Lombardia" in html


def test_the_regions_pages_in_polish_use_the_polish_names(login, named, region_b):
    with translation.override("pl"):
        urls = reverse("region_list"), reverse("region_detail", args=[region_b.slug])
    client = login(None)
    assert "Kłajpeda" in page(client, "pl", urls[0])
    assert "Kłajpeda" in page(client, "pl", urls[1])


def test_an_empty_translation_reads_as_the_english_name(login, named):
    with translation.override("it"):
        url = named.get_absolute_url()
        assert Theme.objects.get().name == "Access to finance"
    assert "Access to finance" in page(login(None), "it", url)


def download(client, url: str, params: dict) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")


def test_exports_name_things_in_english_unless_lang_asks_for_another_language(login, named):
    client = login(None)
    with translation.override("pl"):
        csv_url, json_url = reverse("practices:export_csv"), reverse("practices:export_json")

    english = list(csv.DictReader(io.StringIO(download(client, csv_url, {}))))
    hungarian = json.loads(download(client, json_url, {"lang": "hu"}))["practices"]
    polish = list(csv.DictReader(io.StringIO(download(client, csv_url, {"lang": "pl"}))))

    assert (english[0]["region"], english[0]["themes"]) == ("Lombardy", "Access to finance")
    assert (hungarian[0]["region"], hungarian[0]["themes"]) == (
        "Lombardia",
        ["Finanszírozáshoz jutás"],
    )
    assert polish[0]["themes"] == "Dostęp do finansowania"


def test_an_export_in_an_unknown_language_is_refused_with_the_languages_to_choose(login, named):
    response = login(None).get(reverse("practices:export_csv"), {"lang": "xx"})
    assert response.status_code == 400
    assert "en, it, hu, pl, es, lt" in response.content.decode()


def test_a_report_printed_in_italian_names_its_region_in_italian(named, region_a):
    report = factories.make_report(Region.objects.get(pk=region_a.pk))
    assert "Lombardia" in report_html(report, language="it")
    assert "Lombardy" in report_html(report, language="en")


def test_an_email_to_a_hungarian_reader_names_the_region_in_hungarian(
    owner, coordinator, region_a, named, login, django_capture_on_commit_callbacks, mailoutbox
):
    coordinator.language = "hu"
    coordinator.save(update_fields=["language"])
    practice = factories.make_practice(region_a, status="draft", title="Mentoring")
    with django_capture_on_commit_callbacks(execute=True):
        login(owner).post(reverse("practices:practice_submit", args=[practice.slug]))
    (message,) = mailoutbox
    assert "(Lombardia)" in message.body


@pytest.mark.parametrize("language", ["en", "pl", "hu"])
def test_pecs_sorts_before_podkarpackie_and_names_ignore_accents_first(language):
    names = ["Podkarpackie", "Pécs", "pest", "Lombardia", "Észak", "Eger"]
    assert sorted(names, key=lambda name: collation_key(name, language)) == [
        "Eger",
        "Észak",
        "Lombardia",
        "Pécs",
        "pest",
        "Podkarpackie",
    ]


def test_a_letter_of_its_own_sorts_after_its_base_letter_in_its_language():
    def order(names, language):
        return sorted(names, key=lambda name: collation_key(name, language))

    assert order(["Śląskie", "Szczecin", "Łódź", "Lublin"], "pl") == [
        "Lublin",
        "Łódź",
        "Szczecin",
        "Śląskie",
    ]
    assert order(["Śląskie", "Szczecin"], "en") == ["Śląskie", "Szczecin"]
    assert order(["Ötvös", "Ozd"], "hu") == ["Ozd", "Ötvös"]
    assert order(["Ñandú", "Nube", "Oso"], "es") == ["Nube", "Ñandú", "Oso"]


def test_regions_from_the_database_sort_the_same_on_both_databases(db):
    """Podkarpackie is stored first: the database's own order of bytes would put "Pé" after
    "Po"; the regions and the filter's options come out with Pécs first anyway."""
    for slug, name in [("podkarpackie", "Podkarpackie"), ("pecs", "Pécs"), ("lomb", "lombardy")]:
        factories.make_region(slug=slug, name=name)
    assert [region.name for region in sorted_by_name(Region.objects.all())] == [
        "lombardy",
        "Pécs",
        "Podkarpackie",
    ]


def test_the_filter_offers_regions_and_themes_in_the_readers_order(login, db):
    for slug, name in [("podkarpackie", "Podkarpackie"), ("pecs", "Pécs")]:
        factories.make_region(slug=slug, name=name)
    Theme.objects.create(name="Zeta", slug="zeta", name_hu="Ügyfelek")
    Theme.objects.create(name="Alpha", slug="alpha", name_hu="Ugrás")
    html = page(login(None), "hu", "/hu" + reverse("practices:practice_list").removeprefix("/en"))
    assert html.index("Pécs") < html.index("Podkarpackie")
    assert html.index("Ugrás") < html.index("Ügyfelek")


def test_the_maps_list_of_regions_puts_pecs_before_podkarpackie(login, db):
    for slug, name in [("podkarpackie", "Podkarpackie"), ("pecs", "Pécs")]:
        factories.make_region(slug=slug, name=name, latitude=Decimal(50), longitude=Decimal(20))
    html = page(login(None), "pl", "/pl" + reverse("practices:practice_list").removeprefix("/en"))
    assert html.index(">Pécs<") < html.index(">Podkarpackie<")


def test_the_admin_edits_a_theme_in_each_language_and_an_empty_one_stays_empty(login, superuser):
    theme = Theme.objects.create(name="Clusters", slug="clusters")
    client = login(superuser)
    url = reverse("admin:practices_theme_change", args=[theme.pk])
    assert 'name="name_lt"' in client.get(url).content.decode()

    data = {"name_en": "Clusters", "name_pl": "Klastry", "slug": "clusters"}
    data |= {f"name_{code}": "" for code in ("it", "hu", "es", "lt")}
    assert client.post(url, data).status_code == 302

    theme.refresh_from_db()
    assert (theme.name_pl, theme.name_it) == ("Klastry", None)
    with translation.override("it"):
        assert theme.name == "Clusters"

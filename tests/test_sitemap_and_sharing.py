"""What search engines, browsers and sharing previews read: /sitemap.xml with every public page
in every language and its hreflang alternates, robots.txt, the web app manifest and icons."""

from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.timezone import localdate

from tests.harness import factories

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
STATIC = Path(settings.BASE_DIR) / "static"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def client(login):
    return login(None)


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """Each <loc> with its alternates {hreflang: href}."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_public_pages_in_every_language_with_their_alternates(client, region_a):
    practice = factories.make_practice(region_a, slug="export-vouchers")
    event = factories.make_event(region_a, slug="kick-off")

    entries = sitemap_entries(client)

    for path in (
        "/",
        "/practices/",
        f"/practices/{practice.slug}/",
        f"/events/{event.slug}/",
        f"/regions/{region_a.slug}/",
        "/open-data/",
    ):
        english = settings.SITE_URL + path
        assert english in entries, path
        alternates = entries[english]
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert alternates["hu"] == f"{settings.SITE_URL}/hu{path}"
        for language in LANGUAGES[1:]:
            assert f"{settings.SITE_URL}/{language}{path}" in entries


def test_the_sitemap_leaves_out_drafts_and_unpublished_events(client, region_a):
    factories.make_practice(region_a, slug="secret-draft", status="draft")
    factories.make_event(region_a, slug="secret-meeting", published=False)
    factories.make_report(region_a)
    factories.make_plan(region_a)

    text = client.get(reverse("sitemap")).text

    assert "secret-draft" not in text
    assert "secret-meeting" not in text
    assert "/reports/1" not in text
    assert "/action-plans/1" not in text


def test_the_sitemap_gives_each_practice_its_last_change(client, region_a):
    practice = factories.make_practice(region_a)
    text = client.get(reverse("sitemap")).text
    # The date of the change where the portal is (its time zone), as the sitemap writes it.
    assert f"<lastmod>{localdate(practice.updated_at).isoformat()}</lastmod>" in text


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text.splitlines()
    assert "Disallow: /hu/admin/" in response.text.splitlines()


def test_the_manifest_names_the_app_and_icons_that_exist(client):
    response = client.get(reverse("web_manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "INTER VENTURES"
    assert manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"any", "192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert (STATIC / icon["src"].removeprefix(settings.STATIC_URL)).is_file(), icon["src"]


def test_the_manifest_of_a_language_starts_in_that_language(client):
    manifest = client.get("/it" + reverse("web_manifest")).json()
    assert manifest["lang"] == "it"
    assert manifest["start_url"] == "/it/"


def test_every_page_links_the_manifest_icons_feeds_and_a_canonical_address(client):
    page = client.get("/hu" + reverse("region_list")).text
    assert f'<link rel="canonical" href="{settings.SITE_URL}/hu/regions/">' in page
    assert '<link rel="manifest" href="/hu/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page
    assert '<meta property="og:type" content="website">' in page
    assert 'type="application/atom+xml" href="/hu/practices/feed.atom"' in page
    assert 'type="application/atom+xml" href="/hu/events/feed.atom"' in page


def test_the_canonical_address_leaves_out_the_query(client):
    page = client.get(reverse("practices:practice_list"), {"page": "1", "q": "export"}).text
    assert f'<link rel="canonical" href="{settings.SITE_URL}/practices/">' in page


def test_the_sharing_image_is_the_size_open_graph_readers_expect():
    header = (STATIC / "img" / "share.png").read_bytes()[:24]
    width, height = int.from_bytes(header[16:20]), int.from_bytes(header[20:24])
    assert (width, height) == (1200, 630)

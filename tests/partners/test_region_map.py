"""The map of the partnership: outlines of Europe from our own static files, each region a
link (to its page, or on the practices page to its practices), a list of the regions in words,
and on the transfers page arrows from the region that shares to the region that learns."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from partners import maps
from partners.models import Region
from practices.models import Transfer
from tests.harness import factories

# The towns of the demo regions (demo/partners.py).
TOWNS = {
    "pecs": ("Pécs (Hungary–Croatia border)", "46.07270", "18.23230"),
    "lombardy": ("Lombardy", "45.46420", "9.19000"),
    "podkarpackie": ("Podkarpackie", "50.04120", "21.99910"),
    "castilla-y-leon": ("Castilla y León (province of Burgos)", "42.34390", "-3.69690"),
    "klaipeda": ("Klaipėda", "55.70330", "21.14430"),
}


@pytest.fixture
def regions(db):
    return [
        factories.make_region(
            slug=slug, name=name, latitude=Decimal(latitude), longitude=Decimal(longitude)
        )
        for slug, (name, latitude, longitude) in TOWNS.items()
    ]


def figure_of(html: str) -> str:
    return re.search(r'<figure class="region-map".*?</figure>', html, re.S).group(0)


def test_the_outlines_are_a_static_file_of_our_own_origin(login, regions):
    html = figure_of(login(None).get(reverse("region_list")).content.decode())

    assert '<image href="/static/img/europe.svg"' in html
    assert not re.search(r'(href|src)="(https?:)?//', html)
    outlines = Path(finders.find("img/europe.svg")).read_text(encoding="utf-8")
    assert outlines.count("<path ") > 30  # the countries of Europe
    assert "Natural Earth" in outlines  # where the boundaries come from
    assert not re.search(r'(href|src)="', outlines)  # nothing fetched from anywhere


def test_each_region_on_the_regions_page_links_to_its_page(login, regions):
    html = figure_of(login(None).get(reverse("region_list")).content.decode())

    for region in regions:
        assert f'<a class="map-place" href="/regions/{region.slug}/">' in html


def test_the_map_lists_the_regions_in_words_with_their_links(login, regions):
    html = figure_of(login(None).get(reverse("region_list")).content.decode())
    caption = re.search(r"<figcaption.*?</figcaption>", html, re.S).group(0)

    assert 'role="group" aria-labelledby="region-map-title"' in html
    for region in regions:
        assert f'<li><a href="/regions/{region.slug}/">{region.name}</a>' in caption


def test_on_the_practices_page_each_region_leads_to_its_practices(login, regions):
    lombardy = regions[1]
    factories.make_practice(lombardy, title="Lombardy export vouchers")
    factories.make_practice(regions[0], title="Pécs preparedness test")
    client = login(None)
    html = figure_of(client.get(reverse("practices:practice_list")).content.decode())

    for region in regions:
        assert f'<a class="map-place" href="/practices/?region={region.slug}">' in html
    filtered = client.get("/practices/?region=lombardy").content.decode()
    assert "Lombardy export vouchers" in filtered
    assert "Pécs preparedness test" not in filtered


def test_the_practices_map_marks_the_region_filtered_by_and_counts_published_practices(
    login, regions
):
    lombardy = regions[1]
    factories.make_practice(lombardy)
    factories.make_practice(lombardy)
    factories.make_practice(lombardy, status="draft")
    html = figure_of(login(None).get("/practices/?region=lombardy").content.decode())

    assert (
        '<a class="map-place is-current" href="/practices/?region=lombardy" aria-current="true">'
        in html
    )
    assert html.count('aria-current="true"') == 2  # on the map and in the list
    assert re.search(r'>Lombardy</a> <span class="small">\(\w+\) · 2 good practices<', html)
    assert re.search(r'>Klaipėda</a> <span class="small">\(\w+\) · 0 good practices<', html)


def test_a_region_without_coordinates_stays_in_words_but_off_the_picture(login, regions):
    factories.make_region(slug="nowhere", name="Nowhere")
    html = login(None).get(reverse("region_list")).content.decode()

    assert '<a class="map-place" href="/regions/nowhere/">' not in html
    assert 'href="/regions/nowhere/"' in html  # its card


def test_the_transfer_map_draws_an_arrow_from_the_sharing_to_the_learning_region(login, regions):
    pecs, lombardy, podkarpackie = regions[0], regions[1], regions[2]
    for learner, count in ((pecs, 1), (podkarpackie, 3)):
        for _ in range(count):
            practice = factories.make_practice(lombardy)
            Transfer.objects.create(practice=practice, region=learner, stage="study")

    html = figure_of(login(None).get(reverse("practices:transfer_matrix")).content.decode())

    assert html.count('<path class="map-arrow ') == 2
    assert 'class="map-arrow map-arrow-1"' in html
    assert 'class="map-arrow map-arrow-3"' in html
    assert "Pécs (Hungary–Croatia border) learns from Lombardy: 1 transfer" in html
    assert "Podkarpackie learns from Lombardy: 3 transfers" in html
    assert re.search(r'<text [^>]*text-anchor="middle">3</text>', html)  # the number shows


def test_the_frame_centre_is_the_projections_origin():
    assert maps.project(10, 52) == pytest.approx((4_321_000, 3_210_000))


@pytest.mark.parametrize("slug", TOWNS)
def test_each_demo_town_and_its_label_fall_inside_the_frame(slug):
    name, latitude, longitude = TOWNS[slug]
    region = Region(slug=slug, name=name, latitude=latitude, longitude=longitude)
    place = maps.region_map([region], url=lambda region: "/").places[0]
    label = max(len(place.name) * maps.NAME_CHARACTER, len(place.note) * maps.NOTE_CHARACTER)

    assert 0 < place.x < maps.WIDTH
    assert 0 < place.y < maps.HEIGHT
    if place.label_on_left:
        assert place.label_x - label >= 0
    else:
        assert place.label_x + label <= maps.WIDTH


def test_arrows_both_ways_between_two_regions_bend_apart(regions):
    region_map = maps.region_map(regions[:2], url=lambda region: "/")
    maps.add_arrows(region_map, [(regions[0], regions[1], 1), (regions[1], regions[0], 2)])
    there, back = region_map.arrows

    assert (there.label_x, there.label_y) != pytest.approx((back.label_x, back.label_y), abs=5)

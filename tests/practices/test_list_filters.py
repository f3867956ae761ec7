"""The practice list's filters by transfer ("not yet adopted by", "adopted by"), by region of
origin and by organisation; the results come first and the downloads follow them; a practice
page leads back to the filtered list and shows visitors only the parts that are written."""

import re

import pytest
from django.urls import reverse

from practices.models import Theme, Transfer, TransferStage
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

URL = reverse("practices:practice_list")


def titles(response) -> list[str]:
    return sorted(
        re.findall(
            r'<li class="practice-item">\s*<h3[^>]*><a [^>]*>([^<]*)</a>',
            response.content.decode(),
        )
    )


@pytest.fixture
def practices(region_a, region_b):
    """Region A owns two practices, region B three: B adopted A's vouchers and studies A's
    fairs; A studies B's loans."""
    region_c = factories.make_region(name="Third region", slug="third")
    made = {
        "vouchers": factories.make_practice(region_a, title="Vouchers"),
        "fairs": factories.make_practice(region_a, title="Fairs"),
        "loans": factories.make_practice(region_b, title="Loans"),
        "mentors": factories.make_practice(region_b, title="Mentors"),
        "draft": factories.make_practice(region_b, title="Draft", status="draft"),
        "clusters": factories.make_practice(region_c, title="Clusters"),
    }
    Transfer.objects.create(practice=made["vouchers"], region=region_b, stage=TransferStage.ADOPTED)
    Transfer.objects.create(practice=made["fairs"], region=region_b, stage=TransferStage.STUDY)
    Transfer.objects.create(practice=made["loans"], region=region_a, stage=TransferStage.STUDY)
    return made


def test_not_yet_adopted_by_a_region_lists_the_other_regions_practices_it_has_no_transfer_for(
    client, region_a, region_b, practices
):
    assert titles(client.get(URL, {"transferable_to": region_b.slug})) == ["Clusters"]
    assert titles(client.get(URL, {"transferable_to": region_a.slug})) == ["Clusters", "Mentors"]


def test_adopted_by_a_region_lists_only_the_practices_it_adopted_not_those_it_studies(
    client, region_a, region_b, practices
):
    assert titles(client.get(URL, {"adopted_by": region_b.slug})) == ["Vouchers"]
    assert titles(client.get(URL, {"adopted_by": region_a.slug})) == []


def test_the_owner_region_filter_is_labelled_as_the_region_of_origin(client, region_a, practices):
    response = client.get(URL, {"region": region_a.slug})
    assert titles(response) == ["Fairs", "Vouchers"]
    page = response.content.decode()
    assert ">Region of origin</label>" in page
    assert ">Not yet adopted by</label>" in page
    assert ">Adopted by</label>" in page


def test_the_organisation_filter_lists_the_practices_it_owns(client, region_a, practices):
    owner = practices["vouchers"].owner
    assert titles(client.get(URL, {"organisation": owner.pk})) == ["Fairs", "Vouchers"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("transferable_to", "atlantis"),
        ("adopted_by", "atlantis"),
        ("region", "atlantis"),
        ("organisation", "999999"),
        ("organisation", "not-a-number"),
        ("transferable_to", "x" * 500),
        ("theme", "atlantis"),
    ],
)
def test_an_unknown_value_of_a_filter_is_refused_with_a_message_never_a_server_error(
    client, practices, name, value
):
    response = client.get(URL, {name: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert "Select a valid choice" in page
    # The disclosure holding the filters is open, so the message's link reaches the field.
    assert '<details class="practice-filter-panel" open>' in page


def test_the_filter_disclosure_says_how_many_filters_are_active(
    client, region_a, region_b, practices
):
    theme = Theme.objects.create(name="Export promotion", slug="export-promotion")
    other = Theme.objects.create(name="Clusters", slug="clusters")
    plain = client.get(URL, {"q": "vouchers", "sort": "title"}).content.decode()
    assert re.search(r'id="practice-filter-summary">Filter</summary>', plain)
    chosen = client.get(
        URL, {"adopted_by": region_b.slug, "theme": [theme.slug, other.slug], "q": "x"}
    ).content.decode()
    assert re.search(r'id="practice-filter-summary">Filter \(3 active\)</summary>', chosen)


def test_the_results_come_before_a_quiet_download_link_with_their_number(
    client, region_a, practices
):
    page = client.get(URL, {"region": region_a.slug}).content.decode()
    assert page.index('id="practice-count"') < page.index('class="practice-list"')
    downloads = re.search(r'<p class="practice-downloads small">(.*?)</p>', page, re.S).group(1)
    assert "Download these 2 practices:" in downloads
    assert f'href="/practices/export.csv?region={region_a.slug}"' in downloads
    assert f'href="/practices/export.json?region={region_a.slug}"' in downloads
    assert page.index('class="practice-list"') < page.index("practice-downloads")
    assert "button" not in re.search(r"<a [^>]*export\.csv[^>]*>", page).group(0)


def test_the_exports_take_the_new_filters(client, region_b, practices):
    response = client.get(reverse("practices:export_csv"), {"adopted_by": region_b.slug})
    body = b"".join(response.streaming_content).decode()
    assert "Vouchers" in body
    assert "Fairs" not in body


def test_a_new_filter_is_part_of_the_cache_key(client, region_a, region_b, practices):
    first = client.get(URL, {"transferable_to": region_b.slug})
    second = client.get(URL, {"transferable_to": region_a.slug})
    assert titles(first) != titles(second)


def test_the_list_with_the_new_filters_costs_the_same_queries_for_few_or_many_practices(
    client, region_a, region_b, org_a
):
    def make_rows(count):
        for _ in range(count):
            practice = factories.make_practice(region_a)
            Transfer.objects.create(practice=practice, region=region_b, stage="adopted")

    query = f"?adopted_by={region_b.slug}&transferable_to=third&organisation={org_a.pk}"
    factories.make_region(slug="third")
    assert_queries_do_not_grow(client, URL + query, make_rows)


def test_the_region_filters_and_the_organisations_are_read_once_each(
    client, region_a, region_b, practices
):
    unfiltered = assert_queries_do_not_grow(client, URL, lambda count: None, few=0, many=0)
    filtered = assert_queries_do_not_grow(
        client,
        f"{URL}?region={region_a.slug}&transferable_to={region_b.slug}&adopted_by={region_b.slug}",
        lambda count: None,
        few=0,
        many=0,
    )
    assert filtered <= unfiltered


class TestAPracticePage:
    def test_its_themes_region_and_organisation_lead_to_the_filtered_list(self, client, region_a):
        practice = factories.make_practice(region_a, title="Vouchers")
        practice.themes.set([Theme.objects.create(name="Export promotion", slug="export")])
        page = client.get(practice.get_absolute_url()).content.decode()
        assert 'href="/practices/?theme=export">Export promotion</a>' in page
        assert f'href="/practices/?region={region_a.slug}">{region_a.name}</a>' in page
        owner = practice.owner
        assert f'href="/practices/?organisation={owner.pk}">{owner.name}</a>' in page

    def test_a_visitor_sees_no_empty_part_of_a_published_practice(self, client, region_a):
        practice = factories.make_practice(
            region_a, description="<p>Vouchers paid half of a fair.</p>"
        )
        page = client.get(practice.get_absolute_url()).content.decode()
        assert "Detailed description" in page
        assert "Resources needed" not in page
        assert "Evidence of success" not in page
        assert "Not written yet." not in page

    def test_its_editor_still_sees_what_is_missing(self, client, region_a, org_a, owner):
        practice = factories.make_practice(region_a, owner=org_a)
        client.force_login(owner)
        page = client.get(practice.get_absolute_url()).content.decode()
        assert "Resources needed" in page
        assert page.count("Not written yet.") == 5

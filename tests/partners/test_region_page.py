"""A region's page gathers its partners, instruments, report and events."""

from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


def test_region_page_shows_its_report_status_to_partners_and_hides_drafts_from_others(
    login, region_a, owner, outsider
):
    factories.make_report(region_a, title="Lombardy draft report")

    own = login(owner).get(region_a.get_absolute_url()).text
    other = login(outsider).get(region_a.get_absolute_url()).text

    assert "Lombardy draft report" in own
    assert "Lombardy draft report" not in other
    assert "The region's report is in preparation." in other


def test_region_page_lists_the_events_it_hosts_or_takes_part_in(login, region_a, region_b):
    hosted = factories.make_event(region_a, title="Milan stakeholder meeting")
    joined = factories.make_event(region_b, title="Klaipėda webinar")
    joined.regions.add(region_a)
    factories.make_event(region_b, title="Klaipėda only")
    factories.make_event(region_a, title="Unpublished plan", published=False)

    page = login(None).get(region_a.get_absolute_url()).text

    assert hosted.title in page
    assert joined.title in page
    assert "Klaipėda only" not in page
    assert "Unpublished plan" not in page


def test_region_page_queries_do_not_grow_with_its_events(login, region_a):
    def add_events(count):
        for _ in range(count):
            factories.make_event(region_a)

    assert_queries_do_not_grow(login(None), region_a.get_absolute_url(), add_events)

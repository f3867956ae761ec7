"""A practice's page names the actions of approved action plans it inspired ("Inspired N actions
in M regions"), with links, in one query more whatever their number."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.harness import factories


def inspire(practice, plan):
    for action in plan.actions.all():
        action.practices.add(practice)


def test_the_page_counts_and_links_the_actions_of_approved_plans(
    client, region_a, region_b, instrument_a, instrument_b
):
    practice = factories.make_practice(region_b, title="Export vouchers")
    lombardy = factories.make_plan(region_a, status="approved", actions=2, instrument=instrument_a)
    klaipeda = factories.make_plan(region_b, status="approved", actions=1, instrument=instrument_b)
    inspire(practice, lombardy)
    inspire(practice, klaipeda)

    page = client.get(practice.get_absolute_url()).content.decode()

    assert "Inspired 3 actions in 2 regions." in page
    for action in [*lombardy.actions.all(), *klaipeda.actions.all()]:
        assert f'href="{action.get_absolute_url()}"' in page


def test_actions_of_plans_not_approved_are_not_shown(client, region_a, region_b):
    practice = factories.make_practice(region_b)
    plan = factories.make_plan(region_a, status="in_review")
    inspire(practice, plan)

    page = client.get(practice.get_absolute_url()).content.decode()

    assert "Inspired" not in page
    assert plan.actions.get().title not in page


def test_one_action_or_twelve_cost_the_same_queries(client, region_a, region_b):
    practice = factories.make_practice(region_b)
    inspire(practice, factories.make_plan(region_a, status="approved", actions=1))
    client.get(practice.get_absolute_url())  # warm up: sessions, content types
    with CaptureQueriesContext(connection) as one:
        assert (
            "Inspired 1 action in 1 region."
            in client.get(practice.get_absolute_url()).content.decode()
        )
    for number in range(3):
        instrument = factories.make_instrument(region_b, name=f"Instrument {number}")
        plan = factories.make_plan(region_b, status="approved", actions=4, instrument=instrument)
        inspire(practice, plan)
    with CaptureQueriesContext(connection) as many:
        page = client.get(practice.get_absolute_url()).content.decode()
    assert "Inspired 13 actions in 2 regions." in page
    assert len(many.captured_queries) == len(one.captured_queries)

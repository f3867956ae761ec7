"""The home page's "The partnership's results": computed from the approved plans and their
latest approved monitoring reports, in a fixed number of queries, hidden while there is none."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import ActionProgress, ActionStatus, ImprovementType, MonitoringPeriod
from plans.selectors.trace import partnership_results
from tests.harness import factories


def monitored(plan, *, period, status="approved", rows: dict):
    """A monitoring report of `plan` whose progress rows get `rows` (field → value) each."""
    report = factories.make_monitoring(
        plan, period=period, status=status, progress=ActionStatus.IN_PROGRESS
    )
    ActionProgress.objects.filter(report=report).update(**rows)
    return report


@pytest.fixture
def periods(db):
    return list(MonitoringPeriod.objects.order_by("starts_on")[:2])


def test_the_results_add_up_the_approved_plans_latest_approved_reports(
    region_a, region_b, instrument_a, instrument_b, periods
):
    first, second = periods
    plan_a = factories.make_plan(region_a, status="approved", actions=3, instrument=instrument_a)
    plan_b = factories.make_plan(region_b, status="approved", actions=2, instrument=instrument_b)
    monitored(plan_a, period=first, rows={"funds_mobilised": Decimal("999")})
    monitored(
        plan_a,
        period=second,
        rows={
            "status": ActionStatus.IMPLEMENTED,
            "funds_mobilised": Decimal("1000.50"),
            "improvement_reached": ImprovementType.STRUCTURAL,
        },
    )
    monitored(plan_b, period=first, rows={"funds_mobilised": Decimal("200")})
    # Neither a report in review nor a draft plan counts.
    monitored(plan_b, period=second, status="in_review", rows={"status": "implemented"})
    factories.make_plan(region_a, instrument=factories.make_instrument(region_a, name="Draft"))

    results = partnership_results()

    assert results.instruments == sorted([instrument_a.name, instrument_b.name])
    assert results.actions == 5
    assert results.implemented == 3
    assert results.improvements == ["A structural change to the instrument"]
    assert results.funds == [("EUR", Decimal("3401.50"))]


def test_funds_are_summed_per_currency(region_a, periods):
    plan = factories.make_plan(region_a, status="approved", actions=2)
    plan.actions.filter(position=2).update(currency="HUF")
    monitored(plan, period=periods[0], rows={"funds_mobilised": Decimal("10")})
    assert partnership_results().funds == [("EUR", Decimal("10")), ("HUF", Decimal("10"))]


@pytest.mark.parametrize("plans", [1, 4])
def test_the_results_take_three_queries_whatever_the_number_of_plans(plans, periods, region_a):
    for number in range(plans):
        plan = factories.make_plan(
            region_a,
            status="approved",
            actions=3,
            instrument=factories.make_instrument(region_a, name=f"Instrument {number}"),
        )
        monitored(plan, period=periods[0], rows={"funds_mobilised": Decimal("1")})
    with CaptureQueriesContext(connection) as queries:
        results = partnership_results()
    assert results.actions == 3 * plans
    assert len(queries.captured_queries) == 3


def test_the_home_page_shows_the_results(client, region_a, periods):
    plan = factories.make_plan(region_a, status="approved", actions=2)
    monitored(
        plan,
        period=periods[0],
        rows={"status": ActionStatus.IMPLEMENTED, "funds_mobilised": Decimal("125000")},
    )
    page = client.get("/").content.decode()
    assert "The partnership's results" in page
    assert "2 of 2" in page
    assert "250,000.00 EUR" in page  # two actions
    assert plan.instrument.name in page


def test_the_home_page_words_a_plan_without_results_gracefully(client, region_a):
    factories.make_plan(region_a, status="approved", actions=2)
    page = client.get("/").content.decode()
    assert "None of 2 reported yet" in page
    assert "Funds mobilised" not in page


def test_the_home_page_hides_the_results_without_an_approved_plan(client, region_a):
    factories.make_plan(region_a, status="in_review")
    page = client.get("/").content.decode()
    assert "results-title" not in page

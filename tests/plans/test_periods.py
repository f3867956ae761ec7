"""The monitoring periods page: coordinators change a period's dates or add one (the end not
before the start, no overlap), a changed period keeps its reports; nobody else may."""

from datetime import date

import pytest
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from plans.models import MonitoringPeriod
from tests.harness import factories

pytestmark = pytest.mark.django_db

URL = reverse("plans:period_list")


def periods():
    return list(MonitoringPeriod.objects.order_by("starts_on").values_list("starts_on", "ends_on"))


def change(client, period, starts_on, ends_on):
    prefix = f"period-{period.pk}"
    return client.post(
        URL, {"period": period.pk, f"{prefix}-starts_on": starts_on, f"{prefix}-ends_on": ends_on}
    )


def add(client, starts_on, ends_on):
    return client.post(URL, {"period": "", "new-starts_on": starts_on, "new-ends_on": ends_on})


def test_coordinator_sees_the_periods_with_their_report_counts(login, coordinator, region_a):
    factories.make_monitoring(factories.make_plan(region_a, status="approved"))
    page = login(coordinator).get(URL).content.decode()
    assert "February 2022 – July 2022" in page
    assert "1 monitoring report" in page
    assert "0 monitoring reports" in page


def test_coordinator_changes_a_periods_dates_and_its_reports_stay(login, coordinator, region_a):
    period = factories.first_period()
    report = factories.make_monitoring(factories.make_plan(region_a, status="approved"))

    response = change(login(coordinator), period, "2022-01-15", "2022-07-15")

    assert response.status_code == 302
    period.refresh_from_db()
    assert (period.starts_on, period.ends_on) == (date(2022, 1, 15), date(2022, 7, 15))
    report.refresh_from_db()
    assert report.period == period
    entry = ActivityEntry.objects.get(verb="period.saved")
    assert entry.actor == coordinator
    assert entry.data == {"starts_on": "2022-01-15", "ends_on": "2022-07-15"}


def test_coordinator_adds_a_period(login, coordinator):
    assert add(login(coordinator), "2023-02-01", "2023-07-31").status_code == 302
    assert periods()[-1] == (date(2023, 2, 1), date(2023, 7, 31))


def test_an_overlapping_period_is_refused_with_a_message(login, coordinator):
    before = periods()
    response = add(login(coordinator), "2023-01-01", "2023-06-30")

    assert response.status_code == 400
    page = response.content.decode()
    assert "These dates overlap the period August 2022 – January 2023" in page
    assert 'value="2023-06-30"' in page  # what was typed is kept
    assert periods() == before


def test_moving_a_period_over_another_is_refused(login, coordinator):
    before = periods()
    response = change(login(coordinator), factories.first_period(), "2022-02-01", "2022-08-15")
    assert response.status_code == 400
    assert "periods may not overlap" in response.content.decode()
    assert periods() == before


def test_an_end_before_the_start_is_refused(login, coordinator):
    before = periods()
    response = add(login(coordinator), "2024-07-31", "2024-02-01")
    assert response.status_code == 400
    assert "The end cannot be before the start." in response.content.decode()
    assert periods() == before


@pytest.mark.parametrize(("starts_on", "ends_on"), [("", ""), ("soon", "2024-01-01")])
def test_missing_or_malformed_dates_are_refused(login, coordinator, starts_on, ends_on):
    before = periods()
    response = add(login(coordinator), starts_on, ends_on)
    assert response.status_code == 400
    assert periods() == before


def test_an_unknown_period_is_not_found(login, coordinator):
    response = login(coordinator).post(URL, {"period": "999999"})
    assert response.status_code == 404


def test_partners_cannot_change_periods(login, owner):
    before = periods()
    assert (
        change(login(owner), factories.first_period(), "2021-01-01", "2021-02-01").status_code
        == 403
    )
    assert periods() == before

"""A region's policy-change page (`/regions/<slug>/policy-change/`): the chain from the report
findings the actions draw on, through the practices studied, to the actions, their latest
approved status and the funds mobilised; public records only; a fixed query count."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import ActionProgress, ActionStatus, ImprovementType, MonitoringPeriod
from plans.selectors.trace import policy_change
from practices.models import Transfer, TransferStage
from tests.harness import factories


def url(region) -> str:
    return reverse("region_policy_change", kwargs={"slug": region.slug})


def linked_plan(region, source_region, *, actions: int, status: str = "approved"):
    """A plan of `region` whose every action draws on 3 published practices of `source_region`
    (one of them transferred into `region`) and 2 sections of an approved report."""
    report = factories.make_report(region, status="approved", texts=factories.complete_texts())
    sections = list(report.sections.filter(key__in=["barriers", "swot"]))
    practices = [factories.make_practice(source_region) for _ in range(3)]
    transfer = Transfer.objects.create(
        practice=practices[0], region=region, stage=TransferStage.ADOPTED
    )
    plan = factories.make_plan(region, status=status, actions=actions)
    for action in plan.actions.all():
        action.report_sections.set(sections)
        action.practices.set(practices)
        action.transfers.set([transfer])
    return plan


@pytest.mark.parametrize("actions", [1, 4])
def test_the_query_count_does_not_grow_with_actions_practices_and_sections(
    region_a, region_b, actions
):
    plan = linked_plan(region_a, region_b, actions=actions)
    factories.make_monitoring(plan, status="approved", progress=ActionStatus.IN_PROGRESS)
    with CaptureQueriesContext(connection) as queries:
        trace = policy_change(region_a)
    assert len(trace.actions) == actions
    assert len(trace.studied) == 3
    assert len(trace.findings) == 2
    assert len(queries.captured_queries) == 8


def test_the_page_shows_the_chain_with_real_links(client, region_a, region_b):
    plan = linked_plan(region_a, region_b, actions=2)
    action = plan.actions.order_by("position").first()
    report = factories.make_monitoring(plan, status="approved", progress=ActionStatus.IMPLEMENTED)
    ActionProgress.objects.filter(report=report, action=action).update(
        funds_mobilised=Decimal("125000"), improvement_reached=ImprovementType.STRUCTURAL
    )
    section = action.report_sections.get(key="barriers")
    practice = action.practices.order_by("pk").first()

    response = client.get(url(region_a))

    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="{section.report.get_absolute_url()}#section-barriers"' in page
    assert f'href="{practice.get_absolute_url()}"' in page
    assert "Adopted" in page  # the transfer's stage
    assert f'href="{action.get_absolute_url()}"' in page
    assert f'href="{plan.get_absolute_url()}"' in page
    assert f'href="{report.get_absolute_url()}"' in page
    assert "Implemented" in page
    assert "A structural change to the instrument" in page
    assert "125,000.00 EUR" in page


def test_visitors_see_no_draft_plan_report_practice_or_monitoring(client, region_a, region_b):
    plan = linked_plan(region_a, region_b, actions=1)
    action = plan.actions.get()
    draft_report = factories.make_report(
        region_a, title="Unfinished report", texts=factories.complete_texts()
    )
    action.report_sections.add(draft_report.sections.get(key="swot"))
    action.practices.add(factories.make_practice(region_b, status="draft", title="Secret"))
    factories.make_monitoring(plan, status="in_review", progress=ActionStatus.IMPLEMENTED)
    factories.make_plan(
        region_a, title="Draft plan of Lombardy", instrument=factories.make_instrument(region_a)
    )

    page = client.get(url(region_a)).content.decode()

    assert "Unfinished report" not in page
    assert "Secret" not in page
    assert "Draft plan of Lombardy" not in page
    assert "Implemented" not in page
    assert "has been approved yet" in page  # no approved monitoring report


def test_a_region_without_an_approved_plan_says_so_in_words(client, region_a):
    factories.make_plan(region_a, status="in_review")

    page = client.get(url(region_a)).content.decode()

    assert "This region's action plan is not approved yet." in page
    assert "No funds mobilised have been reported yet." in page


def test_an_unknown_region_is_404(client, db):
    assert client.get("/regions/atlantis/policy-change/").status_code == 404


def test_the_latest_approved_monitoring_report_gives_each_actions_status(region_a, region_b):
    plan = linked_plan(region_a, region_b, actions=1)
    first, second = MonitoringPeriod.objects.order_by("starts_on")[:2]
    factories.make_monitoring(plan, period=first, status="approved", progress="in_progress")
    factories.make_monitoring(plan, period=second, status="approved", progress="implemented")

    (row,) = policy_change(region_a).actions

    assert row.progress.status == ActionStatus.IMPLEMENTED


def test_the_region_page_links_to_the_policy_change_page_and_the_plan(client, region_a):
    plan = factories.make_plan(region_a, status="approved")
    page = client.get(region_a.get_absolute_url()).content.decode()
    assert f'href="{url(region_a)}"' in page
    assert f'href="{plan.get_absolute_url()}"' in page

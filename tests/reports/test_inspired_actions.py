"""A report's page lists, under each section, the actions of approved action plans that draw
on it ("Actions this section inspired"), with links, without a query per section."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.harness import factories


def test_each_section_lists_the_actions_it_inspired(client, region_a, instrument_a):
    report = factories.make_report(region_a, status="approved", texts=factories.complete_texts())
    plan = factories.make_plan(region_a, status="approved", actions=2, instrument=instrument_a)
    first, second = plan.actions.order_by("position")
    first.report_sections.add(report.sections.get(key="barriers"))
    second.report_sections.add(report.sections.get(key="swot"))

    page = client.get(report.get_absolute_url()).content.decode()

    barriers = page.split('id="section-barriers"', 1)[1].split('class="report-section"', 1)[0]
    assert "Actions this section inspired" in barriers
    assert f'href="{first.get_absolute_url()}"' in barriers
    assert f'href="{second.get_absolute_url()}"' not in barriers
    assert f'href="{second.get_absolute_url()}"' in page


def test_actions_of_plans_not_approved_are_not_shown(client, region_a):
    report = factories.make_report(region_a, status="approved", texts=factories.complete_texts())
    plan = factories.make_plan(region_a, status="draft")
    plan.actions.get().report_sections.add(report.sections.get(key="barriers"))

    page = client.get(report.get_absolute_url()).content.decode()

    assert "Actions this section inspired" not in page
    assert plan.actions.get().title not in page


def test_no_query_per_section_or_action(client, region_a):
    report = factories.make_report(region_a, status="approved", texts=factories.complete_texts())
    client.get(report.get_absolute_url())  # warm up: sessions, content types
    with CaptureQueriesContext(connection) as none:
        client.get(report.get_absolute_url())
    for number in range(3):
        instrument = factories.make_instrument(region_a, name=f"Instrument {number}")
        plan = factories.make_plan(region_a, status="approved", actions=4, instrument=instrument)
        for action in plan.actions.all():
            action.report_sections.set(report.sections.all())
    with CaptureQueriesContext(connection) as many:
        page = client.get(report.get_absolute_url()).content.decode()
    assert page.count("Actions this section inspired") == report.sections.count()
    assert len(many.captured_queries) == len(none.captured_queries)

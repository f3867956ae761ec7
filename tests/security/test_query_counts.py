"""List pages run the same number of queries whatever the number of rows they show."""

import pytest
from django.urls import reverse

from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


def make_regions(n):
    for _ in range(n):
        factories.make_region_with_partners(organisations=2, instruments=2)


@pytest.mark.parametrize("role", ["anonymous", "owner", "coordinator"])
@pytest.mark.parametrize("url_name", ["region_list", "home"])
def test_list_page_queries_do_not_grow_with_regions(url_name, role, world, login):
    client = login(None if role == "anonymous" else getattr(world, role))
    assert_queries_do_not_grow(client, reverse(url_name), make_regions)


@pytest.mark.parametrize("role", ["colleague", "coordinator"])
def test_report_page_queries_do_not_grow_with_comment_threads(role, world, login):
    """Threads, answers and the open count of every section come from one prefetch."""
    from reports.services import comment_add, comment_resolve

    report = factories.make_report(world.region_a, texts=factories.complete_texts())
    sections = list(report.sections.all())

    def make_threads(count):
        for number in range(count):
            first = comment_add(
                report=report,
                author=world.coordinator,
                body=f"Finding {number}",
                section=sections[number % len(sections)],
            )
            comment_add(report=report, author=world.owner, body="Fixed.", parent=first)
            if number % 2:
                comment_resolve(comment=first, user=world.coordinator)

    client = login(getattr(world, role))
    assert_queries_do_not_grow(client, report.get_absolute_url(), make_threads)

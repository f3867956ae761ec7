"""Reports of the two fixture regions: region A's draft, region B's draft and approved ones."""

import pytest

from tests.harness import factories


@pytest.fixture
def report_a(region_a):
    """Region A's draft, every section written (so it can be submitted)."""
    return factories.make_report(
        region_a, title="Lombardy report", texts=factories.complete_texts()
    )


@pytest.fixture
def report_b(region_b):
    """Region B's draft: other regions' partners must not learn it exists."""
    return factories.make_report(region_b, title="Klaipėda draft report")


@pytest.fixture
def approved_report_b(region_b):
    return factories.make_report(
        region_b,
        title="Klaipėda approved report",
        status="approved",
        texts=factories.complete_texts(),
    )


@pytest.fixture
def section_a(report_a):
    return report_a.sections.get(key="opportunities")

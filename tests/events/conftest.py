"""Events of the two fixture regions: region A's published and unpublished ones, and region B's
unpublished one that only its organisers may see."""

import pytest

from tests.harness import factories


@pytest.fixture
def event_a(region_a):
    """Region A's published meeting, a month ahead."""
    return factories.make_event(region_a, title="Lombardy stakeholder meeting", slug="meeting-a")


@pytest.fixture
def draft_event_a(region_a):
    return factories.make_event(
        region_a, published=False, title="Lombardy draft meeting", slug="draft-a"
    )


@pytest.fixture
def draft_event_b(region_b):
    """Region B's unpublished event: others must not learn it exists."""
    return factories.make_event(
        region_b, published=False, title="Klaipėda draft meeting", slug="draft-b"
    )

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

"""A guard against N+1 queries on list pages: the query count must not grow with the rows."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(client: Client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, f"GET {url}: {response.status_code}"
    return len(context.captured_queries), [query["sql"] for query in context.captured_queries]


def assert_queries_do_not_grow(
    client: Client,
    url: str,
    make_rows: Callable[[int], object],
    *,
    few: int = 3,
    many: int = 30,
) -> int:
    """Render `url` with `few` rows and with `many` rows (`make_rows(n)` creates n more rows)
    and assert both took the same number of queries. Returns that number."""
    make_rows(few)
    client.get(url)  # warm up: sessions, caches, content types
    few_count, _few_queries = count_queries(client, url)
    make_rows(many - few)
    many_count, many_queries = count_queries(client, url)
    assert many_count == few_count, (
        f"GET {url}: {few_count} queries with {few} rows but {many_count} with {many}; "
        "a row triggers queries of its own (use select_related/prefetch_related in a "
        "selector):\n" + "\n".join(many_queries)
    )
    return many_count

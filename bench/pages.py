"""Server time and query count of the public pages, on the development database.

Run with `make bench` (which migrates and seeds first). Prints one line per page: median and
95th-percentile time over repeated requests through Django's test client, and the query count.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
os.environ["DEBUG"] = "false"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from partners.models import Region  # noqa: E402
from reports.models import ReportStatus, SituationAnalysisReport  # noqa: E402

ROUNDS = 200


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm template and URL caches
    queries = []
    # A wrapper, not the query log: the log is reset when a request closes the connection.
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)], len(queries)


def main() -> None:
    # Not setup_test_environment(): its template instrumentation copies the context at every
    # template rendered, which production never does.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    region = Region.objects.order_by("slug").first()
    if region is None:
        sys.exit("No regions: run `manage.py seed_demo` first.")
    client = Client()
    print(f"{'page':<34}{'median ms':>10}{'p95 ms':>9}{'queries':>9}  ({ROUNDS} requests each)")
    urls = ["/", "/regions/", region.get_absolute_url(), "/it/regions/", "/reports/", "/healthz"]
    approved = SituationAnalysisReport.objects.filter(status=ReportStatus.APPROVED).first()
    if approved:
        urls[-1:-1] = [approved.get_absolute_url(), f"{approved.get_absolute_url()}history/"]
    for url in urls:
        median, p95, queries = measure(client, url)
        print(f"{url:<34}{median:>10.2f}{p95:>9.2f}{queries:>9}")


if __name__ == "__main__":
    main()

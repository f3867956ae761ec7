"""Reports of the two fixture regions (region A's draft, region B's draft and approved ones), and
the helpers of the PDF tests."""

import pytest
from django.core.cache import caches

from reports import pdf
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


@pytest.fixture
def big_report(report_a):
    """Region A's draft with three sections full of table rows, about 199,000 characters in all:
    the report of issue 14's finding (three languages of it at once took the site down)."""
    row = "<tr><td>Skilled workforce in the border area</td><td>Few exporters</td></tr>"
    for key in ("regional_context", "swot", "opportunities"):
        report_a.sections.filter(key=key).update(body=f"<table><tbody>{row * 880}</tbody></table>")
    assert sum(len(body) for body in report_a.sections.values_list("body", flat=True)) > 199_000
    return report_a


@pytest.fixture
def empty_pdf_cache(db):
    """Tests that run the worker commit, and nothing empties the cache's table between them (it
    belongs to no model): each such test starts with no PDF made."""
    caches["pdf"].clear()


@pytest.fixture
def fetch_pdf(run_worker, empty_pdf_cache):
    """`fetch_pdf(client, report, lang=...)`: ask for the report's PDF as a person does (the
    progress page first), let the worker make it, then ask again: the response with the PDF.
    The worker commits: tests using it are marked `django_db(transaction=True)`."""

    def _fetch(client, report, **params):
        url = f"/reports/{report.pk}/pdf/"
        first = client.get(url, params)
        if first.status_code != 200 or first["Content-Type"] == "application/pdf":
            return first
        run_worker()
        return client.get(url, params)

    return _fetch


@pytest.fixture
def layouts(monkeypatch):
    """The HTML of every WeasyPrint layout in this process, the worker's included (the real
    layout runs)."""
    calls = []
    real = pdf.pdf_from_html

    def counting(html, **kwargs):
        calls.append(html)
        return real(html, **kwargs)

    monkeypatch.setattr(pdf, "pdf_from_html", counting)
    return calls

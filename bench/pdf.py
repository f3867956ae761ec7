"""Cost of the report PDF: the portal against WeasyPrint alone and headless Chromium.

Run with `make bench` (which migrates and seeds first) or `.venv/bin/python bench/pdf.py`.
It builds a ~40-page report (the approved demo report with its sections' text repeated) in a
throwaway copy of the development database, so the dev database and its cache are never
written. Then it prints, measured on one machine in one run:

- the portal's fresh (uncached) PDF, `reports.pdf.render_report_pdf` (template, cache miss,
  WeasyPrint in a forked child with a time limit, cache write);
- WeasyPrint alone on the same HTML, base URL, URL fetcher and PDF options: the floor;
- headless Chromium's `--print-to-pdf` of the same HTML, the usual alternative;
- the cached re-download, by the function and by an HTTP GET of `/reports/<pk>/pdf/`;
- the peak memory of a fresh interpreter that renders the PDF once.

WeasyPrint is imported before anything is timed: its ~1.4 s import is paid once per worker,
not per PDF. Targets: the portal within 1.15× of WeasyPrint alone, a cached re-download under
50 ms, peak memory under 400 MB.
"""

import argparse
import gc
import io
import json
import logging
import os
import platform
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV_DATABASE = ROOT / "db.sqlite3"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",  # no URL/date/title header and footer: same content as ours
]
TARGET_PAGES = 40
RATIO_TARGET = 1.15
CACHED_TARGET_MS = 50.0
MEMORY_TARGET_MB = 400.0
CACHED_ROUNDS = 20


def django_setup(database: Path) -> None:
    """Point Django at the throwaway copy of the database before the settings are read."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(database.parent / "media")
    import django

    django.setup()
    from django.db import connection

    assert Path(connection.settings_dict["NAME"]) == database, "not on the throwaway copy"
    # WeasyPrint logs every layout step at INFO (the portal's root level): silenced here, for
    # both pipelines alike, to keep the output readable.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def cached_in(key: str) -> list[str]:
    """The configured caches that hold `key`."""
    from django.conf import settings
    from django.core.cache import caches

    return [alias for alias in settings.CACHES if caches[alias].get(key) is not None]


def forget(report) -> str:
    """Drop the report's cached PDF from every configured cache (whichever one
    `reports.pdf` uses), so the next `render_report_pdf` lays it out again; returns the key."""
    from django.conf import settings
    from django.core.cache import caches

    from reports import pdf

    html = pdf.report_html(report, language=report.language)
    key = pdf.cache_key(html, language=report.language)
    for alias in settings.CACHES:
        caches[alias].delete(key)
    assert not cached_in(key), "the cached PDF could not be dropped"
    return key


def check_rendered(key: str) -> None:
    """After a fresh render: the PDF must now be cached under the key `forget` dropped, or
    this benchmark no longer computes the portal's key and would time cache hits."""
    assert cached_in(key), "render_report_pdf did not cache under reports.pdf.cache_key"


# --- the child process: one fresh render, for the peak memory -----------------------------------


def child_render(pk: int) -> None:
    """In a fresh interpreter: render the report's PDF once, uncached; print the peak RSS of
    this process and of the forked WeasyPrint child (kB, as `ru_maxrss` on Linux)."""
    import weasyprint  # noqa: F401 - loaded by any worker that renders PDFs

    from reports.models import SituationAnalysisReport
    from reports.pdf import render_report_pdf

    report = SituationAnalysisReport.objects.get(pk=pk)
    key = forget(report)
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pdf = render_report_pdf(report, language=report.language)
    check_rendered(key)
    figures = {
        "before_kb": before_kb,
        "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "fork_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "bytes": len(pdf),
    }
    print(json.dumps(figures))


# --- building the report ------------------------------------------------------------------------


def copy_database(target: Path) -> None:
    if not DEV_DATABASE.exists():
        sys.exit(f"No {DEV_DATABASE}: run `make bench` (migrate + seed_demo) first.")
    source = sqlite3.connect(f"{DEV_DATABASE.as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    source.backup(copy)
    source.close()
    copy.close()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def weasyprint_alone(html: str) -> bytes:
    """WeasyPrint on the portal's HTML with the portal's base URL, URL fetcher and options."""
    import weasyprint

    from reports import pdf

    document = weasyprint.HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=pdf.safe_url_fetcher)
    return document.write_pdf(**pdf.PDF_OPTIONS)


def demo_report():
    from reports.models import ReportStatus, SituationAnalysisReport

    demo = (
        SituationAnalysisReport.objects.filter(status=ReportStatus.APPROVED)
        .select_related("region")
        .order_by("pk")
        .first()
    )
    if demo is None:
        sys.exit("No approved demo report: run `manage.py seed_demo` first.")
    return demo


def create_copy(demo):
    """A new report of the demo report's region, with its indicators, approved."""
    from reports.models import Indicator, ReportStatus, SituationAnalysisReport
    from reports.services import report_create

    report = report_create(
        region=demo.region,
        title=f"{demo.title} (benchmark)",
        reference_period=demo.reference_period,
        language=demo.language,
    )
    Indicator.objects.bulk_create(
        Indicator(
            report=report,
            name=row.name,
            value=row.value,
            unit=row.unit,
            year=row.year,
            source=row.source,
            position=row.position,
        )
        for row in demo.indicators.all()
    )
    # Approved directly, as seed_demo does: the workflow would email the coordinators.
    SituationAnalysisReport.objects.filter(pk=report.pk).update(status=ReportStatus.APPROVED)
    return report


def fill(report, demo, repeat: int, author):
    """Save the demo report's section texts × `repeat` into `report`, through the services."""
    from reports.models import ReportStatus, SituationAnalysisReport
    from reports.services import section_save

    # Only drafts can be edited: reopen for the save, approve again after (no emails).
    reports = SituationAnalysisReport.objects.filter(pk=report.pk)
    reports.update(status=ReportStatus.DRAFT)
    bodies = {section.key: section.body for section in demo.sections.all()}
    for section in report.sections.all():
        if bodies.get(section.key):
            section_save(
                section=section,
                author=author,
                body="\n".join([bodies[section.key]] * repeat),
                base_version=section.version,
            )
    reports.update(status=ReportStatus.APPROVED)
    return SituationAnalysisReport.objects.select_related("region").get(pk=report.pk)


def build_report(target_pages: int, repeat: int | None):
    """The demo report with its sections repeated to about `target_pages` pages (unless
    `repeat` is given); returns the report, the repetition and the page count."""
    from partners.models import User
    from reports import pdf

    demo = demo_report()
    one = page_count(weasyprint_alone(pdf.report_html(demo, language=demo.language)))
    author = User.objects.filter(
        memberships__organisation__region=demo.region_id, memberships__role="editor"
    ).first()
    report = create_copy(demo)
    guess = repeat or max(1, round(target_pages / one))
    for _attempt in range(3):
        report = fill(report, demo, guess, author)
        html = pdf.report_html(report, language=report.language)
        pages = page_count(weasyprint_alone(html))
        if repeat or abs(pages - target_pages) <= target_pages * 0.1 or guess == 1:
            break
        # Pages grow linearly with the repetition: fit it on (1, one) and (guess, pages).
        per_repeat = (pages - one) / (guess - 1)
        if per_repeat <= 0:
            break
        guess = max(1, round(1 + (target_pages - one) / per_repeat))
    return report, guess, pages, one


# --- measuring ----------------------------------------------------------------------------------


def timed_ms(function, *args, **kwargs) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def measure_memory(report, database: Path) -> dict:
    """Peak RSS of a fresh interpreter rendering the PDF once. Run before any other child
    process of this one, so RUSAGE_CHILDREN's maximum is this child's (or its fork's)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [
            sys.executable,
            __file__,
            "--child-render",
            str(report.pk),
            "--database",
            str(database),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"The memory child failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["children_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures["children_before_kb"] = before
    return figures


def measure_renders(report, html: str, runs: int) -> dict:
    """Fresh portal renders and WeasyPrint-alone renders, interleaved so drift hits both."""
    from reports import pdf

    portal, alone, template = [], [], []
    portal_pdf = alone_pdf = b""
    for _run in range(runs):
        key = forget(report)
        ms, portal_pdf = timed_ms(pdf.render_report_pdf, report, language=report.language)
        check_rendered(key)
        portal.append(ms)
        ms, alone_pdf = timed_ms(weasyprint_alone, html)
        alone.append(ms)
        ms, _html = timed_ms(pdf.report_html, report, language=report.language)
        template.append(ms)
    return {
        "portal": portal,
        "alone": alone,
        "template": template,
        "portal_pages": page_count(portal_pdf),
        "alone_pages": page_count(alone_pdf),
    }


def measure_cached(report) -> dict:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from partners.models import User
    from reports import pdf

    expected = pdf.render_report_pdf(report, language=report.language)  # fills the cache
    function = []
    for _round in range(CACHED_ROUNDS):
        ms, content = timed_ms(pdf.render_report_pdf, report, language=report.language)
        assert content == expected, "the cached PDF changed"
        function.append(ms)

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.filter(is_coordinator=True, is_active=True).first())
    url = f"/reports/{report.pk}/pdf/"
    response = client.get(url)  # warm: session, URL resolver, templates
    assert response.status_code == 200, (url, response.status_code)
    http = []
    for _round in range(CACHED_ROUNDS):
        ms, response = timed_ms(client.get, url)
        assert response.status_code == 200, (url, response.status_code)
        http.append(ms)
    assert response.content == expected, "the view served other bytes than the function"
    return {"function": function, "http": http, "url": url, "bytes": len(expected)}


def chromium_html(html: str, directory: Path) -> Path:
    """The HTML as a file for Chromium: the static files it links are given as file:// URLs
    of the real files (a `file://` page cannot use the portal's `/static/` URLs)."""
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    prefix = static("")

    def local(match: re.Match) -> str:
        found = finders.find(match.group(2))
        url = Path(found).resolve().as_uri() if found else prefix + match.group(2)
        return f'{match.group(1)}="{url}"'

    html = re.sub(rf'(href|src)="{re.escape(prefix)}([^"]+)"', local, html)
    path = directory / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def measure_chromium(html: str, scratch: Path, runs: int) -> dict:
    directory = scratch / "chromium"
    directory.mkdir()
    page = chromium_html(html, directory)
    blank = directory / "blank.html"
    blank.write_text("<!doctype html><title>x</title><p>x</p>", encoding="utf-8")
    output = directory / "out.pdf"

    def print_to_pdf(source: Path) -> float:
        output.unlink(missing_ok=True)
        command = [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={directory / 'profile'}",
            f"--print-to-pdf={output}",
            source.as_uri(),
        ]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=120)  # noqa: S603
        elapsed = (time.perf_counter() - start) * 1000
        if not output.exists():
            raise RuntimeError("Chromium wrote no PDF")
        return elapsed

    print_to_pdf(page)  # untimed: creates the profile, loads the binary and fonts from disk
    timings = [print_to_pdf(page) for _run in range(runs)]
    pages = page_count(output.read_bytes())
    startup = [print_to_pdf(blank) for _run in range(runs)]
    return {"timings": timings, "pages": pages, "startup": startup}


# --- reporting ----------------------------------------------------------------------------------


def machine_info() -> list[str]:
    import weasyprint

    cpu = memory = "?"
    if (cpuinfo := Path("/proc/cpuinfo")).exists():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = match.group(1).strip() if match else cpu
    if (meminfo := Path("/proc/meminfo")).exists():
        match = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f"{int(match.group(1)) / 1024**2:.1f} GiB" if match else memory
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    chromium = subprocess.run(  # noqa: S603
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return [
        f"machine   {cpu}, {os.cpu_count()} cores ({usable} usable), {memory} RAM, "
        f"{platform.system()} {platform.release()}; load average now {load}",
        f"software  Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
        f"{chromium or 'Chromium (version unknown)'}",
    ]


def mb(kilobytes: int) -> float:
    return kilobytes * 1024 / 1e6


def med(values: list[float]) -> float:
    return statistics.median(values)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def row(figure: str, value: str, target: str = "", result: str = "") -> None:
    print(f"{figure:<44}{value:<34}{target:<11}{result}")


def run(args, scratch: Path) -> None:
    database = scratch / "db.sqlite3"
    copy_database(database)
    django_setup(database)

    start = time.perf_counter()
    import weasyprint  # noqa: F401 - imported once, before any timing

    import_ms = (time.perf_counter() - start) * 1000

    from reports import pdf

    report, repeat, pages, demo_pages = build_report(TARGET_PAGES, args.repeat)
    html = pdf.report_html(report, language=report.language)
    print(
        f"report    '{report.title}' (pk {report.pk}, in a throwaway copy of the dev database): "
        f"the demo report's sections ×{repeat}, {pages} pages ({demo_pages} for the demo "
        f"report), HTML {len(html) / 1000:.0f} kB, language {report.language}"
    )
    print(
        f"          WeasyPrint imported before timing ({import_ms:.0f} ms, once per process); "
        f"{args.runs} fresh renders per pipeline, interleaved"
    )
    load_before = os.getloadavg()[0]
    memory = measure_memory(report, database)  # first child process of this run, on purpose
    renders = measure_renders(report, html, args.runs)
    cached = measure_cached(report)
    chromium = measure_chromium(html, scratch, args.chromium_runs)
    info = machine_info()

    portal, alone = renders["portal"], renders["alone"]
    ratio = med(portal) / med(alone)
    pairs = med([p / a for p, a in zip(portal, alone, strict=True)])
    peak_mb = mb(max(memory["children_kb"], memory["self_kb"], memory["fork_kb"]))

    print()
    for line in info:
        print(line)
    busy = max(load_before, os.getloadavg()[0])
    if busy > 1.5:
        print(
            f"WARNING   1-minute load reached {busy:.1f} (this run adds ~1): other work shares "
            "the CPUs, so timings are noisy; compare the mins, or run again on a quiet machine"
        )
    print()
    row("figure", "value", "target", "result")
    row("-" * 42, "-" * 32, "-" * 9, "------")
    row(
        "portal PDF, fresh (render_report_pdf)",
        f"median {med(portal):6.0f} ms, min {min(portal):6.0f} ms",
    )
    row(
        "WeasyPrint alone, same HTML (floor)",
        f"median {med(alone):6.0f} ms, min {min(alone):6.0f} ms",
    )
    row(
        "portal ÷ WeasyPrint alone",
        f"{ratio:.3f}× medians ({min(portal) / min(alone):.3f}× mins)",
        f"≤ {RATIO_TARGET}×",
        verdict(ratio <= RATIO_TARGET),
    )
    row(
        "Chromium --print-to-pdf, same HTML",
        f"median {med(chromium['timings']):6.0f} ms, min {min(chromium['timings']):6.0f} ms",
    )
    row(
        "cached re-download: render_report_pdf",
        f"median {med(cached['function']):6.1f} ms, max {max(cached['function']):6.1f} ms",
        f"< {CACHED_TARGET_MS:g} ms",
        verdict(med(cached["function"]) < CACHED_TARGET_MS),
    )
    row(
        f"cached re-download: GET {cached['url']}",
        f"median {med(cached['http']):6.1f} ms, max {max(cached['http']):6.1f} ms",
        f"< {CACHED_TARGET_MS:g} ms",
        verdict(med(cached["http"]) < CACHED_TARGET_MS),
    )
    row(
        "peak memory, fresh process rendering once",
        f"{peak_mb:.0f} MB",
        f"< {MEMORY_TARGET_MB:g} MB",
        verdict(peak_mb < MEMORY_TARGET_MB),
    )

    print()
    print("details")
    print(
        f"  portal: {renders['portal_pages']} pages, {cached['bytes'] / 1000:.0f} kB; "
        f"WeasyPrint alone {renders['alone_pages']} pages; Chromium {chromium['pages']} pages"
    )
    print(
        f"  portal overhead over WeasyPrint alone: median {med(portal) - med(alone):.0f} ms, "
        f"of which the HTML (report_html) {med(renders['template']):.0f} ms; the rest is the "
        f"fork, the pipe and the cache; per-run ratio median {pairs:.3f}×"
    )
    print(
        f"  portal runs (ms):           {', '.join(f'{ms:.0f}' for ms in portal)}\n"
        f"  WeasyPrint-alone runs (ms): {', '.join(f'{ms:.0f}' for ms in alone)}"
    )
    print(
        f"  Chromium: {len(chromium['timings'])} runs after an untimed warm-up, a new browser "
        f"each time; starting it and printing a blank page alone takes median "
        f"{med(chromium['startup']):.0f} ms. Static files given as file:// URLs. Its PDF is "
        "tagged and has the page footers, but no contents page numbers (target-counter), no "
        "bookmarks and no PDF/UA identification."
    )
    print(
        f"  memory (RSS peaks): the interpreter with Django + WeasyPrint "
        f"{mb(memory['before_kb']):.0f} MB before rendering, {mb(memory['self_kb']):.0f} MB "
        f"after; the forked WeasyPrint child {mb(memory['fork_kb']):.0f} MB; "
        f"RUSAGE_CHILDREN seen here {mb(memory['children_kb']):.0f} MB; this benchmark's own "
        f"process (WeasyPrint in-process, {args.runs + 2} renders) "
        f"{mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):.0f} MB"
    )
    print(f"  cached re-downloads: {CACHED_ROUNDS} rounds each, HTTP as a coordinator")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh renders per pipeline")
    parser.add_argument("--chromium-runs", type=int, default=3, help="Chromium prints")
    parser.add_argument("--repeat", type=int, help="section repetitions (default: ~40 pages)")
    parser.add_argument("--child-render", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_render is not None:
        django_setup(args.database)
        child_render(args.child_render)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as scratch:
        run(args, Path(scratch))


if __name__ == "__main__":
    main()

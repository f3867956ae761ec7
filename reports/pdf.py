"""Situation Analysis Reports as PDF: one report, or several in one document (the compendium).

The pipeline has three steps, each usable on its own:

1. `report_html(report, language=...)` (or `reports_html(...)`) renders the templates under
   `templates/pdf/` to one HTML string, with the print CSS of `static/pdf/` linked by URL.
2. `pdf_from_html(html)` lays the HTML out with WeasyPrint (A4, tagged PDF/UA-1) in a forked
   child process that is killed after `settings.PDF_RENDER_TIMEOUT_SECONDS`
   (`PDFRenderTimeout`) and may use at most `settings.PDF_RENDER_MEMORY_MB` of memory
   (`PDFRenderMemoryError`), so a pathological document cannot hang or exhaust the worker.
   Only the background worker calls it (`reports/tasks.py`): never a web request.
3. The PDF cache is keyed by `cache_key`: the SHA-256 of the HTML (which holds everything
   printed: texts, indicators, names, status, dates and the language) and of the print assets
   (CSS, fonts, emblem, WeasyPrint's version): an unchanged report is laid out once; any edit
   changes the HTML and so the key. The same key names the job that lays a document out
   (`PDFJob`), so identical requests share one layout.

Safety: WeasyPrint only ever gets `safe_url_fetcher`, which serves the app's own static files
(by the `STATIC_URL` prefix of `BASE_URL`), media files inside `MEDIA_ROOT` and `data:` URIs,
and refuses everything else (other hosts, `http:`, `file:`, `ftp:`, path traversal) by raising.
WeasyPrint is imported lazily: importing it takes about 1.4 s.
"""

from __future__ import annotations

import base64
import errno
import functools
import hashlib
import logging
import mimetypes
import multiprocessing
import os
import re
import resource
import signal
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from interventures.activity.selectors import entries_for
from interventures.collation import sorted_by_name

from . import compendium_parts

logger = logging.getLogger(__name__)

# Every URL in the HTML is resolved against this base; the fetcher serves only its
# STATIC_URL and MEDIA_URL prefixes. `.invalid` can never resolve to a real host (RFC 2606).
BASE_URL = "https://portal.invalid/"
_BASE = urlsplit(BASE_URL)

# Bump when the printed output changes in a way the HTML and the assets do not show
# (for example WeasyPrint options below).
TEMPLATE_VERSION = "1"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
CACHE_SECONDS = 60 * 60 * 24 * 30  # content-addressed: an entry never goes stale, only unused
MAX_RESOURCE_BYTES = 20 * 1024 * 1024
ASSET_FILES = ("static/pdf", "static/img/eu-emblem.svg")


class PDFRenderError(RuntimeError):
    """WeasyPrint failed, or its process died, before producing a PDF."""


class PDFRenderTimeout(PDFRenderError):
    """Laying out the document took longer than the time limit; the renderer was stopped."""

    def __init__(self, seconds: float):
        super().__init__(f"PDF rendering took longer than {seconds:g} s and was stopped.")
        self.seconds = seconds


class PDFRenderMemoryError(PDFRenderError):
    """Laying out the document needed more memory than the limit; the renderer was stopped."""

    def __init__(self, megabytes: int):
        super().__init__(f"PDF rendering needed more than {megabytes} MB and was stopped.")
        self.megabytes = megabytes


class UnsafeURLError(ValueError):
    """A URL that the PDF renderer must not fetch."""


# --- the URL fetcher -------------------------------------------------------------------------


def _prefix(url_setting: str) -> str:
    path = urlsplit(url_setting or "").path
    return "/" + path.strip("/") + "/"


def _safe_relative(path: str, url: str) -> str:
    """`path` (already percent-decoded) if it is a plain relative path inside its root."""
    segments = path.split("/")
    if (
        not path
        or path.startswith("/")
        or any(char in path for char in ("\\", "\x00", ":"))
        or any(segment in ("", ".", "..") for segment in segments)
    ):
        raise UnsafeURLError(f"Refused path: {url}")
    return path


def _inside(path: Path, root: Path) -> Path | None:
    resolved = path.resolve()
    return resolved if resolved.is_relative_to(root.resolve()) and resolved.is_file() else None


def _static_file(relative: str) -> Path | None:
    found = finders.find(relative)  # searches STATICFILES_DIRS and apps, with safe_join
    if found:
        return Path(found).resolve()
    if settings.STATIC_ROOT:
        return _inside(Path(settings.STATIC_ROOT) / relative, Path(settings.STATIC_ROOT))
    return None


def resolve_safe_url(url: str) -> tuple[bytes, str]:
    """The body and MIME type of an allowed URL; `UnsafeURLError` for everything else."""
    if url[:5].lower() == "data:":
        response = DataHandler().data_open(Request(url))  # noqa: S310 - data: only
        return response.read(MAX_RESOURCE_BYTES), response.headers.get_content_type()
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise UnsafeURLError(f"Malformed URL: {url}") from error
    if (parts.scheme.lower(), parts.netloc.lower()) != (_BASE.scheme, _BASE.netloc):
        raise UnsafeURLError(f"Refused URL: {url}")
    path = parts.path
    static_prefix, media_prefix = _prefix(settings.STATIC_URL), _prefix(settings.MEDIA_URL)
    file = None
    if path.startswith(static_prefix):
        file = _static_file(_safe_relative(unquote(path[len(static_prefix) :]), url))
    elif path.startswith(media_prefix) and settings.MEDIA_ROOT:
        relative = _safe_relative(unquote(path[len(media_prefix) :]), url)
        file = _inside(Path(settings.MEDIA_ROOT) / relative, Path(settings.MEDIA_ROOT))
    else:
        raise UnsafeURLError(f"Refused URL: {url}")
    if file is None:
        raise UnsafeURLError(f"Not found: {url}")
    if file.stat().st_size > MAX_RESOURCE_BYTES:
        raise UnsafeURLError(f"Too large: {url}")
    mime = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return file.read_bytes(), mime


class SafeURLFetcher:
    """WeasyPrint's `url_fetcher`: the app's own static and media files and `data:` URIs only.

    WeasyPrint 70 calls `fetcher(url)` and expects a `weasyprint.urls.URLFetcherResponse`; when
    the call raises, it reads `_fail_on_errors` (False: the resource is skipped with a warning,
    the document still renders). Nothing here opens a socket or a `file:` URL.
    """

    _fail_on_errors = False

    def __call__(self, url: str):
        return self.fetch(url)

    def fetch(self, url: str, headers=None):
        from weasyprint.urls import URLFetcherResponse

        body, mime = resolve_safe_url(url)
        return URLFetcherResponse(url, body, {"Content-Type": mime})


safe_url_fetcher = SafeURLFetcher()


# --- laying out (WeasyPrint, with a time limit) ------------------------------------------------


def _write_pdf(html: str) -> bytes:
    """WeasyPrint on `html`, in this process and without a time limit."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=BASE_URL, url_fetcher=safe_url_fetcher)
    return document.write_pdf(**PDF_OPTIONS)


MEMORY_ABORTS = (-signal.SIGTRAP, -signal.SIGABRT, -signal.SIGSEGV)


def _address_space_bytes() -> int:
    """The process's virtual memory now (Linux's /proc), what RLIMIT_AS counts."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _out_of_memory(error: BaseException) -> bool:
    """Whether `error` is an allocation that failed. Under RLIMIT_AS it is not always a
    MemoryError: a C extension may return NULL without setting an exception (SystemError),
    a system call may fail with ENOMEM, cairo reports NO_MEMORY."""
    if isinstance(error, MemoryError | SystemError):
        return True
    if isinstance(error, OSError) and error.errno == errno.ENOMEM:
        return True
    return "NO_MEMORY" in str(error)


def _render_child(html: str, sender, memory_mb: int) -> None:
    if memory_mb:
        # On top of what the child inherited from its parent (a test runner or a web process
        # maps far more than a bare worker): allocations beyond it raise MemoryError.
        limit = _address_space_bytes() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # The answer is sent outside the `except` blocks, once WeasyPrint's objects are freed.
    try:
        answer = ("ok", _write_pdf(html))
    except BaseException as error:
        if memory_mb and _out_of_memory(error):
            answer = ("memory", "")
        else:
            answer = ("error", f"{type(error).__name__}: {error}")
    try:
        sender.send(answer)
    except MemoryError:  # pickling a large PDF can be the allocation that fails
        sender.send(("memory", ""))
    finally:
        sender.close()


def render_timeout() -> float:
    return float(settings.PDF_RENDER_TIMEOUT_SECONDS)


def pdf_from_html(html: str, *, timeout: float | None = None) -> bytes:
    """Lay `html` out as PDF bytes, killing the renderer after `timeout` seconds
    (default `settings.PDF_RENDER_TIMEOUT_SECONDS`, 60; 0 renders in this process, unlimited)
    and limiting its memory to `settings.PDF_RENDER_MEMORY_MB` (0: unlimited).

    WeasyPrint runs in a forked child process (WeasyPrint is imported in the parent first, so
    the child starts warm); the PDF comes back through a pipe. Raises `PDFRenderTimeout` when
    the time limit is exceeded, `PDFRenderMemoryError` when the memory limit is, and
    `PDFRenderError` when rendering fails otherwise.
    """
    timeout = render_timeout() if timeout is None else timeout
    if not timeout or "fork" not in multiprocessing.get_all_start_methods():
        return _write_pdf(html)
    memory_mb = settings.PDF_RENDER_MEMORY_MB
    import weasyprint  # noqa: F401 - imported once in the parent, inherited by every child

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_render_child, args=(html, sender, memory_mb), daemon=True)
    with warnings.catch_warnings():
        # The child only runs WeasyPrint and then exits: no lock of another thread is needed.
        warnings.filterwarnings("ignore", message=r".*fork\(\)", category=DeprecationWarning)
        process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise PDFRenderTimeout(timeout)
        try:
            status, payload = receiver.recv()
        except EOFError:
            status, payload = "died", ""
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status == "died":
        # C code aborts when an allocation fails instead of raising MemoryError (GLib's
        # g_error traps, cairo aborts): under the memory limit, that is the limit taking effect.
        if memory_mb and process.exitcode in MEMORY_ABORTS:
            raise PDFRenderMemoryError(memory_mb)
        raise PDFRenderError(f"The PDF renderer stopped unexpectedly ({process.exitcode}).")
    if status == "memory":
        raise PDFRenderMemoryError(memory_mb)
    if status != "ok":
        raise PDFRenderError(payload)
    return payload


# --- what is printed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedSection:
    number: int
    anchor: str
    title: str
    body: str


@dataclass(frozen=True)
class PrintedReport:
    """A report with everything the templates print, read in a few queries.

    `sections` are the written ones only (numbered in order); the titles of the empty ones are
    listed once in `unwritten_section` (None when every section is written) instead of each
    printing an empty chapter. `cover_kicker` and `cover_region` are False when the title
    already says them, so the cover shows the title once."""

    report: object
    anchor: str
    organisations: list
    sections: list[PrintedSection]
    indicators: list
    indicators_section: PrintedSection
    unwritten: list[str]
    unwritten_section: PrintedSection | None
    cover_kicker: bool
    cover_region: bool
    is_draft: bool
    status_label: str
    approved_at: datetime | None
    updated_at: datetime

    @property
    def chapters(self) -> list[PrintedSection]:
        return [*self.sections, self.indicators_section, *filter(None, [self.unwritten_section])]


def is_written(body: str) -> bool:
    """Whether a section's (sanitised) text has words or an image, not just empty markup."""
    return bool(strip_tags(body or "").strip()) or "<img" in (body or "")


def _printed(report) -> PrintedReport:
    from .models import ReportStatus

    region = report.region
    sections = list(report.sections.order_by("position"))
    anchor = f"r{report.pk}"
    approved = (
        entries_for(report).filter(to_state=ReportStatus.APPROVED).last()
        if report.status == ReportStatus.APPROVED
        else None
    )
    edits = [section.last_edited_at for section in sections if section.last_edited_at]
    written = [section for section in sections if is_written(section.body)]
    printed_sections = [
        PrintedSection(number, f"{anchor}-{section.key}", str(section.title), section.body)
        for number, section in enumerate(written, start=1)
    ]
    unwritten = [str(section.title) for section in sections if not is_written(section.body)]
    title = report.title.casefold()
    return PrintedReport(
        report=report,
        anchor=anchor,
        organisations=sorted_by_name(region.organisations.all()),
        sections=printed_sections,
        indicators=list(report.indicators.order_by("position", "pk")),
        indicators_section=PrintedSection(
            len(written) + 1, f"{anchor}-indicators", _("Indicators"), ""
        ),
        unwritten=unwritten,
        unwritten_section=PrintedSection(
            len(written) + 2, f"{anchor}-unwritten", _("Sections not written yet"), ""
        )
        if unwritten
        else None,
        cover_kicker=_("Situation Analysis Report").casefold() not in title,
        cover_region=region.name.casefold() not in title,
        is_draft=report.status != ReportStatus.APPROVED,
        status_label=str(report.get_status_display()),
        approved_at=approved.created_at if approved else None,
        updated_at=max([report.updated_at, *edits]),
    )


def _css_string(text: str) -> str:
    """`text` as a CSS string literal that is also safe inside <style>."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return '"' + escaped.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def _page_footer_content() -> str:
    """The translated "Page X of Y" as CSS `content`, with the page counters in it."""
    marker = "\x00"
    text = _("Page %(page)s of %(pages)s") % {"page": f"{marker}p", "pages": f"{marker}n"}
    tokens = []
    for part in re.split(f"({marker}[pn])", text):
        if part == f"{marker}p":
            tokens.append("counter(page)")
        elif part == f"{marker}n":
            tokens.append("counter(pages)")
        elif part:
            tokens.append(_css_string(part))
    return " ".join(tokens)


def _draft_background() -> str:
    """A diagonal translated "DRAFT" over the whole A4 page, as an SVG data: URI."""
    word = xml_escape(_("DRAFT"))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" '
        'viewBox="0 0 210 297"><text x="105" y="160" text-anchor="middle" '
        'transform="rotate(-54 105 148.5)" font-family="DejaVu Sans" font-weight="bold" '
        f'font-size="44" letter-spacing="4" fill="#b3261e" fill-opacity="0.13">{word}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def check_language(language: str) -> str:
    """`language` if it is one of `settings.LANGUAGES`; ValueError otherwise."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}: use one of settings.LANGUAGES.")
    return language


def render_document(template: str, context: dict, *, language: str) -> str:
    """A PDF template under `templates/pdf/` (extending `pdf/base.html`) rendered to the HTML
    WeasyPrint lays out: its labels in `language`, with the page furniture (header, "Page X of
    Y" footer, DRAFT background) that `pdf/base.html` expects."""
    with translation.override(language):
        context = {
            **context,
            "language": language,
            "footer_content": _page_footer_content(),
            "header_content": _css_string(
                pgettext("programme name", "Interreg Europe") + " · INTER VENTURES"
            ),
            "draft_background": _draft_background(),
        }
        return render_to_string(template, context)


def report_html(report, *, language: str) -> str:
    """The HTML that WeasyPrint lays out for one report, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = _printed(report)
    return render_document(
        "pdf/report.html", {"part": printed, "compendium": False}, language=language
    )


def reports_html(
    reports: Iterable,
    *,
    language: str,
    title: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    documents: dict[str, list[int]] | None = None,
) -> str:
    """The HTML of several reports in one document (general cover and contents first), then
    the chosen `documents` of other kinds (`{kind key: [id, ...]}`, `reports.compendium_parts`).
    Raises `compendium_parts.MissingDocuments` when one of those no longer exists."""
    check_language(language)
    reports = list(reports)
    documents = documents or {}
    total = len(reports) + sum(len(ids) for ids in documents.values())
    parts = []
    done = 0

    def count() -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, total)

    with translation.override(language):
        for report in reports:
            parts.append(_printed(report))
            count()
        others = [
            {"kind": kind, "parts": printed}
            for kind, printed in compendium_parts.printed_documents(
                documents, language=language, on_each=count
            )
        ]
        labels = [_("Situation Analysis Reports")] if reports or not others else []
        title = title or " · ".join([*labels, *(str(other["kind"].label) for other in others)])
    every_part = [*parts, *(part for other in others for part in other["parts"])]
    regions = [part.report.region.name for part in parts]
    regions += [part.region_name for other in others for part in other["parts"]]
    created = max((part.updated_at for part in every_part), default=None)
    return render_document(
        "pdf/compendium.html",
        {
            "parts": parts,
            "others": others,
            "regions": list(dict.fromkeys(regions)),
            "title": title,
            "created": created,
            "compendium": True,
        },
        language=language,
    )


# --- cached rendering ---------------------------------------------------------------------------


@functools.cache
def assets_version() -> str:
    """A hash of what the HTML does not contain but the PDF shows: the print CSS, fonts and
    images under `static/pdf/`, the EU emblem, WeasyPrint's version and TEMPLATE_VERSION.
    Computed once per process (the files change only with a deployment)."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{TEMPLATE_VERSION}|{version('weasyprint')}".encode())
    base = Path(settings.BASE_DIR)
    for name in ASSET_FILES:
        root = base / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.is_file():
                digest.update(str(file.relative_to(base)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(html: str, *, language: str) -> str:
    content = hashlib.sha256(html.encode()).hexdigest()
    return f"reports:pdf:{assets_version()}:{language}:{content}"


def cached_pdf(key: str) -> bytes | None:
    return caches["pdf"].get(key)


def is_cached(key: str) -> bool:
    """Whether the PDF of `key` is ready, without reading it."""
    return caches["pdf"].has_key(key)


def cache_pdf(key: str, content: bytes) -> None:
    caches["pdf"].set(key, content, CACHE_SECONDS)


def _cached_pdf(html: str, *, language: str, timeout: float | None) -> bytes:
    key = cache_key(html, language=language)
    pdf = cached_pdf(key)
    if pdf is None:
        pdf = pdf_from_html(html, timeout=timeout)
        cache_pdf(key, pdf)
    return pdf


def render_reports_pdf(
    reports: Iterable,
    *,
    language: str,
    on_progress: Callable[[int, int], None] | None = None,
    title: str | None = None,
    timeout: float | None = None,
    documents: dict[str, list[int]] | None = None,
) -> bytes:
    """Several reports in one PDF: a general cover and table of contents, then each report
    (its own title page and chapters; the DRAFT mark on the pages of reports not approved),
    then the chosen `documents` of other kinds, each the same way (`reports_html`).

    `on_progress(done, total)` is called as each part's HTML is prepared (quick: a few
    queries and a template each); the whole document is then laid out ONCE by WeasyPrint, so
    the contents show real page numbers across parts and the bookmarks nest part →
    chapter. The layout is the long step: it is not reported in between. Cached by
    `cache_key`, like a single report. The time limit is `timeout` seconds, by default
    `settings.PDF_RENDER_TIMEOUT_SECONDS` per part. Raises `PDFRenderTimeout`.
    """
    reports = list(reports)
    html = reports_html(
        reports, language=language, title=title, on_progress=on_progress, documents=documents
    )
    if timeout is None:
        parts = len(reports) + sum(len(ids) for ids in (documents or {}).values())
        timeout = render_timeout() * max(1, parts)
    return _cached_pdf(html, language=language, timeout=timeout)


# --- naming -------------------------------------------------------------------------------------


def content_version(report) -> int:
    """How many saves the report's text has had: the sum of its sections' versions."""
    return sum(report.sections.values_list("version", flat=True))


def pdf_filename(report) -> str:
    """`interventures-sar-<region>-<year>-v<version>.pdf`, ASCII only: the year is the end of
    the reference period (its last four-digit number), else the year it was created."""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", report.reference_period or "")
    year = years[-1] if years else str(report.created_at.year)
    region = re.sub(r"[^a-z0-9-]+", "", slugify(report.region.slug).lower()) or "region"
    return f"interventures-sar-{region}-{year}-v{content_version(report)}.pdf"

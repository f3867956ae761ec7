"""PDF export is safe by construction: hostile HTML that got past the sanitiser fetches nothing
from the network or the file system and embeds no file, and a pathological document cannot
hang the worker."""

import errno
import io
import multiprocessing
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

from reports import pdf
from reports.models import ReportSection


class CountingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        body = b"body{background:red}" if self.path.endswith(".css") else b"\x89PNG\r\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def hostile_html(port: int) -> str:
    origin = f"http://127.0.0.1:{port}"
    return "".join(
        [
            f'<p>Image <img src="{origin}/x.png" alt="x"></p>',
            '<p><img src="file:///etc/hostname" alt="h"></p>',
            f'<link rel="stylesheet" href="{origin}/a.css">',
            f"<style>@import url({origin}/b.css); p {{ background: url({origin}/c.png) }}</style>",
            f'<p style="background-image: url({origin}/d.png)">inline style</p>',
            '<p style="background: url(file:///etc/passwd)">inline file</p>',
            '<object data="file:///etc/passwd"></object>',
            f'<embed src="{origin}/e.png"><iframe src="{origin}/f.html"></iframe>',
            '<a rel="attachment" href="file:///etc/hostname">attached hostname</a>',
            '<a rel="attachment" href="file:///etc/passwd">attached passwd</a>',
            f'<a rel="attachment" href="{origin}/g.bin">attached remote</a>',
            '<link rel="attachment" href="file:///etc/passwd">',
            '<img src="../../../../etc/passwd" alt="relative">',
            '<img src="/static/../../../../etc/passwd" alt="static traversal">',
            '<img src="/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd" alt="encoded traversal">',
            '<img src="/media/../../../../etc/passwd" alt="media traversal">',
            f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{origin}/h.png"/></svg>',
            f'<p style="font-family: x"><style>@font-face {{ font-family: x; '
            f"src: url({origin}/i.ttf) }}</style>font</p>",
            f'<img src="ftp://127.0.0.1:{port}/j.png" alt="ftp">',
        ]
    )


def file_contents(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes().strip() or None
    except OSError:
        return None


def all_stream_data(reader: PdfReader) -> bytes:
    data = []
    for number in range(1, len(reader.xref_objStm) + reader.trailer["/Size"]):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: S112 - free or compressed slots
            continue
        if isinstance(obj, StreamObject):
            data.append(obj.get_data())
    return b"\n".join(data)


@pytest.mark.django_db(transaction=True)
def test_hostile_section_html_fetches_nothing_and_embeds_no_file(
    login, owner, report_a, server, fetch_pdf
):
    html = hostile_html(server.server_address[1])
    ReportSection.objects.filter(report=report_a, key="opportunities").update(body=html)
    ReportSection.objects.filter(report=report_a, key="swot").update(
        body='<base href="file:///etc/"><img src="passwd" alt="base">'
    )

    response = fetch_pdf(login(owner), report_a)

    assert response["Content-Type"] == "application/pdf"
    assert server.requests == []
    reader = PdfReader(io.BytesIO(response.content))
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert reader.attachments == {}
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object()["/Subtype"] != "/FileAttachment"
    streams = all_stream_data(reader)
    for path in ("/etc/hostname", "/etc/passwd"):
        contents = file_contents(path)
        # A file of a few bytes (a host named "vm") turns up by chance in compressed streams.
        if contents and len(contents) >= 16:
            assert contents not in response.content
            assert contents not in streams
    assert b"root:x:0:0" not in streams


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/x.png",
        "https://example.org/static/pdf/print.css",
        "https://portal.invalid.example.org/static/pdf/print.css",
        "https://user@evil.example/static/pdf/print.css",
        "http://portal.invalid/static/pdf/print.css",
        "https://portal.invalid:8443/static/pdf/print.css",
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1/x",
        "https://portal.invalid/etc/passwd",
        "https://portal.invalid/static/../../../../etc/passwd",
        "https://portal.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/static/pdf/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/static//etc/passwd",
        "https://portal.invalid/static/pdf/..%5c..%5cetc/passwd",
        "https://portal.invalid/media/../../etc/passwd",
        "https://portal.invalid/media/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/media/logos/nothing-here.png",
    ],
)
def test_the_fetcher_refuses_everything_but_own_static_media_and_data(url):
    with pytest.raises(pdf.UnsafeURLError):
        pdf.safe_url_fetcher(url)


def test_the_fetcher_serves_static_files_media_files_and_data_uris(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "logos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "logos" / "a.svg").write_bytes(b"<svg/>")
    (tmp_path / "secret.txt").write_text("secret")

    css = pdf.safe_url_fetcher(pdf.BASE_URL + "static/pdf/print.css")
    assert css.content_type == "text/css"
    assert b"@page" in css.read()
    emblem = pdf.safe_url_fetcher(pdf.BASE_URL + "static/img/eu-emblem.svg")
    assert emblem.content_type == "image/svg+xml"
    logo = pdf.safe_url_fetcher(pdf.BASE_URL + "media/logos/a.svg")
    assert logo.read() == b"<svg/>"
    data = pdf.safe_url_fetcher("data:text/plain;base64,aGVsbG8=")
    assert data.read() == b"hello"
    with pytest.raises(pdf.UnsafeURLError):
        pdf.safe_url_fetcher(pdf.BASE_URL + "media/../secret.txt")
    (settings.MEDIA_ROOT / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(pdf.UnsafeURLError):
        pdf.safe_url_fetcher(pdf.BASE_URL + "media/link.txt")


def nested_tables(chars: int) -> str:
    cell = "<table><tr><td>Nested cell text</td><td>{}</td></tr></table>"
    html = "x"
    while len(html) < chars:
        html = cell.format(html) + "<table><tr>" + "<td>1</td>" * 20 + "</tr></table>"
    return html


@pytest.mark.django_db(transaction=True)
def test_a_pathological_document_is_stopped_at_the_time_limit(
    login, owner, report_a, settings, run_worker, empty_pdf_cache
):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 1
    body = nested_tables(200_000)
    assert len(body) >= 200_000
    ReportSection.objects.filter(report=report_a, key="swot").update(body=body)
    client = login(owner)

    assert client.get(f"/reports/{report_a.pk}/pdf/").status_code == 200  # the progress page
    started = time.monotonic()
    run_worker()
    elapsed = time.monotonic() - started
    response = client.get(f"/reports/{report_a.pk}/pdf/")

    assert response.status_code == 503
    assert "took longer than the limit of 1 seconds" in " ".join(response.content.decode().split())
    assert elapsed < 10
    assert multiprocessing.active_children() == []  # the renderer was killed and reaped
    html = pdf.report_html(report_a, language="en")
    assert not pdf.is_cached(pdf.cache_key(html, language="en"))


def test_a_document_needing_more_memory_than_the_limit_is_stopped(big_report, settings):
    """The limit is what a layout may add to what the process already maps: 64 MB is far less
    than the few hundred MB these tables take to lay out."""
    settings.PDF_RENDER_MEMORY_MB = 64

    with pytest.raises(pdf.PDFRenderMemoryError) as stopped:
        pdf.pdf_from_html(pdf.report_html(big_report, language="en"))

    assert stopped.value.megabytes == settings.PDF_RENDER_MEMORY_MB
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    "error",
    [
        MemoryError(),
        SystemError("error return without exception set"),
        OSError(errno.ENOMEM, "Cannot allocate memory"),
    ],
    ids=["MemoryError", "a C extension's NULL", "ENOMEM"],
)
def test_every_way_an_allocation_fails_under_the_limit_counts_as_the_memory_limit(error):
    assert pdf._out_of_memory(error)


def test_other_failures_are_not_taken_for_the_memory_limit():
    assert not pdf._out_of_memory(ValueError("bad CSS"))
    assert not pdf._out_of_memory(OSError(errno.ENOENT, "No such file"))

"""The portal on several machines: two web servers, two workers, one of each shared service.

Starts, from two clones of the committed project in two folders (so that neither can find the
other's files on its disk): web server A and web server B (gunicorn, gunicorn.conf.py, two
workers each) and one background worker beside each; one fresh PostgreSQL database, one Redis
database (REDIS_URL) and moto's S3 server (S3_BUCKET: uploads, compendiums). Then checks, each
printed PASS, FAIL or SKIP:

- a session opened on A is honoured by B (sessions in the database);
- a compendium requested through A is built by whichever worker claims it, into the shared
  bucket, and downloaded through B;
- a public page cached through A is invalidated by a write through B (the page cache keyed by
  content versions, interventures/public_pages.py), within the second for which each process
  of A trusts the versions it has read;
- failed sign-ins counted on A refuse the next attempt on B (allauth's limits in Redis).

Exits non-zero when a check fails. Development settings with DEBUG off: the production ones
insist on HTTPS, which a bench on 127.0.0.1 does not have; caches, storage and sessions are
configured alike. Environment: PG_TEST_URL (a role that may create databases, as for
`make test-postgres`), SCALEOUT_REDIS_URL (redis://127.0.0.1:6379/11, emptied first).
"""

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import boto3
import psycopg
import redis
import requests
from moto.server import ThreadedMotoServer

# moto's server logs every request it answers.
logging.getLogger("werkzeug").setLevel(logging.ERROR)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_URL = os.environ.get(
    "PG_TEST_URL", "postgres://interventures:interventures@127.0.0.1:5432/interventures"
)
REDIS_URL = os.environ.get("SCALEOUT_REDIS_URL", "redis://127.0.0.1:6379/11")
COORDINATOR = "coordinator@demo.interventures.eu"
PASSWORD = "interventures-demo"  # noqa: S105 - the demo data's published password
# The demo coordinator's second factor, as published in the README.
TOTP_SECRET = "LQ55RD4ZVROLSLK73CI6GQJKMEI6OWZK"  # noqa: S105
COMPENDIUM_TIMEOUT_SECONDS = 240
# Generous: a machine shared with other work may take seconds over a sign-in.
TIMEOUT = 60
# The portal's default PUBLIC_PAGE_LOCAL_SECONDS, which the servers here keep.
LOCAL_SECONDS = 1
# The name visitors use, which the load balancer passes to every web server (allauth keys its
# sign-in limits by it, among others).
PUBLIC_HOST = "portal.example.org"

results: list[tuple[str, str, str]] = []


def report(check: str, outcome: str, detail: str = "") -> None:
    results.append((check, outcome, detail))
    print(f"{outcome:<5} {check}{f' ({detail})' if detail else ''}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def totp_now(secret: str) -> str:
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Forms(HTMLParser):
    """Every form of a page, with the fields a browser would send unchanged: inputs, checked
    boxes, selected options (else the first), textareas."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.names: list[set[str]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._textarea = False
        self._first_option: tuple[str, str] | None = None
        self._selected = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._fields = []
            self.forms.append(self._fields)
            self.names.append(set())
        if self._fields is None or "disabled" in a:
            return
        name = a.get("name")
        if name:
            self.names[-1].add(name)
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio"):
                self._fields.append((name, a.get("value") or ""))
            elif "checked" in a:
                self._fields.append((name, a.get("value") or "on"))
        elif tag == "select" and name:
            self._select, self._first_option, self._selected = name, None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            self._first_option = self._first_option or (self._select, value)
            if "selected" in a:
                self._fields.append((self._select, value))
                self._selected = True
        elif tag == "textarea" and name:
            self._textarea = True
            self._fields.append((name, ""))

    def handle_data(self, data):
        if self._textarea and self._fields:
            name, text = self._fields[-1]
            self._fields[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = False
        elif tag == "select" and self._select and self._fields is not None:
            if not self._selected and self._first_option:
                self._fields.append(self._first_option)
            self._select = None
        elif tag == "form":
            self._fields = None


def form_fields(html: str, containing: str) -> list[tuple[str, str]]:
    """The fields of the page's first form that has a field named `containing`."""
    parser = Forms()
    parser.feed(html)
    for fields, names in zip(parser.forms, parser.names, strict=True):
        if containing in names:
            return fields
    raise LookupError(f"no form with a field {containing!r}")


class Cluster:
    """The services and the two machines; `stop()` ends every process it started."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.database = f"interventures_scaleout_{os.getpid()}"
        self.moto: ThreadedMotoServer | None = None
        self.urls: dict[str, str] = {}

    # --- shared services ---

    def start_services(self) -> dict[str, str]:
        with psycopg.connect(PG_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.moto.start()
        host, port = self.moto.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        self.s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",  # noqa: S106 - moto accepts any credentials
        )
        self.bucket = "interventures-scaleout"
        self.s3.create_bucket(Bucket=self.bucket)
        parts = urlsplit(PG_URL)
        return {
            "DJANGO_SETTINGS_MODULE": "interventures.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"127.0.0.1,{PUBLIC_HOST}",
            "DATABASE_URL": urlunsplit(parts._replace(path=f"/{self.database}")),
            "REDIS_URL": REDIS_URL,
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "bench",
            "S3_SECRET_ACCESS_KEY": "bench",
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }

    # --- the two machines ---

    def clone(self, name: str) -> None:
        """The committed project in a folder of its own: one machine's disk."""
        clone = ["git", "clone", "--quiet", str(ROOT), str(self.folder / name)]
        subprocess.run(clone, check=True)  # noqa: S603

    def start(self, name: str, environment: dict[str, str]) -> str:
        """The machine's web server and background worker; the web server's address."""
        clone = self.folder / name
        port = free_port()
        env = {**os.environ, **environment, "PORT": str(port)}
        log = (self.folder / f"{name}.log").open("w")
        for command in (
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
             "--no-control-socket",
             "interventures.wsgi"],
            [PYTHON, "manage.py", "db_worker", "--queue-name", "default", "--worker-id", name],
        ):  # fmt: skip
            self.processes.append(
                subprocess.Popen(  # noqa: S603 - this project's Python in its own clone
                    command,
                    cwd=clone,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(f"{url}/healthz", timeout=20).status_code == 200:
                    self.urls[name] = url
                    return url
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"web server {name} did not answer; see {self.folder / name}.log")

    def manage(self, name: str, environment: dict[str, str], *args: str) -> None:
        command = [PYTHON, "manage.py", *args]
        env = {**os.environ, **environment}
        quiet = {"stdout": subprocess.DEVNULL, "check": True}
        # This project's Python in its own clone.
        subprocess.run(command, cwd=self.folder / name, env=env, **quiet)  # noqa: S603

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if self.moto:
            self.moto.stop()
        with psycopg.connect(PG_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


# --- the checks ---------------------------------------------------------------------------------


def browser() -> requests.Session:
    """A visitor reaching either machine through the load balancer's name."""
    session = requests.Session()
    session.headers["Host"] = PUBLIC_HOST
    return session


def sign_in(session: requests.Session, url: str, email: str, password: str) -> requests.Response:
    page = session.get(f"{url}/accounts/login/", timeout=TIMEOUT)
    fields = dict(form_fields(page.text, "login"))
    fields.update(login=email, password=password)
    return session.post(
        f"{url}/accounts/login/", data=fields, headers={"Referer": page.url}, timeout=TIMEOUT
    )


def check_session(a: str, b: str) -> requests.Session:
    session = browser()
    answer = sign_in(session, a, COORDINATOR, PASSWORD)
    for _ in range(3):
        if "/2fa/" not in answer.url:
            break
        # A code sent in the last seconds of its 30 may arrive in the next (a loaded machine).
        if time.time() % 30 > 25:
            time.sleep(30 - time.time() % 30)
        fields = dict(form_fields(answer.text, "code"))
        fields["code"] = totp_now(TOTP_SECRET)
        answer = session.post(
            answer.url, data=fields, headers={"Referer": answer.url}, timeout=TIMEOUT
        )
    on_b = session.get(f"{b}/dashboard/", timeout=TIMEOUT, allow_redirects=False)
    if on_b.status_code == 200:
        report("a session opened on A is honoured by B", "PASS")
    else:
        detail = f"signed in on A at {answer.url}; B answered {on_b.status_code}"
        report("a session opened on A is honoured by B", "FAIL", detail)
    return session


def check_compendium(cluster: Cluster, session: requests.Session, a: str, b: str) -> None:
    check = "a compendium requested through A is built by a worker and downloaded through B"
    form = session.get(f"{a}/reports/compendium/new/", timeout=TIMEOUT)
    fields = form_fields(form.text, "reports")
    # Every report, approved or not (the demo's may all be drafts).
    fields += [
        ("reports", value)
        for value in re.findall(r'name="reports" value="([^"]+)"', form.text)
        if ("reports", value) not in fields
    ]
    answer = session.post(
        form.url, data=fields, headers={"Referer": form.url}, timeout=TIMEOUT, allow_redirects=False
    )
    location = answer.headers.get("Location", "")
    match = re.search(r"/compendium/([0-9a-f-]{36})/", location)
    if answer.status_code != 302 or not match:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', answer.text)
        report(check, "FAIL", f"the request through A answered {answer.status_code}: {errors}")
        return
    pk = match.group(1)
    started = time.monotonic()
    status: dict = {}
    while time.monotonic() - started < COMPENDIUM_TIMEOUT_SECONDS:
        status = session.get(f"{b}/reports/compendium/{pk}/status/", timeout=TIMEOUT).json()
        if status.get("finished"):
            break
        time.sleep(1)
    download = session.get(f"{b}/reports/compendium/{pk}/download/", timeout=TIMEOUT)
    stored = cluster.s3.list_objects_v2(Bucket=cluster.bucket, Prefix="private/compendiums/")
    in_bucket = [item["Key"] for item in stored.get("Contents", [])]
    on_disk = list(cluster.folder.glob("*/private/**/*.pdf"))
    workers = worker_that_built(cluster, pk)
    ok = (
        download.status_code == 200
        and download.content.startswith(b"%PDF")
        and in_bucket
        and not on_disk
    )
    report(
        check,
        "PASS" if ok else "FAIL",
        f"{len(download.content) // 1024} KB in {time.monotonic() - started:.0f} s by worker "
        f"{workers}, stored as {in_bucket}; status {status.get('status')}, download "
        f"{download.status_code}, files on a machine's disk: {len(on_disk)}",
    )


def worker_that_built(cluster: Cluster, compendium: str) -> str:
    parts = urlsplit(PG_URL)
    url = urlunsplit(parts._replace(path=f"/{cluster.database}"))
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE args_kwargs::text LIKE %s ORDER BY enqueued_at DESC LIMIT 1",
            (f"%{compendium}%",),
        ).fetchone()
    return ", ".join(row[0]) if row else "unknown"


def check_page_cache(cluster: Cluster, session: requests.Session, a: str, b: str) -> None:
    check = "a page cached through A is invalidated by a write through B"
    if not (cluster.folder / "a" / "interventures" / "public_pages.py").exists():
        report(check, "SKIP", "the page cache (interventures/public_pages.py) is not committed")
        return
    # The event list, which names every event: its render is kept in the shared cache.
    page = f"{a}/events/"
    first = browser().get(page, timeout=TIMEOUT)
    second = browser().get(page, timeout=TIMEOUT)
    served_again = second.headers.get("ETag") == first.headers.get("ETag") is not None
    slugs = re.findall(r'href="/events/([a-z0-9-]+)/"', first.text)
    if not slugs:
        report(check, "FAIL", "no event on /events/ to change")
        return
    edit = session.get(f"{b}/events/{slugs[0]}/edit/", timeout=TIMEOUT)
    fields = form_fields(edit.text, "title")
    marker = f"Changed on B {secrets.token_hex(3)}"
    fields = [(name, marker if name == "title" else value) for name, value in fields]
    saved = session.post(
        edit.url, data=fields, headers={"Referer": edit.url}, timeout=TIMEOUT, allow_redirects=False
    )
    # Each process of A trusts the versions it read for PUBLIC_PAGE_LOCAL_SECONDS (1 s); on a
    # loaded machine (CI) the requests' own time comes on top, so allow a few seconds more (a
    # stale render would otherwise stay for PUBLIC_PAGE_CACHE_SECONDS, 15 minutes).
    written = time.monotonic()
    while True:
        after = browser().get(page, timeout=TIMEOUT)
        waited = time.monotonic() - written
        if marker in after.text or waited > LOCAL_SECONDS + 3:
            break
        time.sleep(0.05)
    ok = served_again and saved.status_code == 302 and marker in after.text
    report(
        check,
        "PASS" if ok else "FAIL",
        f"ETag before {first.headers.get('ETag')}, after {after.headers.get('ETag')}; "
        f"the edit through B answered {saved.status_code}; the new title on A: "
        f"{marker in after.text}, {waited:.2f} s after the write",
    )


def check_rate_limit(a: str, b: str) -> None:
    check = "failed sign-ins counted on A refuse the next attempt on B"
    refused = "Too many failed login attempts"
    email = "viewer.pecs@demo.interventures.eu"
    control = sign_in(browser(), b, "viewer.lombardy@demo.interventures.eu", "wrong-1")
    tries = 0
    for tries in range(1, 11):
        answer = sign_in(browser(), a, email, f"wrong-password-{tries}")
        if refused in answer.text:
            break
    on_b = sign_in(browser(), b, email, "wrong-password-b")
    ok = refused not in control.text and refused in on_b.text
    report(check, "PASS" if ok else "FAIL", f"A refused after {tries - 1} failures; B refuses")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="interventures-scaleout-"))
    cluster = Cluster(folder)
    try:
        environment = cluster.start_services()
        cluster.clone("a")
        cluster.clone("b")
        print(f"Machines in {folder}; database {cluster.database}", flush=True)
        cluster.manage("a", environment, "migrate", "--no-input", "--skip-checks")
        cluster.manage("a", environment, "seed_demo")
        a, b = cluster.start("a", environment), cluster.start("b", environment)
        print(f"A on {a}, B on {b}", flush=True)
        session = check_session(a, b)
        check_compendium(cluster, session, a, b)
        check_page_cache(cluster, session, a, b)
        check_rate_limit(a, b)
        if any(outcome == "FAIL" for _, outcome, _ in results):
            for log in sorted(folder.glob("*.log")):
                print(f"--- the end of {log.name}", *log.read_text().splitlines()[-30:], sep="\n")
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    failed = [check for check, outcome, _ in results if outcome == "FAIL"]
    print(f"{len(results) - len(failed)} of {len(results)} checks did not fail", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

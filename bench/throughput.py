"""Requests per second of the public pages, as a share of a bare Django view's.

Starts, in the same gunicorn configuration (gunicorn.conf.py, two sync workers): the portal with
production settings on a fresh PostgreSQL database filled with the demo data, once with the page
cache on (Redis, as in production) and once with it off (PUBLIC_PAGE_CACHE=false); and a bare
Django project generated in a temporary folder (`startproject`'s settings) whose one view renders
a template of the size of the portal's home page. wrk loads each public page, then the bare view,
for THROUGHPUT_SECONDS each (4), in three interleaved rounds, so that the machine's other work
weighs on both alike. Prints req/s, p50 and p99 per page and round and the page's share of the
bare view's req/s; the worst round is kept. Targets: 80 % with the page cache warm, 40 % with it
off. Also checks that a page's ETag sent back in If-None-Match is answered 304.

Environment: PG_TEST_URL (a role that may create databases), THROUGHPUT_REDIS_URL
(redis://127.0.0.1:6379/12, emptied first), THROUGHPUT_SECONDS, THROUGHPUT_CONNECTIONS (8).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_URL = os.environ.get(
    "PG_TEST_URL", "postgres://interventures:interventures@127.0.0.1:5432/interventures"
)
REDIS_URL = os.environ.get("THROUGHPUT_REDIS_URL", "redis://127.0.0.1:6379/12")
SECONDS = int(os.environ.get("THROUGHPUT_SECONDS", "4"))
CONNECTIONS = int(os.environ.get("THROUGHPUT_CONNECTIONS", "8"))
ROUNDS = 3
TARGETS = {"cache warm": 0.80, "cache off": 0.40}

BARE_VIEW = """from django.shortcuts import render
from django.urls import path


def page(request):
    return render(request, "page.html", {"title": "A bare page"})


urlpatterns = [path("", page)]
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk(url: str) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 in milliseconds."""
    output = subprocess.run(  # noqa: S603 - wrk from Debian (make test-tools)
        ["/usr/bin/wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(output, "50%"), latency(output, "99%")


def latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


class Servers:
    """The database, the gunicorns; `stop()` ends every process it started and drops the base."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.database = f"interventures_throughput_{os.getpid()}"
        self.processes: list[subprocess.Popen] = []

    def portal_environment(self) -> dict[str, str]:
        with psycopg.connect(PG_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(REDIS_URL).flushdb()
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "interventures.settings.prod",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on 127.0.0.1: no redirect to HTTPS (a proxy terminates TLS in production).
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": urlunsplit(urlsplit(PG_URL)._replace(path=f"/{self.database}")),
            "REDIS_URL": REDIS_URL,
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }

    def gunicorn(self, name: str, folder: Path, module: str, env: dict[str, str]) -> str:
        port = free_port()
        log = (self.folder / f"{name}.log").open("w")
        command = [
            PYTHON, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
            "--bind", f"127.0.0.1:{port}", "--no-control-socket",
            # The access log of both servers off: wrk's requests would fill the disk.
            "--access-logfile", "/dev/null", module,
        ]  # fmt: skip
        self.processes.append(
            subprocess.Popen(  # noqa: S603 - this project's Python
                command,
                cwd=folder,
                env={**env, "PYTHONPATH": str(ROOT)},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                requests.get(f"{url}/", timeout=20)
                return url
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError(f"{name} did not answer; see {self.folder / name}.log")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)
        with psycopg.connect(PG_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - this project's manage.py
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def bare_project(folder: Path, html: str) -> Path:
    """`startproject`'s project with one view rendering a template as long as `html`."""
    folder.mkdir()
    subprocess.run(  # noqa: S603 - Django's own command
        [PYTHON, "-m", "django", "startproject", "bare", str(folder)], check=True
    )
    (folder / "templates").mkdir()
    # The portal's page as a template: the same bytes to send, with one variable to fill.
    before, after = re.split(r"<title>.*?</title>", html, maxsplit=1, flags=re.S)
    verbatim = "{%% verbatim %%}%s{%% endverbatim %%}"
    template = f"{verbatim % before}<title>{{{{ title }}}}</title>{verbatim % after}"
    (folder / "templates" / "page.html").write_text(template)
    settings = (folder / "bare" / "settings.py").read_text()
    settings = settings.replace("DEBUG = True", "DEBUG = False")
    settings = settings.replace("ALLOWED_HOSTS = []", "ALLOWED_HOSTS = ['127.0.0.1']")
    settings = settings.replace("'DIRS': []", "'DIRS': [BASE_DIR / 'templates']").replace(
        '"DIRS": []', '"DIRS": [BASE_DIR / "templates"]'
    )
    (folder / "bare" / "settings.py").write_text(settings)
    (folder / "bare" / "urls.py").write_text(BARE_VIEW)
    return folder


def public_pages(env: dict[str, str]) -> list[str]:
    found = manage(
        env,
        "shell",
        "-c",
        "from practices.models import GoodPractice\n"
        "from reports.models import SituationAnalysisReport\n"
        "print(GoodPractice.objects.filter(status='published').first().get_absolute_url())\n"
        "print(SituationAnalysisReport.objects.filter(status='approved').first()"
        ".get_absolute_url())",
    ).split()
    practice, report = found[-2], found[-1]
    return [
        "/",
        "/practices/",
        "/practices/?q=women",
        practice,
        "/events/",
        "/regions/",
        report,
        "/events/calendar.ics",
        "/practices/export.csv",
    ]


def check_304(url: str) -> str:
    first = requests.get(url, timeout=10)
    tag = first.headers.get("ETag")
    if not tag:
        return f"FAIL  no ETag on {url}"
    again = requests.get(url, headers={"If-None-Match": tag}, timeout=10)
    outcome = "PASS" if again.status_code == 304 and not again.content else "FAIL"
    return f"{outcome}  If-None-Match {tag} on {url} answered {again.status_code}"


def measure(label: str, portal: str, bare: str, pages: list[str]) -> bool:
    print(f"\n{label}: {ROUNDS} rounds of {SECONDS} s, {CONNECTIONS} connections", flush=True)
    print(f"{'page':<44}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'bare req/s':>11}{'ratio':>7}")
    worst: dict[str, float] = {}
    for round_number in range(1, ROUNDS + 1):
        for page in pages:
            requests.get(f"{portal}{page}", timeout=10)  # the cache warm, when it is on
            rate, p50, p99 = wrk(f"{portal}{page}")
            bare_rate, _, _ = wrk(f"{bare}/")
            ratio = rate / bare_rate
            worst[page] = min(worst.get(page, ratio), ratio)
            print(
                f"{round_number} {page[:42]:<42}{rate:>9.0f}{p50:>8.1f}{p99:>8.1f}"
                f"{bare_rate:>11.0f}{ratio:>7.2f}",
                flush=True,
            )
    target = TARGETS[label]
    print(f"{label}: the worst round per page (target {target:.0%} of the bare view)")
    for page, ratio in worst.items():
        print(f"  {'PASS' if ratio >= target else 'FAIL'}  {ratio:>5.0%}  {page}")
    print(f"  median of the worst: {statistics.median(worst.values()):.0%}")
    return all(ratio >= target for ratio in worst.values())


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="interventures-throughput-"))
    servers = Servers(folder)
    try:
        env = servers.portal_environment()
        print(f"Database {servers.database}: migrate, demo data, static files", flush=True)
        manage(env, "migrate", "--no-input", "--skip-checks")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--no-input")
        pages = public_pages(env)
        cached = servers.gunicorn("portal", ROOT, "interventures.wsgi", env)
        uncached = servers.gunicorn(
            "portal-uncached", ROOT, "interventures.wsgi", {**env, "PUBLIC_PAGE_CACHE": "false"}
        )
        for page in pages:
            answer = requests.get(f"{cached}{page}", timeout=60)
            if answer.status_code != 200:
                log = (folder / "portal.log").read_text()[-3000:]
                raise RuntimeError(
                    f"{page} answered {answer.status_code}; the server's log:\n{log}"
                )
        home = requests.get(f"{cached}/", timeout=10).text
        bare_folder = bare_project(folder / "bare", home)
        bare_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bare.settings", "WEB_CONCURRENCY": "2"}
        bare = servers.gunicorn("bare", bare_folder, "bare.wsgi", bare_env)
        bare_size = len(requests.get(f"{bare}/", timeout=10).content)
        print(f"The bare view sends {bare_size} bytes; the portal's home page {len(home)}")
        print(check_304(f"{cached}{pages[3]}"), flush=True)
        passed = [
            measure("cache warm", cached, bare, pages),
            measure("cache off", uncached, bare, pages),
        ]
    finally:
        servers.stop()
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if all(passed) else 1)


if __name__ == "__main__":
    main()

"""How long a newcomer waits for the first page of `make run`.

Clones the committed project into a temporary folder and times `make run` until its home page
answers: once from the fresh clone (virtualenv, packages from the package manager's warm cache,
migrations, demo data) and three times more on the same clone, as on every later start. Prints
seconds; the targets are 60 s for the first start and 10 s for the others.
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 300
LATER_STARTS = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seconds_to_first_page(folder: Path) -> float:
    port = free_port()
    started = time.monotonic()
    server = subprocess.Popen(  # noqa: S603 (make, in a clone of this project)
        ["make", "run", f"PORT={port}"],  # noqa: S607 (make from PATH, as the README says)
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # one group: the web server and the worker stop together
    )
    try:
        while time.monotonic() - started < TIMEOUT_SECONDS:
            if server.poll() is not None:
                raise RuntimeError(f"make run stopped with exit code {server.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    if page.status == 200:
                        return time.monotonic() - started
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"no page after {TIMEOUT_SECONDS} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="interventures-startup-") as folder:
        clone = Path(folder) / "portal"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)  # noqa: S603, S607
        first = seconds_to_first_page(clone)
        print(f"make run, fresh clone, to the first page: {first:5.1f} s (target 60 s)")
        later = [seconds_to_first_page(clone) for _ in range(LATER_STARTS)]
        print(
            f"make run, later starts, to the first page: median {statistics.median(later):4.1f} s, "
            f"worst {max(later):4.1f} s of {LATER_STARTS} (target 10 s)"
        )


if __name__ == "__main__":
    sys.exit(main())

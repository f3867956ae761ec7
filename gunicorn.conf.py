"""Gunicorn in production: `gunicorn interventures.wsgi`, started in this folder, reads this file.

Timeouts, from the outside in (README, "Timeouts"): the proxy's read timeout (nginx: 60 s by
default) > `timeout` here (30 s) > the longest web request (about a second: no web request
lays out a PDF, the background worker does, within PDF_RENDER_TIMEOUT_SECONDS). A worker
silent for `timeout` seconds is killed and restarted.

Environment (also read from `.env`, like the app): PORT (8000); WEB_CONCURRENCY, the number of
workers (two per CPU core, plus one).
"""

import multiprocessing

from interventures.settings.env import env_int, read_dotenv_file

read_dotenv_file()

bind = f"0.0.0.0:{env_int('PORT', 8000)}"
workers = env_int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
timeout = 30
# On SIGTERM (a restart, a deployment) requests under way get this long to finish.
graceful_timeout = 30
# The workers' heartbeat files: in memory, so a slow or full disk cannot make gunicorn take a
# busy worker for a hung one (gunicorn's own advice; it creates and unlinks them itself).
worker_tmp_dir = "/dev/shm"  # noqa: S108
accesslog = "-"
errorlog = "-"

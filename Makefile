# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
TOOLS := .tools
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

# The first Python >= 3.12 that really runs (a pyenv shim may exist without working).
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	"$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$c" || echo "$$c"; } && break; done)
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run worker setup test test-postgres lint format messages bench browser-deps clean

# The background worker (compendium PDFs) runs beside the web server and stops with it (Ctrl-C).
run: setup ## Install, migrate, load the demo data and serve the portal on http://$(HOST):$(PORT)
	$(MANAGE) seed_demo
	@echo "INTER VENTURES runs on http://$(HOST):$(PORT)/ (demo password: interventures-demo)"
	@$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

worker: setup ## Only the background worker (django-tasks-db), e.g. beside another web server
	$(MANAGE) db_worker

setup: $(VENV)/.synced
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

test: $(VENV)/.synced browser-deps ## Run the whole suite (DATABASE_URL selects PostgreSQL)
	$(VENV)/bin/pytest

test-postgres: ## The suite against the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://127.0.0.1:5432/interventures} $(MAKE) test

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.synced
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The translators' catalogues. File names without line numbers: an edit elsewhere in a file
# does not touch every entry below it, yet a translator still sees where a string is used.
TRANSLATED := it hu pl es lt
messages: $(VENV)/.synced ## Update locale/*/LC_MESSAGES/django.po from the code, and compile them
	$(MANAGE) makemessages $(addprefix --locale=,$(TRANSLATED)) --add-location=file --no-obsolete \
		--ignore=.venv --ignore=.tools --ignore=node_modules --ignore=tests --ignore=bench \
		--ignore=staticfiles --ignore=media --ignore=private
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools

bench: setup
	$(MANAGE) seed_demo
	@for script in bench/*.py; do echo "== $$script"; $(PY) "$$script" || exit 1; done

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (none found on PATH)"; exit 1; }
	$(UV) sync --frozen
	@touch $@

$(TOOLS)/bin/uv:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (none found on PATH)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv

# Browser tests drive Debian's Chromium; Playwright's own browser download cannot be used.
# gettext: the catalogue test (tests/i18n) runs makemessages to compare the .po files.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null || ! command -v msgfmt >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-dejavu-core gettext; \
		else \
			echo "Install Chromium for the browser tests: sudo apt-get install chromium poppler-utils gettext"; \
		fi; \
	fi

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles .pytest_cache .ruff_cache

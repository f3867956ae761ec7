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

# Tests run in parallel, one worker per core (pytest-xdist); WORKERS=1 runs them in one process.
WORKERS ?= auto
PYTEST := $(VENV)/bin/pytest -n $(WORKERS)
# The PostgreSQL that `make test-postgres` uses; `scripts/postgres-for-tests` makes this role and
# database (PGTEST_USER, PGTEST_PASSWORD, PGTEST_DATABASE change them).
PG_TEST_URL ?= postgres://interventures:interventures@127.0.0.1:5432/interventures
# What depends on the database. Browser tests and page sweeps (every page × role: axe, Nu HTML
# checker, pseudo-localisation) read pages whose markup does not: CI runs them on SQLite only.
DATABASE_TESTS := not browser and not sweep

.PHONY: run worker setup test test-quick test-postgres postgres typecheck lint format messages \
	bench test-tools hooks install-production clean

# The background workers run beside the web server and stop with it (Ctrl-C): one for PDFs,
# one for emails, so that a long PDF layout never holds up an email.
WORKERS_START = $(MANAGE) db_worker --queue-name default & pdfs=$$!; \
	$(MANAGE) db_worker --queue-name email & emails=$$!; \
	trap 'kill $$pdfs $$emails 2>/dev/null; wait $$pdfs $$emails 2>/dev/null' EXIT

run: setup ## Install, migrate, load the demo data and serve the portal on http://$(HOST):$(PORT)
	$(MANAGE) seed_demo
	@echo "INTER VENTURES runs on http://$(HOST):$(PORT)/ (demo password: interventures-demo)"
	@$(WORKERS_START); \
	$(MANAGE) runserver $(HOST):$(PORT)

worker: setup ## Only the background workers (django-tasks-db), e.g. beside another web server
	@$(WORKERS_START); \
	wait

# The system checks run once, in the server or worker that follows (and in CI): not here too.
setup: $(VENV)/.synced
	$(MANAGE) migrate --no-input --skip-checks

test: $(VENV)/.synced test-tools ## Every test, browser included, on SQLite (or DATABASE_URL)
	$(PYTEST)

test-quick: $(VENV)/.synced test-tools ## Everything but the browser tests: the inner loop
	$(PYTEST) -m "not browser"

test-postgres: $(VENV)/.synced postgres ## The database-dependent tests on a local PostgreSQL
	DATABASE_URL=$(PG_TEST_URL) $(PYTEST) -m "$(DATABASE_TESTS)"

postgres: ## Install (as root) and start PostgreSQL; create the role and database of PG_TEST_URL
	scripts/postgres-for-tests

typecheck: $(VENV)/.synced ## mypy with django-stubs over the access, services and selectors layers
	$(VENV)/bin/mypy

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

hooks: $(VENV)/.synced ## Run ruff and the migrations check before each commit (pre-commit)
	$(VENV)/bin/pre-commit install

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

# A server needs the portal's own packages only: no test or lint tools.
install-production: | $(UV) ## Install the locked dependencies without the development group
	$(UV) sync --frozen --no-dev
	@rm -f $(VENV)/.synced

$(TOOLS)/bin/uv:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (none found on PATH)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv

# The tools some tests drive, from Debian: Chromium (browser tests; Playwright's own browser
# download cannot be used), poppler (PDF pages), DejaVu fonts (PDFs), gettext (the catalogue
# test runs makemessages), Java and npm (the W3C Nu HTML checker, vnu.jar from the npm registry),
# Redis (the shared cache's tests, the scale-out check; .ci/run starts it), wrk (`make bench`) and
# LibreOffice Writer without its GUI (the Word exports are opened and printed as a reader would).
TEST_PACKAGES := chromium poppler-utils fonts-dejavu-core gettext default-jre-headless npm \
	redis-server wrk libreoffice-writer-nogui
# Only what is missing is installed: a machine whose Node.js comes from elsewhere (NodeSource)
# already has npm, and Debian's npm package conflicts with that nodejs.
MISSING_TEST_PACKAGES = $(strip \
	$(if $(wildcard /usr/bin/chromium),,chromium) \
	$(if $(shell command -v pdftoppm),,poppler-utils) \
	$(if $(shell fc-list 2>/dev/null | grep -i dejavu),,fonts-dejavu-core) \
	$(if $(shell command -v msgfmt),,gettext) \
	$(if $(shell command -v java),,default-jre-headless) \
	$(if $(shell command -v npm),,npm) \
	$(if $(shell command -v redis-server),,redis-server) \
	$(if $(shell command -v wrk),,wrk) \
	$(if $(shell command -v soffice),,libreoffice-writer-nogui))
test-tools: node_modules/.installed
	@if [ -n "$(MISSING_TEST_PACKAGES)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(MISSING_TEST_PACKAGES); \
		else \
			echo "Some tests need: sudo apt-get install $(MISSING_TEST_PACKAGES)"; \
		fi; \
	fi

# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; } \
		|| { echo "The Nu HTML checker needs npm: sudo apt-get install npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf $(VENV) $(TOOLS) node_modules staticfiles .pytest_cache .ruff_cache .mypy_cache

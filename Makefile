# The project's verbs. `make run` and `make test` are the README's two-command quick start.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed
EXTRAS ?= dev
# Full URLs (canonical links, sitemap, calendar feeds) in development point at this server.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: install run worker demo test lint format migrate mail clean

$(INSTALLED): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.x")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	touch $@

## install: create .venv with the locked dependencies
install: $(INSTALLED)

## migrate: apply database migrations (also creates the editor and membership groups)
migrate: install
	$(PY) manage.py migrate --noinput

## demo: load the demo content (safe to repeat; never overwrites editors' changes)
demo: migrate
	$(PY) manage.py load_demo_content

## run: set everything up; serve the site with demo content at http://127.0.0.1:$(PORT) and run
## the background worker that sends mail (both stop together with Ctrl+C)
run: demo
	$(PY) manage.py ensure_dev_admin
	$(PY) manage.py ensure_dev_member
	$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## worker: run only the background worker (sends mail, updates Wagtail's search index)
worker: migrate
	$(PY) manage.py db_worker

## test: set up the environment and run the whole test suite
test: install
	$(PY) -m pytest

## lint: ruff lint and format checks
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## format: apply ruff's formatting and safe fixes
format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## mail: send queued mail that is due now, without the worker (a safety net for cron)
mail: install
	$(PY) manage.py send_queued_mail

## clean: remove the virtual environment and local data (database, media, sent mail)
clean:
	rm -rf $(VENV) var media staticfiles test-artifacts

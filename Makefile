# Claves: `make run` to try it, `make test` to check it. `make help` lists the rest.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: assets help install run migrate demo messages compilemessages test test-e2e bench lint format check-migrations ci lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(INSTALLED): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv with the machine's python3 and install the pinned dependencies

H5P_PLAYER := build/static/h5p-standalone/main.bundle.js

$(H5P_PLAYER): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
		rm -rf build/static/h5p-standalone && mkdir -p build/static && \
		cp -r node_modules/h5p-standalone/dist build/static/h5p-standalone; \
	else \
		echo "npm is not installed: interactive (H5P) activities will show as not available."; \
		echo "Install Node.js and npm, then run 'make assets'."; \
	fi

assets: $(H5P_PLAYER) ## Install the pinned H5P player (npm ci) into build/static; optional
	@true

compilemessages: $(INSTALLED) ## Compile locale/*/LC_MESSAGES/django.po into .mo files (needs no gettext tools)
	$(PY) tools/compile_messages.py locale

migrate: $(INSTALLED) ## Apply database migrations
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo curriculum and accounts; adds only what is missing
	$(MANAGE) seed_demo

run: assets compilemessages demo ## Install, migrate, load the demo and serve on http://127.0.0.1:8000 (activities on http://localhost:8000)
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} \
	H5P_ORIGIN=$${H5P_ORIGIN:-http://localhost:$(PORT)} \
	$(MANAGE) runserver $(HOST):$(PORT)

messages: $(INSTALLED) ## Extract UI strings into locale/es and locale/en (needs GNU gettext)
	$(MANAGE) makemessages --all --no-location --no-obsolete --ignore='.venv/*' --ignore='node_modules/*' --ignore='static/*'
	$(MANAGE) makemessages --all --no-location --no-obsolete -d djangojs --ignore='.venv/*' --ignore='node_modules/*' --ignore='static/*'
	$(PY) tools/fill_source_catalogue.py locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/djangojs.po

test: assets compilemessages ## Run the test suite (not the browser tests) on SQLite, or on DATABASE_URL when set
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

test-e2e: assets compilemessages ## Run the browser tests in headless Chromium (/usr/bin/chromium)
	CLAVES_TEST_DATABASE_SUFFIX=-e2e DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -m e2e tests/e2e --create-db $(PYTEST_ARGS)

bench: compilemessages ## Print page weight against its budget, and the cost of importing an edition
	$(PY) bench/page_weight.py
	$(PY) bench/import_edition.py

lint: $(INSTALLED) ## Check code style and templates with ruff and djhtml
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(find site/templates */templates -name '*.html' 2>/dev/null)

format: $(INSTALLED) ## Format code and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find site/templates */templates -name '*.html' 2>/dev/null)

check-migrations: $(INSTALLED) ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

ci: ## Everything CI runs: both databases, the browser tests, lint
	bash .ci/run

lock: $(INSTALLED) ## Re-pin requirements.lock from what .venv has installed
	@{ printf '# The whole dependency tree, pinned: what `make` installs and CI tests.\n# Regenerate with `make lock` after changing a pin in pyproject.toml.\n'; $(PY) -m pip freeze --exclude-editable; } > requirements.lock

clean: ## Remove the virtualenv, databases, compiled catalogues and collected files
	rm -rf $(VENV) db.sqlite3 .test-db*.sqlite3 .test-media static build node_modules
	find locale -name '*.mo' -delete

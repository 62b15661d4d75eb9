# Two commands for a new machine: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= review-demo-2026
export DEMO_PASSWORD

# The service on an embedded SQLite database, for trying it out (never for production).
RUN_ENV := DEBUG=true DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/db.sqlite3}

.PHONY: run worker test venv setup-db bench bench-ingest lint clean

$(VENV)/.installed: requirements.lock scripts/find-python
	@python=$$(scripts/find-python) && \
	  { [ -x $(PY) ] || $$python -m venv $(VENV); }
	@$(PY) -m pip install -q --disable-pip-version-check uv==0.13.9
	@# Compiled once here: without .pyc files (PYTHONDONTWRITEBYTECODE) every start-up recompiles
	@# every module, seconds per manage.py command.
	@$(VENV)/bin/uv pip sync -q --compile-bytecode --python $(PY) requirements.lock
	@touch $@

venv: $(VENV)/.installed

setup-db: venv
	$(RUN_ENV) $(PY) manage.py migrate --no-input -v0
	$(RUN_ENV) $(PY) manage.py load_catalogue
	@# The demo's output is kept in .demo-output; its content API token and curl line are printed
	@# once, by `run` (below the service's address) or, on its own, by setup-db.
	@# The workflow emails the demo's steps send go to files, not between these lines.
	EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH=$(CURDIR)/var/demo-emails \
	  $(RUN_ENV) $(PY) manage.py load_demo --base-url http://$(HOST):$(PORT) > .demo-output
	@echo "The demo's workflow emails are in var/demo-emails/; the server prints new ones on its console."
	@grep -v -e "content API token" -e "Authorization: Token" .demo-output || true
	@$(if $(filter run,$(MAKECMDGOALS)),,grep -A1 "content API token" .demo-output)

run: setup-db
	@echo ""
	@echo "  Remedy Claims Review (demo data, SQLite) at http://$(HOST):$(PORT)/admin/"
	@echo "  Demo accounts (password: $(DEMO_PASSWORD)): reviewer, reviewer2, senior, senior2, content, auditor, admin"
	@echo "  Content API: http://$(HOST):$(PORT)/api/v1/claims/   Swagger UI: http://$(HOST):$(PORT)/api/docs/"
	@grep -A1 "content API token" .demo-output | sed 's/^/  /'
	@echo ""
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The background tasks' worker (a long article's proposals), beside `make run`.
worker: venv
	$(RUN_ENV) $(PY) manage.py db_worker

test: venv
	@scripts/ensure-system-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(PY) -m ruff check .

# Benchmarks on the local PostgreSQL (throwaway databases): the content API against raw psycopg +
# orjson, then the audit export against COPY. Results: bench/results/*.json.
bench: venv
	$(PY) -m bench
	$(PY) -m bench.audit_export

# The claim proposer on the five catalogued articles, each read by a lexicon that never saw it
# (no database). Results: bench/results/ingest.json.
bench-ingest: venv
	$(PY) -m bench.ingest

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm var/audit-anchors.log var/demo-emails staticfiles test-artifacts

# Alliances & Territoires — the two commands: `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
VAR_DIR ?= var
STATIC_MANIFEST := $(VAR_DIR)/static/staticfiles.json
STATIC_SOURCES := $(shell find . -path ./.venv -prune -o -path ./$(VAR_DIR) -prune -o -path '*/static/*' -type f -print 2>/dev/null)

.PHONY: run test install lint setup chromium bench clean requirements

# Create the virtual environment and install the pinned dependencies (only when they change).
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt 2>&1 | { grep -v 'is ignored: it is neither' || true; }
	touch $(STAMP)

install: $(STAMP)

# Migrate, load reference data and demo content (idempotent), the sample of real RNA rows into a
# directory without any (never over newer rows), create the administrator once.
setup: install
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py import_rna data/rna/rna_waldec_20241101_dpt_976.csv --if-empty --rejects $(VAR_DIR)/rna_rejets.csv -v 0
	$(BIN)/python manage.py ensure_admin

# Static files are collected (hashed, compressed) only when they or the dependencies change.
$(STATIC_MANIFEST): $(STAMP) $(STATIC_SOURCES)
	$(BIN)/python manage.py collectstatic --no-input -v 0

# Serve the platform with a production WSGI server (gunicorn) on http://127.0.0.1:$(PORT).
run: setup $(STATIC_MANIFEST)
	@echo "Alliances & Territoires : http://127.0.0.1:$(PORT)/ (espace de gestion : /admin/)"
	PORT=$(PORT) $(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi:application

# Debian's Chromium for the browser tests (browsers cannot be downloaded by Playwright here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installation de Chromium (paquet Debian)…"; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium >/dev/null || \
		{ $$SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium >/dev/null; }; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy .

# The whole suite: lint, then every test (browser tests in headless Chromium included) on every core
# (pytest-xdist, one test database per worker; TEST_WORKERS=0 runs them in this one process).
TEST_WORKERS ?= auto
test: install chromium lint
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# Benchmark: latency per page type, a mixed load run and the /healthz ceiling, on the same
# production server as `make run` (SQLite by default, PostgreSQL with DATABASE_URL).
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): requirements-bench.txt $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt 2>&1 | { grep -v 'is ignored: it is neither' || true; }
	touch $(BENCH_STAMP)

# NODES=2: two servers on the same PostgreSQL and Redis (DATABASE_URL, CACHE_URL), a writer publishing
# one item per second during the load (bench/run.py).
SCALE ?= small
BENCH_DURATION ?= 60
NODES ?= 1
bench: $(BENCH_STAMP) setup $(STATIC_MANIFEST)
	$(BIN)/python bench/run.py --scale $(SCALE) --duration $(BENCH_DURATION) --nodes $(NODES)

# The pinned requirements, with hashes, compiled from the *.in files (pip-tools); never edited by hand.
# In this order: requirements-dev.in is constrained by requirements.txt, requirements-bench.in by
# requirements-dev.txt. Versions already pinned in a .txt file are kept (pip-compile reuses them).
PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
requirements: install
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in
	$(PIP_COMPILE) -o requirements-bench.txt requirements-bench.in

clean:
	rm -rf $(VENV) var

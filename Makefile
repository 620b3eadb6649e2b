# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB := out/briefwire.db

.PHONY: demo test durations lint typecheck pytest eval bench bench-scale install install-dev browser clean docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

# One resolve for everything a test run needs (not the package first and its extras again).
$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev,dask]'
	touch $(STAMP) $@

install: $(STAMP)
install-dev: $(VENV)/.installed-dev

demo: $(STAMP)
	@mkdir -p out
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/briefwire ingest examples --db $(DB)
	$(BIN)/briefwire brief --db $(DB) --out out/brief
	@echo "demo: ledger in $(DB), brief in out/brief.md and out/brief.html"

# Debian's chromium drives the browser tests (Playwright launches it; it never downloads one).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (install Debian's chromium)"; fi; }

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install-dev
	$(BIN)/mypy

pytest: install-dev browser
	$(BIN)/pytest -n 2 --dist loadfile --durations=25

test: lint typecheck pytest

# Per-file seconds the conftest orders files by (longest first): rewrite after a file grows.
durations: install-dev browser
	@mkdir -p out
	$(BIN)/pytest -n 2 --dist loadfile -q --junitxml=out/junit.xml
	$(BIN)/python -m tests.record_durations out/junit.xml

eval: install
	$(BIN)/python -m briefwire.evaluate

bench: install-dev
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/dedupe.py
	$(BIN)/python bench/html_benchmark.py
	$(BIN)/python bench/page_text.py
	$(BIN)/python bench/tg_footers.py
	$(BIN)/python bench/link.py
	$(BIN)/python bench/live_latency.py

# Hours on a 2-core machine at the default 20k/50k/100k: run on its own (SIZES="2000 5000" for less).
SIZES ?= 20000 50000 100000
bench-scale: install-dev
	$(BIN)/python bench/scale.py --sizes $(SIZES)

docs: install
	$(BIN)/python -m briefwire.cli.reference > docs/cli.md

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache

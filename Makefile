# Python 3.11 or newer; override with `make demo PY=/path/to/python3.11`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall whenever pyproject.toml changes.
HASH := $(shell cksum < pyproject.toml | cut -d' ' -f1)
BASE_STAMP := $(VENV)/.installed-base-$(HASH)
TEST_STAMP := $(VENV)/.installed-$(HASH)

.PHONY: install install-test browser demo test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(BASE_STAMP): $(BIN)/python pyproject.toml
	test -e $(TEST_STAMP) || $(BIN)/pip install -q -e .
	rm -f $(VENV)/.installed-base-*
	touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@ $(BASE_STAMP)

install: $(BASE_STAMP)

install-test: $(TEST_STAMP)

# Run casus on the bundled sample articles into out/demo.duckdb and print a summary.
demo: install
	$(BIN)/casus demo

# Debian's chromium for the dashboard's end-to-end tests (playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the dashboard tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "make: chromium could not be installed: the dashboard end-to-end tests will fail in CI"; \
	  else echo "make: chromium not found and not root: the dashboard end-to-end tests will skip"; fi; }

# ruff, then the whole test suite (what CI runs through .ci/run).
test: install-test browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Every benchmark in bench/ (each prints JSON); results also saved under bench/results/ (not committed).
BENCHES := ingest throughput actors accuracy watch api stories
bench: install-test
	mkdir -p bench/results
	for b in $(BENCHES); do echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py | tee bench/results/$$b.json || exit 1; done

clean:
	rm -rf $(VENV) casus.duckdb casus.duckdb.wal out build *.egg-info src/*.egg-info

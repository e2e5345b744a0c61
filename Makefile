# newskg: `make serve` builds the graph from data/ and serves it; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= var/store

.PHONY: install build validate serve test lint format system-deps clean

$(BIN)/newskg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newskg

build: install
	$(BIN)/newskg build --store $(STORE)

validate: build
	$(BIN)/newskg validate --store $(STORE)

serve: validate
	$(BIN)/newskg export --store $(STORE) --format turtle -o var/newskg.ttl
	$(BIN)/newskg serve --store $(STORE)

# Debian packages the tests use: chromium for the browser tests, wrk for the benchmarks.
system-deps:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: install system-deps
	$(BIN)/ruff check kg server tests bench
	$(BIN)/ruff format --check kg server tests bench
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check kg server tests bench

format: install
	$(BIN)/ruff format kg server tests bench
	$(BIN)/ruff check --fix kg server tests bench

clean:
	rm -rf $(VENV) var .pytest_cache

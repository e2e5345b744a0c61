# newskg: `make serve` builds the graph from data/ and serves it; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= var/store

.PHONY: install static build validate serve test lint format system-deps bench clean

$(BIN)/newskg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newskg static

build: install
	$(BIN)/newskg build --store $(STORE)

validate: build
	$(BIN)/newskg validate --store $(STORE)

serve: validate
	$(BIN)/newskg export --store $(STORE) --format turtle -o var/newskg.ttl
	$(BIN)/newskg serve --store $(STORE)

# Debian packages the tests use: chromium for the browser tests, wrk for the benchmark command's test.
system-deps:
	@command -v chromium >/dev/null && command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium wrk; }

test: install system-deps
	$(BIN)/ruff check kg server tests bench
	$(BIN)/ruff format --check kg server tests bench
	$(BIN)/python -m pytest

# Every benchmark, each beside its peers in the same run (no test times anything): the store and the endpoint
# into bench/RESULTS.md (about 35 min on 2 cores), then one file each for newskg on a remote store (Virtuoso 7
# beside `oxigraph serve`, 1M triples, both started and stopped by .ci/*.sh; Virtuoso installed from Debian's
# packages when missing), the soak beside `oxigraph serve`, pages beside the previous layout, full-text search,
# the extractor on GermEval, SpkAtt and PolNeAR, the web-page reader beside trafilatura, readability-lxml
# and newspaper4k, ingest with extraction and SHACL beside --no-validate, and the English names the rules
# find (no gold: a list to read) (the last five need ../shared/realdata); last, bench.summary writes the
# extraction figures against issue 20's targets (from the summaries the extraction benches leave in
# bench/out/summary/) into a section of bench/RESULTS.md.
BENCHES = "bench.run" "bench.remote --out bench/RESULTS-remote.md" "bench.soak --out bench/RESULTS-soak.md" \
	"bench.pages --out bench/RESULTS-pages.md" "bench.search --triples 1000000 --no-extract --write" \
	"bench.extract_mentions --out bench/RESULTS-extract-mentions.md" \
	"bench.extract_speech --out bench/RESULTS-extract-speech.md" "bench.webpages --out bench/RESULTS-webpages.md" \
	"bench.ingest_speed --out bench/RESULTS-ingest.md" \
	"bench.english_names --out bench/RESULTS-english-names.md" "bench.summary"

# Each benchmark runs even when one before it could not measure (those needing ../shared/realdata say so
# and exit 2); the command fails at the end, naming every one that did not finish. The summaries of an
# earlier run are removed first, so a bench that does not finish shows as not run, not with old figures.
bench: install system-deps
	@rm -f bench/out/summary/*.json; \
	failed=""; for b in $(BENCHES); do echo "== python -m $$b"; $(BIN)/python -m $$b || failed="$$failed $${b%% *}"; done; \
	if [ -n "$$failed" ]; then echo "make bench: not everything was measured:$$failed (see above)" >&2; exit 2; fi

lint: install
	$(BIN)/ruff check kg server tests bench

format: install
	$(BIN)/ruff format kg server tests bench
	$(BIN)/ruff check --fix kg server tests bench

clean:
	rm -rf $(VENV) var .pytest_cache web/node_modules $(VENDOR)

# The query editor (YASGUI) from the npm registry, served by Flask from server/static/vendor (never a CDN).
VENDOR := server/static/vendor
$(VENDOR)/yasgui.min.js: web/package.json web/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp web/node_modules/@zazuko/yasgui/build/yasgui.min.js web/node_modules/@zazuko/yasgui/build/yasgui.min.css $(VENDOR)/

static: $(VENDOR)/yasgui.min.js

# make build: check the data and build the site into site/ (creates .venv on first run).
# make test:  install everything the tests need (Chromium and Java too, as root) and run them all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip --disable-pip-version-check -q
APT    := DEBIAN_FRONTEND=noninteractive apt-get
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates MkDocs writes (the sitemap's lastmod) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: build test check serve pages bench system-deps clean

build: $(VENV)/.runtime
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict --site-dir site

check: $(VENV)/.runtime
	$(BIN)/python -m generator check

# --dirty: after the first build, write only the pages an edit changed (the plugin compares every generated
# file with the last build's); --no-strict, or MkDocs' own warning about --dirty would stop it. --livereload:
# click 8.3 turns it off otherwise (mkdocs#4032).
serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dirty --no-strict --livereload --dev-addr 127.0.0.1:8000

pages: $(VENV)/.runtime
	$(BIN)/python -m generator pages --out build/pages

test: system-deps $(VENV)/.dev node_modules/.installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/python -m pytest

bench: $(VENV)/.runtime
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/build_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/map_bench.py
	$(BIN)/python bench/embed_cards_bench.py
	$(BIN)/python bench/page_size_bench.py
	$(BIN)/python bench/serve_bench.py
	$(BIN)/python bench/reader_bench.py
	$(BIN)/python bench/lighthouse_bench.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (never `playwright install`; set CHROMIUM to use another
# Chromium build), a JRE for the Nu Html Checker, and npm for the test tools.
system-deps:
	@missing=""; \
	if [ -z "$$CHROMIUM" ] || [ ! -x "$$CHROMIUM" ]; then command -v chromium >/dev/null || missing="$$missing chromium"; fi; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "install as root:$$missing" >&2; exit 1; fi; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends $$missing; \
	fi

clean:
	rm -rf site build test-output .pytest_cache

# labourkg — `make demo` and `make test` do all set-up themselves (Python 3.11, Node 20, make).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench browser clean docs

install: $(STAMP) node_modules/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium for the browser tests of the HTML views (root on these machines; sudo elsewhere)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

demo: install
	$(BIN)/labourkg demo

test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/load.py --scale 0.1
	$(BIN)/python bench/queries.py --scale 0.1
	$(BIN)/python bench/recommend.py --scale 0.1

docs: install
	$(BIN)/python -m labourkg.querydocs > docs/queries.md

clean:
	rm -rf $(VENV) node_modules dist build out .pytest_cache .ruff_cache

# Two entry points for a fresh machine (Python 3.11 + make): `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint browser clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; install Python 3.11 or pass PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,cluster]"
	touch $(STAMP)

install: $(STAMP)

# the main job: ingest the seed articles into db/quotes.db, then search them
run: $(STAMP)
	$(BIN)/quotes ingest seeds/
	$(BIN)/quotes search Medvedev

lint: $(STAMP)
	$(BIN)/ruff check quotes tests benchmarks docs
	$(BIN)/mypy

# the web tests drive Debian's headless Chromium through its driver: installed when missing (as root)
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  [ "$$(id -u)" = 0 ] || { echo "Error: the browser tests need Debian's chromium and chromium-driver;" \
	    "install them: sudo apt-get install chromium chromium-driver" >&2; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: lint browser
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) db/quotes.db*

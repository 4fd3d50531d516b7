# Two commands: `make serve` (set up and serve the handbook) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test check build pdf offline bench lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

PORT ?= 8000

serve: $(STAMP)  ## set up, then serve the handbook at http://127.0.0.1:$(PORT)/handbook/ (make serve PORT=8001 for another port)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

test: $(STAMP)  ## set up, then run the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)  ## validate data/ only
	$(BIN)/handbook check

build: $(STAMP)  ## build the site into site/
	$(BIN)/mkdocs build

pdf: $(STAMP)  ## the whole handbook, each module and each handout as PDF, into pdf/ (needs Chromium)
	$(BIN)/handbook pdf --out pdf

offline: $(STAMP)  ## the offline copy, handbook-offline.zip: opens from file:// with navigation and search
	$(BIN)/handbook offline --replace --out handbook-offline.zip

bench: $(STAMP)  ## build-time and memory benchmark (not a test)
	$(BIN)/python bench/build.py

lock:  ## re-resolve requirements.lock from pyproject.toml (needs pip-tools)
	$(PYTHON) -m piptools compile --generate-hashes --allow-unsafe --extra test --strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site .pytest_cache

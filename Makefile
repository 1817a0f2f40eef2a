# Two commands set everything up on a fresh Debian machine (as root):
#   make run   - install, then process the bundled samples on the embedded defaults
#   make test  - install with test dependencies, start Redis/PostgreSQL if needed, run the suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test system-deps install install-test services clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
	bash scripts/system-deps.sh run

install-test: $(VENV)/.installed-test
	bash scripts/system-deps.sh test

services:
	bash scripts/start-services.sh

run: install
	$(BIN)/intake process samples/corpus

test: install-test services
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var .pytest_cache

# Quick start: `make run` (set up and analyse the bundled sample), `make test` (the whole suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE_DB := build/sample.db

.PHONY: run test install lock bench clean

install: $(STAMP)

$(STAMP): requirements.lock requirements/bootstrap.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) on PATH (or make PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/bootstrap.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	mkdir -p build
	$(BIN)/newsgraph ingest examples --db $(SAMPLE_DB)
	$(BIN)/newsgraph report --db $(SAMPLE_DB)

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Lock files name packages, versions and hashes only: pip's local index settings are dropped.
lock:
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --extra bench \
		--no-header --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-header -o requirements/bootstrap.lock requirements/bootstrap.in
	sed -i -e '/^--/d' -e '/./,$$!d' requirements.lock requirements/bootstrap.lock

bench: install
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf build $(VENV)

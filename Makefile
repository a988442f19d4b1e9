# newsgraph: `make demo` sets up and runs the main job on the bundled examples; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck bench docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,web]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph ingest examples --db $(DB) || test $$? -eq 3
	$(BIN)/newsgraph report --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# newsgraph: `make demo` sets up and runs the main job on the bundled examples; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb
BASE := $(VENV)/.installed-base
DEV := $(VENV)/.installed-dev

.PHONY: demo test install lint typecheck bench clean train-events

$(BASE): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[web]"
	touch $(BASE)

# Everything the tests need: dev tools, the web app, Ray for the scale-out tests, the why-stage's
# encoder (torch pinned to the CPU build first: an open range would pull a CUDA build of several GB).
$(DEV): $(BASE)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev,web,ray,encoder,model,train]"
	touch $(DEV)

install: $(BASE)

demo: $(BASE)
	$(BIN)/newsgraph ingest examples --db $(DB) || test $$? -eq 3
	$(BIN)/newsgraph report --db $(DB)
	$(BIN)/newsgraph ask "What prompted Putin's visit to Baku?" --db $(DB)

test: $(DEV)
	$(BIN)/python -m pytest -q

# Throughput against spaCy's own pass on ../shared's BBC corpus (read in place); see docs/performance.md.
bench: $(DEV)
	$(BIN)/python benchmarks/pipeline.py --sizes 100,500,1000,2225

# The shipped event model from the repo's annotated corpus (data/events; the Wikinews articles are
# read in place from ../shared): 5-fold CV scores to eval/events_cv.json, the model trained on all
# of it to src/newsgraph/resources/models/events/event_model.npz (see its MODEL_CARD.md).
train-events: $(DEV)
	$(BIN)/python scripts/build_event_dataset.py
	$(BIN)/python scripts/train_event_model.py

lint: $(DEV)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(DEV)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

# newsgraph: `make demo` sets up and runs the main job on the bundled examples; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsgraph.duckdb
BASE := $(VENV)/.installed-base
DEV := $(VENV)/.installed-dev

.PHONY: demo test test-latest lock browser install lint typecheck bench bench-scale clean train-events

# Installs come from the hash-locked requirements.lock (base + web) and requirements-dev.lock (every
# extra), made by `make lock` from pyproject.toml's ranges, so a fresh machine gets exactly the
# versions the suite was run with. torch is the CPU build
# that lies on this kind of machine (/opt/wheels): PyPI's torch is a CUDA build of several GB.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels,)
PIP_LOCKED := $(BIN)/pip install --quiet --require-hashes --no-deps $(FIND_LINKS)
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --quiet \
	$(FIND_LINKS) -c constraints.txt

$(BASE): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_LOCKED) -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BASE)

# Everything the tests need: dev tools, the web app, Ray for the scale-out tests, the why-stage's encoder.
$(DEV): $(BASE) requirements-dev.lock
	$(PIP_LOCKED) -r requirements-dev.lock
	touch $(DEV)

# Regenerate the lock files from pyproject.toml's ranges (tests/test_lock.py fails when they disagree).
lock: $(BASE)
	test -x $(BIN)/uv || $(BIN)/pip install --quiet uv
	$(UV_COMPILE) --all-extras -o requirements-dev.lock
	$(UV_COMPILE) --extra web -c requirements-dev.lock -o requirements.lock

# The suite on the newest releases pyproject.toml allows (not in CI): how upgrades are tried.
LATEST := .venv-latest
test-latest:
	test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/pip install --quiet --upgrade pip
	$(LATEST)/bin/pip install --quiet --upgrade $(FIND_LINKS) -c constraints.txt -e ".[dev,web,ray,encoder,model,train,bench]"
	bash scripts/install_browser_deps.sh
	$(LATEST)/bin/python -m pytest -q

install: $(BASE)

demo: $(BASE)
	$(BIN)/newsgraph ingest examples --db $(DB) || test $$? -eq 3
	$(BIN)/newsgraph report --db $(DB)
	$(BIN)/newsgraph ask "What prompted Putin's visit to Baku?" --db $(DB)

# The browser tests drive Debian's chromium: installed here where apt can (root), else the suite stops and
# names the command; it never reports green without having driven the browser.
browser:
	bash scripts/install_browser_deps.sh

test: $(DEV) browser
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

# Ingest cost per increment against store size, and read latency on a grown store (docs/scaling.md).
# SCALE_ARGS=--full for the issue's 20 increments of 500 (about an hour on 2 free cores).
bench-scale: $(DEV)
	$(BIN)/python benchmarks/scale.py $(SCALE_ARGS)

lint: $(DEV)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(DEV)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(LATEST) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

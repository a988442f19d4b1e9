"""One conftest for the whole suite: paths to ../shared, the spaCy pipeline, a temporary store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared: fails under CI (CI=true) when missing, skips elsewhere."""
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{SHARED} is missing: CI needs the shared data")
        pytest.skip(f"{SHARED} is missing")
    return SHARED


@pytest.fixture(scope="session")
def encoder_installed() -> str:
    """The encoder extra (torch, transformers, the MiniLM package): fails under CI when it is
    missing (CI installs it), skips elsewhere. Returns the encoder's name."""
    from newsgraph.claims.encoder import encoder_available

    if not encoder_available("minilm"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the encoder extra is missing: CI installs newsgraph[encoder]")
        pytest.skip("the encoder extra (newsgraph[encoder]) is not installed")
    return "minilm"


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The configured spaCy pipeline, loaded once per session."""
    from newsgraph.annotate.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture()
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A fresh DuckDB file path."""
    yield tmp_path / "test.duckdb"

"""The event model at inference: calibrated softmax, ranking, and its file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsgraph.events.features import CLASSES, EVIDENCE, VECTOR_COLUMNS
from newsgraph.events.model import EventModel, load_model, shipped_model

WIDTH = VECTOR_COLUMNS + len(EVIDENCE)


def _model(temperature: float = 1.0, columns: str = "all") -> EventModel:
    width = WIDTH if columns == "all" else VECTOR_COLUMNS
    rng = np.random.default_rng(0)
    return EventModel(
        weights=rng.normal(size=(width, len(CLASSES))).astype(np.float32),
        bias=np.zeros(len(CLASSES), dtype=np.float32),
        mean=np.zeros(width, dtype=np.float32),
        scale=np.ones(width, dtype=np.float32),
        temperature=temperature,
        columns=columns,
    )


def test_probabilities_are_a_distribution_softened_by_temperature() -> None:
    x = np.random.default_rng(1).normal(size=(4, WIDTH)).astype(np.float32)
    sharp, soft = _model(1.0).probabilities(x), _model(3.0).probabilities(x)
    assert np.allclose(sharp.sum(1), 1.0) and np.allclose(soft.sum(1), 1.0)
    assert (soft.max(1) < sharp.max(1)).all()


def test_decide_ranks_every_class() -> None:
    x = np.random.default_rng(2).normal(size=(3, WIDTH)).astype(np.float32)
    model = _model()
    for decision, row in zip(model.decide(x), model.probabilities(x), strict=True):
        assert decision.category == CLASSES[int(np.argmax(row))]
        assert decision.probability == pytest.approx(row.max())
        assert len(decision.ranked) == len(CLASSES) and len(decision.next_two()) == 2
        assert decision.ranked[1][1] >= decision.ranked[2][1]


def test_a_vectors_only_model_ignores_the_rules_evidence() -> None:
    x = np.random.default_rng(3).normal(size=(2, WIDTH)).astype(np.float32)
    y = x.copy()
    y[:, VECTOR_COLUMNS:] = 0.0
    model = _model(columns="vectors")
    assert np.allclose(model.probabilities(x), model.probabilities(y))


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = _model(1.7)
    model.save(tmp_path / "m.npz")
    again = load_model(tmp_path / "m.npz")
    assert again.temperature == pytest.approx(1.7) and again.classes == CLASSES
    x = np.ones((1, WIDTH), dtype=np.float32)
    assert np.allclose(again.probabilities(x), model.probabilities(x))


def test_shipped_model_reads_the_current_features() -> None:
    model = shipped_model()
    assert model.classes == CLASSES
    width = WIDTH if model.columns == "all" else VECTOR_COLUMNS
    assert model.weights.shape == (width, len(CLASSES)) and 0.3 < model.temperature < 5

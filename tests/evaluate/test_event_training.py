"""Training helpers: scoring several events per sentence, folds by article, and a fit that the
calibration and the principal-component projection leave readable by the numpy model."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.evaluate.event_training import (
    CandidateRow,
    SentenceRows,
    _folds,
    model_triples,
    root,
    score_sentences,
    train,
)
from newsgraph.events.features import CLASSES, EVIDENCE, VECTOR_COLUMNS, Evidence, Item

pytest.importorskip("sklearn")


def test_roots_read_unknown_countries_and_old_codes() -> None:
    assert root("---REB") == "---" and root("REB") == "---" and root("JAPGOV") == "JPN"
    assert root("IGOUNO") == "IGO" and root("USAGOV") == "USA"


def test_score_counts_categories_as_sets_and_triples_one_to_one() -> None:
    gold = [
        ((("ASSAULT", ("ISR",), ("PSE",)), True), (("ACCUSE", ("PSE",), ("ISR",)), True)),
        ((("AGREE", ("ARM", "AZE"), ()), False),),
        (),
    ]
    coded = [
        [("ASSAULT", ("ISR",), ("PSE",)), ("ASSAULT", ("ISR",), ("PSE",))],  # a duplicate
        [("AGREE", ("ARM", "AZE"), ("RUS",))],  # gold has no target: any target will do
        [("PROTEST", ("---",), ())],
    ]
    category, triple = score_sentences(gold, coded)
    assert (category.tp, category.fp, category.fn) == (2, 1, 1)
    assert (triple.tp, triple.fp, triple.fn) == (2, 1, 1)


def _candidate(label: str, source: tuple[str, ...], unreal: bool = False) -> CandidateRow:
    evidence = Evidence("", "verb", True, False, False, False, False, True, False)
    return CandidateRow(Item("s", 0, 1, evidence), label, (), source, (), unreal)


def test_model_triples_need_an_actor_and_a_real_event() -> None:
    sentence = SentenceRows(
        "a#0",
        "a",
        (),
        (
            _candidate("ASSAULT", ("ISR",)),
            _candidate("ASSAULT", ()),
            _candidate("X", ("ISR",), True),
        ),
        0,
        0,
    )
    assault = np.zeros(len(CLASSES))
    assault[CLASSES.index("ASSAULT")] = 0.8
    assault[0] = 0.2
    rows = np.vstack([assault, assault, assault])
    assert model_triples(sentence, rows) == [("ASSAULT", ("ISR",), ())]
    assert model_triples(sentence, rows, min_confidence=0.9) == []


def test_folds_keep_an_article_together() -> None:
    groups = np.array(["a", "a", "b", "c", "c", "d", "e", "e"])
    folds = _folds(groups, 3)
    assert sum(f.sum() for f in folds) == len(groups)
    for fold in folds:
        inside = set(groups[fold].tolist())
        assert not inside & set(groups[~fold].tolist())


def test_train_learns_a_separable_signal_and_calibrates() -> None:
    rng = np.random.default_rng(0)
    n = 300
    y = rng.integers(0, 3, size=n)  # NONE, AGREE, CONSULT
    x = rng.normal(size=(n, VECTOR_COLUMNS + len(EVIDENCE))).astype(np.float32)
    x[:, 0] += 3.0 * (y == 1)
    x[:, 1] += 3.0 * (y == 2)
    groups = np.array([f"art{i // 3}" for i in range(n)])
    model = train(x, y, groups, "vectors")
    predicted = model.probabilities(x).argmax(1)
    assert (predicted == y).mean() > 0.8
    assert model.weights.shape == (VECTOR_COLUMNS, len(CLASSES))
    assert model.probabilities(x)[:, 3:].max() < 0.05  # classes never seen stay improbable

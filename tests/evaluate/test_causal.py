"""The CNC causal scorer: gold reading, token overlap, and the pinned floors (k-fold CV)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.causal import (
    CausalScore,
    _glue,
    _tagged_tokens,
    fold_of,
    format_report,
    score_causal,
    token_f1,
    token_ids,
)
from newsgraph.model import Span

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "floors" / "causal.json"


def test_tags_glued_to_words_split_cleanly() -> None:
    tagged = "<ARG1>Workers struck</ARG1> <ARG0><SIG0>to</SIG0> win pay</ARG0> ."
    tokens, inside = _tagged_tokens(_glue(tagged))
    assert tokens == ["Workers", "struck", "to", "win", "pay", "."]
    assert inside["ARG1"] == {0, 1}
    assert inside["ARG0"] == {2, 3, 4}
    assert inside["SIG0"] == {2}


def test_token_overlap() -> None:
    text = "Workers struck to win pay ."
    assert token_ids(text, Span(8, 14, "struck")) == {1}
    assert token_ids(text, Span(5, 16, "rs struck t")) == {0, 1, 2}
    assert token_f1(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(0.5)
    assert token_f1(frozenset(), frozenset({1})) == 0.0


def test_folds_are_stable_and_by_document() -> None:
    assert fold_of("train_01_0_892", 5) == fold_of("train_01_0_17", 5)
    assert 0 <= fold_of("train_09_B_24_2505", 5) < 5
    # another seed: another split, still one fold per document
    assert fold_of("train_01_0_892", 5, seed=3) == fold_of("train_01_0_17", 5, seed=3)
    documents = [f"train_{n:02d}_0_1" for n in range(40)]
    assert [fold_of(d, 5) for d in documents] != [fold_of(d, 5, seed=1) for d in documents]


def test_report_says_how_it_was_scored() -> None:
    score = CausalScore(10, 5, 6, 0.8, 0.7, 0.75, 0.6, 0.65, 0.55, 0.67, folds=5)
    report = format_report(score)
    assert "5-fold cross-validated" in report and "F1 0.750" in report


@pytest.mark.slow
@pytest.mark.shared
def test_cnc_scores_stay_above_the_floors(shared_dir: Path) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    score = score_causal(shared_dir / "data" / "gold" / "causal" / "cnc_v2", folds=floors["folds"])
    assert score.folds == floors["folds"]
    assert score.f1 >= floors["sentence_f1"]
    assert score.precision >= floors["sentence_precision"]
    assert score.recall >= floors["sentence_recall"]
    assert score.span_f1 >= floors["span_f1"]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.encoder
def test_cnc_scores_with_the_encoder_stay_above_its_floors(
    shared_dir: Path, encoder_installed: str
) -> None:
    floors = json.loads(FLOORS.with_name(f"causal_{encoder_installed}.json").read_text("utf-8"))
    score = score_causal(
        shared_dir / "data" / "gold" / "causal" / "cnc_v2",
        folds=floors["folds"],
        encoder=encoder_installed,
    )
    assert score.f1 >= floors["sentence_f1"]
    assert score.precision >= floors["sentence_precision"]
    assert score.recall >= floors["sentence_recall"]
    assert score.span_f1 >= floors["span_f1"]

"""Scoring `ask` on a question set: normalisation, token F1, splits, abstention, the floors."""

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.ask import (
    Outcome,
    contains,
    figures,
    normalise,
    read_records,
    score_ask,
    split_of,
    token_f1,
)

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval" / "floors" / "ask.json"
QUESTIONS = REPO / "eval" / "questions" / "cnc_why.jsonl"
FIXTURE = REPO / "tests" / "fixtures" / "ask" / "questions.jsonl"


def test_normalise_and_token_f1_follow_squad() -> None:
    assert normalise("The  rise in “fuel” prices!") == "rise in fuel prices"
    assert token_f1("a rise in fuel prices", "the rise of fuel prices") == pytest.approx(0.75)
    assert token_f1("", "anything") == 0.0
    assert contains("Drivers struck over the rise in fuel prices.", "rise in fuel prices")
    assert not contains("Drivers struck over the rise in fuel prices.", "rise in fuel taxes")


def test_split_is_stable_and_about_a_third_locked() -> None:
    ids = [f"q{i}" for i in range(3000)]
    locked = [i for i in ids if split_of(i) == "locked"]
    assert 0.28 < len(locked) / len(ids) < 0.38
    assert [split_of(i) for i in ids[:50]] == [split_of(i) for i in ids[:50]]


def _outcome(answerable: bool, abstained: bool, f1: float = 0.0) -> Outcome:
    return Outcome("q", "why", answerable, abstained, f1 > 0, f1, "", "", 0.0)


def test_abstention_precision_counts_abstentions_on_unanswerable_questions() -> None:
    f = figures(
        [
            _outcome(True, False, 1.0),
            _outcome(True, True),
            _outcome(False, True),
            _outcome(False, False),
        ]
    )
    assert f.f1 == 0.5 and f.evidence == 0.5
    assert f.abstention_rate == 0.5
    assert f.abstention_precision == 0.5
    assert f.abstention_recall == 0.5


def test_the_question_set_has_four_hundred_why_questions_with_their_answers() -> None:
    records = read_records(QUESTIONS)
    answerable = [r for r in records if r.answer]
    assert len(answerable) >= 400
    assert {r.type for r in records} <= {"why", "what-caused", "what-led-to"}
    for r in answerable:
        assert r.passage and r.answer in r.passage and r.answer_sentence in r.passage
    assert all(not r.passage for r in records if not r.answer)


@pytest.mark.slow
def test_eval_ask_over_handwritten_passages(tmp_path: Path) -> None:
    score = score_ask(FIXTURE, "all")
    assert score.overall.questions == 10
    assert score.overall.evidence >= 0.5
    assert score.overall.abstention_recall == 1.0


@pytest.mark.slow
@pytest.mark.shared
def test_locked_cnc_scores_stay_above_the_floors(shared_dir: Path) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    cnc = shared_dir / "data" / "gold" / "causal" / "cnc_v2"
    score = score_ask(QUESTIONS, "locked", cnc=cnc)
    assert score.overall.evidence >= floors["evidence"]
    assert score.overall.f1 >= floors["f1"]
    assert score.overall.abstention_precision >= floors["abstention_precision"]


@pytest.mark.slow
@pytest.mark.shared
def test_locked_handwritten_wikinews_scores_stay_above_the_floors(shared_dir: Path) -> None:
    floors = json.loads((REPO / "eval" / "floors" / "ask_wikinews.json").read_text("utf-8"))
    wikinews = shared_dir / "data" / "corpora" / "wikinews-en" / "wikinews_en.jsonl"
    questions = REPO / "data" / "questions" / "wikinews.jsonl"
    score = score_ask(questions, "locked", wikinews=wikinews)
    assert score.overall.evidence >= floors["evidence"]
    assert score.overall.f1 >= floors["f1"]
    assert score.overall.abstention_precision >= floors["abstention_precision"]

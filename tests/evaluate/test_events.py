"""PLOVER event scoring: unit tests on hand-made records, and the gold set against its floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate.events import (
    PRF,
    country,
    format_report,
    in_split,
    score_events,
    score_records,
    split_of,
)
from newsgraph.model import ActorRef, Article, Event, Provenance, RuleTrace, Span

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval" / "floors" / "events.json"


def _ref(code: str) -> ActorRef:
    return ActorRef(code, code, code, 0, 1)


def _event(plover: str, source: list[str], target: list[str], **flags: bool) -> Event:
    return Event(
        id="x",
        article_id="r",
        sentence=0,
        trigger=Span(0, 1, "x"),
        source=tuple(_ref(c) for c in source),
        target=tuple(_ref(c) for c in target),
        cameo="190",
        cameo_root="19",
        goldstein=-10.0,
        quad_class=4,
        plover=plover,
        mode="",
        context="",
        rule=RuleTrace("p", "v"),
        **flags,
    )


class FakeCoder:
    """Returns prepared events for each record id (no parse, no linker)."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def code(self, article: Article) -> Article:
        from dataclasses import replace

        return replace(article, events=tuple(self.events.get(article.id, [])))


def _build(record_id: str, text: str) -> Article:
    return Article(id=record_id, raw_text=text, provenance=Provenance("t"), clean_text=text)


def _record(rid: str, plover: str, source: list[str], target: Any) -> dict[str, Any]:
    return {
        "id": rid,
        "text": "t",
        "event_plover2021": plover,
        "source": [{"code": c} for c in source],
        "target": [{"code": c} for c in target] if isinstance(target, list) else target,
    }


def test_prf_arithmetic() -> None:
    prf = PRF(3, 1, 2)
    assert prf.precision == 0.75 and prf.recall == 0.6
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0 and (PRF(1, 0, 0) + PRF(0, 1, 1)) == PRF(1, 1, 1)


def test_old_cameo_country_codes_read_as_iso() -> None:
    assert country("JAPGOV") == "JPN" and country("ITL") == "ITA" and country("RUSGOV") == "RUS"


def test_scoring_counts_every_other_event_as_false_positive() -> None:
    records = [
        _record("a", "ASSAULT", ["ISR"], ["PSE"]),
        _record("b", "AGREE", ["HUN", "ROU"], []),  # no target: any target is accepted
        _record("c", "CONSULT", ["RUS"], ["JAP"]),
    ]
    coder = FakeCoder(
        {
            "a": [_event("ASSAULT", ["ISRMIL"], ["PSE"]), _event("COERCE", ["ISR"], ["PSE"])],
            "b": [_event("AGREE", ["ROUGOV", "HUNGOV"], ["IGO"])],
            "c": [
                _event("CONSULT", ["RUS"], ["USA"]),
                _event("CONSULT", ["RUS"], ["JPNGOV"], negated=True),
            ],
        }
    )
    score = score_records(records, coder, _build)
    assert score.category == PRF(3, 1, 0)
    assert score.triple == PRF(2, 2, 1)  # a: COERCE false; c: wrong target, negated not counted
    assert [r.triple_hit for r in score.results] == [True, True, False]
    assert score.per_category["COERCE"][0] == PRF(0, 1, 0)
    assert "category" in format_report(score)
    assert score.category.f1 == PRF(3, 1, 0).f1  # fields, so `--json` output carries them


def test_duplicates_of_the_scored_tuple_count_once() -> None:
    records = [_record("a", "ASSAULT", ["ISR"], ["PSE"])]
    same = [_event("ASSAULT", ["ISR"], ["PSE"]), _event("ASSAULT", ["ISRMIL"], ["PSEGOV"])]
    score = score_records(records, FakeCoder({"a": same}), _build)
    assert score.triple == PRF(1, 0, 0) and score.category == PRF(1, 0, 0)


def test_events_without_plover_category_are_not_counted() -> None:
    records = [_record("a", "REJECT", ["USA"], ["IRQ"])]
    said = _event("", ["USA"], ["IRQ"])  # a CAMEO 01 statement: PLOVER drops it
    score = score_records(records, FakeCoder({"a": [said]}), _build)
    assert score.category == PRF(0, 0, 1)


@pytest.mark.slow
@pytest.mark.shared
def test_plover_dev_scores_at_least_the_floors(shared_dir: Path) -> None:
    from newsgraph.events import EventCoder

    floors = json.loads(FLOORS.read_text("utf-8"))
    path = shared_dir / "data" / "gold" / "events" / "plover_gsr_dev.jsonl"
    score = score_events(path, EventCoder(learned=False))
    assert score.records == 165
    for level, prf in (("category", score.category), ("triple", score.triple)):
        for name in ("precision", "recall", "f1"):
            assert getattr(prf, name) >= floors[level][name], (level, name, format_report(score))


def test_split_is_a_stable_hash_of_the_record_id() -> None:
    ids = [f"PLOVER-GSR01-X-{i:04d}" for i in range(400)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]  # no state, no order
    assert 0.4 < splits.count("locked") / len(ids) < 0.6
    records = [{"id": i} for i in ids]
    tune, locked = in_split(records, "tune"), in_split(records, "locked")
    assert len(tune) + len(locked) == len(ids) and not {r["id"] for r in tune} & {
        r["id"] for r in locked
    }
    with pytest.raises(ValueError):
        in_split(records, "dev")


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("split", ["tune", "locked"])
def test_plover_dev_splits_score_at_least_their_floors(shared_dir: Path, split: str) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))[split]
    score = score_events(
        shared_dir / "data" / "gold" / "events" / "plover_gsr_dev.jsonl", split=split
    )
    assert score.records == floors["records"]
    if split == "locked":
        assert score.results == ()  # its rows are never kept, so nothing can print them
    for level, prf in (("category", score.category), ("triple", score.triple)):
        for name in ("precision", "recall", "f1"):
            # the message carries scores only: never a locked sentence
            assert getattr(prf, name) >= floors[level][name], (level, name, getattr(prf, name))

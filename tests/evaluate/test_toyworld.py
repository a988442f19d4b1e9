"""Toy-world scoring: dyads of compound events, exact-set correctness, and the floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.toyworld import ToyRecord, dyads, format_report, score_toyworld
from newsgraph.model import ActorRef, Event, RuleTrace, Span

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval" / "floors" / "toyworld.json"


def _event(source: list[ActorRef], target: list[ActorRef]) -> Event:
    return Event(
        id="x",
        article_id="r",
        sentence=0,
        trigger=Span(0, 1, "x"),
        source=tuple(source),
        target=tuple(target),
        cameo="120",
        cameo_root="12",
        goldstein=-4.0,
        quad_class=3,
        plover="REJECT",
        mode="",
        context="",
        rule=RuleTrace("p", "v"),
    )


GON = ActorRef("Gondor", "GON", "Gondor", 0, 6)
OSG = ActorRef("Osgiliath", "OSG", "Osgiliath", 11, 20)


def test_compound_events_become_one_dyad_per_pair() -> None:
    assert dyads(_event([GON, OSG], [])) == [("120", "GON", "---"), ("120", "OSG", "---")]
    # A reciprocal compound ("postponed their meeting") acts on its other members, not itself.
    assert dyads(_event([GON, OSG], [GON, OSG])) == [("120", "GON", "OSG"), ("120", "OSG", "GON")]


def test_record_is_correct_only_for_the_exact_gold_set() -> None:
    gold = (("120", "GON", "OSG"),)
    assert ToyRecord("r", "DEMO", "t", gold, (("120", "GON", "OSG"),)).correct
    extra = ToyRecord("r", "DEMO", "t", gold, (("120", "GON", "OSG"), ("010", "GON", "---")))
    assert not extra.correct and extra.false_events == 1
    assert ToyRecord("r", "DEMO", "t", (), ()).correct  # nothing expected, nothing coded


@pytest.mark.slow
@pytest.mark.shared
def test_toy_world_beats_the_floors(shared_dir: Path) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    score = score_toyworld(shared_dir / "data" / "gold" / "events" / "petrarch_toyworld")
    report = format_report(score)
    assert score.records == 264, report
    assert score.correct_share >= floors["correct_share"], report
    assert score.false_share <= floors["false_share_at_most"], report
    # The published PETRARCH-lineage reference: 68.3% correct, 23.0% false events.
    assert score.correct_share > 0.683 and score.false_share < 0.230, report

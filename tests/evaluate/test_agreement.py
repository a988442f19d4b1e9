"""Agreement of two annotations: kappa over aligned events, span overlap F1."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.agreement import agreement, align, cohen_kappa
from newsgraph.events.annotations import ActorArg, AnnotatedEvent, SpanRef


def _event(category: str, trigger: tuple[int, int], source: tuple[int, int] | None = None):
    span = SpanRef(*trigger, "x")
    actors = (ActorArg(SpanRef(*source, "y"), "USA"),) if source else ()
    return AnnotatedEvent(category, "", span, actors, (), False, False)


def test_kappa_textbook_values() -> None:
    assert cohen_kappa([("A", "A"), ("B", "B")]) == 1.0
    # 2x2 table a=20 b=5 c=10 d=15: po 0.7, pe 0.5 -> 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_align_pairs_by_trigger_then_fills_with_none() -> None:
    first = [_event("ASSAULT", (0, 5)), _event("COERCE", (10, 15))]
    second = [_event("COERCE", (11, 14)), _event("ACCUSE", (30, 35))]
    assert sorted(align(first, second)) == [
        ("ASSAULT", "NONE"),
        ("COERCE", "COERCE"),
        ("NONE", "ACCUSE"),
    ]
    assert align([], []) == [("NONE", "NONE")]
    # different categories on the same trigger are paired as a disagreement
    assert align([_event("AGREE", (0, 3))], [_event("SUPPORT", (1, 2))]) == [("AGREE", "SUPPORT")]


def test_agreement_over_shared_sentences() -> None:
    first = {"s1": (_event("ASSAULT", (0, 5), (6, 9)),), "s2": (), "s3": ()}
    second = {"s1": (_event("ASSAULT", (0, 5), (20, 25)),), "s2": (_event("AID", (1, 2)),)}
    result = agreement(first, second)
    assert result.sentences == 2 and result.items == 2
    assert result.span_f1["trigger"] == pytest.approx(2 / 3)  # P 1/2 (s2 extra), R 1
    assert result.span_f1["source"] == 0.0
    assert result.sentence_event_agreement == 0.5

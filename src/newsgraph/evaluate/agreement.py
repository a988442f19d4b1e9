"""Agreement of two independent event annotations of the same sentences.

Category: Cohen's kappa over aligned items. In each sentence, the events of the two annotators
are paired by overlapping trigger (the same category first, then any); an event left unpaired is
paired with NONE; a sentence both label NONE is one (NONE, NONE) item. Spans: overlap F1 per role
(trigger, source, target) — a span of one annotator counts as found when it overlaps a span of
the same role of the other, over all events of the sentence, each side's spans once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsgraph.events.annotations import NONE, AnnotatedEvent, SpanRef

ROLES = ("trigger", "source", "target")


@dataclass(frozen=True, slots=True)
class Agreement:
    """Kappa on the category, raw agreement, and span overlap F1 per role."""

    sentences: int
    items: int
    kappa: float
    observed: float
    span_f1: dict[str, float]
    sentence_event_agreement: float  # share of sentences both call eventful or both NONE


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of paired labels (1.0 when both agree on a single label throughout)."""
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def _overlap(a: SpanRef | None, b: SpanRef | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def align(
    first: Sequence[AnnotatedEvent], second: Sequence[AnnotatedEvent]
) -> list[tuple[str, str]]:
    """Category pairs of one sentence's events (see the module docstring)."""
    if not first and not second:
        return [(NONE, NONE)]
    left = list(first)
    right = list(second)
    pairs: list[tuple[str, str]] = []
    for same_category in (True, False):
        for a in list(left):
            match = next(
                (
                    b
                    for b in right
                    if _overlap(a.trigger, b.trigger) and (a.event == b.event or not same_category)
                ),
                None,
            )
            if match is not None:
                pairs.append((a.event, match.event))
                left.remove(a)
                right.remove(match)
    pairs.extend((a.event, NONE) for a in left)
    pairs.extend((NONE, b.event) for b in right)
    return pairs


def _spans(events: Sequence[AnnotatedEvent], role: str) -> list[SpanRef]:
    spans: list[SpanRef] = []
    for event in events:
        if role == "trigger":
            found = [event.trigger]
        else:
            found = [a.span for a in (event.source if role == "source" else event.target)]
        spans.extend(s for s in found if s is not None and s not in spans)
    return spans


def span_f1(
    first: Mapping[str, Sequence[AnnotatedEvent]],
    second: Mapping[str, Sequence[AnnotatedEvent]],
    role: str,
) -> float:
    """Overlap F1 of one role's spans, the first annotation taken as reference."""
    found_second = total_second = found_first = total_first = 0
    for sent_id in first.keys() & second.keys():
        a, b = _spans(first[sent_id], role), _spans(second[sent_id], role)
        total_first += len(a)
        total_second += len(b)
        found_first += sum(any(_overlap(x, y) for y in b) for x in a)
        found_second += sum(any(_overlap(y, x) for x in a) for y in b)
    precision = found_second / total_second if total_second else 0.0
    recall = found_first / total_first if total_first else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def agreement(
    first: Mapping[str, Sequence[AnnotatedEvent]], second: Mapping[str, Sequence[AnnotatedEvent]]
) -> Agreement:
    """Agreement over the sentences both annotations label."""
    shared = sorted(first.keys() & second.keys())
    pairs = [p for s in shared for p in align(first[s], second[s])]
    eventful = sum(bool(first[s]) == bool(second[s]) for s in shared)
    return Agreement(
        sentences=len(shared),
        items=len(pairs),
        kappa=cohen_kappa(pairs),
        observed=sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0,
        span_f1={role: span_f1(first, second, role) for role in ROLES},
        sentence_event_agreement=eventful / len(shared) if shared else 0.0,
    )

"""The learned event model applied to the rule coder's candidates of an article, batched.

Every candidate trigger of the article (`EventCoder.candidates`) is encoded once (one MiniLM
pass over the article's candidate sentences) and scored. A candidate the model calls NONE gives
no event, nor does one without an actor (its own, or, by the emission rule below, one the rules
read in its sentence: so a sentence no actor is named in, which selective parsing leaves
unparsed, never has one); otherwise it gives one event of the model's category: the rules' own
event when they made one (its category replaced when the model disagrees), else an event built
from the rules' reading of the frame (source, target, negation, modality). The event carries
the calibrated probability as `confidence`; its rule trace names the runners-up for `explain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from newsgraph.events.annotations import NONE
from newsgraph.events.features import CLASSES, Evidence, Item, feature_matrix
from newsgraph.events.minilm import shared_vectors
from newsgraph.events.model import Decision, EventModel
from newsgraph.model import ActorRef, Event, RuleTrace, Span

# The emission rule, chosen by cross-validation on the annotated corpus (docs/evaluation/events.md):
# the least probability of the best category, and whether an event needs an actor of its own
# (else one the rules read for another candidate of its sentence will do).
MIN_CONFIDENCE = 0.0
OWN_ACTOR = False

if TYPE_CHECKING:
    from newsgraph.events.arguments import MentionIndex
    from newsgraph.events.coder import Candidate, EventCoder, Modality
    from newsgraph.model import Article


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with where it stands and what the rules read of its frame."""

    number: int  # sentence index in the article
    candidate: Candidate
    item: Item
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    modal: Modality | None  # None when the rules kept an event (its flags are the event's)


def evidence_of(
    coder: EventCoder, candidate: Candidate, index: MentionIndex
) -> tuple[Evidence, tuple[ActorRef, ...], tuple[ActorRef, ...], Modality | None]:
    """The rules' evidence on a candidate, and the frame they read."""
    trigger = candidate.trigger
    modal: Modality | None = None
    if candidate.events:
        first = candidate.events[0]
        source, target = first.source, first.target
        negated, unreal, category = first.negated, first.hypothetical, first.plover
    else:
        source, target, modal = coder.frame_arguments(candidate, index)
        negated, unreal = modal.negated, modal.hypothetical
        entry = coder.codebook.entry_or_unlisted(modal.code) if modal.code.isdigit() else None
        category = entry.plover if entry is not None else ""
    evidence = Evidence(
        category=category if category in CLASSES else "",
        kind=trigger.kind,
        kept=bool(candidate.events),
        multiword=bool(trigger.words),
        own_rule=trigger.pattern_id.startswith("ng:"),
        negated=negated,
        hypothetical=unreal,
        has_source=bool(source),
        has_target=bool(target),
    )
    return evidence, source, target, modal


def _alternatives(decision: Decision) -> str:
    runners = ", ".join(f"{name} {p:.2f}" for name, p in decision.next_two())
    return f"model: {decision.category} {decision.probability:.2f}; next {runners}"


def _recategorised(coder: EventCoder, event: Event, category: str) -> Event:
    """The rules' event under the model's category: the CAMEO code becomes that category's."""
    return replace(event, **_coded(coder, category))


def _coded(coder: EventCoder, category: str) -> dict[str, Any]:
    """The codebook's fields for a category the model chose (its CAMEO root code, no mode)."""
    code = coder.codebook_code(category)
    entry = coder.codebook.entry_or_unlisted(code)
    return {
        "cameo": code,
        "cameo_root": entry.root,
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
        "plover": category,
        "mode": "",
        "context": entry.context,
    }


def _event_of(coder: EventCoder, article: Article, scored: Scored, decision: Decision) -> Event:
    candidate = scored.candidate
    category = decision.category
    if candidate.events:
        event = candidate.events[0]
        if event.plover != category:
            event = _recategorised(coder, event, category)
    else:
        token = candidate.trigger.token
        assert scored.modal is not None
        event = Event(
            id=f"{article.id}:e{scored.number}-{token.i - token.sent.start}m",
            article_id=article.id,
            sentence=scored.number,
            trigger=Span(token.idx, token.idx + len(token.text), token.text),
            source=scored.source,
            target=scored.target,
            **_coded(coder, category),
            rule=RuleTrace(candidate.trigger.pattern_id, coder.version),
            negated=scored.modal.negated,
            hypothetical=scored.modal.hypothetical,
        )
    detail = "; ".join(x for x in (event.rule.detail, _alternatives(decision)) if x)
    return replace(
        event, rule=replace(event.rule, detail=detail), confidence=round(decision.probability, 4)
    )


def decide(
    coder: EventCoder,
    model: EventModel,
    article: Article,
    found: Sequence[tuple[int, str, int, Candidate]],
    index: MentionIndex,
) -> list[Event]:
    """The events of an article's candidates: (sentence number, its text, where that text starts
    in the clean text, candidate)."""
    scored: list[Scored] = []
    for number, text, start, candidate in found:
        evidence, source, target, modal = evidence_of(coder, candidate, index)
        token = candidate.trigger.token
        begin = token.idx - start
        item = Item(text, begin, begin + len(token.text), evidence)
        scored.append(Scored(number, candidate, item, source, target, modal))
    if not scored:
        return []
    decisions = model.decide(feature_matrix([s.item for s in scored], shared_vectors()))
    with_actor = {s.number for s in scored if s.source or s.target}
    return [
        _event_of(coder, article, s, d)
        for s, d in zip(scored, decisions, strict=True)
        if d.category != NONE
        and d.probability >= MIN_CONFIDENCE
        and (s.source or s.target or (not OWN_ACTOR and s.number in with_actor))
    ]

"""Score custom-dictionary coding on the PETRARCH toy world (petrarch_toyworld/records.jsonl).

The toy world is a made-up set of states with its own actor, agent, verb and discard
dictionaries; each record is a sentence with the CAMEO events expected from them. The text is
parsed with spaCy (the records' shipped parses are not used), linked with the toy actor and agent
dictionaries only, and coded with the toy verb dictionary only.

Scoring follows UniversalPetrarch's validation: over the records marked evaluate=true, a record
is correct when its set of (CAMEO code, source, target) equals the gold set (a record expecting
no event, or an error, is correct when nothing is coded); false events = coded events not in the
record's gold set / all coded events. Compound actors count as one event per (source, target)
pair, as the gold lists them. Negated and hypothetical events do not count as coded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.model import ActorRef, Article, Event, Provenance, Sentence

log = logging.getLogger(__name__)

ACTORS = "PETR_Validate_actors_2_02.txt"
AGENTS = "PETR_Validate_agents_2_02.txt"
VERBS = "PETR_Validate_verbs_2_02.txt"
DISCARDS = "PETR_Validate_discards_2_02.txt"
NO_ACTOR = "---"
# Published reference for a PETRARCH-lineage coder on these 264 records (UniversalPetrarch README).
REFERENCE_CORRECT = 0.683
REFERENCE_FALSE = 0.230

Dyad = tuple[str, str, str]
ArticleBuilder = Callable[[str, str, date | None], Article]


@dataclass(frozen=True, slots=True)
class ToyRecord:
    """One scored record: gold and coded dyads."""

    id: str
    category: str
    text: str
    gold: tuple[Dyad, ...]
    coded: tuple[Dyad, ...]

    @property
    def correct(self) -> bool:
        return set(self.coded) == set(self.gold)

    @property
    def false_events(self) -> int:
        return sum(1 for d in self.coded if d not in self.gold)


@dataclass(frozen=True, slots=True)
class ToyworldScore:
    """Share of records coded exactly right and share of coded events that are false."""

    records: int
    correct: int
    coded: int
    false: int
    results: tuple[ToyRecord, ...] = ()
    correct_share: float = field(init=False, default=0.0)
    false_share: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "correct_share", self.correct / self.records if self.records else 0.0
        )
        object.__setattr__(self, "false_share", self.false / self.coded if self.coded else 0.0)


def dyads(event: Event) -> list[Dyad]:
    """An event as (code, source, target) triples, one per pair of compound members."""
    sources: list[ActorRef | None] = list(event.source) or [None]
    targets: list[ActorRef | None] = list(event.target) or [None]
    return [
        (event.cameo, s.code if s else NO_ACTOR, t.code if t else NO_ACTOR)
        for s in sources
        for t in targets
        if s is None or t is None or (s.start, s.end) != (t.start, t.end)  # reciprocal compounds
    ]


def counted(event: Event) -> bool:
    return not event.negated and not event.hypothetical


def _gold(record: dict[str, Any]) -> tuple[Dyad, ...]:
    return tuple(
        sorted(
            {
                (e["eventcode"], e.get("sourcecode") or NO_ACTOR, e.get("targetcode") or NO_ACTOR)
                for e in record.get("gold_events", [])
                if "eventcode" in e
            }
        )
    )


def _published(raw: str | None) -> date | None:
    if not raw or len(raw) != 8 or not raw.isdigit():
        return None
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def toyworld_coder(directory: str | Path) -> Any:
    """An EventCoder that knows only the toy world's verbs and discards."""
    from newsgraph.events import EventCoder

    folder = Path(directory)
    return EventCoder(
        verb_dictionaries=[folder / VERBS],
        use_defaults=False,
        discard_dictionaries=[folder / DISCARDS],
    )


def toyworld_article_builder(directory: str | Path, nlp: Any = None) -> ArticleBuilder:
    """Parses with spaCy and links with the toy actor and agent dictionaries only."""
    from newsgraph.link import Linker

    if nlp is None:
        from newsgraph.annotate.nlp import load_pipeline

        nlp = load_pipeline()
    folder = Path(directory)
    linker = Linker(
        actor_dictionaries=[folder / ACTORS],
        agent_dictionaries=[folder / AGENTS],
        use_defaults=False,
    )

    def build(record_id: str, text: str, published: date | None) -> Article:
        doc = nlp(text)
        sentences = tuple(
            Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
        )
        article = Article(
            id=record_id,
            raw_text=text,
            provenance=Provenance("toyworld", None),
            clean_text=text,
            published=published,
            sentences=sentences,
            doc=doc,
        )
        return linker.link(article, None)

    return build


def score_toyworld(
    directory: str | Path, coder: Any = None, build: ArticleBuilder | None = None
) -> ToyworldScore:
    """Score the coder (default: toy verbs only) on the records marked evaluate=true."""
    folder = Path(directory)
    coder = coder or toyworld_coder(folder)
    build = build or toyworld_article_builder(folder)
    results = []
    with (folder / "records.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        if str(record.get("evaluate", "")).lower() != "true":
            continue
        article = coder.code(build(record["id"], record["text"], _published(record.get("date"))))
        coded = tuple(dict.fromkeys(d for e in article.events if counted(e) for d in dyads(e)))
        results.append(
            ToyRecord(
                record["id"], record.get("category", ""), record["text"], _gold(record), coded
            )
        )
    return ToyworldScore(
        records=len(results),
        correct=sum(r.correct for r in results),
        coded=sum(len(r.coded) for r in results),
        false=sum(r.false_events for r in results),
        results=tuple(results),
    )


def format_report(score: ToyworldScore) -> str:
    """Correct and false shares next to the published PETRARCH-lineage reference."""
    return "\n".join(
        [
            f"PETRARCH toy world: {score.records} records (evaluate=true)",
            f"  coded exactly right: {score.correct_share:6.1%} ({score.correct}/{score.records})"
            f"   reference {REFERENCE_CORRECT:.1%}",
            f"  false events:        {score.false_share:6.1%} ({score.false}/{score.coded})"
            f"   reference {REFERENCE_FALSE:.1%}",
        ]
    )

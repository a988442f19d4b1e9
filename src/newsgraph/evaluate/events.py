"""Score the event coder on PLOVER gold sentences (plover_gsr_dev.jsonl).

Each gold record is one sentence with one event: a PLOVER category (`event_plover2021`), source
actors and target actors (country code + sector). The sentence is parsed with spaCy, linked with
the actor linker and coded; events flagged negated or hypothetical did not happen and are not
counted, nor are CAMEO 01/02 statements (PLOVER drops them).

Scoring (shared/CONVENTIONS.md): every coded event in a sentence that is not the gold event is a
false positive; a gold record without target accepts any target; actor codes are compared by
their first three letters (JAP -> JPN, ITL -> ITA). Events that are the same at the level being
scored (same category; or same category, source and target countries) count once per sentence.
Two levels: the PLOVER category alone, and (category, source countries, target countries) where
the country sets must be equal.

Splits (shared/CONVENTIONS.md): the rules were written while reading these sentences, so a hash of
each record id puts it in `tune` (its errors may be read) or `locked` (scored only: its rows are
never kept in the score, so neither the report nor `--json` can show them).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsgraph.model import Article, Event, Provenance, Sentence

log = logging.getLogger(__name__)

OLD_CODES = {"JAP": "JPN", "ITL": "ITA"}
SPLITS = ("tune", "locked", "all")
# Salted so the split is this project's own; changing it would unlock sentences already read.
_SPLIT_SALT = "newsgraph-events-locked-v1:"

# Parses and links a sentence: text -> Article with doc and mentions (the coder does the rest).
ArticleBuilder = Callable[[str, str], Article]
# (PLOVER category, source countries, target countries); countries sorted, so equal sets compare
# equal and the record stays JSON-friendly.
Triple = tuple[str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and the precision, recall and F1 they give (fields, so JSON output has them)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = field(init=False, default=0.0)
    recall: float = field(init=False, default=0.0)
    f1: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        object.__setattr__(self, "precision", p)
        object.__setattr__(self, "recall", r)
        object.__setattr__(self, "f1", 2 * p * r / (p + r) if p + r else 0.0)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class RecordResult:
    """One gold sentence: what gold says and what was coded."""

    id: str
    text: str
    gold: Triple
    gold_has_target: bool
    coded: tuple[Triple, ...]
    category_hit: bool
    triple_hit: bool


@dataclass(frozen=True, slots=True)
class EventScore:
    """Category-level and triple-level P/R/F1, overall and per gold category."""

    records: int
    category: PRF
    triple: PRF
    per_category: dict[str, tuple[PRF, PRF]] = field(default_factory=dict)
    results: tuple[RecordResult, ...] = ()


def country(code: str) -> str:
    """The first three letters of an actor code, old CAMEO forms read as ISO."""
    head = code[:3].upper()
    return OLD_CODES.get(head, head)


def _countries(codes: Any) -> tuple[str, ...]:
    return tuple(sorted({country(c) for c in codes}))


def _actor_set(actors: Any) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    return _countries(a["code"] for a in actors if isinstance(a, dict) and a.get("code"))


def counted(event: Event) -> bool:
    """Does this event count as a PLOVER event that happened?"""
    return bool(event.plover) and not event.negated and not event.hypothetical


def event_triple(event: Event) -> Triple:
    return (
        event.plover,
        _countries(a.code for a in event.source),
        _countries(a.code for a in event.target),
    )


def _matches(coded: Triple, gold: Triple, gold_has_target: bool) -> bool:
    return (
        coded[0] == gold[0] and coded[1] == gold[1] and (not gold_has_target or coded[2] == gold[2])
    )


def split_of(record_id: str) -> str:
    """`locked` for about half the records (by a hash of the id), `tune` for the rest."""
    digest = hashlib.sha256((_SPLIT_SALT + record_id).encode("utf-8")).digest()
    return "locked" if digest[0] < 128 else "tune"


def in_split(records: Iterable[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    """The records of one split (`all`: every record)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    return [r for r in records if split == "all" or split_of(str(r["id"])) == split]


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a PLOVER JSONL file."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def spacy_article_builder(
    link: Callable[[Article], Article] | None = None, nlp: Any = None
) -> ArticleBuilder:
    """Builds articles with the real pipeline: spaCy parse, then the linker (default Linker())."""
    if nlp is None:
        from newsgraph.annotate.nlp import load_pipeline

        nlp = load_pipeline()
    if link is None:
        from newsgraph.link import Linker

        linker = Linker()

        def link(article: Article) -> Article:
            return linker.link(article, None)

    def build(record_id: str, text: str) -> Article:
        doc = nlp(text)
        sentences = tuple(
            Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
        )
        article = Article(
            id=record_id,
            raw_text=text,
            provenance=Provenance("gold", None),
            clean_text=text,
            sentences=sentences,
            doc=doc,
        )
        assert link is not None
        return link(article)

    return build


def score_records(
    records: Iterable[dict[str, Any]], coder: Any, build: ArticleBuilder
) -> EventScore:
    """Score already-read gold records."""
    category, triple = PRF(), PRF()
    per_category: dict[str, tuple[PRF, PRF]] = {}
    results = []
    for record in records:
        gold: Triple = (
            record["event_plover2021"],
            _actor_set(record.get("source")),
            _actor_set(record.get("target")),
        )
        gold_has_target = bool(gold[2])
        article = coder.code(build(record["id"], record["text"]))
        triples = tuple(dict.fromkeys(event_triple(e) for e in article.events if counted(e)))
        categories = set(t[0] for t in triples)
        cat_hit = gold[0] in categories
        cat = PRF(int(cat_hit), len(categories - {gold[0]}), int(not cat_hit))
        triple_hit = any(_matches(t, gold, gold_has_target) for t in triples)
        misses = sum(1 for t in triples if not _matches(t, gold, gold_has_target))
        tri = PRF(int(triple_hit), misses, int(not triple_hit))
        category, triple = category + cat, triple + tri
        own_cat, own_tri = per_category.get(gold[0], (PRF(), PRF()))
        per_category[gold[0]] = (own_cat + PRF(cat.tp, 0, cat.fn), own_tri + PRF(tri.tp, 0, tri.fn))
        # A wrong category is a false positive of that category.
        for wrong in categories - {gold[0]}:
            w_cat, w_tri = per_category.get(wrong, (PRF(), PRF()))
            n_wrong = sum(1 for t in triples if t[0] == wrong)
            per_category[wrong] = (w_cat + PRF(0, 1, 0), w_tri + PRF(0, n_wrong, 0))
        same_cat_misses = sum(
            1 for t in triples if t[0] == gold[0] and not _matches(t, gold, gold_has_target)
        )
        if same_cat_misses:
            own_cat, own_tri = per_category[gold[0]]
            per_category[gold[0]] = (own_cat, own_tri + PRF(0, same_cat_misses, 0))
        results.append(
            RecordResult(
                record["id"], record["text"], gold, gold_has_target, triples, cat_hit, triple_hit
            )
        )
    return EventScore(
        len(results), category, triple, dict(sorted(per_category.items())), tuple(results)
    )


def score_events(
    gold_path: str | Path,
    coder: Any = None,
    build: ArticleBuilder | None = None,
    split: str = "all",
) -> EventScore:
    """Score a coder (default EventCoder()) on a split of a PLOVER gold JSONL file; a `locked`
    score keeps no rows (sentences and errors stay unread)."""
    records = in_split(read_gold(gold_path), split)
    if coder is None:
        from newsgraph.events import EventCoder

        coder = EventCoder()
    score = score_records(records, coder, build or spacy_article_builder())
    return replace(score, results=()) if split == "locked" else score


def _row(name: str, prf: PRF) -> str:
    return (
        f"{name:<22} P {prf.precision:5.3f}  R {prf.recall:5.3f}  F1 {prf.f1:5.3f}  "
        f"(tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
    )


def format_report(score: EventScore, split: str = "all") -> str:
    """A plain-text report: overall and per-category P/R/F1 at both levels."""
    lines = [
        f"PLOVER event coding on {score.records} gold sentences (split: {split})",
        _row("category", score.category),
        _row("category+src+tgt", score.triple),
        "",
        "per gold category (category level | triple level):",
    ]
    for name, (cat, tri) in score.per_category.items():
        lines.append(  # a gold record adds one to tp or fn of its own category
            f"  {name:<11} n={cat.tp + cat.fn:<3} cat F1 {cat.f1:5.3f} "
            f"(P {cat.precision:4.2f} R {cat.recall:4.2f})  triple F1 {tri.f1:5.3f} "
            f"(P {tri.precision:4.2f} R {tri.recall:4.2f})"
        )
    return "\n".join(lines)

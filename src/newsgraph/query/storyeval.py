"""Scoring near-duplicate detection against the BBC corpus's derived duplicate pairs.

The corpus (../shared/data/corpora/bbc-news-2225, read-only) lists exact-duplicate groups and the
pairs whose 5-word-shingle Jaccard is >= 0.8. Two settings are scored: all 2,225 texts, and the
texts left after dropping exact duplicates, as the pipeline does before stories are built. Pairs
found are all pairs of articles placed in the same near-copy group. The gold file is read only to
score.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from newsgraph.query.stories import Placement, StoryDoc, group_stories

Pair = frozenset[str]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Precision and recall of the near-duplicate pairs found in one setting."""

    setting: str
    articles: int
    gold: int
    found: int
    correct: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


@dataclass(frozen=True, slots=True)
class StoriesScore:
    """Both settings, and what the stories pass made of the deduplicated corpus."""

    all_texts: PairScore
    deduplicated: PairScore
    stories: int
    multi_source_stories: int
    largest_story: int


def read_corpus(corpus_dir: Path) -> list[StoryDoc]:
    """The BBC articles as headline + body texts (no dates in this corpus)."""
    with (corpus_dir / "bbc.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [StoryDoc(r["id"], f"{r['title']}\n\n{r['text']}") for r in records]


def score_stories(corpus_dir: Path) -> StoriesScore:
    """Score near-duplicate pairs with and without exact duplicates; summarise the stories."""
    docs = read_corpus(corpus_dir)
    gold = json.loads((corpus_dir / "DERIVED_duplicates.json").read_text("utf-8"))
    pairs = {frozenset(p[:2]) for p in gold["near_dup_pairs"]}
    exact_copies = {member for group in gold["exact_dup_groups"] for member in sorted(group)[1:]}
    everything = _score("all texts", docs, pairs)
    kept = [d for d in docs if d.id not in exact_copies]
    kept_ids = {d.id for d in kept}
    started = time.perf_counter()
    placements = group_stories(kept)
    seconds = time.perf_counter() - started
    deduplicated = _pair_score(
        "exact duplicates dropped",
        len(kept),
        {p for p in pairs if p <= kept_ids},
        _found_pairs(placements),
        seconds,
    )
    sizes: dict[str, int] = {}
    for p in placements:
        if p.duplicate_of is None:
            sizes[p.story_id] = sizes.get(p.story_id, 0) + 1
    return StoriesScore(
        everything,
        deduplicated,
        stories=len(sizes),
        multi_source_stories=sum(n > 1 for n in sizes.values()),
        largest_story=max(sizes.values(), default=0),
    )


def format_report(score: StoriesScore) -> str:
    lines = ["setting | articles | gold pairs | found | correct | precision | recall | seconds"]
    for s in (score.all_texts, score.deduplicated):
        lines.append(
            f"{s.setting} | {s.articles} | {s.gold} | {s.found} | {s.correct} | "
            f"{s.precision:.3f} | {s.recall:.3f} | {s.seconds:.1f}"
        )
    lines.append(
        f"stories (exact duplicates dropped): {score.stories}, with several sources: "
        f"{score.multi_source_stories}, largest: {score.largest_story} sources"
    )
    return "\n".join(lines)


def _score(setting: str, docs: list[StoryDoc], gold: set[Pair]) -> PairScore:
    started = time.perf_counter()
    placements = group_stories(docs)
    seconds = time.perf_counter() - started
    return _pair_score(setting, len(docs), gold, _found_pairs(placements), seconds)


def _found_pairs(placements: list[Placement]) -> set[Pair]:
    groups: dict[str, list[str]] = {}
    for p in placements:
        if p.duplicate_of is not None:
            groups.setdefault(p.duplicate_of, [p.duplicate_of]).append(p.article_id)
    return {frozenset(pair) for members in groups.values() for pair in combinations(members, 2)}


def _pair_score(
    setting: str, articles: int, gold: set[Pair], found: set[Pair], seconds: float
) -> PairScore:
    return PairScore(setting, articles, len(gold), len(found), len(gold & found), seconds)

"""Sentences that may answer a question: BM25 candidates, scoped, reranked by its focus.

Candidates come from the FTS index (BM25 over the question's content words, focus lemmas and
names), kept to the question's time range when it has one. The reranking is what decides: the
share of the question's focus (predicate and argument lemmas, compared by the index's Porter
stems, each weighted by its IDF) that the sentence holds, its predicate above all, the actors the
question names, and the BM25 rank as a tie-breaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.query.focus import Focus
from newsgraph.query.question import Question
from newsgraph.query.search import SentenceHit, idf, search_sentences, stems, words_of
from newsgraph.store import Store

CANDIDATES = 40
RRF_K = 60  # the BM25 rank enters as reciprocal rank fusion would weigh it
PREDICATE_WEIGHT = 0.5
ACTOR_WEIGHT = 0.25
RANK_WEIGHT = 10.0  # 1 / (RRF_K + rank) is at most 1/60: scaled to break ties between shares


@dataclass(frozen=True, slots=True)
class Passage:
    """A candidate sentence with what the reranking measured."""

    article_id: str
    sentence: int
    text: str
    coverage: float  # share of the focus stems the sentence holds, weighted by their IDF
    predicate: bool  # holds the focus predicate
    score: float
    stems: frozenset[str]


def focus_stems(store: Store, q: Question, focus: Focus) -> list[frozenset[str]]:
    """Per focus word, the stems that count as the sentence holding it: the written word's
    and its lemma's ("held" or "hold"); the predicate first. The question's content words
    when the parse found no focus."""
    if not focus.lemmas:
        return [frozenset({s}) for s in q.stems if len(s) > 1]
    lemmas = stems(store, list(focus.lemmas))
    written = stems(store, list(focus.written)) if focus.written else lemmas
    return [
        frozenset(s for s in pair if len(s) > 1)
        for pair in zip(lemmas, written, strict=False)
        if any(len(s) > 1 for s in pair)
    ]


def wanted_stems(groups: list[frozenset[str]]) -> frozenset[str]:
    """Every stem of the focus groups."""
    return frozenset(s for g in groups for s in g)


def retrieve(store: Store, q: Question, focus: Focus, limit: int = CANDIDATES) -> list[Passage]:
    """Candidate sentences for a question, best first by the reranking."""
    query = " ".join([*q.terms, *focus.lemmas, *(n.text for n in q.named)])
    hits = search_sentences(store, query, limit)
    if q.since or q.until:
        hits = _in_range(store, hits, q)
    if not hits:
        return []
    groups = focus_stems(store, q, focus)
    predicate = groups[0] if focus.predicate and groups else None
    weight = idf(store, sorted(wanted_stems(groups)))
    group_weight = [max(weight[s] for s in g) for g in groups]
    total = sum(group_weight)
    tokens = [[w.lower() for w in words_of(h.text)] for h in hits]
    vocabulary = sorted({w for found in tokens for w in found})
    stem_of = dict(zip(vocabulary, stems(store, vocabulary), strict=True))
    names = [n.text.lower() for n in q.named if not q.is_place(n)]
    passages = []
    for rank, (hit, words) in enumerate(zip(hits, tokens, strict=True)):
        held = frozenset(stem_of[w] for w in words)
        coverage = (
            sum(w for g, w in zip(groups, group_weight, strict=True) if g & held) / total
            if total
            else 0.0
        )
        has_predicate = predicate is not None and bool(predicate & held)
        named = sum(n in hit.text.lower() for n in names) / len(names) if names else 0.0
        score = (
            coverage
            + PREDICATE_WEIGHT * has_predicate
            + ACTOR_WEIGHT * named
            + RANK_WEIGHT / (RRF_K + rank)
        )
        passages.append(
            Passage(hit.article_id, hit.sentence, hit.text, coverage, has_predicate, score, held)
        )
    passages.sort(key=lambda p: (-p.score, p.article_id, p.sentence))
    return passages


def _in_range(store: Store, hits: list[SentenceHit], q: Question) -> list[SentenceHit]:
    """Hits from articles published in the question's range (undated articles stay)."""
    ids = sorted({h.article_id for h in hits})
    rows = store.query(
        "SELECT id, published FROM articles WHERE is_current AND id IN (SELECT unnest(?))", [ids]
    )
    published = {r["id"]: r["published"] for r in rows}
    kept = []
    for hit in hits:
        day = published.get(hit.article_id)
        if day is None or (
            (q.since is None or day >= q.since) and (q.until is None or day <= q.until)
        ):
            kept.append(hit)
    return kept

"""Stories benchmark on the BBC corpus (read-only, ../shared): near-duplicate pairs and time.

Compares MinHash LSH (the pipeline's method) with the exhaustive baseline — the exact Jaccard of
every pair of articles — on the same texts in the same run (the first BASELINE_ARTICLES articles:
the baseline is quadratic), then sweeps the near-duplicate threshold over all texts.
Run: PYTHONPATH=src .venv/bin/python benchmarks/stories.py
"""

from __future__ import annotations

import json
import logging
import sys
import time
from itertools import combinations
from pathlib import Path

from newsgraph.query.stories import StoryDoc, near_duplicates, shingles
from newsgraph.query.storyeval import format_report, read_corpus, score_stories

CORPUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpora" / "bbc-news-2225"
)
BASELINE_ARTICLES = 800
log = logging.getLogger("benchmarks.stories")


def exhaustive_pairs(docs: list[StoryDoc], threshold: float) -> set[frozenset[str]]:
    """Every pair compared exactly: the baseline LSH must match, at a quadratic cost."""
    sets = [(d.id, shingles(d.text)) for d in docs]
    found = set()
    for (a, sa), (b, sb) in combinations(sets, 2):
        if len(sa & sb) >= threshold * len(sa | sb):
            found.add(frozenset((a, b)))
    return found


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not CORPUS.is_dir():
        log.error("%s is missing", CORPUS)
        return 1
    report = format_report(score_stories(CORPUS))
    docs = read_corpus(CORPUS)
    gold_file = json.loads((CORPUS / "DERIVED_duplicates.json").read_text("utf-8"))
    gold = {frozenset(p[:2]) for p in gold_file["near_dup_pairs"]}

    sample = docs[:BASELINE_ARTICLES]
    started = time.perf_counter()
    lsh = {frozenset((p.a, p.b)) for p in near_duplicates(sample, 0.8)}
    lsh_seconds = time.perf_counter() - started
    started = time.perf_counter()
    exact = exhaustive_pairs(sample, 0.8)
    exact_seconds = time.perf_counter() - started

    lines = [report, "", f"near-duplicate pass alone, first {len(sample)} texts, threshold 0.8:"]
    lines.append(
        f"  MinHash LSH {lsh_seconds:.1f}s, {len(lsh)} pairs; exhaustive exact Jaccard "
        f"{exact_seconds:.1f}s, {len(exact)} pairs; LSH finds {len(lsh & exact)}/{len(exact)} of "
        f"them, {exact_seconds / lsh_seconds:.0f}x faster"
    )
    lines.append(
        "threshold sweep, all texts: threshold | pairs | precision | recall (gold: >= 0.8)"
    )
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        found = {frozenset((p.a, p.b)) for p in near_duplicates(docs, threshold)}
        right = len(found & gold)
        precision, recall = right / len(found), right / len(gold)
        lines.append(f"  {threshold:.1f} | {len(found)} | {precision:.3f} | {recall:.3f}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

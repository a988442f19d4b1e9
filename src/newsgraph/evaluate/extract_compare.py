"""Extractors side by side on one gold folder: the benchmark's figures and pages per second.

Timing is interleaved: each page goes through every extractor in turn, so a load change on a
shared machine slows all of them alike. Each extractor first runs on a few pages untimed, so
imports and lazy initialisation (jusText's stop lists, dateparser's locales) are not counted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.extract import load_gold, score_predictions
from newsgraph.evaluate.extractors import BASELINE, CANDIDATES, installed

log = logging.getLogger(__name__)

WARM_UP_PAGES = 3


@dataclass(frozen=True, slots=True)
class CandidateScore:
    """One extractor's figures over the folder, its speed, and its speed over the baseline's."""

    name: str
    precision: float
    recall: float
    f1: float
    pages_per_second: float
    speedup: float  # pages/s over trafilatura's defaults, measured in the same run
    failures: int  # pages on which the extractor raised


def compare_extractors(
    gold_dir: Path, names: Sequence[str] | None = None
) -> tuple[CandidateScore, ...]:
    """Score and time each installed candidate (all by default) on the same pages."""
    chosen = [n for n in (names or CANDIDATES) if installed(n)]
    for name in set(names or CANDIDATES) - set(chosen):
        log.warning("%s is not installed (pip install 'newsgraph[bench]'); left out", name)
    if BASELINE not in chosen:
        chosen.append(BASELINE)
    pages = load_gold(gold_dir)
    for name in chosen:
        for page in pages[:WARM_UP_PAGES]:
            _run(name, page.html, page.url)
    outputs: dict[str, list[str]] = {name: [] for name in chosen}
    seconds = dict.fromkeys(chosen, 0.0)
    failures = dict.fromkeys(chosen, 0)
    for page in pages:
        for name in chosen:
            started = time.perf_counter()
            text = _run(name, page.html, page.url)
            seconds[name] += time.perf_counter() - started
            failures[name] += text is None
            outputs[name].append(text or "")
    speed = {name: len(pages) / seconds[name] if seconds[name] else 0.0 for name in chosen}
    results = []
    for name in chosen:
        score = score_predictions(pages, outputs[name], seconds[name])
        results.append(
            CandidateScore(
                name=name,
                precision=score.precision,
                recall=score.recall,
                f1=score.f1,
                pages_per_second=speed[name],
                speedup=speed[name] / speed[BASELINE] if speed[BASELINE] else 0.0,
                failures=failures[name],
            )
        )
    return tuple(sorted(results, key=lambda r: -r.f1))


def format_comparison(results: Sequence[CandidateScore]) -> str:
    """A table, best F1 first (these are figures on the gold folder itself, nothing tuned)."""
    width = max(len(r.name) for r in results)
    lines = [f"{'extractor':{width}}  P       R       F1      pages/s  x {BASELINE}"]
    for r in results:
        failed = f"  ({r.failures} raised)" if r.failures else ""
        lines.append(
            f"{r.name:{width}}  {r.precision:.4f}  {r.recall:.4f}  {r.f1:.4f}  "
            f"{r.pages_per_second:7.1f}  {r.speedup:5.2f}{failed}"
        )
    return "\n".join(lines)


def _run(name: str, html: bytes, url: str | None) -> str | None:
    """One extraction; None when the extractor raised (logged)."""
    extractor = CANDIDATES[name][0]
    try:
        return extractor(html, url)
    # Third-party extractors raise anything on odd pages (newspaper4k wants an extra package
    # for a Japanese page): the page counts as extracting nothing, as the benchmark scores it.
    except Exception as err:
        log.info("%s raised on %s: %s", name, url or "page", err)
        return None

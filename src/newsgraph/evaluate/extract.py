"""Score main-text extraction on the article-extraction-benchmark (AEB) pages and their bodies.

The metric is the benchmark's own (scrapinghub/article-extraction-benchmark, `evaluate.py`, MIT;
technical report "Article Extraction Benchmark", Zyte 2020): texts are tokenised with `\\w+`,
4-token shingles are counted for the gold body and the prediction, TP/FP/FN come from the
multiset overlap and are normalised to sum to 1 per page so that long pages weigh no more than
short ones; precision is averaged over pages with a prediction, recall over pages with a gold
body, and F1 is the harmonic mean of those two means.

Folder layout (aeb_dev/README.txt): `ground-truth.json` = {id: {"articleBody", "url"}} and
`html/<id>.html.gz`, UTF-8 pages.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.extractors import Extractor, newsgraph_text

log = logging.getLogger(__name__)

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page: its shingle precision and recall, and the sizes of gold and extracted text."""

    id: str
    url: str
    precision: float
    recall: float
    f1: float
    gold_tokens: int
    extracted_tokens: int
    extracted: bool  # False when the extractor returned nothing: the page has no precision


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    """Benchmark precision, recall and F1 over a folder, with every page's own score."""

    precision: float
    recall: float
    f1: float
    pages: int
    per_page: tuple[PageScore, ...]
    seconds: float = 0.0

    def worst(self, count: int = 10) -> list[PageScore]:
        """The pages with the lowest F1."""
        return sorted(self.per_page, key=lambda page: (page.f1, page.id))[:count]


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One benchmark page: its id, url, raw HTML bytes and gold article body."""

    id: str
    url: str | None
    html: bytes
    body: str


def load_gold(gold_dir: Path) -> list[GoldPage]:
    """The pages of a gold folder, sorted by id."""
    gold_dir = Path(gold_dir)
    truth = json.loads((gold_dir / "ground-truth.json").read_text("utf-8"))
    return [
        GoldPage(
            id=page_id,
            url=truth[page_id].get("url") or None,
            html=gzip.decompress((gold_dir / "html" / f"{page_id}.html.gz").read_bytes()),
            body=truth[page_id].get("articleBody") or "",
        )
        for page_id in sorted(truth)
    ]


def score_extraction(gold_dir: Path, extractor: Extractor | None = None) -> ExtractionScore:
    """Run an extractor (default: newsgraph's `extract_html`) over a gold folder and score it."""
    pages = load_gold(gold_dir)
    extract = extractor or newsgraph_text
    started = time.perf_counter()
    predictions = [extract(page.html, page.url) or "" for page in pages]
    score = score_predictions(pages, predictions, time.perf_counter() - started)
    log.info("scored %d pages in %.1f s: F1 %.4f", score.pages, score.seconds, score.f1)
    return score


def score_predictions(
    pages: Sequence[GoldPage], predictions: Sequence[str], seconds: float = 0.0
) -> ExtractionScore:
    """The benchmark's figures for one prediction per page."""
    per_page = [
        score_page(page.id, page.url or "", page.body, predicted)
        for page, predicted in zip(pages, predictions, strict=True)
    ]
    precision = _mean([p.precision for p in per_page if p.extracted])
    recall = _mean([p.recall for p in per_page if p.gold_tokens])
    f1 = _harmonic(precision, recall)
    return ExtractionScore(precision, recall, f1, len(per_page), tuple(per_page), seconds)


def score_page(page_id: str, url: str, gold: str, predicted: str) -> PageScore:
    """Shingle precision and recall of one prediction, normalised as the benchmark does."""
    true_shingles = _shingles(gold)
    pred_shingles = _shingles(predicted)
    tp = sum((true_shingles & pred_shingles).values())
    fp = sum((pred_shingles - true_shingles).values())
    fn = sum((true_shingles - pred_shingles).values())
    # The benchmark divides by tp+fp+fn first; the ratios below are unchanged by it, but the
    # "has a prediction / has a gold body" tests follow the counts exactly as it does.
    precision = _ratio(tp, fp, fn, tp + fp)
    recall = _ratio(tp, fp, fn, tp + fn)
    return PageScore(
        id=page_id,
        url=url,
        precision=precision,
        recall=recall,
        f1=_harmonic(precision, recall),
        gold_tokens=len(_TOKEN.findall(gold)),
        extracted_tokens=len(_TOKEN.findall(predicted)),
        extracted=tp + fp > 0,
    )


def format_report(score: ExtractionScore, worst: int = 10) -> str:
    """A human summary: the three figures, then the pages that score worst."""
    lines = [
        f"pages      {score.pages}",
        f"precision  {score.precision:.4f}",
        f"recall     {score.recall:.4f}",
        f"F1         {score.f1:.4f}",
        f"time       {score.seconds:.1f} s",
    ]
    if worst and score.per_page:
        lines.append(
            f"worst {min(worst, score.pages)} pages (F1, precision, recall, tokens gold/ours):"
        )
        for page in score.worst(worst):
            lines.append(
                f"  {page.f1:.3f}  P {page.precision:.3f}  R {page.recall:.3f}  "
                f"{page.gold_tokens}/{page.extracted_tokens}  {page.id[:10]}  {_short(page.url)}"
            )
    return "\n".join(lines)


def _short(url: str, width: int = 50) -> str:
    """A URL without its scheme, cut to fit a report line."""
    bare = url.split("://", 1)[-1]
    return bare if len(bare) <= width else bare[: width - 1] + "…"


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    """Counts of overlapping 4-token shingles (a shorter text is one shingle of all its tokens)."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - SHINGLE_SIZE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(count) if tokens[i:])


def _ratio(tp: int, fp: int, fn: int, denominator: int) -> float:
    """The benchmark's precision/recall: 1 when nothing is wrong (even if both are empty)."""
    if fp == fn == 0:
        return 1.0
    return tp / denominator if denominator else 0.0


def _harmonic(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0

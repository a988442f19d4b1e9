"""Cross-validate the one choice `newsgraph.ingest.main_text` makes: when the full pass runs.

Pages are split into 5 folds by a hash of their id. On each fold, the fallback ratio is the
grid value that scores best on the other four folds (of the ratios that tie, the median), and
the figure reported is that ratio's score on the held-out fold; the mean of the five held-out
scores is the figure README and docs give. Both passes and the resiliparse
reference are computed once a page, so every ratio is scored on the same outputs.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.extract import GoldPage, load_gold, score_predictions
from newsgraph.ingest.main_text import RATIO_GRID, needs_full_pass

FOLDS = 5


@dataclass(frozen=True, slots=True)
class PagePasses:
    """One page's fast-pass and full-pass text and its resiliparse reference token count."""

    fast: str
    full: str
    reference: int

    def text(self, ratio: float) -> str:
        """What `extract_main_text` returns for this page at this ratio."""
        return (self.full or self.fast) if self.full_pass(ratio) else self.fast

    def full_pass(self, ratio: float) -> bool:
        return needs_full_pass(self.fast, self.reference, ratio)


@dataclass(frozen=True, slots=True)
class FoldScore:
    """A held-out fold: the ratio chosen on the other folds and its score on this one."""

    fold: int
    pages: int
    ratio: float
    precision: float
    recall: float
    f1: float
    full_pass_share: float  # of this fold's pages


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """The mean of the held-out folds, and the ratio chosen on all pages (the shipped one)."""

    folds: tuple[FoldScore, ...]
    precision: float
    recall: float
    f1: float
    ratio: float  # chosen on all pages
    full_pass_share: float  # of all pages, at that ratio


def fold_of(page_id: str, folds: int = FOLDS) -> int:
    """A page's fold: a hash of its id, so the split never depends on order or content."""
    return int(hashlib.sha256(page_id.encode("utf-8")).hexdigest(), 16) % folds


def page_passes(page: GoldPage) -> PagePasses:
    """Both passes of `extract_main_text` on a page and its reference, as extract_html runs."""
    from newsgraph.ingest.html import as_paragraphs, decode_html, parse_html
    from newsgraph.ingest.main_text import reference_tokens, trafilatura_text

    text = decode_html(page.html)
    tree = parse_html(text)
    if tree is None:
        return PagePasses("", "", 0)
    return PagePasses(
        fast=as_paragraphs(trafilatura_text(tree, page.url, fast=True)),
        full=as_paragraphs(trafilatura_text(tree, page.url, fast=False)),
        reference=reference_tokens(text),
    )


def choose_ratio(
    pages: Sequence[GoldPage], passes: Sequence[PagePasses], grid: Sequence[float] = RATIO_GRID
) -> float:
    """The grid ratio with the best F1 on these pages: the median of the ratios that tie for it.

    The pages a ratio decides are few, so many ratios tie; the median keeps the choice away
    from the edge of the plateau, where one page more or less changes the score.
    """
    f1 = {ratio: score_predictions(pages, [p.text(ratio) for p in passes]).f1 for ratio in grid}
    best = max(f1.values())
    tied = sorted(ratio for ratio, score in f1.items() if best - score < 1e-9)
    return tied[(len(tied) - 1) // 2]


def cross_validate(
    gold_dir: Path, folds: int = FOLDS, grid: Sequence[float] = RATIO_GRID
) -> CrossValidation:
    """Choose the fallback ratio on k-1 folds, score it on the held-out one, k times."""
    pages = load_gold(gold_dir)
    passes = [page_passes(page) for page in pages]
    return cross_validate_passes(pages, passes, folds, grid)


def cross_validate_passes(
    pages: Sequence[GoldPage],
    passes: Sequence[PagePasses],
    folds: int = FOLDS,
    grid: Sequence[float] = RATIO_GRID,
) -> CrossValidation:
    """`cross_validate` on passes already computed."""
    fold_ids = [fold_of(page.id, folds) for page in pages]
    scores = []
    for fold in range(folds):
        train = [i for i, f in enumerate(fold_ids) if f != fold]
        test = [i for i, f in enumerate(fold_ids) if f == fold]
        if not test:
            continue
        ratio = choose_ratio([pages[i] for i in train], [passes[i] for i in train], grid)
        predictions = [passes[i].text(ratio) for i in test]
        held_out = score_predictions([pages[i] for i in test], predictions)
        scores.append(
            FoldScore(
                fold=fold,
                pages=len(test),
                ratio=ratio,
                precision=held_out.precision,
                recall=held_out.recall,
                f1=held_out.f1,
                full_pass_share=_share([passes[i].full_pass(ratio) for i in test]),
            )
        )
    ratio = choose_ratio(pages, passes, grid)
    return CrossValidation(
        folds=tuple(scores),
        precision=statistics.fmean(s.precision for s in scores),
        recall=statistics.fmean(s.recall for s in scores),
        f1=statistics.fmean(s.f1 for s in scores),
        ratio=ratio,
        full_pass_share=_share([p.full_pass(ratio) for p in passes]),
    )


def format_cross_validation(cv: CrossValidation) -> str:
    """The held-out mean first, then each fold."""
    lines = [
        f"{len(cv.folds)}-fold cross-validated (pages split by id hash; mean of held-out folds):",
        f"  precision {cv.precision:.4f}  recall {cv.recall:.4f}  F1 {cv.f1:.4f}",
        f"  fallback ratio chosen on all pages {cv.ratio:.1f}: "
        f"full pass on {cv.full_pass_share:.0%} of pages",
    ]
    for s in cv.folds:
        lines.append(
            f"  fold {s.fold}: {s.pages:3d} pages  ratio {s.ratio:.1f}  P {s.precision:.4f}  "
            f"R {s.recall:.4f}  F1 {s.f1:.4f}  full pass {s.full_pass_share:.0%}"
        )
    return "\n".join(lines)


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0

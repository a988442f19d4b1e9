"""Cross-validate the choices of `newsgraph.ingest.main_text`: trafilatura's mode, and when
the full pass runs.

Pages are split into 5 folds by a hash of their id. On each fold, the mode and fallback ratio
are those that score best on the other four folds (the mode with the best F1; of its ratios
that tie, the median), and the figure reported is their score on the held-out fold; the mean
of the five held-out scores is the figure README and docs give. Both passes in both modes and
the resiliparse reference are computed once a page, so every setting is scored on the same
outputs.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.extract import GoldPage, load_gold, score_predictions
from newsgraph.ingest.main_text import MODE_GRID, RATIO_GRID, needs_full_pass

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
    """A held-out fold: the setting chosen on the other folds and its score on this one."""

    fold: int
    pages: int
    favor_precision: bool
    ratio: float
    precision: float
    recall: float
    f1: float
    full_pass_share: float  # of this fold's pages


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """The mean of the held-out folds, and the setting chosen on all pages (the shipped one)."""

    folds: tuple[FoldScore, ...]
    precision: float
    recall: float
    f1: float
    favor_precision: bool  # chosen on all pages
    ratio: float  # chosen on all pages
    full_pass_share: float  # of all pages, at that ratio


def fold_of(page_id: str, folds: int = FOLDS) -> int:
    """A page's fold: a hash of its id, so the split never depends on order or content."""
    return int(hashlib.sha256(page_id.encode("utf-8")).hexdigest(), 16) % folds


# favor_precision -> one PagePasses a page
ModePasses = dict[bool, PagePasses]


def page_passes(page: GoldPage, modes: Sequence[bool] = MODE_GRID) -> ModePasses:
    """Both passes of `extract_main_text` in each mode and the reference, as extract_html runs."""
    from newsgraph.ingest.html import as_paragraphs, decode_html, parse_html
    from newsgraph.ingest.main_text import reference_tokens, trafilatura_text

    text = decode_html(page.html)
    tree = parse_html(text)
    if tree is None:
        return {mode: PagePasses("", "", 0) for mode in modes}
    reference = reference_tokens(text)
    return {
        mode: PagePasses(
            fast=as_paragraphs(trafilatura_text(tree, page.url, fast=True, favor_precision=mode)),
            full=as_paragraphs(trafilatura_text(tree, page.url, fast=False, favor_precision=mode)),
            reference=reference,
        )
        for mode in modes
    }


def choose_setting(
    pages: Sequence[GoldPage], passes: Sequence[ModePasses], grid: Sequence[float] = RATIO_GRID
) -> tuple[bool, float]:
    """The mode with the best F1 on these pages (the first listed among equals), its ratio."""
    best: tuple[float, bool, float] | None = None
    for mode in passes[0]:
        ratio = choose_ratio(pages, [p[mode] for p in passes], grid)
        f1 = score_predictions(pages, [p[mode].text(ratio) for p in passes]).f1
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, mode, ratio)
    assert best is not None
    return best[1], best[2]


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
    """Choose mode and fallback ratio on k-1 folds, score them on the held-out one, k times."""
    pages = load_gold(gold_dir)
    passes = [page_passes(page) for page in pages]
    return cross_validate_passes(pages, passes, folds, grid)


def cross_validate_passes(
    pages: Sequence[GoldPage],
    passes: Sequence[ModePasses],
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
        mode, ratio = choose_setting([pages[i] for i in train], [passes[i] for i in train], grid)
        predictions = [passes[i][mode].text(ratio) for i in test]
        held_out = score_predictions([pages[i] for i in test], predictions)
        scores.append(
            FoldScore(
                fold=fold,
                pages=len(test),
                favor_precision=mode,
                ratio=ratio,
                precision=held_out.precision,
                recall=held_out.recall,
                f1=held_out.f1,
                full_pass_share=_share([passes[i][mode].full_pass(ratio) for i in test]),
            )
        )
    mode, ratio = choose_setting(pages, passes, grid)
    return CrossValidation(
        folds=tuple(scores),
        precision=statistics.fmean(s.precision for s in scores),
        recall=statistics.fmean(s.recall for s in scores),
        f1=statistics.fmean(s.f1 for s in scores),
        favor_precision=mode,
        ratio=ratio,
        full_pass_share=_share([p[mode].full_pass(ratio) for p in passes]),
    )


def format_cross_validation(cv: CrossValidation) -> str:
    """The held-out mean first, then each fold."""
    lines = [
        f"{len(cv.folds)}-fold cross-validated (pages split by id hash; mean of held-out folds):",
        f"  precision {cv.precision:.4f}  recall {cv.recall:.4f}  F1 {cv.f1:.4f}",
        f"  chosen on all pages: {_mode(cv.favor_precision)}, fallback ratio {cv.ratio:.1f} "
        f"(full pass on {cv.full_pass_share:.0%} of pages)",
    ]
    for s in cv.folds:
        lines.append(
            f"  fold {s.fold}: {s.pages:3d} pages  {_mode(s.favor_precision)} {s.ratio:.1f}  "
            f"P {s.precision:.4f}  "
            f"R {s.recall:.4f}  F1 {s.f1:.4f}  full pass {s.full_pass_share:.0%}"
        )
    return "\n".join(lines)


def _mode(favor_precision: bool) -> str:
    return "precision" if favor_precision else "balanced"


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0

"""Cross-validate a learned block selector for HTML main text (issue 20's second attempt).

Each page is cut into blocks (`newsgraph.evaluate.extract_blocks`); a block is labelled main
text when at least half of its 4-token shingles (a block under 4 tokens: its whole token run)
occur in the page's gold body. Shallow gradient-boosted trees (scikit-learn, 100 trees of
depth 3) are trained on the blocks of 4 folds of pages and select blocks on the 5th (folds by
page-id hash, as `extract_cv`); the figure is the mean of the held-out folds. A combination is
cross-validated too: the model's text where its page confidence (token-weighted mean of
max(p, 1 - p)) reaches a threshold, trafilatura's fast pass otherwise, the threshold chosen on
out-of-fold predictions of the 4 training folds. Run as
`python -m newsgraph.evaluate.extract_blocks_cv GOLD_DIR` (needs scikit-learn).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.evaluate.extract import GoldPage, load_gold, score_predictions
from newsgraph.evaluate.extract_blocks import FEATURE_NAMES, Block, block_features, cut_blocks
from newsgraph.evaluate.extract_cv import FOLDS, fold_of

MAIN_SHARE = 0.5  # a block is main text when this share of its shingles is in the gold body
KEEP = 0.5  # the selector keeps a block whose probability reaches this
WINDOWS = (2, 5)  # half-widths of the running means of "resiliparse keeps it"
CONFIDENCE_GRID = (0.0, 0.8, 0.85, 0.9, 0.92, 0.94, 0.96, 0.98, 1.01)
_TOKEN = re.compile(r"\w+")
_KEPT = FEATURE_NAMES.index("resiliparse_keeps")


@dataclass(slots=True)
class PageBlocks:
    """One page's block texts, feature matrix, labels, and trafilatura's fast-pass text."""

    id: str
    texts: list[str]
    features: np.ndarray
    labels: np.ndarray
    fast: str
    seconds: float  # decode, parse, resiliparse, cut and features


def page_blocks(page: GoldPage) -> PageBlocks:
    """Blocks, features and labels of one gold page (the label reads its gold body)."""
    from newsgraph.ingest.main_text import trafilatura_text

    started = time.perf_counter()
    tree, blocks, features = selector_input(page.html)
    seconds = time.perf_counter() - started
    fast = trafilatura_text(tree, page.url, fast=True) if tree is not None else ""
    labels = np.array([main_share(b.words, page.body) >= MAIN_SHARE for b in blocks], dtype=bool)
    return PageBlocks(page.id, [b.text for b in blocks], features, labels, fast, seconds)


def selector_input(html: bytes) -> tuple[Any, list[Block], np.ndarray]:
    """What the selector computes at run time: the parsed tree, its blocks, their features."""
    from newsgraph.ingest.html import decode_html, parse_html
    from newsgraph.ingest.main_text import reference_text

    text = decode_html(html)
    tree = parse_html(text)
    blocks = cut_blocks(tree) if tree is not None else []
    kept = reference_text(text)
    return tree, blocks, with_windows(np.array(block_features(blocks, kept), dtype=float))


def with_windows(features: np.ndarray) -> np.ndarray:
    """The features plus running means of "resiliparse keeps it" over neighbouring blocks."""
    if not len(features):
        return np.zeros((0, len(FEATURE_NAMES) + len(WINDOWS)))
    kept = features[:, _KEPT]
    return np.column_stack([features, *(running_mean(kept, k) for k in WINDOWS)])


def running_mean(values: np.ndarray, half_width: int) -> np.ndarray:
    """Mean of each value and its `half_width` neighbours on each side (fewer at the edges)."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    n = len(values)
    low = np.clip(np.arange(n) - half_width, 0, n)
    high = np.clip(np.arange(n) + half_width + 1, 0, n)
    return np.asarray((sums[high] - sums[low]) / (high - low))


def main_share(words: Sequence[str], gold: str) -> float:
    """Share of a block's 4-token shingles found in the gold body (short block: 0 or 1)."""
    gold_words = _TOKEN.findall(gold)
    if len(words) < 4:
        return float(f" {' '.join(words)} " in f" {' '.join(gold_words)} ")
    gold_shingles = {tuple(gold_words[i : i + 4]) for i in range(len(gold_words) - 3)}
    shingles = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
    return sum(s in gold_shingles for s in shingles) / len(shingles)


def selected_text(page: PageBlocks, keep: np.ndarray) -> str:
    """The kept blocks, one a line, in document order."""
    return "\n".join(text for text, k in zip(page.texts, keep, strict=True) if k)


def page_confidence(page: PageBlocks, probability: np.ndarray) -> float:
    """Token-weighted mean of max(p, 1 - p) over a page's blocks (0 with no block)."""
    if not len(probability):
        return 0.0
    weights = np.array([len(_TOKEN.findall(t)) for t in page.texts], dtype=float)
    return float((np.maximum(probability, 1 - probability) * weights).sum() / weights.sum())


Model = Any  # a fitted scikit-learn classifier


def default_model() -> Model:
    """100 gradient-boosted trees of depth 3, fixed seed."""
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=100, max_depth=3, random_state=0)


def train(pages: Sequence[PageBlocks], make: Callable[[], Model] = default_model) -> Model:
    """A selector fitted on the blocks of these pages."""
    used = [p for p in pages if len(p.features)]
    model = make()
    model.fit(np.vstack([p.features for p in used]), np.concatenate([p.labels for p in used]))
    return model


def probabilities(model: Model, page: PageBlocks) -> np.ndarray:
    """The model's main-text probability for each block of a page."""
    if not len(page.features):
        return np.zeros(0)
    return np.asarray(model.predict_proba(page.features)[:, 1])


@dataclass(frozen=True, slots=True)
class BlockCV:
    """Held-out means of the selector alone and of the combination, with the chosen thresholds."""

    selector: tuple[float, float, float]  # precision, recall, F1
    selector_folds: tuple[float, ...]
    combined: tuple[float, float, float]
    combined_folds: tuple[float, ...]
    thresholds: tuple[float, ...]
    model_share: float  # of held-out pages given the model's text in the combination


def cross_validate_blocks(
    gold: Sequence[GoldPage], pages: Sequence[PageBlocks], folds: int = FOLDS
) -> BlockCV:
    """Train on k-1 folds of pages, score on the held-out one, k times (see module doc)."""
    fold_ids = [fold_of(p.id, folds) for p in pages]
    alone, combined, thresholds, model_pages = [], [], [], 0
    for fold in range(folds):
        train_ids = [i for i, f in enumerate(fold_ids) if f != fold]
        test_ids = [i for i, f in enumerate(fold_ids) if f == fold]
        model = train([pages[i] for i in train_ids])
        held = {i: probabilities(model, pages[i]) for i in test_ids}
        threshold = _choose_confidence(gold, pages, train_ids, [fold_ids[i] for i in train_ids])
        thresholds.append(threshold)
        test_gold = [gold[i] for i in test_ids]
        alone.append(
            score_predictions(
                test_gold, [selected_text(pages[i], held[i] >= KEEP) for i in test_ids]
            )
        )
        texts, used = _combine(pages, test_ids, held, threshold)
        model_pages += used
        combined.append(score_predictions(test_gold, texts))
    return BlockCV(
        selector=_means(alone),
        selector_folds=tuple(s.f1 for s in alone),
        combined=_means(combined),
        combined_folds=tuple(s.f1 for s in combined),
        thresholds=tuple(thresholds),
        model_share=model_pages / len(pages),
    )


def _choose_confidence(
    gold: Sequence[GoldPage], pages: Sequence[PageBlocks], ids: list[int], fold_ids: list[int]
) -> float:
    """The grid threshold with the best F1 on out-of-fold predictions of these pages."""
    out_of_fold: dict[int, np.ndarray] = {}
    for inner in sorted(set(fold_ids)):
        model = train([pages[i] for i, f in zip(ids, fold_ids, strict=True) if f != inner])
        for i, f in zip(ids, fold_ids, strict=True):
            if f == inner:
                out_of_fold[i] = probabilities(model, pages[i])
    sub_gold = [gold[i] for i in ids]
    f1 = {
        t: score_predictions(sub_gold, _combine(pages, ids, out_of_fold, t)[0]).f1
        for t in CONFIDENCE_GRID
    }
    return max(CONFIDENCE_GRID, key=lambda t: (f1[t], -t))


def _combine(
    pages: Sequence[PageBlocks], ids: list[int], probs: dict[int, np.ndarray], threshold: float
) -> tuple[list[str], int]:
    """The model's text on confident pages, trafilatura's fast pass elsewhere; model pages."""
    texts, used = [], 0
    for i in ids:
        if page_confidence(pages[i], probs[i]) >= threshold:
            texts.append(selected_text(pages[i], probs[i] >= KEEP))
            used += 1
        else:
            texts.append(pages[i].fast)
    return texts, used


def _means(scores: Sequence[Any]) -> tuple[float, float, float]:
    return (
        statistics.fmean(s.precision for s in scores),
        statistics.fmean(s.recall for s in scores),
        statistics.fmean(s.f1 for s in scores),
    )


def speed_ratio(gold: Sequence[GoldPage], pages: Sequence[PageBlocks]) -> tuple[float, float]:
    """Seconds a page of the selector (features + inference) and of trafilatura's defaults.

    Interleaved page by page so that a shared machine's load slows both alike.
    """
    import trafilatura

    model = train(pages)
    ours = theirs = 0.0
    for page in gold:
        started = time.perf_counter()
        _, _, features = selector_input(page.html)
        if len(features):
            model.predict_proba(features)
        ours += time.perf_counter() - started
        started = time.perf_counter()
        trafilatura.extract(page.html, url=page.url)
        theirs += time.perf_counter() - started
    return ours / len(gold), theirs / len(gold)


def main(gold_dir: str) -> None:
    """Print the cross-validated figures and the speed ratio."""
    gold = load_gold(Path(gold_dir))
    pages = [page_blocks(p) for p in gold]
    cv = cross_validate_blocks(gold, pages)
    print(f"{len(gold)} pages, {sum(len(p.texts) for p in pages)} blocks")
    print("selector alone, 5-fold CV  P {:.4f}  R {:.4f}  F1 {:.4f}".format(*cv.selector))
    print("  folds F1 " + " ".join(f"{f:.4f}" for f in cv.selector_folds))
    print("model where confident, else trafilatura fast, 5-fold CV")
    print("  P {:.4f}  R {:.4f}  F1 {:.4f}".format(*cv.combined))
    print("  folds F1 " + " ".join(f"{f:.4f}" for f in cv.combined_folds))
    print(f"  thresholds {cv.thresholds}, model's text on {cv.model_share:.0%} of pages")
    ours, theirs = speed_ratio(gold, pages)
    print(
        f"speed: selector {ours * 1000:.1f} ms/page, trafilatura defaults "
        f"{theirs * 1000:.1f} ms/page: {theirs / ours:.2f}x trafilatura's pages/s"
    )


if __name__ == "__main__":
    main(sys.argv[1])

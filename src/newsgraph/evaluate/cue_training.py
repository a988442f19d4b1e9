"""Training of the cue classifier (`newsgraph.claims.classifier`) on CNC V2 train only.

Beside the evaluation that scores it by cross-validation (`newsgraph.evaluate.causal`): the
runtime stage only loads the shipped weights. `python -m newsgraph.evaluate.cue_training DIR`
rebuilds resources/cues/ from the CNC directory.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from newsgraph.claims.candidates import Candidate
from newsgraph.claims.classifier import (
    ENCODER_FILE,
    MODEL_FILE,
    CueClassifier,
    EncoderHead,
    Logistic,
    candidate_features,
    sentence_features,
)
from newsgraph.evaluate.causal import (
    GoldSentence,
    cue_vectors,
    fold_of,
    parse,
    read_candidates,
    read_gold,
    token_ids,
)

log = logging.getLogger(__name__)
Row = TypeVar("Row")  # what a model reads: a sentence's features, or its cue vector

# L2 strength of the encoder head, as scikit-learn's C over standardised cue vectors: the value
# an inner cross-validation chose most often among 0.003, 0.01, 0.03 and 0.1 (docs/evaluation).
ENCODER_C = 0.003
MIN_COUNT = 3  # rarer features carry no weight
L2 = 10.0
EPOCHS = 300
LEARNING_RATE = 0.1
INNER_FOLDS = 3


def _matches(candidate: Candidate, sentence: GoldSentence) -> bool:
    """True when a candidate overlaps the cause and the effect of one gold relation."""
    cause = token_ids(sentence.text, candidate.cause) if candidate.cause else None
    effect = token_ids(sentence.text, candidate.effect) if candidate.effect else None
    for relation in sentence.relations:
        hits = [
            bool(side & gold)
            for side, gold in ((cause, relation.cause), (effect, relation.effect))
            if side is not None
        ]
        if hits and all(hits):
            return True
    return False


def train_classifier(
    candidates: Sequence[Sequence[Candidate]],
    gold: Sequence[GoldSentence],
    seed: int = 0,
    cue_vectors: Sequence[Sequence[float]] | None = None,
    encoder: str = "minilm",
) -> CueClassifier:
    """Fit both models on the candidates of gold sentences; the sentence threshold maximises F1
    over out-of-fold probabilities of inner folds split by document (`seed` picks the split).

    With `cue_vectors` (one per gold sentence, from the encoder named `encoder`, which the head
    records), an encoder head is fitted too, and its threshold is chosen for the mean of the
    gate's and the head's probabilities.
    """
    usable = [[c for c in found if not c.interrogative] for found in candidates]
    kept = [i for i, found in enumerate(usable) if found]
    sentence_rows = [sorted(sentence_features(usable[i])) for i in kept]
    sentence_labels = [gold[i].causal for i in kept]
    # The threshold comes from out-of-fold probabilities, not from fitted ones, which are too
    # sure of the training sentences; inner folds keep each story whole, like the outer ones.
    inner = [fold_of(gold[i].id, INNER_FOLDS, seed) for i in kept]
    held_out = _out_of_fold(
        sentence_rows, sentence_labels, inner, lambda rows, labels: _fit(rows, labels).probability
    )
    fitted = _fit(sentence_rows, sentence_labels)
    positives = sum(g.causal for g in gold)
    threshold = _best_threshold(held_out, sentence_labels, positives)
    head = None
    if cue_vectors is not None:
        vectors = [cue_vectors[i] for i in kept]
        head_held_out = _out_of_fold(
            vectors,
            sentence_labels,
            inner,
            lambda rows, labels: _fit_head(encoder, rows, labels).probability,
        )
        mean = [(a + b) / 2 for a, b in zip(held_out, head_held_out, strict=True)]
        head = replace(
            _fit_head(encoder, vectors, sentence_labels),
            threshold=_best_threshold(mean, sentence_labels, positives),
        )
    rows: list[list[str]] = []
    labels: list[bool] = []
    for found, sentence in zip(usable, gold, strict=True):
        if not sentence.causal:
            continue  # which pair is causal is learned where some pair is
        for candidate in found:
            rows.append(candidate_features(candidate))
            labels.append(_matches(candidate, sentence))
    return CueClassifier(
        sentence=Logistic(fitted.weights, fitted.bias, threshold),
        candidate=_fit(rows, labels),
        head=head,
    )


def _out_of_fold(
    rows: Sequence[Row],
    labels: Sequence[bool],
    inner: Sequence[int],
    fit: Callable[[list[Row], list[bool]], Callable[[Row], float]],
) -> list[float]:
    """Each row's probability from a model fitted on the rows of the other inner folds."""
    held_out = [0.0] * len(rows)
    for fold in range(INNER_FOLDS):
        train = [n for n, f in enumerate(inner) if f != fold]
        probability = fit([rows[n] for n in train], [labels[n] for n in train])
        for n, f in enumerate(inner):
            if f == fold:
                held_out[n] = probability(rows[n])
    return held_out


def _fit_head(
    encoder: str, vectors: Sequence[Sequence[float]], labels: Sequence[bool]
) -> EncoderHead:
    """L2-regularised logistic regression over standardised cue vectors (scikit-learn, which
    the encoder extra installs)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(vectors, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    model = LogisticRegression(C=ENCODER_C, max_iter=2000)
    model.fit((x - mean) / scale, np.asarray(labels))
    return EncoderHead(
        encoder=encoder,
        mean=tuple(mean.tolist()),
        scale=tuple(scale.tolist()),
        weights=tuple(model.coef_[0].tolist()),
        bias=float(model.intercept_[0]),
        threshold=0.5,
    )


def _fit(rows: Sequence[Sequence[str]], labels: Sequence[bool]) -> Logistic:
    """L2-regularised logistic regression by full-batch Adam over binary features."""
    import numpy as np

    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: i for i, f in enumerate(vocabulary)}
    # Binary features as a flat index list (sparse rows): products cost O(non-zeros).
    indices = [[column[f] for f in row if f in column] for row in rows]
    flat = np.asarray([i for row in indices for i in row], dtype=np.int64)
    owner = np.repeat(np.arange(len(indices)), [len(row) for row in indices])
    y = np.asarray(labels, dtype=np.float64)
    n, d = len(indices), len(vocabulary)
    w, b = np.zeros(d), 0.0
    m_w, v_w = np.zeros(d), np.zeros(d)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, EPOCHS + 1):
        scores = np.bincount(owner, weights=w[flat], minlength=n) + b
        error = 1.0 / (1.0 + np.exp(-scores)) - y
        grad_w = np.bincount(flat, weights=error[owner], minlength=d) / n + L2 * w / n
        grad_b = float(error.mean())
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        w -= LEARNING_RATE * (m_w / (1 - beta1**step)) / (np.sqrt(v_w / (1 - beta2**step)) + eps)
        b -= LEARNING_RATE * (m_b / (1 - beta1**step)) / (math.sqrt(v_b / (1 - beta2**step)) + eps)
    weights = {f: float(w[i]) for f, i in column.items()}
    return Logistic(weights, float(b), 0.5)


def _best_threshold(scores: Sequence[float], labels: Sequence[bool], positives: int) -> float:
    """The threshold maximising F1 (positives: all gold positives, some may lack candidates)."""
    best, best_f1 = 0.5, -1.0
    for step in range(10, 90):
        threshold = step / 100
        tp = sum(s >= threshold and g for s, g in zip(scores, labels, strict=True))
        fp = sum(s >= threshold and not g for s, g in zip(scores, labels, strict=True))
        f1 = 2 * tp / (tp + fp + positives) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def main(directory: str, encoder: str = "none") -> None:
    """Train on the whole CNC V2 train file and write the shipped model (and, for an encoder,
    its head: the gate it is averaged with is the same model)."""
    gold = read_gold(Path(directory))
    candidates = read_candidates(gold, parse(gold))
    vectors = None if encoder == "none" else cue_vectors(gold, candidates, encoder)
    model = replace(
        train_classifier(candidates, gold, cue_vectors=vectors, encoder=encoder),
        trained_on="CNC V2 train_subtask1.csv + train_subtask2_grouped.csv (CC0)",
    )
    folder = Path(__file__).resolve().parents[1] / "resources" / "cues"
    (folder / MODEL_FILE).write_text(replace(model, head=None).to_json() + "\n", "utf-8")
    log.info("wrote %s", folder / MODEL_FILE)
    if model.head is not None:
        target = folder / ENCODER_FILE.format(encoder=encoder)
        target.write_text(model.head.to_json() + "\n", encoding="utf-8")
        log.info("wrote %s", target)


if __name__ == "__main__":
    import argparse

    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("directory", help="the CNC V2 folder")
    parser.add_argument("--encoder", default="none", help="also train the head of this encoder")
    arguments = parser.parse_args()
    main(arguments.directory, arguments.encoder)

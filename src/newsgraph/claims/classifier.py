"""A small logistic model that weighs cue candidates, trained on CNC V2 train only.

The cue lexicon proposes candidates by hand-written rules; this model learns from the training
file how far each construction is causal in news prose. Weights ship as a small JSON file in
resources/cues/; `python -m newsgraph.claims.classifier DIR` rebuilds it from the CNC directory.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.claims.candidates import Candidate

if TYPE_CHECKING:
    from newsgraph.evaluate.causal import GoldSentence

log = logging.getLogger(__name__)

MODEL_FILE = "causal_model.json"
MIN_COUNT = 3  # rarer features carry no weight
L2 = 10.0
EPOCHS = 300
LEARNING_RATE = 0.1
INNER_FOLDS = 3
SENTENCE_PREFIX = "s:"  # sentence-model features: every candidate feature of the sentence
WORD_PREFIX = "word="  # sentence words: used by the sentence model only


@dataclass(frozen=True, slots=True)
class Logistic:
    """One logistic model: weights over string features, a bias and an acceptance threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def as_dict(self) -> dict[str, object]:
        return {
            "bias": round(self.bias, 5),
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if round(v, 5)},
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Logistic:
        weights = data["weights"]
        assert isinstance(weights, dict)
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(data["bias"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
        )


def sentence_features(candidates: Sequence[Candidate]) -> set[str]:
    """What the sentence model sees: the union of its candidates' features."""
    return {SENTENCE_PREFIX + f for c in candidates for f in c.features}


def candidate_features(candidate: Candidate) -> list[str]:
    """What the candidate model sees: the candidate's features without the sentence words."""
    return [f for f in candidate.features if not f.startswith(WORD_PREFIX)]


@dataclass(frozen=True, slots=True)
class CueClassifier:
    """Two logistic models: is the sentence causal at all (from all its candidates), and which of
    its candidates are the causal pairs."""

    sentence: Logistic
    candidate: Logistic
    version: int = 2
    trained_on: str = ""

    def select(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates of one sentence kept as motives (none when the sentence is not causal)."""
        usable = [c for c in candidates if not c.interrogative]
        if not usable:
            return []
        if self.sentence.probability(sentence_features(usable)) < self.sentence.threshold:
            return []
        scored = [(self.candidate.probability(candidate_features(c)), c) for c in usable]
        kept = [c for p, c in scored if p >= self.candidate.threshold]
        if not kept:
            kept = [max(scored, key=lambda pc: pc[0])[1]]
        if not any(_stated(c) for c in kept):
            # a causal sentence states some pair: add the likeliest candidate that names both
            stated = [(p, c) for p, c in scored if c.cause is not None and c.effect is not None]
            if stated:
                kept.append(max(stated, key=lambda pc: pc[0])[1])
        return kept

    def to_json(self) -> str:
        data: dict[str, object] = {
            "version": self.version,
            "trained_on": self.trained_on,
            "sentence": self.sentence.as_dict(),
            "candidate": self.candidate.as_dict(),
        }
        return json.dumps(data, indent=0)

    @classmethod
    def from_json(cls, text: str) -> CueClassifier:
        data = json.loads(text)
        return cls(
            sentence=Logistic.from_dict(data["sentence"]),
            candidate=Logistic.from_dict(data["candidate"]),
            version=int(data["version"]),
            trained_on=str(data.get("trained_on", "")),
        )


def _stated(candidate: Candidate) -> bool:
    """True when a candidate can become a motive: both sides in the sentence, or a connective
    whose cause is the sentence before."""
    if candidate.effect is None:
        return False
    return candidate.cause is not None or candidate.cue.form == "connective"


def shipped_classifier() -> CueClassifier | None:
    """The model shipped in resources/cues/, or None when it is absent (rules only)."""
    path = resources.files("newsgraph.resources").joinpath(f"cues/{MODEL_FILE}")
    if not path.is_file():
        log.warning("no %s: the why-extractor keeps every cue candidate", MODEL_FILE)
        return None
    return CueClassifier.from_json(path.read_text("utf-8"))


def _matches(candidate: Candidate, sentence: GoldSentence) -> bool:
    """True when a candidate overlaps the cause and the effect of one gold relation."""
    from newsgraph.evaluate.causal import token_ids

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
    candidates: Sequence[Sequence[Candidate]], gold: Sequence[GoldSentence], seed: int = 0
) -> CueClassifier:
    """Fit both models on the candidates of gold sentences; the sentence threshold maximises F1
    over out-of-fold probabilities of inner folds split by document (`seed` picks the split)."""
    from newsgraph.evaluate.causal import fold_of

    usable = [[c for c in found if not c.interrogative] for found in candidates]
    kept = [i for i, found in enumerate(usable) if found]
    sentence_rows = [sorted(sentence_features(usable[i])) for i in kept]
    sentence_labels = [gold[i].causal for i in kept]
    # The threshold comes from out-of-fold probabilities, not from fitted ones, which are too
    # sure of the training sentences; inner folds keep each story whole, like the outer ones.
    inner = [fold_of(gold[i].id, INNER_FOLDS, seed) for i in kept]
    held_out = [0.0] * len(kept)
    for fold in range(INNER_FOLDS):
        train = [n for n, f in enumerate(inner) if f != fold]
        model = _fit([sentence_rows[n] for n in train], [sentence_labels[n] for n in train])
        for n, f in enumerate(inner):
            if f == fold:
                held_out[n] = model.probability(sentence_rows[n])
    fitted = _fit(sentence_rows, sentence_labels)
    threshold = _best_threshold(held_out, sentence_labels, sum(g.causal for g in gold))
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


def main(directory: str) -> None:
    """Train on the whole CNC V2 train file and write the shipped model."""
    import dataclasses

    from newsgraph.evaluate.causal import parse, read_candidates, read_gold

    gold = read_gold(Path(directory))
    model = dataclasses.replace(
        train_classifier(read_candidates(gold, parse(gold)), gold),
        trained_on="CNC V2 train_subtask1.csv + train_subtask2_grouped.csv (CC0)",
    )
    target = Path(__file__).resolve().parents[1] / "resources" / "cues" / MODEL_FILE
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    log.info("wrote %s", target)


if __name__ == "__main__":
    import sys

    logging.basicConfig(level=logging.INFO)
    main(sys.argv[1])

"""A small logistic model that weighs cue candidates, trained on CNC V2 train only.

The cue lexicon proposes candidates by hand-written rules; this model learns from the training
file how far each construction is causal in news prose. Weights ship as a small JSON file in
resources/cues/; `python -m newsgraph.claims.classifier DIR` rebuilds it from the CNC directory.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newsgraph.claims.candidates import Candidate

if TYPE_CHECKING:
    from newsgraph.evaluate.causal import GoldSentence

log = logging.getLogger(__name__)
Row = TypeVar("Row")  # what a model reads: a sentence's features, or its cue vector

MODEL_FILE = "causal_model.json"
# An encoder's head, trained together with the gate it is averaged with.
ENCODER_FILE = "causal_{encoder}.json"
# L2 strength of the encoder head, as scikit-learn's C over standardised cue vectors: the value
# an inner cross-validation chose most often among 0.003, 0.01, 0.03 and 0.1 (docs/evaluation).
ENCODER_C = 0.003
MIN_COUNT = 3  # rarer features carry no weight
L2 = 10.0
EPOCHS = 300
LEARNING_RATE = 0.1
INNER_FOLDS = 3
SENTENCE_PREFIX = "s:"  # sentence-model features: every candidate feature of the sentence
WORD_PREFIX = "word="  # sentence words: used by the sentence model only


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


@dataclass(frozen=True, slots=True)
class Logistic:
    """One logistic model: weights over string features, a bias and an acceptance threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in features))

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
class EncoderHead:
    """A logistic model over a sentence's standardised cue vector (`newsgraph.claims.encoder`);
    its probability is averaged with the sentence gate's and the mean meets `threshold`."""

    encoder: str
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, vector: Sequence[float]) -> float:
        import numpy as np

        x = (np.asarray(vector, dtype=np.float64) - self.mean) / self.scale
        return _sigmoid(float(x @ np.asarray(self.weights)) + self.bias)

    def to_json(self) -> str:
        data = {
            "encoder": self.encoder,
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
        }
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> EncoderHead:
        data = json.loads(text)
        return cls(
            encoder=str(data["encoder"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(float(v) for v in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )


@dataclass(frozen=True, slots=True)
class CueClassifier:
    """Two logistic models: is the sentence causal at all (from all its candidates), and which of
    its candidates are the causal pairs."""

    sentence: Logistic
    candidate: Logistic
    version: int = 2
    trained_on: str = ""
    head: EncoderHead | None = None  # with a cue vector, averaged with the sentence gate

    def select(
        self, candidates: Sequence[Candidate], cue_vector: Sequence[float] | None = None
    ) -> list[Candidate]:
        """The candidates of one sentence kept as motives (none when the sentence is not causal);
        `cue_vector` is the sentence's cue vector when the classifier has an encoder head."""
        usable = [c for c in candidates if not c.interrogative]
        if not usable:
            return []
        probability = self.sentence.probability(sentence_features(usable))
        threshold = self.sentence.threshold
        if self.head is not None and cue_vector is not None:
            probability = (probability + self.head.probability(cue_vector)) / 2
            threshold = self.head.threshold
        if probability < threshold:
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


def shipped_classifier(encoder: str = "none") -> CueClassifier | None:
    """The model shipped in resources/cues/ (with the head of `encoder` unless "none"), or
    None when it is absent (rules only)."""
    path = resources.files("newsgraph.resources").joinpath(f"cues/{MODEL_FILE}")
    if not path.is_file():
        log.warning("no %s: the why-extractor keeps every cue candidate", MODEL_FILE)
        return None
    model = CueClassifier.from_json(path.read_text("utf-8"))
    if encoder == "none":
        return model
    head = resources.files("newsgraph.resources").joinpath(
        f"cues/{ENCODER_FILE.format(encoder=encoder)}"
    )
    return replace(model, head=EncoderHead.from_json(head.read_text("utf-8")))


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
    from newsgraph.evaluate.causal import fold_of

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
    from newsgraph.evaluate.causal import cue_vectors, parse, read_candidates, read_gold

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

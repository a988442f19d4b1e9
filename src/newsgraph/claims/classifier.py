"""A small logistic model that weighs cue candidates, trained on CNC V2 train only.

The cue lexicon proposes candidates by hand-written rules; this model learns from the training
file how far each construction is causal in news prose. Weights ship as a small JSON file in
resources/cues/; the training code lives beside the evaluation (`newsgraph.evaluate.cue_training`:
`python -m newsgraph.evaluate.cue_training DIR` rebuilds the file from the CNC directory).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from newsgraph.claims.candidates import Candidate

log = logging.getLogger(__name__)

MODEL_FILE = "causal_model.json"
# An encoder's head, trained together with the gate it is averaged with.
ENCODER_FILE = "causal_{encoder}.json"
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

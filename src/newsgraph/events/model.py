"""The learned event model at inference: a calibrated multinomial logistic layer, in numpy.

It scores each candidate trigger over NONE + the 16 PLOVER categories. Weights, the feature
scaling, the temperature that calibrates the probabilities (fitted on out-of-fold predictions)
and which columns it reads are stored in one .npz file shipped in the package
(`resources/models/events/`), with its model card beside it. Training is in
`newsgraph.evaluate.event_training` (scikit-learn, the `train` extra); reading needs numpy alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsgraph.events.features import CLASSES, VECTOR_COLUMNS

SHIPPED = "event_model.npz"


@dataclass(frozen=True, slots=True)
class Decision:
    """The model's reading of one candidate: its best category and the runners-up."""

    category: str  # NONE when the model sees no event
    probability: float
    ranked: tuple[tuple[str, float], ...]  # every class, most probable first

    def next_two(self) -> tuple[tuple[str, float], ...]:
        return self.ranked[1:3]


@dataclass(frozen=True, slots=True)
class EventModel:
    """Weights over standardised features; `columns` = "all" or "vectors" (no rule evidence)."""

    weights: np.ndarray  # (features, classes)
    bias: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    temperature: float
    columns: str
    classes: tuple[str, ...] = CLASSES

    def select(self, features: np.ndarray) -> np.ndarray:
        """The columns this model reads."""
        return features if self.columns == "all" else features[:, :VECTOR_COLUMNS]

    def logits(self, features: np.ndarray) -> np.ndarray:
        x = (self.select(features) - self.mean) / self.scale
        return x @ self.weights + self.bias

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities, one row per candidate."""
        z = self.logits(features) / self.temperature
        z = np.exp(z - z.max(1, keepdims=True))
        return z / z.sum(1, keepdims=True)

    def decide(self, features: np.ndarray) -> list[Decision]:
        """The best class of each candidate, with its probability and the ranking."""
        out: list[Decision] = []
        for row in self.probabilities(features):
            order = np.argsort(-row)
            ranked = tuple((self.classes[i], float(row[i])) for i in order)
            out.append(Decision(ranked[0][0], ranked[0][1], ranked))
        return out

    def save(self, path: Path) -> None:
        """Write the model as an .npz (deterministic: same weights, same bytes)."""
        with path.open("wb") as handle:
            np.savez(
                handle,
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                mean=self.mean.astype(np.float32),
                scale=self.scale.astype(np.float32),
                temperature=np.float32(self.temperature),
                columns=np.array(self.columns),
                classes=np.array(self.classes),
            )


def load_model(path: Path) -> EventModel:
    """A model written by EventModel.save."""
    with np.load(path, allow_pickle=False) as data:
        return EventModel(
            weights=data["weights"],
            bias=data["bias"],
            mean=data["mean"],
            scale=data["scale"],
            temperature=float(data["temperature"]),
            columns=str(data["columns"]),
            classes=tuple(str(c) for c in data["classes"]),
        )


@cache
def shipped_model() -> EventModel:
    """The model shipped with newsgraph (trained by `make train-events`)."""
    ref = resources.files("newsgraph.resources") / "models" / "events" / SHIPPED
    with resources.as_file(ref) as path:
        return load_model(path)

"""What the event model reads about a candidate trigger: MiniLM vectors and the rules' evidence.

A candidate is a trigger the rule coder found (`EventCoder.candidates`). Its features:

- the MiniLM vector of the trigger word in its sentence, and the sentence's own vector;
- the rules' evidence: the PLOVER category their code gives (or none), whether they kept an
  event, the kind of trigger (verb, noun, frame), whether a multi-word pattern matched, whether
  the rule is newsgraph's own or a PETRARCH pattern, negation and modality, and whether a source
  and a target were found.

`evidence` and `vector_columns` say which columns are which, so the model card and a model
trained on the vectors alone ("model alone") can name them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsgraph.events.annotations import NONE, PLOVER_EVENTS
from newsgraph.events.minilm import DIMENSIONS, WordVectors

CLASSES = (NONE, *PLOVER_EVENTS)
KINDS = ("verb", "noun", "frame")
FLAGS = (
    "rules_kept_event",
    "multiword_pattern",
    "newsgraph_rule",
    "negated",
    "hypothetical",
    "has_source",
    "has_target",
)
EVIDENCE = (*(f"rule:{c}" for c in CLASSES), *(f"kind:{k}" for k in KINDS), *FLAGS)
VECTOR_COLUMNS = 2 * DIMENSIONS  # trigger word, then sentence


@dataclass(frozen=True, slots=True)
class Evidence:
    """The rules' view of one candidate."""

    category: str  # PLOVER category of the rules' code, "" when it has none
    kind: str
    kept: bool
    multiword: bool
    own_rule: bool
    negated: bool
    hypothetical: bool
    has_source: bool
    has_target: bool

    def vector(self) -> np.ndarray:
        """The evidence as 0/1 columns in EVIDENCE order."""
        out = np.zeros(len(EVIDENCE), dtype=np.float32)
        out[CLASSES.index(self.category) if self.category in CLASSES else 0] = 1.0
        if self.kind in KINDS:
            out[len(CLASSES) + KINDS.index(self.kind)] = 1.0
        flags = (
            self.kept,
            self.multiword,
            self.own_rule,
            self.negated,
            self.hypothetical,
            self.has_source,
            self.has_target,
        )
        base = len(CLASSES) + len(KINDS)
        for i, on in enumerate(flags):
            out[base + i] = float(on)
        return out


@dataclass(frozen=True, slots=True)
class Item:
    """A candidate as the model sees it: its sentence, the trigger's characters there, evidence."""

    sentence: str
    start: int  # relative to the sentence
    end: int
    evidence: Evidence


def feature_matrix(items: Sequence[Item], vectors: WordVectors) -> np.ndarray:
    """One row per candidate: trigger vector, sentence vector, evidence (each sentence encoded
    once, all in one batched pass)."""
    out = np.zeros((len(items), VECTOR_COLUMNS + len(EVIDENCE)), dtype=np.float32)
    if not items:
        return out
    by_sentence: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_sentence.setdefault(item.sentence, []).append(i)
    texts = list(by_sentence)
    encoded = vectors.encode(
        [(t, [(items[i].start, items[i].end) for i in by_sentence[t]]) for t in texts]
    )
    for text, result in zip(texts, encoded, strict=True):
        for row, i in enumerate(by_sentence[text]):
            out[i, :DIMENSIONS] = result.spans[row]
            out[i, DIMENSIONS:VECTOR_COLUMNS] = result.sentence
            out[i, VECTOR_COLUMNS:] = items[i].evidence.vector()
    return out

"""The optional encoder: cue vectors, the head averaged with the sentence gate, the setting."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from newsgraph.claims.candidates import Candidate
from newsgraph.claims.classifier import CueClassifier, EncoderHead, Logistic
from newsgraph.claims.cues import Cue
from newsgraph.claims.encoder import DIMENSIONS, shared_encoder
from newsgraph.claims.extractor import WhyExtractor
from newsgraph.config import Settings
from newsgraph.model import Span


def _candidate() -> Candidate:
    cue = Cue(words=("after",), form="connective", sense="reason")
    return Candidate(
        sentence=0,
        cue=cue,
        cue_span=Span(20, 25, "after"),
        cause=Span(26, 40, "the clash"),
        effect=Span(0, 19, "Police arrested 12"),
        features=("cue=after",),
    )


def _classifier(head_bias: float) -> CueClassifier:
    gate = Logistic({"s:cue=after": 0.0}, bias=0.0, threshold=0.6)  # the gate alone: p = 0.5
    candidate = Logistic({}, bias=0.0, threshold=0.0)
    head = EncoderHead(
        encoder="minilm",
        mean=(0.0,) * 2,
        scale=(1.0,) * 2,
        weights=(0.0,) * 2,
        bias=head_bias,
        threshold=0.6,
    )
    return CueClassifier(sentence=gate, candidate=candidate, head=head)


def test_the_head_is_averaged_with_the_gate_only_when_a_vector_is_given() -> None:
    sure, unsure = _classifier(head_bias=5.0), _classifier(head_bias=-5.0)
    found = [_candidate()]
    assert sure.select(found) == []  # gate alone: 0.5 < 0.6
    assert sure.select(found, [0.0, 0.0]) == found  # (0.5 + 0.99) / 2 >= 0.6
    assert unsure.select(found, [0.0, 0.0]) == []  # (0.5 + 0.01) / 2 < 0.6


def test_a_head_survives_its_json() -> None:
    head = EncoderHead("minilm", (0.5, -1.0), (2.0, 1.0), (1.5, -0.25), 0.1, 0.47)
    again = EncoderHead.from_json(head.to_json())
    assert again == head
    x = (0.5 + 2.0 * 1.0, -1.0 + 1.0)  # standardised: (1.0, 1.0)
    assert again.probability(x) == pytest.approx(1 / (1 + np.exp(-(1.5 - 0.25 + 0.1))))


def test_the_setting_names_a_known_encoder() -> None:
    assert Settings().why_encoder == "none"  # off unless asked for
    with pytest.raises(ValueError, match="why encoder must be one of"):
        Settings(why_encoder="bert")


def test_the_extractor_keeps_its_encoder_through_pickling() -> None:
    extractor = pickle.loads(pickle.dumps(WhyExtractor(encoder="minilm")))
    assert extractor.encoder == "minilm"


@pytest.mark.slow
@pytest.mark.encoder
def test_cue_vectors_read_the_context(encoder_installed: str) -> None:
    encoder = shared_encoder(encoder_installed)
    first = "Police arrested twelve students after the clash at the gate."
    second = "The minister arrived in Delhi after the talks in Paris."
    at_first, at_second = first.index("after"), second.index("after")
    vectors = encoder.vectors(
        [
            (first, [(at_first, at_first + 5)]),
            (second, [(at_second, at_second + 5)]),
            (first, []),  # no cue: no vector
            (first, [(at_first, at_first + 5)]),  # the same again: the same vector
        ]
    )
    assert vectors.shape == (4, DIMENSIONS)
    assert np.any(vectors[0]) and not np.any(vectors[2])
    assert np.array_equal(vectors[0], vectors[3])
    similarity = vectors[0] @ vectors[1] / np.linalg.norm(vectors[0]) / np.linalg.norm(vectors[1])
    assert 0.3 < similarity < 0.999  # the same word, read differently in each sentence

"""The cue classifier: trained on candidates of labelled sentences, saved and loaded as JSON."""

from __future__ import annotations

import dataclasses

from newsgraph.claims.candidates import Candidate
from newsgraph.claims.classifier import CueClassifier, Logistic
from newsgraph.claims.cues import Cue
from newsgraph.evaluate.causal import GoldRelation, GoldSentence
from newsgraph.evaluate.cue_training import train_classifier
from newsgraph.model import Span

BECAUSE = Cue(("because",), "marker", "reason")
WHEN = Cue(("when",), "marker", "temporal")


def _candidate(cue: Cue, *features: str) -> Candidate:
    # "Workers struck because pay fell": cause tokens 3-4, effect tokens 0-1.
    return Candidate(
        sentence=0,
        cue=cue,
        cue_span=Span(15, 22, cue.text),
        cause=Span(23, 31, "pay fell"),
        effect=Span(0, 14, "Workers struck"),
        features=(f"cue={cue.id}", *features),
    )


def _data() -> tuple[list[list[Candidate]], list[GoldSentence]]:
    relation = GoldRelation(cause=frozenset({3, 4}), effect=frozenset({0, 1}))
    candidates, gold = [], []
    for n in range(60):
        causal = n % 2 == 0
        cue = BECAUSE if causal else WHEN
        candidates.append([_candidate(cue, f"word={'strike' if causal else 'day'}")])
        gold.append(
            GoldSentence(
                id=f"train_0{n % 6}_{n}_{n}",
                text="Workers struck because pay fell",
                causal=causal,
                relations=(relation,) if causal else (),
            )
        )
    return candidates, gold


def test_learns_which_cues_make_a_sentence_causal() -> None:
    candidates, gold = _data()
    model = train_classifier(candidates, gold)
    assert model.select([_candidate(BECAUSE, "word=strike")])
    assert not model.select([_candidate(WHEN, "word=day")])
    assert 0.1 <= model.sentence.threshold < 0.9


def test_json_round_trip_keeps_the_decisions() -> None:
    candidates, gold = _data()
    model = train_classifier(candidates, gold)
    loaded = CueClassifier.from_json(model.to_json())
    assert loaded.sentence.threshold == round(model.sentence.threshold, 4)
    for found in candidates[:4]:
        assert bool(loaded.select(found)) == bool(model.select(found))


def test_question_candidates_are_never_selected() -> None:
    candidates, gold = _data()
    model = train_classifier(candidates, gold)
    question = dataclasses.replace(_candidate(BECAUSE, "word=strike"), interrogative=True)
    assert model.select([question]) == []


def test_a_causal_sentence_keeps_a_pair_that_names_both_sides() -> None:
    model = CueClassifier(
        sentence=Logistic({}, bias=3.0, threshold=0.5),
        candidate=Logistic({"cue=marker:when": 5.0}, bias=-5.0, threshold=0.5),
    )
    sideless = dataclasses.replace(_candidate(WHEN), cause=None)  # only its effect is stated
    kept = model.select([sideless, _candidate(BECAUSE)])
    assert sideless in kept and any(c.cause is not None for c in kept)

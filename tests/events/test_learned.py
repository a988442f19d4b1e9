"""The event model over the rule coder's candidates: kept, dropped or re-categorised, with a
confidence and the runners-up in the trace."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from newsgraph.events import EventCoder
from newsgraph.events.explain import explain
from newsgraph.events.features import CLASSES, EVIDENCE, VECTOR_COLUMNS
from newsgraph.events.model import EventModel

WIDTH = VECTOR_COLUMNS + len(EVIDENCE)
TEXT = "Israeli troops shot dead two Hamas gunmen near Gaza City on Tuesday."
MENTIONS = [("Israeli troops", "ISRMIL", "actor"), ("two Hamas gunmen", "PSEREB", "actor")]


def _always(category: str, margin: float = 5.0) -> EventModel:
    """A model that gives `category` whatever it reads, then the next classes in order."""
    bias = np.linspace(0.0, -1.0, len(CLASSES)).astype(np.float32)
    bias[CLASSES.index(category)] = margin
    return EventModel(
        weights=np.zeros((WIDTH, len(CLASSES)), dtype=np.float32),
        bias=bias,
        mean=np.zeros(WIDTH, dtype=np.float32),
        scale=np.ones(WIDTH, dtype=np.float32),
        temperature=1.0,
        columns="all",
    )


def _coder(model: EventModel) -> EventCoder:
    coder = EventCoder(learned=True)
    coder._model = model
    return coder


def test_rules_event_kept_with_the_models_confidence(make_article: Any) -> None:
    article = _coder(_always("ASSAULT")).code(make_article(TEXT, MENTIONS))
    [event] = article.events
    assert event.plover == "ASSAULT" and [r.code for r in event.source] == ["ISRMIL"]
    assert event.confidence is not None and 0.9 < event.confidence <= 1.0
    text = explain(event, article)
    assert "Model: probability" in text and "next: NONE" in text


def test_the_model_can_drop_or_recategorise_an_event(make_article: Any) -> None:
    assert _coder(_always("NONE")).code(make_article(TEXT, MENTIONS)).events == ()
    [event] = _coder(_always("COERCE")).code(make_article(TEXT, MENTIONS)).events
    assert event.plover == "COERCE" and event.cameo_root == "17" and event.mode == ""


def test_no_event_without_an_actor(make_article: Any) -> None:
    # the rules find a trigger but no actor is named: the model alone cannot make an event of it
    article = _coder(_always("ASSAULT")).code(make_article(TEXT, []))
    assert article.events == ()


def test_custom_dictionaries_are_coded_by_rules_alone(tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("", encoding="utf-8")
    assert EventCoder(learned=True).learned and not EventCoder().learned
    assert not EventCoder(verb_dictionaries=[verbs], learned=True).learned
    assert not EventCoder(use_defaults=False, learned=True).learned


@pytest.mark.parametrize("category", ["AGREE", "ASSAULT", "PROTEST"])
def test_every_category_has_a_cameo_code(category: str) -> None:
    coder = EventCoder()
    code = coder.codebook_code(category)
    assert coder.codebook.entry_or_unlisted(code).plover == category

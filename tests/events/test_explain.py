"""explain(): why an event got its code, field by field."""

from __future__ import annotations

from newsgraph.events import explain
from newsgraph.model import ActorRef, Article, Event, Provenance, RuleTrace, Sentence, Span

TEXT = "Russia threatened to cut ties with Chile."
ARTICLE = Article(
    id="a",
    raw_text=TEXT,
    provenance=Provenance("t"),
    clean_text=TEXT,
    sentences=(Sentence(0, 0, len(TEXT), TEXT),),
)
EVENT = Event(
    id="a:e0-1",
    article_id="a",
    sentence=0,
    trigger=Span(7, 17, "threatened"),
    source=(ActorRef("Russia", "RUS", "Russia", 0, 6),),
    target=(ActorRef("Chile", "CHL", "Chile", 35, 40),),
    cameo="1313",
    cameo_root="13",
    goldstein=-4.4,
    quad_class=3,
    plover="THREATEN",
    mode="relations",
    context="diplomatic",
    rule=RuleTrace("ng:frame-threaten", "v1", "threaten frame over 'cut' (161)"),
    negated=True,
)


def test_explain_names_rule_words_and_codebook_entry() -> None:
    text = explain(EVENT, ARTICLE)
    assert TEXT in text
    assert "ng:frame-threaten" in text and "threaten frame over 'cut'" in text
    assert "CAMEO 1313 Threaten to reduce or break relations" in text
    assert "root 13 THREATEN" in text and "PLOVER THREATEN, mode relations" in text
    assert 'Source: RUS "Russia" [0:6]' in text and 'Target: CHL "Chile" [35:40]' in text
    assert "negated" in text

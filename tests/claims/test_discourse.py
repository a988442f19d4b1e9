"""Discourse reasons: why-questions, reason chains and references back to the event explained."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.claims.extractor import WhyExtractor
from newsgraph.model import ActorRef, Article, Event, RuleTrace, Span

pytestmark = pytest.mark.slow

TEXT = (
    "Why did the Kenyan president travel to Addis Ababa?\n"
    "Kenya has close trade ties with Ethiopia. However, this is not the only reason for his trip. "
    "Nairobi fears a new border dispute.\n"
    "Another reason for this trip is the president's wish to secure a port deal.\n"
    "The weather in the capital was mild.\n"
    "Separately, the minister postponed a trip to Cairo."
)


def _event(article: Article, word: str, occurrence: int, code: str, target: str) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = article.clean_text.index(word, start + 1)
    sentence = article.sentence_at(start)
    assert sentence is not None
    ref = ActorRef(name=code, code=code, text=code, start=0, end=0)
    target_ref = ActorRef(name=target, code=target, text=target, start=0, end=0)
    return Event(
        id=f"e{start}",
        article_id=article.id,
        sentence=sentence.index,
        trigger=Span(start, start + len(word), word),
        source=(ref,),
        target=(target_ref,),
        cameo="042",
        cameo_root="04",
        goldstein=1.9,
        quad_class=1,
        plover="CONSULT",
        mode="visit",
        context="",
        rule=RuleTrace("test", "test"),
    )


@pytest.fixture(scope="module")
def article(make_article) -> Article:
    parsed = make_article(TEXT)
    events = (
        _event(parsed, "travel", 0, "KENGOV", "ETH"),
        _event(parsed, "trip", 2, "KENGOV", "EGY"),
    )
    return WhyExtractor(rules_only=True).extract(replace(parsed, events=events))


def _linked(article: Article, event_id: str) -> list[str]:
    return [
        (m.evidence.text if m.evidence else m.cause.text)
        for m in article.motives
        if m.event_id == event_id
    ]


def test_reasons_chain_to_the_questioned_event(article: Article) -> None:
    travel = article.events[0].id
    linked = " || ".join(_linked(article, travel))
    assert "close trade ties with Ethiopia" in linked  # "this is not the only reason"
    assert "fears a new border dispute" in linked  # the series the sentence opens
    assert "wish to secure a port deal" in linked  # "Another reason for this trip"


def test_unrelated_sentences_and_other_trips_are_not_reasons(article: Article) -> None:
    travel = article.events[0].id
    linked = " || ".join(_linked(article, travel))
    assert "weather" not in linked
    assert "Cairo" not in linked


def test_motives_carry_evidence_inside_the_clean_text(article: Article) -> None:
    assert article.motives
    for motive in article.motives:
        for span in (motive.cause, motive.effect, motive.evidence):
            assert span is not None
            assert article.clean_text[span.start : span.end] == span.text
        assert motive.holder == ("author",)

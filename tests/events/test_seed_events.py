"""Seed acceptance for events: the founding article through the real pipeline (newsgraph.process:
clean → annotate → link → events), checked against every `must` event of expected.yaml and the
`should` events general rules reach.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.model import Article, Event

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def expected(shared_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (shared_dir / "seed" / "expected.yaml").read_text("utf-8")
    )
    return data["events"]


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> Article:
    from newsgraph import process

    text = (shared_dir / "seed" / "article.txt").read_text("utf-8")
    [article] = process([text], published=date(2024, 8, 18))
    return article


def _sentence(article: Article, event: Event) -> str:
    return next(s.text for s in article.sentences if s.index == event.sentence)


def _codes(value: str | list[str]) -> set[str]:
    return {value} if isinstance(value, str) else set(value)


def _same_actor(expected: str, code: str) -> bool:
    """Codes compare by their first three letters unless the expectation names a sector."""
    return code.startswith(expected) if len(expected) > 3 else code[:3] == expected


def _matches(item: dict[str, Any], event: Event, article: Article) -> bool:
    if event.negated or event.hypothetical:
        return False
    evidence = _codes(item["evidence_contains"])
    if not any(text in _sentence(article, event) for text in evidence):
        return False
    if "cameo" in item and event.cameo != item["cameo"]:
        return False
    if "cameo_root" in item and event.cameo_root not in _codes(item["cameo_root"]):
        return False
    if "plover" in item and event.plover != item["plover"]:
        return False
    if "mode" in item and event.mode != item["mode"]:
        return False
    sources = _codes(item["source"])
    if {s[:3] for s in sources} != {a.code[:3] for a in event.source}:
        return False
    if not all(any(_same_actor(s, a.code) for a in event.source) for s in sources):
        return False
    if "target" in item and not any(_same_actor(item["target"], a.code) for a in event.target):
        return False
    if "place" in item and item["place"] not in (event.place or ""):
        return False
    return "date" not in item or (event.date or "").startswith(item["date"])


def _found(item: dict[str, Any], article: Article) -> list[Event]:
    return [e for e in article.events if _matches(item, e, article)]


def test_every_must_event_is_coded(seed: Article, expected: dict[str, Any]) -> None:
    for item in expected["must"]:
        assert _found(item, seed), f"must event {item['id']} not coded"


def test_visit_is_placed_in_baku_in_both_sentences(seed: Article, expected: dict[str, Any]) -> None:
    [visit] = [i for i in expected["must"] if i["id"] == "visit"]
    evidence = {_sentence(seed, e) for e in _found(visit, seed)}
    for text in visit["evidence_contains"]:
        assert any(text in sentence for sentence in evidence), text


def test_should_events_reached_by_general_rules(seed: Article, expected: dict[str, Any]) -> None:
    # Known gaps (docs/evaluation/events.md): kursk_offensive (no target in its sentence),
    # iran_threats (the threatener is named only in a coordinated phrase).
    reached = {i["id"] for i in expected["should"] if _found(i, seed)}
    assert "turkey_postponed_2004" in reached


def test_caption_welcome_is_not_dated_to_publication(seed: Article) -> None:
    host = [e for e in seed.events if e.cameo == "043" and not e.negated]
    assert host and all(e.date is None for e in host)


def test_unwelcome_in_the_west_is_not_a_fact(seed: Article) -> None:
    sentence = next(s for s in seed.sentences if "not welcomed in Western" in s.text)
    events = [e for e in seed.events if e.sentence == sentence.index]
    welcome = [e for e in events if e.trigger.text == "welcomed"]
    assert welcome and all(e.negated for e in welcome)
    # "calls to enforce the Hague Court's decision to arrest" him: no arrest happened.
    assert all(e.negated or e.hypothetical for e in events)


def test_every_event_is_explained_by_its_evidence(seed: Article) -> None:
    from newsgraph.events import explain

    for event in seed.events:
        sentence = next(s for s in seed.sentences if s.index == event.sentence)
        assert sentence.start <= event.trigger.start < event.trigger.end <= sentence.end
        assert seed.clean_text[event.trigger.start : event.trigger.end] == event.trigger.text
        for actor in (*event.source, *event.target):
            assert seed.clean_text[actor.start : actor.end] == actor.text
        assert event.rule.pattern_id in explain(event, seed)

"""Argument choice on real parses with hand-made mentions: who is the doer, who the done-to."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.model import Article, Event

pytestmark = pytest.mark.slow


def _root(article: Article, root: str) -> Event:
    events = [e for e in article.events if e.cameo_root == root]
    assert len(events) == 1, [(e.cameo, e.rule.pattern_id) for e in article.events]
    return events[0]


def _codes(refs) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for r in refs]


def test_engaged_in_is_a_state_not_a_passive(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Sudanese forces were engaged in heavy fighting against Ugandan troops.",
        [("Sudanese forces", "SDNMIL", "actor"), ("Ugandan troops", "UGAMIL", "actor")],
    )
    event = _root(coder.code(article), "19")
    assert _codes(event.source) == ["SDNMIL"] and _codes(event.target) == ["UGAMIL"]


def test_protest_aims_at_whom_its_purpose_names(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Kenyan students blocked roads in Nairobi to press their demands on the Kenyan government.",
        [("Kenyan students", "KENEDU", "actor"), ("the Kenyan government", "KENGOV", "actor")],
    )
    event = _root(coder.code(article), "14")
    assert _codes(event.source) == ["KENEDU"] and _codes(event.target) == ["KENGOV"]


def test_pushing_for_a_clause_asks_its_subject(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Japan is pushing hard for China to lift the ban.",
        [("Japan", "JPN", "actor"), ("China", "CHN", "actor")],
    )
    event = _root(coder.code(article), "10")
    assert _codes(event.source) == ["JPN"] and _codes(event.target) == ["CHN"]


def test_military_aid_names_no_military_actor(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Canada suspended part of a military aid program for Haiti.",
        [("Canada", "CAN", "actor"), ("military", "MIL", "actor"), ("Haiti", "HTI", "actor")],
    )
    event = _root(coder.code(article), "16")
    assert _codes(event.target) == ["HTI"]


def test_complaint_targets_whom_it_is_about(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Peru complained to the United Nations over Chilean air raids.",
        [
            ("Peru", "PER", "actor"),
            ("United Nations", "IGOUNO", "actor"),
            ("Chilean", "CHL", "actor"),
        ],
    )
    event = _root(coder.code(article), "11")
    assert _codes(event.source) == ["PER"] and _codes(event.target) == ["CHL"]


def test_meeting_between_two_sides_targets_both(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Norway said it is ready to host a meeting between an Israeli peace group and the PLO.",
        [("Norway", "NOR", "actor"), ("Israeli", "ISR", "actor"), ("PLO", "PSE", "actor")],
    )
    event = _root(coder.code(article), "03")
    assert set(_codes(event.target)) == {"ISR", "PSE"}


def test_mobilized_reservists_are_not_the_target(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Egypt mobilized army reservists for a possible war against Libya.",
        [
            ("Egypt", "EGY", "actor"),
            ("army", "MIL", "actor"),
            ("reservists", "MIL", "actor"),
            ("Libya", "LBY", "actor"),
        ],
    )
    event = _root(coder.code(article), "15")
    assert _codes(event.target) == ["LBY"]


def test_demanded_withdrawal_targets_who_withdraws(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Kenya demanded the withdrawal of Ugandan forces from Somalia.",
        [("Kenya", "KEN", "actor"), ("Ugandan", "UGA", "actor"), ("Somalia", "SOM", "actor")],
    )
    event = _root(coder.code(article), "10")
    assert _codes(event.target) == ["UGA"]


def test_an_igo_sector_keeps_its_owner(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Villagers in Mali are demanding a U.N. military presence.",
        [("Mali", "MLI", "actor"), ("U.N. military presence", "IGOUNOMIL", "actor")],
    )
    # As the linker resolves it: a sector (agent) owned by the UN.
    article = replace(
        article,
        mentions=tuple(
            replace(m, resolved_by="agent+alias") if m.code == "IGOUNOMIL" else m
            for m in article.mentions
        ),
    )
    event = _root(coder.code(article), "10")
    assert _codes(event.target) == ["IGOUNOMIL"]


def test_protest_against_acts_targets_their_doer(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "A jailed activist staged a hunger strike in protest against abuses by Nigerian police.",
        [("activist", "NGAOPP", "actor"), ("Nigerian police", "NGACOP", "actor")],
    )
    protest = [e for e in coder.code(article).events if e.trigger.text == "protest"]
    assert len(protest) == 1 and _codes(protest[0].target) == ["NGACOP"]

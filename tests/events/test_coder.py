"""The event coder on real parses with hand-made mentions (stages covered: events only)."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from newsgraph.model import Article, Event

pytestmark = pytest.mark.slow


def _only(article: Article, cameo_root: str | None = None) -> Event:
    events = [e for e in article.events if cameo_root is None or e.cameo_root == cameo_root]
    assert len(events) == 1, [(e.cameo, e.rule.pattern_id) for e in article.events]
    return events[0]


def _codes(refs) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for r in refs]


def test_visit_noun_takes_possessor_and_destination(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "The visit of the Iranian president to Baghdad surprised observers.",
        [
            ("the Iranian president", "IRNGOV", "actor"),
            ("Baghdad", "IRQ", "actor"),
            ("Baghdad", "IRQ", "place"),
        ],
    )
    event = _only(coder.code(article))
    assert (event.cameo, event.plover, event.mode) == ("042", "CONSULT", "visit")
    assert _codes(event.source) == ["IRNGOV"] and _codes(event.target) == ["IRQ"]
    assert event.place == "Baghdad" and event.trigger.text == "visit"


def test_welcoming_a_person_is_hosting_a_visit(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Erdogan was welcomed by Kenyan President William Ruto at the State House.",
        [("Erdogan", "TURGOV", "actor"), ("Kenyan President William Ruto", "KENGOV", "actor")],
    )
    event = _only(coder.code(article), "04")
    assert event.cameo == "043"
    assert _codes(event.source) == ["KENGOV"] and _codes(event.target) == ["TURGOV"]


def test_welcoming_a_statement_is_praise(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Germany welcomed the statement by France.",
        [("Germany", "DEU", "actor"), ("France", "FRA", "actor")],
    )
    assert _only(coder.code(article)).cameo_root == "05"


def test_compound_subject_and_intent_frame(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Serbia and Kosovo have announced that they are ready to make peace.",
        [("Serbia", "SRB", "actor"), ("Kosovo", "XKX", "actor")],
    )
    event = _only(coder.code(article), "03")
    assert event.plover == "AGREE" and set(_codes(event.source)) == {"SRB", "XKX"}
    assert "intent frame" in event.rule.detail


def test_threat_frame_composes_the_complement(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Pakistan threatened to break off diplomatic relations with Chile.",
        [("Pakistan", "PAK", "actor"), ("Chile", "CHL", "actor")],
    )
    event = _only(coder.code(article))
    assert event.cameo_root == "13" and event.plover == "THREATEN"
    assert _codes(event.source) == ["PAK"] and _codes(event.target) == ["CHL"]


def test_demand_targets_the_one_asked_to_act(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "China demanded that the United States cancel the arms sale.",
        [("China", "CHN", "actor"), ("the United States", "USA", "actor")],
    )
    event = _only(coder.code(article))
    assert event.plover == "REQUEST" and _codes(event.target) == ["USA"]


def test_future_hostile_act_is_a_threat_and_cooperative_one_an_intent(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    hostile = coder.code(
        make_article(
            "Russia will attack Ukraine.", [("Russia", "RUS", "actor"), ("Ukraine", "UKR", "actor")]
        )
    )
    assert _only(hostile).cameo_root == "13"
    friendly = coder.code(
        make_article(
            "Russia will visit Ukraine in June.",
            [("Russia", "RUS", "actor"), ("Ukraine", "UKR", "actor")],
        )
    )
    assert _only(friendly).cameo_root == "03"


def test_negated_and_hypothetical_events_are_flagged(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    negated = coder.code(
        make_article(
            "Israel did not attack Lebanon.",
            [("Israel", "ISR", "actor"), ("Lebanon", "LBN", "actor")],
        )
    )
    assert _only(negated).negated
    conditional = coder.code(
        make_article(
            "If Israel attacks Lebanon, the region will burn.",
            [("Israel", "ISR", "actor"), ("Lebanon", "LBN", "actor")],
        )
    )
    assert _only(conditional, "19").hypothetical
    purpose = coder.code(
        make_article(
            "Egypt sent troops to attack Libya.",
            [("Egypt", "EGY", "actor"), ("Libya", "LBY", "actor")],
        )
    )
    assert all(e.hypothetical for e in purpose.events if e.cameo_root == "19")


def test_relative_date_resolved_against_publication(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Iran criticized Israel on Wednesday.",
        [("Iran", "IRN", "actor"), ("Israel", "ISR", "actor")],
        published=date(2024, 8, 18),
    )
    event = _only(coder.code(article))
    assert event.date == "2024-08-14" and event.date_text == "Wednesday"


def test_no_doer_no_event(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article("The talks were postponed.", [])
    assert coder.code(article).events == ()


def test_event_ids_are_stable_and_unique(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    text = "Iran criticized Israel. Israel attacked Syria."
    mentions = [
        ("Iran", "IRN", "actor"),
        ("Israel", "ISR", "actor"),
        ("Israel", "ISR", "actor"),
        ("Syria", "SYR", "actor"),
    ]
    first = coder.code(make_article(text, mentions)).events
    again = coder.code(make_article(text, mentions)).events
    assert [e.id for e in first] == [e.id for e in again]
    assert len({e.id for e in first}) == len(first) == 2
    assert first[1].id.startswith("t:e1-")


def test_needs_a_parse(coder) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.model import Provenance

    with pytest.raises(ValueError, match="no parse"):
        coder.code(Article(id="x", raw_text="a", provenance=Provenance("x"), clean_text="a"))


def test_coder_pickles_without_its_resources(coder) -> None:  # type: ignore[no-untyped-def]
    assert coder.lexicon is not None
    clone = pickle.loads(pickle.dumps(coder))
    assert clone._lexicon is None and clone.may_have_event("Iran attacked Iraq.")


def test_prefilter_never_drops_a_sentence_with_events(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israel shelled Gaza. The weather was sunny. Hamas fired rockets at Israel. "
        "Egypt hosted talks between them."
    )
    article = coder.code(
        make_article(
            text,
            [
                ("Israel", "ISR", "actor"),
                ("Gaza", "PSE", "actor"),
                ("Hamas", "PSE", "actor"),
                ("Israel", "ISR", "actor"),
                ("Egypt", "EGY", "actor"),
            ],
        )
    )
    with_events = {e.sentence for e in article.events}
    assert with_events
    for sentence in article.sentences:
        if sentence.index in with_events:
            assert coder.may_have_event(sentence.text)
    assert not coder.may_have_event("The weather was sunny.")


def test_reported_obligation_is_the_speakers_demand(coder, make_article) -> None:  # type: ignore[no-untyped-def]
    article = make_article(
        "Russia said on Tuesday that Sudan must return the captured helicopter.",
        [("Russia", "RUS", "actor"), ("Sudan", "SDN", "actor")],
    )
    event = _only(coder.code(article), "10")
    assert event.plover == "REQUEST" and "obligation" in event.rule.detail
    assert _codes(event.source) == ["RUS"] and _codes(event.target) == ["SDN"]
    assert event.source[0].text == "Russia"  # evidence offsets, not a bare code

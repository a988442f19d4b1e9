"""Cue candidates: cause and effect spans read off the parse for each construction."""

from __future__ import annotations

import pytest

from newsgraph.claims.extractor import WhyExtractor

pytestmark = pytest.mark.slow


def _pairs(make_article, text: str) -> dict[str, tuple[str, str]]:
    article = make_article(text)
    found = WhyExtractor(rules_only=True).candidates(article)
    return {
        c.cue.text: (c.cause.text if c.cause else "", c.effect.text if c.effect else "")
        for sentence in found
        for c in sentence
    }


@pytest.mark.parametrize(
    ("text", "cue", "cause_has", "effect_has"),
    [
        (
            "The workers went on strike because their wages were cut.",
            "because",
            "wages were cut",
            "went on strike",
        ),
        (
            "The match was cancelled due to heavy rain.",
            "due to",
            "heavy rain",
            "match was cancelled",
        ),
        (
            "The price rise led to protests across the country.",
            "lead to",
            "price rise",
            "protests across the country",
        ),
        (
            "The riots were triggered by the arrest of a student leader.",
            "trigger",
            "arrest of a student leader",
            "riots",
        ),
        (
            "A bomb exploded in the market, killing five people.",
            "kill",
            "bomb exploded",
            "killing five people",
        ),
        (
            "Farmers blocked the highway, demanding higher prices for their crops.",
            "demand",
            "demanding higher prices",
            "Farmers blocked the highway",
        ),
        (
            "The minister travelled to Paris to sign the agreement.",
            "to",
            "sign the agreement",
            "minister travelled to Paris",
        ),
        (
            "Residents staged a protest against the new landfill.",
            "against",
            "new landfill",
            "Residents staged a protest",
        ),
        (
            "The unions are protesting rising inflation.",
            "protest",
            "rising inflation",
            "unions",
        ),
        (
            "There were clashes in the village in which two policemen were injured.",
            "in",
            "the village",
            "two policemen were injured",
        ),
        (
            "Maoists blocked the road by felling trees.",
            "by",
            "felling trees",
            "Maoists blocked the road",
        ),
        (
            "With doctors staying off duty, hospital services were affected.",
            "with",
            "doctors staying off duty",
            "hospital services were affected",
        ),
        (
            "Racism was one of the triggers for the quarrel.",
            "trigger",
            "Racism",
            "quarrel",
        ),
        (
            "A minor dispute between two families led to clashes in the village.",
            "lead to",
            "minor dispute between two families",
            "clashes in the village",
        ),
        (
            "The violence heightened tensions in the city.",
            "heighten",
            "violence",
            "tensions in the city",
        ),
        (  # "on" + gerund: the cue word YAML once read as true
            "On hearing about the fire, the neighbours rushed out of their homes.",
            "on",
            "hearing about the fire",
            "neighbours rushed out",
        ),
        # verbs of saying as participial adjuncts, like ", saying X"
        (
            "Farmers blocked the highway, arguing that the new tariff would ruin them.",
            "argue",
            "the new tariff would ruin them",
            "blocked the highway",
        ),
        (
            "The council closed the bridge, stating that its pillars were unsafe.",
            "state",
            "its pillars were unsafe",
            "closed the bridge",
        ),
        (
            "Teachers walked out on Monday, insisting that their pay be restored.",
            "insist",
            "their pay be restored",
            "Teachers walked out",
        ),
    ],
)
def test_constructions_give_cause_and_effect(
    make_article, text: str, cue: str, cause_has: str, effect_has: str
) -> None:
    pairs = _pairs(make_article, text)
    assert cue in pairs, pairs
    cause, effect = pairs[cue]
    assert cause_has in cause
    assert effect_has in effect
    assert cause_has not in effect


def test_preposition_needing_a_reaction_word_stays_silent_without_one(make_article) -> None:
    pairs = _pairs(make_article, "She waited at the station for two hours.")
    assert "for" not in pairs and "at" not in pairs


def test_reported_speech_alone_gives_no_reason(make_article) -> None:
    pairs = _pairs(make_article, "The minister said the talks would resume next week.")
    assert "say" not in pairs


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The union argued that the new tariff would ruin small farmers.", "argue"),
        ("The mayor stated that the bridge was unsafe.", "state"),
        ("The spokesman added that the talks would continue.", "add"),
    ],
)
def test_finite_speech_verb_gives_no_reason(make_article, text: str, cue: str) -> None:
    assert cue not in _pairs(make_article, text)


def test_agentless_passive_names_no_cause(make_article) -> None:
    pairs = _pairs(make_article, "Two houses were damaged on Sunday.")
    assert "damage" not in pairs


def test_relative_wh_word_is_not_a_question(make_article) -> None:
    article = make_article("There were clashes in the village in which two policemen were injured.")
    [found] = WhyExtractor(rules_only=True).candidates(article)
    assert found and not any(c.interrogative for c in found)


def test_why_question_cause_is_interrogative(make_article) -> None:
    article = make_article("What prompted the sudden resignation of the minister?")
    [found] = WhyExtractor(rules_only=True).candidates(article)
    question = [c for c in found if c.interrogative]
    assert question and "resignation of the minister" in question[0].effect.text


def test_offsets_point_into_the_clean_text(make_article) -> None:
    text = "Intro line here.\n\nThe talks collapsed because the envoy left early."
    article = make_article(text)
    for sentence in WhyExtractor(rules_only=True).candidates(article):
        for c in sentence:
            for span in (c.cause, c.effect):
                assert span is None or text[span.start : span.end] == span.text

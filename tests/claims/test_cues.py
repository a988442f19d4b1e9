"""The cue lexicons: versioned, attributed, and loaded into typed records."""

from __future__ import annotations

from importlib import resources

import pytest

from newsgraph.claims.cues import causal_lexicon, certainty_lexicon


@pytest.mark.parametrize("name", ["causal.yaml", "certainty.yaml"])
def test_resource_header_names_source_licence_and_version(name: str) -> None:
    text = resources.files("newsgraph.resources").joinpath(f"cues/{name}").read_text("utf-8")
    header = text.split("\n\n")[0].lower()
    assert "source:" in header and "licence: mit" in header and "version:" in header


def test_causal_lexicon_has_every_form_and_longest_cues_first() -> None:
    lexicon = causal_lexicon()
    assert lexicon.version >= 1
    forms = {cue.form for cue in lexicon.cues}
    assert {"marker", "preposition", "verb", "noun", "connective"} <= forms
    prepositions = lexicon.by_form("preposition")
    assert len(prepositions[0].words) >= len(prepositions[-1].words)
    assert "reason" in lexicon.agenda_nouns and "another" in lexicon.series_markers


def test_every_causal_cue_is_read_as_words() -> None:
    # A bare `on` in YAML is the boolean true: the "on + gerund" cue was once lost that way.
    lexicon = causal_lexicon()
    assert ("on",) in {cue.words for cue in lexicon.cues if cue.form == "gerund"}
    assert not {"true", "false"} & {word for cue in lexicon.cues for word in cue.words}


def test_speech_participles_are_reason_adjuncts() -> None:
    lexicon = causal_lexicon()
    adjuncts = {cue.words[0] for cue in lexicon.cues if cue.needs == "adjunct"}
    assert {"say", "argue", "state"} <= lexicon.speech_participles
    assert adjuncts == lexicon.speech_participles
    assert all(
        cue.form == "reason_participle" and cue.sense == "reason"
        for cue in lexicon.cues
        if cue.needs == "adjunct"
    )


def test_certainty_lexicon_separates_hedges_from_boosters() -> None:
    lexicon = certainty_lexicon()
    assert "perhaps" in lexicon.hedge_adverbs
    assert "certain" in lexicon.certain_adjectives
    assert not lexicon.hedge_adverbs & lexicon.certain_adverbs
    assert "deny" in lexicon.denial_verbs and "say" in lexicon.speech_verbs

"""Verb patterns matched against hand-built parses (no model needed)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.events.patterns import best_pattern, pattern_matches
from newsgraph.events.verbdict import parse_verb_dictionary

VERBS = """\
####### VERB PATTERNS #######
---  RESTORE   [050]  ---
RESTORE
- * {FULL DIPLOMATIC} TIES    [051]
- * (TO POWER)                [0831]
- * NOTHING                   [---]
"""


def _doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_object_words_pick_the_specific_pattern() -> None:
    d = parse_verb_dictionary(VERBS, name="t")
    doc = _doc(
        ["Arnor", "restored", "full", "diplomatic", "ties"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "amod", "amod", "dobj"],
        ["Arnor", "restore", "full", "diplomatic", "tie"],
    )
    best = best_pattern([d], doc[1], doc[:])
    assert best is not None and best.code == "051"


def test_parenthesised_preposition_is_not_an_infinitive_marker() -> None:
    d = parse_verb_dictionary(VERBS, name="t")
    pattern = next(p for p in d.lookup("restore") if p.code == "0831")
    as_prep = _doc(
        ["They", "restored", "him", "to", "power"],
        [1, 1, 1, 1, 3],
        ["nsubj", "ROOT", "dobj", "prep", "pobj"],
        ["they", "restore", "he", "to", "power"],
    )
    assert pattern_matches(pattern, as_prep[1], as_prep[:], d.synsets)
    as_infinitive = _doc(
        ["They", "restored", "calm", "to", "power", "up"],
        [1, 1, 1, 4, 1, 4],
        ["nsubj", "ROOT", "dobj", "aux", "advcl", "prt"],
        ["they", "restore", "calm", "to", "power", "up"],
    )
    assert not pattern_matches(pattern, as_infinitive[1], as_infinitive[:], d.synsets)


def test_bare_verb_is_the_fallback() -> None:
    d = parse_verb_dictionary(VERBS, name="t")
    doc = _doc(
        ["Arnor", "restored", "order"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["Arnor", "restore", "order"],
    )
    best = best_pattern([d], doc[1], doc[:])
    assert best is not None and best.code == "050" and best.specificity == 0

"""Discard dictionaries: story-level (+PHRASE) and sentence-level phrases."""

from __future__ import annotations

from newsgraph.events.discards import parse_discards

TEXT = """# Story-level discards have a '+'.
MONTHS LATER
+World Golf Championships   # pas 26-Feb-2014
BASEBALL
"""


def test_story_and_sentence_discards() -> None:
    d = parse_discards(TEXT)
    assert d.discards_story("Arnor will host the world golf championships.")
    assert not d.discards_story("Arnor plays baseball.")
    assert d.discards_sentence("Arnor plays baseball.")
    assert d.discards_sentence("Months  later, they met.")
    assert not d.discards_sentence("Baseballs are round.")  # whole words only

"""The shared word tokenizer."""

from __future__ import annotations

from newsgraph.dictionaries.words import norms, tokenize


def test_dictionary_phrases_and_text_split_alike() -> None:
    assert norms("AL-QAEDA") == norms("Al-Qaeda") == ("al", "qaeda")
    assert norms("U.S.") == norms("US") == ("us",)
    assert norms("Russia's") == ("russia", "s")
    assert norms("Türkiye") == ("turkiye",)


def test_offsets_point_into_the_text() -> None:
    text = "Putin met the U.S. envoy."
    words = tokenize(text, offset=10)
    assert [(w.text, w.start - 10, w.end - 10) for w in words][3] == ("U.S.", 14, 18)
    assert words[3].all_caps and words[0].capitalised and not words[2].capitalised

"""The phrase index: longest match first, stems with inflectional endings only."""

from __future__ import annotations

from newsgraph.dictionaries.petrarch import Phrase
from newsgraph.link.index import PhraseIndex


def _index(*entries: tuple[tuple[str, ...], bool, str]) -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for words, stem, sense in entries:
        index.add(Phrase(words, stem), sense)
    return index


def test_longest_phrase_wins() -> None:
    index = _index((("north",), False, "N"), (("north", "korea"), False, "PRK"))
    hits = index.scan(["north", "korea", "and", "north"])
    assert [(h.start, h.end, h.senses) for h in hits] == [(0, 2, ("PRK",)), (3, 4, ("N",))]


def test_a_longer_phrase_starting_inside_beats_a_shorter_one() -> None:
    index = _index((("the", "hague"), False, "NLD"), (("hague", "court"), False, "ICC"))
    hits = index.scan(["the", "hague", "court", "s"])
    assert [(h.start, h.end, h.senses) for h in hits] == [(1, 3, ("ICC",))]


def test_stems_take_inflectional_endings_only() -> None:
    index = _index((("argentin",), True, "ARG"))
    assert index.lookup(["argentina"]) == ("ARG",)
    assert index.lookup(["argentinian"]) == ("ARG",)
    assert index.lookup(["argentinosaurus"]) == ()


def test_an_exact_phrase_hides_stem_readings_of_the_same_word() -> None:
    index = _index((("indian",), True, "IND"), (("indiana",), False, "US-IN"))
    assert index.lookup(["indiana"]) == ("US-IN",)
    assert index.lookup(["indians"]) == ("IND",)


def test_rejected_senses_do_not_block_shorter_phrases() -> None:
    index = _index((("new", "york"), False, "city"), (("york",), False, "GBR"))
    hits = index.scan(["new", "york"], accept=lambda sense, i, j: sense != "city")
    assert [(h.start, h.end, h.senses) for h in hits] == [(1, 2, ("GBR",))]


def test_words_before_an_inner_winner_keep_their_own_phrase() -> None:
    index = _index(
        (("us",), False, "USA"),
        (("us", "border", "patrol"), False, "DHS"),
        (("border", "patrol", "agents"), False, "COP"),
    )
    hits = index.scan(["us", "border", "patrol", "agents"])
    assert [(h.start, h.end, h.senses) for h in hits] == [(0, 1, ("USA",)), (1, 4, ("COP",))]

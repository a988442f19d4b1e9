"""The dictionary scan of a text: its words and the phrases of the catalogue found in them.

Case rules decide which hits may name an actor or place: a capitalised word, not a capitalised
function word ("It", "Aid") alone; an abbreviation sense only in capitals ("PRI", not "Pri").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.dictionaries.words import Word, tokenize, word_set
from newsgraph.link.catalog import Catalog
from newsgraph.link.index import Hit
from newsgraph.link.senses import ActorSense, PlaceSense, Sense
from newsgraph.link.state import Scan

# Capitalised at a sentence start, these are words, not names; in capitals they are (US, IT).
FUNCTION_WORDS = word_set(
    "us it is in on at as an or so to be we he me no do go am my by of up if all can may will "
    "man more most new one same said who why how now per via and the for not but was are has "
    "had his her its our out off own any few yet nor due aid arm arms"
)


# Lower-case words a capitalised name may hold ("Party of the Brazilian Democratic Movement").
NAME_JOINERS = word_set(
    "s of the and for in on de la le du del des do da di y e et"
)  # s: "People's"


def proper(words: Sequence[Word], i: int, j: int) -> bool:
    """Case rule for names of actors and places: capitalised, not a capitalised function word."""
    first = i + 1 if words[i].norm == "the" and j - i > 1 else i
    word = words[first]
    if not word.capitalised:
        return False
    lone_word = j - i == 1
    return not (
        lone_word and (len(word.norm) < 2 or (word.norm in FUNCTION_WORDS and not word.all_caps))
    )


def accept_for(words: Sequence[Word]) -> Any:
    def accept(sense: Sense, i: int, j: int) -> bool:
        if isinstance(sense, ActorSense) and sense.acronym:
            first = i + 1 if words[i].norm == "the" and j - i > 1 else i
            return all(w.all_caps for w in words[first:j])
        if isinstance(sense, ActorSense) and sense.capitalised:
            first = i + 1 if words[i].norm == "the" and j - i > 1 else i
            return all(w.capitalised or w.norm in NAME_JOINERS for w in words[first:j])
        if isinstance(sense, ActorSense | PlaceSense):
            return proper(words, i, j)
        return True

    return accept


def scan_text(catalog: Catalog, text: str, hits: list[Hit[Sense]] | None = None) -> Scan:
    """The text's words and dictionary hits (`hits` from an earlier scan of the same text)."""
    words = tokenize(text)
    if hits is None:
        hits = catalog.index.scan([w.norm for w in words], accept_for(words))
    return Scan(text, words, hits)

"""Titles of persons: what office a title phrase names and which sector code it gives.

A title is a phrase of titles.csv (president, foreign minister, general, journalist, ...) or a
PETRARCH agent noun, optionally led by modifiers: "deputy", "vice", "acting", "former", ...
"Deputy Foreign Minister" keeps the sector of "foreign minister" (GOV) but is a deputy, not the
foreign minister; "former" makes the person an elite (ELI) rather than the office holder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.dictionaries.petrarch import Phrase
from newsgraph.link.index import PhraseIndex
from newsgraph.link.senses import TitleSense

DEPUTY_MODIFIERS = frozenset({"deputy", "vice", "assistant", "undersecretary", "under"})
FORMER_MODIFIERS = frozenset({"former", "ex", "late", "outgoing"})
OTHER_MODIFIERS = frozenset({"first", "acting", "interim", "senior", "then", "incoming", "new"})
MODIFIERS = DEPUTY_MODIFIERS | FORMER_MODIFIERS | OTHER_MODIFIERS
# PETRARCH's code for former office holders and other elites.
ELITE_SECTOR = "ELI"


@dataclass(frozen=True, slots=True)
class Title:
    """A resolved title: its canonical wording, sector code and kind of office."""

    text: str
    sector: str
    category: str


class TitleLexicon:
    """Title phrases -> sector and category, for role patterns and role phrases."""

    def __init__(self) -> None:
        self.index: PhraseIndex[TitleSense] = PhraseIndex()

    def add(self, phrase: Phrase, sense: TitleSense) -> None:
        self.index.add(phrase, sense)

    def core(self, words: Sequence[str]) -> TitleSense | None:
        """The sense of the longest title phrase ending the words ("deputy foreign minister")."""
        for start in range(len(words)):
            senses = self.index.lookup(words[start:])
            if senses:
                return senses[0]
        return None

    def resolve(self, words: Sequence[str], shown: str, sector: str | None) -> Title | None:
        """The title of words (modifiers included); `sector` is an agent's code when known."""
        modifiers = {w for w in words if w in MODIFIERS}
        sense = self.core([w for w in words if w not in MODIFIERS])
        if sense is None and sector is None:
            return None
        category = sense.category if sense else "official"
        code = sense.sector if sense else sector or "GOV"
        if modifiers & DEPUTY_MODIFIERS:
            category = "deputy"
        if modifiers & FORMER_MODIFIERS:
            code, category = ELITE_SECTOR, "former"
        return Title(title_text(shown), code, category)


def title_text(shown: str) -> str:
    """Canonical wording of a title as written: 'deputy foreign minister' -> 'Deputy Foreign
    Minister'; short words stay lower-case ('Minister of Foreign Affairs')."""
    small = {"of", "for", "the", "and", "to", "in", "on"}
    words = shown.split()
    return " ".join(
        w
        if w.isupper() and len(w) > 1
        else (w.lower() if i and w.lower() in small else w.capitalize())
        for i, w in enumerate(words)
    )

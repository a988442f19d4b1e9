"""A precompiled phrase lookup over normalised word sequences: longest match first.

Every dictionary phrase (actors, places, agents, titles) goes into one dict keyed by its word
tuple, so scanning a text costs a few dict probes per word, whatever the dictionary size. Stems
(dictionary words without a trailing ``_``) also match the word plus a short inflectional ending
("Argentin" -> "Argentina", "Argentinian"), never an arbitrary continuation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from newsgraph.dictionaries.petrarch import Phrase

T = TypeVar("T")

# Endings a stem may take: plurals, demonyms and the -er/-ry of MINIST -> minister, ministry.
STEM_ENDINGS = frozenset(
    {"s", "es", "a", "e", "i", "n", "o", "y", "an", "ans", "ian", "ians", "is", "ese", "er"}
    | {"ers", "ry", "ries", "ies", "ic", "ics", "ish", "ist", "ists", "ite", "ites", "ni", "os"}
)
_MIN_STEM = 3
_MAX_ANSWERS = 200_000
_MAX_ENDING = max(len(e) for e in STEM_ENDINGS)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A phrase found at words[start:end] with the senses that accepted it."""

    start: int
    end: int
    senses: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """Phrases -> senses; scans word sequences for the longest accepted phrase at each word."""

    def __init__(self) -> None:
        self._exact: dict[tuple[str, ...], list[T]] = defaultdict(list)
        self._stems: dict[tuple[str, ...], list[T]] = defaultdict(list)
        self._longest: dict[str, int] = {}
        # Every proper prefix of a phrase: a longer phrase can start at a word only along these.
        self._prefixes: set[tuple[str, ...]] = set()
        # Answers to lookup: the same words recur in every article.
        self._answers: dict[tuple[str, ...], tuple[T, ...]] = {}

    def __len__(self) -> int:
        return len(self._exact)

    def add(self, phrase: Phrase, sense: T) -> None:
        """Register a sense for a phrase (a sense is added once per phrase)."""
        words = phrase.words
        if not words:
            return
        senses = self._exact[words]
        if sense not in senses:
            senses.append(sense)
        if phrase.stem and len(words[-1]) >= _MIN_STEM:
            stems = self._stems[words]
            if sense not in stems:
                stems.append(sense)
        if self._longest.get(words[0], 0) < len(words):
            self._longest[words[0]] = len(words)
        for k in range(1, len(words)):
            self._prefixes.add(words[:k])
        self._answers.clear()

    def lookup(self, words: Sequence[str]) -> tuple[T, ...]:
        """The senses of exactly these words, else of a stem phrase they inflect."""
        key = tuple(words)
        answer = self._answers.get(key)
        if answer is None:
            if len(self._answers) >= _MAX_ANSWERS:  # bounded memory over a long run
                self._answers.clear()
            answer = self._answers[key] = tuple(self._lookup(key))
        return answer

    def _lookup(self, key: tuple[str, ...]) -> list[T]:
        found = list(self._exact.get(key, ()))
        # A word some phrase spells out exactly is not read as another phrase's inflection:
        # "Indiana" is the state, not a form of the stem INDIAN.
        if self._stems and not found:
            last = key[-1]
            for cut in range(1, min(_MAX_ENDING, len(last) - _MIN_STEM) + 1):
                if last[-cut:] in STEM_ENDINGS:
                    for sense in self._stems.get((*key[:-1], last[:-cut]), ()):
                        if sense not in found:
                            found.append(sense)
        return found

    def _max_length(self, first: str) -> int:
        longest = self._longest.get(first, 0)
        # Any word may be the inflection of a one-word stem ("Argentina" of ARGENTIN).
        return max(longest, 1) if self._stems else longest

    def scan(
        self,
        norms: Sequence[str],
        accept: Callable[[T, int, int], bool] = lambda sense, start, end: True,
        start: int = 0,
        end: int | None = None,
    ) -> list[Hit[T]]:
        """Longest-first, left-to-right, non-overlapping hits in norms[start:end].

        `accept(sense, i, j)` filters senses for the words i..j (case rules, entity types); a
        phrase whose senses are all rejected does not block shorter phrases at that word.
        """
        stop = len(norms) if end is None else end

        def best(at: int) -> tuple[int, tuple[T, ...]]:
            first = norms[at]
            if first not in self._longest and not self.lookup((first,)):
                return 0, ()  # most words: no phrase starts here, nor a stem's inflection
            limit = min(self._max_length(first), stop - at)
            reach = 1  # the longest length whose words before the last start some phrase
            while reach < limit and tuple(norms[at : at + reach]) in self._prefixes:
                reach += 1
            for length in range(reach, 0, -1):
                senses = self.lookup(norms[at : at + length])
                accepted = tuple(s for s in senses if accept(s, at, at + length))
                if accepted:
                    return length, accepted
            return 0, ()

        hits: list[Hit[T]] = []
        i = start
        while i < stop:
            length, senses = best(i)
            if not length:
                i += 1
                continue
            # A longer phrase starting inside this one wins ("the Hague Court": not "the Hague").
            inner = next(
                (
                    k
                    for k in range(i + 1, i + length)
                    if (inner_length := best(k)[0]) >= length and k + inner_length > i + length
                ),
                None,
            )
            if inner is not None:
                # The words before the winner still name what they name on their own: "U.S."
                # before "border patrol agents" once "U.S. border patrol" gave way.
                hits.extend(self.scan(norms, accept, i, inner))
                i = inner
                continue
            hits.append(Hit(i, i + length, senses))
            i += length
        return hits

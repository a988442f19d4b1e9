"""Word tokens shared by dictionary phrases and the texts they are matched against.

Dictionary phrases (``AL-QAEDA_``, ``U.S._``, ``CHILDREN'S_FUND``) and running text ("Al-Qaeda",
"U.S.", "Russia's") must split into the same normalised words, or phrases never match; one
tokenizer serves both. It is a regex, independent of spaCy, so questions and arbitrary strings
can be scanned without a pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dotted abbreviations first ("U.S.", "U.N."), then runs of letters/digits, then "&" (AT&T).
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|&")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text: its surface form, normalised form and character offsets."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        """True when the word starts with an upper-case letter or a digit."""
        first = self.text[0]
        return first.isupper() or first.isdigit()

    @property
    def all_caps(self) -> bool:
        """True for acronyms and dotted abbreviations ("UN", "U.S.")."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lower-case, drop abbreviation dots and fold accents ("Türkiye" -> "turkiye")."""
    lowered = word.replace(".", "").lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str, offset: int = 0) -> list[Word]:
    """Split text into words with offsets (shifted by `offset`), punctuation dropped."""
    return [
        Word(m.group(), normalise(m.group()), m.start() + offset, m.end() + offset)
        for m in _WORD.finditer(text)
    ]


def norms(text: str) -> tuple[str, ...]:
    """The normalised words of a string, e.g. a dictionary phrase or a name."""
    lowered = text.lower()
    found = _WORD.findall(lowered)
    if lowered.isascii():  # the common case, without per-word accent folding
        return tuple(w.replace(".", "") for w in found)
    return tuple(normalise(w) for w in found)


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (for lexicons in code)."""
    return frozenset(text.split())

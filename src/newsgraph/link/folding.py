"""Folding of person names so that the spellings of one name meet: diacritics, romanisations.

"Khürelsükh" and "Khurelsukh" fold by dropping accents (as every normalised word does);
"Kasym-Zhomart" and "Kassym-Jomart", "Sergei" and "Sergey", "Tokaev" and "Tokayev" differ by
the romanisation of the same sounds, so `phonetic_key` maps them to one key. Upper-case
surnames ("Jean-Yves LE DRIAN") are display conventions: `display_name` writes them normally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsgraph.dictionaries.words import norms

# Consonants romanised in several ways, longest first ("Zhomart" / "Jomart", "Kh" / "H").
_CONSONANTS = (
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
)
_CONSONANT = re.compile("|".join(re.escape(a) for a, _ in _CONSONANTS))
_CONSONANT_OF = dict(_CONSONANTS)
_VOWELS = re.compile(r"[aeiou]{2,}")
_DOUBLE = re.compile(r"(.)\1+")
# A final "h" after a vowel is often dropped in romanisations ("Khurelsukh" / "Khurelsuk").
_FINAL_H = re.compile(r"(?<=[aeiou])h$")


def _vowel_run(run: str) -> str:
    # An "i" gliding into another vowel is the romanisers' "y" or nothing ("Aliyev" / "Aliev",
    # "Sergei" / "Sergey"): dropped; "ou" / "oo" are "u".
    run = run.replace("ou", "u").replace("oo", "u")
    return run.replace("i", "") or "i"


@lru_cache(maxsize=65536)
def phonetic_word(word: str) -> str:
    """The romanisation-free key of one normalised word ("kassym" -> "kasim")."""
    folded = _CONSONANT.sub(lambda m: _CONSONANT_OF[m.group()], word)
    folded = _VOWELS.sub(lambda m: _vowel_run(m.group()), folded)
    folded = _DOUBLE.sub(r"\1", folded)
    return _FINAL_H.sub("", folded)


def phonetic_key(words: Sequence[str]) -> tuple[str, ...]:
    """The key of a name's normalised words; hyphenated parts count as words."""
    return tuple(phonetic_word(w) for w in words if w)


def name_key(name: str) -> tuple[str, ...]:
    """The phonetic key of a written name ("Kasym-Zhomart TOKAYEV" -> ("kasim", "jomart", ...))."""
    return phonetic_key(norms(name))


def display_name(raw: str) -> str:
    """A name as prose writes it: upper-case words of a mixed-case name in title case.

    "Kasym-Zhomart TOKAYEV" -> "Kasym-Zhomart Tokayev"; an all-capital acronym-like name
    stays as given only when every word is upper case and short ("U Thant" is untouched).
    """
    words = raw.split()
    if not any(w.isupper() and len(w) > 1 for w in words):
        return raw.strip()
    shown = []
    for word in words:
        if word.isupper() and len(word) > 1:
            word = "-".join(_title(part) for part in word.split("-"))
        shown.append(word)
    return " ".join(shown)


def upper_surname(raw: str) -> str | None:
    """The surname a directory wrote in capitals ("Jean-Yves LE DRIAN" -> "Le Drian")."""
    words = [w for w in raw.split() if w.isupper() and len(w) > 1]
    if not words:
        return None
    return display_name(" ".join(words))


def _title(part: str) -> str:
    # "MC"/"MAC" prefixes and apostrophes keep their inner capitals: "O'NEILL" -> "O'Neill".
    return "'".join(p[:1].upper() + p[1:].lower() for p in part.split("'"))

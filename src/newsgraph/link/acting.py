"""A country named as an actor stands for its government: "France announced", "the U.S. warned".

Event coders read the subject of a speech or action verb that is a country as the country's
government (PLOVER and CAMEO code it GOV). The link stage runs before the parse, so the subject
is read from the words: the country's name, optionally coordinated with other actors ("Indonesia
and Malaysia have"), then a few adverbs, then a finite verb — an auxiliary or modal, or an
inflected form of a CAMEO verb. A country after a preposition ("the president of France said")
is no subject and stays the country.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import cache

from newsgraph.dictionaries.words import Word
from newsgraph.link.resources import RESOURCES
from newsgraph.link.state import ArticleState
from newsgraph.model import Mention

AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could"}
    | {"must", "should", "may", "might", "shall", "did", "does", "do", "wo", "ca"}
)
# Words that may stand between a subject and its verb ("France has since said").
ADVERBS = frozenset(
    {"also", "still", "now", "not", "already", "reportedly", "officially", "recently", "then"}
    | {"again", "later", "earlier", "today", "yesterday", "repeatedly", "firmly", "quickly"}
)
# Common verbs of stance and intent that CAMEO's dictionary lacks.
_MORE_VERBS = ("want", "intend", "continue", "plan", "need", "hope", "seek", "try", "take")
PREPOSITIONS = frozenset(
    {"of", "in", "from", "to", "for", "with", "by", "at", "on", "into", "against", "about"}
    | {"between", "across", "toward", "towards", "over", "under", "within", "without"}
)
_BE = frozenset({"is", "are", "was", "were"})
_COORDINATION = frozenset({"and", "or", ","})
# Words between a coordination and the next actor ("and especially President Musharraf").
_BEFORE_ACTOR = frozenset({"the", "especially", "even", "also", "both"})
_SECTOR = "GOV"


@cache
def verb_bases() -> frozenset[str]:
    """The heads of CAMEO's verb patterns and a few stance verbs, lower case."""
    with (RESOURCES / "verbs" / "cameo2_verbs.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        bases = {r["head"].lower() for r in rows if r["head"].isalpha()}
    return frozenset({*bases, *_MORE_VERBS, "say"})


@cache
def finite_verbs() -> frozenset[str]:
    """Third-person and past forms of `verb_bases` (regular endings and the listed irregulars)."""
    with (RESOURCES / "verbs" / "cameo2_forms.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        listed = {r["form"] for r in rows if r["form"].isalpha() and r["form"] != r["base"]}
    finite = {f for f in listed if not f.endswith("ing")} | {"said", "took", "sought"}
    for base in verb_bases():
        finite |= {base + "s", base + "es", base + ("d" if base.endswith("e") else "ed")}
    return frozenset(finite)


def countries_acting(state: ArticleState) -> None:
    """Give the GOV sector to a country named outright as the subject of a finite verb."""
    words = state.scan.words
    by_start = {m.start: m for m in state.mentions if m.kind == "actor"}
    for index, mention in enumerate(state.mentions):
        if not _is_country(mention) or _after_preposition(state, mention):
            continue
        if _verb_follows(state, mention, by_start, words):
            state.mentions[index] = replace(mention, code=(mention.code or "") + _SECTOR)


def _is_country(mention: Mention) -> bool:
    return (
        mention.kind == "actor"
        and mention.resolved_by == "dictionary"
        and (mention.actor_id or "").startswith("country:")
        and len(mention.code or "") == 3
    )


def _after_preposition(state: ArticleState, mention: Mention) -> bool:
    before = [w for w in state.scan.words if w.end <= mention.start][-2:]
    if before and before[-1].norm == "the":
        before = before[:-1]
    return bool(before) and before[-1].norm in PREPOSITIONS


def _verb_follows(
    state: ArticleState, mention: Mention, by_start: dict[int, Mention], words: list[Word]
) -> bool:
    """A finite verb after the mention, past coordinated actors and adverbs."""
    rest = list(state.scan.word_range(mention.end, len(state.scan.text)))
    coordinated = False
    i = 0
    while i < len(rest):
        word = words[rest[i]]
        if word.norm in _COORDINATION:
            k = i + 1
            while k < len(rest) and words[rest[k]].norm in _BEFORE_ACTOR:
                k += 1
            other = by_start.get(words[rest[k]].start) if k < len(rest) else None
            if other is None:
                return False
            coordinated = True
            i = next((j for j, w in enumerate(rest) if words[w].start >= other.end), len(rest))
            continue
        if word.norm in ADVERBS:
            i += 1
            continue
        form = word.norm
        if form in _BE:  # "is a prime example" is no action; "is acquiring" is
            following = [words[w].norm for w in rest[i + 1 :] if words[w].norm not in ADVERBS]
            return bool(following) and (
                following[0].endswith(("ing", "ed", "en")) or following[0] in finite_verbs()
            )
        # after coordinated actors the verb is plural: its base form ("North and South oppose")
        return (
            form in AUXILIARIES or form in finite_verbs() or (coordinated and form in verb_bases())
        )
    return False

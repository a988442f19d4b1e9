"""Reading a question: what it asks for, the actors and places it names, its content words, time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

from newsgraph.events.lexicon import TriggerLexicon, candidate_lemmas, load_lexicon
from newsgraph.query.actors import ActorFinder, ActorKey, Named, find_named
from newsgraph.query.focus import WHY_TYPES, Focus, parse_focus
from newsgraph.query.lexicon import (
    ANSWER_CLASSES,
    CAUSE_FRAMES,
    CAUSE_WORDS,
    RELATION_WORDS,
    STOPWORDS,
    _words,
)
from newsgraph.query.search import stems, words_of
from newsgraph.store import Store

QuestionKind = Literal["why", "who", "where", "when", "which", "relations", "what", "identity"]

_WH = {"who": "who", "whom": "who", "whose": "who", "where": "where", "when": "when", "why": "why"}
_AUX = _words("did does do will would has have had can could should")
_PASSIVE_AUX = _words("was were is are been being")
_COPULA = re.compile(r"^(?:who|what|where)\s+(?:is|was|are|were)\s+")
_PLACE_PREPOSITIONS = _words("in at near inside outside around")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = re.compile(
    r"\b(?:(since|after|from|before|until|till|by|in|during)\s+)?"
    r"(?:([A-Za-z]+)\s+)?((?:19|20)\d\d)\b"
)


@dataclass(frozen=True, slots=True)
class Question:
    """A question as read: its kind, what it names, its content words and their stems."""

    text: str
    kind: QuestionKind
    named: tuple[Named, ...]
    terms: tuple[str, ...]  # content words as written
    stems: tuple[str, ...]  # their Porter stems, aligned with `terms`
    hints: tuple[str, ...]  # CAMEO codes the content words name in the coder's lexicon
    answer_class: str | None = None  # which-questions: country, person, organisation, place
    focus_is_subject: bool = False  # "Who did X meet?": X acts, the answer is the other side
    since: date | None = None
    until: date | None = None
    reading: Focus = field(default_factory=lambda: Focus("what", None, ()))  # type and focus

    @property
    def type(self) -> str:
        """The fine question type (why, what-caused, what-led-to, who, whom, how-many, ...)."""
        return self.reading.type

    @property
    def actors(self) -> tuple[ActorKey, ...]:
        return tuple(n.actor for n in self.named if n.actor is not None)

    @property
    def focus(self) -> Named | None:
        """The first actor named outside a place phrase: Putin in "Who welcomed Putin in Baku?"."""
        for n in self.named:
            if n.actor is not None and not self.is_place(n):
                return n
        return next((n for n in self.named if n.actor is not None), None)

    def is_place(self, named: Named) -> bool:
        """Named after "in", "at", "near": a place constraint rather than a participant."""
        before = self.text[: named.start].split()
        return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS


def read_question(store: Store, text: str, linker: ActorFinder | None = None) -> Question:
    """Read a question with the same actor resolution as articles, plus the store's own actors."""
    named = tuple(find_named(store, text, linker))
    lowered = " ".join(words_of(text.lower()))
    reading = parse_focus(text)
    kind = _kind(text, lowered, named)
    if reading.type in WHY_TYPES and kind not in ("identity", "relations"):
        kind = "why"
    answer_class = _answer_class(lowered) if kind == "which" else None
    class_nouns = ANSWER_CLASSES.get(answer_class or "", frozenset())
    covered = [(n.start, n.end) for n in named]
    terms: list[str] = []
    for match in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text):
        word = re.sub(r"['’]s$", "", match.group())
        low = word.lower()
        if any(s <= match.start() < e for s, e in covered) or low in STOPWORDS:
            continue
        if kind == "why" and low in CAUSE_WORDS:
            continue
        if kind == "relations" and low in RELATION_WORDS:
            continue
        if low in class_nouns:
            continue
        if re.fullmatch(r"\d+", low) or low in _MONTHS:
            continue
        terms.append(word)
    term_stems = tuple(stems(store, [t.lower() for t in terms]))
    since, until = _time_range(text)
    return Question(
        text=text,
        kind=kind,
        named=named,
        terms=tuple(terms),
        stems=term_stems,
        hints=event_hints(terms),
        answer_class=answer_class,
        focus_is_subject=_focus_is_subject(text, named),
        since=since,
        until=until,
        reading=reading,
    )


def event_hints(words: Iterable[str]) -> tuple[str, ...]:
    """CAMEO codes the event coder's trigger lexicon gives these words ("welcomed" → 043, 051):
    its own verb and noun rules and the verb dictionary's plain entries, for guessed lemmas."""
    lexicon = _lexicon()
    codes: list[str] = []
    for word in words:
        for lemma in sorted(candidate_lemmas(word)):
            codes.extend(rule.code for rule in lexicon.rules_for(lemma))
            codes.append(lexicon.noun_code(lemma) or "")
            for dictionary in lexicon.dictionaries:
                codes.extend(p.code for p in dictionary.lookup(lemma) if not (p.before or p.after))
    return tuple(dict.fromkeys(c for c in codes if c[:1].isdigit()))  # "---": not an event


@cache
def _lexicon() -> TriggerLexicon:
    return load_lexicon()


def _kind(text: str, lowered: str, named: tuple[Named, ...]) -> QuestionKind:
    padded = f" {lowered} "
    if named and _COPULA.match(lowered) and _only_names_after_copula(text, named):
        return "identity"  # "Who is X?", "What was X?", "Where is X?"
    if any(f" {frame} " in padded for frame in CAUSE_FRAMES):
        return "why"
    words = lowered.split()
    actors = [n for n in named if n.actor is not None]
    if len(actors) >= 2 and (RELATION_WORDS & set(words) or " happened between " in padded):
        return "relations"
    for word in words:
        if word in _WH:
            return _WH[word]  # type: ignore[return-value]
        if word in ("which", "what") and _answer_class(lowered):
            return "which"
    if re.search(r"\bwhat (date|day|year|month|time)\b", lowered):
        return "when"
    return "what"


def _only_names_after_copula(text: str, named: tuple[Named, ...]) -> bool:
    """Nothing but the named actors or places (and function words) follows "who is"."""
    words = re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text)
    rest = [w for i, w in enumerate(words) if i >= 2]
    return all(
        w.group().lower() in STOPWORDS or any(n.start <= w.start() < n.end for n in named)
        for w in rest
    )


def _answer_class(lowered: str) -> str | None:
    """The class noun right after "which"/"what" (a few modifiers allowed between)."""
    match = re.search(r"\b(?:which|what)\s+((?:\w+\s+){0,2}?\w+)\b", lowered)
    if not match:
        return None
    for word in match.group(1).split():
        for name, nouns in ANSWER_CLASSES.items():
            if word in nouns:
                return name
    return None


def _focus_is_subject(text: str, named: tuple[Named, ...]) -> bool:
    """ "Who did Putin meet?" (Putin acts) versus "Who welcomed Putin?" (Putin is acted upon)."""
    first = next((n for n in named if n.actor is not None), None)
    if first is None:
        return False
    before = [w.lower() for w in words_of(text[: first.start])]
    after = [w.lower() for w in words_of(text[first.end :])]
    if "by" in after[-2:] and _PASSIVE_AUX & set(before):
        return False  # "Who was Putin welcomed by?"
    return bool(_AUX & set(before[1:]) or (before and before[0] in _AUX))


def _time_range(text: str) -> tuple[date | None, date | None]:
    since: date | None = None
    until: date | None = None
    for match in _YEAR.finditer(text):
        word, month_name, year_text = match.groups()
        year = int(year_text)
        month = _MONTHS.get((month_name or "").lower())
        start = date(year, month or 1, 1)
        end = date(year + (month == 12), (month % 12) + 1, 1) if month else date(year + 1, 1, 1)
        end = date.fromordinal(end.toordinal() - 1)
        word = (word or "in").lower()
        if word in ("since", "after", "from"):
            since = start
        elif word in ("before", "until", "till", "by"):
            until = end
        else:
            since, until = start, end
    return since, until

"""Matching PETRARCH verb patterns against a verb and the words around it in a parsed sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.events.verbdict import MARKERS, NULL_CODE, VerbDictionary, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How far before the verb a pattern's leading words may stand (PETRARCH reads the verb phrase).
BEFORE_WINDOW = 5
MAX_ALTERNATIVES = 200
# A parenthesised word is a preposition or particle; "(TO X)" also reads an infinitive "to X"
# inside the verb phrase (nested clauses are out of the phrase anyway).
PREPOSITION_DEPS = frozenset({"prep", "agent", "dative", "prt", "pcomp", "aux", "mark"})
# Clauses inside the verb's subtree that are not part of its verb phrase.
OUTSIDE_PHRASE = frozenset(
    {
        "ccomp",
        "advcl",
        "conj",
        "parataxis",
        "relcl",
        "acl",
        "cc",
        "mark",
        "punct",
        "nsubj",
        "nsubjpass",
        "csubj",
    }
)


def token_matches(word: str, token: Token) -> bool:
    """A dictionary word matches a token by form or lemma; a trailing '_' forbids plural forms."""
    if word.startswith("("):
        # A preposition: the word as a preposition (or particle), not "to" of an infinitive.
        return token.lower_ == word[1:] and token.dep_ in PREPOSITION_DEPS
    exact = word.endswith("_")
    word = word.rstrip("_")
    lower = token.lower_
    if lower == word:
        return True
    if exact:
        return False
    lemma = token.lemma_.lower()
    return lemma == word or lower in (word + "s", word + "es") or lemma == word.rstrip("s")


def _alternatives(
    word: str, synsets: dict[str, tuple[str, ...]], depth: int = 0
) -> list[list[str]]:
    """The word sequences a pattern word stands for (synsets expanded, phrases split on '_',
    braced noun phrases "a~&b~c" expanded part by part)."""
    if "~" in word:
        sequences: list[list[str]] = [[]]
        for part in word.split("~"):
            options = _alternatives(part, synsets, depth)
            sequences = [s + o for s in sequences for o in options][:MAX_ALTERNATIVES]
        return sequences
    if word.startswith("&") and depth < 3:
        out: list[list[str]] = []
        for member in synsets.get(word, ()):
            out.extend(_alternatives(member, synsets, depth + 1))
        return out
    parts = [p for p in word.split("_") if p] if word.strip("_") else [word]
    if word.endswith("_") and parts:
        parts[-1] += "_"
    return [parts]


def _match_sequence(
    words: Sequence[str], tokens: Sequence[Token], synsets: dict[str, tuple[str, ...]]
) -> bool:
    """Do the pattern words occur in order among the tokens (gaps allowed, phrases contiguous)?"""
    position = 0
    for word in words:
        if word in MARKERS:
            continue
        found = False
        for alternative in _alternatives(word, synsets):
            for start in range(position, len(tokens) - len(alternative) + 1):
                if all(token_matches(w, tokens[start + k]) for k, w in enumerate(alternative)):
                    position = start + len(alternative)
                    found = True
                    break
            if found:
                break
        if not found:
            return False
    return True


def right_context(verb: Token, sentence: Span) -> list[Token]:
    """The words a pattern may read after the verb: its verb phrase (no nested clauses)."""
    out: list[Token] = []

    def walk(token: Token) -> None:
        for c in token.children:
            if c.dep_ in OUTSIDE_PHRASE:
                continue
            if c.i > verb.i and c.i < sentence.end:
                out.append(c)
            walk(c)

    walk(verb)
    return sorted(out, key=lambda t: t.i)


def left_context(verb: Token, sentence: Span) -> list[Token]:
    """The few words before the verb in its own clause (its subtree, or the verb it is conjoined
    or chained to: "will not *", "INSPECTOR *")."""
    start = max(sentence.start, verb.i - BEFORE_WINDOW)
    own = {t.i for t in verb.subtree}
    head = verb.head
    if verb.dep_ in ("xcomp", "conj", "aux") and head.i < verb.i:
        own |= {t.i for t in head.subtree if t.i <= head.i}
    return [t for t in verb.doc[start : verb.i] if not t.is_punct and t.i in own]


def pattern_matches(
    pattern: VerbPattern, verb: Token, sentence: Span, synsets: dict[str, tuple[str, ...]]
) -> bool:
    """Does the pattern fit this verb in this sentence?"""
    if pattern.after and not _match_sequence(pattern.after, right_context(verb, sentence), synsets):
        return False
    return not pattern.before or _match_sequence(
        pattern.before, left_context(verb, sentence), synsets
    )


def best_pattern(
    dictionaries: Sequence[VerbDictionary], verb: Token, sentence: Span
) -> VerbPattern | None:
    """The most specific matching pattern of the first dictionary that knows the verb.

    A bare verb entry (no words around it) is the fallback; a null code ("---") that wins means
    this use of the verb is not an event, and the caller gets that pattern to say so.
    """
    for dictionary in dictionaries:
        # The written form's own entries ("LEFT" besides "LEAVE") win ties over the lemma's.
        surface = dictionary.patterns.get(verb.lower_, ())
        lemma = dictionary.lookup(verb.lemma_) or dictionary.lookup(verb.lower_)
        candidates = (*surface, *(p for p in lemma if p not in surface))
        if not candidates:
            continue
        best: VerbPattern | None = None
        for pattern in candidates:
            if best is not None and pattern.specificity <= best.specificity:
                continue
            if pattern_matches(pattern, verb, sentence, dictionary.synsets):
                best = pattern
        if best is not None:
            return best
    return None


def is_null(pattern: VerbPattern | None) -> bool:
    return pattern is None or pattern.code == NULL_CODE

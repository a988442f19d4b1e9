"""Matching PETRARCH verb patterns against a verb and the words around it in a parsed sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


# What a token offers a pattern word: its lowercase form, lowercase lemma and dependency.
Features = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class WordTest:
    """A dictionary word compiled: the forms and lemmas it accepts, and whether it is a
    preposition (which must also stand as one)."""

    forms: frozenset[str]
    lemmas: frozenset[str]
    preposition: bool

    @classmethod
    def of(cls, word: str) -> WordTest:
        if word.startswith("("):
            return cls(frozenset({word[1:]}), frozenset(), True)
        exact = word.endswith("_")
        word = word.rstrip("_")
        if exact:
            return cls(frozenset({word}), frozenset(), False)
        return cls(
            frozenset({word, word + "s", word + "es"}), frozenset({word, word.rstrip("s")}), False
        )

    def accepts(self, features: Features) -> bool:
        lower, lemma, dep = features
        if self.preposition:
            return lower in self.forms and dep in PREPOSITION_DEPS
        return lower in self.forms or lemma in self.lemmas


@dataclass(frozen=True, slots=True)
class Compiled:
    """A pattern word compiled: the word sequences it may stand for, and the forms and lemmas
    one of which a context must hold for any of them to match (a cheap first test)."""

    alternatives: tuple[tuple[WordTest, ...], ...]
    forms: frozenset[str]
    lemmas: frozenset[str]
    always: bool  # an empty alternative matches anywhere

    @classmethod
    def of(cls, alternatives: Sequence[Sequence[str]]) -> Compiled:
        tests = tuple(tuple(WordTest.of(w) for w in alternative) for alternative in alternatives)
        firsts = [alternative[0] for alternative in tests if alternative]
        return cls(
            tests,
            frozenset().union(*(t.forms for t in firsts)),
            frozenset().union(*(t.lemmas for t in firsts)),
            any(not alternative for alternative in tests),
        )

    def possible(self, forms: frozenset[str], lemmas: frozenset[str]) -> bool:
        return self.always or not self.forms.isdisjoint(forms) or not self.lemmas.isdisjoint(lemmas)


def features(token: Token) -> Features:
    return token.lower_, token.lemma_.lower(), token.dep_


def token_matches(word: str, token: Token) -> bool:
    """A dictionary word matches a token by form or lemma; a trailing '_' forbids plural forms."""
    return WordTest.of(word).accepts(features(token))


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


def compile_words(
    words: Sequence[str], synsets: dict[str, tuple[str, ...]], cache: dict[str, Compiled]
) -> tuple[Compiled, ...]:
    """The pattern words as sequences of word tests (each word compiled once per dictionary)."""
    out: list[Compiled] = []
    for word in words:
        if word in MARKERS:
            continue
        compiled = cache.get(word)
        if compiled is None:
            compiled = Compiled.of(_alternatives(word, synsets))
            cache[word] = compiled
        out.append(compiled)
    return tuple(out)


def _match_sequence(words: Sequence[Compiled], tokens: Sequence[Features]) -> bool:
    """Do the pattern words occur in order among the tokens (gaps allowed, phrases contiguous)?"""
    position = 0
    n = len(tokens)
    for word in words:
        found = False
        for alternative in word.alternatives:
            length = len(alternative)
            for start in range(position, n - length + 1):
                if all(test.accepts(tokens[start + k]) for k, test in enumerate(alternative)):
                    position = start + length
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


@dataclass(frozen=True, slots=True)
class _Words:
    """Context tokens as features, with the sets of their forms and lemmas."""

    tokens: list[Features]
    forms: frozenset[str]
    lemmas: frozenset[str]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> _Words:
        feats = [features(t) for t in tokens]
        return cls(feats, frozenset(f[0] for f in feats), frozenset(f[1] for f in feats))

    def match(self, words: Sequence[Compiled]) -> bool:
        if not all(w.possible(self.forms, self.lemmas) for w in words):
            return False
        return _match_sequence(words, self.tokens)


@dataclass(slots=True)
class _Context:
    """The words around one verb, read once however many patterns look at them."""

    verb: Token
    sentence: Span
    _after: _Words | None = None
    _before: _Words | None = None

    @property
    def after(self) -> _Words:
        if self._after is None:
            self._after = _Words.of(right_context(self.verb, self.sentence))
        return self._after

    @property
    def before(self) -> _Words:
        if self._before is None:
            self._before = _Words.of(left_context(self.verb, self.sentence))
        return self._before


def _fits(before: tuple[Compiled, ...], after: tuple[Compiled, ...], context: _Context) -> bool:
    if after and not context.after.match(after):
        return False
    return not before or context.before.match(before)


def pattern_matches(
    pattern: VerbPattern, verb: Token, sentence: Span, synsets: dict[str, tuple[str, ...]]
) -> bool:
    """Does the pattern fit this verb in this sentence?"""
    cache: dict[str, Compiled] = {}
    return _fits(
        compile_words(pattern.before, synsets, cache),
        compile_words(pattern.after, synsets, cache),
        _Context(verb, sentence),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    pattern: VerbPattern
    before: tuple[Compiled, ...]
    after: tuple[Compiled, ...]


def _candidates(dictionary: VerbDictionary, verb: Token) -> tuple[_Candidate, ...]:
    """The patterns that may code this verb form, most specific first (ties: dictionary order),
    compiled; cached per (form, lemma) in the dictionary."""
    key = (verb.lower_, verb.lemma_)
    found: tuple[_Candidate, ...] | None = dictionary.candidates.get(key)
    if found is not None:
        return found
    # The written form's own entries ("LEFT" besides "LEAVE") win ties over the lemma's.
    surface = dictionary.patterns.get(verb.lower_, ())
    lemma = dictionary.lookup(verb.lemma_) or dictionary.lookup(verb.lower_)
    patterns = (*surface, *(p for p in lemma if p not in surface))
    words = dictionary.compiled_words
    ranked = sorted(enumerate(patterns), key=lambda pair: (-pair[1].specificity, pair[0]))
    compiled = tuple(
        _Candidate(
            p,
            compile_words(p.before, dictionary.synsets, words),
            compile_words(p.after, dictionary.synsets, words),
        )
        for _, p in ranked
    )
    dictionary.candidates[key] = compiled
    return compiled


def best_pattern(
    dictionaries: Sequence[VerbDictionary], verb: Token, sentence: Span
) -> VerbPattern | None:
    """The most specific matching pattern of the first dictionary that knows the verb.

    A bare verb entry (no words around it) is the fallback; a null code ("---") that wins means
    this use of the verb is not an event, and the caller gets that pattern to say so.
    """
    context = _Context(verb, sentence)
    for dictionary in dictionaries:
        for candidate in _candidates(dictionary, verb):
            if _fits(candidate.before, candidate.after, context):
                return candidate.pattern
    return None


def is_null(pattern: VerbPattern | None) -> bool:
    return pattern is None or pattern.code == NULL_CODE

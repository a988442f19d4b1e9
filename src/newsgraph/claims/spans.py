"""Token-range helpers over a parsed sentence: clauses, subtrees and their character spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsgraph.annotate.tokens import text_of
from newsgraph.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Tokens that never start or end a cause or an effect span.
_EDGE_DEPS = frozenset({"punct", "cc", "mark", "case"})
_EDGE_WORDS = frozenset(
    {",", ";", ":", "-", "—", "–", "and", "but", "or", "that", "which", "while"}
)
CLAUSE_POS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})


def subtree_ids(token: Token) -> set[int]:
    """Token indices of a token's subtree."""
    return set(range(token.left_edge.i, token.right_edge.i + 1))


def clause_head(token: Token, floor: int, ceiling: int) -> Token:
    """The verb heading the clause a token belongs to, staying inside [floor, ceiling)."""
    current = token
    while current.pos_ not in CLAUSE_POS and current.head.i != current.i:
        head = current.head
        if not floor <= head.i < ceiling:
            break
        current = head
    return current


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the first conjunct when it has none of its own."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in CLAUSE_POS:
        return subject_of(verb.head)
    return None


def block(ids: Iterable[int], anchor: int | None = None) -> tuple[int, int] | None:
    """The contiguous run of token ids holding `anchor` (else the longest run), as [start, end)."""
    ordered = sorted(set(ids))
    if not ordered:
        return None
    runs: list[tuple[int, int]] = []
    start = prev = ordered[0]
    for i in ordered[1:]:
        if i != prev + 1:
            runs.append((start, prev + 1))
            start = i
        prev = i
    runs.append((start, prev + 1))
    if anchor is not None:
        for run in runs:
            if run[0] <= anchor < run[1]:
                return run
    return max(runs, key=lambda r: r[1] - r[0])


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) past edge punctuation, conjunctions and markers."""
    while start < end and _is_edge(doc[start]):
        start += 1
    while end > start and _is_edge(doc[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def _is_edge(token: Token) -> bool:
    return (
        token.is_punct
        or token.is_space
        or token.lower_ in _EDGE_WORDS
        or (token.dep_ in _EDGE_DEPS and token.pos_ in {"PUNCT", "CCONJ", "SCONJ"})
    )


def char_span(doc: Doc, start: int, end: int) -> Span:
    """The clean-text span of tokens [start, end)."""
    tokens = doc[start:end]
    return Span(tokens.start_char, tokens.end_char, text_of(tokens))


def tokens_span(doc: Doc, ids: Iterable[int], anchor: int | None = None) -> Span | None:
    """The trimmed contiguous span of a set of tokens (the run holding `anchor`), or None."""
    run = block(ids, anchor)
    if run is None:
        return None
    trimmed = trim(doc, *run)
    if trimmed is None:
        return None
    return char_span(doc, *trimmed)

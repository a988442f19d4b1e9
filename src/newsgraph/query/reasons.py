"""The reason a sentence gives for the question's focus: a stored motive, else a cue's span.

In a retrieved sentence, the words the question shares mark the effect it asks about. The answer
is the cause, purpose or reason attached to it: first a motive the why-stage stored for that
sentence whose effect holds the focus (its cause span is the answer); failing that, the span a
cue word opens in the sentence ("because", "after", "due to", "amid", "to" + verb, "so that"),
or the subject before a causing verb ("X led to Y", "X sparked Y"). A span that repeats the
question is no answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.query.lexicon import BACKWARD_CUES, FORWARD_CUES, KEEP_CUE
from newsgraph.query.retrieve import Passage
from newsgraph.query.search import stems
from newsgraph.store import Store

MAX_SPAN_WORDS = 40
MAX_REPEATED = 0.5  # a cause sharing more of its words with the question restates it
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
_BOUNDARY = {";", ".", "!", "?", ":"}
_FORWARD = [c.split() for c in sorted(FORWARD_CUES, key=lambda c: -len(c.split()))]
_BACKWARD = [c.split() for c in sorted(BACKWARD_CUES, key=lambda c: -len(c.split()))]


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason read in a sentence: its text, offsets inside the sentence, and how it was read."""

    text: str
    start: int
    end: int
    quality: float  # 0..1: how cleanly the span answers (effect held, question not repeated)
    how: str  # "motive" or "cue:<cue>"


def motive_reasons(
    store: Store, passages: list[Passage], wanted: frozenset[str]
) -> dict[tuple[str, int], Reason]:
    """The best stored motive of each passage whose cause does not restate the question."""
    if not passages:
        return {}
    keys = [(p.article_id, p.sentence) for p in passages]
    motives = _motives(store, keys)
    texts = {(p.article_id, p.sentence): p.text for p in passages}
    words = sorted({w for m in motives for w in _words(f"{m.cause} {m.effect}")})
    stem_of = dict(zip(words, stems(store, words), strict=True))
    best: dict[tuple[str, int], Reason] = {}
    for m in motives:
        key = (m.article_id, m.sentence)
        cause = {stem_of[w] for w in _words(m.cause)}
        effect = {stem_of[w] for w in _words(m.effect)}
        if not cause or len(cause & wanted) / len(cause) > MAX_REPEATED:
            continue
        held = len(effect & wanted) / len(wanted) if wanted else 0.0
        start = texts[key].find(m.cause)
        reason = Reason(m.cause, max(start, 0), max(start, 0) + len(m.cause), held, "motive")
        if key not in best or reason.quality > best[key].quality:
            best[key] = reason
    return best


@dataclass(frozen=True, slots=True)
class _Motive:
    article_id: str
    sentence: int
    cause: str
    effect: str


def _motives(store: Store, keys: list[tuple[str, int]]) -> list[_Motive]:
    """The stored motives read in these sentences (one light query: no evidence spans)."""
    rows = store.query(
        """
        SELECT m.article_id, m.sentence, m.cause_text, m.effect_text FROM motives m
        JOIN (SELECT unnest(?) AS article_id, unnest(?) AS idx) w
          ON w.article_id = m.article_id AND w.idx = m.sentence
        ORDER BY m.article_id, m.sentence, m.cause_start""",
        [[k[0] for k in keys], [k[1] for k in keys]],
    )
    return [
        _Motive(r["article_id"], r["sentence"], r["cause_text"] or "", r["effect_text"] or "")
        for r in rows
    ]


def cue_reason(store: Store, passage: Passage, wanted: frozenset[str]) -> Reason | None:
    """The span a cue word opens next to the words the sentence shares with the question."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(passage.text)]
    if not tokens:
        return None
    lowered = [t[0].lower() for t in tokens]
    stem_list = stems(store, lowered)
    matched = [s in wanted for s in stem_list]
    if not any(matched):
        return None
    first = matched.index(True)
    last = len(matched) - 1 - matched[::-1].index(True)
    found: list[Reason] = []
    for i in range(len(tokens)):
        for cue in _FORWARD:
            if lowered[i : i + len(cue)] == cue:
                found.extend(_forward(tokens, matched, i, cue, first, last))
                break
        for cue in _BACKWARD:
            if lowered[i : i + len(cue)] == cue:
                found.extend(_backward(tokens, matched, i, cue, last))
                break
    best = max(found, key=lambda r: r.quality, default=None)
    if best is None:
        return None
    return Reason(passage.text[best.start : best.end], best.start, best.end, best.quality, best.how)


def _forward(
    tokens: list[tuple[str, int, int]],
    matched: list[bool],
    at: int,
    cue: list[str],
    first: int,
    last: int,
) -> list[Reason]:
    """The span after a cue ("because X", "to X"), up to the clause's end."""
    begin = at if " ".join(cue) in KEEP_CUE else at + len(cue)
    stop = begin
    while stop < len(tokens) and tokens[stop][0] not in _BOUNDARY:
        stop += 1
    stop = min(stop, begin + MAX_SPAN_WORDS)
    span = range(begin, stop)
    return _reason(tokens, matched, span, at, first, last, " ".join(cue))


def _backward(
    tokens: list[tuple[str, int, int]], matched: list[bool], at: int, cue: list[str], last: int
) -> list[Reason]:
    """The subject before a causing verb ("X led to Y"), back to the clause's start."""
    if last <= at:
        return []  # the question's effect must come after the verb
    begin = at
    while begin > 0 and tokens[begin - 1][0] not in _BOUNDARY | {","}:
        begin -= 1
    return _reason(tokens, matched, range(begin, at), at, at + len(cue), last, " ".join(cue))


def _reason(
    tokens: list[tuple[str, int, int]],
    matched: list[bool],
    span: range,
    at: int,
    first: int,
    last: int,
    cue: str,
) -> list[Reason]:
    words = [i for i in span if tokens[i][0].isalnum() or len(tokens[i][0]) > 1]
    if not words:
        return []
    repeated = sum(matched[i] for i in words) / len(words)
    if repeated > MAX_REPEATED:
        return []
    # Near the effect: a cue right after (or just before) the shared words reads best.
    distance = at - last if at > last else max(0, first - at)
    quality = (1 - repeated) / (1 + 0.1 * distance)
    stop = span.stop
    while stop - 1 > span.start and tokens[stop - 1][0] in ",":
        stop -= 1
    return [Reason("", tokens[span.start][1], tokens[stop - 1][2], quality, f"cue:{cue}")]


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W_]+", text)]

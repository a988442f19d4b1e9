"""Event annotations of news sentences: the compact line format of docs/annotation/events.md,
read into records with character offsets, and every problem found reported, not guessed away.

A line is `SENT_ID<TAB>NONE` or ten fields: sent_id, PLOVER event, mode, trigger words, source
span, source code, target span, target code, neg, hyp (`-` = empty). Spans are words copied from
the sentence; `words@2` is their second occurrence; a compound actor is spans joined by ` | `
and codes by `|`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

PLOVER_EVENTS = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
NONE = "NONE"
FIELDS = 10
# A root (ISO3 country, IGO, NGO or --- for unknown) and optional sectors of three letters each.
_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")
_OCCURRENCE = re.compile(r"^(.*)@(\d+)$")


@dataclass(frozen=True, slots=True)
class SpanRef:
    """Words of the sentence at character offsets (relative to the sentence text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorArg:
    """One member of a source or target: its words (None: not named in the sentence) and code."""

    span: SpanRef | None
    code: str


@dataclass(frozen=True, slots=True)
class AnnotatedEvent:
    """One event of a sentence as an annotator labelled it."""

    event: str
    mode: str
    trigger: SpanRef | None
    source: tuple[ActorArg, ...]
    target: tuple[ActorArg, ...]
    negated: bool
    hypothetical: bool


@dataclass(slots=True)
class Problems:
    """What could not be read as written, by kind, with the line it came from."""

    items: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, where: str) -> None:
        self.items.append((kind, where))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind, _ in self.items:
            out[kind] = out.get(kind, 0) + 1
        return dict(sorted(out.items()))


def find_span(sentence: str, words: str) -> SpanRef | None:
    """The words in the sentence: exact, then the N-th occurrence (`words@N`), then ignoring case
    and runs of spaces; None when they are not there."""
    words = words.strip()
    if not words or words == "-":
        return None
    occurrence = 1
    numbered = _OCCURRENCE.match(words)
    if numbered and numbered.group(1).strip():
        words, occurrence = numbered.group(1).strip(), int(numbered.group(2))
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
    for flags in (0, re.IGNORECASE):
        found = list(re.compile(pattern.pattern, flags).finditer(sentence))
        if len(found) >= occurrence:
            match = found[occurrence - 1]
            return SpanRef(match.start(), match.end(), match.group(0))
    return None


def _actors(
    spans: str, codes: str, sentence: str, where: str, problems: Problems
) -> tuple[ActorArg, ...]:
    span_list = [] if spans.strip() in ("", "-") else [s.strip() for s in spans.split(" | ")]
    code_list = [] if codes.strip() in ("", "-") else [c.strip().upper() for c in codes.split("|")]
    if span_list and code_list and len(span_list) != len(code_list):
        problems.add("spans and codes differ in number", where)
        # Keep what pairs up; a lone code for several spans is the compound's shared code.
        if len(code_list) == 1:
            code_list = code_list * len(span_list)
    members: list[ActorArg] = []
    for i in range(max(len(span_list), len(code_list))):
        words = span_list[i] if i < len(span_list) else "-"
        code = code_list[i] if i < len(code_list) else ""
        span = find_span(sentence, words)
        if words != "-" and span is None:
            problems.add("span not in sentence", f"{where}: {words!r}")
        if code and not _CODE.match(code):
            problems.add("malformed actor code", f"{where}: {code!r}")
            code = ""
        if span is not None or code:
            members.append(ActorArg(span, code))
    return tuple(members)


def _flag(value: str, where: str, problems: Problems) -> bool:
    value = value.strip()
    if value not in ("0", "1", "-", ""):
        problems.add("flag not 0 or 1", where)
    return value == "1"


def parse_line(line: str, sentence: str, where: str, problems: Problems) -> AnnotatedEvent | None:
    """One annotation line of an event; None for a NONE line or a line that cannot be read."""
    fields = line.rstrip("\n").split("\t")
    event = fields[1].strip().upper() if len(fields) > 1 else ""
    if event == NONE:
        return None
    if len(fields) < FIELDS:
        problems.add("too few fields", where)
        fields += ["-"] * (FIELDS - len(fields))
    if event not in PLOVER_EVENTS:
        problems.add("unknown event category", f"{where}: {event!r}")
        return None
    trigger = find_span(sentence, fields[3])
    if trigger is None:
        problems.add("trigger not in sentence", f"{where}: {fields[3]!r}")
    mode = fields[2].strip().lower()
    return AnnotatedEvent(
        event=event,
        mode="" if mode == "-" else mode,
        trigger=trigger,
        source=_actors(fields[4], fields[5], sentence, where, problems),
        target=_actors(fields[6], fields[7], sentence, where, problems),
        negated=_flag(fields[8], where, problems),
        hypothetical=_flag(fields[9], where, problems),
    )


@dataclass(frozen=True, slots=True)
class Annotation:
    """The labels of the sentences of one annotation file: sent_id -> events (empty: NONE)."""

    events: dict[str, tuple[AnnotatedEvent, ...]]
    problems: Problems


def read_annotation(
    lines: Iterable[str], sentences: Mapping[str, str], name: str = "annotation"
) -> Annotation:
    """Read an annotation file against its sentences (sent_id -> text); sentences it does not
    label are left out (and reported)."""
    problems = Problems()
    events: dict[str, list[AnnotatedEvent]] = {}
    said_none: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sent_id = line.split("\t", 1)[0].strip()
        where = f"{name}:{number}"
        if sent_id not in sentences:
            problems.add("unknown sent_id", f"{where}: {sent_id!r}")
            continue
        events.setdefault(sent_id, [])
        event = parse_line(line, sentences[sent_id], where, problems)
        if event is None:
            if line.split("\t")[1:2] and line.split("\t")[1].strip().upper() == NONE:
                said_none.add(sent_id)
            continue
        events[sent_id].append(event)
    for sent_id in said_none:
        if events[sent_id]:
            problems.add("NONE beside events", sent_id)
    for sent_id in sentences:
        if sent_id not in events:
            problems.add("sentence not labelled", f"{name}: {sent_id}")
    return Annotation({k: tuple(v) for k, v in events.items()}, problems)

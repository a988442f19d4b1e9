"""Cut an article's clean text into paragraphs of segments, each carrying the marks that cover it.

Marks (actor and place mentions, event triggers, motive causes and effects, claims) come with
stored character offsets and may overlap or nest; cutting the text at every mark boundary gives
segments that each lie wholly inside or outside every mark, so the page can style them flatly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a [start, end) stretch, its CSS class, hover text and optional link/anchor."""

    start: int
    end: int
    css: str
    tip: str = ""
    href: str | None = None
    anchor: str | None = None


@dataclass(slots=True)
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # marks that begin here

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(m.css for m in self.marks))

    @property
    def tip(self) -> str:
        return "\n".join(dict.fromkeys(m.tip for m in self.marks if m.tip))

    @property
    def href(self) -> str | None:
        return next((m.href for m in self.marks if m.href), None)


def segments(
    text: str, marks: Iterable[Mark], paragraphs: Sequence[Sequence[int]] = ()
) -> list[list[Segment]]:
    """Paragraphs of segments covering `text`; marks outside the text or empty are ignored."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    bounds = _paragraph_bounds(text, paragraphs)
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    result: list[list[Segment]] = []
    for p_start, p_end in bounds:
        points = [p_start, *(c for c in cuts if p_start < c < p_end), p_end]
        paragraph: list[Segment] = []
        for start, end in pairwise(points):
            covering = [m for m in valid if m.start <= start and end <= m.end]
            starting = [m.anchor for m in covering if m.anchor and m.start == start]
            paragraph.append(Segment(text[start:end], covering, starting))
        if paragraph:
            result.append(paragraph)
    return result


def _paragraph_bounds(text: str, paragraphs: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Stored paragraph spans, or blank-line separated blocks when there are none."""
    spans = sorted((int(p[0]), int(p[1])) for p in paragraphs if len(p) == 2 and p[0] < p[1])
    if spans:
        return [(max(0, s), min(len(text), e)) for s, e in spans]
    found: list[tuple[int, int]] = []
    start = 0
    for block in text.split("\n\n"):
        end = start + len(block)
        if block.strip():
            found.append((start, end))
        start = end + 2
    return found or [(0, len(text))]


def article_marks(detail: dict[str, Any], cameo_name: dict[str, str]) -> list[Mark]:
    """The marks of an article's mentions, events, motives and claims, from its stored offsets."""
    marks: list[Mark] = []
    for m in detail["mentions"]:
        if m["kind"] == "actor":
            tip = " · ".join(x for x in (m["code"], m["role"], f"found by {m['resolved_by']}") if x)
            href = f"/actors/{m['actor_id']}" if m["actor_id"] else None
            marks.append(Mark(m["start"], m["end"], "mention actor", tip, href))
        elif m["kind"] == "place":
            tip = " · ".join(x for x in ("place", m["country"], m["resolved_by"]) if x)
            marks.append(Mark(m["start"], m["end"], "mention place", tip))
    for e in detail["events"]:
        trigger = e["trigger"]
        if trigger["start"] is None or trigger["end"] is None:
            continue
        marks.append(
            Mark(
                trigger["start"],
                trigger["end"],
                "event",
                event_tip(e, cameo_name),
                anchor=f"ev-{e['id']}",
            )
        )
    for mo in detail["motives"]:
        for part, css in (("cause", "motive-cause"), ("effect", "motive-effect")):
            span = mo[part]
            if span["start"] is not None and span["end"] is not None:
                tip = f"motive {part} · cue “{mo['cue']}” · {mo['certainty']}"
                anchor = f"mo-{mo['id']}" if part == "cause" else None
                marks.append(Mark(span["start"], span["end"], css, tip, anchor=anchor))
    for c in detail["claims"]:
        span = c["span"]
        if span["start"] is not None and span["end"] is not None:
            holder = ", ".join(c["holder"]) or "author"
            tip = f"claim · {c['certainty']} · held by {holder}"
            marks.append(
                Mark(
                    span["start"],
                    span["end"],
                    f"claim {c['certainty']}",
                    tip,
                    anchor=f"cl-{c['id']}",
                )
            )
    return marks


def event_tip(event: dict[str, Any], cameo_name: dict[str, str]) -> str:
    """Hover text of an event: CAMEO code and name, Goldstein score, PLOVER and the rule."""
    code = event["cameo"] or "?"
    name = cameo_name.get(code, "")
    goldstein = event["goldstein"]
    parts = [
        f"CAMEO {code}" + (f" {name}" if name else ""),
        f"Goldstein {goldstein:+.1f}" if goldstein is not None else "",
        f"PLOVER {event['plover']}" if event["plover"] else "",
        f"rule {event['rule']['pattern_id']}" if event["rule"]["pattern_id"] else "",
    ]
    return " · ".join(p for p in parts if p)

"""Small view helpers for the pages: CAMEO names, an article's actor list, relation bar geometry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def cameo_names(codes: Iterable[str | None]) -> dict[str, str]:
    """The codebook name of each CAMEO code (nearest listed parent for unlisted sub-codes)."""
    from newsgraph.events.codebook import default_codebook

    book = default_codebook()
    names: dict[str, str] = {}
    for code in codes:
        if code and code not in names:
            entry = book.get(code)
            if entry is not None:
                names[code] = entry.name
    return names


@dataclass(frozen=True, slots=True)
class MentionedActor:
    actor_id: str | None
    text: str
    code: str | None
    role: str | None
    count: int


def mentioned_actors(mentions: Iterable[dict[str, Any]]) -> list[MentionedActor]:
    """The actors an article mentions, once each, most mentioned first (first wording kept)."""
    seen: dict[str, list[Any]] = {}
    for m in mentions:
        if m["kind"] != "actor":
            continue
        key = m["actor_id"] or m["text"].lower()
        if key in seen:
            seen[key][4] += 1
        else:
            seen[key] = [m["actor_id"], m["actor_name"] or m["text"], m["code"], m["role"], 1]
    ordered = sorted(seen.values(), key=lambda v: (-v[4], v[1].lower()))
    return [MentionedActor(*values) for values in ordered]


@dataclass(frozen=True, slots=True)
class Bar:
    """One counterpart row of the relations chart: bar lengths in percent of the widest side."""

    label: str
    actor_id: str | None
    code: str
    cooperation: int
    conflict: int
    mean_goldstein: float | None
    cooperation_pct: float
    conflict_pct: float
    other: int  # events neither cooperative nor conflictual (no quad class)


def counterpart_bars(counterparts: Iterable[dict[str, Any]], limit: int = 12) -> list[Bar]:
    rows = list(counterparts)[:limit]
    widest = max([max(r["cooperation"], r["conflict"]) for r in rows] + [1])
    return [
        Bar(
            label=r["name"] or r["code"],
            actor_id=r["actor_id"],
            code=r["code"],
            cooperation=r["cooperation"],
            conflict=r["conflict"],
            mean_goldstein=r["mean_goldstein"],
            cooperation_pct=round(100 * r["cooperation"] / widest, 1),
            conflict_pct=round(100 * r["conflict"] / widest, 1),
            other=r["events"] - r["cooperation"] - r["conflict"],
        )
        for r in rows
    ]

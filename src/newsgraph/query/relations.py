"""Relations over time: the events between two actors, an actor's timeline, monthly tone.

Actors are compared by code as CAMEO-style relations are: "Putin" (RUSGOV) and "Russia" (RUS) both
stand for RUS; `exact=True` follows a person by identity instead. Negated and hypothetical events
did not happen and are left out; near-copies of an article count once (see stories).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import fmean

from newsgraph.query.actors import ActorKey
from newsgraph.query.facts import EventFact, fetch_events
from newsgraph.store import Store

COOPERATION = (1, 2)  # quad classes: verbal and material cooperation
CONFLICT = (3, 4)  # verbal and material conflict


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """How one month went: events, cooperative and conflictual ones, mean Goldstein score."""

    month: str  # YYYY-MM, or "undated"
    events: int
    cooperation: int
    conflict: int
    goldstein: float

    @property
    def tone(self) -> str:
        if self.goldstein > 0 and self.cooperation >= self.conflict:
            return "cooperation"
        if self.goldstein < 0 and self.conflict >= self.cooperation:
            return "conflict"
        return "mixed"


@dataclass(frozen=True, slots=True)
class Relations:
    """The events between two actors, oldest first, and their monthly summary."""

    a: ActorKey
    b: ActorKey
    events: tuple[EventFact, ...]
    months: tuple[MonthSummary, ...]

    @property
    def goldstein(self) -> float:
        return fmean(e.goldstein for e in self.events) if self.events else 0.0

    def summary(self) -> str:
        if not self.events:
            return f"No coded events between {self.a.name} and {self.b.name}."
        cooperation = sum(e.quad_class in COOPERATION for e in self.events)
        conflict = sum(e.quad_class in CONFLICT for e in self.events)
        return (
            f"{len(self.events)} events between {self.a.name} and {self.b.name}: "
            f"{cooperation} cooperative, {conflict} conflictual,"
            f" mean Goldstein {self.goldstein:+.1f}"
        )


def timeline(
    store: Store,
    actor: ActorKey,
    since: date | None = None,
    until: date | None = None,
    exact: bool = False,
    include_unreal: bool = False,
) -> list[EventFact]:
    """What an actor did and underwent (events with it on either side), oldest first."""
    events = fetch_events(
        store,
        "e.id IN (SELECT event_id FROM event_actors WHERE starts_with(code, ?) OR actor_id = ?)",
        [actor.prefix, actor.actor_id],
    )
    return [
        e
        for e in events
        if (include_unreal or e.happened)
        and within(e.day, since, until)
        and any(actor.matches(p.code, p.actor_id, exact) for p in (*e.source, *e.target))
    ]


def relations(
    store: Store,
    a: ActorKey,
    b: ActorKey,
    since: date | None = None,
    until: date | None = None,
    exact: bool = False,
) -> Relations:
    """The events between two actors (either direction), oldest first, with monthly summaries."""
    between = [
        e
        for e in timeline(store, a, since, until, exact)
        if _links(e, a, b, exact) or _links(e, b, a, exact)
    ]
    return Relations(a, b, tuple(between), monthly(between))


def monthly(events: Iterable[EventFact]) -> tuple[MonthSummary, ...]:
    """Events per month (by event date, else publication date), oldest month first."""
    by_month: dict[str, list[EventFact]] = defaultdict(list)
    for event in events:
        by_month[event.day[:7] if event.day and len(event.day) >= 7 else "undated"].append(event)
    return tuple(
        MonthSummary(
            month=month,
            events=len(group),
            cooperation=sum(e.quad_class in COOPERATION for e in group),
            conflict=sum(e.quad_class in CONFLICT for e in group),
            goldstein=round(fmean(e.goldstein for e in group), 2),
        )
        for month, group in sorted(by_month.items())
    )


def within(day: str | None, since: date | None, until: date | None) -> bool:
    """Does a (possibly partial: YYYY, YYYY-MM) ISO day overlap [since, until]?"""
    if since is None and until is None:
        return True
    if not day:
        return False
    first = (day + "-01-01")[:10]
    last = day if len(day) >= 10 else day + ("-31" if len(day) == 7 else "-12-31")
    if since is not None and last < since.isoformat():
        return False
    return not (until is not None and first > until.isoformat())


def _links(event: EventFact, a: ActorKey, b: ActorKey, exact: bool) -> bool:
    return any(a.matches(p.code, p.actor_id, exact) for p in event.source) and any(
        b.matches(p.code, p.actor_id, exact) for p in event.target
    )

"""The API's view of `newsgraph.query`: answers, search hits, relations, timelines and the graph
as plain dicts in the shapes of the response models. The logic stays in `newsgraph.query`."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date
from statistics import fmean
from typing import Any

from newsgraph.api import reads
from newsgraph.errors import NotFoundError
from newsgraph.query.actors import ActorKey, actor_key, default_linker, resolve_actor
from newsgraph.query.ask import ask as answer_question
from newsgraph.query.facts import EventFact, Party
from newsgraph.query.graph import actor_graph
from newsgraph.query.relations import CONFLICT, COOPERATION, timeline
from newsgraph.query.relations import relations as between
from newsgraph.query.search import search as search_articles
from newsgraph.store import Store

Row = dict[str, Any]
_loading = threading.Lock()


def warm_up() -> None:
    """Load the linker's dictionaries once per process (seconds), so no question is timed on it.

    Callers arriving while another thread loads wait for it instead of loading a second copy.
    """
    with _loading:
        default_linker().find("")


def ask(store: Store, question: str) -> Row:
    """The answers with their quoted evidence; `found` is False when only the closest is shown."""
    answer = answer_question(store, question)
    return {**answer.to_json(), "note": answer.note}


def search(store: Store, query: str, limit: int) -> list[Row]:
    return [
        {
            "article_id": h.article_id,
            "title": h.title,
            "published": h.published,
            "url": h.url,
            "score": round(h.score, 4),
            "snippet": h.snippet,
            "sentence": h.sentence,
        }
        for h in search_articles(store, query, limit)
    ]


def resolve(store: Store, text: str) -> ActorKey:
    """The actor a user typed ("Russia", "RUS", "Putin"), or NotFoundError."""
    key = resolve_actor(store, text, default_linker())
    if key is None:
        raise NotFoundError(f"no actor known as {text!r}")
    return key


def relations(store: Store, a: str, b: str, since: date | None, until: date | None) -> Row:
    """The events between two actors, oldest first, with a monthly cooperation/conflict summary."""
    found = between(store, resolve(store, a), resolve(store, b), since, until)
    full = {e["id"]: e for e in reads.events_by_ids(store, [e.id for e in found.events])}
    return {
        "a": _key(found.a),
        "b": _key(found.b),
        "summary": found.summary(),
        "mean_goldstein": round(found.goldstein, 2) if found.events else None,
        "months": [
            {
                "month": m.month,
                "events": m.events,
                "cooperation": m.cooperation,
                "conflict": m.conflict,
                "goldstein": m.goldstein,
                "tone": m.tone,
            }
            for m in found.months
        ],
        "events": [full[e.id] for e in found.events if e.id in full],
    }


def actor_detail(store: Store, actor_id: str) -> Row | None:
    """An actor's record with its timeline and counterparts, or None when unknown."""
    found = reads.actor(store, actor_id)
    if found is None:
        return None
    events, others = actor_activity(store, found)
    return {**found, "events": events, "counterparts": others}


def actor_activity(store: Store, actor: Row) -> tuple[list[Row], list[Row]]:
    """An actor's timeline (its events, oldest first) and its counterparts, busiest first.

    A person is followed by identity; a country, organisation or group by its code, so a
    country's page also shows what its leaders did in its name.
    """
    record = store.actor(actor["id"])
    if record is None:
        return [], []
    key = actor_key(record)
    facts = timeline(store, key, exact=key.is_person)
    full = {e["id"]: e for e in reads.events_by_ids(store, [e.id for e in facts])}
    return [full[e.id] for e in facts if e.id in full], counterparts(store, key, facts)


def counterparts(store: Store, key: ActorKey, facts: list[EventFact]) -> list[Row]:
    """Per actor on the other side of `key`'s events: counts by quad class and mean Goldstein."""
    groups: dict[str, list[tuple[Party, EventFact]]] = defaultdict(list)
    for event in facts:
        own_source = any(key.matches(p.code, p.actor_id, key.is_person) for p in event.source)
        others = event.target if own_source else event.source
        for party in others:
            if key.matches(party.code, party.actor_id, key.is_person):
                continue
            groups[party.actor_id or party.code or party.text].append((party, event))
    names = reads.actor_names(store, groups)
    rows: list[Row] = []
    for pairs in groups.values():
        events = {e.id: e for _, e in pairs}.values()
        party = pairs[0][0]
        rows.append(
            {
                "code": party.code or "?",
                "name": names.get(party.actor_id or "") or party.label,
                "actor_id": party.actor_id,
                "events": len(events),
                "cooperation": sum(e.quad_class in COOPERATION for e in events),
                "conflict": sum(e.quad_class in CONFLICT for e in events),
                "mean_goldstein": round(fmean(e.goldstein for e in events), 2),
            }
        )
    return sorted(rows, key=lambda r: (-r["events"], r["name"]))[:30]


def graph(store: Store, since: date | None, until: date | None, by_country: bool) -> Row:
    """The actor graph over [since, until] as nodes and edges (edges carry mean Goldstein)."""
    found = actor_graph(store, since, until, by_country)
    events: dict[str, int] = defaultdict(int)
    edges = []
    for source, target, data in found.edges(data=True):
        events[source] += data["events"]
        events[target] += data["events"]
        edges.append(
            {
                "source": source,
                "target": target,
                **{k: data[k] for k in ("events", "cooperation", "conflict", "goldstein")},
            }
        )
    names = reads.actor_names(store, found.nodes)
    nodes = [
        {
            "id": key,
            "label": names.get(key) or data["name"] or data["code"] or key,
            "code": data["code"] or None,
            "actor_id": None if by_country or key.startswith("code:") else key,
            "events": events[key],
        }
        for key, data in found.nodes(data=True)
    ]
    return {"since": since, "until": until, "nodes": nodes, "edges": edges}


def _key(key: ActorKey) -> Row:
    return {"name": key.name, "code": key.code, "actor_id": key.actor_id, "kind": key.kind}

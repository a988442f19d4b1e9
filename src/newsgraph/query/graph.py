"""The actor graph: who acted on whom, edges weighted by event count and mean Goldstein score.

Nodes are canonical actors (or bare codes when an event participant was not linked); with
`by_country=True` they are countries and other state-like codes (first three letters, as
relations compare them). Exported with networkx as GraphML, GEXF or node-link JSON.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import fmean
from typing import Literal

import networkx as nx

from newsgraph.query.actors import ActorKey
from newsgraph.query.facts import Party, fetch_events
from newsgraph.query.relations import CONFLICT, COOPERATION, within
from newsgraph.store import Store

GraphFormat = Literal["graphml", "gexf", "json"]
FORMATS: tuple[GraphFormat, ...] = ("graphml", "gexf", "json")


@dataclass(frozen=True, slots=True)
class _Node:
    key: str
    name: str
    code: str


def actor_graph(
    store: Store,
    since: date | None = None,
    until: date | None = None,
    by_country: bool = False,
) -> nx.DiGraph:
    """Directed graph source → target over the events that happened in [since, until]."""
    events = [e for e in fetch_events(store) if e.happened and within(e.day, since, until)]
    names = _country_names(store) if by_country else {}
    graph = nx.DiGraph(
        since=since.isoformat() if since else "", until=until.isoformat() if until else ""
    )
    edges: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)
    for event in events:
        for source in event.source:
            for target in event.target:
                a, b = _node(source, by_country, names), _node(target, by_country, names)
                if a.key == b.key:
                    continue  # an actor acting on itself says nothing about relations
                for node in (a, b):
                    if node.key not in graph:
                        graph.add_node(node.key, name=node.name, code=node.code)
                edges[(a.key, b.key)].append((event.goldstein, event.quad_class, event.day or ""))
    for (source_key, target_key), found in edges.items():
        days = sorted(d for _, _, d in found if d)
        graph.add_edge(
            source_key,
            target_key,
            events=len(found),
            weight=len(found),
            goldstein=round(fmean(g for g, _, _ in found), 3),
            cooperation=sum(q in COOPERATION for _, q, _ in found),
            conflict=sum(q in CONFLICT for _, q, _ in found),
            first=days[0] if days else "",
            last=days[-1] if days else "",
        )
    return graph


def write_graph(graph: nx.DiGraph, path: str | Path, fmt: GraphFormat) -> None:
    """Write the graph as GraphML, GEXF or node-link JSON."""
    path = Path(path)
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    elif fmt == "gexf":
        nx.write_gexf(graph, path)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")


def _node(party: Party, by_country: bool, names: dict[str, str]) -> _Node:
    if by_country:
        key = ActorKey(party.label, party.code).prefix or party.code
        return _Node(key, names.get(key, key), key)
    key = party.actor_id or f"code:{party.code}"
    return _Node(key, party.label, party.code)


def _country_names(store: Store) -> dict[str, str]:
    rows = store.query("SELECT code, name FROM actors WHERE kind = 'country' ORDER BY id")
    return {r["code"]: r["name"] for r in rows}

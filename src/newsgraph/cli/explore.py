"""`newsgraph ask`, `relations`, `timeline`, `graph`, `search`, `stories`: question the store."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.cli.app import (
    DEFAULT_DB,
    DbOption,
    JsonOption,
    app,
    console,
    emit_json,
    fail,
    open_store,
)
from newsgraph.query.actors import ActorKey, default_linker, resolve_actor
from newsgraph.query.ask import ask as answer
from newsgraph.query.facts import EventFact, evidence
from newsgraph.query.graph import FORMATS, GraphFormat, actor_graph, write_graph
from newsgraph.query.relations import relations as between
from newsgraph.query.relations import timeline as events_of
from newsgraph.query.search import index_state, refresh_search_index
from newsgraph.query.search import search as search_articles
from newsgraph.query.stories import assign_stories, list_stories, stories_are_current
from newsgraph.store import Store

SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this day on (YYYY, YYYY-MM or YYYY-MM-DD).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Up to this day (YYYY, YYYY-MM or YYYY-MM-DD).")
]
ExactOption = Annotated[
    bool,
    typer.Option("--exact", help="Follow a person by identity, not by their country's code."),
]


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help='A question, e.g. "Who welcomed Putin in Baku?"')],
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many answers.")] = 10,
) -> None:
    """Answer a question from the store; every answer quotes its sentence and names its article."""
    with open_store(db) as store:
        found = answer(store, question, default_linker(), limit)
    if json_out:
        emit_json(found.to_json())
        return
    if found.note:
        console.print(escape(found.note))
    for number, item in enumerate(found.items, 1):
        console.print(f"[bold]{number}. {escape(item.text)}[/bold]")
        for quoted in item.evidence:
            day = quoted.published.isoformat() if quoted.published else "undated"
            source = f"{quoted.title or quoted.article_id} ({day})"
            console.print(f"   “{escape(quoted.sentence)}”", highlight=False)
            console.print(f"   — {escape(source)} {escape(quoted.url or '')}", style="dim")


@app.command()
def relations(
    a: Annotated[str, typer.Argument(help='An actor: "Russia", "RUS", "Putin".')],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    exact: ExactOption = False,
    json_out: JsonOption = False,
) -> None:
    """The events between two actors over time, with Goldstein scores and a monthly summary."""
    start, end = _day(since, first=True), _day(until, first=False)
    with open_store(db) as store:
        found = between(store, _actor(store, a), _actor(store, b), start, end, exact)
        rows = _event_rows(store, list(found.events))
    if json_out:
        emit_json(
            {
                "a": _key(found.a),
                "b": _key(found.b),
                "summary": found.summary(),
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
                "events": rows,
            }
        )
        return
    console.print(escape(found.summary()))
    if found.months:
        table = Table("month", "events", "cooperation", "conflict", "mean Goldstein", "tone")
        for m in found.months:
            table.add_row(
                m.month,
                str(m.events),
                str(m.cooperation),
                str(m.conflict),
                f"{m.goldstein:+.1f}",
                m.tone,
            )
        console.print(table)
    _print_events(rows)


@app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help='An actor: "Putin", "Azerbaijan", "IGOEUREEC".')],
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    exact: ExactOption = False,
    json_out: JsonOption = False,
) -> None:
    """What an actor did and underwent, oldest first, each event with its sentence."""
    start, end = _day(since, first=True), _day(until, first=False)
    with open_store(db) as store:
        key = _actor(store, actor)
        rows = _event_rows(store, events_of(store, key, start, end, exact))
    if json_out:
        emit_json({"actor": _key(key), "events": rows})
        return
    console.print(f"[bold]{escape(key.name)}[/bold] ({key.code}): {len(rows)} events")
    _print_events(rows)


@app.command()
def graph(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="graphml, gexf or json (default: from the file suffix)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    by_country: Annotated[
        bool, typer.Option("--by-country", help="One node per country code, not per actor.")
    ] = False,
) -> None:
    """Export the actor graph (edges: event count and mean Goldstein) as GraphML, GEXF or JSON."""
    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        fail(f"unknown format {chosen!r}: use --format {'|'.join(FORMATS)}")
    start, end = _day(since, first=True), _day(until, first=False)
    with open_store(db) as store:
        found = actor_graph(store, start, end, by_country)
    fmt_name: GraphFormat = chosen
    write_graph(found, output, fmt_name)
    nodes, edges = found.number_of_nodes(), found.number_of_edges()
    console.print(f"{output}: {nodes} actors, {edges} relations ({chosen})")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for (BM25, stemmed).")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Show at most this many articles.")] = 10,
    json_out: JsonOption = False,
) -> None:
    """Full-text search over the articles, best first, with the best-matching sentence."""
    _refresh(db, lambda store: index_state(store) != "current", refresh_search_index)
    with open_store(db) as store:
        hits = search_articles(store, query, limit)
    if json_out:
        emit_json(
            [
                {
                    "article_id": h.article_id,
                    "title": h.title,
                    "published": h.published,
                    "url": h.url,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                    "sentence": h.sentence,
                }
                for h in hits
            ]
        )
        return
    if not hits:
        console.print(f"no article matches {query!r}")
    for h in hits:
        day = h.published.isoformat() if h.published else "undated"
        console.print(f"[bold]{escape(h.title or h.article_id)}[/bold] ({day}, {h.score:.2f})")
        console.print(f"   {escape(h.snippet)}", highlight=False)
        console.print(f"   {h.article_id} {escape(h.url or '')}", style="dim")


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    min_sources: Annotated[
        int, typer.Option(help="Only stories told by at least this many distinct articles.")
    ] = 1,
    limit: Annotated[int, typer.Option(help="Show at most this many stories.")] = 30,
    json_out: JsonOption = False,
) -> None:
    """Stories: articles reporting the same happening; near-copies are listed but counted once."""
    _refresh(db, lambda store: not stories_are_current(store), assign_stories)
    with open_store(db) as store:
        found = list_stories(store, min_sources, limit)
    if json_out:
        emit_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "first": s.first,
                    "last": s.last,
                    "sources": s.sources,
                    "copies": s.copies,
                    "article_ids": list(s.article_ids),
                }
                for s in found
            ]
        )
        return
    table = Table("story", "title", "first", "last", "sources", "copies")
    for s in found:
        table.add_row(
            s.id,
            s.title or "",
            str(s.first or ""),
            str(s.last or ""),
            str(s.sources),
            str(s.copies),
        )
    console.print(table)


def _refresh(db: Path, stale: Callable[[Store], bool], rebuild: Callable[[Store], object]) -> None:
    """Rebuild derived tables (index, stories) when they lag the articles; needs the writer."""
    with open_store(db) as store:
        needed = stale(store)
    if needed:
        with open_store(db, read_only=False) as store:
            rebuild(store)


def _day(text: str | None, first: bool) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or last) day it covers."""
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 3:
            return date(*parts)
        year, month = parts[0], parts[1] if len(parts) == 2 else (1 if first else 12)
        day = 1 if first else calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except (ValueError, TypeError, IndexError):
        fail(f"{text!r} is not a day: use YYYY, YYYY-MM or YYYY-MM-DD")
        raise  # unreachable: fail() exits


def _actor(store: Store, text: str) -> ActorKey:
    key = resolve_actor(store, text, default_linker())
    if key is None:
        fail(f"no actor known as {text!r}")
        raise AssertionError  # unreachable: fail() exits
    return key


def _key(key: ActorKey) -> dict[str, Any]:
    return {"name": key.name, "code": key.code, "actor_id": key.actor_id, "kind": key.kind}


def _event_rows(store: Store, events: list[EventFact]) -> list[dict[str, Any]]:
    """Events as export rows with their quoted sentence and article."""
    quoted = evidence(store, ((e.article_id, e.sentence) for e in events))
    rows = []
    for e in events:
        source = quoted.get((e.article_id, e.sentence))
        rows.append(
            {
                "id": e.id,
                "day": e.day,
                "source": [{"name": p.label, "code": p.code, "text": p.text} for p in e.source],
                "target": [{"name": p.label, "code": p.code, "text": p.text} for p in e.target],
                "cameo": e.cameo,
                "goldstein": e.goldstein,
                "quad_class": e.quad_class,
                "plover": e.plover,
                "place": e.place,
                "description": e.describe(),
                "article_id": e.article_id,
                "sentence": e.sentence,
                "sentence_text": source.sentence if source else None,
                "title": source.title if source else None,
                "url": source.url if source else None,
            }
        )
    return rows


def _print_events(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        console.print(f"[bold]{escape(row['description'])}[/bold]")
        if row["sentence_text"]:
            console.print(f"   “{escape(row['sentence_text'])}”", highlight=False)
            console.print(f"   — {escape(row['title'] or row['article_id'])}", style="dim")

"""`newsgraph events`, `explain`, `motives`, `claims`: the coded knowledge and why it was coded."""

from __future__ import annotations

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
from newsgraph.store.load import load_articles


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor code or country (e.g. RUS).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only events dated (or published) on or after YYYY-MM-DD.")
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            help="Only events the event model gives at least this probability (0-1); events "
            "coded by rules alone have none and are left out when this is above 0."
        ),
    ] = 0.0,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 100,
    json_out: JsonOption = False,
) -> None:
    """List coded events: who did what to whom, with CAMEO/PLOVER codes and Goldstein scores."""
    where = ["NOT e.negated"]
    params: list[Any] = []
    if min_confidence > 0:
        where.append("e.confidence >= ?")
        params.append(min_confidence)
    if actor:
        where.append(
            "e.id IN (SELECT event_id FROM event_actors WHERE code LIKE ? || '%' OR actor_id = ?)"
        )
        params += [actor.upper(), actor]
    if since:
        where.append("coalesce(e.date, CAST(e.published AS VARCHAR)) >= ?")
        params.append(since)
    with open_store(db) as store:
        rows = store.query(
            "SELECT e.id, e.cameo, e.plover, e.goldstein, e.date, e.published, e.hypothetical,"
            " e.confidence,"
            " list_transform(e.source, x -> x.code) AS source,"
            " list_transform(e.target, x -> x.code) AS target, e.trigger_text, s.text AS sentence"
            " FROM events e LEFT JOIN sentences s"
            " ON s.article_id = e.article_id AND s.idx = e.sentence"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY coalesce(e.date, CAST(e.published AS VARCHAR)), e.id"
            " LIMIT ?",
            [*params, limit],
        )
    if json_out:
        emit_json(rows)
        return
    table = Table(
        "id", "date", "source", "cameo", "plover", "target", "goldstein", "confidence", "trigger"
    )
    for r in rows:
        table.add_row(
            r["id"],
            r["date"] or str(r["published"] or ""),
            "+".join(r["source"] or []),
            r["cameo"],
            r["plover"] + (" (hypothetical)" if r["hypothetical"] else ""),
            "+".join(r["target"] or []),
            f"{r['goldstein']:+.1f}",
            "" if r["confidence"] is None else f"{r['confidence']:.2f}",
            r["trigger_text"],
        )
    console.print(table)


def _article_of_event(db: Any, event_id: str) -> tuple[Any, Any]:
    with open_store(db) as store:
        found = store.query("SELECT article_id FROM events WHERE id = ?", [event_id])
        if not found:
            fail(f"no event {event_id!r} in {db}")
        [article] = load_articles(store, [found[0]["article_id"]])
    [event] = [e for e in article.events if e.id == event_id]
    return article, event


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(help="An event id (from `newsgraph events`).")],
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
) -> None:
    """Say why an event got its code: the rule that fired, the words of each field, the codebook."""
    from newsgraph.events.explain import explain as explain_event
    from newsgraph.events.export import event_to_json

    article, event = _article_of_event(db, event_id)
    if json_out:
        emit_json({**event_to_json(event, article), "explanation": explain_event(event, article)})
    else:
        console.print(escape(explain_event(event, article)), highlight=False)


@app.command()
def motives(
    event_id: Annotated[
        str | None, typer.Argument(help="An event id; without it, all motives.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
) -> None:
    """The reasons and causes the articles give (for one event, or all), with their evidence."""
    from newsgraph.claims import motive_to_json

    if event_id:
        article, _ = _article_of_event(db, event_id)
        rows = [motive_to_json(m, article) for m in article.motives if m.event_id == event_id]
    else:
        with open_store(db) as store:
            rows = [motive_to_json(m, a) for a in load_articles(store) for m in a.motives]
    if json_out:
        emit_json(rows)
        return
    if not rows:
        console.print("no motives found")
    for number, m in enumerate(rows, 1):
        evidence = (m.get("evidence") or {}).get("text") or m["sentence_text"]
        console.print(f"[bold]{number}.[/bold] {escape(m['cause']['text'])}")
        console.print(
            f"   cue: {escape(m['cue'])}; holder: {m['holder']}; {m['certainty']};"
            f" explains: {escape(m['effect']['text'])}",
            style="dim",
        )
        console.print(f"   “{escape(evidence)}”", highlight=False)


@app.command()
def claims(
    db: DbOption = DEFAULT_DB,
    certainty: Annotated[
        str | None, typer.Option(help="asserted, reported, hedged, certain or denied.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Claims with who holds them and how sure the text is."""
    from newsgraph.claims import claim_to_json

    with open_store(db) as store:
        rows = [
            claim_to_json(c, a)
            for a in load_articles(store)
            for c in a.claims
            if certainty is None or c.certainty == certainty
        ]
    if json_out:
        emit_json(rows)
        return
    table = Table("certainty", "holder", "claim", show_lines=False)
    for c in rows:
        holder = c["holder"] if isinstance(c["holder"], str) else "+".join(c["holder"])
        table.add_row(c["certainty"], holder, escape(c["text"]))
    console.print(table)

"""`newsgraph report`: what the store holds, in a few lines (the end of `make demo`)."""

from __future__ import annotations

from newsgraph.cli.app import DEFAULT_DB, DbOption, JsonOption, app, console, emit_json, open_store
from newsgraph.model import OUTCOMES


@app.command()
def report(db: DbOption = DEFAULT_DB, json_out: JsonOption = False) -> None:
    """Summarise the store: articles, actors, events, motives, claims, inputs by outcome,
    quarantine."""
    with open_store(db) as store:
        counts = store.counts()
        top = store.query(
            "SELECT a.name, mode(m.code) AS code, count(*) AS mentions FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id GROUP BY a.name ORDER BY mentions DESC, a.name"
            " LIMIT 10"
        )
        plover = store.query(
            "SELECT coalesce(nullif(plover, ''), 'CAMEO ' || cameo_root) AS plover, count(*) AS n,"
            " round(avg(goldstein), 1) AS goldstein FROM events"
            " WHERE NOT negated AND NOT hypothetical GROUP BY ALL ORDER BY n DESC, plover"
        )
        dyads = store.query(
            "SELECT s.country AS source, t.country AS target, count(*) AS n,"
            " round(avg(e.goldstein), 1) AS goldstein FROM events e"
            " JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'"
            " JOIN event_actors t ON t.event_id = e.id AND t.side = 'target'"
            " WHERE NOT e.negated AND NOT e.hypothetical AND s.country <> t.country"
            " AND 'country:' || s.country IN (SELECT id FROM actors)"
            " AND 'country:' || t.country IN (SELECT id FROM actors)"
            " GROUP BY ALL ORDER BY n DESC, source, target LIMIT 5"
        )
        certainty = store.query(
            "SELECT certainty, count(*) AS n FROM claims GROUP BY certainty ORDER BY n DESC"
        )
        quarantine = store.query(
            "SELECT reason, count(*) AS n FROM quarantine GROUP BY reason ORDER BY n DESC"
        )
        found = dict(
            store.con.execute("SELECT outcome, count(*) FROM sources GROUP BY outcome").fetchall()
        )
    sources = {outcome: int(found.get(outcome, 0)) for outcome in OUTCOMES}
    if json_out:
        emit_json(
            {
                "counts": counts,
                "top_actors": top,
                "events_by_plover": plover,
                "top_dyads": dyads,
                "claims_by_certainty": certainty,
                "quarantine": quarantine,
                "sources": sources,
            }
        )
        return
    kinds = ("articles", "actors", "mentions", "events", "motives", "claims")
    console.print("[bold]store[/bold] " + ", ".join(f"{counts[k]} {k}" for k in kinds))
    console.print(
        f"[bold]inputs[/bold] {sum(sources.values())}: "
        + ", ".join(f"{n} {outcome.replace('_', ' ')}" for outcome, n in sources.items())
    )
    if top:
        console.print(
            "[bold]most mentioned[/bold] "
            + ", ".join(f"{r['name']} ({r['code']}) ×{r['mentions']}" for r in top)
        )
    if plover:
        console.print(
            "[bold]events[/bold] "
            + ", ".join(f"{r['plover']} ×{r['n']} (Goldstein {r['goldstein']:+})" for r in plover)
        )
    if dyads:
        console.print(
            "[bold]most active pairs[/bold] "
            + ", ".join(
                f"{r['source']}→{r['target']} ×{r['n']} ({r['goldstein']:+})" for r in dyads
            )
        )
    if certainty:
        console.print(
            "[bold]claims[/bold] " + ", ".join(f"{r['certainty']} ×{r['n']}" for r in certainty)
        )
    for row in quarantine:
        console.print(f"[yellow]quarantined[/yellow] {row['n']} × {row['reason']}")

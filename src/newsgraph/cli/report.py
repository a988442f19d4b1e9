"""`newsgraph report`: what the store holds, in a few lines (the end of `make demo`)."""

from __future__ import annotations

from newsgraph.cli.app import DEFAULT_DB, DbOption, JsonOption, app, console, emit_json, open_store


@app.command()
def report(db: DbOption = DEFAULT_DB, json_out: JsonOption = False) -> None:
    """Summarise the store: articles, actors, events, motives, claims, quarantine."""
    with open_store(db) as store:
        counts = store.counts()
        top = store.query(
            "SELECT a.name, a.code, count(*) AS mentions FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id"
            " GROUP BY ALL ORDER BY mentions DESC, a.name LIMIT 10"
        )
        quarantine = store.query(
            "SELECT reason, count(*) AS n FROM quarantine GROUP BY reason ORDER BY n DESC"
        )
    if json_out:
        emit_json({"counts": counts, "top_actors": top, "quarantine": quarantine})
        return
    console.print(
        "[bold]store[/bold] "
        + ", ".join(
            f"{counts[k]} {k}"
            for k in ("articles", "actors", "mentions", "events", "motives", "claims")
        )
    )
    if top:
        console.print(
            "[bold]most mentioned[/bold] "
            + ", ".join(f"{r['name']} ({r['code']}) ×{r['mentions']}" for r in top)
        )
    for row in quarantine:
        console.print(f"[yellow]quarantined[/yellow] {row['n']} × {row['reason']}")

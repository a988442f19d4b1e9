"""`newsgraph export TABLE`: rows in JSONL, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import DEFAULT_DB, DbOption, app, err_console, fail, open_store
from newsgraph.store import export as exports


@app.command()
def export(
    table: Annotated[
        str,
        typer.Argument(
            help="articles, mentions, actors, sources, quarantine, events, motives, claims, ..."
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="jsonl, csv, parquet (events also: plover, gdelt)."),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export a table in the documented field shapes."""
    exporter = exports.EXPORTERS.get(table)
    if exporter is None:
        fail(f"unknown table {table!r}; choose one of {', '.join(sorted(exports.EXPORTERS))}")
        return
    with open_store(db) as store:
        if fmt in exports.EVENT_FORMATS:
            if table != "events":
                fail(f"--format {fmt} is for events only")
            count = exports.write_events(store, fmt, output)
        else:
            count = exports.write(exporter(store), fmt, output)
    if output:
        err_console.print(f"{count} {table} rows → {output}")

"""`newsgraph export TABLE`: rows in JSONL, CSV or Parquet; `export --all DIR`: every table as a
month-partitioned Parquet dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph import export as exports
from newsgraph.cli.app import DEFAULT_DB, DbOption, app, err_console, fail, open_store
from newsgraph.store.dataset import export_dataset


@app.command()
def export(
    table: Annotated[
        str,
        typer.Argument(
            help="articles, mentions, actors, sources, quarantine, events, motives, claims, ...;"
            " with --all: the output folder."
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="jsonl, csv, parquet (events also: plover, gdelt)."),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout).")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every table as a Hive-partitioned Parquet dataset in the folder given as TABLE;"
            " a later export rewrites only the months that changed.",
        ),
    ] = False,
    partition: Annotated[
        str, typer.Option("--partition", help="With --all: how rows are partitioned (month).")
    ] = "month",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export a table in the documented field shapes, or the whole store as a Parquet dataset."""
    if every:
        if fmt not in ("parquet", "jsonl") or partition != "month":  # jsonl: --format not given
            fail("--all writes --format parquet --partition month")
        with open_store(db) as store:
            done = export_dataset(store, Path(table))
        rewritten = sum(bool(parts) for parts in done.written.values())
        err_console.print(
            f"{len(done.rows)} tables, {sum(done.rows.values())} rows → {table}"
            f" ({rewritten} tables with new or changed months)"
        )
        return
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

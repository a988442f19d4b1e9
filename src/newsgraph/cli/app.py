"""The typer application and what every verb shares: --db, --json, clean errors."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store

app = typer.Typer(
    name="newsgraph",
    help="Turn raw news into knowledge you can question, every fact tied to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
# trafilatura logs ERROR for every page without article text; those are quarantine rows here.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
err_console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.", envvar="NEWSGRAPH_DB")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
DEFAULT_DB = Path("newsgraph.duckdb")


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


@contextmanager
def open_store(db: Path, read_only: bool = True) -> Iterator[Store]:
    """Open the store for a verb, turning library errors into a clean message."""
    if read_only and not db.exists():
        fail(f"{db}: no such store; run `newsgraph ingest` first")
    try:
        store = Store(db, read_only=read_only)
    except NewsgraphError as err:
        fail(str(err))
        raise  # unreachable: fail() exits
    try:
        yield store
    except NewsgraphError as err:
        fail(str(err))
    finally:
        store.close()


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")

"""The typer application and what every verb shares: --db, --json, clean errors."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

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


class _Brief(logging.Formatter):
    """One line per record; tracebacks only with --verbose."""

    def __init__(self, verbose: bool) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        if self.verbose:
            return super().format(record)
        return f"{record.levelname} {record.name}: {record.getMessage()}"


@app.callback()
def configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log details and tracebacks."),
) -> None:
    """Turn raw news into knowledge you can question, every fact tied to its sentence."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Brief(verbose))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def fail(message: str, code: int = 1) -> NoReturn:
    # The message is text, not markup: "newsgraph[encoder]" or a path in brackets must show as is.
    err_console.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def require_encoder_installed(name: str) -> None:
    """Fail, saying what to install, when the why encoder `name` (other than "none") is not."""
    if name == "none":
        return
    from newsgraph.claims.encoder import EncoderMissing, require_encoder

    try:
        require_encoder(name)
    except EncoderMissing as err:
        fail(str(err))


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


def _json_value(value: Any) -> Any:
    """Points in time as RFC 3339 (`2026-12-01T19:41:25+00:00`), dates as ISO dates."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_json_value) + "\n")

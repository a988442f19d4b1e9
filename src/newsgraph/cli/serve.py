"""`newsgraph serve`: the web pages and REST API over a store."""

from __future__ import annotations

import ipaddress
import logging
from typing import Annotated

import typer

from newsgraph.cli.app import DEFAULT_DB, DbOption, app, err_console

log = logging.getLogger(__name__)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    max_upload_mb: Annotated[int, typer.Option(help="Largest ingest upload, in MiB.", min=1)] = 20,
    query_seconds: Annotated[
        float, typer.Option(help="Time limit of ask, search and relations.", min=0.5)
    ] = 10.0,
) -> None:
    """Serve the web pages and the REST API (/api, docs at /api/docs) over a store.

    Reads are open; POST /api/ingest needs the token in NEWSGRAPH_TOKEN (unset: writes refused).
    The store is opened per request, so `newsgraph ingest` can run meanwhile (reads wait, then
    503); an upload through the server is ingested while reads go on.
    """
    import uvicorn

    from newsgraph.api import ServerConfig, create_app

    config = ServerConfig(
        db=db, max_upload_bytes=max_upload_mb * 1024 * 1024, query_seconds=query_seconds
    )
    if not _is_loopback(host):
        err_console.print(
            f"[yellow]warning:[/yellow] listening on {host}: every read is open to that network"
        )
    if config.token is None:
        err_console.print("writes refused: set NEWSGRAPH_TOKEN to allow POST /api/ingest")
    uvicorn.run(create_app(config), host=host, port=port, log_level="info")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

"""The command line: thin typer verbs over library functions."""

# Importing a module registers its verbs on `app`.
from newsgraph.cli import (  # noqa: F401
    browse,
    evaluate,
    explore,
    export,
    ingest,
    knowledge,
    report,
    resolve,
    serve,
)
from newsgraph.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

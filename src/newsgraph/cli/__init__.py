"""The command line: thin typer verbs over library functions."""

from newsgraph.cli import browse, evaluate, export, ingest, report  # noqa: F401  (registers verbs)
from newsgraph.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

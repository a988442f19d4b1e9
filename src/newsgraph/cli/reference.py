"""The CLI reference (docs/cli.md), generated from each verb's --help so it cannot drift."""

from __future__ import annotations

import os

import typer
from typer.testing import CliRunner

from newsgraph.cli.app import app


def command_names() -> list[str]:
    """Every top-level verb and `group verb` pair, sorted."""
    names: list[str] = []
    for command in app.registered_commands:
        names.append(command.name or command.callback.__name__.replace("_", "-"))  # type: ignore[union-attr]
    for group in app.registered_groups:
        sub = group.typer_instance
        prefix = group.name or ""
        names.append(prefix)
        for command in sub.registered_commands if sub else []:
            names.append(f"{prefix} {command.name or command.callback.__name__.replace('_', '-')}")  # type: ignore[union-attr]
    return sorted(names)


def help_text(name: str) -> str:
    runner = CliRunner()
    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    result = runner.invoke(app, [*name.split(), "--help"], env=env, prog_name="newsgraph")
    if result.exit_code != 0:
        raise typer.BadParameter(f"--help failed for {name}: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    parts = [
        "# CLI reference",
        "",
        "Generated from `newsgraph COMMAND --help` by",
        "`python -m newsgraph.cli.reference > docs/cli.md`;",
        "a test fails when this page and the code disagree.",
        "",
    ]
    for name in command_names():
        parts += [f"## newsgraph {name}", "", "```", help_text(name), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render())

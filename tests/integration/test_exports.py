"""Exports of every table in every format, with the field names users rely on.

Covers ingest of the bundled seed example (all stages) → store → export verbs.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.events.export import GDELT_COLUMNS
from newsgraph.run.local import ingest
from newsgraph.store import Store

pytestmark = pytest.mark.slow
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed"
FIELDS = {
    "articles": {
        "id",
        "source",
        "title",
        "section",
        "published",
        "url",
        "site",
        "language",
        "language_confidence",
        "clean_text",
        "raw_text",
    },
    "mentions": {
        "article_id",
        "sentence",
        "sentence_text",
        "start",
        "end",
        "text",
        "kind",
        "actor_id",
        "code",
        "sectors",
        "plover_sectors",
    },
    "actors": {"id", "name", "code", "roles"},
    "quarantine": {"source", "reason", "detail"},
    "sources": {"source", "item", "outcome", "article_id", "reason", "run_id"},
    "events": {
        "id",
        "article_id",
        "sentence",
        "sentence_text",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "goldstein",
        "quad_class",
        "plover",
        "mode",
        "context",
        "place",
        "date",
        "negated",
        "hypothetical",
        "evidence",
        "rule",
    },
    "motives": {
        "id",
        "article_id",
        "sentence",
        "sentence_text",
        "cause",
        "effect",
        "event_id",
        "cue",
        "holder",
        "certainty",
        "evidence",
    },
    "claims": {"id", "article_id", "sentence", "sentence_text", "text", "holder", "certainty"},
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "seed.duckdb"
    bad = path.parent / "bad.jsonl"
    bad.write_text("{not json\n")
    with Store(path) as store:
        ingest([SEED, bad], store)
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def export(db: Path, table: str, fmt: str, out: Path) -> Path:
    result = CliRunner().invoke(
        app, ["export", table, "--format", fmt, "-o", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("table", sorted(FIELDS))
def test_jsonl_csv_parquet_carry_the_documented_fields(
    db: Path, tmp_path: Path, table: str
) -> None:
    rows = read_jsonl(export(db, table, "jsonl", tmp_path / "t.jsonl"))
    assert rows, f"no {table} exported"
    assert FIELDS[table] <= set(rows[0]), FIELDS[table] - set(rows[0])
    with export(db, table, "csv", tmp_path / "t.csv").open() as f:
        assert FIELDS[table] <= set(next(csv.DictReader(f)))
    parquet = pq.read_table(export(db, table, "parquet", tmp_path / "t.parquet"))
    assert parquet.num_rows == len(rows)
    assert FIELDS[table] <= set(parquet.column_names)


def test_actor_roles_are_dated(db: Path, tmp_path: Path) -> None:
    rows = read_jsonl(export(db, "actors", "jsonl", tmp_path / "a.jsonl"))
    putin = next(r for r in rows if r["name"] == "Vladimir Putin")
    assert {"title", "code", "valid_from", "valid_to"} <= set(putin["roles"][0])
    assert any(r["code"] == "RUSGOV" and r["valid_from"] for r in putin["roles"])


def test_event_evidence_quotes_the_clean_text(db: Path, tmp_path: Path) -> None:
    rows = read_jsonl(export(db, "events", "jsonl", tmp_path / "e.jsonl"))
    with Store(db, read_only=True) as store:
        text = store.query("SELECT clean_text FROM articles WHERE is_current")[0]["clean_text"]
    for row in rows:
        ev = row["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert row["rule"]["pattern"]


def test_plover_and_gdelt_formats(db: Path, tmp_path: Path) -> None:
    plover = read_jsonl(export(db, "events", "plover", tmp_path / "p.jsonl"))
    assert plover and {"id", "event", "actor", "recipient", "text"} <= set(plover[0])
    with export(db, "events", "gdelt", tmp_path / "g.tsv").open() as f:
        lines = [line.rstrip("\n").split("\t") for line in f]
    assert lines and all(len(cols) == len(GDELT_COLUMNS) for cols in lines)

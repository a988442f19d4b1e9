"""Every input item leaves a row in `sources`, whatever became of it.

Covers read → plan → store (local engine) → `export sources`, `show --json` and `report --json`
over a folder of good, duplicate and bad inputs, ingested twice.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.config import Settings
from newsgraph.run.local import ingest
from newsgraph.store import Store

pytestmark = pytest.mark.slow

STORY = "The mayor of Lyon met the mayor of Turin on Monday to talk about the new railway line."
OTHER = "Flooding closed three bridges in Porto on Sunday, the city council said."
MEMO = "The port of Gdansk reopened on Friday after a two-day strike by dock workers."
LATER = "The port of Gdansk stayed closed on Friday as the dock workers' strike went on."


def build_folder(root: Path) -> dict[tuple[str, int | None], str]:
    """Good, duplicate and bad inputs; returns each item (file, line) with its expected outcome."""
    (root / "story.txt").write_text(STORY)
    (root / "story.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    for name in ("wire-a.txt", "wire-b.txt", "wire-c.txt", "wire-d.txt"):
        (root / name).write_text(OTHER)
    (root / "empty.txt").write_text("")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    records = [
        json.dumps({"id": "memo-1", "text": MEMO}),
        "{not json",
        json.dumps({"id": "memo-1", "text": LATER}),
    ]
    (root / "records.jsonl").write_text("".join(f"{line}\n" for line in records))
    return {
        ("story.txt", None): "stored",
        ("story.txt.gz", None): "duplicate",
        ("wire-a.txt", None): "stored",
        ("wire-b.txt", None): "duplicate",
        ("wire-c.txt", None): "duplicate",
        ("wire-d.txt", None): "duplicate",
        ("empty.txt", None): "quarantined",
        ("photo.jpg", None): "quarantined",
        ("records.jsonl", 1): "stored",
        ("records.jsonl", 2): "quarantined",
        ("records.jsonl", 3): "new_version",
    }


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, Path]:
    root = tmp_path_factory.mktemp("sources")
    folder = root / "in"
    folder.mkdir()
    expected = build_folder(folder)
    db = root / "s.duckdb"
    with Store(db) as store:
        first = ingest([folder], store, Settings(batch_size=4))
        second = ingest([folder], store, Settings(batch_size=4))
    assert first.inputs == second.inputs == len(expected)
    return db, expected, folder


def exported(db: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in run("export", "sources", "--db", str(db)).splitlines()]


def test_the_export_accounts_for_every_input_of_each_run(ingested: tuple[Path, dict, Path]) -> None:
    db, expected, _ = ingested
    rows = exported(db)
    assert {"source", "item", "outcome", "article_id", "reason", "run_id"} <= set(rows[0])
    first = {(Path(str(r["source"])).name, r["item"]): r for r in rows if r["run_id"] == 1}
    assert {key: r["outcome"] for key, r in first.items()} == expected
    assert len([r for r in rows if r["run_id"] == 1]) == len(expected)
    # The second run reads the same items: nothing is new, and each still has its row.
    again = [r for r in rows if r["run_id"] == 2]
    assert len(again) == len(expected)
    assert {r["outcome"] for r in again} == {"duplicate", "quarantined"}
    assert all(r["reason"] for r in rows if r["outcome"] != "stored")


def test_copies_name_the_article_that_carries_them(ingested: tuple[Path, dict, Path]) -> None:
    db, _, _ = ingested
    rows = exported(db)
    by_name = {(Path(str(r["source"])).name, r["item"], r["run_id"]): r for r in rows}
    wire = by_name[("wire-a.txt", None, 1)]["article_id"]
    assert wire and all(
        by_name[(name, None, run_id)]["article_id"] == wire
        for name in ("wire-b.txt", "wire-c.txt", "wire-d.txt")
        for run_id in (1, 2)
    )
    assert (
        by_name[("story.txt.gz", None, 1)]["article_id"]
        == by_name[("story.txt", None, 1)]["article_id"]
    )
    assert by_name[("records.jsonl", 3, 1)]["article_id"] == "memo-1"
    assert all(r["article_id"] is None for r in rows if r["outcome"] == "quarantined")


def test_show_and_report_list_the_sources(ingested: tuple[Path, dict, Path]) -> None:
    db, expected, _ = ingested
    rows = exported(db)
    wire = next(r["article_id"] for r in rows if str(r["source"]).endswith("wire-a.txt"))
    shown = json.loads(run("show", str(wire), "--json", "--db", str(db)))
    carried = [(Path(s["source"]).name, s["outcome"], s["run_id"]) for s in shown["sources"]]
    assert sorted(carried) == sorted(
        [("wire-a.txt", "stored", 1)]
        + [(f"wire-{c}.txt", "duplicate", r) for c in "bcd" for r in (1, 2)]
        + [("wire-a.txt", "duplicate", 2)]
    )
    assert "wire-d.txt" in run("show", str(wire), "--db", str(db))
    report = json.loads(run("report", "--json", "--db", str(db)))
    outcomes = list(expected.values())
    assert report["sources"] == {
        "stored": outcomes.count("stored"),
        "duplicate": outcomes.count("duplicate") + len(expected) - outcomes.count("quarantined"),
        "new_version": outcomes.count("new_version"),
        "quarantined": 2 * outcomes.count("quarantined"),
    }

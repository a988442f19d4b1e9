"""The explore verbs end to end through typer, on the invented store (no linker needed)."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph.cli.explore  # noqa: F401  (registers the verbs)
from newsgraph.cli.app import app
from newsgraph.query import actors
from newsgraph.store import Store

runner = CliRunner()


@pytest.fixture()
def db(store: Store, no_linker: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = Path(store.path)
    store.close()
    monkeypatch.setattr("newsgraph.cli.explore.default_linker", lambda: no_linker)
    yield path
    actors.default_linker.cache_clear()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_ask_json(db: Path) -> None:
    data = json.loads(run("ask", "Who greeted Macron?", "--db", str(db), "--json"))
    assert data["answers"][0]["text"] == "Taro Sato (JPNGOV)"
    assert data["answers"][0]["evidence"][0]["title"] == "Macron flies to Tokyo"


def test_ask_text_quotes_the_sentence(db: Path) -> None:
    out = run("ask", "Where did Macron land?", "--db", str(db))
    assert "Haneda Airport (JPN)" in out and "landed at Haneda" in out


def test_search_builds_a_missing_index_then_finds(db: Path) -> None:
    data = json.loads(run("search", "defence pact", "--db", str(db), "--json"))
    assert [h["article_id"] for h in data] == ["pact1"]


def test_relations_and_timeline(db: Path) -> None:
    data = json.loads(run("relations", "France", "JPN", "--db", str(db), "--json"))
    assert [m["month"] for m in data["months"]] == ["2023-03", "2023-05"]
    assert data["events"][0]["sentence_text"].startswith("Macron was greeted")
    data = json.loads(
        run("timeline", "Macron", "--db", str(db), "--exact", "--json", "--since", "2023-03")
    )
    assert [e["cameo"] for e in data["events"]] == ["043", "042", "111"]


def test_unknown_actor_is_a_clean_error(db: Path) -> None:
    result = runner.invoke(app, ["relations", "France", "nobody at all", "--db", str(db)])
    assert result.exit_code == 1 and "no actor known" in result.output


def test_graph_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.gexf"
    run("graph", "-o", str(out), "--db", str(db), "--by-country")
    assert out.read_text("utf-8").startswith("<?xml")
    result = runner.invoke(app, ["graph", "-o", str(tmp_path / "g.txt"), "--db", str(db)])
    assert result.exit_code == 1 and "unknown format" in result.output


def test_stories_are_built_when_missing(db: Path) -> None:
    data = json.loads(run("stories", "--db", str(db), "--json"))
    assert sorted(a for s in data for a in s["article_ids"]) == ["pact1", "visit1"]

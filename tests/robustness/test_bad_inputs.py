"""Whatever scrapers produce: every input is stored, quarantined with a reason, or a duplicate.

Covers ingest → clean → annotate → link → events → why → store on a folder of bad inputs.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.run.local import ingest
from newsgraph.store import Store

ENGLISH = (
    "The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday. "
    "They agreed to continue talks on a peace treaty next month, officials said."
)
FRENCH = (
    "Les ministres des affaires étrangères se sont réunis mardi à Genève pour discuter d'un "
    "accord de paix. Les deux parties ont déclaré que les discussions se poursuivraient le mois "
    "prochain dans la capitale suisse, selon des responsables."
)
RUSSIAN = (
    "Министры иностранных дел Армении и Азербайджана встретились во вторник в Женеве. "
    "Они договорились продолжить переговоры о мирном договоре в следующем месяце."
)


def build_bad_inputs(root: Path) -> None:
    """Write one file per kind of bad input."""
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("   \n\t\n  ")
    (root / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (root / "picture.html").write_bytes(b"GIF89a" + bytes(range(256)) * 40)
    (root / "invalid-utf8.txt").write_bytes(ENGLISH.encode() + b" \xff\xfe broken \xc3\x28 bytes.")
    (root / "cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (root / "latin1.txt").write_bytes(("Café owners in Montréal said " + ENGLISH).encode("latin-1"))
    (root / "control.txt").write_text(ENGLISH.replace(" ", " \x00", 1) + "\x07\x1b[0m")
    (root / "truncated.html").write_text(
        "<html><head><title>Talks</title></head><body><article><p>Truncated page. "
        + ENGLISH
        + "</p><p>More"
    )
    (root / "nested.html").write_text(
        "<html><body>"
        + "<div>" * 5000
        + "<p>"
        + ENGLISH
        + "</p>"
        + "</div>" * 5000
        + "</body></html>"
    )
    big = (
        "<html><body><article>"
        + ("<p>" + ENGLISH + "</p>\n") * 120_000
        + "</article></body></html>"
    )
    (root / "huge.html").write_text(big)
    (root / "broken-feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>'
    )
    (root / "truncated.txt.gz").write_bytes(gzip.compress(ENGLISH.encode())[:20])
    (root / "french.txt").write_text(FRENCH)
    (root / "records.jsonl").write_text(
        json.dumps({"id": "r1", "title": "One", "text": ENGLISH})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "r2", "title": "No text"})
        + "\n"
        + json.dumps({"id": "r1", "title": "One, updated", "text": ENGLISH + " Later they left."})
        + "\n"
    )
    (root / "copy-of-english.txt").write_text(ENGLISH)
    (root / "english.txt").write_text(ENGLISH)


@pytest.mark.slow
def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    build_bad_inputs(inputs)
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the input folder")
    (inputs / "link.txt").symlink_to(outside)

    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([inputs], store, Settings(batch_size=8))
        quarantine = store.query("SELECT source, reason, detail FROM quarantine")
        articles = store.query(
            "SELECT id, version, is_current, source, language FROM articles"
            " ORDER BY source, version"
        )
        outcomes = dict(
            store.con.execute("SELECT outcome, count(*) FROM sources GROUP BY ALL").fetchall()
        )

    assert summary.inputs == summary.stored + summary.quarantined + summary.duplicates
    assert sum(outcomes.values()) == summary.inputs  # one sources row per input item
    assert outcomes["quarantined"] == summary.quarantined
    assert outcomes["duplicate"] == summary.duplicates
    assert outcomes["stored"] + outcomes["new_version"] == summary.stored
    assert summary.stored == len(articles)
    assert summary.quarantined == len(quarantine)
    reasons = {Path(r["source"]).name: r["reason"] for r in quarantine}
    assert reasons["empty.txt"] == "empty"
    assert reasons["blank.txt"] == "empty"
    assert reasons["picture.txt"] == "binary"
    assert reasons["picture.html"] == "binary"
    assert reasons["broken-feed.xml"] in {"malformed feed", "empty feed", "entry without text"}
    assert reasons["truncated.txt.gz"] == "corrupt gzip"
    assert reasons["link.txt"] == "symlink outside input folder"
    assert "broken JSON line" in {r["reason"] for r in quarantine}
    assert "record without text" in {r["reason"] for r in quarantine}
    assert all(r["reason"] and r["source"] for r in quarantine)

    by_name = {Path(a["source"]).name: a for a in articles if a["source"]}
    for name in ("invalid-utf8.txt", "latin1.txt", "control.txt", "truncated.html", "english.txt"):
        assert name in by_name or name.replace("english", "copy-of-english") in by_name, name
    assert by_name["cp1251.txt"]["language"] == "ru"
    assert by_name["french.txt"]["language"] == "fr"
    assert summary.duplicates >= 1  # english.txt and its copy: one stored, one duplicate
    versions = [(a["version"], a["is_current"]) for a in articles if a["id"] == "r1"]
    assert versions == [(1, False), (2, True)]
    assert reasons["huge.html"] == "HTML page too large"
    assert "nested.html" in by_name or reasons.get("nested.html")


@pytest.mark.slow
def test_non_english_articles_are_not_coded(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH)
    with Store(tmp_path / "s.duckdb") as store:
        ingest([tmp_path / "fr.txt"], store)
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 0
        assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == 0
        assert store.query("SELECT language FROM articles")[0]["language"] == "fr"

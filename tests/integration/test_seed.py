"""The founding article, as scraped, through ingest → clean → annotate → link → store.

Checks every `must` item of `clean` and `actors` (places included) in ../shared/seed/expected.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.run.local import ingest
from newsgraph.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def expected(shared_dir: Path) -> dict[str, Any]:
    return yaml.safe_load((shared_dir / "seed" / "expected.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with Store(path) as store:
        summary = ingest([shared_dir / "seed" / "article.txt"], store)
        assert summary.stored == 1 and summary.quarantined == 0
        yield store


@pytest.fixture(scope="module")
def article(seed_store: Store) -> dict[str, Any]:
    [row] = seed_store.query("SELECT * FROM articles WHERE is_current")
    return row


def test_clean_must_items(article: dict[str, Any], expected: dict[str, Any]) -> None:
    must = expected["clean"]["must"]
    paragraphs = article["clean_text"].split("\n\n")
    assert len(paragraphs) == must["paragraphs"]
    lead = paragraphs[0][:40]
    assert article["clean_text"].count(lead) == must["lead_paragraph_count"]
    for furniture in must["absent"]:
        assert furniture not in article["clean_text"]
    assert article["section"] == expected["article"]["section"]
    assert article["title"] == expected["article"]["title"]
    assert "Leave a review" in article["raw_text"]  # raw text is kept as scraped


def test_offsets_point_into_the_clean_text(seed_store: Store, article: dict[str, Any]) -> None:
    text = article["clean_text"]
    rows = seed_store.query('SELECT start, "end", text FROM mentions')
    assert rows
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
    for s in seed_store.query('SELECT start, "end", text FROM sentences'):
        assert text[s["start"] : s["end"]] == s["text"]


def mentions(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT m.text, m.kind, m.code, m.role, m.country, a.name FROM mentions m"
        " LEFT JOIN actors a ON a.id = m.actor_id"
    )


def same_words(a: str, b: str) -> bool:
    """Equal but for case and a leading article ("the EU" names "EU")."""

    def norm(s: str) -> str:
        s = s.lower().strip()
        return s[4:] if s.startswith("the ") else s

    return norm(a) == norm(b)


def test_actor_must_items(seed_store: Store, expected: dict[str, Any]) -> None:
    rows = mentions(seed_store)
    actors = [r for r in rows if r["kind"] == "actor"]
    for item in expected["actors"]["must"]:
        linked = [r for r in actors if r["name"] == item["name"]]
        assert linked, f"{item['name']} never linked"
        assert any((r["code"] or "").startswith(item["code"]) for r in linked), item
        if "role" in item:
            assert any(r["role"] == item["role"] for r in linked), item
        for text in item.get("mentions", []):
            found = [r for r in actors if same_words(r["text"], text)]
            assert found, f"mention {text!r} of {item['name']} not found"
            assert all(r["name"] == item["name"] for r in found), (text, found)
            assert all((r["code"] or "").startswith(item["code"]) for r in found), (text, found)


def test_place_must_items(seed_store: Store, expected: dict[str, Any]) -> None:
    places = [r for r in mentions(seed_store) if r["kind"] == "place"]
    for item in expected["actors"]["places"]["must"]:
        found = [r for r in places if item["name"].lower() in r["text"].lower()]
        assert found, f"place {item['name']} not found"
        assert all(r["country"] == item["country"] for r in found), (item, found)

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.model import Article, Provenance, Rejected, Sentence
from newsgraph.pipeline import Processor
from newsgraph.run.local import Planned, copies_together, ingest, rounds, write
from newsgraph.store import Known, Store


def planned(article_id: str, text: str, version: int = 1) -> Planned:
    article = Article(
        id=article_id,
        raw_text=text,
        clean_text=text,
        provenance=Provenance("in.jsonl", 1),
        sentences=(Sentence(0, 0, len(text), text),),
    )
    status = "new" if version == 1 else "version"
    return Planned(article, Known(status, version), f"r-{article_id}", f"c-{text}")


def test_an_unwritable_article_is_quarantined_and_the_rest_written(tmp_path: Path) -> None:
    good = planned("a", "A sentence.")
    bad = planned("b", "Another sentence.")
    broken = replace(bad.article, mentions=("not a mention",))  # type: ignore[arg-type]
    bad = Planned(broken, bad.known, bad.raw_hash, bad.content_hash)
    rejected: list[Rejected] = []
    with Store(tmp_path / "s.duckdb") as store:
        written = write(store, Processor(), [good, bad], rejected)
        ids = [r["id"] for r in store.query("SELECT id FROM articles")]
    assert [p.article.id for p in written] == ["a"]
    assert ids == ["a"]
    assert [r.reason for r in rejected] == ["store write failed"]


def test_versions_of_one_id_go_to_later_rounds_in_input_order() -> None:
    items = [planned("x", "one"), planned("y", "two"), planned("x", "three", 2)]
    assert [[p.article.clean_text for p in r] for r in rounds(items)] == [["one", "two"], ["three"]]


def test_copies_of_a_text_are_planned_right_after_the_first() -> None:
    assert copies_together(["a", "b", "a", "c", "b", "a"]) == [0, 2, 5, 1, 4, 3]


@pytest.mark.slow
def test_copies_under_other_ids_are_coded_alike_and_counted_once_however_batched(
    tmp_path: Path,
) -> None:
    story = "President Vladimir Putin met Ilham Aliyev in Baku on Monday.\n\nShare this page"
    other = "The talks in Geneva will resume next week.\n\nShare this page"
    rows = [("w1", story), ("o", other), ("w2", story), ("w3", story)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    counts = []
    for size in (1, 64):
        with Store(tmp_path / f"{size}.duckdb") as store:
            ingest([source], store, Settings(batch_size=size))
            counts.append(store.query("SELECT pages FROM site_pages")[0]["pages"])
            carried = store.query("SELECT item, outcome, article_id FROM sources ORDER BY item")
            coded = store.query(
                "SELECT article_id, list(text || '=' || coalesce(actor_id, '') ORDER BY start)"
                " AS found FROM mentions GROUP BY article_id ORDER BY 1"
            )
    # Given ids: each copy is its own stored article and its own source.
    assert carried == [
        {"item": n, "outcome": "stored", "article_id": i} for n, (i, _) in enumerate(rows, 1)
    ]
    assert counts == [2, 2]  # two distinct pages, whichever batch each copy fell in
    copies = [r["found"] for r in coded if r["article_id"].startswith("w")]
    assert len(copies) == 3 and copies[0] == copies[1] == copies[2]
    assert "Vladimir Putin=" in " ".join(copies[0])


@pytest.mark.slow
def test_a_short_english_text_is_coded_and_other_languages_stored_and_counted(
    tmp_path: Path,
) -> None:
    (tmp_path / "brief.txt").write_text(
        "Armenian Prime Minister Nikol Pashinyan met Angela Merkel in Berlin on Tuesday."
    )
    (tmp_path / "depeche.txt").write_text(
        "Le gouvernement a annoncé mardi une hausse des impôts sur les grandes entreprises."
    )
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([tmp_path], store)
        stored = store.query(
            "SELECT a.language, a.language_confidence AS p, count(m.article_id) AS mentions"
            " FROM articles a LEFT JOIN mentions m ON m.article_id = a.id GROUP BY ALL"
            " ORDER BY a.language"
        )
        events = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    assert [(r["language"], r["mentions"] > 0) for r in stored] == [("en", True), ("fr", False)]
    assert all(0.5 < r["p"] <= 1.0 for r in stored)
    assert events >= 1
    assert summary.not_english == {"fr": 1} and summary.as_dict()["languages"] == {"en": 1, "fr": 1}

from dataclasses import replace
from pathlib import Path

from newsgraph.model import Article, Provenance, Rejected, Sentence
from newsgraph.pipeline import Processor
from newsgraph.run.local import Planned, rounds, write
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

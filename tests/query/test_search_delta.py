from datetime import date

import pytest

from newsgraph.query import search_delta
from newsgraph.query.search import (
    index_state,
    load_fts,
    rebuild_search_index,
    refresh_search_index,
    search,
    search_sentences,
)
from newsgraph.store import Known, Store

TEXTS = [
    "The harbour workers went on strike over pay. Ships waited outside the port for days.",
    "Farmers protested against the new water rules. The minister promised talks on Monday.",
    "A storm closed the port and grounded flights. Workers cleared the roads by evening.",
    "The council approved a new bridge over the river. Building starts in the spring.",
]
QUERIES = ["port workers", "strike", "new rules talks", "bridge over the river", "the"]


@pytest.fixture()
def indexed(kit: type) -> Store:
    store = Store(":memory:")
    kit.fill(
        store,
        [
            kit.build(f"t{i}", text, date(2024, 1, 1 + i), f"Title {i}")
            for i, text in enumerate(TEXTS)
        ],
    )
    rebuild_search_index(store)
    return store


def test_delta_scores_equal_the_index_scores_under_the_same_statistics(indexed: Store) -> None:
    # Every text is both indexed and in the delta: the statistics are the same, so must be scores.
    load_fts(indexed.con)
    search_delta.add(indexed, [f"t{i}" for i in range(len(TEXTS))])
    for query in QUERIES:
        for kind, table, key in (
            ("article", "search_articles", "id"),
            ("sentence", "search_sentences", "key"),
        ):
            index = search_delta.INDEX_OF[kind]
            expected = indexed.query(
                f"SELECT {key} AS key, {index}.match_bm25({key}, ?) AS score FROM {table}",
                [query],
            )
            got = indexed.query(f"SELECT key, score FROM ({search_delta.scores(kind)})", [query])  # type: ignore[arg-type]
            want = {r["key"]: r["score"] for r in expected if r["score"] is not None}
            assert {r["key"]: pytest.approx(r["score"]) for r in got} == want, (query, kind)


def test_a_small_ingest_goes_to_the_delta_and_is_found(
    indexed: Store, kit: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_delta, "REBUILD_SHARE", 0.5)
    extra = kit.build("t9", "Dock workers ended the strike after a deal.", date(2024, 2, 1), "Deal")
    kit.fill(indexed, [extra])
    assert index_state(indexed) == "stale"
    assert refresh_search_index(indexed) == 1  # into the delta: 1 new of 4 indexed
    assert search_delta.sizes(indexed) == (4, 1)
    assert index_state(indexed) == "current"
    assert "t9" in [h.article_id for h in search(indexed, "strike")]
    assert [h.article_id for h in search_sentences(indexed, "deal")] == ["t9"]


def test_a_new_version_replaces_the_indexed_copy(
    indexed: Store, kit: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_delta, "REBUILD_SHARE", 0.5)
    changed = kit.build("t3", "The council dropped the tunnel plan.", date(2024, 1, 4), "Plan")
    indexed.write_articles([(changed, Known("version", 2), "raw-t3-2", "content-t3-2")], [])
    assert refresh_search_index(indexed) == 1
    assert search_delta.sizes(indexed) == (3, 1)
    assert [h.article_id for h in search(indexed, "tunnel")] == ["t3"]
    assert search(indexed, "bridge") == []
    assert index_state(indexed) == "current"


def test_the_index_is_rebuilt_when_the_delta_grows_large(indexed: Store, kit: type) -> None:
    kit.fill(indexed, [kit.build(f"n{i}", TEXTS[i], date(2024, 3, 1), "New") for i in range(2)])
    assert refresh_search_index(indexed) == 6  # 2 new of 4 indexed: past the 10% share
    assert search_delta.sizes(indexed) == (6, 0)

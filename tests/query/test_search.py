from pathlib import Path

import pytest

from newsgraph.query.search import (
    SearchIndexError,
    index_state,
    rebuild_search_index,
    search,
    search_sentences,
    shorten,
    stems,
)
from newsgraph.store import Store


def test_index_is_missing_until_built_then_current(store: Store) -> None:
    assert index_state(store) == "missing"
    assert rebuild_search_index(store) == 2
    assert index_state(store) == "current"


def test_search_ranks_by_bm25_with_the_best_sentence_as_snippet(store: Store) -> None:
    rebuild_search_index(store)
    hits = search(store, "defence pact")
    assert [h.article_id for h in hits] == ["pact1"]
    assert hits[0].snippet.startswith("Japan and France signed a defence pact")
    assert hits[0].sentence == 0
    assert hits[0].title == "Japan and France sign a pact"


def test_search_stems_words(store: Store) -> None:
    rebuild_search_index(store)
    assert [h.article_id for h in search(store, "landing")] == ["visit1"]


def test_search_without_index_says_how_to_get_one(store: Store) -> None:
    with pytest.raises(SearchIndexError, match="no search index"):
        search(store, "pact")


def test_index_goes_stale_when_articles_change(store: Store, kit: type) -> None:
    rebuild_search_index(store)
    extra = kit.build("extra", "France and India held talks.", kit.corpus()[0].published, "Talks")
    kit.fill(store, [extra])
    assert index_state(store) == "stale"


def test_read_only_store_cannot_build_the_index(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    with Store(path, read_only=True) as reader, pytest.raises(SearchIndexError, match="read-only"):
        rebuild_search_index(reader)


def test_sentence_search_works_with_and_without_the_index(store: Store) -> None:
    unindexed = search_sentences(store, "shipping routes")
    rebuild_search_index(store)
    indexed = search_sentences(store, "shipping routes")
    for hits in (unindexed, indexed):
        assert (hits[0].article_id, hits[0].sentence) == ("visit1", 3)


def test_stems_match_the_index_stemmer(store: Store) -> None:
    assert stems(store, ["Welcomed", "welcome", "landed"]) == ["welcom", "welcom", "land"]


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two three", 9) == "one two …"
    assert shorten("  short   text ") == "short text"

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from newsgraph.query.actors import ActorKey
from newsgraph.query.relations import relations
from newsgraph.query.stories import (
    StoryDoc,
    assign_stories,
    content_words,
    group_stories,
    list_stories,
    near_duplicates,
    shingles,
    stories_are_current,
)
from newsgraph.store import Store, story_index

REPORT = (
    "Floods swept through the river valley on Monday, forcing thousands of families to leave"
    " their homes as rescue teams worked through the night to reach villages cut off by water."
    " Officials said the river rose faster than at any time in the past fifty years and warned"
    " that more rain was expected later in the week across the whole northern region."
)
COPY = REPORT + " Schools in the valley will stay closed."
FOLLOW_UP = (
    "Rescue teams reached the last villages cut off by the floods in the river valley, where"
    " thousands of families had left their homes; officials warned of more rain in the northern"
    " region and said the river was still rising faster than in fifty years."
)
OTHER = (
    "The central bank kept interest rates unchanged on Thursday, saying inflation had eased"
    " while growth remained weak, and signalled that cuts could come early next year."
)


def test_shingles_and_content_words() -> None:
    assert shingles("One two three four five six") == {
        "one two three four five",
        "two three four five six",
    }
    assert shingles("Too short") == {"too short"}
    assert content_words("The floods and the river") == {"floods", "river"}


def test_near_duplicates_find_copies_only() -> None:
    docs = [
        StoryDoc("a", REPORT),
        StoryDoc("b", COPY),
        StoryDoc("c", FOLLOW_UP),
        StoryDoc("d", OTHER),
    ]
    [pair] = near_duplicates(docs)
    assert {pair.a, pair.b} == {"a", "b"} and pair.similarity >= 0.8


def test_copies_point_at_the_earliest_and_follow_ups_join_the_story() -> None:
    docs = [
        StoryDoc("b", COPY, date(2024, 3, 5)),
        StoryDoc("a", REPORT, date(2024, 3, 4)),
        StoryDoc("c", FOLLOW_UP, date(2024, 3, 6)),
        StoryDoc("d", OTHER, date(2024, 3, 6)),
    ]
    placed = {p.article_id: p for p in group_stories(docs)}
    assert placed["b"].duplicate_of == "a" and placed["a"].duplicate_of is None
    assert placed["a"].story_id == placed["b"].story_id == placed["c"].story_id
    assert placed["d"].story_id != placed["a"].story_id


def test_a_similar_report_months_later_is_another_story() -> None:
    docs = [StoryDoc("a", REPORT, date(2024, 3, 4)), StoryDoc("c", FOLLOW_UP, date(2024, 9, 1))]
    placed = {p.article_id: p.story_id for p in group_stories(docs)}
    assert placed["a"] != placed["c"]


def test_assign_stories_stores_them_and_copies_are_not_counted_twice(
    store: Store, kit: type
) -> None:
    original = kit.corpus()[1]  # the pact article and its event
    copy = replace(
        original,
        id="pact-copy",
        events=tuple(
            replace(e, id=e.id + "-copy", article_id="pact-copy") for e in original.events
        ),
        published=date(2023, 5, 3),
    )
    kit.fill(store, [copy])
    france, japan = ActorKey("France", "FRA"), ActorKey("Japan", "JPN")
    assert len(relations(store, france, japan).events) == 4  # before stories: the copy counts
    assert not stories_are_current(store)
    assert assign_stories(store) == 2
    assert stories_are_current(store)
    assert len(relations(store, france, japan).events) == 3
    pact = next(s for s in list_stories(store) if "pact1" in s.article_ids)
    assert (pact.sources, pact.copies, pact.first) == (1, 1, date(2023, 5, 2))
    assert pact.title == "Japan and France sign a pact"


@pytest.fixture()
def empty() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


def _put(store: Store, article_id: str, text: str, day: date | None, version: int = 1) -> None:
    """An article row as an ingest leaves it (older versions no longer current)."""
    store.con.execute("UPDATE articles SET is_current = false WHERE id = ?", [article_id])
    store.con.execute(
        "INSERT INTO articles (id, version, is_current, title, published, clean_text,"
        " content_hash, raw_hash) VALUES (?, ?, true, '', ?, ?, ?, ?)",
        [article_id, version, day, text, f"c-{article_id}-{version}", f"r-{article_id}-{version}"],
    )


def _stored(store: Store) -> set[tuple[str, str, str | None]]:
    rows = store.query("SELECT article_id, story_id, duplicate_of FROM stories")
    return {(r["article_id"], r["story_id"], r["duplicate_of"]) for r in rows}


def _regrouped(store: Store) -> set[tuple[str, str, str | None]]:
    rows = store.query(
        "SELECT id, '' || '\n\n' || clean_text AS text, published FROM articles WHERE is_current"
    )
    docs = [StoryDoc(r["id"], r["text"], r["published"]) for r in rows]
    return {(p.article_id, p.story_id, p.duplicate_of) for p in group_stories(docs)}


def _variants() -> list[tuple[str, str, date]]:
    """Reports, their copies and follow-ups, and unrelated texts, spread over a few weeks."""
    base = [REPORT, FOLLOW_UP, OTHER, OTHER.replace("Thursday", "Friday") + " Markets rose."]
    out = []
    for i in range(24):
        text = base[i % len(base)]
        words = text.split()
        del words[(5 * i) % len(words)]  # each a slightly different copy
        out.append((f"n{i:02d}", " ".join(words), date(2024, 3, 1) + timedelta(days=(i * 5) % 40)))
    return out


def test_incremental_stories_equal_regrouping_the_whole_store(empty: Store) -> None:
    articles = _variants()
    for start in range(0, len(articles), 8):  # three ingests of eight
        for article_id, text, day in articles[start : start + 8]:
            _put(empty, article_id, text, day)
        assign_stories(empty)
        assert _stored(empty) == _regrouped(empty)
    assert len({story for _, story, _ in _stored(empty)}) > 2


def test_a_changed_leader_lets_its_old_copy_join_another_story(empty: Store) -> None:
    # The follow-up is within the story window of the copy, not of the copy's leader: it joins
    # the copy's story only once the leader changes and the copy leads its own group.
    _put(empty, "lead", REPORT, date(2024, 3, 4))
    _put(empty, "copy", COPY, date(2024, 3, 12))
    _put(empty, "follow", FOLLOW_UP, date(2024, 3, 18))
    assign_stories(empty)
    assert ("copy", _stored_story(empty, "lead"), "lead") in _stored(empty)
    assert _stored_story(empty, "follow") != _stored_story(empty, "copy")
    _put(empty, "lead", OTHER, date(2024, 3, 4), version=2)
    assign_stories(empty)
    assert _stored(empty) == _regrouped(empty)
    assert _stored_story(empty, "follow") == _stored_story(empty, "copy")
    assert _stored_story(empty, "copy") != _stored_story(empty, "lead")


def test_only_new_articles_are_read_again(empty: Store) -> None:
    _put(empty, "a", REPORT, date(2024, 3, 4))
    _put(empty, "d", OTHER, date(2024, 3, 6))
    assign_stories(empty)
    _put(empty, "b", COPY, date(2024, 3, 5))
    assert [t.id for t in story_index.unindexed(empty)] == ["b"]
    assign_stories(empty)
    assert story_index.unindexed(empty) == []
    assert assign_stories(empty) == 2  # nothing new: nothing regrouped


def _stored_story(store: Store, article_id: str) -> str:
    return str(
        store.query("SELECT story_id FROM stories WHERE article_id = ?", [article_id])[0][
            "story_id"
        ]
    )

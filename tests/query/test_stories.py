from dataclasses import replace
from datetime import date

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
from newsgraph.store import Store

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

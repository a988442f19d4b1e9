from datetime import date

from newsgraph.query.actors import ActorKey, resolve_actor
from newsgraph.query.relations import monthly, relations, timeline, within
from newsgraph.store import Store

FRANCE = ActorKey("France", "FRA", "country:FRA", "country")
JAPAN = ActorKey("Japan", "JPN", "country:JPN", "country")
MACRON = ActorKey("Emmanuel Macron", "FRAGOV", "person:emmanuel-macron", "person")


def test_relations_compare_codes_by_country(store: Store) -> None:
    found = relations(store, FRANCE, JAPAN)
    assert [e.cameo for e in found.events] == ["043", "042", "057"]  # oldest first
    assert [(m.month, m.events, m.cooperation, m.conflict) for m in found.months] == [
        ("2023-03", 2, 2, 0),
        ("2023-05", 1, 1, 0),
    ]
    assert found.months[0].goldstein == 2.35
    assert found.months[0].tone == "cooperation"


def test_relations_respect_the_time_window(store: Store) -> None:
    found = relations(store, FRANCE, JAPAN, since=date(2023, 4, 1))
    assert [e.cameo for e in found.events] == ["057"]


def test_exact_follows_a_person_by_identity(store: Store) -> None:
    assert len(relations(store, MACRON, JAPAN).events) == 3  # by code: Macron stands for FRA
    assert [e.cameo for e in relations(store, MACRON, JAPAN, exact=True).events] == ["043", "042"]


def test_timeline_includes_both_sides(store: Store) -> None:
    assert [e.cameo for e in timeline(store, MACRON, exact=True)] == ["043", "042", "111"]


def test_negated_and_hypothetical_events_are_left_out(store: Store, kit: type) -> None:
    spec = kit.EventSpec(0, "signed", ("JPN",), ("FRA",), "057", 8.0, 1)
    article = kit.build(
        "maybe", "Japan signed nothing with France.", date(2023, 6, 1), "No", (spec,)
    )
    event = article.events[0]
    from dataclasses import replace

    kit.fill(store, [replace(article, events=(replace(event, negated=True),))])
    assert len(relations(store, FRANCE, JAPAN).events) == 3


def test_resolve_actor_by_name_mention_or_code(store: Store) -> None:
    assert resolve_actor(store, "Japan") == JAPAN
    assert resolve_actor(store, "Macron's") == MACRON
    assert resolve_actor(store, "JPN") == JAPAN
    assert resolve_actor(store, "XYZ") == ActorKey("XYZ", "XYZ")
    assert resolve_actor(store, "nobody at all") is None


def test_non_state_codes_are_compared_whole() -> None:
    eu = ActorKey("European Union", "IGOEUREEC")
    assert eu.matches("IGOEUREEC")
    assert not eu.matches("IGONATO")
    assert JAPAN.matches("JPNGOV")


def test_within_handles_partial_days() -> None:
    assert within("2023-03", date(2023, 3, 15), None)
    assert within("2023", None, date(2023, 1, 1))
    assert not within("2022-12-31", date(2023, 1, 1), None)
    assert not within(None, date(2023, 1, 1), None)
    assert within(None, None, None)


def test_monthly_puts_undated_events_last(store: Store) -> None:
    assert monthly([]) == ()

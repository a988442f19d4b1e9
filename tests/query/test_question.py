from datetime import date

import pytest

from newsgraph.query.question import read_question
from newsgraph.store import Store


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Why did Macron travel to Tokyo?", "why"),
        ("What prompted the French president's trip?", "why"),
        ("What are the reasons for the trip?", "why"),
        ("Who greeted Macron?", "who"),
        ("Where did Macron land?", "where"),
        ("When did Macron travel to Tokyo?", "when"),
        ("Which countries are ready to work with France?", "which"),
        ("How are relations between France and Japan?", "relations"),
        ("What happened between France and Japan?", "relations"),
        ("What did China do?", "what"),
        ("Who is Taro Sato?", "identity"),
        ("Where is Haneda Airport?", "identity"),
        ("Where is Taro Sato going?", "where"),
    ],
)
def test_kind(store: Store, no_linker: object, text: str, kind: str) -> None:
    assert read_question(store, text, no_linker).kind == kind  # type: ignore[arg-type]


def test_names_and_content_words(store: Store, no_linker: object) -> None:
    q = read_question(store, "Who greeted Macron in Tokyo?", no_linker)  # type: ignore[arg-type]
    assert [n.text for n in q.named] == ["Macron", "Tokyo"]
    assert q.actors[0].actor_id == "person:emmanuel-macron"
    assert q.named[1].place_country == "JPN"
    assert q.focus is not None and q.focus.text == "Macron"
    assert q.is_place(q.named[1])
    assert q.terms == ("greeted",)
    assert q.stems == ("greet",)
    assert "043" in q.hints


def test_possessive_and_cause_frame_are_not_content(store: Store, no_linker: object) -> None:
    q = read_question(store, "What prompted Macron's trip to Tokyo?", no_linker)  # type: ignore[arg-type]
    assert q.kind == "why"
    assert q.terms == ("trip",)
    assert [n.text for n in q.named] == ["Macron", "Tokyo"]


def test_which_question_reads_its_answer_class(store: Store, no_linker: object) -> None:
    q = read_question(store, "Which nations are ready to work with France?", no_linker)  # type: ignore[arg-type]
    assert q.answer_class == "country"
    assert "nations" not in q.terms


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Who greeted Macron?", False),
        ("Who did Macron greet?", True),
        ("Who was Macron greeted by?", False),
    ],
)
def test_who_direction(store: Store, no_linker: object, text: str, subject: bool) -> None:
    assert read_question(store, text, no_linker).focus_is_subject is subject  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("What did France do in 2023?", date(2023, 1, 1), date(2023, 12, 31)),
        ("What did France do in March 2023?", date(2023, 3, 1), date(2023, 3, 31)),
        ("What did France do since 2020?", date(2020, 1, 1), None),
        ("What did France do before December 2022?", None, date(2022, 12, 31)),
        ("What did France do?", None, None),
    ],
)
def test_time_range(
    store: Store, no_linker: object, text: str, since: date | None, until: date | None
) -> None:
    q = read_question(store, text, no_linker)  # type: ignore[arg-type]
    assert (q.since, q.until) == (since, until)

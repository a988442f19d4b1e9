"""Reading a question's type and focus from its parse (the spaCy model)."""

import pytest

from newsgraph.query.focus import parse_focus

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Why did the union call a strike?", "why"),
        ("What caused the flooding in the valley?", "what-caused"),
        ("What prompted the minister to resign?", "what-caused"),
        ("What led to the collapse of the talks?", "what-led-to"),
        ("What did the summit accomplish?", "accomplish"),
        ("What were the soldiers deployed for?", "what-for"),
        ("Who signed the treaty?", "who"),
        ("Whom did the committee appoint?", "whom"),
        ("Where did the plane land?", "where"),
        ("When did the ceasefire start?", "when"),
        ("How many people died in the fire?", "how-many"),
        ("Which company bought the airline?", "which"),
    ],
)
def test_type(text: str, kind: str) -> None:
    assert parse_focus(text).type == kind


def test_focus_of_a_why_question_is_its_predicate_and_arguments() -> None:
    focus = parse_focus("Why did the farmers block the highway?")
    assert focus.predicate == "block"
    assert set(focus.arguments) == {"farmer", "highway"}
    assert focus.written[0] == "block"


def test_focus_of_what_caused_is_the_caused_predicate_not_the_frame_verb() -> None:
    focus = parse_focus("What caused the workers to leave the factory?")
    assert focus.predicate == "leave"
    assert "cause" not in focus.lemmas
    assert {"worker", "factory"} <= set(focus.arguments)

"""The reason a sentence gives for a question's focus: cue spans, either side of the effect."""

from pathlib import Path

import pytest

from newsgraph.query.reasons import cue_reason
from newsgraph.query.retrieve import Passage
from newsgraph.query.search import stems
from newsgraph.store import Store


@pytest.fixture()
def bare(db_path: Path) -> Store:
    return Store(db_path)


def _reason(store: Store, sentence: str, focus: list[str]) -> str | None:
    wanted = frozenset(stems(store, focus))
    passage = Passage("a", 0, sentence, 1.0, True, 1.0, frozenset())
    found = cue_reason(store, passage, wanted)
    return found.text if found else None


@pytest.mark.parametrize(
    ("sentence", "focus", "reason"),
    [
        (
            "The airline cancelled forty flights because its pilots walked out.",
            ["airline", "cancelled", "flights"],
            "its pilots walked out",
        ),
        (
            "Shops closed early in the capital amid fears of looting.",
            ["shops", "closed"],
            "fears of looting",
        ),
        (
            "The council raised parking fees to pay for new buses; drivers complained.",
            ["council", "raised", "fees"],
            "to pay for new buses",
        ),
        (
            "A dispute over water rights led to the riots in the north.",
            ["riots"],
            "A dispute over water rights",
        ),
    ],
)
def test_the_cue_next_to_the_effect_opens_the_reason(
    bare: Store, sentence: str, focus: list[str], reason: str
) -> None:
    assert _reason(bare, sentence, focus) == reason


def test_a_span_that_restates_the_question_is_no_reason(bare: Store) -> None:
    sentence = "Farmers protested against the tax."
    assert _reason(bare, sentence, ["protested", "against", "tax"]) is None


def test_no_shared_word_no_reason(bare: Store) -> None:
    assert _reason(bare, "The airline cancelled flights because of snow.", ["election"]) is None

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.clean.paragraphs import drop_repeats, normalise, split_paragraphs


def test_normalise_drops_control_characters_and_unifies_newlines() -> None:
    assert normalise("a\x00b\r\nc\u200b d") == "ab\nc d"


def test_lines_are_paragraphs_but_hard_wrapped_prose_is_joined() -> None:
    wrapped = (
        "The talks between the two governments resumed on Monday after a pause of\n"
        "several weeks, officials in both capitals said in separate statements to\n"
        "reporters."
    )
    assert split_paragraphs(wrapped) == [wrapped.replace("\n", " ")]
    assert split_paragraphs("Title line\nFirst sentence here.\n\nSecond.") == [
        "Title line",
        "First sentence here.",
        "Second.",
    ]


def test_repeated_paragraphs_are_kept_once() -> None:
    assert drop_repeats(["Lead.", "Body.", "lead. ", "Body."]) == ["Lead.", "Body."]


@given(st.text())
def test_normalise_drops_exactly_the_control_format_and_surrogate_characters(text: str) -> None:
    kept = "".join(
        c
        for c in text.replace("\r\n", "\n").replace("\r", "\n")
        if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    )
    assert normalise(text) == normalise(kept)
    assert not any(
        unicodedata.category(c) in ("Cc", "Cf", "Cs") and c not in "\n\t" for c in normalise(text)
    )

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

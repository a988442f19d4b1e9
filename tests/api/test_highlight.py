"""Cutting text at mark boundaries: overlapping and nested marks, paragraphs, anchors."""

from __future__ import annotations

from newsgraph.api.highlight import Mark, event_tip, segments


def flat(paragraphs: list) -> list[tuple[str, str]]:
    return [(s.text, s.css) for p in paragraphs for s in p]


def test_overlapping_marks_split_into_flat_segments() -> None:
    text = "Putin came because trade grew."
    marks = [
        Mark(0, 5, "mention actor", "RUSGOV", "/actors/p"),
        Mark(0, 10, "claim asserted", "claim"),
        Mark(6, 10, "event", "CAMEO 042", anchor="ev-1"),
        Mark(19, 29, "motive-cause"),
    ]
    parts = segments(text, marks)
    assert flat(parts) == [
        ("Putin", "mention actor claim asserted"),
        (" ", "claim asserted"),
        ("came", "claim asserted event"),
        (" because ", ""),
        ("trade grew", "motive-cause"),
        (".", ""),
    ]
    first, _, came, *_ = parts[0]
    assert first.href == "/actors/p" and first.tip == "RUSGOV\nclaim"
    assert came.anchors == ["ev-1"] and came.href is None


def test_the_text_is_kept_whole_and_paragraphs_respected() -> None:
    text = "One two.\n\nThree four."
    marks = [Mark(4, 15, "claim hedged")]  # runs across the paragraph break
    parts = segments(text, marks, [[0, 8], [10, 21]])
    assert len(parts) == 2
    assert "".join(s.text for s in parts[0]) == "One two."
    assert "".join(s.text for s in parts[1]) == "Three four."
    assert [s.css for s in parts[1]] == ["claim hedged", ""]


def test_without_stored_paragraphs_blank_lines_separate_them() -> None:
    parts = segments("A.\n\nB.", [])
    assert ["".join(s.text for s in p) for p in parts] == ["A.", "B."]


def test_marks_outside_the_text_or_empty_are_ignored() -> None:
    parts = segments(
        "short", [Mark(2, 2, "event"), Mark(3, 99, "claim asserted"), Mark(-1, 2, "x")]
    )
    assert flat(parts) == [("short", "")]


def test_event_tip_names_code_goldstein_and_rule() -> None:
    event = {
        "cameo": "042",
        "goldstein": 1.9,
        "plover": "CONSULT",
        "rule": {"pattern_id": "verb:arrive-in"},
    }
    tip = event_tip(event, {"042": "Make a visit"})
    assert tip == "CAMEO 042 Make a visit · Goldstein +1.9 · PLOVER CONSULT · rule verb:arrive-in"

import pytest

from newsgraph.annotate.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday.", "en"),
        ("Les ministres des affaires étrangères se sont réunis mardi à Genève.", "fr"),
        ("Министры иностранных дел Армении и Азербайджана встретились во вторник.", "ru"),
        ("Die Außenminister trafen sich am Dienstag in Genf zu Gesprächen.", "de"),
    ],
)
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_too_little_text_is_undetermined() -> None:
    assert detect_language("12:45 — 3/4") == "und"

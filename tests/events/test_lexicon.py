"""The trigger lexicon: own rules, frame composition and the parse-free prefilter."""

from __future__ import annotations

import pytest

from newsgraph.events.lexicon import candidate_lemmas, load_lexicon


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon()


@pytest.mark.parametrize(
    ("frame", "complement", "expected"),
    [
        ("intent", "057", "030"),  # ready to make peace
        ("intent", "0871", "0356"),  # willing to declare a ceasefire: de-escalate
        ("threaten", "161", "1313"),  # threatened to break relations
        ("threaten", "190", "1384"),
        ("demand", "0872", "1056"),  # demanded the withdrawal of forces
        ("reject", "036", "125"),  # refused to meet
        ("appeal", "04", "026"),
    ],
)
def test_frames_compose_the_complement_code(lexicon, frame, complement, expected) -> None:  # type: ignore[no-untyped-def]
    assert lexicon.frames[frame].compose_code(complement) == expected


def test_frames_without_an_entry_return_none(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert lexicon.frames["reject"].compose_code("190") is None


def test_prefilter_guesses_lemmas_without_a_parse(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert {"shell", "shelled"} <= candidate_lemmas("shelled")
    assert "visit" in candidate_lemmas("visits")
    assert lexicon.may_trigger(["putin", "visited", "baku"])
    assert lexicon.may_trigger(["they", "met"])  # irregular form
    assert not lexicon.may_trigger(["the", "weather", "nice"])


def test_custom_dictionaries_replace_the_defaults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "verbs.txt"
    path.write_text("--- GLARE [111] ---\nGLARE\n", encoding="utf-8")
    custom = load_lexicon([path], use_defaults=False)
    assert [d.name for d in custom.dictionaries] == ["verbs"]
    assert custom.frame_of_verb("threaten") is None and custom.noun_code("visit") is None
    assert custom.may_trigger(["glared"]) and not custom.may_trigger(["visited"])

"""Why-questions from cause/effect spans: the effect rewritten with its parse."""

from typing import Any

import pytest

from newsgraph.evaluate.askset import char_span, document_of, question_for, token_text

pytestmark = pytest.mark.slow


def _ask(nlp: Any, sentence: str, effect: str, variant: int = 0) -> tuple[str, str] | None:
    start = sentence.index(effect)
    return question_for(nlp(sentence), start, start + len(effect), variant)


@pytest.mark.parametrize(
    ("sentence", "effect", "variant", "expected"),
    [
        (
            "Police arrested the men because they blocked the road .",
            "Police arrested the men",
            0,
            ("why", "Why did police arrest the men?"),
        ),
        (
            "Police arrested the men because they blocked the road .",
            "Police arrested the men",
            2,
            ("what-caused", "What caused police to arrest the men?"),
        ),
        (
            "Many shops were closed after the riots .",
            "Many shops were closed",
            0,
            ("why", "Why were many shops closed?"),
        ),
        (
            "The teachers are angry over the new rules .",
            "The teachers are angry",
            0,
            ("why", "Why are the teachers angry?"),
        ),
        (
            "Heavy rain caused the flooding of the old town .",
            "the flooding of the old town",
            1,
            ("what-led-to", "What led to the flooding of the old town?"),
        ),
    ],
)
def test_the_effect_becomes_a_question(
    nlp: Any, sentence: str, effect: str, variant: int, expected: tuple[str, str]
) -> None:
    assert _ask(nlp, sentence, effect, variant) == expected


def test_a_clause_whose_subject_is_a_relative_pronoun_gives_no_question(nlp: Any) -> None:
    sentence = "They passed a law which angered the farmers ."
    assert _ask(nlp, sentence, "which angered the farmers") is None


def test_tokens_and_documents() -> None:
    text = "A strike began on Monday ."
    assert token_text(text, {1, 2}) == "strike began"
    assert char_span(text, {1, 2}) == (2, 14)
    assert document_of("train_05_299_259") == "train_05_299"

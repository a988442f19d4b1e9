"""Language: detected with a confidence where the text says enough, else declared or default."""

import pytest

from newsgraph.annotate.language import Reading, Rule, decide, read_language
from newsgraph.config import Settings


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday.", "en"),
        ("Armenian Prime Minister Nikol Pashinyan met Angela Merkel in Berlin on Tuesday.", "en"),
        ("Les ministres des affaires étrangères se sont réunis mardi à Genève.", "fr"),
        ("Министры иностранных дел Армении и Азербайджана встретились во вторник.", "ru"),
        ("Die Außenminister trafen sich am Dienstag in Genf zu Gesprächen.", "de"),
        ("O governo anunciou nesta terça-feira novos impostos.", "pt"),
    ],
)
def test_detects_the_language_with_a_confidence(text: str, code: str) -> None:
    reading = read_language(text)
    assert (reading.language, reading.how) == (code, "detected")
    assert reading.confidence is not None and 0.0 < reading.confidence <= 1.0


@pytest.mark.parametrize(
    "headline",
    [
        "Lufthansa and Deutsche Bahn sign Munich rail deal",
        "Renault shares slide as Nissan cuts forecast",
        "Juventus fans greet Del Piero in Turin",
        "Macron and Scholz agree on Airbus subsidies",
    ],
)
def test_english_headlines_full_of_foreign_names_stay_english(headline: str) -> None:
    assert read_language(headline).language == "en"


def test_too_little_text_takes_the_declared_language_else_the_default() -> None:
    assert read_language("12:45 — 3/4") == Reading("en", "default", None)
    assert read_language("12:45 — 3/4", default="fr") == Reading("fr", "default", None)
    assert read_language("Bundestag", declared="de") == Reading("de", "declared", None)


def test_a_weak_reading_falls_back_and_a_strong_one_overrules_the_declaration() -> None:
    found = {"de": 0.4, "en": 0.3}
    weak = decide(found, 30, lambda: "nl", "en", "en", Rule(0.65, 10, True))
    assert weak == Reading("en", "declared", 0.3)
    agreed = decide(found, 30, lambda: "de", "en", "en", Rule(0.65, 10, True))
    assert agreed == Reading("de", "detected", 0.4)  # two models of different kinds agree
    alone = decide(found, 30, lambda: "de", None, "en", Rule(0.65, 10, False))
    assert alone.language == "en" and alone.how == "default"
    # A page declaring English whose text is plainly French is French.
    text = "Le gouvernement a annoncé mardi une hausse des impôts sur les grandes entreprises."
    assert read_language(text, declared="en").language == "fr"


def test_the_default_language_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().language == "en"
    monkeypatch.setenv("NEWSGRAPH_LANGUAGE", "de")
    assert Settings().language == "de"
    with pytest.raises(ValueError, match="ISO 639"):
        Settings(language="English")

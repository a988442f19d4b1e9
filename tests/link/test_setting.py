"""An unknown person takes the country the article is clearly set in, and only then."""

from __future__ import annotations

from newsgraph.link import Linker


def _person(linker: Linker, make_article: object, text: str, name: str) -> tuple[object, str]:
    article = make_article(text, [(name, "PERSON")])  # type: ignore[operator]
    found = [m for m in linker.link(article).mentions if m.text == name]
    return found[0].country, found[0].resolved_by


def test_an_unknown_person_in_a_story_about_one_country_is_of_that_country(
    linker: Linker, make_article: object
) -> None:
    text = (
        "The United States Army said on Monday that troops in Texas were moving. "
        "Washington confirmed it. A sergeant, Brian Quillery, said the U.S. base was calm."
    )
    assert _person(linker, make_article, text, "Brian Quillery") == ("USA", "setting")


def test_without_a_clear_setting_the_person_stays_unknown(
    linker: Linker, make_article: object
) -> None:
    text = "France and Germany met in Brussels. Brian Quillery said Italy and Spain agreed."
    assert _person(linker, make_article, text, "Brian Quillery") == (None, "unresolved")

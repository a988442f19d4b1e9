"""Reading PETRARCH/TABARI actor and agent dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.dictionaries.petrarch import (
    DictionaryError,
    Phrase,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_date,
    plural_of,
)

ACTORS = """\
<!-- a header
spanning lines -->
FOOLAND_  [FOO]
+FOOLANDER_
+FOO_CITY   # its capital

JOHN_Q._DOE_  # a leader
+PRESIDENT_DOE_
\t[FOOELI 700101-991231]
\t[FOOGOV >000101]
\t[FOOELI]
ARGENTIN [ARG]
WIDGET_CORP_ [FOOBUS 20100101 - 20100430] [BARBUS]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
POLICE!PERSON! [~COP]
THIEF {THIEVES} [~CRM]
FOREIGN_MINISTER [~GOVFRM]
HUMAN_RIGHTS_BODY [NGO~]
"""


def test_actor_entries_have_names_synonyms_and_codes() -> None:
    actors = parse_actor_dictionary(ACTORS)
    assert [a.raw_name for a in actors] == ["FOOLAND_", "JOHN_Q._DOE_", "ARGENTIN", "WIDGET_CORP_"]
    fooland = actors[0]
    assert fooland.name == Phrase(("fooland",), stem=False)
    assert [s.words for s in fooland.synonyms] == [("foolander",), ("foo", "city")]
    assert fooland.code_on(None) == "FOO"


def test_trailing_underscore_marks_exact_words_and_its_absence_a_stem() -> None:
    actors = parse_actor_dictionary(ACTORS)
    assert actors[0].name.stem is False
    assert actors[2].name == Phrase(("argentin",), stem=True)


def test_dated_codes_pick_the_role_valid_on_a_day() -> None:
    doe = parse_actor_dictionary(ACTORS)[1]
    assert doe.name.words == ("john", "q", "doe")
    assert doe.code_on(date(1980, 5, 1)) == "FOOELI"
    assert doe.code_on(date(2024, 8, 18)) == "FOOGOV"
    assert doe.code_on(None) == "FOOGOV"  # unknown day: the current, open-ended role


def test_several_codes_on_one_line_and_spaced_ranges() -> None:
    widget = parse_actor_dictionary(ACTORS)[3]
    assert widget.code_on(date(2010, 2, 1)) == "FOOBUS"
    assert widget.code_on(date(2011, 1, 1)) == "BARBUS"
    # 20100430 is read as written; impossible days are clamped to the month's end.
    assert widget.codes[0].valid_to == date(2010, 4, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("991231", date(1999, 12, 31)),
        ("080507", date(2008, 5, 7)),
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),
        ("20060431", date(2006, 4, 30)),
    ],
)
def test_dates_follow_the_tabari_two_digit_year_pivot(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("bad", ["9008223", "201005011", "20061301", "abc"])
def test_malformed_dates_are_rejected(bad: str) -> None:
    with pytest.raises(DictionaryError):
        parse_date(bad)


def test_malformed_codes_are_skipped_not_fatal() -> None:
    actors = parse_actor_dictionary("BAR_ [BAR 9008223-911221] [BAR]\n")
    assert [c.code for c in actors[0].codes] == ["BAR"]


def test_agents_expand_plurals_and_substitutions() -> None:
    agents = parse_agent_dictionary(AGENTS)
    by_words = {a.phrase.words: a for a in agents}
    assert ("police",) in by_words and ("polices",) not in by_words  # {} means no plural
    assert {("policeman",), ("policewomen",)} <= set(by_words)
    assert ("thieves",) in by_words and ("thiefs",) not in by_words
    assert ("foreign", "ministers") in by_words  # regular plural generated
    assert by_words[("foreign", "minister")].code == "GOVFRM"


def test_agent_code_position_follows_the_tilde() -> None:
    agents = {a.phrase.words: a for a in parse_agent_dictionary(AGENTS)}
    assert agents[("police",)].combine("FOO") == "FOOCOP"
    assert agents[("human", "rights", "body")].combine("FOO") == "NGOFOO"
    assert agents[("police",)].combine(None) == "COP"


def test_regular_plurals() -> None:
    assert [plural_of(w) for w in ("army", "boss", "day", "chairman", "judge")] == [
        "armies",
        "bosses",
        "days",
        "chairmen",
        "judges",
    ]


@pytest.mark.shared
def test_toy_world_dictionaries_load(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "gold" / "events" / "petrarch_toyworld"
    actors = load_actor_dictionary(folder / "PETR_Validate_actors_2_02.txt")
    gollum = next(a for a in actors if a.raw_name == "GOLLUM")
    assert gollum.code_on(date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(date(1996, 1, 1)) == "HOBGOV"
    assert gollum.code_on(date(2001, 1, 1)) == "HOBREB"
    agents = load_agent_dictionary(folder / "PETR_Validate_agents_2_02.txt")
    walks = {a.phrase.words for a in agents if a.phrase.words[-2:] == ("silly", "walks")}
    assert ("ministry", "of", "silly", "walks") in walks


@pytest.mark.shared
def test_phoenix_putin_is_rusgov_in_2024(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "actors" / "petrarch2_phoenix"
    actors = load_actor_dictionary(folder / "Phoenix.Countries.actors.txt")
    putin = next(a for a in actors if a.raw_name == "VLADIMIR_PUTIN_")
    assert putin.code_on(date(2024, 8, 18)) == "RUSGOV"
    assert putin.code_on(date(1990, 1, 1)) == "RUSELI"
    assert len(actors) > 5000

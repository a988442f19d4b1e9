"""The day a sentence states, for dating offices."""

from __future__ import annotations

from datetime import date

from newsgraph.link.dating import stated_day


def test_a_month_and_year_give_that_month() -> None:
    assert stated_day("In March 2003 the minister resigned.", date(2010, 1, 1)) == date(2003, 3, 15)
    assert stated_day("On 4 July 1999 he spoke.", None) == date(1999, 7, 4)
    assert stated_day("By September 12, 2001, ...", None) == date(2001, 9, 12)


def test_a_year_after_a_preposition_gives_mid_year_unless_it_is_the_publication_year() -> None:
    assert stated_day("He held the post in 1998.", date(2005, 5, 5)) == date(1998, 7, 1)
    assert stated_day("He held the post in 2005.", date(2005, 5, 5)) is None


def test_relative_days_and_bare_numbers_state_nothing() -> None:
    assert stated_day("He said on Tuesday that 2000 troops would stay.", date(2005, 5, 5)) is None

"""Event dates: relative expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.events.dates import resolve_date

SUNDAY = date(2024, 8, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2024-08-18"),
        ("yesterday", "2024-08-17"),
        ("on Wednesday", "2024-08-14"),
        ("Sunday", "2024-08-18"),
        ("next Monday", "2024-08-19"),
        ("in September 2004", "2004-09"),
        ("18 August 2024", "2024-08-18"),
        ("last month", "2024-07"),
        ("last year", "2023"),
        ("in 2015", "2015"),
        ("in December", "2023-12"),
        ("June", "2024-06"),
    ],
)
def test_resolves_against_publication_date(text: str, expected: str) -> None:
    assert resolve_date(text, SUNDAY) == expected


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    assert resolve_date("on Wednesday", None) is None
    assert resolve_date("in September 2004", None) == "2004-09"

"""The day a sentence speaks of, when it states one, for dating the offices of its actors.

"In March 2003, Prime Minister X ..." dates X's office to March 2003 even in a 2010 article.
Only absolute dates count (a month with its year, a year after a preposition of time); relative
ones ("on Tuesday") are the publication's week and change nothing.
"""

from __future__ import annotations

import re
from datetime import date

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = "|".join(_MONTH_NAMES)
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})\s+)?(?P<month>{_MONTH})\s+(?:(?P<day2>\d{{1,2}}),?\s+)?"
    r"(?P<year>1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:in|since|during|until|by)\s+(?:(?:early|late|mid)[- ]?)?(?P<year>1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def stated_day(sentence: str, published: date | None) -> date | None:
    """The day an absolute date of the sentence names (mid-month, mid-year when partial)."""
    match = _MONTH_YEAR.search(sentence)
    if match:
        year = int(match["year"])
        month = _MONTH_NAMES.index(match["month"].lower()) + 1
        day = int(match["day1"] or match["day2"] or 15)
        try:
            return date(year, month, day)
        except ValueError:
            return date(year, month, 15)
    match = _YEAR.search(sentence)
    if match:
        year = int(match["year"])
        if published is not None and published.year == year:
            return None  # the publication day is the more precise date of that year
        return date(year, 7, 1)
    return None

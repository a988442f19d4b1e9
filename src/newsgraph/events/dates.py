"""Resolving an event's date expression ("on Wednesday", "in September 2004") to an ISO date.

Relative expressions are resolved against the article's publication date; without one they stay
unresolved (None) rather than being guessed. Partial dates keep their precision: "2004-09", "2004".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_WORD = re.compile(r"[a-z]+")


def _month_day_year(words: list[str], text: str, published: date | None) -> str | None:
    """Absolute dates: '18 August 2024', 'August 2024', 'September 2004', '2004'."""
    month = next((_MONTHS[w] for w in words if w in _MONTHS and w != "may"), None)
    if month is None and "may" in words and _YEAR.search(text):
        month = 5
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if month is None:
        return str(year) if year is not None else None
    day_match = _DAY.search(_YEAR.sub(" ", text))
    if year is None:
        if published is None:
            return None
        year = published.year
        # "in December" read in a January article is last year's December.
        if month > published.month:
            year -= 1
    if day_match and 1 <= int(day_match.group(1)) <= 31:
        try:
            return date(year, month, int(day_match.group(1))).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}"


def resolve_date(text: str, published: date | None) -> str | None:
    """An ISO date (or 'YYYY-MM' / 'YYYY') for a date expression, or None when unknown."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if published is not None:
        if "today" in words or "tonight" in words:
            return published.isoformat()
        if "yesterday" in words:
            return (published - timedelta(days=1)).isoformat()
        if "tomorrow" in words:
            return (published + timedelta(days=1)).isoformat()
        for word in words:
            if word in _WEEKDAYS:
                # News reports the most recent such day (today counts), unless "next" says ahead.
                delta = (published.weekday() - _WEEKDAYS[word]) % 7
                if "next" in words:
                    return (published + timedelta(days=(7 - delta) % 7 or 7)).isoformat()
                return (published - timedelta(days=delta)).isoformat()
        if "last" in words or "next" in words or "this" in words:
            step = -1 if "last" in words else 1 if "next" in words else 0
            if "week" in words:
                return (published + timedelta(weeks=step)).isoformat()[:10]
            if "month" in words:
                month_index = published.year * 12 + published.month - 1 + step
                return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
            if "year" in words:
                return f"{published.year + step:04d}"
    return _month_day_year(words, lowered, published)

"""Publication dates from the many forms metadata gives them in."""

from __future__ import annotations

import logging
from datetime import date, datetime

log = logging.getLogger(__name__)


def parse_date(value: object) -> date | None:
    """A date from an ISO string, an RFC 822 string, a datetime or a date; None when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first"}
    )
    if parsed is None:
        log.debug("unparsed date %r", text)
        return None
    return parsed.date()

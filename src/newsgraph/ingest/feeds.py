"""RSS, Atom and JSON Feed entries: id, title, link, date, author and the fullest text given."""

from __future__ import annotations

import io
import json
import logging
import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from newsgraph.ingest.dates import parse_date
from newsgraph.ingest.html import html_fragment_to_text

log = logging.getLogger(__name__)

_SNIFF_WINDOW = 4096
# The root element after an optional BOM, XML declaration, comments, processing instructions and
# doctype: a feed is known by its root, not by a "<feed" somewhere in a page's scripts.
_XML_FEED_ROOT = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"""
    rb"""<(?:[A-Za-z][\w.-]*:)?(?:rss|feed|RDF)\b""",
    re.DOTALL,
)
# JSON may escape the slashes of the version URL ("https:\/\/jsonfeed.org\/version\/1.1").
_JSON_FEED_VERSION = re.compile(rb""""version"\s*:\s*"https?:(?:\\?/){2}jsonfeed\.org\\?/version""")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FeedError(ValueError):
    """A feed too malformed to yield any entry; `reason` says what the parser found."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: text is the full content when the feed carries it, else the summary."""

    id: str | None
    title: str | None
    url: str | None
    published: date | None
    author: str | None
    text: str
    site: str | None  # the feed's title, else its host
    categories: tuple[str, ...] = ()
    language: str | None = None  # the feed's declared language, as a primary subtag


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes begin like an RSS, Atom or RDF document, or are a JSON Feed."""
    if not isinstance(data, bytes):
        raise TypeError(f"looks_like_feed expects bytes, not {type(data).__name__}")
    head = data[:_SNIFF_WINDOW]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: sniff its ASCII-compatible form
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _JSON_FEED_VERSION.search(head) is not None
    return _XML_FEED_ROOT.match(head) is not None


def parse_feed(data: bytes | str, source: str) -> list[FeedEntry]:
    """Entries of an RSS/Atom/RDF feed or a JSON Feed; FeedError when none can be read."""
    if not isinstance(data, bytes | str):
        raise TypeError(f"parse_feed expects bytes or str, not {type(data).__name__}")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(raw, source)
    return _parse_xml_feed(raw, source, decoded=isinstance(data, str))


def _parse_xml_feed(raw: bytes, source: str, *, decoded: bool) -> list[FeedEntry]:
    import feedparser

    # A stream, never a string: feedparser would fetch a string that looks like a URL or a path.
    # Text given as str was re-encoded to UTF-8, which must override its XML declaration.
    headers = {"content-type": "application/xml; charset=utf-8"} if decoded else None
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    if parsed.bozo:
        reason = f"{type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}"
        if not parsed.entries:
            raise FeedError(f"not a readable feed ({reason})")
        log.warning(
            "%s: malformed feed, keeping its %d entries (%s)", source, len(parsed.entries), reason
        )
    feed = parsed.feed
    site = _text(feed.get("title")) or _host(feed.get("link"))
    language = _primary_language(feed.get("language"))
    return [_xml_entry(entry, site, language) for entry in parsed.entries]


def _xml_entry(entry: Any, site: str | None, language: str | None) -> FeedEntry:
    url = _text(entry.get("link"))
    return FeedEntry(
        id=_text(entry.get("id")) or url,
        title=_text(entry.get("title")),
        url=url,
        published=_entry_date(entry),
        author=_text(entry.get("author")),
        text=_entry_text(entry),
        site=site or _host(url),
        categories=tuple(t for t in (_text(tag.get("term")) for tag in entry.get("tags", [])) if t),
        language=language,
    )


def _entry_text(entry: Any) -> str:
    """The longest full content (content:encoded, atom:content), else the summary, as plain text."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content", [])]
    if not any(value.strip() for value, _ in candidates):
        detail = entry.get("summary_detail") or {}
        candidates = [(entry.get("summary") or "", detail.get("type") or "text/html")]
    texts = [_as_text(value, kind) for value, kind in candidates]
    return max(texts, key=len, default="")


def _as_text(value: str, kind: str) -> str:
    if kind in _HTML_TYPES:
        return html_fragment_to_text(value) if value.strip() else ""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip())


def _entry_date(entry: Any) -> date | None:
    """Publication date, else last update, as the publisher's own calendar day."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        # ISO 8601 and RFC 822 keep the publisher's offset, so the day is the one it printed;
        # feedparser's parsed tuple is in UTC and can fall on the day before or after.
        day = _stated_day(raw)
        parsed = entry.get(f"{key}_parsed")
        if day is None and isinstance(parsed, time.struct_time):
            day = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        day = day or parse_date(raw)
        if day is not None:
            return day
    return None


def _stated_day(raw: object) -> date | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_json_feed(raw: bytes, source: str) -> list[FeedEntry]:
    """JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/), which feedparser does not read."""
    try:
        feed = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise FeedError(f"not a readable JSON feed ({err})") from err
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise FeedError("JSON without a feed's `items` list")
    site = _text(feed.get("title")) or _host(feed.get("home_page_url"))
    language = _primary_language(feed.get("language"))
    default_author = _json_author(feed)
    entries = []
    for number, item in enumerate(feed["items"]):
        if not isinstance(item, dict):
            log.warning("%s: JSON feed item %d is not an object; skipped", source, number)
            continue
        url = _text(item.get("url")) or _text(item.get("external_url"))
        html = item.get("content_html")
        plain = item.get("content_text") or item.get("summary")
        if isinstance(html, str) and html.strip():
            text = html_fragment_to_text(html)
        else:
            text = _as_text(plain, "text/plain") if isinstance(plain, str) else ""
        entries.append(
            FeedEntry(
                id=_text(item.get("id")) or url,
                title=_text(item.get("title")),
                url=url,
                published=parse_date(item.get("date_published") or item.get("date_modified")),
                author=_json_author(item) or default_author,
                text=text,
                site=site or _host(url),
                categories=tuple(t for t in (_text(tag) for tag in item.get("tags") or ()) if t),
                language=_primary_language(item.get("language")) or language,
            )
        )
    return entries


def _json_author(record: dict[str, Any]) -> str | None:
    """JSON Feed 1.1 `authors` list, or 1.0 `author` object."""
    authors = record.get("authors")
    if not isinstance(authors, list):
        authors = [record.get("author")]
    names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _primary_language(value: object) -> str | None:
    primary = _text(value)
    primary = primary.replace("_", "-").split("-")[0].lower() if primary else None
    return primary if primary and primary.isalpha() and 2 <= len(primary) <= 3 else None


def _text(value: object) -> str | None:
    """A stripped, whitespace-collapsed string; None for empty or non-text values."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _host(url: object) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None

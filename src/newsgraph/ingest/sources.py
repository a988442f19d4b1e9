"""Walk inputs (files, folders, `-` for stdin, .gz) and turn each into raw Articles or Rejected.

An input's own id is kept; otherwise the id is left empty and set from the clean text's hash later.
Nothing is dropped silently: whatever cannot be read becomes a `Rejected` with its reason.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.ingest.dates import parse_date
from newsgraph.ingest.decode import NotTextError, decode_bytes, looks_binary
from newsgraph.model import Article, Provenance, Rejected

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
FEED_SUFFIXES = {".rss", ".atom", ".rdf", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
SIDECAR_SUFFIX = ".meta.json"
MAX_INPUT_BYTES = 200 * 1024 * 1024  # a single input larger than this is refused, not read
# An HTML page larger than this, once scripts, styles and inline data are removed, is no news page
# (extraction time grows faster than linearly: an 18 MB page takes minutes).
MAX_HTML_CHARS = 5_000_000
_HEAVY_HTML = re.compile(
    r"<(script|style|svg)\b[^>]*>.*?</\1\s*>|data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]+",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Input:
    """One input's bytes and the name it came under (the path, `-`, or `path.gz`)."""

    name: str
    data: bytes
    meta: dict[str, object] | None = None


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Input | Rejected]:
    """Files under the paths, recursively, sorted; `-` is stdin; links out of a folder refused."""
    for raw in paths:
        if str(raw) == "-":
            yield Input("-", sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for child in sorted(path.rglob("*")):
                if child.is_symlink() and not _inside(child, root):
                    yield Rejected(str(child), "symlink outside input folder", str(child.resolve()))
                    continue
                if not child.is_file() or _hidden(child, path) or _companion(child):
                    continue
                yield _read_file(child)
        elif path.is_file():
            yield _read_file(path)
        else:
            yield Rejected(str(path), "not found", "no such file or folder")


# Files that travel with a folder of articles and are not articles: sidecars and documentation.
_DOCUMENTATION = frozenset({"readme", "license", "licence", "notice", "changelog", "copying"})


def _companion(child: Path) -> bool:
    if child.name.endswith(SIDECAR_SUFFIX):
        return True
    if child.name.split(".")[0].lower() in _DOCUMENTATION:
        log.info("%s: documentation beside the articles, not read", child)
        return True
    return False


def _inside(child: Path, root: Path) -> bool:
    try:
        child.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def _read_file(path: Path) -> Input | Rejected:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return Rejected(str(path), "too large", f"{size} bytes > {MAX_INPUT_BYTES}")
        data = path.read_bytes()
    except OSError as err:
        return Rejected(str(path), "unreadable", str(err))
    return Input(str(path), data, _sidecar(path))


def _sidecar(path: Path) -> dict[str, object] | None:
    """Metadata a plain file cannot carry, from `NAME.meta.json` beside it (or beside NAME.txt)."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                meta = json.loads(candidate.read_text("utf-8"))
            except (OSError, ValueError) as err:
                log.warning("%s: unreadable sidecar (%s)", candidate, err)
                return None
            return meta if isinstance(meta, dict) else None
    return None


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | Rejected]:
    """Every article (or rejection) found in the given paths."""
    for item in iter_inputs(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from parse_input(item)


def parse_input(item: Input) -> Iterator[Article | Rejected]:
    """Dispatch one input on its name and content: gzip, JSONL, feed, HTML or plain text."""
    name, data = item.name, item.data
    if name.endswith(".gz") or data[:2] == b"\x1f\x8b":
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            yield Rejected(name, "corrupt gzip", str(err))
            return
        inner_name = name[:-3] if name.endswith(".gz") else name + ".out"
        # Read as the inner file's kind, recorded under the name it came as: `a.txt.gz` beside
        # `a.txt` is another input.
        for outcome in parse_input(Input(inner_name, inner, item.meta)):
            yield _came_as(outcome, name)
        return
    if not data.strip():
        yield Rejected(name, "empty", "no content")
        return
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in JSONL_SUFFIXES:
        yield from _parse_jsonl(name, data)
        return
    if looks_binary(data):
        yield Rejected(name, "binary", "not a text, HTML, feed or JSONL file")
        return
    from newsgraph.ingest.feeds import looks_like_feed

    if suffix in FEED_SUFFIXES or looks_like_feed(data):
        yield from _parse_feed(name, data)
    elif suffix in HTML_SUFFIXES or _looks_like_html(data):
        yield _parse_html(name, data, item.meta)
    elif suffix == ".json":
        yield from _parse_jsonl(name, data)
    else:
        yield _parse_text(name, data, item.meta)


def _came_as(outcome: Article | Rejected, name: str) -> Article | Rejected:
    if isinstance(outcome, Rejected):
        return replace(outcome, source=name)
    return replace(outcome, provenance=replace(outcome.provenance, source=name))


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head


def _parse_text(name: str, data: bytes, meta: dict[str, object] | None) -> Article | Rejected:
    try:
        decoded = decode_bytes(data)
    except NotTextError as err:
        return Rejected(name, "not text", str(err))
    if not decoded.text.strip():
        return Rejected(name, "empty", "whitespace only")
    return _with_meta(Article(id="", raw_text=decoded.text, provenance=Provenance(name)), meta)


def _with_meta(article: Article, meta: dict[str, object] | None) -> Article:
    """Apply sidecar/JSONL metadata fields to a raw article."""
    if not meta:
        return article

    def text(key: str) -> str | None:
        value = meta.get(key)
        return str(value) if value not in (None, "") else None

    return replace(
        article,
        id=text("id") or article.id,
        title=text("title") or article.title,
        url=text("url") or article.url,
        site=text("site") or article.site,
        section=text("section") or article.section,
        author=text("author") or article.author,
        language=text("language") or article.language,
        published=parse_date(meta.get("published") or meta.get("date")) or article.published,
    )


def slim_html(html: str) -> str:
    """The page without scripts, styles, inline SVG and base64 data, which carry no article text."""
    return _HEAVY_HTML.sub("", html)


def _parse_html(name: str, data: bytes, meta: dict[str, object] | None) -> Article | Rejected:
    from newsgraph.ingest.html import decode_html, extract_html

    html = decode_html(data)
    slim = slim_html(html) if len(html) > MAX_HTML_CHARS else html
    if len(slim) > MAX_HTML_CHARS:
        detail = f"{len(slim):,} characters of markup and text, limit {MAX_HTML_CHARS:,}"
        return Rejected(name, "HTML page too large", detail)
    page = extract_html(slim, url=str(meta.get("url")) if meta and meta.get("url") else None)
    if page is None or not page.text.strip():
        return Rejected(name, "no main text", "HTML page without extractable article text")
    article = Article(
        id="",
        raw_text=page.text,
        html=html,
        provenance=Provenance(name),
        title=page.title,
        url=page.url,
        site=page.site,
        author=page.author,
        published=page.published,
        section=page.section,
        language=page.language,
    )
    return _with_meta(article, meta)


def _parse_feed(name: str, data: bytes) -> Iterator[Article | Rejected]:
    from newsgraph.ingest.feeds import FeedError, parse_feed

    try:
        entries = parse_feed(data, name)
    except FeedError as err:
        yield Rejected(name, "malformed feed", str(err))
        return
    if not entries:
        yield Rejected(name, "empty feed", "no entries")
    for number, entry in enumerate(entries):
        if not entry.text.strip():
            yield Rejected(name, "entry without text", entry.id or entry.url or "", record=number)
            continue
        yield Article(
            id=entry.id or "",
            raw_text=entry.text,
            provenance=Provenance(name, number),
            title=entry.title,
            url=entry.url,
            site=entry.site,
            author=entry.author,
            published=entry.published,
        )


def _parse_jsonl(name: str, data: bytes) -> Iterator[Article | Rejected]:
    try:
        text = decode_bytes(data).text
    except NotTextError as err:
        yield Rejected(name, "not text", str(err))
        return
    lines = text.splitlines()
    if name.endswith(".json") and text.lstrip().startswith("["):
        yield from _parse_json_array(name, text)
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            yield Rejected(name, "broken JSON line", f"line {number}: {err}", record=number)
            continue
        yield _record_article(name, number, record)


def _parse_json_array(name: str, text: str) -> Iterator[Article | Rejected]:
    try:
        records = json.loads(text)
    except ValueError as err:
        yield Rejected(name, "broken JSON", str(err))
        return
    for number, record in enumerate(records, start=1):
        yield _record_article(name, number, record)


def _record_article(name: str, number: int, record: object) -> Article | Rejected:
    """One JSONL record: `id`, `title`, `text` or `html`, `url`, `published` (or `date`)."""
    if not isinstance(record, dict):
        return Rejected(name, "record is not an object", f"line {number}", record=number)
    text = record.get("text")
    html = record.get("html")
    provenance = Provenance(name, number)
    if isinstance(text, str) and text.strip():
        article = Article(id="", raw_text=text, provenance=provenance)
    elif isinstance(html, str) and html.strip():
        from newsgraph.ingest.html import extract_html

        page = extract_html(
            html, url=record.get("url") if isinstance(record.get("url"), str) else None
        )
        if page is None or not page.text.strip():
            return Rejected(
                name, "no main text", f"line {number}: HTML without article text", number
            )
        article = Article(
            id="",
            raw_text=page.text,
            html=html,
            provenance=provenance,
            title=page.title,
            site=page.site,
            author=page.author,
            published=page.published,
            url=page.url,
        )
    else:
        return Rejected(name, "record without text", f"line {number}: no `text` or `html`", number)
    meta = {k: v for k, v in record.items() if k not in ("text", "html")}
    if "id" in meta and meta["id"] is not None:
        meta["id"] = str(meta["id"])
    return _with_meta(article, meta)

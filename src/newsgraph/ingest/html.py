"""Main text and metadata of an HTML news page: text by `main_text`, metadata by trafilatura.

How the main text is found, and the cross-validated figures behind each choice, are in
`newsgraph.ingest.main_text` and docs/evaluation/extract.md.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsgraph.ingest.main_text import extract_main_text, trafilatura_text

if TYPE_CHECKING:  # lxml and trafilatura load on first extraction, so importing ingest stays cheap.
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

log = logging.getLogger(__name__)

# Where to look for a declared charset: browsers read the first 1024 bytes; allow some slack.
_CHARSET_WINDOW = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# The WHATWG Encoding Standard decodes these labels as windows-1252, which fills 0x80-0x9F with
# the curly quotes and dashes that pages declared as Latin-1 actually contain.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"}
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Elements whose text is never reading text, and elements that end a paragraph.
_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title")
_BLOCKS = frozenset(
    {"p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "caption", "figure", "figcaption"}
    | {"section", "article", "aside", "header", "footer", "details", "summary"}
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Meta names and properties stating a page's section (Open Graph, Parse.ly, schema.org microdata).
_SECTION_KEYS = frozenset(
    {"article:section", "article.section", "section", "parsely-section", "articlesection"}
)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """A page's main text (paragraphs separated by a blank line) and what its metadata says."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    site: str | None = None  # the site's name, else the host name
    url: str | None = None
    section: str | None = None  # the first section the page declares
    categories: tuple[str, ...] = ()  # every section it declares, in order
    language: str | None = None  # primary subtag of the declared language, e.g. "en"


def extract_html(
    html: str | bytes, url: str | None = None, *, metadata: bool = True
) -> ExtractedPage | None:
    """Extract a page's main text and metadata; None (logged) when it has no extractable text.

    With `metadata=False` only `text` and `url` are filled: metadata takes about half the time.
    """
    if not isinstance(html, str | bytes):
        raise TypeError(f"extract_html expects str or bytes, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    text = decode_html(html) if isinstance(html, bytes) else html
    tree = parse_html(text)
    if tree is None:
        log.info("no HTML document in %s", url or "page")
        return None
    body = as_paragraphs(extract_main_text(tree, text, url).text)
    if not body:
        # Precision mode rejects link-dense blocks and can so reject a whole page; recall mode
        # then still finds the text. It never fires on aeb_dev: no cost where precision works.
        log.debug("precision pass found no text in %s; trying recall", url or "page")
        body = as_paragraphs(trafilatura_text(tree, url, fast=False, favor_precision=False))
    if not body:
        # libxml2 stops at 256 levels of nesting unless told otherwise, losing the rest of a
        # page whose unclosed tags nest deeper; only then is the page parsed again without limit.
        deep_tree = _parse_without_depth_limit(text)
        if deep_tree is not None:
            tree = deep_tree
            body = as_paragraphs(trafilatura_text(tree, url, fast=False))
    if not body:
        log.info("no extractable main text in %s", url or "page")
        return None
    if not metadata:
        return ExtractedPage(text=body, url=url)
    categories = declared_sections(tree)
    document = _metadata(tree, url)
    return ExtractedPage(
        text=body,
        title=_clean(document.title),
        author=_clean(document.author),
        published=_iso_date(document.date),
        site=_clean(document.sitename) or _clean(document.hostname) or _host(url),
        url=url or _clean(document.url),
        section=categories[0] if categories else None,
        categories=categories,
        language=declared_language(tree),
    )


def decode_html(data: bytes) -> str:
    """Decode page bytes: byte-order mark, valid UTF-8, declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    # Legacy-encoded text with non-ASCII bytes is practically never valid UTF-8, while saved
    # pages often keep a stale declaration after being re-encoded: valid UTF-8 wins.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        # A download cut off inside a multi-byte character is still a UTF-8 page.
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            return data[: err.start].decode("utf-8")
    declared = _declared_charset(data[:_CHARSET_WINDOW])
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            log.info("page declares %s but does not decode with it; detecting", declared)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    log.info("no encoding detected; decoding as windows-1252")
    return data.decode("cp1252", errors="replace")


def _declared_charset(head: bytes) -> str | None:
    """The Python codec name of the charset a page declares in a <meta> tag or XML declaration."""
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        log.info("unknown declared charset %r", label)
        return None


def declared_language(tree: HtmlElement) -> str | None:
    """A page's declared language (html lang, Content-Language, og:locale) as a primary subtag."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("name") or meta.get("property") or "").lower()
        if key in ("content-language", "language", "og:locale", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        primary = (value or "").strip().replace("_", "-").split("-")[0].split(",")[0].lower()
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    return None


def declared_sections(tree: HtmlElement) -> tuple[str, ...]:
    """The sections a page declares in its meta tags or JSON-LD `articleSection`, in order.

    trafilatura also guesses categories from links, which picks up site menus (a crash report
    filed under "Sport, Weather"), so only declarations count here.
    """
    values: list[str | None] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _SECTION_KEYS:
            values.append(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                values.extend(_json_ld_sections(json.loads(script.text)))
            except ValueError:
                log.debug("unreadable JSON-LD block")
    sections = (" ".join(v.split()) for v in values if v)
    return tuple(dict.fromkeys(s for s in sections if s))


def _json_ld_sections(node: object) -> Iterator[str]:
    """Every `articleSection` string in a JSON-LD document, nested objects and @graph included."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield from _strings(item.get("articleSection"))
            stack.extend(reversed(list(item.values())))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): paragraphs split by a blank line."""
    from lxml import etree, html

    parser = html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError) as err:
        log.info("unparsable HTML fragment (%s); keeping its raw text", err)
        return _paragraphs(fragment)
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    parts: list[str] = []
    # iterwalk instead of recursion: feed content can nest deeper than Python's recursion limit.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        is_block = element.tag in _BLOCKS
        if event == "start":
            if is_block:
                parts.append("\n\n")
            if element.text:
                parts.append(element.text)
        else:
            if is_block:
                parts.append("\n\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    return _paragraphs("".join(parts))


def _paragraphs(text: str) -> str:
    """Collapse whitespace inside paragraphs and join them with one blank line."""
    paragraphs = (" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def parse_html(text: str) -> HtmlElement | None:
    """trafilatura's parse of a page (its repairs included); None (logged) when it fails."""
    from lxml import etree
    from trafilatura import load_html

    try:
        return load_html(text)
    except (etree.LxmlError, ValueError) as err:
        log.info("HTML does not parse: %s", err)
        return None


def _parse_without_depth_limit(text: str) -> HtmlElement | None:
    from lxml import etree, html

    parser = html.HTMLParser(
        huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False
    )
    try:
        return html.document_fromstring(text, parser=parser)
    except (etree.LxmlError, ValueError) as err:
        log.info("HTML does not parse without depth limit: %s", err)
        return None


def _metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's metadata (title, author, site, date); htmldate's wide search if no date.

    htmldate's quick search (markup, URL) finds the same date as its wide one (which also reads
    the text) on 101 of the 103 aeb_dev pages and nothing on the other two, for which the wide
    search then runs: the dates are those of the wide search everywhere, in less time.
    """
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params

    document = extract_metadata(tree, default_url=url, date_config=set_date_params(False))
    if not document.date:
        document.date = find_date(tree, url=url, **set_date_params(extensive=True))
    return document


def as_paragraphs(text: str) -> str:
    """trafilatura's lines, whitespace collapsed, as paragraphs separated by a blank line."""
    paragraphs = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(p for p in paragraphs if p)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        log.debug("unreadable page date %r", value)
        return None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None

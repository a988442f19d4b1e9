"""Property-based tests of the parsers: whatever bytes arrive, they yield articles or rejections
with a reason, never an exception; cleaning keeps every offset inside the clean text."""

from __future__ import annotations

import contextlib
import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_article
from newsgraph.ingest.decode import NotTextError, decode_bytes
from newsgraph.ingest.feeds import FeedError, parse_feed
from newsgraph.ingest.html import extract_html
from newsgraph.ingest.sources import Input, parse_input
from newsgraph.model import Article, Provenance, Rejected

NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.xml", "a.jsonl", "a.json", "a.txt.gz", "a", "-", "a.rss", "a.pdf"]
)
MARKUP = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<body>",
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<rss>",
            "<item>",
            "<title>",
            "</title>",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&#0;",
            "<script>",
            "{",
            "}",
            '"text":',
            "\n",
            "\n\n",
            "Putin visited Baku.",
            "Share",
            "\x00",
            "é",
            "\ud7ff",
        ]
    ),
    max_size=40,
).map("".join)
BYTES = st.one_of(st.binary(max_size=2000), MARKUP.map(lambda s: s.encode("utf-8", "replace")))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(name=NAMES, data=BYTES)
def test_any_input_becomes_articles_or_rejections(name: str, data: bytes) -> None:
    for item in parse_input(Input(name, data)):
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Rejected):
            assert item.reason
            assert item.source


@FAST
@given(data=BYTES)
def test_gzip_of_anything_is_handled(data: bytes) -> None:
    items = list(parse_input(Input("x.txt.gz", gzip.compress(data))))
    assert all(isinstance(i, Article | Rejected) for i in items)


@FAST
@given(data=st.binary(max_size=2000))
def test_decoding_raises_only_not_text(data: bytes) -> None:
    with contextlib.suppress(NotTextError):
        assert isinstance(decode_bytes(data).text, str)


@FAST
@given(text=MARKUP)
def test_html_extraction_never_raises(text: str) -> None:
    page = extract_html(text)
    assert page is None or isinstance(page.text, str)


@FAST
@given(data=BYTES)
def test_feed_parsing_raises_only_feed_errors(data: bytes) -> None:
    try:
        entries = parse_feed(data, "f.xml")
    except FeedError:
        return
    assert all(isinstance(e.text, str) for e in entries)


@FAST
@given(text=st.text(max_size=600))
def test_cleaning_keeps_paragraph_offsets_inside_the_clean_text(text: str) -> None:
    cleaned = clean_article(Article(id="", raw_text=text, provenance=Provenance("p")))
    for p in cleaned.paragraphs:
        assert 0 <= p.start <= p.end <= len(cleaned.clean_text)
        assert "\n\n" not in cleaned.clean_text[p.start : p.end]
    assert "\x00" not in cleaned.clean_text

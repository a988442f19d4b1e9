import logging
from datetime import date
from pathlib import Path

import pytest

from newsgraph.ingest.feeds import FeedEntry, FeedError, looks_like_feed, parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(name: str) -> list[FeedEntry]:
    return parse_feed(read(name), name)


def test_rss_entries_take_the_full_text_of_content_encoded() -> None:
    entries = parse("content-encoded.rss")
    assert len(entries) == 7
    first = entries[0]
    assert first.id == "https://medium.com/p/125af37d838f"
    assert first.title == "THE CREATIVE FORAGER"
    assert first.url is not None and first.url.startswith("https://medium.com/invironment/")
    assert first.published == date(2018, 4, 9)
    assert first.author == "Jeremy Puma"
    assert first.site == "Food in Invironment on Medium"
    assert first.categories[:2] == ("plants", "environment")
    # content:encoded is the whole post: several paragraphs, no markup left.
    paragraphs = first.text.split("\n\n")
    assert len(paragraphs) > 5
    assert paragraphs[0] == "Using Wild Ingredients in the Kitchen"
    assert "<" not in first.text and "\n\n\n" not in first.text


def test_atom_entries_prefer_content_over_summary() -> None:
    entries = parse("heise.atom")
    assert len(entries) == 15
    first = entries[0]
    assert first.id == "http://heise.de/-3088438"
    assert first.title == "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei"
    assert first.published == date(2016, 2, 1)
    assert first.site == "heise developer neueste Meldungen"
    assert first.text.startswith("Die nun verfügbare Version 10 des Enterprise-Java-Servers")


def test_legacy_encoded_feed_is_decoded_and_entries_without_guid_use_their_link() -> None:
    entries = parse("encoding.rss")
    assert len(entries) == 40
    first = entries[0]
    assert first.title == "Mãe de utente é a nova presidente da Raríssimas"
    assert first.site == "Jornal de Notícias - Últimas Notícias"
    assert first.language == "pt"
    assert first.id == first.url
    assert first.text.startswith("Sónia Laygue, profissional na área")


def test_feed_given_as_text_ignores_its_stale_encoding_declaration() -> None:
    text = read("encoding.rss").decode("iso-8859-1")
    entries = parse_feed(text, "encoding.rss")
    assert entries[0].title == "Mãe de utente é a nova presidente da Raríssimas"


def test_an_html_page_is_not_a_feed() -> None:
    data = read("unrecognized.rss")
    assert not looks_like_feed(data)
    with pytest.raises(FeedError) as caught:
        parse_feed(data, "unrecognized.rss")
    assert "not a readable feed" in caught.value.reason


def test_feed_cut_before_its_first_item_raises_feed_error() -> None:
    data = read("content-encoded.rss")
    with pytest.raises(FeedError):
        parse_feed(data[: data.index(b"<item>")], "cut.rss")


def test_malformed_feed_with_entries_keeps_them_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsgraph.ingest.feeds"):
        entries = parse("InvalidDateFormat.xml")
    assert [e.title for e in entries] == [
        "Item 0 with an invalid date",
        "Item 1 with all valid dates",
    ]
    assert [e.published for e in entries] == [date(2017, 10, 16), date(2017, 10, 17)]
    assert any("malformed feed" in r.getMessage() for r in caplog.records)


def test_feed_cut_inside_an_item_keeps_the_complete_entries() -> None:
    data = read("content-encoded.rss")
    cut = data.index(b"<item>", data.index(b"<item>") + 1) + 200
    entries = parse_feed(data[:cut], "cut.rss")
    assert entries and entries[0].title == "THE CREATIVE FORAGER"


def test_escaped_markup_in_xhtml_content_stays_text() -> None:
    [entry] = parse("AtomEscapedHTMLInPreTag.xml")
    assert entry.text == "This is escaped html:\n\n<b>test<b>"
    assert entry.id is None and entry.url is None


def test_publication_day_is_the_publisher_day_not_utc() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Late news</title><link>https://news.example.org/late</link>"
        b"<pubDate>Mon, 01 Jan 2024 00:30:00 +0300</pubDate>"
        b"<description>Text.</description></item></channel></rss>"
    )
    [entry] = parse_feed(rss, "late.rss")
    assert entry.published == date(2024, 1, 1)  # UTC would make it 2023-12-31


def test_json_feed_items() -> None:
    entries = parse("newsgraph.json")
    assert len(entries) == 2  # the third item is not an object
    first, second = entries
    assert first.id == "wire-2024-0412"
    assert first.text == (
        "Negotiators resumed ceasefire talks in Doha on Friday, a mediator said.\n\n"
        "The delegations are expected to meet again next week."
    )
    assert first.published == date(2024, 4, 12)
    assert first.author == "Lina Haddad"
    assert first.categories == ("Middle East", "Diplomacy")
    assert first.site == "Newsgraph Test Wire"
    assert first.language == "en"
    assert second.id == "20240413"
    assert second.author == "Wire Desk"  # the feed's author when the item names none
    assert second.published == date(2024, 4, 13)
    assert second.text.split("\n\n") == [
        "Grain exports rose by a fifth in March.",
        "Traders expect the rise to continue.",
    ]


@pytest.mark.parametrize(
    "data",
    [b'{"version": "https://jsonfeed.org/version/1", "items": ', b'{"version": 1, "items": 3}'],
)
def test_broken_json_feed_raises_feed_error(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, "broken.json")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">', True),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf">', True),
        ('<?xml version="1.0"?><rss>'.encode("utf-16"), True),
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', True),
        (b'{"version": "https:\\/\\/jsonfeed.org\\/version\\/1.1", "items": []}', True),
        (b'{"id": 1, "text": "a JSON record, not a feed"}', False),
        (b"<!DOCTYPE html><html><head><script>var feed = '<feed>';</script>", False),
        (b"<feedback>not a feed</feedback>", False),
        (b"Plain text that mentions <rss> later.", False),
    ],
)
def test_looks_like_feed_sniffs_the_root(data: bytes, expected: bool) -> None:
    assert looks_like_feed(data) is expected


def test_fixture_feeds_are_recognised_whatever_their_name() -> None:
    for name in ("content-encoded.rss", "heise.atom", "encoding.rss", "newsgraph.json"):
        assert looks_like_feed(read(name)), name


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        looks_like_feed("<rss>")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_feed(None, "x")  # type: ignore[arg-type]

import gzip
import json
import logging
import re
from datetime import date
from pathlib import Path

import pytest

from newsgraph.evaluate.extract import score_page
from newsgraph.ingest.html import (
    ExtractedPage,
    declared_sections,
    decode_html,
    extract_html,
    html_fragment_to_text,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
META_CHARSET = re.compile(rb"<meta[^>]*charset[^>]*>", re.IGNORECASE)


def aeb_page(name: str) -> tuple[bytes, dict[str, str]]:
    html = gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes())
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text("utf-8"))
    return html, gold


def extract(data: bytes | str, url: str | None = None) -> ExtractedPage:
    page = extract_html(data, url=url)
    assert page is not None
    return page


def test_real_news_page_text_matches_the_benchmark_gold_body() -> None:
    html, gold = aeb_page("aeb_panarmenian")
    page = extract(html, url=gold["url"])
    score = score_page(gold["id"], gold["url"], gold["articleBody"], page.text)
    assert score.f1 > 0.95
    assert page.title == "Amnesty. More than 100 protesters killed in Iran unrest"
    assert page.published == date(2019, 11, 20)
    assert page.site == "PanARMENIAN.Net"
    assert page.url == gold["url"]


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    html, gold = aeb_page("aeb_aljazeera")
    text = extract(html).text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) > 5
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert paragraphs[0] == gold["articleBody"].split("\n\n")[0]


def test_site_menus_are_not_taken_for_the_page_section() -> None:
    html, _ = aeb_page("aeb_aljazeera")
    page = extract(html)
    assert page.site == "Al Jazeera"
    assert page.published == date(2019, 11, 20)
    assert page.section is None and page.categories == ()


def test_url_falls_back_to_the_page_canonical_url() -> None:
    html, gold = aeb_page("aeb_aljazeera")
    assert extract(html).url == gold["url"]


def test_truncated_download_still_yields_its_text() -> None:
    html, _ = aeb_page("aeb_aljazeera")
    cut = html.index(b"preliminary reports do not indicate")
    # Cut inside a multi-byte character, as a broken download would.
    page = extract(html[:cut] + "—".encode()[:2])
    assert page.text.startswith("Two United States service members have been killed")
    assert "\ufffd" not in page.text


def test_text_nested_deeper_than_libxml2_default_limit_is_found() -> None:
    paragraph = "<p>The minister said the talks would continue next week in the capital.</p>"
    deep = "<html><body>" + "<div>" * 400 + paragraph * 4 + "</div>" * 400 + "</body></html>"
    assert extract(deep).text.startswith("The minister said the talks would continue")


def test_malformed_html_raises_nothing() -> None:
    paragraph = "<p>The minister said the talks would continue next week in the capital.</p>"
    deep = "<html><body>" + "<div>" * 1500 + paragraph * 5 + "</div>" * 1500 + "</body></html>"
    unclosed = "<html><body><table><tr><td><p>" + paragraph * 5 + "<b><i><span"
    for html in (deep, unclosed, "<html><<<>>></html>", "<?xml version='1.0'?><html/>"):
        result = extract_html(html)
        assert result is None or isinstance(result, ExtractedPage)


def test_link_dense_text_is_recovered_by_the_recall_pass() -> None:
    # Precision mode drops a paragraph that is mostly links; the second pass keeps it.
    html = (
        "<html><body><div><p>Baku and <a href=/a>Yerevan</a> announced <a href=/b>on Monday</a>"
        " that <a href=/c>they are ready</a> to sign.</p></div></body></html>"
    )
    assert extract(html).text == "Baku and Yerevan announced on Monday that they are ready to sign."


def test_pages_without_main_text_return_none_with_a_logged_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    menu_only = "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav></body></html>"
    empty_pages = ["", "   ", "plain words, no markup", menu_only]
    with caplog.at_level(logging.INFO, logger="newsgraph.ingest.html"):
        for html in empty_pages:
            assert extract_html(html) is None
    assert len([r for r in caplog.records if r.name == "newsgraph.ingest.html"]) >= len(empty_pages)


@pytest.mark.parametrize("bad", [123, None, ["<html></html>"], bytearray(b"<html></html>")])
def test_wrong_input_type_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        extract_html(bad)  # type: ignore[arg-type]


def test_wrong_url_type_raises_type_error() -> None:
    with pytest.raises(TypeError):
        extract_html("<html></html>", url=b"https://x.test")  # type: ignore[arg-type]


def test_cp1251_page_decodes_by_its_declared_charset() -> None:
    page = extract((FIXTURES / "news_cp1251.html").read_bytes())
    assert "Министр иностранных дел заявил журналистам" in page.text
    assert page.title == "Переговоры в Женеве продолжатся на следующей неделе"
    assert page.author == "Анна Соколова"
    assert page.site == "Вестник Равнины"
    assert page.section == "Политика"
    assert page.published == date(2024, 3, 14)
    assert page.language == "ru"


def test_cp1251_page_without_declaration_is_detected() -> None:
    data = (FIXTURES / "news_cp1251.html").read_bytes()
    undeclared = META_CHARSET.sub(b"", data)
    assert undeclared != data
    assert extract(undeclared).text == extract(data).text


def test_wrong_utf8_declaration_falls_back_to_detection() -> None:
    data = (FIXTURES / "news_cp1251.html").read_bytes().replace(b"windows-1251", b"utf-8")
    assert "Министр иностранных дел" in extract(data).text


def test_site_navigation_and_footer_are_left_out() -> None:
    text = extract((FIXTURES / "news_cp1251.html").read_bytes()).text
    assert "Главная" not in text
    assert "Все права защищены" not in text


def test_latin1_label_decodes_as_windows_1252() -> None:
    page = extract((FIXTURES / "news_latin1.html").read_bytes())
    assert "une enveloppe d’aide destinée" in page.text  # U+2019 is byte 0x92 in windows-1252
    assert page.title == "Sommet de Bruxelles : accord sur l’aide aux réfugiés"
    assert page.language == "fr"
    assert page.published == date(2023, 11, 8)


def test_decode_html_tries_bom_then_utf8_then_the_declared_charset() -> None:
    text = "<p>Baku — Ереван</p>"
    assert decode_html(text.encode("utf-16")) == text  # Python writes the byte-order mark
    assert decode_html(text.encode("utf-8")) == text
    declared = b'<meta charset="koi8-r">' + "Ереван".encode("koi8_r")
    assert decode_html(declared).endswith("Ереван")


def test_sections_come_from_meta_tags_and_json_ld() -> None:
    from lxml import html

    tree = html.fromstring(
        "<html><head><meta property='article:section' content=' World  news '>"
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "articleSection": ["Europe", "World news"]}]}</script>'
        '<script type="application/ld+json">{broken</script></head><body></body></html>'
    )
    assert declared_sections(tree) == ("World news", "Europe")


def test_fragment_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = (
        "<p>First <b>bold</b> line.</p>Loose text<br><br>After break"
        "<script>var x = 1;</script><ul><li>One</li><li>Two</li></ul>&lt;b&gt;kept&lt;/b&gt;"
    )
    assert html_fragment_to_text(fragment) == (
        "First bold line.\n\nLoose text\n\nAfter break\n\nOne\n\nTwo\n\n<b>kept</b>"
    )


def test_fragment_to_text_survives_deep_nesting() -> None:
    fragment = "<div>" * 3000 + "deep text" + "</div>" * 3000
    assert html_fragment_to_text(fragment) in ("deep text", "")


def test_a_date_only_in_the_running_text_is_found_by_the_wide_search() -> None:
    # No date in the markup or URL: htmldate's quick search finds none, its wide one reads the
    # text; the wide search runs only when the quick one comes back empty.
    story = "<p>The minister said the talks would continue next week in the capital city.</p>"
    posted = "<p>Posted 14 March 2024, 10:12</p>"
    html = f"<html><body><article>{story * 3}{posted}</article></body></html>"
    assert extract(html).published == date(2024, 3, 14)

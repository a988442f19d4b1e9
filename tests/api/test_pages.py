"""Server-rendered pages over the sample store: content, highlights from offsets, escaping."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.model import Article, Provenance, Sentence
from newsgraph.query.search import rebuild_search_index
from newsgraph.store import Known, Store


def test_the_news_line_lists_the_latest_articles(client: TestClient) -> None:
    page = client.get("/").text
    assert page.index("Armenia condemns Azerbaijan") < page.index("Putin arrives in Baku")
    assert "2 articles" in page and "2 events" in page and "1 motive<" in page


def test_an_article_page_highlights_from_stored_offsets(client: TestClient) -> None:
    page = client.get("/articles/visit").text
    trigger = re.search(r'<span class="hl event" data-tip="([^"]*)"[^>]*>arrived</span>', page)
    assert trigger is not None
    assert "CAMEO 042" in trigger.group(1) and "Goldstein +1.9" in trigger.group(1)
    assert "rule verb:arrive-in" in trigger.group(1)
    assert re.search(
        r'<a href="/actors/person:aliyev" class="hl mention actor"[^>]*>Ilham Aliyev</a>', page
    )
    assert re.search(r'class="hl [^"]*motive-cause[^"]*"[^>]*>trade has grown<', page)
    assert re.search(r'class="hl [^"]*claim reported"', page)
    assert 'id="ev-ev-visit"' in page and 'href="#ev-ev-visit"' in page


def test_an_article_page_lists_its_sources(client: TestClient) -> None:
    page = client.get("/articles/visit").text
    card = page[page.index("<h2>Sources") :]
    assert "visit.txt" in card and "wire/visit-copy.txt" in card and "duplicate" in card
    assert "protest.txt" not in card


def test_pages_escape_stored_text(tmp_path: Path) -> None:
    text = "Hello <script>alert(1)</script> world."
    evil = Article(
        id="evil",
        raw_text=text,
        clean_text=text,
        provenance=Provenance("evil.txt"),
        title="<script>alert(1)</script>",
        sentences=(Sentence(0, 0, len(text), text),),
    )
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store.write_articles([(evil, Known("new"), "r", "c")], [])
    with TestClient(create_app(ServerConfig(db=db, warm_up=False))) as client:
        for path in ("/", "/articles/evil"):
            page = client.get(path).text
            assert "<script>alert(1)</script>" not in page
            assert "&lt;script&gt;" in page


def test_an_actor_page_shows_roles_relations_and_timeline(client: TestClient) -> None:
    page = client.get("/actors/person:putin").text
    assert "President of Russia" in page and "2012-05-07" in page
    assert 'class="bar coop"' in page and "Azerbaijan" in page
    assert page.count('class="coop"') == 2
    assert "The Russian president arrived in Baku on Sunday." in page


def test_the_actor_list_filters(client: TestClient) -> None:
    page = client.get("/actors", params={"q": "armen"}).text
    assert "/actors/country:ARM" in page and "/actors/person:putin" not in page


def test_the_graph_page_loads_the_vendored_library(client: TestClient) -> None:
    page = client.get("/graph").text
    assert '<script src="/static/vendor/cytoscape.min.js">' in page
    assert 'value="2024-08-18"' in page and 'value="2024-08-19"' in page
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200
    assert "https://" not in client.get("/static/graph.js").text


def test_the_graph_api_draws_actors_and_filters_by_time(client: TestClient) -> None:
    every = client.get("/api/graph").json()
    assert {n["id"] for n in every["nodes"]} >= {"person:putin", "country:ARM"}
    condemn = next(e for e in every["edges"] if e["source"] == "country:ARM")
    assert condemn["conflict"] == 1 and condemn["goldstein"] == -2.0
    later = client.get("/api/graph", params={"since": "2024-08-19"}).json()
    assert {n["id"] for n in later["nodes"]} == {"country:ARM", "country:AZE"}
    countries = client.get("/api/graph", params={"by_country": "true"}).json()
    assert {n["id"] for n in countries["nodes"]} == {"RUS", "AZE", "ARM"}


def test_search_page_and_api_rank_by_bm25(sample_db: Path) -> None:
    with Store(sample_db) as store:
        rebuild_search_index(store)
    with TestClient(create_app(ServerConfig(db=sample_db, warm_up=False))) as client:
        hits = client.get("/api/search", params={"q": "condemned allies"}).json()
        assert hits[0]["article_id"] == "protest"
        page = client.get("/search", params={"q": "condemned"}).text
        assert "Armenia condemns Azerbaijan" in page and "1 article " in page


def test_search_without_an_index_says_so(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "Baku"})
    assert response.status_code == 503 and "search index" in response.json()["detail"]


def test_error_pages_are_html(client: TestClient) -> None:
    response = client.get("/articles/missing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html") and "Not found" in response.text


def test_the_ask_page_quotes_its_evidence(client: TestClient) -> None:
    page = client.get("/ask", params={"q": "Why were the talks held?"}).text
    quote = "Reportedly, the talks were meant to strengthen ties because trade has grown."
    assert f"<blockquote>{quote}</blockquote>" in page
    assert 'href="/articles/visit"' in page

"""The web pages in a real browser over examples/: read the news, an article's marks, an actor,
the graph, a question with its cited reasons, a search. Covers ingest → store → serve → pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED_TITLE = "What prompted the unexpected visit"
SEED_QUESTION = "What prompted Putin's visit to Baku?"


def open_seed_article(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name=re.compile(SEED_TITLE)).click()
    page.wait_for_url(re.compile(r"/articles/"))


def test_the_news_line_shows_the_latest_articles(page: Any, shots: Path) -> None:
    page.goto("/")
    stories = page.locator(".newsline .story")
    assert stories.count() >= 10
    assert page.get_by_role("link", name=re.compile(SEED_TITLE)).count() == 1
    dates = [d for d in page.locator(".story time").evaluate_all("e => e.map(t => t.dateTime)")]
    assert dates == sorted(dates, reverse=True)  # newest first
    page.screenshot(path=shots / "news.png")


def test_an_article_shows_its_marks_with_codes_on_hover(page: Any, shots: Path) -> None:
    open_seed_article(page)
    assert page.locator("h1").inner_text().startswith(SEED_TITLE)
    stored = page.request.get("/api/articles/" + page.url.rsplit("/", 1)[-1]).json()
    assert len(stored["events"]) >= 1 and page.locator("#text .mention.actor").count() >= 5
    # Every stored fact is marked in the text, at its stored offsets.
    for prefix, facts in (("ev-", "events"), ("mo-", "motives"), ("cl-", "claims")):
        assert page.locator(f'#text a.anchor[id^="{prefix}"]').count() == len(stored[facts])
    event = page.locator("#text .event").first
    tip = event.get_attribute("data-tip") or ""
    assert re.search(r"CAMEO \d{3}", tip) and "Goldstein" in tip and "rule " in tip
    event.scroll_into_view_if_needed()
    event.hover()
    shown = event.evaluate("e => getComputedStyle(e, '::after').content")
    assert "CAMEO" in shown
    page.screenshot(path=shots / "article.png")
    page.locator('input[data-layer="events"]').uncheck()
    assert "hide-events" in (page.locator("#text").get_attribute("class") or "")


def test_clicking_an_actor_opens_its_page(page: Any, shots: Path) -> None:
    open_seed_article(page)
    putin = page.locator("#text a.mention.actor", has_text="Putin").first
    putin.click()
    page.wait_for_url(re.compile(r"/actors/"))
    assert "Putin" in page.locator("h1").inner_text()
    assert page.get_by_role("heading", name="Roles").is_visible()
    assert page.get_by_role("heading", name="Timeline").is_visible()
    assert page.locator(".timeline li").count() >= 1
    page.screenshot(path=shots / "actor.png", full_page=True)


def test_the_graph_draws_actors_and_filters_by_time(page: Any, shots: Path) -> None:
    page.goto("/graph")
    page.wait_for_function("Number(document.getElementById('graph').dataset.nodes) > 0")
    drawn = page.evaluate("window.newsgraphGraph.nodes().length")
    edges = page.evaluate("window.newsgraphGraph.edges().length")
    assert drawn >= 3 and edges >= 2
    page.wait_for_timeout(300)  # let the layout settle before the picture
    page.screenshot(path=shots / "graph.png")
    page.fill('input[name="since"]', "2100-01-01")
    page.fill('input[name="until"]', "2100-12-31")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_function("document.getElementById('graph').dataset.nodes === '0'")
    assert "No coded events" in page.locator("#graph-status").inner_text()


def test_asking_the_seed_question_shows_cited_reasons(page: Any, shots: Path) -> None:
    page.goto("/ask")
    page.get_by_role("textbox", name="Question").fill(SEED_QUESTION)
    page.get_by_role("button", name="Ask").click()
    page.wait_for_selector(".answers")
    answers = page.locator(".answer")
    assert answers.count() >= 3
    for n in range(answers.count()):
        answer = answers.nth(n)
        assert answer.locator(".answer-text").inner_text().strip()
        assert answer.locator("blockquote").count() >= 1  # the quoted sentence
        assert answer.locator("figcaption a[href^='/articles/']").count() >= 1  # its article
    page.screenshot(path=shots / "ask.png", full_page=True)
    answers.first.locator("figcaption a[href^='/articles/']").first.click()
    page.wait_for_url(re.compile(r"/articles/"))


def test_search_finds_the_seed_article(page: Any, shots: Path) -> None:
    page.goto("/search")
    page.get_by_role("textbox", name="Search words").fill("Baku visit")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector(".hits")
    assert page.locator(".hit").count() >= 1
    assert SEED_TITLE in page.locator(".hit h2").first.inner_text()
    page.screenshot(path=shots / "search.png")

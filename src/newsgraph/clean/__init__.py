"""Clean: paragraphs, repeats and page furniture removed; offsets refer to the clean text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace

from newsgraph.clean.boilerplate import PageLines, SiteBoilerplate, line_id, site_of, strip_edges
from newsgraph.clean.paragraphs import drop_repeats, normalise, split_paragraphs
from newsgraph.model import Article, Paragraph

__all__ = [
    "PageLines",
    "SiteBoilerplate",
    "clean_article",
    "content_hash",
    "learn_boilerplate",
    "page_lines",
    "raw_paragraphs",
]

MAX_TITLE_WORDS = 25
TITLE_SEARCH_PARAGRAPHS = 3


def raw_paragraphs(article: Article) -> list[str]:
    """The article's paragraphs before any removal."""
    return split_paragraphs(normalise(article.raw_text))


def page_lines(article: Article) -> PageLines:
    """The distinct lines a page shows under its site, before anything is removed."""
    return PageLines(site_of(article), frozenset(line_id(p) for p in raw_paragraphs(article)))


def learn_boilerplate(articles: Iterable[Article]) -> SiteBoilerplate:
    """Count lines per site across a set of raw articles (distinct pages only)."""
    learned = SiteBoilerplate()
    seen: set[PageLines] = set()
    for article in articles:
        page = page_lines(article)
        if page not in seen:
            seen.add(page)
            learned.observe(page)
    return learned


def content_hash(text: str) -> str:
    """A short stable hash of normalised text (case and spacing folded)."""
    folded = " ".join(text.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def clean_article(article: Article, site_lines: SiteBoilerplate | None = None) -> Article:
    """Clean text, paragraphs with offsets, section, title and (when none was given) the id."""
    paragraphs = drop_repeats(raw_paragraphs(article))
    if site_lines is not None:
        site = site_of(article)
        kept = [p for p in paragraphs if not site_lines.is_boilerplate(site, p)]
        paragraphs = kept or paragraphs
    edges = strip_edges(paragraphs)
    clean_text, spans = _join(edges.paragraphs)
    title = article.title or _headline(edges.paragraphs)
    return replace(
        article,
        id=article.id or content_hash(clean_text),
        clean_text=clean_text,
        paragraphs=tuple(spans),
        section=article.section or edges.section,
        title=title,
    )


def _join(paragraphs: list[str]) -> tuple[str, list[Paragraph]]:
    spans: list[Paragraph] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        spans.append(Paragraph(index, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _headline(paragraphs: list[str]) -> str | None:
    """A plain page's headline: an early one-sentence paragraph not ending in a full stop."""
    for paragraph in paragraphs[:TITLE_SEARCH_PARAGRAPHS]:
        text = paragraph.strip()
        if (
            len(text.split()) <= MAX_TITLE_WORDS
            and not text.endswith(".")
            and not _SENTENCE_BREAK.search(text)
        ):
            return text
    return None

"""Fixtures of the link tests: one shared Linker and hand-built articles with spaCy Docs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsgraph.link import Linker
from newsgraph.model import Article, Provenance, Sentence

ArticleFactory = Callable[..., Article]


@pytest.fixture(scope="session")
def linker() -> Linker:
    """The default linker, its resources loaded once for the session."""
    built = Linker()
    assert built.catalog.actors  # load now, not inside the first test's timing
    return built


@pytest.fixture(scope="session")
def blank_nlp() -> Any:
    import spacy

    return spacy.blank("en")


@pytest.fixture()
def make_article(blank_nlp: Any) -> ArticleFactory:
    """An article whose Doc has the given entities: [("Putin", "PERSON"), ...] (every
    occurrence of each string is labelled) and one sentence per '. '-separated stretch."""

    def build(
        text: str,
        entities: list[tuple[str, str]] = (),  # type: ignore[assignment]
        published: date | None = date(2024, 8, 18),
        article_id: str = "a1",
    ) -> Article:
        doc = blank_nlp(text)
        spans = []
        for surface, label in entities:
            for match in re.finditer(re.escape(surface), text):
                span = doc.char_span(match.start(), match.end(), label=label)
                assert span is not None, f"{surface!r} is not on token boundaries"
                spans.append(span)
        doc.ents = spans
        starts = [0] + [m.end() for m in re.finditer(r"(?<=[.?!])\s+", text)]
        sentences = tuple(
            Sentence(i, start, end, text[start:end])
            for i, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)], strict=True))
        )
        for token in doc:
            token.is_sent_start = token.idx in starts
        return Article(
            id=article_id,
            raw_text=text,
            provenance=Provenance("test"),
            clean_text=text,
            published=published,
            sentences=sentences,
            doc=doc,
        )

    return build

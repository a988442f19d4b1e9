"""Builders for the why-stage tests: a parsed Article from plain text, one paragraph a line."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsgraph.model import Article, Paragraph, Provenance

MakeArticle = Callable[[str], Article]


@pytest.fixture(scope="session")
def make_article(nlp: object) -> MakeArticle:
    """Parse a text into an Article with paragraphs, sentences and its Doc (no link or events)."""
    from newsgraph.annotate import Annotator

    def build(text: str) -> Article:
        paragraphs = tuple(
            Paragraph(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[^\n]+", text))
        )
        article = Article(
            id="t",
            raw_text=text,
            provenance=Provenance("test"),
            clean_text=text,
            paragraphs=paragraphs,
            language="en",
        )
        [annotated] = list(Annotator()([article]))
        return annotated

    return build

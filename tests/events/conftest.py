"""Articles for coder tests: real spaCy parse, hand-made actor and place mentions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsgraph.events import EventCoder
from newsgraph.model import Article, Mention, Provenance, Sentence

# (surface text, code, kind): a text given twice with one kind names its next occurrence.
MentionSpec = tuple[str, str, str]
ArticleFactory = Callable[..., Article]


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    """The event coder with its default resources (loaded once for the tests)."""
    return EventCoder()


@pytest.fixture()
def make_article(nlp: Any) -> ArticleFactory:
    """Parse a text and attach the given mentions, as the linker would."""

    def make(text: str, mentions: list[MentionSpec], published: date | None = None) -> Article:
        doc = nlp(text)
        sentences = tuple(
            Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
        )
        found = []
        after: dict[tuple[str, str], int] = {}  # the same text again means its next occurrence
        for surface, code, kind in mentions:
            start = text.index(surface, after.get((surface, kind), 0))
            after[(surface, kind)] = start + 1
            sentence = next(s.index for s in sentences if s.start <= start < s.end)
            country = code[:3] if kind == "place" else None
            found.append(
                Mention(
                    sentence,
                    start,
                    start + len(surface),
                    surface,
                    kind,  # type: ignore[arg-type]
                    code=code,
                    country=country,
                    resolved_by="test",
                )
            )
        return Article(
            id="t",
            raw_text=text,
            provenance=Provenance("test"),
            clean_text=text,
            published=published,
            sentences=sentences,
            mentions=tuple(found),
            doc=doc,
        )

    return make

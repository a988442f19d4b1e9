"""Annotate: sentences, tokens, entities and parse from spaCy, batched with nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsgraph.annotate.language import detect_language
from newsgraph.annotate.nlp import load_pipeline
from newsgraph.model import Article, Sentence

__all__ = ["Annotator", "detect_language", "load_pipeline"]


class Annotator:
    """A stage: runs spaCy over English articles in batches and records their sentences."""

    def __init__(self, model: str | None = None, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        nlp = load_pipeline(self.model)
        pending: list[Article] = []
        for article in articles:
            language = article.language or detect_language(article.clean_text)
            article = replace(article, language=language)
            if language.lower().startswith("en"):
                pending.append(article)
            else:
                yield article  # recorded with its language, not coded as English
            if len(pending) >= self.batch_size:
                yield from self._annotate(nlp, pending)
                pending = []
        if pending:
            yield from self._annotate(nlp, pending)

    def _annotate(self, nlp: object, batch: list[Article]) -> Iterator[Article]:
        docs = nlp.pipe([a.clean_text for a in batch], batch_size=self.batch_size)  # type: ignore[attr-defined]
        for article, doc in zip(batch, docs, strict=True):
            yield replace(article, doc=doc, sentences=tuple(sentences_of(article, doc)))


def sentences_of(article: Article, doc: object) -> Iterator[Sentence]:
    """The doc's sentences (whitespace trimmed) with their paragraph index."""
    paragraph = 0
    index = 0
    for sent in doc.sents:  # type: ignore[attr-defined]
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        while (
            paragraph + 1 < len(article.paragraphs)
            and article.paragraphs[paragraph + 1].start <= start
        ):
            paragraph += 1
        yield Sentence(index, start, start + len(text), text, paragraph)
        index += 1

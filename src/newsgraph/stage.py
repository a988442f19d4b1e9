"""The stage contract: a stage takes an iterator of Articles and yields them, enriched.

Stateless stages are plain functions; stateful ones (spaCy, dictionaries) are small classes that
load lazily on first use so that they pickle cheaply to worker processes and Ray actors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeAlias

from newsgraph.model import Article

Stage: TypeAlias = Callable[[Iterable[Article]], Iterator[Article]]


def per_article(fn: Callable[[Article], Article]) -> Stage:
    """Lift a one-article function into a stage."""

    def stage(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield fn(article)

    stage.__name__ = getattr(fn, "__name__", "stage")
    return stage


def chain(articles: Iterable[Article], stages: Iterable[Stage]) -> Iterator[Article]:
    """Run articles through stages in order, lazily."""
    stream: Iterable[Article] = articles
    for stage in stages:
        stream = stage(stream)
    yield from stream

"""Parsing only the sentences a stage can use loses nothing (CONVENTIONS.md).

The pipeline parses a sentence only when the event coder or the why-extractor could find
something in it (`Processor._needs_parse`). Over the seed article, the PLOVER dev sentences and
the bundled examples, that must give exactly the events, motives and claims found when every
sentence is parsed.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.annotate import is_parsed
from newsgraph.ingest import read_inputs
from newsgraph.model import Article, Provenance
from newsgraph.pipeline import Processor, clean_all, learn_memory

pytestmark = [pytest.mark.slow, pytest.mark.shared]

EXAMPLES = Path(__file__).parents[2] / "examples"


def _articles(shared_dir: Path) -> list[Article]:
    raw = [
        a
        for a in read_inputs([shared_dir / "seed" / "article.txt", EXAMPLES])
        if isinstance(a, Article)
    ]
    gold = shared_dir / "data" / "gold" / "events" / "plover_gsr_dev.jsonl"
    for number, line in enumerate(gold.read_text("utf-8").splitlines()):
        record = json.loads(line)
        raw.append(Article(record["id"], record["text"], Provenance(str(gold), number)))
    raw = [replace(a, published=a.published or date(2024, 8, 18)) for a in raw]
    cleaned, _ = clean_all(raw)
    return [a for a in cleaned if isinstance(a, Article)]


def _facts(article: Article) -> dict[str, Any]:
    return {"events": article.events, "motives": article.motives, "claims": article.claims}


@pytest.fixture(scope="module")
def runs(shared_dir: Path) -> tuple[list[Article], list[Article]]:
    articles = _articles(shared_dir)
    memory = learn_memory(articles)
    chosen = Processor(memory=memory, keep_docs=True).process(articles)
    everything = Processor(memory=memory, keep_docs=True, parse_all=True).process(articles)
    return [a for a in chosen if isinstance(a, Article)], [
        a for a in everything if isinstance(a, Article)
    ]


def test_selective_parsing_finds_what_parsing_everything_finds(
    runs: tuple[list[Article], list[Article]],
) -> None:
    chosen, everything = runs
    assert [a.id for a in chosen] == [a.id for a in everything]
    assert sum(len(a.events) for a in everything) > 100  # the comparison has something to compare
    for selective, full in zip(chosen, everything, strict=True):
        assert _facts(selective) == _facts(full), selective.id


def test_selective_parsing_skips_sentences(runs: tuple[list[Article], list[Article]]) -> None:
    chosen, everything = runs
    parsed = sum(is_parsed(s) for a in chosen if a.doc is not None for s in a.doc.sents)
    total = sum(1 for a in everything if a.doc is not None for _ in a.doc.sents)
    assert parsed < total

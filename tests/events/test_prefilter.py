"""The parse-free prefilter never drops a sentence that carries an event (seed + PLOVER dev).

Selective parsing (a later stage parses only sentences that pass `may_have_event(text)`) must
find the same events as parsing everything: every sentence with a coded event passes the filter.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.events import EventCoder
from newsgraph.model import Article

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _missed(coder: EventCoder, article: Article) -> list[str]:
    with_events = {e.sentence for e in article.events}
    return [
        s.text
        for s in article.sentences
        if s.index in with_events and not coder.may_have_event(s.text)
    ]


def test_seed_sentences_with_events_pass_the_prefilter(shared_dir: Path) -> None:
    from newsgraph import process

    text = (shared_dir / "seed" / "article.txt").read_text("utf-8")
    [article] = process([text], published=date(2024, 8, 18))
    assert article.events
    assert _missed(EventCoder(), article) == []


def test_plover_dev_sentences_with_events_pass_the_prefilter(shared_dir: Path) -> None:
    from newsgraph.evaluate.events import spacy_article_builder

    build = spacy_article_builder()
    coder = EventCoder()
    path = shared_dir / "data" / "gold" / "events" / "plover_gsr_dev.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    missed = []
    for record in records:
        missed += _missed(coder, coder.code(build(record["id"], record["text"])))
    assert missed == []
    # And the filter filters: not every sentence passes.
    assert not coder.may_have_event("The weather in the capital was mild and sunny.")

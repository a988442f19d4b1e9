"""The run's ledger: one outcome per input item, in input order, copies naming their article."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.model import Article, Provenance, Rejected
from newsgraph.run.ledger import Ledger, raw_hash


def raw(source: str, text: str, record: int | None = None) -> Article:
    return Article(id="", raw_text=text, provenance=Provenance(source, record))


def test_each_item_gets_its_outcome_in_input_order() -> None:
    ledger = Ledger()
    first, copy, bad, line = (
        raw("a.txt", "Text."),
        raw("b.txt", "Text."),
        Rejected("c.txt", "empty", "no content"),
        raw("d.jsonl", "Other.", 3),
    )
    for item in (first, copy, bad, line):
        ledger.read(item)
    # Outcomes arrive out of order, as they do in a run: rejections come last.
    ledger.duplicate(copy, None, "same input as one read before it")
    ledger.stored(replace(line, id="d3"), 2)
    ledger.stored(replace(first, id="t1"), 1)
    ledger.quarantined(bad)
    items = ledger.items()
    assert [(i.source, i.item, i.outcome) for i in items] == [
        ("a.txt", None, "stored"),
        ("b.txt", None, "duplicate"),
        ("c.txt", None, "quarantined"),
        ("d.jsonl", 3, "new_version"),
    ]
    assert items[1].article_id == "t1"  # found by raw hash: the article its first copy became
    assert items[0].raw_hash == items[1].raw_hash == raw_hash(first)
    assert items[2].reason == "empty" and items[2].raw_hash is None
    assert items[3].version == 2 and items[3].reason == "version 2 of d3"


def test_a_copy_of_a_quarantined_input_names_no_article() -> None:
    ledger = Ledger()
    first, copy = raw("a.txt", "Text."), raw("b.txt", "Text.")
    ledger.read(first)
    ledger.read(copy)
    ledger.duplicate(copy, None, "same input as one read before it")
    ledger.quarantined(Rejected("a.txt", "stage link failed"))
    assert [(i.outcome, i.article_id) for i in ledger.items()] == [
        ("quarantined", None),
        ("duplicate", None),
    ]


def test_the_same_path_given_twice_is_two_items() -> None:
    ledger = Ledger()
    item = raw("a.txt", "Text.")
    ledger.read(item)
    ledger.read(item)
    ledger.stored(replace(item, id="t1"), 1)
    ledger.duplicate(item, "t1", "same input as one read before it")
    assert [i.outcome for i in ledger.items()] == ["stored", "duplicate"]
    assert len(ledger) == 2


def test_an_item_left_without_outcome_is_kept_and_named(caplog: pytest.LogCaptureFixture) -> None:
    ledger = Ledger()
    ledger.read(raw("a.txt", "Text."))
    [item] = ledger.items()
    assert (item.source, item.outcome, item.reason) == (
        "a.txt",
        "quarantined",
        "no outcome recorded",
    )
    assert "no outcome recorded" in caplog.text

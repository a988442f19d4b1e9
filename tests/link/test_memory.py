"""Corpus actor memory: learned from all texts, order-free, mergeable, stored as rows."""

from __future__ import annotations

import itertools
import pickle
from datetime import date

from newsgraph.link import ActorMemory, Linker, learn_memory
from newsgraph.link.memory import MEMORY_COLUMNS, MemoryEntry

TEXTS = [
    ("a1", "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met the envoy.", date(2015, 6, 12)),
    ("a2", "Khalafov said talks went well.", date(2015, 6, 13)),
    ("a3", "Georgian Defence Minister Tina Beridze visited.", None),
]


def test_memory_learns_titled_persons_with_their_evidence(linker: Linker) -> None:
    memory = learn_memory(TEXTS, linker)
    entry = memory.lookup(("khalaf", "khalafov"))
    assert entry is not None
    assert (entry.code, entry.role, entry.country) == ("AZEGOV", "Deputy Foreign Minister", "AZE")
    assert TEXTS[0][1][entry.start : entry.end].endswith("Khalaf Khalafov")
    assert memory.lookup(("khalafov",)) == entry  # a unique surname


def test_known_persons_are_not_remembered(linker: Linker) -> None:
    memory = learn_memory([("b", "Russian President Vladimir Putin spoke.", None)], linker)
    assert len(memory) == 0


def test_memory_does_not_depend_on_input_order(linker: Linker) -> None:
    learned = {learn_memory(order, linker) for order in itertools.permutations(TEXTS)}
    assert len(learned) == 1


def test_memory_merges_and_round_trips_through_rows(linker: Linker) -> None:
    first = learn_memory(TEXTS[:1], linker)
    second = learn_memory(TEXTS[2:], linker)
    merged = first.merge(second)
    assert merged == learn_memory(TEXTS, linker)
    rows = merged.to_rows()
    assert set(rows[0]) == set(MEMORY_COLUMNS)
    assert ActorMemory.from_rows(rows) == merged
    as_strings = [
        {**r, "published": r["published"].isoformat() if r["published"] else None} for r in rows
    ]
    assert ActorMemory.from_rows(as_strings) == merged
    assert pickle.loads(pickle.dumps(merged)) == merged


def test_linking_uses_memory_for_names_met_elsewhere(linker: Linker, make_article: object) -> None:
    memory = learn_memory(TEXTS, linker)
    article = make_article("Khalafov said talks went well.", published=date(2015, 6, 13))  # type: ignore[operator]
    found = [m for m in linker.link(article, memory).mentions if m.text == "Khalafov"]
    assert found and found[0].code == "AZEGOV" and found[0].resolved_by == "memory"
    assert found[0].role == "Deputy Foreign Minister"
    without = [m for m in linker.link(article).mentions if m.text == "Khalafov"]
    assert not without or without[0].actor_id is None


def test_memory_prefers_the_latest_evidence_before_the_day() -> None:
    early = MemoryEntry("Ann Lee", "FOO", "FOOMIL", "General", "x", 0, 5, date(2010, 1, 1))
    late = MemoryEntry("Ann Lee", "FOO", "FOOGOV", "Minister", "y", 0, 5, date(2020, 1, 1))
    memory = ActorMemory([late, early])
    assert memory.lookup(("ann", "lee"), date(2015, 1, 1)) == early
    assert memory.lookup(("ann", "lee"), date(2021, 1, 1)) == late
    assert memory.lookup(("ann", "lee"), date(2000, 1, 1)) == early
    assert memory.lookup(("ann", "lee")) == late


def test_a_scan_kept_by_the_memory_pass_serves_one_link(make_article: object) -> None:
    text = "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met Iran's envoy in Baku."
    article = make_article(text, published=date(2015, 6, 12))  # type: ignore[operator]
    keeping = Linker()
    memory = learn_memory([("a1", text, date(2015, 6, 12))], keeping)
    assert list(keeping._pending) == [text]
    kept = keeping.link(article, memory).mentions
    assert not keeping._pending  # used up: a second link scans afresh
    assert kept == Linker().link(article, memory).mentions == keeping.link(article, memory).mentions

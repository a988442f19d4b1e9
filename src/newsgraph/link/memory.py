"""Corpus actor memory: persons met once with a title and a country, known in other articles.

"Azerbaijani Deputy Foreign Minister Khalaf Khalafov" in one article teaches that Khalaf
Khalafov is AZEGOV, Deputy Foreign Minister; a later "Khalafov said" is then linked. The memory is
learned from the whole input set (and the store) before any article is linked, so results do not
depend on input order; every entry keeps the evidence that taught it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from newsgraph.dictionaries.words import norms
from newsgraph.link.resources import slug
from newsgraph.model import Actor, Role

if TYPE_CHECKING:
    from newsgraph.link.linker import Linker

MEMORY_COLUMNS = (
    "name",
    "country",
    "code",
    "role",
    "article_id",
    "start",
    "end",
    "published",
)


@dataclass(frozen=True, slots=True)
class MemoryEntry:
    """One piece of evidence: in article `article_id`, text[start:end] named this person."""

    name: str
    country: str
    code: str
    role: str
    article_id: str
    start: int
    end: int
    published: date | None = None

    @property
    def actor_id(self) -> str:
        return f"person:{slug(self.name)}"

    def sort_key(self) -> tuple[str, date, str, int]:
        return (self.name, self.published or date.min, self.article_id, self.start)


class ActorMemory:
    """An immutable, mergeable set of memory entries with lookups by name and surname."""

    __slots__ = ("_by_name", "_by_surname", "entries")

    def __init__(self, entries: Iterable[MemoryEntry] = ()) -> None:
        self.entries: tuple[MemoryEntry, ...] = tuple(
            sorted(set(entries), key=MemoryEntry.sort_key)
        )
        by_name: dict[tuple[str, ...], list[MemoryEntry]] = defaultdict(list)
        for entry in self.entries:
            by_name[norms(entry.name)].append(entry)
        surnames: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for words in by_name:
            if len(words) > 1:
                surnames[words[-1]].add(words)
        self._by_name = dict(by_name)
        # A bare surname counts only when one remembered person bears it.
        self._by_surname = {s: next(iter(n)) for s, n in surnames.items() if len(n) == 1}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[MemoryEntry]:
        return iter(self.entries)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ActorMemory) and self.entries == other.entries

    def __hash__(self) -> int:
        return hash(self.entries)

    def __repr__(self) -> str:
        return f"ActorMemory({len(self.entries)} entries, {len(self._by_name)} persons)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (ActorMemory, (self.entries,))

    def merge(self, other: ActorMemory) -> ActorMemory:
        """Memory holding the evidence of both (e.g. the store's and the new texts')."""
        return ActorMemory((*self.entries, *other.entries))

    def names(self) -> Iterator[tuple[str, ...]]:
        """Normalised full names of the remembered persons."""
        return iter(self._by_name)

    def lookup(self, words: tuple[str, ...], day: date | None = None) -> MemoryEntry | None:
        """The entry for a full name or a unique surname, as known on `day`.

        Prefers the latest evidence published on or before the day; otherwise the earliest.
        """
        entries = self._by_name.get(words)
        if entries is None and len(words) == 1 and words[0] in self._by_surname:
            entries = self._by_name[self._by_surname[words[0]]]
        if not entries:
            return None
        if day is not None:
            before = [e for e in entries if e.published is not None and e.published <= day]
            if before:
                return max(before, key=MemoryEntry.sort_key)
            return min(entries, key=MemoryEntry.sort_key)
        return max(entries, key=MemoryEntry.sort_key)

    def actor(self, entry: MemoryEntry) -> Actor:
        """The canonical actor of a remembered person, with every role the memory knows."""
        roles = {
            Role(e.role, e.code) for e in self._by_name.get(norms(entry.name), [entry]) if e.role
        }
        return Actor(
            id=entry.actor_id,
            name=entry.name,
            code=entry.code,
            kind="person",
            roles=tuple(sorted(roles, key=lambda r: (r.title, r.code))),
            country=entry.country or None,
            source=f"memory:{entry.article_id}:{entry.start}-{entry.end}",
        )

    def to_rows(self, article_ids: Collection[str] | None = None) -> list[dict[str, Any]]:
        """Rows for the store's `actor_memory` table (columns: MEMORY_COLUMNS); with
        `article_ids`, only the evidence those articles gave."""
        return [
            {
                "name": e.name,
                "country": e.country,
                "code": e.code,
                "role": e.role,
                "article_id": e.article_id,
                "start": e.start,
                "end": e.end,
                "published": e.published,
            }
            for e in self.entries
            if article_ids is None or e.article_id in article_ids
        ]

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> ActorMemory:
        """Memory from store rows (published may be a date, an ISO string or None)."""
        entries = []
        for row in rows:
            published = row.get("published")
            if isinstance(published, str):
                published = date.fromisoformat(published[:10]) if published else None
            entries.append(
                MemoryEntry(
                    name=str(row["name"]),
                    country=str(row["country"] or ""),
                    code=str(row["code"] or ""),
                    role=str(row["role"] or ""),
                    article_id=str(row["article_id"]),
                    start=int(row["start"]),
                    end=int(row["end"]),
                    published=published,
                )
            )
        return cls(entries)


def learn_memory(
    texts: Iterable[tuple[str, str, date | None]], linker: Linker | None = None
) -> ActorMemory:
    """Learn persons from (article_id, clean_text, published) triples; no spaCy needed.

    Only persons the dictionaries do not already know are remembered, each with the title,
    country and code its evidence gave. A given `linker` keeps each text's dictionary scan for
    when it links the same text.
    """
    from newsgraph.link.linker import Linker

    active = linker or Linker()
    entries = []
    for article_id, text, published in texts:
        entries.extend(active.role_evidence(article_id, text, published, linker is not None))
    return ActorMemory(entries)

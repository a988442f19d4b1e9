"""Every input item of a run and what became of it: stored, a duplicate, a new version, quarantined.

Both engines feed one `Ledger` from the same places (reading, planning, writing, the run's
rejections), so the `sources` table is the same whichever engine ran. An item is keyed by its
source and record number; an outcome claims the oldest item of that key still waiting for one.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from dataclasses import replace

from newsgraph.model import Article, Outcome, Rejected, SourceItem

Key = tuple[str, int | None]
log = logging.getLogger(__name__)


def raw_hash(article: Article) -> str:
    """The identity of an input as given (its own id and raw text): unchanged input is skipped."""
    return hashlib.sha256(f"{article.id}\x00{article.raw_text}".encode()).hexdigest()[:16]


class Ledger:
    """The run's items in input order, each with its outcome once known."""

    __slots__ = ("_hashes", "_items", "_waiting")

    def __init__(self) -> None:
        self._items: list[SourceItem | None] = []  # by position in the input; None: no outcome yet
        self._hashes: list[str | None] = []
        self._waiting: dict[Key, deque[int]] = {}

    def read(self, item: Article | Rejected) -> None:
        """An item as read from the inputs, waiting for its outcome (a rejection's comes with the
        run's other rejections)."""
        if isinstance(item, Rejected):
            self._place(item.source, item.record, None)
            return
        self._place(item.provenance.source, item.provenance.record, raw_hash(item))

    def _place(self, source: str, record: int | None, digest: str | None) -> None:
        self._waiting.setdefault((source, record), deque()).append(len(self._items))
        self._items.append(None)
        self._hashes.append(digest)

    def _claim(self, source: str, record: int | None) -> int:
        """The position of the oldest item of this key without an outcome (a new one if none)."""
        waiting = self._waiting.get((source, record))
        if not waiting:
            self._place(source, record, None)
            waiting = self._waiting[(source, record)]
        return waiting.popleft()

    def _set(self, article: Article, outcome: SourceItem) -> None:
        position = self._claim(article.provenance.source, article.provenance.record)
        self._items[position] = replace(outcome, raw_hash=self._hashes[position])

    def stored(self, article: Article, version: int) -> None:
        """Written to the store: a new article, or a new version of a known id."""
        outcome: Outcome = "new_version" if version > 1 else "stored"
        reason = f"version {version} of {article.id}" if version > 1 else None
        self._set(article, self._item(article, outcome, article.id, version, reason))

    def duplicate(self, article: Article, of: str | None, reason: str) -> None:
        """Nothing new: `of` is the article that already carries it (None: found by raw hash
        later in this run, filled in by `items`)."""
        self._set(article, self._item(article, "duplicate", of, None, reason))

    def quarantined(self, rejected: Rejected) -> None:
        position = self._claim(rejected.source, rejected.record)
        self._items[position] = SourceItem(
            rejected.source,
            rejected.record,
            self._hashes[position],
            "quarantined",
            reason=rejected.reason,
        )

    @staticmethod
    def _item(
        article: Article, outcome: Outcome, of: str | None, version: int | None, reason: str | None
    ) -> SourceItem:
        provenance = article.provenance
        return SourceItem(provenance.source, provenance.record, None, outcome, of, version, reason)

    def items(self) -> list[SourceItem]:
        """Every item with an outcome, in input order; a copy of an input seen earlier in the run
        names the article that input became (none if it was quarantined)."""
        carried = {
            item.raw_hash: item.article_id
            for item in self._items
            if item is not None and item.raw_hash and item.article_id
        }
        done = [self._unresolved(n) if item is None else item for n, item in enumerate(self._items)]
        return [
            replace(item, article_id=carried.get(item.raw_hash))
            if item.article_id is None and item.raw_hash and item.outcome == "duplicate"
            else item
            for item in done
        ]

    def _unresolved(self, position: int) -> SourceItem:
        """An item no stage gave an outcome: a defect, kept visible rather than dropped."""
        source, record = next(k for k, w in self._waiting.items() if position in w)
        log.warning("%s (record %s): no outcome recorded", source, record)
        return SourceItem(
            source, record, self._hashes[position], "quarantined", reason="no outcome recorded"
        )

    def __len__(self) -> int:
        return len(self._items)

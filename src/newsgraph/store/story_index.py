"""The stories' tables: the persisted MinHash LSH index (band buckets per article) and placements.

`newsgraph.query.stories` computes signatures and groups; this module only reads and writes rows,
so that an ingest touches the articles it brings and the stories they join, not the whole store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.store.store import Store

BandRow = tuple[str, str, int, int]  # article_id, pass ("copy" or "story"), band, bucket


@dataclass(frozen=True, slots=True)
class StoryText:
    """A current article's id, version, title-and-text and publication day."""

    id: str
    version: int
    text: str
    published: date | None


def _texts(store: Store, where: str, params: Sequence[Any]) -> list[StoryText]:
    rows = store.con.execute(
        "SELECT a.id, a.version, coalesce(a.title, '') || '\n\n' || a.clean_text, a.published"
        f" FROM articles a WHERE a.is_current AND {where} ORDER BY a.id",
        list(params),
    ).fetchall()
    return [StoryText(*row) for row in rows]


def unindexed(store: Store) -> list[StoryText]:
    """Current articles whose current version is not yet in the index (new or changed)."""
    return _texts(
        store,
        "NOT EXISTS (SELECT 1 FROM story_indexed i WHERE i.article_id = a.id"
        " AND i.version = a.version)",
        [],
    )


def texts_of(store: Store, article_ids: Sequence[str]) -> list[StoryText]:
    """The current articles among `article_ids`."""
    return _texts(store, "a.id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)])


def matching(
    store: Store, article_ids: Sequence[str], pass_: str, window_days: int | None
) -> set[tuple[str, str]]:
    """(indexed id among `article_ids`, other indexed id) pairs sharing a bucket of `pass_`;
    with `window_days`, only pairs published that close together (or either day unknown)."""
    window = (
        ""
        if window_days is None
        else " AND (n.published IS NULL OR o.published IS NULL"
        f" OR abs(date_diff('day', n.published, o.published)) <= {int(window_days)})"
    )
    found = store.con.execute(
        f"""
        SELECT DISTINCT x.article_id, b.article_id FROM story_bands x
        JOIN story_bands b ON b.pass = x.pass AND b.band = x.band AND b.bucket = x.bucket
        JOIN story_indexed n ON n.article_id = x.article_id
        JOIN story_indexed o ON o.article_id = b.article_id
        WHERE x.pass = ? AND x.article_id IN (SELECT unnest(?::VARCHAR[]))
          AND b.article_id <> x.article_id{window}""",
        [pass_, list(article_ids)],
    ).fetchall()
    return {(a, b) for a, b in found}


def story_members(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Every article placed in a story that holds one of `article_ids`."""
    rows = store.con.execute(
        "SELECT article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
        [list(article_ids)],
    ).fetchall()
    return {r[0] for r in rows}


def copies_among(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Those of `article_ids` stored as a near-copy of another article."""
    rows = store.con.execute(
        "SELECT article_id FROM stories WHERE duplicate_of IS NOT NULL"
        " AND article_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    ).fetchall()
    return {r[0] for r in rows}


def save_index(store: Store, indexed: Sequence[StoryText], bands: Sequence[BandRow]) -> None:
    """Replace the index rows of `indexed` articles by `bands` (inside the caller's transaction)."""
    ids = [t.id for t in indexed]
    store.con.execute("DELETE FROM story_bands WHERE article_id IN (SELECT unnest(?))", [ids])
    store.con.execute("DELETE FROM story_indexed WHERE article_id IN (SELECT unnest(?))", [ids])
    if not ids:
        return
    store.con.execute(
        "INSERT INTO story_indexed SELECT unnest(?), unnest(?), unnest(?::DATE[])",
        [ids, [t.version for t in indexed], [t.published for t in indexed]],
    )
    if bands:
        store.con.execute(
            "INSERT INTO story_bands SELECT unnest(?), unnest(?), unnest(?), unnest(?)",
            [
                [b[0] for b in bands],
                [b[1] for b in bands],
                [b[2] for b in bands],
                [b[3] for b in bands],
            ],
        )


def save_placements(
    store: Store,
    replaced: Sequence[str],
    placements: Sequence[tuple[str, str, str | None, float | None]],
) -> None:
    """Replace the story rows of `replaced` articles by `placements` (article, story, copy of,
    similarity), inside the caller's transaction."""
    store.con.execute(
        "DELETE FROM stories WHERE article_id IN (SELECT unnest(?))", [list(replaced)]
    )
    if placements:
        store.con.execute(
            "INSERT INTO stories SELECT unnest(?), unnest(?), unnest(?), unnest(?::DOUBLE[])",
            [[p[i] for p in placements] for i in range(4)],
        )


def clear(store: Store) -> None:
    """Forget every story and the index (inside the caller's transaction): a full recompute."""
    for table in ("stories", "story_bands", "story_indexed"):
        store.con.execute(f"DELETE FROM {table}")


def story_count(store: Store) -> int:
    row = store.con.execute("SELECT count(DISTINCT story_id) FROM stories").fetchone()
    return int(row[0]) if row else 0

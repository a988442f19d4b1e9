"""The query package's tables: search copies for the FTS index, and stories.

Numbered like the store's own migrations (10 and up) and appended to
`newsgraph.store.migrations.MIGRATIONS`, so they run once, in order, recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _m010_search(con: Any) -> None:
    # DuckDB's FTS index needs one unique key column; articles are keyed by (id, version) and
    # sentences by (article_id, idx), so the index is built over these current-only copies.
    con.execute("""
        CREATE TABLE IF NOT EXISTS search_articles (
            id VARCHAR PRIMARY KEY, version INTEGER NOT NULL, title VARCHAR, body VARCHAR)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS search_sentences (
            key VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            text VARCHAR)""")


def _m011_stories(con: Any) -> None:
    # One row per current article: its story, and the article it is a near-copy of (if any).
    con.execute("""
        CREATE TABLE IF NOT EXISTS stories (
            article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, duplicate_of VARCHAR,
            similarity DOUBLE)""")
    con.execute("CREATE INDEX IF NOT EXISTS stories_story ON stories (story_id)")


QUERY_MIGRATIONS: list[tuple[int, str, Callable[[Any], None]]] = [
    (10, "full-text search copies of current articles and sentences", _m010_search),
    (11, "stories: articles grouped by happening, near-copies marked", _m011_stories),
]

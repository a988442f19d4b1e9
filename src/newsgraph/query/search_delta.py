"""Articles stored since the full-text index was built, searched beside it with the same BM25.

DuckDB's FTS extension can only rebuild an index, at a cost that grows with the store (measured in
docs/scaling.md). So an ingest adds its articles to `search_delta`, tokenised as the index
tokenises (its own `tokenize` macro, stopword list and Porter stemmer), and a search scores them
with the index's BM25 (k1 = 1.2, b = 0.75) and its statistics (document count, mean length,
document frequencies) — the scores the index would give if those statistics had not moved. When
the delta reaches `REBUILD_SHARE` of the index, the index is rebuilt and the delta emptied: each
article is then indexed a bounded number of times on average, whatever the store's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from newsgraph.store import Store

Kind = Literal["article", "sentence"]
REBUILD_SHARE = 0.1
INDEX_OF = {"article": "fts_main_search_articles", "sentence": "fts_main_search_sentences"}
K1, B = 1.2, 0.75  # match_bm25's defaults

# The text each kind indexes, per current article: (key, article_id, idx, text).
_SOURCES = {
    "article": "SELECT a.id AS key, a.id AS article_id, NULL::INTEGER AS idx,"
    " coalesce(a.title, '') || ' ' || coalesce(a.clean_text, '') AS text, a.version"
    " FROM articles a WHERE a.is_current AND a.id IN (SELECT unnest(?::VARCHAR[]))",
    "sentence": "SELECT s.article_id || ':' || s.idx AS key, s.article_id, s.idx, s.text, a.version"
    " FROM sentences s JOIN articles a ON a.id = s.article_id AND a.is_current"
    " WHERE a.id IN (SELECT unnest(?::VARCHAR[]))",
}


def drop_stale(store: Store) -> None:
    """Forget index copies and delta rows of versions that are no longer current."""
    stale = """
        SELECT s.id FROM search_articles s WHERE NOT EXISTS (SELECT 1 FROM articles a
            WHERE a.is_current AND a.id = s.id AND a.version = s.version)"""
    store.con.execute(f"DELETE FROM search_sentences WHERE article_id IN ({stale})")
    store.con.execute(f"DELETE FROM search_articles WHERE id IN ({stale})")
    gone = """
        SELECT d.kind, d.key FROM search_delta d WHERE NOT EXISTS (SELECT 1 FROM articles a
            WHERE a.is_current AND a.id = d.article_id AND a.version = d.version)"""
    store.con.execute(f"DELETE FROM search_delta_terms WHERE (kind, key) IN ({gone})")
    store.con.execute(f"DELETE FROM search_delta WHERE (kind, key) IN ({gone})")


def unsearchable(store: Store) -> list[str]:
    """Current articles neither in the index copies nor in the delta (at their version)."""
    rows = store.con.execute("""
        SELECT a.id FROM articles a WHERE a.is_current
          AND NOT EXISTS (SELECT 1 FROM search_articles s WHERE s.id = a.id
                          AND s.version = a.version)
          AND NOT EXISTS (SELECT 1 FROM search_delta d WHERE d.kind = 'article'
                          AND d.key = a.id AND d.version = a.version)
        ORDER BY a.id""").fetchall()
    return [r[0] for r in rows]


def sizes(store: Store) -> tuple[int, int]:
    """(articles in the index copies, articles in the delta)."""
    row = store.con.execute(
        "SELECT (SELECT count(*) FROM search_articles),"
        " (SELECT count(*) FROM search_delta WHERE kind = 'article')"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def add(store: Store, article_ids: Sequence[str]) -> None:
    """Tokenise these current articles and their sentences into the delta (FTS loaded)."""
    for kind, source in _SOURCES.items():
        index = INDEX_OF[kind]
        store.con.execute(
            f"""
            INSERT INTO search_delta_terms
            SELECT ?, key, stem(token, 'porter') AS term, count(*) FROM (
                SELECT key, unnest({index}.tokenize(text)) AS token FROM ({source}))
            WHERE token <> '' AND token NOT IN (SELECT sw FROM {index}.stopwords)
            GROUP BY ALL""",
            [kind, list(article_ids)],
        )
        store.con.execute(
            f"""
            INSERT INTO search_delta
            SELECT ?, src.key, src.article_id, src.version, src.idx,
                   CASE WHEN ? = 'sentence' THEN src.text END,
                   coalesce((SELECT sum(t.tf) FROM search_delta_terms t
                             WHERE t.kind = ? AND t.key = src.key), 0)
            FROM ({source}) src""",
            [kind, kind, kind, list(article_ids)],
        )


def clear(store: Store) -> None:
    """Empty the delta (the index has just been rebuilt over every current article)."""
    store.con.execute("DELETE FROM search_delta_terms")
    store.con.execute("DELETE FROM search_delta")


def scores(kind: Kind) -> str:
    """SQL for (key, article_id, idx, text, score) of delta rows matching the query (one `?`)."""
    index = INDEX_OF[kind]
    return f"""
        WITH q AS (SELECT DISTINCT stem(unnest({index}.tokenize(?)), 'porter') AS t),
        st AS (SELECT num_docs, avgdl FROM {index}.stats)
        SELECT d.key, d.article_id, d.idx, d.text,
               sum(log((st.num_docs - coalesce(f.df, 0) + 0.5) / (coalesce(f.df, 0) + 0.5) + 1)
                   * (t.tf * ({K1} + 1))
                   / (t.tf + {K1} * (1 - {B} + {B} * d.len / st.avgdl))) AS score
        FROM search_delta_terms t
        JOIN q ON q.t = t.term
        JOIN search_delta d ON d.kind = t.kind AND d.key = t.key
        LEFT JOIN {index}.dict f ON f.term = t.term
        CROSS JOIN st
        WHERE t.kind = '{kind}'
        GROUP BY d.key, d.article_id, d.idx, d.text"""

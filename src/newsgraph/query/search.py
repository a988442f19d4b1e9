"""Full-text search over articles and sentences with DuckDB's FTS extension (BM25), offline.

The extension comes from the PyPI wheel `duckdb-extension-fts` matching the pinned DuckDB: it is
LOADed from the file inside that package, because `INSTALL fts` needs the internet. The index is
built over current-only copies of articles and sentences (`search_articles`, `search_sentences`).
After an ingest, `refresh_search_index(store)` (needs a writable store) adds new articles to a
delta searched beside the index with the same BM25 (`newsgraph.query.search_delta`), and rebuilds
the index only when the delta has grown large.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import duckdb

from newsgraph.errors import NewsgraphError
from newsgraph.query import search_delta as delta
from newsgraph.query.lexicon import STOPWORDS
from newsgraph.store import Store

log = logging.getLogger(__name__)

IndexState = Literal["missing", "stale", "current"]
SNIPPET_CHARS = 240
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class SearchIndexError(NewsgraphError):
    """The full-text index cannot be used: extension missing, or no index in a read-only store."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article matching a query, with its BM25 score and the best-matching sentence."""

    article_id: str
    title: str | None
    published: date | None
    url: str | None
    score: float
    snippet: str
    sentence: int | None


@dataclass(frozen=True, slots=True)
class SentenceHit:
    """A sentence matching a query."""

    article_id: str
    sentence: int
    text: str
    score: float


@cache
def fts_extension_path() -> Path:
    """The `fts.duckdb_extension` file shipped in the wheel for the installed DuckDB version."""
    try:
        root = Path(str(resources.files("duckdb_extension_fts")))
    except ModuleNotFoundError as err:
        raise SearchIndexError(
            "full-text search needs the PyPI package duckdb-extension-fts matching duckdb "
            f"{duckdb.__version__}"
        ) from err
    found = sorted(root.rglob("fts.duckdb_extension"))
    matching = [p for p in found if f"v{duckdb.__version__}" in p.parts]
    if not (matching or found):
        raise SearchIndexError(f"no fts.duckdb_extension inside {root}")
    return (matching or found)[0]


def load_fts(con: Any) -> None:
    """Load the FTS extension into a connection (cheap when already loaded)."""
    path = str(fts_extension_path()).replace("'", "''")
    con.execute(f"LOAD '{path}'")  # a file path of our own install, not user text


def has_sentence_index(store: Store) -> bool:
    """Does the sentence index exist (stale or not)? A cheap check, made for every question."""
    rows = store.query(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'fts_main_search_sentences'"
    )
    return bool(rows[0]["n"])


def index_state(store: Store) -> IndexState:
    """Whether the FTS index exists and covers exactly the current articles."""
    tables = store.query(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name IN"
        " ('fts_main_search_articles', 'fts_main_search_sentences')"
    )
    if tables[0]["n"] < 2:
        return "missing"
    differing = store.query("""
        SELECT (SELECT count(*) FROM articles a WHERE a.is_current
                  AND NOT EXISTS (SELECT 1 FROM search_articles s
                                  WHERE s.id = a.id AND s.version = a.version)
                  AND NOT EXISTS (SELECT 1 FROM search_delta d WHERE d.kind = 'article'
                                  AND d.key = a.id AND d.version = a.version))
             + (SELECT count(*) FROM search_articles s WHERE NOT EXISTS
                  (SELECT 1 FROM articles a
                   WHERE a.is_current AND a.id = s.id AND a.version = s.version))
             + (SELECT count(*) FROM search_delta d WHERE NOT EXISTS
                  (SELECT 1 FROM articles a
                   WHERE a.is_current AND a.id = d.article_id AND a.version = d.version)) AS n""")
    return "stale" if differing[0]["n"] else "current"


def rebuild_search_index(store: Store) -> int:
    """(Re)build the BM25 index over the current articles and their sentences; returns articles."""
    if store.read_only:
        raise SearchIndexError(f"{store.path} is open read-only: the search index needs a writer")
    load_fts(store.con)
    with store.transaction():
        store.con.execute("DELETE FROM search_articles")
        store.con.execute("DELETE FROM search_sentences")
        delta.clear(store)
        store.con.execute(
            "INSERT INTO search_articles SELECT id, version, title, clean_text"
            " FROM articles WHERE is_current"
        )
        store.con.execute(
            "INSERT INTO search_sentences SELECT s.article_id || ':' || s.idx, s.article_id,"
            " s.idx, s.text FROM sentences s JOIN search_articles a ON a.id = s.article_id"
        )
    store.con.execute(
        "PRAGMA create_fts_index('search_articles', 'id', 'title', 'body', overwrite=1)"
    )
    store.con.execute("PRAGMA create_fts_index('search_sentences', 'key', 'text', overwrite=1)")
    with store.transaction():
        store.con.execute("DELETE FROM sentence_postings")
        store.con.execute(
            "INSERT INTO sentence_postings SELECT termid, docid, count(*) AS tf"
            " FROM fts_main_search_sentences.terms GROUP BY termid, docid ORDER BY termid, docid"
        )
    count = store.query("SELECT count(*) AS n FROM search_articles")[0]["n"]
    log.info("search index rebuilt over %d articles", count)
    return int(count)


def refresh_search_index(store: Store) -> int:
    """Make every current article searchable; returns the articles added to the delta, or all
    articles when it rebuilt the index (missing, or the delta reached `REBUILD_SHARE` of it)."""
    if store.read_only:
        raise SearchIndexError(f"{store.path} is open read-only: the search index needs a writer")
    if index_state(store) == "missing":
        return rebuild_search_index(store)
    load_fts(store.con)
    with store.transaction():
        delta.drop_stale(store)
        fresh = delta.unsearchable(store)
        indexed, outside = delta.sizes(store)
        grown = outside + len(fresh) >= delta.REBUILD_SHARE * max(indexed, 1)
        if fresh and not grown:
            delta.add(store, fresh)
    if grown:
        return rebuild_search_index(store)
    log.info("%d articles added to the search delta (%d indexed)", len(fresh), indexed)
    return len(fresh)


def stems(store: Store, words: list[str]) -> list[str]:
    """Porter stems of words, as the FTS index computes them (lowercased).

    A stem never changes, so stems are remembered per process (a bounded table): a question
    stems the same few hundred words of its candidate sentences again and again.
    """
    if not words:
        return []
    missing = sorted({w for w in words if w not in _STEMS})
    if missing:
        if len(_STEMS) > _STEMS_KEPT:
            _STEMS.clear()
        load_fts(store.con)
        rows = store.query(
            "SELECT w, stem(lower(w), 'porter') AS s FROM unnest(?) AS t(w)", [missing]
        )
        _STEMS.update((r["w"], r["s"]) for r in rows)
    return [_STEMS[w] for w in words]


_STEMS: dict[str, str] = {}
_STEMS_KEPT = 200_000


def idf(store: Store, stems_wanted: list[str]) -> dict[str, float]:
    """BM25's inverse sentence frequency of each stem over the sentence index (a stem no
    sentence holds gets the highest weight; without an index every stem weighs 1)."""
    if not stems_wanted:
        return {}
    if not has_sentence_index(store):
        return dict.fromkeys(stems_wanted, 1.0)
    rows = store.query(
        "SELECT term, df FROM fts_main_search_sentences.dict WHERE term IN (SELECT unnest(?))",
        [sorted(set(stems_wanted))],
    )
    total = store.query("SELECT num_docs FROM fts_main_search_sentences.stats")[0]["num_docs"]
    found = {r["term"]: r["df"] for r in rows}
    return {
        s: math.log((total - found.get(s, 0) + 0.5) / (found.get(s, 0) + 0.5) + 1)
        for s in stems_wanted
    }


def words_of(text: str) -> list[str]:
    """The word tokens of a text (letters and digits; inner apostrophes kept)."""
    return _WORD.findall(text)


def search(store: Store, query: str, limit: int = 10) -> list[SearchHit]:
    """Articles ranked by BM25 over title and text, each with its best-matching sentence."""
    _require_index(store)
    hits = store.query(
        f"""
        SELECT * FROM (
            SELECT s.id, fts_main_search_articles.match_bm25(s.id, ?) AS score
            FROM search_articles s
            UNION ALL SELECT key, score FROM ({delta.scores("article")}))
        WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT ?""",
        [query, query, limit],
    )
    if not hits:
        return []
    ids = [h["id"] for h in hits]
    meta = {
        r["id"]: r
        for r in store.query(
            "SELECT id, title, published, url, left(clean_text, ?) AS lead FROM articles"
            " WHERE is_current AND id IN (SELECT unnest(?))",
            [SNIPPET_CHARS, ids],
        )
    }
    best = _best_sentences(store, query, ids)
    results = []
    for hit in hits:
        row = meta[hit["id"]]
        sentence = best.get(hit["id"])
        snippet = sentence[1] if sentence else row["lead"] or ""
        results.append(
            SearchHit(
                article_id=hit["id"],
                title=row["title"],
                published=row["published"],
                url=row["url"],
                score=float(hit["score"]),
                snippet=shorten(snippet),
                sentence=sentence[0] if sentence else None,
            )
        )
    return results


def search_sentences(
    store: Store, query: str, limit: int = 20, article_ids: list[str] | None = None
) -> list[SentenceHit]:
    """Sentences ranked by BM25 (or, without an index, by the query stems they contain)."""
    if not has_sentence_index(store):
        return _scan_sentences(store, query, limit, article_ids)
    load_fts(store.con)
    if not store.query("SELECT 1 AS x FROM sentence_postings LIMIT 1"):
        return _bm25_every_row(store, query, limit, article_ids)  # an index built before them
    if article_ids is None:
        rows = store.query(
            _SENTENCE_BM25.format(best="ORDER BY score DESC, docid LIMIT ?"),
            [query, limit, None, None, limit],
        )
    else:
        rows = store.query(_SENTENCE_BM25.format(best=""), [query, article_ids, article_ids, limit])
    # Sentences stored since the index was built are in the delta, scored with the same BM25.
    rows += store.query(
        f"""
        SELECT article_id, idx, text, score FROM ({delta.scores("sentence")})
        WHERE ?::VARCHAR[] IS NULL OR article_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY score DESC, article_id, idx LIMIT ?""",
        [query, article_ids, article_ids, limit],
    )
    rows.sort(key=lambda r: (-float(r["score"]), r["article_id"], r["idx"]))
    return [
        SentenceHit(r["article_id"], r["idx"], r["text"], float(r["score"])) for r in rows[:limit]
    ]


def _bm25_every_row(
    store: Store, query: str, limit: int, article_ids: list[str] | None
) -> list[SentenceHit]:
    rows = store.query(
        f"""
        SELECT * FROM (
            SELECT article_id, idx, text,
                   fts_main_search_sentences.match_bm25(key, ?) AS score
            FROM search_sentences
            UNION ALL SELECT article_id, idx, text, score FROM ({delta.scores("sentence")}))
        WHERE score IS NOT NULL
          AND (?::VARCHAR[] IS NULL OR article_id IN (SELECT unnest(?::VARCHAR[])))
        ORDER BY score DESC, article_id, idx LIMIT ?""",
        [query, query, article_ids, article_ids, limit],
    )
    return [SentenceHit(r["article_id"], r["idx"], r["text"], float(r["score"])) for r in rows]


# BM25 over the sentence index as `match_bm25` computes it (k1 1.2, b 0.75; the query read as the
# index reads text: lower case, accents stripped, non-letters dropped, stop words out, Porter
# stems), reading only the postings of the query's terms (`sentence_postings`, in term order):
# `match_bm25` visits every sentence, a second over 200,000 of them. Scoped to articles, the
# best sentences are taken after the scope; else the best `limit` before the texts are joined.
_SENTENCE_BM25 = """
    WITH words AS (
        SELECT unnest(string_split_regex(
            regexp_replace(lower(strip_accents(?)), '(\\.|[^a-z])+', ' ', 'g'), '\\s+')) AS w),
    wanted AS (
        SELECT DISTINCT d.termid, d.df FROM words
        JOIN fts_main_search_sentences.dict d ON d.term = stem(words.w, 'porter')
        WHERE words.w <> ''
          AND words.w NOT IN (SELECT sw FROM fts_main_search_sentences.stopwords)),
    scored AS (
        SELECT p.docid, sum(
            log(((st.num_docs - w.df + 0.5) / (w.df + 0.5)) + 1)
            * p.tf * 2.2 / (p.tf + 1.2 * (1 - 0.75 + 0.75 * docs.len / st.avgdl))) AS score
        FROM sentence_postings p JOIN wanted w ON w.termid = p.termid
        JOIN fts_main_search_sentences.docs docs ON docs.docid = p.docid,
        fts_main_search_sentences.stats st
        WHERE p.termid IN (SELECT termid FROM wanted)
        GROUP BY p.docid {best})
    SELECT s.article_id, s.idx, s.text, scored.score FROM scored
    JOIN fts_main_search_sentences.docs docs ON docs.docid = scored.docid
    JOIN search_sentences s ON s.key = docs.name
    WHERE ?::VARCHAR[] IS NULL OR s.article_id IN (SELECT unnest(?::VARCHAR[]))
    ORDER BY scored.score DESC, s.article_id, s.idx LIMIT ?"""


def shorten(text: str, limit: int = SNIPPET_CHARS) -> str:
    """A text cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _require_index(store: Store) -> None:
    state = index_state(store)
    if state == "missing":
        raise SearchIndexError(
            f"{store.path} has no search index yet: it is built at the end of `newsgraph ingest`"
        )
    if state == "stale":
        log.warning("the search index of %s predates the latest ingest", store.path)
    load_fts(store.con)


def _best_sentences(store: Store, query: str, ids: list[str]) -> dict[str, tuple[int, str]]:
    rows = store.query(
        f"""
        SELECT article_id, arg_max(idx, score) AS idx, arg_max(text, score) AS text FROM (
            SELECT article_id, idx, text,
                   fts_main_search_sentences.match_bm25(key, ?) AS score
            FROM search_sentences WHERE article_id IN (SELECT unnest(?))
            UNION ALL SELECT article_id, idx, text, score FROM ({delta.scores("sentence")})
            WHERE article_id IN (SELECT unnest(?)))
        WHERE score IS NOT NULL GROUP BY article_id""",
        [query, ids, query, ids],
    )
    return {r["article_id"]: (r["idx"], r["text"]) for r in rows}


def _scan_sentences(
    store: Store, query: str, limit: int, article_ids: list[str] | None
) -> list[SentenceHit]:
    """Without an index: sentences holding word stems of the query, most distinct stems first."""
    words = [w for w in words_of(query) if w.lower() not in STOPWORDS]
    wanted = sorted({s for s in stems(store, words) if len(s) > 2})
    if not wanted:
        return []
    pattern = r"\b(" + "|".join(re.escape(s) for s in wanted) + ")"
    rows = store.query(
        """
        SELECT s.article_id, s.idx, s.text FROM sentences s
        JOIN articles a ON a.id = s.article_id AND a.is_current
        WHERE regexp_matches(lower(s.text), ?)
          AND (?::VARCHAR[] IS NULL OR s.article_id IN (SELECT unnest(?::VARCHAR[])))""",
        [pattern, article_ids, article_ids],
    )
    scored = []
    for row in rows:
        found = {s for s in wanted if re.search(r"\b" + re.escape(s), row["text"].lower())}
        scored.append(SentenceHit(row["article_id"], row["idx"], row["text"], float(len(found))))
    scored.sort(key=lambda h: (-h.score, h.article_id, h.sentence))
    return scored[:limit]

"""The store's schema: numbered migrations, applied in order, recorded, safe to re-run."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Migration = tuple[int, str, Callable[[Any], None]]


def _m001_core(con: Any) -> None:
    con.execute("""
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR NOT NULL, version INTEGER NOT NULL, is_current BOOLEAN NOT NULL,
            source VARCHAR, record INTEGER, title VARCHAR, section VARCHAR, published DATE,
            url VARCHAR, site VARCHAR, author VARCHAR, language VARCHAR,
            clean_text VARCHAR, raw_text VARCHAR, html VARCHAR,
            content_hash VARCHAR NOT NULL, raw_hash VARCHAR NOT NULL, notes VARCHAR[],
            paragraphs INTEGER[][], ingested_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (id, version))""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS sentences (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER,
            paragraph INTEGER, text VARCHAR, PRIMARY KEY (article_id, idx))""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS mentions (
            article_id VARCHAR NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER,
            text VARCHAR, kind VARCHAR, actor_id VARCHAR, code VARCHAR, resolved_by VARCHAR,
            role VARCHAR, country VARCHAR, label VARCHAR)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS actors (
            id VARCHAR PRIMARY KEY, name VARCHAR, code VARCHAR, kind VARCHAR, country VARCHAR,
            aliases VARCHAR[],
            roles STRUCT(title VARCHAR, code VARCHAR, valid_from DATE, valid_to DATE)[],
            source VARCHAR)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS actor_memory (
            name VARCHAR NOT NULL, country VARCHAR, code VARCHAR, role VARCHAR,
            article_id VARCHAR, start INTEGER, "end" INTEGER, published DATE)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS site_lines (
            site VARCHAR NOT NULL, line VARCHAR NOT NULL, pages INTEGER NOT NULL,
            PRIMARY KEY (site, line))""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS site_pages (site VARCHAR PRIMARY KEY, pages INTEGER NOT NULL)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS quarantine (
            source VARCHAR NOT NULL, record INTEGER, reason VARCHAR NOT NULL, detail VARCHAR,
            payload BLOB, run_id INTEGER, quarantined_at TIMESTAMP DEFAULT current_timestamp)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, inputs INTEGER,
            stored INTEGER, duplicates INTEGER, versions INTEGER, quarantined INTEGER,
            engine VARCHAR, workers INTEGER, seconds DOUBLE)""")


def _m002_knowledge(con: Any) -> None:
    actor_ref = (
        'STRUCT(name VARCHAR, code VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,'
        " actor_id VARCHAR)"
    )
    con.execute(f"""
        CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence INTEGER,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            source {actor_ref}[], target {actor_ref}[],
            cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            plover VARCHAR, mode VARCHAR, context VARCHAR, place VARCHAR, place_country VARCHAR,
            date VARCHAR, date_text VARCHAR, negated BOOLEAN, hypothetical BOOLEAN,
            pattern_id VARCHAR, coder_version VARCHAR, rule_detail VARCHAR, published DATE)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS event_actors (
            event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, side VARCHAR NOT NULL,
            code VARCHAR, country VARCHAR, actor_id VARCHAR, name VARCHAR)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS claims (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence INTEGER,
            start INTEGER, "end" INTEGER, text VARCHAR, holder VARCHAR[], certainty VARCHAR,
            cue VARCHAR)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS motives (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence INTEGER,
            cause_start INTEGER, cause_end INTEGER, cause_text VARCHAR,
            effect_start INTEGER, effect_end INTEGER, effect_text VARCHAR, effect_sentence INTEGER,
            event_id VARCHAR, cue VARCHAR, holder VARCHAR[], certainty VARCHAR)""")


def _m003_indexes(con: Any) -> None:
    con.execute("CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id)")
    con.execute("CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id)")
    con.execute("CREATE INDEX IF NOT EXISTS events_article ON events (article_id)")
    con.execute("CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors (country)")
    con.execute("CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)")
    con.execute("CREATE INDEX IF NOT EXISTS articles_raw_hash ON articles (raw_hash)")


def _m004_motive_evidence(con: Any) -> None:
    for column, kind in (
        ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"),
        ("evidence_text", "VARCHAR"),
    ):
        con.execute(f"ALTER TABLE motives ADD COLUMN IF NOT EXISTS {column} {kind}")


# Every point in time the store keeps, with the columns that hold one.
TIMESTAMPS = {
    "articles": ("ingested_at",),
    "quarantine": ("quarantined_at",),
    "runs": ("started", "finished"),
    "schema_migrations": ("applied_at",),
    "sources": ("recorded_at",),
}


def _retype(con: Any, table: str, columns: tuple[str, ...]) -> None:
    """Turn a table's naive TIMESTAMP columns into TIMESTAMPTZ. DuckDB cannot alter a column of a
    table with indexes or keys, so the table is rebuilt from its own DDL and its indexes re-made."""
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?", [table]
        ).fetchall()
    )
    naive = [c for c in columns if types.get(c) == "TIMESTAMP"]
    if not naive:
        return
    (ddl,) = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
    indexes = [
        sql
        for (sql,) in con.execute(
            "SELECT sql FROM duckdb_indexes() WHERE table_name = ? AND sql IS NOT NULL", [table]
        ).fetchall()
    ]
    for column in naive:
        ddl = re.sub(rf'(\b"?{column}"?\s+)TIMESTAMP\b', r"\1TIMESTAMPTZ", ddl, count=1)
    ddl = re.sub(rf"^CREATE TABLE {table}\b", f"CREATE TABLE {table}__tz", ddl, count=1)
    con.execute(ddl)
    con.execute(f"INSERT INTO {table}__tz SELECT * FROM {table}")
    con.execute(f"DROP TABLE {table}")
    con.execute(f"ALTER TABLE {table}__tz RENAME TO {table}")
    for sql in indexes:
        con.execute(sql)


def _m005_timestamps_with_zone(con: Any) -> None:
    # Earlier code stored DuckDB's current_timestamp in naive columns, i.e. as wall-clock time in
    # the session's zone (the machine's own): read them in that zone, keep the instant.
    con.execute("RESET TimeZone")
    try:
        for table, columns in TIMESTAMPS.items():
            _retype(con, table, columns)
    finally:
        con.execute("SET TimeZone = 'UTC'")


def _m006_sources_and_language(con: Any) -> None:
    """Every input item and what became of it; the language detector's confidence.

    Existing stores get a row per stored version and per quarantined input, from the tables that
    kept them; duplicates of earlier runs left no trace, so none can be recovered.
    """
    con.execute("""
        CREATE TABLE IF NOT EXISTS sources (
            run_id INTEGER, source VARCHAR NOT NULL, item INTEGER, raw_hash VARCHAR,
            outcome VARCHAR NOT NULL, article_id VARCHAR, version INTEGER, reason VARCHAR,
            recorded_at TIMESTAMPTZ DEFAULT current_timestamp)""")
    con.execute("CREATE INDEX IF NOT EXISTS sources_article ON sources (article_id)")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS language_confidence DOUBLE")
    before = "recorded before sources were kept"
    con.execute(
        """
        INSERT INTO sources (source, item, raw_hash, outcome, article_id, version, reason)
        SELECT coalesce(source, ''), record, raw_hash,
               CASE WHEN version > 1 THEN 'new_version' ELSE 'stored' END, id, version, ?
        FROM articles ORDER BY ingested_at, id, version""",
        [before],
    )
    con.execute(
        """
        INSERT INTO sources (run_id, source, item, outcome, reason)
        SELECT run_id, source, record, 'quarantined', reason FROM quarantine
        ORDER BY quarantined_at, source""",
    )


def _m007_event_confidence(con: Any) -> None:
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE")


def _m009_sentence_postings(con: Any) -> None:
    # The sentence index's postings grouped by term and kept in term order: a question reads
    # the few terms it has through DuckDB's zone maps instead of scanning every posting.
    con.execute("""
        CREATE TABLE IF NOT EXISTS sentence_postings (
            termid BIGINT NOT NULL, docid BIGINT NOT NULL, tf INTEGER NOT NULL)""")


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


def _m012_story_index(con: Any) -> None:
    # The persisted MinHash LSH index of stories: each article's band buckets for the near-copy
    # pass ("copy") and the same-story pass ("story"), and which version of it they were made
    # from, so an ingest matches only new or changed articles against it.
    con.execute("""
        CREATE TABLE IF NOT EXISTS story_indexed (
            article_id VARCHAR PRIMARY KEY, version INTEGER NOT NULL, published DATE)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS story_bands (
            article_id VARCHAR NOT NULL, pass VARCHAR NOT NULL, band SMALLINT NOT NULL,
            bucket BIGINT NOT NULL)""")


def _m013_search_delta(con: Any) -> None:
    # DuckDB's FTS index can only be rebuilt: articles stored since the last rebuild are kept here
    # already tokenised (terms and counts as the index would hold them) and scored beside it.
    con.execute("""
        CREATE TABLE IF NOT EXISTS search_delta (
            kind VARCHAR NOT NULL, key VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
            version INTEGER NOT NULL, idx INTEGER, text VARCHAR, len INTEGER NOT NULL,
            PRIMARY KEY (kind, key))""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS search_delta_terms (
            kind VARCHAR NOT NULL, key VARCHAR NOT NULL, term VARCHAR NOT NULL,
            tf INTEGER NOT NULL)""")


MIGRATIONS: list[Migration] = [
    (1, "core tables: articles, sentences, mentions, actors, memory, quarantine, runs", _m001_core),
    (2, "knowledge tables: events, event_actors, claims, motives", _m002_knowledge),
    (3, "lookup indexes", _m003_indexes),
    (4, "motives: the evidence text stating the reason", _m004_motive_evidence),
    (5, "every timestamp timezone-aware (TIMESTAMPTZ, UTC)", _m005_timestamps_with_zone),
    (
        6,
        "sources: every input item and its outcome; language confidence",
        _m006_sources_and_language,
    ),
    (7, "events: the event model's calibrated confidence", _m007_event_confidence),
    (9, "sentence postings by term, for fast BM25 over sentences", _m009_sentence_postings),
    (10, "full-text search copies of current articles and sentences", _m010_search),
    (11, "stories: articles grouped by happening, near-copies marked", _m011_stories),
    (12, "stories' persisted MinHash LSH index", _m012_story_index),
    (13, "full-text search: articles stored since the index was built", _m013_search_delta),
]


def migrate(con: Any) -> list[int]:
    """Apply the migrations not yet recorded; returns the versions applied now."""
    con.execute("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name VARCHAR,
            applied_at TIMESTAMPTZ DEFAULT current_timestamp)""")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied: list[int] = []
    for version, name, apply in MIGRATIONS:
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            apply(con)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    if applied:
        # Schema changes go to the database file now, not only to its write-ahead log: DuckDB
        # 1.5 cannot replay an ALTER TABLE ADD COLUMN on a table with a `current_timestamp`
        # default after a crash (tests/robustness/test_crash.py kills an ingest of a new store).
        con.execute("CHECKPOINT")
    return applied

"""Migrations: a store made before timestamps had a zone is converted, keeping every instant."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS, TIMESTAMPS


def _old_store(path: Path, zone: str) -> None:
    """A store as the code before migration 5 left it, written on a machine in `zone`."""
    con = duckdb.connect(str(path))
    con.execute(f"SET TimeZone = '{zone}'")
    con.execute("""
        CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR,
            applied_at TIMESTAMP DEFAULT current_timestamp)""")
    for version, name, apply in MIGRATIONS:
        if version == 5:
            continue
        apply(con)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    con.execute(
        "INSERT INTO articles (id, version, is_current, content_hash, raw_hash, ingested_at)"
        " VALUES ('a1', 1, true, 'c', 'r', TIMESTAMP '2026-06-01 14:30:00')"
    )
    con.execute("INSERT INTO runs (id, started) VALUES (1, TIMESTAMP '2026-06-01 14:29:00')")
    con.close()


def test_naive_timestamps_become_utc_instants(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db, "America/New_York")  # 14:30 wall clock there is 18:30 UTC (summer time)
    # Migrate on a machine in that zone (DuckDB reads the zone once per process: a subprocess).
    env = {**os.environ, "TZ": "America/New_York"}
    code = f"from newsgraph.store import Store\nStore({str(db)!r}).close()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    with Store(db) as store:
        (ingested,) = store.con.execute("SELECT ingested_at FROM articles").fetchone()
        (started,) = store.con.execute("SELECT started FROM runs").fetchone()
        kinds = dict(
            store.con.execute(
                "SELECT table_name || '.' || column_name, data_type FROM duckdb_columns()"
            ).fetchall()
        )
        indexes = {
            r[0]
            for r in store.con.execute(
                "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'articles'"
            ).fetchall()
        }
        (again,) = store.con.execute("SELECT count(*) FROM schema_migrations").fetchone()
    assert ingested == dt.datetime(2026, 6, 1, 18, 30, tzinfo=dt.UTC)
    assert ingested.utcoffset() == dt.timedelta(0)
    assert started == dt.datetime(2026, 6, 1, 18, 29, tzinfo=dt.UTC)
    for table, columns in TIMESTAMPS.items():
        for column in columns:
            assert kinds[f"{table}.{column}"] == "TIMESTAMP WITH TIME ZONE", (table, column)
    assert {"articles_hash", "articles_raw_hash"} <= indexes
    assert again == len(MIGRATIONS)


def test_new_rows_carry_utc(tmp_path: Path) -> None:
    with Store(tmp_path / "new.duckdb") as store:
        run = store.begin_run("local", 1)
        (started,) = store.con.execute("SELECT started FROM runs WHERE id = ?", [run]).fetchone()
    assert started.tzinfo is not None and started.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - started) < dt.timedelta(minutes=5)

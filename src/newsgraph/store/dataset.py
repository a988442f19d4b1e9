"""The whole store as Hive-partitioned Parquet datasets, one per table, partitioned by month.

`DIR/<table>/month=YYYY-MM/data_0.parquet` for every table whose rows belong to an article (the
month is the article's publication month, `unknown` when it has none), `DIR/<table>/data_0.parquet`
for the rest (actors, runs, quarantine, ...). DuckDB (`read_parquet('DIR/events/**/*.parquet',
hive_partitioning = true)`), Spark and Ray Data read them as they are. A later export rewrites only
the months whose rows changed (a fingerprint per table and month is kept in `DIR/_export.json`), so
extending a dataset with a new month leaves the files of older months untouched.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.store.store import Store

MANIFEST = "_export.json"
# Derived copies the store rebuilds itself (the full-text index's inputs and delta, the stories'
# LSH index) and its own bookkeeping.
SKIPPED = {
    "schema_migrations",
    "search_articles",
    "search_sentences",
    "search_delta",
    "search_delta_terms",
    "story_bands",
    "story_indexed",
}
UNKNOWN = "unknown"


@dataclass(slots=True)
class DatasetExport:
    """What an export wrote: per table, the months (or `*` for a whole table) rewritten and kept."""

    written: dict[str, list[str]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)


def _tables(store: Store) -> dict[str, str | None]:
    """Each exported table and the column tying its rows to an article (None: not article-bound)."""
    rows = store.con.execute(
        "SELECT t.table_name, list(c.column_name) FROM duckdb_tables() t"
        " JOIN duckdb_columns() c ON c.table_name = t.table_name AND c.schema_name = t.schema_name"
        " WHERE t.schema_name = 'main' AND NOT t.temporary GROUP BY t.table_name ORDER BY 1"
    ).fetchall()
    tables: dict[str, str | None] = {}
    for name, columns in rows:
        if name in SKIPPED:
            continue
        if name == "articles":
            tables[name] = "id"
        else:
            tables[name] = next((c for c in ("article_id",) if c in columns), None)
    return tables


def _select(table: str, key: str | None) -> str:
    """The table's rows with their `month`: of their own publication date for articles, of their
    article's current version otherwise."""
    if table == "articles":
        return (
            f"SELECT t.*, coalesce(strftime(t.published, '%Y-%m'), '{UNKNOWN}') AS month"
            " FROM articles t"
        )
    if key is None:
        return f'SELECT t.* FROM "{table}" t'
    return (
        f"SELECT t.*, coalesce(strftime(a.published, '%Y-%m'), '{UNKNOWN}') AS month"
        f' FROM "{table}" t LEFT JOIN articles a ON a.id = t.{key} AND a.is_current'
    )


def _fingerprints(store: Store, table: str, key: str | None) -> dict[str, str]:
    """An order-independent fingerprint of each month's rows (row count and summed row hashes)."""
    query = _select(table, key)
    group = "month" if key is not None else "'*'"
    found = store.con.execute(
        f"SELECT {group} AS part, count(*), sum(hash(q)::HUGEINT) FROM ({query}) q GROUP BY part"
    ).fetchall()
    return {str(part): f"{count}:{total}" for part, count, total in found}


def export_dataset(store: Store, directory: Path) -> DatasetExport:
    """Write (or extend) the partitioned dataset of every table in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest_path = directory / MANIFEST
    before: dict[str, dict[str, str]] = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    )
    after: dict[str, dict[str, str]] = {}
    result = DatasetExport()
    for table, key in _tables(store).items():
        now = _fingerprints(store, table, key)
        old = before.get(table, {})
        changed = sorted(part for part, mark in now.items() if old.get(part) != mark)
        gone = sorted(set(old) - set(now))
        after[table] = now
        result.rows[table] = sum(int(mark.split(":")[0]) for mark in now.values())
        result.kept[table] = sorted(set(now) - set(changed))
        result.written[table] = changed
        target = directory / table
        if key is None:
            if changed or gone or not target.exists():
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                whole = target / "data_0.parquet"
                store.con.execute(f"COPY ({_select(table, key)}) TO '{whole}' (FORMAT parquet)")
            continue
        for part in changed + gone:
            shutil.rmtree(target / f"month={part}", ignore_errors=True)
        if changed:
            months = ", ".join("'" + part.replace("'", "''") + "'" for part in changed)
            store.con.execute(
                f"COPY (SELECT * FROM ({_select(table, key)}) WHERE month IN ({months}))"
                f" TO '{target}' (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE)"
            )
    manifest_path.write_text(json.dumps(after, indent=1, sort_keys=True) + "\n")
    return result

"""export --all: the store as month-partitioned Parquet datasets that DuckDB reads back as they are,
extended later without rewriting the months that did not change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Article, Claim, Provenance, Sentence, Span
from newsgraph.store import Known, Store
from newsgraph.store.dataset import export_dataset


def _article(article_id: str, published: date | None) -> Article:
    text = f"Officials in {article_id} said talks would continue."
    return Article(
        id=article_id,
        raw_text=text,
        clean_text=text,
        published=published,
        provenance=Provenance(f"{article_id}.txt"),
        sentences=(Sentence(0, 0, len(text), text),),
        claims=(
            Claim(
                f"{article_id}:c0", article_id, 0, Span(0, len(text), text), ("author",), "asserted"
            ),
        ),
    )


def _add(db: Path, *articles: Article) -> None:
    with Store(db) as store:
        store.write_articles([(a, Known("new"), a.id + "r", a.id + "c") for a in articles], [])


def _months(path: Path, table: str) -> dict[str, int]:
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{path}/{table}/**/*.parquet',"
        " hive_partitioning = true) GROUP BY month"
    ).fetchall()
    return dict(rows)


def test_every_table_is_written_by_month_and_read_back(tmp_path: Path) -> None:
    db, out = tmp_path / "s.duckdb", tmp_path / "ds"
    _add(db, _article("a", date(2024, 7, 3)), _article("b", date(2024, 8, 1)), _article("c", None))
    with Store(db) as store:
        done = export_dataset(store, out)
    assert _months(out, "articles") == {"2024-07": 1, "2024-08": 1, "unknown": 1}
    assert _months(out, "claims") == {"2024-07": 1, "2024-08": 1, "unknown": 1}
    assert done.rows["sentences"] == 3
    assert (out / "runs" / "data_0.parquet").exists()  # not article-bound: one file


def test_a_later_export_rewrites_only_changed_months(tmp_path: Path) -> None:
    db, out = tmp_path / "s.duckdb", tmp_path / "ds"
    _add(db, _article("a", date(2024, 7, 3)), _article("b", date(2024, 8, 1)))
    with Store(db) as store:
        export_dataset(store, out)
    july = out / "claims" / "month=2024-07" / "data_0.parquet"
    before = july.stat()
    _add(db, _article("d", date(2024, 8, 20)), _article("e", date(2024, 9, 2)))
    with Store(db) as store:
        done = export_dataset(store, out)
    after = july.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert done.written["claims"] == ["2024-08", "2024-09"]
    assert done.kept["claims"] == ["2024-07"]
    assert _months(out, "claims") == {"2024-07": 1, "2024-08": 2, "2024-09": 1}


def test_cli_export_all(tmp_path: Path) -> None:
    db, out = tmp_path / "s.duckdb", tmp_path / "ds"
    _add(db, _article("a", date(2024, 7, 3)))
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--all",
            "--format",
            "parquet",
            "--partition",
            "month",
            str(out),
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 0, result.output
    assert _months(out, "sentences") == {"2024-07": 1}
    refused = CliRunner().invoke(app, ["export", "--all", "-f", "csv", str(out), "--db", str(db)])
    assert refused.exit_code != 0

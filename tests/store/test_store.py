import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from newsgraph.model import Article, Mention, Paragraph, Provenance, Rejected, Sentence
from newsgraph.store import Known, Store
from newsgraph.store.migrations import MIGRATIONS, migrate


def article(text: str = "Putin arrived in Baku.", article_id: str = "a1") -> Article:
    return Article(
        id=article_id,
        raw_text=text,
        clean_text=text,
        provenance=Provenance("t.txt"),
        paragraphs=(Paragraph(0, 0, len(text)),),
        sentences=(Sentence(0, 0, len(text), text),),
        mentions=(
            Mention(0, 0, 5, "Putin", "actor", "person:vladimir-putin", "RUSGOV", "dictionary"),
        ),
    )


def test_migrations_are_recorded_and_safe_to_rerun(db_path: Path) -> None:
    with Store(db_path) as store:
        assert migrate(store.con) == []
        versions = [
            r[0] for r in store.con.execute("SELECT version FROM schema_migrations").fetchall()
        ]
        assert versions == [m[0] for m in MIGRATIONS]


def test_write_then_read_back_with_evidence(db_path: Path) -> None:
    with Store(db_path) as store:
        a = article()
        store.write_articles([(a, Known("new"), "r1", "c1")], [])
        row = store.article("a1")
        assert row is not None and row["clean_text"] == a.clean_text
        [m] = store.query('SELECT sentence, start, "end", text, code FROM mentions')
        assert (m["start"], m["end"], m["text"], m["code"]) == (0, 5, "Putin", "RUSGOV")
        assert store.known("a1", "c1").status == "duplicate"
        assert store.known("a1", "c2") == Known("version", 2)
        assert store.known("b9", "c3").status == "new"
        assert store.known("b9", "c1").status == "new"  # another source with the same text
        assert store.known("c1", "c1", any_id=True).status == "duplicate"
        asked = [("a1", "c1", False), ("a1", "c2", False), ("b9", "c3", False), ("c1", "c1", True)]
        assert store.known_many(asked) == [store.known(*one) for one in asked]


def test_new_version_keeps_the_old_one_and_replaces_derived_rows(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_articles([(article(), Known("new"), "r1", "c1")], [])
        changed = article("Putin left Baku.")
        store.write_articles([(changed, Known("version", 2), "r2", "c2")], [])
        rows = store.query("SELECT version, is_current FROM articles ORDER BY version")
        assert [(r["version"], r["is_current"]) for r in rows] == [(1, False), (2, True)]
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 1


def test_quarantine_keeps_reason_and_detail(db_path: Path) -> None:
    with Store(db_path) as store:
        store.quarantine([Rejected("bad.jsonl", "broken JSON line", "line 2", record=2)])
        [row] = store.query("SELECT source, reason, detail, record FROM quarantine")
        assert row == {
            "source": "bad.jsonl",
            "reason": "broken JSON line",
            "detail": "line 2",
            "record": 2,
        }


def test_a_second_process_gets_a_clear_busy_error(db_path: Path) -> None:
    with Store(db_path):
        code = (
            "from newsgraph.store import Store\n"
            "from newsgraph.errors import StoreBusyError\n"
            f"try:\n    Store({str(db_path)!r})\n"
            "except StoreBusyError as e:\n    print('BUSY', e)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.startswith("BUSY")
        assert str(db_path) in out.stdout


def test_a_reader_sees_commits_and_outlives_its_writer(db_path: Path) -> None:
    writer = Store(db_path)
    reader = writer.reader()
    try:
        assert reader.query("SELECT count(*) AS n FROM articles") == [{"n": 0}]
        writer.write_articles([(article(), Known("new"), "r1", "c1")], [])
        assert reader.query("SELECT count(*) AS n FROM articles") == [{"n": 1}]
        writer.close()  # a read may still be in flight when an in-server ingest ends
        assert reader.query("SELECT id FROM articles") == [{"id": "a1"}]
    finally:
        reader.close()
        writer.close()


def test_a_store_from_before_sources_gets_a_row_per_stored_version_and_reject(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        store.write_articles([(article(), Known("new"), "r1", "c1")], [])
        store.write_articles([(article("Putin left Baku."), Known("version", 2), "r2", "c2")], [])
        store.quarantine([Rejected("bad.txt", "binary")], run_id=1)
        # The store as it was before migration 6.
        store.con.execute("DROP TABLE sources")
        store.con.execute("DELETE FROM schema_migrations WHERE version = 6")
    with Store(db_path) as store:
        rows = store.query(
            "SELECT source, outcome, article_id, version, run_id FROM sources ORDER BY outcome"
        )
        assert (
            store.query("SELECT language_confidence FROM articles")
            == [{"language_confidence": None}] * 2
        )
    assert rows == [
        {
            "source": "t.txt",
            "outcome": "new_version",
            "article_id": "a1",
            "version": 2,
            "run_id": None,
        },
        {
            "source": "bad.txt",
            "outcome": "quarantined",
            "article_id": None,
            "version": None,
            "run_id": 1,
        },
        {"source": "t.txt", "outcome": "stored", "article_id": "a1", "version": 1, "run_id": None},
    ]


def test_an_actor_row_carries_the_code_of_its_role_on_the_latest_day_seen(db_path: Path) -> None:
    from datetime import date

    from newsgraph.model import Actor, Role

    putin = Actor(
        "person:vladimir-putin",
        "Vladimir Putin",
        "RUSELI",  # the dictionary's base code, valid before his offices
        "person",
        (
            Role("President", "RUSGOV", date(2012, 5, 7)),
            Role("", "RUSELI", date(1970, 1, 1), date(1999, 8, 9)),
        ),
        country="RUS",
    )
    with Store(db_path) as store:
        old = replace(article(article_id="a0"), published=date(1998, 1, 1))
        store.write_articles([(old, Known("new"), "r0", "c0")], [putin])
        [row] = store.query("SELECT code FROM actors")
        assert row["code"] == "RUSELI"
        new = replace(article(), published=date(2020, 1, 1))
        store.write_articles([(new, Known("new"), "r1", "c1")], [putin])
        [row] = store.query("SELECT code FROM actors")
        assert row["code"] == "RUSGOV"


def test_memory_is_added_not_rewritten(db_path: Path) -> None:
    taught = {
        "name": "Khalaf Khalafov",
        "country": "AZE",
        "code": "AZEGOV",
        "role": "Deputy Foreign Minister",
        "article_id": "a1",
        "start": 0,
        "end": 15,
        "published": None,
    }
    later = {**taught, "article_id": "a2", "start": 40, "end": 48, "name": "Khalafov"}
    with Store(db_path) as store:
        store.add_memory([taught])
        store.add_memory([taught, later])  # the store's evidence again, with one new entry
        store.add_memory([])
        rows = store.memory_rows()
    assert sorted((r["article_id"], r["start"]) for r in rows) == [("a1", 0), ("a2", 40)]

"""DuckDB has one writer: reads open the store per request, share the server's writer, or 503."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.api.access import StoreAccess, StoreUnavailable
from newsgraph.model import Rejected

HOLD = """
import sys, time
from newsgraph.store import Store
store = Store(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def test_reads_get_a_clear_503_while_another_process_writes(sample_db: Path) -> None:
    app = create_app(ServerConfig(db=sample_db, warm_up=False, read_wait_seconds=0.3))
    with TestClient(app) as client:
        with subprocess.Popen(
            [sys.executable, "-c", HOLD, str(sample_db), "3"], stdout=subprocess.PIPE, text=True
        ) as holder:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
            busy = client.get("/api/articles")
            assert busy.status_code == 503
            assert "another newsgraph process" in busy.json()["detail"]
            assert busy.headers["Retry-After"].isdigit()
            page = client.get("/")
            assert page.status_code == 503 and "another newsgraph process" in page.text
            holder.wait(timeout=20)
        assert client.get("/api/articles").status_code == 200


def test_no_connection_stays_open_between_requests(sample_db: Path) -> None:
    app = create_app(ServerConfig(db=sample_db, warm_up=False))
    with TestClient(app) as client:
        assert client.get("/api/articles").status_code == 200
        # Another process can take the file for writing as soon as the request is done.
        code = f"from newsgraph.store import Store\nStore({str(sample_db)!r}).close()\nprint('ok')"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert out.stdout.strip() == "ok", out.stderr


def test_reads_go_on_during_an_in_server_ingest_and_see_its_commits(sample_db: Path) -> None:
    access = StoreAccess(sample_db, wait_seconds=0.2)
    with access.write() as writer:
        with access.read() as store:
            before = store.query("SELECT count(*) AS n FROM quarantine")[0]["n"]
        writer.quarantine([Rejected("x.bin", "binary")])
        with access.read() as store:
            assert store.read_only
            assert store.query("SELECT count(*) AS n FROM quarantine")[0]["n"] == before + 1


def test_a_second_in_server_writer_is_refused_with_a_message(sample_db: Path) -> None:
    access = StoreAccess(sample_db, write_wait_seconds=0.1)
    with access.write(), pytest.raises(StoreUnavailable, match="another ingest"), access.write():
        pass
    with access.write() as store:  # free again afterwards
        assert not store.read_only


def test_a_missing_store_is_created_empty(tmp_path: Path) -> None:
    db = tmp_path / "new" / "fresh.duckdb"
    with TestClient(create_app(ServerConfig(db=db, warm_up=False))) as client:
        assert client.get("/api/articles").json()["total"] == 0
        assert "The store is empty" in client.get("/").text
    assert db.exists()

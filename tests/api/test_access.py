"""DuckDB has one writer: the server opens the store per request and says 503 while it is held."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.api.access import ReadWriteLock, StoreAccess, StoreUnavailable

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


def test_reads_wait_for_an_in_server_writer_then_give_up(sample_db: Path) -> None:
    access = StoreAccess(sample_db, wait_seconds=0.2)
    with access.write():
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="ingest is running"):
            access.open_read()
        assert time.monotonic() - started < 2
    with access.read() as store:
        assert store.read_only


def test_a_missing_store_is_created_empty(tmp_path: Path) -> None:
    db = tmp_path / "new" / "fresh.duckdb"
    with TestClient(create_app(ServerConfig(db=db, warm_up=False))) as client:
        assert client.get("/api/articles").json()["total"] == 0
        assert "The store is empty" in client.get("/").text
    assert db.exists()


def test_a_waiting_writer_holds_back_new_readers() -> None:
    lock = ReadWriteLock()
    assert lock.acquire_read(0.1)
    got_write = threading.Event()

    def writer() -> None:
        if lock.acquire_write(2.0):
            got_write.set()
            lock.release_write()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.1)
    assert not lock.acquire_read(0.05)  # the writer is waiting: no new readers
    lock.release_read()
    thread.join(3)
    assert got_write.is_set()
    assert lock.acquire_read(0.1)
    assert not lock.acquire_write(0.05)
    lock.release_read()

"""Who may open the store when: short read-only connections per request, one in-server writer.

DuckDB lets one process hold a file for writing and then no other process may open it at all.
The server therefore keeps no connection open between requests: each read opens the file
read-only and closes it, so `newsgraph ingest` in another process can take the file between
requests (reads then wait briefly and get a 503 naming the cause). An ingest through the server
(POST /api/ingest) holds the file for writing, and reads go on meanwhile through connections to
the same database; a second writer is refused with a clear message.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.errors import NewsgraphError, StoreBusyError
from newsgraph.store import Store

log = logging.getLogger(__name__)


class StoreUnavailable(NewsgraphError):
    """The store cannot be opened now (held by an ingest); the client should retry later."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StoreAccess:
    """Opens the store for one request at a time; while this server ingests, reads share its
    writer's database (DuckDB serves readers from other connections of the same process)."""

    def __init__(
        self, path: Path, wait_seconds: float = 3.0, write_wait_seconds: float = 1.0
    ) -> None:
        self.path = Path(path)
        self.wait_seconds = wait_seconds
        self.write_wait_seconds = write_wait_seconds
        self._write_lock = threading.Lock()
        self._writer: Store | None = None
        self._count_lock = threading.Lock()
        self.readers = 0  # reads open now (a time-limited read may end after its request)

    def ensure_exists(self) -> None:
        """Create and migrate an empty store when the file is missing (so reads can open it)."""
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            Store(self.path).close()

    def open_read(self) -> Store:
        """A read-only store; the caller must `close_read` it. During an in-server ingest it is a
        connection to the writer's database, seeing what the ingest has committed so far."""
        writer = self._writer
        store = writer.reader() if writer is not None else self._open(read_only=True)
        with self._count_lock:
            self.readers += 1
        return store

    def close_read(self, store: Store) -> None:
        try:
            store.close()
        finally:
            with self._count_lock:
                self.readers -= 1

    @contextmanager
    def read(self) -> Iterator[Store]:
        store = self.open_read()
        try:
            yield store
        finally:
            self.close_read(store)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The store opened for writing by this server: one writer at a time, reads go on."""
        if not self._write_lock.acquire(timeout=self.write_wait_seconds):
            raise StoreUnavailable("another ingest is running in this server; retry shortly", 2)
        try:
            store = self._open(read_only=False)
            self._writer = store
            try:
                yield store
            finally:
                self._writer = None
                store.close()
        finally:
            self._write_lock.release()

    def _open(self, read_only: bool) -> Store:
        """Open the file, retrying for a moment while another process holds it."""
        if read_only and not self.path.exists():
            raise StoreUnavailable(f"{self.path}: no such store yet; ingest something first", 30)
        deadline = time.monotonic() + self.wait_seconds
        delay = 0.05
        while True:
            try:
                return Store(self.path, read_only=read_only)
            except StoreBusyError as err:
                if time.monotonic() + delay > deadline:
                    log.info("store busy: %s", err)
                    raise StoreUnavailable(
                        f"{self.path.name} is being written by another newsgraph process"
                        " (an ingest?); DuckDB lets no one read it meanwhile — retry when it has"
                        " finished"
                    ) from err
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

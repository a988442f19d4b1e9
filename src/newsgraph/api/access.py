"""Who may open the store when: short read-only connections per request, one in-server writer.

DuckDB lets one process hold a file for writing and then no other process may open it at all.
The server therefore keeps no connection open between requests: each read opens the file
read-only and closes it, so `newsgraph ingest` in another process can take the file between
requests. Inside the server, an ingest takes the file exclusively (readers wait, then get a 503).
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


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers (no ingest starves)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    def acquire_read(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._writing or self._writers_waiting:
                left = deadline - time.monotonic()
                if left <= 0 or not self._cond.wait(left):
                    return False
            self._readers += 1
            return True

    def release_read(self) -> None:
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    def acquire_write(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    left = deadline - time.monotonic()
                    if left <= 0 or not self._cond.wait(left):
                        return False
                self._writing = True
                return True
            finally:
                self._writers_waiting -= 1
                self._cond.notify_all()

    def release_write(self) -> None:
        with self._cond:
            self._writing = False
            self._cond.notify_all()


class StoreAccess:
    """Opens the store for one request at a time, waiting briefly while someone else writes."""

    def __init__(
        self, path: Path, wait_seconds: float = 3.0, write_wait_seconds: float = 1.0
    ) -> None:
        self.path = Path(path)
        self.wait_seconds = wait_seconds
        self.write_wait_seconds = write_wait_seconds
        self.lock = ReadWriteLock()

    def ensure_exists(self) -> None:
        """Create and migrate an empty store when the file is missing (so reads can open it)."""
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            Store(self.path).close()

    def open_read(self) -> Store:
        """A read-only store, or StoreUnavailable; the caller must `close_read` it."""
        if not self.lock.acquire_read(self.wait_seconds):
            raise StoreUnavailable(
                "an ingest is running in this server; the store is back when it finishes"
            )
        try:
            return self._open(read_only=True)
        except BaseException:
            self.lock.release_read()
            raise

    def close_read(self, store: Store) -> None:
        try:
            store.close()
        finally:
            self.lock.release_read()

    @contextmanager
    def read(self) -> Iterator[Store]:
        store = self.open_read()
        try:
            yield store
        finally:
            self.close_read(store)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The store opened for writing, exclusively within this server."""
        if not self.lock.acquire_write(self.write_wait_seconds):
            raise StoreUnavailable("another request is using the store; retry shortly", 2)
        try:
            store = self._open(read_only=False)
            try:
                yield store
            finally:
                store.close()
        finally:
            self.lock.release_write()

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

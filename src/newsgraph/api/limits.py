"""Limits that keep one request from hogging the server: body size on uploads, time on queries."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api.access import StoreAccess
from newsgraph.store import Store

T = TypeVar("T")


class BodyTooLarge(Exception):
    """The request body passed the limit while it was being read."""


class QueryTimeout(Exception):
    """A query ran past its time limit and was interrupted."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the query took longer than {seconds:g} s and was stopped; narrow it down"
        )
        self.seconds = seconds


class BodyLimit:
    """ASGI middleware: refuse bodies over `max_bytes` on the given path prefixes with a 413.

    Checks Content-Length first, then counts the bytes actually received, so a chunked upload
    without a length cannot slip past.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        exceeded = refused = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # Frameworks may turn a failing body read into their own 400: answer 413 instead.
            nonlocal refused
            if not exceeded:
                await send(message)
            elif message["type"] == "http.response.start" and not refused:
                refused = True
                await self._refuse(send)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            if not refused:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def run_limited(access: StoreAccess, work: Callable[[Store], T], seconds: float) -> T:
    """Run `work` on a read-only store in a worker thread; past `seconds`, interrupt it.

    DuckDB queries stop on `interrupt()`; Python-side work cannot be stopped, so the worker keeps
    the store (and its read slot) until it finishes and closes it then, never under its feet.
    """
    store = access.open_read()
    outcome: dict[str, Any] = {}
    done = threading.Event()
    abandoned = threading.Event()
    release = threading.Lock()

    def finish() -> None:
        with release:
            if not outcome.get("closed"):
                outcome["closed"] = True
                access.close_read(store)

    def target() -> None:
        try:
            outcome["value"] = work(store)
        except BaseException as err:  # handed to the waiting request thread
            outcome["error"] = err
        finally:
            done.set()
            if abandoned.is_set():
                finish()

    worker = threading.Thread(target=target, name="newsgraph-query", daemon=True)
    worker.start()
    if not done.wait(seconds):
        abandoned.set()
        store.con.interrupt()
        if done.wait(0.5):
            finish()
        raise QueryTimeout(seconds)
    finish()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value

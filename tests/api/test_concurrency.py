"""A real server on a localhost port: reads are answered while an upload is being ingested, and a
second writer is refused with a clear message. Covers the API, the store access and ingest."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsgraph.api import ServerConfig, create_app

pytestmark = pytest.mark.slow
TOKEN = "concurrency-token"
STORY = (
    "Armenia and Azerbaijan held talks in Moscow on Friday, officials said. The foreign ministers "
    "agreed to meet again next month. Russia offered to host the next round of negotiations. "
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def server(sample_db: Path) -> Iterator[str]:
    port = free_port()
    app = create_app(ServerConfig(db=sample_db, warm_up=False, token=TOKEN))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/api/articles", timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    yield url
    instance.should_exit = True
    thread.join(10)


def upload(url: str, n: int, results: list[httpx.Response]) -> None:
    files = [
        ("files", (f"story-{i}.txt", f"Report {i}. {STORY * 3}".encode(), "text/plain"))
        for i in range(n)
    ]
    results.append(
        httpx.post(
            f"{url}/api/ingest",
            headers={"Authorization": f"Bearer {TOKEN}"},
            files=files,
            timeout=300,
        )
    )


def test_reads_are_answered_while_an_upload_is_ingested(server: str) -> None:
    results: list[httpx.Response] = []
    # Enough articles that the ingest outlasts several reads even on a loaded machine.
    writer = threading.Thread(target=upload, args=(server, 30, results))
    writer.start()
    time.sleep(0.5)  # the upload is in the server by now
    reads_during = 0
    refused: httpx.Response | None = None
    while writer.is_alive():
        response = httpx.get(f"{server}/api/articles", timeout=30)
        assert response.status_code == 200, response.text
        reads_during += writer.is_alive()
        if refused is None and writer.is_alive():
            second: list[httpx.Response] = []
            upload(server, 1, second)
            refused = second[0]
        time.sleep(0.2)
    writer.join()
    assert results[0].status_code == 200, results[0].text
    assert results[0].json()["stored"] == 30
    assert reads_during >= 2, "the upload finished before reads could overlap it"
    assert refused is not None and refused.status_code == 503
    assert "another ingest" in refused.json()["detail"]
    after = httpx.get(f"{server}/api/articles", params={"limit": 100}, timeout=30).json()
    assert after["total"] >= 30

"""Time limits on queries and size limits on uploads."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.api.access import StoreAccess
from newsgraph.api.limits import QueryTimeout, run_limited
from newsgraph.store import Store

SLOW_SQL = (
    "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE (a.range * b.range) % 7 = 3"
)


def test_a_slow_query_is_interrupted_and_its_slot_freed(sample_db: Path) -> None:
    access = StoreAccess(sample_db)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"longer than 0\.5 s"):
        run_limited(access, lambda store: store.query(SLOW_SQL), 0.5)
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while access.readers and time.monotonic() < deadline:
        time.sleep(0.05)
    assert access.readers == 0
    with access.write() as store:  # nothing is left holding the file
        assert not store.read_only


def test_a_quick_query_returns_its_value_and_errors_pass_through(sample_db: Path) -> None:
    access = StoreAccess(sample_db)
    assert run_limited(access, lambda s: s.counts()["articles"], 5) == 2

    def broken(store: Store) -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        run_limited(access, broken, 5)
    assert access.readers == 0


def test_endpoints_answer_504_past_their_time_limit(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.api import questions

    monkeypatch.setattr(questions, "search", lambda store, q, limit: store.query(SLOW_SQL))
    app = create_app(ServerConfig(db=sample_db, warm_up=False, query_seconds=0.5))
    with TestClient(app) as client:
        response = client.get("/api/search", params={"q": "anything"})
        assert response.status_code == 504 and "longer than" in response.json()["detail"]
        page = client.get("/search", params={"q": "anything"})
        assert page.status_code == 504 and "That took too long" in page.text


@pytest.fixture()
def small_upload_client(sample_db: Path, token: str) -> Iterator[TestClient]:
    app = create_app(ServerConfig(db=sample_db, warm_up=False, token=token, max_upload_bytes=1000))
    with TestClient(app) as client:
        yield client


def test_an_upload_over_the_limit_is_refused_by_its_length(
    small_upload_client: TestClient, token: str
) -> None:
    response = small_upload_client.post(
        "/api/ingest",
        headers={"Authorization": f"Bearer {token}"},
        files={"files": ("big.txt", b"x" * 5000, "text/plain")},
    )
    assert response.status_code == 413 and "1000 bytes" in response.json()["detail"]


def test_a_chunked_upload_over_the_limit_is_refused_while_read(
    small_upload_client: TestClient, token: str
) -> None:
    body = (
        b'--XyZ\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + b"y" * 4000 + b"\r\n--XyZ--\r\n"
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body arrives in pieces
        for start in range(0, len(body), 200):
            yield body[start : start + 200]

    response = small_upload_client.post(
        "/api/ingest",
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "multipart/form-data; boundary=XyZ",
        },
        content=chunks(),
    )
    assert response.status_code == 413


def test_other_paths_have_no_body_limit(small_upload_client: TestClient) -> None:
    response = small_upload_client.get("/api/articles", params={"limit": 1})
    assert response.status_code == 200

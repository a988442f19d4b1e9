"""POST /api/ingest: token rules, upload names, and (slow) a real ingest through the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.api.upload import safe_name

TEXT = b"Armenia and Azerbaijan held talks in Moscow on Friday.\n"


def test_writes_are_refused_when_no_token_is_configured(sample_db: Path) -> None:
    with TestClient(create_app(ServerConfig(db=sample_db, warm_up=False, token=None))) as client:
        response = client.post(
            "/api/ingest",
            headers={"Authorization": "Bearer anything"},
            files={"files": ("a.txt", TEXT, "text/plain")},
        )
    assert response.status_code == 403 and "NEWSGRAPH_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dXNlcjpwYXNz"])
def test_a_missing_or_wrong_token_is_401(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post(
        "/api/ingest", headers=headers, files={"files": ("a.txt", TEXT, "text/plain")}
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_empty_upload_is_422(client: TestClient, token: str) -> None:
    response = client.post(
        "/api/ingest", headers={"Authorization": f"Bearer {token}"}, data={"text": "   "}
    )
    assert response.status_code == 422 and "nothing to ingest" in response.json()["detail"]


def test_the_token_is_read_from_the_environment(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "from-env")
    assert ServerConfig(db=sample_db).token == "from-env"
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "")
    assert ServerConfig(db=sample_db).token is None


def test_upload_names_stay_inside_the_folder_and_unique() -> None:
    taken: set[str] = set()
    assert safe_name("../../etc/passwd", taken) == "passwd"
    assert safe_name("C:\\news\\feed.xml", taken) == "feed.xml"
    assert safe_name("feed.xml", taken) == "2-feed.xml"
    assert safe_name("...", taken) == "upload.txt"
    assert safe_name("x.meta.json", taken) == "x_meta.json"
    assert safe_name("día 1.html", taken) == "d_a_1.html"


@pytest.mark.slow
def test_an_upload_is_ingested_through_the_server(sample_db: Path, token: str) -> None:
    app = create_app(ServerConfig(db=sample_db, warm_up=False, token=token))
    with TestClient(app) as client:
        response = client.post(
            "/api/ingest",
            headers={"Authorization": f"Bearer {token}"},
            data={"title": "Talks in Moscow", "published": "2024-09-06"},
            files={"files": ("talks.txt", TEXT, "text/plain")},
        )
        assert response.status_code == 200, response.text
        summary = response.json()
        assert summary["stored"] == 1 and summary["quarantined"] == 0
        [article_id] = summary["article_ids"]
        article = client.get(f"/api/articles/{article_id}").json()
        assert article["title"] == "Talks in Moscow" and article["published"] == "2024-09-06"
        # the two countries act ("held talks"): coded as their governments
        codes = {m["code"] for m in article["mentions"] if m["kind"] == "actor"}
        assert codes >= {"ARMGOV", "AZEGOV"}
        again = client.post(
            "/api/ingest",
            headers={"Authorization": f"Bearer {token}"},
            files={"files": ("talks.txt", TEXT, "text/plain")},
        ).json()
        assert again["stored"] == 0 and again["duplicates"] == 1
        hits = client.get("/api/search", params={"q": "Moscow talks"}).json()
        assert hits[0]["article_id"] == article_id

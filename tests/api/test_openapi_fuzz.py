"""schemathesis against the OpenAPI spec over a store with data: every documented operation answers
without a server error, and every read's response matches its schema — for generated parameters
(a fixed seed, so a failure shows in every run) and for the ids the store really holds, requested
explicitly, so a response shape that breaks the spec cannot hide behind random 404s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from newsgraph.api import ServerConfig, create_app
from newsgraph.run.local import refresh_views
from newsgraph.store import Store

from .conftest import build_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = build_store(tmp_path_factory.mktemp("fuzz") / "s.duckdb")
    with Store(db) as store:
        refresh_views(store)  # what every ingest ends with
    app = create_app(ServerConfig(db=Path(db), warm_up=False, token="fuzz-token"))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app), Path(db)


def _existing_ids(db: Path) -> dict[str, list[str]]:
    """Every id a path parameter can name, as the store holds them."""
    with Store(db, read_only=True) as store:
        return {
            "article_id": [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()],
            "actor_id": [r[0] for r in store.con.execute("SELECT id FROM actors").fetchall()],
            "event_id": [r[0] for r in store.con.execute("SELECT id FROM events").fetchall()],
        }


def _check(case: schemathesis.Case) -> None:
    response = case.call()
    label = f"{case.method} {case.formatted_path}"
    assert response.status_code < 500, f"{label}: {response.text[:300]}"
    if case.method == "GET":
        case.validate_response(response, checks=[response_schema_conformance])


def test_every_operation_conforms_for_generated_parameters(schema: Any) -> None:
    spec, _ = schema
    operations = [result.ok() for result in spec.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @settings(
            max_examples=20,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            _check(case)

        check()


def test_every_read_of_an_existing_id_conforms(schema: Any) -> None:
    spec, db = schema
    ids = _existing_ids(db)
    assert all(ids.values()), ids
    requested = 0
    for result in spec.get_all_operations():
        operation = result.ok()
        names = [p.name for p in operation.iter_parameters() if p.location == "path"]
        if operation.method.upper() != "GET" or not names:
            continue
        for name in names:
            assert name in ids, f"{operation.label}: no store ids known for {name}"
        for value in ids[names[0]]:
            case = operation.Case(path_parameters={names[0]: value})
            response = case.call()
            assert response.status_code == 200, f"{operation.label} {value}: {response.text[:300]}"
            case.validate_response(response, checks=[response_schema_conformance])
            requested += 1
    assert requested >= 3

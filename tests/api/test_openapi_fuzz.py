"""schemathesis against the OpenAPI spec: every documented operation answers without a server
error, and every read's response matches its schema, whatever the generated parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from newsgraph.api import ServerConfig, create_app
from newsgraph.run.local import refresh_views
from newsgraph.store import Store

from .conftest import build_store

pytestmark = pytest.mark.slow


def test_every_operation_conforms_to_the_openapi_spec(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    with Store(db) as store:
        refresh_views(store)  # what every ingest ends with
    app = create_app(ServerConfig(db=Path(db), warm_up=False, token="fuzz-token"))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:

        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            label = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, f"{label}: {response.text[:300]}"
            if case.method == "GET":
                case.validate_response(response, checks=[response_schema_conformance])

        check()

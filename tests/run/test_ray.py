"""The Ray engine against the local one: same inputs, same rows stored (ingest to store)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.run.local import ingest
from newsgraph.store import Store

pytestmark = [
    pytest.mark.slow,
    # Ray Data's configuration warns about its own deprecated options when first used.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLES = (
    "articles",
    "sentences",
    "mentions",
    "events",
    "event_actors",
    "claims",
    "motives",
    "actors",
    "actor_memory",
    "site_lines",
    "site_pages",
    "quarantine",
    "sources",
)
RUN_COLUMNS = {"run_id"}  # differs between the two stores by construction, not by content


def _ray() -> Any:
    """The ray module; missing it fails under CI and skips elsewhere (it is an optional extra)."""
    if os.environ.get("CI", "").lower() == "true":
        import ray

        return ray
    return pytest.importorskip("ray")


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    """A two-CPU local Ray instance owned by this module, stopped after it."""
    ray = _ray()
    patch = pytest.MonkeyPatch()
    patch.setenv("RAY_AUTH_MODE", "disabled")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    try:
        yield
    finally:
        ray.shutdown()
        patch.undo()


@pytest.fixture()
def inputs(tmp_path: Path) -> list[Path]:
    """The bundled examples plus one id arriving twice with new content, a copy of a text under
    another id, and a broken line."""
    extra = tmp_path / "extra.jsonl"
    first = {"id": "memo-1", "text": "The mayor of Lyon met the mayor of Turin on Monday."}
    second = {"id": "memo-1", "text": "The mayor of Lyon cancelled the meeting with Turin."}
    copy = {"id": "wire-1", "text": first["text"]}
    lines = [json.dumps(first), "{not json", json.dumps(second), json.dumps(copy)]
    extra.write_text("".join(f"{line}\n" for line in lines))
    return [EXAMPLES, extra]


def table_rows(store: Store, table: str) -> list[tuple[str, ...]]:
    """Every row of a table minus timestamps and run ids, as sorted comparable tuples."""
    columns = store.query(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    )
    kept = [
        f'"{c["column_name"]}"'
        for c in columns
        if "TIMESTAMP" not in c["data_type"] and c["column_name"] not in RUN_COLUMNS
    ]
    rows = store.con.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
    return sorted(tuple(repr(v) for v in row) for row in rows)


def test_ray_stores_the_same_rows_as_the_local_engine(
    cluster: None, inputs: list[Path], tmp_path: Path
) -> None:
    from newsgraph.run.ray import ingest_ray

    # Different batch sizes and worker counts: results must not depend on how work is split.
    with Store(tmp_path / "local.duckdb") as local_store:
        local = ingest(inputs, local_store, Settings(batch_size=8, workers=1))
        expected = {t: table_rows(local_store, t) for t in TABLES}
    with Store(tmp_path / "ray.duckdb") as ray_store:
        remote = ingest_ray(inputs, ray_store, Settings(batch_size=3, workers=2))
        found = {t: table_rows(ray_store, t) for t in TABLES}
        engines = ray_store.query("SELECT engine, workers FROM runs")

    assert remote.counts() == local.counts()
    assert local.stored >= 20 and local.versions == 1 and local.quarantined == 1
    assert local.events > 0 and local.mentions > 0
    for table in TABLES:
        assert found[table] == expected[table], table
    assert engines == [{"engine": "ray", "workers": 2}]


def test_ray_rerun_adds_nothing(cluster: None, tmp_path: Path) -> None:
    from newsgraph.run.ray import ingest_ray

    with Store(tmp_path / "ray.duckdb") as store:
        first = ingest_ray([EXAMPLES], store, Settings(batch_size=16, workers=2))
        again = ingest_ray([EXAMPLES], store, Settings(batch_size=16, workers=2))
        current = store.counts()["articles"]
    assert again.stored == 0 and again.duplicates == again.inputs == first.inputs
    assert current == first.stored


def test_more_workers_than_cluster_cpus_is_a_clear_error(
    cluster: None, inputs: list[Path], tmp_path: Path
) -> None:
    from newsgraph.run.ray import ingest_ray

    with Store(tmp_path / "ray.duckdb") as store, pytest.raises(NewsgraphError, match="CPUs"):
        ingest_ray(inputs, store, Settings(workers=3))

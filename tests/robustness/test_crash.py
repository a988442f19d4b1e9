"""kill -9 in the middle of an ingest, then ingest again: no half-written article, and the same
store as a clean run. Covers the whole local pipeline and the store's per-batch transactions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.run.local import ingest
from newsgraph.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BATCH = 2
COMPARED = {
    "articles": "SELECT id, version, is_current, title, clean_text FROM articles",
    "sentences": 'SELECT article_id, idx, start, "end" FROM sentences',
    "mentions": 'SELECT article_id, start, "end", kind, code, actor_id FROM mentions',
    "events": "SELECT id, cameo, plover FROM events",
    "motives": "SELECT id, cause_text, event_id FROM motives",
    "claims": "SELECT id, certainty FROM claims",
    "site_lines": "SELECT site, line, pages FROM site_lines",
}

CHILD = """
import sys
from newsgraph.config import Settings
from newsgraph.run.local import ingest
from newsgraph.store import Store

def progress(done, total):
    print("progress", done, total, flush=True)

with Store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=int(sys.argv[3])), progress=progress)
"""


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(path, read_only=True) as store:
        return {
            name: sorted(tuple(r.values()) for r in store.query(sql))
            for name, sql in COMPARED.items()
        }


@pytest.mark.slow
def test_kill_during_ingest_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    crashed = tmp_path / "crashed.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(crashed), str(EXAMPLES), str(BATCH)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    total = 0
    for line in child.stdout:
        _, done, total_text = line.split()
        total = int(total_text)
        if int(done) >= 2 * BATCH:  # two batches committed, more to come
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store(crashed) as store:
        stored = store.query("SELECT id FROM articles")
        assert 0 < len(stored) < total
        orphans = store.query(
            "SELECT count(*) AS n FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        )
        assert orphans[0]["n"] == 0, "an article was stored without its sentences"
        dangling = store.query(
            "SELECT count(*) AS n FROM mentions m"
            " WHERE m.article_id NOT IN (SELECT id FROM articles)"
        )
        assert dangling[0]["n"] == 0
        rerun = ingest([EXAMPLES], store, Settings(batch_size=BATCH))
        assert rerun.duplicates == len(stored)

    clean = tmp_path / "clean.duckdb"
    with Store(clean) as store:
        ingest([EXAMPLES], store, Settings(batch_size=BATCH))

    assert snapshot(crashed) == snapshot(clean)

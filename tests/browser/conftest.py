"""Browser tests: `newsgraph serve` on a free localhost port over a store built from examples/,
driven by Playwright through Debian's chromium (Playwright's own browsers cannot be downloaded
offline). Screenshots go to $NEWSGRAPH_SCREENSHOTS (e.g. docs/screenshots) or a temp folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SERVE = "from newsgraph.cli import serve  # noqa: F401\nfrom newsgraph.cli.app import app\napp()"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real browser (still runs in CI)")


def _missing(what: str) -> None:
    """Fail, naming the command that installs it: a suite that skipped the browser is not green."""
    pytest.fail(
        f"{what} is missing: run `sudo bash scripts/install_browser_deps.sh` (make browser)"
    )


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ ingested into a fresh store (ingest also builds its search index and stories)."""
    from newsgraph.run.local import ingest
    from newsgraph.store import Store

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(db) as store:
        summary = ingest([REPO / "examples"], store)
    assert summary.stored > 0, summary.as_dict()
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def base_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a `newsgraph serve` process over the demo store, stopped after the session."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    env = {**os.environ, "NEWSGRAPH_TOKEN": ""}
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--db", str(demo_db), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/articles?limit=1", timeout=30):
                    break
            except OSError:  # not listening yet (URLError), or busy warming up (timeout)
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"newsgraph serve did not start: see {log.name}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _missing(CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (pip)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page; every request it makes must stay on the server (no CDN, works offline)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=base_url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    yield tab
    context.close()
    assert not outside, f"requests left the server: {outside}"


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $NEWSGRAPH_SCREENSHOTS (relative to the repo) or a temp folder."""
    wanted = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    folder = REPO / wanted if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

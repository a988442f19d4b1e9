"""The browser tests fail, never skip, when chromium or Playwright is missing — in CI or not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def _conftest():  # type: ignore[no-untyped-def]
    path = Path(__file__).with_name("conftest.py")
    spec = importlib.util.spec_from_file_location("browser_conftest_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ci", ["", "true"])
def test_missing_browser_fails_and_names_the_command(
    ci: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"install_browser_deps\.sh"):
        _conftest()._missing("/usr/bin/chromium")


def test_install_script_names_the_command_when_it_cannot_install(tmp_path: Path) -> None:
    import subprocess

    script = Path(__file__).resolve().parents[2] / "scripts" / "install_browser_deps.sh"
    # A PATH without chromium or apt-get: the script must fail and say what to run.
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("bash", "id", "env"):
        (bindir / tool).symlink_to(f"/usr/bin/{tool}")
    done = subprocess.run(
        ["/usr/bin/bash", str(script)],
        env={"PATH": str(bindir)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "apt-get install -y chromium" in done.stderr

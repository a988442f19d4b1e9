"""requirements.lock and requirements-dev.lock agree with pyproject.toml: every declared requirement
is locked at a version its range admits, and nothing is locked as a direct requirement pyproject
no longer declares."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s\\;]+)")


def locked(path: Path) -> tuple[dict[str, str], set[str]]:
    """Pinned versions, and the names uv marks as required by pyproject itself."""
    versions: dict[str, str] = {}
    direct: set[str] = set()
    current = ""
    for line in path.read_text().splitlines():
        pin = PIN.match(line)
        if pin:
            current = canonicalize_name(pin.group(1))
            versions[current] = pin.group(2)
        elif "newsgraph (pyproject.toml)" in line and current:
            direct.add(current)
    return versions, direct


def declared(extras: tuple[str, ...] | None) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    groups = project["optional-dependencies"]
    names = groups if extras is None else extras
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in names:
        reqs += [Requirement(r) for r in groups[extra]]
    return reqs


@pytest.mark.parametrize(
    ("lock", "extras"), [("requirements-dev.lock", None), ("requirements.lock", ("web",))]
)
def test_lock_agrees_with_pyproject(lock: str, extras: tuple[str, ...] | None) -> None:
    versions, direct = locked(REPO / lock)
    wanted = declared(extras)
    for req in wanted:
        name = canonicalize_name(req.name)
        assert name in versions, f"{req} is in pyproject.toml but not in {lock}: run make lock"
        assert req.specifier.contains(versions[name], prereleases=True), (
            f"{lock} pins {name}=={versions[name]}, outside pyproject's {req}: run make lock"
        )
    stale = direct - {canonicalize_name(r.name) for r in wanted}
    assert not stale, f"{lock} still locks {sorted(stale)} for pyproject: run make lock"


def test_every_pin_has_a_hash() -> None:
    for lock in ("requirements-dev.lock", "requirements.lock"):
        text = (REPO / lock).read_text()
        entries = re.split(r"\n(?=[A-Za-z0-9])", text)
        for entry in entries:
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]} has no hash"


def test_base_lock_versions_are_the_dev_lock_versions() -> None:
    """demo and test install the same version of every package they share."""
    dev, _ = locked(REPO / "requirements-dev.lock")
    base, _ = locked(REPO / "requirements.lock")
    differ = {n: (v, dev.get(n)) for n, v in base.items() if dev.get(n) != v}
    assert not differ, differ

"""long_lived: no cyclic collections while resources are built, and what they built is frozen."""

from __future__ import annotations

import gc

import pytest

from newsgraph.heap import long_lived


def test_builds_without_collections_then_freezes() -> None:
    before = gc.get_freeze_count()
    with long_lived():
        assert not gc.isenabled()
        table = {str(i): [i] for i in range(1000)}
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(table)


def test_collections_resume_after_a_failed_build() -> None:
    with pytest.raises(RuntimeError), long_lived():
        raise RuntimeError("resource missing")
    assert gc.isenabled()

"""`newsgraph serve`: warns when reads would be open beyond this machine."""

from __future__ import annotations

import pytest

from newsgraph.cli.serve import _is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_only_loopback_hosts_count_as_local(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback

"""The server's settings: which store, the write token, and the limits it keeps."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_ENV = "NEWSGRAPH_TOKEN"


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """What the server serves and the limits it keeps; no token means writes are refused."""

    db: Path
    token: str | None = field(default_factory=lambda: os.environ.get(TOKEN_ENV) or None)
    max_upload_bytes: int = 20 * 1024 * 1024
    query_seconds: float = 10.0  # ask, search, relations, graph
    read_wait_seconds: float = 3.0  # how long a read waits for an in-server ingest before a 503
    warm_up: bool = True  # load the linker's dictionaries at start-up, in the background

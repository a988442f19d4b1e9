"""POST /api/ingest: check the token, lay the uploads out as files, run the ingest in this process.

The uploads go through the same `newsgraph.run.local.ingest` as the command line, so they are
read, deduplicated, cleaned and coded exactly like files given to `newsgraph ingest`.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException

from newsgraph.api.access import StoreAccess
from newsgraph.config import Settings
from newsgraph.run.local import ingest
from newsgraph.run.summary import RunSummary

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded input: the name the client gave it and its bytes."""

    name: str
    data: bytes


def check_token(expected: str | None, given: str | None) -> None:
    """Refuse writes when no token is configured, or when the given one differs."""
    if not expected:
        raise HTTPException(
            403, "writes are disabled: start the server with NEWSGRAPH_TOKEN set to allow ingest"
        )
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})


def safe_name(name: str, taken: set[str]) -> str:
    """A plain file name for an upload: no folders, no odd characters, unique in its folder."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload.txt"
    base = base[-120:]
    if base.lower().endswith(".meta.json"):  # would be read as another upload's sidecar
        base = base[: -len(".meta.json")] + "_meta.json"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{n}-{base}"
    taken.add(candidate.lower())
    return candidate


def ingest_uploads(
    access: StoreAccess, uploads: Sequence[Upload], meta: dict[str, str]
) -> RunSummary:
    """Write the uploads to a temporary folder and ingest it, holding the store for writing."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as folder:
        taken: set[str] = set()
        for item in uploads:
            path = Path(folder) / safe_name(item.name, taken)
            path.write_bytes(item.data)
            if meta:  # metadata a plain text or page cannot carry, as the sidecar ingest reads
                path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), "utf-8")
        with access.write() as store:
            # ingest also refreshes what spans the whole store (search index, stories).
            summary = ingest([folder], store, Settings(db=access.path, workers=1))
    return summary

"""The CAMEO codebook with Goldstein scores, quad classes and PLOVER mappings, as typed records."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

DROPPED = "(dropped)"


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """One CAMEO code and what it means in the other schemes."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str  # "" when PLOVER drops the category (CAMEO 01 and 02)
    mode: str
    context: str

    @property
    def is_plover_event(self) -> bool:
        return bool(self.plover)


class Codebook:
    """CAMEO code -> entry; unknown sub-codes fall back to their parent code."""

    def __init__(self, entries: dict[str, CodebookEntry]) -> None:
        self._entries = entries

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def codes(self) -> frozenset[str]:
        return frozenset(self._entries)

    def get(self, code: str) -> CodebookEntry | None:
        """The entry of a code, or of its nearest listed parent (0314 -> 031 -> 03)."""
        while code:
            if code in self._entries:
                return self._entries[code]
            code = code[:-1] if len(code) > 3 else code[:2] if len(code) == 3 else ""
        return None

    def entry_or_unlisted(self, code: str) -> CodebookEntry:
        """The code's entry; a numeric code of a user's own ontology gets a neutral entry."""
        entry = self.get(code)
        if entry is not None:
            return entry
        return CodebookEntry(code, code[:2], "(not in the CAMEO codebook)", 0.0, 0, "", "", "")

    def __getitem__(self, code: str) -> CodebookEntry:
        entry = self.get(code)
        if entry is None:
            raise KeyError(code)
        return entry


def _float(text: str, default: float = 0.0) -> float:
    try:
        return float(text)
    except ValueError:
        return default


def read_codebook(path: Path) -> Codebook:
    """Read a codebook CSV (comment lines start with '#')."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    entries = {}
    for row in rows:
        plover = row["plover_event"].strip()
        entries[row["cameo_code"]] = CodebookEntry(
            code=row["cameo_code"],
            root=row["root_code"],
            name=row["name"],
            goldstein=_float(row["goldstein_gdelt"], _float(row["goldstein_phoenix"])),
            quad_class=int(row["quad_class_gdelt"] or 0),
            plover="" if plover == DROPPED else plover,
            mode=row["plover_mode"].strip(),
            context=row["plover_context"].strip(),
        )
    return Codebook(entries)


@cache
def default_codebook() -> Codebook:
    """The codebook shipped in newsgraph/resources/ontology."""
    path = resources.files("newsgraph") / "resources" / "ontology" / "cameo_codebook.csv"
    return read_codebook(Path(str(path)))

"""Sector codes as CAMEO and PLOVER know them, read from an actor code ("RUSGOVMIL").

CAMEO (and Phoenix) codes an actor as a country or IGO prefix followed by 3-letter sector
codes; PLOVER keeps most sectors but renames or merges a few (CAMEO's MED "media" is PLOVER's
JRN, CAMEO's HLH "health" is PLOVER's MED; insurgents and separatists are rebels; NGOs and
human-rights or environmental groups are civil society, SOC). A mention carries both codings
where they differ (`Sectors.plover`).
"""

from __future__ import annotations

from dataclasses import dataclass

# CAMEO sector codes (CAMEO manual 1.1b3 ch. 3, Phoenix agents) and their PLOVER reading.
CAMEO_TO_PLOVER: dict[str, str] = {
    "GOV": "GOV",
    "MIL": "MIL",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "PTY": "PTY",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "CRM": "CRM",
    "SPY": "SPY",
    "UAF": "UAF",
    "PRM": "PRM",
    "BUS": "BUS",
    "MNC": "BUS",
    "MED": "JRN",
    "JRN": "JRN",
    "HLH": "MED",
    "NGO": "SOC",
    "NGM": "SOC",
    "HRI": "SOC",
    "ENV": "SOC",
    "IGO": "IGO",
    "CVL": "CVL",
    "EDU": "EDU",
    "REL": "REL",
    "LAB": "LAB",
    "AGR": "AGR",
    "ELI": "ELI",
    "OPP": "OPP",
    "REF": "REF",
    "SOC": "SOC",
    "PRE": "PRE",
    "UNK": "UNK",
}


@dataclass(frozen=True, slots=True)
class Sectors:
    """The sectors of one actor code: CAMEO's, and PLOVER's where it differs."""

    country: str | None
    cameo: tuple[str, ...]
    plover: tuple[str, ...]

    @property
    def primary(self) -> str | None:
        return self.cameo[0] if self.cameo else None


def sectors_of(code: str | None) -> Sectors:
    """Country (or IGO/NGO prefix) and sector codes of a CAMEO actor code.

    "KAZGOVMIL" -> KAZ, (GOV, MIL); "IGOUNO" -> IGO, (IGO,); "NGOHRI" -> NGO, (NGO, HRI).
    A bare prefix names the country alone; the international prefixes are also a sector.
    """
    if not code or len(code) < 3:
        return Sectors(None, (), ())
    head: str | None = code[:3]
    start = 3
    if head in CAMEO_TO_PLOVER and head not in {"IGO", "NGO"}:
        head, start = None, 0  # a sector with no country ("GOV" for "the authorities")
    groups = [code[i : i + 3] for i in range(start, len(code) - len(code) % 3, 3)]
    cameo = [g for g in groups if g in CAMEO_TO_PLOVER]
    if head in {"IGO", "NGO"} and head not in cameo:
        cameo.insert(0, head)
    cameo = list(dict.fromkeys(cameo))
    plover = list(dict.fromkeys(CAMEO_TO_PLOVER[c] for c in cameo))
    return Sectors(head, tuple(cameo), tuple(plover))

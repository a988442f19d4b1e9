"""CAMEO and PLOVER sectors read from actor codes."""

from __future__ import annotations

import pytest

from newsgraph.link.sectors import sectors_of


@pytest.mark.parametrize(
    ("code", "country", "cameo", "plover"),
    [
        ("KAZGOVMIL", "KAZ", ("GOV", "MIL"), ("GOV", "MIL")),
        ("USAMED", "USA", ("MED",), ("JRN",)),  # CAMEO's media is PLOVER's JRN
        ("GBRHLH", "GBR", ("HLH",), ("MED",)),  # CAMEO's health is PLOVER's MED
        ("IRQINS", "IRQ", ("INS",), ("REB",)),
        ("IGOUNO", "IGO", ("IGO",), ("IGO",)),
        ("NGOHRI", "NGO", ("NGO", "HRI"), ("SOC",)),
        ("RUS", "RUS", (), ()),
        ("GOV", None, ("GOV",), ("GOV",)),  # a sector without a country
        (None, None, (), ()),
    ],
)
def test_sectors_of_a_code(
    code: str | None, country: str | None, cameo: tuple[str, ...], plover: tuple[str, ...]
) -> None:
    found = sectors_of(code)
    assert (found.country, found.cameo, found.plover) == (country, cameo, plover)

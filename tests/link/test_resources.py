"""Resource files: notation round trips, headers with source and licence, reproducible build."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from newsgraph.dictionaries.petrarch import DatedCode, Phrase
from newsgraph.link import resources
from newsgraph.link.resources import (
    format_codes,
    format_phrase,
    parse_codes,
    parse_phrase_cell,
    slug,
    title_case,
)

REPO = Path(__file__).resolve().parents[2]
GENERATED = [
    resources.ACTORS / "countries.tsv",
    resources.ACTORS / "phoenix_actors.tsv",
    resources.ACTORS / "phoenix_agents.tsv",
    resources.ACTORS / "countryinfo_roles.tsv",
    resources.ACTORS / "world_leaders.tsv",
    resources.ACTORS / "parties.tsv",
    resources.PLACES / "admin1.tsv",
]
HAND_WRITTEN = [
    resources.ACTORS / "leaders_2015_2026.csv",
    resources.ACTORS / "titles.csv",
    resources.ACTORS / "aliases.csv",
]


def test_phrase_and_code_notation_round_trips() -> None:
    phrase = Phrase(("argentin",), stem=True)
    assert parse_phrase_cell(format_phrase(phrase)) == phrase
    codes = (
        DatedCode("RUSGOV", date(1999, 12, 31), date(2008, 5, 7)),
        DatedCode("RUSGOV", date(2008, 5, 8), None),
        DatedCode("RUSELI"),
    )
    assert format_codes(codes) == "RUSGOV:19991231-20080507 RUSGOV:20080508- RUSELI"
    assert parse_codes(format_codes(codes)) == codes


def test_display_names_and_slugs() -> None:
    assert title_case("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert title_case("THE_UNITED_NATIONS_", keep_acronyms=True) == "United Nations"
    assert title_case("GROUP_OF_EIGHT", keep_acronyms=True) == "Group of Eight"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


@pytest.mark.parametrize("path", GENERATED + HAND_WRITTEN, ids=lambda p: p.name)
def test_every_resource_states_source_licence_and_version(path: Path) -> None:
    head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(head)
    assert f"version {resources.RESOURCE_VERSION}" in text
    assert "Licence:" in text or "licensed under" in text
    if path.name == "countryinfo_roles.tsv":
        assert "CC BY-SA 3.0" in text


def test_resources_are_small() -> None:
    # 4.3 MB since the world leaders (0.6 MB) and parties (0.7 MB) joined the knowledge base.
    total = sum(p.stat().st_size for p in GENERATED + HAND_WRITTEN)
    assert total < 5_000_000


def test_leaders_file_is_consistent() -> None:
    rows = resources.load_roles(resources.ACTORS / "leaders_2015_2026.csv")
    assert len(rows) > 200
    for row in rows:
        assert row.valid_from is not None, row
        assert row.valid_to is None or row.valid_from <= row.valid_to, row
        assert row.code.startswith(row.country or "IGO"), row


@pytest.mark.parametrize(
    "country",
    [
        *("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR"),
        *("MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "AZE", "ARM", "IRN", "UKR", "PRK"),
        "AFG",
    ],
)
def test_leaders_cover_every_country_of_the_seed_and_the_g20(country: str) -> None:
    rows = [
        r
        for r in resources.load_roles(resources.ACTORS / "leaders_2015_2026.csv")
        if r.country == country
    ]
    for day in (date(2015, 6, 1), date(2019, 6, 1), date(2024, 8, 18)):
        held = {
            r.title
            for r in rows
            if r.valid_from and r.valid_from <= day and (r.valid_to is None or day <= r.valid_to)
        }
        assert held, (country, day)


@pytest.mark.slow
@pytest.mark.shared
def test_build_reproduces_the_generated_files_byte_for_byte(
    shared_dir: Path, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_actor_resources", REPO / "scripts" / "build_actor_resources.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actor_resources"] = module
    spec.loader.exec_module(module)
    module.main(["--shared", str(shared_dir), "--out", str(tmp_path)])
    for path in GENERATED:
        rebuilt = tmp_path / path.parent.name / path.name
        assert rebuilt.read_bytes() == path.read_bytes(), path.name

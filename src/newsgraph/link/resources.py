"""The linker's resource files (resources/actors, resources/places) as typed records.

Generated files (countries.tsv, phoenix_*.tsv, countryinfo_roles.tsv, admin1.tsv) are written by
scripts/build_actor_resources.py with the helpers below; hand-written ones (leaders_2015_2026.csv,
titles.csv, aliases.csv) use the same phrase and date notation. Lines starting with '#' carry the
source, licence and version of each file.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.dictionaries.petrarch import DatedCode, DictionaryAgent, Phrase
from newsgraph.dictionaries.words import norms

RESOURCE_VERSION = "1"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ACTORS = RESOURCES / "actors"
PLACES = RESOURCES / "places"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Kept in capitals in organisation names: up to three letters, or no vowel ("NATO" cannot be
# told from "UNION"; aliases.csv names the well-known ones).
_ACRONYM = re.compile(r"^(?:[A-Z&.]{2,3}|[B-DF-HJ-NP-TV-Z&.]{2,6})$")
_SMALL_WORDS = frozenset(
    {"THE", "OF", "AND", "FOR", "IN", "ON", "AT", "TO", "DE", "LA", "LE", "DU", "AL", "EL"}
    | {"INC", "CO", "LTD", "LLC", "PLC", "AG", "SA", "NV", "BV"}
)


@dataclass(frozen=True, slots=True)
class CountryRow:
    """A country: ISO3, English name, capital and the phrases that denote it."""

    iso3: str
    name: str
    capital: str
    population: int
    capital_population: int
    names: tuple[Phrase, ...]
    demonyms: tuple[Phrase, ...]
    capitals: tuple[Phrase, ...]
    places: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class ActorRow:
    """A dictionary actor that is not a country: person, institution, IGO, company or group."""

    id: str
    kind: str
    name: str
    country: str
    codes: tuple[DatedCode, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class RoleRow:
    """A titled office held by a person between two dates (inclusive, open when None)."""

    name: str
    aliases: tuple[Phrase, ...]
    country: str
    title: str
    code: str
    valid_from: date | None
    valid_to: date | None
    source: str


@dataclass(frozen=True, slots=True)
class TitleRow:
    """A title or office noun: the sector code it gives and its kind of office."""

    phrase: Phrase
    sector: str
    category: str


@dataclass(frozen=True, slots=True)
class AliasRow:
    """An extra phrase for a country, IGO, bloc, seat of power or group."""

    phrase: str
    kind: str
    id: str
    name: str
    code: str
    country: str


@dataclass(frozen=True, slots=True)
class Admin1Row:
    """A first-level administrative region (oblast, province, state) of a country."""

    iso3: str
    name: str
    ascii_name: str


_LOWER_WORDS = frozenset({"OF", "AND", "THE", "FOR", "IN", "ON", "AT", "TO"})


def format_phrase(phrase: Phrase) -> str:
    """Words joined by spaces, '*' appended for a stem."""
    return " ".join(phrase.words) + ("*" if phrase.stem else "")


def parse_phrase_cell(cell: str) -> Phrase:
    stem = cell.endswith("*")
    return Phrase(tuple(cell.rstrip("*").split(" ")), stem=stem)


def parse_phrases(cell: str) -> tuple[Phrase, ...]:
    return tuple(parse_phrase_cell(c) for c in cell.split("|") if c)


def format_codes(codes: list[DatedCode] | tuple[DatedCode, ...]) -> str:
    """``RUSGOV:19991231-20080507 RUSELI``: dates as YYYYMMDD, either side may be empty."""
    cells = []
    for code in codes:
        if not code.dated:
            cells.append(code.code)
            continue
        start = code.valid_from.strftime("%Y%m%d") if code.valid_from else ""
        end = code.valid_to.strftime("%Y%m%d") if code.valid_to else ""
        cells.append(f"{code.code}:{start}-{end}")
    return " ".join(cells)


def _yyyymmdd(text: str) -> date | None:
    return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None


def parse_codes(cell: str) -> tuple[DatedCode, ...]:
    codes = []
    for item in cell.split():
        code, _, span = item.partition(":")
        start, _, end = span.partition("-")
        codes.append(DatedCode(code, _yyyymmdd(start), _yyyymmdd(end)))
    return tuple(codes)


def slug(name: str) -> str:
    """A readable id fragment: 'Vladimir Putin' -> 'vladimir-putin'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", folded.lower()).strip("-")


def title_case(raw: str, keep_acronyms: bool = False) -> str:
    """A display name from a dictionary name: 'AL-QAEDA_' -> 'Al-Qaeda'.

    With `keep_acronyms` (organisations), short all-capital words stay so: 'NATO', 'OPEC'.
    """
    words = raw.replace("_", " ").split()
    shown = []
    for position, word in enumerate(words):
        if keep_acronyms and _ACRONYM.match(word) and word not in _SMALL_WORDS:
            shown.append(word)
        elif position and word in _LOWER_WORDS:
            shown.append(word.lower())
        else:
            shown.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    if len(shown) > 1 and shown[0] == "The":
        shown = shown[1:]
    return " ".join(shown)


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a resource table (TSV or CSV by extension), '#' comment lines skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#") and line.strip())
        if path.suffix != ".tsv":
            yield from csv.DictReader(lines)
            return
        # TSV cells never hold tabs or newlines (the build script checks), so split directly.
        columns = next(lines).rstrip("\n").split("\t")
        for line in lines:
            yield dict(zip(columns, line.rstrip("\n").split("\t"), strict=True))


def load_countries(path: Path = ACTORS / "countries.tsv") -> list[CountryRow]:
    return [
        CountryRow(
            r["iso3"],
            r["name"],
            r["capital"],
            int(r["population"] or 0),
            int(r["capital_population"] or 0),
            parse_phrases(r["names"]),
            parse_phrases(r["demonyms"]),
            parse_phrases(r["capitals"]),
            parse_phrases(r["places"]),
        )
        for r in read_rows(path)
    ]


def load_actor_rows(path: Path = ACTORS / "phoenix_actors.tsv") -> list[ActorRow]:
    """Actor rows; the display name's own words are always one of the phrases."""
    return [
        ActorRow(
            r["id"],
            r["kind"],
            r["name"],
            r["country"],
            parse_codes(r["codes"]),
            (Phrase(norms(r["name"])), *parse_phrases(r["phrases"])),
        )
        for r in read_rows(path)
    ]


def load_agent_rows(path: Path = ACTORS / "phoenix_agents.tsv") -> list[DictionaryAgent]:
    return [
        DictionaryAgent(parse_phrase_cell(r["phrase"]), r["code"], r["position"] == "prefix")
        for r in read_rows(path)
    ]


def _date_cell(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell else None


def load_roles(path: Path) -> list[RoleRow]:
    """Titled offices: countryinfo_roles.tsv, world_leaders.tsv (phrase aliases) or
    leaders_2015_2026.csv."""
    rows = []
    for r in read_rows(path):
        if not r["name"]:
            continue  # CountryInfo lists a few offices without their holder's name
        if path.suffix == ".tsv":
            aliases = (Phrase(norms(r["name"])), *parse_phrases(r["aliases"]))
        else:
            names = [r["name"], *(a for a in r["aliases"].split("|") if a.strip())]
            aliases = tuple(Phrase(norms(n)) for n in names if norms(n))
        rows.append(
            RoleRow(
                r["name"],
                aliases,
                r["country"],
                r["title"],
                r["code"],
                _date_cell(r["valid_from"]),
                _date_cell(r["valid_to"]),
                r.get("source") or path.name,
            )
        )
    return rows


def load_titles(path: Path = ACTORS / "titles.csv") -> list[TitleRow]:
    return [
        TitleRow(Phrase(norms(r["title"])), r["sector"], r["category"]) for r in read_rows(path)
    ]


def load_aliases(path: Path = ACTORS / "aliases.csv") -> list[AliasRow]:
    return [
        AliasRow(r["phrase"], r["kind"], r["id"], r["name"], r["code"], r["country"])
        for r in read_rows(path)
    ]


@dataclass(frozen=True, slots=True)
class SuccessorRow:
    """A code that stopped being valid after `last_day` (always, when None) and its successor."""

    code: str
    successor: str
    last_day: date | None


def load_successors(path: Path = ACTORS / "successors.csv") -> list[SuccessorRow]:
    return [
        SuccessorRow(r["code"], r["successor"], _date_cell(r["last_day"])) for r in read_rows(path)
    ]


def load_admin1(path: Path = PLACES / "admin1.tsv") -> list[Admin1Row]:
    return [Admin1Row(r["iso3"], r["name"], r["ascii_name"]) for r in read_rows(path)]


@dataclass(frozen=True, slots=True)
class PartyRow:
    """A political party: its names, abbreviations (matched in capitals only) and dates."""

    id: str
    country: str
    name: str
    names: tuple[Phrase, ...]
    abbreviations: tuple[Phrase, ...]
    founded: date | None
    dissolved: date | None


def load_parties(path: Path = ACTORS / "parties.tsv") -> list[PartyRow]:
    """Party rows; the display name's own words are always one of the names."""
    return [
        PartyRow(
            r["id"],
            r["country"],
            r["name"],
            (Phrase(norms(r["name"])), *parse_phrases(r["names"])),
            parse_phrases(r["abbreviations"]),
            _date_cell(r["founded"]),
            _date_cell(r["dissolved"]),
        )
        for r in read_rows(path)
    ]

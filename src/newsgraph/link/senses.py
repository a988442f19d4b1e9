"""What a dictionary phrase can mean: an actor, a place, an agent noun or a title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class ActorSense:
    """The phrase names an actor; `how` says in what way (dictionary, demonym, metonym)."""

    actor_id: str
    how: str = "dictionary"
    rank: int = 5  # lower wins when several actors share a phrase
    acronym: bool = False  # an abbreviation ("PRI"): it names the actor only in capitals
    capitalised: bool = False  # a name whose every content word is capitalised ("Nation Party")


@dataclass(frozen=True, slots=True)
class PlaceSense:
    """The phrase names a place in a country."""

    key: str  # geonames:587084, airport:GYD, admin1:RUS:Kursk, ...
    name: str
    country: str | None
    feature: str  # capital, city, region, airport, place
    population: int = 0


@dataclass(frozen=True, slots=True)
class AgentSense:
    """A PETRARCH agent noun: a sector code added to (or put before) an actor's code."""

    code: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class TitleSense:
    """A title or office noun: the sector it gives a person and its kind of office."""

    sector: str
    category: str
    plural: bool = False  # "ministers": a group, not one person


Sense: TypeAlias = ActorSense | PlaceSense | AgentSense | TitleSense

PERSON_CATEGORIES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "leader",
        "foreign_minister",
        "defence_minister",
        "minister",
        "deputy",
        "official",
        "diplomat",
        "legislator",
        "military",
        "police",
        "judiciary",
        "media",
        "business",
        "rebel",
        "opposition",
        "religious",
        "royal",
        "party",
    }
)
LEADER_CATEGORIES = frozenset({"head_of_state", "head_of_government", "leader"})
# Offices specific enough for a role phrase to stand for one person ("the Russian president");
# "the governor", "officials" are too vague to resolve.
COREFERENT_CATEGORIES = LEADER_CATEGORIES | {"foreign_minister", "defence_minister"}


def categories_match(wanted: str, held: str) -> bool:
    """True when an office of kind `held` answers a role phrase of kind `wanted`."""
    if wanted == held:
        return True
    return wanted == "leader" and held in LEADER_CATEGORIES

"""The catalog of canonical actors, their dated roles, and the phrases that name them.

Sources, most trusted first (`rank`): hand-written aliases, countries, the hand-written leaders of
2015-2026, CountryInfo's titled offices, then the Phoenix persons, institutions and groups. A
person known to several sources (Putin) becomes one actor whose titled roles come first, newest
first, followed by Phoenix's dated codes in dictionary order.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from newsgraph.dictionaries.petrarch import (
    DatedCode,
    DictionaryActor,
    DictionaryAgent,
    Phrase,
    plural_of,
)
from newsgraph.dictionaries.words import norms
from newsgraph.link import resources
from newsgraph.link.index import PhraseIndex
from newsgraph.link.resources import AliasRow, CountryRow, RoleRow, slug, title_case
from newsgraph.link.senses import (
    ActorSense,
    AgentSense,
    Sense,
    TitleSense,
    categories_match,
)
from newsgraph.link.titles import TitleLexicon
from newsgraph.model import Actor, ActorKind, Role

log = logging.getLogger(__name__)

AGENT_STEM_ENDINGS = ("", "s", "es", "er", "ers", "ry", "ries")
RANK_CUSTOM = 0
RANK_ALIAS = 0
RANK_COUNTRY = 1
RANK_LEADERS = 2
RANK_COUNTRYINFO = 3
RANK_PERSON = 4
RANK_OTHER = 5
_KINDS: dict[str, ActorKind] = {
    "person": "person",
    "country": "country",
    "igo": "igo",
    "org": "org",
    "bloc": "bloc",
    "group": "group",
    "seat": "org",
}


@dataclass
class _Draft:
    """An actor being assembled from several sources."""

    id: str
    name: str
    kind: ActorKind
    code: str
    country: str | None
    source: str
    aliases: list[str] = field(default_factory=list)
    titled: list[Role] = field(default_factory=list)
    dated: list[Role] = field(default_factory=list)

    def freeze(self) -> Actor:
        def newest_first(role: Role) -> tuple[date, date]:
            return (role.valid_from or date.min, role.valid_to or date.max)

        titled = sorted(dict.fromkeys(self.titled), key=newest_first, reverse=True)
        code = self.code or (titled[0].code if titled else "")
        return Actor(
            id=self.id,
            name=self.name,
            code=code,
            kind=self.kind,
            roles=(*titled, *dict.fromkeys(self.dated)),
            aliases=tuple(dict.fromkeys(a for a in self.aliases if a != self.name)),
            country=self.country or None,
            source=self.source,
        )


@dataclass(frozen=True, slots=True)
class Office:
    """A titled role held by an actor, filed by country and kind of office."""

    actor_id: str
    role: Role
    category: str


class Catalog:
    """Canonical actors, the phrase index over every sense, and offices by country."""

    def __init__(
        self,
        actors: dict[str, Actor],
        index: PhraseIndex[Sense],
        titles: TitleLexicon,
        offices: dict[tuple[str, str], list[Office]],
    ) -> None:
        self.actors = actors
        self.index = index
        self.titles = titles
        self.offices = offices

    def code_for(self, actor: Actor, day: date | None) -> str:
        """The actor's code on a day; an unknown day means its current role."""
        if day is None:
            role = current_role(actor)
            return role.code if role else actor.code or actor.country or ""
        # No role on that day and no default: the country is still known.
        return actor.code_on(day) or actor.country or ""

    def role_for(self, actor: Actor, day: date | None) -> Role | None:
        """The titled role the actor holds on a day (current one for an unknown day)."""
        titled = [r for r in actor.roles if r.title]
        if day is None:
            return current_role(Actor(actor.id, actor.name, actor.code, actor.kind, tuple(titled)))
        return next((r for r in titled if r.holds_on(day)), None)

    def category_of(self, title: str) -> str:
        """The kind of office a role title names (head_of_state, foreign_minister, ...)."""
        words = norms(title)
        found = self.titles.resolve(words, title, None)
        return found.category if found else "official"

    def holders(self, country: str, category: str, day: date | None) -> list[str]:
        """Actors holding an office of this kind in this country on a day, newest first."""
        found: list[tuple[date, str]] = []
        for (office_country, held), offices in self.offices.items():
            if office_country != country or not categories_match(category, held):
                continue
            for office in offices:
                role = office.role
                if (day is None and role.valid_to is None) or (
                    day is not None and role.holds_on(day)
                ):
                    found.append((role.valid_from or date.min, office.actor_id))
        return [actor_id for _, actor_id in sorted(found, reverse=True)]


def current_role(actor: Actor) -> Role | None:
    """The open-ended role that started last: what the actor is now."""
    open_ended = [r for r in actor.roles if r.valid_to is None and r.valid_from is not None]
    if not open_ended:
        return None
    titled = [r for r in open_ended if r.title] or open_ended
    return max(titled, key=lambda r: r.valid_from or date.min)


def _roles_from_codes(codes: Iterable[DatedCode]) -> tuple[list[Role], str]:
    dated, default = [], ""
    for code in codes:
        if code.dated:
            dated.append(Role("", code.code, code.valid_from, code.valid_to))
        elif not default:
            default = code.code
    return dated, default


class CatalogBuilder:
    """Collects actors, senses, titles and offices from resources and custom dictionaries."""

    def __init__(self) -> None:
        self.drafts: dict[str, _Draft] = {}
        self.index: PhraseIndex[Sense] = PhraseIndex()
        self.titles = TitleLexicon()

    def _draft(
        self, actor_id: str, name: str, kind: ActorKind, code: str, country: str | None, source: str
    ) -> _Draft:
        draft = self.drafts.get(actor_id)
        if draft is None:
            draft = self.drafts[actor_id] = _Draft(actor_id, name, kind, code, country, source)
        elif not draft.country and country:
            draft.country = country
        return draft

    def _phrase(self, phrase: Phrase, sense: Sense) -> None:
        self.index.add(phrase, sense)

    def add_countries(self, rows: Iterable[CountryRow]) -> None:
        for row in rows:
            actor_id = f"country:{row.iso3}"
            draft = self._draft(actor_id, row.name, "country", row.iso3, row.iso3, "countries.tsv")
            draft.aliases.append(row.capital)
            for phrases, how in (
                (row.names, "dictionary"),
                (row.demonyms, "demonym"),
                (row.capitals, "metonym"),
            ):
                for phrase in phrases:
                    self._phrase(phrase, ActorSense(actor_id, how, RANK_COUNTRY))

    def add_aliases(self, rows: Iterable[AliasRow]) -> None:
        for row in rows:
            kind = _KINDS[row.kind]
            draft = self._draft(
                row.id, row.name, kind, row.code, row.country or None, "aliases.csv"
            )
            if row.kind != "country":
                draft.name, draft.code = (
                    row.name,
                    row.code,
                )  # the hand-written name is the display name
            draft.aliases.append(row.phrase)
            how = "metonym" if row.kind == "seat" else "dictionary"
            words = norms(row.phrase)
            if not words:
                continue
            self._phrase(Phrase(words), ActorSense(row.id, how, RANK_ALIAS))
            if row.kind != "country" and words[0] != "the":
                # "the Kremlin", "the EU": as long as the dictionaries' own "the ..." phrases.
                self._phrase(Phrase(("the", *words)), ActorSense(row.id, how, RANK_ALIAS))

    def add_roles(self, rows: Iterable[RoleRow], rank: int) -> None:
        """Titled offices (leaders file, CountryInfo): persons with dated, titled roles."""
        for row in rows:
            actor_id = f"person:{slug(row.name)}"
            draft = self._draft(actor_id, row.name, "person", "", row.country or None, row.source)
            draft.titled.append(Role(row.title, row.code, row.valid_from, row.valid_to))
            for phrase in row.aliases:
                draft.aliases.append(" ".join(w.capitalize() for w in phrase.words))
                self._phrase(phrase, ActorSense(actor_id, "dictionary", rank))

    def add_actor_rows(self, rows: Iterable[resources.ActorRow]) -> None:
        for row in rows:
            kind = _KINDS.get(row.kind, "org")
            dated, default = _roles_from_codes(row.codes)
            draft = self._draft(row.id, row.name, kind, default, row.country or None, "phoenix")
            if not draft.code:
                draft.code = default
            draft.dated.extend(dated)
            rank = RANK_PERSON if kind == "person" else RANK_OTHER
            for phrase in row.phrases:
                self._phrase(phrase, ActorSense(row.id, "dictionary", rank))

    def add_dictionary_actors(self, actors: Iterable[DictionaryActor], source: str) -> None:
        """User PETRARCH/TABARI actors: countries when coded by a bare 3-letter code."""
        for actor in actors:
            dated, default = _roles_from_codes(actor.codes)
            code = default or actor.code_on(None) or ""
            if not code:
                continue
            if dated:
                kind: ActorKind = "person"
            elif len(code) == 3 and code.isalpha():
                kind = "country"
            else:
                kind = "org"
            name = title_case(actor.raw_name, keep_acronyms=kind != "person")
            actor_id = f"country:{code}" if kind == "country" else f"{kind}:{slug(name)}"
            draft = self._draft(actor_id, name, kind, code, code[:3] or None, source)
            draft.dated.extend(dated)
            for phrase in actor.phrases:
                self._phrase(phrase, ActorSense(actor_id, "dictionary", RANK_CUSTOM))

    def add_agents(self, agents: Iterable[DictionaryAgent]) -> None:
        """Agent nouns; a stem ("DEFENCE_MINIST") only takes noun endings, so "DIPLOMAT" does
        not catch "diplomatic" (PETRARCH generates agents' plurals, so few stems remain)."""
        for agent in agents:
            sense = AgentSense(agent.code, agent.prefix)
            words = agent.phrase.words
            if not agent.phrase.stem:
                self._phrase(agent.phrase, sense)
                continue
            for ending in AGENT_STEM_ENDINGS:
                self._phrase(Phrase((*words[:-1], words[-1] + ending)), sense)

    def add_titles(self, rows: Iterable[resources.TitleRow]) -> None:
        for row in rows:
            sense = TitleSense(row.sector, row.category)
            self.titles.add(row.phrase, sense)
            self._phrase(row.phrase, sense)
            plural = Phrase((*row.phrase.words[:-1], plural_of(row.phrase.words[-1])))
            group = TitleSense(row.sector, row.category, plural=True)
            self.titles.add(plural, group)
            self._phrase(plural, group)

    def build(self) -> Catalog:
        actors = {actor_id: draft.freeze() for actor_id, draft in self.drafts.items()}
        catalog = Catalog(actors, self.index, self.titles, defaultdict(list))
        for actor in actors.values():
            for role in actor.roles:
                if role.title:
                    country = actor.country or role.code[:3]
                    category = catalog.category_of(role.title)
                    catalog.offices[(country, category)].append(Office(actor.id, role, category))
        log.info("catalog: %d actors, %d phrases", len(actors), len(self.index))
        return catalog

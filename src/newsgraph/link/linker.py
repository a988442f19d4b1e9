"""The link stage: actor and place mentions of an article, resolved to canonical actors.

One dictionary scan over the article's words finds actors (countries, demonyms, capitals, seats
of power, persons, IGOs, groups), places (cities, regions, airports), titles and agent nouns.
Rules then combine them: title + nationality + name makes a person ("Azerbaijani Deputy Foreign
Minister Khalaf Khalafov" -> AZEGOV), an agent after an actor makes a sector actor ("Armenian
government" -> ARMGOV), an organisation named after a place takes its country. spaCy entities,
when the article has a Doc, settle where names end and veto readings inside other entity types;
corpus memory and same-article surnames resolve names met before; a rule-based resolver links
role phrases and pronouns. Codes and roles are those valid on the article's publication date.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.dictionaries.petrarch import load_actor_dictionary, load_agent_dictionary
from newsgraph.dictionaries.words import Word, norms, tokenize, word_set
from newsgraph.heap import long_lived
from newsgraph.link import coref, gazetteer, resources
from newsgraph.link.catalog import (
    RANK_COUNTRYINFO,
    RANK_LEADERS,
    RANK_WORLD_LEADERS,
    Catalog,
    CatalogBuilder,
)
from newsgraph.link.dating import stated_day
from newsgraph.link.index import Hit
from newsgraph.link.memory import ActorMemory, MemoryEntry
from newsgraph.link.patterns import NOT_NAMES, RoleMatch, find_roles
from newsgraph.link.resources import slug
from newsgraph.link.senses import (
    COREFERENT_CATEGORIES,
    ActorSense,
    AgentSense,
    PlaceSense,
    Sense,
)
from newsgraph.model import Actor, Article, Mention, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Capitalised at a sentence start, these are words, not names; in capitals they are (US, IT).
FUNCTION_WORDS = word_set(
    "us it is in on at as an or so to be we he me no do go am my by of up if all can may will "
    "man more most new one same said who why how now per via and the for not but was are has "
    "had his her its our out off own any few yet nor due aid arm arms"
)
LOCATIVES = word_set(
    "in at from near outside into across toward towards via around to inside through"
)
# Words before a demonym that make it name an ethnic group rather than a country's nationals.
ETHNIC = word_set("ethnic")
# Entity types a place or country reading may not sit inside; a person reading may not sit in
# the place ones.
NOT_PLACE_ENTITIES = frozenset({"PERSON"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
ORG_HEADS = word_set(
    "committee council ministry agency company corporation bank university party federation "
    "association organization organisation union commission authority institute foundation "
    "group office service forces army navy court assembly parliament government front movement "
    "league alliance fund board centre center club"
)
# Words that make a capitalised run an organisation's name rather than a person's.
NOT_PERSON_WORDS = ORG_HEADS | word_set(
    "department conservatives labour democrats republicans liberals oil gas energy airlines "
    "airways motors holdings inc corp ltd plc group media news times post press television "
    "radio games cup league club united city county"
)
# Lower-case nouns after a name that make it a geographic name ("Zangezur corridor").
GEO_HEADS = word_set(
    "corridor valley river mountains mountain range region province district strait sea gulf "
    "bay lake desert plateau peninsula island islands basin pass gorge canal"
)
# A single-word place this big is a place whatever the context; smaller ones need a cue.
BIG_PLACE = 1_000_000
_ACTOR_KINDS_WITH_CODE = frozenset({"country", "igo", "bloc", "group", "org"})


@dataclass(frozen=True, slots=True)
class _Config:
    actor_dictionaries: tuple[str, ...]
    agent_dictionaries: tuple[str, ...]
    use_defaults: bool


@lru_cache(maxsize=8)
def _catalog(config: _Config) -> Catalog:
    """Build (once per process and configuration) the catalog and its phrase index."""
    with long_lived():
        return _build_catalog(config)


def _build_catalog(config: _Config) -> Catalog:
    builder = CatalogBuilder()
    for path in config.actor_dictionaries:
        builder.add_dictionary_actors(load_actor_dictionary(path), Path(path).name)
    for path in config.agent_dictionaries:
        builder.add_agents(load_agent_dictionary(path))
    if config.use_defaults:
        countries = resources.load_countries()
        builder.add_aliases(resources.load_aliases())
        builder.add_countries(countries)
        builder.add_roles(
            resources.load_roles(resources.ACTORS / "leaders_2015_2026.csv"), RANK_LEADERS
        )
        builder.add_roles(
            resources.load_roles(resources.ACTORS / "world_leaders.tsv"), RANK_WORLD_LEADERS
        )
        builder.add_roles(
            resources.load_roles(resources.ACTORS / "countryinfo_roles.tsv"), RANK_COUNTRYINFO
        )
        builder.add_actor_rows(resources.load_actor_rows())
        builder.add_parties(resources.load_parties())
        builder.add_agents(resources.load_agent_rows())
        builder.add_titles(resources.load_titles())
        builder.add_successors(resources.load_successors())
        iso3_of = gazetteer.iso3_by_iso2()
        gazetteer.add_countries(builder.index, countries)
        gazetteer.add_admin1(builder.index, resources.load_admin1(), countries)
        gazetteer.add_cities(builder.index, iso3_of)
        gazetteer.add_airports(builder.index, iso3_of)
    return builder.build()


def _combine(agent: AgentSense, code: str | None) -> str:
    """Agent code attached to an actor code, without doubling a sector already there."""
    if not code:
        return agent.code
    if agent.prefix:
        return agent.code + code
    return code if code.endswith(agent.code) else code + agent.code


def _proper(words: Sequence[Word], i: int, j: int) -> bool:
    """Case rule for names of actors and places: capitalised, not a capitalised function word."""
    first = i + 1 if words[i].norm == "the" and j - i > 1 else i
    word = words[first]
    if not word.capitalised:
        return False
    lone_word = j - i == 1
    return not (
        lone_word and (len(word.norm) < 2 or (word.norm in FUNCTION_WORDS and not word.all_caps))
    )


def _accept_for(words: Sequence[Word]) -> Any:
    def accept(sense: Sense, i: int, j: int) -> bool:
        if isinstance(sense, ActorSense) and sense.acronym:
            first = i + 1 if words[i].norm == "the" and j - i > 1 else i
            return all(w.all_caps for w in words[first:j])
        if isinstance(sense, ActorSense | PlaceSense):
            return _proper(words, i, j)
        return True

    return accept


@dataclass
class _Scan:
    """An article's words and dictionary hits."""

    text: str
    words: list[Word]
    hits: list[Hit[Sense]]
    starts: list[int] = field(init=False)  # each word's start offset, for bisecting

    def __post_init__(self) -> None:
        self.starts = [w.start for w in self.words]

    def word_range(self, start: int, end: int) -> range:
        """The indices of the words that start in [start, end)."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


@dataclass
class _ArticleState:
    """Everything the rules of one article share."""

    scan: _Scan
    day: date | None
    entities: list[tuple[int, int, str]]
    sentence_starts: list[int]
    memory: ActorMemory | None
    lenient_places: bool = False  # a short query: any gazetteer name counts as a place
    mentions: list[Mention] = field(default_factory=list)
    role_phrases: list[coref.RolePhrase] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # word indices a rule has used up
    local: dict[str, Actor] = field(default_factory=dict)  # actors met only in this article
    # Persons whose office the text states ("U.N. Secretary-General Kofi Annan"): their code here.
    stated: dict[str, str] = field(default_factory=dict)
    _countries: set[str] | None = None

    # The date a sentence states ("in March 2003"), by sentence index; None: none stated.
    sentence_days: dict[int, date | None] = field(default_factory=dict)

    def sentence_of(self, offset: int) -> int:
        if not self.sentence_starts:
            return 0
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def day_at(self, offset: int) -> date | None:
        """The day offices are dated by at an offset: the sentence's own date, else the
        publication date."""
        index = self.sentence_of(offset)
        if index not in self.sentence_days:
            starts = self.sentence_starts or [0]
            begin = starts[index] if index < len(starts) else 0
            end = starts[index + 1] if index + 1 < len(starts) else len(self.scan.text)
            self.sentence_days[index] = stated_day(self.scan.text[begin:end], self.day)
        return self.sentence_days[index] or self.day

    def entity_at(self, start: int, end: int) -> str | None:
        """The label of an entity overlapping [start, end), if any."""
        for e_start, e_end, label in self.entities:
            if e_start < end and start < e_end:
                return label
        return None

    def inside_larger(self, start: int, end: int, labels: frozenset[str]) -> bool:
        """True when [start, end) lies inside a longer entity of one of these types."""
        text = self.scan.text
        for e_start, e_end, label in self.entities:
            if label not in labels or not (e_start <= start and end <= e_end):
                continue
            core = text[e_start:e_end]
            # "the Hague" or "Baku's" is the same name, not a longer one.
            core_start = e_start + (4 if core.lower().startswith("the ") else 0)
            core_end = e_end - (2 if core.endswith(("'s", "’s")) else 0)
            if core_start < start or end < core_end:
                return True
        return False

    def article_countries(self, actors: dict[str, Actor]) -> set[str]:
        """Countries the article names outright (names, demonyms, capitals)."""
        if self._countries is None:
            self._countries = {
                actors[s.actor_id].code
                for hit in self.scan.hits
                for s in hit.senses
                if isinstance(s, ActorSense)
                and s.rank <= 1
                and s.actor_id in actors
                and actors[s.actor_id].kind == "country"
            }
        return self._countries

    def span(self, i: int, j: int) -> tuple[int, int, str]:
        words = self.scan.words
        start, end = words[i].start, words[j - 1].end
        return start, end, self.scan.text[start:end]


class Linker:
    """Links actor and place mentions of articles; loads its resources on first use.

    `actor_dictionaries` / `agent_dictionaries`: user PETRARCH/TABARI files; with
    `use_defaults=False` only those are used (no countries, gazetteer or leaders).
    """

    def __init__(
        self,
        actor_dictionaries: Iterable[str | Path] = (),
        agent_dictionaries: Iterable[str | Path] = (),
        use_defaults: bool = True,
    ) -> None:
        self._config = _Config(
            tuple(str(p) for p in actor_dictionaries),
            tuple(str(p) for p in agent_dictionaries),
            use_defaults,
        )
        self._met: dict[str, Actor] = {}
        # Dictionary hits of texts the memory pass scanned, kept for their link (see role_evidence).
        self._pending: dict[str, list[Hit[Sense]]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self._config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._config = state["config"]
        self._met = {}
        self._pending = {}

    @property
    def catalog(self) -> Catalog:
        return _catalog(self._config)

    # ---- public API -------------------------------------------------------------------

    def link(self, article: Article, memory: ActorMemory | None = None) -> Article:
        """The article with its actor and place mentions (codes valid on its published date)."""
        text = article.clean_text or ""
        state = _ArticleState(
            scan=self._scan(text),
            day=article.published,
            entities=_entities(article.doc),
            sentence_starts=_sentence_starts(article),
            memory=memory,
        )
        self._apply_rules(state, with_context=True)
        self._met.update(state.local)
        return replace(article, mentions=tuple(_ordered(self._current(state))))

    def actor(self, actor_id: str) -> Actor | None:
        """The canonical actor of an id (dictionary actors and persons met while linking)."""
        return self.catalog.actors.get(actor_id) or self._met.get(actor_id)

    def find(self, text: str) -> list[Mention]:
        """Dictionary-only scan of any text (questions): actors, places, titled persons."""
        state = _ArticleState(self._scan(text), None, [], [0], None)
        self._apply_rules(state, with_context=False)
        self._met.update(state.local)
        return _ordered(self._current(state))

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """The actor a short text names ("Putin", "Baku", "the Kremlin"), if any."""
        state = _ArticleState(self._scan(text), on, [], [0], None, lenient_places=True)
        self._apply_rules(state, with_context=False)
        best: Mention | None = None
        for mention in state.mentions:
            if (
                mention.kind == "actor"
                and mention.actor_id
                and (best is None or mention.end - mention.start > best.end - best.start)
            ):
                best = mention
        if best is not None and best.actor_id:
            return self.actor(best.actor_id) or state.local.get(best.actor_id)
        for mention in state.mentions:
            if mention.kind == "place" and mention.country:
                return self.actor(f"country:{mention.country}")
        return None

    def role_evidence(
        self, article_id: str, text: str, published: date | None, keep_scan: bool = False
    ) -> list[MemoryEntry]:
        """Persons the dictionaries do not know, named with a title and a country (for memory).

        With `keep_scan` the text's dictionary hits wait for its `link`, which then does not scan
        the same text again.
        """
        scan = self._scan(text)
        if keep_scan:
            self._pending[text] = scan.hits
        entries = []
        for match in self._roles(scan, None):
            if match.name_end is None or match.person_id or not match.country:
                continue
            if not match.person_title:
                continue  # without NER only a title noun vouches that a name follows
            name_words = scan.words[match.name_start or 0 : match.name_end]
            if len(name_words) < 2 or any(w.norm in NOT_PERSON_WORDS for w in name_words):
                continue  # one capitalised word, or an organisation's name ("Aviation Oil")
            country_actor = self.catalog.actors.get(match.country_actor or "")
            if country_actor is None or country_actor.kind != "country":
                continue
            words = scan.words
            name = text[words[match.name_start or 0].start : words[match.name_end - 1].end]
            entries.append(
                MemoryEntry(
                    name=name,
                    country=match.country,
                    code=_combine(AgentSense(match.title.sector), match.country),
                    role=match.title.text,
                    article_id=article_id,
                    start=words[match.start].start,
                    end=words[match.end - 1].end,
                    published=published,
                )
            )
        return entries

    # ---- rules -------------------------------------------------------------------------

    def _scan(self, text: str) -> _Scan:
        words = tokenize(text)
        hits = self._pending.pop(text, None)
        if hits is None:
            hits = self.catalog.index.scan([w.norm for w in words], _accept_for(words))
        return _Scan(text, words, hits)

    def _roles(
        self,
        scan: _Scan,
        person_end: dict[int, int] | None,
        blocked: dict[int, int] | None = None,
    ) -> list[RoleMatch]:
        actors = self.catalog.actors

        def is_country(actor_id: str) -> str | None:
            actor = actors.get(actor_id)
            if actor is None or actor.kind not in _ACTOR_KINDS_WITH_CODE:
                return None
            return actor.code

        def is_person(actor_id: str) -> bool:
            actor = actors.get(actor_id)
            return actor is not None and actor.kind == "person"

        return find_roles(
            scan.text,
            scan.words,
            scan.hits,
            self.catalog.titles,
            is_country,
            is_person,
            person_end,
            blocked,
        )

    def _current(self, state: _ArticleState) -> list[Mention]:
        """Mentions with the codes of states that have since ceased replaced by their
        successors', on the article's day (today's codes when the day is unknown)."""
        current = self.catalog.current_code
        ceased = self.catalog.successors
        return [
            replace(
                m,
                code=current(m.code, state.day) if m.code else m.code,
                country=current(m.country, state.day) if m.country else m.country,
            )
            if ((m.code or "")[:3] in ceased or (m.country or "")[:3] in ceased)
            and not self._names_itself(state, m)
            else m
            for m in state.mentions
        ]

    def _names_itself(self, state: _ArticleState, mention: Mention) -> bool:
        """'The Soviet Union', 'Serbia and Montenegro': a state named outright stays itself."""
        actor = self._actor_of(state, mention.actor_id or "")
        return (
            actor is not None
            and actor.kind != "person"
            and mention.resolved_by == "dictionary"
            and actor.code[:3] == (mention.code or "")[:3]
        )

    def _apply_rules(self, state: _ArticleState, with_context: bool) -> None:
        person_end = _person_spans(state) if with_context else None
        for match in self._roles(state.scan, person_end, _org_starts(state)):
            self._role_match(state, match)
        self._actor_hits(state)
        self._place_hits(state, with_context)
        self._place_agents(state)
        self._organisations(state)
        self._known_names(state)
        self._geographic_names(state)
        if with_context:
            self._entities(state)
            self._coreference(state)
        else:
            self._unresolved_role_phrases(state, state.role_phrases)

    def _actor_of(self, state: _ArticleState, actor_id: str) -> Actor | None:
        return self.catalog.actors.get(actor_id) or state.local.get(actor_id)

    def _person_fields(
        self, state: _ArticleState, actor: Actor, offset: int = 0
    ) -> tuple[str | None, str | None]:
        """(code, role title) of an actor on the day of the sentence at `offset`."""
        if actor.id in state.local or actor.id not in self.catalog.actors:
            role = actor.roles[0] if actor.roles else None
            return actor.code or (role.code if role else None), role.title if role else None
        day = state.day_at(offset)
        role = self.catalog.role_for(actor, day)
        return self.catalog.code_for(actor, day) or None, role.title if role else None

    def _add(self, state: _ArticleState, mention: Mention) -> None:
        state.mentions.append(mention)

    def _actor_mention(
        self,
        state: _ArticleState,
        i: int,
        j: int,
        actor: Actor,
        how: str,
        label: str,
        role: str | None = None,
    ) -> Mention:
        start, end, text = state.span(i, j)
        code, held = (
            self._person_fields(state, actor, start) if actor.kind == "person" else (None, None)
        )
        code = state.stated.get(actor.id, code)  # the office the text gave them earlier
        if actor.kind != "person":
            code = (
                self.catalog.code_for(actor, state.day_at(start))
                if actor.id in self.catalog.actors
                else actor.code
            )
        return Mention(
            sentence=state.sentence_of(start),
            start=start,
            end=end,
            text=text,
            kind="actor",
            actor_id=actor.id,
            code=code or None,
            resolved_by=how,
            role=held or role,
            country=actor.country,
            label=label,
        )

    def _names_a_person(self, state: _ArticleState, match: RoleMatch) -> bool:
        """Does the capitalised run after a title name its holder?

        A title noun of titles.csv with a singular form names one; a bare agent noun ("many",
        "website") only when spaCy marks the run as a PERSON. With a Doc, the run must be a
        PERSON entity too ("Professor Chomsky" yes, "Space Station" no).
        """
        if match.person_id:
            return True
        if state.entities:
            return match.named_by_entity
        return match.person_title

    def _role_match(self, state: _ArticleState, match: RoleMatch) -> None:
        if (
            match.name_end is not None
            and match.name_start is not None
            and self._names_a_person(state, match)
        ):
            code: str | None = None
            if match.person_id and self._fits(state, match.person_id, match):
                actor = self.catalog.actors[match.person_id]
                how = "dictionary"
            elif (known := self._local_surname(state, match)) is not None:
                actor, how = known, "alias"
            elif (holder := self._office_holder(state, match)) is not None:
                actor, code = holder
                how = "office-holder"
            else:
                actor = self._titled_person(state, match)
                how = "role-pattern"
            mention = self._actor_mention(
                state, match.name_start, match.name_end, actor, how, "PERSON", match.title.text
            )
            if code:
                mention = replace(mention, code=code)
                state.stated[actor.id] = code
            self._add(state, mention)
            state.consumed.update(range(match.title_start, match.name_end))
            return
        if match.name_end is not None and match.person_id is None:
            # A name no entity vouches for stays in the phrase it heads ("Arnor President
            # Umbardacil" is ARNGOV), as PETRARCH codes a noun phrase.
            match = replace(match, end=match.name_end, name_start=None, name_end=None)
        if match.absorbed_end is not None:
            match = replace(match, end=match.absorbed_end, title_end=match.absorbed_end)
        start, end, text = state.span(match.start, match.end)
        if match.person_title and match.title.category in COREFERENT_CATEGORIES:
            pending = Mention(
                sentence=state.sentence_of(start),
                start=start,
                end=end,
                text=text,
                kind="actor",
                role=match.title.text,
                label="role",
                code=_combine(AgentSense(match.title.sector), match.country),
                actor_id=match.country_actor,
            )
            state.role_phrases.append(
                coref.RolePhrase(pending, match.title.category, match.country)
            )
            state.consumed.update(range(match.title_start, match.title_end))
            return
        if match.agent is None:
            return
        self._add(
            state,
            Mention(
                sentence=state.sentence_of(start),
                start=start,
                end=end,
                text=text,
                kind="actor",
                actor_id=match.country_actor,
                code=_combine(match.agent, match.country),
                resolved_by="agent",
                country=self._country_of(match.country_actor),
                label="agent",
            ),
        )
        state.consumed.update(range(match.title_start, match.title_end))

    def _fits(self, state: _ArticleState, actor_id: str, match: RoleMatch) -> bool:
        """Does a dictionary person fit the office the text gives them? "King Hassan of Morocco"
        is not Jordan's Hassan; a title with no country, or a former office, says nothing."""
        if not match.country or match.title.category == "former":
            return True
        actor = self.catalog.actors[actor_id]
        code = self.catalog.code_for(actor, state.day_at(state.scan.words[match.start].start))
        return (actor.country or code[:3]) == match.country[:3] or code.startswith(match.country)

    def _office_holder(self, state: _ArticleState, match: RoleMatch) -> tuple[Actor, str] | None:
        """The holder of the office a title names, found by the words of the name that follows
        it ("President Mugabe", "King Hassan of Morocco"): (actor, code of that office), when the
        offices of the right kind, country and date (any date when unknown) point to one person."""
        if match.name_start is None or match.name_end is None:
            return None
        if match.title.category in {"former", "deputy"}:
            return None  # not the office itself
        words = tuple(
            w.norm
            for w in state.scan.words[match.name_start : match.name_end]
            if w.norm not in NOT_NAMES
        )
        country = match.country if match.country and len(match.country) == 3 else None
        if match.country and country is None:
            return None  # an IGO's officials are not in the offices of countries
        category = self.catalog.category_of(match.title.text)
        day = state.day_at(state.scan.words[match.start].start)
        found = self.catalog.holders_named(words, category, country, day)
        if len({actor_id for actor_id, _ in found}) != 1:
            return None
        actor_id, role = found[0]
        return self.catalog.actors[actor_id], role.code

    def _titled_person(self, state: _ArticleState, match: RoleMatch) -> Actor:
        """A person the resources do not know, coded by the title and country the text gives."""
        assert match.name_start is not None and match.name_end is not None
        name = state.span(match.name_start, match.name_end)[2]
        code = _combine(AgentSense(match.title.sector), match.country)
        actor_id = f"person:{slug(name)}"
        if actor_id in self.catalog.actors:
            # The dictionary's bearer of this name is someone else ("King Hassan of Morocco").
            actor_id = f"{actor_id}-{slug(match.country or match.title.sector)}"
        actor = Actor(
            id=actor_id,
            name=name,
            code=code,
            kind="person",
            roles=(Role(match.title.text, code),),
            country=match.country if match.country and len(match.country) == 3 else None,
            source="role-pattern",
        )
        state.local[actor.id] = actor
        return actor

    def _local_surname(self, state: _ArticleState, match: RoleMatch) -> Actor | None:
        """'Professor Eastman' after 'Professor Cres Eastman': the person already met."""
        if match.name_start is None or match.name_end != match.name_start + 1:
            return None
        surname = state.scan.words[match.name_start].norm
        found = [
            a
            for a in state.local.values()
            if a.kind == "person" and norms(a.name)[-1:] == (surname,)
        ]
        return found[0] if len(found) == 1 else None

    def _country_of(self, actor_id: str | None) -> str | None:
        actor = self.catalog.actors.get(actor_id or "")
        return actor.country if actor else None

    def _best_actor(
        self, state: _ArticleState, senses: Sequence[ActorSense], offset: int
    ) -> ActorSense:
        return self._ranked_actors(state, senses, offset)[0]

    def _ranked_actors(
        self, state: _ArticleState, senses: Sequence[ActorSense], offset: int
    ) -> list[ActorSense]:
        """Senses best first: source rank, then (among equals) an actor of a country the
        article names, then a person holding an office on the sentence's day, then one that
        existed then (parties, dated actors)."""
        day = state.day_at(offset)
        countries = state.article_countries(self.catalog.actors)

        def score(item: tuple[int, ActorSense]) -> tuple[int, int, int, int]:
            position, sense = item
            actor = self.catalog.actors.get(sense.actor_id)
            if actor is None:
                return (sense.rank, 1, 1, position)
            home = actor.country or actor.code[:3]
            in_article = 0 if home in countries else 1
            in_office = 0 if day and actor.kind == "person" and actor.role_on(day) else 1
            return (sense.rank, in_article, in_office, position)

        return [sense for _, sense in sorted(enumerate(senses), key=score)]

    def _actor_hits(self, state: _ArticleState) -> None:
        for hit in state.scan.hits:
            if any(i in state.consumed for i in range(hit.start, hit.end)):
                continue
            senses = [s for s in hit.senses if isinstance(s, ActorSense)]
            if not senses:
                continue
            sense = self._best_actor(state, senses, state.scan.words[hit.start].start)
            actor = self.catalog.actors.get(sense.actor_id)
            if actor is None:
                continue
            if sense.how == "demonym" and _after_word(state.scan.words, hit.start, ETHNIC):
                continue  # "ethnic Albanians" in Serbia are a people, not Albania's citizens
            first = hit.start
            if state.scan.words[first].norm == "the" and hit.end - first > 1:
                first += 1  # a name's mention is the name: "U.S.", not "the U.S."
            start, end, _ = state.span(first, hit.end)
            label = state.entity_at(start, end)
            # NER vetoes a reading only when the word is part of a longer name of another kind
            # ("Washington" in "Denzel Washington"); a lone "Azerbaijan" tagged PERSON is an error.
            if actor.kind != "person" and state.inside_larger(start, end, NOT_PLACE_ENTITIES):
                continue
            if actor.kind == "person" and state.inside_larger(start, end, PLACE_ENTITIES):
                continue
            mention = self._actor_mention(
                state, first, hit.end, actor, sense.how, label or "dictionary"
            )
            if actor.kind == "person" and (code := self._role_named_before(state, hit, actor)):
                mention = replace(mention, code=code)
                state.stated[actor.id] = code
            self._add(state, mention)

    def _role_named_before(self, state: _ArticleState, hit: Hit[Sense], actor: Actor) -> str | None:
        """'U.N. Secretary-General Kofi Annan' on an unknown day: the organisation before a
        person's name picks which of their dated roles the text speaks of."""
        before = next((h for h in state.scan.hits if h.end == hit.start), None)
        if before is None:
            return None
        org = next(
            (
                self.catalog.actors[s.actor_id]
                for s in before.senses
                if isinstance(s, ActorSense)
                and s.actor_id in self.catalog.actors
                and self.catalog.actors[s.actor_id].kind in {"country", "igo"}
            ),
            None,
        )
        if org is None or not org.code:
            return None
        current = self.catalog.code_for(actor, state.day)
        if current.startswith(org.code):
            return None
        roles = [r for r in actor.roles if r.code.startswith(org.code) and r.holds_on(state.day)]
        return roles[-1].code if roles else None

    def _mentioned_countries(self, state: _ArticleState) -> set[str]:
        return {m.country or (m.code or "")[:3] for m in state.mentions if m.kind == "actor"}

    def _place_hits(self, state: _ArticleState, with_context: bool) -> None:
        mentioned = self._mentioned_countries(state)
        words = state.scan.words
        for hit in state.scan.hits:
            places = [s for s in hit.senses if isinstance(s, PlaceSense)]
            if not places or any(i in state.consumed for i in range(hit.start, hit.end)):
                continue
            if any(isinstance(s, ActorSense) for s in hit.senses) and not any(
                p.feature == "capital" for p in places
            ):
                continue  # a country or person name; the actor reading stands
            place = gazetteer.choose_place(places, mentioned)
            if place is None:
                continue
            start, end, text = state.span(hit.start, hit.end)
            label = state.entity_at(start, end)
            if state.inside_larger(start, end, NOT_PLACE_ENTITIES | PLACE_ENTITIES):
                continue  # part of a longer name: "Gulf" of "the Persian Gulf"
            cue = hit.start > 0 and words[hit.start - 1].norm in LOCATIVES
            # One capitalised word is a place when it is a capital or a big city, NER says so,
            # a locative preposition precedes it, or its country is named in the text.
            plausible = (
                place.feature in {"capital", "airport"}
                or hit.end - hit.start > 1
                or place.population >= BIG_PLACE
                or label in PLACE_ENTITIES
                or cue
                or place.country in mentioned
                or state.lenient_places
            )
            if not plausible:
                continue
            self._add(
                state,
                Mention(
                    sentence=state.sentence_of(start),
                    start=start,
                    end=end,
                    text=text,
                    kind="place",
                    resolved_by="airport" if place.feature == "airport" else "gazetteer",
                    country=place.country,
                    label=place.feature,
                ),
            )

    def _place_agents(self, state: _ArticleState) -> None:
        """'Shanghai authorities', 'Kandahar police': an agent noun right after a place's name
        acts for the place's country."""
        places = {m.end: m for m in state.mentions if m.kind == "place" and m.country}
        text = state.scan.text
        for k, mention in enumerate(state.mentions):
            if mention.resolved_by != "agent" or mention.country or not mention.code:
                continue
            place = places.get(mention.start - 1)
            if place is None or text[place.end : mention.start] != " ":
                continue
            country = place.country or ""
            state.mentions[k] = replace(
                mention,
                start=place.start,
                text=text[place.start : mention.end],
                code=_combine(AgentSense(mention.code), country),
                country=country,
            )

    def _organisations(self, state: _ArticleState) -> None:
        """An organisation whose name holds a linked place or demonym takes its country."""
        spans = [(s, e) for s, e, label in state.entities if label == "ORG"]
        if not state.entities:
            spans += _capitalised_org_runs(state)
        text_of = state.scan.text
        for start, end in spans:
            raw = text_of[start:end]
            if "\n" in raw:
                continue  # an entity across paragraphs is a tagging error
            core_start = start + (4 if raw.lower().startswith("the ") else 0)
            core_end = end - (2 if raw.endswith(("'s", "’s")) else 0)
            inside = [m for m in state.mentions if start <= m.start and m.end <= end and m.country]
            if any(
                m.resolved_by == "agent" and m.start < end and start < m.end for m in state.mentions
            ):
                continue  # a titled phrase ("Arnor President Umbardacil"), not an organisation
            if not inside or any(
                m.start <= core_start and m.end >= core_end for m in state.mentions
            ):
                continue  # nothing inside, or the entity is itself a known name
            countries = [m for m in inside if _vouches_for_country(m)]
            if not countries:
                # "Walker" in "Walker Evans", "Campbell" in "Campbell Soup": small places inside
                # an organisation's name are part of the name.
                state.mentions = [m for m in state.mentions if m.kind != "place" or m not in inside]
                continue
            start, end = core_start, core_end
            text = name = text_of[start:end]
            country = countries[0].country or ""
            actor = Actor(
                id=f"org:{slug(name)}",
                name=name,
                code=country,
                kind="org",
                country=country,
                source="org-place",
            )
            state.local[actor.id] = actor
            state.mentions = [m for m in state.mentions if m not in inside]
            self._add(
                state,
                Mention(
                    sentence=state.sentence_of(start),
                    start=start,
                    end=end,
                    text=text,
                    kind="actor",
                    actor_id=actor.id,
                    code=country,
                    resolved_by="org-place",
                    country=country,
                    label="ORG",
                ),
            )

    def _known_names(self, state: _ArticleState) -> None:
        """Persons named earlier in the article (surnames) or learned by corpus memory."""
        words = state.scan.words
        people: dict[tuple[str, ...], str] = {}
        surnames: dict[str, set[str]] = {}
        for mention in state.mentions:
            actor = self._actor_of(state, mention.actor_id or "")
            if actor is None or actor.kind != "person" or mention.label == "role":
                continue
            names = [w.norm for w in tokenize(actor.name)]
            if names:
                people[tuple(names)] = actor.id
                surnames.setdefault(names[-1], set()).add(actor.id)
        # A surname alone names a person of this article when only one bears it.
        aliases: dict[tuple[str, ...], str] = {
            (surname,): next(iter(ids)) for surname, ids in surnames.items() if len(ids) == 1
        }
        aliases.update(people)
        taken = {i for m in state.mentions for i in state.scan.word_range(m.start, m.end)}
        i = 0
        while i < len(words):
            if i in taken or not words[i].capitalised or words[i].norm in NOT_NAMES:
                i += 1
                continue
            found = self._name_at(state, i, taken, aliases)
            if found is None:
                i += 1
                continue
            j, actor, how = found
            self._add(state, self._actor_mention(state, i, j, actor, how, "PERSON"))
            taken.update(range(i, j))
            i = j

    def _name_at(
        self,
        state: _ArticleState,
        i: int,
        taken: set[int],
        aliases: dict[tuple[str, ...], str],
    ) -> tuple[int, Actor, str] | None:
        words = state.scan.words
        for length in range(4, 0, -1):
            j = i + length
            if j > len(words) or any(k in taken or not words[k].capitalised for k in range(i, j)):
                continue
            key = tuple(w.norm for w in words[i:j])
            actor_id = aliases.get(key)
            if actor_id:
                actor = self._actor_of(state, actor_id)
                if actor:
                    return j, actor, "alias"
            if state.memory is not None:
                entry = state.memory.lookup(key, state.day)
                if entry is not None:
                    actor = state.memory.actor(entry)
                    state.local[actor.id] = actor
                    return j, actor, "memory"
        return None

    def _geographic_names(self, state: _ArticleState) -> None:
        """'Zangezur corridor', 'Panjshir valley': a name before a geographic noun is a place."""
        words = state.scan.words
        taken = {i for m in state.mentions for i in state.scan.word_range(m.start, m.end)}
        for i in range(len(words) - 1):
            head = words[i + 1]
            if (
                head.norm in GEO_HEADS
                and not head.capitalised
                and words[i].capitalised
                and words[i].norm not in NOT_NAMES
                and i not in taken
                and i + 1 not in taken
                and i > 0
                and not words[i - 1].capitalised
            ):
                start, end, text = state.span(i, i + 2)
                self._add(
                    state,
                    Mention(
                        sentence=state.sentence_of(start),
                        start=start,
                        end=end,
                        text=text,
                        kind="place",
                        resolved_by="unresolved",
                        label="geographic-name",
                    ),
                )

    def _entities(self, state: _ArticleState) -> None:
        """spaCy persons and places no dictionary knows: kept, marked unresolved."""
        for start, end, label in state.entities:
            if label not in {"PERSON", *PLACE_ENTITIES}:
                continue
            if any(m.start < end and start < m.end for m in state.mentions):
                continue
            text = state.scan.text[start:end]
            self._add(
                state,
                Mention(
                    sentence=state.sentence_of(start),
                    start=start,
                    end=end,
                    text=text,
                    kind="actor" if label == "PERSON" else "place",
                    resolved_by="unresolved",
                    label=label,
                ),
            )

    def _coreference(self, state: _ArticleState) -> None:
        persons = [
            m
            for m in state.mentions
            if m.kind == "actor" and (m.label == "PERSON" or self._is_person(state, m.actor_id))
        ]
        pronouns = [
            Mention(
                sentence=state.sentence_of(w.start),
                start=w.start,
                end=w.end,
                text=w.text,
                kind="actor",
                label="pronoun",
            )
            for w in state.scan.words
            if w.norm in coref.PRONOUNS
        ]

        def office_of(actor_id: str) -> coref.Office:
            actor = self._actor_of(state, actor_id)
            if actor is None:
                return coref.Office(None, None)
            _, title = self._person_fields(state, actor)
            category = self.catalog.category_of(title) if title else None
            return coref.Office(category, actor.country)

        def fill(mention: Mention, actor_id: str) -> Mention:
            actor = self._actor_of(state, actor_id)
            if actor is None:
                return mention
            code, title = self._person_fields(state, actor)
            code = state.stated.get(actor_id, code)
            return replace(mention, actor_id=actor_id, code=code, role=title, country=actor.country)

        def holders(country: str, category: str) -> list[str]:
            return self.catalog.holders(country, category, state.day)

        resolved = coref.resolve(persons, state.role_phrases, pronouns, office_of, fill, holders)
        state.mentions.extend(resolved)
        done = {(m.start, m.end) for m in resolved}
        self._unresolved_role_phrases(
            state, [p for p in state.role_phrases if (p.mention.start, p.mention.end) not in done]
        )

    def _unresolved_role_phrases(
        self, state: _ArticleState, phrases: Sequence[coref.RolePhrase]
    ) -> None:
        """A role phrase no person answers still names its country's sector ('RUSGOV')."""
        for phrase in phrases:
            if phrase.country:
                self._add(state, replace(phrase.mention, resolved_by="agent", label="agent"))

    def _is_person(self, state: _ArticleState, actor_id: str | None) -> bool:
        actor = self._actor_of(state, actor_id or "")
        return actor is not None and actor.kind == "person"


def _entities(doc: Doc | None) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _sentence_starts(article: Article) -> list[int]:
    if article.sentences:
        return [s.start for s in article.sentences]
    if article.doc is not None and article.doc.has_annotation("SENT_START"):
        return [s.start_char for s in article.doc.sents]
    return [0]


def _person_spans(state: _ArticleState) -> dict[int, int]:
    """Word index where a PERSON entity starts -> word index after it ends."""
    words = state.scan.words
    starts = [w.start for w in words]
    spans = {}
    for start, end, label in state.entities:
        if label != "PERSON":
            continue
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        if i < j:
            spans[i] = j
    return spans


def _vouches_for_country(mention: Mention) -> bool:
    """Mentions that give an organisation named after them its country: countries, demonyms,
    capitals, regions and places spelled out in several words; not a small town's name."""
    if not mention.country or len(mention.country) != 3:
        return False
    if mention.kind == "actor":
        # A person inside an organisation entity is a tagging slip, not the organisation's
        # namesake ("Ukhnaagiin Khurelsukh" read as ORG).
        person = (mention.actor_id or "").startswith("person:")
        return not person and mention.resolved_by in {"dictionary", "demonym", "metonym"}
    return mention.label in {"capital", "region", "airport"} or " " in mention.text


def _org_starts(state: _ArticleState) -> dict[int, int]:
    """First word of each organisation entity -> the word after its end."""
    words = state.scan.words
    starts = [w.start for w in words]
    found = {}
    for start, end, label in state.entities:
        if label == "ORG":
            found[bisect.bisect_left(starts, start)] = bisect.bisect_left(starts, end)
    return found


def _after_word(words: Sequence[Word], i: int, lexicon: frozenset[str]) -> bool:
    """True when the word before word i is one of the lexicon's."""
    return i > 0 and words[i - 1].norm in lexicon


def _capitalised_org_runs(state: _ArticleState) -> list[tuple[int, int]]:
    """Without NER: runs of capitalised words ending in an organisation noun ('... Committee')."""
    words = state.scan.words
    text = state.scan.text
    runs = []
    i = 0
    while i < len(words):
        if not (words[i].capitalised or words[i].text.isdigit()):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and (words[j].capitalised or words[j].text.isdigit())
            and text[words[j - 1].end : words[j].start] == " "
        ):
            j += 1
        if j - i > 1 and words[j - 1].norm in ORG_HEADS:
            runs.append((words[i].start, words[j - 1].end))
        i = j
    return runs


def _ordered(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in text order, duplicates (same span and kind) dropped."""
    seen: set[tuple[int, int, str]] = set()
    ordered = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end, m.kind)):
        key = (mention.start, mention.end, mention.kind)
        if key not in seen:
            seen.add(key)
            ordered.append(mention)
    return ordered

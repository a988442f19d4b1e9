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

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.dictionaries.petrarch import load_actor_dictionary, load_agent_dictionary
from newsgraph.heap import long_lived
from newsgraph.link import gazetteer, resources
from newsgraph.link.acting import countries_acting
from newsgraph.link.actors import NOT_PERSON_WORDS, actor_hits, organisations
from newsgraph.link.catalog import (
    RANK_COUNTRYINFO,
    RANK_LEADERS,
    RANK_WORLD_LEADERS,
    Catalog,
    CatalogBuilder,
)
from newsgraph.link.coreference import coreference, unresolved_role_phrases
from newsgraph.link.index import Hit
from newsgraph.link.memory import ActorMemory, MemoryEntry
from newsgraph.link.names import known_names, unresolved_entities
from newsgraph.link.places import geographic_names, place_agents, place_hits
from newsgraph.link.roles import role_match, role_matches
from newsgraph.link.scan import scan_text
from newsgraph.link.senses import AgentSense, Sense
from newsgraph.link.setting import unknown_persons_in_setting
from newsgraph.link.state import (
    ArticleState,
    Scan,
    combine,
    entities_of,
    ordered,
    org_starts,
    person_spans,
    sentence_starts,
)
from newsgraph.model import Actor, Article, Mention


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
            resources.load_roles(resources.ACTORS / "world_leaders.tsv"),
            RANK_WORLD_LEADERS,
            surnames=True,
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


class Linker:
    """Links actor and place mentions of articles; loads its resources on first use.

    `actor_dictionaries` / `agent_dictionaries`: user PETRARCH/TABARI files; with
    `use_defaults=False` only those are used (no countries, gazetteer or leaders), and their codes
    are kept as written: a country acting is read as its government (`acting`) only with the
    defaults, since PETRARCH-style dictionaries code the bare country.
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
        state = self._state(
            text,
            article.published,
            entities=entities_of(article.doc),
            sentence_starts=sentence_starts(article),
            memory=memory,
        )
        self._apply_rules(state, with_context=True)
        self._met.update(state.local)
        return replace(article, mentions=tuple(ordered(self._current(state))))

    def actor(self, actor_id: str) -> Actor | None:
        """The canonical actor of an id (dictionary actors and persons met while linking)."""
        return self.catalog.actors.get(actor_id) or self._met.get(actor_id)

    def find(self, text: str) -> list[Mention]:
        """Dictionary-only scan of any text (questions): actors, places, titled persons."""
        state = self._state(text, None, entities=[], sentence_starts=[0], memory=None)
        self._apply_rules(state, with_context=False)
        self._met.update(state.local)
        return ordered(self._current(state))

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """The actor a short text names ("Putin", "Baku", "the Kremlin"), if any."""
        state = self._state(
            text, on, entities=[], sentence_starts=[0], memory=None, lenient_places=True
        )
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
        for match in role_matches(self.catalog, scan, None):
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
                    code=combine(AgentSense(match.title.sector), match.country),
                    role=match.title.text,
                    article_id=article_id,
                    start=words[match.start].start,
                    end=words[match.end - 1].end,
                    published=published,
                )
            )
        return entries

    # ---- rules -------------------------------------------------------------------------

    def _scan(self, text: str) -> Scan:
        return scan_text(self.catalog, text, self._pending.pop(text, None))

    def _current(self, state: ArticleState) -> list[Mention]:
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

    def _names_itself(self, state: ArticleState, mention: Mention) -> bool:
        """'The Soviet Union', 'Serbia and Montenegro': a state named outright stays itself."""
        actor = state.actor_of(mention.actor_id or "")
        return (
            actor is not None
            and actor.kind != "person"
            and mention.resolved_by == "dictionary"
            and actor.code[:3] == (mention.code or "")[:3]
        )

    def _state(
        self,
        text: str,
        day: date | None,
        entities: list[tuple[int, int, str]],
        sentence_starts: list[int],
        memory: ActorMemory | None,
        lenient_places: bool = False,
    ) -> ArticleState:
        scan = self._scan(text)
        return ArticleState(
            self.catalog, scan, day, entities, sentence_starts, memory, lenient_places
        )

    def _apply_rules(self, state: ArticleState, with_context: bool) -> None:
        """The rules in order: each may use what the earlier ones found."""
        person_end = person_spans(state) if with_context else None
        for match in role_matches(self.catalog, state.scan, person_end, org_starts(state)):
            role_match(state, match)
        actor_hits(state)
        place_hits(state, with_context)
        place_agents(state)
        organisations(state)
        known_names(state)
        geographic_names(state)
        if with_context:
            unresolved_entities(state)
            coreference(state)
            if self._config.use_defaults:
                countries_acting(state)
                unknown_persons_in_setting(state)
        else:
            unresolved_role_phrases(state, state.role_phrases)

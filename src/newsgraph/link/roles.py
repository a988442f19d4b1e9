"""Title rules: a titled name ("Deputy Foreign Minister Khalaf Khalafov") becomes a person coded
by the office, a known holder of that office, or the person met earlier; a title without a
name becomes a role phrase for coreference or an agent actor ("the Armenian government").
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.dictionaries.words import norms
from newsgraph.link import coref
from newsgraph.link.catalog import Catalog
from newsgraph.link.patterns import NOT_NAMES, RoleMatch, find_roles
from newsgraph.link.resources import slug
from newsgraph.link.senses import COREFERENT_CATEGORIES, AgentSense
from newsgraph.link.state import ArticleState, Scan, combine
from newsgraph.model import Actor, Role

_ACTOR_KINDS_WITH_CODE = frozenset({"country", "igo", "bloc", "group", "org", "party"})


def role_matches(
    catalog: Catalog,
    scan: Scan,
    person_end: dict[int, int] | None,
    blocked: dict[int, int] | None = None,
) -> list[RoleMatch]:
    """Titles of the text with their country and the name after them (see `patterns`)."""
    actors = catalog.actors

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
        catalog.titles,
        is_country,
        is_person,
        person_end,
        blocked,
    )


def names_a_person(state: ArticleState, match: RoleMatch) -> bool:
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


def role_match(state: ArticleState, match: RoleMatch) -> None:
    if match.name_end is not None and match.name_start is not None and names_a_person(state, match):
        code: str | None = None
        if match.person_id and fits(state, match.person_id, match):
            actor = state.catalog.actors[match.person_id]
            how = "dictionary"
        elif (known := local_surname(state, match)) is not None:
            actor, how = known, "alias"
        elif (holder := office_holder(state, match)) is not None:
            actor, code = holder
            how = "office-holder"
        else:
            actor = titled_person(state, match)
            how = "role-pattern"
        mention = state.actor_mention(
            match.name_start, match.name_end, actor, how, "PERSON", match.title.text
        )
        if code:
            mention = replace(mention, code=code)
            state.stated[actor.id] = code
        state.add(mention)
        state.consumed.update(range(match.title_start, match.name_end))
        return
    if match.name_end is not None and match.person_id is None:
        # A name no entity vouches for stays in the phrase it heads ("Arnor President
        # Umbardacil" is ARNGOV), as PETRARCH codes a noun phrase.
        match = replace(match, end=match.name_end, name_start=None, name_end=None)
    if match.absorbed_end is not None:
        match = replace(match, end=match.absorbed_end, title_end=match.absorbed_end)
    start, end, _ = state.span(match.start, match.end)
    if match.person_title and match.title.category in COREFERENT_CATEGORIES:
        pending = state.mention(
            start,
            end,
            "actor",
            role=match.title.text,
            label="role",
            code=combine(AgentSense(match.title.sector), match.country),
            actor_id=match.country_actor,
        )
        state.role_phrases.append(coref.RolePhrase(pending, match.title.category, match.country))
        state.consumed.update(range(match.title_start, match.title_end))
        return
    if match.agent is None:
        return
    state.add(
        state.mention(
            start,
            end,
            "actor",
            actor_id=match.country_actor,
            code=combine(match.agent, match.country),
            resolved_by="agent",
            country=state.country_of(match.country_actor),
            label="agent",
        ),
    )
    state.consumed.update(range(match.title_start, match.title_end))


def fits(state: ArticleState, actor_id: str, match: RoleMatch) -> bool:
    """Does a dictionary person fit the office the text gives them? "King Hassan of Morocco"
    is not Jordan's Hassan; a title with no country, or a former office, says nothing."""
    if not match.country or match.title.category == "former":
        return True
    actor = state.catalog.actors[actor_id]
    code = state.catalog.code_for(actor, state.day_at(state.scan.words[match.start].start))
    return (actor.country or code[:3]) == match.country[:3] or code.startswith(match.country)


def office_holder(state: ArticleState, match: RoleMatch) -> tuple[Actor, str] | None:
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
    category = state.catalog.category_of(match.title.text)
    day = state.day_at(state.scan.words[match.start].start)
    found = state.catalog.holders_named(words, category, country, day)
    if len({actor_id for actor_id, _ in found}) != 1:
        return None
    actor_id, role = found[0]
    return state.catalog.actors[actor_id], role.code


def titled_person(state: ArticleState, match: RoleMatch) -> Actor:
    """A person the resources do not know, coded by the title and country the text gives."""
    assert match.name_start is not None and match.name_end is not None
    name = state.span(match.name_start, match.name_end)[2]
    code = combine(AgentSense(match.title.sector), match.country)
    actor_id = f"person:{slug(name)}"
    if actor_id in state.catalog.actors:
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


def local_surname(state: ArticleState, match: RoleMatch) -> Actor | None:
    """'Professor Eastman' after 'Professor Cres Eastman': the person already met."""
    if match.name_start is None or match.name_end != match.name_start + 1:
        return None
    surname = state.scan.words[match.name_start].norm
    found = [
        a for a in state.local.values() if a.kind == "person" and norms(a.name)[-1:] == (surname,)
    ]
    return found[0] if len(found) == 1 else None

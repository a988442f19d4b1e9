"""Dictionary actors found in an article: the best of the senses a phrase has, the office a
preceding organisation names, and organisations named after a place ("Azerbaijan Airlines")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from newsgraph.dictionaries.words import Word, norms, word_set
from newsgraph.link.folding import phonetic_key, phonetic_word
from newsgraph.link.index import Hit
from newsgraph.link.resources import slug
from newsgraph.link.senses import ActorSense, Sense
from newsgraph.link.state import NOT_PLACE_ENTITIES, PLACE_ENTITIES, ArticleState
from newsgraph.model import Actor, Mention

# Words before a demonym that make it name an ethnic group rather than a country's nationals.
ETHNIC = word_set("ethnic")
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


# A directory's bare surname names its bearer only near the years of their offices.
SURNAME_YEARS = 2


def surname_fits(state: ArticleState, sense: ActorSense, offset: int) -> bool:
    """A bare surname of the directories ("Tokayev") names its bearer when the article names
    the bearer's country and the day is within a few years of one of their offices: "Smith" in
    a sports report is nobody's minister."""
    actor = state.catalog.actors.get(sense.actor_id)
    if actor is None:
        return False
    if _given_name_before(state, actor, offset):
        return True
    if (actor.country or "") not in state.article_countries():
        return False
    day = state.day_at(offset)
    if day is None:
        return True
    margin = timedelta(days=365 * SURNAME_YEARS)
    # Shift the day, not the role's bounds: a bound at date.min/date.max has no room for a margin.
    return any(
        (r.valid_from is None or r.valid_from <= day + margin)
        and (r.valid_to is None or day - margin <= r.valid_to)
        for r in actor.roles
    )


def acronym_fits(state: ArticleState, sense: ActorSense) -> bool:
    """A party's abbreviation ("FDD", "SSS") is one of many worldwide: it names the party when
    the article names the party's country, or names no country at all."""
    countries = state.article_countries()
    actor = state.catalog.actors.get(sense.actor_id)
    return not countries or (actor is not None and actor.country in countries)


def _given_name_before(state: ArticleState, actor: Actor, offset: int) -> bool:
    """The surname follows a form of the bearer's given name: "Ukhnaagiin Khurelsukh" (the
    genitive patronymic) for Ukhnaa Khurelsukh. Forms share the name's first four sounds."""
    words = state.scan.words
    k = bisect.bisect_left(state.scan.starts, offset)
    if k == 0 or not words[k - 1].capitalised:
        return False
    before = phonetic_word(words[k - 1].norm)
    for name in (actor.name, *actor.aliases):
        given = phonetic_key(norms(name))
        if len(given) > 1 and len(given[0]) >= 4 and before[:4] == given[0][:4]:
            return True
    return False


def best_actor(state: ArticleState, senses: Sequence[ActorSense], offset: int) -> ActorSense:
    return ranked_actors(state, senses, offset)[0]


def ranked_actors(
    state: ArticleState, senses: Sequence[ActorSense], offset: int
) -> list[ActorSense]:
    """Senses best first: source rank, then (among equals) an actor of a country the
    article names, a person holding an office on the sentence's day, an actor that existed
    then (a party between its founding and dissolution), and the actor of the more populous
    country (news follow size: Mexico's PRI over Chile's when nothing else tells them apart)."""
    day = state.day_at(offset)
    countries = state.article_countries()

    def score(item: tuple[int, ActorSense]) -> tuple[int, int, int, int, int, int]:
        position, sense = item
        actor = state.catalog.actors.get(sense.actor_id)
        if actor is None:
            return (sense.rank, 1, 1, 1, 0, position)
        home = actor.country or actor.code[:3]
        in_article = 0 if home in countries else 1
        in_office = 0 if day and actor.kind == "person" and actor.role_on(day) else 1
        dated = [r for r in actor.roles if r.valid_from or r.valid_to]
        existed = 0 if not day or not dated or any(r.holds_on(day) for r in dated) else 1
        size = state.catalog.population.get(home, 0)
        return (sense.rank, in_article, in_office, existed, -size, position)

    return [sense for _, sense in sorted(enumerate(senses), key=score)]


def actor_hits(state: ArticleState) -> None:
    for hit in state.scan.hits:
        if any(i in state.consumed for i in range(hit.start, hit.end)):
            continue
        offset = state.scan.words[hit.start].start
        senses = [
            s
            for s in hit.senses
            if isinstance(s, ActorSense)
            and (s.how != "surname" or surname_fits(state, s, offset))
            and (not s.acronym or acronym_fits(state, s))
        ]
        if not senses:
            continue
        sense = best_actor(state, senses, offset)
        actor = state.catalog.actors.get(sense.actor_id)
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
        mention = state.actor_mention(first, hit.end, actor, sense.how, label or "dictionary")
        if actor.kind == "person" and (code := role_named_before(state, hit, actor)):
            mention = replace(mention, code=code)
            state.stated[actor.id] = code
        state.add(mention)


def role_named_before(state: ArticleState, hit: Hit[Sense], actor: Actor) -> str | None:
    """'U.N. Secretary-General Kofi Annan' on an unknown day: the organisation before a
    person's name picks which of their dated roles the text speaks of."""
    before = next((h for h in state.scan.hits if h.end == hit.start), None)
    if before is None:
        return None
    org = next(
        (
            state.catalog.actors[s.actor_id]
            for s in before.senses
            if isinstance(s, ActorSense)
            and s.actor_id in state.catalog.actors
            and state.catalog.actors[s.actor_id].kind in {"country", "igo"}
        ),
        None,
    )
    if org is None or not org.code:
        return None
    current = state.catalog.code_for(actor, state.day)
    if current.startswith(org.code):
        return None
    roles = [r for r in actor.roles if r.code.startswith(org.code) and r.holds_on(state.day)]
    return roles[-1].code if roles else None


def organisations(state: ArticleState) -> None:
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
        if not inside or any(m.start <= core_start and m.end >= core_end for m in state.mentions):
            continue  # nothing inside, or the entity is itself a known name
        countries = [m for m in inside if vouches_for_country(m)]
        if not countries:
            # "Walker" in "Walker Evans", "Campbell" in "Campbell Soup": small places inside
            # an organisation's name are part of the name.
            state.mentions = [m for m in state.mentions if m.kind != "place" or m not in inside]
            continue
        start, end = core_start, core_end
        name = text_of[start:end]
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
        state.add(
            state.mention(
                start,
                end,
                "actor",
                actor_id=actor.id,
                code=country,
                resolved_by="org-place",
                country=country,
                label="ORG",
            ),
        )


def vouches_for_country(mention: Mention) -> bool:
    """Mentions that give an organisation named after them its country: countries, demonyms,
    capitals, regions and places spelled out in several words; not a small town's name."""
    if not mention.country or len(mention.country) != 3:
        return False
    if mention.kind == "actor":
        # A person inside an organisation entity is a tagging slip, not the organisation's
        # namesake ("Ukhnaagiin Khurelsukh" read as ORG); a party's name is not a country's.
        person_or_party = (mention.actor_id or "").startswith(("person:", "party:"))
        return not person_or_party and mention.resolved_by in {"dictionary", "demonym", "metonym"}
    return mention.label in {"capital", "region", "airport"} or " " in mention.text


def _after_word(words: Sequence[Word], i: int, lexicon: frozenset[str]) -> bool:
    """True when the word before word i is one of the lexicon's."""
    return i > 0 and words[i - 1].norm in lexicon


def _capitalised_org_runs(state: ArticleState) -> list[tuple[int, int]]:
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

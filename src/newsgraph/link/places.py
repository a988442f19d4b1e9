"""Places of an article: gazetteer names that are places in context, agents acting for a place's
country ("Shanghai authorities"), and names before a geographic noun ("Zangezur corridor")."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.dictionaries.words import word_set
from newsgraph.link import gazetteer
from newsgraph.link.patterns import NOT_NAMES
from newsgraph.link.senses import ActorSense, AgentSense, PlaceSense
from newsgraph.link.state import NOT_PLACE_ENTITIES, PLACE_ENTITIES, ArticleState, combine

LOCATIVES = word_set(
    "in at from near outside into across toward towards via around to inside through"
)
# Lower-case nouns after a name that make it a geographic name ("Zangezur corridor").
GEO_HEADS = word_set(
    "corridor valley river mountains mountain range region province district strait sea gulf "
    "bay lake desert plateau peninsula island islands basin pass gorge canal"
)
# A single-word place this big is a place whatever the context; smaller ones need a cue.
BIG_PLACE = 1_000_000


def place_hits(state: ArticleState, with_context: bool) -> None:
    mentioned = state.mentioned_countries()
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
        start, end, _ = state.span(hit.start, hit.end)
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
        state.add(
            state.mention(
                start,
                end,
                "place",
                resolved_by="airport" if place.feature == "airport" else "gazetteer",
                country=place.country,
                label=place.feature,
            ),
        )


def place_agents(state: ArticleState) -> None:
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
            code=combine(AgentSense(mention.code), country),
            country=country,
        )


def geographic_names(state: ArticleState) -> None:
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
            start, end, _ = state.span(i, i + 2)
            state.add(
                state.mention(
                    start,
                    end,
                    "place",
                    resolved_by="unresolved",
                    label="geographic-name",
                ),
            )

"""Person names met again: a surname after the full name, names the corpus memory learned, a
catalogue person spelled another way ("Kassym Jomart Tokaev": one phonetic key with "Kassym-Jomart
Tokayev"), and the persons and places spaCy marks that no dictionary knows (kept, unresolved)."""

from __future__ import annotations

from newsgraph.dictionaries.words import tokenize
from newsgraph.link.patterns import NOT_NAMES
from newsgraph.link.state import PLACE_ENTITIES, ArticleState
from newsgraph.model import Actor, MentionKind


def known_names(state: ArticleState) -> None:
    """Persons named earlier in the article (surnames) or learned by corpus memory."""
    words = state.scan.words
    people: dict[tuple[str, ...], str] = {}
    surnames: dict[str, set[str]] = {}
    for mention in state.mentions:
        actor = state.actor_of(mention.actor_id or "")
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
        found = name_at(state, i, taken, aliases)
        if found is None:
            i += 1
            continue
        j, actor, how = found
        state.add(state.actor_mention(i, j, actor, how, "PERSON"))
        taken.update(range(i, j))
        i = j


def name_at(
    state: ArticleState,
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
            actor = state.actor_of(actor_id)
            if actor:
                return j, actor, "alias"
        if state.memory is not None:
            entry = state.memory.lookup(key, state.day)
            if entry is not None:
                actor = state.memory.actor(entry)
                state.local[actor.id] = actor
                return j, actor, "memory"
        if length >= 2:
            # Two or more words: a full name, not a surname that many people share.
            actor = state.catalog.person_spelled(key)
            if actor is not None:
                return j, actor, "spelling"
    return None


def unresolved_entities(state: ArticleState) -> None:
    """spaCy persons and places no dictionary knows: kept, marked unresolved."""
    for start, end, label in state.entities:
        if label not in {"PERSON", *PLACE_ENTITIES}:
            continue
        if any(m.start < end and start < m.end for m in state.mentions):
            continue
        kind: MentionKind = "actor" if label == "PERSON" else "place"
        state.add(state.mention(start, end, kind, resolved_by="unresolved", label=label))

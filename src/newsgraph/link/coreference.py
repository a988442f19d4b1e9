"""The linker's side of coreference: role phrases and pronouns of an article handed to the rules
of `coref`, with the offices of its persons on the article's day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsgraph.link import coref
from newsgraph.link.state import ArticleState
from newsgraph.model import Mention


def coreference(state: ArticleState) -> None:
    persons = [
        m
        for m in state.mentions
        if m.kind == "actor" and (m.label == "PERSON" or state.is_person(m.actor_id))
    ]
    pronouns = [
        state.mention(
            w.start,
            w.end,
            "actor",
            label="pronoun",
        )
        for w in state.scan.words
        if w.norm in coref.PRONOUNS
    ]

    def office_of(actor_id: str) -> coref.Office:
        actor = state.actor_of(actor_id)
        if actor is None:
            return coref.Office(None, None)
        _, title = state.person_fields(actor)
        category = state.catalog.category_of(title) if title else None
        return coref.Office(category, actor.country)

    def fill(mention: Mention, actor_id: str) -> Mention:
        actor = state.actor_of(actor_id)
        if actor is None:
            return mention
        code, title = state.person_fields(actor)
        code = state.stated.get(actor_id, code)
        return replace(mention, actor_id=actor_id, code=code, role=title, country=actor.country)

    def holders(country: str, category: str) -> list[str]:
        return state.catalog.holders(country, category, state.day)

    resolved = coref.resolve(persons, state.role_phrases, pronouns, office_of, fill, holders)
    state.mentions.extend(resolved)
    done = {(m.start, m.end) for m in resolved}
    unresolved_role_phrases(
        state, [p for p in state.role_phrases if (p.mention.start, p.mention.end) not in done]
    )


def unresolved_role_phrases(state: ArticleState, phrases: Sequence[coref.RolePhrase]) -> None:
    """A role phrase no person answers still names its country's sector ('RUSGOV')."""
    for phrase in phrases:
        if phrase.country:
            state.add(replace(phrase.mention, resolved_by="agent", label="agent"))

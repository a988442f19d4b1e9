"""Rule-based coreference inside an article: role phrases and personal pronouns -> persons.

- A role phrase ("the Russian president", "Azerbaijan's foreign minister") refers to the latest
  person mentioned before it whose office on the article's date has that kind and country.
- A generic leader phrase ("the head of state", "the president") refers to the most salient
  leader of the article: the most mentioned person holding a head-of-state or government office.
- A personal pronoun (he, his, she, her, ...) refers to the latest person mentioned within the
  last few sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsgraph.link.senses import LEADER_CATEGORIES, categories_match
from newsgraph.model import Mention

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
# A pronoun farther than this many sentences from any person mention stays unresolved.
MAX_PRONOUN_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Office:
    """What a person is on the article's date: kind of office and country."""

    category: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A role phrase without a name: 'the Russian president' (kind, country, title)."""

    mention: Mention  # its span; actor fields empty until resolved
    category: str
    country: str | None


def _leader_like(category: str) -> bool:
    return category in LEADER_CATEGORIES


def resolve(
    persons: Sequence[Mention],
    phrases: Sequence[RolePhrase],
    pronouns: Sequence[Mention],
    office_of: Callable[[str], Office],
    fill: Callable[[Mention, str], Mention],
    holders: Callable[[str, str], list[str]],
) -> list[Mention]:
    """Resolve role phrases and pronouns in text order; returns the resolved mentions.

    `office_of(actor_id)` describes a person on the article's date, `fill(mention, actor_id)`
    gives a mention that person's actor fields, and `holders(country, category)` names who held
    an office on that date (for role phrases with no earlier person).
    """
    resolved: list[Mention] = []
    chain: list[Mention] = sorted((p for p in persons if p.actor_id), key=lambda m: m.start)
    salience = Counter(m.actor_id for m in chain)
    events: list[tuple[int, int, Mention | RolePhrase]] = [
        *((p.mention.start, 0, p) for p in phrases),
        *((m.start, 1, m) for m in pronouns),
    ]
    for _, _, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, RolePhrase):
            found = _resolve_phrase(item, chain, salience, office_of, holders)
            if found is None:
                continue
            actor_id, how = found
            mention = replace(fill(item.mention, actor_id), resolved_by=how)
        else:
            antecedent = _antecedent(item, chain)
            if antecedent is None or antecedent.actor_id is None:
                continue
            mention = replace(fill(item, antecedent.actor_id), resolved_by="coreference")
        resolved.append(mention)
        chain = sorted([*chain, mention], key=lambda m: m.start)
    return resolved


def _resolve_phrase(
    phrase: RolePhrase,
    chain: Sequence[Mention],
    salience: Counter[str | None],
    office_of: Callable[[str], Office],
    holders: Callable[[str, str], list[str]],
) -> tuple[str, str] | None:
    before = [m for m in chain if m.end <= phrase.mention.start and m.actor_id]

    def fits(mention: Mention, strict: bool) -> bool:
        office = office_of(mention.actor_id or "")
        if office.category is None:
            return False
        if phrase.country and office.country != phrase.country:
            return False
        if categories_match(phrase.category, office.category):
            return True
        return not strict and _leader_like(phrase.category) and _leader_like(office.category)

    for strict in (True, False):
        candidates = [m for m in before if fits(m, strict)]
        if not candidates:
            continue
        if phrase.country:
            return candidates[-1].actor_id or "", "coreference"
        # No country: the article's most salient leader; recency breaks ties.
        best = max(enumerate(candidates), key=lambda item: (salience[item[1].actor_id], item[0]))[1]
        return best.actor_id or "", "coreference"
    if phrase.country:
        named = holders(phrase.country, phrase.category)
        if named:
            return named[0], "role"
    return None


def _antecedent(pronoun: Mention, chain: Sequence[Mention]) -> Mention | None:
    """The first person of the nearest sentence with persons before the pronoun.

    English puts subjects first: in "Putin was welcomed by Khalafov as he landed" and in "Putin
    met Aliyev. He said ..." the pronoun is Putin, the earlier person of its sentence.
    """
    before = [m for m in chain if m.end <= pronoun.start]
    if not before:
        return None
    nearest = before[-1].sentence
    if pronoun.sentence - nearest > MAX_PRONOUN_SENTENCES:
        return None
    return next(m for m in before if m.sentence == nearest)

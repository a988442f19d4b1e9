"""Who did it and to whom: source and target actors read off the dependency parse.

Actors are the linker's mentions; a syntactic argument (subject, object, prepositional object,
possessor) names an actor when a mention lies in its nominal core: the head itself, its
compounds, adjectives, possessors, appositions, coordinated nouns and "of/in/from" phrases
("Leaders of X", "Lawmakers in X", "Soldiers from X"). Coordinated actors form a compound.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.annotate.tokens import tokens_of
from newsgraph.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Dependencies that stay inside a noun phrase's core.
CORE_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod", "nummod", "det", "quantmod"}
)
# Prepositions whose object still names who the head noun belongs to.
BELONGING_PREPS = frozenset({"of", "in", "from", "at"})
# An act's "from/in/at" phrase names a place ("withdrawal from X"); only "of" names a party.
ACT_BELONGING_PREPS = frozenset({"of"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "our", "him", "them", "us"}
)
MAX_DEPTH = 4
# Participles that with "be ... in" tell what the subject is busy with, not what was done to it.
STATE_PARTICIPLES = frozenset({"engage", "involve", "embroil", "entangle", "mire", "lock"})
# Sectors that are institutions: their adjective ("military", "judicial") also describes things.
INSTITUTION_CODES = frozenset({"MIL", "COP", "GOV", "JUD", "LEG", "SPY"})
# Sector codes an actor code may start with when the linker found no country for it.
AGENT_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "COP",
        "JUD",
        "LEG",
        "CVL",
        "PPL",
        "MED",
        "BUS",
        "LAB",
        "EDU",
        "REL",
        "MUS",
        "CHR",
        "SPY",
        "NGO",
        "INS",
        "UAF",
        "HLH",
        "AGR",
        "ELI",
        "CRM",
        "REF",
        "MOD",
        "RAD",
        "IMG",
        "SEP",
        "ENV",
    }
)


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Actor and place mentions of one document, by token index, and its date entities."""

    actors: dict[int, Mention]
    places: dict[int, Mention]
    dates: tuple[SpacySpan, ...] = ()  # spaCy's DATE entities, in order

    @classmethod
    def build(cls, doc: Doc, mentions: Iterable[Mention]) -> MentionIndex:
        actors: dict[int, Mention] = {}
        places: dict[int, Mention] = {}
        starts = [t.idx for t in tokens_of(doc[:])]  # the stages walk these tokens again
        for mention in mentions:
            if mention.kind == "date":
                continue
            if mention.kind == "actor" and not mention.code:
                continue
            target = actors if mention.kind == "actor" else places
            for token in _tokens_between(doc, starts, mention.start, mention.end):
                # A longer mention wins a token over a shorter one inside it.
                old = target.get(token)
                if old is None or (old.end - old.start) < (mention.end - mention.start):
                    target[token] = mention
        dates = tuple(ent for ent in doc.ents if ent.label_ == "DATE")
        return cls(actors, places, dates)

    def dates_in(self, sentence: SpacySpan) -> list[SpacySpan]:
        """The date entities wholly inside a sentence, as `sentence.ents` has them (which builds
        a span for every entity of the document on each call)."""
        return [d for d in self.dates if d.start >= sentence.start and d.end <= sentence.end]

    def actor(self, token: Token) -> Mention | None:
        return self.actors.get(token.i)

    def place(self, token: Token) -> Mention | None:
        return self.places.get(token.i)


def _tokens_between(doc: Doc, starts: Sequence[int], start: int, end: int) -> list[int]:
    from bisect import bisect_left, bisect_right

    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end)
    return [
        i
        for i in range(first, min(last, len(doc)))
        if doc[i].idx < end and doc[i].idx + len(doc[i]) > start
    ]


def nominal_actors(
    head: Token,
    index: MentionIndex,
    places_too: bool = False,
    belonging: frozenset[str] = BELONGING_PREPS,
) -> list[Mention]:
    """The actor(s) a noun phrase names: the shallowest mentions in its core (a compound if
    several are coordinated; each member of the coordination counts on its own, so "an Israeli
    movement and the PLO" names both)."""
    found: list[tuple[int, int, Mention, int]] = []  # depth, token, mention, conjunct
    seen: set[int] = set()

    def visit(token: Token, depth: int, branch: int) -> None:
        if token.i in seen or depth > MAX_DEPTH:
            return
        seen.add(token.i)
        mention = index.actor(token) or (index.place(token) if places_too else None)
        if mention is not None and _describes_thing(token, mention, index):
            mention = None
        if mention is not None:
            found.append((depth, token.i, mention, branch))
        for child in token.children:
            if child.dep_ == "conj":
                visit(child, depth, child.i if depth == 0 else branch)
            elif child.dep_ in CORE_DEPS:
                step = 0 if mention is not None and _inside(child, mention) else 1
                visit(child, depth + step, branch)
            elif child.dep_ == "prep" and child.lower_ in belonging:
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        visit(grandchild, depth + 2, branch)

    visit(head, 0, head.i)
    if not found:
        return []
    shallowest: dict[int, int] = {}
    for depth, _, _, branch in found:
        shallowest[branch] = min(depth, shallowest.get(branch, depth))
    out: list[Mention] = []
    for depth, _, mention, branch in sorted(found, key=lambda f: f[1]):
        if depth == shallowest[branch] and mention not in out:
            out.append(mention)
    siblings = [m for m in out if not is_agent_only(m) and m.country]
    if siblings and any(is_agent_only(m) for m in out):
        # "Danish media and government": coordinated sectors share the country.
        out = [with_owner(m, siblings[0]) if is_agent_only(m) else m for m in out]
    owners = [
        m
        for d, _, m, b in sorted(found, key=lambda f: (f[0], f[1]))
        if d > shallowest[b] and not is_agent_only(m)
    ]
    if owners and any(is_agent_only(m) for m in out):
        # "Rebels in the Ivory Coast", "Iraqi police": a sector completed by its country.
        out = [with_owner(m, owners[0]) if is_agent_only(m) else m for m in out]
    return out


def _describes_thing(token: Token, mention: Mention, index: MentionIndex) -> bool:
    """ "military aid", "judicial reform": an institution's adjective on a noun that names no
    actor says what kind of thing it is, not who is involved ("Muslim hackers" are people)."""
    return (
        token.pos_ == "ADJ"
        and token.dep_ == "amod"
        and is_agent_only(mention)
        and (mention.code or "")[:3] in INSTITUTION_CODES
        and index.actor(token.head) is None
        and not _inside(token.head, mention)
    )


def is_agent_only(mention: Mention) -> bool:
    """A sector without a country ("police", "rebels", "foreign ministers", "President X" when
    the linker found the office but not the country)."""
    if mention.country or (mention.code or "").startswith("IGO"):
        return False  # an IGO's sector ("U.N. military presence") has its owner
    return mention.resolved_by.startswith("agent") or (mention.code or "")[:3] in AGENT_CODES


def with_owner(agent: Mention, owner: Mention) -> Mention:
    """The agent's sector attached to its owner's code: "CIV" + "REB" -> "CIVREB"."""
    if not owner.code or not agent.code or agent.code.startswith(owner.code):
        return agent
    # "Danish media" lends DNK, not DNKMED: a coded owner lends its country.
    prefix = owner.country if owner.country and len(owner.code) > 3 else owner.code
    return replace(
        agent,
        code=prefix + agent.code,
        country=owner.country,
        resolved_by=f"agent+{owner.resolved_by}",
    )


def _inside(token: Token, mention: Mention) -> bool:
    return mention.start <= token.idx < mention.end


def is_passive(verb: Token) -> bool:
    """A passive verb, unless it is a participle used as a state ("were engaged in fighting")."""
    if is_state_participle(verb):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def is_state_participle(verb: Token) -> bool:
    """ "X were engaged/involved/embroiled in Y": a copula and a participle that names what its
    subject is doing (no doer behind it): the subject is the doer, not the done-to."""
    children = list(verb.children)
    return (
        verb.lemma_.lower() in STATE_PARTICIPLES
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
        and any(c.dep_ == "prep" and c.lower_ == "in" for c in children)
    )


def child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_objects(token: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under a token, in the order the prepositions are listed."""
    wanted = list(preps)
    pairs = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in wanted and not negated_phrase(c):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    pairs.append((c.lower_, g))
                    pairs.extend((c.lower_, conj) for conj in g.conjuncts)
    pairs.sort(key=lambda pair: wanted.index(pair[0]))
    return pairs


def negated_phrase(prep: Token) -> bool:
    """ "not to Russia, but to an international structure": the negated phrase names no one."""
    if any(c.dep_ == "neg" for c in prep.children):
        return True
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return before is not None and before.lower_ in ("not", "never") and before.head.i == prep.i


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS

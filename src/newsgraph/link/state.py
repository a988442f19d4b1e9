"""What the link rules of one article share: its words and hits, dates, entities, mentions.

`ArticleState.mention` is the one factory of `Mention`s: every rule gives a span, a kind and the
fields it knows; the sentence index and the text come from the span.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from newsgraph.dictionaries.words import Word
from newsgraph.link import coref
from newsgraph.link.catalog import Catalog
from newsgraph.link.dating import stated_day
from newsgraph.link.index import Hit
from newsgraph.link.memory import ActorMemory
from newsgraph.link.senses import ActorSense, AgentSense, Sense
from newsgraph.model import Actor, Article, Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Entity types a place or country reading may not sit inside; a person reading may not sit in
# the place ones.
NOT_PLACE_ENTITIES = frozenset({"PERSON"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def combine(agent: AgentSense, code: str | None) -> str:
    """Agent code attached to an actor code, without doubling a sector already there."""
    if not code:
        return agent.code
    if agent.prefix:
        return agent.code + code
    return code if code.endswith(agent.code) else code + agent.code


@dataclass
class Scan:
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
class ArticleState:
    """Everything the rules of one article share, and the one factory of its mentions."""

    catalog: Catalog
    scan: Scan
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

    def article_countries(self) -> set[str]:
        """Countries the article names outright (names, demonyms, capitals)."""
        if self._countries is None:
            actors = self.catalog.actors
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

    def mention(self, start: int, end: int, kind: MentionKind, **fields: Any) -> Mention:
        """A mention of the text's [start, end), in its sentence."""
        return Mention(
            sentence=self.sentence_of(start),
            start=start,
            end=end,
            text=self.scan.text[start:end],
            kind=kind,
            **fields,
        )

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)

    def actor_of(self, actor_id: str) -> Actor | None:
        return self.catalog.actors.get(actor_id) or self.local.get(actor_id)

    def is_person(self, actor_id: str | None) -> bool:
        actor = self.actor_of(actor_id or "")
        return actor is not None and actor.kind == "person"

    def country_of(self, actor_id: str | None) -> str | None:
        actor = self.catalog.actors.get(actor_id or "")
        return actor.country if actor else None

    def mentioned_countries(self) -> set[str]:
        return {m.country or (m.code or "")[:3] for m in self.mentions if m.kind == "actor"}

    def person_fields(self, actor: Actor, offset: int = 0) -> tuple[str | None, str | None]:
        """(code, role title) of an actor on the day of the sentence at `offset`."""
        if actor.id in self.local or actor.id not in self.catalog.actors:
            role = actor.roles[0] if actor.roles else None
            return actor.code or (role.code if role else None), role.title if role else None
        day = self.day_at(offset)
        role = self.catalog.role_for(actor, day)
        return self.catalog.code_for(actor, day) or None, role.title if role else None

    def actor_mention(
        self, i: int, j: int, actor: Actor, how: str, label: str, role: str | None = None
    ) -> Mention:
        """The mention of an actor named by words i..j, coded for the sentence's day."""
        start, end, _ = self.span(i, j)
        code, held = self.person_fields(actor, start) if actor.kind == "person" else (None, None)
        code = self.stated.get(actor.id, code)  # the office the text gave them earlier
        if actor.kind != "person":
            code = (
                self.catalog.code_for(actor, self.day_at(start))
                if actor.id in self.catalog.actors
                else actor.code
            )
        return self.mention(
            start,
            end,
            "actor",
            actor_id=actor.id,
            code=code or None,
            resolved_by=how,
            role=held or role,
            country=actor.country,
            label=label,
        )


def entities_of(doc: Doc | None) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def sentence_starts(article: Article) -> list[int]:
    if article.sentences:
        return [s.start for s in article.sentences]
    if article.doc is not None and article.doc.has_annotation("SENT_START"):
        return [s.start_char for s in article.doc.sents]
    return [0]


def person_spans(state: ArticleState) -> dict[int, int]:
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


def org_starts(state: ArticleState) -> dict[int, int]:
    """First word of each organisation entity -> the word after its end."""
    words = state.scan.words
    starts = [w.start for w in words]
    found = {}
    for start, end, label in state.entities:
        if label == "ORG":
            found[bisect.bisect_left(starts, start)] = bisect.bisect_left(starts, end)
    return found


def ordered(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in text order, duplicates (same span and kind) dropped."""
    seen: set[tuple[int, int, str]] = set()
    ordered = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end, m.kind)):
        key = (mention.start, mention.end, mention.kind)
        if key not in seen:
            seen.add(key)
            ordered.append(mention)
    return ordered

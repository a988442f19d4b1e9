"""The one data model: frozen, slotted records that flow between stages and into the store.

Every fact carries evidence: the article id, the 0-based sentence index and character offsets
into the article's *clean* text, so that every answer can quote its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # spaCy is imported lazily by the annotate stage only.
    from spacy.tokens import Doc

MentionKind = Literal["actor", "place", "date"]
Certainty = Literal["asserted", "reported", "hedged", "certain", "denied"]
ActorKind = Literal["person", "country", "igo", "org", "bloc", "group", "party"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's clean text: [start, end) character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role of an actor, e.g. President of Russia (RUSGOV) from 2012-05-07."""

    title: str
    code: str
    valid_from: date | None = None
    valid_to: date | None = None

    def holds_on(self, day: date | None) -> bool:
        """True when the role is valid on `day` (an unknown day matches every role)."""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a person, country, IGO, organisation or bloc."""

    id: str
    name: str
    code: str
    kind: ActorKind
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    country: str | None = None
    source: str = ""  # the resource or evidence that taught us this actor

    def code_on(self, day: date | None) -> str:
        """The actor's code on a given day: the role valid then, else its default code."""
        role = self.role_on(day)
        return role.code if role else self.code

    def role_on(self, day: date | None) -> Role | None:
        """The dated role valid on `day`, if any."""
        for role in self.roles:
            if (role.valid_from is not None or role.valid_to is not None) and role.holds_on(day):
                return role
        return None


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of clean text that refers to an actor, a place or a date.

    `resolved_by` says how: dictionary, demonym, metonym, role-pattern, coreference, memory,
    gazetteer, airport, unresolved.
    """

    sentence: int
    start: int
    end: int
    text: str
    kind: MentionKind
    actor_id: str | None = None
    code: str | None = None
    resolved_by: str = "unresolved"
    role: str | None = None
    country: str | None = None  # places: ISO3 of the country the place lies in
    label: str = ""  # the NER label that produced it (GPE, PERSON, ...), or a pattern name


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event participant: the canonical actor plus the words that named it."""

    name: str
    code: str
    text: str
    start: int
    end: int
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class RuleTrace:
    """Why an event got its code: the pattern that fired and the coder version."""

    pattern_id: str
    coder_version: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    sentence: int
    trigger: Span
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: str
    mode: str
    context: str
    rule: RuleTrace
    place: str | None = None
    place_country: str | None = None
    date: str | None = None  # ISO date or partial (YYYY-MM, YYYY)
    date_text: str | None = None
    negated: bool = False
    hypothetical: bool = False
    # The event model's calibrated probability of the category; None: coded by rules alone.
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article_id: str
    sentence: int
    span: Span
    holder: tuple[str, ...]  # ("author",) or actor codes
    certainty: Certainty
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Motive:
    id: str
    article_id: str
    sentence: int
    cause: Span
    effect: Span
    cue: str
    holder: tuple[str, ...] = ("author",)
    certainty: Certainty = "asserted"
    event_id: str | None = None
    effect_sentence: int | None = None
    # The text that states the reason (may span the sentence before, for "this is the reason").
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from: the input path or URL and, the record number."""

    source: str
    record: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as it flows through the stages; each stage returns an enriched copy."""

    id: str
    raw_text: str
    provenance: Provenance
    clean_text: str = ""
    title: str | None = None
    section: str | None = None
    published: date | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1, as detected (or declared, for short texts)
    language_confidence: float | None = None  # the detector's probability; None: not detected
    html: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    motives: tuple[Motive, ...] = ()
    notes: tuple[str, ...] = ()  # warnings a reader should see (e.g. a reused older caption)
    # The spaCy Doc of clean_text while the article is inside one process; never stored or pickled
    # between executors (stages that need it run in the same worker as annotate).
    doc: Doc | None = field(default=None, compare=False, repr=False)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset of the clean text."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article: kept in quarantine with its reason."""

    source: str
    reason: str
    detail: str = ""
    record: int | None = None
    payload: bytes | None = None


# What became of an input item; every item of a run gets exactly one.
Outcome = Literal["stored", "duplicate", "new_version", "quarantined"]
OUTCOMES: tuple[Outcome, ...] = ("stored", "duplicate", "new_version", "quarantined")


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One input item (a file, a JSONL line, a feed entry) and its outcome in a run."""

    source: str
    item: int | None
    raw_hash: str | None
    outcome: Outcome
    article_id: str | None = None
    version: int | None = None
    reason: str | None = None


def as_dict(value: Any) -> Any:
    """A JSON-ready view of a model record (dates as ISO strings, tuples as lists, no Doc)."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_dict(getattr(value, f.name)) for f in fields(value) if f.name != "doc"}
    if isinstance(value, (list, tuple)):
        return [as_dict(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


@dataclass(frozen=True, slots=True)
class PageLines:
    """One page's distinct line ids under its site: what the site counts learn from a page.

    Here, not in `clean`, because the store keeps these counts and the store knows no stage."""

    site: str
    lines: frozenset[str]

"""Response models of the REST API (they are also its OpenAPI documentation)."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing; ask again with `offset + limit` for the next one."""

    items: list[T]
    total: int = Field(description="How many rows match, over all pages.")
    limit: int
    offset: int


class SpanOut(BaseModel):
    start: int | None = Field(description="Character offset into the article's clean text.")
    end: int | None
    text: str | None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: dt.date | None
    site: str | None
    url: str | None
    source: str | None
    section: str | None
    snippet: str
    events: int
    motives: int
    claims: int
    actors: list[str] = Field(description="Names of the actors mentioned most, most first.")


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int
    paragraph: int | None
    text: str


class MentionOut(BaseModel):
    sentence: int | None
    start: int
    end: int
    text: str
    kind: str | None
    actor_id: str | None
    actor_name: str | None = Field(description="The canonical name of the actor it refers to.")
    code: str | None
    role: str | None
    country: str | None
    resolved_by: str | None


class ActorRefOut(BaseModel):
    name: str | None
    code: str | None
    text: str | None
    start: int | None
    end: int | None
    actor_id: str | None


class RuleOut(BaseModel):
    pattern_id: str | None
    coder_version: str | None
    detail: str | None


class EventOut(BaseModel):
    id: str
    article_id: str
    article_title: str | None
    sentence: int | None
    sentence_text: str | None
    trigger: SpanOut
    source: list[ActorRefOut]
    target: list[ActorRefOut]
    cameo: str | None
    cameo_root: str | None
    goldstein: float | None
    quad_class: int | None
    plover: str | None
    mode: str | None
    context: str | None
    place: str | None
    place_country: str | None
    date: str | None
    date_text: str | None
    negated: bool | None
    hypothetical: bool | None
    confidence: float | None = None  # the event model's calibrated probability; None: rules
    rule: RuleOut
    published: dt.date | None


class MotiveOut(BaseModel):
    id: str
    article_id: str
    sentence: int | None
    sentence_text: str | None
    cause: SpanOut
    effect: SpanOut
    effect_sentence: int | None
    event_id: str | None
    cue: str | None
    holder: list[str]
    certainty: str | None


class ClaimOut(BaseModel):
    id: str
    article_id: str
    sentence: int | None
    sentence_text: str | None
    span: SpanOut
    holder: list[str]
    certainty: str | None
    cue: str | None


class SourceOut(BaseModel):
    """An input item that carried the article: stored it, repeated it, or made a new version."""

    source: str
    item: int | None
    outcome: str
    version: int | None
    reason: str | None
    run_id: int | None
    recorded_at: dt.datetime | None


class ArticleDetail(BaseModel):
    id: str
    version: int
    title: str | None
    published: dt.date | None
    site: str | None
    url: str | None
    source: str | None
    section: str | None
    author: str | None
    language: str | None
    language_confidence: float | None
    ingested_at: dt.datetime | None
    notes: list[str]
    clean_text: str
    paragraphs: list[list[int]]
    sentences: list[SentenceOut]
    mentions: list[MentionOut]
    events: list[EventOut]
    motives: list[MotiveOut]
    claims: list[ClaimOut]
    sources: list[SourceOut]


class RoleOut(BaseModel):
    title: str | None
    code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class ActorSummary(BaseModel):
    id: str
    name: str | None
    code: str | None
    kind: str | None
    country: str | None
    mentions: int
    articles: int


class Counterpart(BaseModel):
    """How an actor dealt with one other actor: event counts by cooperation and conflict."""

    code: str
    name: str | None
    actor_id: str | None
    events: int
    cooperation: int
    conflict: int
    mean_goldstein: float | None


class ActorDetail(ActorSummary):
    aliases: list[str]
    roles: list[RoleOut]
    source: str | None
    events: list[EventOut] = Field(description="The actor's events, oldest first (its timeline).")
    counterparts: list[Counterpart]


class EvidenceOut(BaseModel):
    article_id: str
    title: str | None
    published: dt.date | str | None
    url: str | None
    sentence: str = Field(description="The quoted sentence text.")
    sentence_index: int = Field(description="Index of that sentence in the article.")
    start: int | None = Field(
        description="Offset of the answer in the sentence (null: not quoted)."
    )
    end: int | None = Field(description="End offset of the answer in the sentence.")


class AnswerOut(BaseModel):
    text: str
    score: float = Field(description="Ranking score; higher is better.")
    evidence: list[EvidenceOut]


class AskOut(BaseModel):
    question: str
    type: str = Field(description="The question type read: why, what-caused, who, whom, ...")
    answers: list[AnswerOut] = Field(description="Best first; each quotes its evidence sentences.")
    found: bool = Field(description="False when nothing fitted and the closest evidence is shown.")
    note: str = ""


class SearchHitOut(BaseModel):
    article_id: str
    title: str | None
    published: dt.date | None
    url: str | None
    score: float = Field(description="BM25 score; higher is better.")
    snippet: str = Field(description="The best-matching sentence (or the lead).")
    sentence: int | None = Field(description="Index of that sentence.")


class ActorKeyOut(BaseModel):
    name: str
    code: str
    actor_id: str | None
    kind: str | None


class MonthOut(BaseModel):
    month: str = Field(description="YYYY-MM, or 'undated'.")
    events: int
    cooperation: int
    conflict: int
    goldstein: float = Field(description="Mean Goldstein score of the month.")
    tone: str = Field(description="cooperation, conflict or mixed.")


class RelationsOut(BaseModel):
    a: ActorKeyOut
    b: ActorKeyOut
    summary: str
    mean_goldstein: float | None
    months: list[MonthOut]
    events: list[EventOut] = Field(description="Oldest first.")


class NodeOut(BaseModel):
    id: str
    label: str
    code: str | None
    actor_id: str | None
    events: int


class EdgeOut(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein: float = Field(description="Mean Goldstein score of the events on this edge.")


class GraphOut(BaseModel):
    since: dt.date | None
    until: dt.date | None
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class IngestOut(BaseModel):
    inputs: int
    stored: int
    versions: int
    duplicates: int
    quarantined: int
    mentions: int
    events: int
    motives: int
    claims: int
    seconds: float
    reasons: dict[str, int]
    article_ids: list[str]


class ErrorOut(BaseModel):
    detail: str

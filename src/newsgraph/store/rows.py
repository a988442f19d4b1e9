"""Model records to table rows: one function per table, the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from newsgraph.model import Actor, ActorRef, Article, Event, Rejected, SourceItem

Row = dict[str, Any]


def article_row(article: Article, version: int, raw_hash: str, content_hash: str) -> Row:
    return {
        "id": article.id,
        "version": version,
        "is_current": True,
        "source": article.provenance.source,
        "record": article.provenance.record,
        "title": article.title,
        "section": article.section,
        "published": article.published,
        "url": article.url,
        "site": article.site,
        "author": article.author,
        "language": article.language,
        "language_confidence": article.language_confidence,
        "clean_text": article.clean_text,
        "raw_text": article.raw_text,
        "html": article.html,
        "content_hash": content_hash,
        "raw_hash": raw_hash,
        "notes": list(article.notes),
        "paragraphs": [[p.start, p.end] for p in article.paragraphs],
    }


def sentence_rows(article: Article) -> Iterator[Row]:
    for s in article.sentences:
        yield {
            "article_id": article.id,
            "idx": s.index,
            "start": s.start,
            "end": s.end,
            "paragraph": s.paragraph,
            "text": s.text,
        }


def mention_rows(article: Article) -> Iterator[Row]:
    for m in article.mentions:
        yield {
            "article_id": article.id,
            "sentence": m.sentence,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": m.kind,
            "actor_id": m.actor_id,
            "code": m.code,
            "resolved_by": m.resolved_by,
            "role": m.role,
            "country": m.country,
            "label": m.label,
        }


def current_code(actor: Actor, last_seen: date | None) -> str:
    """The code of the actor's role valid on the last day it was seen: a titled office first,
    then any dated role; on an unknown day its open-ended latest role; else its base code."""
    titled = [r for r in actor.roles if r.title]
    dated = [r for r in actor.roles if r.valid_from or r.valid_to]
    if last_seen is not None:
        for roles in (titled, dated):
            role = next((r for r in roles if r.holds_on(last_seen)), None)
            if role is not None:
                return role.code
        return actor.code
    open_ended = [r for r in dated if r.valid_to is None]
    if open_ended:
        return max(open_ended, key=lambda r: (bool(r.title), r.valid_from or date.min)).code
    return actor.code


def actor_row(actor: Actor, last_seen: date | None = None) -> Row:
    return {
        "id": actor.id,
        "name": actor.name,
        "code": current_code(actor, last_seen),
        "kind": actor.kind,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "roles": [
            {"title": r.title, "code": r.code, "valid_from": r.valid_from, "valid_to": r.valid_to}
            for r in actor.roles
        ],
        "source": actor.source,
    }


def _ref(ref: ActorRef) -> Row:
    return {
        "name": ref.name,
        "code": ref.code,
        "text": ref.text,
        "start": ref.start,
        "end": ref.end,
        "actor_id": ref.actor_id,
    }


def event_row(event: Event, article: Article) -> Row:
    return {
        "id": event.id,
        "article_id": event.article_id,
        "sentence": event.sentence,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "source": [_ref(r) for r in event.source],
        "target": [_ref(r) for r in event.target],
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover": event.plover,
        "mode": event.mode,
        "context": event.context,
        "place": event.place,
        "place_country": event.place_country,
        "date": event.date,
        "date_text": event.date_text,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": event.confidence,
        "pattern_id": event.rule.pattern_id,
        "coder_version": event.rule.coder_version,
        "rule_detail": event.rule.detail,
        "published": article.published,
    }


def event_actor_rows(event: Event) -> Iterator[Row]:
    for side, refs in (("source", event.source), ("target", event.target)):
        for ref in refs:
            yield {
                "event_id": event.id,
                "article_id": event.article_id,
                "side": side,
                "code": ref.code,
                "country": (ref.code or "")[:3] or None,
                "actor_id": ref.actor_id,
                "name": ref.name,
            }


def claim_rows(article: Article) -> Iterator[Row]:
    for c in article.claims:
        yield {
            "id": c.id,
            "article_id": c.article_id,
            "sentence": c.sentence,
            "start": c.span.start,
            "end": c.span.end,
            "text": c.span.text,
            "holder": list(c.holder),
            "certainty": c.certainty,
            "cue": c.cue,
        }


def motive_rows(article: Article) -> Iterator[Row]:
    for m in article.motives:
        yield {
            "id": m.id,
            "article_id": m.article_id,
            "sentence": m.sentence,
            "cause_start": m.cause.start,
            "cause_end": m.cause.end,
            "cause_text": m.cause.text,
            "effect_start": m.effect.start,
            "effect_end": m.effect.end,
            "effect_text": m.effect.text,
            "effect_sentence": m.effect_sentence,
            "event_id": m.event_id,
            "cue": m.cue,
            "holder": list(m.holder),
            "certainty": m.certainty,
            "evidence_start": m.evidence.start if m.evidence else None,
            "evidence_end": m.evidence.end if m.evidence else None,
            "evidence_text": m.evidence.text if m.evidence else None,
        }


def quarantine_row(item: Rejected, run_id: int | None) -> Row:
    return {
        "source": item.source,
        "record": item.record,
        "reason": item.reason,
        "detail": item.detail,
        "payload": item.payload,
        "run_id": run_id,
    }


def source_row(item: SourceItem, run_id: int) -> Row:
    return {
        "run_id": run_id,
        "source": item.source,
        "item": item.item,
        "raw_hash": item.raw_hash,
        "outcome": item.outcome,
        "article_id": item.article_id,
        "version": item.version,
        "reason": item.reason,
    }

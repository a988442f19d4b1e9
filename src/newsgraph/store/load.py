"""Table rows back to model records: whole Articles (sentences, mentions, events, claims, motives)
read from the store, so exporters and explanations work on the same records the stages made."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    Mention,
    Motive,
    Paragraph,
    Provenance,
    RuleTrace,
    Sentence,
    Span,
)
from newsgraph.store.store import Store

Row = dict[str, Any]


def _refs(items: Sequence[Row] | None) -> tuple[ActorRef, ...]:
    return tuple(
        ActorRef(r["name"], r["code"], r["text"], r["start"], r["end"], r["actor_id"])
        for r in items or ()
    )


def event_from_row(r: Row) -> Event:
    return Event(
        id=r["id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        trigger=Span(r["trigger_start"], r["trigger_end"], r["trigger_text"]),
        source=_refs(r["source"]),
        target=_refs(r["target"]),
        cameo=r["cameo"],
        cameo_root=r["cameo_root"],
        goldstein=r["goldstein"],
        quad_class=r["quad_class"],
        plover=r["plover"],
        mode=r["mode"] or "",
        context=r["context"] or "",
        rule=RuleTrace(r["pattern_id"], r["coder_version"], r["rule_detail"] or ""),
        place=r["place"],
        place_country=r["place_country"],
        date=r["date"],
        date_text=r["date_text"],
        negated=bool(r["negated"]),
        hypothetical=bool(r["hypothetical"]),
        confidence=r.get("confidence"),
    )


def claim_from_row(r: Row) -> Claim:
    return Claim(
        id=r["id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        span=Span(r["start"], r["end"], r["text"]),
        holder=tuple(r["holder"] or ()),
        certainty=r["certainty"],
        cue=r["cue"] or "",
    )


def motive_from_row(r: Row) -> Motive:
    evidence = None
    if r["evidence_start"] is not None:
        evidence = Span(r["evidence_start"], r["evidence_end"], r["evidence_text"])
    return Motive(
        id=r["id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        cause=Span(r["cause_start"], r["cause_end"], r["cause_text"]),
        effect=Span(r["effect_start"], r["effect_end"], r["effect_text"]),
        cue=r["cue"] or "",
        holder=tuple(r["holder"] or ()),
        certainty=r["certainty"],
        event_id=r["event_id"],
        effect_sentence=r["effect_sentence"],
        evidence=evidence,
    )


def _grouped(store: Store, sql: str, ids: Sequence[str] | None) -> dict[str, list[Row]]:
    where = " WHERE article_id IN (SELECT unnest(?))" if ids is not None else ""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in store.query(sql.format(where=where), [list(ids)] if ids is not None else []):
        groups[row["article_id"]].append(row)
    return groups


def load_articles(store: Store, ids: Sequence[str] | None = None) -> Iterator[Article]:
    """Current articles (all, or those with the given ids) with everything extracted from them."""
    where = " AND id IN (SELECT unnest(?))" if ids is not None else ""
    params = [list(ids)] if ids is not None else []
    articles = store.query(f"SELECT * FROM articles WHERE is_current{where} ORDER BY id", params)
    sentences = _grouped(store, "SELECT * FROM sentences{where} ORDER BY article_id, idx", ids)
    mentions = _grouped(store, "SELECT * FROM mentions{where} ORDER BY article_id, start", ids)
    events = _grouped(store, "SELECT * FROM events{where} ORDER BY article_id, id", ids)
    claims = _grouped(store, "SELECT * FROM claims{where} ORDER BY article_id, id", ids)
    motives = _grouped(store, "SELECT * FROM motives{where} ORDER BY article_id, id", ids)
    for a in articles:
        aid = a["id"]
        yield Article(
            id=aid,
            raw_text=a["raw_text"] or "",
            provenance=Provenance(a["source"] or "", a["record"]),
            clean_text=a["clean_text"] or "",
            title=a["title"],
            section=a["section"],
            published=a["published"],
            url=a["url"],
            site=a["site"],
            author=a["author"],
            language=a["language"],
            paragraphs=tuple(Paragraph(i, s, e) for i, (s, e) in enumerate(a["paragraphs"] or ())),
            sentences=tuple(
                Sentence(s["idx"], s["start"], s["end"], s["text"], s["paragraph"])
                for s in sentences.get(aid, ())
            ),
            mentions=tuple(
                Mention(
                    m["sentence"],
                    m["start"],
                    m["end"],
                    m["text"],
                    m["kind"],
                    m["actor_id"],
                    m["code"],
                    m["resolved_by"],
                    m["role"],
                    m["country"],
                    m["label"] or "",
                )
                for m in mentions.get(aid, ())
            ),
            events=tuple(event_from_row(r) for r in events.get(aid, ())),
            claims=tuple(claim_from_row(r) for r in claims.get(aid, ())),
            motives=tuple(motive_from_row(r) for r in motives.get(aid, ())),
            notes=tuple(a["notes"] or ()),
        )

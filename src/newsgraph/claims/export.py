"""JSON rows for motives and claims, shaped as CONVENTIONS.md asks (pure functions)."""

from __future__ import annotations

from typing import Any

from newsgraph.model import Article, Claim, Motive, Span


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def holder_value(holder: tuple[str, ...]) -> str | list[str]:
    """ "author", one actor code, or a list of codes for several holders."""
    if len(holder) == 1:
        return holder[0]
    return list(holder)


def _sentence_text(article: Article, index: int) -> str:
    if 0 <= index < len(article.sentences):
        return article.sentences[index].text
    return ""


def motive_to_json(motive: Motive, article: Article) -> dict[str, Any]:
    """One motive as an export row."""
    evidence = motive.evidence
    if evidence is None:
        sentence = (
            article.sentences[motive.sentence] if motive.sentence < len(article.sentences) else None
        )
        evidence = Span(sentence.start, sentence.end, sentence.text) if sentence else motive.cause
    return {
        "id": motive.id,
        "article_id": motive.article_id,
        "sentence": motive.sentence,
        "sentence_text": _sentence_text(article, motive.sentence),
        "cause": _span(motive.cause),
        "effect": _span(motive.effect),
        "event_id": motive.event_id,
        "cue": motive.cue,
        "holder": holder_value(motive.holder),
        "certainty": motive.certainty,
        "evidence": {"start": evidence.start, "end": evidence.end, "text": evidence.text},
    }


def claim_to_json(claim: Claim, article: Article) -> dict[str, Any]:
    """One claim as an export row."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "sentence": claim.sentence,
        "sentence_text": _sentence_text(article, claim.sentence),
        "text": claim.span.text,
        "holder": holder_value(claim.holder),
        "certainty": claim.certainty,
        "cue": claim.cue,
    }

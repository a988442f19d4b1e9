"""Why an event got its code: the pattern that fired, the words behind each field, the codebook."""

from __future__ import annotations

from newsgraph.events.codebook import Codebook, default_codebook
from newsgraph.model import ActorRef, Article, Event


def _actors(refs: tuple[ActorRef, ...]) -> str:
    if not refs:
        return "(none)"
    return " + ".join(f'{r.code} "{r.text}" [{r.start}:{r.end}]' for r in refs)


def _sentence_text(article: Article, index: int) -> str:
    for sentence in article.sentences:
        if sentence.index == index:
            return sentence.text
    return ""


def _runners_up(event: Event) -> str:
    """The model's next two categories, as the coder wrote them into the rule trace."""
    for part in event.rule.detail.split("; "):
        if part.startswith("next "):
            return "next: " + part.removeprefix("next ")
    return "no runners-up recorded"


def explain(event: Event, article: Article, codebook: Codebook | None = None) -> str:
    """A human-readable account of an event: evidence, rule, codebook entry, field by field."""
    book = codebook or default_codebook()
    entry = book.get(event.cameo)
    root = book.get(event.cameo_root)
    lines = [
        f"Event {event.id} (article {event.article_id}, sentence {event.sentence})",
        f'  "{_sentence_text(article, event.sentence)}"',
        f'Trigger: "{event.trigger.text}" [{event.trigger.start}:{event.trigger.end}]',
        f"Rule: {event.rule.pattern_id} (coder {event.rule.coder_version})",
    ]
    if event.rule.detail:
        lines.append(f"  why: {event.rule.detail}")
    if entry is not None:
        lines.append(
            f"Code: CAMEO {event.cameo} {entry.name}"
            + (f" (root {event.cameo_root} {root.name})" if root is not None else "")
        )
    lines.append(f"  Goldstein {event.goldstein:+.1f}, quad class {event.quad_class}")
    lines.append(
        f"  PLOVER {event.plover or '(none: CAMEO 01/02 are dropped)'}"
        + (f", mode {event.mode}" if event.mode else "")
        + (f", context {event.context}" if event.context else "")
    )
    if event.confidence is not None:
        lines.append(f"Model: probability {event.confidence:.2f} ({_runners_up(event)})")
    lines.append(f"Source: {_actors(event.source)}")
    lines.append(f"Target: {_actors(event.target)}")
    if event.place:
        lines.append(
            f"Place: {event.place}" + (f" ({event.place_country})" if event.place_country else "")
        )
    if event.date or event.date_text:
        lines.append(
            f"Date: {event.date or 'unresolved'}"
            + (f' from "{event.date_text}"' if event.date_text else "")
        )
    flags = [
        f for f, on in (("negated", event.negated), ("hypothetical", event.hypothetical)) if on
    ]
    if flags:
        lines.append(f"Flags: {', '.join(flags)} (not counted as having happened)")
    return "\n".join(lines)

"""Stored events, motives and evidence read back as typed records for answering and exploring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.store import Store


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a stored event: the actor's name, code, words and canonical id."""

    name: str
    code: str
    text: str
    actor_id: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.text or self.code


@dataclass(frozen=True, slots=True)
class EventFact:
    """A coded event as stored, with what answering needs."""

    id: str
    article_id: str
    sentence: int
    trigger: str
    trigger_start: int
    source: tuple[Party, ...]
    target: tuple[Party, ...]
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: str
    place: str | None
    place_country: str | None
    date: str | None
    negated: bool
    hypothetical: bool
    published: dt.date | None

    @property
    def day(self) -> str | None:
        """When it happened as far as known: the coded date, else the article's publication day."""
        if self.date:
            return self.date
        return self.published.isoformat() if self.published else None

    @property
    def happened(self) -> bool:
        """Neither negated nor hypothetical: counts as having taken place."""
        return not (self.negated or self.hypothetical)

    def describe(self, with_day: bool = True) -> str:
        """One line: who did what to whom, the CAMEO name, the Goldstein score, where and when."""
        who = " and ".join(p.label for p in self.source) or "someone"
        whom = " and ".join(p.label for p in self.target)
        what = cameo_name(self.cameo)
        line = f"{who} → {whom}: {what} ({self.cameo}, Goldstein {self.goldstein:+.1f})"
        if self.place:
            line += f" in {self.place}"
        if with_day and self.day:
            line += f", {self.day}"
        if self.negated:
            line += " [negated]"
        if self.hypothetical:
            line += " [hypothetical]"
        return line


@dataclass(frozen=True, slots=True)
class MotiveFact:
    """A stored reason: the cause, the effect it explains, and where it was read."""

    id: str
    article_id: str
    sentence: int
    cause: str
    effect: str
    effect_sentence: int | None
    event_id: str | None
    cue: str
    holder: tuple[str, ...]
    certainty: str
    evidence: str | None  # the text stating the reason, which may run over two sentences
    sentences: tuple[int, ...]  # the sentences of that text: what an answer quotes


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an answer was read: the article (title, date, url) and the quoted sentence."""

    article_id: str
    title: str | None
    published: dt.date | None
    url: str | None
    sentence_index: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "sentence": self.sentence,
        }


@cache
def cameo_name(code: str) -> str:
    """The CAMEO codebook's name for a code (its nearest listed parent), or the code itself."""
    from newsgraph.events.codebook import default_codebook

    entry = default_codebook().get(code)
    return entry.name.capitalize() if entry else code


EVENT_COLUMNS = """e.id, e.article_id, e.sentence, e.trigger_text, e.trigger_start, e.source,
    e.target, e.cameo, e.cameo_root, e.goldstein, e.quad_class, e.plover, e.place,
    e.place_country, e.date, e.negated, e.hypothetical, e.published"""

# Events of current articles that are not near-copies of another article (see stories): a
# syndicated copy is a source of the same story, not a second event.
COUNTED_EVENTS = """e.article_id IN (SELECT id FROM articles WHERE is_current)
    AND e.article_id NOT IN (SELECT article_id FROM stories WHERE duplicate_of IS NOT NULL)"""


def fetch_events(store: Store, where: str = "true", params: Sequence[Any] = ()) -> list[EventFact]:
    """Counted events matching a fixed SQL condition over `e` (values only in `params`)."""
    rows = store.query(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE {COUNTED_EVENTS} AND ({where})"
        " ORDER BY coalesce(e.date, CAST(e.published AS VARCHAR)), e.article_id, e.sentence",
        params,
    )
    ids = sorted(
        {p["actor_id"] for r in rows for p in (*r["source"], *r["target"]) if p["actor_id"]}
    )
    names = {
        n["id"]: n["name"]
        for n in store.query("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))", [ids])
    }
    return [_event(r, names) for r in rows]


def fetch_motives(
    store: Store, where: str = "true", params: Sequence[Any] = ()
) -> list[MotiveFact]:
    """Motives of current articles matching a fixed SQL condition over `m`."""
    rows = store.query(
        """
        SELECT m.*, (SELECT list(s.idx ORDER BY s.idx) FROM sentences s
                     WHERE s.article_id = m.article_id AND s.start < m.evidence_end
                       AND s."end" > m.evidence_start) AS evidence_sentences
        FROM motives m WHERE m.article_id IN (SELECT id FROM articles WHERE is_current)"""
        f" AND ({where}) ORDER BY m.article_id, m.sentence, m.cause_start",
        params,
    )
    return [
        MotiveFact(
            id=r["id"],
            article_id=r["article_id"],
            sentence=r["sentence"],
            cause=r["cause_text"] or "",
            effect=r["effect_text"] or "",
            effect_sentence=r["effect_sentence"],
            event_id=r["event_id"],
            cue=r["cue"] or "",
            holder=tuple(r["holder"] or ()),
            certainty=r["certainty"] or "asserted",
            evidence=r.get("evidence_text"),
            sentences=tuple(r["evidence_sentences"] or (r["sentence"],)),
        )
        for r in rows
    ]


def evidence(store: Store, places: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Evidence]:
    """Evidence records for (article id, sentence index) pairs, fetched in one query."""
    wanted = sorted(set(places))
    if not wanted:
        return {}
    rows = store.query(
        """
        SELECT s.article_id, s.idx, s.text, a.title, a.published, a.url
        FROM sentences s JOIN articles a ON a.id = s.article_id AND a.is_current
        JOIN (SELECT unnest(?) AS article_id, unnest(?) AS idx) w
          ON w.article_id = s.article_id AND w.idx = s.idx""",
        [[a for a, _ in wanted], [i for _, i in wanted]],
    )
    return {
        (r["article_id"], r["idx"]): Evidence(
            r["article_id"], r["title"], r["published"], r["url"], r["idx"], r["text"]
        )
        for r in rows
    }


def _party(ref: dict[str, Any], names: dict[str, str]) -> Party:
    """A participant, named as its canonical actor is (the coder's label otherwise)."""
    name = names.get(ref["actor_id"] or "") or ref["name"] or ""
    return Party(name, ref["code"] or "", ref["text"] or "", ref["actor_id"])


def _event(r: dict[str, Any], names: dict[str, str]) -> EventFact:
    return EventFact(
        id=r["id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        trigger=r["trigger_text"] or "",
        trigger_start=r["trigger_start"] or 0,
        source=tuple(_party(p, names) for p in r["source"] or ()),
        target=tuple(_party(p, names) for p in r["target"] or ()),
        cameo=r["cameo"] or "",
        cameo_root=r["cameo_root"] or "",
        goldstein=float(r["goldstein"] or 0.0),
        quad_class=int(r["quad_class"] or 0),
        plover=r["plover"] or "",
        place=r["place"],
        place_country=r["place_country"],
        date=r["date"],
        negated=bool(r["negated"]),
        hypothetical=bool(r["hypothetical"]),
        published=r["published"],
    )

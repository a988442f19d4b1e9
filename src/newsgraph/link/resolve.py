"""Who a phrase names: country, sectors, role and actor, through the pipeline's own stages.

`resolve("President Kassym-Jomart Tokayev", on=date(2020, 3, 1))` builds a one-text article (the
context sentence when given, else the phrase alone), runs the annotator's entity pass and the
link stage exactly as ingest does, and reads the mention that covers the phrase. The text is
taken as English: language detection misreads short phrases, and a phrase to resolve is asked
in English.

`confidence` is a fixed prior of the resolution method (a dictionary name is surer than a title
pattern), halved when another actor shares the phrase; it is not calibrated on data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.dictionaries.words import norms
from newsgraph.link.linker import Linker
from newsgraph.link.sectors import sectors_of
from newsgraph.link.senses import ActorSense
from newsgraph.model import Article, Mention, Provenance

# How sure each way of resolving is, before ambiguity: read from what each method risks.
METHOD_PRIOR = {
    "dictionary": 0.9,
    "office-holder": 0.85,
    "alias": 0.8,
    "spelling": 0.7,
    "surname": 0.6,
    "coreference": 0.7,
    "role": 0.7,
    "agent": 0.75,
    "role-pattern": 0.7,
    "demonym": 0.7,
    "metonym": 0.65,
    "org-place": 0.6,
    "memory": 0.6,
    "gazetteer": 0.5,
    "setting": 0.4,
    "airport": 0.5,
    "unresolved": 0.1,
}


@dataclass(frozen=True, slots=True)
class RunnerUp:
    """The next actor the phrase could name."""

    actor_id: str
    name: str
    code: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a phrase names, and how that was found."""

    phrase: str
    day: date | None
    text: str | None = None  # the words of the mention read (may be part of the phrase)
    kind: str | None = None  # actor kind (person, country, party, ...) or "place"
    actor_id: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()  # CAMEO
    plover_sectors: tuple[str, ...] = ()
    role: str | None = None
    how: str = "unresolved"
    confidence: float = 0.0
    runner_up: RunnerUp | None = None

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "phrase": self.phrase,
            "date": self.day.isoformat() if self.day else None,
            "text": self.text,
            "kind": self.kind,
            "actor_id": self.actor_id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "sectors": list(self.sectors),
            "plover_sectors": list(self.plover_sectors),
            "role": self.role,
            "how": self.how,
            "confidence": self.confidence,
            "runner_up": None
            if self.runner_up is None
            else {
                "actor_id": self.runner_up.actor_id,
                "name": self.runner_up.name,
                "code": self.runner_up.code,
                "country": self.runner_up.country,
            },
        }


@dataclass(frozen=True, slots=True)
class Query:
    """A phrase to resolve, on a day, optionally inside the sentence it was read in."""

    phrase: str
    day: date | None = None
    context: str | None = None
    start: int | None = None  # the phrase's offset in the context, when known


class Resolver:
    """Resolves phrases with one linker and one annotator (loaded on first use)."""

    def __init__(
        self, linker: Linker | None = None, annotator: Any = None, use_nlp: bool = True
    ) -> None:
        self.linker = linker or Linker()
        self._annotator = annotator
        self.use_nlp = use_nlp

    def annotator(self) -> Any:
        if self._annotator is None:
            from newsgraph.annotate import Annotator

            self._annotator = Annotator()
        return self._annotator

    def resolve(
        self, phrase: str, on: date | None = None, context: str | None = None
    ) -> Resolution:
        return self.resolve_all([Query(phrase, on, context)])[0]

    def resolve_all(self, queries: Sequence[Query]) -> list[Resolution]:
        """Resolve many phrases in one entity pass."""
        articles = [_article(q, i) for i, q in enumerate(queries)]
        if self.use_nlp:
            articles = self.annotator().entities(articles)
        return [self._read(q, a) for q, a in zip(queries, articles, strict=True)]

    def resolve_in_articles(self, items: Sequence[tuple[Query, Article]]) -> list[Resolution]:
        """Resolve phrases inside whole articles, as ingest reads them (cleaned, annotated, linked).

        Each article is cleaned, annotated and linked once however many phrases it holds; a
        query's `start` is its offset in the article's raw text, and the phrase is read at the
        occurrence in the clean text nearest to it (cleaning may shift offsets)."""
        from newsgraph.clean import clean_article

        distinct = {a.id: a for _, a in items}
        cleaned = [clean_article(a) for a in distinct.values()]
        if self.use_nlp:
            cleaned = self.annotator().entities(cleaned)
        linked = {a.id: self.linker.link(a, None) for a in cleaned}
        return [self._read_linked(q, linked[a.id]) for q, a in items]

    def _read(self, query: Query, article: Article) -> Resolution:
        return self._read_linked(query, self.linker.link(article, None))

    def _read_linked(self, query: Query, linked: Article) -> Resolution:
        text = linked.clean_text
        start = _phrase_start(text, query)
        end = start + len(query.phrase)
        mention = _covering(linked.mentions, start, end)
        if mention is None:
            return Resolution(query.phrase, query.day)
        actor = self.linker.actor(mention.actor_id) if mention.actor_id else None
        sectors = sectors_of(mention.code)
        country = mention.country or sectors.country
        runner = self._runner_up(mention, actor.id if actor else None)
        confidence = METHOD_PRIOR.get(mention.resolved_by, 0.5)
        if runner is not None and mention.resolved_by in {"dictionary", "alias"}:
            confidence /= 2
        return Resolution(
            phrase=query.phrase,
            day=query.day,
            text=mention.text,
            kind="place" if mention.kind == "place" else (actor.kind if actor else None),
            actor_id=mention.actor_id,
            name=actor.name if actor else None,
            code=mention.code,
            country=country,
            sectors=sectors.cameo,
            plover_sectors=sectors.plover,
            role=mention.role,
            how=mention.resolved_by,
            confidence=round(confidence, 2),
            runner_up=runner,
        )

    def _runner_up(self, mention: Mention, chosen: str | None) -> RunnerUp | None:
        """The best other actor the mention's words name in the catalogue."""
        catalog = self.linker.catalog
        words = norms(mention.text)
        if words and words[0] == "the":
            words = words[1:]
        senses = [s for s in catalog.index.lookup(words) if isinstance(s, ActorSense)]
        for sense in sorted(senses, key=lambda s: s.rank):
            actor = catalog.actors.get(sense.actor_id)
            if actor is None or actor.id == chosen:
                continue
            return RunnerUp(actor.id, actor.name, actor.code, actor.country)
        return None


def _article(query: Query, index: int) -> Article:
    text = query.context if query.context else query.phrase
    if query.phrase not in text:
        text = f"{text} {query.phrase}"
    return Article(
        id=f"resolve-{index}",
        raw_text=text,
        provenance=Provenance("resolve", index),
        clean_text=text,
        published=query.day,
        language="en",
    )


def _phrase_start(text: str, query: Query) -> int:
    """The phrase's offset: at `start` when it is there, else the occurrence nearest to it."""
    if query.start is not None and text[query.start : query.start + len(query.phrase)] == (
        query.phrase
    ):
        return query.start
    found = [m.start() for m in re.finditer(re.escape(query.phrase), text)]
    if not found:
        return 0
    return min(found, key=lambda at: abs(at - (query.start or 0)))


def _covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The mention read for a phrase: most overlap with it, actors before places, coded first."""
    best: tuple[int, int, int, int] | None = None
    chosen = None
    for mention in mentions:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap <= 0 or mention.label == "pronoun":
            continue
        key = (
            1 if mention.kind == "actor" else 0,
            1 if mention.code or mention.country else 0,
            overlap,
            -(mention.end - mention.start),
        )
        if best is None or key > best:
            best, chosen = key, mention
    return chosen


_DEFAULT: Resolver | None = None


def resolve(
    phrase: str,
    on: date | None = None,
    context: str | None = None,
    resolver: Resolver | None = None,
) -> Resolution:
    """Resolve one phrase (with a process-wide resolver unless one is given)."""
    global _DEFAULT
    if resolver is None:
        if _DEFAULT is None:
            _DEFAULT = Resolver()
        resolver = _DEFAULT
    return resolver.resolve(phrase, on, context)

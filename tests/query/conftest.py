"""A small hand-built store: invented articles with the mentions, events and motives the
pipeline would produce, so the query package is tested without spaCy or the linker."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from newsgraph.model import (
    Actor,
    ActorRef,
    Article,
    Event,
    Mention,
    Motive,
    Paragraph,
    Provenance,
    RuleTrace,
    Sentence,
    Span,
)
from newsgraph.store import Known, Store

ACTORS = {
    "macron": Actor("person:emmanuel-macron", "Emmanuel Macron", "FRAGOV", "person", country="FRA"),
    "sato": Actor("person:taro-sato", "Taro Sato", "JPNGOV", "person", country="JPN"),
    "FRA": Actor("country:FRA", "France", "FRA", "country", country="FRA"),
    "JPN": Actor("country:JPN", "Japan", "JPN", "country", country="JPN"),
    "IND": Actor("country:IND", "India", "IND", "country", country="IND"),
    "AUS": Actor("country:AUS", "Australia", "AUS", "country", country="AUS"),
    "CHN": Actor("country:CHN", "China", "CHN", "country", country="CHN"),
}

# phrase -> (kind, actor key or None, place country)
LEXICON: dict[str, tuple[str, str | None, str | None]] = {
    "Macron": ("actor", "macron", None),
    "the French president": ("actor", "macron", None),
    "he": ("actor", "macron", None),
    "Japanese": ("actor", "JPN", None),
    "Taro Sato": ("actor", "sato", None),
    "Haneda Airport": ("place", None, "JPN"),
    "Tokyo": ("actor", "JPN", "JPN"),
    "France": ("actor", "FRA", None),
    "French": ("actor", "FRA", None),
    "Japan": ("actor", "JPN", None),
    "India": ("actor", "IND", None),
    "Australia": ("actor", "AUS", None),
    "China": ("actor", "CHN", None),
}

ROLES = {"Taro Sato": "Deputy Foreign Minister"}

VISIT = (
    "Macron was greeted by Japanese Deputy Foreign Minister Taro Sato as he landed at Haneda"
    " Airport. Why did the French president travel to Tokyo? France wants closer trade ties with"
    " Japan. Another reason for the trip is the security of shipping routes. The nations ready to"
    " work more closely with France include Japan, India and Australia. Separately, China"
    " criticised the trip."
)
PACT = "Japan and France signed a defence pact in Tokyo on Tuesday. The deal covers naval patrols."


@dataclass(frozen=True)
class EventSpec:
    sentence: int
    trigger: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    cameo: str
    goldstein: float
    quad: int
    place: str | None = None


def sentences_of(text: str) -> tuple[Sentence, ...]:
    out = []
    for index, match in enumerate(re.finditer(r"[^.?!]+[.?!]", text)):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        out.append(Sentence(index, start, match.end(), text[start : match.end()]))
    return tuple(out)


def mentions_of(text: str, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    found = []
    for phrase, (kind, key, country) in LEXICON.items():
        for match in re.finditer(rf"\b{re.escape(phrase)}\b", text):
            sentence = next(s.index for s in sentences if s.start <= match.start() < s.end)
            actor = ACTORS[key] if key else None
            if kind == "actor" and actor is not None:
                found.append(
                    Mention(
                        sentence,
                        match.start(),
                        match.end(),
                        phrase,
                        "actor",
                        actor.id,
                        actor.code,
                        "dictionary",
                        role=ROLES.get(phrase),
                    )
                )
            if country:
                found.append(
                    Mention(
                        sentence,
                        match.start(),
                        match.end(),
                        phrase,
                        "place",
                        resolved_by="gazetteer",
                        country=country,
                    )
                )
    return tuple(sorted(found, key=lambda m: (m.start, m.kind)))


def ref(key: str, article: Article, sentence: int) -> ActorRef:
    actor = ACTORS[key]
    text = article.sentences[sentence].text
    words = next(p for p, (_, k, _) in LEXICON.items() if k == key and p in text)
    start = article.sentences[sentence].start + text.index(words)
    return ActorRef(actor.name, actor.code, words, start, start + len(words), actor.id)


def build(
    article_id: str,
    text: str,
    published: date,
    title: str,
    events: tuple[EventSpec, ...] = (),
    motives: tuple[tuple[int, str, int], ...] = (),  # (sentence, cause words, event index)
) -> Article:
    sentences = sentences_of(text)
    article = Article(
        id=article_id,
        raw_text=text,
        clean_text=text,
        provenance=Provenance(f"{article_id}.txt"),
        title=title,
        published=published,
        url=f"https://news.example/{article_id}",
        paragraphs=(Paragraph(0, 0, len(text)),),
        sentences=sentences,
    )
    coded = []
    for spec in events:
        sentence = sentences[spec.sentence]
        start = sentence.start + sentence.text.index(spec.trigger)
        coded.append(
            Event(
                id=f"{article_id}:e{spec.sentence}-{start}",
                article_id=article_id,
                sentence=spec.sentence,
                trigger=Span(start, start + len(spec.trigger), spec.trigger),
                source=tuple(ref(k, article, spec.sentence) for k in spec.source),
                target=tuple(ref(k, article, spec.sentence) for k in spec.target),
                cameo=spec.cameo,
                cameo_root=spec.cameo[:2],
                goldstein=spec.goldstein,
                quad_class=spec.quad,
                plover="",
                mode="",
                context="",
                rule=RuleTrace("test", "0"),
                place=spec.place,
                place_country="JPN" if spec.place else None,
            )
        )
    reasons = []
    for sentence_index, words, event_index in motives:
        sentence = sentences[sentence_index]
        start = sentence.start + sentence.text.index(words)
        reasons.append(
            Motive(
                id=f"{article_id}:m{sentence_index}",
                article_id=article_id,
                sentence=sentence_index,
                cause=Span(start, start + len(words), words),
                effect=Span(0, 0, ""),
                cue="reason",
                event_id=coded[event_index].id,
            )
        )
    return Article(
        **{
            **{f: getattr(article, f) for f in article.__dataclass_fields__},
            "mentions": mentions_of(text, sentences),
            "events": tuple(coded),
            "motives": tuple(reasons),
        }
    )


VISIT_EVENTS = (
    EventSpec(0, "greeted", ("sato",), ("macron",), "043", 2.8, 1),
    EventSpec(1, "travel", ("macron",), ("JPN",), "042", 1.9, 1, place="Tokyo"),
    EventSpec(5, "criticised", ("CHN",), ("macron",), "111", -2.0, 3),
)
VISIT_MOTIVES = (
    (2, "France wants closer trade ties with Japan", 1),
    (3, "the security of shipping routes", 1),
)


def corpus(with_events: bool = True) -> list[Article]:
    visit = build(
        "visit1",
        VISIT,
        date(2023, 3, 10),
        "Macron flies to Tokyo",
        VISIT_EVENTS if with_events else (),
        VISIT_MOTIVES if with_events else (),
    )
    pact = build(
        "pact1",
        PACT,
        date(2023, 5, 2),
        "Japan and France sign a pact",
        (EventSpec(0, "signed", ("JPN",), ("FRA",), "057", 8.0, 1, place="Tokyo"),)
        if with_events
        else (),
    )
    return [visit, pact]


def fill(store: Store, articles: list[Article]) -> None:
    batch = [(a, Known("new"), f"raw-{a.id}", f"content-{a.id}") for a in articles]
    store.write_articles(batch, ACTORS.values())


class NoLinker:
    """The article linker stood down: questions are read with the store's own actors only."""

    def find(self, text: str) -> list[Mention]:
        return []

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        return None

    def actor(self, actor_id: str) -> Actor | None:
        return None


class Kit:
    """The builders, for tests that need their own articles (reached through the `kit` fixture)."""

    EventSpec = EventSpec
    build = staticmethod(build)
    corpus = staticmethod(corpus)
    fill = staticmethod(fill)
    actors = ACTORS


@pytest.fixture()
def kit() -> type[Kit]:
    return Kit


@pytest.fixture()
def no_linker() -> NoLinker:
    return NoLinker()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """A store holding the invented articles with events and motives."""
    with Store(tmp_path / "q.duckdb") as s:
        fill(s, corpus())
        yield s


@pytest.fixture()
def bare_store(tmp_path: Path) -> Iterator[Store]:
    """The same articles with mentions but no coded events or motives."""
    with Store(tmp_path / "bare.duckdb") as s:
        fill(s, corpus(with_events=False))
        yield s

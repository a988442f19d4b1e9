"""A small hand-built store (two articles with mentions, events, motives, claims) and a client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import ServerConfig, create_app
from newsgraph.model import (
    Actor,
    ActorRef,
    Article,
    Claim,
    Event,
    Mention,
    Motive,
    Paragraph,
    Provenance,
    Role,
    RuleTrace,
    Sentence,
    SourceItem,
    Span,
)
from newsgraph.store import Known, Store

TOKEN = "test-token-123"
VISIT = (
    "The Russian president arrived in Baku on Sunday. Ilham Aliyev welcomed him warmly.\n\n"
    "Reportedly, the talks were meant to strengthen ties because trade has grown."
)
COPY = "same input as one read before it"
PROTEST = "Armenia condemned Azerbaijan on Monday. It may seek new allies."

PUTIN = Actor(
    "person:putin",
    "Vladimir Putin",
    "RUSGOV",
    "person",
    roles=(Role("President of Russia", "RUSGOV", date(2012, 5, 7)),),
    country="RUS",
)
ALIYEV = Actor("person:aliyev", "Ilham Aliyev", "AZEGOV", "person", country="AZE")
ARMENIA = Actor("country:ARM", "Armenia", "ARM", "country", country="ARM")
AZERBAIJAN = Actor("country:AZE", "Azerbaijan", "AZE", "country", country="AZE")


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for n, piece in enumerate(text.replace("\n\n", " ").split(". ")):
        body = piece if piece.endswith(".") else piece + "."
        at = text.index(body[:-1], start)
        out.append(Sentence(n, at, at + len(body), text[at : at + len(body)]))
        start = at + len(body)
    return tuple(out)


def _ref(actor: Actor, span: Span) -> ActorRef:
    return ActorRef(actor.name, actor.code, span.text, span.start, span.end, actor.id)


def visit_article() -> Article:
    text = VISIT
    sents = _sentences(text)
    president = _span(text, "The Russian president")
    baku = _span(text, "Baku")
    aliyev = _span(text, "Ilham Aliyev")
    visit = Event(
        "ev-visit",
        "visit",
        0,
        _span(text, "arrived"),
        (_ref(PUTIN, president),),
        (_ref(AZERBAIJAN, baku),),
        "042",
        "04",
        1.9,
        1,
        "CONSULT",
        "visit",
        "",
        RuleTrace("verb:arrive-in", "test-1"),
        place="Baku",
        place_country="AZE",
        date="2024-08-18",
    )
    welcome = Event(
        "ev-welcome",
        "visit",
        1,
        _span(text, "welcomed"),
        (_ref(ALIYEV, aliyev),),
        (_ref(PUTIN, _span(text, "him")),),
        "043",
        "04",
        2.8,
        1,
        "CONSULT",
        "host",
        "",
        RuleTrace("verb:welcome", "test-1"),
        date="2024-08-18",
    )
    reason = Motive(
        "mo-1",
        "visit",
        2,
        _span(text, "trade has grown"),
        _span(text, "the talks were meant to strengthen ties"),
        "because",
        ("author",),
        "reported",
    )
    claim = Claim(
        "cl-1",
        "visit",
        2,
        _span(text, "the talks were meant to strengthen ties"),
        ("author",),
        "reported",
        "Reportedly",
    )
    return Article(
        id="visit",
        raw_text=text,
        clean_text=text,
        provenance=Provenance("visit.txt"),
        title="Putin arrives in Baku",
        published=date(2024, 8, 18),
        site="example.news",
        url="https://example.news/visit",
        paragraphs=(
            Paragraph(0, 0, text.index("\n\n")),
            Paragraph(1, text.index("\n\n") + 2, len(text)),
        ),
        sentences=sents,
        mentions=(
            Mention(
                0,
                president.start,
                president.end,
                president.text,
                "actor",
                PUTIN.id,
                "RUSGOV",
                "role-pattern",
                "President of Russia",
            ),
            Mention(0, baku.start, baku.end, "Baku", "place", None, None, "gazetteer", None, "AZE"),
            Mention(
                1, aliyev.start, aliyev.end, aliyev.text, "actor", ALIYEV.id, "AZEGOV", "dictionary"
            ),
        ),
        events=(visit, welcome),
        motives=(reason,),
        claims=(claim,),
    )


def protest_article() -> Article:
    text = PROTEST
    armenia = _span(text, "Armenia")
    azerbaijan = _span(text, "Azerbaijan")
    condemn = Event(
        "ev-condemn",
        "protest",
        0,
        _span(text, "condemned"),
        (_ref(ARMENIA, armenia),),
        (_ref(AZERBAIJAN, azerbaijan),),
        "122",
        "12",
        -2.0,
        3,
        "DISAPPROVE",
        "",
        "",
        RuleTrace("verb:condemn", "test-1"),
        date="2024-08-19",
    )
    claim = Claim(
        "cl-2", "protest", 1, _span(text, "It may seek new allies"), ("ARM",), "hedged", "may"
    )
    return Article(
        id="protest",
        raw_text=text,
        clean_text=text,
        provenance=Provenance("protest.txt"),
        title="Armenia condemns Azerbaijan",
        published=date(2024, 8, 19),
        sentences=_sentences(text),
        mentions=(
            Mention(
                0, armenia.start, armenia.end, "Armenia", "actor", ARMENIA.id, "ARM", "dictionary"
            ),
            Mention(
                0,
                azerbaijan.start,
                azerbaijan.end,
                "Azerbaijan",
                "actor",
                AZERBAIJAN.id,
                "AZE",
                "dictionary",
            ),
        ),
        events=(condemn,),
        claims=(claim,),
    )


def build_store(path: Path) -> Path:
    """Write the two sample articles and their actors into a new store at `path`."""
    with Store(path) as store:
        batch = [
            (a, Known("new"), f"raw-{a.id}", f"hash-{a.id}")
            for a in (visit_article(), protest_article())
        ]
        store.write_articles(batch, [PUTIN, ALIYEV, ARMENIA, AZERBAIJAN])
        carried = [
            SourceItem("visit.txt", None, "raw-visit", "stored", "visit", 1),
            SourceItem("protest.txt", None, "raw-protest", "stored", "protest", 1),
            SourceItem("wire/visit-copy.txt", None, "raw-visit", "duplicate", "visit", None, COPY),
        ]
        store.record_sources(carried, store.begin_run("local", 1))
    return path


@pytest.fixture()
def token() -> str:
    """The write token the test servers are started with."""
    return TOKEN


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "sample.duckdb")


@pytest.fixture()
def client(sample_db: Path) -> Iterator[TestClient]:
    app = create_app(ServerConfig(db=sample_db, token=TOKEN, warm_up=False))
    with TestClient(app) as test_client:
        yield test_client

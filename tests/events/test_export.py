"""Event exports: newsgraph JSON, PLOVER JSON and GDELT rows (hand-made records, no model)."""

from __future__ import annotations

from datetime import date

from newsgraph.events import GDELT_COLUMNS, event_to_gdelt, event_to_json, event_to_plover
from newsgraph.model import ActorRef, Article, Event, Provenance, RuleTrace, Sentence, Span

TEXT = "Nothing new. Baku and Yerevan attacked Tbilisi on Monday."
ARTICLE = Article(
    id="a1",
    raw_text=TEXT,
    provenance=Provenance("test"),
    clean_text=TEXT,
    published=date(2024, 8, 18),
    url="https://example.org/a1",
    sentences=(Sentence(0, 0, 12, "Nothing new."), Sentence(1, 13, len(TEXT), TEXT[13:])),
)


def _event(**changes: object) -> Event:
    fields: dict[str, object] = dict(
        id="a1:e1-4",
        article_id="a1",
        sentence=1,
        trigger=Span(30, 38, "attacked"),
        source=(
            ActorRef("Azerbaijan", "AZE", "Baku", 13, 17),
            ActorRef("Armenia", "ARM", "Yerevan", 22, 29),
        ),
        target=(ActorRef("Georgia", "GEOGOV", "Tbilisi", 39, 46),),
        cameo="190",
        cameo_root="19",
        goldstein=-10.0,
        quad_class=4,
        plover="ASSAULT",
        mode="",
        context="military",
        rule=RuleTrace("cameo2:ATTACK:attack", "v1", "pattern 'attack'"),
        date="2024-08-12",
        date_text="Monday",
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_json_has_every_promised_field() -> None:
    row = event_to_json(_event(), ARTICLE)
    for name in (
        "id",
        "article_id",
        "sentence",
        "sentence_text",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "goldstein",
        "quad_class",
        "plover",
        "mode",
        "context",
        "place",
        "date",
        "negated",
        "hypothetical",
        "evidence",
        "rule",
    ):
        assert name in row, name
    assert row["sentence_text"] == TEXT[13:]
    assert row["evidence"] == {"start": 13, "end": len(TEXT), "text": TEXT[13:]}
    assert isinstance(row["source"], list) and row["source"][1]["code"] == "ARM"  # compound
    assert row["target"] == {
        "name": "Georgia",
        "code": "GEOGOV",
        "text": "Tbilisi",
        "start": 39,
        "end": 46,
    }
    assert row["rule"]["pattern"] == "cameo2:ATTACK:attack"
    assert event_to_json(_event(target=()), ARTICLE)["target"] is None


def test_plover_record_uses_manual_field_names() -> None:
    record = event_to_plover(_event(), ARTICLE)
    assert record["event"] == ["ASSAULT"] and record["has_event"] is True
    assert [a["code"] for a in record["actor"]] == ["AZE", "ARM"]
    assert record["recipient"] == [{"code": "GEO", "sector": "GOV", "entity_text": "Tbilisi"}]
    assert record["date"] == "2024-08-12" and record["context"] == ["military"]
    assert record["text_info"] == {"sequence": 1, "start": 13, "end": len(TEXT)}
    assert event_to_plover(_event(negated=True), ARTICLE)["has_event"] is False


def test_gdelt_row_fills_the_61_columns() -> None:
    row = dict(zip(GDELT_COLUMNS, event_to_gdelt(_event(), ARTICLE), strict=True))
    assert len(GDELT_COLUMNS) == 61
    assert row["SQLDATE"] == "20240812" and row["Year"] == "2024"
    assert row["Actor1Code"] == "AZE" and row["Actor1Name"] == "AZERBAIJAN; ARMENIA"
    assert row["Actor2Code"] == "GEOGOV" and row["Actor2Type1Code"] == "GOV"
    assert row["EventCode"] == "190" and row["EventRootCode"] == "19"
    assert row["QuadClass"] == 4 and row["GoldsteinScale"] == -10.0
    assert row["SOURCEURL"] == "https://example.org/a1"
    assert isinstance(row["GLOBALEVENTID"], int)


def test_partial_dates_keep_their_precision() -> None:
    row = dict(zip(GDELT_COLUMNS, event_to_gdelt(_event(date="2004-09"), ARTICLE), strict=True))
    assert row["SQLDATE"] == "20040900" and row["MonthYear"] == "200409"
    assert event_to_plover(_event(date="2004-09"), ARTICLE)["date"] == "2004-09"
    # No date in the sentence: the publication date, and the record says so.
    undated = event_to_plover(_event(date=None), ARTICLE)
    assert undated["date"] == "2024-08-18" and "publication date" in undated["comment"]

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Actor as ActorRecord
from newsgraph.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    Mention,
    Provenance,
    Rejected,
    RuleTrace,
    Sentence,
    Span,
)
from newsgraph.store import Known, Store

TEXT = "Putin visited Baku."


def build(db: Path) -> None:
    putin = ActorRef("Vladimir Putin", "RUSGOV", "Putin", 0, 5, "person:vladimir-putin")
    baku = ActorRef("Azerbaijan", "AZE", "Baku", 14, 18, "country:AZE")
    event = Event(
        id="a:e0-1",
        article_id="a",
        sentence=0,
        trigger=Span(6, 13, "visited"),
        source=(putin,),
        target=(baku,),
        cameo="042",
        cameo_root="04",
        goldstein=1.9,
        quad_class=1,
        plover="CONSULT",
        mode="visit",
        context="",
        rule=RuleTrace("p", "v"),
    )
    article = Article(
        id="a",
        raw_text=TEXT,
        clean_text=TEXT,
        provenance=Provenance("a.txt"),
        sentences=(Sentence(0, 0, len(TEXT), TEXT),),
        mentions=(
            Mention(0, 0, 5, "Putin", "actor", "person:vladimir-putin", "RUSGOV", "dictionary"),
            Mention(0, 14, 18, "Baku", "actor", "country:AZE", "AZE", "metonym"),
        ),
        events=(event,),
        claims=(Claim("a:c0", "a", 0, Span(0, len(TEXT), TEXT), ("author",), "asserted"),),
    )
    actors = [
        ActorRecord("person:vladimir-putin", "Vladimir Putin", "RUSGOV", "person"),
        ActorRecord("country:AZE", "Azerbaijan", "AZE", "country"),
        ActorRecord("country:RUS", "Russia", "RUS", "country"),
    ]
    with Store(db) as store:
        store.write_articles([(article, Known("new"), "r", "c")], actors)
        store.quarantine([Rejected("x.bin", "binary")])


def test_report_names_counts_actors_events_pairs_claims_and_quarantine(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    build(db)
    result = CliRunner().invoke(app, ["report", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "1 articles" in out and "1 events" in out and "1 claims" in out
    assert "Vladimir Putin (RUSGOV) ×1" in out
    assert "CONSULT ×1 (Goldstein +1.9)" in out
    assert "RUS→AZE ×1" in out
    assert "asserted ×1" in out
    assert "1 × binary" in out


def test_json_and_exports_write_points_in_time_as_rfc3339_utc(tmp_path: Path) -> None:
    import datetime as dt
    import json

    db = tmp_path / "s.duckdb"
    build(db)
    shown = CliRunner().invoke(app, ["show", "a", "--db", str(db), "--json"])
    assert shown.exit_code == 0, shown.output
    stamp = json.loads(shown.output)["ingested_at"]
    assert dt.datetime.fromisoformat(stamp).utcoffset() == dt.timedelta(0), stamp
    assert "T" in stamp and stamp.endswith("+00:00"), stamp
    out = tmp_path / "q.jsonl"
    exported = CliRunner().invoke(app, ["export", "quarantine", "--db", str(db), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    row = json.loads(out.read_text().splitlines()[0])
    assert row["quarantined_at"].endswith("+00:00"), row

"""eval actors: the phrase file reader, the locked split and the judging of one resolution."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.evaluate.actors import (
    WIKINEWS,
    in_split,
    is_locked,
    judge,
    read_articles,
    read_gold,
    score_actors,
)
from newsgraph.link.resolve import Query, Resolution, Resolver

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "data" / "actors_eval" / "phrases.jsonl"
FLOORS = REPO / "eval" / "floors" / "actors.json"


def _line(i: int, **fields: object) -> str:
    row = {
        "id": f"a:{i}",
        "article_id": "a",
        "published": "2005-03-01",
        "sentence": "Kofi Annan said so.",
        "phrase": "Kofi Annan",
        "start": 0,
        "end": 10,
        "kind": "person",
        "country": "IGO",
        "sector": "IGO",
        "role": "secretary-general",
    }
    row.update(fields)
    return json.dumps(row)


def test_the_reader_and_the_split(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(_line(i) for i in range(60)) + "\n", encoding="utf-8")
    rows = read_gold(path)
    assert len(rows) == 60 and rows[0].published == date(2005, 3, 1)
    locked, tune = in_split(rows, "locked"), in_split(rows, "tune")
    assert len(locked) + len(tune) == 60 and 10 < len(locked) < 30
    assert all(is_locked(r.id) for r in locked) and not any(is_locked(r.id) for r in tune)


def test_judging_country_sector_in_either_coding_and_role() -> None:
    path_row = read_gold_row(_line(0, country="USA", sector="MED", role="journalist"))
    got = Resolution("x", None, country="USA", sectors=("MED",), plover_sectors=("JRN",))
    assert judge(path_row, got) == (True, True, False)
    plover = read_gold_row(_line(0, country="USA", sector="JRN", role=None))
    assert judge(plover, got) == (True, True, None)
    old_code = read_gold_row(_line(0, country="JAP", sector=None, role=None))
    assert judge(old_code, Resolution("x", None, country="JPN")) == (True, True, None)
    assert judge(old_code, Resolution("x", None, country="JPN", sectors=("GOV",)))[1] is False


def test_one_kind_of_office_in_two_wordings_is_the_same_role() -> None:
    row = read_gold_row(_line(0, role="foreign minister"))
    got = Resolution("x", None, role="Minister of Foreign Affairs")
    kinds = {
        "foreign minister": "foreign_minister",
        "minister of foreign affairs": "foreign_minister",
    }
    assert judge(row, got, lambda t: kinds.get(t, "official"))[2] is True
    assert judge(row, got)[2] is False


def read_gold_row(line: str):  # type: ignore[no-untyped-def]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        return read_gold(path)[0]


def test_the_articles_of_the_phrases_are_read_from_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "a", "title": "T", "text": "Kofi Annan said so.", "published": "2005-03-01"},
        {"id": "b", "title": "U", "text": "Other.", "published": None},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    found = read_articles(corpus, {"a"})
    assert list(found) == ["a"] and found["a"].raw_text == "Kofi Annan said so."
    assert found["a"].published == date(2005, 3, 1) and found["a"].title == "T"


def test_the_article_mode_scores_every_phrase_and_reads_the_offset_of_the_id(
    tmp_path: Path,
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_line(7).replace('"a:7"', '"a:12"') + "\n", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Yesterday, Kofi Annan said so."}) + "\n")
    seen: list[tuple[Query, str]] = []

    class Recorder(Resolver):
        def resolve_in_articles(self, items):  # type: ignore[no-untyped-def, override]
            seen.extend((q, a.id) for q, a in items)
            return [Resolution(q.phrase, None, country="IGO", sectors=("IGO",)) for q, _ in items]

    score, _ = score_actors(gold, "all", Recorder(use_nlp=False), corpus)
    assert seen[0][0].start == 12 and seen[0][1] == "a"
    assert score.modes["article"]["all"]["country"] == 1.0
    assert "article" not in score_actors(gold, "all", Recorder(use_nlp=False))[0].modes


@pytest.mark.slow
@pytest.mark.shared
def test_the_locked_split_scores_at_least_the_floors(shared_dir: Path) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    score, _ = score_actors(GOLD, "locked", corpus=shared_dir / WIKINEWS)
    for mode in ("alone", "sentence", "article"):
        for measure in ("country", "sector", "role"):
            got = score.modes[mode]["all"][measure]
            assert isinstance(got, float) and got >= floors[mode][measure], (mode, measure, got)

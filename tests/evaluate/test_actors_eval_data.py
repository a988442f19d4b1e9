"""data/actors_eval: well formed, rebuilt from its labels, as its README says."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "actors_eval"
KINDS = {"person", "organisation", "place", "group"}
SECTORS = {
    *("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "CRM", "SPY", "UAF", "PRM", "BUS"),
    *("MED", "NGO", "IGO", "CVL", "EDU", "REL", "LAB", "AGR", "HLH", "ELI", "OPP"),
}
FIELDS = (
    "id",
    "article_id",
    "published",
    "sentence",
    "phrase",
    "start",
    "end",
    "kind",
    "country",
    "sector",
    "role",
)


def read(name: str) -> list[dict[str, Any]]:
    """Records of one JSONL file of the set."""
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def phrases() -> list[dict[str, Any]]:
    """The whole set."""
    return read("phrases.jsonl")


def test_every_record_has_the_schema_and_its_phrase_at_its_offsets(
    phrases: list[dict[str, Any]],
) -> None:
    for record in phrases:
        assert tuple(record) == FIELDS, record["id"]
        assert record["sentence"][record["start"] : record["end"]] == record["phrase"], record["id"]
        assert record["kind"] in KINDS
        assert record["sector"] is None or record["sector"] in SECTORS
        country = record["country"]
        assert country is None or (len(country) == 3 and country.isupper()), record["id"]
        if country == "IGO":
            assert record["role"], f"{record['id']}: an IGO names its body in role"
        assert record["id"].startswith(record["article_id"] + ":")


def test_the_set_is_as_large_and_as_mixed_as_its_readme_says(
    phrases: list[dict[str, Any]],
) -> None:
    kinds = Counter(r["kind"] for r in phrases)
    assert len(phrases) >= 500
    assert len({r["id"] for r in phrases}) == len(phrases)
    assert len({r["article_id"] for r in phrases}) >= 150
    assert kinds["person"] / len(phrases) >= 0.35
    assert all(kinds[k] >= 50 for k in KINDS)
    assert len({r["published"][:4] for r in phrases}) >= 10


def test_sample_is_the_first_twenty_records(phrases: list[dict[str, Any]]) -> None:
    assert read("SAMPLE.jsonl") == phrases[:20]


def test_phrases_are_rebuilt_from_candidates_and_labels(tmp_path: Path) -> None:
    out = tmp_path / "phrases.jsonl"
    script = REPO / "scripts" / "actors_eval_candidates.py"
    command = [sys.executable, str(script), "merge", "--candidates"]
    command += [str(DATA / "candidates.jsonl"), str(DATA / "candidates2.jsonl")]
    command += ["--labels", str(DATA / "labels.tsv"), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    assert out.read_bytes() == (DATA / "phrases.jsonl").read_bytes()


def test_the_blind_agreement_file_carries_no_labels(phrases: list[dict[str, Any]]) -> None:
    blind = read("agreement_blind.jsonl")
    by_id = {r["id"]: r for r in phrases}
    assert len(blind) == 60
    for record in blind:
        assert (record["country"], record["sector"], record["role"]) == (None, None, None)
        assert record["phrase"] == by_id[record["id"]]["phrase"]
    second = read("agreement_second.jsonl")
    assert [r["id"] for r in second] == [r["id"] for r in blind]

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.extract_compare import compare_extractors, format_comparison
from newsgraph.evaluate.extractors import BASELINE, CANDIDATES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def fixture_gold(folder: Path) -> Path:
    """A two-page gold folder made of the benchmark pages kept as test fixtures."""
    (folder / "html").mkdir(parents=True)
    truth = {}
    for name in ("aeb_panarmenian", "aeb_aljazeera"):
        (folder / "html" / f"{name}.html.gz").write_bytes(
            (FIXTURES / f"{name}.html.gz").read_bytes()
        )
        truth[name] = json.loads((FIXTURES / f"{name}.gold.json").read_text("utf-8"))
    (folder / "ground-truth.json").write_text(json.dumps(truth))
    return folder


def test_candidates_are_scored_and_timed_against_the_baseline(tmp_path: Path) -> None:
    gold = fixture_gold(tmp_path)
    results = compare_extractors(gold, ["newsgraph text only", "resiliparse"])
    by_name = {r.name: r for r in results}
    assert set(by_name) == {"newsgraph text only", "resiliparse", BASELINE}
    assert by_name[BASELINE].speedup == pytest.approx(1.0)
    assert all(r.pages_per_second > 0 and r.failures == 0 for r in results)
    assert by_name["newsgraph text only"].f1 > 0.9  # two pages it reads well
    assert [r.f1 for r in results] == sorted((r.f1 for r in results), reverse=True)
    table = format_comparison(results)
    assert table.splitlines()[0].startswith("extractor") and BASELINE in table


def test_a_candidate_that_raises_extracts_nothing_on_that_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: bytes, url: str | None) -> str | None:
        raise RuntimeError("needs an optional package")

    monkeypatch.setitem(CANDIDATES, "broken", (broken, "json"))
    [result] = [
        r for r in compare_extractors(fixture_gold(tmp_path), ["broken"]) if r.name == "broken"
    ]
    assert result.failures == 2 and result.recall == 0.0


def test_gold_pages_are_read_gzipped(tmp_path: Path) -> None:
    gold = fixture_gold(tmp_path)
    assert gzip.decompress((gold / "html" / "aeb_panarmenian.html.gz").read_bytes()).startswith(
        b"<"
    )

"""`newsgraph eval extract` on a two-page gold folder built from the test fixtures."""

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def test_eval_extract_prints_the_cross_validated_figure_first(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    truth = {}
    # Five copies of the two pages, so that the folds hold pages.
    for copy in range(5):
        for name in ("aeb_panarmenian", "aeb_aljazeera"):
            page_id = f"{name}-{copy}"
            html = (FIXTURES / f"{name}.html.gz").read_bytes()
            (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(html)
            truth[page_id] = json.loads((FIXTURES / f"{name}.gold.json").read_text("utf-8"))
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    result = CliRunner().invoke(app, ["eval", "extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "-fold cross-validated" in lines[0]
    assert "development figures" in result.output
    as_json = CliRunner().invoke(app, ["eval", "extract", str(tmp_path), "--json"])
    data = json.loads(as_json.output)
    assert data["cross_validated"]["f1"] > 0.9
    assert data["development"]["pages"] == 10 and "comparison" not in data

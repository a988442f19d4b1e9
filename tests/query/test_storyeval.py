"""Near-duplicate detection on the BBC corpus (../shared, read-only) against pinned floors."""

import json
from pathlib import Path

import pytest

from newsgraph.query.storyeval import format_report, score_stories

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "floors" / "stories.json"


@pytest.mark.slow
@pytest.mark.shared
def test_near_duplicate_pairs_meet_the_floors(shared_dir: Path) -> None:
    score = score_stories(shared_dir / "data" / "corpora" / "bbc-news-2225")
    floors = json.loads(FLOORS.read_text("utf-8"))
    report = format_report(score)
    for setting, measured in (
        ("all_texts", score.all_texts),
        ("deduplicated", score.deduplicated),
    ):
        assert measured.precision >= floors[setting]["precision"], report
        assert measured.recall >= floors[setting]["recall"], report
    assert score.largest_story <= floors["largest_story_at_most"], report

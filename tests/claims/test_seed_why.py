"""The seed article through the whole pipeline (ingest → clean → annotate → link → events → why):
the reasons for the visit and the claims that ../shared/seed/expected.yaml requires."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import newsgraph
from newsgraph.claims import claim_to_json, motive_to_json
from newsgraph.config import Settings
from newsgraph.model import Article, Event

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def expected(shared_dir: Path) -> dict[str, Any]:
    return yaml.safe_load((shared_dir / "seed" / "expected.yaml").read_text("utf-8"))


@pytest.fixture(scope="module", params=["none", "minilm"])
def article(shared_dir: Path, request: pytest.FixtureRequest) -> Article:
    """The seed processed with the sentence gate alone, and with the optional encoder."""
    if request.param != "none":
        request.getfixturevalue("encoder_installed")
    [processed] = newsgraph.process(
        [str(shared_dir / "seed" / "article.txt")],
        Settings(why_encoder=request.param),
        published=date(2024, 8, 18),
    )
    return processed


def _codes(refs: tuple[Any, ...]) -> set[str]:
    return {r.code[:3] for r in refs}


def _visit_events(article: Article, spec: dict[str, Any]) -> set[str]:
    """Ids of the coded events matching the seed's `visit` event (CAMEO, source and target)."""

    def matches(event: Event) -> bool:
        return (
            event.cameo == spec["cameo"]
            and spec["source"][:3] in _codes(event.source)
            and (not event.target or spec["target"][:3] in _codes(event.target))
        )

    return {e.id for e in article.events if matches(e)}


def _visit_motives(article: Article, expected: dict[str, Any]) -> list[dict[str, Any]]:
    spec = next(e for e in expected["events"]["must"] if e["id"] == expected["motives"]["of_event"])
    visit = _visit_events(article, spec)
    assert visit, "the event coder found no visit event"
    return [motive_to_json(m, article) for m in article.motives if m.event_id in visit]


def test_reasons_for_the_visit(article: Article, expected: dict[str, Any]) -> None:
    motives = _visit_motives(article, expected)
    spec = expected["motives"]
    found = [
        r["id"]
        for r in spec["reasons"]
        if any(r["evidence_contains"] in m["evidence"]["text"] for m in motives)
    ]
    assert len(found) >= spec["must_find_at_least"], found
    assert len(motives) <= spec["at_most"], [m["evidence"]["text"][:60] for m in motives]
    for motive in motives:
        assert motive["holder"] == "author"
        assert (
            article.clean_text[motive["evidence"]["start"] : motive["evidence"]["end"]]
            == (motive["evidence"]["text"])
        )


def test_not_reasons_are_not_linked_to_the_visit(
    article: Article, expected: dict[str, Any]
) -> None:
    motives = _visit_motives(article, expected)
    for text in expected["motives"]["not_reasons"]:
        assert not any(text in m["evidence"]["text"] for m in motives), text


def test_claims_have_their_certainty_and_holder(article: Article, expected: dict[str, Any]) -> None:
    rows = [claim_to_json(c, article) for c in article.claims]
    for must in expected["claims"]["must"]:
        matching = [r for r in rows if must["evidence_contains"] in r["sentence_text"]]
        assert matching, must["evidence_contains"]
        claim = matching[0]
        assert claim["certainty"] == must["certainty"], (must, claim)
        if "holder" in must:
            holder = must["holder"]
            got = claim["holder"] if isinstance(claim["holder"], list) else [claim["holder"]]
            want = holder if isinstance(holder, list) else [holder]
            assert sorted(h[:3] if h != "author" else h for h in got) == sorted(want)

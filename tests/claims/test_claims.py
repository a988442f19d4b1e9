"""Claims: holder (author or quoted actor) and certainty per CONVENTIONS.md."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.claims.extractor import WhyExtractor
from newsgraph.model import Mention

pytestmark = pytest.mark.slow


def _claims(make_article, text: str, mentions: tuple[Mention, ...] = ()):
    article = replace(make_article(text), mentions=mentions)
    return WhyExtractor(rules_only=True).extract_claims(article).claims


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The bridge was closed on Monday.", "asserted"),
        ("The bridge was perhaps closed on Monday.", "hedged"),
        ("The closure appears to be a warning to the city.", "hedged"),
        ("The bridge may reopen next week.", "hedged"),
        ("It is certain that the bridge will reopen next week.", "certain"),
        ("The bridge will undoubtedly reopen next week.", "certain"),
        ("The bridge will of course reopen next week.", "certain"),
        ("The bridge will without a doubt reopen next week.", "certain"),
        ("There are reports that the bridge will reopen next week.", "reported"),
        ("The bridge will reportedly reopen next week.", "reported"),
        ("Sources say the bridge will reopen next week.", "reported"),
        ("The bridge is not open to traffic.", "asserted"),
    ],
)
def test_certainty_follows_the_governing_words(make_article, text: str, certainty: str) -> None:
    [claim] = _claims(make_article, text)
    assert claim.certainty == certainty
    assert claim.holder == ("author",)


def test_hedge_inside_a_relative_clause_is_not_the_claims_stance(make_article) -> None:
    [claim] = _claims(make_article, "The mayor met the man who may run for office.")
    assert claim.certainty == "asserted"


def _mention(text: str, doc_text: str, code: str) -> Mention:
    start = doc_text.index(text)
    return Mention(0, start, start + len(text), text, "actor", code=code, resolved_by="test")


def test_speaker_holds_the_reported_content(make_article) -> None:
    text = "Paris and Berlin have announced that they will sign the treaty."
    mentions = (_mention("Paris", text, "FRA"), _mention("Berlin", text, "DEU"))
    [claim] = _claims(make_article, text, mentions)
    assert claim.holder == ("FRA", "DEU")
    assert claim.certainty == "asserted"
    assert claim.span.text.startswith("they will sign the treaty")
    assert text[claim.span.start : claim.span.end] == claim.span.text


def test_denial_by_a_named_actor(make_article) -> None:
    text = "Moscow denied that its troops crossed the border."
    [claim] = _claims(make_article, text, (_mention("Moscow", text, "RUS"),))
    assert claim.holder == ("RUS",)
    assert claim.certainty == "denied"


def test_according_to_a_named_actor(make_article) -> None:
    text = "According to Kenya, the talks will resume in May."
    [claim] = _claims(make_article, text, (_mention("Kenya", text, "KEN"),))
    assert claim.holder == ("KEN",) and claim.certainty == "asserted"


def test_questions_are_not_claims(make_article) -> None:
    claims = _claims(make_article, "Why did the talks fail?\nThe envoy left early.")
    assert [c.sentence for c in claims] == [1]

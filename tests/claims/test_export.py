"""Export rows of motives and claims: the fields and shapes CONVENTIONS.md names."""

from __future__ import annotations

from newsgraph.claims import claim_to_json, motive_to_json
from newsgraph.model import Article, Claim, Motive, Provenance, Sentence, Span

TEXT = "Kenya and Ethiopia said they would talk. Talks began because trade fell."
ARTICLE = Article(
    id="a1",
    raw_text=TEXT,
    provenance=Provenance("test"),
    clean_text=TEXT,
    sentences=(Sentence(0, 0, 40, TEXT[:40]), Sentence(1, 41, len(TEXT), TEXT[41:])),
)


def test_motive_row_has_every_field() -> None:
    cause = Span(61, 71, "trade fell")
    effect = Span(41, 52, "Talks began")
    motive = Motive("a1:m0", "a1", 1, cause, effect, "because", event_id="e1")
    row = motive_to_json(motive, ARTICLE)
    assert set(row) == {
        "id",
        "article_id",
        "sentence",
        "sentence_text",
        "cause",
        "effect",
        "event_id",
        "cue",
        "holder",
        "certainty",
        "evidence",
    }
    assert row["sentence_text"] == TEXT[41:]
    assert row["cause"] == {"text": "trade fell", "start": 61, "end": 71}
    assert row["holder"] == "author"
    assert row["evidence"]["text"] == TEXT[41:]  # defaults to the sentence


def test_claim_row_lists_several_holders() -> None:
    claim = Claim(
        "a1:c0", "a1", 0, Span(24, 39, "they would talk"), ("KEN", "ETH"), "asserted", "said"
    )
    row = claim_to_json(claim, ARTICLE)
    assert row["holder"] == ["KEN", "ETH"]
    assert row["text"] == "they would talk" and row["sentence"] == 0
    assert row["certainty"] == "asserted" and row["cue"] == "said"

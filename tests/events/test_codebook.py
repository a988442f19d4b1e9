"""The shipped CAMEO codebook with Goldstein scores and PLOVER mappings."""

from __future__ import annotations

import pytest

from newsgraph.events.codebook import default_codebook


def test_codes_carry_scores_and_plover() -> None:
    book = default_codebook()
    assert len(book) == 311
    visit = book["042"]
    assert (visit.root, visit.plover, visit.mode, visit.quad_class) == ("04", "CONSULT", "visit", 1)
    assert visit.goldstein == pytest.approx(1.9)
    assert book["190"].goldstein < 0 and book["190"].plover == "ASSAULT"


def test_statements_and_appeals_have_no_plover_category() -> None:
    book = default_codebook()
    assert book["010"].plover == "" and not book["020"].is_plover_event


def test_unknown_sub_code_falls_back_to_its_parent() -> None:
    book = default_codebook()
    assert book.get("0429") is not None and book.get("0429").code == "042"
    assert book.get("99") is None
    with pytest.raises(KeyError):
        book["999"]

"""A country named as the subject of a finite verb is coded as its government."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.link import Linker
from newsgraph.model import Article, Provenance


def _codes(linker: Linker, text: str) -> dict[str, str | None]:
    article = Article(
        id="x",
        raw_text=text,
        clean_text=text,
        provenance=Provenance("t", 0),
        published=date(2009, 3, 1),
    )
    return {m.text: m.code for m in linker.link(article).mentions if m.kind == "actor"}


@pytest.mark.parametrize(
    ("text", "country", "code"),
    [
        ("The United States has since said the tape is authentic.", "United States", "USAGOV"),
        ("France reported a 1.2% fall in output.", "France", "FRAGOV"),
        ("Spain says it will keep its promise.", "Spain", "ESPGOV"),
        ("Both Indonesia and Malaysia have also announced patrols.", "Malaysia", "MYSGOV"),
        ("Both Indonesia and Malaysia have also announced patrols.", "Indonesia", "IDNGOV"),
    ],
)
def test_a_country_acting_is_its_government(
    linker: Linker, text: str, country: str, code: str
) -> None:
    assert _codes(linker, text)[country] == code


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("He flew to France on Monday.", "France"),
        ("The president of France said no.", "France"),
        ("Prices in France rose.", "France"),
        ("France, a founding member.", "France"),
    ],
)
def test_a_country_that_is_no_subject_stays_the_country(
    linker: Linker, text: str, country: str
) -> None:
    assert _codes(linker, text)[country] == "FRA"


def test_a_country_described_by_a_copula_is_no_actor(linker: Linker) -> None:
    assert _codes(linker, "Azerbaijan is a prime example.")["Azerbaijan"] == "AZE"
    assert _codes(linker, "China is acquiring land in Africa.")["China"] == "CHNGOV"

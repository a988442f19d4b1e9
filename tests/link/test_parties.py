"""Parties of Party Facts and ParlGov: names, abbreviations in capitals, the article's country."""

from __future__ import annotations

from datetime import date

from newsgraph.link import Linker
from newsgraph.model import Article, Provenance


def _actors(linker: Linker, text: str) -> dict[str, str | None]:
    article = Article("p", text, Provenance("t"), clean_text=text, published=date(2015, 6, 1))
    return {m.text: m.code for m in linker.link(article).mentions if m.kind == "actor"}


def test_a_party_name_is_its_countrys_party_not_its_people(linker: Linker) -> None:
    found = _actors(linker, "The ruling Mongolian People's Party won the vote.")
    assert found.get("Mongolian People's Party") == "MNGPTY"


def test_an_abbreviation_names_a_party_only_in_capitals(linker: Linker) -> None:
    assert "SPD" in _actors(linker, "The SPD lost seats in Germany.")
    assert "Spd" not in _actors(linker, "Spd lost seats in Germany.")


def test_an_abbreviation_several_countries_use_is_the_articles_countrys_party(
    linker: Linker,
) -> None:
    # PRI: Mexico's, Chile's, the Dominican Republic's ... the article names Mexico.
    assert _actors(linker, "The PRI won in Mexico.")["PRI"] == "MEXPTY"
    assert _actors(linker, "The PRI won in Chile.")["PRI"] == "CHLPTY"


def test_without_context_the_bigger_countrys_party_wins_and_founding_days_are_kept(
    linker: Linker,
) -> None:
    # Nothing in the text tells the PRIs apart: Mexico's, the most populous country's.
    article = Article("p", "The PRI won.", Provenance("t"), clean_text="The PRI won.")
    [found] = [m for m in linker.link(article).mentions if m.kind == "actor"]
    assert found.code == "MEXPTY"
    parties = [linker.catalog.actors[i] for i in ("party:mex-pri", "party:chl-pri")]
    assert all(a.roles and a.roles[0].valid_from for a in parties)  # founding dates kept

"""User PETRARCH dictionaries: the toy world's actors and agents, with or without defaults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.link import Linker

ACTORS = """\
FOOLAND_  [FOO]
+FOOLANDER_
BARSTAN_ [BAR]
JOHN_DOE_
\t[FOOGOV 20100101-20141231]
\t[FOOELI]
"""
AGENTS = """\
POLICE {} [~COP]
SECURITY_OFFICIALS [~GOV]
HUMAN_RIGHTS_GROUP [NGO~]
"""


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> Linker:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "actors.txt").write_text(ACTORS)
    (folder / "agents.txt").write_text(AGENTS)
    return Linker([folder / "actors.txt"], [folder / "agents.txt"], use_defaults=False)


def _codes(linker: Linker, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in linker.find(text) if m.kind == "actor"}


def test_only_the_given_dictionaries_are_used(custom: Linker) -> None:
    codes = _codes(custom, "Fooland warned Barstan and Russia.")
    assert codes == {"Fooland": "FOO", "Barstan": "BAR"}


def test_agents_combine_as_in_petrarch(custom: Linker) -> None:
    codes = _codes(custom, "Fooland police met Barstan security officials and police.")
    assert codes["Fooland police"] == "FOOCOP"
    assert codes["Barstan security officials"] == "BARGOV"
    assert codes["police"] == "COP"
    assert (
        _codes(custom, "A Fooland human rights group spoke.")["Fooland human rights group"]
        == "NGOFOO"
    )


def test_dated_codes_of_custom_actors(custom: Linker, make_article: object) -> None:
    for day, code in [(date(2012, 1, 1), "FOOGOV"), (date(2020, 1, 1), "FOOELI")]:
        article = make_article("John Doe spoke.", published=day)  # type: ignore[operator]
        assert {m.text: m.code for m in custom.link(article).mentions}["John Doe"] == code


def test_custom_actors_add_to_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "actors.txt").write_text(ACTORS)
    both = Linker([tmp_path / "actors.txt"])
    codes = _codes(both, "Fooland warned Russia.")
    assert codes == {"Fooland": "FOO", "Russia": "RUS"}


@pytest.mark.shared
def test_toy_world_actors_are_found_without_ner(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "gold" / "events" / "petrarch_toyworld"
    toy = Linker(
        [folder / "PETR_Validate_actors_2_02.txt"],
        [folder / "PETR_Validate_agents_2_02.txt"],
        use_defaults=False,
    )
    codes = _codes(toy, "Soldiers from Gondor entered Mordor near Minas Tirith border police.")
    assert codes["Soldiers from Gondor"] == "GONMIL"
    assert codes["Mordor"] == "MOR"
    assert codes["Minas Tirith border police"] == "GONCOP"

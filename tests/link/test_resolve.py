"""newsgraph.resolve: a phrase's country, sectors, role and actor, as the linker reads it."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.link import Linker
from newsgraph.link.resolve import Query, Resolver
from newsgraph.model import Article, Provenance


@pytest.fixture(scope="module")
def resolver(linker: Linker) -> Resolver:
    return Resolver(linker, use_nlp=False)  # the dictionary path; the NER path is the CLI's


def test_a_titled_person_of_the_directories_resolves_with_office_and_country(
    resolver: Resolver,
) -> None:
    found = resolver.resolve("President Kassym-Jomart Tokayev", date(2020, 3, 1))
    assert (found.country, found.sector, found.kind) == ("KAZ", "GOV", "person")
    assert found.actor_id == "person:kassym-jomart-tokayev"
    assert found.role == "President" and found.how == "dictionary"
    assert 0 < found.confidence <= 1


def test_an_agent_after_a_city_acts_for_its_country(resolver: Resolver) -> None:
    found = resolver.resolve("Kandahar police", date(2010, 3, 1))
    assert (found.country, found.sector) == ("AFG", "COP")


def test_a_phrase_in_its_sentence_is_read_at_its_offset(resolver: Resolver) -> None:
    sentence = "Putin met Putin's critics, Vladimir Putin said."
    [found] = resolver.resolve_all([Query("Vladimir Putin", date(2015, 1, 1), sentence, 27)])
    assert found.text == "Vladimir Putin" and found.code == "RUSGOV"


def test_an_ambiguous_abbreviation_names_a_runner_up(resolver: Resolver) -> None:
    found = resolver.resolve("the PRI")
    assert found.runner_up is not None and found.runner_up.actor_id != found.actor_id
    assert found.confidence < resolver.resolve("Vladimir Putin").confidence


def test_an_unknown_phrase_is_unresolved(resolver: Resolver) -> None:
    found = resolver.resolve("the weather")
    assert found.how == "unresolved" and found.country is None and found.confidence == 0.0
    assert found.to_dict()["runner_up"] is None


def test_in_its_article_a_bare_surname_is_read_after_the_full_mention(
    resolver: Resolver,
) -> None:
    text = (
        "Astana talks\n\nPresident Kassym-Jomart Tokayev opened the talks on Monday.\n\n"
        "Later Tokayev said the talks went well."
    )
    day = date(2020, 3, 1)
    article = Article(id="x", raw_text=text, provenance=Provenance("t", 0), published=day)
    late = text.rindex("Tokayev")
    found = resolver.resolve_in_articles([(Query("Tokayev", day, None, late), article)])[0]
    assert (found.text, found.country, found.sector) == ("Tokayev", "KAZ", "GOV")
    # the same sentence alone does not tell whose surname it is
    alone = resolver.resolve("Tokayev", day, "Later Tokayev said the talks went well.")
    assert alone.country is None

"""Linking articles: dictionary actors, dated roles, role patterns, agents, places, entities."""

from __future__ import annotations

import pickle
from datetime import date

from newsgraph.link import Linker
from newsgraph.model import Mention


def _actors(mentions: list[Mention] | tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.text: m for m in mentions if m.kind == "actor"}


def _places(mentions: list[Mention] | tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.text: m for m in mentions if m.kind == "place"}


def test_countries_demonyms_and_capitals(linker: Linker) -> None:
    found = _actors(linker.find("Azerbaijani troops left Yerevan; the U.S. and Türkiye objected."))
    assert found["Azerbaijani"].code == "AZE" and found["Azerbaijani"].resolved_by == "demonym"
    assert found["Yerevan"].code == "ARM" and found["Yerevan"].resolved_by == "metonym"
    assert found["U.S."].code == "USA"
    assert found["Türkiye"].code == "TUR"


def test_iso_codes_are_used_for_countries(linker: Linker) -> None:
    found = _actors(linker.find("Japan and Italy signed the deal with North Korea."))
    assert [found[n].code for n in ("Japan", "Italy", "North Korea")] == ["JPN", "ITA", "PRK"]


def test_seats_of_power_stand_for_governments(linker: Linker) -> None:
    found = _actors(
        linker.find("The Kremlin and the White House traded barbs with Downing Street.")
    )
    assert found["Kremlin"].code == "RUSGOV"
    assert found["White House"].code == "USAGOV"
    assert found["Downing Street"].code == "GBRGOV"
    assert {m.resolved_by for m in found.values()} == {"metonym"}


def test_igos_blocs_and_groups(linker: Linker) -> None:
    text = "The EU, NATO and the West condemned the Taliban; the Hague Court's ruling stands."
    found = _actors(linker.find(text))
    assert found["EU"].code == "IGOEUREEC"
    assert found["NATO"].code == "IGOWSTNAT"
    assert found["West"].code == "WST"
    assert found["Taliban"].code.startswith("AFG")
    assert found["Hague Court"].code.startswith("IGO")


def test_a_persons_code_and_role_follow_the_articles_date(
    linker: Linker, make_article: object
) -> None:
    text = "Putin met the press."
    for day, role in [
        (date(2010, 3, 1), "Prime Minister"),
        (date(2024, 8, 18), "President"),
        (None, "President"),
    ]:
        article = make_article(text, [("Putin", "PERSON")], published=day)  # type: ignore[operator]
        putin = _actors(linker.link(article).mentions)["Putin"]
        assert (putin.actor_id, putin.code, putin.role) == ("person:vladimir-putin", "RUSGOV", role)


def test_title_and_nationality_make_an_unknown_person(linker: Linker) -> None:
    found = _actors(linker.find("Azerbaijani Deputy Foreign Minister Khalaf Khalafov arrived."))
    person = found["Khalaf Khalafov"]
    assert (person.code, person.role, person.resolved_by) == (
        "AZEGOV",
        "Deputy Foreign Minister",
        "role-pattern",
    )
    actor = linker.actor("person:khalaf-khalafov")
    assert actor is not None and actor.country == "AZE"


def test_possessive_and_of_forms_of_the_pattern(linker: Linker) -> None:
    found = _actors(linker.find("Fooland's army chief General Ali Zamani spoke."))
    assert "Ali Zamani" in found
    found = _actors(linker.find("Iran's new ambassador Reza Tehrani said so."))
    assert found["Reza Tehrani"].code == "IRNGOV"


def test_agents_combine_with_the_actor_before_them(linker: Linker) -> None:
    found = _actors(linker.find("The Armenian government and Russian police disagreed."))
    assert found["The Armenian government"].code == "ARMGOV"
    assert found["Russian police"].code == "RUSCOP"
    assert found["Russian police"].resolved_by == "agent"


def test_an_agent_alone_keeps_its_sector_code(linker: Linker) -> None:
    found = _actors(linker.find("Later the police arrested him."))
    assert found["the police"].code == "COP" and found["the police"].actor_id is None


def test_places_resolve_to_countries(linker: Linker) -> None:
    text = "He landed at Heydar Aliyev International Airport and went on to the Kursk region."
    places = _places(linker.find(text))
    assert places["Heydar Aliyev International Airport"].country == "AZE"
    assert places["Heydar Aliyev International Airport"].resolved_by == "airport"
    assert places["Kursk region"].country == "RUS"


def test_ambiguous_place_names_prefer_big_places_and_mentioned_countries(linker: Linker) -> None:
    moscow = _places(linker.find("Officials in Moscow and the U.S. met."))["Moscow"]
    assert moscow.country == "RUS"  # not Moscow, Idaho, though the U.S. is mentioned
    victoria = _places(linker.find("Australia said fires burn in Victoria."))["Victoria"]
    assert victoria.country == "AUS"  # the state, not the Seychelles' capital


def test_organisation_named_after_a_place_takes_its_country(
    linker: Linker, make_article: object
) -> None:
    text = "Members of the Baku 2015 European Games Operation Committee came."
    article = make_article(  # type: ignore[operator]
        text, [("Baku 2015 European Games Operation Committee", "ORG")]
    )
    found = _actors(linker.link(article).mentions)
    org = found["Baku 2015 European Games Operation Committee"]
    assert (org.code, org.resolved_by) == ("AZE", "org-place")


def test_a_longer_person_name_vetoes_a_place_reading(linker: Linker, make_article: object) -> None:
    article = make_article(  # type: ignore[operator]
        "Denzel Washington starred.", [("Denzel Washington", "PERSON")]
    )
    mentions = linker.link(article).mentions
    assert all(m.code != "USA" and m.kind != "place" for m in mentions)


def test_a_wrong_person_tag_on_a_country_name_is_ignored(
    linker: Linker, make_article: object
) -> None:
    article = make_article("Azerbaijan is a prime example.", [("Azerbaijan", "PERSON")])  # type: ignore[operator]
    assert _actors(linker.link(article).mentions)["Azerbaijan"].code == "AZE"


def test_a_surname_later_in_the_article_is_the_same_person(linker: Linker) -> None:
    found = linker.find("Azerbaijani Deputy Foreign Minister Khalaf Khalafov spoke. Khalafov left.")
    later = [m for m in found if m.text == "Khalafov"]
    assert later and later[0].actor_id == "person:khalaf-khalafov"
    assert later[0].resolved_by == "alias"


def test_resolve_answers_short_questions(linker: Linker) -> None:
    assert linker.resolve("Putin").id == "person:vladimir-putin"  # type: ignore[union-attr]
    assert linker.resolve("Baku").id == "country:AZE"  # type: ignore[union-attr]
    assert linker.resolve("Kursk").id == "country:RUS"  # type: ignore[union-attr]
    assert linker.resolve("nothing at all") is None


def test_sentence_indices_and_offsets_point_into_the_clean_text(
    linker: Linker, make_article: object
) -> None:
    text = "Tehran said no. Later Moscow said yes."
    article = linker.link(make_article(text))  # type: ignore[operator]
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert {m.text: m.sentence for m in article.mentions} == {"Tehran": 0, "Moscow": 1}


def test_linker_pickles_without_its_resources(linker: Linker) -> None:
    clone = pickle.loads(pickle.dumps(linker))
    assert len(pickle.dumps(linker)) < 1000
    assert clone.resolve("Putin").code.startswith("RUS")  # type: ignore[union-attr]

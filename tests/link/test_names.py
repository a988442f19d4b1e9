"""Names of countries and offices the news uses: official long names, plural demonyms, titles
with names, organisations before names, and codes of states that have since ceased."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.link import Linker
from newsgraph.link.catalog import demonym_plural
from newsgraph.model import Mention


def _actors(mentions: list[Mention] | tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.text: m for m in mentions if m.kind == "actor"}


def test_official_names_and_their_acronyms(linker: Linker) -> None:
    text = (
        "The PRC, the Democratic People's Republic of Korea (DPRK), the Republic of Korea, "
        "East Timor and the European Community met."
    )
    found = _actors(linker.find(text))
    assert found["PRC"].code == "CHN"
    assert found["Democratic People's Republic of Korea"].code == "PRK"
    assert found["DPRK"].code == "PRK"
    assert found["Republic of Korea"].code == "KOR"
    assert found["East Timor"].code == "TLS"
    assert found["European Community"].code.startswith("IGO")


def test_plural_demonyms_name_a_countrys_people(linker: Linker) -> None:
    found = _actors(
        linker.find("Young Algerians, 4 Iraqis, Libyans and Serbs marched with the Swiss.")
    )
    assert [found[n].code for n in ("Algerians", "Iraqis", "Libyans", "Serbs", "Swiss")] == [
        "DZA",
        "IRQ",
        "LBY",
        "SRB",
        "CHE",
    ]
    assert found["Algerians"].resolved_by == "demonym"


def test_demonym_plurals() -> None:
    assert demonym_plural("algerian") == "algerians"
    assert demonym_plural("iraqi") == "iraqis"
    assert demonym_plural("chinese") is None
    assert demonym_plural("swiss") is None


def test_ethnic_demonyms_name_a_people_not_a_country(linker: Linker) -> None:
    text = "Ethnic Albanians in south Serbia protested; Albanians voted."
    albania = [m.start for m in linker.find(text) if m.code == "ALB"]
    assert albania == [text.rindex("Albanians")]  # the plain one only


def test_a_title_and_a_name_find_the_office_holder(linker: Linker) -> None:
    found = _actors(linker.find("President Mugabe met King Hassan of Morocco."))
    assert found["Mugabe"].code == "ZWEGOV" and found["Mugabe"].resolved_by == "office-holder"
    assert found["Hassan"].code == "MARGOV"  # not Jordan's Prince Hassan


def test_the_office_holder_must_hold_the_office_on_the_articles_day(
    linker: Linker, make_article: object
) -> None:
    text = "President Mugabe spoke."
    held = make_article(text, [("Mugabe", "PERSON")], published=date(2005, 1, 1))  # type: ignore[operator]
    assert _actors(linker.link(held).mentions)["Mugabe"].code == "ZWEGOV"
    before = make_article(text, [("Mugabe", "PERSON")], published=date(1970, 1, 1))  # type: ignore[operator]
    assert _actors(linker.link(before).mentions)["Mugabe"].code == "GOV"


def test_an_organisation_before_a_name_picks_the_role_the_text_speaks_of(
    linker: Linker,
) -> None:
    found = _actors(linker.find("U.N. Secretary-General Kofi Annan said it."))
    annan = next(m for text, m in found.items() if "Annan" in text)
    assert annan.code == "IGOUNO"  # his role then, though today he is no official


def test_a_title_of_an_organisation_overrides_a_persons_other_office(linker: Linker) -> None:
    found = _actors(linker.find("Rebels would meet U.N. mediator Diego Cordovez."))
    assert found["Diego Cordovez"].code.startswith("IGOUNO")


def test_codes_of_states_that_ceased_follow_the_day(linker: Linker, make_article: object) -> None:
    text = "Officials in Belgrade met the Soviet Union's envoy."
    today = _actors(linker.find(text))
    assert today["Belgrade"].code == "SRB"
    assert today["Soviet Union"].code == "SUN"  # named outright, it stays itself
    then = make_article(text, [("Belgrade", "GPE")], published=date(2004, 5, 1))  # type: ignore[operator]
    assert _actors(linker.link(then).mentions)["Belgrade"].code == "SCG"


def test_sources_spellings_of_one_person_are_one_actor(linker: Linker) -> None:
    # Wikidata writes "Kassym-Jomart", the CIA directory "Kasym-Zhomart TOKAYEV".
    found = [
        m
        for text in ("Kasym-Zhomart Tokayev spoke.", "Kassym-Jomart Tokayev spoke.")
        for m in linker.find(text)
        if m.kind == "actor"
    ]
    assert {m.actor_id for m in found} == {"person:kassym-jomart-tokayev"}
    assert {m.code for m in found} == {"KAZGOV"}


def test_a_persons_roles_keep_one_copy_of_each_office(linker: Linker) -> None:
    putin = linker.catalog.actors["person:vladimir-putin"]
    offices = [(r.title, r.valid_from) for r in putin.roles]
    assert len(offices) == len(set(offices))
    # Phoenix's undated-title RUSGOV rows duplicate the titled offices: gone.
    assert not [r for r in putin.roles if not r.title and r.code == "RUSGOV"]


def test_a_catalogued_person_in_a_third_romanisation_is_still_that_person(linker: Linker) -> None:
    # Neither source writes "Kassym Jomart Tokaev"; its phonetic key is theirs.
    [found] = [m for m in linker.find("Kassym Jomart Tokaev spoke.") if m.kind == "actor"]
    assert found.actor_id == "person:kassym-jomart-tokayev" and found.resolved_by == "spelling"


def test_a_directory_surname_names_its_bearer_only_in_their_country_and_years(
    linker: Linker,
) -> None:
    from newsgraph.model import Article, Provenance

    def people(text: str, day: date) -> dict[str, str | None]:
        article = Article("s", text, Provenance("t"), clean_text=text, published=day)
        return {m.text: m.actor_id for m in linker.link(article).mentions if m.kind == "actor"}

    assert people("Tokayev met officials in Kazakhstan.", date(2020, 1, 1)) == {
        "Tokayev": "person:kassym-jomart-tokayev",
        "Kazakhstan": "country:KAZ",
    }
    assert "Tokayev" not in people("Tokayev met officials in Kazakhstan.", date(2005, 1, 1))
    assert "Tokayev" not in people("Tokayev met officials.", date(2020, 1, 1))
    # Common surnames and given names of the directories name nobody.
    found = people("John Smith and Peter Jones met in London.", date(2019, 5, 1))
    assert not {"Smith", "Peter", "Jones"} & set(found)
    # A form of the bearer's given name before the surname vouches for them anywhere.
    found = people("Ukhnaagiin Khurelsukh spoke.", date(2021, 6, 1))
    assert found == {"Khurelsukh": "person:khurelsukh-ukhnaa"}


@pytest.mark.parametrize(
    ("start", "end", "fits"),
    [
        (None, None, True),
        (None, date(2019, 1, 1), True),
        (date(2021, 1, 1), None, True),
        (None, date(2000, 1, 1), False),
    ],
)
def test_a_surname_with_an_open_ended_office_is_dated_without_overflow(
    start: date | None, end: date | None, fits: bool
) -> None:
    """Offices open at either end (no start, no end) are compared with the day, never shifted past
    the calendar's limits (date.min - margin raised OverflowError on real articles)."""
    from types import SimpleNamespace

    from newsgraph.link.actors import surname_fits
    from newsgraph.link.senses import ActorSense
    from newsgraph.model import Actor, Role

    actor = Actor(
        "person:x",
        "Aa Bb",
        "KAZGOV",
        "person",
        (Role("Minister", "KAZGOV", start, end),),
        country="KAZ",
    )
    state = SimpleNamespace(
        catalog=SimpleNamespace(actors={"person:x": actor}),
        scan=SimpleNamespace(words=[], starts=[]),
        article_countries=lambda: {"KAZ"},
        day_at=lambda offset: date(2020, 1, 1),
    )
    assert surname_fits(state, ActorSense("person:x", "surname"), 0) is fits  # type: ignore[arg-type]

"""Coreference: role phrases and pronouns resolved to the persons of the article."""

from __future__ import annotations

from datetime import date

from newsgraph.link import Linker
from newsgraph.model import Mention


def _by_text(mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.text: m for m in mentions if m.kind == "actor"}


def test_pronoun_prefers_the_subject_of_its_sentence(linker: Linker, make_article: object) -> None:
    text = "Putin was welcomed by Minister Khalaf Khalafov as he landed."
    article = make_article(  # type: ignore[operator]
        text, [("Putin", "PERSON"), ("Khalaf Khalafov", "PERSON")]
    )
    he = _by_text(linker.link(article).mentions)["he"]
    assert (he.actor_id, he.resolved_by) == ("person:vladimir-putin", "coreference")


def test_role_phrase_refers_to_the_person_holding_that_office(
    linker: Linker, make_article: object
) -> None:
    text = "Putin arrived. What prompted the visit of the Russian president to Baku?"
    article = make_article(text, [("Putin", "PERSON")])  # type: ignore[operator]
    phrase = _by_text(linker.link(article).mentions)["the Russian president"]
    assert (phrase.actor_id, phrase.code, phrase.role) == (
        "person:vladimir-putin",
        "RUSGOV",
        "President",
    )
    assert phrase.resolved_by == "coreference"


def test_head_of_state_is_the_most_salient_leader(linker: Linker, make_article: object) -> None:
    text = (
        "Erdogan called Putin. Putin went to Baku. Putin spoke. "
        "The head of state's departure was a surprise."
    )
    article = make_article(  # type: ignore[operator]
        text, [("Erdogan", "PERSON"), ("Putin", "PERSON")]
    )
    phrase = _by_text(linker.link(article).mentions)["The head of state"]
    assert phrase.actor_id == "person:vladimir-putin"


def test_role_phrase_without_antecedent_uses_the_office_holder_of_the_day(
    linker: Linker, make_article: object
) -> None:
    article = make_article(  # type: ignore[operator]
        "The Iranian foreign minister flew in.", published=date(2024, 10, 1)
    )
    phrase = _by_text(linker.link(article).mentions)["The Iranian foreign minister"]
    assert (phrase.actor_id, phrase.resolved_by) == ("person:abbas-araghchi", "role")


def test_a_pronoun_far_from_any_person_stays_unresolved(
    linker: Linker, make_article: object
) -> None:
    text = "Putin spoke. Rain fell. Rain fell again. Rain stopped. Then he left."
    article = make_article(text, [("Putin", "PERSON")])  # type: ignore[operator]
    assert "he" not in _by_text(linker.link(article).mentions)


def test_vague_and_plural_role_phrases_are_not_persons(linker: Linker) -> None:
    found = _by_text(tuple(linker.find("Putin spoke. The Russian officials agreed.")))
    officials = found.get("The Russian officials")
    assert officials is None or officials.actor_id != "person:vladimir-putin"

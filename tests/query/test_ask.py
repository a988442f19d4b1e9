import json

from newsgraph.query.ask import ask
from newsgraph.query.search import rebuild_search_index
from newsgraph.store import Store


def texts(answer: object) -> list[str]:
    return [item.text for item in answer.items]  # type: ignore[attr-defined]


def test_who_answers_with_the_other_side_of_the_matching_event(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "Who greeted Macron?", no_linker)  # type: ignore[arg-type]
    assert found.found and found.kind == "who"
    assert texts(found)[0] == "Taro Sato (JPNGOV)"
    [quoted] = found.items[0].evidence
    assert quoted.sentence.startswith("Macron was greeted by Japanese")
    assert (quoted.article_id, quoted.title, quoted.url) == (
        "visit1",
        "Macron flies to Tokyo",
        "https://news.example/visit1",
    )


def test_who_reads_the_passive_agent_when_no_event_was_coded(
    bare_store: Store, no_linker: object
) -> None:
    found = ask(bare_store, "Who greeted Macron?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == ["Taro Sato (JPNGOV)"]


def test_where_takes_the_place_after_the_question_verb(
    bare_store: Store, no_linker: object
) -> None:
    found = ask(bare_store, "Where did Macron land?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == ["Haneda Airport (JPN)"]


def test_a_sentence_with_the_question_verb_beats_an_event_only_hinted(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "Where did Macron land?", no_linker)  # type: ignore[arg-type]
    assert texts(found)[0] == "Haneda Airport (JPN)"  # the travel event's Tokyo only follows


def test_why_quotes_the_motives_of_the_matching_event(store: Store, no_linker: object) -> None:
    found = ask(store, "What prompted Macron's trip to Tokyo?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == [
        "France wants closer trade ties with Japan",
        "the security of shipping routes",
    ]
    assert [i.evidence[0].sentence for i in found.items] == [
        "France wants closer trade ties with Japan.",
        "Another reason for the trip is the security of shipping routes.",
    ]


def test_which_lists_actors_of_the_class_in_the_best_sentence(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "Which countries are ready to work more closely with France?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == ["Japan", "India", "Australia"]


def test_relations_lists_the_events_between_two_actors(store: Store, no_linker: object) -> None:
    found = ask(store, "How are relations between France and Japan?", no_linker)  # type: ignore[arg-type]
    assert found.kind == "relations"
    assert len(found.items) == 3
    assert all("Goldstein" in t for t in texts(found))
    assert "Criticize" not in " ".join(texts(found))  # China's criticism is not France–Japan
    assert found.note.startswith("3 events between France and Japan")


def test_when_gives_the_day_and_says_when_it_is_the_publication_date(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "When did Macron travel to Tokyo?", no_linker)  # type: ignore[arg-type]
    assert texts(found)[0].startswith("2023-03-10 (publication date; undated in text)")


def test_time_in_the_question_filters_events(store: Store, no_linker: object) -> None:
    rebuild_search_index(store)
    found = ask(store, "What did Japan do in May 2023?", no_linker)  # type: ignore[arg-type]
    assert len(found.items) == 1 and "Sign formal agreement" in found.items[0].text


def test_nothing_fits_says_so_and_shows_the_closest_sentences(
    store: Store, no_linker: object
) -> None:
    rebuild_search_index(store)
    found = ask(store, "Who won the naval patrols contest?", no_linker)  # type: ignore[arg-type]
    assert not found.found
    [item] = found.items
    assert item.text.startswith("No answer in the store")
    assert item.evidence[0].sentence == "The deal covers naval patrols."


def test_json_has_exactly_the_documented_shape(store: Store, no_linker: object) -> None:
    data = ask(store, "Who greeted Macron?", no_linker).to_json()  # type: ignore[arg-type]
    assert set(data) == {"question", "type", "found", "answers"}
    assert data["question"] == "Who greeted Macron?"
    assert data["type"] == "who" and data["found"] is True
    [answer] = data["answers"]
    assert set(answer) == {"text", "score", "evidence"}
    [quoted] = answer["evidence"]
    assert set(quoted) == {
        "article_id",
        "title",
        "published",
        "url",
        "sentence_index",
        "sentence",
        "start",
        "end",
    }
    assert quoted["published"] == "2023-03-10"
    assert isinstance(quoted["sentence"], str)
    json.dumps(data)


def test_question_text_never_reaches_sql_unbound(store: Store, no_linker: object) -> None:
    found = ask(store, "Who greeted Macron'; DROP TABLE articles; --?", no_linker)  # type: ignore[arg-type]
    assert found.found
    assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 2


def test_identity_says_who_someone_is_as_the_articles_introduce_them(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "Who is Taro Sato?", no_linker)  # type: ignore[arg-type]
    assert found.kind == "identity"
    assert texts(found) == ["Taro Sato: Deputy Foreign Minister (JPNGOV)"]
    found = ask(store, "Where is Haneda Airport?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == ["Haneda Airport: a place in Japan"]


def test_events_with_the_question_verb_silence_those_only_hinted(
    store: Store, no_linker: object
) -> None:
    found = ask(store, "Who did Macron travel to?", no_linker)  # type: ignore[arg-type]
    assert texts(found) == ["Japan (JPN)"]  # not Taro Sato, whose welcome is only a related act

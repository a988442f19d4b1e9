"""REST endpoints over the hand-built sample store (see conftest): shapes, filters, pagination."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_articles_come_newest_first_with_counts_and_paging(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert [a["id"] for a in page["items"]] == ["protest", "visit"]
    assert page["total"] == 2 and page["limit"] == 50 and page["offset"] == 0
    visit = page["items"][1]
    assert (visit["events"], visit["motives"], visit["claims"]) == (2, 1, 1)
    assert set(visit["actors"]) == {"Vladimir Putin", "Ilham Aliyev"}
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in second["items"]] == ["visit"] and second["total"] == 2


def test_paging_limits_are_capped(client: TestClient) -> None:
    assert client.get("/api/articles", params={"limit": 501}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/claims", params={"limit": 500}).status_code == 200


def test_article_offsets_point_into_the_clean_text(client: TestClient) -> None:
    article = client.get("/api/articles/visit").json()
    text = article["clean_text"]
    for mention in article["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in article["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert trigger["text"] in event["sentence_text"]
    [claim] = article["claims"]
    assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["span"]["text"]
    [motive] = article["motives"]
    assert motive["cause"]["text"] == "trade has grown" and motive["cue"] == "because"
    assert [s["index"] for s in article["sentences"]] == [0, 1, 2]


def test_an_article_lists_every_input_that_carried_it(client: TestClient) -> None:
    sources = client.get("/api/articles/visit").json()["sources"]
    assert [(s["source"], s["outcome"]) for s in sources] == [
        ("visit.txt", "stored"),
        ("wire/visit-copy.txt", "duplicate"),
    ]
    assert sources[1]["reason"] and all(s["run_id"] == 1 for s in sources)
    assert sources[0]["recorded_at"].endswith(("Z", "+00:00"))
    assert [s["source"] for s in client.get("/api/articles/protest").json()["sources"]] == [
        "protest.txt"
    ]


def test_unknown_ids_are_404_with_a_message(client: TestClient) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]
    assert client.get("/api/actors/person:nobody").status_code == 404


def test_actors_most_mentioned_first_and_filtered(client: TestClient) -> None:
    everyone = client.get("/api/actors").json()
    assert everyone["total"] == 4
    found = client.get("/api/actors", params={"q": "aliy"}).json()
    assert [a["id"] for a in found["items"]] == ["person:aliyev"]
    by_code = client.get("/api/actors", params={"q": "ARM"}).json()
    assert [a["id"] for a in by_code["items"]] == ["country:ARM"]


def test_user_text_never_becomes_sql(client: TestClient) -> None:
    response = client.get("/api/actors", params={"q": "' OR 1=1 --"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/events", params={"code": "x' OR 'a'='a"}).json()["total"] == 0


def test_a_person_has_roles_timeline_and_counterparts(client: TestClient) -> None:
    putin = client.get("/api/actors/person:putin").json()
    assert putin["roles"][0]["code"] == "RUSGOV" and putin["roles"][0]["valid_from"] == "2012-05-07"
    assert [e["id"] for e in putin["events"]] == ["ev-visit", "ev-welcome"]
    others = {c["name"]: c for c in putin["counterparts"]}
    assert others["Azerbaijan"]["cooperation"] == 1 and others["Azerbaijan"]["conflict"] == 0
    assert others["Ilham Aliyev"]["mean_goldstein"] == 2.8


def test_a_country_includes_its_people_by_code(client: TestClient) -> None:
    azerbaijan = client.get("/api/actors/country:AZE").json()
    ids = {e["id"] for e in azerbaijan["events"]}
    assert ids == {"ev-visit", "ev-welcome", "ev-condemn"}
    armenia = {c["code"]: c for c in azerbaijan["counterparts"]}["ARM"]
    assert armenia["conflict"] == 1 and armenia["cooperation"] == 0


def test_events_filter_by_actor_code_cameo_and_article(client: TestClient) -> None:
    assert [e["id"] for e in client.get("/api/events", params={"code": "ARM"}).json()["items"]] == [
        "ev-condemn"
    ]
    visits = client.get("/api/events", params={"cameo": "04"}).json()
    assert {e["id"] for e in visits["items"]} == {"ev-visit", "ev-welcome"}
    event = client.get("/api/events", params={"article_id": "protest"}).json()["items"][0]
    assert event["goldstein"] == -2.0 and event["quad_class"] == 3
    assert event["rule"]["pattern_id"] == "verb:condemn"
    assert event["source"][0]["code"] == "ARM" and event["target"][0]["code"] == "AZE"


def test_claims_filter_by_certainty_and_motives_list(client: TestClient) -> None:
    hedged = client.get("/api/claims", params={"certainty": "hedged"}).json()
    assert [c["id"] for c in hedged["items"]] == ["cl-2"] and hedged["items"][0]["holder"] == [
        "ARM"
    ]
    assert client.get("/api/claims", params={"certainty": "maybe"}).status_code == 422
    motives = client.get("/api/motives", params={"article_id": "visit"}).json()
    assert motives["total"] == 1 and motives["items"][0]["sentence_text"].startswith("Reportedly")


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/api/openapi.json").json()["paths"])
    wanted = {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/motives",
        "/api/claims",
        "/api/relations",
        "/api/graph",
        "/api/search",
        "/api/ask",
        "/api/ingest",
    }
    assert wanted <= paths
    assert not any(p.startswith(("/articles", "/actors", "/graph")) for p in paths)


def test_relations_between_two_actors_by_name(client: TestClient) -> None:
    found = client.get("/api/relations", params={"a": "Armenia", "b": "Azerbaijan"}).json()
    assert [e["id"] for e in found["events"]] == ["ev-condemn"]
    assert found["a"]["code"].startswith("ARM") and found["mean_goldstein"] == -2.0
    assert found["months"] == [
        {
            "month": "2024-08",
            "events": 1,
            "cooperation": 0,
            "conflict": 1,
            "goldstein": -2.0,
            "tone": "conflict",
        }
    ]
    unknown = client.get("/api/relations", params={"a": "Zzyzx Qqq", "b": "Azerbaijan"})
    assert unknown.status_code == 404 and "Zzyzx" in unknown.json()["detail"]


def test_ask_quotes_the_sentence_and_names_the_article(client: TestClient) -> None:
    # The sentence must hold the question's focus (talks, meant, ties), not a part of it.
    q = "Why were the talks meant to strengthen ties?"
    answer = client.get("/api/ask", params={"q": q}).json()
    assert answer["question"] == q and answer["found"]
    evidence = [e for a in answer["answers"] for e in a["evidence"]]
    assert any(
        e["article_id"] == "visit"
        and "because trade has grown" in e["sentence"]
        and e["title"] == "Putin arrives in Baku"
        and e["published"] == "2024-08-18"
        for e in evidence
    )
    assert client.get("/api/ask", params={"q": ""}).status_code == 422

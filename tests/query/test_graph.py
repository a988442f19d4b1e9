import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.query.graph import actor_graph, write_graph
from newsgraph.store import Store


def test_edges_carry_count_and_mean_goldstein(store: Store) -> None:
    graph = actor_graph(store)
    assert graph["person:taro-sato"]["person:emmanuel-macron"]["events"] == 1
    assert graph.nodes["person:emmanuel-macron"]["name"] == "Emmanuel Macron"
    assert graph.number_of_edges() == 4


def test_by_country_merges_leaders_into_their_country(store: Store) -> None:
    graph = actor_graph(store, by_country=True)
    edge = graph["JPN"]["FRA"]
    assert (edge["events"], edge["goldstein"]) == (2, 5.4)  # 043 (+2.8) and 057 (+8.0)
    assert graph.nodes["JPN"]["name"] == "Japan"


def test_time_window(store: Store) -> None:
    graph = actor_graph(store, since=date(2023, 5, 1), by_country=True)
    assert list(graph.edges) == [("JPN", "FRA")]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_read_back(store: Store, tmp_path: Path, fmt: str) -> None:
    graph = actor_graph(store, by_country=True)
    path = tmp_path / f"g.{fmt}"
    write_graph(graph, path, fmt)  # type: ignore[arg-type]
    if fmt == "graphml":
        back = nx.read_graphml(path)
    elif fmt == "gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
    assert set(back.edges) == set(graph.edges)
    assert back["JPN"]["FRA"]["events"] == 2

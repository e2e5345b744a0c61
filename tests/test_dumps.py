"""Dumps: the whole dataset and each graph, streamed, gzip when the client accepts it."""

from __future__ import annotations

import gzip

import pytest
import rdflib
import requests

from tests.conftest import SEED_SLUG, LiveServer


def test_index_lists_every_graph_in_every_format(live_server: LiveServer) -> None:
    index = requests.get(live_server.url + "/dumps/").json()
    assert set(index) == {
        "dataset",
        f"https://kg.example.org/graph/{SEED_SLUG}",
        "https://kg.example.org/graph/entities",
    }
    assert set(index["dataset"]) == {"ttl", "trig", "nq", "jsonld"}


@pytest.mark.parametrize(("ext", "parse_as"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_dataset_dump_holds_every_graph(live_server: LiveServer, ext: str, parse_as: str) -> None:
    response = requests.get(f"{live_server.url}/dumps/dataset.{ext}")
    assert response.status_code == 200
    dataset = rdflib.Dataset().parse(data=response.content, format=parse_as)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert f"https://kg.example.org/graph/{SEED_SLUG}" in graphs
    assert "https://kg.example.org/graph/entities" in graphs


def test_gzip_when_accepted_and_plain_otherwise(live_server: LiveServer) -> None:
    url = f"{live_server.url}/dumps/graph/entities.ttl"
    raw = requests.get(url, headers={"Accept-Encoding": "gzip"}, stream=True)
    assert raw.headers["Content-Encoding"] == "gzip"
    compressed = raw.raw.read()
    plain = requests.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(compressed) == plain.content
    graph = rdflib.Graph().parse(data=plain.content, format="turtle")
    assert (rdflib.URIRef("https://kg.example.org/person/donald-trump"), None, None) in graph


def test_unknown_dump_is_404(live_server: LiveServer) -> None:
    assert requests.get(f"{live_server.url}/dumps/graph/nope.ttl").status_code == 404
    assert requests.get(f"{live_server.url}/dumps/dataset.exe").status_code == 404

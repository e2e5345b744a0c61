"""Dumps: the whole dataset and each graph, streamed, gzip when the client accepts it."""

from __future__ import annotations

import gzip
import threading
import time
from pathlib import Path

import pytest
import rdflib
import requests

from tests.conftest import SEED_SLUG, LiveServer, start_server


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


def test_a_dump_is_served_while_every_executor_is_busy(seed_store_dir: Path, tmp_path: Path) -> None:
    """Dumps are written outside the query processes: a runaway query holding the only executor neither
    blocks a dump nor, when it is cut off, takes the dump with it."""
    server = start_server(
        "--store",
        seed_store_dir,
        log_dir=tmp_path,
        settings={"executors": 1, "sparql_time_limit_s": 3, "queue_timeout_s": 0.5},
    )
    try:
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        outcome: dict[str, requests.Response] = {}
        params = {"query": runaway}
        thread = threading.Thread(
            target=lambda: outcome.update(r=requests.get(server.sparql, params=params, timeout=30))
        )
        thread.start()
        time.sleep(0.5)
        busy = requests.get(server.sparql, params={"query": "ASK {}"}, timeout=10)
        assert busy.status_code == 503 and "busy" in busy.text
        dump = requests.get(server.url + "/dumps/dataset.nq", timeout=60)
        assert dump.status_code == 200
        assert (
            rdflib.Dataset()
            .parse(data=dump.content, format="nquads")
            .graph(rdflib.URIRef(f"https://kg.example.org/graph/{SEED_SLUG}"))
        )
        thread.join()
        assert outcome["r"].status_code == 503 and "time limit of 3 s" in outcome["r"].text
    finally:
        server.stop()


def test_a_dump_past_its_time_limit_is_503_naming_the_setting(seed_store_dir: Path, tmp_path: Path) -> None:
    server = start_server("--store", seed_store_dir, log_dir=tmp_path, settings={"dump_time_limit_s": 0.01})
    try:
        for _ in range(2):  # nothing half-written is served the second time either
            response = requests.get(server.url + "/dumps/dataset.ttl", timeout=30)
            assert response.status_code == 503 and "dump_time_limit_s" in response.text
            assert "Traceback" not in response.text
        assert requests.get(server.sparql, params={"query": "ASK {}"}, timeout=10).status_code == 200
    finally:
        server.stop()

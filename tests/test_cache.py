"""The result cache keeps answers by request, within its byte budget, least recently used out first."""

from __future__ import annotations

from server.cache import ResultCache


def request(query: str, media_type: str = "application/sparql-results+json") -> dict[str, object]:
    return {"op": "query", "query": query, "format": media_type, "base": "http://x/sparql", "union": True}


def test_a_kept_answer_is_found_again_and_counted_as_a_hit() -> None:
    cache = ResultCache(10_000)
    key = ResultCache.key(request("ASK {}"))
    assert key is not None and cache.get(key) is None
    cache.put(key, b"true")
    assert cache.get(key) == b"true"
    assert cache.stats()["hits"] == 1 and cache.stats()["misses"] == 1


def test_every_part_of_the_request_is_in_the_key() -> None:
    keys = {
        ResultCache.key(request("ASK {}")),
        ResultCache.key(request("ASK { }")),
        ResultCache.key(request("ASK {}", "application/sparql-results+xml")),
        ResultCache.key({**request("ASK {}"), "union": False}),
        ResultCache.key({**request("ASK {}"), "default_graph": ["http://g"], "named_graphs": []}),
    }
    assert len(keys) == 5


def test_the_key_does_not_depend_on_the_order_of_the_request() -> None:
    forward = request("ASK {}")
    backward = dict(reversed(list(forward.items())))
    assert ResultCache.key(forward) == ResultCache.key(backward)


def test_dumps_are_never_cached() -> None:
    assert ResultCache.key({"op": "dump", "graph": None, "format": "text/turtle", "path": "/tmp/x"}) is None


def keys(count: int) -> list[str]:
    found = [ResultCache.key(request(f"SELECT * WHERE {{ ?s ?p {n} }}")) for n in range(count)]
    return [key for key in found if key is not None]


def test_the_least_recently_used_answer_goes_first_when_the_budget_is_spent() -> None:
    k = keys(5)
    entry = len(k[0]) + 100
    cache = ResultCache(4 * entry)
    for key in k[:4]:
        cache.put(key, b"x" * 100)
    assert cache.get(k[0]) is not None  # now the most recently used
    cache.put(k[4], b"x" * 100)
    assert cache.stats()["bytes"] == 4 * entry
    assert cache.get(k[1]) is None  # the least recently used went
    assert all(cache.get(key) is not None for key in (k[0], k[2], k[3], k[4]))


def test_an_answer_larger_than_a_quarter_of_the_budget_is_not_kept() -> None:
    key = keys(1)[0]
    cache = ResultCache(4 * (len(key) + 100))
    cache.put(key, b"x" * 101)
    assert cache.get(key) is None and cache.stats()["entries"] == 0

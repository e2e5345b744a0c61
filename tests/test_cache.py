"""The result cache keeps answers and whole responses by request, within one byte budget, least recently
used out first; its middleware answers a repeated identical GET /sparql before the app runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from werkzeug.test import EnvironBuilder

from server.cache import KEPT_WHOLE, SEEN_KEYS, ResponseCache, ResultCache, StoredResponse
from server.execution.job import Dataset, QueryJob


def request(query: str, media_type: str = "application/sparql-results+json", **dataset: Any) -> QueryJob:
    return QueryJob(query, media_type, Dataset(**dataset), base="http://x/sparql")


def missed_twice(cache: ResultCache, key: str) -> None:
    """Ask for ``key`` twice, as a repeated query does: its value is then kept."""
    assert cache.get(key) is None and cache.get(key) is None


def test_an_answer_asked_for_a_second_time_is_kept_and_found_again_as_a_hit() -> None:
    cache = ResultCache(10_000)
    key = key_of(request("ASK {}"))
    assert key is not None and cache.get(key) is None
    cache.put(key, b"true")  # asked for once: not kept
    assert cache.get(key) is None
    cache.put(key, b"true")
    assert cache.get(key) == b"true"
    assert cache.stats()["hits"] == 1 and cache.stats()["misses"] == 2


def test_answers_asked_for_once_take_no_room_from_those_asked_again() -> None:
    k = keys(101)
    cache = ResultCache(4 * (len(k[0]) + 100))
    missed_twice(cache, k[0])
    cache.put(k[0], b"x" * 100)
    for key in k[1:]:  # a burst of queries never asked before, such as texts made new for each request
        assert cache.get(key) is None
        cache.put(key, b"y" * 100)
    assert cache.stats()["entries"] == 1 and cache.get(k[0]) == b"x" * 100


def test_a_key_asked_for_once_long_ago_is_forgotten() -> None:
    k = keys(SEEN_KEYS + 1)
    cache = ResultCache(10_000_000)
    for key in k:
        cache.get(key)
    cache.get(k[0])  # its first request is no longer remembered: this counts as the first
    cache.put(k[0], b"x")
    cache.get(k[-1])
    cache.put(k[-1], b"x")
    assert cache.stats()["entries"] == 1 and cache.get(k[-1]) == b"x"


def test_every_part_of_the_request_is_in_the_key() -> None:
    keys = {
        key_of(request("ASK {}")),
        key_of(request("ASK { }")),
        key_of(request("ASK {}", "application/sparql-results+xml")),
        key_of(request("ASK {}", union=False)),
        key_of(request("ASK {}", default_graphs=("http://g",), named_graphs=())),
    }
    assert len(keys) == 5


def test_equal_jobs_have_one_key() -> None:
    assert key_of(request("ASK {}", default_graphs=("http://g",))) == key_of(
        request("ASK {}", default_graphs=("http://g",))
    )


def key_of(job: QueryJob) -> str:
    return job.key()


def keys(count: int) -> list[str]:
    found = [key_of(request(f"SELECT * WHERE {{ ?s ?p {n} }}")) for n in range(count)]
    return [key for key in found if key is not None]


def test_the_least_recently_used_answer_goes_first_when_the_budget_is_spent() -> None:
    k = keys(5)
    entry = len(k[0]) + 100
    cache = ResultCache(4 * entry)
    for key in k[:4]:
        missed_twice(cache, key)
        cache.put(key, b"x" * 100)
    assert cache.get(k[0]) is not None  # now the most recently used
    missed_twice(cache, k[4])
    cache.put(k[4], b"x" * 100)
    assert cache.stats()["bytes"] == 4 * entry
    assert cache.get(k[1]) is None  # the least recently used went
    assert all(cache.get(key) is not None for key in (k[0], k[2], k[3], k[4]))


def test_an_answer_larger_than_a_quarter_of_the_budget_is_not_kept() -> None:
    key = keys(1)[0]
    cache = ResultCache(4 * (len(key) + 100))
    missed_twice(cache, key)
    cache.put(key, b"x" * 101)
    assert cache.get(key) is None and cache.stats()["entries"] == 0


def test_a_whole_response_counts_its_body_and_key_and_shares_the_budget_with_answers() -> None:
    answer_key, response_key = keys(1)[0], "GET\nhttp\nx\n?query=ASK"
    response = StoredResponse("200 OK", (("Content-Type", "text/csv"),), b"y" * 100)
    cache = ResultCache(4 * (len(answer_key) + 100))
    missed_twice(cache, answer_key)
    cache.put(answer_key, b"x" * 100)
    missed_twice(cache, response_key)
    cache.put(response_key, response)
    assert cache.stats()["bytes"] == len(answer_key) + 100 + len(response_key) + 100
    assert cache.get(response_key) == response and cache.get(answer_key) == b"x" * 100
    assert cache.stats()["hits"] == 2 and cache.stats()["response_hits"] == 1


def test_every_miss_is_counted() -> None:
    cache = ResultCache(10_000)
    assert cache.get("absent") is None and cache.get("absent") is None
    assert cache.stats()["misses"] == 2


# --- the response middleware, over a fake WSGI app ---


class Body:
    """An app's response iterable that records whether the server closed it."""

    def __init__(self, chunks: list[bytes], fail: bool = False) -> None:
        self.chunks, self.fail, self.closed = chunks, fail, False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.fail:
            raise RuntimeError("the body broke")

    def close(self) -> None:
        self.closed = True


class FakeApp:
    """Answers every request with one fixed response and counts the requests it sees."""

    def __init__(
        self,
        status: str = "200 OK",
        content_type: str = "application/sparql-results+json",
        extra: tuple[tuple[str, str], ...] = (),
        fail: bool = False,
    ) -> None:
        self.status, self.fail, self.calls = status, fail, 0
        self.headers = [("Content-Type", content_type), ("Vary", "Accept"), *extra]
        self.bodies: list[Body] = []

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Body:
        self.calls += 1
        start_response(self.status, list(self.headers))
        body = Body([b'{"answer": ', str(self.calls).encode(), b"}"], self.fail)
        self.bodies.append(body)
        return body


def environ(
    query_string: str = "query=ASK+%7B%7D",
    method: str = "GET",
    path: str = "/sparql",
    headers: dict[str, str] | None = None,
    **extra: str,
) -> dict[str, Any]:
    env = EnvironBuilder(
        path=path, method=method, query_string=query_string, headers=headers or {}
    ).get_environ()
    env.update(extra)
    return env


def call(app: ResponseCache, env: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    started: list[Any] = []
    iterable = app(env, lambda status, headers, exc_info=None: started.extend([status, headers]))
    body = b"".join(iterable)
    return started[0], list(started[1]), body


def middleware(app: FakeApp, max_bytes: int = 100_000) -> ResponseCache:
    return ResponseCache(app, ResultCache(max_bytes), path="/sparql")


def test_a_repeated_get_is_answered_without_the_app_with_the_same_status_headers_and_body() -> None:
    app = FakeApp(extra=(("X-SPARQL-Max-Rows", "7"), ("Access-Control-Allow-Origin", "*")))
    cached = middleware(app)
    call(cached, environ())
    second = call(cached, environ())  # kept now, as asked for a second time
    third = call(cached, environ())
    assert app.calls == 2
    assert second == third == ("200 OK", app.headers, b'{"answer": 2}')
    stats = cached.cache.stats()
    assert (stats["hits"], stats["response_hits"], stats["misses"], stats["entries"]) == (1, 1, 2, 1)


def test_a_request_whose_response_it_keeps_is_marked_so_the_answer_is_not_kept_twice() -> None:
    seen: list[dict[str, Any]] = []

    def app(env: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        seen.append(env)
        start_response("200 OK", [("Content-Type", "text/csv")])
        return [b"x"]

    cached = ResponseCache(app, ResultCache(100_000))
    call(cached, environ())
    call(cached, environ(method="POST"))
    call(cached, environ(headers={"If-None-Match": '"x"'}))
    assert [KEPT_WHOLE in env for env in seen] == [True, False, False]


def test_the_app_body_is_read_whole_and_closed() -> None:
    app = FakeApp()
    call(middleware(app), environ())
    assert app.bodies[0].closed


def test_the_app_body_is_closed_even_when_reading_it_fails() -> None:
    app = FakeApp(fail=True)
    with pytest.raises(RuntimeError):
        call(middleware(app), environ())
    assert app.bodies[0].closed


def test_what_an_app_writes_through_the_legacy_write_callable_is_part_of_the_body() -> None:
    def writer(env: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/csv")])(b"a,b\r\n")
        return [b"1,2\r\n"]

    cached = ResponseCache(writer, ResultCache(100_000))
    assert {call(cached, environ())[2] for _ in range(3)} == {b"a,b\r\n1,2\r\n"}
    assert cached.cache.stats()["response_hits"] == 1


@pytest.mark.parametrize(
    "changed",
    [
        {"query_string": "query=ASK+%7B+%7D"},
        {"query_string": "query=ASK+%7B%7D&format=xml"},
        {"headers": {"Accept": "text/csv"}},
        {"headers": {"Host": "other.example"}},
        {"wsgi.url_scheme": "https"},
        {"SCRIPT_NAME": "/kg"},
        {"SERVER_NAME": "elsewhere", "SERVER_PORT": "81"},
    ],
    ids=["query", "format", "accept", "host", "scheme", "script-name", "server"],
)
def test_every_request_input_the_answer_depends_on_is_in_the_key(changed: dict[str, Any]) -> None:
    app = FakeApp()
    cached = middleware(app)
    call(cached, environ())
    call(cached, environ())  # kept
    assert call(cached, environ(**changed))[2] == b'{"answer": 3}'
    assert call(cached, environ(**changed))[2] == b'{"answer": 4}'  # kept now
    assert call(cached, environ(**changed))[2] == b'{"answer": 4}'  # a hit
    assert app.calls == 4


def test_a_request_without_host_is_not_one_with_an_empty_host() -> None:
    app = FakeApp()
    cached = middleware(app)
    without = environ()
    del without["HTTP_HOST"]  # werkzeug then takes SERVER_NAME and SERVER_PORT
    call(cached, without)
    call(cached, without)  # kept
    call(cached, environ(HTTP_HOST=""))
    assert app.calls == 3


def test_inputs_the_answer_does_not_depend_on_are_not_in_the_key() -> None:
    app = FakeApp()
    cached = middleware(app)
    call(cached, environ())
    call(cached, environ())  # kept
    ignored = {"Origin": "https://a.example", "User-Agent": "x", "Accept-Language": "de", "Cookie": "a=b"}
    call(cached, environ(headers=ignored, REMOTE_ADDR="10.0.0.9"))
    assert app.calls == 2


@pytest.mark.parametrize(
    "request_",
    [
        {"method": "POST"},
        {"method": "HEAD"},
        {"path": "/sparql/"},
        {"path": "/doc/person/x.ttl"},
        {"query_string": ""},
        *({"headers": {name: value}} for name, value in [
            ("If-None-Match", '"x"'),
            ("If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT"),
            ("If-Match", '"x"'),
            ("If-Unmodified-Since", "Wed, 21 Oct 2015 07:28:00 GMT"),
            ("If-Range", '"x"'),
            ("Range", "bytes=0-1"),
        ]),
    ],
    ids=["post", "head", "trailing-slash", "other-path", "no-query-string", "if-none-match",
         "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range"],
)  # fmt: skip
def test_other_requests_are_neither_looked_up_nor_stored(request_: dict[str, Any]) -> None:
    app = FakeApp()
    cached = middleware(app)
    if "headers" in request_:  # even the stored answer to the same GET without them is not used
        call(cached, environ())
        call(cached, environ())
    before = app.calls
    answers = [call(cached, environ(**request_))[2] for _ in range(3)]
    assert app.calls == before + 3 and len(set(answers)) == 3
    assert cached.cache.stats()["response_hits"] == 0


@pytest.mark.parametrize(
    "app",
    [
        FakeApp(status="400 BAD REQUEST", content_type="text/plain; charset=utf-8"),
        FakeApp(status="503 SERVICE UNAVAILABLE", content_type="text/plain; charset=utf-8"),
        FakeApp(status="303 SEE OTHER", content_type="text/html; charset=utf-8"),
        FakeApp(content_type="text/html; charset=utf-8"),
        FakeApp(content_type="application/xhtml+xml"),
        FakeApp(extra=(("Set-Cookie", "session=1"),)),
    ],
    ids=["400", "503", "303", "html", "xhtml", "set-cookie"],
)
def test_only_a_200_that_is_not_html_and_sets_no_cookie_is_stored(app: FakeApp) -> None:
    cached = middleware(app)
    answers = [call(cached, environ()) for _ in range(3)]
    assert app.calls == 3 and answers[0][0] == app.status and len({answer[2] for answer in answers}) == 3
    assert cached.cache.stats()["entries"] == 0


def test_a_response_larger_than_a_quarter_of_the_budget_is_not_kept() -> None:
    key = ResponseCache(FakeApp(), ResultCache(1)).key(environ())
    assert key is not None
    size = len(key) + len(b'{"answer": 1}')
    for max_bytes, calls in ((4 * size, 2), (4 * size - 4, 3)):
        app = FakeApp()
        cached = middleware(app, max_bytes)
        for _ in range(3):
            call(cached, environ())
        assert app.calls == calls

"""The same commands on existing SPARQL servers: a real `oxigraph serve` and a real Virtuoso 7 on 127.0.0.1,
each test once against each (the ``sparql_server`` fixture's parameter).

`.ci/run` starts both and sets NEWSKG_TEST_SPARQL_URL (oxigraph's query endpoint), NEWSKG_TEST_VIRTUOSO_URL
(Virtuoso's /sparql) and NEWSKG_TEST_VIRTUOSO_NETRC (the digest user .ci/virtuoso.sh made). Without them the
fixtures start their own: oxigraph from the package installed with the dev dependencies, Virtuoso through
`.ci/virtuoso.sh` (Debian's package); in CI (CI=true) a missing Virtuoso URL fails the tests instead.

Virtuoso's anonymous user may only read there: everything that writes to it does so as the user in
NEWSKG_TEST_VIRTUOSO_NETRC (:data:`WRITERS`), newskg through NEWSKG_STORE_CREDENTIALS.
"""

from __future__ import annotations

import dataclasses
import gzip
import netrc
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from pyoxigraph import QueryBoolean

from kg.errors import NewsKGError
from kg.store import dialects
from kg.store.remote import STAGING, RemoteStore
from server.execution.pool import ExecutionError
from server.execution.remote import RemotePool
from tests.conftest import DATA, NEWSKG, ROOT, SEED_DIR, free_port, start_server

OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
VIRTUOSO_SH = ROOT / ".ci" / "virtuoso.sh"
WRITERS: dict[str, Path] = {}
"""A server's query URL -> the netrc file of the user who may write there (Virtuoso; oxigraph needs none)."""


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.post(url, data={"query": "ASK {}"}, timeout=2)
            return
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def update_url(query_url: str) -> str:
    """oxigraph takes updates at /update beside /query, Virtuoso at /sparql itself."""
    return query_url if query_url.endswith("/sparql") else query_url.rsplit("/", 1)[0] + "/update"


def post_update(query_url: str, update: str) -> None:
    """As the user who may write there: on Virtuoso, at /sparql-auth with digest credentials."""
    url, auth = update_url(query_url), None
    if query_url in WRITERS:
        user, _, password = netrc.netrc(WRITERS[query_url]).authenticators("127.0.0.1")  # type: ignore[misc]
        url, auth = query_url + "-auth", requests.auth.HTTPDigestAuth(user, password)
    requests.post(
        url,
        data=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
        auth=auth,
        timeout=60,
    ).raise_for_status()


def writer(url: str, **options: object) -> RemoteStore:
    """A store on the server at ``url`` that may write there (credentials from :data:`WRITERS`)."""
    with pytest.MonkeyPatch.context() as env:
        if url in WRITERS:
            env.setenv("NEWSKG_STORE_CREDENTIALS", str(WRITERS[url]))
        return RemoteStore(url, **options)  # type: ignore[arg-type]


def clear(query_url: str) -> None:
    """Every graph but the server's own (Virtuoso's keep it running)."""
    rows = requests.post(
        query_url,
        data={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    ).json()["results"]["bindings"]
    graphs = [row["g"]["value"] for row in rows if row["g"]["value"] not in dialects.VIRTUOSO.own_graphs]
    if graphs:
        post_update(query_url, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("NEWSKG_TEST_SPARQL_URL")
    process = None
    if not url:
        port = free_port()
        location = tmp_path_factory.mktemp("oxigraph")
        process = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/query"
    wait_for(url)
    yield url
    if process is not None:
        process.terminate()
        process.wait(timeout=20)


@dataclasses.dataclass
class Virtuoso:
    url: str
    netrc: Path


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    url = os.environ.get("NEWSKG_TEST_VIRTUOSO_URL")
    netrc_path = os.environ.get("NEWSKG_TEST_VIRTUOSO_NETRC")
    if url:
        if not netrc_path:
            pytest.fail("NEWSKG_TEST_VIRTUOSO_NETRC is not set (.ci/virtuoso.sh writes DIR/netrc)")
        wait_for(url)
        WRITERS[url] = Path(netrc_path)
        yield Virtuoso(url, Path(netrc_path))
        return
    if os.environ.get("CI") == "true":
        pytest.fail(
            "NEWSKG_TEST_VIRTUOSO_URL is not set: .ci/run must start Virtuoso (.ci/virtuoso.sh start DIR)"
        )
    folder = tmp_path_factory.mktemp("virtuoso")
    started = subprocess.run(
        ["bash", str(VIRTUOSO_SH), "start", str(folder)], capture_output=True, text=True, timeout=900
    )
    assert started.returncode == 0, started.stderr[-3000:]
    url = started.stdout.strip()
    WRITERS[url] = folder / "netrc"
    yield Virtuoso(url, folder / "netrc")
    subprocess.run(["bash", str(VIRTUOSO_SH), "stop", str(folder)], capture_output=True, timeout=120)


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def sparql_server(request: pytest.FixtureRequest) -> str:
    """A server's query endpoint, emptied of what earlier tests wrote."""
    url = (
        request.getfixturevalue("oxigraph_url")
        if request.param == "oxigraph"
        else request.getfixturevalue("virtuoso").url
    )
    clear(url)
    return url


def newskg(*args: str | Path, anonymous: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    """``newskg ARGS``, as the user who may write on a server named in them unless ``anonymous``."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    for arg in args if not anonymous else ():
        if str(arg) in WRITERS:
            environment["NEWSKG_STORE_CREDENTIALS"] = str(WRITERS[str(arg)])
    environment |= env
    return subprocess.run(
        [NEWSKG, *map(str, args)], capture_output=True, text=True, env=environment, timeout=600
    )


@pytest.fixture(scope="module")
def built(sparql_server: str) -> str:
    result = newskg("build", "--data", DATA, "--store", sparql_server)
    assert result.returncode == 0, result.stderr
    return sparql_server


def test_build_query_and_validate_on_the_server(built: str) -> None:
    names = newskg(
        "query",
        "--store",
        built,
        "--format",
        "csv",
        "SELECT ?n WHERE { ?p schema:sameAs wd:Q7747 ; schema:name ?n } ORDER BY ?n",
    )
    # (ORDER BY leaves literals of different languages in an order of the server's choosing)
    assert sorted(line.strip() for line in names.stdout.splitlines()[1:] if line.strip()) == [
        "Vladimir Putin",
        "Wladimir Putin",
    ]
    validated = newskg("validate", "--store", built)
    assert validated.returncode == 0, validated.stdout[-2000:]


def test_export_from_the_server_equals_the_embedded_store(built: str, tmp_path: Path) -> None:
    local = tmp_path / "store"
    assert newskg("build", "--data", DATA, "--store", local).returncode == 0
    remote_ttl = newskg("export", "--store", built, "--format", "turtle").stdout
    local_ttl = newskg("export", "--store", local, "--format", "turtle").stdout
    assert remote_ttl == local_ttl and len(remote_ttl) > 100_000


def test_ingest_on_the_server_is_idempotent(built: str, tmp_path: Path) -> None:
    article = tmp_path / "corpus" / "remote-variant"
    article.mkdir(parents=True)
    (article / "article.txt").write_text((SEED_DIR / "article.txt").read_text(encoding="utf-8"))
    first = newskg("ingest", "--data", DATA, "--store", built, article)
    assert first.returncode == 0 and "1 ingested, 0 unchanged" in first.stdout, first.stderr
    second = newskg("ingest", "--data", DATA, "--store", built, article)
    assert "0 ingested, 1 unchanged" in second.stdout
    # (Virtuoso matches nothing with GRAPH ?g {})
    graphs = newskg(
        "query", "--store", built, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    ).stdout
    assert "<https://kg.example.org/graph/remote-variant>" in graphs


@pytest.fixture(scope="module")
def endpoint(built: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = start_server(
        "--store",
        built,
        log_dir=tmp_path_factory.mktemp("remote"),
        settings={"sparql_time_limit_s": 2, "executors": 2},
    )
    yield server.url
    server.stop()


def test_each_server_worker_talks_to_the_server_on_connections_of_its_own(built: str, tmp_path: Path) -> None:
    """The store is opened before gunicorn forks its workers: a connection kept alive then must not be
    shared, or one request reads the answer meant for another (a server that takes a while to answer
    leaves both workers time to send on it)."""
    proxy = proxy_to(built, keep_alive=True, delay_s=0.2)
    url = f"http://127.0.0.1:{proxy.server_address[1]}/query"
    server = start_server("--store", url, "--workers", "2", log_dir=tmp_path, settings={"result_cache_mb": 0})
    tags = [f"tag{i}" for i in range(16)]

    def ask(tag: str) -> tuple[int, list[str]]:
        query = f'SELECT ("{tag}" AS ?t) WHERE {{}}'
        response = requests.get(
            server.url + "/sparql", params={"query": query}, headers={"Accept": "text/csv"}
        )
        return response.status_code, response.text.split("\r\n")[1:2]

    try:
        with ThreadPoolExecutor(len(tags)) as pool:
            for _ in range(3):
                assert list(pool.map(ask, tags)) == [(200, [tag]) for tag in tags]
    finally:
        server.stop()
        proxy.shutdown()
        proxy.server_close()


def test_the_endpoint_passes_queries_through(endpoint: str) -> None:
    query = "SELECT ?n WHERE { <https://kg.example.org/person/vladimir-putin> <http://schema.org/name> ?n }"
    response = requests.get(endpoint + "/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/csv")
    assert sorted(response.text.split("\r\n")[1:-1]) == ["Vladimir Putin", "Wladimir Putin"]
    ask = requests.get(endpoint + "/sparql", params={"query": "ASK { ?s a <http://schema.org/NewsArticle> }"})
    assert ask.json()["boolean"] is True


def test_a_repeated_query_sees_a_change_on_the_server(endpoint: str, built: str) -> None:
    """Nothing is kept in front of a store that another server holds: it may change under us."""
    probe = {"query": "ASK { <urn:newskg:test:probe> ?p ?o }"}
    change = "INSERT DATA { GRAPH <urn:newskg:test:graph> { <urn:newskg:test:probe> <urn:newskg:test:p> 1 } }"
    assert requests.get(endpoint + "/sparql", params=probe).json()["boolean"] is False
    post_update(built, change)
    try:
        assert requests.get(endpoint + "/sparql", params=probe).json()["boolean"] is True
        assert requests.get(endpoint + "/-/executors.json").json()["result_cache"] is None
    finally:
        post_update(built, "DROP SILENT GRAPH <urn:newskg:test:graph>")


def test_the_endpoint_keeps_its_guard(endpoint: str) -> None:
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert requests.get(endpoint + "/sparql", params={"query": service}).status_code == 400
    update = requests.post(endpoint + "/sparql", data={"update": "DROP ALL"})
    assert update.status_code == 403


def test_a_runaway_query_on_the_server_is_cut_off(endpoint: str) -> None:
    # about 30 million solutions: several seconds, then the remote server is done with it (the connection we
    # close at the deadline need not stop it; a runaway that never ends would keep a core of CI busy)
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) != STR(?f)) }"
    outcome: dict[str, requests.Response] = {}
    thread = threading.Thread(
        target=lambda: outcome.update(
            r=requests.get(endpoint + "/sparql", params={"query": runaway}, timeout=60)
        )
    )
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    assert requests.get(endpoint + "/healthz", timeout=5).status_code == 200
    thread.join()
    assert outcome["r"].status_code == 503 and "time limit of 2 s" in outcome["r"].text
    assert time.monotonic() - started < 10


def test_the_base_iri_taken_from_the_request_cannot_carry_a_query_to_the_server(endpoint: str) -> None:
    """gunicorn takes SCRIPT_NAME from a local proxy's header and werkzeug decodes it: a '>' in it would end
    the query's BASE line early, and the rest would reach the server as SPARQL, SERVICE included."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(1)
        service = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        root = quote(f'/x>SELECT*WHERE{{SERVICE<{service}>{{$s$p$o}}BIND("""', safe="/")
        response = requests.get(
            endpoint + root + "/sparql",
            params={"query": 'SELECT """ AS ?z) }'},
            headers={"SCRIPT_NAME": root},
            timeout=30,
        )
        assert response.status_code == 400 and "base IRI" in response.text
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody was sent to fetch anything


def test_a_runaway_query_whose_rows_keep_coming_is_cut_off_too(endpoint: str) -> None:
    """The server streams this query's rows as it finds them, a few every second for minutes: no pause is
    long enough for a read timeout, so the time limit has to bound the whole answer."""
    streaming = (
        "SELECT ?a ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?x ?y ?z "
        "FILTER(STR(?f) = STR(?z) && STR(?d) = STR(?x) && STR(?e) = STR(?y)) }"
    )
    response = requests.get(endpoint + "/sparql", params={"query": streaming}, timeout=60)
    assert response.status_code == 503 and "time limit of 2 s" in response.text
    assert requests.get(endpoint + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200


@pytest.fixture
def silent_server() -> Iterator[str]:
    """The query URL of a server that takes connections and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"


def test_a_dump_from_a_server_that_does_not_answer_ends_at_its_time_limit(
    silent_server: str, tmp_path: Path
) -> None:
    pool = RemotePool(RemoteStore(silent_server, union="param"))
    outcome: dict[str, ExecutionError] = {}

    def dump() -> None:
        try:
            pool.dump(None, "application/n-quads", str(tmp_path / "all.nq.gz"), time_limit_s=0.5)
        except ExecutionError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=dump, daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "the dump was still waiting for the server long after its time limit"
    error = outcome["error"]
    assert (
        error.status == 503
        and "time limit of 0.5 s" in error.message
        and "dump_time_limit_s" in error.message
    )


TRACE = "java.lang.NullPointerException\n\tat org.example.sparql.QueryEngine.run(QueryEngine.java:42)"
MISBEHAVIOURS = {  # what the proxy answers to a query that names <urn:newskg:test:...>
    "fail": (500, "text/plain", TRACE.encode()),  # a Java server's error page
    "refuse": (400, "text/plain", b"Parse error: line 1, column 8\n" + TRACE.encode()),
    "login": (200, "text/html", b"<html><body>Please log in</body></html>"),
    "huge": (200, "application/sparql-results+json", b'{"head":{}, "boolean":true' + b" " * 3_000_000 + b"}"),
}


def proxy_to(url: str, *, keep_alive: bool = False, delay_s: float = 0.0) -> ThreadingHTTPServer:
    """A proxy to the SPARQL server at ``url`` that compresses what it passes on for a client that accepts
    gzip, as a front end of many servers does; a query that names <urn:newskg:test:redirect> it sends on
    to ``url`` with a 307, one that names another of MISBEHAVIOURS gets that answer. With ``keep_alive`` it
    answers the requests of one connection one after the other, as HTTP/1.1 servers do."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(delay_s)
            marked = [
                name
                for name in [*MISBEHAVIOURS, "redirect"]
                if b"urn%3Anewskg%3Atest%3A" + name.encode() in body
            ]
            if marked == ["redirect"]:
                self.send_response(307)
                self.send_header("Location", url)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if marked:
                status, content_type, answer = MISBEHAVIOURS[marked[0]]
            else:
                headers = {name: self.headers[name] for name in ("Content-Type", "Accept")}
                upstream = requests.post(url, data=body, headers=headers, timeout=30)
                status, content_type, answer = (
                    upstream.status_code,
                    upstream.headers["Content-Type"],
                    upstream.content,
                )
                self.server_header = upstream.headers.get("Server", "")
            self.send_response(status)
            if status == 200 and "gzip" in self.headers.get("Accept-Encoding", ""):
                answer = gzip.compress(answer)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

        server_header = ""

        def version_string(self) -> str:  # the server's name passed on, as proxies do
            return self.server_header or super().version_string()

    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    return proxy


@pytest.fixture(scope="module")
def proxied(built: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The endpoint on a store reached through :func:`proxy_to`, taking answers of at most 1 MB."""
    proxy = proxy_to(built)
    url = f"http://127.0.0.1:{proxy.server_address[1]}/query"
    server = start_server(
        "--store", url, log_dir=tmp_path_factory.mktemp("proxied"), settings={"query_memory_mb": 1}
    )
    yield server.url
    server.stop()
    proxy.shutdown()
    proxy.server_close()


def ask_marked(endpoint: str, name: str) -> requests.Response:
    return requests.get(endpoint + "/sparql", params={"query": f"ASK {{ <urn:newskg:test:{name}> ?p ?o }}"})


def test_an_answer_the_server_compressed_is_passed_on_as_it_was_meant(proxied: str) -> None:
    query = "SELECT ?n WHERE { <https://kg.example.org/person/vladimir-putin> <http://schema.org/name> ?n }"
    response = requests.get(proxied + "/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and "Content-Encoding" not in response.headers
    assert sorted(response.text.split("\r\n")[1:-1]) == ["Vladimir Putin", "Wladimir Putin"]


def test_a_redirect_is_not_followed(proxied: str) -> None:
    """It could send the query on to any host."""
    response = ask_marked(proxied, "redirect")
    assert response.status_code == 503 and "see the server's log" in response.text


def test_an_answer_in_a_format_not_asked_for_is_not_passed_on(proxied: str) -> None:
    response = ask_marked(proxied, "login")
    assert response.status_code == 503 and "log in" not in response.text


def test_an_answer_larger_than_the_memory_allowed_is_not_taken(proxied: str) -> None:
    response = ask_marked(proxied, "huge")
    assert response.status_code == 503 and "query_memory_mb" in response.text
    assert ask_marked(proxied, "nothing").json()["boolean"] is False


def test_a_query_the_server_refuses_is_400_with_the_first_line_of_its_reason(proxied: str) -> None:
    response = ask_marked(proxied, "refuse")
    assert response.status_code == 400 and "Parse error: line 1, column 8" in response.text
    assert "java.lang" not in response.text


def test_what_goes_wrong_on_the_server_is_a_short_503_and_the_details_go_to_the_log(
    built: str, tmp_path: Path
) -> None:
    proxy = proxy_to(built)
    url = f"http://127.0.0.1:{proxy.server_address[1]}/query"
    server = start_server("--store", url, log_dir=tmp_path)
    try:
        failing = requests.get(
            server.url + "/sparql", params={"query": "ASK { <urn:newskg:test:fail> ?p ?o }"}
        )
        assert failing.status_code == 503 and "see the server's log" in failing.text
        assert "NullPointerException" not in failing.text and url not in failing.text
        assert requests.get(server.url + "/sparql", params={"query": "ASK {}"}).status_code == 200
        proxy.shutdown()
        proxy.server_close()
        gone = requests.get(server.url + "/sparql", params={"query": "ASK {}"})
        assert gone.status_code == 503 and "could not be reached" in gone.text and url not in gone.text
        log = server.log.read_text()
        assert "java.lang.NullPointerException" in log and f"cannot reach the SPARQL server at {url}" in log
    finally:
        server.stop()
        proxy.server_close()


def test_dumps_come_from_the_server(endpoint: str) -> None:
    response = requests.get(endpoint + "/dumps/graph/entities.nq", timeout=60)
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines and all(line.endswith("<https://kg.example.org/graph/entities> .") for line in lines)
    assert any(line.startswith("<https://kg.example.org/person/vladimir-putin> ") for line in lines)


@pytest.fixture(scope="module")
def patient_endpoint(built: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso takes a second or more to compile a page's union of sub-selects the first time."""
    server = start_server("--store", built, log_dir=tmp_path_factory.mktemp("patient"))
    yield server.url
    server.stop()


def test_pages_work_on_the_server(patient_endpoint: str) -> None:
    html = requests.get(patient_endpoint + "/person/vladimir-putin").text
    assert "Trump–Putin summit in Alaska" in html and "President of Russia" in html


# --- what differs between servers (kg.store.dialects) ---


def server_kind(url: str) -> str:
    return "virtuoso" if url.endswith(("/sparql", "/sparql-auth")) else "oxigraph"


def test_the_dialect_is_recognised(sparql_server: str) -> None:
    store = RemoteStore(sparql_server)
    assert store.dialect.name == server_kind(sparql_server)
    assert store.update_url == update_url(sparql_server)
    if server_kind(sparql_server) == "virtuoso":  # the anonymous /sparql: updates with credentials elsewhere
        assert writer(sparql_server).update_url == sparql_server + "-auth"


def ntriples(tag: str, count: int) -> bytes:
    return "".join(
        f'<urn:newskg:test:s{i}> <urn:newskg:test:p> "{tag} {i}" .\n' for i in range(count)
    ).encode()


def count(store: RemoteStore, graph: str, tag: str | None = None) -> int:
    """The triples of ``graph``, or those whose object starts with ``tag`` (Virtuoso's STRSTARTS(?o, "") is
    false: no empty tag)."""
    test = f'FILTER(STRSTARTS(?o, "{tag}"))' if tag else ""
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o {test} }} }}")
    return int(next(iter(rows))["n"].value)  # type: ignore[call-overload]


def staging_graphs(store: RemoteStore) -> list[str]:
    return [g for g in store._all_graphs() if g.startswith(STAGING)]


GRAPH = "urn:newskg:test:large"


def test_a_graph_larger_than_one_update_is_written_whole(sparql_server: str) -> None:
    """12,000 triples: Virtuoso refuses more than 4,989 in one INSERT DATA block."""
    store = writer(sparql_server)
    store.replace_graphs_ntriples({GRAPH: ntriples("old", 12_000), "urn:newskg:test:small": ntriples("x", 3)})
    assert count(store, GRAPH, "old") == 12_000 and count(store, "urn:newskg:test:small") == 3
    store.replace_graphs_ntriples({GRAPH: ntriples("new", 5_001)})
    assert count(store, GRAPH) == count(store, GRAPH, "new") == 5_001
    assert staging_graphs(store) == [] and GRAPH in store.graphs()
    store.replace_graphs_ntriples({GRAPH: b""})
    assert count(store, GRAPH) == 0 and GRAPH not in store.graphs()
    store.remove_graphs(["urn:newskg:test:small"])
    assert "urn:newskg:test:small" not in store.graphs()


def staged(url: str) -> RemoteStore:
    """A store that writes through staging graphs in small requests whatever the server (oxigraph too)."""
    dialect = RemoteStore(url).dialect
    return writer(
        url,
        dialect=dataclasses.replace(
            dialect, atomic_requests=False, max_block_triples=500, max_update_bytes=60_000
        ),
    )


def test_a_write_that_fails_halfway_leaves_the_old_graph(
    sparql_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = staged(sparql_server)
    store.replace_graphs_ntriples({GRAPH: ntriples("old", 3_000)})
    assert count(store, GRAPH, "old") == 3_000
    sent: list[str] = []
    real_update = store.update

    def failing(sparql: str) -> None:
        sent.append(sparql)
        if len(sent) == 3:  # the third of the staging requests
            raise NewsKGError("the connection broke")
        real_update(sparql)

    monkeypatch.setattr(store, "update", failing)
    with pytest.raises(NewsKGError, match="connection broke"):
        store.replace_graphs_ntriples({GRAPH: ntriples("new", 3_000)})
    assert all("INSERT DATA" in s and GRAPH not in s for s in sent[:2])  # only staging graphs were written
    assert count(store, GRAPH) == count(store, GRAPH, "old") == 3_000
    assert staging_graphs(store) == []  # the writer dropped its own


def test_the_staging_graphs_of_a_writer_that_died_are_dropped_by_the_next_write(sparql_server: str) -> None:
    dead = f"{STAGING}{int(time.time()) - 7200}-0badc0de-0"
    recent = f"{STAGING}{int(time.time())}-0badc0de-1"  # perhaps a writer still at work
    post_update(
        sparql_server,
        f"INSERT DATA {{ GRAPH <{dead}> {{ <urn:a> <urn:b> 1 }} GRAPH <{recent}> {{ <urn:a> <urn:b> 2 }} }}",
    )
    store = staged(sparql_server)
    assert dead not in store.graphs() and recent not in store.graphs()  # never newskg's graphs
    assert all(q.graph_name.value != dead for q in store.quads())  # nor dumped
    store.replace_graphs_ntriples({GRAPH: ntriples("next", 10)})
    assert staging_graphs(store) == [recent] and count(store, GRAPH, "next") == 10
    post_update(sparql_server, f"DROP SILENT GRAPH <{recent}>")


def test_ask_is_a_boolean_and_construct_is_triples(sparql_server: str) -> None:
    store = writer(sparql_server)
    store.replace_graphs_ntriples({GRAPH: ntriples("q", 5)})
    yes = store.query("ASK { ?s <urn:newskg:test:p> ?o }")
    no = store.query("ASK { ?s <urn:newskg:test:nothing> ?o }")
    assert isinstance(yes, QueryBoolean) and bool(yes) and isinstance(no, QueryBoolean) and not bool(no)
    triples = store.query(
        f"CONSTRUCT {{ ?s <urn:newskg:test:p> ?o }} WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    )
    assert isinstance(triples, list) and len(triples) == 5


def test_the_server_s_own_graphs_are_not_counted(built: str, tmp_path: Path) -> None:
    """Virtuoso keeps three graphs of its own (2,496 triples), in its union default graph too: they are not
    newskg's graphs, counted or dumped."""
    from kg.store import Store

    local = tmp_path / "store"
    assert newskg("build", "--data", DATA, "--store", local).returncode == 0
    embedded = Store(local, read_only=True)
    store = RemoteStore(built)
    graphs = store.graphs()  # the seed's, and those that other tests here wrote
    assert set(embedded.graphs()) <= set(graphs) and not set(graphs) & set(dialects.VIRTUOSO.own_graphs)
    assert len(store) == len(list(store.quads())) >= len(embedded)  # (the export test compares the quads)


def test_credentials_come_from_a_file_never_the_url(virtuoso: Virtuoso, tmp_path: Path) -> None:
    """Virtuoso's /sparql-auth takes digest credentials, read from NEWSKG_STORE_CREDENTIALS (a netrc file)."""
    auth_url = virtuoso.url.removesuffix("/sparql") + "/sparql-auth"
    password = virtuoso.netrc.read_text().split()[-1]
    query = ["query", "--store", auth_url, "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]
    without = newskg(*query)
    assert without.returncode != 0 and "401" in without.stderr + without.stdout
    with_file = newskg(*query, NEWSKG_STORE_CREDENTIALS=str(virtuoso.netrc))
    assert with_file.returncode == 0 and with_file.stdout.startswith("n"), with_file.stderr
    wrong = tmp_path / "netrc"
    wrong.write_text("machine 127.0.0.1 login newskg password wrong\n")
    refused = newskg(*query, NEWSKG_STORE_CREDENTIALS=str(wrong))
    assert refused.returncode != 0 and "401" in refused.stderr + refused.stdout
    env = {"NEWSKG_STORE_USER": "newskg", "NEWSKG_STORE_PASSWORD": password}
    store_env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")} | env
    written = subprocess.run(
        [sys.executable, "-c", f"from kg.store.remote import RemoteStore; s = RemoteStore({auth_url!r}); "
         f"s.replace_graphs_ntriples({{'urn:newskg:test:auth': b'<urn:a> <urn:b> <urn:c> .\\n'}}); "
         f"print(s.graphs())"],
        capture_output=True, text=True, env=store_env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert written.returncode == 0 and "urn:newskg:test:auth" in written.stdout, written.stderr
    in_url = newskg("query", "--store", auth_url.replace("://", f"://newskg:{password}@"), "ASK {}")
    assert in_url.returncode != 0 and "do not go in the store's URL" in in_url.stderr
    assert all(password not in r.stdout + r.stderr for r in (without, with_file, refused, in_url))
    post_update(virtuoso.url, "DROP SILENT GRAPH <urn:newskg:test:auth>")


def test_functions_of_the_server_beyond_sparql_are_not_passed_on(endpoint: str, built: str) -> None:
    """Virtuoso runs its SQL built-ins (bif:) and procedures (sql:) from a query, no PREFIX needed."""
    for query in (
        'SELECT (bif:sparql_to_sql_text("SELECT * {}") AS ?x) WHERE {}',
        'PREFIX b: <bif:> SELECT (b:sparql_to_sql_text("SELECT * {}") AS ?x) WHERE {}',
        'SELECT (<SQL:SPARQL_INSERT_DICT_CONTENT>("urn:newskg:test:evil", 1) AS ?x) WHERE {}',
    ):
        response = requests.get(endpoint + "/sparql", params={"query": query}, timeout=30)
        if server_kind(built) == "virtuoso":  # (oxigraph knows no such functions: an unbound ?x)
            assert response.status_code == 400 and "not passed on" in response.text, query


def test_literals_come_back_as_they_were_written(sparql_server: str) -> None:
    """Virtuoso cannot keep an xsd:duration and gives booleans back as 1 and 0; pyoxigraph's XML results
    parser trims whitespace, which Virtuoso keeps."""
    from pyoxigraph import Literal, NamedNode, Quad

    xsd = "http://www.w3.org/2001/XMLSchema#"
    literals = [
        Literal(" leading and trailing "),
        Literal("\n line", language="de"),
        Literal("PT3M38S", datatype=NamedNode(xsd + "duration")),
        Literal(True),
        Literal(False),
        Literal("2025-10-17", datatype=NamedNode(xsd + "date")),
        Literal(" <&>\"' "),
        Literal(" x", datatype=NamedNode("urn:newskg:test:type")),
    ]
    store = writer(sparql_server)
    quads = [
        Quad(NamedNode(f"urn:newskg:test:s{i}"), NamedNode("urn:newskg:test:p"), lit)
        for i, lit in enumerate(literals)
    ]
    store.replace_graphs({GRAPH: quads})
    assert sorted((q.object for q in store.quads(GRAPH)), key=str) == sorted(literals, key=str)
    assert sorted((q.object for q in store.quads() if q.graph_name.value == GRAPH), key=str) == sorted(
        literals, key=str
    )


# --- who may write, and what the union default graph holds ---


def test_an_anonymous_update_is_refused_and_newskg_s_user_writes(virtuoso: Virtuoso, tmp_path: Path) -> None:
    """.ci/virtuoso.sh grants SPARQL_UPDATE to newskg's user only: anonymous /sparql reads, never writes."""
    graph = "urn:newskg:test:anonymous"
    anonymous = requests.post(
        virtuoso.url,
        data=f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> 1 }} }}".encode(),
        headers={"Content-Type": "application/sparql-update"},
        timeout=60,
    )
    assert anonymous.status_code >= 400 and "permission" in anonymous.text.lower()
    with pytest.raises(NewsKGError, match=r"refused the update .*no credentials are set"):
        RemoteStore(virtuoso.url).replace_graphs_ntriples({graph: b"<urn:a> <urn:b> <urn:c> .\n"})
    assert graph not in RemoteStore(virtuoso.url).graphs()
    # a base of its own: graphs the server cannot hold yet, whatever other tests built there before
    refused = newskg(
        "build",
        "--data",
        DATA,
        "--store",
        virtuoso.url,
        "--base",
        "https://anonymous.example.org/",
        anonymous=True,
    )
    assert refused.returncode != 0 and "no credentials are set" in refused.stderr, refused.stderr[-2000:]
    assert not [
        g for g in RemoteStore(virtuoso.url).graphs() if g.startswith("https://anonymous.example.org/")
    ]
    store = writer(virtuoso.url)
    assert store.update_url.endswith("/sparql-auth")
    store.replace_graphs_ntriples({graph: b"<urn:a> <urn:b> <urn:c> .\n"})
    assert graph in RemoteStore(virtuoso.url).graphs()  # what newskg's user wrote, anyone reads
    store.remove_graphs([graph])


OWN_NAMESPACES = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/",
)


def test_the_server_s_own_graphs_are_not_in_the_union_default_graph(endpoint: str, built: str) -> None:
    """Virtuoso's own graphs (2,496 triples in a new database) are private there: neither a query over the
    default graph through the endpoint nor newskg's export and graph list see them."""
    mentions = " || ".join(f'STRSTARTS(STR(?{v}), "{ns}")' for ns in OWN_NAMESPACES for v in ("s", "p", "o"))
    response = requests.get(
        endpoint + "/sparql",
        params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER({mentions}) }}"},
        headers={"Accept": "text/csv"},
        timeout=60,
    )
    assert response.status_code == 200 and response.text.split("\r\n")[1] == "0"
    listed = requests.get(
        endpoint + "/sparql",
        params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"},
        headers={"Accept": "text/csv"},
        timeout=60,
    ).text.split("\r\n")[1:]
    assert "https://kg.example.org/graph/entities" in listed
    assert not {g for g in listed if g.startswith(OWN_NAMESPACES)}
    exported = newskg("export", "--store", built, "--format", "nq")
    assert (
        exported.returncode == 0
        and exported.stdout
        and not any(ns in exported.stdout for ns in OWN_NAMESPACES)
    )


def test_a_server_whose_own_graphs_are_readable_is_not_read_as_the_union(sparql_server: str) -> None:
    """Where a query without a dataset reads every graph (Virtuoso), the store refuses to ask for the union
    while one of the server's own graphs is readable: it would be part of every answer."""
    visible = "urn:newskg:test:servers-own"
    post_update(sparql_server, f"INSERT DATA {{ GRAPH <{visible}> {{ <urn:a> <urn:b> 1 }} }}")
    try:
        dialect = RemoteStore(sparql_server).dialect
        store = RemoteStore(
            sparql_server, dialect=dataclasses.replace(dialect, union="server", own_graphs=(visible,))
        )
        with pytest.raises(NewsKGError, match=r"own graphs .*urn:newskg:test:servers-own.* private"):
            store.query("ASK { ?s ?p ?o }")
        assert bool(RemoteStore(sparql_server).query("ASK { ?s ?p ?o }"))  # the dialect's own are private
    finally:
        post_update(sparql_server, f"DROP SILENT GRAPH <{visible}>")

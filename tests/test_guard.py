"""The guard (server/sparql/guard.py) reads a query's raw text before any engine does: what it refuses, what
it learns, and what it changes. Fast: no server, no engine (but for one subprocess, which shows that the
depth limit keeps pyoxigraph alive)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from server.settings import resolve
from server.sparql.guard import Inspected, inspect, syntax_depth, tokens

DEFAULTS = resolve()
BASE = "https://kg.example.org/sparql"


def check(query: str, **limits: int) -> Inspected:
    """``inspect`` with the default settings, or those given."""
    settings = {
        "max_chars": DEFAULTS["max_query_chars"],
        "max_depth": DEFAULTS["max_query_depth"],
        "max_syntax_depth": DEFAULTS["max_syntax_depth"],
        "max_rows": DEFAULTS["max_result_rows"],
        **limits,
    }
    return inspect(query, base=BASE, **settings)


def refusal(query: str, exception: type[Exception] = BadRequest, **limits: int) -> str:
    with pytest.raises(exception) as caught:
        check(query, **limits)
    return str(caught.value.description)  # type: ignore[attr-defined]


# --- the query form --------------------------------------------------------------------------------------


class TestQueryForm:
    @pytest.mark.parametrize(
        ("query", "form"),
        [
            ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
            ("select * { ?s ?p ?o }", "SELECT"),
            ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
            ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
            ("DESCRIBE <http://x/a>", "DESCRIBE"),
            ("ASK { ?s ?p ?o }", "ASK"),
            ("PREFIX ex: <http://x/> BASE <http://y/> SELECT * { ?s ex:p ?o }", "SELECT"),
            ("# a comment naming CONSTRUCT\nASK {}", "ASK"),
            ('  \n\tASK { FILTER("SELECT" = "x") }', "ASK"),
        ],
    )
    def test_the_form_is_the_first_keyword_after_the_prologue(self, query: str, form: str) -> None:
        assert check(query).form == form

    @pytest.mark.parametrize("query", ["", "# only a comment", "PREFIX ex: <http://x/>", "?s ?p ?o", "{ }"])
    def test_text_that_is_no_query_is_400(self, query: str) -> None:
        assert refusal(query).startswith("not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK")


# --- SPARQL Update -----------------------------------------------------------------------------------------


class TestUpdates:
    @pytest.mark.parametrize(
        "update",
        [
            "INSERT DATA { <http://x/a> <http://x/b> 1 }",
            "DELETE WHERE { ?s ?p ?o }",
            "delete { ?s ?p ?o } insert { ?s ?p 2 } where { ?s ?p ?o }",
            "LOAD <http://x/data.ttl>",
            "CLEAR ALL",
            "DROP GRAPH <http://x/g>",
            "CREATE GRAPH <http://x/g>",
            "ADD DEFAULT TO <http://x/g>",
            "MOVE <http://x/a> TO <http://x/b>",
            "COPY <http://x/a> TO <http://x/b>",
            "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b 1 }",
        ],
    )
    def test_an_update_is_no_query(self, update: str) -> None:
        """An update sent as a query is refused as what it is not (400); 403 is for update requests."""
        assert refusal(update, BadRequest) == (
            "an update is not a query: SPARQL Update goes in the 'update' parameter, and this endpoint is "
            "read-only"
        )

    def test_update_words_inside_a_query_are_no_update(self) -> None:
        assert check('SELECT ?insert WHERE { ?insert <http://x/delete> "DROP" }').form == "SELECT"


# --- SERVICE ------------------------------------------------------------------------------------------------

SERVICE_REFUSED = "SERVICE (federated query) is disabled: this endpoint never fetches remote data"


class TestService:
    @pytest.mark.parametrize(
        "query",
        [
            "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { service <http://x/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { SeRvIcE <http://x/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { SERVICE SILENT <http://x/sparql> { ?s ?p ?o } }",
            "SELECT*WHERE{SERVICE<http://x/sparql>{?s ?p ?o}}",
            "SELECT * WHERE {\n SERVICE # federate\n # more\n <http://x/sparql> { } }",
            "SELECT * WHERE { VALUES ?e { <http://x/sparql> } SERVICE ?e { ?s ?p ?o } }",
            "PREFIX c: <http://x/> SELECT * WHERE { SERVICE c:sparql { ?s ?p ?o } }",
            "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/s> { ?s ?p ?o } } } }",
            "ASK { FILTER EXISTS { SERVICE <http://x/s> { ?s ?p ?o } } }",
            'SELECT * WHERE { BIND("#" AS ?x) SERVICE <http://x/s> { } }',
            # an engine reads less-than, SERVICE and a comment where a regex sees an IRI
            "SELECT * WHERE { FILTER(1<2)SERVICE#>\n<http://x/s> { ?s ?p ?o } }",
            # U+017F (long s) folds to s
            "SELECT * WHERE { \u017fERVICE <http://x/> { ?s ?p ?o } }",
        ],
    )
    def test_service_is_400_however_it_is_spelled(self, query: str) -> None:
        assert refusal(query) == SERVICE_REFUSED

    @pytest.mark.parametrize(
        "query",
        [
            "SELECT ?service WHERE { ?service <http://x/p> ?o }",
            "SELECT * WHERE { <http://x/service/1> ?p ?o }",
            "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ?o }",
            'SELECT * WHERE { ?s ?p "SERVICE <http://x/s> { }" }',
            "# SERVICE <http://x/s> { }\nSELECT * WHERE { ?s ?p ?o }",
        ],
    )
    def test_the_word_elsewhere_is_no_service(self, query: str) -> None:
        assert check(query).form == "SELECT"


# --- size and nesting ---------------------------------------------------------------------------------------


class TestSizeAndNesting:
    def test_a_query_longer_than_max_query_chars_is_413(self) -> None:
        query = "ASK {}" + " " * 94
        assert check(query, max_chars=100).form == "ASK"
        message = refusal(query + " ", RequestEntityTooLarge, max_chars=100)
        assert message == "query is 101 characters long; the limit is 100 (max_query_chars setting)"

    def test_nesting_deeper_than_max_query_depth_is_400(self) -> None:
        assert check("SELECT * WHERE " + "{" * 64 + "}" * 64).form == "SELECT"
        message = refusal("SELECT * WHERE\n" + "{" * 65 + "}" * 65)
        assert (
            message == "query nests deeper than 64 levels (line 2); the limit is the max_query_depth setting"
        )

    def test_every_kind_of_bracket_nests(self) -> None:
        assert refusal("ASK { FILTER(" + "(" * 10 + "1" + ")" * 10 + ") }", max_depth=8).startswith(
            "query nests deeper than 8 levels"
        )
        assert refusal("ASK { ?s ?p " + "[ ?p " * 10 + "1" + " ]" * 10 + " }", max_depth=8)

    def test_brackets_in_strings_iris_and_comments_do_not_nest(self) -> None:
        query = 'ASK { ?s <http://x/((((> "((((((((((" # [[[[[[[[[[\n }'
        assert check(query, max_depth=2).form == "ASK"


# --- the row cap --------------------------------------------------------------------------------------------


class TestRowCap:
    def test_a_query_without_limit_gets_one(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o }", max_rows=50)
        assert info.capped and info.text == "SELECT * WHERE { ?s ?p ?o }\nLIMIT 50"

    def test_a_larger_limit_is_lowered(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o } LIMIT 1000 OFFSET 5", max_rows=50)
        assert info.capped and info.text == "SELECT * WHERE { ?s ?p ?o } LIMIT 50 OFFSET 5"

    def test_a_smaller_limit_stays(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o } limit 10", max_rows=50)
        assert not info.capped and info.text == "SELECT * WHERE { ?s ?p ?o } limit 10"

    def test_a_limit_inside_a_subquery_does_not_count(self) -> None:
        query = "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 10 } }"
        info = check(query, max_rows=50)
        assert info.capped and info.text == query + "\nLIMIT 50"

    def test_the_limit_goes_before_trailing_values(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://x/a> }", max_rows=50)
        assert info.text == "SELECT * WHERE { ?s ?p ?o } LIMIT 50\nVALUES ?s { <http://x/a> }"

    def test_construct_and_describe_are_capped_too(self) -> None:
        assert check("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=5).text.endswith("\nLIMIT 5")
        assert check("DESCRIBE ?s WHERE { ?s ?p ?o }", max_rows=5).capped

    def test_ask_is_never_capped(self) -> None:
        info = check("ASK { ?s ?p ?o }", max_rows=5)
        assert not info.capped and info.text == "ASK { ?s ?p ?o }"

    def test_a_malformed_limit_is_left_to_the_engine(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o } LIMIT 1e400", max_rows=5)
        assert not info.capped and info.text.endswith("LIMIT 1e400")


# --- the dataset of FROM clauses ----------------------------------------------------------------------------


class TestDataset:
    def test_no_from_means_no_dataset(self) -> None:
        info = check("SELECT * WHERE { ?s ?p ?o }")
        assert (info.from_graphs, info.from_named_graphs, info.has_dataset) == ((), (), False)

    def test_from_and_from_named_are_read(self) -> None:
        info = check(
            "SELECT * FROM <http://x/a> FROM NAMED <http://x/b> from <http://x/c> WHERE { ?s ?p ?o }"
        )
        assert info.from_graphs == ("http://x/a", "http://x/c")
        assert info.from_named_graphs == ("http://x/b",)
        assert info.has_dataset

    def test_relative_iris_resolve_against_the_request_then_base(self) -> None:
        assert check("SELECT * FROM <graph/a> WHERE {}").from_graphs == ("https://kg.example.org/graph/a",)
        info = check("BASE <http://y/dir/> SELECT * FROM <g> WHERE {}")
        assert info.from_graphs == ("http://y/dir/g",)

    def test_prefixed_names_resolve(self) -> None:
        info = check("PREFIX g: <http://x/graph/> SELECT * FROM g:a FROM NAMED g:b WHERE {}")
        assert info.from_graphs == ("http://x/graph/a",) and info.from_named_graphs == ("http://x/graph/b",)

    def test_an_unknown_prefix_is_left_to_the_engine(self) -> None:
        assert check("SELECT * FROM nope:a WHERE {}").from_graphs == ()

    def test_from_inside_a_string_or_a_group_is_no_dataset(self) -> None:
        assert not check('SELECT * WHERE { ?s ?p "FROM <http://x/a>" }').has_dataset


# --- the depth of the syntax tree ---------------------------------------------------------------------------


def where(body: str) -> str:
    return "SELECT * WHERE { <http://x/s> <http://x/p> ?o " + body + " }"


#: Ways to build a deep syntax tree with few brackets, ``n`` terms long: pyoxigraph crashes on each of them
#: from some thousands of terms (docs/settings.md, ``python -m bench.syntax_depth``).
CHAINS: dict[str, Callable[[int], str]] = {
    "not": lambda n: where("FILTER(" + "!" * n + "true)"),
    "addition": lambda n: where("FILTER(1" + "+1" * n + " > 0)"),
    "subtraction": lambda n: where("FILTER(1" + "-1" * n + " > 0)"),
    "multiplication": lambda n: where("FILTER(1" + "*1" * n + " > 0)"),
    "or": lambda n: where("FILTER(true" + "||true" * n + ")"),
    "and": lambda n: where("FILTER(true" + "&&true" * n + ")"),
    # VALUES: pyoxigraph takes minutes to evaluate a path of a thousand steps, even over no data
    "path-sequence": lambda n: where("VALUES ?o {} ?o <http://x/p>" + "/<http://x/p>" * n + " ?x"),
    "path-alternative": lambda n: where("VALUES ?o {} ?o <http://x/p>" + "|<http://x/p>" * n + " ?x"),
    "path-inverse": lambda n: where("VALUES ?o {} ?o ^<http://x/p>" + "/^<http://x/p>" * n + " ?x"),
    "union": lambda n: where(". {}" + " UNION {}" * n),
    "group-sequence": lambda n: where(". " + "{}" * n),
    "optional": lambda n: where("OPTIONAL {}" * n),
    "minus": lambda n: where("MINUS {}" * n),
    "filter": lambda n: where("FILTER(true)" * n),
    "bind": lambda n: where("".join(f"BIND(1 AS ?b{i})" for i in range(n))),
    "triple-patterns": lambda n: where(". " + "?s ?p ?o . " * n),
    "property-list": lambda n: where("; <http://x/p> ?o" * n),
    "object-list": lambda n: where(", ?o" * n),
    "collection": lambda n: where(". ?s ?p (" + " 1" * n + ")"),
    "collection-of-tagged-literals": lambda n: where(". ?s ?p (" + ' "a"@en' * n + ")"),
    "collection-of-typed-literals": lambda n: where(". ?s ?p (" + ' "1"^^<http://x/t>' * n + ")"),
    "having": lambda n: "SELECT ?o WHERE { <http://x/s> <http://x/p> ?o } GROUP BY ?o HAVING" + " (true)" * n,
    "select-expressions": lambda n: "SELECT " + "".join(f"(1 AS ?v{i})" for i in range(n)) + " WHERE {}",
    "describe": lambda n: "DESCRIBE" + " <http://x/s>" * n,
    "order-by-expressions": lambda n: where("") + " ORDER BY" + " ?o DESC(?o)" * n,
    "group-by-expressions": lambda n: "SELECT (COUNT(*) AS ?c) WHERE {} GROUP BY" + " STR(1)" * n,
    "subqueries": lambda n: where(". " + "{SELECT * {}}" * n),
    "graph": lambda n: where(". " + "GRAPH ?g {}" * n),
    "filter-not-exists": lambda n: where("FILTER NOT EXISTS {}" * n),
}
LIMIT = DEFAULTS["max_syntax_depth"]


def depth(query: str) -> int:
    return syntax_depth(tokens(query, 10**9))[0]


class TestSyntaxDepth:
    """A chain of operators, path steps or patterns builds a tree one level deeper per term, without a
    bracket: the guard estimates that depth and refuses beyond ``max_syntax_depth`` (default 1,000)."""

    @pytest.mark.parametrize("build", CHAINS.values(), ids=CHAINS.keys())
    def test_a_long_chain_is_400_naming_the_setting(self, build: Callable[[int], str]) -> None:
        message = refusal(build(LIMIT))
        assert message.startswith("query chains too many operators, path steps or patterns: ")
        assert message.endswith(f"deeper than {LIMIT} (line 1); the limit is the max_syntax_depth setting")

    @pytest.mark.parametrize("build", CHAINS.values(), ids=CHAINS.keys())
    def test_a_short_chain_passes(self, build: Callable[[int], str]) -> None:
        assert check(build(LIMIT // 5)).form in ("SELECT", "DESCRIBE")

    def test_the_limit_is_a_setting(self) -> None:
        query = CHAINS["addition"](50)
        assert check(query, max_syntax_depth=60).form == "SELECT"
        assert refusal(query, max_syntax_depth=40).endswith("the limit is the max_syntax_depth setting")

    def test_a_chain_counts_one_level_per_term(self) -> None:
        assert depth(CHAINS["addition"](500)) - depth(CHAINS["addition"](100)) == 400
        assert depth(CHAINS["path-sequence"](500)) - depth(CHAINS["path-sequence"](100)) == 400

    @pytest.mark.parametrize(
        ("chain", "weight"),
        [
            ("minus", 4),  # MINUS and its group
            ("subqueries", 3),
            ("select-expressions", 3),
            ("order-by-expressions", 3),  # the variables between count nothing
            ("group-by-expressions", 3),
            ("having", 3),
            ("describe", 3),
            ("collection", 2),
        ],
    )
    def test_some_terms_count_more(self, chain: str, weight: int) -> None:
        """pyoxigraph spends about two and a half times the stack on a MINUS, a subquery, an expression of
        SELECT, GROUP BY or ORDER BY and a resource to describe as on an addition; a collection item is two
        triple patterns."""
        assert depth(CHAINS[chain](500)) - depth(CHAINS[chain](100)) == weight * 400

    def test_lists_of_variables_are_flat(self) -> None:
        """The variables of SELECT, GROUP BY and ORDER BY make no chain (pyoxigraph takes 15,000 and more)."""
        many = " ".join(f"?v{i}" for i in range(5_000))
        assert depth(f"SELECT {many} WHERE {{}} GROUP BY {many} ORDER BY {many}") < 10

    def test_chains_in_nested_groups_add_up(self) -> None:
        """The inner group may sit at the bottom of the outer chain."""
        inner = "(1" + "+1" * 400 + ")"
        nested = where("FILTER(" + "1+" * 400 + inner + " > 0)")
        assert depth(nested) > 800
        assert refusal(nested, max_syntax_depth=800)

    def test_sibling_groups_count_the_deepest_one(self) -> None:
        group = "(1" + "+1" * 300 + ")"
        assert check(where("FILTER(" + " + ".join([group] * 10) + " > 0)")).form == "SELECT"

    @pytest.mark.parametrize(
        "query",
        [
            where("VALUES ?o {" + " -1" * 20_000 + " }"),
            where("VALUES (?o ?x) {" + " (-1 +2)" * 5_000 + " }"),
            where("FILTER(?o IN (1" + ", -1" * 10_000 + "))"),
            where("FILTER(CONCAT(''" + ", 'x'" * 10_000 + ") != '')"),
            where("FILTER(COALESCE(?o" + ", ?o" * 10_000 + "))"),
        ],
        ids=["values-rows", "values-tuples", "in-list", "function-arguments", "coalesce"],
    )
    def test_long_lists_that_build_no_chain_pass(self, query: str) -> None:
        """The rows of VALUES and the arguments of a function are flat lists (and a sign is no operator)."""
        assert depth(query) < 20
        assert check(query).form == "SELECT"

    def test_datatypes_and_language_tags_add_nothing(self) -> None:
        plain = where(". ?s ?p ('a' 'b')")
        assert depth(where(". ?s ?p ('a'@en 'b'@de-CH)")) == depth(plain)
        assert depth(where(". ?s ?p ('a'^^<http://x/t> 'b'^^<http://x/t>)")) == depth(plain)

    def test_tokens_in_strings_iris_and_comments_add_nothing(self) -> None:
        query = where(". ?s <http://x/a/b/c/d/e/f> '+ + + | / ! MINUS' # ||||||||||||||||\n")
        assert depth(query) == depth(where(". ?s <http://x/a> 'x'"))

    def test_real_queries_stay_far_below(self) -> None:
        from tests.conftest import DATA

        deepest = max(depth(path.read_text(encoding="utf-8")) for path in (DATA / "queries").glob("*.rq"))
        assert deepest < LIMIT / 20

    def test_what_passes_does_not_crash_pyoxigraph(self) -> None:
        """Each chain at the longest the guard lets through, given to pyoxigraph in a thread of a process of
        its own with the default stack, as in a query process: none dies of it. (Some take pyoxigraph far
        longer to plan than a query may run: those that still run after a few seconds have survived.)"""
        script = (
            "import sys, threading, pyoxigraph\n"
            "query = sys.stdin.read()\n"
            "thread = threading.Thread(target=lambda: pyoxigraph.Store().query(query))\n"
            "thread.start()\n"
            "thread.join()\n"
        )
        processes = {}
        for name, build in CHAINS.items():
            low, high = 1, LIMIT
            while low < high:  # the longest chain that passes
                middle = (low + high + 1) // 2
                low, high = (middle, high) if depth(build(middle)) <= LIMIT else (low, middle - 1)
            assert check(build(low)).form in ("SELECT", "DESCRIBE") and low >= LIMIT // 5
            process = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE)
            assert process.stdin is not None
            process.stdin.write(build(low).encode())
            process.stdin.close()
            processes[name] = process
        deadline = time.monotonic() + 20
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        died = {
            name: p.returncode for name, p in processes.items() if p.returncode not in (0, -signal.SIGKILL)
        }
        assert died == {}

"""Where pyoxigraph crashes on a deep syntax tree, per way of building one (``python -m bench.syntax_depth``).

Each trial runs one query in a fresh subprocess, in a thread with the default stack as a query process's
slots have, over an in-memory store of one triple; a trial crashes when the subprocess dies of a signal.
A bisection finds, per family, the smallest repetition count that crashes (or reports none up to the cap).
What it prints backs the ``max_syntax_depth`` setting (docs/settings.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable

PROLOGUE = "BASE <http://x/>\nSELECT * WHERE { <s> <p> ?o "


def _where(body: str) -> str:
    return PROLOGUE + body + " }"


FAMILIES: dict[str, Callable[[int], str]] = {
    "not !": lambda n: _where("FILTER(" + "!" * n + "true)"),
    "a+b chain": lambda n: _where("FILTER(1" + "+1" * n + " > 0)"),
    "a-b chain": lambda n: _where("FILTER(1" + "-1" * n + " > 0)"),
    "a*b chain": lambda n: _where("FILTER(1" + "*1" * n + " > 0)"),
    "|| chain": lambda n: _where("FILTER(true" + "||true" * n + ")"),
    "&& chain": lambda n: _where("FILTER(true" + "&&true" * n + ")"),
    "path a/b": lambda n: PROLOGUE + ". <s> <p>" + "/<p>" * n + " ?x }",
    "path a|b": lambda n: PROLOGUE + ". <s> <p>" + "|<p>" * n + " ?x }",
    "path ^a/^b": lambda n: PROLOGUE + ". <s> ^<p>" + "/^<p>" * n + " ?x }",
    "UNION chain": lambda n: _where(". {<s> <p> ?o}" + " UNION {<s> <p> ?o}" * n),
    "group sequence": lambda n: _where(". " + "{<s> <p> ?o}" * n),
    "OPTIONAL chain": lambda n: _where("OPTIONAL {<s> <p> ?o}" * n),
    "MINUS chain": lambda n: _where("MINUS {<s> <p> <x>}" * n),
    "FILTER sequence": lambda n: _where("FILTER(true)" * n),
    "BIND sequence": lambda n: _where("".join(f"BIND(1 AS ?b{i})" for i in range(n))),
    "triples (chain)": lambda n: _where(". " + "".join(f"?v{i} <p> ?v{i + 1} . " for i in range(n))),
    "property list ;": lambda n: _where("; <p> ?o" * n),
    "object list ,": lambda n: _where("".join(f", ?o{i}" for i in range(n))),
    "IN list": lambda n: _where("FILTER(?o IN (1" + ",1" * n + "))"),
    "collection ( )": lambda n: _where(". <s> <p> (" + " 1" * n + ")"),
    "CONCAT args": lambda n: _where("FILTER(CONCAT(''" + ",''" * n + ") = '')"),
    "VALUES rows": lambda n: _where("VALUES ?o {" + " 1" * n + "}"),
    "HAVING conditions": lambda n: PROLOGUE.replace("*", "?o") + "} GROUP BY ?o HAVING" + " (true)" * n,
    "SELECT expressions": lambda n: "SELECT " + "".join(f"(1 AS ?v{i})" for i in range(n)) + " WHERE {}",
    "SELECT variables": lambda n: "SELECT " + "".join(f"?v{i} " for i in range(n)) + "WHERE {}",
    "DESCRIBE list": lambda n: "BASE <http://x/>\nDESCRIBE" + " <s>" * n,
    "ORDER BY list": lambda n: _where("") + " ORDER BY" + " ?o" * n,
    "GRAPH sequence": lambda n: _where(". " + "GRAPH ?g {}" * n),
    "LATERAL sequence": lambda n: _where(". " + "LATERAL {}" * n),
    "subquery sequence": lambda n: _where(". " + "{SELECT * {}}" * n),
    "FILTER NOT EXISTS sequence": lambda n: _where("FILTER NOT EXISTS {}" * n),
    "ORDER BY expressions": lambda n: _where("") + " ORDER BY" + " ASC(1)" * n,
    "GROUP BY expressions": lambda n: "SELECT (COUNT(*) AS ?c) WHERE {} GROUP BY" + " STR(1)" * n,
    "nested ( )": lambda n: _where("FILTER(" + "(" * n + "true" + ")" * n + ")"),
    "nested { }": lambda n: _where(". " + "{" * n + "<s> <p> ?o" + "}" * n),
    "nested [ ]": lambda n: _where(". <s> <p> " + "[<p> " * n + "1" + "]" * n),
}

TRIAL = """
import os, sys, threading, pyoxigraph
query = sys.stdin.read()
store = pyoxigraph.Store()
store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://x/s"), pyoxigraph.NamedNode("http://x/p"),
                          pyoxigraph.NamedNode("http://x/o")))
def run():
    try:
        result = store.query(query)
        if isinstance(result, pyoxigraph.QuerySolutions):
            for _ in result:
                pass
    except (ValueError, OSError) as exc:
        print(type(exc).__name__)
    except SyntaxError:
        os._exit(3)
thread = threading.Thread(target=run)
thread.start()
thread.join()
"""


def crashes(query: str, timeout: float) -> bool | None:
    """True when the query kills its process, None when it runs past ``timeout``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", TRIAL], input=query.encode(), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode == 3:
        raise ValueError(f"not a valid query: {query[:80]}")
    return done.returncode < 0


def threshold(build: Callable[[int], str], cap: int, timeout: float) -> tuple[int | None, int]:
    """The smallest count that crashes (None: none up to ``cap``) and the length of its query."""
    low, high = 0, 64
    while True:  # grow until a crash
        verdict = crashes(build(high), timeout)
        if verdict:
            break
        if high >= cap:
            return None, len(build(cap))
        low, high = high, min(cap, high * 2)
    while high - low > max(1, high // 100):  # then bisect to 1 %
        middle = (low + high) // 2
        if crashes(build(middle), timeout):
            high = middle
        else:
            low = middle
    return high, len(build(high))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap", type=int, default=200_000, help="largest repetition count tried")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a trial may run (no crash)")
    parser.add_argument("family", nargs="*", help="families to try (default: all)")
    args = parser.parse_args()
    print("| family | crashes from | query length there | s |\n|---|---|---|---|", flush=True)
    for name, build in FAMILIES.items():
        if args.family and name not in args.family:
            continue
        start = time.monotonic()
        crashes(build(3), args.timeout)  # a query that does not parse would pass for one that never crashes
        count, length = threshold(build, args.cap, args.timeout)
        found = f"{count:,}" if count is not None else f"none up to {args.cap:,}"
        print(f"| {name} | {found} | {length:,} | {time.monotonic() - start:.0f} |", flush=True)


if __name__ == "__main__":
    main()

"""Measuring tools for the benchmarks: timed child processes with their peak memory, servers on free ports,
the memory of a process tree, ``wrk`` runs, and the warm-up before memory is read."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    output: str


def timed(command: Sequence[str], **kwargs: object) -> Run:
    """Run ``command`` to the end; its wall time and the peak RSS of its largest process (wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kwargs)  # type: ignore[call-overload]
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} exited {process.returncode}:\n{output[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output)


def median_seconds(action: Callable[[], object], runs: int, give_up_s: float = 60.0) -> float:
    """Median wall time of ``runs`` calls; stops early once one call took longer than ``give_up_s``."""
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
        if times[-1] > give_up_s:
            break
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process in its own process group, ready once ``probe`` answers 200."""

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        probe: str,
        log: Path,
        startup_s: float = 900,
        env: dict[str, str] | None = None,
    ) -> None:
        self.name, self.probe = name, probe
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            command, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True, env=env
        )
        deadline = time.monotonic() + startup_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{name} exited {self.process.returncode}; see {log}")
            try:
                if requests.get(probe, timeout=60).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{name} did not answer {probe} within {startup_s} s; see {log}")

    def pids(self) -> list[int]:
        """The server's processes: itself and its descendants."""
        return _tree(self.process.pid)

    def pss_mb(self, only: str = "") -> float:
        """Proportional set size of the whole process tree (shared pages are counted once), or of those of its
        processes whose command line contains ``only``."""
        pids = [pid for pid in self.pids() if not only or only in _command(pid)]
        return pss_mb(pids)

    def settle(self, interval_s: float = 0.5, give_up_s: float = 300.0) -> float:
        """Wait until the server's processes use less than a tenth of a core: requests a load left running
        (a slow peer may still be evaluating them) must not take the CPU from the next server's load. The
        seconds waited."""
        return settle(self.pids, interval_s, give_up_s)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def settle(pids: Callable[[], list[int]], interval_s: float = 0.5, give_up_s: float = 300.0) -> float:
    """Wait until the processes ``pids()`` names use less than a tenth of a core; the seconds waited."""
    start = time.monotonic()
    before = _cpu_s(pids())
    while time.monotonic() - start < give_up_s:
        time.sleep(interval_s)
        after = _cpu_s(pids())
        if after - before < interval_s / 10:
            break
        before = after
    return time.monotonic() - start


def pss_mb(pids: Sequence[int]) -> float:
    """Proportional set size of the processes (shared pages counted once)."""
    return sum(map(_pss_kb, pids)) / 1024


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _cpu_s(pids: list[int]) -> float:
    """CPU seconds (user and system) the processes have used so far."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


@dataclass(frozen=True)
class Load:
    """One ``wrk`` run: throughput, latency percentiles, and the responses that were not 2xx/3xx."""

    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    single: bool = False
    """No request finished within the run: the figures come from one request timed alone."""


def median_load(loads: Sequence[Load]) -> Load:
    """The run of median throughput (the lower middle of an even count), carrying the errors of every run."""
    middle = sorted(loads, key=lambda load: load.requests_per_s)[(len(loads) - 1) // 2]
    return dataclasses.replace(middle, errors=sum(load.errors for load in loads))


DISTINCT = Path(__file__).resolve().parent / "distinct.lua"


def wrk(
    url: str, connections: int, seconds: int, accept: str, *, distinct: bool = True, min_requests: int = 50
) -> Load:
    """Load ``url`` for ``seconds``. With ``distinct`` each request appends a new comment line to the URL's
    last parameter (the query), so every request is a query text the server has not seen: no result cache
    answers it. Otherwise every request repeats the same text. A load that finishes fewer than
    ``min_requests`` is run again, long enough to finish about that many (at most a minute): with so few,
    the edges of the window decide the figure (8 requests every 2.4 s: 8 or 16 finish in 5 s)."""
    load = _wrk(url, connections, seconds, accept, distinct)
    finished = load.requests_per_s * seconds
    if load.single or finished >= min_requests:
        return load
    longer = _wrk(url, connections, min(60, math.ceil(seconds * min_requests / finished)), accept, distinct)
    return dataclasses.replace(longer, errors=longer.errors + load.errors)


def _wrk(url: str, connections: int, seconds: int, accept: str, distinct: bool) -> Load:
    script = ["-s", str(DISTINCT)] if distinct else []
    run = ["--", uuid.uuid4().hex[:12]] if distinct else []  # texts of earlier runs must not come back
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "60s", *script,
         "-H", f"Accept: {accept}", url, *run],
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    out = result.stdout
    if re.search(r"^\s+0 requests in", out, re.M):
        return _one_request(url + (f"%0A%23{uuid.uuid4().hex}" if distinct else ""), accept)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50, p99 = (_ms(re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1)) for p in ("50", "99"))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    failed = re.search(r"Socket errors:.*?timeout (\d+)", out)
    return Load(rps, p50, p99, (int(bad.group(1)) if bad else 0) + (int(failed.group(1)) if failed else 0))


def warm_up(url: str, accept: str, *, count: int = 64, concurrency: int = 16, give_up_s: float = 30.0) -> int:
    """Send ``url`` ``count`` times, ``concurrency`` at once, each time with a new text (as ``wrk`` does with
    ``distinct``), so every process of a server that answers queries has answered some before its memory is
    read. A fixed count, not a fixed time: a faster server must not keep more answers. A slow server gets no
    new request after ``give_up_s``. The number answered.

    :raises requests.HTTPError: for an answer that is not 2xx.
    """
    deadline = time.monotonic() + give_up_s

    def send(_: int) -> int:
        left = deadline - time.monotonic()
        if left <= 0:
            return 0
        try:
            new_text = f"{url}%0A%23{uuid.uuid4().hex}"
            response = requests.get(new_text, headers={"Accept": accept}, timeout=left)
        except requests.Timeout:
            return 0
        response.raise_for_status()
        return 1

    with ThreadPoolExecutor(concurrency) as pool:
        return sum(pool.map(send, range(count)))


def _one_request(url: str, accept: str) -> Load:
    start = time.perf_counter()
    ok = requests.get(url, headers={"Accept": accept}, timeout=600).ok
    ms = 1000 * (time.perf_counter() - start)
    return Load(1000 / ms, ms, ms, 0 if ok else 1, single=True)


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

#!/usr/bin/env bash
# A throwaway `oxigraph serve` (the oxigraph package of the dev dependencies: .venv/bin/oxigraph) for the
# remote-store tests and the benchmark.
#
#   .ci/oxigraph.sh start DIR   a new, empty store in DIR/store (made if missing; a store of an earlier run
#                               there is replaced) on 127.0.0.1 at a free port; prints the query endpoint
#                               URL (http://127.0.0.1:PORT/query) once the server answers there. When DIR's
#                               server is already up, prints its URL again.
#   .ci/oxigraph.sh stop DIR    stops DIR's server if it runs and deletes its store (the log stays).
#
# Besides the store, DIR gets: url (what start prints), pid, oxigraph.log. Only stdout carries the URL.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
oxigraph="$here/../.venv/bin/oxigraph"

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
mkdir -p "$2"
dir="$(cd "$2" && pwd)"

# The pid of DIR's running server, or nothing.
server_pid() {
  local pid
  pid=$(cat "$dir/pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/store"; then
    echo "$pid"
  fi
}

answers() {  # URL: the SPARQL endpoint answers a query
  curl -fsS -o /dev/null --max-time 5 --data-urlencode 'query=ASK {}' "$1" 2>/dev/null
}

stop() {
  local pid
  pid=$(server_pid)
  if [ -n "$pid" ]; then
    kill -TERM "$pid"
    for _ in $(seq 1 200); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "oxigraph.sh: the server (pid $pid) did not stop in 20 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir/store" "$dir/url" "$dir/pid"
}

start() {
  if [ -n "$(server_pid)" ] && [ -s "$dir/url" ] && answers "$(cat "$dir/url")"; then
    cat "$dir/url"
    return
  fi
  [ -x "$oxigraph" ] || { echo "oxigraph.sh: $oxigraph is missing (make install)" >&2; exit 1; }
  stop
  local attempt port url
  for attempt in 1 2 3; do  # a port taken between choosing it and the server's bind: try another
    port=$("$here/../.venv/bin/python" -c \
      'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    url="http://127.0.0.1:$port/query"
    # the server must not hold our stdout, or $(oxigraph.sh start DIR) would wait for it
    "$oxigraph" serve --location "$dir/store" --bind "127.0.0.1:$port" </dev/null >>"$dir/oxigraph.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 150); do
      answers "$url" && break
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
      sleep 0.2
    done
    if answers "$url"; then
      echo "$url" >"$dir/url"
      echo "$url"
      return
    fi
    echo "oxigraph.sh: the server did not come up (attempt $attempt); its log:" >&2
    tail -n 20 "$dir/oxigraph.log" >&2 || true
    stop
  done
  echo "oxigraph.sh: giving up" >&2
  exit 1
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac

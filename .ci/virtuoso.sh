#!/usr/bin/env bash
# A throwaway Virtuoso 7 (Debian's virtuoso-opensource-7-bin) for the remote-store tests.
#
#   .ci/virtuoso.sh start DIR   a new, empty database in DIR (made if missing; database files of an earlier
#                               run there are replaced) from .ci/virtuoso.ini, on 127.0.0.1 at two free
#                               ports (SQL, HTTP); prints the query endpoint URL (http://127.0.0.1:PORT/sparql)
#                               once the server answers there. When DIR's server is already up, prints its
#                               URL again.
#   .ci/virtuoso.sh stop DIR    stops DIR's server if it runs and deletes its database files (the log stays).
#
# Who may do what (graph-level security, checked by start before it prints the URL):
#   - anonymous (/sparql, Virtuoso's SPARQL user, "nobody" to its graph security): reads, never writes; it
#     is not granted SPARQL_UPDATE and may only read the graphs anyone may read
#   - the user "newskg" (digest, /sparql-auth; its password in DIR/netrc): SPARQL_UPDATE, reads and writes
#   - Virtuoso's own graphs (its RDF views' virtrdf#, ldp#, the endpoint's service description) are private:
#     nobody reads them through SPARQL, so they are not part of the union default graph that a query
#     without a dataset reads (kg.store.dialects says why newskg cannot leave them out itself)
#
# Installs the Debian package when virtuoso-t is missing (apt-get, as root). Besides the database, DIR gets:
#   url           the query endpoint URL (what start prints)
#   netrc         "machine 127.0.0.1 login newskg password ..." (mode 0600): a user for the digest-protected
#                 /sparql-auth and /sparql-graph-crud-auth, with SPARQL_UPDATE
#   dba.password  the database administrator's password for isql-vt (mode 0600; isql takes it on its
#                 command line, which is why the server listens on 127.0.0.1 only)
#   virtuoso.log  the server's log
# Only stdout carries the URL; everything else goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
template="$here/virtuoso.ini"

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
db_files=(virtuoso.db virtuoso.trx virtuoso.pxa virtuoso-temp.db virtuoso-temp.trx virtuoso.lck)

python() {
  if command -v python3 >/dev/null 2>&1; then python3 "$@"; else "$here/../.venv/bin/python" "$@"; fi
}

free_port() {
  python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The pid of DIR's running server, or nothing.
server_pid() {
  local pid
  pid=$(sed -n 's/^VIRT_PID=//p' "$dir/virtuoso.lck" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/virtuoso.ini"; then
    echo "$pid"
  fi
}

answers() {  # URL: the SPARQL endpoint answers a query
  curl -fsS -o /dev/null --max-time 5 --data-urlencode 'query=ASK {}' "$1" 2>/dev/null
}

isql() {  # SQL_PORT PASSWORD STATEMENTS: run them as dba, fail on any error
  local out
  out=$(isql-vt "127.0.0.1:$1" dba "$2" exec="$3" </dev/null 2>&1) || { echo "$out" >&2; return 1; }
  if grep -q '\*\*\* Error' <<<"$out"; then echo "$out" >&2; return 1; fi
}

# Virtuoso's own graphs in a new database (kg.store.dialects.VIRTUOSO.own_graphs)
own_graphs=(http://www.openlinksw.com/schemas/virtrdf# http://www.w3.org/ns/ldp# http://localuriqaserver/sparql)

update() {  # URL UPDATE [CURL OPTIONS...]: the HTTP status of the update
  local url=$1 text=$2
  shift 2
  curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/sparql-update' \
    --data-binary "$text" "$@" "$url"
}

check_permissions() {  # URL: the permissions are in force, or fail
  local url=$1 auth_url=${1%/sparql}/sparql-auth status visible
  local probe='INSERT DATA { GRAPH <urn:newskg:ci:probe> { <urn:a> <urn:b> 1 } }'
  local as_newskg=(--digest --netrc-file "$dir/netrc")
  status=$(update "$url" "$probe")
  if [ "$status" -lt 400 ]; then
    echo "virtuoso.sh: the anonymous endpoint took an update ($status)" >&2
    return 1
  fi
  status=$(update "$auth_url" "$probe" "${as_newskg[@]}")
  if [ "$status" -ge 300 ]; then
    echo "virtuoso.sh: the user newskg cannot update ($status)" >&2
    return 1
  fi
  update "$auth_url" 'DROP SILENT GRAPH <urn:newskg:ci:probe>' "${as_newskg[@]}" >/dev/null
  visible=$(curl -fsS --max-time 10 -H 'Accept: text/csv' \
    --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' "$url" | tail -n 1)
  if [ "$visible" != 0 ]; then
    echo "virtuoso.sh: the union default graph of a new database is not empty ($visible triples)" >&2
    return 1
  fi
}

random_password() {
  python -c 'import secrets; print(secrets.token_hex(16))'
}

stop() {
  local pid
  pid=$(server_pid)
  if [ -n "$pid" ]; then
    kill -TERM "$pid"
    for _ in $(seq 1 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso.sh: the server (pid $pid) did not stop in 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  (cd "$dir" && rm -f "${db_files[@]}" url netrc dba.password)
}

start() {
  if [ -n "$(server_pid)" ] && [ -s "$dir/url" ] && answers "$(cat "$dir/url")"; then
    cat "$dir/url"
    return
  fi
  if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
    echo "virtuoso.sh: installing virtuoso-opensource-7-bin" >&2
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends virtuoso-opensource-7-bin >&2
  fi
  stop  # a server of an earlier run in DIR, and its files
  local attempt sql_port http_port url pid
  for attempt in 1 2 3; do  # a port taken between free_port and the server's bind: try others
    sql_port=$(free_port)
    http_port=$(free_port)
    sed -e "s|@DIR@|$dir|g" -e "s|@SQL_PORT@|$sql_port|g" -e "s|@HTTP_PORT@|$http_port|g" \
      "$template" >"$dir/virtuoso.ini"
    # +wait: return once the server is online (a new database takes a few seconds to make); the daemon
    # must not hold our stdout, or $(virtuoso.sh start DIR) would wait for it
    if (cd "$dir" && virtuoso-t +configfile "$dir/virtuoso.ini" +wait) </dev/null >>"$dir/virtuoso.out" 2>&1; then
      url="http://127.0.0.1:$http_port/sparql"
      for _ in $(seq 1 150); do
        answers "$url" && break
        sleep 0.2
      done
      if answers "$url"; then
        break
      fi
    fi
    echo "virtuoso.sh: the server did not come up (attempt $attempt); its log:" >&2
    tail -n 20 "$dir/virtuoso.log" >&2 || true
    stop
    url=
  done
  [ -n "$url" ] || { echo "virtuoso.sh: giving up" >&2; exit 1; }

  # dba/dba is how a new database starts: replace it before anything else
  local dba_password user_password
  dba_password=$(random_password)
  user_password=$(random_password)
  (umask 077 && echo "$dba_password" >"$dir/dba.password" \
    && echo "machine 127.0.0.1 login newskg password $user_password" >"$dir/netrc")
  isql "$sql_port" dba "USER_CHANGE_PASSWORD('dba', 'dba', '$dba_password');"
  # permissions (RDF_DEFAULT_USER_PERMS_SET(user, bits, private?)): 1 read, 2 write, 4 sponge, 8 list
  local private=http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs own
  local statements="DB.DBA.USER_CREATE('newskg', '$user_password');
GRANT SPARQL_UPDATE TO \"newskg\";
DB.DBA.RDF_GRAPH_GROUP_CREATE('$private', 1);"
  for own in "${own_graphs[@]}"; do
    statements+="
DB.DBA.RDF_GRAPH_GROUP_INS('$private', '$own');"
  done
  statements+="
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 1, 0);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0, 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('newskg', 3, 0);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('newskg', 0, 1);"
  isql "$sql_port" "$dba_password" "$statements"
  check_permissions "$url"
  echo "$url" >"$dir/url"
  echo "$url"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the server-mode tests and benchmarks, on a private
# port and a temporary data folder, and prints its URL. Usage:
#   eval "$(bash scripts/pg-test-server.sh start)"   # exports ARMSBRIEF_TEST_PG_URL and PG_TEST_DIR
#   bash scripts/pg-test-server.sh stop "$PG_TEST_DIR"
set -euo pipefail
cmd=${1:-start}
port=${PG_TEST_PORT:-}
if [ -z "$port" ]; then
  # First free port from 55432 on, so a server left running elsewhere does not block the tests.
  for p in $(seq 55432 55531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
fi

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n1 || true)
  [ -n "$found" ] && echo "$found"
}

run_as_pg() {
  # PostgreSQL refuses to run as root: use the postgres system user when we are root.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

case "$cmd" in
  start)
    initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    if [ -z "$initdb" ] || [ -z "$pg_ctl" ]; then echo "PostgreSQL server binaries (initdb, pg_ctl) not found" >&2; exit 1; fi
    dir=$(mktemp -d /tmp/armsbrief-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run_as_pg "'$initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Tuned for a disposable test server: durability is not needed, speed is.
    run_as_pg "'$pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB\" start >/dev/null" \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PG_TEST_DIR='$dir'"
    echo "export ARMSBRIEF_TEST_PG_URL='postgres://postgres@127.0.0.1:$port/postgres'"
    ;;
  stop)
    dir=${2:?data folder}
    pg_ctl=$(find_bin pg_ctl)
    run_as_pg "'$pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

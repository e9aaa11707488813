#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the store tests, from the Debian package.
#   scripts/postgres.sh start <dir>   starts it on a free loopback port, prints the connection string
#   scripts/postgres.sh stop <dir>    stops it and deletes <dir>
#   scripts/postgres.sh pause <dir>   stops it at once, as a crash would, keeping its data
#   scripts/postgres.sh resume <dir>  starts it again on the same port
# initdb refuses to run as root, so the server runs as the `postgres` user.
set -euo pipefail
# runuser lives in /usr/sbin, which root's PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"

PG_BIN=/usr/lib/postgresql/15/bin
action="${1:?usage: postgres.sh start|stop|pause|resume <dir>}"
dir="${2:?usage: postgres.sh start|stop|pause|resume <dir>}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
  start)
    if [ ! -x "$PG_BIN/initdb" ]; then
      echo "PostgreSQL 15 is not installed: apt-get install -y postgresql-15" >&2
      exit 1
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(free_port)"
    echo "$port" >"$dir/port"
    start_server "$port"
    echo "postgresql://postgres@127.0.0.1:$port"
    ;;
  pause)
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
    ;;
  resume)
    start_server "$(cat "$dir/port")"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start|stop|pause|resume <dir>" >&2
    exit 2
    ;;
esac

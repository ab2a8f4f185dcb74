#!/usr/bin/env bash
# A PostgreSQL 15 cluster of the test run's own: `start DIR` makes one in DIR (initdb) and starts
# it listening on a Unix socket in DIR only (no TCP); `stop DIR` stops it and removes DIR;
# `restart DIR` stops and starts it, `pause DIR` stops it and `resume DIR` starts it again. The
# team tests connect with host=DIR and user postgres (trust: the socket is only reachable through
# DIR). initdb refuses to run as root, and CI runs as root: then the server runs as the postgres
# system user (created by the postgresql-15 package) in a directory it owns.
# CTest runs start as a fixture setup and stop as its cleanup, which runs even when tests fail.
set -euo pipefail

action=${1:?usage: pgcluster.sh start|stop|restart|pause|resume DIR}
dir=${2:?usage: pgcluster.sh start|stop|restart|pause|resume DIR}
bin=${ANNOREV_PG_BINDIR:-/usr/lib/postgresql/15/bin}

as_owner=()
if [[ $(id -u) -eq 0 ]]; then
    as_owner=(runuser -u postgres --)
fi

case $action in
start)
    if [[ ! -x $bin/initdb ]]; then
        echo "pgcluster: $bin/initdb not found: install postgresql-15 (packaging/install-build-deps.sh)" >&2
        exit 1
    fi
    if [[ -f $dir/data/postmaster.pid ]]; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if ((${#as_owner[@]})); then
        chown postgres: "$dir"
    fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # listen_addresses='' : no TCP at all; the socket lives in DIR. fsync off: a test cluster
    # that is thrown away needs no durability against power loss, and it spares the disk.
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "pgcluster: started in $dir"
    ;;
stop)
    if [[ -f $dir/data/postmaster.pid ]]; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    echo "pgcluster: stopped and removed $dir"
    ;;
restart | resume)
    # The server goes away and comes back, as in a restart during a stream of writes (or comes
    # back after a pause: a window out of touch with it meanwhile).
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 "${action/resume/start}" \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60" >/dev/null
    ;;
pause)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
*)
    echo "usage: pgcluster.sh start|stop|restart|pause|resume DIR" >&2
    exit 2
    ;;
esac

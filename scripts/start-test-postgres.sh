#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the OpenRIS test suite.
#
# Usage:
#   eval "$(scripts/start-test-postgres.sh)"        # start; prints `export ...` lines
#   scripts/start-test-postgres.sh --stop <dir>     # stop the cluster and delete <dir>
#   scripts/start-test-postgres.sh --install        # only make sure PostgreSQL is installed
#
# Starting creates a fresh data directory (mktemp -d) owned by the `postgres`
# system user when run as root (initdb refuses to run as root), trusts local
# connections only, listens only on 127.0.0.1 on the first free port from
# ${OPENRIS_TEST_PG_PORT_START:-55432} upward, keeps its unix socket inside the
# data directory and trades durability for speed (fsync, full_page_writes and
# synchronous_commit off). stdout carries only the export lines:
#   OPENRIS_TEST_POSTGRES  Npgsql connection string (superuser postgres)
#   OPENRIS_TEST_PGDATA    the data directory; pass it to --stop
#   OPENRIS_TEST_PGPORT    the TCP port
# Progress and errors go to stderr.
#
# If no initdb is found under /usr/lib/postgresql/*/bin, PostgreSQL is
# installed with `apt-get update && apt-get install -y postgresql` (via sudo
# when not root). OPENRIS_TEST_PG_BIN=<dir> overrides the binaries used.
set -euo pipefail

MARKER=.openris-test-cluster

log() { printf 'start-test-postgres: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Newest /usr/lib/postgresql/<version>/bin holding an executable initdb.
# /usr/local/bin/{initdb,pg_ctl} and $PATH are deliberately not used.
find_pg_bin() {
    if [ -n "${OPENRIS_TEST_PG_BIN:-}" ]; then
        [ -x "$OPENRIS_TEST_PG_BIN/initdb" ] || die "OPENRIS_TEST_PG_BIN=$OPENRIS_TEST_PG_BIN has no executable initdb"
        printf '%s\n' "$OPENRIS_TEST_PG_BIN"
        return 0
    fi
    local d best=""
    # shellcheck disable=SC2012 # version directory names are plain numbers
    for d in $(ls -1d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
            best=$d
        fi
    done
    [ -n "$best" ] || return 1
    printf '%s\n' "$best"
}

install_postgres() {
    local -a sudo_cmd=()
    if ! is_root; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo_cmd=(sudo -n)
        else
            die "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin) and this script
can neither install it as root nor via passwordless sudo. Install it with:
    sudo apt-get update && sudo apt-get install -y postgresql
or point OPENRIS_TEST_PG_BIN at a directory holding initdb, pg_ctl and postgres."
        fi
    fi
    command -v apt-get >/dev/null 2>&1 \
        || die "PostgreSQL is not installed and apt-get is not available; install PostgreSQL (initdb, pg_ctl) manually."
    log "PostgreSQL not found; installing it with apt-get (this takes a minute)..."
    # Installing on Debian may also start the packaged 'main' cluster on 5432; it does not matter here.
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2 \
        || die "apt-get update failed"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 \
        || die "apt-get install -y postgresql failed"
}

ensure_pg_bin() {
    local bin
    if ! bin=$(find_pg_bin); then
        install_postgres
        bin=$(find_pg_bin) || die "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql/*/bin"
    fi
    printf '%s\n' "$bin"
}

# Run a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if is_root; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            local q
            q=$(printf '%q ' "$@")
            (cd / && su postgres -s /bin/sh -c "$q")
        fi
    else
        "$@"
    fi
}

port_in_use() {
    # Something accepting connections on 127.0.0.1:$1?
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
    local dir=${1:-}
    [ -n "$dir" ] || die "usage: $0 --stop <dir>"
    if [ ! -e "$dir" ]; then
        log "$dir does not exist; nothing to stop"
        return 0
    fi
    dir=$(cd "$dir" && pwd -P)
    [ -f "$dir/$MARKER" ] || die "$dir is not a cluster created by this script (no $MARKER); refusing to delete it"
    local bin
    bin=$(sed -n 's/^pg_bin=//p' "$dir/$MARKER")
    [ -x "$bin/pg_ctl" ] || bin=$(find_pg_bin) || bin=""
    if [ -f "$dir/postmaster.pid" ]; then
        local pid
        pid=$(head -n 1 "$dir/postmaster.pid" 2>/dev/null || true)
        if [ -n "$bin" ]; then
            as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 30 stop >/dev/null 2>&1 \
                || as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w -t 30 stop >/dev/null 2>&1 \
                || true
        fi
        # Last resort: the postmaster from the pid file, if it is still ours and alive.
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
            && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" = "$dir" ]; then
            kill -QUIT "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf -- "$dir"
    log "stopped and removed $dir"
}

start_cluster() {
    local bin
    bin=$(ensure_pg_bin)
    local version
    version=$("$bin/postgres" --version 2>/dev/null || echo "PostgreSQL (unknown version)")

    local tmp_parent=${TMPDIR:-/tmp}
    if is_root; then
        id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' system user to own the cluster"
        # The postgres user must be able to reach the directory; $TMPDIR might be private to root.
        if ! as_owner test -x "$tmp_parent" 2>/dev/null || ! as_owner test -w "$tmp_parent" 2>/dev/null; then
            tmp_parent=/tmp
        fi
    fi
    local dir
    dir=$(mktemp -d "$tmp_parent/openris-pg.XXXXXX") || die "mktemp -d failed in $tmp_parent"
    dir=$(cd "$dir" && pwd -P)
    # From here on remove the directory if anything fails.
    trap 'if [ $? -ne 0 ]; then discard_failed_start "$bin" "$dir"; fi' EXIT
    if is_root; then
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"

    log "initdb ($version) in $dir"
    local out
    if ! out=$(as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
            --no-sync 2>&1); then
        # No C.UTF-8 locale? Fall back to the plain C locale.
        find "$dir" -mindepth 1 -delete
        out=$(as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --no-locale \
            --no-sync 2>&1) || { printf '%s\n' "$out" >&2; die "initdb failed"; }
    fi
    printf 'pg_bin=%s\n' "$bin" | as_owner tee "$dir/$MARKER" >/dev/null

    # Trust only local connections: the unix socket and 127.0.0.1.
    as_owner tee "$dir/pg_hba.conf" >/dev/null <<'EOF'
# OpenRIS throwaway test cluster: trust local connections only.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
# Streaming replicas started by tests (Data/ReadReplicaTests.cs).
local   replication   all                  trust
host    replication   all   127.0.0.1/32   trust
EOF

    local port=${OPENRIS_TEST_PG_PORT_START:-55432}
    local last=$((port + 200))
    while :; do
        while [ "$port" -le "$last" ] && port_in_use "$port"; do port=$((port + 1)); done
        [ "$port" -le "$last" ] || die "no free port in ${OPENRIS_TEST_PG_PORT_START:-55432}..$last"
        as_owner tee "$dir/postgresql.auto.conf" >/dev/null <<EOF
# Written by scripts/start-test-postgres.sh: a disposable cluster for tests.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
full_page_writes = off
synchronous_commit = off
EOF
        rm -f "$dir/server.log"
        if as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
            break
        fi
        if grep -qi 'address already in use' "$dir/server.log" 2>/dev/null; then
            log "port $port was taken meanwhile; trying the next one"
            port=$((port + 1))
            continue
        fi
        tail -n 30 "$dir/server.log" >&2 2>/dev/null || true
        die "pg_ctl start failed (log above, from $dir/server.log)"
    done

    # Double-check over TCP, the way the tests connect.
    local ok=""
    for _ in $(seq 1 100); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres 2>/dev/null; then ok=1; break; fi
        sleep 0.1
    done
    [ -n "$ok" ] || { tail -n 30 "$dir/server.log" >&2 || true; die "server started but 127.0.0.1:$port does not answer"; }
    trap - EXIT

    log "PostgreSQL listening on 127.0.0.1:$port (data and socket in $dir)"
    log "stop it with: $0 --stop $dir"
    local cs="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Include Error Detail=true"
    printf 'export OPENRIS_TEST_POSTGRES=%q\n' "$cs"
    printf 'export OPENRIS_TEST_PGDATA=%q\n' "$dir"
    printf 'export OPENRIS_TEST_PGPORT=%q\n' "$port"
}

# Clean up after a start that failed half-way (the marker may not exist yet).
discard_failed_start() {
    local bin=$1 dir=$2
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    if [ -f "$dir/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf -- "$dir"
}

case "${1:-}" in
    "" | --start)
        start_cluster
        ;;
    --stop)
        stop_cluster "${2:-}"
        ;;
    --install)
        bin=$(ensure_pg_bin)
        log "using PostgreSQL binaries in $bin"
        ;;
    -h | --help)
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
        ;;
    *)
        die "unknown argument '$1' (see --help)"
        ;;
esac

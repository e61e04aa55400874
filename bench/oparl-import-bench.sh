#!/usr/bin/env bash
# OParl import throughput (issue 7): objects per second that `openris import oparl` writes,
# read from a local OParl server, without file downloads.
#
#   bench/oparl-import-bench.sh [--papers 2000] [--seed 1] [--with-files] [--no-build] [--into-demo]
#
# 1. builds OpenRIS (Release) and copies it to bench/.data/import-app/ (--no-build: uses the copy there);
# 2. generates a municipality of N papers once (`openris generate`) into
#    bench/.data/import-src-N-sS/ (reused afterwards; delete it to start over) and serves it with
#    OpenRIS itself on 127.0.0.1:$BENCH_PORT (default 5090; a local OParl 1.1 server; the demo is left out);
# 3. imports it into a new, empty SQLite database (bench/.data/import-run/) with --no-files
#    (unless --with-files) and times the full run; then runs the import again (nothing changed:
#    the incremental run) and times that;
# 4. prints the importer's own report (objects per type, defects, objects/s) and writes the
#    figures to bench/.data/import-run/result.txt.
#
# The objects/s figure counts every object the importer read and wrote (bodies, terms,
# locations, organizations, persons, memberships, meetings, agenda items, papers,
# consultations, file metadata), embedded ones included, over the whole run including the HTTP
# fetches from the local server. Loopback only; the server is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
PAPERS=2000
SEED=1
FILES=--no-files
NO_BUILD=""
# --into-demo: the target holds the demo first, so the importer runs as for any other vendor (its own
# ids and times, parent bumps) instead of moving an OpenRIS instance into an empty one (source ids and times kept).
TARGET_SEED=false
PORT=${BENCH_PORT:-5090}
BASE=http://127.0.0.1:$PORT

while [ $# -gt 0 ]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --with-files) FILES=""; shift ;;
    --no-build) NO_BUILD=1; shift ;;
    --into-demo) TARGET_SEED=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "oparl-import-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

SRC=$DATA/import-src-$PAPERS-s$SEED
RUN=$DATA/import-run
APP=$DATA/import-app
SERVER_PID=""

say() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "oparl-import-bench.sh: $*" >&2; exit 1; }
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$ROOT"
mkdir -p "$DATA"
if [ -z "$NO_BUILD" ] || [ ! -f "$APP/openris.dll" ]; then
  say "Release build"
  dotnet build -c Release -nologo -v q src/OpenRis.Web/OpenRis.Web.csproj
  rm -rf "$APP"
  cp -r src/OpenRis.Web/bin/Release/net10.0 "$APP"
fi
export Demo__Seed=false
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -f "$SRC/complete" ]; then
  say "Generating $PAPERS papers (seed $SEED) into $SRC"
  rm -rf "$SRC"; mkdir -p "$SRC"
  ConnectionStrings__OpenRis="Data Source=$SRC/openris.db" Files__Root=$SRC/files OParl__BaseUrl=$BASE \
    dotnet "$APP/openris.dll" generate --papers "$PAPERS" --seed "$SEED" | tee "$SRC/generate.log"
  touch "$SRC/complete"
fi

say "Serving $SRC on $BASE"
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "127.0.0.1:$PORT is in use"
ConnectionStrings__OpenRis="Data Source=$SRC/openris.db" Files__Root=$SRC/files OParl__BaseUrl=$BASE \
  dotnet "$APP/openris.dll" --urls "$BASE" >"$DATA/import-server.log" 2>&1 &
SERVER_PID=$!
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$DATA/import-server.log"; die "the source server exited"; }
  sleep 0.5
done

rm -rf "$RUN"; mkdir -p "$RUN"
{
  echo "date:      $(date -Iseconds)"
  echo "commit:    $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "machine:   $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "cpu:       $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
  echo "source:    $PAPERS generated papers, served by OpenRIS on $BASE"
  echo "command:   openris import oparl $BASE/oparl/v1.1/system $FILES ($([ "$TARGET_SEED" = true ] && echo 'SQLite target holding the demo' || echo 'empty SQLite target'))"
} | tee "$RUN/result.txt"

# CPU seconds (user + system) a process has used so far; the machine is shared, so wall clock alone says little.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

import() { # import NAME: one run into $RUN, its output in $RUN/NAME.txt
  local start end server_before server_after
  server_before=$(cpu_seconds "$SERVER_PID")
  start=$(date +%s.%N)
  Demo__Seed=$TARGET_SEED ConnectionStrings__OpenRis="Data Source=$RUN/openris.db" Files__Root=$RUN/files OParl__BaseUrl=http://mirror.localhost \
    /usr/bin/time -f '%U %S' -o "$RUN/$1.cpu" \
    dotnet "$APP/openris.dll" import oparl "$BASE/oparl/v1.1/system" $FILES >"$RUN/$1.txt" 2>&1 || { tail -30 "$RUN/$1.txt"; die "import $1 failed"; }
  end=$(date +%s.%N)
  server_after=$(cpu_seconds "$SERVER_PID")
  tail -25 "$RUN/$1.txt"
  echo "$1: $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s wall clock including process start and migrations; importer: $(grep -o '[0-9]* Objekte, [0-9]* Seiten.*' "$RUN/$1.txt")" | tee -a "$RUN/result.txt"
  echo "$1: CPU seconds: importer $(awk '{ printf "%.1f", $1 + $2 }' "$RUN/$1.cpu") (process start and migrations included), source server $(awk -v a="$server_before" -v b="$server_after" 'BEGIN { printf "%.1f", b - a }'); load average $(cut -d' ' -f1-3 /proc/loadavg) (at end)" | tee -a "$RUN/result.txt"
  grep '^Zeiten:' "$RUN/$1.txt" | sed "s/^/$1: /" | tee -a "$RUN/result.txt" || true
}

say "Full import into $([ "$TARGET_SEED" = true ] && echo "a database holding the demo" || echo "an empty database")"
import first
say "Second run (incremental, nothing changed)"
import second

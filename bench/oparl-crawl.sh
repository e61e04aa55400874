#!/usr/bin/env bash
# OParl API throughput benchmark (issue 4), end to end:
#
#   bench/oparl-crawl.sh [--papers 100000] [--seed 1] [--clients 16] [--min-seconds 10]
#                        [--limit100 sample|all] [--no-nginx]
#
# 1. builds OpenRIS and bench/OParlCrawl (Release) and copies both to bench/.data/, so a rebuild
#    in the work tree cannot pull files from under the running server;
# 2. generates the municipality once (`openris generate --papers N --seed S`) into
#    bench/.data/muni-N-sS/ and reuses it afterwards (delete the folder to start over); a freshly
#    generated database gets one untimed server start so that its OParl documents are built, and
#    every database gets its search index built once (`openris search rebuild`), so that the server
#    does not index in the background while it is measured;
# 3. starts OpenRIS on 127.0.0.1:5080 and measures, with one OParlCrawl process per step:
#    a first crawl at limit=1000 that saves every page (cold), the sequential crawl at limit=1000
#    (warm, the figure), a revalidation crawl with If-None-Match, a saving pass at limit=100 by one
#    client (also the warm-up for the next step) and 16 concurrent clients at limit=100 fetching the
#    same pages; server peak memory (VmHWM) and CPU time come from /proc/<pid>.
#    The limit=100 pages: with --limit100 all (the full crawl), every page a limit=100 crawler
#    visits; with --limit100 sample (the default) one page in ten of those, evenly spread through
#    every list: the page after each limit=1000 cursor (`?after=X`, exactly the URL a limit=100
#    crawler follows there), so the first pass need not crawl everything twice;
# 4. stops OpenRIS, installs Debian's nginx if missing, serves the saved pages (same bytes, same
#    URLs) on 127.0.0.1:5081 and runs the same crawls against it;
# 5. prints both side by side with the ratios, and writes them to bench/.data/run/result.txt.
#
# Loopback only, bounded traffic (every page a fixed number of times). Both servers are stopped on
# exit. Environment: OPENRIS_TEXTS=DIR passes --texts to the generator; BENCH_DATA=DIR moves
# bench/.data elsewhere; BENCH_PORT (5080) is OpenRIS's port, BENCH_NGINX_PORT (BENCH_PORT + 1)
# nginx's; BENCH_OPARL_BASE_URL (default http://127.0.0.1:BENCH_PORT) is the OParl base URL the
# server runs with: set it to the one the stored documents were rendered for (a generated
# municipality keeps that of its first start; another one re-renders every document at start,
# half an hour at 100,000 papers). The crawls use the URLs of that base URL (so also its Host
# header) and connect to the port of the server they measure (OParlCrawl --connect). BENCH_APP=DIR
# serves that build instead of building this tree.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
PAPERS=100000
SEED=1
CLIENTS=16
MIN_SECONDS=10
LIMIT100=sample
NGINX=1
PORT=${BENCH_PORT:-5080}
NGINX_PORT=${BENCH_NGINX_PORT:-$((PORT + 1))}
BASE=http://127.0.0.1:$PORT
NGINX_BASE=http://127.0.0.1:$NGINX_PORT
OPARL=${BENCH_OPARL_BASE_URL:-$BASE}
OPARL=${OPARL%/}

while [ $# -gt 0 ]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --min-seconds) MIN_SECONDS=$2; shift 2 ;;
    --limit100) LIMIT100=$2; shift 2 ;;
    --no-nginx) NGINX=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "oparl-crawl.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$LIMIT100" in sample|all) ;; *) echo "oparl-crawl.sh: --limit100 is sample or all" >&2; exit 2 ;; esac

MUNI=$DATA/muni-$PAPERS-s$SEED
RUN=$DATA/run
APP=$DATA/app
CRAWLER=$DATA/crawler
OPENRIS_PID=""
NGINX_PID=""

say() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "oparl-crawl.sh: $*" >&2; exit 1; }

stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$OPENRIS_PID"
  stop_pid "$NGINX_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# CPU seconds (user+system) of a process and its threads; of several processes with several pids.
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the command name.
    total=$(( total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}') ))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

# value KEY FILE: the KEY=value of the RESULT line in FILE.
value() { grep '^RESULT ' "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }

# curl against OParl URLs (base URL $OPARL) on OpenRIS's or nginx's port.
ocurl() { curl --connect-to "::127.0.0.1:$PORT" "$@"; }
ncurl() { curl --connect-to "::127.0.0.1:$NGINX_PORT" "$@"; }

crawl() { # crawl NAME ARGS… : one OParlCrawl run, output in $RUN/NAME.txt, the summary shown
  local name=$1; shift
  local out=$RUN/$name.txt
  local rc=0
  dotnet "$CRAWLER/OParlCrawl.dll" "$@" --label "$name" >"$out" 2>&1 || rc=$?
  sed 's/^/   /' "$out" | grep -v '^   RESULT' || true
  if [ $rc -ne 0 ] || ! grep -q '^RESULT ' "$out"; then die "crawl $name failed (exit $rc), see $out"; fi
}

# ------------------------------------------------------------------ build
cd "$ROOT"
# BENCH_APP=DIR measures a build made before (e.g. the commit to compare against) instead of this tree.
if [ -z "${BENCH_APP:-}" ]; then
  say "Release build"
  dotnet build -c Release -nologo -v q src/OpenRis.Web/OpenRis.Web.csproj
fi
dotnet build -c Release -nologo -v q bench/OParlCrawl/OParlCrawl.csproj
mkdir -p "$DATA"
rm -rf "$APP" "$CRAWLER"
cp -r "${BENCH_APP:-src/OpenRis.Web/bin/Release/net10.0}" "$APP"
cp -r bench/OParlCrawl/bin/Release/net10.0 "$CRAWLER"

export ConnectionStrings__OpenRis="Data Source=$MUNI/openris.db"
export Files__Root=$MUNI/files
export OParl__BaseUrl=$OPARL
export Demo__Seed=false
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1

port_free $PORT || die "127.0.0.1:$PORT is in use; stop whatever listens there first."
if [ $NGINX = 1 ]; then port_free $NGINX_PORT || die "127.0.0.1:$NGINX_PORT is in use."; fi

start_openris() { # start_openris LOG: starts the server, waits for /readyz, sets OPENRIS_PID and READY_SECONDS
  local log=$1 start
  start=$(date +%s.%N)
  # The start steps (migrations, OParl documents, statistics) with their times go to the log.
  env Logging__LogLevel__OpenRis.Startup=Information dotnet "$APP/openris.dll" --urls "$BASE" >"$log" 2>&1 &
  OPENRIS_PID=$!
  until curl -sf -o /dev/null "$BASE/readyz"; do
    kill -0 "$OPENRIS_PID" 2>/dev/null || { tail -30 "$log" >&2; die "OpenRIS exited during startup, see $log"; }
    sleep 0.5
  done
  READY_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
}

# ------------------------------------------------------------------ data
if [ ! -f "$MUNI/complete" ]; then
  say "Generating $PAPERS papers (seed $SEED) into $MUNI"
  rm -rf "$MUNI"
  mkdir -p "$MUNI"
  texts=()
  if [ -n "${OPENRIS_TEXTS:-}" ]; then texts=(--texts "$OPENRIS_TEXTS"); fi
  start=$(date +%s)
  if ! (cd "$ROOT" && dotnet "$APP/openris.dll" generate --papers "$PAPERS" --seed "$SEED" "${texts[@]}") 2>&1 | tee "$MUNI/generate.log"; then
    die "openris generate failed, see $MUNI/generate.log"
  fi
  echo "generate: $(( $(date +%s) - start )) s" | tee -a "$MUNI/generate.log"
  say "First start: building the OParl documents"
  start_openris "$MUNI/first-start.log"
  echo "first start (EnsureCurrentAsync): ready after $READY_SECONDS s, peak RSS $(( $(status_kb "$OPENRIS_PID" VmHWM) / 1024 )) MB" | tee -a "$MUNI/generate.log"
  stop_pid "$OPENRIS_PID"; OPENRIS_PID=""
  touch "$MUNI/complete"
fi
# Without a built search index every server start rebuilds it in the background (it starts from
# scratch each time, because the process is stopped before it finishes), and the crawl would measure
# Lucene indexing besides OParl serving. A node in production has its index; so does the benchmark.
if [ ! -f "$MUNI/search-built" ] && ! ls "$MUNI/search/"segments* >/dev/null 2>&1; then
  say "Building the search index once (openris search rebuild)"
  start=$(date +%s)
  (cd "$ROOT" && dotnet "$APP/openris.dll" search rebuild) 2>&1 | tail -3 | tee -a "$MUNI/generate.log"
  echo "search rebuild: $(( $(date +%s) - start )) s" | tee -a "$MUNI/generate.log"
  touch "$MUNI/search-built"
fi

rm -rf "$RUN"
mkdir -p "$RUN"
{
  echo "date:      $(date -Iseconds)"
  echo "commit:    $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  # shellcheck source=/dev/null
  echo "machine:   $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r)"
  echo "cpu:       $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo ".NET SDK:  $(dotnet --version)"
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
  echo "database:  $MUNI/openris.db, $(du -m "$MUNI/openris.db" | cut -f1) MB; files $(du -sm "$MUNI/files" 2>/dev/null | cut -f1) MB"
} | tee "$RUN/machine.txt"

# ------------------------------------------------------------------ OpenRIS
say "Starting OpenRIS on $BASE"
start_openris "$RUN/openris.log"
echo "ready after $READY_SECONDS s (pid $OPENRIS_PID)"
if command -v python3 >/dev/null; then
  python3 - "$MUNI/openris.db" <<'EOF' | tee "$RUN/objects.txt"
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("select Type, count(*), sum(length(CAST(Json AS BLOB))) from OParlDocuments where Visible and not Deleted group by Type order by 2 desc").fetchall()
print("OParl documents (visible): " + ", ".join(f"{t} {n:,}" for t, n, _ in rows))
print(f"  total {sum(r[1] for r in rows):,} objects, {sum(r[2] or 0 for r in rows) / 1e6:,.0f} MB of JSON")
EOF
fi || true
bodies=$(ocurl -sf "$OPARL/oparl/v1.1/body" | grep -o '"id":"[^"]*/oparl/v1.1/body/[0-9]*"' | sed 's/.*\/body\///; s/"$//' | tr '\n' ' ')
[ -n "$bodies" ] || die "the body list is empty"
for b in $bodies; do
  ocurl -sf "$OPARL/oparl/v1.1/body/$b/paper?limit=1" | grep -q '"totalElements":[1-9]' || echo "warning: body $b has no papers"
done

say "Probe: one page, five times each (curl: time to first byte / total, seconds)"
probe() { # probe PORT URL
  local port=$1 url=$2
  for _ in 1 2 3 4 5; do curl --connect-to "::127.0.0.1:$port" -s -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$url"; done \
    | sort -n | sed -n 3p | awk -v u="$url" '{ printf "   median ttfb %.1f ms, total %.1f ms, %d bytes  %s\n", $1 * 1000, $2 * 1000, $3, u }'
}
first_body=${bodies%% *}
for limit in 1000 100; do probe "$PORT" "$OPARL/oparl/v1.1/body/$first_body/paper?limit=$limit"; done | tee "$RUN/probe.txt"

cpu0=$(cpu_seconds "$OPENRIS_PID")
say "OpenRIS: first crawl, limit=1000, saving every page (cold)"
crawl openris-first sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --limit 1000 --save "$RUN/pages/p1000"
cpu1=$(cpu_seconds "$OPENRIS_PID")
say "OpenRIS: sequential crawl, limit=1000"
crawl openris-seq1000 sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --limit 1000
cpu2=$(cpu_seconds "$OPENRIS_PID")
say "OpenRIS: revalidation crawl with If-None-Match, limit=1000"
crawl openris-revalidate revalidate --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --limit 1000 --save "$RUN/pages/p1000"
cpu3=$(cpu_seconds "$OPENRIS_PID")
if [ "$LIMIT100" = all ]; then
  say "OpenRIS: sequential crawl, limit=100, saving every page (warm-up for the concurrent run)"
  crawl openris-seq100 sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --limit 100 --save "$RUN/pages/p100"
else
  # The limit=100 page after every limit=1000 cursor: OpenRIS omits the default limit (100) from
  # its links, so a limit=100 crawler follows exactly "…?after=X" there.
  sed -e 's/?limit=1000$/?limit=100/' -e 's/&limit=1000$//' "$RUN/pages/p1000/pages.txt" >"$RUN/sample100.txt"
  say "OpenRIS: one client, limit=100, $(wc -l <"$RUN/sample100.txt") sampled pages, saving them (warm-up for the concurrent run)"
  crawl openris-seq100 concurrent --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --clients 1 --limit 100 \
    --pages "$RUN/sample100.txt" --warmup-seconds 0 --save "$RUN/pages/p100"
fi
cpu4=$(cpu_seconds "$OPENRIS_PID")
say "OpenRIS: $CLIENTS concurrent clients, limit=100 (5 s warm-up, then every page once, at least $MIN_SECONDS s)"
crawl openris-concurrent concurrent --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$PORT" --clients "$CLIENTS" --limit 100 \
  --pages "$RUN/pages/p100/pages.txt" --warmup-seconds 5 --min-seconds "$MIN_SECONDS" --max-rounds 20
cpu5=$(cpu_seconds "$OPENRIS_PID")
OPENRIS_HWM=$(( $(status_kb "$OPENRIS_PID" VmHWM) / 1024 ))
OPENRIS_RSS=$(( $(status_kb "$OPENRIS_PID" VmRSS) / 1024 ))
OPENRIS_CPU=(
  "$(awk -v a="$cpu1" -v b="$cpu2" 'BEGIN { print b - a }')"
  "$(awk -v a="$cpu2" -v b="$cpu3" 'BEGIN { print b - a }')"
  "$(awk -v a="$cpu4" -v b="$cpu5" 'BEGIN { print b - a }')"
)
echo "OpenRIS peak memory (VmHWM) $OPENRIS_HWM MB, RSS after the crawls $OPENRIS_RSS MB, CPU $cpu5 s since start (first crawl $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { print b - a }') s)"
stop_pid "$OPENRIS_PID"; OPENRIS_PID=""

# ------------------------------------------------------------------ nginx
if [ $NGINX = 1 ]; then
  if ! command -v nginx >/dev/null; then
    say "Installing nginx (Debian package)"
    # Only the binary is wanted: keep the package's own service from starting on port 80.
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      created_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >"$RUN/apt.log" 2>&1 \
      || { apt-get update -q >>"$RUN/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >>"$RUN/apt.log" 2>&1; } \
      || die "apt-get install nginx failed, see $RUN/apt.log"
    if [ $created_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  fi
  NG=$RUN/nginx
  mkdir -p "$NG/tmp"
  user_line=""
  if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi
  cat >"$NG/nginx.conf" <<EOF
# The yardstick: the saved pages as static files, the same bytes for the same request URL.
$user_line
worker_processes 2;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 300s;
  keepalive_requests 1000000;
  client_body_temp_path $NG/tmp/body;
  proxy_temp_path $NG/tmp/proxy;
  fastcgi_temp_path $NG/tmp/fastcgi;
  uwsgi_temp_path $NG/tmp/uwsgi;
  scgi_temp_path $NG/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $RUN/pages;
    location /oparl/ {
      default_type application/json;
      # /oparl/v1.1/body/1/paper?after=7&limit=1000 -> p1000/oparl/v1.1/body/1/paper/_q_after=7&limit=1000.json
      try_files /p1000\$uri/_q_\$args.json /p100\$uri/_q_\$args.json =404;
    }
  }
}
EOF
  say "Starting nginx $(nginx -v 2>&1 | sed 's/.*\///') on $NGINX_BASE"
  nginx -t -q -p "$NG" -e "$NG/error.log" -c "$NG/nginx.conf"
  nginx -p "$NG" -e "$NG/error.log" -c "$NG/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  until ncurl -sf -o /dev/null "$OPARL/oparl/v1.1/system"; do
    kill -0 "$NGINX_PID" 2>/dev/null || die "nginx did not start, see $NG/error.log"
    sleep 0.2
  done
  cmp -s <(ncurl -s "$OPARL/oparl/v1.1/body/$first_body/paper?limit=1000") "$RUN/pages/p1000/oparl/v1.1/body/$first_body/paper/_q_limit=1000.json" \
    || die "nginx does not serve the saved bytes"
  for limit in 1000 100; do probe "$NGINX_PORT" "$OPARL/oparl/v1.1/body/$first_body/paper?limit=$limit"; done | tee -a "$RUN/probe.txt"
  nginx_pids() { # the master and its workers
    local stat line fields
    echo -n "$NGINX_PID"
    for stat in /proc/[0-9]*/stat; do
      line=$(cat "$stat" 2>/dev/null) || continue
      read -r -a fields <<<"${line##*) }"
      if [ "${fields[1]}" = "$NGINX_PID" ]; then echo -n " $(basename "$(dirname "$stat")")"; fi
    done
    echo
  }
  say "nginx: warm-up crawl, limit=1000"
  crawl nginx-warmup sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$NGINX_PORT" --limit 1000
  # shellcheck disable=SC2046
  ncpu1=$(cpu_seconds $(nginx_pids))
  say "nginx: sequential crawl, limit=1000"
  crawl nginx-seq1000 sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$NGINX_PORT" --limit 1000
  # shellcheck disable=SC2046
  ncpu2=$(cpu_seconds $(nginx_pids))
  if [ "$LIMIT100" = all ]; then
    say "nginx: sequential crawl, limit=100"
    crawl nginx-seq100 sequential --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$NGINX_PORT" --limit 100
  else
    say "nginx: one client, limit=100, the sampled pages"
    crawl nginx-seq100 concurrent --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$NGINX_PORT" --clients 1 --limit 100 \
      --pages "$RUN/pages/p100/pages.txt" --warmup-seconds 0
  fi
  # shellcheck disable=SC2046
  ncpu4=$(cpu_seconds $(nginx_pids))
  say "nginx: $CLIENTS concurrent clients, limit=100 (5 s warm-up, then whole rounds for at least $MIN_SECONDS s)"
  crawl nginx-concurrent concurrent --url "$OPARL/oparl/v1.1/system" --connect "127.0.0.1:$NGINX_PORT" --clients "$CLIENTS" --limit 100 \
    --pages "$RUN/pages/p100/pages.txt" --warmup-seconds 5 --min-seconds "$MIN_SECONDS" --max-rounds 20
  # shellcheck disable=SC2046
  ncpu5=$(cpu_seconds $(nginx_pids))
  NGINX_HWM=0
  for pid in $(nginx_pids); do NGINX_HWM=$(( NGINX_HWM + $(status_kb "$pid" VmHWM) )); done
  NGINX_HWM=$(( NGINX_HWM / 1024 ))
  NGINX_CPU=(
    "$(awk -v a="$ncpu1" -v b="$ncpu2" 'BEGIN { print b - a }')"
    "-"
    "$(awk -v a="$ncpu4" -v b="$ncpu5" 'BEGIN { print b - a }')"
  )
  stop_pid "$NGINX_PID"; NGINX_PID=""
fi

# ------------------------------------------------------------------ result
say "Result"
R=$RUN
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
row() { # row LABEL KEY FILE-SUFFIX [nginx file suffix]
  local o n
  o=$(value "$2" "$R/openris-$3.txt")
  if [ $NGINX = 1 ] && [ -f "$R/nginx-$3.txt" ]; then n=$(value "$2" "$R/nginx-$3.txt"); else n="-"; fi
  printf '%-44s %14s %14s %10s\n' "$1" "$o" "$n" "$(ratio "$o" "$n")"
}
{
  cat "$RUN/machine.txt"
  [ -f "$RUN/objects.txt" ] && cat "$RUN/objects.txt"
  echo "command:   BENCH_PORT=$PORT BENCH_OPARL_BASE_URL=$OPARL bench/oparl-crawl.sh --papers $PAPERS --seed $SEED --clients $CLIENTS --min-seconds $MIN_SECONDS --limit100 $LIMIT100"
  echo "limit=100: $( [ "$LIMIT100" = all ] && echo "every page of the limit=100 crawl" || echo "sample: the page after each limit=1000 cursor, $(value pages "$R/openris-seq100.txt") pages, 1 in 10")"
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at end)"
  echo
  printf '%-44s %14s %14s %10s\n' "" "OpenRIS" "nginx" "ratio"
  row "sequential limit=1000: objects" objects seq1000
  row "sequential limit=1000: seconds" seconds seq1000
  row "sequential limit=1000: objects/s" objects_per_s seq1000
  row "sequential limit=1000: pages/s" requests_per_s seq1000
  row "sequential limit=1000: MB/s" mb_per_s seq1000
  row "sequential limit=1000: mean page ms" mean_ms seq1000
  row "one client limit=100: objects/s" objects_per_s seq100
  row "one client limit=100: mean page ms" mean_ms seq100
  row "$CLIENTS clients limit=100: requests" requests concurrent
  row "$CLIENTS clients limit=100: requests/s" requests_per_s concurrent
  row "$CLIENTS clients limit=100: objects/s" objects_per_s concurrent
  row "$CLIENTS clients limit=100: MB/s" mb_per_s concurrent
  row "$CLIENTS clients limit=100: p50 ms" p50_ms concurrent
  row "$CLIENTS clients limit=100: p90 ms" p90_ms concurrent
  row "$CLIENTS clients limit=100: p99 ms" p99_ms concurrent
  row "$CLIENTS clients limit=100: max ms" max_ms concurrent
  printf '%-44s %14s %14s %10s\n' "server peak memory (VmHWM, MB)" "$OPENRIS_HWM" "${NGINX_HWM:--}" "$(ratio "$OPENRIS_HWM" "${NGINX_HWM:-0}")"
  printf '%-44s %14s %14s\n' "server RSS after the crawls (MB)" "$OPENRIS_RSS" "-"
  printf '%-44s %14s %14s %10s\n' "server CPU s, sequential limit=1000" "${OPENRIS_CPU[0]}" "${NGINX_CPU[0]:--}" "$(ratio "${OPENRIS_CPU[0]}" "${NGINX_CPU[0]:-0}")"
  printf '%-44s %14s %14s %10s\n' "server CPU s, $CLIENTS clients limit=100" "${OPENRIS_CPU[2]}" "${NGINX_CPU[2]:--}" "$(ratio "${OPENRIS_CPU[2]}" "${NGINX_CPU[2]:-0}")"
  printf '%-44s %14s %14s\n' "crawler CPU s, sequential limit=1000" "$(value crawler_cpu_seconds "$R/openris-seq1000.txt")" "$( [ $NGINX = 1 ] && value crawler_cpu_seconds "$R/nginx-seq1000.txt" || echo -)"
  printf '%-44s %14s %14s\n' "crawler CPU s, $CLIENTS clients limit=100" "$(value crawler_cpu_seconds "$R/openris-concurrent.txt")" "$( [ $NGINX = 1 ] && value crawler_cpu_seconds "$R/nginx-concurrent.txt" || echo -)"
  echo
  echo "first crawl (cold, saving; saving time not counted): $(value objects_per_s "$R/openris-first.txt") objects/s in $(value seconds "$R/openris-first.txt") s"
  echo "revalidation (If-None-Match, limit=1000): $(value not_modified "$R/openris-revalidate.txt") x 304, $(value ok "$R/openris-revalidate.txt") x 200 ($(value changed_etags "$R/openris-revalidate.txt") with a new ETag), $(value failed "$R/openris-revalidate.txt") failed; $(value requests "$R/openris-revalidate.txt") requests in $(value seconds "$R/openris-revalidate.txt") s, mean $(value mean_ms "$R/openris-revalidate.txt") ms, server CPU ${OPENRIS_CPU[1]} s"
  echo "OpenRIS ready after $READY_SECONDS s; concurrent rounds: OpenRIS $(value rounds "$R/openris-concurrent.txt"), nginx $( [ $NGINX = 1 ] && value rounds "$R/nginx-concurrent.txt" || echo -)"
  echo
  echo "OpenRIS sequential limit=1000 by kind of list:"
  sed -n '/per kind of list/,/^RESULT/p' "$R/openris-seq1000.txt" | grep -v '^RESULT'
  if [ $NGINX = 1 ]; then
    echo "nginx sequential limit=1000 by kind of list:"
    sed -n '/per kind of list/,/^RESULT/p' "$R/nginx-seq1000.txt" | grep -v '^RESULT' | sed 1d
  fi
  echo "OpenRIS $CLIENTS clients limit=100 by kind of list:"
  sed -n '/per kind of list/,/^RESULT/p' "$R/openris-concurrent.txt" | grep -v '^RESULT' | sed 1d
  echo
  echo "probes:"
  cat "$RUN/probe.txt"
} | tee "$RUN/result.txt"
echo
echo "raw output: $RUN/*.txt"

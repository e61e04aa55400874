#!/usr/bin/env bash
# Where the OpenRIS server's CPU goes during one OParl crawl (issue 4); an A/B tool, not the benchmark:
#
#   bench/oparl-profile.sh [--app DIR] [--db FILE] [--out PREFIX] [--perf] [--warmups 4]
#
# Needs a finished bench/oparl-crawl.sh run: the generated municipality (bench/.data/muni-N-sS), the
# copied crawler (bench/.data/crawler) and the saved limit=100 sample (bench/.data/run/pages/p100).
# Starts the server from DIR (default bench/.data/app, the build the last crawl used) on the data
# the documents were rendered for (127.0.0.1:5080), warms it up with --warmups sequential crawls at
# limit=1000 and one 16-client round, then measures one sequential limit=1000 crawl and one
# 16-client limit=100 round. Prints the server's CPU seconds for each, split by thread name (.NET TP
# Worker = requests, .NET Tiered Com = the JIT recompiling in the background), its memory (VmHWM,
# RssAnon, RssFile) and the crawler's figures. --perf records the measured crawl with perf (Debian's
# linux-perf) into PREFIX.perf.data with JIT symbols (perf report -i PREFIX.perf.data).
# --db FILE serves another copy of the database (e.g. one VACUUMed with another page_size).
# Environment: BENCH_DATA (default bench/.data), PAPERS (10000), SEED (1), EXTRA_ENV ("NAME=value …"
# for the server only, e.g. DOTNET_TieredPGO=1), BENCH_PORT (5080), BENCH_OPARL_BASE_URL (the base URL
# the stored documents were rendered for; default http://127.0.0.1:5080, as oparl-crawl.sh generates).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
MUNI=$DATA/muni-${PAPERS:-10000}-s${SEED:-1}
APP=$DATA/app
DB=$MUNI/openris.db
OUT=$DATA/profile/run
PERF=0
WARMUPS=4
while [ $# -gt 0 ]; do
  case "$1" in
    --app) APP=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --perf) PERF=1; shift ;;
    --warmups) WARMUPS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "oparl-profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-5080}
BASE=http://127.0.0.1:$PORT
OPARL=${BENCH_OPARL_BASE_URL:-http://127.0.0.1:5080}
CRAWL=(dotnet "$DATA/crawler/OParlCrawl.dll")
CONNECT=(--connect "127.0.0.1:$PORT")
PAGES=$DATA/run/pages/p100/pages.txt
[ -f "$PAGES" ] || { echo "oparl-profile.sh: run bench/oparl-crawl.sh first ($PAGES is missing)" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")"

export ConnectionStrings__OpenRis="Data Source=$DB" Files__Root=$MUNI/files OParl__BaseUrl=$OPARL Demo__Seed=false Logging__LogLevel__Default=Warning
# JIT frames for perf: a perf map, and no double-mapped code pages (perf cannot resolve those).
export DOTNET_PerfMapEnabled=$PERF DOTNET_EnableWriteXorExecute=$((1 - PERF))
while curl -s -o /dev/null "$BASE/healthz"; do echo "waiting for 127.0.0.1:$PORT to be free"; sleep 1; done
# shellcheck disable=SC2086
env ${EXTRA_ENV:-} dotnet "$APP/openris.dll" --urls "$BASE" >"$OUT.server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; while kill -0 $PID 2>/dev/null; do sleep 0.2; done' EXIT
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 $PID 2>/dev/null || { cat "$OUT.server.log" >&2; exit 1; }
  sleep 0.5
done

ticks() { sed 's/.*) //' "$1" | awk '{ print $12 + $13 }'; }
threads() { # CPU ticks per thread name
  for t in /proc/$PID/task/*; do echo "$(cat "$t/comm")|$(ticks "$t/stat")"; done \
    | awk -F'|' '{ a[$1] += $2 } END { for (k in a) print k "|" a[k] }' | sort
}
hz=$(getconf CLK_TCK)
seconds() { awk -v a="$1" -v b="$2" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }'; }
result() { grep '^RESULT ' "$1" | tr ' ' '\n' | grep -E "^($2)=" | tr '\n' ' '; }

echo "load avg $(cut -d' ' -f1-3 /proc/loadavg); server ready, RSS $(awk '/VmRSS/ { print $2 }' /proc/$PID/status) kB"
for _ in $(seq 1 "$WARMUPS"); do "${CRAWL[@]}" sequential --url "$OPARL/oparl/v1.1/system" "${CONNECT[@]}" --limit 1000 >"$OUT.warm.txt" 2>&1; done
"${CRAWL[@]}" concurrent --url "$OPARL/oparl/v1.1/system" "${CONNECT[@]}" --clients 16 --limit 100 --pages "$PAGES" --warmup-seconds 2 >"$OUT.warm.txt" 2>&1

c0=$(ticks /proc/$PID/stat); threads >"$OUT.threads0"
if [ $PERF = 1 ]; then
  perf record -F 499 -g -p $PID -o "$OUT.perf.data" >/dev/null 2>&1 &
  PERF_PID=$!
  sleep 1
fi
"${CRAWL[@]}" sequential --url "$OPARL/oparl/v1.1/system" "${CONNECT[@]}" --limit 1000 --label seq >"$OUT.seq.txt" 2>&1
c1=$(ticks /proc/$PID/stat); threads >"$OUT.threads1"
if [ $PERF = 1 ]; then kill -INT $PERF_PID; wait $PERF_PID || true; fi
"${CRAWL[@]}" concurrent --url "$OPARL/oparl/v1.1/system" "${CONNECT[@]}" --clients 16 --limit 100 --pages "$PAGES" --warmup-seconds 2 --label conc >"$OUT.conc.txt" 2>&1
c2=$(ticks /proc/$PID/stat)

echo "server CPU: sequential limit=1000 crawl $(seconds "$c0" "$c1") s, 16 clients limit=100 $(seconds "$c1" "$c2") s"
echo "server CPU of the sequential crawl by thread:"
join -t'|' "$OUT.threads0" "$OUT.threads1" | while IFS='|' read -r name a b; do
  if [ "$b" -gt "$a" ]; then echo "  $name $(seconds "$a" "$b") s"; fi
done
echo "server memory: $(grep -E 'VmHWM|RssAnon|RssFile' /proc/$PID/status | tr -s ' \t' ' ' | tr '\n' ' ')"
echo "sequential: $(result "$OUT.seq.txt" 'objects|seconds|objects_per_s|crawler_cpu_seconds')"
echo "16 clients: $(result "$OUT.conc.txt" 'requests|requests_per_s|p50_ms|p90_ms|p99_ms')"
echo "load avg $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Public portal benchmark (issue 5):
#
#   bench/portal-bench.sh [--papers 100000] [--seed 1] [--clients 16] [--seconds 20]
#
# Uses the generated municipality bench/.data/muni-N-sS/ (made by bench/oparl-crawl.sh or
# `openris generate`; copy one there to reuse it). Builds OpenRIS (Release) into bench/.data/portal-app,
# starts it on 127.0.0.1:5090 (BENCH_PORT) and, per page type (start, paper, meeting, calendar), runs wrk
# (Debian package) with N concurrent connections for S seconds over a sample of pages of that type
# (papers and meetings spread evenly through the ids). Reports, per page type:
#   - server time p50/p95/p99 from the Server-Timing header every response carries,
#   - client time p50/p95/p99 as wrk measured it (loopback, includes queueing),
#   - HTML and CSS sizes as sent with Brotli (curl), and their sum (target: < 100 KB).
# Results go to bench/.data/portal-run/result.txt. Loopback only; the server is stopped on exit.
# The first start migrates an older database (minutes on the 5 GB SQLite file). BENCH_OPARL_BASE_URL
# sets OParl:BaseUrl (default: the server's own address; the stored JSON is re-rendered when it differs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
PAPERS=100000
SEED=1
CLIENTS=16
SECONDS_PER_PAGE=20
PORT=${BENCH_PORT:-5090}
BASE=http://127.0.0.1:$PORT

while [ $# -gt 0 ]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_PER_PAGE=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "portal-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

MUNI=$DATA/muni-$PAPERS-s$SEED
RUN=$DATA/portal-run
APP=$DATA/portal-app
die() { echo "portal-bench.sh: $*" >&2; exit 1; }
[ -f "$MUNI/openris.db" ] || die "no municipality in $MUNI; generate one with bench/oparl-crawl.sh or copy one there"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || die "wrk is missing (apt-get install wrk)"

(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "127.0.0.1:$PORT is in use; stop what listens there or set BENCH_PORT"
rm -rf "$RUN" && mkdir -p "$RUN"
# BENCH_NO_BUILD=1 takes the Release build that is there (e.g. while scripts/test.sh runs from the same tree).
[ "${BENCH_NO_BUILD:-}" = 1 ] || dotnet build -c Release -nologo -v q "$ROOT/src/OpenRis.Web/OpenRis.Web.csproj" >/dev/null
rm -rf "$APP" && cp -r "$ROOT/src/OpenRis.Web/bin/Release/net10.0" "$APP"

export ConnectionStrings__OpenRis="Data Source=$MUNI/openris.db"
export Files__Root=$MUNI/files
# The stored OParl JSON names the base URL it was rendered for; another one re-renders every
# document at start (half an hour at 100,000 papers). BENCH_OPARL_BASE_URL keeps the stored one.
export OParl__BaseUrl=${BENCH_OPARL_BASE_URL:-$BASE}
export Demo__Seed=false
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet "$APP/openris.dll" --urls "$BASE" >"$RUN/openris.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 $PID 2>/dev/null || { tail -30 "$RUN/openris.log" >&2; die "OpenRIS exited during startup"; }
  sleep 1
done

# Sample pages: 200 papers and 200 meetings spread through the ids, the calendar's months with meetings.
python3 - "$MUNI/openris.db" "$RUN" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); run = sys.argv[2]
def spread(rows, n=200):
    return [rows[i * len(rows) // n] for i in range(min(n, len(rows)))]
papers = [r[0] for r in db.execute("select Id from Papers where Public = 1 and Status = 'Published' and Deleted = 0 order by Id")]
meetings = [r[0] for r in db.execute("select Id from Meetings where Public = 1 and Deleted = 0 order by Id")]
months = sorted({r[0] for r in db.execute("select substr(Start, 1, 7) from Meetings where Start is not null")})
open(f"{run}/start.paths", "w").write("/\n")
open(f"{run}/paper.paths", "w").write("".join(f"/vorlagen/{i}\n" for i in spread(papers)))
open(f"{run}/meeting.paths", "w").write("".join(f"/sitzungen/{i}\n" for i in spread(meetings)))
open(f"{run}/calendar.paths", "w").write("".join(f"/kalender?monat={m}\n" for m in spread(months, 48)))
print(f"papers {len(papers)} public, meetings {len(meetings)} public, months {len(months)}")
PY

{
  echo "portal benchmark $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "data: $MUNI/openris.db, $(du -m "$MUNI/openris.db" | cut -f1) MB"
  echo "load: wrk -t1 -c$CLIENTS -d${SECONDS_PER_PAGE}s per page type after a 5 s warm-up"
  printf '%-9s %8s %8s %8s %8s %8s %8s %8s %9s %9s %9s\n' page requests srv_p50 srv_p95 srv_p99 cli_p50 cli_p95 cli_p99 html_br css_br total_kb
} | tee "$RUN/result.txt"

CSS=$(curl -s "$BASE/" | grep -o 'href="[^"]*\.css[^"]*"' | sed 's/href="//; s/"$//' | sort -u)
css_bytes=0
for c in $CSS; do css_bytes=$((css_bytes + $(curl -s -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$BASE$c"))); done

for page in start paper meeting calendar; do
  export PATHS_FILE=$RUN/$page.paths TIMINGS_FILE=$RUN/$page.timings
  wrk -t1 -c"$CLIENTS" -d5s -s "$ROOT/bench/portal-bench.lua" "$BASE" >/dev/null
  : >"$TIMINGS_FILE"
  wrk -t1 -c"$CLIENTS" -d"${SECONDS_PER_PAGE}s" --timeout 10s -s "$ROOT/bench/portal-bench.lua" "$BASE" >"$RUN/$page.wrk"
  # The largest page of the sample, compressed as a browser gets it.
  html=0
  while read -r path; do
    size=$(curl -s -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$BASE$path")
    [ "$size" -gt "$html" ] && html=$size
  done < <(head -50 "$PATHS_FILE")
  python3 - "$page" "$TIMINGS_FILE" "$RUN/$page.wrk" "$html" "$css_bytes" <<'PY' | tee -a "$RUN/result.txt"
import sys
page, timings, wrk, html, css = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rows = [l.split() for l in open(timings) if l.strip()]
durations = sorted(float(d) for s, d in rows)
bad = sum(1 for s, d in rows if s != "200")
def pct(p): return durations[min(len(durations) - 1, int(p / 100 * len(durations)))] if durations else float("nan")
client = dict(l.split() for l in open(wrk) if l.startswith(("client_", "requests", "errors")))
print(f"{page:<9} {len(durations):>8} {pct(50):>8.1f} {pct(95):>8.1f} {pct(99):>8.1f} {float(client['client_p50_ms']):>8.1f} {float(client['client_p95_ms']):>8.1f} {float(client['client_p99_ms']):>8.1f} {html/1024:>8.1f}K {css/1024:>8.1f}K {(html+css)/1024:>8.1f}K" + (f"  ({bad} non-200, {client['errors']} errors)" if bad or client['errors'] != '0' else ""))
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RUN/result.txt"

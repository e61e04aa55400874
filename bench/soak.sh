#!/usr/bin/env bash
# Soak benchmark (issue 9): long mixed traffic against a generated municipality.
#
#   bench/soak.sh [--papers 100000] [--seed 1] [--minutes 10] [--connections 16] [--warmup-seconds 60]
#
# Uses the generated municipality bench/.data/muni-N-sS/ (generated here with `openris generate` when
# missing; BENCH_DATA=DIR moves bench/.data elsewhere). Builds OpenRIS (Release) and copies it to
# bench/.data/soak-app, starts it on 127.0.0.1:5095 and drives wrk (Debian package) with N
# connections (one wrk thread each) over a shuffled mix of URLs: portal pages (start, paper list and
# papers, meeting list and meetings, calendar months, bodies, persons), search (/suche and /api/search
# with a mix of words), OParl (lists with limits and filters, single objects), feeds (Atom, iCal per
# body). First a warm-up (not counted), then the soak. Reports:
#   - requests per type, 5xx count and other non-2xx/3xx answers, wrk's socket errors and timeouts,
#   - client latency p50/p99 (wrk's clock per request) and server time (Server-Timing) overall and per type,
#   - server RSS sampled every 10 s from /proc: min/max over the soak (after the warm-up), and whether
#     the mean of the last third of the samples is within 10 % of the first third's (the garbage
#     collector's sawtooth alone spans more); server CPU seconds over the soak; load average before and after.
# Results go to bench/.data/soak-run/result.txt (samples beside it). Exits 1 on any 5xx, on a server
# that died, or on a request that got no answer. Loopback only; the server is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
PAPERS=100000
SEED=1
MINUTES=10
CONNECTIONS=16
WARMUP=60
PORT=${BENCH_PORT:-5095}
BASE=http://127.0.0.1:$PORT

while [ $# -gt 0 ]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --minutes) MINUTES=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --warmup-seconds) WARMUP=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

MUNI=$DATA/muni-$PAPERS-s$SEED
RUN=$DATA/soak-run
APP=$DATA/soak-app
PID=""
SAMPLER=""
die() { echo "soak.sh: $*" >&2; exit 1; }
say() { printf '== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
stop() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } \
  || die "wrk is missing (apt-get install wrk)"
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "127.0.0.1:$PORT is in use"

# CPU seconds (user+system) of a process: fields 14 and 15 of /proc/PID/stat, counted after the ")".
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); split($0, f, " "); printf "%.2f", (f[12] + f[13]) / hz }' "/proc/$1/stat"; }

# BENCH_NO_BUILD=1 takes the Release build that is there (e.g. while scripts/test.sh runs from the same tree).
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  say "Release build"
  dotnet build -c Release -nologo -v q "$ROOT/src/OpenRis.Web/OpenRis.Web.csproj" >/dev/null
fi
mkdir -p "$DATA"
rm -rf "$APP" && cp -r "$ROOT/src/OpenRis.Web/bin/Release/net10.0" "$APP"

export ConnectionStrings__OpenRis="Data Source=$MUNI/openris.db"
export Files__Root=$MUNI/files
# Another base URL than the stored OParl JSON was rendered for re-renders every document at start
# (half an hour at 100,000 papers); BENCH_OPARL_BASE_URL keeps the stored one.
export OParl__BaseUrl=${BENCH_OPARL_BASE_URL:-$BASE}
export Demo__Seed=false
export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -f "$MUNI/openris.db" ]; then
  say "Generating $PAPERS papers (seed $SEED) into $MUNI"
  mkdir -p "$MUNI"
  (cd "$ROOT" && dotnet "$APP/openris.dll" generate --papers "$PAPERS" --seed "$SEED") >"$MUNI/generate.log" 2>&1 \
    || die "openris generate failed, see $MUNI/generate.log"
fi

rm -rf "$RUN" && mkdir -p "$RUN/timings"
say "Starting OpenRIS on $BASE"
dotnet "$APP/openris.dll" --urls "$BASE" >"$RUN/openris.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/readyz"; do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$RUN/openris.log" >&2; die "OpenRIS exited during startup"; }
  sleep 1
done

# The URL mix, "type path" per line, shuffled once (fixed seed). Weights: how often a type comes up.
say "Building the URL mix"
python3 - "$MUNI/openris.db" "$RUN/paths.txt" <<'PY'
import random, re, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rnd = random.Random(9)
def ids(sql, n):
    rows = [r[0] for r in db.execute(sql)]
    return [rows[i * len(rows) // n] for i in range(min(n, len(rows)))]
papers = ids("select Id from Papers where Public = 1 and Status = 'Published' and Deleted = 0 order by Id", 400)
meetings = ids("select Id from Meetings where Public = 1 and Deleted = 0 order by Id", 200)
organizations = ids("select Id from Organizations where Deleted = 0 order by Id", 60)
persons = ids("select Id from Persons where Deleted = 0 order by Id", 200)
bodies = [r[0] for r in db.execute("select Id from Bodies order by Id")]
months = sorted({r[0] for r in db.execute("select substr(Start, 1, 7) from Meetings where Start is not null")})
# Search words: some every council uses, some from paper names, a Drucksachennummer, a prefix, a typo.
names = [r[0] for r in db.execute("select Name from Papers where Public = 1 and Deleted = 0 and Name is not null limit 2000")]
words = sorted({w for n in names for w in re.findall(r"[A-Za-zÄÖÜäöüß]{6,}", n)})
words = rnd.sample(words, min(60, len(words))) + ["Haushalt", "Radweg", "Schule", "Bebauungsplan", "Antrag", "Anfrage", "Digitalisierung", "Straße", "Kita", "Feuerwehr", "Schul*", "Haushlat", '"Rat der Stadt"']
numbers = [r[0] for r in db.execute("select Reference from Papers where Public = 1 and Deleted = 0 and Reference is not null limit 50")]
words += numbers[:10]
if not (papers and meetings and organizations and persons and bodies):
    sys.exit(f"the municipality lacks data: papers {len(papers)}, meetings {len(meetings)}, organizations {len(organizations)}, persons {len(persons)}, bodies {len(bodies)}")
from urllib.parse import quote
lines = []
def add(kind, paths, weight):
    for _ in range(weight):
        lines.append(f"{kind} {rnd.choice(paths)}")
lists = ["paper", "meeting", "person", "organization", "agendaItem", "consultation", "file"]
add("start", ["/"], 30)
add("paper_list", [f"/vorlagen?seite={p}" for p in range(1, 21)], 40)
add("paper", [f"/vorlagen/{i}" for i in papers], 200)
add("meeting_list", ["/sitzungen"] + [f"/sitzungen?gremium={o}" for o in organizations[:20]], 40)
add("meeting", [f"/sitzungen/{i}" for i in meetings], 120)
add("calendar", ["/kalender"] + [f"/kalender?monat={m}" for m in months], 60)
add("body", ["/gremien"] + [f"/gremien/{o}" for o in organizations], 60)
add("person", ["/personen"] + [f"/personen/{p}" for p in persons], 60)
add("search_page", [f"/suche?q={quote(w)}" for w in words], 60)
add("search_api", [f"/api/search?q={quote(w)}" for w in words], 60)
add("oparl_list", [f"/oparl/v1.1/body/{b}/{l}?limit={n}" for b in bodies for l in lists for n in (10, 100)]
    + [f"/oparl/v1.1/body/{b}/paper?modified_since=2024-01-01T00:00:00%2B01:00&limit=50" for b in bodies]
    + [f"/oparl/v1.1/body/{b}/meeting?created_since=2020-01-01T00:00:00%2B01:00&created_until=2030-01-01T00:00:00%2B01:00" for b in bodies]
    + ["/oparl/v1.1/system", "/oparl/v1.1/body"], 120)
add("oparl_object", [f"/oparl/v1.1/paper/{i}" for i in papers] + [f"/oparl/v1.1/meeting/{i}" for i in meetings]
    + [f"/oparl/v1.1/person/{i}" for i in persons] + [f"/oparl/v1.1/organization/{i}" for i in organizations], 150)
add("feed_atom", ["/vorlagen.atom"] + [f"/gremien/{o}/vorlagen.atom" for o in organizations], 40)
add("feed_ical", ["/kalender.ics"] + [f"/gremien/{o}/kalender.ics" for o in organizations], 40)
rnd.shuffle(lines)
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print(f"{len(lines)} requests in the mix: {len(papers)} papers, {len(meetings)} meetings, {len(organizations)} organizations, {len(persons)} persons, {len(months)} months, {len(words)} search terms")
PY

# Every URL once, before the load: a 404 or 500 here is a mistake in the mix or a bug, not load.
python3 - "$BASE" "$RUN/paths.txt" <<'PY' || die "the URL mix has URLs that do not answer 200/3xx"
import sys, urllib.request, urllib.error
base, seen, bad = sys.argv[1], set(), []
for line in open(sys.argv[2]):
    kind, path = line.split()
    if path in seen: continue
    seen.add(path)
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path), timeout=120) as r: r.read()
    except urllib.error.HTTPError as e:
        bad.append(f"{e.code} {path}")
print(f"checked {len(seen)} distinct URLs, {len(bad)} not 200/3xx")
for b in bad[:20]: print("  " + b)
sys.exit(1 if bad else 0)
PY

{
  echo "soak benchmark $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "data: $MUNI/openris.db, $(du -m "$MUNI/openris.db" | cut -f1) MB"
  echo "command: bench/soak.sh --papers $PAPERS --seed $SEED --minutes $MINUTES --connections $CONNECTIONS --warmup-seconds $WARMUP"
  echo "load: wrk -t$CONNECTIONS -c$CONNECTIONS, ${WARMUP}s warm-up (not counted), then ${MINUTES} min; $(wc -l <"$RUN/paths.txt") URLs shuffled"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RUN/result.txt"

export PATHS_FILE=$RUN/paths.txt
if [ "$WARMUP" -gt 0 ]; then
  say "Warm-up ${WARMUP}s"
  mkdir -p "$RUN/warmup"
  TIMINGS_DIR=$RUN/warmup wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 30s -s "$ROOT/bench/soak.lua" "$BASE" >"$RUN/warmup.wrk"
fi

say "Soak ${MINUTES} min"
# RSS every 10 s, from the start of the soak to its end: all of it, and its two parts, anonymous
# memory (the heaps) and file pages mapped in (the search index and SQLite, which the kernel can drop);
# and the process's threads, since each keeps per-thread state (Lucene readers, pooled buffers).
(while kill -0 "$PID" 2>/dev/null; do
   echo "$(date +%s) $(awk '/^(VmRSS|RssAnon|RssFile|Threads):/ { printf "%s ", $2 }' "/proc/$PID/status")" >>"$RUN/rss.txt"
   sleep 10
 done) &
SAMPLER=$!
cpu0=$(cpu_seconds "$PID")
TIMINGS_DIR=$RUN/timings wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$((MINUTES * 60))s" --timeout 30s --latency -s "$ROOT/bench/soak.lua" "$BASE" >"$RUN/soak.wrk"
alive=1
kill -0 "$PID" 2>/dev/null || alive=0
cpu1=$([ $alive = 1 ] && cpu_seconds "$PID" || echo "$cpu0")
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
hwm=$([ $alive = 1 ] && awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status" || echo 0)

python3 - "$RUN" "$cpu0" "$cpu1" "$MINUTES" "$alive" "$hwm" <<'PY' | tee -a "$RUN/result.txt"
import glob, sys
run, cpu0, cpu1, minutes, alive, hwm = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1", int(sys.argv[6])
rows = []
for f in glob.glob(f"{run}/timings/thread-*.txt"):
    for line in open(f):
        p = line.split()
        if len(p) == 4:
            rows.append((p[0], int(p[1]), float(p[2]), None if p[3] == "-" else float(p[3])))
wrk = dict(l.split() for l in open(f"{run}/soak.wrk") if l.split() and l.split()[0] in ("client_p50_ms", "client_p99_ms", "requests", "connect_errors", "read_errors", "write_errors", "timeouts", "status_errors"))
def pct(values, p):
    values = sorted(v for v in values if v is not None)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float("nan")
def line(kind, rs):
    s5 = sum(1 for r in rs if r[1] >= 500)
    other = sum(1 for r in rs if not (200 <= r[1] < 400) and r[1] < 500)
    c = [r[2] for r in rs]; s = [r[3] for r in rs]
    return f"{kind:<13} {len(rs):>9} {len(rs) / (minutes * 60):>7.1f} {s5:>5} {other:>6} {pct(c, 50):>8.1f} {pct(c, 99):>8.1f} {pct(s, 50):>8.1f} {pct(s, 99):>8.1f}"
print()
print(f"{'type':<13} {'requests':>9} {'req/s':>7} {'5xx':>5} {'other':>6} {'cli_p50':>8} {'cli_p99':>8} {'srv_p50':>8} {'srv_p99':>8}   (ms; other = not 2xx/3xx/5xx)")
for kind in sorted({r[0] for r in rows}):
    print(line(kind, [r for r in rows if r[0] == kind]))
print(line("all", rows))
fives = sum(1 for r in rows if r[1] >= 500)
socket = sum(int(wrk.get(k, 0)) for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
print(f"wrk: {wrk.get('requests')} requests, client p50 {wrk.get('client_p50_ms')} ms, p99 {wrk.get('client_p99_ms')} ms; socket errors and timeouts {socket}")
samples = [[int(v) for v in l.split()] for l in open(f"{run}/rss.txt") if len(l.split()) >= 2]
def trend(name, values):
    # The garbage collector's sawtooth spans more than 10 % between two samples; growth shows as a
    # rising mean, so "stable" compares the mean of the last third of the samples with the first.
    third = max(1, len(values) // 3)
    early, late = sum(values[:third]) / third, sum(values[-third:]) / third
    drift = (late - early) / early * 100
    print(f"{name} trend: mean of the first third {early:.0f} MB, of the last third {late:.0f} MB, {drift:+.1f} %: {'stable within 10 %' if abs(drift) <= 10 else 'NOT stable within 10 %'}")
if samples:
    values = [s[1] / 1024 for s in samples]
    lo, hi = min(values), max(values)
    spread = (hi - lo) / lo * 100
    print(f"server RSS (every 10 s, {len(values)} samples after the warm-up): min {lo:.0f} MB, max {hi:.0f} MB, first {values[0]:.0f} MB, last {values[-1]:.0f} MB; max is {spread:.1f} % above min; peak (VmHWM) {hwm / 1024:.0f} MB")
    trend("server RSS", values)
    if all(len(s) >= 4 for s in samples):
        trend("  anonymous (heaps)", [s[2] / 1024 for s in samples])
        trend("  file pages mapped in (index, database)", [s[3] / 1024 for s in samples])
    if all(len(s) >= 5 for s in samples):
        threads = [s[4] for s in samples]
        print(f"server threads: min {min(threads)}, max {max(threads)}, first {threads[0]}, last {threads[-1]}")
print(f"server CPU: {cpu1 - cpu0:.1f} s over the soak ({(cpu1 - cpu0) / (minutes * 60):.2f} cores on average, {(cpu1 - cpu0) * 1000 / max(1, len(rows)):.2f} ms per request)")
verdict = []
if fives: verdict.append(f"{fives} answers 5xx")
if socket: verdict.append(f"{socket} requests without an answer")
if not alive: verdict.append("the server died")
print("RESULT: " + ("FAIL, " + ", ".join(verdict) if verdict else "ok, zero 5xx"))
open(f"{run}/verdict", "w").write("fail" if verdict else "ok")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RUN/result.txt"
[ "$(cat "$RUN/verdict")" = ok ]

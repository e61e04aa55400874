#!/usr/bin/env bash
# Digest cost of a followed saved search (issue 5):
#
#   bench/follow-bench.sh [--papers 100000] [--seed 1] [--runs 5] [--largest 10000]
#
# Uses the generated municipality bench/.data/muni-N-sS/ (a symlink to a shared one works). Its
# openris.db is opened read-only; its search index is copied once to bench/.data/follow-index-N-sS
# (SearchIndex opens a writer on its folder, so the shared index is never opened). Then
# bench/FollowBench runs, per saved search and per window of the N most recently changed papers,
# (100, 1,000, 10,000, 100,000 up to --largest) the digest of Alerts/SavedSearchChanges.cs and one
# /suche query as the yardstick, and prints
# median wall time and CPU time of the process. Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench/.data}
PAPERS=100000
SEED=1
RUNS=5
LARGEST=10000

while [ $# -gt 0 ]; do
  case "$1" in
    --papers) PAPERS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --largest) LARGEST=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "follow-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

MUNI=$DATA/muni-$PAPERS-s$SEED
INDEX=$DATA/follow-index-$PAPERS-s$SEED
[ -f "$MUNI/openris.db" ] || { echo "follow-bench.sh: $MUNI/openris.db is missing" >&2; exit 1; }
if [ ! -d "$INDEX" ]; then
  echo "copying the search index to $INDEX" >&2
  cp -r "$MUNI/search" "$INDEX.tmp"
  rm -f "$INDEX.tmp/write.lock"
  mv "$INDEX.tmp" "$INDEX"
fi
dotnet build -c Release "$ROOT/bench/FollowBench" >/dev/null
/usr/bin/time -f "process: %e s wall, %U s user, %S s system, %M KB peak" \
  dotnet "$ROOT/bench/FollowBench/bin/Release/net10.0/OpenRis.FollowBench.dll" "$MUNI/openris.db" "$INDEX" "$RUNS" "$LARGEST"

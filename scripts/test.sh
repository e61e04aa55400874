#!/usr/bin/env bash
# The OpenRIS test command: format check, Release build and every test project,
# against a throwaway PostgreSQL cluster.
#
# Usage:
#   scripts/test.sh                    # what CI runs (via .ci/run)
#   scripts/test.sh --filter <text>    # only tests whose full name contains <text>
#                                      # (<text> starting with '/' is an xunit filter query)
#   scripts/test.sh --no-format        # skip `dotnet format --verify-no-changes`
#   scripts/test.sh -- <args>          # pass <args> on to `dotnet test`
#                                      # (e.g. -- --filter-class 'OpenRis.Web.Tests.*')
#
# Steps: make sure PostgreSQL is installed and start a private cluster
# (scripts/start-test-postgres.sh; stopped and deleted on exit, whatever
# happens), install Debian's chromium for the browser tests if /usr/bin/chromium
# is missing (screenshots go to artifacts/screenshots/) and tesseract-ocr, tesseract-ocr-deu
# and poppler-utils for OCR when missing, `dotnet format --verify-no-changes`,
# `dotnet list package --vulnerable` (both skipped with --no-format), `dotnet build -c Release`,
# `dotnet test --no-build` (Microsoft.Testing.Platform, selected in global.json)
# writing xUnit.net XML and TRX reports to artifacts/test-results/.
#
# The last line printed is always `N passed, N failed` (plus `, N skipped` when
# tests were skipped), totalled over all test projects from the xUnit.net XML
# reports. The exit code is 0 only if format, build and tests succeeded and at
# least one test ran: 1 test failures, 2 format or dependency vulnerability check, 3 build, 4 no tests ran,
# 5 PostgreSQL could not be started, 6 usage, 130/143 interrupted.
#
# Environment for the tests:
#   OPENRIS_TEST_POSTGRES            Npgsql connection string, superuser `postgres`
#   OPENRIS_TEST_REQUIRE_POSTGRES=1  tests needing PostgreSQL fail instead of skipping
# Knobs: OPENRIS_SOLUTION (default OpenRis.slnx), OPENRIS_TEST_RESULTS_DIR
# (default artifacts/test-results), OPENRIS_TEST_TIMEOUT (default 25m; limit
# for the `dotnet test` step, in timeout(1) syntax).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

SOLUTION=${OPENRIS_SOLUTION:-OpenRis.slnx}
RESULTS_DIR=${OPENRIS_TEST_RESULTS_DIR:-$ROOT/artifacts/test-results}
TEST_TIMEOUT=${OPENRIS_TEST_TIMEOUT:-25m}
CONFIGURATION=Release

say() { printf '==> %s\n' "$*" >&2; }
err() { printf 'ERROR: %s\n' "$*" >&2; }

PASSED=0 FAILED=0 SKIPPED=0
PG_DIR=""
TEST_PID=""
INTERRUPTED=""
WORK=""

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }

# ---------------------------------------------------------------- arguments
FORMAT=1
FILTER_ARGS=()
EXTRA_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --filter)
            [ $# -ge 2 ] || { err "--filter needs an argument"; usage; exit 6; }
            case "$2" in
                /*) FILTER_ARGS+=(--filter-query "$2") ;;
                *) FILTER_ARGS+=(--filter-method "*$2*") ;;
            esac
            shift 2
            ;;
        --filter=*)
            set -- --filter "${1#--filter=}" "${@:2}"
            ;;
        --no-format) FORMAT=""; shift ;;
        --) shift; EXTRA_ARGS+=("$@"); break ;;
        -h | --help) usage; exit 0 ;;
        *) err "unknown argument '$1'"; usage; exit 6 ;;
    esac
done

# ---------------------------------------------------------------- cleanup
stop_tests() {
    if [ -n "$TEST_PID" ]; then
        local tpid=""
        [ -f "$WORK/timeout.pid" ] && tpid=$(cat "$WORK/timeout.pid" 2>/dev/null || true)
        # timeout(1) runs dotnet in its own process group; TERM to timeout is
        # forwarded to that whole group (test hosts included), KILL follows after 30s.
        if [ -n "$tpid" ]; then kill -TERM "$tpid" 2>/dev/null || true; fi
        wait "$TEST_PID" 2>/dev/null || true
        TEST_PID=""
    fi
}

stop_postgres() {
    if [ -n "$PG_DIR" ]; then
        bash "$ROOT/scripts/start-test-postgres.sh" --stop "$PG_DIR" >/dev/null 2>&1 \
            || err "could not stop/remove the test PostgreSQL cluster in $PG_DIR"
        PG_DIR=""
    fi
}

cleanup() {
    stop_tests
    stop_postgres
    [ -n "$WORK" ] && rm -rf -- "$WORK"
    WORK=""
}

# shellcheck disable=SC2317 # invoked from the traps below
on_signal() {
    INTERRUPTED=$1
    err "interrupted (SIG$1); stopping"
    stop_tests
}

trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

# Print the totals as the very last line and exit.
finish() {
    local code=$1
    cleanup
    if [ -n "${CI:-}" ]; then
        # Leave no compiler/MSBuild servers behind holding the CI job's output open.
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
    if [ -n "$INTERRUPTED" ] && [ "$code" -eq 0 ]; then code=1; fi
    if [ -n "$INTERRUPTED" ]; then
        case "$INTERRUPTED" in INT) code=130 ;; TERM) code=143 ;; HUP) code=129 ;; esac
    fi
    if [ "$SKIPPED" -gt 0 ]; then
        printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
    else
        printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
    fi
    trap - EXIT
    exit "$code"
}

check_interrupt() { if [ -n "$INTERRUPTED" ]; then finish 1; fi; }

# ---------------------------------------------------------------- environment
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en
if [ -n "${CI:-}" ]; then
    export MSBUILDDISABLENODEREUSE=1
fi
command -v dotnet >/dev/null 2>&1 || { err "dotnet is not on PATH (the .NET 10 SDK is required)"; finish 3; }
[ -f "$SOLUTION" ] || { err "solution $SOLUTION not found in $ROOT"; finish 3; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/openris-test.XXXXXX")

# ---------------------------------------------------------------- PostgreSQL
say "Starting a throwaway PostgreSQL cluster (installing PostgreSQL if it is missing)"
if ! pg_env=$(bash "$ROOT/scripts/start-test-postgres.sh"); then
    err "could not provision/start PostgreSQL for the tests (see messages above)"
    finish 5
fi
eval "$pg_env"
PG_DIR=$OPENRIS_TEST_PGDATA
export OPENRIS_TEST_POSTGRES
export OPENRIS_TEST_REQUIRE_POSTGRES=1
say "PostgreSQL for tests: $OPENRIS_TEST_POSTGRES (data in $PG_DIR)"
check_interrupt

# ---------------------------------------------------------------- Chromium
# The browser tests (tests/OpenRis.Web.Tests/Browser) drive Debian's chromium through Playwright;
# Playwright itself never downloads a browser. Install the package when it is missing.
if [ ! -x /usr/bin/chromium ]; then
    say "Chromium not found; installing Debian's chromium with apt-get (for the browser tests)"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo -n); fi
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || true
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 \
            || err "could not install chromium; the browser tests will fail"
    fi
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# ---------------------------------------------------------------- OCR
# Scanned PDF pages are read with Tesseract (German data) after pdftoppm renders them; the OCR tests
# (tests/OpenRis.Web.Tests/Search/OcrTests.cs) use both. Install them when missing.
if ! command -v tesseract >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
    || ! tesseract --list-langs 2>/dev/null | grep -qx deu; then
    say "Tesseract with German data or pdftoppm not found; installing tesseract-ocr tesseract-ocr-deu poppler-utils with apt-get (for OCR)"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo -n); fi
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y tesseract-ocr tesseract-ocr-deu poppler-utils >&2; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || true
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y tesseract-ocr tesseract-ocr-deu poppler-utils >&2 \
            || err "could not install tesseract; the OCR tests will fail"
    fi
fi
# Many test hosts and OpenRIS processes run at once; file providers poll instead of taking one of
# the user's 128 inotify instances each (tests/OpenRis.Web.Tests/RisApp.cs does the same in-process).
export DOTNET_USE_POLLING_FILE_WATCHER=true
check_interrupt

# ---------------------------------------------------------------- German word list
# Search splits compound words with Debian's wngerman list (/usr/share/dict/ngerman); without it
# the app still searches, but "Strategie" no longer finds "Digitalisierungsstrategie".
if [ ! -f /usr/share/dict/ngerman ]; then
    say "German word list not found; installing Debian's wngerman with apt-get (for compound search)"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo -n); fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y wngerman >&2 \
        || err "could not install wngerman; the compound search tests will fail"
fi
check_interrupt

# ---------------------------------------------------------------- format
if [ -n "$FORMAT" ]; then
    say "dotnet format $SOLUTION --verify-no-changes"
    if ! dotnet format "$SOLUTION" --verify-no-changes; then
        check_interrupt
        err "dotnet format --verify-no-changes failed: the code is not formatted as .editorconfig requires."
        err "Run 'dotnet format $SOLUTION' and commit the result."
        FAILED=1 # a failed check counts as a failure in the totals, not as "0 failed"
        finish 2
    fi
    check_interrupt
fi

# ---------------------------------------------------------------- dependencies
# Known vulnerabilities in any package, direct or transitive (NuGet's advisory data).
if [ -n "$FORMAT" ]; then
    say "dotnet list package --vulnerable --include-transitive"
    if ! AUDIT=$(dotnet list "$SOLUTION" package --vulnerable --include-transitive 2>&1) \
        || grep -q "has the following vulnerable packages" <<<"$AUDIT"; then
        printf '%s\n' "$AUDIT" >&2
        check_interrupt
        err "the dependency vulnerability check failed (see above): update the package or explain the exception."
        FAILED=1
        finish 2
    fi
    check_interrupt
fi

# ---------------------------------------------------------------- build
say "dotnet build $SOLUTION -c $CONFIGURATION"
if ! dotnet build "$SOLUTION" -c "$CONFIGURATION"; then
    check_interrupt
    err "the build failed (see the errors above); no tests were run."
    finish 3
fi
check_interrupt

# ---------------------------------------------------------------- tests
rm -rf -- "$RESULTS_DIR"
mkdir -p -- "$RESULTS_DIR"
LOG=$RESULTS_DIR/dotnet-test.log
TEST_ARGS=(test --solution "$SOLUTION" -c "$CONFIGURATION" --no-build
    --results-directory "$RESULTS_DIR" --report-xunit --report-xunit-trx
    --no-ansi --no-progress)
TEST_ARGS+=("${FILTER_ARGS[@]}" "${EXTRA_ARGS[@]}")
if [[ " ${FILTER_ARGS[*]} ${EXTRA_ARGS[*]} " == *" --filter"* ]]; then
    # A test project in which nothing matches the filter exits with code 8 (zero
    # tests ran); that is expected when filtering. Zero tests overall still fails below.
    TEST_ARGS+=(--ignore-exit-code 8)
fi

say "dotnet ${TEST_ARGS[*]}"
# Run in the background and `wait`, so that signals reach the trap at once;
# timeout(1) bounds the run and takes the test hosts down with it.
{
    set +e
    timeout -k 30s "$TEST_TIMEOUT" dotnet "${TEST_ARGS[@]}" 2>&1 &
    echo $! >"$WORK/timeout.pid"
    wait $!
    echo $? >"$WORK/test.rc"
} | tee "$LOG" &
TEST_PID=$!
while [ -n "$TEST_PID" ] && kill -0 "$TEST_PID" 2>/dev/null; do
    wait "$TEST_PID" 2>/dev/null || true
    [ -n "$INTERRUPTED" ] && break
done
TEST_PID=""
TEST_RC=$(cat "$WORK/test.rc" 2>/dev/null || echo 255)

# ---------------------------------------------------------------- totals
# xUnit.net v2+ XML (one file per test project): the <assembly> element carries
# total/passed/failed/skipped/errors/not-run. `errors` are failures outside a
# test (fixture or class cleanup), counted as failed; `not-run` (explicit tests)
# count as skipped.
attr() { sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$2" | head -n 1; }
REPORTS=0
shopt -s nullglob
for report in "$RESULTS_DIR"/*.xunit; do
    while IFS= read -r asm; do
        REPORTS=$((REPORTS + 1))
        name=$(sed -n 's/.* name="\([^"]*\)".*/\1/p' <<<"$asm" | head -n 1)
        p=$(attr passed "$asm"); f=$(attr failed "$asm"); s=$(attr skipped "$asm")
        e=$(attr errors "$asm"); n=$(attr not-run "$asm")
        p=${p:-0} f=${f:-0} s=${s:-0} e=${e:-0} n=${n:-0}
        PASSED=$((PASSED + p)); FAILED=$((FAILED + f + e)); SKIPPED=$((SKIPPED + s + n))
        say "$(basename "$name" .dll): $p passed, $((f + e)) failed, $((s + n)) skipped$([ "$e" -gt 0 ] && echo " ($e of the failures outside tests: fixture/cleanup errors)")"
    done < <(grep -o '<assembly [^>]*>' "$report" || true)
done
shopt -u nullglob

# Test projects that crashed (or were killed) leave no report; count each as one failure.
MODULES=$(awk '/^Test run summary:/ { s = 1; next } s && /^[[:space:]]*$/ { exit } s && /\.dll \(/ { n++ } END { print n + 0 }' "$LOG" 2>/dev/null || echo 0)
if [ "$MODULES" -gt "$REPORTS" ]; then
    err "$((MODULES - REPORTS)) test project(s) ended without a report (crashed test host?); each counted as 1 failed"
    FAILED=$((FAILED + MODULES - REPORTS))
fi
if [ "$TEST_RC" -eq 124 ] || [ "$TEST_RC" -eq 137 ]; then
    err "dotnet test did not finish within OPENRIS_TEST_TIMEOUT=$TEST_TIMEOUT and was killed"
fi
if [ "$TEST_RC" -ne 0 ] && [ "$FAILED" -eq 0 ] && [ -z "$INTERRUPTED" ]; then
    err "dotnet test exited with code $TEST_RC but the reports show no failed test (crash, timeout or a test host error; see $LOG); counted as 1 failed"
    FAILED=1
fi

if [ "$FAILED" -gt 0 ]; then
    # Name the failed tests once more, close to the summary.
    failed_names=$(cat "$RESULTS_DIR"/*.xunit 2>/dev/null | grep -o '<test [^>]*result="Fail"[^>]*>' \
        | sed -n 's/.* name="\([^"]*\)".*/\1/p' | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' || true)
    if [ -n "$failed_names" ]; then
        say "Failed tests:"
        printf '%s\n' "$failed_names" | head -n 100 | sed 's/^/    /' >&2
    fi
    say "Reports: $RESULTS_DIR (xUnit.net XML *.xunit, TRX *.trx, dotnet-test.log)"
    finish 1
fi
check_interrupt
if [ $((PASSED + FAILED)) -eq 0 ]; then
    err "no tests ran (dotnet test exit code $TEST_RC)"
    finish 4
fi
finish 0

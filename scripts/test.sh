#!/usr/bin/env bash
# Run every xentlab test, the way CI does (.ci/run):
#   1. build/       : meson test, all suites (core, app and the real-window test
#                     under Xvfb driven by xdotool);
#   2. build-asan/  : AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer,
#                     suites core and app.
# Missing Debian/Ubuntu packages are installed first (see scripts/lib.sh). The last
# line of output is "N passed, M failed"; the exit status is non-zero if any failed.
set -uo pipefail   # no -e: every phase runs, and the summary counts what failed
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

xl_ensure_packages "${XL_BUILD_PACKAGES[@]}" xvfb xauth xdotool x11-utils imagemagick

PASSED=0
FAILED=0
START=$SECONDS

# Last value of a meson test summary line ("Ok:  8") in a log; 0 if absent.
summary_count() {
    local label=$1 log=$2
    awk -v label="$label" '
        index($0, label ":") == 1 { v = substr($0, length(label) + 2); gsub(/[^0-9]/, "", v); n = v }
        END { print (n == "" ? 0 : n) }' "$log"
}

# run_suite NAME BUILD_DIR [meson test args...]: run and add its results to the tally.
run_suite() {
    local name=$1 dir=$2; shift 2
    local log
    log=$(mktemp)
    xl_log "$name: meson test -C $dir $*"
    meson test -C "$dir" --print-errorlogs "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    if ! grep -q '^Ok:' "$log"; then
        echo "$name: meson test stopped before its summary (exit status $rc); counted as 1 failure" >&2
        FAILED=$((FAILED + 1))
    else
        local ok xfail fail xpass timeout skipped
        ok=$(summary_count "Ok" "$log")
        xfail=$(summary_count "Expected Fail" "$log")
        fail=$(summary_count "Fail" "$log")
        xpass=$(summary_count "Unexpected Pass" "$log")
        timeout=$(summary_count "Timeout" "$log")
        skipped=$(summary_count "Skipped" "$log")
        PASSED=$((PASSED + ok + xfail))
        FAILED=$((FAILED + fail + xpass + timeout))
        if [ "$rc" -ne 0 ] && [ $((fail + xpass + timeout)) -eq 0 ]; then
            echo "$name: meson test exited with status $rc; counted as 1 failure" >&2
            FAILED=$((FAILED + 1))
        fi
        xl_log "$name: $((ok + xfail)) passed, $((fail + xpass + timeout)) failed, $skipped skipped"
    fi
    rm -f "$log"
}

# 1. The normal build, every suite (the window test needs no display: it starts Xvfb).
if xl_build build; then
    run_suite "tests" build
else
    echo "build/ failed to build; counted as 1 failure" >&2
    FAILED=$((FAILED + 1))
fi

# 2. Sanitizers. Leaks inside system libraries are suppressed in tests/lsan.supp.
if xl_build build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1 \
    LSAN_OPTIONS="suppressions=$XL_ROOT/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_suite "sanitizers" build-asan --suite core --suite app --timeout-multiplier 3
else
    echo "build-asan/ failed to build; counted as 1 failure" >&2
    FAILED=$((FAILED + 1))
fi

xl_log "scripts/test.sh took $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

#!/usr/bin/env bash
# Run every xentlab test, the way CI does (.ci/run):
#   1. build/       : meson test, all suites (core, app and the real-window test
#                     under Xvfb driven by xdotool);
#  1b. build-analyze/: clang's static analyzer (scripts/analyze.sh) against the
#                     reviewed baseline tests/analyzer-baseline.txt;
#   2. build-asan/  : AddressSanitizer + UndefinedBehaviorSanitizer (with
#                     float-cast-overflow, which -fsanitize=undefined leaves out) +
#                     LeakSanitizer: suites core and app (the hostile-input table
#                     included), then the real-window test;
#   3. build-fuzz/  : the lesson parser under libFuzzer for a minute (scripts/fuzz.sh),
#                     then the class server's request reading for 20 s (fuzz.sh form);
#   4. build-web/   : the browser build (scripts/web.sh; its ports are built once into
#                     ~/.cache/xentlab/web-ports) in headless Chromium (tests/web/).
# Missing Debian/Ubuntu packages are installed first (see scripts/lib.sh). The last
# line of output is "N passed, M failed"; the exit status is non-zero if any failed.
set -uo pipefail   # no -e: every phase runs, and the summary counts what failed
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # cds to the repository root

# chromium: the class suite's phone page (tests/class/test_class_phone.py) in step 1,
# the browser build in step 4. pocketsphinx: the voice export test transcribes the voice
# (tests/test_export_voice.py). fonts-wqy-microhei: the CJK font fontconfig finds for the
# Chinese test lesson (tests/test_scripts.c, tests/test_scripts_check.sh), the smallest
# Debian font that covers CJK (5 MB installed; DejaVu has Arabic, not CJK). espeak-ng:
# eSpeak NG's own program says the German and Spanish test lesson's words for comparison
# (tests/test_export_voice_lang.py; the library is libespeak-ng-dev, a build package).
xl_ensure_packages "${XL_BUILD_PACKAGES[@]}" xvfb xauth xdotool x11-utils imagemagick ffmpeg \
    desktop-file-utils appstream man-db groff-base zbar-tools chromium pocketsphinx pocketsphinx-en-us \
    fonts-wqy-microhei espeak-ng

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

# Test builds fill every automatic variable that is read before it is written with a
# pattern (0xFE bytes: huge or NaN, a wild pointer), so an uninitialised read fails on
# every run instead of passing with whatever the stack held (issue 19). -Dtests=enabled:
# a missing Check fails the build rather than skipping the tests.
TEST_ARGS=(-Dtests=enabled -Dc_args=-ftrivial-auto-var-init=pattern)

# 1. The normal build, every suite (the window test needs no display: it starts Xvfb).
if xl_build build "${TEST_ARGS[@]}"; then
    run_suite "tests" build
else
    echo "build/ failed to build; counted as 1 failure" >&2
    FAILED=$((FAILED + 1))
fi

# 1b. Static analysis: clang's analyzer over every file meson builds; a finding not in
# the reviewed baseline (tests/analyzer-baseline.txt) fails.
mkdir -p build-analyze
if bash scripts/analyze.sh build-analyze >build-analyze/summary.log 2>&1; then
    PASSED=$((PASSED + 1))
    xl_log "$(tail -n 1 build-analyze/summary.log)"
else
    FAILED=$((FAILED + 1))
    echo "analyze: new findings (build-analyze/summary.log; HTML in build-analyze/report/):" >&2
    tail -n 40 build-analyze/summary.log >&2
fi

# 2. Sanitizers. Leaks inside system libraries are suppressed in tests/lsan.supp.
# float-cast-overflow: a double too large for the int it is cast to (a pixel coordinate
# from a huge logit) is undefined behaviour that -fsanitize=undefined does not check.
ASAN_ARGS=(-Dtests=enabled -Db_sanitize=address,undefined -Db_lundef=false
           "-Dc_args=-fsanitize=float-cast-overflow -ftrivial-auto-var-init=pattern"
           -Dc_link_args=-fsanitize=float-cast-overflow)
SAN_ASAN=detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1
SAN_LSAN="suppressions=$XL_ROOT/tests/lsan.supp:print_suppressions=0"
SAN_UBSAN=print_stacktrace=1:halt_on_error=1
if xl_build build-asan "${ASAN_ARGS[@]}"; then
    ASAN_OPTIONS=$SAN_ASAN LSAN_OPTIONS=$SAN_LSAN UBSAN_OPTIONS=$SAN_UBSAN \
        run_suite "sanitizers" build-asan --suite core --suite app --timeout-multiplier 3
    # The real window under ASan. Under Xvfb, SDL's probe of an OpenGL renderer loads
    # Mesa's software DRI driver (swrast_dri.so), which allocates 128 bytes it never
    # frees and is unloaded (dlclose) before LeakSanitizer looks: with the default
    # frame-pointer unwinder the stack stops at the first frame, in the unloaded
    # module ("<unknown module>"), so no suppression can match it. The full (DWARF)
    # unwinder at malloc time, fast_unwind_on_malloc=0, records the whole stack while
    # the driver is loaded; its callers in libGLX_mesa.so (still loaded) then match the
    # Mesa line of tests/lsan.supp. Nothing is hidden that does not pass through Mesa:
    # a leak in xentlab's own code still fails the test, with a full stack. It is kept
    # to these suites because the slow unwinder costs on every allocation. The class
    # suite (a real window too) runs here for its hostile phones: every request the
    # server reads under ASan and UBSan, and LeakSanitizer at the exit. (Forcing
    # SDL_RENDER_DRIVER=software would avoid GL altogether, but would also skip the
    # GL probe in ui_window.c that the window test exercises.)
    ASAN_OPTIONS=$SAN_ASAN LSAN_OPTIONS="$SAN_LSAN:fast_unwind_on_malloc=0" UBSAN_OPTIONS=$SAN_UBSAN \
        run_suite "sanitizers-window" build-asan --suite window --suite class --timeout-multiplier 3
else
    echo "build-asan/ failed to build; counted as 1 failure" >&2
    FAILED=$((FAILED + 1))
fi

# 3. The lesson parser fuzzed for a minute (libFuzzer, ASan, UBSan), seeded with the
# shipped lessons: a crash, a read past the input or a broken invariant fails it.
mkdir -p build-fuzz
if bash scripts/fuzz.sh 60 >build-fuzz/fuzz.log 2>&1; then
    PASSED=$((PASSED + 1))
    xl_log "fuzz: $(grep -E 'number_of_executed_units' build-fuzz/fuzz.log | awk '{print $2}') inputs, no finding"
else
    FAILED=$((FAILED + 1))
    echo "fuzz: the lesson parser failed (build-fuzz/fuzz.log):" >&2
    tail -n 40 build-fuzz/fuzz.log >&2
fi

# 3b. The class server's own request reading and page escaping (tests/fuzz_form.c), 20 s.
if bash scripts/fuzz.sh 20 form >build-fuzz/fuzz-form.log 2>&1; then
    PASSED=$((PASSED + 1))
    xl_log "fuzz form: $(grep -E 'number_of_executed_units' build-fuzz/fuzz-form.log | awk '{print $2}') inputs, no finding"
else
    FAILED=$((FAILED + 1))
    echo "fuzz: the class server's request reading failed (build-fuzz/fuzz-form.log):" >&2
    tail -n 40 build-fuzz/fuzz-form.log >&2
fi

# 4. The browser build, served on 127.0.0.1 and driven in headless Chromium with real
# keys and clicks; its frames and trace are compared with the desktop build's (build/).
xl_ensure_packages chromium
mkdir -p build-web
if bash scripts/web.sh build-web/site >build-web/web.log 2>&1; then
    log=$(mktemp)
    for web_test in tests/web/test_web.py tests/web/test_web_touch.py tests/web/test_web_a11y.py; do
        PYTHONDONTWRITEBYTECODE=1 python3 "$web_test" build-web/site build/xentlab build-web/test-out 2>&1 |
            tee "$log"
        web_summary=$(tail -n 1 "$log")
        if [[ $web_summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
            PASSED=$((PASSED + BASH_REMATCH[1]))
            FAILED=$((FAILED + BASH_REMATCH[2]))
        else
            echo "web: $web_test stopped before its summary; counted as 1 failure" >&2
            FAILED=$((FAILED + 1))
        fi
    done
    rm -f "$log"
else
    FAILED=$((FAILED + 1))
    echo "web: scripts/web.sh failed (build-web/web.log):" >&2
    tail -n 40 build-web/web.log >&2
fi

xl_log "scripts/test.sh took $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

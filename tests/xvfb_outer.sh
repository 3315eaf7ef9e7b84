# xvfb_outer.sh: the outer part shared by the real-window tests (test_window.sh,
# test_lesson_window.sh, test_replay.sh), sourced by them. It checks the tools, makes
# the test's output folder, starts a private X server and runs the test's inner part in
# it, within a time limit:
#
#   xvfb_outer NAME SECONDS SCRIPT ARGS...
#
# runs `bash SCRIPT --inner ARGS... OUT` under xvfb-run (DISPLAY set, 1280x720x24) and
# exits with its status: 77 ("skipped" for meson) when a tool is missing, 1 when the
# time runs out. OUT is $MESON_BUILD_ROOT/NAME (or ./NAME in a build folder, else
# /tmp/NAME), emptied first and kept afterwards for the screenshots and traces.
# xvfb_window_test (at the end) is both parts of the simplest such test.
xvfb_outer() {
    local name=$1 limit=$2 script=$3
    shift 3
    local tool root out rc
    for tool in xvfb-run xauth xdotool python3; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$name skipped: $tool is not installed (scripts/test.sh installs it)"
            exit 77
        fi
    done
    if [ -n "${MESON_BUILD_ROOT:-}" ]; then root=$MESON_BUILD_ROOT
    elif [ -d meson-private ]; then root=$PWD
    else root=/tmp; fi
    out="$root/$name"
    rm -rf "$out"
    if ! mkdir -p "$out"; then echo "cannot create $out"; exit 1; fi
    # The search for a free display starts at a random number: xvfb-run kills its server
    # at exit without waiting, so the next test starting at the same number could take
    # the display whose old server is still closing (its lock gone, its abstract socket
    # not yet), and the program would connect to that one and fail ("no window could be
    # opened"). -n before -a: -a searches from the number given so far.
    timeout -k 3 "$limit" xvfb-run -n $((100 + RANDOM % 800)) -a -s "-screen 0 1280x720x24 -nolisten tcp" \
        bash "$script" --inner "$@" "$out"
    rc=$?
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        echo "FAIL: $name did not finish within $limit s; see $out"
        exit 1
    fi
    exit $rc
}

# Both parts of a real-window test whose one argument is path/to/xentlab
# (test_mic_window.sh, test_sound_window.sh), called first thing in it:
#
#   source "$(dirname "$0")/xvfb_outer.sh"
#   xvfb_window_test NAME SECONDS "$@"
#
# Outside the X server: xvfb_outer NAME SECONDS with the script and path/to/xentlab (it
# does not return). Inside (--inner): sets xentlab, out, here (the tests folder), trace
# ($out/trace.log) and errlog ($out/stderr.log), sources window_lib.sh and enters $out.
xvfb_window_test() {
    local name=$1 limit=$2
    shift 2
    if [ "${1:-}" != "--inner" ]; then
        xvfb_outer "$name" "$limit" "$0" "${1:?usage: $(basename "$0") path/to/xentlab}"
    fi
    # shellcheck disable=SC2034  # xentlab, here, trace: the calling test's
    xentlab=$2
    out=$3
    here=$(cd "$(dirname "$0")" && pwd)
    trace="$out/trace.log"
    errlog="$out/stderr.log"
    # shellcheck source=tests/window_lib.sh
    source "$here/window_lib.sh"
    cd "$out" || exit 1
}

# window_lib.sh: the inner part's helpers shared by the real-window tests
# (test_window.sh, test_lesson_window.sh, test_focus_window.sh, test_reload.sh,
# test_controls.sh), sourced by them once xvfb_outer.sh has started a private X server.
#
# The caller sets, before sourcing:
#   out     the test's output folder (screenshots, traces)
#   errlog  where xentlab's stderr goes
#   trace   the --trace output that tq reads (may be unset for a test without one)
# and optionally FAIL_TRACE_GREP, a pattern: fail then shows the trace's last lines
# that match it (the lesson lines, say) instead of its last lines.
#
# It defines pid (the xentlab under test, empty when none), win (its window), the EXIT
# trap that kills it, and:
#   fail MESSAGE...              print it, the trace's and stderr's tails, a screenshot; exit 1
#   tq START EXPR                a Python expression over the trace from line START on
#                                (trace_query.py: L, C, S, Ls, last, cmd()); prints the
#                                value, succeeds if it is truthy
#   wait_for SECONDS START EXPR  poll tq until it succeeds, the time runs out or xentlab exits
#   mark                         the trace's lines so far (a START for tq)
#   key NAME                     press a key (xdotool names: n, shift+s, Next, F2)
#   snap NAME                    the whole screen into $out/NAME.png, if ImageMagick is here
#   open_window TITLE CMD...     run CMD in the background (pid; its stdout to $trace,
#                                its stderr added to $errlog), wait up to 15 s for a
#                                visible window whose name matches TITLE (win), give it
#                                the keyboard and let the first frame draw
#   quit_window WHAT             press q; fail unless xentlab (WHAT, in the messages)
#                                exits within 3 s with status 0
# Tests may define shot() of their own (an F12 shot, say); fail uses snap.

pid=
win=
have_magick=1
for tool in import compare convert; do command -v $tool >/dev/null 2>&1 || have_magick=0; done
window_lib_dir=$(dirname "${BASH_SOURCE[0]}")

# shellcheck disable=SC2317  # run by the trap
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null
        sleep 0.3
        kill -9 "$pid" 2>/dev/null
    fi
}
trap cleanup EXIT

snap() {
    [ $have_magick -eq 1 ] || return 0
    import -window root "$out/$1.png" 2>>"$errlog" || echo "note: screenshot $1 failed"
}

fail() {
    echo "FAIL: $*"
    if [ -n "${trace:-}" ]; then
        echo "---- last trace lines ($trace) ----"
        if [ -n "${FAIL_TRACE_GREP:-}" ]; then
            grep -- "$FAIL_TRACE_GREP" "$trace" 2>/dev/null | tail -n 12 | cut -c1-220
        else
            tail -n 15 "$trace" 2>/dev/null | cut -c1-400
        fi
    fi
    echo "---- xentlab stderr ($errlog) ----"
    tail -n 15 "$errlog" 2>/dev/null
    snap "at-failure"
    echo "Screenshots and traces are in $out/"
    exit 1
}

tq() { python3 "$window_lib_dir/trace_query.py" "$trace" "$1" "$2"; }

wait_for() {
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -le "$deadline" ]; do
        tq "$2" "$3" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

mark() { wc -l <"$trace" | tr -d ' '; }

key() { xdotool key --clearmodifiers "$1" 2>>"$errlog" || fail "xdotool key $1 failed"; }

open_window() {
    local title=$1 st
    shift
    "$@" >"$trace" 2>>"$errlog" &
    pid=$!
    win=
    for _ in $(seq 75); do
        win=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1)
        [ -n "$win" ] && break
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid"
            st=$?
            pid=
            fail "xentlab exited with status $st before showing a window"
        fi
        sleep 0.2
    done
    [ -n "$win" ] || fail "no visible window named '$title' within 15 s"
    # The first window found may not be the one that stays: SDL replaces a window whose
    # flags its renderer cannot use, and a slow (sanitizer) start leaves time to find the
    # first. Take the window once the same one is found twice, 0.3 s apart.
    local again
    for _ in $(seq 30); do
        sleep 0.3
        again=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | tail -n 1)
        [ "$again" = "$win" ] && break
        [ -n "$again" ] && win=$again
    done
    # Under a bare Xvfb no window manager can activate the window (windowactivate then
    # fails at once): give it the keyboard focus directly as well. Bounded: --sync waits
    # for the focus forever if the window has gone.
    timeout 5 xdotool windowactivate "$win" 2>/dev/null
    timeout 5 xdotool windowfocus --sync "$win" 2>>"$errlog" || timeout 5 xdotool windowfocus "$win" 2>>"$errlog"
    sleep 0.5 # the first frame
}

quit_window() {
    key q
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && fail "q did not quit $1"
    wait "$pid"
    local st=$?
    pid=
    [ $st -eq 0 ] || fail "$1 exited with status $st"
}

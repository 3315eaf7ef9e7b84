#!/usr/bin/env bash
# Focus in a real window (issue 21), under Xvfb with xdotool, checked through --trace:
# F2 focuses the main picture, Esc leaves the focus (and does not quit), a double-click
# on the bars' title focuses them and another goes back, Shift+F2 moves to the next
# panel, and Esc quits only once nothing is in focus.
#
#   tests/test_focus_window.sh path/to/xentlab
#
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer focus-window-test 60 "$0" "${1:?usage: test_focus_window.sh path/to/xentlab}"
fi

xentlab=$2
out=$3
trace="$out/trace.log"
errlog="$out/stderr.log"
# shellcheck source=tests/window_lib.sh
source "$(dirname "$0")/window_lib.sh"
# The focus texts traced from line START on, as a Python list.
focus_is() { wait_for 5 "$1" "[c['text'] for c in C if c['command'] == 'focus'] == $2"; }

open_window xentlab "$xentlab" --trace --size 1280x720

# F2 with the pointer off the window's panels (on the status bar): the landscape.
xdotool mousemove --window "$win" 640 8 2>>"$errlog"
m=$(mark)
key F2
focus_is "$m" "['focus landscape']" || fail "F2: expected 'focus landscape'"
sleep 0.5 # the change's 0.3 s
# Esc: the focus goes, the program stays.
m=$(mark)
key Escape
focus_is "$m" "['focus off']" || fail "Esc with a focus: expected 'focus off'"
sleep 0.6
kill -0 "$pid" 2>/dev/null || fail "Esc with a panel in focus quit the program"
# A double-click on the bars' title (the top left panel's first line): the bars; the
# same place holds the focused bars' title, and a double-click there goes back.
m=$(mark)
xdotool mousemove --window "$win" 60 58 click --repeat 2 --delay 60 1 2>>"$errlog"
focus_is "$m" "['focus bars']" || fail "double-click on the bars' title: expected 'focus bars'"
sleep 0.6
m=$(mark)
xdotool mousemove --window "$win" 60 58 click --repeat 2 --delay 60 1 2>>"$errlog"
focus_is "$m" "['focus off']" || fail "double-click on the focused title: expected 'focus off'"
sleep 0.6
# Shift+F2 twice from the dashboard: the first panel, then the next.
xdotool mousemove --window "$win" 640 8 2>>"$errlog"
m=$(mark)
key shift+F2
key shift+F2
focus_is "$m" "['focus bars', 'focus readouts']" || fail "Shift+F2 twice: expected bars, then readouts"
m=$(mark)
key Escape
focus_is "$m" "['focus off']" || fail "Esc: expected 'focus off'"
# Esc with nothing in focus: quit.
key Escape
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Esc with nothing in focus did not quit"
wait "$pid"
st=$?
pid=
[ "$st" -eq 0 ] || fail "xentlab exited with status $st"
echo "ok: F2, Esc, double-click on a title and Shift+F2 focus in a real window; Esc quits last"

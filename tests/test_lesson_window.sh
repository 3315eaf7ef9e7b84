#!/usr/bin/env bash
# The lesson player in a real X window (Xvfb), driven like a presentation clicker with
# xdotool and checked through the --trace lesson lines: Page Down / Right / Page Up /
# Left / Home / F5 move through pages, going back restores a page's start bit for bit
# (the same state hash and readouts), a question is answered with a number key, the
# learner takes over and the next key continues from the scripted state, B and . blank
# the screen (pure black) and any key brings it back, P opens the presenter window, M
# the menu, Escape leaves for the sandbox, Page Down returns, and Escape there asks
# before it quits.
#
#   tests/test_lesson_window.sh path/to/xentlab path/to/lessons
#
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer lesson-window-test 100 "$0" "${1:?usage: test_lesson_window.sh path/to/xentlab path/to/lessons}" \
        "${2:?usage: test_lesson_window.sh path/to/xentlab path/to/lessons}"
fi

xentlab=$2
lessons=$3
out=$4
trace="$out/trace.log"
errlog="$out/stderr.log"
FAIL_TRACE_GREP='"lesson"'
# shellcheck source=tests/window_lib.sh
source "$(dirname "$0")/window_lib.sh"
shot() { snap "$1"; }

# The state hash of the last lesson line that says page P, phase PH.
state_of() { tq 0 "[o for o in Ls if o['page'] == $1 and o['phase'] == '$2'][-1]['state']"; }

lesson="$lessons/06-gradient-descent.lesson"
open_window 'cross-entropy lab' "$xentlab" --trace --size 1280x720 --lesson "$lesson"
wait_for 5 0 'Ls and Ls[0]["lesson"] == "open" and Ls[0]["page"] == 1 and Ls[0]["pages"] == 4' ||
    fail "expected a lesson line {\"lesson\":\"open\",\"page\":1,\"pages\":4}"
start1=$(tq 0 'Ls[0]["state"]')
loss1=$(tq 0 'Ls[0]["readouts"]["loss"]')
shot "01-page1"

# ---- Page Down: page 2 asks before it plays ----
m=$(mark)
key Next
wait_for 5 "$m" 'last.get("page") == 2 and last["phase"] == "asking"' || fail "Page Down: expected page 2, asking"
start2=$(tq "$m" 'last["state"]')
shot "02-asking"
# The answer: 1 (a number key answers; it does not select a class), then the play.
m=$(mark)
key 1
wait_for 5 "$m" 'any(o["phase"] == "playing" for o in Ls)' || fail "key 1: expected the play to start"
tq "$m" 'not any(c["command"] == "select" for c in C)' >/dev/null || fail "key 1 selected a class while asking"
wait_for 10 "$m" 'last["phase"] == "done" and last["step"] == 50' || fail "expected the play to end at step 50"
shot "03-answered"

# ---- Left: page 1 again, bit for bit; Right: page 2's start again ----
m=$(mark)
key Left
wait_for 5 "$m" 'last["page"] == 1' || fail "Left: expected page 1"
tq "$m" "last['state'] == '$start1' and last['readouts']['loss'] == $loss1" >/dev/null ||
    fail "Left: page 1's state differs from its first showing ($start1)"
m=$(mark)
key Right
wait_for 5 "$m" 'last["page"] == 2 and last["phase"] == "asking"' || fail "Right: expected page 2 asking"
tq "$m" "last['state'] == '$start2' and last['step'] == 0" >/dev/null || fail "Right: page 2's start differs"

# ---- the learner takes over (steps, a uniform P); → goes on from the scripted state ----
m=$(mark)
key n; key n; key u
wait_for 5 "$m" 'len(C) >= 3' || fail "keys n n u: expected three commands"
m=$(mark)
# Right reveals the answer and plays from the scripted state; a second Right at once
# skips the rest of the play. (Waiting to see the play start first lost a race under
# load: the trace polls took longer than the play's 50 steps, so the second Right found
# the play over and went on to page 3.)
key Right
key Right
wait_for 5 "$m" 'any(o["phase"] == "playing" and o["state"] == "'"$start2"'" and o["step"] == 0 for o in Ls)' ||
    fail "Right after taking over: expected the play to start from page 2's scripted state"
wait_for 5 "$m" 'last["page"] == 2 and last["phase"] == "done" and last["step"] == 50' ||
    fail "Right: expected the play skipped to step 50"
m=$(mark)
key Page_Down
wait_for 5 "$m" 'last["page"] == 3' || fail "Page Down: expected page 3"
sleep 0.2
# Page 3 plays 50 steps; take over mid-way or after, then back and forth: same start.
key u
sleep 0.3
m=$(mark)
key Prior
wait_for 5 "$m" 'last["page"] == 2' || fail "Page Up: expected page 2"
key Page_Down; key Page_Down; key Page_Down
wait_for 5 "$m" 'last["page"] == 3' || fail "expected page 3 again"
s3=$(tq 0 "[o for o in Ls if o['page'] == 3 and o['lesson'] == 'page'][0]['state']")
tq "$m" "[o for o in Ls if o['page'] == 3 and o['lesson'] == 'page'][-1]['state'] == '$s3'" >/dev/null ||
    fail "page 3's start differs between its two showings"

# ---- blank: B, then any key (x: not "remove point") brings it back ----
# (Blank and unblank lines are looked for among the lines since the key, not as the last
# one: a play that goes on after the screen comes back can write its next line first.)
m=$(mark)
key b
wait_for 5 "$m" 'any(o["lesson"] == "blank" for o in Ls)' || fail "B: expected a blank line"
sleep 0.4
shot "04-blank"
if [ $have_magick -eq 1 ]; then
    max=$(convert "$out/04-blank.png" -format '%[fx:maxima]' info: 2>>"$errlog")
    [ "$max" = "0" ] || fail "B: the screen is not pure black (brightest value $max)"
fi
m=$(mark)
key x
wait_for 5 "$m" 'any(o["lesson"] == "unblank" for o in Ls)' || fail "x after B: expected the screen back"
tq "$m" 'not C' >/dev/null || fail "the key that brought the screen back also did something"
m=$(mark)
key period
wait_for 5 "$m" 'any(o["lesson"] == "blank" for o in Ls)' || fail "period: expected a blank line"
m=$(mark)
key space
wait_for 5 "$m" 'any(o["lesson"] == "unblank" for o in Ls)' || fail "space after period: expected the screen back"

# ---- Home and F5: page 1, as it started ----
m=$(mark)
key End
wait_for 5 "$m" 'last["page"] == 4' || fail "End: expected page 4"
key Home
wait_for 5 "$m" "last['page'] == 1 and last['state'] == '$start1'" || fail "Home: expected page 1 as it started"
key Page_Down
wait_for 5 "$m" "last['page'] == 2" || fail "Page Down: expected page 2"
m=$(mark)
key F5
wait_for 5 "$m" "any(o['lesson'] == 'again' for o in Ls) and last['page'] == 2" || fail "F5: expected page 2 again"
key shift+F5
wait_for 5 "$m" "last['page'] == 1 and last['state'] == '$start1'" || fail "Shift+F5: expected page 1 as it started"

# ---- P: the presenter window, and P again closes it ----
m=$(mark)
key p
wait_for 5 "$m" 'last["lesson"] == "presenter"' || fail "P: expected the presenter line"
pw=
for _ in $(seq 25); do
    pw=$(xdotool search --onlyvisible --name 'presenter' 2>/dev/null | head -n 1)
    [ -n "$pw" ] && break
    sleep 0.2
done
[ -n "$pw" ] || fail "P: no presenter window appeared"
sleep 0.5
shot "05-presenter"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null
m=$(mark)
key Next
wait_for 5 "$m" 'last["page"] == 2' || fail "Page Down with the presenter open: expected page 2"
key p
wait_for 5 "$m" 'last["lesson"] == "presenter-closed"' || fail "P again: expected the presenter closed"
# Xvfb has no window manager: when the presenter window goes, X focus may go with it
# (BadWindow in a SetInputFocus, then M lost). Give it back to the main window.
sleep 0.2
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null

# ---- M: the menu; Down Down Enter opens the third lesson; Escape: the sandbox ----
m=$(mark)
key m
wait_for 5 "$m" 'last["lesson"] == "menu"' || fail "M: expected the menu"
sleep 0.3
shot "06-menu"
key Home; key Down; key Down; key Return
wait_for 5 "$m" 'last["lesson"] == "open" and last["file"].endswith("03-microstates.lesson") and last["page"] == 1' ||
    fail "menu: Home Down Down Enter: expected lesson 03 open on page 1"
# Lesson 03's first page puts its data in focus (@focus): the first Escape leaves the
# focus, the lesson stays open; the second leaves the lesson.
m=$(mark)
key Escape
sleep 0.5
tq "$m" 'not any(o.get("lesson") == "close" for o in Ls)' >/dev/null || fail "Escape on a focused page: expected the focus left first, the lesson still open"
key Escape
wait_for 5 "$m" 'last["lesson"] == "close"' || fail "Escape: expected the lesson closed"
sleep 0.3
shot "07-sandbox"
kill -0 "$pid" 2>/dev/null || fail "xentlab quit on Escape in a lesson (it should leave for the sandbox)"
# ---- a clicker's button sends Escape and F5 in turn: Page Down / F5 go back to the page left ----
m=$(mark)
key Page_Down
wait_for 5 "$m" 'last["lesson"] == "open" and last["file"].endswith("03-microstates.lesson") and last["page"] == 1' ||
    fail "Page Down in the sandbox after Escape: expected lesson 03 back on its page"
m=$(mark)
key Escape
sleep 0.5
key Escape
wait_for 5 "$m" 'last["lesson"] == "close"' || fail "Escape again: expected the lesson closed"
# Escape in the sandbox after a lesson asks; the next key (Escape or Q) answers yes.
key Escape
sleep 0.5
kill -0 "$pid" 2>/dev/null || fail "xentlab quit on Escape in the sandbox after a lesson without asking"
key q
for _ in $(seq 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$pid" 2>/dev/null; then fail "q: xentlab did not quit"; fi
wait "$pid"
st=$?
pid=
[ $st -eq 0 ] || fail "xentlab exited with status $st"
grep -q 'ERROR\|runtime error' "$errlog" && fail "errors on stderr"
echo "lesson window test passed: $(grep -c '"lesson"' "$trace") lesson lines; screenshots in $out"
exit 0

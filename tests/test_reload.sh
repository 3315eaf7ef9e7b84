#!/usr/bin/env bash
# A lesson that reloads while its author writes it, in a real X window (Xvfb): a copy of
# a shipped lesson is opened from a folder of its own (--lesson FILE), moved to page 3,
# and rewritten under the running window the ways editors save: a new file renamed over
# it, and a write in place (in a burst of three writes). Each save is checked through
# the --trace lesson lines (one "reload" line per save, still on page 3, the new page
# count) and through F12 screenshots: the narration column is, pixel for pixel, what a
# fresh headless open of the new text on page 3 draws. Then the file is broken (the
# column shows its errors, as a fresh open of the broken file does) and fixed (page 3
# again, in the state it had). Nothing is reloaded while nothing changes, nor for
# another file in the folder. Last, the portable fallback (XENTLAB_WATCH_POLL=1: the
# file's stat polled) reloads a save too.
#
#   tests/test_reload.sh path/to/xentlab path/to/lessons
#
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer reload-test 120 "$0" "${1:?usage: test_reload.sh path/to/xentlab path/to/lessons}" \
        "${2:?usage: test_reload.sh path/to/xentlab path/to/lessons}"
fi

xentlab=$2
lessons=$3
out=$4
trace="$out/trace.log"
errlog="$out/stderr.log"
work="$out/work"        # the author's folder
shots="$out/shots"      # where F12 saves
lesson="$work/a.lesson"
mkdir -p "$work" "$shots" || exit 1

FAIL_TRACE_GREP='"lesson"'
# shellcheck source=tests/window_lib.sh
source "$(dirname "$0")/window_lib.sh"
reloads_since() { tq "$1" 'len([o for o in Ls if o["lesson"] == "reload"])' 2>/dev/null; }

start() { # start [ENV=VALUE...]: xentlab on $lesson in a window, focused
    open_window 'cross-entropy lab' env "$@" "$xentlab" --trace --size 1280x720 --shots "$shots" --lesson "$lesson"
}

quit() { # q asks while a lesson is open; q again quits
    key q
    key q
    for _ in $(seq 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && fail "q q: xentlab did not quit"
    wait "$pid"
    local st=$?
    pid=
    [ $st -eq 0 ] || fail "xentlab exited with status $st"
}

# shot NAME: F12 in the window, the new file moved to $out/NAME.png.
shot() {
    local before after f
    before=$(find "$shots" -name '*.png' | wc -l)
    key F12
    for _ in $(seq 50); do
        after=$(find "$shots" -name '*.png' -size +0 | wc -l)
        [ "$after" -gt "$before" ] && break
        sleep 0.1
    done
    f=$(find "$shots" -name '*.png' -size +0 -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
    if [ -z "$f" ] || [ ! -s "$f" ]; then fail "F12: no screenshot saved in $shots"; fi
    sleep 0.2
    mv "$f" "$out/$1.png"
}

# column_diff A B [HEIGHT]: the narration column (the left 400 px, its top HEIGHT rows,
# all 720 by default) of two 1280x720 pictures, compared pixel by pixel; prints the
# count of pixels that differ.
column_diff() {
    local rows=${3:-720}
    convert "$out/$1.png" -crop "400x$rows+0+0" +repage "$out/$1-col.png" 2>>"$errlog" || return 1
    convert "$out/$2.png" -crop "400x$rows+0+0" +repage "$out/$2-col.png" 2>>"$errlog" || return 1
    compare -metric AE "$out/$1-col.png" "$out/$2-col.png" null: 2>&1
}

# reference NAME [--page K]: a fresh headless open of the file as it is now.
reference() {
    local name=$1
    shift
    "$xentlab" --headless --size 1280x720 --lesson "$lesson" "$@" -o "$out/$name.png" >/dev/null 2>>"$out/headless.log"
    [ -s "$out/$name.png" ] || fail "headless reference $name not drawn"
}

same_as_reference() { # same_as_reference SHOT REF WHAT [HEIGHT]
    [ $have_magick -eq 1 ] || return 0
    local d
    d=$(column_diff "$1" "$2" "${4:-720}")
    [ "$d" = "0" ] || fail "$3: the column differs from a fresh open of the file ($d pixels; $out/$1.png vs $out/$2.png)"
}

# ---- the lesson, from its own folder; page 3 (End, then Page Up: around page 2's question) ----
cp "$lessons/01-surprise.lesson" "$lesson" || fail "cannot copy the lesson"
original=$(cat "$lesson")
start
wait_for 5 0 'Ls and Ls[0]["lesson"] == "open" and Ls[0]["page"] == 1 and Ls[0]["pages"] == 4' ||
    fail "expected the lesson open on page 1 of 4"
m=$(mark)
key End
wait_for 5 "$m" 'last["page"] == 4' || fail "End: expected page 4"
key Prior
wait_for 5 "$m" 'last["page"] == 3' || fail "Page Up: expected page 3"
state3=$(tq 0 'last["state"]')
shot "01-page3"

# ---- nothing changes, or another file in the folder does: no reload ----
m=$(mark)
echo "the author's notes" >"$work/notes.txt"
sleep 1
[ "$(reloads_since "$m")" = "0" ] || fail "a reload without a change to the lesson's file"

# ---- a save by rename: new text on page 3 and a fifth page ----
text1=$(printf '%s\n\n## Page five\n\nOne more page.\n' "${original/An image classifier/A NEW image classifier}")
m=$(mark)
printf '%s\n' "$text1" >"$work/.a.lesson.swp"
mv "$work/.a.lesson.swp" "$lesson"
wait_for 5 "$m" 'last["lesson"] == "reload" and last["page"] == 3 and last["pages"] == 5' ||
    fail "save by rename: expected a reload line on page 3 of 5"
sleep 0.5
[ "$(reloads_since "$m")" = "1" ] || fail "save by rename: expected one reload, got $(reloads_since "$m")"
shot "02-renamed"
reference "02-renamed-ref" --page 3
same_as_reference "02-renamed" "02-renamed-ref" "save by rename"
if [ $have_magick -eq 1 ]; then
    d=$(column_diff "01-page3" "02-renamed-ref")
    [ "$d" != "0" ] || fail "the new text draws the same column as the old: the check above proves nothing"
fi

# ---- a save in place, in a burst of three writes: one reload ----
text2=${original/An image classifier/Written IN PLACE: an image classifier}
m=$(mark)
: >"$lesson"
sleep 0.05
printf '%s' "${text2:0:400}" >>"$lesson"
sleep 0.05
printf '%s\n' "${text2:400}" >>"$lesson"
wait_for 5 "$m" 'last["lesson"] == "reload" and last["page"] == 3 and last["pages"] == 4' ||
    fail "save in place: expected a reload line on page 3 of 4"
sleep 0.5
[ "$(reloads_since "$m")" = "1" ] || fail "save in place: a burst of writes gave $(reloads_since "$m") reloads"
shot "03-in-place"
reference "03-in-place-ref" --page 3
same_as_reference "03-in-place" "03-in-place-ref" "save in place"
state3b=$(tq "$m" 'last["state"]')
[ "$state3b" = "$state3" ] || fail "page 3 reloaded in state $state3b, not its start $state3"

# ---- broken: the errors in the column; fixed: page 3 again ----
m=$(mark)
printf '\n@no-such-directive 1\n' >>"$lesson"
wait_for 5 "$m" 'last["lesson"] == "reload" and last["page"] == 0 and last["phase"] == ""' ||
    fail "a broken save: expected a reload line with no page (the errors shown)"
shot "04-broken"
reference "04-broken-ref"
# The errors as a fresh open shows them; the foot differs: a watched file says that
# saving it is enough, where a fresh open says to open it again.
same_as_reference "04-broken" "04-broken-ref" "a broken save" 600
if [ $have_magick -eq 1 ]; then
    d=$(column_diff "04-broken" "04-broken-ref")
    [ "$d" != "0" ] || fail "a broken save: the column's foot does not say that saving the file reloads it"
fi
m=$(mark)
printf '%s\n' "$text2" >"$work/.a.lesson.swp"
mv "$work/.a.lesson.swp" "$lesson"
wait_for 5 "$m" 'last["lesson"] == "reload" and last["page"] == 3 and last["pages"] == 4 and last["phase"] != ""' ||
    fail "fixed: expected page 3 again"
tq "$m" "last['state'] == '$state3'" >/dev/null || fail "fixed: page 3 is not in its start state $state3"
shot "05-fixed"
same_as_reference "05-fixed" "03-in-place-ref" "fixed"
quit

# ---- the portable fallback: the file's stat polled ----
start XENTLAB_WATCH_POLL=1
wait_for 5 0 'Ls and Ls[0]["lesson"] == "open"' || fail "polling: expected the lesson open"
m=$(mark)
key End
wait_for 5 "$m" 'last["page"] == 4' || fail "polling: End: expected page 4"
m=$(mark)
printf '%s\n' "$text1" >"$work/.a.lesson.swp"
mv "$work/.a.lesson.swp" "$lesson"
wait_for 5 "$m" 'last["lesson"] == "reload" and last["page"] == 4 and last["pages"] == 5' ||
    fail "polling: expected a reload on page 4 of 5"
m=$(mark)
sleep 1
[ "$(reloads_since "$m")" = "0" ] || fail "polling: a reload without a change"
quit

grep -q 'ERROR\|runtime error' "$errlog" && fail "errors on stderr"
echo "reload test passed: $(grep -c '"reload"' "$trace") reloads in the last run; screenshots in $out"
exit 0

#!/usr/bin/env bash
# The quit question in another language (issue 26): in German, Q in a lesson asks
# "xentlab beenden?" at the foot of a real window (Xvfb, xdotool); any other key stays
# and takes the question away again (the window knows its note by its kind, not by its
# English words); Q twice quits. The foot is compared pixel by pixel: before the
# question, with it, and after the answer.
#
#   tests/test_quit_note.sh path/to/xentlab
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth, xdotool or ImageMagick missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    command -v import >/dev/null 2>&1 || { echo "skipped: ImageMagick's import is not installed"; exit 77; }
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer quit-note-test 60 "$0" "${1:?usage: test_quit_note.sh path/to/xentlab}"
fi

xentlab=$2
out=$3
cd "$out" || exit 1
pid=
# shellcheck disable=SC2317  # run by the trap
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "(the captures are in $out)"; exit 1; }

"$xentlab" --lang de --lesson 1 --size 1280x720 2>stderr.log &
pid=$!
win=
for _ in $(seq 75); do
    win=$(xdotool search --onlyvisible --name 'xentlab' 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    kill -0 "$pid" 2>/dev/null || fail "xentlab exited before showing a window"
    sleep 0.2
done
[ -n "$win" ] || fail "no window"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
sleep 1.0
k() { xdotool key --clearmodifiers "$1" || fail "xdotool key $1"; sleep 0.6; }
# The frame's lowest 60 rows, where the note is drawn.
foot() { import -window "$win" -crop 1280x60+0+660 +repage "$1.png" || fail "cannot capture the window"; }
differ() { compare -metric AE "$1.png" "$2.png" null: 2>&1 | cut -d' ' -f1; }

# The first frames may still be coming (a sanitizer build draws slowly): the foot is
# taken once two captures 0.4 s apart agree, for at most 20 s.
steady() {
    foot "$1"
    for _ in $(seq 50); do
        sleep 0.4
        foot "$1.next"
        [ "$(differ "$1" "$1.next")" = "0" ] && return 0
        mv "$1.next.png" "$1.png"
    done
    fail "the window's foot never settled"
}
steady before
k q
kill -0 "$pid" 2>/dev/null || fail "one Q quit without asking"
steady asked
k x
kill -0 "$pid" 2>/dev/null || fail "another key after the question quit"
steady answered
shown=$(differ before asked)
left=$(differ before answered)
echo "pixels changed: by the question $shown, after the answer $left"
[ "${shown%.*}" -gt 500 ] || fail "the question is not drawn at the foot ($shown pixels changed)"
[ "${left%.*}" -lt 50 ] || fail "the question stays after another key ($left pixels still changed)"
k q
k q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then fail "Q twice did not quit"; fi
wait "$pid"
st=$?
pid=
[ $st -eq 0 ] || fail "xentlab exited with status $st"
echo "ok: the German quit question is drawn, answered and gone"

#!/usr/bin/env bash
# Recording a live session's inputs and replaying them (issue 10), in a real X window
# (Xvfb) driven by xdotool:
#   - a sandbox session (play, P edits, steps, a race, bits, the theme, a click on the
#     landscape) recorded with --record-input, then replayed headless and in the window:
#     the same step lines and command lines, number for number, as the live --trace;
#   - a lesson driven like a clicker (Page Down, an answer, back, forward), replayed
#     headless: the same steps and the same final readouts;
#   - a broken file, a file from another version and ticks that do not add up are
#     refused with FILE:LINE:.
#
#   tests/test_replay.sh path/to/xentlab path/to/lessons
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer replay-test 110 "$0" "${1:?usage: test_replay.sh path/to/xentlab path/to/lessons}" \
        "${2:?usage: test_replay.sh path/to/xentlab path/to/lessons}"
fi

xentlab=$2
lessons=$3
out=$4
cd "$out" || exit 1
pid=
# shellcheck disable=SC2317  # run by the trap
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "(the recordings and traces are in $out)"; exit 1; }

start() { # start TRACE ARGS...: xentlab in the window, focused
    local trace=$1
    shift
    "$xentlab" --trace "$@" >"$trace" 2>>stderr.log &
    pid=$!
    win=
    for _ in $(seq 75); do
        win=$(xdotool search --onlyvisible --name 'cross-entropy lab' 2>/dev/null | head -n 1)
        [ -n "$win" ] && break
        kill -0 "$pid" 2>/dev/null || fail "xentlab $* exited before showing a window"
        sleep 0.2
    done
    [ -n "$win" ] || fail "no window for xentlab $*"
    xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
    sleep 0.5
}
k() { xdotool key --clearmodifiers "$1" || fail "xdotool key $1"; sleep 0.15; }
quit() {
    k q
    for _ in $(seq 10); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # With a lesson open, Q asks first ("quit xentlab?"): Q again says yes.
    if kill -0 "$pid" 2>/dev/null; then k q; fi
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    wait "$pid"
    local st=$?
    pid=
    [ $st -eq 0 ] || fail "xentlab exited with status $st"
}

# same A B WHAT: the step lines and the command lines (but quit) of two traces agree.
same() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
a, b, what = sys.argv[1], sys.argv[2], sys.argv[3]
def load(p):
    L = [json.loads(l) for l in open(p)]
    steps = [o for o in L if "command" not in o and "lesson" not in o]
    cmds = [o for o in L if "command" in o and o["command"] != "quit"]
    return steps, cmds
sa, ca = load(a)
sb, cb = load(b)
if sa != sb:
    i = next((i for i, (x, y) in enumerate(zip(sa, sb)) if x != y), min(len(sa), len(sb)))
    sys.exit("%s: step lines differ (%d and %d lines; first difference at %d)" % (what, len(sa), len(sb), i))
if ca != cb:
    sys.exit("%s: command lines differ: %r / %r" % (what, [c["command"] for c in ca], [c["command"] for c in cb]))
if len(sa) < 20:
    sys.exit("%s: only %d steps were recorded: the session did too little to test" % (what, len(sa)))
print("%s: %d step lines and %d command lines identical, the last at step %d, loss %r" %
      (what, len(sa), len(ca), sa[-1]["step"], sa[-1]["readouts"]["loss"]))
PY
}

# ---- a sandbox session ----------------------------------------------------------------
start live.jsonl --record-input sandbox.txt --size 1280x720
k space; sleep 1; k u; k Up; sleep 0.4; k space; k n; k n; k c; k n; k l; k t; k Right; k plus
k space; sleep 0.6; k space
xdotool mousemove --window "$win" 900 300 click 1
sleep 0.3
quit
grep -q '^xentlab-input 1 ' sandbox.txt || fail "sandbox.txt has no header"
grep -q ' advance ' sandbox.txt || fail "sandbox.txt has no steps of time"
grep -q ' do move-to ' sandbox.txt || fail "the click on the landscape was not recorded as move-to"
"$xentlab" --replay sandbox.txt --headless --trace -o replay.png >replay.jsonl 2>>stderr.log || fail "headless replay"
same live.jsonl replay.jsonl "headless replay" || fail "the headless replay differs from the live session"
[ -s replay.png ] || fail "the headless replay wrote no frame"

start window.jsonl --replay sandbox.txt
last_ms=$(tail -n 1 sandbox.txt | cut -d' ' -f1)
sleep "$(python3 -c "print($last_ms / 1000 + 1.5)")"   # the recording's length, and a margin
quit
same live.jsonl window.jsonl "window replay" || fail "the window replay differs from the live session"

# ---- a lesson, like a clicker ---------------------------------------------------------
start lesson.jsonl --record-input lesson.txt --lesson "$lessons/06-gradient-descent.lesson"
k Next; k 1; sleep 2.2; k Left; k Right; k Right; k Next; sleep 0.8; k n
quit
grep -q ' lesson answer 1$' lesson.txt || fail "the answer was not recorded: $(grep lesson lesson.txt)"
grep -q ' lesson open .*06-gradient-descent.lesson$' lesson.txt || fail "the lesson's opening was not recorded"
"$xentlab" --replay lesson.txt --headless --trace >lreplay.jsonl 2>>stderr.log || fail "headless lesson replay"
same lesson.jsonl lreplay.jsonl "lesson replay" || fail "the lesson replay differs"

# ---- a live session turned into a video ---------------------------------------------
if command -v ffprobe >/dev/null 2>&1; then
    "$xentlab" --replay lesson.txt --record lesson.mp4 --size 640x480 --fps 10 2>rec.log || fail "--replay --record: $(cat rec.log)"
    last_ms=$(tail -n 1 lesson.txt | cut -d' ' -f1)
    want=$(( (last_ms + 1000) * 10 / 1000 + ((last_ms + 1000) * 10 % 1000 > 0) ))
    # Its length in frames (a sample only for each picture that changed, each lasting
    # until the next: the stream's duration counts them all).
    n=$(ffprobe -v error -select_streams v -show_entries stream=duration -of csv=p=0 lesson.mp4 |
        python3 -c "import sys; print(round(float(sys.stdin.read()) * 10))")
    [ "$n" = "$want" ] || fail "the replayed video lasts $n frames, expected $want (the recording's $last_ms ms and 1 s)"
    titles=$(ffprobe -v error -show_entries chapter_tags=title -of default=noprint_wrappers=1:nokey=1 lesson.mp4 |
        tr '\n' '|')
    # Page 2, back to page 1, page 2 again (its play skipped): four chapters.
    case $titles in
        "Downhill on H(P,Q)|A rate too small|Downhill on H(P,Q)|A rate too small|") ;;
        *) fail "the replayed video's chapters are '$titles'" ;;
    esac
    echo "replay to video: $n frames, chapters $titles"
fi

# ---- refused files ----------------------------------------------------------------------
sed 's/^xentlab-input 1 [^ ]*/xentlab-input 1 0.0.1/' sandbox.txt >old.txt
"$xentlab" --replay old.txt --headless 2>err.txt && fail "a file from another version was replayed"
grep -q "old.txt:3: error: recorded by xentlab 0.0.1" err.txt || fail "another version: $(cat err.txt)"
# One more step in the first advance line, whatever its count (a slower machine records
# several steps a slice): every tick after it no longer adds up.
awk '!done && $3 == "advance" {$4 = $4 + 1; done = 1} {print}' sandbox.txt >tick.txt
cmp -s sandbox.txt tick.txt && fail "the test could not alter an advance line of sandbox.txt"
"$xentlab" --replay tick.txt --headless 2>err.txt && fail "ticks that do not add up were replayed"
grep -q "tick.txt:[0-9]*: error: tick .*, but the advances before it make" err.txt || fail "bad tick: $(cat err.txt)"
printf 'xentlab-input 1 %s\nsize 640 480\n10 0 do frobnicate\n' "$(sed -n 's/^xentlab-input 1 //p' sandbox.txt)" >cmd.txt
"$xentlab" --replay cmd.txt --headless 2>err.txt && fail "an unknown command was replayed"
grep -q "cmd.txt:3: error: 'frobnicate' is not a command" err.txt || fail "bad command: $(cat err.txt)"
grep -q 'runtime error\|AddressSanitizer' stderr.log && fail "sanitizer reports: $(grep -m3 'runtime error\|Sanitizer' stderr.log)"
echo "replay test passed"
exit 0

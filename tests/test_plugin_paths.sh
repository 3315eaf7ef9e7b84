#!/usr/bin/env bash
# The worked example of adding a scenario (tests/plugin/xl_scn_coin.c, built into
# xentlab-plugin) through every path a built-in scenario takes, with no line of src/
# naming it: the lists (--list-scenarios, --help, --list-commands), a real window (S
# cycles to it, its own key U sends its verb "fair", H shows the help sheet) recorded
# with --record-input and replayed headless to the same numbers, the trace's schema, a
# lesson that uses it (--check --play with expect lines), and a lesson that sends its
# verb to another scenario (refused by --check, naming it).
#
#   tests/test_plugin_paths.sh path/to/xentlab-plugin path/to/tests
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer plugin-paths 150 "$0" "${1:?usage: test_plugin_paths.sh path/to/xentlab-plugin path/to/tests}" \
        "${2:?usage: test_plugin_paths.sh path/to/xentlab-plugin path/to/tests}"
fi

xentlab=$2
tests=$3
out=$4
cd "$out" || exit 1
pid=
# shellcheck disable=SC2317  # run by the trap
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "(the files are in $out)"; exit 1; }
ok() { echo "ok   $*"; }

# ---- the lists ----------------------------------------------------------------------
"$xentlab" --list-scenarios >scenarios.txt || fail "--list-scenarios"
[ "$(tail -n 1 scenarios.txt | cut -d' ' -f1)" = coin ] || fail "coin is not the last scenario: $(cat scenarios.txt)"
"$xentlab" --scenario coin --help >help.txt || fail "--scenario coin --help"
grep -q 'the true probability of heads' help.txt || fail "--help does not list the coin's parameter p"
"$xentlab" --list-commands >commands.txt || fail "--list-commands"
grep -q '^fair' commands.txt || grep -q ' fair ' commands.txt || fail "--list-commands has no 'fair'"
grep -q 'make the coin fair' commands.txt || fail "--list-commands has not the coin's help for 'fair'"
ok "lists: coin last, its parameter, its verb"

# ---- the trace ----------------------------------------------------------------------
"$xentlab" --headless --scenario coin --do 'fair;set-lr 2' --steps 300 --trace >trace.jsonl || fail "headless coin"
python3 - trace.jsonl "$tests" <<'PY' || fail "the coin's trace"
import json, sys
sys.path.insert(0, sys.argv[2])
import trace_schema
lines = [trace_schema.parse(l) for l in open(sys.argv[1])]
bad = [p for l in lines for p in trace_schema.problems(l)]
assert not bad, bad[:3]
steps = [o for o in lines if "command" not in o and "lesson" not in o]
cmds = {o["command"]: o for o in lines if "command" in o}
assert cmds["fair"]["ok"] is True, cmds["fair"]
last = steps[-1]
assert last["trace"] == 2 and last["scenario"] == "coin", last
r = last["readouts"]
assert set(r) == {"loss", "entropy", "kl", "q"}, r
assert abs(r["q"] - 0.5) < 1e-9 and abs(r["entropy"] - 0.6931471805599453) < 1e-15, r
assert abs(r["loss"] - (r["entropy"] + r["kl"])) < 1e-15, r
assert isinstance(last["q"], list) and len(last["q"]) == 2, last  # the bars' Q, beside the readout q
print("trace: fair took, q = %.12f after %d steps" % (r["q"], last["step"]))
PY
ok "trace"

# ---- lessons ------------------------------------------------------------------------
cat >coin.lesson <<'LESSON'
# A fair coin

## The coin learns

@scenario coin
@fair
@set-lr 2
A fair coin has an entropy of ln 2 nats: the model's q learns 1/2.
@play 300
@expect entropy = 0.693147 ± 0.000001
@expect q = 0.5 ± 0.000001
LESSON
"$xentlab" --check --play coin.lesson >check.txt 2>&1 || fail "--check --play coin.lesson: $(cat check.txt)"
grep -q '2 expect lines held' check.txt || fail "the coin lesson's expect lines: $(cat check.txt)"
cat >wrong.lesson <<'LESSON'
# A verb sent to another scenario

## Softmax

@scenario softmax
@fair
The birds have no fair.
LESSON
if "$xentlab" --check wrong.lesson >wrong.txt 2>&1; then fail "--check took 'fair' on a softmax page"; fi
grep -q "'fair' is a verb of coin" wrong.txt || fail "--check did not name the coin: $(cat wrong.txt)"
ok "lessons: played with expect lines; the verb on another scenario refused by name"

# ---- a real window ------------------------------------------------------------------
# The built-in scenario just before the coin: S from it reaches the coin.
before_coin=$(tail -n 2 scenarios.txt | head -n 1 | cut -d' ' -f1)
"$xentlab" --trace --scenario "$before_coin" --record-input window.txt --size 1280x720 >live.jsonl 2>>stderr.log &
pid=$!
win=
for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name 'cross-entropy lab' 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    kill -0 "$pid" 2>/dev/null || fail "xentlab-plugin exited before showing a window"
    sleep 0.2
done
[ -n "$win" ] || fail "no window"
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
sleep 0.5
k() { xdotool key --clearmodifiers "$1" || fail "xdotool key $1"; sleep 0.3; }
k s; k u; k n; k n; k n; k h; sleep 0.5
xdotool key --clearmodifiers h; sleep 0.3
k q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid" || fail "xentlab-plugin exited with an error"
pid=
python3 - live.jsonl <<'PY' || fail "the window's trace"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
cmds = [(o["command"], o["ok"], o.get("scenario")) for o in lines if "command" in o]
assert ("scenario-next", True, "coin") in cmds, cmds
assert ("fair", True, "coin") in cmds, cmds
steps = [o for o in lines if "command" not in o and "lesson" not in o]
assert len(steps) >= 3 and steps[-1]["scenario"] == "coin", steps[-3:]
print("window: S reached the coin, U sent fair, N stepped it (%d step lines)" % len(steps))
PY
grep -q ' do fair$' window.txt || fail "the recording has no 'do fair' line"
"$xentlab" --replay window.txt --headless --trace -o replay.png >replay.jsonl 2>>stderr.log || fail "headless replay"
python3 - live.jsonl replay.jsonl <<'PY' || fail "the replay differs from the window"
import json, sys
def load(p):
    L = [json.loads(l) for l in open(p)]
    return ([o for o in L if "command" not in o and "lesson" not in o],
            [o for o in L if "command" in o and o["command"] != "quit"])
(sa, ca), (sb, cb) = load(sys.argv[1]), load(sys.argv[2])
assert sa == sb, "step lines differ"
assert ca == cb, "command lines differ"
print("replay: %d step lines and %d command lines identical" % (len(sa), len(ca)))
PY
ok "window and replay"
echo "plugin paths: all passed"

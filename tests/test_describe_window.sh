#!/usr/bin/env bash
# F9 in a real window (issue 26), under Xvfb with xdotool: the description is said through
# speech-dispatcher (a fake one, tests/fake_speechd.py, on a unix socket named by
# SPEECHD_ADDRESS), exactly in the words --describe's trace line gives for the same
# scene; a second F9 after a step says what changed. Then with a speech-dispatcher that
# accepts and never answers: the window goes on taking keys while F9's request waits (a
# step within a second of the press), and after its 3 s the description is printed (a
# trace "description" line) and shown at the window's foot.
#
#   tests/test_describe_window.sh path/to/xentlab path/to/fake_speechd.py
#
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing, or a
# build without a speech-dispatcher client).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    exe=${1:?usage: test_describe_window.sh path/to/xentlab path/to/fake_speechd.py}
    if SPEECHD_ADDRESS=unix_socket:/nonexistent/xl.sock SDL_VIDEODRIVER=dummy "$exe" --headless --do describe 2>&1 \
        | grep -q "this build has no speech-dispatcher client"; then
        echo "describe-window skipped: this build has no speech-dispatcher client"
        exit 77
    fi
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer describe-window-test 90 "$0" "$exe" "${2:?usage: test_describe_window.sh path/to/xentlab path/to/fake_speechd.py}"
fi

xentlab=$2
fake=$3
out=$4
trace="$out/trace.log"
errlog="$out/stderr.log"
# shellcheck source=tests/window_lib.sh
source "$(dirname "$0")/window_lib.sh"

srv=
stop_fake() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; srv=; }
trap 'cleanup; stop_fake' EXIT
# A fake speech-dispatcher in mode $1 on $out/$1.sock, writing $out/$1.log; waits for it.
start_fake() {
    rm -f "$out/$1.log" "$out/$1.ready"
    python3 "$fake" "$out/$1.sock" "$out/$1.log" "$1" >"$out/$1.ready" 2>>"$errlog" &
    srv=$!
    for _ in $(seq 100); do grep -q ready "$out/$1.ready" 2>/dev/null && return 0; sleep 0.1; done
    fail "the fake speech-dispatcher ($1) did not start"
}
# The number of messages the fake has received.
said() { [ -f "$out/$1.log" ] && wc -l <"$out/$1.log" | tr -d ' ' || echo 0; }
wait_said() {
    local deadline=$((SECONDS + 5))
    while [ $SECONDS -le $deadline ]; do [ "$(said "$1")" -ge "$2" ] && return 0; sleep 0.1; done
    return 1
}
# Message $2 (from 1) of log $1 compared with the Python expression $3 over m (the message)
# and D (the trace's description lines).
check_said() {
    python3 - "$out/$1.log" "$2" "$trace" "$3" <<'EOF'
import json, sys
log, k, trace, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
m = [json.loads(x) for x in open(log) if x.strip()][k - 1]
D = [x for x in (json.loads(y) for y in open(trace) if y.strip()) if "description" in x]
ok = eval(expr)
if not ok:
    print("said: %r" % m["text"][:300])
    print("trace: %r" % (D[0]["words"][:300] if D else None))
sys.exit(0 if ok else 1)
EOF
}

# 1. A speech-dispatcher that answers: F9 says the start's words; F9 after N says the change.
start_fake ok
open_window xentlab env SPEECHD_ADDRESS="unix_socket:$out/ok.sock" "$xentlab" --trace --describe --size 1280x720
key F9
wait_said ok 1 || fail "F9: speech-dispatcher received nothing"
check_said ok 1 'm["text"] == D[0]["words"] and m["priority"] == "TEXT"' ||
    fail "F9: the words said are not the description's"
snap describe-said
key n
sleep 0.3
key F9
wait_said ok 2 || fail "the second F9: speech-dispatcher received nothing"
check_said ok 2 'm["text"].startswith("The loss fell ") and " nats since step zero, to " in m["text"]' ||
    fail "the second F9 does not say what changed since the first"
key F9
wait_said ok 3 || fail "the third F9: speech-dispatcher received nothing"
check_said ok 3 'm["text"].startswith("Softmax classifier. ") and "not changed" not in m["text"]' ||
    fail "the third F9 (nothing changed) does not start with the scene"
m=$(mark)
key q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Q did not quit"
wait "$pid"
st=$?
pid=
[ $st -eq 0 ] || fail "xentlab exited with status $st"
stop_fake

# 2. A speech-dispatcher that never answers: the window goes on; the text is printed.
start_fake silent
open_window xentlab env SPEECHD_ADDRESS="unix_socket:$out/silent.sock" "$xentlab" --trace --size 1280x720
m=$(mark)
t0=$(date +%s%N)
key F9
key n
wait_for 1 "$m" "any(c['command'] == 'step' for c in C)" || fail "the window took no step within 1 s of F9"
t1=$(date +%s%N)
[ $(((t1 - t0) / 1000000)) -lt 2500 ] || fail "the step after F9 came $(((t1 - t0) / 1000000)) ms later"
wait_for 6 "$m" "any('description' in x for x in L)" || fail "no description printed after a silent speech-dispatcher"
grep -q "speech-dispatcher did not answer in 3 s" "$errlog" || fail "stderr does not say why it was not said"
snap describe-printed
key q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Q did not quit"
pid=
echo "ok"
exit 0

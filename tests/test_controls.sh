#!/usr/bin/env bash
# The control strip in a real window (Xvfb): each button clicked with xdotool gives the
# same trace as its key. Two sessions, one driven by clicks on the strip's buttons, one
# by the keys the buttons name, the same actions in the same order; their --trace
# command lines (the command, whether it was taken, and the state after it: step,
# scenario, optimizer, lr, speed, P, ...) must be identical, line for line.
#
#   tests/test_controls.sh path/to/xentlab path/to/controls_where
#
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
# The traces and screenshots are kept in $MESON_BUILD_ROOT/controls-test/.
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    # shellcheck source=tests/xvfb_outer.sh
    source "$(dirname "$0")/xvfb_outer.sh"
    xvfb_outer controls-test 90 "$0" "${1:?usage: test_controls.sh xentlab controls_where}" "${2:?controls_where}"
fi

xentlab=$2
where=$3
out=$4
errlog="$out/stderr.log"
trace=
# shellcheck source=tests/window_lib.sh
source "$(dirname "$0")/window_lib.sh"
shot() { snap "$1"; }

# The actions, in order: the strip's command names and the keys that issue them.
# toggle-play comes last: after it the steps run on the wall clock, which two runs
# share no more than the order of their actions.
actions=(step step speed-up speed-down lr-up lr-up lr-down optimizer-next reset scenario-next scenario-prev
         toggle-play)
declare -A keys=([step]=n [speed-up]=bracketright [speed-down]=bracketleft [lr-up]=plus [lr-down]=minus
                 [optimizer-next]=g [reset]=r [scenario-next]=s [scenario-prev]=shift+s [toggle-play]=space)

# Where each button is: the strip keeps its places whatever the numbers and scenario.
declare -A bx by
while read -r name x y; do bx[$name]=$x; by[$name]=$y; done < <("$where" 1280 720)
for a in "${actions[@]}"; do
    [ -n "${bx[$a]:-}" ] || fail "controls_where names no button for $a"
done

commands() { grep -c '"command"' "$1" 2>/dev/null || true; }

# run MODE TRACE: a session driven by clicks or keys; its trace into TRACE.
run() {
    local mode=$1 trace=$2 i=0
    open_window xentlab "$xentlab" --trace --size 1280x720
    # A click finds its button in the geometry of the last frame drawn: wait for the first
    # frame (the strip's step button no longer black), which a sanitizer build takes
    # seconds to draw; without ImageMagick, a generous pause.
    if [ $have_magick -eq 1 ]; then
        for _ in $(seq 100); do
            px=$(import -window "$win" -crop "1x1+${bx[step]}+$((by[step] - 20))" +repage -format '%[fx:int(255*mean)]' info: 2>/dev/null)
            [ -n "$px" ] && [ "$px" -gt 20 ] && break
            sleep 0.1
        done
    else
        sleep 3
    fi
    sleep 0.5
    for a in "${actions[@]}"; do
        i=$((i + 1))
        if [ "$mode" = click ]; then
            xdotool mousemove --window "$win" "${bx[$a]}" "${by[$a]}" click 1 2>>"$errlog" || fail "xdotool click failed"
        else
            xdotool key --clearmodifiers "${keys[$a]}" 2>>"$errlog" || fail "xdotool key failed"
        fi
        # Each action is one command line; wait for it before the next.
        local deadline=$((SECONDS + 5))
        while [ "$(commands "$trace")" -lt "$i" ]; do
            [ $SECONDS -le $deadline ] || fail "$mode $a (action $i): no command line in the trace within 5 s"
            sleep 0.05
        done
        [ "$a" = optimizer-next ] && [ "$mode" = click ] && shot "strip-pressed"
    done
    shot "$mode-end"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
}

run click "$out/clicks.trace"
run key "$out/keys.trace"

python3 - "$out/clicks.trace" "$out/keys.trace" "${actions[@]}" <<'PY' || fail "the click and key traces differ"
import hashlib, json, sys
clicks, keys, want = sys.argv[1], sys.argv[2], sys.argv[3:]
def commands(path):
    out = []
    for line in open(path):
        line = line.strip()
        if '"command"' in line:
            out.append(json.loads(line))
    return out
a, b = commands(clicks), commands(keys)
names = [c["command"] for c in a]
if names != want:
    sys.exit("the clicks gave %s, not %s" % (names, want))
if len(a) != len(b):
    sys.exit("%d command lines from clicks, %d from keys" % (len(a), len(b)))
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        sys.exit("line %d differs:\n click: %s\n key:   %s" % (i + 1, json.dumps(x, sort_keys=True), json.dumps(y, sort_keys=True)))
    if not x["ok"]:
        sys.exit("line %d (%s) was refused" % (i + 1, x["command"]))
def digest(lines):
    return hashlib.sha256("\n".join(json.dumps(c, sort_keys=True) for c in lines).encode()).hexdigest()[:16]
print("%d command lines, the same from clicks and keys (state digest %s = %s)" % (len(a), digest(a), digest(b)))
PY
echo "PASS: controls test (traces in $out/)"

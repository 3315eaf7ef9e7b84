#!/usr/bin/env bash
# What the program says and returns at its edges (issue 19, items 2, 3, 20, 22):
#   - a failed write to standard output (--help, the trace, to /dev/full): a message and
#     status 1, never 0;
#   - with no display and no driver asked for, no window that no one can see: status 1
#     at once with what to do, not a program that waits forever;
#   - --version: the version, the copyright and the licence (GNU's convention);
#   - 640x360, the 360p video size, is a size; 640x359 is not.
#
#   tests/test_exit.sh path/to/xentlab
set -uo pipefail
xentlab=${1:?usage: test_exit.sh path/to/xentlab}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

# ---- output errors -------------------------------------------------------------------
if [ -w /dev/full ]; then
    for args in "--help" "--version" "--list-scenarios" "--headless --trace --steps 5" \
                "--headless --trace --steps 2000 --scenario microstates"; do
        # shellcheck disable=SC2086
        "$xentlab" $args >/dev/full 2>"$work/err"
        rc=$?
        [ "$rc" -eq 1 ] || fail "xentlab $args >/dev/full exited $rc, not 1"
        grep -q "write error on standard output" "$work/err" || fail "xentlab $args >/dev/full: no message: $(cat "$work/err")"
    done
    ok "a failed write to standard output: status 1 and a message (5 cases)"
else
    echo "skip: /dev/full is not writable here"
fi
# No standard output at all, and nothing written to it: not an error.
"$xentlab" --headless --size 640x360 --screenshot "$work/closed.png" >&- 2>"$work/err" ||
    fail "xentlab with stdout closed and nothing to write failed: $(cat "$work/err")"
ok "stdout closed, nothing written: status 0"

# ---- no display ----------------------------------------------------------------------
start=$SECONDS
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 30 "$xentlab" </dev/null >/dev/null 2>"$work/err"
rc=$?
[ "$rc" -eq 124 ] && fail "with no display the program waited for input that cannot come (killed after 30 s)"
[ "$rc" -eq 1 ] || fail "with no display: status $rc, not 1: $(cat "$work/err")"
grep -q "DISPLAY" "$work/err" && grep -q -- "--headless" "$work/err" ||
    fail "with no display, the message does not say what to do: $(cat "$work/err")"
ok "no display: status 1 in $((SECONDS - start)) s, says DISPLAY and --headless"
# Asked for by name, the dummy driver is what the user wants (the tests use it).
SDL_VIDEODRIVER=dummy timeout 2 "$xentlab" --do quit </dev/null >/dev/null 2>"$work/err"
rc=$?
[ "$rc" -eq 124 ] || [ "$rc" -eq 0 ] || fail "SDL_VIDEODRIVER=dummy was refused (status $rc): $(cat "$work/err")"
ok "SDL_VIDEODRIVER=dummy asked for: a window opens (status $rc)"

# ---- --version -----------------------------------------------------------------------
"$xentlab" --version >"$work/v" || fail "--version failed"
grep -q '^xentlab [0-9]' "$work/v" || fail "--version: no 'xentlab VERSION' line"
grep -q '^Copyright (c) 20[0-9][0-9] ' "$work/v" || fail "--version: no copyright line"
grep -q '^License MIT' "$work/v" || fail "--version: no licence line"
ok "--version: version, copyright, licence"

# ---- 360p ----------------------------------------------------------------------------
SDL_VIDEODRIVER=dummy "$xentlab" --headless --size 640x360 --steps 5 --screenshot "$work/360.png" 2>"$work/err" ||
    fail "--size 640x360 refused: $(cat "$work/err")"
python3 - "$work/360.png" <<'PY' || fail "the 640x360 screenshot is not 640x360"
import struct, sys
with open(sys.argv[1], 'rb') as f:
    head = f.read(24)
w, h = struct.unpack('>II', head[16:24])
sys.exit(0 if (w, h) == (640, 360) else 1)
PY
"$xentlab" --headless --size 640x359 --screenshot "$work/359.png" 2>"$work/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--size 640x359: status $rc, not 2"
grep -q "640x360" "$work/err" || fail "--size 640x359: the message does not name the smallest size: $(cat "$work/err")"
ok "640x360 is a size (a 640x360 PNG); 640x359 is refused naming 640x360"
echo "exit: all passed"

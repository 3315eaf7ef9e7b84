#!/usr/bin/env bash
# A recording shows a focus change as the window does (issue 21): a lesson whose second
# page has @focus recorded as PNG frames has the ~0.3 s change as frames of their own
# (a frame held still is a hard link to the one before, so distinct files count the
# frames that changed); with --reduced-motion the change is a cut, about nine fewer.
#
#   tests/test_focus_export.sh path/to/xentlab
set -uo pipefail
xentlab=${1:?usage: test_focus_export.sh path/to/xentlab}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export SDL_VIDEODRIVER=dummy
fail() { echo "FAIL: $*"; exit 1; }

cat >f.lesson <<'LESSON'
# Focus

## The dashboard

Every panel.

@scenario softmax
@hold 1

## The landscape

One picture.

@focus landscape
@hold 1
LESSON

"$xentlab" --record anim --lesson f.lesson --size 640x480 --fps 30 --cards none 2>anim.log ||
    { cat anim.log; fail "--record anim"; }
"$xentlab" --record cut --lesson f.lesson --size 640x480 --fps 30 --cards none --reduced-motion 2>cut.log ||
    { cat cut.log; fail "--record cut --reduced-motion"; }
distinct() { find "$1" -name 'frame-*.png' -printf '%i\n' | sort -u | wc -l; }
total() { find "$1" -name 'frame-*.png' | wc -l; }
a=$(distinct anim) c=$(distinct cut)
[ "$(total anim)" -eq "$(total cut)" ] || fail "the two recordings differ in length: $(total anim) and $(total cut) frames"
echo "distinct frames: $a animated, $c with --reduced-motion ($(total anim) in all)"
# The page turn cross-fades for 0.5 s (15 frames at 30 fps, the first of them the cut's
# own), and the 0.3-s focus change runs inside it.
[ $((a - c)) -ge 12 ] && [ $((a - c)) -le 16 ] || fail "expected 12 to 16 more distinct frames with the animation"
# Inside the cross-fade the layout moves: its frames are not the cut's frames (the new
# layout at once) blended with the outgoing page, as they would be without the animation.
start=$(grep -- '-->' anim/chapters.vtt | sed -n '2s/ -->.*//p')
python3 - "$start" <<'PY' || fail "the focus change is not animated inside the cross-fade"
import subprocess, sys
h, m, s = sys.argv[1].split(":")
f = round((int(h) * 3600 + int(m) * 60 + float(s)) * 30)
def px(d, i):
    return subprocess.run(["ffmpeg", "-v", "error", "-i", "%s/frame-%06d.png" % (d, i + 1), "-f", "rawvideo",
                           "-pix_fmt", "rgb24", "-"], check=True, stdout=subprocess.PIPE).stdout
out = px("cut", f - 1)
moved = 0
for i in range(1, 8):
    w = (i + 1) * 256 // 15
    fade_only = bytes((a * (256 - w) + b * w + 128) >> 8 for a, b in zip(out, px("cut", f + i)))
    moved += px("anim", f + i) != fade_only
print("page 2 opens on frame %d: %d of its frames 1..7 are not a cross-fade into the cut's layout" % (f, moved))
sys.exit(0 if moved == 7 else 1)
PY
echo "ok: the focus change is animated in the recording, cut with --reduced-motion"

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

"$xentlab" --record anim --lesson f.lesson --size 640x480 --fps 30 2>anim.log || { cat anim.log; fail "--record anim"; }
"$xentlab" --record cut --lesson f.lesson --size 640x480 --fps 30 --reduced-motion 2>cut.log ||
    { cat cut.log; fail "--record cut --reduced-motion"; }
distinct() { find "$1" -name 'frame-*.png' -printf '%i\n' | sort -u | wc -l; }
total() { find "$1" -name 'frame-*.png' | wc -l; }
a=$(distinct anim) c=$(distinct cut)
[ "$(total anim)" -eq "$(total cut)" ] || fail "the two recordings differ in length: $(total anim) and $(total cut) frames"
echo "distinct frames: $a animated, $c with --reduced-motion ($(total anim) in all)"
# 0.3 s at 30 fps: 9 frames, the first of them the cut's own.
[ $((a - c)) -ge 6 ] && [ $((a - c)) -le 10 ] || fail "expected 6 to 10 more distinct frames with the animation"
echo "ok: the focus change is animated in the recording, cut with --reduced-motion"

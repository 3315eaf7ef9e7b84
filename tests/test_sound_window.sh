#!/usr/bin/env bash
# The sound that follows the loss (issue 26) in a real window (Xvfb, xdotool), played
# through SDL's disk audio driver (SDL_AUDIODRIVER=disk writes what is played to
# SDL_DISKAUDIOFILE: raw S16 mono 48 kHz, the format the device is opened with), and
# measured against the trace:
#   - --sound --steps 12: the tone's pitch (zero crossings) is 220 Hz * 2^gap for the gap
#     the trace printed at step 12, within 0.5%, at -24 dBFS RMS within 0.5 dB;
#   - N pressed 3 times: 3 ticks (2 kHz bursts), and after each the tone at the pitch of
#     that step's gap;
#   - F10: the `sound` command traced, the note, and the sound fades to exact silence;
#   - the "♪ sound" mark in the status bar while on;
#   - with no sound output (an audio driver SDL does not have): one clear line on
#     stderr, and the program goes on (it still quits with Q, status 0).
#
#   tests/test_sound_window.sh path/to/xentlab
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth or xdotool missing).
set -uo pipefail

# shellcheck source=tests/xvfb_outer.sh
source "$(dirname "$0")/xvfb_outer.sh"
xvfb_window_test sound-window-test 60 "$@"

SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$out/out.raw" open_window 'cross-entropy lab' "$xentlab" --trace --sound \
    --steps 12 --size 1280x720
sleep 1.0
if [ "$have_magick" -eq 1 ]; then
    import -window "$win" window.png 2>>"$errlog" || fail "cannot capture the window"
    # The mark: dark text pixels at the status bar's right end (the bar is light).
    ink=$(convert window.png -crop 110x36+1170+0 +repage -fx 'r<0.3&&g<0.3&&b<0.3?1:0' -format '%[fx:round(mean*w*h)]' info:)
    [ "$ink" -ge 40 ] || fail "the window's status bar shows no sound mark ($ink dark pixels at its right end)"
fi
for _ in 1 2 3; do
    key n
    sleep 0.45
done
m=$(mark)
key F10
wait_for 3 "$m" 'cmd("sound")' >/dev/null || fail "F10 traced no sound command"
sleep 0.6
quit_window "xentlab --sound"

python3 - "$trace" out.raw <<'PY' || fail "the sound does not follow the trace's gaps"
import json, math, struct, sys
trace, raw = sys.argv[1], open(sys.argv[2], "rb").read()
R = 48000
s = struct.unpack("<%dh" % (len(raw) // 2), raw[: len(raw) // 2 * 2])
gap = {}
for line in open(trace):
    j = json.loads(line)
    if "readouts" in j and "step" in j:
        gap[j["step"]] = list(j["readouts"].values())[2]  # readouts[2]: the gap
bad = []
# The ticks: bursts of the second difference (a 2 kHz tick passes it 60 times more than
# the tone does), 30 ms apart at least.
ticks, quiet = [], R
for i in range(2, len(s)):
    d = abs(s[i] - 2 * s[i - 1] + s[i - 2])
    if d > 60 and quiet > R * 0.03:
        ticks.append(i)
    quiet = 0 if d > 60 else quiet + 1
def pitch(a, b):
    x, first, last, c = s[a:b], None, None, 0
    for i in range(1, len(x)):
        if x[i - 1] < 0 <= x[i]:
            t = i - 1 + x[i - 1] / (x[i - 1] - x[i])
            first = t if first is None else first
            last, c = t, c + 1
    return (c - 1) * R / (last - first) if c > 1 else 0.0
def want(g):
    return min(880.0, max(220.0, 220.0 * 2 ** g))
print("ticks at", ["%.3f s" % (t / R) for t in ticks])
if len(ticks) != 3:
    bad.append("%d ticks, not 3 (one per N)" % len(ticks))
else:
    # Before the first tick: step 12's gap; 0.15 to 0.40 s after tick k: step 12+k's.
    segs = [(ticks[0] - int(0.5 * R), ticks[0] - int(0.05 * R), 12)]
    segs += [(t + int(0.15 * R), t + int(0.40 * R), 13 + k) for k, t in enumerate(ticks)]
    for a, b, step in segs:
        f, w = pitch(a, b), want(gap[step])
        print("step %d: gap %.4f nats, %.2f Hz, want %.2f Hz" % (step, gap[step], f, w))
        if abs(f / w - 1) > 0.005:
            bad.append("step %d: %.2f Hz, want %.2f" % (step, f, w))
    a, b = ticks[0] - int(0.5 * R), ticks[0] - int(0.05 * R)
    db = 20 * math.log10(math.sqrt(sum(v * v for v in s[a:b]) / (b - a)) / 32768)
    print("level %.2f dBFS" % db)
    if abs(db + 24) > 0.5:
        bad.append("the tone at %.2f dBFS, not -24" % db)
tail = s[-int(0.2 * R):]
if any(tail):
    bad.append("after F10 the last 0.2 s are not silence (peak %d)" % max(abs(v) for v in tail))
sys.exit("\n".join(bad) if bad else 0)
PY

# No sound output: one line, and the program goes on silent.
SDL_AUDIODRIVER=no-such-driver open_window 'cross-entropy lab' "$xentlab" --sound --size 1280x720
sleep 0.5
kill -0 "$pid" 2>/dev/null || fail "with no sound output xentlab --sound did not go on"
quit_window "with no sound output xentlab --sound"
n=$(grep -c "xentlab: sound: " "$errlog")
[ "$n" -eq 1 ] || fail "with no sound output stderr has $n sound lines, not 1"
grep -q "xentlab: sound: no sound system to play on (SDL: .*); going on silent" "$errlog" ||
    fail "with no sound output stderr said: $(grep sound "$errlog")"
echo "sound-window: ok"

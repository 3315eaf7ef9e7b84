#!/usr/bin/env bash
# The teacher's voice (issue 25): --record-input FILE --mic in a real window (Xvfb,
# xdotool), the microphone fed by SDL's disk audio driver (SDL_AUDIODRIVER=disk reads
# capture input from SDL_DISKAUDIOFILEIN: raw samples in the format the device is opened
# with, here S16 mono 48 kHz, one 20 ms buffer per 20 ms), then --replay FILE --record
# OUT.mp4, and the voice measured in the video:
#   - the input is 3 s of silence, a 1 kHz beep of 0.3 s, silence: the beep's onset in
#     the mp4's sound track lands at the `mic` line's time + 3 s, within one frame
#     (33 ms): the replay puts the voice where it was said;
#   - space is pressed once demo.wav holds the beep: the key's line comes after the
#     beep's place in the video, and not long after (the stamp is not off by seconds, nor
#     of the wrong sign);
#   - the window shows the red "mic" mark while it records; the video does not;
#   - --replay FILE in the window plays the voice from the mic line's time (the disk
#     driver's output file has the beep there, within 100 ms);
#   - the track is AAC at 48 kHz, at -16 LUFS (EBU R128) within 1 LU, its true peak
#     at most -1 dBTP;
#   - with no capture device (an audio driver SDL does not have): a clear error, exit 1,
#     and neither the input recording nor a .wav left behind.
#
#   tests/test_mic_window.sh path/to/xentlab
# Exit status: 0 pass, 1 fail, 77 skipped (xvfb-run, xauth, xdotool or ffmpeg missing).
set -uo pipefail

if [ "${1:-}" != "--inner" ]; then
    for tool in ffmpeg ffprobe; do
        command -v $tool >/dev/null 2>&1 || { echo "mic-window skipped: $tool is not installed"; exit 77; }
    done
fi
# shellcheck source=tests/xvfb_outer.sh
source "$(dirname "$0")/xvfb_outer.sh"
xvfb_window_test mic-window-test 60 "$@"

BEEP_AT=3.0
python3 - "$BEEP_AT" <<'PY' || fail "cannot write the microphone's input"
import math, struct, sys
rate, at = 48000, float(sys.argv[1])
s = [0] * int(rate * (at + 1.5))
start = int(at * rate)
for i in range(int(0.3 * rate)):
    s[start + i] = int(12000 * math.sin(2 * math.pi * 1000 * i / rate))
open("mic-in.raw", "wb").write(struct.pack("<%dh" % len(s), *s))
PY

export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILEIN="$out/mic-in.raw"
open_window 'cross-entropy lab' "$xentlab" --trace --size 1280x720 --record-input demo.txt --mic
[ -f demo.wav ] || fail "--mic made no demo.wav"

# Wait until demo.wav holds the beep and 50 ms more, then press space.
want=$(python3 -c "print(44 + 2 * int(48000 * ($BEEP_AT + 0.05)))")
for _ in $(seq 250); do
    size=$(stat -c %s demo.wav)
    [ "$size" -ge "$want" ] && break
    sleep 0.02
done
[ "$size" -ge "$want" ] || fail "demo.wav grew to $size bytes only, not $want, in 5 s"
key space
sleep 0.4
snap mic-window
# The mark: red pixels at the status bar's right end, in the window.
if [ "$have_magick" -eq 1 ]; then
    import -window "$win" window.png 2>>"$errlog" || fail "cannot capture the window"
    red=$(convert window.png -crop 160x40+1120+0 +repage -fx 'r>0.6&&g<0.3&&b<0.3?1:0' -format '%[fx:round(mean*w*h)]' info:)
    [ "$red" -ge 40 ] || fail "the window's status bar shows no red mic mark ($red red pixels at its right end)"
fi
quit_window "xentlab --record-input --mic"
grep -q -- "--mic: .* s of the microphone in demo.wav" "$errlog" || fail "no word of the recorded voice on stderr"

read -r mic_ms key_ms < <(python3 - <<'PY'
mic = key = None
for line in open("demo.txt"):
    f = line.split()
    if len(f) >= 5 and f[2] == "mic":
        mic = int(f[4])
    if len(f) >= 4 and f[2:4] == ["do", "toggle-play"] and key is None:
        key = int(f[0])
print(mic, key)
PY
)
[ "$mic_ms" != None ] || fail "demo.txt has no mic line"
[ "$key_ms" != None ] || fail "demo.txt has no toggle-play line"

"$xentlab" --replay demo.txt --record demo.mp4 --size 640x360 2>>"$errlog" || fail "--replay demo.txt --record demo.mp4 failed"
onset=$(python3 "$here/audio_probe.py" onset demo.mp4 | sed -n 's/^onset=\([0-9.]*\) .*/\1/p')
[ -n "$onset" ] || fail "no beep in demo.mp4's sound track"
python3 "$here/audio_probe.py" info demo.mp4 >info.txt || fail "ffprobe demo.mp4"
python3 - "$onset" "$mic_ms" "$key_ms" "$BEEP_AT" info.txt <<'PY' || fail "the voice is out of sync (above)"
import sys
onset, mic, key, at = float(sys.argv[1]), int(sys.argv[2]) / 1000, int(sys.argv[3]) / 1000, float(sys.argv[4])
info = dict(l.strip().split("=", 1) for l in open(sys.argv[5]))
want = mic + at
print("beep at %.4f s in the video; the mic line says %.4f s (first sample at %.3f s); the key at %.3f s, %.0f ms "
      "after; %s LUFS, true peak %s dBFS, %s %s Hz" % (onset, want, mic, key, 1000 * (key - onset), info["lufs"],
      info["true_peak"], info["audio_codec"], info["audio_rate"]))
bad = []
if abs(onset - want) > 0.033:
    bad.append("the beep is %.1f ms from where the mic line puts it (more than a frame, 33 ms)" % (1000 * (onset - want)))
if not (0.0 <= key - onset <= 0.6):
    bad.append("the key pressed once the beep was in demo.wav is %.0f ms after it in the video (want 0 to 600)"
               % (1000 * (key - onset)))
if info.get("audio_codec") != "aac" or info.get("audio_rate") != "48000":
    bad.append("the track is %s at %s Hz, not AAC at 48000" % (info.get("audio_codec"), info.get("audio_rate")))
if abs(float(info["lufs"]) + 16) > 1.0:
    bad.append("the track is at %s LUFS, not -16 within 1 LU" % info["lufs"])
if float(info["true_peak"]) > -1.0:
    bad.append("its true peak is %s dBFS, above -1" % info["true_peak"])
if abs(float(info["audio_duration"]) - float(info["video_duration"])) > 0.05:
    bad.append("the track lasts %s s, the video %s s" % (info["audio_duration"], info["video_duration"]))
if bad:
    sys.exit("\n".join(bad))
PY
# Not in the video: the frame's status bar has no red mark.
ffmpeg -v error -y -ss 2.5 -i demo.mp4 -frames:v 1 frame.png || fail "cannot extract a frame"
red=$(convert frame.png -crop 120x30+520+0 +repage -fx 'r>0.6&&g<0.3&&b<0.3?1:0' -format '%[fx:round(mean*w*h)]' info: 2>/dev/null || echo 0)
[ "$red" -le 2 ] || fail "the video's frame shows the red mic mark ($red red pixels)"

# The replay in the window plays the voice from the mic line's time: SDL's disk driver
# writes what is played to out.raw, a buffer per buffer's time from when the device
# opened (with the clock): the beep lands at the mic line's time + 3 s. The driver paces
# itself with whole milliseconds, so this is looser than the video's check: 100 ms.
SDL_DISKAUDIOFILE="$out/out.raw" open_window 'cross-entropy lab' "$xentlab" --replay demo.txt
sleep "$(python3 -c "print($BEEP_AT + 0.8)")"
key q
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "q did not quit the replay"
wait "$pid"
pid=
played=$(python3 - <<'PY'
import struct
raw = open("out.raw", "rb").read()
s = struct.unpack("<%dh" % (len(raw) // 2), raw[: len(raw) // 2 * 2])
print(next(("%.4f" % (i / 48000) for i, v in enumerate(s) if abs(v) > 1600), "none"))
PY
)
[ "$played" != none ] || fail "the replay in the window played no beep"
python3 -c "import sys; sys.exit(abs($played - ($mic_ms / 1000 + $BEEP_AT)) > 0.1)" ||
    fail "the window's replay played the beep at $played s, not at $(python3 -c "print($mic_ms / 1000 + $BEEP_AT)") s"
echo "the window's replay played the beep at $played s (want $(python3 -c "print($mic_ms / 1000 + $BEEP_AT)") s)"

# No capture device: said, nothing recorded.
SDL_AUDIODRIVER=no-such-driver "$xentlab" --record-input nodev.txt --mic 2>nodev.err
st=$?
[ $st -eq 1 ] || fail "--mic without a capture device exited with $st, not 1"
grep -q -- "--mic: no sound system to record from" nodev.err || fail "--mic without a device said: $(cat nodev.err)"
[ ! -e nodev.txt ] && [ ! -e nodev.wav ] || fail "--mic without a device left nodev.txt or nodev.wav"
echo "mic-window: ok"
exit 0

#!/usr/bin/env bash
# A sound track over an export (issue 25): --narration FILE --narration-offset SECONDS.
# A file with a 1 kHz beep 0.5 s after its start is laid over a video:
#   - lesson 1, mp4, offset +2.5 s: the beep's onset 3.0 s after the title card (where
#     the first caption starts; within 5 ms); AAC, 48 kHz; -16 LUFS
#     (EBU R128) within 1 LU, true peak at most -1 dBTP; the track as long as the video;
#   - over a short replay: webm from a stereo 44.1 kHz FLAC, offset -0.25 s (its start
#     cut): onset 0.25 s, Opus; a frames folder, offset 1 s: narration.wav beside the
#     frames, onset 1.5 s, as long as the frames; no --narration: no sound track;
#   - a replay with --narration: the track over the replay; a replay whose mic line names
#     a missing file: said, exit 1;
#   - hostile tracks (missing, a folder, not audio, a video without sound): exit 1 with
#     the reason, before any frame is drawn, nothing left under the output's name.
#
#   tests/test_narration.sh path/to/xentlab path/to/tests
# Exit status: 0 pass, 1 fail, 77 skipped (ffmpeg or ffprobe missing).
set -uo pipefail
xentlab=${1:?usage: test_narration.sh path/to/xentlab path/to/tests}
here=${2:?usage: test_narration.sh path/to/xentlab path/to/tests}
for tool in ffmpeg ffprobe python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "narration test skipped: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export SDL_VIDEODRIVER=dummy
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
probe() { python3 "$here/audio_probe.py" "$@"; }
onset_of() { probe onset "$1" | sed -n 's/^onset=\([0-9.]*\) .*/\1/p'; }
# near A B TOL WHAT
near() { python3 -c "import sys; a, b, t = map(float, sys.argv[1:4]); sys.exit(abs(a - b) > t)" "$1" "$2" "$3" ||
    fail "$4: $1, want $2 within $3"; }

python3 - <<'PY' || fail "cannot write beep.wav"
import math, struct, wave
rate = 48000
s = [0] * (rate * 2)
for i in range(int(0.3 * rate)):
    s[rate // 2 + i] = int(6000 * math.sin(2 * math.pi * 1000 * i / rate))
w = wave.open("beep.wav", "wb")
w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
w.writeframes(struct.pack("<%dh" % len(s), *s))
w.close()
PY
ffmpeg -v error -i beep.wav -ac 2 -ar 44100 beep.flac || fail "cannot make beep.flac"

# A short replay (3 s) carries the other containers: a lesson's export takes seconds.
version=$("$xentlab" --version | head -n 1 | cut -d' ' -f2)
printf 'xentlab-input 1 %s\nsize 1280 720\n0 0 do toggle-play\n2000 0 do toggle-play\n' "$version" >short.txt

# ---- mp4, +2.5 s ---------------------------------------------------------------------
"$xentlab" --record l1.mp4 --lesson 1 --size 640x360 --fps 10 --narration beep.wav --narration-offset 2.5 \
    2>run.log || { cat run.log; fail "--record l1.mp4 --narration beep.wav"; }
grep -q "its sound track: beep.wav from +2.500 s" run.log || { cat run.log; fail "no word of the sound track"; }
probe info l1.mp4 >info.txt || fail "ffprobe l1.mp4"
# The title card comes first: the recording's frame 0, and so the offset's 0, is where the
# first caption starts.
lead=$(python3 -c "
import re
t = re.search(r'(\d+):(\d+):(\d+),(\d+) -->', open('l1.srt').read()).groups()
print(int(t[0]) * 3600 + int(t[1]) * 60 + int(t[2]) + int(t[3]) / 1000)")
want=$(python3 -c "print($lead + 3.0)")
on=$(onset_of l1.mp4)
near "$on" "$want" 0.005 "the beep's onset in l1.mp4 (offset 2.5 s after the title card's $lead s)"
python3 - info.txt <<'PY' || fail "l1.mp4's sound track"
import sys
i = dict(l.strip().split("=", 1) for l in open(sys.argv[1]))
print("l1.mp4: %s %s Hz, %s LUFS, true peak %s dBFS, audio %s s, video %s s" % (i.get("audio_codec"),
      i.get("audio_rate"), i["lufs"], i["true_peak"], i.get("audio_duration"), i["video_duration"]))
assert i.get("audio_codec") == "aac" and i.get("audio_rate") == "48000", "AAC at 48 kHz"
assert abs(float(i["lufs"]) + 16) <= 1.0, "-16 LUFS within 1 LU"
assert float(i["true_peak"]) <= -1.0, "true peak at most -1 dBFS"
assert abs(float(i["audio_duration"]) - float(i["video_duration"])) <= 0.05, "the track as long as the video"
PY
ok "mp4: the beep at $on s (want $want: the title card's $lead s + 2.5 + 0.5), AAC, -16 LUFS"

# ---- webm from FLAC, -0.25 s -----------------------------------------------------------
"$xentlab" --replay short.txt --record w1.webm --size 640x360 --fps 10 --narration beep.flac --narration-offset -0.25 \
    2>run.log || { cat run.log; fail "--record w1.webm --narration beep.flac"; }
on=$(onset_of w1.webm)
near "$on" 0.25 0.005 "the beep's onset in w1.webm (offset -0.25 s)"
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 w1.webm)
[ "$codec" = opus ] || fail "w1.webm's track is '$codec', not Opus"
ok "webm: the beep at $on s (want 0.25), Opus"

# ---- frames, +1 s --------------------------------------------------------------------------
"$xentlab" --replay short.txt --record l1frames --size 640x360 --fps 10 --narration beep.wav --narration-offset 1 \
    2>run.log || { cat run.log; fail "--record l1frames --narration beep.wav"; }
[ -f l1frames/narration.wav ] || fail "no narration.wav beside the frames"
frames=$(find l1frames -name 'frame-*.png' | wc -l)
read -r on len < <(probe onset l1frames/narration.wav | sed -n 's/^onset=\([0-9.]*\) length=\([0-9.]*\)/\1 \2/p')
near "$on" 1.5 0.001 "the beep's onset in narration.wav (offset 1 s)"
near "$len" "$(python3 -c "print($frames / 10)")" 0.001 "narration.wav's length against $frames frames at 10 fps"
ok "frames: narration.wav, the beep at $on s (want 1.5), $len s for $frames frames"

# ---- silent without a track ----------------------------------------------------------------
"$xentlab" --replay short.txt --record plain.mp4 --size 640x360 --fps 10 2>run.log || { cat run.log; fail "plain.mp4"; }
[ -z "$(ffprobe -v error -select_streams a -show_entries stream=index -of csv=p=0 plain.mp4)" ] ||
    fail "a video without --narration has a sound track"
ok "no --narration: no sound track"

# ---- a replay ---------------------------------------------------------------------------------
printf 'xentlab-input 1 %s\nsize 1280 720\n0 0 do toggle-play\n1500 0 mic voice.wav 400\n2000 0 do toggle-play\n' \
    "$version" >rp.txt
"$xentlab" --replay rp.txt --record rp.mp4 --size 640x360 --fps 10 2>run.log && fail "a replay with its voice missing was recorded"
grep -q "the voice recorded with it, ./voice.wav\|the voice recorded with it, voice.wav" run.log ||
    { cat run.log; fail "a missing voice was not said"; }
cp beep.wav voice.wav
"$xentlab" --replay rp.txt --record rp.mp4 --size 640x360 --fps 10 2>run.log || { cat run.log; fail "rp.mp4"; }
near "$(onset_of rp.mp4)" 0.9 0.005 "the recorded voice's beep in rp.mp4 (first sample at 0.4 s)"
"$xentlab" --replay rp.txt --record rp2.mp4 --size 640x360 --fps 10 --narration beep.flac --narration-offset 1.25 \
    2>run.log || { cat run.log; fail "rp2.mp4"; }
near "$(onset_of rp2.mp4)" 1.75 0.005 "--narration over a replay (offset 1.25 s)"
ok "replays: the recorded voice at its mic line's time; --narration instead"

# ---- hostile tracks ---------------------------------------------------------------------------
echo "not a sound" >text.wav
mkdir folder.wav
ffmpeg -v error -f lavfi -i color=c=red:s=64x64:d=1 -c:v libx264 mute.mp4 || fail "cannot make mute.mp4"
for case in "missing.wav|No such file" "folder.wav|is not a file" "text.wav|is not audio ffmpeg can read" \
            "mute.mp4|has no sound in it"; do
    file=${case%%|*}
    said=${case#*|}
    start=$(date +%s%N)
    "$xentlab" --replay short.txt --record bad.mp4 --size 640x360 --fps 10 --narration "$file" 2>run.log
    st=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ $st -eq 1 ] || { cat run.log; fail "--narration $file: exit $st, not 1"; }
    grep -q -- "--record: the sound track: '$file'.*$said" run.log || { cat run.log; fail "--narration $file: not said"; }
    grep -q "frame" run.log && fail "--narration $file: frames were drawn before the refusal"
    [ -z "$(ls -A | grep -e '^bad' -e 'partial')" ] || fail "--narration $file left $(ls -A | grep -e bad -e partial)"
    ok "--narration $file: refused in $ms ms ($said)"
done
echo "narration: all passed"

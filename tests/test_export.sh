#!/usr/bin/env bash
# Recording lessons (issue 10), end to end:
#   - an .mp4 checked with ffprobe: H.264, the size, yuv420p, BT.709, the frame rate, the
#     frame count the program reports, one chapter per page with its title; the .srt
#     parsed and its times equal to the chapters'; the WebVTT chapters the same;
#   - a .webm: VP9 with the same frame count;
#   - a folder of PNG frames twice: the same bytes frame for frame, as many as the video;
#   - an existing file is not overwritten without --force (and is with it);
#   - without ffmpeg on PATH: exit 1, how to install it said, nothing written;
#   - ffmpeg killed in the middle, and Ctrl+C (SIGINT) to xentlab: an error said, no file
#     under the final name, no temporary left;
#   - xentlab killed with SIGKILL: its temporaries stay, and the next recording of the
#     same name removes them (only the dead process's, only that output's);
#   - a frame of the video looked at: it is the lesson's (the narration column is there).
#
#   tests/test_export.sh path/to/xentlab
# Exit status: 0 pass, 1 fail, 77 skipped (ffmpeg or ffprobe missing).
set -uo pipefail
xentlab=${1:?usage: test_export.sh path/to/xentlab}
for tool in ffmpeg ffprobe python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "export test skipped: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export SDL_VIDEODRIVER=dummy
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

# ---- the mp4 -------------------------------------------------------------------------
# (Without the cards: each cue is then at its chapter's times; test_export_motion.py has the cards.)
"$xentlab" --record l1.mp4 --lesson 1 --size 640x480 --fps 10 --cards none 2>run.log || { cat run.log; fail "--record l1.mp4"; }
frames=$(sed -n 's/.*chapters\{0,1\}, \([0-9]*\) frames.*/\1/p' run.log)
[ -n "$frames" ] || { cat run.log; fail "no summary line with the frame count"; }
ffprobe -v error -count_frames -show_streams -show_chapters -of json l1.mp4 >probe.json || fail "ffprobe l1.mp4"
python3 - "$frames" <<'PY' || fail "the mp4 is not what was asked for"
import json, re, sys
frames = int(sys.argv[1])
d = json.load(open("probe.json"))
v = [s for s in d["streams"] if s["codec_type"] == "video"]
assert len(v) == 1, "one video stream"
s = v[0]
want = {"codec_name": "h264", "width": 640, "height": 480, "pix_fmt": "yuv420p", "r_frame_rate": "10/1",
        "color_space": "bt709", "color_range": "tv"}
for k, w in want.items():
    assert s.get(k) == w, "%s is %r, expected %r" % (k, s.get(k), w)
assert int(s["nb_read_frames"]) == frames, "%s frames decoded, the program made %d" % (s["nb_read_frames"], frames)
titles = [c["tags"]["title"] for c in d["chapters"]]
assert titles == ["A weather model in the desert", "A model that expected rain", "The cat at 0.1",
                  "Surprises of independent events add"], titles
# The .srt: one cue per page, at the chapters' times, the last ending with the video.
def ms(t, sep):
    h, m, rest = t.split(":")
    sec, milli = rest.split(sep)
    return ((int(h) * 60 + int(m)) * 60 + int(sec)) * 1000 + int(milli)
cues = open("l1.srt", encoding="utf-8").read().strip().split("\n\n")
assert len(cues) == 4, "%d cues" % len(cues)
for i, (cue, ch) in enumerate(zip(cues, d["chapters"])):
    lines = cue.split("\n")
    assert lines[0] == str(i + 1)
    a, b = lines[1].split(" --> ")
    assert ms(a, ",") == round(float(ch["start_time"]) * 1000), (a, ch["start_time"])
    assert ms(b, ",") == round(float(ch["end_time"]) * 1000), (b, ch["end_time"])
    assert lines[2] == titles[i]
assert ms(cues[-1].split("\n")[1].split(" --> ")[1], ",") == frames * 100, "the last cue ends with the video"
assert "6.9078" in cues[0], "the first cue carries the narration"
vtt = open("l1.chapters.vtt", encoding="utf-8").read()
assert vtt.startswith("WEBVTT\n"), "WebVTT header"
assert len(re.findall(r"\d\d:\d\d:\d\d\.\d\d\d --> \d\d:\d\d:\d\d\.\d\d\d", vtt)) == 4
print("mp4: h264 640x480 yuv420p bt709 10 fps, %d frames, 4 chapters, srt and vtt at the same times" % frames)
PY
ok "mp4 checked with ffprobe ($frames frames)"

# A frame from the middle of page 1, looked at: the narration column is white and the
# scene to its right has the bars' blue (P).
ffmpeg -v error -ss 5 -i l1.mp4 -frames:v 1 -f rawvideo -pix_fmt rgb24 frame.rgb || fail "cannot extract a frame"
python3 - <<'PY' || fail "the extracted frame is not the lesson's"
data = open("frame.rgb", "rb").read()
w, h = 640, 480
assert len(data) == w * h * 3
def px(x, y):
    i = (y * w + x) * 3
    return data[i], data[i + 1], data[i + 2]
col = px(w * 35 // 100 // 2, h - 40)
assert all(c > 235 for c in col), "the narration column's foot is not white: %r" % (col,)
blue = sum(1 for y in range(0, h, 2) for x in range(w * 35 // 100, w, 2)
           if abs(px(x, y)[0] - 0) < 40 and abs(px(x, y)[1] - 0x72) < 40 and abs(px(x, y)[2] - 0xB2) < 40)
assert blue > 200, "no blue P bars in the scene (%d pixels)" % blue
print("frame at 5 s: white column, %d blue pixels of P" % blue)
PY

# ---- the webm ------------------------------------------------------------------------
"$xentlab" --record w1.webm --lesson 1 --size 640x480 --fps 10 --cards none 2>w1.log || { cat w1.log; fail "--record w1.webm"; }
codec=$(ffprobe -v error -select_streams v -show_entries stream=codec_name -of csv=p=0 w1.webm)
n=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 w1.webm)
[ "$codec" = vp9 ] || fail "the webm's codec is '$codec', not vp9"
[ "$n" = "$frames" ] || fail "the webm has $n frames, the mp4 $frames"
ok "webm: vp9, $n frames"

# ---- PNG frames, twice: the same bytes ------------------------------------------------
"$xentlab" --record a --lesson 1 --size 640x480 --fps 10 --cards none 2>/dev/null || fail "--record a (frames)"
"$xentlab" --record b/ --lesson 1 --size 640x480 --fps 10 --cards none 2>/dev/null || fail "--record b/ (frames)"
na=$(find a -name 'frame-*.png' | wc -l)
[ "$na" = "$frames" ] || fail "the folder has $na frames, the video $frames"
(cd a && sha256sum frame-*.png) >a.sum
(cd b && sha256sum frame-*.png) >b.sum
cmp -s a.sum b.sum || fail "two exports of the same lesson differ: $(diff a.sum b.sum | head -3)"
[ -s a/captions.srt ] && [ -s a/chapters.vtt ] || fail "the folder lacks captions.srt or chapters.vtt"
file_type=$(head -c 8 a/frame-000001.png | od -An -tx1 | tr -d ' \n')
[ "$file_type" = 89504e470d0a1a0a ] || fail "frame-000001.png is not a PNG"
ok "PNG frames: $na, byte-identical between two runs"

# ---- no overwriting without --force -----------------------------------------------------
before=$(sha256sum l1.mp4)
if "$xentlab" --record l1.mp4 --lesson 2 --size 640x480 --fps 10 2>over.log; then fail "l1.mp4 was overwritten"; fi
grep -q -- "--force" over.log || fail "the refusal does not mention --force: $(cat over.log)"
[ "$(sha256sum l1.mp4)" = "$before" ] || fail "the refused export changed l1.mp4"
"$xentlab" --record l1.mp4 --lesson 2 --size 640x480 --fps 10 --force 2>/dev/null || fail "--force did not replace"
[ "$(sha256sum l1.mp4)" != "$before" ] || fail "--force left l1.mp4 as it was"
ok "an existing file is refused without --force and replaced with it"

# ---- no ffmpeg ---------------------------------------------------------------------------
if PATH=/nonexistent "$xentlab" --record none.mp4 --lesson 1 2>none.log; then fail "exit 0 without ffmpeg"; fi
grep -q "apt-get install ffmpeg" none.log || fail "no install hint: $(cat none.log)"
ls -a | grep -qE 'none\.(mp4|srt|chapters)|partial' && fail "something was written without ffmpeg: $(ls -a)"
ok "without ffmpeg: exit 1 and the install hint"

# ---- interrupted: ffmpeg killed, and Ctrl+C ------------------------------------------
leftovers() { ls -a | grep -E 'partial|^big' ; }
"$xentlab" --record big.mp4 --lesson 6 --size 1280x720 --fps 30 2>kill.log &
pid=$!
ff=
for _ in $(seq 100); do
    ff=$(pgrep -P "$pid" ffmpeg) && break
    sleep 0.05
done
[ -n "$ff" ] || fail "no ffmpeg child appeared"
sleep 1
kill -9 "$ff"
wait "$pid"
st=$?
[ $st -ne 0 ] || fail "exit 0 after ffmpeg was killed"
grep -q "ffmpeg" kill.log || fail "the message does not say ffmpeg failed: $(cat kill.log)"
[ -z "$(leftovers)" ] || fail "left behind after ffmpeg died: $(leftovers)"
ok "ffmpeg killed mid-way: exit $st, '$(head -n 1 kill.log)', nothing left"

"$xentlab" --record big.mp4 --lesson 6 --size 1280x720 --fps 30 2>int.log &
pid=$!
sleep 1.5
kill -INT "$pid"
wait "$pid"
st=$?
[ $st -eq 130 ] || fail "Ctrl+C: exit $st, expected 130"
grep -q "interrupted" int.log || fail "Ctrl+C: no message: $(cat int.log)"
[ -z "$(leftovers)" ] || fail "left behind after Ctrl+C: $(leftovers)"
ok "Ctrl+C: exit 130, '$(tail -n 1 int.log)', nothing left"

# ---- kill -KILL leaves temporaries; the next recording of the same name removes them ----
"$xentlab" --record big.mp4 --lesson 6 --size 1280x720 --fps 30 2>/dev/null &
pid=$!
ff=
for _ in $(seq 100); do
    ff=$(pgrep -P "$pid" ffmpeg) && break
    sleep 0.05
done
[ -n "$ff" ] || fail "no ffmpeg child appeared (kill -KILL)"
sleep 1
kill -KILL "$pid"
wait "$pid" 2>/dev/null
for _ in $(seq 100); do kill -0 "$ff" 2>/dev/null || break; sleep 0.05; done
ls -a | grep -q "^\.big\.mp4\.partial-$pid\." || fail "kill -KILL left no temporary to clean up: $(ls -a)"
# Decoys that must stay: a living process's, another output's, an unknown suffix.
touch ".big.mp4.partial-$$.srt" ".other.mp4.partial-$pid.srt" ".big.mp4.partial-$pid.txt"
"$xentlab" --record big.mp4 --lesson 1 --size 640x480 --fps 2 2>stale.log || fail "the next recording failed: $(cat stale.log)"
grep -q "removed ./.big.mp4.partial-$pid.mp4, left by process $pid, which is gone" stale.log ||
    fail "the stale video was not said removed: $(cat stale.log)"
left=$(ls -a | grep partial | sort | tr '\n' ' ')
# Sorted the same way as $left: which PID sorts first depends on the PIDs themselves.
want=$(printf '%s\n' ".big.mp4.partial-$$.srt" ".big.mp4.partial-$pid.txt" ".other.mp4.partial-$pid.srt" | sort | tr '\n' ' ')
[ "$left" = "$want" ] ||
    fail "after the clean-up, expected only the three decoys, found: $left"
rm -f ./.big.mp4.partial-* ./.other.mp4.partial-*
ok "kill -KILL: the next recording of big.mp4 removed the dead process's temporaries, and only those"

# ---- licensed data's credit at the end ------------------------------------------------
# A page on the digits (CC BY 4.0): the video ends on 5 s of their attribution, a cue of
# its own in the captions after the last page's; a page on iris (public domain) adds none.
printf '# Credits\n\n## Digits\n\nTen digits.\n\n@scenario regression\n@dataset\n@hold 2\n' >digits.lesson
printf '# No credits\n\n## Iris\n\nThree species.\n\n@scenario regression\n@hold 2\n' >iris.lesson
"$xentlab" --record dframes --lesson digits.lesson --size 640x360 --fps 2 --cards none 2>d.log || { cat d.log; fail "--record the digits"; }
"$xentlab" --record iframes --lesson iris.lesson --size 640x360 --fps 2 --cards none 2>i.log || { cat i.log; fail "--record iris"; }
python3 - <<'PY' || fail "the credits at the end are not what was asked for"
import os, re
def cues(path):
    return [b.split("\n") for b in open(path, encoding="utf-8").read().strip().split("\n\n")]
def secs(t):
    h, m, s = t.replace(",", ".").split(":")
    return 3600 * int(h) + 60 * int(m) + float(s)
d, i = cues("dframes/captions.srt"), cues("iframes/captions.srt")
assert len(d) == 2 and len(i) == 1, (len(d), len(i))
start, end = (secs(t) for t in d[1][1].split(" --> "))
assert d[1][2] == "Digits: E. Alpaydin and C. Kaynak (1998), UCI ML Repository, CC BY 4.0", d[1]
assert abs(start - secs(d[0][1].split(" --> ")[1])) < 1e-9 and abs(end - start - 5.0) < 1e-9, (start, end)
nd = len([f for f in os.listdir("dframes") if f.endswith(".png")])
ni = len([f for f in os.listdir("iframes") if f.endswith(".png")])
assert nd == ni + 10, "digits %d frames, iris %d: expected 5 s more at 2 fps" % (nd, ni)
# The tail is drawn once (the note appears), then held: its frames are one file's links.
a, b, c = (open("dframes/frame-%06d.png" % k, "rb").read() for k in (nd - 10, nd - 9, nd))
assert a != b and b == c, "the credits frame is not the one held to the end"
PY
ok "a video of the digits ends on their CC BY 4.0 attribution (5 s, its own caption cue); iris adds none"

# ---- bad values --------------------------------------------------------------------------
"$xentlab" --record x.mkv --lesson 1 2>/dev/null; [ $? -eq 1 ] || fail "--record x.mkv was accepted"
"$xentlab" --record x.mp4 2>/dev/null; [ $? -eq 2 ] || fail "--record without --lesson was accepted"
"$xentlab" --record x.mp4 --lesson 1 --fps 0 2>/dev/null; [ $? -eq 2 ] || fail "--fps 0 was accepted"
"$xentlab" --record x.mp4 --lesson 1 --size 641x480 2>/dev/null; [ $? -eq 1 ] || fail "an odd width was accepted"
ok "bad values refused"
echo "export test passed"

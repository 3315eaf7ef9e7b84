#!/usr/bin/env bash
# Recording lessons (issue 10), end to end:
#   - an .mp4 checked with ffprobe: H.264, the size, yuv420p, BT.709, the frame rate, as
#     long as the frames the program reports (a sample only for a picture that changed:
#     test_export_vfr.py), one chapter per page with its title; the captions
#     (.srt and .vtt) parsed, every cue within the limits and inside a page, the answer
#     captioned after its question; the mov_text subtitle track (eng, not default)
#     extracted to the same cues; the WebVTT chapters;
#   - a .webm: VP9 with as many samples and as long, a WebVTT subtitle track equal to its .vtt;
#   - a folder of PNG frames twice: the same bytes frame for frame, as many as the program made;
#   - an existing file is not overwritten without --force (and is with it);
#   - without ffmpeg on PATH: exit 1, how to install it said, nothing written;
#   - ffmpeg killed in the middle, and Ctrl+C (SIGINT) to xentlab: an error said, no file
#     under the final name, no temporary left;
#   - xentlab killed with SIGKILL: its temporaries stay, and the next recording of the
#     same name removes them (only the dead process's, only that output's);
#   - a frame of the video looked at: it is the lesson's (the narration column is there);
#   - a replay of a lesson to video: its pages' captions as the learner brought them on.
#
#   tests/test_export.sh path/to/xentlab
# Exit status: 0 pass, 1 fail, 77 skipped (ffmpeg or ffprobe missing).
set -uo pipefail
xentlab=${1:?usage: test_export.sh path/to/xentlab}
for tool in ffmpeg ffprobe python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "export test skipped: $tool is not installed"; exit 77; }
done
lessons=$(cd "$(dirname "$0")/../lessons" && pwd)
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
ffmpeg -v error -i l1.mp4 -map 0:s:0 -f srt l1.extracted.srt || fail "no subtitle track to extract from l1.mp4"
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
# The video lasts the frames the program made; it holds a sample only for a picture that
# differs from the one before (test_export_vfr.py counts them exactly), far fewer here.
assert abs(float(s["duration"]) - frames / 10) < 1e-6, "the video lasts %s s, its %d frames %.1f s" % (
    s["duration"], frames, frames / 10)
assert 0 < int(s["nb_read_frames"]) < frames / 10, "%s samples decoded for %d frames" % (s["nb_read_frames"], frames)
titles = [c["tags"]["title"] for c in d["chapters"]]
assert titles == ["A weather model in the desert", "A model that expected rain", "The cat at 0.1",
                  "Surprises of independent events add"], titles
# The captions: cues of at most 2 lines of 42 characters, 1.3 s or more, 17 characters a
# second or fewer, in order, each inside a chapter (a page); the first is the first
# page's title, the question's answer is captioned when revealed. The .vtt has the same
# cues; the mp4 carries them as a subtitle track, extracted below to the same text.
def ms(t, sep):
    h, m, rest = t.split(":")
    sec, milli = rest.split(sep)
    return ((int(h) * 60 + int(m)) * 60 + int(sec)) * 1000 + int(milli)
def parse(path, sep, vtt=False):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    if vtt:
        assert text.startswith("WEBVTT\n"), path + ": no WebVTT header"
        text = text[len("WEBVTT\n"):]
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        if " --> " not in lines[0]:
            lines = lines[1:]  # the cue's number
        a, b = lines[0].split(" --> ")
        body = [l.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for l in lines[1:]] if vtt else lines[1:]
        out.append((ms(a, sep), ms(b, sep), body))
    return out
cues = parse("l1.srt", ",")
chapters = [(round(float(c["start_time"]) * 1000), round(float(c["end_time"]) * 1000)) for c in d["chapters"]]
assert len(cues) >= 8, "%d cues" % len(cues)
prev_end = 0
for a, b, lines in cues:
    chars = sum(len(l) for l in lines)
    assert 1 <= len(lines) <= 2 and all(0 < len(l) <= 42 for l in lines), lines
    assert b - a >= 1300, ("%d ms" % (b - a), lines)
    assert chars * 1000 <= 17 * (b - a), ("%d characters in %d ms" % (chars, b - a), lines)
    assert a >= prev_end, ("overlap", a, prev_end, lines)
    assert any(s <= a and b <= e for s, e in chapters), ("outside every page", a, b, lines)
    prev_end = b
assert cues[0][2] == [titles[0]] and cues[0][0] == 0, cues[0]
assert any("6.9078" in " ".join(c[2]) for c in cues), "the narration's 6.9078 is not captioned"
answer = [c for c in cues if c[2][0].startswith("Answer: ")]
asked = [c for c in cues if "1: " in " ".join(c[2])]
assert answer and asked and answer[0][0] > asked[0][0], "the answer is not captioned after its question"
assert prev_end <= frames * 100, "a cue outlives the video"
vcues = parse("l1.vtt", ".", vtt=True)
assert vcues == cues, "the .vtt's cues differ from the .srt's"
subs = [s for s in d["streams"] if s["codec_type"] == "subtitle"]
assert len(subs) == 1, "%d subtitle streams" % len(subs)
s = subs[0]
assert s["codec_name"] == "mov_text" and s["tags"].get("language") == "eng", s
assert s["tags"].get("handler_name") == "English", s["tags"]
assert s["disposition"]["default"] == 0 and s["disposition"]["forced"] == 0, s["disposition"]
assert parse("l1.extracted.srt", ",") == cues, "the subtitle track differs from the .srt"
vtt = open("l1.chapters.vtt", encoding="utf-8").read()
assert vtt.startswith("WEBVTT\n"), "WebVTT header"
assert len(re.findall(r"\d\d:\d\d:\d\d\.\d\d\d --> \d\d:\d\d:\d\d\.\d\d\d", vtt)) == 4
print("captions: %d cues within the limits, the answer at %.1f s; the mp4's mov_text track (eng, not default) "
      "is the .srt" % (len(cues), answer[0][0] / 1000))
print("mp4: h264 640x480 yuv420p bt709 10 fps, %d frames, 4 chapters" % frames)
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
n_mp4=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 l1.mp4)
length=$(ffprobe -v error -show_entries format=duration -of csv=p=0 w1.webm)
[ "$codec" = vp9 ] || fail "the webm's codec is '$codec', not vp9"
[ "$n" = "$n_mp4" ] || fail "the webm has $n samples, the mp4 $n_mp4"
python3 -c "import sys; sys.exit(abs(float('$length') - $frames / 10) > 0.0005)" ||
    fail "the webm lasts $length s, its $frames frames $((frames / 10)) s"
sub=$(ffprobe -v error -select_streams s -show_entries stream=codec_name:stream_tags=language,title:stream_disposition=default,forced -of compact=p=0 w1.webm)
[ "$sub" = "codec_name=webvtt|disposition:default=0|disposition:forced=0|tag:language=eng|tag:title=English" ] ||
    fail "the webm's subtitle track is '$sub'"
ffmpeg -v error -i w1.webm -map 0:s:0 -c:s copy -f webvtt w1.extracted.vtt || fail "no subtitle track to extract from w1.webm"
# What WebVTT escapes (x < 4 & y > 2, an arrow -->) goes into the webm as written.
printf '# Signs\n\n## Signs\n\nWhen x < 4 & y > 2 --> done.\n\n@hold 4\n' >signs.lesson
"$xentlab" --record signs.webm --lesson signs.lesson --size 640x360 --fps 5 2>signs.log || { cat signs.log; fail "--record signs.webm"; }
ffmpeg -v error -i signs.webm -map 0:s:0 -c:s copy -f webvtt signs.extracted.vtt || fail "no subtitle track in signs.webm"
grep -q '^When x &lt; 4 &amp; y &gt; 2 --&gt; done\.$' signs.vtt || fail "signs.vtt: $(cat signs.vtt)"
grep -q '^When x &lt; 4 &amp; y &gt; 2 --&gt; done\.$' signs.extracted.vtt || fail "the webm's track: $(cat signs.extracted.vtt)"
grep -q '^When x < 4 & y > 2 → done\.$' signs.srt || fail "signs.srt: $(cat signs.srt)"
python3 - <<'PY' || fail "the webm's subtitle track differs from its .vtt"
import re
def cues(path):
    text = open(path, encoding="utf-8").read()
    found = re.findall(r"(?:(\d\d):)?(\d\d):(\d\d)\.(\d\d\d) --> (?:(\d\d):)?(\d\d):(\d\d)\.(\d\d\d)\n((?:.+\n?)+)", text)
    def t(h, m, s, f):
        return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(f)
    return [(t(*c[0:4]), t(*c[4:8]), c[8].strip()) for c in found]
a, b = cues("w1.vtt"), cues("w1.extracted.vtt")
assert len(a) >= 8 and a == b, (len(a), len(b), a[:2], b[:2])
PY
ok "webm: vp9, $n samples (as many as the mp4), $length s; a WebVTT subtitle track (eng, English, not default) equal to w1.vtt, escapes kept"

# ---- PNG frames, twice: the same bytes ------------------------------------------------
"$xentlab" --record a --lesson 1 --size 640x480 --fps 10 --cards none 2>/dev/null || fail "--record a (frames)"
"$xentlab" --record b/ --lesson 1 --size 640x480 --fps 10 --cards none 2>/dev/null || fail "--record b/ (frames)"
na=$(find a -name 'frame-*.png' | wc -l)
[ "$na" = "$frames" ] || fail "the folder has $na frames, the program made $frames"
(cd a && sha256sum frame-*.png) >a.sum
(cd b && sha256sum frame-*.png) >b.sum
cmp -s a.sum b.sum || fail "two exports of the same lesson differ: $(diff a.sum b.sum | head -3)"
[ -s a/captions.srt ] && [ -s a/captions.vtt ] && [ -s a/chapters.vtt ] ||
    fail "the folder lacks captions.srt, captions.vtt or chapters.vtt"
cmp -s a/captions.srt l1.srt || fail "the folder's captions differ from the video's"
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
printf '# Credits\n\n## Digits\n\nTen digits.\n\n@scenario regression\n@dataset\n@hold 4\n' >digits.lesson
printf '# No credits\n\n## Iris\n\nThree species.\n\n@scenario regression\n@hold 4\n' >iris.lesson
"$xentlab" --record dframes --lesson digits.lesson --size 640x360 --fps 2 --cards none 2>d.log || { cat d.log; fail "--record the digits"; }
"$xentlab" --record iframes --lesson iris.lesson --size 640x360 --fps 2 --cards none 2>i.log || { cat i.log; fail "--record iris"; }
printf '# Then iris\n\n## Digits\n\nTen digits.\n\n@scenario regression\n@dataset\n@hold 4\n\n## Iris\n\nThree species.\n\n@scenario regression\n@hold 4\n' >then-iris.lesson
"$xentlab" --record tframes --lesson then-iris.lesson --size 640x360 --fps 2 --cards none 2>t.log || { cat t.log; fail "--record digits then iris"; }
python3 - <<'PY' || fail "the credits at the end are not what was asked for"
import os, re
def cues(path):
    return [b.split("\n") for b in open(path, encoding="utf-8").read().strip().split("\n\n")]
def secs(t):
    h, m, s = t.replace(",", ".").split(":")
    return 3600 * int(h) + 60 * int(m) + float(s)
d, i = cues("dframes/captions.srt"), cues("iframes/captions.srt")
# The page's title and paragraph, then the attribution in a cue of its own.
assert [c[2] for c in d[:2]] == ["Digits", "Ten digits."] and len(d) == 3, d
assert [c[2] for c in i] == ["Iris", "Three species."], i
start, end = (secs(t) for t in d[2][1].split(" --> "))
assert " ".join(d[2][2:]) == "Digits: E. Alpaydin and C. Kaynak (1998), UCI ML Repository, CC BY 4.0", d[2]
assert start >= secs(d[1][1].split(" --> ")[1]) and abs(end - start - 5.0) < 1e-9, (start, end)
nd = len([f for f in os.listdir("dframes") if f.endswith(".png")])
ni = len([f for f in os.listdir("iframes") if f.endswith(".png")])
assert nd == ni + 10, "digits %d frames, iris %d: expected 5 s more at 2 fps" % (nd, ni)
# The last page shows the digits, so their credit is already in its status strip: the
# tail writes no note over it (it once wrote the attribution twice, one over the other),
# and holds the page's last frame.
a, b, c = (open("dframes/frame-%06d.png" % k, "rb").read() for k in (nd - 10, nd - 9, nd))
assert a == b == c, "the tail drew over a page that shows its own credit"
# A lesson whose last page is on iris: the tail is drawn once (the note appears), then held.
t = cues("tframes/captions.srt")
assert " ".join(t[-1][2:]) == "Digits: E. Alpaydin and C. Kaynak (1998), UCI ML Repository, CC BY 4.0", t[-1]
nt = len([f for f in os.listdir("tframes") if f.endswith(".png")])
a, b, c = (open("tframes/frame-%06d.png" % k, "rb").read() for k in (nt - 10, nt - 9, nt))
assert a != b and b == c, "the credits frame is not the one held to the end"
PY
ok "a video of the digits ends on their CC BY 4.0 attribution (5 s, its own caption cue; a note only where the last page does not show it); iris adds none"

# ---- a replay's captions ---------------------------------------------------------------
# Lesson 4 opened, page 2 at 25 s, its question answered at 28 s, page 3 at 40 s: the
# pages' cues as they appeared, the answer's from 28 s, none past its page (the video
# runs to 46 s: the last line, a no-op, keeps page 3 on screen).
version=$("$xentlab" --version | sed -n '1s/^xentlab //p')
printf '# x\nxentlab-input 1 %s\nsize 1280 720\n0 0 lesson open %s\n25000 0 lesson next\n28000 0 lesson answer 1\n40000 0 lesson next\n45000 0 lesson unblank\n' \
    "$version" "$lessons/04-cross-entropy.lesson" >replay.txt
"$xentlab" --replay replay.txt --record replay.mp4 --size 640x360 --fps 5 2>replay.log ||
    { cat replay.log; fail "--replay --record replay.mp4"; }
ffprobe -v error -show_streams -show_chapters -of json replay.mp4 >replay.json || fail "ffprobe replay.mp4"
python3 - <<'PY' || fail "the replay's captions are not what was asked for"
import json
d = json.load(open("replay.json"))
assert [s["codec_name"] for s in d["streams"] if s["codec_type"] == "subtitle"] == ["mov_text"], d["streams"]
pages = [(float(c["start_time"]), float(c["end_time"])) for c in d["chapters"]]
def secs(t):
    h, m, s = t.replace(",", ".").split(":")
    return 3600 * int(h) + 60 * int(m) + float(s)
cues = []
for block in open("replay.srt", encoding="utf-8").read().strip().split("\n\n"):
    lines = block.split("\n")
    a, b = (secs(t) for t in lines[1].split(" --> "))
    cues.append((a, b, lines[2:]))
prev = 0.0
for a, b, lines in cues:
    chars = sum(len(l) for l in lines)
    assert len(lines) <= 2 and all(len(l) <= 42 for l in lines) and b - a >= 1.3 - 1e-9 and chars <= 17 * (b - a), lines
    assert a >= prev - 1e-9 and any(s <= a and b <= e + 1e-9 for s, e in pages), (a, b, lines)
    prev = b
texts = [" ".join(c[2]) for c in cues]
assert texts[0] == "The expected surprise of someone who assumes Q", texts[0]
title = [c for c in cues if c[2] == ["A robin song"]]
answer = [c for c in cues if c[2][0].startswith("Answer: robin's")]
assert title and abs(title[0][0] - 25.0) < 1e-9, title
assert answer and abs(answer[0][0] - 28.0) < 1e-9, answer
assert any(t == "Learning the robin" for t in texts), texts
print("replay: %d cues; the page at 25 s, the answer at 28 s" % len(cues))
PY
ok "a replay's video captions its lesson's pages as they appeared"

# A paragraph written after a question's play appears with the answer, under it: the
# captions give the answer first, then the paragraph (the paragraph used to be cut off by
# the answer queued after it, and left out).
printf '# T\n\n## One\n\nbefore it\n\n? Pick?\n- a *\n- b\n= why\n\n@set-speed 10\n@play 5\n\nafter the play\n' >order.lesson
printf '# x\nxentlab-input 1 %s\nsize 1280 720\n0 0 lesson open %s\n3000 0 lesson answer 1\n4000 0 advance 60\n9000 60 lesson unblank\n' \
    "$version" "$PWD/order.lesson" >order.txt
"$xentlab" --replay order.txt --record order.mp4 --size 640x360 --fps 5 2>order.log || { cat order.log; fail "--replay order.txt"; }
python3 - <<'PY' || fail "a replay's answer and the paragraph under it are not captioned in the page's order"
texts = [b.split("\n", 2)[2] for b in open("order.srt", encoding="utf-8").read().strip().split("\n\n")]
assert texts[-2:] == ["Answer: a. why.", "after the play"], texts
PY
ok "a replay captions a question's answer, then the paragraph under it"

# ---- bad values --------------------------------------------------------------------------
"$xentlab" --record x.mkv --lesson 1 2>/dev/null; [ $? -eq 1 ] || fail "--record x.mkv was accepted"
"$xentlab" --record x.mp4 2>/dev/null; [ $? -eq 2 ] || fail "--record without --lesson was accepted"
"$xentlab" --record x.mp4 --lesson 1 --fps 0 2>/dev/null; [ $? -eq 2 ] || fail "--fps 0 was accepted"
"$xentlab" --record x.mp4 --lesson 1 --size 641x480 2>/dev/null; [ $? -eq 1 ] || fail "an odd width was accepted"
ok "bad values refused"
echo "export test passed"

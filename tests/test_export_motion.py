#!/usr/bin/env python3
"""test_export_motion: what is on screen in an exported video (issue 25), from the
pixels of PNG frames exported at 640x360 and 10 frames a second:

  - the title card before frame 0 and the end card after the last (--cards): their
    frame counts, the chapters and captions shifted by the card's 3 s, the card
    faded in from black, a cross-fade from it into the first page;
  - a page turn that sets nothing cross-fades: each of its first 5 frames (0.5 s) is
    the outgoing page's last frame blended into the incoming frame by the integer
    formula (a·(256−w) + b·w + 128) >> 8, exactly, and then the plain frames follow;
  - a page turn that sets the logits draws in-between states (xl_tween.h): a frame
    mid-transition is not a blend of the two states' pictures, and the transition's
    last frame is the plain after-state frame pixel for pixel;
  - --reduced-motion --cards none gives cuts (the plain frames) and no cards;
  - a replay recorded to frames has no hint bar (the window's frame of the same state
    has it along its bottom edge).
Needs ffmpeg (to read PNG pixels): exits 77 without it."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

LESSON = """# Motion test
## One
@scenario softmax
@param classes=3
@set-p 1,1,1
@set-logits 0,0,0
One two three four five six.
## Two
@set-logits 2,-1,0.5
Seven eight nine ten.
## Three
Eleven twelve thirteen.
"""

W, H, FPS, FADE, CARD = 640, 360, 10, 5, 30


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def pixels(path):
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         check=True, stdout=subprocess.PIPE).stdout
    if len(out) != W * H * 3:
        fail("%s: %d bytes of pixels" % (path, len(out)))
    return out


def blend(a, b, w):
    return bytes(((x * (256 - w) + y * w + 128) >> 8) for x, y in zip(a, b))


def weight(i, n):
    return 256 if i >= n - 1 else (i + 1) * 256 // n


def record(xentlab, lesson, out, *extra):
    r = subprocess.run([xentlab, "--record", out, "--lesson", lesson, "--size", "%dx%d" % (W, H), "--fps", str(FPS)]
                       + list(extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        fail("record %s: %s" % (out, r.stderr))
    frames = sorted(f for f in os.listdir(out) if f.startswith("frame-"))
    return [os.path.join(out, f) for f in frames]


def starts(vtt):
    times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) -->", open(vtt).read())
    return [round((int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000) * FPS) for h, m, s, ms in times]


def main():
    xentlab = sys.argv[1]
    if not shutil.which("ffmpeg"):
        print("ffmpeg is not installed: skipped")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="xl-motion-")
    try:
        lesson = os.path.join(tmp, "motion.lesson")
        open(lesson, "w").write(LESSON)
        moving = record(xentlab, lesson, os.path.join(tmp, "moving"))
        plain = record(xentlab, lesson, os.path.join(tmp, "plain"), "--reduced-motion", "--cards", "none")
        n = len(plain)
        if len(moving) != n + 2 * CARD:
            fail("%d frames with the cards, %d without: not 3 s of card each side" % (len(moving), n))
        s_plain, s_moving = starts(os.path.join(tmp, "plain", "chapters.vtt")), starts(
            os.path.join(tmp, "moving", "chapters.vtt"))
        if len(s_plain) != 3 or s_plain[0] != 0:
            fail("chapters %r" % s_plain)
        if s_moving != [0, s_plain[1] + CARD, s_plain[2] + CARD]:
            fail("chapters with the title card %r, without %r" % (s_moving, s_plain))
        srt = open(os.path.join(tmp, "moving", "captions.srt")).read()
        if "00:00:03,000 --> " not in srt:
            fail("the first caption does not wait for the title card:\n" + srt[:200])
        s2, s3 = s_plain[1], s_plain[2]
        print("%d frames plain, %d with the cards; pages 2 and 3 at frames %d and %d" % (n, len(moving), s2, s3))

        # The title card: from black, then the card held, then a cross-fade into page 1.
        first, card = pixels(moving[0]), pixels(moving[CARD - 1])
        mean = lambda px: sum(px) / len(px)
        if not (mean(first) < 0.25 * mean(card) and mean(card) > 200):
            fail("the title card's first frame %.1f, the card %.1f: not a fade from black" % (mean(first), mean(card)))
        if pixels(moving[CARD // 2]) != card:
            fail("the title card does not hold still")
        dark = sum(1 for v in card[0::3] if v < 60)
        if dark < 2000:
            fail("the title card has %d dark pixels: no title drawn" % dark)
        for i in range(FADE):
            want = blend(card, pixels(plain[i]), weight(i, FADE))
            if pixels(moving[CARD + i]) != want:
                fail("frame %d of page 1 is not the card blended into it at %d/256" % (i, weight(i, FADE)))
        print("title card: fades in from black (mean %.1f, then %.1f), %d dark text pixels, cross-fades into page 1"
              % (mean(first), mean(card), dark))

        # Page 3 sets nothing: a cross-fade alone, exact, then the plain frames.
        out = pixels(moving[CARD + s3 - 1])
        if out != pixels(plain[s3 - 1]):
            fail("the last frame of page 2 differs from the plain one")
        for i in range(FADE):
            got, inc = pixels(moving[CARD + s3 + i]), pixels(plain[s3 + i])
            if got != blend(out, inc, weight(i, FADE)):
                fail("page 3's frame %d is not the blend at %d/256" % (i, weight(i, FADE)))
            if i < FADE - 1 and (got == inc or got == out):
                fail("page 3's frame %d is one of the two pictures, not between them" % i)
        if pixels(moving[CARD + s3 + FADE]) != pixels(plain[s3 + FADE]):
            fail("after the cross-fade the frames are not the plain ones")
        print("page 3: %d frames of exact cross-fade, then the plain frames" % FADE)

        # Page 2 sets the logits: in-between states, ending on the after-state exactly.
        out = pixels(moving[CARD + s2 - 1])
        mid = pixels(moving[CARD + s2 + 2])
        crossfade_only = blend(out, pixels(plain[s2 + 2]), weight(2, FADE))
        differ = sum(1 for a, b in zip(mid, crossfade_only) if a != b)
        if differ < 300:
            fail("page 2's middle frame differs from a plain cross-fade in %d values: no in-between state" % differ)
        if mid == pixels(plain[s2 - 1]) or mid == pixels(plain[s2]):
            fail("page 2's middle frame is one of the two states")
        if pixels(moving[CARD + s2 + FADE - 1]) != pixels(plain[s2 + FADE - 1]):
            fail("page 2's last transition frame is not the after-state frame")
        print("page 2: the middle frame differs from a cross-fade of the two states in %d values; "
              "the last transition frame is the after-state's, pixel for pixel" % differ)

        # The end card: cross-fades in, holds, fades out to black.
        end_card = pixels(moving[-CARD // 2])
        last = pixels(moving[-1])
        if not (mean(end_card) > 200 and mean(last) < 20):
            fail("the end card %.1f, the last frame %.1f: not a card fading to black" % (mean(end_card), mean(last)))
        if end_card == card:
            fail("the end card is the title card")
        print("end card: mean %.1f, the last frame %.1f (black)" % (mean(end_card), mean(last)))

        # A replay to frames: no hint bar (the window's headless frame of it has one).
        replay = os.path.join(tmp, "demo.txt")
        open(replay, "w").write("# xentlab input recording\nxentlab-input 1 0.1.0\nsize 640 360\n"
                                "0 0 do toggle-play\n500 0 advance 15\n1000 15 do toggle-play\n")
        shot = os.path.join(tmp, "window.png")
        subprocess.run([xentlab, "--replay", replay, "--headless", "-o", shot, "--size", "640x360"], check=True,
                       stdout=subprocess.DEVNULL)
        r = subprocess.run([xentlab, "--replay", replay, "--record", os.path.join(tmp, "rp"), "--size", "640x360",
                            "--fps", "10"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            fail("replay export: " + r.stderr)
        frames = sorted(os.listdir(os.path.join(tmp, "rp")))
        video = pixels(os.path.join(tmp, "rp", [f for f in frames if f.startswith("frame-")][-1]))
        window = pixels(shot)

        def row(px, y):
            return px[y * W * 3:(y + 1) * W * 3]
        # The hint bar's fill along the window frame's bottom rows; the video's bottom is a panel's.
        bar = row(window, H - 4)
        bar_grey = sum(1 for v in bar[0::3] if 200 < v < 250)
        video_grey = sum(1 for v in row(video, H - 4)[0::3] if 200 < v < 250)
        if bar_grey < W // 2:
            fail("the window's frame has no hint bar to compare with (%d grey pixels)" % bar_grey)
        if video_grey > W // 4:
            fail("the replay's video has a bar along its bottom (%d grey pixels)" % video_grey)
        print("replay: the window's bottom row has %d pixels of hint bar, the video's %d" % (bar_grey, video_grey))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""test_export_vfr: a video holds a sample only for each picture that differs from the one
before (issue 27), and shows the right picture at every time.

A short lesson (a title card, a still page, a page turn with in-between states, a page
that plays 12 steps, an end card) is exported at 640x360 and 10 frames a second as a PNG
folder, an .mp4 and a .webm. The folder is the reference: its frames, compared byte for
byte, cut the video into runs of one picture. Then, for each video:

  - its video samples start exactly at the runs' first frames, one each (identical
    frames sent to the encoder would add samples), plus one closing sample on the last
    frame when that frame holds a picture (so the video lasts exactly as long as the
    frames: the stream's duration is frames / fps);
  - a keyframe comes at most 2 s (of time) after the one before: a non-keyframe starts
    less than 2 s after the last keyframe, so a seek decodes little;
  - the picture shown at the first and the last frame of every run (the video decoded
    at the frame rate, as a player shows it) is that run's PNG: closer to it than to the
    neighbouring run's picture where the two differ, and within the codec's noise;
  - ffmpeg's own seek (-ss T before -i) at a run's first frame gives that run's picture;
  - the same again with --cards none, whose last frame is held (the closing sample).
Needs ffmpeg and ffprobe: exits 77 without them."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

LESSON = """# Still frames
## A still page
@scenario softmax
@param classes=3
@set-p 1,0,0
@set-logits 0,0,0
Nothing moves on this page for a while.
@hold 4
## Numbers that travel
@set-logits 2,-1,0.5
The logits travel to their new values.
@hold 3
## A few steps
@play 12
The model takes twelve steps.
@hold 2
"""

W, H, FPS = 640, 360, 10
FRAME = W * H * 3


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(args, **kw):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        fail("%s: %s" % (" ".join(args[:6]), r.stderr.decode(errors="replace")[-2000:]))
    return r.stdout


def record(xentlab, lesson, out, extra):
    run([xentlab, "--record", out, "--force", "--lesson", lesson, "--size", "%dx%d" % (W, H), "--fps", str(FPS)] + extra)


def runs_of(folder):
    """The PNG folder's frames and the first frame of each run of identical ones."""
    names = sorted(f for f in os.listdir(folder) if f.startswith("frame-"))
    digests = [hashlib.sha256(open(os.path.join(folder, f), "rb").read()).digest() for f in names]
    starts = [i for i in range(len(digests)) if i == 0 or digests[i] != digests[i - 1]]
    return [os.path.join(folder, f) for f in names], starts


def rgb_of_pngs(paths):
    """The PNGs' pixels (RGB), one ffmpeg for all of them (the concat demuxer)."""
    listing = os.path.join(os.path.dirname(paths[0]), "..", "list-%d.txt" % len(paths))
    with open(listing, "w") as f:
        for p in paths:
            f.write("file '%s'\n" % os.path.abspath(p))
    out = run(["ffmpeg", "-v", "error", "-f", "concat", "-safe", "0", "-i", listing, "-fps_mode", "passthrough",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
    if len(out) != FRAME * len(paths):
        fail("%d bytes of PNG pixels for %d frames" % (len(out), len(paths)))
    return [out[i * FRAME:(i + 1) * FRAME] for i in range(len(paths))]


def rgb_shown(video, indices):
    """The pictures a player shows at frames `indices` (ascending): the video decoded to
    the frame rate (each sample held until the next), those frames picked."""
    pick = "+".join("eq(n\\,%d)" % i for i in indices)
    out = run(["ffmpeg", "-v", "error", "-i", video, "-vf", "fps=%d,select='%s'" % (FPS, pick), "-fps_mode",
               "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
    if len(out) != FRAME * len(indices):
        fail("%s: %d frames shown where %d were asked" % (video, len(out) // FRAME, len(indices)))
    return [out[i * FRAME:(i + 1) * FRAME] for i in range(len(indices))]


def distance(got, want, other):
    """Where want and other differ (their green values): the squared error of got against
    each; and the mean absolute error against want over the whole frame (sampled)."""
    row = W * 3
    e_want = e_other = 0
    for y in range(H):
        a, b = want[y * row + 1:(y + 1) * row:3], other[y * row + 1:(y + 1) * row:3]
        if a == b:
            continue
        g = got[y * row + 1:(y + 1) * row:3]
        for x in range(W):
            if a[x] != b[x]:
                e_want += (g[x] - a[x]) ** 2
                e_other += (g[x] - b[x]) ** 2
    mean = sum(abs(got[i] - want[i]) for i in range(0, FRAME, 7)) / len(range(0, FRAME, 7))
    return e_want, e_other, mean


def check_video(video, total, starts, pngs, noise):
    probe = run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                 "frame=pts_time,key_frame:stream=duration,time_base", "-of", "csv=p=0", video]).decode().split("\n")
    samples = [line.split(",") for line in probe if line.count(",") >= 1 and "/" not in line]
    stream = [line for line in probe if "/" in line]
    times = [float(s[1]) for s in samples]
    keys = [s[0] == "1" for s in samples]
    want = starts + ([total - 1] if starts[-1] != total - 1 else [])
    exact = 1e-6 if video.endswith(".mp4") else 0.0005  # mp4: a time base of 1/fps's multiple; webm: 1 ms
    if len(times) != len(want):
        fail("%s: %d video samples, the frames hold %d pictures (%d with the closing sample): samples at %r" %
             (video, len(times), len(starts), len(want), times[:40]))
    for t, f in zip(times, want):
        if abs(t - f / FPS) > exact:
            fail("%s: a sample at %.6f s, its picture starts at frame %d (%.6f s)" % (video, t, f, f / FPS))
    # The stream's length: frames / fps (mp4's stream duration; webm's container duration).
    if video.endswith(".mp4"):
        duration = float(stream[0].split(",")[1])
    else:
        duration = float(run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                              video]).decode())
    if abs(duration - total / FPS) > exact:
        fail("%s lasts %.6f s, its %d frames %.6f s" % (video, duration, total, total / FPS))
    last_key = None
    for t, k in zip(times, keys):
        if k:
            last_key = t
        elif last_key is None or t - last_key >= 2.0 - 1e-9:
            fail("%s: a sample at %.3f s is no keyframe, the last keyframe at %r" % (video, t, last_key))
    # The pictures shown at each run's first and last frame.
    ends = [s - 1 for s in starts[1:]] + [total - 1]
    indices = sorted(set(starts) | set(ends))
    shown = dict(zip(indices, rgb_shown(video, indices)))
    worst = 0.0
    for r, (s, e) in enumerate(zip(starts, ends)):
        for f, neighbour in ((s, r - 1), (e, r + 1)):
            if not 0 <= neighbour < len(starts):
                continue
            e_want, e_other, mean = distance(shown[f], pngs[r], pngs[neighbour])
            worst = max(worst, mean)
            if e_want >= e_other or mean > noise:
                fail("%s at frame %d (%.1f s): the picture shown is %s (squared error %d against run %d's picture, "
                     "%d against run %d's; mean error %.2f)" % (video, f, f / FPS,
                     "not its run's" if e_want >= e_other else "too far from its run's", e_want, r, e_other,
                     neighbour, mean))
    # ffmpeg's seek before its input, at the first frame of a few runs.
    for r in (1, len(starts) // 2, len(starts) - 1):
        s = starts[r]
        out = run(["ffmpeg", "-v", "error", "-ss", "%.3f" % (s / FPS), "-i", video, "-frames:v", "1", "-f", "rawvideo",
                   "-pix_fmt", "rgb24", "-"])
        e_want, e_other, mean = distance(out[:FRAME], pngs[r], pngs[r - 1])
        if len(out) < FRAME or e_want >= e_other or mean > noise:
            fail("%s: ffmpeg -ss %.3f shows not run %d's picture (%d against %d, mean %.2f)" %
                 (video, s / FPS, r, e_want, e_other, mean))
    print("%s: %d samples for %d frames (%d pictures%s), at their frames' times, lasting %.1f s; keyframes "
          "within 2 s; the picture shown at the first and last frame of every run is the run's (mean error %.2f at "
          "worst); ffmpeg -ss lands on it" % (os.path.basename(video), len(times), total, len(starts),
                                             " + the closing sample" if len(want) > len(starts) else "", duration,
                                             worst))


def main():
    xentlab = sys.argv[1]
    for tool in ("ffmpeg", "ffprobe"):
        if not shutil.which(tool):
            print("%s is not installed: skipped" % tool)
            sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="xl-vfr-")
    try:
        lesson = os.path.join(tmp, "still.lesson")
        open(lesson, "w").write(LESSON)
        for name, extra in (("cards", []), ("plain", ["--cards", "none"])):
            folder = os.path.join(tmp, name)
            record(xentlab, lesson, folder, extra)
            paths, starts = runs_of(folder)
            total = len(paths)
            if not 12 <= len(starts) <= total // 3:
                fail("%s: %d pictures in %d frames: the lesson does not hold still and move as meant" %
                     (name, len(starts), total))
            pngs = rgb_of_pngs([paths[s] for s in starts])
            print("%s: %d frames, %d pictures; the last frame %s" % (name, total, len(starts),
                  "held" if starts[-1] != total - 1 else "a new picture"))
            videos = [("mp4", 3.0), ("webm", 6.0)] if name == "cards" else [("mp4", 3.0)]
            for ext, noise in videos:
                video = os.path.join(tmp, "%s.%s" % (name, ext))
                record(xentlab, lesson, video, extra)
                check_video(video, total, starts, pngs, noise)
        print("ok")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

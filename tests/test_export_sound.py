#!/usr/bin/env python3
"""test_export_sound: the sound that follows the loss in a video (--record OUT --sound,
issue 26), measured from the decoded track against the numbers the trace prints.

A replay of 3.5 s (12 steps at once, then a step at 1.5 s and one at 2.5 s):
  - mp4: an AAC track at 48 kHz, as long as the video; the tone's pitch (zero crossings)
    between the steps is 220 Hz * 2^gap for the gap the headless trace printed at steps
    12, 13 and 14, within 0.5%; at -24 dBFS RMS within 0.5 dB (its own level, not
    normalised); two ticks (2 kHz bursts) within a frame of the steps;
  - the same video twice: the same decoded samples;
  - with --narration (a 1 kHz sine): both in the track, the sine normalised, the tone
    under it at its pitch;
  - a frames folder: narration.wav (16-bit PCM) with the tone at its pitch;
  - the chimes of a measurement (G6 then E6): the diffusing ring's detector read at 1 s
    and again at 2 s (the same reading: it chimes twice), a lesson's answer given at
    1 s; none before.

    test_export_sound.py path/to/xentlab
Exit status: 0 pass, 1 fail, 77 skipped (ffmpeg or ffprobe missing)."""
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import wave

RATE = 48000


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def decode(path):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:a:0", "-ac", "1", "-ar", str(RATE),
                          "-f", "s16le", "-"], stdout=subprocess.PIPE, check=True).stdout
    return struct.unpack("<%dh" % (len(raw) // 2), raw[: len(raw) // 2 * 2])


def pitch(s, a, b):
    first = last = None
    count = 0
    for i in range(max(a, 1), b):
        if s[i - 1] < 0 <= s[i]:
            t = i - 1 + s[i - 1] / (s[i - 1] - s[i])
            first = t if first is None else first
            last, count = t, count + 1
    return (count - 1) * RATE / (last - first) if count > 1 else 0.0


def goertzel(s, a, b, f):
    w = 2 * math.pi * f / RATE
    c = 2 * math.cos(w)
    s1 = s2 = wsum = 0.0
    n = b - a
    for i in range(n):
        win = 0.5 - 0.5 * math.cos(2 * math.pi * i / (n - 1))
        s0 = s[a + i] / 32768.0 * win + c * s1 - s2
        s2, s1 = s1, s0
        wsum += win
    return 2 * math.sqrt(max(s1 * s1 + s2 * s2 - c * s1 * s2, 0.0)) / wsum


def want(gap):
    return min(880.0, max(220.0, 220.0 * 2 ** gap))


def main():
    xentlab = os.path.abspath(sys.argv[1])
    for tool in ("ffmpeg", "ffprobe"):
        if not shutil.which(tool):
            print("export-sound skipped: %s is not installed" % tool)
            return 77
    tmp = tempfile.mkdtemp(prefix="xl-export-sound-")
    os.chdir(tmp)
    version = subprocess.run([xentlab, "--version"], stdout=subprocess.PIPE, text=True).stdout.split()[1]
    with open("r.txt", "w") as f:
        f.write("xentlab-input 1 %s\nsize 1280 720\n0 0 do run 12\n1500 0 do step\n2500 0 do step\n" % version)
    trace = subprocess.run([xentlab, "--replay", "r.txt", "--headless", "--trace", "-o", "r.png"],
                           stdout=subprocess.PIPE, text=True, check=True).stdout
    gap = {}
    for line in trace.splitlines():
        j = json.loads(line)
        if "readouts" in j:
            gap[j["step"]] = list(j["readouts"].values())[2]
    if sorted(gap)[-3:] != [12, 13, 14]:
        fail("the replay's trace has steps %s" % sorted(gap))

    def record(out, *extra, replay="r.txt"):
        p = subprocess.run([xentlab, "--replay", replay, "--record", out, "--sound", "--size", "640x360",
                            "--fps", "10", *extra], stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            fail("--record %s --sound exited with %d: %s" % (out, p.returncode, p.stderr))
        return p.stderr

    err = record("r.mp4")
    if "the sound that follows the loss (--sound) is its sound track" not in err:
        fail("no word of the sound track: " + err)
    info = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", "r.mp4"],
                                     stdout=subprocess.PIPE, check=True).stdout)
    audio = [st for st in info["streams"] if st["codec_type"] == "audio"]
    video = [st for st in info["streams"] if st["codec_type"] == "video"]
    if len(audio) != 1 or audio[0]["codec_name"] != "aac" or audio[0]["sample_rate"] != "48000":
        fail("r.mp4's audio streams: %s" % audio)
    if abs(float(audio[0]["duration"]) - float(video[0]["duration"])) > 0.05:
        fail("the track lasts %s s, the video %s s" % (audio[0]["duration"], video[0]["duration"]))
    s = decode("r.mp4")
    bad = []
    for a, b, step in ((0.5, 1.4, 12), (1.8, 2.4, 13), (2.8, 3.4, 14)):
        f, w = pitch(s, int(a * RATE), int(b * RATE)), want(gap[step])
        print("step %d: gap %.4f nats, %.2f Hz, want %.2f Hz" % (step, gap[step], f, w))
        if abs(f / w - 1) > 0.005:
            bad.append("step %d: %.2f Hz, want %.2f" % (step, f, w))
    a, b = int(0.5 * RATE), int(1.4 * RATE)
    db = 20 * math.log10(math.sqrt(sum(v * v for v in s[a:b]) / (b - a)) / 32768)
    print("level %.2f dBFS" % db)
    if abs(db + 24) > 0.5:
        bad.append("the tone at %.2f dBFS, not -24" % db)
    ticks, quiet = [], RATE
    for i in range(2, len(s)):
        d = abs(s[i] - 2 * s[i - 1] + s[i - 2])
        if d > 60 and quiet > RATE * 0.03:
            ticks.append(i / RATE)
        quiet = 0 if d > 60 else quiet + 1
    print("ticks at", ["%.3f" % t for t in ticks])
    if len(ticks) != 2 or any(not (at <= t < at + 0.11) for t, at in zip(ticks, (1.5, 2.5))):
        bad.append("ticks at %s, not one within a frame after 1.5 s and 2.5 s" % ticks)

    record("r2.mp4")
    if decode("r2.mp4") != s:
        bad.append("the same video twice has different samples")

    # Under a narration: a 1 kHz sine of 3.5 s at -20 dBFS, normalised to -16 LUFS.
    w = wave.open("sine.wav", "wb")
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(RATE)
    w.writeframes(struct.pack("<%dh" % int(3.5 * RATE), *(int(3277 * math.sin(2 * math.pi * 1000 * i / RATE))
                                                          for i in range(int(3.5 * RATE)))))
    w.close()
    err = record("n.mp4", "--narration", "sine.wav")
    if "is mixed under it" not in err:
        bad.append("no word of the mix: " + err)
    n = decode("n.mp4")
    a, b = int(0.5 * RATE), int(1.4 * RATE)
    sine, tone = goertzel(n, a, b, 1000.0), goertzel(n, a, b, want(gap[12]))
    print("mixed: the narration's 1 kHz at %.4f, the tone at %.4f" % (sine, tone))
    if not (0.15 < sine < 0.35) or not (0.07 < tone < 0.11):
        bad.append("the mix: 1 kHz at %.4f (want about 0.22), the tone at %.4f (want 0.089)" % (sine, tone))

    # A frames folder: narration.wav.
    record("frames", "--fps", "5")
    with wave.open(os.path.join("frames", "narration.wav")) as w:
        if w.getframerate() != RATE or w.getsampwidth() != 2:
            bad.append("narration.wav: %d Hz, %d bytes a sample" % (w.getframerate(), w.getsampwidth()))
        raw = w.readframes(w.getnframes())
        ch = w.getnchannels()
    fw = struct.unpack("<%dh" % (len(raw) // 2), raw)[::ch]
    f = pitch(fw, int(0.5 * RATE), int(1.4 * RATE))
    print("frames/narration.wav: %.2f Hz" % f)
    if abs(f / want(gap[12]) - 1) > 0.005:
        bad.append("frames/narration.wav: %.2f Hz, want %.2f" % (f, want(gap[12])))
    # Measurements and a revealed answer chime: G6 (1568 Hz) then E6 (1318.5 Hz) 120 ms later.
    with open("d.txt", "w") as f:
        f.write("xentlab-input 1 %s\nsize 1280 720\n0 0 do scenario diffusion\n1000 0 do measure-selected\n"
                "2000 0 do measure-selected\n" % version)
    with open("q.lesson", "w") as f:
        f.write("# T\n\n## One\n\nbefore it\n\n? Pick?\n- a *\n- b\n= why\n")
    with open("q.txt", "w") as f:
        f.write("xentlab-input 1 %s\nsize 1280 720\n0 0 lesson open %s\n1000 0 lesson answer 1\n"
                % (version, os.path.abspath("q.lesson")))
    for name, at in (("d", (1.0, 2.0)), ("q", (1.0,))):
        record(name + ".mp4", replay=name + ".txt")
        c = decode(name + ".mp4")
        win = RATE // 10
        for t in at:
            g6, e6 = goertzel(c, int(t * RATE), int(t * RATE) + win, 1567.982), \
                goertzel(c, int((t + 0.12) * RATE), int((t + 0.12) * RATE) + win, 1318.510)
            print("%s: the chime at %.1f s: G6 %.4f, E6 %.4f" % (name, t, g6, e6))
            if g6 < 0.05 or e6 < 0.05:
                bad.append("%s: no chime at %.1f s (G6 %.4f, E6 %.4f)" % (name, t, g6, e6))
        before = goertzel(c, int(0.5 * RATE), int(0.5 * RATE) + win, 1567.982)
        if before > 0.005:
            bad.append("%s: a chime at 0.5 s, before anything happened (%.4f)" % (name, before))
    if bad:
        fail("; ".join(bad))
    shutil.rmtree(tmp)
    print("export-sound: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""audio_probe: measures of a file's sound track, for the tests of issue 25's voice.

    audio_probe.py onset FILE [THRESHOLD]   the first moment (s) the track's level passes
                                            THRESHOLD (of full scale, 0.05 unless given),
                                            from ffmpeg's decoding to 48 kHz mono samples
    audio_probe.py info FILE                the audio stream (codec, rate, channels,
                                            duration), the video's duration, and the
                                            integrated loudness (EBU R128, ebur128), as
                                            key=value lines

The onset is the first sample past the threshold, less the part of the 1 kHz wave's
first half-period before it: a sine's envelope reaches 5% of its peak within its first
quarter period (0.25 ms at 1 kHz), far below the 33 ms a frame lasts."""
import json
import re
import struct
import subprocess
import sys

RATE = 48000


def samples(path):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:a:0", "-ac", "1", "-ar", str(RATE),
                          "-f", "s16le", "-"], stdout=subprocess.PIPE, check=True).stdout
    return struct.unpack("<%dh" % (len(raw) // 2), raw[: len(raw) // 2 * 2])


def onset(path, threshold=0.05):
    s = samples(path)
    limit = threshold * 32768
    for i, v in enumerate(s):
        if abs(v) > limit:
            return i / RATE, len(s) / RATE
    return None, len(s) / RATE


def info(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", path],
                         stdout=subprocess.PIPE, check=True).stdout
    j = json.loads(out)
    res = {"format_duration": float(j["format"].get("duration", 0))}
    for st in j["streams"]:
        kind = st["codec_type"]
        if kind in ("audio", "video") and kind + "_codec" not in res:
            res[kind + "_codec"] = st["codec_name"]
            res[kind + "_duration"] = float(st.get("duration", 0) or 0)
            if kind == "audio":
                res["audio_rate"] = int(st["sample_rate"])
                res["audio_channels"] = int(st["channels"])
    log = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", path, "-map", "0:a:0", "-af", "ebur128=peak=true",
                          "-f", "null", "-"], stderr=subprocess.PIPE, text=True).stderr
    summary = log[log.rfind("Summary:"):]
    m = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    res["lufs"] = float(m.group(1)) if m else float("nan")
    m = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    res["true_peak"] = float(m.group(1)) if m else float("nan")
    return res


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "onset":
        t, length = onset(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.05)
        print("onset=%s length=%.4f" % ("none" if t is None else "%.4f" % t, length))
    elif len(sys.argv) == 3 and sys.argv[1] == "info":
        for k, v in info(sys.argv[2]).items():
            print("%s=%s" % (k, v))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)

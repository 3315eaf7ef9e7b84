#!/usr/bin/env python3
"""The hostile-input test: the headless program over a generated table of extreme and
hostile command-line values (NaN and infinity spellings, 1e308, denormals, huge and
empty lists, long names, sizes 1x1 to 16384x16384, logits one ulp apart, the commands
quoted in issue 5).

    tests/test_hostile.py path/to/xentlab [path/to/src/app/ui_cli.c]

Every case runs with a timeout (a hang is a failure) and must:
  - exit with status 0 or 2 (and the status the table expects, where it says one; 1
    only where the table expects it: a lesson file that cannot be read);
  - on status 2, name the flag under test on stderr;
  - print no sanitizer report ("runtime error", "AddressSanitizer", "LeakSanitizer");
  - with --trace, print only lines of the trace's schema (tests/trace_schema.py) whose
    numbers are all finite: null is allowed only in the "surprise" list, which the
    trace documents as +infinity where q underflows past what log q can show, and for
    the diffusion's measurement readouts, not defined before a measurement
    (docs/trace.md);
  - on status 0 with --screenshot, write a PNG of the requested size (IHDR);
  - where the table says so, print given text on stderr or stdout (the real message,
    e.g. the limit a hostile replay or lesson passes);
  - when it fails (any status but 0), fail the same way three times: the same status
    and the same bytes on stderr, so a message built from an uninitialised buffer
    cannot pass by luck (issue 19; the sanitizer build also fills every uninitialised
    variable with a pattern).
Given ui_cli.c, every message it can print (each literal of its fail() calls and
error lines) must appear on the stderr of some case: every error path of every flag
is taken. Hostile replay files and lessons (a byte order mark, CR line ends, text
that is not UTF-8, plays past the work limits) are written into the temporary folder.
Run by meson in suite 'app', so scripts/test.sh runs it against the ASan + UBSan
build too. Exit status 0 pass, 1 fail.
"""
import concurrent.futures
import json
import math
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_schema  # noqa: E402  (the --trace schema, docs/trace.md)

TIMEOUT_S = 20
SANITIZER_TEXT = ("runtime error", "AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer")
# Trace fields that may hold null: a surprise of +infinity, and the readouts that have
# no value until a measurement (any other readout null would be a NaN or an infinity).
NULLABLE = {"surprise", "readouts.ce_initial", "readouts.ce_final", "readouts.p_measure", "readouts.heat"}
NONFINITE = ["nan", "NaN", "-nan", "inf", "-inf", "infinity", "-Infinity", "0x1p2000", "1e999", "-1e999"]


def registry(exe):
    """The registered scenarios, from the program itself: [(id, params, readouts)], each
    param (name, lo, hi, whole) as `--scenario ID --help` lists it, so a new scenario
    is in the table the moment it is registered."""
    import re
    out = subprocess.run([exe, "--list-scenarios"], stdout=subprocess.PIPE, check=True).stdout.decode()
    scenarios = []
    for sid in [line.split()[0] for line in out.splitlines() if line.strip()]:
        text = subprocess.run([exe, "--scenario", sid, "--help"], stdout=subprocess.PIPE,
                              check=True).stdout.decode()
        text = text[text.index("Scenario %s:" % sid):]
        params, readouts = [], []
        for line in text.splitlines():
            m = re.search(r"default \S+, (whole numbers|from) (\S+) to (\S+)$", line)
            if m:
                params.append((line.split()[0], float(m.group(2)), float(m.group(3)), m.group(1) == "whole numbers"))
            elif "Readouts" in line:
                readouts = line.split(":", 1)[1].split()
        if not readouts:
            raise SystemExit("--scenario %s --help lists no readouts" % sid)
        scenarios.append((sid, params, readouts))
    if len(scenarios) < 2:
        raise SystemExit("--list-scenarios lists %d scenarios" % len(scenarios))
    return scenarios


def num(v):
    """A number as a person types it: 1000000, not 1000000.0."""
    return "%.17g" % v


# Readouts the trace leaves out until they are defined (NaN in the session), with why.
UNDEFINED_AT_START = {
    ("diffusion", "ce_initial"): "defined by a measurement",
    ("diffusion", "ce_final"): "defined by a measurement",
    ("diffusion", "p_measure"): "defined by a measurement",
    ("diffusion", "heat"): "defined by a measurement",
}


def has_readouts(sid, names):
    """A trace check: every step line is of scenario sid; the first three readouts (loss,
    floor, gap) are in each line with loss = floor + gap; every other readout is in some
    line (unless UNDEFINED_AT_START says why not): at the top level or, from trace 2,
    under "readouts"."""
    def check(lines, err):
        steps = [o for o in lines if "command" not in o]
        if not steps:
            return "no step lines in the trace"
        seen = set()
        for o in steps:
            if o.get("scenario") != sid:
                return "step %s: scenario %r, expected %r" % (o.get("step"), o.get("scenario"), sid)
            where = o.get("readouts", o)
            seen.update(n for n in names if isinstance(where.get(n), (int, float)))
            missing = [n for n in names[:3] if not isinstance(where.get(n), (int, float))]
            if missing:
                return "step %s lacks %s" % (o.get("step"), ", ".join(missing))
            loss, floor, gap = (where[n] for n in names[:3])
            if abs(loss - (floor + gap)) > 1e-9 * (1 + abs(loss)):
                return "step %s: %s = %r is not %s + %s = %r" % (o.get("step"), names[0], loss, names[1], names[2],
                                                                 floor + gap)
        never = [n for n in names if n not in seen and (sid, n) not in UNDEFINED_AT_START]
        if never:
            return "no step line holds the readouts %s" % ", ".join(never)
        return None
    return check


def registry_cases(cases, scenarios, shot):
    """Every registered scenario: its defaults traced (each readout there), each parameter
    at both ends of its range (drawn) and past them, and the largest settings the keys
    reach. The scenario-specific cases in make_table stay; these cover a new one."""
    for sid, params, readouts in scenarios:
        base = ["--scenario", sid]
        cases.append(Case("--scenario", base + ["--steps", "20", "--trace", "--screenshot", shot()], 0,
                          check=has_readouts(sid, readouts)))
        for name, lo, hi, whole in params:
            # At the ends of the ranges the default rate may be too large (a Gaussian P far
            # from the start): a divergence reported in the trace is an answer, not a crash.
            for v in (lo, hi):
                cases.append(Case("--param", base + ["--param", "%s=%s" % (name, num(v)), "--steps", "20", "--trace",
                                                     "--screenshot", shot()], 0, check=has_readouts(sid, readouts),
                                  may_diverge=True))
            # (The spellings of infinity and the empty value are the generic --param cases'.)
            bad = [lo - max(1.0, abs(lo)), hi + max(1.0, abs(hi)), "nan"]
            if whole and lo + 0.5 < hi:
                bad.append(lo + 0.5)
            for v in bad:
                value = v if isinstance(v, str) else num(v)
                cases.append(Case("--param", base + ["--param", "%s=%s" % (name, value), "--steps", "5"], 2))
        # The largest rate and a race, long: finite numbers or a refusal (exit 2) naming
        # the flag; a scenario without a gradient holds and says why.
        for args in (["--lr", "100", "--optimizer", "adam"], ["--lr", "100", "--race", "gd,momentum,nesterov,adam"],
                     ["--lr", "100", "--mu", "0.99", "--optimizer", "nesterov"]):
            cases.append(Case("--lr", base + args + ["--steps", "300", "--trace", "--do", "frame",
                                                     "--screenshot", shot()]))


class Case:
    def __init__(self, flag, args, expect=None, check=None, size=(1280, 720), stderr_has=(), stdout_has=(),
                 timeout=None, may_diverge=False):
        self.flag = flag      # the flag under test: a status-2 message must name it
        self.args = args      # without --headless, which every case gets
        self.expect = expect  # None: 0 or 2 both fine; else the status required
        self.check = check    # optional f(lines, stderr) -> error text or None
        self.size = size      # frame size, for the PNG check
        self.stderr_has = stderr_has  # texts stderr must hold
        self.stdout_has = stdout_has  # texts stdout must hold (--check's verdicts)
        self.may_diverge = may_diverge  # a trace may end early at a reported divergence
        # The largest frames take longest, most of all under ASan on a shared machine.
        big = any("7680" in a for a in args)
        self.timeout = timeout or (TIMEOUT_S * 4 if big else TIMEOUT_S)


def write(folder, name, data):
    """A file of the table's, in the temporary folder; its path."""
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def hostile_files(cases, folder, version):
    """Issue 19: hostile replay files and lessons, each with the message it must give."""
    head = "xentlab-input 1 %s\n" % version

    def replay(name, body, expect, *texts, args=()):
        path = write(folder, name + ".txt", body)
        cases.append(Case("--replay", ["--replay", path, "--size", "640x480"] + list(args), expect,
                          stderr_has=texts))

    size = head + "size 1280 720\n"
    # A view command in a 'do' line: the message once read a buffer never written.
    replay("do-quit", size + "0 0 do quit\n", 1, ":3: error: 'quit' is a view command: write it as 'view quit'")
    replay("do-theme", size + "0 0 do theme\n", 1, ":3: error: 'theme' is a view command: write it as 'view theme'")
    replay("view-step", size + "0 0 view step\n", 1, ":3: error: 'step' is not a view command")
    replay("do-unknown", size + "0 0 do stpe\n", 1, ":3: error: 'stpe' is not a command: unknown command 'stpe'")
    # Frames no larger than --size allows.
    for w, h in [(16384, 16384), (7681, 4320), (7680, 4321), (0, 5)]:
        replay("size-%dx%d" % (w, h), head + "size %d %d\n0 0 do step\n" % (w, h), 1,
               ":2: error: size needs WIDTH HEIGHT from 1 1 to 7680 4320 (as --size), not %d %d" % (w, h))
        replay("resize-%dx%d" % (w, h), size + "0 0 size %d %d\n" % (w, h), 1,
               ":3: error: size needs WIDTH HEIGHT from 1 1 to 7680 4320 (as --size)")
    replay("size-max", head + "size 7680 4320\n0 0 size 7680 4320\n0 0 do step\n", 0)
    # Issue 25: the voice's line (mic FILE FIRST_MS), a name beside the file, once.
    form = "expected 'mic FILE MILLISECONDS'"
    for name, line, text in [("mic-bare", "10 0 mic\n", form), ("mic-no-ms", "10 0 mic v.wav\n", form),
                             ("mic-neg", "10 0 mic v.wav -5\n", form), ("mic-junk", "10 0 mic v.wav 5x\n", form),
                             ("mic-nospace", "10 0 micv.wav 5\n", "unknown action 'micv.wav 5'"),
                             ("mic-path", "10 0 mic ../v.wav 5\n", "must be a name of 1 to 255 bytes beside this file"),
                             ("mic-abs", "10 0 mic /etc/passwd 5\n", "not a path: '/etc/passwd'"),
                             ("mic-dotdot", "10 0 mic .. 5\n", "must be a name"),
                             ("mic-long", "10 0 mic %s 5\n" % ("v" * 256), "must be a name of 1 to 255 bytes"),
                             ("mic-late", "10 0 mic v.wav 20\n", "the voice's first sample at 20 ms is after its line's 10 ms"),
                             ("mic-huge", "10 0 mic v.wav 99999999999999\n", form),
                             ("mic-twice", "10 0 mic v.wav 5\n20 0 mic w.wav 15\n", ":4: error: a second 'mic' line")]:
        replay(name, size + line, 1, text)
    # A good one changes no state: the headless frame is drawn (the voice is only for --record).
    replay("mic-ok", size + "10 0 mic voice with spaces.wav 5\n20 0 do step\n", 0)
    # Work: one line at most 2e8 operations (about 2 s); refused lines stop the replay.
    replay("advance-1e8", size + "0 0 advance 100000000\n", 1,
           ":3: error: 'advance 100000000' asks for 2.1e+09 operations (100000000 steps × 21 per step); one line "
           "of a replay may ask for at most 2e+08")
    replay("run-1e8", size + "0 0 do run 100000000\n", 1, ":3: error: 'run 100000000' asks for 2.1e+09")
    micro = head + "arg --scenario\narg microstates\narg --param\narg flips=100000\nsize 1280 720\n"
    replay("micro-2000", micro + "0 0 advance 2000\n", 1,
           ":7: error: 'advance 2000' asks for 2.00032e+08 operations (2000 steps × 100016 per step)")
    replay("micro-run", micro + "0 0 advance 5\n10 5 do run 2000\n", 1, ":8: error: 'run 2000' asks for")
    replay("micro-ok", micro + "0 0 advance 5\n10 5 do run 20\n", 0)
    # The format's other refusals, each with its line.
    replay("empty", "# nothing\n", 1, "empty: not an input recording")
    replay("not-a-recording", "hello\n", 1, ":1: error: not an input recording")
    replay("other-version", "xentlab-input 1 9.9.9\nsize 1 1\n", 1, ":1: error: recorded by xentlab 9.9.9")
    replay("no-size", head + "arg --lr\narg 0.5\n", 1, "no 'size WIDTH HEIGHT' line")
    replay("bad-size", head + "size x\n", 1, ":2: error: expected 'size WIDTH HEIGHT' after the arguments")
    replay("arg-late", size + "arg --lr\n", 1, ":3: error: 'arg' lines come before 'size'")
    replay("args-129", head + "arg --trace\n" * 129 + "size 9 9\n", 1, ":130: error: more than 128 arguments")
    replay("long-line", size + "0 0 do " + "x" * 1200 + "\n", 1, ":3: error: a line longer than")
    replay("no-ms", size + "x 0 do step\n", 1, ":3: error: expected 'MILLISECONDS TICK ACTION'")
    replay("time-back", size + "5 0 do step\n3 0 do step\n", 1, ":4: error: time goes back (3 ms after 5 ms)")
    # Its length becomes video frames with --record: at most 3 hours.
    replay("days", size + "0 0 do step\n999999999999 0 do step\n", 1,
           ":4: error: 999999999999 ms is past the longest replay, 3 hours (10800000 ms)")
    replay("three-hours", size + "0 0 do step\n10800000 0 do step\n", 0)
    replay("tick", size + "0 5 do step\n", 1, ":3: error: tick 5, but the advances before it make 0")
    replay("action", size + "0 0 jump\n", 1, ":3: error: unknown action 'jump'")
    replay("advance-0", size + "0 0 advance 0\n", 1, "advance needs a number of steps from 1 to 100000000")
    replay("do-nothing", size + "0 0 do\n", 1, ":3: error: do needs what to do")
    replay("bad-args", head + "arg --classes\narg 99\nsize 9 9\n", 1, "the command line it records is refused")
    replay("lesson-none", size + "0 0 lesson next\n", 0, "'next' needs a lesson open")

    def lesson(name, data, expect, *texts, play=False, out=()):
        path = write(folder, name + ".lesson", data)
        cases.append(Case("--check", ["--check"] + (["--play"] if play else []) + [path], expect, stderr_has=texts,
                          stdout_has=out))
        return path

    page = "# T\n## P\nSome text.\n@play 3\n"
    # Byte order mark and line ends: the same lesson.
    lesson("bom", b"\xef\xbb\xbf" + page.encode(), 0, out=(': ok, "T", 1 page',))
    lesson("cr", page.replace("\n", "\r"), 0, out=(': ok, "T", 1 page',))
    lesson("crlf", page.replace("\n", "\r\n"), 0, play=True, out=(': ok, "T", 1 page played',))
    # Not UTF-8, although each byte has the right shape: refused with line and column.
    for name, data, what in [("surrogate", b"\xed\xa0\x80", "a UTF-16 surrogate (U+D800 to U+DFFF) at byte 4"),
                             ("beyond", b"\xf4\x90\x80\x80", "a code point above U+10FFFF at byte 4"),
                             ("overlong3", b"\xe0\x80\xaf", "an overlong form at byte 4"),
                             ("overlong2", b"\xc1\xbf", "an overlong form at byte 4")]:
        lesson("utf8-" + name, b"# T\n## P\nab " + data + b"\n", 1, ":3:4: error: not UTF-8 text: " + what)
    # The real limits, not "needs a name" or "needs a whole number".
    lesson("names-33", "# T\n## P\n@names %s\n" % ",".join("%023d" % i for i in range(33)), 1,
           ":3:2: error: directive too long: a directive takes at most 255 bytes (this has 798)")
    lesson("rewind-1e9", "# T\n## P\n@rewind 1000000000\n", 1,
           ":3:2: error: rewind needs a whole number from 0 to 100000000")
    # Work past the limits: refused by --check (without playing) and by --check --play,
    # and never computed for 18 minutes when the lesson is opened.
    heavy = "# H\n## P\nText.\n@scenario microstates\n@param flips=100000\n@play 1000000\n@play 3\n"
    limit = (":6:1: error: '@play 1000000' asks for 1.00016e11 operations (1000000 steps × 100016 per step); "
             "one page may ask for at most 2e8 (about 2 seconds)")
    path = lesson("heavy", heavy, 1, limit, out=("1 play over the limits",))
    lesson("heavy-play", heavy, 1, limit, play=True, out=("1 problem when played",))
    cases.append(Case("--lesson", ["--lesson", path, "--size", "640x480", "--screenshot",
                                   os.path.join(folder, "heavy.png")], 0, size=(640, 480)))
    cases.append(Case("--lesson", ["--lesson", path, "--steps", "10"], 0, stderr_has=(limit[5:],)))


def make_table(shots, version="0.0.0", scenarios=()):
    """The deterministic table of cases. `shots` is the folder for screenshots;
    `scenarios` the registry (registry(exe))."""
    cases = []
    n = [0]

    def shot():
        n[0] += 1
        return os.path.join(shots, "shot%03d.png" % n[0])

    def add(flag, value, expect=None):
        # Each value alone, then with steps and a trace (the numbers it leads to).
        cases.append(Case(flag, [flag, value], expect))
        cases.append(Case(flag, [flag, value, "--steps", "20", "--trace"], expect))

    # --size: the extremes and every way a number can be dressed up.
    for v, e in [("1x1", 2), ("640x480", 0), ("639x480", 2), ("640x360", 0), ("640x359", 2), ("639x360", 2), ("16384x16384", 2),
                 ("7681x4320", 2), ("7680x4321", 2), (" 800x 600", 2), ("800x600 ", 2), ("+800x600", 2),
                 ("800x-600", 2), ("0x0", 2), ("x", 2), ("640x", 2), ("x480", 2), ("", 2),
                 ("640X480", 0), ("640x480x1", 2), ("99999999999999999999x480", 2), ("1920x1080", 0)]:
        add("--size", v, e)
    for v in NONFINITE:
        add("--size", "%sx%s" % (v, v), 2)
    # Sizes drawn and written: the smallest, a common one, and one of the largest.
    for w, h in [(640, 480), (1280, 720), (7680, 4320)]:
        cases.append(Case("--size", ["--size", "%dx%d" % (w, h), "--screenshot", shot()], 0, size=(w, h)))
    cases.append(Case("--size", ["--size", "7680x4320", "--steps", "20", "--trace"], 0))

    # --steps, --classes, --seed: whole numbers, digits only.
    for v, e in [("0", 0), ("1", 0), ("1000", 0), ("100000001", 2), ("-1", 2), (" 5", 2), ("+5", 2),
                 ("5 ", 2), ("5.0", 2), ("1e3", 2), ("99999999999999999999", 2), ("", 2)]:
        add("--steps", v, e)
    for v, e in [("2", 0), ("12", 0), ("32", 0), ("33", 2), ("1", 2), ("0", 2), ("-3", 2), (" 4", 2),
                 ("+4", 2), ("4.0", 2), ("", 2)]:
        add("--classes", v, e)
    for v, e in [("0", 0), ("1", 0), ("18446744073709551615", 0), ("18446744073709551616", 2),
                 (" -1", 2), ("-1", 2), ("+1", 2), (" 1", 2), ("1.5", 2), ("", 2)]:
        add("--seed", v, e)
    for v in NONFINITE:
        add("--steps", v, 2)
        add("--classes", v, 2)
        add("--seed", v, 2)

    # --lr: denormals, the ends of the range, the spellings of NaN and infinity.
    for v, e in [("1e-320", 0), ("5e-324", 0), ("1e-400", 2), ("100", 0), ("100.00000000000001", 2),
                 ("50", 0), ("0", 2), ("-0", 2), ("-1", 2), (" 0.5", 2), ("0.5 ", 2), ("1e308", 2),
                 ("0x1p-2", 2), ("", 2), (".5", 0), ("5.", 0), ("1e", 2), (".", 2)]:
        add("--lr", v, e)
    for v in NONFINITE:
        add("--lr", v, 2)

    # --true: weights whose sum overflows, denormals, lists too long and empty fields.
    for v, e in [("1,1", 0), ("0,0", 2), ("1e308,1e308", 0), ("1.7976931348623157e308,1", 0),
                 ("5e-324,5e-324", 0), ("5e-324,1", 0), ("1e-400,1", 0), ("1,-1", 2), ("1,,1", 2),
                 (",1", 2), ("1,", 2), ("", 2), ("1", 2), ("0x10,1", 2), (" 1,2", 2),
                 (",".join(["1"] * 32), 0), (",".join(["1"] * 33), 2), (",".join(["1e-300"] * 32), 0),
                 ("onehot:1", 0), ("onehot:5", 0), ("onehot:6", 2), ("onehot:0", 2), ("onehot: 1", 2),
                 ("onehot:+1", 2), ("onehot:", 2), ("onehot:99999999999999999999", 2)]:
        add("--true", v, e)
    for v in NONFINITE:
        add("--true", "1,%s" % v, 2)
        add("--true", "onehot:%s" % v, 2)

    # --logits: the issue's values, the limits, one ulp apart, lists too long.
    for v, e in [("0,0,0,800,0", 0), ("1e300,1e300,1e300,1e300,1e300", 0), ("-1e300,1e300,0,0,0", 0),
                 ("-1e308,1e308,0,0,0", 2), ("1e308,-1e308", 2), ("1e301,0", 2), ("0,5e-324", 0),
                 ("1,1.0000000000000002", 0), ("10000,-10000,0,1e6,-1e6", 0), ("1e-400,1", 0),
                 ("1,,2", 2), ("", 2), ("1", 2), ("0x1p2000,1", 2), ("1, 2", 2),
                 (",".join(["1e300", "-1e300"] * 16), 0), (",".join(["0"] * 33), 2),
                 ("-0,0", 0), ("2.2250738585072014e-308,0", 0)]:
        add("--logits", v, e)
    for v in NONFINITE:
        add("--logits", "0,%s,1" % v, 2)

    # --names: long, many, empty.
    for v, e in [("a" * 23 + ",b", 0), ("a" * 24 + ",b", 2), ("é" * 11 + ",b", 0), ("é" * 12 + ",b", 2),
                 (",".join("c%d" % i for i in range(32)), 0), (",".join("c%d" % i for i in range(33)), 2),
                 ("a,,b", 2), ("", 2), (",", 2), ("a" * 5000, 2)]:
        add("--names", v, e)

    # --do: long items are refused whole, select reaches 32, limits on the count.
    for v, e in [("step" + " " * 70 + "junk", 2), ("select 7", 2), ("select 33", 2), ("step,,unit", 2),
                 ("", 2), (",".join(["unit"] * 64), 0), (",".join(["unit"] * 65), 2),
                 ("help,theme", 0), ("p-restore", 0), ("select-next,select-prev,onehot", 0),
                 ("quit", 0), ("fullscreen", 0), ("select 0", 2), ("select 1", 0),
                 ("lr-up," * 20 + "step", 0), ("lr-down," * 20 + "step", 0)]:
        add("--do", v, e)
    add_do32 = ["--classes", "32", "--do", "select 32,onehot,select-next,p-up", "--steps", "5", "--trace"]
    cases.append(Case("--do", add_do32, 0))

    # Issue 6: scenarios, parameters, optimizers, races, and the new commands.
    for v, e in [(sid, 0) for sid, _, _ in scenarios] + [("nope", 2), ("", 2), ("Logistic", 2), ("softmax ", 2),
                                                           ("Microstates", 2)]:
        add("--scenario", v, e)
    for v, e in [("classes=8", 0), ("classes=32", 0), ("classes=40", 2), ("classes=2.5", 2), ("beta=1", 2),
                 ("x", 2), ("=3", 2), ("classes=", 2), ("classes=nan", 2), ("classes=1e999", 2), ("", 2)]:
        add("--param", v, e)
    for v, e in [("points=4", 0), ("points=64", 0), ("points=65", 2), ("points=3", 2), ("w0=20", 0), ("w0=21", 2),
                 ("b0=-20", 0), ("classes=8", 2)]:
        cases.append(Case("--param", ["--scenario", "logistic", "--param", v, "--steps", "20", "--trace"], e))
    for v, e in [("gd", 0), ("momentum", 0), ("nesterov", 0), ("adam", 0), ("sgd", 2), ("", 2), ("Adam", 2)]:
        add("--optimizer", v, e)
    for v, e in [("gd,adam", 0), ("gd,momentum,nesterov,adam", 0), ("gd", 2), ("gd,gd", 2),
                 ("gd,momentum,nesterov,adam,gd", 2), ("a,b", 2), ("gd,", 2), (",gd", 2), ("", 2)]:
        add("--race", v, e)
    for flag in ["--mu", "--beta1", "--beta2", "--eps"]:
        for v, e in [("0.5", 0), ("0", 2), ("1", 2), ("-0.5", 2), ("0.999999", 0), ("", 2), ("5e-324", 0)]:
            add(flag, v, e)
        for v in NONFINITE:
            add(flag, v, 2)
    for v, e in [("optimizer adam", 0), ("race gd,adam", 0), ("set-p 0.5,0.2,0.1,0.1,0.1", 0), ("frame", 0),
                 ("scenario logistic", 0), ("scenario logistic;flip;add-point;remove-point;add-point 3,1", 0),
                 ("param classes=3", 0), ("set-lr 1e-320", 0), ("set-lr 0", 0), ("set-lr nan", 2),
                 ("set-p 1,1", 0), ("race gd", 0), ("mu-up,mu-up,mu-up,beta1-down", 0), ("run 5", 0),
                 ("scenario-next,scenario-next,scenario-prev", 0), ("set-logits 1e300,-1e300,0,0,0", 0),
                 ("set-logits 1e301,0,0,0,0", 0)]:
        add("--do", v, e)
    # Every registered scenario: defaults, parameter ranges, the largest settings.
    registry_cases(cases, scenarios, shot)

    # Issue 7: microstates and diffusion at the ends of their ranges, drawn. A command the
    # session refuses (measure 17 of 16 cells, lr-up without a gradient) is said on stderr
    # and the run goes on (exit 0), as for every --do command; a malformed one exits 2.
    for v, e in [("n=2", 0), ("n=1000000", 0), ("n=1000001", 2), ("n=1", 2), ("n=2.5", 2), ("flips=100000", 0),
                 ("flips=100001", 2), ("flips=0", 2), ("random_start=1", 0), ("random_start=2", 2), ("k=3", 2)]:
        cases.append(Case("--param", ["--scenario", "microstates", "--param", v, "--steps", "20", "--trace",
                                      "--screenshot", shot()], e))
    cases.append(Case("--param", ["--scenario", "microstates", "--param", "n=1000000", "--param", "flips=100000",
                                  "--steps", "30", "--trace", "--size", "640x480", "--screenshot", shot()], 0,
                      size=(640, 480)))
    for v, e in [("k=3", 0), ("k=32", 0), ("k=33", 2), ("k=2", 2), ("rate=0.45", 0), ("rate=0.5", 2), ("rate=0.001", 0),
                 ("rate=0.51", 2), ("rate=0", 2), ("detector=0.05", 0), ("detector=16", 0), ("detector=0", 2),
                 ("start=2", 0), ("start=3", 2), ("learn=1", 0), ("n=10", 2)]:
        cases.append(Case("--param", ["--scenario", "diffusion", "--param", v, "--steps", "40", "--trace",
                                      "--screenshot", shot()], e))
    for v, e in [("measure 1", 0), ("measure 16", 0), ("measure 17", 0), ("measure 0", 2), ("measure-selected", 0),
                 ("learn;run 50;measure 3;width-up;width-down", 0), ("preset uniform;run 5;measure 2", 0),
                 ("preset nope", 0), ("optimizer adam;learn;race-toggle;run 20;measure 9", 0),
                 ("width-down;" * 20 + "measure 1", 0)]:
        cases.append(Case("--do", ["--scenario", "diffusion", "--do", v, "--steps", "10", "--trace",
                                   "--screenshot", shot()], e))
    for v, e in [("size-up;size-up;flips-up;run 30", 0), ("lr-up", 0), ("race-toggle", 0), ("preset random", 0),
                 ("measure 1", 0), ("size-down;" * 5, 2)]:
        cases.append(Case("--do", ["--scenario", "microstates", "--do", v, "--steps", "10", "--trace",
                                   "--screenshot", shot()], e))

    # Issue 8: the pointer, rewind, undo, the simplex, zoom and screenshots.
    for v, e in [("0,0", 0), ("640,360", 0), ("1279,719", 0), ("7680,4320", 0), ("7681,0", 2), ("-1,5", 2),
                 ("5", 2), ("a,b", 2), ("", 2), ("1e3,5", 2), (" 5,5", 2)]:
        cases.append(Case("--pointer", ["--pointer", v, "--steps", "10", "--screenshot", shot()], e))
    for v, e in [("0.6", 0), ("1.3", 0), ("2", 0), ("1", 0), ("0.59", 2), ("2.01", 2), ("nan", 2), ("inf", 2), ("", 2)]:
        add("--zoom", v, e)
    # Issue 21: the pixel ratio a headless frame is drawn for (the strip's 44-point floor).
    for v, e in [("1", 0), ("2", 0), ("2.625", 0), ("8", 0), ("0.99", 2), ("0", 2), ("8.01", 2), ("nan", 2),
                 ("-2", 2), ("", 2)]:
        add("--pixel-ratio", v, e)
    for v, e in [("/nonexistent", 2), ("", 2), ("/tmp", 0)]:
        add("--shots", v, e)
    for v, e in [("run 50;rewind 20;back;step", 0), ("rewind 0", 0), ("rewind 5", 0), ("rewind -1", 2),
                 ("rewind 1e3", 2), ("undo", 0), ("redo", 0), ("onehot;undo;redo;undo;undo", 0),
                 ("move-to 1,2", 0), ("move-to 1", 0), ("move-to 1e300,0", 0), ("start-at -3,3;run 5", 0),
                 ("move-to nan,0", 2), ("simplex", 0), ("param classes=3;simplex;frame;frame;frame", 0),
                 ("back;back;back", 0), ("run 2000;rewind 1000;set-p 1,1,1,1,1;rewind 1500", 0),
                 ("zoom 0.5,1,1", 0), ("zoom 0.01,0,0;zoom 0.01,0,0;zoom 0.01,0,0;zoom 0.01,0,0", 0),
                 ("zoom 100,0,0;zoom 100,0,0;zoom 100,0,0", 0), ("zoom 0,0,0", 0), ("zoom 1", 0),
                 ("pan 1e300,0", 0), ("pan 3,-2;fit;frame;fit", 0), ("zoom 0.5,1e300,0", 0),
                 ("scenario microstates;zoom 0.5,0,0", 0)]:
        cases.append(Case("--do", ["--do", v, "--steps", "10", "--trace", "--screenshot", shot()], e))
    cases.append(Case("--do", ["--classes", "3", "--do", "simplex", "--pointer", "900,300", "--steps", "20",
                               "--screenshot", shot()], 0))

    # Issue 9: --check's usage errors (its verdicts, exit 0 or 1, are meson tests of their own).
    cases.append(Case("--check", ["--check"], 2))
    cases.append(Case("--play", ["--play"], 2))
    # The lesson player: --page and --presenter need --lesson; pages 1..N of the lesson;
    # a lesson that is not there lists those that are. Drawn with the --do and --steps
    # of a learner who takes over, at every size.
    cases.append(Case("--page", ["--page", "2"], 2))
    cases.append(Case("--presenter", ["--presenter"], 2))
    for v, e in [("0", 2), ("1", 0), ("4", 0), ("5", 2), ("49", 2), ("-1", 2), ("nan", 2), ("1e0", 2), ("", 2),
                 (" 2", 2), ("99999999999999999999", 2)]:
        cases.append(Case("--page", ["--lesson", "1", "--page", v, "--screenshot", shot()], e))
    for v, e in [("nope", 2), ("", 2), ("0", 2), ("99", 2), ("../../etc/passwd.lesson", 1), ("11", 0), ("12", 0),
                 ("bayesian-second-law", 0), ("06-gradient-descent", 0)]:
        cases.append(Case("--lesson", ["--lesson", v, "--screenshot", shot()], e))
    for w, h in [(640, 480), (1280, 720), (1920, 1080), (7680, 4320)]:
        cases.append(Case("--lesson", ["--lesson", "9", "--page", "5", "--size", "%dx%d" % (w, h), "--screenshot",
                                       shot()], 0, size=(w, h)))
        cases.append(Case("--presenter", ["--lesson", "3", "--presenter", "--size", "%dx%d" % (w, h),
                                          "--screenshot", shot()], 0, size=(w, h)))
    # Recording: the flags that only go with it, and their ranges (the exports themselves
    # are tests/test_export.sh).
    for flag, args in [("--record", ["--record", "x.mp4"]), ("--fps", ["--fps", "30"]), ("--force", ["--force"]),
                       ("--record", ["--record", "x.mp4", "--lesson", "1", "--page", "2"]),
                       ("--record", ["--record", "", "--lesson", "1"])]:
        cases.append(Case(flag, args, 2))
    cases.append(Case("--replay", ["--replay", "/nonexistent/x.txt"], 1))
    cases.append(Case("--replay", ["--replay", "/dev/null"], 1))
    cases.append(Case("--replay", ["--replay", ""], 2))
    cases.append(Case("--record-input", ["--record-input", "x.txt"], 2))  # headless: not a window session
    cases.append(Case("--record-input", ["--record-input", ""], 2))
    for v in ["0", "121", "-1", "nan", "inf", "1e1", "", "30.5"]:
        cases.append(Case("--fps", ["--record", "x.mp4", "--lesson", "1", "--fps", v], 2))
    for v in ["nan", "inf", "-inf", "1e3", "10800.001", "-10801", "", "1.2.3", "+", ".", "0x10", " 1", "1 ",
              "9" * 40]:
        cases.append(Case("--narration-offset", ["--record", "x.mp4", "--lesson", "1", "--narration", "v.wav",
                                                 "--narration-offset", v], 2,
                          stderr_has=("expected seconds from -10800 to 10800, e.g. 2.5 or -0.25",)))
    for v in ["", "all", "NONE", "title,end", "both ", "3", "-1", "x" * 5000]:
        cases.append(Case("--cards", ["--record", "x.mp4", "--lesson", "1", "--cards", v], 2))
    for args in [["--cards", "none"], ["--lesson", "1", "--cards", "both"], ["--headless", "-o", "x.png", "--cards", "title"],
                 ["--replay", "x.txt", "--record", "x.mp4", "--cards", "end"]]:
        cases.append(Case("--cards", args, 2))
    for args in [["--voice"], ["--lesson", "1", "--voice"], ["--headless", "-o", "x.png", "--voice"],
                 ["--replay", "x.txt", "--record", "x.mp4", "--voice"],
                 ["--record", "x.mp4", "--lesson", "1", "--voice", "--narration", "v.wav"]]:
        cases.append(Case("--voice", args, 2))
    cases.append(Case("--lesson", ["--lesson", "2", "--page", "3", "--do", "onehot,unit,p-up", "--steps", "300",
                                   "--trace", "--screenshot", shot()], 0))

    # --screenshot and --theme.
    for v, e in [("x.jpg", 2), (".png", 2), ("", 2)]:
        add("--screenshot", v, e)
    for v, e in [("dark", 0), ("projector", 0), ("light", 0), ("pink", 2), ("", 2)]:
        add("--theme", v, e)

    # The commands quoted in issue 5, drawn.
    issue = [
        ("--logits", ["--logits", "0,0,0,800,0", "--trace", "--steps", "3"], 0),
        ("--logits", ["--logits", "1e300,1e300,1e300,1e300,1e300", "--trace", "--steps", "1"], 0),
        ("--logits", ["--logits", "-1e308,1e308,0,0,0", "--screenshot", shot()], 2),
        ("--logits", ["--logits", "-1e300,1e300,0,0,0", "--screenshot", shot()], 0),
        ("--true", ["--true", "0,0,1,0", "--logits", "0,0,0,38.8559", "--screenshot", shot()], 0),
        ("--lr", ["--lr", "50", "--steps", "20", "--trace", "--screenshot", shot()], 0),
        ("--lr", ["--lr", "100", "--steps", "20", "--trace", "--screenshot", shot()], 0),
        ("--classes", ["--classes", "12", "--steps", "5", "--trace", "--screenshot", shot()], 0),
        ("--classes", ["--classes", "32", "--steps", "5", "--trace", "--screenshot", shot()], 0),
        ("--logits", ["--steps", "5", "--logits", "10000,-10000,0,1e6,-1e6", "--trace", "--screenshot", shot()], 0),
        ("--logits", ["--logits", "1,1.0000000000000002", "--trace", "--steps", "20", "--screenshot", shot()], 0),
        ("--logits", ["--logits", "0,5e-324", "--trace", "--steps", "20", "--screenshot", shot()], 0),
        ("--true", ["--true", "1e308,1e308", "--trace", "--steps", "20", "--screenshot", shot()], 0),
        ("--lr", ["--lr", "1e-320", "--trace", "--steps", "20", "--screenshot", shot()], 0),
        ("--names", ["--names", "a" * 23 + "," + "b" * 23, "--screenshot", shot()], 0),
        ("--do", ["--do", "help", "--size", "640x480", "--screenshot", shot()], 0),
    ]
    for flag, args, e in issue:
        size = (640, 480) if "640x480" in args else (1280, 720)
        cases.append(Case(flag, args, e, size=size))
    # Screenshots at the smallest size for every value of --logits and --true that
    # draws, with a run behind it.
    for v in ["0,0,0,800,0", "-1e300,1e300,0,0,0", "1e300,-1e300", "10000,-10000,0,1e6,-1e6",
              "1e-400,1", "-0,0", ",".join(["1e300", "-1e300"] * 16)]:
        cases.append(Case("--logits", ["--logits", v, "--steps", "20", "--size", "640x480", "--screenshot", shot()],
                          0, size=(640, 480)))
    for v in ["1e308,1e308", "5e-324,1", "onehot:1", ",".join(["1e-300"] * 32)]:
        cases.append(Case("--true", ["--true", v, "--lr", "100", "--steps", "20", "--size", "640x480",
                                     "--screenshot", shot()], 0, size=(640, 480)))

    # Exact checks on the numbers the issue quotes.
    def equal_huge(lines, _err):
        steps = [o for o in lines if "step" in o and "command" not in o]
        if not steps:
            return "no step line"
        s = steps[-1]
        r = s["readouts"]
        # Q is uniform whatever P is: the loss is ln 5 and the KL ln 5 - H(P), exactly.
        if abs(r["loss"] - math.log(5)) > 1e-12 or abs(r["kl"] - (math.log(5) - r["entropy"])) > 1e-12:
            return "loss %r kl %r, expected ln 5 and ln 5 - H(P)" % (r["loss"], r["kl"])
        return None
    cases.append(Case("--logits", ["--logits", "1e300,1e300,1e300,1e300,1e300", "--trace", "--steps", "1"], 0,
                      check=equal_huge))

    def surprise_800(lines, _err):
        steps = [o for o in lines if "step" in o and "command" not in o]
        if not steps:
            return "no step line"
        s = steps[0]["surprise"][0]
        if s is None or abs(s - 800.0) > 1e-9 * 800.0:
            return "surprise of class 1 = %r, expected 800 nats" % (s,)
        return None
    cases.append(Case("--logits", ["--logits", "0,0,0,800,0", "--trace", "--steps", "1", "--lr", "1e-320"], 0,
                      check=surprise_800))

    # Every --do command applied before the steps leaves its {"command":...} line,
    # in order, before the first step line (README: every applied command does); then
    # --steps 2 goes through the same dispatcher: its two step lines, then its own
    # {"command": "run", "text": "run 2"} line, as a key's would.
    def do_traced(lines, _err):
        names = [o["command"] for o in lines if "command" in o]
        if names != ["select", "unit", "p-up", "help", "step", "run"]:
            return "command lines %r, expected select, unit, p-up, help, step, run" % (names,)
        run = lines[-1]
        if run.get("command") != "run" or run.get("text") != "run 2" or not run.get("ok"):
            return "the last line is %r, expected --steps 2's run 2 line, ok" % (run,)
        if [o.get("step") for o in lines[-3:-1]] != [run["step"] - 1, run["step"]] or any(
                "command" in o for o in lines[-3:-1]):
            return "--steps 2's two step lines do not come right before its run line: %r" % (lines[-3:],)
        lines = lines[:-3]
        first_step = next((i for i, o in enumerate(lines) if "command" not in o), None)
        last_cmd = max(i for i, o in enumerate(lines) if "command" in o)
        if first_step is not None and first_step < last_cmd - 1:
            return "a step line came before the --do commands were traced"
        sel = next(o for o in lines if o.get("command") == "select")
        if sel["selected"] != 2:
            return "select 3 traced selected=%r" % sel["selected"]
        return None
    cases.append(Case("--do", ["--do", "select 3,unit,p-up,help,step", "--trace", "--steps", "2"], 0,
                      check=do_traced))
    hostile_files(cases, shots, version)
    more_flag_errors(cases, shots)
    return cases


def more_flag_errors(cases, folder):
    """The error paths of ui_cli.c the value table above does not reach."""
    bad = [
        ("--names", ["--names", "a,b", "--classes", "3"], "expected 3 names, one per class (set by --classes)"),
        ("--true", ["--true", "1,2", "--classes", "3"], "expected 3 weights, one per class (set by --classes)"),
        ("--true", ["--true", "onehot:4", "--classes", "3"], "onehot:K needs K from 1 to 3"),
        ("--logits", ["--logits", "1,2", "--classes", "3"], "expected 3 logits, one per class (set by --classes)"),
        ("--names", ["--names", "solo"], "the number of classes must be 2 to 32"),
        ("--param", ["--param", "classes=3"] * 17, "at most 16 parameters"),
        ("--classes", ["--scenario", "logistic", "--classes", "3"], "the logistic scenario has no classes to set"),
        ("--race", ["--race", "gd,adam", "--optimizer", "gd"], "give --optimizer or --race, not both"),
        ("--race", ["--race", "gd,gd"], "each optimizer at most once"),
        ("--scenario", ["--scenario", "nope", "--help"], "expected one of: softmax"),
        ("--record-input", ["--record-input", "x.txt"], "records a live session in the window"),
        # Part 12: a class votes live in the window (tests/class/ runs one for real).
        ("--class", ["--class"], "a class votes live in the window: not with --headless, --record or --replay"),
        ("--class-log", ["--class-log", ""], "expected a file for the votes, e.g. --class-log votes.csv"),
        ("--class-port", ["--class-port", "80"], "expected a port from 1024 to 65535, e.g. --class-port 8321"),
        ("--class-bind", ["--class-bind", ""],
         "expected an IPv4 address of this computer or a network interface's name, e.g. --class-bind wlan0"),
        ("--replay", ["--replay", "x.txt", "--do", "step"], "replays the recorded scene"),
        # Issue 25: the teacher's voice and a sound track over a video.
        ("--mic", ["--mic"], "records the microphone beside an input recording: only with --record-input FILE"),
        ("--mic", ["--record-input", "x.txt", "--mic"],
         "records a live session's voice in the window: not with --headless, --replay or --record"),
        ("--narration", ["--narration", "v.wav"], "lays a sound track over a video: only with --record OUT"),
        ("--narration", ["--record", "x.mp4", "--lesson", "1", "--narration", ""], "expected a sound file (WAV, FLAC"),
        ("--narration-offset", ["--narration-offset", "1"], "only with --narration FILE"),
        ("--voice", ["--voice"], "speaks a lesson's video: only with --record OUT --lesson N"),
        ("--voice", ["--record", "x.mp4", "--replay", "x.txt", "--voice"],
         "speaks a lesson's video: only with --record OUT --lesson N"),
        ("--voice", ["--record", "x.mp4", "--lesson", "1", "--voice", "--narration", "v.wav"],
         "a video has one voice: give --voice or --narration FILE, not both"),
        ("--fps", ["--fps", "30"], "only with --record"),
        ("--voice", ["--voice"], "speaks a lesson's video: only with --record OUT --lesson N"),
        ("--voice", ["--replay", "x.txt", "--record", "x.mp4", "--voice"],
         "speaks a lesson's video: only with --record OUT --lesson N"),
        ("--voice", ["--record", "x.mp4", "--lesson", "1", "--voice", "--narration", "v.wav"],
         "a video has one voice: give --voice or --narration FILE, not both"),
        ("--cards", ["--record", "x.mp4", "--lesson", "1", "--cards", "all"], "expected none, title, end or both"),
        ("--cards", ["--lesson", "1", "--cards", "none"],
         "only when recording a lesson, e.g. --record out.mp4 --lesson 1 --cards none"),
        ("--force", ["--force"], "only with --record"),
        ("--record", ["--record", "x.mp4", "--lesson", "1", "--presenter"], "records the whole lesson"),
        ("--presenter", ["--presenter"], "only with --lesson"),
        ("--play", ["--play"], "only with --check"),
        ("--check", ["--check"], "one or more lesson files"),
        ("--steps", ["--steps"], "needs a value"),
        ("--bogus", ["--bogus"], "unknown option '--bogus'"),
        # Issue 26: the interface's language.
        ("--lang", ["--lang", "fr"], "expected one of the interface's languages: en, de, es"),
        ("--lang", ["--lang", ""], "expected one of the interface's languages: en, de, es"),
        ("--lang", ["--lang", "de_DE.UTF-8"], "expected one of the interface's languages: en, de, es"),
        ("--lang", ["--lang", "x" * 5000], "expected one of the interface's languages: en, de, es"),
        ("stray", ["stray"], "unexpected argument 'stray'"),
        ("--do", ["--do", "select 7"], "select K needs K from 1 to 5, the number of classes"),
        ("--do", ["--do", ",".join(["unit"] * 65)], "at most 64 commands"),
        ("--do", ["--do", "x" * 300], "each command must be at most 255 characters"),
        ("--do", ["--do", "rewind 1000000000"], "rewind needs a whole number from 0 to 100000000, as in 'rewind N'"),
        ("--do", ["--do", "measure 0"], "measure needs a whole number from 1 to 1024, as in 'measure K'"),
        ("--do", ["--do", "names " + ",".join("%023d" % i for i in range(33))],
         "each command must be at most 255 characters"),
        ("--lr", ["--lr", "1e-400"], "too small: it rounds to 0"),
        ("--true", ["--true", "1,-1"], "weights must be non-negative"),
        ("--true", ["--true", "0,0"], "weights must not all be zero"),
        # Issue 21: state texts (tests/test_state.c has the parser's own table).
        ("--state", ["--state", ""], "expected a state text (F4 copies one)"),
        ("--state", ["--state", "xl1~s:softmax~h:0000000000000000", "--lesson", "1"], "give it without --replay"),
        ("--state", ["--state", "xl1~s:softmax~h:0000000000000000", "--seed", "3"], "give it without --scenario"),
        ("--state", ["--state", "hello"], "not a xentlab state text"),
        ("--state", ["--state", "xl2~s:softmax~h:0000000000000000"], "this state text is version 2"),
        ("--state", ["--state", "xl1~l:~pg:1"], "a lesson's name is 1 to 255 bytes"),
        ("--state", ["--state", "xl1~s:nope~h:0000000000000000"], "this xentlab has no scenario 'nope'"),
        ("--state", ["--state", "xl1~s:softmax~n:5~h:0000000000000000"], "does not arrive at the state"),
        ("--state", ["--state", "xl1~s:softmax~n:999999999999~h:0000000000000000"], "the bound is 2e+08"),
        ("--state", ["--state", "xl1~s:softmax~c:rm_-rf~h:0000000000000000"], "unknown command 'rm'"),
    ]
    for flag, args, text in bad:
        cases.append(Case(flag, args, 2, stderr_has=(text,)))
    # What was given is quoted back cut to 120 bytes, whole characters, and "…".
    cases.append(Case("--lang", ["--lang", "x" * 5000], 2, stderr_has=("got '" + "x" * 120 + "\u2026'",),
                      check=lambda lines, err: "quoted whole" if "x" * 121 in err else None))
    cases.append(Case("--lang", ["--lang", "x" + "\u00e9" * 100], 2, stderr_has=("got 'x" + "\u00e9" * 59 + "\u2026'",)))


# Messages of ui_cli.c no input can bring out, each with the reason.
UNREACHABLE = {
    "weights must be non-negative and not all zero":
        "resolve() re-checks with xl_normalize what parsing --true already refused with its own message",
}


def cli_messages(path):
    """Every fixed text ui_cli.c can print on an error: the literals of its fail() calls
    and error lines, and the longest fixed part of each message it formats."""
    import re
    src = open(path, encoding="utf-8").read()
    # A literal, or one marked for translation: _("...") (src/app/ui_lang.h).
    lit = r'(?:_\(\s*)?((?:"(?:[^"\\\n]|\\.)*"\s*)+)'

    def join(group):
        parts = re.findall(r'"((?:[^"\\\n]|\\.)*)"', group)
        return "".join(parts).replace('\\n', "\n").replace("\\'", "'").replace('\\"', '"')

    texts = []
    for pat in (r'fail\(\s*err(?:_stream)?,\s*[^,]+,\s*' + lit,
                r'snprintf\(what,\s*sizeof what,\s*' + lit,
                r'fprintf\(err_stream,\s*' + lit,
                r'hyper_flag\("--\w+",\s*arg,[^,]+,[^,]+,\s*' + lit):
        for m in re.finditer(pat, src):
            text = join(m.group(1))
            # The longest piece without a conversion: what every printing holds.
            pieces = re.split(r"%[-+ #0-9.]*[a-z]+", text)
            piece = max(pieces, key=len).strip()
            if len(piece) >= 8:
                texts.append(piece.split("\n")[0])
    return sorted(set(texts))


def walk_numbers(obj, path=""):
    """Yield (path, value) for every number or null in a parsed JSON value; the path
    names the keys down to it ("readouts.loss", "surprise", "race.loss")."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk_numbers(v, path + "." + k if path else k)
    elif isinstance(obj, list):
        for v in obj:
            yield from walk_numbers(v, path)
    elif obj is None or (isinstance(obj, (int, float)) and not isinstance(obj, bool)):
        yield path, obj


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def run_case(exe, case, workdir):
    argv = [exe, "--headless"] + case.args
    label = " ".join(repr(a) if (" " in a or not a) else a for a in case.args)
    if len(label) > 160:
        label = label[:157] + "..."
    try:
        p = subprocess.run(argv, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=case.timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return label, ["did not finish within %d s (a hang)" % case.timeout], ""
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    problems = []
    # An error case fails the same way three times: the same status, the same bytes.
    # (The first run looked for leaks; the others need not, which halves their time
    # under ASan. A sanitizer report would still change their stderr.)
    if p.returncode != 0:
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = ":".join(o for o in (env.get("ASAN_OPTIONS"), "detect_leaks=0") if o)
        for again in (2, 3):
            try:
                q = subprocess.run(argv, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=case.timeout, stdin=subprocess.DEVNULL, env=env)
            except subprocess.TimeoutExpired:
                problems.append("run %d did not finish within %d s" % (again, case.timeout))
                break
            if q.returncode != p.returncode or q.stderr != p.stderr:
                problems.append("run %d differs: status %d, stderr %r; run 1: status %d, stderr %r" %
                                (again, q.returncode, q.stderr[:300], p.returncode, p.stderr[:300]))
                break
    for text in case.stderr_has:
        if text not in err:
            problems.append("stderr lacks %r" % text)
    for text in case.stdout_has:
        if text not in out:
            problems.append("stdout lacks %r" % text)
    if p.returncode not in (0, 2) and p.returncode != case.expect:
        problems.append("exit status %d (expected 0 or 2)" % p.returncode)
    elif case.expect is not None and p.returncode != case.expect:
        problems.append("exit status %d, expected %d" % (p.returncode, case.expect))
    if p.returncode == 2 and case.flag not in err:
        problems.append("status 2 but stderr does not name %s" % case.flag)
    for text in SANITIZER_TEXT:
        if text in err:
            problems.append("sanitizer report (%s)" % text)
            break
    lines = []
    # --check prints verdicts, not JSON: they are checked by stdout_has.
    for i, line in enumerate([] if "--check" in case.args else out.splitlines()):
        try:
            obj = json.loads(line, parse_constant=lambda c: float(c))  # NaN/Infinity -> caught below
        except ValueError:
            problems.append("stdout line %d is not JSON: %.80s" % (i + 1, line))
            continue
        lines.append(obj)
        # A line of the trace's schema too: no key twice, "trace": 2, its kind's fields.
        try:
            wrong = trace_schema.problems(trace_schema.parse(line))
        except ValueError as e:
            wrong = [str(e)]
        problems.extend("stdout line %d: %s" % (i + 1, w) for w in wrong)
        for key, v in walk_numbers(obj):
            if v is None and key not in NULLABLE:
                problems.append("stdout line %d: %s is null" % (i + 1, key))
            elif v is not None and not math.isfinite(v):
                problems.append("stdout line %d: %s is %r" % (i + 1, key, v))
    if "--trace" in case.args and p.returncode == 0 and "--steps" in case.args and "--do" not in case.args:
        last = len(case.args) - 1 - case.args[::-1].index("--steps")
        steps = int(case.args[last + 1])
        step_lines = [o for o in lines if "command" not in o]
        got = len(step_lines)
        # The last step line says whether the run stopped (--steps' own "run N" command
        # line comes after it).
        stopped = case.may_diverge and step_lines and "diverged_at" in step_lines[-1]
        if got != steps and not stopped:
            problems.append("%d step lines in the trace, expected %d" % (got, steps))
    if p.returncode == 0 and "--screenshot" in case.args:
        path = case.args[case.args.index("--screenshot") + 1]
        path = os.path.join(workdir, path)
        if not os.path.exists(path):
            problems.append("no PNG written at %s" % path)
        else:
            size = png_size(path)
            if size != case.size:
                problems.append("PNG %s has size %r, expected %r" % (path, size, case.size))
            os.remove(path)  # keep the temp folder small (7680x4320 frames)
    if case.check is not None and not problems:
        try:
            msg = case.check(lines, err)
        except (KeyError, IndexError, TypeError, StopIteration) as e:
            msg = "the trace lacks what the check reads: %r" % (e,)
        if msg:
            problems.append(msg)
    if problems and err:
        problems.append("stderr: " + err.strip().replace("\n", " | ")[:400])
    return label, problems, err


def main():
    if len(sys.argv) not in (2, 3):
        print("usage: test_hostile.py path/to/xentlab [path/to/src/app/ui_cli.c]", file=sys.stderr)
        return 1
    exe = os.path.abspath(sys.argv[1])
    env_jobs = int(os.environ.get("XL_HOSTILE_JOBS", "3"))
    version = subprocess.run([exe, "--version"], stdout=subprocess.PIPE).stdout.decode().split("\n")[0].split()[-1]
    with tempfile.TemporaryDirectory(prefix="xl-hostile-") as work:
        table = make_table(work, version, registry(exe))
        failures = 0
        said = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=env_jobs) as pool:
            results = pool.map(lambda c: (c, run_case(exe, c, work)), table)
            for case, (label, problems, err) in results:
                said.append(err)
                if problems:
                    failures += 1
                    print("FAIL: xentlab --headless %s" % label)
                    for p in problems:
                        print("    " + p)
        print("%d cases, %d failed" % (len(table), failures))
        if len(sys.argv) == 3:
            everything = "\n".join(said)
            missing = [t for t in cli_messages(sys.argv[2]) if t not in everything and t not in UNREACHABLE]
            for t in missing:
                print("FAIL: no case makes ui_cli.c say %r" % t)
            print("%d messages of ui_cli.c, %d never said" % (len(cli_messages(sys.argv[2])), len(missing)))
            failures += len(missing)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

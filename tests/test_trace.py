#!/usr/bin/env python3
"""The --trace schema (version 2, docs/trace.md) over every registered scenario.

    tests/test_trace.py path/to/xentlab path/to/docs/trace.md

The scenarios come from `xentlab --list-scenarios` and each one's readouts from
`xentlab --help --scenario NAME`, so a scenario is covered the moment it is registered.
Each runs headless with --trace: a few steps after --do commands (one of them refused
everywhere: redo with nothing undone), a race where it learns, and the largest
learning rate (which makes the Gaussians diverge). Every line must parse with no key twice in any object and no NaN or
Infinity, start with "trace": 2, hold exactly the fields the schema names for its kind
(tests/trace_schema.py), and carry every readout of its scenario, in the record's
order, under "readouts" as a finite number or null. docs/trace.md must name every
field of the schema, list each registered scenario's readouts as the program has
them, and give examples that are lines of the schema. Exit status 0 pass, 1 fail.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_schema  # noqa: E402

EXE, DOC = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg, flush=True)


def run(args):
    p = subprocess.run([EXE] + args, capture_output=True, text=True, timeout=120, env=ENV,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def scenarios():
    status, out, err = run(["--list-scenarios"])
    assert status == 0, "--list-scenarios exited %d: %s" % (status, err)
    names = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert names, "--list-scenarios listed none"
    return names


def readouts_of(scenario):
    status, out, err = run(["--help", "--scenario", scenario])
    assert status == 0, "--help --scenario %s exited %d: %s" % (scenario, status, err)
    line = next((x for x in out.splitlines() if x.strip().startswith("Readouts")), None)
    assert line, "--help --scenario %s lists no readouts" % scenario
    return line.split(":", 1)[1].split()


def largest_lr():
    """The largest learning rate --lr takes, from --help ("0 < X <= 100")."""
    status, out, err = run(["--help"])
    m = re.search(r"--lr X .*?<= *([0-9.eE+-]+)", out, re.S)
    assert status == 0 and m, "--help does not give --lr's largest value"
    return m.group(1)


def check_run(scenario, readouts, args, steps, seen):
    """Run with --trace; check every line; return the parsed lines."""
    label = "%s %s" % (scenario, " ".join(args))
    status, out, err = run(["--headless", "--scenario", scenario, "--trace"] + args)
    if status != 0:
        fail("%s: exit status %d: %s" % (label, status, err.strip()))
        return []
    lines = []
    for i, text in enumerate(out.splitlines()):
        try:
            obj = trace_schema.parse(text)
        except ValueError as e:
            fail("%s: line %d: %s: %.120s" % (label, i + 1, e, text))
            continue
        for p in trace_schema.problems(obj, readouts if "readouts" in obj else None):
            fail("%s: line %d: %s" % (label, i + 1, p))
        if obj.get("scenario") != scenario:
            fail("%s: line %d names scenario %r" % (label, i + 1, obj.get("scenario")))
        k = trace_schema.kind(obj)
        seen.add(k)
        seen.update("%s.%s" % (k, f) for f in obj)
        for r, v in obj.get("readouts", {}).items():
            seen.add("readout " + ("null" if v is None else "number"))
        lines.append(obj)
    got = [o["step"] for o in lines if trace_schema.kind(o) == "step"]
    if steps is not None and len(got) != steps:
        fail("%s: %d step lines, expected %d" % (label, len(got), steps))
    if got != sorted(got):
        fail("%s: step lines out of order: %s" % (label, got))
    return lines


def check_doc(names, readouts):
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    m = re.search(r'"trace"\s*:\s*(\d+)', doc)
    if not m or int(m.group(1)) != trace_schema.VERSION:
        fail("%s does not give the version %d as \"trace\": %d" % (DOC, trace_schema.VERSION, trace_schema.VERSION))
    fields = set(trace_schema.RACE_FIELDS)
    for k in trace_schema.FIELDS.values():
        fields.update(k)
    for field in sorted(fields):
        if "`%s`" % field not in doc:
            fail("%s does not name the field `%s`" % (DOC, field))
    for event in sorted(trace_schema.LESSON_EVENTS):
        if "`%s`" % event not in doc:
            fail("%s does not name the lesson event `%s`" % (DOC, event))
    # The examples are lines of the schema too.
    examples = [x for block in re.findall(r"```json\n(.*?)```", doc, re.S) for x in block.splitlines() if x]
    if not examples:
        fail("%s has no ```json examples" % DOC)
    for text in examples:
        try:
            obj = trace_schema.parse(text)
        except ValueError as e:
            fail("%s: an example is not a line of the schema: %s: %.80s" % (DOC, e, text))
            continue
        for p in trace_schema.problems(obj, readouts.get(obj.get("scenario")) if "readouts" in obj else None):
            fail("%s: an example: %s: %.80s" % (DOC, p, text))
    for name in names:
        row = re.search(r"^\| `%s` \| ([^|]*) \|" % re.escape(name), doc, re.M)
        if not row:
            fail("%s has no row `| `%s` | readouts | ... |` for a registered scenario" % (DOC, name))
            continue
        listed = re.findall(r"`([^`]+)`", row.group(1))
        if listed != readouts[name]:
            fail("%s lists %s's readouts as %s; the program has %s" % (DOC, name, listed, readouts[name]))


def main():
    names = scenarios()
    lr_max = largest_lr()
    readouts = {}
    seen = set()
    for name in names:
        before = len(failures)
        readouts[name] = readouts_of(name)
        r = readouts[name]
        # `redo` with nothing undone is refused everywhere: a line with "message".
        lines = check_run(name, r, ["--do", "select 2,theme,unit,redo,optimizer adam,step", "--steps", "3"],
                          4, seen)
        if not [o for o in lines if trace_schema.kind(o) == "command" and not o["ok"]]:
            fail("%s: no refused command in the trace, so \"message\" went unchecked" % name)
        learns = any("optimizer" in o for o in lines if trace_schema.kind(o) == "step")
        if learns:
            check_run(name, r, ["--race", "gd,adam", "--steps", "3"], 3, seen)
            check_run(name, r, ["--lr", lr_max, "--steps", "40"], None, seen)
        if len(failures) == before:
            print("ok   %s: readouts %s" % (name, " ".join(r)), flush=True)
    # What the runs must have shown between them, so no part of the schema went unread.
    for what in ["step", "command", "step.optimizer", "step.race", "step.diverged_at", "command.message",
                 "readout number"]:
        if what not in seen:
            fail("no run showed %s: that part of the schema went unchecked" % what)
    check_doc(names, readouts)
    print("%d scenarios; %s" % (len(names), "FAILED: %d problems" % len(failures) if failures else "all lines valid"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""test_state_cli: the state text through the program (issue 21).

For every scenario the program has (the plug-in build's coin too), a scene is set up
with --do, its text taken with `--do copy-state` under --trace, and opened again with
`--state TEXT`: the copy-state line of the reopened scene must carry the same text and
the same state hash, and the two headless frames must be the same PNG (the view comes
back too). A lesson's link opens the lesson at its page (the same frame as --lesson
--page). Usage: test_state_cli.py XENTLAB. Exit status 0 pass, 1 fail.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_schema  # noqa: E402


def run(exe, args):
    p = subprocess.run([exe] + args, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def copy_line(stdout):
    lines = [trace_schema.parse(l) for l in stdout.splitlines() if l.startswith("{")]
    for line in lines:
        problems = trace_schema.problems(line, None)
        if problems:
            raise AssertionError("trace line breaks the schema: %s" % problems)
    copies = [l for l in lines if l.get("command") == "copy-state"]
    return copies[-1] if copies else None


def main():
    exe = sys.argv[1]
    failures = []
    rc, out, _ = run(exe, ["--list-scenarios"])
    ids = [l.split()[0] for l in out.splitlines() if l.strip() and not l.startswith(" ")]
    if not ids:
        print("FAIL: --list-scenarios listed nothing")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for sid in ids:
            moves = ["scenario " + sid, "select-next", "run 25", "optimizer adam", "race gd,adam", "run 10", "back",
                     "zoom 0.5,0.2,0.1", "unit", "run 5"]
            a_png, b_png = os.path.join(tmp, sid + "-a.png"), os.path.join(tmp, sid + "-b.png")
            args = ["--headless", "--trace", "--size", "640x400", "-o", a_png]
            for m in moves:
                args += ["--do", m]
            rc, out, err = run(exe, args + ["--do", "copy-state"])
            first = copy_line(out)
            if rc != 0 or first is None or "state_text" not in first:
                failures.append("%s: no state text (exit %d): %s" % (sid, rc, err.strip()[:200]))
                continue
            text = first["state_text"]
            rc, out, err = run(exe, ["--headless", "--trace", "--size", "640x400", "-o", b_png, "--state", text,
                                     "--do", "copy-state"])
            again = copy_line(out)
            if rc != 0 or again is None:
                failures.append("%s: --state refused it (exit %d): %s" % (sid, rc, err.strip()[:300]))
                continue
            if again.get("state") != first["state"] or again.get("state_text") != text:
                failures.append("%s: reopened to another state: %s vs %s" % (sid, again.get("state"), first["state"]))
            for key in ("step", "selected", "unit", "lr", "slice", "optimizer", "playing", "p"):
                if again.get(key) != first.get(key):
                    failures.append("%s: %s differs: %r vs %r" % (sid, key, again.get(key), first.get(key)))
            with open(a_png, "rb") as fa, open(b_png, "rb") as fb:
                if fa.read() != fb.read():
                    failures.append("%s: the reopened frame differs from the original" % sid)
            print("ok %s: %d characters, state %s" % (sid, len(text), first["state"]))
        # A lesson's link: the same frame as --lesson --page.
        l_png, m_png = os.path.join(tmp, "lesson-a.png"), os.path.join(tmp, "lesson-b.png")
        rc1, out, _ = run(exe, ["--headless", "--trace", "--lesson", "2", "--page", "2", "--do", "copy-state",
                                "-o", l_png])
        rc1 |= run(exe, ["--headless", "--lesson", "2", "--page", "2", "-o", l_png])[0]  # the frame without a note
        link = copy_line(out)
        if rc1 != 0 or link is None or not link.get("state_text", "").startswith("xl1~l:"):
            failures.append("lesson: no link: %r" % (link,))
        else:
            rc2, _, err = run(exe, ["--headless", "--state", link["state_text"], "-o", m_png])
            with open(l_png, "rb") as fa, open(m_png, "rb") as fb:
                if rc2 != 0 or fa.read() != fb.read():
                    failures.append("lesson: %s did not reopen the page (exit %d) %s" % (link["state_text"], rc2,
                                                                                         err.strip()))
            print("ok lesson link: %s" % link["state_text"])
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

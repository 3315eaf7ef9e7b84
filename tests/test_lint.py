#!/usr/bin/env python3
"""The lesson linter over hostile lessons (tests/data/lint-*.lesson).

    tests/test_lint.py path/to/xentlab tests/data/lint-a.lesson ...

Each lesson says what `xentlab --check` must find in it, in notes of the form
"% finding LINE:COLUMN: TEXT". The check must exit 1 and print, for each, an error
"FILE:LINE:COLUMN: error: TEXT..." on stderr, and no other error. Exit status 0 pass, 1 fail.
"""
import re
import subprocess
import sys


def main():
    xentlab, lessons = sys.argv[1], sys.argv[2:]
    failed = 0
    for path in lessons:
        want = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"% finding (\d+):(\d+): (.*)", line.rstrip("\n"))
                if m:
                    want.append((int(m.group(1)), int(m.group(2)), m.group(3)))
        r = subprocess.run([xentlab, "--check", path], capture_output=True, text=True, timeout=60)
        errors = [l for l in r.stderr.splitlines() if ": error: " in l]
        problems = []
        if r.returncode != 1:
            problems.append("exit status %d, not 1" % r.returncode)
        for line, col, text in want:
            prefix = "%s:%d:%d: error: %s" % (path, line, col, text)
            if not any(e.startswith(prefix) for e in errors):
                problems.append("missing: " + prefix)
        if len(errors) != len(want):
            problems.append("%d errors, %d expected" % (len(errors), len(want)))
        if problems:
            failed += 1
            print("FAIL %s:\n  %s\n  stderr:\n    %s" % (path, "\n  ".join(problems), "\n    ".join(errors)))
        else:
            print("ok %s: %d findings" % (path, len(want)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

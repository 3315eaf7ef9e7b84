#!/usr/bin/env python3
"""trace_query: a Python expression over a --trace file, for the real-window tests.

    trace_query.py TRACE START EXPR

evaluates EXPR over the trace's lines from line START on (0-based), parsed as JSON (a
line still being written is skipped), with these names:
    L     every line            C   the command lines      S  the step lines
    Ls    the lesson lines      last  the last lesson line ({} if none)
    cmd(name)  the first command line named `name`, or None
Prints the value; exits 0 if it is truthy, 1 otherwise.
"""
import json
import sys

path, start, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3]
L = []
with open(path) as f:
    for i, line in enumerate(f):
        if i < start:
            continue
        try:
            L.append(json.loads(line))
        except ValueError:
            pass  # a line still being written
C = [o for o in L if "command" in o]
S = [o for o in L if "command" not in o and "lesson" not in o and "step" in o]
Ls = [o for o in L if "lesson" in o]
last = Ls[-1] if Ls else {}


def cmd(name):
    """The first command line named `name`, or None."""
    return next((o for o in C if o["command"] == name), None)


v = eval(expr)
print(json.dumps(v) if not isinstance(v, str) else v)
sys.exit(0 if v else 1)

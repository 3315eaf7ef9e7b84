#!/usr/bin/env python3
"""trace_query: a Python expression over a --trace file, for the real-window tests.

    trace_query.py TRACE START EXPR

evaluates EXPR over the trace's lines from line START on (0-based), parsed as JSON (a
line still being written is skipped), with these names:
    L     every line            C   the command lines      S  the step lines
    Ls    the lesson lines      last  the last lesson line ({} if none)
    cmd(name)  the first command line named `name`, or None
A scenario's readouts are under "readouts" (trace schema 2, docs/trace.md):
Ls[0]["readouts"]["loss"]. Prints the value; exits 0 if it is truthy, 1 otherwise.
Every line read is checked against the schema first (tests/trace_schema.py): a line
that breaks it (a key twice, no "trace": 2, a field the schema does not name) is
printed with what is wrong, and the exit status is 2, whatever EXPR says.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_schema  # noqa: E402

path, start, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def broken(lineno, what):
    print("trace_query: %s:%d: %s" % (path, lineno, what), file=sys.stderr)
    sys.exit(2)


L = []
with open(path) as f:
    for i, line in enumerate(f):
        if i < start:
            continue
        try:
            obj = trace_schema.parse(line)
        except trace_schema.SchemaError as e:
            broken(i + 1, e)
        except ValueError:
            continue  # a line still being written
        wrong = trace_schema.problems(obj)
        if wrong:
            broken(i + 1, "; ".join(wrong))
        L.append(obj)
C = [o for o in L if trace_schema.kind(o) == "command"]
S = [o for o in L if trace_schema.kind(o) == "step"]
Ls = [o for o in L if trace_schema.kind(o) == "lesson"]
last = Ls[-1] if Ls else {}


def cmd(name):
    """The first command line named `name`, or None."""
    return next((o for o in C if o["command"] == name), None)


v = eval(expr)
print(json.dumps(v) if not isinstance(v, str) else v)
sys.exit(0 if v else 1)

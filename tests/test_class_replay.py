#!/usr/bin/env python3
"""test_class_replay: a class's votes replayed through the program (part 12).

A recording of inputs with a class's lesson lines (class-start, joins, votes, a changed
vote, refused ones, the split, the reveal) is replayed headless with --trace: every line
of the trace keeps the schema (tests/trace_schema.py), the class lines say each action
with the counts after it, and replaying it again gives the same class lines. Usage:
test_class_replay.py XENTLAB LESSONS_DIR. Exit status 0 pass, 1 fail.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_schema  # noqa: E402


def replay(exe, path, png):
    p = subprocess.run([exe, "--replay", path, "--headless", "--trace", "-o", png], capture_output=True, text=True,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


def main():
    exe, lessons = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        rec = os.path.join(tmp, "class.txt")
        votes = ["0 0 lesson class-vote %d 2.1 %d" % (d, 1 + d % 3) for d in range(1, 31)]
        with open(rec, "w") as f:
            f.write("xentlab-input 1 0.1.0\nsize 1280 720\n")
            f.write("0 0 lesson open %s\n" % os.path.join(lessons, "01-surprise.lesson"))
            f.write("0 0 lesson class-start http://127.0.0.1:8321/?c=4821\n")
            f.write("".join("0 0 lesson class-join %d\n" % d for d in range(1, 31)))
            f.write("0 0 lesson class-vote 1 2.1 1\n")            # page 1 asks nothing: refused
            f.write("0 0 lesson next\n")                          # page 2 asks at once
            f.write("\n".join(votes) + "\n")
            f.write("0 0 lesson class-vote 3 2.1 2\n")            # changed: 1 -> 2
            f.write("0 0 lesson class-vote 31 2.1 2\n")           # not joined: refused
            f.write("0 0 lesson class-split\n")
            f.write("0 0 lesson answer 1\n")
            f.write("0 0 lesson class-vote 4 2.1 3\n")            # after the answer: refused
        runs = []
        for i in range(2):
            rc, out, err = replay(exe, rec, os.path.join(tmp, "f%d.png" % i))
            if rc != 0:
                failures.append("replay %d exits %d: %s" % (i, rc, err.strip()[-300:]))
                continue
            lines = [trace_schema.parse(t) for t in out.splitlines() if t.startswith("{")]
            for line in lines:
                for p in trace_schema.problems(line, None):
                    failures.append("replay %d: %s: %s" % (i, p, line))
            runs.append([l for l in lines if trace_schema.kind(l) == "class"])
        if len(runs) == 2:
            a, b = runs
            if a != b:
                failures.append("two replays differ in their class lines")
            kinds = [l["class"] for l in a]
            want = ["start"] + ["join"] * 30 + ["vote"] * 33 + ["split", "vote"]
            if kinds != want:
                failures.append("class lines %s, want %s" % (kinds, want))
            else:
                refused = [l for l in a if not l["ok"]]
                if [(l["device"], l["question"]) for l in refused] != [(1, "2.1"), (31, "2.1"), (4, "2.1")]:
                    failures.append("refused %s" % refused)
                last_vote = [l for l in a if l["class"] == "vote" and l["ok"]][-1]
                # d % 3: 0 -> 1 (10 phones), 1 -> 2 (10), 2 -> 3 (10); phone 3 moved 1 -> 2.
                if last_vote.get("counts") != [9, 11, 10] or last_vote.get("voted") != 30:
                    failures.append("the counts after the votes: %s" % last_vote)
                split = a[-2]
                if split.get("shown") is not True or split.get("counts") != [9, 11, 10]:
                    failures.append("the split line: %s" % split)
                if a[-1].get("counts") != [9, 11, 10] or a[-1].get("joined") != 30:
                    failures.append("the refused vote after the answer: %s" % a[-1])
    for f in failures:
        print("FAIL:", f)
    print("test_class_replay: %s" % ("ok" if not failures else "%d failures" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

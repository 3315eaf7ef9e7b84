#!/usr/bin/env python3
"""test_data_files: the data sets through the program (issue 23).

The program reads assets/data/ once at start (ui_assets.c) and the regression scenario's
init parses and verifies what it needs. Against a private copy of the assets
(XENTLAB_ASSETS), each damage must be refused when the scenario is chosen, with the
file's path and, where the parser can tell, its line: a file cut inside a row, a file cut
at a row's end (too few rows), a letter in a number, a digit changed (only the checksum
can tell), a missing file. The intact copy runs. Usage: test_data_files.py XENTLAB
SOURCE_ROOT. Exit status 0 pass, 1 fail.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def run(exe, assets, args):
    env = dict(os.environ, XENTLAB_ASSETS=assets)
    p = subprocess.run([exe, "--headless"] + args, capture_output=True, text=True, timeout=60, env=env)
    return p.returncode, p.stdout + p.stderr


def main():
    exe, root = sys.argv[1], sys.argv[2]
    src = os.path.join(root, "assets", "data")
    with open(os.path.join(src, "iris.csv"), "rb") as f:
        iris = f.read()
    with open(os.path.join(src, "digits.csv"), "rb") as f:
        digits = f.read()
    digit_lines = digits.split(b"\n")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(os.path.join(root, "assets", "fonts"), os.path.join(tmp, "fonts"))
        data = os.path.join(tmp, "data")
        os.mkdir(data)
        iris_path, digits_path = os.path.join(data, "iris.csv"), os.path.join(data, "digits.csv")

        def put(iris_bytes, digits_bytes):
            for path, b in ((iris_path, iris_bytes), (digits_path, digits_bytes)):
                if os.path.exists(path):
                    os.remove(path)
                if b is not None:
                    with open(path, "wb") as f:
                        f.write(b)

        # (what, iris bytes, digits bytes, data set, words the refusal must hold)
        cut_mid = b"\n".join(digit_lines[:678]) + b"\n" + digit_lines[678][:40]
        cut_end = b"\n".join(digit_lines[:1000]) + b"\n"
        changed = bytearray(digits)
        at = digits.index(b",13,")  # line 1's fourth pixel
        changed[at + 2] = ord("2")   # 13 -> 12: still a valid image
        lettered = iris.replace(b"4.7,3.2,1.3,0.2,0", b"4.7,3.2,l.3,0.2,0", 1)
        cases = [
            ("intact iris", iris, digits, 0, None),
            ("intact digits", iris, digits, 1, None),
            ("digits cut inside line 679", iris, cut_mid, 1,
             [digits_path + ": line 679: ", "values, expected 65 (the file ends inside this line"]),
            ("digits cut after 1,000 rows", iris, cut_end, 1,
             [digits_path + ": line 1001: the file ends after 1000 rows; expected 1797"]),
            ("a pixel changed", iris, bytes(changed), 1,
             [digits_path + ": checksum differs: the file was changed or damaged"]),
            ("a letter in a number", lettered, digits, 0,
             [iris_path + ': line 4: value 3 "l.3" is not a number']),
            ("iris missing", None, digits, 0, [iris_path + ": not found"]),
        ]
        for what, ib, db, which, words in cases:
            put(ib, db)
            rc, out = run(exe, tmp, ["--scenario", "regression", "--param", "data=%d" % which, "--steps", "1"])
            if words is None:
                if rc != 0:
                    failures.append("%s: exit %d: %s" % (what, rc, out.strip()[:300]))
                continue
            if rc == 0:
                failures.append("%s: the program ran" % what)
            for w in words:
                if w not in out:
                    failures.append("%s: the message lacks %r: %s" % (what, w, out.strip()[:400]))
            # Chosen from another scenario (as S or a lesson would): refused with the same reason.
            rc, out = run(exe, tmp, ["--scenario", "softmax", "--do", "scenario regression",
                                     "--do", "param data=%d" % which, "--steps", "1"])
            if words[0] not in out and which == 0:
                failures.append("%s: switching to it does not say %r: %s" % (what, words[0], out.strip()[:400]))
    for f in failures:
        print("FAIL:", f)
    print("test_data_files: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

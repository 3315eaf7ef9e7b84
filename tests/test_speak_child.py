#!/usr/bin/env python3
"""F9's speech helper run by hand (xentlab --speak-child LANG, the text on standard input):
it is internal but reachable, so odd arguments and input end it with its documented exit
status, promptly, with no sanitizer report (ui_speak.c; issue 26).

    test_speak_child.py XENTLAB FAKE_SPEECHD

Checks: misuse exits 4; a refused text exits 3 (the connection closed: no leak); an
unreachable service exits 2; a text past the bound (UI_SPEAK_TEXT_MAX - 1 = 16383 bytes)
reaches the service cut at a whole character (valid UTF-8, 16381 to 16383 bytes); a
service that never answers and a standard input never closed both end the helper within
UI_SPEAK_TIMEOUT_MS / 1000 + 2 = 5 s (its alarm), not never; an empty SPEECHD_ADDRESS is
no address (no crash).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

XL, FAKE = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def env_with(address, leaks=True):
    env = dict(os.environ)
    env["SPEECHD_ADDRESS"] = address
    # Leaks are looked for (an ASan build); libspeechd 0.11 itself leaks a copy of the
    # socket's path when it cannot connect, so that one case does not look.
    env["ASAN_OPTIONS"] = "%s:detect_leaks=%d" % (env.get("ASAN_OPTIONS", ""), 1 if leaks else 0)  # the last wins
    return env


def run(args, data, env, timeout=15):
    t0 = time.monotonic()
    p = subprocess.run([XL, "--speak-child"] + args, input=data, capture_output=True, env=env, timeout=timeout)
    return p.returncode, p.stderr.decode("utf-8", "replace"), time.monotonic() - t0


def clean(err):
    return "Sanitizer" not in err and "runtime error" not in err


with tempfile.TemporaryDirectory() as tmp:
    servers = {}
    for mode in ("ok", "silent", "refuse"):
        sock, log = os.path.join(tmp, "s-" + mode), os.path.join(tmp, "log-" + mode)
        proc = subprocess.Popen([sys.executable, FAKE, sock, log, mode], stdout=subprocess.PIPE)
        proc.stdout.readline()  # "ready"
        servers[mode] = (proc, "unix_socket:" + sock, log)
    try:
        ok_env = env_with(servers["ok"][1])
        for args in ([], ["de", "extra"], [""], ["DE"], ["dede"], ["d"], ["de\n"], ["a" * 5000]):
            rc, err, _ = run(args, b"Hallo", ok_env)
            check(rc == 4 and "usage" in err and clean(err), "misuse %r: exit %d (4)" % ([a[:8] for a in args], rc))

        rc, err, _ = run(["de"], "Hallo Welt".encode(), env_with(servers["refuse"][1]))
        check(rc == 3 and clean(err), "a refused text: exit %d (3), no sanitizer report" % rc)

        rc, err, _ = run(["es"], b"Hola", env_with("unix_socket:" + os.path.join(tmp, "none"), leaks=False))
        check(rc == 2 and clean(err), "no service: exit %d (2)" % rc)

        for lead in ("", "a", "ab", "abc"):  # every position of the bound inside a 2- and 4-byte character
            for ch in ("ä", "😀"):
                rc, err, _ = run(["de"], (lead + ch * 20000).encode(), ok_env)
                check(rc == 0 and clean(err), "%d+%r x 20000: exit %d (0)" % (len(lead), ch, rc))
        with open(servers["ok"][2], encoding="utf-8") as f:  # the fake logs each text as JSON
            texts = [json.loads(line)["text"] for line in f]
        check(len(texts) == 8, "%d texts reached the service (8)" % len(texts))
        for t in texts:
            raw = t.encode("utf-8")
            check("\ufffd" not in t and 16380 <= len(raw) <= 16384,
                  "cut at a whole character: %d bytes, no replacement character" % len(raw))

        # A service that never answers, and standard input never closed: ended by the
        # helper's own alarm (SIGALRM), within a few seconds.
        silent = subprocess.Popen([XL, "--speak-child", "de"], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=env_with(servers["silent"][1]))
        silent.stdin.write(b"Hallo")
        silent.stdin.close()
        open_in = subprocess.Popen([XL, "--speak-child", "de"], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=ok_env)
        # SPEECHD_ADDRESS set but empty is no address (libspeechd 0.11 crashed reading it):
        # libspeechd finds or spawns the service, and whatever it does, the helper ends.
        empty = subprocess.Popen([XL, "--speak-child", "de"], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                 env=env_with("", leaks=False))
        empty.stdin.write(b"Hallo")
        empty.stdin.close()
        t0 = time.monotonic()
        for name, p in (("a silent service", silent), ("an open standard input", open_in),
                        ("an empty SPEECHD_ADDRESS", empty)):
            try:
                p.wait(timeout=12)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            took = time.monotonic() - t0
            err = p.stderr.read().decode("utf-8", "replace")
            check((p.returncode != 0 or p is empty) and took < 10 and clean(err),
                  "%s: ended (status %d) after %.1f s (< 10)" % (name, p.returncode, took))
        open_in.stdin.close()
    finally:
        for proc, _, _ in servers.values():
            proc.kill()
            proc.wait()

print("%d failures" % len(failures))
sys.exit(1 if failures else 0)

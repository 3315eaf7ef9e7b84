#!/usr/bin/env python3
"""The scene in words from the command line (issue 26): --describe, and F9's speech.

    tests/test_describe.py path/to/xentlab path/to/tests/fake_speechd.py

--describe prints one description at the start and one after each --do command and
--steps: as text lines, or as trace lines ({"description", "words"}) with --trace; each
says the loss the trace's readouts give, rounded to the readouts panel's four decimals,
and what changed since the one before. "describe" (F9's command) given to --do says the
description through speech-dispatcher: a fake one (tests/fake_speechd.py, an SSIP server
on a unix socket named by SPEECHD_ADDRESS) must receive exactly the words the trace line
gives, from the client xentlab:describe at SSIP's text priority, in the interface's language
(SET self LANGUAGE en, de, es). Where none answers (no
socket; a reply that is not SSIP; a refusal; a server that never answers) the text is
printed instead, the run goes on and ends with status 0, within bounded time.
Exit status 0 pass, 1 fail, 77 when the build has no speech-dispatcher client.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXE, FAKE = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg, flush=True)


def run(args, env=None, timeout=60):
    t0 = time.monotonic()
    p = subprocess.run([EXE] + args, capture_output=True, text=True, timeout=timeout, env=env or ENV,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def lines_of(out):
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def shown(v):
    """A loss as the readouts panel shows it with room: four decimals, the true minus."""
    s = "%.4f" % v
    return s.replace("-", "\u2212")


# --describe with --trace: a description after the start, each command and --steps, with
# the loss the trace's own readouts give, and the change between them as shown.
status, out, err, _ = run(["--headless", "--trace", "--describe", "--do", "step", "--do", "select 2",
                           "--steps", "4"])
if status != 0:
    fail("--describe --trace exited %d: %s" % (status, err))
trace = lines_of(out)
descs = [x for x in trace if "description" in x]
if len(descs) != 4:
    fail("expected 4 description lines (start, step, select 2, --steps 4), got %d" % len(descs))
else:
    # The loss each description speaks of is the one of the line before it (a command's
    # line carries no readouts: the step lines do).
    losses = []
    last = None
    for x in trace:
        if "readouts" in x:
            last = x["readouts"]["loss"]
        if "description" in x:
            losses.append(last)
    # The start has no line before it: its loss is step 1's starting point, the first
    # step line's previous state; take it from a run with no steps.
    _, out0, _, _ = run(["--headless", "--trace", "--describe"])
    d0 = [x for x in lines_of(out0) if "description" in x][0]
    if d0["description"] != descs[0]["description"]:
        fail("the start's description differs between two runs of the same scene")
    if losses[1] is None or shown(losses[1]) not in descs[1]["description"]:
        fail("after 'step': the loss %s is not in: %s" % (losses[1], descs[1]["description"]))
    if "The loss fell " not in descs[1]["description"] or \
            ("since step 0, to %s." % shown(round(losses[1] * 1e4) / 1e4)) not in descs[1]["description"]:
        fail("after 'step': no 'The loss fell ... since step 0, to %s.' in: %.160s"
             % (shown(losses[1]), descs[1]["description"]))
    if not descs[2]["description"].startswith("The loss has not changed since the last description, still at step 1."):
        fail("after 'select 2': expected no change at step 1: %.160s" % descs[2]["description"])
    if "Selected now: " not in descs[2]["description"]:
        fail("after 'select 2': the new selection is not said: %.200s" % descs[2]["description"])
    before, after = round(losses[2] * 1e4) / 1e4, round(losses[3] * 1e4) / 1e4
    want = "The loss fell %s nats since step 1, to %s." % (shown(abs(after - before)), shown(after))
    if not descs[3]["description"].startswith(want):
        fail("after --steps 4: expected %r, got %.160s" % (want, descs[3]["description"]))
    for d in descs:
        if not d["words"] or any(c in d["words"] for c in "=()‖−"):
            fail("the words are not plain: %.160s" % d["words"])

# --describe without --trace: the same texts, one per line.
status, plain, err, _ = run(["--headless", "--describe", "--do", "step", "--do", "select 2", "--steps", "4"])
if plain.splitlines() != [d["description"] for d in descs]:
    fail("--describe without --trace: the lines differ from the trace's descriptions")

# A lesson page: its narration first, as the page shows it (lesson 1: *rain* without its
# marks; the seeds' −ln 0.001 = 6.9078 nats).
status, out, err, _ = run(["--headless", "--describe", "--lesson", "1"])
first = out.splitlines()[0] if out else ""
if not first.startswith("Lesson \u201cSurprise\u201d, page 1 of ") or "says rain with probability 0.001" not in first \
        or "6.9078 nats" not in first or "*" in first:
    fail("--lesson 1 --describe: %.200s" % first)

probe = run(["--headless", "--do", "describe"], env=dict(ENV, SPEECHD_ADDRESS="unix_socket:/nonexistent/xl.sock"))
if "this build has no speech-dispatcher client" in probe[2]:
    print("skipped: this build has no speech-dispatcher client (libspeechd-dev)")
    sys.exit(77 if not failures else 1)

tmp = tempfile.mkdtemp(prefix="xl-describe-")


def with_fake(mode, args, tag=""):
    """Run xentlab with a fake speech-dispatcher in `mode`; its status, output, stderr,
    seconds, and the messages the fake received (its log named by mode and tag)."""
    sock, log = os.path.join(tmp, mode + tag + ".sock"), os.path.join(tmp, mode + tag + ".log")
    srv = subprocess.Popen([sys.executable, FAKE, sock, log, mode], stdout=subprocess.PIPE, text=True)
    try:
        if srv.stdout.readline().strip() != "ready":
            fail("the fake speech-dispatcher did not start (%s)" % mode)
            return None
        env = dict(ENV, SPEECHD_ADDRESS="unix_socket:" + sock)
        st, o, e, secs = run(args, env=env)
        with open(log, encoding="utf-8") as f:
            said = [json.loads(x) for x in f if x.strip()]
        return st, o, e, secs, said
    finally:
        srv.kill()
        srv.wait()


# F9's command through a speech-dispatcher: exactly the start description's words.
r = with_fake("ok", ["--headless", "--trace", "--describe", "--do", "describe"])
if r:
    st, o, e, secs, said = r
    start = [x for x in lines_of(o) if "description" in x][0]
    if st != 0 or len(said) != 1:
        fail("with speech-dispatcher: status %d, %d messages said (expected 1); stderr: %s" % (st, len(said), e))
    else:
        if said[0]["text"] != start["words"]:
            fail("speech-dispatcher received %r, the trace's words are %r" % (said[0]["text"][:120],
                                                                             start["words"][:120]))
        if not said[0]["client"].endswith(":xentlab:describe"):
            fail("the client name is %r" % said[0]["client"])
        if said[0]["priority"] != "TEXT":
            fail("the priority is %r, not TEXT (a new description must cut off the last)" % said[0]["priority"])
        if "not said aloud" in e:
            fail("said, yet stderr says it was not: %s" % e)
        if said[0]["language"] != "en":
            fail("the language set is %r, not the interface's en" % said[0]["language"])

# In German and Spanish: the words in the interface's language, read by a voice of it
# ("SET self LANGUAGE de"), through the helper process as in English.
for lang in ("de", "es"):
    r = with_fake("ok", ["--lang", lang, "--headless", "--trace", "--describe", "--do", "describe"], tag=lang)
    if not r:
        continue
    st, o, e, secs, said = r
    start = [x for x in lines_of(o) if "description" in x]
    if st != 0 or len(said) != 1 or not start:
        fail("--lang %s with speech-dispatcher: status %d, %d messages said; stderr: %s" % (lang, st, len(said), e))
        continue
    if said[0]["language"] != lang:
        fail("--lang %s: speech-dispatcher was set to language %r" % (lang, said[0]["language"]))
    if said[0]["text"] != start[0]["words"]:
        fail("--lang %s: speech-dispatcher received %r, the trace's words are %r"
             % (lang, said[0]["text"][:120], start[0]["words"][:120]))

# No speech-dispatcher, or a hostile one: printed instead, status 0, in bounded time.
text_start = plain.splitlines()[0] if plain else ""
cases = [("absent", None, 2.0, "Can't connect"), ("garbage", "garbage", 2.0, "not SSIP"),
         ("refuse", "refuse", 2.0, "did not take the text"), ("silent", "silent", 6.0, "did not answer in 3 s")]
for name, mode, limit, why in cases:
    args = ["--headless", "--do", "describe"]
    if mode is None:
        st, o, e, secs = run(args, env=dict(ENV, SPEECHD_ADDRESS="unix_socket:" + os.path.join(tmp, "none.sock")))
        said = []
    else:
        r = with_fake(mode, args)
        if not r:
            continue
        st, o, e, secs, said = r
    if st != 0:
        fail("%s: exited %d: %s" % (name, st, e))
    if said:
        fail("%s: the fake recorded %d messages" % (name, len(said)))
    if o.splitlines() != [text_start]:
        fail("%s: expected the description printed once, got %r" % (name, o[:200]))
    if "F9: not said aloud" not in e or why not in e:
        fail("%s: stderr does not say why (%r): %s" % (name, why, e))
    if secs > limit:
        fail("%s: took %.1f s (at most %.1f)" % (name, secs, limit))
    if name == "silent" and secs < 2.9:
        fail("silent: gave up after %.1f s, before the 3 s it waits" % secs)

# Two "describe" commands (a step between) without a service: one voice for the run, as in the window.
# Why nothing is said aloud is told once (not per command), and the second says what
# changed since the first.
st, o, e, secs = run(["--headless", "--do", "describe,step,describe"],
                     env=dict(ENV, SPEECHD_ADDRESS="unix_socket:" + os.path.join(tmp, "none.sock")))
printed = o.splitlines()
if st != 0 or e.count("F9: not said aloud") != 1:
    fail("describe,step,describe without a service: status %d, stderr says why %d times (expected once): %s"
         % (st, e.count("F9: not said aloud"), e))
if len(printed) != 2 or printed[0] != text_start \
        or not printed[1].startswith("The loss fell "):
    fail("describe,step,describe without a service: expected the description, then what changed; got %r" % o[:300])

# A Spanish and a German lesson page: the words (the live region's, speech-dispatcher's)
# keep the language's letters and ¿ (only the videos' English flite voice folds them).
for lang, keep, folded in (("es", ["¿Qué sorpresa", "la pérdida?"], ["Que sorpresa", "la perdida?"]),
                           ("de", ["Welche Überraschung"], ["Uberraschung"])):
    st, o, e, _ = run(["--lang", lang, "--describe", "--trace", "--lesson", "4", "--page", "2", "--headless"])
    ws = [x["words"] for x in lines_of(o) if "words" in x]
    if st != 0 or len(ws) != 1:
        fail("--lang %s lesson 4 page 2: exited %d with %d description lines: %s" % (lang, st, len(ws), e[:200]))
        continue
    for k in keep:
        if k not in ws[0]:
            fail("--lang %s: %r not in the words: %.300s" % (lang, k, ws[0]))
    for f in folded:
        if f in ws[0]:
            fail("--lang %s: folded %r in the words: %.300s" % (lang, f, ws[0]))

# A lesson's play ends paused: the trace line of its last step and the description of
# that step agree ("playing":false, "paused at step 40"), as the status bar shows it.
st, o, e, _ = run(["--headless", "--lesson", "4", "--page", "3", "--describe", "--trace"])
tr = lines_of(o)
ds = [x for x in tr if "description" in x]
steps = {x["step"]: x["playing"] for x in tr if "playing" in x and "command" not in x}
if st != 0 or not ds or ds[-1]["step"] not in steps:
    fail("lesson 4 page 3: no step line for the description's step (exit %d): %s" % (st, e[:200]))
else:
    last = ds[-1]
    said = "playing at step %d." % last["step"] if steps[last["step"]] else "paused at step %d." % last["step"]
    if last["step"] != 40 or said != "paused at step 40." or said not in last["description"]:
        fail("lesson 4 page 3: step %d traced playing=%s, described: %.120s"
             % (last["step"], steps[last["step"]], last["description"][-120:]))

shutil.rmtree(tmp, ignore_errors=True)
if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("ok")

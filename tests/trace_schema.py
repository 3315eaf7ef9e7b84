"""trace_schema: the --trace output's schema, version 2 (docs/trace.md), as code.

Shared by the tests that read a trace: tests/test_trace.py (every registered scenario,
checked line by line), tests/trace_query.py (the window tests' queries, which check
every line they read) and tests/web/test_web.py (the browser's trace).

    parse(text)              one line -> dict; raises SchemaError on a key given twice
                             in any object, NaN or Infinity, or anything but an object
    kind(line)               "step", "command", "lesson", "class", "class-status" or "description"
    problems(line, readouts) what is wrong with a parsed line, as a list of sentences;
                             readouts: the scenario's readout names in order, or None
                             to check only that "readouts" holds numbers or null
"""
import json
import math
import re

VERSION = 2

# Field -> (type, required). Types: "int", "number" (finite), "bool", "str",
# "numbers" (list of finite numbers), "surprises" (list of finite numbers or null),
# "slice" ([int, int]), "race" (list of run objects), "readouts" (object), "hash"
# (16 hex digits). "optimizer" is absent for a scenario with nothing to learn.
COMMON = {
    "trace": ("int", True),
    "step": ("int", True),
    "scenario": ("str", True),
    "optimizer": ("str", False),
}
FIELDS = {
    "step": dict(COMMON, **{
        "readouts": ("readouts", True),
        "lr": ("number", True),
        "unit": ("unit", True),
        "playing": ("bool", True),
        "q": ("numbers", True),
        "surprise": ("surprises", True),
        "race": ("race", False),
        "diverged_at": ("int", False),
    }),
    "command": dict(COMMON, **{
        "command": ("str", True),
        "text": ("str", True),
        "ok": ("bool", True),
        "message": ("str", False),
        "lr": ("number", True),
        "unit": ("unit", True),
        "playing": ("bool", True),
        "selected": ("int", True),
        "slice": ("slice", True),
        "steps_per_second": ("int", True),
        "p": ("numbers", True),
        "state_text": ("str", False),
        "state": ("hash", False),
    }),
    "lesson": dict(COMMON, **{
        "lesson": ("event", True),
        "file": ("str", True),
        "page": ("int", True),
        "pages": ("int", True),
        "phase": ("phase", True),
        "state": ("hash", True),
        "readouts": ("readouts", True),
    }),
    # The class's lines (part 12): no scene, only the votes. "counts" has one entry per
    # option of "question"; "voted" is their sum.
    "class": {
        "trace": ("int", True),
        "class": ("class", True),
        "device": ("positive", False),
        "question": ("question", False),
        "option": ("positive", False),
        "shown": ("bool", False),
        "ok": ("bool", True),
        "joined": ("count", True),
        "voted": ("count", False),
        "counts": ("counts", False),
    },
    # The scene in words (issue 26, --describe with --trace): the text and what F9 says.
    "description": {
        "trace": ("int", True),
        "step": ("int", True),
        "description": ("str", True),
        "words": ("str", True),
    },
    "class-status": {
        "trace": ("int", True),
        "class": ("class", True),
        "seconds": ("number", True),
        "frames": ("count", True),
        "joined": ("count", True),
        "requests": ("count", True),
        "refused": ("count", True),
        "limited": ("count", True),
        "connections": ("count", True),
    },
}
CLASS_EVENTS = {"start", "join", "vote", "split", "card", "status"}
RACE_FIELDS = {"optimizer": ("str", True), "loss": ("number", True), "diverged_at": ("int", False)}
LESSON_EVENTS = {"open", "close", "page", "again", "blank", "unblank", "menu", "menu-closed", "presenter",
                 "presenter-closed", "phase", "reload"}
PHASES = {"", "playing", "waiting", "paused", "asking", "suspended", "done"}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,30}$")


class SchemaError(ValueError):
    pass


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise SchemaError("the key %r is given twice in one object" % key)
        seen[key] = value
    return seen


def _no_constant(name):
    raise SchemaError("%s is not JSON" % name)


def parse(text):
    """One trace line parsed; SchemaError for duplicate keys, NaN/Infinity or a non-object.
    Plain ValueError (json's) for text that is not JSON at all (a line still being written)."""
    obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    if not isinstance(obj, dict):
        raise SchemaError("a line is a JSON object, not %s" % type(obj).__name__)
    return obj


def kind(line):
    if "description" in line:
        return "description"
    if "class" in line:
        return "class-status" if line["class"] == "status" else "class"
    if "command" in line:
        return "command"
    if "lesson" in line:
        return "lesson"
    return "step"


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v):
    return (isinstance(v, (int, float)) and not isinstance(v, bool)) and math.isfinite(v)


def _type_problem(name, typ, v):
    """A sentence if v is not of type typ, else None."""
    ok = {
        "int": lambda: _is_int(v),
        "number": lambda: _is_number(v),
        "bool": lambda: isinstance(v, bool),
        "str": lambda: isinstance(v, str),
        "unit": lambda: v in ("nats", "bits"),
        "event": lambda: v in LESSON_EVENTS,
        "phase": lambda: v in PHASES,
        "hash": lambda: isinstance(v, str) and re.fullmatch(r"[0-9a-f]{16}", v) is not None,
        "numbers": lambda: isinstance(v, list) and all(_is_number(x) for x in v),
        "surprises": lambda: isinstance(v, list) and all(x is None or _is_number(x) for x in v),
        "slice": lambda: isinstance(v, list) and len(v) == 2 and all(_is_int(x) and x >= 0 for x in v),
        "race": lambda: isinstance(v, list) and len(v) >= 1 and all(isinstance(x, dict) for x in v),
        "readouts": lambda: isinstance(v, dict),
        "class": lambda: v in CLASS_EVENTS,
        "positive": lambda: _is_int(v) and v >= 1,
        "count": lambda: _is_int(v) and v >= 0,
        "question": lambda: isinstance(v, str) and re.fullmatch(r"[1-9][0-9]*\.[1-9][0-9]*", v) is not None,
        "counts": lambda: isinstance(v, list) and 2 <= len(v) <= 4 and all(_is_int(x) and x >= 0 for x in v),
    }[typ]()
    return None if ok else "%s is %r, not %s" % (name, v, typ)


def _fields_problems(obj, fields, where):
    out = []
    for name, (typ, required) in fields.items():
        if name not in obj:
            if required:
                out.append("%s lacks %r" % (where, name))
            continue
        p = _type_problem(name, typ, obj[name])
        if p:
            out.append("%s: %s" % (where, p))
    for name in obj:
        if name not in fields:
            out.append("%s has %r, which the schema does not name (docs/trace.md)" % (where, name))
    return out


def problems(line, readouts=None):
    """What is wrong with a parsed trace line, as sentences (empty: nothing)."""
    if line.get("trace") != VERSION:
        return ["the line's \"trace\" is %r, not %d" % (line.get("trace"), VERSION)]
    if next(iter(line)) != "trace":
        return ["\"trace\" is not the line's first field"]
    k = kind(line)
    if sum(key in line for key in ("command", "lesson", "class")) > 1:
        return ["a line with more than one of \"command\", \"lesson\" and \"class\""]
    out = _fields_problems(line, FIELDS[k], "a %s line" % k)
    if k == "step" and isinstance(line.get("q"), list) and isinstance(line.get("surprise"), list) \
            and len(line["q"]) != len(line["surprise"]):
        out.append("q has %d entries, surprise %d" % (len(line["q"]), len(line["surprise"])))
    if k == "command" and "ok" in line and ("message" in line) == line["ok"]:
        out.append("\"message\" is there exactly when ok is false; ok is %r" % line["ok"])
    if k == "class" and ("voted" in line) != ("counts" in line):
        out.append("\"voted\" and \"counts\" come together")
    if k == "class" and isinstance(line.get("counts"), list) and _is_int(line.get("voted")) \
            and all(_is_int(x) for x in line["counts"]) and sum(line["counts"]) != line["voted"]:
        out.append("counts %s do not sum to voted %d" % (line["counts"], line["voted"]))
    if k == "class" and line.get("class") in ("join", "vote") and "device" not in line:
        out.append("a %s line lacks \"device\"" % line["class"])
    if k == "class" and line.get("class") == "vote" and ("question" not in line or "option" not in line):
        out.append("a vote line lacks \"question\" or \"option\"")
    if k == "class" and ("shown" in line) != (line.get("class") in ("split", "card")):
        out.append("\"shown\" is on split and card lines only")
    if k == "step" and isinstance(line.get("race"), list):
        for i, run in enumerate(line["race"]):
            if isinstance(run, dict):
                out += _fields_problems(run, RACE_FIELDS, "race[%d]" % i)
    r = line.get("readouts")
    if isinstance(r, dict):
        for name, v in r.items():
            if not NAME.match(name):
                out.append("the readout name %r is not a plain identifier" % name)
            if v is not None and not _is_number(v):
                out.append("readout %s is %r, not a finite number or null" % (name, v))
        if readouts is not None and list(r) != list(readouts):
            out.append("readouts %s, the scenario's are %s" % (list(r), list(readouts)))
    return out

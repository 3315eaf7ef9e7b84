#!/usr/bin/env python3
"""Every translated lesson does what its English lesson does (issue 26).

    tests/test_lesson_translations.py build/xentlab build/tests/lesson_structure lessons WORKDIR

For every lessons/LANG/NAME.lesson (LANG two or three lowercase letters):
  - lessons/NAME.lesson exists (a translation of nothing is an error);
  - the two have the same structure (tests/lesson_structure.c): the same pages in the same
    order with the same @focus and @controls, the same directives in the same order with
    the same arguments (@scenario, @param, @set-p, @play, @expect lines, ...), the same
    questions with the same count of answers and the same right one. Per-language text may
    differ: narration, titles, notes, the words of questions and answers, @say lines
    (readings of the page's own text), and the names of @names (a translation keeps
    every @names of the English, with the same count; it may add one where the English
    lesson shows the default names, and `--check --play` refuses a wrong count);
  - `xentlab --check --play` passes (every page played, every @expect held).
Languages in COMPLETE must translate every English lesson.

Then the comparison is shown to fail: copies of a translation with one seeded difference
each (an @expect's value, a page dropped, the right answer moved, an answer dropped, a
@play's count, two directives swapped, a @names dropped, a @focus changed) must each be
found, and a copy whose text alone changed (and a @say added) must not. Last, the voice
refuses a lesson in a language it does not speak (`--record ... --voice`) before making anything.

Exit status 0 pass, 1 fail.
"""
import os
import re
import shutil
import subprocess
import sys

COMPLETE = ("de", "es")  # languages that ship the whole course
LANG_DIR = re.compile(r"^[a-z]{2,3}$")


def structure(tool, path):
    """The lesson's structure lines, or raises with the parser's errors."""
    r = subprocess.run([tool, path], capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        raise ValueError("%s does not parse:\n    %s" % (path, r.stderr.strip().replace("\n", "\n    ")))
    return r.stdout.splitlines()


def split_names(lines):
    """(the lines without @names, {position: names count}): a @names is placed before the
    next other line, so the English lesson's @names can be found in the translation."""
    rest, names = [], {}
    for line in lines:
        if line.startswith("names "):
            names[len(rest)] = int(line.split()[1])
        else:
            rest.append(line)
    return rest, names


def differences(english, translated):
    """What differs between two structures (lists of lines), as readable problems."""
    e_lines, e_names = split_names(english)
    t_lines, t_names = split_names(translated)
    problems = []
    page = "before the first page"
    for i in range(max(len(e_lines), len(t_lines))):
        e = e_lines[i] if i < len(e_lines) else "(nothing)"
        t = t_lines[i] if i < len(t_lines) else "(nothing)"
        if e.startswith("page "):
            page = "page " + e.split()[1]
        if e != t:
            problems.append("%s: the English has '%s', the translation '%s'" % (page, e, t))
            break  # after the first, everything is shifted: one is enough to read
    for pos, count in sorted(e_names.items()):
        if pos not in t_names:
            problems.append("a @names of the English (before '%s') is missing" %
                            (e_lines[pos] if pos < len(e_lines) else "the end"))
        elif t_names[pos] != count:
            problems.append("a @names has %d names, the English %d" % (t_names[pos], count))
    return problems


def translations(lessons):
    """[(lang, name)] for every lessons/LANG/NAME.lesson, sorted."""
    found = []
    for lang in sorted(os.listdir(lessons)):
        folder = os.path.join(lessons, lang)
        if LANG_DIR.match(lang) and os.path.isdir(folder):
            for f in sorted(os.listdir(folder)):
                if f.endswith(".lesson"):
                    found.append((lang, f))
    return found


def seeded(text, english_names):
    """(what was seeded, the copy) for each difference the comparison must find."""
    out = []

    def sub(what, pattern, repl, flags=re.M):
        copy, n = re.subn(pattern, repl, text, count=1, flags=flags)
        if n:
            out.append((what, copy))

    sub("an @expect's value", r"^(@expect \w+ = )(\d)", lambda m: m.group(1) + str((int(m.group(2)) + 1) % 10))
    pages = [m.start() for m in re.finditer(r"^## ", text, re.M)]
    if len(pages) > 1:
        out.append(("the last page dropped", text[:pages[-1]]))
    # The right answer moved: its mark goes to the answer before or after it.
    m = re.search(r"^(- .*?) \*[ \t]*$", text, re.M)
    if m:
        lines = text.split("\n")
        k = text[:m.start()].count("\n")
        other = k + 1 if k + 1 < len(lines) and lines[k + 1].startswith("- ") else k - 1
        lines[k] = m.group(1)
        lines[other] = lines[other].rstrip() + " *"
        out.append(("the right answer moved", "\n".join(lines)))
    # An answer dropped: a question's first answer (not the right one), when it has three or more.
    for q in re.finditer(r"^\? .*\n((?:- .*\n|  .*\n)+)", text, re.M):
        answers = [a for a in re.finditer(r"^- .*$", q.group(1), re.M)]
        wrong = [a for a in answers if not a.group(0).rstrip().endswith(" *")]
        if len(answers) >= 3 and wrong:
            start = q.start(1) + wrong[0].start()
            out.append(("an answer dropped", text[:start] + text[start + len(wrong[0].group(0)) + 1:]))
            break
    sub("a @play's count", r"^@play (\d+)", lambda m: "@play %d" % (int(m.group(1)) + 1))
    sub("two directives swapped", r"^(@(?!names|say)[^\n]*)\n(@(?!names|say)[^\n]*)$",
        lambda m: m.group(2) + "\n" + m.group(1) if m.group(1) != m.group(2) else m.group(0))
    if english_names:  # dropping one the translation added is no difference
        sub("a @names dropped", r"^@names [^\n]*\n", "")
    sub("a @focus changed", r"^@focus (\w+)", lambda m: "@focus " + ("data" if m.group(1) != "data" else "bars"))
    return out


def main():
    xentlab, tool, lessons, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    failed = []
    found = translations(lessons)
    english = sorted(f for f in os.listdir(lessons) if f.endswith(".lesson"))
    by_lang = {}
    for lang, name in found:
        by_lang.setdefault(lang, []).append(name)
    for lang in COMPLETE:
        missing = [n for n in english if n not in by_lang.get(lang, [])]
        if missing:
            failed.append("lessons/%s/ lacks %d lessons: %s" % (lang, len(missing), ", ".join(missing)))
    for lang, names in sorted(by_lang.items()):
        print("lessons/%s/: %d of %d lessons" % (lang, len(names), len(english)))

    # 1. Each translation against its English lesson.
    for lang, name in found:
        path = os.path.join(lessons, lang, name)
        source = os.path.join(lessons, name)
        if not os.path.exists(source):
            failed.append("%s translates nothing: there is no %s" % (path, source))
            continue
        try:
            problems = differences(structure(tool, source), structure(tool, path))
        except ValueError as e:
            failed.append(str(e))
            continue
        if problems:
            failed.append("%s differs from %s:\n    %s" % (path, source, "\n    ".join(problems)))
        else:
            print("ok %s/%s: same structure" % (lang, name))

    # 2. Every translation plays, its @expect lines held (one process for them all).
    paths = [os.path.join(lessons, lang, name) for lang, name in found]
    if paths:
        r = subprocess.run([xentlab, "--check", "--play"] + paths, capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            bad = [l for l in (r.stdout + r.stderr).splitlines() if ": ok, " not in l]
            failed.append("--check --play failed (%d):\n    %s" % (r.returncode, "\n    ".join(bad)))
        else:
            print("ok --check --play: %d translations" % len(paths))

    # 3. The comparison finds a seeded difference, and a change of text alone is none.
    # Each kind of difference is seeded into the first translation it applies to (the
    # first lesson has @names and questions, a later one the plays).
    kinds = ["an @expect's value", "the last page dropped", "the right answer moved", "an answer dropped",
             "a @play's count", "two directives swapped", "a @names dropped", "a @focus changed"]
    order = sorted(found, key=lambda ln: (ln[0] != "de", ln[1]))
    seeded_ok = set()
    for lang, name in order:
        if len(seeded_ok) == len(kinds):
            break
        source = structure(tool, os.path.join(lessons, name))
        with open(os.path.join(lessons, lang, name), encoding="utf-8") as f:
            text = f.read()
        for what, copy in seeded(text, any(line.startswith("names ") for line in source)):
            if what in seeded_ok:
                continue
            seeded_ok.add(what)
            mutant = os.path.join(work, "seeded.lesson")
            with open(mutant, "w", encoding="utf-8") as f:
                f.write(copy)
            try:
                found_it = differences(source, structure(tool, mutant))
            except ValueError:
                found_it = ["does not parse"]
            if not found_it:
                failed.append("seeded difference not found: %s (%s/%s)" % (what, lang, name))
            else:
                print("ok seeded into %s/%s: %s -> %s" % (lang, name, what, found_it[0]))
    if found and len(seeded_ok) != len(kinds):
        failed.append("could not seed: %s" % ", ".join(k for k in kinds if k not in seeded_ok))
    if found:
        lang, name = order[0]
        source = structure(tool, os.path.join(lessons, name))
        with open(os.path.join(lessons, lang, name), encoding="utf-8") as f:
            text = f.read()
        # Text alone: every narration line gets a word, and a @say is added for a formula on page 1.
        prose = re.sub(r"^([^@?\-=%#\s][^\n]*)$", r"\1 zusätzlich", text, flags=re.M)
        prose = re.sub(r"^(## [^\n]*\n)", r"\1\nH(P) hier.\n\n@say H(P) => die Entropie\n", prose, count=1, flags=re.M)
        mutant = os.path.join(work, "prose.lesson")
        with open(mutant, "w", encoding="utf-8") as f:
            f.write(prose)
        try:
            same = differences(source, structure(tool, mutant))
        except ValueError as e:
            same = [str(e)]
        if same:
            failed.append("a change of text alone was taken for a difference: %s" % same[0])
        else:
            print("ok a change of text alone is no difference (%s/%s)" % (lang, name))
    else:
        failed.append("no translation to seed differences into")

    # 4. The voice speaks English, German and Spanish (test_export_voice_lang.py records
    # them): a lesson in a language it lacks is refused, naming the language, before
    # anything is made.
    for lang, name in found[:1]:
        fr = os.path.join(work, "fr")
        os.makedirs(fr, exist_ok=True)
        shutil.copy(os.path.join(lessons, lang, name), os.path.join(fr, name))
        shutil.copy(os.path.join(lessons, name), os.path.join(work, name))  # a translation lies beside it
        out = os.path.join(work, "voice.mp4")
        if os.path.exists(out):
            os.remove(out)
        r = subprocess.run([xentlab, "--record", out, "--force", "--lesson", os.path.join(fr, name), "--voice"],
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 1 or "'fr'" not in r.stderr or os.path.exists(out):
            failed.append("--voice with fr/%s: exit %d, stderr %r, output made: %s" %
                          (name, r.returncode, r.stderr, os.path.exists(out)))
        else:
            print("ok --voice refuses fr/%s: %s" % (name, r.stderr.strip()[:90]))

    # 5. A lesson opened from its translation's folder without --lang sets the interface's
    # language (a video of lessons/es/... is Spanish in its panels too); --lang still wins.
    es = os.path.join(lessons, "es", "04-cross-entropy.lesson")
    for args, want, unwanted in (([], "paso 0", "step 0"), (["--lang", "en"], "step 0", "paso 0")):
        r = subprocess.run([xentlab, "--headless", "--lesson", es, "--describe"] + args,
                           capture_output=True, text=True, timeout=60, env=dict(os.environ, LANGUAGE="en"))
        if r.returncode != 0 or want not in r.stdout or unwanted in r.stdout:
            failed.append("--lesson %s %s: exit %d, wanted %r in %r" % (es, " ".join(args), r.returncode, want,
                                                                       r.stdout[-300:]))
        else:
            print("ok --lesson es/04 %s says %r" % (" ".join(args) or "(no --lang)", want))

    for f in failed:
        print("FAIL " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

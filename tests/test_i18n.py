#!/usr/bin/env python3
"""The interface's catalogues and the program in each language (issue 26).

    tests/test_i18n.py path/to/xentlab SOURCE_ROOT

  - every language of po/LINGUAS is complete: msgfmt --check --statistics says only
    "N translated messages." (no untranslated, no fuzzy), N the template's count;
  - the catalogues are current: xgettext run now over po/POTFILES finds exactly the
    messages each .po holds, and every source file that marks a string is listed in
    POTFILES (a marked string missing from a catalogue would show in English);
  - numbers keep the decimal point: no translation writes a decimal comma its English
    does not have;
  - --help is German with --lang de or LANG=de_DE.UTF-8, Spanish with --lang es or
    LANGUAGE=es:de, English with LC_ALL=C; a command-line error is in the language;
  - data/xentlab.de.1 and data/xentlab.es.1 are what scripts/man_i18n.py makes now;
  - --lang de --screenshot draws another frame than English (the words differ).
Exit status 0 pass, 1 fail.
"""
import os
import re
import subprocess
import sys
import shutil
import tempfile

FAILS = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILS.append(what)


def po_messages(path):
    """{msgid: msgstr} of a .po or .pot file (the header's empty msgid left out)."""
    text = open(path, encoding="utf-8").read()
    out = {}
    for block in text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not m or re.search(r'^#~', block, re.M):
            continue
        def join(s):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', s)
            escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
            return re.sub(r"\\(.)", lambda e: escapes.get(e.group(1), "\\" + e.group(1)), "".join(parts))
        mid = join(m.group(1))
        if mid:
            out[mid] = join(m.group(2))
    return out


def run(exe, args, env_extra=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG") + tuple(drop)}
    env.update(env_extra or {})
    return subprocess.run([exe] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)


# The keys' names: the web sheet's English spelling -> the catalogue's msgid (the desktop
# help sheet's word, src/app/panels/ui_help.c). One table: the web page's German and
# Spanish use the same words as the desktop's ("Leertaste", "Bild ab"; "Espacio", "Av Pág").
KEY_NAMES = {"Space": "Space", "Enter": "Enter", "Backspace": "Backspace", "Comma": "Comma",
             "PageDown": "PgDn", "PageUp": "PgUp"}


def page_words(root):
    """The web page's own words (src/web/index.html, its page-i18n table): every text of the
    loading, failure and keys sheets, as the browser serialises it, and every pageText()
    of its script has a German and a Spanish entry; the entries keep the English's
    markup (tags) and numbers."""
    import json
    html = open(os.path.join(root, "src", "web", "index.html"), encoding="utf-8").read()
    m = re.search(r'<script type="application/json" id="page-i18n">\n(.*?)\n</script>', html, re.S)
    check(m is not None, "the page has its page-i18n table")
    if not m:
        return
    table = json.loads(m.group(1))
    check(sorted(table) == ["de", "es"], "page-i18n has de and es")

    def sheet(name):
        start = html.index('id="%s"' % name)
        return html[start:html.index('\n</div>\n', start)]

    def norm(inner):  # the browser's innerHTML, spaces collapsed (as the page looks it up)
        inner = re.sub(r"\s+", " ", inner).strip()
        return re.sub(r"(<button[^>]*?) data-keys([ >])", r'\1 data-keys=""\2', inner)

    texts = []
    loading, failed, keys = sheet("loading"), sheet("failed"), sheet("keys")
    texts += re.findall(r"<h1>xentlab <small>(.*?)</small>", loading)
    texts += [t for t in re.findall(r"<div(?: id=\"status\")?>(.*?)</div>", loading) if t]
    texts += re.findall(r"<p>(.*?)</p>", loading + failed + keys, re.S)
    texts += re.findall(r"<h1>(.*?)</h1>", failed + keys)
    for a, b in re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", keys, re.S):
        texts.append(b)
        if re.search(r"[a-z]{3}", re.sub(r"Esc", "", a)):
            texts.append(a)  # a key column with words ("Mouse", "B or .", "Enter", "PageDown")
    texts += re.findall(r"pageText\('((?:[^'\\]|\\.)*)'", html)
    controls = html[html.index('<nav id="controls"'):html.index("</nav>")]
    texts += re.findall(r"<button[^>]*>([^<]+)</button>", controls)  # the web controls' names
    texts += re.findall(r'aria-label="([^"]+)"', html[:html.index('<div class="sheet" id="loading"')])
    texts += re.findall(r'<h2 id="scene-title">([^<]+)</h2>', html)
    texts += re.findall(r"NEXT_LABEL = \{([^}]*)\}", html) and re.findall(r"'([A-Z][^']*)'", re.findall(r"NEXT_LABEL = \{([^}]*)\}", html)[0])
    texts = [norm(t.replace("\\'", "'")) for t in texts]
    check(len(texts) > 35, "the page's sheets have %d texts" % len(texts))
    for lang in ("de", "es"):
        names = po_messages(os.path.join(root, "po", lang + ".po"))
        unlike = ["%s: %s" % (k, v) for k, v in table[lang].items() for web, msgid in KEY_NAMES.items()
                  if re.search(r"\b%s\b" % web, k) and (names.get(msgid, "") not in v or not names.get(msgid))]
        check(not unlike, "%s: the web sheet names keys as the desktop's help sheet does%s"
              % (lang, (": " + " | ".join(unlike)[:400]) if unlike else ""))
        missing = [t for t in texts if t not in table[lang]]
        check(not missing, "every text of the page has its %s entry%s" % (lang, (": missing " + " | ".join(missing)[:400]) if missing else ""))
        bad = [k for k, v in table[lang].items()
               if re.findall(r"<[^>]+>", k) != re.findall(r"<[^>]+>", v) or re.findall(r"\d", k) != re.findall(r"\d", v)]
        check(not bad, "%s entries keep the English's tags and digits%s" % (lang, (": " + " | ".join(bad)[:300]) if bad else ""))


def main():
    exe, root = sys.argv[1], sys.argv[2]
    po = os.path.join(root, "po")
    langs = open(os.path.join(po, "LINGUAS")).read().split()
    check(langs == ["de", "es"], "po/LINGUAS lists de and es: %s" % langs)

    # The template, made now from the sources as meson's xentlab-pot target makes it.
    potfiles = [l.strip() for l in open(os.path.join(po, "POTFILES")) if l.strip() and not l.startswith("#")]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "now.pot")
        subprocess.run(["xgettext", "--directory=" + root, "--keyword=_", "--keyword=N_", "--from-code=UTF-8",
                        "-o", pot] + potfiles, check=True)
        fresh = po_messages(pot)
    check(len(fresh) > 400, "xgettext finds %d messages" % len(fresh))
    marked = []
    for d, _, files in os.walk(os.path.join(root, "src")):
        for f in files:
            if f.endswith(".c"):
                rel = os.path.relpath(os.path.join(d, f), root)
                src = open(os.path.join(d, f), encoding="utf-8").read()
                if re.search(r'(?<![A-Za-z0-9_])N?_\("', src):
                    marked.append(rel)
    missing = sorted(set(marked) - set(potfiles))
    check(not missing, "every file that marks a string is in po/POTFILES%s" % (": missing " + ", ".join(missing) if missing else ""))

    for lang in langs:
        path = os.path.join(po, lang + ".po")
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        stats = (r.stdout + r.stderr).decode().strip()
        m = re.fullmatch(r"(\d+) translated messages?\.", stats)
        check(r.returncode == 0 and m is not None, "%s.po: msgfmt --check --statistics: %s" % (lang, stats))
        msgs = po_messages(path)
        check(m is not None and int(m.group(1)) == len(fresh),
              "%s.po translates all %d messages of the sources" % (lang, len(fresh)))
        stale = sorted(set(msgs) - set(fresh))[:3]
        absent = sorted(set(fresh) - set(msgs))[:3]
        check(not stale and not absent, "%s.po is current (not in the sources: %s; not in the catalogue: %s)"
              % (lang, stale, absent))
        commas = [k for k, v in msgs.items() if len(re.findall(r"\d,\d", v)) > len(re.findall(r"\d,\d", k))]
        check(not commas, "%s.po keeps the decimal point%s" % (lang, (": " + repr(commas[:2])) if commas else ""))

    # --help in each language, by flag and by environment.
    def help_first(args, env=None):
        r = run(exe, args, env)
        return r.returncode, r.stdout.decode("utf-8", "replace").split("\n", 1)[0]

    english = "Usage: xentlab [OPTION]..."
    for args, env, want in [
        (["--help"], {"LC_ALL": "C"}, english),
        (["--lang", "de", "--help"], None, "Aufruf: xentlab [OPTION]..."),
        (["--help", "--lang", "es"], None, "Uso: xentlab [OPCIÓN]..."),
        (["--help"], {"LANG": "de_DE.UTF-8"}, "Aufruf: xentlab [OPTION]..."),
        (["--help"], {"LANGUAGE": "es:de", "LANG": "de_DE.UTF-8"}, "Uso: xentlab [OPCIÓN]..."),
        (["--help"], {"LC_MESSAGES": "fr_FR.UTF-8"}, english),
        (["--lang", "en", "--help"], {"LANG": "de_DE.UTF-8"}, english),
    ]:
        code, first = help_first(args, env)
        check(code == 0 and first == want, "%s %s: '%s'" % (env or "", " ".join(args), first))
    r = run(exe, ["--lang", "de", "--help"])
    text = r.stdout.decode()
    check("--lang CODE" in text and "Kreuzentropie" in text and "0.6 bis 2" in text,
          "the German --help names --lang, says Kreuzentropie, writes 0.6 bis 2")
    r = run(exe, ["--lang", "de", "--bogus"])
    check(r.returncode == 2 and "unbekannte Option '--bogus'" in r.stderr.decode(),
          "a command-line error in German: %r" % r.stderr.decode()[:80])
    r = run(exe, ["--lang", "fr"])
    check(r.returncode == 2 and "en, de, es" in r.stderr.decode(), "--lang fr names the languages")

    # The translated manual pages are the translated --help of now.
    r = subprocess.run([sys.executable, os.path.join(root, "scripts", "man_i18n.py"), "--check", exe],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check(r.returncode == 0, "data/xentlab.de.1 and .es.1 are current: %s" % r.stdout.decode().strip())

    # A frame in German differs from the English one (the same scene, other words).
    with tempfile.TemporaryDirectory() as tmp:
        shots = {}
        for lang in ("en", "de", "es"):
            out = os.path.join(tmp, lang + ".png")
            r = run(exe, ["--headless", "--lang", lang, "--steps", "10", "--screenshot", out])
            check(r.returncode == 0 and os.path.getsize(out) > 1000, "--lang %s --screenshot" % lang)
            shots[lang] = open(out, "rb").read()
        check(shots["de"] != shots["en"] and shots["es"] != shots["en"] and shots["de"] != shots["es"],
              "the German, Spanish and English frames differ")

    # No catalogue anywhere: the line names every place looked in, XENTLAB_LOCALEDIR's first
    # (the program copied alone, so the build's po/ beside it is not found either).
    with tempfile.TemporaryDirectory() as tmp:
        alone, empty = os.path.join(tmp, "xentlab"), os.path.join(tmp, "no-locale")
        shutil.copy(exe, alone)
        os.mkdir(empty)
        r = run(alone, ["--lang", "es", "--version"], {"XENTLAB_LOCALEDIR": empty})
        err = r.stderr.decode()
        check(r.returncode == 0 and "no catalogue for 'es'" in err
              and "es/LC_MESSAGES/xentlab.mo under %s, " % empty in err, "no catalogue: the places named: %s" % err)

    page_words(root)

    # Core's own lines through the translator: the coins' status, and --scenario X --help.
    r = run(exe, ["--lang", "de", "--scenario", "microstates", "--help"])
    out = r.stdout.decode()
    check(r.returncode == 0 and "Szenario microstates" in out and "Parameter (--param NAME=WERT" in out
          and "Zahl der Münzen" in out, "--scenario microstates --help in German")
    r = run(exe, ["--lang", "es", "--do", "select 9"])
    check(r.returncode == 2 and "necesita K de 1 a 5, el número de clases" in r.stderr.decode(),
          "a --do error in Spanish, its noun's plural translated: %s" % r.stderr.decode().strip())

    print("i18n: %d failed" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())

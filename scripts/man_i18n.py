#!/usr/bin/env python3
"""The manual page in German and Spanish, made from the translated --help (issue 26).

    scripts/man_i18n.py path/to/xentlab            write data/xentlab.de.1, data/xentlab.es.1
    scripts/man_i18n.py --check path/to/xentlab    exit 1 if either differs (tests/test_i18n.py)

The English page (data/xentlab.1) is the complete reference; a translated page holds
what `xentlab --lang CODE --help` says (the options, the keys, the exit status) in the
man page's form, and points to the English one for the commands, scenarios and files.
meson installs them as man/de/man1/xentlab.1 and man/es/man1/xentlab.1 (`man -L de
xentlab`). Run it again after a change to --help's text or its translations.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATE = "2026-12-07"

LANGS = ("de", "es")

# The page's own words, a row a word: German, then Spanish (LANGS' order).
WORDS_BY_KEY = {
    "language": ("German", "Spanish"),
    "section": ("Benutzerbefehle", "Órdenes de usuario"),
    "name": ("BEZEICHNUNG", "NOMBRE"),
    "synopsis": ("ÜBERSICHT", "SINOPSIS"),
    "description": ("BESCHREIBUNG", "DESCRIPCIÓN"),
    "options": ("OPTIONEN", "OPCIONES"),
    "keys": ("TASTEN", "TECLAS"),
    "status": ("RÜCKGABEWERT", "ESTADO DE SALIDA"),
    "see": ("SIEHE AUCH", "VÉASE TAMBIÉN"),
    "what": ("Überraschung, Entropie, Kreuzentropie und KL\\-Divergenz sehen, während der "
             "Gradientenabstieg lernt",
             "ver la sorpresa, la entropía, la entropía cruzada y la divergencia KL mientras "
             "aprende el descenso de gradiente"),
    "option": ("OPTION", "OPCIÓN"),
    "numbers": ("Zahlen stehen in jeder Sprache mit Dezimalpunkt (0.5, nicht 0,5).",
                "Los números llevan punto decimal en todos los idiomas (0.5, no 0,5)."),
    "full": ("Die vollständige Referenz (Befehle, Szenarien, Lektionen, Dateien, Umgebung) ist "
             "die englische Handbuchseite:",
             "La referencia completa (órdenes, escenarios, lecciones, archivos, entorno) es la "
             "página de manual en inglés:"),
}
WORDS = {lang: {key: row[i] for key, row in WORDS_BY_KEY.items()} for i, lang in enumerate(LANGS)}


def roff(line):
    """A line of text as troff reads it literally."""
    line = line.replace("\\", "\\e").replace("-", "\\-")
    if line.startswith((".", "'")):
        line = "\\&" + line
    return line


def page(exe, lang):
    w = WORDS[lang]
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    text = subprocess.run([exe, "--lang", lang, "--help"], stdout=subprocess.PIPE, check=True,
                          env=env).stdout.decode("utf-8")
    paragraphs = text.rstrip("\n").split("\n\n")
    # 0: the usage line and what xentlab does; 1: the options; 2: the keys; 3: exit status.
    if len(paragraphs) != 4:
        sys.exit("man_i18n: --help in %s has %d paragraphs, expected 4" % (lang, len(paragraphs)))
    head = paragraphs[0].split("\n")
    out = [
        '.\\" xentlab(1) in %s: made by scripts/man_i18n.py from `xentlab --lang %s --help`; do not edit.'
        % (w["language"], lang),
        '.TH XENTLAB 1 %s "xentlab 0.1.0" "%s"' % (DATE, w["section"]),
        ".SH %s" % w["name"],
        "xentlab \\- %s" % w["what"],
        ".SH %s" % w["synopsis"],
        ".B xentlab",
        "[\\fI%s\\fR]..." % w["option"],
        ".SH %s" % w["description"],
    ]
    out += [roff(l) for l in head[1:]]
    out += [".PP", roff(w["numbers"])]
    out += [".SH %s" % w["options"], ".nf"] + [roff(l) for l in paragraphs[1].split("\n")] + [".fi"]
    out += [".SH %s" % w["keys"]] + [roff(l) for l in paragraphs[2].split("\n")]
    out += [".SH %s" % w["status"]] + [roff(l) for l in paragraphs[3].split("\n")]
    out += [".SH %s" % w["see"], roff(w["full"]), ".B LANG=C man xentlab", ".br",
            "/usr/share/doc/xentlab, docs/user\\-guide.md"]
    # Letters past ASCII as troff's own escapes, so plain groff reads the page too.
    return "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in "\n".join(out) + "\n")


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    if len(args) != 1:
        sys.exit(__doc__)
    differ = []
    for lang in WORDS:
        path = os.path.join(ROOT, "data", "xentlab.%s.1" % lang)
        text = page(args[0], lang)
        if check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != text:
                differ.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if differ:
        print("man_i18n: out of date (run scripts/man_i18n.py build/xentlab): " + ", ".join(differ))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The scene in words in German and Spanish (issue 26).

    tests/test_describe_i18n.py path/to/xentlab

--describe with --lang de and --lang es: the sentences of the description come from the
catalogues (whole sentences, po/de.po and po/es.po), around the very numbers the English
description says, in the same order (every translated format keeps its conversions in
order, and numbers keep the decimal point); --lang en is the English description byte for
byte. Checked on lesson 4 page 2 (the lesson's page, the softmax scene) and on the softmax
scenario after 15 steps (what changed, the loss's fall); and the words a voice says
(--trace's "words"), the numbers spelt out in the language with its decimal "Komma" and
"coma", the formulas in its words. Exit status 0 pass, 1 fail.
"""
import os
import re
import subprocess
import sys

EXE = sys.argv[1]
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
    ENV.pop(k, None)
failures = []


def check(ok, msg):
    print(("ok   " if ok else "FAIL ") + msg, flush=True)
    if not ok:
        failures.append(msg)


def describe(lang, args):
    cmd = [EXE, "--headless", "--describe"] + (["--lang", lang] if lang else []) + args
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=ENV, stdin=subprocess.DEVNULL)
    check(p.returncode == 0, "%s exits 0 (%s)" % (" ".join(cmd[1:]), p.stderr.strip()[:200]))
    return p.stdout


def numbers(text):
    """The decimal numbers said, in order (a sentence's closing point left off)."""
    return re.findall(r"\d+\.\d+", text)


CASES = {
    "lesson 4 page 2": (["--lesson", "4", "--page", "2"], {
        "en": ["Lesson “Cross-entropy”, page 2 of 3", "The loss H(P,Q) is 2.1592 nats: 0.7051 above its floor H(P) 1.4541",
               "Gradient descent at learning rate 0.50; paused at step 0."],
        "de": ["Lektion „Kreuzentropie“, Seite 2 von 3",
               "Die Balken vergleichen die wahre Verteilung P über 5 Klassen",
               "Der Verlust H(P,Q) beträgt 2.1592 nats: 0.7051 über seiner Untergrenze H(P) 1.4541, die Lücke D_KL(P‖Q)",
               "wahres p = 0.400, vorhergesagtes q = 0.100",
               "Gradientenabstieg mit Lernrate 0.50; pausiert bei Schritt 0."],
        "es": ["Lección «Entropía cruzada», página 2 de 3",
               "Las barras comparan la distribución verdadera P sobre 5 clases",
               "La pérdida H(P,Q) es 2.1592 nats: 0.7051 por encima de su suelo H(P) 1.4541, la brecha D_KL(P‖Q)",
               "p verdadera = 0.400, q predicha = 0.100",
               "Descenso de gradiente con tasa de aprendizaje 0.50; en pausa en el paso 0."],
    }),
    "softmax after 15 steps": (["--scenario", "softmax", "--steps", "15"], {
        "en": ["The loss fell 1.9686 nats since step 0, to 1.7362.", "paused at step 15."],
        "de": ["Der Verlust fiel um 1.9686 nats seit Schritt 0, auf 1.7362.", "Softmax-Klassifikator.",
               "Der Verlust H(P,Q) beträgt 1.7362 nats: 0.2821 über seiner Untergrenze H(P) 1.4541",
               "pausiert bei Schritt 15."],
        "es": ["La pérdida bajó 1.9686 nats desde el paso 0, hasta 1.7362.", "Clasificador softmax.",
               "La pérdida H(P,Q) es 1.7362 nats: 0.2821 por encima de su suelo H(P) 1.4541",
               "en pausa en el paso 15."],
    }),
}
ENGLISH_WORDS = ["The loss", "Gradient descent", "paused at step", "above its floor", "The bars compare"]

for name, (args, want) in CASES.items():
    text = {lang: describe(lang, args) for lang in ("en", "de", "es")}
    check(text["en"] == describe(None, args), "%s: --lang en is the English description byte for byte" % name)
    for lang, phrases in want.items():
        missing = [ph for ph in phrases if ph not in text[lang]]
        check(not missing, "%s, %s: says %s" % (name, lang, missing or "every expected sentence"))
    for lang in ("de", "es"):
        english = [w for w in ENGLISH_WORDS if w in text[lang]]
        check(not english, "%s, %s: no English sentence left (%s)" % (name, lang, english))
        check(numbers(text[lang]) == numbers(text["en"]) and len(numbers(text["en"])) >= 6,
              "%s, %s: the same numbers as the English, in order (%s vs %s)"
              % (name, lang, numbers(text[lang])[:12], numbers(text["en"])[:12]))

# The words a voice says (--describe --trace's "words"): the numbers spelt out in the
# language, the decimal point said "Komma" and "coma", the formulas in its words.
import json
SPOKEN = {
    "en": ["The loss fell one point nine six eight six nats since step zero, to one point seven three six two.",
           "The loss H of P and Q is one point seven three six two nats"],
    "de": ["Der Verlust fiel um eins Komma neun sechs acht sechs nats seit Schritt null, auf eins Komma sieben drei "
           "sechs zwei.", "Der Verlust H von P und Q beträgt eins Komma sieben drei sechs zwei nats",
           "die Lücke K L Divergenz von P und Q"],
    "es": ["La pérdida bajó uno coma nueve seis ocho seis nats desde el paso cero, hasta uno coma siete tres seis dos.",
           "La pérdida H de P y Q es uno coma siete tres seis dos nats", "la brecha divergencia K L de P y Q"],
}
for lang, phrases in SPOKEN.items():
    out = describe(lang, ["--trace", "--scenario", "softmax", "--steps", "15"])
    words = [json.loads(x)["words"] for x in out.splitlines() if x.strip() and '"words"' in x]
    last = words[-1] if words else ""
    missing = [ph for ph in phrases if ph not in last]
    check(len(words) == 2 and not missing, "spoken, %s: %s" % (lang, missing or "the numbers and formulas in its words"))

sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""The lists of commands and keys that cannot be generated, checked against the registry.

    tests/test_command_docs.py path/to/xentlab data/xentlab.1 src/web/index.html [docs/user-guide.md]

`xentlab --list-commands` is written from the command registry (the shared commands'
table and every scenario's verbs, with their keys). The man page is written by hand and
the browser build cannot run a generator, so this checks them instead:
  - the man page's COMMANDS: the same commands, under the same headings (shared, one per
    scenario, the window's), each with its help line and its key;
  - the man page's KEYS: every key of every scenario's verb is listed;
  - the web page's key sheet: every key it names is a key of the registry (or the lesson
    player's), and every scenario it names is registered;
  - the user guide's key table: every command it names is one, and every shared key is in it;
  - the user guide's command list (between "<!-- commands: begin -->" and "<!-- commands:
    end -->"): exactly the lines user_guide_block() makes of --list-commands, which
    `tests/test_command_docs.py XENTLAB --user-guide` prints to paste in.
Exit status 0 pass, 1 fail (with every drift found).
"""
import re
import subprocess
import sys

# Rows of the web key sheet that are not keys of the registry: the lesson player's, and
# the pointer's (Mouse, Touch).
PLAYER_KEYS = {"M", "PageDown", "PageUp", "Esc", ".", "Mouse", "Touch", "F5", "Shift+F5"}


def registry(xentlab):
    """[(group, name, usage, key, help)] from --list-commands; group: 'shared', an id, 'window'."""
    out = subprocess.run([xentlab, "--list-commands"], capture_output=True, text=True, check=True).stdout
    group, rows = None, []
    for line in out.splitlines():
        if line.startswith("# xentlab"):
            continue
        if line.startswith("# "):
            head = line[2:]
            group = "shared" if head.startswith("shared") else "window" if head.startswith("the window") else head.split(":")[0]
            continue
        if line.startswith("    "):
            continue
        m = re.match(r"(\S.*?)\s{2,}(\S.*?)\s{2,}(.*)$", line)
        assert m, f"--list-commands: cannot read {line!r}"
        usage, key, help_ = m.groups()
        rows.append((group, usage.split()[0], usage, key, help_))
    ids = subprocess.run([xentlab, "--list-scenarios"], capture_output=True, text=True, check=True).stdout
    return rows, [l.split()[0] for l in ids.splitlines() if l.strip()]


def unroff(t):
    t = t.replace("\\-", "-").replace("\\e", "\\").replace("\\(*b", "β").replace("\\(*r", "ρ").replace("\\(*e", "ε").replace("\\(*l", "λ").replace("\\(+-", "±").replace("\\(if", "∞")
    return t.replace("\\(*s", "σ").replace("\\(ua", "Up").replace("\\(da", "Down").replace("\\(<-", "Left").replace(
        "\\(->", "Right")


def section(text, name):
    m = re.search(r"^\.SH %s\n(.*?)^\.SH " % name, text, re.S | re.M)
    assert m, f"the man page has no {name} section"
    return m.group(1)


def man_commands(text):
    """[(group, name, text)] from the COMMANDS section."""
    body = section(text, "COMMANDS")
    group, out = None, []
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SS"):
            head = line[3:].strip().strip('"')
            group = "shared" if head.startswith("Shared") else "window" if head.startswith("The window") else head
        elif line.startswith(".TP") and i + 2 < len(lines):
            tag = lines[i + 1]
            m = re.match(r'\.BI? (\S+)', tag)
            if m:
                out.append((group, unroff(m.group(1)), unroff(lines[i + 2])))
    return out


def man_keys(text):
    """Every key named in the KEYS section's tags, e.g. 'K', 'Shift+K', 'Up', 'Enter'."""
    body = section(text, "KEYS")
    keys = set()
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".TP") and i + 1 < len(lines):
            tag = re.sub(r'"[^"]*"', " ", unroff(lines[i + 1]))
            for tok in tag.split()[1:]:
                keys.add(tok.strip(","))
    return keys


def web_keys(html):
    """[(cells' key tokens, description)] of the key sheet's table."""
    sheet = re.search(r'<div class="sheet" id="keys".*?<table>(.*?)</table>', html, re.S)
    assert sheet, "no key sheet in the web page"
    rows = []
    for key_cell, what in re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", sheet.group(1)):
        k = key_cell.replace("Ctrl +/−", "Ctrl+Plus · Ctrl+Minus").replace("+ / −", "Plus · Minus")
        k = k.replace("Ctrl ", "Ctrl+").replace("⇧", "Shift+").replace("↑", "Up").replace("↓", "Down")
        k = k.replace("←", "Left").replace("→", "Right").replace("1–9", "1 ... 9")
        toks = [t.strip() for part in k.split("·") for alt in part.split(" or ") for t in alt.split("/")]
        rows.append(([t for t in toks if t], what))
    return rows


GROUP_TITLES = {"shared": "Every scenario", "window": "The window's own (`--do` and replays; not lessons)"}


def user_guide_block(rows):
    """The user guide's command list: a heading per group, one line per command."""
    out, group = [], None
    for g, _, usage, key, help_ in rows:
        if g != group:
            group = g
            out += (["", ""] if out else []) + ["**%s**" % GROUP_TITLES.get(g, "The %s scenario's own" % g), ""]
        out.append("- `%s`%s — %s" % (usage, "" if key == "-" else " (%s)" % key, help_))
    return out


def guide_keys(text):
    """The command names of the user guide's key table (between the keys markers)."""
    m = re.search(r"<!-- keys: begin -->\n(.*?)\n<!-- keys: end -->", text, re.S)
    if not m:
        return None
    names = set()
    for line in m.group(1).splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2:
            names.update(n.split()[0] for n in re.findall(r"`([^`]+)`", cells[1]))
    return names


def guide_block(text):
    m = re.search(r"<!-- commands: begin -->\n(.*?)\n<!-- commands: end -->", text, re.S)
    return m.group(1).split("\n") if m else None


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--user-guide":
        print("\n".join(user_guide_block(registry(sys.argv[1])[0])))
        return 0
    xentlab, man_path, web_path = sys.argv[1:4]
    rows, ids = registry(xentlab)
    faults = []
    man = open(man_path, encoding="utf-8").read()
    listed = {(g, n): (k, h) for g, n, _, k, h in rows}
    in_man = {}
    for g, n, t in man_commands(man):
        in_man[(g, n)] = t
    for gn, (k, h) in listed.items():
        if gn not in in_man:
            faults.append(f"man page: no command {gn[1]} under '{gn[0]}'")
            continue
        if not in_man[gn].startswith(h):
            faults.append(f"man page: {gn[1]} ({gn[0]}) says {in_man[gn]!r}, the registry {h!r}")
        if k != "-" and f"(key {k})" not in in_man[gn]:
            faults.append(f"man page: {gn[1]} ({gn[0]}) does not give its key {k}")
    for gn in in_man:
        if gn not in listed:
            faults.append(f"man page: {gn[1]} under '{gn[0]}' is not in the registry")
    keys = man_keys(man)
    all_keys = set(PLAYER_KEYS)
    for g, n, _, k, _ in rows:
        for one in k.split(" or "):
            all_keys.add(one)
            if g not in ("shared", "window") and k != "-" and one not in keys:
                faults.append(f"man page KEYS: no {one} ({n}, {g})")
    for toks, what in web_keys(open(web_path, encoding="utf-8").read()):
        for t in toks:
            if t not in all_keys:
                faults.append(f"web key sheet: '{t}' ({what}) is no key of the registry")
        m = re.search(r"next scenario \((.*?)\)", what)
        for name in (m.group(1).split(",") if m else []):
            if name.strip().lower() not in ids:
                faults.append(f"web key sheet: no scenario '{name.strip()}' is registered")
    if len(sys.argv) > 4:
        guide = open(sys.argv[4], encoding="utf-8").read()
        in_table = guide_keys(guide)
        if in_table is None:
            faults.append("user guide: no '<!-- keys: begin -->' ... '<!-- keys: end -->' table")
        else:
            names = {n for _, n, _, _, _ in rows}
            faults += [f"user guide key table: '{n}' is no command of the registry" for n in sorted(in_table - names)]
            faults += [f"user guide key table: {n} ({k}) is missing" for g, n, _, k, _ in rows
                       if g in ("shared", "window") and k not in ("-", "mouse") and n not in in_table]
        have = guide_block(guide)
        want = user_guide_block(rows)
        if have is None:
            faults.append("user guide: no '<!-- commands: begin -->' ... '<!-- commands: end -->' block")
        elif have != want:
            diff = [f"{a!r} / {b!r}" for a, b in zip(have, want) if a != b][:3]
            faults.append(f"user guide: the command list differs from --list-commands ({len(have)} lines, "
                          f"{len(want)} expected; first: {diff or 'a length'}); paste in the output of "
                          f"tests/test_command_docs.py XENTLAB --user-guide")
    for f in faults:
        print("FAIL", f)
    print(f"{len(listed)} commands, {len(keys)} man page keys checked; {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())

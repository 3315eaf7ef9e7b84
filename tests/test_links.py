#!/usr/bin/env python3
"""test_links: every relative link in the documentation leads somewhere.

    test_links.py SOURCE_ROOT

Reads README.md, HACKING.md, docs/*.md and lessons/README.md under SOURCE_ROOT and
checks each Markdown link and image that is not a URL (http:, https:, mailto:): the
file or folder it names exists, and a #fragment names a heading of the target file
(GitHub's anchors: lower case, punctuation dropped, blanks to hyphens). Links inside
code (fenced blocks and `inline code`) are not links and are skipped. Prints each
broken link as FILE:LINE: and exits 1 if there is any; 0 otherwise.
"""
import os
import re
import sys

LINK = re.compile(r'!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')
INLINE_CODE = re.compile(r'`+[^`]*`+')


def prose_lines(text):
    """(line number, line) for every line outside fenced code, inline code blanked."""
    fence = None
    for n, line in enumerate(text.split('\n'), 1):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith('```') or stripped.startswith('~~~'):
            fence = stripped[:3]
            continue
        yield n, INLINE_CODE.sub('', line)


def slug(title):
    title = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', title)   # a link's text
    title = title.replace('`', '').strip().lower()
    title = re.sub(r'[^\w\- ]', '', title)
    return title.replace(' ', '-')


def anchors(path, cache={}):
    if path not in cache:
        seen, found = {}, set()
        with open(path, encoding='utf-8') as f:
            for _, line in prose_lines(f.read()):
                m = HEADING.match(line)
                if not m:
                    continue
                s = slug(m.group(2))
                k = seen.get(s, 0)
                seen[s] = k + 1
                found.add(s if k == 0 else '%s-%d' % (s, k))
        cache[path] = found
    return cache[path]


def check(root, rel):
    path = os.path.join(root, rel)
    errors, count = [], 0
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for n, line in prose_lines(text):
        for m in LINK.finditer(line):
            target = m.group(1)
            if re.match(r'^[a-z][a-z0-9+.-]*:', target, re.I):
                continue   # a URL
            count += 1
            file_part, _, fragment = target.partition('#')
            dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            if not os.path.abspath(dest).startswith(os.path.abspath(root) + os.sep):
                errors.append('%s:%d: %s leads outside the repository' % (rel, n, target))
            elif not os.path.exists(dest):
                errors.append('%s:%d: %s: no such file' % (rel, n, target))
            elif fragment and dest.endswith('.md') and fragment not in anchors(dest):
                errors.append('%s:%d: %s: no heading "%s" in %s' % (rel, n, target, fragment,
                                                                    os.path.relpath(dest, root)))
    return errors, count


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = os.path.abspath(sys.argv[1])
    files = ['README.md', 'HACKING.md', 'lessons/README.md']
    files += sorted('docs/' + f for f in os.listdir(os.path.join(root, 'docs')) if f.endswith('.md'))
    errors, total = [], 0
    for rel in files:
        if not os.path.exists(os.path.join(root, rel)):
            errors.append('%s: missing' % rel)
            continue
        e, n = check(root, rel)
        errors += e
        total += n
    for e in errors:
        print(e)
    print('%d relative links in %d files, %d broken' % (total, len(files), len(errors)))
    # A check that found nothing to check has checked nothing.
    if total == 0:
        print('no relative links found: the link pattern is broken')
        return 1
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

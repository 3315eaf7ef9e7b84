#!/usr/bin/env python3
"""The characters of the browser's CJK font subset (scripts/web.sh), one text to stdout.

    python3 scripts/web-cjk.py [FOLDER ...]      (default: lessons tests/data)

The page bundles no CJK font in its data (an English, German or Spanish page downloads
none); xentlab-cjk.ttf, beside the page, is fetched the first time the program meets a
CJK character no bundled font has (src/web/index.html). It holds:
  - GB 2312's level 1: the 3,755 frequently used Chinese characters (rows 16 to 55),
    which most modern Chinese text keeps to;
  - every CJK character of the lessons and test lessons under FOLDER, so a shipped
    lesson is whole even where it goes past level 1;
  - CJK punctuation (U+3000..U+303F), the kana (U+3040..U+30FF) and the full-width
    forms (U+FF01..U+FF5E), which Chinese and Japanese text punctuate with.
"""
import os, sys


def is_cjk(cp):
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x2FFFF)


def main():
    chars = set()
    for hi in range(0xB0, 0xD8):              # level 1: rows 16..55 in EUC-CN
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass                          # row 55 ends at 0xD7F9
    for cp in list(range(0x3000, 0x3100)) + list(range(0xFF01, 0xFF5F)):
        chars.add(chr(cp))
    for folder in sys.argv[1:] or ['lessons', 'tests/data']:
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                if not name.endswith('.lesson'):
                    continue
                with open(os.path.join(root, name), encoding='utf-8', errors='replace') as f:
                    chars.update(c for c in f.read() if is_cjk(ord(c)))
    sys.stdout.write(''.join(sorted(chars)) + '\n')


if __name__ == '__main__':
    main()

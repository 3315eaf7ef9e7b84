#!/usr/bin/env python3
"""The self time of a perf recording, by function: scripts/profile_frame.sh's report.

    python3 scripts/profile_symbols.py PERF_DATA [TOP]      (TOP defaults to 25)

Reads `perf script` (one line per sample), and prints the share of the samples each
thread, each library and each function took, the TOP functions first. A library
shipped without its symbol table (Debian's SDL2 is stripped: its internal functions,
the software renderer's blitters among them, have no names without its debug symbols
package) would show one line per sampled address; here such samples are grouped by the
function that holds them, found from the library's unwind table (.eh_frame, which
every function has), and shown as LIBRARY@0xSTART, the function's first address in the
file (`objdump -d --start-address=0xSTART LIBRARY` shows its code).
"""
import bisect, collections, os, re, subprocess, sys

MMAP = re.compile(r'PERF_RECORD_MMAP2? (\d+)/(\d+): \[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0)[^\]]*\]: '
                  r'(\S+) (.+)$')
SAMPLE = re.compile(r'^\s*(\d+)\s+([0-9a-f]+)\s+(.+?)\s+\((.*)\)\s*$')
FDE = re.compile(r'\bFDE\b.*pc=([0-9a-f]+)\.\.([0-9a-f]+)')

_fde_cache = {}


def functions_of(path):
    """Sorted (start, end) address ranges of the functions in an ELF file's unwind table."""
    if path not in _fde_cache:
        ranges = []
        try:
            out = subprocess.run(['readelf', '--debug-dump=frames', path], capture_output=True, text=True,
                                 timeout=120).stdout
            for m in FDE.finditer(out):
                ranges.append((int(m.group(1), 16), int(m.group(2), 16)))
        except (OSError, subprocess.SubprocessError):
            pass
        ranges.sort()
        _fde_cache[path] = (ranges, [r[0] for r in ranges])
    return _fde_cache[path]


def name_unknown(path, vaddr):
    ranges, starts = functions_of(path)
    i = bisect.bisect_right(starts, vaddr) - 1
    base = os.path.basename(path)
    if i >= 0 and ranges[i][0] <= vaddr < ranges[i][1]:
        return f'{base}@0x{ranges[i][0]:x}'
    return f'{base}@0x{vaddr:x} (outside any function)'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    proc = subprocess.run(['perf', 'script', '-i', data, '-F', 'tid,ip,sym,dso', '--show-mmap-events'],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f'perf script failed: {proc.stderr.strip()}')
    maps = []          # (start, end, pgoff, path) of executable mappings
    pid = None
    by_sym = collections.Counter()
    by_sym_main = collections.Counter()
    by_dso = collections.Counter()
    by_thread = collections.Counter()
    lib_of = {}
    total = 0
    for line in proc.stdout.splitlines():
        m = MMAP.search(line)
        if m:
            p, _tid, start, length, pgoff, prot, path = m.groups()
            if pid is None and not path.startswith('['):
                pid = int(p)
            if 'x' in prot:
                s = int(start, 16)
                maps.append((s, s + int(length, 16), int(pgoff, 16), path.strip()))
            continue
        m = SAMPLE.match(line)
        if not m:
            continue
        tid, ip, sym, dso = int(m.group(1)), int(m.group(2), 16), m.group(3), m.group(4)
        sym = re.sub(r'\+0x[0-9a-f]+$', '', sym)
        if sym == '[unknown]' and dso.startswith('/'):
            for s, e, off, path in reversed(maps):  # the latest mapping that holds it
                if s <= ip < e:
                    sym = name_unknown(path, ip - s + off)
                    break
        lib = os.path.basename(dso) if dso else '[unknown]'
        total += 1
        by_sym[sym] += 1
        lib_of[sym] = lib
        by_dso[lib] += 1
        main_thread = pid is not None and tid == pid
        by_thread['main thread' if main_thread else f'thread {tid}'] += 1
        if main_thread:
            by_sym_main[sym] += 1
    if total == 0:
        sys.exit('no samples in ' + data)

    def pct(n):
        return 100.0 * n / total

    print(f'{total} samples')
    print('threads:   ' + ', '.join(f'{k} {pct(v):.1f}%' for k, v in by_thread.most_common()))
    print('libraries: ' + ', '.join(f'{k} {pct(v):.1f}%' for k, v in by_dso.most_common(8)))
    print(f'top {top} functions by self time (share of all samples; the part on the main thread):')
    for sym, n in by_sym.most_common(top):
        print(f'  {pct(n):6.2f}%  {sym[:58]:58s} {lib_of[sym][:26]:26s} main {100.0 * by_sym_main[sym] / n:3.0f}%')


if __name__ == '__main__':
    main()

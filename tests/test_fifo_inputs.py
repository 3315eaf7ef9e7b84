#!/usr/bin/env python3
"""test_fifo_inputs: a FIFO handed as a lesson or a replay file ends at once (issue 25).

    test_fifo_inputs.py XENTLAB OUTDIR

A file a user is handed is hostile, and a tar archive can hold a FIFO: opening one waits
for a writer, so --check, --lesson and --replay froze forever on it (and --record
--lesson FIFO --voice). Each now reads it as empty and says so, within seconds; a pipe
(/dev/stdin) is still read."""
import os
import shutil
import subprocess
import sys


def main():
    xentlab, outdir = sys.argv[1], sys.argv[2]
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    fifo = os.path.join(outdir, 'hostile.lesson')
    os.mkfifo(fifo)
    failed = 0
    for args, want in [(['--check', fifo], 'an empty lesson'),
                       (['--lesson', fifo, '--headless'], 'an empty lesson'),
                       (['--replay', fifo, '--headless'], 'empty: not an input recording'),
                       (['--record', os.path.join(outdir, 'o.mp4'), '--lesson', fifo, '--voice'], 'an empty lesson')]:
        try:
            p = subprocess.run([xentlab] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               timeout=10, cwd=outdir)
            ok = p.returncode == 1 and want in p.stderr
            got = 'exit %d: %s' % (p.returncode, p.stderr.strip()[:160])
        except subprocess.TimeoutExpired:
            ok, got = False, 'still waiting after 10 s'
        print(('ok   ' if ok else 'FAIL ') + ' '.join(args[:2]) + ': ' + got)
        failed += not ok
    p = subprocess.run([xentlab, '--check', '/dev/stdin'], input='# T\n\n## P\n\nHello.\n', stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=10)
    ok = p.returncode == 0
    print(('ok   ' if ok else 'FAIL ') + 'a pipe is still read: ' + p.stdout.strip()[:160])
    failed += not ok
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

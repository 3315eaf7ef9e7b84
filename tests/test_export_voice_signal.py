#!/usr/bin/env python3
"""test_export_voice_signal: a --voice export stopped by SIGTERM or SIGINT, or refused (issue 25).

    test_export_voice_signal.py XENTLAB OUTDIR

The voice is synthesized before the first frame is drawn (a long page takes tens of
seconds), and its track is written and measured by ffmpeg before the frames too. A
signal in any of these moments must end the export as one during the frames does: exit
130 soon after, "interrupted" said, nothing under OUT's final names and no temporary
(.OUT.partial-PID.*) left beside it. Before, the default action killed the program there
and left .OUT.partial-PID.voice.wav and .ffmpeg.log behind (SIGTERM), and a SIGINT that
the shell had the program ignore was lost until the synthesis ended.
An export the output refuses (an existing OUT.vtt without --force, an odd size) is refused
before the voice is said, not after it.
Exits 77 (skipped) without ffmpeg or without a voice in this build."""
import os
import shutil
import signal
import subprocess
import sys
import time

FAILED = []


def main():
    xentlab, outdir = sys.argv[1], sys.argv[2]
    if not shutil.which('ffmpeg'):
        print('skip: no ffmpeg')
        return 77
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    # One page of 4 KB of digits: about 40 s of synthesis at full speed.
    lesson = os.path.join(outdir, 'long.lesson')
    with open(lesson, 'w') as f:
        f.write('# Long\n\n## Digits\n\n' + ' '.join(['123456789'] * 400) + '\n')
    # A refusal needs no voice: an existing OUT.vtt (no --force) and an odd size are said
    # before the page is synthesized (before: after it, 40 s later).
    out = os.path.join(outdir, 'v.mp4')
    open(out[:-4] + '.vtt', 'w').close()
    for name, extra, want in [('an existing OUT.vtt', [], "v.vtt' exists; give --force"),
                              ('an odd size', ['--force', '--size', '641x361'], 'an even width and height')]:
        t0 = time.monotonic()
        p = subprocess.run([xentlab, '--record', out, '--lesson', lesson, '--voice', '--fps', '5'] + extra,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120)
        took = time.monotonic() - t0
        ok = p.returncode == 1 and want in p.stderr and took < 5
        print(('ok   ' if ok else 'FAIL ') + name + ' refused at once: exit %d in %.1f s; %s' %
              (p.returncode, took, p.stderr.strip()[:200]))
        if not ok:
            FAILED.append(name)
    os.unlink(out[:-4] + '.vtt')
    for sig in (signal.SIGTERM, signal.SIGINT):
        for delay in (0.5, 2.0):
            out = os.path.join(outdir, 'v.mp4')
            p = subprocess.Popen([xentlab, '--record', out, '--lesson', lesson, '--voice', '--size', '640x360',
                                  '--fps', '5'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 restore_signals=True,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            time.sleep(delay)
            t0 = time.monotonic()
            p.send_signal(sig)
            try:
                _, err = p.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                _, err = p.communicate()
                err += '\n(still running 20 s after the signal)'
            took = time.monotonic() - t0
            left = sorted(n for n in os.listdir(outdir) if n != 'long.lesson')
            name = '%s after %.1f s' % (signal.Signals(sig).name, delay)
            if 'no voice' in err or 'has no synthesizer' in err:
                print('skip: ' + err.strip())
                return 77
            ok = p.returncode == 130 and 'interrupted' in err and not left and took < 10
            print(('ok   ' if ok else 'FAIL ') + name + ': exit %s in %.1f s, left %s; %s' %
                  (p.returncode, took, left, err.strip().replace('\n', ' | ')[:300]))
            if not ok:
                FAILED.append(name)
            for n in left:
                os.unlink(os.path.join(outdir, n))
    return 1 if FAILED else 0


if __name__ == '__main__':
    sys.exit(main())

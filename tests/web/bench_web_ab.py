#!/usr/bin/env python3
"""Two or more builds of the browser page against each other, interleaved, in headless Chromium.

    python3 tests/web/bench_web_ab.py SITE_A SITE_B [...] [--rounds N] [--seconds S] [--sizes LIST]
    (defaults: 5 rounds of 4 seconds; sizes 1280x720@1,1920x1080@1,1280x720@2)

The machine is shared and its load changes by the minute, so one build measured after
the other says little. Here each round measures every site at every size in turn (A, B,
A, B, ...), each in a fresh browser as tests/web/bench_web.py does: the scene playing at
30 steps a second (?do=play), then paused (Space); the share of one core the page's main
thread was busy (Chromium's TaskDuration over wall time) and the frames per second. It
prints each site's median and range over the rounds, against issue 27's targets (the
same as bench_web.py's). The main thread's busy share is CPU time of that thread, which
another process on the machine slows but does not add to, while a frame rate is not.
"""
import argparse, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, serve  # noqa: E402
from bench_web import TARGET_PLAYING, metric, verdict  # noqa: E402


def measure(base, width, height, ratio, seconds):
    """(frames/s playing, busy % playing, busy % paused) of one fresh page."""
    with Browser(width, height) as b:
        b.send('Emulation.setDeviceMetricsOverride',
               {'width': width, 'height': height, 'deviceScaleFactor': ratio, 'mobile': False})
        b.send('Performance.enable')
        b.goto(f'{base}/index.html?do=play')
        b.wait_for('window.xentlab.frames >= 1', timeout=30)
        b.pump(1.0)
        f0, busy0, t0 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
        b.pump(seconds)
        f1, busy1, t1 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
        b.press('Space')
        b.pump(1.0)
        idle0, u0 = metric(b, 'TaskDuration'), time.time()
        b.pump(seconds / 2)
        idle1, u1 = metric(b, 'TaskDuration'), time.time()
    return ((f1 - f0) / (t1 - t0), 100 * (busy1 - busy0) / (t1 - t0), 100 * (idle1 - idle0) / (u1 - u0))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('sites', nargs='+')
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--seconds', type=float, default=4.0)
    ap.add_argument('--sizes', default='1280x720@1,1920x1080@1,1280x720@2')
    args = ap.parse_args()
    sizes = []
    for spec in args.sizes.split(','):
        wh, _, r = spec.partition('@')
        w, h = (int(v) for v in wh.split('x'))
        sizes.append((w, h, int(r or 1)))
    servers = [serve(os.path.abspath(s)) for s in args.sites]
    got = {(i, size): [] for i in range(len(args.sites)) for size in sizes}
    for rnd in range(args.rounds):
        for size in sizes:
            for i, (base, _) in enumerate(servers):
                got[(i, size)].append(measure(base, *size, args.seconds))
        print(f'round {rnd + 1} of {args.rounds} done', file=sys.stderr)
    for size in sizes:
        w, h, r = size
        target = TARGET_PLAYING.get(size)
        print(f'window {w}x{h} at pixel ratio {r} (canvas {w * r}x{h * r}), {args.rounds} interleaved rounds:')
        for i, site in enumerate(args.sites):
            runs = got[(i, size)]
            fps = statistics.median(m[0] for m in runs)
            play = [m[1] for m in runs]
            idle = [m[2] for m in runs]
            mark = f' (target < {target:.0f}%: {verdict(statistics.median(play) < target)})' if target else ''
            print(f'  {site}: playing {fps:.1f} frames/s, main thread busy median {statistics.median(play):.1f}% '
                  f'[{min(play):.1f}-{max(play):.1f}]{mark}; paused median {statistics.median(idle):.2f}% '
                  f'[{min(idle):.2f}-{max(idle):.2f}]')
    for _, stop in servers:
        stop()


if __name__ == '__main__':
    main()

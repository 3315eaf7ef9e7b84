#!/usr/bin/env python3
"""How fast the browser build starts and runs, in headless Chromium on this machine.

    python3 tests/web/bench_web.py [SITE] [LOADS]     (defaults: build-web/site, 5)

For each window size: the median and worst time from the start of the page's loading
to its first frame (performance.now() when the program shows it) over LOADS fresh
loads, served from 127.0.0.1; then, with the simulation playing at its 30 steps a
second, the frames shown per second and the share of one core the page's main thread
was busy (Chromium's TaskDuration over wall time, from the DevTools Performance
domain), and that share again once Space has paused it, each against issue 27's target
(playing: under 12% at 1280x720, 20% at 1920x1080, 30% at 2560x1440; paused: 0). The
page plays at its default speed, 30 steps a second, as the window measured by
scripts/bench_window.sh. The sizes of the files, raw and gzipped, come first. Figures,
not a test: scripts/test.sh runs tests/web/test_web.py.
"""
import gzip, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, serve  # noqa: E402


def sizes(site):
    total_code = 0
    for name in ('index.html', 'xentlab.js', 'xentlab.wasm', 'xentlab.data'):
        data = open(os.path.join(site, name), 'rb').read()
        packed = len(gzip.compress(data, 9))
        if name in ('xentlab.js', 'xentlab.wasm'):
            total_code += packed
        print(f'{name:14s} {len(data) / 1e6:6.2f} MB  {packed / 1e6:6.2f} MB gzipped')
    print(f'{".js + .wasm":14s} {"":9s} {total_code / 1e6:6.2f} MB gzipped (budget 2 MB)')


# Main thread busy while playing, per cent, for (width, height, pixel ratio): issue 27.
TARGET_PLAYING = {(1280, 720, 1): 12.0, (1920, 1080, 1): 20.0, (1280, 720, 2): 30.0}


def verdict(ok):
    return 'PASS' if ok else 'MISS'


def metric(browser, name):
    for m in browser.send('Performance.getMetrics')['metrics']:
        if m['name'] == name:
            return m['value']
    raise KeyError(name)


def main():
    site = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build-web/site')
    loads = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sizes(site)
    base, stop = serve(site)
    for width, height, ratio in ((1280, 720, 1), (1920, 1080, 1), (1280, 720, 2)):
        firsts = []
        for _ in range(loads):
            with Browser(width, height) as b:
                b.send('Emulation.setDeviceMetricsOverride',
                       {'width': width, 'height': height, 'deviceScaleFactor': ratio, 'mobile': False})
                b.goto(f'{base}/index.html')
                firsts.append(b.wait_for('window.xentlab.firstFrameMs', timeout=30))
        with Browser(width, height) as b:
            b.send('Emulation.setDeviceMetricsOverride',
                   {'width': width, 'height': height, 'deviceScaleFactor': ratio, 'mobile': False})
            b.send('Performance.enable')
            b.goto(f'{base}/index.html?do=play')
            b.wait_for('window.xentlab.frames >= 1', timeout=30)
            b.pump(1.0)
            f0, busy0, t0 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
            b.pump(5.0)
            f1, busy1, t1 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
            # Paused (Space): the page sleeps until input.
            b.press('Space')
            b.pump(1.0)
            idle0, u0 = metric(b, 'TaskDuration'), time.time()
            b.pump(5.0)
            idle1, u1 = metric(b, 'TaskDuration'), time.time()
        canvas = f'{width * ratio}x{height * ratio}'
        playing = 100 * (busy1 - busy0) / (t1 - t0)
        paused = 100 * (idle1 - idle0) / (u1 - u0)
        target = TARGET_PLAYING[(width, height, ratio)]
        print(f'window {width}x{height} at pixel ratio {ratio} (canvas {canvas}): first frame '
              f'median {statistics.median(firsts):.0f} ms, worst {max(firsts):.0f} ms over {loads} loads; '
              f'playing: {(f1 - f0) / (t1 - t0):.1f} frames/s, main thread busy {playing:.0f}% '
              f'(target < {target:.0f}%: {verdict(playing < target)}); '
              f'paused: busy {paused:.1f}% (target 0: {verdict(paused < 0.05)})')
    stop()


if __name__ == '__main__':
    main()

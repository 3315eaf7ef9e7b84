#!/usr/bin/env python3
"""Where the page's main thread goes while the scene plays, in headless Chromium.

    python3 tests/web/profile_web.py [SITE] [WIDTHxHEIGHT[@RATIO]] [SECONDS] [QUERY]
    (defaults: build-web/site, 1280x720@1, 5, do=play)

Opens SITE's index.html?QUERY at that size, lets it run a second, then for SECONDS
records a Chromium trace (the renderer's main thread: tasks, script, paint, compositing)
and a V8 CPU profile (JavaScript and WebAssembly functions, by self time) at once, and
prints: the main thread's busy share (TaskDuration over wall time, as
tests/web/bench_web.py), the trace's top-level events on the main thread by total time
(what the browser spent outside the program: style, layout, paint, commit), and the
profile's functions by self time. WebAssembly functions have names only in a build
linked with --profiling-funcs (meson configure build-web/xentlab
-Dc_link_args='-O2 --profiling-funcs'; scripts/web.sh puts the options back).
Figures, not a test.
"""
import collections, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, serve  # noqa: E402


def metric(browser, name):
    for m in browser.send('Performance.getMetrics')['metrics']:
        if m['name'] == name:
            return m['value']
    raise KeyError(name)


def read_trace(b):
    """The trace's events, read from its stream once Tracing.end completes."""
    handle = None
    deadline = time.monotonic() + 60
    while handle is None and time.monotonic() < deadline:
        for method, p in list(b._events):
            if method == 'Tracing.tracingComplete':
                handle = p.get('stream')
        if handle is None:
            b.pump(0.1)
    if handle is None:
        raise RuntimeError('no tracingComplete event')
    chunks = []
    while True:
        r = b.send('IO.read', {'handle': handle, 'size': 1 << 20})
        chunks.append(r.get('data', ''))
        if r.get('eof'):
            break
    b.send('IO.close', {'handle': handle})
    text = ''.join(chunks)
    data = json.loads(text)
    return data['traceEvents'] if isinstance(data, dict) else data


def main_thread(events):
    """(pid, tid) of the page's renderer main thread."""
    for e in events:
        if e.get('ph') == 'M' and e.get('name') == 'thread_name' and \
                e.get('args', {}).get('name') == 'CrRendererMain':
            return e['pid'], e['tid']
    return None


def trace_summary(events, seconds):
    where = main_thread(events)
    if not where:
        print('trace: no renderer main thread found')
        return
    pid, tid = where
    # Nested complete events: total time of each name (a child's time counts in its
    # parent too), and the top level (RunTask) to compare with TaskDuration.
    totals, counts = collections.Counter(), collections.Counter()
    for e in events:
        if e.get('pid') != pid or e.get('tid') != tid or e.get('ph') != 'X' or 'dur' not in e:
            continue
        totals[e['name']] += e['dur'] / 1000.0
        counts[e['name']] += 1
    print(f'trace, main thread, ms per second by event (nested events count in their parents):')
    for name, ms in totals.most_common(12):
        print(f'  {ms / seconds:8.2f} ms/s  {counts[name] / seconds:7.1f}/s  {name}')
    # Self time: each event's time less its children's, so that the names add up to the
    # thread's busy time (what the script ran, what the browser painted and committed).
    own = collections.Counter()
    stack = []
    mine = sorted((e for e in events if e.get('pid') == pid and e.get('tid') == tid and e.get('ph') == 'X'
                   and 'dur' in e), key=lambda e: (e['ts'], -e['dur']))
    for e in mine:
        while stack and stack[-1][0] <= e['ts']:
            stack.pop()
        if stack:
            own[stack[-1][1]] -= e['dur']
        own[e['name']] += e['dur']
        stack.append((e['ts'] + e['dur'], e['name']))
    print(f'trace, main thread, self time by event, ms per second:')
    for name, us in own.most_common(14):
        print(f'  {us / 1000.0 / seconds:8.2f} ms/s  {name}')


def profile_summary(profile, top=30):
    nodes = {n['id']: n for n in profile['nodes']}
    deltas = profile.get('timeDeltas', [])
    samples = profile.get('samples', [])
    self_ms = collections.Counter()
    for node_id, dt in zip(samples, deltas):
        f = nodes[node_id]['callFrame']
        name = f['functionName'] or '(anonymous)'
        url = os.path.basename(f.get('url', '')) or ''
        self_ms[f'{name} {url}:{f.get("lineNumber", -1) + 1}' if url else name] += dt / 1000.0
    total = sum(self_ms.values())
    busy = total - self_ms.get('(idle)', 0.0) - self_ms.get('(program)', 0.0)
    print(f'CPU profile: {total:.0f} ms sampled, {busy:.0f} ms in script (not idle, not "(program)")')
    for name, ms in self_ms.most_common(top):
        print(f'  {ms:8.1f} ms  {100 * ms / total:5.1f}%  {name}')
    # Who calls the busiest functions: the chain of callers' names (three up), by time.
    parent = {}
    for n in profile['nodes']:
        for c in n.get('children', []):
            parent[c] = n['id']
    chains = collections.defaultdict(collections.Counter)
    for node_id, dt in zip(samples, deltas):
        name = nodes[node_id]['callFrame']['functionName'] or '(anonymous)'
        up, p = [], parent.get(node_id)
        while p is not None and len(up) < 6:
            up.append(nodes[p]['callFrame']['functionName'] or '(anonymous)')
            p = parent.get(p)
        chains[name][' < '.join(up)] += dt / 1000.0
    print('callers of the busiest functions:')
    shown = 0
    for name, ms in self_ms.most_common(top):
        key = name.split(' ')[0]
        if key in ('(idle)', '(program)', '(garbage') or shown >= 10:
            continue
        shown += 1
        for chain, cms in chains[key].most_common(3):
            print(f'  {cms:8.1f} ms  {key} < {chain}')


def main():
    site = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build-web/site')
    size = sys.argv[2] if len(sys.argv) > 2 else '1280x720'
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
    query = sys.argv[4] if len(sys.argv) > 4 else 'do=play'
    ratio = 1
    if '@' in size:
        size, r = size.split('@')
        ratio = float(r)
    width, height = (int(v) for v in size.split('x'))
    base, stop = serve(site)
    with Browser(width, height) as b:
        b.send('Emulation.setDeviceMetricsOverride',
               {'width': width, 'height': height, 'deviceScaleFactor': ratio, 'mobile': False})
        b.send('Performance.enable')
        b.goto(f'{base}/index.html?{query}')
        b.wait_for('window.xentlab.frames >= 1', timeout=30)
        b.pump(1.0)
        b.send('Profiler.enable')
        b.send('Profiler.setSamplingInterval', {'interval': 200})
        b.send('Tracing.start', {'transferMode': 'ReturnAsStream', 'traceConfig': {
            'includedCategories': ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink',
                                   'cc', 'toplevel', 'v8.execute']}})
        b.send('Profiler.start')
        f0, busy0, t0 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
        b.pump(seconds)
        f1, busy1, t1 = b.eval('window.xentlab.frames'), metric(b, 'TaskDuration'), time.time()
        profile = b.send('Profiler.stop')['profile']
        b.send('Tracing.end')
        events = read_trace(b)
    stop()
    wall = t1 - t0
    print(f'{width}x{height} at pixel ratio {ratio}, ?{query}: {(f1 - f0) / wall:.1f} frames/s, '
          f'main thread busy {100 * (busy1 - busy0) / wall:.1f}% (with the profiler and trace running)')
    trace_summary(events, wall)
    profile_summary(profile)


if __name__ == '__main__':
    main()

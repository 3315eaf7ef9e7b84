#!/usr/bin/env python3
"""Touch and phones in headless Chromium: scripts/test.sh runs it after test_web.py.

    python3 tests/web/test_web_touch.py SITE DESKTOP_XENTLAB OUT_DIR

The same arguments and helpers as tests/web/test_web.py (imported from it). Fingers go in
through DevTools' Input.dispatchTouchEvent (xdotool cannot make them), so the page's
touch events reach SDL as a phone's would:

- a pinch on the landscape zooms it around the fingers' centre and a two-finger drag
  pans it: the trace shows `zoom` and `pan` commands, the first finger's press is
  undone (the point is where it was), and the page itself neither zooms nor scrolls
  (touch-action: none);
- moves that come within one frame make one zoom: twelve two-finger touchmoves made in
  the page in one task (as a phone sends them, every moved finger in one event; DevTools
  sends one event per finger, so a frame may fall between a move's halves) give exactly
  one `zoom` of the whole spread;
- a phone held upright (390x844 CSS px, 2 pixels each, mobile): the canvas fills the
  viewport, the frame is the desktop's upright frame for 2 pixels a point (panels in one
  column, the strip's buttons 44 CSS px), and the P bars span the column's width;
- the links and settings the page turns into flags: ?controls=0 is --no-controls, the
  browser's prefers-reduced-motion is --reduced-motion;
- the control strip in the canvas: each button clicked gives the trace its key gives
  (the same command lines, state after each included); ?controls=0 hides it (the frame
  is the desktop's --no-controls frame, a click where a button was does nothing); its
  buttons are at least 44 CSS px tall at 1 and 2 pixels per CSS pixel. Where the buttons
  are comes from the desktop build's tests/controls_where (beside DESKTOP_XENTLAB in
  tests/), for the frame's size and pixel ratio.

Each check is its own function; the last line is "N passed, M failed".
"""
import json, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web as w  # noqa: E402  (its helpers, and its SITE, DESKTOP, OUT from the same arguments)
from cdp import Browser, check, frames_after, image_diff, open_page, png_size, serve, start_page, summary  # noqa: E402

# Where the default scene's landscape is at 1280x720 CSS px (see test_web.py's click
# test), with the room's type and the control strip at the foot: its map spans CSS x
# 643..904 and y 94..355 for z from -6 to 6 (z = 0 at about (773, 224)), so CENTRE is
# about (1.2, -1.2); the current point starts at about (z1, z2) = (-0.5, -2.5).
CENTRE = (800, 250)
CENTRE_Z = (1.2, -1.2)
START_POINT = (-0.5, -2.5)
UNITS_PER_PX = 12.0 / 261


def commands(browser, name):
    """The trace's lines for command `name`, as lists of numbers."""
    return [[float(v) for v in t['text'].split()[1].split(',')]
            for t in w.trace_lines(browser) if t.get('command') == name]


def touch(browser, kind, points):
    """One touch event: points are (x, y) CSS pixels, finger ids 0, 1, ..."""
    browser.send('Input.dispatchTouchEvent', {
        'type': kind, 'touchPoints': [{'x': x, 'y': y, 'id': i} for i, (x, y) in enumerate(points)]})


def two_fingers(browser, start, end, moves=12):
    """Two fingers down at start ((x0, y0), (x1, y1)), moved to end in `moves` steps, lifted."""
    touch(browser, 'touchStart', start)
    browser.pump(0.05)
    for k in range(1, moves + 1):
        t = k / moves
        touch(browser, 'touchMove', [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(start, end)])
        browser.pump(0.03)
    touch(browser, 'touchEnd', [])
    browser.pump(0.3)


def page_unmoved(browser):
    """The page did not zoom or scroll under the fingers."""
    scale = browser.eval('window.visualViewport ? window.visualViewport.scale : 1')
    scroll = browser.eval('[window.scrollX, window.scrollY]')
    assert scale == 1 and scroll == [0, 0], f'the page moved under the fingers: scale {scale}, scroll {scroll}'


def with_touch(browser, fn):
    browser.send('Emulation.setTouchEmulationEnabled', {'enabled': True, 'maxTouchPoints': 5})
    try:
        fn()
    finally:
        browser.send('Emulation.setTouchEmulationEnabled', {'enabled': False})


def check_pinch(b, base):
    """Spread two fingers from 80 to 160 px apart around CENTRE: zooms in twice."""
    def run():
        open_page(b, base, '?trace=1')
        before = os.path.join(w.OUT, 'pinch-before.png')
        b.canvas_png(before)
        (cx, cy), moves = CENTRE, 12
        two_fingers(b, [(cx - 40, cy), (cx + 40, cy)], [(cx - 80, cy), (cx + 80, cy)], moves)
        zooms = commands(b, 'zoom')
        assert zooms, 'no zoom in the trace after the pinch'
        # DevTools sends one touchmove per finger that moved ("one event per changed point"),
        # so a frame can fall between a move's two halves: up to two zooms a move here. The
        # one-a-frame rule itself is check_pinch_burst's.
        assert len(zooms) <= 2 * moves, f'{len(zooms)} zoom commands for {2 * moves} finger events: not coalesced'
        factor = 1.0
        for z in zooms:
            factor *= z[0]
        assert abs(factor - 0.5) < 0.02, f'the zooms multiply to {factor}, expected 0.5 (80 px to 160 px apart)'
        # Around the view point under the fingers' centre: CENTRE is about CENTRE_Z.
        x, y = zooms[0][1], zooms[0][2]
        assert abs(x - CENTRE_Z[0]) < 0.3 and abs(y - CENTRE_Z[1]) < 0.3, \
            f'the first zoom is around ({x}, {y}), expected {CENTRE_Z}'
        # The first finger's press moved the point; the second finger put it back.
        moved = commands(b, 'move-to')
        assert len(moved) == 2, f'move-to lines: {moved}'
        assert abs(moved[-1][0] - START_POINT[0]) < 0.2 and abs(moved[-1][1] - START_POINT[1]) < 0.2, \
            f'the point is at {moved[-1]}, it was at about {START_POINT}'
        page_unmoved(b)
        after = os.path.join(w.OUT, 'pinch-browser.png')
        b.canvas_png(after)
        assert image_diff(before, after, w.FUZZ_PERCENT) > 20000, 'the landscape did not change after the pinch'
        # The frame is what the trace's commands make on the desktop.
        done = [t['text'] for t in w.trace_lines(b) if t.get('command') in ('move-to', 'zoom', 'pan')]
        want = os.path.join(OUT_DESKTOP, 'pinch-desktop.png')
        w.desktop('--size', '1280x720', '--do', ';'.join(done), '-o', want)
        w.same_frame(after, want, 'pinch')
    with_touch(b, run)


# Touches made in the page (one JS task) rather than through DevTools: a phone's touchmove
# carries every finger that moved, and events in one task all reach the same turn.
TOUCH_JS = """
(function(kind, points) {
  var c = document.querySelector('canvas');
  var ts = points.map(function(p, i) {
    return new Touch({identifier: i, target: c, clientX: p[0], clientY: p[1], pageX: p[0], pageY: p[1]});
  });
  var down = kind === 'touchend' ? [] : ts;
  c.dispatchEvent(new TouchEvent(kind, {touches: down, targetTouches: down, changedTouches: ts,
                                        bubbles: true, cancelable: true}));
})"""


def page_touches(browser, events):
    """Dispatch [(kind, points), ...] as the page's own touch events, all in one task."""
    calls = ';'.join(f'{TOUCH_JS}({json.dumps(k)}, {json.dumps([list(p) for p in pts])})' for k, pts in events)
    browser.eval(calls + ';0')


def check_pinch_burst(b, base):
    """Twelve two-finger moves spreading 80 to 160 px, all before the next frame: the
    program makes one zoom of the whole spread (0.5), not twelve."""
    def run():
        open_page(b, base, '?trace=1')
        (cx, cy), moves = CENTRE, 12
        start = [(cx - 40, cy), (cx + 40, cy)]
        page_touches(b, [('touchstart', start)])
        b.pump(0.3)
        assert not commands(b, 'zoom'), 'a zoom before the fingers moved'
        steps = []
        for k in range(1, moves + 1):
            d = 40 + 40 * k / moves
            steps.append(('touchmove', [(cx - d, cy), (cx + d, cy)]))
        page_touches(b, steps)
        b.pump(0.3)
        zooms = commands(b, 'zoom')
        assert len(zooms) == 1, f'{len(zooms)} zoom commands for {moves} touch moves in one frame: not coalesced'
        assert abs(zooms[0][0] - 0.5) < 1e-3, f'the zoom is {zooms[0][0]}, expected 0.5 (80 px to 160 px apart)'
        assert not commands(b, 'pan'), 'a pan from fingers spreading around a fixed centre'
        page_touches(b, [('touchend', [(cx - 80, cy), (cx + 80, cy)])])
        b.pump(0.3)
        assert len(commands(b, 'zoom')) == 1, 'a zoom after the fingers were lifted'
        page_unmoved(b)
    with_touch(b, run)


def check_two_finger_pan(b, base):
    """Two fingers 80 px apart move 60 px right and 45 px down together: the view pans."""
    def run():
        open_page(b, base, '?trace=1')
        (cx, cy), (dx, dy) = CENTRE, (60, 45)
        two_fingers(b, [(cx - 40, cy), (cx + 40, cy)], [(cx - 40 + dx, cy + dy), (cx + 40 + dx, cy + dy)])
        pans = commands(b, 'pan')
        assert pans, 'no pan in the trace after the two-finger drag'
        sx, sy = sum(p[0] for p in pans), sum(p[1] for p in pans)
        # The map follows the fingers: the view moves left and (rows grow downward) up in z2.
        want_x, want_y = -dx * UNITS_PER_PX, dy * UNITS_PER_PX
        assert abs(sx - want_x) < 0.1 * abs(want_x) and abs(sy - want_y) < 0.1 * abs(want_y), \
            f'the view moved ({sx:.3f}, {sy:.3f}), expected about ({want_x:.3f}, {want_y:.3f})'
        factor = 1.0
        for z in commands(b, 'zoom'):
            factor *= z[0]
        assert abs(factor - 1.0) < 0.01, f'a drag without spreading zoomed by {factor}'
        page_unmoved(b)
        b.canvas_png(os.path.join(w.OUT, 'pan-browser.png'))
    with_touch(b, run)


def check_portrait_phone(b, base):
    """390x844 CSS px at 2 pixels each, a mobile viewport: one column."""
    b.send('Emulation.setDeviceMetricsOverride', {'width': 390, 'height': 844, 'deviceScaleFactor': 2, 'mobile': True})
    try:
        open_page(b, base)
        b.wait_for("document.getElementById('canvas').width === 780 && "
                   "document.getElementById('canvas').height === 1688", timeout=10)
        box = b.eval("(() => { const r = document.getElementById('canvas').getBoundingClientRect();"
                     " return [r.left, r.top, r.width, r.height, innerWidth, innerHeight]; })()")
        assert box[:4] == [0, 0, box[4], box[5]] and box[4] == 390, f'canvas {box[:4]} in a {box[4]}x{box[5]} viewport'
        b.pump(0.3)
        shot = os.path.join(w.OUT, 'portrait-browser.png')
        b.canvas_png(shot)
        assert png_size(shot) == (780, 1688), png_size(shot)
        want = os.path.join(OUT_DESKTOP, 'portrait-desktop.png')
        w.desktop('--size', '780x1688', '--pixel-ratio', '2', '-o', want)
        w.same_frame(shot, want, 'portrait')
        # One column: the P bars (truth blue) reach across most of the width; side by side
        # with the landscape (lying down) they keep to the left 45%.
        out = subprocess.run(['convert', shot, '-fill', 'white', '+opaque', '#0072B2', '-format', '%@', 'info:'],
                             capture_output=True, text=True, check=True).stdout.strip()
        bw, _, rest = out.partition('x')
        bx = int(rest.split('+')[1])
        assert int(bw) > 780 * 0.6 and bx < 780 * 0.2, f'the truth bars span {out} of a 780-px frame'
    finally:
        b.send('Emulation.setDeviceMetricsOverride', {'width': 1280, 'height': 720, 'deviceScaleFactor': 1,
                                                      'mobile': False})


def check_url_flags(b, base):
    """?controls=0 and prefers-reduced-motion become the program's flags."""
    def args_of(query):
        start_page(b, f'{base}/index.html{query}')
        return b.wait_for('window.xentlab.args', timeout=10)
    args = args_of('?controls=0')
    assert '--no-controls' in args, f'?controls=0 gave {args}'
    assert '--no-controls' not in args_of('?controls=1'), 'controls=1 turned the controls off'
    assert '--reduced-motion' not in args_of('?trace=1'), 'reduced motion without the setting'
    b.send('Emulation.setEmulatedMedia', {'features': [{'name': 'prefers-reduced-motion', 'value': 'reduce'}]})
    try:
        args = args_of('?trace=1')
        assert '--reduced-motion' in args, f'prefers-reduced-motion: reduce gave {args}'
    finally:
        b.send('Emulation.setEmulatedMedia', {'features': []})
    b.goto(f'{base}/index.html?controls=maybe&x=1')
    b.wait_for("!document.getElementById('failed').hidden", timeout=10)
    text = b.eval("document.getElementById('failed').innerText")
    assert 'unknown URL parameter: x' in text and 'controls' in text, text


# The strip's actions in order, and the keys that issue the same commands (as in
# tests/test_controls.sh, the Xvfb twin of this check). toggle-play comes last: after it
# the steps run on the clock, which two sessions share no more than the order of actions.
STRIP_ACTIONS = ['step', 'step', 'speed-up', 'speed-down', 'lr-up', 'lr-up', 'lr-down', 'optimizer-next', 'reset',
                 'scenario-next', 'scenario-prev', 'toggle-play']
STRIP_KEYS = {'step': ('n',), 'speed-up': (']',), 'speed-down': ('[',), 'lr-up': ('+',), 'lr-down': ('-',),
              'optimizer-next': ('g',), 'reset': ('r',), 'scenario-next': ('s',), 'scenario-prev': ('s', True),
              'toggle-play': ('Space',)}


def strip_buttons(width, height, ratio=1):
    """{command: (x, y, w, h)} of the strip's buttons in a width x height frame at ratio
    frame pixels per CSS pixel: centre and size in frame pixels (tests/controls_where)."""
    where = os.path.join(os.path.dirname(w.DESKTOP), 'tests', 'controls_where')
    out = subprocess.run([where, str(width), str(height), f'ratio={ratio}', 'boxes'], capture_output=True,
                         text=True, timeout=30, env={**os.environ, 'SDL_VIDEODRIVER': 'dummy'})
    assert out.returncode == 0, f'{where} exited {out.returncode}: {out.stderr.strip()}'
    buttons = {}
    for line in out.stdout.splitlines():
        name, *numbers = line.split()
        buttons.setdefault(name, tuple(int(v) for v in numbers))
    assert all(a in buttons for a in STRIP_ACTIONS), f'controls_where names {sorted(buttons)}'
    return buttons


def command_lines(browser):
    return [t for t in w.trace_lines(browser) if 'command' in t]


def strip_session(b, base, mode, buttons, ratio=1):
    """A session driven by clicks on the strip's buttons or by their keys; its command lines."""
    open_page(b, base, '?trace=1')
    for i, action in enumerate(STRIP_ACTIONS, 1):
        shown = b.eval('window.xentlab.frames')
        if mode == 'click':
            x, y = buttons[action][:2]
            b.click(x / ratio, y / ratio)
        else:
            key, *shift = STRIP_KEYS[action]
            b.press(key, shift=bool(shift))
        deadline = time.time() + 5
        while len(command_lines(b)) < i:
            assert time.time() < deadline, f'{mode} {action} (action {i}): no command line within 5 s'
            b.pump(0.05)
        frames_after(b, shown)
    return command_lines(b)


def check_strip_clicks_are_keys(b, base):
    """Each button of the strip clicked in the canvas gives the trace its key gives."""
    buttons = strip_buttons(1280, 720)
    clicks = strip_session(b, base, 'click', buttons)
    keys = strip_session(b, base, 'key', buttons)
    assert [c['command'] for c in clicks] == STRIP_ACTIONS, f'the clicks gave {[c["command"] for c in clicks]}'
    assert len(clicks) == len(keys), f'{len(clicks)} command lines from clicks, {len(keys)} from keys'
    for i, (c, k) in enumerate(zip(clicks, keys), 1):
        assert c == k, f'line {i} differs:\n click: {c}\n key:   {k}'
        assert c['ok'], f'line {i} ({c["command"]}) was refused'
    # The strip's actions did something: three scenarios visited, the rate moved.
    assert clicks[-3]['command'] == 'scenario-next' and clicks[-1]['command'] == 'toggle-play'
    print(f'     {len(clicks)} command lines, the same from clicks and keys', flush=True)


def strip_box(buttons):
    """The frame region (x, y, w, h) that holds every button of the strip."""
    x0 = min(x - bw // 2 for x, y, bw, bh in buttons.values())
    y0 = min(y - bh // 2 for x, y, bw, bh in buttons.values())
    x1 = max(x + bw - bw // 2 for x, y, bw, bh in buttons.values())
    y1 = max(y + bh - bh // 2 for x, y, bw, bh in buttons.values())
    return x0, y0, x1 - x0, y1 - y0


def crop_diff(a, b, box):
    """Pixels that differ by more than the fuzz between a and b inside box."""
    x, y, bw, bh = box
    crops = []
    for png in (a, b):
        out = png[:-4] + '-strip.png'
        subprocess.run(['convert', png, '-crop', f'{bw}x{bh}+{x}+{y}', '+repage', out], check=True)
        crops.append(out)
    return image_diff(crops[0], crops[1], w.FUZZ_PERCENT)


def check_strip_hidden_and_sized(b, base):
    """?controls=0 hides the strip; its buttons are at least 44 CSS px tall at 1x and 2x."""
    buttons = strip_buttons(1280, 720)
    short = min(bh for x, y, bw, bh in buttons.values())
    assert short >= 44, f'a button is {short} CSS px tall at 1280x720, 1x'
    open_page(b, base, '?trace=1')
    shown_png = os.path.join(w.OUT, 'strip-shown-browser.png')
    b.canvas_png(shown_png)
    open_page(b, base, '?trace=1&controls=0')
    hidden_png = os.path.join(w.OUT, 'strip-hidden-browser.png')
    b.canvas_png(hidden_png)
    want = os.path.join(w.OUT, 'strip-hidden-desktop.png')
    w.desktop('--size', '1280x720', '--no-controls', '-o', want)
    w.same_frame(hidden_png, want, 'strip-hidden')
    box = strip_box(buttons)
    changed = crop_diff(shown_png, hidden_png, box)
    assert changed > box[2] * box[3] // 10, f'only {changed} pixels of the strip\'s {box} changed with ?controls=0'
    # A click where the step button was: no step.
    shown = b.eval('window.xentlab.frames')
    b.click(*buttons['step'][:2])
    frames_after(b, shown)
    assert not [c for c in command_lines(b) if c['command'] == 'step'], 'a click on the hidden strip stepped'
    # Two pixels per CSS pixel, at 1280x720 CSS px and at a small 640x360 (where the
    # buttons are at their fingertip floor, 88 frame px): each is at least 44 CSS px
    # tall, the frame is the desktop's drawn for that ratio (--pixel-ratio 2), and a
    # click at a button's centre in CSS px is its command.
    # A window of that size on a HiDPI screen (the window too: a smaller page in a window
    # that stays 1280 wide would be the browser's zoom at 200%, test_web_a11y.py's).
    for css_w, css_h in ((1280, 720), (640, 360)):
        b.window_size(css_w, css_h)
        b.send('Emulation.setDeviceMetricsOverride', {'width': css_w, 'height': css_h, 'deviceScaleFactor': 2,
                                                      'mobile': False})
        try:
            open_page(b, base, '?trace=1')
            b.wait_for(f"document.getElementById('canvas').width === {2 * css_w}", timeout=10)
            b.pump(0.3)
            shot = os.path.join(w.OUT, f'strip-{css_w}x{css_h}-2x-browser.png')
            b.canvas_png(shot)
            want = os.path.join(w.OUT, f'strip-{css_w}x{css_h}-2x-desktop.png')
            w.desktop('--size', f'{2 * css_w}x{2 * css_h}', '--pixel-ratio', '2', '-o', want)
            w.same_frame(shot, want, f'strip-{css_w}x{css_h}-2x')
            twice = strip_buttons(2 * css_w, 2 * css_h, 2)
            short = min(bh for x, y, bw, bh in twice.values()) / 2
            assert short >= 44, f'a button is {short} CSS px tall at {css_w}x{css_h} CSS px, 2x'
            shown = b.eval('window.xentlab.frames')
            b.click(twice['step'][0] / 2, twice['step'][1] / 2)
            frames_after(b, shown)
            steps = [c for c in command_lines(b) if c['command'] == 'step']
            assert steps and steps[-1]['ok'], f'a click on step at {css_w}x{css_h}, 2x: {command_lines(b)[-2:]}'
            print(f'     {css_w}x{css_h} CSS px, 2x: buttons {short:.0f} CSS px tall or more', flush=True)
        finally:
            b.window_size(1280, 720)
            b.send('Emulation.setDeviceMetricsOverride', {'width': 1280, 'height': 720, 'deviceScaleFactor': 1,
                                                          'mobile': False})


OUT_DESKTOP = None


def main():
    global OUT_DESKTOP
    if w.SITE is None:
        print(__doc__)
        return 2
    os.makedirs(w.OUT, exist_ok=True)
    OUT_DESKTOP = w.OUT
    base, stop = serve(w.SITE)
    with Browser(1280, 720) as b:
        check('touch: a pinch on the landscape zooms it around the fingers (zoom in the trace)')(
            lambda: check_pinch(b, base))
        check('touch: moves that come within one frame make one zoom (coalesced)')(
            lambda: check_pinch_burst(b, base))
        check('touch: a two-finger drag pans the landscape (pan in the trace)')(lambda: check_two_finger_pan(b, base))
        check('a phone held upright (390x844, 2x): the canvas fills it, one column as on the desktop')(
            lambda: check_portrait_phone(b, base))
        check('?controls=0 is --no-controls; prefers-reduced-motion is --reduced-motion')(
            lambda: check_url_flags(b, base))
        check('the control strip: each button clicked gives the trace of its key')(
            lambda: check_strip_clicks_are_keys(b, base))
        check('the control strip: ?controls=0 hides it; buttons at least 44 CSS px tall at 1x and 2x')(
            lambda: check_strip_hidden_and_sized(b, base))
    stop()
    return summary('web touch', w.OUT)


if __name__ == '__main__':
    sys.exit(main())

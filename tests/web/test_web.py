#!/usr/bin/env python3
"""The browser build in headless Chromium: scripts/test.sh runs it after the desktop tests.

    python3 tests/web/test_web.py SITE DESKTOP_XENTLAB OUT_DIR

SITE is the folder scripts/web.sh wrote; DESKTOP_XENTLAB the desktop binary, whose
headless frames and traces are what the browser must match; OUT_DIR gets the pictures
(browser, desktop, difference) for a person to look at. The page is served on
127.0.0.1 and driven with real key and mouse events over the DevTools protocol
(tests/web/cdp.py). The last line is "N passed, M failed"; the exit status is 1 if any
failed.

Desktop and browser run the same C code on the same Debian FreeType and SDL2, so a
frame differs only where the two builds round differently: glyph edges antialiased a
shade apart and the colour bar's steps. Measured: 786 of 921,600 pixels at 1280x720
differ by more than 3%. The tolerance is 0.5% of the pixels beyond a 3% fuzz, ten
times that, and still far below what a moved bar, label or panel makes (a changed
readout alone is several thousand pixels).
"""
import gzip, json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import cdp  # noqa: E402
from cdp import (Browser, check, frames_after, image_diff, open_page, png_size, press_and_wait,  # noqa: E402
                 serve, start_page, summary, test_args)
import trace_schema  # noqa: E402  (tests/trace_schema.py: the trace's schema, docs/trace.md)

FUZZ_PERCENT = 3
MAX_DIFFERING = 0.005   # of the frame's pixels

# The projector theme's colours (src/app/kit/ui_theme.c): truth bars, model bars, and
# the dark theme's background.
TRUTH = (0x00, 0x72, 0xB2)
MODEL = (0xE6, 0x9F, 0x00)
DARK_BACKGROUND = (0x15, 0x17, 0x1C)

SITE, DESKTOP, OUT = test_args()
# XL_WEB_ONLY=TEXT[,TEXT...] runs only the checks whose name holds one (cdp.check).
results = cdp.results


def desktop(*args, trace=False):
    """Run the desktop program headless; returns its stdout lines."""
    cmd = [DESKTOP, '--headless', *args] + (['--trace'] if trace else [])
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=60,
                         env={**os.environ, 'SDL_VIDEODRIVER': 'dummy'})
    assert run.returncode == 0, f'{" ".join(cmd)} exited {run.returncode}: {run.stderr.strip()}'
    return run.stdout.splitlines()


def rgb_counts(png, colours):
    """How many pixels of png have each of colours exactly (ImageMagick's histogram)."""
    out = subprocess.run(['convert', png, '-format', '%c', 'histogram:info:-'], capture_output=True, text=True,
                         check=True).stdout
    counts = dict.fromkeys(colours, 0)
    for line in out.splitlines():
        # "   12345: (  0,114,178) #0072B2 srgb(0,114,178)"
        count, _, rest = line.partition(':')
        rgb = tuple(int(float(v)) for v in rest[rest.index('(') + 1:rest.index(')')].split(',')[:3])
        if rgb in counts:
            counts[rgb] += int(count)
    return counts


def pixel(png, x, y):
    out = subprocess.run(['convert', png, '-format', f'%[pixel:p{{{x},{y}}}]', 'info:-'], capture_output=True,
                         text=True, check=True).stdout
    inside = out[out.index('(') + 1:out.index(')')].split(',')
    return tuple(int(float(v.strip().rstrip('%')) * (2.55 if v.strip().endswith('%') else 1)) for v in inside[:3])


def ink_box(png, x, y, w, h, black_only=False):
    """The bounding box, in frame pixels, of what is drawn in the region (x, y, w, h) of
    png: pixels not white, or only the near-black ones (black_only). None if nothing."""
    keep = ['-fuzz', '15%', '-fill', 'white', '+opaque', 'black'] if black_only else \
           ['-fuzz', '10%', '-fill', 'white', '-opaque', 'white']
    out = subprocess.run(['convert', png, '-crop', f'{w}x{h}+{x}+{y}', '+repage', *keep, '-format', '%@', 'info:'],
                         capture_output=True, text=True, check=True).stdout.strip()
    bw, _, rest = out.partition('x')
    bh, bx, by = (int(v) for v in rest.replace('-', '+-').split('+') if v)
    if int(bw) <= 1 or bh <= 1:
        return None
    return x + bx, y + by, int(bw), bh


def trace_lines(browser):
    """The current page's --trace output (JSON lines on the console), parsed; each line
    must be one of the trace's schema (version 2: a key twice, a missing "trace": 2 or
    a field the schema does not name fails the check that reads it)."""
    lines = []
    for text in browser.console_lines()[getattr(browser, 'page_console_start', 0):]:
        if text.startswith('{'):
            try:
                line = trace_schema.parse(text)
            except trace_schema.SchemaError as e:
                raise AssertionError(f'a trace line breaks the schema: {e}: {text[:120]}') from None
            except json.JSONDecodeError:
                continue
            wrong = trace_schema.problems(line)
            assert not wrong, f'a trace line breaks the schema: {"; ".join(wrong)}: {text[:120]}'
            lines.append(line)
    return lines


def step_lines(lines):
    """The step lines of parsed trace lines (neither a command nor a lesson line)."""
    return [t for t in lines if trace_schema.kind(t) == 'step']


def assert_moved_to_upper_left(browser, what):
    """The trace's last move-to is near (z1, z2) = (-3.9, 3.9): where CSS point (700, 150)
    is on the default landscape at 1280x720 CSS pixels, whatever the pixel ratio."""
    moves = [t for t in trace_lines(browser) if t.get('command') == 'move-to']
    assert moves, f'no move-to in the trace after {what}'
    z1, z2 = (float(v) for v in moves[-1]['text'].split()[1].split(','))
    assert -4.5 < z1 < -3.3 and 3.3 < z2 < 4.5, f'{what} moved to ({z1}, {z2}), expected about (-3.9, 3.9)'


def page_down_from_first_page(browser, lesson, file_name, name):
    """The page opened lesson `lesson` (file_name) at page 1; Page Down turns to page 2,
    and the frame then matches the desktop's --lesson LESSON --page 2."""
    opened = [t for t in trace_lines(browser) if t.get('lesson') == 'open']
    assert opened and opened[-1]['page'] == 1 and opened[-1]['file'].endswith(file_name), f'open line: {opened}'
    sleeps = browser.eval('window.xentlab.sleeps')
    press_and_wait(browser, 'PageDown')
    # A page's start may take the window several frames (it is computed a slice per
    # frame, so the page never stops drawing): its line comes when the page is there.
    deadline = time.time() + 20
    pages = []
    while time.time() < deadline:
        pages = [t for t in trace_lines(browser) if t.get('lesson') == 'page']
        if pages and pages[-1]['page'] == 2:
            break
        time.sleep(0.1)
    assert pages and pages[-1]['page'] == 2, f'page lines: {pages}'
    # A page with another @focus animates to it (about 300 ms): the frame to compare is
    # the one the page rests on, when the loop sleeps again (nothing left to draw).
    browser.wait_for(f'window.xentlab.asleep && window.xentlab.sleeps > {sleeps}', timeout=10)
    shot, want = os.path.join(OUT, f'{name}-browser.png'), os.path.join(OUT, f'{name}-desktop.png')
    browser.canvas_png(shot)
    desktop('--size', '1280x720', '--lesson', lesson, '--page', '2', '-o', want)
    same_frame(shot, want, name)


def same_frame(browser_png, desktop_png, name):
    """Browser and desktop frames agree within the tolerance; the difference image is kept."""
    assert png_size(browser_png) == png_size(desktop_png), \
        f'{name}: browser {png_size(browser_png)} vs desktop {png_size(desktop_png)}'
    w, h = png_size(browser_png)
    differing = image_diff(browser_png, desktop_png, FUZZ_PERCENT)
    subprocess.run(['compare', '-fuzz', f'{FUZZ_PERCENT}%', browser_png, desktop_png,
                    os.path.join(OUT, f'{name}-difference.png')], capture_output=True)
    print(f'     {name}: {differing} of {w * h} pixels differ by more than {FUZZ_PERCENT}%', flush=True)
    assert differing <= MAX_DIFFERING * w * h, \
        f'{name}: {differing} pixels differ from the desktop frame (at most {int(MAX_DIFFERING * w * h)})'


def copy_state_line(browser):
    """The last copy-state line of the page's trace (F4), with its text and hash."""
    copies = [t for t in trace_lines(browser) if t.get('command') == 'copy-state']
    assert copies and copies[-1].get('state_text'), f'no copy-state line with a text: {copies[-1:]}'
    return copies[-1]


def state_follows_the_address(b, base):
    """Issue 21: the URL's hash follows the state through history.replaceState (a few
    times a second while playing, never a history entry per step; the pause lands at
    once); F4 and the "Copy link" button give the link; a reload with that hash reopens
    the same state (the same state hash in copy-state's trace line)."""
    open_page(b, base, '?trace=1')
    history = b.eval('history.length')
    press_and_wait(b, 'n')
    b.wait_for("location.hash.startsWith('#xl1~s:softmax~c:step~h:')", timeout=5)
    updates = b.eval('window.xentlab.stateUpdates')
    press_and_wait(b, 'Space')   # play for a second: the hash moves, paced
    b.pump(1.0)
    during = b.eval('window.xentlab.stateUpdates') - updates
    assert 1 <= during <= 8, f'{during} address updates in a second of play (paced at 250 ms: 4 or 5)'
    press_and_wait(b, 'Space')   # pause: the hash says so within the pacing
    b.wait_for("(location.hash.match(/c:toggle-play/g) || []).length === 2 && "
               "/~n:[0-9]+~c:toggle-play~h:[0-9a-f]{16}$/.test(location.hash)", timeout=2)
    assert b.eval('history.length') == history, 'the address made history entries'
    press_and_wait(b, 'F4')
    line = copy_state_line(b)
    href = b.eval('location.href')
    assert line['ok'] and '#' + line['state_text'] == b.eval('location.hash'), (line, href)
    assert b.eval('window.xentlab.copiedLink') == href, b.eval('window.xentlab.copiedLink')
    step, state = line['step'], line['state']
    assert step > 1, f'the play took no steps: {line}'
    # The "Copy link" button: a real button in the page's control bar, with its label,
    # reached by the keyboard; Enter on it gives the same link.
    b.wait_for("document.getElementById('copy-link').textContent === 'Copy link'", timeout=5)  # after "Link copied"
    b.eval("document.getElementById('copy-link').focus()")
    label = b.eval("(() => { const e = document.getElementById('copy-link'); const r = e.getBoundingClientRect(); "
                   "return [e.tagName, e.textContent, e.hidden, document.activeElement === e, r.height]; })()")
    assert label[0] == 'BUTTON' and label[1] == 'Copy link' and not label[2] and label[3] and label[4] >= 44, label
    b.eval('window.xentlab.copiedLink = null')
    b.press('Enter')
    b.wait_for('window.xentlab.copiedLink', timeout=5)
    assert b.eval('window.xentlab.copiedLink') == href
    # A reload (a real load: through another page) of the link: the same state.
    b.goto('about:blank')
    open_page(b, base, href[href.index('/index.html') + len('/index.html'):])
    press_and_wait(b, 'F4')
    again = copy_state_line(b)
    assert (again['state'], again['step'], again['state_text']) == (state, step, line['state_text']), \
        f'reopened to {again["state"]} at step {again["step"]}, expected {state} at {step}'
    # A lesson page's link: the hash names the lesson and page, and a reload opens it there.
    open_page(b, base, '?lesson=2')
    press_and_wait(b, 'PageDown')
    b.wait_for("location.hash === '#xl1~l:02-entropy~pg:2'", timeout=3)
    b.goto('about:blank')
    open_page(b, base, '#xl1~l:02-entropy~pg:2')
    press_and_wait(b, 'F4')
    assert b.eval('location.hash') == '#xl1~l:02-entropy~pg:2', b.eval('location.hash')


# A page that opens a lesson file it is handed: the test writes the file into the
# program's in-memory file system before main runs (Module.preRun, set on the page's
# Module as the page defines it), as --lesson FILE reads it on the desktop.
LESSON_HOOK = """(() => { let m; Object.defineProperty(window, 'Module', { configurable: true,
  get() { return m; }, set(v) { m = v; (v.preRun = v.preRun || []).push(() =>
    FS.writeFile(%s, %s)); } }); })()"""
CJK_FILE = 'xentlab-cjk.ttf'


def fetched(browser, name):
    """The page's resource loads (Resource Timing) of a file called name."""
    return browser.eval(f"performance.getEntriesByType('resource').filter((e) => "
                        f"e.name.split('?')[0].endsWith('/{name}')).length")


def cjk_lesson(b, base):
    """The Chinese test lesson: the page fetches the CJK font once, and draws the glyphs
    as the desktop does with fontconfig's WenQuanYi Micro Hei, not as boxes."""
    lesson = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data', 'script-chinese.lesson')
    with open(lesson, encoding='utf-8') as f:
        text = f.read()
    hook = b.send('Page.addScriptToEvaluateOnNewDocument',
                  {'source': LESSON_HOOK % (json.dumps('/script-chinese.lesson'), json.dumps(text))})
    try:
        open_page(b, base, '?lesson=/script-chinese.lesson')
        b.wait_for('window.xentlab.fontsArrived.length > 0', timeout=15)
        # The font's arrival wakes the program (asleep goes false then), which draws the
        # frame again with it and then sleeps.
        b.wait_for('window.xentlab.asleep', timeout=10)
    finally:
        b.send('Page.removeScriptToEvaluateOnNewDocument', {'identifier': hook['identifier']})
    assert b.eval('window.xentlab.fontRequests') == [CJK_FILE], b.eval('window.xentlab.fontRequests')
    assert fetched(b, CJK_FILE) == 1, f'{CJK_FILE} loaded {fetched(b, CJK_FILE)} times'
    shot = os.path.join(OUT, 'cjk-browser.png')
    b.canvas_png(shot)
    want = os.path.join(OUT, 'cjk-desktop.png')
    desktop('--size', '1280x720', '--lesson', lesson, '-o', want)
    same_frame(shot, want, 'cjk')
    # Not boxes: the lesson column (its title and narration) against the desktop's frame
    # with no CJK font at all (fontconfig given an empty configuration: .notdef boxes).
    empty = os.path.join(OUT, 'fonts-empty.conf')
    with open(empty, 'w') as f:
        f.write('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    tofu = os.path.join(OUT, 'cjk-desktop-boxes.png')
    run = subprocess.run([DESKTOP, '--headless', '--size', '1280x720', '--lesson', lesson, '-o', tofu],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, 'SDL_VIDEODRIVER': 'dummy', 'FONTCONFIG_FILE': empty})
    assert run.returncode == 0, run.stderr
    column = []
    for png in (shot, want, tofu):
        crop = png[:-4] + '-column.png'
        subprocess.run(['convert', png, '-crop', '440x200+0+0', '+repage', crop], check=True)
        column.append(crop)
    same, boxes = image_diff(column[0], column[1], FUZZ_PERCENT), image_diff(column[0], column[2], FUZZ_PERCENT)
    print(f'     the lesson column: {same} pixels differ from the desktop\'s CJK glyphs, {boxes} from its boxes',
          flush=True)
    assert same < 100 and boxes > 1000, f'{same} pixels from the glyphs, {boxes} from the boxes'


def main():
    if SITE is None:
        print(__doc__)
        return 2
    os.makedirs(OUT, exist_ok=True)
    base, stop = serve(SITE)
    downloads = tempfile.mkdtemp(prefix='xentlab-web-downloads-')
    with Browser(1280, 720) as b:
        b.send('Browser.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': downloads})

        @check('size: .wasm and .js under 2 MB gzipped')
        def _():
            code = b''.join(open(os.path.join(SITE, f), 'rb').read() for f in ('xentlab.js', 'xentlab.wasm'))
            packed = len(gzip.compress(code, 9))
            print(f'     .js + .wasm: {len(code)} bytes, {packed} gzipped', flush=True)
            assert packed < 2_000_000, f'{packed} bytes gzipped'

        @check('the default scene: bars, first frame, the desktop frame')
        def _():
            open_page(b, base)
            first = b.eval('window.xentlab.firstFrameMs')
            print(f'     first frame {first:.0f} ms after the page began loading '
                  f'(performance.now() at the first frame)', flush=True)
            assert b.eval("document.getElementById('loading').hidden"), 'the loading screen is still shown'
            shot = os.path.join(OUT, 'default-browser.png')
            b.canvas_png(shot)
            assert png_size(shot) == (1280, 720), f'canvas is {png_size(shot)}, expected the window, 1280x720'
            counts = rgb_counts(shot, [TRUTH, MODEL])
            assert counts[TRUTH] > 5000 and counts[MODEL] > 5000, f'bar colours missing: {counts}'
            ref = os.path.join(OUT, 'default-desktop.png')
            desktop('--size', '1280x720', '-o', ref)
            same_frame(shot, ref, 'default')
            assert not b.exceptions(), b.exceptions()

        @check('N steps: the trace matches the desktop to the last digit')
        def _():
            open_page(b, base, '?trace=1')
            for _ in range(3):
                press_and_wait(b, 'n')
            steps = step_lines(trace_lines(b))
            assert [t['step'] for t in steps] == [1, 2, 3], f'step lines: {[t.get("step") for t in steps]}'
            ref = step_lines([trace_schema.parse(line) for line in desktop('--steps', '3', trace=True)])
            assert steps[-1]['readouts'] == ref[-1]['readouts'] and steps[-1]['q'] == ref[-1]['q'], \
                f'browser step 3 {steps[-1]["readouts"]!r}, desktop {ref[-1]["readouts"]!r}'
            shot, want = os.path.join(OUT, 'steps-browser.png'), os.path.join(OUT, 'steps-desktop.png')
            b.canvas_png(shot)
            desktop('--size', '1280x720', '--steps', '3', '-o', want)
            same_frame(shot, want, 'steps')

        @check('a step puts only its changed rectangles on the canvas, which stays the desktop frame')
        def _():
            open_page(b, base, '?trace=1')
            press_and_wait(b, 'n')   # the frame after the first is whole (the window's first events)
            # Every putImageData on SDL's context, counted: a whole frame (SDL's own
            # update: 3 arguments) or a changed rectangle (ui_platform_update_rects: 7).
            b.eval('''(() => { const c = Module.SDL2.ctx, put = c.putImageData.bind(c); window.puts = [];
                c.putImageData = function(...a) { window.puts.push(a.length === 7 ? a[5] * a[6] : -1);
                                                  return put(...a); }; return true; })()''')
            for _ in range(2):
                press_and_wait(b, 'n')
            puts = b.eval('window.puts')
            whole = sum(1 for p in puts if p < 0)
            area = sum(p for p in puts if p >= 0)
            print(f'     steps 2 and 3: {len(puts)} rectangles put, {area} pixels ({100 * area / 2 / 921600:.0f}% '
                  f'of the frame a step), {whole} whole frames')
            assert whole == 0 and len(puts) >= 2, f'{whole} whole frames, {len(puts)} puts'
            assert 0 < area < 2 * 921600 * 0.6, f'{area} pixels put for 2 steps'
            shot, want = os.path.join(OUT, 'rects-browser.png'), os.path.join(OUT, 'rects-desktop.png')
            b.canvas_png(shot)
            desktop('--size', '1280x720', '--steps', '3', '-o', want)
            same_frame(shot, want, 'rects')

        @check('a lesson from the URL; Page Down turns to page 2')
        def _():
            open_page(b, base, '?trace=1&lesson=4')
            page_down_from_first_page(b, '4', '04-cross-entropy.lesson', 'lesson')

        @check('a click on the landscape moves the point there')
        def _():
            open_page(b, base, '?trace=1')
            before = os.path.join(OUT, 'click-before.png')
            b.canvas_png(before)
            # Upper left of the heatmap in the default layout at 1280x720 (z1 = z2 = -3.9
            # to 3.9 there): first make sure it is the heatmap, not the panel's white.
            x, y = 700, 150
            assert pixel(before, x, y) not in [(255, 255, 255), (0, 0, 0)], f'({x}, {y}) is not on the heatmap'
            shown = b.eval('window.xentlab.frames')
            b.click(x, y)
            frames_after(b, shown)
            assert_moved_to_upper_left(b, 'the click')
            after = os.path.join(OUT, 'click-browser.png')
            b.canvas_png(after)
            assert image_diff(before, after, FUZZ_PERCENT) > 2000, 'the frame did not change after the click'

        @check('a touch screen: a tap moves the point like a click; a drag raises a P bar')
        def _():
            b.send('Emulation.setTouchEmulationEnabled', {'enabled': True, 'maxTouchPoints': 1})
            try:
                open_page(b, base, '?trace=1')
                shown = b.eval('window.xentlab.frames')
                b.send('Input.dispatchTouchEvent', {'type': 'touchStart', 'touchPoints': [{'x': 700, 'y': 150}]})
                b.send('Input.dispatchTouchEvent', {'type': 'touchEnd', 'touchPoints': []})
                frames_after(b, shown)
                assert_moved_to_upper_left(b, 'the tap')
                # The robin's P bar (p = 0.4, its top near y = 279 at 1280x720) dragged up
                # by a finger: p rises, the other classes keep their ratios (0.25 : 0.15).
                b.send('Input.dispatchTouchEvent', {'type': 'touchStart', 'touchPoints': [{'x': 100, 'y': 285}]})
                for y in range(280, 190, -10):
                    b.send('Input.dispatchTouchEvent', {'type': 'touchMove', 'touchPoints': [{'x': 100, 'y': y}]})
                    b.pump(0.03)
                b.send('Input.dispatchTouchEvent', {'type': 'touchEnd', 'touchPoints': []})
                b.pump(0.3)
                sets = [t for t in trace_lines(b) if t.get('command') == 'set-p']
                assert sets, 'no set-p in the trace after the drag'
                p = [float(v) for v in sets[-1]['text'].split()[1].split(',')]
                assert p[0] > 0.6, f'the robin\'s p after the drag: {p[0]}'
                assert abs(p[1] / p[2] - 0.25 / 0.15) < 1e-9, f'the others\' ratios changed: {p}'
            finally:
                b.send('Emulation.setTouchEmulationEnabled', {'enabled': False})

        @check('without a keyboard: a click on "H help" opens the key sheet; a tap on "→ next" turns the page')
        def _():
            open_page(b, base, '?trace=1')
            before = os.path.join(OUT, 'pointer-only-before.png')
            b.canvas_png(before)
            # "H help" is the only near-black text in the hint bar (the other hints are grey).
            box = ink_box(before, 0, 720 - 40, 1280, 40, black_only=True)
            assert box and box[0] > 640, f'"H help" not found in the hint bar: {box}'
            shown = b.eval('window.xentlab.frames')
            b.click(box[0] + box[2] // 2, box[1] + box[3] // 2)
            frames_after(b, shown)
            assert [t for t in trace_lines(b) if t.get('command') == 'help'], 'no help in the trace after the click'
            sheet = os.path.join(OUT, 'pointer-only-help.png')
            b.canvas_png(sheet)
            assert image_diff(before, sheet, FUZZ_PERCENT) > 100_000, 'the key sheet did not open'
            # A click turns the sheet's page; on its last page a click closes it (its foot
            # says which): the frame is the first again after a few clicks.
            after = os.path.join(OUT, 'pointer-only-after.png')
            for clicks in range(1, 7):
                shown = b.eval('window.xentlab.frames')
                b.click(640, 360)
                frames_after(b, shown)
                b.canvas_png(after)
                if image_diff(before, after, FUZZ_PERCENT) == 0:
                    break
            assert image_diff(before, after, FUZZ_PERCENT) == 0, \
                f'the frame after {clicks} clicks on the sheet is not the first (the sheet did not close)'
            # The lesson column's foot: its first key is "→ next".
            b.send('Emulation.setTouchEmulationEnabled', {'enabled': True, 'maxTouchPoints': 1})
            try:
                open_page(b, base, '?trace=1&lesson=2')
                page = os.path.join(OUT, 'pointer-only-lesson.png')
                b.canvas_png(page)
                foot = ink_box(page, 0, 720 - 60, 440, 50)
                assert foot, 'no keys at the foot of the lesson column'
                shown = b.eval('window.xentlab.frames')
                # The keys are the foot's last line (a status line may stand above them):
                # the middle of its glyphs, about 7 px above the ink's bottom.
                point = {'x': foot[0] + 8, 'y': foot[1] + foot[3] - 7}
                b.send('Input.dispatchTouchEvent', {'type': 'touchStart', 'touchPoints': [point]})
                b.send('Input.dispatchTouchEvent', {'type': 'touchEnd', 'touchPoints': []})
                frames_after(b, shown)
                pages = [t for t in trace_lines(b) if t.get('lesson') == 'page']
                assert pages and pages[-1]['page'] == 2, f'page lines after the tap on "→ next": {pages}'
            finally:
                b.send('Emulation.setTouchEmulationEnabled', {'enabled': False})

        @check('F12 downloads a PNG of the frame')
        def _():
            open_page(b, base)
            press_and_wait(b, 'F12')
            got = b.wait_for('window.xentlab.downloads.length > 0 && window.xentlab.downloads[0]', timeout=10)
            assert got['name'].startswith('xentlab-') and got['name'].endswith('.png'), got
            path = os.path.join(downloads, got['name'])
            deadline = time.time() + 10
            while not os.path.exists(path) and time.time() < deadline:
                b.pump(0.1)
            assert os.path.exists(path), f'{path} was not saved by the browser ({os.listdir(downloads)})'
            assert png_size(path) == (1280, 720), png_size(path)
            assert os.path.getsize(path) == got['bytes']

        @check('Q keeps the page and says how to leave')
        def _():
            open_page(b, base, '?trace=1')
            press_and_wait(b, 'q')
            press_and_wait(b, 'n')
            assert b.eval('window.xentlab.exitStatus') is None, 'the program exited'
            quits = [t for t in trace_lines(b) if t.get('command') == 'quit']
            assert quits and quits[-1]['ok'] is False, f'the trace says of Q: {quits}'

        @check('paused, the page sleeps until input; a key wakes it; a lesson\'s play and a run need none')
        def _():
            open_page(b, base, '?trace=1')
            b.wait_for('window.xentlab.asleep', timeout=5)
            sleeps = b.eval('window.xentlab.sleeps')
            press_and_wait(b, 'n')
            b.wait_for(f'window.xentlab.asleep && window.xentlab.sleeps > {sleeps}', timeout=5)
            assert [t['step'] for t in step_lines(trace_lines(b))] == [1]
            assert b.eval('window.xentlab.exitStatus') is None, 'the runtime ended while asleep'
            # A lesson page that plays 50 steps when it opens, with no input at all.
            open_page(b, base, '?trace=1&lesson=6&page=3')
            b.wait_for("window.xentlab.asleep", timeout=15)
            done = [t for t in trace_lines(b) if t.get('lesson') == 'phase' and t.get('phase') == 'done']
            assert done and done[-1]['step'] == 50, f'the play stopped short: {done}'
            # Playing, it stays awake and steps on its own.
            open_page(b, base, '?do=play')
            b.pump(1.0)
            assert not b.eval('window.xentlab.asleep'), 'asleep while playing'
            shown = b.eval('window.xentlab.frames')
            b.pump(0.5)
            assert b.eval('window.xentlab.frames') > shown + 5, 'no frames while playing'

        @check('the address follows the state: paced while playing, at once on a pause; a reload reopens it')
        def _():
            state_follows_the_address(b, base)

        @check('?theme=dark: the dark theme, and the page around it dark too')
        def _():
            open_page(b, base, '?theme=dark')
            shot = os.path.join(OUT, 'dark-browser.png')
            b.canvas_png(shot)
            assert pixel(shot, 2, 45) == DARK_BACKGROUND, f'background {pixel(shot, 2, 45)}'
            bg = b.eval('getComputedStyle(document.body).backgroundColor')
            assert bg == 'rgb(21, 23, 28)', bg

        def metrics(width, height, ratio=1):
            b.send('Emulation.setDeviceMetricsOverride',
                   {'width': width, 'height': height, 'deviceScaleFactor': ratio, 'mobile': False})

        @check('the window grows to 1920x1080 while open: the canvas follows, the desktop frame again')
        def _():
            open_page(b, base)
            try:
                metrics(1920, 1080)
                b.wait_for("document.getElementById('canvas').width === 1920 && "
                           "document.getElementById('canvas').height === 1080", timeout=10)
                shown = b.eval('window.xentlab.frames')
                frames_after(b, shown - 1)
                b.pump(0.3)
                shot, want = os.path.join(OUT, 'large-browser.png'), os.path.join(OUT, 'large-desktop.png')
                b.canvas_png(shot)
                desktop('--size', '1920x1080', '-o', want)
                same_frame(shot, want, 'large')
            finally:
                metrics(1280, 720)

        @check('a HiDPI screen (2 pixels per CSS pixel): a sharp 2560x1440 frame; clicks land where they point')
        def _():
            metrics(1280, 720, 2)
            try:
                open_page(b, base, '?trace=1')
                b.wait_for("document.getElementById('canvas').width === 2560", timeout=10)
                b.pump(0.3)
                shot, want = os.path.join(OUT, 'hidpi-browser.png'), os.path.join(OUT, 'hidpi-desktop.png')
                b.canvas_png(shot)
                desktop('--size', '2560x1440', '-o', want)
                same_frame(shot, want, 'hidpi')
                # The same CSS point as the 1x click test: the same place on the landscape.
                shown = b.eval('window.xentlab.frames')
                b.click(700, 150)
                frames_after(b, shown)
                assert_moved_to_upper_left(b, 'the click')
            finally:
                metrics(1280, 720)

        @check('P in a lesson: the presenter view is the desktop\'s; the page goes on')
        def _():
            open_page(b, base, '?trace=1&lesson=2')
            press_and_wait(b, 'p')
            press_and_wait(b, 'PageDown')
            assert not [t for t in trace_lines(b) if t.get('lesson') == 'presenter'], 'a presenter view was opened'
            assert [t for t in trace_lines(b) if t.get('lesson') == 'page'], 'Page Down after P did nothing'
            assert b.eval('window.xentlab.exitStatus') is None and not b.exceptions(), b.exceptions()

        @check('from a disk (file://): index.html goes to xentlab.html, which has everything inside it')
        def _():
            start_page(b, 'file://' + os.path.join(SITE, 'index.html') + '?trace=1&lesson=3')
            b.wait_for("location.pathname.endsWith('/xentlab.html') && "
                       "(window.xentlab.frames >= 1 || window.xentlab.exitStatus !== null)", timeout=30)
            assert b.eval('window.xentlab.exitStatus') is None, b.eval('window.xentlab.stderr')
            page_down_from_first_page(b, '3', '03-microstates.lesson', 'disk')

        @check('the licences travel with the folder and inside the one-file page')
        def _():
            for name, words in (('LICENSE.txt', ('MIT License', 'Copyright (c)')),
                                ('LICENSE-fonts.txt', ('Bitstream', 'DejaVu')),
                                ('DATA.md', ('python3-sklearn', 'CC BY 4.0', 'doi.org/10.24432/C50P49'))):
                with open(os.path.join(SITE, name), encoding='utf-8') as f:
                    text = f.read()
                assert all(w in text for w in words), f'{name} lacks {words}'
            with open(os.path.join(SITE, 'xentlab.html'), encoding='utf-8') as f:
                head = f.read(20000)
            assert head.lower().startswith('<!doctype html>\n<!--'), head[:80]
            comment = head[:head.index('-->')]
            for w in ('MIT License', 'Copyright (c)', 'Bitstream', 'DejaVu', 'doi:10.24432/C50P49, CC BY 4.0'):
                assert w in comment, f'xentlab.html: the licence comment lacks {w!r}'
            assert head.lower().count('<!doctype') == 1, 'two doctypes'

        @check('a bad link says what is wrong, naming the flag')
        def _():
            b.goto(f'{base}/index.html?scenario=nope')
            b.wait_for('window.xentlab.exitStatus === 2', timeout=30)
            text = b.eval("document.getElementById('failed').hidden ? '' : document.getElementById('failed').innerText")
            assert '--scenario' in text and 'nope' in text and 'gaussian' in text, text
            b.screenshot(os.path.join(OUT, 'bad-link.png'))
            b.goto(f'{base}/index.html?scenaro=gaussian')
            b.wait_for("!document.getElementById('failed').hidden", timeout=10)
            text = b.eval("document.getElementById('failed').innerText")
            assert 'unknown URL parameter: scenaro' in text, text

        @check('an English page fetches no CJK font (nor does a German one)')
        def _():
            for query in ('?lesson=4', '?lang=de&lesson=2'):
                open_page(b, base, query)
                b.wait_for('window.xentlab.asleep', timeout=15)
                assert b.eval('window.xentlab.fontRequests') == [], (query, b.eval('window.xentlab.fontRequests'))
                assert fetched(b, CJK_FILE) == 0, f'{query}: {CJK_FILE} was fetched'
                assert fetched(b, 'xentlab.data') == 1, f'{query}: the resource count is not read'

        @check('the Chinese test lesson: the CJK font is fetched once, and the glyphs drawn, not boxes')
        def _():
            cjk_lesson(b, base)

        @check('the keys sheet opens from the page and Esc closes it')
        def _():
            b.goto(f'{base}/index.html?scenaro=x')
            b.wait_for("!document.getElementById('failed').hidden", timeout=10)
            b.eval("document.querySelector('#failed [data-keys]').click()")
            assert not b.eval("document.getElementById('keys').hidden")
            b.screenshot(os.path.join(OUT, 'keys-sheet.png'))
            b.press('Escape')
            b.wait_for("document.getElementById('keys').hidden", timeout=5)

    stop()
    return summary('web', OUT)


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""The browser page for people who do not see the canvas, or do not use a mouse (issue 26).

    python3 tests/web/test_web_a11y.py SITE DESKTOP_XENTLAB OUT_DIR

As tests/web/test_web.py (SITE is scripts/web.sh's folder; the desktop binary is not run
here; OUT_DIR gets the screenshots), in headless Chromium over the DevTools protocol:
  - the accessibility tree (Accessibility.getFullAXTree) holds the scene in words, and
    the polite live region's words change after a step key and after a page turn;
  - every control of the page is a named, focusable button in that tree, and one
    pressed does what its key does (the trace's command line);
  - Tab from the canvas moves the focus out of it and Shift+Tab back; keys typed into a
    text field of the page change nothing in the lab;
  - at the browser's zoom of 200% the type is twice as tall.
The last line is "N passed, M failed"; the exit status is 1 if any failed.

Zoom: Chromium's Ctrl+Plus is browser UI, which headless Chromium has no key for and the
DevTools protocol no command (Emulation.setPageScaleFactor is a pinch: the layout
viewport stays and nothing reflows). What a zoom of 200% does to a page is exactly what
Emulation.setDeviceMetricsOverride with half the CSS width and height and
deviceScaleFactor 2 does, while window.outerWidth (the window in screen points) stays:
CSS pixels halve, devicePixelRatio doubles, `resize` and the resolution media query fire.
That is the override used here; the window's outerWidth staying is what tells it from a
HiDPI screen (src/web/index.html, zoomFromWindow).
"""
import os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import cdp  # noqa: E402
from cdp import Browser, check, image_diff, png_size, serve, summary, test_args  # noqa: E402

SITE, DESKTOP, OUT = test_args()


def open_page(b, base, query=''):
    """The page at its first frame, with the scene in words."""
    cdp.open_page(b, base, query, described=True)


def ax_nodes(b):
    """The page's whole accessibility tree: [(role, name, node)], ignored nodes left out."""
    nodes = b.send('Accessibility.getFullAXTree')['nodes']
    out = []
    for n in nodes:
        if n.get('ignored'):
            continue
        role = (n.get('role') or {}).get('value', '')
        name = (n.get('name') or {}).get('value', '')
        out.append((role, name, n))
    return out


def ax_text(b):
    """Every name and static text of the tree, joined: what a screen reader can reach."""
    return '\n'.join(name for _, name, _ in ax_nodes(b) if name)


def live_text(b):
    return b.eval("document.getElementById('announce').textContent")


def wait_announced(b, before, what):
    """The live region said something new (its count of announcements went up)."""
    try:
        b.wait_for(f'window.xentlab.announcements > {before}', timeout=10)
    except Exception as e:  # noqa: BLE001
        raise AssertionError(f'no announcement after {what}') from e
    return live_text(b)


def focused(b):
    return b.eval("document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ''")


def trace_commands(b, since):
    """The command lines of --trace written after console line `since`."""
    import json
    out = []
    for text in b.console_lines()[since:]:
        if text.startswith('{') and '"command"' in text:
            try:
                out.append(json.loads(text)['command'])
            except (ValueError, KeyError):
                pass
    return out


def glyph_height(png, box):
    """The height in pixels of the first line of type in box (x, y, w, h) of png: the
    first run of rows, from the top, that hold ink (pixels darker than mid-grey; the
    status bar's type is near black on a light grey), with no row free of it inside."""
    x, y, w, h = box
    out = subprocess.run(['convert', png, '-crop', f'{w}x{h}+{x}+{y}', '+repage', '-colorspace', 'gray',
                          '-threshold', '50%', '-scale', f'1x{h}!', '-depth', '8', 'txt:-'],
                         capture_output=True, text=True, check=True).stdout
    ink = []
    for line in out.splitlines()[1:]:
        # "0,12: (236)  #ECECEC  gray(236)": below 255, some pixel of the row is ink
        ink.append(int(line[line.index('(') + 1:line.index(')')].split(',')[0].split('.')[0]) < 255)
    if True not in ink:
        return 0
    top = ink.index(True)
    bottom = top
    while bottom + 1 < len(ink) and ink[bottom + 1]:
        bottom += 1
    return bottom - top + 1


def main():
    if SITE is None:
        print(__doc__)
        return 2
    os.makedirs(OUT, exist_ok=True)
    base, stop = serve(SITE)
    with Browser(1280, 720) as b:
        b.send('Accessibility.enable')

        @check('the scene in words is in the accessibility tree; a step key changes the live region')
        def _():
            open_page(b, base)
            words = b.eval('window.xentlab.described')
            assert len(words) > 40, f'the description is only {words!r}'
            tree = ax_text(b)
            assert words[:60] in tree, f'the description is not in the accessibility tree: {words[:60]!r}'
            canvas = [n for role, name, n in ax_nodes(b) if role == 'application']
            assert canvas, 'no application node for the canvas'
            before = b.eval('window.xentlab.announcements')
            said_before = live_text(b)
            b.press('n')
            said = wait_announced(b, before, 'a step (N)')
            assert said and said != said_before, f'the live region did not change: {said!r}'
            now = b.eval('window.xentlab.described')
            assert now != words, 'the description region did not change with the step'
            tree = ax_text(b)
            assert now[:60] in tree and said[:60] in tree, 'the new words are not in the accessibility tree'
            # A step says what changed first, not the whole description again.
            assert len(said) < len(now), f'a step said all of it ({len(said)} of {len(now)} characters)'
            print(f'     after N the live region says: {said!r}', flush=True)
            before = b.eval('window.xentlab.announcements')
            b.eval("document.getElementById('say-again').click()")
            full = wait_announced(b, before, 'Describe the scene')
            assert len(full) > len(now) * 0.8, f'"Describe the scene" said only {full!r}'
            print(f'     "Describe the scene" says {len(full)} characters', flush=True)
            before = b.eval('window.xentlab.announcements')
            b.eval("document.getElementById('canvas').focus()")
            b.press('F9')
            full = wait_announced(b, before, 'F9')
            assert len(full) > len(now) * 0.8, f'F9 said only {full!r}'
            assert b.eval('window.xentlab.exitStatus') is None and not b.exceptions(), b.exceptions()

        @check('a page turn (Page Down with the page body focused, as a clicker) is announced')
        def _():
            open_page(b, base, '?lesson=1')
            b.eval('document.activeElement.blur()')
            assert focused(b) == 'BODY', focused(b)
            before = b.eval('window.xentlab.announcements')
            first = b.eval('window.xentlab.described')
            b.press('PageDown')
            said = wait_announced(b, before, 'Page Down')
            assert said != first, f'the words did not change with the page: {said!r}'
            # A page turned to is said in full: its title and its question.
            assert 'A model that expected rain' in said and 'How surprised is it?' in said, said
            b.wait_for('window.xentlab.controls && window.xentlab.controls.page === 2', timeout=10)
            label = b.eval("document.getElementById('lesson-group').getAttribute('aria-label')")
            assert label.startswith('Lesson, page 2 of'), label
            # The question's answers are buttons; the first answers it, as the key 1 does.
            assert b.eval('window.xentlab.controls.phase') == 'asking', b.eval('window.xentlab.controls')
            assert b.eval("document.getElementById('do-next').textContent") == 'Reveal the answer'
            answer = b.eval("document.querySelector('[data-do=\"lesson answer 1\"]').textContent")
            assert answer == 'Answer 1: less than 1 nat', answer
            # Answered from the keyboard (the button focused, Enter): the live region says
            # the answer and its explanation (not the page's title again, cut off before
            # them), and the focus goes on to the button that goes on, not "Previous page".
            b.eval("document.querySelector('[data-do=\"lesson answer 1\"]').focus()")
            before = b.eval('window.xentlab.announcements')
            b.press('Enter')
            b.wait_for("window.xentlab.controls.phase !== 'asking'", timeout=10)
            said = wait_announced(b, before, 'an answer given')
            assert 'barely surprises you' in said and 'A model that expected rain' not in said, said
            print(f'     after the answer the live region says: {said[:160]!r}', flush=True)
            assert focused(b) == 'do-next', f'after the answer the focus is on {focused(b)}'

        @check('while it plays, the live region speaks at most every 5 seconds')
        def _():
            open_page(b, base)
            before = b.eval('window.xentlab.announcements')
            b.press(' ')
            b.wait_for('window.xentlab.controls && window.xentlab.controls.playing === 1', timeout=5)
            b.wait_for(f'window.xentlab.announcements > {before}', timeout=5)   # the key's own
            frames = b.eval('window.xentlab.frames')
            b.pump(2.5)
            drawn = b.eval('window.xentlab.frames') - frames
            said = b.eval('window.xentlab.announcements') - before
            b.press(' ')
            assert drawn > 20, f'it did not play: {drawn} frames in 2.5 s'
            assert said == 1, f'{said} announcements in 2.5 s of playing (the key\'s own and none more expected)'

        @check('every control is a named, focusable button; one pressed does what its key does')
        def _():
            open_page(b, base, '?trace=1')
            buttons = [(name, n) for role, name, n in ax_nodes(b) if role == 'button']
            names = [name for name, _ in buttons]
            for want in ('Play', 'Step', 'Reset', 'Slower', 'Faster', 'Learning rate down', 'Learning rate up',
                         'Next optimizer', 'Previous scenario', 'Next scenario', 'Describe the scene', 'Keys'):
                assert want in names, f'no button named {want!r} in {names}'
            assert all(names), f'a button without a name: {names}'
            for name, n in buttons:
                props = {p['name']: p['value'].get('value') for p in n.get('properties', [])}
                assert props.get('focusable'), f'button {name!r} is not focusable'
            since = len(b.console_lines())
            b.eval("document.querySelector('[data-do=\"step\"]').focus()")
            assert b.eval("getComputedStyle(document.getElementById('controls')).position") == 'fixed', \
                'the toolbar is not shown while a button has the focus'
            b.screenshot(os.path.join(OUT, 'a11y-toolbar.png'))
            frames = b.eval('window.xentlab.frames')
            b.press('Enter')   # the button's own Enter: a click, never the lab's Enter
            b.wait_for(f'window.xentlab.frames > {frames}', timeout=10)
            b.wait_for(f'window.xentlab.announcements > 0', timeout=5)
            time.sleep(0.2)
            b.pump(0.2)
            cmds = trace_commands(b, since)
            assert cmds.count('step') == 1, f'Enter on Step: the trace\'s commands {cmds}'
            b.eval("document.getElementById('do-play').click()")
            b.wait_for("window.xentlab.controls.playing === 1", timeout=10)
            assert b.eval("document.getElementById('do-play').textContent") == 'Pause'
            b.eval("document.getElementById('do-play').click()")
            b.wait_for("window.xentlab.controls.playing === 0", timeout=10)

        @check('Tab leaves the canvas for the next control, Shift+Tab comes back; the canvas shows a focus ring')
        def _():
            open_page(b, base)
            b.eval("document.getElementById('canvas').focus()")
            b.press('Tab')
            assert b.eval("document.activeElement.id") == 'do-play', f'Tab went to {focused(b)}'
            b.press('Tab', shift=True)
            assert focused(b) == 'canvas', f'Shift+Tab went to {focused(b)}'
            ring = b.eval("getComputedStyle(document.getElementById('canvas')).outlineStyle")
            assert ring == 'solid', f'no focus outline on the canvas after the keyboard: {ring}'

        @check('keys typed into a text field of the page do not reach the lab')
        def _():
            open_page(b, base, '?trace=1')
            b.eval("const f = document.createElement('input'); f.id = 'field'; document.body.appendChild(f); f.focus()")
            state = b.eval('window.xentlab.stateText')
            since = len(b.console_lines())
            frames = b.eval('window.xentlab.frames')
            for k in ('n', 'n', ' ', 'r', 's', 'PageDown'):
                b.press(k)
            b.pump(0.5)
            assert b.eval("document.getElementById('field').value") == 'nn rs', b.eval("document.getElementById('field').value")
            assert trace_commands(b, since) == [], f'the lab took keys: {trace_commands(b, since)}'
            assert b.eval('window.xentlab.stateText') == state, 'the scene changed'
            assert b.eval('window.xentlab.frames') - frames <= 1, 'the lab drew what the keys did'

        @check('"Copy link" covers nothing of the frame (1280x720, 1920x1080, 200%); Tab reaches it, named')
        def _():
            open_page(b, base)
            for css_w, css_h, ratio in ((1280, 720, 1), (1920, 1080, 1), (640, 360, 2)):
                b.send('Emulation.setDeviceMetricsOverride',
                       {'width': css_w, 'height': css_h, 'deviceScaleFactor': ratio, 'mobile': False})
                try:
                    b.wait_for(f"document.getElementById('canvas').width === {css_w * ratio}", timeout=10)
                    b.wait_for(f'window.xentlab.zoom === {ratio}', timeout=5)
                    b.pump(0.3)
                    b.eval("document.activeElement.blur()")
                    assert not b.eval("document.getElementById('copy-link').hidden"), 'no Copy link button'
                    # Nothing of the page is hit along the status bar's row and the frame's
                    # corners but the canvas, and what is on the screen is the canvas's own
                    # pixels: no button over the frame.
                    hits = b.eval(f"""(() => {{ const out = [];
                        for (let x = 1; x < {css_w}; x += 8) for (const y of [1, 12, 24, {css_h} - 2]) {{
                          const e = document.elementFromPoint(x, y);
                          if (e && e.id !== 'canvas') out.push([x, y, e.id || e.tagName]); }}
                        return out; }})()""")
                    assert not hits, f'{css_w}x{css_h} at {ratio}x: the page covers the canvas at {hits[:5]}'
                    name = f'copy-link-{css_w}x{css_h}-{ratio}x'
                    screen, frame = os.path.join(OUT, name + '-screen.png'), os.path.join(OUT, name + '-canvas.png')
                    for _ in range(5):   # the screen and the canvas read with no frame between them
                        shown = b.eval('window.xentlab.frames')
                        b.screenshot(screen)
                        b.canvas_png(frame)
                        if b.eval('window.xentlab.frames') == shown:
                            break
                        b.pump(0.2)
                    assert png_size(screen) == png_size(frame), (png_size(screen), png_size(frame))
                    covered = image_diff(screen, frame, 1)
                    assert covered == 0, f'{css_w}x{css_h} at {ratio}x: {covered} pixels of the screen are not the frame\'s'
                    print(f'     {css_w}x{css_h} CSS px at {ratio}x: the screen is the frame, pixel for pixel', flush=True)
                finally:
                    b.send('Emulation.setDeviceMetricsOverride',
                           {'width': 1280, 'height': 720, 'deviceScaleFactor': 1, 'mobile': False})
            b.wait_for("document.getElementById('canvas').width === 1280", timeout=10)
            # From the canvas, Tab goes through the page's buttons: "Copy link"
            # is the last, a focusable button named in the accessibility tree.
            b.eval("document.getElementById('canvas').focus()")
            for _ in range(40):
                if focused(b) == 'copy-link':
                    break
                b.press('Tab')
            assert focused(b) == 'copy-link', f'Tab did not reach Copy link (at {focused(b)})'
            copy = [n for role, name, n in ax_nodes(b) if role == 'button' and name == 'Copy link']
            assert copy, 'no button named "Copy link" in the accessibility tree'
            props = {p['name']: p['value'].get('value') for p in copy[0].get('properties', [])}
            assert props.get('focusable') and props.get('focused'), props

        @check('the browser zoom at 200%: the type is twice as tall')
        def _():
            open_page(b, base)
            b.eval("document.activeElement.blur()")
            one = os.path.join(OUT, 'a11y-zoom-100.png')
            b.screenshot(one)
            frames = b.eval('window.xentlab.frames')
            try:
                b.send('Emulation.setDeviceMetricsOverride',
                       {'width': 640, 'height': 360, 'deviceScaleFactor': 2, 'mobile': False})
                b.wait_for('window.xentlab.zoom === 2', timeout=5)
                b.wait_for(f'window.xentlab.frames > {frames}', timeout=10)   # drawn at the new zoom
                b.pump(0.2)
                two = os.path.join(OUT, 'a11y-zoom-200.png')
                b.screenshot(two)
            finally:
                b.send('Emulation.setDeviceMetricsOverride',
                       {'width': 1280, 'height': 720, 'deviceScaleFactor': 1, 'mobile': False})
            assert png_size(two) == (1280, 720), png_size(two)
            # The status bar's title at the top left ("xentlab · softmax classifier · 5 classes",
            # at 200% "softmax classifier"): the height of its ink, ascenders to the baseline
            # (neither has a descender).
            h1, h2 = glyph_height(one, (4, 0, 400, 38)), glyph_height(two, (4, 0, 420, 76))
            print(f'     the status bar\'s type: {h1} px at 100%, {h2} px at 200%', flush=True)
            assert h1 > 5 and 1.7 <= h2 / h1 <= 2.3, f'{h1} px at 100%, {h2} px at 200%'

    stop()
    return summary('web a11y', OUT)


if __name__ == '__main__':
    sys.exit(main())

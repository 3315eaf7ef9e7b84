#!/usr/bin/env python3
"""The phone's page in headless Chromium, against a real xentlab --class.

    python3 tests/class/test_class_phone.py XENTLAB LESSON OUT_DIR

xentlab runs in a real window under a private Xvfb (tests/class/class_lib.py) on
tests/data/class.lesson; Chromium (tests/web/cdp.py, a fresh profile) opens the join URL
in a phone-sized viewport with touch. The test:
  - reads the waiting page, turns xentlab's page (Page Down) and sees the phone show the
    question within a second;
  - reads the accessibility tree (Accessibility.getFullAXTree): one button per answer,
    named by the answer's text;
  - taps an answer (a touch event at the button's centre): the button is marked
    (aria-pressed="true" and the words "your vote"), the trace counts it; taps another:
    the mark moves;
  - turns the page (the reveal, then the next question): the phone follows each within
    a second, the revealed page marks the right answer and takes no more votes;
  - a phone without JavaScript: its vote is a form post answered 303 back to the page.
Screenshots go to OUT_DIR for a person to look at. The last line is "N passed, M failed".
"""
import argparse
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'web'))
import class_lib as cl  # noqa: E402

PHONE_W, PHONE_H = 390, 844
FOLLOW_S = 1.0
Q1 = ('How surprised is the model?', ['about 6.9 nats', 'about 0.05 nats', 'no surprise at all'])
Q2 = 'How does the cross-entropy H(P,Q) compare with the entropy H(P)?'

results = []


def check(name, cond, detail=''):
    results.append(bool(cond))
    print('%s %s%s' % ('ok  ' if cond else 'FAIL', name, (': ' + detail) if detail else ''), flush=True)
    return cond


BUTTONS_JS = '''JSON.stringify(Array.from(document.querySelectorAll('button[name=k]')).map(b => {
  const r = b.getBoundingClientRect();
  return {text: b.innerText.trim(), value: b.value, pressed: b.getAttribute('aria-pressed'),
          x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height};
}))'''


def buttons(b):
    return json.loads(b.eval(BUTTONS_JS))


def tap(b, x, y):
    """A finger's tap: touchStart and touchEnd at (x, y) (Chromium makes the click)."""
    pt = [{'x': x, 'y': y, 'radiusX': 4, 'radiusY': 4, 'force': 1, 'id': 1}]
    b.send('Input.dispatchTouchEvent', {'type': 'touchStart', 'touchPoints': pt})
    b.send('Input.dispatchTouchEvent', {'type': 'touchEnd', 'touchPoints': []})


def follow(b, x, key, js, what):
    """Press key in xentlab; seconds until js is true on the phone (fails after 5 s)."""
    t0 = time.monotonic()
    x.key(key)
    b.wait_for(js, timeout=5)
    dt = time.monotonic() - t0
    print('     the phone showed %s %.2f s after the key' % (what, dt), flush=True)
    return dt


def text_has(s):
    return 'document.body && document.body.innerText.includes(%s)' % json.dumps(s)


def ax_buttons(b):
    """(role, name) of the accessibility tree's buttons."""
    tree = b.send('Accessibility.getFullAXTree', {}, 30)
    out = []
    for n in tree.get('nodes', []):
        role = (n.get('role') or {}).get('value')
        if role == 'button' and not n.get('ignored'):
            out.append(((n.get('name') or {}).get('value') or '').strip())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('xentlab')
    ap.add_argument('lesson')
    ap.add_argument('out')
    a = ap.parse_args()
    cl.need_tools('Xvfb', 'xdotool')
    cl.need_class(a.xentlab)
    from cdp import CHROMIUM, Browser  # noqa: E402
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        print('skipped: Chromium is not installed (scripts/test.sh installs it)')
        return cl.SKIP
    os.makedirs(a.out, exist_ok=True)
    with cl.Xentlab(a.xentlab, a.lesson, size=(1280, 720), out=a.out) as x, Browser(PHONE_W, PHONE_H) as b:
        b.send('Emulation.setDeviceMetricsOverride', {'width': PHONE_W, 'height': PHONE_H,
                                                      'deviceScaleFactor': 2, 'mobile': True})
        b.send('Emulation.setTouchEmulationEnabled', {'enabled': True, 'maxTouchPoints': 1})
        b.send('Accessibility.enable')
        b.goto(x.url)
        b.wait_for(text_has('Look at the screen'), timeout=10)
        check('the phone page opens on the join URL and says to look at the screen', True)
        cookie = b.eval('document.cookie')
        check('no script reads the device token (an HttpOnly cookie, or none visible)', 'xl=' not in (cookie or ''),
              'document.cookie %r' % cookie)
        vw = b.eval('document.documentElement.scrollWidth')
        check('the page fits the phone\'s width (%d px)' % PHONE_W, vw <= PHONE_W, 'scrollWidth %s' % vw)
        b.screenshot(os.path.join(a.out, 'phone-wait.png'))

        turns = []
        turns.append(follow(b, x, 'Next', text_has(Q1[0]), 'question 2.1'))
        b.wait_for("document.querySelectorAll('button[name=k]').length == 3", timeout=3)
        b.screenshot(os.path.join(a.out, 'phone-question.png'))
        bs = buttons(b)
        check('three buttons with the answers\' texts', [t['text'] for t in bs] == Q1[1], '%s' % [t['text'] for t in bs])
        check('buttons big enough for a thumb (>= 44 px high)', all(t['h'] >= 44 for t in bs),
              '%s' % [round(t['h']) for t in bs])
        check('no button marked before a vote', all(t['pressed'] in (None, 'false') for t in bs),
              '%s' % [t['pressed'] for t in bs])
        ax = ax_buttons(b)
        check('the accessibility tree: a button named by each answer', [n for n in ax if n in Q1[1]] == Q1[1]
              and len(ax) == 3, 'buttons %s' % ax)

        m = x.mark()
        tap(b, bs[1]['x'], bs[1]['y'])
        b.wait_for('''(() => { const b = document.querySelectorAll('button[name=k]');
            return b.length == 3 && b[1].getAttribute('aria-pressed') == 'true'
                && document.body.innerText.toLowerCase().includes('your vote'); })()''', timeout=3)
        bs = buttons(b)
        check('a tap marks the answer: aria-pressed, "your vote"', [t['pressed'] for t in bs] == ['false', 'true', 'false'],
              '%s' % [t['pressed'] for t in bs])
        b.screenshot(os.path.join(a.out, 'phone-voted.png'))
        votes = x.wait_trace(lambda L: [o for o in L if o.get('class') == 'vote'], 3, 'the vote in the trace', m)
        check('xentlab counted it: a vote line, 2.1, option 2, ok',
              len(votes) == 1 and str(votes[0].get('question')) == '2.1' and votes[0].get('option') == 2
              and votes[0].get('ok'), '%s' % votes)
        tap(b, bs[0]['x'], bs[0]['y'])
        b.wait_for('''document.querySelectorAll('button[name=k]')[0].getAttribute('aria-pressed') == 'true' ''', 3)
        bs = buttons(b)
        check('another tap moves the mark', [t['pressed'] for t in bs] == ['true', 'false', 'false'],
              '%s' % [t['pressed'] for t in bs])
        ax = ax_buttons(b)
        check('the accessibility tree still names each button by its answer (the mark is in words too)',
              all(any(n.startswith(o) for n in ax) for o in Q1[1]), '%s' % ax)

        turns.append(follow(b, x, 'Next', text_has('right answer'), 'the reveal'))
        b.screenshot(os.path.join(a.out, 'phone-revealed.png'))
        enabled = b.eval("Array.from(document.querySelectorAll('button[name=k]')).filter(b => !b.disabled).length")
        check('the revealed question takes no more taps (no enabled answer button)', enabled == 0,
              '%s enabled' % enabled)
        turns.append(follow(b, x, 'Next', text_has(Q2), 'question 3.1'))
        check('the phone followed every page turn within %.1f s' % FOLLOW_S, max(turns) <= FOLLOW_S,
              'seconds %s' % ['%.2f' % t for t in turns])
        # A phone without JavaScript: a plain form post, answered with a redirect to the page.
        nojs = cl.Phone(x.port, x.code, 7)
        nojs.join()
        r = nojs.vote('3.1', 2, js=False)
        loc = r.header('Location') or ''
        check('without JavaScript a vote is a form post answered 303 to the page', r.status == 303
              and ('c=' + x.code) in loc, 'status %d, Location %r' % (r.status, loc))
        # Counted at xentlab's next turn: until then the state says it was sent ("sent": 1).
        t0 = time.monotonic()
        while True:
            st = nojs.state().json()
            if cl.my_vote(st) == 2 or time.monotonic() - t0 > 2:
                break
            time.sleep(0.1)
        check('... and counted within 2 s', cl.my_vote(st) == 2, 'state %s' % st)
        exc = b.exceptions()
        check('no script error on the page', not exc, '%s' % exc[:3])
    check('xentlab quit cleanly on SIGTERM (status 0)', x.returncode == 0, 'status %r' % x.returncode)
    x.trace()
    check('every trace line matches the schema (docs/trace.md)', not x.schema_errors,
          '%d lines break it, e.g. %s' % (len(x.schema_errors), list(x.schema_errors.items())[:3]))
    passed = sum(results)
    print('%d passed, %d failed' % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == '__main__':
    try:
        sys.exit(main())
    except Exception as e:  # noqa: BLE001 - a failure to run is a failure, reported as one
        import traceback
        traceback.print_exc()
        print('FAIL %s' % e)
        print('%d passed, %d failed' % (sum(results), len(results) - sum(results) + 1))
        sys.exit(1)

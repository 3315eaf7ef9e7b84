#!/usr/bin/env python3
"""The class under load: 300 phones join, poll and vote while the lesson turns pages.

    python3 tests/class/test_class_load.py XENTLAB LESSON OUT_DIR [--min-fps N]

xentlab runs in a real 1920x1080 window under a private Xvfb with --class on 127.0.0.1
(tests/class/class_lib.py). 300 simulated phones (asyncio, one source address each in
127/8, so the server's per-address limits see a room, not one machine) join on the
first page, poll the state every 0.5 s like the phone page's script, and on each of
the lesson's three questions most of them vote and some change their vote. The test
turns the pages with the window's keys (Page Down), as a teacher's clicker does.

Then it checks that every vote was counted exactly once:
  - the --class-log row of each question has count_K = the phones whose last vote was K,
    voted = the phones that voted, joined = 300, right = the lesson's right answer;
  - the trace has one "class": "vote" line per vote sent, each ok, one "join" per phone;
  - each phone's own state showed its last vote as counted before the reveal;
  - each page turn reached every phone within a second (key press to its first poll
    that shows the new question);
and that the window kept drawing: the trace's "class": "status" lines (frames drawn,
once a second) give the frame rate during the last page's fast play, which must be at
least --min-fps (25, the issue's floor at 1080p).

Prints the figures (joins, votes, requests, latency p50/p99, fps) and, last,
"N passed, M failed".
"""
import argparse
import asyncio
import collections
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import class_lib as cl  # noqa: E402

PHONES = 300
POLL = 0.5
# The lesson (tests/data/class.lesson): page -> (question id, options, right, 1-based)
QUESTIONS = {2: ('2.1', 3, 1), 3: ('3.1', 3, 2), 4: ('4.1', 4, 3)}
PLAY_PAGE = 5
FPS_SECONDS = 8


class Room:
    """What the phones did, shared by their coroutines and the teacher's."""

    def __init__(self, port, code, seed=24):
        self.port, self.code = port, code
        self.rng = random.Random(seed)
        self.tokens = {}
        self.joined = 0
        self.stop = False
        self.latency = []
        self.by_kind = collections.defaultdict(list)   # 'join', 'poll', 'vote' -> seconds
        self.statuses = collections.Counter()
        self.errors = []
        self.requests = 0
        # Each phone's plan per question: [] (does not vote), [k] or [k, k2] (changes once).
        self.plan = {}
        for qid, n, _ in QUESTIONS.values():
            for k in range(PHONES):
                r = self.rng.random()
                if r < 0.1:
                    votes = []
                else:
                    first = self.rng.randint(1, n)
                    votes = [first]
                    if r > 0.75:
                        votes.append(self.rng.choice([o for o in range(1, n + 1) if o != first]))
                self.plan[(k, qid)] = votes
        self.sent = collections.Counter()       # qid -> votes answered 2xx
        self.final = {}                         # (k, qid) -> the last vote answered 2xx
        self.done = collections.defaultdict(set)  # qid -> phones that finished their plan
        self.seen_counted = collections.defaultdict(set)  # qid -> phones whose state shows final
        self.first_seen = collections.defaultdict(dict)   # qid -> phone -> when it first saw qid open

    async def req(self, k, method, path, body=None):
        t0 = time.monotonic()
        for attempt in range(6):
            try:
                st, h, data = await cl.ahttp(self.port, cl.source_address(k), method, path,
                                             self.tokens.get(k), body)
            except (OSError, asyncio.TimeoutError, ConnectionError) as e:
                self.errors.append('%s %s: %r' % (method, path, e))
                await asyncio.sleep(0.2)
                continue
            self.requests += 1
            self.statuses[st] += 1
            self.latency.append(time.monotonic() - t0)
            self.by_kind['vote' if method == 'POST' else 'poll' if path.startswith('/s') else 'join'].append(
                time.monotonic() - t0)
            if st in (429, 503) and attempt < 5:
                await asyncio.sleep(0.3 + 0.3 * attempt)
                t0 = time.monotonic()
                continue
            return st, h, data
        return None, {}, b''

    async def phone(self, k):
        await asyncio.sleep(self.rng.random() * 2.0)     # phones scan the code over 2 s
        st, h, _ = await self.req(k, 'GET', '/?c=' + self.code)
        if st != 200:
            self.errors.append('phone %d: join answered %s' % (k, st))
            return
        tok = cl.cookie_token(h)
        if not tok:
            self.errors.append('phone %d: no xl cookie on the page' % k)
            return
        self.tokens[k] = tok
        # The page's first poll brings the token back: only then is the phone a device.
        st, _, data = await self.req(k, 'GET', '/s?c=' + self.code)
        if st != 200 or b'"joined":1' not in data:
            self.errors.append('phone %d: first poll answered %s %r' % (k, st, data[:80]))
            return
        self.joined += 1
        phase = self.rng.random() * POLL
        await asyncio.sleep(phase)
        while not self.stop:
            tick = time.monotonic()
            st, _, data = await self.req(k, 'GET', '/s?c=' + self.code)
            if st == 200:
                try:
                    state = cl.json.loads(data)
                except ValueError:
                    self.errors.append('phone %d: state is not JSON: %r' % (k, data[:80]))
                    state = {}
                if cl.is_open(state):
                    qid = str(cl.field(state, 'qid'))
                    self.first_seen[qid].setdefault(k, time.monotonic())
                    await self.on_question(k, qid, state)
            await asyncio.sleep(max(0.0, POLL - (time.monotonic() - tick)))

    async def on_question(self, k, qid, state):
        plan = self.plan.get((k, qid))
        if plan is None:
            return
        if k not in self.done[qid]:
            self.done[qid].add(k)       # at once: the next poll does not start it again
            for i, opt in enumerate(plan):
                await asyncio.sleep(self.rng.random() * (1.2 if i == 0 else 0.8))
                form = ('c=%s&q=%s&k=%d&js=1' % (self.code, qid, opt)).encode()
                st, _, _ = await self.req(k, 'POST', '/v', form)
                if st is not None and 200 <= st < 400:
                    self.sent[qid] += 1
                    self.final[(k, qid)] = opt
                else:
                    self.errors.append('phone %d: vote %s %d answered %s' % (k, qid, opt, st))
            return
        want = self.final.get((k, qid), 0)
        if cl.my_vote(state) == want:
            self.seen_counted[qid].add(k)


async def teacher(x, room, figures):
    figures['sanitized'] = x.sanitized()
    phones = [asyncio.create_task(room.phone(k)) for k in range(PHONES)]
    t0 = time.monotonic()
    while room.joined < PHONES and time.monotonic() - t0 < 30:
        await asyncio.sleep(0.2)
    figures['join_seconds'] = time.monotonic() - t0
    assert room.joined == PHONES, 'only %d of %d phones joined in 30 s: %s' % (room.joined, PHONES, room.errors[:5])
    await asyncio.to_thread(x.wait_trace, lambda L: sum(1 for o in L if o.get('class') == 'join') >= PHONES,
                            10, '%d class join lines' % PHONES)
    await asyncio.to_thread(x.screenshot, 'joined')    # the join card: 300 phones
    for page, (qid, _, _) in QUESTIONS.items():
        m = x.mark()
        pressed = time.monotonic()
        await asyncio.to_thread(x.key, 'Next')
        await asyncio.to_thread(x.wait_phase, page, ('asking',), 10, m)
        figures.setdefault('pressed', {})[qid] = pressed
        voters = {k for k in range(PHONES) if room.plan[(k, qid)]}
        t1 = time.monotonic()
        # Every phone has sent its votes, and its own state shows its last one counted.
        while time.monotonic() - t1 < 30:
            if len(room.done[qid]) == PHONES and voters <= room.seen_counted[qid] | set():
                break
            await asyncio.sleep(0.2)
        figures.setdefault('vote_seconds', []).append(time.monotonic() - t1)
        missing = voters - room.seen_counted[qid]
        assert not missing, 'question %s: %d phones never saw their last vote counted (e.g. %s)' % (
            qid, len(missing), sorted(missing)[:5])
        await asyncio.to_thread(x.screenshot, 'voted-%s' % qid)   # the count of votes, not the split
        m = x.mark()
        await asyncio.to_thread(x.key, 'Next')      # the reveal: the question closes, a log row
        await asyncio.to_thread(x.wait_trace, lambda L: any(
            o.get('page') == page and o.get('phase') in ('done', 'playing') for o in L if 'lesson' in o),
            10, 'page %d revealed' % page, m)
    m = x.mark()
    await asyncio.to_thread(x.key, 'Next')
    await asyncio.to_thread(x.wait_phase, PLAY_PAGE, ('playing',), 10, m)
    play_mark = x.mark()
    await asyncio.sleep(FPS_SECONDS)
    status = x.class_lines('status', play_mark)
    still_playing = not any(o.get('page') == PLAY_PAGE and o.get('phase') == 'done' for o in x.lesson_lines(play_mark))
    figures['fps'] = cl.fps_between(status)
    figures['fps_lines'] = len(status)
    figures['fps_while_playing'] = still_playing
    figures['connections'] = max((o.get('connections', 0) for o in status), default=0)
    figures['server'] = status[-1] if status else {}
    room.stop = True
    await asyncio.gather(*phones)
    # The frame rate is the figure at the size asked only if the window has it.
    geo = await asyncio.to_thread(x.xdotool, 'getwindowgeometry', x.win)
    figures['geometry'] = (geo or '').split('Geometry:')[-1].strip()
    await asyncio.to_thread(x.screenshot, 'play')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('xentlab')
    ap.add_argument('lesson')
    ap.add_argument('out')
    ap.add_argument('--min-fps', type=float, default=25.0)
    ap.add_argument('--size', default='1920x1080')
    a = ap.parse_args()
    cl.need_tools('Xvfb', 'xdotool')
    cl.need_class(a.xentlab)
    w, h = (int(v) for v in a.size.split('x'))
    results = []

    def check(name, cond, detail=''):
        results.append(bool(cond))
        print('%s %s%s' % ('ok  ' if cond else 'FAIL', name, (': ' + detail) if detail else ''), flush=True)

    figures = {}
    started = time.monotonic()
    with cl.Xentlab(a.xentlab, a.lesson, size=(w, h), out=a.out) as x:
        room = Room(x.port, x.code)
        try:
            asyncio.run(teacher(x, room, figures))
        except AssertionError as e:
            room.stop = True
            check('the class ran', False, str(e))
        else:
            check('the class ran: %d phones joined, three questions voted, the play page played' % PHONES, True)
        alive = x.alive()
    check('xentlab quit cleanly on SIGTERM (status 0)', x.returncode == 0, 'status %r' % x.returncode)
    check('xentlab ran to the end', alive)

    rows = x.log_rows()
    trace = x.trace()
    check('every trace line matches the schema (docs/trace.md)', not x.schema_errors,
          '%d lines break it, e.g. %s' % (len(x.schema_errors), list(x.schema_errors.items())[:3]))
    joins = [o for o in trace if o.get('class') == 'join']
    check('a join line for each phone, each device once', len(joins) == PHONES and
          len({o.get('device') for o in joins}) == PHONES, '%d lines, %d devices' % (
              len(joins), len({o.get('device') for o in joins})))
    lesson_name = os.path.basename(a.lesson)
    for page, (qid, n, right) in QUESTIONS.items():
        finals = collections.Counter(v for (k, q), v in room.final.items() if q == qid)
        voted = sum(finals.values())
        r = [row for row in rows if row.get('page') == str(page) and row.get('question') == '1']
        check('question %s: one log row' % qid, len(r) == 1, '%d rows' % len(r))
        if len(r) != 1:
            continue
        row = r[0]
        counts = [row.get('count_%d' % i, '') for i in range(1, 5)]
        want = [str(finals.get(i, 0)) if i <= n else '' for i in range(1, 5)]
        check('question %s: the log counts each phone\'s last vote once' % qid, counts == want,
              'log %s, phones %s' % (counts, want))
        check('question %s: voted = the phones that voted (%d)' % (qid, voted), row.get('voted') == str(voted),
              'log %r' % row.get('voted'))
        check('question %s: joined = %d' % (qid, PHONES), row.get('joined') == str(PHONES), 'log %r' % row.get('joined'))
        check('question %s: right = %d, lesson %s' % (qid, right, lesson_name),
              row.get('right') == str(right) and row.get('lesson') == lesson_name,
              'log right %r lesson %r' % (row.get('right'), row.get('lesson')))
        votes = [o for o in trace if o.get('class') == 'vote' and str(o.get('question')) == qid]
        check('question %s: one vote line per vote sent (%d), all ok' % (qid, room.sent[qid]),
              len(votes) == room.sent[qid] and all(o.get('ok') for o in votes),
              '%d lines, %d not ok' % (len(votes), sum(1 for o in votes if not o.get('ok'))))
        if votes:
            check('question %s: the last vote line\'s counts = the log\'s' % qid,
                  [str(c) for c in votes[-1].get('counts', [])][:n] == want[:n], '%s' % votes[-1].get('counts'))

    # A page turn reaches every phone within a second (the issue): from the key press to
    # each phone's first poll that shows the new question.
    follow = []
    for qid, pressed in figures.get('pressed', {}).items():
        seen = room.first_seen.get(qid, {})
        follow.append((qid, len(seen), max(seen.values(), default=pressed + 99) - pressed))
    check('a page turn reached every phone within 1 s (%s)' % ', '.join(
        '%s: %d phones, the last after %.2f s' % f for f in follow),
        follow and all(n == PHONES and dt <= 1.0 for _, n, dt in follow))
    lat = room.latency
    fps = figures.get('fps')
    total_votes = sum(room.sent.values())
    changed = sum(1 for v in room.plan.values() if len(v) == 2)
    print('figures: %d phones joined in %.1f s; %d votes (%d changes) on 3 questions; %d requests (%s); '
          'latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %s fps at %dx%d over %d status lines%s; '
          'server: %s; %d client errors; %.0f s in all' % (
              room.joined, figures.get('join_seconds', 0), total_votes, changed, room.requests,
              ', '.join('%s: %d' % kv for kv in sorted(room.statuses.items(), key=lambda kv: str(kv[0]))),
              1000 * cl.percentile(lat, 50), 1000 * cl.percentile(lat, 99), 1000 * max(lat or [0]),
              '%.1f' % fps if fps is not None else 'no', w, h, figures.get('fps_lines', 0),
              '' if figures.get('fps_while_playing', True) else ' (the play ended first)',
              {k: v for k, v in figures.get('server', {}).items() if k not in ('trace', 'class')},
              len(room.errors), time.monotonic() - started), flush=True)
    print('latency by kind: %s' % '; '.join('%s %d, p50 %.1f ms, p99 %.1f ms' % (
        k, len(v), 1000 * cl.percentile(v, 50), 1000 * cl.percentile(v, 99)) for k, v in sorted(room.by_kind.items())))
    if room.errors:
        print('client errors (first 5): %s' % room.errors[:5])
    check('no phone request failed', not room.errors, '%d errors' % len(room.errors))
    check('the window is %dx%d (what the frame rate is measured at)' % (w, h),
          figures.get('geometry') == '%dx%d' % (w, h), 'xdotool: %r' % figures.get('geometry'))
    if figures.get('sanitized'):
        # The floor is for the release build (and met by the debug one): under
        # AddressSanitizer the figure is printed, and the votes are what this run checks.
        print('note: %s fps under AddressSanitizer: the floor of %g is not checked there' % (
            '%.1f' % fps if fps is not None else 'no', a.min_fps))
    else:
        check('the window drew at >= %g fps at %dx%d while 300 phones polled (%s)' % (
            a.min_fps, w, h, '%.1f' % fps if fps is not None else 'no figure'),
            fps is not None and fps >= a.min_fps and figures.get('fps_lines', 0) >= 4)
    passed = sum(results)
    print('%d passed, %d failed' % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())

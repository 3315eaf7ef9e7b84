#!/usr/bin/env python3
"""The class server against hostile clients: nothing crashes, nothing is counted that
should not be, memory levels off.

    python3 tests/class/test_class_hostile.py XENTLAB LESSON OUT_DIR

xentlab runs with --class on 127.0.0.1 in a real window under a private Xvfb
(tests/class/class_lib.py), on tests/data/class.lesson. Every input from a phone is
hostile (src/net/xn_server.h, xn_form.h):
  - on the first page (no question open): votes for questions not open;
  - on question 2.1 (open), in rounds: oversized headers, an oversized body, wrong codes,
    invalid options, malformed forms and requests, a bad token cookie, a flood from one
    device; between rounds, xentlab's resident memory (VmRSS);
  - slowloris: many sockets, from many addresses, sending a byte a second, while a good
    phone keeps polling;
  - after the reveal: a vote for the closed question.
Then: xentlab still runs and answers a good phone; the log's row for 2.1 counts exactly
the good phones' last votes; the trace's ok vote lines are exactly the votes that were
answered as taken; the last round grew RSS by less than 2 MB. The last line is
"N passed, M failed".
"""
import argparse
import collections
import http.client
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import class_lib as cl  # noqa: E402

ROUNDS = 5
RSS_LEVEL_KB = 2048
SLOW_SOCKETS = 200
SLOW_SECONDS = 12

results = []


def check(name, cond, detail=''):
    results.append(bool(cond))
    print('%s %s%s' % ('ok  ' if cond else 'FAIL', name, (': ' + detail) if detail else ''), flush=True)
    return cond


_next_src = [0]


def raw(port, data, src=None, timeout=5, read=True):
    """Send bytes on a new connection; the status (int) of what came back, or None when the
    server closed without an answer, or 'timeout'."""
    if src is None:     # each hostile request from its own address: no per-address limit answers for it
        _next_src[0] += 1
        src = cl.source_address(2000 + _next_src[0] % 2000)
    s = socket.socket()
    s.settimeout(timeout)
    try:
        s.bind((src, 0))
        s.connect(('127.0.0.1', port))
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass     # the server may refuse before reading it all: then read its answer
        if not read:
            return None
        got = b''
        try:
            while b'\r\n' not in got:
                chunk = s.recv(4096)
                if not chunk:
                    break
                got += chunk
        except socket.timeout:
            return 'timeout'
        except ConnectionResetError:
            pass
        if got.startswith(b'HTTP/1.'):
            return int(got.split()[1])
        return None
    finally:
        s.close()


def request(method, path, headers=(), body=b'', version='HTTP/1.1'):
    h = ['%s %s %s' % (method, path, version), 'Host: 127.0.0.1', 'Connection: close'] + list(headers)
    if body or method == 'POST':
        h.append('Content-Length: %d' % len(body))
    return ('\r\n'.join(h) + '\r\n\r\n').encode('latin-1') + body


def form(body, cookie=None):
    hs = ['Content-Type: application/x-www-form-urlencoded']
    if cookie:
        hs.append('Cookie: xl=' + cookie)
    return request('POST', '/v', hs, body.encode('latin-1') if isinstance(body, str) else body)


def refused(st):
    """4xx (or a closed connection: libmicrohttpd drops a request it cannot even read)."""
    return st is None or (isinstance(st, int) and 400 <= st < 500)


def wrong_code(code):
    return '%04d' % ((int(code) + 5000) % 10000)


class Tally:
    """Votes answered as taken, per device token: the good phones' and the flood's."""

    def __init__(self):
        self.ok = 0
        self.last = {}

    def vote(self, phone, qid, k):
        r = phone.vote(qid, k)
        if 200 <= r.status < 400:
            self.ok += 1
            self.last[phone.token] = k
        return r.status


def hostile_round(x, port, code, qid, probe, flood, tally, bad, seen):
    """One round of everything a hostile client sends while qid is open, as the device
    probe (a joined phone's token, kept under its rate limit: 16 requests a second, so a
    refusal is the request's own, not a 429). bad: (what, status) for requests that were
    not refused as they should be; seen: a Counter of the statuses."""
    wc = wrong_code(code)
    ck = probe.token

    def expect(what, st):
        seen[st] += 1
        if not refused(st) or st == 429:
            bad.append((what, st))
        time.sleep(0.06)

    # Oversized headers: one huge header line, then very many headers.
    expect('a 64 KB header', raw(port, request('GET', '/s?c=' + code, ['X-Big: ' + 'a' * 65536])))
    expect('2000 headers', raw(port, request('GET', '/s?c=' + code, ['X-H%d: v' % i for i in range(2000)])))
    expect('a 16 KB URL', raw(port, request('GET', '/s?c=' + code + '&x=' + 'a' * 16384)))
    expect('a 5 KB cookie', raw(port, request('GET', '/s?c=' + code, ['Cookie: xl=' + 'a' * 5000])))
    # Oversized bodies: a form past the limit, and a claimed 100 MB body.
    expect('a 64 KB form', raw(port, form('c=%s&q=%s&k=1&js=1&' % (code, qid) + 'x' * 65536, ck)))
    big = request('POST', '/v', ['Cookie: xl=' + ck, 'Content-Type: application/x-www-form-urlencoded',
                                 'Content-Length: 100000000'])
    big = big.replace(b'Content-Length: 0\r\n', b'')
    expect('a 100 MB Content-Length', raw(port, big + b'c=' + code.encode(), timeout=8))
    # Wrong codes: no state, no vote, no device.
    expect('state with a wrong code', raw(port, request('GET', '/s?c=' + wc, ['Cookie: xl=' + ck])))
    expect('a vote with a wrong code', raw(port, form('c=%s&q=%s&k=1&js=1' % (wc, qid), ck)))
    expect('a vote with no code', raw(port, form('q=%s&k=1&js=1' % qid, ck)))
    st = raw(port, request('GET', '/?c=' + wc))
    if st == 200:
        pass    # the code form again ("that code is not this class's"): checked below, no cookie
    # Invalid options.
    for k in ('0', '5', '-1', '4', 'abc', '1e9', '99999999999999999999', '', '1.5', '%31%00'):
        expect('option k=%s' % k, raw(port, form('c=%s&q=%s&k=%s&js=1' % (code, qid, k), ck)))
    # Malformed forms and requests.
    for body in ('c=%s&q=%s&k=1&k=2&js=1' % (code, qid), 'c=%s&q=%s' % (code, qid), 'c=%s&k=1' % code,
                 'c=%s&q=%s&k=1&zz=1' % (code, qid), 'c=%s&q=%%zz&k=1' % code, 'c=%s&q=2.1%%00&k=1' % code,
                 'c=%s&q=02.1&k=1' % code, 'c=%s&q=2.&k=1' % code, 'c=%s&q=.1&k=1' % code, '&&&&', '=',
                 'c', 'c=%s&q=%s&k=1&js=2' % (code, qid), '{"c":"%s","q":"%s","k":1}' % (code, qid)):
        expect('form %r' % body[:40], raw(port, form(body, ck)))
    expect('a vote with a bad cookie', raw(port, form('c=%s&q=%s&k=1&js=1' % (code, qid), 'zz' * 16)))
    expect('two xl cookies', raw(port, request('POST', '/v', ['Cookie: xl=%s; xl=%s' % (ck, ck)],
                                                 ('c=%s&q=%s&k=1&js=1' % (code, qid)).encode())))
    expect('GET /v', raw(port, request('GET', '/v?c=%s&q=%s&k=1' % (code, qid), ['Cookie: xl=' + ck])))
    expect('PUT /v', raw(port, request('PUT', '/v', ['Cookie: xl=' + ck], ('c=%s&q=%s&k=1' % (code, qid)).encode())))
    for path in ('/../../etc/passwd?c=' + code, '/etc/passwd', '/s/x?c=' + code, '/index.html?c=' + code,
                 '/favicon.ico'):
        expect('GET %s' % path, raw(port, request('GET', path)))
    for junk in (b'\x00\xff\xfe garbage\r\n\r\n', b'GET\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n',
                 b'G' * 9000 + b'\r\n\r\n', b'POST /v HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'):
        raw(port, junk)      # whatever the answer, nothing may change: checked at the end
    # Votes for questions not open now.
    for q in ('1.1', '3.1', '4.1', '2.2', '999.999'):
        r = flood.vote(q, 1)
        if 200 <= r.status < 300:
            # Passed on, to be refused by the poll: the trace must show it not ok (checked at the end).
            pass
    # A flood from one device: votes and polls as fast as it can, for a second.
    t_end = time.monotonic() + 1.0
    statuses = collections.Counter()
    k = 1
    while time.monotonic() < t_end:
        # Past its address's connections a second, a connection is closed unanswered ('closed').
        for ask in (lambda: tally.vote(flood, qid, k), lambda: flood.state().status):
            try:
                statuses[ask()] += 1
            except (http.client.HTTPException, ConnectionError):
                statuses['closed'] += 1
        k = k % 3 + 1
    return statuses


def closed_by_peer(s):
    """The server has closed this socket (FIN or RST seen), without blocking."""
    try:
        return s.recv(1, socket.MSG_DONTWAIT | socket.MSG_PEEK) == b''
    except BlockingIOError:
        return False
    except OSError:
        return True


def slowloris(port, code, good, out):
    """SLOW_SOCKETS sockets from 50 addresses start a request and send one byte a second,
    for SLOW_SECONDS, while the good phone polls; out gets the figures. A server whose only
    limit is an idle timeout keeps them all (a byte a second is never idle)."""
    socks = []
    for i in range(SLOW_SOCKETS):
        s = socket.socket()
        s.settimeout(2)
        try:
            s.bind((cl.source_address(1000 + i % 50), 0))
            s.connect(('127.0.0.1', port))
            s.sendall(b'GET /s?c=' + code.encode() + b' HTTP/1.1\r\nHost: 127.0.0.1\r\n')
            socks.append(s)
        except OSError:
            s.close()
    out['slow_opened'] = len(socks)
    lat, fails = [], []
    stop = threading.Event()
    open_at = {}

    def dribble():
        t0 = time.monotonic()
        while not stop.is_set():
            alive = 0
            for s in socks:
                if closed_by_peer(s):
                    continue
                alive += 1
                try:
                    s.send(b'X')
                except OSError:
                    pass
            open_at[round(time.monotonic() - t0)] = alive
            stop.wait(1.0)

    th = threading.Thread(target=dribble, daemon=True)
    th.start()
    t_end = time.monotonic() + SLOW_SECONDS
    while time.monotonic() < t_end:
        t0 = time.monotonic()
        try:
            st = good.state().status
        except OSError as e:
            st = repr(e)
        lat.append(time.monotonic() - t0)
        if st != 200:
            fails.append(st)
        time.sleep(0.5)
    stop.set()
    th.join()
    out['slow_still_open'] = sum(1 for s in socks if not closed_by_peer(s))
    out['slow_open_by_second'] = open_at
    for s in socks:
        s.close()
    out['slow_good_max_ms'] = 1000 * max(lat or [0])
    out['slow_good_fails'] = fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('xentlab')
    ap.add_argument('lesson')
    ap.add_argument('out')
    a = ap.parse_args()
    cl.need_tools('Xvfb', 'xdotool')
    cl.need_class(a.xentlab)
    figures = {}
    bad = []
    tally = Tally()
    with cl.Xentlab(a.xentlab, a.lesson, size=(1280, 720), out=a.out) as x:
        port, code = x.port, x.code
        good = cl.Phone(port, code, 0)
        r = good.join()
        check('a good phone joins: 200 and a token cookie', r.status == 200 and good.token,
              'status %d, token %r' % (r.status, good.token))
        flood = cl.Phone(port, code, 1)
        flood.join()
        probe = cl.Phone(port, code, 4)
        probe.join()
        # Page 1 asks nothing: a vote for any question is not counted.
        for q in ('2.1', '1.1', '3.1'):
            flood.vote(q, 1)
        wc = wrong_code(code)
        r = cl.Phone(port, wc, 2).join()
        check('a wrong code gets no device (no xl cookie), not the phone\'s page',
              r.header('Set-Cookie') is None or 'xl=' not in r.header('Set-Cookie'),
              'status %d, Set-Cookie %r' % (r.status, r.header('Set-Cookie')))
        m = x.mark()
        x.key('Next')
        x.wait_phase(2, ('asking',), 10, m)
        qid = '2.1'
        x.wait_trace(lambda L: True, 1)
        t0 = time.monotonic()
        while not cl.is_open(good.state().json()):
            assert time.monotonic() - t0 < 3, 'the phones never saw question 2.1 open'
            time.sleep(0.1)
        check('the good phone votes on the open question', tally.vote(good, qid, 1) == 200)
        rss = [x.rss_kb()]
        floods = collections.Counter()
        seen = collections.Counter()
        for i in range(ROUNDS):
            floods.update(hostile_round(x, port, code, qid, probe, flood, tally, bad, seen))
            check('round %d: xentlab still runs' % (i + 1), x.alive())
            rss.append(x.rss_kb())
            if i == 0:
                slowloris(port, code, good, figures)
                check('slowloris (%d sockets from 50 addresses, a byte a second, %d s): the good phone was '
                      'answered every time, within 1 s (max %.0f ms)' % (
                          figures['slow_opened'], SLOW_SECONDS, figures['slow_good_max_ms']),
                      not figures['slow_good_fails'] and figures['slow_good_max_ms'] < 1000,
                      'failures %s' % figures['slow_good_fails'][:5])
                check('slowloris: the server dropped every slow request within %d s (a request\'s time limit, '
                      'not only an idle one)' % SLOW_SECONDS, figures['slow_still_open'] == 0,
                      '%d of %d still open; open by second %s' % (
                          figures['slow_still_open'], figures['slow_opened'], figures['slow_open_by_second']))
                rss.append(x.rss_kb())
        check('every hostile request refused (4xx, not 429, or closed): %s' % dict(seen), not bad,
              '%d not: %s' % (len(bad), bad[:6]))
        check('the flood from one device was limited (429) and never crashed xentlab',
              floods.get(429, 0) + floods.get(503, 0) > 0 and x.alive(), 'statuses %s' % dict(floods))
        growth = [b - a_ for a_, b in zip(rss, rss[1:])]
        figures['rss'] = rss
        if x.sanitized():
            print('note: VmRSS %s KB: not checked under AddressSanitizer (its quarantine keeps freed memory); '
                  'LeakSanitizer checks the exit instead' % rss)
        else:
            check('memory levels off: the last round grew VmRSS < %d KB' % RSS_LEVEL_KB, growth[-1] < RSS_LEVEL_KB,
                  'VmRSS %s KB, growth %s' % (rss, growth))
        # A new good phone still joins and votes.
        late = cl.Phone(port, code, 3)
        r = late.join()
        ok = r.status == 200 and late.token and late.state().status == 200
        check('a new phone joins and polls after all that', ok, 'status %d' % r.status)
        check('... and votes', tally.vote(late, qid, 2) == 200)
        # The flood's last vote is whatever was last answered as taken: wait until the good
        # phones see theirs counted, then reveal.
        t0 = time.monotonic()
        while time.monotonic() - t0 < 5:
            if cl.my_vote(good.state().json()) == 1 and cl.my_vote(late.state().json()) == 2:
                break
            time.sleep(0.2)
        m = x.mark()
        x.key('Next')
        x.wait_trace(lambda L: any(o.get('page') == 2 and o.get('phase') in ('done', 'playing')
                                   for o in L if 'lesson' in o), 10, 'question 2.1 revealed', m)
        x.wait_trace(lambda L: os.path.exists(x.log_path) and x.log_rows(), 5, 'the log row of 2.1')
        # A vote for the revealed question: the server may pass it on, the poll refuses it
        # (the ok lines and the log, checked below, show whether it counted).
        after = flood.vote(qid, 3)
        check('a vote for the revealed question gets no server error', after.status < 500,
              'status %d' % after.status)
        time.sleep(1.5)
        check('xentlab still runs and answers a good phone', x.alive() and good.state().status == 200)
        trace = x.trace()
        status = [o for o in trace if o.get('class') == 'status']
        figures['server'] = status[-1] if status else {}
    check('xentlab quit cleanly on SIGTERM (status 0)', x.returncode == 0, 'status %r' % x.returncode)
    votes = [o for o in trace if o.get('class') == 'vote']
    check('every trace line matches the schema (docs/trace.md)', not x.schema_errors,
          '%d lines break it, e.g. %s' % (len(x.schema_errors), list(x.schema_errors.items())[:3]))
    oks = [o for o in votes if o.get('ok')]
    check('only votes on the open question 2.1 were counted', all(str(o.get('question')) == qid for o in oks),
          'counted on %s' % sorted({str(o.get('question')) for o in oks}))
    check('the ok vote lines are the votes answered as taken (%d)' % tally.ok, len(oks) == tally.ok,
          '%d ok lines' % len(oks))
    joins = [o for o in trace if o.get('class') == 'join']
    check('four devices joined (good, flood, probe, late): none from a wrong code or a bad request',
          len(joins) == 4, '%d join lines' % len(joins))
    rows = [r for r in x.log_rows() if r.get('page') == '2']
    want = collections.Counter(tally.last.values())
    if check('one log row for 2.1', len(rows) == 1, '%d rows' % len(rows)):
        row = rows[0]
        counts = [row.get('count_%d' % i) for i in (1, 2, 3)]
        check('the log counts the three devices\' last votes, nothing else',
              counts == [str(want.get(i, 0)) for i in (1, 2, 3)] and row.get('count_4') == ''
              and row.get('voted') == '3' and row.get('joined') == '4',
              'log %s voted %s joined %s, want %s' % (counts, row.get('voted'), row.get('joined'), dict(want)))
    print('figures: VmRSS %s KB across the rounds; slowloris %s sockets opened, %s still open after %d s, '
          'the good phone\'s slowest answer %.0f ms; flood statuses %s; server %s' % (
              figures.get('rss'), figures.get('slow_opened'), figures.get('slow_still_open'), SLOW_SECONDS,
              figures.get('slow_good_max_ms', 0), dict(floods),
              {k: v for k, v in figures.get('server', {}).items() if k not in ('trace', 'class')}), flush=True)
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
        passed = sum(results)
        print('%d passed, %d failed' % (passed, len(results) - passed + 1))
        sys.exit(1)

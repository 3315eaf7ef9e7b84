"""class_lib: xentlab's class (part 12, docs/class.md) driven end to end, for tests/class/.

A real xentlab window under a private Xvfb, started with --class on 127.0.0.1, its pages
turned with xdotool like a teacher's clicker, and phones that are plain HTTP clients:

    with Xentlab(XENTLAB, lesson, size=(1920, 1080), out=OUT) as x:
        x.url, x.code, x.port         # from the stderr line "xentlab: class: phones join at ..."
        x.key('Next')                 # a page turn (xdotool, the window has the keyboard)
        x.wait_trace(lambda L: ..., 5)
        x.class_lines('vote')         # the trace's {"class": "vote", ...} lines
        x.rss_kb()                    # VmRSS of the xentlab process
    x.returncode                      # after the with: it quit on SIGTERM, cleanly (0)

Phones (Phone, sync; aphone_* for asyncio) keep the device token cookie (xl=TOKEN) that
the first GET /?c=CODE gives, and may bind a source address of their own in 127/8 (Linux
routes all of 127.0.0.0/8 to lo), so the server's per-address limits see a room of phones
rather than one.

Standard library only. Tools: Xvfb, xdotool (scripts/test.sh installs them); a test
exits 77 (meson's "skipped") when one is missing, via need_tools().
"""
import asyncio
import csv
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import trace_schema  # noqa: E402  (tests/trace_schema.py: docs/trace.md as code)

JOIN_LINE = re.compile(r'xentlab: class: phones join at (\S+) \(code (\d+)')
SKIP = 77


def need_tools(*tools):
    """Exit 77 (skipped) naming the first tool missing."""
    for t in tools:
        if shutil.which(t) is None:
            print('skipped: %s is not installed (scripts/test.sh installs it)' % t)
            sys.exit(SKIP)


def need_class(binary):
    """Exit 77 (skipped) when this xentlab has no --class (a build without src/net, or one from
    before part 12's glue): the tests are for the class, not for its absence."""
    r = subprocess.run([binary, '--help'], capture_output=True, text=True, timeout=30,
                       env={**os.environ, 'SDL_VIDEODRIVER': 'dummy'})
    if not re.search(r'--class(?![a-z])', r.stdout + r.stderr):
        print('skipped: %s --help names no --class' % binary)
        sys.exit(SKIP)


def free_port():
    """A TCP port free on 127.0.0.1 now (the kernel's choice)."""
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def source_address(k):
    """Phone k's own loopback address: 127.1.x.y, never 127.0.0.1 (the teacher's)."""
    return '127.1.%d.%d' % (1 + k // 250, 1 + k % 250)


class Xvfb:
    """A private X server (its display number chosen by Xvfb itself: -displayfd)."""

    def __init__(self, width, height):
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            ['Xvfb', '-displayfd', str(w), '-screen', '0', '%dx%dx24' % (width, height), '-nolisten', 'tcp'],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(w)
        num = b''
        deadline = time.monotonic() + 15
        while not num.endswith(b'\n') and time.monotonic() < deadline:
            chunk = os.read(r, 16)
            if not chunk:
                break
            num += chunk
        os.close(r)
        if not num.strip():
            self.stop()
            raise RuntimeError('Xvfb did not start')
        self.display = ':' + num.decode().strip()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Xentlab:
    """xentlab --lesson FILE --class in a real window (see the module's doc)."""

    def __init__(self, binary, lesson, size=(1280, 720), out=None, extra=(), port=None, start_timeout=30):
        self.binary, self.lesson, self.size = binary, lesson, size
        self.out = out or tempfile.mkdtemp(prefix='xentlab-class-')
        os.makedirs(self.out, exist_ok=True)
        self.trace_path = os.path.join(self.out, 'trace.jsonl')
        self.err_path = os.path.join(self.out, 'stderr.txt')
        self.log_path = os.path.join(self.out, 'class.csv')
        self.port = port or free_port()
        self.extra = list(extra)
        self.start_timeout = start_timeout
        self.proc = self.xvfb = None
        self.win = None
        self.returncode = None
        self.url = self.code = None
        self.schema_errors = {}

    # --- start and stop ---------------------------------------------------------------
    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        w, h = self.size
        self.xvfb = Xvfb(w, h)
        self.env = {**os.environ, 'DISPLAY': self.xvfb.display}
        self.env.pop('SDL_VIDEODRIVER', None)
        for p in (self.log_path,):
            if os.path.exists(p):
                os.remove(p)
        cmd = [self.binary, '--lesson', self.lesson, '--size', '%dx%d' % (w, h), '--trace',
               '--class', '--class-bind', '127.0.0.1', '--class-port', str(self.port),
               '--class-log', self.log_path] + self.extra
        self.cmd = cmd
        with open(self.trace_path, 'wb') as tr, open(self.err_path, 'wb') as er:
            self.proc = subprocess.Popen(cmd, stdout=tr, stderr=er, stdin=subprocess.DEVNULL, env=self.env)
        deadline = time.monotonic() + self.start_timeout
        while self.url is None:
            m = JOIN_LINE.search(self.stderr())
            if m:
                self.url, self.code = m.group(1), m.group(2)
                break
            self._alive_or_fail('before saying where phones join')
            if time.monotonic() > deadline:
                self.fail('no "xentlab: class: phones join at" line on stderr within %d s' % self.start_timeout)
            time.sleep(0.1)
        parts = urllib.parse.urlsplit(self.url)
        assert parts.hostname == '127.0.0.1', 'the URL is not on --class-bind 127.0.0.1: ' + self.url
        assert parts.port == self.port, 'the URL is not on --class-port %d: %s' % (self.port, self.url)
        assert re.fullmatch(r'\d{4}', self.code), 'the code is not 4 digits: ' + self.code
        assert ('c=' + self.code) in self.url, 'the URL does not carry the code: ' + self.url
        self._find_window()

    def _find_window(self):
        deadline = time.monotonic() + self.start_timeout
        win = None
        while not win:
            win = self.xdotool('search', '--onlyvisible', '--name', 'xentlab', check=False).split()
            win = win[-1] if win else None
            if win:
                break
            self._alive_or_fail('before showing a window')
            if time.monotonic() > deadline:
                self.fail('no visible xentlab window within %d s' % self.start_timeout)
            time.sleep(0.2)
        # SDL may replace its first window: take the one found twice, 0.3 s apart (window_lib.sh).
        for _ in range(30):
            time.sleep(0.3)
            again = self.xdotool('search', '--onlyvisible', '--name', 'xentlab', check=False).split()
            again = again[-1] if again else None
            if again == win:
                break
            if again:
                win = again
        self.win = win
        self.xdotool('windowactivate', win, check=False)
        if self.xdotool('windowfocus', '--sync', win, check=False, timeout=5) is None:
            self.xdotool('windowfocus', win, check=False)
        time.sleep(0.5)

    def stop(self):
        """SIGTERM (SDL turns it into a quit: the log is closed, the server stopped), then Xvfb."""
        if self.proc is not None and self.returncode is None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(15)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
                    self.returncode = 'killed: no exit within 15 s of SIGTERM'
            if self.returncode is None:
                self.returncode = self.proc.returncode
        if self.xvfb is not None:
            self.xvfb.stop()
            self.xvfb = None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def _alive_or_fail(self, when):
        if not self.alive():
            self.fail('xentlab exited with status %s %s' % (self.proc.returncode, when))

    def fail(self, msg):
        raise AssertionError('%s\n---- stderr (%s) ----\n%s\n---- last trace lines ----\n%s' % (
            msg, self.err_path, self.stderr()[-1500:], ''.join(self.tail(8))))

    # --- the window ---------------------------------------------------------------------
    def xdotool(self, *args, check=True, timeout=10):
        try:
            r = subprocess.run(['xdotool', *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            if check:
                self.fail('xdotool %s: no answer within %d s' % (' '.join(args), timeout))
            return None
        if check and r.returncode != 0:
            self.fail('xdotool %s failed: %s' % (' '.join(args), r.stderr.strip()))
        return r.stdout

    def key(self, name):
        """Press a key in the window (xdotool's names: Next, Prior, F7, F8, 1)."""
        self._alive_or_fail('before key ' + name)
        self.xdotool('key', '--clearmodifiers', name)

    def screenshot(self, name):
        """The whole screen into OUT/NAME.png when ImageMagick's import is here; its path or None."""
        if shutil.which('import') is None:
            return None
        path = os.path.join(self.out, name + '.png')
        subprocess.run(['import', '-window', 'root', path], env=self.env, capture_output=True, timeout=20)
        return path if os.path.exists(path) else None

    # --- what it wrote ------------------------------------------------------------------
    def stderr(self):
        try:
            with open(self.err_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def tail(self, n):
        try:
            with open(self.trace_path, errors='replace') as f:
                return f.readlines()[-n:]
        except OSError:
            return []

    def trace(self):
        """Every complete trace line, parsed (a line still being written is left out). Each
        is checked against the trace's schema (docs/trace.md): a line that breaks it is
        kept in schema_errors (line number: what), for the test to report."""
        out = []
        with open(self.trace_path, errors='replace') as f:
            for n, line in enumerate(f, 1):
                if not line.endswith('\n'):
                    break
                try:
                    obj = trace_schema.parse(line)
                except trace_schema.SchemaError as e:
                    self.schema_errors[n] = str(e)
                    continue
                except ValueError:
                    continue
                wrong = trace_schema.problems(obj)
                if wrong:
                    self.schema_errors[n] = '; '.join(wrong)
                out.append(obj)
        return out

    def class_lines(self, kind=None, start=0):
        return [o for o in self.trace()[start:] if 'class' in o and (kind is None or o['class'] == kind)]

    def lesson_lines(self, start=0):
        return [o for o in self.trace()[start:] if 'lesson' in o]

    def mark(self):
        return len(self.trace())

    def wait_trace(self, pred, seconds, what='the trace to show it', start=0):
        """Poll pred(lines from start) until truthy; its value. Fails on timeout or exit."""
        deadline = time.monotonic() + seconds
        while True:
            v = pred(self.trace()[start:])
            if v:
                return v
            self._alive_or_fail('while waiting for ' + what)
            if time.monotonic() > deadline:
                self.fail('waited %s s for %s' % (seconds, what))
            time.sleep(0.1)

    def wait_phase(self, page, phases, seconds=10, start=0):
        """Wait for a lesson line on page with a phase in phases (e.g. ('asking',))."""
        return self.wait_trace(
            lambda L: any(o.get('page') == page and o.get('phase') in phases for o in L if 'lesson' in o),
            seconds, 'page %d in phase %s' % (page, '/'.join(phases)), start)

    def log_rows(self):
        """The --class-log CSV as dicts (its header row names the columns)."""
        if not os.path.exists(self.log_path):
            return []
        with open(self.log_path, newline='') as f:
            return list(csv.DictReader(f))

    def sanitized(self):
        """xentlab runs with AddressSanitizer (its quarantine holds freed memory, so VmRSS
        grows by design; LeakSanitizer checks leaks at exit instead)."""
        try:
            with open('/proc/%d/maps' % self.proc.pid) as f:
                return 'libasan' in f.read()
        except OSError:
            return False

    def rss_kb(self):
        with open('/proc/%d/status' % self.proc.pid) as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
        return 0


def fps_between(status, t0=None, t1=None):
    """Frames per second from the class status lines (seconds, frames) within [t0, t1]."""
    s = [o for o in status if (t0 is None or o['seconds'] >= t0) and (t1 is None or o['seconds'] <= t1)]
    if len(s) < 2 or s[-1]['seconds'] <= s[0]['seconds']:
        return None
    return (s[-1]['frames'] - s[0]['frames']) / (s[-1]['seconds'] - s[0]['seconds'])


# --- the JSON state (src/net/xn_page.h, xn_page_json) --------------------------------------
# {"key":"o/3/3.1","show":"open","page":3,"pages":9,"qid":"3.1","n":4,"choice":0,"sent":-1,"right":-1}
# show: "wait", "open" or "closed"; choice: the device's counted vote, 0-based, -1 none;
# sent: its last vote not yet counted; right: the right option after the reveal, 0-based.
def field(state, name, default=None):
    return state.get(name, default)


def is_open(state):
    return state.get('show') == 'open'


def my_vote(state):
    """This device's counted vote on the question shown, 1-based; 0 none."""
    v = state.get('choice', -1)
    return v + 1 if isinstance(v, int) and v >= 0 else 0


# --- phones -------------------------------------------------------------------------------
class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body.decode('utf-8'))

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class Phone:
    """One phone, synchronous (http.client, a new connection per request)."""

    def __init__(self, port, code, k=0, host='127.0.0.1'):
        self.port, self.code, self.host = port, code, host
        self.src = source_address(k)
        self.token = None

    def request(self, method, path, body=None, headers=None, timeout=5):
        c = http.client.HTTPConnection(self.host, self.port, timeout=timeout, source_address=(self.src, 0))
        try:
            h = dict(headers or {})
            if self.token:
                h['Cookie'] = 'xl=' + self.token
            if body is not None:
                h.setdefault('Content-Type', 'application/x-www-form-urlencoded')
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            resp = Response(r.status, r.getheaders(), r.read())
        finally:
            c.close()
        self._cookie(resp.header('Set-Cookie'))
        return resp

    def _cookie(self, sc):
        if sc:
            m = re.search(r'(?:^|[;,]\s*)xl=([^;,\s]+)', sc)
            if m:
                self.token = m.group(1)

    def join(self):
        """The page, then its script's first poll: the token issued on the page comes back
        and the browser becomes a device (a page alone makes no device). The page's reply."""
        page = self.request('GET', '/?c=' + self.code)
        if page.status == 200 and self.token:
            self.state()
        return page

    def state(self):
        return self.request('GET', '/s?c=' + self.code)

    def vote(self, qid, k, js=True, code=None):
        form = 'c=%s&q=%s&k=%d' % (code or self.code, qid, k) + ('&js=1' if js else '')
        return self.request('POST', '/v', body=form.encode())


async def ahttp(port, src, method, path, token=None, body=None, timeout=10):
    """One request on a new connection from src (asyncio): (status, headers dict, body)."""
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection('127.0.0.1', port, local_addr=(src, 0)), timeout)
    try:
        lines = ['%s %s HTTP/1.1' % (method, path), 'Host: 127.0.0.1:%d' % port, 'Connection: close',
                 'User-Agent: xentlab-class-test']
        if token:
            lines.append('Cookie: xl=' + token)
        if body is not None:
            lines += ['Content-Type: application/x-www-form-urlencoded', 'Content-Length: %d' % len(body)]
        writer.write(('\r\n'.join(lines) + '\r\n\r\n').encode() + (body or b''))
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass
    head, _, data = raw.partition(b'\r\n\r\n')
    hl = head.decode('latin-1').split('\r\n')
    if not hl or not hl[0].startswith('HTTP/'):
        raise ConnectionError('no HTTP answer: %r' % raw[:80])
    status = int(hl[0].split()[1])
    headers = {}
    for h in hl[1:]:
        k, _, v = h.partition(':')
        headers.setdefault(k.strip().lower(), []).append(v.strip())
    if 'chunked' in ' '.join(headers.get('transfer-encoding', [])).lower():
        data = dechunk(data)
    return status, headers, data


def dechunk(data):
    out, i = b'', 0
    while True:
        j = data.find(b'\r\n', i)
        if j < 0:
            return out
        n = int(data[i:j].split(b';')[0] or b'0', 16)
        if n == 0:
            return out
        out += data[j + 2:j + 2 + n]
        i = j + 2 + n + 2


def cookie_token(headers):
    for sc in headers.get('set-cookie', []):
        m = re.search(r'(?:^|[;,]\s*)xl=([^;,\s]+)', sc)
        if m:
            return m.group(1)
    return None


def percentile(xs, p):
    if not xs:
        return float('nan')
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

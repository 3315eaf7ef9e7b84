"""Minimal headless-Chromium driver for the xentlab WebAssembly tests.

Standard library only.  Chromium is driven over the Chrome DevTools Protocol
(CDP) with --remote-debugging-pipe: it reads JSON commands from its fd 3 and
writes JSON replies/events to its fd 4, each message ending with a NUL byte,
so no websocket client is needed.

    base, stop = serve('build-web/www')
    with Browser() as b:
        b.goto(base + '/index.html')
        b.wait_for("document.title == 'xentlab'")
        b.press('n'); b.click(100, 200)
        b.canvas_png('/tmp/shot.png')
    stop()

The web tests' shared frame is here too (test_web.py, test_web_touch.py,
test_web_a11y.py): their arguments (test_args), one check at a time with its result
recorded (check, results, summary), and a page of the site opened until its first frame
(start_page, open_page, frames_after, press_and_wait).
"""
import atexit, base64, collections, fcntl, functools, http.server, json, os
import select, shutil, struct, subprocess, sys, tempfile, threading, time, traceback

CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')


class CDPError(RuntimeError):
    """A CDP command failed, timed out, or Chromium went away."""


class JSError(CDPError):
    """The evaluated JavaScript threw."""


def serve(folder):
    """Serve `folder` on 127.0.0.1:<free port>; return (base_url, stop_fn)."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        # Browsers refuse WebAssembly.instantiateStreaming without this type.
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          '.wasm': 'application/wasm', '.js': 'text/javascript'}

        def log_message(self, *args):   # keep test output readable
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass    # the browser aborting a download on close is not our error

    httpd = Server(('127.0.0.1', 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, args=(0.1,), daemon=True).start()

    def stop():
        httpd.shutdown()
        httpd.server_close()
    return 'http://127.0.0.1:%d' % httpd.server_address[1], stop


# --- keyboard -------------------------------------------------------------
# emscripten's SDL2 derives scancodes from the DOM event's keyCode/code, so
# both must be what a real US keyboard produces.  Named keys: name ->
# (key, code, keyCode, text).
_NAMED = {n: (n, n, kc, '') for n, kc in (
    ('Tab', 9), ('Escape', 27), ('Backspace', 8), ('Delete', 46), ('Insert', 45),
    ('PageUp', 33), ('PageDown', 34), ('End', 35), ('Home', 36), ('ArrowLeft', 37),
    ('ArrowUp', 38), ('ArrowRight', 39), ('ArrowDown', 40))}
_NAMED.update({'F%d' % i: ('F%d' % i, 'F%d' % i, 111 + i, '') for i in range(1, 13)})
_NAMED.update({'Numpad%d' % i: (str(i), 'Numpad%d' % i, 96 + i, str(i)) for i in range(10)})
_NAMED.update({'Numpad' + n: (c, 'Numpad' + n, kc, c) for n, c, kc in (
    ('Multiply', '*', 106), ('Add', '+', 107), ('Subtract', '-', 109),
    ('Decimal', '.', 110), ('Divide', '/', 111))})
_NAMED.update({'Enter': ('Enter', 'Enter', 13, '\r'), 'NumpadEnter': ('Enter', 'NumpadEnter', 13, '\r')})
_ALIASES = {'Space': ' ', 'Plus': '+', 'Minus': '-', 'Esc': 'Escape', 'Return': 'Enter'}
_PUNCT = {'-': ('Minus', 189), '=': ('Equal', 187), ',': ('Comma', 188), '.': ('Period', 190),
          '/': ('Slash', 191), ';': ('Semicolon', 186), "'": ('Quote', 222),
          '[': ('BracketLeft', 219), ']': ('BracketRight', 221), '\\': ('Backslash', 220),
          '`': ('Backquote', 192), ' ': ('Space', 32)}
_SHIFTED = dict(zip('~!@#$%^&*()_+{}|:"<>?', '`1234567890-=[]\\;\',./'))
# Modifier name -> (key event fields, CDP modifier bit).
_MODS = {'alt': (('Alt', 'AltLeft', 18), 1), 'ctrl': (('Control', 'ControlLeft', 17), 2),
         'meta': (('Meta', 'MetaLeft', 91), 4), 'shift': (('Shift', 'ShiftLeft', 16), 8)}


def _key_spec(name):
    """Return (key, code, keyCode, text, needs_shift, location) for a key name or character."""
    name = _ALIASES.get(name, name)
    if name in _NAMED:
        key, code, kc, text = _NAMED[name]
        return key, code, kc, text, False, 3 if code.startswith('Numpad') else 0
    if len(name) != 1:
        raise ValueError('unknown key %r' % name)
    base = _SHIFTED.get(name, name.lower())
    shift = base != name
    if base.isalpha():
        code, kc = 'Key' + base.upper(), ord(base.upper())
    elif base.isdigit():
        code, kc = 'Digit' + base, ord(base)
    elif base in _PUNCT:
        code, kc = _PUNCT[base]
    else:
        raise ValueError('no US-keyboard key for %r' % name)
    return name, code, kc, name, shift, 0


class Browser:
    def __init__(self, width=1280, height=720, timeout=60):
        self.width, self.height = width, height
        self._tmp = tempfile.mkdtemp(prefix='xentlab-chromium-')
        self._proc, self._session, self._id = None, None, 0
        self._buf, self._scan = bytearray(), 0
        self._events = collections.deque(maxlen=1000)
        self._console, self._exceptions, self._log = [], [], []
        atexit.register(self.close)     # never leak a browser if a test dies
        # Chromium >= 132 only has the new headless mode; older ones may only
        # understand plain --headless, so fall back to it.
        for mode in ('--headless=new', '--headless'):
            try:
                self._start(mode, timeout)
                self.headless_mode = mode
                break
            except CDPError:
                self._stop_process()
                if mode == '--headless':
                    self.close()
                    raise
        t = self._call('Target.createTarget', {'url': 'about:blank'})
        self._target = t['targetId']
        # flatten=True: page commands go over the same pipe, tagged with sessionId.
        self._session = self._call('Target.attachToTarget',
                                   {'targetId': t['targetId'], 'flatten': True})['sessionId']
        for domain in ('Runtime', 'Page', 'Log'):
            self.send(domain + '.enable')
        self.send('Emulation.setDeviceMetricsOverride', {
            'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': False})
        # A headless tab has no OS focus: report it focused like a user's
        # window (document.hasFocus(), focus/blur events SDL listens to).
        self.send('Emulation.setFocusEmulationEnabled', {'enabled': True})
        self.send('Page.bringToFront')

    def _start(self, headless, timeout):
        flags = [headless, '--no-sandbox', '--remote-debugging-pipe',
                 '--user-data-dir=' + os.path.join(self._tmp, 'profile'),
                 '--no-first-run', '--no-default-browser-check', '--disable-gpu',
                 '--window-size=%d,%d' % (self.width, self.height), '--hide-scrollbars',
                 '--mute-audio', '--autoplay-policy=no-user-gesture-required',
                 # keep timers and rAF running at full speed in a hidden browser
                 '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
                 '--disable-backgrounding-occluded-windows', 'about:blank']
        cmd_r, self._wfd = os.pipe()
        self._rfd, out_w = os.pipe()
        # Popen keeps passed fds at their own numbers, but Chromium wants 3 and
        # 4.  Park the child's ends at >= 10 and let bash renumber them just
        # before exec (dash only knows one-digit fds; preexec_fn is unsafe
        # with the HTTP server thread running).
        a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(out_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(cmd_r), os.close(out_w)
        self._logpath = os.path.join(self._tmp, 'chromium.log')
        with open(self._logpath, 'ab') as log:   # a file: a full stderr pipe would stall Chromium
            self._proc = subprocess.Popen(
                ['/bin/bash', '-c', 'exec "$@" 3<&%d 4>&%d %d<&- %d>&-' % (a, b, a, b),
                 'bash', CHROMIUM] + flags, pass_fds=(a, b), stdin=subprocess.DEVNULL,
                stdout=log, stderr=log, start_new_session=True)
        os.close(a), os.close(b)
        self.flags = flags
        t0 = time.monotonic()
        self.version = self._call('Browser.getVersion', timeout=timeout)
        self.startup_seconds = time.monotonic() - t0

    # --- protocol plumbing --------------------------------------------------
    def _log_tail(self, n=15):
        try:
            with open(self._logpath, errors='replace') as f:
                return '\n--- chromium log tail ---\n' + ''.join(f.readlines()[-n:])
        except OSError:
            return ''

    def _read_one(self, deadline):
        """Next decoded message, or None once `deadline` (monotonic) passes."""
        while True:
            i = self._buf.find(b'\0', self._scan)   # only scan what is new
            if i >= 0:
                msg = bytes(self._buf[:i])
                del self._buf[:i + 1]
                self._scan = 0
                return json.loads(msg)
            self._scan = len(self._buf)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            if select.select([self._rfd], [], [], left)[0]:
                chunk = os.read(self._rfd, 1 << 20)
                if not chunk:
                    raise CDPError('chromium closed the pipe (exited?)' + self._log_tail())
                self._buf += chunk

    def _dispatch(self, msg):
        """Record an event: console output, exceptions and logs are kept forever."""
        if msg.get('sessionId') != self._session or 'method' not in msg:
            return
        method, p = msg['method'], msg.get('params', {})
        if method == 'Runtime.consoleAPICalled':
            self._console.append(' '.join(map(_remote_text, p.get('args', []))))
        elif method == 'Runtime.exceptionThrown':
            d = p['exceptionDetails']
            self._exceptions.append(d.get('exception', {}).get('description') or d.get('text', ''))
        elif method == 'Log.entryAdded':
            e = p['entry']
            self._log.append('%s: %s %s' % (e.get('level'), e.get('text'), e.get('url', '')))
        elif method == 'Inspector.targetCrashed':
            self._exceptions.append('renderer crashed')
        self._events.append((method, p))

    def _call(self, method, params=None, timeout=30, session=None):
        self._id += 1
        msg = {'id': self._id, 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        data = json.dumps(msg).encode() + b'\0'
        while data:
            data = data[os.write(self._wfd, data):]
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_one(deadline)
            if reply is None:
                raise CDPError('%s: no reply within %ss%s' % (method, timeout, self._log_tail()))
            if reply.get('id') != self._id:
                self._dispatch(reply)
            elif 'error' in reply:
                raise CDPError('%s failed: %s' % (method, reply['error']))
            else:
                return reply.get('result', {})

    # --- public API -----------------------------------------------------------
    def send(self, method, params=None, timeout=30):
        """Send a CDP command to the page (Target.*/Browser.* go to the browser)."""
        browser_level = method.split('.')[0] in ('Target', 'Browser')
        return self._call(method, params, timeout, None if browser_level else self._session)

    def pump(self, seconds):
        """Process incoming events for `seconds`."""
        deadline = time.monotonic() + seconds
        while (msg := self._read_one(deadline)) is not None:
            self._dispatch(msg)

    def console_lines(self):
        return list(self._console)

    def exceptions(self):
        return list(self._exceptions)

    def log_lines(self):
        """Browser log entries (failed loads, CSP, ...): not console output."""
        return list(self._log)

    def goto(self, url, timeout=30):
        self._events.clear()
        r = self.send('Page.navigate', {'url': url}, timeout)
        if r.get('errorText'):
            raise CDPError('navigating to %s: %s' % (url, r['errorText']))
        deadline = time.monotonic() + timeout
        while not any(m == 'Page.loadEventFired' for m, _ in self._events):
            msg = self._read_one(deadline)
            if msg is None:
                raise CDPError('%s: no load event within %ss' % (url, timeout))
            self._dispatch(msg)

    def eval(self, js, timeout=30):
        r = self.send('Runtime.evaluate', {'expression': js, 'returnByValue': True,
                                           'awaitPromise': True}, timeout)
        if 'exceptionDetails' in r:
            d = r['exceptionDetails']
            raise JSError(d.get('exception', {}).get('description') or d.get('text'))
        res = r['result']
        return res.get('value', res.get('unserializableValue'))

    def wait_for(self, js, timeout=20, interval=0.05):
        """Evaluate `js` until it is truthy (throwing counts as false); return its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                last = self.eval(js)
                if last not in (None, False, ''):   # 0 == False; {} and [] count as true
                    return last
            except JSError as e:
                last = e
            if time.monotonic() > deadline:
                raise CDPError('timed out after %ss waiting for %s; last value: %r\n'
                               'recent console:\n  %s\nexceptions: %s' % (
                                   timeout, js, last, '\n  '.join(self._console[-15:]),
                                   self._exceptions[-5:]))
            self.pump(interval)

    def press(self, key, ctrl=False, shift=False, alt=False, meta=False):
        """Press and release a key, like a US keyboard: 'n', 'N', '+', 'PageDown', 'F12'..."""
        k, code, kc, text, need_shift, loc = _key_spec(key)
        wanted = {'ctrl': ctrl, 'shift': shift or need_shift, 'alt': alt, 'meta': meta}
        mods = [m for m in ('ctrl', 'alt', 'meta', 'shift') if wanted[m]]
        bits = 0
        # SDL tracks modifiers from the modifier keys' own events, so press them for real.
        for m in mods:
            (mk, mcode, mkc), bit = _MODS[m]
            bits |= bit
            self._key('rawKeyDown', mk, mcode, mkc, '', bits, 1)
        if ctrl or alt or meta:
            text = ''       # no character (and no keypress) for shortcuts
        # 'keyDown' with text also produces keypress/input; 'rawKeyDown' does not.
        self._key('keyDown' if text else 'rawKeyDown', k, code, kc, text, bits, loc)
        self._key('keyUp', k, code, kc, '', bits, loc)
        for m in reversed(mods):
            (mk, mcode, mkc), bit = _MODS[m]
            bits &= ~bit
            self._key('keyUp', mk, mcode, mkc, '', bits, 1)

    def _key(self, type_, key, code, kc, text, modifiers, location):
        p = {'type': type_, 'key': key, 'code': code, 'windowsVirtualKeyCode': kc,
             'nativeVirtualKeyCode': kc, 'modifiers': modifiers, 'location': location}
        if text:
            p.update(text=text, unmodifiedText=text)
        self.send('Input.dispatchKeyEvent', p)

    def click(self, x, y, button='left'):
        """Left click at CSS pixel (x, y) of the viewport."""
        self.send('Input.dispatchMouseEvent', {'type': 'mouseMoved', 'x': x, 'y': y})
        for type_, buttons in (('mousePressed', 1), ('mouseReleased', 0)):
            self.send('Input.dispatchMouseEvent', {'type': type_, 'x': x, 'y': y, 'button': button,
                                                   'buttons': buttons, 'clickCount': 1})

    def window_size(self, width, height):
        """Size the browser's window itself, so window.outerWidth follows (a metrics
        override alone changes the page's viewport in a window that keeps its size: to
        the page, that is the browser's zoom)."""
        w = self.send('Browser.getWindowForTarget', {'targetId': self._target})
        self.send('Browser.setWindowBounds', {'windowId': w['windowId'],
                                              'bounds': {'width': width, 'height': height}})

    def screenshot(self, path):
        """The viewport as the user sees it (width x height PNG)."""
        data = self.send('Page.captureScreenshot', {'format': 'png'}, 60)['data']
        with open(path, 'wb') as f:
            f.write(base64.b64decode(data))

    def canvas_png(self, path, selector='canvas'):
        """The canvas's own backing-store pixels (independent of CSS scaling)."""
        url = self.eval('document.querySelector(%s).toDataURL("image/png")' % json.dumps(selector), 60)
        with open(path, 'wb') as f:
            f.write(base64.b64decode(url.split(',', 1)[1]))

    def _stop_process(self):
        if self._proc and self._proc.poll() is None:
            try:
                self._call('Browser.close', timeout=5)
                self._proc.wait(5)
            except (CDPError, OSError, subprocess.TimeoutExpired):
                # Hung: kill the whole session we started (renderers, zygote, gpu).
                try:
                    os.killpg(self._proc.pid, 9)
                except ProcessLookupError:
                    pass    # it finished exiting after all
                self._proc.wait()
        for fd in ('_rfd', '_wfd'):
            if getattr(self, fd, None) is not None:
                os.close(getattr(self, fd))
                setattr(self, fd, None)
        self._proc, self._buf, self._scan = None, bytearray(), 0

    def close(self):
        self._stop_process()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        atexit.unregister(self.close)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _remote_text(o):
    """A console.log argument (CDP RemoteObject) as console text."""
    if 'value' in o:
        return o['value'] if isinstance(o['value'], str) else json.dumps(o['value'])
    if o.get('type') == 'undefined':
        return 'undefined'
    return o.get('unserializableValue') or o.get('description', '')


def png_size(path):
    """(width, height) from the PNG IHDR chunk."""
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        raise ValueError('%s is not a PNG' % path)
    return struct.unpack('>II', head[16:24])


def image_diff(a, b, fuzz_percent=0):
    """Number of pixels that differ by more than fuzz_percent (ImageMagick compare)."""
    if png_size(a) != png_size(b):
        raise ValueError('size mismatch: %s %s vs %s %s' % (a, png_size(a), b, png_size(b)))
    r = subprocess.run(['compare', '-metric', 'AE', '-fuzz', '%g%%' % fuzz_percent, a, b, 'null:'],
                       capture_output=True, text=True)
    # Exit 0 = same, 1 = different (count on stderr, maybe like "1.2e+06"), 2 = error.
    if r.returncode not in (0, 1):
        raise RuntimeError('compare failed: ' + r.stderr.strip())
    return int(float(r.stderr.split()[0]))


# --- the web tests' shared frame -----------------------------------------------

def test_args(argv=None):
    """SITE, DESKTOP_XENTLAB, OUT_DIR from the command line, made absolute; three Nones
    when it does not have exactly three (the test then prints its docstring)."""
    args = sys.argv[1:] if argv is None else argv
    return tuple(os.path.abspath(a) for a in args) if len(args) == 3 else (None,) * 3


# (name, None or the exception) for each check run, in order.
results = []
# XL_WEB_ONLY=TEXT[,TEXT...]: run only the checks whose name holds one of the texts
# (e.g. "trace matches", after a change to what one part reads).
ONLY = [t for t in os.environ.get('XL_WEB_ONLY', '').split(',') if t]


def check(name):
    """Run the decorated test function now; record ok or the reason it failed, and go on."""
    def wrap(fn):
        if ONLY and not any(t in name for t in ONLY):
            return fn
        started = time.time()
        try:
            fn()
            results.append((name, None))
            print(f'ok   {name} ({time.time() - started:.1f} s)', flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported, then the next test runs
            results.append((name, e))
            print(f'FAIL {name}: {e}', flush=True)
            if not isinstance(e, AssertionError):
                traceback.print_exc()
        return fn
    return wrap


def summary(what, out):
    """Print where the pictures are and "N passed, M failed"; the exit status (1 if any failed)."""
    failed = [name for name, e in results if e is not None]
    print(f'{what}: pictures in {out}')
    print(f'{len(results) - len(failed)} passed, {len(failed)} failed')
    return 1 if failed else 0


def start_page(browser, url):
    """Go to url; from now on a test reads only what this page writes to the console
    (browser.page_console_start: the console of one Browser keeps every page's lines,
    and an earlier page's line must not pass for this one's)."""
    browser.page_console_start = len(browser.console_lines())
    browser.goto(url)


def open_page(browser, base, query='', described=False):
    """Open the site's index.html with query and wait for the program's first frame; it
    must not have exited. described: wait too for the scene in words (the page's
    description region filled by the program)."""
    start_page(browser, f'{base}/index.html{query}')
    browser.wait_for('window.xentlab.frames >= 1 || window.xentlab.exitStatus !== null', timeout=30)
    status = browser.eval('window.xentlab.exitStatus')
    assert status is None, f'the program exited with status {status}: {browser.eval("window.xentlab.stderr")}'
    if described:
        browser.wait_for('window.xentlab.described !== ""', timeout=10)


def frames_after(browser, n):
    """Wait until the page has shown a frame after the n-th (the last input is drawn)."""
    browser.wait_for(f'window.xentlab.frames > {n}', timeout=10)
    browser.pump(0.2)


def press_and_wait(browser, key):
    """Press key and wait for the frame that shows what it did."""
    shown = browser.eval('window.xentlab.frames')
    browser.press(key)
    frames_after(browser, shown)

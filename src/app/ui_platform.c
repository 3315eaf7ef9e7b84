/* ui_platform: the desktop and the browser, each in its #if branch (see the header). */
#include "ui_platform.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The same on both: the browser's driver is emscripten, never these. */
int ui_platform_invisible_driver(const char *driver, const char *asked)
{
    if (!driver || (asked && *asked)) return 0;
    return strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0;
}


#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#include <string.h>

int ui_platform_is_browser(void) { return 1; }

Uint32 ui_platform_window_flags(void) { return SDL_WINDOW_RESIZABLE; }

void ui_platform_fit_window(SDL_Window *win)
{
    if (SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN) return; /* SDL sizes the canvas to the screen */
    double css_w = 0.0, css_h = 0.0;
    if (emscripten_get_element_css_size("#canvas", &css_w, &css_h) != EMSCRIPTEN_RESULT_SUCCESS) return;
    const double ratio = emscripten_get_device_pixel_ratio();
    /* Bounded: a page can report anything; SDL and the frame need a sane positive size. */
    double want_w = css_w * (ratio > 0.0 && ratio <= 8.0 ? ratio : 1.0);
    double want_h = css_h * (ratio > 0.0 && ratio <= 8.0 ? ratio : 1.0);
    if (!(want_w >= 1.0)) want_w = 1.0;
    if (!(want_h >= 1.0)) want_h = 1.0;
    if (want_w > 16384.0) want_w = 16384.0;
    if (want_h > 16384.0) want_h = 16384.0;
    const int fit_w = (int)(want_w + 0.5), fit_h = (int)(want_h + 0.5);
    int w = 0, h = 0;
    SDL_GetWindowSize(win, &w, &h);
    if (w != fit_w || h != fit_h) SDL_SetWindowSize(win, fit_w, fit_h);
}

float ui_platform_pixels_per_point(SDL_Window *win, int frame_w)
{
    (void)win;
    (void)frame_w;
    const double ratio = emscripten_get_device_pixel_ratio();
    return ratio > 0.0 && ratio <= 8.0 ? (float)ratio : 1.0f; /* bounded as in ui_platform_fit_window */
}

typedef struct turn_call {
    ui_platform_turn_fn turn;
    void *ctx;
} turn_call;

static void browser_turn(void *arg)
{
    turn_call *tc = arg;
    if (!tc->turn(tc->ctx, 0)) emscripten_cancel_main_loop();
}

void ui_platform_run(ui_platform_turn_fn turn, void *ctx)
{
    static turn_call tc; /* read by every browser_turn after this call has stopped */
    tc.turn = turn;
    tc.ctx = ctx;
    /* 0 frames per second: the browser's own pace (requestAnimationFrame). */
    emscripten_set_main_loop_arg(browser_turn, &tc, 0, 1);
}

/* The browser's loop resumed by the first input, focus or resize event, heard in the
 * capture phase, before SDL's own listeners queue the event for the next turn, or (a
 * nap: ms >= 0) after ms milliseconds, whichever comes first. The paused loop gives up
 * its hold on the runtime, which would then exit (EXIT_RUNTIME, kept so that a bad
 * link's exit status reaches the page): the sleep holds it instead, and lets go only
 * once the resumed loop holds it again. Only a sleep until input is the page's to know
 * (Module.onXentlabSleep): a nap is a pause between two steps of a playing scene. */
EM_JS(void, page_wake_on_input, (int ms), {
    /* The listeners stay (one per event type, added at the first sleep): adding and
     * removing fourteen at each nap, 30 a second while playing, cost more than the nap. */
    if (!Module.xentlabListening) {
        Module.xentlabListening = true;
        ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'touchstart', 'touchmove', 'touchend',
         'touchcancel', 'resize', 'focus', 'blur', 'visibilitychange'].forEach(function(t) {
            window.addEventListener(t, function() { if (Module.xentlabWake) Module.xentlabWake(); }, true);
        });
    }
    var timer = null;
    var wake = function() {
        if (Module.xentlabWake !== wake) return; /* woken already (the timer and an event) */
        if (timer !== null) clearTimeout(timer);
        Module.xentlabWake = null;
        Browser.mainLoop.resume();
        runtimeKeepalivePop();
        if (ms < 0 && Module.onXentlabSleep) Module.onXentlabSleep(false);
    };
    runtimeKeepalivePush();
    Module.xentlabWake = wake; /* also called by a button of the page that queued a command */
    if (ms >= 0) timer = setTimeout(wake, ms);
    else if (Module.onXentlabSleep) Module.onXentlabSleep(true);
});

void ui_platform_sleep_until_input(void)
{
    emscripten_pause_main_loop();
    page_wake_on_input(-1);
}

void ui_platform_nap(int ms)
{
    emscripten_pause_main_loop();
    page_wake_on_input(ms < 0 ? 0 : ms);
}

/* EM_JS rather than EM_ASM, which needs -std=gnu*; the page's hooks are optional. */
EM_JS(void, page_frame_shown, (double frames), {
    if (Module.onXentlabFrame) Module.onXentlabFrame(frames);
});

/* The file as a download: a Blob behind a link clicked for the user. 1 done, 0 not. */
EM_JS(int, page_download, (const char *path, const char *name), {
    try {
        var file = UTF8ToString(path), base = UTF8ToString(name);
        var bytes = FS.readFile(file);
        FS.unlink(file);
        var url = URL.createObjectURL(new Blob([bytes], {type: 'image/png'}));
        var a = document.createElement('a');
        a.href = url;
        a.download = base;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
        if (Module.onXentlabDownload) Module.onXentlabDownload(base, bytes.length);
        return 1;
    } catch (e) {
        return 0;
    }
});

void ui_platform_frame_shown(long frames)
{
    page_frame_shown((double)frames);
}

/* The page paces the address (Module.onXentlabState, src/web/index.html); without the
 * hook, the hash is set here at once. */
EM_JS(void, page_state, (const char *text), {
    var t = UTF8ToString(text);
    if (Module.onXentlabState) Module.onXentlabState(t);
    else history.replaceState(history.state, document.title, t ? '#' + t : location.pathname + location.search);
});

/* The link with the state now, to the clipboard (a key press lets a page write it). */
EM_JS(int, page_copy_link, (void), {
    try {
        if (Module.onXentlabCopyLink) return Module.onXentlabCopyLink() ? 1 : 0;
        if (!navigator.clipboard) return 0;
        navigator.clipboard.writeText(location.href);
        return 1;
    } catch (e) {
        return 0;
    }
});

void ui_platform_show_state(const char *text)
{
    page_state(text);
}

int ui_platform_copy_state(const char *text, char *err, size_t errlen)
{
    page_state(text);
    if (page_copy_link()) return 0;
    snprintf(err, errlen, "this page may not write to the clipboard; the address holds the link");
    return -1;
}

int ui_platform_deliver(const char *path)
{
    const char *name = strrchr(path, '/');
    if (page_download(path, name ? name + 1 : path)) return 0;
    errno = EIO;
    return -1;
}

/* The page's accessibility hooks (src/web/index.html); each optional, as the others. */
EM_JS(void, page_describe, (const char *text, const char *spoken, const char *full, int announce), {
    if (Module.onXentlabDescribe)
        Module.onXentlabDescribe(UTF8ToString(text), UTF8ToString(spoken), UTF8ToString(full), !!announce);
});

EM_JS(void, page_controls, (const char *json), {
    if (Module.onXentlabControls) Module.onXentlabControls(UTF8ToString(json));
});

/* The oldest command the page queued (Module.xentlabCommands), written into out[n]
 * when it fits (with its NUL): its length, or -1 when none waits, -2 when it was too
 * long (dropped). */
EM_JS(int, page_take_command, (char *out, int n), {
    var q = Module.xentlabCommands;
    if (!q || !q.length) return -1;
    var text = String(q.shift());
    if (lengthBytesUTF8(text) + 1 > n) return -2;
    stringToUTF8(text, out, n);
    return lengthBytesUTF8(text);
});

EM_JS(double, page_zoom, (void), {
    return Module.xentlabZoom ? Number(Module.xentlabZoom()) : 1;
});

void ui_platform_describe(const char *text, const char *spoken, const char *spoken_full, int announce)
{
    const char *t = text ? text : "";
    page_describe(t, spoken ? spoken : t, spoken_full ? spoken_full : t, announce);
}

void ui_platform_page_controls(const char *json)
{
    page_controls(json ? json : "{}");
}

int ui_platform_take_command(char *out, size_t n)
{
    for (;;) {
        const int got = page_take_command(out, n > 1024 ? 1024 : (int)n);
        if (got == -1) return 0;
        if (got >= 0) return 1;
    }
}

/* A character no font has: the page may fetch a font for it (Module.onXentlabFontWanted
 * decides which, and asks for each file once). */
EM_JS(void, page_font_wanted, (double cp), {
    if (Module.onXentlabFontWanted) Module.onXentlabFontWanted(cp);
});

/* The oldest font the page fetched (Module.xentlabFonts: {name, bytes}) written into
 * the in-memory file system under /fonts-late/; its path in out[n]: 1, or 0 when none
 * waits, -1 when it could not be written (dropped). */
EM_JS(int, page_take_font, (char *out, int n), {
    var q = Module.xentlabFonts;
    if (!q || !q.length) return 0;
    var f = q.shift();
    var path = '/fonts-late/' + String(f.name).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64);
    try {
        try { FS.mkdir('/fonts-late'); } catch (e) { /* there already */ }
        FS.writeFile(path, new Uint8Array(f.bytes));
    } catch (e) {
        return -1;
    }
    if (lengthBytesUTF8(path) + 1 > n) return -1;
    stringToUTF8(path, out, n);
    return 1;
});

void ui_platform_font_wanted(uint32_t cp)
{
    page_font_wanted((double)cp);
}

int ui_platform_take_font(char *out, size_t n)
{
    for (;;) {
        const int got = page_take_font(out, n > 1024 ? 1024 : (int)n);
        if (got >= 0) return got;
    }
}

float ui_platform_page_zoom(void)
{
    const double z = page_zoom();
    /* Bounded: a page can say anything; NaN fails both tests and counts as 1. */
    return z >= 0.25 && z <= 5.0 ? (float)z : 1.0f;
}

/* The changed rectangles of the window's surface onto the canvas. SDL's emscripten
 * framebuffer (SDL_emscriptenframebuffer.c) copies the whole surface into an ImageData
 * of its own, setting every pixel's alpha, and puts all of it on every update, whatever
 * rectangles it is given: at 1280x720 that is 3.7 MB copied twice a frame for a step
 * that changed a few panels. Here the canvas reads the surface where it is: an
 * ImageData over the WebAssembly memory of its pixels (RGBX bytes, the X made opaque
 * first by the caller), each rectangle put alone (putImageData's dirty rectangle), so
 * nothing but the browser's own copy of the changed pixels is made. The view is made
 * again when the surface or the memory (grown: its old buffer is gone) is new. SDL's
 * own state (Module.SDL2) is only read: its whole updates, after a resize say, work as
 * before. 1 done; 0 when SDL has not set the canvas up for this size (its first update,
 * a resize): the caller then lets SDL copy the whole frame. */
EM_JS(int, page_put_rects, (const void *pixels, int w, int h, const int *rects, int n), {
    var SDL2 = Module['SDL2'];
    var canvas = Module['canvas'];
    if (!SDL2 || !SDL2.ctx || SDL2.ctxCanvas !== canvas || canvas.width !== w || canvas.height !== h) return 0;
    var put = Module.xentlabPut;
    if (!put || put.buffer !== HEAPU8.buffer || put.pixels !== pixels || put.w !== w || put.h !== h) {
        var bytes = new Uint8ClampedArray(HEAPU8.buffer, pixels, w * h * 4);
        put = Module.xentlabPut = {image: new ImageData(bytes, w, h), buffer: HEAPU8.buffer, pixels: pixels, w: w, h: h};
    }
    for (var k = 0; k < n; k++) {
        var r = (rects >> 2) + 4 * k;
        SDL2.ctx.putImageData(put.image, 0, 0, HEAP32[r], HEAP32[r + 1], HEAP32[r + 2], HEAP32[r + 3]);
    }
    return 1;
});

void ui_platform_update_rects(SDL_Window *win, const SDL_Rect *rects, int n)
{
    SDL_Surface *s = SDL_GetWindowSurface(win);
    /* RGBX in memory, rows back to back: the layout an ImageData has but for the alpha. */
    if (s && s->format->format == SDL_PIXELFORMAT_XBGR8888 && s->pitch == s->w * 4) {
        const SDL_Rect all = {0, 0, s->w, s->h};
        for (int k = 0; k < n; k++) { /* opaque, as SDL's own copy makes every pixel */
            SDL_Rect c;
            if (!SDL_IntersectRect(&rects[k], &all, &c)) continue;
            for (int y = c.y; y < c.y + c.h; y++) {
                Uint8 *p = (Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)c.x * 4;
                int x = 0;
                for (; x + 2 <= c.w; x += 2, p += 8) { /* two pixels a load: half the loop */
                    uint64_t two = 0;
                    memcpy(&two, p, 8);
                    two |= 0xff000000ff000000ull;
                    memcpy(p, &two, 8);
                }
                if (x < c.w) p[3] = 0xff;
            }
        }
        if (page_put_rects(s->pixels, s->w, s->h, &rects[0].x, n)) return;
    }
    SDL_UpdateWindowSurfaceRects(win, rects, n);
}

int ui_platform_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                       char *const argv[])
{
    (void)pid, (void)file, (void)actions, (void)argv;
    return ENOSYS;
}

#else /* the desktop */

extern char **environ;

int ui_platform_is_browser(void) { return 0; }

Uint32 ui_platform_window_flags(void) { return SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI; }

void ui_platform_fit_window(SDL_Window *win) { (void)win; }

float ui_platform_pixels_per_point(SDL_Window *win, int frame_w)
{
    int ww = 0, wh = 0;
    SDL_GetWindowSize(win, &ww, &wh);
    return ww > 0 && frame_w > 0 ? (float)frame_w / (float)ww : 1.0f;
}

void ui_platform_run(ui_platform_turn_fn turn, void *ctx)
{
    while (turn(ctx, 1)) {
    }
}

void ui_platform_sleep_until_input(void) {}

void ui_platform_nap(int ms) { (void)ms; }

void ui_platform_frame_shown(long frames) { (void)frames; }

void ui_platform_update_rects(SDL_Window *win, const SDL_Rect *rects, int n)
{
    SDL_UpdateWindowSurfaceRects(win, rects, n);
}

void ui_platform_show_state(const char *text) { (void)text; }

int ui_platform_copy_state(const char *text, char *err, size_t errlen)
{
    if (SDL_SetClipboardText(text) == 0) return 0;
    snprintf(err, errlen, "%s", SDL_GetError());
    return -1;
}

int ui_platform_deliver(const char *path)
{
    (void)path;
    return 0;
}

void ui_platform_describe(const char *text, const char *spoken, const char *spoken_full, int announce)
{
    (void)text, (void)spoken, (void)spoken_full, (void)announce;
}

void ui_platform_page_controls(const char *json) { (void)json; }

int ui_platform_take_command(char *out, size_t n)
{
    if (out && n) out[0] = '\0';
    return 0;
}

float ui_platform_page_zoom(void) { return 1.0f; }

void ui_platform_font_wanted(uint32_t cp) { (void)cp; }

int ui_platform_take_font(char *out, size_t n)
{
    (void)out;
    (void)n;
    return 0;
}

int ui_platform_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                       char *const argv[])
{
    return posix_spawnp(pid, file, actions, NULL, argv, environ);
}

#endif


/* The folder watcher (see the header): inotify on the Linux desktop, none elsewhere. */
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <stdio.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <unistd.h>

struct ui_platform_watch {
    int fd, wd;
    char name[256];
    void (*changed)(void *user);
    void *user;
    SDL_Thread *thread;
};

/* The thread: blocked in read() until events come; returns when the watch is removed
 * (IN_IGNORED, which ui_platform_watch_close causes, as does deleting the folder). */
static int watch_thread(void *arg)
{
    ui_platform_watch *w = arg;
    /* Aligned for struct inotify_event, and large enough for several at once. */
    union {
        struct inotify_event ev;
        char bytes[4096];
    } buf;
    for (;;) {
        const ssize_t n = read(w->fd, buf.bytes, sizeof buf.bytes);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 0;
        int hit = 0, done = 0;
        for (ssize_t at = 0; at + (ssize_t)sizeof(struct inotify_event) <= n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(buf.bytes + at);
            if (ev->mask & IN_IGNORED) done = 1; /* closed, or the folder was deleted */
            else if (ev->mask & IN_Q_OVERFLOW) hit = 1; /* events were lost: ours may be among them */
            else if (ev->len && strcmp(ev->name, w->name) == 0) hit = 1;
            at += (ssize_t)sizeof(struct inotify_event) + ev->len;
        }
        if (hit) w->changed(w->user);
        if (done) return 0;
    }
}

ui_platform_watch *ui_platform_watch_open(const char *dir, const char *name, void (*changed)(void *user),
                                          void *user)
{
    if (!dir || !name || !changed || strlen(name) >= sizeof ((ui_platform_watch *)0)->name) return NULL;
    ui_platform_watch *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    snprintf(w->name, sizeof w->name, "%s", name);
    w->changed = changed;
    w->user = user;
    w->fd = inotify_init1(IN_CLOEXEC); /* blocking: the thread sleeps in read() */
    w->wd = w->fd < 0 ? -1
                      : inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE |
                                                          IN_MOVED_TO | IN_MOVED_FROM | IN_ONLYDIR);
    w->thread = w->wd < 0 ? NULL : SDL_CreateThread(watch_thread, "xentlab-watch", w);
    if (!w->thread) {
        if (w->fd >= 0) close(w->fd);
        free(w);
        return NULL;
    }
    return w;
}

void ui_platform_watch_close(ui_platform_watch *w)
{
    if (!w) return;
    /* Removing the watch queues IN_IGNORED, which ends the thread's read; if the folder
     * went away the thread has already ended and this fails harmlessly. */
    inotify_rm_watch(w->fd, w->wd);
    SDL_WaitThread(w->thread, NULL);
    close(w->fd);
    free(w);
}

#else

ui_platform_watch *ui_platform_watch_open(const char *dir, const char *name, void (*changed)(void *user),
                                          void *user)
{
    (void)dir, (void)name, (void)changed, (void)user;
    return NULL;
}

void ui_platform_watch_close(ui_platform_watch *w) { (void)w; }

#endif

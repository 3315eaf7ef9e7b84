/* ui_platform: what differs between the desktop program and the browser build
 * (WebAssembly, emscripten), in one place. Everything else, from the core to the
 * panels and the lessons, is the same code in both.
 *
 * In the browser:
 *   - the window loop is called by the browser once per animation frame instead of
 *     running and sleeping on its own (a page must give control back to draw);
 *   - the window is the page's <canvas id="canvas">, drawn by SDL's software renderer
 *     (the same pixels as a headless desktop frame);
 *   - there is one window (no presenter view), no child process (no ffmpeg, so no
 *     video export) and no lasting file system: a saved picture becomes a download. */
#ifndef UI_PLATFORM_H
#define UI_PLATFORM_H

#include <SDL.h>
#include <spawn.h>
#include <stdint.h>
#include <sys/types.h>

/* 1 in the browser build, 0 on the desktop. */
int ui_platform_is_browser(void);

/* 1 when DRIVER (SDL's current video driver) draws windows no one can see (offscreen,
 * dummy) and the user did not ask for it: ASKED is $SDL_VIDEODRIVER, NULL when unset
 * (the tests set it; a person without a display does not). */
int ui_platform_invisible_driver(const char *driver, const char *asked);

/* The flags the main window is created with. */
Uint32 ui_platform_window_flags(void);

/* Called once a turn: in the browser, size the window to the canvas's CSS size times the
 * device's pixel ratio, so the frame has one pixel per screen pixel (sharp on HiDPI
 * screens) and follows the page's size. SDL's own HiDPI mode cannot be used there: its
 * software framebuffer stays at CSS size and fills a corner of the larger canvas. On
 * the desktop, nothing. */
void ui_platform_fit_window(SDL_Window *win);

/* Frame pixels per window point (the fingertip sizes are in points), for a frame
 * frame_w pixels wide drawn in win: on the desktop, frame_w over the window's width in
 * points; in the browser, the device's pixel ratio (the window there is sized in frame
 * pixels, ui_platform_fit_window, so its width says nothing of CSS pixels). */
float ui_platform_pixels_per_point(SDL_Window *win, int frame_w);

/* One turn of a window loop: handle events, step, draw. may_wait: the turn may sleep
 * until something happens (the desktop); 0 when the browser calls it and it must
 * return promptly. Returns 0 when the loop is over. */
typedef int (*ui_platform_turn_fn)(void *ctx, int may_wait);

/* Run turn(ctx, ...) until it returns 0. On the desktop, a plain loop that returns.
 * In the browser, the browser calls turn once per animation frame and this call never
 * returns: emscripten stops its callers with an exception that does not unwind their
 * stack (emscripten_set_main_loop_arg's simulate_infinite_loop), so what their frames
 * hold, ctx included, stays valid while the page lives, as under an infinite loop. */
void ui_platform_run(ui_platform_turn_fn turn, void *ctx);

/* Called by a turn that was told not to wait when nothing is due until input arrives:
 * the browser stops calling the turn until an input, focus or resize event comes (SDL
 * queues the event itself; the next turn reads it). The desktop's turn waits in
 * SDL_WaitEvent instead, so this does nothing there. */
void ui_platform_sleep_until_input(void);

/* Called by a turn that was told not to wait when nothing is due for ms milliseconds
 * but the next step of a playing scene (or another timer): the browser stops calling
 * the turn until then or until input comes, whichever is first, instead of calling it
 * at every animation frame (60 a second, twice the steps' 30) only for it to find
 * nothing to do; each such call costs the page's main thread a frame of its own. The
 * desktop's turn waits in SDL_WaitEventTimeout instead: nothing there. */
void ui_platform_nap(int ms);

/* A frame was shown (the frames counted since the start): the browser build tells the
 * page (Module.onXentlabFrame, which the page's loading screen and tests use). */
void ui_platform_frame_shown(long frames);

/* Show the rectangles rects[n] of win's surface, into which the software renderer has
 * drawn (its queue flushed), on the screen: SDL_UpdateWindowSurfaceRects on the
 * desktop, where SDL's framebuffer copies just those rectangles. In the browser SDL's
 * framebuffer would copy and put the whole surface on the canvas whatever the
 * rectangles; this copies and puts only theirs (the same pixels on the canvas). */
void ui_platform_update_rects(SDL_Window *win, const SDL_Rect *rects, int n);

/* A file written for the user (a screenshot) at path. The browser hands it to the
 * user as a download and removes it from its in-memory file system; the desktop
 * leaves it where it is. Returns 0, or -1 with errno set. */
int ui_platform_deliver(const char *path);

/* The state's text (xl_state_text.h) to the user: on the desktop, to the clipboard
 * (SDL_SetClipboardText); in the browser, the page's address takes it as its hash and
 * the whole link goes to the clipboard. Returns 0, or -1 with the reason in err. */
int ui_platform_copy_state(const char *text, char *err, size_t errlen);

/* The browser's address follows the state: its hash becomes "#" + text ("" clears it)
 * through history.replaceState, paced by the page (at most a few times a second; the
 * last one always lands, so a pause shows at once), never a history entry per step.
 * The desktop has no address: nothing. */
void ui_platform_show_state(const char *text);

/* The page around the canvas, for people who do not see it (issue 26; ui_page.h says
 * what and when). All do nothing, or return nothing, on the desktop.
 *
 * The scene's description: the page's hidden description region takes text (as
 * written: "H(P,Q) = 3.705 nats", which a braille display shows and a reader can go
 * through); with announce, its aria-live region says spoken, the same (or its first
 * sentences) in the words a voice says ("H of P and Q"). spoken_full, all of it in
 * those words, is what the page's "Describe the scene" button says again. */
void ui_platform_describe(const char *text, const char *spoken, const char *spoken_full, int announce);
/* The state the page's control buttons show (ui_page_controls_json's JSON), when it changed. */
void ui_platform_page_controls(const char *json);
/* The next command a button of the page sent (its text, as --do takes it, or "lesson
 * ACTION"), into out[n]: 1, or 0 when none waits (always on the desktop). A text that
 * does not fit is dropped, not cut. */
int ui_platform_take_command(char *out, size_t n);
/* The browser's zoom (Ctrl + / Ctrl −: 2 at 200%), which the type is multiplied by so
 * that it grows with it as a web page's text does; 1 on the desktop. The page works
 * it out from devicePixelRatio and the window (src/web/index.html); bounded 0.25 to 5. */
float ui_platform_page_zoom(void);

/* Fonts brought when wanted (issue 26): the browser bundles no CJK font in its data;
 * the page fetches a subset beside it the first time a character no font has is in a
 * script it covers. ui_platform_font_wanted(cp) tells the page of such a character (the
 * hook of ui_shape_on_missing); ui_platform_take_font gives the path of a font that has
 * arrived since (written into the in-memory file system) into out[n]: 1, or 0 when none
 * has. The desktop finds fonts through fontconfig: nothing there, and 0. */
void ui_platform_font_wanted(uint32_t cp);
int ui_platform_take_font(char *out, size_t n);

/* posix_spawnp, or ENOSYS in the browser, which starts no processes. */
int ui_platform_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                       char *const argv[]);

/* A folder watched for changes to one file in it (a lesson's live reload). Editors
 * save by writing a new file and renaming it over the old one, so the folder is
 * watched, not the file (whose inode goes away), and only events naming `name` count.
 * On the Linux desktop: inotify, read by a thread that sleeps in read() until the
 * folder changes and then calls changed(user) from that thread (so it must be
 * thread-safe: count atomically, push an SDL event). NULL on other systems, in the
 * browser (there is no file to edit) or when the folder cannot be watched: the caller
 * polls the file's stat instead (ui_watch.h). Owned by the caller: close it. */
typedef struct ui_platform_watch ui_platform_watch;
ui_platform_watch *ui_platform_watch_open(const char *dir, const char *name, void (*changed)(void *user),
                                          void *user);
/* Stop the thread (after it, changed is never called again) and free w. NULL: nothing. */
void ui_platform_watch_close(ui_platform_watch *w);

#endif

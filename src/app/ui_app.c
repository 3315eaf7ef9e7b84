/* ui_app: the program around the scene: SDL set-up, the event loop, the trace, PNG.
 *
 * The loop sleeps in SDL_WaitEvent while paused (no CPU when idle). While playing it
 * wakes when the next simulation step is due; elapsed wall time becomes a whole
 * number of fixed steps in xl_session_tick, so the numbers do not depend on the
 * frame rate. A frame is drawn only when something changed. */
#include "ui_app.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_assets.h"
#include "ui_png.h"
#include "ui_check.h"
#include "ui_classroom.h"
#include "ui_export.h"
#include "ui_replay.h"
#include "ui_input.h"
#include "ui_platform.h"
#include "ui_pointer.h"
#include "ui_scene.h"
#include "ui_trace.h"

typedef struct trace_ctx {
    FILE *out;
    const xl_session *session;
} trace_ctx;

static void trace_step(const xl_sample *smp, void *user)
{
    trace_ctx *t = user;
    ui_trace_step(t->out, t->session, smp);
}

int ui_app_save_png(SDL_Renderer *r, int w, int h, const char *path)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot) return -1;
    int rc = SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch);
    char err[256];
    if (rc == 0 && ui_png_write(path, shot->pixels, w, h, shot->pitch, err, sizeof err) != 0) {
        SDL_SetError("%s", err);
        rc = -1;
    }
    SDL_FreeSurface(shot);
    return rc == 0 ? 0 : -1;
}

static int find_fonts(char *dir, size_t n)
{
    char tried[4096];
    if (ui_assets_find_fonts(dir, n, tried, sizeof tried) == 0) return 0;
    fprintf(stderr, "xentlab: cannot find the bundled fonts (DejaVuSans.ttf). Tried:\n%s"
                    "Set XENTLAB_ASSETS to the folder that holds fonts/.\n", tried);
    return -1;
}

/* A view command from --do or a key (fullscreen and screenshots are the window
 * loop's). Returns 0 to quit. */
static int apply_view_command(ui_view *view, ui_view_command v)
{
    float zoom = view->zoom > 0.0f ? view->zoom : 1.0f;
    switch (v) {
    case UI_VIEW_QUIT: return 0;
    case UI_VIEW_HELP: view->help_visible = !view->help_visible; break;
    case UI_VIEW_THEME:
        view->theme = view->theme == UI_THEME_LIGHT ? UI_THEME_DARK : UI_THEME_LIGHT;
        break;
    /* Tenths from UI_ZOOM_MIN to UI_ZOOM_MAX, counted in whole tenths so it never drifts. */
    case UI_VIEW_ZOOM_IN: zoom = (float)(lroundf(zoom * 10.0f) + 1) / 10.0f; break;
    case UI_VIEW_ZOOM_OUT: zoom = (float)(lroundf(zoom * 10.0f) - 1) / 10.0f; break;
    case UI_VIEW_ZOOM_RESET: zoom = 1.0f; break;
    default: break;
    }
    if (zoom < UI_ZOOM_MIN) zoom = UI_ZOOM_MIN;
    if (zoom > UI_ZOOM_MAX) zoom = UI_ZOOM_MAX;
    view->zoom = zoom;
    if (v == UI_VIEW_ZOOM_IN || v == UI_VIEW_ZOOM_OUT || v == UI_VIEW_ZOOM_RESET)
        snprintf(view->note, sizeof view->note, "zoom %d%%  (Ctrl + / Ctrl − / Ctrl 0)", (int)lroundf(zoom * 100.0f));
    return 1;
}

/* A new file name for a screenshot in dir (NULL: the current folder), reserved by
 * creating it empty, so two shots in one second, or a file already there, are never
 * overwritten. Returns 0 and the path, or -1. */
static int reserve_shot_path(const char *dir, char *path, size_t n)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0) return -1;
    for (int k = 1; k < 1000; k++) {
        char suffix[8] = "";
        if (k > 1) snprintf(suffix, sizeof suffix, "-%d", k);
        int len = snprintf(path, n, "%s%sxentlab-%s%s.png", dir ? dir : "", dir && *dir ? "/" : "", stamp, suffix);
        if (len < 0 || (size_t)len >= n) return -1;
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd >= 0) {
            close(fd);
            return 0;
        }
        if (errno != EEXIST) return -1;
    }
    return -1;
}

static int run_headless(const ui_options *opt, xl_session *s, ui_view view, const char *fonts)
{
    int status = 0;
    if (!opt->screenshot) return 0; /* nothing to draw: the steps and trace are done */
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, opt->width, opt->height, 32,
                                                         SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    char err[512];
    ui_scene *sc = r ? ui_scene_create(r, fonts, err, sizeof err) : NULL;
    if (!sc) {
        fprintf(stderr, "xentlab: cannot set up headless drawing: %s\n", r ? err : SDL_GetError());
        status = 1;
    } else {
        if (opt->presenter) ui_scene_draw_presenter(sc, &view, 0.0, opt->width, opt->height);
        else ui_scene_draw(sc, s, &view, opt->width, opt->height, NULL);
        SDL_RenderPresent(r);
        char err[256];
        if (ui_png_write(opt->screenshot, target->pixels, opt->width, opt->height, target->pitch, err, sizeof err) != 0) {
            fprintf(stderr, "xentlab: --screenshot: cannot write %s: %s\n", opt->screenshot, err);
            status = 1;
        }
    }
    ui_scene_destroy(sc);
    if (r) SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    return status;
}

/* An "accelerated" OpenGL renderer that is really Mesa's CPU rasterizer (no GPU, as
 * under Xvfb or in many virtual machines) costs several times the CPU of SDL's own
 * software renderer writing straight to the window. */
static int renderer_is_emulated(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || strncmp(info.name, "opengl", 6) != 0) return 0;
    typedef const unsigned char *(*gl_get_string_fn)(unsigned int);
    gl_get_string_fn get_string = (gl_get_string_fn)SDL_GL_GetProcAddress("glGetString");
    const char *name = get_string ? (const char *)get_string(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast"));
}

/* The view's lesson fields from the classroom. */
static void sync_view(ui_view *view, const ui_classroom *cr)
{
    view->lesson = cr->player;
    view->broken = cr->broken ? cr->lesson : NULL;
    view->blank = cr->blank;
    view->menu_open = cr->menu_open;
    view->menu_selected = cr->menu_selected;
    view->library = &cr->library;
    view->lesson_path = cr->path;
}

/* What the trace's lesson lines compare, to write one when something changed. */
typedef struct lesson_seen {
    const void *lesson;
    int page, phase, blank, menu, presenter;
    long agains;
} lesson_seen;

static const char *phase_name(const ui_classroom *cr)
{
    static const char *const names[] = {"playing", "waiting", "paused", "asking", "suspended", "done"};
    return cr->player ? names[xl_player_phase_of(cr->player)] : "";
}

static void trace_lesson_change(FILE *trace, const xl_session *s, const ui_classroom *cr, lesson_seen *seen)
{
    lesson_seen now = {cr->lesson, cr->player ? xl_player_page(cr->player) : -1,
                       cr->player ? (int)xl_player_phase_of(cr->player) : -1, cr->blank, cr->menu_open, cr->presenter,
                       cr->agains};
    if (now.lesson == seen->lesson && now.page == seen->page && now.phase == seen->phase && now.blank == seen->blank &&
        now.menu == seen->menu && now.presenter == seen->presenter && now.agains == seen->agains)
        return;
    const char *event = now.lesson != seen->lesson ? (now.lesson ? "open" : "close")
                      : now.page != seen->page ? "page"
                      : now.agains != seen->agains ? "again"
                      : now.blank != seen->blank ? (now.blank ? "blank" : "unblank")
                      : now.menu != seen->menu ? (now.menu ? "menu" : "menu-closed")
                      : now.presenter != seen->presenter ? (now.presenter ? "presenter" : "presenter-closed")
                      : "phase";
    *seen = now;
    if (trace)
        ui_trace_lesson(trace, s, event, cr->lesson ? cr->path : "", now.page + 1, cr->lesson ? cr->lesson->npages : 0,
                        phase_name(cr));
}

/* The presenter's second window: speaker notes, next page, timer (ui_scene_draw_presenter). */
typedef struct presenter {
    SDL_Window *win;
    SDL_Renderer *r;
    ui_scene *sc;
} presenter;

static void presenter_close(presenter *pv)
{
    ui_scene_destroy(pv->sc);
    if (pv->r) SDL_DestroyRenderer(pv->r);
    if (pv->win) SDL_DestroyWindow(pv->win);
    memset(pv, 0, sizeof *pv);
}

static int presenter_open(presenter *pv, const char *fonts)
{
    pv->win = SDL_CreateWindow("xentlab · presenter", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 960, 600,
                               SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    pv->r = pv->win ? SDL_CreateRenderer(pv->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    char err[512] = "";
    pv->sc = pv->r ? ui_scene_create(pv->r, fonts, err, sizeof err) : NULL;
    if (!pv->sc) {
        fprintf(stderr, "xentlab: cannot open the presenter view: %s\n", err[0] ? err : SDL_GetError());
        presenter_close(pv);
        return -1;
    }
    return 0;
}

/* The steps a replay line asks for (advance N, do run N, do step) and what they cost on
 * s as it is: within XL_WORK_PAGE for the line and XL_WORK_FILE for the whole replay
 * (*work, the operations so far), or said with the line and the limit. Returns 0 if
 * the line may run (counted), -1 if refused. */
static int replay_work(const ui_replay_entry *e, const xl_session *s, const char *file, double *work)
{
    long steps = 0;
    ui_action act = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
    char err[256] = "";
    if (e->kind == UI_REPLAY_ADVANCE) steps = e->n;
    else if (e->kind == UI_REPLAY_DO && ui_action_parse(e->text, &act, err, sizeof err) == 0)
        steps = act.cmd.kind == XL_CMD_RUN ? act.cmd.n : act.cmd.kind == XL_CMD_STEP ? 1 : 0;
    if (steps <= 0) return 0;
    const double cost = xl_session_step_cost(s), ops = (double)steps * cost;
    const int line_over = ops > XL_WORK_PAGE;
    if (!line_over && *work + ops <= XL_WORK_FILE) {
        *work += ops;
        return 0;
    }
    char what[64];
    if (e->kind == UI_REPLAY_ADVANCE) snprintf(what, sizeof what, "advance %ld", e->n);
    else xl_command_format(&act.cmd, what, sizeof what);
    fprintf(stderr,
            "xentlab: --replay: %s:%d: error: '%s' asks for %.6g operations (%ld steps × %.6g per step)%s; %s may "
            "ask for at most %.6g (about %s): the replay stops here\n",
            file, e->line, what, ops, steps, cost, line_over ? "" : " after all the lines before it",
            line_over ? "one line of a replay" : "a whole replay", line_over ? XL_WORK_PAGE : XL_WORK_FILE,
            line_over ? "2 seconds" : "a minute");
    return -1;
}

/* One recorded action done again (--replay). Returns 1 if it changed what is shown, 0
 * if not, -1 if it asks for more work than a replay may (said; the replay stops). */
static int replay_apply(const ui_replay_entry *e, xl_session *s, ui_classroom *cr, ui_view *view, FILE *trace,
                        const char *file, double *work)
{
    ui_action act = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
    char err[512] = "";
    int ok = 1;
    if (replay_work(e, s, file, work) != 0) return -1;
    switch (e->kind) {
    case UI_REPLAY_DO:
        if (ui_action_parse(e->text, &act, err, sizeof err) != 0) return 0; /* checked when loaded */
        xl_session_tick(s, &act.cmd, 1, 0.0, &ok);
        if (cr->player) xl_player_took_over(cr->player);
        if (trace) ui_trace_command(trace, s, &act, ok);
        return 1;
    case UI_REPLAY_VIEW:
        if (ui_action_parse(e->text, &act, err, sizeof err) != 0) return 0;
        apply_view_command(view, act.view);
        if (trace) ui_trace_command(trace, s, &act, 1);
        return 1;
    case UI_REPLAY_LESSON: {
        /* A page start runs the pages before it: counted, so that turning pages back
         * and forth, or opening a lesson again and again, is bounded too. */
        const xl_player *was = cr->player;
        const double before = was ? xl_player_ops_done(was) : 0.0;
        if (ui_classroom_do(cr, e->text, s, err, sizeof err) != 0)
            fprintf(stderr, "xentlab: --replay: %s:%d: %s\n", file, e->line, err);
        const double after = cr->player ? xl_player_ops_done(cr->player) : 0.0;
        *work += cr->player == was && after >= before ? after - before : after;
        if (*work > XL_WORK_FILE) {
            fprintf(stderr,
                    "xentlab: --replay: %s:%d: error: the lesson's pages computed up to here took %.6g operations; "
                    "a whole replay may ask for at most %.6g (about a minute): the replay stops here\n",
                    file, e->line, *work, XL_WORK_FILE);
            return -1;
        }
        return 1;
    }
    case UI_REPLAY_ADVANCE:
        return (cr->player ? xl_player_advance_steps(cr->player, e->n) : xl_session_advance_steps(s, e->n)) > 0;
    case UI_REPLAY_SIZE:
        return 0; /* the window's business */
    }
    return 0;
}

static long long ms_since(Uint64 start)
{
    return (long long)(SDL_GetTicks64() - start);
}

/* The window loop's state, kept between turns (ui_platform_run calls a turn at a time). */
typedef struct window_loop {
    const ui_options *opt;
    xl_session *s;
    ui_classroom *cr;
    ui_replay_writer *rw;
    const ui_replay *replay;
    FILE *trace;
    const char *fonts;
    SDL_Window *win;
    SDL_Renderer *r;
    ui_scene *sc;
    Uint32 main_id;
    presenter pv;
    ui_view view;
    ui_pointer pointer; /* what it does needs the geometry the last frame was drawn with */
    ui_frame_geom geom;
    SDL_Cursor *cursors[UI_CURSOR_COUNT];
    ui_cursor shown_cursor;
    int running, dirty, presenter_dirty, status, w, h, last_w, last_h;
    Uint64 note_until; /* when the view's note goes */
    Uint64 freq, last, lesson_start, session_start;
    long next_entry;   /* --replay: the next recorded action */
    double replay_work; /* --replay: the operations its lines asked for so far */
    int replay_refused; /* a line asked for more: the replay stopped there */
    long shown_second; /* the presenter's timer, redrawn when its second changes */
    long frames;       /* frames shown */
    lesson_seen seen;
} window_loop;

/* A note at the foot of the window for ms milliseconds. */
static void say(window_loop *L, const char *note, int ms)
{
    snprintf(L->view.note, sizeof L->view.note, "%s", note);
    L->note_until = SDL_GetTicks64() + (Uint64)ms;
    L->dirty = 1;
}

static int is_modifier(SDL_Keycode k)
{
    return k == SDLK_LCTRL || k == SDLK_RCTRL || k == SDLK_LSHIFT || k == SDLK_RSHIFT || k == SDLK_LALT ||
           k == SDLK_RALT || k == SDLK_LGUI || k == SDLK_RGUI;
}

/* What the classroom's last key or click asks the class to know: the quit question, or
 * the way back to a lesson just left. */
static void say_classroom(window_loop *L, const char *did)
{
    const ui_classroom *cr = L->cr;
    char note[sizeof L->view.note];
    if (cr->quit_asked)
        say(L, "quit xentlab?  Esc or Q again quits; any other key stays", 5000);
    else if (strcmp(did, "close") == 0 && cr->left_path[0]) {
        snprintf(note, sizeof note, "left the lesson at page %d: Page Down or F5 goes back to it, M the lessons",
                 cr->left_page + 1);
        say(L, note, 5000);
    } else if (strstr(L->view.note, "quit xentlab?") == L->view.note) {
        L->view.note[0] = '\0'; /* answered: stay */
        L->dirty = 1;
    }
}

/* How long the loop may wait for an event before something is due without one: the
 * next simulation step, a note's end, a replay's next action, the presenter's timer.
 * -1: nothing is due; only an event can change what is shown. */
static int wait_ms_for(const window_loop *L)
{
    /* A page start computed a slice per turn: the next turn is due now (a page in a
     * browser that slept until input would never finish it). */
    if (L->cr && L->cr->player && xl_player_busy(L->cr->player)) return 1;
    int wait_ms = -1;
    if (xl_session_playing(L->s)) {
        int ms = (int)ceil(xl_session_time_to_next_step(L->s) * 1000.0);
        wait_ms = ms < 1 ? 1 : ms > 100 ? 100 : ms;
    } else if (L->view.note[0]) {
        wait_ms = 100; /* wake to take the note away */
    }
    if (L->replay && L->next_entry < L->replay->count) { /* wake for the next recorded action */
        long long due = L->replay->entries[L->next_entry].ms - ms_since(L->session_start);
        int ms = due < 1 ? 1 : due > 100 ? 100 : (int)due;
        if (wait_ms < 0 || ms < wait_ms) wait_ms = ms;
    }
    if (L->view.pointer_in && L->pointer.drag == UI_DRAG_NONE) { /* wake to take the tooltip away */
        Uint32 shown = (Uint32)SDL_GetTicks64() - L->pointer.moved_at;
        int ms = shown >= (Uint32)UI_TOOLTIP_MS ? 1 : (int)((Uint32)UI_TOOLTIP_MS - shown) + 1;
        if (wait_ms < 0 || ms < wait_ms) wait_ms = ms;
    }
    if (L->pv.win) { /* wake when the timer's second turns */
        int to_second = 1000 - (int)((SDL_GetTicks64() - L->lesson_start) % 1000);
        if (wait_ms < 0 || to_second < wait_ms) wait_ms = to_second;
    }
    return wait_ms;
}

/* One turn: events, then the steps that are due, then a frame if something changed.
 * On the desktop a turn may sleep in SDL_WaitEvent while nothing is due (no CPU when
 * idle); in the browser it returns at once and the browser calls it again. */
static int window_turn(void *ctx, int may_wait)
{
    window_loop *L = ctx;
    const ui_options *opt = L->opt;
    xl_session *s = L->s;
    ui_classroom *cr = L->cr;
    ui_replay_writer *rw = L->rw;
    const ui_replay *replay = L->replay;
    FILE *trace = L->trace;
    const char *fonts = L->fonts;
    SDL_Window *win = L->win;
    SDL_Renderer *r = L->r;
    ui_scene *sc = L->sc;
    const Uint32 main_id = L->main_id;
    ui_platform_fit_window(win);
    if (cr->presenter && !L->pv.win && presenter_open(&L->pv, fonts) != 0) cr->presenter = 0;
    if (!cr->presenter && L->pv.win) presenter_close(&L->pv);
    if (cr->restarted) {
        L->lesson_start = SDL_GetTicks64();
        cr->restarted = 0;
    }
    /* A long page start or a skipped play is computed a slice per frame, so the window
     * goes on drawing and answering keys. Not while inputs are recorded or replayed:
     * there each action meets the state it met live, computed at once. */
    if (cr->player) xl_player_set_sliced(cr->player, !rw && !replay);
    const int busy = cr->player && xl_player_busy(cr->player);
    if (busy) {
        xl_player_work(cr->player, XL_WORK_SLICE);
        const int target = xl_player_preparing(cr->player);
        if (xl_player_busy(cr->player)) {
            if (target >= 0)
                snprintf(L->view.note, sizeof L->view.note, "computing the start of page %d…", target + 1);
            else
                snprintf(L->view.note, sizeof L->view.note, "computing the steps of this page…");
            L->note_until = SDL_GetTicks64() + 400;
        } else {
            L->view.note[0] = '\0';
        }
        L->dirty = L->presenter_dirty = 1;
    }
    SDL_Event ev;
    int have;
    const int wait_ms = wait_ms_for(L);
    const int replaying = replay && L->next_entry < replay->count;
    if (L->dirty || L->presenter_dirty || !may_wait) have = SDL_PollEvent(&ev);
    else if (wait_ms >= 0) have = SDL_WaitEventTimeout(&ev, wait_ms);
    else have = SDL_WaitEvent(&ev);
    while (have) {
        ui_action act = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
        Uint32 win_id = ev.type == SDL_WINDOWEVENT ? ev.window.windowID
                      : ev.type == SDL_MOUSEMOTION ? ev.motion.windowID
                      : ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP ? ev.button.windowID
                      : ev.type == SDL_MOUSEWHEEL ? ev.wheel.windowID : main_id;
        if (L->pv.win && win_id == SDL_GetWindowID(L->pv.win)) {
            /* The presenter's window: its close hides it; pointing there does nothing. */
            if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE) cr->presenter = 0;
            L->presenter_dirty = 1;
            have = SDL_PollEvent(&ev);
            continue;
        }
        if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE) L->running = 0;
        if (ev.type == SDL_MOUSEMOTION || ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP ||
            ev.type == SDL_MOUSEWHEEL || ev.type == SDL_WINDOWEVENT) {
            /* Window coordinates to the frame's pixels (they differ on HiDPI displays). */
            int ww = 1, wh = 1;
            SDL_GetWindowSize(win, &ww, &wh);
            SDL_Event fe = ev;
            int fx = 0, fy = 0;
            if (ev.type == SDL_MOUSEMOTION) {
                fx = ev.motion.x * L->w / (ww > 0 ? ww : 1);
                fy = ev.motion.y * L->h / (wh > 0 ? wh : 1);
                fe.motion.x = fx - L->geom.scene.x;
                fe.motion.y = fy - L->geom.scene.y;
            } else if (ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP) {
                fx = ev.button.x * L->w / (ww > 0 ? ww : 1);
                fy = ev.button.y * L->h / (wh > 0 ? wh : 1);
                fe.button.x = fx - L->geom.scene.x;
                fe.button.y = fy - L->geom.scene.y;
            }
            int taken = 0;
            if (ev.type == SDL_MOUSEBUTTONDOWN && ev.button.button == SDL_BUTTON_LEFT && !L->view.help_visible &&
                (cr->blank || cr->menu_open || cr->lesson)) /* a broken lesson's foot too */
            {
                char did[UI_LIBRARY_PATH + 32];
                taken = ui_classroom_click(cr, fx, fy, &L->geom.lesson, &L->geom.menu, s, did, sizeof did);
                if (taken && did[0]) ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_LESSON, did, 0, 0);
                if (taken) say_classroom(L, did);
            }
            /* "H help" at the end of the hint bar opens the key sheet, as H does. */
            const SDL_Point in_scene = {fx - L->geom.scene.x, fy - L->geom.scene.y};
            if (!taken && ev.type == SDL_MOUSEBUTTONDOWN && ev.button.button == SDL_BUTTON_LEFT &&
                !L->view.help_visible && !cr->blank && !cr->menu_open &&
                SDL_PointInRect(&in_scene, &L->geom.help_hint)) {
                act.view = UI_VIEW_HELP;
                taken = 1;
            }
            /* The scene's pointer: not over the menu, the blank screen or the lesson's column. */
            int to_scene = !taken && !replaying && !busy && !cr->menu_open && !cr->blank &&
                           !((ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEMOTION) && fx < L->geom.scene.x);
            xl_command cmds[4];
            int nc = L->view.help_visible || !to_scene ? 0 : ui_pointer_event(&L->pointer, &fe, &L->geom, s, cmds, 4);
            if (L->view.help_visible && ev.type == SDL_MOUSEBUTTONDOWN) L->view.help_visible = 0;
            for (int i = 0; i < nc; i++) {
                int ok = 1;
                xl_session_tick(s, &cmds[i], 1, 0.0, &ok);
                if (cr->player) xl_player_took_over(cr->player);
                if (rw) {
                    char text[1024];
                    xl_command_format(&cmds[i], text, sizeof text);
                    ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_DO, text, 0, 0);
                }
                if (trace) {
                    ui_action pa = {UI_VIEW_NONE, cmds[i]};
                    ui_trace_command(trace, s, &pa, ok);
                }
            }
            if (!to_scene && ev.type == SDL_MOUSEMOTION) L->pointer.inside = 0;
            L->view.pointer_x = L->pointer.x + L->geom.scene.x;
            L->view.pointer_y = L->pointer.y + L->geom.scene.y;
            ui_cursor want = to_scene ? ui_pointer_cursor(&L->pointer, &L->geom, s) : UI_CURSOR_ARROW;
            if (want != L->shown_cursor && L->cursors[want]) {
                SDL_SetCursor(L->cursors[want]);
                L->shown_cursor = want;
            }
            L->dirty = 1;
            if (taken) L->presenter_dirty = 1;
        }
        if (ev.type == SDL_QUIT) L->running = 0;
        else if (ev.type == SDL_KEYDOWN) {
            if (!is_modifier(ev.key.keysym.sym)) {
                ui_pointer_hide_tip(&L->pointer); /* typing: the tooltip goes (Ctrl for Ctrl+click keeps it) */
                L->dirty = 1;
            }
            if (L->view.help_visible) {
                L->view.help_visible = 0; /* any key closes the help sheet */
                L->dirty = 1;
            } else {
                int was_playing = xl_session_playing(s);
                char did[UI_LIBRARY_PATH + 32];
                ui_classroom_key_result kr =
                    replaying ? UI_CLASSROOM_PASS
                              : ui_classroom_key(cr, ev.key.keysym.sym, ev.key.keysym.mod, s, did, sizeof did);
                if (kr == UI_CLASSROOM_TAKEN && did[0])
                    ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_LESSON, did, 0, 0);
                say_classroom(L, did);
                if (kr == UI_CLASSROOM_QUIT) L->running = 0;
                else if (kr == UI_CLASSROOM_TAKEN) {
                    L->dirty = L->presenter_dirty = 1;
                    if (!was_playing && xl_session_playing(s)) L->last = SDL_GetPerformanceCounter();
                } else {
                    act = ui_input_map_key(ev.key.keysym.sym, ev.key.keysym.mod, xl_session_scenario(s));
                    /* While a replay plays, only the view is the viewer's; while a page
                     * is computed, the session is the work in progress. */
                    if ((replaying || busy) && act.view == UI_VIEW_NONE) act.cmd = xl_command_make(XL_CMD_NONE);
                }
            }
        }
        if (!ui_action_is_none(&act)) {
            int was_playing = xl_session_playing(s), ok = 1;
            char text[1024];
            if (act.view == UI_VIEW_NONE) {
                xl_session_tick(s, &act.cmd, 1, 0.0, &ok);
                if (cr->player) xl_player_took_over(cr->player);
                ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_DO,
                                xl_command_format(&act.cmd, text, sizeof text), 0, 0);
            } else {
                L->running = apply_view_command(&L->view, act.view);
                if (act.view != UI_VIEW_SCREENSHOT && act.view != UI_VIEW_FULLSCREEN && act.view != UI_VIEW_QUIT)
                    ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_VIEW,
                                    ui_action_format(&act, text, sizeof text), 0, 0);
                if (act.view == UI_VIEW_ZOOM_IN || act.view == UI_VIEW_ZOOM_OUT ||
                    act.view == UI_VIEW_ZOOM_RESET)
                    L->note_until = SDL_GetTicks64() + 2500;
                if (act.view == UI_VIEW_SCREENSHOT) {
                    char path[1024];
                    sync_view(&L->view, cr);
                    ui_scene_draw(sc, s, &L->view, L->w, L->h, &L->geom); /* the frame as it is, without a note */
                    if (reserve_shot_path(opt->shots_dir, path, sizeof path) == 0 &&
                        ui_app_save_png(r, L->w, L->h, path) == 0 && ui_platform_deliver(path) == 0)
                        snprintf(L->view.note, sizeof L->view.note, "%s %.180s",
                                 ui_platform_is_browser() ? "downloaded" : "saved", path);
                    else
                        snprintf(L->view.note, sizeof L->view.note, "could not save a screenshot in %s: %s",
                                 opt->shots_dir ? opt->shots_dir : "this folder", strerror(errno));
                    L->note_until = SDL_GetTicks64() + 3000;
                }
                if (act.view == UI_VIEW_FULLSCREEN) {
                    int full = SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
                    SDL_SetWindowFullscreen(win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
                }
                if (act.view == UI_VIEW_THEME) L->presenter_dirty = 1;
            }
            /* Time spent paused is not owed to the simulation. */
            if (!was_playing && xl_session_playing(s)) L->last = SDL_GetPerformanceCounter();
            if (act.view == UI_VIEW_QUIT && ui_platform_is_browser()) ok = 0; /* a page stays: said below */
            if (trace) ui_trace_command(trace, s, &act, ok);
            L->dirty = L->presenter_dirty = 1;
        }
        have = SDL_PollEvent(&ev);
    }
    if (L->view.note[0] && SDL_GetTicks64() >= L->note_until) {
        L->view.note[0] = '\0';
        L->cr->quit_asked = 0; /* the question lapses with its note */
        L->dirty = 1;
    }
    Uint64 now = SDL_GetPerformanceCounter();
    double dt = (double)(now - L->last) / (double)L->freq;
    /* A blank screen holds time: the class sees every step it is shown. A replay's
     * time is its own: only its recorded advances step. */
    int stepped = 0;
    if (replay && L->next_entry < replay->count) {
        while (L->next_entry < replay->count && replay->entries[L->next_entry].ms <= ms_since(L->session_start)) {
            const ui_replay_entry *e = &replay->entries[L->next_entry++];
            int applied = e->kind == UI_REPLAY_SIZE ? 0 : replay_apply(e, s, cr, &L->view, trace, opt->replay,
                                                                             &L->replay_work);
            if (e->kind == UI_REPLAY_SIZE) SDL_SetWindowSize(win, (int)e->n, (int)e->h);
            else if (applied > 0) stepped = 1;
            L->dirty = L->presenter_dirty = 1;
            if (applied < 0) { /* refused (said on stderr): the rest is not played */
                L->next_entry = replay->count;
                snprintf(L->view.note, sizeof L->view.note,
                         "the replay stopped at line %d: it asks for more work than a replay may", e->line);
                L->note_until = SDL_GetTicks64() + 8000;
                L->replay_refused = 1;
            }
        }
        if (L->next_entry == replay->count && !L->replay_refused) {
            snprintf(L->view.note, sizeof L->view.note, "the replay of %.120s is done: the controls are yours",
                     opt->replay);
            L->note_until = SDL_GetTicks64() + 4000;
        }
    } else {
        stepped = cr->blank ? 0 : cr->player ? xl_player_advance(cr->player, dt)
                                             : xl_session_tick(s, NULL, 0, dt, NULL);
        if (stepped > 0) ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_ADVANCE, NULL, stepped, 0);
    }
    if (stepped > 0) L->dirty = L->presenter_dirty = 1;
    L->last = now;
    if (cr->presenter && ui_platform_is_browser()) { /* one page, one canvas: refused before it is traced */
        cr->presenter = 0;
        say(L, "the presenter view is a second window: open it in the desktop program", 4000);
    }
    sync_view(&L->view, cr);
    trace_lesson_change(trace, s, cr, &L->seen);
    const int tip = ui_pointer_tip(&L->pointer, SDL_GetTicks64(), cr->lesson, cr->player ? xl_player_page(cr->player) : -1);
    if (tip != L->view.pointer_in) {
        L->view.pointer_in = tip;
        L->dirty = 1;
    }
    if (L->dirty && L->running) {
        SDL_GetRendererOutputSize(r, &L->w, &L->h);
        if (rw && (L->w != L->last_w || L->h != L->last_h)) {
            ui_replay_write(rw, ms_since(L->session_start), UI_REPLAY_SIZE, NULL, L->w, L->h);
            L->last_w = L->w;
            L->last_h = L->h;
        }
        ui_scene_draw(sc, s, &L->view, L->w, L->h, &L->geom);
        SDL_RenderPresent(r);
        ui_platform_frame_shown(++L->frames);
        L->dirty = 0;
    }
    long second = (long)((SDL_GetTicks64() - L->lesson_start) / 1000);
    if (L->pv.win && L->running && (L->presenter_dirty || second != L->shown_second)) {
        int pw = 1, ph = 1;
        SDL_GetRendererOutputSize(L->pv.r, &pw, &ph);
        ui_scene_draw_presenter(L->pv.sc, &L->view, (double)(SDL_GetTicks64() - L->lesson_start) / 1000.0, pw, ph);
        SDL_RenderPresent(L->pv.r);
        L->shown_second = second;
    }
    L->presenter_dirty = 0;
    if (!L->running && ui_platform_is_browser()) { /* a page is left by closing its tab */
        L->running = 1;
        say(L, "this is a web page: close its tab to leave", 3000);
    }
    /* A page's turn never waits in SDL_WaitEvent: when only input can change what is
     * shown, the browser stops calling it until input comes (no CPU while paused). */
    if (!may_wait && L->running && !L->dirty && !L->presenter_dirty && wait_ms_for(L) < 0)
        ui_platform_sleep_until_input();
    return L->running;
}

/* The window's renderer: SDL's software renderer in the browser (the page's canvas gets
 * the same pixels as a headless frame); on the desktop an accelerated one unless it is
 * a CPU emulation of a GPU, then the software renderer. */
static SDL_Renderer *create_renderer(SDL_Window *win)
{
    if (ui_platform_is_browser()) return SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    const char *forced = getenv("SDL_RENDER_DRIVER"); /* the user's choice stands */
    if (r && !(forced && *forced) && renderer_is_emulated(r)) {
        SDL_DestroyRenderer(r);
        r = NULL;
    }
    if (!r) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    }
    return r;
}

static int run_window(const ui_options *opt, xl_session *s, ui_view view, const char *fonts, FILE *trace,
                      ui_classroom *cr, ui_replay_writer *rw, const ui_replay *replay)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "xentlab: cannot open a window: %s\n"
                        "(no display? use --headless --screenshot FILE.png)\n", SDL_GetError());
        return 1;
    }
    /* With no display SDL falls back to drivers whose windows no one can see; the
     * program would then wait for input that cannot come. Only an explicit choice
     * (SDL_VIDEODRIVER, as the tests set) may open one. */
    if (ui_platform_invisible_driver(SDL_GetCurrentVideoDriver(), getenv("SDL_VIDEODRIVER"))) {
        const char *display = getenv("DISPLAY");
        if (display && *display)
            fprintf(stderr, "xentlab: DISPLAY is '%s', but no window could be opened on it\n", display);
        fprintf(stderr, "xentlab: no display to open a window on (SDL found only its '%s' driver)\n"
                        "Set DISPLAY (or WAYLAND_DISPLAY) to a running display, or draw without one:\n"
                        "  --headless --screenshot FILE.png   a picture of the scene\n"
                        "  --record FILE.mp4 --lesson N        a lesson as video\n",
                SDL_GetCurrentVideoDriver());
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return 1;
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0"); /* the main window's close quits, not the presenter's */
    SDL_Window *win = SDL_CreateWindow("xentlab · cross-entropy lab", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, opt->width, opt->height, ui_platform_window_flags());
    if (!win) {
        fprintf(stderr, "xentlab: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    if (!ui_platform_is_browser()) SDL_SetWindowMinimumSize(win, UI_MIN_W, UI_MIN_H); /* a page's size is the page's */
    SDL_Renderer *r = create_renderer(win);
    char err[512];
    ui_scene *sc = r ? ui_scene_create(r, fonts, err, sizeof err) : NULL;
    if (!sc) {
        fprintf(stderr, "xentlab: cannot draw in the window: %s\n", r ? err : SDL_GetError());
        if (r) SDL_DestroyRenderer(r);
        SDL_DestroyWindow(win);
        return 1;
    }
    static window_loop loop; /* one per process; large, and read by every turn */
    window_loop *L = &loop;
    memset(L, 0, sizeof *L);
    L->pointer.tip_page = -1; /* the sandbox's "page" (ui_pointer_tip) */
    L->opt = opt;
    L->s = s;
    L->cr = cr;
    L->rw = rw;
    L->replay = replay;
    L->trace = trace;
    L->fonts = fonts;
    L->win = win;
    L->r = r;
    L->sc = sc;
    L->main_id = SDL_GetWindowID(win);
    L->view = view;
    static const SDL_SystemCursor cursor_ids[UI_CURSOR_COUNT] = {
        [UI_CURSOR_ARROW] = SDL_SYSTEM_CURSOR_ARROW, [UI_CURSOR_HAND] = SDL_SYSTEM_CURSOR_HAND,
        [UI_CURSOR_CROSSHAIR] = SDL_SYSTEM_CURSOR_CROSSHAIR, [UI_CURSOR_SIZENS] = SDL_SYSTEM_CURSOR_SIZENS,
    };
    for (int i = 0; i < UI_CURSOR_COUNT; i++) L->cursors[i] = SDL_CreateSystemCursor(cursor_ids[i]);
    L->shown_cursor = UI_CURSOR_ARROW;
    L->running = L->dirty = L->presenter_dirty = 1;
    L->w = L->last_w = opt->width;
    L->h = L->last_h = opt->height;
    L->freq = SDL_GetPerformanceFrequency();
    L->last = SDL_GetPerformanceCounter();
    L->lesson_start = L->session_start = SDL_GetTicks64();
    L->shown_second = -1;
    L->seen.page = L->seen.phase = -1;
    trace_lesson_change(trace, s, cr, &L->seen);
    ui_platform_run(window_turn, L); /* in the browser, this never returns */
    if (opt->screenshot) {
        ui_scene_draw(sc, s, &L->view, L->w, L->h, NULL);
        if (ui_app_save_png(r, L->w, L->h, opt->screenshot) != 0) {
            fprintf(stderr, "xentlab: --screenshot: cannot write %s: %s\n", opt->screenshot, SDL_GetError());
            L->status = 1;
        }
    }
    presenter_close(&L->pv);
    for (int i = 0; i < UI_CURSOR_COUNT; i++) SDL_FreeCursor(L->cursors[i]);
    ui_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    return L->status;
}

/* --list-lessons: number, name, title, pages; exit status 1 when there are none. */
static int list_lessons(const ui_library *lib)
{
    if (lib->count == 0) {
        fprintf(stderr, "xentlab: --list-lessons: %s\n",
                lib->dir[0] ? "the lessons folder has no .lesson files" : "no lessons folder was found "
                                                                         "(set XENTLAB_LESSONS to one)");
        return 1;
    }
    printf("Lessons in %s (open one with --lesson NUMBER, NAME or FILE):\n", lib->dir);
    for (int i = 0; i < lib->count; i++) {
        const ui_library_entry *e = &lib->entries[i];
        if (e->pages) printf("  %-24s %s (%d page%s)\n", e->name, e->title, e->pages, e->pages == 1 ? "" : "s");
        else printf("  %-24s %s\n", e->name, e->title);
    }
    return 0;
}

/* --lesson: open it on s and go to --page; headless, skip its plays so the picture is
 * the page as the class sees it once it has played. Returns 0, 1 for a broken lesson
 * (still shown), or 2 for a bad flag value (said on stderr). */
static int open_lesson(const ui_options *opt, ui_classroom *cr, xl_session *s)
{
    char err[1024];
    if (ui_classroom_open(cr, opt->lesson, s, err, sizeof err) != 0) {
        fprintf(stderr, "xentlab: --lesson: %s\n", err);
        return 2;
    }
    if (cr->broken) {
        for (int e = 0; e < cr->lesson->nerrors && e < XL_LESSON_MAX_ERRORS; e++)
            fprintf(stderr, "%s\n", cr->lesson->errors[e]);
        return 1;
    }
    if (opt->page > cr->lesson->npages) {
        fprintf(stderr, "xentlab: --page: '%d': \"%s\" has %d page%s\n", opt->page, cr->lesson->title,
                cr->lesson->npages, cr->lesson->npages == 1 ? "" : "s");
        return 2;
    }
    if (opt->page > 1 && xl_player_goto(cr->player, opt->page - 1) != 0) {
        fprintf(stderr, "xentlab: --lesson: out of memory\n");
        return 1;
    }
    if (opt->headless)
        for (int guard = 0; guard < XL_LESSON_MAX_STEPS && xl_player_phase_of(cr->player) == XL_PLAYER_PLAYING; guard++)
            xl_player_next(cr->player);
    const char *problems = xl_player_problems(cr->player);
    if (problems[0]) fputs(problems, stderr);
    return 0;
}

/* A replay as a frame source for a video: frame f shows every recorded action up to
 * f/fps seconds. Chapters follow the lesson's pages (a stretch without a lesson is one
 * "Sandbox" chapter). */
typedef struct replay_source {
    const ui_replay *rp;
    long next, frame;
    int fps, changed;
    xl_session *s;
    ui_classroom *cr;
    ui_view *view;
    const char *file;
    double work;       /* the operations the lines asked for so far */
    int refused;       /* a line asked for more than a replay may: stopped there */
} replay_source;

static int replay_source_next(void *self)
{
    replay_source *rs = self;
    const long long t = (long long)rs->frame * 1000 / rs->fps;
    rs->changed = rs->frame == 0;
    while (rs->next < rs->rp->count && rs->rp->entries[rs->next].ms <= t) {
        const ui_replay_entry *e = &rs->rp->entries[rs->next++];
        int applied = replay_apply(e, rs->s, rs->cr, rs->view, NULL, rs->file, &rs->work);
        if (applied < 0) {
            rs->refused = 1;
            rs->next = rs->rp->count;
            break;
        }
        if (applied || e->kind != UI_REPLAY_ADVANCE) rs->changed = 1;
    }
    sync_view(rs->view, rs->cr);
    rs->view->recording = 1;
    rs->frame++;
    return 1;
}

static int replay_source_changed(void *self)
{
    return ((replay_source *)self)->changed;
}

/* The chapters of a replayed video, from a dry pass on its own session and classroom
 * (kept: the captions point into its lessons). */
static int replay_schedule(const ui_replay *rp, const ui_options *ro, const char *fonts, int fps, const char *file,
                           ui_export_schedule *sc, ui_classroom *dry_cr, xl_session **dry_s)
{
    memset(sc, 0, sizeof *sc);
    const long long length_ms = (rp->count ? rp->entries[rp->count - 1].ms : 0) + 1000;
    sc->frames = (long)((length_ms * fps + 999) / 1000);
    snprintf(sc->video_title, sizeof sc->video_title, "xentlab replay of %.60s", file);
    *dry_s = xl_session_create(&ro->desc);
    if (!*dry_s) return -1;
    ui_classroom_init(dry_cr, fonts);
    ui_view view = {.theme = ro->theme};
    replay_source rs = {rp, 0, 0, fps, 0, *dry_s, dry_cr, &view, file, 0.0, 0};
    const void *shown_lesson = NULL;
    int shown_page = -2;
    for (long f = 0; f < sc->frames; f++) {
        replay_source_next(&rs);
        const void *lesson = dry_cr->player ? (const void *)dry_cr->lesson : NULL;
        const int page = dry_cr->player ? xl_player_page(dry_cr->player) : -1;
        if (f > 0 && lesson == shown_lesson && page == shown_page) continue;
        if (rs.refused) return 1; /* said: nothing is recorded */
        if (sc->pages == XL_LESSON_MAX_PAGES) continue; /* more chapters than fit: the last runs on */
        if (sc->pages > 0) sc->end[sc->pages - 1] = f;
        int k = sc->pages++;
        sc->start[k] = f;
        if (lesson) {
            sc->page[k] = &dry_cr->lesson->pages[page];
            snprintf(sc->title[k], sizeof sc->title[k], "%s", dry_cr->lesson->pages[page].title);
        } else {
            snprintf(sc->title[k], sizeof sc->title[k], "Sandbox");
        }
        shown_lesson = lesson;
        shown_page = page;
    }
    if (sc->pages > 0) sc->end[sc->pages - 1] = sc->frames;
    return 0;
}

/* --replay FILE --record OUT. */
static int record_replay(const ui_options *opt, const ui_replay *rp, const ui_options *ro, const char *fonts,
                         xl_session *s, ui_classroom *cr, ui_view *view)
{
    ui_export_schedule *sc = malloc(sizeof *sc);
    ui_classroom *dry_cr = malloc(sizeof *dry_cr);
    xl_session *dry_s = NULL;
    int status = 1;
    int scheduled = !sc || !dry_cr ? -1 : replay_schedule(rp, ro, fonts, opt->fps, opt->replay, sc, dry_cr, &dry_s);
    if (scheduled < 0) {
        fprintf(stderr, "xentlab: --record: out of memory\n");
    } else if (scheduled > 0) {
        status = 1; /* a line over the limits, said */
    } else {
        replay_source rs = {rp, 0, 0, opt->fps, 0, s, cr, view, opt->replay, 0.0, 0};
        ui_export_source src = {replay_source_next, replay_source_changed, &rs, s, view};
        ui_export_options eo = {opt->record, opt->width, opt->height, opt->fps, view->theme, opt->force, fonts};
        status = ui_export_frames(&eo, sc, &src);
    }
    if (dry_s) {
        ui_classroom_free(dry_cr);
        xl_session_destroy(dry_s);
    }
    free(dry_cr);
    free(sc);
    return status;
}

/* --replay: the recorded command line's options (the scene it started from). Returns 0,
 * or 1 with the reason said. */
static int replay_options(const ui_options *opt, ui_replay *rp, ui_options *ro)
{
    if (opt->command_count || opt->lesson) {
        fprintf(stderr, "xentlab: --replay: the recording sets the scene; give it without --do and --lesson\n");
        return 1;
    }
    FILE *quiet = fopen("/dev/null", "w");
    ui_cli_result rc = ui_cli_parse(rp->argc, rp->argv, ro, quiet ? quiet : stderr, stderr);
    if (quiet) fclose(quiet);
    if (rc != UI_CLI_RUN) {
        fprintf(stderr, "xentlab: --replay: %s: the command line it records is refused (above)\n", opt->replay);
        return 1;
    }
    return 0;
}

int ui_app_run(const ui_options *opt)
{
    if (opt->check) return ui_check_lessons(opt->check_files, opt->check_count, opt->check_play, stdout, stderr);
    char fonts[2048];
    if (find_fonts(fonts, sizeof fonts) != 0) return 1;
    ui_classroom *cr = malloc(sizeof *cr);
    ui_options *ro = calloc(1, sizeof *ro); /* --replay: the recorded command line's options */
    ui_replay rp;
    memset(&rp, 0, sizeof rp);
    if (!cr || !ro) {
        fprintf(stderr, "xentlab: out of memory\n");
        free(cr);
        free(ro);
        return 1;
    }
    ui_classroom_init(cr, fonts);
    if (opt->list_lessons) {
        int rc = list_lessons(&cr->library);
        free(cr);
        free(ro);
        return rc;
    }
    const ui_options *scene_opt = opt; /* where the scene comes from */
    if (opt->replay) {
        char err[1400];
        int rc = 0;
        if (ui_replay_load(opt->replay, &rp, err, sizeof err) != 0) {
            fprintf(stderr, "xentlab: --replay: %s\n", err);
            rc = 1;
        } else {
            rc = replay_options(opt, &rp, ro);
        }
        if (rc) {
            ui_replay_free(&rp);
            free(cr);
            free(ro);
            return rc;
        }
        scene_opt = ro;
    }
    xl_session *s = xl_session_create(&scene_opt->desc);
    if (!s) {
        fprintf(stderr, "xentlab: cannot create the scene (out of memory or invalid settings)\n");
        ui_replay_free(&rp);
        free(cr);
        free(ro);
        return 1;
    }
    trace_ctx tc = {stdout, s};
    if (opt->trace) xl_session_set_observer(s, trace_step, &tc);
    ui_view view = {.theme = opt->replay ? ro->theme : opt->theme, .pointer_in = opt->pointer,
                    .pointer_x = opt->pointer_x, .pointer_y = opt->pointer_y,
                    .zoom = opt->replay ? ro->zoom : opt->zoom};
    ui_replay_writer writer = {0}, *rw = NULL;   /* closed on every path, so never unset */
    if (opt->record_input) {
        char err[1200];
        if (ui_replay_writer_open(&writer, opt->record_input, opt->argc, opt->argv, opt->width, opt->height, err,
                                  sizeof err) != 0) {
            fprintf(stderr, "xentlab: --record-input: %s\n", err);
            xl_session_destroy(s);
            free(cr);
            free(ro);
            return 1;
        }
        rw = &writer;
    }
    int lesson_status = 0;
    if (opt->lesson) {
        lesson_status = open_lesson(opt, cr, s);
        if (lesson_status == 2) {
            if (rw) ui_replay_writer_close(rw);
            ui_classroom_free(cr);
            free(cr);
            free(ro);
            xl_session_destroy(s);
            return 2;
        }
        if (rw && cr->lesson) {
            char action[UI_LIBRARY_PATH + 16];
            snprintf(action, sizeof action, "open %s", cr->path);
            ui_replay_write(rw, 0, UI_REPLAY_LESSON, action, 0, 0);
            if (cr->player && xl_player_page(cr->player) > 0) {
                snprintf(action, sizeof action, "page %d", xl_player_page(cr->player) + 1);
                ui_replay_write(rw, 0, UI_REPLAY_LESSON, action, 0, 0);
            }
        }
        cr->presenter = opt->presenter;
        sync_view(&view, cr);
        if (opt->record) {
            int status = lesson_status;
            if (status == 0 && SDL_Init(0) != 0) {
                fprintf(stderr, "xentlab: SDL: %s\n", SDL_GetError());
                status = 1;
            } else if (status == 0) {
                ui_export_options eo = {opt->record, opt->width, opt->height, opt->fps, opt->theme, opt->force, fonts};
                status = ui_export_lesson(cr->player, &eo);
                SDL_Quit();
            }
            ui_classroom_free(cr);
            free(cr);
            free(ro);
            xl_session_destroy(s);
            return status;
        }
    }
    /* --do commands are traced like key presses, headless or not (README: one object
     * per command applied); a "step" among them also writes its step line first. */
    for (int i = 0; i < opt->command_count; i++) {
        const ui_action *act = &opt->commands[i];
        int ok = 1;
        char text[1024];
        if (act->view == UI_VIEW_NONE) {
            xl_session_tick(s, &act->cmd, 1, 0.0, &ok);
            if (cr->player) xl_player_took_over(cr->player);
        } else {
            apply_view_command(&view, act->view);
        }
        ui_replay_write(rw, 0, act->view == UI_VIEW_NONE ? UI_REPLAY_DO : UI_REPLAY_VIEW,
                        ui_action_format(act, text, sizeof text), 0, 0);
        if (opt->trace) ui_trace_command(stdout, s, act, ok);
        /* A refused --do command is said on stderr too: nothing is silently ignored. */
        if (!ok && act->cmd.kind != XL_CMD_NONE) fprintf(stderr, "xentlab: --do: %s\n", xl_session_message(s));
    }
    if (opt->steps > 0) {
        xl_command run = xl_command_int(XL_CMD_RUN, opt->steps);
        char text[64];
        xl_session_tick(s, &run, 1, 0.0, NULL);
        ui_replay_write(rw, 0, UI_REPLAY_DO, xl_command_format(&run, text, sizeof text), 0, 0);
        if (cr->player) xl_player_took_over(cr->player);
    }
    if (opt->replay && opt->record) {
        int status = 1;
        if (SDL_Init(0) != 0) {
            fprintf(stderr, "xentlab: SDL: %s\n", SDL_GetError());
        } else {
            status = record_replay(opt, &rp, ro, fonts, s, cr, &view);
            SDL_Quit();
        }
        ui_replay_free(&rp);
        ui_classroom_free(cr);
        free(cr);
        free(ro);
        xl_session_destroy(s);
        return status;
    }
    /* A replay with no window: every recorded action at once, then the last frame. */
    int replay_refused = 0;
    double replay_ops = 0.0;
    if (opt->replay && opt->headless)
        for (long i = 0; i < rp.count && !replay_refused; i++)
            replay_refused = replay_apply(&rp.entries[i], s, cr, &view, opt->trace ? stdout : NULL, opt->replay,
                                          &replay_ops) < 0;
    sync_view(&view, cr);
    int status;
    if (replay_refused) {
        status = 1; /* said: no frame of a replay cut short */
    } else if (SDL_Init(0) != 0) {
        fprintf(stderr, "xentlab: SDL: %s\n", SDL_GetError());
        status = 1;
    } else {
        ui_options wopt = *opt;
        if (opt->replay && !opt->size_given) { /* the window as it was recorded */
            wopt.width = rp.width < UI_MIN_W ? UI_MIN_W : rp.width;
            wopt.height = rp.height < UI_MIN_H ? UI_MIN_H : rp.height;
        }
        status = opt->headless ? run_headless(&wopt, s, view, fonts)
                               : run_window(&wopt, s, view, fonts, opt->trace ? stdout : NULL, cr, rw,
                                            opt->replay ? &rp : NULL);
        SDL_Quit();
    }
    if (rw && ui_replay_writer_close(rw) != 0 && status == 0) status = 1;
    ui_replay_free(&rp);
    ui_classroom_free(cr);
    free(cr);
    free(ro);
    xl_session_destroy(s);
    return status ? status : lesson_status;
}

/* ui_window: the window loop (see ui_window.h). */
#include "ui_window.h"

#include "ui_announce.h"
#include "ui_display.h"
#include "ui_focus.h"
#include "ui_mic.h"
#include "ui_sound.h"
#include "ui_page.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ui_app.h"
#include "ui_class.h"
#include "ui_describe.h"
#include "ui_platform.h"
#include "ui_pointer.h"
#include "ui_reload.h"
#include "ui_scene.h"
#include "ui_shape.h"
#include "ui_lang.h"

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

/* The window loop's state, kept between turns (ui_platform_run calls a turn at a time). */
typedef struct window_loop {
    const ui_options *opt;
    ui_dispatch *d;          /* its session, classroom and view are the window's */
    xl_session *s;           /* d->s */
    ui_classroom *cr;        /* d->cr */
    ui_view *view;           /* d->view */
    const ui_replay *replay;
    const char *fonts;
    SDL_Window *win;
    SDL_Renderer *r;
    ui_scene *sc;
    Uint32 main_id;
    ui_presenter pv;
    ui_pointer pointer; /* what it does needs the geometry the last frame was drawn with */
    ui_frame_geom geom;
    SDL_Cursor *cursors[UI_CURSOR_COUNT];
    ui_cursor shown_cursor;
    int running, dirty, presenter_dirty, status, w, h, last_w, last_h;
    int busy, replaying; /* this turn: a page is being computed; a replay is playing */
    Uint64 note_until;   /* when the view's note goes */
    Uint64 freq, last, lesson_start;
    Uint64 focus_clock;  /* ms (SDL_GetTicks64) the focus animation was last moved on */
    int focus_running;   /* a focus change is being animated by this clock */
    long next_entry;     /* --replay: the next recorded action */
    double replay_work;  /* --replay: the operations its lines asked for so far */
    int replay_refused;  /* a line asked for more: the replay stopped there */
    long shown_second;   /* the presenter's timer, redrawn when its second changes */
    long frames;         /* frames shown */
    ui_reload reload;    /* --lesson FILE: reloaded when saved */
    int renyi_drag;      /* the Rényi plot is held: α follows the pointer, one renyi-order at the release */
    ui_class *cls;       /* a class voting from phones (--class, F7), or NULL */
    Uint32 class_event;  /* the event the server's thread pushes to wake the loop */
    SDL_atomic_t class_woken; /* 1 while that event waits: one in the queue however many votes came */
    ui_mic *mic;         /* --mic: the microphone recording, or NULL */
    int mic_said;        /* its `mic` line is written */
    char mic_wav[1100];  /* its file */
    ui_mic_player *voice; /* --replay: the voice its mic line names, played in sync, or NULL */
    ui_sound *sound;     /* the sound that follows the loss (F10, --sound), or NULL (out of memory) */
    ui_describe_voice describe; /* F9: the scene in words, said aloud or printed */
    ui_announce announce;    /* the browser page's reader and buttons (ui_announce.h) */
    float page_zoom;         /* the browser's zoom the frame was drawn at */
} window_loop;

/* On the class server's thread: phones did something; wake the loop (once until it looks). */
static void class_wake(void *user)
{
    window_loop *L = user;
    if (L->class_event != (Uint32)-1 && SDL_AtomicCAS(&L->class_woken, 0, 1)) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = L->class_event;
        if (SDL_PushEvent(&ev) != 1) SDL_AtomicSet(&L->class_woken, 0);
    }
}

/* Start a class (--class, or F7 without one): the server, the log, the join card.
 * Returns 0, or -1 with the reason in err. */
static int class_start(window_loop *L, char *err, size_t n)
{
    const ui_class_options o = {L->opt->class_port, L->opt->class_bind, L->opt->class_log, class_wake, L};
    L->cls = ui_class_start(&o, L->d, err, n);
    L->dirty = L->presenter_dirty = 1;
    return L->cls ? 0 : -1;
}

/* The Rényi panel's plot as a slider of α: a press on it holds it, motion moves the view's
 * order (drawn at once, not recorded), the release sends the one "renyi-order A" the drag
 * means through the dispatcher (recorded and traced as one step). x, y: scene pixels.
 * Returns 1 if it took the event. */
static int renyi_pointer(window_loop *L, const SDL_Event *ev, int x, int y, int to_scene)
{
    const ui_renyi_geom *g = &L->geom.renyi;
    const int press = ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT;
    if (press && to_scene && !L->renyi_drag && g->plot.w > 0 && ui_hit_inside(g->plot, x, y)) L->renyi_drag = 1;
    if (!L->renyi_drag) return 0;
    const double alpha = ui_renyi_order_at(g, x);
    if (alpha >= 0.0) {
        L->view->renyi_alpha = alpha;
        L->view->renyi_alpha_set = 1;
        L->dirty = 1;
    }
    if (ev->type == SDL_MOUSEBUTTONUP) {
        L->renyi_drag = 0;
        ui_action act = {UI_VIEW_RENYI_ORDER, xl_command_make(XL_CMD_NONE)};
        act.cmd.x = ui_view_renyi_alpha(L->view);
        ui_dispatch_action(L->d, UI_DISPATCH_LEARNER, &act);
    }
    return 1;
}

/* A note at the foot of the window for ms milliseconds. */
static void say(window_loop *L, const char *note, int ms)
{
    snprintf(L->view->note, sizeof L->view->note, "%s", note);
    L->view->note_kind = UI_NOTE_PLAIN;
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
    char note[sizeof L->view->note];
    if (cr->quit_asked) {
        say(L, _("quit xentlab?  Esc or Q again quits; any other key stays"), 5000);
        L->view->note_kind = UI_NOTE_QUIT;
    } else if (strcmp(did, "close") == 0 && cr->left_path[0]) {
        snprintf(note, sizeof note, _("left the lesson at page %d: Page Down or F5 goes back to it, M the lessons"),
                 cr->left_page + 1);
        say(L, note, 5000);
    } else if (L->view->note_kind == UI_NOTE_QUIT) {
        L->view->note[0] = '\0'; /* answered: stay */
        L->view->note_kind = UI_NOTE_PLAIN;
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
    if (L->cr->player && xl_player_busy(L->cr->player)) return 1;
    int wait_ms = -1;
    if (xl_session_playing(L->s)) {
        int ms = (int)ceil(xl_session_time_to_next_step(L->s) * 1000.0);
        wait_ms = ms < 1 ? 1 : ms > 100 ? 100 : ms;
    } else if (L->view->note[0]) {
        wait_ms = 100; /* wake to take the note away */
    }
    if (L->replay && L->next_entry < L->replay->count) { /* wake for the next recorded action */
        long long due = L->replay->entries[L->next_entry].ms - ui_dispatch_ms(L->d);
        int ms = due < 1 ? 1 : due > 100 ? 100 : (int)due;
        if (wait_ms < 0 || ms < wait_ms) wait_ms = ms;
    }
    if (L->view->pointer_in && L->pointer.drag == UI_DRAG_NONE) { /* wake to take the tooltip away */
        Uint32 shown = (Uint32)SDL_GetTicks64() - L->pointer.moved_at;
        int ms = shown >= (Uint32)UI_TOOLTIP_MS ? 1 : (int)((Uint32)UI_TOOLTIP_MS - shown) + 1;
        if (wait_ms < 0 || ms < wait_ms) wait_ms = ms;
    }
    const int reload_ms = ui_reload_wait_ms(&L->reload, (long long)SDL_GetTicks64()); /* a save settling */
    if (reload_ms >= 0 && (wait_ms < 0 || reload_ms < wait_ms)) wait_ms = reload_ms < 1 ? 1 : reload_ms;
    if (L->pv.win) { /* wake when the timer's second turns */
        int to_second = 1000 - (int)((SDL_GetTicks64() - L->lesson_start) % 1000);
        if (wait_ms < 0 || to_second < wait_ms) wait_ms = to_second;
    }
    if (ui_focus_animating(L->view)) wait_ms = wait_ms < 0 || wait_ms > 15 ? 15 : wait_ms; /* its next frame */
    if (L->cls && (wait_ms < 0 || wait_ms > 250)) wait_ms = 250; /* the trace's status, the card's advice */
    if (L->mic && !L->mic_said && (wait_ms < 0 || wait_ms > 10)) wait_ms = 10; /* the voice's first buffer */
    if (ui_mic_player_playing(L->voice) && (wait_ms < 0 || wait_ms > 50)) wait_ms = 50; /* feed the voice */
    if (ui_describe_voice_busy(&L->describe) && (wait_ms < 0 || wait_ms > 100)) wait_ms = 100; /* F9's answer */
    return wait_ms;
}

/* The start of a turn: the presenter's window as the classroom wants it, and a slice of
 * a page start being computed. */
static void turn_begin(window_loop *L)
{
    ui_classroom *cr = L->cr;
    ui_platform_fit_window(L->win);
    const float page_zoom = ui_platform_page_zoom();
    if (page_zoom != L->page_zoom) { /* Ctrl + in the browser: the type grows as a page's text does */
        L->page_zoom = page_zoom;
        L->dirty = 1;
    }
    if (cr->presenter && !L->pv.win && ui_presenter_open(&L->pv, L->fonts) != 0) cr->presenter = 0;
    if (!cr->presenter && L->pv.win) ui_presenter_close(&L->pv);
    if (cr->restarted) {
        L->lesson_start = SDL_GetTicks64();
        cr->restarted = 0;
    }
    /* A long page start or a skipped play is computed a slice per frame, so the window
     * goes on drawing and answering keys. Not while inputs are recorded or replayed:
     * there each action meets the state it met live, computed at once. */
    if (cr->player) xl_player_set_sliced(cr->player, !L->d->rw && !L->replay);
    L->busy = cr->player && xl_player_busy(cr->player);
    L->replaying = L->replay && L->next_entry < L->replay->count;
    if (!L->busy) return;
    xl_player_work(cr->player, XL_WORK_SLICE);
    const int target = xl_player_preparing(cr->player);
    if (xl_player_busy(cr->player)) {
        if (target >= 0) snprintf(L->view->note, sizeof L->view->note, _("computing the start of page %d…"), target + 1);
        else snprintf(L->view->note, sizeof L->view->note, "%s", _("computing the steps of this page…"));
        L->view->note_kind = UI_NOTE_COMPUTING;
        L->note_until = SDL_GetTicks64() + 400;
    } else if (L->view->note_kind == UI_NOTE_COMPUTING) {
        L->view->note[0] = '\0'; /* its own note only: a reload's stays */
        L->view->note_kind = UI_NOTE_PLAIN;
    }
    L->dirty = L->presenter_dirty = 1;
}

/* The scene into the main window: the browser's zoom multiplies the program's own
 * (Ctrl + there), for this frame only, so the type grows with the page's zoom while the
 * view's zoom stays what the viewer set (the state text, the note, the trace say it). */
static void draw_frame(window_loop *L)
{
    const float own = L->view->zoom;
    if (L->page_zoom > 0.0f && L->page_zoom != 1.0f) L->view->zoom = (own > 0.0f ? own : 1.0f) * L->page_zoom;
    ui_scene_draw(L->sc, L->s, L->view, L->w, L->h, &L->geom);
    L->view->zoom = own;
}

/* What the window does after an action was dispatched: what only a window has. */
static void after_action(window_loop *L, const ui_action *act, int was_playing)
{
    const ui_view_command v = act->view;
    if (v == UI_VIEW_QUIT) L->running = 0;
    if (v == UI_VIEW_ZOOM_IN || v == UI_VIEW_ZOOM_OUT || v == UI_VIEW_ZOOM_RESET || v == UI_VIEW_CONTROLS ||
        v == UI_VIEW_SOUND)
        L->note_until = SDL_GetTicks64() + 2500;
    if (v == UI_VIEW_COPY_STATE) L->note_until = SDL_GetTicks64() + 3000; /* the dispatcher wrote it */
    if (v == UI_VIEW_DESCRIBE) { /* said aloud (the note says so), or printed and shown for a while */
        ui_announce_whole(&L->announce); /* in the browser, the page's live region says all of it too */
        const int said = ui_describe_voice_press(&L->describe, L->d, stdout, L->view->note, sizeof L->view->note);
        L->note_until = SDL_GetTicks64() + (said ? 3000 : UI_DESCRIBE_NOTE_MS);
    }
    if (v == UI_VIEW_SCREENSHOT) {
        char path[1024];
        const char *dir = L->opt->shots_dir;
        ui_dispatch_sync_view(L->d);
        draw_frame(L); /* the frame as it is, without a note */
        /* Shown too: the next frame is drawn against this one (retained frames), so the
         * screen must have it. */
        ui_display_present(L->win, L->r, L->sc);
        if (reserve_shot_path(dir, path, sizeof path) == 0 && ui_app_save_png(L->r, L->w, L->h, path) == 0 &&
            ui_platform_deliver(path) == 0)
            snprintf(L->view->note, sizeof L->view->note, ui_platform_is_browser() ? _("downloaded %.180s")
                                                                                 : _("saved %.180s"), path);
        else
            snprintf(L->view->note, sizeof L->view->note, _("could not save a screenshot in %s: %s"),
                     dir ? dir : _("this folder"), strerror(errno));
        L->view->note_kind = UI_NOTE_PLAIN;
        L->note_until = SDL_GetTicks64() + 3000;
    }
    if (v == UI_VIEW_FULLSCREEN) {
        int full = SDL_GetWindowFlags(L->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_SetWindowFullscreen(L->win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    }
    if (v == UI_VIEW_THEME) L->presenter_dirty = 1;
    /* Time spent paused is not owed to the simulation. */
    if (!was_playing && xl_session_playing(L->s)) L->last = SDL_GetPerformanceCounter();
    L->dirty = L->presenter_dirty = 1;
}

/* The help sheet is open and Page Down (→, Space, or a click on it) came: its next page
 * (the command "help", dispatched), or, after its last page, closed. */
static void help_turn(window_loop *L)
{
    if (L->view->help_visible >= L->geom.help_pages) {
        L->view->help_visible = 0;
    } else {
        const ui_action help = {UI_VIEW_HELP, xl_command_make(XL_CMD_NONE)};
        ui_dispatch_action(L->d, UI_DISPATCH_LEARNER, &help);
    }
    L->dirty = 1;
}

/* A mouse, touch or window event on the main window. */
static void on_pointer(window_loop *L, const SDL_Event *ev)
{
    ui_classroom *cr = L->cr;
    ui_view *view = L->view;
    /* Window coordinates to the frame's pixels (they differ on HiDPI displays). */
    int ww = 1, wh = 1;
    SDL_GetWindowSize(L->win, &ww, &wh);
    SDL_Event fe = *ev;
    int fx = 0, fy = 0;
    if (ev->type == SDL_MOUSEMOTION) {
        fx = ev->motion.x * L->w / (ww > 0 ? ww : 1);
        fy = ev->motion.y * L->h / (wh > 0 ? wh : 1);
        fe.motion.x = fx - L->geom.scene.x;
        fe.motion.y = fy - L->geom.scene.y;
    } else if (ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEBUTTONUP) {
        fx = ev->button.x * L->w / (ww > 0 ? ww : 1);
        fy = ev->button.y * L->h / (wh > 0 ? wh : 1);
        fe.button.x = fx - L->geom.scene.x;
        fe.button.y = fy - L->geom.scene.y;
    } else if (ev->type == SDL_FINGERDOWN || ev->type == SDL_FINGERMOTION || ev->type == SDL_FINGERUP) {
        /* A finger's place is a fraction of the window: to frame pixels, kept fractional. */
        fe.tfinger.x = ev->tfinger.x * (float)L->w - (float)L->geom.scene.x;
        fe.tfinger.y = ev->tfinger.y * (float)L->h - (float)L->geom.scene.y;
        fx = (int)(ev->tfinger.x * (float)L->w);
        fy = (int)(ev->tfinger.y * (float)L->h);
    }
    const int left_down = ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT;
    /* The pointer shows its own place: the keyboard's outline goes until a key acts again. */
    if ((ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_FINGERDOWN) && view->key_panel) {
        view->key_panel = UI_PANEL_NONE;
        L->dirty = 1;
    }
    int taken = 0;
    if (left_down && !view->help_visible && (cr->blank || cr->menu_open || cr->lesson)) { /* a broken lesson's foot too */
        char did[UI_LIBRARY_PATH + 32];
        taken = ui_dispatch_click(L->d, fx, fy, &L->geom, did, sizeof did);
        if (taken) say_classroom(L, did);
    }
    /* "H help" at the end of the hint bar opens the key sheet, as H does (below, once
     * this click no longer counts as the one that closes an open sheet). */
    const SDL_Point in_scene = {fx - L->geom.scene.x, fy - L->geom.scene.y};
    const int open_help = !taken && left_down && !view->help_visible && !cr->blank && !cr->menu_open &&
                          SDL_PointInRect(&in_scene, &L->geom.help_hint);
    taken = taken || open_help;
    /* A double-click on a panel's title focuses it; on the focused panel's, back. */
    const int title = !taken && left_down && ev->button.clicks == 2 && !view->help_visible && !cr->blank &&
                              !cr->menu_open && fx >= L->geom.scene.x
                          ? ui_focus_title_at(&L->geom, in_scene.x, in_scene.y)
                          : UI_PANEL_NONE;
    taken = taken || title != UI_PANEL_NONE;
    /* The join card covers the scene: pointing there reaches nothing behind it, and a
     * click on it puts it away (as F7 does; dispatched, so recorded). */
    const int on_card = view->class_card && !view->help_visible && !cr->blank && !cr->menu_open &&
                        SDL_PointInRect(&in_scene, &L->geom.class_card.card);
    if (on_card && left_down && !taken && !L->replaying) {
        char err[128];
        ui_dispatch_lesson(L->d, UI_DISPATCH_LEARNER, "class-card off", err, sizeof err);
        L->presenter_dirty = 1;
    }
    taken = taken || on_card;
    /* The scene's pointer: not over the menu, the blank screen or the lesson's column. */
    const int to_scene = !taken && !L->replaying && !L->busy && !cr->menu_open && !cr->blank &&
                         !((ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEMOTION ||
                            ev->type == SDL_FINGERDOWN) && fx < L->geom.scene.x);
    xl_command cmds[4];
    const int renyi = !view->help_visible &&
                      (ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEMOTION || ev->type == SDL_MOUSEBUTTONUP) &&
                      renyi_pointer(L, ev, in_scene.x, in_scene.y, to_scene);
    const int nc = view->help_visible || !to_scene || renyi ? 0
                                                            : ui_pointer_event(&L->pointer, &fe, &L->geom, L->s, cmds, 4);
    if ((view->help_visible || !to_scene) && ev->type == SDL_FINGERUP) /* a lifted finger is never left held */
        ui_touch_event(&L->pointer.touch, &fe, &L->geom, L->s);
    /* With the help sheet open, a click on it turns its page (a touch screen has no H),
     * a click beside it closes it. */
    const SDL_Point at = {fx - L->geom.scene.x, fy - L->geom.scene.y};
    const int help_click = view->help_visible && ev->type == SDL_MOUSEBUTTONDOWN;
    if (help_click && !SDL_PointInRect(&at, &L->geom.help_sheet)) view->help_visible = 0;
    for (int i = 0; i < nc; i++) ui_dispatch_command(L->d, UI_DISPATCH_LEARNER, cmds[i]);
    if (!to_scene && ev->type == SDL_MOUSEMOTION) L->pointer.inside = 0;
    view->pointer_x = L->pointer.x + L->geom.scene.x;
    view->pointer_y = L->pointer.y + L->geom.scene.y;
    /* The control strip lights the button under the pointer and sinks the one held. */
    view->pointer_over = to_scene && L->pointer.inside;
    view->pointer_down = L->pointer.drag == UI_DRAG_REGION;
    const ui_cursor want = to_scene ? ui_pointer_cursor(&L->pointer, &L->geom, L->s) : UI_CURSOR_ARROW;
    if (want != L->shown_cursor && L->cursors[want]) {
        SDL_SetCursor(L->cursors[want]);
        L->shown_cursor = want;
    }
    L->dirty = 1;
    if (taken) L->presenter_dirty = 1;
    if (title != UI_PANEL_NONE) {
        ui_action focus = {UI_VIEW_FOCUS, xl_command_make(XL_CMD_NONE)};
        focus.cmd.n = title == view->focus ? UI_PANEL_NONE : title;
        const int was_playing = xl_session_playing(L->s);
        ui_dispatch_action(L->d, UI_DISPATCH_LEARNER, &focus);
        after_action(L, &focus, was_playing);
    }
    if (help_click && view->help_visible) help_turn(L);
    if (open_help) {
        const ui_action help = {UI_VIEW_HELP, xl_command_make(XL_CMD_NONE)};
        const int was_playing = xl_session_playing(L->s);
        ui_dispatch_action(L->d, UI_DISPATCH_LEARNER, &help);
        after_action(L, &help, was_playing);
    }
}

/* A key on the main window: the help sheet's, the classroom's, else the key map's. */
static void on_key(window_loop *L, const SDL_KeyboardEvent *key)
{
    if (!is_modifier(key->keysym.sym)) {
        ui_pointer_hide_tip(&L->pointer); /* typing: the tooltip goes (Ctrl for Ctrl+click keeps it) */
        ui_announce_input(&L->announce);   /* the scene is said once the frame shows what it did */
        L->dirty = 1;
    }
    if (L->view->help_visible) {
        /* Page Down, → or Space turn its pages (a pager's keys); any other key, H too,
         * closes it as before (Shift alone, on the way to ?, does neither). */
        const SDL_Keycode sym = key->keysym.sym;
        if (sym == SDLK_PAGEDOWN || sym == SDLK_RIGHT || sym == SDLK_SPACE) help_turn(L);
        else if (!is_modifier(sym)) L->view->help_visible = 0;
        L->dirty = 1;
        return;
    }
    const int was_playing = xl_session_playing(L->s);
    char did[UI_LIBRARY_PATH + 32];
    ui_action act;
    /* While a replay plays, only the view is the viewer's; while a page is computed, the
     * session is the work in progress. */
    const int key_panel = L->view->key_panel;
    char note_before[sizeof L->view->note];
    snprintf(note_before, sizeof note_before, "%s", L->view->note);
    ui_classroom_key_result kr = ui_dispatch_key(L->d, key->keysym.sym, key->keysym.mod, L->replaying,
                                                 L->replaying || L->busy, &act, did, sizeof did);
    if (L->view->key_panel != key_panel) L->dirty = 1; /* the outline moved */
    if (L->view->note[0] && strcmp(L->view->note, note_before) != 0) { /* a key's why, or what it did */
        char note[sizeof L->view->note];
        snprintf(note, sizeof note, "%s", L->view->note);
        say(L, note, 3000);
    }
    say_classroom(L, did);
    if (kr == UI_CLASSROOM_QUIT) {
        L->running = 0;
    } else if (kr == UI_CLASSROOM_CLASS_WANTED && !L->cls) { /* F7 without a class starts one */
        char err[sizeof L->view->note];
        if (class_start(L, err, sizeof err) != 0) {
            char note[sizeof L->view->note];
            snprintf(note, sizeof note, _("no class: %.170s"), err);
            say(L, note, 12000);
        }
    } else if (kr == UI_CLASSROOM_TAKEN) {
        L->dirty = L->presenter_dirty = 1;
        if (!was_playing && xl_session_playing(L->s)) L->last = SDL_GetPerformanceCounter();
    } else if (!ui_action_is_none(&act)) {
        after_action(L, &act, was_playing);
    }
}

/* One event: the presenter's window's, or the main window's. */
static void on_event(window_loop *L, const SDL_Event *ev)
{
    const Uint32 win_id = ev->type == SDL_WINDOWEVENT ? ev->window.windowID
                        : ev->type == SDL_MOUSEMOTION ? ev->motion.windowID
                        : ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEBUTTONUP ? ev->button.windowID
                        : ev->type == SDL_MOUSEWHEEL ? ev->wheel.windowID
                        : ev->type == SDL_FINGERDOWN || ev->type == SDL_FINGERMOTION || ev->type == SDL_FINGERUP
                            ? ev->tfinger.windowID : L->main_id;
    if (L->pv.win && win_id == SDL_GetWindowID(L->pv.win)) {
        /* The presenter's window: its close hides it; pointing there does nothing. */
        if (ev->type == SDL_WINDOWEVENT && ev->window.event == SDL_WINDOWEVENT_CLOSE) L->cr->presenter = 0;
        L->presenter_dirty = 1;
        return;
    }
    if (ev->type == SDL_WINDOWEVENT && ev->window.event == SDL_WINDOWEVENT_CLOSE) L->running = 0;
    if (ui_display_event_invalidates(ev)) {
        ui_scene_invalidate(L->sc);
        L->dirty = 1;
    }
    if (ev->type == SDL_MOUSEMOTION || ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEBUTTONUP ||
        ev->type == SDL_MOUSEWHEEL || ev->type == SDL_WINDOWEVENT || ev->type == SDL_FINGERDOWN ||
        ev->type == SDL_FINGERMOTION || ev->type == SDL_FINGERUP)
        on_pointer(L, ev);
    if (ev->type == SDL_MOUSEBUTTONUP || ev->type == SDL_FINGERUP) ui_announce_input(&L->announce); /* a click, a drag let go */
    if (ev->type == SDL_QUIT) L->running = 0;
    else if (ev->type == SDL_KEYDOWN) on_key(L, &ev->key);
}

/* A two-finger gesture's motion over this turn's events: at most a pan and a zoom a
 * frame, however many touch events came (ui_touch). */
static void pointer_flush(window_loop *L)
{
    if (L->replaying || L->busy || L->view->help_visible) return;
    xl_command cmds[2];
    const int n = ui_pointer_flush(&L->pointer, &L->geom, cmds, 2);
    for (int i = 0; i < n; i++) ui_dispatch_command(L->d, UI_DISPATCH_LEARNER, cmds[i]);
    if (n > 0) L->dirty = 1;
}

/* The replay's lines that are due. Returns 1 if one changed what is shown. */
static int replay_due(window_loop *L)
{
    const ui_replay *replay = L->replay;
    int stepped = 0;
    while (L->next_entry < replay->count && replay->entries[L->next_entry].ms <= ui_dispatch_ms(L->d)) {
        const ui_replay_entry *e = &replay->entries[L->next_entry++];
        const int applied = ui_dispatch_replay(L->d, e, L->opt->replay, &L->replay_work);
        if (e->kind == UI_REPLAY_SIZE) SDL_SetWindowSize(L->win, (int)e->n, (int)e->h);
        else if (applied > 0) stepped = 1;
        L->dirty = L->presenter_dirty = 1;
        if (applied < 0) { /* refused (said on stderr): the rest is not played */
            L->next_entry = replay->count;
            snprintf(L->view->note, sizeof L->view->note,
                     _("the replay stopped at line %d: it asks for more work than a replay may"), e->line);
            L->note_until = SDL_GetTicks64() + 8000;
            L->view->note_kind = UI_NOTE_PLAIN;
            L->replay_refused = 1;
        }
    }
    if (L->next_entry == replay->count && !L->replay_refused) {
        snprintf(L->view->note, sizeof L->view->note, _("the replay of %.120s is done: the controls are yours"),
                 L->opt->replay);
        L->note_until = SDL_GetTicks64() + 4000;
        L->view->note_kind = UI_NOTE_PLAIN;
    }
    return stepped;
}

/* Time: a replay's time is its own (only its recorded advances step); else the wall
 * time since the last turn. */
static void turn_time(window_loop *L)
{
    const Uint64 now = SDL_GetPerformanceCounter();
    const double dt = (double)(now - L->last) / (double)L->freq;
    const int stepped = L->replay && L->next_entry < L->replay->count ? replay_due(L) : ui_dispatch_time(L->d, dt);
    if (stepped > 0) L->dirty = L->presenter_dirty = 1;
    L->last = now;
}

/* A focus change moves on by the wall time since the last turn; its first frame is the
 * layout it starts from (the time spent waiting for the key that started it is not its). */
static void turn_focus(window_loop *L)
{
    const Uint64 now = SDL_GetTicks64();
    if (!ui_focus_animating(L->view)) {
        L->focus_running = 0;
    } else if (!L->focus_running) {
        L->focus_running = 1;
        L->dirty = 1;
    } else if (ui_focus_advance(L->view, (double)(now - L->focus_clock) / 1000.0)) {
        L->dirty = 1;
    }
    L->focus_clock = now;
}

/* The main frame and the presenter's, if something changed. */
static void turn_draw(window_loop *L)
{
    if (L->dirty && L->running) {
        SDL_GetRendererOutputSize(L->r, &L->w, &L->h);
        L->view->px_per_point = ui_platform_pixels_per_point(L->win, L->w); /* fingertip sizes are in points */
        if (L->d->rw && (L->w != L->last_w || L->h != L->last_h)) {
            ui_replay_write(L->d->rw, ui_dispatch_ms(L->d), UI_REPLAY_SIZE, NULL, L->w, L->h);
            L->last_w = L->w;
            L->last_h = L->h;
        }
        draw_frame(L);
        ui_display_present(L->win, L->r, L->sc);
        ui_platform_frame_shown(++L->frames);
        L->dirty = 0;
    }
    long second = (long)((SDL_GetTicks64() - L->lesson_start) / 1000);
    if (L->pv.win && L->running && (L->presenter_dirty || second != L->shown_second)) {
        int pw = 1, ph = 1;
        SDL_GetRendererOutputSize(L->pv.r, &pw, &ph);
        ui_scene_draw_presenter(L->pv.sc, L->view, (double)(SDL_GetTicks64() - L->lesson_start) / 1000.0, pw, ph);
        SDL_RenderPresent(L->pv.r);
        L->shown_second = second;
    }
    L->presenter_dirty = 0;
}

/* --mic: the `mic` line once the first buffer came, saying when its first sample was
 * taken on the lines' clock. */
static void mic_turn(window_loop *L)
{
    const long long first = ui_mic_first_ticks(L->mic);
    if (!L->mic || L->mic_said || first < 0) return;
    const char *slash = strrchr(L->mic_wav, '/');
    long long at = first - (long long)L->d->start_ms;
    /* A buffer the device had before the start would give a time before 0: it is the
     * start, within the buffer's 20 ms. */
    ui_replay_write_mic(L->d->rw, ui_dispatch_ms(L->d), slash ? slash + 1 : L->mic_wav, at < 0 ? 0 : at);
    L->mic_said = 1;
}

/* --mic: the microphone opened (paused until the clock starts) before anything is
 * shown. Returns 0, or 1 with the reason said and the input recording removed: no
 * recording starts without its voice. */
static int mic_open(const ui_options *opt, ui_dispatch *d, ui_mic **out, char *wav, size_t n)
{
    *out = NULL;
    if (!opt->mic) return 0;
    char err[600] = "";
    ui_mic_wav_name(opt->record_input, wav, n);
    *out = ui_mic_open(wav, err, sizeof err);
    if (*out) return 0;
    fprintf(stderr, _("xentlab: --mic: %s; nothing is recorded\n"), err);
    ui_replay_writer_discard(d->rw);
    return 1;
}

/* --replay FILE in the window: the voice recorded with it, beside FILE, played from its
 * mic line's time. A voice that cannot be played is said; the replay goes on silent. */
static void voice_open(window_loop *L)
{
    if (!L->replay || !L->replay->mic_file || !L->opt->replay) return;
    char path[2400], err[600] = "";
    const char *file = L->opt->replay, *slash = strrchr(file, '/');
    snprintf(path, sizeof path, "%.*s%s", slash ? (int)(slash - file + 1) : 0, file, L->replay->mic_file);
    L->voice = ui_mic_player_open(path, err, sizeof err);
    if (!L->voice) {
        fprintf(stderr, _("xentlab: --replay: the voice recorded with it is not played: %s\n"), err);
        say(L, _("the recorded voice cannot be played (see the terminal)"), 4000);
    }
}

static int mic_close(window_loop *L)
{
    if (!L->mic) return 0;
    char err[600] = "";
    const double seconds = ui_mic_seconds(L->mic);
    int rc = ui_mic_close(L->mic, err, sizeof err);
    L->mic = NULL;
    L->view->mic = 0;
    if (rc != 0) fprintf(stderr, "xentlab: --mic: %s\n", err);
    else fprintf(stderr, _("xentlab: --mic: %.1f s of the microphone in %s\n"), seconds, L->mic_wav);
    return rc;
}

/* The sound fed from this turn's state (it plays between turns on SDL's audio thread).
 * No output to play on: said once on stderr and in the note, and the sound goes off. */
static void sound_turn(window_loop *L)
{
    char msg[400] = "";
    if (ui_sound_turn(L->sound, L->s, L->cr->player, L->view->sound, msg, sizeof msg)) {
        fprintf(stderr, "%s\n", msg);
        L->view->sound = 0;
        say(L, _("no sound output on this computer: the sound stays off"), 4000);
    } else if (L->view->sound && ui_sound_failed(L->sound)) {
        L->view->sound = 0;
        say(L, _("no sound output on this computer: the sound stays off"), 4000);
    }
}

/* The commands the page's buttons sent (ui_platform_take_command), through the one
 * dispatch path as the learner's, as their keys would be: a session command is the
 * learner's only while no replay plays and no page is being computed. */
static void page_commands(window_loop *L)
{
    char text[UI_PAGE_COMMAND];
    /* At most a page's queue (32) a turn: a script of the page could fill it faster. */
    for (int taken = 0; taken < 32 && ui_platform_take_command(text, sizeof text); taken++) {
        char err[160] = "";
        const int was_playing = xl_session_playing(L->s);
        ui_announce_input(&L->announce);
        L->dirty = L->presenter_dirty = 1;
        if (!ui_page_command_allowed(text)) {
            snprintf(err, sizeof err, "the page may not ask for '%.60s'", text);
        } else if (strncmp(text, "lesson ", 7) == 0) {
            if (L->replaying) continue;
            if (ui_dispatch_lesson(L->d, UI_DISPATCH_LEARNER, text + 7, err, sizeof err) == 0) {
                say_classroom(L, text + 7);
                if (!was_playing && xl_session_playing(L->s)) L->last = SDL_GetPerformanceCounter();
                continue;
            }
        } else {
            ui_action act;
            if (ui_action_parse(text, &act, err, sizeof err) == 0) {
                if (act.view == UI_VIEW_NONE && (L->replaying || L->busy)) continue;
                if (!ui_dispatch_action(L->d, UI_DISPATCH_LEARNER, &act) && act.view == UI_VIEW_NONE)
                    snprintf(err, sizeof err, "%s", xl_session_message(L->s));
                after_action(L, &act, was_playing);
                if (!err[0]) continue;
            }
        }
        say(L, err, 4000);
    }
}

/* A font the page fetched for characters no font had (ui_platform_take_font): every
 * text takes it as a fallback when it next shapes, so the frame is drawn again. */
static void page_fonts(window_loop *L)
{
    char path[512];
    for (int taken = 0; taken < 4 && ui_platform_take_font(path, sizeof path); taken++)
        if (ui_shape_font_arrived(path) == 0) L->dirty = L->presenter_dirty = 1;
}

/* One turn: events, then the steps that are due, then a frame if something changed.
 * On the desktop a turn may sleep in SDL_WaitEvent while nothing is due (no CPU when
 * idle); in the browser it returns at once and the browser calls it again. */
static int window_turn(void *ctx, int may_wait)
{
    window_loop *L = ctx;
    ui_classroom *cr = L->cr;
    turn_begin(L);
    SDL_Event ev;
    int have;
    const int wait_ms = wait_ms_for(L);
    if (L->dirty || L->presenter_dirty || !may_wait) have = SDL_PollEvent(&ev);
    else if (wait_ms >= 0) have = SDL_WaitEventTimeout(&ev, wait_ms);
    else have = SDL_WaitEvent(&ev);
    for (; have; have = SDL_PollEvent(&ev)) on_event(L, &ev);
    page_commands(L);
    page_fonts(L);
    mic_turn(L);
    if (ui_describe_voice_poll(&L->describe, stdout, L->view->note, sizeof L->view->note)) {
        L->note_until = SDL_GetTicks64() + UI_DESCRIBE_NOTE_MS; /* not said after all: printed, and shown */
        L->view->note_kind = UI_NOTE_PLAIN;
        L->dirty = 1;
    }
    if (L->voice) ui_mic_player_turn(L->voice, ui_dispatch_ms(L->d) - L->replay->mic_ms);
    pointer_flush(L);
    if (L->view->note[0] && SDL_GetTicks64() >= L->note_until) {
        L->view->note[0] = '\0';
        L->view->note_kind = UI_NOTE_PLAIN;
        cr->quit_asked = 0; /* the question lapses with its note */
        L->dirty = 1;
    }
    char reloaded[sizeof L->view->note];
    if (!L->replaying && ui_reload_turn(&L->reload, L->d, (long long)SDL_GetTicks64(), reloaded, sizeof reloaded)) {
        say(L, reloaded, 4000);
        L->presenter_dirty = 1;
    }
    turn_time(L);
    if (L->cls) {
        SDL_AtomicSet(&L->class_woken, 0); /* before taking: a vote after this wakes the loop again */
        if (ui_class_turn(L->cls, L->d, (double)SDL_GetTicks64() / 1000.0, L->frames))
            L->dirty = L->presenter_dirty = 1;
    }
    if (cr->presenter && ui_platform_is_browser()) { /* one page, one canvas: refused before it is traced */
        cr->presenter = 0;
        say(L, _("the presenter view is a second window: open it in the desktop program"), 4000);
    }
    ui_dispatch_sync_view(L->d);
    sound_turn(L);
    L->view->lesson_watched = ui_reload_watches(&L->reload, cr);
    ui_dispatch_trace_lesson(L->d);
    turn_focus(L);
    const int tip = ui_pointer_tip(&L->pointer, SDL_GetTicks64(), cr->lesson, cr->player ? xl_player_page(cr->player) : -1);
    if (tip != L->view->pointer_in) {
        L->view->pointer_in = tip;
        L->dirty = 1;
    }
    turn_draw(L);
    ui_announce_turn(&L->announce, L->d); /* after the frame: the page says what it shows */
    if (!L->running && ui_platform_is_browser()) { /* a page is left by closing its tab */
        L->running = 1;
        say(L, _("this is a web page: close its tab to leave"), 3000);
    }
    /* A page's turn never waits in SDL_WaitEvent: when only input can change what is
     * shown, the browser stops calling it until input comes (no CPU while paused). */
    if (!may_wait && L->running && !L->dirty && !L->presenter_dirty) {
        const int due_ms = wait_ms_for(L);
        if (due_ms < 0) ui_platform_sleep_until_input();
        /* More than an animation frame away (a step at 30 a second): no turn until then. */
        else if (due_ms > 20) ui_platform_nap(due_ms);
    }
    return L->running;
}

/* The loop's state for a window just opened. */
static window_loop *loop_start(const ui_options *opt, ui_dispatch *d, const char *fonts, const ui_replay *replay,
                               SDL_Window *win, SDL_Renderer *r, ui_scene *sc)
{
    static window_loop loop; /* one per process; large, and read by every turn */
    window_loop *L = &loop;
    memset(L, 0, sizeof *L);
    L->pointer.tip_page = -1; /* the sandbox's "page" (ui_pointer_tip) */
    L->opt = opt;
    L->d = d;
    d->geom = &L->geom; /* F2 focuses the panel under the pointer in the frame shown */
    L->s = d->s;
    L->cr = d->cr;
    L->view = d->view;
    L->replay = replay;
    L->fonts = fonts;
    L->win = win;
    L->r = r;
    L->sc = sc;
    /* Frames redraw only what changed where the renderer keeps the last one. */
    ui_scene_set_retain(sc, ui_display_retains(r));
    L->main_id = SDL_GetWindowID(win);
    static const SDL_SystemCursor cursor_ids[UI_CURSOR_COUNT] = {
        [UI_CURSOR_ARROW] = SDL_SYSTEM_CURSOR_ARROW, [UI_CURSOR_HAND] = SDL_SYSTEM_CURSOR_HAND,
        [UI_CURSOR_CROSSHAIR] = SDL_SYSTEM_CURSOR_CROSSHAIR, [UI_CURSOR_SIZENS] = SDL_SYSTEM_CURSOR_SIZENS,
    };
    for (int i = 0; i < UI_CURSOR_COUNT; i++) L->cursors[i] = SDL_CreateSystemCursor(cursor_ids[i]);
    L->shown_cursor = UI_CURSOR_ARROW;
    ui_describe_voice_init(&L->describe, opt->trace);
    L->running = L->dirty = L->presenter_dirty = 1;
    L->w = L->last_w = opt->width;
    L->h = L->last_h = opt->height;
    L->freq = SDL_GetPerformanceFrequency();
    L->last = SDL_GetPerformanceCounter();
    L->lesson_start = SDL_GetTicks64();
    ui_dispatch_start_clock(d);
    L->shown_second = -1;
    d->quit_stays = ui_platform_is_browser();
    ui_reload_start(&L->reload, opt->lesson, L->cr, (long long)SDL_GetTicks64());
    ui_announce_init(&L->announce);
    L->page_zoom = 1.0f;
    return L;
}

int ui_window_run(const ui_options *opt, ui_dispatch *d, const char *fonts, const ui_replay *replay)
{
    if (ui_display_open_video() != 0) return 1;
    ui_mic *mic = NULL;
    char mic_wav[1100] = "";
    if (mic_open(opt, d, &mic, mic_wav, sizeof mic_wav) != 0) return 1;
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0"); /* the main window's close quits, not the presenter's */
    SDL_Window *win = SDL_CreateWindow("xentlab · cross-entropy lab", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, opt->width, opt->height, ui_platform_window_flags());
    if (!win) {
        fprintf(stderr, _("xentlab: cannot open a window: %s\n"), SDL_GetError());
        ui_mic_close(mic, mic_wav, 0);
        return 1;
    }
    if (!ui_platform_is_browser()) SDL_SetWindowMinimumSize(win, UI_MIN_W, UI_MIN_H); /* a page's size is the page's */
    SDL_Renderer *r = ui_display_renderer(win);
    char err[512];
    ui_shape_on_missing(ui_platform_font_wanted); /* the browser may fetch a font for it */
    ui_scene *sc = r ? ui_scene_create(r, fonts, err, sizeof err) : NULL;
    if (!sc) {
        fprintf(stderr, _("xentlab: cannot draw in the window: %s\n"), r ? err : SDL_GetError());
        if (r) SDL_DestroyRenderer(r);
        SDL_DestroyWindow(win);
        ui_mic_close(mic, mic_wav, 0);
        return 1;
    }
    window_loop *L = loop_start(opt, d, fonts, replay, win, r, sc);
    if (mic) { /* the clock has started: so does the voice, and its mark */
        L->mic = mic;
        snprintf(L->mic_wav, sizeof L->mic_wav, "%s", mic_wav);
        ui_mic_start(mic);
        L->view->mic = 1;
        mic = NULL;
    }
    voice_open(L);
    L->sound = ui_sound_create();
    L->class_event = SDL_RegisterEvents(1);
    if (opt->class_on) {
        char err[512];
        if (class_start(L, err, sizeof err) != 0) {
            fprintf(stderr, "xentlab: --class: %s\n", err);
            L->running = 0;
            L->status = 1;
        }
    }
    ui_dispatch_trace_lesson(d);
    if (L->running) ui_platform_run(window_turn, L); /* in the browser, this never returns */
    if (opt->screenshot && L->status == 0) {
        ui_scene_draw(sc, L->s, L->view, L->w, L->h, NULL);
        if (ui_app_save_png(r, L->w, L->h, opt->screenshot) != 0) {
            fprintf(stderr, _("xentlab: --screenshot: cannot write %s: %s\n"), opt->screenshot, SDL_GetError());
            L->status = 1;
        }
    }
    if (mic_close(L) != 0 && L->status == 0) L->status = 1;
    ui_mic_player_close(L->voice);
    L->voice = NULL;
    ui_sound_destroy(L->sound);
    L->sound = NULL;
    /* F9's last request: a moment to be said before the program goes, then ended. */
    if (ui_describe_voice_finish(&L->describe, UI_SPEAK_TIMEOUT_MS, stdout, L->view->note, sizeof L->view->note))
        L->note_until = 0;
    ui_describe_voice_free(&L->describe);
    ui_class_stop(L->cls, d);
    L->cls = NULL;
    d->geom = NULL; /* the frames' geometry goes with the window */
    ui_reload_stop(&L->reload);
    ui_presenter_close(&L->pv);
    for (int i = 0; i < UI_CURSOR_COUNT; i++) SDL_FreeCursor(L->cursors[i]);
    ui_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    return L->status;
}

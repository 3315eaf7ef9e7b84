/* ui_dispatch: every input through one place (see ui_dispatch.h). */
#include "ui_dispatch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui_focus.h"
#include "ui_keynav.h"
#include "ui_platform.h"
#include "ui_trace.h"
#include "xl_renyi.h"
#include "xl_state_text.h"
#include "ui_lang.h"

/* What each source's input calls for besides being applied (the table in ui_dispatch.h). */
typedef struct policy {
    int take_over, record, trace;
} policy;

static const policy policies[] = {
    [UI_DISPATCH_LEARNER] = {1, 1, 1},
    [UI_DISPATCH_START] = {1, 1, 1},
    [UI_DISPATCH_REPLAY] = {1, 0, 1},
    [UI_DISPATCH_SCRIPT] = {0, 0, 0},
    [UI_DISPATCH_CLASS] = {0, 1, 1},
};

static long perform(void *user, const xl_player_request *rq)
{
    ui_dispatch *d = user;
    switch (rq->kind) {
    case XL_PLAYER_APPLY: return xl_session_apply(d->s, rq->cmd);
    case XL_PLAYER_RUN: xl_session_run(d->s, (int)rq->n); return rq->n;
    case XL_PLAYER_RESTORE: return xl_session_restore(d->s, rq->snap);
    case XL_PLAYER_ADVANCE: return xl_session_advance(d->s, rq->seconds);
    case XL_PLAYER_ADVANCE_STEPS: return xl_session_advance_steps(d->s, rq->n);
    }
    return 0;
}

xl_player_host ui_dispatch_host(ui_dispatch *d)
{
    return (xl_player_host){perform, d};
}

void ui_dispatch_init(ui_dispatch *d, xl_session *s, ui_classroom *cr, ui_view *view, ui_replay_writer *rw,
                      FILE *trace)
{
    memset(d, 0, sizeof *d);
    d->s = s;
    d->cr = cr;
    d->view = view;
    d->rw = rw;
    d->trace = trace;
    d->seen.page = d->seen.phase = -1;
    ui_classroom_set_host(cr, ui_dispatch_host(d));
}

void ui_dispatch_start_clock(ui_dispatch *d)
{
    d->clocked = 1;
    d->start_ms = SDL_GetTicks64();
}

long long ui_dispatch_ms(const ui_dispatch *d)
{
    return d->clocked ? (long long)(SDL_GetTicks64() - d->start_ms) : 0;
}

static void record(ui_dispatch *d, ui_dispatch_from from, ui_replay_kind kind, const char *text, long n)
{
    if (d->rw && policies[from].record) ui_replay_write(d->rw, ui_dispatch_ms(d), kind, text, n, 0);
}

/* "renyi on|off" and "renyi-order A" on the view, said in its note. Off also leaves a
 * focus on the panel (which would keep it shown); an order shows the panel. */
static void apply_renyi(ui_view *view, const ui_action *act)
{
    if (act->view == UI_VIEW_RENYI_ORDER) {
        view->renyi_alpha = act->cmd.x;
        view->renyi_alpha_set = 1;
        view->renyi = 1;
    } else {
        view->renyi = act->cmd.n != 0;
        if (!view->renyi && view->focus == UI_PANEL_RENYI) ui_focus_set(view, UI_PANEL_NONE);
    }
    char order[32];
    const double alpha = ui_view_renyi_alpha(view);
    const char *name = xl_renyi_order_name(alpha);
    xl_renyi_format_order(alpha, order, sizeof order);
    if (!view->renyi)
        snprintf(view->note, sizeof view->note, _("Rényi panel off  (F6 shows it)"));
    else
        snprintf(view->note, sizeof view->note, _("Rényi entropy Hα, α = %s%s%s%s  (F6 hides, ⇧F6 next order)"), order,
                 name ? " (" : "", name ? _(name) : "", name ? ")" : "");
}

/* A view command on the view. Quit, fullscreen and screenshots are the window loop's. */
static void apply_view(ui_view *view, const ui_action *act)
{
    const ui_view_command v = act->view;
    float zoom = view->zoom > 0.0f ? view->zoom : 1.0f;
    switch (v) {
    /* Open, or the next page (the window closes it after its last: only a frame knows
     * how many pages the sheet has at its size; a page past the last shows the last). */
    case UI_VIEW_HELP: view->help_visible = view->help_visible < 64 ? view->help_visible + 1 : 1; break;
    case UI_VIEW_THEME:
        view->theme = view->theme == UI_THEME_LIGHT ? UI_THEME_DARK : UI_THEME_LIGHT;
        break;
    /* Tenths from UI_ZOOM_MIN to UI_ZOOM_MAX, counted in whole tenths so it never drifts. */
    case UI_VIEW_ZOOM_IN: zoom = (float)(lroundf(zoom * 10.0f) + 1) / 10.0f; break;
    case UI_VIEW_ZOOM_OUT: zoom = (float)(lroundf(zoom * 10.0f) - 1) / 10.0f; break;
    case UI_VIEW_ZOOM_RESET: zoom = 1.0f; break;
    case UI_VIEW_RENYI:
    case UI_VIEW_RENYI_ORDER: apply_renyi(view, act); break;
    case UI_VIEW_CONTROLS:
        view->controls = ui_controls_toggled(view->controls, view->lesson || view->broken || view->recording,
                                             view->lesson && xl_player_controls(view->lesson));
        snprintf(view->note, sizeof view->note, "%s", view->controls == UI_CONTROLS_ON ? _("control strip on  (F3 hides it)")
                                                                                       : _("control strip off  (F3 shows it)"));
        break;
    case UI_VIEW_SOUND:
        view->sound = !view->sound;
        snprintf(view->note, sizeof view->note, "%s",
                 view->sound ? _("sound on: the tone's pitch follows the gap, a tick a step  (F10 turns it off)")
                             : _("sound off  (F10 turns it on)"));
        break;
    default: break;
    }
    if (zoom < UI_ZOOM_MIN) zoom = UI_ZOOM_MIN;
    if (zoom > UI_ZOOM_MAX) zoom = UI_ZOOM_MAX;
    view->zoom = zoom;
    if (v == UI_VIEW_ZOOM_IN || v == UI_VIEW_ZOOM_OUT || v == UI_VIEW_ZOOM_RESET)
        snprintf(view->note, sizeof view->note, _("zoom %d%%  (Ctrl + / Ctrl − / Ctrl 0)"), (int)lroundf(zoom * 100.0f));
}

int ui_dispatch_state_text(const ui_dispatch *d, char *buf, size_t n, char *err, size_t errlen)
{
    const ui_classroom *cr = d->cr;
    if (cr->lesson) {
        /* A lesson's scene is its page's: the link names the lesson (by its library
         * name when it is one of the shipped ones) and the page. */
        const char *name = cr->path;
        for (int i = 0; i < cr->library.count; i++)
            if (!strcmp(cr->library.entries[i].path, cr->path)) name = cr->library.entries[i].name;
        const int page = cr->player ? xl_player_page(cr->player) + 1 : 1;
        if (xl_state_text_lesson_write(name, page, buf, n) < 0) {
            snprintf(err, errlen, _("the lesson's name is too long for a link"));
            return -1;
        }
        return 0;
    }
    return xl_state_text_write(d->s, buf, n, err, errlen) < 0 ? -1 : 0;
}

/* The browser's address follows the state (ui_platform_show_state paces it). */
static void follow_state(ui_dispatch *d)
{
    if (!ui_platform_is_browser()) return;
    char *text = malloc(XL_STATE_TEXT_MAX);
    char err[256] = "";
    if (text && ui_dispatch_state_text(d, text, XL_STATE_TEXT_MAX, err, sizeof err) == 0) ui_platform_show_state(text);
    else ui_platform_show_state("");
    free(text);
}

/* copy-state: the text to the clipboard (the browser: the page's link), said in the
 * view's note; the trace's line for it carries the text. */
static void copy_state(ui_dispatch *d, const policy *pol, const ui_action *act)
{
    char *text = malloc(XL_STATE_TEXT_MAX);
    char err[256] = "";
    const int ok = text != NULL && ui_dispatch_state_text(d, text, XL_STATE_TEXT_MAX, err, sizeof err) == 0;
    if (!text) snprintf(err, sizeof err, _("out of memory"));
    if (ok && ui_platform_copy_state(text, err, sizeof err) == 0) {
        if (ui_platform_is_browser())
            snprintf(d->view->note, sizeof d->view->note, _("copied the link to this scene (F4)"));
        else
            snprintf(d->view->note, sizeof d->view->note, _("copied the state (%zu characters): xentlab --state TEXT opens it"),
                     strlen(text));
    } else {
        snprintf(d->view->note, sizeof d->view->note, _("could not copy the state: %.150s"), err);
    }
    if (d->trace && pol->trace) ui_trace_command_state(d->trace, d->s, act, ok, ok ? text : NULL);
    free(text);
}

/* focus-toggle and focus-next as the plain focus they mean now, renyi-toggle and
 * renyi-next as the plain "renyi on|off" and "renyi-order A"; other actions as they are. */
static ui_action resolve_focus(const ui_dispatch *d, const ui_action *act)
{
    ui_action out = *act;
    if (act->view == UI_VIEW_RENYI_TOGGLE) {
        out.view = UI_VIEW_RENYI;
        out.cmd = xl_command_make(XL_CMD_NONE);
        out.cmd.n = !d->view->renyi;
        return out;
    }
    if (act->view == UI_VIEW_RENYI_NEXT) {
        out.view = UI_VIEW_RENYI_ORDER;
        out.cmd = xl_command_make(XL_CMD_NONE);
        out.cmd.x = xl_renyi_next_order(ui_view_renyi_alpha(d->view));
        return out;
    }
    if (act->view != UI_VIEW_FOCUS_TOGGLE && act->view != UI_VIEW_FOCUS_NEXT) return out;
    out.view = UI_VIEW_FOCUS;
    out.cmd = xl_command_make(XL_CMD_NONE);
    out.cmd.n = act->view == UI_VIEW_FOCUS_NEXT ? ui_focus_next(d->view, d->s, d->view->focus)
                                                : ui_focus_toggle_target(d->view, d->geom, d->s);
    return out;
}

int ui_dispatch_action(ui_dispatch *d, ui_dispatch_from from, const ui_action *asked)
{
    const policy *pol = &policies[from];
    char text[1024];
    int ok = 1;
    ui_action resolved = resolve_focus(d, asked);
    /* A pointer's command by key: its numbers from the state and the last frame, or a
     * note saying what is missing (nothing is applied, recorded or traced). */
    char why[160] = "";
    if (!ui_keynav_resolve(d->s, d->geom, &resolved, why, sizeof why)) {
        snprintf(d->view->note, sizeof d->view->note, "%s", why);
        return 0;
    }
    const ui_action *act = &resolved;
    if (act->view == UI_VIEW_COPY_STATE) {
        /* Not recorded: copying changes nothing a replay shows. */
        copy_state(d, pol, act);
        return 1;
    }
    if (act->view == UI_VIEW_FOCUS) ui_focus_set(d->view, (int)act->cmd.n);
    if (act->view == UI_VIEW_NONE) {
        if (act->cmd.kind == XL_CMD_NONE) return 1;
        xl_session_tick(d->s, &act->cmd, 1, 0.0, &ok);
        if (pol->take_over && d->cr->player) xl_player_took_over(d->cr->player);
        record(d, from, UI_REPLAY_DO, xl_command_format(&act->cmd, text, sizeof text), 0);
    } else {
        apply_view(d->view, act);
        if (act->view != UI_VIEW_SCREENSHOT && act->view != UI_VIEW_FULLSCREEN && act->view != UI_VIEW_QUIT)
            record(d, from, UI_REPLAY_VIEW, ui_action_format(act, text, sizeof text), 0);
        if (act->view == UI_VIEW_QUIT && d->quit_stays) ok = 0; /* the window says why */
    }
    if (d->trace && pol->trace) ui_trace_command(d->trace, d->s, act, ok);
    follow_state(d);
    return ok;
}

int ui_dispatch_command(ui_dispatch *d, ui_dispatch_from from, xl_command cmd)
{
    const ui_action act = {UI_VIEW_NONE, cmd};
    return ui_dispatch_action(d, from, &act);
}

/* A trace line for a class action (taken: ok), if `action` is one and from traces. */
static void trace_class(ui_dispatch *d, ui_dispatch_from from, const char *action, int ok)
{
    static const char *const kinds[] = {"", "start", "join", "vote", "split", "card"};
    ui_class_action a;
    char err[256] = "";
    if (!d->trace || !policies[from].trace || ui_classroom_parse_class(action, &a, err, sizeof err) != 1) return;
    const xl_poll *poll = d->cr->poll;
    ui_trace_class_line line = {kinds[a.kind], -1, -1, -1, -1, -1, ok, poll ? xl_poll_joined(poll) : 0, NULL};
    if (a.kind == UI_CLASS_JOIN || a.kind == UI_CLASS_VOTE) line.device = a.device;
    if (a.kind == UI_CLASS_VOTE) {
        line.page = a.page;
        line.question = a.question;
        line.option = a.option;
        line.tally = poll ? xl_poll_find(poll, a.page, a.question) : NULL;
    } else if (poll && (line.tally = xl_poll_open_tally(poll)) != NULL) {
        line.page = line.tally->page;
        line.question = line.tally->question;
    }
    if (a.kind == UI_CLASS_SPLIT) line.shown = poll ? xl_poll_split_shown(poll) : -1;
    if (a.kind == UI_CLASS_CARD) line.shown = ui_classroom_card_shown(d->cr);
    ui_trace_class(d->trace, &line);
}

int ui_dispatch_lesson(ui_dispatch *d, ui_dispatch_from from, const char *action, char *err, size_t n)
{
    int rc = ui_classroom_do(d->cr, action, d->s, err, n);
    if (rc == 0) ui_dispatch_lesson_done(d, from, action);
    else trace_class(d, from, action, 0);
    return rc;
}

void ui_dispatch_lesson_done(ui_dispatch *d, ui_dispatch_from from, const char *did)
{
    if (!did || !did[0]) return;
    record(d, from, UI_REPLAY_LESSON, did, 0);
    trace_class(d, from, did, 1);
}

ui_classroom_key_result ui_dispatch_key(ui_dispatch *d, SDL_Keycode key, Uint16 mod, int lessons_locked,
                                        int session_locked, ui_action *act, char *did, size_t n)
{
    *act = (ui_action){UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
    if (n) did[0] = '\0';
    const ui_classroom *cr = d->cr;
    if (key == SDLK_ESCAPE && !(mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) && !cr->blank && !cr->menu_open &&
        !cr->quit_asked && ui_focus_shown_focus(d->view, d->s) != UI_PANEL_NONE) {
        act->view = UI_VIEW_FOCUS;
        act->cmd.n = UI_PANEL_NONE;
        ui_dispatch_action(d, UI_DISPATCH_LEARNER, act);
        return UI_CLASSROOM_PASS;
    }
    ui_classroom_key_result kr = lessons_locked ? UI_CLASSROOM_PASS : ui_classroom_key(d->cr, key, mod, d->s, did, n);
    if (kr == UI_CLASSROOM_TAKEN) ui_dispatch_lesson_done(d, UI_DISPATCH_LEARNER, did);
    if (kr != UI_CLASSROOM_PASS) return kr;
    *act = ui_input_map_key(key, mod, xl_session_scenario(d->s));
    if (session_locked && act->view == UI_VIEW_NONE) act->cmd = xl_command_make(XL_CMD_NONE);
    /* Made whole here too, so the outline goes where the made command acts. */
    char why[160] = "";
    if (!ui_keynav_resolve(d->s, d->geom, act, why, sizeof why)) snprintf(d->view->note, sizeof d->view->note, "%s", why);
    const int panel = ui_keynav_panel(d->s, act);
    if (panel != UI_PANEL_NONE) d->view->key_panel = panel;
    if (!ui_action_is_none(act)) ui_dispatch_action(d, UI_DISPATCH_LEARNER, act);
    return kr;
}

int ui_dispatch_click(ui_dispatch *d, int x, int y, const ui_frame_geom *g, char *did, size_t n)
{
    int taken = ui_classroom_click(d->cr, x, y, &g->lesson, &g->menu, d->s, did, n);
    if (taken) ui_dispatch_lesson_done(d, UI_DISPATCH_LEARNER, did);
    return taken;
}

int ui_dispatch_time(ui_dispatch *d, double seconds)
{
    const ui_classroom *cr = d->cr;
    /* A blank screen holds time: the class sees every step it is shown. */
    int stepped = cr->blank ? 0 : cr->player ? xl_player_advance(cr->player, seconds)
                                             : xl_session_tick(d->s, NULL, 0, seconds, NULL);
    if (stepped > 0) record(d, UI_DISPATCH_LEARNER, UI_REPLAY_ADVANCE, NULL, stepped);
    if (stepped > 0) follow_state(d);
    ui_classroom_sync_poll(d->cr); /* a play that ended may have reached a question */
    return stepped;
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

/* A replayed lesson action. A page start runs the pages before it: counted, so that
 * turning pages back and forth, or opening a lesson again and again, is bounded too. */
static int replay_lesson(ui_dispatch *d, const ui_replay_entry *e, const char *file, double *work)
{
    const ui_classroom *cr = d->cr;
    char err[512] = "";
    const xl_player *was = cr->player;
    const double before = was ? xl_player_ops_done(was) : 0.0;
    if (ui_dispatch_lesson(d, UI_DISPATCH_REPLAY, e->text, err, sizeof err) != 0)
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

int ui_dispatch_replay(ui_dispatch *d, const ui_replay_entry *e, const char *file, double *work)
{
    ui_action act = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
    char err[512] = "";
    if (e->kind == UI_REPLAY_SIZE) return 0; /* the window's business */
    if (replay_work(e, d->s, file, work) != 0) return -1;
    switch (e->kind) {
    case UI_REPLAY_DO:
    case UI_REPLAY_VIEW:
        if (ui_action_parse(e->text, &act, err, sizeof err) != 0) return 0; /* checked when loaded */
        if (e->kind == UI_REPLAY_VIEW && act.view == UI_VIEW_NONE) return 0;
        ui_dispatch_action(d, UI_DISPATCH_REPLAY, &act);
        return 1;
    case UI_REPLAY_LESSON:
        return replay_lesson(d, e, file, work);
    case UI_REPLAY_ADVANCE: {
        const long stepped =
            d->cr->player ? xl_player_advance_steps(d->cr->player, e->n) : xl_session_advance_steps(d->s, e->n);
        ui_classroom_sync_poll(d->cr); /* as ui_dispatch_time does live */
        return stepped > 0;
    }
    case UI_REPLAY_SIZE:
        return 0;
    }
    return 0;
}

void ui_dispatch_sync_view(ui_dispatch *d)
{
    ui_classroom_sync_poll(d->cr);
    const ui_classroom *cr = d->cr;
    ui_view *view = d->view;
    view->poll = cr->poll;
    view->class_url = cr->poll ? cr->class_url : NULL;
    view->class_code = cr->poll ? cr->class_code : NULL;
    view->class_card = ui_classroom_card_shown(cr);
    view->lesson = cr->player;
    view->broken = cr->broken ? cr->lesson : NULL;
    view->blank = cr->blank;
    view->menu_open = cr->menu_open;
    view->menu_selected = cr->menu_selected;
    view->library = &cr->library;
    view->lesson_path = cr->path;
    ui_focus_follow_lesson(view, cr->player, cr->agains); /* a page's @focus, at its turn and again (F5) */
}

static const char *phase_name(const ui_classroom *cr)
{
    static const char *const names[] = {"playing", "waiting", "paused", "asking", "suspended", "done"};
    return cr->player ? names[xl_player_phase_of(cr->player)] : "";
}

void ui_dispatch_trace_lesson(ui_dispatch *d)
{
    const ui_classroom *cr = d->cr;
    ui_dispatch_lesson_seen *seen = &d->seen;
    ui_dispatch_lesson_seen now = {cr->lesson, cr->player ? xl_player_page(cr->player) : -1,
                                   cr->player ? (int)xl_player_phase_of(cr->player) : -1, cr->blank, cr->menu_open,
                                   cr->presenter, cr->agains, cr->reloads};
    if (now.lesson == seen->lesson && now.page == seen->page && now.phase == seen->phase && now.blank == seen->blank &&
        now.menu == seen->menu && now.presenter == seen->presenter && now.agains == seen->agains &&
        now.reloads == seen->reloads)
        return;
    /* A reload makes a new lesson: it is said as one, not as another lesson opened. */
    const char *event = now.reloads != seen->reloads && now.lesson ? "reload"
                      : now.lesson != seen->lesson ? (now.lesson ? "open" : "close")
                      : now.page != seen->page ? "page"
                      : now.agains != seen->agains ? "again"
                      : now.blank != seen->blank ? (now.blank ? "blank" : "unblank")
                      : now.menu != seen->menu ? (now.menu ? "menu" : "menu-closed")
                      : now.presenter != seen->presenter ? (now.presenter ? "presenter" : "presenter-closed")
                      : "phase";
    *seen = now;
    follow_state(d); /* a page turned, a lesson opened or closed: the address says so */
    if (d->trace)
        ui_trace_lesson(d->trace, d->s, event, cr->lesson ? cr->path : "", now.page + 1,
                        cr->lesson ? cr->lesson->npages : 0, phase_name(cr));
}

/* ui_keynav: a key's pointer command made whole (see ui_keynav.h). */
#include "ui_keynav.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_lang.h"
#include "ui_layout.h"

/* The landscape's view as the last frame drew it; 0 when it drew none. */
static int view_box(const xl_session *s, const ui_frame_geom *g, const ui_landscape_geom **l)
{
    if (!g || xl_session_simplex(s) || g->layout.landscape.w <= 0) return 0;
    *l = &g->landscape;
    return g->landscape.map.w > 0 && g->landscape.hi > g->landscape.lo && g->landscape.yhi > g->landscape.ylo;
}

static void dir_xy(ui_nav nav, double *dx, double *dy)
{
    *dx = nav == UI_NAV_LEFT ? -1.0 : nav == UI_NAV_RIGHT ? 1.0 : 0.0;
    *dy = nav == UI_NAV_DOWN ? -1.0 : nav == UI_NAV_UP ? 1.0 : 0.0;
}

/* set-p with the selected bar's p moved by d, the others keeping their ratios (all equal
 * when they were 0), as a dragged bar sets it. */
static int bar_p(const xl_session *s, double d, xl_command *c, char *why, size_t n)
{
    xl_bars bars;
    xl_session_bars(s, &bars);
    const int i = xl_session_selected(s);
    if (i < 0 || i >= bars.n) {
        snprintf(why, n, "%s", _("select a class first (1–9, Shift+Left/Right)"));
        return 0;
    }
    if (bars.n > XL_COMMAND_LIST_MAX || bars.n < 2) {
        snprintf(why, n, "%s", _("these bars cannot be moved by keys"));
        return 0;
    }
    double v = bars.p[i] + d;
    v = v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
    /* Painted bars are weights the session normalizes: all zero is no distribution. */
    if (bars.edit == XL_BARS_PAINT && v <= 0.0 && bars.p[i] >= 1.0 - 1e-12) v = 1e-3;
    const double rest = 1.0 - bars.p[i];
    *c = xl_command_make(XL_CMD_SET_P);
    c->count = bars.n;
    for (int k = 0; k < bars.n; k++)
        c->list[k] = k == i ? v : rest > 1e-12 ? bars.p[k] * (1.0 - v) / rest : (1.0 - v) / (bars.n - 1);
    return 1;
}

int ui_keynav_resolve(const xl_session *s, const ui_frame_geom *g, ui_action *act, char *why, size_t n)
{
    if (n) why[0] = '\0';
    if (!ui_action_nav_pending(act)) return 1;
    const ui_nav nav = (ui_nav)act->cmd.n;
    const xl_command_kind kind = act->cmd.kind;
    xl_command c = xl_command_make(kind);
    *act = (ui_action){UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
    if (kind == XL_CMD_SET_P) {
        xl_bars bars;
        xl_session_bars(s, &bars);
        if (bars.edit == XL_BARS_FIXED) { /* no bar to move here: the plain arrow's verb (the Gaussian's mean) */
            *act = ui_input_map_key(nav == UI_NAV_UP ? SDLK_UP : SDLK_DOWN, KMOD_NONE, xl_session_scenario(s));
            return 1;
        }
        if (!bar_p(s, nav == UI_NAV_UP ? UI_KEYNAV_P : -UI_KEYNAV_P, &c, why, n)) return 0;
        act->cmd = c;
        return 1;
    }
    if (kind == XL_CMD_REWIND) {
        long first = 0, head = 0;
        const long now = xl_session_timeline(s, &first, &head);
        long to = nav == UI_NAV_BACK ? now - UI_KEYNAV_REWIND : now + UI_KEYNAV_REWIND;
        to = to < first ? first : to > head ? head : to;
        if (to == now) {
            snprintf(why, n, nav == UI_NAV_BACK ? _("the timeline goes back no further (step %ld)")
                                                : _("the run has no steps after %ld to go to (N takes one)"), now);
            return 0;
        }
        act->cmd = xl_command_int(XL_CMD_REWIND, to);
        return 1;
    }
    const ui_landscape_geom *l = NULL;
    if (!view_box(s, g, &l)) {
        snprintf(why, n, "%s", xl_session_simplex(s) ? _("the simplex has no map to move (V shows the landscape)")
                                                     : _("the landscape is not shown here"));
        return 0;
    }
    const double w = l->hi - l->lo, h = l->yhi - l->ylo;
    double px = 0.0, py = 0.0, dx = 0.0, dy = 0.0;
    xl_session_view_point(s, xl_sim_theta(xl_session_sim(s)), &px, &py);
    dir_xy(nav, &dx, &dy);
    switch (kind) {
    case XL_CMD_PAN:
        c.count = 2;
        c.list[0] = dx * UI_KEYNAV_PAN * w;
        c.list[1] = dy * UI_KEYNAV_PAN * h;
        break;
    case XL_CMD_ZOOM: {
        /* Around the current point while it is in view (it stays where it is on the
         * screen), else around the view's centre. */
        const int in = isfinite(px) && isfinite(py) && px >= l->lo && px <= l->hi && py >= l->ylo && py <= l->yhi;
        c.count = 3;
        c.list[0] = nav == UI_NAV_IN ? UI_KEYNAV_ZOOM : 1.0 / UI_KEYNAV_ZOOM;
        c.list[1] = in ? px : l->lo + w / 2.0;
        c.list[2] = in ? py : l->ylo + h / 2.0;
        break;
    }
    case XL_CMD_MOVE_TO:
    case XL_CMD_START_AT:
        if (!isfinite(px) || !isfinite(py)) {
            snprintf(why, n, "%s", _("the current point is not finite: R resets it"));
            return 0;
        }
        c.count = 2;
        c.list[0] = px + dx * UI_KEYNAV_MOVE * w;
        c.list[1] = py + dy * UI_KEYNAV_MOVE * h;
        break;
    default: return 0;
    }
    act->cmd = c;
    return 1;
}

/* Where the selection shows: a scenario's own panel (its samples, its Gaussians) when it
 * has one, else the bars. */
static int selection_panel(const xl_session *s)
{
    return (xl_session_scenario(s)->panels & XL_PANEL_DATA) ? UI_PANEL_DATA : UI_PANEL_BARS;
}

int ui_keynav_panel(const xl_session *s, const ui_action *act)
{
    if (act->view != UI_VIEW_NONE) return UI_PANEL_NONE;
    switch (act->cmd.kind) {
    case XL_CMD_PAN: case XL_CMD_ZOOM: case XL_CMD_FIT: case XL_CMD_MOVE_TO: case XL_CMD_START_AT:
    case XL_CMD_SLICE_NEXT: case XL_CMD_SLICE_PREV: case XL_CMD_FRAME_TOGGLE:
        return UI_PANEL_LANDSCAPE;
    case XL_CMD_SET_P:
        return xl_session_simplex(s) ? UI_PANEL_LANDSCAPE : UI_PANEL_BARS;
    case XL_CMD_SELECT: case XL_CMD_SELECT_NEXT: case XL_CMD_SELECT_PREV:
        return selection_panel(s);
    case XL_CMD_REWIND: case XL_CMD_BACK:
        return UI_PANEL_HISTORY;
    case XL_CMD_VERB: {
        /* The verbs on the arrows move the selected bar's P (p-up, p-down). */
        return strcmp(act->cmd.verb, "p-up") == 0 || strcmp(act->cmd.verb, "p-down") == 0 ? selection_panel(s)
                                                                                             : UI_PANEL_NONE;
    }
    default: return UI_PANEL_NONE;
    }
}

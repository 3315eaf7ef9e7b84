/* ui_pointer: pointer events to commands (see ui_pointer.h).
 *
 * Bars. A press on a P bar's column selects the item; if the scenario lets P be edited
 * there (xl_bars.edit) it also takes hold: RENORMALIZE sets that p to the height under
 * the pointer with the others keeping their ratios, as ↑/↓ do (all equal when they were
 * 0), PAINT sets the weight of each column the pointer crosses to the height there and
 * lets the session normalize. Either way the edit is one set-p with the whole list, so
 * it replays exactly. Landscape. A press puts the current point there (move-to) and holds
 * it; with Ctrl it puts the start there (start-at), which restarts the runs. Motion
 * while holding repeats the command at the new place; the release lets go. The wheel
 * zooms around the pointer, the right button (or Shift) pans, a double-click fits. The
 * history is a slider (rewind). The simplex: P is held where it is. The scenarios' own
 * panels, and the hint bar, record regions as they draw (ui_hit_add_edit): a press there
 * selects the region's item, motion sends its drag command, a click its click command.
 * Touch. One finger arrives as SDL's mouse and is handled above; two fingers on the
 * landscape are ui_touch's gesture, which owns the emulated mouse while it lasts.
 */
#include "ui_pointer.h"

#include <math.h>
#include <string.h>

/* The set-p that makes the bar `i` read v, the scenario's way. */
static int bar_command(ui_pointer *p, const xl_session *s, int i, double v, xl_command *out)
{
    xl_bars bars;
    xl_session_bars(s, &bars);
    if (i < 0 || i >= bars.n || bars.n > XL_COMMAND_LIST_MAX || bars.edit == XL_BARS_FIXED) return 0;
    xl_command c = xl_command_make(XL_CMD_SET_P);
    c.count = bars.n;
    if (bars.edit == XL_BARS_PAINT) {
        if (p->stroke_n != bars.n) return 0;
        p->stroke[i] = v;
        double sum = 0.0;
        for (int k = 0; k < bars.n; k++) sum += p->stroke[k];
        /* All zero is no distribution: a painted 0 over nothing leaves a trace. */
        if (!(sum > 0.0)) p->stroke[i] = 1e-3;
        memcpy(c.list, p->stroke, (size_t)bars.n * sizeof(double));
    } else {
        double rest = 1.0 - bars.p[i];
        for (int k = 0; k < bars.n; k++)
            c.list[k] = k == i ? v : rest > 1e-12 ? bars.p[k] * (1.0 - v) / rest : (1.0 - v) / (bars.n - 1);
    }
    *out = c;
    return 1;
}

/* The command a held region sends with the pointer at (x, y). */
static xl_command region_command(const ui_region_drag *e, const xl_session *s, int x, int y)
{
    const double u = e->u0 + e->us * x, v = e->v0 + e->vs * y;
    xl_command c = xl_scenario_command(xl_session_scenario(s), e->drag);
    if (e->value == UI_DRAG_VALUE_U) {
        c.x = u;
        return c;
    }
    /* A Gaussian with its peak at the pointer: height 1 / (√(2π) σ). */
    c.count = 2;
    c.list[0] = u;
    c.list[1] = v > 0.0 ? 1.0 / (sqrt(2.0 * 3.14159265358979323846) * v) : 1e300;
    return c;
}

static xl_command point_command(xl_command_kind kind, double x, double y)
{
    xl_command c = xl_command_make(kind);
    c.count = 2;
    c.list[0] = x;
    c.list[1] = y;
    return c;
}

int ui_pointer_event(ui_pointer *p, const SDL_Event *ev, const ui_frame_geom *g, const xl_session *s,
                     xl_command *out, int max)
{
    int n = 0;
    if (ui_touch_owns_mouse(&p->touch, ev)) { /* the first finger of a gesture */
        if (ev->type == SDL_MOUSEBUTTONUP) p->drag = UI_DRAG_NONE;
        return 0;
    }
    switch (ev->type) {
    case SDL_FINGERUP:
        n = max >= 2 ? ui_touch_flush(&p->touch, g, out, max) : 0; /* the motion up to the lift counts */
        ui_touch_event(&p->touch, ev, g, s);
        return n;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
        if (!ui_touch_event(&p->touch, ev, g, s)) return 0;
        /* A gesture began: the first finger's press was not a click. The point it moved
         * goes back (as a double-click's first click does); other holds just let go. */
        if (p->drag == UI_DRAG_POINT && max >= 1) out[n++] = point_command(XL_CMD_MOVE_TO, p->before_x, p->before_y);
        p->drag = UI_DRAG_NONE;
        p->tip_hidden = 1; /* the tooltip of the first finger's place would stay under the fingers */
        return n;
    case SDL_MOUSEMOTION: {
        p->x = ev->motion.x;
        p->y = ev->motion.y;
        p->inside = 1;
        p->moved_at = ev->motion.timestamp;
        p->tip_hidden = 0;
        if (p->drag == UI_DRAG_NONE || max < 1) return 0;
        if (p->drag == UI_DRAG_BAR) {
            const ui_bars_geom *b = &g->bars;
            xl_bars bars;
            xl_session_bars(s, &bars);
            int i = p->bar;
            /* Painting follows the pointer across the columns; a held bar stays held. */
            if (bars.edit == XL_BARS_PAINT) {
                int col = ui_hit_bar_column(b, p->x);
                if (col >= 0) i = col;
            }
            p->bar = i;
            n += bar_command(p, s, i, ui_hit_bar_value(b, p->y), &out[n]);
            return n;
        }
        if (p->drag == UI_DRAG_PAN) {
            const int dx = p->x - p->pan_x, dy = p->y - p->pan_y;
            p->pan_x = p->x;
            p->pan_y = p->y;
            xl_command c = xl_command_make(XL_CMD_PAN);
            c.count = 2;
            if ((dx == 0 && dy == 0) || !ui_hit_landscape_pan(&g->landscape, dx, dy, &c.list[0], &c.list[1])) return 0;
            out[n++] = c;
            return n;
        }
        if (p->drag == UI_DRAG_REGION) {
            if (!p->region.drag) return 0; /* a button: a shaky click still clicks */
            p->moved = 1;
            out[n++] = region_command(&p->region, s, p->x, p->y);
            return n;
        }
        if (p->drag == UI_DRAG_SIMPLEX) {
            double q[3];
            ui_simplex_from_point(&g->simplex, (float)p->x, (float)p->y, q);
            xl_command c = xl_command_make(XL_CMD_SET_P);
            c.count = 3;
            memcpy(c.list, q, sizeof q);
            out[n++] = c;
            return n;
        }
        if (p->drag == UI_DRAG_TIME) {
            out[n++] = xl_command_int(XL_CMD_REWIND, ui_hit_history_step(g, s, p->x));
            return n;
        }
        /* Held past the map's edge: the point stays on the edge. */
        double x, y;
        if (!ui_hit_landscape_point(g, s, p->x, p->y, 1, &x, &y)) return 0;
        out[n++] = point_command(p->drag == UI_DRAG_START ? XL_CMD_START_AT : XL_CMD_MOVE_TO, x, y);
        return n;
    }
    case SDL_MOUSEWHEEL: {
        ui_hit h = ui_hit_at(g, s, p->x, p->y);
        int notches = ev->wheel.y * (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1);
        if (h.kind != UI_HIT_LANDSCAPE || notches == 0 || max < 1) return 0;
        if (notches > 8) notches = 8;
        if (notches < -8) notches = -8;
        xl_command c = xl_command_make(XL_CMD_ZOOM);
        c.count = 3;
        c.list[0] = pow(0.8, notches); /* away from you: in */
        c.list[1] = h.x;
        c.list[2] = h.y;
        out[n++] = c;
        return n;
    }
    case SDL_MOUSEBUTTONDOWN: {
        p->x = ev->button.x;
        p->y = ev->button.y;
        const int shift = (SDL_GetModState() & KMOD_SHIFT) != 0;
        if ((ev->button.button == SDL_BUTTON_RIGHT || (ev->button.button == SDL_BUTTON_LEFT && shift)) &&
            ui_hit_at(g, s, p->x, p->y).kind == UI_HIT_LANDSCAPE) {
            p->drag = UI_DRAG_PAN;
            p->pan_x = p->x;
            p->pan_y = p->y;
            return 0;
        }
        if (ev->button.button != SDL_BUTTON_LEFT || max < 2) return 0;
        p->moved = 0;
        const ui_hit_region *region = ui_hit_edit_region(g, p->x, p->y);
        if (region) {
            p->drag = UI_DRAG_REGION;
            p->region = region->edit;
            p->was_selected = region->edit.index < 0 || region->edit.index == xl_session_selected(s);
            if (!p->was_selected) out[n++] = xl_command_int(XL_CMD_SELECT, region->edit.index);
            return n;
        }
        ui_hit h = ui_hit_at(g, s, p->x, p->y);
        if (h.kind == UI_HIT_BAR) {
            if (h.index != xl_session_selected(s)) out[n++] = xl_command_int(XL_CMD_SELECT, h.index);
            xl_bars bars;
            xl_session_bars(s, &bars);
            if (bars.edit != XL_BARS_FIXED) {
                p->drag = UI_DRAG_BAR;
                p->bar = h.index;
                /* Painting paints where it is pressed, on the bars as they are now; a
                 * held bar moves only when dragged. */
                if (bars.edit == XL_BARS_PAINT) {
                    p->stroke_n = bars.n;
                    memcpy(p->stroke, bars.p, (size_t)bars.n * sizeof(double));
                    n += bar_command(p, s, h.index, h.y, &out[n]);
                }
            }
        } else if (h.kind == UI_HIT_SIMPLEX) {
            if (h.index) p->drag = UI_DRAG_SIMPLEX; /* P is taken where it is; elsewhere nothing moves */
        } else if (h.kind == UI_HIT_HISTORY || (g->layout.history.w > 0 && ui_hit_inside(g->history.plot, p->x, p->y))) {
            p->drag = UI_DRAG_TIME;
            out[n++] = xl_command_int(XL_CMD_REWIND, ui_hit_history_step(g, s, p->x));
        } else if (h.kind == UI_HIT_LANDSCAPE && ev->button.clicks >= 2) {
            /* A double-click fits the view; the point its first click moved goes back. */
            out[n++] = point_command(XL_CMD_MOVE_TO, p->before_x, p->before_y);
            out[n++] = xl_command_make(XL_CMD_FIT);
        } else if (h.kind == UI_HIT_LANDSCAPE) {
            xl_session_view_point(s, xl_sim_theta(xl_session_sim(s)), &p->before_x, &p->before_y);
            int start = (SDL_GetModState() & KMOD_CTRL) != 0;
            p->drag = start ? UI_DRAG_START : UI_DRAG_POINT;
            out[n++] = point_command(start ? XL_CMD_START_AT : XL_CMD_MOVE_TO, h.x, h.y);
        }
        return n;
    }
    case SDL_MOUSEBUTTONUP:
        if (p->drag == UI_DRAG_PAN) {
            p->drag = UI_DRAG_NONE;
            return 0;
        }
        if (ev->button.button != SDL_BUTTON_LEFT) return 0;
        /* A click on what was already selected: the region's click (a sample's label). */
        if (p->drag == UI_DRAG_REGION && !p->moved && p->was_selected && p->region.click && max >= 1)
            out[n++] = xl_scenario_command(xl_session_scenario(s), p->region.click);
        p->drag = UI_DRAG_NONE;
        return n;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE) p->inside = 0;
        if (ev->window.event == SDL_WINDOWEVENT_ENTER) {
            p->inside = 1;
            p->moved_at = ev->window.timestamp;
            p->tip_hidden = 0;
        }
        return 0;
    default:
        return 0;
    }
}

int ui_pointer_flush(ui_pointer *p, const ui_frame_geom *g, xl_command *out, int max)
{
    return ui_touch_flush(&p->touch, g, out, max);
}

void ui_pointer_hide_tip(ui_pointer *p)
{
    p->tip_hidden = 1;
}

int ui_pointer_tip(ui_pointer *p, Uint64 now_ms, const void *lesson, int page)
{
    if (lesson != p->tip_lesson || page != p->tip_page) { /* a page turn (or a lesson opened or left) */
        p->tip_lesson = lesson;
        p->tip_page = page;
        p->tip_hidden = 1;
    }
    if (!p->inside || p->tip_hidden) return 0;
    return p->drag != UI_DRAG_NONE || (Uint32)((Uint32)now_ms - p->moved_at) < (Uint32)UI_TOOLTIP_MS;
}

ui_cursor ui_pointer_cursor(const ui_pointer *p, const ui_frame_geom *g, const xl_session *s)
{
    if (p->drag == UI_DRAG_BAR) return UI_CURSOR_SIZENS;
    if (p->drag == UI_DRAG_SIMPLEX || p->drag == UI_DRAG_REGION || p->drag == UI_DRAG_PAN) return UI_CURSOR_HAND;
    if (p->inside && ui_hit_edit_region(g, p->x, p->y)) return UI_CURSOR_HAND;
    if (p->drag != UI_DRAG_NONE) return UI_CURSOR_CROSSHAIR;
    if (!p->inside) return UI_CURSOR_ARROW;
    ui_hit h = ui_hit_at(g, s, p->x, p->y);
    if (h.kind == UI_HIT_LANDSCAPE) return UI_CURSOR_CROSSHAIR;
    if (h.kind == UI_HIT_HISTORY) return UI_CURSOR_HAND;
    if (h.kind == UI_HIT_SIMPLEX) return h.index ? UI_CURSOR_HAND : UI_CURSOR_ARROW;
    if (h.kind == UI_HIT_BAR) {
        xl_bars bars;
        xl_session_bars(s, &bars);
        return bars.edit != XL_BARS_FIXED ? UI_CURSOR_HAND : UI_CURSOR_ARROW;
    }
    return UI_CURSOR_ARROW;
}

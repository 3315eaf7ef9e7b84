/* ui_touch: two-finger pan and zoom of the landscape (see ui_touch.h).
 *
 * The map shows the view box [lo, hi] x [ylo, yhi] on map.w x map.h pixels: the view
 * point under the frame position (u, v) is
 *     X(u) = lo + (u - map.x) kx,   Y(v) = ylo + (map.y + map.h - v) ky,
 * with kx = (hi - lo) / map.w and ky = (yhi - ylo) / map.h (rows grow downward, y upward).
 * Fingers moving from a0, b0 to a1, b1 have centres c0 and c1. Moving the view by
 *     dx = -(c1.u - c0.u) kx,   dy = (c1.v - c0.v) ky
 * puts the view point P = (X(c0), Y(c0)) under c1 (the map follows the fingers, as a
 * right-button drag). `zoom f,P` then scales the box around P, which keeps P's pixel,
 * so P stays under the fingers' centre while the map grows by |a1 b1| / |a0 b0|: what
 * was between the fingers stays between them. f = |a0 b0| / |a1 b1|.
 */
#include "ui_touch.h"

#include <math.h>

/* A pinch that spreads or closes more than four times within one frame is a glitch
 * (a finger lost and found), not a gesture. */
#define PINCH_STEP_MAX 4.0

int ui_touch_pinch(const ui_landscape_geom *l, const double from[4], const double to[4], ui_pinch *out)
{
    if (l->map.w <= 0 || l->map.h <= 0 || !(l->hi > l->lo) || !(l->yhi > l->ylo)) return 0;
    const double kx = (l->hi - l->lo) / l->map.w, ky = (l->yhi - l->ylo) / l->map.h;
    const double c0u = 0.5 * (from[0] + from[2]), c0v = 0.5 * (from[1] + from[3]);
    const double c1u = 0.5 * (to[0] + to[2]), c1v = 0.5 * (to[1] + to[3]);
    const double d0 = hypot(from[2] - from[0], from[3] - from[1]), d1 = hypot(to[2] - to[0], to[3] - to[1]);
    double f = d0 >= 1.0 && d1 >= 1.0 ? d0 / d1 : 1.0;
    if (f > PINCH_STEP_MAX) f = PINCH_STEP_MAX;
    if (f < 1.0 / PINCH_STEP_MAX) f = 1.0 / PINCH_STEP_MAX;
    out->factor = f;
    out->x = l->lo + (c0u - l->map.x) * kx;
    out->y = l->ylo + (l->map.y + l->map.h - c0v) * ky;
    out->dx = -(c1u - c0u) * kx;
    out->dy = (c1v - c0v) * ky;
    return 1;
}

static int finger_index(const ui_touch *t, SDL_FingerID id)
{
    for (int i = 0; i < t->n; i++)
        if (t->id[i] == id) return i;
    return -1;
}

/* The fingers' positions become the anchor the next flush measures from. */
static void anchor(ui_touch *t)
{
    for (int i = 0; i < 2; i++) {
        t->ax[i] = t->x[i];
        t->ay[i] = t->y[i];
    }
}

/* The centre of the two fingers lies on the landscape's panel, and that panel shows a
 * map (not the simplex, which has no view to zoom). */
static int over_landscape(const ui_touch *t, const ui_frame_geom *g, const xl_session *s)
{
    const SDL_Rect panel = g->layout.landscape;
    const double u = 0.5 * (t->x[0] + t->x[1]), v = 0.5 * (t->y[0] + t->y[1]);
    return !xl_session_simplex(s) && panel.w > 0 && g->landscape.map.w > 0 && u >= panel.x &&
           u < panel.x + panel.w && v >= panel.y && v < panel.y + panel.h;
}

int ui_touch_event(ui_touch *t, const SDL_Event *ev, const ui_frame_geom *g, const xl_session *s)
{
    if (ev->type != SDL_FINGERDOWN && ev->type != SDL_FINGERMOTION && ev->type != SDL_FINGERUP) return 0;
    if (ev->tfinger.touchId == SDL_MOUSE_TOUCHID) return 0;
    const SDL_FingerID id = ev->tfinger.fingerId;
    int i = finger_index(t, id);
    if (ev->type == SDL_FINGERDOWN) {
        if (i < 0 && t->n >= 2) return 0;
        if (i < 0) i = t->n++;
        t->id[i] = id;
        t->x[i] = ev->tfinger.x;
        t->y[i] = ev->tfinger.y;
        if (t->n < 2 || t->pinching) return 0;
        if (!over_landscape(t, g, s)) return 0;
        anchor(t);
        const int began = !t->held; /* a finger put back on a gesture resumes it */
        t->pinching = t->held = 1;
        return began;
    }
    if (i < 0) return 0;
    if (ev->type == SDL_FINGERMOTION) {
        t->x[i] = ev->tfinger.x;
        t->y[i] = ev->tfinger.y;
        return 0;
    }
    /* Up: the other finger, if any, moves to slot 0; the gesture pauses until a second
     * finger comes back, and ends when none is left. */
    if (i == 0) {
        t->id[0] = t->id[1];
        t->x[0] = t->x[1];
        t->y[0] = t->y[1];
    }
    t->n--;
    t->pinching = 0;
    if (t->n == 0) t->held = 0;
    return 0;
}

int ui_touch_flush(ui_touch *t, const ui_frame_geom *g, xl_command *out, int max)
{
    if (!t->pinching || t->n < 2) return 0;
    const double from[4] = {t->ax[0], t->ay[0], t->ax[1], t->ay[1]};
    const double to[4] = {t->x[0], t->y[0], t->x[1], t->y[1]};
    ui_pinch pinch;
    if (!ui_touch_pinch(&g->landscape, from, to, &pinch)) return 0;
    const double moved = hypot(0.5 * (to[0] + to[2] - from[0] - from[2]), 0.5 * (to[1] + to[3] - from[1] - from[3]));
    /* Below both thresholds the anchor stays, so slow motion adds up until it counts;
     * past either, both go, so no part of the motion is lost to the other's threshold. */
    if (moved < 0.5 && fabs(pinch.factor - 1.0) < 1e-3) return 0;
    int n = 0;
    if (moved > 0.0 && n < max) {
        xl_command c = xl_command_make(XL_CMD_PAN);
        c.count = 2;
        c.list[0] = pinch.dx;
        c.list[1] = pinch.dy;
        out[n++] = c;
    }
    if (pinch.factor != 1.0 && n < max) {
        xl_command c = xl_command_make(XL_CMD_ZOOM);
        c.count = 3;
        c.list[0] = pinch.factor;
        c.list[1] = pinch.x;
        c.list[2] = pinch.y;
        out[n++] = c;
    }
    if (n > 0) anchor(t);
    return n;
}

int ui_touch_owns_mouse(const ui_touch *t, const SDL_Event *ev)
{
    if (!t->held) return 0;
    switch (ev->type) {
    case SDL_MOUSEMOTION: return ev->motion.which == SDL_TOUCH_MOUSEID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: return ev->button.which == SDL_TOUCH_MOUSEID;
    default: return 0;
    }
}

/* xl_session_view: what the landscape shows (part of the session module; see
 * xl_session_impl.h).
 *
 * The view is the slice through the current parameters or the fixed plane through the
 * start; its box is the square [-R, R] that follows the runs, or the box the learner
 * zoomed, panned or fitted. The grid is a cache of the loss over that box, filled when
 * it is first asked for after a change.
 */
#include "xl_session_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double plane_loss(const void *self, const double *t)
{
    const struct plane *pl = self;
    double theta[XL_MAX_PARAMS];
    for (int i = 0; i < pl->np; i++)
        theta[i] = pl->origin[i] + t[0] * pl->d1[i] + t[1] * pl->d2[i];
    return pl->base.ops->loss(pl->base.self, theta);
}

static void plane_gradient(const void *self, const double *t, double *g)
{
    /* dL/dx = grad . d1, dL/dy = grad . d2 (chain rule). */
    const struct plane *pl = self;
    double theta[XL_MAX_PARAMS], grad[XL_MAX_PARAMS];
    for (int i = 0; i < pl->np; i++)
        theta[i] = pl->origin[i] + t[0] * pl->d1[i] + t[1] * pl->d2[i];
    pl->base.ops->gradient(pl->base.self, theta, grad);
    g[0] = g[1] = 0.0;
    for (int i = 0; i < pl->np; i++) {
        g[0] += grad[i] * pl->d1[i];
        g[1] += grad[i] * pl->d2[i];
    }
}

static double plane_floor(const void *self)
{
    const struct plane *pl = self;
    return pl->base.ops->floor(pl->base.self);
}

static int plane_param_count(const void *self)
{
    (void)self;
    return 2;
}

static unsigned long plane_version(const void *self)
{
    /* A new plane or an edited truth: either changes the loss over (x, y). */
    const struct plane *pl = self;
    return xl_model_version(pl->base) * 7919u + pl->generation;
}

static const xl_model_ops plane_ops = {
    .id = "plane", .loss = plane_loss, .gradient = plane_gradient, .floor = plane_floor,
    .param_count = plane_param_count, .version = plane_version,
};

static double dot(const double *a, const double *b, int n)
{
    double d = 0.0;
    for (int i = 0; i < n; i++)
        d += a[i] * b[i];
    return d;
}

/* v -= (v . u) u, then v /= |v|; 0 if v had no part orthogonal to u (or was not
 * finite). */
static int orthonormalize(double *v, const double *u, int n)
{
    double along = u ? dot(v, u, n) : 0.0;
    for (int i = 0; i < n; i++)
        v[i] -= along * (u ? u[i] : 0.0);
    double len = sqrt(dot(v, v, n));
    if (!(len > 1e-12) || !isfinite(len))
        return 0;
    for (int i = 0; i < n; i++)
        v[i] /= len;
    return 1;
}

/* The plane through the start: d1 along the first descent direction -grad L(theta0);
 * d2 toward the optimum where the scenario knows it, else along the part of the second
 * step's gradient that turns away from d1; a coordinate axis when neither has a part
 * orthogonal to d1 (the start is already the optimum, or descent runs straight). */
void xls_plane_build(xl_session *s)
{
    struct plane *pl = &s->plane;
    xl_model m = s->def->model(s->state);
    int n = m.ops->param_count(m.self);
    pl->base = m;
    pl->np = n;
    memcpy(pl->origin, xl_sim_theta0(MAIN(s)), (size_t)n * sizeof(double));
    double g[XL_MAX_PARAMS];
    m.ops->gradient(m.self, pl->origin, g);
    for (int i = 0; i < n; i++)
        pl->d1[i] = -g[i];
    if (!orthonormalize(pl->d1, NULL, n)) {
        memset(pl->d1, 0, sizeof pl->d1);
        pl->d1[0] = 1.0;
    }
    pl->toward_optimum = 0;
    double opt[XL_MAX_PARAMS];
    if (s->def->optimum && s->def->optimum(s->state, pl->origin, opt)) {
        for (int i = 0; i < n; i++)
            pl->d2[i] = opt[i] - pl->origin[i];
        pl->toward_optimum = orthonormalize(pl->d2, pl->d1, n);
    }
    if (!pl->toward_optimum) {
        double t1[XL_MAX_PARAMS];
        for (int i = 0; i < n; i++)
            t1[i] = pl->origin[i] + xl_sim_lr(MAIN(s)) * pl->d1[i];
        m.ops->gradient(m.self, t1, pl->d2);
        for (int i = 0; i < n; i++)
            pl->d2[i] = -pl->d2[i];
        for (int k = 0; !orthonormalize(pl->d2, pl->d1, n) && k < n; k++) {
            memset(pl->d2, 0, sizeof pl->d2);
            pl->d2[k] = 1.0;
        }
    }
    pl->generation++;
}

xl_frame xl_session_frame(const xl_session *s)
{
    assert(s != NULL);
    return s->frame;
}

void xl_session_view_point(const xl_session *s, const double *theta, double *x, double *y)
{
    assert(s != NULL && theta != NULL && x != NULL && y != NULL);
    if (s->frame == XL_FRAME_SLICE) {
        *x = theta[s->sa];
        *y = theta[s->sb];
        return;
    }
    const struct plane *pl = &s->plane;
    double d[XL_MAX_PARAMS];
    for (int i = 0; i < pl->np; i++)
        d[i] = theta[i] - pl->origin[i];
    *x = dot(d, pl->d1, pl->np);
    *y = dot(d, pl->d2, pl->np);
}

void xl_session_view_theta(const xl_session *s, const double *base, double x, double y, double *theta)
{
    assert(s != NULL && base != NULL && theta != NULL);
    const struct plane *pl = &s->plane;
    if (s->frame == XL_FRAME_SLICE) {
        memcpy(theta, base, (size_t)pl->np * sizeof(double));
        theta[s->sa] = x;
        theta[s->sb] = y;
        return;
    }
    for (int i = 0; i < pl->np; i++)
        theta[i] = pl->origin[i] + x * pl->d1[i] + y * pl->d2[i];
}

double xl_session_view_distance(const xl_session *s, const double *theta)
{
    assert(s != NULL && theta != NULL);
    const struct plane *pl = &s->plane;
    double r2 = 0.0;
    if (s->frame == XL_FRAME_SLICE) {
        const double *now = xl_sim_theta(MAIN(s));
        for (int i = 0; i < pl->np; i++)
            if (i != s->sa && i != s->sb)
                r2 += (theta[i] - now[i]) * (theta[i] - now[i]);
        return sqrt(r2);
    }
    double x, y;
    xl_session_view_point(s, theta, &x, &y);
    for (int i = 0; i < pl->np; i++) {
        double r = theta[i] - pl->origin[i] - x * pl->d1[i] - y * pl->d2[i];
        r2 += r * r;
    }
    return sqrt(r2);
}

int xl_session_view_minimum(const xl_session *s, double *x, double *y)
{
    assert(s != NULL && x != NULL && y != NULL);
    if (s->frame == XL_FRAME_SLICE)
        return s->def->slice_minimum &&
               s->def->slice_minimum(s->state, xl_sim_theta(MAIN(s)), s->sa, s->sb, x, y);
    double opt[XL_MAX_PARAMS];
    if (!s->plane.toward_optimum || !s->def->optimum ||
        !s->def->optimum(s->state, s->plane.origin, opt))
        return 0;
    xl_session_view_point(s, opt, x, y);
    return 1;
}

const char *xl_session_axis_name(const xl_session *s, int axis)
{
    assert(s != NULL && (axis == 0 || axis == 1));
    if (s->frame == XL_FRAME_SLICE)
        return xl_model_param_name(s->def->model(s->state), axis == 0 ? s->sa : s->sb);
    if (axis == 0)
        return "α: along −∇L at the start";
    return s->plane.toward_optimum ? "β: toward the minimum" : "β: where the descent turns";
}

void xls_reset_range(xl_session *s)
{
    s->range = XL_DEFAULT_RANGE;
    s->view_manual = 0;
}

void xls_note_point(xl_session *s)
{
    for (int r = 0; r < s->nruns; r++) {
        const double *z = xl_sim_theta(s->runs[r]);
        int np = xl_sim_param_count(s->runs[r]);
        for (int k = 0; k < np; k++)
            if (fabs(z[k]) > s->seen[k])
                s->seen[k] = fabs(z[k]);
    }
}

void xls_clear_seen(xl_session *s)
{
    memset(s->seen, 0, sizeof s->seen);
    xls_note_point(s);
}

/* Keep the landscape current: its range covers where the run has been, and its grid
 * is the loss over the slice now. */
void xls_update_view(xl_session *s)
{
    if (!(s->def->panels & XL_PANEL_LANDSCAPE)) {
        s->ls_stale = 0; /* no landscape is shown: nothing to follow or fill */
        return;
    }
    double m = 0.0;
    if (s->frame == XL_FRAME_SLICE) {
        const double *z = xl_sim_theta(MAIN(s));
        const double *z0 = xl_sim_theta0(MAIN(s));
        m = s->seen[s->sa] > s->seen[s->sb] ? s->seen[s->sa] : s->seen[s->sb];
        double cand[4] = { fabs(z[s->sa]), fabs(z[s->sb]), fabs(z0[s->sa]), fabs(z0[s->sb]) };
        for (int i = 0; i < 4; i++)
            if (cand[i] > m)
                m = cand[i];
    } else {
        /* Everywhere every run has been, projected. */
        for (int r = 0; r < s->nruns; r++) {
            int count = xl_sim_history_count(s->runs[r]);
            for (int i = 0; i < count; i++) {
                double x, y;
                xl_session_view_point(s, xl_sim_history_theta(s->runs[r], i), &x, &y);
                if (fabs(x) > m) m = fabs(x);
                if (fabs(y) > m) m = fabs(y);
            }
        }
    }
    if (m > s->range - 0.5)
        s->range = 2.0 * ceil((m + 1.0) / 2.0);
    /* Parameters start within XL_PARAM_LIMIT and a step moves them by at most lr, so m
     * stays far below DBL_MAX; the cap keeps the range, hi - lo and every coordinate
     * finite even so (2 ceil((m + 1) / 2) overflowed to infinity for m = 1e308). */
    if (!(s->range <= XLS_MAX_RANGE))
        s->range = XLS_MAX_RANGE;
    double b[4] = {-s->range, s->range, -s->range, s->range};
    if (s->view_manual)
        memcpy(b, s->box, sizeof b);
    memcpy(s->ls_box, b, sizeof b);
    s->ls_stale = 1;
}

/* Fill the grid for the state as it is now, over the extent xls_update_view chose. */
static void refresh_landscape(xl_session *s)
{
    s->ls_stale = 0;
    const double *z = xl_sim_theta(MAIN(s));
    const double *b = s->ls_box;
    if (!(s->def->panels & XL_PANEL_LANDSCAPE)) {
        /* Nothing shows it: the grid keeps what it last held. */
    } else if (s->frame == XL_FRAME_PLANE) {
        xl_model pm = {&plane_ops, &s->plane};
        double origin[2] = {0.0, 0.0};
        xl_landscape_compute_box(s->ls, pm, origin, 0, 1, b[0], b[1], b[2], b[3]);
    } else if (s->def->landscape) {
        s->def->landscape(s->state, s->ls, z, s->sa, s->sb, b[0], b[1], b[2], b[3]);
    } else {
        xl_landscape_compute_box(s->ls, s->def->model(s->state), z, s->sa, s->sb, b[0], b[1], b[2], b[3]);
    }
}

/* Pairs (a, b), a < b, in lexicographic order; index <-> pair. */
static void slice_move(xl_session *s, int dir)
{
    int n = xl_sim_param_count(MAIN(s));
    int pairs = n * (n - 1) / 2;
    int idx = 0;
    for (int a = 0; a < s->sa; a++)
        idx += n - 1 - a;
    idx += s->sb - s->sa - 1;
    idx = ((idx + dir) % pairs + pairs) % pairs;
    int a = 0;
    while (idx >= n - 1 - a) {
        idx -= n - 1 - a;
        a++;
    }
    s->sa = a;
    s->sb = a + 1 + idx;
    xls_reset_range(s);
}

/* The simplex draws Q = softmax(θ) over three outcomes: possible where the bars say
 * their Q is the softmax of the steered run's own three parameters (the softmax
 * scenario with three classes), whichever scenario that is. */
int xl_session_simplex_possible(const xl_session *s)
{
    assert(s != NULL);
    xl_bars b;
    xl_session_bars(s, &b);
    return b.n == 3 && b.logits == xl_sim_theta(MAIN(s)) && xl_sim_param_count(MAIN(s)) == 3;
}

int xl_session_simplex(const xl_session *s)
{
    assert(s != NULL);
    return s->simplex && xl_session_simplex_possible(s);
}

/* The view box now: the learner's, or the square the run is followed in. */
static void view_box(const xl_session *s, double *b)
{
    if (s->view_manual) {
        memcpy(b, s->box, 4 * sizeof(double));
        return;
    }
    b[0] = b[2] = -s->range;
    b[1] = b[3] = s->range;
}

/* Every point of the view's paths, the start and the minimum, into a square box with
 * a margin: what double-click fits to. */
static void fit_box(const xl_session *s, double *b)
{
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    for (int r = 0; r < s->nruns; r++) {
        const xl_sim *run = s->runs[r];
        for (int i = -1; i < xl_sim_history_count(run); i++) {
            double p[2];
            xl_session_view_point(s, i < 0 ? xl_sim_theta0(run) : xl_sim_history_theta(run, i), &p[0], &p[1]);
            for (int k = 0; k < 2; k++)
                if (isfinite(p[k])) {
                    lo[k] = fmin(lo[k], p[k]);
                    hi[k] = fmax(hi[k], p[k]);
                }
        }
    }
    double mx, my;
    if (xl_session_view_minimum(s, &mx, &my) && isfinite(mx) && isfinite(my) && fabs(mx) < XLS_MAX_RANGE &&
        fabs(my) < XLS_MAX_RANGE) {
        lo[0] = fmin(lo[0], mx), hi[0] = fmax(hi[0], mx);
        lo[1] = fmin(lo[1], my), hi[1] = fmax(hi[1], my);
    }
    double half = 0.5 * fmax(hi[0] - lo[0], hi[1] - lo[1]) * 1.15 + 0.5;
    if (!isfinite(half) || !(half > 0.0))
        half = XL_DEFAULT_RANGE;
    half = fmin(half, XLS_MAX_RANGE);
    for (int k = 0; k < 2; k++) {
        double c = isfinite(lo[k]) ? 0.5 * lo[k] + 0.5 * hi[k] : 0.0;
        b[2 * k] = c - half;
        b[2 * k + 1] = c + half;
    }
}

/* zoom F,X,Y (the view shrinks by F around (X, Y): F < 1 zooms in), pan DX,DY, fit. */
static int change_view(xl_session *s, const xl_command *cmd)
{
    const char *name = xl_command_name(cmd->kind);
    double b[4];
    view_box(s, b);
    if (cmd->kind == XL_CMD_FIT) {
        fit_box(s, b);
    } else if (cmd->kind == XL_CMD_ZOOM) {
        if (cmd->count != 3 || !(cmd->list[0] >= 0.01 && cmd->list[0] <= 100.0))
            return xls_refuse(s, "%s needs a factor from 0.01 to 100 and the point to zoom around, e.g. zoom 0.8,1,-2",
                          name);
        const double f = cmd->list[0], at[2] = {cmd->list[1], cmd->list[2]};
        for (int k = 0; k < 2; k++) {
            b[2 * k] = at[k] + (b[2 * k] - at[k]) * f;
            b[2 * k + 1] = at[k] + (b[2 * k + 1] - at[k]) * f;
        }
    } else {
        if (cmd->count != 2)
            return xls_refuse(s, "%s needs two numbers, how far to move the view, e.g. pan 0.5,-1", name);
        for (int k = 0; k < 2; k++) {
            b[2 * k] += cmd->list[k];
            b[2 * k + 1] += cmd->list[k];
        }
    }
    /* The view stays where numbers mean something: widths from 1e-9 of a unit to the
     * widest view, every edge within the largest range. */
    for (int k = 0; k < 2; k++) {
        double w = b[2 * k + 1] - b[2 * k];
        if (!(w >= 1e-9 * fmax(1.0, fabs(b[2 * k]))) || !(w <= 2.0 * XLS_MAX_RANGE) || !(fabs(b[2 * k]) <= XLS_MAX_RANGE) ||
            !(fabs(b[2 * k + 1]) <= XLS_MAX_RANGE))
            return xls_refuse(s, "%s: the view would leave the numbers the landscape can show", name);
    }
    memcpy(s->box, b, sizeof s->box);
    s->view_manual = 1;
    return 1;
}

/* move-to and start-at: every run to the point (x, y) of the landscape's view, the
 * parameters off the view's plane kept (the slice: where each run is, or starts). */
static int place_runs(xl_session *s, const xl_command *cmd)
{
    const char *name = xl_command_name(cmd->kind);
    if (cmd->count != 2)
        return xls_refuse(s, "%s needs two numbers, the point's coordinates, e.g. 1.5,-0.5", name);
    const double x = cmd->list[0], y = cmd->list[1];
    /* Parameters stay within the logits' limit, where their differences cannot overflow. */
    if (!(fabs(x) <= XL_PARAM_LIMIT && fabs(y) <= XL_PARAM_LIMIT))
        return xls_refuse(s, "%s: the point lies beyond ±1e300, where parameters are allowed", name);
    const int start = cmd->kind == XL_CMD_START_AT;
    /* A point where the model is not defined (its loss is not finite: a Gaussian's
     * sigma_q beyond its domain) is refused before any run moves, rather than placed
     * and reported as a divergence at once. */
    const xl_model model = s->def->model(s->state);
    for (int r = 0; r < s->nruns; r++) {
        double theta[XL_MAX_PARAMS];
        const xl_sim *run = s->runs[r];
        xl_session_view_theta(s, start ? xl_sim_theta0(run) : xl_sim_theta(run), x, y, theta);
        if (!isfinite(model.ops->loss(model.self, theta))) {
            char what[sizeof s->message];
            snprintf(what, sizeof what, "%s: %s = %g, %s = %g lies outside the model (its loss is not finite there)",
                     name, xl_session_axis_name(s, 0), x, xl_session_axis_name(s, 1), y);
            return xls_refuse(s, "%s", what);
        }
    }
    if (start && s->def->restart)
        s->def->restart(s->state); /* the runs start over, and the truth with them */
    for (int r = 0; r < s->nruns; r++) {
        double theta[XL_MAX_PARAMS];
        const xl_sim *run = s->runs[r];
        xl_session_view_theta(s, start ? xl_sim_theta0(run) : xl_sim_theta(run), x, y, theta);
        if ((start ? xl_sim_set_theta0(s->runs[r], theta) : xl_sim_set_theta(s->runs[r], theta)) != 0)
            return xls_refuse(s, "%s: that point is not a finite set of parameters", name);
    }
    if (start) {
        s->acc = 0.0;
        xls_plane_build(s);
        xls_clear_seen(s);
    } else {
        xls_note_point(s);
    }
    return 1;
}

/* What is selected and how the numbers and the landscape are shown. Returns 1 or 0 (taken or refused), -1 if not one of these. */
int xls_apply_view(xl_session *s, const xl_command *cmd)
{
    int items = s->def->item_count(s->state);
    switch (cmd->kind) {
    case XL_CMD_SELECT:
        if (cmd->n < 0 || cmd->n >= items) {
            char what[96];
            snprintf(what, sizeof what, "select K needs K from 1 to %d", items);
            return xls_refuse(s, "%s", what);
        }
        s->selected = (int)cmd->n;
        return 1;
    case XL_CMD_SELECT_NEXT:
        s->selected = (s->selected + 1) % items;
        return 1;
    case XL_CMD_SELECT_PREV:
        s->selected = (s->selected + items - 1) % items;
        return 1;
    case XL_CMD_SLICE_NEXT:
    case XL_CMD_SLICE_PREV:
    case XL_CMD_FRAME_TOGGLE:
    case XL_CMD_MOVE_TO:
    case XL_CMD_START_AT:
    case XL_CMD_ZOOM:
    case XL_CMD_PAN:
    case XL_CMD_FIT:
        if (!(s->def->panels & XL_PANEL_LANDSCAPE))
            return xls_refuse(s, "the %s shows no loss landscape", s->def->title);
        break;
    default:
        break;
    }
    switch (cmd->kind) {
    case XL_CMD_SLICE_NEXT:
        slice_move(s, 1);
        return 1;
    case XL_CMD_SLICE_PREV:
        slice_move(s, -1);
        return 1;
    case XL_CMD_UNIT_TOGGLE:
        s->unit = s->unit == XL_NATS ? XL_BITS : XL_NATS;
        return 1;
    case XL_CMD_FRAME_TOGGLE:
        /* Three classes have a third view, the simplex: slice, plane, simplex, slice. */
        if (s->simplex) {
            s->simplex = 0;
            s->frame = XL_FRAME_SLICE;
        } else if (s->frame == XL_FRAME_PLANE && xl_session_simplex_possible(s)) {
            s->simplex = 1;
        } else {
            s->frame = s->frame == XL_FRAME_SLICE ? XL_FRAME_PLANE : XL_FRAME_SLICE;
        }
        xls_reset_range(s);
        return 1;
    case XL_CMD_SIMPLEX:
        if (!xl_session_simplex_possible(s))
            return xls_refuse(s, "%s", "the simplex view is for Q = softmax(z) over 3 classes: the softmax with param classes=3");
        s->simplex = !s->simplex;
        return 1;
    case XL_CMD_MOVE_TO:
    case XL_CMD_START_AT:
        return place_runs(s, cmd);
    case XL_CMD_ZOOM:
    case XL_CMD_PAN:
    case XL_CMD_FIT:
        return change_view(s, cmd);
    default:
        return -1;
    }
}

const xl_landscape *xl_session_landscape(const xl_session *s)
{
    assert(s != NULL);
    /* The grid is a cache of the state, not state: filling it here changes nothing a
     * caller can observe but the time the call takes. */
    if (s->ls_stale)
        refresh_landscape((xl_session *)s);
    return s->ls;
}

/* xl_session: the state machine around one scenario and its simulation.
 *
 * Everything but xl_session_advance is a pure function of the commands applied. Time
 * is turned into fixed steps by an accumulator: each call adds seconds * steps_per_second,
 * takes floor() of it as steps and keeps the fraction, so the number of steps depends on
 * the total time only, not on how it was sliced into frames (capped at one second's
 * worth per call so a stalled window does not unleash a burst).
 *
 * The scenario's state lives inside the session (plain data, so it never moves and the
 * model the sim borrows stays valid); switching scenario re-initializes it in place.
 * After every change the view data are brought up to date (update_view), so the frame
 * only reads. The landscape range [-R, R] starts at XL_DEFAULT_RANGE and grows in steps
 * of 2 so the start, the current point and everywhere the trajectory has been stay at
 * least half a unit inside the frame.
 */
#include "xl_session.h"

#include <assert.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The run every single-run operation steers. */
#define MAIN(s) ((s)->runs[0])

struct xl_session {
    const xl_scenario_def *def;
    double params[XL_SCENARIO_PARAMS_MAX];
    uint64_t seed;
    /* runs[0] is the run being steered; a race adds more, each its own optimizer kind,
     * all from the same start with the same rate and hyperparameters. Their models
     * borrow state. */
    xl_sim *runs[XL_RACE_MAX];
    int nruns;
    xl_optim_kind kinds[XL_RACE_MAX];
    xl_optim_hyper hyper;
    int racing;
    xl_landscape *ls;
    /* The grid is a view of the state, filled when first asked for after a change
     * (xl_session_landscape): a frame can have it computed on another thread while it
     * draws what does not need it, and a run of steps with no frame between them does
     * not fill it at every step. `ls_box` is the extent update_view chose for it. */
    int ls_stale;
    double ls_box[4];
    int playing;
    int selected;
    xl_unit unit;
    int sps;
    double acc;       /* steps due but not yet taken, in [0, 1) between calls */
    int sa, sb;       /* landscape slice, sa < sb */
    xl_frame frame;
    int simplex;      /* the softmax at N = 3: the simplex shown in the landscape's place */
    /* The fixed plane: origin theta0 and orthonormal directions d1 (first descent
     * direction), d2 (toward the optimum, or where descent turns); its model evaluates
     * the scenario's loss at theta0 + x d1 + y d2. */
    struct plane {
        xl_model base;
        int np;
        double origin[XL_MAX_PARAMS], d1[XL_MAX_PARAMS], d2[XL_MAX_PARAMS];
        int toward_optimum;
        unsigned long generation;
    } plane;
    double range;
    /* A view the learner zoomed or panned (or fitted): the landscape shows this box
     * instead of [-range, range] on both axes, and stops following the run until the
     * view is reset (a new slice, frame or scenario). */
    int view_manual;
    double box[4];              /* xlo, xhi, ylo, yhi */
    double seen[XL_MAX_PARAMS]; /* max |theta_k| since reset */
    xl_step_observer observer;
    void *observer_user;
    char message[192];
    /* Undo and redo: snapshots from before each edit (newest last), at most
     * XL_UNDO_MAX each. They belong to this session alone: a snapshot's copy of these
     * fields is never used, and restoring keeps the session's own. */
    struct xl_session_snapshot *undo[XL_UNDO_MAX], *redo[XL_UNDO_MAX];
    int nundo, nredo;
    xl_command_kind last_kind;   /* the last command taken, for merging a drag's edits */
    /* The timeline, for rewinding: checkpoints (snapshots at steps, oldest first), one
     * every `interval` steps and one after every edit, so between two of them there are
     * only plain steps and re-simulating from one reaches any later step exactly. `head`
     * is the furthest step of this timeline; a step or an edit taken while rewound
     * before it forks: the checkpoints after it go. Session-owned, like the undo stacks. */
    struct checkpoint {
        long step;
        int edit;                       /* taken after an edit: never thinned out */
        struct xl_session_snapshot *snap;
    } cps[XL_CHECKPOINTS_MAX];
    int ncps;
    long interval, head;
    int replaying;                       /* re-simulating for a rewind: no checkpoints, no observer */
    /* The scenario's state, last: a snapshot keeps only the def->state_size bytes of it
     * that the scenario uses (a softmax's few hundred, not the million coins' room). */
    union {
        unsigned char bytes[XL_SCENARIO_STATE_MAX];
        double align_double; /* the state holds doubles: keep it aligned for them */
        long align_long;
    } state;
};

/* 1-2-5 steps from 0.001 to 100, the largest rate --lr accepts. lr-up from below the
 * foot (a denormal --lr 1e-320) joins at 0.001; lr-down there, or lr-up at the top,
 * keeps the rate. */
static const double lr_ladder[] = {
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100,
};
/* Widest landscape range: 4 XL_MAX_LOGIT, so hi - lo = 8e300 and (hi - lo) * G stay
 * finite. */
static const double MAX_RANGE = 4.0 * XL_MAX_LOGIT;

static const double speed_ladder[] = { 1, 2, 5, 10, 15, 30, 60, 120, 240 };

/* Momentum and Adam's beta1: the values textbooks and papers try. */
static const double decay_ladder[] = { 0.5, 0.8, 0.9, 0.95, 0.99 };
static const double beta2_ladder[] = { 0.9, 0.99, 0.999, 0.9999 };
static const double eps_ladder[] = { 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2 };

/* A step due within this many steps of now is taken now: summing 1/60 s sixty times does
 * not give exactly 1 s in binary, and one frame's rounding must not drop a step. */
static const double DUE_EPS = 1e-9;

static void fill_defaults(const xl_scenario_def *def, double *params)
{
    for (int i = 0; i < XL_SCENARIO_PARAMS_MAX; i++)
        params[i] = i < def->param_count ? def->params[i].def : 0.0;
}

void xl_session_desc_set_scenario(xl_session_desc *d, const xl_scenario_def *def)
{
    assert(d != NULL && def != NULL);
    d->scenario = def;
    fill_defaults(def, d->params);
}

static void desc_take_softmax(xl_session_desc *d, const xl_softmax_state *st)
{
    d->classifier = st->c;
    memcpy(d->z0, st->z0, sizeof d->z0);
}

int xl_session_desc_set_classes(xl_session_desc *d, int n, uint64_t seed)
{
    assert(d != NULL);
    xl_softmax_state st;
    if (xl_softmax_state_set_classes(&st, n, seed) != 0)
        return -1;
    desc_take_softmax(d, &st);
    d->params[0] = n;
    d->seed = seed;
    return 0;
}

void xl_session_desc_default(xl_session_desc *d, uint64_t seed)
{
    assert(d != NULL);
    memset(d, 0, sizeof *d);
    xl_session_desc_set_scenario(d, &xl_scenario_softmax);
    d->seed = seed;
    xl_softmax_state st;
    xl_softmax_state_default(&st, seed);
    desc_take_softmax(d, &st);
    d->lr = XL_DEFAULT_LR;
    d->steps_per_second = XL_DEFAULT_STEPS_PER_SECOND;
    d->grid = XL_DEFAULT_GRID;
}

static int param_ok(const xl_param_def *p, double v)
{
    return isfinite(v) && v >= p->lo && v <= p->hi && (!p->whole || v == floor(v));
}

static int say(char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", what);
    return -1;
}

/* Fill s->state for def: from the desc's softmax fields for the softmax (so the command
 * line's names, P and logits hold), from the parameters for any other scenario. */
static int init_state(xl_session *s, const xl_scenario_def *def, const xl_session_desc *d, char *err,
                      size_t errlen)
{
    if (def->state_size > sizeof s->state.bytes)
        return say(err, errlen, "the scenario's state is too large");
    for (int i = 0; i < def->param_count; i++) {
        if (!param_ok(&def->params[i], s->params[i])) {
            if (err && errlen)
                snprintf(err, errlen, "%s must be %s from %g to %g", def->params[i].name,
                         def->params[i].whole ? "a whole number" : "a number", def->params[i].lo, def->params[i].hi);
            return -1;
        }
    }
    memset(s->state.bytes, 0, sizeof s->state.bytes);
    if (def == &xl_scenario_softmax && d != NULL) {
        xl_softmax_state *st = (xl_softmax_state *)(void *)s->state.bytes;
        st->c = d->classifier;
        memcpy(st->z0, d->z0, sizeof st->z0);
        return xl_softmax_state_check(st, err, errlen);
    }
    return def->init(s->state.bytes, s->params, s->seed, err, errlen);
}


/* ---- the fixed plane ---- */

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
static void plane_build(xl_session *s)
{
    struct plane *pl = &s->plane;
    xl_model m = s->def->model(s->state.bytes);
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
    if (s->def->optimum && s->def->optimum(s->state.bytes, pl->origin, opt)) {
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
               s->def->slice_minimum(s->state.bytes, xl_sim_theta(MAIN(s)), s->sa, s->sb, x, y);
    double opt[XL_MAX_PARAMS];
    if (!s->plane.toward_optimum || !s->def->optimum ||
        !s->def->optimum(s->state.bytes, s->plane.origin, opt))
        return 0;
    xl_session_view_point(s, opt, x, y);
    return 1;
}

const char *xl_session_axis_name(const xl_session *s, int axis)
{
    assert(s != NULL && (axis == 0 || axis == 1));
    if (s->frame == XL_FRAME_SLICE)
        return xl_model_param_name(s->def->model(s->state.bytes), axis == 0 ? s->sa : s->sb);
    if (axis == 0)
        return "α: along −∇L at the start";
    return s->plane.toward_optimum ? "β: toward the minimum" : "β: where the descent turns";
}

static void reset_range(xl_session *s)
{
    s->range = XL_DEFAULT_RANGE;
    s->view_manual = 0;
}

static void note_point(xl_session *s)
{
    for (int r = 0; r < s->nruns; r++) {
        const double *z = xl_sim_theta(s->runs[r]);
        int np = xl_sim_param_count(s->runs[r]);
        for (int k = 0; k < np; k++)
            if (fabs(z[k]) > s->seen[k])
                s->seen[k] = fabs(z[k]);
    }
}

static void clear_seen(xl_session *s)
{
    memset(s->seen, 0, sizeof s->seen);
    note_point(s);
}

/* Keep the landscape current: its range covers where the run has been, and its grid
 * is the loss over the slice now. */
static void update_view(xl_session *s)
{
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
    /* Parameters start within XL_MAX_LOGIT and a step moves them by at most lr, so m
     * stays far below DBL_MAX; the cap keeps the range, hi - lo and every coordinate
     * finite even so (2 ceil((m + 1) / 2) overflowed to infinity for m = 1e308). */
    if (!(s->range <= MAX_RANGE))
        s->range = MAX_RANGE;
    double b[4] = {-s->range, s->range, -s->range, s->range};
    if (s->view_manual)
        memcpy(b, s->box, sizeof b);
    memcpy(s->ls_box, b, sizeof b);
    s->ls_stale = 1;
}

/* Fill the grid for the state as it is now, over the extent update_view chose. */
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
        s->def->landscape(s->state.bytes, s->ls, z, s->sa, s->sb, b[0], b[1], b[2], b[3]);
    } else {
        xl_landscape_compute_box(s->ls, s->def->model(s->state.bytes), z, s->sa, s->sb, b[0], b[1], b[2], b[3]);
    }
}

static void destroy_runs(xl_session *s)
{
    for (int r = 0; r < XL_RACE_MAX; r++) {
        xl_sim_destroy(s->runs[r]);
        s->runs[r] = NULL;
    }
}

/* New runs of the scenario from its starting parameters, one per optimizer kind in
 * s->kinds[0..nruns-1], all at rate lr. */
static int start_sim(xl_session *s, double lr)
{
    /* New runs start at step 0, and a truth that evolves starts over with them, so the
     * truth's clock and the runs' step count stay one (a race restarts both). */
    if (s->def->restart)
        s->def->restart(s->state.bytes);
    double theta0[XL_MAX_PARAMS];
    xl_model m = s->def->model(s->state.bytes);
    int np = m.ops->param_count(m.self);
    if (np < 2 || np > XL_MAX_PARAMS)
        return -1;
    s->def->start(s->state.bytes, theta0);
    xl_sim *runs[XL_RACE_MAX] = {NULL};
    for (int r = 0; r < s->nruns; r++) {
        runs[r] = xl_sim_create(m, theta0, lr);
        xl_optim_hyper h = s->hyper;
        h.lr = lr;
        if (runs[r] == NULL || xl_sim_set_optimizer(runs[r], s->kinds[r], h) != 0) {
            for (int k = 0; k <= r; k++)
                xl_sim_destroy(runs[k]);
            return -1;
        }
    }
    destroy_runs(s);
    memcpy(s->runs, runs, sizeof runs);
    s->acc = 0.0;
    if (s->sb >= np || s->sa >= s->sb) {
        s->sa = 0;
        s->sb = 1;
    }
    reset_range(s);
    clear_seen(s);
    plane_build(s);
    return 0;
}

static void clear_timeline(xl_session *s);
static void restart_timeline(xl_session *s);

/* What is selected when a scenario starts: where the scenario says the eye goes first
 * (diffusion: the cell holding the most probability), else the first item. */
static int first_selection(const xl_session *s)
{
    int i = s->def->first_item ? s->def->first_item(s->state.bytes) : 0;
    return i >= 0 && i < s->def->item_count(s->state.bytes) ? i : 0;
}

xl_session *xl_session_create_checked(const xl_session_desc *d, char *err, size_t errlen)
{
    assert(d != NULL);
    if (!isfinite(d->lr) || !(d->lr > 0.0)) {
        say(err, errlen, "the learning rate must be a number greater than 0");
        return NULL;
    }
    if (d->steps_per_second < 1 || d->grid < 2 || d->grid > XL_LANDSCAPE_MAX_G) {
        say(err, errlen, "steps per second and the landscape grid are out of range");
        return NULL;
    }
    xl_session *s = calloc(1, sizeof *s);
    if (s == NULL) {
        say(err, errlen, "out of memory");
        return NULL;
    }
    s->def = d->scenario ? d->scenario : &xl_scenario_softmax;
    memcpy(s->params, d->params, sizeof s->params);
    if (d->scenario == NULL)
        fill_defaults(s->def, s->params);
    s->seed = d->seed;
    s->sps = d->steps_per_second;
    s->unit = XL_NATS;
    s->sa = 0;
    s->sb = 1;
    s->hyper = d->hyper;
    s->hyper.lr = 0.0;
    if (d->race_count >= 2 && d->race_count <= XL_RACE_MAX) {
        s->nruns = d->race_count;
        memcpy(s->kinds, d->race, sizeof s->kinds);
        s->racing = 1;
    } else {
        s->nruns = 1;
        s->kinds[0] = d->optimizer;
    }
    for (int r = 0; r < s->nruns; r++) {
        if (s->kinds[r] < 0 || s->kinds[r] >= XL_OPTIM_KIND_COUNT) {
            say(err, errlen, "unknown optimizer");
            free(s);
            return NULL;
        }
    }
    s->ls = xl_landscape_create(d->grid);
    if (s->ls == NULL || init_state(s, s->def, d, err, errlen) != 0 || start_sim(s, d->lr) != 0) {
        if (s->ls == NULL || (err && errlen && err[0] == '\0'))
            say(err, errlen, "out of memory");
        xl_session_destroy(s);
        return NULL;
    }
    s->selected = first_selection(s);
    update_view(s);
    restart_timeline(s);
    return s;
}

xl_session *xl_session_create(const xl_session_desc *d)
{
    char err[192] = "";
    return xl_session_create_checked(d, err, sizeof err);
}

static void clear_history_stack(struct xl_session_snapshot **stack, int *n)
{
    for (int i = 0; i < *n; i++)
        xl_session_snapshot_free(stack[i]);
    *n = 0;
}

void xl_session_destroy(xl_session *s)
{
    if (s == NULL)
        return;
    clear_history_stack(s->undo, &s->nundo);
    clear_history_stack(s->redo, &s->nredo);
    clear_timeline(s);
    destroy_runs(s);
    xl_landscape_destroy(s->ls);
    free(s);
}

static int refuse(xl_session *s, const char *fmt, const char *a)
{
    snprintf(s->message, sizeof s->message, fmt, a);
    return 0;
}

/* ---- the timeline ---- */

static void drop_checkpoint(xl_session *s, int i)
{
    xl_session_snapshot_free(s->cps[i].snap);
    memmove(&s->cps[i], &s->cps[i + 1], (size_t)(s->ncps - i - 1) * sizeof s->cps[0]);
    s->ncps--;
}

static void clear_timeline(xl_session *s)
{
    while (s->ncps > 0)
        drop_checkpoint(s, s->ncps - 1);
}

/* Room for one more: every other periodic checkpoint goes and the interval doubles; if
 * edits fill the timeline, the oldest goes (rewinding then reaches back less far). */
static void make_room(xl_session *s)
{
    if (s->ncps < XL_CHECKPOINTS_MAX)
        return;
    for (int i = s->ncps - 1; i > 0; i--)
        if (!s->cps[i].edit && s->cps[i].step % (2 * s->interval) != 0)
            drop_checkpoint(s, i);
    s->interval *= 2;
    if (s->ncps >= XL_CHECKPOINTS_MAX)
        drop_checkpoint(s, 0);
}

/* A checkpoint of the session as it is now; one already at this step is replaced (the
 * later state includes what was done there). Out of memory: none is taken, and a rewind
 * reaches only the checkpoints there are. */
static void add_checkpoint(xl_session *s, int edit)
{
    const long step = xl_sim_steps(MAIN(s));
    if (s->ncps > 0 && s->cps[s->ncps - 1].step == step) {
        edit |= s->cps[s->ncps - 1].edit;
        drop_checkpoint(s, s->ncps - 1);
    }
    make_room(s);
    xl_session_snapshot *snap = xl_session_save(s);
    if (snap == NULL)
        return;
    s->cps[s->ncps++] = (struct checkpoint){step, edit, snap};
}

/* A step or an edit now, while rewound before the head, starts a new future. */
static void fork_here(xl_session *s)
{
    const long step = xl_sim_steps(MAIN(s));
    while (s->ncps > 0 && s->cps[s->ncps - 1].step > step)
        drop_checkpoint(s, s->ncps - 1);
    s->head = step;
}

/* A new timeline starting from the session as it is (creation, undo, redo). */
static void restart_timeline(xl_session *s)
{
    clear_timeline(s);
    s->interval = XL_CHECKPOINT_INTERVAL;
    s->head = xl_sim_steps(MAIN(s));
    add_checkpoint(s, 1);
}

/* One step of every run that can still take one, plus the bookkeeping; 0 if none could
 * (every run diverged). The observer sees the steered run's sample. */
static int step_once(xl_session *s)
{
    if (!s->replaying && xl_sim_steps(MAIN(s)) < s->head)
        fork_here(s);
    int stepped = 0;
    const int main_ok = xl_sim_status_get(MAIN(s)) == XL_SIM_OK;
    if (s->def->evolve) {
        /* The truth moves first; every run then learns against where it is now. */
        s->def->evolve(s->state.bytes, xl_sim_steps(MAIN(s)) + 1);
        for (int r = 0; r < s->nruns; r++)
            xl_sim_model_changed(s->runs[r]);
    }
    /* Nothing to learn, or learning switched off: the runs hold while the truth moves. */
    const int learn = !s->def->gradient_free && (s->def->learning == NULL || s->def->learning(s->state.bytes));
    for (int r = 0; r < s->nruns; r++) {
        if (xl_sim_status_get(s->runs[r]) != XL_SIM_OK)
            continue;
        long before = xl_sim_steps(s->runs[r]);
        if (learn)
            xl_sim_step(s->runs[r], 1);
        else
            xl_sim_hold(s->runs[r]);
        stepped |= xl_sim_steps(s->runs[r]) != before;
    }
    if (!stepped) {
        /* The steered run refused this step (a divergence): the observer hears of it once,
         * with the last sample it took, so a trace ends with its diverged_at rather than
         * in silence. */
        if (main_ok && !s->replaying && s->observer != NULL && xl_sim_status_get(MAIN(s)) == XL_SIM_DIVERGED) {
            xl_sample cur = xl_sim_current(MAIN(s));
            s->observer(&cur, s->observer_user);
        }
        return 0;
    }
    note_point(s);
    if (s->replaying)
        return 1;
    const long step = xl_sim_steps(MAIN(s));
    if (step > s->head)
        s->head = step;
    if (step % s->interval == 0)
        add_checkpoint(s, 0);
    if (s->observer != NULL) {
        xl_sample cur = xl_sim_current(MAIN(s));
        s->observer(&cur, s->observer_user);
    }
    return 1;
}

static int any_running(const xl_session *s)
{
    for (int r = 0; r < s->nruns; r++)
        if (xl_sim_status_get(s->runs[r]) == XL_SIM_OK)
            return 1;
    return 0;
}

static void set_lr_all(xl_session *s, double lr)
{
    for (int r = 0; r < s->nruns; r++)
        xl_sim_set_lr(s->runs[r], lr);
}

/* Switch the optimizers: kinds[0..n-1] (n = 1 ends a race), same start, same rate.
 * The runs restart from the start: optimizers are compared on one path each. */
static int set_optimizers(xl_session *s, const xl_optim_kind *kinds, int n)
{
    xl_optim_kind saved[XL_RACE_MAX];
    int saved_n = s->nruns, saved_racing = s->racing;
    memcpy(saved, s->kinds, sizeof saved);
    memcpy(s->kinds, kinds, (size_t)n * sizeof kinds[0]);
    s->nruns = n;
    s->racing = n > 1;
    if (n == 1) {
        /* One optimizer: keep the run where it is, only its update rule changes; the
         * race's other runs go only once that has worked. */
        xl_optim_hyper h = s->hyper;
        h.lr = 0.0; /* keep the rate */
        if (xl_sim_set_optimizer(MAIN(s), kinds[0], h) == 0) {
            for (int r = 1; r < XL_RACE_MAX; r++) {
                xl_sim_destroy(s->runs[r]);
                s->runs[r] = NULL;
            }
            return 1;
        }
    } else if (start_sim(s, xl_sim_lr(MAIN(s))) == 0) {
        return 1;
    }
    memcpy(s->kinds, saved, sizeof saved);
    s->nruns = saved_n;
    s->racing = saved_racing;
    return refuse(s, "%s", "the optimizer could not be set");
}

/* A new hyperparameter for every run whose optimizer uses it. */
static int set_hyper(xl_session *s, double *field, double value, double lo, double hi, const char *what)
{
    if (!(value > lo && value < hi)) /* 0 means the default in xl_optim_hyper */
        return refuse(s, "%s", what);
    double saved = *field;
    *field = value;
    for (int r = 0; r < s->nruns; r++) {
        const xl_optim *o = xl_sim_optimizer(s->runs[r]);
        xl_optim_hyper h = o->hyper;
        h.mu = s->hyper.mu ? s->hyper.mu : h.mu;
        h.beta1 = s->hyper.beta1 ? s->hyper.beta1 : h.beta1;
        h.beta2 = s->hyper.beta2 ? s->hyper.beta2 : h.beta2;
        h.eps = s->hyper.eps ? s->hyper.eps : h.eps;
        if (xl_sim_set_optimizer(s->runs[r], o->kind, h) != 0) {
            *field = saved;
            return refuse(s, "%s", what);
        }
    }
    return 1;
}

/* "gd,momentum,adam": 2..XL_RACE_MAX distinct optimizer names. */
static int parse_race(const char *list, xl_optim_kind *kinds)
{
    int n = 0;
    const char *p = list;
    for (;;) {
        size_t len = strcspn(p, ",");
        char name[32];
        if (len == 0 || len >= sizeof name || n >= XL_RACE_MAX)
            return -1;
        memcpy(name, p, len);
        name[len] = '\0';
        if (xl_optim_kind_parse(name, &kinds[n]) != 0)
            return -1;
        for (int i = 0; i < n; i++)
            if (kinds[i] == kinds[n])
                return -1;
        n++;
        if (!p[len])
            break;
        p += len + 1;
    }
    return n >= 2 ? n : -1;
}

static double ladder_move(const double *ladder, int count, double value, int up)
{
    if (up) {
        for (int i = 0; i < count; i++)
            if (ladder[i] > value)
                return ladder[i];
    } else {
        for (int i = count - 1; i >= 0; i--)
            if (ladder[i] < value)
                return ladder[i];
    }
    return value;
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
    reset_range(s);
}


/* Switch to def with parameters params (each checked), from the session's seed. */
static int switch_scenario(xl_session *s, const xl_scenario_def *def, const double *params)
{
    double lr = xl_sim_lr(MAIN(s));
    double saved_params[XL_SCENARIO_PARAMS_MAX];
    const xl_scenario_def *saved_def = s->def;
    memcpy(saved_params, s->params, sizeof saved_params);
    /* The state is large (XL_SCENARIO_STATE_MAX): its copy lives on the heap. */
    unsigned char *saved_state = malloc(sizeof s->state.bytes);
    if (saved_state == NULL)
        return refuse(s, "%s", "out of memory");
    memcpy(saved_state, s->state.bytes, sizeof s->state.bytes);
    memcpy(s->params, params, sizeof s->params);
    s->def = def;
    if (init_state(s, def, NULL, s->message, sizeof s->message) != 0 || start_sim(s, lr) != 0) {
        /* Nothing is lost: the running scenario stays as it was. */
        s->def = saved_def;
        memcpy(s->params, saved_params, sizeof s->params);
        memcpy(s->state.bytes, saved_state, sizeof s->state.bytes);
        free(saved_state);
        return 0;
    }
    free(saved_state);
    s->selected = first_selection(s);
    s->sa = 0;
    s->sb = 1;
    reset_range(s);
    return 1;
}

static int scenario_index(const xl_scenario_def *def)
{
    for (int i = 0; i < xl_scenario_count(); i++)
        if (xl_scenario_at(i) == def)
            return i;
    return 0;
}

/* Play, pause, steps, reset and speed. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_time(xl_session *s, const xl_command *cmd)
{
    switch (cmd->kind) {
    case XL_CMD_TOGGLE_PLAY:
        s->playing = !s->playing;
        return 1;
    case XL_CMD_PLAY:
        s->playing = 1;
        return 1;
    case XL_CMD_PAUSE:
        s->playing = 0;
        return 1;
    case XL_CMD_STEP:
        s->playing = 0;
        step_once(s);
        return 1;
    case XL_CMD_RUN:
        for (long i = 0; i < cmd->n; i++)
            if (!step_once(s))
                break;
        return 1;
    case XL_CMD_RESET:
        /* A playground: a running sim restarts and keeps running. A truth that evolves
         * goes back to where it started, so the run is the same run again. */
        if (s->def->restart) {
            s->def->restart(s->state.bytes);
            plane_build(s);
        }
        for (int r = 0; r < s->nruns; r++)
            xl_sim_reset(s->runs[r]);
        s->acc = 0.0;
        reset_range(s);
        clear_seen(s);
        return 1;
    case XL_CMD_SPEED_UP:
    case XL_CMD_SPEED_DOWN: {
        int count = (int)(sizeof speed_ladder / sizeof speed_ladder[0]);
        s->sps = (int)ladder_move(speed_ladder, count, s->sps, cmd->kind == XL_CMD_SPEED_UP);
        return 1;
    }
    case XL_CMD_SET_SPEED:
        s->sps = (int)cmd->n; /* 1..240, checked by the parser */
        return 1;
    default:
        return -1;
    }
}

/* The learning rate, the optimizer, its hyperparameters and races. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_optimizer(xl_session *s, const xl_command *cmd)
{
    if (s->def->gradient_free && cmd->kind >= XL_CMD_LR_UP && cmd->kind <= XL_CMD_RACE_TOGGLE)
        return refuse(s, "%s has no gradient: nothing learns, so there is no optimizer to set", s->def->title);
    switch (cmd->kind) {
    case XL_CMD_LR_UP:
    case XL_CMD_LR_DOWN: {
        int count = (int)(sizeof lr_ladder / sizeof lr_ladder[0]);
        set_lr_all(s, ladder_move(lr_ladder, count, xl_sim_lr(MAIN(s)), cmd->kind == XL_CMD_LR_UP));
        return 1;
    }
    case XL_CMD_SET_LR:
        if (!(cmd->x > 0.0) || cmd->x > 100.0)
            return refuse(s, "%s needs a learning rate greater than 0 and at most 100", "set-lr");
        set_lr_all(s, cmd->x);
        return 1;
    case XL_CMD_OPTIMIZER: {
        xl_optim_kind k;
        if (xl_optim_kind_parse(cmd->name, &k) != 0)
            return refuse(s, "no optimizer '%s' (gd, momentum, nesterov or adam)", cmd->name);
        return set_optimizers(s, &k, 1);
    }
    case XL_CMD_OPTIMIZER_NEXT: {
        xl_optim_kind k = (xl_optim_kind)((s->kinds[0] + 1) % XL_OPTIM_KIND_COUNT);
        return set_optimizers(s, &k, 1);
    }
    case XL_CMD_SET_MU:
        return set_hyper(s, &s->hyper.mu, cmd->x, 0.0, 1.0, "set-mu needs a momentum from above 0 to below 1");
    case XL_CMD_SET_BETA1:
        return set_hyper(s, &s->hyper.beta1, cmd->x, 0.0, 1.0, "set-beta1 needs a value from above 0 to below 1");
    case XL_CMD_SET_BETA2:
        return set_hyper(s, &s->hyper.beta2, cmd->x, 0.0, 1.0, "set-beta2 needs a value from above 0 to below 1");
    case XL_CMD_SET_EPS:
        return set_hyper(s, &s->hyper.eps, cmd->x, 0.0, 1.0, "set-eps needs a value above 0 and below 1");
    case XL_CMD_MU_UP:
    case XL_CMD_MU_DOWN:
    case XL_CMD_BETA1_UP:
    case XL_CMD_BETA1_DOWN: {
        int mu = cmd->kind == XL_CMD_MU_UP || cmd->kind == XL_CMD_MU_DOWN;
        int up = cmd->kind == XL_CMD_MU_UP || cmd->kind == XL_CMD_BETA1_UP;
        const xl_optim_hyper *h = &xl_sim_optimizer(MAIN(s))->hyper;
        double now = mu ? (h->mu ? h->mu : 0.9) : (h->beta1 ? h->beta1 : 0.9);
        int count = (int)(sizeof decay_ladder / sizeof decay_ladder[0]);
        double next = ladder_move(decay_ladder, count, now, up);
        return set_hyper(s, mu ? &s->hyper.mu : &s->hyper.beta1, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_BETA2_UP:
    case XL_CMD_BETA2_DOWN: {
        const xl_optim_hyper *h = &xl_sim_optimizer(MAIN(s))->hyper;
        int count = (int)(sizeof beta2_ladder / sizeof beta2_ladder[0]);
        double next = ladder_move(beta2_ladder, count, h->beta2 ? h->beta2 : 0.999, cmd->kind == XL_CMD_BETA2_UP);
        return set_hyper(s, &s->hyper.beta2, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_EPS_UP:
    case XL_CMD_EPS_DOWN: {
        const xl_optim_hyper *h = &xl_sim_optimizer(MAIN(s))->hyper;
        int count = (int)(sizeof eps_ladder / sizeof eps_ladder[0]);
        /* Compared with a margin: 1e-8 times 10 is not exactly 1e-7 in binary. */
        double now = h->eps ? h->eps : 1e-8;
        double next = ladder_move(eps_ladder, count, cmd->kind == XL_CMD_EPS_UP ? now * 1.0001 : now * 0.9999,
                                  cmd->kind == XL_CMD_EPS_UP);
        return set_hyper(s, &s->hyper.eps, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_RACE: {
        xl_optim_kind kinds[XL_RACE_MAX];
        int n = parse_race(cmd->name, kinds);
        if (n < 0)
            return refuse(s, "race needs 2 to 4 different optimizers, e.g. race gd,momentum,adam, not '%s'",
                          cmd->name);
        return set_optimizers(s, kinds, n);
    }
    case XL_CMD_RACE_TOGGLE: {
        if (s->racing)
            return set_optimizers(s, s->kinds, 1);
        xl_optim_kind all[XL_RACE_MAX] = {XL_OPTIM_GD, XL_OPTIM_MOMENTUM, XL_OPTIM_NESTEROV, XL_OPTIM_ADAM};
        /* The steered run's optimizer leads, so it keeps its colour. */
        for (int i = 0; i < XL_RACE_MAX; i++)
            if (all[i] == s->kinds[0]) {
                all[i] = all[0];
                all[0] = s->kinds[0];
            }
        return set_optimizers(s, all, XL_RACE_MAX);
    }
    default:
        return -1;
    }
}

static int simplex_possible(const xl_session *s)
{
    const xl_classifier *c = xl_session_classifier(s);
    return c != NULL && c->n == 3;
}

int xl_session_simplex(const xl_session *s)
{
    assert(s != NULL);
    return s->simplex && simplex_possible(s);
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
    if (xl_session_view_minimum(s, &mx, &my) && isfinite(mx) && isfinite(my) && fabs(mx) < MAX_RANGE &&
        fabs(my) < MAX_RANGE) {
        lo[0] = fmin(lo[0], mx), hi[0] = fmax(hi[0], mx);
        lo[1] = fmin(lo[1], my), hi[1] = fmax(hi[1], my);
    }
    double half = 0.5 * fmax(hi[0] - lo[0], hi[1] - lo[1]) * 1.15 + 0.5;
    if (!isfinite(half) || !(half > 0.0))
        half = XL_DEFAULT_RANGE;
    half = fmin(half, MAX_RANGE);
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
            return refuse(s, "%s needs a factor from 0.01 to 100 and the point to zoom around, e.g. zoom 0.8,1,-2",
                          name);
        const double f = cmd->list[0], at[2] = {cmd->list[1], cmd->list[2]};
        for (int k = 0; k < 2; k++) {
            b[2 * k] = at[k] + (b[2 * k] - at[k]) * f;
            b[2 * k + 1] = at[k] + (b[2 * k + 1] - at[k]) * f;
        }
    } else {
        if (cmd->count != 2)
            return refuse(s, "%s needs two numbers, how far to move the view, e.g. pan 0.5,-1", name);
        for (int k = 0; k < 2; k++) {
            b[2 * k] += cmd->list[k];
            b[2 * k + 1] += cmd->list[k];
        }
    }
    /* The view stays where numbers mean something: widths from 1e-9 of a unit to the
     * widest view, every edge within the largest range. */
    for (int k = 0; k < 2; k++) {
        double w = b[2 * k + 1] - b[2 * k];
        if (!(w >= 1e-9 * fmax(1.0, fabs(b[2 * k]))) || !(w <= 2.0 * MAX_RANGE) || !(fabs(b[2 * k]) <= MAX_RANGE) ||
            !(fabs(b[2 * k + 1]) <= MAX_RANGE))
            return refuse(s, "%s: the view would leave the numbers the landscape can show", name);
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
        return refuse(s, "%s needs two numbers, the point's coordinates, e.g. 1.5,-0.5", name);
    const double x = cmd->list[0], y = cmd->list[1];
    /* Parameters stay within the logits' limit, where their differences cannot overflow. */
    if (!(fabs(x) <= XL_MAX_LOGIT && fabs(y) <= XL_MAX_LOGIT))
        return refuse(s, "%s: the point lies beyond ±1e300, where parameters are allowed", name);
    const int start = cmd->kind == XL_CMD_START_AT;
    /* A point where the model is not defined (its loss is not finite: a Gaussian's
     * sigma_q beyond its domain) is refused before any run moves, rather than placed
     * and reported as a divergence at once. */
    const xl_model model = s->def->model(s->state.bytes);
    for (int r = 0; r < s->nruns; r++) {
        double theta[XL_MAX_PARAMS];
        const xl_sim *run = s->runs[r];
        xl_session_view_theta(s, start ? xl_sim_theta0(run) : xl_sim_theta(run), x, y, theta);
        if (!isfinite(model.ops->loss(model.self, theta))) {
            char what[sizeof s->message];
            snprintf(what, sizeof what, "%s: %s = %g, %s = %g lies outside the model (its loss is not finite there)",
                     name, xl_session_axis_name(s, 0), x, xl_session_axis_name(s, 1), y);
            return refuse(s, "%s", what);
        }
    }
    if (start && s->def->restart)
        s->def->restart(s->state.bytes); /* the runs start over, and the truth with them */
    for (int r = 0; r < s->nruns; r++) {
        double theta[XL_MAX_PARAMS];
        const xl_sim *run = s->runs[r];
        xl_session_view_theta(s, start ? xl_sim_theta0(run) : xl_sim_theta(run), x, y, theta);
        if ((start ? xl_sim_set_theta0(s->runs[r], theta) : xl_sim_set_theta(s->runs[r], theta)) != 0)
            return refuse(s, "%s: that point is not a finite set of parameters", name);
    }
    if (start) {
        s->acc = 0.0;
        plane_build(s);
        clear_seen(s);
    } else {
        note_point(s);
    }
    return 1;
}

/* What is selected and how the numbers and the landscape are shown. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_view(xl_session *s, const xl_command *cmd)
{
    int items = s->def->item_count(s->state.bytes);
    switch (cmd->kind) {
    case XL_CMD_SELECT:
        if (cmd->n < 0 || cmd->n >= items) {
            char what[96];
            snprintf(what, sizeof what, "select K needs K from 1 to %d", items);
            return refuse(s, "%s", what);
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
            return refuse(s, "the %s shows no loss landscape", s->def->title);
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
        } else if (s->frame == XL_FRAME_PLANE && simplex_possible(s)) {
            s->simplex = 1;
        } else {
            s->frame = s->frame == XL_FRAME_SLICE ? XL_FRAME_PLANE : XL_FRAME_SLICE;
        }
        reset_range(s);
        return 1;
    case XL_CMD_SIMPLEX:
        if (!simplex_possible(s))
            return refuse(s, "%s", "the simplex view is for the softmax with 3 classes (param classes=3)");
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

/* Which scenario runs, with which parameters. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_scenario(xl_session *s, const xl_command *cmd)
{
    switch (cmd->kind) {
    case XL_CMD_SCENARIO: {
        const xl_scenario_def *def = xl_scenario_find(cmd->name);
        if (def == NULL)
            return refuse(s, "no scenario '%s' (xentlab --list-scenarios lists them)", cmd->name);
        double params[XL_SCENARIO_PARAMS_MAX];
        fill_defaults(def, params);
        return switch_scenario(s, def, params);
    }
    case XL_CMD_SCENARIO_NEXT:
    case XL_CMD_SCENARIO_PREV: {
        int n = xl_scenario_count();
        int i = (scenario_index(s->def) + (cmd->kind == XL_CMD_SCENARIO_NEXT ? 1 : n - 1)) % n;
        double params[XL_SCENARIO_PARAMS_MAX];
        fill_defaults(xl_scenario_at(i), params);
        return switch_scenario(s, xl_scenario_at(i), params);
    }
    case XL_CMD_PARAM: {
        int i = xl_scenario_param_index(s->def, cmd->name);
        if (i < 0)
            return refuse(s, "this scenario has no parameter '%s'", cmd->name);
        if (!param_ok(&s->def->params[i], cmd->x)) {
            char what[160];
            snprintf(what, sizeof what, "%s must be %s from %g to %g", s->def->params[i].name,
                     s->def->params[i].whole ? "a whole number" : "a number", s->def->params[i].lo,
                     s->def->params[i].hi);
            return refuse(s, "%s", what);
        }
        double params[XL_SCENARIO_PARAMS_MAX];
        memcpy(params, s->params, sizeof params);
        params[i] = cmd->x;
        return switch_scenario(s, s->def, params);
    }
    default:
        return -1;
    }
}

/* A session command, whichever group it is in; -1 if it is the scenario's to apply. */
static int apply_session(xl_session *s, const xl_command *cmd)
{
    int (*const groups[])(xl_session *, const xl_command *) = {apply_time, apply_optimizer, apply_view,
                                                              apply_scenario};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        int r = groups[i](s, cmd);
        if (r >= 0)
            return r;
    }
    return -1;
}

/* Edits a learner may want back: the truth, the data, the parameters, the scenario,
 * the learning's settings, the point in the landscape, a reset. Time, selection and the
 * view are not edits. */
static int is_edit(xl_command_kind k)
{
    switch (k) {
    case XL_CMD_RESET: case XL_CMD_LR_UP: case XL_CMD_LR_DOWN: case XL_CMD_SET_LR: case XL_CMD_OPTIMIZER:
    case XL_CMD_OPTIMIZER_NEXT: case XL_CMD_SET_MU: case XL_CMD_SET_BETA1: case XL_CMD_SET_BETA2:
    case XL_CMD_SET_EPS: case XL_CMD_MU_UP: case XL_CMD_MU_DOWN: case XL_CMD_BETA1_UP: case XL_CMD_BETA1_DOWN:
    case XL_CMD_BETA2_UP: case XL_CMD_BETA2_DOWN: case XL_CMD_EPS_UP: case XL_CMD_EPS_DOWN: case XL_CMD_RACE:
    case XL_CMD_RACE_TOGGLE: case XL_CMD_SCENARIO: case XL_CMD_SCENARIO_NEXT: case XL_CMD_SCENARIO_PREV:
    case XL_CMD_PARAM: case XL_CMD_P_UP: case XL_CMD_P_DOWN: case XL_CMD_P_ONEHOT: case XL_CMD_P_UNIFORM:
    case XL_CMD_P_RESTORE: case XL_CMD_SET_P: case XL_CMD_SET_LOGITS: case XL_CMD_FLIP: case XL_CMD_ADD_POINT:
    case XL_CMD_REMOVE_POINT: case XL_CMD_BETA_UP: case XL_CMD_BETA_DOWN: case XL_CMD_WIDTH_UP:
    case XL_CMD_WIDTH_DOWN: case XL_CMD_PRESET: case XL_CMD_PRESET_NEXT: case XL_CMD_SIZE_UP: case XL_CMD_SIZE_DOWN:
    case XL_CMD_FLIPS_UP: case XL_CMD_FLIPS_DOWN: case XL_CMD_LEARN_TOGGLE: case XL_CMD_MEASURE:
    case XL_CMD_MEASURE_SELECTED: case XL_CMD_MOVE_TO: case XL_CMD_START_AT: case XL_CMD_MOVE_POINT:
    case XL_CMD_SET_NORMAL: case XL_CMD_SET_NAMES:
        return 1;
    default:
        return 0;
    }
}

/* A drag sends one command per motion: those that follow one another make one edit. */
static int is_drag_kind(xl_command_kind k)
{
    return k == XL_CMD_SET_P || k == XL_CMD_MOVE_TO || k == XL_CMD_START_AT || k == XL_CMD_MOVE_POINT ||
           k == XL_CMD_SET_NORMAL;
}

static void push_snapshot(struct xl_session_snapshot **stack, int *n, struct xl_session_snapshot *snap)
{
    if (*n == XL_UNDO_MAX) { /* the oldest goes */
        xl_session_snapshot_free(stack[0]);
        memmove(stack, stack + 1, (size_t)(XL_UNDO_MAX - 1) * sizeof stack[0]);
        (*n)--;
    }
    stack[(*n)++] = snap;
}

/* Undo or redo: the state on top of `from` comes back, the present goes onto `to`. */
static int step_history(xl_session *s, struct xl_session_snapshot **from, int *nfrom,
                        struct xl_session_snapshot **to, int *nto, const char *what)
{
    if (*nfrom == 0)
        return refuse(s, "nothing to %s", what);
    struct xl_session_snapshot *now = xl_session_save(s);
    if (now == NULL || xl_session_restore(s, from[*nfrom - 1]) != 0) {
        xl_session_snapshot_free(now);
        return refuse(s, "%s: out of memory", what);
    }
    xl_session_snapshot_free(from[--(*nfrom)]);
    push_snapshot(to, nto, now);
    return 1;
}

/* Back (or forward, up to the head) to step `to`: the latest checkpoint at or before
 * it, then plain steps re-simulated to it. What the learner chose to look at (the
 * selection, unit, slice, frame, speed) stays; time is paused there. */
static int rewind_to(xl_session *s, long to)
{
    if (s->ncps == 0)
        return refuse(s, "%s", "nothing to rewind to");
    const long first = s->cps[0].step;
    if (to < first || to > s->head) {
        char what[128];
        snprintf(what, sizeof what, "rewind reaches steps %ld to %ld", first, s->head);
        return refuse(s, "%s", what);
    }
    int i = s->ncps - 1;
    while (i > 0 && s->cps[i].step > to)
        i--;
    const int selected = s->selected, sa = s->sa, sb = s->sb, sps = s->sps, view_manual = s->view_manual;
    const xl_unit unit = s->unit;
    const xl_frame frame = s->frame;
    double box[4];
    memcpy(box, s->box, sizeof box);
    if (xl_session_restore(s, s->cps[i].snap) != 0)
        return refuse(s, "%s", "rewind: out of memory");
    s->replaying = 1;
    while (xl_sim_steps(MAIN(s)) < to && step_once(s))
        ;
    s->replaying = 0;
    s->playing = 0;
    s->acc = 0.0;
    s->unit = unit;
    s->sps = sps;
    if (s->frame != frame) {
        s->frame = frame;
        reset_range(s);
    }
    s->view_manual = view_manual; /* the view zoomed to stays as it was */
    memcpy(s->box, box, sizeof box);
    int items = s->def->item_count(s->state.bytes);
    s->selected = selected < items ? selected : items - 1;
    if (sb < xl_sim_param_count(MAIN(s))) {
        s->sa = sa;
        s->sb = sb;
    }
    update_view(s);
    return 1;
}

long xl_session_timeline(const xl_session *s, long *first, long *head)
{
    assert(s != NULL);
    if (first)
        *first = s->ncps > 0 ? s->cps[0].step : xl_sim_steps(MAIN(s));
    if (head)
        *head = s->head > xl_sim_steps(MAIN(s)) ? s->head : xl_sim_steps(MAIN(s));
    return xl_sim_steps(MAIN(s));
}

static int apply_command(xl_session *s, xl_command cmd);

int xl_session_apply(xl_session *s, xl_command cmd)
{
    assert(s != NULL);
    s->message[0] = '\0';
    if (cmd.kind <= XL_CMD_NONE || cmd.kind >= XL_CMD_COUNT)
        return 0;
    if (cmd.kind == XL_CMD_UNDO || cmd.kind == XL_CMD_REDO) {
        int ok = cmd.kind == XL_CMD_UNDO ? step_history(s, s->undo, &s->nundo, s->redo, &s->nredo, "undo")
                                         : step_history(s, s->redo, &s->nredo, s->undo, &s->nundo, "redo");
        if (ok)
            restart_timeline(s); /* rewinding does not reach across an undo */
        s->last_kind = cmd.kind;
        return ok;
    }
    if (cmd.kind == XL_CMD_REWIND || cmd.kind == XL_CMD_BACK) {
        long to = cmd.kind == XL_CMD_REWIND ? cmd.n : xl_sim_steps(MAIN(s)) - 1;
        int ok = rewind_to(s, to);
        s->last_kind = cmd.kind;
        return ok;
    }
    struct xl_session_snapshot *before = NULL;
    const int merge = is_drag_kind(cmd.kind) && cmd.kind == s->last_kind && s->nundo > 0;
    if (is_edit(cmd.kind) && !merge)
        before = xl_session_save(s); /* out of memory: the edit goes on, without an undo */
    if (is_edit(cmd.kind) && xl_sim_steps(MAIN(s)) < s->head)
        fork_here(s); /* an edit in the past starts a new future */
    int ok = apply_command(s, cmd);
    if (ok && is_edit(cmd.kind)) {
        if (xl_sim_steps(MAIN(s)) < s->head)
            fork_here(s); /* reset, a restart: back at step 0 */
        add_checkpoint(s, 1);
    }
    if (ok && before) {
        push_snapshot(s->undo, &s->nundo, before);
        clear_history_stack(s->redo, &s->nredo);
    } else {
        xl_session_snapshot_free(before);
    }
    if (ok && is_edit(cmd.kind))
        clear_history_stack(s->redo, &s->nredo);
    s->last_kind = cmd.kind;
    return ok;
}

int xl_session_undo_depth(const xl_session *s, int *redo)
{
    assert(s != NULL);
    if (redo)
        *redo = s->nredo;
    return s->nundo;
}

static int apply_command(xl_session *s, xl_command cmd)
{
    int items_before = s->def->item_count(s->state.bytes);
    int r = apply_session(s, &cmd);
    if (r < 0) {
        char err[160] = "";
        switch (s->def->apply(s->state.bytes, &cmd, s->selected, err, sizeof err)) {
        case XL_APPLY_DONE:
            /* What was just added is what the learner looks at next. */
            if (cmd.kind == XL_CMD_ADD_POINT && s->def->item_count(s->state.bytes) > items_before)
                s->selected = s->def->item_count(s->state.bytes) - 1;
            for (int k = 0; k < s->nruns; k++)
                xl_sim_model_changed(s->runs[k]);
            plane_build(s); /* a new truth: a new optimum to point at */
            r = 1;
            break;
        case XL_APPLY_RESTART:
            r = start_sim(s, xl_sim_lr(MAIN(s))) == 0;
            if (!r)
                refuse(s, "%s", "out of memory");
            break;
        case XL_APPLY_REFUSED:
            r = refuse(s, "%s", err);
            break;
        case XL_APPLY_NOT_MINE:
            snprintf(s->message, sizeof s->message, "%s does not apply to the %s", xl_command_name(cmd.kind),
                     s->def->title);
            r = 0;
            break;
        }
    }
    int items = s->def->item_count(s->state.bytes);
    if (s->selected >= items)
        s->selected = items - 1;
    update_view(s);
    return r;
}

int xl_session_tick(xl_session *s, const xl_command *cmds, int n, double seconds, int *accepted)
{
    assert(s != NULL && (n == 0 || cmds != NULL));
    long before = xl_sim_steps(MAIN(s));
    for (int i = 0; i < n; i++) {
        int ok = xl_session_apply(s, cmds[i]);
        if (accepted)
            accepted[i] = ok;
    }
    xl_session_advance(s, seconds);
    long taken = xl_sim_steps(MAIN(s)) - before;
    return taken > 0 ? (int)taken : 0;
}

const char *xl_session_message(const xl_session *s)
{
    assert(s != NULL);
    return s->message;
}

int xl_session_advance(xl_session *s, double seconds)
{
    assert(s != NULL);
    if (!s->playing) {
        s->acc = 0.0;
        return 0;
    }
    if (!any_running(s)) {
        s->playing = 0;
        s->acc = 0.0;
        return 0;
    }
    if (seconds > 0.0) /* also drops NaN */
        s->acc += seconds * s->sps;
    if (s->acc > s->sps)
        s->acc = s->sps;
    int due = (int)floor(s->acc + DUE_EPS);
    s->acc -= due;
    if (s->acc < 0.0)
        s->acc = 0.0;
    return xl_session_advance_steps(s, due);
}

int xl_session_advance_steps(xl_session *s, long n)
{
    assert(s != NULL);
    if (!s->playing || n <= 0)
        return 0;
    long taken = 0;
    while (taken < n) {
        if (!step_once(s)) {
            s->playing = 0;
            s->acc = 0.0;
            break;
        }
        taken++;
    }
    if (taken > 0)
        update_view(s);
    return (int)taken;
}

void xl_session_run(xl_session *s, int n)
{
    assert(s != NULL && n >= 0);
    for (int i = 0; i < n; i++)
        if (!step_once(s))
            break;
    update_view(s);
}

void xl_session_set_observer(xl_session *s, xl_step_observer fn, void *user)
{
    assert(s != NULL);
    s->observer = fn;
    s->observer_user = user;
}

const xl_scenario_def *xl_session_scenario(const xl_session *s)
{
    assert(s != NULL);
    return s->def;
}

const void *xl_session_state(const xl_session *s)
{
    assert(s != NULL);
    return s->state.bytes;
}

const double *xl_session_params(const xl_session *s)
{
    assert(s != NULL);
    return s->params;
}

int xl_session_playing(const xl_session *s)
{
    assert(s != NULL);
    return s->playing;
}

int xl_session_selected(const xl_session *s)
{
    assert(s != NULL);
    return s->selected;
}

xl_unit xl_session_unit(const xl_session *s)
{
    assert(s != NULL);
    return s->unit;
}

int xl_session_steps_per_second(const xl_session *s)
{
    assert(s != NULL);
    return s->sps;
}

void xl_session_slice(const xl_session *s, int *a, int *b)
{
    assert(s != NULL && a != NULL && b != NULL);
    *a = s->sa;
    *b = s->sb;
}

double xl_session_time_to_next_step(const xl_session *s)
{
    assert(s != NULL);
    if (!s->playing)
        return 1e9;
    double t = (1.0 - s->acc) / s->sps;
    return t > 0.0 ? t : 0.0;
}

const xl_classifier *xl_session_classifier(const xl_session *s)
{
    assert(s != NULL);
    if (s->def != &xl_scenario_softmax)
        return NULL;
    return &((const xl_softmax_state *)(const void *)s->state.bytes)->c;
}

const xl_sim *xl_session_sim(const xl_session *s)
{
    assert(s != NULL);
    return MAIN(s);
}

double xl_session_step_cost(const xl_session *s)
{
    assert(s != NULL);
    const double one = s->def->step_cost ? s->def->step_cost(s->state.bytes)
                                         : XL_STEP_BASE_OPS + (double)s->def->item_count(s->state.bytes);
    return one * (s->nruns > 1 ? s->nruns : 1);
}

int xl_session_run_count(const xl_session *s)
{
    assert(s != NULL);
    return s->nruns;
}

const xl_sim *xl_session_run_sim(const xl_session *s, int i)
{
    assert(s != NULL && i >= 0 && i < s->nruns);
    return s->runs[i];
}

int xl_session_racing(const xl_session *s)
{
    assert(s != NULL);
    return s->racing;
}

xl_model xl_session_model(const xl_session *s)
{
    assert(s != NULL);
    return s->def->model(s->state.bytes);
}

void xl_session_readouts(const xl_session *s, double *values)
{
    assert(s != NULL && values != NULL);
    s->def->readout_values(s->state.bytes, xl_sim_theta(MAIN(s)), values);
}

void xl_session_bars(const xl_session *s, xl_bars *out)
{
    assert(s != NULL && out != NULL);
    /* Fields a record leaves alone (a q_label it has no word for) read as absent. */
    memset(out, 0, sizeof *out);
    s->def->bars(s->state.bytes, xl_sim_theta(MAIN(s)), s->selected, out);
}

void xl_session_log_q(const xl_session *s, double *logq)
{
    assert(s != NULL && logq != NULL);
    xl_bars b;
    xl_session_bars(s, &b);
    memcpy(logq, b.logq, (size_t)b.n * sizeof(double));
}

void xl_session_q(const xl_session *s, double *q)
{
    assert(s != NULL && q != NULL);
    xl_bars b;
    xl_session_bars(s, &b);
    for (int i = 0; i < b.n; i++)
        q[i] = exp(b.logq[i]);
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

/* A snapshot: the session's fields by value, and its runs as spare sims copied from the
 * live ones. The spare sims borrow the live session's model only to exist; they are
 * never stepped, and restoring copies their values back into sims on the session's
 * own (restored) state. */
struct xl_session_snapshot {
    xl_sim *runs[XL_RACE_MAX];
    /* Last, and allocated only up to the end of the scenario's state: everything past
     * offsetof(xl_session, state) + def->state_size is never touched. */
    xl_session fields;
};

/* The bytes of a session that hold something for def: its fields and def's state. */
static size_t session_bytes(const xl_scenario_def *def)
{
    return offsetof(xl_session, state) + def->state_size;
}

void xl_session_snapshot_free(xl_session_snapshot *snap)
{
    if (snap == NULL)
        return;
    for (int r = 0; r < XL_RACE_MAX; r++)
        xl_sim_destroy(snap->runs[r]);
    free(snap);
}

xl_session_snapshot *xl_session_save(const xl_session *s)
{
    assert(s != NULL);
    xl_session_snapshot *snap = calloc(1, offsetof(xl_session_snapshot, fields) + session_bytes(s->def));
    if (snap == NULL)
        return NULL;
    memcpy(&snap->fields, s, session_bytes(s->def));
    for (int r = 0; r < s->nruns; r++) {
        snap->runs[r] = xl_sim_create(s->def->model(s->state.bytes), xl_sim_theta0(s->runs[r]), 1.0);
        if (snap->runs[r] == NULL) {
            xl_session_snapshot_free(snap);
            return NULL;
        }
        xl_sim_copy(snap->runs[r], s->runs[r]);
    }
    return snap;
}

int xl_session_restore(xl_session *s, const xl_session_snapshot *snap)
{
    assert(s != NULL && snap != NULL);
    const xl_session *f = &snap->fields;
    if (xl_landscape_size(s->ls) != xl_landscape_size(f->ls))
        return -1;
    /* New sims on the restored state first, so a failure leaves s as it was. */
    unsigned char *saved_state = malloc(sizeof s->state.bytes);
    if (saved_state == NULL)
        return -1;
    memcpy(saved_state, s->state.bytes, sizeof s->state.bytes);
    memcpy(s->state.bytes, f->state.bytes, f->def->state_size);
    xl_sim *runs[XL_RACE_MAX] = {NULL};
    for (int r = 0; r < f->nruns; r++) {
        runs[r] = xl_sim_create(f->def->model(s->state.bytes), xl_sim_theta0(snap->runs[r]), 1.0);
        if (runs[r] == NULL) {
            for (int k = 0; k < r; k++)
                xl_sim_destroy(runs[k]);
            memcpy(s->state.bytes, saved_state, sizeof s->state.bytes);
            free(saved_state);
            return -1;
        }
        xl_sim_copy(runs[r], snap->runs[r]);
    }
    free(saved_state);
    destroy_runs(s);
    xl_landscape *ls = s->ls;
    xl_step_observer observer = s->observer;
    void *user = s->observer_user;
    /* The undo and redo stacks are the session's own, not part of what was saved. */
    struct xl_session_snapshot *undo[XL_UNDO_MAX], *redo[XL_UNDO_MAX];
    int nundo = s->nundo, nredo = s->nredo;
    memcpy(undo, s->undo, sizeof undo);
    memcpy(redo, s->redo, sizeof redo);
    xl_command_kind last_kind = s->last_kind;
    struct checkpoint cps[XL_CHECKPOINTS_MAX];
    const int ncps = s->ncps, replaying = s->replaying;
    const long interval = s->interval, head = s->head;
    memcpy(cps, s->cps, sizeof cps);
    memcpy(s, f, offsetof(xl_session, state)); /* the state is in place already */
    memcpy(s->cps, cps, sizeof cps);
    s->ncps = ncps;
    s->interval = interval;
    s->head = head;
    s->replaying = replaying;
    memcpy(s->runs, runs, sizeof runs);
    s->ls = ls;
    s->observer = observer;
    s->observer_user = user;
    memcpy(s->undo, undo, sizeof undo);
    memcpy(s->redo, redo, sizeof redo);
    s->nundo = nundo;
    s->nredo = nredo;
    s->last_kind = last_kind;
    xl_landscape_invalidate(s->ls);
    update_view(s);
    return 0;
}

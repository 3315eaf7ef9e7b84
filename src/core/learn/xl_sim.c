/* xl_sim: an optimizer (xl_optim: gradient descent unless told otherwise) stepping any
 * xl_model, with the history of what each step saw.
 *
 * History layout: samples[0..nd-1] are the decimated record (every `stride`-th step,
 * starting with step 0); when the current step is not among them, it sits in one more
 * trailing "live" slot samples[nd], overwritten every step. So the history always ends
 * with the current state and xl_sim_history_count() = nd + (live ? 1 : 0) <= CAP.
 * When the record would exceed CAP - 1 entries (one slot stays free for the live
 * sample), the samples with step % (2 * stride) != 0 are dropped and stride doubles:
 * step 0 always survives and the record covers the whole run at uniform spacing.
 *
 * Divergence: a step whose parameters or loss are not finite is not taken; the status
 * becomes XL_SIM_DIVERGED, diverged_at records the step that was refused, and theta
 * stays at its last finite value until reset.
 *
 * Model edits: the sim remembers the model's version at its last record. When the
 * version moves on, the current sample is stale; xl_sim_current answers with fresh
 * values at once, and the next step (or xl_sim_sync) rewrites the stored sample, so
 * calling xl_sim_model_changed is optional for models that count versions.
 *
 * Everything but the model borrow and the history's theta buffer is plain data in the
 * struct, which is what makes xl_sim_copy a struct copy plus the live part of that
 * buffer.
 */
#include "xl_sim.h"
#include "xl_vec.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct xl_sim {
    xl_model model;
    int np;
    double theta[XL_MAX_PARAMS];
    double theta0[XL_MAX_PARAMS];
    xl_optim opt;             /* kind, hyper (lr) and state */
    unsigned long version;    /* xl_model_version when the current sample was recorded */
    long step;
    xl_sim_status status;
    long diverged_at;         /* the refused step, or -1 */
    /* The floor of a versioned model changes only with its version: kept, not
     * recomputed every step (H(P) costs a log per class). */
    double floor_value;
    unsigned long floor_version;
    int floor_known;
    /* The gradient at theta, left by the last step's fused loss pass (a model with
     * loss_gradient and a version): valid while the model and its version are those it
     * was computed for (checked before each use) and theta has not been set since
     * (every writer of theta but a step clears grad_valid). */
    double grad[XL_MAX_PARAMS];
    unsigned long grad_version;
    const void *grad_self;
    int grad_valid;
    long stride;
    int nd;        /* decimated samples */
    int live;      /* 1 if samples[nd] holds the current state */
    xl_sample samples[XL_HISTORY_CAP];
    double *thetas; /* XL_HISTORY_CAP * np, parallel to samples */
};

/* 64 ulps of the larger operand: far above what the few operations of a loss and a
 * floor accumulate, far below any divergence a lesson shows (1e-6 nats and up). */
#define GAP_ROUNDING (64.0 * DBL_EPSILON)

/* loss - floor, the divergence D_KL >= 0. The two are computed separately (loss from
 * logits, floor from P), so where they are equal in exact arithmetic they can differ
 * by a few ulps either way (N = 14, uniform P, equal logits: -4.4e-16). A difference
 * below zero by no more than that rounding is 0; a larger negative one is a fault in
 * the model and is kept, so a test or the history shows it instead of hiding it. */
static double gap_of(double loss, double floor)
{
    double gap = loss - floor;
    if (gap < 0.0 && -gap <= GAP_ROUNDING * (fabs(loss) + fabs(floor)))
        gap = 0.0;
    return gap;
}

static xl_sample evaluate(const xl_sim *sim)
{
    xl_sample s;
    s.step = sim->step;
    s.loss = sim->model.ops->loss(sim->model.self, sim->theta);
    s.floor = sim->model.ops->floor(sim->model.self);
    s.gap = gap_of(s.loss, s.floor);
    s.lr = sim->opt.hyper.lr;
    return s;
}

/* Store s in slot. Only a decimated slot gets its own copy of theta: the live slot's
 * theta is sim->theta itself (xl_sim_history_theta reads it there), so a step that
 * is not kept costs no copy of the parameters. */
static void put(xl_sim *sim, int slot, const xl_sample *s, int decimated)
{
    sim->samples[slot] = *s;
    if (decimated)
        memcpy(sim->thetas + (size_t)slot * sim->np, sim->theta, (size_t)sim->np * sizeof(double));
}

static void compact(xl_sim *sim)
{
    long keep = 2 * sim->stride;
    int w = 0;
    for (int r = 0; r < sim->nd; r++) {
        if (sim->samples[r].step % keep != 0)
            continue;
        if (w != r) {
            sim->samples[w] = sim->samples[r];
            memcpy(sim->thetas + (size_t)w * sim->np, sim->thetas + (size_t)r * sim->np,
                   (size_t)sim->np * sizeof(double));
        }
        w++;
    }
    sim->nd = w;
    sim->stride = keep;
}

/* Record the current state, which has just become sim->step. */
static void record(xl_sim *sim, const xl_sample *s)
{
    if (s->step % sim->stride == 0 && sim->nd == XL_HISTORY_CAP - 1)
        compact(sim);
    if (s->step % sim->stride == 0) {
        put(sim, sim->nd, s, 1);
        sim->nd++;
        sim->live = 0;
    } else {
        put(sim, sim->nd, s, 0);
        sim->live = 1;
    }
}

static void start(xl_sim *sim)
{
    sim->floor_known = 0;
    sim->grad_valid = 0;
    memcpy(sim->theta, sim->theta0, sizeof sim->theta);
    sim->step = 0;
    sim->stride = 1;
    sim->nd = 0;
    sim->live = 0;
    xl_optim_reset(&sim->opt);
    sim->version = xl_model_version(sim->model);
    xl_sample s = evaluate(sim);
    sim->status = isfinite(s.loss) && xl_vec_all_finite(sim->theta, sim->np) ? XL_SIM_OK
                                                                      : XL_SIM_DIVERGED;
    sim->diverged_at = sim->status == XL_SIM_OK ? -1 : 0;
    record(sim, &s);
}

/* Rewrite the current sample from the model as it is now. */
static void refresh(xl_sim *sim)
{
    int last = sim->nd + sim->live - 1;
    xl_sample s = sim->samples[last];
    xl_sample e = evaluate(sim);
    /* Same step, same lr that led here; only the values the new truth implies change. */
    s.loss = e.loss;
    s.floor = e.floor;
    s.gap = e.gap;
    sim->samples[last] = s;
    sim->version = xl_model_version(sim->model);
    if (!isfinite(s.loss) && sim->status == XL_SIM_OK) {
        sim->status = XL_SIM_DIVERGED;
        sim->diverged_at = sim->step;
    }
}

xl_sim *xl_sim_create(xl_model model, const double *theta0, double lr)
{
    assert(model.ops != NULL && theta0 != NULL);
    int np = model.ops->param_count(model.self);
    if (np < 1 || np > XL_MAX_PARAMS)
        return NULL;
    xl_sim *sim = calloc(1, sizeof *sim);
    if (sim == NULL)
        return NULL;
    sim->thetas = calloc((size_t)XL_HISTORY_CAP * (size_t)np, sizeof(double));
    if (sim->thetas == NULL) {
        free(sim);
        return NULL;
    }
    sim->model = model;
    sim->np = np;
    memcpy(sim->theta0, theta0, (size_t)np * sizeof(double));
    /* gd's only hyperparameter is lr, so a non-positive or NaN lr, which the sim has
     * always accepted (and then diverged or stood still), gets a record directly. */
    xl_optim_hyper h = { .lr = lr };
    if (xl_optim_init(&sim->opt, XL_OPTIM_GD, h, np) != 0) {
        xl_optim_init(&sim->opt, XL_OPTIM_GD, (xl_optim_hyper){ 0 }, np);
        sim->opt.hyper.lr = lr;
    }
    start(sim);
    return sim;
}

void xl_sim_destroy(xl_sim *sim)
{
    if (sim == NULL)
        return;
    free(sim->thetas);
    free(sim);
}

/* The model's floor now: remembered across steps for a model with a version. */
static double current_floor(xl_sim *sim)
{
    unsigned long v = xl_model_version(sim->model);
    if (sim->model.ops->version && sim->floor_known && v == sim->floor_version)
        return sim->floor_value;
    sim->floor_value = sim->model.ops->floor(sim->model.self);
    sim->floor_version = v;
    sim->floor_known = 1;
    return sim->floor_value;
}

xl_sim_status xl_sim_step(xl_sim *sim, int count)
{
    assert(sim != NULL && count >= 0);
    if (count > 0)
        xl_sim_sync(sim);
    const int cacheable = sim->model.ops->loss_gradient != NULL && sim->model.ops->version != NULL;
    for (int k = 0; k < count && sim->status == XL_SIM_OK; k++) {
        double loss;
        const int have = cacheable && sim->grad_valid && sim->grad_self == sim->model.self &&
                         sim->grad_version == xl_model_version(sim->model);
        /* In place: the optimizer writes theta and the gradient only once the step is
         * taken (theta untouched on failure; the gradient then marked invalid). */
        int rc = xl_optim_step_cached(&sim->opt, sim->model, sim->theta, have ? sim->grad : NULL, sim->theta,
                                      &loss, cacheable ? sim->grad : NULL);
        if (rc < 0) {
            sim->grad_valid = 0;
            sim->status = XL_SIM_DIVERGED;
            sim->diverged_at = sim->step + 1;
            break;
        }
        sim->grad_valid = rc == 1;
        if (sim->grad_valid) {
            sim->grad_version = xl_model_version(sim->model);
            sim->grad_self = sim->model.self;
        }
        sim->step++;
        xl_sample s;
        s.step = sim->step;
        s.loss = loss;
        s.floor = current_floor(sim);
        s.gap = gap_of(loss, s.floor);
        s.lr = sim->opt.hyper.lr;
        record(sim, &s);
    }
    return sim->status;
}

xl_sim_status xl_sim_hold(xl_sim *sim)
{
    assert(sim != NULL);
    xl_sim_sync(sim);
    if (sim->status != XL_SIM_OK)
        return sim->status;
    sim->step++;
    xl_sample s = evaluate(sim);
    if (!isfinite(s.loss)) {
        sim->step--;
        sim->status = XL_SIM_DIVERGED;
        sim->diverged_at = sim->step + 1;
        return sim->status;
    }
    record(sim, &s);
    return sim->status;
}

int xl_sim_set_theta(xl_sim *sim, const double *theta)
{
    assert(sim != NULL && theta != NULL);
    if (!xl_vec_all_finite(theta, sim->np))
        return -1;
    memcpy(sim->theta, theta, (size_t)sim->np * sizeof(double));
    sim->grad_valid = 0;
    xl_optim_reset(&sim->opt);
    sim->version = xl_model_version(sim->model);
    xl_sample s = evaluate(sim);
    put(sim, sim->nd + sim->live - 1, &s, !sim->live); /* the current sample, at the same step */
    if (isfinite(s.loss)) {
        sim->status = XL_SIM_OK;
        sim->diverged_at = -1;
    } else {
        sim->status = XL_SIM_DIVERGED;
        sim->diverged_at = sim->step;
    }
    return 0;
}

int xl_sim_set_theta0(xl_sim *sim, const double *theta0)
{
    assert(sim != NULL && theta0 != NULL);
    if (!xl_vec_all_finite(theta0, sim->np))
        return -1;
    memcpy(sim->theta0, theta0, (size_t)sim->np * sizeof(double));
    start(sim);
    return 0;
}

void xl_sim_reset(xl_sim *sim)
{
    assert(sim != NULL);
    start(sim);
}

void xl_sim_model_changed(xl_sim *sim)
{
    assert(sim != NULL);
    sim->floor_known = 0; /* a model without a version says so only here */
    refresh(sim);
}

int xl_sim_sync(xl_sim *sim)
{
    assert(sim != NULL);
    if (xl_model_version(sim->model) == sim->version)
        return 0;
    refresh(sim);
    return 1;
}

void xl_sim_set_lr(xl_sim *sim, double lr)
{
    assert(sim != NULL);
    sim->opt.hyper.lr = lr;
}

int xl_sim_set_optimizer(xl_sim *sim, xl_optim_kind kind, xl_optim_hyper hyper)
{
    assert(sim != NULL);
    if (hyper.lr == 0.0)
        hyper.lr = sim->opt.hyper.lr;
    xl_optim o;
    if (xl_optim_init(&o, kind, hyper, sim->np) != 0)
        return -1;
    /* Copy the header fields; init zeroed the state, and so does this reset. */
    sim->opt.kind = o.kind;
    sim->opt.hyper = o.hyper;
    xl_optim_reset(&sim->opt);
    return 0;
}

const xl_optim *xl_sim_optimizer(const xl_sim *sim)
{
    assert(sim != NULL);
    return &sim->opt;
}

long xl_sim_diverged_at(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->diverged_at;
}

void xl_sim_copy(xl_sim *dst, const xl_sim *src)
{
    assert(dst != NULL && src != NULL);
    assert(dst->np == src->np);
    if (dst == src)
        return;
    xl_model model = dst->model;
    double *thetas = dst->thetas;
    memcpy(dst, src, sizeof *dst);
    dst->model = model;
    dst->thetas = thetas;
    memcpy(dst->thetas, src->thetas, (size_t)(src->nd + src->live) * (size_t)src->np * sizeof(double));
    /* src's version number names src's model; for another object with equal state,
     * take that object's own number so no spurious change is seen. */
    if (model.self != src->model.self || model.ops != src->model.ops)
        dst->version = xl_model_version(model);
}

double xl_sim_lr(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->opt.hyper.lr;
}

long xl_sim_steps(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->step;
}

xl_sim_status xl_sim_status_get(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->status;
}

int xl_sim_param_count(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->np;
}

const double *xl_sim_theta(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->theta;
}

const double *xl_sim_theta0(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->theta0;
}

xl_sample xl_sim_current(const xl_sim *sim)
{
    assert(sim != NULL);
    xl_sample s = sim->samples[sim->nd + sim->live - 1];
    if (xl_model_version(sim->model) != sim->version) {
        /* The model was edited since this was recorded: the values it implies now. */
        xl_sample e = evaluate(sim);
        s.loss = e.loss;
        s.floor = e.floor;
        s.gap = e.gap;
    }
    return s;
}

int xl_sim_history_count(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->nd + sim->live;
}

const xl_sample *xl_sim_history(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->samples;
}

const double *xl_sim_history_theta(const xl_sim *sim, int i)
{
    assert(sim != NULL);
    assert(i >= 0 && i < sim->nd + sim->live);
    if (i == sim->nd) /* the live slot */
        return sim->theta;
    return sim->thetas + (size_t)i * sim->np;
}

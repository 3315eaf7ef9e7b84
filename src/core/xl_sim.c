/* xl_sim: plain gradient descent, theta <- theta - lr * grad L(theta), on any xl_model.
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
 * becomes XL_SIM_DIVERGED and theta stays at its last finite value until reset.
 */
#include "xl_sim.h"

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
    double lr;
    long step;
    xl_sim_status status;
    long stride;
    int nd;        /* decimated samples */
    int live;      /* 1 if samples[nd] holds the current state */
    xl_sample samples[XL_HISTORY_CAP];
    double *thetas; /* XL_HISTORY_CAP * np, parallel to samples */
};

/* 64 ulps of the larger operand: far above what the few operations of a loss and a
 * floor accumulate, far below any divergence a lesson shows (1e-6 nats and up). */
#define GAP_ROUNDING (64.0 * DBL_EPSILON)

static int all_finite(const double *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

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
    s.lr = sim->lr;
    return s;
}

static void put(xl_sim *sim, int slot, const xl_sample *s)
{
    sim->samples[slot] = *s;
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
        put(sim, sim->nd, s);
        sim->nd++;
        sim->live = 0;
    } else {
        put(sim, sim->nd, s);
        sim->live = 1;
    }
}

static void start(xl_sim *sim)
{
    memcpy(sim->theta, sim->theta0, sizeof sim->theta);
    sim->step = 0;
    sim->stride = 1;
    sim->nd = 0;
    sim->live = 0;
    xl_sample s = evaluate(sim);
    sim->status = isfinite(s.loss) && all_finite(sim->theta, sim->np) ? XL_SIM_OK
                                                                      : XL_SIM_DIVERGED;
    record(sim, &s);
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
    sim->lr = lr;
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

xl_sim_status xl_sim_step(xl_sim *sim, int count)
{
    assert(sim != NULL && count >= 0);
    double grad[XL_MAX_PARAMS];
    double next[XL_MAX_PARAMS];
    for (int k = 0; k < count && sim->status == XL_SIM_OK; k++) {
        sim->model.ops->gradient(sim->model.self, sim->theta, grad);
        for (int i = 0; i < sim->np; i++)
            next[i] = sim->theta[i] - sim->lr * grad[i];
        double loss = sim->model.ops->loss(sim->model.self, next);
        if (!isfinite(loss) || !all_finite(next, sim->np)) {
            sim->status = XL_SIM_DIVERGED;
            break;
        }
        memcpy(sim->theta, next, (size_t)sim->np * sizeof(double));
        sim->step++;
        xl_sample s;
        s.step = sim->step;
        s.loss = loss;
        s.floor = sim->model.ops->floor(sim->model.self);
        s.gap = gap_of(loss, s.floor);
        s.lr = sim->lr;
        record(sim, &s);
    }
    return sim->status;
}

void xl_sim_reset(xl_sim *sim)
{
    assert(sim != NULL);
    start(sim);
}

void xl_sim_model_changed(xl_sim *sim)
{
    assert(sim != NULL);
    int last = sim->nd + sim->live - 1;
    xl_sample s = sim->samples[last];
    xl_sample e = evaluate(sim);
    /* Same step, same lr that led here; only the values the new truth implies change. */
    s.loss = e.loss;
    s.floor = e.floor;
    s.gap = e.gap;
    sim->samples[last] = s;
    if (!isfinite(s.loss))
        sim->status = XL_SIM_DIVERGED;
}

void xl_sim_set_lr(xl_sim *sim, double lr)
{
    assert(sim != NULL);
    sim->lr = lr;
}

double xl_sim_lr(const xl_sim *sim)
{
    assert(sim != NULL);
    return sim->lr;
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
    return sim->samples[sim->nd + sim->live - 1];
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
    return sim->thetas + (size_t)i * sim->np;
}

/* xl_session_optim: the learning rate, the optimizers, their hyperparameters and races
 * (part of the session module; see xl_session_impl.h).
 *
 * Every run of a race has its own optimizer kind and shares the rate and the
 * hyperparameters; ladders give the values the keys step through.
 */
#include "xl_session_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1-2-5 steps from 0.001 to 100, the largest rate --lr accepts. lr-up from below the
 * foot (a denormal --lr 1e-320) joins at 0.001; lr-down there, or lr-up at the top,
 * keeps the rate. */
static const double lr_ladder[] = {
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100,
};

/* Momentum and Adam's beta1: the values textbooks and papers try. */
static const double decay_ladder[] = { 0.5, 0.8, 0.9, 0.95, 0.99 };
static const double beta2_ladder[] = { 0.9, 0.99, 0.999, 0.9999 };
static const double eps_ladder[] = { 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2 };

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
    } else if (xls_start_sim(s, xl_sim_lr(MAIN(s))) == 0) {
        return 1;
    }
    memcpy(s->kinds, saved, sizeof saved);
    s->nruns = saved_n;
    s->racing = saved_racing;
    return xls_refuse(s, "%s", "the optimizer could not be set");
}

/* A new hyperparameter for every run whose optimizer uses it. */
static int set_hyper(xl_session *s, double *field, double value, double lo, double hi, const char *what)
{
    if (!(value > lo && value < hi)) /* 0 means the default in xl_optim_hyper */
        return xls_refuse(s, "%s", what);
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
            return xls_refuse(s, "%s", what);
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

double xls_ladder_move(const double *ladder, int count, double value, int up)
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

/* The learning rate, the optimizer, its hyperparameters and races. Returns 1 or 0 (taken or refused), -1 if not one of these. */
int xls_apply_optimizer(xl_session *s, const xl_command *cmd)
{
    if (s->def->gradient_free && cmd->kind >= XL_CMD_LR_UP && cmd->kind <= XL_CMD_RACE_TOGGLE)
        return xls_refuse(s, "%s has no gradient: nothing learns, so there is no optimizer to set", s->def->title);
    switch (cmd->kind) {
    case XL_CMD_LR_UP:
    case XL_CMD_LR_DOWN: {
        int count = (int)(sizeof lr_ladder / sizeof lr_ladder[0]);
        set_lr_all(s, xls_ladder_move(lr_ladder, count, xl_sim_lr(MAIN(s)), cmd->kind == XL_CMD_LR_UP));
        return 1;
    }
    case XL_CMD_SET_LR:
        if (!(cmd->x > 0.0) || cmd->x > 100.0)
            return xls_refuse(s, "%s needs a learning rate greater than 0 and at most 100", "set-lr");
        set_lr_all(s, cmd->x);
        return 1;
    case XL_CMD_OPTIMIZER: {
        xl_optim_kind k;
        if (xl_optim_kind_parse(cmd->name, &k) != 0)
            return xls_refuse(s, "no optimizer '%s' (gd, momentum, nesterov or adam)", cmd->name);
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
        double next = xls_ladder_move(decay_ladder, count, now, up);
        return set_hyper(s, mu ? &s->hyper.mu : &s->hyper.beta1, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_BETA2_UP:
    case XL_CMD_BETA2_DOWN: {
        const xl_optim_hyper *h = &xl_sim_optimizer(MAIN(s))->hyper;
        int count = (int)(sizeof beta2_ladder / sizeof beta2_ladder[0]);
        double next = xls_ladder_move(beta2_ladder, count, h->beta2 ? h->beta2 : 0.999, cmd->kind == XL_CMD_BETA2_UP);
        return set_hyper(s, &s->hyper.beta2, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_EPS_UP:
    case XL_CMD_EPS_DOWN: {
        const xl_optim_hyper *h = &xl_sim_optimizer(MAIN(s))->hyper;
        int count = (int)(sizeof eps_ladder / sizeof eps_ladder[0]);
        /* Compared with a margin: 1e-8 times 10 is not exactly 1e-7 in binary. */
        double now = h->eps ? h->eps : 1e-8;
        double next = xls_ladder_move(eps_ladder, count, cmd->kind == XL_CMD_EPS_UP ? now * 1.0001 : now * 0.9999,
                                  cmd->kind == XL_CMD_EPS_UP);
        return set_hyper(s, &s->hyper.eps, next, 0.0, 1.0, "out of range");
    }
    case XL_CMD_RACE: {
        xl_optim_kind kinds[XL_RACE_MAX];
        int n = parse_race(cmd->name, kinds);
        if (n < 0)
            return xls_refuse(s, "race needs 2 to 4 different optimizers, e.g. race gd,momentum,adam, not '%s'",
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

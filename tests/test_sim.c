/* Tests for xl_sim: descent lowers the loss to the floor, runs are bit-for-bit
 * deterministic, reset, the decimating history, lr changes, model edits, and the
 * detection of a diverging run. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_classifier.h"
#include "xl_info.h"
#include "xl_rng.h"
#include "xl_sim.h"

static const double TOL_EXACT = 1e-12;
static const double KL_TARGET = 1e-6;
static const long MAX_DESCENT_STEPS = 20000;

static void bird_classifier(xl_classifier *c, double *z0)
{
    xl_classifier_init(c, 5);
    const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    memcpy(c->p, p, sizeof p);
    xl_rng rng = xl_rng_make(1);
    for (int i = 0; i < 5; i++)
        z0[i] = xl_rng_range(&rng, -3.0, 3.0);
}

START_TEST(test_descent_converges)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.1);
    ck_assert_ptr_nonnull(sim);
    xl_sample prev = xl_sim_current(sim);
    ck_assert_int_eq(prev.step, 0);
    ck_assert_double_eq_tol(prev.floor, xl_entropy(c.p, 5, XL_NATS), TOL_EXACT);
    ck_assert_msg(prev.gap > 0.1, "start should be far from P, gap %g", prev.gap);
    long steps = 0;
    while (prev.gap >= KL_TARGET && steps < MAX_DESCENT_STEPS) {
        ck_assert_int_eq(xl_sim_step(sim, 1), XL_SIM_OK);
        steps++;
        xl_sample cur = xl_sim_current(sim);
        ck_assert_int_eq(cur.step, steps);
        ck_assert_msg(cur.loss < prev.loss, "step %ld: loss %.17g did not fall from %.17g", steps,
                      cur.loss, prev.loss);
        ck_assert_double_eq_tol(cur.gap, cur.loss - cur.floor, TOL_EXACT);
        prev = cur;
    }
    ck_assert_msg(prev.gap < KL_TARGET, "KL %g after %ld steps", prev.gap, steps);
    /* The gap is the KL divergence of Q = softmax(theta) from P. */
    double q[5];
    xl_softmax(xl_sim_theta(sim), 5, q);
    ck_assert_double_eq_tol(prev.gap, xl_kl(c.p, q, 5, XL_NATS), TOL_EXACT);
    /* grad sums to 0, so the sum of logits is conserved. */
    double s0 = 0.0, s1 = 0.0;
    for (int i = 0; i < 5; i++) {
        s0 += z0[i];
        s1 += xl_sim_theta(sim)[i];
    }
    ck_assert_double_eq_tol(s1, s0, 1e-9);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_one_step_formula)
{
    xl_classifier c;
    double z0[5], g[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_classifier_gradient(&c, z0, g);
    xl_sim_step(sim, 1);
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq(xl_sim_theta(sim)[i], z0[i] - 0.5 * g[i]);
    ck_assert_double_eq(xl_sim_theta0(sim)[0], z0[0]);
    ck_assert_int_eq(xl_sim_param_count(sim), 5);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_deterministic)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *a = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sim *b = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sim_step(a, 777);
    for (int i = 0; i < 777; i++)
        xl_sim_step(b, 1);
    ck_assert_int_eq(memcmp(xl_sim_theta(a), xl_sim_theta(b), 5 * sizeof(double)), 0);
    xl_sample sa = xl_sim_current(a), sb = xl_sim_current(b);
    ck_assert_int_eq(memcmp(&sa.loss, &sb.loss, sizeof sa.loss), 0);
    ck_assert_int_eq(xl_sim_history_count(a), xl_sim_history_count(b));
    xl_sim_destroy(a);
    xl_sim_destroy(b);
}
END_TEST

START_TEST(test_reset)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sample first = xl_sim_current(sim);
    xl_sim_step(sim, 50);
    ck_assert_int_eq(xl_sim_steps(sim), 50);
    ck_assert_int_eq(xl_sim_history_count(sim), 51);
    xl_sim_reset(sim);
    ck_assert_int_eq(xl_sim_steps(sim), 0);
    ck_assert_int_eq(xl_sim_history_count(sim), 1);
    ck_assert_int_eq(memcmp(xl_sim_theta(sim), z0, sizeof z0), 0);
    ck_assert_double_eq(xl_sim_current(sim).loss, first.loss);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_OK);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_history_short)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    ck_assert_int_eq(xl_sim_history_count(sim), 1);
    ck_assert_int_eq(xl_sim_history(sim)[0].step, 0);
    xl_sim_step(sim, 10);
    ck_assert_int_eq(xl_sim_history_count(sim), 11);
    for (int i = 0; i <= 10; i++)
        ck_assert_int_eq(xl_sim_history(sim)[i].step, i);
    ck_assert_int_eq(memcmp(xl_sim_history_theta(sim, 0), z0, sizeof z0), 0);
    ck_assert_int_eq(memcmp(xl_sim_history_theta(sim, 10), xl_sim_theta(sim), sizeof z0), 0);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_history_decimation)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sim *ref = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    const long total = 100000;
    for (long done = 0; done < total;) {
        int chunk = 997;
        if (total - done < chunk)
            chunk = (int)(total - done);
        xl_sim_step(sim, chunk);
        done += chunk;
        int n = xl_sim_history_count(sim);
        const xl_sample *h = xl_sim_history(sim);
        ck_assert_int_le(n, XL_HISTORY_CAP);
        ck_assert_int_eq(h[0].step, 0);
        ck_assert_int_eq(h[n - 1].step, done);
    }
    int n = xl_sim_history_count(sim);
    const xl_sample *h = xl_sim_history(sim);
    ck_assert_msg(n > XL_HISTORY_CAP / 2, "history thinned too far: %d", n);
    ck_assert_int_eq(memcmp(xl_sim_history_theta(sim, 0), z0, sizeof z0), 0);
    xl_sample cur = xl_sim_current(sim);
    ck_assert_int_eq(memcmp(&h[n - 1], &cur, sizeof cur), 0);
    ck_assert_int_eq(memcmp(xl_sim_history_theta(sim, n - 1), xl_sim_theta(sim), sizeof z0), 0);
    long spacing = h[1].step - h[0].step;
    ck_assert_msg(spacing >= 64 && (spacing & (spacing - 1)) == 0, "spacing %ld", spacing);
    for (int i = 1; i < n; i++) {
        ck_assert_msg(h[i].step > h[i - 1].step, "steps not increasing at %d", i);
        if (i < n - 1)
            ck_assert_msg(h[i].step - h[i - 1].step == spacing, "uneven spacing at %d: %ld", i,
                          h[i].step - h[i - 1].step);
        else
            ck_assert_int_le(h[i].step - h[i - 1].step, spacing);
    }
    /* Each stored snapshot is the state at its step: replay to a middle sample. */
    int mid = n / 2;
    xl_sim_step(ref, (int)h[mid].step);
    ck_assert_int_eq(memcmp(xl_sim_history_theta(sim, mid), xl_sim_theta(ref), sizeof z0), 0);
    ck_assert_double_eq(h[mid].loss, xl_sim_current(ref).loss);
    xl_sim_destroy(sim);
    xl_sim_destroy(ref);
}
END_TEST

START_TEST(test_lr_change_recorded)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.1);
    xl_sim_step(sim, 5);
    xl_sim_set_lr(sim, 2.0);
    ck_assert_double_eq(xl_sim_lr(sim), 2.0);
    xl_sim_step(sim, 5);
    const xl_sample *h = xl_sim_history(sim);
    ck_assert_int_eq(xl_sim_history_count(sim), 11);
    for (int i = 0; i <= 5; i++)
        ck_assert_double_eq(h[i].lr, 0.1);
    for (int i = 6; i <= 10; i++)
        ck_assert_double_eq(h[i].lr, 2.0);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_model_changed)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sim_step(sim, 3);
    xl_classifier_set_onehot(&c, 0);
    xl_sim_model_changed(sim);
    xl_sample cur = xl_sim_current(sim);
    ck_assert_int_eq(cur.step, 3);
    ck_assert_int_eq(xl_sim_history_count(sim), 4);
    ck_assert_double_eq_tol(cur.floor, 0.0, TOL_EXACT);
    double q[5];
    xl_softmax(xl_sim_theta(sim), 5, q);
    ck_assert_double_eq_tol(cur.loss, -log(q[0]), TOL_EXACT);
    ck_assert_double_eq_tol(xl_sim_history(sim)[3].loss, -log(q[0]), TOL_EXACT);
    /* Earlier samples keep the truth they saw. */
    ck_assert_msg(xl_sim_history(sim)[2].floor > 1.0, "sample 2 floor %g",
                  xl_sim_history(sim)[2].floor);
    xl_sim_destroy(sim);
}
END_TEST

/* Issue 5, item 2: gap = loss - floor is D_KL >= 0; rounding alone must not make it
 * negative. For N = 14 uniform with equal logits the loss and H(P) differ by an ulp
 * (the floor came out 4.4e-16 above the loss). */
START_TEST(test_gap_never_negative_by_rounding)
{
    const double mags[] = { 0.0, 1.0, 1e16, 1e300 };
    for (int n = 2; n <= XL_MAX_CLASSES; n++) {
        for (size_t k = 0; k < sizeof mags / sizeof mags[0]; k++) {
            xl_classifier c;
            xl_classifier_init(&c, n);
            double z0[XL_MAX_CLASSES];
            for (int i = 0; i < n; i++)
                z0[i] = mags[k];
            xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
            xl_sample s0 = xl_sim_current(sim);
            /* Rounding may leave a positive ulp or two; never a negative one. */
            ck_assert_msg(s0.gap >= 0.0 && s0.gap < 1e-14 && !signbit(s0.gap),
                          "n=%d z=%g: start gap %g (loss %.17g, floor %.17g)", n, mags[k], s0.gap, s0.loss,
                          s0.floor);
            xl_sim_step(sim, 2);
            ck_assert_msg(xl_sim_current(sim).gap >= 0.0, "n=%d z=%g: gap after steps %g", n, mags[k],
                          xl_sim_current(sim).gap);
            xl_sim_model_changed(sim);
            ck_assert_msg(xl_sim_current(sim).gap >= 0.0, "n=%d z=%g: gap after model change %g", n,
                          mags[k], xl_sim_current(sim).gap);
            if (n == 14)
                ck_assert_msg(s0.gap == 0.0, "n=14 z=%g: gap %g", mags[k], s0.gap);
            xl_sim_destroy(sim);
        }
    }
}
END_TEST

/* A gap below zero by more than rounding is a fault of the model, and stays visible. */
static double low_loss(const void *self, const double *t) { (void)self; (void)t; return 1.0; }
static double high_floor(const void *self) { (void)self; return 1.5; }
static double rounding_floor(const void *self) { (void)self; return 1.0 + 2.2e-16; }
static void zero_grad(const void *self, const double *t, double *g) { (void)self; (void)t; g[0] = 0.0; }
static int one_param_count(const void *self) { (void)self; return 1; }

START_TEST(test_gap_negative_beyond_rounding_kept)
{
    const xl_model_ops bad = { .id = "bad", .loss = low_loss, .gradient = zero_grad,
        .floor = high_floor, .param_count = one_param_count };
    const xl_model_ops close = { .id = "close", .loss = low_loss, .gradient = zero_grad,
        .floor = rounding_floor, .param_count = one_param_count };
    const double t0[1] = { 0.0 };
    xl_model m = { &bad, NULL };
    xl_sim *sim = xl_sim_create(m, t0, 0.1);
    ck_assert_double_eq_tol(xl_sim_current(sim).gap, -0.5, TOL_EXACT);
    xl_sim_destroy(sim);
    xl_model m2 = { &close, NULL };
    sim = xl_sim_create(m2, t0, 0.1);
    ck_assert_double_eq(xl_sim_current(sim).gap, 0.0);
    xl_sim_destroy(sim);
}
END_TEST

/* Fake models for divergence: loss -t (pushes t up by lr per step) that turns NaN past
 * t = 3, and t^2 that overflows when lr is far too large. */
static double nan_loss(const void *self, const double *t) { (void)self; return t[0] > 3.0 ? NAN : -t[0]; }
static void nan_grad(const void *self, const double *t, double *g) { (void)self; (void)t; g[0] = -1.0; }
static double zero_floor(const void *self) { (void)self; return 0.0; }
static int one_param(const void *self) { (void)self; return 1; }
static int no_params(const void *self) { (void)self; return 0; }
static int too_many_params(const void *self) { (void)self; return XL_MAX_PARAMS + 1; }
static double sq_loss(const void *self, const double *t) { (void)self; return t[0] * t[0]; }
static void sq_grad(const void *self, const double *t, double *g) { (void)self; g[0] = 2.0 * t[0]; }

START_TEST(test_divergence_nan)
{
    static const xl_model_ops ops = { .id = "nan", .loss = nan_loss, .gradient = nan_grad,
        .floor = zero_floor, .param_count = one_param };
    xl_model m = { &ops, NULL };
    const double t0[1] = { 0.0 };
    xl_sim *sim = xl_sim_create(m, t0, 1.0);
    ck_assert_int_eq(xl_sim_step(sim, 2), XL_SIM_OK);
    ck_assert_int_eq(xl_sim_step(sim, 10), XL_SIM_DIVERGED);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_DIVERGED);
    ck_assert_double_eq(xl_sim_theta(sim)[0], 3.0);
    ck_assert_int_eq(xl_sim_steps(sim), 3);
    ck_assert_int_eq(xl_sim_diverged_at(sim), 4); /* step 4 would have left the finite */
    ck_assert_msg(isfinite(xl_sim_current(sim).loss), "current loss %g", xl_sim_current(sim).loss);
    /* Refused until reset. */
    ck_assert_int_eq(xl_sim_step(sim, 1), XL_SIM_DIVERGED);
    ck_assert_int_eq(xl_sim_steps(sim), 3);
    ck_assert_int_eq(xl_sim_diverged_at(sim), 4);
    xl_sim_reset(sim);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_OK);
    ck_assert_int_eq(xl_sim_diverged_at(sim), -1);
    ck_assert_int_eq(xl_sim_step(sim, 1), XL_SIM_OK);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_divergence_overflow)
{
    static const xl_model_ops ops = { .id = "square", .loss = sq_loss, .gradient = sq_grad,
        .floor = zero_floor, .param_count = one_param };
    xl_model m = { &ops, NULL };
    const double t0[1] = { 1.0 };
    xl_sim *sim = xl_sim_create(m, t0, 10.0); /* t <- -19 t */
    ck_assert_int_eq(xl_sim_step(sim, 1000), XL_SIM_DIVERGED);
    ck_assert_msg(isfinite(xl_sim_theta(sim)[0]), "theta %g", xl_sim_theta(sim)[0]);
    ck_assert_msg(xl_sim_steps(sim) > 100 && xl_sim_steps(sim) < 1000, "diverged at %ld",
                  xl_sim_steps(sim));
    ck_assert_int_eq(xl_sim_diverged_at(sim), xl_sim_steps(sim) + 1);
    int n = xl_sim_history_count(sim);
    for (int i = 0; i < n; i++)
        ck_assert_msg(isfinite(xl_sim_history(sim)[i].loss), "sample %d not finite", i);
    xl_sim_destroy(sim);
}
END_TEST

START_TEST(test_create_rejects)
{
    static const xl_model_ops none = { .id = "none", .loss = sq_loss, .gradient = sq_grad,
        .floor = zero_floor, .param_count = no_params };
    static const xl_model_ops many = { .id = "many", .loss = sq_loss, .gradient = sq_grad,
        .floor = zero_floor, .param_count = too_many_params };
    const double t0[XL_MAX_PARAMS + 1] = { 0 };
    xl_model m0 = { &none, NULL }, m1 = { &many, NULL };
    ck_assert_ptr_null(xl_sim_create(m0, t0, 0.1));
    ck_assert_ptr_null(xl_sim_create(m1, t0, 0.1));
}
END_TEST

/* Issue 6: the sim steps through an xl_optim record. Switching keeps theta and the
 * history and starts the new optimizer's state from zero; set_lr reaches the record. */
START_TEST(test_set_optimizer)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    ck_assert_int_eq(xl_sim_optimizer(sim)->kind, XL_OPTIM_GD);
    ck_assert_double_eq(xl_sim_optimizer(sim)->hyper.lr, 0.5);
    xl_sim_step(sim, 4);
    double theta[5];
    memcpy(theta, xl_sim_theta(sim), sizeof theta);
    ck_assert_int_eq(xl_sim_set_optimizer(sim, XL_OPTIM_MOMENTUM, (xl_optim_hyper){ 0 }), 0);
    const xl_optim *o = xl_sim_optimizer(sim);
    ck_assert_int_eq(o->kind, XL_OPTIM_MOMENTUM);
    ck_assert_double_eq(o->hyper.lr, 0.5); /* lr 0: the sim's rate is kept */
    ck_assert_double_eq(o->hyper.mu, 0.9);
    ck_assert_int_eq(o->t, 0);
    ck_assert_int_eq(memcmp(xl_sim_theta(sim), theta, sizeof theta), 0);
    ck_assert_int_eq(xl_sim_steps(sim), 4);
    ck_assert_int_eq(xl_sim_history_count(sim), 5);
    /* The next step is exactly a momentum step from zero velocity, done by hand. */
    xl_optim ref;
    xl_optim_init(&ref, XL_OPTIM_MOMENTUM, (xl_optim_hyper){ .lr = 0.5 }, 5);
    double want[5];
    for (int k = 0; k < 3; k++)
        xl_optim_step(&ref, xl_classifier_model(&c), k == 0 ? theta : want, want, NULL);
    xl_sim_step(sim, 3);
    ck_assert_int_eq(memcmp(xl_sim_theta(sim), want, sizeof want), 0);
    ck_assert_int_eq(xl_sim_optimizer(sim)->t, 3);
    /* set_lr sets the record's rate and is what the next samples carry. */
    xl_sim_set_lr(sim, 0.25);
    ck_assert_double_eq(xl_sim_optimizer(sim)->hyper.lr, 0.25);
    ck_assert_double_eq(xl_sim_lr(sim), 0.25);
    xl_sim_step(sim, 1);
    ck_assert_double_eq(xl_sim_current(sim).lr, 0.25);
    /* An explicit rate wins; a bad hyperparameter changes nothing. */
    ck_assert_int_eq(xl_sim_set_optimizer(sim, XL_OPTIM_ADAM, (xl_optim_hyper){ .lr = 0.05 }), 0);
    ck_assert_double_eq(xl_sim_lr(sim), 0.05);
    ck_assert_double_eq(xl_sim_optimizer(sim)->hyper.beta2, 0.999);
    xl_sim_step(sim, 2);
    ck_assert_int_eq(xl_sim_set_optimizer(sim, XL_OPTIM_NESTEROV, (xl_optim_hyper){ .mu = 1.5 }), -1);
    ck_assert_int_eq(xl_sim_optimizer(sim)->kind, XL_OPTIM_ADAM);
    ck_assert_int_eq(xl_sim_optimizer(sim)->t, 2);
    /* Reset zeroes the state and keeps the kind and rate. */
    xl_sim_reset(sim);
    o = xl_sim_optimizer(sim);
    ck_assert_int_eq(o->kind, XL_OPTIM_ADAM);
    ck_assert_double_eq(o->hyper.lr, 0.05);
    ck_assert_int_eq(o->t, 0);
    for (int i = 0; i < 5; i++)
        ck_assert_msg(o->v[i] == 0.0 && o->m[i] == 0.0, "state %d after reset: v %g m %g", i, o->v[i], o->m[i]);
    ck_assert_int_eq(memcmp(xl_sim_theta(sim), z0, sizeof z0), 0);
    xl_sim_destroy(sim);
}
END_TEST

/* Issue 6, item 4: a snapshot taken mid-run (past 2000 steps, so the 100 steps after
 * it cross a history compaction) and restored gives the same 100 steps bit for bit:
 * theta, every history sample and every stored theta, for each optimizer. */
START_TEST(test_snapshot_restore)
{
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        xl_classifier c;
        double z0[5];
        bird_classifier(&c, z0);
        xl_model m = xl_classifier_model(&c);
        xl_sim *sim = xl_sim_create(m, z0, 0.1);
        xl_sim *snap = xl_sim_create(m, z0, 0.1);
        ck_assert_int_eq(xl_sim_set_optimizer(sim, (xl_optim_kind)k, (xl_optim_hyper){ .lr = 0.02 }), 0);
        xl_sim_step(sim, 2000);
        xl_sim_copy(snap, sim);
        ck_assert_int_eq(xl_sim_step(sim, 100), XL_SIM_OK);
        static double theta_a[5], thetas_a[XL_HISTORY_CAP * 5];
        static xl_sample hist_a[XL_HISTORY_CAP];
        xl_optim opt_a = *xl_sim_optimizer(sim);
        int n = xl_sim_history_count(sim);
        memcpy(theta_a, xl_sim_theta(sim), sizeof theta_a);
        memcpy(hist_a, xl_sim_history(sim), (size_t)n * sizeof(xl_sample));
        for (int i = 0; i < n; i++)
            memcpy(thetas_a + 5 * i, xl_sim_history_theta(sim, i), 5 * sizeof(double));

        xl_sim_copy(sim, snap); /* restore */
        ck_assert_int_eq(xl_sim_steps(sim), 2000);
        ck_assert_int_eq(xl_sim_step(sim, 100), XL_SIM_OK);
        const char *name = xl_optim_kind_name((xl_optim_kind)k);
        ck_assert_msg(memcmp(theta_a, xl_sim_theta(sim), sizeof theta_a) == 0, "%s: theta differs", name);
        ck_assert_msg(xl_sim_history_count(sim) == n, "%s: history %d vs %d", name, xl_sim_history_count(sim), n);
        ck_assert_msg(memcmp(hist_a, xl_sim_history(sim), (size_t)n * sizeof(xl_sample)) == 0,
                      "%s: history samples differ", name);
        for (int i = 0; i < n; i++)
            ck_assert_msg(memcmp(thetas_a + 5 * i, xl_sim_history_theta(sim, i), 5 * sizeof(double)) == 0,
                          "%s: history theta %d differs", name, i);
        ck_assert_msg(memcmp(&opt_a, xl_sim_optimizer(sim), sizeof opt_a) == 0, "%s: optimizer state differs",
                      name);
        ck_assert_msg(xl_sim_history(sim)[1].step - xl_sim_history(sim)[0].step == 2,
                      "%s: the run should have crossed a compaction", name);
        /* The snapshot itself was not disturbed by either run. */
        ck_assert_int_eq(xl_sim_steps(snap), 2000);
        xl_sim_destroy(snap);
        xl_sim_destroy(sim);
    }
}
END_TEST

/* A copy onto a sim of another classifier with equal state continues identically. */
START_TEST(test_copy_across_equal_models)
{
    xl_classifier c1, c2;
    double z0[5];
    bird_classifier(&c1, z0);
    bird_classifier(&c2, z0);
    xl_classifier_touch(&c2); /* equal state, different version number */
    xl_sim *a = xl_sim_create(xl_classifier_model(&c1), z0, 0.3);
    xl_sim *b = xl_sim_create(xl_classifier_model(&c2), z0, 0.3);
    xl_sim_set_optimizer(a, XL_OPTIM_NESTEROV, (xl_optim_hyper){ 0 });
    xl_sim_step(a, 17);
    xl_sim_copy(b, a);
    ck_assert_int_eq(xl_sim_sync(b), 0);
    xl_sim_step(a, 30);
    xl_sim_step(b, 30);
    ck_assert_int_eq(memcmp(xl_sim_theta(a), xl_sim_theta(b), 5 * sizeof(double)), 0);
    xl_sample sa = xl_sim_current(a), sb = xl_sim_current(b);
    ck_assert_int_eq(memcmp(&sa, &sb, sizeof sa), 0);
    xl_sim_destroy(a);
    xl_sim_destroy(b);
}
END_TEST

/* Issue 6, item 1: an edit of P without xl_sim_model_changed is noticed through the
 * model's version: at once by xl_sim_current, in the history by sync or the next step. */
START_TEST(test_model_version_noticed)
{
    xl_classifier c;
    double z0[5];
    bird_classifier(&c, z0);
    xl_sim *sim = xl_sim_create(xl_classifier_model(&c), z0, 0.5);
    xl_sim_step(sim, 3);
    ck_assert_int_eq(xl_sim_sync(sim), 0);
    double old_loss = xl_sim_history(sim)[3].loss;
    xl_classifier_set_onehot(&c, 0);
    double q[5];
    xl_softmax(xl_sim_theta(sim), 5, q);
    xl_sample cur = xl_sim_current(sim);
    ck_assert_int_eq(cur.step, 3);
    ck_assert_double_eq_tol(cur.loss, -log(q[0]), TOL_EXACT);
    ck_assert_double_eq_tol(cur.floor, 0.0, TOL_EXACT);
    ck_assert_double_eq(xl_sim_history(sim)[3].loss, old_loss); /* not yet synced */
    ck_assert_int_eq(xl_sim_sync(sim), 1);
    ck_assert_int_eq(xl_sim_sync(sim), 0);
    ck_assert_double_eq_tol(xl_sim_history(sim)[3].loss, -log(q[0]), TOL_EXACT);
    ck_assert_int_eq(memcmp(&xl_sim_history(sim)[3], &cur, sizeof cur), 0);
    /* The next step syncs by itself first. */
    xl_classifier_set_uniform(&c);
    xl_sim_step(sim, 1);
    ck_assert_double_eq_tol(xl_sim_history(sim)[3].floor, log(5.0), TOL_EXACT);
    ck_assert_double_eq_tol(xl_sim_history(sim)[4].floor, log(5.0), TOL_EXACT);
    /* model_changed stays safe when nothing changed: the same values. */
    xl_sample before = xl_sim_current(sim);
    xl_sim_model_changed(sim);
    xl_sample after = xl_sim_current(sim);
    ck_assert_int_eq(memcmp(&before, &after, sizeof before), 0);
    xl_sim_destroy(sim);
}
END_TEST

/* Where divergence is dated when no step caused it: a start that is not finite is
 * "diverged at step 0"; an edit that makes the loss infinite dates it at the current
 * step, whether announced or noticed through the version. */
typedef struct switch_model { int bad; unsigned long version; } switch_model;
static double switch_loss(const void *self, const double *t)
{
    const switch_model *m = self;
    return m->bad ? INFINITY : t[0] * t[0];
}
static unsigned long switch_version(const void *self) { return ((const switch_model *)self)->version; }

START_TEST(test_diverged_at_without_a_step)
{
    static const xl_model_ops ops = { .id = "switch", .loss = switch_loss, .gradient = sq_grad,
                                      .floor = zero_floor, .param_count = one_param, .version = switch_version };
    switch_model sm = { 1, 1 };
    xl_model m = { &ops, &sm };
    const double t0[1] = { 1.0 };
    xl_sim *sim = xl_sim_create(m, t0, 0.1);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_DIVERGED);
    ck_assert_int_eq(xl_sim_diverged_at(sim), 0);
    sm.bad = 0;
    sm.version++;
    xl_sim_reset(sim);
    ck_assert_int_eq(xl_sim_diverged_at(sim), -1);
    ck_assert_int_eq(xl_sim_step(sim, 5), XL_SIM_OK);
    sm.bad = 1;
    sm.version++;
    ck_assert_int_eq(xl_sim_step(sim, 5), XL_SIM_DIVERGED);
    ck_assert_int_eq(xl_sim_steps(sim), 5);
    ck_assert_int_eq(xl_sim_diverged_at(sim), 5);
    xl_sim_destroy(sim);
}
END_TEST

/* The classifier's model without its fused pass (and without a version, so no gradient
 * is kept between steps): the steps the simulation took before the fused pass existed. */
static double plain_loss(const void *self, const double *z) { return xl_classifier_loss(self, z); }
static void plain_gradient(const void *self, const double *z, double *g) { xl_classifier_gradient(self, z, g); }
static double plain_floor(const void *self)
{
    const xl_classifier *c = self;
    return xl_entropy(c->p, c->n, XL_NATS);
}
static int plain_count(const void *self) { return ((const xl_classifier *)self)->n; }
static const xl_model_ops plain_ops = {"plain", plain_loss, plain_gradient, plain_floor, plain_count, NULL, NULL, NULL};

/* With the gradient kept from the fused pass, every optimizer takes the same steps to
 * the last bit, also across an edit of P in the middle (the kept gradient is then not
 * used) and after theta is moved from outside. */
START_TEST(test_fused_pass_same_steps)
{
    for (int kind = 0; kind < XL_OPTIM_KIND_COUNT; kind++) {
        xl_classifier c;
        double z0[XL_MAX_CLASSES];
        bird_classifier(&c, z0);
        xl_model fused = xl_classifier_model(&c), plain = {&plain_ops, &c};
        ck_assert_ptr_nonnull(fused.ops->loss_gradient);
        xl_sim *a = xl_sim_create(fused, z0, 0.5), *b = xl_sim_create(plain, z0, 0.5);
        xl_optim_hyper h = {.lr = 0.5};
        ck_assert_int_eq(xl_sim_set_optimizer(a, (xl_optim_kind)kind, h), 0);
        ck_assert_int_eq(xl_sim_set_optimizer(b, (xl_optim_kind)kind, h), 0);
        for (int round = 0; round < 4; round++) {
            xl_sim_step(a, 40 + round);
            xl_sim_step(b, 40 + round);
            ck_assert_int_eq(memcmp(xl_sim_theta(a), xl_sim_theta(b), (size_t)c.n * sizeof(double)), 0);
            const xl_sample sa = xl_sim_current(a), sb = xl_sim_current(b);
            ck_assert_int_eq(memcmp(&sa.loss, &sb.loss, sizeof sa.loss), 0);
            /* The history's last entry is the current point (the live slot reads theta). */
            const int last = xl_sim_history_count(a) - 1;
            ck_assert_int_eq(memcmp(xl_sim_history_theta(a, last), xl_sim_theta(a), (size_t)c.n * sizeof(double)), 0);
            ck_assert_int_eq(xl_sim_history(a)[last].step, sa.step);
            if (round == 2) { /* from the start again: the kept gradient is not the start's */
                xl_sim_reset(a);
                xl_sim_reset(b);
            }
            if (round == 0) xl_classifier_set_onehot(&c, 2); /* P changes: the kept gradient is stale */
            if (round == 1) {
                double moved[XL_MAX_CLASSES];
                memcpy(moved, xl_sim_theta(a), sizeof moved);
                moved[0] += 0.25;
                xl_sim_set_theta(a, moved);
                xl_sim_set_theta(b, moved);
            }
        }
        xl_sim_destroy(a);
        xl_sim_destroy(b);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("sim");
    const xl_test_case cases[] = {
        { "gap never negative by rounding", test_gap_never_negative_by_rounding },
        { "gap negative beyond rounding kept", test_gap_negative_beyond_rounding_kept },
        { "descent converges", test_descent_converges },
        { "one step formula", test_one_step_formula },
        { "determinism", test_deterministic },
        { "reset", test_reset },
        { "history short run", test_history_short },
        { "history decimation", test_history_decimation },
        { "lr change recorded", test_lr_change_recorded },
        { "model changed", test_model_changed },
        { "divergence nan", test_divergence_nan },
        { "divergence overflow", test_divergence_overflow },
        { "create rejects", test_create_rejects },
        { "set optimizer", test_set_optimizer },
        { "snapshot and restore", test_snapshot_restore },
        { "copy across equal models", test_copy_across_equal_models },
        { "model version noticed", test_model_version_noticed },
        { "diverged at, without a step", test_diverged_at_without_a_step },
        { "fused pass takes the same steps", test_fused_pass_same_steps },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

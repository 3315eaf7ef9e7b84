/* Tests for xl_optim: the first steps of every optimizer against hand computation,
 * momentum and Nesterov against an independent recurrence, Adam's bias correction,
 * descent on the softmax classifier, reset, divergence, names and defaults. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_classifier.h"
#include "xl_optim.h"

static const double TOL_HAND = 1e-12;  /* hand values are exact decimals */
static const double TOL_ADAM = 1e-12;  /* against the written-out Adam numbers */

/* L = 1/2 (a x^2 + b y^2), gradient (a x, b y); self points at {a, b}. With a = 1,
 * b = 10 the valley is ten times steeper across y than along x: the shape on which
 * momentum's advantage is usually shown. */
static double quad_loss(const void *self, const double *t)
{
    const double *k = self;
    return 0.5 * (k[0] * t[0] * t[0] + k[1] * t[1] * t[1]);
}
static void quad_grad(const void *self, const double *t, double *g)
{
    const double *k = self;
    g[0] = k[0] * t[0];
    g[1] = k[1] * t[1];
}
static double zero_floor(const void *self) { (void)self; return 0.0; }
static int two_params(const void *self) { (void)self; return 2; }
static const xl_model_ops quad_ops = { .id = "quadratic", .loss = quad_loss, .gradient = quad_grad,
                                       .floor = zero_floor, .param_count = two_params };
static const double QUAD_AB[2] = { 1.0, 10.0 };

static xl_model quad_model(const double *ab)
{
    xl_model m = { &quad_ops, ab };
    return m;
}

/* Two steps from (1, 1) at lr 0.05; returns theta after each in t1, t2. */
static void two_steps(xl_optim_kind kind, double *t1, double *t2)
{
    xl_optim o;
    xl_optim_hyper h = { .lr = 0.05 };
    ck_assert_int_eq(xl_optim_init(&o, kind, h, 2), 0);
    double t0[2] = { 1.0, 1.0 };
    ck_assert_int_eq(xl_optim_step(&o, quad_model(QUAD_AB), t0, t1, NULL), 0);
    ck_assert_int_eq(xl_optim_step(&o, quad_model(QUAD_AB), t1, t2, NULL), 0);
    ck_assert_int_eq(o.t, 2);
}

#define ASSERT_PAIR(t, x, y, tol)                                                                   \
    ck_assert_msg(fabs((t)[0] - (x)) <= (tol) && fabs((t)[1] - (y)) <= (tol),                      \
                  "%s: (%.17g, %.17g), expected (%.17g, %.17g)", #t, (t)[0], (t)[1], (double)(x), \
                  (double)(y))

/* g = (x, 10 y).
 * step 1: g = (1, 10); theta = (1 - 0.05, 1 - 0.5) = (0.95, 0.5).
 * step 2: g = (0.95, 5); theta = (0.95 - 0.0475, 0.5 - 0.25) = (0.9025, 0.25). */
START_TEST(test_gd_two_steps)
{
    double t1[2], t2[2];
    two_steps(XL_OPTIM_GD, t1, t2);
    ASSERT_PAIR(t1, 0.95, 0.5, TOL_HAND);
    ASSERT_PAIR(t2, 0.9025, 0.25, TOL_HAND);
}
END_TEST

/* mu = 0.9.
 * step 1: v = 0.9 (0, 0) + (1, 10) = (1, 10); theta = (1, 1) - 0.05 (1, 10) = (0.95, 0.5).
 * step 2: g = (0.95, 5); v = 0.9 (1, 10) + (0.95, 5) = (1.85, 14);
 *         theta = (0.95, 0.5) - 0.05 (1.85, 14) = (0.95 - 0.0925, 0.5 - 0.7) = (0.8575, -0.2).
 * y overshoots the valley floor already: the velocity remembers the steep first slope. */
START_TEST(test_momentum_two_steps)
{
    double t1[2], t2[2];
    two_steps(XL_OPTIM_MOMENTUM, t1, t2);
    ASSERT_PAIR(t1, 0.95, 0.5, TOL_HAND);
    ASSERT_PAIR(t2, 0.8575, -0.2, TOL_HAND);
}
END_TEST

/* mu = 0.9.
 * step 1: v = (1, 10); g + mu v = (1 + 0.9, 10 + 9) = (1.9, 19);
 *         theta = (1, 1) - 0.05 (1.9, 19) = (1 - 0.095, 1 - 0.95) = (0.905, 0.05).
 * step 2: g = (0.905, 0.5); v = 0.9 (1, 10) + (0.905, 0.5) = (1.805, 9.5);
 *         g + mu v = (0.905 + 1.6245, 0.5 + 8.55) = (2.5295, 9.05);
 *         theta = (0.905 - 0.126475, 0.05 - 0.4525) = (0.778525, -0.4025). */
START_TEST(test_nesterov_two_steps)
{
    double t1[2], t2[2];
    two_steps(XL_OPTIM_NESTEROV, t1, t2);
    ASSERT_PAIR(t1, 0.905, 0.05, TOL_HAND);
    ASSERT_PAIR(t2, 0.778525, -0.4025, TOL_HAND);
}
END_TEST

/* beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
 * step 1 (t = 1): g = (1, 10); m = 0.1 g = (0.1, 1); s = 0.001 g^2 = (0.001, 0.1);
 *   m^ = m / 0.1 = g, s^ = s / 0.001 = g^2, so the step is lr g / (|g| + eps):
 *   x: 0.05 / (1 + 1e-8) = 0.0499999995,  y: 0.05 * 10 / (10 + 1e-8) = 0.04999999995;
 *   theta = (0.9500000005, 0.95000000005).
 * step 2 (t = 2): g = (0.9500000005, 9.5000000005);
 *   m = 0.9 m + 0.1 g = (0.18500000005, 1.85000000005);
 *   s = 0.999 s + 0.001 g^2 = (0.00190150000095, 0.1901500000095);
 *   m^ = m / (1 - 0.81) = m / 0.19 = (0.97368421079, 9.7368421079);
 *   s^ = s / (1 - 0.998001) = s / 0.001999 = (0.95122561328, 95.122561328);
 *   step = lr m^ / (sqrt(s^) + eps) = 0.05 * 0.97368421079 / 0.97530795794 = 0.049916756...
 *   theta = (0.90008324382, 0.90008324291) (the y step differs in the 10th digit, from
 *   eps and the unequal first step). */
START_TEST(test_adam_two_steps)
{
    double t1[2], t2[2];
    two_steps(XL_OPTIM_ADAM, t1, t2);
    ASSERT_PAIR(t1, 0.9500000005, 0.95000000005, TOL_ADAM);
    ck_assert_msg(fabs(t2[0] - 0.9000832438159381) <= 1e-11 && fabs(t2[1] - 0.900083242906233) <= 1e-11,
                  "adam step 2: (%.17g, %.17g)", t2[0], t2[1]);
}
END_TEST

/* Momentum and Nesterov, 40 steps, against the plain recurrence written here apart
 * from the library, one coordinate at a time. */
START_TEST(test_momentum_nesterov_sequence)
{
    const double lr = 0.05, mu = 0.9;
    for (int nesterov = 0; nesterov <= 1; nesterov++) {
        xl_optim o;
        xl_optim_hyper h = { .lr = lr };
        ck_assert_int_eq(xl_optim_init(&o, nesterov ? XL_OPTIM_NESTEROV : XL_OPTIM_MOMENTUM, h, 2), 0);
        ck_assert_double_eq(o.hyper.mu, mu);
        double t[2] = { 1.0, 1.0 };
        double rx = 1.0, ry = 1.0, vx = 0.0, vy = 0.0;
        for (int k = 1; k <= 40; k++) {
            ck_assert_int_eq(xl_optim_step(&o, quad_model(QUAD_AB), t, t, NULL), 0);
            double gx = rx, gy = 10.0 * ry;
            vx = mu * vx + gx;
            vy = mu * vy + gy;
            if (nesterov) {
                rx -= lr * (gx + mu * vx);
                ry -= lr * (gy + mu * vy);
            } else {
                rx -= lr * vx;
                ry -= lr * vy;
            }
            ck_assert_msg(fabs(t[0] - rx) <= 1e-14 && fabs(t[1] - ry) <= 1e-14,
                          "%s step %d: (%.17g, %.17g), recurrence (%.17g, %.17g)",
                          nesterov ? "nesterov" : "momentum", k, t[0], t[1], rx, ry);
        }
        /* Both head for the minimum at the origin. */
        ck_assert_msg(hypot(t[0], t[1]) < 0.2, "after 40 steps at (%g, %g)", t[0], t[1]);
    }
}
END_TEST

/* Bias correction: at t = 1, m^ = g and s^ = g^2, so every parameter moves by lr
 * against the sign of its gradient, however large or small that gradient is (here
 * gradients from 1e-4 to 1e4 in size). Without the correction the first step would be
 * lr 0.1 g / (sqrt(0.001) |g|) = 3.16 lr. */
START_TEST(test_adam_first_step_is_lr_sign)
{
    const double scales[] = { 1e-4, 1.0, 1e4 };
    for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
        const double ab[2] = { scales[k], 10.0 * scales[k] };
        xl_optim o;
        xl_optim_hyper h = { .lr = 0.05 };
        ck_assert_int_eq(xl_optim_init(&o, XL_OPTIM_ADAM, h, 2), 0);
        const double t0[2] = { 2.0, -3.0 };
        double t1[2];
        ck_assert_int_eq(xl_optim_step(&o, quad_model(ab), t0, t1, NULL), 0);
        double dx = t1[0] - t0[0], dy = t1[1] - t0[1];
        /* |g| >= 2e-4, so eps changes the step by at most eps / |g| = 5e-5 of it. */
        ck_assert_msg(fabs(dx + 0.05) <= 0.05 * 5e-5 && fabs(dy - 0.05) <= 0.05 * 5e-5,
                      "scale %g: first step (%.17g, %.17g), expected (-0.05, +0.05)", scales[k], dx, dy);
    }
}
END_TEST

/* The built-in bird scene: P = (0.40, 0.25, 0.15, 0.12, 0.08), a start that is sure
 * of the rarest bird. 200 steps at the defaults lower the loss for every optimizer. */
START_TEST(test_all_lower_classifier_loss)
{
    xl_classifier c;
    xl_classifier_init(&c, 5);
    const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    xl_classifier_set_p(&c, p);
    const double z0[5] = { -0.5, -2.5, -3.0, 1.0, 2.5 };
    xl_model m = xl_classifier_model(&c);
    double l0 = m.ops->loss(m.self, z0), h = m.ops->floor(m.self);
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        xl_optim o;
        ck_assert_int_eq(xl_optim_init(&o, (xl_optim_kind)k, (xl_optim_hyper){ 0 }, 5), 0);
        double z[5], loss = l0;
        memcpy(z, z0, sizeof z);
        for (int s = 0; s < 200; s++)
            ck_assert_int_eq(xl_optim_step(&o, m, z, z, &loss), 0);
        ck_assert_double_eq(loss, m.ops->loss(m.self, z));
        /* Start gap D_KL = 2.26 nats; every one ends within a tenth of that. */
        ck_assert_msg(loss < l0 && loss - h < 0.1 * (l0 - h),
                      "%s: loss %.6g after 200 steps, start %.6g, floor %.6g", xl_optim_kind_name(o.kind), loss,
                      l0, h);
    }
}
END_TEST

START_TEST(test_reset_clears_state)
{
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        xl_optim o, fresh;
        xl_optim_hyper h = { .lr = 0.01, .mu = 0.5, .beta1 = 0.8, .beta2 = 0.99, .eps = 1e-6 };
        ck_assert_int_eq(xl_optim_init(&o, (xl_optim_kind)k, h, 2), 0);
        fresh = o;
        double t[2] = { 1.0, 1.0 };
        for (int s = 0; s < 7; s++)
            xl_optim_step(&o, quad_model(QUAD_AB), t, t, NULL);
        ck_assert_int_eq(o.t, 7);
        xl_optim_reset(&o);
        ck_assert_int_eq(o.t, 0);
        ck_assert_int_eq(o.kind, k);
        ck_assert_int_eq(memcmp(&o.hyper, &fresh.hyper, sizeof o.hyper), 0);
        for (int i = 0; i < 2; i++)
            ck_assert_msg(o.v[i] == 0.0 && o.m[i] == 0.0, "%s: v %g m %g after reset", xl_optim_kind_name(o.kind),
                          o.v[i], o.m[i]);
        /* After reset, the same steps as a fresh optimizer, bit for bit. */
        double a[2] = { 0.3, -0.7 }, b[2] = { 0.3, -0.7 };
        for (int s = 0; s < 5; s++) {
            xl_optim_step(&o, quad_model(QUAD_AB), a, a, NULL);
            xl_optim_step(&fresh, quad_model(QUAD_AB), b, b, NULL);
        }
        ck_assert_int_eq(memcmp(a, b, sizeof a), 0);
    }
}
END_TEST

/* On the quadratic, gradient descent multiplies y by 1 - 10 lr each step; lr = 100
 * gives -999, which overflows within ~103 steps. Momentum and Nesterov grow faster;
 * Adam moves by ~lr per step, so lr = 1e300 overflows the loss at once. Each must
 * report -1 with theta and the state as they were, never NaN. */
START_TEST(test_divergence_detected)
{
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        xl_optim o;
        xl_optim_hyper h = { .lr = k == XL_OPTIM_ADAM ? 1e300 : 100.0 };
        ck_assert_int_eq(xl_optim_init(&o, (xl_optim_kind)k, h, 2), 0);
        double t[2] = { 1.0, 1.0 };
        int rc = 0, steps = 0;
        while (steps < 2000) {
            xl_optim before = o;
            double was[2] = { t[0], t[1] };
            double next[2] = { 12345.0, 12345.0 };
            double loss = 777.0;
            rc = xl_optim_step(&o, quad_model(QUAD_AB), t, next, &loss);
            if (rc != 0) {
                ck_assert_int_eq(memcmp(&before, &o, sizeof o), 0);
                ck_assert_msg(next[0] == 12345.0 && next[1] == 12345.0 && loss == 777.0,
                              "failed step wrote next (%g, %g) loss %g", next[0], next[1], loss);
                ck_assert_int_eq(memcmp(was, t, sizeof t), 0);
                break;
            }
            memcpy(t, next, sizeof t);
            steps++;
        }
        ck_assert_msg(rc == -1 && steps < 200, "%s: rc %d after %d steps", xl_optim_kind_name((xl_optim_kind)k), rc,
                      steps);
        ck_assert_msg(isfinite(t[0]) && isfinite(t[1]), "%s: theta (%g, %g)", xl_optim_kind_name((xl_optim_kind)k),
                      t[0], t[1]);
        ck_assert_int_eq(o.t, steps);
    }
}
END_TEST

static void nan_grad(const void *self, const double *t, double *g) { (void)self; (void)t; g[0] = NAN; g[1] = 0.0; }

START_TEST(test_nan_gradient_refused)
{
    static const xl_model_ops ops = { .id = "nan", .loss = quad_loss, .gradient = nan_grad,
                                      .floor = zero_floor, .param_count = two_params };
    xl_model m = { &ops, QUAD_AB };
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        xl_optim o;
        xl_optim_init(&o, (xl_optim_kind)k, (xl_optim_hyper){ 0 }, 2);
        double t[2] = { 1.0, 1.0 };
        ck_assert_int_eq(xl_optim_step(&o, m, t, t, NULL), -1);
        ck_assert_msg(t[0] == 1.0 && t[1] == 1.0 && o.t == 0, "theta (%g, %g), t %ld", t[0], t[1], o.t);
    }
}
END_TEST

START_TEST(test_defaults_and_validation)
{
    xl_optim o;
    ck_assert_int_eq(xl_optim_init(&o, XL_OPTIM_ADAM, (xl_optim_hyper){ 0 }, 3), 0);
    ck_assert_double_eq(o.hyper.lr, 0.05);
    ck_assert_double_eq(o.hyper.beta1, 0.9);
    ck_assert_double_eq(o.hyper.beta2, 0.999);
    ck_assert_double_eq(o.hyper.eps, 1e-8);
    ck_assert_double_eq(o.hyper.mu, 0.0);
    ck_assert_int_eq(o.np, 3);
    ck_assert_int_eq(xl_optim_init(&o, XL_OPTIM_MOMENTUM, (xl_optim_hyper){ .lr = 0.1 }, 3), 0);
    ck_assert_double_eq(o.hyper.lr, 0.1);
    ck_assert_double_eq(o.hyper.mu, 0.9);
    ck_assert_double_eq(o.hyper.beta1, 0.0);
    xl_optim_hyper gd = xl_optim_defaults(XL_OPTIM_GD, (xl_optim_hyper){ .mu = 0.3, .eps = 1.0 });
    ck_assert_double_eq(gd.lr, 0.5);
    ck_assert_msg(gd.mu == 0.0 && gd.eps == 0.0, "gd keeps unused fields: mu %g eps %g", gd.mu, gd.eps);
    /* Out of range: o is left as it was. */
    xl_optim keep = o;
    const xl_optim_hyper bad[] = { { .lr = -1.0 }, { .lr = NAN }, { .lr = INFINITY }, { .mu = 1.0 },
                                   { .mu = -0.5 }, { .mu = NAN } };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(xl_optim_init(&o, XL_OPTIM_NESTEROV, bad[i], 3) == -1, "bad hyper %zu accepted", i);
    const xl_optim_hyper bad_adam[] = { { .beta1 = 1.0 }, { .beta2 = 1.5 }, { .eps = -1e-8 }, { .beta2 = NAN } };
    for (size_t i = 0; i < sizeof bad_adam / sizeof bad_adam[0]; i++)
        ck_assert_msg(xl_optim_init(&o, XL_OPTIM_ADAM, bad_adam[i], 3) == -1, "bad adam hyper %zu accepted", i);
    ck_assert_int_eq(memcmp(&keep, &o, sizeof o), 0);
}
END_TEST

START_TEST(test_names)
{
    const char *names[] = { "gd", "momentum", "nesterov", "adam" };
    const char *titles[] = { "gradient descent", "momentum", "Nesterov", "Adam" };
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        ck_assert_str_eq(xl_optim_kind_name((xl_optim_kind)k), names[k]);
        ck_assert_str_eq(xl_optim_kind_title((xl_optim_kind)k), titles[k]);
        xl_optim_kind parsed = XL_OPTIM_KIND_COUNT;
        ck_assert_int_eq(xl_optim_kind_parse(names[k], &parsed), 0);
        ck_assert_int_eq(parsed, k);
    }
    xl_optim_kind parsed = XL_OPTIM_GD;
    ck_assert_int_eq(xl_optim_kind_parse("sgd", &parsed), -1);
    ck_assert_int_eq(xl_optim_kind_parse("", &parsed), -1);
    ck_assert_int_eq(xl_optim_kind_parse("Adam", &parsed), -1);
    ck_assert_int_eq(parsed, XL_OPTIM_GD);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("optim");
    const xl_test_case cases[] = {
        { "gradient descent: two steps by hand", test_gd_two_steps },
        { "momentum: two steps by hand", test_momentum_two_steps },
        { "Nesterov: two steps by hand", test_nesterov_two_steps },
        { "Adam: two steps by hand", test_adam_two_steps },
        { "momentum and Nesterov match the recurrence", test_momentum_nesterov_sequence },
        { "Adam: first step is lr sign(g)", test_adam_first_step_is_lr_sign },
        { "all lower the classifier loss", test_all_lower_classifier_loss },
        { "reset clears state", test_reset_clears_state },
        { "divergence detected", test_divergence_detected },
        { "NaN gradient refused", test_nan_gradient_refused },
        { "defaults and validation", test_defaults_and_validation },
        { "names", test_names },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

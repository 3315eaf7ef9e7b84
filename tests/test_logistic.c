/* Tests for xl_logistic: the loss against a hand computation and at huge logits, the
 * gradient ("error times input") and Hessian against finite differences, per-point
 * contributions, Newton's fit against plain gradient descent, separability and the floor,
 * seeded data and the edits with their version counter, and the xl_model view. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_logistic.h"
#include "xl_rng.h"

static const double TOL_EXACT = 1e-12;
static const double TOL_SUM = 1e-15;     /* sums of n <= 64 terms of size <= 1 */
static const double FD_STEP = 1e-5;
static const double TOL_FD_REL = 1e-6;   /* relative, against max(|g|, FD_SCALE_MIN) */
static const double FD_SCALE_MIN = 1e-3; /* central differences: O(h^2) + eps/h ~ 1e-10 */
static const double TOL_FIT = 1e-6;      /* gradient descent vs Newton, in (w, b) */
static const double NEWTON_TOL = 1e-12;
enum { NEWTON_MAX_ITER = 100 };

/* A data set from a list of points, version 0. */
static void set_points(xl_logistic *lg, const double *x, const int *y, int n)
{
    memset(lg, 0, sizeof *lg);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(xl_logistic_add(lg, x[i], y[i]), 0);
    lg->version = 0;
}

static void random_data(xl_rng *rng, xl_logistic *lg, int n)
{
    memset(lg, 0, sizeof *lg);
    for (int i = 0; i < n; i++)
        xl_logistic_add(lg, xl_rng_range(rng, -3.0, 3.0), xl_rng_uniform(rng) < 0.5);
}

START_TEST(test_loss_by_hand)
{
    /* Points (-1, 0), (0, 1), (2, 1) at w = 0.5, b = -0.25. Logits u = w x + b:
     *   u1 = -0.5 - 0.25 = -0.75 (y = 0): -ln(1 - sigma(u1)) = ln(1 + e^-0.75)
     *                                    = ln(1.4723665527410147) = 0.386871006114899944
     *   u2 =  0   - 0.25 = -0.25 (y = 1): -ln sigma(u2) = ln(1 + e^0.25)
     *                                    = ln(2.2840254166877415) = 0.825939419878843562
     *   u3 =  1   - 0.25 =  0.75 (y = 1): -ln sigma(u3) = ln(1 + e^-0.75) = 0.386871006114899944
     *   L = (2 * 0.386871006114899944 + 0.825939419878843562) / 3 = 0.533227144036214483.
     * Residuals y_hat - y: sigma(-0.75) = 0.320821300824607 (y = 0),
     *   sigma(-0.25) - 1 = -0.562176500885798, sigma(0.75) - 1 = -0.320821300824607, so
     *   dL/dw = (0.320821300824607 * -1 + 0 + -0.320821300824607 * 2) / 3 = -0.320821300824607
     *   dL/db = (0.320821300824607 - 0.562176500885798 - 0.320821300824607) / 3
     *         = -0.187392166961933.
     * (Values to 18 digits from 30-digit arithmetic.) */
    const double x[] = { -1.0, 0.0, 2.0 };
    const int y[] = { 0, 1, 1 };
    xl_logistic lg;
    set_points(&lg, x, y, 3);
    const double theta[2] = { 0.5, -0.25 };
    double loss = xl_logistic_loss(&lg, theta);
    ck_assert_msg(fabs(loss - 0.533227144036214483) < TOL_EXACT, "loss %.17g", loss);
    double g[2];
    xl_logistic_gradient(&lg, theta, g);
    ck_assert_msg(fabs(g[0] - -0.320821300824607027) < TOL_EXACT, "dL/dw %.17g", g[0]);
    ck_assert_msg(fabs(g[1] - -0.187392166961932701) < TOL_EXACT, "dL/db %.17g", g[1]);
    /* The same loss straight from the definition with log and exp. */
    double direct = 0.0;
    for (int i = 0; i < 3; i++) {
        double yh = 1.0 / (1.0 + exp(-(0.5 * x[i] - 0.25)));
        direct -= y[i] ? log(yh) : log(1.0 - yh);
    }
    ck_assert_double_eq_tol(loss, direct / 3.0, TOL_EXACT);
}
END_TEST

START_TEST(test_gradient_finite_differences)
{
    xl_rng rng = xl_rng_make(6);
    xl_logistic lg;
    for (int k = 0; k < 300; k++) {
        random_data(&rng, &lg, 1 + k % XL_LOGISTIC_MAX_POINTS);
        double theta[2] = { xl_rng_range(&rng, -3.0, 3.0), xl_rng_range(&rng, -3.0, 3.0) };
        double g[2], h[4];
        xl_logistic_gradient(&lg, theta, g);
        xl_logistic_hessian(&lg, theta, h);
        for (int j = 0; j < 2; j++) {
            double save = theta[j], gu[2], gd[2];
            theta[j] = save + FD_STEP;
            double up = xl_logistic_loss(&lg, theta);
            xl_logistic_gradient(&lg, theta, gu);
            theta[j] = save - FD_STEP;
            double down = xl_logistic_loss(&lg, theta);
            xl_logistic_gradient(&lg, theta, gd);
            theta[j] = save;
            double fd = (up - down) / (2.0 * FD_STEP);
            ck_assert_msg(fabs(fd - g[j]) <= TOL_FD_REL * fmax(fabs(g[j]), FD_SCALE_MIN),
                          "case %d, n=%d, theta=(%g, %g), %s: grad %.12g, fd %.12g", k, lg.n,
                          theta[0], theta[1], xl_logistic_param_name(j), g[j], fd);
            /* Column j of the Hessian from differences of the gradient. */
            for (int r = 0; r < 2; r++) {
                double fdh = (gu[r] - gd[r]) / (2.0 * FD_STEP);
                double hr = h[2 * r + j];
                ck_assert_msg(fabs(fdh - hr) <= TOL_FD_REL * fmax(fabs(hr), FD_SCALE_MIN),
                              "case %d: hess[%d][%d] %.12g, fd %.12g", k, r, j, hr, fdh);
            }
        }
        ck_assert_double_eq(h[1], h[2]);
        ck_assert_msg(h[0] >= 0.0 && h[3] >= 0.0 && h[0] * h[3] - h[1] * h[2] >= -TOL_SUM,
                      "case %d: Hessian not PSD: %g %g %g", k, h[0], h[1], h[3]);
    }
}
END_TEST

START_TEST(test_huge_logits)
{
    /* At w = 1e6 the logits are +-1e6 and 2e6. softplus(1e6) = 1e6 + ln(1 + e^-1e6) is 1e6
     * exactly in doubles, and a confident right answer costs ln(1 + e^-2e6), 0 in doubles;
     * a naive -ln(1 - sigmoid(1e6)) would be -ln 0 = +infinity. */
    const double x[] = { 1.0, -1.0, 2.0, -0.5 };
    const int y[] = { 0, 1, 1, 0 };
    xl_logistic lg;
    set_points(&lg, x, y, 4);
    const double theta[2] = { 1e6, 0.0 };
    double loss = xl_logistic_loss(&lg, theta);
    ck_assert_msg(isfinite(loss), "loss %g", loss);
    ck_assert_double_eq(loss, (1e6 + 1e6 + 0.0 + 0.0) / 4.0);
    double g[2];
    xl_logistic_gradient(&lg, theta, g);
    /* Residuals 1 (x = 1, y = 0) and -1 (x = -1, y = 1), the others 0. */
    ck_assert_double_eq(g[0], (1.0 * 1.0 + -1.0 * -1.0) / 4.0);
    ck_assert_double_eq(g[1], 0.0);
    xl_logistic_sample s = xl_logistic_sample_at(&lg, theta, 0);
    ck_assert_double_eq(s.surprise, 1e6);
    ck_assert_double_eq(s.q[0], 1.0);
    ck_assert_double_eq(s.q[1], 0.0);

    /* Moderately large logits, where 1 - sigmoid(u) would round to 0 or lose digits. */
    ck_assert_double_eq_tol(xl_logistic_softplus(-40.0), exp(-40.0), 1e-30);
    ck_assert_double_eq_tol(xl_logistic_softplus(-40.0) / exp(-40.0), 1.0, 1e-15);
    ck_assert_double_eq(xl_logistic_softplus(800.0), 800.0);
    ck_assert_double_eq(xl_logistic_softplus(-800.0), 0.0);
    ck_assert_double_eq_tol(xl_logistic_softplus(0.0), log(2.0), 1e-16);
    ck_assert_double_eq(xl_logistic_sigmoid(-800.0), 0.0);
    ck_assert_double_eq(xl_logistic_sigmoid(800.0), 1.0);
    ck_assert_double_eq_tol(xl_logistic_sigmoid(-40.0) / exp(-40.0), 1.0, 1e-15);
    /* A sample's residual for y = 1 at u = 40 keeps its 1e-18 instead of cancelling to 0. */
    const double one[] = { 1.0 };
    const int yes[] = { 1 };
    set_points(&lg, one, yes, 1);
    const double t40[2] = { 40.0, 0.0 };
    s = xl_logistic_sample_at(&lg, t40, 0);
    ck_assert_msg(s.residual < 0.0 && fabs(s.residual / -exp(-40.0) - 1.0) < 1e-15,
                  "residual %g", s.residual);
    ck_assert_msg(s.surprise > 0.0 && fabs(s.surprise / exp(-40.0) - 1.0) < 1e-15,
                  "surprise %g", s.surprise);
}
END_TEST

START_TEST(test_default_data_fit)
{
    xl_logistic lg;
    xl_logistic_init(&lg, 0);
    ck_assert_int_eq(lg.n, XL_LOGISTIC_DEFAULT_POINTS);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_OVERLAP);
    ck_assert_int_eq(xl_logistic_is_separable(&lg), 0);
    double theta[2] = { 99.0, 99.0 };
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), 0);
    /* The values quoted in xl_logistic.c: w = 1.866, b = -0.110, floor 0.405 nats. */
    ck_assert_msg(fabs(theta[0] - 1.866) < 5e-4 && fabs(theta[1] - -0.110) < 5e-4,
                  "fit (%.6f, %.6f)", theta[0], theta[1]);
    double g[2];
    xl_logistic_gradient(&lg, theta, g);
    ck_assert_msg(fabs(g[0]) <= NEWTON_TOL && fabs(g[1]) <= NEWTON_TOL, "grad at fit (%g, %g)",
                  g[0], g[1]);
    double floor = xl_logistic_floor(&lg);
    double at_fit = xl_logistic_loss(&lg, theta);
    ck_assert_double_eq_tol(floor, at_fit, TOL_EXACT);
    ck_assert_msg(fabs(floor - 0.405) < 5e-4, "floor %.6f", floor);
    /* Below the flat fit (w = 0, b = 0: ln 2 for balanced labels), above 0. */
    const double zero[2] = { 0.0, 0.0 };
    ck_assert_msg(floor > 0.1 && floor < xl_logistic_loss(&lg, zero),
                  "floor %g, L(0) %g", floor, xl_logistic_loss(&lg, zero));
    /* Nudging theta away from the fit raises the loss. */
    for (int j = 0; j < 2; j++)
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            double t[2] = { theta[0], theta[1] };
            t[j] += sgn * 1e-3;
            ck_assert_msg(xl_logistic_loss(&lg, t) > floor, "%s %+d", j ? "b" : "w", sgn);
        }
}
END_TEST

START_TEST(test_gradient_descent_reaches_newton)
{
    /* The seed's picture: step against the gradient, theta -= lr * grad, until the error
     * times input has died away. lr = 1 is stable here: the Hessian's largest eigenvalue
     * is at most mean(x^2 + 1) / 4 < 2. */
    const uint64_t seeds[] = { 0, 1, 42 };
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        xl_logistic lg;
        xl_logistic_init(&lg, seeds[k]);
        double newton[2];
        ck_assert_int_eq(xl_logistic_fit_newton(&lg, newton, NEWTON_MAX_ITER, NEWTON_TOL), 0);
        double theta[2] = { 0.0, 0.0 }, g[2];
        const double lr = 1.0;
        int steps = 0;
        for (; steps < 20000; steps++) {
            xl_logistic_gradient(&lg, theta, g);
            if (fmax(fabs(g[0]), fabs(g[1])) < 1e-12)
                break;
            theta[0] -= lr * g[0];
            theta[1] -= lr * g[1];
        }
        ck_assert_msg(fabs(theta[0] - newton[0]) < TOL_FIT && fabs(theta[1] - newton[1]) < TOL_FIT,
                      "seed %d after %d steps: GD (%.12g, %.12g), Newton (%.12g, %.12g)",
                      (int)seeds[k], steps, theta[0], theta[1], newton[0], newton[1]);
        double gap = xl_logistic_loss(&lg, theta) - xl_logistic_floor(&lg);
        ck_assert_msg(fabs(gap) < 1e-14, "seed %d: gap %g", (int)seeds[k], gap);
    }
}
END_TEST

START_TEST(test_contributions)
{
    xl_rng rng = xl_rng_make(11);
    xl_logistic lg;
    double dw[XL_LOGISTIC_MAX_POINTS], db[XL_LOGISTIC_MAX_POINTS];
    for (int k = 0; k < 100; k++) {
        random_data(&rng, &lg, 1 + k % XL_LOGISTIC_MAX_POINTS);
        double theta[2] = { xl_rng_range(&rng, -4.0, 4.0), xl_rng_range(&rng, -4.0, 4.0) };
        double g[2], sw = 0.0, sb = 0.0;
        xl_logistic_gradient(&lg, theta, g);
        xl_logistic_contributions(&lg, theta, dw, db);
        for (int i = 0; i < lg.n; i++) {
            sw += dw[i];
            sb += db[i];
            xl_logistic_sample s = xl_logistic_sample_at(&lg, theta, i);
            double yh = xl_logistic_predict(theta, lg.pts[i].x);
            /* Error times input, per point. */
            ck_assert_double_eq_tol(dw[i], (yh - lg.pts[i].y) * lg.pts[i].x / lg.n, TOL_SUM);
            ck_assert_double_eq_tol(db[i], (yh - lg.pts[i].y) / lg.n, TOL_SUM);
            ck_assert_double_eq(s.dw, dw[i]);
            ck_assert_double_eq(s.db, db[i]);
            ck_assert_double_eq_tol(s.residual, yh - s.y, TOL_SUM);
            ck_assert_double_eq(s.p[0], s.y);
            ck_assert_double_eq(s.p[1], 1 - s.y);
            ck_assert_double_eq_tol(s.q[0], yh, TOL_SUM);
            ck_assert_double_eq_tol(s.q[0] + s.q[1], 1.0, TOL_SUM);
            ck_assert_double_eq_tol(s.surprise, -log(s.q[s.y ? 0 : 1]), TOL_EXACT);
        }
        ck_assert_msg(fabs(sw - g[0]) < TOL_SUM * 10 && fabs(sb - g[1]) < TOL_SUM * 10,
                      "case %d: sum dw %.17g vs %.17g, sum db %.17g vs %.17g", k, sw, g[0], sb,
                      g[1]);
        /* The loss is the mean surprise. */
        double ms = 0.0;
        for (int i = 0; i < lg.n; i++)
            ms += xl_logistic_sample_at(&lg, theta, i).surprise;
        ck_assert_double_eq_tol(ms / lg.n, xl_logistic_loss(&lg, theta), TOL_EXACT);
    }
}
END_TEST

START_TEST(test_separation_and_floor)
{
    xl_logistic lg;
    double theta[2] = { 7.0, 7.0 };

    /* Separable: every 0 left of every 1. No finite fit; the infimum is 0. */
    const double xs[] = { -2.0, -1.0, 1.0, 2.0 };
    const int ys[] = { 0, 0, 1, 1 };
    set_points(&lg, xs, ys, 4);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_SEPARABLE);
    ck_assert_int_eq(xl_logistic_is_separable(&lg), 1);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), -1);
    ck_assert_double_eq(theta[0], 7.0); /* untouched */
    ck_assert_double_eq(xl_logistic_floor(&lg), 0.0);
    /* ... and gradient descent only lets w grow: the loss keeps falling towards 0. */
    const double steep[2] = { 50.0, 0.0 };
    ck_assert_msg(xl_logistic_loss(&lg, steep) < 1e-20, "L %g", xl_logistic_loss(&lg, steep));

    /* Reversed (every 1 left of every 0), and one class only: separable too. */
    xl_logistic_flip(&lg, 0);
    xl_logistic_flip(&lg, 1);
    xl_logistic_flip(&lg, 2);
    xl_logistic_flip(&lg, 3);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_SEPARABLE);
    xl_logistic_flip(&lg, 0);
    xl_logistic_flip(&lg, 1);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_SEPARABLE); /* all 1 */
    ck_assert_double_eq(xl_logistic_floor(&lg), 0.0);

    /* Quasi-separable: a 0 and a 1 both at x = 0, 0s left, 1s right. The infimum is the
     * tied pair's best: (2/5) H2(1/2) = (2/5) ln 2, approached as w -> infinity. */
    const double xq[] = { -2.0, -1.0, 0.0, 0.0, 1.0 };
    const int yq[] = { 0, 0, 0, 1, 1 };
    set_points(&lg, xq, yq, 5);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_QUASI_SEPARABLE);
    ck_assert_int_eq(xl_logistic_is_separable(&lg), 1);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), -1);
    double fq = xl_logistic_floor(&lg);
    ck_assert_double_eq_tol(fq, 0.4 * log(2.0), TOL_EXACT);
    const double quasi_lim[2] = { 60.0, 0.0 };
    ck_assert_double_eq_tol(xl_logistic_loss(&lg, quasi_lim), fq, TOL_EXACT);
    const double quasi_mid[2] = { 2.0, 0.0 };
    ck_assert_msg(xl_logistic_loss(&lg, quasi_mid) > fq, "L %g, floor %g",
                  xl_logistic_loss(&lg, quasi_mid), fq);

    /* Degenerate: one x, both labels (three 1s, one 0). The minimum H2(3/4) is reached
     * wherever sigmoid(w x + b) = 3/4; Newton returns w = 0, b = ln 3. */
    const double xd[] = { 0.5, 0.5, 0.5, 0.5 };
    const int yd[] = { 1, 1, 0, 1 };
    set_points(&lg, xd, yd, 4);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_DEGENERATE);
    ck_assert_int_eq(xl_logistic_is_separable(&lg), 0);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), 0);
    ck_assert_double_eq(theta[0], 0.0);
    ck_assert_double_eq_tol(theta[1], log(3.0), TOL_EXACT);
    double h2 = -(0.75 * log(0.75) + 0.25 * log(0.25));
    ck_assert_double_eq_tol(xl_logistic_floor(&lg), h2, TOL_EXACT);
    ck_assert_double_eq_tol(xl_logistic_loss(&lg, theta), h2, TOL_EXACT);

    /* No points: loss 0 everywhere, zero gradient, the fit is (0, 0). */
    memset(&lg, 0, sizeof lg);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_DEGENERATE);
    ck_assert_double_eq(xl_logistic_loss(&lg, quasi_mid), 0.0);
    double g[2] = { 1.0, 1.0 };
    xl_logistic_gradient(&lg, quasi_mid, g);
    ck_assert_double_eq(g[0], 0.0);
    ck_assert_double_eq(g[1], 0.0);
    ck_assert_double_eq(xl_logistic_floor(&lg), 0.0);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), 0);
    ck_assert_double_eq(theta[0], 0.0);
    ck_assert_double_eq(theta[1], 0.0);

    /* Nearly separable but overlapping (one 1 just left of the last 0): a finite, steep
     * fit that damped Newton still finds, at a floor above 0. */
    const double xn[] = { -2.0, -1.0, 0.0, -0.01, 1.0, 2.0 };
    const int yn[] = { 0, 0, 0, 1, 1, 1 };
    set_points(&lg, xn, yn, 6);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_OVERLAP);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, NEWTON_MAX_ITER, NEWTON_TOL), 0);
    double fn = xl_logistic_floor(&lg);
    ck_assert_msg(fn > 0.0 && fn < 0.4 && theta[0] > 1.0, "floor %g, w %g", fn, theta[0]);

    /* Too few iterations: -1, theta untouched. */
    xl_logistic_init(&lg, 0);
    theta[0] = theta[1] = 7.0;
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, theta, 1, NEWTON_TOL), -1);
    ck_assert_double_eq(theta[0], 7.0);
}
END_TEST

START_TEST(test_floor_is_infimum)
{
    /* Random small data sets on a coarse grid of x (so ties, quasi-separation and
     * separation all occur): the loss at any theta is never below the floor, and for
     * overlapping data the floor is reached at the fit. */
    xl_rng rng = xl_rng_make(77);
    xl_logistic lg;
    int seen[4] = { 0, 0, 0, 0 };
    for (int k = 0; k < 2000; k++) {
        memset(&lg, 0, sizeof lg);
        int n = 1 + k % 7;
        for (int i = 0; i < n; i++)
            xl_logistic_add(&lg, (double)(int)xl_rng_range(&rng, -3.0, 3.0),
                            xl_rng_uniform(&rng) < 0.5);
        xl_logistic_separation sep = xl_logistic_separation_of(&lg);
        seen[sep]++;
        double floor = xl_logistic_floor(&lg);
        ck_assert_msg(floor >= 0.0 && floor <= log(2.0) + TOL_EXACT, "case %d: floor %g", k,
                      floor);
        for (int t = 0; t < 20; t++) {
            double theta[2] = { xl_rng_range(&rng, -30.0, 30.0), xl_rng_range(&rng, -30.0, 30.0) };
            double loss = xl_logistic_loss(&lg, theta);
            ck_assert_msg(loss >= floor - TOL_SUM,
                          "case %d (sep %d): L(%g, %g) = %.17g < floor %.17g", k, (int)sep,
                          theta[0], theta[1], loss, floor);
        }
        double fit[2];
        if (sep == XL_LOGISTIC_OVERLAP || sep == XL_LOGISTIC_DEGENERATE) {
            ck_assert_int_eq(xl_logistic_fit_newton(&lg, fit, NEWTON_MAX_ITER, NEWTON_TOL), 0);
            ck_assert_double_eq_tol(xl_logistic_loss(&lg, fit), floor, TOL_EXACT);
        } else {
            ck_assert_int_eq(xl_logistic_fit_newton(&lg, fit, NEWTON_MAX_ITER, NEWTON_TOL), -1);
        }
    }
    for (int i = 0; i < 4; i++)
        ck_assert_msg(seen[i] > 0, "separation %d never drawn", i);
}
END_TEST

START_TEST(test_seeded_data)
{
    /* The built-in set, pinned. */
    xl_logistic a, b;
    xl_logistic_init(&a, 0);
    ck_assert_double_eq(a.pts[0].x, 0.3);
    ck_assert_int_eq(a.pts[0].y, 0);
    ck_assert_double_eq(a.pts[1].x, -0.6);
    ck_assert_int_eq(a.pts[1].y, 1);
    ck_assert_double_eq(a.pts[19].x, 2.0);
    ck_assert_int_eq(a.version, 0);
    ck_assert_uint_eq(a.seed, 0);

    /* Same seed, same data; a different seed, different data. */
    for (uint64_t seed = 0; seed < 50; seed++) {
        xl_logistic_init(&a, seed);
        xl_logistic_init(&b, seed);
        ck_assert_int_eq(memcmp(a.pts, b.pts, sizeof a.pts), 0);
        xl_logistic_init(&b, seed + 1);
        ck_assert_msg(memcmp(a.pts, b.pts, sizeof a.pts) != 0, "seeds %d and %d agree",
                      (int)seed, (int)seed + 1);
    }
    /* A generated set, pinned to the bit, so a machine that draws differently fails here. */
    xl_logistic_init(&a, 42);
    ck_assert_msg(a.pts[0].x == 0.77 && a.pts[5].x == 1.38 && a.pts[19].x == 0.59,
                  "seed 42: x0 %.17g, x5 %.17g, x19 %.17g", a.pts[0].x, a.pts[5].x,
                  a.pts[19].x);

    /* Every seeded set of 4 or more points overlaps: labels alternate, x on two decimals. */
    for (uint64_t seed = 0; seed < 300; seed++) {
        xl_logistic_init(&a, seed * 0x9E3779B97F4A7C15u);
        ck_assert_int_eq(xl_logistic_set_count(&a, XL_LOGISTIC_MAX_POINTS), 0);
        for (int n = XL_LOGISTIC_MAX_POINTS; n >= 4; n--) {
            ck_assert_int_eq(xl_logistic_set_count(&a, n), 0);
            ck_assert_msg(xl_logistic_separation_of(&a) == XL_LOGISTIC_OVERLAP,
                          "seed %d, n %d: separation %d", (int)seed, n,
                          xl_logistic_separation_of(&a));
        }
        for (int i = 0; i < 4; i++) {
            ck_assert_int_eq(a.pts[i].y, i % 2);
            double x100 = a.pts[i].x * 100.0;
            ck_assert_msg(fabs(x100 - round(x100)) < 1e-9, "x %.17g", a.pts[i].x);
        }
    }
    /* Growing keeps the points a set had and appends the seed's next ones. */
    xl_logistic_init(&a, 5);
    ck_assert_int_eq(xl_logistic_set_count(&a, 30), 0);
    for (int i = 0; i < 30; i++) {
        xl_logistic_point p = xl_logistic_seed_point(5, i);
        ck_assert_double_eq(a.pts[i].x, p.x);
        ck_assert_int_eq(a.pts[i].y, p.y);
    }
    xl_logistic_init(&b, 5);
    ck_assert_int_eq(memcmp(a.pts, b.pts, XL_LOGISTIC_DEFAULT_POINTS * sizeof a.pts[0]), 0);
}
END_TEST

START_TEST(test_edits_bump_version)
{
    const double theta_zero[2] = { 0.0, 0.0 };
    xl_logistic lg;
    xl_logistic_init(&lg, 0);
    unsigned long v = xl_logistic_version(&lg);
    ck_assert_uint_eq(v, 0);

    ck_assert_int_eq(xl_logistic_add(&lg, 0.25, 1), 0);
    ck_assert_int_eq(lg.n, 21);
    ck_assert_double_eq(lg.pts[20].x, 0.25);
    ck_assert_int_eq(lg.pts[20].y, 1);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    v = xl_logistic_version(&lg);

    xl_logistic_point second = lg.pts[2];
    ck_assert_int_eq(xl_logistic_remove(&lg, 1), 0);
    ck_assert_int_eq(lg.n, 20);
    ck_assert_double_eq(lg.pts[1].x, second.x);
    ck_assert_double_eq(lg.pts[19].x, 0.25);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    v = xl_logistic_version(&lg);

    int y0 = lg.pts[0].y;
    ck_assert_int_eq(xl_logistic_flip(&lg, 0), 0);
    ck_assert_int_eq(lg.pts[0].y, 1 - y0);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    v = xl_logistic_version(&lg);

    ck_assert_int_eq(xl_logistic_move(&lg, 3, -2.5), 0);
    ck_assert_double_eq(lg.pts[3].x, -2.5);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    v = xl_logistic_version(&lg);

    ck_assert_int_eq(xl_logistic_set_count(&lg, 5), 0);
    ck_assert_int_eq(lg.n, 5);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    v = xl_logistic_version(&lg);

    /* Refused edits change nothing, the version included. */
    xl_logistic before = lg;
    ck_assert_int_eq(xl_logistic_remove(&lg, 5), -1);
    ck_assert_int_eq(xl_logistic_remove(&lg, -1), -1);
    ck_assert_int_eq(xl_logistic_flip(&lg, 5), -1);
    ck_assert_int_eq(xl_logistic_move(&lg, 0, NAN), -1);
    ck_assert_int_eq(xl_logistic_move(&lg, 0, 2e6), -1);
    ck_assert_int_eq(xl_logistic_add(&lg, INFINITY, 0), -1);
    ck_assert_int_eq(xl_logistic_add(&lg, 0.0, 2), -1);
    ck_assert_int_eq(xl_logistic_set_count(&lg, -1), -1);
    ck_assert_int_eq(xl_logistic_set_count(&lg, XL_LOGISTIC_MAX_POINTS + 1), -1);
    ck_assert_int_eq(memcmp(&before, &lg, sizeof lg), 0);

    /* Full: the 65th point is refused. */
    ck_assert_int_eq(xl_logistic_set_count(&lg, XL_LOGISTIC_MAX_POINTS), 0);
    v = xl_logistic_version(&lg);
    ck_assert_int_eq(xl_logistic_add(&lg, 0.0, 0), -1);
    ck_assert_uint_eq(xl_logistic_version(&lg), v);

    /* Reset is an edit (the version moves on); init starts again at 0. */
    xl_logistic_reset(&lg, 0);
    ck_assert_int_eq(lg.n, XL_LOGISTIC_DEFAULT_POINTS);
    ck_assert_uint_gt(xl_logistic_version(&lg), v);
    xl_logistic fresh;
    xl_logistic_init(&fresh, 0);
    ck_assert_int_eq(memcmp(fresh.pts, lg.pts, sizeof lg.pts), 0);

    /* A snapshot is a struct copy: editing the original leaves it alone. */
    xl_logistic snap = lg;
    xl_logistic_flip(&lg, 0);
    ck_assert_int_ne(snap.pts[0].y, lg.pts[0].y);
    ck_assert_uint_ne(snap.version, lg.version);

    /* A label written directly as 2 counts as 1 everywhere; flipping it gives 0. */
    lg.pts[0].y = 2;
    ck_assert_int_eq(xl_logistic_sample_at(&lg, theta_zero, 0).y, 1);
    ck_assert_double_eq(xl_logistic_sample_at(&lg, theta_zero, 0).p[0], 1.0);
    ck_assert_int_eq(xl_logistic_separation_of(&lg), XL_LOGISTIC_OVERLAP);
    xl_logistic_flip(&lg, 0);
    ck_assert_int_eq(lg.pts[0].y, 0);

    /* Removing every point one by one ends at n = 0. */
    while (lg.n > 0)
        ck_assert_int_eq(xl_logistic_remove(&lg, lg.n - 1), 0);
    ck_assert_int_eq(xl_logistic_remove(&lg, 0), -1);
}
END_TEST

START_TEST(test_model_view)
{
    xl_logistic lg;
    xl_logistic_init(&lg, 0);
    xl_model m = xl_logistic_model(&lg);
    ck_assert_str_eq(m.ops->id, "logistic");
    ck_assert_ptr_eq(m.self, &lg);
    ck_assert_int_eq(m.ops->param_count(m.self), 2);
    ck_assert_str_eq(xl_logistic_param_name(0), "w");
    ck_assert_str_eq(xl_logistic_param_name(1), "b");
    const double theta[2] = { 0.7, -0.3 };
    ck_assert_double_eq(m.ops->loss(m.self, theta), xl_logistic_loss(&lg, theta));
    double g1[2], g2[2];
    m.ops->gradient(m.self, theta, g1);
    xl_logistic_gradient(&lg, theta, g2);
    ck_assert_double_eq(g1[0], g2[0]);
    ck_assert_double_eq(g1[1], g2[1]);
    ck_assert_double_eq(m.ops->floor(m.self), xl_logistic_floor(&lg));
    ck_assert_msg(m.ops->loss(m.self, theta) >= m.ops->floor(m.self), "loss below floor");
    /* The view borrows: an edit shows through it. */
    double before = m.ops->loss(m.self, theta);
    xl_logistic_flip(&lg, 0);
    ck_assert_msg(m.ops->loss(m.self, theta) != before, "edit not seen through the view");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("logistic");
    const xl_test_case cases[] = {
        { "loss by hand", test_loss_by_hand },
        { "gradient and Hessian vs finite differences", test_gradient_finite_differences },
        { "huge logits", test_huge_logits },
        { "default data fit", test_default_data_fit },
        { "gradient descent reaches Newton", test_gradient_descent_reaches_newton },
        { "contributions and samples", test_contributions },
        { "separation and floor", test_separation_and_floor },
        { "floor is the infimum", test_floor_is_infimum },
        { "seeded data", test_seeded_data },
        { "edits bump version", test_edits_bump_version },
        { "model view", test_model_view },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

/* test_softreg: the softmax regression model (xl_softreg) on small tables made here: the
 * gradient against central differences, the fused pass bit-equal to the two apart,
 * gradient descent against a plain reference loop in double, the smoothed floor, a
 * reachable floor, the confusion matrix and a hand-computed ECE. The real data sets are
 * test_scn_regression's. */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "xl_rng.h"
#include "xl_softreg.h"

enum { N = 60, D = 5, K = 4, NP = K * (D + 1) };

static double tx[N * D];
static int ty[N];

/* A table with some structure: label = the largest of four linear scores plus noise. */
static xl_softreg_data table(double l2, double eps)
{
    xl_rng r = xl_rng_make(23);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < D; j++) tx[i * D + j] = xl_rng_range(&r, -2.0, 2.0);
        double best = -1e9;
        for (int c = 0; c < K; c++) {
            const double sc = tx[i * D + c % D] * (c + 1) - tx[i * D + (c + 2) % D] + xl_rng_range(&r, -1.0, 1.0);
            if (sc > best) {
                best = sc;
                ty[i] = c;
            }
        }
    }
    xl_softreg_data m = {N, D, K, tx, ty, l2, eps, 1};
    return m;
}

static void random_theta(double *theta, int np, uint64_t seed, double scale)
{
    xl_rng r = xl_rng_make(seed);
    for (int i = 0; i < np; i++) theta[i] = xl_rng_range(&r, -scale, scale);
}

/* |g - fd|_inf <= 1e-7 |g|_inf, central differences with h = 1e-5. */
static void check_gradient(const xl_softreg_data *m, const double *theta, int np)
{
    double g[XL_MAX_PARAMS], t[XL_MAX_PARAMS];
    xl_softreg_gradient(m, theta, g);
    double gmax = 0.0, err = 0.0;
    for (int i = 0; i < np; i++) gmax = fmax(gmax, fabs(g[i]));
    memcpy(t, theta, (size_t)np * sizeof(double));
    for (int i = 0; i < np; i++) {
        const double h = 1e-5;
        t[i] = theta[i] + h;
        const double up = xl_softreg_loss(m, t);
        t[i] = theta[i] - h;
        const double down = xl_softreg_loss(m, t);
        t[i] = theta[i];
        err = fmax(err, fabs((up - down) / (2.0 * h) - g[i]));
    }
    ck_assert_msg(gmax > 1e-3, "a gradient worth checking: |g| = %g", gmax);
    ck_assert_msg(err <= 1e-7 * gmax, "finite differences: error %g against |g| %g", err, gmax);
}

START_TEST(gradient_matches_finite_differences)
{
    double theta[NP];
    const double settings[][2] = {{0.0, 0.0}, {0.1, 0.0}, {0.0, 0.1}, {0.05, 0.2}};
    for (size_t s = 0; s < sizeof settings / sizeof settings[0]; s++) {
        xl_softreg_data m = table(settings[s][0], settings[s][1]);
        random_theta(theta, NP, 7 + s, 1.0);
        check_gradient(&m, theta, NP);
    }
}
END_TEST

START_TEST(fused_pass_is_bit_equal)
{
    xl_softreg_data m = table(0.03, 0.1);
    double theta[NP], g1[NP], g2[NP];
    for (int trial = 0; trial < 5; trial++) {
        random_theta(theta, NP, 100 + trial, 3.0);
        const double l1 = xl_softreg_loss(&m, theta);
        xl_softreg_gradient(&m, theta, g1);
        const double l2 = xl_softreg_loss_gradient(&m, theta, g2);
        ck_assert_msg(memcmp(&l1, &l2, sizeof l1) == 0, "loss %.17g, fused %.17g", l1, l2);
        ck_assert_msg(memcmp(g1, g2, sizeof g1) == 0, "the fused gradient differs");
    }
    /* The model view says the same. */
    xl_model mod = xl_softreg_model(&m);
    ck_assert_int_eq(mod.ops->param_count(mod.self), NP);
    const double l3 = mod.ops->loss_gradient(mod.self, theta, g2);
    ck_assert(l3 == xl_softreg_loss(&m, theta));
}
END_TEST

/* The reference: the textbook formulas, one row at a time, libm's exp and log, in double. */
static double reference_loss_grad(const xl_softreg_data *m, const double *theta, double *grad)
{
    const int d = m->d, k = m->k;
    double loss = 0.0;
    if (grad) memset(grad, 0, (size_t)(k * (d + 1)) * sizeof(double));
    for (int i = 0; i < m->n; i++) {
        double z[XL_SOFTREG_MAX_K], mx = -INFINITY, s = 0.0;
        for (int c = 0; c < k; c++) {
            z[c] = theta[k * d + c];
            for (int j = 0; j < d; j++) z[c] += theta[c * d + j] * m->x[i * d + j];
            mx = fmax(mx, z[c]);
        }
        for (int c = 0; c < k; c++) s += exp(z[c] - mx);
        for (int c = 0; c < k; c++) {
            const double p = c == m->y[i] ? 1.0 - m->eps : m->eps / (k - 1);
            const double logq = z[c] - mx - log(s);
            loss -= p * logq / m->n;
            if (grad) {
                const double e = (exp(logq) - p) / m->n;
                for (int j = 0; j < d; j++) grad[c * d + j] += e * m->x[i * d + j];
                grad[k * d + c] += e;
            }
        }
    }
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++) {
            loss += 0.5 * m->l2 * theta[c * d + j] * theta[c * d + j];
            if (grad) grad[c * d + j] += m->l2 * theta[c * d + j];
        }
    return loss;
}

static double reference_accuracy(const xl_softreg_data *m, const double *theta)
{
    int right = 0;
    for (int i = 0; i < m->n; i++) {
        int best = 0;
        double zb = -INFINITY;
        for (int c = 0; c < m->k; c++) {
            double z = theta[m->k * m->d + c];
            for (int j = 0; j < m->d; j++) z += theta[c * m->d + j] * m->x[i * m->d + j];
            if (z > zb) {
                zb = z;
                best = c;
            }
        }
        right += best == m->y[i];
    }
    return (double)right / m->n;
}

START_TEST(gradient_descent_matches_a_reference_loop)
{
    xl_softreg_data m = table(0.01, 0.05);
    double a[NP] = {0}, b[NP] = {0}, ga[NP], gb[NP];
    const double lr = 0.5;
    for (int step = 0; step < 200; step++) {
        xl_softreg_gradient(&m, a, ga);
        reference_loss_grad(&m, b, gb);
        for (int i = 0; i < NP; i++) {
            a[i] -= lr * ga[i];
            b[i] -= lr * gb[i];
        }
    }
    const double la = xl_softreg_loss(&m, a), lb = reference_loss_grad(&m, b, NULL);
    ck_assert_msg(fabs(la - lb) <= 1e-10 * lb, "after 200 steps: loss %.15g, reference %.15g", la, lb);
    ck_assert_msg(la < 0.6 * log(K), "it learned: %g", la);
    const xl_softreg_eval ev = xl_softreg_evaluate(&m, a);
    ck_assert_double_eq(ev.accuracy, reference_accuracy(&m, b));
    ck_assert_msg(ev.accuracy > 0.6, "accuracy %g", ev.accuracy);
    /* evaluate's cross-entropy is the loss without the penalty. */
    ck_assert_msg(fabs(ev.ce + xl_softreg_penalty(&m, a) - la) <= 1e-13, "%.17g + %.17g vs %.17g", ev.ce,
                  xl_softreg_penalty(&m, a), la);
}
END_TEST

START_TEST(smoothed_floor_is_the_target_entropy)
{
    ck_assert(xl_softreg_floor(0.0, 10) == 0.0);
    const double eps[] = {0.01, 0.1, 0.2, 0.5};
    const int ks[] = {2, 3, 10};
    for (size_t e = 0; e < sizeof eps / sizeof eps[0]; e++)
        for (size_t kk = 0; kk < sizeof ks / sizeof ks[0]; kk++) {
            const double ep = eps[e];
            const int k = ks[kk];
            const double formula = -(1.0 - ep) * log(1.0 - ep) - ep * log(ep / (k - 1));
            double h = 0.0;
            for (int c = 0; c < k; c++) {
                const double p = xl_softreg_target(ep, k, 0, c);
                h -= p * log(p);
            }
            const double f = xl_softreg_floor(ep, k);
            ck_assert_msg(fabs(f - formula) <= 4e-16 * formula, "eps %g K %d: %.17g vs %.17g", ep, k, f, formula);
            ck_assert_msg(fabs(f - h) <= 4e-15 * h, "eps %g K %d: %.17g vs sum %.17g", ep, k, f, h);
        }
    /* The floor is reached where Q = P: every row labelled 0, W = 0, softmax(b) = P. */
    double x[8] = {1, -1, 2, 0.5, 0, 3, -2, 1};
    int y[8] = {0};
    const double ep = 0.2;
    xl_softreg_data m = {8, 1, 3, x, y, 0.0, ep, 1};
    double theta[6] = {0, 0, 0, log(1.0 - ep), log(ep / 2), log(ep / 2)}, g[6];
    const double l = xl_softreg_loss_gradient(&m, theta, g);
    ck_assert_msg(fabs(l - xl_softreg_floor(ep, 3)) <= 1e-15, "loss %.17g at Q = P, floor %.17g", l,
                  xl_softreg_floor(ep, 3));
    for (int i = 0; i < 6; i++) ck_assert_msg(fabs(g[i]) <= 1e-15, "gradient %d = %g at the floor", i, g[i]);
}
END_TEST

/* Ten rows, K = 2, d = 1, z_1 = 0: rows with x = 0 have z_0 = ln 3, q_0 = 3/4 (bin 7 of
 * ten); rows with x = 1 have z_0 = ln 19, q_0 = 19/20 (bin 9). Four rows at 3/4 with two
 * labelled 0 (accuracy 1/2) and six at 19/20 all labelled 0 (accuracy 1):
 * ECE = 4/10 |1/2 - 3/4| + 6/10 |1 - 19/20| = 0.1 + 0.03 = 0.13. */
START_TEST(ece_of_a_constructed_case)
{
    double x[10] = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    int y[10] = {0, 0, 1, 1, 0, 0, 0, 0, 0, 0};
    xl_softreg_data m = {10, 1, 2, x, y, 0.0, 0.0, 1};
    double theta[4] = {log(19.0 / 3.0), 0.0, log(3.0), 0.0};
    xl_softreg_bin bins[10];
    const double ece = xl_softreg_reliability(&m, theta, 10, bins);
    ck_assert_msg(fabs(ece - 0.13) <= 1e-14, "ECE %.17g", ece);
    ck_assert_int_eq(bins[7].count, 4);
    ck_assert_int_eq(bins[9].count, 6);
    ck_assert_msg(fabs(bins[7].confidence - 0.75) <= 1e-15 && fabs(bins[9].confidence - 0.95) <= 1e-15,
                  "confidences %.17g %.17g", bins[7].confidence, bins[9].confidence);
    ck_assert_double_eq(bins[7].accuracy, 0.5);
    ck_assert_double_eq(bins[9].accuracy, 1.0);
    for (int b = 0; b < 10; b++)
        if (b != 7 && b != 9) ck_assert_int_eq(bins[b].count, 0);
    /* The same ECE from the bins alone; the confusion matrix: 8 right, 2 wrong. */
    ck_assert_double_eq_tol(xl_softreg_ece(bins, 10), 0.13, 1e-14);
    int counts[4];
    xl_softreg_confusion(&m, theta, counts);
    ck_assert_int_eq(counts[0 * 2 + 0], 8);
    ck_assert_int_eq(counts[1 * 2 + 0], 2);
    ck_assert_int_eq(counts[0 * 2 + 1], 0);
    ck_assert_int_eq(counts[1 * 2 + 1], 0);
    const xl_softreg_eval ev = xl_softreg_evaluate(&m, theta);
    ck_assert_int_eq(ev.correct, 8);
    /* The cross-entropy by hand: 6 ln(20/19) + 2 ln(4/3) + 2 ln 4, over 10. */
    const double ce = (6 * log(20.0 / 19.0) + 2 * log(4.0 / 3.0) + 2 * log(4.0)) / 10;
    ck_assert_msg(fabs(ev.ce - ce) <= 1e-15, "%.17g vs %.17g", ev.ce, ce);
}
END_TEST

START_TEST(rows_and_labels)
{
    /* theta = 0: Q uniform, loss ln K, the first class predicted. */
    xl_softreg_data m = table(0.0, 0.0);
    double theta[NP] = {0}, logq[K];
    ck_assert_msg(fabs(xl_softreg_loss(&m, theta) - log(K)) <= 1e-15, "%.17g", xl_softreg_loss(&m, theta));
    ck_assert_int_eq(xl_softreg_row(theta, D, K, tx, NULL, logq), 0);
    for (int c = 0; c < K; c++) ck_assert_double_eq_tol(logq[c], -log(K), 1e-15);
    /* A far-off logit: log q stays exact where q underflows. */
    theta[K * D + 2] = 2000.0;
    (void)xl_softreg_row(theta, D, K, tx, NULL, logq);
    ck_assert_double_eq_tol(logq[0], -2000.0, 1e-9);
    char buf[16];
    xl_softreg_param_label(64, 10, 64 * 3 + 5, buf, sizeof buf);
    ck_assert_str_eq(buf, "W[3][5]");
    xl_softreg_param_label(64, 10, 640 + 7, buf, sizeof buf);
    ck_assert_str_eq(buf, "b[7]");
    ck_assert_int_eq(xl_softreg_param_count(64, 10), 650);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("softreg");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, gradient_matches_finite_differences);
    tcase_add_test(tc, fused_pass_is_bit_equal);
    tcase_add_test(tc, gradient_descent_matches_a_reference_loop);
    tcase_add_test(tc, rows_and_labels);
    suite_add_tcase(s, tc);
    tc = tcase_create("floor and calibration");
    tcase_add_test(tc, smoothed_floor_is_the_target_entropy);
    tcase_add_test(tc, ece_of_a_constructed_case);
    suite_add_tcase(s, tc);
    return s;
}

/* Tests for xl_classifier: the gradient q - p against finite differences, the edits
 * of P (each keeps sum p = 1), names, and the xl_model view. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_classifier.h"
#include "xl_info.h"
#include "xl_rng.h"

static const double FD_STEP = 1e-5;
static const double TOL_FD = 1e-7;     /* central differences: O(h^2) + rounding/h */
static const double TOL_EXACT = 1e-12;
static const double TOL_SUM = 1e-15;   /* sum p = 1 to a few ulps */

static double sum(const double *v, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

static void random_p(xl_rng *rng, xl_classifier *c, int zeros)
{
    do {
        for (int i = 0; i < c->n; i++)
            c->p[i] = zeros && xl_rng_uniform(rng) < 0.3 ? 0.0 : xl_rng_uniform(rng);
    } while (xl_normalize(c->p, c->n) != 0);
}

START_TEST(test_gradient_finite_differences)
{
    xl_rng rng = xl_rng_make(2024);
    xl_classifier c;
    double z[XL_MAX_CLASSES], g[XL_MAX_CLASSES];
    for (int k = 0; k < 300; k++) {
        int n = 2 + k % 15;
        ck_assert_int_eq(xl_classifier_init(&c, n), 0);
        random_p(&rng, &c, k % 2);
        for (int i = 0; i < n; i++)
            z[i] = xl_rng_range(&rng, -4.0, 4.0);
        xl_classifier_gradient(&c, z, g);
        for (int i = 0; i < n; i++) {
            double save = z[i];
            z[i] = save + FD_STEP;
            double up = xl_classifier_loss(&c, z);
            z[i] = save - FD_STEP;
            double down = xl_classifier_loss(&c, z);
            z[i] = save;
            double fd = (up - down) / (2.0 * FD_STEP);
            ck_assert_msg(fabs(fd - g[i]) < TOL_FD, "case %d, n=%d, i=%d: grad %.12g, fd %.12g", k,
                          n, i, g[i], fd);
        }
    }
}
END_TEST

START_TEST(test_gradient_is_q_minus_p)
{
    xl_rng rng = xl_rng_make(3);
    xl_classifier c;
    double z[8], g[8], q[8];
    for (int k = 0; k < 100; k++) {
        xl_classifier_init(&c, 8);
        random_p(&rng, &c, 1);
        for (int i = 0; i < 8; i++)
            z[i] = xl_rng_range(&rng, -10.0, 10.0);
        xl_classifier_gradient(&c, z, g);
        xl_classifier_predict(&c, z, q);
        for (int i = 0; i < 8; i++)
            ck_assert_double_eq_tol(g[i], q[i] - c.p[i], TOL_EXACT);
        ck_assert_msg(fabs(sum(g, 8)) < TOL_EXACT, "case %d: sum grad = %g", k, sum(g, 8));
    }
}
END_TEST

START_TEST(test_loss_matches_info)
{
    xl_classifier c;
    xl_classifier_init(&c, 3);
    c.p[0] = 0.5; c.p[1] = 0.3; c.p[2] = 0.2;
    const double z[3] = { 1.0, 0.0, -1.0 };
    double q[3];
    xl_classifier_predict(&c, z, q);
    ck_assert_double_eq_tol(xl_classifier_loss(&c, z), xl_cross_entropy(c.p, q, 3, XL_NATS),
                            TOL_EXACT);
    /* At Q = P (z = log p) the loss is the floor H(P). */
    const double zp[3] = { log(0.5), log(0.3), log(0.2) };
    ck_assert_double_eq_tol(xl_classifier_loss(&c, zp), xl_entropy(c.p, 3, XL_NATS), TOL_EXACT);
}
END_TEST

START_TEST(test_init_names)
{
    xl_classifier c;
    ck_assert_int_eq(xl_classifier_init(&c, 1), -1);
    ck_assert_int_eq(xl_classifier_init(&c, XL_MAX_CLASSES + 1), -1);
    ck_assert_int_eq(xl_classifier_init(&c, XL_MAX_CLASSES), 0);
    ck_assert_int_eq(c.n, XL_MAX_CLASSES);
    ck_assert_str_eq(c.names[0], "class 1");
    ck_assert_str_eq(c.names[9], "class 10");
    ck_assert_str_eq(c.names[31], "class 32");
    for (int i = 0; i < c.n; i++)
        ck_assert_double_eq_tol(c.p[i], 1.0 / XL_MAX_CLASSES, TOL_EXACT);
    xl_classifier_set_name(&c, 2, "robin");
    ck_assert_str_eq(c.names[2], "robin");
    xl_classifier_set_name(&c, 3, "a name that is much too long to fit");
    ck_assert_uint_eq(strlen(c.names[3]), XL_NAME_MAX - 1);
    ck_assert_int_eq(strncmp(c.names[3], "a name that is much too long", XL_NAME_MAX - 1), 0);
    ck_assert_str_eq(c.names[4], "class 5");
}
END_TEST

START_TEST(test_onehot_uniform)
{
    xl_classifier c;
    xl_classifier_init(&c, 5);
    xl_classifier_set_onehot(&c, 3);
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq(c.p[i], i == 3 ? 1.0 : 0.0);
    xl_classifier_set_uniform(&c);
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq_tol(c.p[i], 0.2, TOL_EXACT);
    ck_assert_double_eq_tol(sum(c.p, 5), 1.0, TOL_SUM);
}
END_TEST

START_TEST(test_nudge)
{
    xl_classifier c;
    xl_classifier_init(&c, 4);
    c.p[0] = 0.4; c.p[1] = 0.3; c.p[2] = 0.2; c.p[3] = 0.1;
    xl_classifier_nudge(&c, 0, 0.2);
    /* p0 0.4 -> 0.6; the rest (0.6 total) scaled to 0.4 total, ratios kept. */
    ck_assert_double_eq_tol(c.p[0], 0.6, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[1], 0.2, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[2], 0.4 / 3.0, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[3], 0.2 / 3.0, TOL_EXACT);
    ck_assert_double_eq_tol(sum(c.p, 4), 1.0, TOL_SUM);

    /* Clamped at 1: the others go to exactly 0. */
    xl_classifier_nudge(&c, 1, 5.0);
    ck_assert_double_eq(c.p[1], 1.0);
    ck_assert_double_eq(c.p[0], 0.0);
    ck_assert_double_eq(c.p[3], 0.0);

    /* Others all zero: lowering p1 shares the freed mass equally. */
    xl_classifier_nudge(&c, 1, -0.4);
    ck_assert_double_eq_tol(c.p[1], 0.6, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[0], 0.4 / 3.0, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[2], 0.4 / 3.0, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[3], 0.4 / 3.0, TOL_EXACT);

    /* Clamped at 0. */
    xl_classifier_nudge(&c, 2, -1.0);
    ck_assert_double_eq(c.p[2], 0.0);
    ck_assert_double_eq_tol(sum(c.p, 4), 1.0, TOL_SUM);
    ck_assert_double_eq_tol(c.p[1] / c.p[0], 0.6 / (0.4 / 3.0), 1e-9);

    /* Many random nudges never break sum = 1 or the range. */
    xl_rng rng = xl_rng_make(8);
    for (int k = 0; k < 5000; k++) {
        int i = (int)(xl_rng_uniform(&rng) * 4);
        xl_classifier_nudge(&c, i, xl_rng_range(&rng, -0.3, 0.3));
        for (int j = 0; j < 4; j++)
            ck_assert_msg(c.p[j] >= 0.0 && c.p[j] <= 1.0, "step %d: p[%d]=%g", k, j, c.p[j]);
        ck_assert_msg(fabs(sum(c.p, 4) - 1.0) < 4 * TOL_SUM, "step %d: sum=%.17g", k, sum(c.p, 4));
    }
}
END_TEST

START_TEST(test_model_view)
{
    xl_classifier c;
    xl_classifier_init(&c, 3);
    c.p[0] = 0.7; c.p[1] = 0.2; c.p[2] = 0.1;
    xl_model m = xl_classifier_model(&c);
    ck_assert_str_eq(m.ops->id, "softmax");
    ck_assert_ptr_eq(m.self, &c);
    ck_assert_int_eq(m.ops->param_count(m.self), 3);
    ck_assert_double_eq_tol(m.ops->floor(m.self), xl_entropy(c.p, 3, XL_NATS), TOL_EXACT);
    const double z[3] = { 0.3, -0.2, 1.5 };
    ck_assert_double_eq_tol(m.ops->loss(m.self, z), xl_classifier_loss(&c, z), TOL_EXACT);
    double g1[3], g2[3];
    m.ops->gradient(m.self, z, g1);
    xl_classifier_gradient(&c, z, g2);
    for (int i = 0; i < 3; i++)
        ck_assert_double_eq(g1[i], g2[i]);
    /* The view borrows: editing P shows through. */
    xl_classifier_set_onehot(&c, 0);
    ck_assert_double_eq_tol(m.ops->floor(m.self), 0.0, TOL_EXACT);
}
END_TEST

/* Issue 6, item 1: every edit moves the version on (caches compare it), and the
 * parameter names are the axis labels "z₁ robin" in UTF-8. */
START_TEST(test_version_and_names)
{
    xl_classifier c;
    xl_classifier_init(&c, 12);
    xl_model m = xl_classifier_model(&c);
    unsigned long v = xl_model_version(m);
    xl_classifier_set_name(&c, 0, "robin");
    ck_assert_msg(xl_model_version(m) != v, "set_name kept version %lu", v);
    v = xl_model_version(m);
    xl_classifier_set_onehot(&c, 1);
    ck_assert_msg(xl_model_version(m) != v, "set_onehot kept version %lu", v);
    v = xl_model_version(m);
    xl_classifier_set_uniform(&c);
    ck_assert_msg(xl_model_version(m) != v, "set_uniform kept version %lu", v);
    v = xl_model_version(m);
    xl_classifier_nudge(&c, 2, 0.1);
    ck_assert_msg(xl_model_version(m) != v, "nudge kept version %lu", v);
    v = xl_model_version(m);
    double w[12];
    for (int i = 0; i < 12; i++)
        w[i] = i + 1.0;
    ck_assert_int_eq(xl_classifier_set_p(&c, w), 0);
    ck_assert_msg(xl_model_version(m) != v, "set_p kept version %lu", v);
    double sum = 0.0;
    for (int i = 0; i < 12; i++)
        sum += c.p[i];
    ck_assert_double_eq_tol(sum, 1.0, TOL_EXACT);
    ck_assert_double_eq_tol(c.p[11], 12.0 / 78.0, TOL_EXACT);
    /* A rejected P changes nothing, the version included. */
    v = xl_model_version(m);
    w[3] = -1.0;
    ck_assert_int_eq(xl_classifier_set_p(&c, w), -1);
    w[3] = NAN;
    ck_assert_int_eq(xl_classifier_set_p(&c, w), -1);
    for (int i = 0; i < 12; i++)
        w[i] = 0.0;
    ck_assert_int_eq(xl_classifier_set_p(&c, w), -1);
    ck_assert_int_eq(xl_model_version(m), v);
    ck_assert_double_eq_tol(c.p[11], 12.0 / 78.0, TOL_EXACT);
    xl_classifier_touch(&c);
    ck_assert_msg(xl_model_version(m) != v, "touch kept version %lu", v);
    /* Names: z, subscript digits (U+2081 is E2 82 81), a space, the class name. */
    ck_assert_str_eq(xl_model_param_name(m, 0), "z\xE2\x82\x81 robin");
    ck_assert_str_eq(xl_model_param_name(m, 1), "z\xE2\x82\x82 class 2");
    ck_assert_str_eq(xl_model_param_name(m, 11), "z\xE2\x82\x81\xE2\x82\x82 class 12");
    /* The longest name still fits whole. */
    xl_classifier_set_name(&c, 11, "abcdefghijklmnopqrstuvwxyz");
    ck_assert_str_eq(c.names[11], "abcdefghijklmnopqrstuvw");
    ck_assert_str_eq(xl_model_param_name(m, 11), "z\xE2\x82\x81\xE2\x82\x82 abcdefghijklmnopqrstuvw");
    /* A model without the optional ops: version 0 and an empty name, never NULL. */
    static const xl_model_ops bare = { .id = "bare" };
    xl_model b = { &bare, NULL };
    ck_assert_int_eq(xl_model_version(b), 0);
    ck_assert_str_eq(xl_model_param_name(b, 0), "");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("classifier");
    const xl_test_case cases[] = {
        { "gradient vs finite differences", test_gradient_finite_differences },
        { "gradient is q - p", test_gradient_is_q_minus_p },
        { "loss matches info", test_loss_matches_info },
        { "init and names", test_init_names },
        { "one-hot and uniform", test_onehot_uniform },
        { "nudge", test_nudge },
        { "model view", test_model_view },
        { "version and parameter names", test_version_and_names },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

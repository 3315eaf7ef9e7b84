/* test_scn_weighted: the rare-positives scenario (issue 7): the weighted loss by hand,
 * its gradient against central differences, beta = 1 against xl_logistic to the bit,
 * huge logits, the split loss = loss_pos + loss_neg, the Newton fit as the minimum that
 * gradient descent reaches, the boundary moving left (recall rising) as beta grows, the
 * optimizers, the beta commands and the parameter's range, and no NaN at beta = 100. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_command.h"
#include "xl_logistic.h"
#include "xl_rng.h"
#include "xl_scn_weighted.h"
#include "xl_session.h"

static const double TOL_EXACT = 1e-12;
static const double TOL_FIT = 1e-6;

static xl_session *weighted_session(uint64_t seed, double lr, const char *param)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, &xl_scenario_weighted);
    d.lr = lr;
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "no weighted session: %s", err);
    if (param) {
        xl_command c;
        ck_assert_int_eq(xl_scenario_parse_command(param, &c, err, sizeof err), 0);
        ck_assert_msg(xl_session_apply(s, c) == 1, "%s refused: %s", param, xl_session_message(s));
    }
    return s;
}

static const xl_weighted *data_of(const xl_session *s)
{
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_weighted);
    return &((const xl_weighted_state *)xl_session_state(s))->wd;
}

static double readout(const xl_session *s, const char *name)
{
    double all[XL_READOUTS_MAX];
    int i = xl_scenario_readout_index(xl_session_scenario(s), name);
    ck_assert_msg(i >= 0, "no readout '%s'", name);
    xl_session_readouts(s, all);
    return all[i];
}

static int apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s' does not parse: %s", text, err);
    return xl_session_apply(s, c);
}

/* A hand-made data set: positives first, x in hundredths. */
static void hand_data(xl_weighted *wd, const double *xs, int n, int npos, double beta)
{
    memset(wd, 0, sizeof *wd);
    wd->n = n;
    wd->npos = npos;
    wd->beta = beta;
    for (int i = 0; i < n; i++)
        wd->xh[i] = (int16_t)lround(xs[i] * 100.0);
}

START_TEST(record_is_registered_with_its_tables)
{
    ck_assert_ptr_eq(xl_scenario_find("weighted"), &xl_scenario_weighted);
    const xl_scenario_def *d = &xl_scenario_weighted;
    static const char *const names[] = {"loss", "floor", "gap", "beta", "recall", "precision",
                                        "loss_pos", "loss_neg", "w", "b"};
    ck_assert_int_eq(d->readout_count, 10);
    for (int i = 0; i < 10; i++)
        ck_assert_str_eq(d->readouts[i].name, names[i]);
    ck_assert_int_ge(xl_scenario_param_index(d, "beta"), 0);
    ck_assert_int_ge(xl_scenario_param_index(d, "rate"), 0);
    ck_assert_int_ge(xl_scenario_param_index(d, "points"), 0);
    ck_assert_int_ge(xl_scenario_verb_index(&xl_scenario_weighted, "beta-up"), 0);
    ck_assert_int_ge(xl_scenario_verb_index(&xl_scenario_weighted, "beta-down"), 0);
}
END_TEST

/* Three samples, beta = 3, theta = (1, 0): a positive at x = 1 (u = 1), negatives at
 * x = 0 (u = 0) and x = -2 (u = -2):
 *   L = (1/3)[3 ln(1 + e^-1) + ln 2 + ln(1 + e^-2)]
 *     = (1/3)[3 (0.313261687518) + 0.693147180560 + 0.126928011043] = 0.586602...  */
START_TEST(loss_by_hand_three_points_beta_3)
{
    xl_weighted wd;
    const double xs[3] = {1.0, 0.0, -2.0};
    hand_data(&wd, xs, 3, 1, 3.0);
    const double theta[2] = {1.0, 0.0};
    double want = (3.0 * log1p(exp(-1.0)) + log(2.0) + log1p(exp(-2.0))) / 3.0;
    ck_assert_double_eq_tol(xl_weighted_loss(&wd, theta), want, TOL_EXACT);
    ck_assert_double_eq_tol(want, (3 * 0.313261687518 + 0.693147180560 + 0.126928011043) / 3, 1e-11);
    double pos, neg;
    xl_weighted_loss_parts(&wd, theta, &pos, &neg);
    ck_assert_double_eq_tol(pos, log1p(exp(-1.0)), TOL_EXACT);
    ck_assert_double_eq_tol(neg, (log(2.0) + log1p(exp(-2.0))) / 3.0, TOL_EXACT);
    /* Gradient by hand: r = -3 sigma(-1) for the positive, sigma(0), sigma(-2) for the others. */
    double s1 = 1.0 / (1.0 + exp(1.0)), s2 = 1.0 / (1.0 + exp(2.0));
    double g[2];
    xl_weighted_gradient(&wd, theta, g);
    ck_assert_double_eq_tol(g[0], (-3.0 * s1 * 1.0 + 0.5 * 0.0 + s2 * -2.0) / 3.0, TOL_EXACT);
    ck_assert_double_eq_tol(g[1], (-3.0 * s1 + 0.5 + s2) / 3.0, TOL_EXACT);
}
END_TEST

START_TEST(gradient_matches_central_differences)
{
    xl_rng rng = xl_rng_make(77);
    for (int trial = 0; trial < 200; trial++) {
        xl_weighted wd;
        double beta = xl_rng_range(&rng, 1.0, 100.0);
        ck_assert_int_eq(xl_weighted_init(&wd, 20 + trial, xl_rng_range(&rng, 0.01, 0.5), beta, 1000 + trial), 0);
        double theta[2] = {xl_rng_range(&rng, -6, 6), xl_rng_range(&rng, -6, 6)}, g[2];
        xl_weighted_gradient(&wd, theta, g);
        for (int k = 0; k < 2; k++) {
            double h = 1e-5, tp[2] = {theta[0], theta[1]}, tm[2] = {theta[0], theta[1]};
            tp[k] += h;
            tm[k] -= h;
            double fd = (xl_weighted_loss(&wd, tp) - xl_weighted_loss(&wd, tm)) / (2 * h);
            ck_assert_msg(fabs(fd - g[k]) <= 1e-6 * (1.0 + fabs(g[k])) * beta,
                          "trial %d beta %g theta (%g, %g): d/d%d %.12g vs differences %.12g", trial, beta, theta[0],
                          theta[1], k, g[k], fd);
        }
    }
}
END_TEST

START_TEST(beta_one_equals_logistic_exactly)
{
    xl_weighted wd;
    ck_assert_int_eq(xl_weighted_init(&wd, 60, 0.2, 1.0, 5), 0);
    xl_logistic lg;
    memset(&lg, 0, sizeof lg);
    for (int i = 0; i < wd.n; i++)
        ck_assert_int_eq(xl_logistic_add(&lg, xl_weighted_x(&wd, i), xl_weighted_y(&wd, i)), 0);
    xl_rng rng = xl_rng_make(3);
    for (int trial = 0; trial < 100; trial++) {
        double theta[2] = {xl_rng_range(&rng, -10, 10), xl_rng_range(&rng, -10, 10)};
        double a = xl_weighted_loss(&wd, theta), b = xl_logistic_loss(&lg, theta);
        ck_assert_msg(a == b, "theta (%g, %g): weighted %.17g, logistic %.17g", theta[0], theta[1], a, b);
        double ga[2], gb[2];
        xl_weighted_gradient(&wd, theta, ga);
        xl_logistic_gradient(&lg, theta, gb);
        ck_assert_double_eq_tol(ga[0], gb[0], 1e-15);
        ck_assert_double_eq_tol(ga[1], gb[1], 1e-15);
    }
    double fw[2], fl[2];
    ck_assert_int_eq(xl_weighted_fit_newton(&wd, fw, 200, 1e-12), 0);
    ck_assert_int_eq(xl_logistic_fit_newton(&lg, fl, 200, 1e-12), 0);
    ck_assert_double_eq_tol(fw[0], fl[0], 1e-9);
    ck_assert_double_eq_tol(fw[1], fl[1], 1e-9);
    ck_assert_double_eq_tol(wd.floor, xl_logistic_floor(&lg), 1e-12);
}
END_TEST

START_TEST(huge_logits_are_finite_and_exact)
{
    xl_weighted wd;
    const double xs[3] = {1.0, 0.0, -2.0};
    hand_data(&wd, xs, 3, 1, 100.0);
    const double theta[2] = {-1e6, 0.0}; /* the positive at u = -1e6, the last negative at +2e6 */
    double l = xl_weighted_loss(&wd, theta), g[2];
    ck_assert_double_eq_tol(l, (100.0 * 1e6 + log(2.0) + 2e6) / 3.0, 1e-6);
    xl_weighted_gradient(&wd, theta, g);
    ck_assert(isfinite(g[0]) && isfinite(g[1]));
    const double big[2] = {1e300, -1e300};
    ck_assert(isfinite(xl_weighted_loss(&wd, big)) || isinf(xl_weighted_loss(&wd, big)));
    ck_assert(!isnan(xl_weighted_loss(&wd, big)));
}
END_TEST

START_TEST(loss_parts_add_up)
{
    xl_session *s = weighted_session(0, 0.5, NULL);
    for (int k = 0; k < 5; k++) {
        double l = readout(s, "loss"), p = readout(s, "loss_pos"), n = readout(s, "loss_neg");
        ck_assert_msg(fabs(p + n - l) <= 1e-13 * (1.0 + l), "loss_pos %g + loss_neg %g != loss %g", p, n, l);
        ck_assert_double_eq_tol(readout(s, "floor") + readout(s, "gap"), l, 1e-12);
        xl_session_run(s, 7);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(newton_fit_is_the_minimum_and_gd_reaches_it)
{
    xl_session *s = weighted_session(0, 5.0, NULL);
    const xl_weighted *wd = data_of(s);
    ck_assert(wd->fit_ok);
    double g[2];
    xl_weighted_gradient(wd, wd->fit, g);
    ck_assert_msg(fabs(g[0]) < 1e-10 && fabs(g[1]) < 1e-10, "gradient at the fit (%g, %g)", g[0], g[1]);
    ck_assert_double_eq(xl_weighted_loss(wd, wd->fit), wd->floor);
    xl_session_run(s, 5000);
    const double *t = xl_sim_theta(xl_session_sim(s));
    ck_assert_msg(fabs(t[0] - wd->fit[0]) < TOL_FIT && fabs(t[1] - wd->fit[1]) < TOL_FIT,
                  "gd at (%.9g, %.9g), fit (%.9g, %.9g)", t[0], t[1], wd->fit[0], wd->fit[1]);
    xl_session_destroy(s);
}
END_TEST

START_TEST(boundary_moves_left_as_beta_grows)
{
    static const char *const params[] = {"param beta=1", "param beta=10", "param beta=50"};
    double last_boundary = INFINITY, last_recall = -1.0;
    for (int k = 0; k < 3; k++) {
        xl_session *s = weighted_session(0, 0.5, params[k]);
        const xl_weighted *wd = data_of(s);
        ck_assert(wd->fit_ok);
        double boundary = -wd->fit[1] / wd->fit[0], recall, precision;
        xl_scn_weighted_recall_precision(wd, wd->fit, &recall, &precision);
        ck_assert_msg(boundary < last_boundary, "%s: boundary %g not left of %g", params[k], boundary, last_boundary);
        ck_assert_msg(recall >= last_recall, "%s: recall %g fell from %g", params[k], recall, last_recall);
        if (k == 1)
            ck_assert_msg(recall > last_recall, "beta 10: recall %g did not rise from %g", recall, last_recall);
        last_boundary = boundary;
        last_recall = recall;
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(every_optimizer_lowers_the_loss)
{
    static const char *const kinds[] = {"gd", "momentum", "nesterov", "adam"};
    for (int k = 0; k < 4; k++) {
        xl_session *s = weighted_session(0, 0.5, NULL);
        char cmd[64];
        snprintf(cmd, sizeof cmd, "optimizer %s", kinds[k]);
        ck_assert_int_eq(apply_text(s, cmd), 1);
        double start = xl_sim_current(xl_session_sim(s)).loss;
        xl_session_run(s, 300);
        const xl_sample cur = xl_sim_current(xl_session_sim(s));
        ck_assert_msg(cur.loss < start && cur.gap < 0.25 * (start - cur.floor), "%s: loss %g from %g (floor %g)",
                      kinds[k], cur.loss, start, cur.floor);
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(beta_commands_and_param_range)
{
    xl_session *s = weighted_session(0, 0.5, NULL);
    ck_assert_double_eq(data_of(s)->beta, 10.0);
    xl_session_run(s, 10);
    double floor10 = readout(s, "floor");
    ck_assert_int_eq(apply_text(s, "beta-up"), 1);
    ck_assert_double_eq(data_of(s)->beta, 20.0);
    ck_assert_double_eq(readout(s, "beta"), 20.0);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 10); /* the run goes on */
    ck_assert_msg(readout(s, "floor") > floor10, "floor %g at beta 20 vs %g at 10", readout(s, "floor"), floor10);
    ck_assert_int_eq(apply_text(s, "beta-up"), 1);
    ck_assert_int_eq(apply_text(s, "beta-up"), 1);
    ck_assert_double_eq(data_of(s)->beta, 100.0);
    ck_assert_int_eq(apply_text(s, "beta-up"), 0); /* already the largest */
    ck_assert_double_eq(data_of(s)->beta, 100.0);
    for (int k = 0; k < 6; k++)
        ck_assert_int_eq(apply_text(s, "beta-down"), 1);
    ck_assert_double_eq(data_of(s)->beta, 1.0);
    ck_assert_int_eq(apply_text(s, "beta-down"), 0);
    ck_assert_double_eq(xl_scn_weighted_beta_step(7.0, 1), 10.0);
    ck_assert_double_eq(xl_scn_weighted_beta_step(7.0, -1), 5.0);
    /* param beta restarts; outside 1..100 it is refused and nothing changes. */
    ck_assert_int_eq(apply_text(s, "param beta=50"), 1);
    ck_assert_double_eq(data_of(s)->beta, 50.0);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0);
    ck_assert_int_eq(apply_text(s, "param beta=0.5"), 0);
    ck_assert_int_eq(apply_text(s, "param beta=101"), 0);
    ck_assert_double_eq(data_of(s)->beta, 50.0);
    ck_assert_int_eq(apply_text(s, "param rate=0.6"), 0);
    ck_assert_int_eq(apply_text(s, "param points=1000"), 1);
    ck_assert_int_eq(data_of(s)->n, 1000);
    ck_assert_int_eq(data_of(s)->npos, 20);
    ck_assert_int_eq(xl_scenario_weighted.item_count(xl_session_state(s)), XL_ITEMS_MAX);
    /* Commands of other scenarios are not this one's. */
    ck_assert_int_eq(apply_text(s, "flip"), 0);
    xl_session_destroy(s);
}
END_TEST

START_TEST(no_nan_at_beta_100_lr_100)
{
    static const char *const kinds[] = {"gd", "momentum", "nesterov", "adam"};
    for (int k = 0; k < 4; k++) {
        xl_session *s = weighted_session(0, 100.0, "param beta=100");
        char cmd[64];
        snprintf(cmd, sizeof cmd, "optimizer %s", kinds[k]);
        ck_assert_int_eq(apply_text(s, cmd), 1);
        xl_session_run(s, 500);
        const xl_sim *sim = xl_session_sim(s);
        double l = xl_sim_current(sim).loss;
        ck_assert_msg(!isnan(l), "%s: NaN loss", kinds[k]);
        ck_assert_msg(isfinite(l) || xl_sim_diverged_at(sim) >= 0, "%s: loss %g without a reported divergence",
                      kinds[k], l);
        double all[XL_READOUTS_MAX];
        xl_session_readouts(s, all);
        for (int i = 0; i < xl_scenario_weighted.readout_count; i++)
            ck_assert_msg(!isnan(all[i]), "%s: readout %s is NaN", kinds[k], xl_scenario_weighted.readouts[i].name);
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(bars_show_the_selected_sample_exactly)
{
    xl_session *s = weighted_session(0, 0.5, NULL);
    xl_bars b;
    const xl_weighted_state *st = xl_session_state(s);
    const double theta[2] = {-800.0, 0.0};
    xl_scenario_weighted.bars(st, theta, 0, &b); /* sample 1 is a positive, x >= 0 */
    ck_assert_int_eq(b.n, 2);
    ck_assert_double_eq(b.p[0], 1.0);
    double u = -800.0 * xl_weighted_x(&st->wd, 0);
    ck_assert_double_eq_tol(b.logq[0], -xl_logistic_softplus(-u), 1e-9);
    ck_assert(isfinite(b.logq[0]) && isfinite(b.logq[1]));
    ck_assert_ptr_nonnull(b.q_label);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("scn_weighted");
    TCase *tc = tcase_create("weighted");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, record_is_registered_with_its_tables);
    tcase_add_test(tc, loss_by_hand_three_points_beta_3);
    tcase_add_test(tc, gradient_matches_central_differences);
    tcase_add_test(tc, beta_one_equals_logistic_exactly);
    tcase_add_test(tc, huge_logits_are_finite_and_exact);
    tcase_add_test(tc, loss_parts_add_up);
    tcase_add_test(tc, newton_fit_is_the_minimum_and_gd_reaches_it);
    tcase_add_test(tc, boundary_moves_left_as_beta_grows);
    tcase_add_test(tc, every_optimizer_lowers_the_loss);
    tcase_add_test(tc, beta_commands_and_param_range);
    tcase_add_test(tc, no_nan_at_beta_100_lr_100);
    tcase_add_test(tc, bars_show_the_selected_sample_exactly);
    suite_add_tcase(su, tc);
    return su;
}

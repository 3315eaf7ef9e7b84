/* test_scn_logistic: the logistic regression scenario record driven through a session:
 * its defaults, the data edits as commands and their refusals, readouts that keep
 * loss = floor + gap, bars from the logit, the landscape's minimum at the Newton fit,
 * gradient descent reaching that fit, and switching scenario by command. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_command.h"
#include "xl_logistic.h"
#include "xl_scn_logistic.h"
#include "xl_session.h"
#include "softmax_fixture.h"

static const double TOL_EXACT = 1e-12;
static const double TOL_FIT = 1e-6;

static xl_session *logistic_session(uint64_t seed, double lr)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, &xl_scenario_logistic);
    d.lr = lr;
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "no logistic session: %s", err);
    return s;
}

static const xl_logistic *data_of(const xl_session *s)
{
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_logistic);
    return &((const xl_logistic_state *)xl_session_state(s))->lg;
}

static const double *theta_of(const xl_session *s)
{
    return xl_sim_theta(xl_session_sim(s));
}

static int readout(const xl_session *s, const char *name, double *v)
{
    double all[XL_READOUTS_MAX];
    int i = xl_scenario_readout_index(xl_session_scenario(s), name);
    ck_assert_msg(i >= 0, "no readout '%s'", name);
    xl_session_readouts(s, all);
    *v = all[i];
    return i;
}

static int apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s' does not parse: %s", text, err);
    return xl_session_apply(s, c);
}

/* ---- the record ---------------------------------------------------------------- */

START_TEST(record_is_registered_with_its_tables)
{
    const xl_scenario_def *def = xl_scenario_find("logistic");
    ck_assert_ptr_eq(def, &xl_scenario_logistic);
    ck_assert_ptr_eq(xl_scenario_at(0), &xl_scenario_softmax);
    ck_assert_ptr_eq(xl_scenario_at(1), &xl_scenario_logistic);
    ck_assert_str_eq(def->item_noun, "sample");
    ck_assert(def->state_size <= XL_SCENARIO_STATE_MAX);
    ck_assert_str_eq(def->readouts[0].name, "loss");
    ck_assert_str_eq(def->readouts[1].name, "floor");
    ck_assert_str_eq(def->readouts[2].name, "gap");
    ck_assert_int_ge(xl_scenario_readout_index(def, "accuracy"), 3);
    ck_assert_int_ge(xl_scenario_readout_index(def, "w"), 3);
    ck_assert_int_ge(xl_scenario_readout_index(def, "b"), 3);
    int pi = xl_scenario_param_index(def, "points");
    ck_assert_int_ge(pi, 0);
    ck_assert_double_eq(def->params[pi].def, 20);
    ck_assert(def->panels & XL_PANEL_DATA);
}
END_TEST

START_TEST(default_session_is_the_builtin_data)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    const xl_logistic *lg = data_of(s);
    xl_logistic ref;
    xl_logistic_init(&ref, 0);
    ck_assert_int_eq(lg->n, ref.n);
    for (int i = 0; i < ref.n; i++) {
        ck_assert_double_eq(lg->pts[i].x, ref.pts[i].x);
        ck_assert_int_eq(lg->pts[i].y, ref.pts[i].y);
    }
    const double *th = theta_of(s);
    ck_assert_double_eq(th[0], XL_SCN_LOGISTIC_W0);
    ck_assert_double_eq(th[1], XL_SCN_LOGISTIC_B0);
    double loss, fl, gap;
    readout(s, "loss", &loss);
    readout(s, "floor", &fl);
    readout(s, "gap", &gap);
    ck_assert_double_eq_tol(loss, xl_logistic_loss(&ref, th), TOL_EXACT);
    ck_assert_double_eq_tol(fl, xl_logistic_floor(&ref), TOL_EXACT);
    ck_assert_double_eq_tol(loss, fl + gap, TOL_EXACT);
    ck_assert_msg(gap > 0.5, "the start should be visibly wrong: gap %g", gap);
    /* The start calls most samples wrong. */
    double acc;
    readout(s, "accuracy", &acc);
    ck_assert_double_eq_tol(acc, xl_scn_logistic_accuracy(&ref, th), TOL_EXACT);
    ck_assert_msg(acc < 0.5, "accuracy at the start %g", acc);
    /* The sim's own sample agrees with the readouts. */
    xl_sample cur = xl_sim_current(xl_session_sim(s));
    ck_assert_double_eq_tol(cur.loss, loss, TOL_EXACT);
    ck_assert_double_eq_tol(cur.floor, fl, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(accuracy_counts_samples_by_hand)
{
    xl_logistic lg;
    memset(&lg, 0, sizeof lg);
    xl_logistic_add(&lg, -1.0, 0); /* u = -1: right */
    xl_logistic_add(&lg, 2.0, 1);  /* u = 2: right */
    xl_logistic_add(&lg, 0.5, 0);  /* u = 0.5: wrong */
    xl_logistic_add(&lg, 0.0, 1);  /* u = 0, y_hat = 0.5: on the boundary, wrong */
    const double th[2] = { 1.0, 0.0 };
    ck_assert_double_eq_tol(xl_scn_logistic_accuracy(&lg, th), 0.5, TOL_EXACT);
}
END_TEST

/* ---- commands ------------------------------------------------------------------ */

START_TEST(flip_changes_the_selected_label)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert(apply_text(s, "select 4"));
    ck_assert_int_eq(xl_session_selected(s), 3);
    int y = data_of(s)->pts[3].y;
    double before;
    readout(s, "loss", &before);
    ck_assert_msg(apply_text(s, "flip"), "flip refused: %s", xl_session_message(s));
    ck_assert_int_eq(data_of(s)->pts[3].y, !y);
    double after, fl, gap;
    readout(s, "loss", &after);
    readout(s, "floor", &fl);
    readout(s, "gap", &gap);
    ck_assert(after != before);
    ck_assert_double_eq_tol(after, fl + gap, TOL_EXACT);
    /* The sim sees the new data too. */
    ck_assert_double_eq_tol(xl_sim_current(xl_session_sim(s)).loss, after, TOL_EXACT);
    /* Flipping back restores the data exactly. */
    ck_assert(apply_text(s, "flip"));
    ck_assert_int_eq(data_of(s)->pts[3].y, y);
    xl_session_destroy(s);
}
END_TEST

START_TEST(select_next_and_prev_wrap_over_samples)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SELECT_PREV)));
    ck_assert_int_eq(xl_session_selected(s), 19);
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SELECT_NEXT)));
    ck_assert_int_eq(xl_session_selected(s), 0);
    ck_assert(!apply_text(s, "select 21"));
    ck_assert_msg(strstr(xl_session_message(s), "20") != NULL, "message: %s", xl_session_message(s));
    xl_session_destroy(s);
}
END_TEST

START_TEST(add_point_appends_and_refuses_bad_arguments)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    unsigned long v = data_of(s)->version;
    ck_assert_msg(apply_text(s, "add-point 0.25,1"), "refused: %s", xl_session_message(s));
    const xl_logistic *lg = data_of(s);
    ck_assert_int_eq(lg->n, 21);
    ck_assert_double_eq(lg->pts[20].x, 0.25);
    ck_assert_int_eq(lg->pts[20].y, 1);
    ck_assert(lg->version != v);
    ck_assert(apply_text(s, "select 21"));

    static const char *const bad[] = { "add-point 11,1", "add-point -10.5,0", "add-point 0.5,2",
                                       "add-point 0.5,0.5", "add-point 0.5", "add-point 1,1,1" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(!apply_text(s, bad[i]), "'%s' was taken", bad[i]);
        ck_assert_msg(strstr(xl_session_message(s), "add-point") != NULL, "'%s': message '%s'", bad[i],
                      xl_session_message(s));
        ck_assert_int_eq(data_of(s)->n, 21);
    }
    ck_assert(!apply_text(s, "add-point 0.5,2"));
    ck_assert_msg(strstr(xl_session_message(s), "0 or 1") != NULL, "message: %s", xl_session_message(s));
    ck_assert(!apply_text(s, "add-point 99,1"));
    ck_assert_msg(strstr(xl_session_message(s), "±10") != NULL, "message: %s", xl_session_message(s));
    /* Up to the limit of 64, then a clear refusal. */
    while (data_of(s)->n < XL_LOGISTIC_MAX_POINTS)
        ck_assert(apply_text(s, "add-point -3,0"));
    ck_assert(!apply_text(s, "add-point -3,0"));
    ck_assert_msg(strstr(xl_session_message(s), "full") != NULL, "message: %s", xl_session_message(s));
    xl_session_destroy(s);
}
END_TEST

START_TEST(remove_point_removes_the_selected_and_keeps_two)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    xl_logistic_point third = data_of(s)->pts[3];
    ck_assert(apply_text(s, "select 3"));
    ck_assert(apply_text(s, "remove-point"));
    ck_assert_int_eq(data_of(s)->n, 19);
    ck_assert_double_eq(data_of(s)->pts[2].x, third.x);
    /* Removing the last sample moves the selection onto the new last one. */
    ck_assert(apply_text(s, "select 19"));
    ck_assert(apply_text(s, "remove-point"));
    ck_assert_int_eq(data_of(s)->n, 18);
    ck_assert_int_eq(xl_session_selected(s), 17);
    while (data_of(s)->n > 2)
        ck_assert(apply_text(s, "remove-point"));
    ck_assert(!apply_text(s, "remove-point"));
    ck_assert_msg(strstr(xl_session_message(s), "at least 2") != NULL, "message: %s", xl_session_message(s));
    ck_assert_int_eq(data_of(s)->n, 2);
    ck_assert_int_lt(xl_session_selected(s), 2);
    /* Readouts stay defined for two samples. */
    double loss, fl, gap;
    readout(s, "loss", &loss);
    readout(s, "floor", &fl);
    readout(s, "gap", &gap);
    ck_assert(isfinite(loss) && isfinite(fl) && gap >= 0.0);
    ck_assert_double_eq_tol(loss, fl + gap, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(softmax_commands_are_not_mine)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert(!xl_session_apply(s, xl_scenario_command(NULL, "p-up")));
    ck_assert_msg(strstr(xl_session_message(s), "logistic regression") != NULL, "message: %s",
                  xl_session_message(s));
    xl_session_destroy(s);
}
END_TEST

START_TEST(param_points_and_start)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert_msg(apply_text(s, "param points=30"), "refused: %s", xl_session_message(s));
    const xl_logistic *lg = data_of(s);
    ck_assert_int_eq(lg->n, 30);
    /* The first 20 are the built-in set; the rest continue seed 0's sequence. */
    xl_logistic ref;
    xl_logistic_init(&ref, 0);
    for (int i = 0; i < 20; i++)
        ck_assert_double_eq(lg->pts[i].x, ref.pts[i].x);
    for (int i = 20; i < 30; i++) {
        xl_logistic_point p = xl_logistic_seed_point(0, i);
        ck_assert_double_eq(lg->pts[i].x, p.x);
    }
    ck_assert(!apply_text(s, "param points=3"));
    ck_assert(!apply_text(s, "param points=65"));
    ck_assert(!apply_text(s, "param points=10.5"));
    ck_assert_int_eq(data_of(s)->n, 30);
    ck_assert(apply_text(s, "param w0=3"));
    ck_assert(apply_text(s, "param b0=-1"));
    ck_assert_double_eq(theta_of(s)[0], 3.0);
    ck_assert_double_eq(theta_of(s)[1], -1.0);
    ck_assert_int_eq(data_of(s)->n, 30); /* the other parameters stay */
    ck_assert(!apply_text(s, "param w0=21"));
    ck_assert(!apply_text(s, "param beta=2"));
    xl_session_destroy(s);
}
END_TEST

/* ---- readouts, bars, minimum ----------------------------------------------------- */

START_TEST(gradient_descent_reaches_the_newton_fit)
{
    xl_session *s = logistic_session(0, 1.0);
    xl_session_run(s, 2000);
    const xl_logistic *lg = data_of(s);
    double fit[2];
    ck_assert_int_eq(xl_logistic_fit_newton(lg, fit, 200, 1e-12), 0);
    const double *th = theta_of(s);
    ck_assert_msg(fabs(th[0] - fit[0]) < TOL_FIT && fabs(th[1] - fit[1]) < TOL_FIT,
                  "after 2000 steps (w, b) = (%.9f, %.9f), the fit is (%.9f, %.9f)", th[0], th[1], fit[0], fit[1]);
    double loss, fl, gap, w, b;
    readout(s, "loss", &loss);
    readout(s, "floor", &fl);
    readout(s, "gap", &gap);
    readout(s, "w", &w);
    readout(s, "b", &b);
    ck_assert_msg(gap >= 0.0 && gap < 1e-9, "gap %.3g", gap);
    ck_assert_double_eq_tol(loss, fl + gap, TOL_EXACT);
    ck_assert_double_eq(w, th[0]);
    ck_assert_double_eq(b, th[1]);
    /* The landscape marks the same point. */
    double mx, my;
    ck_assert_int_eq(xl_scenario_logistic.slice_minimum(xl_session_state(s), th, 0, 1, &mx, &my), 1);
    ck_assert_double_eq_tol(mx, fit[0], TOL_EXACT);
    ck_assert_double_eq_tol(my, fit[1], TOL_EXACT);
    ck_assert_int_eq(xl_scenario_logistic.slice_minimum(xl_session_state(s), th, 1, 0, &mx, &my), 1);
    ck_assert_double_eq_tol(mx, fit[1], TOL_EXACT);
    ck_assert_double_eq_tol(my, fit[0], TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(separable_data_have_no_minimum)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    /* Down to samples 3 and 4 of the built-in set: a 0 at -1.5 and a 1 at +1.6. */
    ck_assert(apply_text(s, "select 1"));
    ck_assert(apply_text(s, "remove-point"));
    ck_assert(apply_text(s, "remove-point"));
    ck_assert(apply_text(s, "select 3"));
    while (data_of(s)->n > 2)
        ck_assert(apply_text(s, "remove-point"));
    ck_assert_int_eq(xl_logistic_is_separable(data_of(s)), 1);
    double x = 7, y = 7;
    ck_assert_int_eq(xl_scenario_logistic.slice_minimum(xl_session_state(s), theta_of(s), 0, 1, &x, &y), 0);
    double fl;
    readout(s, "floor", &fl);
    ck_assert_double_eq(fl, 0.0);
    /* Descent drives the loss towards 0 without a minimum; accuracy becomes 1. */
    xl_session_run(s, 500);
    double acc, loss;
    readout(s, "accuracy", &acc);
    readout(s, "loss", &loss);
    ck_assert_double_eq(acc, 1.0);
    ck_assert_msg(loss < 0.05, "loss %g", loss);
    xl_session_destroy(s);
}
END_TEST

START_TEST(bars_show_the_selected_sample)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    /* Sample 2 of the built-in set: x = -0.6, label 1; at (w, b) = (-2, 1.5) the logit
     * is 2.7, so y_hat = 1 / (1 + e^-2.7). */
    ck_assert(apply_text(s, "select 2"));
    xl_bars b;
    xl_session_bars(s, &b);
    ck_assert_int_eq(b.n, 2);
    ck_assert_str_eq(b.names[0], "y = 1");
    ck_assert_str_eq(b.names[1], "y = 0");
    ck_assert_double_eq(b.p[0], 1.0);
    ck_assert_double_eq(b.p[1], 0.0);
    double yhat = 1.0 / (1.0 + exp(-2.7));
    ck_assert_double_eq_tol(exp(b.logq[0]), yhat, TOL_EXACT);
    ck_assert_double_eq_tol(exp(b.logq[1]), 1.0 - yhat, TOL_EXACT);
    ck_assert_double_eq_tol(b.logq[1], -log1p(exp(2.7)), TOL_EXACT);
    ck_assert_int_eq(b.selected, 0);
    ck_assert_str_eq(b.title, "SAMPLE 2");
    ck_assert_str_eq(b.caption, "x = −0.6, label 1");
    /* The per-sample readout of the core agrees. */
    xl_logistic_sample smp = xl_logistic_sample_at(data_of(s), theta_of(s), 1);
    ck_assert_double_eq_tol(-b.logq[0], smp.surprise, TOL_EXACT);

    /* A label-0 sample: the highlighted outcome is "y = 0". */
    ck_assert(apply_text(s, "select 1"));
    xl_session_bars(s, &b);
    ck_assert_double_eq(b.p[1], 1.0);
    ck_assert_int_eq(b.selected, 1);
    ck_assert_str_eq(b.caption, "x = 0.3, label 0");

    /* Flip: the caption follows the data. */
    ck_assert(apply_text(s, "flip"));
    xl_session_bars(s, &b);
    ck_assert_str_eq(b.caption, "x = 0.3, label 1");
    ck_assert_int_eq(b.selected, 0);
    xl_session_destroy(s);
}
END_TEST

START_TEST(bars_are_exact_where_q_underflows)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert(apply_text(s, "param w0=-20"));
    ck_assert(apply_text(s, "param b0=-20"));
    ck_assert(apply_text(s, "add-point 10,1")); /* logit -220: q_1 = e^-220 */
    ck_assert(apply_text(s, "select 21"));
    xl_bars b;
    xl_session_bars(s, &b);
    ck_assert_double_eq_tol(b.logq[0], -220.0, 1e-9);
    ck_assert_double_eq_tol(b.logq[1], 0.0, 1e-12);
    double worst;
    readout(s, "surprise_max", &worst);
    ck_assert_double_eq_tol(worst, 220.0, 1e-9);
    /* Far beyond double range of q: still finite and exact. */
    xl_logistic_state copy = *(const xl_logistic_state *)xl_session_state(s);
    const double th[2] = { -100.0, -20.0 }; /* logit -1020 */
    xl_scenario_logistic.bars(&copy, th, 20, &b);
    ck_assert(isfinite(b.logq[0]));
    ck_assert_double_eq_tol(b.logq[0], -1020.0, 1e-9);
    xl_session_destroy(s);
}
END_TEST

START_TEST(switch_scenario_by_command_and_back)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_softmax);
    ck_assert(apply_text(s, "select 4"));
    ck_assert_msg(apply_text(s, "scenario logistic"), "refused: %s", xl_session_message(s));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_logistic);
    ck_assert_ptr_ne(xl_session_scenario(s), &xl_scenario_softmax);
    ck_assert_int_eq(data_of(s)->n, 20);
    ck_assert_int_eq(xl_session_selected(s), 0);
    ck_assert_double_eq(theta_of(s)[0], XL_SCN_LOGISTIC_W0);
    double loss;
    readout(s, "loss", &loss);
    ck_assert_double_eq_tol(loss, xl_logistic_loss(data_of(s), theta_of(s)), TOL_EXACT);
    xl_session_run(s, 5);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 5);
    ck_assert(apply_text(s, "flip"));
    ck_assert(apply_text(s, "scenario softmax"));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_softmax);
    ck_assert_ptr_nonnull(fixture_classifier(s));
    ck_assert_int_eq(fixture_classifier(s)->n, 5);
    ck_assert(!apply_text(s, "flip"));
    /* The scenario key cycles to it too, and back. */
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SCENARIO_NEXT)));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_logistic);
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SCENARIO_NEXT)));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_weighted); /* the registry's order */
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SCENARIO_PREV)));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_logistic);
    xl_session_destroy(s);
}
END_TEST

START_TEST(landscape_is_finite_and_lowest_near_the_fit)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    const xl_landscape *ls = xl_session_landscape(s);
    int gi, gj;
    xl_landscape_argmin(ls, &gi, &gj);
    int G = xl_landscape_size(ls);
    double lo = -XL_DEFAULT_RANGE, hi = XL_DEFAULT_RANGE, cell = (hi - lo) / (G - 1);
    double fit[2];
    ck_assert_int_eq(xl_logistic_fit_newton(data_of(s), fit, 200, 1e-12), 0);
    ck_assert_msg(fabs(lo + gi * cell - fit[0]) <= cell && fabs(lo + gj * cell - fit[1]) <= cell,
                  "grid argmin (%d,%d) is not the cell of the fit (%.3f,%.3f)", gi, gj, fit[0], fit[1]);
    xl_session_destroy(s);
}
END_TEST

START_TEST(landscape_follows_the_data)
{
    xl_session *s = logistic_session(0, XL_DEFAULT_LR);
    ck_assert(apply_text(s, "select 12"));
    const xl_landscape *ls = xl_session_landscape(s);
    int G = xl_landscape_size(ls);
    double lo = xl_landscape_lo(ls), hi = xl_landscape_hi(ls), cell = (hi - lo) / (G - 1);
    const int ci = G / 3, cj = 2 * G / 3;
    double at[2] = { lo + ci * cell, lo + cj * cell };
    static const char *const edits[] = { "flip", "add-point 2.5,0", "remove-point" };
    for (int k = 0; k < 3; k++) {
        ck_assert(apply_text(s, edits[k]));
        ck_assert_double_eq_tol(xl_landscape_at(xl_session_landscape(s), ci, cj), xl_logistic_loss(data_of(s), at),
                                TOL_EXACT);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(other_seeds_overlap_and_fit)
{
    for (uint64_t seed = 1; seed <= 20; seed++) {
        xl_session *s = logistic_session(seed, XL_DEFAULT_LR);
        double x, y;
        ck_assert_msg(xl_scenario_logistic.slice_minimum(xl_session_state(s), theta_of(s), 0, 1, &x, &y) == 1,
                      "seed %llu: no minimum", (unsigned long long)seed);
        double loss, fl, gap;
        readout(s, "loss", &loss);
        readout(s, "floor", &fl);
        readout(s, "gap", &gap);
        ck_assert_double_eq_tol(loss, fl + gap, TOL_EXACT);
        xl_session_destroy(s);
    }
}
END_TEST

/* Issue 6: every optimizer lowers the loss, alone and in a race, and Adam's first step
 * moves each parameter by lr (its bias correction at work). */
START_TEST(every_optimizer_lowers_the_loss)
{
    static const char *const kinds[] = {"gd", "momentum", "nesterov", "adam"};
    for (int k = 0; k < 4; k++) {
        xl_session *s = logistic_session(0, 0.5);
        char cmd[64];
        snprintf(cmd, sizeof cmd, "optimizer %s", kinds[k]);
        ck_assert_int_eq(apply_text(s, cmd), 1);
        double start = xl_sim_current(xl_session_sim(s)).loss;
        double t0[2];
        memcpy(t0, xl_sim_theta(xl_session_sim(s)), sizeof t0);
        xl_session_run(s, 1);
        if (k == 3) {
            const double *t1 = xl_sim_theta(xl_session_sim(s));
            ck_assert_double_eq_tol(fabs(t1[0] - t0[0]), 0.5, 1e-6);
            ck_assert_double_eq_tol(fabs(t1[1] - t0[1]), 0.5, 1e-6);
        }
        xl_session_run(s, 199);
        const xl_sample cur = xl_sim_current(xl_session_sim(s));
        ck_assert_msg(cur.loss < start && cur.gap < 0.25 * (start - cur.floor), "%s: loss %g from %g (floor %g)",
                      kinds[k], cur.loss, start, cur.floor);
        xl_session_destroy(s);
    }
    xl_session *s = logistic_session(0, 0.5);
    ck_assert_int_eq(apply_text(s, "race gd,momentum,nesterov,adam"), 1);
    xl_session_run(s, 200);
    for (int r = 0; r < 4; r++) {
        const xl_sim *sim = xl_session_run_sim(s, r);
        ck_assert_msg(xl_sim_current(sim).loss < xl_sim_history(sim)[0].loss, "run %d did not learn", r);
    }
    xl_session_destroy(s);
}
END_TEST

/* The A key's add-point (no argument): a sample beside the selected one, with its
 * label, and the new sample becomes the selection. */
START_TEST(add_beside_the_selected)
{
    xl_session *s = logistic_session(0, 0.5);
    ck_assert_int_eq(apply_text(s, "select 4"), 1);
    const xl_logistic_state *st = xl_session_state(s);
    double x = st->lg.pts[3].x;
    int y = st->lg.pts[3].y;
    int n = st->lg.n;
    ck_assert_int_eq(apply_text(s, "add-point"), 1);
    st = xl_session_state(s);
    ck_assert_int_eq(st->lg.n, n + 1);
    ck_assert_double_eq_tol(st->lg.pts[n].x, x + 0.25, 1e-12);
    ck_assert_int_eq(st->lg.pts[n].y, y);
    ck_assert_int_eq(xl_session_selected(s), n);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("scn_logistic");
    TCase *tc = tcase_create("record");
    tcase_add_test(tc, record_is_registered_with_its_tables);
    tcase_add_test(tc, default_session_is_the_builtin_data);
    tcase_add_test(tc, accuracy_counts_samples_by_hand);
    suite_add_tcase(su, tc);
    tc = tcase_create("commands");
    tcase_add_test(tc, flip_changes_the_selected_label);
    tcase_add_test(tc, select_next_and_prev_wrap_over_samples);
    tcase_add_test(tc, add_point_appends_and_refuses_bad_arguments);
    tcase_add_test(tc, remove_point_removes_the_selected_and_keeps_two);
    tcase_add_test(tc, softmax_commands_are_not_mine);
    tcase_add_test(tc, param_points_and_start);
    tcase_add_test(tc, switch_scenario_by_command_and_back);
    suite_add_tcase(su, tc);
    tc = tcase_create("readouts, bars and minimum");
    tcase_add_test(tc, gradient_descent_reaches_the_newton_fit);
    tcase_add_test(tc, separable_data_have_no_minimum);
    tcase_add_test(tc, bars_show_the_selected_sample);
    tcase_add_test(tc, bars_are_exact_where_q_underflows);
    tcase_add_test(tc, landscape_is_finite_and_lowest_near_the_fit);
    tcase_add_test(tc, landscape_follows_the_data);
    tcase_add_test(tc, other_seeds_overlap_and_fit);
    tcase_add_test(tc, every_optimizer_lowers_the_loss);
    tcase_add_test(tc, add_beside_the_selected);
    suite_add_tcase(su, tc);
    return su;
}

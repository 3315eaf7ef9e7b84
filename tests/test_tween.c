/* test_tween: a page turn's numbers in between (xl_tween.h). The softmax with three
 * classes: P and the logits set by commands, as a page's directives set them; the
 * in-between states at the ends are the two states (the old numbers exactly, the new
 * state bit for bit), every number travels one way only along the eased path, two
 * tweens of the same states give the same bits, and a change of scenario has none. */
#include "check_main.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "softmax_fixture.h"
#include "xl_tween.h"

static xl_session *three_classes(void)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    fixture_set_classes(&d, 3, 7);
    const double p[3] = {1, 1, 1}, z[3] = {0, 0, 0};
    fixture_setup_list(&d, "set-p", p, 3);
    fixture_setup_list(&d, "set-logits", z, 3);
    return fixture_create(&d);
}

static void apply_list(xl_session *s, const char *name, const double *v, int n)
{
    xl_command c = xl_scenario_command(xl_session_scenario(s), name);
    ck_assert_int_ne(c.kind, XL_CMD_NONE);
    c.count = n;
    memcpy(c.list, v, (size_t)n * sizeof *v);
    ck_assert_msg(xl_session_apply(s, c), "%s: %s", name, xl_session_message(s));
}

/* A session moved to the new page's numbers, and the snapshot of it before. */
static xl_session *turned(xl_session_snapshot **before)
{
    xl_session *s = three_classes();
    xl_session_run(s, 5); /* a page's play: the old page leaves the run somewhere */
    *before = xl_session_save(s);
    ck_assert_ptr_nonnull(*before);
    const double p[3] = {0.7, 0.2, 0.1}, z[3] = {2.0, -1.0, 0.5};
    apply_list(s, "set-p", p, 3);
    apply_list(s, "set-logits", z, 3);
    return s;
}

static void numbers(const xl_session *s, double *theta, double *p)
{
    memcpy(theta, xl_sim_theta(xl_session_sim(s)), 3 * sizeof(double));
    xl_bars bars;
    xl_session_bars(s, &bars);
    ck_assert_int_eq(bars.n, 3);
    memcpy(p, bars.p, 3 * sizeof(double));
}

START_TEST(the_ends_are_the_two_states)
{
    xl_session_snapshot *before = NULL;
    xl_session *after = turned(&before);
    xl_session *old = three_classes();
    ck_assert_int_eq(xl_session_restore(old, before), 0);
    xl_tween *tw = xl_tween_create(before, after);
    ck_assert_ptr_nonnull(tw);
    ck_assert_uint_eq(xl_tween_moves(tw), XL_TWEEN_THETA | XL_TWEEN_P);

    double th0[3], p0[3], th[3], p[3];
    numbers(old, th0, p0);
    numbers(xl_tween_at(tw, 0.0), th, p);
    for (int k = 0; k < 3; k++) {
        ck_assert_double_eq(th[k], th0[k]); /* the old logits, exactly */
        ck_assert_double_eq_tol(p[k], p0[k], 1e-15);
    }
    ck_assert_double_eq_tol(p0[0], 1.0 / 3.0, 1e-15);

    double th1[3], p1[3], r1[XL_READOUTS_MAX], r[XL_READOUTS_MAX];
    numbers(after, th1, p1);
    const xl_session *end = xl_tween_at(tw, 1.0);
    numbers(end, th, p);
    ck_assert_mem_eq(th, th1, sizeof th);
    ck_assert_mem_eq(p, p1, sizeof p);
    ck_assert_double_eq(th1[0], 2.0);
    ck_assert_double_eq_tol(p1[0], 0.7, 1e-15);
    const int nr = xl_session_scenario(after)->readout_count;
    xl_session_readouts(after, r1);
    xl_session_readouts(end, r);
    ck_assert_mem_eq(r, r1, (size_t)nr * sizeof(double));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(end)), xl_sim_steps(xl_session_sim(after)));

    xl_tween_free(tw);
    xl_session_snapshot_free(before);
    xl_session_destroy(after);
    xl_session_destroy(old);
}
END_TEST

START_TEST(every_number_travels_one_way_eased)
{
    xl_session_snapshot *before = NULL;
    xl_session *after = turned(&before);
    xl_tween *tw = xl_tween_create(before, after);
    ck_assert_ptr_nonnull(tw);
    double prev_th[3], prev_p[3], th[3], p[3], first_th[3], last_th[3];
    numbers(xl_tween_at(tw, 0.0), first_th, prev_p);
    numbers(xl_tween_at(tw, 1.0), last_th, p);
    memcpy(prev_th, first_th, sizeof prev_th);
    numbers(xl_tween_at(tw, 0.0), prev_th, prev_p);
    double moved_early = 0.0, moved_mid = 0.0;
    for (int i = 1; i <= 20; i++) {
        numbers(xl_tween_at(tw, i / 20.0), th, p);
        for (int k = 0; k < 3; k++) {
            const double dir = last_th[k] - first_th[k];
            ck_assert_msg((th[k] - prev_th[k]) * dir >= 0.0, "logit %d went back at t = %g", k, i / 20.0);
            ck_assert_msg(fabs(p[k] - prev_p[k]) < 0.2, "p %d jumped at t = %g", k, i / 20.0);
        }
        ck_assert_msg(p[0] >= prev_p[0] - 1e-15, "p1 went back at t = %g", i / 20.0); /* 1/3 up to 0.7 */
        ck_assert_msg(p[2] <= prev_p[2] + 1e-15, "p3 went back at t = %g", i / 20.0); /* 1/3 down to 0.1 */
        if (i == 1) moved_early = fabs(th[0] - prev_th[0]);
        if (i == 10) moved_mid = fabs(th[0] - prev_th[0]);
        memcpy(prev_th, th, sizeof th);
        memcpy(prev_p, p, sizeof p);
    }
    /* Eased: the first twentieth moves far less than one in the middle (smoothstep's
     * slope is 0 at the ends, 1.5 in the middle). */
    ck_assert_double_gt(moved_mid, 10.0 * moved_early);
    /* Half way in time is half way in value (smoothstep is symmetric). */
    numbers(xl_tween_at(tw, 0.5), th, p);
    ck_assert_double_eq_tol(th[0], 0.5 * (first_th[0] + last_th[0]), 1e-12);
    xl_tween_free(tw);
    xl_session_snapshot_free(before);
    xl_session_destroy(after);
}
END_TEST

START_TEST(the_same_states_give_the_same_bits)
{
    xl_session_snapshot *before = NULL;
    xl_session *after = turned(&before);
    xl_tween *a = xl_tween_create(before, after), *b = xl_tween_create(before, after);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    for (int i = 0; i <= 15; i++) {
        double tha[3], pa[3], thb[3], pb[3], ra[XL_READOUTS_MAX], rb[XL_READOUTS_MAX];
        const xl_session *sa = xl_tween_at(a, i / 15.0);
        numbers(sa, tha, pa);
        xl_session_readouts(sa, ra);
        const xl_session *sb = xl_tween_at(b, i / 15.0);
        numbers(sb, thb, pb);
        xl_session_readouts(sb, rb);
        ck_assert_mem_eq(tha, thb, sizeof tha);
        ck_assert_mem_eq(pa, pb, sizeof pa);
        ck_assert_mem_eq(ra, rb, (size_t)xl_session_scenario(sa)->readout_count * sizeof(double));
    }
    /* Asked again out of order, a time gives the same state (nothing accumulates). */
    double x[3], y[3], p[3];
    numbers(xl_tween_at(a, 0.3), x, p);
    numbers(xl_tween_at(a, 0.9), y, p);
    numbers(xl_tween_at(a, 0.3), y, p);
    ck_assert_mem_eq(x, y, sizeof x);
    xl_tween_free(a);
    xl_tween_free(b);
    xl_session_snapshot_free(before);
    xl_session_destroy(after);
}
END_TEST

START_TEST(no_tween_across_a_scene_change_or_for_nothing)
{
    xl_session *s = three_classes();
    xl_session_snapshot *before = xl_session_save(s);
    ck_assert_ptr_null(xl_tween_create(before, s)); /* nothing differs */
    const xl_scenario_def *was = xl_session_scenario(s);
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SCENARIO_NEXT)));
    ck_assert_ptr_ne(xl_session_scenario(s), was);
    ck_assert_ptr_null(xl_tween_create(before, s)); /* another scenario: the cross-fade alone */
    xl_session_snapshot_free(before);
    xl_session_destroy(s);

    /* Another shape: four classes after three. */
    xl_session *t = three_classes();
    before = xl_session_save(t);
    xl_command c = xl_scenario_command(xl_session_scenario(t), "param");
    ck_assert_int_ne(c.kind, XL_CMD_NONE);
    snprintf(c.name, sizeof c.name, "classes");
    c.x = 4;
    ck_assert_msg(xl_session_apply(t, c), "%s", xl_session_message(t));
    ck_assert_ptr_null(xl_tween_create(before, t));
    xl_session_snapshot_free(before);
    xl_session_destroy(t);
}
END_TEST

START_TEST(smoothstep)
{
    ck_assert_double_eq(xl_tween_ease(0.0), 0.0);
    ck_assert_double_eq(xl_tween_ease(-1.0), 0.0);
    ck_assert_double_eq(xl_tween_ease(NAN), 0.0);
    ck_assert_double_eq(xl_tween_ease(1.0), 1.0);
    ck_assert_double_eq(xl_tween_ease(2.0), 1.0);
    ck_assert_double_eq(xl_tween_ease(0.5), 0.5);
    ck_assert_double_eq_tol(xl_tween_ease(0.25), 0.15625, 1e-15);
    for (int i = 1; i <= 100; i++) ck_assert_double_gt(xl_tween_ease(i / 100.0), xl_tween_ease((i - 1) / 100.0));
}
END_TEST

START_TEST(the_pose_is_not_in_the_log)
{
    xl_session *s = three_classes();
    ck_assert(xl_session_log_ok(s, NULL, 0));
    const double z[3] = {1.0, 2.0, 3.0};
    ck_assert_int_eq(xl_session_pose(s, 0, z), 0);
    ck_assert_mem_eq(xl_sim_theta(xl_session_sim(s)), z, sizeof z);
    char why[160];
    ck_assert(!xl_session_log_ok(s, why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "posed"));
    const double bad[3] = {1.0, NAN, 3.0};
    ck_assert_int_eq(xl_session_pose(s, 0, bad), -1);
    ck_assert_int_eq(xl_session_pose(s, 1, z), -1); /* no second run */
    ck_assert_mem_eq(xl_sim_theta(xl_session_sim(s)), z, sizeof z);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("tween");
    TCase *tc = tcase_create("tween");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_ends_are_the_two_states);
    tcase_add_test(tc, every_number_travels_one_way_eased);
    tcase_add_test(tc, the_same_states_give_the_same_bits);
    tcase_add_test(tc, no_tween_across_a_scene_change_or_for_nothing);
    tcase_add_test(tc, smoothstep);
    tcase_add_test(tc, the_pose_is_not_in_the_log);
    suite_add_tcase(su, tc);
    return su;
}

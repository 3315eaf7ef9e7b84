/* test_rewind: the timeline (issue 8). Rewinding to a step restores that step's exact
 * state, so playing on from it repeats the run bit for bit; edits inside the run are
 * replayed where they happened; stepping or editing from the past forks the run; a run of
 * a million steps keeps a bounded number of checkpoints and still rewinds exactly; the
 * coins' random flips come back the same; re-simulation is silent (no trace lines) and
 * what the learner looks at (the unit) stays. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_scn_micro.h"
#include "xl_session.h"
#include "softmax_fixture.h"

#include "scenario_fixture.h"

typedef struct recorder {
    long steps[4096];
    double loss[4096];
    int n;
} recorder;

static void record(const xl_sample *smp, void *user)
{
    recorder *r = user;
    if (r->n < 4096) {
        r->steps[r->n] = smp->step;
        r->loss[r->n] = smp->loss;
        r->n++;
    }
}

static void theta_copy(const xl_session *s, double *out)
{
    const xl_sim *sim = xl_session_sim(s);
    memcpy(out, xl_sim_theta(sim), (size_t)xl_sim_param_count(sim) * sizeof(double));
}

START_TEST(rewind_then_replay_is_bit_identical)
{
    xl_session *s = default_session_at(0);
    static recorder first, again;
    memset(&first, 0, sizeof first);
    memset(&again, 0, sizeof again);
    xl_session_set_observer(s, record, &first);
    xl_session_run(s, 100);
    ck_assert_int_eq(first.n, 100);
    xl_session_set_observer(s, record, &again);
    ck_assert(scenario_apply(s, "rewind 37"));
    ck_assert_int_eq(again.n, 0); /* re-simulation is silent */
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 37);
    ck_assert(xl_sim_current(xl_session_sim(s)).loss == first.loss[36]);
    xl_session_run(s, 63);
    ck_assert_int_eq(again.n, 63);
    for (int i = 0; i < 63; i++) {
        ck_assert_int_eq(again.steps[i], first.steps[37 + i]);
        ck_assert_msg(again.loss[i] == first.loss[37 + i], "step %ld differs", again.steps[i]);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(edits_are_replayed_where_they_happened)
{
    xl_session *s = default_session_at(0);
    const xl_classifier *c = fixture_classifier(s);
    double p0[XL_MAX_CLASSES], theta45[XL_MAX_PARAMS], theta_now[XL_MAX_PARAMS];
    memcpy(p0, c->p, sizeof p0);
    xl_session_run(s, 20);
    ck_assert(scenario_apply(s, "set-p 0.1,0.2,0.3,0.2,0.2"));
    xl_session_run(s, 30);
    ck_assert(scenario_apply(s, "rewind 45"));
    theta_copy(s, theta45);
    ck_assert(scenario_apply(s, "rewind 10"));
    c = fixture_classifier(s);
    ck_assert(memcmp(c->p, p0, sizeof p0) == 0); /* before the edit */
    ck_assert(scenario_apply(s, "rewind 25"));
    c = fixture_classifier(s);
    ck_assert_double_eq_tol(c->p[0], 0.1, 1e-15); /* after it */
    ck_assert(scenario_apply(s, "rewind 45")); /* forward again, up to the head */
    theta_copy(s, theta_now);
    ck_assert(memcmp(theta45, theta_now, (size_t)c->n * sizeof(double)) == 0);
    long first, head;
    ck_assert_int_eq(xl_session_timeline(s, &first, &head), 45);
    ck_assert_int_eq(first, 0);
    ck_assert_int_eq(head, 50);
    ck_assert(!scenario_apply(s, "rewind 51"));
    /* A step from the past forks: the old future is gone. */
    ck_assert(scenario_apply(s, "rewind 30"));
    ck_assert(scenario_apply(s, "step"));
    xl_session_timeline(s, NULL, &head);
    ck_assert_int_eq(head, 31);
    ck_assert(!scenario_apply(s, "rewind 40"));
    /* So does an edit. */
    ck_assert(scenario_apply(s, "rewind 5"));
    ck_assert(scenario_apply(s, "onehot"));
    xl_session_timeline(s, NULL, &head);
    ck_assert_int_eq(head, 5);
    /* back: one step back. */
    xl_session_run(s, 3);
    ck_assert(scenario_apply(s, "back"));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 7);
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_million_steps_in_bounded_memory)
{
    xl_session *s = default_session_at(0), *fresh = default_session_at(0);
    xl_session_run(s, 1000000);
    long first, head;
    xl_session_timeline(s, &first, &head);
    ck_assert_int_eq(first, 0);
    ck_assert_int_eq(head, 1000000);
    ck_assert(scenario_apply(s, "rewind 123457"));
    xl_session_run(fresh, 123457);
    double a[XL_MAX_PARAMS], b[XL_MAX_PARAMS];
    theta_copy(s, a);
    theta_copy(fresh, b);
    ck_assert(memcmp(a, b, 5 * sizeof(double)) == 0);
    xl_session_destroy(s);
    xl_session_destroy(fresh);
}
END_TEST

START_TEST(the_coins_flip_the_same_again_and_the_unit_stays)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 3);
    xl_session_desc_set_scenario(&d, &xl_scenario_micro);
    d.params[xl_scenario_param_index(&xl_scenario_micro, "n")] = 1000;
    xl_session *s = xl_session_create(&d);
    xl_session_run(s, 500);
    static uint8_t bits500[125];
    memcpy(bits500, ((const xl_micro_state *)xl_session_state(s))->bits, sizeof bits500);
    ck_assert(scenario_apply(s, "rewind 200"));
    ck_assert(scenario_apply(s, "unit"));
    xl_session_run(s, 300);
    ck_assert(memcmp(bits500, ((const xl_micro_state *)xl_session_state(s))->bits, sizeof bits500) == 0);
    ck_assert(scenario_apply(s, "rewind 100"));
    ck_assert_int_eq(xl_session_unit(s), XL_BITS);
    ck_assert(!xl_session_playing(s));
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("rewind");
    TCase *tc = tcase_create("rewind");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rewind_then_replay_is_bit_identical);
    tcase_add_test(tc, edits_are_replayed_where_they_happened);
    tcase_add_test(tc, a_million_steps_in_bounded_memory);
    tcase_add_test(tc, the_coins_flip_the_same_again_and_the_unit_stays);
    suite_add_tcase(s, tc);
    return s;
}

/* test_undo: undo and redo of a learner's edits (issue 8). Undo brings back the session
 * exactly as it was before the edit (P bit for bit, the run, the scenario); redo goes
 * forward until a new edit; a drag's stream of set-p or move-to is one edit; the stack
 * keeps the newest XL_UNDO_MAX; time, selection and the view are not edits. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_scn_micro.h"
#include "xl_session.h"
#include "softmax_fixture.h"

#include "scenario_fixture.h"

START_TEST(undo_restores_p_exactly_and_redo_goes_forward)
{
    xl_session *s = default_session_at(0);
    const xl_classifier *c = fixture_classifier(s);
    double p0[XL_MAX_CLASSES], p1[XL_MAX_CLASSES];
    memcpy(p0, c->p, sizeof p0);
    xl_session_run(s, 7);
    const double loss_before = xl_sim_current(xl_session_sim(s)).loss;
    ck_assert(scenario_apply(s, "set-p 0.1,0.2,0.3,0.15,0.25"));
    memcpy(p1, c->p, sizeof p1);
    ck_assert(memcmp(p0, p1, sizeof p0) != 0);
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), 1);
    ck_assert(scenario_apply(s, "undo"));
    c = fixture_classifier(s);
    ck_assert(memcmp(c->p, p0, sizeof p0) == 0); /* bit for bit */
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 7);
    ck_assert(xl_sim_current(xl_session_sim(s)).loss == loss_before);
    int redo = 0;
    ck_assert_int_eq(xl_session_undo_depth(s, &redo), 0);
    ck_assert_int_eq(redo, 1);
    ck_assert(!scenario_apply(s, "undo"));
    ck_assert_str_eq(xl_session_message(s), "nothing to undo");
    ck_assert(scenario_apply(s, "redo"));
    c = fixture_classifier(s);
    ck_assert(memcmp(c->p, p1, sizeof p1) == 0);
    /* A new edit after an undo clears what could be redone. */
    ck_assert(scenario_apply(s, "undo"));
    ck_assert(scenario_apply(s, "onehot"));
    ck_assert(!scenario_apply(s, "redo"));
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_drag_is_one_edit_and_time_is_not_an_edit)
{
    xl_session *s = default_session_at(0);
    const xl_classifier *c = fixture_classifier(s);
    double p0[XL_MAX_CLASSES];
    memcpy(p0, c->p, sizeof p0);
    for (int i = 0; i < 30; i++) {
        char text[96];
        snprintf(text, sizeof text, "set-p %g,0.2,0.2,0.2,0.2", 0.01 * (i + 1));
        ck_assert(scenario_apply(s, text));
    }
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), 1);
    ck_assert(scenario_apply(s, "step"));
    ck_assert(scenario_apply(s, "select 2"));
    ck_assert(scenario_apply(s, "unit"));
    ck_assert(scenario_apply(s, "toggle-play"));
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), 1);
    ck_assert(scenario_apply(s, "undo"));
    c = fixture_classifier(s);
    ck_assert(memcmp(c->p, p0, sizeof p0) == 0);
    /* move-to in a row: one edit too. */
    ck_assert(scenario_apply(s, "move-to 1,1"));
    ck_assert(scenario_apply(s, "move-to 2,1"));
    ck_assert(scenario_apply(s, "move-to 3,1"));
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), 1);
    xl_session_destroy(s);
}
END_TEST

START_TEST(scenario_switches_and_resets_come_back)
{
    xl_session *s = default_session_at(0);
    xl_session_run(s, 12);
    ck_assert(scenario_apply(s, "scenario microstates"));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_micro);
    xl_session_run(s, 40);
    ck_assert(scenario_apply(s, "reset"));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0);
    ck_assert(scenario_apply(s, "undo")); /* the reset */
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 40);
    ck_assert(scenario_apply(s, "undo")); /* the switch */
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_softmax);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 12);
    ck_assert(scenario_apply(s, "redo"));
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_micro);
    xl_session_destroy(s);
}
END_TEST

START_TEST(the_stack_keeps_the_newest_edits)
{
    xl_session *s = default_session_at(0);
    for (int i = 0; i < XL_UNDO_MAX + 10; i++)
        ck_assert(scenario_apply(s, i % 2 ? "p-up" : "lr-up"));
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), XL_UNDO_MAX);
    for (int i = 0; i < XL_UNDO_MAX; i++) ck_assert(scenario_apply(s, "undo"));
    ck_assert(!scenario_apply(s, "undo"));
    int redo;
    xl_session_undo_depth(s, &redo);
    ck_assert_int_eq(redo, XL_UNDO_MAX);
    /* A refused edit leaves nothing to undo. */
    xl_session *t = default_session_at(0);
    ck_assert(!scenario_apply(t, "set-p 1,2"));
    ck_assert_int_eq(xl_session_undo_depth(t, NULL), 0);
    xl_session_destroy(t);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("undo");
    TCase *tc = tcase_create("undo");
    tcase_add_test(tc, undo_restores_p_exactly_and_redo_goes_forward);
    tcase_add_test(tc, a_drag_is_one_edit_and_time_is_not_an_edit);
    tcase_add_test(tc, scenario_switches_and_resets_come_back);
    tcase_add_test(tc, the_stack_keeps_the_newest_edits);
    suite_add_tcase(s, tc);
    return s;
}

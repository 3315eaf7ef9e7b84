/* Tests for xl_session and xl_command: the default scene, every command's documented
 * effect, frame-rate independent time stepping, the landscape range, and the script
 * names of commands. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "xl_command.h"
#include "xl_info.h"
#include "xl_session.h"
#include "softmax_fixture.h"
#include "scenario_fixture.h"

static const double TOL_EXACT = 1e-12;

static xl_command cmd(xl_command_kind k)
{
    return xl_command_make(k);
}

START_TEST(test_default_desc)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 42);
    /* The registry's first scenario with its defaults, and no setup. */
    ck_assert_ptr_eq(d.scenario, xl_scenario_at(0));
    ck_assert_ptr_eq(d.scenario, &xl_scenario_softmax);
    ck_assert_int_eq(d.setup_count, 0);
    ck_assert_double_eq(d.params[0], 5);
    ck_assert_double_eq(d.lr, 0.5);
    ck_assert_int_eq(d.steps_per_second, 30);
    ck_assert_int_eq(d.grid, 256);
    /* The scene it starts: the five birds with the soft P, logits from the seed. */
    static const char *const birds[5] = { "robin", "sparrow", "finch", "wren", "blackbird" };
    static const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    xl_session *s = fixture_create(&d);
    const xl_softmax_state *st = fixture_softmax(s);
    ck_assert_int_eq(st->c.n, 5);
    for (int i = 0; i < 5; i++) {
        ck_assert_str_eq(st->c.names[i], birds[i]);
        ck_assert_double_eq(st->c.p[i], p[i]);
        ck_assert_msg(st->z0[i] >= -3.0 && st->z0[i] < 3.0, "z0[%d] = %g", i, st->z0[i]);
    }
    for (int i = 5; i < XL_MAX_CLASSES; i++)
        ck_assert_double_eq(st->z0[i], 0.0);
    /* H(P) of the default truth, by hand. */
    double h = -(0.40 * log(0.40) + 0.25 * log(0.25) + 0.15 * log(0.15) + 0.12 * log(0.12) +
                 0.08 * log(0.08));
    ck_assert_double_eq_tol(h, 1.454148, 1e-6);
    ck_assert_double_eq_tol(xl_entropy(st->c.p, 5, XL_NATS), h, TOL_EXACT);

    /* Logits follow the seed. */
    xl_session_desc d2 = d, d3 = d;
    d3.seed = 43;
    xl_session *s2 = fixture_create(&d2), *s3 = fixture_create(&d3);
    ck_assert_int_eq(memcmp(st->z0, fixture_softmax(s2)->z0, sizeof st->z0), 0);
    ck_assert_int_ne(memcmp(st->z0, fixture_softmax(s3)->z0, sizeof st->z0), 0);
    xl_session_destroy(s3);
    xl_session_destroy(s2);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_set_classes)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    char err[256] = "";
    fixture_set_classes(&d, 1, 1);
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_str_eq(err, "classes must be a whole number from 2 to 32");
    fixture_set_classes(&d, XL_MAX_CLASSES + 1, 1);
    ck_assert_ptr_null(xl_session_create(&d));
    fixture_set_classes(&d, 14, 9);
    xl_session *s = fixture_create(&d);
    const xl_classifier *c = fixture_classifier(s);
    ck_assert_int_eq(c->n, 14);
    ck_assert_str_eq(c->names[0], "robin");
    ck_assert_str_eq(c->names[5], "thrush");
    ck_assert_str_eq(c->names[11], "nightingale");
    ck_assert_str_eq(c->names[12], "class 13");
    ck_assert_str_eq(c->names[13], "class 14");
    for (int i = 0; i < 14; i++)
        ck_assert_double_eq_tol(c->p[i], 1.0 / 14, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

/* The desc's setup commands shape the start: applied in order, the state they leave is
 * the start (p-restore comes back to it, the runs begin at its logits), and a refused
 * one fails the creation, naming the command and the scenario's reason. */
START_TEST(test_setup_commands)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    fixture_set_classes(&d, 3, 1);
    const double w[3] = { 2, 1, 1 }, z[3] = { 1, -2, 0.5 };
    fixture_setup_list(&d, "set-p", w, 3);
    fixture_setup_list(&d, "set-logits", z, 3);
    xl_command names = xl_scenario_command(NULL, "names");
    snprintf(names.name, sizeof names.name, "cat,dog,bird");
    ck_assert_int_eq(xl_session_desc_add_setup(&d, names), 0);
    xl_session *s = fixture_create(&d);
    const xl_classifier *c = fixture_classifier(s);
    ck_assert_double_eq(c->p[0], 0.5);
    ck_assert_double_eq(c->p[1], 0.25);
    ck_assert_str_eq(c->names[2], "bird");
    ck_assert_mem_eq(xl_sim_theta0(xl_session_sim(s)), z, sizeof z);
    ck_assert_int_eq(xl_session_undo_depth(s, NULL), 0); /* setup is not an edit */
    xl_session_apply(s, xl_scenario_command(NULL, "uniform"));
    ck_assert_int_eq(xl_session_apply(s, xl_scenario_command(NULL, "p-restore")), 1);
    ck_assert_double_eq(c->p[0], 0.5);
    xl_session_destroy(s);

    /* Refused: the index of the command, and why. */
    xl_session_desc bad;
    xl_session_desc_default(&bad, 1);
    const double two[2] = { 1, 1 };
    ck_assert_int_eq(xl_session_desc_add_setup(&bad, xl_scenario_command(NULL, "uniform")), 0);
    fixture_setup_list(&bad, "set-p", two, 2);
    char err[256] = "";
    int which = -2;
    ck_assert_ptr_null(xl_session_create_report(&bad, err, sizeof err, &which));
    ck_assert_int_eq(which, 1);
    ck_assert_str_eq(err, "set-p 1,1: set-p needs 5 weights, one per class, not 2");
    /* A command of another scenario: refused by name. */
    xl_session_desc other;
    xl_session_desc_default(&other, 1);
    ck_assert_int_eq(xl_session_desc_add_setup(&other, xl_scenario_command(NULL, "flip")), 0);
    ck_assert_ptr_null(xl_session_create_report(&other, err, sizeof err, &which));
    ck_assert_int_eq(which, 0);
    ck_assert_str_eq(err, "flip: flip does not apply to the softmax classifier: it is a verb of logistic");
    /* Full. */
    for (int i = 0; i < XL_SETUP_MAX; i++)
        ck_assert_int_eq(xl_session_desc_add_setup(&other, xl_scenario_command(NULL, "uniform")), i + 1 < XL_SETUP_MAX ? 0 : -1);
}
END_TEST

START_TEST(test_create_validates)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    xl_session_desc bad;
    const double huge[5] = { 0, 0, 1e301, 0, 0 }, negative[5] = { -0.1, 0.5, 0.2, 0.2, 0.2 };
    bad = d; fixture_setup_list(&bad, "set-p", negative, 5);
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.lr = 0.0;
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.lr = INFINITY;
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.steps_per_second = 0;
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.grid = 1;
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.grid = XL_LANDSCAPE_MAX_G + 1;
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; fixture_setup_list(&bad, "set-logits", huge, 5);
    ck_assert_ptr_null(xl_session_create(&bad));
    bad = d; bad.params[0] = 2.5; /* classes: a whole number */
    ck_assert_ptr_null(xl_session_create(&bad));
}
END_TEST

START_TEST(test_initial_state)
{
    xl_session *s = default_session_at(1);
    ck_assert_int_eq(xl_session_playing(s), 0);
    ck_assert_int_eq(xl_session_selected(s), 0);
    ck_assert_int_eq(xl_session_unit(s), XL_NATS);
    ck_assert_int_eq(xl_session_steps_per_second(s), 30);
    int a, b;
    xl_session_slice(s, &a, &b);
    ck_assert_int_eq(a, 0);
    ck_assert_int_eq(b, 1);
    const xl_sim *sim = xl_session_sim(s);
    ck_assert_int_eq(xl_sim_steps(sim), 0);
    ck_assert_double_eq(xl_sim_lr(sim), 0.5);
    double q[5];
    xl_session_q(s, q);
    double sum = 0.0;
    for (int i = 0; i < 5; i++)
        sum += q[i];
    ck_assert_double_eq_tol(sum, 1.0, TOL_EXACT);
    ck_assert_double_eq_tol(xl_sim_current(sim).gap,
                            xl_kl(fixture_classifier(s)->p, q, 5, XL_NATS), TOL_EXACT);
    ck_assert_double_ge(xl_session_time_to_next_step(s), 1e6);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_play_pause)
{
    xl_session *s = default_session_at(1);
    ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_TOGGLE_PLAY)), 1);
    ck_assert_int_eq(xl_session_playing(s), 1);
    xl_session_apply(s, cmd(XL_CMD_TOGGLE_PLAY));
    ck_assert_int_eq(xl_session_playing(s), 0);
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_playing(s), 1);
    xl_session_apply(s, cmd(XL_CMD_PAUSE));
    ck_assert_int_eq(xl_session_playing(s), 0);
    /* STEP pauses and takes exactly one step. */
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_STEP)), 1);
    ck_assert_int_eq(xl_session_playing(s), 0);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 1);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_reset_keeps_play)
{
    xl_session *s = default_session_at(1);
    const double *z0 = xl_sim_theta0(xl_session_sim(s));
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    xl_session_advance(s, 0.5);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 15);
    xl_session_apply(s, xl_scenario_command(NULL, "onehot"));
    ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_RESET)), 1);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0);
    ck_assert_int_eq(memcmp(xl_sim_theta(xl_session_sim(s)), z0, 5 * sizeof(double)), 0);
    ck_assert_int_eq(xl_session_playing(s), 1);
    /* P is kept. */
    ck_assert_double_eq(fixture_classifier(s)->p[0], 1.0);
    ck_assert_double_eq_tol(xl_sim_current(xl_session_sim(s)).floor, 0.0, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_lr_ladder)
{
    static const double ladder[] = { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2,
                                     0.5,   1,     2,     5,    10,   20,   50,  100 };
    xl_session *s = default_session_at(1);
    const xl_sim *sim = xl_session_sim(s);
    for (int i = 9; i < 16; i++) {
        ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_LR_UP)), 1);
        ck_assert_double_eq(xl_sim_lr(sim), ladder[i]);
    }
    /* The ladder reaches --lr's maximum, 100, and stays there. */
    xl_session_apply(s, cmd(XL_CMD_LR_UP));
    ck_assert_double_eq(xl_sim_lr(sim), 100.0);
    for (int i = 14; i >= 0; i--) {
        xl_session_apply(s, cmd(XL_CMD_LR_DOWN));
        ck_assert_double_eq(xl_sim_lr(sim), ladder[i]);
    }
    xl_session_apply(s, cmd(XL_CMD_LR_DOWN));
    ck_assert_double_eq(xl_sim_lr(sim), 0.001);
    xl_session_destroy(s);

    /* Off the ladder: 0.3 goes up to 0.5 and down to 0.2. */
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    d.lr = 0.3;
    s = xl_session_create(&d);
    xl_session_apply(s, cmd(XL_CMD_LR_UP));
    ck_assert_double_eq(xl_sim_lr(xl_session_sim(s)), 0.5);
    xl_session_destroy(s);
    s = xl_session_create(&d);
    xl_session_apply(s, cmd(XL_CMD_LR_DOWN));
    ck_assert_double_eq(xl_sim_lr(xl_session_sim(s)), 0.2);
    /* The new rate is what the next step records. */
    xl_session_run(s, 1);
    ck_assert_double_eq(xl_sim_current(xl_session_sim(s)).lr, 0.2);
    xl_session_destroy(s);

    /* Below the ladder (a denormal rate from --lr 1e-320, or 0.0003): down keeps the
     * rate, up joins the ladder at its foot; above it, down joins at the top. */
    const struct { double from, up, down; } off[] = {
        { 1e-320, 0.001, 1e-320 }, { 0.0003, 0.001, 0.0003 }, { 75.0, 100.0, 50.0 }, { 100.0, 100.0, 50.0 },
    };
    for (size_t k = 0; k < sizeof off / sizeof off[0]; k++) {
        d.lr = off[k].from;
        s = xl_session_create(&d);
        ck_assert_ptr_nonnull(s);
        xl_session_apply(s, cmd(XL_CMD_LR_UP));
        ck_assert_msg(xl_sim_lr(xl_session_sim(s)) == off[k].up, "lr-up from %g: %g", off[k].from,
                      xl_sim_lr(xl_session_sim(s)));
        xl_session_destroy(s);
        s = xl_session_create(&d);
        xl_session_apply(s, cmd(XL_CMD_LR_DOWN));
        ck_assert_msg(xl_sim_lr(xl_session_sim(s)) == off[k].down, "lr-down from %g: %g", off[k].from,
                      xl_sim_lr(xl_session_sim(s)));
        /* A denormal rate is valid, if useless: steps stay finite. */
        xl_session_run(s, 5);
        ck_assert_int_eq(xl_sim_status_get(xl_session_sim(s)), XL_SIM_OK);
        ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 5);
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(test_speed_ladder)
{
    static const int ladder[] = { 1, 2, 5, 10, 15, 30, 60, 120, 240 };
    xl_session *s = default_session_at(1);
    for (int i = 6; i < 9; i++) {
        ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_SPEED_UP)), 1);
        ck_assert_int_eq(xl_session_steps_per_second(s), ladder[i]);
    }
    xl_session_apply(s, cmd(XL_CMD_SPEED_UP));
    ck_assert_int_eq(xl_session_steps_per_second(s), 240);
    for (int i = 7; i >= 0; i--) {
        xl_session_apply(s, cmd(XL_CMD_SPEED_DOWN));
        ck_assert_int_eq(xl_session_steps_per_second(s), ladder[i]);
    }
    xl_session_apply(s, cmd(XL_CMD_SPEED_DOWN));
    ck_assert_int_eq(xl_session_steps_per_second(s), 1);
    xl_session_destroy(s);

    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    d.steps_per_second = 7;
    s = xl_session_create(&d);
    xl_session_apply(s, cmd(XL_CMD_SPEED_UP));
    ck_assert_int_eq(xl_session_steps_per_second(s), 10);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_slice_cycle)
{
    static const int pairs[6][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 2 }, { 1, 3 }, { 2, 3 } };
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    fixture_set_classes(&d, 4, 3);
    xl_session *s = xl_session_create(&d);
    int a, b;
    for (int k = 1; k <= 12; k++) {
        ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_SLICE_NEXT)), 1);
        xl_session_slice(s, &a, &b);
        ck_assert_msg(a == pairs[k % 6][0] && b == pairs[k % 6][1], "next #%d: (%d,%d)", k, a, b);
    }
    for (int k = 1; k <= 7; k++) {
        xl_session_apply(s, cmd(XL_CMD_SLICE_PREV));
        xl_session_slice(s, &a, &b);
        int e = ((-k) % 6 + 6) % 6;
        ck_assert_msg(a == pairs[e][0] && b == pairs[e][1], "prev #%d: (%d,%d)", k, a, b);
    }
    const xl_landscape *ls = xl_session_landscape(s);
    ck_assert_int_eq(xl_landscape_axis_a(ls), a);
    ck_assert_int_eq(xl_landscape_axis_b(ls), b);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_select_and_p_edits)
{
    xl_session *s = default_session_at(1);
    xl_command sel = xl_command_int(XL_CMD_SELECT, 1);
    ck_assert_int_eq(xl_session_apply(s, sel), 1);
    ck_assert_int_eq(xl_session_selected(s), 1);
    /* A class the scene does not have is refused, with the reason, and nothing moves. */
    sel.n = 5;
    ck_assert_int_eq(xl_session_apply(s, sel), 0);
    ck_assert_int_eq(xl_session_selected(s), 1);
    ck_assert_msg(strstr(xl_session_message(s), "from 1 to 5") != NULL, "message: %s", xl_session_message(s));
    sel.n = -1;
    ck_assert_int_eq(xl_session_apply(s, sel), 0);
    ck_assert_int_eq(xl_session_selected(s), 1);

    xl_session_run(s, 4);
    ck_assert_int_eq(xl_session_apply(s, xl_scenario_command(NULL, "p-up")), 1);
    const xl_classifier *c = fixture_classifier(s);
    ck_assert_double_eq_tol(c->p[1], 0.30, TOL_EXACT);
    const double others[5] = { 0.40, 0, 0.15, 0.12, 0.08 };
    double sum = 0.0;
    for (int i = 0; i < 5; i++) {
        if (i != 1)
            ck_assert_double_eq_tol(c->p[i], others[i] * 0.70 / 0.75, TOL_EXACT);
        sum += c->p[i];
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-15);
    /* The sim sees the new truth at once, without a step. */
    const xl_sim *sim = xl_session_sim(s);
    ck_assert_int_eq(xl_sim_steps(sim), 4);
    ck_assert_double_eq_tol(xl_sim_current(sim).floor, xl_entropy(c->p, 5, XL_NATS), TOL_EXACT);

    xl_session_apply(s, xl_scenario_command(NULL, "p-down"));
    xl_session_apply(s, xl_scenario_command(NULL, "p-down"));
    ck_assert_double_eq_tol(c->p[1], 0.20, TOL_EXACT);
    xl_session_apply(s, xl_scenario_command(NULL, "onehot"));
    ck_assert_double_eq(c->p[1], 1.0);
    ck_assert_double_eq(c->p[0], 0.0);
    ck_assert_double_eq_tol(xl_sim_current(sim).floor, 0.0, TOL_EXACT);
    xl_session_apply(s, xl_scenario_command(NULL, "uniform"));
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq_tol(c->p[i], 0.2, TOL_EXACT);
    ck_assert_double_eq_tol(xl_sim_current(sim).floor, log(5.0), TOL_EXACT);
    ck_assert_int_eq(xl_sim_steps(sim), 4);
    xl_session_destroy(s);
}
END_TEST

/* Issue 5, item 8: classes 10 and up had no key. select-next / select-prev step
 * through every class and wrap around. */
START_TEST(test_select_next_prev)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    fixture_set_classes(&d, 12, 1);
    xl_session *s = xl_session_create(&d);
    ck_assert_int_eq(xl_session_selected(s), 0);
    for (int k = 1; k <= 11; k++) {
        ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_SELECT_NEXT)), 1);
        ck_assert_int_eq(xl_session_selected(s), k);
    }
    xl_session_apply(s, cmd(XL_CMD_SELECT_NEXT));
    ck_assert_int_eq(xl_session_selected(s), 0); /* wraps from the last to the first */
    xl_session_apply(s, cmd(XL_CMD_SELECT_PREV));
    ck_assert_int_eq(xl_session_selected(s), 11); /* and back */
    xl_session_apply(s, cmd(XL_CMD_SELECT_PREV));
    ck_assert_int_eq(xl_session_selected(s), 10);
    /* The selection is what the P edits act on: class 11 (index 10) gets the one-hot. */
    xl_session_apply(s, xl_scenario_command(NULL, "onehot"));
    ck_assert_double_eq(fixture_classifier(s)->p[10], 1.0);
    /* "select 12" from a script reaches the same class as the keys. */
    xl_command c;
    ck_assert_int_eq(xl_scenario_parse_command("select 12", &c, NULL, 0), 0);
    xl_session_apply(s, c);
    ck_assert_int_eq(xl_session_selected(s), 11);
    xl_session_destroy(s);

    /* 32 classes: every one reachable, select 32 included. */
    fixture_set_classes(&d, 32, 1);
    s = xl_session_create(&d);
    xl_session_apply(s, cmd(XL_CMD_SELECT_PREV));
    ck_assert_int_eq(xl_session_selected(s), 31);
    ck_assert_int_eq(xl_scenario_parse_command("select 32", &c, NULL, 0), 0);
    xl_session_apply(s, cmd(XL_CMD_SELECT_NEXT));
    xl_session_apply(s, c);
    ck_assert_int_eq(xl_session_selected(s), 31);
    xl_session_destroy(s);
}
END_TEST

/* Issue 5, item 14: after editing P, p-restore brings back the scene's starting P
 * (reset keeps P on purpose, so this is the only way back without a restart). */
START_TEST(test_p_restore)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    static const double p0[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    xl_session *s = default_session_at(1);
    const xl_classifier *c = fixture_classifier(s);
    xl_session_run(s, 7);
    xl_command sel = xl_command_int(XL_CMD_SELECT, 2);
    xl_session_apply(s, sel);
    xl_session_apply(s, xl_scenario_command(NULL, "p-up"));
    xl_session_apply(s, xl_scenario_command(NULL, "onehot"));
    xl_session_apply(s, cmd(XL_CMD_RESET));
    ck_assert_double_eq(c->p[2], 1.0); /* reset keeps the edited P */
    xl_session_run(s, 3);
    ck_assert_int_eq(xl_session_apply(s, xl_scenario_command(NULL, "p-restore")), 1);
    for (int i = 0; i < 5; i++)
        ck_assert_msg(fabs(c->p[i] - p0[i]) <= 1e-15, "p[%d] = %.17g, expected %.17g", i, c->p[i], p0[i]);
    /* The sim sees the restored truth at once; the logits and step are untouched. */
    const xl_sim *sim = xl_session_sim(s);
    ck_assert_int_eq(xl_sim_steps(sim), 3);
    ck_assert_double_eq_tol(xl_sim_current(sim).floor, xl_entropy(p0, 5, XL_NATS), TOL_EXACT);
    ck_assert_int_eq(xl_session_selected(s), 2);
    /* A set-up P that was not normalized comes back as the session normalized it. */
    xl_session_desc d2 = d;
    const double w[5] = { 0.4 + 1e-12, 0.25, 0.15, 0.12, 0.08 };
    fixture_setup_list(&d2, "set-p", w, 5);
    xl_session *s2 = fixture_create(&d2);
    double start[5];
    memcpy(start, fixture_classifier(s2)->p, sizeof start);
    xl_session_apply(s2, xl_scenario_command(NULL, "uniform"));
    xl_session_apply(s2, xl_scenario_command(NULL, "p-restore"));
    ck_assert_mem_eq(start, fixture_classifier(s2)->p, sizeof start);
    xl_session_destroy(s2);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_unit_command)
{
    xl_session *s = default_session_at(1);
    ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_UNIT_TOGGLE)), 1);
    ck_assert_int_eq(xl_session_unit(s), XL_BITS);
    xl_session_apply(s, cmd(XL_CMD_UNIT_TOGGLE));
    ck_assert_int_eq(xl_session_unit(s), XL_NATS);
    ck_assert_int_eq(xl_session_apply(s, cmd(XL_CMD_NONE)), 0);
    xl_session_destroy(s);
}
END_TEST

struct observed {
    int calls;
    long last_step;
    int in_order;
};

static void observe(const xl_sample *sample, void *user)
{
    struct observed *o = user;
    if (sample->step != o->last_step + 1)
        o->in_order = 0;
    o->last_step = sample->step;
    o->calls++;
}

START_TEST(test_advance)
{
    xl_session *s = default_session_at(1);
    struct observed o = { 0, 0, 1 };
    xl_session_set_observer(s, observe, &o);
    /* Paused: time passes, nothing happens. */
    ck_assert_int_eq(xl_session_advance(s, 1.0), 0);
    ck_assert_int_eq(o.calls, 0);
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_advance(s, 1.0), 30);
    ck_assert_int_eq(o.calls, 30);
    ck_assert_int_eq(o.in_order, 1);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 30);
    /* At most one second's worth per call. */
    ck_assert_int_eq(xl_session_advance(s, 10.0), 30);
    /* Fractions carry over. */
    ck_assert_int_eq(xl_session_advance(s, 0.05), 1);  /* 1.5 due */
    ck_assert_double_eq_tol(xl_session_time_to_next_step(s), 0.5 / 30, 1e-9);
    ck_assert_int_eq(xl_session_advance(s, 0.05), 2);  /* 0.5 + 1.5 */
    ck_assert_double_eq_tol(xl_session_time_to_next_step(s), 1.0 / 30, 1e-9);
    /* Pausing drops the carried fraction. */
    xl_session_advance(s, 0.02);
    xl_session_apply(s, cmd(XL_CMD_PAUSE));
    ck_assert_int_eq(xl_session_advance(s, 0.02), 0);
    xl_session_apply(s, cmd(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_advance(s, 0.02), 0); /* 0.6 due */
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_frame_rate_independence)
{
    xl_session *one = default_session_at(1);
    xl_session *many = default_session_at(1);
    xl_session_apply(one, cmd(XL_CMD_PLAY));
    xl_session_apply(many, cmd(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_advance(one, 1.0), 30);
    int total = 0;
    for (int f = 0; f < 60; f++)
        total += xl_session_advance(many, 1.0 / 60.0);
    ck_assert_int_eq(total, 30);
    const double *a = xl_sim_theta(xl_session_sim(one));
    const double *b = xl_sim_theta(xl_session_sim(many));
    ck_assert_int_eq(memcmp(a, b, 5 * sizeof(double)), 0);
    /* 144 Hz for one second. */
    xl_session *hz = default_session_at(1);
    xl_session_apply(hz, cmd(XL_CMD_PLAY));
    total = 0;
    for (int f = 0; f < 144; f++)
        total += xl_session_advance(hz, 1.0 / 144.0);
    ck_assert_int_eq(total, 30);
    xl_session_destroy(one);
    xl_session_destroy(many);
    xl_session_destroy(hz);
}
END_TEST

START_TEST(test_run)
{
    xl_session *s = default_session_at(1);
    struct observed o = { 0, 0, 1 };
    xl_session_set_observer(s, observe, &o);
    xl_session_run(s, 250);
    ck_assert_int_eq(o.calls, 250);
    ck_assert_int_eq(o.in_order, 1);
    ck_assert_int_eq(xl_session_playing(s), 0);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 250);
    /* Two sessions from the same desc and commands agree to the bit. */
    xl_session *t = default_session_at(1);
    xl_session_run(t, 250);
    ck_assert_int_eq(memcmp(xl_sim_theta(xl_session_sim(s)), xl_sim_theta(xl_session_sim(t)),
                            5 * sizeof(double)), 0);
    xl_session_destroy(s);
    xl_session_destroy(t);
}
END_TEST

START_TEST(test_landscape_range)
{
    xl_session *s = default_session_at(1);
    const xl_landscape *ls = xl_session_landscape(s);
    ck_assert_double_eq(xl_landscape_lo(ls), -XL_DEFAULT_RANGE);
    ck_assert_double_eq(xl_landscape_hi(ls), XL_DEFAULT_RANGE);
    ck_assert_int_eq(xl_landscape_size(ls), 256);
    xl_session_destroy(s);

    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    fixture_set_classes(&d, 4, 1);
    const double z9[4] = { 9.0, -9.0, 0.0, 0.5 };
    fixture_setup_list(&d, "set-logits", z9, 4);
    d.grid = 64;
    s = xl_session_create(&d);
    ls = xl_session_landscape(s);
    /* m = 9 > 6 - 0.5, so R = 2 ceil((9 + 1) / 2) = 10. */
    ck_assert_double_eq(xl_landscape_lo(ls), -10.0);
    ck_assert_double_eq(xl_landscape_hi(ls), 10.0);
    /* Descent pulls the logits together; the range does not narrow. */
    xl_session_run(s, 500);
    ck_assert_msg(fabs(xl_sim_theta(xl_session_sim(s))[0]) < 4.0, "z_0 = %g",
                  xl_sim_theta(xl_session_sim(s))[0]);
    ls = xl_session_landscape(s);
    ck_assert_double_eq(xl_landscape_hi(ls), 10.0);
    /* A slice the trajectory never took far out starts again from the default. */
    for (int k = 0; k < 5; k++)
        xl_session_apply(s, cmd(XL_CMD_SLICE_NEXT)); /* (2, 3) */
    int a, b;
    xl_session_slice(s, &a, &b);
    ck_assert_int_eq(a, 2);
    ck_assert_int_eq(b, 3);
    ls = xl_session_landscape(s);
    ck_assert_double_eq(xl_landscape_hi(ls), XL_DEFAULT_RANGE);
    /* The grid is the classifier's loss around the current logits. */
    double z[4];
    memcpy(z, xl_sim_theta(xl_session_sim(s)), sizeof z);
    z[2] = -XL_DEFAULT_RANGE;
    z[3] = XL_DEFAULT_RANGE;
    ck_assert_double_eq_tol(xl_landscape_at(ls, 0, 63),
                            xl_cross_entropy_logits(fixture_classifier(s)->p, z, 4), TOL_EXACT);
    xl_session_destroy(s);

    /* A one-hot truth drives its logit outward; the view follows it. */
    xl_session_desc_default(&d, 1);
    d.lr = 50.0;
    s = xl_session_create(&d);
    xl_session_apply(s, xl_scenario_command(NULL, "onehot"));
    double prev_hi = 0.0;
    for (int k = 0; k < 20; k++) {
        xl_session_run(s, 100);
        ls = xl_session_landscape(s);
        double za = fabs(xl_sim_theta(xl_session_sim(s))[0]);
        ck_assert_msg(xl_landscape_hi(ls) >= za + 0.5, "round %d: z_0 %g outside range %g", k, za,
                      xl_landscape_hi(ls));
        ck_assert_double_ge(xl_landscape_hi(ls), prev_hi);
        ck_assert_double_eq(xl_landscape_lo(ls), -xl_landscape_hi(ls));
        prev_hi = xl_landscape_hi(ls);
    }
    ck_assert_double_gt(prev_hi, XL_DEFAULT_RANGE);
    /* RESET forgets the widening. */
    xl_session_apply(s, cmd(XL_CMD_RESET));
    ls = xl_session_landscape(s);
    ck_assert_double_eq(xl_landscape_hi(ls), XL_DEFAULT_RANGE);
    xl_session_destroy(s);
}
END_TEST

/* Issue 5, item 3: logits near DBL_MAX made the landscape range 2 ceil((m + 1) / 2)
 * overflow to infinity and the coordinates NaN. The session refuses initial logits
 * beyond XL_MAX_LOGIT (so every difference, loss and range stays finite) and, for
 * the ones it takes, keeps the range and every grid value finite. */
START_TEST(test_landscape_extreme_logits)
{
    const double L = XL_MAX_LOGIT;
    const double cases[][5] = {
        { -L, L, 0.0, 0.0, 0.0 }, { L, L, L, L, L }, { -L, -L, -L, -L, -L },
        { L, -L, L, -L, 1.0 }, { 1e6, -1e6, 0.0, 1e300, -1e300 }, { 0.0, 0.0, 0.0, 800.0, 0.0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        xl_session_desc d;
        xl_session_desc_default(&d, 1);
        fixture_setup_list(&d, "set-logits", cases[k], 5);
        d.grid = 16;
        d.lr = 100.0;
        xl_session *s = xl_session_create(&d);
        ck_assert_msg(s != NULL, "case %zu refused", k);
        xl_session_run(s, 3);
        for (int pair = 0; pair < 10; pair++) {
            const xl_landscape *ls = xl_session_landscape(s);
            double lo = xl_landscape_lo(ls), hi = xl_landscape_hi(ls);
            ck_assert_msg(isfinite(lo) && isfinite(hi) && lo < hi, "case %zu pair %d: lo %g hi %g", k, pair, lo,
                          hi);
            for (int j = 0; j < 16; j++)
                for (int i = 0; i < 16; i++)
                    ck_assert_msg(isfinite(xl_landscape_at(ls, i, j)) && xl_landscape_at(ls, i, j) >= 0.0,
                                  "case %zu pair %d cell (%d,%d) = %g", k, pair, i, j, xl_landscape_at(ls, i, j));
            xl_sample cur = xl_sim_current(xl_session_sim(s));
            ck_assert_msg(isfinite(cur.loss) && isfinite(cur.gap) && cur.gap >= 0.0,
                          "case %zu: loss %g gap %g", k, cur.loss, cur.gap);
            double lq[5];
            xl_session_log_q(s, lq);
            for (int i = 0; i < 5; i++)
                ck_assert_msg(isfinite(lq[i]) && lq[i] <= 0.0, "case %zu: logq[%d] = %g", k, i, lq[i]);
            xl_session_apply(s, cmd(XL_CMD_SLICE_NEXT));
        }
        xl_session_destroy(s);
    }
    /* Beyond the limit, or a difference that overflows: refused, never a NaN grid. */
    const double refused[][5] = { { -1e308, 1e308, 0.0, 0.0, 0.0 }, { 1e301, 0.0, 0.0, 0.0, 0.0 },
                                  { 0.0, 0.0, 0.0, 0.0, -DBL_MAX } };
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        xl_session_desc d;
        xl_session_desc_default(&d, 1);
        fixture_setup_list(&d, "set-logits", refused[k], 5);
        ck_assert_msg(xl_session_create(&d) == NULL, "refused case %zu accepted", k);
    }
}
END_TEST

START_TEST(test_landscape_range_remembers)
{
    /* lr 50 overshoots: the logits swing far out and back. The view must still hold
     * every point visited since reset, even if the landscape was not asked for then. */
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    d.lr = 50.0;
    xl_session *s = xl_session_create(&d);
    const double *z0 = xl_sim_theta0(xl_session_sim(s));
    double m = fmax(fabs(z0[0]), fabs(z0[1]));
    for (int k = 0; k < 11; k++) {
        xl_session_run(s, 1);
        const double *z = xl_sim_theta(xl_session_sim(s));
        m = fmax(m, fmax(fabs(z[0]), fabs(z[1])));
    }
    const double *z = xl_sim_theta(xl_session_sim(s));
    double now = fmax(fabs(z[0]), fabs(z[1]));
    ck_assert_msg(m > now + 10.0, "trajectory should have come back: max %g, now %g", m, now);
    const xl_landscape *ls = xl_session_landscape(s);
    ck_assert_double_eq(xl_landscape_hi(ls), 2.0 * ceil((m + 1.0) / 2.0));
    xl_session_destroy(s);
}
END_TEST



/* Parse and apply a command written as text, as --do and lessons do. */
static int apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
    return xl_session_apply(s, c);
}

/* Everything a trace line would carry for each run, bit for bit. */
typedef struct run_trace {
    double theta[XL_RACE_MAX][XL_MAX_CLASSES];
    double loss[XL_RACE_MAX];
    long steps[XL_RACE_MAX];
} run_trace;

static void record_steps(xl_session *s, int n, run_trace *out)
{
    for (int i = 0; i < n; i++) {
        xl_session_run(s, 1);
        for (int r = 0; r < xl_session_run_count(s); r++) {
            const xl_sim *sim = xl_session_run_sim(s, r);
            memcpy(out[i].theta[r], xl_sim_theta(sim), (size_t)xl_sim_param_count(sim) * sizeof(double));
            out[i].loss[r] = xl_sim_current(sim).loss;
            out[i].steps[r] = xl_sim_steps(sim);
        }
    }
}

/* Issue 6: snapshot, run 100 steps, restore, run the same 100 steps: bit-identical
 * traces; the same for a race, and across a scenario switch in between. */
START_TEST(test_snapshot_replays_bit_for_bit)
{
    static run_trace a[100], b[100];
    static const char *const setups[] = {"optimizer gd", "optimizer momentum", "optimizer nesterov",
                                         "optimizer adam", "race gd,momentum,nesterov,adam"};
    for (size_t k = 0; k < sizeof setups / sizeof setups[0]; k++) {
        xl_session *s = default_session_at(1);
        ck_assert_int_eq(apply_text(s, setups[k]), 1);
        xl_session_run(s, 37);
        apply_text(s, "select 3");
        apply_text(s, "p-up");
        xl_session_snapshot *snap = xl_session_save(s);
        ck_assert_ptr_nonnull(snap);
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        record_steps(s, 100, a);
        /* Wander off: other P, other scenario, reset; the snapshot brings it all back. */
        apply_text(s, "uniform");
        apply_text(s, "scenario-next");
        apply_text(s, "reset");
        ck_assert_int_eq(xl_session_restore(s, snap), 0);
        ck_assert_str_eq(xl_session_scenario(s)->id, "softmax");
        ck_assert_int_eq(xl_session_selected(s), 2);
        record_steps(s, 100, b);
        ck_assert_msg(memcmp(a, b, sizeof a) == 0, "%s: the replay after restore differs", setups[k]);
        ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 137);
        xl_session_snapshot_free(snap);
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(test_optimizer_commands)
{
    xl_session *s = default_session_at(1);
    ck_assert_int_eq(xl_sim_optimizer(xl_session_sim(s))->kind, XL_OPTIM_GD);
    xl_session_run(s, 5);
    /* One optimizer: the run stays where it is, only the update rule changes. */
    ck_assert_int_eq(apply_text(s, "optimizer-next"), 1);
    ck_assert_int_eq(xl_sim_optimizer(xl_session_sim(s))->kind, XL_OPTIM_MOMENTUM);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 5);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.mu, 0.9); /* the standard default */
    ck_assert_int_eq(apply_text(s, "set-mu 0.5"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.mu, 0.5);
    ck_assert_int_eq(apply_text(s, "set-mu 1"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "set-mu") != NULL, "%s", xl_session_message(s));
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.mu, 0.5);
    ck_assert_int_eq(apply_text(s, "optimizer adam"), 1);
    const xl_optim *o = xl_sim_optimizer(xl_session_sim(s));
    ck_assert_double_eq(o->hyper.beta1, 0.9);
    ck_assert_double_eq(o->hyper.beta2, 0.999);
    ck_assert_double_eq(o->hyper.eps, 1e-8);
    ck_assert_double_eq(o->hyper.lr, 0.5); /* the learner's rate is kept */
    ck_assert_int_eq(apply_text(s, "set-beta2 0.99"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.beta2, 0.99);
    ck_assert_int_eq(apply_text(s, "beta2-down"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.beta2, 0.9);
    ck_assert_int_eq(apply_text(s, "beta2-up"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.beta2, 0.99);
    ck_assert_int_eq(apply_text(s, "eps-up"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.eps, 1e-7);
    ck_assert_int_eq(apply_text(s, "eps-down"), 1);
    ck_assert_int_eq(apply_text(s, "eps-down"), 1);
    ck_assert_double_eq(xl_sim_optimizer(xl_session_sim(s))->hyper.eps, 1e-9);
    ck_assert_int_eq(apply_text(s, "optimizer sgd"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "sgd") != NULL, "%s", xl_session_message(s));
    ck_assert_int_eq(apply_text(s, "optimizer-next"), 1); /* adam wraps to gd */
    ck_assert_int_eq(xl_sim_optimizer(xl_session_sim(s))->kind, XL_OPTIM_GD);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_race)
{
    xl_session *s = default_session_at(1);
    xl_session_run(s, 9);
    ck_assert_int_eq(apply_text(s, "race gd,adam"), 1);
    ck_assert(xl_session_racing(s));
    ck_assert_int_eq(xl_session_run_count(s), 2);
    /* Same start, both at step 0. */
    const double *t0 = xl_sim_theta(xl_session_run_sim(s, 0)), *t1 = xl_sim_theta(xl_session_run_sim(s, 1));
    ck_assert_mem_eq(t0, t1, 5 * sizeof(double));
    ck_assert_int_eq(xl_sim_steps(xl_session_run_sim(s, 0)), 0);
    xl_session_run(s, 40);
    for (int r = 0; r < 2; r++) {
        const xl_sim *sim = xl_session_run_sim(s, r);
        ck_assert_int_eq(xl_sim_steps(sim), 40);
        ck_assert_msg(xl_sim_current(sim).loss < xl_sim_history(sim)[0].loss, "run %d did not learn", r);
    }
    ck_assert_int_eq(xl_sim_optimizer(xl_session_run_sim(s, 1))->kind, XL_OPTIM_ADAM);
    ck_assert(memcmp(xl_sim_theta(xl_session_run_sim(s, 0)), xl_sim_theta(xl_session_run_sim(s, 1)),
                     5 * sizeof(double)) != 0);
    /* Reset and lr reach every run. */
    apply_text(s, "lr-up");
    ck_assert_double_eq(xl_sim_lr(xl_session_run_sim(s, 1)), 1.0);
    apply_text(s, "reset");
    ck_assert_int_eq(xl_sim_steps(xl_session_run_sim(s, 1)), 0);
    /* Bad races are refused with the reason. */
    ck_assert_int_eq(apply_text(s, "race gd"), 0);
    ck_assert_int_eq(apply_text(s, "race gd,gd"), 0);
    ck_assert_int_eq(apply_text(s, "race gd,rmsprop"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "race needs") != NULL, "%s", xl_session_message(s));
    ck_assert_int_eq(xl_session_run_count(s), 2);
    /* race-toggle: off keeps the leader; on races all four with the leader first. */
    ck_assert_int_eq(apply_text(s, "race-toggle"), 1);
    ck_assert_int_eq(xl_session_run_count(s), 1);
    ck_assert(!xl_session_racing(s));
    apply_text(s, "optimizer nesterov");
    ck_assert_int_eq(apply_text(s, "race-toggle"), 1);
    ck_assert_int_eq(xl_session_run_count(s), 4);
    ck_assert_int_eq(xl_sim_optimizer(xl_session_run_sim(s, 0))->kind, XL_OPTIM_NESTEROV);
    xl_session_destroy(s);
}
END_TEST

START_TEST(test_scenario_commands)
{
    xl_session *s = default_session_at(1);
    ck_assert_str_eq(xl_session_scenario(s)->id, "softmax");
    ck_assert_int_eq(apply_text(s, "scenario nonsense"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "nonsense") != NULL, "%s", xl_session_message(s));
    ck_assert_str_eq(xl_session_scenario(s)->id, "softmax");
    /* A parameter restarts the scenario with it. */
    ck_assert_int_eq(apply_text(s, "param classes=7"), 1);
    ck_assert_int_eq(fixture_classifier(s)->n, 7);
    ck_assert_int_eq(apply_text(s, "param classes=40"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "classes must be a whole number from 2 to 32") != NULL, "%s",
                  xl_session_message(s));
    ck_assert_int_eq(apply_text(s, "param classes=2.5"), 0);
    ck_assert_int_eq(apply_text(s, "param beta=3"), 0);
    ck_assert_int_eq(fixture_classifier(s)->n, 7);
    /* Every scenario of the registry can be reached and left by S. */
    for (int i = 0; i < xl_scenario_count(); i++) {
        ck_assert_int_eq(apply_text(s, "scenario-next"), 1);
        double r[XL_READOUTS_MAX];
        xl_session_readouts(s, r);
        ck_assert_msg(fabs(r[0] - (r[1] + r[2])) <= 1e-12 * (1 + fabs(r[0])), "%s: loss != floor + gap",
                      xl_session_scenario(s)->id);
    }
    ck_assert_str_eq(xl_session_scenario(s)->id, "softmax");
    /* set-p and set-logits through the record. */
    ck_assert_int_eq(apply_text(s, "set-p 1,1,2"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "set-p needs 5 weights") != NULL, "%s", xl_session_message(s));
    ck_assert_int_eq(apply_text(s, "set-p 1,1,1,1,4"), 1);
    ck_assert_double_eq_tol(fixture_classifier(s)->p[4], 0.5, 1e-15);
    ck_assert_int_eq(apply_text(s, "set-logits 0,0,0,0,0"), 1);
    double q[5];
    xl_session_q(s, q);
    ck_assert_double_eq_tol(q[2], 0.2, 1e-15);
    xl_session_destroy(s);
}
END_TEST

/* Every registered scenario's names can be trace keys, --param names and lesson
 * `expect` names (xl_scenario_check); a record with a name twice, or a name that is
 * not a plain identifier, is refused with which one and why. */
START_TEST(test_scenario_names_check)
{
    char err[256] = "";
    for (int i = 0; i < xl_scenario_count(); i++)
        ck_assert_msg(xl_scenario_check(xl_scenario_at(i), err, sizeof err) == 0, "%s: %s", xl_scenario_at(i)->id,
                      err);
    xl_scenario_def def = *xl_scenario_find("softmax");
    ck_assert_int_eq(def.readout_count, 3);
    static const struct {
        const char *names[3];
        const char *said; /* what err must hold */
    } bad[] = {
        {{"loss", "entropy", "loss"}, "readout 2 'loss' has the name of readout 0"},
        {{"loss", "q r", "kl"}, "readout 1 'q r'"},
        {{"loss", "entropy", "kl\"x"}, "readout 2"},
        {{"loss", "", "kl"}, "readout 1 has no name"},
        {{"1st", "entropy", "kl"}, "readout 0 '1st'"},
        {{"loss", "-x", "kl"}, "readout 1 '-x'"},
        {{"loss", "entropy", "a_name_of_thirty_two_bytes_long_"}, "readout 2"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        xl_readout_def table[3];
        for (int i = 0; i < 3; i++) table[i] = (xl_readout_def){bad[k].names[i], "s", XL_READOUT_INFO, "m"};
        def.readouts = table;
        err[0] = '\0';
        ck_assert_int_eq(xl_scenario_check(&def, err, sizeof err), -1);
        ck_assert_msg(strstr(err, bad[k].said) != NULL, "case %zu: '%s' lacks '%s'", k, err, bad[k].said);
    }
    /* The longest name allowed, and '-' and '_' inside one. */
    xl_readout_def fine[3] = {{"loss", "s", XL_READOUT_INFO, "m"}, {"a-b_c9", "s", XL_READOUT_INFO, "m"},
                              {"a_name_of_thirty_one_bytes_long", "s", XL_READOUT_INFO, "m"}};
    def.readouts = fine;
    ck_assert_msg(xl_scenario_check(&def, err, sizeof err) == 0, "%s", err);
    /* The counts, and the parameters' names. */
    def.readout_count = 0;
    ck_assert_int_eq(xl_scenario_check(&def, err, sizeof err), -1);
    def.readout_count = XL_READOUTS_MAX + 1;
    ck_assert_int_eq(xl_scenario_check(&def, err, sizeof err), -1);
    def.readout_count = 3;
    xl_param_def params[2] = {{"classes", 5, 2, 32, 1, "m"}, {"classes", 1, 0, 2, 0, "m"}};
    def.params = params;
    def.param_count = 2;
    ck_assert_int_eq(xl_scenario_check(&def, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "parameter 1 'classes' has the name of parameter 0") != NULL, "%s", err);
    params[1].name = "a=b";
    ck_assert_int_eq(xl_scenario_check(&def, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "parameter 1 'a=b'") != NULL, "%s", err);
}
END_TEST

/* Issue 6: the slice moves under the path when N > 3 (its minimum jumps between step
 * 0 and step 15); the fixed plane does not: its minimum stays put, lies in the plane,
 * the start is its origin, and its grid is the loss at origin + x d1 + y d2. */
START_TEST(test_fixed_plane)
{
    xl_session *s = default_session_at(1);
    double sx0, sy0, sx15, sy15;
    ck_assert(xl_session_view_minimum(s, &sx0, &sy0));
    xl_session_run(s, 15);
    ck_assert(xl_session_view_minimum(s, &sx15, &sy15));
    ck_assert_msg(hypot(sx15 - sx0, sy15 - sy0) > 0.5, "the slice's minimum did not move: (%g,%g) (%g,%g)", sx0, sy0,
                  sx15, sy15);
    xl_session_destroy(s);

    s = default_session_at(1);
    ck_assert_int_eq(xl_session_frame(s), XL_FRAME_SLICE);
    ck_assert_int_eq(apply_text(s, "frame"), 1);
    ck_assert_int_eq(xl_session_frame(s), XL_FRAME_PLANE);
    double px0, py0, px15, py15, x, y;
    ck_assert(xl_session_view_minimum(s, &px0, &py0));
    xl_session_view_point(s, xl_sim_theta0(xl_session_sim(s)), &x, &y);
    ck_assert(x == 0.0 && y == 0.0);
    xl_session_run(s, 15);
    ck_assert(xl_session_view_minimum(s, &px15, &py15));
    ck_assert(px0 == px15 && py0 == py15);
    /* The optimum z* = log p (shifted to the start's mean) lies in the plane. */
    const xl_classifier *c = fixture_classifier(s);
    const double *z0 = xl_sim_theta0(xl_session_sim(s));
    double opt[5], mean0 = 0, mean = 0;
    for (int i = 0; i < 5; i++) {
        opt[i] = log(c->p[i]);
        mean0 += z0[i] / 5;
        mean += opt[i] / 5;
    }
    for (int i = 0; i < 5; i++) opt[i] += mean0 - mean;
    ck_assert_double_eq_tol(xl_session_view_distance(s, opt), 0.0, 1e-12);
    /* The first step runs along alpha: beta 0, distance 0. */
    xl_session_destroy(s);
    s = default_session_at(1);
    apply_text(s, "frame");
    xl_session_run(s, 1);
    xl_session_view_point(s, xl_sim_theta(xl_session_sim(s)), &x, &y);
    ck_assert_msg(x > 0.0 && fabs(y) < 1e-12, "first step at (%g, %g)", x, y);
    ck_assert_double_eq_tol(xl_session_view_distance(s, xl_sim_theta(xl_session_sim(s))), 0.0, 1e-12);
    /* The grid is the loss over the plane: its lowest cell is near the optimum's point. */
    const xl_landscape *ls = xl_session_landscape(s);
    int gi, gj, g = xl_landscape_size(ls);
    xl_landscape_argmin(ls, &gi, &gj);
    double lo = xl_landscape_lo(ls), hi = xl_landscape_hi(ls), cell = (hi - lo) / (g - 1);
    ck_assert(xl_session_view_minimum(s, &px0, &py0));
    ck_assert_msg(fabs(lo + gi * cell - px0) <= cell && fabs(lo + gj * cell - py0) <= cell,
                  "grid minimum (%g,%g), optimum (%g,%g)", lo + gi * cell, lo + gj * cell, px0, py0);
    ck_assert_double_eq_tol(xl_landscape_min(ls), xl_sim_current(xl_session_sim(s)).floor, 0.05);
    /* And back. */
    ck_assert_int_eq(apply_text(s, "frame"), 1);
    ck_assert_int_eq(xl_session_frame(s), XL_FRAME_SLICE);
    xl_session_destroy(s);
}
END_TEST

/* Every registered scenario keeps the record's contract (loop index: the registry, so
 * a new scenario is checked the moment it is registered): an id the registry finds it
 * by; parameters with unique names and defaults in their ranges; readouts with unique
 * names, at most XL_READOUTS_MAX, the first three loss = floor + gap; a session at its
 * defaults whose loss, floor and gap stay finite over 50 steps and whose other readouts
 * are finite or NaN (not defined yet, as diffusion's before a measurement; the trace
 * leaves those out); bars of 1 to XL_ITEMS_MAX items
 * whose P sums to 1 and whose log Q is at most 0. */
START_TEST(every_scenario_keeps_the_contract)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    ck_assert_ptr_nonnull(def);
    ck_assert_msg(def->id && def->id[0], "scenario %d has no id", (int)_i);
    ck_assert_msg(xl_scenario_find(def->id) == def, "%s: the registry finds another record by its id", def->id);
    for (int j = 0; j < xl_scenario_count(); j++)
        ck_assert_msg(j == _i || strcmp(xl_scenario_at(j)->id, def->id) != 0, "%s is registered twice", def->id);
    ck_assert_msg(def->param_count >= 0 && def->param_count <= XL_SCENARIO_PARAMS_MAX, "%s: %d parameters", def->id,
                  def->param_count);
    for (int k = 0; k < def->param_count; k++) {
        const xl_param_def *pd = &def->params[k];
        ck_assert_msg(pd->name && pd->name[0], "%s: parameter %d has no name", def->id, k);
        ck_assert_msg(xl_scenario_param_index(def, pd->name) == k, "%s: parameter %s is listed twice", def->id,
                      pd->name);
        ck_assert_msg(pd->lo <= pd->def && pd->def <= pd->hi, "%s: %s defaults to %g, outside [%g, %g]", def->id,
                      pd->name, pd->def, pd->lo, pd->hi);
    }
    ck_assert_msg(def->readout_count >= 3 && def->readout_count <= XL_READOUTS_MAX, "%s: %d readouts", def->id,
                  def->readout_count);
    for (int k = 0; k < def->readout_count; k++) {
        const xl_readout_def *rd = &def->readouts[k];
        ck_assert_msg(rd->name && rd->name[0] && rd->symbol, "%s: readout %d has no name or symbol", def->id, k);
        ck_assert_msg(xl_scenario_readout_index(def, rd->name) == k, "%s: readout %s is listed twice", def->id,
                      rd->name);
    }
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session_desc_set_scenario(&d, def);
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s: no session at its defaults: %s", def->id, err);
    for (int step = 0; step <= 50; step += 10) {
        double r[XL_READOUTS_MAX];
        xl_session_readouts(s, r);
        for (int k = 0; k < def->readout_count; k++)
            ck_assert_msg(k < 3 ? isfinite(r[k]) : !isinf(r[k]), "%s, step %d: readout %s is %g", def->id, step,
                          def->readouts[k].name, r[k]);
        ck_assert_msg(fabs(r[0] - (r[1] + r[2])) <= 1e-12 * (1 + fabs(r[0])),
                      "%s, step %d: %s = %.17g is not %s + %s = %.17g", def->id, step, def->readouts[0].name, r[0],
                      def->readouts[1].name, def->readouts[2].name, r[1] + r[2]);
        xl_session_run(s, 10);
    }
    static xl_bars bars;
    xl_session_bars(s, &bars);
    ck_assert_msg(bars.n >= 1 && bars.n <= XL_ITEMS_MAX, "%s: %d bars", def->id, bars.n);
    double sum = 0.0;
    for (int k = 0; k < bars.n; k++) {
        ck_assert_msg(bars.p[k] >= 0.0 && bars.logq[k] <= 0.0, "%s: bar %d has p = %g, log q = %g", def->id, k,
                      bars.p[k], bars.logq[k]);
        sum += bars.p[k];
    }
    ck_assert_msg(fabs(sum - 1.0) <= 1e-9, "%s: the bars' P sums to %.17g", def->id, sum);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("session");
    const xl_test_case cases[] = {
        { "select next and previous", test_select_next_prev },
        { "p-restore", test_p_restore },
        { "landscape with extreme logits", test_landscape_extreme_logits },
        { "default desc", test_default_desc },
        { "set classes", test_set_classes },
        { "setup commands", test_setup_commands },
        { "create validates", test_create_validates },
        { "initial state", test_initial_state },
        { "play pause step", test_play_pause },
        { "reset keeps play", test_reset_keeps_play },
        { "lr ladder", test_lr_ladder },
        { "speed ladder", test_speed_ladder },
        { "slice cycle", test_slice_cycle },
        { "select and p edits", test_select_and_p_edits },
        { "unit command", test_unit_command },
        { "advance", test_advance },
        { "frame-rate independence", test_frame_rate_independence },
        { "run", test_run },
        { "landscape range", test_landscape_range },
        { "landscape range remembers", test_landscape_range_remembers },
        { "snapshot replays bit for bit", test_snapshot_replays_bit_for_bit },
        { "optimizer commands", test_optimizer_commands },
        { "race", test_race },
        { "scenario commands", test_scenario_commands },
        { "scenario names check", test_scenario_names_check },
        { "fixed plane", test_fixed_plane },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    TCase *every = tcase_create("every registered scenario keeps the contract");
    tcase_add_loop_test(every, every_scenario_keeps_the_contract, 0, xl_scenario_count());
    suite_add_tcase(s, every);
    return s;
}

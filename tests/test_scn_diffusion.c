/* test_scn_diffusion: diffusion on a ring and the Bayesian Second Law (issue 7): the
 * step keeps probability and symmetry; M^t by squaring equals t steps; entropy never
 * decreases and tends to ln K; the law H(rho_m(t), rho(t)) >= H(rho_m(0), rho(0)) on
 * 1,000 random rings, distributions, times and detectors; retrodiction against a brute
 * sum over every path for small K and t; Bayes' update by hand; an impossible reading
 * refused; learning against evolution; the scenario's commands, reset and snapshots. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_command.h"
#include "xl_info.h"
#include "xl_ring.h"
#include "xl_rng.h"
#include "xl_scn_diffusion.h"
#include "xl_session.h"

#include "scenario_fixture.h"

static xl_session *make(double k, double rate, double start, double learn)
{
    static const char *const names[] = {"k", "rate", "start", "learn"};
    const double values[] = {k, rate, start, learn};
    return scenario_session(&xl_scenario_diffusion, 0, names, values, 4);
}

static const xl_diffusion_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

/* A random distribution over k cells, some cells 0 when zeros is set. */
static void random_dist(xl_rng *rng, int k, int zeros, double *p)
{
    for (int x = 0; x < k; x++) {
        p[x] = xl_rng_uniform(rng);
        if (zeros && xl_rng_uniform(rng) < 0.4) p[x] = 0.0;
    }
    p[(int)(xl_rng_uniform(rng) * k)] += 0.1; /* never all zero */
    xl_normalize(p, k);
}

START_TEST(step_keeps_probability_and_symmetry)
{
    double rho[16] = {0}, out[16];
    rho[3] = 1.0;
    xl_ring_step(rho, 16, 0.1, out);
    ck_assert_double_eq_tol(out[3], 0.8, 1e-15);
    ck_assert_double_eq_tol(out[2], 0.1, 1e-15);
    ck_assert_double_eq_tol(out[4], 0.1, 1e-15);
    ck_assert(out[5] == 0.0 && out[0] == 0.0);
    /* Wrapping: cell 0's neighbours are 15 and 1. */
    memset(rho, 0, sizeof rho);
    rho[0] = 1.0;
    xl_ring_step(rho, 16, 0.25, out);
    ck_assert_double_eq_tol(out[15], 0.25, 1e-15);
    ck_assert_double_eq_tol(out[1], 0.25, 1e-15);
    ck_assert_double_eq_tol(out[0], 0.5, 1e-15);
    xl_rng rng = xl_rng_make(7);
    for (int trial = 0; trial < 200; trial++) {
        int k = 3 + (int)(xl_rng_uniform(&rng) * 30);
        double p[32], q[32];
        random_dist(&rng, k, trial % 2, p);
        xl_ring_step(p, k, 0.001 + xl_rng_uniform(&rng) * 0.499, q);
        double sum = 0.0;
        for (int x = 0; x < k; x++) {
            ck_assert(q[x] >= 0.0);
            sum += q[x];
        }
        ck_assert_double_eq_tol(sum, 1.0, 1e-14);
    }
}
END_TEST

START_TEST(kernel_power_equals_repeated_steps)
{
    const int ks[] = {3, 4, 7, 16, 32};
    const double rates[] = {0.001, 0.1, 0.37, 0.5};
    for (size_t a = 0; a < 5; a++)
        for (size_t b = 0; b < 4; b++) {
            int k = ks[a];
            double rho0[32], rho[32], next[32], c[32], via[32];
            xl_rng rng = xl_rng_make((uint64_t)(a * 10 + b));
            random_dist(&rng, k, 1, rho0);
            memcpy(rho, rho0, sizeof rho);
            for (long t = 0; t <= 70; t++) {
                xl_ring_kernel(k, rates[b], t, c);
                for (int d = 0; d < k; d++) {
                    ck_assert(c[d] >= 0.0);
                    ck_assert_double_eq_tol(c[d], c[(k - d) % k], 1e-15); /* symmetric */
                }
                xl_ring_apply(c, k, rho0, via);
                for (int x = 0; x < k; x++)
                    ck_assert_msg(fabs(via[x] - rho[x]) < 1e-13, "k %d rate %g t %ld x %d: %.17g vs %.17g", k,
                                  rates[b], t, x, via[x], rho[x]);
                xl_ring_step(rho, k, rates[b], next);
                memcpy(rho, next, sizeof rho);
            }
        }
}
END_TEST

START_TEST(entropy_never_decreases_and_tends_to_ln_k)
{
    const int ks[] = {3, 5, 16, 32};
    for (size_t a = 0; a < 4; a++)
        for (int preset = 0; preset < XL_RING_PRESETS; preset++) {
            xl_session *s = make(ks[a], 0.2, preset, 0);
            double last = scenario_readout(s, "entropy");
            for (int i = 0; i < 4000; i++) {
                xl_session_run(s, 1);
                double h = scenario_readout(s, "entropy");
                ck_assert_msg(h >= last - 1e-12, "k %d preset %d step %d: %.17g < %.17g", ks[a], preset, i, h, last);
                last = h;
            }
            ck_assert_double_eq_tol(scenario_readout(s, "entropy_max"), log((double)ks[a]), 1e-15);
            ck_assert_msg(fabs(last - log((double)ks[a])) < 1e-6, "k %d: H = %.12g after 4000 steps", ks[a], last);
            xl_session_destroy(s);
        }
    /* Heat death of the default ring: ln 16 = 2.7726 nats. */
    ck_assert_double_eq_tol(log(16.0), 2.772588722239781, 1e-15);
}
END_TEST

/* Issue 19.5: every allowed rate reaches heat death on even and odd rings alike; at 0.5
 * an even ring would alternate forever (H stayed 2.7144 < ln 16), so 0.5 is refused. */
START_TEST(every_allowed_rate_reaches_heat_death)
{
    const int ks[] = {4, 16, 17, 32};
    for (size_t a = 0; a < 4; a++) {
        xl_session *s = make(ks[a], XL_DIFFUSION_RATE_MAX, 0, 0);
        xl_session_run(s, 3000);
        double h = scenario_readout(s, "entropy");
        ck_assert_msg(fabs(h - log((double)ks[a])) < 1e-9, "k %d rate %g: H = %.12g after 3000 steps, ln k = %.12g",
                      ks[a], XL_DIFFUSION_RATE_MAX, h, log((double)ks[a]));
        xl_session_destroy(s);
    }
    /* What 0.5 would do: the kernel of an even ring never mixes (M^t alternates). */
    double c1[16], c2[16];
    xl_ring_kernel(16, 0.5, 3001, c1);
    xl_ring_kernel(16, 0.5, 3000, c2);
    ck_assert_msg(c1[0] == 0.0 && c2[1] == 0.0, "rate 0.5 mixed: c1[0] %g c2[1] %g", c1[0], c2[1]);
    /* And it is refused, at creation and as a command. */
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_diffusion);
    d.params[xl_scenario_param_index(&xl_scenario_diffusion, "rate")] = 0.5;
    char err[192] = "";
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_msg(strstr(err, "rate must be a number from 0.001 to 0.45") != NULL, "err '%s'", err);
    xl_session *s = make(16, 0.1, 0, 0);
    xl_command cmd;
    char perr[160];
    ck_assert_int_eq(xl_scenario_parse_command("param rate=0.5", &cmd, perr, sizeof perr), 0);
    ck_assert_int_eq(xl_session_apply(s, cmd), 0);
    ck_assert_double_eq_tol(scenario_readout(s, "rate"), 0.1, 1e-15);
    xl_session_destroy(s);
}
END_TEST

START_TEST(bayesian_second_law_on_random_rings)
{
    xl_rng rng = xl_rng_make(2026);
    int checked = 0, impossible = 0;
    double smallest = INFINITY;
    for (int trial = 0; trial < 1000; trial++) {
        int k = 3 + (int)(xl_rng_uniform(&rng) * 30);
        double rho0[32];
        random_dist(&rng, k, trial % 3 == 0, rho0);
        double rate = 0.001 + xl_rng_uniform(&rng) * 0.499;
        long t = (long)(xl_rng_uniform(&rng) * 60);
        int m = (int)(xl_rng_uniform(&rng) * k);
        double width = 0.05 * pow(320.0, xl_rng_uniform(&rng)); /* 0.05 .. 16 cells */
        xl_ring_measurement out;
        if (xl_ring_measure(rho0, k, rate, t, m, width, &out) != 0) {
            impossible++;
            continue;
        }
        double sf = 0.0, si = 0.0;
        for (int x = 0; x < k; x++) {
            sf += out.upd_f[x];
            si += out.upd_i[x];
        }
        ck_assert_double_eq_tol(sf, 1.0, 1e-12);
        ck_assert_double_eq_tol(si, 1.0, 1e-12);
        ck_assert(isfinite(out.ce_initial) && isfinite(out.ce_final));
        double diff = out.ce_final - out.ce_initial;
        ck_assert_msg(diff >= -1e-12, "trial %d (k %d, rate %g, t %ld, m %d, w %g): %.17g < %.17g", trial, k, rate,
                      t, m, width, out.ce_final, out.ce_initial);
        if (diff < smallest) smallest = diff;
        checked++;
    }
    ck_assert_msg(checked >= 900, "only %d of 1000 measurements possible (%d impossible)", checked, impossible);
    /* At t = 0 the law holds with equality: nothing evolved. */
    double rho0[8] = {0.1, 0.2, 0.3, 0.05, 0.05, 0.1, 0.1, 0.1};
    xl_ring_measurement out;
    ck_assert_int_eq(xl_ring_measure(rho0, 8, 0.1, 0, 2, 1.0, &out), 0);
    ck_assert_double_eq_tol(out.ce_final, out.ce_initial, 1e-14);
}
END_TEST

/* Brute force: every path x0 -> x1 -> ... -> xt, weighted rho0(x0) prod M(x_{i+1} | x_i)
 * P(m | x_t), summed by its start. */
static void brute_retrodiction(const double *rho0, int k, double rate, int t, const double *like, double *out)
{
    memset(out, 0, (size_t)k * sizeof(double));
    long paths = 1;
    for (int i = 0; i < t; i++) paths *= 3; /* each step: stay, left or right */
    for (int x0 = 0; x0 < k; x0++)
        for (long code = 0; code < paths; code++) {
            long c = code;
            int x = x0;
            double w = rho0[x0];
            for (int i = 0; i < t; i++) {
                int move = (int)(c % 3);
                c /= 3;
                w *= move == 0 ? 1.0 - 2.0 * rate : rate;
                x = move == 0 ? x : move == 1 ? (x + k - 1) % k : (x + 1) % k;
            }
            out[x0] += w * like[x];
        }
    xl_normalize(out, k);
}

START_TEST(retrodiction_matches_the_sum_over_paths)
{
    xl_rng rng = xl_rng_make(99);
    for (int k = 3; k <= 5; k++)
        for (int t = 0; t <= 5; t++)
            for (int m = 0; m < k; m++) {
                double rho0[8], like[8], want[8];
                random_dist(&rng, k, t % 2, rho0);
                double rate = 0.05 + 0.4 * xl_rng_uniform(&rng);
                double width = 0.3 + 2.0 * xl_rng_uniform(&rng);
                xl_ring_measurement out;
                ck_assert_int_eq(xl_ring_measure(rho0, k, rate, t, m, width, &out), 0);
                xl_ring_likelihood(k, m, width, like);
                brute_retrodiction(rho0, k, rate, t, like, want);
                for (int x = 0; x < k; x++)
                    ck_assert_msg(fabs(out.upd_i[x] - want[x]) < 1e-13, "k %d t %d m %d x %d: %.17g vs %.17g", k, t, m,
                                  x, out.upd_i[x], want[x]);
            }
}
END_TEST

START_TEST(bayes_update_by_hand)
{
    /* Three cells, rho(t) = rho0 at t = 0 = (0.5, 0.3, 0.2); a detector of width 1 reading
     * cell 1: P(1 | x) proportional to exp(-d^2 / 2) with d = 0, 1, 1 on a 3-ring. */
    double rho0[3] = {0.5, 0.3, 0.2}, like[3];
    xl_ring_likelihood(3, 0, 1.0, like);
    double e = exp(-0.5), z = 1.0 + 2.0 * e;
    ck_assert_double_eq_tol(like[0], 1.0 / z, 1e-15);
    ck_assert_double_eq_tol(like[1], e / z, 1e-15);
    ck_assert_double_eq_tol(like[2], e / z, 1e-15);
    xl_ring_measurement out;
    ck_assert_int_eq(xl_ring_measure(rho0, 3, 0.1, 0, 0, 1.0, &out), 0);
    double pm = (0.5 + 0.3 * e + 0.2 * e) / z;
    ck_assert_double_eq_tol(out.p_m, pm, 1e-15);
    ck_assert_double_eq_tol(out.upd_f[0], 0.5 / z / pm, 1e-14);
    ck_assert_double_eq_tol(out.upd_f[1], 0.3 * e / z / pm, 1e-14);
    /* A razor-thin detector is certain: the update is one-hot on the cell read. */
    ck_assert_int_eq(xl_ring_measure(rho0, 3, 0.1, 0, 2, 0.05, &out), 0);
    ck_assert_double_eq_tol(out.upd_f[2], 1.0, 1e-80); /* exp(-200) away from it */
    ck_assert(out.upd_f[0] < 1e-80);
    ck_assert_double_eq_tol(out.ce_final, -log(0.2), 1e-14);
}
END_TEST

START_TEST(impossible_reading_is_refused)
{
    xl_session *s = make(16, 0.1, 0, 0);
    /* Nothing measured yet. */
    ck_assert(isnan(scenario_readout(s, "ce_initial")) && isnan(scenario_readout(s, "ce_final")));
    ck_assert(scenario_apply(s, "width-down")); /* toward the thinnest detector */
    for (int i = 0; i < 30; i++) scenario_apply(s, "width-down");
    ck_assert(state_of(s)->detector >= XL_DIFFUSION_WIDTH_MIN &&
              state_of(s)->detector < XL_DIFFUSION_WIDTH_MIN * XL_DIFFUSION_WIDTH_STEP);
    ck_assert(!scenario_apply(s, "width-down"));
    /* At t = 0 the bump around cell 9 holds only exp(-64 / 0.72) = 2.7e-39 at cell 1: a
     * razor-thin detector reading there is possible but astonishing, and the numbers say
     * so (about 89 nats) instead of failing. */
    ck_assert(scenario_apply(s, "measure 1"));
    ck_assert(isfinite(scenario_readout(s, "ce_final")) && scenario_readout(s, "ce_final") > 80.0);
    ck_assert(scenario_readout(s, "ce_final") >= scenario_readout(s, "ce_initial") - 1e-12);
    ck_assert(!scenario_apply(s, "measure 17"));
    ck_assert_msg(strstr(xl_session_message(s), "from 1 to 16") != NULL, "%s", xl_session_message(s));
    /* A reading no cell with probability could give is refused, not divided by zero. */
    double rho0[6] = {1.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    xl_ring_measurement out;
    ck_assert_int_eq(xl_ring_measure(rho0, 6, 0.1, 0, 3, 0.05, &out), -1);
    ck_assert_int_eq(xl_ring_measure(rho0, 6, 0.1, 1, 3, 0.05, &out), -1); /* one step: 0 within reach of cell 4 */
    ck_assert_int_eq(xl_ring_measure(rho0, 6, 0.1, 2, 3, 0.05, &out), 0);  /* two: next door, e^-200 */
    xl_session_destroy(s);
}
END_TEST

START_TEST(measurement_readouts_and_rewidth)
{
    xl_session *s = make(16, 0.1, 0, 0);
    xl_session_run(s, 25);
    ck_assert(scenario_apply(s, "select 11"));
    ck_assert(scenario_apply(s, "measure-selected"));
    const xl_diffusion_state *st = state_of(s);
    ck_assert_int_eq(st->meas.cell, 10);
    ck_assert_int_eq(st->meas.t, 25);
    double ci = scenario_readout(s, "ce_initial"), cf = scenario_readout(s, "ce_final");
    ck_assert(isfinite(ci) && isfinite(cf) && cf > ci);
    ck_assert(scenario_readout(s, "p_measure") > 0.0 && scenario_readout(s, "p_measure") < 1.0);
    /* A wider detector learns less: the update moves less, both cross-entropies change. */
    ck_assert(scenario_apply(s, "width-up"));
    ck_assert_double_eq_tol(st->detector, 1.25, 1e-15);
    ck_assert_int_eq(st->meas.t, 25);
    ck_assert(scenario_readout(s, "ce_final") != cf);
    /* Later steps keep the measurement of step 25. */
    xl_session_run(s, 10);
    ck_assert_int_eq(st->meas.t, 25);
    ck_assert_int_eq((long)scenario_readout(s, "t"), 35);
    /* Reset forgets it and starts rho over. */
    ck_assert(scenario_apply(s, "reset"));
    ck_assert_int_eq(st->measured, 0);
    ck_assert_int_eq(st->t, 0);
    for (int x = 0; x < 16; x++) ck_assert(st->c.p[x] == st->rho0[x]);
    xl_session_destroy(s);
}
END_TEST

START_TEST(learning_against_evolution)
{
    xl_session *still = make(16, 0.05, 0, 0), *learner = make(16, 0.05, 0, 1);
    double z0[16];
    memcpy(z0, xl_sim_theta(xl_session_sim(still)), sizeof z0);
    double loss0 = scenario_readout(still, "loss");
    xl_session_run(still, 60);
    xl_session_run(learner, 60);
    /* Without learning Q holds still and evolution raises the cross-entropy. */
    ck_assert(memcmp(xl_sim_theta(xl_session_sim(still)), z0, sizeof z0) == 0);
    ck_assert(scenario_readout(still, "loss") > loss0);
    /* Learning pulls it back down: below the model that held still, with a smaller KL. */
    ck_assert(scenario_readout(learner, "loss") < scenario_readout(still, "loss"));
    ck_assert(scenario_readout(learner, "kl") < scenario_readout(still, "kl"));
    /* The identity holds for both: loss = entropy + kl. */
    ck_assert_double_eq_tol(scenario_readout(learner, "loss"),
                            scenario_readout(learner, "entropy") + scenario_readout(learner, "kl"), 1e-12);
    /* The toggle, and the optimizers where something learns. */
    ck_assert(scenario_apply(still, "learn"));
    ck_assert_int_eq((int)scenario_readout(still, "learning"), 1);
    ck_assert(scenario_apply(still, "optimizer adam"));
    /* A race starts every run from step 0, and the truth with them. */
    ck_assert(scenario_apply(still, "race-toggle"));
    ck_assert_int_eq(state_of(still)->t, 0);
    xl_session_run(still, 5);
    for (int r = 0; r < xl_session_run_count(still); r++)
        ck_assert_int_eq(xl_sim_steps(xl_session_run_sim(still, r)), 5);
    ck_assert_int_eq(state_of(still)->t, 5);
    ck_assert(!scenario_apply(still, "slice-next")); /* no landscape here */
    xl_session_destroy(still);
    xl_session_destroy(learner);
}
END_TEST

START_TEST(presets_and_snapshots)
{
    xl_session *s = make(16, 0.1, 0, 1);
    /* The peak of rho(0), cell 9, is selected first: the reading worth taking. */
    ck_assert_int_eq(xl_session_selected(s), 8);
    ck_assert(scenario_apply(s, "preset uniform"));
    ck_assert_double_eq_tol(scenario_readout(s, "entropy"), log(16.0), 1e-14);
    ck_assert(scenario_apply(s, "preset-next"));
    ck_assert_int_eq(state_of(s)->preset, XL_RING_PEAKED);
    ck_assert(scenario_apply(s, "preset two-peaked"));
    ck_assert(!scenario_apply(s, "preset all-heads"));
    ck_assert_msg(strstr(xl_session_message(s), "two-peaked") != NULL, "%s", xl_session_message(s));
    xl_session_run(s, 20);
    xl_session_snapshot *snap = xl_session_save(s);
    xl_session_run(s, 30);
    double loss = scenario_readout(s, "loss"), h = scenario_readout(s, "entropy");
    ck_assert_int_eq(xl_session_restore(s, snap), 0);
    xl_session_run(s, 30);
    ck_assert(scenario_readout(s, "loss") == loss && scenario_readout(s, "entropy") == h);
    xl_session_snapshot_free(snap);
    /* The largest rate and the smallest ring never give NaN. */
    xl_session *t = make(3, XL_DIFFUSION_RATE_MAX, 0, 1);
    xl_session_run(t, 500);
    double v[XL_READOUTS_MAX];
    xl_session_readouts(t, v);
    for (int i = 0; i < 4; i++) ck_assert(isfinite(v[i]));
    ck_assert(scenario_apply(t, "measure 2"));
    ck_assert(isfinite(scenario_readout(t, "ce_final")));
    xl_session_destroy(t);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("scn_diffusion");
    TCase *tc = tcase_create("ring");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, step_keeps_probability_and_symmetry);
    tcase_add_test(tc, kernel_power_equals_repeated_steps);
    tcase_add_test(tc, entropy_never_decreases_and_tends_to_ln_k);
    tcase_add_test(tc, every_allowed_rate_reaches_heat_death);
    tcase_add_test(tc, bayesian_second_law_on_random_rings);
    tcase_add_test(tc, retrodiction_matches_the_sum_over_paths);
    tcase_add_test(tc, bayes_update_by_hand);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenario");
    tcase_add_test(tc, impossible_reading_is_refused);
    tcase_add_test(tc, measurement_readouts_and_rewidth);
    tcase_add_test(tc, learning_against_evolution);
    tcase_add_test(tc, presets_and_snapshots);
    suite_add_tcase(s, tc);
    return s;
}

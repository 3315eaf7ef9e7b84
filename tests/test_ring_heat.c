/* test_ring_heat: the diffusion ring with energies (issue 22). The Metropolis step is in
 * detailed balance with Boltzmann's pi; M and M^t are stochastic (rows sum to 1, entries
 * >= 0) and M^t by squaring equals t steps; on a flat ring the matrix power equals the
 * circulant kernel and the measurement is the flat one to the bit, with <Q> = 0 exactly;
 * the heat term against a brute sum over every path; the law with heat,
 * H(rho_m(t), rho(t)) - H(rho_m(0), rho(0)) + <Q> >= 0, on 3,000 random rings with random
 * energies, beta, t and likelihoods, and that it fails on some with <Q>'s sign reversed;
 * an uninformative measurement gives the ordinary law with heat; the scenario's energy
 * and beta parameters and verbs, hostile values refused, heat death at H(pi). */
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

/* Random dynamics: k cells, a rate up to the scenario's 0.45, energies in [-3, 3], beta in
 * [0, 8]. */
static xl_ring_dynamics random_dynamics(xl_rng *rng, double *e)
{
    int k = XL_RING_MIN + (int)(xl_rng_uniform(rng) * (XL_RING_MAX - XL_RING_MIN + 1));
    for (int x = 0; x < k; x++)
        e[x] = -3.0 + 6.0 * xl_rng_uniform(rng);
    return (xl_ring_dynamics){k, 0.001 + 0.449 * xl_rng_uniform(rng), e, 8.0 * xl_rng_uniform(rng)};
}

START_TEST(metropolis_is_in_detailed_balance_with_boltzmann)
{
    xl_rng rng = xl_rng_make(22);
    double worst = 0.0;
    for (int trial = 0; trial < 500; trial++) {
        double e[XL_RING_MAX], m[XL_RING_MAX * XL_RING_MAX], pi[XL_RING_MAX];
        xl_ring_dynamics d = random_dynamics(&rng, e);
        const int k = d.k;
        ck_assert(!xl_ring_is_flat(&d) || d.beta == 0.0);
        xl_ring_matrix(&d, m);
        xl_ring_stationary(&d, pi);
        for (int x = 0; x < k; x++) {
            double row = 0.0;
            for (int y = 0; y < k; y++) {
                ck_assert(m[x * k + y] >= 0.0);
                row += m[x * k + y];
                /* pi(x) M(y | x) = pi(y) M(x | y), relative to the larger side. */
                double a = pi[x] * m[x * k + y], b = pi[y] * m[y * k + x];
                double rel = fabs(a - b) / fmax(fmax(a, b), 1e-300);
                if (a != b && rel > worst) worst = rel;
                ck_assert_msg(a == b || rel < 1e-12, "trial %d k %d beta %g: pi(%d) M(%d|%d) = %.17g, pi(%d) M(%d|%d) = "
                              "%.17g", trial, k, d.beta, x, y, x, a, y, x, y, b);
            }
            ck_assert_double_eq_tol(row, 1.0, 1e-15);
            ck_assert(m[x * k + x] >= 1.0 - 2.0 * d.rate - 1e-15); /* aperiodic */
        }
        /* pi is stationary: pi M = pi. */
        for (int y = 0; y < k; y++) {
            double s = 0.0;
            for (int x = 0; x < k; x++) s += pi[x] * m[x * k + y];
            ck_assert_double_eq_tol(s, pi[y], 1e-14);
        }
        /* The one-step function is the matrix applied. */
        double rho[XL_RING_MAX], out[XL_RING_MAX];
        random_dist(&rng, k, trial % 2, rho);
        xl_ring_step_dyn(&d, rho, out);
        for (int y = 0; y < k; y++) {
            double s = 0.0;
            for (int x = 0; x < k; x++) s += rho[x] * m[x * k + y];
            ck_assert_double_eq_tol(out[y], s, 1e-15);
        }
    }
    fprintf(stderr, "detailed balance: largest relative gap %.3g over 500 random rings\n", worst);
    /* By hand: three cells at 0, 1, 2 with beta = ln 2, rate 0.25: uphill by 1 is
     * accepted with 1/2, by 2 with 1/4. */
    double e[3] = {0.0, 1.0, 2.0}, m[9];
    xl_ring_dynamics d = {3, 0.25, e, log(2.0)};
    xl_ring_matrix(&d, m);
    ck_assert_double_eq_tol(m[0 * 3 + 1], 0.125, 1e-16);
    ck_assert_double_eq_tol(m[0 * 3 + 2], 0.0625, 1e-16);
    ck_assert_double_eq_tol(m[0 * 3 + 0], 1.0 - 0.1875, 1e-16);
    ck_assert_double_eq_tol(m[2 * 3 + 1], 0.25, 1e-16);
    ck_assert_double_eq_tol(m[2 * 3 + 0], 0.25, 1e-16);
    ck_assert_double_eq_tol(m[2 * 3 + 2], 0.5, 1e-16);
    double pi[3];
    xl_ring_stationary(&d, pi);
    ck_assert_double_eq_tol(pi[0], 4.0 / 7.0, 1e-15);
    ck_assert_double_eq_tol(pi[2], 1.0 / 7.0, 1e-15);
}
END_TEST

START_TEST(matrix_power_is_stochastic_and_equals_repeated_steps)
{
    xl_rng rng = xl_rng_make(23);
    for (int trial = 0; trial < 60; trial++) {
        double e[XL_RING_MAX], m[XL_RING_MAX * XL_RING_MAX], mt[XL_RING_MAX * XL_RING_MAX];
        xl_ring_dynamics d = random_dynamics(&rng, e);
        const int k = d.k;
        double rho0[XL_RING_MAX], rho[XL_RING_MAX], next[XL_RING_MAX];
        random_dist(&rng, k, 1, rho0);
        memcpy(rho, rho0, sizeof rho);
        xl_ring_matrix(&d, m);
        for (long t = 0; t <= 40; t++) {
            xl_ring_matrix_power(m, k, t, mt);
            for (int y = 0; y < k; y++) {
                double s = 0.0;
                for (int x = 0; x < k; x++) s += rho0[x] * mt[x * k + y];
                ck_assert_msg(fabs(s - rho[y]) < 1e-13, "trial %d t %ld y %d: %.17g vs %.17g", trial, t, y, s, rho[y]);
            }
            xl_ring_step_dyn(&d, rho, next);
            memcpy(rho, next, sizeof rho);
        }
        /* Far powers: still stochastic, rows at pi (every row forgets where it began). */
        const long far[] = {1000, 123457, 100000000L};
        double pi[XL_RING_MAX];
        xl_ring_stationary(&d, pi);
        for (int f = 0; f < 3; f++) {
            xl_ring_transition(&d, far[f], mt);
            for (int x = 0; x < k; x++) {
                double row = 0.0;
                for (int y = 0; y < k; y++) {
                    ck_assert(mt[x * k + y] >= 0.0);
                    row += mt[x * k + y];
                }
                ck_assert_msg(fabs(row - 1.0) < 1e-12, "trial %d t %ld row %d sums to %.17g", trial, far[f], x, row);
            }
            if (far[f] == 100000000L && d.rate > 0.01 && d.beta < 2.0) /* mixed by then */
                for (int y = 0; y < k; y++) ck_assert_double_eq_tol(mt[y], pi[y], 1e-9);
        }
    }
}
END_TEST

START_TEST(flat_ring_takes_the_circulant_path)
{
    const int ks[] = {3, 4, 7, 16, 32};
    const double rates[] = {0.001, 0.1, 0.37, 0.45};
    for (size_t a = 0; a < 5; a++)
        for (size_t b = 0; b < 4; b++) {
            const int k = ks[a];
            double c[XL_RING_MAX], m[XL_RING_MAX * XL_RING_MAX], mt[XL_RING_MAX * XL_RING_MAX];
            const xl_ring_dynamics flat = {k, rates[b], NULL, 0.0};
            xl_ring_matrix(&flat, m);
            for (long t = 0; t <= 300; t += 23) {
                /* The general power of the symmetric matrix equals the circulant kernel. */
                xl_ring_kernel(k, rates[b], t, c);
                xl_ring_matrix_power(m, k, t, mt);
                for (int x = 0; x < k; x++)
                    for (int y = 0; y < k; y++)
                        ck_assert_msg(fabs(mt[x * k + y] - c[(y - x + k) % k]) < 1e-13, "k %d rate %g t %ld: %.17g vs "
                                      "%.17g", k, rates[b], t, mt[x * k + y], c[(y - x + k) % k]);
            }
        }
    /* Equal energies, or beta 0, are flat: the measurement is the flat one to the bit and
     * <Q> is 0 exactly. */
    xl_rng rng = xl_rng_make(24);
    for (int trial = 0; trial < 400; trial++) {
        double e[XL_RING_MAX], rho0[XL_RING_MAX];
        xl_ring_dynamics d = random_dynamics(&rng, e);
        random_dist(&rng, d.k, trial % 3 == 0, rho0);
        if (trial % 2)
            for (int x = 0; x < d.k; x++) e[x] = e[0];
        else
            d.beta = 0.0;
        ck_assert(xl_ring_is_flat(&d));
        long t = (long)(xl_rng_uniform(&rng) * 200);
        int m = (int)(xl_rng_uniform(&rng) * d.k);
        double width = 0.05 * pow(320.0, xl_rng_uniform(&rng));
        xl_ring_measurement a, b;
        int ra = xl_ring_measure(rho0, d.k, d.rate, t, m, width, &a);
        int rb = xl_ring_measure_dyn(&d, rho0, t, m, width, &b);
        ck_assert_int_eq(ra, rb);
        if (ra != 0) continue;
        ck_assert(memcmp(&a, &b, sizeof a) == 0);
        ck_assert(b.heat == 0.0);
        ck_assert(b.law == b.ce_final - b.ce_initial);
        double step_a[XL_RING_MAX], step_b[XL_RING_MAX];
        xl_ring_step(rho0, d.k, d.rate, step_a);
        xl_ring_step_dyn(&d, rho0, step_b);
        ck_assert(memcmp(step_a, step_b, (size_t)d.k * sizeof(double)) == 0);
    }
}
END_TEST

/* Brute force over every path x0 -> ... -> xt of Metropolis steps: the updated path
 * weight rho0(x0) prod M P(m | xt) / P(m), its start's marginal and its heat. */
static void brute(const xl_ring_dynamics *d, const double *rho0, int t, const double *like, double *upd_i,
                  double *heat)
{
    const int k = d->k;
    double m[XL_RING_MAX * XL_RING_MAX];
    xl_ring_matrix(d, m);
    memset(upd_i, 0, (size_t)k * sizeof(double));
    long paths = 1;
    for (int i = 0; i < t; i++) paths *= 3;
    double total = 0.0, q = 0.0;
    for (int x0 = 0; x0 < k; x0++)
        for (long code = 0; code < paths; code++) {
            long c = code;
            int x = x0;
            double w = rho0[x0];
            for (int i = 0; i < t; i++) {
                int move = (int)(c % 3);
                c /= 3;
                int y = move == 0 ? x : move == 1 ? (x + k - 1) % k : (x + 1) % k;
                w *= m[x * k + y];
                x = y;
            }
            w *= like[x];
            upd_i[x0] += w;
            total += w;
            q += w * d->beta * (d->e[x0] - d->e[x]);
        }
    for (int x = 0; x < k; x++) upd_i[x] /= total;
    *heat = q / total;
}

START_TEST(heat_and_retrodiction_match_the_sum_over_paths)
{
    xl_rng rng = xl_rng_make(25);
    for (int k = 3; k <= 5; k++)
        for (int t = 0; t <= 6; t++)
            for (int trial = 0; trial < 4; trial++) {
                double e[8], rho0[8], like[8], want[8], heat;
                for (int x = 0; x < k; x++) {
                    e[x] = 2.0 * xl_rng_uniform(&rng);
                    like[x] = xl_rng_uniform(&rng);
                }
                xl_ring_dynamics d = {k, 0.05 + 0.4 * xl_rng_uniform(&rng), e, 3.0 * xl_rng_uniform(&rng)};
                random_dist(&rng, k, trial % 2, rho0);
                xl_ring_measurement out;
                ck_assert_int_eq(xl_ring_measure_like(&d, rho0, t, like, &out), 0);
                brute(&d, rho0, t, like, want, &heat);
                for (int x = 0; x < k; x++)
                    ck_assert_msg(fabs(out.upd_i[x] - want[x]) < 1e-13, "k %d t %d x %d: %.17g vs %.17g", k, t, x,
                                  out.upd_i[x], want[x]);
                ck_assert_msg(fabs(out.heat - heat) < 1e-13, "k %d t %d: <Q> %.17g vs %.17g over the paths", k, t,
                              out.heat, heat);
                if (t == 0) ck_assert(out.heat == 0.0); /* no path moved */
            }
}
END_TEST

START_TEST(law_with_heat_on_random_rings)
{
    xl_rng rng = xl_rng_make(3000);
    int checked = 0, reversed_fails = 0, heat_flows = 0;
    double smallest = INFINITY, smallest_reversed = INFINITY;
    for (int trial = 0; trial < 3000; trial++) {
        /* As the seeds README's check: K = 3..16, t = 1..30, random energies, beta and
         * likelihoods (P(m | x) any numbers in [0, 1], some 0). */
        int k = 3 + (int)(xl_rng_uniform(&rng) * 14);
        double e[XL_RING_MAX], rho0[XL_RING_MAX], like[XL_RING_MAX];
        for (int x = 0; x < k; x++) {
            e[x] = 3.0 * xl_rng_uniform(&rng);
            like[x] = xl_rng_uniform(&rng) < 0.2 ? 0.0 : xl_rng_uniform(&rng);
        }
        like[(int)(xl_rng_uniform(&rng) * k)] = 1.0;
        random_dist(&rng, k, trial % 3 == 0, rho0);
        xl_ring_dynamics d = {k, 0.01 + 0.44 * xl_rng_uniform(&rng), e, 0.1 + 3.9 * xl_rng_uniform(&rng)};
        long t = 1 + (long)(xl_rng_uniform(&rng) * 30);
        xl_ring_measurement out;
        if (xl_ring_measure_like(&d, rho0, t, like, &out) != 0) continue;
        checked++;
        ck_assert(isfinite(out.ce_initial) && isfinite(out.ce_final) && isfinite(out.heat));
        ck_assert(out.law == out.ce_final - out.ce_initial + out.heat);
        ck_assert_msg(out.law >= -1e-12, "trial %d (k %d, beta %g, t %ld): %.17g - %.17g + %.17g < 0", trial, k, d.beta,
                      t, out.ce_final, out.ce_initial, out.heat);
        if (out.law < smallest) smallest = out.law;
        if (out.heat != 0.0) heat_flows++;
        double reversed = out.ce_final - out.ce_initial - out.heat;
        if (reversed < smallest_reversed) smallest_reversed = reversed;
        if (reversed < -1e-9) reversed_fails++;
    }
    fprintf(stderr, "law with heat: %d random rings, smallest left side %+.6f; with -<Q> it fails on %d (down to %+.4f)\n",
            checked, smallest, reversed_fails, smallest_reversed);
    ck_assert_int_ge(checked, 2900);
    ck_assert_int_eq(heat_flows, checked);
    ck_assert_msg(reversed_fails > 0, "the opposite sign of <Q> never failed: the test cannot tell the signs apart");
    ck_assert(smallest >= -1e-12 && smallest < 0.05);
}
END_TEST

START_TEST(uninformative_measurement_is_the_second_law_with_heat)
{
    /* P(m | x) constant: rho_m = rho at both ends, and the law is H(rho(t)) - H(rho(0)) +
     * beta (<E>_0 - <E>_t) >= 0, which equals D(rho(0) || pi) - D(rho(t) || pi). */
    xl_rng rng = xl_rng_make(26);
    for (int trial = 0; trial < 300; trial++) {
        double e[XL_RING_MAX], rho0[XL_RING_MAX], like[XL_RING_MAX], pi[XL_RING_MAX];
        xl_ring_dynamics d = random_dynamics(&rng, e);
        const int k = d.k;
        random_dist(&rng, k, trial % 2, rho0);
        for (int x = 0; x < k; x++) like[x] = 0.3;
        long t = (long)(xl_rng_uniform(&rng) * 100);
        xl_ring_measurement out;
        ck_assert_int_eq(xl_ring_measure_like(&d, rho0, t, like, &out), 0);
        ck_assert_double_eq_tol(out.p_m, 0.3, 1e-14);
        for (int x = 0; x < k; x++) {
            ck_assert_double_eq_tol(out.upd_i[x], rho0[x], 1e-13);
            ck_assert_double_eq_tol(out.upd_f[x], out.rho_f[x], 1e-13);
        }
        ck_assert_double_eq_tol(out.ce_initial, xl_entropy(rho0, k, XL_NATS), 1e-12);
        ck_assert_double_eq_tol(out.ce_final, xl_entropy(out.rho_f, k, XL_NATS), 1e-12);
        double e0 = 0.0, et = 0.0;
        for (int x = 0; x < k; x++) {
            e0 += rho0[x] * e[x];
            et += out.rho_f[x] * e[x];
        }
        ck_assert_double_eq_tol(out.heat, d.beta * (e0 - et), 1e-11);
        xl_ring_stationary(&d, pi);
        double drop = xl_kl(rho0, pi, k, XL_NATS) - xl_kl(out.rho_f, pi, k, XL_NATS);
        ck_assert_msg(fabs(out.law - drop) < 1e-10, "trial %d: law %.17g, free-energy drop %.17g", trial, out.law, drop);
        ck_assert(out.law >= -1e-12);
    }
}
END_TEST

static xl_session *make(double energy, double beta, double start)
{
    static const char *const names[] = {"energy", "beta", "start"};
    const double values[] = {energy, beta, start};
    return scenario_session(&xl_scenario_diffusion, 0, names, values, 3);
}

START_TEST(scenario_flat_ring_has_no_heat)
{
    xl_session *s = make(0, 1, 0);
    ck_assert(isnan(scenario_readout(s, "heat")));
    xl_session_run(s, 20);
    ck_assert(scenario_apply(s, "measure 13"));
    ck_assert(scenario_readout(s, "heat") == 0.0);
    ck_assert(scenario_readout(s, "entropy_max") == log(16.0)); /* the flat ring's, to the bit */
    const char *label = NULL;
    double nats = 0.0;
    ck_assert(xl_scenario_diffusion.ceiling(xl_session_state(s), &nats, &label));
    ck_assert(nats == log(16.0) && strcmp(label, "ln K: heat death") == 0);
    xl_session_destroy(s);
}
END_TEST

START_TEST(scenario_with_energies)
{
    /* The well, beta 2, from the uniform start: rho slides into the well, H(rho) falls,
     * and a reading at the well's bottom at step 40 lowers the cross-entropy, paid for by
     * the heat released (lesson 10's page with heat). */
    xl_session *s = make(XL_RING_WELL, 2, XL_RING_UNIFORM);
    const xl_diffusion_state *st = xl_session_state(s);
    ck_assert_double_eq_tol(st->e[0], 0.0, 1e-15);
    ck_assert_double_eq_tol(st->e[8], 2.0, 1e-15);
    double h0 = scenario_readout(s, "entropy");
    xl_session_run(s, 40);
    ck_assert(scenario_readout(s, "entropy") < h0);
    ck_assert(scenario_apply(s, "measure 1"));
    double ci = scenario_readout(s, "ce_initial"), cf = scenario_readout(s, "ce_final"), q = scenario_readout(s, "heat");
    ck_assert_double_eq_tol(ci, log(16.0), 1e-12);
    ck_assert(cf < ci && q > ci - cf);
    ck_assert_double_eq_tol(q, 1.0357, 1e-4);
    ck_assert_double_eq_tol(cf, 2.1733, 1e-4);
    /* Heat death at Boltzmann's pi, below ln K, and the ceiling says so. */
    double pi[XL_RING_MAX];
    xl_ring_dynamics d = xl_diffusion_dynamics(st);
    xl_ring_stationary(&d, pi);
    double hpi = xl_entropy(pi, 16, XL_NATS);
    ck_assert(hpi < log(16.0) - 0.1);
    ck_assert_double_eq_tol(scenario_readout(s, "entropy_max"), hpi, 1e-15);
    const char *label = NULL;
    double nats = 0.0;
    ck_assert(xl_scenario_diffusion.ceiling(st, &nats, &label));
    ck_assert(nats == hpi && strcmp(label, "H(π): heat death") == 0);
    xl_session_run(s, 4000);
    ck_assert_double_eq_tol(scenario_readout(s, "entropy"), hpi, 1e-9);
    /* Snapshots keep the energies' run exact. */
    xl_session_snapshot *snap = xl_session_save(s);
    xl_session_run(s, 30);
    double h = scenario_readout(s, "entropy"), loss = scenario_readout(s, "loss");
    ck_assert_int_eq(xl_session_restore(s, snap), 0);
    xl_session_run(s, 30);
    ck_assert(scenario_readout(s, "entropy") == h && scenario_readout(s, "loss") == loss);
    xl_session_snapshot_free(snap);
    xl_session_destroy(s);
}
END_TEST

START_TEST(scenario_verbs_and_hostile_values)
{
    xl_session *s = make(0, 1, 0);
    const xl_diffusion_state *st = xl_session_state(s);
    xl_session_run(s, 10);
    ck_assert(scenario_apply(s, "measure 9"));
    /* A new landscape starts over from step 0 and forgets the measurement. */
    ck_assert(scenario_apply(s, "energy well"));
    ck_assert_int_eq(st->energy, XL_RING_WELL);
    ck_assert_int_eq(st->t, 0);
    ck_assert_int_eq(st->measured, 0);
    ck_assert(scenario_apply(s, "energy-next"));
    ck_assert_int_eq(st->energy, XL_RING_TWO_WELLS);
    ck_assert(scenario_apply(s, "energy-next"));
    ck_assert(scenario_apply(s, "energy-next"));
    ck_assert_int_eq(st->energy, XL_RING_FLAT);
    ck_assert(!scenario_apply(s, "energy hill"));
    ck_assert_msg(strstr(xl_session_message(s), "two-wells") != NULL, "%s", xl_session_message(s));
    ck_assert_int_eq(st->energy, XL_RING_FLAT);
    /* beta in quarters, within 0 to 8. */
    ck_assert(scenario_apply(s, "colder"));
    ck_assert(st->beta == 1.25);
    for (int i = 0; i < 40; i++) scenario_apply(s, "colder");
    ck_assert(st->beta == XL_DIFFUSION_BETA_MAX);
    ck_assert(!scenario_apply(s, "colder"));
    for (int i = 0; i < 40; i++) scenario_apply(s, "hotter");
    ck_assert(st->beta == 0.0);
    ck_assert(!scenario_apply(s, "hotter"));
    ck_assert_msg(strstr(xl_session_message(s), "β") != NULL, "%s", xl_session_message(s));
    xl_session_destroy(s);
    /* Values outside the ranges are refused at creation. */
    const struct {
        const char *name;
        double v;
    } bad[] = {{"energy", 4}, {"energy", -1}, {"energy", 1.5}, {"energy", NAN}, {"energy", INFINITY},
               {"beta", -0.25}, {"beta", 8.5}, {"beta", NAN}, {"beta", INFINITY}, {"beta", -INFINITY},
               {"beta", 1e308}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        xl_session_desc d;
        xl_session_desc_default(&d, 0);
        xl_session_desc_set_scenario(&d, &xl_scenario_diffusion);
        d.params[xl_scenario_param_index(&xl_scenario_diffusion, bad[i].name)] = bad[i].v;
        char err[192] = "";
        xl_session *t = xl_session_create_checked(&d, err, sizeof err);
        ck_assert_msg(t == NULL, "%s = %g accepted", bad[i].name, bad[i].v);
        ck_assert_msg(strstr(err, bad[i].name) != NULL, "err '%s'", err);
    }
    /* The extremes work and stay finite: beta 8 on every landscape, the smallest ring, the
     * fastest rate, a long run and a razor detector. */
    for (int energy = 0; energy < XL_RING_ENERGIES; energy++) {
        static const char *const names[] = {"energy", "beta", "k", "rate"};
        const double values[] = {energy, XL_DIFFUSION_BETA_MAX, 3, XL_DIFFUSION_RATE_MAX};
        xl_session *t = scenario_session(&xl_scenario_diffusion, 0, names, values, 4);
        xl_session_run(t, 2000);
        for (int c = 1; c <= 3; c++) {
            char cmd[32];
            snprintf(cmd, sizeof cmd, "measure %d", c);
            ck_assert(scenario_apply(t, cmd));
            ck_assert(isfinite(scenario_readout(t, "heat")) && isfinite(scenario_readout(t, "ce_final")));
            ck_assert(scenario_readout(t, "ce_final") - scenario_readout(t, "ce_initial") +
                      scenario_readout(t, "heat") >= -1e-12);
        }
        double v[XL_READOUTS_MAX];
        xl_session_readouts(t, v);
        for (int i = 0; i < xl_scenario_diffusion.readout_count; i++) ck_assert(isfinite(v[i]));
        xl_session_destroy(t);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("ring_heat");
    TCase *tc = tcase_create("ring");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, metropolis_is_in_detailed_balance_with_boltzmann);
    tcase_add_test(tc, matrix_power_is_stochastic_and_equals_repeated_steps);
    tcase_add_test(tc, flat_ring_takes_the_circulant_path);
    tcase_add_test(tc, heat_and_retrodiction_match_the_sum_over_paths);
    tcase_add_test(tc, law_with_heat_on_random_rings);
    tcase_add_test(tc, uninformative_measurement_is_the_second_law_with_heat);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenario");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, scenario_flat_ring_has_no_heat);
    tcase_add_test(tc, scenario_with_energies);
    tcase_add_test(tc, scenario_verbs_and_hostile_values);
    suite_add_tcase(s, tc);
    return s;
}

/* test_solids: two Einstein solids (issue 22). The counting: ln W against a long-double
 * sum of logs for n up to 10^6 and q up to 10^7, entropy changes against the same,
 * Vandermonde's sum over q_A exactly for small sizes and by log-sum-exp for large ones,
 * the temperature against a finite difference, the mode by brute force and the
 * temperatures meeting there. The dynamics: the time spent at each q_A against
 * W_A W_B / Omega (oscillators and the q_A chain), the equilibrium q_A / q -> n_A / N
 * for large solids, heat from hot to cold, Clausius's inequality in every window of a
 * large hot start (and the inequality with the receiver's own T failing in every one),
 * backwards windows on small solids and none on large ones, runs repeated bit for bit,
 * snapshots, reset and the state text replaying exactly; the verbs and their refusals. */
#include "check_main.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_command.h"
#include "xl_scn_solids.h"
#include "xl_session.h"
#include "xl_solids.h"
#include "xl_state_text.h"

#include "scenario_fixture.h"

static xl_session *make(long n_a, long n_b, long q, double hot, long exchanges, long window, uint64_t seed)
{
    static const char *const names[] = {"n_a", "n_b", "q", "hot", "exchanges", "window"};
    const double values[] = {(double)n_a, (double)n_b, (double)q, hot, (double)exchanges, (double)window};
    return scenario_session(&xl_scenario_solids, seed, names, values, 6);
}

static const xl_solids_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

/* ln C(q + n - 1, q) as a long-double sum of logs: prod_{j=1..k} (m + j) / j. */
static long double ways_sum(long n, long q)
{
    const long k = q < n - 1 ? q : n - 1, m = q < n - 1 ? n - 1 : q;
    long double sum = 0.0L;
    for (long j = 1; j <= k; j++)
        sum += logl((long double)(m + j) / (long double)j);
    return sum;
}

/* ln W(q + d) - ln W(q) as a long-double sum over the units moved. */
static long double change_sum(long n, long q, long d)
{
    long double sum = 0.0L;
    const long from = d > 0 ? q : q + d, count = d > 0 ? d : -d;
    for (long j = from; j < from + count; j++)
        sum += logl((long double)(j + n) / (long double)(j + 1));
    return d > 0 ? sum : -sum;
}

/* C(a, b) exactly, for small a. */
static uint64_t binom(long a, long b)
{
    if (b < 0 || b > a) return 0;
    uint64_t r = 1;
    for (long j = 1; j <= b; j++) r = r * (uint64_t)(a - b + j) / (uint64_t)j;
    return r;
}

START_TEST(log_ways_against_a_sum_of_logs)
{
    ck_assert(xl_solids_log_ways(300, 0) == 0.0 && xl_solids_log_ways(1, 50) == 0.0);
    ck_assert(xl_solids_log_ways(300, 1) == log(300.0));
    /* Three oscillators, two units: C(4, 2) = 6 microstates. */
    ck_assert_double_eq_tol(xl_solids_log_ways(3, 2), log(6.0), 1e-15);
    /* Schroeder's N = 300, q = 100: C(399, 100), ln = 221.5678 (the trace's s_a). */
    ck_assert_double_eq_tol(xl_solids_log_ways(300, 100), 221.56779041015801, 1e-10);
    const long ns[] = {2, 3, 17, 300, 65536, 1000000};
    const long qs[] = {0, 1, 2, 50, 4097, 100000, 10000000};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof qs / sizeof qs[0]; b++) {
            const long n = ns[a], q = qs[b];
            const long double want = ways_sum(n, q);
            const double got = xl_solids_log_ways(n, q);
            ck_assert_msg(fabsl((long double)got - want) <= 1e-11L * fmaxl(1.0L, want),
                          "ln W(n = %ld, q = %ld) = %.17g, sum of logs %.17Lg", n, q, got, want);
        }
}
END_TEST

START_TEST(entropy_changes_against_a_sum_of_logs)
{
    const long ns[] = {2, 5, 300, 5000, 1000000};
    const long qs[] = {0, 3, 1000, 1000000, 9000000};
    const long ds[] = {1, -1, 7, -50, 300, -5000, 70000, -900000};
    int checked = 0;
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof qs / sizeof qs[0]; b++)
            for (size_t c = 0; c < sizeof ds / sizeof ds[0]; c++) {
                const long n = ns[a], q = qs[b], d = ds[c];
                if (q + d < 0) continue;
                const long double want = change_sum(n, q, d);
                const double got = xl_solids_log_ways_change(n, q, d);
                ck_assert_msg(fabsl((long double)got - want) <= 1e-11L * fmaxl(1e-3L, fabsl(want)),
                              "dS(n = %ld, q = %ld, d = %ld) = %.17g, sum %.17Lg", n, q, d, got, want);
                checked++;
            }
    ck_assert_int_gt(checked, 150);
    /* It is the difference of ln W where that is exact, and 0 for no move. */
    for (long q = 0; q < 40; q++)
        for (long d = -q; d < 40; d++)
            ck_assert_double_eq_tol(xl_solids_log_ways_change(7, q, d),
                                    xl_solids_log_ways(7, q + d) - xl_solids_log_ways(7, q), 1e-12);
    ck_assert(xl_solids_log_ways_change(1000000, 5000000, 0) == 0.0);
    /* lgamma changes without cancellation: ln Gamma(1e7 + 100) - ln Gamma(1e7) = sum of ln(1e7 + i). */
    long double lg = 0.0L;
    for (int i = 0; i < 100; i++) lg += logl(1e7L + i);
    ck_assert_double_eq_tol(xl_solids_log_gamma_change(1e7, 1e7 + 100.0), (double)lg, 1e-9);
    ck_assert_double_eq_tol(xl_solids_log_gamma_change(1e7 + 100.0, 1e7), -(double)lg, 1e-9);
    ck_assert_double_eq_tol(xl_solids_log_gamma_change(3.0, 200.0), lgamma(200.0) - lgamma(3.0), 1e-10);
}
END_TEST

START_TEST(vandermonde_sum_over_q_a)
{
    /* sum_{q_a} W_A(q_a) W_B(q - q_a) = C(q + n_a + n_b - 1, q), in whole numbers. */
    for (long n_a = 2; n_a <= 8; n_a++)
        for (long n_b = 2; n_b <= 8; n_b++)
            for (long q = 0; q <= 30; q++) {
                uint64_t sum = 0;
                for (long x = 0; x <= q; x++) sum += binom(x + n_a - 1, x) * binom(q - x + n_b - 1, q - x);
                ck_assert_uint_eq(sum, binom(q + n_a + n_b - 1, q));
                /* ... and by log-sum-exp of S(q_a) = ln W_A + ln W_B. */
                double top = -INFINITY;
                for (long x = 0; x <= q; x++)
                    top = fmax(top, xl_solids_log_ways(n_a, x) + xl_solids_log_ways(n_b, q - x));
                double acc = 0.0;
                for (long x = 0; x <= q; x++)
                    acc += exp(xl_solids_log_ways(n_a, x) + xl_solids_log_ways(n_b, q - x) - top);
                ck_assert_double_eq_tol(top + log(acc), xl_solids_log_omega(n_a, n_b, q), 1e-12);
                ck_assert_double_eq_tol(xl_solids_log_omega(n_a, n_b, q), log((double)binom(q + n_a + n_b - 1, q)),
                                        1e-12);
            }
    /* The normalised sum the bars use: ln P(q_a*) = S(q_a*) - ln Omega at every size. */
    const long sizes[][3] = {{3, 2, 6}, {300, 200, 100}, {2, 2, 10000000}, {40000, 30000, 63},
                             {600000, 400000, 1000000}, {1000000, 500000, 10000000}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const long n_a = sizes[i][0], n_b = sizes[i][1], q = sizes[i][2];
        long edge[65];
        double mass[64];
        const long w = (q + 1 + 63) / 64;
        const int bins = (int)((q + 1 + w - 1) / w);
        for (int k = 0; k <= bins; k++) edge[k] = k < bins ? k * w : q + 1;
        const double log_p = xl_solids_bin_mass(n_a, n_b, q, edge, bins, mass);
        const long m = xl_solids_likely(n_a, n_b, q);
        const double s = xl_solids_log_ways(n_a, m) + xl_solids_log_ways(n_b, q - m);
        const double omega = (double)ways_sum(n_a + n_b, q);
        ck_assert_msg(fabs((s - log_p) - omega) <= 1e-12 * omega + 1e-12, "%ld, %ld, %ld: S* - ln P* = %.17g, ln Omega %.17g",
                      n_a, n_b, q, s - log_p, omega);
        double total = 0.0;
        for (int k = 0; k < bins; k++) {
            ck_assert(mass[k] >= 0.0 && isfinite(mass[k]));
            total += mass[k];
        }
        ck_assert_double_eq_tol(total, 1.0, 1e-12);
    }
}
END_TEST

START_TEST(temperature_is_the_finite_difference)
{
    ck_assert(xl_solids_temperature(300, 0) == 0.0);
    ck_assert(isinf(xl_solids_beta(300, 0)));
    /* One unit in n oscillators: 1/T = ln n. */
    ck_assert_double_eq_tol(xl_solids_beta(300, 1), log(300.0), 1e-15);
    /* Schroeder's A: N = 300, q = 100: 1/T = ln(399/100) = 1.3838, T = 0.72265. */
    ck_assert_double_eq_tol(xl_solids_temperature(300, 100), 1.0 / log(3.99), 1e-14);
    const long ns[] = {2, 10, 300, 65536, 1000000};
    const long qs[] = {1, 2, 99, 5000, 1000000, 10000000};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof qs / sizeof qs[0]; b++) {
            const long n = ns[a], q = qs[b];
            /* S(q) - S(q - 1) from two sums of logs where they are short, else the one ratio. */
            const long k = q < n - 1 ? q : n - 1;
            const long double fd = k <= 100000 ? ways_sum(n, q) - ways_sum(n, q - 1) : change_sum(n, q - 1, 1);
            const double beta = xl_solids_beta(n, q);
            ck_assert_msg(fabsl((long double)beta - fd) <= 1e-9L * fabsl(fd) + 1e-9L, "n %ld q %ld: %.17g vs %.17Lg", n,
                          q, beta, fd);
            ck_assert(isfinite(xl_solids_temperature(n, q)) && xl_solids_temperature(n, q) > 0.0);
            /* Stirling's ln(1 + n/q) is the same to within 1/q. */
            ck_assert(fabs(beta - log1p((double)n / (double)q)) <= 1.0 / (double)q);
        }
    /* q >> n: T near the energy per oscillator, q/(n - 1) + 1/2. */
    ck_assert_double_eq_tol(xl_solids_temperature(11, 10000000), 1e6 + 0.5, 1e-3);
    /* T rises with q: S is concave. */
    for (long q = 1; q < 200; q++) ck_assert(xl_solids_temperature(30, q + 1) > xl_solids_temperature(30, q));
}
END_TEST

START_TEST(the_mode_and_the_temperatures_meeting)
{
    for (long n_a = 2; n_a <= 9; n_a++)
        for (long n_b = 2; n_b <= 9; n_b++)
            for (long q = 0; q <= 30; q++) {
                long best = 0;
                uint64_t top = 0;
                for (long x = 0; x <= q; x++) {
                    uint64_t w = binom(x + n_a - 1, x) * binom(q - x + n_b - 1, q - x);
                    if (w > top) top = w, best = x;
                }
                ck_assert_int_eq(xl_solids_likely(n_a, n_b, q), best);
            }
    /* Schroeder's pair: the most probable q_A is 60 = 100 * 300 / 500. */
    ck_assert_int_eq(xl_solids_likely(300, 200, 100), 60);
    /* Where W_A W_B is largest the temperatures meet, within one unit: T_A(q*) <=
     * T_B(q_B* + 1) and T_A(q* + 1) >= T_B(q_B*). */
    const long sizes[][3] = {{300, 200, 100}, {3, 7, 40}, {1000000, 2, 10000000}, {600000, 400000, 1000000}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const long n_a = sizes[i][0], n_b = sizes[i][1], q = sizes[i][2];
        const long m = xl_solids_likely(n_a, n_b, q);
        ck_assert(m > 0 && m < q);
        ck_assert(xl_solids_temperature(n_a, m) <= xl_solids_temperature(n_b, q - m + 1));
        ck_assert(xl_solids_temperature(n_a, m + 1) >= xl_solids_temperature(n_b, q - m));
    }
    ck_assert_int_eq(xl_solids_likely(600000, 400000, 1000000), 600000);
}
END_TEST

/* The q_A chain alone on small solids: its long-run histogram is W_A W_B / Omega. */
START_TEST(the_chain_histogram_is_w_a_w_b)
{
    const long n_a = 3, n_b = 2, q = 6;
    xl_rng rng = xl_rng_make(7);
    long visits[7] = {0}, q_a = q;
    const long steps = 2000000;
    for (long i = 0; i < steps; i++) {
        q_a = xl_solids_chain_step(n_a, n_b, q, q_a, xl_rng_uniform(&rng));
        ck_assert(q_a >= 0 && q_a <= q);
        visits[q_a]++;
    }
    const double omega = (double)binom(q + n_a + n_b - 1, q); /* C(10, 6) = 210 */
    ck_assert_double_eq(omega, 210.0);
    for (long x = 0; x <= q; x++) {
        const double p = (double)(binom(x + n_a - 1, x) * binom(q - x + n_b - 1, q - x)) / omega;
        const double share = (double)visits[x] / (double)steps;
        ck_assert_msg(fabs(share - p) < 0.005, "q_a = %ld: time %.5f, W_A W_B / Omega %.5f", x, share, p);
    }
}
END_TEST

/* The oscillators on small solids: the share of steps at each q_A approaches W_A W_B /
 * Omega, and the bars say so. */
START_TEST(the_oscillator_histogram_is_w_a_w_b)
{
    xl_session *s = make(3, 2, 6, 1.0, 10, 100, 3);
    const xl_solids_state *st = state_of(s);
    ck_assert_int_eq(st->mode, XL_SOLIDS_OSCILLATORS);
    ck_assert_int_eq(st->bins, 7);
    xl_session_run(s, 200000);
    ck_assert_int_eq(st->visits_total, 200001);
    for (int k = 0; k <= 6; k++) {
        const double share = (double)st->visits[k] / (double)st->visits_total;
        ck_assert_msg(fabs(share - st->mass[k]) < 0.005, "q_a = %d: time %g, W_A W_B / Omega %g", k, share,
                      st->mass[k]);
    }
    ck_assert_double_eq_tol(st->mass[6], 28.0 / 210.0, 1e-15); /* W_A(6) W_B(0) = C(8, 6) = 28 */
    /* The energies add up to q_A and q_B. */
    long sum_a = 0, sum_b = 0;
    for (long i = 0; i < st->n_a; i++) sum_a += st->energy[i];
    for (long i = st->n_a; i < st->n_a + st->n_b; i++) sum_b += st->energy[i];
    ck_assert_int_eq(sum_a, st->q_a);
    ck_assert_int_eq(sum_b, st->q - st->q_a);
    xl_bars bars;
    xl_session_bars(s, &bars);
    ck_assert_int_eq(bars.n, 7);
    ck_assert_int_eq(bars.selected, st->q_a);
    ck_assert_str_eq(bars.names[6], "6");
    ck_assert_int_eq(bars.edit, XL_BARS_FIXED);
    xl_session_destroy(s);
}
END_TEST

/* The starting microstate is uniform over the macrostate's W: 2 oscillators, 3 units,
 * W = 4 ways (3+0, 2+1, 1+2, 0+3) drawn equally often over seeds (500 each, sd 19). */
START_TEST(the_start_is_a_uniform_microstate)
{
    long count[4] = {0};
    static xl_solids_state st;
    const double values[] = {2, 2, 3, 1.0, 1, 100};
    char err[128];
    for (uint64_t seed = 1; seed <= 2000; seed++) {
        ck_assert_int_eq(xl_scenario_solids.init(&st, values, seed, err, sizeof err), 0);
        ck_assert_int_eq(st.q_a, 3);
        ck_assert_int_eq(st.energy[0] + st.energy[1], 3);
        ck_assert_int_eq(st.energy[2] + st.energy[3], 0);
        count[st.energy[0]]++;
    }
    for (int k = 0; k < 4; k++) ck_assert_msg(labs(count[k] - 500) < 80, "e0 = %d: %ld of 2000", k, count[k]);
}
END_TEST

START_TEST(large_solids_settle_at_n_a_over_n)
{
    /* The chain (N = 10^6 > XL_SOLIDS_OSC_MAX): from all heat in A to q_A / q = 0.6. */
    xl_session *s = make(600000, 400000, 1000000, 1.0, 1000000, 1000000, 5);
    const xl_solids_state *st = state_of(s);
    ck_assert_int_eq(st->mode, XL_SOLIDS_CHAIN);
    ck_assert_int_eq(st->q_a_likely, 600000);
    xl_session_run(s, 60);
    const double share = (double)st->q_a / (double)st->q;
    ck_assert_msg(fabs(share - 0.6) < 0.002, "q_A / q = %.5f", share);
    char status[256];
    ck_assert(xl_scenario_solids.status_text(st, NULL, status, sizeof status));
    ck_assert_msg(strstr(status, "q_A chain: N too large to track each oscillator") != NULL, "%s", status);
    xl_session_destroy(s);
    /* The oscillators (N = 50,000): 30,000 and 20,000 sharing 50,000 units. */
    s = make(30000, 20000, 50000, 1.0, 100000, 100000, 5);
    st = state_of(s);
    ck_assert_int_eq(st->mode, XL_SOLIDS_OSCILLATORS);
    xl_session_run(s, 60);
    ck_assert_msg(fabs((double)st->q_a / 50000.0 - 0.6) < 0.01, "q_A = %ld", st->q_a);
    ck_assert_msg(labs(st->q_a - st->q_a_likely) < 600, "q_A = %ld, q_A* = %ld", st->q_a, st->q_a_likely);
    xl_session_destroy(s);
}
END_TEST

/* The identity ln Omega = S + (-ln P(q_A)), with ln Omega against the sum of logs. */
START_TEST(identity_information_equals_entropy_plus_surprise)
{
    const long sizes[][3] = {{300, 200, 100}, {2, 2, 0}, {30000, 20000, 100000}, {1000000, 1000000, 10000000}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        xl_session *s = make(sizes[i][0], sizes[i][1], sizes[i][2], 1.0, 1000, 1000, 2);
        const double omega = (double)ways_sum(sizes[i][0] + sizes[i][1], sizes[i][2]);
        for (int step = 0; step < 5; step++) {
            const double info = scenario_readout(s, "information"), S = scenario_readout(s, "entropy");
            const double sur = scenario_readout(s, "macro_surprise");
            ck_assert(info == S + sur);
            ck_assert_msg(fabs(info - omega) <= 1e-12 * omega + 1e-12, "ln Omega %.17g vs %.17g", info, omega);
            ck_assert(sur >= -1e-9);
            ck_assert_double_eq(S, scenario_readout(s, "s_a") + scenario_readout(s, "s_b"));
            xl_sample cur = xl_sim_current(xl_session_sim(s));
            ck_assert_double_eq_tol(cur.floor, S, 1e-12 * fmax(1.0, S));
            double ceil_nats;
            const char *label;
            ck_assert(xl_scenario_solids.ceiling(xl_session_state(s), &ceil_nats, &label));
            ck_assert(S <= ceil_nats + 1e-9 * ceil_nats);
            xl_session_run(s, 1);
        }
        xl_session_destroy(s);
    }
}
END_TEST

/* Clausius over a large hot start: heat flows A -> B in every window, S rises in each,
 * dS_B >= dQ/T_A in each (T of the body the heat came from), while dS_B >= dQ/T_B (the
 * receiver's own T) fails in each; no window runs backwards. */
START_TEST(clausius_holds_in_every_window_of_a_large_run)
{
    xl_session *s = make(30000, 20000, 10000, 1.0, 500, 10000, 11);
    const xl_solids_state *st = state_of(s);
    ck_assert(scenario_readout(s, "t_a") > scenario_readout(s, "t_b"));
    ck_assert(scenario_readout(s, "heat") == 0.0 && scenario_readout(s, "clausius") == 0.0);
    long closed = 0;
    for (int step = 0; step < 400; step++) {
        xl_session_run(s, 1);
        if (st->windows_total == closed) continue;
        closed = st->windows_total;
        const xl_solids_window *w = xl_solids_last_window(st);
        ck_assert_int_eq(w->exchanges, 10000);
        const double ds = w->ds_a + w->ds_b;
        ck_assert_msg(w->heat > 0 && w->t_a0 > w->t_b0, "window %ld: heat %ld", closed, w->heat);
        ck_assert_msg(ds > 0.0, "window %ld: dS = %g", closed, ds);
        ck_assert_msg(w->ds_b >= (double)w->heat / w->t_a0, "window %ld: dS_B = %.9g < dQ/T_A = %.9g", closed, w->ds_b,
                      (double)w->heat / w->t_a0);
        ck_assert_msg(w->ds_b < (double)w->heat / w->t_b0, "window %ld: dS_B = %.9g >= dQ/T_B = %.9g", closed, w->ds_b,
                      (double)w->heat / w->t_b0);
        /* A gives up at least dQ/T_A: -dS_A >= dQ/T_A (S_A concave). */
        ck_assert(-w->ds_a >= (double)w->heat / w->t_a0 * (1.0 - 1e-12));
        ck_assert_double_eq(scenario_readout(s, "clausius"), xl_solids_clausius_margin(w));
        ck_assert(scenario_readout(s, "clausius") > 0.0);
        /* The readouts are the last window's. */
        ck_assert_double_eq(scenario_readout(s, "heat"), (double)w->heat);
        ck_assert_double_eq(scenario_readout(s, "ds_b"), w->ds_b);
        ck_assert_double_eq(scenario_readout(s, "ds"), ds);
        /* dS_B against the sum of logs. */
        const long q_b0 = st->q - w->q_a0;
        ck_assert_double_eq_tol(w->ds_b, (double)change_sum(st->n_b, q_b0, w->heat), 1e-9);
    }
    ck_assert_int_eq(closed, 20); /* 400 steps x 500 exchanges / 10,000 */
    /* The readouts panel's line states the inequality in Clausius's form. */
    char line[256];
    ck_assert(xl_scenario_solids.summary_line(st, NULL, 1.0, "nats", NULL, line, sizeof line));
    ck_assert_msg(strstr(line, "A→B") && strstr(line, "ΔS_B = ") && strstr(line, " ≥ ΔQ/T_A = "), "%s", line);
    /* Its cost: the exchanges, two window closes' logs, the entropy ratio to the mode. */
    ck_assert(xl_scenario_solids.step_cost(st) >= XL_STEP_BASE_OPS + 500 + 4);
    ck_assert_int_eq((int)scenario_readout(s, "backwards"), 0);
    /* The heat went from the hot body toward equilibrium. */
    ck_assert(st->q_a < 10000 && st->q_a > st->q_a_likely);
    xl_session_destroy(s);
}
END_TEST

/* Small solids: heat runs backwards in some windows; Clausius still holds wherever S did
 * not fall, and for one unit it is the same statement. */
START_TEST(small_solids_run_backwards_sometimes)
{
    xl_session *s = make(300, 200, 100, 1.0, 5, 100, 1);
    const xl_solids_state *st = state_of(s);
    long closed = 0;
    int backwards = 0, forwards_heat = 0, one_unit = 0;
    for (int step = 0; step < 20000; step++) {
        xl_session_run(s, 1);
        if (st->windows_total == closed) continue;
        closed = st->windows_total;
        const xl_solids_window *w = xl_solids_last_window(st);
        const double ds = w->ds_a + w->ds_b, margin = xl_solids_clausius_margin(w);
        if (ds < 0.0) backwards++;
        if (ds >= 0.0) ck_assert_msg(margin >= -1e-12, "window %ld: dS = %g >= 0 but margin %g", closed, ds, margin);
        if (w->heat == 1 || w->heat == -1) {
            one_unit++;
            ck_assert_double_eq_tol(margin, ds, 1e-12);
        }
        if (w->heat > 0) {
            forwards_heat++;
            ck_assert(w->ds_b < (double)w->heat / w->t_b0);
        }
    }
    ck_assert_int_eq(closed, 1000);
    ck_assert_msg(backwards > 100, "only %d backwards windows of 1000", backwards);
    ck_assert(one_unit > 50 && forwards_heat > 100);
    const int last = (int)scenario_readout(s, "backwards");
    ck_assert(last > 0 && last <= XL_SOLIDS_WINDOWS);
    ck_assert_int_eq(last, xl_solids_backwards(st));
    /* Near equilibrium now: q_A wanders about 60. */
    ck_assert(labs(st->q_a - 60) < 30);
    xl_session_destroy(s);
}
END_TEST

/* Heat from hot to cold: from a hot start S rises and q_A falls toward q_A*; from a cold
 * start q_A rises. */
START_TEST(heat_flows_from_hot_to_cold)
{
    xl_session *s = make(300, 200, 100, 1.0, 5, 100, 4);
    const double s0 = scenario_readout(s, "entropy");
    ck_assert_double_eq_tol(scenario_readout(s, "t_a"), 1.0 / log(3.99), 1e-14); /* 0.7227 */
    ck_assert(scenario_readout(s, "t_b") == 0.0);
    ck_assert(scenario_readout(s, "q_a") == 100.0 && scenario_readout(s, "q_a_likely") == 60.0);
    xl_session_run(s, 400);
    ck_assert(scenario_readout(s, "entropy") > s0 + 30.0);
    ck_assert(scenario_readout(s, "q_a") < 80.0);
    xl_session_destroy(s);
    s = make(300, 200, 100, 0.0, 5, 100, 4);
    ck_assert(scenario_readout(s, "t_a") == 0.0);
    xl_session_run(s, 400);
    ck_assert(scenario_readout(s, "q_a") > 40.0);
    xl_session_destroy(s);
}
END_TEST

START_TEST(runs_repeat_bit_for_bit)
{
    for (int mode = 0; mode < 2; mode++) {
        const long n = mode == 0 ? 300 : 400000;
        xl_session *a = make(n, n * 2 / 3, n / 3, 1.0, 50, 300, 42), *b = make(n, n * 2 / 3, n / 3, 1.0, 50, 300, 42);
        xl_session *c = make(n, n * 2 / 3, n / 3, 1.0, 50, 300, 43);
        ck_assert_int_eq(state_of(a)->mode, mode == 0 ? XL_SOLIDS_OSCILLATORS : XL_SOLIDS_CHAIN);
        const int count = xl_scenario_solids.readout_count;
        int differs = 0;
        for (int step = 0; step < 300; step++) {
            double ra[XL_READOUTS_MAX], rb[XL_READOUTS_MAX], rc[XL_READOUTS_MAX];
            xl_session_readouts(a, ra);
            xl_session_readouts(b, rb);
            xl_session_readouts(c, rc);
            ck_assert(memcmp(ra, rb, sizeof(double) * (size_t)count) == 0);
            ck_assert(xl_state_hash(a) == xl_state_hash(b));
            differs += ra[7] != rc[7];
            xl_session_run(a, 1);
            xl_session_run(b, 1);
            xl_session_run(c, 1);
        }
        ck_assert_msg(differs > 0, "another seed gave the same q_A throughout");
        ck_assert(memcmp(xl_session_state(a), xl_session_state(b), xl_scenario_solids.state_size) == 0);
        xl_session_destroy(a);
        xl_session_destroy(b);
        xl_session_destroy(c);
    }
}
END_TEST

START_TEST(snapshots_reset_and_state_text_replay)
{
    xl_session *a = make(300, 200, 100, 1.0, 5, 100, 9);
    xl_session_run(a, 120);
    xl_session_snapshot *snap = xl_session_save(a);
    ck_assert_ptr_nonnull(snap);
    xl_session_run(a, 200);
    const uint64_t after = xl_state_hash(a);
    const long q_a_after = state_of(a)->q_a;
    ck_assert_int_eq(xl_session_restore(a, snap), 0);
    xl_session_run(a, 200);
    ck_assert(xl_state_hash(a) == after);
    ck_assert_int_eq(state_of(a)->q_a, q_a_after);
    xl_session_snapshot_free(snap);
    /* Rewind to step 150 and forward again: the same. */
    ck_assert(scenario_apply(a, "rewind 150"));
    ck_assert_int_eq(state_of(a)->t, 150);
    xl_session_run(a, 170);
    ck_assert(xl_state_hash(a) == after);
    /* Reset: the same start and the same exchanges as a fresh session. */
    ck_assert(scenario_apply(a, "reset"));
    xl_session *fresh = make(300, 200, 100, 1.0, 5, 100, 9);
    ck_assert(memcmp(state_of(a)->energy, state_of(fresh)->energy, sizeof state_of(a)->energy) == 0);
    xl_session_run(a, 100);
    xl_session_run(fresh, 100);
    ck_assert_int_eq(state_of(a)->q_a, state_of(fresh)->q_a);
    ck_assert(memcmp(state_of(a)->energy, state_of(fresh)->energy, sizeof state_of(a)->energy) == 0);
    /* The state text: commands and steps replayed to the same hash. */
    ck_assert(scenario_apply(fresh, "separate"));
    xl_session_run(fresh, 30);
    ck_assert(scenario_apply(fresh, "touch"));
    ck_assert(scenario_apply(fresh, "exchanges-up"));
    xl_session_run(fresh, 40);
    static char text[XL_STATE_TEXT_MAX];
    char err[256] = "";
    const long len = xl_state_text_write(fresh, text, sizeof text, err, sizeof err);
    ck_assert_msg(len > 0, "%s", err);
    xl_session *opened = xl_state_text_open(text, (size_t)len, 32, XL_WORK_FILE, err, sizeof err);
    ck_assert_msg(opened != NULL, "%s", err);
    ck_assert(xl_state_hash(opened) == xl_state_hash(fresh));
    xl_session_run(opened, 25);
    xl_session_run(fresh, 25);
    ck_assert(xl_state_hash(opened) == xl_state_hash(fresh));
    xl_session_destroy(opened);
    xl_session_destroy(a);
    xl_session_destroy(fresh);
}
END_TEST

START_TEST(verbs_and_refusals)
{
    xl_session *s = make(300, 200, 100, 1.0, 5, 100, 1);
    const xl_solids_state *st = state_of(s);
    ck_assert(!scenario_apply(s, "lr-up"));
    ck_assert(!scenario_apply(s, "optimizer adam"));
    ck_assert(scenario_apply(s, "preset likely"));
    ck_assert_int_eq(st->q_a, 60);
    ck_assert(scenario_apply(s, "preset cold"));
    ck_assert_int_eq(st->q_a, 0);
    ck_assert(scenario_apply(s, "preset even"));
    ck_assert_int_eq(st->q_a, 50);
    ck_assert(scenario_apply(s, "preset-next"));
    ck_assert_int_eq(st->preset, XL_SOLIDS_LIKELY);
    ck_assert(scenario_apply(s, "preset-next"));
    ck_assert_int_eq(st->q_a, 100);
    ck_assert(!scenario_apply(s, "preset peaked"));
    ck_assert_msg(strstr(xl_session_message(s), "likely") != NULL, "%s", xl_session_message(s));
    /* Separated: q_A stays while the units move within each solid. */
    ck_assert(scenario_apply(s, "separate"));
    ck_assert_int_eq(st->contact, 0);
    uint32_t before[500];
    memcpy(before, st->energy, sizeof before);
    xl_session_run(s, 200);
    ck_assert_int_eq(st->q_a, 100);
    ck_assert(memcmp(before, st->energy, sizeof before) != 0);
    ck_assert(scenario_readout(s, "heat") == 0.0 && scenario_readout(s, "ds") == 0.0);
    char line[256];
    ck_assert(xl_scenario_solids.summary_line(st, NULL, 1.0, "nats", NULL, line, sizeof line));
    /* Apart, every microstate of q_A = 100 is equally likely: the Gibbs–Shannon sum is
     * ln W = ln C(399, 100) + ln 1 = 221.5678. */
    ck_assert_msg(strstr(line, "−Σ p ln p = ln W = 221.57 nats") != NULL, "%s", line);
    ck_assert(xl_scenario_solids.status_text(st, NULL, line, sizeof line));
    ck_assert_msg(strstr(line, "separated · 300 + 200 oscillators · 100 units · 5 exchanges per step"), "%s", line);
    ck_assert(scenario_apply(s, "contact"));
    ck_assert_int_eq(st->contact, 1);
    xl_session_run(s, 200);
    ck_assert(st->q_a < 100);
    /* Sizes by tens. */
    ck_assert(scenario_apply(s, "size-up"));
    ck_assert(st->n_a == 3000 && st->n_b == 2000 && st->q == 1000 && st->exchanges == 50 && st->window == 1000);
    ck_assert_int_eq(st->q_a_likely, 600);
    ck_assert(scenario_apply(s, "size-up") && scenario_apply(s, "size-up"));
    ck_assert_int_eq(st->mode, XL_SOLIDS_CHAIN);
    ck_assert(!scenario_apply(s, "size-up"));
    ck_assert_msg(strstr(xl_session_message(s), "would pass the bounds") != NULL, "%s", xl_session_message(s));
    ck_assert(scenario_apply(s, "size-down") && scenario_apply(s, "size-down") && scenario_apply(s, "size-down"));
    ck_assert(st->n_a == 300 && st->mode == XL_SOLIDS_OSCILLATORS);
    ck_assert(scenario_apply(s, "param n_a=305"));
    ck_assert(!scenario_apply(s, "size-down"));
    ck_assert(scenario_apply(s, "exchanges-up"));
    ck_assert_int_eq(st->exchanges, 10);
    ck_assert(scenario_apply(s, "param exchanges=1"));
    ck_assert(!scenario_apply(s, "exchanges-down"));
    ck_assert(!scenario_apply(s, "param n_a=1"));
    ck_assert(!scenario_apply(s, "param q=10000001"));
    ck_assert(scenario_apply(s, "param q=0"));
    xl_session_run(s, 10);
    ck_assert(scenario_readout(s, "entropy") == 0.0 && scenario_readout(s, "t_a") == 0.0);
    ck_assert(!scenario_apply(s, "measure 1"));
    xl_session_destroy(s);
}
END_TEST

START_TEST(extremes_never_nan)
{
    const long sizes[][3] = {{2, 2, 0}, {2, 2, 10000000}, {1000000, 1000000, 10000000}, {1000000, 2, 1}, {65534, 2, 10000000}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        xl_session *s = make(sizes[i][0], sizes[i][1], sizes[i][2], 0.5, 100000, 1000, 3);
        xl_session_run(s, 3);
        double v[XL_READOUTS_MAX];
        xl_session_readouts(s, v);
        for (int k = 0; k < xl_scenario_solids.readout_count; k++)
            ck_assert_msg(isfinite(v[k]), "%ld, %ld, %ld: %s is %g", sizes[i][0], sizes[i][1], sizes[i][2],
                          xl_scenario_solids.readouts[k].name, v[k]);
        xl_bars bars;
        xl_session_bars(s, &bars);
        double total = 0.0;
        for (int k = 0; k < bars.n; k++) total += bars.p[k];
        ck_assert_double_eq_tol(total, 1.0, 1e-12);
        xl_session_destroy(s);
    }
}
END_TEST

/* Windows close by exchanges, in the middle of a step when the counts do not divide; the
 * readouts show the open window until the first closes. */
START_TEST(windows_close_by_exchanges)
{
    xl_session *s = make(300, 200, 100, 1.0, 7, 10, 6);
    const xl_solids_state *st = state_of(s);
    xl_session_run(s, 1);
    ck_assert_int_eq(st->windows_total, 0);
    ck_assert_int_eq(st->win_done, 7);
    ck_assert_double_eq(scenario_readout(s, "heat"), (double)(100 - st->q_a));
    xl_session_run(s, 9);
    ck_assert_int_eq(st->exchanged, 70);
    ck_assert_int_eq(st->windows_total, 7);
    ck_assert_int_eq(st->win_done, 0);
    xl_session_run(s, 1);
    ck_assert_int_eq(st->windows_total, 7);
    ck_assert_int_eq(st->win_done, 7);
    xl_session_run(s, 1);
    ck_assert_int_eq(st->windows_total, 8);
    ck_assert_int_eq(st->win_done, 4);
    ck_assert_int_eq(xl_solids_last_window(st)->step, 12);
    /* The windows' heats add up to what left A. */
    long heat = 0;
    for (int i = 0; i < st->window_count; i++) heat += st->windows[(st->window_head + i) % XL_SOLIDS_WINDOWS].heat;
    ck_assert_int_eq(heat, 100 - st->win_q_a0);
    xl_session_destroy(s);
}
END_TEST

START_TEST(the_record_passes_its_checks)
{
    char err[256] = "";
    ck_assert_msg(xl_scenario_check(&xl_scenario_solids, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(xl_scenario_check_def(&xl_scenario_solids, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(xl_scenario_check_registry(err, sizeof err) == 0, "%s", err);
    ck_assert_ptr_eq(xl_scenario_find("solids"), &xl_scenario_solids);
    ck_assert_int_ge(xl_scenario_readout_index(&xl_scenario_solids, "backwards"), 0);
}
END_TEST

/* A million exchanges a step at the top speed: one call of the window's frame clock
 * computes at most a slice of work (one step at least), so the window is never frozen
 * for seconds a frame; play simply runs slower than asked. */
START_TEST(costly_steps_play_in_slices)
{
    xl_session *s = make(300, 200, 100, 1.0, XL_SOLIDS_MAX_EXCHANGES, 100, 1);
    xl_session_apply(s, xl_command_int(XL_CMD_SET_SPEED, 240));
    xl_session_apply(s, xl_command_make(XL_CMD_PLAY));
    const double cost = xl_session_step_cost(s);
    ck_assert(cost >= (double)XL_SOLIDS_MAX_EXCHANGES);
    long total = 0;
    for (int frame = 0; frame < 5; frame++) {
        const int taken = xl_session_advance(s, 1.0);
        ck_assert_int_ge(taken, 1);
        ck_assert_msg((double)taken * cost <= XL_WORK_SLICE + cost, "%d steps of %g in one frame", taken, cost);
        total += taken;
    }
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), total);
    /* The steps not taken are dropped, not owed: a short frame after takes its own due. */
    ck_assert_int_le(xl_session_advance(s, 1.0 / 240.0), 1);
    xl_session_destroy(s);
    /* A cheap step still plays at its speed: 240 in a second. */
    s = make(300, 200, 100, 1.0, 5, 100, 1);
    xl_session_apply(s, xl_command_int(XL_CMD_SET_SPEED, 240));
    xl_session_apply(s, xl_command_make(XL_CMD_PLAY));
    ck_assert_int_eq(xl_session_advance(s, 1.0), 240);
    xl_session_destroy(s);
}
END_TEST

/* What the refusals and the summary say is true at the edges: size-up names the sizes
 * that would pass their bounds (300 000 oscillators are not "the largest"), and with no
 * unit to share the line does not invite the learner to play for heat. */
START_TEST(edge_messages_are_true)
{
    xl_session *s = make(300000, 200000, 100, 1.0, 5, 100, 1);
    ck_assert(!scenario_apply(s, "size-up"));
    ck_assert_msg(strstr(xl_session_message(s), "ten times n_a = 300000") != NULL, "%s", xl_session_message(s));
    ck_assert_msg(strstr(xl_session_message(s), "largest") == NULL, "%s", xl_session_message(s));
    xl_session_destroy(s);
    s = make(300, 200, 0, 1.0, 5, 100, 1);
    xl_session_run(s, 3);
    char line[256];
    ck_assert(xl_scenario_solids.summary_line(state_of(s), NULL, 1.0, "nats", NULL, line, sizeof line));
    ck_assert_msg(strstr(line, "no heat can flow") != NULL && strstr(line, "play") == NULL, "%s", line);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("solids");
    TCase *tc = tcase_create("counting");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, log_ways_against_a_sum_of_logs);
    tcase_add_test(tc, entropy_changes_against_a_sum_of_logs);
    tcase_add_test(tc, vandermonde_sum_over_q_a);
    tcase_add_test(tc, temperature_is_the_finite_difference);
    tcase_add_test(tc, the_mode_and_the_temperatures_meeting);
    tcase_add_test(tc, the_chain_histogram_is_w_a_w_b);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenario");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, the_oscillator_histogram_is_w_a_w_b);
    tcase_add_test(tc, the_start_is_a_uniform_microstate);
    tcase_add_test(tc, large_solids_settle_at_n_a_over_n);
    tcase_add_test(tc, identity_information_equals_entropy_plus_surprise);
    tcase_add_test(tc, clausius_holds_in_every_window_of_a_large_run);
    tcase_add_test(tc, small_solids_run_backwards_sometimes);
    tcase_add_test(tc, heat_flows_from_hot_to_cold);
    tcase_add_test(tc, runs_repeat_bit_for_bit);
    tcase_add_test(tc, snapshots_reset_and_state_text_replay);
    tcase_add_test(tc, verbs_and_refusals);
    tcase_add_test(tc, extremes_never_nan);
    tcase_add_test(tc, windows_close_by_exchanges);
    tcase_add_test(tc, the_record_passes_its_checks);
    tcase_add_test(tc, costly_steps_play_in_slices);
    tcase_add_test(tc, edge_messages_are_true);
    suite_add_tcase(s, tc);
    return s;
}

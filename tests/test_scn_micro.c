/* test_scn_micro: Boltzmann's microstates (issue 7): ln W against hand-computed values
 * and against an independent sum of logs up to n = 1,000,000; the identity ln 2^n =
 * S + (-ln P(k)); the binomial bin masses; the particles and their count agreeing; the
 * flips seeded and replayed by snapshots; the falls readout against a recount; the time
 * spent at each k approaching W(k) / 2^n; the commands and their refusals; no NaN at
 * n = 1,000,000 with 100,000 flips per step. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_command.h"
#include "xl_micro.h"
#include "xl_scn_micro.h"
#include "xl_session.h"

#include "scenario_fixture.h"

static xl_session *make(double n, double flips, double random_start, uint64_t seed)
{
    static const char *const names[] = {"n", "flips", "random_start"};
    const double values[] = {n, flips, random_start};
    return scenario_session(&xl_scenario_micro, seed, names, values, 3);
}

static const xl_micro_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

static long popcount_heads(const xl_micro_state *st)
{
    long count = 0;
    for (long i = 0; i < st->n; i++)
        count += xl_micro_heads_at(st, i);
    return count;
}

START_TEST(log_ways_hand_values)
{
    ck_assert_double_eq_tol(xl_micro_log_ways(10, 5), log(252.0), 1e-13);   /* 5.5294 */
    ck_assert_double_eq_tol(xl_micro_log_ways(10, 5), 5.529429087511423, 1e-12);
    ck_assert_double_eq_tol(xl_micro_log_ways(4, 2), log(6.0), 1e-14);
    ck_assert_double_eq_tol(xl_micro_log_ways(10, 3), log(120.0), 1e-13);
    ck_assert(xl_micro_log_ways(10, 0) == 0.0 && xl_micro_log_ways(10, 10) == 0.0);
    ck_assert(xl_micro_log_ways(2, 1) == log(2.0));
    ck_assert(xl_micro_log_ways(1000000, 1) == log(1e6));
    /* The fair coin: one coin... two coins, one head, is ln 2 = 0.6931 nats = 1 bit. */
    ck_assert_double_eq_tol(xl_micro_log_ways(2, 1), 0.6931471805599453, 1e-15);
    ck_assert_double_eq_tol(xl_micro_log_ways_max(10), log(252.0), 1e-13);
    ck_assert_double_eq_tol(xl_micro_log_ways_max(11), log(462.0), 1e-13);
}
END_TEST

START_TEST(log_ways_against_a_sum_of_logs)
{
    const long ns[] = {2, 3, 17, 64, 999, 65536, 1000000};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++) {
        long n = ns[a];
        const long ks[] = {0, 1, n / 7, n / 3, n / 2, n - 1, n};
        for (size_t b = 0; b < sizeof ks / sizeof ks[0]; b++) {
            long k = ks[b];
            long double sum = 0.0L; /* ln C(n, k) = sum_{j=1..k} ln((n - k + j) / j) */
            long small = k < n - k ? k : n - k;
            for (long j = 1; j <= small; j++)
                sum += logl((long double)(n - small + j) / (long double)j);
            double got = xl_micro_log_ways(n, k);
            ck_assert_msg(fabs(got - (double)sum) <= 1e-9 * fmax(1.0, (double)sum),
                          "ln C(%ld, %ld) = %.15g, sum %.15Lg",
                          n, k, got, sum);
        }
    }
}
END_TEST

START_TEST(entropy_comparison_is_exact)
{
    ck_assert_int_eq(xl_micro_entropy_cmp(11, 5, 6), 0);
    ck_assert_int_eq(xl_micro_entropy_cmp(10, 4, 5), -1);
    ck_assert_int_eq(xl_micro_entropy_cmp(10, 5, 4), 1);
    ck_assert_int_eq(xl_micro_entropy_cmp(10, 2, 8), 0);
    ck_assert_int_eq(xl_micro_entropy_cmp(1000000, 500001, 500000), -1);
    /* It agrees with ln W wherever ln W's difference is far above its rounding. */
    for (long k = 0; k < 30; k++)
        for (long j = 0; j < 30; j++) {
            double d = xl_micro_log_ways(29, k) - xl_micro_log_ways(29, j);
            int want = fabs(d) < 1e-9 ? 0 : d < 0 ? -1 : 1;
            ck_assert_int_eq(xl_micro_entropy_cmp(29, k, j), want);
        }
}
END_TEST

START_TEST(bin_mass_is_the_binomial)
{
    long edge[12];
    double mass[11];
    for (int i = 0; i <= 11; i++) edge[i] = i;
    xl_micro_bin_mass(10, edge, 11, mass);
    const double c10[11] = {1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1};
    for (int k = 0; k <= 10; k++)
        ck_assert_double_eq_tol(mass[k], c10[k] / 1024.0, 1e-15);
    const long ns[] = {63, 64, 1000, 1000000};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++) {
        long n = ns[a];
        long w = (n + 1 + 63) / 64;
        int bins = (int)((n + 1 + w - 1) / w);
        long e[65];
        double m[64];
        for (int i = 0; i <= bins; i++) e[i] = i < bins ? i * w : n + 1;
        xl_micro_bin_mass(n, e, bins, m);
        double total = 0.0;
        for (int i = 0; i < bins; i++) {
            ck_assert(m[i] >= 0.0 && isfinite(m[i]));
            total += m[i];
        }
        ck_assert_msg(fabs(total - 1.0) < 1e-9, "n = %ld: masses sum to %.15g", n, total);
    }
}
END_TEST

START_TEST(identity_naming_equals_entropy_plus_surprise)
{
    const double ns[] = {2, 10, 101, 5000, 1000000};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++) {
        xl_session *s = make(ns[a], ns[a] > 100 ? 1000 : 1, 0, 5);
        for (int step = 0; step < 40; step++) {
            double info = scenario_readout(s, "information"), S = scenario_readout(s, "entropy");
            double sur = scenario_readout(s, "macro_surprise");
            ck_assert_msg(fabs(info - (S + sur)) <= 1e-9 * info, "n = %g: %.12g != %.12g + %.12g", ns[a], info, S, sur);
            ck_assert_double_eq_tol(info, ns[a] * log(2.0), 1e-9 * info);
            ck_assert(S >= 0.0 && S <= scenario_readout(s, "entropy_max") + 1e-9);
            /* The history records the same split. */
            xl_sample cur = xl_sim_current(xl_session_sim(s));
            ck_assert_double_eq_tol(cur.floor, S, 1e-9 * fmax(1.0, S));
            xl_session_run(s, 1);
        }
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(all_heads_start_and_first_flip)
{
    xl_session *s = make(10, 1, 0, 1);
    const xl_micro_state *st = state_of(s);
    ck_assert_int_eq(st->heads, 10);
    ck_assert_int_eq(popcount_heads(st), 10);
    ck_assert(scenario_readout(s, "entropy") == 0.0);
    ck_assert_double_eq_tol(scenario_readout(s, "macro_surprise"), 10.0 * log(2.0), 1e-12); /* 6.9315 nats */
    xl_session_run(s, 1);
    /* Any flip from all heads leaves 9: S = ln 10 = 2.3026 nats. */
    ck_assert_int_eq(st->heads, 9);
    ck_assert_double_eq_tol(scenario_readout(s, "entropy"), log(10.0), 1e-13);
    ck_assert_double_eq_tol(scenario_readout(s, "entropy"), 2.302585092994046, 1e-12);
    ck_assert_int_eq((long)scenario_readout(s, "falls"), 0);
    xl_session_run(s, 500);
    ck_assert_int_eq(popcount_heads(st), st->heads);
    ck_assert_int_eq((long)scenario_readout(s, "heads"), st->heads);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 501);
    ck_assert_int_eq(st->t, 501);
    xl_session_destroy(s);
}
END_TEST

START_TEST(seeded_and_replayed)
{
    xl_session *a = make(50, 3, 1, 42), *b = make(50, 3, 1, 42), *c = make(50, 3, 1, 43);
    xl_session_run(a, 300);
    xl_session_run(b, 300);
    xl_session_run(c, 300);
    ck_assert(memcmp(state_of(a)->bits, state_of(b)->bits, 7) == 0);
    ck_assert_int_eq(state_of(a)->heads, state_of(b)->heads);
    ck_assert(memcmp(state_of(a)->bits, state_of(c)->bits, 7) != 0);
    /* A snapshot replays the same flips. */
    xl_session_snapshot *snap = xl_session_save(a);
    ck_assert_ptr_nonnull(snap);
    xl_session_run(a, 250);
    long heads_after = state_of(a)->heads;
    uint8_t bits_after[7];
    memcpy(bits_after, state_of(a)->bits, 7);
    ck_assert_int_eq(xl_session_restore(a, snap), 0);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(a)), 300);
    xl_session_run(a, 250);
    ck_assert_int_eq(state_of(a)->heads, heads_after);
    ck_assert(memcmp(state_of(a)->bits, bits_after, 7) == 0);
    xl_session_snapshot_free(snap);
    /* Reset goes back to the same start and the same flips. */
    ck_assert(scenario_apply(b, "reset"));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(b)), 0);
    xl_session *fresh = make(50, 3, 1, 42);
    ck_assert(memcmp(state_of(b)->bits, state_of(fresh)->bits, 7) == 0);
    xl_session_run(b, 100);
    xl_session_run(fresh, 100);
    ck_assert_int_eq(state_of(b)->heads, state_of(fresh)->heads);
    xl_session_destroy(a);
    xl_session_destroy(b);
    xl_session_destroy(c);
    xl_session_destroy(fresh);
}
END_TEST

START_TEST(falls_match_a_recount)
{
    xl_session *s = make(12, 1, 0, 9);
    long ks[1600];
    ks[0] = state_of(s)->heads;
    for (int i = 1; i < 1600; i++) {
        xl_session_run(s, 1);
        ks[i] = state_of(s)->heads;
    }
    /* The last 1000 steps: pairs (ks[i - 1], ks[i]) for i = 600..1599. */
    int falls = 0;
    double largest = 0.0;
    for (int i = 600; i < 1600; i++) {
        double d = xl_micro_log_ways(12, ks[i - 1]) - xl_micro_log_ways(12, ks[i]);
        if (labs(2 * ks[i] - 12) > labs(2 * ks[i - 1] - 12)) {
            falls++;
            if (d > largest) largest = d;
        }
    }
    ck_assert_int_eq((int)scenario_readout(s, "falls"), falls);
    ck_assert_double_eq_tol(scenario_readout(s, "largest_fall"), largest, 1e-12);
    /* Small systems fall often and far: n = 12 falls in a good share of steps. */
    ck_assert_msg(falls > 200, "only %d falls", falls);
    ck_assert(largest >= log(12.0) - 1e-12 || largest >= log(66.0 / 12.0) - 1e-12);
    xl_session_destroy(s);
    /* A large system at equilibrium falls too, but only slightly. */
    s = make(1000000, 1, 1, 9);
    xl_session_run(s, 1500);
    ck_assert(scenario_readout(s, "falls") > 100);
    ck_assert_msg(scenario_readout(s, "largest_fall") < 0.01, "largest fall %g", scenario_readout(s, "largest_fall"));
    xl_session_destroy(s);
}
END_TEST

START_TEST(time_spent_approaches_the_binomial)
{
    xl_session *s = make(10, 1, 0, 3);
    xl_session_run(s, 200000);
    const xl_micro_state *st = state_of(s);
    ck_assert_int_eq(st->bins, 11);
    ck_assert_int_eq(st->visits_total, 200001);
    for (int k = 0; k <= 10; k++) {
        double share = (double)st->visits[k] / (double)st->visits_total;
        ck_assert_msg(fabs(share - st->mass[k]) < 0.01, "k = %d: time %g, W/2^n %g", k, share, st->mass[k]);
    }
    /* The bars say the same: P the binomial, Q the time spent. */
    xl_bars bars;
    xl_session_bars(s, &bars);
    ck_assert_int_eq(bars.n, 11);
    ck_assert_double_eq_tol(bars.p[5], 252.0 / 1024.0, 1e-15);
    ck_assert_int_eq(bars.selected, st->heads);
    xl_session_destroy(s);
}
END_TEST

START_TEST(commands_and_refusals)
{
    xl_session *s = make(10, 1, 0, 1);
    ck_assert(!scenario_apply(s, "lr-up"));
    ck_assert_msg(strstr(xl_session_message(s), "no gradient") != NULL, "%s", xl_session_message(s));
    ck_assert(!scenario_apply(s, "optimizer adam"));
    ck_assert(!scenario_apply(s, "race-toggle"));
    ck_assert(!xl_session_racing(s));
    ck_assert(!scenario_apply(s, "slice-next"));
    ck_assert(!scenario_apply(s, "frame"));
    ck_assert(scenario_apply(s, "size-up"));
    ck_assert_int_eq(state_of(s)->n, 20);
    ck_assert_int_eq(state_of(s)->heads, 20);
    ck_assert(scenario_apply(s, "size-down"));
    ck_assert(scenario_apply(s, "size-down"));
    ck_assert_int_eq(state_of(s)->n, 5);
    ck_assert(scenario_apply(s, "size-down"));
    ck_assert_int_eq(state_of(s)->n, 2);
    ck_assert(!scenario_apply(s, "size-down"));
    ck_assert_msg(strstr(xl_session_message(s), "least") != NULL, "%s", xl_session_message(s));
    ck_assert(scenario_apply(s, "flips-up"));
    ck_assert_int_eq(state_of(s)->flips, 2);
    ck_assert(scenario_apply(s, "flips-down"));
    ck_assert(!scenario_apply(s, "flips-down"));
    ck_assert(scenario_apply(s, "preset random"));
    ck_assert_int_eq(state_of(s)->preset, XL_MICRO_RANDOM);
    ck_assert(scenario_apply(s, "preset-next"));
    ck_assert_int_eq(state_of(s)->preset, XL_MICRO_ALL_HEADS);
    ck_assert(!scenario_apply(s, "preset peaked"));
    ck_assert_msg(strstr(xl_session_message(s), "all-heads") != NULL, "%s", xl_session_message(s));
    ck_assert(!scenario_apply(s, "measure 1"));
    ck_assert(scenario_apply(s, "param n=1000000"));
    ck_assert_int_eq(state_of(s)->n, 1000000);
    ck_assert(!scenario_apply(s, "size-up"));
    ck_assert(!scenario_apply(s, "param n=1000001"));
    ck_assert(!scenario_apply(s, "param n=1"));
    ck_assert(!scenario_apply(s, "param flips=0"));
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_million_coins_never_nan)
{
    xl_session *s = make(1000000, 100000, 0, 11);
    ck_assert_int_eq(state_of(s)->heads, 1000000);
    double before = scenario_readout(s, "entropy");
    xl_session_run(s, 12);
    double v[XL_READOUTS_MAX];
    xl_session_readouts(s, v);
    for (int i = 0; i < xl_scenario_micro.readout_count; i++)
        ck_assert_msg(isfinite(v[i]), "%s is %g", xl_scenario_micro.readouts[i].name, v[i]);
    ck_assert(scenario_readout(s, "entropy") > before);
    ck_assert_int_eq(popcount_heads(state_of(s)), state_of(s)->heads);
    /* 1.2 million flips from all heads: near half heads, S near its most. */
    ck_assert(fabs((double)state_of(s)->heads - 500000.0) < 100000.0);
    xl_sample cur = xl_sim_current(xl_session_sim(s));
    ck_assert(isfinite(cur.loss) && isfinite(cur.floor) && isfinite(cur.gap));
    xl_session_destroy(s);
    /* Two coins: the smallest system; every state is reachable and nothing is NaN. */
    s = make(2, 1, 0, 2);
    for (int i = 0; i < 100; i++) {
        xl_session_run(s, 1);
        ck_assert(isfinite(scenario_readout(s, "entropy")) && isfinite(scenario_readout(s, "largest_fall")));
    }
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("scn_micro");
    TCase *tc = tcase_create("counting");
    tcase_add_test(tc, log_ways_hand_values);
    tcase_add_test(tc, log_ways_against_a_sum_of_logs);
    tcase_add_test(tc, entropy_comparison_is_exact);
    tcase_add_test(tc, bin_mass_is_the_binomial);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenario");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, identity_naming_equals_entropy_plus_surprise);
    tcase_add_test(tc, all_heads_start_and_first_flip);
    tcase_add_test(tc, seeded_and_replayed);
    tcase_add_test(tc, falls_match_a_recount);
    tcase_add_test(tc, time_spent_approaches_the_binomial);
    tcase_add_test(tc, commands_and_refusals);
    tcase_add_test(tc, a_million_coins_never_nan);
    suite_add_tcase(s, tc);
    return s;
}

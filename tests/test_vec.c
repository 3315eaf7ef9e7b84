/* Tests for xl_vec: the vector exponential against libm to a stated 2 ulps over the
 * whole finite range, its tails and special values; the fixed-order sum; the vector
 * and scalar forms of each loop agreeing to the bit; the finiteness check and the
 * cross-entropy terms against plain loops. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_rng.h"
#include "xl_vec.h"

/* |a - b| in units in the last place of b (b finite and non-zero). */
static double ulps(double a, double b)
{
    double ulp = nextafter(fabs(b), INFINITY) - fabs(b);
    return fabs(a - b) / ulp;
}

/* Fold got[i] against ref(x[i]) into the worst error so far, in ulps. A result libm
 * gives as 0 or a subnormal must be exactly libm's (the kernels hand those to it). */
static void track_worst(const double *x, const double *got, int n, double (*ref)(double), double *worst,
                        double *worst_at)
{
    for (int i = 0; i < n; i++) {
        double want = ref(x[i]);
        if (fabs(want) < DBL_MIN) {
            ck_assert_msg(got[i] == want, "at %.17g: %.17g, libm %.17g", x[i], got[i], want);
            continue;
        }
        double e = ulps(got[i], want);
        if (e > *worst) {
            *worst = e;
            *worst_at = x[i];
        }
    }
}

enum { N = 4096 };

START_TEST(test_vec_matches_libm_within_2_ulps)
{
    xl_rng rng = xl_rng_make(20261127u);
    static double x[N], y[N];
    double worst = 0.0, worst_at = 0.0;
    for (int round = 0; round < 64; round++) {
        for (int i = 0; i < N; i++) {
            /* Both the whole range and the small arguments softmax sees most. */
            double u = xl_rng_uniform(&rng);
            x[i] = (i % 2) ? -745.0 + u * (709.7 + 745.0) : -40.0 + 40.0 * u;
        }
        xl_vec_exp_shifted(x, 0.0, y, N);
        track_worst(x, y, N, exp, &worst, &worst_at);
    }
    ck_assert_msg(worst <= 2.0, "worst error %.2f ulp at x = %.17g", worst, worst_at);
}
END_TEST

START_TEST(test_vec_known_values_and_specials)
{
    const double x[] = {0.0, -0.0, 1.0, -1.0, log(0.001), -708.0, 709.0, -708.5, 709.8, -745.0, -746.0,
                        -INFINITY, INFINITY, NAN, -1e308, 1e308, 5e-324, -5e-324};
    const int n = (int)(sizeof x / sizeof x[0]);
    double y[32];
    xl_vec_exp_shifted(x, 0.0, y, n);
    ck_assert(y[0] == 1.0 && y[1] == 1.0);
    ck_assert_double_eq_tol(y[2], 2.718281828459045, 5e-16);
    ck_assert_double_eq_tol(y[3], 0.36787944117144233, 1e-16);
    ck_assert_double_eq_tol(y[4], 0.001, 1e-18); /* the desert's rain comes back */
    ck_assert(ulps(y[5], exp(-708.0)) <= 2.0 && ulps(y[6], exp(709.0)) <= 2.0);
    ck_assert(y[7] == exp(-708.5));  /* subnormal results: libm's own */
    ck_assert(isinf(y[8]) && y[8] > 0);
    ck_assert(y[9] == exp(-745.0) && y[9] > 0.0); /* the smallest subnormal */
    ck_assert(y[10] == 0.0 && y[11] == 0.0);
    ck_assert(isinf(y[12]) && y[12] > 0);
    ck_assert(isnan(y[13]));
    ck_assert(y[14] == 0.0 && isinf(y[15]));
    ck_assert(y[16] == 1.0 && y[17] == 1.0);
}
END_TEST

START_TEST(test_vec_shift_and_in_place)
{
    double x[37], y[37];
    for (int i = 0; i < 37; i++) x[i] = 0.25 * i - 3.0;
    xl_vec_exp_shifted(x, 6.0, y, 37);
    for (int i = 0; i < 37; i++) {
        double want = exp(x[i] - 6.0);
        ck_assert_msg(ulps(y[i], want) <= 2.0, "i=%d", i);
    }
    ck_assert(y[36] == 1.0); /* x = 6 shifted by 6: exactly 1, the softmax maximum */
    xl_vec_exp_shifted(x, 6.0, x, 37); /* in place */
    ck_assert(memcmp(x, y, sizeof x) == 0);
    /* A shift of +inf (a logit of +inf) gives NaN for +inf - inf and 0 for the rest. */
    double z[3] = {INFINITY, 1.0, -INFINITY}, e[3];
    xl_vec_exp_shifted(z, INFINITY, e, 3);
    ck_assert(isnan(e[0]) && e[1] == 0.0 && isnan(e[2]) == 0 && e[2] == 0.0);
}
END_TEST

START_TEST(test_vsum_fixed_order)
{
    /* Exact sums stay exact, whatever the length's remainder mod 4. */
    double x[103];
    for (int n = 0; n <= 103; n++) {
        for (int i = 0; i < n; i++) x[i] = (double)(i + 1);
        ck_assert_double_eq(xl_vec_sum(x, n), n * (n + 1) / 2.0);
    }
    /* The order is four interleaved sums, then (s0 + s1) + (s2 + s3): 1e16 + 1 + 1 ...
     * loses the ones in lane 0 only when they land there. */
    double v[8] = {1e16, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    /* s0 = 1e16 + 1 = 1e16, s1 = 2, s2 = 2, s3 = 2: (1e16 + 2) + 4 = 1e16 + 6. */
    ck_assert_double_eq(xl_vec_sum(v, 8), 1e16 + 6.0);
    /* The same input twice gives the same bits. */
    xl_rng rng = xl_rng_make(7u);
    static double r[1000];
    for (int i = 0; i < 1000; i++) r[i] = xl_rng_uniform(&rng);
    double a = xl_vec_sum(r, 1000), b = xl_vec_sum(r, 1000);
    ck_assert(memcmp(&a, &b, sizeof a) == 0);
    ck_assert_double_eq_tol(a, 1000 * 0.5, 30.0);
}
END_TEST

START_TEST(test_vec_paths_agree_to_the_bit)
{
    /* The vector body and the scalar remainder of a loop must round alike: every
     * element of a long call equals the same element computed alone. */
    enum { M = 1001 };
    static double x[M], y[M], one;
    xl_rng rng = xl_rng_make(99u);
    for (int i = 0; i < M; i++) x[i] = xl_rng_range(&rng, -60.0, 5.0);
    xl_vec_exp_shifted(x, 2.5, y, M);
    for (int i = 0; i < M; i++) {
        xl_vec_exp_shifted(&x[i], 2.5, &one, 1);
        ck_assert_msg(memcmp(&one, &y[i], sizeof one) == 0, "element %d: %a vs %a", i, one, y[i]);
    }
    static double g[M], p[M];
    for (int i = 0; i < M; i++) p[i] = xl_rng_uniform(&rng);
    xl_vec_softmax_grad(y, 3.0, p, g, M);
    for (int i = 0; i < M; i++) {
        double gi;
        xl_vec_softmax_grad(&y[i], 3.0, &p[i], &gi, 1);
        ck_assert(memcmp(&gi, &g[i], sizeof gi) == 0);
        ck_assert(gi == y[i] / 3.0 - p[i]);
    }
    xl_vec_axpy_step(x, 0.25, p, g, M);
    for (int i = 0; i < M; i++) ck_assert(g[i] == x[i] - 0.25 * p[i]);
}
END_TEST

START_TEST(test_vec_log_matches_libm_within_2_ulps)
{
    xl_rng rng = xl_rng_make(1127u);
    static double x[N], y[N];
    double worst = 0.0, worst_at = 0.0;
    for (int round = 0; round < 64; round++) {
        for (int i = 0; i < N; i++) {
            double u = xl_rng_uniform(&rng);
            switch (i % 3) {
            case 0: x[i] = exp(-708.0 + u * 1417.0); break;   /* every binade */
            case 1: x[i] = 0.5 + 1.5 * u; break;              /* around 1, where log is small */
            default: x[i] = 1.0 + (u - 0.5) * 1e-6; break;    /* right next to 1 */
            }
        }
        xl_vec_log(x, y, N);
        track_worst(x, y, N, log, &worst, &worst_at);
    }
    ck_assert_msg(worst <= 2.0, "worst error %.2f ulp at x = %.17g", worst, worst_at);
}
END_TEST

START_TEST(test_vec_log_known_values_and_specials)
{
    const double x[] = {1.0, 0.001, 2.0, 0.5, DBL_MAX, DBL_MIN, 5e-324, 0.0, -0.0, -1.0, INFINITY, NAN, 2.718281828459045, 1e308};
    const int n = (int)(sizeof x / sizeof x[0]);
    double y[16];
    xl_vec_log(x, y, n);
    ck_assert(y[0] == 0.0);
    ck_assert_double_eq_tol(-y[1], 6.907755278982137, 1e-15); /* the desert's rain: 6.9078 nats */
    ck_assert_double_eq_tol(y[2], 0.6931471805599453, 1e-16);
    ck_assert_double_eq_tol(y[3], -0.6931471805599453, 1e-16);
    ck_assert(ulps(y[4], log(DBL_MAX)) <= 2.0 && ulps(y[5], log(DBL_MIN)) <= 2.0);
    ck_assert(y[6] == log(5e-324));           /* subnormal: libm's */
    ck_assert(isinf(y[7]) && y[7] < 0 && isinf(y[8]) && y[8] < 0);
    ck_assert(isnan(y[9]) && isinf(y[10]) && y[10] > 0 && isnan(y[11]));
    ck_assert(ulps(y[12], 1.0) <= 1.0 && ulps(y[13], log(1e308)) <= 2.0);
    /* In place, and the vector and scalar forms alike. */
    double z[13];
    for (int i = 0; i < 13; i++) z[i] = 0.37 * (i + 1);
    double w[13];
    xl_vec_log(z, w, 13);
    for (int i = 0; i < 13; i++) {
        double one;
        xl_vec_log(&z[i], &one, 1);
        ck_assert(memcmp(&one, &w[i], sizeof one) == 0);
    }
    xl_vec_log(z, z, 13);
    ck_assert(memcmp(z, w, sizeof z) == 0);
}
END_TEST

START_TEST(test_vec_max_as_the_scalar_loop)
{
    xl_rng rng = xl_rng_make(41u);
    double x[67];
    for (int round = 0; round < 400; round++) {
        int n = 1 + round % 67;
        for (int i = 0; i < n; i++) {
            double u = xl_rng_uniform(&rng);
            x[i] = u < 0.1 ? NAN : u < 0.15 ? -INFINITY : u < 0.17 ? INFINITY : xl_rng_range(&rng, -1e3, 1e3);
        }
        if (round % 5 == 0) x[0] = NAN; /* a NaN first: NaN, as the loop gives */
        double want = x[0];
        for (int i = 1; i < n; i++)
            if (x[i] > want) want = x[i];
        double got = xl_vec_max(x, n);
        if (isnan(want)) ck_assert_msg(isnan(got), "n=%d: %g, want NaN", n, got);
        else ck_assert_msg(got == want, "n=%d: %g, want %g", n, got, want);
    }
}
END_TEST

START_TEST(test_vec_min_max_as_the_scalar_loop)
{
    xl_rng rng = xl_rng_make(43u);
    double x[67];
    for (int round = 0; round < 400; round++) {
        const int n = round % 68;
        for (int i = 0; i < n; i++) {
            const double u = xl_rng_uniform(&rng);
            x[i] = u < 0.1 ? NAN : u < 0.15 ? -INFINITY : u < 0.17 ? INFINITY : xl_rng_range(&rng, -1e3, 1e3);
        }
        double lo = INFINITY, hi = -INFINITY;
        for (int i = 0; i < n; i++) {
            if (x[i] < lo) lo = x[i];
            if (x[i] > hi) hi = x[i];
        }
        double got_lo = 0.0, got_hi = 0.0;
        xl_vec_min_max(x, n, &got_lo, &got_hi);
        ck_assert_msg(got_lo == lo && got_hi == hi, "n=%d: [%g, %g], want [%g, %g]", n, got_lo, got_hi, lo, hi);
    }
}
END_TEST

/* The landscape's row: the same bits as its sums, xl_vec_log and the two adds (on a
 * processor with AVX-512 that holds the row's AVX-512 copy against xl_vec_log's AVX2
 * one), and a cell the caller must redo (a sum below lo, infinite or NaN, a result not finite)
 * reported, wherever it lies in the row. */
START_TEST(test_vec_log_sum_row_as_its_parts)
{
    xl_rng rng = xl_rng_make(44u);
    enum { M = 67 };
    double e[M], c[M], y[M], sums[M], logs[M];
    const double lo = exp(-32.0);
    for (int round = 0; round < 400; round++) {
        const int n = 1 + round % M;
        const double ey = xl_rng_uniform(&rng) * 3.0, r = xl_rng_uniform(&rng), cy = xl_rng_range(&rng, 0.0, 40.0);
        for (int i = 0; i < n; i++) {
            e[i] = exp(xl_rng_range(&rng, -30.0, 0.0));
            c[i] = xl_rng_range(&rng, 0.0, 20.0);
        }
        const int bad = round % 4 == 0 ? (int)(xl_rng_uniform(&rng) * n) : -1;
        const double odd[] = {-1.0, NAN, INFINITY, 1e-300};
        if (bad >= 0) e[bad] = odd[round / 4 % 4];
        const double ey2 = bad >= 0 && e[bad] == 1e-300 ? 0.0 : ey, r2 = bad >= 0 && e[bad] == 1e-300 ? 0.0 : r;
        const int flagged = xl_vec_log_sum_row(e, ey2, r2, c, cy, lo, y, n);
        for (int i = 0; i < n; i++) sums[i] = e[i] + ey2 + r2;
        xl_vec_log(sums, logs, n);
        int want_flag = 0;
        for (int i = 0; i < n; i++) {
            const double v = c[i] + cy + logs[i];
            const int redo = !(sums[i] >= lo && sums[i] <= DBL_MAX) || !isfinite(v);
            want_flag |= redo;
            if (!redo) ck_assert_msg(memcmp(&v, &y[i], sizeof v) == 0, "round %d cell %d: %.17g, want %.17g", round,
                                     i, y[i], v);
        }
        ck_assert_int_eq(flagged, want_flag);
        ck_assert_int_eq(flagged, bad >= 0 && !(e[bad] == -1.0 && ey2 + r2 - 1.0 >= lo));
    }
}
END_TEST

START_TEST(test_vec_all_finite)
{
    double x[9];
    for (int n = 1; n <= 9; n++) {
        for (int i = 0; i < n; i++) x[i] = (i % 2) ? DBL_MAX : -5e-324;
        ck_assert_int_eq(xl_vec_all_finite(x, n), 1);
        const double bad[] = {INFINITY, -INFINITY, NAN};
        for (int b = 0; b < 3; b++) {
            for (int at = 0; at < n; at++) {
                double keep = x[at];
                x[at] = bad[b];
                ck_assert_msg(xl_vec_all_finite(x, n) == 0, "n=%d, bad %d at %d", n, b, at);
                x[at] = keep;
            }
        }
    }
    ck_assert_int_eq(xl_vec_all_finite(x, 0), 1);
}
END_TEST

START_TEST(test_vec_cross_entropy_terms)
{
    /* Against the plain loop on random P (with zeros) and logits. */
    xl_rng rng = xl_rng_make(3u);
    enum { M = 257 };
    static double p[M], z[M];
    for (int round = 0; round < 50; round++) {
        int n = 1 + (int)(xl_rng_uniform(&rng) * M);
        if (n > M) n = M;
        double m = -INFINITY;
        for (int i = 0; i < n; i++) {
            p[i] = xl_rng_uniform(&rng) < 0.25 ? 0.0 : xl_rng_uniform(&rng);
            z[i] = xl_rng_range(&rng, -30.0, 30.0);
            if (z[i] > m) m = z[i];
        }
        const double log_s = 1.75;
        double want = 0.0;
        for (int i = 0; i < n; i++)
            if (p[i] > 0.0) want += p[i] * (m - z[i]) + p[i] * log_s;
        double got = xl_vec_cross_entropy_terms(p, z, m, log_s, n);
        ck_assert_double_eq_tol(got, want, 1e-13 * (1.0 + fabs(want)));
    }
    /* m - z overflows: the term is p m - p z, finite. p = 0 terms add nothing even
     * against an infinite logit. */
    double pp[2] = {0.25, 0.0}, zz[2] = {-1e308, -INFINITY};
    double h = xl_vec_cross_entropy_terms(pp, zz, 1e308, 0.0, 2);
    ck_assert(isfinite(h));
    ck_assert_double_eq_tol(h, 0.25 * 1e308 + 0.25 * 1e308, 1e293);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("vec");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_vec_matches_libm_within_2_ulps);
    tcase_add_test(tc, test_vec_known_values_and_specials);
    tcase_add_test(tc, test_vec_shift_and_in_place);
    tcase_add_test(tc, test_vsum_fixed_order);
    tcase_add_test(tc, test_vec_paths_agree_to_the_bit);
    tcase_add_test(tc, test_vec_log_matches_libm_within_2_ulps);
    tcase_add_test(tc, test_vec_log_known_values_and_specials);
    tcase_add_test(tc, test_vec_max_as_the_scalar_loop);
    tcase_add_test(tc, test_vec_min_max_as_the_scalar_loop);
    tcase_add_test(tc, test_vec_log_sum_row_as_its_parts);
    tcase_add_test(tc, test_vec_all_finite);
    tcase_add_test(tc, test_vec_cross_entropy_terms);
    suite_add_tcase(s, tc);
    return s;
}

/* Tests for xl_info: the numbers the source texts quote, the decided edge conventions,
 * and the identities H(P,Q) = H(P) + D_KL(P||Q) >= H(P) on random distributions. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "xl_info.h"
#include "xl_rng.h"

static const double TOL_QUOTED = 1e-6;  /* values quoted to 6-7 digits */
static const double TOL_EXACT = 1e-12;  /* identities that hold up to rounding */
static const double TOL_ZERO = 1e-15;

/* A random distribution of n entries; with zeros = 1 about a quarter of them are 0. */
static void random_dist(xl_rng *rng, double *p, int n, int zeros)
{
    for (;;) {
        for (int i = 0; i < n; i++) {
            p[i] = xl_rng_uniform(rng);
            if (zeros && xl_rng_uniform(rng) < 0.25)
                p[i] = 0.0;
        }
        if (xl_normalize(p, n) == 0)
            return;
    }
}

START_TEST(test_surprise_quoted_values)
{
    /* Desert weather: rain at 0.001 vs 0.95; the cat picture at 0.1. */
    ck_assert_double_eq_tol(xl_surprise(0.001, XL_NATS), 6.907755, TOL_QUOTED);
    ck_assert_double_eq_tol(xl_surprise(0.95, XL_NATS), 0.051293, TOL_QUOTED);
    ck_assert_double_eq_tol(xl_surprise(0.1, XL_NATS), 2.302585, TOL_QUOTED);
    ck_assert_double_eq_tol(xl_surprise(0.5, XL_BITS), 1.0, TOL_EXACT);
    ck_assert_double_eq_tol(xl_surprise(0.25, XL_BITS), 2.0, TOL_EXACT);
}
END_TEST

START_TEST(test_surprise_edges)
{
    double s0 = xl_surprise(0.0, XL_NATS);
    ck_assert_msg(isinf(s0) && s0 > 0, "surprise(0) = %g, want +inf", s0);
    ck_assert_msg(isinf(xl_surprise(0.0, XL_BITS)) && xl_surprise(0.0, XL_BITS) > 0,
                  "surprise(0) in bits not +inf");
    ck_assert_double_eq_tol(xl_surprise(1.0, XL_NATS), 0.0, TOL_ZERO);
    ck_assert_msg(xl_surprise(1e-300, XL_NATS) > 690.0, "surprise(1e-300) = %g",
                  xl_surprise(1e-300, XL_NATS));
}
END_TEST

START_TEST(test_surprise_additive)
{
    xl_rng rng = xl_rng_make(7);
    for (int k = 0; k < 200; k++) {
        double a = 1e-6 + xl_rng_uniform(&rng);
        double b = 1e-6 + xl_rng_uniform(&rng);
        if (a > 1.0) a = 1.0;
        if (b > 1.0) b = 1.0;
        double joint = xl_surprise(a * b, XL_NATS);
        double sum = xl_surprise(a, XL_NATS) + xl_surprise(b, XL_NATS);
        ck_assert_msg(fabs(joint - sum) < TOL_EXACT, "s(%g*%g)=%.17g vs %.17g", a, b, joint, sum);
    }
}
END_TEST

START_TEST(test_fair_coin)
{
    const double coin[2] = { 0.5, 0.5 };
    ck_assert_double_eq_tol(xl_entropy(coin, 2, XL_NATS), 0.693147, TOL_QUOTED);
    ck_assert_double_eq_tol(xl_entropy(coin, 2, XL_NATS), log(2.0), TOL_EXACT);
    ck_assert_double_eq_tol(xl_entropy(coin, 2, XL_BITS), 1.0, TOL_EXACT);
    /* Irreducible: even the perfect model Q = P pays H(P). */
    ck_assert_double_eq_tol(xl_cross_entropy(coin, coin, 2, XL_BITS), 1.0, TOL_EXACT);
}
END_TEST

START_TEST(test_boltzmann_uniform)
{
    double p[64];
    for (int w = 1; w <= 64; w++) {
        for (int i = 0; i < w; i++)
            p[i] = 1.0 / w;
        double h = xl_entropy(p, w, XL_NATS);
        ck_assert_msg(fabs(h - log((double)w)) < TOL_EXACT, "W=%d: H=%.17g, ln W=%.17g", w, h,
                      log((double)w));
    }
}
END_TEST

START_TEST(test_onehot_collapses)
{
    /* Bird-song: a robin song (class 0) gives a one-hot P; loss = -ln q_robin. */
    const double p[4] = { 1.0, 0.0, 0.0, 0.0 };
    const double q[4] = { 0.6, 0.2, 0.15, 0.05 };
    ck_assert_double_eq_tol(xl_cross_entropy(p, q, 4, XL_NATS), -log(0.6), TOL_EXACT);
    ck_assert_double_eq_tol(xl_entropy(p, 4, XL_NATS), 0.0, TOL_ZERO);
    ck_assert_double_eq_tol(xl_kl(p, q, 4, XL_NATS), -log(0.6), TOL_EXACT);
}
END_TEST

START_TEST(test_zero_conventions)
{
    const double p[3] = { 0.5, 0.5, 0.0 };
    const double q[3] = { 0.25, 0.75, 0.0 };
    double h = xl_cross_entropy(p, q, 3, XL_NATS);
    ck_assert_msg(isfinite(h), "p=0,q=0 term must contribute 0, got %g", h);
    ck_assert_double_eq_tol(h, -0.5 * log(0.25) - 0.5 * log(0.75), TOL_EXACT);
    ck_assert_double_eq_tol(xl_entropy(p, 3, XL_NATS), log(2.0), TOL_EXACT);
    double d = xl_kl(p, q, 3, XL_NATS);
    ck_assert_double_eq_tol(d, h - log(2.0), TOL_EXACT);

    const double q2[3] = { 1.0, 0.0, 0.0 };
    double hi = xl_cross_entropy(p, q2, 3, XL_NATS);
    double di = xl_kl(p, q2, 3, XL_BITS);
    ck_assert_msg(isinf(hi) && hi > 0, "H(P,Q) with q_i=0<p_i: %g, want +inf", hi);
    ck_assert_msg(isinf(di) && di > 0, "KL with q_i=0<p_i: %g, want +inf", di);
}
END_TEST

START_TEST(test_random_identities)
{
    xl_rng rng = xl_rng_make(12345);
    double p[16], q[16];
    for (int k = 0; k < 1000; k++) {
        int n = 2 + (int)(xl_rng_uniform(&rng) * 15);
        random_dist(&rng, p, n, k % 2);
        random_dist(&rng, q, n, 0);
        double h = xl_entropy(p, n, XL_NATS);
        double hpq = xl_cross_entropy(p, q, n, XL_NATS);
        double d = xl_kl(p, q, n, XL_NATS);
        ck_assert_msg(fabs(hpq - (h + d)) < TOL_EXACT, "case %d: H(P,Q)=%.17g H+KL=%.17g", k, hpq,
                      h + d);
        ck_assert_msg(d >= -TOL_ZERO, "case %d: KL=%g < 0", k, d);
        ck_assert_msg(d > 0.0, "case %d: random Q != P but KL=%g", k, d);
        ck_assert_msg(hpq >= h - TOL_ZERO, "case %d: Gibbs fails", k);
        double self = xl_kl(p, p, n, XL_NATS);
        ck_assert_msg(fabs(self) <= TOL_ZERO, "case %d: KL(P||P)=%g", k, self);
        ck_assert_double_eq_tol(xl_kl(p, q, n, XL_BITS), d / log(2.0), TOL_EXACT);
        ck_assert_double_eq_tol(xl_entropy(p, n, XL_BITS), h / log(2.0), TOL_EXACT);
    }
}
END_TEST

START_TEST(test_units)
{
    ck_assert_double_eq(xl_unit_scale(XL_NATS), 1.0);
    ck_assert_double_eq_tol(xl_unit_scale(XL_BITS), 1.0 / log(2.0), TOL_ZERO);
    ck_assert_str_eq(xl_unit_name(XL_NATS), "nats");
    ck_assert_str_eq(xl_unit_name(XL_BITS), "bits");
}
END_TEST

START_TEST(test_softmax_large_logits)
{
    const double cases[][3] = {
        { 1e4, -1e4, 0.0 }, { 1e6, -1e6, 3.0 }, { -1e6, -1e6, -1e6 }, { 1e300, -1e300, 0.0 },
        { 1.0, 2.0, 3.0 },
    };
    /* log q_i = z_i - lse(z) rounds at the scale of the logits: one ulp of 1e6 is 1e-10. */
    const double scale_tol[] = { 1e-11, 1e-9, 1e-9, 0.0, 1e-15 };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const double *z = cases[c];
        double q[3], lq[3];
        xl_softmax(z, 3, q);
        xl_log_softmax(z, 3, lq);
        double s = 0.0;
        for (int i = 0; i < 3; i++) {
            ck_assert_msg(isfinite(q[i]) && q[i] >= 0.0, "case %zu: q[%d]=%g", c, i, q[i]);
            ck_assert_msg(isfinite(lq[i]) && lq[i] <= 0.0, "case %zu: logq[%d]=%g", c, i, lq[i]);
            /* exp(log q) = q wherever q is representable */
            ck_assert_msg(fabs(exp(lq[i]) - q[i]) <= scale_tol[c], "case %zu: exp(logq)=%.17g q=%.17g",
                          c, exp(lq[i]), q[i]);
            s += q[i];
        }
        ck_assert_msg(fabs(s - 1.0) < TOL_EXACT, "case %zu: sum q = %.17g", c, s);
    }
    /* Saturated: exactly one-hot. */
    double q300[3];
    xl_softmax(cases[3], 3, q300);
    ck_assert_double_eq(q300[0], 1.0);
    ck_assert_double_eq(q300[1], 0.0);
    /* Equal logits, however huge: uniform. */
    const double eq[3] = { -1e6, -1e6, -1e6 };
    double q[3];
    xl_softmax(eq, 3, q);
    ck_assert_double_eq_tol(q[1], 1.0 / 3.0, TOL_EXACT);
    const double big[3] = { 1e4, -1e4, 0.0 };
    double lq[3];
    xl_log_softmax(big, 3, lq);
    ck_assert_double_eq_tol(lq[0], 0.0, TOL_EXACT);
    ck_assert_double_eq_tol(lq[1], -2e4, 1e-8);
    ck_assert_double_eq_tol(lq[2], -1e4, 1e-8);
}
END_TEST

START_TEST(test_softmax_alias)
{
    double z[4] = { 0.5, -1.0, 2.0, 0.0 };
    double q[4];
    xl_softmax(z, 4, q);
    xl_softmax(z, 4, z);
    for (int i = 0; i < 4; i++)
        ck_assert_double_eq(z[i], q[i]);
}
END_TEST

START_TEST(test_cross_entropy_logits)
{
    xl_rng rng = xl_rng_make(99);
    double p[10], z[10], q[10];
    for (int k = 0; k < 500; k++) {
        int n = 2 + k % 9;
        random_dist(&rng, p, n, k % 3 == 0);
        for (int i = 0; i < n; i++)
            z[i] = xl_rng_range(&rng, -5.0, 5.0);
        xl_softmax(z, n, q);
        double direct = xl_cross_entropy(p, q, n, XL_NATS);
        double logits = xl_cross_entropy_logits(p, z, n);
        ck_assert_msg(fabs(direct - logits) < TOL_EXACT, "case %d: %.17g vs %.17g", k, direct,
                      logits);
    }
    /* Huge logits: finite and right. */
    const double pz[3] = { 0.0, 1.0, 0.0 };
    const double z4[3] = { 1e4, -1e4, 0.0 };
    ck_assert_double_eq_tol(xl_cross_entropy_logits(pz, z4, 3), 2e4, 1e-8);
    const double z6[3] = { 1e6, -1e6, 0.0 };
    const double ph[3] = { 0.5, 0.0, 0.5 };
    ck_assert_double_eq_tol(xl_cross_entropy_logits(ph, z6, 3), 0.5e6, 1e-6);
    const double pc[3] = { 1.0, 0.0, 0.0 };
    double at_max = xl_cross_entropy_logits(pc, z6, 3);
    ck_assert_msg(isfinite(at_max) && fabs(at_max) < TOL_EXACT, "confident and right: %g", at_max);
    /* A class with p = 0 may have a hugely negative logit without harm. */
    const double zneg[3] = { 0.0, -1e300, 0.0 };
    const double p2[3] = { 0.5, 0.0, 0.5 };
    ck_assert_double_eq_tol(xl_cross_entropy_logits(p2, zneg, 3), log(2.0), TOL_EXACT);
}
END_TEST

/* Issue 5, item 1: log q from logits must be exact at every magnitude. logq_i is
 * (z_i - m) - log sum exp(z_j - m): z_i - lse(z) would lose log sum exp(...) next to a
 * huge lse, and taking log of an underflowed q would give -infinity. */
START_TEST(test_log_softmax_exact_at_every_magnitude)
{
    /* q_4 = e^-800 / (...) underflows to 0, yet its log is exactly -800. */
    const double z[5] = { 0.0, 0.0, 0.0, 800.0, 0.0 };
    double q[5], lq[5];
    xl_softmax(z, 5, q);
    xl_log_softmax(z, 5, lq);
    ck_assert_msg(q[0] == 0.0, "q[0] = %g, expected to underflow to 0", q[0]);
    for (int i = 0; i < 5; i++)
        ck_assert_msg(isfinite(lq[i]), "logq[%d] = %g", i, lq[i]);
    ck_assert_msg(fabs(lq[0] + 800.0) <= 1e-9 * 800.0, "logq[0] = %.17g, expected -800", lq[0]);
    ck_assert_msg(fabs(xl_surprise_from_log(lq[0], XL_NATS) - 800.0) <= 1e-9 * 800.0,
                  "surprise of class 1 = %.17g nats, expected 800", xl_surprise_from_log(lq[0], XL_NATS));
    ck_assert_msg(fabs(xl_surprise_from_log(lq[0], XL_BITS) - 800.0 / log(2.0)) <= 1e-9 * 1200.0,
                  "surprise of class 1 = %.17g bits", xl_surprise_from_log(lq[0], XL_BITS));
    /* Equal logits of any magnitude: log q = -log N exactly, not 0. */
    const double mags[] = { 1.0, 10.0, 1e3, 1e8, 1e16, 1e100, 1e300, -1e300 };
    for (size_t k = 0; k < sizeof mags / sizeof mags[0]; k++) {
        double e[5];
        for (int i = 0; i < 5; i++)
            e[i] = mags[k];
        xl_log_softmax(e, 5, lq);
        for (int i = 0; i < 5; i++)
            ck_assert_msg(fabs(lq[i] + log(5.0)) <= TOL_EXACT,
                          "z = %g x5: logq[%d] = %.17g, expected -ln 5", mags[k], i, lq[i]);
    }
    /* log q <= 0 always, and the largest logit's log q is -log(sum), not z - lse. */
    const double mixed[3] = { 1e16, 1e16 - 2.0, -1e16 };
    xl_log_softmax(mixed, 3, lq);
    ck_assert_double_eq_tol(lq[0], -log(1.0 + exp(-2.0)), TOL_EXACT);
    ck_assert_double_eq_tol(lq[1], -2.0 - log(1.0 + exp(-2.0)), TOL_EXACT);
    ck_assert_msg(lq[2] == -2e16 - log(1.0 + exp(-2.0)), "logq[2] = %.17g", lq[2]);
}
END_TEST

START_TEST(test_surprise_from_log)
{
    ck_assert_double_eq(xl_surprise_from_log(0.0, XL_NATS), 0.0);
    ck_assert_msg(!signbit(xl_surprise_from_log(0.0, XL_NATS)), "surprise of certainty is -0");
    ck_assert_double_eq_tol(xl_surprise_from_log(log(0.001), XL_NATS), 6.907755, TOL_QUOTED);
    ck_assert_double_eq_tol(xl_surprise_from_log(-log(2.0), XL_BITS), 1.0, TOL_EXACT);
    ck_assert_msg(isinf(xl_surprise_from_log(-INFINITY, XL_NATS)) &&
                  xl_surprise_from_log(-INFINITY, XL_NATS) > 0, "surprise of log q = -inf");
    ck_assert_msg(isinf(xl_surprise_from_log(-INFINITY, XL_BITS)), "surprise in bits of log q = -inf");
    /* Agrees with xl_surprise wherever q is representable. */
    for (double q = 1.0; q > 1e-300; q *= 0.37)
        ck_assert_double_eq_tol(xl_surprise_from_log(log(q), XL_BITS), xl_surprise(q, XL_BITS),
                                TOL_EXACT * (1.0 + xl_surprise(q, XL_BITS)));
}
END_TEST

/* Issue 5, item 2: each term of H(P, softmax z) is (m - z_i) + log sum exp(z_j - m), so
 * equal logits of any size give ln N and a shifted copy gives the unshifted value. */
START_TEST(test_cross_entropy_logits_every_magnitude)
{
    const double mags[] = { 1.0, 10.0, 1e3, 1e8, 1e16, 1e100, 1e300 };
    const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    const double base[5] = { 0.5, -1.0, 2.0, 0.0, -0.25 };
    const double ref = xl_cross_entropy_logits(p, base, 5);
    for (size_t k = 0; k < sizeof mags / sizeof mags[0]; k++) {
        for (int sign = -1; sign <= 1; sign += 2) {
            double e[5], sh[5];
            for (int i = 0; i < 5; i++) {
                e[i] = sign * mags[k];
                sh[i] = sign * mags[k] + base[i];
            }
            double h = xl_cross_entropy_logits(p, e, 5);
            ck_assert_msg(fabs(h - log(5.0)) <= TOL_EXACT,
                          "equal logits %g: H = %.17g, expected ln 5 = %.17g", sign * mags[k], h, log(5.0));
            /* A shift by c leaves H unchanged wherever z + c is still the same vector up
             * to rounding: the shifted logits round at the scale of c (ulp(1e3) ~ 1e-13). */
            if (mags[k] <= 1e3) {
                double hs = xl_cross_entropy_logits(p, sh, 5);
                ck_assert_msg(fabs(hs - ref) <= 1e-12,
                              "shift %g: H = %.17g, unshifted %.17g", sign * mags[k], hs, ref);
            }
        }
    }
    /* The issue's own numbers: 1e300 x 5 gave 0, 1e16 x 5 gave 2. */
    const double u[5] = { 0.2, 0.2, 0.2, 0.2, 0.2 };
    const double z300[5] = { 1e300, 1e300, 1e300, 1e300, 1e300 };
    ck_assert_double_eq_tol(xl_cross_entropy_logits(u, z300, 5), log(5.0), TOL_EXACT);
    ck_assert_double_eq_tol(xl_kl(u, u, 5, XL_NATS), 0.0, TOL_EXACT);
    const double z16[5] = { 1e16, 1e16, 1e16, 1e16, 1e16 };
    ck_assert_double_eq_tol(xl_cross_entropy_logits(u, z16, 5), log(5.0), TOL_EXACT);
    /* Logits so far apart that m - z_i overflows: the loss is still the finite
     * p_i m - p_i z_i when that is representable. */
    const double third[3] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    const double wide[3] = { 1e308, -1e308, 0.0 };
    double hw = xl_cross_entropy_logits(third, wide, 3);
    ck_assert_msg(isfinite(hw) && fabs(hw - 1e308) <= 1e-12 * 1e308, "H = %.17g, expected 1e308", hw);
}
END_TEST

START_TEST(test_log_sum_exp)
{
    const double z[3] = { 1000.0, 1000.0, -INFINITY };
    ck_assert_double_eq_tol(xl_log_sum_exp(z, 3), 1000.0 + log(2.0), TOL_EXACT);
    const double one[1] = { -3.5 };
    ck_assert_double_eq(xl_log_sum_exp(one, 1), -3.5);
}
END_TEST

START_TEST(test_normalize)
{
    double w[3] = { 1.0, 3.0, 0.0 };
    ck_assert_int_eq(xl_normalize(w, 3), 0);
    ck_assert_double_eq_tol(w[0], 0.25, TOL_EXACT);
    ck_assert_double_eq_tol(w[1], 0.75, TOL_EXACT);
    ck_assert_double_eq(w[2], 0.0);

    double neg[2] = { 1.0, -0.5 };
    ck_assert_int_eq(xl_normalize(neg, 2), -1);
    ck_assert_double_eq(neg[0], 1.0);
    ck_assert_double_eq(neg[1], -0.5);
    double zero[2] = { 0.0, 0.0 };
    ck_assert_int_eq(xl_normalize(zero, 2), -1);
    double nan[2] = { NAN, 1.0 };
    ck_assert_int_eq(xl_normalize(nan, 2), -1);
    ck_assert_double_eq(nan[1], 1.0);
    double inf[2] = { INFINITY, 1.0 };
    ck_assert_int_eq(xl_normalize(inf, 2), -1);
    double huge[2] = { 1e308, 1e308 };
    ck_assert_int_eq(xl_normalize(huge, 2), 0);
    ck_assert_double_eq_tol(huge[0], 0.5, TOL_EXACT);
    /* Extremes: the largest doubles (their sum overflows) and denormals (their
     * reciprocal overflows) both normalize, because each weight is divided by the
     * largest first. */
    double top[3] = { DBL_MAX, DBL_MAX, DBL_MAX };
    ck_assert_int_eq(xl_normalize(top, 3), 0);
    ck_assert_double_eq_tol(top[2], 1.0 / 3.0, TOL_EXACT);
    double tiny[2] = { 5e-324, 5e-324 };
    ck_assert_int_eq(xl_normalize(tiny, 2), 0);
    ck_assert_double_eq_tol(tiny[0], 0.5, TOL_EXACT);
    double mixed[3] = { DBL_MAX, 5e-324, 0.0 };
    ck_assert_int_eq(xl_normalize(mixed, 3), 0);
    ck_assert_double_eq(mixed[0], 1.0);
    ck_assert_msg(mixed[1] >= 0.0 && mixed[1] < 1e-300, "mixed[1] = %g", mixed[1]);
}
END_TEST

START_TEST(test_rng_deterministic)
{
    xl_rng a = xl_rng_make(42), b = xl_rng_make(42), c = xl_rng_make(43);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t va = xl_rng_next(&a), vc = xl_rng_next(&c);
        ck_assert_uint_eq(va, xl_rng_next(&b));
        differ += va != vc;
    }
    ck_assert_int_gt(differ, 90);
    /* splitmix64 reference: first output for seed 0. */
    xl_rng z = xl_rng_make(0);
    ck_assert_uint_eq(xl_rng_next(&z), UINT64_C(0xE220A8397B1DCDAF));
    xl_rng r = xl_rng_make(5);
    for (int i = 0; i < 10000; i++) {
        double u = xl_rng_range(&r, -3.0, 3.0);
        ck_assert_msg(u >= -3.0 && u < 3.0, "range draw %g", u);
    }
}
END_TEST

/* The fused loss and gradient are the separate ones to the last bit, on random
 * distributions and logits of every magnitude, sizes 1 to 1024. */
START_TEST(test_fused_loss_gradient_bit_identical)
{
    xl_rng rng = xl_rng_make(11);
    static double p[1024], z[1024], g1[1024], g2[1024];
    static const double scales[] = {1e-300, 1e-8, 1.0, 30.0, 800.0, 1e16, 1e300};
    int cases = 0;
    for (int trial = 0; trial < 400; trial++) {
        const int n = trial < 10 ? trial + 1 : 1 + (int)(xl_rng_uniform(&rng) * (trial % 7 == 0 ? 1024 : 40));
        random_dist(&rng, p, n, trial % 2);
        const double scale = scales[trial % 7];
        for (int i = 0; i < n; i++) z[i] = (2.0 * xl_rng_uniform(&rng) - 1.0) * scale;
        const double h1 = xl_cross_entropy_logits(p, z, n);
        xl_softmax(z, n, g1);
        for (int i = 0; i < n; i++) g1[i] -= p[i];
        const double h2 = xl_cross_entropy_logits_grad(p, z, n, g2);
        ck_assert_msg(memcmp(&h1, &h2, sizeof h1) == 0, "n=%d scale %g: loss %.17g vs %.17g", n, scale, h1, h2);
        ck_assert_msg(memcmp(g1, g2, (size_t)n * sizeof(double)) == 0, "n=%d scale %g: gradients differ", n, scale);
        cases++;
    }
    ck_assert_int_eq(cases, 400);
    /* A value worked out by hand: P = (1, 0), z = (0, ln 999): q = (0.001, 0.999),
     * H = -ln 0.001, gradient (0.001 - 1, 0.999). */
    const double pp[2] = {1.0, 0.0}, zz[2] = {0.0, log(999.0)};
    double g[2];
    ck_assert_double_eq_tol(xl_cross_entropy_logits_grad(pp, zz, 2, g), 6.907755278982137, 1e-12);
    ck_assert_double_eq_tol(g[0], -0.999, 1e-15);
    ck_assert_double_eq_tol(g[1], 0.999, 1e-15);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("info");
    const xl_test_case cases[] = {
        { "surprise quoted values", test_surprise_quoted_values },
        { "surprise edge cases", test_surprise_edges },
        { "surprise additivity", test_surprise_additive },
        { "fair coin", test_fair_coin },
        { "boltzmann uniform entropy", test_boltzmann_uniform },
        { "one-hot collapse", test_onehot_collapses },
        { "zero-probability conventions", test_zero_conventions },
        { "random identities", test_random_identities },
        { "units", test_units },
        { "softmax large logits", test_softmax_large_logits },
        { "softmax aliasing", test_softmax_alias },
        { "cross-entropy from logits", test_cross_entropy_logits },
        { "log-softmax exact at every magnitude", test_log_softmax_exact_at_every_magnitude },
        { "surprise from log q", test_surprise_from_log },
        { "cross-entropy from logits at every magnitude", test_cross_entropy_logits_every_magnitude },
        { "log-sum-exp", test_log_sum_exp },
        { "normalize errors", test_normalize },
        { "rng determinism", test_rng_deterministic },
        { "fused loss and gradient bit-identical", test_fused_loss_gradient_bit_identical },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

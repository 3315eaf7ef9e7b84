/* Tests for xl_renyi: the named orders, the limits α → 1 and α → ∞ against independent
 * sums in long double, H_α non-increasing in α, zeros, one-hot and uniform P, additivity
 * for independent systems at every order, and the chain rule that only α = 1 obeys
 * (a concrete counterexample at α = 2 and α = 0.5), which lesson 13 teaches. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_info.h"
#include "xl_lesson.h"
#include "xl_renyi.h"
#include "xl_rng.h"
#include "xl_session.h"

/* A random distribution of n entries (a quarter of them 0 with zeros = 1), spread over
 * many decades (u^8) so that ln p varies. */
static void random_dist(xl_rng *rng, double *p, int n, int zeros)
{
    for (;;) {
        for (int i = 0; i < n; i++) {
            const double u = xl_rng_uniform(rng);
            p[i] = u * u * u * u * u * u * u * u;
            if (zeros && xl_rng_uniform(rng) < 0.25) p[i] = 0.0;
        }
        if (xl_normalize(p, n) == 0) return;
    }
}

/* p / Σp in long double (xl_renyi reads P so). */
static void normalise_l(const double *praw, int n, long double *p)
{
    long double total = 0.0L;
    for (int i = 0; i < n; i++) total += praw[i] > 0.0 ? (long double)praw[i] : 0.0L;
    for (int i = 0; i < n; i++) p[i] = praw[i] > 0.0 ? (long double)praw[i] / total : 0.0L;
}

/* Shannon −Σ p ln p and Var(ln p) under P, in long double. */
static long double shannon_l(const double *praw, int n, long double *var)
{
    long double p[64], h = 0.0L, m2 = 0.0L;
    normalise_l(praw, n, p);
    for (int i = 0; i < n; i++)
        if (p[i] > 0.0L) {
            h -= p[i] * logl(p[i]);
            m2 += p[i] * logl(p[i]) * logl(p[i]);
        }
    if (var) *var = m2 - h * h;
    return h;
}

/* H_α in long double (64-bit mantissa, 1e-19), by the definition ln(Σ p^α)/(1 − α) with
 * powl, summed as Σ p (p^t − 1) = Σ p expm1l(t ln p) through log1pl, t = α − 1, so that
 * the 1 − α in the denominator meets no cancelled sum (the plain sum in long double keeps
 * only 1e-19/|t| absolute: 1e-13 at t = 1e-6, too little to check 1e-12 relative on a
 * small H). Cross-checked against the plain definition and a cumulant series below. */
static long double renyi_l(const double *praw, int n, double alpha)
{
    long double p[64];
    normalise_l(praw, n, p);
    const long double t = (long double)alpha - 1.0L;
    long double s = 0.0L;
    if (fabsl(t) < 1.0L) {
        for (int i = 0; i < n; i++)
            if (p[i] > 0.0L) s += p[i] * expm1l(t * logl(p[i]));
        return t == 0.0L ? shannon_l(praw, n, NULL) : -log1pl(s) / t;
    }
    for (int i = 0; i < n; i++)
        if (p[i] > 0.0L) s += powl(p[i], (long double)alpha);
    return logl(s) / (1.0L - (long double)alpha);
}

/* The same by the plain definition (|t| ≥ 1e-6) or, nearer 1, the cumulant series
 * −(κ1 + t κ2/2 + t² κ3/6 + t³ κ4/24) of ln p under P: a check of renyi_l itself. */
static long double renyi_plain_l(const double *praw, int n, double alpha)
{
    long double p[64];
    normalise_l(praw, n, p);
    const long double t = (long double)alpha - 1.0L;
    if (fabsl(t) >= 1e-6L) {
        long double s = 0.0L;
        for (int i = 0; i < n; i++)
            if (p[i] > 0.0L) s += powl(p[i], (long double)alpha);
        return logl(s) / (1.0L - (long double)alpha);
    }
    long double m[5] = {0};
    for (int k = 1; k <= 4; k++)
        for (int i = 0; i < n; i++)
            if (p[i] > 0.0L) m[k] += p[i] * powl(logl(p[i]), (long double)k);
    const long double k1 = m[1], k2 = m[2] - m[1] * m[1], k3 = m[3] - 3 * m[2] * m[1] + 2 * m[1] * m[1] * m[1];
    const long double k4 = m[4] - 4 * m[3] * m[1] - 3 * m[2] * m[2] + 12 * m[2] * m[1] * m[1] - 6 * powl(m[1], 4);
    return -(k1 + t * k2 / 2 + t * t * k3 / 6 + t * t * t * k4 / 24);
}

/* |a − b| within rel of |b| (and 1e-300 absolute for zeros). */
static void assert_rel(double a, long double b, double rel)
{
    const long double d = fabsl((long double)a - b);
    ck_assert_msg(d <= rel * fabsl(b) + 1e-300L, "got %.17g, expected %.17Lg (relative error %.3Lg)", a, b,
                  b != 0.0L ? d / fabsl(b) : d);
}

START_TEST(test_named_orders)
{
    /* The loaded die: one face 1/2, the other five 1/10. */
    const double p[6] = {0.5, 0.1, 0.1, 0.1, 0.1, 0.1};
    ck_assert_double_eq_tol(xl_renyi(p, 6, 0.0), log(6.0), 1e-15);
    ck_assert_double_eq_tol(xl_renyi(p, 6, 1.0), xl_entropy(p, 6, XL_NATS), 1e-15);
    ck_assert_double_eq_tol(xl_renyi(p, 6, 1.0), 0.5 * log(2.0) + 0.5 * log(10.0), 1e-15);
    ck_assert_double_eq_tol(xl_renyi(p, 6, 2.0), -log(0.25 + 5 * 0.01), 1e-15);
    ck_assert_double_eq_tol(xl_renyi(p, 6, 0.5), 2.0 * log(sqrt(0.5) + 5 * sqrt(0.1)), 1e-14);
    ck_assert_double_eq_tol(xl_renyi(p, 6, INFINITY), log(2.0), 1e-15);
    /* H_2 = −ln Σ p² on random P. */
    xl_rng rng = xl_rng_make(2);
    for (int trial = 0; trial < 200; trial++) {
        double q[40];
        const int n = 2 + (int)(xl_rng_uniform(&rng) * 38);
        random_dist(&rng, q, n, trial % 2);
        long double ql[40], s = 0.0L;
        normalise_l(q, n, ql);
        for (int i = 0; i < n; i++) s += ql[i] * ql[i];
        assert_rel(xl_renyi(q, n, 2.0), -logl(s), 1e-12);
    }
}
END_TEST

/* α = 1 ± 10^-k, k = 3..15: within 1e-12 relative of the long-double value. The distance
 * to Shannon's is −t Var(ln p)/2 to first order (t = α − 1), checked with its sign, so
 * H_α is within 1e-12 of Shannon's once |t| Var/2 is below 5e-13 (t ≤ 1e-13 for these P). */
START_TEST(test_limit_one)
{
    xl_rng rng = xl_rng_make(1);
    double worst = 0.0;
    for (int trial = 0; trial < 100; trial++) {
        double p[50];
        const int n = 2 + (int)(xl_rng_uniform(&rng) * 48);
        random_dist(&rng, p, n, trial % 3 == 0);
        long double var = 0.0L;
        const long double h = shannon_l(p, n, &var);
        assert_rel(xl_renyi(p, n, 1.0), h, 1e-14);
        for (int k = 3; k <= 15; k++)
            for (int sign = -1; sign <= 1; sign += 2) {
                const double alpha = 1.0 + sign * pow(10.0, -k);
                const double got = xl_renyi(p, n, alpha);
                const long double want = renyi_l(p, n, alpha);
                assert_rel(got, want, 1e-12);
                /* The reference against the plain sum, within what that one keeps. */
                const long double plain = renyi_plain_l(p, n, alpha);
                ck_assert_msg(fabsl(plain - want) <= 1e-17L / fabsl((long double)alpha - 1.0L) + 1e-15L * want,
                              "references disagree: %.17Lg vs %.17Lg", plain, want);
                const double rel = (double)(fabsl((long double)got - want) / want);
                if (rel > worst) worst = rel;
                /* On the side of Shannon that the order says, by the first-order amount. */
                const long double t = (long double)alpha - 1.0L, d = (long double)got - h;
                ck_assert_msg(fabsl(d + t * var / 2) <= 2 * t * t * (1 + var * var) + 1e-13L * h,
                              "α = 1%+.0e: H_α − H = %.3Lg, −t Var/2 = %.3Lg", sign * pow(10.0, -k), d, -t * var / 2);
                /* Within 1e-12 of Shannon's wherever the first-order distance is below half that. */
                if (fabsl(t) * var / 2 <= 5e-13L)
                    ck_assert_msg(fabsl(d) <= 1e-12L, "α = 1%+.0e: H_α − H = %.3Lg", sign * pow(10.0, -k), d);
            }
    }
    ck_assert_double_lt(worst, 1e-12);
}
END_TEST

/* The method's seam at |α − 1| = 1/2 and the definition elsewhere, in long double. */
START_TEST(test_against_long_double)
{
    static const double alphas[] = {1e-9, 0.01, 0.3, 0.4999, 0.5, 0.5001, 0.9, 1.1, 1.4999, 1.5, 1.5001, 2, 3.7, 10, 50, 300};
    xl_rng rng = xl_rng_make(3);
    for (int trial = 0; trial < 100; trial++) {
        double p[64];
        const int n = 1 + (int)(xl_rng_uniform(&rng) * 63);
        random_dist(&rng, p, n, trial % 2);
        for (size_t a = 0; a < sizeof alphas / sizeof alphas[0]; a++) {
            const long double want = renyi_l(p, n, alphas[a]);
            if (want == 0.0L) ck_assert_double_eq_tol(xl_renyi(p, n, alphas[a]), 0.0, 1e-15);
            else assert_rel(xl_renyi(p, n, alphas[a]), want, 1e-12);
        }
    }
}
END_TEST

/* Large α approaches −ln max p from above, within ln(n)/(α − 1) (Σ p^α ≤ n max p^α),
 * and α = ∞ is it exactly; huge α neither overflows nor gives NaN. */
START_TEST(test_limit_infinity)
{
    xl_rng rng = xl_rng_make(4);
    for (int trial = 0; trial < 100; trial++) {
        double p[30];
        const int n = 2 + (int)(xl_rng_uniform(&rng) * 28);
        random_dist(&rng, p, n, trial % 2);
        double pmax = 0.0;
        for (int i = 0; i < n; i++) pmax = p[i] > pmax ? p[i] : pmax;
        const double hinf = -log(pmax);
        ck_assert_double_eq_tol(xl_renyi(p, n, INFINITY), hinf, 1e-15);
        for (double alpha = 10.0; alpha <= 1e300; alpha *= 1000.0) {
            const double h = xl_renyi(p, n, alpha);
            ck_assert(isfinite(h));
            ck_assert_double_ge(h, hinf - 1e-15);
            ck_assert_double_le(h, hinf + log((double)n) / (alpha - 1.0) + 1e-15);
        }
        ck_assert_double_eq_tol(xl_renyi(p, n, 1e12), hinf, 1e-11);
    }
}
END_TEST

START_TEST(test_order_zero)
{
    const double p[5] = {0.2, 0.0, 0.7, 0.0, 0.1};
    ck_assert_double_eq_tol(xl_renyi(p, 5, 0.0), log(3.0), 1e-15);
    /* Just above 0 it is still close to Hartley's (Σ p^α → support size). */
    ck_assert_double_eq_tol(xl_renyi(p, 5, 1e-12), log(3.0), 1e-10);
}
END_TEST

/* Non-increasing in α on random P over a grid from 0 to ∞. */
START_TEST(test_non_increasing)
{
    double alphas[200];
    int m = 0;
    for (int k = 0; k < 150; k++) alphas[m++] = k * 0.02;          /* 0 .. 2.98 */
    for (double a = 3.0; m < 199; a *= 1.3) alphas[m++] = a;        /* .. ~1e18 */
    alphas[m++] = INFINITY;
    xl_rng rng = xl_rng_make(5);
    for (int trial = 0; trial < 300; trial++) {
        double p[40], h[200];
        const int n = 1 + (int)(xl_rng_uniform(&rng) * 39);
        random_dist(&rng, p, n, trial % 2);
        xl_renyi_grid(p, n, alphas, m, h);
        for (int k = 1; k < m; k++)
            ck_assert_msg(h[k] <= h[k - 1] * (1 + 1e-14) + 1e-15, "H_%g = %.17g > H_%g = %.17g", alphas[k], h[k],
                          alphas[k - 1], h[k - 1]);
        ck_assert_double_le(h[m - 1], h[0]);
    }
}
END_TEST

/* Zeros change nothing but the support; one-hot P: every H_α = 0; uniform P: ln n. */
START_TEST(test_zeros_onehot_uniform)
{
    const double a[3] = {0.5, 0.3, 0.2}, b[6] = {0.0, 0.5, 0.0, 0.3, 0.2, 0.0};
    const double onehot[4] = {0.0, 1.0, 0.0, 0.0};
    double uni[7];
    for (int i = 0; i < 7; i++) uni[i] = 1.0 / 7.0;
    for (int k = 0; k < 40; k++) {
        const double alpha = k == 39 ? INFINITY : k * 0.1 + (k % 3) * 1e-9;
        ck_assert_double_eq_tol(xl_renyi(b, 6, alpha), xl_renyi(a, 3, alpha), 1e-15);
        ck_assert_double_eq(xl_renyi(onehot, 4, alpha), 0.0);
        ck_assert_double_eq_tol(xl_renyi(uni, 7, alpha), log(7.0), 1e-14);
    }
    /* An unnormalised P is read as p / Σp. */
    const double twice[3] = {1.0, 0.6, 0.4};
    ck_assert_double_eq_tol(xl_renyi(twice, 3, 2.0), xl_renyi(a, 3, 2.0), 1e-15);
    /* No support, or a bad order: NaN. */
    const double none[2] = {0.0, 0.0};
    ck_assert(isnan(xl_renyi(none, 2, 1.0)));
    ck_assert(isnan(xl_renyi(a, 3, -1.0)));
    ck_assert(isnan(xl_renyi(a, 3, NAN)));
}
END_TEST

/* Independent systems: H_α(P ⊗ R) = H_α(P) + H_α(R) at every order (true for all α). */
START_TEST(test_additive_every_order)
{
    xl_rng rng = xl_rng_make(6);
    static const double alphas[] = {0, 0.25, 0.5, 0.999999, 1, 1.000001, 2, 3, 7.5, 100, INFINITY};
    for (int trial = 0; trial < 100; trial++) {
        double p[8], r[8], pr[64];
        const int n = 1 + (int)(xl_rng_uniform(&rng) * 8), m = 1 + (int)(xl_rng_uniform(&rng) * 8);
        random_dist(&rng, p, n, trial % 2);
        random_dist(&rng, r, m, trial % 3 == 0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) pr[i * m + j] = p[i] * r[j];
        for (size_t a = 0; a < sizeof alphas / sizeof alphas[0]; a++) {
            const double sum = xl_renyi(p, n, alphas[a]) + xl_renyi(r, m, alphas[a]);
            ck_assert_double_eq_tol(xl_renyi(pr, n * m, alphas[a]), sum, 1e-12 * (1 + sum));
        }
    }
}
END_TEST

/* The chain rule H(X,Y) = H(X) + Σ_x p(x) H(Y | X = x): at α = 1 on random joints; at α = 2
 * and 0.5 it fails for the joint the lesson uses (X a fair coin; heads: Y fixed, tails:
 * Y a fair coin; joint (1/2, 1/4, 1/4)). */
static double chain_gap(const double *joint, int nx, int ny, double alpha)
{
    double px[8] = {0}, rhs = 0.0;
    for (int x = 0; x < nx; x++) {
        px[x] = 0.0;
        for (int y = 0; y < ny; y++) px[x] += joint[x * ny + y];
    }
    rhs = xl_renyi(px, nx, alpha);
    for (int x = 0; x < nx; x++)
        if (px[x] > 0.0) rhs += px[x] * xl_renyi(joint + x * ny, ny, alpha); /* p(y | x), read as p / Σp */
    return xl_renyi(joint, nx * ny, alpha) - rhs;
}

START_TEST(test_chain_rule_only_shannon)
{
    xl_rng rng = xl_rng_make(7);
    for (int trial = 0; trial < 200; trial++) {
        double joint[64];
        const int nx = 2 + (int)(xl_rng_uniform(&rng) * 6), ny = 2 + (int)(xl_rng_uniform(&rng) * 6);
        random_dist(&rng, joint, nx * ny, trial % 2);
        ck_assert_double_eq_tol(chain_gap(joint, nx, ny, 1.0), 0.0, 1e-13);
    }
    const double joint[4] = {0.5, 0.0, 0.25, 0.25};
    ck_assert_double_eq_tol(chain_gap(joint, 2, 2, 1.0), 0.0, 1e-15);
    /* α = 2: H_2(X,Y) = −ln(3/8) = 0.98083; H_2(X) + ½ H_2(Y | tails) = 1.5 ln 2 = 1.03972. */
    ck_assert_double_eq_tol(xl_renyi(joint, 4, 2.0), -log(0.375), 1e-15);
    ck_assert_double_eq_tol(chain_gap(joint, 2, 2, 2.0), -log(0.375) - 1.5 * log(2.0), 1e-15);
    ck_assert_double_lt(chain_gap(joint, 2, 2, 2.0), -0.05);
    /* α = 0.5: 2 ln(√½ + 2·½) − 1.5 ln 2 = +0.0299 (the other side). */
    ck_assert_double_eq_tol(chain_gap(joint, 2, 2, 0.5), 2 * log(sqrt(0.5) + 1.0) - 1.5 * log(2.0), 1e-14);
    ck_assert_double_gt(chain_gap(joint, 2, 2, 0.5), 0.02);
}
END_TEST

/* For cross-entropy, H(P,Q) = H(P) + KL(P‖Q) at α = 1; with H_2 in place of H(P) the
 * same sum is not H(P,Q) (the gap is H_2(P) − H(P) ≠ 0 unless P is uniform on its support). */
START_TEST(test_cross_entropy_identity_shannon)
{
    const double p[3] = {0.98, 0.01, 0.01}, q[3] = {0.6, 0.3, 0.1};
    const double hpq = xl_cross_entropy(p, q, 3, XL_NATS), kl = xl_kl(p, q, 3, XL_NATS);
    ck_assert_double_eq_tol(xl_renyi(p, 3, 1.0) + kl, hpq, 1e-14);
    ck_assert_double_gt(fabs(xl_renyi(p, 3, 2.0) + kl - hpq), 0.05);
}
END_TEST

START_TEST(test_orders_parse_step_axis)
{
    double a = -1.0;
    char err[256] = "";
    ck_assert_int_eq(xl_renyi_parse_order("2", &a, err, sizeof err), 0);
    ck_assert_double_eq(a, 2.0);
    ck_assert_int_eq(xl_renyi_parse_order(" inf ", &a, err, sizeof err), 0);
    ck_assert(isinf(a));
    ck_assert_int_eq(xl_renyi_parse_order("∞", &a, err, sizeof err), 0);
    ck_assert_int_eq(xl_renyi_parse_order("0", &a, err, sizeof err), 0);
    ck_assert_double_eq(a, 0.0);
    static const char *const bad[] = {"-1", "nan", "NaN", "1e308", "text", "", "2x", "-inf", "1e400", "-0.5", "0x10", "0X1p1", "0x1P-3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        a = 7.0;
        ck_assert_int_eq(xl_renyi_parse_order(bad[i], &a, err, sizeof err), -1);
        ck_assert_double_eq(a, 7.0);
        ck_assert_ptr_nonnull(strstr(err, "renyi-order needs"));
    }
    ck_assert_double_eq(xl_renyi_next_order(0.0), 0.5);
    ck_assert_double_eq(xl_renyi_next_order(0.5), 1.0);
    ck_assert_double_eq(xl_renyi_next_order(1.0), 2.0);
    ck_assert(isinf(xl_renyi_next_order(2.0)));
    ck_assert_double_eq(xl_renyi_next_order(INFINITY), 0.0);
    ck_assert_double_eq(xl_renyi_next_order(3.0), INFINITY);
    ck_assert_double_eq(xl_renyi_axis(1.0), 0.5);
    ck_assert_double_eq(xl_renyi_axis(INFINITY), 1.0);
    for (double x = 0.0; x < 100.0; x += 0.37) ck_assert_double_eq_tol(xl_renyi_axis_inverse(xl_renyi_axis(x)), x, 1e-12 * (1 + x));
    ck_assert(isinf(xl_renyi_axis_inverse(1.0)));
    ck_assert_str_eq(xl_renyi_order_name(2.0), "collision");
    ck_assert_ptr_null(xl_renyi_order_name(0.5));
    char buf[16];
    ck_assert_str_eq(xl_renyi_format_order(INFINITY, buf, sizeof buf), "∞");
    ck_assert_str_eq(xl_renyi_format_order(0.5, buf, sizeof buf), "0.5");
}
END_TEST

/* A lesson's @expect renyi_A: the names, and the check against the bars' P. */
START_TEST(test_lesson_expect_names)
{
    double a = -1.0;
    ck_assert_int_eq(xl_lesson_renyi_name("renyi_0_5", &a), 1);
    ck_assert_double_eq(a, 0.5);
    ck_assert_int_eq(xl_lesson_renyi_name("renyi_inf", &a), 1);
    ck_assert(isinf(a));
    ck_assert_int_eq(xl_lesson_renyi_name("renyi_2", &a), 1);
    ck_assert_double_eq(a, 2.0);
    static const char *const bad[] = {"renyi_", "renyi", "renyi_x", "renyi_nan", "renyi_1e308", "entropy", "renyi_0__5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) ck_assert_int_eq(xl_lesson_renyi_name(bad[i], &a), 0);
    /* Played: a fair coin's H_2 is ln 2; the Gaussian refuses with its reason. */
    static const char coin[] = "# T\n## A\n@scenario softmax\n@param classes=2\n@set-p 1,1\n"
                               "@expect renyi_2 = 0.6931 ± 0.0001\n@expect renyi_inf = 0.6931 ± 0.0001\n";
    static const char gauss[] = "# T\n## A\n@scenario gaussian\n@expect renyi_2 = 1 ± 0.1\n";
    static const char wrong[] = "# T\n## A\n@scenario softmax\n@param classes=2\n@set-p 1,1\n"
                                "@expect renyi_2 = 0.5 ± 0.0001\n";
    const char *const texts[3] = {coin, gauss, wrong};
    const int problems[3] = {0, 1, 1};
    for (int k = 0; k < 3; k++) {
        xl_lesson *l = malloc(sizeof *l);
        ck_assert_ptr_nonnull(l);
        ck_assert_int_eq(xl_lesson_parse("t.lesson", texts[k], strlen(texts[k]), l), 0);
        xl_session_desc desc;
        xl_session_desc_default(&desc, 1);
        xl_session *s = xl_session_create(&desc);
        char report[1024] = "";
        int expects = 0;
        ck_assert_int_eq(xl_lesson_play_page(l, 0, "t.lesson", s, report, sizeof report, &expects, NULL), problems[k]);
        if (k == 1) ck_assert_ptr_nonnull(strstr(report, "has no discrete distribution"));
        if (k == 2) ck_assert_ptr_nonnull(strstr(report, "the program shows 0.693147"));
        xl_session_destroy(s);
        free(l);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("renyi");
    const xl_test_case cases[] = {
        {"named orders", test_named_orders},
        {"alpha -> 1 from both sides", test_limit_one},
        {"against long double", test_against_long_double},
        {"alpha -> infinity", test_limit_infinity},
        {"alpha = 0", test_order_zero},
        {"non-increasing in alpha", test_non_increasing},
        {"zeros, one-hot, uniform", test_zeros_onehot_uniform},
        {"additive for independent systems at every order", test_additive_every_order},
        {"chain rule only at alpha = 1", test_chain_rule_only_shannon},
        {"H(P,Q) = H(P) + KL at alpha = 1", test_cross_entropy_identity_shannon},
        {"orders: parse, step, axis", test_orders_parse_step_axis},
        {"lesson expects of renyi_A", test_lesson_expect_names},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

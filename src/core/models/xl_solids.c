/* xl_solids: the counting of two Einstein solids (see xl_solids.h). */
#include "xl_solids.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>

/* Below this many terms a sum of logs of ratios is both exact and cheap. */
enum { DIRECT_TERMS = 4096, REANCHOR = 1 << 16 };

/* Stirling's correction ln Gamma(z) - [(z - 1/2) ln z - z + ln(2 pi)/2], z >= 16: the
 * next term, 1/(1188 z^9), is below 1e-14. */
static double stirling_tail(double z)
{
    const double r = 1.0 / z, r2 = r * r;
    return r * (1.0 / 12.0 - r2 * (1.0 / 360.0 - r2 * (1.0 / 1260.0 - r2 / 1680.0)));
}

double xl_solids_log_gamma_change(double x, double y)
{
    assert(x > 0.0 && y > 0.0);
    if (x == y)
        return 0.0;
    const double d = y - x;
    /* A whole number of steps: Gamma(x + k) / Gamma(x) = x (x + 1) ... (x + k - 1). */
    if (d == floor(d) && fabs(d) <= 64.0) {
        const double lo = d > 0 ? x : y;
        double sum = 0.0;
        for (int i = 0; i < (int)fabs(d); i++)
            sum += log(lo + i);
        return d > 0 ? sum : -sum;
    }
    /* One of them small: its lgamma is small too, and nothing cancels. */
    if (x < 16.0 || y < 16.0)
        return lgamma(y) - lgamma(x);
    /* Stirling, with (y - 1/2) ln y - (x - 1/2) ln x = (x - 1/2) log1p(d/x) + d ln y so
     * the large parts never meet. */
    return (x - 0.5) * log1p(d / x) + d * log(y) - d + (stirling_tail(y) - stirling_tail(x));
}

double xl_solids_log_ways(long n, long q)
{
    assert(n >= 1 && q >= 0);
    if (q == 0 || n == 1)
        return 0.0;
    if (q == 1)
        return log((double)n);
    /* C(q + n - 1, k) with k the smaller of q and n - 1, the other one m. */
    const long k = q < n - 1 ? q : n - 1, m = q < n - 1 ? n - 1 : q;
    if (k <= 64) {
        double sum = 0.0; /* prod_{j=1..k} (m + j) / j */
        for (long j = 1; j <= k; j++)
            sum += log1p((double)m / (double)j);
        return sum;
    }
    return xl_solids_log_gamma_change((double)m + 1.0, (double)(m + k) + 1.0) - lgamma((double)k + 1.0);
}

double xl_solids_log_ways_change(long n, long q, long d)
{
    assert(n >= 1 && q >= 0 && q + d >= 0);
    if (d == 0 || n == 1)
        return 0.0;
    const long ad = d < 0 ? -d : d;
    if (ad <= n - 1 && ad <= DIRECT_TERMS) {
        /* W(j + 1) / W(j) = (j + n) / (j + 1) = 1 + (n - 1)/(j + 1), for j across the move. */
        const long from = d > 0 ? q : q + d;
        double sum = 0.0;
        for (long j = from; j < from + ad; j++)
            sum += log1p((double)(n - 1) / (double)(j + 1));
        return d > 0 ? sum : -sum;
    }
    if (n - 1 <= DIRECT_TERMS) {
        /* W(q) = prod_{j=1..n-1} (q + j) / j, so W(q + d) / W(q) = prod (1 + d / (q + j)). */
        double sum = 0.0;
        for (long j = 1; j <= n - 1; j++)
            sum += log1p((double)d / (double)(q + j));
        return sum;
    }
    /* Both long: ln Gamma(q + d + n)/Gamma(q + n) - ln Gamma(q + d + 1)/Gamma(q + 1), each
     * part a change of lgamma taken without cancellation. */
    return xl_solids_log_gamma_change((double)(q + n), (double)(q + d + n)) -
           xl_solids_log_gamma_change((double)q + 1.0, (double)(q + d) + 1.0);
}

double xl_solids_log_omega(long n_a, long n_b, long q)
{
    return xl_solids_log_ways(n_a + n_b, q);
}

double xl_solids_beta(long n, long q)
{
    assert(n >= 1 && q >= 0);
    if (q == 0)
        return INFINITY;
    return log1p((double)(n - 1) / (double)q);
}

double xl_solids_temperature(long n, long q)
{
    assert(n >= 1 && q >= 0);
    if (q == 0)
        return 0.0;
    return 1.0 / xl_solids_beta(n, q);
}

/* Whether P(x + 1) > P(x): W_A(x + 1) W_B(q - x - 1) > W_A(x) W_B(q - x), that is
 * (x + n_a)/(x + 1) > (q - x + n_b - 1)/(q - x), in whole numbers (at most 1.1e14). */
static int rises(long n_a, long n_b, long q, long x)
{
    const int64_t left = (int64_t)(x + n_a) * (int64_t)(q - x);
    const int64_t right = (int64_t)(x + 1) * (int64_t)(q - x + n_b - 1);
    return left > right;
}

long xl_solids_likely(long n_a, long n_b, long q)
{
    assert(n_a >= 1 && n_b >= 1 && q >= 0);
    /* P is log-concave in q_a, so "rises" holds on 0..mode-1 and not after: bisect. */
    long lo = 0, hi = q; /* the mode is in [lo, hi] */
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (rises(n_a, n_b, q, mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long xl_solids_chain_step(long n_a, long n_b, long q, long q_a, double u)
{
    assert(n_a >= 2 && n_b >= 2 && q_a >= 0 && q_a <= q);
    const double n = (double)(n_a + n_b);
    const double c = ((double)n_a / n) * ((double)n_b / n);
    const long q_b = q - q_a;
    const double to_b = c * (double)q_a / (double)(q_a + n_a - 1);
    const double to_a = c * (double)q_b / (double)(q_b + n_b - 1);
    if (u < to_b)
        return q_a - 1;
    if (u < to_b + to_a)
        return q_a + 1;
    return q_a;
}

/* The bin holding x, by bisection over the edges. */
static int bin_of(const long *edge, int bins, long x)
{
    int lo = 0, hi = bins - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (edge[mid] <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* ln P(x) - ln P(mode) exactly, as two entropy changes. */
static double log_ratio_to_mode(long n_a, long n_b, long q, long mode, long x)
{
    return xl_solids_log_ways_change(n_a, mode, x - mode) + xl_solids_log_ways_change(n_b, q - mode, mode - x);
}

double xl_solids_bin_mass(long n_a, long n_b, long q, const long *edge, int bins, double *mass)
{
    assert(n_a >= 1 && n_b >= 1 && q >= 0 && bins >= 1);
    long double acc[64 + 1];
    assert(bins <= 64);
    for (int i = 0; i < bins; i++)
        acc[i] = 0.0L;
    const long mode = xl_solids_likely(n_a, n_b, q);
    long double total = 0.0L;
    /* Up from the mode, then down, each term P(x)/P(mode) by the ratio of neighbours,
     * re-anchored to the exact log every REANCHOR terms so rounding cannot drift. */
    for (int side = 0; side < 2; side++) {
        double lp = 0.0;
        long x = side == 0 ? mode : mode - 1;
        if (side == 1 && x >= 0)
            lp = log_ratio_to_mode(n_a, n_b, q, mode, x);
        for (long i = 0; side == 0 ? x <= q : x >= 0; i++) {
            if (i > 0) {
                if (i % REANCHOR == 0) {
                    lp = log_ratio_to_mode(n_a, n_b, q, mode, x);
                } else if (side == 0) { /* P(x)/P(x - 1) */
                    const double up = (double)(x - 1 + n_a) * (double)(q - x + 1);
                    const double down = (double)x * (double)(q - x + n_b);
                    lp += log(up / down);
                } else { /* P(x)/P(x + 1) */
                    const double up = (double)(x + 1) * (double)(q - x - 1 + n_b);
                    const double down = (double)(x + n_a) * (double)(q - x);
                    lp += log(up / down);
                }
            }
            if (lp < -760.0)
                break;
            const long double term = exp(lp);
            total += term;
            acc[bin_of(edge, bins, x)] += term;
            x += side == 0 ? 1 : -1;
        }
    }
    for (int i = 0; i < bins; i++)
        mass[i] = (double)(acc[i] / total);
    return -(double)logl(total);
}

/* xl_micro: Boltzmann's counting (see xl_micro.h). */
#include "xl_micro.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

double xl_micro_log_ways(long n, long k)
{
    assert(n >= 0 && k >= 0 && k <= n);
    if (k == 0 || k == n)
        return 0.0;
    if (k == 1 || k == n - 1)
        return log((double)n);
    return lgamma((double)n + 1.0) - lgamma((double)k + 1.0) - lgamma((double)(n - k) + 1.0);
}

double xl_micro_log_ways_max(long n)
{
    return xl_micro_log_ways(n, n / 2);
}

double xl_micro_log_prob(long n, long k)
{
    return xl_micro_log_ways(n, k) - (double)n * log(2.0);
}

int xl_micro_entropy_cmp(long n, long a, long b)
{
    long da = labs(2 * a - n), db = labs(2 * b - n);
    return da > db ? -1 : da < db ? 1 : 0;
}

/* The bin holding k, by bisection over the edges. */
static int bin_of(const long *edge, int bins, long k)
{
    int lo = 0, hi = bins - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (edge[mid] <= k)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

void xl_micro_bin_mass(long n, const long *edge, int bins, double *mass)
{
    assert(n >= 1 && bins >= 1);
    for (int i = 0; i < bins; i++)
        mass[i] = 0.0;
    const long mode = n / 2;
    const double log_mode = xl_micro_log_prob(n, mode);
    /* Outward from the mode in both directions, in logs so nothing overflows; a term
     * far below the smallest double ends its side. */
    double lp = log_mode;
    for (long k = mode; k <= n; k++) {
        if (k > mode)
            lp += log((double)(n - k + 1) / (double)k);
        if (lp < -760.0)
            break;
        mass[bin_of(edge, bins, k)] += exp(lp);
    }
    lp = log_mode;
    for (long k = mode - 1; k >= 0; k--) {
        lp += log((double)(k + 1) / (double)(n - k));
        if (lp < -760.0)
            break;
        mass[bin_of(edge, bins, k)] += exp(lp);
    }
}

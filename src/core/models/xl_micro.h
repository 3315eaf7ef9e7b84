/* xl_micro: Boltzmann's counting for n two-state particles (coins).
 *
 * A microstate says which of the n coins show heads; a macrostate says only how many,
 * k. W(k) = C(n, k) microstates share macrostate k, so its Boltzmann entropy (k_B = 1)
 * is S = ln W(k), and with every microstate equally likely (each coin fair) the
 * macrostate has probability P(k) = W(k) / 2^n. Naming one microstate takes ln 2^n
 * nats, which splits exactly into S (which one of the W(k)) plus the surprise -ln P(k)
 * of the macrostate (which k): n ln 2 = ln W(k) + (-ln P(k)).
 *
 * Everything here is exact in the sense of the double format: ln W from lgamma for any
 * n up to XL_MICRO_MAX_N, and comparisons of S between macrostates in whole numbers.
 */
#ifndef XL_MICRO_H
#define XL_MICRO_H

enum { XL_MICRO_MAX_N = 1000000 };

/* ln C(n, k) for 0 <= k <= n: 0 at k = 0 and k = n exactly. */
double xl_micro_log_ways(long n, long k);
/* ln C(n, floor(n / 2)): the entropy of the most probable macrostate. */
double xl_micro_log_ways_max(long n);
/* ln P(k) = ln C(n, k) - n ln 2: the macrostate's log probability when every
 * microstate is equally likely. */
double xl_micro_log_prob(long n, long k);
/* Compare the entropies of macrostates a and b of n particles exactly: -1 if S(a) <
 * S(b), 0 if equal, 1 if greater. C(n, k) grows strictly as k nears n / 2 and C(n, k)
 * = C(n, n - k), so this is a comparison of |2k - n| in whole numbers, free of the
 * rounding that ln W carries at large n. */
int xl_micro_entropy_cmp(long n, long a, long b);
/* The probability P(k) summed over the bins [edge[i], edge[i + 1]) of k, for bins
 * covering 0..n: mass[0..bins-1]. Exact to rounding: each P(k) is exp(ln P(k)), taken
 * by the recurrence P(k + 1) = P(k) (n - k) / (k + 1) outward from the mode, and terms
 * below the smallest double are 0 as they are in the double format. */
void xl_micro_bin_mass(long n, const long *edge, int bins, double *mass);

#endif

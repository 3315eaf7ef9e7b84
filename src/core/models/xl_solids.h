/* xl_solids: the counting of two Einstein solids that share energy (k_B = 1, energies in
 * units of the quantum).
 *
 * A solid of n oscillators holding q units has W(q) = C(q + n - 1, q) microstates (the
 * ways to put q identical units into n oscillators), so its entropy is S = ln W. Two
 * solids A (n_a) and B (n_b) sharing q units have W_A(q_a) W_B(q - q_a) microstates
 * with A holding q_a, and Omega = C(q + n_a + n_b - 1, q) in all (summing over q_a:
 * Vandermonde's identity for multisets). With every microstate equally likely,
 * P(q_a) = W_A W_B / Omega.
 *
 * Temperature: 1/T = S(q) - S(q - 1) = ln((q + n - 1) / q), the exact backward
 * difference (the entropy a solid loses by giving up one unit); T = 0 at q = 0, where
 * the solid has no unit to give. For q >> 1 it is Stirling's 1/T = ln(1 + n/q) to
 * within 1/q; for q >> n, T is about q/(n - 1) + 1/2, near the energy per oscillator. Because S is
 * concave, a solid giving d units loses at least d/T of entropy and a solid receiving d
 * units gains at most d/T' (its own T'), with equality only for d = 1: so when heat
 * flows from A to B and S_A + S_B does not fall, dS_B >= dQ / T_A (Clausius, T of the
 * body the heat came from), while dS_B >= dQ / T_B never holds for d >= 1.
 *
 * Entropy changes are computed as logs of ratios (sums of ln((q + i + n) / (q + i + 1))
 * for a few units, Stirling differences with log1p beyond), never as the difference of
 * two large lgamma values, so they stay exact to rounding for n up to 10^6 and q up to
 * 10^7. Pure C11 + libm; no state.
 */
#ifndef XL_SOLIDS_H
#define XL_SOLIDS_H

enum { XL_SOLIDS_MAX_N = 1000000, XL_SOLIDS_MAX_Q = 10000000 };

/* ln W = ln C(q + n - 1, q) for n >= 1, q >= 0: 0 at q = 0 or n = 1, ln n at q = 1. */
double xl_solids_log_ways(long n, long q);
/* ln W(q + d) - ln W(q) for q >= 0, q + d >= 0: the entropy change of a solid of n
 * oscillators whose energy goes from q to q + d, as a log of the ratio W(q + d) / W(q). */
double xl_solids_log_ways_change(long n, long q, long d);
/* ln Gamma(y) - ln Gamma(x) for x, y > 0, without the cancellation of two large lgamma
 * values when x and y are large and close. */
double xl_solids_log_gamma_change(double x, double y);
/* ln Omega = ln C(q + n_a + n_b - 1, q): every microstate of the two solids together. */
double xl_solids_log_omega(long n_a, long n_b, long q);
/* 1/T = ln((q + n - 1) / q) for q >= 1 (n >= 2: finite and > 0); +INFINITY at q = 0. */
double xl_solids_beta(long n, long q);
/* T = 1 / xl_solids_beta: 0 at q = 0 (no division by zero), finite for n >= 2. */
double xl_solids_temperature(long n, long q);
/* The most probable q_a (the mode of P(q_a) = W_A W_B / Omega, the lower one of two
 * equal modes), found by exact whole-number comparisons of W(q_a + 1) / W(q_a): P rises
 * from q_a to q_a + 1 exactly when (q_a + n_a)(q - q_a) > (q_a + 1)(q - q_a + n_b - 1). */
long xl_solids_likely(long n_a, long n_b, long q);
/* P(q_a) summed over the bins [edge[i], edge[i + 1]) of q_a, for bins covering 0..q:
 * mass[0..bins-1]; returns ln P(likely) (the mode's log probability, exact to rounding:
 * the normalising sum taken outward from the mode as ratios, re-anchored every 65536
 * terms; terms below e^-760 of the mode are 0 as in the double format). At most q + 1
 * terms (10^7: a fraction of a second); narrow distributions stop far sooner. */
/* One exchange of the q_a chain (the solids' mode for too many oscillators to keep):
 * given a uniform u in [0, 1), q_a - 1 if u < c q_a/(q_a + n_a - 1), else q_a + 1 if u is
 * below that plus c q_b/(q_b + n_b - 1), else q_a; c = n_a n_b / (n_a + n_b)^2, q_b =
 * q - q_a. These are the oscillator exchange's rates (a uniformly drawn source that holds
 * a unit, in one solid, and a destination in the other) averaged over the microstates of
 * the macrostate, and they are in detailed balance with W_A(q_a) W_B(q - q_a):
 * P(q_a) down(q_a) = P(q_a - 1) up(q_a - 1). n_a, n_b >= 2. */
long xl_solids_chain_step(long n_a, long n_b, long q, long q_a, double u);
double xl_solids_bin_mass(long n_a, long n_b, long q, const long *edge, int bins, double *mass);

#endif

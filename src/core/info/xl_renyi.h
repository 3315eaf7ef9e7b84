/* xl_renyi: Rényi entropies H_α(P), the family of which Shannon's is the order α = 1.
 *
 *   H_α(P) = ln(Σ p_i^α) / (1 − α),   α in [0, ∞], α ≠ 1,
 *   H_0 = ln |{i : p_i > 0}|  (Hartley: the log of the support's size),
 *   H_1 = −Σ p_i ln p_i       (Shannon: the limit α → 1, taken exactly),
 *   H_2 = −ln Σ p_i²          (collision: −ln of the chance two draws agree),
 *   H_∞ = −ln max_i p_i       (min-entropy: the limit α → ∞).
 * H_α is non-increasing in α, and H_α(P ⊗ R) = H_α(P) + H_α(R) for independent systems
 * at every order; only α = 1 has the chain rule H(X,Y) = H(X) + Σ_x p(x) H(Y | X = x)
 * (tests/test_renyi.c checks all three).
 *
 * How it is computed. With t = α − 1 and l_i = ln(p_i / Σp), Σ p_i^α / Σp = E_P[e^{t l}],
 * so H_α = −ln E_P[e^{t l}] / t. Near α = 1 (|t| ≤ 1/2) that is evaluated as
 * −log1p(Σ p_i expm1(t l_i) / Σp) / t: every l_i ≤ 0, so the terms of the sum have one
 * sign and nothing cancels; the value keeps ~1e-15 relative at every t down to the
 * smallest (the quotient's limit at t = 0 is Shannon's sum itself). Farther from 1 it
 * is log-sum-exp around the largest p: H_α = (α l_max + ln Σ e^{α (l_i − l_max)}) / (1 − α).
 * P need not sum to exactly 1: it is read as p / Σp. Entries ≤ 0 (or not numbers) are
 * outside the support.
 *
 * Values in nats (times xl_unit_scale for bits). Pure C11 + libm; no allocation. */
#ifndef XL_RENYI_H
#define XL_RENYI_H

#include <stddef.h>

/* The named orders the front end steps through (α = ∞ as INFINITY). */
enum { XL_RENYI_NAMED = 5 };
extern const double xl_renyi_named[XL_RENYI_NAMED]; /* 0, 0.5, 1, 2, ∞ */

/* H_α(p[0..n-1]) in nats, for alpha in [0, +∞] (INFINITY: min-entropy). NaN for alpha
 * < 0 or NaN, or for a P with no positive entry. */
double xl_renyi(const double *p, int n, double alpha);

/* H_α at each of alphas[0..m-1] into out[0..m-1] (a plot of H_α against α). */
void xl_renyi_grid(const double *p, int n, const double *alphas, int m, double *out);

/* The name of order alpha when it is one of the named ones ("Hartley", "Shannon",
 * "collision", "min-entropy"; 0.5 has none: NULL), else NULL. Static storage, in English (marked N_: the app translates it). */
const char *xl_renyi_order_name(double alpha);

/* The next named order after alpha, wrapping from ∞ to 0 (an alpha between two goes to
 * the next one above it). */
double xl_renyi_next_order(double alpha);

/* Parse an order: a number ≥ 0 (finite, at most XL_RENYI_ALPHA_MAX) or "inf" / "∞".
 * Returns 0 and *alpha, or -1 with the reason in err. */
#define XL_RENYI_ALPHA_MAX 1e6
int xl_renyi_parse_order(const char *text, double *alpha, char *err, size_t errlen);

/* The order as text into buf[n]: "∞", or up to 4 significant digits ("0.5", "2"). */
char *xl_renyi_format_order(double alpha, char *buf, size_t n);

/* The plot's compressed axis: u = α / (1 + α) in [0, 1] (u = 1 at α = ∞), and back. */
double xl_renyi_axis(double alpha);
double xl_renyi_axis_inverse(double u);

#endif

/* xl_info: the information-theory quantities xentlab teaches.
 *
 * Surprise s(x) = -log q(x); entropy H(P) = -sum p_i log p_i (expected surprise);
 * cross-entropy H(P,Q) = -sum p_i log q_i; Kullback-Leibler divergence
 * D_KL(P||Q) = sum p_i log(p_i / q_i) = H(P,Q) - H(P) >= 0 (Gibbs' inequality).
 * Softmax and log-softmax go through log-sum-exp so that logits of any finite
 * magnitude give finite results.
 *
 * Conventions (decided here, tested in tests/test_info.c):
 *  - a term with p_i = 0 contributes 0, even when q_i = 0 (0 log 0 = 0);
 *  - a term with p_i > 0 and q_i = 0 makes H(P,Q) and KL equal +infinity, never NaN;
 *  - surprise of q = 0 is +infinity.
 * Depends on libm only. No allocation, no I/O.
 */
#ifndef XL_INFO_H
#define XL_INFO_H

typedef enum xl_unit {
    XL_NATS = 0, /* natural logarithm, ln */
    XL_BITS = 1  /* base-2 logarithm, log2 */
} xl_unit;

/* Multiply a value in nats by this to express it in `unit` (1 or 1/ln 2). */
double xl_unit_scale(xl_unit unit);
/* "nats" or "bits". Static storage. */
const char *xl_unit_name(xl_unit unit);

/* Surprise -log q of an event of probability q in [0, 1]; +infinity for q = 0. */
double xl_surprise(double q, xl_unit unit);
/* Surprise -log q from log q (nats, <= 0, as xl_log_softmax gives it) in `unit`:
 * +infinity for log q = -infinity. Use this rather than xl_surprise(exp(logq)): q
 * underflows to 0 for log q < -745 while its surprise is still finite. */
double xl_surprise_from_log(double logq, xl_unit unit);

/* Entropy H(P) of a distribution p[0..n-1]. */
double xl_entropy(const double *p, int n, xl_unit unit);

/* Cross-entropy H(P,Q). +infinity if some p_i > 0 has q_i = 0. */
double xl_cross_entropy(const double *p, const double *q, int n, xl_unit unit);

/* KL divergence D_KL(P||Q) >= 0. +infinity if some p_i > 0 has q_i = 0. */
double xl_kl(const double *p, const double *q, int n, xl_unit unit);

/* log(sum_i exp z_i), computed as m + log(sum exp(z_i - m)) with m = max z_i. */
double xl_log_sum_exp(const double *z, int n);

/* q = softmax(z). q may alias z. */
void xl_softmax(const double *z, int n, double *q);

/* logq_i = log softmax(z)_i = (z_i - m) - log sum_j exp(z_j - m), m = max z, in nats:
 * <= 0, exact to rounding at every magnitude (equal logits of 1e300 give -log n) and
 * finite wherever z_i - m is (finite z within DBL_MAX of each other), even where q_i
 * underflows to 0. logq may alias z. */
void xl_log_softmax(const double *z, int n, double *logq);

/* H(P, softmax(z)) in nats straight from logits: sum p_i ((m - z_i) + log sum_j
 * exp(z_j - m)), m = max z, which is logsumexp(z) - p.z because sum p_i = 1 but never
 * cancels two large numbers. Finite whenever the true value is (e.g. for every z with
 * |z_i| <= 1e300). */
double xl_cross_entropy_logits(const double *p, const double *z, int n);
/* The same cross-entropy and, in the same pass, its gradient with respect to z,
 * grad_i = softmax(z)_i - p_i: one exponential per class instead of two. Both are equal
 * to the last bit to xl_cross_entropy_logits and to xl_softmax(z) - p. */
double xl_cross_entropy_logits_grad(const double *p, const double *z, int n, double *grad);

/* Scale non-negative weights w[0..n-1] so they sum to 1.
 * Returns 0 on success, -1 if a weight is negative or not finite or all are 0
 * (w is then left unchanged). */
int xl_normalize(double *w, int n);

#endif

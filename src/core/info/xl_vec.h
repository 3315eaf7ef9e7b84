/* xl_vec: loops over long vectors that the compiler runs several doubles at a time,
 * for softmax, log-sum-exp and gradient steps over many logits (N = 1000 in the
 * benchmark), where one libm call and one branch per element were most of a step.
 *
 * Deterministic on every machine: only IEEE additions, multiplications, divisions and
 * integer bit operations, in a fixed order, with no fused multiply-add (the core is
 * built with ISO C's -ffp-contract=off), so SIMD and scalar forms give the same bits.
 * Sums use four interleaved partial sums combined as (s0 + s1) + (s2 + s3): a fixed
 * order, about four times faster than one running sum whose every addition waits for
 * the one before.
 */
#ifndef XL_VEC_H
#define XL_VEC_H

/* y[i] = exp(x[i] - shift) for i < n; y may be x.
 * Within 2 ulps of the true exp over every finite argument (checked against libm on
 * many random arguments in tests/test_vec.c); NaN gives NaN, -inf 0, +inf inf.
 * Arguments outside [-708, 709] (subnormal, zero or infinite results) are handed to
 * libm, so the tails are exactly libm's. */
void xl_vec_exp_shifted(const double *x, double shift, double *y, int n);

/* y[i] = log(x[i]) for i < n; y may be x.
 * Within 2 ulps of the true log (checked against libm in tests/test_vec.c): fdlibm's
 * reduction and polynomial, without its branches. Arguments that are not positive
 * normal numbers (0, subnormal, negative, inf, NaN) are handed to libm. */
void xl_vec_log(const double *x, double *y, int n);

/* One row of the softmax classifier's landscape (xl_classifier_slice.c) in one pass:
 * s_i = e[i] + ey + r and y[i] = c[i] + cy + log(s_i), the log as xl_vec_log's (the same
 * bits), for i < n. Returns 1 when some cell needs the caller's exact form instead: s_i
 * below lo (lo > 0) or not finite (then y[i] is not its log-sum), or y[i] not finite;
 * else 0. */
int xl_vec_log_sum_row(const double *e, double ey, double r, const double *c, double cy, double lo, double *y,
                       int n);

/* The sum of x[0..n-1] in the fixed order above. */
double xl_vec_sum(const double *x, int n);

/* The largest of x[0..n-1] (n >= 1) by `>`: NaNs after x[0] are passed over, as in
 * the loop `m = x[0]; if (x[i] > m) m = x[i]`, and a NaN x[0] gives NaN. Among equal
 * maxima of opposite zero sign either may be returned (exp(z - m) is the same). */
double xl_vec_max(const double *x, int n);

/* The least and the largest of x[0..n-1] by `<` and `>`, NaNs passed over: +inf and
 * -inf when n is 0 or every x[i] is NaN. Between equal extremes of opposite zero sign
 * either may be given (the caller who cares finds the first equal element). */
void xl_vec_min_max(const double *x, int n, double *lo, double *hi);

/* 1 if every x[i] is finite, else 0. */
int xl_vec_all_finite(const double *x, int n);

/* sum over p[i] > 0 of p[i] (m - z[i]) + p[i] log_s, in the fixed order: the
 * cross-entropy of P against softmax(z), given m = max z and log_s = log sum exp(z - m).
 * A term whose m - z[i] overflows (logits of opposite sign near DBL_MAX) is taken as
 * p m - p z, which can still be finite. */
double xl_vec_cross_entropy_terms(const double *p, const double *z, double m, double log_s, int n);

/* g[i] = e[i] / s - p[i]: the softmax gradient of the cross-entropy from the shifted
 * exponentials e and their sum s. g may be e. */
void xl_vec_softmax_grad(const double *e, double s, const double *p, double *g, int n);

/* out[i] = theta[i] - lr g[i]: a gradient-descent step. */
void xl_vec_axpy_step(const double *theta, double lr, const double *g, double *out, int n);

#endif

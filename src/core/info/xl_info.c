/* xl_info: surprise, entropy, cross-entropy and KL divergence, plus the softmax family.
 *
 * H(P) = -sum p_i log p_i, H(P,Q) = -sum p_i log q_i, D_KL(P||Q) = sum p_i (log p_i - log q_i).
 * Terms with p_i = 0 are skipped (0 log 0 = 0, and 0 log 0/0 = 0), so a zero-probability
 * outcome never turns the sum into NaN; p_i > 0 with q_i = 0 gives +infinity on purpose.
 * Softmax goes through log-sum-exp: lse(z) = m + log sum exp(z_i - m), m = max z_i, so
 * every exponent is <= 0 and nothing overflows. Values are computed in nats and scaled
 * by 1/ln 2 for bits at the end. Depends on libm only.
 */
#include "xl_info.h"
#include "xl_vec.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

double xl_unit_scale(xl_unit unit)
{
    return unit == XL_BITS ? 1.0 / log(2.0) : 1.0;
}

const char *xl_unit_name(xl_unit unit)
{
    return unit == XL_BITS ? "bits" : "nats";
}

double xl_surprise(double q, xl_unit unit)
{
    if (q <= 0.0)
        return INFINITY;
    return -log(q) * xl_unit_scale(unit);
}

double xl_surprise_from_log(double logq, xl_unit unit)
{
    if (logq == -INFINITY)
        return INFINITY;
    /* 0 - logq rather than -logq: certainty (log q = 0) has surprise +0, never -0. */
    return (0.0 - logq) * xl_unit_scale(unit);
}

double xl_entropy(const double *p, int n, xl_unit unit)
{
    assert(p != NULL && n > 0);
    double h = 0.0;
    for (int i = 0; i < n; i++)
        if (p[i] > 0.0)
            h -= p[i] * log(p[i]);
    return h * xl_unit_scale(unit);
}

double xl_cross_entropy(const double *p, const double *q, int n, xl_unit unit)
{
    assert(p != NULL && q != NULL && n > 0);
    double h = 0.0;
    for (int i = 0; i < n; i++) {
        if (p[i] > 0.0) {
            /* Checked explicitly: -p * log(0) is +inf already, but saying so keeps the
             * convention visible and independent of how libm treats log(0). */
            if (q[i] <= 0.0)
                return INFINITY;
            h -= p[i] * log(q[i]);
        }
    }
    return h * xl_unit_scale(unit);
}

double xl_kl(const double *p, const double *q, int n, xl_unit unit)
{
    assert(p != NULL && q != NULL && n > 0);
    /* Summing p_i (log p_i - log q_i) directly, rather than H(P,Q) - H(P), keeps the
     * result exactly 0 for Q = P and avoids cancelling two large numbers. */
    double d = 0.0;
    for (int i = 0; i < n; i++) {
        if (p[i] > 0.0) {
            if (q[i] <= 0.0)
                return INFINITY;
            d += p[i] * (log(p[i]) - log(q[i]));
        }
    }
    return d * xl_unit_scale(unit);
}

double xl_log_sum_exp(const double *z, int n)
{
    assert(z != NULL && n > 0);
    double m = z[0];
    for (int i = 1; i < n; i++)
        if (z[i] > m)
            m = z[i];
    /* All -inf (or one +inf): the shifted form would compute inf - inf. */
    if (isinf(m))
        return m;
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(z[i] - m);
    return m + log(s);
}

/* The largest z_i and s = sum exp(z_i - m) >= 1 (the max term is exactly 1), so that
 * log q_i = (z_i - m) - log s. Both pieces are what a caller needs: z_i - m is exact
 * whenever the logits are within a factor 2 of each other and log s lies in [0, log n].
 * The terms exp(z_i - m) go to e[] when e is not NULL. Softmax, log-softmax and the
 * cross-entropy all sum here, in this order, so their results agree to the last bit. */
/* Logits are exponentiated in blocks of this many, so a caller that keeps no
 * exponentials needs only a stack buffer; both paths sum block by block, the same
 * additions in the same order. */
enum { EXP_BLOCK = 256 };

/* sum_i exp(z_i - m) with m = max z, kept in e[] when e is not NULL. */
static double shifted_sum(const double *z, int n, double *m_out, double *e)
{
    const double m = xl_vec_max(z, n);
    double block[EXP_BLOCK];
    double s = 0.0;
    for (int i = 0; i < n; i += EXP_BLOCK) {
        const int len = n - i < EXP_BLOCK ? n - i : EXP_BLOCK;
        double *out = e != NULL ? e + i : block;
        xl_vec_exp_shifted(z + i, m, out, len);
        s += xl_vec_sum(out, len);
    }
    *m_out = m;
    return s;
}

void xl_softmax(const double *z, int n, double *q)
{
    assert(z != NULL && q != NULL && n > 0);
    /* exp(z_i - m) <= 1 and the max term is exactly 1, so s >= 1: no overflow, no 0/0. */
    double m;
    const double s = shifted_sum(z, n, &m, q);
    for (int i = 0; i < n; i++)
        q[i] /= s;
}

void xl_log_softmax(const double *z, int n, double *logq)
{
    assert(z != NULL && logq != NULL && n > 0);
    /* Not z_i - lse(z): next to lse = 1e300 the log s term (at most log n) is lost to
     * rounding, and equal logits of 1e16 would give log q = 0 instead of -log n. The
     * shifted form subtracts the small log s from the small z_i - m. */
    double m;
    double log_s = log(shifted_sum(z, n, &m, NULL));
    for (int i = 0; i < n; i++)
        logq[i] = (z[i] - m) - log_s;
}

double xl_cross_entropy_logits(const double *p, const double *z, int n)
{
    assert(p != NULL && z != NULL && n > 0);
    /* Each term -log q_i = (m - z_i) + log s is >= 0 and computed from shifted values
     * only: lse(z) - z_i cancels two huge numbers (equal logits of 1e300 gave 0 instead
     * of ln n, and of 1e16 gave 2), and lse - p.z cancels even for moderate logits.
     * Summing p_i (-log q_i) equals lse(z) - p.z because sum p = 1. */
    double m;
    double log_s = log(shifted_sum(z, n, &m, NULL));
    return xl_vec_cross_entropy_terms(p, z, m, log_s, n);
}

double xl_cross_entropy_logits_grad(const double *p, const double *z, int n, double *grad)
{
    assert(p != NULL && z != NULL && grad != NULL && n > 0);
    /* The exponentials once, kept in grad (shifted_sum, as xl_softmax and
     * xl_cross_entropy_logits sum them): both results are theirs to the last bit. */
    double m;
    const double s = shifted_sum(z, n, &m, grad);
    const double log_s = log(s);
    xl_vec_softmax_grad(grad, s, p, grad, n);
    return xl_vec_cross_entropy_terms(p, z, m, log_s, n);
}

int xl_normalize(double *w, int n)
{
    assert(w != NULL && n > 0);
    double m = 0.0;
    for (int i = 0; i < n; i++) {
        if (!isfinite(w[i]) || w[i] < 0.0)
            return -1;
        if (w[i] > m)
            m = w[i];
    }
    if (m == 0.0)
        return -1;
    /* Dividing by the largest weight first keeps the sum finite for any finite weights. */
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += w[i] / m;
    for (int i = 0; i < n; i++)
        w[i] = (w[i] / m) / s;
    return 0;
}

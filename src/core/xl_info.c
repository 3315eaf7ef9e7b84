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

void xl_softmax(const double *z, int n, double *q)
{
    assert(z != NULL && q != NULL && n > 0);
    double m = z[0];
    for (int i = 1; i < n; i++)
        if (z[i] > m)
            m = z[i];
    /* exp(z_i - m) <= 1 and the max term is exactly 1, so s >= 1: no overflow, no 0/0. */
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        q[i] = exp(z[i] - m);
        s += q[i];
    }
    for (int i = 0; i < n; i++)
        q[i] /= s;
}

void xl_log_softmax(const double *z, int n, double *logq)
{
    assert(z != NULL && logq != NULL && n > 0);
    double lse = xl_log_sum_exp(z, n);
    for (int i = 0; i < n; i++)
        logq[i] = z[i] - lse;
}

double xl_cross_entropy_logits(const double *p, const double *z, int n)
{
    assert(p != NULL && z != NULL && n > 0);
    /* lse(z) - p.z written as sum p_i (lse - z_i): the same value when sum p = 1, but each
     * term -log q_i = lse - z_i is >= 0 and small, so huge logits (1e6) do not cancel. */
    double lse = xl_log_sum_exp(z, n);
    double h = 0.0;
    for (int i = 0; i < n; i++)
        if (p[i] > 0.0)
            h += p[i] * (lse - z[i]);
    return h;
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

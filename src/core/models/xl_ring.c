/* xl_ring: diffusion on a ring and the Bayesian Second Law (see xl_ring.h). */
#include "xl_ring.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "xl_info.h"

void xl_ring_step(const double *rho, int k, double rate, double *out)
{
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && rho != out);
    for (int x = 0; x < k; x++)
        out[x] = (1.0 - 2.0 * rate) * rho[x] + rate * (rho[(x + k - 1) % k] + rho[(x + 1) % k]);
}

/* c = a * b, circular convolution of two kernels. */
static void convolve(const double *a, const double *b, int k, double *c)
{
    double out[XL_RING_MAX];
    for (int d = 0; d < k; d++) {
        double s = 0.0;
        for (int e = 0; e < k; e++)
            s += a[e] * b[(d - e + k) % k];
        out[d] = s;
    }
    memcpy(c, out, (size_t)k * sizeof(double));
}

void xl_ring_kernel(int k, double rate, long t, double *c)
{
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && t >= 0);
    double base[XL_RING_MAX] = { 0 };
    base[0] = 1.0 - 2.0 * rate;
    base[1] += rate;
    base[k - 1] += rate;
    memset(c, 0, (size_t)k * sizeof(double));
    c[0] = 1.0;
    for (long left = t; left > 0; left >>= 1) {
        if (left & 1)
            convolve(c, base, k, c);
        if (left > 1)
            convolve(base, base, k, base);
    }
}

void xl_ring_apply(const double *c, int k, const double *v, double *out)
{
    assert(v != out);
    for (int x = 0; x < k; x++) {
        double s = 0.0;
        for (int y = 0; y < k; y++)
            s += c[(x - y + k) % k] * v[y];
        out[x] = s;
    }
}

void xl_ring_likelihood(int k, int m, double width, double *like)
{
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && m >= 0 && m < k && width > 0.0);
    /* The normalizer over m is the same for every x on a ring: the sum over distances. */
    double z = 0.0;
    for (int d = 0; d < k; d++) {
        int r = d < k - d ? d : k - d;
        z += exp(-(double)r * r / (2.0 * width * width));
    }
    for (int x = 0; x < k; x++) {
        int d = x > m ? x - m : m - x;
        int r = d < k - d ? d : k - d;
        like[x] = exp(-(double)r * r / (2.0 * width * width)) / z;
    }
}

int xl_ring_measure(const double *rho0, int k, double rate, long t, int m, double width,
                    xl_ring_measurement *out)
{
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && m >= 0 && m < k);
    double c[XL_RING_MAX], like[XL_RING_MAX], g[XL_RING_MAX];
    memset(out, 0, sizeof *out);
    out->cell = m;
    out->width = width;
    out->t = t;
    xl_ring_kernel(k, rate, t, c);
    memcpy(out->rho_i, rho0, (size_t)k * sizeof(double));
    xl_ring_apply(c, k, rho0, out->rho_f);
    xl_ring_likelihood(k, m, width, like);
    double pm = 0.0;
    for (int x = 0; x < k; x++)
        pm += like[x] * out->rho_f[x];
    if (!(pm > 0.0))
        return -1;
    out->p_m = pm;
    for (int x = 0; x < k; x++)
        out->upd_f[x] = like[x] * out->rho_f[x] / pm;
    /* Retrodiction: M is symmetric, so sum_x M^t(x | x0) P(m | x) is the kernel applied
     * to the likelihood. */
    xl_ring_apply(c, k, like, g);
    double total = 0.0;
    for (int x = 0; x < k; x++)
        total += rho0[x] * g[x];
    if (!(total > 0.0))
        return -1;
    for (int x = 0; x < k; x++)
        out->upd_i[x] = rho0[x] * g[x] / total;
    out->ce_initial = xl_cross_entropy(out->upd_i, out->rho_i, k, XL_NATS);
    out->ce_final = xl_cross_entropy(out->upd_f, out->rho_f, k, XL_NATS);
    return 0;
}

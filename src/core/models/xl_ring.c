/* xl_ring: diffusion on a ring, flat or with energies, and the Bayesian Second Law (see xl_ring.h). */
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

int xl_ring_is_flat(const xl_ring_dynamics *d)
{
    if (d->e == NULL || d->beta == 0.0) return 1;
    for (int x = 1; x < d->k; x++)
        if (d->e[x] != d->e[0]) return 0;
    return 1;
}

/* M(y | x) for a neighbour y of x: the proposal times Metropolis's acceptance. */
static double hop(const xl_ring_dynamics *d, int x, int y)
{
    double up = d->e[y] - d->e[x];
    return up <= 0.0 ? d->rate : d->rate * exp(-d->beta * up);
}

void xl_ring_step_dyn(const xl_ring_dynamics *d, const double *rho, double *out)
{
    const int k = d->k;
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && rho != out);
    if (xl_ring_is_flat(d)) {
        xl_ring_step(rho, k, d->rate, out);
        return;
    }
    for (int y = 0; y < k; y++) {
        int l = (y + k - 1) % k, r = (y + 1) % k;
        double stay = 1.0 - hop(d, y, l) - hop(d, y, r);
        out[y] = stay * rho[y] + hop(d, l, y) * rho[l] + hop(d, r, y) * rho[r];
    }
}

void xl_ring_matrix(const xl_ring_dynamics *d, double *m)
{
    const int k = d->k;
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX);
    memset(m, 0, (size_t)k * (size_t)k * sizeof(double));
    const int flat = xl_ring_is_flat(d);
    for (int x = 0; x < k; x++) {
        int l = (x + k - 1) % k, r = (x + 1) % k;
        double to_l = flat ? d->rate : hop(d, x, l), to_r = flat ? d->rate : hop(d, x, r);
        m[x * k + l] += to_l;
        m[x * k + r] += to_r;
        m[x * k + x] += 1.0 - to_l - to_r;
    }
}

/* c = a b for stochastic k x k matrices (c may alias a or b): rows of a, then b. Each row
 * of the product is divided by its sum, which is 1 but for rounding: a row sum off by d
 * squares to one off by 2 d, so without this t = 10^8 (27 squarings) would create or
 * lose about 1e-8 of the probability. */
static void multiply(const double *a, const double *b, int k, double *c)
{
    double out[XL_RING_MAX * XL_RING_MAX];
    for (int x = 0; x < k; x++) {
        double row = 0.0;
        for (int z = 0; z < k; z++) {
            double s = 0.0;
            for (int y = 0; y < k; y++)
                s += a[x * k + y] * b[y * k + z];
            out[x * k + z] = s;
            row += s;
        }
        for (int z = 0; z < k; z++)
            out[x * k + z] /= row;
    }
    memcpy(c, out, (size_t)k * (size_t)k * sizeof(double));
}

void xl_ring_matrix_power(const double *m, int k, long t, double *mt)
{
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && t >= 0);
    double base[XL_RING_MAX * XL_RING_MAX];
    const size_t n = (size_t)k * (size_t)k;
    memcpy(base, m, n * sizeof(double));
    memset(mt, 0, n * sizeof(double));
    for (int x = 0; x < k; x++)
        mt[x * k + x] = 1.0;
    for (long left = t; left > 0; left >>= 1) {
        if (left & 1)
            multiply(mt, base, k, mt);
        if (left > 1)
            multiply(base, base, k, base);
    }
}

void xl_ring_transition(const xl_ring_dynamics *d, long t, double *mt)
{
    const int k = d->k;
    if (xl_ring_is_flat(d)) {
        double c[XL_RING_MAX];
        xl_ring_kernel(k, d->rate, t, c);
        for (int x = 0; x < k; x++)
            for (int y = 0; y < k; y++)
                mt[x * k + y] = c[(y - x + k) % k];
        return;
    }
    double m[XL_RING_MAX * XL_RING_MAX];
    xl_ring_matrix(d, m);
    xl_ring_matrix_power(m, k, t, mt);
}

void xl_ring_stationary(const xl_ring_dynamics *d, double *pi)
{
    const int k = d->k;
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX);
    if (xl_ring_is_flat(d)) {
        for (int x = 0; x < k; x++)
            pi[x] = 1.0 / k;
        return;
    }
    /* From the lowest energy up, so no weight overflows and the largest is 1. */
    double low = d->e[0];
    for (int x = 1; x < k; x++)
        if (d->e[x] < low) low = d->e[x];
    for (int x = 0; x < k; x++)
        pi[x] = exp(-d->beta * (d->e[x] - low));
    xl_normalize(pi, k);
}

double xl_ring_heat_death_entropy(const xl_ring_dynamics *d)
{
    if (xl_ring_is_flat(d)) return log((double)d->k);
    double pi[XL_RING_MAX];
    xl_ring_stationary(d, pi);
    return xl_entropy(pi, d->k, XL_NATS);
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

/* The general path: M^t as a matrix. */
static int measure_matrix(const xl_ring_dynamics *d, const double *rho0, long t, const double *like,
                          xl_ring_measurement *out)
{
    const int k = d->k;
    double mt[XL_RING_MAX * XL_RING_MAX], g[XL_RING_MAX];
    xl_ring_transition(d, t, mt);
    for (int y = 0; y < k; y++) {
        double s = 0.0;
        for (int x = 0; x < k; x++)
            s += rho0[x] * mt[x * k + y];
        out->rho_f[y] = s;
    }
    double pm = 0.0;
    for (int x = 0; x < k; x++)
        pm += like[x] * out->rho_f[x];
    if (!(pm > 0.0))
        return -1;
    out->p_m = pm;
    for (int x = 0; x < k; x++)
        out->upd_f[x] = like[x] * out->rho_f[x] / pm;
    /* Retrodiction: g(x0) = sum_x M^t(x | x0) P(m | x), a row of M^t against the likelihood. */
    for (int x0 = 0; x0 < k; x0++) {
        double s = 0.0;
        for (int x = 0; x < k; x++)
            s += mt[x0 * k + x] * like[x];
        g[x0] = s;
    }
    double total = 0.0;
    for (int x = 0; x < k; x++)
        total += rho0[x] * g[x];
    if (!(total > 0.0))
        return -1;
    for (int x = 0; x < k; x++)
        out->upd_i[x] = rho0[x] * g[x] / total;
    /* <Q> over F(x0, xf) = rho0(x0) M^t(xf | x0) P(m | xf) / P(m): the energy the system
     * gave up on each path, E(x0) - E(xf), is the heat the environment received. */
    double q = 0.0;
    for (int x0 = 0; x0 < k; x0++)
        for (int xf = 0; xf < k; xf++)
            q += rho0[x0] * mt[x0 * k + xf] * like[xf] / pm * (d->e[x0] - d->e[xf]);
    out->heat = d->beta * q;
    return 0;
}

int xl_ring_measure_like(const xl_ring_dynamics *d, const double *rho0, long t, const double *like,
                         xl_ring_measurement *out)
{
    const int k = d->k;
    assert(k >= XL_RING_MIN && k <= XL_RING_MAX && t >= 0);
    double c[XL_RING_MAX], g[XL_RING_MAX];
    memset(out, 0, sizeof *out);
    out->cell = -1;
    out->t = t;
    memcpy(out->rho_i, rho0, (size_t)k * sizeof(double));
    if (!xl_ring_is_flat(d)) {
        if (measure_matrix(d, rho0, t, like, out) != 0)
            return -1;
    } else {
        /* The flat ring: a circulant kernel, no heat. */
        xl_ring_kernel(k, d->rate, t, c);
        xl_ring_apply(c, k, rho0, out->rho_f);
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
        out->heat = 0.0;
    }
    out->ce_initial = xl_cross_entropy(out->upd_i, out->rho_i, k, XL_NATS);
    out->ce_final = xl_cross_entropy(out->upd_f, out->rho_f, k, XL_NATS);
    out->law = out->ce_final - out->ce_initial + out->heat;
    return 0;
}

int xl_ring_measure_dyn(const xl_ring_dynamics *d, const double *rho0, long t, int m, double width,
                        xl_ring_measurement *out)
{
    assert(d->k >= XL_RING_MIN && d->k <= XL_RING_MAX && m >= 0 && m < d->k);
    double like[XL_RING_MAX];
    xl_ring_likelihood(d->k, m, width, like);
    if (xl_ring_measure_like(d, rho0, t, like, out) != 0)
        return -1;
    out->cell = m;
    out->width = width;
    return 0;
}

int xl_ring_measure(const double *rho0, int k, double rate, long t, int m, double width,
                    xl_ring_measurement *out)
{
    const xl_ring_dynamics d = {k, rate, NULL, 0.0};
    return xl_ring_measure_dyn(&d, rho0, t, m, width, out);
}

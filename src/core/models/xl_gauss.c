/* xl_gauss: a Gaussian Q learning a Gaussian P, as an xl_model (see xl_gauss.h).
 *
 * Closed form. With q(x) = exp(-(x - mu_q)^2 / (2 sigma_q^2)) / sqrt(2 pi sigma_q^2),
 *     -ln q(x) = 1/2 ln(2 pi sigma_q^2) + (x - mu_q)^2 / (2 sigma_q^2),
 * and under P, E[(x - mu_q)^2] = Var_p + (E_p x - mu_q)^2 = sigma_p^2 + (mu_p - mu_q)^2, so
 *     H(p, q) = E_p[-ln q] = 1/2 ln(2 pi sigma_q^2) + (sigma_p^2 + (mu_p - mu_q)^2) / (2 sigma_q^2).
 * Q = P gives the floor H(p) = 1/2 ln(2 pi sigma_p^2) + 1/2 = 1/2 ln(2 pi e sigma_p^2).
 *
 * Gradient in theta = (m, s) = (mu_q, log sigma_q). Write A = sigma_p^2 + (mu_p - m)^2, so
 * H = 1/2 ln(2 pi) + s + A e^(-2s) / 2. Then
 *     dH/dm = (dA/dm) e^(-2s) / 2 = -2 (mu_p - m) e^(-2s) / 2 = (m - mu_p) / sigma_q^2,
 *     dH/ds = 1 + A (-2) e^(-2s) / 2 = 1 - A / sigma_q^2.
 * Both vanish only at m = mu_p and A = sigma_q^2, i.e. sigma_q = sigma_p: Q = P. In (m, s)
 * the Hessian at the minimum is diag(1 / sigma_p^2, 2): gradient descent is stable there
 * for lr < 2 sigma_p^2 in mu_q and lr < 1 in log sigma_q.
 *
 * Stability of a step. The second derivatives are
 *     d2H/dm2 = e^(-2s),  d2H/dm ds = -2 (m - mu_p) e^(-2s),  d2H/ds2 = 2 A e^(-2s),
 * so the Hessian is e^(-2s) M with M = [[1, -2d], [-2d, 2A]], d = m - mu_p. Its largest
 * eigenvalue is e^(-2s) lambda, lambda = (1 + 2A)/2 + sqrt(((1 - 2A)/2)^2 + 4 d^2) (the
 * trace is positive, so no eigenvalue is larger in size), and a gradient step is stable
 * for lr < 2 / (e^(-2s) lambda) = 2 sigma_q^2 / lambda. At Q = P, d = 0 and A = sigma_q^2
 * = sigma_p^2: lambda = max(1, 2 sigma_p^2) and the limit is min(2 sigma_p^2, 1).
 *
 * Stability of the numbers. e^(-2s) alone overflows for s < -354 and underflows for s > 354, and A may be
 * as small as 1e-4 V^2 or as large as 1e600 (a wild mu_q) in the same run, so the mismatch
 * is evaluated as one exponential, exp(ln A - 2 s): it is +infinity exactly when the true
 * value exceeds the doubles and 0 when it underflows, never inf * 0. The mean's gradient is
 * sign(m - mu_p) exp(ln|m - mu_p| - 2 s) for the same reason.
 */
#include "xl_gauss.h"

#include <assert.h>
#include <math.h>

static const double LN_2PI = 1.8378770664093454836;      /* ln(2 pi) */
static const double LN_SQRT_2PI = 0.91893853320467274178; /* ln sqrt(2 pi) */
static const double SQRT1_2 = 0.70710678118654752440;     /* 1 / sqrt 2 */

void xl_gauss_init(xl_gauss *g, double mu_p, double sigma_p)
{
    assert(g != NULL && isfinite(mu_p) && isfinite(sigma_p) && sigma_p > 0.0);
    g->mu_p = mu_p;
    g->sigma_p = sigma_p;
    g->version = 0;
}

int xl_gauss_set_p(xl_gauss *g, double mu_p, double sigma_p)
{
    assert(g != NULL);
    if (!isfinite(mu_p) || !isfinite(sigma_p) || !(sigma_p > 0.0))
        return -1;
    g->mu_p = mu_p;
    g->sigma_p = sigma_p;
    g->version++;
    return 0;
}

/* ln A - 2 s, with A = sigma_p^2 + (mu_p - mu_q)^2: the log of A / sigma_q^2. */
static double log_ratio(const xl_gauss *g, const double *theta)
{
    double d = g->mu_p - theta[XL_GAUSS_MU];
    double a = g->sigma_p * g->sigma_p + d * d; /* > 0; +infinity for a wild mu_q */
    return log(a) - 2.0 * theta[XL_GAUSS_LOG_SIGMA];
}

void xl_gauss_terms(const xl_gauss *g, const double *theta, double *spread, double *mismatch)
{
    assert(g != NULL && theta != NULL && spread != NULL && mismatch != NULL);
    *spread = 0.5 * LN_2PI + theta[XL_GAUSS_LOG_SIGMA];
    *mismatch = 0.5 * exp(log_ratio(g, theta));
}

double xl_gauss_loss(const xl_gauss *g, const double *theta)
{
    double spread, mismatch;
    xl_gauss_terms(g, theta, &spread, &mismatch);
    return spread + mismatch;
}

void xl_gauss_gradient(const xl_gauss *g, const double *theta, double *grad)
{
    assert(g != NULL && theta != NULL && grad != NULL);
    double d = theta[XL_GAUSS_MU] - g->mu_p;
    double s = theta[XL_GAUSS_LOG_SIGMA];
    grad[XL_GAUSS_MU] = d == 0.0 ? 0.0 : copysign(exp(log(fabs(d)) - 2.0 * s), d);
    grad[XL_GAUSS_LOG_SIGMA] = 1.0 - exp(log_ratio(g, theta));
}

double xl_gauss_lr_stable(const xl_gauss *g)
{
    assert(g != NULL);
    double two_var = 2.0 * g->sigma_p * g->sigma_p;
    return two_var < 1.0 ? two_var : 1.0;
}

double xl_gauss_lr_here(const xl_gauss *g, const double *theta)
{
    assert(g != NULL && theta != NULL);
    double d = theta[XL_GAUSS_MU] - g->mu_p;
    double a = g->sigma_p * g->sigma_p + d * d;
    double half_diff = 0.5 * (1.0 - 2.0 * a);
    double lambda = 0.5 + a + sqrt(half_diff * half_diff + 4.0 * d * d); /* >= 1 */
    /* 2 sigma_q^2 / lambda in logs: sigma_q^2 alone may overflow. */
    return exp(log(2.0) + 2.0 * theta[XL_GAUSS_LOG_SIGMA] - log(lambda));
}

int xl_gauss_in_domain(const double *theta)
{
    assert(theta != NULL);
    const double s = theta[XL_GAUSS_LOG_SIGMA];
    return isfinite(theta[XL_GAUSS_MU]) && s >= log(XL_GAUSS_SIGMA_Q_MIN) && s <= log(XL_GAUSS_SIGMA_Q_MAX);
}

double xl_gauss_entropy(const xl_gauss *g)
{
    assert(g != NULL);
    return 0.5 * (LN_2PI + 1.0) + log(g->sigma_p);
}

const char *xl_gauss_param_name(int i)
{
    return i == XL_GAUSS_MU ? "μ_q" : i == XL_GAUSS_LOG_SIGMA ? "log\u00a0σ_q" : ""; /* a no-break space: one name */
}

double xl_gauss_density(double mu, double sigma, double x)
{
    double z = (x - mu) / sigma;
    return exp(-0.5 * z * z - LN_SQRT_2PI - log(sigma));
}

/* ---- Masses of intervals --------------------------------------------------------
 *
 * The upper tail T(z) = P(Z > z) = erfc(z / sqrt 2) / 2 of a standard normal Z. Its log:
 *  - z < 0: T = 1 - T(-z), ln T = log1p(-T(-z)), exact (T(-z) < 1/2);
 *  - 0 <= z < 35: ln(erfc(z / sqrt 2) / 2); erfc is a normal double there (T(35) ~ 1e-268);
 *  - z >= 35: erfc would soon underflow (T(38.5) is below the smallest double), so the
 *    asymptotic series T(z) = phi(z) / z (1 - 1/z^2 + 3/z^4 - 15/z^6 + 105/z^8 - ...),
 *    phi the standard density, taken in logs: ln T = -z^2/2 - ln sqrt(2 pi) - ln z
 *    + ln(series). At z = 35 the first omitted term, 945 / z^10, is 3e-13, so ln T is
 *    true to that relative error and stays finite until z^2/2 itself overflows (z ~ 1e154).
 * A log-density approximation (ln of density times bin width) was the alternative; it is
 * off by ln(z width) and more for a wide bin in a steep tail, where the series is exact.
 *
 * The mass of [a, b] from the tails: on the right of the mean (z_a >= 0) it is
 * T(z_a) - T(z_b) = T(z_a) (1 - exp(ln T(z_b) - ln T(z_a))), whose log is
 * ln T(z_a) + log1p(-exp(...)): no cancellation that the log1p does not absorb, and
 * finite wherever T(z_a) is. On the left it is the mirror image. Straddling the mean,
 * the mass is (erf(z_b / sqrt 2) - erf(z_a / sqrt 2)) / 2 with the two erf of opposite
 * signs, so the difference is a sum of two non-negative numbers: exact even for a tiny
 * interval around the mean of a very wide Q, where 1 - T - T would cancel to 0. */
static double log_upper_tail(double z)
{
    if (z == INFINITY)
        return -INFINITY;
    if (z < 0.0)
        return log1p(-0.5 * erfc(-z * SQRT1_2));
    if (z < 35.0)
        return log(0.5 * erfc(z * SQRT1_2));
    double r = 1.0 / (z * z);
    double series = 1.0 - r * (1.0 - r * (3.0 - r * (15.0 - r * 105.0)));
    return -0.5 * z * z - LN_SQRT_2PI - log(z) + log(series);
}

/* ln(T(za) - T(zb)) for 0 <= za <= zb. */
static double log_tail_diff(double za, double zb)
{
    double la = log_upper_tail(za);
    if (la == -INFINITY)
        return -INFINITY;
    double lb = log_upper_tail(zb);
    if (lb >= la)
        return -INFINITY;
    return la + log1p(-exp(lb - la));
}

double xl_gauss_log_mass(double mu, double sigma, double a, double b)
{
    assert(sigma > 0.0 && !(a > b));
    if (!(a < b))
        return -INFINITY;
    double za = (a - mu) / sigma, zb = (b - mu) / sigma;
    if (za >= 0.0)
        return log_tail_diff(za, zb);
    if (zb <= 0.0)
        return log_tail_diff(-zb, -za);
    return log(0.5 * (erf(zb * SQRT1_2) - erf(za * SQRT1_2)));
}

/* ---- The model interface --------------------------------------------------------- */

/* Outside the domain the loss is +infinity: the simulation refuses the step there. */
static double model_loss(const void *self, const double *theta)
{
    return xl_gauss_in_domain(theta) ? xl_gauss_loss(self, theta) : INFINITY;
}

static void model_gradient(const void *self, const double *theta, double *grad)
{
    xl_gauss_gradient(self, theta, grad);
}

static double model_floor(const void *self)
{
    return xl_gauss_entropy(self);
}

static int model_param_count(const void *self)
{
    (void)self;
    return XL_GAUSS_PARAMS;
}

static unsigned long model_version(const void *self)
{
    const xl_gauss *g = self;
    return g->version;
}

static const char *model_param_name(const void *self, int i)
{
    (void)self;
    return xl_gauss_param_name(i);
}

static const xl_model_ops gauss_ops = {
    .id = "gaussian",
    .loss = model_loss,
    .gradient = model_gradient,
    .floor = model_floor,
    .param_count = model_param_count,
    .version = model_version,
    .param_name = model_param_name,
};

xl_model xl_gauss_model(const xl_gauss *g)
{
    assert(g != NULL);
    xl_model m = {&gauss_ops, g};
    return m;
}

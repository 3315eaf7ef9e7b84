/* xl_weighted: weighted binary cross-entropy on a line, as an xl_model (see xl_weighted.h).
 *
 * Loss from the logit. As in xl_logistic.c, -ln sigma(u) = softplus(-u) and
 * -ln(1 - sigma(u)) = softplus(u), so a sample's loss is
 *     l(u) = beta y softplus(-u) + (1 - y) softplus(u),
 * finite and exact for every finite u: a positive at u = -1e6 costs beta 1e6, not inf.
 *
 * Gradient. d softplus(t)/dt = sigma(t), so
 *     dl/du = -beta y sigma(-u) + (1 - y) sigma(u) = beta y (y_hat - 1) + (1 - y) y_hat,
 * since sigma(-u) = 1 - y_hat. With du/dw = x and du/db = 1:
 *     dL/dw = (1/n) sum_i r_i x_i,  dL/db = (1/n) sum_i r_i,  r_i = dl/du at u_i.
 * For a positive r = -beta sigma(-u) is computed directly, not as beta (sigma(u) - 1),
 * which would cancel to 0 for large u. With beta = 1, r = y_hat - y: "error times input".
 *
 * Hessian. d sigma(u)/du = sigma(u) sigma(-u) = s, so d2l/du2 = (beta y + 1 - y) s and
 * the Hessian is (1/n) sum_i (beta y_i + 1 - y_i) s_i [x_i^2, x_i; x_i, 1]: a sum of
 * positive multiples of the logistic's terms, so the loss stays convex, and strictly so
 * when two distinct x have s > 0. Newton's step solves H d = -g, damped by backtracking
 * (xl_newton, the same fit as xl_logistic.c's).
 *
 * Why the boundary moves. At the minimum dL/db = 0: beta sum_pos sigma(-u) = sum_neg
 * sigma(u), the weighted misses of the positives balance the false alarms. Raising beta
 * makes each miss dearer, so the fit lowers the threshold -b/w until more positives are
 * caught; beta acts like multiplying the prior odds of a positive by beta (a shift of
 * ln beta in the logit for well-specified data).
 */
#include "xl_weighted.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "xl_logistic.h"
#include "xl_newton.h"
#include "xl_rng.h"

enum { DRAWS = 4, FIT_ITER = 200 };
static const double FIT_TOL = 1e-12;
static const double SPREAD = 3.0;     /* x = centre + spread (u1 + u2 + u3 + u4 - 2) */
static const double NEG_CENTRE = -2.5;
static const double POS_CENTRE = 3.0;

static int beta_ok(double beta)
{
    return beta >= XL_WEIGHTED_BETA_MIN && beta <= XL_WEIGHTED_BETA_MAX;
}

/* Hundredths of x, rounded half away from zero; |x| < 10 here, far inside int16. */
static int16_t hundredths(double x)
{
    return (int16_t)lround(x * 100.0);
}

static void refit(xl_weighted *wd)
{
    wd->fit_ok = xl_weighted_fit_newton(wd, wd->fit, FIT_ITER, FIT_TOL) == 0;
    if (!wd->fit_ok)
        wd->fit[0] = wd->fit[1] = 0.0;
    /* Newton only descends; if it ever failed to converge, its start (the flat fit) is
     * still an upper bound, and for overlapping data the fit is the minimum. */
    wd->floor = wd->fit_ok ? xl_weighted_loss(wd, wd->fit) : 0.0;
    wd->version++;
}

int xl_weighted_init(xl_weighted *wd, int n, double rate, double beta, uint64_t seed)
{
    assert(wd != NULL);
    if (n < XL_WEIGHTED_MIN_POINTS || n > XL_WEIGHTED_MAX_POINTS || !(rate >= XL_WEIGHTED_RATE_MIN) ||
        !(rate <= XL_WEIGHTED_RATE_MAX) || !beta_ok(beta))
        return -1;
    unsigned long v = wd->version;
    memset(wd, 0, sizeof *wd);
    wd->version = v;
    wd->n = n;
    wd->npos = (int)lround(rate * n);
    if (wd->npos < 1)
        wd->npos = 1;
    wd->beta = beta;
    /* One stream, four uniforms per sample, positives first. The Irwin-Hall noise uses
     * only + and * on doubles (no libm), so every machine draws the same data. */
    xl_rng rng = xl_rng_make(seed);
    for (int i = 0; i < n; i++) {
        double u[DRAWS];
        for (int k = 0; k < DRAWS; k++)
            u[k] = xl_rng_uniform(&rng);
        int pos = i < wd->npos, j = pos ? i : i - wd->npos;
        double x;
        if (pos && j == 0)
            x = 1.25 * u[0];                      /* a positive inside the negatives' tail */
        else if (!pos && j == 0)
            x = 2.0 + 1.5 * u[0];                /* a negative among the positives */
        else if (!pos && j == 1)
            x = NEG_CENTRE + 1.5 * (u[0] - 0.5); /* a typical negative */
        else
            x = (pos ? POS_CENTRE : NEG_CENTRE) + SPREAD * (u[0] + u[1] + u[2] + u[3] - 2.0);
        wd->xh[i] = hundredths(x);
    }
    refit(wd);
    return 0;
}

int xl_weighted_set_beta(xl_weighted *wd, double beta)
{
    assert(wd != NULL);
    if (!beta_ok(beta))
        return -1;
    wd->beta = beta;
    refit(wd);
    return 0;
}

double xl_weighted_x(const xl_weighted *wd, int i)
{
    assert(wd != NULL && i >= 0 && i < wd->n);
    return wd->xh[i] / 100.0;
}

int xl_weighted_y(const xl_weighted *wd, int i)
{
    assert(wd != NULL && i >= 0 && i < wd->n);
    return i < wd->npos;
}

static double logit_at(const double *theta, double x)
{
    return theta[XL_WEIGHTED_W] * x + theta[XL_WEIGHTED_B];
}

double xl_weighted_loss(const xl_weighted *wd, const double *theta)
{
    assert(wd != NULL && theta != NULL);
    /* One running sum in sample order (positives first), as xl_logistic_loss sums: with
     * beta = 1 and the same samples in the same order the two agree to the last bit. */
    double sum = 0.0;
    for (int i = 0; i < wd->n; i++) {
        double u = logit_at(theta, wd->xh[i] / 100.0);
        sum += i < wd->npos ? wd->beta * xl_logistic_softplus(-u) : xl_logistic_softplus(u);
    }
    return sum / wd->n;
}

void xl_weighted_loss_parts(const xl_weighted *wd, const double *theta, double *pos, double *neg)
{
    assert(wd != NULL && theta != NULL);
    double sp = 0.0, sn = 0.0;
    for (int i = 0; i < wd->n; i++) {
        double u = logit_at(theta, wd->xh[i] / 100.0);
        if (i < wd->npos)
            sp += wd->beta * xl_logistic_softplus(-u);
        else
            sn += xl_logistic_softplus(u);
    }
    if (pos)
        *pos = sp / wd->n;
    if (neg)
        *neg = sn / wd->n;
}

void xl_weighted_gradient(const xl_weighted *wd, const double *theta, double *grad)
{
    assert(wd != NULL && theta != NULL && grad != NULL);
    double gw = 0.0, gb = 0.0;
    for (int i = 0; i < wd->n; i++) {
        double x = wd->xh[i] / 100.0, u = logit_at(theta, x);
        double r = i < wd->npos ? -wd->beta * xl_logistic_sigmoid(-u) : xl_logistic_sigmoid(u);
        gw += r * x;
        gb += r;
    }
    grad[XL_WEIGHTED_W] = gw / wd->n;
    grad[XL_WEIGHTED_B] = gb / wd->n;
}

void xl_weighted_hessian(const xl_weighted *wd, const double *theta, double *hess)
{
    assert(wd != NULL && theta != NULL && hess != NULL);
    double hxx = 0.0, hx = 0.0, h1 = 0.0;
    for (int i = 0; i < wd->n; i++) {
        double x = wd->xh[i] / 100.0, u = logit_at(theta, x);
        /* Both factors computed directly: s stays positive (if tiny) for large |u|. */
        double s = xl_logistic_sigmoid(u) * xl_logistic_sigmoid(-u) * (i < wd->npos ? wd->beta : 1.0);
        hxx += s * x * x;
        hx += s * x;
        h1 += s;
    }
    hess[0] = hxx / wd->n;
    hess[1] = hess[2] = hx / wd->n;
    hess[3] = h1 / wd->n;
}

xl_weighted_counts xl_weighted_count(const xl_weighted *wd, const double *theta)
{
    assert(wd != NULL && theta != NULL);
    xl_weighted_counts c = {0, 0, 0, 0};
    for (int i = 0; i < wd->n; i++) {
        /* Decided on the logit: y_hat > 0.5 exactly when u > 0, no rounding of sigma. */
        int said = logit_at(theta, wd->xh[i] / 100.0) > 0.0;
        if (i < wd->npos) {
            if (said) c.tp++;
            else c.fn++;
        } else if (said) {
            c.fp++;
        } else {
            c.tn++;
        }
    }
    return c;
}

int xl_weighted_overlaps(const xl_weighted *wd)
{
    assert(wd != NULL);
    if (wd->npos < 1 || wd->npos >= wd->n)
        return 0;
    int lo[2] = {INT16_MAX, INT16_MAX}, hi[2] = {INT16_MIN, INT16_MIN};
    for (int i = 0; i < wd->n; i++) {
        int y = i < wd->npos;
        if (wd->xh[i] < lo[y]) lo[y] = wd->xh[i];
        if (wd->xh[i] > hi[y]) hi[y] = wd->xh[i];
    }
    /* Strict both ways: no threshold splits them, not even with ties at one x. */
    return lo[1] < hi[0] && lo[0] < hi[1];
}

static double fn_loss(const void *self, const double *theta)
{
    return xl_weighted_loss(self, theta);
}

static void fn_gradient(const void *self, const double *theta, double *grad)
{
    xl_weighted_gradient(self, theta, grad);
}

static void fn_hessian(const void *self, const double *theta, double *hess)
{
    xl_weighted_hessian(self, theta, hess);
}

int xl_weighted_fit_newton(const xl_weighted *wd, double *theta_out, int max_iter, double tol)
{
    assert(wd != NULL && theta_out != NULL && max_iter >= 0);
    if (!xl_weighted_overlaps(wd))
        return -1;
    /* The best flat fit: beta npos sigma(-b) = nneg sigma(b), e^b = beta npos / nneg. */
    double theta[2] = {0.0, log(wd->beta * wd->npos / (wd->n - wd->npos))};
    const xl_newton_fn f = {XL_WEIGHTED_PARAMS, fn_loss, fn_gradient, fn_hessian, wd};
    if (xl_newton_minimize(&f, theta, max_iter, tol) != 0)
        return -1;
    theta_out[0] = theta[0];
    theta_out[1] = theta[1];
    return 0;
}

static double model_floor(const void *self)
{
    return ((const xl_weighted *)self)->floor;
}

static int model_param_count(const void *self)
{
    (void)self;
    return XL_WEIGHTED_PARAMS;
}

static unsigned long model_version(const void *self)
{
    return ((const xl_weighted *)self)->version;
}

static const char *model_param_name(const void *self, int i)
{
    (void)self;
    return i == XL_WEIGHTED_W ? "w" : "b";
}

static const xl_model_ops weighted_ops = {
    .id = "weighted",
    .loss = fn_loss,
    .gradient = fn_gradient,
    .floor = model_floor,
    .param_count = model_param_count,
    .version = model_version,
    .param_name = model_param_name,
};

xl_model xl_weighted_model(const xl_weighted *wd)
{
    assert(wd != NULL);
    xl_model m = {&weighted_ops, wd};
    return m;
}

/* xl_logistic: binary logistic regression on a line, as an xl_model.
 *
 * Loss from the logit. With sigma(u) = 1 / (1 + e^-u), 1 - sigma(u) = sigma(-u) and
 * -ln sigma(u) = ln(1 + e^-u) = softplus(-u), so a point's binary cross-entropy is
 * softplus(-u) for y = 1 and softplus(u) for y = 0. softplus(u) = max(u, 0) + log1p(e^-|u|):
 * the exponent is never positive (no overflow) and log1p keeps e^-|u| << 1 exact, so
 * softplus(1e6) = 1e6 and softplus(-40) = 4.25e-18 rather than log(0) = -inf or 0.
 *
 * Gradient ("error times input"). d softplus(t)/dt = sigma(t), so for y = 1,
 * d/du softplus(-u) = -sigma(-u) = sigma(u) - 1, and for y = 0, d/du softplus(u) = sigma(u):
 * both are y_hat - y. With du/dw = x and du/db = 1, dL/dw = mean (y_hat - y) x and
 * dL/db = mean (y_hat - y). The residual is computed as -sigma(-u) for y = 1 rather than
 * sigma(u) - 1, which would cancel to 0 for large u.
 *
 * Hessian. d sigma(u)/du = sigma(u) sigma(-u) = s, so the second derivatives are
 * mean s [x^2, x; x, 1]: positive semi-definite (the loss is convex), and definite when s > 0
 * at two distinct x. Newton's step solves H d = -g, damped by a backtracking line search
 * so that it never increases the loss even far from the minimum, where the quadratic
 * model overshoots (xl_newton, shared with xl_weighted).
 *
 * Existence of the minimum (Albert and Anderson 1984): the maximum-likelihood estimate is
 * finite and unique exactly when the classes overlap, neither completely nor
 * quasi-completely separated; on a line that is a comparison of the class extremes.
 */
#include "xl_logistic.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "xl_info.h"
#include "xl_newton.h"
#include "xl_rng.h"

/* ---- Data -------------------------------------------------------------------------- */

/* The built-in set (seed 0): x to two decimals, classes alternating (even 0, odd 1).
 * Points 0..3 follow the rule every seed follows (see xl_logistic_init): a 0 right of
 * zero, a 1 left of it, then a typical 0 and a typical 1. Class 0 has mean -0.78 and
 * class 1 mean +0.90; they overlap on [-0.6, 0.9], so the fit is finite:
 * w = 1.866, b = -0.110, floor 0.405 nats (tests/test_logistic.c). */
static const xl_logistic_point builtin[XL_LOGISTIC_DEFAULT_POINTS] = {
    { 0.3, 0 }, { -0.6, 1 }, { -1.5, 0 }, { 1.6, 1 }, { -1.0, 0 },
    { 0.8, 1 }, { -2.3, 0 }, { 1.3, 1 }, { -0.4, 0 }, { 0.2, 1 },
    { -1.2, 0 }, { 2.4, 1 }, { 0.9, 0 }, { -0.2, 1 }, { -0.7, 0 },
    { 1.0, 1 }, { -1.8, 0 }, { 0.5, 1 }, { -0.1, 0 }, { 2.0, 1 },
};

enum { DRAWS_PER_POINT = 4 };
static const double CLASS_SPREAD = 1.5; /* x = centre + spread (u1 + u2 + u3 + u4 - 2) */

/* Round to two decimals, so the readout shows the data exactly. round() and the two
 * correctly rounded operations give the same bits everywhere. */
static double two_decimals(double x)
{
    return round(x * 100.0) / 100.0;
}

/* Point i of a seeded set from its four uniforms. The noise is Irwin-Hall (a sum of four
 * uniforms: bell-shaped, bounded by +-2 spread, sd spread / sqrt 3 ~ 0.87) rather than
 * Box-Muller, whose log and cos may differ in the last bit between libms. */
static xl_logistic_point generated_point(int i, const double u[DRAWS_PER_POINT])
{
    xl_logistic_point p;
    p.y = i % 2;
    double side = p.y ? 1.0 : -1.0;
    switch (i) {
    case 0: /* a 0 on the 1s' side, in [0.1, 1.0] */
    case 1: /* a 1 on the 0s' side, in [-1.0, -0.1] */
        p.x = -side * (0.1 + 0.9 * u[0]);
        break;
    case 2: /* typical points near -1.5 and +1.5, within 0.3 */
    case 3:
        p.x = side * (1.5 + 0.6 * (u[0] - 0.5));
        break;
    default:
        p.x = side + CLASS_SPREAD * (u[0] + u[1] + u[2] + u[3] - 2.0);
        break;
    }
    p.x = two_decimals(p.x);
    return p;
}

xl_logistic_point xl_logistic_seed_point(uint64_t seed, int i)
{
    assert(i >= 0);
    if (seed == 0 && i < XL_LOGISTIC_DEFAULT_POINTS)
        return builtin[i];
    /* Point i uses draws 4i..4i+3 of the seed's stream, so it does not depend on how many
     * points are generated: growing a set keeps the points it had. */
    xl_rng rng = xl_rng_make(seed);
    for (int k = 0; k < DRAWS_PER_POINT * i; k++)
        (void)xl_rng_next(&rng);
    double u[DRAWS_PER_POINT];
    for (int k = 0; k < DRAWS_PER_POINT; k++)
        u[k] = xl_rng_uniform(&rng);
    return generated_point(i, u);
}

static void fill_from_seed(xl_logistic *lg, uint64_t seed, int from, int to)
{
    for (int i = from; i < to; i++)
        lg->pts[i] = xl_logistic_seed_point(seed, i);
}

void xl_logistic_init(xl_logistic *lg, uint64_t seed)
{
    assert(lg != NULL);
    memset(lg, 0, sizeof *lg);
    lg->seed = seed;
    lg->n = XL_LOGISTIC_DEFAULT_POINTS;
    fill_from_seed(lg, seed, 0, lg->n);
}

void xl_logistic_reset(xl_logistic *lg, uint64_t seed)
{
    assert(lg != NULL);
    unsigned long v = lg->version;
    xl_logistic_init(lg, seed);
    lg->version = v + 1;
}

static int x_allowed(double x)
{
    return isfinite(x) && fabs(x) <= XL_LOGISTIC_X_LIMIT;
}

int xl_logistic_add(xl_logistic *lg, double x, int y)
{
    assert(lg != NULL);
    if (lg->n >= XL_LOGISTIC_MAX_POINTS || (y != 0 && y != 1) || !x_allowed(x))
        return -1;
    lg->pts[lg->n].x = x;
    lg->pts[lg->n].y = y;
    lg->n++;
    lg->version++;
    return 0;
}

int xl_logistic_remove(xl_logistic *lg, int i)
{
    assert(lg != NULL);
    if (i < 0 || i >= lg->n)
        return -1;
    memmove(&lg->pts[i], &lg->pts[i + 1], (size_t)(lg->n - i - 1) * sizeof lg->pts[0]);
    lg->n--;
    memset(&lg->pts[lg->n], 0, sizeof lg->pts[0]); /* unused slots stay zero */
    lg->version++;
    return 0;
}

int xl_logistic_flip(xl_logistic *lg, int i)
{
    assert(lg != NULL);
    if (i < 0 || i >= lg->n)
        return -1;
    lg->pts[i].y = !lg->pts[i].y;
    lg->version++;
    return 0;
}

int xl_logistic_move(xl_logistic *lg, int i, double x)
{
    assert(lg != NULL);
    if (i < 0 || i >= lg->n || !x_allowed(x))
        return -1;
    lg->pts[i].x = x;
    lg->version++;
    return 0;
}

int xl_logistic_set_count(xl_logistic *lg, int n)
{
    assert(lg != NULL);
    if (n < 0 || n > XL_LOGISTIC_MAX_POINTS)
        return -1;
    if (n > lg->n)
        fill_from_seed(lg, lg->seed, lg->n, n);
    else
        memset(&lg->pts[n], 0, (size_t)(lg->n - n) * sizeof lg->pts[0]);
    lg->n = n;
    lg->version++;
    return 0;
}

unsigned long xl_logistic_version(const xl_logistic *lg)
{
    assert(lg != NULL);
    return lg->version;
}

/* ---- Model ------------------------------------------------------------------------- */

const char *xl_logistic_param_name(int i)
{
    assert(i >= 0 && i < XL_LOGISTIC_PARAMS);
    return i == XL_LOGISTIC_W ? "w" : "b";
}

double xl_logistic_sigmoid(double u)
{
    /* Exponent <= 0 on both branches: e^-|u| in (0, 1], never overflows. */
    if (u >= 0.0)
        return 1.0 / (1.0 + exp(-u));
    double e = exp(u);
    return e / (1.0 + e);
}

double xl_logistic_softplus(double u)
{
    if (u > 0.0)
        return u + log1p(exp(-u));
    return log1p(exp(u));
}

double xl_logistic_predict(const double *theta, double x)
{
    assert(theta != NULL);
    return xl_logistic_sigmoid(theta[XL_LOGISTIC_W] * x + theta[XL_LOGISTIC_B]);
}

static double logit_of(const double *theta, double x)
{
    return theta[XL_LOGISTIC_W] * x + theta[XL_LOGISTIC_B];
}

/* -ln q_y: softplus(-u) for y = 1, softplus(u) for y = 0. */
static double point_surprise(double u, int y)
{
    return xl_logistic_softplus(y ? -u : u);
}

/* y_hat - y without cancellation: -sigma(-u) for y = 1. */
static double point_residual(double u, int y)
{
    return y ? -xl_logistic_sigmoid(-u) : xl_logistic_sigmoid(u);
}

double xl_logistic_loss(const xl_logistic *lg, const double *theta)
{
    assert(lg != NULL && theta != NULL);
    if (lg->n == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < lg->n; i++)
        sum += point_surprise(logit_of(theta, lg->pts[i].x), lg->pts[i].y);
    return sum / lg->n;
}

void xl_logistic_gradient(const xl_logistic *lg, const double *theta, double *grad)
{
    assert(lg != NULL && theta != NULL && grad != NULL);
    double gw = 0.0, gb = 0.0;
    for (int i = 0; i < lg->n; i++) {
        double r = point_residual(logit_of(theta, lg->pts[i].x), lg->pts[i].y);
        gw += r * lg->pts[i].x;
        gb += r;
    }
    int n = lg->n > 0 ? lg->n : 1;
    grad[XL_LOGISTIC_W] = gw / n;
    grad[XL_LOGISTIC_B] = gb / n;
}

void xl_logistic_hessian(const xl_logistic *lg, const double *theta, double *hess)
{
    assert(lg != NULL && theta != NULL && hess != NULL);
    double hxx = 0.0, hx = 0.0, h1 = 0.0;
    for (int i = 0; i < lg->n; i++) {
        double x = lg->pts[i].x, u = logit_of(theta, x);
        /* s = sigma(u) sigma(-u), both factors computed directly, so s stays positive
         * (if tiny) instead of becoming sigma(u) (1 - sigma(u)) = 0 for u > 37. */
        double s = xl_logistic_sigmoid(u) * xl_logistic_sigmoid(-u);
        hxx += s * x * x;
        hx += s * x;
        h1 += s;
    }
    int n = lg->n > 0 ? lg->n : 1;
    hess[0] = hxx / n;
    hess[1] = hx / n;
    hess[2] = hx / n;
    hess[3] = h1 / n;
}

void xl_logistic_contributions(const xl_logistic *lg, const double *theta, double *dw,
                               double *db)
{
    assert(lg != NULL && theta != NULL && dw != NULL && db != NULL);
    for (int i = 0; i < lg->n; i++) {
        double r = point_residual(logit_of(theta, lg->pts[i].x), lg->pts[i].y);
        dw[i] = r * lg->pts[i].x / lg->n;
        db[i] = r / lg->n;
    }
}

xl_logistic_sample xl_logistic_sample_at(const xl_logistic *lg, const double *theta, int i)
{
    assert(lg != NULL && theta != NULL);
    assert(i >= 0 && i < lg->n);
    xl_logistic_sample s;
    s.x = lg->pts[i].x;
    s.y = lg->pts[i].y != 0;
    s.logit = logit_of(theta, s.x);
    s.p[0] = s.y ? 1.0 : 0.0;
    s.p[1] = s.y ? 0.0 : 1.0;
    s.q[0] = xl_logistic_sigmoid(s.logit);
    s.q[1] = xl_logistic_sigmoid(-s.logit);
    s.surprise = point_surprise(s.logit, s.y);
    s.residual = point_residual(s.logit, s.y);
    s.dw = s.residual * s.x / lg->n;
    s.db = s.residual / lg->n;
    return s;
}

/* ---- Best fit and floor ------------------------------------------------------------ */

typedef struct class_extent {
    int count[2];
    double lo[2], hi[2]; /* smallest and largest x of each class */
} class_extent;

static class_extent extent_of(const xl_logistic *lg)
{
    class_extent e = { { 0, 0 }, { INFINITY, INFINITY }, { -INFINITY, -INFINITY } };
    for (int i = 0; i < lg->n; i++) {
        int y = lg->pts[i].y != 0; /* as everywhere here: any nonzero label is a 1 */
        double x = lg->pts[i].x;
        e.count[y]++;
        if (x < e.lo[y])
            e.lo[y] = x;
        if (x > e.hi[y])
            e.hi[y] = x;
    }
    return e;
}

xl_logistic_separation xl_logistic_separation_of(const xl_logistic *lg)
{
    assert(lg != NULL);
    if (lg->n == 0)
        return XL_LOGISTIC_DEGENERATE;
    class_extent e = extent_of(lg);
    /* One class only: b -> +-infinity with w = 0 drives every loss to 0. */
    if (e.count[0] == 0 || e.count[1] == 0)
        return XL_LOGISTIC_SEPARABLE;
    /* A threshold strictly between the classes: w -> +-infinity through it. */
    if (e.hi[0] < e.lo[1] || e.hi[1] < e.lo[0])
        return XL_LOGISTIC_SEPARABLE;
    /* Both classes present at a single x: the loss depends on w x + b only. */
    if (fmin(e.lo[0], e.lo[1]) == fmax(e.hi[0], e.hi[1]))
        return XL_LOGISTIC_DEGENERATE;
    /* Separated but for ties at the boundary point. */
    if (e.hi[0] == e.lo[1] || e.hi[1] == e.lo[0])
        return XL_LOGISTIC_QUASI_SEPARABLE;
    return XL_LOGISTIC_OVERLAP;
}

int xl_logistic_is_separable(const xl_logistic *lg)
{
    xl_logistic_separation s = xl_logistic_separation_of(lg);
    return s == XL_LOGISTIC_SEPARABLE || s == XL_LOGISTIC_QUASI_SEPARABLE;
}

static double fn_loss(const void *self, const double *theta)
{
    return xl_logistic_loss(self, theta);
}

static void fn_gradient(const void *self, const double *theta, double *grad)
{
    xl_logistic_gradient(self, theta, grad);
}

static void fn_hessian(const void *self, const double *theta, double *hess)
{
    xl_logistic_hessian(self, theta, hess);
}

/* Damped Newton from theta (overlapping data; see xl_newton.h). Always leaves its last
 * iterate in theta; returns 0 when converged, -1 otherwise. */
static int newton(const xl_logistic *lg, double *theta, int max_iter, double tol)
{
    const xl_newton_fn f = {XL_LOGISTIC_PARAMS, fn_loss, fn_gradient, fn_hessian, lg};
    return xl_newton_minimize(&f, theta, max_iter, tol);
}

int xl_logistic_fit_newton(const xl_logistic *lg, double *theta_out, int max_iter,
                           double tol)
{
    assert(lg != NULL && theta_out != NULL && max_iter >= 0);
    xl_logistic_separation sep = xl_logistic_separation_of(lg);
    if (sep == XL_LOGISTIC_SEPARABLE || sep == XL_LOGISTIC_QUASI_SEPARABLE)
        return -1;
    class_extent e = extent_of(lg);
    /* Start from the best flat fit, w = 0 and y_hat = mean y: b = ln(k1 / k0). For
     * degenerate data that is already a minimiser. */
    double theta[2] = { 0.0, 0.0 };
    if (lg->n > 0)
        theta[XL_LOGISTIC_B] = log((double)e.count[1] / e.count[0]);
    if (sep == XL_LOGISTIC_OVERLAP && newton(lg, theta, max_iter, tol) != 0)
        return -1;
    theta_out[0] = theta[0];
    theta_out[1] = theta[1];
    return 0;
}

/* Infimum for ties at one x = c (quasi-separable or degenerate data): along
 * w -> +-infinity with the boundary at c every other point's loss tends to 0, while the k
 * tied points share one logit, whose best value gives them k H2(k1 / k) in total; no
 * (w, b) does better because each term is >= 0 and the tied ones >= k H2. */
static double tie_floor(const xl_logistic *lg)
{
    class_extent e = extent_of(lg);
    double c = e.hi[0] == e.lo[1] ? e.hi[0] : e.hi[1];
    int k[2] = { 0, 0 };
    for (int i = 0; i < lg->n; i++)
        if (lg->pts[i].x == c)
            k[lg->pts[i].y != 0]++;
    double frac[2] = { (double)k[0] / (k[0] + k[1]), (double)k[1] / (k[0] + k[1]) };
    return (double)(k[0] + k[1]) / lg->n * xl_entropy(frac, 2, XL_NATS);
}

enum { FLOOR_MAX_ITER = 100 };
static const double FLOOR_TOL = 1e-10;

double xl_logistic_floor(const xl_logistic *lg)
{
    assert(lg != NULL);
    switch (xl_logistic_separation_of(lg)) {
    case XL_LOGISTIC_OVERLAP: {
        class_extent e = extent_of(lg);
        double theta[2] = { 0.0, log((double)e.count[1] / e.count[0]) };
        /* Newton only descends, so even without convergence (not seen in practice: the
         * loss is strictly convex here) its last iterate's loss bounds the minimum. */
        (void)newton(lg, theta, FLOOR_MAX_ITER, FLOOR_TOL);
        return xl_logistic_loss(lg, theta);
    }
    case XL_LOGISTIC_SEPARABLE:
        return 0.0;
    case XL_LOGISTIC_QUASI_SEPARABLE:
    case XL_LOGISTIC_DEGENERATE:
        return lg->n > 0 ? tie_floor(lg) : 0.0;
    }
    return 0.0;
}

static double model_floor(const void *self)
{
    return xl_logistic_floor(self);
}

static int model_param_count(const void *self)
{
    (void)self;
    return XL_LOGISTIC_PARAMS;
}

static unsigned long model_version(const void *self)
{
    return xl_logistic_version(self);
}

static const char *model_param_name(const void *self, int i)
{
    (void)self;
    return xl_logistic_param_name(i);
}

static const xl_model_ops logistic_ops = {
    .id = "logistic",
    .loss = fn_loss,
    .gradient = fn_gradient,
    .floor = model_floor,
    .param_count = model_param_count,
    .version = model_version,
    .param_name = model_param_name,
};

xl_model xl_logistic_model(const xl_logistic *lg)
{
    assert(lg != NULL);
    xl_model m = { &logistic_ops, lg };
    return m;
}

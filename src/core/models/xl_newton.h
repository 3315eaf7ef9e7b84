/* xl_newton: damped Newton's method for a small smooth convex function, the one fit
 * behind the logistic and weighted scenarios' minimum (and any model that knows its
 * Hessian).
 *
 * From theta, each iteration solves H d = -g (Cramer's rule for two parameters, a
 * Cholesky factorisation for more) and takes the largest t in 1, 1/2, 1/4, ... with
 *     L(theta + t d) <= L(theta) + c t g.d + slack      (Armijo, c = 1e-4),
 * where slack = 4 ulps of |L(theta)|: near the minimum the true decrease (~g.d / 2, 1e-24
 * for g ~ 1e-12) is below the rounding of L itself, and a step must not be refused for a
 * last-bit change. Far from the minimum, where the quadratic model overshoots, the search
 * keeps every step a descent. Where H is not numerically positive definite (every
 * curvature term underflowed), the direction falls back to steepest descent, -g, which
 * the line search keeps safe.
 *
 * Stops, with 0, when max |g_i| <= tol or when a full step no longer changes theta in
 * floating point; with -1 after max_iter steps or when 60 halvings find no decrease.
 * Either way theta holds the last iterate: every step taken lowered the loss or, at the
 * bottom, changed it by less than the slack, so its loss bounds the minimum from above.
 * The search cannot rescue a step that 60 halvings leave too long (vanishing curvature
 * far from the minimum, 2^60 times too long): it fails there and keeps theta.
 * Pure C11 + libm; no allocation.
 */
#ifndef XL_NEWTON_H
#define XL_NEWTON_H

enum { XL_NEWTON_MAX_PARAMS = 8 };

/* The function to minimise: n parameters (1..XL_NEWTON_MAX_PARAMS), its value, its
 * gradient (n values) and its Hessian (n x n, row-major), all at theta, all read from
 * self, which the caller owns and which must outlive the call. */
typedef struct xl_newton_fn {
    int n;
    double (*loss)(const void *self, const double *theta);
    void (*gradient)(const void *self, const double *theta, double *grad);
    void (*hessian)(const void *self, const double *theta, double *hess);
    const void *self;
} xl_newton_fn;

/* Minimise f from theta (n values, updated in place) with at most max_iter (>= 0)
 * Newton steps until max |g_i| <= tol. Returns 0 when converged, -1 otherwise; theta
 * holds the last iterate in both cases. */
int xl_newton_minimize(const xl_newton_fn *f, double *theta, int max_iter, double tol);

#endif

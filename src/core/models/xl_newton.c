/* xl_newton: damped Newton's method (see xl_newton.h). */
#include "xl_newton.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stddef.h>

static const double ARMIJO_C = 1e-4;
static const double LOSS_SLACK_ULPS = 4.0;
enum { MAX_HALVINGS = 60 };

/* max |v_i|, with fmax's rule for NaN (a NaN among numbers is passed over). */
static double max_abs(const double *v, int n)
{
    double m = fabs(v[0]);
    for (int i = 1; i < n; i++)
        m = fmax(m, fabs(v[i]));
    return m;
}

/* Solve H d = -g for symmetric positive definite H by Cholesky (H = L L^T); 0 if solved,
 * -1 if H is not numerically positive definite. h is n x n row-major. */
static int solve_cholesky(const double *h, const double *g, double *d, int n)
{
    double l[XL_NEWTON_MAX_PARAMS * XL_NEWTON_MAX_PARAMS] = {0};
    for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++) {
            double sum = h[i * n + j];
            for (int k = 0; k < j; k++)
                sum -= l[i * n + k] * l[j * n + k];
            if (i == j) {
                if (!(sum > 0.0) || !isfinite(sum))
                    return -1;
                l[i * n + i] = sqrt(sum);
            } else {
                l[i * n + j] = sum / l[j * n + j];
            }
        }
    double y[XL_NEWTON_MAX_PARAMS];
    for (int i = 0; i < n; i++) { /* L y = -g */
        double sum = -g[i];
        for (int k = 0; k < i; k++)
            sum -= l[i * n + k] * y[k];
        y[i] = sum / l[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) { /* L^T d = y */
        double sum = y[i];
        for (int k = i + 1; k < n; k++)
            sum -= l[k * n + i] * d[k];
        d[i] = sum / l[i * n + i];
    }
    for (int i = 0; i < n; i++)
        if (!isfinite(d[i]))
            return -1;
    return 0;
}

/* The Newton direction, or -g where H gives none. Two parameters by Cramer's rule: the
 * fits of xl_logistic and xl_weighted were pinned with it, to the last bit. */
static void direction(const double *h, const double *g, double *d, int n)
{
    if (n == 2) {
        double det = h[0] * h[3] - h[1] * h[2];
        if (det > 0.0 && isfinite(det)) {
            d[0] = -(h[3] * g[0] - h[1] * g[1]) / det;
            d[1] = -(h[0] * g[1] - h[2] * g[0]) / det;
            return;
        }
    } else if (solve_cholesky(h, g, d, n) == 0) {
        return;
    }
    for (int i = 0; i < n; i++)
        d[i] = -g[i];
}

int xl_newton_minimize(const xl_newton_fn *f, double *theta, int max_iter, double tol)
{
    assert(f != NULL && theta != NULL && max_iter >= 0);
    assert(f->n >= 1 && f->n <= XL_NEWTON_MAX_PARAMS);
    assert(f->loss != NULL && f->gradient != NULL && f->hessian != NULL);
    const int n = f->n;
    for (int it = 0;; it++) {
        double g[XL_NEWTON_MAX_PARAMS], h[XL_NEWTON_MAX_PARAMS * XL_NEWTON_MAX_PARAMS], d[XL_NEWTON_MAX_PARAMS];
        f->gradient(f->self, theta, g);
        if (max_abs(g, n) <= tol)
            return 0;
        if (it >= max_iter)
            return -1;
        f->hessian(f->self, theta, h);
        direction(h, g, d, n);
        int moves = 0;
        for (int i = 0; i < n; i++)
            moves |= theta[i] + d[i] != theta[i];
        if (!moves)
            return 0; /* the step is below the resolution of theta: nothing left to gain */
        double l0 = f->loss(f->self, theta);
        double gd = 0.0;
        for (int i = 0; i < n; i++)
            gd += g[i] * d[i];
        double slack = LOSS_SLACK_ULPS * DBL_EPSILON * fabs(l0);
        double t = 1.0;
        int accepted = 0;
        for (int k = 0; k < MAX_HALVINGS && !accepted; k++, t *= 0.5) {
            double cand[XL_NEWTON_MAX_PARAMS];
            for (int i = 0; i < n; i++)
                cand[i] = theta[i] + t * d[i];
            if (f->loss(f->self, cand) <= l0 + ARMIJO_C * t * gd + slack) {
                for (int i = 0; i < n; i++)
                    theta[i] = cand[i];
                accepted = 1;
            }
        }
        if (!accepted)
            return -1;
    }
}

/* xl_classifier_slice: the softmax classifier's loss over a slice of two logits, fast
 * and exact (see xl_classifier.h).
 *
 * With z_a = x, z_b = y and one shift M >= x, y and every other z_k, since sum_k p_k = 1,
 *   L(x, y) = log sum_k e^{z_k} - p.z
 *           = p_a (M - x) + p_b (M - y) + sum_{k != a,b} p_k (M - z_k)
 *             + log(e^{x-M} + e^{y-M} + sum_{k != a,b} e^{z_k - M}).
 * Every term before the log is >= 0, so nothing cancels however large the logits (the
 * unshifted M + log(...) - p_a x - p_b y - p.z lost everything at 1e16 and gave the
 * wrong sign at 1e300). The per-column terms (e^{x_i-M}, p_a (M - x_i)) and per-row
 * terms are tabled once, so each cell costs two adds and a log.
 * The log can still cancel against the linear terms when the shifted sum is tiny (the
 * cell's own largest logit is far below M): with s >= e^-CANCEL_MAX the error is at
 * most ~eps (L + 2 CANCEL_MAX); below that, or where a term overflows, the cell falls
 * back to the exact per-cell form (xl_cross_entropy_logits).
 */
#include "xl_classifier.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "xl_info.h"
#include "xl_vec.h"

/* Cells whose shifted sum is below e^-CANCEL_MAX take the exact per-cell form: the fast
 * form's error there, ~eps (L + 2 CANCEL_MAX), would pass 1e-14 nats. */
#define CANCEL_MAX 32.0

int xl_classifier_landscape(xl_landscape *ls, const xl_classifier *c,
                                    const double *z, int a, int b, double lo, double hi)
{
    return xl_classifier_landscape_box(ls, c, z, a, b, lo, hi, lo, hi);
}

int xl_classifier_landscape_box(xl_landscape *ls, const xl_classifier *c, const double *z, int a, int b,
                                        double xlo, double xhi, double ylo, double yhi)
{
    assert(ls != NULL && c != NULL && z != NULL);
    int n = c->n;
    assert(n >= 2 && n <= XL_MAX_CLASSES);
    assert(a >= 0 && a < n && b >= 0 && b < n && a != b);
    assert(xhi > xlo && yhi > ylo);
    /* The grid depends on P and on the other logits, not on z_a and z_b (it varies
     * those itself): moving along the slice keeps it. */
    double key[1 + 2 * XL_MAX_CLASSES] = {0};
    key[0] = n;
    memcpy(key + 1, z, (size_t)n * sizeof(double));
    key[1 + a] = key[1 + b] = 0.0;
    memcpy(key + 1 + n, c->p, (size_t)n * sizeof(double));
    if (!xl_landscape_fill_begin(ls, a, b, xlo, xhi, ylo, yhi, key, (size_t)(1 + 2 * n) * sizeof(double)))
        return 0;
    const int g = xl_landscape_size(ls);
    double *ex = xl_landscape_scratch(ls, 0), *ey = xl_landscape_scratch(ls, 1);
    double *cx = xl_landscape_scratch(ls, 2), *cy = xl_landscape_scratch(ls, 3);
    /* The largest exponent any cell meets: the view's top on either axis or a logit. */
    double m = xhi > yhi ? xhi : yhi;
    for (int k = 0; k < n; k++)
        if (k != a && k != b && z[k] > m)
            m = z[k];
    double rs = 0.0, base = 0.0;
    for (int k = 0; k < n; k++) {
        if (k == a || k == b)
            continue;
        rs += exp(z[k] - m);
        if (c->p[k] > 0.0)
            base += c->p[k] * (m - z[k]);
    }
    double pa = c->p[a], pb = c->p[b];
    for (int i = 0; i < g; i++) {
        double tx = xl_landscape_x(ls, i), ty = xl_landscape_y(ls, i);
        ex[i] = exp(tx - m);
        ey[i] = exp(ty - m);
        cx[i] = pa > 0.0 ? pa * (m - tx) : 0.0;
        cy[i] = pb > 0.0 ? pb * (m - ty) : 0.0;
    }
    const double s_min = exp(-CANCEL_MAX);
    double zz[XL_MAX_CLASSES];
    memcpy(zz, z, (size_t)n * sizeof(double));
    /* A row in one vector pass (xl_vec_log_sum_row: its logs within 2 ulps of libm's,
     * the log was most of a recompute); the rare cells it cannot take, again exactly. */
    for (int j = 0; j < g; j++) {
        const double eyj = ey[j], cyj = cy[j] + base;
        double *row = xl_landscape_row(ls, j);
        if (!xl_vec_log_sum_row(ex, eyj, rs, cx, cyj, s_min, row, g))
            continue;
        for (int i = 0; i < g; i++) {
            const double s = ex[i] + eyj + rs;
            if (!(s >= s_min && s <= DBL_MAX) || !isfinite(row[i])) {
                zz[a] = xl_landscape_x(ls, i);
                zz[b] = xl_landscape_y(ls, j);
                row[i] = xl_cross_entropy_logits(c->p, zz, n);
            }
        }
    }
    xl_landscape_fill_end(ls);
    return 1;
}

int xl_classifier_slice_minimum(const xl_classifier *c, const double *z, int a, int b,
                                    double *x, double *y)
{
    assert(c != NULL && z != NULL && x != NULL && y != NULL);
    int n = c->n;
    assert(a >= 0 && a < n && b >= 0 && b < n && a != b);
    /* Setting dL/dx = q_a - p_a = 0 and dL/dy = q_b - p_b = 0 gives
     * e^x / (e^x + e^y + R) = p_a and the same for y, hence R / (...) = 1 - p_a - p_b and
     * x* = log p_a + log R - log(1 - p_a - p_b). log R is a log-sum-exp over the other
     * logits, and 1 - p_a - p_b is summed from the other p_k so it is not a difference of
     * nearly equal numbers. */
    double pa = c->p[a], pb = c->p[b];
    double others[XL_MAX_CLASSES];
    int no = 0;
    double rest = 0.0;
    for (int k = 0; k < n; k++) {
        if (k == a || k == b)
            continue;
        others[no++] = z[k];
        rest += c->p[k];
    }
    if (!(pa > 0.0) || !(pb > 0.0) || no == 0 || !(rest > 0.0))
        return 0;
    double log_r = xl_log_sum_exp(others, no);
    *x = log(pa) + log_r - log(rest);
    *y = log(pb) + log_r - log(rest);
    return 1;
}

int xl_classifier_slice_valley(const xl_classifier *c, int a, int b, double *d)
{
    assert(c != NULL && d != NULL);
    assert(a >= 0 && a < c->n && b >= 0 && b < c->n && a != b);
    double pa = c->p[a], pb = c->p[b];
    /* 1e-9: P is normalized in floating point, so "the others are all 0" holds only up
     * to rounding. */
    if (!(pa > 0.0 && pb > 0.0) || pa + pb < 1.0 - 1e-9)
        return 0;
    *d = log(pa) - log(pb);
    return 1;
}

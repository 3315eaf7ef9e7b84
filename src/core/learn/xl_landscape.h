/* xl_landscape: the loss over a 2-D slice of parameter space.
 *
 * Parameters a and b vary over [lo, hi] (or a box [xlo, xhi] x [ylo, yhi]) on a G x G
 * grid; the others stay at their current values. Cell (i, j) holds L at theta_a = x_i,
 * theta_b = y_j with x_i = xlo + (xhi - xlo) * i / (G - 1) (likewise y_j); row j = 0 is
 * y = ylo.
 *
 * For the softmax classifier the loss separates: with R = sum_{k != a,b} exp(z_k),
 *   L(x, y) = log(e^x + e^y + R) - p_a x - p_b y - sum_{k != a,b} p_k z_k,
 * so the exponentials are computed once per row and column and each cell costs one
 * log (xl_landscape_compute_classifier). xl_landscape_compute evaluates any model
 * directly, cell by cell, and is the reference the fast path is tested against.
 * The grid recomputes only when one of its inputs changed: the slice, theta, and the
 * model (its ops, self and version; the classifier path compares P itself).
 */
#ifndef XL_LANDSCAPE_H
#define XL_LANDSCAPE_H

#include "xl_model.h"
#include "xl_classifier.h"

enum { XL_LANDSCAPE_MAX_G = 1024 };

typedef struct xl_landscape xl_landscape;

/* Allocate a G x G grid (2 <= G <= XL_LANDSCAPE_MAX_G). NULL on failure.
 * Free with xl_landscape_destroy. */
xl_landscape *xl_landscape_create(int g);
void xl_landscape_destroy(xl_landscape *ls);

/* Fill the grid for the slice (a, b) over [lo, hi] around theta, for any model.
 * Returns 1 if it recomputed, 0 if the inputs were unchanged since the last fill. */
int xl_landscape_compute(xl_landscape *ls, xl_model model, const double *theta,
                         int a, int b, double lo, double hi);
/* The same for the softmax classifier with z = theta, one log per cell. */
int xl_landscape_compute_classifier(xl_landscape *ls, const xl_classifier *c,
                                    const double *z, int a, int b, double lo, double hi);
/* Both over a box: a over [xlo, xhi], b over [ylo, yhi] (a view zoomed or panned off
 * the square around 0). Row j = 0 is y = ylo. */
int xl_landscape_compute_box(xl_landscape *ls, xl_model model, const double *theta, int a, int b, double xlo,
                             double xhi, double ylo, double yhi);
int xl_landscape_compute_classifier_box(xl_landscape *ls, const xl_classifier *c, const double *z, int a, int b,
                                        double xlo, double xhi, double ylo, double yhi);
/* Forget the cached inputs so the next compute fills the grid again. */
void xl_landscape_invalidate(xl_landscape *ls);

int    xl_landscape_size(const xl_landscape *ls);
/* G*G values in nats, row-major, row j = 0 at y = lo. Valid until the next compute. */
const double *xl_landscape_values(const xl_landscape *ls);
double xl_landscape_at(const xl_landscape *ls, int i, int j);
/* Counts fills: changes exactly when the values change, so views can cache. */
unsigned long xl_landscape_generation(const xl_landscape *ls);
double xl_landscape_min(const xl_landscape *ls);
double xl_landscape_max(const xl_landscape *ls);
/* Where a colour scale of the grid should end: the largest value, or, when a part of
 * the view explodes and would squeeze everything else into one colour, six times the
 * median's height above the least value (values above are drawn in the top colour). */
double xl_landscape_colour_top(const xl_landscape *ls);
/* Cell of the smallest value. */
void   xl_landscape_argmin(const xl_landscape *ls, int *i, int *j);
/* The grid's extent: lo..hi along a (x), ylo..yhi along b (y). */
double xl_landscape_lo(const xl_landscape *ls);
double xl_landscape_hi(const xl_landscape *ls);
double xl_landscape_ylo(const xl_landscape *ls);
double xl_landscape_yhi(const xl_landscape *ls);
int    xl_landscape_axis_a(const xl_landscape *ls);
int    xl_landscape_axis_b(const xl_landscape *ls);

/* Exact minimiser of the classifier's loss over the slice (a, b) with the other
 * logits at z: q_a = p_a and q_b = p_b there, so
 * x* = log(p_a R / (1 - p_a - p_b)) and likewise y*. Returns 1 and sets *x, *y when
 * it exists (p_a, p_b > 0 and p_a + p_b < 1), else 0 (the infimum lies at infinity). */
int xl_landscape_classifier_minimum(const xl_classifier *c, const double *z, int a, int b,
                                    double *x, double *y);

/* When classes a and b hold all of P (p_a, p_b > 0 and p_a + p_b = 1, as for N = 2)
 * the loss over the slice depends only on z_a - z_b and is least, equal to H(P), along
 * the whole line z_a - z_b = ln(p_a / p_b): returns 1 and sets *d = ln(p_a / p_b).
 * Otherwise returns 0. */
int xl_landscape_classifier_valley(const xl_classifier *c, int a, int b, double *d);

#endif

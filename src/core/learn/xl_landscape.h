/* xl_landscape: the loss over a 2-D slice of parameter space.
 *
 * Parameters a and b vary over [lo, hi] (or a box [xlo, xhi] x [ylo, yhi]) on a G x G
 * grid; the others stay at their current values. Cell (i, j) holds L at theta_a = x_i,
 * theta_b = y_j with x_i = xlo + (xhi - xlo) * i / (G - 1) (likewise y_j); row j = 0 is
 * y = ylo.
 *
 * xl_landscape_compute evaluates any model directly, cell by cell; a model with a faster
 * way fills the rows itself (xl_landscape_fill_begin), and is tested against it.
 * The grid recomputes only when one of its inputs changed: the slice, theta, and the
 * model (its ops, self and version; a model's own fill compares its key).
 */
#ifndef XL_LANDSCAPE_H
#define XL_LANDSCAPE_H

#include "xl_model.h"
#include <stddef.h>

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
/* The same over a box: a over [xlo, xhi], b over [ylo, yhi] (a view zoomed or panned
 * off the square around 0). Row j = 0 is y = ylo. */
int xl_landscape_compute_box(xl_landscape *ls, xl_model model, const double *theta, int a, int b, double xlo,
                             double xhi, double ylo, double yhi);

/* A model's own fill, faster than cell by cell (the classifier's, xl_classifier.h):
 * fill_begin returns 0 when the grid already holds this slice over this box for the
 * same key (the bytes its values depend on, at most XL_LANDSCAPE_KEY_MAX); else 1, and
 * the caller writes every row (xl_landscape_row: G values at y_j, x_0..x_{G-1}), may use
 * four scratch arrays of G values (k = 0..3), and ends with fill_end, which finds the
 * least and largest values and the colour scale's top. */
enum { XL_LANDSCAPE_KEY_MAX = 1024 };
int xl_landscape_fill_begin(xl_landscape *ls, int a, int b, double xlo, double xhi, double ylo, double yhi,
                            const void *key, size_t key_size);
double xl_landscape_x(const xl_landscape *ls, int i);
double xl_landscape_y(const xl_landscape *ls, int j);
double *xl_landscape_row(xl_landscape *ls, int j);
double *xl_landscape_scratch(xl_landscape *ls, int k);
void xl_landscape_fill_end(xl_landscape *ls);
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

#endif

/* xl_classifier: the softmax classifier of the bird-song example.
 *
 * N named classes (2..XL_MAX_CLASSES), a true distribution P (one-hot or soft), and
 * logits z as the parameters: Q = softmax(z), loss L(z) = H(P,Q) = logsumexp(z) - p.z,
 * gradient dL/dz_i = q_i - p_i (tests/test_classifier.c checks it against finite
 * differences). A transparent value type in caller storage.
 *
 * `version` counts edits of P and the names; caches keyed on the model (landscape,
 * sim) compare it. Every xl_classifier_* edit bumps it. Code that writes c->p or
 * c->names directly must call xl_classifier_touch(c) afterwards, or caches keep
 * showing the old truth.
 */
#ifndef XL_CLASSIFIER_H
#define XL_CLASSIFIER_H

#include "xl_landscape.h"
#include "xl_model.h"

/* XL_PARAM_NAME_MAX: "z" + two subscript digits (3 bytes each in UTF-8) + a space + a
 * name of up to XL_NAME_MAX - 1 bytes + NUL = 32 bytes; 40 leaves slack. */
enum { XL_MAX_CLASSES = 32, XL_NAME_MAX = 24, XL_PARAM_NAME_MAX = 40 };

typedef struct xl_classifier {
    int n;                                   /* number of classes, 2..XL_MAX_CLASSES */
    char names[XL_MAX_CLASSES][XL_NAME_MAX]; /* NUL-terminated class names */
    double p[XL_MAX_CLASSES];                /* true distribution, sums to 1 */
    unsigned long version;                   /* bumped by every edit (see above) */
    /* "z₁ robin": axis labels, rebuilt from names by every edit and touch. */
    char param_names[XL_MAX_CLASSES][XL_PARAM_NAME_MAX];
} xl_classifier;

/* Set n classes named "class 1".."class n" with a uniform P. Returns 0, or -1 if n is
 * out of range. The version count starts again (at 1 plus the edits init makes): a
 * cache that outlives an init of the same storage must be invalidated. */
int  xl_classifier_init(xl_classifier *c, int n);
/* Rename class i (truncated to XL_NAME_MAX - 1 bytes). */
void xl_classifier_set_name(xl_classifier *c, int i, const char *name);

/* Q = softmax(z) into q[0..n-1]. */
void   xl_classifier_predict(const xl_classifier *c, const double *z, double *q);
double xl_classifier_loss(const xl_classifier *c, const double *z);        /* nats */
void   xl_classifier_gradient(const xl_classifier *c, const double *z, double *grad);

/* Edits of P, each keeping sum p = 1. */
void xl_classifier_set_onehot(xl_classifier *c, int k);
void xl_classifier_set_uniform(xl_classifier *c);
/* Move p_k by delta, clamped to [0, 1]; the other classes are rescaled so P still sums
 * to 1 (shared equally if they were all 0). */
void xl_classifier_nudge(xl_classifier *c, int k, double delta);
/* Set P to p[0..n-1] divided by its sum. Returns 0, or -1 (c unchanged) if a value is
 * negative or not finite or the sum is not positive. */
int  xl_classifier_set_p(xl_classifier *c, const double *p);
/* Announce a direct write to c->p or c->names: bumps the version and rebuilds the
 * parameter names. */
void xl_classifier_touch(xl_classifier *c);

/* The classifier as an xl_model; borrows c. */
xl_model xl_classifier_model(const xl_classifier *c);

/* The loss over the slice of logits (a, b) around z into ls, one log per cell
 * (xl_classifier_slice.c): the same values as xl_landscape_compute on the classifier's
 * model, to rounding. Returns 1 if it recomputed, 0 if the grid held it already. */
int xl_classifier_landscape(xl_landscape *ls, const xl_classifier *c, const double *z, int a, int b, double lo,
                            double hi);
int xl_classifier_landscape_box(xl_landscape *ls, const xl_classifier *c, const double *z, int a, int b,
                                double xlo, double xhi, double ylo, double yhi);

/* Exact minimiser of the classifier's loss over the slice (a, b) with the other
 * logits at z: q_a = p_a and q_b = p_b there, so
 * x* = log(p_a R / (1 - p_a - p_b)) and likewise y*. Returns 1 and sets *x, *y when
 * it exists (p_a, p_b > 0 and p_a + p_b < 1), else 0 (the infimum lies at infinity). */
int xl_classifier_slice_minimum(const xl_classifier *c, const double *z, int a, int b,
                                    double *x, double *y);

/* When classes a and b hold all of P (p_a, p_b > 0 and p_a + p_b = 1, as for N = 2)
 * the loss over the slice depends only on z_a - z_b and is least, equal to H(P), along
 * the whole line z_a - z_b = ln(p_a / p_b): returns 1 and sets *d = ln(p_a / p_b).
 * Otherwise returns 0. */
int xl_classifier_slice_valley(const xl_classifier *c, int a, int b, double *d);

#endif

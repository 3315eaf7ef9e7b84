/* xl_logistic: binary logistic regression on a line, the tutorial's "error times input".
 *
 * Data: up to XL_LOGISTIC_MAX_POINTS labelled points (x_i, y_i), y_i in {0, 1}.
 * Model: parameters theta = (w, b); logit u_i = w x_i + b; y_hat_i = sigmoid(u_i).
 * Loss, in nats: the mean binary cross-entropy
 *     L(w, b) = (1/n) sum_i -[y_i ln y_hat_i + (1 - y_i) ln(1 - y_hat_i)],
 * computed from the logit with softplus(t) = ln(1 + e^t): -ln sigmoid(u) = softplus(-u) and
 * -ln(1 - sigmoid(u)) = softplus(u), so every finite logit gives a finite, exact loss.
 * Gradient: dL/dw = (1/n) sum_i (y_hat_i - y_i) x_i, dL/db = (1/n) sum_i (y_hat_i - y_i).
 * Hessian (Newton's method): (1/n) sum_i y_hat_i (1 - y_hat_i) [x_i^2, x_i; x_i, 1].
 *
 * Floor. For one sample P = (y, 1 - y) is one-hot, so H(P) = 0 and the sample's loss is
 * all surprise; the entropy of the labels is not what the fit can reach either. The floor
 * here is the infimum of L over all (w, b), the best any line can do on these data:
 *  - overlapping classes: the minimum, reached at the unique maximum-likelihood (w, b),
 *    found by Newton's method;
 *  - separable classes (a threshold puts every 0 on one side and every 1 on the other,
 *    or only one class is present): 0, approached as |w| or |b| -> infinity, never reached;
 *  - quasi-separable (separable except for points of both classes at the boundary x = c):
 *    (k/n) H2(k1/k), k points at x = c of which k1 are 1s, H2 the binary entropy in nats;
 *    approached as |w| -> infinity, never reached;
 *  - one distinct x with both labels: H2(mean y), reached on a whole line of (w, b).
 * tests/test_logistic.c checks each case. Depends on xl_model.h, xl_rng and libm. No
 * allocation, no I/O.
 */
#ifndef XL_LOGISTIC_H
#define XL_LOGISTIC_H

#include <stdint.h>

#include "xl_model.h"

enum {
    XL_LOGISTIC_MAX_POINTS = 64,
    XL_LOGISTIC_DEFAULT_POINTS = 20, /* points in a freshly initialised data set */
    XL_LOGISTIC_PARAMS = 2,          /* theta = (w, b) */
    XL_LOGISTIC_W = 0,               /* index of w in theta */
    XL_LOGISTIC_B = 1                /* index of b in theta */
};

/* Largest |x| a point may have: keeps x^2 in the Hessian and w x in the logit far from
 * overflow for every w an optimizer can reasonably reach. */
#define XL_LOGISTIC_X_LIMIT 1e6

typedef struct xl_logistic_point {
    double x; /* position on the line, finite, |x| <= XL_LOGISTIC_X_LIMIT */
    int y;    /* label, 0 or 1 (written directly, any nonzero value counts as 1) */
} xl_logistic_point;

/* The data set. A transparent value type without pointers: a snapshot is a struct copy.
 * Edit it through the functions below so that `version` changes with every edit. */
typedef struct xl_logistic {
    int n;                                          /* 0..XL_LOGISTIC_MAX_POINTS */
    xl_logistic_point pts[XL_LOGISTIC_MAX_POINTS];  /* pts[0..n-1] */
    uint64_t seed;          /* the seed the set was generated from; set_count grows from it */
    unsigned long version;  /* bumped by every successful edit */
} xl_logistic;

/* How the two classes lie on the line; decides whether a finite best fit exists. */
typedef enum xl_logistic_separation {
    XL_LOGISTIC_OVERLAP = 0,      /* classes overlap: unique finite minimum, floor > 0 */
    XL_LOGISTIC_SEPARABLE,        /* a threshold splits them (or one class, or one point):
                                     infimum 0, not reached, |theta| -> infinity */
    XL_LOGISTIC_QUASI_SEPARABLE,  /* split except for ties at one x: infimum > 0, not
                                     reached, |w| -> infinity */
    XL_LOGISTIC_DEGENERATE        /* no points, or one distinct x with both labels: the
                                     minimum is reached on a line of (w, b), not unique */
} xl_logistic_separation;

/* Everything about one point at theta, for the per-sample readout. */
typedef struct xl_logistic_sample {
    double x;         /* the point */
    int y;
    double logit;     /* u = w x + b */
    double p[2];      /* truth P = (y, 1 - y): probabilities of "1" and "0" */
    double q[2];      /* model Q = (y_hat, 1 - y_hat), each computed directly (no 1 - q) */
    double surprise;  /* -ln q_y in nats, from the logit: finite for every finite u; equals
                         H(P, Q) and D_KL(P||Q) for this sample since H(P) = 0 */
    double residual;  /* y_hat - y, the "error" in "error times input" */
    double dw, db;    /* this point's share of the gradient: residual x / n, residual / n */
} xl_logistic_sample;

/* ---- Data ---------------------------------------------------------------------- */

/* Fill lg with the XL_LOGISTIC_DEFAULT_POINTS points of `seed` and version 0.
 * seed 0 is the built-in hand-picked set; any other seed draws a set with xl_rng
 * (splitmix64, only + and * on doubles), identical on every machine. Classes alternate
 * (even indices 0, odd indices 1); class 0 centres near x = -1, class 1 near x = +1.
 * Points 0..3 of every seed are a 0 right of x = 0, a 1 left of it, a 0 near -1.5 and a 1
 * near +1.5, so every set of 4 or more points from a seed overlaps and has a finite fit. */
void xl_logistic_init(xl_logistic *lg, uint64_t seed);

/* Point i (0-based) of seed's sequence: what init and set_count put at index i. */
xl_logistic_point xl_logistic_seed_point(uint64_t seed, int i);

/* The edits. Each bumps lg->version when it succeeds (even if the data end up the same);
 * those returning int return 0, or -1 leaving lg untouched. */

/* Replace all points by seed's default set (as init, but an edit: the version moves on). */
void xl_logistic_reset(xl_logistic *lg, uint64_t seed);
/* Append (x, y). -1 if full, y not 0/1, or x not finite or |x| > XL_LOGISTIC_X_LIMIT. */
int xl_logistic_add(xl_logistic *lg, double x, int y);
/* Remove point i; later points move down one index. -1 if i is out of range. */
int xl_logistic_remove(xl_logistic *lg, int i);
/* Flip the label of point i (0 <-> 1). -1 if i is out of range. */
int xl_logistic_flip(xl_logistic *lg, int i);
/* Move point i to x (dragging). -1 if i is out of range or x is not allowed (see add). */
int xl_logistic_move(xl_logistic *lg, int i, double x);
/* Keep the first n points, or grow to n with points lg->n..n-1 of lg->seed's sequence.
 * -1 if n is outside 0..XL_LOGISTIC_MAX_POINTS. */
int xl_logistic_set_count(xl_logistic *lg, int n);

/* The edit counter: differs after every successful edit, so a cache keyed on it (the
 * landscape grid, the floor) knows when to recompute. To become xl_model_ops.version. */
unsigned long xl_logistic_version(const xl_logistic *lg);

/* ---- Model --------------------------------------------------------------------- */

/* "w" for i = 0, "b" for i = 1 (static storage). To become xl_model_ops.param_name. */
const char *xl_logistic_param_name(int i);

/* sigmoid(u) = 1 / (1 + e^-u), without overflow for any u; exactly 0 or 1 only where the
 * true value rounds there. */
double xl_logistic_sigmoid(double u);
/* softplus(u) = ln(1 + e^u) in nats: exact to rounding for every u, u itself for u > 37. */
double xl_logistic_softplus(double u);
/* y_hat = sigmoid(w x + b) at theta = (w, b). */
double xl_logistic_predict(const double *theta, double x);

/* Mean binary cross-entropy at theta, in nats; 0 for no points. Finite for every theta
 * whose logits w x_i + b are finite. */
double xl_logistic_loss(const xl_logistic *lg, const double *theta);
/* dL/dtheta into grad[0..1]: (mean (y_hat - y) x, mean (y_hat - y)); zero for no points. */
void xl_logistic_gradient(const xl_logistic *lg, const double *theta, double *grad);
/* The 2x2 Hessian of L, row-major into hess[0..3]: (1/n) sum s_i [x^2, x; x, 1],
 * s_i = y_hat_i (1 - y_hat_i). Positive semi-definite. */
void xl_logistic_hessian(const xl_logistic *lg, const double *theta, double *hess);
/* Each point's share of the gradient: dw[i] = (y_hat_i - y_i) x_i / n and
 * db[i] = (y_hat_i - y_i) / n for i < lg->n; the gradient is their sum. dw and db are the
 * caller's, with room for lg->n values (XL_LOGISTIC_MAX_POINTS always suffices). */
void xl_logistic_contributions(const xl_logistic *lg, const double *theta, double *dw,
                               double *db);
/* The readout for point i at theta. */
xl_logistic_sample xl_logistic_sample_at(const xl_logistic *lg, const double *theta, int i);

/* ---- Best fit and floor ---------------------------------------------------------- */

/* How the classes lie (see the enum). Exact: only comparisons of the x's. */
xl_logistic_separation xl_logistic_separation_of(const xl_logistic *lg);
/* 1 if the data are separable or quasi-separable (no finite (w, b) minimises L, gradient
 * descent lets |w| grow without bound), else 0. */
int xl_logistic_is_separable(const xl_logistic *lg);

/* The maximum-likelihood (w, b) by damped Newton's method from (0, logit(mean y)).
 * Converged when max(|dL/dw|, |dL/db|) <= tol (nats per unit parameter; 1e-10 is a good
 * value) or when a Newton step no longer changes theta in floating point. Returns 0 and
 * writes theta_out[0..1] when converged; returns -1 when the data are separable or
 * quasi-separable, or after max_iter steps without converging, leaving theta_out
 * untouched. For XL_LOGISTIC_DEGENERATE data it returns 0 with w = 0 and b = logit(mean
 * y) (one of many minimisers; (0, 0) for no points). */
int xl_logistic_fit_newton(const xl_logistic *lg, double *theta_out, int max_iter,
                           double tol);

/* The floor: the infimum of L over all (w, b), in nats (see the top of this file).
 * Recomputed on every call (a Newton fit, microseconds); cache it on the version if
 * needed. Up to rounding, L(theta) - floor >= 0: the fitted minimum may exceed the loss at
 * a nearby theta by ~1e-16, so clamp the gap at 0 for display. */
double xl_logistic_floor(const xl_logistic *lg);

/* The data set as an xl_model with id "logistic" and param_count 2; borrows lg, which
 * must outlive the view. */
xl_model xl_logistic_model(const xl_logistic *lg);

#endif

/* xl_weighted: weighted binary cross-entropy on a line, the drug-binding example.
 *
 * Rare positives (a compound that binds, 1 in 50) among many negatives: an unweighted
 * fit lets the negatives outvote the positives and calls nearly everything 0. Weighting
 * each positive's surprise by beta > 1 makes a missed positive cost beta times as much.
 *
 * Data: n samples on a line (x, e.g. a binding affinity score). Samples 0..npos-1 are the
 * positives (y = 1), samples npos..n-1 the negatives (y = 0). x is stored in hundredths
 * (int16), so the data are exactly the two-decimal numbers the readouts show and 1000
 * samples take 2 kB of plain state.
 * Model: theta = (w, b), logit u_i = w x_i + b, y_hat_i = sigmoid(u_i).
 * Loss, in nats:
 *     L(w, b) = -(1/n) sum_i [beta y_i ln y_hat_i + (1 - y_i) ln(1 - y_hat_i)]
 *             = (1/n) sum_i [beta y_i softplus(-u_i) + (1 - y_i) softplus(u_i)],
 * exact for every finite logit (xl_logistic_softplus). It splits into the two classes'
 * shares, L = L_pos + L_neg, L_pos = (1/n) sum over positives of beta softplus(-u_i) and
 * L_neg = (1/n) sum over negatives of softplus(u_i) (both means over all n samples).
 * Gradient: dL/dw = (1/n) sum_i r_i x_i, dL/db = (1/n) sum_i r_i, with the weighted residual
 * r_i = beta y_i (y_hat_i - 1) + (1 - y_i) y_hat_i (derived in xl_weighted.c).
 * Hessian: (1/n) sum_i (beta y_i + 1 - y_i) y_hat_i (1 - y_hat_i) [x_i^2, x_i; x_i, 1].
 * With beta = 1 all three are xl_logistic's.
 *
 * Floor: the infimum of L over (w, b). The weights are positive, so a finite minimiser
 * exists exactly when it does for the unweighted loss: when the classes overlap on the
 * line (xl_logistic.h). The data this module generates always overlap (see
 * xl_weighted_init); the floor is then the loss at the Newton fit, which is cached in the
 * struct and recomputed by every edit. Depends on xl_logistic (sigmoid, softplus),
 * xl_rng and libm. No allocation, no I/O.
 */
#ifndef XL_WEIGHTED_H
#define XL_WEIGHTED_H

#include <stdint.h>

#include "xl_model.h"

enum {
    XL_WEIGHTED_MAX_POINTS = 1000,
    XL_WEIGHTED_MIN_POINTS = 20,
    XL_WEIGHTED_DEFAULT_POINTS = 200,
    XL_WEIGHTED_PARAMS = 2, /* theta = (w, b) */
    XL_WEIGHTED_W = 0,
    XL_WEIGHTED_B = 1
};

#define XL_WEIGHTED_DEFAULT_RATE 0.02
#define XL_WEIGHTED_RATE_MIN 0.005
#define XL_WEIGHTED_RATE_MAX 0.5
#define XL_WEIGHTED_BETA_MIN 1.0
#define XL_WEIGHTED_BETA_MAX 100.0

/* The data set and its weight. Plain data without pointers: a snapshot is a copy. Edit
 * it only through the functions below, which keep the cached fit and the version. */
typedef struct xl_weighted {
    int n;                                /* samples, XL_WEIGHTED_MIN_POINTS..MAX_POINTS */
    int npos;                             /* samples 0..npos-1 are positives, >= 1 */
    double beta;                          /* weight of a positive's surprise, 1..100 */
    int16_t xh[XL_WEIGHTED_MAX_POINTS];   /* x_i times 100 */
    /* Cached by every edit: the Newton fit at this beta (fit_ok 0 if none) and the floor. */
    int fit_ok;
    double fit[XL_WEIGHTED_PARAMS];
    double floor;
    unsigned long version;                /* bumped by every edit */
} xl_weighted;

/* The outcome of thresholding y_hat at 0.5 (logit > 0 means "predicted positive"). */
typedef struct xl_weighted_counts {
    int tp, fn, fp, tn;
} xl_weighted_counts;

/* Fill wd with n samples of which npos = max(1, round(rate n)) are positive, drawn from
 * seed with xl_rng (the same on every machine), and weight beta. Negatives centre near
 * x = -2.5, positives near +3, both Irwin-Hall (bell-shaped, within 6 of the centre) with
 * sd about 1.7, so the positives overlap the negatives' right tail; the spread keeps the
 * fitted w within the landscape's first view (|w| < 6) for beta up to about 100.
 * Positive 0 lies in [0, 1.25] (inside the negatives' tail), negative 0 in [2, 3.5]
 * (among the positives) and negative 1 near -2.5, so the classes always overlap and
 * the fit is finite.
 * Returns 0, or -1 (wd untouched) if n, rate or beta is outside its range. */
int xl_weighted_init(xl_weighted *wd, int n, double rate, double beta, uint64_t seed);
/* Set beta (1..100) and refit. Returns 0, or -1 leaving wd untouched. */
int xl_weighted_set_beta(xl_weighted *wd, double beta);

/* Sample i's x and label (0 <= i < n). */
double xl_weighted_x(const xl_weighted *wd, int i);
int xl_weighted_y(const xl_weighted *wd, int i);

/* The loss at theta, in nats; the two classes' shares into *pos and *neg (either may be
 * NULL): loss = pos + neg up to rounding. */
double xl_weighted_loss(const xl_weighted *wd, const double *theta);
void xl_weighted_loss_parts(const xl_weighted *wd, const double *theta, double *pos, double *neg);
/* dL/dtheta into grad[0..1]. */
void xl_weighted_gradient(const xl_weighted *wd, const double *theta, double *grad);
/* The 2x2 Hessian, row-major into hess[0..3]. Positive semi-definite. */
void xl_weighted_hessian(const xl_weighted *wd, const double *theta, double *hess);
/* The confusion counts at theta (threshold y_hat = 0.5; a sample exactly on the boundary
 * counts as predicted negative). */
xl_weighted_counts xl_weighted_count(const xl_weighted *wd, const double *theta);

/* The minimiser by damped Newton's method from the best flat fit (0, ln(beta npos / nneg)):
 * 0 and theta_out[0..1] when max |gradient| <= tol or the step no longer moves theta;
 * -1 if the classes do not overlap or it did not converge in max_iter steps. */
int xl_weighted_fit_newton(const xl_weighted *wd, double *theta_out, int max_iter, double tol);

/* 1 if the classes overlap on the line (a finite minimiser exists). */
int xl_weighted_overlaps(const xl_weighted *wd);

/* The data as an xl_model with id "weighted", 2 parameters and the cached floor; borrows
 * wd, which must outlive the view. */
xl_model xl_weighted_model(const xl_weighted *wd);

#endif

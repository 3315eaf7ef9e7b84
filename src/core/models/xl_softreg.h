/* xl_softreg: multinomial logistic (softmax) regression over a table of feature rows.
 *
 * K classes, d features. The parameters theta hold the weights W (K x d, row-major: W[k][j]
 * at theta[k d + j]) and then the biases b (b[k] at theta[K d + k]): K (d + 1) values, at
 * most XL_MAX_PARAMS (the digits: 10 x 65 = 650). For a row x,
 *
 *     z = W x + b,   Q(x) = softmax(z),   log q_k = z_k - max z - ln sum_l exp(z_l - max z).
 *
 * Targets: the row's label y gives P = one-hot, or with label smoothing eps the soft
 * target p_y = 1 - eps, p_k = eps / (K - 1) elsewhere. The loss over the n training rows is
 *
 *     L(theta) = (1/n) sum_i H(P_i, Q(x_i)) + (lambda/2) |W|^2        (L2 on W only, not b)
 *
 * and its gradient (the tutorial's "(prediction - label) times input"):
 *
 *     dL/dW[k][j] = (1/n) sum_i (q_ik - p_ik) x_ij + lambda W[k][j],
 *     dL/db[k]    = (1/n) sum_i (q_ik - p_ik).
 *
 * The floor is the mean entropy of the targets, the same for every row: 0 for one-hot
 * targets, -(1 - eps) ln(1 - eps) - eps ln(eps / (K - 1)) with smoothing. Per row
 * H(P, Q) = H(P) + D_KL(P || Q), so loss = floor + gap with gap = mean KL + the L2
 * penalty (the penalty is part of the gap: learning can lower it too).
 *
 * Speed: one pass (loss and gradient) reads every row once, in blocks of rows whose
 * logits stay in a small stack array; the inner loops run over the classes with no
 * call and no branch (vectorised by the compiler), the exponentials and logs of a
 * block go through xl_vec's kernels. No allocation. Deterministic: the same order of
 * additions on every call, so loss, gradient and loss_gradient agree to the bit.
 *
 * Pure C11 + libm. The data are borrowed (xl_softreg_data): the caller owns them.
 */
#ifndef XL_SOFTREG_H
#define XL_SOFTREG_H

#include "xl_model.h"

enum {
    XL_SOFTREG_MAX_K = 10,   /* classes */
    XL_SOFTREG_MAX_D = 64,   /* features */
    XL_SOFTREG_BINS_MAX = 20 /* reliability bins */
};
_Static_assert(XL_SOFTREG_MAX_K * (XL_SOFTREG_MAX_D + 1) <= XL_MAX_PARAMS, "W and b must fit theta");

/* A borrowed table of rows: n rows of d features, row-major (row i's feature j at
 * x[i * d + j]), labels y[i] in 0..k-1, and the loss's settings. The caller owns x and
 * y; they must stay unchanged while a model made from this view is used. */
typedef struct xl_softreg_data {
    int n;             /* rows (>= 1 for a loss) */
    int d;             /* features, 1..XL_SOFTREG_MAX_D */
    int k;             /* classes, 2..XL_SOFTREG_MAX_K */
    const double *x;   /* n * d values */
    const int *y;      /* n labels */
    double l2;         /* lambda >= 0: the L2 penalty's weight */
    double eps;        /* label smoothing, 0 <= eps < 1 */
    unsigned long version; /* for xl_softreg_model's caches: bump when x, y, l2 or eps change */
} xl_softreg_data;

/* Number of parameters, k (d + 1). */
int xl_softreg_param_count(int d, int k);

/* The target p_c of a row labelled `label` (1 - eps for c = label, eps / (k - 1) else). */
double xl_softreg_target(double eps, int k, int label, int c);
/* The entropy of a smoothed target, in nats: the floor (0 at eps = 0; 0 ln 0 = 0). */
double xl_softreg_floor(double eps, int k);

/* The loss L(theta) in nats. */
double xl_softreg_loss(const xl_softreg_data *m, const double *theta);
/* dL/dtheta into grad[0..k(d+1)-1]. */
void xl_softreg_gradient(const xl_softreg_data *m, const double *theta, double *grad);
/* Both in one pass: the loss returned, the gradient into grad; bit-equal to the two
 * above. */
double xl_softreg_loss_gradient(const xl_softreg_data *m, const double *theta, double *grad);
/* The penalty (lambda/2) |W|^2 alone. */
double xl_softreg_penalty(const xl_softreg_data *m, const double *theta);

/* One row x[0..d-1]: the logits into z[0..k-1] (may be NULL) and log Q into logq[0..k-1]
 * (exact where q underflows); returns the predicted class, argmax z (the lowest index
 * among ties). */
int xl_softreg_row(const double *theta, int d, int k, const double *x, double *z, double *logq);

/* Mean cross-entropy against the table's targets (its eps; eps = 0: the mean surprise
 * -ln q_label), without the penalty, and accuracy over its rows; the same pass as the loss. */
typedef struct xl_softreg_eval {
    double ce;       /* (1/n) sum H(P_i, Q_i), nats; 0 for n = 0 */
    double accuracy; /* share of rows whose argmax is the label; 0 for n = 0 */
    int correct;     /* rows whose argmax is the label */
} xl_softreg_eval;
xl_softreg_eval xl_softreg_evaluate(const xl_softreg_data *m, const double *theta);

/* counts[t * k + p] = rows with true label t predicted as p (k x k). */
void xl_softreg_confusion(const xl_softreg_data *m, const double *theta, int *counts);

/* Reliability diagram: rows binned by their confidence max_k q_k into `bins` equal bins
 * of [0, 1] (bin b holds [b/bins, (b+1)/bins), the last includes 1). */
typedef struct xl_softreg_bin {
    int count;         /* rows in the bin */
    double confidence; /* their mean confidence; 0 for an empty bin */
    double accuracy;   /* the share of them predicted right; 0 for an empty bin */
} xl_softreg_bin;
/* Fills out[0..bins-1] (1 <= bins <= XL_SOFTREG_BINS_MAX) and returns the expected
 * calibration error ECE = sum_b (n_b / n) |acc_b - conf_b| (0 for n = 0). */
double xl_softreg_reliability(const xl_softreg_data *m, const double *theta, int bins, xl_softreg_bin *out);
/* ECE from bins already filled: sum over bins of (count/n) |accuracy - confidence|. */
double xl_softreg_ece(const xl_softreg_bin *bins, int nbins);

/* The table as an xl_model (loss, gradient, loss_gradient, floor, version): borrows m,
 * which must outlive every user of the model. It names no parameters
 * (xl_softreg_param_label does). */
xl_model xl_softreg_model(const xl_softreg_data *m);
/* "W[k][j]" or "b[k]" for parameter i of a k-class, d-feature model, into buf[n]. */
void xl_softreg_param_label(int d, int k, int i, char *buf, unsigned long n);

#endif

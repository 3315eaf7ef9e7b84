/* xl_scn_weighted: rare positives and weighted cross-entropy, the drug-binding example
 * (issue 7), as a scenario record (xl_scenario.h).
 *
 * A 1-D data set (xl_weighted.h) of `points` samples (20..1000, default 200) of which a
 * share `rate` (0.005..0.5, default 0.02: 1 in 50) are positives, the binders, sitting to
 * the right and overlapping the negatives' tail; the loss
 * L = -mean[beta y ln y_hat + (1 - y) ln(1 - y_hat)] with `beta` (1..100, default 10)
 * the weight of a positive's surprise; starting parameters `w0`, `b0`.
 *
 * What beta changes: where the decision boundary -b/w settles (the Newton fit moves left
 * as beta grows, catching more positives), recall and precision on the positives at
 * y_hat = 0.5, and how the loss splits between the classes (loss_pos + loss_neg = loss).
 * Readouts: loss, floor, gap, beta, recall, precision, loss_pos, loss_neg, w, b.
 * Precision with nothing predicted positive is 0 (no positive found).
 *
 * Commands: beta-up and beta-down move beta along 1, 2, 5, 10, 20, 50, 100 inside the
 * state and keep the run going (the optimizer continues from where it is on the new
 * loss; the floor and the landscape's minimum follow). "param beta=X" instead restarts
 * the scenario with X, like every parameter; the session's parameter list keeps the
 * beta it started with, so a reset after beta-up keeps the state's beta (reset restarts
 * the parameters, not the data).
 *
 * Selection: the first min(n, XL_ITEMS_MAX = 64) samples can be selected; samples are
 * stored positives first, so every positive is selectable whenever there are at most
 * 64 of them (every default set), followed by the first negatives.
 */
#ifndef XL_SCN_WEIGHTED_H
#define XL_SCN_WEIGHTED_H

#include "xl_scenario.h"
#include "xl_weighted.h"

enum { XL_SCN_WEIGHTED_TITLE = 20, XL_SCN_WEIGHTED_CAPTION = 36 };

/* Default starting parameters: w = -1, b = 1 calls the left side positive, visibly wrong. */
#define XL_SCN_WEIGHTED_W0 (-1.0)
#define XL_SCN_WEIGHTED_B0 1.0
#define XL_SCN_WEIGHTED_BETA 10.0

typedef struct xl_weighted_state {
    xl_weighted wd;                       /* the data and beta */
    double theta0[XL_WEIGHTED_PARAMS];    /* starting (w, b) */
    int fit1_ok;                          /* the same data's fit with beta = 1 */
    double fit1[XL_WEIGHTED_PARAMS];
    char title[XL_ITEMS_MAX][XL_SCN_WEIGHTED_TITLE];     /* "SAMPLE 3" */
    char caption[XL_ITEMS_MAX][XL_SCN_WEIGHTED_CAPTION]; /* "x = 0.42, positive (y = 1)" */
} xl_weighted_state;

/* The next rung of the beta ladder 1, 2, 5, 10, 20, 50, 100 above (dir > 0) or below
 * (dir < 0) beta; beta itself when there is none. */
double xl_scn_weighted_beta_step(double beta, int dir);

/* Recall tp / (tp + fn) and precision tp / (tp + fp) at theta; 0 when the denominator is. */
void xl_scn_weighted_recall_precision(const xl_weighted *wd, const double *theta, double *recall,
                                      double *precision);

extern const xl_scenario_def xl_scenario_weighted;

#endif

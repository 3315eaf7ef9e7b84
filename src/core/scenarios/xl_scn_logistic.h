/* xl_scn_logistic: logistic regression on a line as a scenario record (xl_scenario.h).
 *
 * The tutorial's "error times input": a small labelled 1-D data set (xl_logistic.h, about
 * 20 points in two overlapping classes, reproducible from the seed), the model
 * y_hat = sigmoid(w x + b), the loss the mean binary cross-entropy, its gradient
 * mean (y_hat - y) x for w and mean (y_hat - y) for b.
 *
 * State: the data set, the starting (w, b), and the text the bars show for each sample;
 * all plain data. Parameters: "points" (4..64, default 20: more points continue the
 * seed's sequence), "w0" and "b0" (the starting parameters, default -2 and 1.5: a line
 * that calls the 1s 0s, visibly wrong). Readouts: loss L(w,b), floor L* (the infimum
 * over all (w, b): the Newton fit's loss when the classes overlap, 0 when they are
 * separable), gap, w, b, accuracy and the largest surprise of any sample (readout_values
 * is not told the selection; the bars show the selected sample's surprise). Commands it
 * applies: flip (the selected sample's label), add-point X,LABEL (|X| <= 10, label 0
 * or 1), remove-point (the selected sample; never below 2 points).
 */
#ifndef XL_SCN_LOGISTIC_H
#define XL_SCN_LOGISTIC_H

#include <stdint.h>

#include "xl_logistic.h"
#include "xl_scenario.h"

/* Largest |x| add-point accepts: the panel's number line stays readable. */
#define XL_SCN_LOGISTIC_ADD_LIMIT 10.0

enum { XL_SCN_LOGISTIC_TEXT = 40 };

typedef struct xl_logistic_state {
    xl_logistic lg;                  /* the data */
    double theta0[XL_LOGISTIC_PARAMS]; /* starting (w, b) */
    /* What the bars show for sample i: "SAMPLE 3: P = label vs Q = model" and
     * "x = −0.6, label 1". Rewritten after every edit of the data. */
    char title[XL_LOGISTIC_MAX_POINTS][XL_SCN_LOGISTIC_TEXT];
    char caption[XL_LOGISTIC_MAX_POINTS][XL_SCN_LOGISTIC_TEXT];
} xl_logistic_state;

/* Default starting parameters. */
#define XL_SCN_LOGISTIC_W0 (-2.0)
#define XL_SCN_LOGISTIC_B0 1.5

/* The share of samples on the right side of y_hat = 0.5 at theta (a sample exactly on
 * the boundary counts as wrong); 0 for no samples. */
double xl_scn_logistic_accuracy(const xl_logistic *lg, const double *theta);

extern const xl_scenario_def xl_scenario_logistic;

#endif

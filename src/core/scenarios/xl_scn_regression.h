/* xl_scn_regression: softmax regression on real data (Fisher's iris, the UCI handwritten
 * digits), as a scenario record (xl_scenario.h). Issue 23.
 *
 * The model is xl_softreg's: Q(x) = softmax(W x + b) over K classes and d standardised
 * features, trained on the mean cross-entropy of the training rows plus (lambda/2)|W|^2,
 * targets one-hot or label-smoothed (1 - eps on the label, eps/(K-1) elsewhere). The
 * runs start at theta = 0: Q uniform, every surprise ln K (iris ln 3 = 1.099 nats, the
 * digits ln 10 = 2.303).
 *
 * Data (assets/data/, read by the app, handed over as data files 0 = iris.csv and
 * 1 = digits.csv; xl_dataset parses, verifies the SHA-256 and splits): a seeded,
 * stratified train/test split (the session's seed), features standardised on the train
 * part only. The training part may be cut to `per_class` rows of each class (the
 * overfitting control); the test part stays whole.
 *
 * Rows. Every accessor below that takes a row r numbers the rows the scenario holds:
 * r in 0..n_train-1 are the training rows (in the split's order: grouped by class),
 * r in n_train..n_train+n_test-1 the test rows. The selected item of the session
 * (select, select-next, the bars) is a training row r = selected. A row's number in the
 * file (0-based) is xl_regression_row_original.
 *
 * Parameters (--param NAME=X; a change re-initialises the state and restarts the runs):
 *   data      0 iris, 1 digits                                       (default 0)
 *   features  iris: which features the model sees: 0 petal length & petal width, 1 sepal
 *             length & sepal width, 2 sepal length & petal length, 3 sepal length &
 *             petal width, 4 sepal width & petal length, 5 sepal width & petal width,
 *             6 all four (the plane drawn is then petal length x petal width, a slice
 *             through the other two at their training means). Ignored for the digits.
 *             Default 0: the petal pair, where the decision regions are exact in the
 *             plane drawn, setosa stands apart (its weights keep growing without L2: a
 *             model that gets surer for ever, the calibration lesson) and versicolor and
 *             virginica overlap a little (a few honest mistakes at the border).
 *   train     share of each class in the training part (default 0.7)
 *   per_class training rows kept per class, 0 = all of the training part (default 0)
 *   l2        lambda, the L2 weight on W (default 0)
 *   smoothing label smoothing eps (default 0; at most 0.5)
 *   batch     0 = full-batch gradient descent; B > 0: mini-batches of B training rows in
 *             a seeded order (a new shuffle each epoch, from a generator in the state)
 *
 * Readouts (names for the trace and lessons' @expect; nats where info):
 *   loss        train cross-entropy against the targets + (lambda/2)|W|^2 (the objective)
 *   entropy     H(P): the targets' entropy, the floor (0 one-hot; smoothing raises it)
 *   kl          loss - entropy: the mean KL(P||Q) over the training rows plus the L2
 *               penalty (learning can remove both; the floor it cannot)
 *   penalty     (lambda/2)|W|^2 alone
 *   train_nll   mean surprise -ln q_label over the training rows (one-hot labels)
 *   test_nll    the same over the test rows: the test cross-entropy
 *   train_acc   share of training rows predicted right (argmax Q = label)
 *   test_acc    the same on the test rows
 *   ece         expected calibration error on the test rows (10 equal confidence bins)
 *   confidence  mean confidence max_k q_k on the test rows
 *   surprise_max the largest surprise -ln q_label among the training rows
 *   test_errors test rows predicted wrong (a count)
 *   n_train     training rows; n_test test rows
 *   weight_norm |W|, the length of the weights (grows without bound on separable data)
 *   smoothing   eps, the label smoothing in force
 * (readout_values is not told the selection: the selected row's numbers are in the bars
 * and in xl_regression_row_identity.)
 *
 * Verbs (keys): dataset (D) iris <-> digits; feature-set (F) the next iris features;
 * smooth-up / smooth-down (O / Shift+O) eps on the ladder 0, 0.01, 0.05, 0.1, 0.2, 0.3,
 * 0.5; l2-up / l2-down (W / Shift+W) lambda on 0, 1e-4, 1e-3, 0.01, 0.1, 1; size-up /
 * size-down (J / Shift+J) training samples per class 1, 2, 5, 10, 20, 50, 100, 200, 500,
 * all; batch (U) full batch <-> mini-batches of 32; next-mistake (X) selects the next
 * training row the model gets wrong as of the last step (a view: no undo entry). The
 * data, feature and size verbs restart the runs; eps, lambda and batch keep theta.
 *
 * Panels: XL_REGRESSION_PANELS below. The data place (ui_panel_regression.c) draws the
 * iris plane or the digit image and templates; the side place (in the landscape's place,
 * ui_panel_regression_side.c) the analysis views. The loss landscape over two chosen
 * weights is the record's `landscape` hook (exact: one exponential and one log per cell
 * and training row; 256 x 256 cells take tens of ms on iris, about a second on the
 * digits, so a view that follows every step is for iris), for whoever shows it; the
 * default slice is theta[0], theta[1] = W[0][0], W[0][1] (iris petal pair: setosa's
 * weights on petal length and width).
 *
 * History record: the session calls the record's `observe` with the steered run's
 * parameters after every step; the scenario keeps train and test cross-entropy and
 * accuracy in the state (xl_regression_point), thinned as the sim's history is (every
 * other point dropped when full, the stride doubled), so rewind and snapshots carry it.
 */
#ifndef XL_SCN_REGRESSION_H
#define XL_SCN_REGRESSION_H

#include <stdint.h>

#include "xl_dataset.h"
#include "xl_rng.h"
#include "xl_scenario.h"
#include "xl_softreg.h"

#define XL_REGRESSION_PANELS \
    (XL_PANEL_DATA | XL_PANEL_SIDE | XL_PANEL_LANDSCAPE | XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_HISTORY)

enum {
    XL_REGRESSION_IRIS = 0,
    XL_REGRESSION_DIGITS = 1,
    XL_REGRESSION_FEATURE_SETS = 7,   /* the `features` parameter's values 0..6 */
    XL_REGRESSION_ALL_FOUR = 6,       /* features = 6: all four iris measurements */
    XL_REGRESSION_ROWS_MAX = XL_DATASET_ROWS_MAX,
    XL_REGRESSION_RECORD_CAP = 1024,  /* points of the per-step record */
    XL_REGRESSION_BINS = 10,          /* reliability bins */
    XL_REGRESSION_BATCH_MAX = 1024,   /* largest mini-batch */
    XL_REGRESSION_TEXT = 64
};

/* One point of the per-step record: the steered run after `step` steps. */
typedef struct xl_regression_point {
    long step;
    double train_nll;  /* mean -ln q_label, training rows (one-hot labels, no penalty) */
    double test_nll;   /* the same, test rows */
    double train_acc;  /* share right, training rows */
    double test_acc;   /* share right, test rows */
} xl_regression_point;

/* The whole state: plain data, no pointers (snapshots copy it byte for byte). Read the
 * fields freely; change them only through the record's commands. */
typedef struct xl_regression_state {
    /* The settings, as the parameters gave them (see above). */
    int data;              /* XL_REGRESSION_IRIS or XL_REGRESSION_DIGITS */
    int features;          /* 0..6 (iris); 0 for the digits */
    double train_frac;
    int per_class;         /* 0 = all */
    double l2, eps;
    int batch;             /* 0 = full batch */
    uint64_t seed;         /* the session's seed: the split and the batches' order */

    /* The data set as read (raw values: iris in cm, digit pixels 0..16) and the model's
     * view of it. */
    xl_dataset raw;
    int d;                 /* features the model sees: 2 or 4 (iris), 64 (digits) */
    int k;                 /* classes: 3 or 10 */
    int feature[XL_DATASET_FEATURES_MAX]; /* raw column of model feature j */
    int plot_a, plot_b;    /* iris: the raw columns of the plane drawn (x, y); digits 0, 0 */
    int plot_ja, plot_jb;  /* the model features they are (index into x rows) */
    xl_dataset_scaler scaler; /* per raw column: mean and scale of the training part */
    int n_train, n_test;
    int original[XL_REGRESSION_ROWS_MAX]; /* row r's line in the file, 0-based */
    int y[XL_REGRESSION_ROWS_MAX];        /* row r's label */
    /* Row r's standardised model features at x[r * d + j]: the training rows first,
     * then the test rows (contiguous, for xl_softreg). */
    double x[XL_REGRESSION_ROWS_MAX * XL_DATASET_FEATURES_MAX];
    unsigned long version; /* bumped by every change of the data or the loss */

    /* Mini-batches: a shuffle of the training rows, the place in it, the generator, and
     * the batch the coming step learns from (its rows copied, contiguous). */
    xl_rng rng;
    int order[XL_REGRESSION_ROWS_MAX];
    int order_pos;
    int batch_n;
    int batch_y[XL_REGRESSION_BATCH_MAX];
    double batch_x[XL_REGRESSION_BATCH_MAX * XL_DATASET_FEATURES_MAX];

    /* The steered run's parameters as of its last step (observe) or start (restart), and
     * the training row next-mistake found (the selection it hands the session through
     * first_item; 0 at the start). */
    double theta_now[XL_MAX_PARAMS];
    int focus_row;

    /* The per-step record: points at steps 0, stride, 2 stride, ... (stride doubles when
     * it fills). */
    xl_regression_point record[XL_REGRESSION_RECORD_CAP];
    int record_count;
    long record_stride;

    /* Texts the bars and the landscape borrow: each training row's bars title
     * ("SAMPLE 12 OF 105 · FILE ROW 37") and the parameters' names ("W[2][5]", "b[2]"). */
    char row_title[XL_REGRESSION_ROWS_MAX][XL_REGRESSION_TEXT];
    char param_names[XL_SOFTREG_MAX_K * (XL_DATASET_FEATURES_MAX + 1)][16];

    /* The side place's view (xl_scn_regression_view.h: update, confusion, calibration,
     * curves, landscape), set by the verb `view`: a view, not the truth. */
    int side_view;
} xl_regression_state;

/* Which data set: XL_REGRESSION_IRIS or XL_REGRESSION_DIGITS. */
int xl_regression_kind(const xl_regression_state *st);
/* Whether the iris model sees all four features (the plane is then a slice through the
 * other two at their training means: the panel must say so). 0 for the digits. */
int xl_regression_all_four(const xl_regression_state *st);
/* The attribution sentence of the data set shown (the digits' CC BY 4.0 one, which the
 * panel must show wherever the digits are; iris: public domain, credited). Static. */
const char *xl_regression_attribution(const xl_regression_state *st);
/* Class c's name ("setosa", "7") and model feature j's name ("petal length (cm)",
 * "pixel 3,4"). Borrowed from st. */
const char *xl_regression_class_name(const xl_regression_state *st, int c);
const char *xl_regression_feature_name(const xl_regression_state *st, int j);

/* Rows (numbering above): count, label, line in the file, standardised features
 * (d values, borrowed from st) and raw values (all of the data set's columns:
 * raw.d values, iris cm or the 64 pixels 0..16 row by row; borrowed). */
int xl_regression_rows(const xl_regression_state *st);
int xl_regression_row_label(const xl_regression_state *st, int r);
int xl_regression_row_original(const xl_regression_state *st, int r);
const double *xl_regression_row_x(const xl_regression_state *st, int r);
const double *xl_regression_row_raw(const xl_regression_state *st, int r);
/* Whether row r is a test row. */
int xl_regression_row_is_test(const xl_regression_state *st, int r);

/* Row r's log Q at theta into logq[0..k-1] (exact where q underflows); returns the
 * predicted class. */
int xl_regression_row_q(const xl_regression_state *st, const double *theta, int r, double *logq);
/* Row r's target P into p[0..k-1] (one-hot or smoothed). */
void xl_regression_row_target(const xl_regression_state *st, int r, double *p);
/* Row r's identity H(P,Q) = H(P) + KL(P||Q), in nats (each pointer may be NULL). */
void xl_regression_row_identity(const xl_regression_state *st, const double *theta, int r, double *cross,
                                double *entropy, double *kl);
/* Row r's contribution to the gradient, (q - p) x^T, into g[c * d + j] (k x d); its bias
 * part q - p into gb[0..k-1] (may be NULL). The mean of these over the training rows, plus
 * lambda W, is dL/dW. */
void xl_regression_row_update(const xl_regression_state *st, const double *theta, int r, double *g, double *gb);

/* Q at any point of the model's feature space: x[0..d-1] standardised; returns the
 * predicted class. */
int xl_regression_q_at(const xl_regression_state *st, const double *theta, const double *x, double *logq);
/* The iris plane: raw values (cm) of the two plotted features -> a standardised model
 * row x[0..d-1] (the other features, with all four, at their training means: 0). */
void xl_regression_plane_row(const xl_regression_state *st, double a_cm, double b_cm, double *x);
/* Standardise / unstandardise a value of raw column col. */
double xl_regression_standardize(const xl_regression_state *st, int col, double raw);
double xl_regression_unstandardize(const xl_regression_state *st, int col, double z);

/* Class c's weights W[c][0..d-1] (the digits' 8x8 "template", pixel (row, col) at
 * row * 8 + col) into w; returns its bias b[c]. */
double xl_regression_weights(const xl_regression_state *st, const double *theta, int c, double *w);

/* On the test rows at theta: counts[t * k + p] (true t, predicted p), and the
 * reliability bins (XL_REGRESSION_BINS equal bins of confidence; returns the ECE). */
void xl_regression_confusion(const xl_regression_state *st, const double *theta, int *counts);
double xl_regression_reliability(const xl_regression_state *st, const double *theta, xl_softreg_bin *bins);
/* Cross-entropy (one-hot: -ln q_label) and accuracy on the training (test = 0) or test
 * (test = 1) rows at theta. */
xl_softreg_eval xl_regression_evaluate(const xl_regression_state *st, const double *theta, int test);

/* The per-step record: count and points (borrowed; oldest first, step 0 first). */
int xl_regression_record_count(const xl_regression_state *st);
const xl_regression_point *xl_regression_record(const xl_regression_state *st);

/* The record's readouts, in its table's order (xl_scenario_def.readouts). */
enum {
    R_LOSS, R_ENTROPY, R_KL, R_PENALTY, R_TRAIN_NLL, R_TEST_NLL, R_TRAIN_ACC, R_TEST_ACC, R_ECE, R_CONFIDENCE,
    R_SURPRISE_MAX, R_TEST_ERRORS, R_N_TRAIN, R_N_TEST, R_WEIGHT_NORM, R_SMOOTHING, R_COUNT
};

/* The record's landscape hook (xl_scn_regression_landscape.c; xl_scenario_def.landscape):
 * the training loss over the slice (a, b) of theta, exact, into ls. */
int xl_regression_landscape(const void *state, xl_landscape *ls, const double *theta, int a, int b, double xlo,
                            double xhi, double ylo, double yhi);

/* The record's describe hook (xl_scn_regression_describe.c; xl_scenario.h). */
int xl_regression_describe(const void *state, const double *theta, const double *readouts, int selected,
                           double unit_scale, const char *unit_name, xl_tr_fn tr, char *buf, size_t n);

extern const xl_scenario_def xl_scenario_regression;

#endif

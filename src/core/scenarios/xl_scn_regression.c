/* xl_scn_regression: softmax regression on iris and the digits (see xl_scn_regression.h).
 *
 * The loss, its gradient and the evaluations are xl_softreg's over the state's rows; this
 * file adds the record: the data loaded and split, the parameters and verbs, the readouts,
 * the bars (one training sample's Q against its target P), the mini-batches and the
 * per-step record of train and test curves (its landscape is
 * xl_scn_regression_landscape.c, its words xl_scn_regression_describe.c).
 *
 * Mini-batches. With batch B > 0 the gradient is that of the mean cross-entropy over B
 * training rows (plus lambda W), the rows taken in a shuffled order, a new shuffle each
 * epoch, from a generator kept in the state; the loss shown stays the whole training
 * loss (the objective), so the history shows what SGD does to it. The batch of the next
 * step is chosen after each step (observe) and at the start (restart), so a rewind or a
 * replay repeats the same batches.
 */
#include "xl_scn_regression.h"
#include "xl_i18n.h"
#include "xl_scn_regression_view.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(xl_regression_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");

enum { P_DATA, P_FEATURES, P_TRAIN, P_PER_CLASS, P_L2, P_SMOOTHING, P_BATCH, P_COUNT };

static const xl_param_def params[P_COUNT] = {
    [P_DATA] = {"data", 0, 0, 1, 1, N_("data set: 0 Fisher's iris (150 flowers), 1 handwritten digits (1,797 images)")},
    [P_FEATURES] = {"features", 0, 0, XL_REGRESSION_FEATURE_SETS - 1, 1, N_("iris features: 0 petal length & width, 1 sepal length & width, 2-5 the other pairs, 6 all four")},
    [P_TRAIN] = {"train", XL_DATASET_TRAIN_FRAC, 0.1, 0.9, 0, N_("share of each class in the training part")},
    [P_PER_CLASS] = {"per_class", 0, 0, 1000, 1, N_("training samples kept per class (0: all of the training part)")},
    [P_L2] = {"l2", 0, 0, 1, 0, N_("λ, the L2 penalty (λ/2)|W|² on the weights")},
    [P_SMOOTHING] = {"smoothing", 0, 0, 0.5, 0, N_("label smoothing ε: targets 1 − ε on the label, ε/(K−1) elsewhere")},
    [P_BATCH] = {"batch", 0, 0, XL_REGRESSION_BATCH_MAX, 1, N_("0: full-batch gradient descent; B: mini-batches of B samples in a seeded order")},
};


static const xl_readout_def readouts[R_COUNT] = {
    [R_LOSS] = {"loss", "L(W,b)", XL_READOUT_INFO, N_("training loss: mean H(P,Q) plus the L2 penalty λ/2|W|²")},
    [R_ENTROPY] = {"entropy", "H(P)", XL_READOUT_INFO, N_("the targets' entropy: 0 for one-hot labels, more with smoothing")},
    [R_KL] = {"kl", "L − H(P)", XL_READOUT_INFO, N_("the gap: mean D_KL(P‖Q) over the training samples plus the penalty")},
    [R_PENALTY] = {"penalty", "λ/2|W|²", XL_READOUT_INFO, N_("the L2 penalty alone")},
    [R_TRAIN_NLL] = {"train_nll", "train −ln q_y", XL_READOUT_INFO, N_("mean surprise of the true label, training samples")},
    [R_TEST_NLL] = {"test_nll", "test −ln q_y", XL_READOUT_INFO, N_("test cross-entropy: mean surprise of the true label")},
    [R_TRAIN_ACC] = {"train_acc", "train accuracy", XL_READOUT_PROB, N_("share of training samples predicted right")},
    [R_TEST_ACC] = {"test_acc", "test accuracy", XL_READOUT_PROB, N_("share of test samples predicted right")},
    [R_ECE] = {"ece", "ECE", XL_READOUT_PROB, N_("expected calibration error on the test samples (10 bins)")},
    [R_CONFIDENCE] = {"confidence", "mean max q", XL_READOUT_PROB, N_("mean confidence on the test samples")},
    [R_SURPRISE_MAX] = {"surprise_max", "max −ln q_y", XL_READOUT_INFO, N_("the most surprised training sample")},
    [R_TEST_ERRORS] = {"test_errors", "test errors", XL_READOUT_PLAIN, N_("test samples predicted wrong")},
    [R_N_TRAIN] = {"n_train", "n train", XL_READOUT_PLAIN, N_("training samples")},
    [R_N_TEST] = {"n_test", "n test", XL_READOUT_PLAIN, N_("test samples")},
    [R_WEIGHT_NORM] = {"weight_norm", "|W|", XL_READOUT_PLAIN, N_("length of the weights")},
    [R_SMOOTHING] = {"smoothing", "ε", XL_READOUT_PLAIN, N_("label smoothing ε of the targets")},
};

/* The iris feature sets (raw columns: 0 sepal length, 1 sepal width, 2 petal length,
 * 3 petal width); set 6 is all four. */
static const int iris_pairs[XL_REGRESSION_FEATURE_SETS - 1][2] = {{2, 3}, {0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}};

/* ---- The views xl_softreg works on ---------------------------------------------- */

static xl_softreg_data train_view(const xl_regression_state *st)
{
    xl_softreg_data m = {st->n_train, st->d, st->k, st->x, st->y, st->l2, st->eps, st->version};
    return m;
}

/* The test rows, with one-hot targets and no penalty: -ln q_label. */
static xl_softreg_data test_view(const xl_regression_state *st)
{
    xl_softreg_data m = {st->n_test, st->d, st->k, st->x + (size_t)st->n_train * (size_t)st->d, st->y + st->n_train,
                         0.0, 0.0, st->version};
    return m;
}

static xl_softreg_data batch_view(const xl_regression_state *st)
{
    xl_softreg_data m = {st->batch_n, st->d, st->k, st->batch_x, st->batch_y, st->l2, st->eps, st->version};
    return m;
}

static int batched(const xl_regression_state *st)
{
    return st->batch > 0 && st->batch < st->n_train && st->batch_n > 0;
}

/* ---- The model ------------------------------------------------------------------ */

static double op_loss(const void *self, const double *theta)
{
    const xl_regression_state *st = self;
    xl_softreg_data m = train_view(st);
    return xl_softreg_loss(&m, theta);
}

static void op_gradient(const void *self, const double *theta, double *grad)
{
    const xl_regression_state *st = self;
    xl_softreg_data m = batched(st) ? batch_view(st) : train_view(st);
    xl_softreg_gradient(&m, theta, grad);
}

static double op_loss_gradient(const void *self, const double *theta, double *grad)
{
    const xl_regression_state *st = self;
    xl_softreg_data m = train_view(st);
    if (!batched(st)) return xl_softreg_loss_gradient(&m, theta, grad);
    xl_softreg_data b = batch_view(st);
    xl_softreg_gradient(&b, theta, grad);
    return xl_softreg_loss(&m, theta);
}

static double op_floor(const void *self)
{
    const xl_regression_state *st = self;
    return xl_softreg_floor(st->eps, st->k);
}

static int op_param_count(const void *self)
{
    const xl_regression_state *st = self;
    return xl_softreg_param_count(st->d, st->k);
}

static unsigned long op_version(const void *self)
{
    return ((const xl_regression_state *)self)->version;
}

static const char *op_param_name(const void *self, int i)
{
    const xl_regression_state *st = self;
    return i >= 0 && i < xl_softreg_param_count(st->d, st->k) ? st->param_names[i] : "";
}

static const xl_model_ops model_ops = {
    .id = "regression",
    .loss = op_loss,
    .gradient = op_gradient,
    .floor = op_floor,
    .param_count = op_param_count,
    .version = op_version,
    .param_name = op_param_name,
    .loss_gradient = op_loss_gradient,
};

static xl_model model(const void *state)
{
    xl_model m = {&model_ops, state};
    return m;
}

/* theta0 = 0: Q uniform, every surprise ln K. */
static void start(const void *state, double *theta0)
{
    const xl_regression_state *st = state;
    memset(theta0, 0, (size_t)xl_softreg_param_count(st->d, st->k) * sizeof(double));
}

/* ---- The data ------------------------------------------------------------------- */

/* Load the data set, split it, cut the training part, fit the scaler on it and copy the
 * rows in, standardised. Returns 0, or -1 with err. */
static int load(xl_regression_state *st, char *err, size_t errlen)
{
    const int kind = st->data;
    size_t size = 0;
    const void *bytes = xl_scenario_data(&xl_scenario_regression, kind, &size);
    const char *path = xl_scenario_data_path(&xl_scenario_regression, kind);
    const char *name = kind == XL_REGRESSION_IRIS ? XL_IRIS_FILE : XL_DIGITS_FILE;
    if (xl_dataset_read(kind == XL_REGRESSION_IRIS ? XL_DATASET_IRIS : XL_DATASET_DIGITS, bytes, size,
                        path ? path : name, kind == XL_REGRESSION_IRIS ? XL_IRIS_SHA256 : XL_DIGITS_SHA256, &st->raw,
                        err, errlen) != 0)
        return -1;
    int train_idx[XL_REGRESSION_ROWS_MAX], test_idx[XL_REGRESSION_ROWS_MAX];
    int n_train = 0, n_test = 0;
    if (xl_dataset_split(&st->raw, st->train_frac, st->seed, train_idx, &n_train, test_idx, &n_test) != 0) {
        snprintf(err, errlen, "train must be a share from 0 to 1");
        return -1;
    }
    if (st->per_class > 0) {
        const int whole = n_train;
        n_train = xl_dataset_take_per_class(&st->raw, train_idx, n_train, st->per_class, train_idx);
        if (n_train == whole) st->per_class = 0; /* the cut kept every row: "all" */
    }
    if (n_train < 1 || n_test < 1) {
        snprintf(err, errlen, "the split left %d training and %d test samples: both need one at least", n_train, n_test);
        return -1;
    }
    if (xl_dataset_scaler_fit(&st->raw, train_idx, n_train, &st->scaler) != 0) {
        snprintf(err, errlen, "no training samples to standardise on");
        return -1;
    }
    st->k = st->raw.k;
    if (kind == XL_REGRESSION_IRIS) {
        if (st->features == XL_REGRESSION_ALL_FOUR) {
            st->d = 4;
            for (int j = 0; j < 4; j++) st->feature[j] = j;
            st->plot_a = 2;
            st->plot_b = 3;
            st->plot_ja = 2;
            st->plot_jb = 3;
        } else {
            st->d = 2;
            st->feature[0] = st->plot_a = iris_pairs[st->features][0];
            st->feature[1] = st->plot_b = iris_pairs[st->features][1];
            st->plot_ja = 0;
            st->plot_jb = 1;
        }
    } else {
        st->d = st->raw.d;
        for (int j = 0; j < st->d; j++) st->feature[j] = j;
        st->features = 0;
        st->plot_a = st->plot_b = st->plot_ja = st->plot_jb = 0;
    }
    st->n_train = n_train;
    st->n_test = n_test;
    for (int r = 0; r < n_train + n_test; r++) {
        const int i = r < n_train ? train_idx[r] : test_idx[r - n_train];
        double z[XL_DATASET_FEATURES_MAX];
        xl_dataset_scaler_apply(&st->scaler, xl_dataset_row(&st->raw, i), z);
        st->original[r] = i;
        st->y[r] = st->raw.y[i];
        for (int j = 0; j < st->d; j++) st->x[(size_t)r * (size_t)st->d + (size_t)j] = z[st->feature[j]];
    }
    for (int r = 0; r < n_train; r++)
        snprintf(st->row_title[r], sizeof st->row_title[r], N_("SAMPLE %d OF %d · FILE ROW %d"), r + 1, n_train,
                 st->original[r] + 1);
    const int np = xl_softreg_param_count(st->d, st->k);
    for (int i = 0; i < np; i++) xl_softreg_param_label(st->d, st->k, i, st->param_names[i], sizeof st->param_names[i]);
    return 0;
}

/* The next mini-batch from the shuffled order (a new shuffle when the epoch is used up). */
static void next_batch(xl_regression_state *st)
{
    st->batch_n = 0;
    if (st->batch <= 0 || st->batch >= st->n_train) return;
    if (st->order_pos + st->batch > st->n_train) {
        for (int i = st->n_train - 1; i > 0; i--) {
            const int j = (int)(xl_rng_next(&st->rng) % (uint64_t)(i + 1));
            const int t = st->order[i];
            st->order[i] = st->order[j];
            st->order[j] = t;
        }
        st->order_pos = 0;
    }
    const int d = st->d;
    for (int b = 0; b < st->batch; b++) {
        const int r = st->order[st->order_pos + b];
        st->batch_y[b] = st->y[r];
        memcpy(st->batch_x + (size_t)b * (size_t)d, st->x + (size_t)r * (size_t)d, (size_t)d * sizeof(double));
    }
    st->batch_n = st->batch;
    st->order_pos += st->batch;
    st->version++;
}

/* ---- The per-step record -------------------------------------------------------- */

static xl_regression_point point_at(const xl_regression_state *st, const double *theta, long step)
{
    xl_softreg_eval tr = xl_regression_evaluate(st, theta, 0), te = xl_regression_evaluate(st, theta, 1);
    xl_regression_point p = {step, tr.ce, te.ce, tr.accuracy, te.accuracy};
    return p;
}

static void observe(void *state, const double *theta, long step)
{
    xl_regression_state *st = state;
    memcpy(st->theta_now, theta, (size_t)xl_softreg_param_count(st->d, st->k) * sizeof(double));
    /* A step at or before the last one kept (the record was not restored with the run):
     * what came after it is another history. */
    while (st->record_count > 0 && st->record[st->record_count - 1].step >= step) st->record_count--;
    if (step % st->record_stride == 0) {
        if (st->record_count == XL_REGRESSION_RECORD_CAP) {
            int kept = 0;
            for (int i = 0; i < st->record_count; i++)
                if (st->record[i].step % (2 * st->record_stride) == 0) st->record[kept++] = st->record[i];
            st->record_count = kept;
            st->record_stride *= 2;
        }
        if (step % st->record_stride == 0) st->record[st->record_count++] = point_at(st, theta, step);
    }
    if (st->batch > 0) next_batch(st);
}

/* Every start and reset: the record from step 0 at theta0 = 0, the batches' order from
 * the seed. */
static void restart(void *state)
{
    xl_regression_state *st = state;
    st->rng = xl_rng_make(st->seed ^ 0x5eed0ba7c4e5ull);
    for (int i = 0; i < st->n_train; i++) st->order[i] = i;
    st->order_pos = st->n_train; /* shuffled before the first batch */
    st->batch_n = 0;
    st->record_count = 0;
    st->record_stride = 1;
    double theta0[XL_MAX_PARAMS] = {0};
    start(st, theta0);
    memcpy(st->theta_now, theta0, sizeof theta0);
    st->record[st->record_count++] = point_at(st, theta0, 0);
    if (st->batch > 0) next_batch(st);
    st->version++;
}

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_regression_state *st = state;
    memset(st, 0, sizeof *st);
    st->data = (int)values[P_DATA];
    st->features = (int)values[P_FEATURES];
    st->train_frac = values[P_TRAIN];
    st->per_class = (int)values[P_PER_CLASS];
    st->l2 = values[P_L2];
    st->eps = values[P_SMOOTHING];
    st->batch = (int)values[P_BATCH];
    st->seed = seed;
    st->version = 1;
    st->record_stride = 1;
    if (load(st, err, errlen) != 0) return -1;
    restart(st);
    return 0;
}

static int item_count(const void *state)
{
    const xl_regression_state *st = state;
    return st->n_train;
}

/* One pass over the training rows costs about n k (d + 1) multiply-adds, run two or four
 * at a time; the record adds a pass over every row. Weighted so a digits step (about
 * 0.3 ms the pass, as much again the record) counts as about 0.6 ms of the work slice. */
static double step_cost(const void *state)
{
    const xl_regression_state *st = state;
    return XL_STEP_BASE_OPS + (double)(2 * st->n_train + st->n_test) * (double)st->k * (double)(st->d + 1) / 40.0;
}

/* ---- Verbs ---------------------------------------------------------------------- */

enum {
    V_DATASET, V_FEATURE_SET, V_SMOOTH_UP, V_SMOOTH_DOWN, V_L2_UP, V_L2_DOWN, V_SIZE_UP, V_SIZE_DOWN, V_BATCH,
    V_NEXT_MISTAKE, V_VIEW, V_COUNT
};
static const xl_verb_def verbs[V_COUNT] = {
    [V_DATASET] = {"dataset", XL_ARG_NONE, 0, 0, "dataset", N_("switch the data set: iris or digits (the runs restart)"),
                   {{'d', 0}}, N_("D data"), NULL, 0},
    [V_FEATURE_SET] = {"feature-set", XL_ARG_NONE, 0, 0, "feature-set",
                       N_("the next iris features: petal, sepal, the other pairs, all four (the runs restart)"),
                       {{'f', 0}}, N_("F features"), "the digits: every pixel is a feature", 0},
    [V_SMOOTH_UP] = {"smooth-up", XL_ARG_NONE, 0, 0, "smooth-up",
                     N_("label smoothing ε up: 0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5 (the floor H(P) rises)"), {{'o', 0}},
                     N_("O ⇧O ε"), "ε already 0.5, the most", 0},
    [V_SMOOTH_DOWN] = {"smooth-down", XL_ARG_NONE, 0, 0, "smooth-down", N_("label smoothing ε down (0: one-hot labels)"),
                       {{'o', 1}}, NULL, "ε already 0", 0},
    [V_L2_UP] = {"l2-up", XL_ARG_NONE, 0, 0, "l2-up", N_("L2 penalty λ up: 0, 0.0001, 0.001, 0.01, 0.1, 1"),
                 {{'w', 0}}, N_("W ⇧W λ"), "λ already 1, the most", 0},
    [V_L2_DOWN] = {"l2-down", XL_ARG_NONE, 0, 0, "l2-down", N_("L2 penalty λ down (0: none)"), {{'w', 1}}, NULL,
                   "λ already 0", 0},
    [V_SIZE_UP] = {"size-up", XL_ARG_NONE, 0, 0, "size-up",
                   N_("more training samples per class: 1, 2, 5, 10, 20, 50, 100, all (the runs restart)"), {{'j', 0}},
                   N_("J ⇧J train size"), "already every training sample", 0},
    [V_SIZE_DOWN] = {"size-down", XL_ARG_NONE, 0, 0, "size-down",
                     N_("fewer training samples per class, down to 1 (overfitting; the runs restart)"), {{'j', 1}}, NULL,
                     "already 1 sample per class", 0},
    [V_BATCH] = {"batch", XL_ARG_NONE, 0, 0, "batch",
                 N_("full-batch gradient descent, or mini-batches of 32 in a seeded order (SGD)"), {{'u', 0}},
                 N_("U batch"), NULL, 0},
    [V_NEXT_MISTAKE] = {"next-mistake", XL_ARG_NONE, 0, 0, "next-mistake",
                        N_("select the next training sample the model gets wrong (as of the last step)"), {{'x', 0}},
                        N_("X next mistake"), "a model that gets every training sample right",
                        XL_VERB_VIEW | XL_VERB_SELECTS_FIRST},
    [V_VIEW] = {"view", XL_ARG_NAME, 0, 0, "view [NAME]",
                N_("the side place's view: update, confusion, calibration, curves, landscape (alone: the next)"),
                {{'a', 0}}, N_("A view"), "a name that is not a view", XL_VERB_VIEW | XL_VERB_ARG_OPTIONAL},
};
static const char *const hint_bar[] = {"select-next", "next-mistake", "dataset", "feature-set", "size-up", "l2-up",
                                       "smooth-up", "batch", "view", NULL};

static const double eps_ladder[] = {0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5};
static const double l2_ladder[] = {0.0, 0.0001, 0.001, 0.01, 0.1, 1.0};
static const int size_ladder[] = {1, 2, 5, 10, 20, 50, 100, 200, 500};
enum { BATCH_DEFAULT = 32 };

/* The next rung of a ladder above (up) or below v; v itself at the end. */
static double ladder_move(const double *ladder, int n, double v, int up)
{
    if (up) {
        for (int i = 0; i < n; i++)
            if (ladder[i] > v * (1.0 + 1e-12) + 1e-15) return ladder[i];
    } else {
        for (int i = n - 1; i >= 0; i--)
            if (ladder[i] < v * (1.0 - 1e-12) - 1e-15) return ladder[i];
    }
    return v;
}

/* The largest class's training rows now (the size the ladder moves from). */
static int largest_class(const xl_regression_state *st)
{
    int counts[XL_DATASET_CLASSES_MAX] = {0}, most = 0;
    for (int r = 0; r < st->n_train; r++) counts[st->y[r]]++;
    for (int c = 0; c < st->k; c++) most = counts[c] > most ? counts[c] : most;
    return most;
}

/* Reload with changed settings; on failure the old ones come back. */
static xl_apply_result reload(xl_regression_state *st, const xl_regression_state *old_settings, char *err,
                              size_t errlen)
{
    if (load(st, err, errlen) != 0) {
        st->data = old_settings->data;
        st->features = old_settings->features;
        st->per_class = old_settings->per_class;
        char ignored[64];
        (void)load(st, ignored, sizeof ignored);
        st->version++;
        restart(st);
        return XL_APPLY_REFUSED;
    }
    st->version++;
    restart(st);
    return XL_APPLY_RESTART;
}

/* The digits' attribution in a line (xl_scenario_def.credit); iris is public domain. */
static const char *credit(const void *state)
{
    const xl_regression_state *st = state;
    return st->data == XL_REGRESSION_DIGITS ? XL_DIGITS_CREDIT : NULL;
}

/* The parameters as the verbs left them (xl_scenario_def.params_now). */
static void params_now(const void *state, double *p)
{
    const xl_regression_state *st = state;
    p[P_DATA] = st->data;
    p[P_FEATURES] = st->features;
    p[P_TRAIN] = st->train_frac;
    p[P_PER_CLASS] = st->per_class;
    p[P_L2] = st->l2;
    p[P_SMOOTHING] = st->eps;
    p[P_BATCH] = st->batch;
}

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    (void)cmd;
    (void)selected;
    xl_regression_state *st = state;
    xl_regression_state old;
    old.data = st->data;
    old.features = st->features;
    old.per_class = st->per_class;
    switch (verb) {
    case V_DATASET:
        st->data = st->data == XL_REGRESSION_IRIS ? XL_REGRESSION_DIGITS : XL_REGRESSION_IRIS;
        st->features = 0;
        return reload(st, &old, err, errlen);
    case V_FEATURE_SET:
        if (st->data != XL_REGRESSION_IRIS) {
            snprintf(err, errlen, "feature-set: the digits use every pixel; only iris has a choice of features");
            return XL_APPLY_REFUSED;
        }
        st->features = (st->features + 1) % XL_REGRESSION_FEATURE_SETS;
        return reload(st, &old, err, errlen);
    case V_SMOOTH_UP:
    case V_SMOOTH_DOWN: {
        const double e = ladder_move(eps_ladder, (int)(sizeof eps_ladder / sizeof eps_ladder[0]), st->eps,
                                     verb == V_SMOOTH_UP);
        if (e == st->eps) {
            snprintf(err, errlen, verb == V_SMOOTH_UP ? "smooth-up: ε is already 0.5, the most"
                                                      : "smooth-down: ε is already 0 (one-hot labels)");
            return XL_APPLY_REFUSED;
        }
        st->eps = e;
        st->version++;
        return XL_APPLY_DONE;
    }
    case V_L2_UP:
    case V_L2_DOWN: {
        const double l = ladder_move(l2_ladder, (int)(sizeof l2_ladder / sizeof l2_ladder[0]), st->l2, verb == V_L2_UP);
        if (l == st->l2) {
            snprintf(err, errlen, verb == V_L2_UP ? "l2-up: λ is already 1, the most" : "l2-down: λ is already 0");
            return XL_APPLY_REFUSED;
        }
        st->l2 = l;
        st->version++;
        return XL_APPLY_DONE;
    }
    case V_SIZE_UP:
    case V_SIZE_DOWN: {
        const int now = largest_class(st), n = (int)(sizeof size_ladder / sizeof size_ladder[0]);
        int next = -1;
        if (verb == V_SIZE_UP) {
            if (st->per_class == 0) {
                snprintf(err, errlen, "size-up: every training sample is in use already");
                return XL_APPLY_REFUSED;
            }
            next = 0; /* all, unless a rung lies between */
            for (int i = 0; i < n; i++)
                if (size_ladder[i] > now) {
                    next = size_ladder[i];
                    break;
                }
            st->per_class = next; /* load makes a rung beyond the training part "all" (0) */
        } else {
            for (int i = n - 1; i >= 0; i--)
                if (size_ladder[i] < now) {
                    next = size_ladder[i];
                    break;
                }
            if (next < 0) {
                snprintf(err, errlen, "size-down: already 1 training sample per class");
                return XL_APPLY_REFUSED;
            }
            st->per_class = next;
        }
        return reload(st, &old, err, errlen);
    }
    case V_BATCH:
        st->batch = st->batch > 0 ? 0 : BATCH_DEFAULT;
        st->order_pos = st->n_train;
        st->batch_n = 0;
        if (st->batch > 0) next_batch(st);
        st->version++;
        return XL_APPLY_DONE;
    case V_NEXT_MISTAKE:
        /* After the selected row, wrapping: the first whose argmax Q is not its label. */
        for (int t = 1; t <= st->n_train; t++) {
            const int r = ((selected >= 0 ? selected : 0) + t) % st->n_train;
            double logq[XL_SOFTREG_MAX_K];
            if (xl_regression_row_q(st, st->theta_now, r, logq) != st->y[r]) {
                st->focus_row = r;
                return XL_APPLY_DONE;
            }
        }
        snprintf(err, errlen, "next-mistake: the model gets every training sample right");
        return XL_APPLY_REFUSED;
    case V_VIEW:
        return xl_regression_view_apply(&st->side_view, XL_REGRESSION_PANELS, cmd->name, err, errlen);
    default:
        return XL_APPLY_NOT_MINE;
    }
}

/* ---- Readouts and bars ---------------------------------------------------------- */

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_regression_state *st = state;
    xl_softreg_data m = train_view(st);
    out[R_LOSS] = xl_softreg_loss(&m, theta);
    out[R_ENTROPY] = xl_softreg_floor(st->eps, st->k);
    /* H(P,Q) >= H(P) row by row, so only rounding can take the difference below 0. */
    const double gap = out[R_LOSS] - out[R_ENTROPY];
    out[R_KL] = gap < 0.0 && -gap <= 1e-12 * (fabs(out[R_LOSS]) + fabs(out[R_ENTROPY])) ? 0.0 : gap;
    out[R_PENALTY] = xl_softreg_penalty(&m, theta);
    const xl_softreg_eval tr = xl_regression_evaluate(st, theta, 0), te = xl_regression_evaluate(st, theta, 1);
    out[R_TRAIN_NLL] = tr.ce;
    out[R_TEST_NLL] = te.ce;
    out[R_TRAIN_ACC] = tr.accuracy;
    out[R_TEST_ACC] = te.accuracy;
    xl_softreg_bin bins[XL_REGRESSION_BINS];
    out[R_ECE] = xl_regression_reliability(st, theta, bins);
    double conf = 0.0;
    for (int b = 0; b < XL_REGRESSION_BINS; b++) conf += bins[b].confidence * (double)bins[b].count;
    out[R_CONFIDENCE] = st->n_test > 0 ? conf / (double)st->n_test : 0.0;
    double worst = 0.0;
    for (int r = 0; r < st->n_train; r++) {
        double logq[XL_SOFTREG_MAX_K];
        (void)xl_regression_row_q(st, theta, r, logq);
        const double s = -logq[st->y[r]];
        worst = s > worst ? s : worst;
    }
    out[R_SURPRISE_MAX] = worst;
    out[R_TEST_ERRORS] = (double)(st->n_test - te.correct);
    out[R_N_TRAIN] = (double)st->n_train;
    out[R_N_TEST] = (double)st->n_test;
    double w2 = 0.0;
    for (int i = 0; i < st->k * st->d; i++) w2 += theta[i] * theta[i];
    out[R_WEIGHT_NORM] = sqrt(w2);
    out[R_SMOOTHING] = st->eps;
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_regression_state *st = state;
    const int r = selected >= 0 && selected < st->n_train ? selected : 0;
    out->n = st->k;
    for (int c = 0; c < st->k; c++) out->names[c] = st->raw.class_names[c];
    xl_regression_row_target(st, r, out->p);
    (void)xl_regression_row_q(st, theta, r, out->logq);
    out->selected = st->y[r];
    out->title = st->row_title[r];
    out->caption = st->eps > 0.0 ? N_("its smoothed label P against Q = softmax(W x + b)")
                                 : N_("its one-hot label P against Q = softmax(W x + b)");
    out->q_label = N_("Q = softmax(W x + b)");
    out->p_label = st->eps > 0.0 ? N_("P (smoothed label)") : N_("P (label)");
    out->edit = XL_BARS_FIXED;
    out->logits = NULL;
}

/* A weight whose feature is constant on the training part (a digit pixel blank in every
 * training image) does not move the loss: the landscape is flat along it, and says why.
 * Static storage, rewritten by each call (the frame's thread alone calls it). */
static const char *slice_note(const void *state, int a, int b, int valley)
{
    (void)valley;
    const xl_regression_state *st = state;
    static char note[160];
    const int nw = st->k * st->d;
    for (int t = 0; t < 2; t++) {
        const int i = t == 0 ? a : b;
        if (i < 0 || i >= nw) continue;
        const int col = st->feature[i % st->d];
        if (col < 0 || col >= st->scaler.d || !st->scaler.constant[col]) continue;
        snprintf(note, sizeof note, "%s multiplies %s, the same in every training sample: the loss is flat along it",
                 st->param_names[i], xl_regression_feature_name(st, i % st->d));
        return note;
    }
    return N_("two parameters of W and b; the others held where the run is now; the cross marks the least loss in view");
}

static int first_item(const void *state)
{
    const xl_regression_state *st = state;
    return st->focus_row >= 0 && st->focus_row < st->n_train ? st->focus_row : 0;
}

/* ---- Accessors ------------------------------------------------------------------ */

int xl_regression_kind(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->data;
}

int xl_regression_all_four(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->data == XL_REGRESSION_IRIS && st->features == XL_REGRESSION_ALL_FOUR;
}

const char *xl_regression_attribution(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->data == XL_REGRESSION_DIGITS ? XL_DIGITS_ATTRIBUTION : XL_IRIS_ATTRIBUTION;
}

const char *xl_regression_class_name(const xl_regression_state *st, int c)
{
    assert(st != NULL && c >= 0 && c < st->k);
    return st->raw.class_names[c];
}

const char *xl_regression_feature_name(const xl_regression_state *st, int j)
{
    assert(st != NULL && j >= 0 && j < st->d);
    return st->raw.feature_names[st->feature[j]];
}

int xl_regression_rows(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->n_train + st->n_test;
}

int xl_regression_row_label(const xl_regression_state *st, int r)
{
    assert(st != NULL && r >= 0 && r < st->n_train + st->n_test);
    return st->y[r];
}

int xl_regression_row_original(const xl_regression_state *st, int r)
{
    assert(st != NULL && r >= 0 && r < st->n_train + st->n_test);
    return st->original[r];
}

const double *xl_regression_row_x(const xl_regression_state *st, int r)
{
    assert(st != NULL && r >= 0 && r < st->n_train + st->n_test);
    return st->x + (size_t)r * (size_t)st->d;
}

const double *xl_regression_row_raw(const xl_regression_state *st, int r)
{
    assert(st != NULL && r >= 0 && r < st->n_train + st->n_test);
    return xl_dataset_row(&st->raw, st->original[r]);
}

int xl_regression_row_is_test(const xl_regression_state *st, int r)
{
    assert(st != NULL);
    return r >= st->n_train;
}

int xl_regression_q_at(const xl_regression_state *st, const double *theta, const double *x, double *logq)
{
    assert(st != NULL && theta != NULL && x != NULL && logq != NULL);
    return xl_softreg_row(theta, st->d, st->k, x, NULL, logq);
}

int xl_regression_row_q(const xl_regression_state *st, const double *theta, int r, double *logq)
{
    return xl_regression_q_at(st, theta, xl_regression_row_x(st, r), logq);
}

void xl_regression_row_target(const xl_regression_state *st, int r, double *p)
{
    assert(st != NULL && p != NULL);
    const int y = xl_regression_row_label(st, r);
    for (int c = 0; c < st->k; c++) p[c] = xl_softreg_target(st->eps, st->k, y, c);
}

void xl_regression_row_identity(const xl_regression_state *st, const double *theta, int r, double *cross,
                                double *entropy, double *kl)
{
    double p[XL_SOFTREG_MAX_K], logq[XL_SOFTREG_MAX_K];
    xl_regression_row_target(st, r, p);
    (void)xl_regression_row_q(st, theta, r, logq);
    double h = 0.0, hpq = 0.0, d = 0.0;
    for (int c = 0; c < st->k; c++)
        if (p[c] > 0.0) {
            h -= p[c] * log(p[c]);
            hpq -= p[c] * logq[c];
            d += p[c] * (log(p[c]) - logq[c]);
        }
    if (cross) *cross = hpq;
    if (entropy) *entropy = h;
    if (kl) *kl = d;
}

void xl_regression_row_update(const xl_regression_state *st, const double *theta, int r, double *g, double *gb)
{
    assert(g != NULL);
    double p[XL_SOFTREG_MAX_K], logq[XL_SOFTREG_MAX_K];
    xl_regression_row_target(st, r, p);
    (void)xl_regression_row_q(st, theta, r, logq);
    const double *x = xl_regression_row_x(st, r);
    for (int c = 0; c < st->k; c++) {
        const double e = exp(logq[c]) - p[c];
        for (int j = 0; j < st->d; j++) g[c * st->d + j] = e * x[j];
        if (gb) gb[c] = e;
    }
}

double xl_regression_standardize(const xl_regression_state *st, int col, double raw)
{
    assert(st != NULL && col >= 0 && col < st->raw.d);
    return (raw - st->scaler.mean[col]) / st->scaler.scale[col];
}

double xl_regression_unstandardize(const xl_regression_state *st, int col, double z)
{
    assert(st != NULL && col >= 0 && col < st->raw.d);
    return z * st->scaler.scale[col] + st->scaler.mean[col];
}

void xl_regression_plane_row(const xl_regression_state *st, double a_cm, double b_cm, double *x)
{
    assert(st != NULL && x != NULL);
    for (int j = 0; j < st->d; j++) x[j] = 0.0;
    x[st->plot_ja] = xl_regression_standardize(st, st->plot_a, a_cm);
    x[st->plot_jb] = xl_regression_standardize(st, st->plot_b, b_cm);
}

double xl_regression_weights(const xl_regression_state *st, const double *theta, int c, double *w)
{
    assert(st != NULL && theta != NULL && w != NULL && c >= 0 && c < st->k);
    memcpy(w, theta + (size_t)c * (size_t)st->d, (size_t)st->d * sizeof(double));
    return theta[st->k * st->d + c];
}

void xl_regression_confusion(const xl_regression_state *st, const double *theta, int *counts)
{
    xl_softreg_data m = test_view(st);
    xl_softreg_confusion(&m, theta, counts);
}

double xl_regression_reliability(const xl_regression_state *st, const double *theta, xl_softreg_bin *bins)
{
    xl_softreg_data m = test_view(st);
    return xl_softreg_reliability(&m, theta, XL_REGRESSION_BINS, bins);
}

xl_softreg_eval xl_regression_evaluate(const xl_regression_state *st, const double *theta, int test)
{
    assert(st != NULL && theta != NULL);
    xl_softreg_data m = test ? test_view(st) : train_view(st);
    m.eps = 0.0; /* -ln q_label */
    return xl_softreg_evaluate(&m, theta);
}

int xl_regression_record_count(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->record_count;
}

const xl_regression_point *xl_regression_record(const xl_regression_state *st)
{
    assert(st != NULL);
    return st->record;
}

static const char *const data_files[] = {XL_IRIS_FILE, XL_DIGITS_FILE, NULL};



const xl_scenario_def xl_scenario_regression = {
    .id = "regression",
    .title = N_("softmax regression"),
    .summary = N_("real data: iris flowers and handwritten digits; Q = softmax(W x + b) learns the labels; "
               "gradient = (q − y) xᵀ; train against test, calibration, label smoothing"),
    .item_noun = N_("sample"),
    .state_size = sizeof(xl_regression_state),
    .params = params,
    .param_count = P_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .panels = XL_REGRESSION_PANELS,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .identity_title = N_("TRAIN LOSS = FLOOR + GAP"),
    .floor_note = N_("the targets' own entropy: 0 for one-hot labels; smoothing raises it"),
    .identity_note = N_("Learning can remove only the gap, the mean KL(P‖Q) plus the L2 penalty; the floor H(P) is "
                     "the labels' own entropy, 0 for one-hot labels and above 0 with label smoothing."),
    .init = init,
    .params_now = params_now,
    .credit = credit,
    .model = model,
    .start = start,
    .item_count = item_count,
    .first_item = first_item,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .slice_note = slice_note,
    .landscape = xl_regression_landscape,
    .restart = restart,
    .step_cost = step_cost,
    .data_files = data_files,
    .observe = observe,
    .describe = xl_regression_describe,
};

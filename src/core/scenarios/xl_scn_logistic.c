/* xl_scn_logistic: the logistic regression scenario (see xl_scn_logistic.h).
 *
 * The model, loss, gradient, floor and fit are xl_logistic's. What this file adds is the
 * record around them: parameters, the data edits as commands, the readouts and the bars.
 *
 * Bars. One sample's truth is the one-hot P = (y, 1 - y) over the outcomes "y = 1" and
 * "y = 0"; the model's Q = (y_hat, 1 - y_hat). Their logs come from the logit u = w x + b:
 * ln sigmoid(u) = -softplus(-u) and ln(1 - sigmoid(u)) = ln sigmoid(-u) = -softplus(u), so
 * a sample the model is sure about the wrong way (u = -800 for y = 1) shows its surprise
 * 800 exactly, where ln of the underflowed q would be -infinity.
 *
 * Landscape minimum. With two parameters the only slice is (w, b) itself, and its
 * minimum is the maximum-likelihood fit, which exists (and is unique) exactly when the
 * classes overlap; for separable data the infimum lies at infinity and none is marked.
 */
#include "xl_scn_logistic.h"
#include "xl_i18n.h"
#include "xl_format.h"
#include "xl_scn_binary.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { MIN_POINTS = 2, PARAM_POINTS = 0, PARAM_W0 = 1, PARAM_B0 = 2, NEWTON_ITER = 200 };
static const double NEWTON_TOL = 1e-12;

_Static_assert(sizeof(xl_logistic_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");

static const xl_param_def params[] = {
    { "points", XL_LOGISTIC_DEFAULT_POINTS, 4, XL_LOGISTIC_MAX_POINTS, 1, N_("number of samples (20: the built-in set; more continue the seed's sequence)") },
    { "w0", XL_SCN_LOGISTIC_W0, -20, 20, 0, N_("starting weight w") },
    { "b0", XL_SCN_LOGISTIC_B0, -20, 20, 0, N_("starting bias b") },
};

/* Indices into readouts[] (0..2 are loss, floor, gap for every scenario). */
enum { R_LOSS, R_FLOOR, R_GAP, R_W, R_B, R_ACCURACY, R_SURPRISE_MAX, R_COUNT };

static const xl_readout_def readouts[R_COUNT] = {
    [R_LOSS] = { "loss", "L(w,b)", XL_READOUT_INFO, N_("mean binary cross-entropy") },
    [R_FLOOR] = { "floor", "L*", XL_READOUT_INFO, N_("the best any (w, b) can do") },
    [R_GAP] = { "gap", "L − L*", XL_READOUT_INFO, N_("what learning can still remove") },
    [R_W] = { "w", "w", XL_READOUT_PLAIN, N_("weight: the slope of the logit w x + b") },
    [R_B] = { "b", "b", XL_READOUT_PLAIN, N_("bias: the logit at x = 0") },
    [R_ACCURACY] = { "accuracy", "accuracy", XL_READOUT_PROB, N_("share of samples on the right side of 0.5") },
    [R_SURPRISE_MAX] = { "surprise_max", "max −ln q_y", XL_READOUT_INFO,
                         "surprise of the most surprising sample" },
};

/* A number as the data are written: up to 4 significant digits, the true minus sign. */
static void format_x(char *buf, size_t n, double x)
{
    if (x < 0.0)
        snprintf(buf, n, "−%.4g", -x);
    else
        snprintf(buf, n, "%.4g", x == 0.0 ? 0.0 : x);
}

/* The bars' title and caption of every sample, after any change of the data. */
static void write_texts(xl_logistic_state *st)
{
    memset(st->title, 0, sizeof st->title);
    memset(st->caption, 0, sizeof st->caption);
    for (int i = 0; i < st->lg.n; i++) {
        char xs[24];
        format_x(xs, sizeof xs, st->lg.pts[i].x);
        snprintf(st->title[i], sizeof st->title[i], N_("SAMPLE %d"), i + 1);
        snprintf(st->caption[i], sizeof st->caption[i], N_("x = %s, label %d"), xs, st->lg.pts[i].y ? 1 : 0);
    }
}

double xl_scn_logistic_accuracy(const xl_logistic *lg, const double *theta)
{
    assert(lg != NULL && theta != NULL);
    if (lg->n <= 0)
        return 0.0;
    int right = 0;
    for (int i = 0; i < lg->n; i++) {
        /* y_hat > 0.5 exactly when the logit is > 0: decided on u, no rounding of sigmoid. */
        double u = theta[XL_LOGISTIC_W] * lg->pts[i].x + theta[XL_LOGISTIC_B];
        right += lg->pts[i].y ? u > 0.0 : u < 0.0;
    }
    return (double)right / lg->n;
}

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_logistic_state *st = state;
    memset(st, 0, sizeof *st);
    xl_logistic_init(&st->lg, seed);
    int n = (int)values[PARAM_POINTS];
    if (xl_logistic_set_count(&st->lg, n) != 0) {
        snprintf(err, errlen, "points must be 4 to %d", XL_LOGISTIC_MAX_POINTS);
        return -1;
    }
    st->theta0[XL_LOGISTIC_W] = values[PARAM_W0];
    st->theta0[XL_LOGISTIC_B] = values[PARAM_B0];
    write_texts(st);
    return 0;
}

static xl_model model(const void *state)
{
    const xl_logistic_state *st = state;
    return xl_logistic_model(&st->lg);
}

static void start(const void *state, double *theta0)
{
    const xl_logistic_state *st = state;
    memcpy(theta0, st->theta0, sizeof st->theta0);
}

static int item_count(const void *state)
{
    const xl_logistic_state *st = state;
    return st->lg.n;
}

/* Per sample: a sigmoid, its log and the gradient's terms (2 measured). */
static double step_cost(const void *state)
{
    const xl_logistic_state *st = state;
    return XL_STEP_BASE_OPS + 2.0 * st->lg.n;
}

/* The data edits: the selected sample's label and place, a sample more or fewer. */
enum { V_FLIP, V_ADD_POINT, V_REMOVE_POINT, V_MOVE_POINT, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_FLIP] = {"flip", XL_ARG_NONE, 0, 0, "flip", N_("flip the selected sample's label"), {{'f', 0}}, N_("F flip"), NULL, 0},
    [V_ADD_POINT] = {"add-point", XL_ARG_LIST, 0, 0, "add-point X,LABEL",
                     N_("add a sample (at X with label 0 or 1; alone: beside the selected one)"), {{'a', 0}}, N_("A add"),
                     "x beyond ±10, a label other than 0 or 1, or a full data set (64 samples)",
                     XL_VERB_SELECTS_NEW | XL_VERB_ARG_OPTIONAL},
    [V_REMOVE_POINT] = {"remove-point", XL_ARG_NONE, 0, 0, "remove-point", N_("remove the selected sample"),
                        {{'x', 0}, {XL_KEY_DELETE, 0}}, N_("X remove"), "the last two samples: a fit needs them", 0},
    [V_MOVE_POINT] = {"move-point", XL_ARG_REAL, 0, 0, "move-point X", "move the selected sample to x = X", {{0}},
                      NULL, "x beyond ±10", XL_VERB_DRAG},
};
static const char *const hint_bar[] = {"select-next", "flip", "add-point", "remove-point", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_logistic_state *st = state;
    xl_logistic *lg = &st->lg;
    switch (verb) {
    case V_FLIP:
        if (xl_logistic_flip(lg, selected) != 0) {
            snprintf(err, errlen, "flip: there is no sample %d", selected + 1);
            return XL_APPLY_REFUSED;
        }
        break;
    case V_ADD_POINT: {
        if (cmd->count != 2 && cmd->count != 0) {
            snprintf(err, errlen, "add-point needs two numbers, X and the label, e.g. add-point 0.5,1");
            return XL_APPLY_REFUSED;
        }
        double x, y;
        if (cmd->count == 2) {
            x = cmd->list[0];
            y = cmd->list[1];
        } else {
            /* The A key: a sample with the selected one's label, a quarter unit to its
             * right (to its left where that would leave the range). */
            const xl_logistic_point *near = &lg->pts[selected >= 0 && selected < lg->n ? selected : 0];
            x = near->x + 0.25 <= XL_SCN_LOGISTIC_ADD_LIMIT ? near->x + 0.25 : near->x - 0.25;
            y = near->y ? 1.0 : 0.0;
        }
        if (!(fabs(x) <= XL_SCN_LOGISTIC_ADD_LIMIT)) {
            snprintf(err, errlen, "add-point: x must lie within ±%g", XL_SCN_LOGISTIC_ADD_LIMIT);
            return XL_APPLY_REFUSED;
        }
        if (y != 0.0 && y != 1.0) {
            snprintf(err, errlen, "add-point: the label must be 0 or 1");
            return XL_APPLY_REFUSED;
        }
        if (lg->n >= XL_LOGISTIC_MAX_POINTS) {
            snprintf(err, errlen, "add-point: the data set is full (%d samples); remove one first",
                     XL_LOGISTIC_MAX_POINTS);
            return XL_APPLY_REFUSED;
        }
        if (xl_logistic_add(lg, x == 0.0 ? 0.0 : x, (int)y) != 0) {
            snprintf(err, errlen, "add-point: the sample was not accepted");
            return XL_APPLY_REFUSED;
        }
        break;
    }
    case V_MOVE_POINT:
        if (!(fabs(cmd->x) <= XL_SCN_LOGISTIC_ADD_LIMIT)) {
            snprintf(err, errlen, "move-point: x must lie within ±%g", XL_SCN_LOGISTIC_ADD_LIMIT);
            return XL_APPLY_REFUSED;
        }
        if (xl_logistic_move(lg, selected, cmd->x == 0.0 ? 0.0 : cmd->x) != 0) {
            snprintf(err, errlen, "move-point: there is no sample %d", selected + 1);
            return XL_APPLY_REFUSED;
        }
        break;
    case V_REMOVE_POINT:
        if (lg->n <= MIN_POINTS) {
            snprintf(err, errlen, "remove-point: a fit needs at least %d samples", MIN_POINTS);
            return XL_APPLY_REFUSED;
        }
        if (xl_logistic_remove(lg, selected) != 0) {
            snprintf(err, errlen, "remove-point: there is no sample %d", selected + 1);
            return XL_APPLY_REFUSED;
        }
        break;
    default:
        return XL_APPLY_NOT_MINE;
    }
    write_texts(st);
    return XL_APPLY_DONE;
}

/* Surprise -ln q_y of point p at theta, from the logit. */
static double point_surprise(const xl_logistic_point *p, const double *theta)
{
    double u = theta[XL_LOGISTIC_W] * p->x + theta[XL_LOGISTIC_B];
    return p->y ? xl_logistic_softplus(-u) : xl_logistic_softplus(u);
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_logistic_state *st = state;
    out[R_LOSS] = xl_logistic_loss(&st->lg, theta);
    out[R_FLOOR] = xl_logistic_floor(&st->lg);
    /* The floor is the loss at the Newton fit, computed apart from the loss at theta, so
     * near the minimum the two can differ by rounding either way: a residue below 0 of a
     * few ulps is 0 (as xl_sim decides). */
    double gap = out[R_LOSS] - out[R_FLOOR];
    out[R_GAP] = gap < 0.0 && -gap <= 64.0 * DBL_EPSILON * (fabs(out[R_LOSS]) + fabs(out[R_FLOOR])) ? 0.0 : gap;
    out[R_W] = theta[XL_LOGISTIC_W];
    out[R_B] = theta[XL_LOGISTIC_B];
    out[R_ACCURACY] = xl_scn_logistic_accuracy(&st->lg, theta);
    double worst = 0.0;
    for (int i = 0; i < st->lg.n; i++) {
        double s = point_surprise(&st->lg.pts[i], theta);
        if (s > worst)
            worst = s;
    }
    out[R_SURPRISE_MAX] = worst;
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_logistic_state *st = state;
    if (selected < 0 || selected >= st->lg.n) {
        xl_binary_sample_bars(out, 0, 0, 0.0, NULL, NULL);
        return;
    }
    const xl_logistic_point *pt = &st->lg.pts[selected];
    double u = theta[XL_LOGISTIC_W] * pt->x + theta[XL_LOGISTIC_B];
    xl_binary_sample_bars(out, 1, pt->y, u, st->title[selected], st->caption[selected]);
}

static int slice_minimum(const void *state, const double *theta, int a, int b, double *x, double *y)
{
    const xl_logistic_state *st = state;
    (void)theta; /* two parameters: no others to hold fixed */
    int w_first = a == XL_LOGISTIC_W && b == XL_LOGISTIC_B;
    int b_first = a == XL_LOGISTIC_B && b == XL_LOGISTIC_W;
    if (!w_first && !b_first)
        return 0;
    /* Only overlapping classes have a unique, finite minimiser (xl_logistic.h). */
    if (xl_logistic_separation_of(&st->lg) != XL_LOGISTIC_OVERLAP)
        return 0;
    double fit[XL_LOGISTIC_PARAMS];
    if (xl_logistic_fit_newton(&st->lg, fit, NEWTON_ITER, NEWTON_TOL) != 0)
        return 0;
    *x = fit[a];
    *y = fit[b];
    return 1;
}

/* The minimum the plane of the landscape points toward: the Newton fit, when the
 * classes overlap (separable data have none). */
static int optimum(const void *state, const double *theta0, double *theta)
{
    const xl_logistic_state *st = state;
    (void)theta0;
    if (xl_logistic_separation_of(&st->lg) != XL_LOGISTIC_OVERLAP)
        return 0;
    return xl_logistic_fit_newton(&st->lg, theta, NEWTON_ITER, NEWTON_TOL) == 0;
}




/* The scene in words (xl_describe.h): the samples on the line, how many the model puts
 * on the right side, and the selected sample as its bars show it. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_logistic_state *st = state;
    const int right = (int)lround(readouts[R_ACCURACY] * st->lg.n);
    char w[48], b[48], s[48];
    xl_format_fit(w, sizeof w, readouts[R_W], 2, 8);
    xl_format_fit(b, sizeof b, readouts[R_B], 2, 8);
    xl_format_fit(s, sizeof s, readouts[R_SURPRISE_MAX] * unit_scale, 4, 12);
    int used = snprintf(buf, n,
                        xl_tr(tr, N_("%d labelled samples lie on a number line; the curve ŷ = σ(w x + b) is the "
                                     "model's probability of label 1, with w = %s and b = %s. %d of the %d samples "
                                     "are on the right side of 0.5; the most surprising one's surprise is %s %s.")),
                        st->lg.n, w, b, right, st->lg.n, s, unit_name);
    if (st->lg.n > 0 && used > 0 && (size_t)used < n) {
        const int i = selected >= 0 && selected < st->lg.n ? selected : 0;
        xl_bars bb;
        bars(state, theta, i, &bb);
        /* The sample's caption as write_texts makes it, in tr's words. */
        char xs[24], caption[sizeof st->caption[0]];
        format_x(xs, sizeof xs, st->lg.pts[i].x);
        snprintf(caption, sizeof caption, xl_tr(tr, N_("x = %s, label %d")), xs, st->lg.pts[i].y ? 1 : 0);
        xl_binary_said_selected(&bb, i, caption, unit_scale, unit_name, tr, buf + used, n - (size_t)used);
    }
    return 2;
}

const xl_scenario_def xl_scenario_logistic = {
    .id = "logistic",
    .title = N_("logistic regression"),
    .summary = N_("samples on a line: y_hat = sigmoid(w x + b) learns the labels; gradient = error times input"),
    .item_noun = N_("sample"),
    .state_size = sizeof(xl_logistic_state),
    .params = params,
    .param_count = (int)(sizeof params / sizeof params[0]),
    .readouts = readouts,
    .readout_count = R_COUNT,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .panels = XL_PANEL_DATA | XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_LANDSCAPE | XL_PANEL_HISTORY,
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .step_cost = step_cost,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .slice_minimum = slice_minimum,
    .slice_valley = NULL,
    .optimum = optimum,
    .describe = describe,
};

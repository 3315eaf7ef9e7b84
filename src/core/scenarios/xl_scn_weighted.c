/* xl_scn_weighted: the rare-positives scenario (see xl_scn_weighted.h).
 *
 * The model, loss, gradient, fit and floor are xl_weighted's; this file is the record:
 * parameters, the beta commands, readouts and bars.
 *
 * Bars: the selected sample's P = (y, 1 - y) against Q = (y_hat, 1 - y_hat), logs from the
 * logit (ln y_hat = -softplus(-u), ln(1 - y_hat) = -softplus(u)) as in xl_scn_logistic.c,
 * so a sure-and-wrong sample shows its whole surprise. The bars show the unweighted
 * surprise -ln q_y: beta weighs it in the loss, it does not change what Q says.
 *
 * Landscape minimum: the Newton fit at the current beta, cached in the data (xl_weighted
 * refits on every edit), so slice_minimum and optimum cost nothing per frame and move as
 * beta-up / beta-down change the loss.
 */
#include "xl_scn_weighted.h"
#include "xl_i18n.h"
#include "xl_format.h"
#include "xl_scn_binary.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_logistic.h"

_Static_assert(sizeof(xl_weighted_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");

enum { PARAM_POINTS, PARAM_RATE, PARAM_BETA, PARAM_W0, PARAM_B0, PARAM_COUNT };

static const xl_param_def params[PARAM_COUNT] = {
    [PARAM_POINTS] = {"points", XL_WEIGHTED_DEFAULT_POINTS, XL_WEIGHTED_MIN_POINTS, XL_WEIGHTED_MAX_POINTS, 1,
                      N_("number of samples")},
    [PARAM_RATE] = {"rate", XL_WEIGHTED_DEFAULT_RATE, XL_WEIGHTED_RATE_MIN, XL_WEIGHTED_RATE_MAX, 0,
                    N_("share of positives (0.02: 1 in 50)")},
    [PARAM_BETA] = {"beta", XL_SCN_WEIGHTED_BETA, XL_WEIGHTED_BETA_MIN, XL_WEIGHTED_BETA_MAX, 0,
                    N_("weight β of a positive's surprise")},
    [PARAM_W0] = {"w0", XL_SCN_WEIGHTED_W0, -20, 20, 0, N_("starting weight w")},
    [PARAM_B0] = {"b0", XL_SCN_WEIGHTED_B0, -20, 20, 0, N_("starting bias b")},
};

enum { R_LOSS, R_FLOOR, R_GAP, R_BETA, R_RECALL, R_PRECISION, R_LOSS_POS, R_LOSS_NEG, R_W, R_B, R_COUNT };
_Static_assert((int)R_COUNT <= (int)XL_READOUTS_MAX, "readouts fit the table");

static const xl_readout_def readouts[R_COUNT] = {
    [R_LOSS] = {"loss", "L(w,b)", XL_READOUT_INFO, N_("weighted binary cross-entropy")},
    [R_FLOOR] = {"floor", "L*", XL_READOUT_INFO, N_("the best any (w, b) can do at this β")},
    [R_GAP] = {"gap", "L − L*", XL_READOUT_INFO, N_("what learning can still remove")},
    [R_BETA] = {"beta", "β", XL_READOUT_PLAIN, N_("weight of a positive's surprise")},
    [R_RECALL] = {"recall", "recall", XL_READOUT_PROB, N_("share of the positives the model calls positive")},
    [R_PRECISION] = {"precision", "precision", XL_READOUT_PROB, N_("share of the called positives that are")},
    [R_LOSS_POS] = {"loss_pos", "L₊", XL_READOUT_INFO, N_("the positives' share: −mean β y ln ŷ")},
    [R_LOSS_NEG] = {"loss_neg", "L₋", XL_READOUT_INFO, N_("the negatives' share: −mean (1 − y) ln(1 − ŷ)")},
    [R_W] = {"w", "w", XL_READOUT_PLAIN, N_("weight: the slope of the logit w x + b")},
    [R_B] = {"b", "b", XL_READOUT_PLAIN, N_("bias: the logit at x = 0")},
};

static const double LADDER[] = {1, 2, 5, 10, 20, 50, 100};
enum { LADDER_N = (int)(sizeof LADDER / sizeof LADDER[0]) };

double xl_scn_weighted_beta_step(double beta, int dir)
{
    if (dir > 0) {
        for (int i = 0; i < LADDER_N; i++)
            if (LADDER[i] > beta)
                return LADDER[i];
    } else if (dir < 0) {
        for (int i = LADDER_N - 1; i >= 0; i--)
            if (LADDER[i] < beta)
                return LADDER[i];
    }
    return beta;
}

void xl_scn_weighted_recall_precision(const xl_weighted *wd, const double *theta, double *recall,
                                      double *precision)
{
    xl_weighted_counts c = xl_weighted_count(wd, theta);
    *recall = c.tp + c.fn > 0 ? (double)c.tp / (c.tp + c.fn) : 0.0;
    *precision = c.tp + c.fp > 0 ? (double)c.tp / (c.tp + c.fp) : 0.0;
}

static void format_x(char *buf, size_t n, double x)
{
    if (x < 0.0)
        snprintf(buf, n, "−%.2f", -x);
    else
        snprintf(buf, n, "%.2f", x == 0.0 ? 0.0 : x);
}

static void write_texts(xl_weighted_state *st)
{
    memset(st->title, 0, sizeof st->title);
    memset(st->caption, 0, sizeof st->caption);
    int items = st->wd.n < XL_ITEMS_MAX ? st->wd.n : XL_ITEMS_MAX;
    for (int i = 0; i < items; i++) {
        char xs[16];
        int y = xl_weighted_y(&st->wd, i);
        format_x(xs, sizeof xs, xl_weighted_x(&st->wd, i));
        snprintf(st->title[i], sizeof st->title[i], N_("SAMPLE %d"), i + 1);
        snprintf(st->caption[i], sizeof st->caption[i], y ? N_("x = %s, positive") : N_("x = %s, negative"), xs);
    }
}

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_weighted_state *st = state;
    memset(st, 0, sizeof *st);
    if (xl_weighted_init(&st->wd, (int)values[PARAM_POINTS], values[PARAM_RATE], values[PARAM_BETA], seed) != 0) {
        snprintf(err, errlen, "points must be %d to %d, rate %g to %g, beta %g to %g", XL_WEIGHTED_MIN_POINTS,
                 XL_WEIGHTED_MAX_POINTS, XL_WEIGHTED_RATE_MIN, XL_WEIGHTED_RATE_MAX, XL_WEIGHTED_BETA_MIN,
                 XL_WEIGHTED_BETA_MAX);
        return -1;
    }
    /* The same data with beta = 1: where the unweighted fit puts the boundary. */
    xl_weighted one = st->wd;
    st->fit1_ok = xl_weighted_set_beta(&one, 1.0) == 0 && one.fit_ok;
    if (st->fit1_ok)
        memcpy(st->fit1, one.fit, sizeof st->fit1);
    st->theta0[XL_WEIGHTED_W] = values[PARAM_W0];
    st->theta0[XL_WEIGHTED_B] = values[PARAM_B0];
    write_texts(st);
    return 0;
}

static xl_model model(const void *state)
{
    const xl_weighted_state *st = state;
    return xl_weighted_model(&st->wd);
}

static void start(const void *state, double *theta0)
{
    const xl_weighted_state *st = state;
    memcpy(theta0, st->theta0, sizeof st->theta0);
}

static int item_count(const void *state)
{
    const xl_weighted_state *st = state;
    return st->wd.n < XL_ITEMS_MAX ? st->wd.n : XL_ITEMS_MAX;
}

/* Every sample, not only the selectable ones: a weighted sigmoid, its log, the
 * gradient and the boundary's bookkeeping (3 measured). */
static double step_cost(const void *state)
{
    const xl_weighted_state *st = state;
    return XL_STEP_BASE_OPS + 3.0 * st->wd.n;
}

static int population(const void *state)
{
    const xl_weighted_state *st = state;
    return st->wd.n;
}

/* The positives' weight, along its ladder. */
enum { V_BETA_UP, V_BETA_DOWN, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_BETA_UP] = {"beta-up", XL_ARG_NONE, 0, 0, "beta-up", N_("weight β of the positives up: 1, 2, 5, 10, 20, 50, 100"),
                   {{'k', 0}}, N_("K ⇧K β"), "β already at 100, the largest", 0},
    [V_BETA_DOWN] = {"beta-down", XL_ARG_NONE, 0, 0, "beta-down", N_("weight β of the positives down"), {{'k', 1}}, NULL,
                     "β already at 1, the smallest", 0},
};
static const char *const hint_bar[] = {"beta-up", "select-next", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_weighted_state *st = state;
    (void)selected;
    (void)cmd;
    if (verb != V_BETA_UP && verb != V_BETA_DOWN)
        return XL_APPLY_NOT_MINE;
    int up = verb == V_BETA_UP;
    double next = xl_scn_weighted_beta_step(st->wd.beta, up ? 1 : -1);
    if (next == st->wd.beta) {
        snprintf(err, errlen, "%s: β is already %g, the %s", verbs[verb].name, st->wd.beta,
                 up ? "largest" : "smallest");
        return XL_APPLY_REFUSED;
    }
    if (xl_weighted_set_beta(&st->wd, next) != 0) {
        snprintf(err, errlen, "%s: β = %g is not allowed", verbs[verb].name, next);
        return XL_APPLY_REFUSED;
    }
    return XL_APPLY_DONE;
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_weighted_state *st = state;
    out[R_LOSS] = xl_weighted_loss(&st->wd, theta);
    out[R_FLOOR] = st->wd.floor;
    /* The floor is the loss at the fit, computed apart: a residue below 0 of a few ulps
     * near the minimum is 0 (as xl_sim decides). */
    double gap = out[R_LOSS] - out[R_FLOOR];
    out[R_GAP] = gap < 0.0 && -gap <= 64.0 * DBL_EPSILON * (fabs(out[R_LOSS]) + fabs(out[R_FLOOR])) ? 0.0 : gap;
    out[R_BETA] = st->wd.beta;
    xl_scn_weighted_recall_precision(&st->wd, theta, &out[R_RECALL], &out[R_PRECISION]);
    xl_weighted_loss_parts(&st->wd, theta, &out[R_LOSS_POS], &out[R_LOSS_NEG]);
    out[R_W] = theta[XL_WEIGHTED_W];
    out[R_B] = theta[XL_WEIGHTED_B];
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_weighted_state *st = state;
    if (selected < 0 || selected >= item_count(state)) {
        xl_binary_sample_bars(out, 0, 0, 0.0, NULL, NULL);
        return;
    }
    double u = theta[XL_WEIGHTED_W] * xl_weighted_x(&st->wd, selected) + theta[XL_WEIGHTED_B];
    xl_binary_sample_bars(out, 1, xl_weighted_y(&st->wd, selected), u, st->title[selected], st->caption[selected]);
}

static int slice_minimum(const void *state, const double *theta, int a, int b, double *x, double *y)
{
    const xl_weighted_state *st = state;
    (void)theta;
    if (!st->wd.fit_ok || a < 0 || b < 0 || a >= XL_WEIGHTED_PARAMS || b >= XL_WEIGHTED_PARAMS || a == b)
        return 0;
    *x = st->wd.fit[a];
    *y = st->wd.fit[b];
    return 1;
}

static int optimum(const void *state, const double *theta0, double *theta)
{
    const xl_weighted_state *st = state;
    (void)theta0;
    if (!st->wd.fit_ok)
        return 0;
    memcpy(theta, st->wd.fit, sizeof st->wd.fit);
    return 1;
}




/* The scene in words (xl_describe.h): beta, recall and precision as the data panel
 * shows them, and the selected sample as its bars show it. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_weighted_state *st = state;
    (void)readouts;
    double recall = 0.0, precision = 0.0;
    xl_scn_weighted_recall_precision(&st->wd, theta, &recall, &precision);
    const xl_weighted_counts cnt = xl_weighted_count(&st->wd, theta);
    char bs[16], rs[16], ps[16];
    /* The data panel's forms (ui_panel_weighted.c). */
    xl_format_fit(bs, sizeof bs, st->wd.beta, 0, 4);
    xl_format_fit(rs, sizeof rs, 100.0 * recall, 0, 4);
    xl_format_fit(ps, sizeof ps, 100.0 * precision, 0, 4);
    int used = snprintf(buf, n,
                        xl_tr(tr, N_("%d samples on a line, %d of them rare positives; a positive's surprise weighs "
                                     "β = %s times a negative's. The model calls %d of the %d positives positive: "
                                     "recall %s%%, precision %s%%.")),
                        st->wd.n, st->wd.npos, bs, cnt.tp, cnt.tp + cnt.fn, rs, ps);
    const int items = st->wd.n < XL_ITEMS_MAX ? st->wd.n : XL_ITEMS_MAX;
    if (items > 0 && used > 0 && (size_t)used < n) {
        const int i = selected >= 0 && selected < items ? selected : 0;
        xl_bars bb;
        bars(state, theta, i, &bb);
        /* The sample's caption as write_texts makes it, in tr's words. */
        char xs[16], caption[sizeof st->caption[0]];
        format_x(xs, sizeof xs, xl_weighted_x(&st->wd, i));
        snprintf(caption, sizeof caption,
                 xl_weighted_y(&st->wd, i) ? xl_tr(tr, N_("x = %s, positive")) : xl_tr(tr, N_("x = %s, negative")), xs);
        xl_binary_said_selected(&bb, i, caption, unit_scale, unit_name, tr, buf + used, n - (size_t)used);
    }
    return 2;
}

const xl_scenario_def xl_scenario_weighted = {
    .id = "weighted",
    .title = N_("weighted cross-entropy, rare positives"),
    /* The source's binders are a million to one; 1 in 50 keeps a few of them among the
     * hundreds of samples a screen can show and count. */
    .summary = N_("rare positives, drug binding scaled down from a million to one to 1 in 50 so a screen of samples "
               "holds a few; weight β on the positives moves the boundary"),
    .item_noun = N_("sample"),
    .state_size = sizeof(xl_weighted_state),
    .params = params,
    .param_count = PARAM_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .panels = XL_PANEL_DATA | XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_LANDSCAPE | XL_PANEL_HISTORY,
    .identity_note = NULL,
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .step_cost = step_cost,
    .population = population,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .slice_minimum = slice_minimum,
    .slice_valley = NULL,
    .optimum = optimum,
    .describe = describe,
};

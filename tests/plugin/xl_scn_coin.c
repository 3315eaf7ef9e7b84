/* xl_scn_coin: a biased coin learned by cross-entropy (see xl_scn_coin.h). */
#include "xl_scn_coin.h"

#include <math.h>
#include <stdio.h>

/* log σ(x) = −log(1 + e^{−x}), exact for any finite x (no 1 − q cancels). */
static double log_sigmoid(double x)
{
    return x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x));
}

static double entropy2(double p)
{
    double h = 0.0;
    if (p > 0.0) h -= p * log(p);
    if (p < 1.0) h -= (1.0 - p) * log1p(-p);
    return h;
}

static double coin_loss(const void *self, const double *t)
{
    const xl_coin_state *st = self;
    /* Terms with weight 0 are 0, not 0 · ∞. */
    double l = 0.0;
    if (st->p > 0.0) l -= st->p * log_sigmoid(t[0]);
    if (st->p < 1.0) l -= (1.0 - st->p) * log_sigmoid(-t[0]);
    return l;
}

static void coin_gradient(const void *self, const double *t, double *g)
{
    const xl_coin_state *st = self;
    g[0] = exp(log_sigmoid(t[0])) - st->p; /* q − p */
}

static double coin_floor(const void *self)
{
    return entropy2(((const xl_coin_state *)self)->p);
}

static int coin_param_count(const void *self)
{
    (void)self;
    return 1;
}

static unsigned long coin_version(const void *self)
{
    return ((const xl_coin_state *)self)->version;
}

static const char *coin_param_name(const void *self, int i)
{
    (void)self;
    (void)i;
    return "θ, the logit of heads";
}

static const xl_model_ops coin_ops = {
    .id = "coin", .loss = coin_loss, .gradient = coin_gradient, .floor = coin_floor,
    .param_count = coin_param_count, .version = coin_version, .param_name = coin_param_name,
};

static const xl_param_def params[] = {
    {"p", 0.7, 0.0, 1.0, 0, "the true probability of heads"},
};

static const xl_readout_def readouts[] = {
    {"loss", "H(P,Q)", XL_READOUT_INFO, "cross-entropy: the loss"},
    {"entropy", "H(P)", XL_READOUT_INFO, "entropy: inherent"},
    {"kl", "D_KL(P‖Q)", XL_READOUT_INFO, "KL: the imperfection"},
    {"q", "q", XL_READOUT_PROB, "the predicted probability of heads"},
};

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    (void)seed;
    (void)err;
    (void)errlen;
    xl_coin_state *st = state;
    *st = (xl_coin_state){values[0], values[0], -2.0, 1};
    return 0;
}

static xl_model model(const void *state)
{
    xl_model m = {&coin_ops, state};
    return m;
}

static void start(const void *state, double *theta0)
{
    theta0[0] = ((const xl_coin_state *)state)->theta0;
}

static int item_count(const void *state)
{
    (void)state;
    return 2;
}

/* Its own verbs: the parser, the key map, the help sheet, --list-commands and lesson
 * --check read this table; apply gets the index. */
enum { V_FAIR, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_FAIR] = {"fair", XL_ARG_NONE, 0, 0, "fair", "make the coin fair: p = 1/2", {{'u', 0}}, "U fair", NULL, 0},
};
static const char *const hint_bar[] = {"fair", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    (void)cmd;
    (void)selected;
    (void)err;
    (void)errlen;
    xl_coin_state *st = state;
    switch (verb) {
    case V_FAIR:
        st->p = 0.5;
        st->version++;
        return XL_APPLY_DONE;
    default:
        return XL_APPLY_NOT_MINE; /* set-p: the bars are not dragged here */
    }
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_coin_state *st = state;
    out[0] = coin_loss(st, theta);
    out[1] = entropy2(st->p);
    out[2] = out[0] - out[1] < 0.0 ? 0.0 : out[0] - out[1];
    out[3] = exp(log_sigmoid(theta[0]));
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_coin_state *st = state;
    out->n = 2;
    out->names[0] = "heads";
    out->names[1] = "tails";
    out->p[0] = st->p;
    out->p[1] = 1.0 - st->p;
    out->logq[0] = log_sigmoid(theta[0]);
    out->logq[1] = log_sigmoid(-theta[0]);
    out->selected = selected;
    out->title = "TRUE P vs PREDICTED Q";
    out->caption = "q = σ(θ) learns the coin's p";
    out->q_label = "Q = σ(θ)";
}

const xl_scenario_def xl_scenario_coin = {
    .id = "coin",
    .title = "biased coin",
    .summary = "a biased coin: q = σ(θ) learns P(heads) by cross-entropy (the worked plug-in example)",
    .item_noun = "side",
    .state_size = sizeof(xl_coin_state),
    .params = params,
    .param_count = (int)(sizeof params / sizeof params[0]),
    .readouts = readouts,
    .readout_count = (int)(sizeof readouts / sizeof readouts[0]),
    .panels = XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_HISTORY,
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
};

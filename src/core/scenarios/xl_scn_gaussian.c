/* xl_scn_gaussian: the Gaussian scenario (see xl_scn_gaussian.h).
 *
 * The model, loss, gradient and floor are xl_gauss's; this file adds the record around
 * them: parameters, the edits of P as commands, the readouts and the bars.
 *
 * Bars. The bars compare discrete distributions, so the voltage axis is cut into bins
 * and each bar is a distribution's probability mass in its bin. The bins are fixed on P,
 * not on both densities: they move only when P is edited, so a bar's change between
 * steps is Q learning, never the axis sliding. Eleven bins half a sigma_p wide cover
 * mu_p ± 2.75 sigma_p, and the two outer bins are the open tails below and above, so each
 * distribution's masses sum to 1 exactly and a Q far off (or far too wide) shows its mass
 * piled in a tail rather than lost off the edge. Masses come from erf / erfc exactly and
 * log q from xl_gauss_log_mass, which stays finite and true where the mass underflows
 * (a narrow Q far from a bin), so every bar's surprise -ln q is the number it is.
 * The highlighted bin is the one holding mu_p, the most likely voltage.
 *
 * Landscape. theta = (mu_q, log sigma_q) is the whole landscape; its minimum is Q = P,
 * at (mu_p, log sigma_p), exactly.
 */
#include "xl_scn_gaussian.h"
#include "xl_i18n.h"
#include "xl_format.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(xl_gaussian_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");
_Static_assert((int)XL_SCN_GAUSS_BINS <= (int)XL_ITEMS_MAX, "the bins must fit the bars");

enum { PARAM_MU_P, PARAM_SIGMA_P, PARAM_MU_Q0, PARAM_SIGMA_Q0, PARAM_COUNT };

static const xl_param_def params[PARAM_COUNT] = {
    [PARAM_MU_P] = { "mu_p", XL_SCN_GAUSS_MU_P, -XL_SCN_GAUSS_MU_LIMIT, XL_SCN_GAUSS_MU_LIMIT, 0,
                     N_("mean of the true voltage P, volts") },
    [PARAM_SIGMA_P] = { "sigma_p", XL_SCN_GAUSS_SIGMA_P, XL_SCN_GAUSS_SIGMA_MIN, XL_SCN_GAUSS_SIGMA_MAX, 0,
                        N_("standard deviation (noise) of P, volts") },
    [PARAM_MU_Q0] = { "mu_q0", XL_SCN_GAUSS_MU_Q0, -XL_SCN_GAUSS_MU_LIMIT, XL_SCN_GAUSS_MU_LIMIT, 0,
                      N_("starting mean of the model Q, volts") },
    [PARAM_SIGMA_Q0] = { "sigma_q0", XL_SCN_GAUSS_SIGMA_Q0, XL_SCN_GAUSS_SIGMA_MIN, XL_SCN_GAUSS_SIGMA_MAX, 0,
                         N_("starting standard deviation of Q, volts") },
};

/* Indices into readouts[] (0..2 are loss, floor, gap for every scenario). */
enum { R_LOSS, R_ENTROPY, R_KL, R_MU_P, R_SIGMA_P, R_MU_Q, R_SIGMA_Q, R_SPREAD, R_MISMATCH, R_LR_STABLE, R_COUNT };

static const xl_readout_def readouts[R_COUNT] = {
    [R_LOSS] = { "loss", "H(p,q)", XL_READOUT_INFO, N_("cross-entropy of the densities: the loss") },
    /* Not "inherent": a differential entropy depends on the unit of the variable and may
     * be below 0 (sigma_p < 0.242 V), as no amount of inherent uncertainty can. */
    [R_ENTROPY] = { "entropy", "H(p)", XL_READOUT_INFO, N_("differential entropy of P: the floor") },
    [R_KL] = { "kl", "D_KL(p‖q)", XL_READOUT_INFO, N_("KL: the imperfection") },
    [R_MU_P] = { "mu_p", "μ_p", XL_READOUT_PLAIN, N_("mean of the true voltage, V") },
    [R_SIGMA_P] = { "sigma_p", "σ_p", XL_READOUT_PLAIN, N_("noise of the true voltage, V") },
    [R_MU_Q] = { "mu_q", "μ_q", XL_READOUT_PLAIN, N_("the model's mean, V") },
    [R_SIGMA_Q] = { "sigma_q", "σ_q", XL_READOUT_PLAIN, N_("the model's standard deviation, V") },
    [R_SPREAD] = { "spread", "½ ln(2π σ_q²)", XL_READOUT_INFO, N_("the width Q claims") },
    [R_MISMATCH] = { "mismatch", "(σ_p² + (μ_p − μ_q)²) / 2σ_q²", XL_READOUT_INFO,
                     "how badly Q's width covers P's spread and offset" },
    [R_LR_STABLE] = { "lr_stable", "min(2σ_p², 1)", XL_READOUT_PLAIN,
                      "the largest learning rate with which gradient descent settles at Q = P" },
};

/* A voltage as the bars name it: up to 3 significant digits, the true minus sign. */
static void format_volts(char *buf, size_t n, const char *prefix, double v)
{
    if (fabs(v) < 5e-13)
        v = 0.0;
    if (v < 0.0)
        snprintf(buf, n, "%s−%.3g V", prefix, -v);
    else
        snprintf(buf, n, "%s%.3g V", prefix, v);
}

/* The bins' edges and names, after any change of P. */
static void write_bins(xl_gaussian_state *st)
{
    const double mu = st->g.mu_p, w = 0.5 * st->g.sigma_p;
    const int half = XL_SCN_GAUSS_INNER / 2; /* inner bins each side of the middle one */
    st->edges[0] = -INFINITY;
    st->edges[XL_SCN_GAUSS_BINS] = INFINITY;
    for (int k = 1; k < XL_SCN_GAUSS_BINS; k++)
        st->edges[k] = mu + (k - 1 - half - 0.5) * w;
    memset(st->names, 0, sizeof st->names);
    for (int i = 1; i <= XL_SCN_GAUSS_INNER; i++)
        format_volts(st->names[i], sizeof st->names[i], "", mu + (i - 1 - half) * w);
    format_volts(st->names[0], sizeof st->names[0], "< ", st->edges[1]);
    format_volts(st->names[XL_SCN_GAUSS_BINS - 1], sizeof st->names[0], "> ", st->edges[XL_SCN_GAUSS_BINS - 1]);
}

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_gaussian_state *st = state;
    (void)seed; /* nothing random */
    (void)err;
    (void)errlen;
    memset(st, 0, sizeof *st);
    xl_gauss_init(&st->g, values[PARAM_MU_P], values[PARAM_SIGMA_P]);
    st->mu_p0 = values[PARAM_MU_P];
    st->sigma_p0 = values[PARAM_SIGMA_P];
    st->theta0[XL_GAUSS_MU] = values[PARAM_MU_Q0];
    st->theta0[XL_GAUSS_LOG_SIGMA] = log(values[PARAM_SIGMA_Q0]);
    write_bins(st);
    return 0;
}

static xl_model model(const void *state)
{
    const xl_gaussian_state *st = state;
    return xl_gauss_model(&st->g);
}

static void start(const void *state, double *theta0)
{
    const xl_gaussian_state *st = state;
    memcpy(theta0, st->theta0, sizeof st->theta0);
}

/* One item: the density P (select has nothing else to pick). */
static int item_count(const void *state)
{
    (void)state;
    return 1;
}

/* P = N(mu, sigma^2) if both lie within the parameters' ranges, else a reason. */
static xl_apply_result set_p(xl_gaussian_state *st, const char *what, double mu, double sigma, char *err,
                             size_t errlen)
{
    /* A few ulps of slack: 1.25^k steps and 0.25 V steps land on the bounds. */
    if (!(fabs(mu) <= XL_SCN_GAUSS_MU_LIMIT * (1.0 + 1e-12))) {
        snprintf(err, errlen, "%s: μ_p must stay within ±%g V", what, XL_SCN_GAUSS_MU_LIMIT);
        return XL_APPLY_REFUSED;
    }
    if (!(sigma >= XL_SCN_GAUSS_SIGMA_MIN * (1.0 - 1e-12) && sigma <= XL_SCN_GAUSS_SIGMA_MAX * (1.0 + 1e-12))) {
        snprintf(err, errlen, "%s: σ_p must stay within %g to %g V", what, XL_SCN_GAUSS_SIGMA_MIN,
                 XL_SCN_GAUSS_SIGMA_MAX);
        return XL_APPLY_REFUSED;
    }
    if (xl_gauss_set_p(&st->g, mu, sigma) != 0) {
        snprintf(err, errlen, "%s: P was not accepted", what);
        return XL_APPLY_REFUSED;
    }
    write_bins(st);
    return XL_APPLY_DONE;
}

/* Edits of the true P = N(mu, sigma^2): its mean, its width, both, back to the start. */
enum { V_P_UP, V_P_DOWN, V_WIDTH_UP, V_WIDTH_DOWN, V_P_RESTORE, V_SET_NORMAL, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_P_UP] = {"p-up", XL_ARG_NONE, 0, 0, "p-up", N_("move the true P's mean up by 0.25 V"), {{XL_KEY_UP, 0}},
                N_("↑/↓ mean"), "a mean that leaves the volts shown", 0},
    [V_P_DOWN] = {"p-down", XL_ARG_NONE, 0, 0, "p-down", N_("move the true P's mean down by 0.25 V"),
                  {{XL_KEY_DOWN, 0}}, NULL, "a mean that leaves the volts shown", 0},
    [V_WIDTH_UP] = {"width-up", XL_ARG_NONE, 0, 0, "width-up", N_("widen P: its sigma times 1.25"), {{'w', 0}},
                    N_("W ⇧W width"), "a width beyond its range", 0},
    [V_WIDTH_DOWN] = {"width-down", XL_ARG_NONE, 0, 0, "width-down", N_("narrow P: its sigma divided by 1.25"),
                      {{'w', 1}}, NULL, "a width beyond its range", 0},
    [V_P_RESTORE] = {"p-restore", XL_ARG_NONE, 0, 0, "p-restore", N_("P back to the scenario's start (reset keeps P)"),
                     {{'p', 0}}, N_("P restore P"), NULL, 0},
    [V_SET_NORMAL] = {"set-normal", XL_ARG_LIST, 0, 0, "set-normal MU,SIGMA", "the true P = N(MU, SIGMA^2), volts",
                      {{0}}, NULL, "a mean or a width beyond their ranges", XL_VERB_DRAG},
};
static const char *const hint_bar[] = {"p-up", "width-up", "p-restore", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_gaussian_state *st = state;
    const double mu = st->g.mu_p, sigma = st->g.sigma_p;
    (void)selected;
    switch (verb) {
    case V_P_UP:
        return set_p(st, "p-up", mu + XL_SCN_GAUSS_MU_STEP, sigma, err, errlen);
    case V_P_DOWN:
        return set_p(st, "p-down", mu - XL_SCN_GAUSS_MU_STEP, sigma, err, errlen);
    case V_WIDTH_UP:
        return set_p(st, "width-up", mu, sigma * XL_SCN_GAUSS_WIDTH_STEP, err, errlen);
    case V_WIDTH_DOWN:
        return set_p(st, "width-down", mu, sigma / XL_SCN_GAUSS_WIDTH_STEP, err, errlen);
    case V_P_RESTORE:
        return set_p(st, "p-restore", st->mu_p0, st->sigma_p0, err, errlen);
    case V_SET_NORMAL:
        if (cmd->count != 2) {
            snprintf(err, errlen, "set-normal needs two numbers, the mean and the width, e.g. set-normal 5,1");
            return XL_APPLY_REFUSED;
        }
        return set_p(st, "set-normal", cmd->list[0], cmd->list[1], err, errlen);
    default:
        return XL_APPLY_NOT_MINE;
    }
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_gaussian_state *st = state;
    xl_gauss_terms(&st->g, theta, &out[R_SPREAD], &out[R_MISMATCH]);
    out[R_LOSS] = out[R_SPREAD] + out[R_MISMATCH];
    out[R_ENTROPY] = xl_gauss_entropy(&st->g);
    /* Gibbs: KL >= 0; a residue of rounding below 0 is 0 (xl_sim decides the same). */
    double gap = out[R_LOSS] - out[R_ENTROPY];
    out[R_KL] = gap < 0.0 && -gap <= 64.0 * DBL_EPSILON * (fabs(out[R_LOSS]) + fabs(out[R_ENTROPY])) ? 0.0 : gap;
    out[R_MU_P] = st->g.mu_p;
    out[R_SIGMA_P] = st->g.sigma_p;
    out[R_MU_Q] = theta[XL_GAUSS_MU];
    out[R_SIGMA_Q] = exp(theta[XL_GAUSS_LOG_SIGMA]);
    out[R_LR_STABLE] = xl_gauss_lr_stable(&st->g);
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_gaussian_state *st = state;
    (void)selected;
    memset(out, 0, sizeof *out);
    const double mu_q = theta[XL_GAUSS_MU], sigma_q = exp(theta[XL_GAUSS_LOG_SIGMA]);
    out->n = XL_SCN_GAUSS_BINS;
    for (int i = 0; i < XL_SCN_GAUSS_BINS; i++) {
        out->names[i] = st->names[i];
        out->p[i] = exp(xl_gauss_log_mass(st->g.mu_p, st->g.sigma_p, st->edges[i], st->edges[i + 1]));
        /* sigma_q overflows or underflows only for |log sigma_q| > 709, past a divergence
         * the simulation has already refused; Q is then shown as the limit it tends to. */
        if (sigma_q > 0.0 && isfinite(sigma_q) && isfinite(mu_q))
            out->logq[i] = xl_gauss_log_mass(mu_q, sigma_q, st->edges[i], st->edges[i + 1]);
        else
            out->logq[i] = -log((double)XL_SCN_GAUSS_BINS);
    }
    out->selected = XL_SCN_GAUSS_BINS / 2;
    out->title = N_("VOLTAGE BINS"); /* the bars often get a narrow panel: short */
    out->caption = N_("P and Q mass in bins σ_p / 2 wide, tails at the ends");
    out->q_label = N_("Q = N(μ_q, σ_q²)");
}

static int slice_minimum(const void *state, const double *theta, int a, int b, double *x, double *y)
{
    const xl_gaussian_state *st = state;
    (void)theta; /* two parameters: no others to hold fixed */
    if (a == b || a < 0 || b < 0 || a >= XL_GAUSS_PARAMS || b >= XL_GAUSS_PARAMS)
        return 0;
    const double best[XL_GAUSS_PARAMS] = { st->g.mu_p, log(st->g.sigma_p) };
    *x = best[a];
    *y = best[b];
    return 1;
}

static int optimum(const void *state, const double *theta0, double *theta)
{
    const xl_gaussian_state *st = state;
    (void)theta0;
    theta[XL_GAUSS_MU] = st->g.mu_p;
    theta[XL_GAUSS_LOG_SIGMA] = log(st->g.sigma_p);
    return 1;
}

static const char *slice_note(const void *state, int a, int b, int valley)
{
    (void)state;
    (void)a;
    (void)b;
    (void)valley;
    return N_("the whole landscape: the minimum is Q = P, at μ_q = μ_p, σ_q = σ_p");
}

/* Under the identity, when H(p) < 0 (the floor's marker says it depends on the unit):
 * the same P's entropy in millivolts, short enough for a narrow panel. A
 * density in V⁻¹ is 1000 times its density in mV⁻¹, so -E ln p grows by ln 1000 from
 * volts to millivolts: the same P has H(p) + 6.908 nats in mV. Otherwise 0 (the selected
 * bin's line). */
static int summary_line(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        xl_tr_fn tr, char *buf, size_t n)
{
    const xl_gaussian_state *st = state;
    (void)theta;
    const double h = xl_gauss_entropy(&st->g);
    if (!(h < 0.0))
        return 0;
    const double mv = (h + log(1000.0)) * unit_scale;
    snprintf(buf, n, xl_tr(tr, N_("in mV: H(p) = %s%.3f %s")), mv < 0.0 ? "−" : "", fabs(mv), unit_name);
    return 1;
}



/* The scene in words (xl_describe.h): P and Q as the data panel's legend shows them. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_gaussian_state *st = state;
    char a[24], b[24], c[24], d[24];
    /* The legend's forms (ui_panel_gaussian.c). */
    xl_format_fit(a, sizeof a, st->g.mu_p, 2, 7);
    xl_format_fit(b, sizeof b, st->g.sigma_p, 2, 7);
    xl_format_fit(c, sizeof c, readouts[R_MU_Q], 2, 7);
    xl_format_fit(d, sizeof d, readouts[R_SIGMA_Q], 2, 7);
    snprintf(buf, n,
             xl_tr(tr, N_("A voltage with noise: the true density P = N(%s, %s²) in volts, and the model's Q = "
                          "N(%s, %s²) learning its mean and width.")),
             a, b, c, d);
    /* The selected bar is a voltage bin (the VOLTAGE BINS panel), not a density: its
     * probability mass, said with the bin's edges, as the panel's caption gives them
     * (σ_p / 2 wide, the open tails at the ends). */
    xl_bars bs;
    bars(state, theta, selected, &bs);
    const int sel = bs.selected; /* the one density is the item; the bar picked is the middle bin */
    char lo[32], hi[32], where[96], ps[48], qs[48], sp[48];
    format_volts(lo, sizeof lo, "", st->edges[sel]);
    format_volts(hi, sizeof hi, "", st->edges[sel + 1]);
    /* Where the bin lies is a phrase of its own in every language (a place, after "bin"). */
    if (sel == 0) snprintf(where, sizeof where, xl_tr(tr, N_("below %s, the lower tail")), hi);
    else if (sel == bs.n - 1) snprintf(where, sizeof where, xl_tr(tr, N_("above %s, the upper tail")), lo);
    else snprintf(where, sizeof where, xl_tr(tr, N_("around %s, from %s to %s")), st->names[sel], lo, hi);
    const double surprise = -bs.logq[sel] * unit_scale;
    xl_format_fit(sp, sizeof sp, surprise < 0.0 ? 0.0 : surprise, 3, 9);
    xl_format_prob_log(qs, sizeof qs, bs.logq[sel], 3);
    xl_format_prob_log(ps, sizeof ps, bs.p[sel] > 0.0 ? log(bs.p[sel]) : -INFINITY, 3);
    const size_t used = strlen(buf);
    if (used + 1 < n)
        snprintf(buf + used, n - used,
                 xl_tr(tr, N_(" Selected voltage bin %s: true probability %s, predicted probability %s, surprise if "
                              "the voltage lands in it %s %s.")),
                 where, ps, qs, sp, unit_name);
    return 2;
}

const xl_scenario_def xl_scenario_gaussian = {
    .id = "gaussian",
    .title = N_("Gaussians"),
    .summary = N_("continuous distributions, the voltage example: Q = N(mu_q, sigma_q^2) learns P = N(mu_p, sigma_p^2)"),
    .item_noun = N_("density"),
    .state_size = sizeof(xl_gaussian_state),
    .params = params,
    .param_count = PARAM_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .panels = XL_PANEL_DATA | XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_LANDSCAPE | XL_PANEL_HISTORY,
    .identity_title = N_("LOSS = FLOOR + IMPERFECTION"),
    .identity_note = N_("Learning can only remove the KL part: as Q → P, H(p,q) falls to H(p)."),
    .summary_line = summary_line,
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .continuous = "the voltage is continuous: its bins' Hα would measure the binning, not the source",
    .slice_minimum = slice_minimum,
    .slice_valley = NULL,
    .optimum = optimum,
    .slice_note = slice_note,
    .describe = describe,
};

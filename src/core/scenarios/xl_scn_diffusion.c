/* xl_scn_diffusion: the diffusion scenario (see xl_scn_diffusion.h).
 *
 * The truth rho(t) lives in the classifier's P, so the model, its loss H(rho(t), Q), the
 * floor H(rho(t)) and the gradient q - rho are the softmax classifier's; evolve moves P
 * one diffusion step and touches the classifier, whose version tells the runs the truth
 * moved. Q starts near rho(0), ln(rho(0) + 0.01) (what the observer assumed, never a
 * log of 0), so without learning the history shows the cross-entropy rising as rho
 * spreads away from it.
 */
#include "xl_scn_diffusion.h"
#include "xl_i18n.h"
#include "xl_format.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_info.h"

_Static_assert(sizeof(xl_diffusion_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");
_Static_assert((int)XL_RING_MAX <= (int)XL_MAX_CLASSES, "the cells must fit the classifier");

enum { PARAM_K, PARAM_RATE, PARAM_DETECTOR, PARAM_START, PARAM_LEARN, PARAM_ENERGY, PARAM_BETA, PARAM_COUNT };

static const xl_param_def params[PARAM_COUNT] = {
    [PARAM_K] = { "k", 16, XL_RING_MIN, XL_RING_MAX, 1, N_("cells on the ring") },
    /* Below 1/2: the step's eigenvalues are 1 - 2 rate (1 - cos(2 pi j / k)), and at rate
     * 1/2 the one of j = k/2 on an even ring is -1, so the chain is periodic: it swaps its
     * odd and even cells forever and never reaches heat death (k = 16: H stays 2.7144 <
     * ln 16). At 0.45 that eigenvalue is -0.8, which dies out within a few dozen steps. */
    [PARAM_RATE] = { "rate", 0.1, 0.001, XL_DIFFUSION_RATE_MAX, 0,
                     N_("share of a cell's probability moving to each neighbour per step (at most 0.45: at 0.5 an "
                     "even ring only swaps its odd and even cells and never reaches heat death)") },
    [PARAM_DETECTOR] = { "detector", 1.0, XL_DIFFUSION_WIDTH_MIN, XL_DIFFUSION_WIDTH_MAX, 0,
                         N_("the detector's width (standard deviation), cells") },
    [PARAM_START] = { "start", 0, 0, XL_RING_PRESETS - 1, 1, N_("rho(0): 0 peaked, 1 two-peaked, 2 uniform") },
    [PARAM_LEARN] = { "learn", 0, 0, 1, 1, N_("1: the model Q learns rho(t) from the start") },
    [PARAM_ENERGY] = { "energy", 0, 0, XL_RING_ENERGIES - 1, 1,
                       N_("the cells' energies: 0 flat (no heat), 1 well, 2 two-wells, 3 tilt") },
    [PARAM_BETA] = { "beta", 1, 0, XL_DIFFUSION_BETA_MAX, 0,
                     N_("inverse temperature: hops uphill by dE are accepted with exp(-beta dE)") },
};

enum { R_LOSS, R_ENTROPY, R_KL, R_ENTROPY_MAX, R_CE_INITIAL, R_CE_FINAL, R_P_MEASURE, R_T, R_LEARNING, R_RATE,
       R_DETECTOR, R_HEAT, R_COUNT };
_Static_assert((int)R_COUNT <= (int)XL_READOUTS_MAX, "readouts fit the table");

static const xl_readout_def readouts[R_COUNT] = {
    [R_LOSS] = { "loss", "H(ρ,Q)", XL_READOUT_INFO, N_("cross-entropy: the model's expected surprise") },
    [R_ENTROPY] = { "entropy", "H(ρ(t))", XL_READOUT_INFO, N_("entropy of ρ(t): on a flat ring it rises to ln K") },
    [R_KL] = { "kl", "D_KL(ρ‖Q)", XL_READOUT_INFO, N_("KL: what learning can remove") },
    [R_ENTROPY_MAX] = { "entropy_max", "H(π)", XL_READOUT_INFO,
                        "heat death: H of Boltzmann's π ∝ e^(−βE), where ρ(t) ends; ln K on a flat ring" },
    [R_CE_INITIAL] = { "ce_initial", "H(ρₘ(0), ρ(0))", XL_READOUT_INFO, N_("updated vs assumed, at the start") },
    [R_CE_FINAL] = { "ce_final", "H(ρₘ(t), ρ(t))", XL_READOUT_INFO, N_("updated vs assumed, at the measurement") },
    [R_P_MEASURE] = { "p_measure", "P(m)", XL_READOUT_PROB, N_("how expected the reading was under ρ(t)") },
    [R_T] = { "t", "t", XL_READOUT_PLAIN, N_("diffusion steps since ρ(0)") },
    [R_LEARNING] = { "learning", "learn", XL_READOUT_PLAIN, N_("1 while Q learns ρ(t)") },
    [R_RATE] = { "rate", "r", XL_READOUT_PLAIN, N_("share moving to each neighbour per step") },
    [R_DETECTOR] = { "detector", "w", XL_READOUT_PLAIN, N_("the detector's width, cells") },
    [R_HEAT] = { "heat", "⟨Q⟩", XL_READOUT_INFO, N_("heat released to the environment (k_B T) over the updated paths") },
};

static const char *const preset_names[XL_RING_PRESETS] = { "peaked", "two-peaked", "uniform" };
static const char *const energy_names[XL_RING_ENERGIES] = { "flat", "well", "two-wells", "tilt" };

const char *xl_diffusion_preset_name(xl_ring_preset p)
{
    assert(p >= 0 && p < XL_RING_PRESETS);
    return preset_names[p];
}

const char *xl_diffusion_energy_name(xl_ring_energy e)
{
    assert(e >= 0 && e < XL_RING_ENERGIES);
    return energy_names[e];
}

xl_ring_dynamics xl_diffusion_dynamics(const xl_diffusion_state *st)
{
    return (xl_ring_dynamics){ st->k, st->rate, st->e, st->beta };
}

/* The energies of the landscape, from 0 to 2 (in units of epsilon, beta in 1/epsilon):
 * a well at cell 1 with its hill at the middle cell (where the peaked rho(0) sits, so it
 * rolls down and releases heat), two wells (cell 1 and the middle) with hills between,
 * or a tilt rising from cell 1 to cell K with a drop back to cell 1. */
static void write_energies(xl_diffusion_state *st)
{
    const int k = st->k;
    const double two_pi = 6.283185307179586;
    for (int x = 0; x < k; x++) {
        double e = 0.0;
        switch (st->energy) {
        case XL_RING_WELL: e = 1.0 - cos(two_pi * x / k); break;
        case XL_RING_TWO_WELLS: e = 1.0 - cos(2.0 * two_pi * x / k); break;
        case XL_RING_TILT: e = 2.0 * x / (k - 1); break;
        default: break;
        }
        st->e[x] = e;
    }
}

/* rho(0) for the preset: a bump of standard deviation 0.6 cells around the middle
 * cell (all mass near it), two such bumps a half-ring apart, or uniform. */
static void write_rho0(xl_diffusion_state *st)
{
    const int k = st->k;
    int centre[2] = { k / 2, (k / 2 + k / 2) % k };
    int bumps = 1;
    if (st->preset == XL_RING_TWO_PEAKED) {
        centre[0] = k / 4;
        centre[1] = (k / 4 + k / 2) % k;
        bumps = 2;
    }
    for (int x = 0; x < k; x++) {
        if (st->preset == XL_RING_UNIFORM) {
            st->rho0[x] = 1.0;
            continue;
        }
        double w = 0.0;
        for (int b = 0; b < bumps; b++) {
            int d = x > centre[b] ? x - centre[b] : centre[b] - x;
            int r = d < k - d ? d : k - d;
            w += exp(-(double)r * r / (2.0 * 0.6 * 0.6));
        }
        st->rho0[x] = w;
    }
    xl_normalize(st->rho0, k);
    for (int x = 0; x < k; x++)
        st->z0[x] = log(st->rho0[x] + 0.01);
}

/* rho back to rho(0), step 0, no measurement. */
static void restart(void *state)
{
    xl_diffusion_state *st = state;
    st->t = 0;
    st->measured = 0;
    memcpy(st->c.p, st->rho0, (size_t)st->k * sizeof(double));
    xl_classifier_touch(&st->c);
}

static void evolve(void *state, long step)
{
    xl_diffusion_state *st = state;
    (void)step;
    double next[XL_RING_MAX];
    const xl_ring_dynamics d = xl_diffusion_dynamics(st);
    xl_ring_step_dyn(&d, st->c.p, next);
    memcpy(st->c.p, next, (size_t)st->k * sizeof(double));
    st->t++;
    xl_classifier_touch(&st->c);
}

static int learning(const void *state)
{
    const xl_diffusion_state *st = state;
    return st->learning;
}

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_diffusion_state *st = state;
    (void)seed; /* nothing random: the dynamics are the expectation */
    memset(st, 0, sizeof *st);
    st->k = (int)values[PARAM_K];
    st->rate = values[PARAM_RATE];
    st->detector = values[PARAM_DETECTOR];
    st->preset = (xl_ring_preset)(int)values[PARAM_START];
    st->learning = values[PARAM_LEARN] != 0.0;
    st->energy = (xl_ring_energy)(int)values[PARAM_ENERGY];
    st->beta = values[PARAM_BETA];
    if (xl_classifier_init(&st->c, st->k) != 0) {
        snprintf(err, errlen, "k must be from %d to %d", XL_RING_MIN, XL_RING_MAX);
        return -1;
    }
    for (int x = 0; x < st->k; x++) {
        char name[16];
        snprintf(name, sizeof name, "%d", x + 1);
        xl_classifier_set_name(&st->c, x, name);
    }
    write_rho0(st);
    write_energies(st);
    restart(st);
    return 0;
}

static xl_model model(const void *state)
{
    const xl_diffusion_state *st = state;
    return xl_classifier_model(&st->c);
}

static void start(const void *state, double *theta0)
{
    const xl_diffusion_state *st = state;
    memcpy(theta0, st->z0, (size_t)st->k * sizeof(double));
}

static int item_count(const void *state)
{
    const xl_diffusion_state *st = state;
    return st->k;
}

/* Per cell: the ring's step, the classifier's softmax and its gradient (4 measured). */
static double step_cost(const void *state)
{
    const xl_diffusion_state *st = state;
    return XL_STEP_BASE_OPS + 4.0 * st->k;
}

/* The cell where rho(0) is largest: where a first measurement is most telling. */
static int first_item(const void *state)
{
    const xl_diffusion_state *st = state;
    int best = 0;
    for (int x = 1; x < st->k; x++)
        if (st->rho0[x] > st->rho0[best]) best = x;
    return best;
}

static xl_apply_result set_preset(xl_diffusion_state *st, xl_ring_preset p)
{
    st->preset = p;
    write_rho0(st);
    restart(st);
    return XL_APPLY_RESTART;
}

/* Measure cell m now; refused with the reason when the reading is impossible. */
static xl_apply_result measure(xl_diffusion_state *st, int m, double width, const char *what, char *err,
                               size_t errlen)
{
    if (m < 0 || m >= st->k) {
        snprintf(err, errlen, "%s needs a cell from 1 to %d", what, st->k);
        return XL_APPLY_REFUSED;
    }
    xl_ring_measurement out;
    const xl_ring_dynamics d = xl_diffusion_dynamics(st);
    if (xl_ring_measure_dyn(&d, st->rho0, st->t, m, width, &out) != 0) {
        snprintf(err, errlen,
                 "%s: the detector cannot read cell %d, for every cell it could read from has probability 0 "
                 "under ρ(t) (P(m) = 0); widen the detector or let ρ spread first", what, m + 1);
        return XL_APPLY_REFUSED;
    }
    st->meas = out;
    st->measured = 1;
    st->detector = width;
    return XL_APPLY_DONE;
}

static xl_apply_result set_width(xl_diffusion_state *st, double width, const char *what, char *err, size_t errlen)
{
    if (!(width >= XL_DIFFUSION_WIDTH_MIN * (1.0 - 1e-12) && width <= XL_DIFFUSION_WIDTH_MAX * (1.0 + 1e-12))) {
        snprintf(err, errlen, "%s: the detector's width stays within %g to %g cells", what, XL_DIFFUSION_WIDTH_MIN,
                 XL_DIFFUSION_WIDTH_MAX);
        return XL_APPLY_REFUSED;
    }
    if (!st->measured) {
        st->detector = width;
        return XL_APPLY_DONE;
    }
    /* The measurement taken is re-read with the new detector, at the same step. */
    long now = st->t;
    st->t = st->meas.t;
    xl_apply_result r = measure(st, st->meas.cell, width, what, err, errlen);
    st->t = now;
    return r;
}

/* The energies or the temperature changed: the dynamics are new, so rho(t) and any
 * measurement start over from rho(0). */
static xl_apply_result set_dynamics(xl_diffusion_state *st, xl_ring_energy energy, double beta)
{
    st->energy = energy;
    st->beta = beta;
    write_energies(st);
    restart(st);
    return XL_APPLY_RESTART;
}

static xl_apply_result step_beta(xl_diffusion_state *st, double by, const char *what, char *err, size_t errlen)
{
    double beta = st->beta + by;
    if (beta < 1e-12) beta = 0.0; /* a ladder of quarters: land on 0 exactly */
    if (!(beta >= 0.0 && beta <= XL_DIFFUSION_BETA_MAX + 1e-12) || beta == st->beta) {
        snprintf(err, errlen, "%s: β stays within 0 to %g", what, XL_DIFFUSION_BETA_MAX);
        return XL_APPLY_REFUSED;
    }
    return set_dynamics(st, st->energy, fmin(beta, XL_DIFFUSION_BETA_MAX));
}

/* The diffusing truth's start, the detector, learning on or off, a measurement, the
 * energies and the temperature. */
enum { V_PRESET, V_PRESET_NEXT, V_WIDTH_UP, V_WIDTH_DOWN, V_LEARN, V_MEASURE, V_MEASURE_SELECTED, V_ENERGY,
       V_ENERGY_NEXT, V_BETA_UP, V_BETA_DOWN, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_PRESET] = {"preset", XL_ARG_NAME, 0, 0, "preset NAME", "starting state: peaked, two-peaked or uniform",
                  {{0}}, NULL, "a name other than peaked, two-peaked or uniform", 0},
    [V_PRESET_NEXT] = {"preset-next", XL_ARG_NONE, 0, 0, "preset-next", N_("the next starting state, from step 0"),
                       {{'i', 0}}, N_("I start state"), NULL, 0},
    [V_WIDTH_UP] = {"width-up", XL_ARG_NONE, 0, 0, "width-up", N_("widen the detector: its width times 1.25"),
                    {{'w', 0}}, N_("W ⇧W width"), "a width beyond the detector's range", 0},
    [V_WIDTH_DOWN] = {"width-down", XL_ARG_NONE, 0, 0, "width-down", N_("narrow the detector: its width divided by 1.25"),
                      {{'w', 1}}, NULL, "a width beyond the detector's range", 0},
    [V_LEARN] = {"learn", XL_ARG_NONE, 0, 0, "learn", N_("Q learns the moving ρ(t), or holds still"),
                 {{'d', 0}}, N_("D learn"), NULL, 0},
    [V_MEASURE] = {"measure", XL_ARG_INDEX, 1, 1024, "measure K", "measure cell K (from 1) with the noisy detector",
                   {{0}}, NULL, "a cell the ring does not have", 0},
    [V_MEASURE_SELECTED] = {"measure-selected", XL_ARG_NONE, 0, 0, "measure-selected",
                            N_("measure the selected cell (the noisy detector)"), {{XL_KEY_RETURN, 0}},
                            N_("⇧←/→ cell  Enter measure"), NULL, 0},
    [V_ENERGY] = {"energy", XL_ARG_NAME, 0, 0, "energy NAME",
                  "the cells' energies: flat, well, two-wells or tilt (from step 0)", {{0}}, NULL,
                  "a name other than flat, well, two-wells or tilt", 0},
    [V_ENERGY_NEXT] = {"energy-next", XL_ARG_NONE, 0, 0, "energy-next",
                       N_("the next energy landscape (flat, well, two-wells, tilt), from step 0"), {{'j', 0}},
                       N_("J energies"), NULL, 0},
    [V_BETA_UP] = {"colder", XL_ARG_NONE, 0, 0, "colder", N_("colder: the inverse temperature β up by 0.25 (from step 0)"),
                   {{'k', 0}}, N_("K ⇧K β"), "β already at its most, 8", 0},
    [V_BETA_DOWN] = {"hotter", XL_ARG_NONE, 0, 0, "hotter", N_("hotter: the inverse temperature β down by 0.25 (from step 0)"),
                     {{'k', 1}}, NULL, "β already 0", 0},
};
static const char *const hint_bar[] = {"learn", "measure-selected", "width-up", "preset-next", "energy-next", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_diffusion_state *st = state;
    switch (verb) {
    case V_PRESET:
        for (int i = 0; i < XL_RING_PRESETS; i++)
            if (strcmp(cmd->name, preset_names[i]) == 0)
                return set_preset(st, (xl_ring_preset)i);
        snprintf(err, errlen, "no preset '%s' for the diffusion (peaked, two-peaked or uniform)", cmd->name);
        return XL_APPLY_REFUSED;
    case V_PRESET_NEXT:
        return set_preset(st, (xl_ring_preset)((st->preset + 1) % XL_RING_PRESETS));
    case V_ENERGY:
        for (int i = 0; i < XL_RING_ENERGIES; i++)
            if (strcmp(cmd->name, energy_names[i]) == 0)
                return set_dynamics(st, (xl_ring_energy)i, st->beta);
        snprintf(err, errlen, "no energy '%s' for the diffusion (flat, well, two-wells or tilt)", cmd->name);
        return XL_APPLY_REFUSED;
    case V_ENERGY_NEXT:
        return set_dynamics(st, (xl_ring_energy)((st->energy + 1) % XL_RING_ENERGIES), st->beta);
    case V_BETA_UP:
        return step_beta(st, XL_DIFFUSION_BETA_STEP, "colder", err, errlen);
    case V_BETA_DOWN:
        return step_beta(st, -XL_DIFFUSION_BETA_STEP, "hotter", err, errlen);
    case V_LEARN:
        st->learning = !st->learning;
        return XL_APPLY_DONE;
    case V_MEASURE:
        return measure(st, (int)(cmd->n < 0 || cmd->n >= st->k ? -1 : cmd->n), st->detector, "measure", err, errlen);
    case V_MEASURE_SELECTED:
        return measure(st, selected, st->detector, "measure-selected", err, errlen);
    case V_WIDTH_UP:
        return set_width(st, st->detector * XL_DIFFUSION_WIDTH_STEP, "width-up", err, errlen);
    case V_WIDTH_DOWN:
        return set_width(st, st->detector / XL_DIFFUSION_WIDTH_STEP, "width-down", err, errlen);
    default:
        break;
    }
    if (cmd->kind != XL_CMD_SET_P)
        return XL_APPLY_NOT_MINE;
    /* rho(0) painted over the bars: weights, one per cell, normalized. */
    double w[XL_RING_MAX];
    if (cmd->count != st->k) {
        snprintf(err, errlen, "set-p needs %d weights, one per cell", st->k);
        return XL_APPLY_REFUSED;
    }
    memcpy(w, cmd->list, (size_t)st->k * sizeof(double));
    if (xl_normalize(w, st->k) != 0) {
        snprintf(err, errlen, "set-p needs weights of 0 or more, not all 0");
        return XL_APPLY_REFUSED;
    }
    memcpy(st->rho0, w, sizeof w);
    for (int x = 0; x < st->k; x++)
        st->z0[x] = log(st->rho0[x] + 0.01);
    restart(st);
    return XL_APPLY_RESTART;
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_diffusion_state *st = state;
    out[R_LOSS] = xl_cross_entropy_logits(st->c.p, theta, st->k);
    out[R_ENTROPY] = xl_entropy(st->c.p, st->k, XL_NATS);
    double gap = out[R_LOSS] - out[R_ENTROPY];
    out[R_KL] = gap < 0.0 && -gap <= 64.0 * DBL_EPSILON * (fabs(out[R_LOSS]) + fabs(out[R_ENTROPY])) ? 0.0 : gap;
    const xl_ring_dynamics d = xl_diffusion_dynamics(st);
    out[R_ENTROPY_MAX] = xl_ring_heat_death_entropy(&d);
    out[R_CE_INITIAL] = st->measured ? st->meas.ce_initial : NAN;
    out[R_CE_FINAL] = st->measured ? st->meas.ce_final : NAN;
    out[R_P_MEASURE] = st->measured ? st->meas.p_m : NAN;
    out[R_T] = (double)st->t;
    out[R_LEARNING] = st->learning;
    out[R_RATE] = st->rate;
    out[R_DETECTOR] = st->detector;
    out[R_HEAT] = st->measured ? st->meas.heat : NAN;
}

static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_diffusion_state *st = state;
    memset(out, 0, sizeof *out);
    out->n = st->k;
    for (int x = 0; x < st->k; x++) {
        out->names[x] = st->c.names[x];
        out->p[x] = st->c.p[x];
    }
    xl_log_softmax(theta, st->k, out->logq);
    out->selected = selected;
    out->title = N_("ρ(t) ON THE RING vs THE MODEL Q");
    out->caption = N_("one pair of bars per cell; cell K neighbours cell 1");
    out->q_label = N_("Q = softmax(z)");
    out->p_label = N_("ρ(t), the truth now");
    out->edit = XL_BARS_PAINT; /* painting sets ρ(0) and starts over */
}

static int summary_line(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        xl_tr_fn tr, char *buf, size_t n)
{
    const xl_diffusion_state *st = state;
    (void)theta;
    const xl_ring_dynamics d = xl_diffusion_dynamics(st);
    const int flat = xl_ring_is_flat(&d);
    const xl_ring_measurement *m = &st->meas;
    if (st->measured && flat)
        snprintf(buf, n, xl_tr(tr, N_("read cell %d at t = %ld: %.4f ≤ %.4f %s%s")), m->cell + 1, m->t,
                 m->ce_initial * unit_scale, m->ce_final * unit_scale, unit_name,
                 m->ce_final >= m->ce_initial - 1e-12 ? xl_tr(tr, N_(", the law holds")) : "");
    else if (st->measured)
        snprintf(buf, n, xl_tr(tr, N_("read cell %d at t = %ld: ΔH + ⟨Q⟩ = %.4f %s%s")), m->cell + 1, m->t,
                 m->law * unit_scale, unit_name, m->law >= -1e-12 ? xl_tr(tr, N_(" ≥ 0, the law holds")) : " < 0");
    else
        snprintf(buf, n, xl_tr(tr, N_("t = %ld · H(ρ(t)) %.4f, heat death at %s = %.4f %s")), st->t,
                 xl_entropy(st->c.p, st->k, XL_NATS) * unit_scale, flat ? "ln K" : "H(π)",
                 xl_ring_heat_death_entropy(&d) * unit_scale, unit_name);
    return 1;
}

static int status_text(const void *state, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_diffusion_state *st = state;
    if (st->learning)
        return 0;
    snprintf(buf, n, "%s", xl_tr(tr, N_("Q not learning")));
    return 1;
}


static int ceiling(const void *state, double *nats, const char **label)
{
    const xl_diffusion_state *st = state;
    const xl_ring_dynamics d = xl_diffusion_dynamics(st);
    *nats = xl_ring_heat_death_entropy(&d);
    *label = xl_ring_is_flat(&d) ? N_("ln K: heat death") : N_("H(π): heat death");
    return 1;
}

static int optimum(const void *state, const double *theta0, double *theta)
{
    /* Where Q would equal rho(t) now, where every cell has probability. */
    const xl_diffusion_state *st = state;
    (void)theta0;
    for (int x = 0; x < st->k; x++) {
        if (!(st->c.p[x] > 0.0))
            return 0;
        theta[x] = log(st->c.p[x]);
    }
    return 1;
}



/* The scene in words (xl_describe.h): the ring, the time, the measurement (its numbers
 * in the measurement panel's forms, ui_panel_diffusion.c). */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_diffusion_state *st = state;
    (void)theta, (void)selected;
    char hmax[48];
    xl_format_fit(hmax, sizeof hmax, readouts[R_ENTROPY_MAX] * unit_scale, 4, 12);
    /* Each case a whole sentence (xl_i18n.h): one step or several, learning or not. */
    const char *fmt = st->learning
                          ? (st->t == 1 ? N_("A distribution ρ spreads over a ring of %d cells, %ld diffusion step "
                                             "since ρ(0); it tends to the heat death π, whose entropy is H(π) = %s %s. "
                                             "The model Q learns ρ(t).")
                                        : N_("A distribution ρ spreads over a ring of %d cells, %ld diffusion steps "
                                             "since ρ(0); it tends to the heat death π, whose entropy is H(π) = %s %s. "
                                             "The model Q learns ρ(t)."))
                          : (st->t == 1 ? N_("A distribution ρ spreads over a ring of %d cells, %ld diffusion step "
                                             "since ρ(0); it tends to the heat death π, whose entropy is H(π) = %s %s. "
                                             "The model Q holds still: learning is off.")
                                        : N_("A distribution ρ spreads over a ring of %d cells, %ld diffusion steps "
                                             "since ρ(0); it tends to the heat death π, whose entropy is H(π) = %s %s. "
                                             "The model Q holds still: learning is off."));
    int used = snprintf(buf, n, xl_tr(tr, fmt), st->k, st->t, hmax, unit_name);
    if (st->measured && used > 0 && (size_t)used < n)
        snprintf(buf + used, n - (size_t)used,
                 xl_tr(tr, st->meas.width == 1.0
                               ? N_(" A measurement at t = %ld read cell %d with a detector of blur σ = %.3g cell: "
                                    "P(m) = %.4g under ρ(t). The cross-entropy of the updated against the assumed ρ "
                                    "was %.4f %s at the start and %.4f %s at the measurement.")
                               : N_(" A measurement at t = %ld read cell %d with a detector of blur σ = %.3g cells: "
                                    "P(m) = %.4g under ρ(t). The cross-entropy of the updated against the assumed ρ "
                                    "was %.4f %s at the start and %.4f %s at the measurement.")),
                 st->meas.t, st->meas.cell + 1, st->meas.width,
                 st->meas.p_m, st->meas.ce_initial * unit_scale,
                 unit_name, st->meas.ce_final * unit_scale, unit_name);
    return 1;
}

const xl_scenario_def xl_scenario_diffusion = {
    .id = "diffusion",
    .title = N_("diffusion"),
    .summary = N_("the Bayesian Second Law: rho(t) diffuses on a ring to heat death; a measurement updates it; "
               "cells with energies make heat flow"),
    .item_noun = N_("cell"),
    .state_size = sizeof(xl_diffusion_state),
    .params = params,
    .param_count = PARAM_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .panels = XL_PANEL_BARS | XL_PANEL_SIDE | XL_PANEL_READOUTS | XL_PANEL_HISTORY,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .identity_title = N_("H(ρ,Q) = H(ρ(t)) + KL"),
    .floor_note = N_("the loss cannot go lower now"),
    .summary_line = summary_line,
    .status_text = status_text,
    .floor_moves = 1,
    .step_title = N_("step (diffusion, and descent while learning)"),
    .identity_note = N_("Evolution moves ρ away from Q; learning lowers H(ρ,Q), removing KL."),
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .first_item = first_item,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .optimum = optimum,
    .evolve = evolve,
    .step_cost = step_cost,
    .learning = learning,
    .restart = restart,
    .ceiling = ceiling,
    .describe = describe,
};

/* xl_scn_micro: the microstates scenario (see xl_scn_micro.h).
 *
 * The record needs a model for the session's runs and history, and the history is what
 * shows S over time; so the model is Boltzmann's identity over no real parameters: its
 * "loss" is ln 2^n, its floor S = ln W(k) and its gap -ln P(k), the same for every theta
 * (two dummy parameters, gradient 0). gradient_free keeps every optimizer away from it
 * and makes each step a hold (xl_sim_hold), so the history records S as the coins flip.
 */
#include "xl_scn_micro.h"
#include "xl_i18n.h"
#include "xl_format.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(xl_micro_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");
_Static_assert((int)XL_MICRO_BINS <= (int)XL_ITEMS_MAX, "the bins must fit the bars");

enum { PARAM_N, PARAM_FLIPS, PARAM_RANDOM, PARAM_COUNT };

static const xl_param_def params[PARAM_COUNT] = {
    [PARAM_N] = { "n", 10, 2, XL_MICRO_MAX_N, 1, N_("number of coins (two-state particles)") },
    [PARAM_FLIPS] = { "flips", 1, 1, XL_MICRO_MAX_FLIPS, 1, N_("coins flipped per step, each chosen at random") },
    [PARAM_RANDOM] = { "random_start", 0, 0, 1, 1, N_("0: start all heads (low entropy); 1: each coin fair") },
};

enum { R_INFO, R_ENTROPY, R_SURPRISE, R_ENTROPY_MAX, R_N, R_HEADS, R_FALLS, R_LARGEST, R_FLIPS, R_COUNT };

static const xl_readout_def readouts[R_COUNT] = {
    [R_INFO] = { "information", "ln 2ⁿ", XL_READOUT_INFO, N_("naming the microstate: one of 2ⁿ") },
    [R_ENTROPY] = { "entropy", "S = ln W(k)", XL_READOUT_INFO, N_("Boltzmann entropy: one of W(k)") },
    [R_SURPRISE] = { "macro_surprise", "−ln P(k)", XL_READOUT_INFO, N_("surprise of the macrostate k") },
    [R_ENTROPY_MAX] = { "entropy_max", "ln W(n/2)", XL_READOUT_INFO, N_("the most probable macrostate's S") },
    [R_N] = { "n", "n", XL_READOUT_PLAIN, N_("coins") },
    [R_HEADS] = { "heads", "k", XL_READOUT_PLAIN, N_("heads now: the macrostate") },
    [R_FALLS] = { "falls", "falls", XL_READOUT_PLAIN, N_("steps of the last 1000 in which S fell") },
    [R_LARGEST] = { "largest_fall", "max fall", XL_READOUT_INFO, N_("the largest fall of S in the last 1000 steps") },
    [R_FLIPS] = { "flips", "flips", XL_READOUT_PLAIN, N_("coins flipped per step") },
};

static const char *const preset_names[] = { "all-heads", "random" };

/* ---- the model: Boltzmann's identity, the same at every theta ---- */

static double model_loss(const void *self, const double *theta)
{
    const xl_micro_state *st = self;
    (void)theta;
    return (double)st->n * log(2.0);
}

static void model_gradient(const void *self, const double *theta, double *grad)
{
    (void)self;
    (void)theta;
    grad[0] = grad[1] = 0.0;
}

static double model_floor(const void *self)
{
    const xl_micro_state *st = self;
    return xl_micro_log_ways(st->n, st->heads);
}

static int model_param_count(const void *self)
{
    (void)self;
    return 2;
}

static unsigned long model_version(const void *self)
{
    const xl_micro_state *st = self;
    return st->version;
}

static const xl_model_ops micro_ops = {
    .id = "microstates",
    .loss = model_loss,
    .gradient = model_gradient,
    .floor = model_floor,
    .param_count = model_param_count,
    .version = model_version,
};

/* ---- the particles ---- */

static void record_recent(xl_micro_state *st)
{
    int slot = (st->recent_head + st->recent_count) % (XL_MICRO_WINDOW + 1);
    if (st->recent_count == XL_MICRO_WINDOW + 1) {
        slot = st->recent_head;
        st->recent_head = (st->recent_head + 1) % (XL_MICRO_WINDOW + 1);
    } else {
        st->recent_count++;
    }
    st->recent[slot] = (int32_t)st->heads;
}

static int bin_of(const xl_micro_state *st, long k)
{
    /* Bins are equal width w = ceil((n + 1) / bins) from 0. */
    long w = st->edge[1] - st->edge[0];
    long i = k / w;
    return i < st->bins ? (int)i : st->bins - 1;
}

static void record_visit(xl_micro_state *st)
{
    st->visits[bin_of(st, st->heads)]++;
    st->visits_total++;
}

static void write_bins(xl_micro_state *st)
{
    long count = st->n + 1;
    long w = (count + XL_MICRO_BINS - 1) / XL_MICRO_BINS;
    st->bins = (int)((count + w - 1) / w);
    for (int i = 0; i <= st->bins; i++)
        st->edge[i] = i < st->bins ? (long)i * w : count;
    xl_micro_bin_mass(st->n, st->edge, st->bins, st->mass);
    memset(st->names, 0, sizeof st->names);
    for (int i = 0; i < st->bins; i++) {
        if (w == 1)
            snprintf(st->names[i], sizeof st->names[i], "%ld", st->edge[i]);
        else
            snprintf(st->names[i], sizeof st->names[i], "%ld–%ld", st->edge[i], st->edge[i + 1] - 1);
    }
}

/* The particles as the preset says, step 0, from the seed. */
static void restart(void *state)
{
    xl_micro_state *st = state;
    st->rng = xl_rng_make(st->seed);
    size_t bytes = (size_t)(st->n + 7) / 8;
    memset(st->bits, 0, sizeof st->bits);
    st->heads = 0;
    if (st->preset == XL_MICRO_ALL_HEADS) {
        memset(st->bits, 0xff, bytes);
        if (st->n % 8)
            st->bits[bytes - 1] = (uint8_t)((1u << (st->n % 8)) - 1u);
        st->heads = st->n;
    } else {
        for (long i = 0; i < st->n; i++)
            if (xl_rng_next(&st->rng) >> 63) {
                st->bits[i >> 3] |= (uint8_t)(1u << (i & 7));
                st->heads++;
            }
    }
    st->t = 0;
    st->recent_count = st->recent_head = 0;
    record_recent(st);
    memset(st->visits, 0, sizeof st->visits);
    st->visits_total = 0;
    record_visit(st);
    st->version++;
}

static void evolve(void *state, long step)
{
    xl_micro_state *st = state;
    (void)step;
    for (long f = 0; f < st->flips; f++) {
        /* A 64-bit draw modulo n <= 1e6: the bias is below 1e-13. */
        long i = (long)(xl_rng_next(&st->rng) % (uint64_t)st->n);
        uint8_t mask = (uint8_t)(1u << (i & 7));
        st->heads += (st->bits[i >> 3] & mask) ? -1 : 1;
        st->bits[i >> 3] ^= mask;
    }
    st->t++;
    record_recent(st);
    record_visit(st);
    st->version++;
}

void xl_micro_falls(const xl_micro_state *st, int *falls, double *largest)
{
    *falls = 0;
    *largest = 0.0;
    for (int i = 1; i < st->recent_count; i++) {
        long before = st->recent[(st->recent_head + i - 1) % (XL_MICRO_WINDOW + 1)];
        long after = st->recent[(st->recent_head + i) % (XL_MICRO_WINDOW + 1)];
        if (xl_micro_entropy_cmp(st->n, after, before) >= 0)
            continue;
        (*falls)++;
        double drop = xl_micro_log_ways(st->n, before) - xl_micro_log_ways(st->n, after);
        if (drop > *largest)
            *largest = drop;
    }
}

/* ---- the record ---- */

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_micro_state *st = state;
    (void)err;
    (void)errlen;
    memset(st, 0, offsetof(xl_micro_state, bits)); /* restart clears the bits */
    st->n = (long)values[PARAM_N];
    st->flips = (long)values[PARAM_FLIPS];
    st->preset = values[PARAM_RANDOM] != 0.0 ? XL_MICRO_RANDOM : XL_MICRO_ALL_HEADS;
    st->seed = seed;
    write_bins(st);
    restart(st);
    return 0;
}

static xl_model model(const void *state)
{
    return (xl_model){ &micro_ops, state };
}

static void start(const void *state, double *theta0)
{
    (void)state;
    theta0[0] = theta0[1] = 0.0;
}

static int item_count(const void *state)
{
    (void)state;
    return 1;
}

/* One operation per flip (a draw and a bit: about half a softmax class's cost). */
static double step_cost(const void *state)
{
    const xl_micro_state *st = state;
    return XL_STEP_BASE_OPS + (double)st->flips;
}

/* The next value on the 1-2-5 ladder above (up) or below v, within lo..hi. */
static long ladder(long v, int up, long lo, long hi)
{
    long best = up ? hi : lo;
    for (long decade = 1; decade <= 10L * hi; decade *= 10) {
        const long steps[3] = { 1, 2, 5 };
        for (int i = 0; i < 3; i++) {
            long c = steps[i] * decade;
            if (c < lo || c > hi)
                continue;
            if (up && c > v && c < best)
                best = c;
            if (!up && c < v && c > best)
                best = c;
        }
    }
    return best;
}

/* The coins' starting state, how many there are and how many flip per step. */
enum { V_PRESET, V_PRESET_NEXT, V_SIZE_UP, V_SIZE_DOWN, V_FLIPS_UP, V_FLIPS_DOWN, V_COUNT };
static const xl_verb_def verbs[V_COUNT] = {
    [V_PRESET] = {"preset", XL_ARG_NAME, 0, 0, "preset NAME", "starting state: all-heads or random, from step 0",
                  {{0}}, NULL, "a name other than all-heads or random", 0},
    [V_PRESET_NEXT] = {"preset-next", XL_ARG_NONE, 0, 0, "preset-next", N_("the next starting state, from step 0"),
                       {{'i', 0}}, N_("I start state"), NULL, 0},
    [V_SIZE_UP] = {"size-up", XL_ARG_NONE, 0, 0, "size-up", N_("more coins: 2, 5, 10, 20, ... 1000000"), {{'j', 0}},
                   N_("J ⇧J coins"), "n already at its most, 1000000", 0},
    [V_SIZE_DOWN] = {"size-down", XL_ARG_NONE, 0, 0, "size-down", N_("fewer coins"), {{'j', 1}}, NULL,
                     "n already at its least, 2", 0},
    [V_FLIPS_UP] = {"flips-up", XL_ARG_NONE, 0, 0, "flips-up", N_("more coins flipped per step: 1, 2, 5, 10, ... 100000"),
                    {{'z', 0}}, N_("Z ⇧Z flips/step"), "already at its most, 100000", 0},
    [V_FLIPS_DOWN] = {"flips-down", XL_ARG_NONE, 0, 0, "flips-down", N_("fewer coins flipped per step"), {{'z', 1}},
                      NULL, "already at its least, 1", 0},
};
static const char *const hint_bar[] = {"preset-next", "size-up", "flips-up", NULL};

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_micro_state *st = state;
    (void)selected;
    switch (verb) {
    case V_PRESET:
        for (int i = 0; i < 2; i++)
            if (strcmp(cmd->name, preset_names[i]) == 0) {
                st->preset = (xl_micro_preset)i;
                restart(st);
                return XL_APPLY_RESTART;
            }
        snprintf(err, errlen, "no preset '%s' for the microstates (all-heads or random)", cmd->name);
        return XL_APPLY_REFUSED;
    case V_PRESET_NEXT:
        st->preset = st->preset == XL_MICRO_ALL_HEADS ? XL_MICRO_RANDOM : XL_MICRO_ALL_HEADS;
        restart(st);
        return XL_APPLY_RESTART;
    case V_SIZE_UP:
    case V_SIZE_DOWN: {
        long n = ladder(st->n, verb == V_SIZE_UP, 2, XL_MICRO_MAX_N);
        if (n == st->n) {
            snprintf(err, errlen, "n is already at its %s, %ld", verb == V_SIZE_UP ? "most" : "least",
                     st->n);
            return XL_APPLY_REFUSED;
        }
        st->n = n;
        write_bins(st);
        restart(st);
        return XL_APPLY_RESTART;
    }
    case V_FLIPS_UP:
    case V_FLIPS_DOWN: {
        long f = ladder(st->flips, verb == V_FLIPS_UP, 1, XL_MICRO_MAX_FLIPS);
        if (f == st->flips) {
            snprintf(err, errlen, "flips per step is already at its %s, %ld",
                     verb == V_FLIPS_UP ? "most" : "least", st->flips);
            return XL_APPLY_REFUSED;
        }
        st->flips = f;
        return XL_APPLY_DONE;
    }
    default:
        return XL_APPLY_NOT_MINE;
    }
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_micro_state *st = state;
    (void)theta;
    out[R_INFO] = (double)st->n * log(2.0);
    out[R_ENTROPY] = xl_micro_log_ways(st->n, st->heads);
    out[R_SURPRISE] = -xl_micro_log_prob(st->n, st->heads);
    out[R_ENTROPY_MAX] = xl_micro_log_ways_max(st->n);
    out[R_N] = (double)st->n;
    out[R_HEADS] = (double)st->heads;
    int falls;
    xl_micro_falls(st, &falls, &out[R_LARGEST]);
    out[R_FALLS] = falls;
    out[R_FLIPS] = (double)st->flips;
}

/* The bars: over macrostate bins, P the share of microstates W(k) / 2^n, Q the share of
 * steps spent there (what the histogram shows; a bin never visited has Q = 0). */
static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_micro_state *st = state;
    (void)theta;
    (void)selected;
    memset(out, 0, sizeof *out);
    out->n = st->bins;
    for (int i = 0; i < st->bins; i++) {
        out->names[i] = st->names[i];
        out->p[i] = st->mass[i];
        out->logq[i] = st->visits[i] > 0 ? log((double)st->visits[i] / (double)st->visits_total) : -INFINITY;
    }
    out->selected = bin_of(st, st->heads);
    out->title = N_("MACROSTATES");
    out->caption = N_("heads k: share of microstates vs share of time");
    out->q_label = N_("time spent at k");
}

/* A count with its thousands set apart by thin spaces, as the panels print them
 * ("1 000 000"), into buf[n]. Returns buf. */
static char *group_digits(char *buf, size_t n, long v)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%ld", v < 0 ? -v : v);
    size_t used = 0;
    if (v < 0 && used + 1 < n) buf[used++] = '-';
    for (int i = 0; i < len && used + 4 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(buf + used, "\u2009", 3); /* thin space, 3 bytes of UTF-8 */
            used += 3;
        }
        buf[used++] = digits[i];
    }
    buf[used] = '\0';
    return buf;
}

static int summary_line(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        xl_tr_fn tr, char *buf, size_t n)
{
    const xl_micro_state *st = state;
    (void)theta;
    int falls;
    double largest;
    xl_micro_falls(st, &falls, &largest);
    int window = st->recent_count - 1;
    char k[40], of[40];
    group_digits(k, sizeof k, st->heads);
    group_digits(of, sizeof of, st->n);
    if (window <= 0)
        snprintf(buf, n, xl_tr(tr, N_("k = %s heads of %s: play to flip coins")), k, of);
    else if (falls == 0)
        snprintf(buf, n, xl_tr(tr, N_("k = %s of %s · S never fell in the last %d steps")), k, of, window);
    else
        snprintf(buf, n, xl_tr(tr, N_("k = %s of %s · S fell in %d of the last %d steps (max %.3g %s)")), k, of, falls, window,
                 largest * unit_scale, unit_name);
    return 1;
}

static int status_text(const void *state, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_micro_state *st = state;
    char coins[40], flips[40];
    snprintf(buf, n,
             st->flips == 1 ? xl_tr(tr, N_("%s coins · %s flip per step")) : xl_tr(tr, N_("%s coins · %s flips per step")),
             group_digits(coins, sizeof coins, st->n), group_digits(flips, sizeof flips, st->flips));
    return 1;
}


static int ceiling(const void *state, double *nats, const char **label)
{
    const xl_micro_state *st = state;
    *nats = xl_micro_log_ways_max(st->n);
    *label = N_("S max");
    return 1;
}



/* The scene in words (xl_describe.h): the coins and the most probable macrostate; the
 * describer adds the identity, and the readouts' line after it says k. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_micro_state *st = state;
    (void)theta, (void)selected;
    (void)readouts;
    char coins[40], smax[48];
    xl_format_count(coins, sizeof coins, st->n);
    /* The entropy panel's form (ui_panel_micro.c). */
    xl_format_fit(smax, sizeof smax, xl_micro_log_ways_max(st->n) * unit_scale, 3, 11);
    snprintf(buf, n,
             xl_tr(tr, N_("%s coins, each heads or tails; the macrostate k is how many are heads, and the most "
                          "probable one has S = %s %s.")),
             coins, smax, unit_name);
    return 1;
}

const xl_scenario_def xl_scenario_micro = {
    .id = "microstates",
    .title = N_("microstates"),
    .summary = N_("Boltzmann's S = ln W: n coins flip at random and S climbs to the most probable macrostate"),
    .item_noun = N_("system"),
    .state_size = sizeof(xl_micro_state),
    .params = params,
    .param_count = PARAM_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .panels = XL_PANEL_DATA | XL_PANEL_SIDE | XL_PANEL_READOUTS | XL_PANEL_HISTORY,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .identity_title = N_("ln 2ⁿ = S + SURPRISE OF k"),
    .floor_note = N_("picks one of the W(k)"),
    .summary_line = summary_line,
    .status_text = status_text,
    .gradient_free = 1,
    .floor_moves = 1,
    .step_title = N_("step (coins flipped at random)"),
    .identity_note = N_("As S climbs, the surprise of k falls: the sum stays ln 2ⁿ."),
    .init = init,
    .model = model,
    .start = start,
    .item_count = item_count,
    .apply = apply,
    .readout_values = readout_values,
    .bars = bars,
    .evolve = evolve,
    .step_cost = step_cost,
    .restart = restart,
    .ceiling = ceiling,
    .describe = describe,
};

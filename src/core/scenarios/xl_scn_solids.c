/* xl_scn_solids: two Einstein solids exchanging energy (see xl_scn_solids.h).
 *
 * Like the microstates, the record is gradient-free: its model is Boltzmann's identity
 * over no real parameters (two dummies, gradient 0): loss ln Omega, floor S = ln W_A W_B
 * at the current q_a, gap -ln P(q_a). Each step is a hold for the runs (xl_sim_hold)
 * while evolve moves energy units, so the history records S as heat flows.
 */
#include "xl_scn_solids.h"
#include "xl_i18n.h"
#include "xl_format.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(xl_solids_state) <= XL_SCENARIO_STATE_MAX, "the state must fit the session's storage");
_Static_assert((int)XL_SOLIDS_BINS <= (int)XL_ITEMS_MAX, "the bins must fit the bars");
_Static_assert((long)XL_SOLIDS_MAX_Q <= (long)INT32_MAX, "q_a fits the history's int32");

enum { PARAM_N_A, PARAM_N_B, PARAM_Q, PARAM_HOT, PARAM_EXCHANGES, PARAM_WINDOW, PARAM_COUNT };

static const xl_param_def params[PARAM_COUNT] = {
    [PARAM_N_A] = {"n_a", 300, 2, XL_SOLIDS_MAX_N, 1, N_("oscillators in solid A")},
    [PARAM_N_B] = {"n_b", 200, 2, XL_SOLIDS_MAX_N, 1, N_("oscillators in solid B")},
    [PARAM_Q] = {"q", 100, 0, XL_SOLIDS_MAX_Q, 1, N_("energy units shared by A and B (conserved)")},
    [PARAM_HOT] = {"hot", 1, 0, 1, 0, N_("share of q in A at the start (1: A hot, B at T = 0)")},
    [PARAM_EXCHANGES] = {"exchanges", 5, 1, XL_SOLIDS_MAX_EXCHANGES, 1, N_("exchanges per step (a unit may move in each)")},
    [PARAM_WINDOW] = {"window", 100, 1, XL_SOLIDS_MAX_WINDOW, 1, N_("exchanges per Clausius window")},
};

enum {
    R_INFO, R_ENTROPY, R_SURPRISE, R_S_A, R_S_B, R_T_A, R_T_B, R_Q_A, R_Q_A_LIKELY, R_HEAT, R_DS_B, R_DS,
    R_CLAUSIUS, R_BACKWARDS, R_COUNT
};
_Static_assert((int)R_COUNT <= (int)XL_READOUTS_MAX, "the readouts fit the table");

static const xl_readout_def readouts[R_COUNT] = {
    [R_INFO] = {"information", "ln Ω", XL_READOUT_INFO, N_("naming the microstate: one of all Ω")},
    [R_ENTROPY] = {"entropy", "S = S_A + S_B", XL_READOUT_INFO, N_("ln W_A·W_B: one of the microstates of q_A")},
    [R_SURPRISE] = {"macro_surprise", "−ln P(q_A)", XL_READOUT_INFO, N_("surprise of the macrostate q_A")},
    [R_S_A] = {"s_a", "S_A", XL_READOUT_INFO, N_("solid A's entropy ln W_A")},
    [R_S_B] = {"s_b", "S_B", XL_READOUT_INFO, N_("solid B's entropy ln W_B")},
    [R_T_A] = {"t_a", "T_A", XL_READOUT_PLAIN, N_("A's temperature: 1/T = ln((q_A + N_A − 1)/q_A)")},
    [R_T_B] = {"t_b", "T_B", XL_READOUT_PLAIN, N_("B's temperature: 1/T = ln((q_B + N_B − 1)/q_B)")},
    [R_Q_A] = {"q_a", "q_A", XL_READOUT_PLAIN, N_("energy units in A now")},
    [R_Q_A_LIKELY] = {"q_a_likely", "q_A*", XL_READOUT_PLAIN, N_("the most probable q_A (largest W_A·W_B)")},
    [R_HEAT] = {"heat", "ΔQ", XL_READOUT_PLAIN, N_("net units from A to B in the last window")},
    [R_DS_B] = {"ds_b", "ΔS_B", XL_READOUT_INFO, N_("B's entropy change in the last window")},
    [R_DS] = {"ds", "ΔS_A + ΔS_B", XL_READOUT_INFO, N_("the total entropy change in the last window")},
    [R_CLAUSIUS] = {"clausius", "ΔS_to − ΔQ/T_from", XL_READOUT_INFO,
                    "Clausius's margin in the last window: ≥ 0 when dS ≥ dQ/T holds"},
    [R_BACKWARDS] = {"backwards", "backwards", XL_READOUT_PLAIN, N_("windows of the last 100 in which S fell")},
};

static const char *const preset_names[XL_SOLIDS_PRESETS] = {"hot", "cold", "even", "likely"};

const char *xl_solids_preset_name(xl_solids_preset p)
{
    return p >= 0 && p < XL_SOLIDS_PRESETS ? preset_names[p] : "share";
}

/* ---- the macrostate ---- */

static double entropy_at(const xl_solids_state *st, long q_a)
{
    return xl_solids_log_ways(st->n_a, q_a) + xl_solids_log_ways(st->n_b, st->q - q_a);
}

/* ln P(q_a) = ln P(q_a*) + [S(q_a) - S(q_a*)], the bracket as logs of ratios. */
static double log_prob(const xl_solids_state *st, long q_a)
{
    const long m = st->q_a_likely;
    return st->log_p_likely + xl_solids_log_ways_change(st->n_a, m, q_a - m) +
           xl_solids_log_ways_change(st->n_b, st->q - m, m - q_a);
}

/* ---- the model: Boltzmann's identity, the same at every theta ---- */

static double model_floor(const void *self)
{
    const xl_solids_state *st = self;
    return entropy_at(st, st->q_a);
}

static double model_loss(const void *self, const double *theta)
{
    const xl_solids_state *st = self;
    (void)theta;
    return model_floor(st) - log_prob(st, st->q_a);
}

static void model_gradient(const void *self, const double *theta, double *grad)
{
    (void)self;
    (void)theta;
    grad[0] = grad[1] = 0.0;
}

static int model_param_count(const void *self)
{
    (void)self;
    return 2;
}

static unsigned long model_version(const void *self)
{
    const xl_solids_state *st = self;
    return st->version;
}

static const xl_model_ops solids_ops = {
    .id = "solids",
    .loss = model_loss,
    .gradient = model_gradient,
    .floor = model_floor,
    .param_count = model_param_count,
    .version = model_version,
};

/* ---- the windows ---- */

const xl_solids_window *xl_solids_last_window(const xl_solids_state *st)
{
    if (st->window_count == 0)
        return NULL;
    return &st->windows[(st->window_head + st->window_count - 1) % XL_SOLIDS_WINDOWS];
}

int xl_solids_backwards(const xl_solids_state *st)
{
    int count = 0;
    for (int i = 0; i < st->window_count; i++) {
        const xl_solids_window *w = &st->windows[(st->window_head + i) % XL_SOLIDS_WINDOWS];
        count += w->ds_a + w->ds_b < 0.0;
    }
    return count;
}

double xl_solids_clausius_margin(const xl_solids_window *w)
{
    /* A source at T = 0 holds no unit, so it gave none: heat != 0 means T_from > 0. */
    if (w->heat > 0)
        return w->ds_b - (double)w->heat / w->t_a0;
    if (w->heat < 0)
        return w->ds_a + (double)w->heat / w->t_b0;
    return 0.0;
}

static void open_window(xl_solids_state *st)
{
    st->win_done = 0;
    st->win_q_a0 = st->q_a;
    st->win_t_a0 = xl_solids_temperature(st->n_a, st->q_a);
    st->win_t_b0 = xl_solids_temperature(st->n_b, st->q - st->q_a);
}

/* The open window as it stands: its exchanges so far and the heat and entropy changes
 * since its start. */
static xl_solids_window window_so_far(const xl_solids_state *st)
{
    xl_solids_window w;
    memset(&w, 0, sizeof w);
    const long q_b0 = st->q - st->win_q_a0, q_b = st->q - st->q_a;
    w.heat = st->win_q_a0 - st->q_a;
    w.q_a0 = st->win_q_a0;
    w.exchanges = st->win_done;
    w.step = st->t;
    w.t_a0 = st->win_t_a0;
    w.t_b0 = st->win_t_b0;
    w.ds_a = xl_solids_log_ways_change(st->n_a, st->win_q_a0, st->q_a - st->win_q_a0);
    w.ds_b = xl_solids_log_ways_change(st->n_b, q_b0, q_b - q_b0);
    return w;
}

int xl_solids_shown_window(const xl_solids_state *st, xl_solids_window *out)
{
    const xl_solids_window *last = xl_solids_last_window(st);
    *out = last ? *last : window_so_far(st);
    return last != NULL;
}

static void close_window(xl_solids_state *st, long step)
{
    xl_solids_window w = window_so_far(st);
    w.step = step;
    int slot;
    if (st->window_count == XL_SOLIDS_WINDOWS) {
        slot = st->window_head;
        st->window_head = (st->window_head + 1) % XL_SOLIDS_WINDOWS;
    } else {
        slot = (st->window_head + st->window_count++) % XL_SOLIDS_WINDOWS;
    }
    st->windows[slot] = w;
    st->windows_total++;
    /* The next window starts here; its temperatures are the last one's when no heat
     * passed (most windows of one exchange), so a long run of them stays cheap. */
    if (st->q_a == st->win_q_a0) {
        st->win_done = 0;
    } else {
        open_window(st);
    }
}

/* ---- the oscillators ---- */

/* A uniformly random microstate of `units` units in n oscillators from energy[0]: the
 * n - 1 walls among units + n - 1 places chosen uniformly (stars and bars), by selection
 * sampling (each place a wall with probability walls left / places left). */
static void draw_microstate(xl_rng *rng, uint32_t *energy, long n, long units)
{
    long walls = n - 1, places = units + n - 1, i = 0;
    for (long p = 0; p < places; p++) {
        if ((long)(xl_rng_next(rng) % (uint64_t)(places - p)) < walls) {
            walls--;
            i++;
        } else {
            energy[i]++;
        }
    }
    assert(i == n - 1);
}

static void record_history(xl_solids_state *st)
{
    int slot;
    if (st->history_count == XL_SOLIDS_HISTORY) {
        slot = st->history_head;
        st->history_head = (st->history_head + 1) % XL_SOLIDS_HISTORY;
    } else {
        slot = (st->history_head + st->history_count++) % XL_SOLIDS_HISTORY;
    }
    st->history[slot] = (int32_t)st->q_a;
}

static int bin_of(const xl_solids_state *st, long q_a)
{
    /* Bins are equal width w = ceil((q + 1) / bins) from 0. */
    long w = st->edge[1] - st->edge[0];
    long i = q_a / w;
    return i < st->bins ? (int)i : st->bins - 1;
}

static void record_visit(xl_solids_state *st)
{
    st->visits[bin_of(st, st->q_a)]++;
    st->visits_total++;
}

/* The macrostate distribution for n_a, n_b, q: its mode, S there, the bins. */
static void write_distribution(xl_solids_state *st)
{
    const long count = st->q + 1;
    const long w = (count + XL_SOLIDS_BINS - 1) / XL_SOLIDS_BINS;
    st->bins = (int)((count + w - 1) / w);
    for (int i = 0; i <= st->bins; i++)
        st->edge[i] = i < st->bins ? (long)i * w : count;
    st->log_p_likely = xl_solids_bin_mass(st->n_a, st->n_b, st->q, st->edge, st->bins, st->mass);
    st->q_a_likely = xl_solids_likely(st->n_a, st->n_b, st->q);
    st->s_likely = entropy_at(st, st->q_a_likely);
    memset(st->names, 0, sizeof st->names);
    for (int i = 0; i < st->bins; i++) {
        if (w == 1)
            snprintf(st->names[i], sizeof st->names[i], "%ld", st->edge[i]);
        else
            snprintf(st->names[i], sizeof st->names[i], "%ld–%ld", st->edge[i], st->edge[i + 1] - 1);
    }
    st->mode = st->n_a + st->n_b <= XL_SOLIDS_OSC_MAX ? XL_SOLIDS_OSCILLATORS : XL_SOLIDS_CHAIN;
}

static long start_q_a(const xl_solids_state *st)
{
    switch (st->preset) {
    case XL_SOLIDS_HOT: return st->q;
    case XL_SOLIDS_COLD: return 0;
    case XL_SOLIDS_EVEN: return st->q / 2;
    case XL_SOLIDS_LIKELY: return st->q_a_likely;
    default: {
        long v = (long)floor(st->hot * (double)st->q + 0.5);
        return v < 0 ? 0 : v > st->q ? st->q : v;
    }
    }
}

/* The run from step 0: the starting macrostate, a uniformly random microstate of it. */
static void restart(void *state)
{
    xl_solids_state *st = state;
    st->rng = xl_rng_make(st->seed);
    st->q_a_start = start_q_a(st);
    st->q_a = st->q_a_start;
    memset(st->energy, 0, sizeof st->energy);
    if (st->mode == XL_SOLIDS_OSCILLATORS) {
        draw_microstate(&st->rng, st->energy, st->n_a, st->q_a);
        draw_microstate(&st->rng, st->energy + st->n_a, st->n_b, st->q - st->q_a);
    }
    st->t = 0;
    st->exchanged = 0;
    st->history_count = st->history_head = 0;
    record_history(st);
    memset(st->visits, 0, sizeof st->visits);
    st->visits_total = 0;
    record_visit(st);
    memset(st->windows, 0, sizeof st->windows);
    st->window_count = st->window_head = 0;
    st->windows_total = 0;
    open_window(st);
    st->version++;
}

/* One exchange. Oscillators: a source and a destination drawn uniformly (the
 * destination within the source's solid when separated); a unit moves if the source has
 * one. Chain: q_a moves by one with the oscillators' average rates. */
static void exchange(xl_solids_state *st)
{
    const long n = st->n_a + st->n_b;
    if (st->mode == XL_SOLIDS_OSCILLATORS) {
        /* 64-bit draws modulo n <= 65536: the bias is below 1e-14. */
        const long src = (long)(xl_rng_next(&st->rng) % (uint64_t)n);
        long dst;
        if (st->contact)
            dst = (long)(xl_rng_next(&st->rng) % (uint64_t)n);
        else if (src < st->n_a)
            dst = (long)(xl_rng_next(&st->rng) % (uint64_t)st->n_a);
        else
            dst = st->n_a + (long)(xl_rng_next(&st->rng) % (uint64_t)st->n_b);
        if (st->energy[src] == 0)
            return;
        st->energy[src]--;
        st->energy[dst]++;
        if (src < st->n_a && dst >= st->n_a)
            st->q_a--;
        else if (src >= st->n_a && dst < st->n_a)
            st->q_a++;
        return;
    }
    if (!st->contact)
        return;
    /* The oscillators' rates averaged over the macrostate's microstates (xl_solids.h). */
    st->q_a = xl_solids_chain_step(st->n_a, st->n_b, st->q, st->q_a, xl_rng_uniform(&st->rng));
}

static void evolve(void *state, long step)
{
    xl_solids_state *st = state;
    for (long e = 0; e < st->exchanges; e++) {
        exchange(st);
        st->exchanged++;
        if (++st->win_done >= st->window)
            close_window(st, step);
    }
    st->t++;
    record_history(st);
    record_visit(st);
    st->version++;
}

/* ---- the record ---- */

static int init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    xl_solids_state *st = state;
    (void)err;
    (void)errlen;
    memset(st, 0, sizeof *st);
    st->n_a = (long)values[PARAM_N_A];
    st->n_b = (long)values[PARAM_N_B];
    st->q = (long)values[PARAM_Q];
    st->hot = values[PARAM_HOT];
    st->exchanges = (long)values[PARAM_EXCHANGES];
    st->window = (long)values[PARAM_WINDOW];
    st->preset = XL_SOLIDS_BY_SHARE;
    st->contact = 1;
    st->seed = seed;
    write_distribution(st);
    restart(st);
    return 0;
}

static xl_model model(const void *state)
{
    return (xl_model){&solids_ops, state};
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

/* Two draws and a compare per exchange (about a softmax class's cost each); four logs
 * per closed window (its entropy changes and temperatures); and S and ln P(q_a) for the
 * history, whose ratio to the mode is a sum of up to 4096 logs, two such per step. */
static double step_cost(const void *state)
{
    const xl_solids_state *st = state;
    const long away = labs(st->q_a - st->q_a_likely);
    const double windows = ceil((double)st->exchanges / (double)st->window);
    return XL_STEP_BASE_OPS + (double)st->exchanges + 4.0 * windows + 4.0 * (double)(away < 4096 ? away : 4096);
}

/* The next value on the 1-2-5 ladder above (up) or below v, within lo..hi. */
static long ladder(long v, int up, long lo, long hi)
{
    long best = up ? hi : lo;
    for (long decade = 1; decade <= 10L * hi; decade *= 10) {
        const long steps[3] = {1, 2, 5};
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

enum {
    V_PRESET, V_PRESET_NEXT, V_SIZE_UP, V_SIZE_DOWN, V_EXCHANGES_UP, V_EXCHANGES_DOWN, V_CONTACT, V_TOUCH,
    V_SEPARATE, V_COUNT
};
static const xl_verb_def verbs[V_COUNT] = {
    [V_PRESET] = {"preset", XL_ARG_NAME, 0, 0, "preset NAME",
                  "starting state: hot (A holds all q), cold, even or likely, from step 0", {{0}}, NULL,
                  "a name other than hot, cold, even or likely", 0},
    [V_PRESET_NEXT] = {"preset-next", XL_ARG_NONE, 0, 0, "preset-next", N_("the next starting state, from step 0"),
                       {{'i', 0}}, N_("I start state"), NULL, 0},
    [V_SIZE_UP] = {"size-up", XL_ARG_NONE, 0, 0, "size-up",
                   N_("ten times the oscillators, units, exchanges per step and window"), {{'j', 0}}, N_("J ⇧J size"),
                   "n_a or n_b at 1000000 or q at 10000000 already", 0},
    [V_SIZE_DOWN] = {"size-down", XL_ARG_NONE, 0, 0, "size-down",
                     N_("a tenth of the oscillators, units, exchanges per step and window"), {{'j', 1}}, NULL,
                     "sizes that are not multiples of 10, or under 20 oscillators", 0},
    [V_EXCHANGES_UP] = {"exchanges-up", XL_ARG_NONE, 0, 0, "exchanges-up",
                        N_("more exchanges per step: 1, 2, 5, 10, ... 1000000"), {{'z', 0}}, N_("Z ⇧Z exchanges/step"),
                        "already at its most, 1000000", 0},
    [V_EXCHANGES_DOWN] = {"exchanges-down", XL_ARG_NONE, 0, 0, "exchanges-down", N_("fewer exchanges per step"),
                          {{'z', 1}}, NULL, "already at its least, 1", 0},
    [V_CONTACT] = {"contact", XL_ARG_NONE, 0, 0, "contact", N_("touch or separate the solids (heat passes or not)"),
                   {{'k', 0}}, N_("K touch/separate"), NULL, 0},
    [V_TOUCH] = {"touch", XL_ARG_NONE, 0, 0, "touch", "put the solids in contact: heat passes", {{0}}, NULL, NULL,
                 0},
    [V_SEPARATE] = {"separate", XL_ARG_NONE, 0, 0, "separate",
                    "separate the solids: q_A stays, units move only within each", {{0}}, NULL, NULL, 0},
};
static const char *const hint_bar[] = {"preset-next", "contact", "size-up", "exchanges-up", NULL};

static xl_apply_result resize(xl_solids_state *st, int up, char *err, size_t errlen)
{
    if (up) {
        if (st->n_a * 10 > XL_SOLIDS_MAX_N || st->n_b * 10 > XL_SOLIDS_MAX_N || st->q * 10 > XL_SOLIDS_MAX_Q) {
            /* Say which would pass its bound: 300 000 oscillators are not "the largest". */
            snprintf(err, errlen, "ten times n_a = %ld, n_b = %ld, q = %ld would pass the bounds: n_a, n_b at most %d, "
                     "q at most %d", st->n_a, st->n_b, st->q, XL_SOLIDS_MAX_N, XL_SOLIDS_MAX_Q);
            return XL_APPLY_REFUSED;
        }
        st->n_a *= 10;
        st->n_b *= 10;
        st->q *= 10;
        st->exchanges = st->exchanges * 10 > XL_SOLIDS_MAX_EXCHANGES ? XL_SOLIDS_MAX_EXCHANGES : st->exchanges * 10;
        st->window = st->window * 10 > XL_SOLIDS_MAX_WINDOW ? XL_SOLIDS_MAX_WINDOW : st->window * 10;
    } else {
        if (st->n_a % 10 || st->n_b % 10 || st->q % 10 || st->n_a < 20 || st->n_b < 20) {
            snprintf(err, errlen, "a tenth of n_a = %ld, n_b = %ld, q = %ld is not whole, or under 2 oscillators",
                     st->n_a, st->n_b, st->q);
            return XL_APPLY_REFUSED;
        }
        st->n_a /= 10;
        st->n_b /= 10;
        st->q /= 10;
        st->exchanges = st->exchanges >= 10 ? st->exchanges / 10 : 1;
        st->window = st->window >= 10 ? st->window / 10 : 1;
    }
    write_distribution(st);
    restart(st);
    return XL_APPLY_RESTART;
}

static xl_apply_result set_contact(xl_solids_state *st, int contact)
{
    st->contact = contact;
    st->version++;
    return XL_APPLY_DONE;
}

static xl_apply_result apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    xl_solids_state *st = state;
    (void)selected;
    switch (verb) {
    case V_PRESET:
        for (int i = 0; i < XL_SOLIDS_PRESETS; i++)
            if (strcmp(cmd->name, preset_names[i]) == 0) {
                st->preset = (xl_solids_preset)i;
                restart(st);
                return XL_APPLY_RESTART;
            }
        snprintf(err, errlen, "no preset '%s' for the solids (hot, cold, even or likely)", cmd->name);
        return XL_APPLY_REFUSED;
    case V_PRESET_NEXT:
        st->preset = st->preset < 0 ? XL_SOLIDS_HOT : (xl_solids_preset)((st->preset + 1) % XL_SOLIDS_PRESETS);
        restart(st);
        return XL_APPLY_RESTART;
    case V_SIZE_UP:
    case V_SIZE_DOWN:
        return resize(st, verb == V_SIZE_UP, err, errlen);
    case V_EXCHANGES_UP:
    case V_EXCHANGES_DOWN: {
        long e = ladder(st->exchanges, verb == V_EXCHANGES_UP, 1, XL_SOLIDS_MAX_EXCHANGES);
        if (e == st->exchanges) {
            snprintf(err, errlen, "exchanges per step is already at its %s, %ld",
                     verb == V_EXCHANGES_UP ? "most" : "least", st->exchanges);
            return XL_APPLY_REFUSED;
        }
        st->exchanges = e;
        return XL_APPLY_DONE;
    }
    case V_CONTACT:
        return set_contact(st, !st->contact);
    case V_TOUCH:
        return set_contact(st, 1);
    case V_SEPARATE:
        return set_contact(st, 0);
    default:
        return XL_APPLY_NOT_MINE;
    }
}

static void readout_values(const void *state, const double *theta, double *out)
{
    const xl_solids_state *st = state;
    (void)theta;
    const long q_b = st->q - st->q_a;
    out[R_S_A] = xl_solids_log_ways(st->n_a, st->q_a);
    out[R_S_B] = xl_solids_log_ways(st->n_b, q_b);
    out[R_ENTROPY] = out[R_S_A] + out[R_S_B];
    out[R_SURPRISE] = -log_prob(st, st->q_a);
    out[R_INFO] = out[R_ENTROPY] + out[R_SURPRISE];
    out[R_T_A] = xl_solids_temperature(st->n_a, st->q_a);
    out[R_T_B] = xl_solids_temperature(st->n_b, q_b);
    out[R_Q_A] = (double)st->q_a;
    out[R_Q_A_LIKELY] = (double)st->q_a_likely;
    xl_solids_window w;
    xl_solids_shown_window(st, &w);
    out[R_HEAT] = (double)w.heat;
    out[R_DS_B] = w.ds_b;
    out[R_DS] = w.ds_a + w.ds_b;
    out[R_CLAUSIUS] = xl_solids_clausius_margin(&w);
    out[R_BACKWARDS] = (double)xl_solids_backwards(st);
}

/* The bars: over bins of q_a, P the share of microstates W_A W_B / Omega, Q the share of
 * steps spent there (a bin never visited has Q = 0). */
static void bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const xl_solids_state *st = state;
    (void)theta;
    (void)selected;
    memset(out, 0, sizeof *out);
    out->n = st->bins;
    for (int i = 0; i < st->bins; i++) {
        out->names[i] = st->names[i];
        out->p[i] = st->mass[i];
        out->logq[i] = st->visits[i] > 0 ? log((double)st->visits[i] / (double)st->visits_total) : -INFINITY;
    }
    out->selected = bin_of(st, st->q_a);
    out->title = N_("ENERGY IN A");
    out->caption = N_("q_A: share of microstates W_A·W_B/Ω vs share of time");
    out->q_label = N_("time spent at q_A");
    out->edit = XL_BARS_FIXED;
}

/* A temperature as the panels print it: "0" at q = 0, three significant digits else. */
static void format_t(char *buf, size_t n, double t)
{
    if (t == 0.0)
        snprintf(buf, n, "0");
    else
        snprintf(buf, n, "%.3g", t);
}

static int summary_line(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        xl_tr_fn tr, char *buf, size_t n)
{
    const xl_solids_state *st = state;
    (void)theta;
    char ta[24], tb[24];
    format_t(ta, sizeof ta, xl_solids_temperature(st->n_a, st->q_a));
    format_t(tb, sizeof tb, xl_solids_temperature(st->n_b, st->q - st->q_a));
    xl_solids_window shown;
    const int closed = xl_solids_shown_window(st, &shown);
    const xl_solids_window *w = &shown;
    const double s_now = xl_solids_log_ways(st->n_a, st->q_a) + xl_solids_log_ways(st->n_b, st->q - st->q_a);
    if (!st->contact) {
        /* Apart, the macrostate q_A is fixed and each of its W_A·W_B microstates is as
         * likely as any other: the Gibbs–Shannon sum over them is ln W, Boltzmann's S. */
        snprintf(buf, n, xl_tr(tr, N_("apart: W_A·W_B microstates, each 1/W: −Σ p ln p = ln W = %.2f %s")), s_now * unit_scale,
                 unit_name);
        return 1;
    }
    if (st->q == 0) { /* no unit to pass: playing moves nothing */
        snprintf(buf, n, "%s", xl_tr(tr, N_("q = 0: no units to exchange, so no heat can flow · T_A = T_B = 0")));
        return 1;
    }
    if (!closed && w->heat == 0) {
        snprintf(buf, n, xl_tr(tr, N_("q_A = %ld of %ld · T_A = %s, T_B = %s: play to let heat flow")), st->q_a, st->q, ta, tb);
        return 1;
    }
    const int back = xl_solids_backwards(st);
    const double ds = (w->ds_a + w->ds_b) * unit_scale;
    if (w->heat == 0) {
        snprintf(buf, n,
                 closed ? xl_tr(tr, N_("no net heat in the last %ld exchanges · ΔS = 0 · S fell in %d of %d windows"))
                        : xl_tr(tr, N_("no net heat in the first %ld exchanges · ΔS = 0 · S fell in %d of %d windows")),
                 w->exchanges, back, st->window_count);
        return 1;
    }
    /* Clausius, in his form: the receiver's gain against the heat over the source's T. */
    const int to_b = w->heat > 0;
    const long heat = to_b ? w->heat : -w->heat;
    const double gain = (to_b ? w->ds_b : w->ds_a) * unit_scale;
    const double bound = (double)heat / (to_b ? w->t_a0 : w->t_b0) * unit_scale;
    /* Short enough for the readouts panel's two lines beside a lesson's column (the
     * solids panel gives ΔS_A + ΔS_B and the rest in full). */
    (void)ds;
    (void)unit_name;
    snprintf(buf, n, xl_tr(tr, N_("ΔQ = %ld %s · ΔS_%s = %.3g %s ΔQ/T_%s = %.3g · S fell in %d of %d windows")), heat,
             to_b ? "A→B" : "B→A", to_b ? "B" : "A", gain, gain >= bound ? "≥" : "<", to_b ? "A" : "B", bound, back,
             st->window_count);
    return 1;
}

/* A count with its thousands set apart by thin spaces, as the panels print them. */
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

static int status_text(const void *state, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_solids_state *st = state;
    char a[40], b[40], q[40], e[40];
    group_digits(a, sizeof a, st->n_a);
    group_digits(b, sizeof b, st->n_b);
    group_digits(q, sizeof q, st->q);
    group_digits(e, sizeof e, st->exchanges);
    const int one = st->exchanges == 1;
    const char *apart = st->contact ? "" : xl_tr(tr, N_("separated · "));
    if (st->mode == XL_SOLIDS_CHAIN)
        snprintf(buf, n,
                 one ? xl_tr(tr, N_("%sq_A chain: N too large to track each oscillator · %s + %s oscillators · %s units · "
                                    "%s exchange per step"))
                     : xl_tr(tr, N_("%sq_A chain: N too large to track each oscillator · %s + %s oscillators · %s units · "
                                    "%s exchanges per step")),
                 apart, a, b, q, e);
    else
        snprintf(buf, n,
                 one ? xl_tr(tr, N_("%s%s + %s oscillators · %s units · %s exchange per step"))
                     : xl_tr(tr, N_("%s%s + %s oscillators · %s units · %s exchanges per step")),
                 apart, a, b, q, e);
    return 1;
}

static int ceiling(const void *state, double *nats, const char **label)
{
    const xl_solids_state *st = state;
    *nats = st->s_likely;
    *label = N_("S at q_A*");
    return 1;
}



/* The scene in words (xl_describe.h): the two solids and where the energy is; the
 * describer adds the identity. */
static int describe(const void *state, const double *theta, const double *readouts, int selected, double unit_scale,
                    const char *unit_name, xl_tr_fn tr, char *buf, size_t n)
{
    const xl_solids_state *st = state;
    (void)theta, (void)selected;
    (void)readouts, (void)unit_scale, (void)unit_name;
    char na[40], nb[40], qa[40], qb[40], likely[40];
    xl_format_count(na, sizeof na, st->n_a);
    xl_format_count(nb, sizeof nb, st->n_b);
    xl_format_count(qa, sizeof qa, st->q_a);
    xl_format_count(qb, sizeof qb, st->q - st->q_a);
    xl_format_count(likely, sizeof likely, st->q_a_likely);
    snprintf(buf, n,
             st->contact ? xl_tr(tr, N_("Solid A has %s oscillators and solid B %s, in contact. A holds %s energy "
                                        "units and B %s; the most probable share for A is %s."))
                         : xl_tr(tr, N_("Solid A has %s oscillators and solid B %s, kept apart. A holds %s energy "
                                        "units and B %s; the most probable share for A is %s.")),
             na, nb, qa, qb, likely);
    return 1;
}

const xl_scenario_def xl_scenario_solids = {
    .id = "solids",
    .title = N_("two Einstein solids"),
    .summary = N_("Clausius and S = S_A + S_B: two solids share energy; heat flows from hot to cold where W grows"),
    .item_noun = N_("system"),
    .state_size = sizeof(xl_solids_state),
    .params = params,
    .param_count = PARAM_COUNT,
    .readouts = readouts,
    .readout_count = R_COUNT,
    .panels = XL_SOLIDS_PANELS,
    .verbs = verbs,
    .verb_count = V_COUNT,
    .hint_bar = hint_bar,
    .identity_title = N_("ln Ω = S_A + S_B + SURPRISE OF q_A"),
    .floor_note = N_("picks one of the W_A·W_B"),
    .summary_line = summary_line,
    .status_text = status_text,
    .gradient_free = 1,
    .floor_moves = 1,
    .step_title = N_("step (exchanges of energy units)"),
    .identity_note = N_("Heat flows toward larger W_A·W_B: S = S_A + S_B climbs as the surprise of q_A falls; the sum "
                     "stays ln Ω."),
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

/* xl_scn_solids: two Einstein solids exchanging energy (Clausius, and why S = ln W
 * adds), as a scenario record.
 *
 * Solid A has n_a oscillators, solid B n_b; they share q units of energy (xl_solids.h
 * for the counting: W_A(q_a) = C(q_a + n_a - 1, q_a), S = ln W_A + ln W_B, T). They start
 * with the share `hot` of q in A (default 1: A hot, B cold), or as a preset says.
 *
 * Dynamics (evolve), `exchanges` per step, each keeping every microstate equally likely:
 *   - oscillator mode (n_a + n_b <= XL_SOLIDS_OSC_MAX): a source and a destination
 *     oscillator are drawn uniformly among all n_a + n_b (among the source's own solid
 *     when the solids are separated); if the source holds a unit, it moves. The proposal
 *     is symmetric, so the uniform distribution over microstates is stationary, and the
 *     long-run share of time at q_a is W_A W_B / Omega. The start is a uniformly random
 *     microstate of the starting macrostate (stars and bars, drawn from the seed).
 *   - chain mode (n_a + n_b > XL_SOLIDS_OSC_MAX: too many oscillators to keep one by
 *     one): a Markov chain on q_a alone. Each exchange moves a unit A -> B with
 *     probability (n_a n_b / N^2) q_a / (q_a + n_a - 1) and B -> A with (n_a n_b / N^2)
 *     q_b / (q_b + n_b - 1), N = n_a + n_b: the oscillator mode's rates averaged over the
 *     microstates of the macrostate. It is in detailed balance with W_A(q_a) W_B(q - q_a),
 *     so that is its stationary distribution, and it relaxes at the oscillators' pace.
 *     status_text says so ("q_A chain: N too large to track each oscillator").
 * The generator is kept in the state (seeded by the session's seed), so reset, rewind,
 * snapshots and replay repeat every exchange.
 *
 * Clausius windows: every `window` exchanges (default 100; a window may close in the
 * middle of a step) close a record xl_solids_window: the net heat dQ = q_a(start) -
 * q_a(end) that went from A to B, dS_A and dS_B (logs of ratios), T_A and T_B at the
 * window's start. Clausius's inequality in his form, T of the body the heat came from:
 * dQ > 0: dS_B >= dQ / T_A; dQ < 0: dS_A >= -dQ / T_B. It holds in every window where S
 * did not fall (and for a window of one unit it is the same as S not falling). A window
 * is "backwards" when S = S_A + S_B fell over it (the heat went the less likely way:
 * from the colder body toward the hotter one, or on past the point where their
 * temperatures meet); the readout counts them over the last XL_SOLIDS_WINDOWS windows.
 *
 * The model (gradient-free, like the microstates): loss = ln Omega (naming the
 * microstate: one of all Omega), floor = S = ln W_A W_B at the current q_a, gap = -ln
 * P(q_a) (the surprise of the macrostate), loss = floor + gap; the floor moves; the
 * ceiling is S at the most probable q_a.
 *
 * Panels (XL_SOLIDS_PANELS below): XL_PANEL_DATA | XL_PANEL_SIDE | XL_PANEL_READOUTS |
 * XL_PANEL_HISTORY: the blocks of oscillators and the thermometers in the data place,
 * W(q_A)/Omega with q_A and q_A* marked in the side place (ui_panel_solids.c, the solids
 * app's, listed in ui_own_panels.c). Until that panel is listed, test_render and
 * test_portrait report the solids' data and side panels missing: this record and that
 * panel land together.
 * The bars (xl_session_bars) are P(q_a) over q_a, binned when q + 1 > XL_SOLIDS_BINS
 * (labels "lo–hi"), Q the share of steps spent in each bin; fixed (not draggable).
 * Rényi's readout reads the bars' p as the scenario's distribution.
 *
 * Readouts (names for the trace and lessons' expect lines; nats where info):
 *   information    ln Omega           all microstates of the total q
 *   entropy        S = S_A + S_B      ln W_A W_B at the current q_a (the floor)
 *   macro_surprise -ln P(q_a)         surprise of the macrostate (the gap)
 *   s_a, s_b       S_A, S_B           each solid's ln W
 *   t_a, t_b       T_A, T_B           temperatures now (units of the quantum, k = 1)
 *   q_a            q_A                units in A now
 *   q_a_likely     q_A*               the most probable q_a (largest W_A W_B)
 *   heat           dQ                 net units A -> B in the last closed window (before the
 *                                     first closes: in the open one so far; 0 at step 0)
 *   ds_b           dS_B               B's entropy change in that window
 *   ds             dS_A + dS_B        the total's change in that window
 *   clausius       margin             dS_B - dQ/T_A when dQ > 0, dS_A + dQ/T_B when dQ < 0, 0
 *                                     for none: >= 0 when Clausius's inequality holds
 *   backwards      count              windows of the last XL_SOLIDS_WINDOWS in which S fell
 *
 * Verbs (keys are this scenario's): preset hot|cold|even|likely (no key; from step 0:
 * A holds all q / none / half / the most probable share), preset-next (I), size-up /
 * size-down (J / Shift+J: n_a, n_b, q, exchanges and window all x10 or /10), exchanges-up
 * / exchanges-down (Z / Shift+Z, on the 1-2-5 ladder), contact (K: touch <-> separate),
 * touch, separate (no key). Separated, no heat passes: q_a stays, and the exchanges
 * within each solid visit its microstates equally, so the W_A W_B microstates of the
 * fixed macrostate are equally likely and their Gibbs–Shannon sum is ln W_A W_B = S.
 */
#ifndef XL_SCN_SOLIDS_H
#define XL_SCN_SOLIDS_H

#include <stdint.h>

#include "xl_rng.h"
#include "xl_scenario.h"
#include "xl_solids.h"

enum {
    XL_SOLIDS_OSC_MAX = 1 << 16,          /* oscillators kept one by one (256 KiB of energies) */
    XL_SOLIDS_HISTORY = 512,              /* q_a at step 0 and after each of the last steps */
    XL_SOLIDS_WINDOWS = 100,              /* Clausius windows kept (the backwards count's span) */
    XL_SOLIDS_BINS = 64,                  /* bars of P(q_a) at most */
    XL_SOLIDS_NAME = 32,                  /* a bin's label, "120–139" */
    XL_SOLIDS_MAX_EXCHANGES = 1000000,    /* per step */
    XL_SOLIDS_MAX_WINDOW = 100000000      /* exchanges per window */
};

/* The panels the record shows (see above); _OWN is the same (an earlier name). */
#define XL_SOLIDS_PANELS (XL_PANEL_DATA | XL_PANEL_SIDE | XL_PANEL_READOUTS | XL_PANEL_HISTORY)
#define XL_SOLIDS_PANELS_OWN XL_SOLIDS_PANELS

typedef enum xl_solids_mode {
    XL_SOLIDS_OSCILLATORS = 0,  /* every oscillator's energy kept (energy[]) */
    XL_SOLIDS_CHAIN             /* q_a alone (n_a + n_b > XL_SOLIDS_OSC_MAX) */
} xl_solids_mode;

/* How the run starts: XL_SOLIDS_BY_SHARE from the parameter `hot`, or a preset. */
typedef enum xl_solids_preset {
    XL_SOLIDS_BY_SHARE = -1,
    XL_SOLIDS_HOT = 0,   /* q_a = q: A hot, B at T = 0 */
    XL_SOLIDS_COLD,      /* q_a = 0 */
    XL_SOLIDS_EVEN,      /* q_a = q / 2 (rounded down): the units split evenly */
    XL_SOLIDS_LIKELY,    /* q_a = the most probable share: the temperatures equal */
    XL_SOLIDS_PRESETS
} xl_solids_preset;

/* One closed Clausius window. */
typedef struct xl_solids_window {
    long heat;          /* dQ: net units A -> B (q_a at the start minus q_a at the end) */
    long q_a0;          /* q_a at the window's start */
    long exchanges;     /* exchanges it spans (the state's window) */
    long step;          /* the step (from 1) during which it closed */
    double t_a0, t_b0;  /* T_A, T_B at its start */
    double ds_a, ds_b;  /* S_A(end) - S_A(start), S_B(end) - S_B(start), nats */
} xl_solids_window;

typedef struct xl_solids_state {
    /* The setting (parameters and verbs). */
    long n_a, n_b;            /* oscillators in A and B, 2..XL_SOLIDS_MAX_N */
    long q;                   /* units in all, 0..XL_SOLIDS_MAX_Q (conserved) */
    long exchanges;           /* exchanges per step, 1..XL_SOLIDS_MAX_EXCHANGES */
    long window;              /* exchanges per Clausius window, 1..XL_SOLIDS_MAX_WINDOW */
    double hot;               /* the parameter: share of q in A at the start, 0..1 */
    xl_solids_preset preset;  /* how q_a_start was chosen */
    long q_a_start;           /* q_a at step 0 */
    int contact;              /* 1: touching (heat passes); 0: separated */
    xl_solids_mode mode;      /* oscillators or the q_a chain (by n_a + n_b) */
    uint64_t seed;
    unsigned long version;    /* bumped by every change (the model's version) */

    /* The run. */
    xl_rng rng;               /* every draw: the start's microstate and each exchange */
    long t;                   /* steps taken since step 0 */
    long exchanged;           /* exchanges taken since step 0 */
    long q_a;                 /* units in A now; B holds q - q_a */

    /* The macrostate distribution P(q_a) = W_A W_B / Omega (depends on n_a, n_b, q). */
    long q_a_likely;          /* its mode */
    double s_likely;          /* S at the mode: the ceiling */
    double log_p_likely;      /* ln P(q_a_likely), exact to rounding (a normalised sum) */
    int bins;                 /* bars: q_a in [edge[i], edge[i + 1]) */
    long edge[XL_SOLIDS_BINS + 1];
    double mass[XL_SOLIDS_BINS];              /* P summed over each bin */
    long visits[XL_SOLIDS_BINS];              /* steps spent in each bin (step 0 included) */
    long visits_total;
    char names[XL_SOLIDS_BINS][XL_SOLIDS_NAME];

    /* q_a at step 0 and after each step: a ring, oldest at history_head; the newest is
     * q_a at step t, the oldest at step t - history_count + 1. S_A, S_B and S of a sample
     * are xl_solids_log_ways(n_a, q_a) and xl_solids_log_ways(n_b, q - q_a). */
    int32_t history[XL_SOLIDS_HISTORY];
    int history_count, history_head;

    /* The open window: exchanges so far, and q_a, T_A, T_B at its start. */
    long win_done;
    long win_q_a0;
    double win_t_a0, win_t_b0;
    /* The closed windows: a ring of the last XL_SOLIDS_WINDOWS, oldest at window_head;
     * windows_total counts every one since step 0. */
    xl_solids_window windows[XL_SOLIDS_WINDOWS];
    int window_count, window_head;
    long windows_total;

    /* Oscillator mode: energy[0..n_a-1] are A's oscillators, energy[n_a..n_a+n_b-1] B's;
     * they sum to q_a and q - q_a. Unused (zero) in chain mode. Last, so fields may be
     * added above without moving the others' meaning. */
    uint32_t energy[XL_SOLIDS_OSC_MAX];
} xl_solids_state;

/* The last closed window, or NULL before the first. */
const xl_solids_window *xl_solids_last_window(const xl_solids_state *st);
/* The window the readouts show: the last closed one (returns 1), or before the first
 * closes the open one so far (its exchanges, heat and entropy changes since step 0;
 * returns 0). */
int xl_solids_shown_window(const xl_solids_state *st, xl_solids_window *out);
/* Windows among the last XL_SOLIDS_WINDOWS in which S fell (dS_A + dS_B < 0). */
int xl_solids_backwards(const xl_solids_state *st);
/* Clausius's margin of a window: dS_B - dQ/T_A when dQ > 0, dS_A + dQ/T_B when dQ < 0
 * (the receiver's gain less the heat over the source's temperature), 0 when dQ = 0. */
double xl_solids_clausius_margin(const xl_solids_window *w);
/* The preset's name ("hot", "cold", "even", "likely"; "share" for XL_SOLIDS_BY_SHARE). */
const char *xl_solids_preset_name(xl_solids_preset p);

extern const xl_scenario_def xl_scenario_solids;

#endif

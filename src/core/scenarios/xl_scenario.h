/* xl_scenario: a scenario is a record that plugs into the session.
 *
 * Like a Chipmunk2D demo record ({name, init, update, draw}), a scenario is a table of
 * data and functions: its id and title; its whole state as plain data of a fixed size
 * (no pointers, so a snapshot is a copy); initialization from named parameters where
 * an absent value means the default; the commands it accepts; its differentiable model
 * (the simulation takes the steps, under the optimizer the learner picks); its readouts
 * as a table of named quantities with symbols and meanings (the readouts panel, --trace
 * and lesson `expect` lines all use these names); what its bars show; its landscape's
 * exact minimum where it knows one; and which panels it shows. The registry lists the
 * built-in scenarios; a test can define its own record and drive it the same way.
 */
#ifndef XL_SCENARIO_H
#define XL_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "xl_command.h"
#include "xl_landscape.h"
#include "xl_model.h"

enum {
    XL_STEP_BASE_OPS = 16,           /* a step's own cost: the optimizer, the history, the timeline */
    XL_SCENARIO_STATE_MAX = 1 << 18, /* bytes of plain state: a million particles' bits fit */
    XL_SCENARIO_PARAMS_MAX = 8,
    XL_READOUTS_MAX = 12,
    XL_ITEMS_MAX = 64              /* classes or samples */
};

/* A named real parameter: --param NAME=VALUE, "param NAME=VALUE". */
typedef struct xl_param_def {
    const char *name;     /* "classes" */
    double def, lo, hi;   /* default and the closed range accepted */
    int whole;            /* 1 if only whole numbers make sense */
    const char *meaning;  /* "number of classes" */
} xl_param_def;

typedef enum xl_readout_kind {
    XL_READOUT_INFO = 0,  /* an information quantity: shown in nats or bits */
    XL_READOUT_PROB,      /* a probability or a fraction, 0..1 */
    XL_READOUT_PLAIN      /* a plain number (a parameter value) */
} xl_readout_kind;

/* A named quantity: the trace's field, a lesson's `expect NAME = VALUE`. */
typedef struct xl_readout_def {
    const char *name;     /* "loss" */
    const char *symbol;   /* "H(P,Q)" */
    xl_readout_kind kind;
    const char *meaning;  /* "cross-entropy: the loss" */
} xl_readout_def;

/* What the pointer may do to the P bars (each edit is a set-p command). */
typedef enum xl_bars_edit {
    XL_BARS_FIXED = 0,     /* nothing: P is derived (bins, labels) */
    XL_BARS_RENORMALIZE,   /* drag a bar to its p; the others keep their ratios (as ↑/↓ do) */
    XL_BARS_PAINT          /* paint heights across the bars; the whole is normalized */
} xl_bars_edit;

/* What the two-distribution bars show: the truth P and the model's Q over n outcomes.
 * Strings point into static storage or into the scenario's state (valid until the
 * state changes). */
typedef struct xl_bars {
    int n;
    const char *names[XL_ITEMS_MAX];
    double p[XL_ITEMS_MAX];
    double logq[XL_ITEMS_MAX];  /* log Q in nats, exact where q underflows */
    int selected;               /* the highlighted outcome, or -1 */
    const char *title;          /* "TRUE P vs PREDICTED Q" */
    const char *caption;        /* "one pair of bars per class" */
    const char *q_label;        /* the legend's name for Q, "Q = softmax(z)"; may be NULL */
    const char *p_label;        /* the legend's name for P, "P (truth)" when NULL */
    xl_bars_edit edit;          /* what dragging a P bar does */
    /* Q = softmax(z) with these logits z[0..n-1], where the bars are that (the gradient
     * of H(P,Q) is then q − p, drawn and shown); NULL otherwise. Borrowed like names. */
    const double *logits;
} xl_bars;

/* Panels a scenario shows. */
enum {
    XL_PANEL_BARS = 1u << 0,
    XL_PANEL_READOUTS = 1u << 1,
    XL_PANEL_LANDSCAPE = 1u << 2,
    XL_PANEL_HISTORY = 1u << 3,
    XL_PANEL_DATA = 1u << 4,  /* the scenario's own data panel (logistic: the number line) */
    XL_PANEL_SIDE = 1u << 5   /* a second own panel in the landscape's place (a scenario
                               * without a landscape: the macrostates, the measurement) */
};

/* What apply did with a command. */
typedef enum xl_apply_result {
    XL_APPLY_NOT_MINE = 0,  /* not a command of this scenario */
    XL_APPLY_DONE,          /* the truth changed; the parameters stay */
    XL_APPLY_RESTART,       /* the starting parameters changed: the run restarts */
    XL_APPLY_REFUSED        /* a command of this scenario with a bad argument; see err */
} xl_apply_result;

typedef struct xl_scenario_def {
    const char *id;          /* "softmax": --scenario, the trace, lessons */
    const char *title;       /* "softmax classifier" */
    const char *summary;     /* one line for --list-scenarios */
    const char *item_noun;   /* what select picks: "class", "sample" */
    size_t state_size;       /* <= XL_SCENARIO_STATE_MAX */
    const xl_param_def *params;
    int param_count;
    /* readouts[0..2] are always loss, floor and gap: loss = floor + gap. */
    const xl_readout_def *readouts;
    int readout_count;
    unsigned panels;
    /* The scenario's own commands, the ones a learner most needs, ended by XL_CMD_NONE:
     * the key-hint bar shows these (and, unless gradient_free, the optimizer's) instead
     * of the general list. NULL: the general list. */
    const xl_command_kind *commands;
    /* The readouts panel's title for its identity ("TOTAL = INHERENT + IMPERFECTION"
     * when NULL) and what the floor's marker says after its symbol ("the loss cannot go
     * lower" when NULL). */
    const char *identity_title;
    const char *floor_note;
    /* The line under the identity bar, when the scenario has a better one than the
     * selected item's p, q and surprise: 1 and buf. May be NULL. */
    int (*summary_line)(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        char *buf, size_t n);
    /* What the status bar says in place of the optimizer, when the scenario has a better
     * word ("1 flip per step", "learning off"): 1 and buf; 0 for the optimizer. May be
     * NULL. */
    int (*status_text)(const void *state, char *buf, size_t n);
    /* 1 when there is nothing to learn (microstates: no gradient): optimizer, learning
     * rate and race commands are refused with a reason and every step holds the
     * parameters (xl_sim_hold). */
    int gradient_free;
    /* 1 when the floor is a moving quantity of its own (an entropy that evolves), so the
     * history draws it as a solid series rather than a dashed asymptote. */
    int floor_moves;
    /* What one step is, for the history's axis ("flip step"); NULL: a gradient-descent
     * step. */
    const char *step_title;
    /* The lesson of the identity loss = floor + gap, in one sentence for the readouts
     * panel ("Learning can only remove the KL part: ..."). May be NULL. */
    const char *identity_note;

    /* Fill state from params[0..param_count-1] (each within its range) and a seed.
     * Returns 0, or -1 with a reason in err. */
    int (*init)(void *state, const double *params, uint64_t seed, char *err, size_t errlen);
    /* The model over the state; borrows state. */
    xl_model (*model)(const void *state);
    /* The starting parameters into theta0[0..param_count-1]. */
    void (*start)(const void *state, double *theta0);
    /* Classes or samples that select can pick (>= 1). */
    int (*item_count)(const void *state);
    /* The item selected when the scenario starts (diffusion: the cell with the most
     * probability, the one worth measuring first). NULL: the first. */
    int (*first_item)(const void *state);
    /* How many there are in all, where that is more than select can pick (only the
     * first XL_ITEMS_MAX can be); the status bar counts these. May be NULL. */
    int (*population)(const void *state);
    /* Apply a command that edits the scenario's truth (P, the data, set-p, ...). */
    xl_apply_result (*apply)(void *state, const xl_command *cmd, int selected, char *err, size_t errlen);
    /* Every readout at theta into out[0..readout_count-1]; info quantities in nats. */
    void (*readout_values)(const void *state, const double *theta, double *out);
    /* The bars at theta. */
    void (*bars)(const void *state, const double *theta, int selected, xl_bars *out);
    /* Exact minimiser of the loss over parameters (a, b) with the others at theta:
     * 1 and *x, *y; 0 when there is none (the infimum is at infinity) or it is not
     * known in closed form. May be NULL. */
    int (*slice_minimum)(const void *state, const double *theta, int a, int b, double *x, double *y);
    /* When the loss over the slice depends only on theta_a - theta_b and is least along
     * a whole line theta_a - theta_b = d: 1 and *d. May be NULL. */
    int (*slice_valley)(const void *state, int a, int b, double *d);
    /* The parameters of the loss's minimum, where the scenario knows them (the softmax
     * with every p > 0: z* = log p; the logistic: the Newton fit): 1 and theta[], or 0.
     * The landscape's fixed plane points from the start toward it. May be NULL. */
    int (*optimum)(const void *state, const double *theta0, double *theta);
    /* What the landscape's note says about the slice (a, b) when the scenario has more
     * to say than the generic text ("N = 3: softmax ignores a common shift of z, ...");
     * valley says whether the slice's minimum is a valley line. NULL: the generic text.
     * Static storage. May be NULL. */
    const char *(*slice_note)(const void *state, int a, int b, int valley);
    /* One step of the scenario's own dynamics, taken before each optimizer step: a truth
     * that moves (diffusion spreads it, particles flip). `step` is the step about to be
     * taken, from 1. Any randomness must come from a generator kept in the state, so a
     * snapshot replays it. The models' version must move when the truth does. May be
     * NULL (the truth stays until a command edits it). */
    void (*evolve)(void *state, long step);
    /* Whether the runs learn in the coming step (diffusion's "learn" toggle): 0 makes
     * every run hold still while the truth evolves (xl_sim_hold). NULL: always. */
    int (*learning)(const void *state);
    /* Back to the truth's starting state, for reset (the truth that evolve moved: the
     * particles, the diffusing distribution). NULL: the truth stays as edited. */
    void (*restart)(void *state);
    /* A level the floor tends to, drawn across the history and named by *label (static
     * storage): ln K, the heat death; ln C(n, n/2), the most probable macrostate. 1 and
     * *nats, or 0 for none. May be NULL. */
    int (*ceiling)(const void *state, double *nats, const char **label);
    /* Fill the landscape over the box a in [xlo, xhi], b in [ylo, yhi] faster than cell
     * by cell, if the scenario can; returns what xl_landscape_compute_box would. May be
     * NULL (the generic path is used). */
    int (*landscape)(const void *state, xl_landscape *ls, const double *theta, int a, int b, double xlo,
                     double xhi, double ylo, double yhi);
    /* What one step of one run costs, in elementary operations (xl_session_step_cost):
     * XL_STEP_BASE_OPS for the step itself plus the classes, samples, cells or flips it
     * touches, each weighted by what it costs against one class of the softmax. NULL:
     * XL_STEP_BASE_OPS + item_count. */
    double (*step_cost)(const void *state);
    /* 1 when Q = softmax(theta) over the items, one parameter per item: with 3 items the
     * app can draw P, Q and the runs' paths on the probability simplex. 0: it cannot. */
    int simplex;
} xl_scenario_def;

/* The built-in scenarios, in the order S cycles them. Static storage. */
int xl_scenario_count(void);
const xl_scenario_def *xl_scenario_at(int i);
/* By id; NULL if unknown. */
const xl_scenario_def *xl_scenario_find(const char *id);
/* Index of a parameter by name, or -1. */
int xl_scenario_param_index(const xl_scenario_def *def, const char *name);
/* Index of a readout by name, or -1. */
int xl_scenario_readout_index(const xl_scenario_def *def, const char *name);

/* The built-in records. */
extern const xl_scenario_def xl_scenario_softmax;
extern const xl_scenario_def xl_scenario_logistic;
extern const xl_scenario_def xl_scenario_weighted;
extern const xl_scenario_def xl_scenario_gaussian;
extern const xl_scenario_def xl_scenario_micro;
extern const xl_scenario_def xl_scenario_diffusion;

#endif

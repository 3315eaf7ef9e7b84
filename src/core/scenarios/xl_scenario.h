/* xl_scenario: a scenario is a record that plugs into the session.
 *
 * Like a Chipmunk2D demo record ({name, init, update, draw}), a scenario is a table of
 * data and functions: its id and title; its whole state as plain data of a fixed size
 * (no pointers, so a snapshot is a copy); initialization from named parameters where
 * an absent value means the default; its own verbs (xl_verb_def: name, argument,
 * range, key, hint, help, what it refuses), declared once and read by the parser, the
 * key map, the help sheet, --list-commands and lesson --check; its differentiable model
 * (the simulation takes the steps, under the optimizer the learner picks); its readouts
 * as a table of named quantities with symbols and meanings (the readouts panel, --trace
 * and lesson `expect` lines all use these names); what its bars show; its landscape's
 * exact minimum where it knows one; and which panels it shows. The registry lists the
 * built-in scenarios; a test can define its own record and drive it the same way.
 *
 * A verb of a new scenario, step by step:
 *   1. in its file, an enum of its verbs and a table of them:
 *        enum { V_TOSS, V_COUNT };
 *        static const xl_verb_def verbs[V_COUNT] = {
 *            [V_TOSS] = {"toss", XL_ARG_NONE, 0, 0, "toss", "toss the coin", {{'k', 0}},
 *                        "K toss", NULL, 0},
 *        };
 *   2. in its record: .verbs = verbs, .verb_count = V_COUNT, and (optional) .hint_bar =
 *      a NULL-ended list of the names the key-hint bar shows;
 *   3. in its apply: switch (verb) { case V_TOSS: ...; return XL_APPLY_DONE; }.
 * Nothing else changes: "toss" parses in --do, lessons and replays, K issues it, the help
 * sheet and --list-commands list it, and other scenarios refuse it by name. The name
 * must not be a shared command's; another scenario may declare the same name only with
 * the same argument (xl_scenario_check_registry, run by test_command).
 */
#ifndef XL_SCENARIO_H
#define XL_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "xl_command.h"
#include "xl_landscape.h"
#include "xl_model.h"
#include "xl_i18n.h"

enum {
    XL_SCENARIOS_MAX = 64,           /* registered scenarios */
    XL_STEP_BASE_OPS = 16,           /* a step's own cost: the optimizer, the history, the timeline */
    /* Bytes of plain state: the session allocates what the record says (state_size),
     * up to this; a large state keeps fewer snapshots (XL_TIMELINE_BYTES). */
    XL_SCENARIO_STATE_MAX = 1 << 26,
    XL_SCENARIO_PARAMS_MAX = 8,
    XL_READOUTS_MAX = 16,
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
    /* Bit i: names[i] is a built-in English word of the scenario (its default data, the
     * softmax's "robin"; N_() marked), drawn in the interface's language (xl_bars_name).
     * Names a lesson or a script set are data and drawn as they are. */
    uint64_t names_words;
} xl_bars;

/* names[i] as drawn: through tr when it is a built-in word (names_words), else as is. */
static inline const char *xl_bars_name(const xl_bars *b, int i, xl_tr_fn tr)
{
    const char *name = b->names[i] ? b->names[i] : "";
    return i < 64 && (b->names_words >> i & 1u) ? xl_tr(tr, name) : name;
}

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
    /* The scenario's own verbs (xl_command.h): each one's name, argument and range, key,
     * hint, help and what it refuses. apply receives them with their index in this
     * table; the parser, the key map, the help sheet, --list-commands and the lesson
     * checker read them from here. May be NULL with verb_count 0. */
    const xl_verb_def *verbs;
    int verb_count;
    /* The key-hint bar: the names of the commands it shows, in order, ended by NULL:
     * this scenario's verbs (shown by their hint) and shared commands that matter here
     * ("select-next"); the time, optimizer, landscape and view keys are added around
     * them. NULL: the general list, then the verbs that have a hint. */
    const char *const *hint_bar;
    /* The readouts panel's title for its identity ("TOTAL = INHERENT + IMPERFECTION"
     * when NULL) and what the floor's marker says after its symbol ("the loss cannot go
     * lower" when NULL). */
    const char *identity_title;
    const char *floor_note;
    /* The line under the identity bar, when the scenario has a better one than the
     * selected item's p, q and surprise: 1 and buf, its words through tr (xl_i18n.h;
     * NULL: English). May be NULL. */
    int (*summary_line)(const void *state, const double *theta, double unit_scale, const char *unit_name,
                        xl_tr_fn tr, char *buf, size_t n);
    /* What the status bar says in place of the optimizer, when the scenario has a better
     * word ("1 flip per step", "learning off"): 1 and buf (words through tr, as
     * summary_line's); 0 for the optimizer. May be NULL. */
    int (*status_text)(const void *state, xl_tr_fn tr, char *buf, size_t n);
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
    /* Apply a command that edits the scenario's truth: one of its verbs (verb is the
     * index in verbs[], the command's argument in its usual field) or the shared set-p
     * (verb -1). `selected` is the selected item. May be NULL when there are no verbs and
     * set-p does not apply. */
    xl_apply_result (*apply)(void *state, const xl_command *cmd, int verb, int selected, char *err,
                             size_t errlen);
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
    /* The state as it is now becomes the start that the scenario's restore commands go
     * back to (the softmax's p-restore): called after the session's setup commands
     * (xl_session_desc.setup, the command line's --true and --names). May be NULL. */
    void (*keep_start)(void *state);
    /* The parameters the state holds now, into params[0..param_count-1], where the
     * scenario's verbs change what its parameters set (the regression's dataset and
     * size-down): a `param` command then changes one and keeps the others as they are
     * now, not as they started (D for the digits, then `param per_class=5`, stays on the
     * digits). NULL: the parameters of the last start. */
    void (*params_now)(const void *state, double *params);
    /* A short attribution of licensed data the state shows (the digits' CC BY 4.0):
     * the strip under a focused panel keeps it in view when the scenario's own panel,
     * which shows it whole, is not, and an exported video ends on it. Static storage.
     * NULL, or a NULL return: nothing to attribute. */
    const char *(*credit)(const void *state);
    /* Read-only data the scenario reads (data sets): the names of files under the assets'
     * data/ folder, ended by NULL (at most XL_SCENARIO_DATA_FILES_MAX), that the app reads
     * once, before any session starts, and hands over (xl_scenario_set_data); NULL for
     * none. init finds file i with xl_scenario_data(def, i, &size) and may keep a pointer
     * to it in the state: the bytes outlive every session and are never copied, so a
     * snapshot's copy of that pointer stays valid. Without a file, init refuses with the
     * reason, naming the file by xl_scenario_data_path (where the app looked for it). */
    const char *const *data_files;
    /* The bars are bins of a continuous density (the Gaussian's voltage), not the
     * scenario's distribution itself: the sentence the Rényi panel and a lesson's
     * `@expect renyi_A` say in place of H_α of the bars. NULL: the bars' P is a discrete
     * distribution of the scenario (every scenario but a continuous one). */
    const char *continuous;
    /* A per-step record of the scenario's own (the regression's train and test curves):
     * called by the session after every step with the steered run's parameters theta
     * after `step` steps, also while it replays steps after a rewind (the state was
     * restored with the record as it was then), so the record, kept in the state, follows
     * the timeline. Step 0 is the scenario's to record in `restart`, which every start and
     * reset calls. May be NULL. */
    void (*observe)(void *state, const double *theta, long step);
    /* The scene in words (xl_describe.h, issue 26): what this scenario shows and its own
     * main numbers, one or two sentences into buf[n] (NUL-ended; cut when n is short),
     * for a screen reader, the desktop's speech and --describe. readouts[] are
     * readout_values at theta (the numbers the panels draw), selected the selected item,
     * unit_scale and unit_name the session's unit (info quantities are in nats times
     * unit_scale). Each number is formatted as its panel formats it (xl_format.h), so
     * what is said is what is shown. The describer adds the identity loss = floor + gap,
     * the selected item or summary_line, the optimizer and the step around it. Returns 1; 2 when the
     * text says the selected item itself (a sample the bars show: the describer then
     * leaves out its generic line for the selected outcome); 0 when it has nothing to
     * add. Its sentences are whole formats marked N_() and taken through tr (xl_i18n.h;
     * NULL: English), numbers and symbols as the panels show them. May be NULL. */
    int (*describe)(const void *state, const double *theta, const double *readouts, int selected,
                    double unit_scale, const char *unit_name, xl_tr_fn tr, char *buf, size_t n);
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
/* Whether a record's names are ones the trace, --param and lesson `expect` lines can
 * carry: 1 to XL_READOUTS_MAX readouts and at most XL_SCENARIO_PARAMS_MAX parameters,
 * each name a plain identifier (ASCII letters, digits, '-' and '_'; 1 to 31 bytes;
 * not starting with a digit or '-') and none used twice within its table. 0, or -1
 * with the first problem in err ("readout 2 'q r': ..."). The registry tests run it
 * over every registered scenario; a new record should pass it before it is listed. */
int xl_scenario_check(const xl_scenario_def *def, char *err, size_t errlen);

/* A scenario's read-only data (xl_scenario_def.data_files): file index of def (0 for
 * the first name in data_files), borrowed: the caller keeps the bytes unchanged and alive
 * while any session may run def (the program: until it exits). bytes may be NULL (size 0)
 * to record that the file could not be read; path (may be NULL) is where it was read or
 * looked for, copied (up to XL_SCENARIO_DATA_PATH - 1 bytes), for messages. Returns 0, or
 * -1 if index is outside 0..XL_SCENARIO_DATA_FILES_MAX-1 or XL_SCENARIO_DATA_MAX files are
 * recorded already. Not for use while sessions run on other threads: the app sets them
 * at start. */
enum { XL_SCENARIO_DATA_MAX = 16, XL_SCENARIO_DATA_FILES_MAX = 4, XL_SCENARIO_DATA_PATH = 256 };
int xl_scenario_set_data(const xl_scenario_def *def, int index, const void *bytes, size_t size, const char *path);
/* File index of def's data and its size, or NULL (and *size 0) when none was handed over
 * (or the file could not be read). */
const void *xl_scenario_data(const xl_scenario_def *def, int index, size_t *size);
/* Where file index of def was read or looked for ("/usr/share/xentlab/data/iris.csv"),
 * for init's messages; when the app never looked (a test), its name in data_files; NULL
 * if def has no such file. Valid until the next xl_scenario_set_data for it. */
const char *xl_scenario_data_path(const xl_scenario_def *def, int index);
/* How many names def->data_files lists (0 for NULL). */
int xl_scenario_data_count(const xl_scenario_def *def);

/* The verbs of every registered scenario, one table per scenario in registry order,
 * into out[0..cap-1]; returns how many (the tables borrow the records: static). */
int xl_scenario_verb_tables(xl_verb_table *out, int cap);
/* Parse a command in the registry's vocabulary: the shared commands and every
 * registered scenario's verbs (xl_command_parse_in). No session is needed: whether the
 * verb applies to the scenario running is the session's to say. */
int xl_scenario_parse_command(const char *text, xl_command *out, char *err, size_t errlen);
/* The command named name with no argument: a shared kind, current's verb (current may
 * be NULL, or a scenario not registered), or the first registered scenario's verb of
 * that name; XL_CMD_NONE for none (or name NULL). For the front end's regions and
 * buttons, which name the command they send. */
xl_command xl_scenario_command(const xl_scenario_def *current, const char *name);
/* Index of def's verb named name, or -1. */
int xl_scenario_verb_index(const xl_scenario_def *def, const char *name);
/* The ids of the registered scenarios that declare the verb, comma-separated, into
 * buf[n] ("microstates, diffusion"); returns how many. */
int xl_scenario_verb_owners(const char *name, char *buf, size_t n);
/* Whether the registry is consistent: xl_vocab_check over every scenario's verbs, and
 * every hint_bar name a shared command or the scenario's verb with a hint. Returns 0, or
 * -1 and the first fault in err. */
int xl_scenario_check_registry(char *err, size_t errlen);
/* The same for one record (with the registry's verbs for agreement), for a test's
 * scenario that is not registered. */
int xl_scenario_check_def(const xl_scenario_def *def, char *err, size_t errlen);

/* The built-in records. */
extern const xl_scenario_def xl_scenario_softmax;
extern const xl_scenario_def xl_scenario_logistic;
extern const xl_scenario_def xl_scenario_weighted;
extern const xl_scenario_def xl_scenario_gaussian;
extern const xl_scenario_def xl_scenario_micro;
extern const xl_scenario_def xl_scenario_diffusion;

#endif

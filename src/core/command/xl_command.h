/* xl_command: everything a learner can do to a session, as data.
 *
 * Keys, the pointer, --do, lesson files and recorded input all issue the same commands,
 * so a recorded run replays exactly. A command is a kind plus one typed argument, and
 * has a text form that is part of the script format ("step", "select 3", "set-lr 0.1",
 * "set-p 0.5,0.3,0.2", "optimizer adam", "scenario logistic", "param beta=10");
 * xl_command_parse reads it and xl_command_format writes it back, so a parsed command
 * formats to text that parses to the same command. What the viewer sees (theme, help,
 * fullscreen, quit) is the front end's.
 *
 * Two kinds of command (git's command table and Redis's per-command records are the
 * models: a verb is declared once and every reader takes it from there):
 * - shared commands, the closed enum xl_command_kind below: what every scenario has
 *   because the session does it (time, the optimizer, races, switching scenario and
 *   parameters, selection, the view of the landscape, undo and rewind), and set-p, the
 *   one truth edit the generic front end issues itself (dragging or painting the P bars
 *   and the simplex, for any scenario whose bars say they can be edited);
 * - verbs (kind XL_CMD_VERB): a scenario's own commands, declared in its record as a
 *   table of xl_verb_def (name, argument, range, key, hint, help, what it refuses).
 *   The command carries the verb's name and its argument in the usual fields. The
 *   parser knows no scenario: it is given the verb tables (xl_vocab), and
 *   xl_scenario_parse_command (scenarios/) passes every registered scenario's. Two
 *   scenarios may declare the same verb (preset: microstates and diffusion; p-up and
 *   p-restore: softmax and gaussian, where they mean "move P" in each one's terms) if
 *   they agree on its argument; xl_vocab_check refuses a verb named like a shared
 *   command, two declarations that disagree, or two verbs of one scenario on one key.
 * Why p-up is a verb and set-p is not: a key is mapped per scenario (the scenario's
 * record says which of its verbs a key issues), but the bars and the simplex are drawn
 * and dragged by the generic front end for any scenario whose bars can be edited, so the
 * command they send must mean the same everywhere. simplex is the session's view (a third
 * state of frame), not a scenario's truth, so it is shared too.
 * This module depends on nothing else of the core.
 */
#ifndef XL_COMMAND_H
#define XL_COMMAND_H

#include <stddef.h>

enum {
    XL_COMMAND_LIST_MAX = 32,
    XL_COMMAND_NAME_MAX = 768,  /* a name argument: 32 class names of 23 bytes and their commas */
    XL_VERB_NAME_MAX = 24,  /* a verb's name with its terminating 0 */
    XL_VERB_KEYS_MAX = 2    /* keys that issue one verb (X and Delete) */
};

/* The shared commands. Their numbers are not recorded anywhere (scripts, lessons and
 * replays hold text), so the list may be reordered. */
typedef enum xl_command_kind {
    XL_CMD_NONE = 0,
    /* time */
    XL_CMD_TOGGLE_PLAY,   /* play / pause */
    XL_CMD_PLAY,
    XL_CMD_PAUSE,
    XL_CMD_STEP,          /* one simulation step (pauses) */
    XL_CMD_RUN,           /* n: take n steps now */
    XL_CMD_RESET,         /* parameters back to the start, step 0, optimizer state cleared */
    XL_CMD_SPEED_UP,      /* more simulation steps per second */
    XL_CMD_SPEED_DOWN,
    XL_CMD_SET_SPEED,     /* n: steps per second */
    /* the optimizer */
    XL_CMD_LR_UP,         /* next learning rate on the 1-2-5 ladder, 0.001 .. 100 */
    XL_CMD_LR_DOWN,
    XL_CMD_SET_LR,        /* x */
    XL_CMD_OPTIMIZER,     /* name: gd, momentum, nesterov, adam */
    XL_CMD_OPTIMIZER_NEXT,
    XL_CMD_SET_MU,        /* x: momentum coefficient */
    XL_CMD_SET_BETA1,     /* x */
    XL_CMD_SET_BETA2,     /* x */
    XL_CMD_SET_EPS,       /* x */
    XL_CMD_MU_UP,         /* momentum up the ladder 0.5, 0.8, 0.9, 0.95, 0.99 */
    XL_CMD_MU_DOWN,
    XL_CMD_BETA1_UP,      /* Adam's beta1 on the same ladder */
    XL_CMD_BETA1_DOWN,
    XL_CMD_BETA2_UP,      /* Adam's beta2: 0.9, 0.99, 0.999, 0.9999 */
    XL_CMD_BETA2_DOWN,
    XL_CMD_EPS_UP,        /* Adam's epsilon, by factors of 10 from 1e-12 to 1e-2 */
    XL_CMD_EPS_DOWN,
    XL_CMD_RACE,          /* names: comma-separated optimizers, e.g. gd,momentum,adam */
    XL_CMD_RACE_TOGGLE,   /* race the four optimizers, or stop racing */
    /* the scenario */
    XL_CMD_SCENARIO,      /* name */
    XL_CMD_SCENARIO_NEXT,
    XL_CMD_SCENARIO_PREV,
    XL_CMD_PARAM,         /* name = x: a scenario parameter */
    XL_CMD_SELECT,        /* index: class or sample, 0-based (written 1-based) */
    XL_CMD_SELECT_NEXT,   /* wraps from the last to the first */
    XL_CMD_SELECT_PREV,
    /* the truth, as the generic bars and the simplex edit it (the scenario applies it) */
    XL_CMD_SET_P,         /* list: weights, normalized */
    /* the view of the numbers */
    XL_CMD_UNIT_TOGGLE,   /* nats <-> bits */
    XL_CMD_SLICE_NEXT,    /* next pair of parameters shown by the landscape */
    XL_CMD_SLICE_PREV,
    XL_CMD_FRAME_TOGGLE,  /* landscape: slice through the current point <-> fixed plane */
    XL_CMD_SIMPLEX,       /* three classes: the probability simplex in the landscape's place
                           * (the session's view, like frame, which also cycles into it) */
    /* the pointer in the landscape */
    XL_CMD_MOVE_TO,       /* list x,y: the current point to (x, y) of the landscape's view */
    XL_CMD_START_AT,      /* list x,y: the start to (x, y) of the view; the runs restart there */
    XL_CMD_ZOOM,          /* list f,x,y: the landscape's view shrinks by f around (x, y) */
    XL_CMD_PAN,           /* list dx,dy: the landscape's view moves */
    XL_CMD_FIT,           /* the landscape's view fits the paths, the start and the minimum */
    /* the timeline */
    XL_CMD_UNDO,          /* back to before the last edit */
    XL_CMD_REDO,          /* forward again */
    XL_CMD_REWIND,        /* n: to step n of this run, exactly */
    XL_CMD_BACK,          /* one step back */
    /* a scenario's own verb: xl_command.verb names it (see xl_verb_def) */
    XL_CMD_VERB,
    XL_CMD_COUNT
} xl_command_kind;

typedef enum xl_arg_type {
    XL_ARG_NONE = 0,
    XL_ARG_INT,     /* n */
    XL_ARG_INDEX,   /* n: an item, written from 1 ("select 3", "measure 3") and stored from 0 */
    XL_ARG_REAL,    /* x */
    XL_ARG_LIST,    /* list[0..count-1]: numbers separated by commas */
    XL_ARG_NAME,    /* name: one word */
    XL_ARG_NAMES,   /* name: words separated by commas ("race gd,adam", "names cat,dog") */
    XL_ARG_ASSIGN   /* name = x */
} xl_arg_type;

typedef struct xl_command {
    xl_command_kind kind;
    long n;                                /* XL_ARG_INT, XL_ARG_INDEX (0-based) */
    double x;                              /* XL_ARG_REAL, XL_ARG_ASSIGN */
    int count;                             /* XL_ARG_LIST */
    double list[XL_COMMAND_LIST_MAX];
    char name[XL_COMMAND_NAME_MAX];        /* XL_ARG_NAME, XL_ARG_NAMES, XL_ARG_ASSIGN */
    /* XL_CMD_VERB: the verb's name and how its argument is written (so it formats
     * without the tables); "" and XL_ARG_NONE for a shared command. */
    char verb[XL_VERB_NAME_MAX];
    xl_arg_type verb_arg;
} xl_command;

/* A key, as the core describes it (no SDL here; the front end maps it to its own key
 * codes). code: a lowercase ASCII letter, digit or punctuation character ('k'), or one
 * of the XL_KEY_* below; 0 for no key. With shift 0 the key issues the verb whether or
 * not Shift is held, unless another verb of the same scenario claims Shift and the same
 * key (k: beta-up, Shift+k: beta-down); with shift 1 only with Shift held. Ctrl held
 * never reaches a verb: Ctrl's keys are the front end's (undo, zoom). */
enum {
    XL_KEY_UP = 0x100,
    XL_KEY_DOWN,
    XL_KEY_LEFT,
    XL_KEY_RIGHT,
    XL_KEY_RETURN,  /* Enter, and the keypad's */
    XL_KEY_DELETE,
    XL_KEY_BACKSPACE,
    XL_KEY_TAB
};
typedef struct xl_key {
    int code;
    int shift;
} xl_key;

/* What the session does around a verb (all 0: an edit of the truth that undo takes
 * back, as one step of the timeline). */
enum {
    XL_VERB_VIEW = 1u << 0,         /* not an edit: no undo entry (a view, a readout) */
    XL_VERB_DRAG = 1u << 1,         /* a drag sends one per motion: a run of them is one edit */
    XL_VERB_SELECTS_NEW = 1u << 2,  /* what it adds becomes the selection (add-point) */
    XL_VERB_ARG_OPTIONAL = 1u << 3, /* the argument may be left out ("add-point" alone) */
    XL_VERB_SELECTS_FIRST = 1u << 4 /* then the scenario's first_item becomes the selection
                                     * (the regression's next-mistake) */
};

/* One verb of a scenario: everything the parser, the key map, the key-hint bar, the help
 * sheet, --list-commands and the lesson checker need. Static storage. */
typedef struct xl_verb_def {
    const char *name;       /* "beta-up": lowercase letters, digits and '-' */
    xl_arg_type arg;
    /* The argument's range, checked by the parser: INT and INDEX the whole numbers from
     * lo to hi as written; REAL the closed range; LIST how many values. lo == hi == 0:
     * any (the scenario's apply checks what depends on its state). */
    double lo, hi;
    const char *usage;      /* "measure K": the name, then the argument as written */
    const char *help;       /* one line: what it does ("weight β of the positives up") */
    xl_key keys[XL_VERB_KEYS_MAX];  /* {0}: no key (a verb for scripts and lessons) */
    const char *hint;       /* the key-hint bar's text ("K ⇧K β"); NULL: not in the bar */
    const char *refuses;    /* what it refuses and why, one line; NULL: nothing */
    unsigned flags;         /* XL_VERB_* */
} xl_verb_def;

/* One scenario's verbs; owner names the scenario for messages ("weighted"). */
typedef struct xl_verb_table {
    const char *owner;
    const xl_verb_def *verbs;
    int count;
} xl_verb_table;

/* The verbs a parser knows: tables[0..count-1] (borrowed). NULL or count 0: shared
 * commands only. */
typedef struct xl_vocab {
    const xl_verb_table *tables;
    int count;
} xl_vocab;

/* A command with no argument. */
xl_command xl_command_make(xl_command_kind kind);
/* With an integer argument (select takes a 0-based index here). */
xl_command xl_command_int(xl_command_kind kind, long n);
xl_command xl_command_real(xl_command_kind kind, double x);
/* With a name; truncation cannot happen silently: returns XL_CMD_NONE if too long. */
xl_command xl_command_name_arg(xl_command_kind kind, const char *name);
/* The verb `def` with no argument yet (fill n, x, list or name as def->arg says). */
xl_command xl_command_verb(const xl_verb_def *def);

/* Stable script name of a shared kind ("toggle-play", "set-lr", ...). Static storage. */
const char *xl_command_name(xl_command_kind kind);
xl_arg_type xl_command_arg_type(xl_command_kind kind);
/* One line on what it does, and how its argument is written ("select K", "set-lr X"),
 * for help and error messages. Static storage. */
const char *xl_command_help(xl_command_kind kind);
const char *xl_command_usage(xl_command_kind kind);
/* The name of any command: a shared kind's, or the verb's (borrowed from cmd). */
const char *xl_command_title(const xl_command *cmd);
/* The shared kind named name[0..len-1], or XL_CMD_NONE. */
xl_command_kind xl_command_find(const char *name, size_t len);

/* Parse one command ("select 3", "set-p 0.5,0.5", "param beta=10", "beta-up") in the
 * vocabulary v (NULL: shared commands only). Leading and trailing blanks are ignored.
 * Numbers are plain decimals (no nan, inf or hex). Returns 0 and fills *out; or -1 and
 * writes what is wrong and what was expected into err[errlen] ("unknown command 'stpe'",
 * "set-lr needs a number, e.g. set-lr 0.1"). */
int xl_command_parse_in(const xl_vocab *v, const char *text, xl_command *out, char *err, size_t errlen);
/* xl_command_parse_in(NULL, ...): shared commands only. A scenario's verb needs the
 * registry's vocabulary: xl_scenario_parse_command. */
int xl_command_parse(const char *text, xl_command *out, char *err, size_t errlen);
/* The text form of cmd into buf[n]; parsing it gives cmd back. Returns buf. */
char *xl_command_format(const xl_command *cmd, char *buf, size_t n);

/* The verb named name[0..len-1] in v: the first table's that has it (and its owner into
 * *owner if not NULL), or NULL. */
const xl_verb_def *xl_vocab_find(const xl_vocab *v, const char *name, size_t len, const char **owner);
/* The index of the verb named name in table t, or -1. */
int xl_verb_table_index(const xl_verb_table *t, const char *name);
/* Whether the vocabulary is consistent: every verb well named (not a shared command's
 * name, at most XL_VERB_NAME_MAX - 1 bytes, its usage starting with it), its range
 * sensible, no two verbs of one table named alike or on the same key, and a verb declared
 * by several tables with the same argument. Returns 0, or -1 with the first fault. */
int xl_vocab_check(const xl_vocab *v, char *err, size_t errlen);

/* Strict decimal number: optional sign, digits, optional fraction and exponent, the
 * whole string, finite. Returns 0 and sets *out, or -1. Shared by the command line. */
int xl_parse_real(const char *s, size_t len, double *out);

#endif

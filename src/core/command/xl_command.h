/* xl_command: everything a learner can do to a session, as data.
 *
 * Keys, the pointer, --do, lesson files and recorded input all issue the same commands,
 * so a recorded run replays exactly. A command is a kind plus one typed argument, and
 * has a text form that is part of the script format ("step", "select 3", "set-lr 0.1",
 * "set-p 0.5,0.3,0.2", "optimizer adam", "scenario logistic", "param beta=10");
 * xl_command_parse reads it and xl_command_format writes it back, so a parsed command
 * formats to text that parses to the same command. Only session commands live here;
 * what the viewer sees (theme, help, fullscreen, quit) is the front end's.
 */
#ifndef XL_COMMAND_H
#define XL_COMMAND_H

#include <stddef.h>

enum { XL_COMMAND_LIST_MAX = 32, XL_COMMAND_NAME_MAX = 48 };

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
    XL_CMD_RACE,          /* name: comma-separated optimizers, e.g. gd,momentum,adam */
    XL_CMD_RACE_TOGGLE,   /* race the four optimizers, or stop racing */
    /* the scenario */
    XL_CMD_SCENARIO,      /* name */
    XL_CMD_SCENARIO_NEXT,
    XL_CMD_SCENARIO_PREV,
    XL_CMD_PARAM,         /* name = x: a scenario parameter */
    XL_CMD_SELECT,        /* n: class or sample, 0-based (written 1-based) */
    XL_CMD_SELECT_NEXT,   /* wraps from the last to the first */
    XL_CMD_SELECT_PREV,
    /* what the scenario's truth is (softmax: P; logistic: the data) */
    XL_CMD_P_UP,          /* raise p of the selected class by 0.05, rest renormalized */
    XL_CMD_P_DOWN,
    XL_CMD_P_ONEHOT,      /* P one-hot on the selected class */
    XL_CMD_P_UNIFORM,
    XL_CMD_P_RESTORE,     /* P back to the scenario's starting P (reset keeps P) */
    XL_CMD_SET_P,         /* list: weights, normalized */
    XL_CMD_SET_LOGITS,    /* list: the starting logits (resets) */
    XL_CMD_FLIP,          /* flip the selected sample's label */
    XL_CMD_ADD_POINT,     /* list: x, label; empty: a new sample beside the selected one */
    XL_CMD_REMOVE_POINT,  /* remove the selected sample */
    /* the view of the numbers */
    XL_CMD_UNIT_TOGGLE,   /* nats <-> bits */
    XL_CMD_SLICE_NEXT,    /* next pair of parameters shown by the landscape */
    XL_CMD_SLICE_PREV,
    XL_CMD_FRAME_TOGGLE,  /* landscape: slice through the current point <-> fixed plane */
    /* the weighted scenario (appended: the kinds above keep their numbers) */
    XL_CMD_BETA_UP,       /* weight of the positives up the ladder 1, 2, 5, 10, 20, 50, 100 */
    XL_CMD_BETA_DOWN,
    /* the truth's width (gaussian: sigma_p); appended, so recorded kinds keep their numbers */
    XL_CMD_WIDTH_UP,      /* widen P: sigma_p times 1.25 */
    XL_CMD_WIDTH_DOWN,    /* narrow P: sigma_p divided by 1.25 */
    /* evolving truths: microstates and diffusion (appended, as above) */
    XL_CMD_PRESET,        /* name: the truth's starting state ("all-heads", "peaked", ...) */
    XL_CMD_PRESET_NEXT,   /* the next starting state, from step 0 */
    XL_CMD_SIZE_UP,       /* more particles: n up the ladder 2, 5, 10, 20, ... 1000000 */
    XL_CMD_SIZE_DOWN,
    XL_CMD_FLIPS_UP,      /* more flips per step: 1, 2, 5, 10, ... 100000 */
    XL_CMD_FLIPS_DOWN,
    XL_CMD_LEARN_TOGGLE,  /* the model learns the moving truth, or holds still */
    XL_CMD_MEASURE,       /* n: measure cell n (written from 1) */
    XL_CMD_MEASURE_SELECTED, /* measure the selected cell */
    /* the pointer in the landscape (appended, as above) */
    XL_CMD_MOVE_TO,       /* list x,y: the current point to (x, y) of the landscape's view */
    XL_CMD_START_AT,      /* list x,y: the start to (x, y) of the view; the runs restart there */
    XL_CMD_UNDO,          /* back to before the last edit */
    XL_CMD_REDO,          /* forward again */
    XL_CMD_REWIND,        /* n: to step n of this run, exactly */
    XL_CMD_BACK,          /* one step back */
    XL_CMD_SIMPLEX,       /* three classes: the probability simplex in the landscape's place */
    XL_CMD_MOVE_POINT,    /* x: the selected sample to x (logistic) */
    XL_CMD_SET_NORMAL,    /* list mu,sigma: the true Gaussian (gaussian) */
    XL_CMD_ZOOM,          /* list f,x,y: the landscape's view shrinks by f around (x, y) */
    XL_CMD_PAN,           /* list dx,dy: the landscape's view moves */
    XL_CMD_FIT,           /* the landscape's view fits the paths, the start and the minimum */
    XL_CMD_SET_NAMES,     /* name: the classes' names, comma-separated (softmax) */
    XL_CMD_COUNT
} xl_command_kind;

typedef enum xl_arg_type {
    XL_ARG_NONE = 0,
    XL_ARG_INT,     /* n */
    XL_ARG_REAL,    /* x */
    XL_ARG_LIST,    /* list[0..count-1] */
    XL_ARG_NAME,    /* name */
    XL_ARG_ASSIGN   /* name = x */
} xl_arg_type;

typedef struct xl_command {
    xl_command_kind kind;
    long n;                                /* XL_ARG_INT (select, measure: 0-based) */
    double x;                              /* XL_ARG_REAL, XL_ARG_ASSIGN */
    int count;                             /* XL_ARG_LIST */
    double list[XL_COMMAND_LIST_MAX];
    char name[XL_COMMAND_NAME_MAX];        /* XL_ARG_NAME, XL_ARG_ASSIGN */
} xl_command;

/* A command with no argument. */
xl_command xl_command_make(xl_command_kind kind);
/* With an integer argument (select takes a 0-based index here). */
xl_command xl_command_int(xl_command_kind kind, long n);
xl_command xl_command_real(xl_command_kind kind, double x);
/* With a name; truncation cannot happen silently: returns XL_CMD_NONE if too long. */
xl_command xl_command_name_arg(xl_command_kind kind, const char *name);

/* Stable script name of a kind ("toggle-play", "set-lr", ...). Static storage. */
const char *xl_command_name(xl_command_kind kind);
xl_arg_type xl_command_arg_type(xl_command_kind kind);
/* One line on what it does, and how its argument is written ("select K", "set-lr X"),
 * for help and error messages. Static storage. */
const char *xl_command_help(xl_command_kind kind);
const char *xl_command_usage(xl_command_kind kind);

/* Parse one command ("select 3", "set-p 0.5,0.5", "param beta=10"). Leading and
 * trailing blanks are ignored. Numbers are plain decimals (no nan, inf or hex).
 * Returns 0 and fills *out; or -1 and writes what is wrong and what was expected into
 * err[errlen] ("unknown command 'stpe'", "set-lr needs a number, e.g. set-lr 0.1"). */
int xl_command_parse(const char *text, xl_command *out, char *err, size_t errlen);
/* The text form of cmd into buf[n]; parsing it gives cmd back. Returns buf. */
char *xl_command_format(const xl_command *cmd, char *buf, size_t n);

/* Strict decimal number: optional sign, digits, optional fraction and exponent, the
 * whole string, finite. Returns 0 and sets *out, or -1. Shared by the command line. */
int xl_parse_real(const char *s, size_t len, double *out);

#endif

/* xl_command: everything a user can do to the sandbox, as data.
 *
 * Keys, a lesson script and a recorded input file all issue the same commands, so a
 * recorded run replays exactly. Each command has a stable text name ("step",
 * "select 3") for scripts. View commands (theme, fullscreen, help, quit) are carried
 * here too; the session ignores them and the front end acts on them.
 */
#ifndef XL_COMMAND_H
#define XL_COMMAND_H

typedef enum xl_command_kind {
    XL_CMD_NONE = 0,
    XL_CMD_TOGGLE_PLAY,  /* play / pause */
    XL_CMD_PLAY,
    XL_CMD_PAUSE,
    XL_CMD_STEP,         /* one gradient step (pauses) */
    XL_CMD_RESET,        /* logits back to the start, step 0; P kept */
    XL_CMD_LR_UP,        /* next learning rate on the 1-2-5 ladder, 0.001 .. 100 */
    XL_CMD_LR_DOWN,
    XL_CMD_SELECT,       /* arg: class index, 0-based */
    XL_CMD_P_UP,         /* raise p of the selected class by 0.05, rest renormalized */
    XL_CMD_P_DOWN,
    XL_CMD_P_ONEHOT,     /* P one-hot on the selected class */
    XL_CMD_P_UNIFORM,
    XL_CMD_SLICE_NEXT,   /* next pair of logits shown by the landscape */
    XL_CMD_SLICE_PREV,
    XL_CMD_UNIT_TOGGLE,  /* nats <-> bits */
    XL_CMD_SPEED_UP,     /* more simulation steps per second */
    XL_CMD_SPEED_DOWN,
    XL_CMD_SELECT_NEXT,  /* select the next class, wrapping from the last to the first */
    XL_CMD_SELECT_PREV,
    XL_CMD_P_RESTORE,    /* P back to the scene's starting P (reset keeps P) */
    /* view commands: handled by the front end */
    XL_CMD_THEME_TOGGLE,
    XL_CMD_FULLSCREEN,
    XL_CMD_HELP,
    XL_CMD_QUIT,
    XL_CMD_COUNT
} xl_command_kind;

typedef struct xl_command {
    xl_command_kind kind;
    int arg; /* XL_CMD_SELECT: class index, 0-based (0..31) */
} xl_command;

/* Stable script name of a kind ("toggle-play", "step", ...). Static storage. */
const char *xl_command_name(xl_command_kind kind);
/* Parse "step", "select 3" (1-based in text, as the keys are), ... Leading and
 * trailing blanks are ignored. Returns 0 and fills *out, or -1 if unknown. */
int xl_command_parse(const char *text, xl_command *out);

#endif

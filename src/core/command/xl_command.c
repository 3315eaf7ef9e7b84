/* xl_command: the command vocabulary, its parser and its printer.
 *
 * The names are part of the script and recording format, so they never change once
 * published; the table is indexed by xl_command_kind. "select N" takes a 1-based number,
 * as the number keys do, and stores it 0-based. Numbers are read strictly (the whole
 * token, a plain decimal, finite), so "1e999", "nan" or "0x10" never become a value.
 */
#include "xl_command.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct def {
    const char *name;
    xl_arg_type arg;
    const char *usage;
    const char *help;
} def;

static const def defs[XL_CMD_COUNT] = {
    [XL_CMD_NONE] = {"none", XL_ARG_NONE, "none", "nothing"},
    [XL_CMD_TOGGLE_PLAY] = {"toggle-play", XL_ARG_NONE, "toggle-play", "play / pause"},
    [XL_CMD_PLAY] = {"play", XL_ARG_NONE, "play", "play"},
    [XL_CMD_PAUSE] = {"pause", XL_ARG_NONE, "pause", "pause"},
    [XL_CMD_STEP] = {"step", XL_ARG_NONE, "step", "one step (pauses)"},
    [XL_CMD_RUN] = {"run", XL_ARG_INT, "run N", "take N steps now"},
    [XL_CMD_RESET] = {"reset", XL_ARG_NONE, "reset", "back to the start, step 0"},
    [XL_CMD_SPEED_UP] = {"speed-up", XL_ARG_NONE, "speed-up", "more steps per second"},
    [XL_CMD_SPEED_DOWN] = {"speed-down", XL_ARG_NONE, "speed-down", "fewer steps per second"},
    [XL_CMD_SET_SPEED] = {"set-speed", XL_ARG_INT, "set-speed N", "N steps per second (1 to 240)"},
    [XL_CMD_LR_UP] = {"lr-up", XL_ARG_NONE, "lr-up", "learning rate up the 1-2-5 ladder"},
    [XL_CMD_LR_DOWN] = {"lr-down", XL_ARG_NONE, "lr-down", "learning rate down the 1-2-5 ladder"},
    [XL_CMD_SET_LR] = {"set-lr", XL_ARG_REAL, "set-lr X", "learning rate X (0 < X <= 100)"},
    [XL_CMD_OPTIMIZER] = {"optimizer", XL_ARG_NAME, "optimizer NAME", "gd, momentum, nesterov or adam"},
    [XL_CMD_OPTIMIZER_NEXT] = {"optimizer-next", XL_ARG_NONE, "optimizer-next", "the next optimizer"},
    [XL_CMD_SET_MU] = {"set-mu", XL_ARG_REAL, "set-mu X", "momentum coefficient (0 <= X < 1)"},
    [XL_CMD_SET_BETA1] = {"set-beta1", XL_ARG_REAL, "set-beta1 X", "Adam's beta1 (0 <= X < 1)"},
    [XL_CMD_SET_BETA2] = {"set-beta2", XL_ARG_REAL, "set-beta2 X", "Adam's beta2 (0 <= X < 1)"},
    [XL_CMD_SET_EPS] = {"set-eps", XL_ARG_REAL, "set-eps X", "Adam's epsilon (X > 0)"},
    [XL_CMD_MU_UP] = {"mu-up", XL_ARG_NONE, "mu-up", "momentum up: 0.5, 0.8, 0.9, 0.95, 0.99"},
    [XL_CMD_MU_DOWN] = {"mu-down", XL_ARG_NONE, "mu-down", "momentum down"},
    [XL_CMD_BETA1_UP] = {"beta1-up", XL_ARG_NONE, "beta1-up", "Adam's beta1 up: 0.5, 0.8, 0.9, 0.95, 0.99"},
    [XL_CMD_BETA1_DOWN] = {"beta1-down", XL_ARG_NONE, "beta1-down", "Adam's beta1 down"},
    [XL_CMD_BETA2_UP] = {"beta2-up", XL_ARG_NONE, "beta2-up", "Adam's beta2 up: 0.9, 0.99, 0.999, 0.9999"},
    [XL_CMD_BETA2_DOWN] = {"beta2-down", XL_ARG_NONE, "beta2-down", "Adam's beta2 down"},
    [XL_CMD_EPS_UP] = {"eps-up", XL_ARG_NONE, "eps-up", "Adam's epsilon times 10 (up to 1e-2)"},
    [XL_CMD_EPS_DOWN] = {"eps-down", XL_ARG_NONE, "eps-down", "Adam's epsilon divided by 10 (down to 1e-12)"},
    [XL_CMD_RACE] = {"race", XL_ARG_NAME, "race A,B,...", "race optimizers from the same start"},
    [XL_CMD_RACE_TOGGLE] = {"race-toggle", XL_ARG_NONE, "race-toggle", "race all four, or stop racing"},
    [XL_CMD_SCENARIO] = {"scenario", XL_ARG_NAME, "scenario NAME", "switch scenario"},
    [XL_CMD_SCENARIO_NEXT] = {"scenario-next", XL_ARG_NONE, "scenario-next", "the next scenario"},
    [XL_CMD_SCENARIO_PREV] = {"scenario-prev", XL_ARG_NONE, "scenario-prev", "the previous scenario"},
    [XL_CMD_PARAM] = {"param", XL_ARG_ASSIGN, "param NAME=X", "set a scenario parameter"},
    [XL_CMD_SELECT] = {"select", XL_ARG_INT, "select K", "select class or sample K (from 1)"},
    [XL_CMD_SELECT_NEXT] = {"select-next", XL_ARG_NONE, "select-next", "select the next one"},
    [XL_CMD_SELECT_PREV] = {"select-prev", XL_ARG_NONE, "select-prev", "select the previous one"},
    [XL_CMD_P_UP] = {"p-up", XL_ARG_NONE, "p-up", "raise the selected class's p"},
    [XL_CMD_P_DOWN] = {"p-down", XL_ARG_NONE, "p-down", "lower the selected class's p"},
    [XL_CMD_P_ONEHOT] = {"onehot", XL_ARG_NONE, "onehot", "P one-hot on the selected class"},
    [XL_CMD_P_UNIFORM] = {"uniform", XL_ARG_NONE, "uniform", "P uniform"},
    [XL_CMD_P_RESTORE] = {"p-restore", XL_ARG_NONE, "p-restore", "P back to the scenario's start"},
    [XL_CMD_SET_P] = {"set-p", XL_ARG_LIST, "set-p W1,W2,...", "P from weights (normalized)"},
    [XL_CMD_SET_LOGITS] = {"set-logits", XL_ARG_LIST, "set-logits Z1,Z2,...", "the starting logits"},
    [XL_CMD_FLIP] = {"flip", XL_ARG_NONE, "flip", "flip the selected sample's label"},
    [XL_CMD_ADD_POINT] = {"add-point", XL_ARG_LIST, "add-point X,LABEL",
                          "add a sample at X with label 0 or 1 (alone: beside the selected one)"},
    [XL_CMD_REMOVE_POINT] = {"remove-point", XL_ARG_NONE, "remove-point", "remove the selected sample"},
    [XL_CMD_UNIT_TOGGLE] = {"unit", XL_ARG_NONE, "unit", "nats <-> bits"},
    [XL_CMD_SLICE_NEXT] = {"slice-next", XL_ARG_NONE, "slice-next", "the next pair of parameters"},
    [XL_CMD_SLICE_PREV] = {"slice-prev", XL_ARG_NONE, "slice-prev", "the previous pair of parameters"},
    [XL_CMD_FRAME_TOGGLE] = {"frame", XL_ARG_NONE, "frame", "landscape: current slice <-> fixed plane"},
    [XL_CMD_BETA_UP] = {"beta-up", XL_ARG_NONE, "beta-up", "weight β of the positives up: 1, 2, 5, 10, 20, 50, 100"},
    [XL_CMD_BETA_DOWN] = {"beta-down", XL_ARG_NONE, "beta-down", "weight β of the positives down"},
    [XL_CMD_WIDTH_UP] = {"width-up", XL_ARG_NONE, "width-up", "widen P: its sigma times 1.25"},
    [XL_CMD_WIDTH_DOWN] = {"width-down", XL_ARG_NONE, "width-down", "narrow P: its sigma divided by 1.25"},
    [XL_CMD_PRESET] = {"preset", XL_ARG_NAME, "preset NAME",
                       "starting state: all-heads or random (microstates); peaked, two-peaked or uniform (diffusion)"},
    [XL_CMD_PRESET_NEXT] = {"preset-next", XL_ARG_NONE, "preset-next", "the next starting state, from step 0"},
    [XL_CMD_SIZE_UP] = {"size-up", XL_ARG_NONE, "size-up", "more particles: 2, 5, 10, 20, ... 1000000"},
    [XL_CMD_SIZE_DOWN] = {"size-down", XL_ARG_NONE, "size-down", "fewer particles"},
    [XL_CMD_FLIPS_UP] = {"flips-up", XL_ARG_NONE, "flips-up", "more flips per step: 1, 2, 5, 10, ... 100000"},
    [XL_CMD_FLIPS_DOWN] = {"flips-down", XL_ARG_NONE, "flips-down", "fewer flips per step"},
    [XL_CMD_LEARN_TOGGLE] = {"learn", XL_ARG_NONE, "learn", "the model Q learns the moving truth, or holds still"},
    [XL_CMD_MEASURE] = {"measure", XL_ARG_INT, "measure K", "measure cell K (from 1) with the noisy detector"},
    [XL_CMD_MEASURE_SELECTED] = {"measure-selected", XL_ARG_NONE, "measure-selected", "measure the selected cell"},
    [XL_CMD_MOVE_TO] = {"move-to", XL_ARG_LIST, "move-to X,Y",
                        "put the current point at (X, Y) of the landscape; descent goes on from there"},
    [XL_CMD_START_AT] = {"start-at", XL_ARG_LIST, "start-at X,Y", "start every run at (X, Y) of the landscape"},
    [XL_CMD_UNDO] = {"undo", XL_ARG_NONE, "undo", "back to before the last edit"},
    [XL_CMD_REDO] = {"redo", XL_ARG_NONE, "redo", "redo the edit undone last"},
    [XL_CMD_REWIND] = {"rewind", XL_ARG_INT, "rewind N", "back to step N of this run, exactly (paused)"},
    [XL_CMD_BACK] = {"back", XL_ARG_NONE, "back", "one step back (paused)"},
    [XL_CMD_SIMPLEX] = {"simplex", XL_ARG_NONE, "simplex",
                        "three classes: show the probability simplex, or the landscape again"},
    [XL_CMD_MOVE_POINT] = {"move-point", XL_ARG_REAL, "move-point X", "move the selected sample to x = X"},
    [XL_CMD_SET_NORMAL] = {"set-normal", XL_ARG_LIST, "set-normal MU,SIGMA", "the true P = N(MU, SIGMA^2), volts"},
    [XL_CMD_ZOOM] = {"zoom", XL_ARG_LIST, "zoom F,X,Y", "landscape: the view times F around (X, Y); F < 1 zooms in"},
    [XL_CMD_PAN] = {"pan", XL_ARG_LIST, "pan DX,DY", "landscape: move the view by (DX, DY)"},
    [XL_CMD_FIT] = {"fit", XL_ARG_NONE, "fit", "landscape: fit the view to the paths, the start and the minimum"},
    [XL_CMD_SET_NAMES] = {"names", XL_ARG_NAME, "names A,B,...", "the classes' names, one per class (softmax)"},
};

/* "select K" counts from 1, as the keys do; the session checks K against its size. */
enum { SELECT_MAX = 1024, RUN_MAX = 100000000 };

xl_command xl_command_make(xl_command_kind kind)
{
    xl_command c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    return c;
}

xl_command xl_command_int(xl_command_kind kind, long n)
{
    xl_command c = xl_command_make(kind);
    c.n = n;
    return c;
}

xl_command xl_command_real(xl_command_kind kind, double x)
{
    xl_command c = xl_command_make(kind);
    c.x = x;
    return c;
}

xl_command xl_command_name_arg(xl_command_kind kind, const char *name)
{
    assert(name != NULL);
    xl_command c = xl_command_make(kind);
    if (strlen(name) >= sizeof c.name)
        return xl_command_make(XL_CMD_NONE);
    strcpy(c.name, name);
    return c;
}

const char *xl_command_name(xl_command_kind kind)
{
    assert(kind >= 0 && kind < XL_CMD_COUNT);
    return defs[kind].name;
}

xl_arg_type xl_command_arg_type(xl_command_kind kind)
{
    assert(kind >= 0 && kind < XL_CMD_COUNT);
    return defs[kind].arg;
}

const char *xl_command_help(xl_command_kind kind)
{
    assert(kind >= 0 && kind < XL_CMD_COUNT);
    return defs[kind].help;
}

const char *xl_command_usage(xl_command_kind kind)
{
    assert(kind >= 0 && kind < XL_CMD_COUNT);
    return defs[kind].usage;
}

static int blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

int xl_parse_real(const char *s, size_t len, double *out)
{
    /* Check the shape first: strtod alone also takes blanks, hex, "inf" and "nan". */
    size_t i = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        i++;
        digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            i++;
            digits++;
        }
    }
    if (digits == 0)
        return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp_digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            i++;
            exp_digits++;
        }
        if (exp_digits == 0)
            return -1;
    }
    if (i != len || len >= 64)
        return -1;
    char buf[64];
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    double v = strtod(buf, NULL);
    /* ERANGE for an underflow to a denormal or 0 is not an error; an overflow is. */
    if (!isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int parse_long(const char *s, size_t len, long lo, long hi, long *out)
{
    if (len == 0 || len > 12)
        return -1;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int fail(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
    if (err && errlen)
        snprintf(err, errlen, fmt, a, b);
    return -1;
}

int xl_command_parse(const char *text, xl_command *out, char *err, size_t errlen)
{
    assert(text != NULL && out != NULL);
    const char *s = text;
    while (blank(*s))
        s++;
    const char *end = s + strlen(s);
    while (end > s && blank(end[-1]))
        end--;
    const char *word_end = s;
    while (word_end < end && !blank(*word_end))
        word_end++;
    size_t len = (size_t)(word_end - s);
    char word[48];
    snprintf(word, sizeof word, "%.*s", (int)(len < 47 ? len : 47), s);

    int kind = -1;
    for (int k = 1; k < XL_CMD_COUNT; k++)
        if (strlen(defs[k].name) == len && memcmp(defs[k].name, s, len) == 0)
            kind = k;
    if (kind < 0)
        return fail(err, errlen, "unknown command '%s'%s", word, len ? "" : " (empty)");
    const def *d = &defs[kind];
    const char *a = word_end;
    while (a < end && blank(*a))
        a++;
    size_t alen = (size_t)(end - a);
    xl_command c = xl_command_make((xl_command_kind)kind);
    switch (d->arg) {
    case XL_ARG_NONE:
        if (alen)
            return fail(err, errlen, "%s takes no argument, e.g. '%s'", d->name, d->usage);
        break;
    case XL_ARG_INT: {
        long lo = 1, hi = kind == XL_CMD_SELECT || kind == XL_CMD_MEASURE ? SELECT_MAX
                          : kind == XL_CMD_RUN || kind == XL_CMD_REWIND  ? RUN_MAX
                                                                         : 240;
        if (kind == XL_CMD_RUN || kind == XL_CMD_REWIND)
            lo = 0;
        if (parse_long(a, alen, lo, hi, &c.n) != 0) {
            if (err && errlen)
                snprintf(err, errlen, "%s needs a whole number from %ld to %ld, as in '%s'", d->name, lo, hi,
                         d->usage);
            return -1;
        }
        if (kind == XL_CMD_SELECT || kind == XL_CMD_MEASURE)
            c.n -= 1;
        break;
    }
    case XL_ARG_REAL:
        if (xl_parse_real(a, alen, &c.x) != 0)
            return fail(err, errlen, "%s needs a plain decimal number, as in '%s'", d->name, d->usage);
        break;
    case XL_ARG_LIST: {
        const char *p = a;
        if (alen == 0 && kind == XL_CMD_ADD_POINT)
            break; /* beside the selected sample */
        if (alen == 0)
            return fail(err, errlen, "%s needs a comma-separated list, as in '%s'", d->name, d->usage);
        for (;;) {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            const char *stop = comma ? comma : end;
            if (c.count >= XL_COMMAND_LIST_MAX)
                return fail(err, errlen, "%s takes at most 32 values, as in '%s'", d->name, d->usage);
            if (xl_parse_real(p, (size_t)(stop - p), &c.list[c.count]) != 0)
                return fail(err, errlen, "%s needs plain decimal numbers separated by commas, as in '%s'",
                            d->name, d->usage);
            c.count++;
            if (!comma)
                break;
            p = comma + 1;
        }
        break;
    }
    case XL_ARG_NAME:
        if (alen == 0)
            return fail(err, errlen, "%s needs a name, as in '%s'", d->name, d->usage);
        if (alen >= sizeof c.name) {
            if (err && errlen)
                snprintf(err, errlen, "%s takes at most %d bytes after it (this has %zu), as in '%s'", d->name,
                         (int)sizeof c.name - 1, alen, d->usage);
            return -1;
        }
        for (size_t i = 0; i < alen; i++)
            if (blank(a[i]))
                return fail(err, errlen, "%s takes one name without blanks, as in '%s'", d->name, d->usage);
        memcpy(c.name, a, alen);
        c.name[alen] = '\0';
        break;
    case XL_ARG_ASSIGN: {
        const char *eq = memchr(a, '=', alen);
        if (!eq || eq == a || (size_t)(eq - a) >= sizeof c.name ||
            xl_parse_real(eq + 1, (size_t)(end - eq - 1), &c.x) != 0)
            return fail(err, errlen, "%s needs NAME=NUMBER, as in '%s'", d->name, d->usage);
        for (const char *q = a; q < eq; q++)
            if (blank(*q))
                return fail(err, errlen, "%s needs NAME=NUMBER without blanks, as in '%s'", d->name, d->usage);
        memcpy(c.name, a, (size_t)(eq - a));
        c.name[eq - a] = '\0';
        break;
    }
    }
    *out = c;
    return 0;
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double: "0.1", not
 * "0.10000000000000001", and still exact. */
static void format_real(char *buf, size_t n, double v)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, n, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

char *xl_command_format(const xl_command *cmd, char *buf, size_t n)
{
    assert(cmd != NULL && buf != NULL && n > 0);
    assert(cmd->kind >= 0 && cmd->kind < XL_CMD_COUNT);
    const def *d = &defs[cmd->kind];
    size_t used = 0;
    int w = snprintf(buf, n, "%s", d->name);
    used = w < 0 ? 0 : (size_t)w;
    char num[40];
    switch (d->arg) {
    case XL_ARG_NONE:
        break;
    case XL_ARG_INT:
        if (used < n)
            snprintf(buf + used, n - used, " %ld",
                     cmd->kind == XL_CMD_SELECT || cmd->kind == XL_CMD_MEASURE ? cmd->n + 1 : cmd->n);
        break;
    case XL_ARG_REAL:
        format_real(num, sizeof num, cmd->x);
        if (used < n)
            snprintf(buf + used, n - used, " %s", num);
        break;
    case XL_ARG_LIST:
        for (int i = 0; i < cmd->count && used < n; i++) {
            format_real(num, sizeof num, cmd->list[i]);
            w = snprintf(buf + used, n - used, "%s%s", i ? "," : " ", num);
            used += w < 0 ? 0 : (size_t)w;
        }
        break;
    case XL_ARG_NAME:
        if (used < n)
            snprintf(buf + used, n - used, " %s", cmd->name);
        break;
    case XL_ARG_ASSIGN:
        format_real(num, sizeof num, cmd->x);
        if (used < n)
            snprintf(buf + used, n - used, " %s=%s", cmd->name, num);
        break;
    }
    return buf;
}

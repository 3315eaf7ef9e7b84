/* xl_command: the command vocabulary, its parser and its printer.
 *
 * The names are part of the script and recording format, so they never change once
 * published; the shared table is indexed by xl_command_kind, and a verb's record is its
 * scenario's. Shared commands and verbs are read by the same rules (argspec below), so a
 * verb's argument is as strict as a shared one's. "select N" and "measure N" (XL_ARG_INDEX)
 * take a 1-based number, as the number keys do, and store it 0-based. Numbers are read
 * strictly (the whole token, a plain decimal, finite), so "1e999", "nan" or "0x10" never
 * become a value.
 */
#include "xl_command.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A shared command's record: as a verb's (xl_verb_def), without key or flags, which
 * the front end and the session hold for these. */
typedef struct def {
    const char *name;
    xl_arg_type arg;
    double lo, hi;
    const char *usage;
    const char *help;
} def;

/* "select K" counts from 1, as the keys do; the session checks K against its size. */
#define SELECT_MAX 1024
#define RUN_MAX 100000000

static const def defs[XL_CMD_COUNT] = {
    [XL_CMD_NONE] = {"none", XL_ARG_NONE, 0, 0, "none", "nothing"},
    [XL_CMD_TOGGLE_PLAY] = {"toggle-play", XL_ARG_NONE, 0, 0, "toggle-play", "play / pause"},
    [XL_CMD_PLAY] = {"play", XL_ARG_NONE, 0, 0, "play", "play"},
    [XL_CMD_PAUSE] = {"pause", XL_ARG_NONE, 0, 0, "pause", "pause"},
    [XL_CMD_STEP] = {"step", XL_ARG_NONE, 0, 0, "step", "one step (pauses)"},
    [XL_CMD_RUN] = {"run", XL_ARG_INT, 0, RUN_MAX, "run N", "take N steps now"},
    [XL_CMD_RESET] = {"reset", XL_ARG_NONE, 0, 0, "reset", "back to the start, step 0"},
    [XL_CMD_SPEED_UP] = {"speed-up", XL_ARG_NONE, 0, 0, "speed-up", "more steps per second"},
    [XL_CMD_SPEED_DOWN] = {"speed-down", XL_ARG_NONE, 0, 0, "speed-down", "fewer steps per second"},
    [XL_CMD_SET_SPEED] = {"set-speed", XL_ARG_INT, 1, 240, "set-speed N", "N steps per second (1 to 240)"},
    [XL_CMD_LR_UP] = {"lr-up", XL_ARG_NONE, 0, 0, "lr-up", "learning rate up the 1-2-5 ladder"},
    [XL_CMD_LR_DOWN] = {"lr-down", XL_ARG_NONE, 0, 0, "lr-down", "learning rate down the 1-2-5 ladder"},
    [XL_CMD_SET_LR] = {"set-lr", XL_ARG_REAL, 0, 0, "set-lr X", "learning rate X (0 < X <= 100)"},
    [XL_CMD_OPTIMIZER] = {"optimizer", XL_ARG_NAME, 0, 0, "optimizer NAME", "gd, momentum, nesterov or adam"},
    [XL_CMD_OPTIMIZER_NEXT] = {"optimizer-next", XL_ARG_NONE, 0, 0, "optimizer-next", "the next optimizer"},
    [XL_CMD_SET_MU] = {"set-mu", XL_ARG_REAL, 0, 0, "set-mu X", "momentum coefficient (0 < X < 1)"},
    [XL_CMD_SET_BETA1] = {"set-beta1", XL_ARG_REAL, 0, 0, "set-beta1 X", "Adam's beta1 (0 < X < 1)"},
    [XL_CMD_SET_BETA2] = {"set-beta2", XL_ARG_REAL, 0, 0, "set-beta2 X", "Adam's beta2 (0 < X < 1)"},
    [XL_CMD_SET_EPS] = {"set-eps", XL_ARG_REAL, 0, 0, "set-eps X", "Adam's epsilon (X > 0)"},
    [XL_CMD_MU_UP] = {"mu-up", XL_ARG_NONE, 0, 0, "mu-up", "momentum up: 0.5, 0.8, 0.9, 0.95, 0.99"},
    [XL_CMD_MU_DOWN] = {"mu-down", XL_ARG_NONE, 0, 0, "mu-down", "momentum down"},
    [XL_CMD_BETA1_UP] = {"beta1-up", XL_ARG_NONE, 0, 0, "beta1-up", "Adam's beta1 up: 0.5, 0.8, 0.9, 0.95, 0.99"},
    [XL_CMD_BETA1_DOWN] = {"beta1-down", XL_ARG_NONE, 0, 0, "beta1-down", "Adam's beta1 down"},
    [XL_CMD_BETA2_UP] = {"beta2-up", XL_ARG_NONE, 0, 0, "beta2-up", "Adam's beta2 up: 0.9, 0.99, 0.999, 0.9999"},
    [XL_CMD_BETA2_DOWN] = {"beta2-down", XL_ARG_NONE, 0, 0, "beta2-down", "Adam's beta2 down"},
    [XL_CMD_EPS_UP] = {"eps-up", XL_ARG_NONE, 0, 0, "eps-up", "Adam's epsilon times 10 (up to 1e-2)"},
    [XL_CMD_EPS_DOWN] = {"eps-down", XL_ARG_NONE, 0, 0, "eps-down", "Adam's epsilon divided by 10 (down to 1e-12)"},
    [XL_CMD_RACE] = {"race", XL_ARG_NAMES, 0, 0, "race A,B,...", "race optimizers from the same start"},
    [XL_CMD_RACE_TOGGLE] = {"race-toggle", XL_ARG_NONE, 0, 0, "race-toggle", "race all four, or stop racing"},
    [XL_CMD_SCENARIO] = {"scenario", XL_ARG_NAME, 0, 0, "scenario NAME", "switch scenario"},
    [XL_CMD_SCENARIO_NEXT] = {"scenario-next", XL_ARG_NONE, 0, 0, "scenario-next", "the next scenario"},
    [XL_CMD_SCENARIO_PREV] = {"scenario-prev", XL_ARG_NONE, 0, 0, "scenario-prev", "the previous scenario"},
    [XL_CMD_PARAM] = {"param", XL_ARG_ASSIGN, 0, 0, "param NAME=X", "set a scenario parameter"},
    [XL_CMD_SELECT] = {"select", XL_ARG_INDEX, 1, SELECT_MAX, "select K", "select class or sample K (from 1)"},
    [XL_CMD_SELECT_NEXT] = {"select-next", XL_ARG_NONE, 0, 0, "select-next", "select the next one"},
    [XL_CMD_SELECT_PREV] = {"select-prev", XL_ARG_NONE, 0, 0, "select-prev", "select the previous one"},
    [XL_CMD_SET_P] = {"set-p", XL_ARG_LIST, 0, 0, "set-p W1,W2,...", "P from weights (normalized)"},
    [XL_CMD_UNIT_TOGGLE] = {"unit", XL_ARG_NONE, 0, 0, "unit", "nats <-> bits"},
    [XL_CMD_SLICE_NEXT] = {"slice-next", XL_ARG_NONE, 0, 0, "slice-next", "the next pair of parameters"},
    [XL_CMD_SLICE_PREV] = {"slice-prev", XL_ARG_NONE, 0, 0, "slice-prev", "the previous pair of parameters"},
    [XL_CMD_FRAME_TOGGLE] = {"frame", XL_ARG_NONE, 0, 0, "frame", "landscape: current slice <-> fixed plane"},
    [XL_CMD_SIMPLEX] = {"simplex", XL_ARG_NONE, 0, 0, "simplex",
                        "three classes: show the probability simplex, or the landscape again"},
    [XL_CMD_MOVE_TO] = {"move-to", XL_ARG_LIST, 0, 0, "move-to X,Y",
                        "put the current point at (X, Y) of the landscape; descent goes on from there"},
    [XL_CMD_START_AT] = {"start-at", XL_ARG_LIST, 0, 0, "start-at X,Y", "start every run at (X, Y) of the landscape"},
    [XL_CMD_ZOOM] = {"zoom", XL_ARG_LIST, 0, 0, "zoom F,X,Y", "landscape: the view times F around (X, Y); F < 1 zooms in"},
    [XL_CMD_PAN] = {"pan", XL_ARG_LIST, 0, 0, "pan DX,DY", "landscape: move the view by (DX, DY)"},
    [XL_CMD_FIT] = {"fit", XL_ARG_NONE, 0, 0, "fit", "landscape: fit the view to the paths, the start and the minimum"},
    [XL_CMD_UNDO] = {"undo", XL_ARG_NONE, 0, 0, "undo", "back to before the last edit"},
    [XL_CMD_REDO] = {"redo", XL_ARG_NONE, 0, 0, "redo", "redo the edit undone last"},
    [XL_CMD_REWIND] = {"rewind", XL_ARG_INT, 0, RUN_MAX, "rewind N", "back to step N of this run, exactly (paused)"},
    [XL_CMD_BACK] = {"back", XL_ARG_NONE, 0, 0, "back", "one step back (paused)"},
    /* Not a word of the text form: a verb is written by its own name. */
    [XL_CMD_VERB] = {"verb", XL_ARG_NONE, 0, 0, "verb", "a scenario's own verb"},
};

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

xl_command xl_command_verb(const xl_verb_def *def)
{
    assert(def != NULL && def->name != NULL);
    xl_command c = xl_command_make(XL_CMD_VERB);
    if (strlen(def->name) >= sizeof c.verb)
        return xl_command_make(XL_CMD_NONE);
    strcpy(c.verb, def->name);
    c.verb_arg = def->arg;
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

const char *xl_command_title(const xl_command *cmd)
{
    assert(cmd != NULL && cmd->kind >= 0 && cmd->kind < XL_CMD_COUNT);
    return cmd->kind == XL_CMD_VERB ? cmd->verb : defs[cmd->kind].name;
}

xl_command_kind xl_command_find(const char *name, size_t len)
{
    assert(name != NULL);
    for (int k = 1; k < XL_CMD_COUNT; k++)
        if (k != XL_CMD_VERB && strlen(defs[k].name) == len && memcmp(defs[k].name, name, len) == 0)
            return (xl_command_kind)k;
    return XL_CMD_NONE;
}

const xl_verb_def *xl_vocab_find(const xl_vocab *v, const char *name, size_t len, const char **owner)
{
    assert(name != NULL);
    for (int t = 0; v && t < v->count; t++)
        for (int i = 0; i < v->tables[t].count; i++) {
            const xl_verb_def *d = &v->tables[t].verbs[i];
            if (strlen(d->name) == len && memcmp(d->name, name, len) == 0) {
                if (owner)
                    *owner = v->tables[t].owner;
                return d;
            }
        }
    return NULL;
}

int xl_verb_table_index(const xl_verb_table *t, const char *name)
{
    assert(t != NULL && name != NULL);
    for (int i = 0; i < t->count; i++)
        if (strcmp(t->verbs[i].name, name) == 0)
            return i;
    return -1;
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

/* What the argument text a[0..alen-1] of a command declared as (name, arg, lo, hi,
 * usage) means, into c. The same rules for shared commands and verbs. */
typedef struct argspec {
    const char *name;
    xl_arg_type arg;
    double lo, hi;
    const char *usage;
    int optional;
} argspec;

static int parse_list(const argspec *d, const char *a, const char *end, xl_command *c, char *err, size_t errlen)
{
    const char *p = a;
    for (;;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        if (c->count >= XL_COMMAND_LIST_MAX)
            return fail(err, errlen, "%s takes at most 32 values, as in '%s'", d->name, d->usage);
        if (xl_parse_real(p, (size_t)(stop - p), &c->list[c->count]) != 0)
            return fail(err, errlen, "%s needs plain decimal numbers separated by commas, as in '%s'", d->name,
                        d->usage);
        c->count++;
        if (!comma)
            break;
        p = comma + 1;
    }
    if (d->lo < d->hi && (c->count < d->lo || c->count > d->hi)) {
        if (err && errlen)
            snprintf(err, errlen, "%s needs %g to %g numbers, as in '%s'", d->name, d->lo, d->hi, d->usage);
        return -1;
    }
    if (d->lo == d->hi && d->lo > 0 && c->count != (int)d->lo) {
        if (err && errlen)
            snprintf(err, errlen, "%s needs %g numbers, as in '%s'", d->name, d->lo, d->usage);
        return -1;
    }
    return 0;
}

static int parse_arg(const argspec *d, const char *a, const char *end, xl_command *c, char *err, size_t errlen)
{
    const size_t alen = (size_t)(end - a);
    if (alen == 0 && d->optional)
        return 0;
    switch (d->arg) {
    case XL_ARG_NONE:
        if (alen)
            return fail(err, errlen, "%s takes no argument, e.g. '%s'", d->name, d->usage);
        return 0;
    case XL_ARG_INT:
    case XL_ARG_INDEX: {
        const long lo = (long)d->lo, hi = (long)d->hi;
        if (parse_long(a, alen, lo, hi, &c->n) != 0) {
            if (err && errlen)
                snprintf(err, errlen, "%s needs a whole number from %ld to %ld, as in '%s'", d->name, lo, hi,
                         d->usage);
            return -1;
        }
        if (d->arg == XL_ARG_INDEX)
            c->n -= 1;
        return 0;
    }
    case XL_ARG_REAL:
        if (xl_parse_real(a, alen, &c->x) != 0)
            return fail(err, errlen, "%s needs a plain decimal number, as in '%s'", d->name, d->usage);
        if (d->lo < d->hi && !(c->x >= d->lo && c->x <= d->hi)) {
            if (err && errlen)
                snprintf(err, errlen, "%s needs a number from %g to %g, as in '%s'", d->name, d->lo, d->hi,
                         d->usage);
            return -1;
        }
        return 0;
    case XL_ARG_LIST:
        if (alen == 0)
            return fail(err, errlen, "%s needs a comma-separated list, as in '%s'", d->name, d->usage);
        return parse_list(d, a, end, c, err, errlen);
    case XL_ARG_NAME:
    case XL_ARG_NAMES:
        if (alen == 0)
            return fail(err, errlen, "%s needs a name, as in '%s'", d->name, d->usage);
        if (alen >= sizeof c->name) {
            if (err && errlen)
                snprintf(err, errlen, "%s takes at most %d bytes after it (this has %zu), as in '%s'", d->name,
                         (int)sizeof c->name - 1, alen, d->usage);
            return -1;
        }
        for (size_t i = 0; i < alen; i++)
            if (blank(a[i]))
                return fail(err, errlen, "%s takes one name without blanks, as in '%s'", d->name, d->usage);
        memcpy(c->name, a, alen);
        c->name[alen] = '\0';
        return 0;
    case XL_ARG_ASSIGN: {
        const char *eq = memchr(a, '=', alen);
        if (!eq || eq == a || (size_t)(eq - a) >= sizeof c->name ||
            xl_parse_real(eq + 1, (size_t)(end - eq - 1), &c->x) != 0)
            return fail(err, errlen, "%s needs NAME=NUMBER, as in '%s'", d->name, d->usage);
        for (const char *q = a; q < eq; q++)
            if (blank(*q))
                return fail(err, errlen, "%s needs NAME=NUMBER without blanks, as in '%s'", d->name, d->usage);
        memcpy(c->name, a, (size_t)(eq - a));
        c->name[eq - a] = '\0';
        return 0;
    }
    }
    return fail(err, errlen, "%s has an argument of no known kind%s", d->name, "");
}

int xl_command_parse_in(const xl_vocab *v, const char *text, xl_command *out, char *err, size_t errlen)
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

    xl_command c = xl_command_make(XL_CMD_NONE);
    argspec spec;
    const xl_command_kind kind = xl_command_find(s, len);
    const xl_verb_def *verb = kind == XL_CMD_NONE ? xl_vocab_find(v, s, len, NULL) : NULL;
    if (kind != XL_CMD_NONE) {
        const def *d = &defs[kind];
        spec = (argspec){d->name, d->arg, d->lo, d->hi, d->usage, 0};
        c.kind = kind;
    } else if (verb) {
        spec = (argspec){verb->name, verb->arg, verb->lo, verb->hi, verb->usage,
                         (verb->flags & XL_VERB_ARG_OPTIONAL) != 0};
        c = xl_command_verb(verb);
        if (c.kind != XL_CMD_VERB)
            return fail(err, errlen, "the verb '%s' has too long a name%s (xl_vocab_check refuses it)", word, "");
    } else {
        return fail(err, errlen, "unknown command '%s'%s", word, len ? "" : " (empty)");
    }
    const char *a = word_end;
    while (a < end && blank(*a))
        a++;
    if (parse_arg(&spec, a, end, &c, err, errlen) != 0)
        return -1;
    *out = c;
    return 0;
}

int xl_command_parse(const char *text, xl_command *out, char *err, size_t errlen)
{
    return xl_command_parse_in(NULL, text, out, err, errlen);
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
    const int is_verb = cmd->kind == XL_CMD_VERB;
    const xl_arg_type arg = is_verb ? cmd->verb_arg : defs[cmd->kind].arg;
    size_t used = 0;
    int w = snprintf(buf, n, "%s", xl_command_title(cmd));
    used = w < 0 ? 0 : (size_t)w;
    char num[40];
    switch (arg) {
    case XL_ARG_NONE:
        break;
    case XL_ARG_INT:
    case XL_ARG_INDEX:
        if (used < n)
            snprintf(buf + used, n - used, " %ld", arg == XL_ARG_INDEX ? cmd->n + 1 : cmd->n);
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
    case XL_ARG_NAMES:
        if (used < n && cmd->name[0])
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

/* A verb's name: lowercase letters, digits and '-', starting with a letter. */
static int well_named(const char *name)
{
    if (!name || !(name[0] >= 'a' && name[0] <= 'z'))
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return strlen(name) < XL_VERB_NAME_MAX;
}

static int same_key(xl_key a, xl_key b)
{
    return a.code != 0 && a.code == b.code && a.shift == b.shift;
}

static int check_verb(const xl_verb_table *t, const xl_verb_def *d, char *err, size_t errlen)
{
    const char *who = t->owner ? t->owner : "?";
    if (!well_named(d->name)) {
        if (err && errlen)
            snprintf(err, errlen, "%s: a verb's name must be 1 to %d lowercase letters, digits and '-' ('%s')", who,
                     XL_VERB_NAME_MAX - 1, d->name ? d->name : "(null)");
        return -1;
    }
    if (xl_command_find(d->name, strlen(d->name)) != XL_CMD_NONE) {
        if (err && errlen)
            snprintf(err, errlen, "%s: the verb '%s' is named like a shared command", who, d->name);
        return -1;
    }
    if (!d->usage || strncmp(d->usage, d->name, strlen(d->name)) != 0 || !d->help) {
        if (err && errlen)
            snprintf(err, errlen, "%s: the verb '%s' needs a help line and a usage that starts with its name", who,
                     d->name);
        return -1;
    }
    if (d->lo > d->hi || d->arg < XL_ARG_NONE || d->arg > XL_ARG_ASSIGN ||
        ((d->arg == XL_ARG_INT || d->arg == XL_ARG_INDEX) && !(d->lo < d->hi)) ||
        (d->arg == XL_ARG_INDEX && d->lo < 1) || (d->arg == XL_ARG_LIST && d->hi > XL_COMMAND_LIST_MAX)) {
        if (err && errlen)
            snprintf(err, errlen, "%s: the verb '%s' has no sensible range for its argument", who, d->name);
        return -1;
    }
    return 0;
}

int xl_vocab_check(const xl_vocab *v, char *err, size_t errlen)
{
    for (int t = 0; v && t < v->count; t++) {
        const xl_verb_table *tab = &v->tables[t];
        const char *who = tab->owner ? tab->owner : "?";
        for (int i = 0; i < tab->count; i++) {
            const xl_verb_def *d = &tab->verbs[i];
            if (check_verb(tab, d, err, errlen) != 0)
                return -1;
            for (int j = 0; j < i; j++) {
                const xl_verb_def *e = &tab->verbs[j];
                if (strcmp(d->name, e->name) == 0) {
                    if (err && errlen)
                        snprintf(err, errlen, "%s: the verb '%s' is declared twice", who, d->name);
                    return -1;
                }
                for (int a = 0; a < XL_VERB_KEYS_MAX; a++)
                    for (int b = 0; b < XL_VERB_KEYS_MAX; b++)
                        if (same_key(d->keys[a], e->keys[b])) {
                            if (err && errlen)
                                snprintf(err, errlen, "%s: the verbs '%s' and '%s' are on the same key", who,
                                         e->name, d->name);
                            return -1;
                        }
            }
            /* The same verb in an earlier table: one text form, so one kind of argument. */
            for (int u = 0; u < t; u++) {
                const int k = xl_verb_table_index(&v->tables[u], d->name);
                if (k < 0)
                    continue;
                const xl_verb_def *e = &v->tables[u].verbs[k];
                if (e->arg != d->arg || e->lo != d->lo || e->hi != d->hi ||
                    (e->flags & XL_VERB_ARG_OPTIONAL) != (d->flags & XL_VERB_ARG_OPTIONAL)) {
                    if (err && errlen)
                        snprintf(err, errlen,
                                 "%s and %s both declare the verb '%s' with different arguments ('%s', '%s')",
                                 v->tables[u].owner ? v->tables[u].owner : "?", who, d->name, e->usage, d->usage);
                    return -1;
                }
            }
        }
    }
    return 0;
}

/* ui_cli: flags (see ui_cli.h and --help). Flags are first collected raw, then
 * resolved together, because the number of classes can come from --classes, --true,
 * --names or --logits and every list must agree with it. */
#include "ui_cli.h"
#include "ui_cli_num.h"

#include "xl_state_text.h"

#include <sys/stat.h>
#include <unistd.h>

#include "ui_cli_help.h"
#include "ui_lang.h"
#include "ui_library.h"
#include "ui_export_audio.h"
#include "ui_scene.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef XL_VERSION
#define XL_VERSION "0.0.0"
#endif

enum { MIN_W = UI_MIN_W, MIN_H = UI_MIN_H, MAX_W = UI_FRAME_MAX_W, MAX_H = UI_FRAME_MAX_H };
#define MAX_LR UI_CLI_MAX_LR
#define MAX_STEPS 100000000L

enum {
    OPT_VERSION = 256, OPT_HEADLESS, OPT_TRACE, OPT_NAMES, OPT_SEED, OPT_THEME, OPT_DO, OPT_SCENARIO,
    OPT_LIST_SCENARIOS, OPT_LIST_COMMANDS, OPT_PARAM, OPT_OPTIMIZER, OPT_RACE, OPT_MU, OPT_BETA1, OPT_BETA2, OPT_EPS,
    OPT_POINTER, OPT_ZOOM, OPT_SHOTS, OPT_CHECK, OPT_PLAY, OPT_LESSON, OPT_LIST_LESSONS, OPT_PAGE, OPT_PRESENTER, OPT_RECORD, OPT_FPS, OPT_FORCE, OPT_RECORD_INPUT, OPT_REPLAY, OPT_STATE, OPT_MIC, OPT_NARRATION, OPT_NARRATION_OFFSET, OPT_VOICE, OPT_SOUND,
    OPT_REDUCED_MOTION, OPT_NO_CONTROLS, OPT_PIXEL_RATIO, OPT_CLASS, OPT_CLASS_PORT, OPT_CLASS_BIND, OPT_CLASS_LOG,
    OPT_CARDS, OPT_LANG, OPT_DESCRIBE
};
enum { MAX_PARAM_FLAGS = 16 };

typedef struct raw_flags {
    const char *scenario;                 /* NULL: the default (borrows argv) */
    int param_count;                      /* --param NAME=VALUE, in order */
    char param_names[MAX_PARAM_FLAGS][XL_COMMAND_NAME_MAX];
    double param_values[MAX_PARAM_FLAGS];
    int optimizer_given;
    xl_optim_kind optimizer;
    const char *race;                     /* borrows argv */
    double mu, beta1, beta2, eps;         /* 0: the standard default */
    int want_help, list_scenarios, list_commands;
    int classes;                          /* 0: not given */
    int names_count;
    char names[XL_COMMAND_NAME_MAX];      /* as given: comma-separated */
    int true_count;                       /* 0: not given */
    double true_w[XL_COMMAND_LIST_MAX];
    int onehot;                           /* 1-based; 0: not given */
    int logits_count;
    double logits[XL_COMMAND_LIST_MAX];
    double lr;                            /* 0: not given */
    uint64_t seed;
} raw_flags;

static int fail(FILE *err, const char *flag, const char *what, const char *got)
{
    /* What was given is quoted back, but not a page of it: 120 bytes, cut before a
     * character's continuation bytes, and "…" after. */
    char shown[128];
    size_t n = strlen(got);
    if (n > 120) {
        n = 120;
        while (n > 0 && ((unsigned char)got[n] & 0xC0) == 0x80) n--;
    }
    snprintf(shown, sizeof shown, "%.*s%s", (int)n, got, got[n] ? "\u2026" : "");
    fprintf(err, _("xentlab: %s: %s, got '%s'\nTry 'xentlab --help'.\n"), flag, what, shown);
    return -1;
}

/* --names: comma-separated, none empty, at most one per class a command's list holds;
 * whether each name suits the scenario (its length) is the scenario's to say. */
static int parse_names(const char *s, raw_flags *raw, FILE *err)
{
    if (strlen(s) >= sizeof raw->names)
        return fail(err, "--names", _("the names take too many bytes in all"), s);
    raw->names_count = 0;
    for (const char *p = s;; raw->names_count++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0)
            return fail(err, "--names", _("expected non-empty comma-separated names"), s);
        if (raw->names_count >= XL_COMMAND_LIST_MAX)
            return fail(err, "--names", _("at most 32 names"), s);
        if (!comma) break;
        p = comma + 1;
    }
    raw->names_count++;
    snprintf(raw->names, sizeof raw->names, "%s", s);
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    const char *x = strchr(s, 'x');
    if (!x) x = strchr(s, 'X');
    if (!x) return -1;
    uint64_t lw, lh;
    if (ui_num_whole(s, (size_t)(x - s), MAX_W, &lw) != 0 || ui_num_whole(x + 1, strlen(x + 1), MAX_H, &lh) != 0)
        return -1;
    /* The smallest is 640x360 lying down, or 360x640 upright (a phone's frame). */
    if (!((lw >= MIN_W && lh >= MIN_H) || (lw >= MIN_H && lh >= MIN_W))) return -1;
    *w = (int)lw;
    *h = (int)lh;
    return 0;
}

/* Append the commands of --do to o->commands. Commands are separated by ';', or by a
 * comma where the command read so far takes no list: "select 2,p-up,unit" is three
 * commands, "set-p 0.5,0.3,0.2;step" two (a list runs to the next ';'). */
static int parse_commands(const char *list, ui_options *o, FILE *err)
{
    const char *p = list;
    for (;;) {
        /* The command's first word decides where it ends. */
        const char *w = p;
        while (*w == ' ') w++;
        size_t wl = strcspn(w, " ,;");
        const int t = ui_action_arg_type(w, wl); /* a list, or names: commas are its own */
        const int long_arg = t == XL_ARG_LIST || t == XL_ARG_NAMES;
        size_t len = long_arg ? strcspn(p, ";") : strcspn(p, ",;");
        const char *sep = p[len] ? p + len : NULL;
        /* Longer than any command with its blanks: refused whole, never cut short
         * (a cut "step<70 blanks>junk" would have read as "step"). */
        char item[256];
        if (len >= sizeof item) {
            char what[96];
            snprintf(what, sizeof what, _("each command must be at most %d characters"), (int)sizeof item - 1);
            return fail(err, "--do", what, list);
        }
        memcpy(item, p, len);
        item[len] = '\0';
        ui_action a = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
        char why[160] = ""; /* initialised where declared: a refusal that wrote nothing reads "" */
        if (ui_action_parse(item, &a, why, sizeof why) != 0) {
            char what[256];
            snprintf(what, sizeof what, _("%s (commands are separated by ';' or ',')"), why);
            return fail(err, "--do", what, item);
        }
        if (o->command_count >= UI_MAX_COMMANDS)
            return fail(err, "--do", _("at most 64 commands"), list);
        o->commands[o->command_count++] = a;
        if (!sep) return 0;
        p = sep + 1;
    }
}

/* "select K" must name an item the starting scene has; checked here, where the number
 * is known (o->items). Commands after a switch of scenario are checked by the session,
 * which refuses with the reason. */
static int check_commands(const ui_options *o, int items, FILE *err)
{
    for (int i = 0; i < o->command_count; i++) {
        const xl_command *c = &o->commands[i].cmd;
        if (c->kind == XL_CMD_SCENARIO || c->kind == XL_CMD_SCENARIO_NEXT || c->kind == XL_CMD_SCENARIO_PREV ||
            c->kind == XL_CMD_PARAM)
            break;
        if (c->kind != XL_CMD_SELECT || c->n < items) continue;
        char got[32], what[128];
        snprintf(got, sizeof got, "select %ld", c->n + 1);
        /* The item's name in the plural: class → classes, density → densities. */
        const char *noun = o->desc.scenario->item_noun;
        size_t len = strlen(noun);
        const char *end = len && noun[len - 1] == 's' ? "es" : "s";
        int keep = (int)len;
        if (len > 1 && noun[len - 1] == 'y' && !strchr("aeiou", noun[len - 2])) end = "ies", keep--;
        char many[64];
        snprintf(many, sizeof many, "%.*s%s", keep, noun, end);
        /* The plural translated whole (the status bar's nouns: a language's plural is no added "s"). */
        snprintf(what, sizeof what, _("select K needs K from 1 to %d, the number of %s"), items, _(many));
        return fail(err, "--do", what, got);
    }
    return 0;
}

/* The session desc's defaults: the registry's first scenario from the seed. */
static int resolve(const raw_flags *raw, xl_session_desc *d, FILE *err)
{
    (void)err;
    xl_session_desc_default(d, raw->seed);
    if (raw->lr > 0) d->lr = raw->lr;
    return 0;
}

/* How many items (classes) the desc's scenario starts with: a trial session, before any
 * setup. -1 with the reason in why if it cannot start. */
static int starting_items(const xl_session_desc *d, char *why, size_t n)
{
    xl_session_desc bare = *d;
    bare.setup_count = 0;
    xl_session *s = xl_session_create_checked(&bare, why, n);
    if (s == NULL) return -1;
    int items = xl_session_scenario(s)->item_count(xl_session_state(s));
    xl_session_destroy(s);
    return items;
}

/* --classes, --names, --true and --logits are the command line's spelling of commands
 * a scenario with classes takes (the softmax): "param classes=N", "names A,B,...",
 * "set-p W,...", "select K" then "onehot", "set-logits Z,...". A list's length sets the
 * classes when --classes does not. They become the desc's setup commands; a trial
 * session checks them, and what the scenario refuses is reported under the flag that
 * asked for it. Returns 0, or -1 after a usage message. *items gets the number of items
 * the scene starts with. */
static int resolve_setup(const raw_flags *raw, xl_session_desc *d, int *items, FILE *err)
{
    char got[64], what[256];
    int n = raw->classes;
    const char *n_from = "--classes";
    if (!n && raw->true_count) { n = raw->true_count; n_from = "--true"; }
    if (!n && raw->names_count) { n = raw->names_count; n_from = "--names"; }
    if (!n && raw->logits_count) { n = raw->logits_count; n_from = "--logits"; }
    const char *any = raw->classes ? "--classes" : raw->true_count || raw->onehot ? "--true"
                    : raw->names_count ? "--names" : raw->logits_count ? "--logits" : NULL;
    const xl_scenario_def *def = d->scenario;
    const int k = xl_scenario_param_index(def, "classes");
    if (any && k < 0) {
        snprintf(what, sizeof what, _("the %s scenario has no classes to set (see --help's scenario list)"), def->id);
        return fail(err, any, what, def->id);
    }
    if (n) {
        const xl_param_def *p = &def->params[k];
        if (!(n >= p->lo && n <= p->hi)) {
            snprintf(got, sizeof got, "%d", n);
            snprintf(what, sizeof what, _("the number of classes must be %g to %g"), p->lo, p->hi);
            return fail(err, n_from, what, got);
        }
        d->params[k] = n;
    }
    int N = starting_items(d, what, sizeof what);
    if (N < 0) return fail(err, "--scenario", what, def->id);
    *items = N;
    if (!any) return 0;
    const char *flag_of[XL_SETUP_MAX];
    int nflags = 0;
#define SETUP(flag, cmd) (flag_of[nflags++] = (flag), xl_session_desc_add_setup(d, (cmd)))
    if (raw->names_count) {
        if (raw->names_count != N) {
            snprintf(got, sizeof got, "%d names", raw->names_count);
            snprintf(what, sizeof what, _("expected %d names, one per class (set by %s)"), N, n_from);
            return fail(err, "--names", what, got);
        }
        xl_command c = xl_scenario_command(def, "names");
        snprintf(c.name, sizeof c.name, "%s", raw->names); /* parse_names kept it shorter */
        SETUP("--names", c);
    }
    if (raw->true_count) {
        if (raw->true_count != N) {
            snprintf(got, sizeof got, "%d weights", raw->true_count);
            snprintf(what, sizeof what, _("expected %d weights, one per class (set by %s)"), N, n_from);
            return fail(err, "--true", what, got);
        }
        xl_command c = xl_command_make(XL_CMD_SET_P);
        c.count = N;
        memcpy(c.list, raw->true_w, sizeof(double) * (size_t)N);
        SETUP("--true", c);
    }
    if (raw->onehot) {
        if (raw->onehot > N) {
            snprintf(got, sizeof got, "onehot:%d", raw->onehot);
            snprintf(what, sizeof what, _("onehot:K needs K from 1 to %d"), N);
            return fail(err, "--true", what, got);
        }
        SETUP("--true", xl_command_int(XL_CMD_SELECT, raw->onehot - 1));
        SETUP("--true", xl_scenario_command(def, "onehot"));
    }
    if (raw->logits_count) {
        if (raw->logits_count != N) {
            snprintf(got, sizeof got, "%d logits", raw->logits_count);
            snprintf(what, sizeof what, _("expected %d logits, one per class (set by %s)"), N, n_from);
            return fail(err, "--logits", what, got);
        }
        xl_command c = xl_scenario_command(def, "set-logits");
        c.count = N;
        memcpy(c.list, raw->logits, sizeof(double) * (size_t)N);
        SETUP("--logits", c);
    }
#undef SETUP
    int bad = -1;
    xl_session *s = xl_session_create_report(d, what, sizeof what, &bad);
    if (s == NULL) return fail(err, bad >= 0 && bad < nflags ? flag_of[bad] : "--scenario", what, def->id);
    xl_session_destroy(s);
    return 0;
}

/* A hyperparameter flag: a plain decimal in [lo, hi). */
static int hyper_flag(const char *flag, const char *arg, double lo, double hi, const char *range, double *out,
                      FILE *err)
{
    double v;
    if (xl_parse_real(arg, strlen(arg), &v) != 0 || !(v > lo && v < hi)) /* 0 would mean the default */
        return fail(err, flag, range, arg);
    *out = v;
    return 0;
}

/* The flags of the learning set-up: scenario, parameters, optimizer, race. */
static int take_learning_flag(int ch, const char *arg, raw_flags *raw, FILE *err)
{
    switch (ch) {
    case OPT_SCENARIO:
        raw->scenario = arg;
        return 0;
    case OPT_LIST_SCENARIOS:
        raw->list_scenarios = 1;
        return 0;
    case OPT_LIST_COMMANDS:
        raw->list_commands = 1;
        return 0;
    case OPT_PARAM: {
        const char *eq = strchr(arg, '=');
        double v;
        if (!eq || eq == arg || (size_t)(eq - arg) >= XL_COMMAND_NAME_MAX ||
            xl_parse_real(eq + 1, strlen(eq + 1), &v) != 0)
            return fail(err, "--param", _("expected NAME=NUMBER, e.g. --param classes=8"), arg);
        if (raw->param_count >= MAX_PARAM_FLAGS) return fail(err, "--param", _("at most 16 parameters"), arg);
        memcpy(raw->param_names[raw->param_count], arg, (size_t)(eq - arg));
        raw->param_names[raw->param_count][eq - arg] = '\0';
        raw->param_values[raw->param_count++] = v;
        return 0;
    }
    case OPT_OPTIMIZER:
        if (xl_optim_kind_parse(arg, &raw->optimizer) != 0)
            return fail(err, "--optimizer", _("expected gd, momentum, nesterov or adam"), arg);
        raw->optimizer_given = 1;
        return 0;
    case OPT_RACE:
        raw->race = arg;
        return 0;
    case OPT_MU: return hyper_flag("--mu", arg, 0.0, 1.0, _("expected a momentum above 0 and below 1"), &raw->mu, err);
    case OPT_BETA1: return hyper_flag("--beta1", arg, 0.0, 1.0, _("expected a value above 0 and below 1"), &raw->beta1, err);
    case OPT_BETA2: return hyper_flag("--beta2", arg, 0.0, 1.0, _("expected a value above 0 and below 1"), &raw->beta2, err);
    case OPT_EPS: return hyper_flag("--eps", arg, 0.0, 1.0, _("expected a value above 0 and below 1"), &raw->eps, err);
    default:
        return -1;
    }
}

/* --help (with --scenario: that scenario's parameters), --list-scenarios,
 * --list-commands (their text is ui_cli_help.c's). */
static ui_cli_result print_lists(const raw_flags *raw, FILE *out, FILE *err)
{
    const xl_scenario_def *def = NULL;
    if (raw->scenario) {
        def = xl_scenario_find(raw->scenario);
        if (!def) {
            char ids[256], what[320];
            ui_cli_help_scenario_ids(ids, sizeof ids);
            snprintf(what, sizeof what, _("expected one of: %s"), ids);
            fail(err, "--scenario", what, raw->scenario);
            return UI_CLI_USAGE;
        }
    }
    ui_cli_help_print(def, raw->want_help, raw->list_scenarios, raw->list_commands, out);
    return UI_CLI_DONE;
}

/* The learning set-up into the desc: scenario, parameters, optimizer, race. */
static int resolve_learning(const raw_flags *raw, xl_session_desc *d, FILE *err)
{
    char list[512], what[600];
    if (raw->scenario) {
        const xl_scenario_def *def = xl_scenario_find(raw->scenario);
        if (!def) {
            ui_cli_help_scenario_ids(list, sizeof list);
            snprintf(what, sizeof what, _("expected one of: %s"), list);
            return fail(err, "--scenario", what, raw->scenario);
        }
        if (def != d->scenario) {
            xl_session_desc_set_scenario(d, def);
        }
    }
    const xl_scenario_def *def = d->scenario;
    for (int i = 0; i < raw->param_count; i++) {
        int k = xl_scenario_param_index(def, raw->param_names[i]);
        if (k < 0) {
            size_t used = 0;
            list[0] = '\0';
            for (int j = 0; j < def->param_count && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", def->params[j].name);
            snprintf(what, sizeof what, _("the %s scenario has no parameter '%s'; its parameters: %s"), def->id,
                     raw->param_names[i], def->param_count ? list : "none");
            return fail(err, "--param", what, raw->param_names[i]);
        }
        const xl_param_def *p = &def->params[k];
        double v = raw->param_values[i];
        if (!(v >= p->lo && v <= p->hi) || (p->whole && v != floor(v))) {
            snprintf(what, sizeof what, p->whole ? _("%s must be a whole number from %g to %g") : _("%s must be a number from %g to %g"),
                     p->name, p->lo, p->hi);
            snprintf(list, sizeof list, "%s=%g", p->name, v);
            return fail(err, "--param", what, list);
        }
        d->params[k] = v;
    }
    d->optimizer = raw->optimizer_given ? raw->optimizer : XL_OPTIM_GD;
    d->hyper.mu = raw->mu;
    d->hyper.beta1 = raw->beta1;
    d->hyper.beta2 = raw->beta2;
    d->hyper.eps = raw->eps;
    if (raw->race) {
        const char *p = raw->race;
        d->race_count = 0;
        for (;;) {
            size_t len = strcspn(p, ",");
            char name[32];
            xl_optim_kind k;
            if (len == 0 || len >= sizeof name || d->race_count >= XL_RACE_MAX)
                return fail(err, "--race", _("expected 2 to 4 different optimizers, e.g. gd,momentum,adam"), raw->race);
            memcpy(name, p, len);
            name[len] = '\0';
            if (xl_optim_kind_parse(name, &k) != 0)
                return fail(err, "--race", _("expected optimizers among gd, momentum, nesterov, adam"), raw->race);
            for (int i = 0; i < d->race_count; i++)
                if (d->race[i] == k) return fail(err, "--race", _("each optimizer at most once"), raw->race);
            d->race[d->race_count++] = k;
            if (!p[len]) break;
            p += len + 1;
        }
        if (d->race_count < 2)
            return fail(err, "--race", _("expected 2 to 4 different optimizers, e.g. gd,momentum,adam"), raw->race);
        if (raw->optimizer_given) return fail(err, "--race", _("give --optimizer or --race, not both"), raw->race);
    }
    return 0;
}

/* One flag and its value (arg, NULL for flags without one). Returns 0 to go on, 1 when
 * the program is done (--version printed), -1 after printing what is wrong. */
static int take_flag(int ch, const char *arg, ui_options *o, raw_flags *raw, FILE *out_stream, FILE *err_stream)
{
    long v;
    switch (ch) {
    case 'h': raw->want_help = 1; break;
    case OPT_VERSION: /* the GNU convention: name and version, copyright, licence */
        fprintf(out_stream, "xentlab %s\n"
                            "Copyright (c) 2026 the xentlab authors\n"
                            "License MIT: the file LICENSE (installed as share/doc/xentlab/LICENSE)\n"
                            "This is free software: you are free to change and redistribute it.\n"
                            "There is NO WARRANTY, to the extent permitted by law.\n"
                            "The DejaVu fonts it draws with have their own licence: share/xentlab/fonts/LICENSE.\n",
                XL_VERSION);
        return 1;
    case 's':
        o->size_given = 1;
        if (parse_size(arg, &o->width, &o->height) != 0) {
            char what[96];
            snprintf(what, sizeof what, _("expected WxH from %dx%d (%dx%d upright) to %dx%d"), MIN_W, MIN_H, MIN_H, MIN_W,
                     MAX_W, MAX_H);
            fail(err_stream, "--size", what, arg);
            return -1;
        }
        break;
    case OPT_HEADLESS: o->headless = 1; break;
    case OPT_CHECK: o->check = 1; break;
    case OPT_LESSON:
        if (!*arg) {
            fail(err_stream, "--lesson", _("expected a lesson's number, name or file, e.g. --lesson 1"), arg);
            return -1;
        }
        o->lesson = arg;
        break;
    case OPT_LIST_LESSONS: o->list_lessons = 1; break;
    case OPT_PRESENTER: o->presenter = 1; break;
    case OPT_REDUCED_MOTION: o->reduced_motion = 1; break;
    case OPT_NO_CONTROLS: o->no_controls = 1; break;
    case OPT_LANG:
        if (ui_lang_set(arg) != 0) {
            fail(err_stream, "--lang", _("expected one of the interface's languages: en, de, es"), arg);
            return -1;
        }
        o->lang = ui_lang_code();
        break;
    case OPT_RECORD:
        if (!*arg) {
            fail(err_stream, "--record", _("expected OUT.mp4, OUT.webm or a folder for PNG frames"), arg);
            return -1;
        }
        o->record = arg;
        break;
    case OPT_FPS:
        if (ui_num_long(arg, 1, 120, &v) != 0) {
            fail(err_stream, "--fps", _("expected frames per second from 1 to 120"), arg);
            return -1;
        }
        o->fps = (int)v;
        break;
    case OPT_FORCE: o->force = 1; break;
    case OPT_CARDS: {
        static const char *const names[] = {"none", "title", "end", "both"}; /* their index is the bits */
        o->cards = -1;
        for (int i = 0; i < 4; i++)
            if (strcmp(arg, names[i]) == 0) o->cards = i;
        if (o->cards < 0) {
            fail(err_stream, "--cards", _("expected none, title, end or both"), arg);
            return -1;
        }
        o->cards_given = 1;
        break;
    }
    case OPT_CLASS: o->class_on = 1; break;
    case OPT_CLASS_PORT:
        if (ui_num_long(arg, 1024, 65535, &v) != 0) {
            fail(err_stream, "--class-port", _("expected a port from 1024 to 65535, e.g. --class-port 8321"), arg);
            return -1;
        }
        o->class_port = (int)v;
        o->class_on = 1;
        break;
    case OPT_CLASS_BIND:
        if (!*arg || strlen(arg) > 63) {
            fail(err_stream, "--class-bind", _("expected an IPv4 address of this computer or a network interface's name, "
                                             "e.g. --class-bind wlan0"), arg);
            return -1;
        }
        o->class_bind = arg;
        o->class_on = 1;
        break;
    case OPT_CLASS_LOG:
        if (!*arg) {
            fail(err_stream, "--class-log", _("expected a file for the votes, e.g. --class-log votes.csv"), arg);
            return -1;
        }
        o->class_log = arg;
        o->class_on = 1;
        break;
    case OPT_RECORD_INPUT:
        if (!*arg) {
            fail(err_stream, "--record-input", _("expected a file to write the inputs to"), arg);
            return -1;
        }
        o->record_input = arg;
        break;
    case OPT_REPLAY:
        if (!*arg) {
            fail(err_stream, "--replay", _("expected a file written by --record-input"), arg);
            return -1;
        }
        o->replay = arg;
        break;
    case OPT_MIC: o->mic = 1; break;
    case OPT_VOICE: o->voice = 1; break;
    case OPT_SOUND: o->sound = 1; break;
    case OPT_NARRATION:
        if (!*arg) {
            fail(err_stream, "--narration", _("expected a sound file (WAV, FLAC, ...), e.g. --narration voice.wav"), arg);
            return -1;
        }
        o->narration = arg;
        break;
    case OPT_NARRATION_OFFSET:
        if (ui_export_audio_parse_offset(arg, &o->narration_offset_ms) != 0) {
            fail(err_stream, "--narration-offset", _("expected seconds from -10800 to 10800, e.g. 2.5 or -0.25"), arg);
            return -1;
        }
        o->narration_offset_given = 1;
        break;
    case OPT_STATE:
        if (!*arg) {
            fail(err_stream, "--state", _("expected a state text (F4 copies one), e.g. xl1~s:softmax~n:30~h:..."), arg);
            return -1;
        }
        o->state = arg;
        break;
    case OPT_PAGE:
        if (ui_num_long(arg, 1, XL_LESSON_MAX_PAGES, &v) != 0) {
            fail(err_stream, "--page", _("expected a page number from 1 to 48"), arg);
            return -1;
        }
        o->page = (int)v;
        break;
    case OPT_PLAY: o->check_play = 1; break;
    case OPT_PIXEL_RATIO: {
        double r;
        if (xl_parse_real(arg, strlen(arg), &r) != 0 || !(r >= 1.0 && r <= 8.0)) {
            fail(err_stream, "--pixel-ratio", _("expected a ratio from 1 to 8"), arg);
            return -1;
        }
        o->pixel_ratio = (float)r;
        break;
    }
    case OPT_ZOOM: {
        double z;
        if (xl_parse_real(arg, strlen(arg), &z) != 0 || !(z >= UI_ZOOM_MIN - 1e-6 && z <= UI_ZOOM_MAX + 1e-6)) {
            fail(err_stream, "--zoom", _("expected a factor from 0.6 to 2"), arg);
            return -1;
        }
        o->zoom = (float)z;
        break;
    }
    case OPT_SHOTS: {
        struct stat st;
        if (!*arg || stat(arg, &st) != 0 || !S_ISDIR(st.st_mode) || access(arg, W_OK) != 0) {
            fail(err_stream, "--shots", _("expected a folder that exists and can be written"), arg);
            return -1;
        }
        o->shots_dir = arg;
        break;
    }
    case OPT_POINTER: {
        /* Within the largest frame; whether it falls inside this one is the frame's business. */
        const char *comma = strchr(arg, ',');
        uint64_t px, py;
        if (!comma || ui_num_whole(arg, (size_t)(comma - arg), MAX_W, &px) != 0 ||
            ui_num_whole(comma + 1, strlen(comma + 1), MAX_H, &py) != 0) {
            char what[96];
            snprintf(what, sizeof what, _("expected X,Y, whole pixels from 0,0 to %d,%d"), MAX_W, MAX_H);
            fail(err_stream, "--pointer", what, arg);
            return -1;
        }
        o->pointer = 1;
        o->pointer_x = (int)px;
        o->pointer_y = (int)py;
        break;
    }
    case 'n':
        if (ui_num_long(arg, 0, MAX_STEPS, &v) != 0) {
            fail(err_stream, "--steps", _("expected a whole number from 0 to 100000000"), arg);
            return -1;
        }
        o->steps = v;
        break;
    case 'o': {
        size_t len = strlen(arg);
        if (len < 5 || strcmp(arg + len - 4, ".png") != 0) {
            fail(err_stream, "--screenshot", _("expected a file name ending in .png"), arg);
            return -1;
        }
        o->screenshot = arg;
        break;
    }
    case OPT_TRACE: o->trace = 1; break;
    case OPT_DESCRIBE: o->describe = 1; break;
    case 'c':
        if (ui_num_long(arg, 2, XL_COMMAND_LIST_MAX, &v) != 0) {
            fail(err_stream, "--classes", _("expected a whole number from 2 to 32"), arg);
            return -1;
        }
        raw->classes = (int)v;
        break;
    case OPT_NAMES:
        if (parse_names(arg, raw, err_stream) != 0) return -1;
        break;
    case 'p':
        raw->true_count = 0;
        raw->onehot = 0;
        if (strncmp(arg, "onehot:", 7) == 0) {
            if (ui_num_long(arg + 7, 1, XL_COMMAND_LIST_MAX, &v) != 0) {
                fail(err_stream, "--true", _("expected onehot:K with K from 1 to 32"), arg);
                return -1;
            }
            raw->onehot = (int)v;
            break;
        }
        raw->true_count = ui_num_list(arg, raw->true_w, XL_COMMAND_LIST_MAX);
        if (raw->true_count == -2) {
            fail(err_stream, "--true", _("at most 32 weights, one per class"), arg);
            return -1;
        }
        if (raw->true_count < 2) {
            fail(err_stream, "--true",
                 _("expected 2 to 32 comma-separated finite non-negative decimal weights or onehot:K"),
                 arg);
            return -1;
        }
        {
            /* The largest weight, not the sum: 1e308,1e308 sums to infinity yet is a
             * fine P = (1/2, 1/2) (xl_normalize divides by the largest first). */
            double top = 0;
            for (int i = 0; i < raw->true_count; i++) {
                if (raw->true_w[i] < 0) {
                    fail(err_stream, "--true", _("weights must be non-negative"), arg);
                    return -1;
                }
                if (raw->true_w[i] > top) top = raw->true_w[i];
            }
            if (!(top > 0)) {
                fail(err_stream, "--true", _("weights must not all be zero"), arg);
                return -1;
            }
        }
        break;
    case 'z':
        raw->logits_count = ui_num_list(arg, raw->logits, XL_COMMAND_LIST_MAX);
        if (raw->logits_count == -2) {
            fail(err_stream, "--logits", _("at most 32 logits, one per class"), arg);
            return -1;
        }
        if (raw->logits_count < 2) {
            fail(err_stream, "--logits", _("expected 2 to 32 comma-separated finite decimal numbers"), arg);
            return -1;
        }
        for (int i = 0; i < raw->logits_count; i++) {
            /* Beyond 1e300 the difference of two logits, the loss and the landscape
             * range can overflow (1e308 - (-1e308) = inf); see XL_PARAM_LIMIT. */
            if (!(fabs(raw->logits[i]) <= XL_PARAM_LIMIT)) {
                fail(err_stream, "--logits", _("each logit must be from -1e300 to 1e300"), arg);
                return -1;
            }
        }
        break;
    case 'l': {
        double lr = 0;
        ui_num_status st = ui_num_decimal(arg, strlen(arg), &lr);
        size_t mantissa = strcspn(arg, "eE");
        if (st == UI_NUM_OK && lr == 0 && strcspn(arg, "123456789") < mantissa) {
            /* Nonzero digits that round to 0 (1e-400): say so rather than "not
             * greater than 0". A denormal such as 1e-320 is valid, if useless. */
            fail(err_stream, "--lr", _("too small: it rounds to 0 (the smallest is about 5e-324)"), arg);
            return -1;
        }
        if (st != UI_NUM_OK || !(lr > 0) || lr > MAX_LR) {
            fail(err_stream, "--lr", _("expected a decimal number greater than 0 and at most 100"), arg);
            return -1;
        }
        raw->lr = lr;
        break;
    }
    case OPT_SEED: {
        uint64_t seed;
        if (ui_num_whole(arg, strlen(arg), UINT64_MAX, &seed) != 0) {
            fail(err_stream, "--seed", _("expected a whole number from 0 to 18446744073709551615, digits only"),
                 arg);
            return -1;
        }
        raw->seed = seed;
        break;
    }
    case OPT_THEME:
        if (strcmp(arg, "projector") == 0 || strcmp(arg, "light") == 0) o->theme = UI_THEME_LIGHT;
        else if (strcmp(arg, "dark") == 0) o->theme = UI_THEME_DARK;
        else {
            fail(err_stream, "--theme", _("expected projector or dark"), arg);
            return -1;
        }
        break;
    case OPT_DO:
        if (parse_commands(arg, o, err_stream) != 0) return -1;
        break;
    default:
        return take_learning_flag(ch, arg, raw, err_stream);
    }
    return 0;
}

/* --state: a text sets the whole scene, so the flags that set one are refused beside
 * it. A lesson's link becomes --lesson and --page (in o->state_lesson); a session's text
 * is opened by the app (replaying it takes time, and its reason is said there). */
static int check_state(ui_options *o, const raw_flags *raw, FILE *err_stream)
{
    if (o->replay || o->lesson || o->page || o->check) {
        fail(err_stream, "--state", _("sets the scene: give it without --replay, --lesson, --page and --check"), o->state);
        return -1;
    }
    if (raw->scenario || raw->param_count || raw->optimizer_given || raw->race || raw->mu || raw->beta1 ||
        raw->beta2 || raw->eps || raw->classes || raw->names_count || raw->true_count || raw->onehot ||
        raw->logits_count || raw->lr || raw->seed != XL_BUILTIN_SEED) {
        fail(err_stream, "--state",
             _("sets the scene: give it without --scenario, --param, --optimizer, --race, --mu, --beta1, --beta2, "
             "--eps, --classes, --names, --true, --logits, --lr and --seed"),
             o->state);
        return -1;
    }
    char err[256] = "";
    int page = 0;
    int lesson = xl_state_text_lesson(o->state, strlen(o->state), o->state_lesson, sizeof o->state_lesson, &page, err,
                                      sizeof err);
    if (lesson < 0) {
        fprintf(err_stream, "xentlab: --state: %s\nTry 'xentlab --help'.\n", err);
        return -1;
    }
    if (lesson == 1) {
        o->lesson = o->state_lesson;
        o->page = page;
    }
    return 0;
}

ui_cli_result ui_cli_parse(int argc, char **argv, ui_options *out, FILE *out_stream,
                           FILE *err_stream)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"size", required_argument, NULL, 's'},
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"pointer", required_argument, NULL, OPT_POINTER},
        {"zoom", required_argument, NULL, OPT_ZOOM},
        {"shots", required_argument, NULL, OPT_SHOTS},
        {"check", no_argument, NULL, OPT_CHECK},
        {"lesson", required_argument, NULL, OPT_LESSON},
        {"list-lessons", no_argument, NULL, OPT_LIST_LESSONS},
        {"page", required_argument, NULL, OPT_PAGE},
        {"presenter", no_argument, NULL, OPT_PRESENTER},
        {"class", no_argument, NULL, OPT_CLASS},
        {"class-port", required_argument, NULL, OPT_CLASS_PORT},
        {"class-bind", required_argument, NULL, OPT_CLASS_BIND},
        {"class-log", required_argument, NULL, OPT_CLASS_LOG},
        {"reduced-motion", no_argument, NULL, OPT_REDUCED_MOTION},
        {"pixel-ratio", required_argument, NULL, OPT_PIXEL_RATIO},
        {"no-controls", no_argument, NULL, OPT_NO_CONTROLS},
        {"lang", required_argument, NULL, OPT_LANG},
        {"record", required_argument, NULL, OPT_RECORD},
        {"fps", required_argument, NULL, OPT_FPS},
        {"cards", required_argument, NULL, OPT_CARDS},
        {"force", no_argument, NULL, OPT_FORCE},
        {"record-input", required_argument, NULL, OPT_RECORD_INPUT},
        {"replay", required_argument, NULL, OPT_REPLAY},
        {"state", required_argument, NULL, OPT_STATE},
        {"mic", no_argument, NULL, OPT_MIC},
        {"narration", required_argument, NULL, OPT_NARRATION},
        {"narration-offset", required_argument, NULL, OPT_NARRATION_OFFSET},
        {"voice", no_argument, NULL, OPT_VOICE},
        {"sound", no_argument, NULL, OPT_SOUND},
        {"play", no_argument, NULL, OPT_PLAY},
        {"steps", required_argument, NULL, 'n'},
        {"screenshot", required_argument, NULL, 'o'},
        {"trace", no_argument, NULL, OPT_TRACE},
        {"describe", no_argument, NULL, OPT_DESCRIBE},
        {"classes", required_argument, NULL, 'c'},
        {"names", required_argument, NULL, OPT_NAMES},
        {"true", required_argument, NULL, 'p'},
        {"logits", required_argument, NULL, 'z'},
        {"lr", required_argument, NULL, 'l'},
        {"seed", required_argument, NULL, OPT_SEED},
        {"theme", required_argument, NULL, OPT_THEME},
        {"do", required_argument, NULL, OPT_DO},
        {"scenario", required_argument, NULL, OPT_SCENARIO},
        {"list-scenarios", no_argument, NULL, OPT_LIST_SCENARIOS},
        {"list-commands", no_argument, NULL, OPT_LIST_COMMANDS},
        {"param", required_argument, NULL, OPT_PARAM},
        {"optimizer", required_argument, NULL, OPT_OPTIMIZER},
        {"race", required_argument, NULL, OPT_RACE},
        {"mu", required_argument, NULL, OPT_MU},
        {"beta1", required_argument, NULL, OPT_BETA1},
        {"beta2", required_argument, NULL, OPT_BETA2},
        {"eps", required_argument, NULL, OPT_EPS},
        {NULL, 0, NULL, 0},
    };
    ui_options o;
    memset(&o, 0, sizeof o);
    o.width = 1280;
    o.height = 720;
    o.theme = UI_THEME_LIGHT;
    raw_flags raw;
    memset(&raw, 0, sizeof raw);
    raw.seed = XL_BUILTIN_SEED;

    optind = 0; /* full re-initialisation, so tests can parse many times */
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":hs:n:o:c:p:z:l:", longopts, NULL)) != -1) {
        if (ch == ':') {
            fprintf(err_stream, _("xentlab: %s: needs a value\nTry 'xentlab --help'.\n"), argv[optind - 1]);
            return UI_CLI_USAGE;
        }
        if (ch == '?') {
            fprintf(err_stream, _("xentlab: unknown option '%s'\nTry 'xentlab --help'.\n"), argv[optind - 1]);
            return UI_CLI_USAGE;
        }
        int r = take_flag(ch, optarg, &o, &raw, out_stream, err_stream);
        if (r < 0) return UI_CLI_USAGE;
        if (r > 0) return UI_CLI_DONE;
    }
    /* The microphone records only with the explicit pair, --record-input FILE --mic. */
    if (o.mic && !o.record_input) {
        fail(err_stream, "--mic", _("records the microphone beside an input recording: only with --record-input FILE"),
             "--mic");
        return UI_CLI_USAGE;
    }
    if (o.mic && (o.headless || o.replay || o.record)) {
        fail(err_stream, "--mic", _("records a live session's voice in the window: not with --headless, --replay or --record"),
             "--mic");
        return UI_CLI_USAGE;
    }
    if (o.narration && !o.record) {
        fail(err_stream, "--narration", _("lays a sound track over a video: only with --record OUT"), o.narration);
        return UI_CLI_USAGE;
    }
    if (o.voice && (!o.record || !o.lesson || o.replay)) {
        fail(err_stream, "--voice", _("speaks a lesson's video: only with --record OUT --lesson N"), "--voice");
        return UI_CLI_USAGE;
    }
    if (o.voice && o.narration) {
        fail(err_stream, "--voice", _("a video has one voice: give --voice or --narration FILE, not both"), "--voice");
        return UI_CLI_USAGE;
    }
    if (o.narration_offset_given && !o.narration) {
        fail(err_stream, "--narration-offset", _("only with --narration FILE"), "--narration-offset");
        return UI_CLI_USAGE;
    }
    if (o.record_input && (o.headless || o.replay || o.record)) {
        fail(err_stream, "--record-input", _("records a live session in the window: not with --headless, --replay or --record"),
             o.record_input);
        return UI_CLI_USAGE;
    }
    if (o.class_on && (o.headless || o.record || o.replay)) {
        fail(err_stream, "--class", _("a class votes live in the window: not with --headless, --record or --replay"),
             "--class");
        return UI_CLI_USAGE;
    }
    if (o.replay && (o.lesson || o.command_count)) {
        fail(err_stream, "--replay", _("replays the recorded scene: give it without --lesson and --do"), o.replay);
        return UI_CLI_USAGE;
    }
    if (o.state && check_state(&o, &raw, err_stream) != 0) return UI_CLI_USAGE;
    /* A lesson opened from its translation's folder (lessons/es/04-….lesson) without
     * --lang: the interface speaks the lesson's language, so a Spanish video is Spanish
     * in its panels too, whatever the machine's LANG says. */
    if (!o.lang && o.lesson && strchr(o.lesson, '/')) {
        char lang[8];
        ui_library_lang_of(o.lesson, lang, sizeof lang);
        if (strcmp(lang, "en") != 0 && ui_lang_set(lang) == 0) o.lang = ui_lang_code();
    }
    if (o.record && !o.lesson && !o.replay) {
        fail(err_stream, "--record", _("needs the lesson to record, e.g. --record out.mp4 --lesson 1 (or --replay FILE)"),
             o.record);
        return UI_CLI_USAGE;
    }
    if ((o.fps || o.force) && !o.record) {
        fail(err_stream, o.fps ? "--fps" : "--force", _("only with --record, e.g. --record out.mp4 --lesson 1 --fps 30"),
             o.fps ? "--fps" : "--force");
        return UI_CLI_USAGE;
    }
    if (o.cards_given && (!o.record || !o.lesson || o.replay)) {
        fail(err_stream, "--cards", _("only when recording a lesson, e.g. --record out.mp4 --lesson 1 --cards none"),
             o.cards == 0 ? "none" : o.cards == 1 ? "title" : o.cards == 2 ? "end" : "both");
        return UI_CLI_USAGE;
    }
    if (o.record && (o.presenter || o.page)) {
        fail(err_stream, "--record", _("records the whole lesson: give it without --page and --presenter"), o.record);
        return UI_CLI_USAGE;
    }
    if (o.record) {
        if (!o.fps) o.fps = 30;
        if (!o.cards_given) o.cards = 3; /* a lesson's video opens and closes with its cards */
        if (!o.size_given) { /* a video's usual size, not the window's */
            o.width = 1920;
            o.height = 1080;
        }
    }
    if ((o.page || o.presenter) && !o.lesson) {
        fail(err_stream, o.page ? "--page" : "--presenter", _("only with --lesson, e.g. xentlab --lesson 1 --page 2"),
             o.page ? "--page" : "--presenter");
        return UI_CLI_USAGE;
    }
    if (o.check_play && !o.check) {
        fail(err_stream, "--play", _("only with --check, e.g. xentlab --check --play lessons/*.lesson"), "--play");
        return UI_CLI_USAGE;
    }
    if (o.check) {
        /* The files to check are the arguments left. */
        if (optind >= argc) {
            fail(err_stream, "--check", _("one or more lesson files, e.g. xentlab --check lessons/*.lesson"), "nothing");
            return UI_CLI_USAGE;
        }
        o.check_files = argv + optind;
        o.check_count = argc - optind;
        *out = o;
        return UI_CLI_RUN;
    }
    if (optind < argc) {
        fprintf(err_stream, _("xentlab: unexpected argument '%s'\nTry 'xentlab --help'.\n"), argv[optind]);
        return UI_CLI_USAGE;
    }
    o.argc = argc;
    o.argv = argv;
    if (raw.want_help || raw.list_scenarios || raw.list_commands)
        return print_lists(&raw, out_stream, err_stream);
    if (resolve(&raw, &o.desc, err_stream) != 0) return UI_CLI_USAGE;
    if (resolve_learning(&raw, &o.desc, err_stream) != 0) return UI_CLI_USAGE;
    int items = 0;
    if (resolve_setup(&raw, &o.desc, &items, err_stream) != 0) return UI_CLI_USAGE;
    if (check_commands(&o, items, err_stream) != 0) return UI_CLI_USAGE;
    *out = o;
    if (o.state && o.lesson) { /* a lesson's link: the name is out's own */
        out->lesson = out->state_lesson;
        out->state = NULL;
    }
    return UI_CLI_RUN;
}

/* test_command: the command vocabulary. Every shared command and every registered
 * scenario's verb parses from its usage example, formats back to text that parses to the
 * same command, and bad text is refused with a message that names the command and shows
 * how it is written. The registry of verbs is consistent, inconsistent registrations are
 * refused, and a scenario this file defines (nothing in src/ knows it) declares a verb
 * that parses and that the session dispatches to it alone. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_command.h"
#include "xl_lesson.h"
#include "xl_scenario.h"
#include "xl_session.h"

/* An argument for each type, as a teacher would write it: within [lo, hi] where the
 * command declares a range; a list as long as its usage shows ("X,LABEL": two). */
static const char *example_arg(xl_arg_type t, double lo, double hi, const char *usage)
{
    switch (t) {
    case XL_ARG_NONE: return "";
    case XL_ARG_INT: return lo <= 100 && 100 <= hi ? " 100" : " 3";
    case XL_ARG_INDEX: return " 3";
    case XL_ARG_REAL: return " 0.1";
    case XL_ARG_LIST: return strchr(usage, ',') == strrchr(usage, ',') ? " 0.5,1" : " 0.5,0.3,0.2";
    case XL_ARG_NAME: return " adam";
    case XL_ARG_NAMES: return " gd,momentum,adam";
    case XL_ARG_ASSIGN: return " beta=10";
    }
    return "";
}

/* text parses (in the registry's vocabulary), formats back to itself, and that parses
 * to the same bits. */
static xl_command round_trip(const char *text)
{
    char err[160], back[256];
    xl_command c, d;
    memset(&c, 0xa5, sizeof c); /* what parsing leaves unset shows */
    memset(&d, 0x5a, sizeof d);
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
    xl_command_format(&c, back, sizeof back);
    ck_assert_msg(xl_scenario_parse_command(back, &d, err, sizeof err) == 0, "'%s' formats as '%s': %s", text, back,
                  err);
    ck_assert_msg(memcmp(&c, &d, sizeof c) == 0, "'%s' formats as '%s', which parses differently", text, back);
    ck_assert_str_eq(back, text);
    return c;
}

START_TEST(every_command_parses_and_formats_back)
{
    for (int k = 1; k < XL_CMD_COUNT; k++) {
        if (k == XL_CMD_VERB) continue; /* written by the verb's own name: below */
        const char *name = xl_command_name((xl_command_kind)k);
        for (int j = 1; j < k; j++) ck_assert_str_ne(name, xl_command_name((xl_command_kind)j));
        ck_assert_ptr_nonnull(xl_command_help((xl_command_kind)k));
        ck_assert_msg(strncmp(xl_command_usage((xl_command_kind)k), name, strlen(name)) == 0,
                      "usage of %s does not start with its name", name);
        char text[128], err[160];
        const xl_arg_type t = xl_command_arg_type((xl_command_kind)k);
        snprintf(text, sizeof text, "%s%s", name, example_arg(t, k == XL_CMD_RUN ? 0 : 1, k == XL_CMD_RUN ? 1e8 : 240,
                                                        xl_command_usage((xl_command_kind)k)));
        xl_command c = round_trip(text);
        ck_assert_int_eq(c.kind, k);
        ck_assert_str_eq(xl_command_title(&c), name);
        ck_assert_int_eq(xl_command_find(name, strlen(name)), k);
        /* Shared commands need no scenario's tables. */
        xl_command plain;
        ck_assert_msg(xl_command_parse(text, &plain, err, sizeof err) == 0, "'%s': %s", text, err);
        ck_assert_msg(memcmp(&plain, &c, sizeof c) == 0, "'%s' parses differently without the verbs", text);
    }
}
END_TEST

/* Every verb of every registered scenario, from its usage's example, with its argument
 * in the usual field and its name in the command. */
START_TEST(every_verb_parses_and_formats_back)
{
    int verbs = 0;
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        for (int v = 0; v < def->verb_count; v++, verbs++) {
            const xl_verb_def *d = &def->verbs[v];
            ck_assert_msg(strncmp(d->usage, d->name, strlen(d->name)) == 0, "%s: usage '%s'", d->name, d->usage);
            char text[128];
            snprintf(text, sizeof text, "%s%s", d->name, example_arg(d->arg, d->lo, d->hi, d->usage));
            xl_command c = round_trip(text);
            ck_assert_int_eq(c.kind, XL_CMD_VERB);
            ck_assert_str_eq(c.verb, d->name);
            ck_assert_str_eq(xl_command_title(&c), d->name);
            ck_assert_int_eq(c.verb_arg, d->arg);
            /* Without the tables a verb is not a command. */
            xl_command plain;
            char err[160] = "";
            ck_assert_int_eq(xl_command_parse(text, &plain, err, sizeof err), -1);
            ck_assert_msg(strstr(err, "unknown command"), "%s", err);
            if (d->flags & XL_VERB_ARG_OPTIONAL) round_trip(d->name);
        }
    }
    ck_assert_int_ge(verbs, 25); /* the six built-in scenarios' */
    /* The argument, as written and as stored. */
    xl_command c = round_trip("measure 3");
    ck_assert_int_eq(c.n, 2); /* written from 1, stored from 0, as select */
    c = round_trip("preset two-peaked");
    ck_assert_str_eq(c.name, "two-peaked");
    c = round_trip("names robin,wren,lark");
    ck_assert_str_eq(c.name, "robin,wren,lark");
    c = round_trip("set-normal 5,1.5");
    ck_assert(c.count == 2 && c.list[0] == 5.0 && c.list[1] == 1.5);
    c = round_trip("move-point -0.25");
    ck_assert(c.x == -0.25);
    /* Out of its declared range: refused by the parser, with the range. */
    char err[160];
    ck_assert_int_eq(xl_scenario_parse_command("measure 0", &c, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "measure needs a whole number from 1 to 1024"), "%s", err);
    ck_assert_int_eq(xl_scenario_parse_command("beta-up 2", &c, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "beta-up takes no argument"), "%s", err);
}
END_TEST

START_TEST(arguments_are_typed)
{
    xl_command c;
    ck_assert_int_eq(xl_command_parse("select 3", &c, NULL, 0), 0);
    ck_assert_int_eq(c.kind, XL_CMD_SELECT);
    ck_assert_int_eq(c.n, 2); /* written from 1, stored from 0, as the keys */
    ck_assert_int_eq(xl_command_parse("  \tselect   1 \n", &c, NULL, 0), 0);
    ck_assert_int_eq(c.n, 0);
    ck_assert_int_eq(xl_command_parse("set-lr 1e-3", &c, NULL, 0), 0);
    ck_assert(c.x == 1e-3);
    ck_assert_int_eq(xl_command_parse("set-lr 1e-320", &c, NULL, 0), 0); /* a denormal is a number */
    ck_assert(c.x > 0.0 && c.x < 1e-300);
    ck_assert_int_eq(xl_command_parse("set-p 0.5,0.3,0.2", &c, NULL, 0), 0);
    ck_assert_int_eq(c.count, 3);
    ck_assert(c.list[0] == 0.5 && c.list[1] == 0.3 && c.list[2] == 0.2);
    ck_assert_int_eq(xl_command_parse("optimizer adam", &c, NULL, 0), 0);
    ck_assert_str_eq(c.name, "adam");
    ck_assert_int_eq(xl_command_parse("param beta=10", &c, NULL, 0), 0);
    ck_assert_str_eq(c.name, "beta");
    ck_assert(c.x == 10.0);
    ck_assert_int_eq(xl_command_parse("run 0", &c, NULL, 0), 0);
    ck_assert_int_eq(c.n, 0);
    /* Formatting keeps every bit, and the shortest text that does. */
    char buf[128];
    xl_command r = xl_command_real(XL_CMD_SET_LR, 0.1);
    ck_assert_str_eq(xl_command_format(&r, buf, sizeof buf), "set-lr 0.1");
    r.x = 1.0 / 3.0;
    xl_command_format(&r, buf, sizeof buf);
    ck_assert_int_eq(xl_command_parse(buf, &c, NULL, 0), 0);
    ck_assert(c.x == 1.0 / 3.0);
}
END_TEST

START_TEST(bad_text_is_refused_with_a_reason)
{
    static const char *const bad[] = {
        "", "   ", "Step", "STEP", "step x", "step 1", "steps", "ste", "select", "select ",
        "select 0", "select -1", "select +2", "select 3 4", "select 3x", "select 99999999999999999999",
        "lr up", "toggle-play!", "select3", "select-next 2", "p-restore 1", "set-lr", "set-lr nan",
        "set-lr inf", "set-lr -inf", "set-lr 0x10", "set-lr 1e999", "set-lr 1,2", "set-lr  .", "set-lr 1e",
        "set-p", "set-p 0.5,,0.5", "set-p 0.5,", "set-p ,0.5", "set-p 0.5 0.5", "set-p nan,1",
        "optimizer", "optimizer ada m", "param", "param beta", "param =3", "param beta=", "param beta=x",
        "param be ta=3", "run -1", "set-speed 0", "set-speed 241", "theme", "help", "quit",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        xl_command c = xl_command_make(XL_CMD_PAUSE);
        char err[160] = "";
        ck_assert_msg(xl_command_parse(bad[i], &c, err, sizeof err) == -1, "'%s' should not parse", bad[i]);
        ck_assert_int_eq(c.kind, XL_CMD_PAUSE); /* untouched */
        ck_assert_msg(strlen(err) > 10, "'%s': no reason given", bad[i]);
    }
    char err[160];
    xl_command c;
    xl_command_parse("set-lr fast", &c, err, sizeof err);
    ck_assert_msg(strstr(err, "set-lr") && strstr(err, "set-lr X"), "reason: %s", err);
    xl_command_parse("stpe", &c, err, sizeof err);
    ck_assert_msg(strstr(err, "unknown command 'stpe'"), "reason: %s", err);
    /* 33 values: more than a list holds, refused rather than cut. */
    char many[512] = "set-p 1";
    for (int i = 0; i < 32; i++) strcat(many, ",1");
    ck_assert_int_eq(xl_command_parse(many, &c, err, sizeof err), -1);
    /* A name longer than the buffer is refused, never cut. */
    char long_name[XL_COMMAND_NAME_MAX + 64] = "optimizer ";
    memset(long_name + 10, 'a', XL_COMMAND_NAME_MAX);
    long_name[10 + XL_COMMAND_NAME_MAX] = '\0';
    ck_assert_int_eq(xl_command_parse(long_name, &c, err, sizeof err), -1);
    ck_assert_int_eq(xl_command_name_arg(XL_CMD_OPTIMIZER, long_name).kind, XL_CMD_NONE);
}
END_TEST

START_TEST(strict_numbers)
{
    double v;
    ck_assert_int_eq(xl_parse_real("-2.5e3", 6, &v), 0);
    ck_assert(v == -2500.0);
    ck_assert_int_eq(xl_parse_real(".5", 2, &v), 0);
    ck_assert(v == 0.5);
    ck_assert_int_eq(xl_parse_real("5.", 2, &v), 0);
    ck_assert_int_eq(xl_parse_real("1e308", 5, &v), 0);
    ck_assert_int_eq(xl_parse_real("1e-400", 6, &v), 0); /* underflows to 0: still a number */
    ck_assert(v == 0.0);
    static const char *const bad[] = {"", "+", "-", ".", "e5", "1e", "1e+", " 1", "1 ", "0x1p3", "nan", "inf",
                                      "1e309", "--1", "1.2.3", "1,5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(xl_parse_real(bad[i], strlen(bad[i]), &v) == -1, "'%s' read as a number", bad[i]);
}
END_TEST

START_TEST(the_registry_is_consistent)
{
    char err[256] = "";
    ck_assert_msg(xl_scenario_check_registry(err, sizeof err) == 0, "%s", err);
    /* Every verb has a help line; a key where its hint says there is one. */
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        for (int v = 0; v < def->verb_count; v++) {
            const xl_verb_def *d = &def->verbs[v];
            ck_assert_msg(d->help && strlen(d->help) > 3, "%s: %s has no help", def->id, d->name);
            ck_assert_msg(!d->hint || d->keys[0].code != 0, "%s: %s has a hint but no key", def->id, d->name);
        }
    }
    /* The same verb in several scenarios: preset (microstates, diffusion, solids), width-up. */
    char owners[128];
    ck_assert_int_eq(xl_scenario_verb_owners("preset", owners, sizeof owners), 3);
    ck_assert_str_eq(owners, "microstates, diffusion, solids");
    ck_assert_int_eq(xl_scenario_verb_owners("beta-up", owners, sizeof owners), 1);
    ck_assert_str_eq(owners, "weighted");
    ck_assert_int_eq(xl_scenario_verb_owners("step", owners, sizeof owners), 0);
}
END_TEST

static const xl_verb_def ok_verbs[] = {
    {"toss", XL_ARG_NONE, 0, 0, "toss", "toss the coin", {{'k', 0}}, "K toss", NULL, 0},
    {"bias", XL_ARG_REAL, 0, 1, "bias X", "the coin's bias", {{'k', 1}}, NULL, "X outside 0..1", 0},
    {"throws", XL_ARG_LIST, 2, 3, "throws A,B", "two or three throws", {{0}}, NULL, NULL, 0},
};

/* One fault per table, each refused with a reason that names it. */
START_TEST(inconsistent_registrations_are_refused)
{
    static const xl_verb_def shared_name[] = {{"step", XL_ARG_NONE, 0, 0, "step", "a step of mine", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def other_arg[] = {{"toss", XL_ARG_INT, 1, 6, "toss N", "toss N coins", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def other_range[] = {{"bias", XL_ARG_REAL, 0, 2, "bias X", "bias", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def twice[] = {{"toss", XL_ARG_NONE, 0, 0, "toss", "toss", {{0}}, NULL, NULL, 0},
                                        {"toss", XL_ARG_NONE, 0, 0, "toss", "again", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def one_key[] = {{"toss", XL_ARG_NONE, 0, 0, "toss", "toss", {{'k', 0}}, NULL, NULL, 0},
                                          {"spin", XL_ARG_NONE, 0, 0, "spin", "spin", {{'k', 0}}, NULL, NULL, 0}};
    static const xl_verb_def bad_name[] = {{"Toss", XL_ARG_NONE, 0, 0, "Toss", "toss", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def long_name[] = {
        {"toss-the-coin-very-high-up", XL_ARG_NONE, 0, 0, "toss-the-coin-very-high-up", "toss", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def no_range[] = {{"roll", XL_ARG_INT, 0, 0, "roll N", "roll", {{0}}, NULL, NULL, 0}};
    static const xl_verb_def bad_usage[] = {{"roll", XL_ARG_NONE, 0, 0, "throw", "roll", {{0}}, NULL, NULL, 0}};
    static const struct {
        const xl_verb_def *verbs;
        int count;
        const char *why;
    } cases[] = {
        {shared_name, 1, "named like a shared command"}, {other_arg, 1, "with different arguments"},
        {other_range, 1, "with different arguments"}, {twice, 2, "declared twice"}, {one_key, 2, "on the same key"},
        {bad_name, 1, "lowercase letters"}, {long_name, 1, "lowercase letters"}, {no_range, 1, "no sensible range"},
        {bad_usage, 1, "usage that starts with its name"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const xl_verb_table tables[] = {{"coin", ok_verbs, 3}, {"other", cases[i].verbs, cases[i].count}};
        const xl_vocab v = {tables, 2};
        char err[256] = "";
        ck_assert_msg(xl_vocab_check(&v, err, sizeof err) == -1, "case %zu (%s) accepted", i, cases[i].why);
        ck_assert_msg(strstr(err, cases[i].why) != NULL, "case %zu: '%s' does not say '%s'", i, err, cases[i].why);
    }
    /* The same verb declared alike by two tables is one verb. */
    const xl_verb_table agree[] = {{"coin", ok_verbs, 3}, {"die", ok_verbs, 1}};
    const xl_vocab v = {agree, 2};
    char err[256] = "";
    ck_assert_msg(xl_vocab_check(&v, err, sizeof err) == 0, "%s", err);
    const char *owner = NULL;
    ck_assert_ptr_eq(xl_vocab_find(&v, "toss", 4, &owner), &ok_verbs[0]);
    ck_assert_str_eq(owner, "coin");
    ck_assert_ptr_null(xl_vocab_find(&v, "tos", 3, NULL));
    /* A vocabulary's verbs parse; outside it they do not. */
    xl_command c;
    ck_assert_int_eq(xl_command_parse_in(&v, "bias 0.25", &c, err, sizeof err), 0);
    ck_assert(c.kind == XL_CMD_VERB && strcmp(c.verb, "bias") == 0 && c.x == 0.25);
    ck_assert_int_eq(xl_command_parse_in(&v, "bias 1.5", &c, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "from 0 to 1"), "%s", err);
    ck_assert_int_eq(xl_command_parse_in(&v, "throws 1,2,3", &c, err, sizeof err), 0);
    ck_assert_int_eq(c.count, 3);
    ck_assert_int_eq(xl_command_parse_in(&v, "throws 1", &c, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "throws needs 2 to 3 numbers"), "%s", err);
    ck_assert_int_eq(xl_scenario_parse_command("toss", &c, err, sizeof err), -1);
}
END_TEST

/* A coin defined here: one bias b, the model's logit u; L(u, v) = H(b, σ(u)) + v²/2.
 * Its verb "toss" is nowhere in src/. */
typedef struct coin_state {
    double b;
    unsigned long version;
    int tosses;
} coin_state;

static double sigmoid(double u) { return 1.0 / (1.0 + exp(-u)); }
static double coin_loss(const void *self, const double *t)
{
    const coin_state *st = self;
    const double q = sigmoid(t[0]);
    return -st->b * log(q) - (1.0 - st->b) * log(1.0 - q) + 0.5 * t[1] * t[1];
}
static void coin_gradient(const void *self, const double *t, double *g)
{
    const coin_state *st = self;
    g[0] = sigmoid(t[0]) - st->b;
    g[1] = t[1];
}
static double coin_floor(const void *self)
{
    const coin_state *st = self;
    return -st->b * log(st->b) - (1.0 - st->b) * log(1.0 - st->b);
}
static int coin_params(const void *self) { (void)self; return 2; }
static unsigned long coin_version(const void *self) { return ((const coin_state *)self)->version; }
static const xl_model_ops coin_ops = {
    .id = "coin", .loss = coin_loss, .gradient = coin_gradient, .floor = coin_floor, .param_count = coin_params,
    .version = coin_version,
};
static const xl_readout_def coin_readouts[] = {
    {"loss", "H(b,q)", XL_READOUT_INFO, "the loss"}, {"floor", "H(b)", XL_READOUT_INFO, "the floor"},
    {"gap", "KL", XL_READOUT_INFO, "the gap"}, {"bias", "b", XL_READOUT_PROB, "the coin's bias"},
};
static int coin_init(void *state, const double *params, uint64_t seed, char *err, size_t errlen)
{
    (void)params, (void)seed, (void)err, (void)errlen;
    *(coin_state *)state = (coin_state){0.5, 0, 0};
    return 0;
}
static xl_model coin_model(const void *state) { return (xl_model){&coin_ops, state}; }
static void coin_start(const void *state, double *theta0) { (void)state, theta0[0] = 0.0, theta0[1] = 1.0; }
static int coin_items(const void *state) { (void)state; return 1; }
static xl_apply_result coin_apply(void *state, const xl_command *cmd, int verb, int selected, char *err, size_t errlen)
{
    (void)selected;
    coin_state *st = state;
    if (verb == 0) { /* toss: the bias moves to the next of 0.5, 0.7, 0.9 */
        st->b = st->b >= 0.85 ? 0.5 : st->b + 0.2;
        st->tosses++;
        st->version++;
        return XL_APPLY_DONE;
    }
    if (verb == 1) {
        if (!(cmd->x > 0.0 && cmd->x < 1.0)) {
            snprintf(err, errlen, "bias: %g is not strictly between 0 and 1", cmd->x);
            return XL_APPLY_REFUSED;
        }
        st->b = cmd->x;
        st->version++;
        return XL_APPLY_DONE;
    }
    return XL_APPLY_NOT_MINE;
}
static void coin_values(const void *state, const double *theta, double *out)
{
    const coin_state *st = state;
    out[0] = coin_loss(st, theta);
    out[1] = coin_floor(st);
    out[2] = out[0] - out[1];
    out[3] = st->b;
}
static void coin_bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    const coin_state *st = state;
    memset(out, 0, sizeof *out);
    out->n = 2;
    out->names[0] = "heads";
    out->names[1] = "tails";
    out->p[0] = st->b;
    out->p[1] = 1.0 - st->b;
    out->logq[0] = log(sigmoid(theta[0]));
    out->logq[1] = log(1.0 - sigmoid(theta[0]));
    out->selected = selected;
    out->title = "COIN";
}
static const char *const coin_hints[] = {"toss", NULL};
static const xl_scenario_def coin = {
    .id = "coin", .title = "coin", .summary = "a biased coin defined by a test", .item_noun = "side",
    .state_size = sizeof(coin_state), .readouts = coin_readouts, .readout_count = 4,
    .panels = XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_HISTORY, .verbs = ok_verbs, .verb_count = 3,
    .hint_bar = coin_hints, .init = coin_init, .model = coin_model, .start = coin_start, .item_count = coin_items,
    .apply = coin_apply, .readout_values = coin_values, .bars = coin_bars,
};

static xl_session *session_on(const xl_scenario_def *def)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, def);
    char err[160] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    return s;
}

/* The coin's verbs parse in a vocabulary of the registry plus its table, and the session
 * hands them to the coin's apply with their index; an undo takes a toss back. On a
 * registered scenario the same command is refused by name. */
START_TEST(a_test_scenario_declares_a_verb)
{
    char err[256] = "";
    ck_assert_msg(xl_scenario_check_def(&coin, err, sizeof err) == 0, "%s", err);
    xl_verb_table tables[XL_SCENARIOS_MAX + 1];
    int n = xl_scenario_verb_tables(tables, XL_SCENARIOS_MAX);
    tables[n++] = (xl_verb_table){coin.id, coin.verbs, coin.verb_count};
    const xl_vocab v = {tables, n};
    xl_command toss, bias;
    ck_assert_msg(xl_command_parse_in(&v, "toss", &toss, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(xl_command_parse_in(&v, "bias 0.8", &bias, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(xl_command_parse_in(&v, "beta-up", &(xl_command){0}, err, sizeof err) == 0, "%s", err);
    char text[64];
    ck_assert_str_eq(xl_command_format(&toss, text, sizeof text), "toss");
    ck_assert_str_eq(xl_command_format(&bias, text, sizeof text), "bias 0.8");

    xl_session *s = session_on(&coin);
    ck_assert_int_eq(xl_session_apply(s, toss), 1);
    const coin_state *st = xl_session_state(s);
    ck_assert_int_eq(st->tosses, 1);
    ck_assert_double_eq_tol(st->b, 0.7, 1e-15);
    double r[XL_READOUTS_MAX];
    xl_session_readouts(s, r);
    ck_assert_double_eq_tol(r[3], 0.7, 1e-15);
    ck_assert_int_eq(xl_session_apply(s, bias), 1);
    ck_assert_double_eq(((const coin_state *)xl_session_state(s))->b, 0.8);
    bias.x = 1.0; /* built by hand past the parser: apply refuses it with its reason */
    ck_assert_int_eq(xl_session_apply(s, bias), 0);
    ck_assert_msg(strstr(xl_session_message(s), "not strictly between"), "%s", xl_session_message(s));
    /* A toss is an edit: undo takes it back. */
    ck_assert_int_eq(xl_session_apply(s, xl_command_make(XL_CMD_UNDO)), 1);
    ck_assert_double_eq_tol(((const coin_state *)xl_session_state(s))->b, 0.7, 1e-15);
    /* Another scenario's verb: refused, naming the scenario that has it. */
    xl_command beta;
    ck_assert_int_eq(xl_scenario_parse_command("beta-up", &beta, err, sizeof err), 0);
    ck_assert_int_eq(xl_session_apply(s, beta), 0);
    ck_assert_str_eq(xl_session_message(s), "beta-up does not apply to the coin: it is a verb of weighted");
    /* The coin's verb on a built-in scenario: refused by name too. */
    ck_assert_int_eq(xl_session_apply(s, xl_command_make(XL_CMD_SCENARIO_NEXT)), 1);
    ck_assert_int_eq(xl_session_apply(s, toss), 0);
    ck_assert_msg(strstr(xl_session_message(s), "toss does not apply to the"), "%s", xl_session_message(s));
    xl_session_destroy(s);
    /* The key map's description: the coin's toss is on K. */
    ck_assert_int_eq(coin.verbs[0].keys[0].code, 'k');
}
END_TEST

/* A verb that says it is a view takes no undo step; a drag's run of one verb is one edit. */
START_TEST(verb_flags_decide_undo)
{
    xl_session *s = session_on(xl_scenario_find("logistic"));
    int redo = 0;
    const int before = xl_session_undo_depth(s, &redo);
    xl_command move;
    char err[160];
    ck_assert_int_eq(xl_scenario_parse_command("move-point 1", &move, err, sizeof err), 0);
    for (int i = 0; i < 5; i++) {
        move.x = 1.0 + 0.1 * i;
        ck_assert_int_eq(xl_session_apply(s, move), 1);
    }
    ck_assert_int_eq(xl_session_undo_depth(s, &redo), before + 1); /* one drag, one edit */
    xl_command flip = xl_scenario_command(NULL, "flip");
    ck_assert_int_eq(xl_session_apply(s, flip), 1);
    ck_assert_int_eq(xl_session_apply(s, flip), 1);
    ck_assert_int_eq(xl_session_undo_depth(s, &redo), before + 3); /* flips are not drags */
    /* add-point selects what it added */
    const int items = xl_session_scenario(s)->item_count(xl_session_state(s));
    ck_assert_int_eq(xl_session_apply(s, xl_scenario_command(NULL, "add-point")), 1);
    ck_assert_int_eq(xl_session_selected(s), items);
    xl_session_destroy(s);
}
END_TEST

/* lesson --check: a verb on a page whose scenario (as the commands before it set it)
 * does not have it is reported at its line, naming the scenario that has it. */
START_TEST(lesson_check_finds_a_verb_of_another_scenario)
{
    static const char text[] = "# T\n"
                               "## Weighted\n"
                               "The positives count more.\n"
                               "@scenario weighted\n"
                               "@beta-up\n"
                               "## Softmax\n"
                               "Back to the birds.\n"
                               "@scenario softmax\n"
                               "@beta-up\n"
                               "@p-up\n";
    xl_lesson *l = calloc(1, sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", text, strlen(text), l), 0);
    xl_session *s = session_on(xl_scenario_find("softmax"));
    char report[1024] = "";
    ck_assert_int_eq(xl_lesson_check_work(l, "t.lesson", s, report, sizeof report), 1);
    ck_assert_msg(strstr(report, "t.lesson:9:") != NULL, "%s", report);
    ck_assert_msg(strstr(report, "'beta-up' is a verb of weighted; the scenario here is the softmax classifier"),
                  "%s", report);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* A page's @focus on a panel its scenario does not draw is found at its line; one the
 * scenario draws (and off) pass. */
START_TEST(lesson_check_finds_a_focus_the_scene_lacks)
{
    static const char text[] = "# T\n"
                               "## Coins\n"
                               "@scenario microstates\n"
                               "@focus landscape\n"
                               "## Coins again\n"
                               "@focus data\n"
                               "## Birds\n"
                               "@scenario softmax\n"
                               "@focus landscape\n"
                               "## Dashboard\n"
                               "@focus off\n";
    xl_lesson *l = calloc(1, sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", text, strlen(text), l), 0);
    xl_session *s = session_on(xl_scenario_find("softmax"));
    char report[1024] = "";
    ck_assert_int_eq(xl_lesson_check_work(l, "t.lesson", s, report, sizeof report), 1);
    ck_assert_msg(strstr(report, "t.lesson:4:1: error: '@focus landscape': the scenario here, microstates, has no "
                                 "landscape panel") != NULL,
                  "%s", report);
    xl_session_destroy(s);
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("command");
    TCase *tc = tcase_create("vocabulary");
    tcase_add_test(tc, every_command_parses_and_formats_back);
    tcase_add_test(tc, arguments_are_typed);
    tcase_add_test(tc, bad_text_is_refused_with_a_reason);
    tcase_add_test(tc, strict_numbers);
    suite_add_tcase(s, tc);
    TCase *reg = tcase_create("verbs");
    tcase_add_test(reg, every_verb_parses_and_formats_back);
    tcase_add_test(reg, the_registry_is_consistent);
    tcase_add_test(reg, inconsistent_registrations_are_refused);
    tcase_add_test(reg, a_test_scenario_declares_a_verb);
    tcase_add_test(reg, verb_flags_decide_undo);
    tcase_add_test(reg, lesson_check_finds_a_verb_of_another_scenario);
    tcase_add_test(reg, lesson_check_finds_a_focus_the_scene_lacks);
    suite_add_tcase(s, reg);
    return s;
}

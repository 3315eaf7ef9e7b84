/* test_cli: the command line. Every bad value exits 2 with a message that names the
 * flag; good values arrive whole; nothing is half-applied. */
#include "check_main.h"
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_cli.h"
#include "softmax_fixture.h"

#define TOL 1e-12

typedef struct run {
    ui_cli_result result;
    ui_options opt;
    char out[8192];
    char err[2048];
} run;

/* Parse a NULL-terminated argument list (without the program name). */
static run parse(const char *first, ...)
{
    static run r;
    char *argv[32];
    int argc = 0;
    argv[argc++] = "xentlab";
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;
    memset(&r, 0, sizeof r);
    memset(&r.opt, 0xAB, sizeof r.opt); /* untouched on failure: detectable */
    FILE *out = fmemopen(r.out, sizeof r.out - 1, "w");
    FILE *err = fmemopen(r.err, sizeof r.err - 1, "w");
    r.result = ui_cli_parse(argc, argv, &r.opt, out, err);
    fclose(out);
    fclose(err);
    return r;
}

static void expect_usage(run r, const char *flag)
{
    ck_assert_msg(r.result == UI_CLI_USAGE, "expected a usage error for %s, got result %d", flag, r.result);
    ck_assert_msg(strstr(r.err, flag) != NULL, "message '%s' does not name %s", r.err, flag);
    /* Nothing half-parsed reaches the caller. */
    ck_assert_int_eq(r.opt.width, (int)0xABABABAB);
}

/* The softmax scene the options start: a session made from their desc (the command
 * line's --classes, --true, --names and --logits are its setup), its state copied. */
static xl_softmax_state scene(const ui_options *o)
{
    char err[256] = "";
    xl_session *s = xl_session_create_checked(&o->desc, err, sizeof err);
    ck_assert_msg(s != NULL, "session: %s", err);
    xl_softmax_state st = *fixture_softmax(s);
    xl_session_destroy(s);
    return st;
}

START_TEST(defaults)
{
    run r = parse(NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.width, 1280);
    ck_assert_int_eq(r.opt.height, 720);
    ck_assert_int_eq(r.opt.headless, 0);
    ck_assert_int_eq(r.opt.steps, 0);
    ck_assert_ptr_null(r.opt.screenshot);
    ck_assert_int_eq(scene(&r.opt).c.n, 5);
    ck_assert_str_eq(scene(&r.opt).c.names[0], "robin");
    ck_assert_double_eq_tol(r.opt.desc.lr, 0.5, TOL);
    ck_assert_int_eq(r.opt.desc.steps_per_second, 30);
}
END_TEST

START_TEST(help_and_version)
{
    run r = parse("--help", NULL);
    ck_assert_int_eq(r.result, UI_CLI_DONE);
    ck_assert_ptr_nonnull(strstr(r.out, "--screenshot"));
    ck_assert_ptr_nonnull(strstr(r.out, "--true onehot:K"));
    r = parse("--version", NULL);
    ck_assert_int_eq(r.result, UI_CLI_DONE);
    ck_assert_ptr_nonnull(strstr(r.out, "xentlab "));
}
END_TEST

START_TEST(good_values)
{
    run r = parse("--headless", "--size", "1920x1080", "--steps", "50", "--screenshot", "out.png",
                  "--trace", "--lr", "0.25", "--seed", "7", "--theme", "dark", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.width, 1920);
    ck_assert_int_eq(r.opt.height, 1080);
    ck_assert_int_eq(r.opt.headless, 1);
    ck_assert_int_eq(r.opt.steps, 50);
    ck_assert_str_eq(r.opt.screenshot, "out.png");
    ck_assert_int_eq(r.opt.trace, 1);
    ck_assert_double_eq_tol(r.opt.desc.lr, 0.25, TOL);
    ck_assert_int_eq(r.opt.theme, UI_THEME_DARK);
}
END_TEST

START_TEST(true_list_sets_classes)
{
    run r = parse("--true", "1,1,2", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(scene(&r.opt).c.n, 3);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[0], 0.25, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[1], 0.25, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[2], 0.5, TOL);
}
END_TEST

START_TEST(names_logits_onehot)
{
    run r = parse("--classes", "3", "--names", "cat,dog,bird", "--logits", "1,-2,0.5",
                  "--true", "onehot:2", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(scene(&r.opt).c.n, 3);
    ck_assert_str_eq(scene(&r.opt).c.names[1], "dog");
    ck_assert_double_eq_tol(scene(&r.opt).z0[0], 1.0, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).z0[1], -2.0, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).z0[2], 0.5, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[0], 0.0, TOL);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[1], 1.0, TOL);
}
END_TEST

START_TEST(seed_changes_logits_deterministically)
{
    run a = parse("--seed", "3", NULL);
    double z3[XL_MAX_CLASSES];
    memcpy(z3, scene(&a.opt).z0, sizeof z3);
    run b = parse("--seed", "3", NULL);
    ck_assert_mem_eq(z3, scene(&b.opt).z0, sizeof z3);
    run c = parse("--seed", "4", NULL);
    ck_assert_msg(memcmp(z3, scene(&c.opt).z0, sizeof z3) != 0, "seeds 3 and 4 gave the same logits");
}
END_TEST

START_TEST(do_commands_in_order)
{
    run r = parse("--do", "select 2,p-up,unit,help", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.command_count, 4);
    ck_assert_int_eq(r.opt.commands[0].cmd.kind, XL_CMD_SELECT);
    ck_assert_int_eq(r.opt.commands[0].cmd.n, 1);
    ck_assert_int_eq(r.opt.commands[1].cmd.kind, XL_CMD_VERB);
    ck_assert_str_eq(r.opt.commands[1].cmd.verb, "p-up");
    ck_assert_int_eq(r.opt.commands[2].cmd.kind, XL_CMD_UNIT_TOGGLE);
    ck_assert_int_eq(r.opt.commands[3].view, UI_VIEW_HELP);
    expect_usage(parse("--do", "step,jump", NULL), "--do");
    expect_usage(parse("--do", "select 40", NULL), "--do");
    expect_usage(parse("--do", "", NULL), "--do");
}
END_TEST

START_TEST(bad_values_name_the_flag)
{
    expect_usage(parse("--size", "12x12", NULL), "--size");
    expect_usage(parse("--size", "1280", NULL), "--size");
    expect_usage(parse("--size", "axb", NULL), "--size");
    expect_usage(parse("--steps", "-1", NULL), "--steps");
    expect_usage(parse("--steps", "ten", NULL), "--steps");
    expect_usage(parse("--screenshot", "out.jpg", NULL), "--screenshot");
    expect_usage(parse("--classes", "1", NULL), "--classes");
    expect_usage(parse("--classes", "33", NULL), "--classes");
    expect_usage(parse("--lr", "0", NULL), "--lr");
    expect_usage(parse("--lr", "-0.5", NULL), "--lr");
    expect_usage(parse("--lr", "nan", NULL), "--lr");
    expect_usage(parse("--lr", "inf", NULL), "--lr");
    expect_usage(parse("--lr", "1e3", NULL), "--lr");
    expect_usage(parse("--true", "1,-1", NULL), "--true");
    expect_usage(parse("--true", "0,0,0", NULL), "--true");
    expect_usage(parse("--true", "1,,2", NULL), "--true");
    expect_usage(parse("--true", "onehot:0", NULL), "--true");
    expect_usage(parse("--true", "onehot:6", NULL), "--true");   /* default N = 5 */
    expect_usage(parse("--classes", "3", "--true", "1,2", NULL), "--true");
    expect_usage(parse("--classes", "3", "--names", "a,b", NULL), "--names");
    expect_usage(parse("--names", "a,,b", NULL), "--names");
    expect_usage(parse("--classes", "3", "--logits", "1,2", NULL), "--logits");
    expect_usage(parse("--logits", "1,x", NULL), "--logits");
    expect_usage(parse("--seed", "-3", NULL), "--seed");
    expect_usage(parse("--theme", "pink", NULL), "--theme");
}
END_TEST

/* Issue 5, item 15 and the hostile-input review: every numeric flag takes plain
 * decimal digits only (no blanks, no signs where none belong, no NaN or infinity
 * spellings, no hex), and nothing is silently cut short. */
START_TEST(numbers_are_plain_decimal)
{
    static const char *const nonfinite[] = { "nan", "NaN", "inf", "-inf", "infinity", "-Infinity",
                                             "0x1p2000", "1e999", "-1e999" };
    for (size_t i = 0; i < sizeof nonfinite / sizeof nonfinite[0]; i++) {
        const char *v = nonfinite[i];
        char list[64];
        snprintf(list, sizeof list, "1,%s,2", v);
        expect_usage(parse("--lr", v, NULL), "--lr");
        expect_usage(parse("--true", list, NULL), "--true");
        expect_usage(parse("--logits", list, NULL), "--logits");
        expect_usage(parse("--steps", v, NULL), "--steps");
        expect_usage(parse("--classes", v, NULL), "--classes");
        expect_usage(parse("--seed", v, NULL), "--seed");
        char size[64];
        snprintf(size, sizeof size, "%sx%s", v, v);
        expect_usage(parse("--size", size, NULL), "--size");
        snprintf(size, sizeof size, "onehot:%s", v);
        expect_usage(parse("--true", size, NULL), "--true");
    }
    /* Hex is not a decimal number even when finite. */
    expect_usage(parse("--lr", "0x1p-2", NULL), "--lr");
    expect_usage(parse("--logits", "0x10,1", NULL), "--logits");
    /* Blanks and signs in whole numbers: strtol and strtoull skip blanks, and strtoull
     * takes " -1" as 2^64 - 1. */
    static const char *const seeds[] = { " -1", "-1", "+1", " 1", "1 ", "\t7", "18446744073709551616", "" };
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        expect_usage(parse("--seed", seeds[i], NULL), "--seed");
    run r = parse("--seed", "18446744073709551615", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    static const char *const sizes[] = { " 800x 600", "800x 600", " 800x600", "800x600 ", "+800x600",
                                         "800x+600", "800 x600", "800x-600", "0800x0600x", "" };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        expect_usage(parse("--size", sizes[i], NULL), "--size");
    static const char *const wholes[] = { " 5", "+5", "5 ", "-0", "5.0", "1e1", "" };
    for (size_t i = 0; i < sizeof wholes / sizeof wholes[0]; i++) {
        expect_usage(parse("--steps", wholes[i], NULL), "--steps");
        expect_usage(parse("--classes", wholes[i], NULL), "--classes");
        char oh[32];
        snprintf(oh, sizeof oh, "onehot:%s", wholes[i]);
        expect_usage(parse("--true", oh, NULL), "--true");
    }
    /* Blanks inside a number list are refused too, with the flag named. */
    expect_usage(parse("--logits", "1, 2", NULL), "--logits");
    expect_usage(parse("--true", " 1,2", NULL), "--true");
    expect_usage(parse("--lr", " 0.5", NULL), "--lr");
}
END_TEST

START_TEST(extreme_but_valid_numbers)
{
    /* A denormal learning rate is valid (if useless); one that underflows to 0 is
     * refused as too small. */
    run r = parse("--lr", "1e-320", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_msg(r.opt.desc.lr > 0.0 && r.opt.desc.lr < 1e-300, "lr %g", r.opt.desc.lr);
    r = parse("--lr", "1e-400", NULL);
    expect_usage(r, "--lr");
    ck_assert_msg(strstr(r.err, "too small") != NULL, "message '%s' should say too small", r.err);
    r = parse("--lr", "100", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_double_eq(r.opt.desc.lr, 100.0);
    expect_usage(parse("--lr", "100.00000000000001", NULL), "--lr");
    /* Weights whose sum overflows are still weights: P = (1/2, 1/2). */
    r = parse("--true", "1e308,1e308", NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "--true 1e308,1e308: %s", r.err);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[0], 0.5, TOL);
    r = parse("--true", "1.7976931348623157e308,1.7976931348623157e308,1", NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "--true DBL_MAX: %s", r.err);
    r = parse("--true", "5e-324,5e-324", NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "--true denormals: %s", r.err);
    ck_assert_double_eq_tol(scene(&r.opt).c.p[1], 0.5, TOL);
    r = parse("--true", "0,0", NULL);
    expect_usage(r, "--true");
    ck_assert_msg(strstr(r.err, "zero") != NULL, "message '%s'", r.err);
    /* Logits: up to 1e300 in magnitude; beyond, a message naming --logits and the
     * limit, before anything overflows. */
    r = parse("--logits", "1e300,-1e300,0,0,0", NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "--logits +-1e300: %s", r.err);
    r = parse("--logits", "0,5e-324", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    r = parse("--logits", "1,1.0000000000000002", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_msg(scene(&r.opt).z0[1] > 1.0, "one ulp above 1 was lost: %.17g", scene(&r.opt).z0[1]);
    r = parse("--logits", "-1e308,1e308,0,0,0", NULL);
    expect_usage(r, "--logits");
    ck_assert_msg(strstr(r.err, "1e300") != NULL, "message '%s' should give the limit", r.err);
    expect_usage(parse("--logits", "1e301,0", NULL), "--logits");
    /* A logit that underflows is the number it rounds to. */
    r = parse("--logits", "1e-400,1", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_double_eq(scene(&r.opt).z0[0], 0.0);
}
END_TEST

START_TEST(nothing_cut_short)
{
    char item[128];
    snprintf(item, sizeof item, "step%70sjunk", "");
    run r = parse("--do", item, NULL);
    expect_usage(r, "--do");
    r = parse("--do", "unit,select 2                                                                 x", NULL);
    expect_usage(r, "--do");
    /* A long list of numbers is refused for its length, not misread. */
    char list[4096] = "";
    for (int i = 0; i < 32; i++)
        strcat(list, i ? ",0.000000000000000000000000000000000000000000000000001" : "1");
    r = parse("--true", list, NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "32 long weights: %s", r.err);
    ck_assert_int_eq(scene(&r.opt).c.n, 32);
    strcat(list, ",1");
    r = parse("--true", list, NULL);
    expect_usage(r, "--true");
    ck_assert_msg(strstr(r.err, "32") != NULL, "message '%s' should give the limit", r.err);
    char name[64];
    memset(name, 'a', 24);
    name[24] = '\0';
    char names[128];
    snprintf(names, sizeof names, "b,%s", name);
    expect_usage(parse("--names", names, NULL), "--names");
    name[23] = '\0';
    snprintf(names, sizeof names, "b,%s", name);
    r = parse("--names", names, NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_str_eq(scene(&r.opt).c.names[1], name);
    char big[256];
    memset(big, '1', 200);
    strcpy(big + 200, "x600");
    expect_usage(parse("--size", big, NULL), "--size");
    /* 64 commands fit; the 65th is refused. */
    char cmds[1024] = "";
    for (int i = 0; i < 64; i++)
        strcat(cmds, i ? ",unit" : "unit");
    r = parse("--do", cmds, NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.command_count, 64);
    strcat(cmds, ",unit");
    expect_usage(parse("--do", cmds, NULL), "--do");
}
END_TEST

START_TEST(select_reaches_every_class)
{
    run r = parse("--classes", "32", "--do", "select 32,select-prev,select-next,p-restore", NULL);
    ck_assert_msg(r.result == UI_CLI_RUN, "%s", r.err);
    ck_assert_int_eq(r.opt.commands[0].cmd.kind, XL_CMD_SELECT);
    ck_assert_int_eq(r.opt.commands[0].cmd.n, 31);
    ck_assert_int_eq(r.opt.commands[1].cmd.kind, XL_CMD_SELECT_PREV);
    ck_assert_int_eq(r.opt.commands[2].cmd.kind, XL_CMD_SELECT_NEXT);
    ck_assert_int_eq(r.opt.commands[3].cmd.kind, XL_CMD_VERB);
    ck_assert_str_eq(r.opt.commands[3].cmd.verb, "p-restore");
    r = parse("--classes", "12", "--do", "select 12", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    /* A class the scene does not have is named as the error it is. */
    r = parse("--do", "select 7", NULL); /* default scene: 5 birds */
    expect_usage(r, "--do");
    ck_assert_msg(strstr(r.err, "select 7") != NULL, "message '%s'", r.err);
    expect_usage(parse("--classes", "32", "--do", "select 33", NULL), "--do");
}
END_TEST

START_TEST(unknown_and_missing)
{
    run r = parse("--frobnicate", NULL);
    ck_assert_int_eq(r.result, UI_CLI_USAGE);
    ck_assert_ptr_nonnull(strstr(r.err, "--frobnicate"));
    r = parse("--lr", NULL);
    ck_assert_int_eq(r.result, UI_CLI_USAGE);
    ck_assert_ptr_nonnull(strstr(r.err, "--lr"));
    r = parse("stray", NULL);
    ck_assert_int_eq(r.result, UI_CLI_USAGE);
    ck_assert_ptr_nonnull(strstr(r.err, "stray"));
}
END_TEST

/* Part 12: --class and its three flags (each of which implies --class); a class votes
 * live in the window, so not with a headless frame, a recording or a replay. */
START_TEST(class_flags)
{
    run r = parse("--lesson", "4", "--class", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.class_on, 1);
    ck_assert_int_eq(r.opt.class_port, 0);
    ck_assert_ptr_null(r.opt.class_bind);
    ck_assert_ptr_null(r.opt.class_log);
    r = parse("--class-port", "8400", "--class-bind", "wlan0", "--class-log", "v.csv", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.class_on, 1);
    ck_assert_int_eq(r.opt.class_port, 8400);
    ck_assert_str_eq(r.opt.class_bind, "wlan0");
    ck_assert_str_eq(r.opt.class_log, "v.csv");
    r = parse("--lesson", "4", NULL);
    ck_assert_int_eq(r.opt.class_on, 0);
    expect_usage(parse("--class-port", "80", NULL), "--class-port");
    expect_usage(parse("--class-port", "65536", NULL), "--class-port");
    expect_usage(parse("--class-port", "8x", NULL), "--class-port");
    expect_usage(parse("--class-bind", "", NULL), "--class-bind");
    expect_usage(parse("--class-bind", "0123456789012345678901234567890123456789012345678901234567890123", NULL),
                 "--class-bind");
    expect_usage(parse("--class-log", "", NULL), "--class-log");
    expect_usage(parse("--class", "--headless", NULL), "--class");
    expect_usage(parse("--class", "--record", "x.mp4", "--lesson", "1", NULL), "--class");
    expect_usage(parse("--class-log", "v.csv", "--replay", "r.txt", NULL), "--class");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *good = tcase_create("good values arrive whole");
    tcase_add_test(good, defaults);
    tcase_add_test(good, help_and_version);
    tcase_add_test(good, good_values);
    tcase_add_test(good, true_list_sets_classes);
    tcase_add_test(good, names_logits_onehot);
    tcase_add_test(good, seed_changes_logits_deterministically);
    tcase_add_test(good, do_commands_in_order);
    suite_add_tcase(s, good);
    TCase *bad = tcase_create("bad values name the flag");
    tcase_add_test(bad, bad_values_name_the_flag);
    tcase_add_test(bad, unknown_and_missing);
    tcase_add_test(bad, numbers_are_plain_decimal);
    tcase_add_test(bad, nothing_cut_short);
    tcase_add_test(bad, class_flags);
    tcase_add_test(good, extreme_but_valid_numbers);
    tcase_add_test(good, select_reaches_every_class);
    suite_add_tcase(s, bad);
    return s;
}

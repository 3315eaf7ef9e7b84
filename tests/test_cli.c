/* test_cli: the command line. Every bad value exits 2 with a message that names the
 * flag; good values arrive whole; nothing is half-applied. */
#include <check.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_cli.h"

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

START_TEST(defaults)
{
    run r = parse(NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.width, 1280);
    ck_assert_int_eq(r.opt.height, 720);
    ck_assert_int_eq(r.opt.headless, 0);
    ck_assert_int_eq(r.opt.steps, 0);
    ck_assert_ptr_null(r.opt.screenshot);
    ck_assert_int_eq(r.opt.desc.classifier.n, 5);
    ck_assert_str_eq(r.opt.desc.classifier.names[0], "robin");
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
    ck_assert_int_eq(r.opt.desc.classifier.n, 3);
    ck_assert_double_eq_tol(r.opt.desc.classifier.p[0], 0.25, TOL);
    ck_assert_double_eq_tol(r.opt.desc.classifier.p[1], 0.25, TOL);
    ck_assert_double_eq_tol(r.opt.desc.classifier.p[2], 0.5, TOL);
}
END_TEST

START_TEST(names_logits_onehot)
{
    run r = parse("--classes", "3", "--names", "cat,dog,bird", "--logits", "1,-2,0.5",
                  "--true", "onehot:2", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    const xl_session_desc *d = &r.opt.desc;
    ck_assert_int_eq(d->classifier.n, 3);
    ck_assert_str_eq(d->classifier.names[1], "dog");
    ck_assert_double_eq_tol(d->z0[0], 1.0, TOL);
    ck_assert_double_eq_tol(d->z0[1], -2.0, TOL);
    ck_assert_double_eq_tol(d->z0[2], 0.5, TOL);
    ck_assert_double_eq_tol(d->classifier.p[0], 0.0, TOL);
    ck_assert_double_eq_tol(d->classifier.p[1], 1.0, TOL);
}
END_TEST

START_TEST(seed_changes_logits_deterministically)
{
    run a = parse("--seed", "3", NULL);
    double z3[XL_MAX_CLASSES];
    memcpy(z3, a.opt.desc.z0, sizeof z3);
    run b = parse("--seed", "3", NULL);
    ck_assert_mem_eq(z3, b.opt.desc.z0, sizeof z3);
    run c = parse("--seed", "4", NULL);
    ck_assert_msg(memcmp(z3, c.opt.desc.z0, sizeof z3) != 0, "seeds 3 and 4 gave the same logits");
}
END_TEST

START_TEST(do_commands_in_order)
{
    run r = parse("--do", "select 2,p-up,unit,help", NULL);
    ck_assert_int_eq(r.result, UI_CLI_RUN);
    ck_assert_int_eq(r.opt.command_count, 4);
    ck_assert_int_eq(r.opt.commands[0].kind, XL_CMD_SELECT);
    ck_assert_int_eq(r.opt.commands[0].arg, 1);
    ck_assert_int_eq(r.opt.commands[1].kind, XL_CMD_P_UP);
    ck_assert_int_eq(r.opt.commands[2].kind, XL_CMD_UNIT_TOGGLE);
    ck_assert_int_eq(r.opt.commands[3].kind, XL_CMD_HELP);
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

int main(void)
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
    suite_add_tcase(s, bad);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

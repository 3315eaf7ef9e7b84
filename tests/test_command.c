/* test_command: the command vocabulary. Every command parses from its usage example,
 * formats back to text that parses to the same command, and bad text is refused with
 * a message that names the command and shows how it is written. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_command.h"

/* An argument for each type, as a teacher would write it. */
static const char *example_arg(xl_arg_type t, xl_command_kind k)
{
    switch (t) {
    case XL_ARG_NONE: return "";
    case XL_ARG_INT: return k == XL_CMD_RUN ? " 100" : " 3";
    case XL_ARG_REAL: return " 0.1";
    case XL_ARG_LIST: return k == XL_CMD_ADD_POINT ? " 0.5,1" : " 0.5,0.3,0.2";
    case XL_ARG_NAME: return k == XL_CMD_RACE ? " gd,momentum,adam" : " adam";
    case XL_ARG_ASSIGN: return " beta=10";
    }
    return "";
}

START_TEST(every_command_parses_and_formats_back)
{
    for (int k = 1; k < XL_CMD_COUNT; k++) {
        const char *name = xl_command_name((xl_command_kind)k);
        for (int j = 1; j < k; j++) ck_assert_str_ne(name, xl_command_name((xl_command_kind)j));
        ck_assert_ptr_nonnull(xl_command_help((xl_command_kind)k));
        ck_assert_msg(strncmp(xl_command_usage((xl_command_kind)k), name, strlen(name)) == 0,
                      "usage of %s does not start with its name", name);
        char text[128], err[160], back[256];
        snprintf(text, sizeof text, "%s%s", name, example_arg(xl_command_arg_type((xl_command_kind)k), k));
        xl_command c, d;
        ck_assert_msg(xl_command_parse(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
        ck_assert_int_eq(c.kind, k);
        xl_command_format(&c, back, sizeof back);
        ck_assert_msg(xl_command_parse(back, &d, err, sizeof err) == 0, "'%s' formats as '%s': %s", text, back, err);
        ck_assert_msg(memcmp(&c, &d, sizeof c) == 0, "'%s' formats as '%s', which parses differently", text, back);
        ck_assert_str_eq(back, text);
    }
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

int main(void)
{
    Suite *s = suite_create("command");
    TCase *tc = tcase_create("vocabulary");
    tcase_add_test(tc, every_command_parses_and_formats_back);
    tcase_add_test(tc, arguments_are_typed);
    tcase_add_test(tc, bad_text_is_refused_with_a_reason);
    tcase_add_test(tc, strict_numbers);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

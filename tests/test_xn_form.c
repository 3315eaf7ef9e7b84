/* Tests for xn_form: the class server's own reading of queries, form bodies and the
 * token cookie. Every field's strict form, and each way a hostile phone may bend one:
 * bad escapes, NULs, repeats, unknown names, overlong input, out-of-range values. */
#include "check_main.h"
#include <stdio.h>
#include <string.h>

#include "xn_form.h"

static int parse(const char *s, xn_form *f) { return xn_form_parse(s, strlen(s), f); }

START_TEST(test_fields)
{
    xn_form f;
    ck_assert_int_eq(parse("c=4821&q=3.1&k=2&js=1", &f), 0);
    ck_assert_uint_eq(f.fields, XN_FORM_C | XN_FORM_Q | XN_FORM_K | XN_FORM_JS);
    ck_assert_str_eq(f.code, "4821");
    ck_assert_str_eq(f.qid, "3.1");
    ck_assert_int_eq(f.page, 3);
    ck_assert_int_eq(f.question, 1);
    ck_assert_int_eq(f.option, 2);
    ck_assert_int_eq(f.js, 1);

    ck_assert_int_eq(parse("c=0007", &f), 0);
    ck_assert_uint_eq(f.fields, XN_FORM_C);
    ck_assert_str_eq(f.code, "0007");
    ck_assert_int_eq(f.option, 0);

    ck_assert_int_eq(parse("q=999.999&k=4", &f), 0);
    ck_assert_int_eq(f.page, 999);
    ck_assert_int_eq(f.question, 999);
    ck_assert_int_eq(f.option, 4);

    /* Empty: a valid form with nothing in it (GET / without a query). */
    ck_assert_int_eq(xn_form_parse(NULL, 0, &f), 0);
    ck_assert_uint_eq(f.fields, 0);
}
END_TEST

START_TEST(test_decoding)
{
    xn_form f;
    /* %XX in names and values, either case; the decoded text is what is checked. */
    ck_assert_int_eq(parse("%63=%34%38%32%31&%6B=%32&q=3%2e1", &f), 0);
    ck_assert_str_eq(f.code, "4821");
    ck_assert_int_eq(f.option, 2);
    ck_assert_str_eq(f.qid, "3.1");
    /* '+' is a space, and a space is no digit. */
    ck_assert_int_eq(parse("c=48+21", &f), -1);
    ck_assert_int_eq(parse("c=%", &f), -1);
    ck_assert_int_eq(parse("c=%4", &f), -1);
    ck_assert_int_eq(parse("c=%zz21", &f), -1);
    ck_assert_int_eq(parse("c=%0048", &f), -1);     /* an encoded NUL */
    ck_assert_int_eq(xn_form_parse("c=48\0" "1", 6, &f), -1);
}
END_TEST

START_TEST(test_refusals)
{
    static const char *const bad[] = {
        "c",  "c=", "=4821", "&c=4821", "c=4821&", "c=4821&&k=1", "c=4821&c=4821",   /* repeated */
        "c=482", "c=48210", "c=48a1", "c=-482", "x=1",                               /* unknown name */
        "C=4821", "q=3", "q=3.", "q=.1", "q=0.1", "q=3.0", "q=03.1", "q=1000.1", "q=3.1.1",
        "q=-3.1", "q=3.1a", "k=0", "k=5", "k=12", "k=", "k=a", "k=%31%31", "js=2", "js=",
        "js=true", "c=4821;k=1", "c=4821 ", "k=1&k=2",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        xn_form f;
        f.fields = 99;
        ck_assert_msg(parse(bad[i], &f) == -1, "accepted \"%s\"", bad[i]);
        ck_assert_msg(f.fields == 0 && f.code[0] == '\0' && f.option == 0, "half-read \"%s\"", bad[i]);
    }
}
END_TEST

START_TEST(test_length)
{
    /* XN_FORM_MAX bytes are read; one more is refused whole, even if well-formed. */
    char s[XN_FORM_MAX + 2];
    xn_form f;
    memset(s, 0, sizeof s);
    strcpy(s, "c=4821&k=1&js=0&q=3.1");
    ck_assert_int_eq(parse(s, &f), 0);
    memset(s, 'a', sizeof s - 1);
    memcpy(s, "c=4821", 6);
    ck_assert_int_eq(xn_form_parse(s, XN_FORM_MAX + 1, &f), -1);
    /* A value longer than any field's is refused before it is decoded past its buffer. */
    ck_assert_int_eq(parse("q=1234567890123456789012345678901234567890", &f), -1);
    ck_assert_int_eq(parse("cccccccccccccccccccccccccccccc=1", &f), -1);
}
END_TEST

START_TEST(test_cookie)
{
    char t[XN_FORM_TOKEN_HEX + 1];
    const char *tok = "0123456789abcdef0123456789abcdef";
    char h[256];
    ck_assert_int_eq(xn_form_cookie(NULL, t), 0);
    ck_assert_str_eq(t, "");
    ck_assert_int_eq(xn_form_cookie("", t), 0);
    ck_assert_int_eq(xn_form_cookie("a=b; other=1", t), 0);
    snprintf(h, sizeof h, "xl=%s", tok);
    ck_assert_int_eq(xn_form_cookie(h, t), 1);
    ck_assert_str_eq(t, tok);
    snprintf(h, sizeof h, "a=b;  xl=%s ;theme=dark", tok);
    ck_assert_int_eq(xn_form_cookie(h, t), 1);
    ck_assert_str_eq(t, tok);
    snprintf(h, sizeof h, "xxl=1; xl=%s", tok);   /* a name that only ends in xl is another cookie */
    ck_assert_int_eq(xn_form_cookie(h, t), 1);
    /* Repeated, too short, too long, upper case, not hex: refused. */
    snprintf(h, sizeof h, "xl=%s; xl=%s", tok, tok);
    ck_assert_int_eq(xn_form_cookie(h, t), -1);
    ck_assert_str_eq(t, "");
    ck_assert_int_eq(xn_form_cookie("xl=0123", t), -1);
    snprintf(h, sizeof h, "xl=%s0", tok);
    ck_assert_int_eq(xn_form_cookie(h, t), -1);
    ck_assert_int_eq(xn_form_cookie("xl=0123456789ABCDEF0123456789abcdef", t), -1);
    ck_assert_int_eq(xn_form_cookie("xl=0123456789abcdef0123456789abcdeg", t), -1);
    ck_assert_int_eq(xn_form_cookie("xl=", t), -1);
    /* An overlong header, whatever it holds. */
    static char big[XN_FORM_COOKIE_MAX + 64];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    snprintf(h, sizeof h, "xl=%s; ", tok);
    memcpy(big, h, strlen(h));
    ck_assert_int_eq(xn_form_cookie(h, t), 1);
    ck_assert_int_eq(xn_form_cookie(big, t), -1);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("xn_form");
    const xl_test_case cases[] = {
        {"fields", test_fields},     {"decoding", test_decoding}, {"refusals", test_refusals},
        {"length", test_length},     {"cookie", test_cookie},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

/* test_class_log: the class's CSV log, text for text: the header once per file, a row
 * for questions of 2, 3 and 4 answers (the counts they lack left empty), question text
 * with quotes, commas and line ends, the lesson's name without its folders, the time in
 * ISO 8601 with its offset. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_class_log.h"

static xl_poll_tally *tally(int page, int q, int noptions, int c0, int c1, int c2, int c3)
{
    static xl_poll_tally t;
    memset(&t, 0, sizeof t);
    t.page = page;
    t.question = q;
    t.noptions = noptions;
    const int c[4] = {c0, c1, c2, c3};
    for (int k = 0; k < noptions; k++) {
        t.counts[k] = c[k];
        t.voted += c[k];
    }
    return &t;
}

/* The whole file as text. */
static void slurp(const char *path, char *out, size_t n)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    const size_t got = fread(out, 1, n - 1, f);
    out[got] = '\0';
    fclose(f);
}

START_TEST(rows_text_for_text)
{
    char path[] = "/tmp/xl-class-log-XXXXXX";
    const int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    char err[256] = "", text[4096];
    ui_class_log *log = ui_class_log_open(path, err, sizeof err);
    ck_assert_msg(log != NULL, "%s", err);
    const char *when = "2026-12-06T21:05:03+00:00";
    ck_assert_int_eq(ui_class_log_row(log, when, "lessons/01-surprise.lesson", "Which is it?", 0, 24,
                                      tally(1, 0, 2, 10, 9, 0, 0)), 0);
    ck_assert_int_eq(ui_class_log_row(log, when, "/abs/path/04-cross-entropy.lesson",
                                      "P is \"one-hot\", Q is not: which loss, then?", 2, 30, tally(3, 1, 3, 5, 3, 11, 0)), 0);
    ck_assert_int_eq(ui_class_log_row(log, when, "my,odd \"name\".lesson", "Two\r\nlines, one row", -1, 7,
                                      tally(11, 3, 4, 1, 0, 2, 4)), 0);
    ck_assert_int_eq(ui_class_log_row(log, when, "plain.lesson", "", 3, 0, tally(0, 0, 4, 0, 0, 0, 0)), 0);
    ck_assert_int_eq(ui_class_log_close(log), 0);
    slurp(path, text, sizeof text);
    ck_assert_str_eq(text,
                     "time,lesson,page,question,text,joined,voted,count_1,count_2,count_3,count_4,right\n"
                     "2026-12-06T21:05:03+00:00,01-surprise.lesson,2,1,\"Which is it?\",24,19,10,9,,,1\n"
                     "2026-12-06T21:05:03+00:00,04-cross-entropy.lesson,4,2,"
                     "\"P is \"\"one-hot\"\", Q is not: which loss, then?\",30,19,5,3,11,,3\n"
                     "2026-12-06T21:05:03+00:00,\"my,odd \"\"name\"\".lesson\",12,4,\"Twolines, one row\",7,7,1,0,2,4,\n"
                     "2026-12-06T21:05:03+00:00,plain.lesson,1,1,\"\",0,0,0,0,0,0,4\n");
    /* Opened again: appended to, the header not repeated. */
    log = ui_class_log_open(path, err, sizeof err);
    ck_assert_ptr_nonnull(log);
    ck_assert_int_eq(ui_class_log_row(log, when, "a.lesson", "Again?", 1, 2, tally(0, 1, 2, 1, 1, 0, 0)), 0);
    ck_assert_int_eq(ui_class_log_close(log), 0);
    slurp(path, text, sizeof text);
    ck_assert_ptr_eq(strstr(text, "time,"), text);
    ck_assert_ptr_null(strstr(text + 1, "time,"));
    const char *last = "2026-12-06T21:05:03+00:00,a.lesson,1,2,\"Again?\",2,2,1,1,,,2\n";
    ck_assert_str_eq(text + strlen(text) - strlen(last), last);
    unlink(path);
}
END_TEST

START_TEST(a_log_that_cannot_be_written)
{
    char err[256] = "";
    ck_assert_ptr_null(ui_class_log_open("/nonexistent-dir-xl/log.csv", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-dir-xl/log.csv"));
    ck_assert_int_eq(ui_class_log_close(NULL), 0);
}
END_TEST

START_TEST(the_time_with_its_offset)
{
    char buf[40];
    setenv("TZ", "UTC0", 1);
    tzset();
    ui_class_log_time((time_t)1796591103, buf, sizeof buf); /* 2026-12-06 21:05:03 UTC */
    ck_assert_str_eq(buf, "2026-12-06T21:05:03+00:00");
    setenv("TZ", "XST-5:30", 1); /* POSIX: 5 h 30 east of Greenwich */
    tzset();
    ui_class_log_time((time_t)1796591103, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026-12-07T02:35:03+05:30");
    setenv("TZ", "YST8", 1);
    tzset();
    ui_class_log_time((time_t)1796591103, buf, sizeof buf);
    ck_assert_str_eq(buf, "2026-12-06T13:05:03-08:00");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("class_log");
    const xl_test_case cases[] = {
        {"rows, text for text", rows_text_for_text},
        {"a log that cannot be written", a_log_that_cannot_be_written},
        {"the time with its offset", the_time_with_its_offset},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

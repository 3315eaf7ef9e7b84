/* test_voice: the synthesized voice (issue 25). A sentence of the course said through
 * flite's library: a length plausible for its words at about 160 words a minute, a level
 * well above silence, silence trimmed to the fixed pad at both ends, the same samples
 * twice and after reopening; a text over the limit refused with a reason, a blank one
 * silent, a second voice at once refused. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_voice.h"
#include "xl_lesson.h"
#include "xl_speech.h"

static double rms(const short *s, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += (double)s[i] * s[i];
    return n ? sqrt(sum / (double)n) : 0.0;
}

static int peak(const short *s, size_t n)
{
    int p = 0;
    for (size_t i = 0; i < n; i++) p = abs(s[i]) > p ? abs(s[i]) : p;
    return p;
}

START_TEST(a_sentence_said_the_same_every_time)
{
    char err[256] = "";
    ui_voice *v = ui_voice_open("en", err, sizeof err);
    ck_assert_msg(v != NULL, "%s", err);
    ck_assert(strstr(ui_voice_describe(v), "cmu_us_rms") != NULL);
    ck_assert_ptr_null(ui_voice_open("en", err, sizeof err)); /* one voice a process */
    ck_assert(strstr(err, "already open") != NULL);

    /* The words of a displayed sentence, as the exporter will hand them over. */
    char spoken[512];
    xl_speech_text("The cross-entropy H(P,Q) ≥ H(P): a model that expected rain is barely surprised by it.", NULL,
                   0, spoken, sizeof spoken, NULL);
    ck_assert_str_eq(spoken, "The cross-entropy H of P and Q is at least H of P: a model that expected rain is barely "
                             "surprised by it.");
    int words = 0;
    for (const char *c = spoken; *c; c++) words += (c == spoken || c[-1] == ' ') && *c != ' ';
    ck_assert_int_eq(words, 23);

    short *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    ck_assert_msg(ui_voice_say(v, spoken, &a, &na, err, sizeof err) == 0, "%s", err);
    const double seconds = (double)na / UI_VOICE_RATE;
    /* 23 words (short ones: letters) at 130 to 200 words a minute, plus the two pads. */
    const double pads = 2.0 * UI_VOICE_PAD_MS / 1000.0;
    ck_assert_msg(seconds > 23.0 * 60.0 / 200.0 + pads && seconds < 23.0 * 60.0 / 130.0 + pads, "%.2f s", seconds);
    const double level = rms(a, na);
    ck_assert_msg(level > 1000.0, "RMS %.0f of 32767", level); /* above -30 dBFS; silence is 0 */
    /* Trimmed to the pad: the first and last few milliseconds quiet, speech right after. */
    const size_t pad = UI_VOICE_RATE * UI_VOICE_PAD_MS / 1000, ms10 = UI_VOICE_RATE / 100;
    ck_assert_int_lt(peak(a, pad - ms10), 328);
    ck_assert_int_lt(peak(a + na - (pad - ms10), pad - ms10), 328);
    ck_assert_int_ge(peak(a, pad + ms10), 328);
    ck_assert_int_ge(peak(a + na - pad - ms10, pad + ms10), 328);

    ck_assert_int_eq(ui_voice_say(v, spoken, &b, &nb, err, sizeof err), 0);
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(a, b, na * sizeof *a) == 0);
    free(b);
    ui_voice_close(v);
    v = ui_voice_open("en", err, sizeof err);
    ck_assert_msg(v != NULL, "%s", err);
    ck_assert_int_eq(ui_voice_say(v, spoken, &b, &nb, err, sizeof err), 0);
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(a, b, na * sizeof *a) == 0);
    free(a);
    free(b);

    /* A blank text is silence; a text over the limit is refused with its size. */
    ck_assert_int_eq(ui_voice_say(v, "  ", &a, &na, err, sizeof err), 0);
    ck_assert_ptr_null(a);
    ck_assert_uint_eq(na, 0);
    char *big = malloc(UI_VOICE_MAX_TEXT + 2);
    memset(big, 'a', UI_VOICE_MAX_TEXT + 1);
    big[UI_VOICE_MAX_TEXT + 1] = '\0';
    ck_assert_int_eq(ui_voice_say(v, big, &a, &na, err, sizeof err), -1);
    ck_assert_ptr_null(a);
    ck_assert_uint_eq(na, 0);
    ck_assert_str_eq(err, "text of 8193 bytes is too long to say at once (at most 8192)");
    /* One word past the longest xl_speech makes: refused before flite works on it. */
    memset(big, 'a', 64);
    big[64] = '\0';
    ck_assert_int_eq(ui_voice_say(v, big, &a, &na, err, sizeof err), -1);
    ck_assert_str_eq(err, "a word of more than 63 characters at byte 1 is too long to say");
    big[63] = '\0';
    ck_assert_int_eq(ui_voice_say(v, big, &a, &na, err, sizeof err), 0);
    ck_assert_uint_gt(na, UI_VOICE_RATE / 2);
    free(a);
    free(big);

    /* A text as a lesson's page shows it: read with the page's @say rules, then said. */
    static const char lesson[] = "# T\n## A\nH(P,Q) here.\n@say H(P,Q) => the cross-entropy\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t", lesson, sizeof lesson - 1, l), 0);
    char said[128];
    ck_assert_int_eq(ui_voice_say_shown(v, l, 0, "H(P,Q) ≥ 0.", &a, &na, said, sizeof said, err, sizeof err), 0);
    ck_assert_str_eq(said, "the cross-entropy is at least zero.");
    ck_assert_int_eq(ui_voice_say(v, said, &b, &nb, err, sizeof err), 0);
    ck_assert_uint_eq(na, nb);
    ck_assert(na > UI_VOICE_RATE && memcmp(a, b, na * sizeof *a) == 0);
    free(a);
    free(b);
    free(l);
    ui_voice_close(v);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("voice");
    TCase *tc = tcase_create("voice");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, a_sentence_said_the_same_every_time);
    suite_add_tcase(s, tc);
    return s;
}

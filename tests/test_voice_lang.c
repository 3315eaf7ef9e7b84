/* test_voice_lang: the German and Spanish voice (issue 26; ui_voice with eSpeak NG). A
 * sentence of each translated lesson read into the language's words and said: eSpeak NG
 * reports a word event for every word; the same samples from two new processes saying the
 * same texts in the same order (eSpeak NG keeps state between texts, so within one
 * process a text said again is checked to be within 2% of its first length); the length
 * grows with the text (the sentence twice is about twice as long); a level well
 * above silence, trimmed to the pad; the limits of the English voice (a text over
 * UI_VOICE_MAX_TEXT, a word over UI_VOICE_MAX_WORD characters, umlauts counted as one)
 * refused with their reason; a language no synthesizer speaks refused. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

static int count_words(const char *s)
{
    int words = 0;
    for (const char *c = s; *c; c++) words += (c == s || c[-1] == ' ') && *c != ' ';
    return words;
}

/* What a new process says for texts[0..n) in lang, in order: each one's sample count and
 * FNV-1a hash of its samples (a child process that opens the voice, says them and
 * reports down a pipe; this process never opens eSpeak NG before it). */
typedef struct said_sum {
    size_t count;
    unsigned long long hash;
} said_sum;

static void say_in_new_process(const char *lang, const char *const *texts, int n, said_sum *out)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    const pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        char err[256];
        ui_voice *v = ui_voice_open(lang, err, sizeof err);
        for (int i = 0; i < n; i++) {
            said_sum sum = {0, 1469598103934665603ULL};
            short *pcm = NULL;
            if (v && ui_voice_say(v, texts[i], &pcm, &sum.count, err, sizeof err) == 0)
                for (size_t k = 0; k < sum.count; k++) sum.hash = (sum.hash ^ (unsigned short)pcm[k]) * 1099511628211ULL;
            free(pcm);
            if (write(fds[1], &sum, sizeof sum) != (ssize_t)sizeof sum) _exit(1);
        }
        _exit(v ? 0 : 1);
    }
    close(fds[1]);
    for (int i = 0; i < n; i++) ck_assert_int_eq(read(fds[0], &out[i], sizeof out[i]), (ssize_t)sizeof out[i]);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Say shown (as a page shows it) in lang: its words must be `expect`; checked as above. */
static void says(const char *lang, const char *shown, const char *expect, const char *other)
{
    /* The same texts in the same order from two new processes: the same samples. */
    static char twice[1100];
    snprintf(twice, sizeof twice, "%s %s", expect, expect);
    const char *const seq[] = {expect, other, twice, expect};
    said_sum a1[4], a2[4];
    say_in_new_process(lang, seq, 4, a1);
    say_in_new_process(lang, seq, 4, a2);
    for (int i = 0; i < 4; i++) {
        ck_assert_uint_gt(a1[i].count, UI_VOICE_RATE / 2);
        ck_assert_uint_eq(a1[i].count, a2[i].count);
        ck_assert_msg(a1[i].hash == a2[i].hash, "%s: text %d said differently by two processes", lang, i);
    }

    char err[256] = "";
    ui_voice *v = ui_voice_open(lang, err, sizeof err);
    ck_assert_msg(v != NULL, "%s", err);
    ck_assert_str_eq(ui_voice_lang(v), lang);
    char want[64];
    snprintf(want, sizeof want, "eSpeak NG ");
    ck_assert_msg(strstr(ui_voice_describe(v), want) != NULL, "%s", ui_voice_describe(v));
    snprintf(want, sizeof want, " %s, ", lang);
    ck_assert_msg(strstr(ui_voice_describe(v), want) != NULL, "%s", ui_voice_describe(v));
    ck_assert_ptr_null(ui_voice_open("en", err, sizeof err)); /* one voice a process */

    char spoken[512];
    ui_voice_words(v, shown, NULL, 0, spoken, sizeof spoken);
    ck_assert_str_eq(spoken, expect);
    const int words = count_words(spoken);

    short *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    ck_assert_msg(ui_voice_say(v, spoken, &a, &na, err, sizeof err) == 0, "%s", err);
    /* Every word said: eSpeak NG's word events, one a word of the text. */
    ck_assert_int_eq(ui_voice_said_words(v), words);
    const double seconds = (double)na / UI_VOICE_RATE;
    const double pads = 2.0 * UI_VOICE_PAD_MS / 1000.0;
    /* At 150 words a minute, long German and Spanish words: 90 to 200 words a minute. */
    ck_assert_msg(seconds > words * 60.0 / 200.0 + pads && seconds < words * 60.0 / 90.0 + pads, "%s: %.2f s for %d words",
                  lang, seconds, words);
    ck_assert_msg(rms(a, na) > 1000.0, "RMS %.0f", rms(a, na));
    const size_t pad = UI_VOICE_RATE * UI_VOICE_PAD_MS / 1000, ms10 = UI_VOICE_RATE / 100;
    ck_assert_int_lt(peak(a, pad - ms10), 328);
    ck_assert_int_lt(peak(a + na - (pad - ms10), pad - ms10), 328);
    ck_assert_int_ge(peak(a, pad + ms10), 328);
    ck_assert_int_ge(peak(a + na - pad - ms10, pad + ms10), 328);

    /* Said again in this process: eSpeak NG's state from the text before can move a
     * pause by a few milliseconds, no more. */
    ck_assert_int_eq(ui_voice_say(v, spoken, &b, &nb, err, sizeof err), 0);
    ck_assert_msg(fabs((double)nb - (double)na) < 0.02 * (double)na, "%s: %zu then %zu samples", lang, na, nb);
    free(b);

    /* Twice the text, about twice the speech (a sentence's pause between them). */
    ck_assert_int_eq(ui_voice_say(v, twice, &b, &nb, err, sizeof err), 0);
    ck_assert_int_eq(ui_voice_said_words(v), 2 * words);
    const double ratio = (double)(nb - 2 * pad) / (double)(na - 2 * pad);
    ck_assert_msg(ratio > 1.85 && ratio < 2.3, "%s: twice the text is %.2f times as long", lang, ratio);
    free(b);

    /* Closed and opened again: it speaks (eSpeak NG stays started). */
    ui_voice_close(v);
    v = ui_voice_open(lang, err, sizeof err);
    ck_assert_msg(v != NULL, "%s", err);
    ck_assert_int_eq(ui_voice_say(v, spoken, &b, &nb, err, sizeof err), 0);
    ck_assert_msg(fabs((double)nb - (double)na) < 0.02 * (double)na, "%s: %zu then %zu samples", lang, na, nb);
    free(a);
    free(b);
    ui_voice_close(v);
}

START_TEST(german)
{
    says("de", "Die Kreuzentropie H(P,Q) ≥ H(P) ist hier 0.33 nats: Überraschung im Mittel.",
         "Die Kreuzentropie H von P und Q ist mindestens H von P ist hier null Komma drei drei nats: Überraschung im "
         "Mittel.", "Das Modell sagt Regen mit Wahrscheinlichkeit null Komma zwei fünf, und es regnet.");
}
END_TEST

START_TEST(spanish)
{
    says("es", "¿Cuánta sorpresa? La entropía cruzada H(P,Q) es 0.33 nats.",
         "¿Cuánta sorpresa? La entropía cruzada H de P y Q es cero coma tres tres nats.",
         "El modelo dice lluvia con probabilidad cero coma dos cinco, y llueve.");
}
END_TEST

START_TEST(limits_and_refusals)
{
    char err[256] = "";
    ck_assert_ptr_null(ui_voice_open("fr", err, sizeof err));
    ck_assert_str_eq(err, "no synthesized voice speaks 'fr' (English, German and Spanish do)");
    ck_assert_int_eq(ui_voice_speaks("de"), 1);
    ck_assert_int_eq(ui_voice_speaks("es"), 1);
    ck_assert_int_eq(ui_voice_speaks("fr"), -1);
    ui_voice *v = ui_voice_open("de", err, sizeof err);
    ck_assert_msg(v != NULL, "%s", err);
    short *a = NULL;
    size_t na = 0;
    /* A text over the limit, and a word of 64 umlauts (128 bytes, 64 characters). */
    char *big = malloc(UI_VOICE_MAX_TEXT + 2);
    memset(big, 'a', UI_VOICE_MAX_TEXT + 1);
    big[UI_VOICE_MAX_TEXT + 1] = '\0';
    ck_assert_int_eq(ui_voice_say(v, big, &a, &na, err, sizeof err), -1);
    ck_assert_str_eq(err, "text of 8193 bytes is too long to say at once (at most 8192)");
    char word[2 * 64 + 8] = "so ";
    for (int i = 0; i < 64; i++) strcat(word, "ä");
    ck_assert_int_eq(ui_voice_say(v, word, &a, &na, err, sizeof err), -1);
    ck_assert_str_eq(err, "a word of more than 63 characters at byte 4 is too long to say");
    ck_assert_ptr_null(a);
    word[strlen(word) - 2] = '\0'; /* 63: said, and bounded */
    ck_assert_msg(ui_voice_say(v, word, &a, &na, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_gt(na, UI_VOICE_RATE / 4);
    ck_assert_uint_lt(na, 60 * UI_VOICE_RATE);
    free(a);
    /* The longest text allowed, as words: said within the bound. */
    size_t k = 0;
    while (k + 6 < UI_VOICE_MAX_TEXT) k += (size_t)snprintf(big + k, 8, "Hallo ");
    big[k] = '\0';
    ck_assert_msg(ui_voice_say(v, big, &a, &na, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(ui_voice_said_words(v), (int)(k / 6));
    ck_assert_uint_lt(na, (size_t)k * UI_VOICE_RATE);
    free(a);
    ck_assert_int_eq(ui_voice_say(v, " \n ", &a, &na, err, sizeof err), 0);
    ck_assert_ptr_null(a);
    ck_assert_uint_eq(na, 0);
    free(big);
    ui_voice_close(v);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("voice_lang");
    TCase *tc = tcase_create("voice_lang");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, german);
    tcase_add_test(tc, spanish);
    tcase_add_test(tc, limits_and_refusals);
    suite_add_tcase(s, tc);
    return s;
}

/* test_caption: texts cut into captions and timed (xl_caption, issue 25).
 *
 * Every cue of every text here is checked by rules counted independently of the code
 * under test (a UTF-8 decoder of its own): at most 2 lines of at most 42 characters, no
 * UTF-8 sequence cut, the words of the text all there and in order. Then the choices:
 * sentence ends before clauses before words, no number parted from its unit, no cut
 * beside "=", balanced lines; words too long for a line; Unicode; the limits; timing in
 * proportion and from a voice's durations. The texts include every paragraph, question,
 * answer and explanation of every shipped lesson. */
#include "check_main.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_caption.h"
#include "xl_lesson.h"

enum { CUES_MAX = 512 };
static xl_cue cues[CUES_MAX];

/* Code points of s[0..n), checking it is valid UTF-8 where it was (*bad: a sequence cut). */
static int count_chars(const char *s, size_t n, int *bad)
{
    int chars = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (i + len > n) {
            *bad = 1;
            len = 1;
        }
        for (size_t k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80) *bad = 1;
        /* Combining marks U+0300..U+036F (0xCC 0x80 .. 0xCD 0xAF) take no room. */
        const int combining = len == 2 && (c == 0xCC || (c == 0xCD && (unsigned char)s[i + 1] <= 0xAF));
        chars += !combining;
        i += len;
    }
    return chars;
}

/* s without its white space into out: what the cues must hold, in order. */
static void words(const char *s, char *out, size_t n)
{
    size_t k = 0;
    for (; *s && k + 1 < n; s++)
        if (!(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) out[k++] = *s;
    out[k] = '\0';
}

/* Split text, check every cue against the limits and the words against the text's;
 * returns the number of cues. */
static int split_checked(const char *text)
{
    const int n = xl_caption_split(text, cues, CUES_MAX);
    ck_assert_msg(n >= 0 && n <= CUES_MAX, "%d cues for '%s'", n, text);
    static char joined[16384], want[16384], got[16384];
    size_t used = 0;
    joined[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *t = cues[i].text, *nl = strchr(t, '\n');
        ck_assert_msg(!nl || !strchr(nl + 1, '\n'), "cue %d has 3 lines: '%s'", i, t);
        ck_assert_int_eq(cues[i].lines, nl ? 2 : 1);
        int bad = 0;
        const int c1 = count_chars(t, nl ? (size_t)(nl - t) : strlen(t), &bad);
        const int c2 = nl ? count_chars(nl + 1, strlen(nl + 1), &bad) : 0;
        ck_assert_msg(!bad, "cue %d cuts a UTF-8 sequence: '%s'", i, t);
        ck_assert_msg(c1 <= 42 && c2 <= 42, "cue %d has a line over 42 characters (%d, %d): '%s'", i, c1, c2, t);
        ck_assert_msg(c1 > 0 && (!nl || c2 > 0), "cue %d has an empty line: '%s'", i, t);
        ck_assert_msg(cues[i].chars == c1 + c2, "cue %d says %d characters, counted %d", i, cues[i].chars, c1 + c2);
        used += (size_t)snprintf(joined + used, sizeof joined - used, "%s%s", i ? " " : "", t);
    }
    words(text, want, sizeof want);
    words(joined, got, sizeof got);
    ck_assert_msg(strcmp(want, got) == 0, "words lost:\n'%s'\n'%s'", want, got);
    return n;
}

/* The cue holding needle's first byte, and whether needle lies inside one cue line. */
static int same_line(int n, const char *needle)
{
    for (int i = 0; i < n; i++) {
        const char *t = cues[i].text;
        const char *at = strstr(t, needle);
        if (at) return 1;
    }
    return 0;
}

START_TEST(short_text_is_one_cue)
{
    ck_assert_int_eq(split_checked("Surprise is −ln p."), 1);
    ck_assert_str_eq(cues[0].text, "Surprise is −ln p.");
    ck_assert_int_eq(cues[0].lines, 1);
    ck_assert_int_eq(cues[0].chars, 18);
    ck_assert_int_eq(split_checked(""), 0);
    ck_assert_int_eq(split_checked("  \n\t \n "), 0);
    ck_assert_int_eq(xl_caption_split(NULL, cues, CUES_MAX), 0);
    /* 43 characters: two lines, balanced, at the clause. */
    ck_assert_int_eq(split_checked("A fair coin has entropy, one bit, in a toss."), 1);
    ck_assert_str_eq(cues[0].text, "A fair coin has entropy,\none bit, in a toss.");
}
END_TEST

START_TEST(sentences_first)
{
    /* Two sentences of 45 and 40: each its own cue, not a cue across the end. */
    const char *text = "Gradient descent moves the logits toward the P. "
                       "The loss falls as the steps go on here.";
    ck_assert_int_eq(split_checked(text), 2);
    ck_assert_str_eq(cues[0].text, "Gradient descent moves\nthe logits toward the P.");
    ck_assert_str_eq(cues[1].text, "The loss falls as the steps go on here.");
    /* Short sentences share a cue, a line each. */
    ck_assert_int_eq(split_checked("Which is it? The robin's. Look at the bars."), 1);
    ck_assert_str_eq(cues[0].text, "Which is it? The robin's.\nLook at the bars.");
    /* A sentence too long for one cue ends a cue; the next sentence starts one. */
    const char *three = "A bird-song classifier hears a song and answers with probabilities Q over five species. "
                        "The truth P says how often each song really is each species.";
    const int n = split_checked(three);
    ck_assert_int_eq(n, 3);
    ck_assert_msg(strstr(cues[1].text, "species.") != NULL && strstr(cues[1].text, "The truth") == NULL,
                  "cue 2: '%s'", cues[1].text);
    ck_assert_str_eq(cues[2].text, "The truth P says how often\neach song really is each species.");
    /* A variable ends a sentence too ("... change P."); numbered answers stay whole. */
    ck_assert_int_eq(split_checked("Gradient descent runs for 300 steps. How much of the KL part is left? "
                                   "1: all of it: learning cannot change P. 2: about half: the steps get smaller. "
                                   "3: none: Q becomes P."), 3);
    ck_assert_str_eq(cues[1].text, "1: all of it: learning cannot change P.");
    ck_assert_str_eq(cues[2].text, "2: about half: the steps get smaller.\n3: none: Q becomes P.");
    /* e.g. is not a sentence end. */
    ck_assert_int_eq(split_checked("Some words e.g. here and there, then a few more words to make it long."), 1);
}
END_TEST

START_TEST(clauses_before_words)
{
    const char *text = "Someone who believes Q while the world follows P is surprised, on average, "
                       "by the cross-entropy of the two distributions it compares";
    const int n = split_checked(text);
    ck_assert_int_eq(n, 2);
    const size_t len = strlen(cues[0].text);
    ck_assert_msg(cues[0].text[len - 1] == ',', "the first cue ends at a comma: '%s'", cues[0].text);
    /* A dash starts the next part. */
    ck_assert_int_eq(split_checked("The loss went down at first and then it came back up again — the rate was far "
                                   "too large for the landscape here"), 2);
    const size_t l0 = strlen(cues[0].text), dash = strlen("—");
    ck_assert_msg(strncmp(cues[1].text, "—", dash) == 0 || (l0 >= dash && strcmp(cues[0].text + l0 - dash, "—") == 0),
                  "the cues part away from the dash: '%s' | '%s'", cues[0].text, cues[1].text);
}
END_TEST

START_TEST(formulas_and_units_kept_whole)
{
    const char *text = "Here the model leans to blackbird, giving it 0.6 and each other species 0.1: "
                       "H(P,Q) = 2.1592 nats, and after 40 steps the loss is 0.045 nats.";
    const int n = split_checked(text);
    ck_assert_msg(same_line(n, "H(P,Q) = 2.1592 nats"), "the formula was cut");
    ck_assert_msg(same_line(n, "40 steps"), "40 and steps parted");
    ck_assert_msg(same_line(n, "0.045 nats"), "0.045 and nats parted");
    /* Inside brackets a comma is no clause: a cue never ends inside "(0.4, 0.25, ...)". */
    const int m = split_checked("The truth is P = (0.4, 0.25, 0.15, 0.12, 0.08) over the five species of birds "
                                "that sing in the garden");
    for (int i = 0; i < m; i++) {
        const size_t len = strlen(cues[i].text);
        ck_assert_msg(!(len > 0 && cues[i].text[len - 1] == ',' && strchr(cues[i].text, '(') && !strchr(cues[i].text, ')')),
                      "a cue ends inside the brackets: '%s'", cues[i].text);
    }
    /* −Σ p ln q stays on one line. */
    const int k = split_checked("Someone who believes Q while the world follows P is surprised by H(P,Q) = −Σ p ln q.");
    ck_assert_msg(same_line(k, "−Σ p ln q."), "the sum was cut");
}
END_TEST

START_TEST(balanced_lines)
{
    /* 60 characters: no line of one word; the lines within 12 characters of each other. */
    const char *text = "The cross-entropy splits exactly into the entropy and the KL";
    ck_assert_int_eq(split_checked(text), 1);
    const char *nl = strchr(cues[0].text, '\n');
    ck_assert_ptr_nonnull(nl);
    const int l1 = (int)(nl - cues[0].text), l2 = (int)strlen(nl + 1);
    ck_assert_msg(abs(l1 - l2) <= 12, "unbalanced: '%s'", cues[0].text);
    ck_assert_ptr_nonnull(strchr(nl + 1, ' '));
    ck_assert_msg(strchr(cues[0].text, ' ') < nl, "one word on the first line: '%s'", cues[0].text);
}
END_TEST

START_TEST(long_words_broken)
{
    char word[256];
    memset(word, 'x', 100);
    word[100] = '\0';
    ck_assert_int_eq(split_checked(word), 2);
    ck_assert_int_eq(cues[0].chars + cues[1].chars, 100);
    ck_assert_int_eq(cues[0].lines + cues[1].lines, 3); /* 42, 42 and 16 */
    /* 60 Σ (2 bytes each): cut between code points, 42 on a line. */
    char sigma[256] = "";
    for (int i = 0; i < 60; i++) strcat(sigma, "Σ");
    ck_assert_int_eq(split_checked(sigma), 1);
    ck_assert_int_eq(cues[0].chars, 60);
    ck_assert_int_eq((int)(strchr(cues[0].text, '\n') - cues[0].text), 42 * 2);
    /* A 3-byte ‖ word of 50 and a 4-byte emoji word: the same, never inside a sequence. */
    char bars[512] = "a ";
    for (int i = 0; i < 50; i++) strcat(bars, i % 2 ? "‖" : "😀");
    strcat(bars, " b");
    split_checked(bars);
}
END_TEST

START_TEST(unicode_counted_as_characters)
{
    /* 42 characters of −, Σ, ‖ and subscripts (many more bytes): one line. */
    const char *text = "H = −Σᵢ pᵢ ln pᵢ ≥ 0, D_KL(P‖Q) ≥ 0 ≤ q₁ ‖";
    ck_assert_int_eq(xl_caption_chars(text), 42);
    ck_assert_int_eq(split_checked(text), 1);
    ck_assert_int_eq(cues[0].lines, 1);
    /* A combining mark takes no room: 42 letters, each with a hat, fit a line. */
    char hats[512] = "";
    for (int i = 0; i < 42; i++) strcat(hats, "y\xcc\x82");
    ck_assert_int_eq(xl_caption_chars(hats), 42);
    ck_assert_int_eq(split_checked(hats), 1);
    ck_assert_int_eq(cues[0].lines, 1);
    /* Invalid bytes count one each and pass through whole. */
    ck_assert_int_eq(xl_caption_chars("a\xff\xfe b"), 5);
    ck_assert_int_eq(xl_caption_split("a\xff\xfe b", cues, 4), 1);
    ck_assert_str_eq(cues[0].text, "a\xff\xfe b");
    /* A no-break space joins: "40 steps" with U+00A0 is one word. */
    ck_assert_int_eq(xl_caption_chars("40\xc2\xa0steps"), 8);
}
END_TEST

START_TEST(newline_starts_a_cue)
{
    ck_assert_int_eq(split_checked("Which surprise is the loss now?\nrobin's\nblackbird's\n\nthe mean"), 4);
    ck_assert_str_eq(cues[0].text, "Which surprise is the loss now?");
    ck_assert_str_eq(cues[1].text, "robin's");
    ck_assert_str_eq(cues[3].text, "the mean");
}
END_TEST

START_TEST(out_too_small)
{
    const char *text = "One sentence here that is long enough to need a cue of its own. Then a second one, "
                       "as long as the first and a bit more. And a third sentence to end it all with.";
    const int n = xl_caption_split(text, NULL, 0);
    ck_assert_int_eq(n, 3);
    memset(cues, 0x55, sizeof cues[0] * 2);
    ck_assert_int_eq(xl_caption_split(text, cues, 1), 3);
    ck_assert_msg(strncmp(cues[0].text, "One sentence", 12) == 0, "'%s'", cues[0].text);
    ck_assert_int_eq((unsigned char)cues[1].text[0], 0x55); /* not written */
}
END_TEST

START_TEST(min_seconds)
{
    /* 18 characters: one cue of 1.3 s (18 / 15 = 1.2 < 1.3). */
    ck_assert_double_eq_tol(xl_caption_min_seconds("Surprise is −ln p."), 1.3, 1e-12);
    ck_assert_double_eq_tol(xl_caption_min_seconds(""), 0.0, 1e-12);
    ck_assert_double_eq_tol(xl_caption_min_seconds(NULL), 0.0, 1e-12);
    ck_assert_double_eq_tol(xl_caption_cue_seconds(30), 2.0, 1e-12);
    ck_assert_double_eq_tol(xl_caption_cue_seconds(0), 1.3, 1e-12);
    ck_assert_double_eq_tol(xl_caption_cue_limit_seconds(34), 2.0, 1e-12);
    ck_assert_double_eq_tol(xl_caption_cue_limit_seconds(20), 1.3, 1e-12);
    /* The sum over the cues the split makes. */
    const char *text = "Gradient descent moves the logits toward the P. The loss falls as the steps go on here.";
    const int n = split_checked(text);
    double sum = 0.0;
    for (int i = 0; i < n; i++) sum += xl_caption_cue_seconds(cues[i].chars);
    ck_assert_double_eq_tol(xl_caption_min_seconds(text), sum, 1e-12);
    ck_assert_double_eq_tol(sum, (46.0 + 39.0) / 15.0, 1e-12);
}
END_TEST

/* Cues meet end to start, the first at start, the last at end, none shorter than least. */
static void check_timing(int n, long long start, long long end, double least_s)
{
    ck_assert_int_eq(cues[0].start_ms, start);
    ck_assert_int_eq(cues[n - 1].end_ms, end);
    for (int i = 0; i < n; i++) {
        ck_assert_msg(cues[i].end_ms > cues[i].start_ms, "cue %d: %lld..%lld", i, cues[i].start_ms, cues[i].end_ms);
        if (i > 0) ck_assert_int_eq(cues[i].start_ms, cues[i - 1].end_ms);
        const double secs = (double)(cues[i].end_ms - cues[i].start_ms) / 1000.0;
        ck_assert_msg(secs >= least_s * xl_caption_cue_seconds(cues[i].chars) - 0.001, "cue %d: %.3f s for %d characters",
                      i, secs, cues[i].chars);
    }
}

/* Cues meet end to start, the first at start, the last at end, each within the limits. */
static void check_limits_timing(int n, long long start, long long end)
{
    ck_assert_int_eq(cues[0].start_ms, start);
    ck_assert_int_eq(cues[n - 1].end_ms, end);
    for (int i = 0; i < n; i++) {
        if (i > 0) ck_assert_int_eq(cues[i].start_ms, cues[i - 1].end_ms);
        const long long ms = cues[i].end_ms - cues[i].start_ms;
        ck_assert_msg(ms >= 1300 && cues[i].chars * 1000 <= 17 * ms, "cue %d: %lld ms for %d characters", i, ms,
                      cues[i].chars);
    }
}

START_TEST(timed_in_proportion)
{
    const char *text = "Gradient descent moves the logits toward the P. The loss falls as the steps go on here.\n"
                       "Yes.";
    const int n = split_checked(text);
    ck_assert_int_eq(n, 3);
    /* 46, 39 and 4 characters need 3.067, 2.6 and 1.3 s: over 13.933 s twice each. */
    xl_caption_time(cues, n, 1000, 1000 + 13933, NULL);
    check_timing(n, 1000, 14933, 2.0);
    ck_assert_int_eq(cues[1].start_ms, 1000 + 6133);
    ck_assert_int_eq(cues[2].start_ms, 1000 + 6133 + 5200);
    /* A span too short: shared in proportion all the same, still no gap or overlap. */
    xl_caption_time(cues, n, 0, 700, NULL);
    check_timing(n, 0, 700, 0.0);
    ck_assert_int_eq(cues[1].start_ms, 308);
}
END_TEST

START_TEST(timed_by_a_voice)
{
    const char *text = "Gradient descent moves the logits toward the P. The loss falls as the steps go on here.\n"
                       "Yes.";
    const int n = split_checked(text);
    ck_assert_int_eq(n, 3);
    /* Said at 3.5 s, 3.0 s and 0.5 s: each cue starts as it is said; "Yes." is held 1.3 s. */
    const long long said[3] = {3500, 3000, 500};
    xl_caption_time(cues, n, 2000, 2000 + 7000 + 800, said);
    check_timing(n, 2000, 9800, 1.0);
    ck_assert_int_eq(cues[1].start_ms, 5500);
    ck_assert_int_eq(cues[2].start_ms, 8500);
    /* A voice faster than the limits (1 s for 46 characters): the next cue waits until
     * the first has had 46 / 17 = 2.706 s. */
    const long long fast[3] = {1000, 1000, 1000};
    xl_caption_time(cues, n, 0, 8000, fast);
    check_limits_timing(n, 0, 8000);
    ck_assert_int_eq(cues[1].start_ms, 2706);
    ck_assert_int_eq(cues[2].start_ms, 2706 + 2295);
    /* A pause before the second cue, and the end near: pulled back from the end so the
     * last has its 1.3 s and the second its 2.295 s (shown a little before it is said). */
    const long long pause[3] = {4000, 500, 500};
    xl_caption_time(cues, n, 0, 7000, pause);
    check_limits_timing(n, 0, 7000);
    ck_assert_int_eq(cues[2].start_ms, 7000 - 1300);
    ck_assert_int_eq(cues[1].start_ms, 7000 - 1300 - 2295);
    /* A span too short even for the limits: in proportion, as without a voice. */
    xl_caption_time(cues, n, 0, 3000, fast);
    ck_assert_int_eq(cues[1].start_ms, 1321); /* 3000 · 3066.7 / 6966.7, rounded */
}
END_TEST

/* The display text of a lesson's narration paragraph: emphasis dropped, lines joined. */
static void display(const char *from, const char *to, char *out, size_t n)
{
    size_t k = 0;
    for (const char *c = from; c < to && *c && k + 1 < n; c++) {
        if (*c == '\\' && (c[1] == '*' || c[1] == '\\')) {
            out[k++] = *++c;
            continue;
        }
        if (*c == '*') continue;
        out[k++] = *c == '\n' ? ' ' : *c;
    }
    out[k] = '\0';
}

static int check_lesson_text(const char *t, int *cue_count, double *seconds)
{
    char buf[XL_LESSON_TEXT];
    display(t, t + strlen(t), buf, sizeof buf);
    *cue_count += split_checked(buf);
    *seconds += xl_caption_min_seconds(buf);
    return 1;
}

START_TEST(every_shipped_text)
{
    DIR *d = opendir(LESSONS_DIR);
    ck_assert_ptr_nonnull(d);
    xl_lesson *l = malloc(sizeof *l);
    static char src[XL_LESSON_MAX_BYTES + 1];
    int files = 0, texts = 0, ncues = 0;
    double seconds = 0.0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const size_t len = strlen(e->d_name);
        if (len < 8 || strcmp(e->d_name + len - 7, ".lesson") != 0) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", LESSONS_DIR, e->d_name);
        FILE *f = fopen(path, "rb");
        ck_assert_ptr_nonnull(f);
        const size_t n = fread(src, 1, XL_LESSON_MAX_BYTES, f);
        fclose(f);
        ck_assert_int_eq(xl_lesson_parse(path, src, n, l), 0);
        files++;
        for (int p = 0; p < l->npages; p++) {
            const xl_page *pg = &l->pages[p];
            texts += check_lesson_text(pg->title, &ncues, &seconds);
            for (const char *para = pg->text; *para;) {
                const char *end = strstr(para, "\n\n");
                if (!end) end = para + strlen(para);
                char one[XL_LESSON_TEXT];
                snprintf(one, sizeof one, "%.*s", (int)(end - para), para);
                texts += check_lesson_text(one, &ncues, &seconds);
                para = *end ? end + 2 : end;
            }
            for (int q = 0; q < pg->nquestions; q++) {
                const xl_question *qu = &pg->questions[q];
                texts += check_lesson_text(qu->text, &ncues, &seconds);
                for (int a = 0; a < qu->nanswers; a++) texts += check_lesson_text(qu->answers[a], &ncues, &seconds);
                texts += check_lesson_text(qu->why, &ncues, &seconds);
            }
        }
    }
    closedir(d);
    free(l);
    ck_assert_int_ge(files, 14);
    ck_assert_int_ge(texts, 300);
    /* About 15 characters a second over a course of some 60,000 characters. */
    ck_assert_msg(ncues > texts && seconds > 600.0, "%d texts, %d cues, %.0f s", texts, ncues, seconds);
}
END_TEST

START_TEST(hostile_texts_bounded)
{
    /* 4 KiB of every byte value, of one long word, of single letters, of newlines. */
    static char text[4097];
    unsigned state = 12345;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 4096; i++) {
            state = state * 1103515245u + 12345u;
            const unsigned char r = (unsigned char)(state >> 16);
            text[i] = (char)(round == 0 ? (r ? r : 'x') : round == 1 ? 'w' : round == 2 ? (i % 2 ? ' ' : 'q') : (i % 3 ? 'z' : '\n'));
        }
        text[4096] = '\0';
        const int n = xl_caption_split(text, cues, CUES_MAX);
        ck_assert_msg(n > 0, "round %d: %d cues", round, n);
        for (int i = 0; i < n && i < CUES_MAX; i++) {
            int bad = 0;
            const char *nl = strchr(cues[i].text, '\n');
            ck_assert_int_le(count_chars(cues[i].text, nl ? (size_t)(nl - cues[i].text) : strlen(cues[i].text), &bad), 42);
            ck_assert_int_le((int)strlen(cues[i].text), XL_CAPTION_CUE_BYTES - 1);
        }
        ck_assert_double_ge(xl_caption_min_seconds(text), 1.3 * n - 1e-9);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("caption");
    const xl_test_case cases[] = {
        {"a short text is one cue", short_text_is_one_cue},
        {"sentence ends first", sentences_first},
        {"clauses before words", clauses_before_words},
        {"formulas and units kept whole", formulas_and_units_kept_whole},
        {"balanced lines", balanced_lines},
        {"long words broken between characters", long_words_broken},
        {"Unicode counted as characters", unicode_counted_as_characters},
        {"a newline starts a cue", newline_starts_a_cue},
        {"an out too small", out_too_small},
        {"least seconds", min_seconds},
        {"timed in proportion", timed_in_proportion},
        {"timed by a voice", timed_by_a_voice},
        {"every shipped lesson's texts", every_shipped_text},
        {"hostile texts, bounded", hostile_texts_bounded},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

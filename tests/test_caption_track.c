/* test_caption_track: the captions of a recording (xl_caption_track, issue 25).
 *
 * Every shipped lesson recorded on the virtual clock (no drawing, no ffmpeg) and its
 * captions built as the exporter builds them, silent and with a voice quicker than a
 * reader: every cue within the limits (2 lines of 42 characters, at least 1.3 s, at most
 * 17 characters a second, no overlap), on its page, and every question captioned as it
 * is asked and its answer and why as they are revealed. Then by hand: a small lesson's cues at known times, a voice's cue times, a
 * page too short for its words, the credits after the last page. */
#include "check_main.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_caption_track.h"
#include "xl_speech.h"

static xl_session *new_session(void)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* A recorded lesson: its segments and pages' frames, and the track built from them. */
typedef struct recorded {
    int nseg, pages;
    xl_rec_segment *seg;
    long start[XL_LESSON_MAX_PAGES], end[XL_LESSON_MAX_PAGES];
    xl_caption_track track;
} recorded;

static void record(const xl_lesson *l, int fps, const xl_rec_timing *timing, const xl_caption_voice *voice,
                   recorded *out)
{
    memset(out, 0, sizeof *out);
    xl_session *s = new_session();
    xl_player *p = xl_player_create(l, s);
    ck_assert_ptr_nonnull(p);
    xl_recording *r = xl_recording_create(p, fps);
    ck_assert_ptr_nonnull(r);
    if (timing) xl_recording_set_timing(r, timing);
    while (xl_recording_next(r)) {
    }
    const xl_rec_segment *sg = NULL;
    out->nseg = xl_recording_segments(r, &sg);
    out->seg = malloc((size_t)(out->nseg > 0 ? out->nseg : 1) * sizeof *out->seg);
    memcpy(out->seg, sg, (size_t)out->nseg * sizeof *sg);
    for (int k = 0; k < XL_LESSON_MAX_PAGES && xl_recording_page_frames(r, k, &out->start[k], &out->end[k]) == 0; k++)
        out->pages = k + 1;
    xl_caption_track_init(&out->track);
    xl_caption_track_add_segments(&out->track, l, out->seg, out->nseg, fps, out->start, out->end, out->pages, 0, voice);
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
}

static void forget(recorded *rc)
{
    free(rc->seg);
    xl_caption_track_deinit(&rc->track);
}

/* Every cue of rc within the limits and its page; every segment's first cue at its start. */
static void check_limits(const char *name, const recorded *rc, int fps, long long lag_ms)
{
    const xl_caption_track *t = &rc->track;
    char why[256];
    for (int i = 0; i < t->n; i++) {
        const xl_cue *c = &t->cues[i];
        ck_assert_msg(!xl_caption_cue_check(c, i ? &t->cues[i - 1] : NULL, 0, why, sizeof why), "%s cue %d '%s': %s",
                      name, i + 1, c->text, why);
        const int pg = t->page[i];
        ck_assert_msg(pg >= 0 && pg < rc->pages, "%s cue %d on page %d", name, i + 1, pg);
        const long long from = xl_recording_ms(rc->start[pg], fps), to = xl_recording_ms(rc->end[pg], fps);
        ck_assert_msg(c->start_ms >= from && c->end_ms <= to, "%s cue %d '%s' at %lld..%lld outside its page %lld..%lld",
                      name, i + 1, c->text, c->start_ms, c->end_ms, from, to);
    }
    ck_assert_int_eq(t->dropped, 0);
    /* Each segment with words has a cue starting when it is said, or at most lag_ms after
     * (a cue before it held for its least time). */
    for (int s = 0; s < rc->nseg; s++) {
        const long long at = xl_recording_ms(rc->seg[s].start, fps);
        int found = 0;
        for (int i = 0; i < t->n && !found; i++)
            found = t->cues[i].start_ms >= at && t->cues[i].start_ms <= at + lag_ms &&
                    t->kind[i] == (int)rc->seg[s].kind && t->page[i] == rc->seg[s].page;
        ck_assert_msg(found, "%s: segment %d (kind %d, page %d) at %lld ms has no cue within %lld ms", name, s,
                      rc->seg[s].kind, rc->seg[s].page + 1, at, lag_ms);
    }
}

/* A voice quicker than a reader: 17 characters a second and 0.1 s between cues, so a
 * short title is said in under the 1.3 s its cue needs. Its segment lasts what its cues
 * take to say (a voice says cue by cue). */
static long long quick_ms(const xl_cue *c)
{
    return (long long)c->chars * 1000 / 17 + 100;
}

static long quick_frames(void *self, const xl_lesson *l, const xl_rec_segment *sg, int fps)
{
    (void)self;
    char text[XL_LESSON_TEXT + 6 * XL_LESSON_LINE];
    xl_rec_segment_text(l, sg, text, sizeof text);
    static xl_cue cues[256];
    const int n = xl_caption_split(text, cues, 256);
    long long ms = 0;
    for (int i = 0; i < n && i < 256; i++) ms += quick_ms(&cues[i]);
    return (long)((ms * fps + 999) / 1000);
}

static int quick_said(void *self, const xl_rec_segment *sg, const xl_cue *cues, int n, long long *ms)
{
    (void)self, (void)sg;
    for (int i = 0; i < n; i++) ms[i] = quick_ms(&cues[i]);
    return 1;
}

START_TEST(every_shipped_lesson_within_limits)
{
    DIR *d = opendir(LESSONS_DIR);
    ck_assert_ptr_nonnull(d);
    xl_lesson *l = malloc(sizeof *l);
    static char src[XL_LESSON_MAX_BYTES + 1];
    int files = 0, cues = 0, answers = 0, questions = 0, says = 0;
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
        recorded rc;
        /* With a quick voice first: every cue still within the limits, lagging the voice
         * by at most 1 s. */
        const xl_rec_timing quick = {quick_frames, NULL};
        const xl_caption_voice voice = {quick_said, NULL};
        record(l, 30, &quick, &voice, &rc);
        check_limits(e->d_name, &rc, 30, 1000);
        forget(&rc);
        record(l, 30, NULL, NULL, &rc);
        ck_assert_int_eq(rc.pages, l->npages);
        check_limits(e->d_name, &rc, 30, 1000);
        /* Every question asked and revealed: its cues, the revealed one with the answer. */
        for (int p = 0; p < l->npages; p++)
            for (int q = 0; q < l->pages[p].nquestions; q++) {
                int asked = 0, revealed = 0;
                for (int i = 0; i < rc.track.n; i++) {
                    if (rc.track.page[i] != p) continue;
                    asked += rc.track.kind[i] == XL_REC_SEG_QUESTION;
                    revealed += rc.track.kind[i] == XL_REC_SEG_ANSWER && strncmp(rc.track.cues[i].text, "Answer: ", 8) == 0;
                }
                ck_assert_msg(asked > 0 && revealed > 0, "%s page %d question %d: %d asked, %d revealed cues",
                              e->d_name, p + 1, q + 1, asked, revealed);
                questions++;
            }
        for (int i = 0; i < rc.track.n; i++) answers += rc.track.kind[i] == XL_REC_SEG_ANSWER;
        /* The voice says a lesson cue by cue: a formula an @say line reads must lie whole
         * in one cue, or its reading would never match. */
        for (int g = 0; g < rc.nseg; g++) {
            static char text[XL_LESSON_TEXT + 6 * XL_LESSON_LINE];
            static xl_cue split[256];
            xl_rec_segment_text(l, &rc.seg[g], text, sizeof text);
            const int ncues = xl_caption_split(text, split, 256);
            xl_speech_rule rules[XL_SPEECH_MAX_RULES];
            const int nrules = xl_speech_page_rules(l, rc.seg[g].page, rules, XL_SPEECH_MAX_RULES);
            for (int k = 0; k < nrules; k++) {
                if (!strstr(text, rules[k].formula)) continue;
                int whole = 0;
                for (int i = 0; i < ncues && i < 256 && !whole; i++) {
                    char line[XL_CAPTION_CUE_BYTES];
                    snprintf(line, sizeof line, "%s", split[i].text);
                    for (char *c = line; *c; c++)
                        if (*c == '\n') *c = ' ';
                    whole = strstr(line, rules[k].formula) != NULL;
                }
                ck_assert_msg(whole, "%s page %d: @say '%s' is cut between two cues", e->d_name, rc.seg[g].page + 1,
                              rules[k].formula);
                says++;
            }
        }
        cues += rc.track.n;
        files++;
        forget(&rc);
    }
    closedir(d);
    free(l);
    ck_assert_int_ge(files, 14);
    ck_assert_int_gt(says, 0);
    ck_assert_msg(cues > 400 && questions >= 14 && answers >= questions, "%d cues, %d questions, %d answer cues", cues,
                  questions, answers);
}
END_TEST

static const char small[] = "# T\n"
                            "## One\n"
                            "A first page that says enough words to need two cues of its own. Then it goes on "
                            "to a second sentence, long enough to need its own cue too.\n"
                            "## Two\n"
                            "? Which is it?\n"
                            "- the first *\n"
                            "- the second\n"
                            "= Because the first was said first.\n";

static xl_lesson *parse(const char *text)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", text, strlen(text), l), 0);
    return l;
}

START_TEST(small_lesson_by_hand)
{
    xl_lesson *l = parse(small);
    recorded rc;
    record(l, 10, NULL, NULL, &rc);
    check_limits("small", &rc, 10, 0);
    const xl_caption_track *t = &rc.track;
    /* Title, 3 cues of the paragraph; title, question (with answers), answer. */
    ck_assert_int_eq(rc.nseg, 5);
    ck_assert_int_ge(t->n, 6);
    ck_assert_str_eq(t->cues[0].text, "One");
    ck_assert_int_eq(t->cues[0].start_ms, 0);
    ck_assert_int_eq(t->kind[1], XL_REC_SEG_PARA);
    ck_assert_int_eq(t->cues[1].start_ms, xl_recording_ms(rc.seg[1].start, 10));
    int last_para = 1;
    while (t->kind[last_para + 1] == XL_REC_SEG_PARA) last_para++;
    ck_assert_int_eq(t->cues[last_para].end_ms, xl_recording_ms(rc.seg[1].end, 10));
    const xl_cue *ans = &t->cues[t->n - 1];
    ck_assert_int_eq(t->kind[t->n - 1], XL_REC_SEG_ANSWER);
    ck_assert_msg(strstr(ans->text, "Because the first was said first.") != NULL, "'%s'", ans->text);
    ck_assert_int_eq(ans->end_ms, xl_recording_ms(rc.seg[4].end, 10));
    forget(&rc);
    free(l);
}
END_TEST

/* A voice that takes 15 s a segment and says a cue at 12 characters a second. */
static long fifteen(void *self, const xl_lesson *l, const xl_rec_segment *sg, int fps)
{
    (void)self, (void)l, (void)sg;
    return 15L * fps;
}

static int said(void *self, const xl_rec_segment *sg, const xl_cue *cues, int n, long long *ms)
{
    int *asked = self;
    (*asked)++;
    if (sg->kind != XL_REC_SEG_PARA) return 0;
    for (int i = 0; i < n; i++) ms[i] = cues[i].chars * 1000 / 12;
    return 1;
}

START_TEST(timed_by_a_voice)
{
    xl_lesson *l = parse(small);
    int asked = 0;
    const xl_rec_timing timing = {fifteen, NULL};
    const xl_caption_voice voice = {said, &asked};
    recorded rc;
    record(l, 10, &timing, &voice, &rc);
    ck_assert_int_eq(asked, 5);
    const xl_caption_track *t = &rc.track;
    /* The paragraph's cues start as the voice says them. */
    int first = 1, n = 0;
    while (t->kind[first + n] == XL_REC_SEG_PARA) n++;
    ck_assert_int_ge(n, 2);
    long long at = xl_recording_ms(rc.seg[1].start, 10);
    for (int i = 0; i < n; i++) {
        ck_assert_int_eq(t->cues[first + i].start_ms, at);
        at += t->cues[first + i].chars * 1000 / 12;
    }
    /* The last holds to the segment's end, 15 s after its start. */
    ck_assert_int_eq(t->cues[first + n - 1].end_ms, xl_recording_ms(rc.seg[1].start, 10) + 15000);
    forget(&rc);
    free(l);
}
END_TEST

START_TEST(clipped_to_the_page)
{
    /* Segments made by hand: the paragraph's 4 s squeezed into a page of 2.5 s. */
    xl_lesson *l = parse(small);
    const xl_rec_segment sg[2] = {{XL_REC_SEG_TITLE, 0, 0, 0, 13}, {XL_REC_SEG_PARA, 0, 0, 13, 53}};
    const long start[2] = {0, 25}, end[2] = {25, 60};
    xl_caption_track t;
    xl_caption_track_init(&t);
    xl_caption_track_add_segments(&t, l, sg, 2, 10, start, end, 2, 500, NULL);
    ck_assert_int_ge(t.n, 1);
    ck_assert_str_eq(t.cues[0].text, "One");
    ck_assert_int_eq(t.cues[0].start_ms, 500);
    char why[256];
    for (int i = 0; i < t.n; i++) {
        ck_assert_int_le(t.cues[i].end_ms, 500 + 2500);
        ck_assert_msg(!xl_caption_cue_check(&t.cues[i], i ? &t.cues[i - 1] : NULL, 0, why, sizeof why), "cue %d: %s", i, why);
    }
    /* The cues without the time to be read are left out, counted. */
    ck_assert_int_gt(t.dropped, 0);
    const int kept = t.n, dropped = t.dropped;
    /* The paragraph given its 11.7 s on a page of 14 s: every cue has its time. */
    xl_caption_track_deinit(&t);
    const xl_rec_segment sg2[2] = {{XL_REC_SEG_TITLE, 0, 0, 0, 13}, {XL_REC_SEG_PARA, 0, 0, 13, 130}};
    const long start2[2] = {0, 140}, end2[2] = {140, 150};
    xl_caption_track_add_segments(&t, l, sg2, 2, 10, start2, end2, 2, 500, NULL);
    ck_assert_int_eq(t.dropped, 0);
    ck_assert_int_eq(t.cues[t.n - 1].end_ms, 500 + 13000);
    ck_assert_int_gt(t.n, kept);
    ck_assert_int_lt(t.dropped, dropped);
    ck_assert_int_eq(t.kind[1], XL_REC_SEG_PARA);
    /* Credits after it, in their own span. */
    const int before = t.n;
    ck_assert_int_eq(xl_caption_track_add_text(&t, "Data: a set by someone, under CC BY 4.0", 6000, 11000), 1);
    ck_assert_int_eq(t.n, before + 1);
    ck_assert_int_eq(t.cues[before].start_ms, 6000);
    ck_assert_int_eq(t.cues[before].end_ms, 11000);
    ck_assert_int_eq(t.page[before], -1);
    xl_caption_track_deinit(&t);
    ck_assert_int_eq(t.n, 0);
    free(l);
}
END_TEST

START_TEST(cue_check_says_why)
{
    xl_cue c = {0, 1000, 10, 1, "short"};
    char why[256];
    ck_assert_int_eq(xl_caption_cue_check(&c, NULL, 0, why, sizeof why), 1);
    ck_assert_msg(strstr(why, "1000 ms") != NULL, "%s", why);
    c.end_ms = 1300;
    ck_assert_int_eq(xl_caption_cue_check(&c, NULL, 0, why, sizeof why), 0);
    ck_assert_str_eq(why, "");
    c.chars = 30; /* 30 characters in 1.3 s: 23 a second */
    ck_assert_int_eq(xl_caption_cue_check(&c, NULL, 0, why, sizeof why), 1);
    ck_assert_msg(strstr(why, "23.1 a second") != NULL, "%s", why);
    xl_cue d = {0, 9000, 50, 3, "a\nb\nc"};
    ck_assert_int_eq(xl_caption_cue_check(&d, NULL, 0, why, sizeof why), 1);
    ck_assert_msg(strstr(why, "more than 2 lines") != NULL, "%s", why);
    xl_cue e = {8000, 12000, 10, 1, "later"};
    ck_assert_int_eq(xl_caption_cue_check(&e, &d, 0, why, sizeof why), 1);
    ck_assert_msg(strstr(why, "before the cue before ends") != NULL, "%s", why);
    xl_cue f = {0, 9000, 43, 1, "0123456789012345678901234567890123456789012"};
    ck_assert_int_eq(xl_caption_cue_check(&f, NULL, 0, why, sizeof why), 1);
    ck_assert_msg(strstr(why, "43 characters") != NULL, "%s", why);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("caption_track");
    const xl_test_case cases[] = {
        {"every shipped lesson's cues within the limits", every_shipped_lesson_within_limits},
        {"a small lesson by hand", small_lesson_by_hand},
        {"timed by a voice", timed_by_a_voice},
        {"clipped to the page", clipped_to_the_page},
        {"the check says why", cue_check_says_why},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

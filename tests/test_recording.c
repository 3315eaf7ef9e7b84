/* test_recording: a lesson on the virtual clock (issue 10). The frame counts of a small
 * lesson worked out by hand from the rules in xl_recording.h; plays taken in whole steps
 * per frame; a question shown, then its answer revealed; the same lesson twice gives the
 * same states frame by frame; the page times in milliseconds are exact. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_recording.h"
#include "xl_state_text.h"

/* At 10 frames per second (each segment without a voice lasts its reading time: the
 * longest of 2.5 words a second, 15 characters a second and 1.3 s):
 *   page 1: the title "One" (1.3 s = 13 frames, 0..12), the paragraph of ten words (4 s,
 *           13..52), then 0.5 s: frames 0..57 (58);
 *   page 2: the turn's 0.5 s (58..62), the title (63..75); the play waits for the turn,
 *           then takes one step a frame (64..83); the hold of 2 s after the frame it
 *           ended on: frames 58..103 (46);
 *   page 3: the turn (104..108), the title (109..121), the question read out ("Pick? 1:
 *           a. 2: b.", 5 words = 2 s, 122..141) and 3 s to think (to 171); the answer
 *           revealed at 172 ("Answer: a. why words here.", 2 s, 172..191) and the wait
 *           (1.5 s, 172..186), then done until the answer is read and 0.5 s more:
 *           frames 104..196 (93). */
static const char text[] =
    "# T\n"
    "## One\n"
    "one two three four five six seven eight nine ten\n"
    "## Two\n"
    "@set-speed 10\n"
    "@play 20\n"
    "@hold 2\n"
    "## Three\n"
    "? Pick?\n"
    "- a *\n"
    "- b\n"
    "= why words here\n"
    "@wait\n";

static xl_lesson *lesson;

static void setup(void)
{
    lesson = malloc(sizeof *lesson);
    int errors = xl_lesson_parse("t.lesson", text, strlen(text), lesson);
    ck_assert_msg(errors == 0, "%s", lesson->errors[0]);
}

static void teardown(void)
{
    free(lesson);
}

static xl_session *new_session(void)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(frames_worked_out_by_hand)
{
    xl_session *s = new_session();
    xl_player *p = xl_player_create(lesson, s);
    xl_recording *r = xl_recording_create(p, 10);
    ck_assert_ptr_nonnull(r);
    long steps_at[200];
    int phase_at[200], changed_at[200];
    long n = 0;
    while (xl_recording_next(r)) {
        ck_assert_int_lt(n, 200);
        steps_at[n] = xl_sim_steps(xl_session_sim(s));
        phase_at[n] = xl_player_phase_of(p);
        changed_at[n] = xl_recording_changed(r);
        n++;
        ck_assert_int_eq(xl_recording_frames(r), n);
    }
    ck_assert_int_eq(n, 197);
    ck_assert_int_eq(xl_recording_next(r), 0); /* over stays over */
    long a, b;
    static const long want[3][2] = {{0, 58}, {58, 104}, {104, 197}};
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(xl_recording_page_frames(r, k, &a, &b), 0);
        ck_assert_int_eq(a, want[k][0]);
        ck_assert_int_eq(b, want[k][1]);
    }
    ck_assert_int_eq(xl_recording_page_frames(r, 3, &a, &b), -1);
    /* The play: one step a frame from frame 64 to 83, none before (the turn), 20 after. */
    ck_assert_int_eq(steps_at[63], 0);
    for (int f = 64; f <= 83; f++) ck_assert_int_eq(steps_at[f], f - 63);
    ck_assert_int_eq(steps_at[103], 20);
    ck_assert_int_eq(phase_at[83], XL_PLAYER_DONE);
    /* The question from frame 104 to 171, the wait 172..186, done from 187. */
    ck_assert_int_eq(phase_at[104], XL_PLAYER_ASKING);
    ck_assert_int_eq(phase_at[171], XL_PLAYER_ASKING);
    ck_assert_int_eq(phase_at[172], XL_PLAYER_WAITING);
    ck_assert_int_eq(phase_at[186], XL_PLAYER_WAITING);
    ck_assert_int_eq(phase_at[187], XL_PLAYER_DONE);
    ck_assert_int_eq(xl_player_question_state(p, 0, NULL), 2);
    /* Held frames are marked unchanged, so an exporter may reuse the frame before. */
    ck_assert(changed_at[0] && !changed_at[1] && changed_at[58] && !changed_at[60] && changed_at[64] &&
              !changed_at[90]);
    ck_assert(changed_at[172] && !changed_at[173] && changed_at[187]);
    /* What was said, and when. */
    const xl_rec_segment *sg = NULL;
    ck_assert_int_eq(xl_recording_segments(r, &sg), 6);
    static const long said[6][5] = {{XL_REC_SEG_TITLE, 0, 0, 0, 13},     {XL_REC_SEG_PARA, 0, 0, 13, 53},
                                    {XL_REC_SEG_TITLE, 1, 0, 63, 76},    {XL_REC_SEG_TITLE, 2, 0, 109, 122},
                                    {XL_REC_SEG_QUESTION, 2, 0, 122, 142}, {XL_REC_SEG_ANSWER, 2, 0, 172, 192}};
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(sg[i].kind, said[i][0]);
        ck_assert_int_eq(sg[i].page, said[i][1]);
        ck_assert_int_eq(sg[i].index, said[i][2]);
        ck_assert_int_eq(sg[i].start, said[i][3]);
        ck_assert_int_eq(sg[i].end, said[i][4]);
    }
    char buf[256];
    ck_assert_int_eq(xl_rec_segment_text(lesson, &sg[4], buf, sizeof buf), strlen("Pick? 1: a. 2: b."));
    ck_assert_str_eq(buf, "Pick? 1: a. 2: b.");
    xl_rec_segment_text(lesson, &sg[5], buf, sizeof buf);
    ck_assert_str_eq(buf, "Answer: a. why words here.");
    xl_rec_segment_text(lesson, &sg[1], buf, sizeof buf);
    ck_assert_str_eq(buf, "one two three four five six seven eight nine ten");
    xl_rec_segment_text(lesson, &sg[1], buf, 10); /* cut, NUL-ended */
    ck_assert_str_eq(buf, "one two t");
    ck_assert_int_eq(xl_recording_ms(85, 10), 8500);
    ck_assert_int_eq(xl_recording_ms(155, 10), 15500);
    ck_assert_int_eq(xl_recording_ms(1, 30), 33);
    ck_assert_int_eq(xl_recording_ms(2182, 30), 72733);
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
}
END_TEST

/* At 30 frames per second a play at 10 steps/s takes a step every third frame: 20 steps
 * in 60 frames, never more than the play has. */
START_TEST(steps_are_whole_numbers_per_frame)
{
    xl_session *s = new_session();
    xl_player *p = xl_player_create(lesson, s);
    xl_recording *r = xl_recording_create(p, 30);
    long last = 0, frames_playing = 0;
    while (xl_recording_next(r)) {
        long now = xl_sim_steps(xl_session_sim(s));
        ck_assert(now - last == 0 || now - last == 1);
        if (xl_player_phase_of(p) == XL_PLAYER_PLAYING) frames_playing++;
        last = now;
    }
    ck_assert_int_eq(last, 20);
    /* The turn's 15 frames, the play's first frame, then 59 until the 20th step. */
    ck_assert_int_eq(frames_playing, 75);
    ck_assert_ptr_null(xl_recording_create(p, 0));
    ck_assert_ptr_null(xl_recording_create(p, 121));
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
}
END_TEST

/* The lesson twice, on two sessions: the same readouts on every frame. */
START_TEST(the_same_lesson_twice_gives_the_same_frames)
{
    xl_session *s1 = new_session(), *s2 = new_session();
    xl_player *p1 = xl_player_create(lesson, s1), *p2 = xl_player_create(lesson, s2);
    xl_recording *r1 = xl_recording_create(p1, 24), *r2 = xl_recording_create(p2, 24);
    long frames = 0;
    for (;;) {
        int a = xl_recording_next(r1), b = xl_recording_next(r2);
        ck_assert_int_eq(a, b);
        if (!a) break;
        double v1[XL_READOUTS_MAX] = {0}, v2[XL_READOUTS_MAX] = {0};
        xl_session_readouts(s1, v1);
        xl_session_readouts(s2, v2);
        ck_assert(memcmp(v1, v2, sizeof v1) == 0);
        ck_assert_int_eq(xl_recording_changed(r1), xl_recording_changed(r2));
        frames++;
    }
    ck_assert_int_gt(frames, 100);
    xl_recording_free(r1);
    xl_recording_free(r2);
    xl_player_destroy(p1);
    xl_player_destroy(p2);
    xl_session_destroy(s1);
    xl_session_destroy(s2);
}
END_TEST

START_TEST(reading_time_counts_words)
{
    ck_assert_double_eq_tol(xl_recording_reading_seconds("one two three four five"), 2.0, 1e-12);
    ck_assert_double_eq_tol(xl_recording_reading_seconds("  *rain*,  and\n\nmore "), 1.2, 1e-12);
    ck_assert_double_eq(xl_recording_reading_seconds(""), 0.0);
    ck_assert_double_eq(xl_recording_reading_seconds(NULL), 0.0);
}
END_TEST

/* A voice that takes 7 frames for anything. */
static long seven_frames(void *self, const xl_lesson *l, const xl_rec_segment *sg, int fps)
{
    (void)l;
    (void)sg;
    (void)fps;
    ++*(int *)self;
    return 7;
}

/* With a voice the script waits for it. At 10 fps:
 *   page 1: title 0..6, paragraph 7..13, +0.5 s, at least 3 s: frames 0..29;
 *   page 2: the turn 30..34, title 35..41; the play starts after the title (steps at
 *           43..62), the hold of 2 s after it: frames 30..82;
 *   page 3: the turn 83..87, title 88..94, the question 95..101, 3 s to think (to 131);
 *           revealed at 132, the answer said 132..138, the wait's 1.5 s after it (to 153);
 *           done: frames 83..154. */
START_TEST(a_voice_sets_the_pace)
{
    xl_session *s = new_session();
    xl_player *p = xl_player_create(lesson, s);
    xl_recording *r = xl_recording_create(p, 10);
    int asked = 0;
    xl_rec_timing t = {seven_frames, &asked};
    xl_recording_set_timing(r, &t);
    long n = 0, steps_at[200];
    int turned_at[200];
    uint64_t before_hash = 0;
    while (xl_recording_next(r)) {
        ck_assert_int_lt(n, 200);
        steps_at[n] = xl_sim_steps(xl_session_sim(s));
        turned_at[n] = xl_recording_turned(r);
        if (n == 83) { /* the state the turn left: page 2's, 20 steps in */
            ck_assert_ptr_nonnull(xl_recording_before_turn(r));
            xl_session *was = new_session();
            ck_assert_int_eq(xl_session_restore(was, xl_recording_before_turn(r)), 0);
            ck_assert_int_eq(xl_sim_steps(xl_session_sim(was)), 20);
            before_hash = xl_state_hash(was);
            xl_session_destroy(was);
        }
        n++;
    }
    ck_assert_int_eq(n, 155);
    ck_assert(before_hash != 0);
    for (long f = 0; f < n; f++) ck_assert_int_eq(turned_at[f], f == 30 || f == 83);
    ck_assert_int_eq(steps_at[42], 0);
    ck_assert_int_eq(steps_at[43], 1);
    ck_assert_int_eq(steps_at[62], 20);
    long a, b;
    static const long want[3][2] = {{0, 30}, {30, 83}, {83, 155}};
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(xl_recording_page_frames(r, k, &a, &b), 0);
        ck_assert_int_eq(a, want[k][0]);
        ck_assert_int_eq(b, want[k][1]);
    }
    const xl_rec_segment *sg = NULL;
    ck_assert_int_eq(xl_recording_segments(r, &sg), 6);
    ck_assert_int_eq(asked, 6); /* the voice was asked once a segment */
    static const long said[6][2] = {{0, 7}, {7, 14}, {35, 42}, {88, 95}, {95, 102}, {132, 139}};
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(sg[i].start, said[i][0]);
        ck_assert_int_eq(sg[i].end, said[i][1]);
    }
    ck_assert_int_eq(xl_recording_turn_frames(r), 5);
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
}
END_TEST

/* A paragraph written after a play is said when the play has shown it; a text cut
 * inside a character keeps the character whole or leaves it out. */
START_TEST(paragraphs_are_said_as_they_appear)
{
    static const char two[] = "# T\n## P\nfirst −ln q\n@set-speed 10\n@play 5\n\nafter *the* play\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", two, strlen(two), l), 0);
    xl_session *s = new_session();
    xl_player *p = xl_player_create(l, s);
    xl_recording *r = xl_recording_create(p, 10);
    while (xl_recording_next(r)) {
    }
    const xl_rec_segment *sg = NULL;
    ck_assert_int_eq(xl_recording_segments(r, &sg), 3);
    ck_assert_int_eq(sg[1].kind, XL_REC_SEG_PARA);
    ck_assert_int_eq(sg[2].kind, XL_REC_SEG_PARA);
    ck_assert_int_eq(sg[2].index, 1);
    ck_assert_int_ge(sg[2].start, 5); /* the play's 5 steps at 10 a second come first */
    char buf[64];
    xl_rec_segment_text(l, &sg[2], buf, sizeof buf);
    ck_assert_str_eq(buf, "after the play");
    xl_rec_segment_text(l, &sg[1], buf, sizeof buf);
    ck_assert_str_eq(buf, "first −ln q");
    xl_rec_segment_text(l, &sg[1], buf, 8); /* "first " + a 3-byte minus does not fit */
    ck_assert_str_eq(buf, "first ");
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* A play that ends a page after its words are said (lesson 4's last page: "after 40
 * steps ..." read, then the 40 steps) is seen at rest before the turn: at 10 frames a
 * second and seven frames a segment, the title (0..6), the paragraph (7..13), the play a
 * step a frame from 15 to 34, then XL_REC_SETTLE_SECONDS still; not a turn on the frame
 * after the last step. */
START_TEST(a_play_that_ends_the_page_is_seen_at_rest)
{
    static const char two[] = "# T\n## One\nwords\n@set-speed 10\n@play 20\n## Two\nmore\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", two, strlen(two), l), 0);
    xl_session *s = new_session();
    xl_player *p = xl_player_create(l, s);
    xl_recording *r = xl_recording_create(p, 10);
    int asked = 0;
    xl_rec_timing t = {seven_frames, &asked};
    xl_recording_set_timing(r, &t);
    long n = 0, last_step = -1, prev = 0;
    while (xl_recording_next(r) && n < 400) {
        const long st = xl_sim_steps(xl_session_sim(s));
        if (xl_player_page(p) == 0 && st != prev) last_step = n;
        prev = st;
        n++;
    }
    long a, b;
    ck_assert_int_eq(xl_recording_page_frames(r, 0, &a, &b), 0);
    ck_assert_int_eq(last_step, 34);
    ck_assert_int_ge(b - last_step, (long)(XL_REC_SETTLE_SECONDS * 10)); /* frames showing its end */
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* Lesson 10's last page: a question, its play, then a paragraph. The verdict and the
 * paragraph appear together when the play ends, the verdict above: the answer is said
 * first, then the paragraph (it was said the other way round, the captions too). */
START_TEST(an_answer_is_said_before_the_paragraph_under_it)
{
    static const char qp[] = "# T\n## One\nbefore it\n\n? Pick?\n- a *\n- b\n= why\n@set-speed 10\n@play 5\n\n"
                             "after the play\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", qp, strlen(qp), l), 0);
    xl_session *s = new_session();
    xl_player *p = xl_player_create(l, s);
    xl_recording *r = xl_recording_create(p, 10);
    int asked = 0;
    xl_rec_timing t = {seven_frames, &asked};
    xl_recording_set_timing(r, &t);
    long n = 0;
    while (xl_recording_next(r) && n < 1000) n++;
    const xl_rec_segment *sg = NULL;
    ck_assert_int_eq(xl_recording_segments(r, &sg), 5);
    static const int kinds[5] = {XL_REC_SEG_TITLE, XL_REC_SEG_PARA, XL_REC_SEG_QUESTION, XL_REC_SEG_ANSWER,
                                 XL_REC_SEG_PARA};
    for (int i = 0; i < 5; i++) ck_assert_int_eq(sg[i].kind, kinds[i]);
    ck_assert_int_eq(sg[1].index, 0);
    ck_assert_int_eq(sg[4].index, 1);
    ck_assert_int_ge(sg[4].start, sg[3].end);
    xl_recording_free(r);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("recording");
    TCase *tc = tcase_create("recording");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, frames_worked_out_by_hand);
    tcase_add_test(tc, steps_are_whole_numbers_per_frame);
    tcase_add_test(tc, the_same_lesson_twice_gives_the_same_frames);
    tcase_add_test(tc, reading_time_counts_words);
    tcase_add_test(tc, a_voice_sets_the_pace);
    tcase_add_test(tc, paragraphs_are_said_as_they_appear);
    tcase_add_test(tc, a_play_that_ends_the_page_is_seen_at_rest);
    tcase_add_test(tc, an_answer_is_said_before_the_paragraph_under_it);
    suite_add_tcase(su, tc);
    return su;
}

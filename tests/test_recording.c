/* test_recording: a lesson on the virtual clock (issue 10). The frame counts of a small
 * lesson worked out by hand from the rules in xl_recording.h; plays taken in whole steps
 * per frame; a question shown, then its answer revealed; the same lesson twice gives the
 * same states frame by frame; the page times in milliseconds are exact. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_recording.h"

/* At 10 frames per second:
 *   page 1: "One" + ten words = 11 words = 4.4 s of reading: frames 0..43 (44);
 *   page 2: the play's first frame (no step yet), 20 frames of one step each at 10 steps/s,
 *           then the hold of 2 s = 20 frames: frames 44..84 (41);
 *   page 3: the question (3 words = 1.2 s, + 3 s to think = 42 frames, 85..126), the
 *           answer and the wait (1.5 s = 15 frames, 127..141), then the explanation
 *           (3 words = 1.2 s = 12 frames after the frame the page is done on, 142..154):
 *           frames 85..154 (70). */
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
    ck_assert_int_eq(n, 155);
    ck_assert_int_eq(xl_recording_next(r), 0); /* over stays over */
    long a, b;
    static const long want[3][2] = {{0, 44}, {44, 85}, {85, 155}};
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(xl_recording_page_frames(r, k, &a, &b), 0);
        ck_assert_int_eq(a, want[k][0]);
        ck_assert_int_eq(b, want[k][1]);
    }
    ck_assert_int_eq(xl_recording_page_frames(r, 3, &a, &b), -1);
    /* The play: one step a frame from frame 45 to 64, none before, 20 after. */
    ck_assert_int_eq(steps_at[44], 0);
    for (int f = 45; f <= 64; f++) ck_assert_int_eq(steps_at[f], f - 44);
    ck_assert_int_eq(steps_at[84], 20);
    ck_assert_int_eq(phase_at[64], XL_PLAYER_DONE);
    /* The question from frame 85 to 126, the wait 127..141, done from 142. */
    ck_assert_int_eq(phase_at[85], XL_PLAYER_ASKING);
    ck_assert_int_eq(phase_at[126], XL_PLAYER_ASKING);
    ck_assert_int_eq(phase_at[127], XL_PLAYER_WAITING);
    ck_assert_int_eq(phase_at[141], XL_PLAYER_WAITING);
    ck_assert_int_eq(phase_at[142], XL_PLAYER_DONE);
    ck_assert_int_eq(xl_player_question_state(p, 0, NULL), 2);
    /* Held frames are marked unchanged, so an exporter may reuse the frame before. */
    ck_assert(changed_at[0] && !changed_at[1] && changed_at[44] && changed_at[45] && !changed_at[70]);
    ck_assert(changed_at[127] && !changed_at[128] && changed_at[142]);
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
    ck_assert_int_eq(frames_playing, 60); /* the play's first frame, then 59 until the 20th step */
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
    suite_add_tcase(su, tc);
    return su;
}

/* test_page: what the window tells the browser page for a screen reader (issue 26,
 * src/app/ui_page.h), without a browser:
 *   - the pacing: the first description quietly; after an input an announcement only
 *     once the page is settled; while playing one every UI_PAGE_MOVING_MS, not sooner;
 *   - the page's buttons' state as JSON: playing, the scenario and its keyed verbs, a
 *     lesson's page of pages, and the answers of the question it asks;
 *   - the commands a page's button may send: a lesson's learner actions, not "open FILE"
 *     or "reload" or a class's. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_classroom.h"
#include "ui_page.h"
#include "xl_scenario.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif

START_TEST(pacing)
{
    ui_page_pace p = {0};
    ck_assert_int_eq(ui_page_due(&p, 1000, 0, 1), 1); /* the first frame: quietly */
    ck_assert_int_eq(ui_page_due(&p, 1016, 0, 1), 0); /* nothing happened */
    ui_page_input(&p);
    ck_assert_int_eq(ui_page_due(&p, 1032, 0, 0), 0); /* a page start is being computed */
    ck_assert_int_eq(ui_page_due(&p, 1048, 0, 1), 2); /* now it is shown */
    ck_assert_int_eq(ui_page_due(&p, 1064, 0, 1), 0); /* said once */
    /* Playing: every 5 s after the last announcement, not a frame sooner. */
    ck_assert_int_eq(ui_page_due(&p, 1048 + UI_PAGE_MOVING_MS - 1, 1, 1), 0);
    ck_assert_int_eq(ui_page_due(&p, 1048 + UI_PAGE_MOVING_MS, 1, 1), 2);
    ck_assert_int_eq(ui_page_due(&p, 1048 + UI_PAGE_MOVING_MS + 16, 1, 1), 0);
    int said = 0;
    for (long long t = 10000; t < 40000; t += 16) said += ui_page_due(&p, t, 1, 1) == 2;
    ck_assert_int_eq(said, 6); /* 30 s of playing at 60 frames a second */
    /* A key while playing is said at once, and the 5 s count from it. */
    ui_page_input(&p);
    ck_assert_int_eq(ui_page_due(&p, 40001, 1, 1), 2);
    ck_assert_int_eq(ui_page_due(&p, 44000, 1, 1), 0);
}
END_TEST

START_TEST(commands)
{
    ck_assert_int_eq(ui_page_command_allowed("step"), 1);
    ck_assert_int_eq(ui_page_command_allowed("toggle-play"), 1);
    ck_assert_int_eq(ui_page_command_allowed("lesson next"), 1);
    ck_assert_int_eq(ui_page_command_allowed("lesson back"), 1);
    ck_assert_int_eq(ui_page_command_allowed("lesson answer 3"), 1);
    ck_assert_int_eq(ui_page_command_allowed("lesson answer 0"), 0);
    ck_assert_int_eq(ui_page_command_allowed("lesson answer 3x"), 0);
    ck_assert_int_eq(ui_page_command_allowed("lesson open /etc/passwd"), 0);
    ck_assert_int_eq(ui_page_command_allowed("lesson reload"), 0);
    ck_assert_int_eq(ui_page_command_allowed("lesson class-vote 1 1.1 1"), 0);
    ck_assert_int_eq(ui_page_command_allowed("lesson next "), 0);
    ck_assert_int_eq(ui_page_command_allowed(NULL), 0);
}
END_TEST

START_TEST(controls_state)
{
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&desc);
    ck_assert_ptr_nonnull(s);
    ui_classroom *cr = malloc(sizeof *cr);
    ck_assert_ptr_nonnull(cr);
    ui_classroom_init(cr, "/nonexistent");
    char json[UI_PAGE_TEXT], err[256] = "";
    size_t n = ui_page_controls_json(s, cr, json, sizeof json);
    ck_assert_uint_eq(n, strlen(json));
    ck_assert_str_eq(json, "{\"playing\":0,\"scenario\":\"softmax\",\"verbs\":["
                           "[\"p-up\",\"raise the selected class's p by 0.05 (the rest renormalized)\"],"
                           "[\"p-down\",\"lower the selected class's p by 0.05\"],"
                           "[\"onehot\",\"P one-hot on the selected class\"],[\"uniform\",\"P uniform\"],"
                           "[\"p-restore\",\"P back to the scenario's start (reset keeps P)\"]],"
                           "\"lesson\":0,\"page\":0,\"pages\":0,\"phase\":\"\",\"answers\":[]}");
    ck_assert_int_eq(xl_session_apply(s, xl_command_make(XL_CMD_TOGGLE_PLAY)), 1);
    ui_page_controls_json(s, cr, json, sizeof json);
    ck_assert_msg(strncmp(json, "{\"playing\":1,", 13) == 0, "%s", json);
    /* logistic: its keyed verbs with no argument, each with its help line. */
    ck_assert_int_eq(xl_session_apply(s, xl_command_name_arg(XL_CMD_SCENARIO, "logistic")), 1);
    ui_page_controls_json(s, cr, json, sizeof json);
    ck_assert_msg(strstr(json, "\"scenario\":\"logistic\"") != NULL, "%s", json);
    ck_assert_msg(strstr(json, "[\"flip\",\"flip the selected sample's label\"]") != NULL, "%s", json);
    /* Lesson 1's second page asks a question with three answers. */
    ck_assert_msg(ui_classroom_do(cr, "open " LESSONS_DIR "/01-surprise.lesson", s, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(ui_classroom_do(cr, "page 2", s, err, sizeof err) == 0, "%s", err);
    for (int i = 0; i < 8 && xl_player_phase_of(cr->player) != XL_PLAYER_ASKING; i++) xl_player_next(cr->player);
    ui_page_controls_json(s, cr, json, sizeof json);
    ck_assert_msg(strstr(json, "\"lesson\":1,\"page\":2,\"pages\":") != NULL, "%s", json);
    ck_assert_msg(strstr(json, "\"phase\":\"asking\",\"answers\":[\"less than 1 nat\",\"about 3 nats\","
                               "\"more than 6.9 nats\"]}") != NULL, "%s", json);
    /* A buffer too small: cut, NUL-ended, never past it. */
    char small[24];
    memset(small, 'x', sizeof small);
    ui_page_controls_json(s, cr, small, sizeof small);
    ck_assert_uint_eq(strlen(small), sizeof small - 1);
    ui_classroom_free(cr);
    free(cr);
    xl_session_destroy(s);
}
END_TEST

/* After an answer is revealed on the same page, what is said is what changed and the
 * page's new words (the answer and its explanation), not the page's title again. */
START_TEST(brief_when_the_page_grew)
{
    const char *before = "Lesson \xe2\x80\x9c" "Cross-entropy\xe2\x80\x9d, page 2 of 3: A robin song. Question: Which "
                         "surprise is the loss now? 1: robin's. 2: blackbird's.";
    char page[512], text[1024], out[1024];
    snprintf(page, sizeof page, "%s Answer: robin's. With a one-hot P the sum keeps one term.", before);
    snprintf(text, sizeof text, "The loss rose 0.144 nats since the last description, still at step 0. %s "
             "Softmax classifier. The loss H(P,Q) is 2.303 nats.", page);
    ck_assert_int_eq(ui_page_brief_grown(text, before, page, out, sizeof out), 1);
    ck_assert_str_eq(out, "The loss rose 0.144 nats since the last description, still at step 0. "
                          "Answer: robin's. With a one-hot P the sum keeps one term.");
    /* The same words: nothing to add (the brief first sentences are said). */
    ck_assert_int_eq(ui_page_brief_grown(text, page, page, out, sizeof out), 0);
    /* No lesson: no page words. */
    ck_assert_int_eq(ui_page_brief_grown(text, "", "", out, sizeof out), 0);
    /* Words that changed otherwise: all of the page's words, after what changed. */
    ck_assert_int_eq(ui_page_brief_grown("Step 3. Other words. Scene.", "Old words.", "Other words.", out, sizeof out),
                     1);
    ck_assert_str_eq(out, "Step 3. Other words.");
    /* Narration shown after a question comes before it: said from the first sentence
     * that differs, without the title. */
    ck_assert_int_eq(ui_page_brief_grown("Title: Rain. New words. Question: Q? Answer: A. Scene.",
                                         "Title: Rain. Question: Q?", "Title: Rain. New words. Question: Q? Answer: A.",
                                         out, sizeof out),
                     1);
    ck_assert_str_eq(out, "New words. Question: Q? Answer: A.");
    /* Nothing changed before the page's words; a small buffer stays NUL-ended. */
    char small[12];
    ck_assert_int_eq(ui_page_brief_grown(page, before, page, small, sizeof small), 1);
    ck_assert_str_eq(small, "Answer: rob");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("page");
    TCase *tc = tcase_create("page");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, pacing);
    tcase_add_test(tc, commands);
    tcase_add_test(tc, controls_state);
    tcase_add_test(tc, brief_when_the_page_grew);
    suite_add_tcase(s, tc);
    return s;
}

/* test_player: the lesson player (issue 9). A page's start is the state the script gives
 * it however the class got there: in order, back again, by a jump, after the learner
 * played with the scene; a play taken in many small slices of time ends where one run of
 * all its steps ends, bit for bit; questions wait, take an answer or are revealed; wait
 * and pause stop the script and the learner's changes are undone when it goes on. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_player.h"

static const char lesson_text[] =
    "# Test\n"
    "## One\n"
    "The desert: rain at 0.001.\n"
    "@scenario softmax\n"
    "@param classes=2\n"
    "@set-p 1,0\n"
    "@set-logits 0,6.906754778648554\n"
    "@emphasise bars\n"
    "@expect loss = 6.9078 ± 0.0001\n"
    "## Two\n"
    "? After 40 steps at lr 0.5?\n"
    "- lower *\n"
    "- higher\n"
    "= Gradient descent goes downhill.\n"
    "@set-lr 0.5\n"
    "@play 40\n"
    "@wait\n"
    "@emphasise history\n"
    "## Three\n"
    "@pause\n"
    "@play 7\n"
    "## Four\n"
    "@scenario gaussian\n"
    "@play 25\n";

static xl_lesson *lesson;
static xl_session *session;

static void setup(void)
{
    lesson = malloc(sizeof *lesson);
    ck_assert_ptr_nonnull(lesson);
    int errors = xl_lesson_parse("t.lesson", lesson_text, strlen(lesson_text), lesson);
    ck_assert_msg(errors == 0, "%s", lesson->errors[0]);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    session = xl_session_create(&d);
    ck_assert_ptr_nonnull(session);
}

static void teardown(void)
{
    xl_session_destroy(session);
    free(lesson);
}

/* The whole scenario state and the readouts, to compare bit for bit. */
typedef struct picture {
    size_t size;
    unsigned char state[1 << 16];
    double readouts[XL_READOUTS_MAX];
    long steps;
} picture;

static void take(const xl_session *s, picture *out)
{
    memset(out, 0, sizeof *out);
    const xl_scenario_def *def = xl_session_scenario(s);
    out->size = def->state_size;
    ck_assert_uint_le(out->size, sizeof out->state);
    memcpy(out->state, xl_session_state(s), out->size);
    xl_session_readouts(s, out->readouts);
    out->steps = xl_sim_steps(xl_session_sim(s));
}

static int same(const picture *a, const picture *b)
{
    return a->size == b->size && a->steps == b->steps && memcmp(a->state, b->state, a->size) == 0 &&
           memcmp(a->readouts, b->readouts, sizeof a->readouts) == 0;
}

/* A fresh player over its own lesson text and session (freed by the caller). */
static xl_player *player_of(const char *text, xl_lesson **l, xl_session **s)
{
    *l = malloc(sizeof **l);
    ck_assert_ptr_nonnull(*l);
    int errors = xl_lesson_parse("w.lesson", text, strlen(text), *l);
    ck_assert_msg(errors == 0, "%s", (*l)->errors[0]);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(*s);
    xl_player *p = xl_player_create(*l, *s);
    ck_assert_ptr_nonnull(p);
    return p;
}

/* Issue 19: pages whose starts ask for many times a frame's work. */
static const char heavy_text[] = "# Heavy\n"
                                 "## One\n@scenario softmax\n@param classes=32\n@play 30000\n@run 20000\n"
                                 "## Two\n@play 60000\n@wait\n@set-lr 0.5\n@play 100\n"
                                 "## Three\nThe end.\n@play 5\n";

/* Issue 19: sliced, a page start is made a slice at a time: no call does more than a
 * slice of work (XL_WORK_SLICE operations, give or take one step), the window's frames
 * go on between, and the page reached is the same, bit for bit, as made at once. */
START_TEST(a_long_page_start_is_made_in_bounded_slices)
{
    xl_lesson *l1, *l2;
    xl_session *s1, *s2;
    xl_player *whole = player_of(heavy_text, &l1, &s1);
    xl_player *sliced = player_of(heavy_text, &l2, &s2);
    ck_assert_int_eq(xl_player_goto(whole, 2), 0);
    ck_assert(!xl_player_busy(whole));

    xl_player_set_sliced(sliced, 1);
    ck_assert_int_eq(xl_player_goto(sliced, 2), 0);
    ck_assert(xl_player_busy(sliced));
    ck_assert_int_eq(xl_player_preparing(sliced), 2);
    ck_assert_int_eq(xl_player_page(sliced), 0); /* still showing where it was */
    const double step = 16 + 32; /* a step of 32 classes, the most any step here costs */
    int slices = 0;
    long before = xl_sim_steps(xl_session_sim(s2)), total = 0;
    while (xl_player_busy(sliced)) {
        /* Time and answers wait: the session is the work in progress. */
        ck_assert_int_eq(xl_player_advance(sliced, 1.0), 0);
        ck_assert_int_eq(xl_player_answer(sliced, 0), 0);
        xl_player_work(sliced, XL_WORK_SLICE);
        long now = xl_sim_steps(xl_session_sim(s2));
        long taken = now >= before ? now - before : now; /* a page start restores step 0 */
        ck_assert_msg((double)taken * step <= XL_WORK_SLICE + step, "slice %d took %ld steps", slices, taken);
        total += taken;
        before = now;
        ck_assert_int_lt(++slices, 1000);
    }
    /* 110100 steps of 48 operations: at least 2 slices, and not one per step. */
    ck_assert_int_ge(slices, (int)(110100 * step / XL_WORK_SLICE));
    ck_assert_int_le(slices, (int)(110100 * step / XL_WORK_SLICE) + 6);
    ck_assert_int_eq(xl_player_page(sliced), 2);
    /* What a replay counts: every step of pages 1 and 2, at 48 operations each. */
    ck_assert(xl_player_ops_done(sliced) == 110100.0 * step);
    picture a, b;
    take(s1, &a);
    take(s2, &b);
    ck_assert(same(&a, &b));

    /* A skipped play's rest is taken in slices too, and Next waits for it. */
    ck_assert_int_eq(xl_player_goto(whole, 1), 0);
    ck_assert_int_eq(xl_player_goto(sliced, 1), 0);
    while (xl_player_busy(sliced)) xl_player_work(sliced, XL_WORK_SLICE);
    ck_assert_int_eq(xl_player_phase_of(sliced), XL_PLAYER_PLAYING);
    ck_assert_int_eq(xl_player_next(whole), XL_PLAYER_WENT_ON);   /* skip: 60000 steps at once */
    ck_assert_int_eq(xl_player_next(sliced), XL_PLAYER_WENT_ON);
    ck_assert(xl_player_busy(sliced));
    ck_assert_int_eq(xl_player_next(sliced), XL_PLAYER_STAYED);   /* not past the steps owed */
    slices = 0;
    while (xl_player_busy(sliced)) {
        xl_player_work(sliced, XL_WORK_SLICE);
        ck_assert_int_lt(++slices, 1000);
    }
    ck_assert_int_ge(slices, 2);
    ck_assert_int_eq(xl_player_phase_of(sliced), XL_PLAYER_WAITING);
    ck_assert_int_eq(xl_player_phase_of(whole), XL_PLAYER_WAITING);
    take(s1, &a);
    take(s2, &b);
    ck_assert(same(&a, &b));

    /* Next while a start is on its way turns to the page after that one. */
    xl_player_destroy(sliced);
    xl_session_destroy(s2);
    free(l2);
    sliced = player_of(heavy_text, &l2, &s2);
    xl_player_set_sliced(sliced, 1);
    ck_assert_int_eq(xl_player_goto(sliced, 1), 0);
    ck_assert(xl_player_busy(sliced));
    ck_assert_int_eq(xl_player_next(sliced), XL_PLAYER_TURNED);
    ck_assert_int_eq(xl_player_preparing(sliced), 2);
    xl_player_set_sliced(sliced, 0); /* finishes the work */
    ck_assert(!xl_player_busy(sliced));
    ck_assert_int_eq(xl_player_page(sliced), 2);
    ck_assert_int_eq(xl_player_goto(whole, 2), 0);
    take(s1, &a);
    take(s2, &b);
    ck_assert(same(&a, &b));

    xl_player_destroy(whole);
    xl_player_destroy(sliced);
    xl_session_destroy(s1);
    xl_session_destroy(s2);
    free(l1);
    free(l2);
}
END_TEST

/* Issue 19: a play past the page's limit is refused, said with its line and the limit,
 * and not run, in the player as in --check; so is one past the lesson's. */
START_TEST(plays_past_the_limits_are_refused_not_run)
{
    xl_lesson *l;
    xl_session *s;
    xl_player *p = player_of("# Big\n## One\n@scenario microstates\n@param flips=100000\n@play 1000000\n"
                             "@play 3\n## Two\n@run 1000\n@run 1000\n",
                             &l, &s);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING); /* the play of 3 steps */
    ck_assert_int_eq(xl_player_play_left(p), 3);
    ck_assert_msg(strstr(xl_player_problems(p), "one page may ask") != NULL, "%s", xl_player_problems(p));
    ck_assert_ptr_nonnull(strstr(xl_player_problems(p), "lesson:5:1: error: '@play 1000000' asks for "
                                                         "1.00016e11 operations (1000000 steps × 100016 per step); "
                                                         "one page may ask for at most 2e8"));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0);
    /* --check counts without taking a step: page two's second run of 1000 steps of
     * 100016 (1.00016e8 each) is past 2e8. */
    char report[4096] = "";
    ck_assert_int_eq(xl_lesson_check_work(l, "w.lesson", s, report, sizeof report), 2);
    ck_assert_ptr_nonnull(strstr(report, "w.lesson:5:1: error: '@play 1000000'"));
    ck_assert_ptr_nonnull(strstr(report, "w.lesson:9:1: error: '@run 1000' asks for 1.00016e8 operations (1000 steps "
                                         "× 100016 per step), after 1.00016e8 already asked on this page"));
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);

    /* The lesson's limit: 31 pages of 1.92e8 each pass one by one, not all together. */
    char text[8192] = "# Long\n";
    for (int k = 0; k < 33; k++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "## P%d\n@scenario microstates\n"
                 "@param flips=100000\n@play 1919\n", k + 1);
    int errors = xl_lesson_parse("long.lesson", text, strlen(text), l = malloc(sizeof *l));
    ck_assert_int_eq(errors, 0);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    s = xl_session_create(&d);
    report[0] = '\0';
    ck_assert_int_eq(xl_lesson_check_work(l, "long.lesson", s, report, sizeof report), 2);
    ck_assert_ptr_nonnull(strstr(report, "a whole lesson may ask for at most 6e9 (about a minute)"));
    ck_assert_ptr_nonnull(strstr(report, "long.lesson:")); /* with the line of the play */
    xl_session_destroy(s);
    free(l);
}
END_TEST

START_TEST(pages_run_their_script)
{
    xl_player *p = xl_player_create(lesson, session);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(xl_player_page(p), 0);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_DONE);
    ck_assert_str_eq(xl_player_emphasis(p), "bars");
    double v[XL_READOUTS_MAX];
    xl_session_readouts(session, v);
    ck_assert_double_eq_tol(v[0], 6.907755278982137, 1e-12); /* -ln 0.001 */
    ck_assert_str_eq(xl_player_problems(p), "");

    /* Page two asks first: nothing has played yet, the emphasis is cleared. */
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_TURNED);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_ASKING);
    ck_assert_str_eq(xl_player_emphasis(p), "");
    ck_assert_int_eq(xl_player_question_state(p, 0, NULL), 1);
    ck_assert_int_eq(xl_player_answer(p, 2), 0); /* only two answers */
    ck_assert_int_eq(xl_player_answer(p, 1), 1);
    int choice = -5;
    ck_assert_int_eq(xl_player_question_state(p, 0, &choice), 2);
    ck_assert_int_eq(choice, 1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    ck_assert_int_eq(xl_player_play_left(p), 40);
    ck_assert(xl_session_playing(session));
    ck_assert_int_eq(xl_player_answer(p, 0), 0); /* nothing asked any more */
    xl_player_destroy(p);
}
END_TEST

/* 40 steps at 30 steps/s in slices of 7 ms (and a stall of 3 s near the end, capped) end where
 * running the page at once ends. */
START_TEST(a_play_in_slices_ends_where_the_script_does)
{
    xl_player *p = xl_player_create(lesson, session);
    xl_player_next(p);
    xl_player_next(p); /* reveal without answering */
    int choice = 7;
    ck_assert_int_eq(xl_player_question_state(p, 0, &choice), 2);
    ck_assert_int_eq(choice, -1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    long taken = 0;
    int calls = 0;
    while (xl_player_phase_of(p) == XL_PLAYER_PLAYING && calls < 100000) {
        taken += xl_player_advance(p, calls == 150 ? 3.0 : 0.007);
        calls++;
    }
    ck_assert_int_eq(taken, 40);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_WAITING);
    ck_assert(!xl_session_playing(session));
    ck_assert_int_eq(xl_player_advance(p, 10.0), 0); /* waiting: the session is paused */
    picture sliced, at_once;
    take(session, &sliced);
    ck_assert_int_eq(sliced.steps, 40);

    /* The same page at once: restore page two's start (goto) and skip the play. */
    ck_assert_int_eq(xl_player_goto(p, 1), 0);
    xl_player_answer(p, 0);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON); /* the play's rest at once */
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_WAITING);
    take(session, &at_once);
    ck_assert(same(&sliced, &at_once));
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON); /* past the wait */
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_DONE);
    ck_assert_str_eq(xl_player_emphasis(p), "history");
    xl_player_destroy(p);
}
END_TEST

/* Back, then forward, by a jump, or after the learner changed everything: each page
 * starts in the same state, bit for bit. */
START_TEST(going_back_restores_the_page_start_exactly)
{
    xl_player *p = xl_player_create(lesson, session);
    picture start[4], again;
    take(session, &start[0]);
    for (int k = 1; k < 4; k++) {
        while (xl_player_phase_of(p) != XL_PLAYER_DONE) xl_player_next(p);
        ck_assert_int_eq(xl_player_next(p), XL_PLAYER_TURNED);
        ck_assert_int_eq(xl_player_page(p), k);
        /* Page k's state before its script stops: page 3 stops at once (pause), page 4
         * plays; compare at the first stop each time. */
        take(session, &start[k]);
    }
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING); /* page four */
    ck_assert_str_eq(xl_session_scenario(session)->id, "gaussian");
    /* The learner takes over: another scenario, steps, a new P. */
    xl_command c;
    char err[128];
    ck_assert_int_eq(xl_scenario_parse_command("scenario microstates", &c, err, sizeof err), 0);
    ck_assert(xl_session_apply(session, c));
    xl_player_took_over(p);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_SUSPENDED);
    xl_session_run(session, 33);
    for (int k = 3; k >= 0; k--) {
        ck_assert_int_eq(k == 3 ? xl_player_goto(p, 3) : xl_player_prev(p), 0);
        ck_assert_int_eq(xl_player_page(p), k);
        take(session, &again);
        ck_assert_msg(same(&again, &start[k]), "page %d", k + 1);
    }
    /* A jump from page one to four, and one back to two. */
    xl_player_goto(p, 3);
    take(session, &again);
    ck_assert(same(&again, &start[3]));
    xl_player_goto(p, 1);
    take(session, &again);
    ck_assert(same(&again, &start[1]));
    ck_assert_int_eq(xl_player_goto(p, 99), 0); /* clamped to the last */
    ck_assert_int_eq(xl_player_page(p), 3);
    xl_player_goto(p, 3);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON); /* the play's rest */
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_STAYED);  /* the end */
    ck_assert_int_eq(xl_player_page(p), 3);
    xl_player_destroy(p);
}
END_TEST

/* A pause lets the learner explore; going on continues from the scripted state. A play
 * the learner interrupts starts again from its beginning on the next key. */
START_TEST(the_learner_takes_over_and_the_script_goes_on)
{
    xl_player *p = xl_player_create(lesson, session);
    xl_player_goto(p, 2);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PAUSED);
    picture paused, now;
    take(session, &paused);
    xl_session_apply(session, xl_scenario_command(NULL, "uniform"));
    xl_session_run(session, 5);
    xl_player_took_over(p);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    take(session, &now);
    ck_assert(same(&now, &paused)); /* the uniform P and the 5 steps are gone */

    xl_player_advance(p, 0.1); /* 3 of the 7 steps */
    ck_assert_int_eq(xl_player_play_left(p), 4);
    xl_player_took_over(p);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_SUSPENDED);
    ck_assert_int_eq(xl_player_play_left(p), 0);
    ck_assert(!xl_session_playing(session)); /* the learner has the controls */
    xl_session_run(session, 2); /* the learner steps */
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    ck_assert_int_eq(xl_player_play_left(p), 7);
    take(session, &now);
    ck_assert(same(&now, &paused));
    xl_player_destroy(p);
}
END_TEST

/* The script reports a refused directive or an expect that does not hold, once. */
START_TEST(problems_are_reported_with_their_line)
{
    static const char bad[] = "# Bad\n"
                              "## One\n"
                              "@scenario softmax\n"
                              "@expect loss = 1 ± 0.0001\n"
                              "@param beta=5\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_int_eq(xl_lesson_parse("b.lesson", bad, strlen(bad), l), 0);
    xl_player *p = xl_player_create(l, session);
    ck_assert_ptr_nonnull(p); /* made with the default name */
    ck_assert_ptr_nonnull(strstr(xl_player_problems(p), "lesson:4:1: error: expected loss = 1 ± 0.0001"));
    ck_assert_ptr_nonnull(strstr(xl_player_problems(p), "lesson:5:1: error: 'param beta=5' was refused"));
    size_t len = strlen(xl_player_problems(p));
    xl_player_goto(p, 0);
    xl_player_goto(p, 0);
    ck_assert_uint_eq(strlen(xl_player_problems(p)), len);
    xl_player_destroy(p);
    /* Named at creation, page 1's problems already carry the file's name. */
    p = xl_player_create_named(l, session, "b.lesson");
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(strstr(xl_player_problems(p), "b.lesson:4:1: error: expected loss = 1 ± 0.0001"));
    ck_assert_int_ne(strncmp(xl_player_problems(p), "lesson:", 7), 0);
    xl_player_destroy(p);
    free(l);
}
END_TEST

START_TEST(an_empty_lesson_has_no_player)
{
    xl_lesson *l = calloc(1, sizeof *l);
    ck_assert_ptr_null(xl_player_create(l, session));
    free(l);
}
END_TEST

/* Text waits for the script (issue 19.15): narration written after a play shows when the
 * play ends, after a wait when it is passed; a question's verdict (the right answer and
 * why) waits for the plays written right after it, so the class predicts, watches, then
 * reads the number. */
static const char reveal_text[] =
    "# Reveal\n"
    "## One\n"
    "Before everything.\n"
    "@scenario softmax\n"
    "@set-lr 50\n"
    "? And with a rate of 50?\n"
    "- it overshoots *\n"
    "- it crawls\n"
    "= After 50 steps the loss is 14.4281 nats.\n"
    "@play 50\n"
    "@expect loss = 14.4281 ± 0.0001\n"
    "\n"
    "After the play.\n"
    "@wait\n"
    "\n"
    "After the wait.\n";

START_TEST(text_is_shown_when_the_script_reaches_it)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    int errors = xl_lesson_parse("r.lesson", reveal_text, strlen(reveal_text), l);
    ck_assert_msg(errors == 0, "%s", l->errors[0]);
    ck_assert_int_eq(l->pages[0].nparas, 3);
    ck_assert_int_eq(l->pages[0].para_after[0], 0);
    ck_assert_int_eq(l->pages[0].para_after[1], 5); /* scenario, set-lr, question, play, expect */
    ck_assert_int_eq(l->pages[0].para_after[2], 6);
    xl_player *p = xl_player_create(l, session);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_ASKING);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 0), 1);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 1), 0);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 0);
    /* Answered: the play starts, and the verdict waits for it. */
    ck_assert_int_eq(xl_player_answer(p, 0), 1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    ck_assert_int_eq(xl_player_question_state(p, 0, NULL), 2);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 0);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 1), 0);
    ck_assert_int_eq(xl_player_take_steps(p, 49), 49);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 0);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 1), 0);
    /* The last step: the play ends, the script stops at the wait. */
    ck_assert_int_eq(xl_player_take_steps(p, 1), 1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_WAITING);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 1);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 1), 1);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 2), 0);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_DONE);
    ck_assert_int_eq(xl_player_paragraph_shown(p, 2), 1);
    /* Revealed without an answer (→ while asking), then the play skipped (→): the same. */
    ck_assert_int_eq(xl_player_goto(p, 0), 0);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 0);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    ck_assert_int_eq(xl_player_question_revealed(p, 0), 1);
    ck_assert_str_eq(xl_player_problems(p), "");
    xl_player_destroy(p);
    free(l);
}
END_TEST

/* A play of costly steps (a million exchanges each) at the top speed: a frame's
 * advance computes at most a slice of work, one step at least, so the window is never
 * frozen for seconds; the play takes longer, and ends where the script says. */
START_TEST(a_costly_play_advances_a_slice_a_frame)
{
    static const char text[] = "# Costly\n## One\n@scenario solids\n@param exchanges=1000000\n"
                               "@set-speed 240\n@play 6\n";
    xl_lesson *l;
    xl_session *s;
    xl_player *p = player_of(text, &l, &s);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    const double cost = xl_session_step_cost(s);
    ck_assert(cost >= 1e6);
    long total = 0;
    int calls = 0;
    while (xl_player_phase_of(p) == XL_PLAYER_PLAYING && calls < 100) {
        const int taken = xl_player_advance(p, 1.0);
        ck_assert_msg((double)taken * cost <= XL_WORK_SLICE + cost, "%d steps of %g in one frame", taken, cost);
        total += taken;
        calls++;
    }
    ck_assert_int_eq(total, 6);
    ck_assert_int_ge(calls, 3);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("player");
    TCase *tc = tcase_create("player");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, pages_run_their_script);
    tcase_add_test(tc, a_play_in_slices_ends_where_the_script_does);
    tcase_add_test(tc, going_back_restores_the_page_start_exactly);
    tcase_add_test(tc, the_learner_takes_over_and_the_script_goes_on);
    tcase_add_test(tc, problems_are_reported_with_their_line);
    tcase_add_test(tc, an_empty_lesson_has_no_player);
    tcase_add_test(tc, text_is_shown_when_the_script_reaches_it);
    tcase_add_test(tc, a_long_page_start_is_made_in_bounded_slices);
    tcase_add_test(tc, a_costly_play_advances_a_slice_a_frame);
    tcase_add_test(tc, plays_past_the_limits_are_refused_not_run);
    suite_add_tcase(su, tc);
    return su;
}

/* test_player_host: the player changes its session only through its host
 * (xl_player_host). A guard host performs each request as xl_player_host_direct does
 * and keeps a picture of the session after it; after every call of the player's API
 * the session must still be that picture (nothing changed it behind the host's back),
 * and a hosted player reaches the same states, bit for bit, as one with the direct host. */
#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include "xl_player.h"
#include "xl_sim.h"

/* The whole scenario state, the readouts, the step and whether it plays. */
typedef struct picture {
    size_t size;
    unsigned char state[1 << 16];
    double readouts[XL_READOUTS_MAX];
    long step;
    int playing;
} picture;

static void take(const xl_session *s, picture *out)
{
    memset(out, 0, sizeof *out);
    out->size = xl_session_scenario(s)->state_size;
    ck_assert_uint_le(out->size, sizeof out->state);
    memcpy(out->state, xl_session_state(s), out->size);
    xl_session_readouts(s, out->readouts);
    out->step = xl_session_timeline(s, NULL, NULL);
    out->playing = xl_session_playing(s);
}

static int same(const picture *a, const picture *b)
{
    return a->size == b->size && a->step == b->step && a->playing == b->playing &&
           memcmp(a->state, b->state, a->size) == 0 && memcmp(a->readouts, b->readouts, sizeof a->readouts) == 0;
}

typedef struct guard {
    xl_session *s;
    xl_player_host direct;
    long requests[XL_PLAYER_ADVANCE_STEPS + 1];
    picture after; /* the session after the last request */
} guard;

static long perform_guarded(void *user, const xl_player_request *rq)
{
    guard *g = user;
    long r = g->direct.perform(g->direct.user, rq);
    g->requests[rq->kind]++;
    take(g->s, &g->after);
    return r;
}

/* The session is as the last request left it. */
static void untouched(guard *g, const char *after_what)
{
    static picture now;
    take(g->s, &now);
    ck_assert_msg(same(&now, &g->after), "after %s the session changed without a request to the host", after_what);
}

static const char lesson_text[] = "# Host\n"
                                  "## One\n@scenario softmax\n@set-lr 0.5\n@play 30\n@wait\n@expect entropy = 1.4541 ± 0.0001\n"
                                  "## Two\n? Where?\n- here *\n- there\n= here.\n@play 20\n@run 15\n@pause\n@set-lr 0.1\n"
                                  "## Three\n@reset\n@play 10\n";

START_TEST(the_session_changes_only_through_the_host)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse("h.lesson", lesson_text, strlen(lesson_text), l), 0);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d), *ref_s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(ref_s);
    static guard g;
    memset(&g, 0, sizeof g);
    g.s = s;
    g.direct = xl_player_host_direct(s);
    take(s, &g.after);
    const xl_session *ro = s; /* the player gets the session read-only */
    xl_player *p = xl_player_create_hosted(l, ro, (xl_player_host){perform_guarded, &g}, "h.lesson");
    xl_player *ref = xl_player_create(l, ref_s);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(ref);
    ck_assert_ptr_eq(xl_player_session(p), s);
    untouched(&g, "create");
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    /* Time, a take-over, the script going on and turning pages, sliced and not. */
    ck_assert_int_eq(xl_player_advance(p, 0.25), xl_player_advance(ref, 0.25));
    untouched(&g, "advance");
    xl_player_took_over(p);
    xl_player_took_over(ref);
    untouched(&g, "took_over");
    ck_assert_int_eq(xl_player_next(p), xl_player_next(ref));
    untouched(&g, "next (the play again)");
    ck_assert_int_eq(xl_player_take_steps(p, 30), xl_player_take_steps(ref, 30));
    untouched(&g, "take_steps");
    /* Stopped at the wait: time is the session's own (it does not play: no steps). */
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_WAITING);
    ck_assert_int_eq(xl_player_advance(p, 0.5), xl_player_advance(ref, 0.5));
    ck_assert_int_eq(xl_player_advance_steps(p, 3), xl_player_advance_steps(ref, 3));
    untouched(&g, "time while waiting");
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_WENT_ON);
    xl_player_next(ref);
    untouched(&g, "next (past the wait)");
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_TURNED);
    xl_player_next(ref);
    untouched(&g, "next (page 2)");
    ck_assert_int_eq(xl_player_answer(p, 0), 1);
    xl_player_answer(ref, 0);
    untouched(&g, "answer");
    ck_assert_int_eq(xl_player_advance_steps(p, 7), xl_player_advance_steps(ref, 7));
    untouched(&g, "advance_steps");
    xl_player_set_sliced(p, 1);
    xl_player_set_sliced(ref, 1);
    xl_player_next(p);
    xl_player_next(ref);
    untouched(&g, "next sliced");
    while (xl_player_work(p, 100.0)) untouched(&g, "work");
    while (xl_player_work(ref, 100.0)) {
    }
    ck_assert_int_eq(xl_player_goto(p, 2), 0);
    xl_player_goto(ref, 2);
    while (xl_player_work(p, 1e4)) untouched(&g, "work toward page 3");
    while (xl_player_work(ref, 1e4)) {
    }
    ck_assert_int_eq(xl_player_prev(p), 0);
    xl_player_prev(ref);
    xl_player_set_sliced(p, 0);
    xl_player_set_sliced(ref, 0);
    untouched(&g, "prev, then slicing off");
    /* Every kind of request was asked for, and the two players agree bit for bit. */
    ck_assert_int_gt(g.requests[XL_PLAYER_APPLY], 0);
    ck_assert_int_gt(g.requests[XL_PLAYER_RUN], 0);
    ck_assert_int_gt(g.requests[XL_PLAYER_RESTORE], 0);
    ck_assert_int_gt(g.requests[XL_PLAYER_ADVANCE], 0);
    ck_assert_int_gt(g.requests[XL_PLAYER_ADVANCE_STEPS], 0);
    static picture a, b;
    take(s, &a);
    take(ref_s, &b);
    ck_assert_msg(same(&a, &b), "hosted and direct players differ: steps %ld / %ld", a.step, b.step);
    ck_assert_int_eq(xl_player_page(p), xl_player_page(ref));
    ck_assert_int_eq(xl_player_phase_of(p), xl_player_phase_of(ref));
    ck_assert_str_eq(xl_player_problems(p), xl_player_problems(ref));
    xl_player_destroy(p);
    xl_player_destroy(ref);
    xl_session_destroy(s);
    xl_session_destroy(ref_s);
    free(l);
}
END_TEST

START_TEST(a_refused_directive_is_reported_through_the_host)
{
    static const char text[] = "# Refused\n## One\n@scenario softmax\n@select 40\n@expect loss = 1 ± 0.001\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse("r.lesson", text, strlen(text), l), 0);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    static guard g;
    memset(&g, 0, sizeof g);
    g.s = s;
    g.direct = xl_player_host_direct(s);
    xl_player *p = xl_player_create_hosted(l, s, (xl_player_host){perform_guarded, &g}, "r.lesson");
    ck_assert_ptr_nonnull(p);
    const char *problems = xl_player_problems(p);
    ck_assert_msg(strstr(problems, "r.lesson:4:1: error: 'select 40' was refused") != NULL, "problems: %s", problems);
    ck_assert_msg(strstr(problems, "r.lesson:5:1: error: expected loss = 1") != NULL, "problems: %s", problems);
    ck_assert_int_ge(g.requests[XL_PLAYER_APPLY], 2); /* the scenario and the refused select */
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("player_host");
    TCase *tc = tcase_create("the player changes the session only through its host");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_session_changes_only_through_the_host);
    tcase_add_test(tc, a_refused_directive_is_reported_through_the_host);
    suite_add_tcase(s, tc);
    return s;
}

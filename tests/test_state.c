/* test_state: the state text (xl_state_text.h). Every registered scenario (the plug-in
 * build runs this over the coin too), played at random with edits, optimizers, races,
 * undo and rewinding, is written and opened again: the same state hash, the same text
 * written again, and the same next 50 steps. Hostile texts are refused with a reason;
 * a bounded deterministic mutation run checks the parser never crashes or overruns. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "scenario_fixture.h"
#include "xl_state_text.h"

enum { GRID = 16 };
#define WORK XL_WORK_PAGE

static uint64_t rng_next(uint64_t *x)
{
    /* splitmix64: the test's own dice, the same on every machine. */
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double rng_unit(uint64_t *x)
{
    return (double)(rng_next(x) >> 11) / 9007199254740992.0;
}

static xl_session *new_session(const xl_scenario_def *def, uint64_t seed)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, def);
    d.grid = GRID;
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s: %s", def->id, err);
    return s;
}

static void apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[192];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
    xl_session_apply(s, c); /* refused or not: the log has it either way */
}

/* One random move of play: a shared command, a verb of the scenario, or time. */
static void random_move(xl_session *s, uint64_t *dice)
{
    static const char *const shared[] = {
        "step", "run 7", "toggle-play", "reset", "speed-up", "lr-up", "lr-down", "optimizer adam",
        "optimizer momentum", "optimizer-next", "race gd,adam", "race-toggle", "select-next", "select-prev",
        "unit", "slice-next", "frame", "scenario-next", "start-at 0.5,0.5", "set-speed 60", "param classes=3", "undo", "redo", "back", "fit", "zoom 0.5,0.1,0.2",
        "pan 0.3,-0.2", "set-mu 0.8", "mu-up", "eps-up", "simplex"};
    const xl_scenario_def *def = xl_session_scenario(s);
    char text[160];
    switch (rng_next(dice) % 6) {
    case 0:
    case 1:
        apply_text(s, shared[rng_next(dice) % (sizeof shared / sizeof shared[0])]);
        return;
    case 2: {
        /* A verb without an argument of the scenario. */
        for (int tries = 0; tries < 8 && def->verb_count > 0; tries++) {
            const xl_verb_def *v = &def->verbs[rng_next(dice) % (unsigned)def->verb_count];
            if (v->arg == XL_ARG_NONE && strcmp(v->name, "size-up") != 0) {
                apply_text(s, v->name);
                return;
            }
        }
        apply_text(s, "step");
        return;
    }
    case 3: {
        /* A drag: a few set-p (or move-to) in a row, as the pointer sends them. */
        xl_bars b;
        xl_session_bars(s, &b);
        for (int k = 0; k < 3; k++) {
            if (b.edit != XL_BARS_FIXED && b.n >= 2) {
                int used = snprintf(text, sizeof text, "set-p ");
                for (int i = 0; i < b.n && i < 8 && used < (int)sizeof text - 24; i++)
                    used += snprintf(text + used, sizeof text - (size_t)used, "%s%.17g", i ? "," : "",
                                     0.05 + rng_unit(dice));
                if (b.n > 8)
                    snprintf(text, sizeof text, "set-p %.17g", rng_unit(dice));
            } else {
                snprintf(text, sizeof text, "move-to %.17g,%.17g", 4 * rng_unit(dice) - 2, 4 * rng_unit(dice) - 2);
            }
            apply_text(s, text);
        }
        return;
    }
    case 4:
        snprintf(text, sizeof text, "rewind %ld", (long)(rng_next(dice) % 20));
        apply_text(s, text);
        return;
    default:
        /* Time: a while of play, as frames. */
        if (!xl_session_playing(s))
            apply_text(s, "play");
        for (int f = 0; f < 5; f++)
            xl_session_advance(s, 1.0 / 60 + 0.013 * rng_unit(dice));
        return;
    }
}

/* Write s, open the text, and check the two agree now and for the next 50 steps. */
static void check_round_trip(xl_session *s)
{
    const char *id = xl_session_scenario(s)->id;
    char *text = malloc(XL_STATE_TEXT_MAX), *again = malloc(XL_STATE_TEXT_MAX);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(again);
    char err[256] = "";
    long len = xl_state_text_write(s, text, XL_STATE_TEXT_MAX, err, sizeof err);
    ck_assert_msg(len > 0, "%s: %s", id, err);
    ck_assert_uint_eq(strlen(text), (size_t)len);
    for (long i = 0; i < len; i++)
        ck_assert_msg(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.,~:_%", text[i]),
                      "%s: byte %ld '%c' is not URL-safe", id, i, text[i]);
    xl_session *t = xl_state_text_open(text, (size_t)len, GRID, WORK, err, sizeof err);
    ck_assert_msg(t != NULL, "%s: %s\n%s", id, err, text);
    ck_assert_msg(xl_state_hash(t) == xl_state_hash(s), "%s: hash differs", id);
    ck_assert_int_eq(xl_session_playing(t), xl_session_playing(s));
    ck_assert_int_eq(xl_session_selected(t), xl_session_selected(s));
    ck_assert_int_eq(xl_session_unit(t), xl_session_unit(s));
    ck_assert_int_eq(xl_session_steps_per_second(t), xl_session_steps_per_second(s));
    ck_assert_int_eq(xl_session_frame(t), xl_session_frame(s));
    ck_assert_int_eq(xl_session_simplex(t), xl_session_simplex(s));
    ck_assert_int_eq(xl_session_run_count(t), xl_session_run_count(s));
    ck_assert_int_eq(xl_sim_optimizer(xl_session_sim(t))->kind, xl_sim_optimizer(xl_session_sim(s))->kind);
    ck_assert_msg(!memcmp(xl_sim_optimizer(xl_session_sim(t)), xl_sim_optimizer(xl_session_sim(s)), sizeof(xl_optim)),
                  "%s: the optimizer's moments differ", id);
    ck_assert_msg(xl_sim_lr(xl_session_sim(t)) == xl_sim_lr(xl_session_sim(s)), "%s: lr differs", id);
    int a0, b0, a1, b1;
    xl_session_slice(s, &a0, &b0);
    xl_session_slice(t, &a1, &b1);
    ck_assert_int_eq(a0, a1);
    ck_assert_int_eq(b0, b1);
    /* The text written again from the reopened session is the same text. */
    long len2 = xl_state_text_write(t, again, XL_STATE_TEXT_MAX, err, sizeof err);
    ck_assert_msg(len2 == len && !strcmp(text, again), "%s: the text written again differs", id);
    for (int k = 0; k < 50; k++) {
        xl_session_run(s, 1);
        xl_session_run(t, 1);
        ck_assert_msg(xl_state_hash(t) == xl_state_hash(s), "%s: step %d after reopening differs", id, k + 1);
    }
    xl_session_destroy(t);
    free(text);
    free(again);
}

START_TEST(every_scenario_round_trips_after_random_play)
{
    for (int i = 0; i < xl_scenario_count(); i++) {
        for (uint64_t game = 1; game <= 3; game++) {
            uint64_t dice = game * 7919 + (uint64_t)i;
            xl_session *s = new_session(xl_scenario_at(i), game);
            check_round_trip(s); /* the start alone */
            for (int m = 0; m < 30; m++)
                random_move(s, &dice);
            check_round_trip(s);
            xl_session_destroy(s);
        }
    }
}
END_TEST

/* The start's own settings: parameters, seed, setup, optimizer with its hyperparameters,
 * a race, the speed. */
START_TEST(a_custom_start_round_trips)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 12345);
    d.grid = GRID;
    d.lr = 0.1;
    d.optimizer = XL_OPTIM_ADAM;
    d.hyper.beta1 = 0.8;
    d.hyper.eps = 1e-6;
    d.steps_per_second = 60;
    xl_command c;
    char err[256] = "";
    ck_assert_int_eq(xl_scenario_parse_command("names cat,dog,bird,e,f", &c, err, sizeof err), 0);
    xl_session_desc_add_setup(&d, c);
    ck_assert_int_eq(xl_scenario_parse_command("set-p 3,1,1,1,1", &c, err, sizeof err), 0);
    xl_session_desc_add_setup(&d, c);
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    xl_session_run(s, 33);
    check_round_trip(s);
    xl_session_destroy(s);

    xl_session_desc_default(&d, 99);
    d.grid = GRID;
    d.race_count = 3;
    d.race[0] = XL_OPTIM_GD;
    d.race[1] = XL_OPTIM_NESTEROV;
    d.race[2] = XL_OPTIM_ADAM;
    s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    xl_session_run(s, 20);
    apply_text(s, "set-p 1,2,3,4,5");
    xl_session_run(s, 20);
    check_round_trip(s);
    xl_session_destroy(s);
}
END_TEST

/* The softmax's text, as the report shows it: short and readable. */
START_TEST(the_softmax_text_is_short)
{
    xl_session *s = new_session(xl_scenario_find("softmax"), 0);
    apply_text(s, "select 2");
    apply_text(s, "set-p 0.5,0.2,0.1,0.1,0.1");
    apply_text(s, "optimizer adam");
    xl_session_run(s, 120);
    char text[1024], err[256] = "";
    long len = xl_state_text_write(s, text, sizeof text, err, sizeof err);
    ck_assert_msg(len > 0, "%s", err);
    ck_assert_msg(!strncmp(text, "xl1~s:softmax~c:select_2~c:set-p_0.5,0.2,0.1,0.1,0.1~c:optimizer_adam~n:120~h:",
                           strlen("xl1~s:softmax~c:select_2~c:set-p_0.5,0.2,0.1,0.1,0.1~c:optimizer_adam~n:120~h:")),
                  "%s", text);
    ck_assert_int_eq(len, (long)strlen(text));
    ck_assert_int_lt(len, 120);
    /* A buffer too small: refused, never cut. */
    ck_assert_int_eq(xl_state_text_write(s, text, 20, err, sizeof err), -1);
    ck_assert_str_eq(text, "");
    ck_assert_ptr_nonnull(strstr(err, "longer"));
    xl_session_destroy(s);
}
END_TEST

/* A large state costs no text: a million coins are their parameters and the steps, and
 * opening recomputes them by running those steps, within the work bound. */
START_TEST(a_large_state_is_recomputed_within_the_bound)
{
    const xl_scenario_def *def = xl_scenario_find("microstates");
    ck_assert_ptr_nonnull(def);
    xl_session *s = new_session(def, 5);
    apply_text(s, "param coins=1000000");
    apply_text(s, "param flips=1000");
    xl_session_run(s, 40);
    char text[1024], err[256] = "";
    long len = xl_state_text_write(s, text, sizeof text, err, sizeof err);
    ck_assert_msg(len > 0 && len < 200, "%s", err);
    check_round_trip(s);
    /* The same text under a bound it exceeds: refused, with the reason. */
    xl_session *t = xl_state_text_open(text, (size_t)len, GRID, 1e3, err, sizeof err);
    ck_assert_ptr_null(t);
    ck_assert_msg(strstr(err, "bound") != NULL, "%s", err);
    xl_session_destroy(s);
}
END_TEST

/* A lesson page's start restored from outside: the log cannot say how it came, so the
 * text is refused (a lesson's link names the lesson and page instead). */
START_TEST(a_restored_state_is_not_written_and_lessons_have_links)
{
    xl_session *s = new_session(xl_scenario_at(0), 0);
    xl_session_snapshot *snap = xl_session_save(s);
    ck_assert_ptr_nonnull(snap);
    ck_assert_int_eq(xl_session_restore(s, snap), 0);
    xl_session_snapshot_free(snap);
    char text[256], err[256] = "";
    ck_assert_int_eq(xl_state_text_write(s, text, sizeof text, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "lesson"));
    xl_session_destroy(s);

    long len = xl_state_text_lesson_write("11-optimizers.lesson", 4, text, sizeof text);
    ck_assert_str_eq(text, "xl1~l:11-optimizers.lesson~pg:4");
    char name[XL_STATE_LESSON_MAX];
    int page = 0;
    ck_assert_int_eq(xl_state_text_lesson(text, (size_t)len, name, sizeof name, &page, err, sizeof err), 1);
    ck_assert_str_eq(name, "11-optimizers.lesson");
    ck_assert_int_eq(page, 4);
    ck_assert_int_eq(xl_state_text_lesson("xl1~s:softmax~h:0", 17, name, sizeof name, &page, err, sizeof err), 0);
    ck_assert_int_eq(xl_state_text_lesson("xl1~l:a~pg:0", 12, name, sizeof name, &page, err, sizeof err), -1);
    ck_assert_int_eq(xl_state_text_lesson("xl1~l:a~pg:2~n:3", 16, name, sizeof name, &page, err, sizeof err), -1);
    ck_assert_int_eq(xl_state_text_lesson("xl1~l:~pg:2", 11, name, sizeof name, &page, err, sizeof err), -1);
}
END_TEST

/* Each hostile text, and a word its reason must contain. */
START_TEST(hostile_texts_are_refused_with_a_reason)
{
    xl_session *s = new_session(xl_scenario_at(0), 0);
    xl_session_run(s, 10);
    char good[512], err[256];
    long len = xl_state_text_write(s, good, sizeof good, err, sizeof err);
    ck_assert_int_gt(len, 0);
    xl_session_destroy(s);
    char cut[512];
    snprintf(cut, sizeof cut, "%.*s", (int)(len - 5), good);
    char nohash[512];
    snprintf(nohash, sizeof nohash, "%.*s", (int)(strstr(good, "~h:") - good), good);
    char wronghash[512];
    snprintf(wronghash, sizeof wronghash, "%s", good);
    wronghash[len - 1] = wronghash[len - 1] == '0' ? '1' : '0';
    const struct {
        const char *text, *reason;
    } cases[] = {
        {"", "not a xentlab"},
        {"hello", "not a xentlab"},
        {"xl2~s:softmax~h:0000000000000000", "version 2"},
        {"xl99999999999999999999~s:softmax", "version"},
        {cut, "16 hex"},
        {nohash, "cut short"},
        {wronghash, "does not arrive"},
        {"xl1~s:nosuch~h:0000000000000000", "no scenario 'nosuch'"},
        {"xl1~a:5~s:softmax~h:0000000000000000", "comes first"},
        {"xl1~s:softmax~a:5,6~h:0000000000000000", "takes 1 numbers"},
        {"xl1~s:softmax~a:nan~h:0000000000000000", "takes 1 numbers"},
        {"xl1~s:softmax~a:1e999~h:0000000000000000", "takes 1 numbers"},
        {"xl1~s:softmax~a:5,6~h:0000000000000000", "takes 1 numbers, not 2"},
        {"xl1~s:solids~a:nan,2,10,1,1,1~h:0000000000000000", "'nan,2,10,1,1,1' has one that is not"},
        {"xl1~s:softmax~a:500~h:0000000000000000", "cannot be made"},
        {"xl1~s:softmax~lr:-1~h:0000000000000000", "greater than 0"},
        {"xl1~s:softmax~lr:inf~h:0000000000000000", "greater than 0"},
        {"xl1~s:softmax~seed:99999999999999999999999~h:0000000000000000", "seed"},
        {"xl1~s:softmax~o:sgd~h:0000000000000000", "optimizer"},
        {"xl1~s:softmax~hy:1,0,0,0~h:0000000000000000", "momentum"},
        {"xl1~s:softmax~r:gd~h:0000000000000000", "2 to 4"},
        {"xl1~s:softmax~r:gd,gd,gd,gd,gd~h:0000000000000000", "2 to 4"},
        {"xl1~s:softmax~sps:0~h:0000000000000000", "steps per second"},
        {"xl1~s:softmax~n:0~h:0000000000000000", "whole number"},
        {"xl1~s:softmax~n:-5~h:0000000000000000", "whole number"},
        {"xl1~s:softmax~n:99999999999999999999~h:0000000000000000", "whole number"},
        {"xl1~s:softmax~n:999999999999~h:0000000000000000", "bound"},
        {"xl1~s:softmax~c:run_100000000~c:run_100000000~h:0000000000000000", "bound"},
        {"xl1~s:softmax~c:frobnicate~h:0000000000000000", "frobnicate"},
        {"xl1~s:softmax~c:set-lr_nan~h:0000000000000000", "set-lr"},
        {"xl1~s:softmax~n:5~s:softmax~h:0000000000000000", "unknown key"},
        {"xl1~s:softmax~zz:1~h:0000000000000000", "unknown key"},
        {"xl1~s:softmax~h:0000000000000000~n:5", "last field"},
        {"xl1~s:softmax~c:a%zz~h:0000000000000000", "hex digits"},
        {"xl1~s:softmax~c:a%00~h:0000000000000000", "hex digits"},
        {"xl1~s:softmax~c:a%2", "hex digits"},
        {"xl1~s:softmax~c:a:b~h:0000000000000000", "%3A"},
        {"xl1~s:softmax~c:se t~h:0000000000000000", "not part of"},
        {"xl1~s:softmax~~h:0000000000000000", "KEY:VALUE"},
        {"xl1~s:softmax~c~h:0000000000000000", "KEY:VALUE"},
        {"xl1~s:softmax~UPPER:1~h:0000000000000000", "lowercase"},
        {"xl1~s:softmax~l:x~h:0000000000000000", "lesson"},
        {"xl1~s:softmax~u:names_a,b~u:step~u:step~u:step~u:step~u:step~u:step~u:step~u:step~h:0000000000000000",
         "setup"},
        {"xl1~s:softmax~u:frob~h:0000000000000000", "frob"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        err[0] = '\0';
        xl_session *t = xl_state_text_open(cases[i].text, strlen(cases[i].text), GRID, WORK, err, sizeof err);
        ck_assert_msg(t == NULL, "case %zu '%s' was opened", i, cases[i].text);
        ck_assert_msg(strstr(err, cases[i].reason) != NULL, "case %zu '%s': reason '%s' lacks '%s'", i, cases[i].text,
                      err, cases[i].reason);
    }
    /* Longer than a text may be. */
    char *huge = malloc(XL_STATE_TEXT_MAX + 16);
    ck_assert_ptr_nonnull(huge);
    memset(huge, 'a', XL_STATE_TEXT_MAX + 15);
    memcpy(huge, "xl1~s:", 6);
    ck_assert_ptr_null(xl_state_text_open(huge, XL_STATE_TEXT_MAX + 15, GRID, WORK, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "64 KiB"));
    free(huge);
    /* A URL's '#' and blanks around a pasted text are fine. */
    char hashed[520];
    snprintf(hashed, sizeof hashed, " #%s\n", good);
    xl_session *t = xl_state_text_open(hashed, strlen(hashed), GRID, WORK, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    xl_session_destroy(t);
}
END_TEST

/* A deterministic mutation run over valid texts: bytes changed, cut, repeated, swapped
 * for the text's own alphabet; every result is opened (with a small work bound) or
 * refused with a reason, never a crash or a read past the end (ASan builds check). */
START_TEST(mutated_texts_never_crash)
{
    static const char alphabet[] = "xl1~:snachuopgr0123456789-.,_%AFZ";
    char seeds[3][2048], err[256];
    for (int k = 0; k < 3; k++) {
        xl_session *s = new_session(xl_scenario_at(k % xl_scenario_count()), (uint64_t)k);
        uint64_t dice = 31u + (uint64_t)k;
        for (int m = 0; m < 8; m++)
            random_move(s, &dice);
        long len = xl_state_text_write(s, seeds[k], sizeof seeds[k], err, sizeof err);
        if (len < 0)
            snprintf(seeds[k], sizeof seeds[k], "xl1~s:softmax~n:3~h:0000000000000000");
        xl_session_destroy(s);
    }
    uint64_t dice = 2024;
    int opened = 0, refused = 0;
    for (int round = 0; round < 400; round++) {
        const char *seed = seeds[round % 3];
        size_t len = strlen(seed);
        char *m = malloc(len + 64);
        ck_assert_ptr_nonnull(m);
        memcpy(m, seed, len);
        int edits = 1 + (int)(rng_next(&dice) % 4);
        for (int e = 0; e < edits && len > 0; e++) {
            size_t at = rng_next(&dice) % len;
            switch (rng_next(&dice) % 4) {
            case 0: m[at] = alphabet[rng_next(&dice) % (sizeof alphabet - 1)]; break;
            case 1: m[at] = (char)(rng_next(&dice) & 0xff); break;
            case 2: len = at; break;
            default:
                if (len + 8 < len + 64) { /* a run of one byte, repeated */
                    memmove(m + at + 8, m + at, len - at);
                    memset(m + at, m[at + 8], 8);
                    len += 8;
                }
            }
        }
        char *exact = malloc(len ? len : 1); /* exactly len bytes: ASan sees any read past */
        ck_assert_ptr_nonnull(exact);
        memcpy(exact, m, len);
        free(m);
        err[0] = '\0';
        xl_session *t = xl_state_text_open(exact, len, GRID, 1e5, err, sizeof err);
        if (t) {
            opened++;
            xl_session_destroy(t);
        } else {
            refused++;
            ck_assert_msg(err[0] != '\0', "a refusal without a reason");
        }
        free(exact);
    }
    ck_assert_int_gt(refused, 250);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("state");
    const xl_test_case cases[] = {
        {"round trip", every_scenario_round_trips_after_random_play},
        {"custom start", a_custom_start_round_trips},
        {"softmax text", the_softmax_text_is_short},
        {"large state", a_large_state_is_recomputed_within_the_bound},
        {"restored, lesson", a_restored_state_is_not_written_and_lessons_have_links},
        {"hostile", hostile_texts_are_refused_with_a_reason},
        {"mutations", mutated_texts_never_crash},
    };
    XL_TEST_ADD_CASES(s, cases, 120);
    return s;
}

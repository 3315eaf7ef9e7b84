/* test_describe: the scene in words (xl_describe, issue 26) in the core.
 *
 * Every scenario's description at its start, after steps and after a command says the
 * scenario, the identity's numbers, the unit and the step, as the readouts give them
 * (the drawn labels are compared in test_describe_scene); "what changed" on known
 * sequences (steps, no change, a reset, the unit, the selection, a scenario switch, an
 * entropy that moves where nothing learns, a page turn), each amount the difference of
 * the two numbers as shown; a lesson page's narration as the page shows it (emphasis
 * marks dropped), with the seeds' number; and a buffer too short is cut, never overrun. */
#include "check_main.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_fixture.h"
#include "xl_describe.h"
#include "xl_format.h"
#include "xl_info.h"
#include "xl_lesson.h"
#include "xl_player.h"
#include "xl_recording.h"

static char text[XL_DESCRIBE_MAX];

/* The loss change between two losses (nats) as the description says it: the difference
 * of the two numbers shown with four decimals. */
static void shown_change(double before, double now, double k, char *out, size_t n)
{
    const double b = round(before * k * 1e4) / 1e4, a = round(now * k * 1e4) / 1e4;
    xl_format(out, n, fabs(a - b), XL_FORMAT_IDENTITY_DECIMALS);
}

/* A value as the readouts panel shows it with room. */
static void shown_value(double v, double k, char *out, size_t n)
{
    xl_format(out, n, v * k, XL_FORMAT_IDENTITY_DECIMALS);
}

static double loss_of(const xl_session *s)
{
    return xl_sim_current(xl_session_sim(s)).loss;
}

static void assert_has(const char *what)
{
    ck_assert_msg(strstr(text, what) != NULL, "expected \"%s\" in:\n%s", what, text);
}

static void assert_starts(const char *what)
{
    ck_assert_msg(strncmp(text, what, strlen(what)) == 0, "expected the description to start \"%s\":\n%s", what,
                  text);
}

static void check_scene(const xl_session *s, const char *when)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    xl_describe_scene(s, -1, NULL, text, sizeof text);
    const xl_sample cur = xl_sim_current(xl_session_sim(s));
    char num[3][48];
    xl_format_identity_shown(cur.loss, cur.floor, cur.gap, xl_unit_scale(xl_session_unit(s)), -1, num);
    for (int i = 0; i < 3; i++)
        ck_assert_msg(strstr(text, num[i]) != NULL, "%s %s: no %s (%s) in:\n%s", def->id, when, num[i],
                      def->readouts[i].name, text);
    /* Its own words first: the hook wrote something after the title. */
    char title[96];
    snprintf(title, sizeof title, "%s. ", def->title);
    ck_assert_msg(strncmp(text + 1, title + 1, strlen(title) - 1) == 0, "%s %s: not the title first:\n%s", def->id, when, text);
    ck_assert_msg(def->describe != NULL, "%s has no describe hook", def->id);
    char step[32];
    snprintf(step, sizeof step, "step %ld.", xl_sim_steps(xl_session_sim(s)));
    assert_has(step);
    assert_has(xl_unit_name(xl_session_unit(s)));
    ck_assert_msg(strchr(text, '\n') == NULL, "%s %s: a line break in:\n%s", def->id, when, text);
}

/* A translator that marks each text it is asked for: "⟦" before it (the conversions kept,
 * as a catalogue's must be), counting the calls. */
static int tr_calls;
static const char *tr_mark(const char *msgid)
{
    static char ring[64][1024];
    char *out = ring[tr_calls++ % 64];
    snprintf(out, sizeof ring[0], "⟦%s", msgid);
    return out;
}

/* The hook's sentences go through the translator it is given: its text starts with the
 * mark and every sentence format was asked for (none glued from English pieces). */
static void check_hook_translated(const xl_session *s, const char *when)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_sim *sim = xl_session_sim(s);
    double readouts[XL_READOUTS_MAX] = {0};
    def->readout_values(xl_session_state(s), xl_sim_theta(sim), readouts);
    char own[2048] = "", en[2048] = "";
    const xl_unit unit = xl_session_unit(s);
    tr_calls = 0;
    const int r = def->describe(xl_session_state(s), xl_sim_theta(sim), readouts, xl_session_selected(s),
                                xl_unit_scale(unit), xl_unit_name(unit), tr_mark, own, sizeof own);
    const int r_en = def->describe(xl_session_state(s), xl_sim_theta(sim), readouts, xl_session_selected(s),
                                   xl_unit_scale(unit), xl_unit_name(unit), NULL, en, sizeof en);
    ck_assert_int_eq(r, r_en);
    ck_assert_msg(tr_calls >= 1 && strncmp(own, "⟦", strlen("⟦")) == 0, "%s %s: the hook's words skip tr:\n%s",
                  def->id, when, own);
    /* Take the marks out: the English is left, byte for byte. */
    char plain[2048];
    size_t k = 0;
    for (const char *c = own; *c && k + 1 < sizeof plain;) {
        if (strncmp(c, "⟦", strlen("⟦")) == 0) c += strlen("⟦");
        else plain[k++] = *c++;
    }
    plain[k] = '\0';
    ck_assert_msg(strcmp(plain, en) == 0, "%s %s: marked text less its marks is not the English:\n%s\n%s", def->id,
                  when, plain, en);
    /* The whole scene: its title and every sentence the describer adds go through tr too. */
    xl_describe_scene(s, -1, tr_mark, text, sizeof text);
    ck_assert_msg(strncmp(text, "⟦", strlen("⟦")) == 0 && strstr(text, ". ⟦") != NULL,
                  "%s %s: the scene's words skip tr:\n%s", def->id, when, text);
}

START_TEST(every_scenario_at_three_states)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    xl_session *s = scenario_session(def, XL_BUILTIN_SEED, NULL, NULL, 0);
    check_scene(s, "at the start");
    check_hook_translated(s, "at the start");
    xl_session_run(s, 9);
    check_scene(s, "after 9 steps");
    check_hook_translated(s, "after 9 steps");
    ck_assert(scenario_apply(s, "unit"));
    ck_assert(scenario_apply(s, "select-next"));
    xl_session_run(s, 2);
    check_scene(s, "after unit, select-next and 2 steps");
    xl_session_destroy(s);
}
END_TEST

/* Steps, nothing, a reset, the unit, the selection, another scenario: each says so. */
START_TEST(what_changed_on_a_known_sequence)
{
    xl_session *s = default_session_at(XL_BUILTIN_SEED);
    xl_describer d;
    xl_describer_reset(&d);
    char change[64], now[64], want[200];

    xl_describe(&d, s, NULL, text, sizeof text);
    assert_starts("Softmax classifier. "); /* the first description has nothing to compare */
    const double l0 = loss_of(s);

    xl_session_run(s, 5);
    const double l5 = loss_of(s);
    ck_assert(l5 < l0);
    xl_describe(&d, s, NULL, text, sizeof text);
    shown_change(l0, l5, 1.0, change, sizeof change);
    shown_value(l5, 1.0, now, sizeof now);
    snprintf(want, sizeof want, "The loss fell %s nats since step 0, to %s. Softmax classifier.", change, now);
    assert_starts(want);

    xl_describe(&d, s, NULL, text, sizeof text);
    assert_starts("The loss has not changed since the last description, still at step 5. ");
    /* Asked for the whole (F9, "Describe the scene"): the scene, not "nothing changed" first. */
    d.whole = 1;
    xl_describe(&d, s, NULL, text, sizeof text);
    assert_starts("Softmax classifier. ");
    ck_assert_msg(strstr(text, "not changed") == NULL, "asked for the whole:\n%s", text);
    d.whole = 0;

    ck_assert(scenario_apply(s, "reset"));
    xl_describe(&d, s, NULL, text, sizeof text);
    shown_change(l5, loss_of(s), 1.0, change, sizeof change);
    shown_value(loss_of(s), 1.0, now, sizeof now);
    snprintf(want, sizeof want, "The loss rose %s nats since step 5 (now back at step 0), to %s. ", change, now);
    assert_starts(want);

    ck_assert(scenario_apply(s, "unit"));
    xl_describe(&d, s, NULL, text, sizeof text);
    assert_starts("Numbers now in bits. The loss has not changed since the last description, still at step 0. ");
    assert_has(" bits: ");

    ck_assert(scenario_apply(s, "select-next"));
    xl_bars bars;
    xl_session_bars(s, &bars);
    xl_describe(&d, s, NULL, text, sizeof text);
    snprintf(want, sizeof want, " Selected now: %s. ", bars.names[xl_session_selected(s)]);
    assert_has(want);

    ck_assert(scenario_apply(s, "scenario logistic"));
    xl_describe(&d, s, NULL, text, sizeof text);
    assert_starts("Now the logistic regression, in place of the softmax classifier. Logistic regression. ");
    xl_session_destroy(s);
}
END_TEST

/* Where nothing learns (the coins), the entropy is what moves: its change, as shown. */
START_TEST(what_changed_where_nothing_learns)
{
    xl_session *s = scenario_session(xl_scenario_find("microstates"), XL_BUILTIN_SEED, NULL, NULL, 0);
    xl_describer d;
    xl_describer_reset(&d);
    xl_describe(&d, s, NULL, text, sizeof text);
    const double s0 = xl_sim_current(xl_session_sim(s)).floor;
    xl_session_run(s, 4);
    const double s4 = xl_sim_current(xl_session_sim(s)).floor;
    ck_assert(s4 != s0);
    char change[64], now[64], want[200];
    shown_change(s0, s4, 1.0, change, sizeof change);
    shown_value(s4, 1.0, now, sizeof now);
    xl_describe(&d, s, NULL, text, sizeof text);
    snprintf(want, sizeof want, "The entropy %s %s %s nats since step 0, to %s. ",
             xl_session_scenario(s)->readouts[1].symbol, s4 < s0 ? "fell" : "rose", change, now);
    assert_starts(want);
    /* The identity in the readouts' own words, not the loss's. */
    assert_has("Naming the microstate (ln 2ⁿ) takes ");
    ck_assert_msg(strstr(text, "The loss") == NULL, "a loss where nothing learns:\n%s", text);
    xl_session_destroy(s);
}
END_TEST

static xl_lesson *load_lesson(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", LESSONS_DIR, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[1 << 18];
    const size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse(name, buf, len, l), 0);
    return l;
}

/* Lesson 1, page 1: its narration as shown (the *rain* of the source without its marks),
 * the seeds' number for the surprise of a 0.001 forecast, then the scene; a page turn is
 * said. */
START_TEST(a_lesson_page_is_narrated)
{
    xl_lesson *l = load_lesson("01-surprise.lesson");
    xl_session *s = default_session_at(XL_BUILTIN_SEED);
    xl_player *p = xl_player_create(l, s);
    ck_assert_ptr_nonnull(p);
    xl_describer d;
    xl_describer_reset(&d);
    xl_describe(&d, s, p, text, sizeof text);
    char want[256], para[XL_LESSON_TEXT];
    snprintf(want, sizeof want, "Lesson “%s”, page 1 of %d: %s. ", l->title, l->npages, l->pages[0].title);
    assert_starts(want);
    const xl_rec_segment first = {XL_REC_SEG_PARA, 0, 0, 0, 0};
    ck_assert_uint_gt(xl_rec_segment_text(l, &first, para, sizeof para), 0);
    assert_has(para);
    assert_has("says rain with probability 0.001");
    ck_assert_msg(strchr(text, '*') == NULL, "an emphasis mark in:\n%s", text);
    assert_has("6.9078 nats"); /* -ln 0.001, the seeds' and the readouts' */
    ck_assert_msg(strstr(text, "Softmax classifier.") > strstr(text, para), "the scene before the page:\n%s", text);

    ck_assert_int_eq(xl_player_goto(p, 1), 0);
    while (xl_player_busy(p)) xl_player_work(p, 1e12);
    xl_describe(&d, s, p, text, sizeof text);
    snprintf(want, sizeof want, "Turned to page 2 of %d.", l->npages);
    assert_starts(want);
    snprintf(want, sizeof want, "Lesson “%s”, page 2 of %d: %s.", l->title, l->npages, l->pages[1].title);
    assert_has(want);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);

    /* Lesson 4's question page leaves the scene as it was: the turn is said, then the
     * page, with no "The loss has not changed" between them. */
    l = load_lesson("04-cross-entropy.lesson");
    s = default_session_at(XL_BUILTIN_SEED);
    p = xl_player_create(l, s);
    ck_assert_ptr_nonnull(p);
    xl_describer_reset(&d);
    xl_describe(&d, s, p, text, sizeof text);
    ck_assert_int_eq(xl_player_goto(p, 1), 0);
    while (xl_player_busy(p)) xl_player_work(p, 1e12);
    xl_describe(&d, s, p, text, sizeof text);
    snprintf(want, sizeof want, "Turned to page 2 of %d. Lesson “%s”, page 2 of %d: %s.", l->npages, l->title,
             l->npages, l->pages[1].title);
    assert_starts(want);
    /* Asked again with nothing changed, it is still said. */
    xl_describe(&d, s, p, text, sizeof text);
    assert_starts("The loss has not changed since the last description, still at step 0. ");
    ck_assert_msg(strstr(text, "The end of the lesson.") == NULL, "the end on page 2:\n%s", text);

    /* The last page once its script has run: the end is said after its title, as the
     * canvas says it; a Page Down there (no page to turn to) says it again. */
    ck_assert_int_eq(xl_player_goto(p, l->npages - 1), 0);
    for (int k = 0; k < 100000 && xl_player_phase_of(p) != XL_PLAYER_DONE; k++) {
        while (xl_player_busy(p)) xl_player_work(p, 1e12);
        xl_player_advance(p, 0.5);
        xl_player_advance_steps(p, 1000);
    }
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_DONE);
    snprintf(want, sizeof want, "Lesson “%s”, page %d of %d: %s. The end of the lesson. ", l->title, l->npages,
             l->npages, l->pages[l->npages - 1].title);
    xl_describe(&d, s, p, text, sizeof text);
    assert_has(want);
    ck_assert_int_eq(xl_player_next(p), XL_PLAYER_STAYED);
    xl_describe(&d, s, p, text, sizeof text);
    assert_has(want);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* The Gaussian's selected bar is a voltage bin (the VOLTAGE BINS panel: σ_p / 2 wide),
 * its number the probability mass in the bin, not a density. */
START_TEST(the_gaussian_says_a_voltage_bin)
{
    xl_session *s = scenario_session(xl_scenario_find("gaussian"), XL_BUILTIN_SEED, NULL, NULL, 0);
    xl_describe(NULL, s, NULL, text, sizeof text);
    xl_bars b;
    xl_session_bars(s, &b);
    /* P = N(5, 1²): the middle bin is 4.75 V to 5.25 V, its mass erf(0.25 / √2). */
    ck_assert_str_eq(b.names[b.selected], "5 V");
    const double mass = erf(0.25 / sqrt(2.0));
    ck_assert_double_eq_tol(b.p[b.selected], mass, 1e-9);
    char want[200], q[32];
    snprintf(q, sizeof q, "%.3f", exp(b.logq[b.selected]));
    snprintf(want, sizeof want,
             " Selected voltage bin around 5 V, from 4.75 V to 5.25 V: true probability %.3f, predicted probability %s, ",
             mass, q);
    assert_has(want);
    ck_assert_msg(strstr(text, "Selected density") == NULL && strstr(text, "true p =") == NULL,
                  "a bin said as a density:\n%s", text);
    xl_session_destroy(s);
}
END_TEST

/* A buffer too short: cut at a character, NUL-ended, never overrun. */
START_TEST(a_short_buffer_is_cut_whole)
{
    xl_session *s = scenario_session(xl_scenario_find("gaussian"), XL_BUILTIN_SEED, NULL, NULL, 0);
    char whole[XL_DESCRIBE_MAX];
    const size_t len = xl_describe(NULL, s, NULL, whole, sizeof whole);
    ck_assert_uint_gt(len, 100);
    for (size_t n = 1; n < 200; n++) {
        char small[256];
        memset(small, 'x', sizeof small);
        const size_t got = xl_describe(NULL, s, NULL, small, n);
        ck_assert_uint_lt(got, n);
        ck_assert_int_eq(small[got], '\0');
        ck_assert_int_eq(small[n], 'x'); /* nothing past the buffer */
        ck_assert_int_eq(strncmp(small, whole, got), 0);
        ck_assert_msg(got == 0 || ((unsigned char)whole[got] & 0xC0) != 0x80, "cut inside a character at %zu",
                      got);
    }
    ck_assert_uint_eq(xl_describe(NULL, s, NULL, whole, 0), 0);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("describe");
    TCase *tc = tcase_create("scenarios");
    tcase_add_loop_test(tc, every_scenario_at_three_states, 0, xl_scenario_count());
    suite_add_tcase(s, tc);
    const xl_test_case cases[] = {
        {"what_changed", what_changed_on_a_known_sequence},
        {"nothing_learns", what_changed_where_nothing_learns},
        {"lesson", a_lesson_page_is_narrated},
        {"short_buffer", a_short_buffer_is_cut_whole},
        {"gaussian_bin", the_gaussian_says_a_voltage_bin},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

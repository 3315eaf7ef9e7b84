/* test_describe_scene: the scene in words says the numbers the panels draw (issue 26).
 *
 * For every registered scenario, at its start, after steps, and after a command (the
 * next item selected and the unit switched to bits, then more steps), the frame is drawn
 * at 1920x1080 and at 1280x720 with the label recorder on, and the description (xl_describe_scene) must
 * contain the readouts panel's three identity numbers exactly as drawn there, with the
 * unit's name, and, where the panel's line under its bar is the selected item's, that
 * line's q and surprise as drawn. The labels are found in the readouts panel's region,
 * so a number the description made up (or rounded its own way) cannot match. */
#include "check_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_fixture.h"
#include "scene_fixture.h"
#include "ui_layout.h"
#include "xl_describe.h"
#include "xl_format.h"
#include "xl_info.h"

/* The label drawn in region r whose text is t, or whose text contains t when part is 1. */
static int drawn(const scene_frame *f, SDL_Rect r, const char *t, int part)
{
    for (int i = 0; i < f->rec.count; i++) {
        if (!SDL_RectEquals(&f->boxes[i].region, &r)) continue;
        if (part ? strstr(f->boxes[i].text, t) != NULL : strcmp(f->boxes[i].text, t) == 0) return 1;
    }
    return 0;
}

/* In a label of region r that has the word `name` ("robin:  p 0.400  q 0.039  surprise
 * 3.250 nats", or its long form "q = 0.039   surprise if it happens 3.250"), the first
 * number after it, into out; 1 if found. */
static int drawn_value(const scene_frame *f, SDL_Rect r, const char *name, char *out, size_t n)
{
    for (int i = 0; i < f->rec.count; i++) {
        if (!SDL_RectEquals(&f->boxes[i].region, &r)) continue;
        char words[192];
        snprintf(words, sizeof words, "%s", f->boxes[i].text);
        int after = 0;
        for (char *w = strtok(words, " "); w; w = strtok(NULL, " ")) {
            if (strcmp(w, name) == 0) after = 1;
            else if (after && (w[0] >= '0' && w[0] <= '9')) {
                snprintf(out, n, "%s", w);
                return 1;
            }
        }
    }
    return 0;
}

static void check_state(scene_frame *f, const xl_session *s, const char *when)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw_recorded(f, s, &view);
    const SDL_Rect panel = f->geom.layout.readouts;
    ck_assert_msg(panel.w > 0, "%s %s: no readouts panel", def->id, when);
    if (getenv("DESCRIBE_DUMP"))
        for (int i = 0; i < f->rec.count; i++)
            if (SDL_RectEquals(&f->boxes[i].region, &panel)) fprintf(stderr, "%s %s: [%s]\n", def->id, when, f->boxes[i].text);
    static char text[XL_DESCRIBE_MAX];
    ck_assert_msg(f->geom.readouts.numbers_drawn, "%s %s: the readouts' numbers were not drawn", def->id, when);
    const int decimals = f->geom.readouts.decimals_fixed ? f->geom.readouts.decimals : -1;
    xl_describe_scene(s, decimals, NULL, text, sizeof text);

    /* The identity's three numbers: the description's, and each one drawn in the panel. */
    const xl_sample cur = xl_sim_current(xl_describe_sim(s, NULL));
    char num[3][48];
    xl_format_identity_shown(cur.loss, cur.floor, cur.gap, xl_unit_scale(xl_session_unit(s)), decimals, num);
    for (int i = 0; i < 3; i++) {
        ck_assert_msg(drawn(f, panel, num[i], 0), "%s %s: the readouts panel does not draw %s", def->id, when,
                      num[i]);
        ck_assert_msg(strstr(text, num[i]) != NULL, "%s %s: the description lacks %s:\n%s", def->id, when, num[i],
                      text);
    }
    const char *unit = xl_unit_name(xl_session_unit(s));
    ck_assert_msg(drawn(f, panel, unit, 1), "%s %s: no '%s' drawn", def->id, when, unit);
    ck_assert_msg(strstr(text, unit) != NULL, "%s %s: the description does not say %s", def->id, when, unit);

    /* The selected item's line, where the panel draws it: its q and surprise. */
    if (!def->summary_line) {
        char q[48] = "", sp[48] = "", said[64];
        ck_assert_msg(drawn_value(f, panel, "q", q, sizeof q), "%s %s: no q drawn in the readouts", def->id, when);
        ck_assert_msg(drawn_value(f, panel, "surprise", sp, sizeof sp), "%s %s: no surprise drawn", def->id, when);
        snprintf(said, sizeof said, "q = %s", q);
        ck_assert_msg(strstr(text, said) != NULL, "%s %s: the panel draws q %s, the description says:\n%s",
                      def->id, when, q, text);
        snprintf(said, sizeof said, " %s %s", sp, unit);
        ck_assert_msg(strstr(text, said) != NULL, "%s %s: the panel draws the surprise %s, the description says:\n%s",
                      def->id, when, sp, text);
    }
    char step[32];
    snprintf(step, sizeof step, "step %ld", xl_sim_steps(xl_session_sim(s)));
    ck_assert_msg(strstr(text, step) != NULL, "%s %s: no '%s' in:\n%s", def->id, when, step, text);
}

START_TEST(every_scenario_says_what_is_drawn)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    static const int sizes[2][2] = {{1920, 1080}, {1280, 720}};
    for (int k = 0; k < 2; k++) {
        scene_frame f;
        scene_frame_open(&f, sizes[k][0], sizes[k][1]);
        xl_session *s = scenario_session(def, XL_BUILTIN_SEED, NULL, NULL, 0);
        check_state(&f, s, "at the start");
        xl_session_run(s, 7);
        check_state(&f, s, "after 7 steps");
        ck_assert(scenario_apply(s, "select-next"));
        ck_assert(scenario_apply(s, "unit"));
        xl_session_run(s, 3);
        check_state(&f, s, "after select-next, unit and 3 steps");
        xl_session_destroy(s);
        scene_frame_close(&f);
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("describe_scene");
    TCase *tc = tcase_create("scenarios");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, every_scenario_says_what_is_drawn, 0, xl_scenario_count());
    suite_add_tcase(s, tc);
    return s;
}

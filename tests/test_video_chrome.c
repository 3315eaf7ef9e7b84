/* test_video_chrome: part 9's chrome rule in a video's frames (issue 25). Every
 * registered scenario, playing and paused, in the landscape's slice and fixed plane, at
 * 1280x720 and 1920x1080 in both themes, drawn as a video draws it (ui_view.recording):
 * no string on the frame names a key or says the play state or the speed. Drawn as the
 * window draws it, the same scene has them (so the check can fail). */
#include "check_main.h"

#include <stdio.h>
#include <string.h>

#include "scenario_fixture.h"
#include "scene_fixture.h"

/* What the window shows and a video must not: keys, the hint bar, play state, speed. */
static const char *const keyish[] = {
    "H help", "Space play", "N step", "R reset", "steps/s", "paused", "playing", "▶", "❚❚",
    "(comma:", "(V:", "press ", "Enter", "click", "F2 focus",
};

/* The first string drawn that holds one of keyish[], or NULL. */
static const char *first_key(const scene_frame *f, const char **which)
{
    for (int i = 0; i < f->rec.count && i < SCENE_FRAME_BOXES; i++)
        for (size_t k = 0; k < sizeof keyish / sizeof keyish[0]; k++)
            if (strstr(f->boxes[i].text, keyish[k])) {
                *which = keyish[k];
                return f->boxes[i].text;
            }
    return NULL;
}

START_TEST(a_video_names_no_key)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    int frames = 0, window_keys = 0;
    for (int z = 0; z < 2; z++) {
        scene_frame f;
        scene_frame_open(&f, sizes[z][0], sizes[z][1]);
        for (int i = 0; i < xl_scenario_count(); i++) {
            const xl_scenario_def *def = xl_scenario_at(i);
            xl_session *s = scenario_session(def, 3, NULL, NULL, 0);
            for (int variant = 0; variant < 3; variant++) {
                if (variant == 1) xl_session_apply(s, xl_command_make(XL_CMD_PLAY));
                if (variant == 2) xl_session_apply(s, xl_command_make(XL_CMD_FRAME_TOGGLE));
                xl_session_run(s, 3);
                for (int theme = 0; theme < 2; theme++) {
                    ui_view view = {.theme = theme ? UI_THEME_DARK : UI_THEME_LIGHT, .recording = 1};
                    scene_frame_draw_recorded(&f, s, &view);
                    const char *which = NULL, *text = first_key(&f, &which);
                    ck_assert_msg(text == NULL, "%s at %dx%d (%s, variant %d): a video's frame says \"%s\" (%s)",
                                  def->id, sizes[z][0], sizes[z][1], theme ? "dark" : "projector", variant, text,
                                  which);
                    frames++;
                    view.recording = 0;
                    scene_frame_draw_recorded(&f, s, &view);
                    if (first_key(&f, &which)) window_keys++;
                }
            }
            xl_session_destroy(s);
        }
        scene_frame_close(&f);
    }
    /* The window's frames of the same scenes name keys: the search finds them. */
    ck_assert_int_eq(window_keys, frames);
    printf("%d video frames with no key, play state or speed; the window's %d frames have them\n", frames,
           window_keys);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("video_chrome");
    TCase *tc = tcase_create("video_chrome");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_video_names_no_key);
    suite_add_tcase(su, tc);
    return su;
}

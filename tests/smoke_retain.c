/* Temporary smoke check of retained frames (the lead's; the real test is test_retain.c). */
#include <check.h>
#include <stdio.h>
#include "scene_fixture.h"
#include "xl_session.h"
#include "xl_scenario.h"
#include "ui_png.h"

static int diff(const SDL_Surface *a, const SDL_Surface *b, int *fx, int *fy)
{
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + (size_t)y * a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + (size_t)y * b->pitch);
        for (int x = 0; x < a->w; x++)
            if (ra[x] != rb[x]) { *fx = x; *fy = y; return 1; }
    }
    return 0;
}

START_TEST(smoke)
{
    for (int scn = 0; scn < xl_scenario_count(); scn++) {
        const xl_scenario_def *def = xl_scenario_at(scn);
        if (xl_scenario_data_count(def) > 0) continue;
        xl_session_desc d;
        xl_session_desc_default(&d, 1);
        xl_session_desc_set_scenario(&d, def);
        xl_session *s = xl_session_create(&d);
        if (!s) { printf("%s: no session\n", def->id); continue; }
        scene_frame a, b;
        scene_frame_open(&a, 1280, 720);
        scene_frame_open(&b, 1280, 720);
        ui_scene_set_retain(a.scene, 1);
        ui_view v = {0};
        v.theme = UI_THEME_LIGHT;
        long area = 0;
        for (int i = 0; i < 40; i++) {
            if (i % 3 != 2) xl_session_run(s, 1);
            if (i == 20) { v.pointer_in = 1; v.pointer_x = 300; v.pointer_y = 300; }
            if (i == 25) v.pointer_in = 0;
            scene_frame_draw(&a, s, &v);
            scene_frame_draw(&b, s, &v);
            SDL_Rect dmg[16];
            int n = ui_scene_damage(a.scene, dmg, 16);
            for (int k = 0; k < n; k++) area += (long)dmg[k].w * dmg[k].h;
            int x = 0, y = 0;
            if (diff(a.surface, b.surface, &x, &y)) {
                char p1[64], p2[64];
                snprintf(p1, sizeof p1, "/tmp/smoke/a%d_%d.png", scn, i);
                snprintf(p2, sizeof p2, "/tmp/smoke/b%d_%d.png", scn, i);
                char e[128];
                ui_png_write(p1, a.surface->pixels, 1280, 720, a.surface->pitch, e, sizeof e);
                ui_png_write(p2, b.surface->pixels, 1280, 720, b.surface->pitch, e, sizeof e);
                ck_abort_msg("scenario %d frame %d differs at %d,%d (damage %d rects)", scn, i, x, y, n);
            }
        }
        printf("%s: mean damage %.1f%% of the frame, mismatches %ld\n", def->id, 100.0 * area / 40 / (1280.0 * 720), ui_scene_mismatches(a.scene));
        scene_frame_close(&a);
        scene_frame_close(&b);
        xl_session_destroy(s);
    }
}
END_TEST

int main(void)
{
    Suite *su = suite_create("smoke");
    TCase *tc = tcase_create("smoke");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, smoke);
    suite_add_tcase(su, tc);
    SRunner *sr = srunner_create(su);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int f = srunner_ntests_failed(sr);
    srunner_free(sr);
    return f != 0;
}

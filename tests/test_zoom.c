/* test_zoom: the program's own zoom (Ctrl+Plus, --zoom) reaches 2x with the layout
 * reflowing, not clipping (issue 26). Every registered scenario at 1280x720 and
 * 1920x1080, zoom 1.5 and 2, both themes: every label inside the frame and its panel,
 * nothing cut with "…", the main picture the largest panel and at least a quarter of
 * the body, at most two panels side by side and fewer shown than at 1x; the type's size at 2x
 * twice that at 1x (its ink within rounding); Ctrl+Plus steps by tenths to 200% and stops there. */
#include "check_main.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_fixture.h"
#include "ui_dispatch.h"
#include "ui_focus.h"
#include "ui_layout.h"

static xl_session *session_for(const xl_scenario_def *def)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    char text[96], err[256] = "";
    xl_command cmd;
    snprintf(text, sizeof text, "scenario %s", def->id);
    ck_assert_int_eq(xl_scenario_parse_command(text, &cmd, err, sizeof err), 0);
    xl_session_apply(s, cmd);
    for (int i = 0; i < 12; i++) xl_session_apply(s, xl_command_make(XL_CMD_STEP));
    return s;
}

static int inside(SDL_Rect in, SDL_Rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

/* The most panels side by side on one horizontal line through the body. */
static int most_in_a_row(const ui_layout *L)
{
    const SDL_Rect all[] = {L->bars, L->readouts, L->landscape, L->history, L->data, L->side, L->renyi};
    int most = 0;
    for (int i = 0; i < 7; i++) {
        if (all[i].w <= 0) continue;
        const int y = all[i].y + all[i].h / 2;
        int n = 0;
        for (int j = 0; j < 7; j++) n += all[j].w > 0 && y >= all[j].y && y < all[j].y + all[j].h;
        if (n > most) most = n;
    }
    return most;
}

static int panels_shown(const ui_layout *L)
{
    const SDL_Rect all[] = {L->bars, L->readouts, L->landscape, L->history, L->data, L->side, L->renyi};
    int n = 0;
    for (int i = 0; i < 7; i++) n += all[i].w > 0 && all[i].h > 0;
    return n;
}

START_TEST(the_zoom_reflows_and_clips_nothing)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    static const float zooms[] = {1.5f, 2.0f};
    static ui_text_box cut_boxes[64];
    for (int z = 0; z < 2; z++) {
        static scene_frame f;
        scene_frame_open(&f, sizes[z][0], sizes[z][1]);
        const int w = sizes[z][0], h = sizes[z][1];
        const SDL_Rect frame = {0, 0, w, h};
        for (int i = 0; i < xl_scenario_count(); i++) {
            const xl_scenario_def *def = xl_scenario_at(i);
            xl_session *s = session_for(def);
            ui_view one = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
            scene_frame_draw(&f, s, &one);
            const int shown1 = panels_shown(&f.geom.layout);
            for (size_t k = 0; k < sizeof zooms / sizeof zooms[0]; k++)
                for (int th = 0; th < 2; th++) {
                    ui_view view = {.theme = th ? UI_THEME_DARK : UI_THEME_LIGHT, .zoom = zooms[k]};
                    ui_text_recorder cuts = {cut_boxes, 64, 0};
                    ui_scene_set_cut_recorder(f.scene, &cuts);
                    scene_frame_draw_recorded(&f, s, &view);
                    ui_scene_set_cut_recorder(f.scene, NULL);
                    char where[128];
                    snprintf(where, sizeof where, "%s %dx%d zoom %.1f %s", def->id, w, h, zooms[k], th ? "dark" : "projector");
                    ck_assert_msg(cuts.count == 0, "%s: '%s' cut with …", where, cut_boxes[0].text);
                    for (int b = 0; b < f.rec.count; b++) {
                        const ui_text_box *bx = &f.boxes[b];
                        if (bx->ink.w <= 0) continue;
                        ck_assert_msg(inside(frame, bx->ink), "%s: '%s' leaves the frame", where, bx->text);
                        if (bx->layer == 0 && bx->region.w > 0)
                            ck_assert_msg(inside(bx->region, bx->ink), "%s: '%s' (%d,%d %dx%d) leaves its panel (%d,%d %dx%d)",
                                          where, bx->text, bx->ink.x, bx->ink.y, bx->ink.w, bx->ink.h, bx->region.x,
                                          bx->region.y, bx->region.w, bx->region.h);
                    }
                    /* The main picture stays big: the largest panel, a quarter of the body or more. */
                    ui_layout L = f.geom.layout;
                    const SDL_Rect *m = ui_layout_panel(&L, ui_focus_main(s));
                    ck_assert_ptr_nonnull(m);
                    const int body = (L.controls.h > 0 ? L.controls.y : L.hints.y) - (L.status.y + L.status.h);
                    ck_assert_msg(m->w * m->h * 4 >= w * body, "%s: the main picture is %dx%d", where, m->w, m->h);
                    for (int id = 1; id < UI_PANEL_COUNT; id++) {
                        const SDL_Rect *r = ui_layout_panel(&L, id);
                        ck_assert_msg(r->w * r->h <= m->w * m->h, "%s: %s is larger than the main picture", where,
                                      ui_panel_name(id));
                    }
                    /* At 2x the panels rearrange: at most two side by side, fewer shown than at 1x
                     * (the others folded: F2 and Shift+F2 still show them). */
                    if (zooms[k] >= 2.0f && th == 0) {
                        ck_assert_msg(most_in_a_row(&L) <= 2, "%s: %d panels in a row", where, most_in_a_row(&L));
                        ck_assert_msg(panels_shown(&L) < shown1 || shown1 <= 2, "%s: %d panels shown, as at 1x", where,
                                      shown1);
                    }
                }
            xl_session_destroy(s);
        }
        scene_frame_close(&f);
    }
}
END_TEST

/* The status bar's title's (the scenario's title in it) ink height and its role's pixel size at zoom z. */
static void status_type(scene_frame *f, const xl_session *s, float z, int *ink_h, int *px)
{
    ui_view view = {.theme = UI_THEME_LIGHT, .zoom = z};
    scene_frame_draw_recorded(f, s, &view);
    *ink_h = *px = 0;
    const char *title = xl_session_scenario(s)->title;
    for (int b = 0; b < f->rec.count; b++)
        if (strstr(f->boxes[b].text, title) && f->boxes[b].font == UI_FONT_STATUS) {
            *ink_h = f->boxes[b].ink.h;
            *px = f->boxes[b].px;
            return;
        }
    ck_abort_msg("no status title '%s' drawn at zoom %.1f", title, z);
}

START_TEST(the_type_is_twice_as_tall_at_2x)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int z = 0; z < 2; z++) {
        static scene_frame f;
        scene_frame_open(&f, sizes[z][0], sizes[z][1]);
        xl_session *s = session_for(xl_scenario_find("softmax"));
        int ink1, px1, ink2, px2;
        status_type(&f, s, 1.0f, &ink1, &px1);
        status_type(&f, s, 2.0f, &ink2, &px2);
        ck_assert_int_gt(ink1, 5);
        ck_assert_msg(abs(px2 - 2 * px1) <= 1, "%dx%d: the status type is %d px at 1x, %d at 2x", sizes[z][0],
                      sizes[z][1], px1, px2);
        ck_assert_msg(fabs((double)ink2 / ink1 - 2.0) <= 0.15, "%dx%d: the title's ink is %d px high at 1x, %d at 2x",
                      sizes[z][0], sizes[z][1], ink1, ink2);
        xl_session_destroy(s);
        scene_frame_close(&f);
    }
}
END_TEST

/* Ctrl+Plus: tenths from 1 to 2, then no further; Ctrl+0 back to 1. */
START_TEST(ctrl_plus_reaches_2x)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session *s = xl_session_create(&d);
    ui_classroom *cr = malloc(sizeof *cr);
    ck_assert_ptr_nonnull(cr);
    ui_classroom_init(cr, "/tmp");
    ui_view view = {.zoom = 1.0f};
    ui_dispatch disp;
    ui_dispatch_init(&disp, s, cr, &view, NULL, NULL);
    ui_action act;
    char did[64];
    for (int i = 1; i <= 12; i++) {
        ui_dispatch_key(&disp, SDLK_EQUALS, KMOD_LCTRL, 0, 0, &act, did, sizeof did);
        ck_assert_msg(fabsf(view.zoom - fminf(1.0f + 0.1f * (float)i, 2.0f)) < 1e-4f, "after %d: zoom %.3f", i, view.zoom);
    }
    ck_assert_msg(strstr(view.note, "200%") != NULL, "note '%s'", view.note);
    ui_dispatch_key(&disp, SDLK_0, KMOD_LCTRL, 0, 0, &act, did, sizeof did);
    ck_assert_float_eq(view.zoom, 1.0f);
    ui_classroom_free(cr);
    free(cr);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("zoom");
    TCase *tc = tcase_create("zoom");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, the_zoom_reflows_and_clips_nothing);
    tcase_add_test(tc, the_type_is_twice_as_tall_at_2x);
    tcase_add_test(tc, ctrl_plus_reaches_2x);
    suite_add_tcase(s, tc);
    return s;
}

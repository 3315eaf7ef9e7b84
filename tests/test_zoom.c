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
#include "scenario_fixture.h"
#include "ui_dispatch.h"
#include "ui_focus.h"
#include "ui_layout.h"
#include "ui_library.h"
#include "xl_page_panels.h"
#include "xl_player.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif

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


/* The shipped lessons, by their names in lessons/ (every translation has the same). */
static const char *const lessons[] = {
    "01-surprise", "02-entropy", "03-microstates", "04-cross-entropy", "05-identity", "06-gradient-descent",
    "07-logistic", "08-rare-positives", "09-gaussians", "10-bayesian-second-law", "11-optimizers", "12-clausius",
    "13-renyi", "14-real-data"};
static const char *const langs[] = {"", "de/", "es/"};

static void load_lesson(const char *lang, const char *name, xl_lesson *l)
{
    char path[sizeof LESSONS_DIR + 96];
    snprintf(path, sizeof path, "%s/%s%s.lesson", LESSONS_DIR, lang, name);
    ck_assert_msg(ui_library_load(path, l) == 0, "%s does not load", path);
}

/* A translated page names the panels its English page names (xl_page_panels), so it lays
 * out alike; and the words are found where they are: lesson 4 page 2's "robin's bar". */
START_TEST(translations_name_the_same_panels)
{
    xl_lesson *en = malloc(sizeof *en), *tr = malloc(sizeof *tr);
    ck_assert_ptr_nonnull(en);
    ck_assert_ptr_nonnull(tr);
    int named = 0;
    for (size_t i = 0; i < sizeof lessons / sizeof lessons[0]; i++) {
        load_lesson("", lessons[i], en);
        for (int k = 0; k < en->npages; k++) named += xl_page_panels(&en->pages[k]) != 0;
        for (size_t g = 1; g < sizeof langs / sizeof langs[0]; g++) {
            load_lesson(langs[g], lessons[i], tr);
            ck_assert_int_eq(tr->npages, en->npages);
            for (int k = 0; k < en->npages; k++)
                ck_assert_msg(xl_page_panels(&tr->pages[k]) == xl_page_panels(&en->pages[k]),
                              "%s%s page %d names panels 0x%x, the English page 0x%x", langs[g], lessons[i], k + 1,
                              xl_page_panels(&tr->pages[k]), xl_page_panels(&en->pages[k]));
        }
    }
    ck_assert_int_ge(named, 40);
    load_lesson("", "04-cross-entropy", en);
    ck_assert_uint_eq(xl_page_panels(&en->pages[1]), XL_PAGE_BARS);
    ck_assert_uint_eq(xl_page_panels_in_text("the surprise robin's bar showed"), XL_PAGE_BARS);
    ck_assert_uint_eq(xl_page_panels_in_text("it barely surprises; a barrage"), 0u);
    ck_assert_uint_eq(xl_page_panels_in_text("Die Verlustlandschaft und die Anzeige"), XL_PAGE_LANDSCAPE | XL_PAGE_READOUTS);
    ck_assert_uint_eq(xl_page_panels_in_text("las barras y el historial"), XL_PAGE_BARS | XL_PAGE_HISTORY);
    free(en);
    free(tr);
}
END_TEST

/* The box of panel bit k (xl_page_panels' order) in L. */
static SDL_Rect page_panel_box(ui_layout *L, int k)
{
    const int id = ui_panel_find(xl_page_panel_name(k));
    const SDL_Rect *r = id > 0 ? ui_layout_panel(L, id) : NULL;
    return r ? *r : (SDL_Rect){0, 0, 0, 0};
}

/* Every page of every shipped lesson in English, German and Spanish at zoom 2, 1280x720
 * and 1920x1080, every question answered: each panel the page talks about (its words,
 * @emphasise, @focus) that the scene has is shown, at least twice its title bar high and
 * four times wide (a page with @focus shows that one panel, the others in its strip of
 * numbers); no
 * narration line is cut with "…"; the landscape's map, where shown, is at least 45% of
 * its panel's shorter side. */
START_TEST(every_page_keeps_its_panels_at_2x)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    static ui_text_box cut_boxes[64];
    xl_lesson *en = malloc(sizeof *en), *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(en);
    ck_assert_ptr_nonnull(l);
    int pages = 0, kept = 0, maps = 0;
    /* Both sizes drawn from one player: its plays are taken once. */
    static scene_frame frames[2];
    for (int z = 0; z < 2; z++) scene_frame_open(&frames[z], sizes[z][0], sizes[z][1]);
    for (size_t i = 0; i < sizeof lessons / sizeof lessons[0]; i++) {
        load_lesson("", lessons[i], en);
        for (size_t g = 0; g < sizeof langs / sizeof langs[0]; g++) {
            load_lesson(langs[g], lessons[i], l);
            xl_session *s = default_session_at(XL_BUILTIN_SEED);
            xl_player *p = xl_player_create(l, s);
            ck_assert_ptr_nonnull(p);
            for (int k = 0; k < l->npages; k++) {
                /* Page by page as a class goes (a page turned from the last one's end,
                 * not replayed from the start: the test stays quick). */
                if (k > 0) xl_player_next(p);
                ck_assert_int_eq(xl_player_page(p), k);
                for (int q = 0; q < 8 && xl_player_phase_of(p) != XL_PLAYER_DONE; q++) xl_player_next(p);
                for (int z = 0; z < 2; z++) {
                    scene_frame *const fp = &frames[z];
                    const int w = sizes[z][0], h = sizes[z][1];
                    ui_view view = {.theme = UI_THEME_LIGHT, .zoom = 2.0f, .lesson = p};
                    ui_focus_follow_lesson(&view, p, 0);
                    view.focus_t = 1.0f;
                    /* Drawn once first: finding the narration's size measures the pages at
                     * sizes that cut them; the frame drawn then is the one recorded. */
                    if (k == 0) scene_frame_draw(fp, s, &view);
                    ui_text_recorder cuts = {cut_boxes, 64, 0};
                    ui_scene_set_cut_recorder(fp->scene, &cuts);
                    scene_frame_draw(fp, s, &view);
                    ui_scene_set_cut_recorder(fp->scene, NULL);
                    char where[160];
                    snprintf(where, sizeof where, "%s%s page %d at %dx%d zoom 2", langs[g], lessons[i], k + 1, w, h);
                    /* The narration: nothing cut (the column's header, the lesson's title, aside). */
                    for (int c = 0; c < cuts.count && c < 64; c++) {
                        if (cut_boxes[c].layer != 2) continue;
                        const char *t = cut_boxes[c].text;
                        const size_t n = strlen(t) >= 3 ? strlen(t) - 3 : 0; /* without the "…" */
                        ck_assert_msg(strncmp(t, l->title, n) == 0, "%s: the narration's '%s' is cut with …", where, t);
                    }
                    ui_layout L = fp->geom.layout;
                    const unsigned shown = ui_focus_shown_view(&view, s);
                    const int focus = ui_focus_shown_focus(&view, s);
                    const unsigned needs = focus != UI_PANEL_NONE ? (unsigned)XL_PAGE_BARS << (focus - 1)
                                                                  : xl_page_panels(&en->pages[k]);
                    for (int b = 0; b < XL_PAGE_PANEL_COUNT; b++) {
                        const int id = ui_panel_find(xl_page_panel_name(b));
                        if (!(needs & (1u << b)) || !(shown & ui_panel_show_bit(id))) continue;
                        const SDL_Rect r = page_panel_box(&L, b);
                        ck_assert_msg(r.w > 0 && r.h > 0, "%s: the page talks of the %s, folded away", where,
                                      xl_page_panel_name(b));
                        ck_assert_msg(r.h >= 2 * fp->geom.titles[id].h && r.w >= 4 * fp->geom.titles[id].h,
                                      "%s: the %s is %dx%d", where, xl_page_panel_name(b), r.w, r.h);
                        kept++;
                    }
                    if (L.landscape.w > 0 && !xl_session_simplex(s)) {
                        const SDL_Rect m = fp->geom.landscape.map;
                        const int shorter = L.landscape.w < L.landscape.h ? L.landscape.w : L.landscape.h;
                        ck_assert_msg(m.w * 100 >= 45 * shorter, "%s: the map is %dx%d in a %dx%d panel", where, m.w,
                                      m.h, L.landscape.w, L.landscape.h);
                        maps++;
                    }
                    pages++;
                }
            }
            xl_player_destroy(p);
            xl_session_destroy(s);
        }
    }
    for (int z = 0; z < 2; z++) scene_frame_close(&frames[z]);
    ck_assert_int_ge(pages, 2 * 3 * 60);
    ck_assert_int_ge(kept, pages / 2);
    ck_assert_int_ge(maps, 20);
    free(en);
    free(l);
}
END_TEST

/* Lesson 6's narration at zoom 2 is never smaller than at 1, larger on every page but
 * at most one, and a tenth larger over the lesson, in English, German and Spanish at
 * 1280x720 and 1920x1080. */
START_TEST(lesson_text_grows_with_the_zoom)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    for (int z = 0; z < 2; z++) {
        static scene_frame f;
        scene_frame_open(&f, sizes[z][0], sizes[z][1]);
        for (size_t g = 0; g < sizeof langs / sizeof langs[0]; g++) {
            load_lesson(langs[g], "06-gradient-descent", l);
            xl_session *s = default_session_at(XL_BUILTIN_SEED);
            xl_player *p = xl_player_create(l, s);
            float one[XL_LESSON_MAX_PAGES], two[XL_LESSON_MAX_PAGES];
            for (int k = 0; k < l->npages; k++) {
                ck_assert_int_eq(xl_player_goto(p, k), 0);
                for (int zz = 1; zz <= 2; zz++) {
                    ui_view view = {.theme = UI_THEME_LIGHT, .zoom = (float)zz, .lesson = p};
                    scene_frame_draw(&f, s, &view);
                    (zz == 1 ? one : two)[k] = ui_scene_narration_scale(f.scene);
                }
                fprintf(stderr, "%s06 page %d at %dx%d: narration %.3f at 1x, %.3f at 2x\n", langs[g], k + 1, sizes[z][0],
                       sizes[z][1], one[k], two[k]);
                ck_assert_msg(two[k] >= one[k], "%s06 page %d at %dx%d: the narration is %.3f at 2x, %.3f at 1x",
                              langs[g], k + 1, sizes[z][0], sizes[z][1], two[k], one[k]);
            }
            /* Larger at 2x on the pages with room for it (the first page's long narration
             * fills the column at 1x already at 1280x720), a tenth larger in all. */
            int larger = 0;
            float sum1 = 0.0f, sum2 = 0.0f;
            for (int k = 0; k < l->npages; k++) {
                larger += two[k] >= one[k] * 1.09f;
                sum1 += one[k];
                sum2 += two[k];
            }
            ck_assert_msg(larger >= l->npages - 1, "%s06 at %dx%d: %d of %d pages larger at 2x", langs[g], sizes[z][0],
                          sizes[z][1], larger, l->npages);
            ck_assert_msg(sum2 >= 1.1f * sum1, "%s06 at %dx%d: the narration %.3f at 2x, %.3f at 1x in all", langs[g],
                          sizes[z][0], sizes[z][1], sum2, sum1);
            xl_player_destroy(p);
            xl_session_destroy(s);
        }
        scene_frame_close(&f);
    }
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("zoom");
    TCase *tc = tcase_create("zoom");
    tcase_set_timeout(tc, 300); /* every lesson page, three languages, two sizes: under the sanitizers too */
    tcase_add_test(tc, the_zoom_reflows_and_clips_nothing);
    tcase_add_test(tc, the_type_is_twice_as_tall_at_2x);
    tcase_add_test(tc, ctrl_plus_reaches_2x);
    tcase_add_test(tc, translations_name_the_same_panels);
    tcase_add_test(tc, every_page_keeps_its_panels_at_2x);
    tcase_add_test(tc, lesson_text_grows_with_the_zoom);
    suite_add_tcase(s, tc);
    return s;
}

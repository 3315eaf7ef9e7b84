/* test_portrait: a phone held upright. A frame taller than wide stacks the panels in one
 * column, each as wide as the frame less its margins, top to bottom without overlap,
 * status first and hints last; its type goes by the width (the smallest role at least
 * 16 px per 390 px of width: 16 CSS px on a 390-px phone at any pixel ratio); where the
 * panels do not fit, the least important go and the picture stays. Every scenario, at
 * 390x844 (a phone at ratio 1) and 720x1280; a frame lying down keeps its columns. */
#include "check_main.h"
#include <string.h>

#include <SDL.h>

#include "scenario_fixture.h"
#include "ui_layout.h"
#include "ui_scene.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "scene_fixture.h"

static xl_session *scenario_named(const char *id)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, xl_scenario_find(id));
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* The panels the layout gave room, top to bottom as listed (the portrait order). */
static int panels_of(const ui_layout *L, SDL_Rect *out, const char **names)
{
    const SDL_Rect all[] = {L->data, L->bars, L->readouts, L->landscape, L->side, L->history};
    static const char *const all_names[] = {"data", "bars", "readouts", "landscape", "side", "history"};
    int n = 0;
    for (int i = 0; i < 6; i++)
        if (all[i].w > 0 && all[i].h > 0) {
            names[n] = all_names[i];
            out[n++] = all[i];
        }
    return n;
}

/* One column: the panels share x and width, follow one another downward between the
 * status bar and the hints, inside the frame. Returns how many panels. */
static int check_one_column(const ui_layout *L, int w, int h, const char *what)
{
    SDL_Rect r[6];
    const char *names[6];
    const int n = panels_of(L, r, names);
    ck_assert_msg(n >= 2, "%s: %d panels", what, n);
    ck_assert_int_eq(L->status.y, 0);
    ck_assert_int_eq(L->hints.y + L->hints.h, h);
    int bottom = L->status.y + L->status.h;
    int x = r[0].x, pw = r[0].w;
    /* Data and bars are both listed first when a scenario has both: sort by y. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && r[j].y < r[j - 1].y; j--) {
            SDL_Rect t = r[j];
            r[j] = r[j - 1];
            r[j - 1] = t;
            const char *tn = names[j];
            names[j] = names[j - 1];
            names[j - 1] = tn;
        }
    for (int i = 0; i < n; i++) {
        ck_assert_msg(r[i].x == x && r[i].w == pw, "%s: %s at x %d width %d, the first at x %d width %d", what,
                      names[i], r[i].x, r[i].w, x, pw);
        ck_assert_msg(r[i].y >= bottom, "%s: %s starts at y %d, above %d", what, names[i], r[i].y, bottom);
        bottom = r[i].y + r[i].h;
    }
    ck_assert_msg(bottom <= L->hints.y, "%s: the last panel ends at %d, under the hints at %d", what, bottom,
                  L->hints.y);
    ck_assert_msg(x > 0 && x + pw < w && pw >= w * 9 / 10, "%s: the column at x %d width %d in %d", what, x, pw, w);
    return n;
}

START_TEST(upright_frames_stack_every_scenarios_panels_in_one_column)
{
    static const int sizes[][2] = {{390, 844}, {720, 1280}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        const int w = sizes[k][0], h = sizes[k][1];
        scene_frame f;
        scene_frame_open(&f, w, h);
        for (int i = 0; i < xl_scenario_count(); i++) {
            const xl_scenario_def *def = xl_scenario_at(i);
            xl_session *s = scenario_named(def->id);
            ui_view view = {.theme = UI_THEME_LIGHT};
            scene_frame_draw(&f, s, &view);
            char what[96];
            snprintf(what, sizeof what, "%s at %dx%d", def->id, w, h);
            const ui_layout *L = &f.geom.layout;
            const int n = check_one_column(L, w, h, what);
            /* The picture stays, with a map at least 45% of the column wide. */
            const SDL_Rect pic = L->landscape.w > 0 ? L->landscape : L->side;
            ck_assert_msg(pic.w > 0, "%s: no picture", what);
            if (L->landscape.w > 0 && !xl_session_simplex(s))
                ck_assert_msg(f.geom.landscape.map.w >= pic.w * 45 / 100, "%s: the map is %d px wide in a %d-px panel", what,
                              f.geom.landscape.map.w, pic.w);
            /* More than the picture: the bars or the scenario's own panel too. */
            ck_assert_msg(n >= 2 && (L->bars.w > 0 || L->data.w > 0), "%s: %d panels, none above the picture", what,
                          n);
            xl_session_destroy(s);
        }
        scene_frame_close(&f);
    }
}
END_TEST

START_TEST(upright_type_goes_by_the_width)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surface);
    ui_text *t = ui_text_create(r, fonts, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    static const int widths[] = {390, 720, 1170};
    for (int theme = 0; theme < UI_THEME_COUNT; theme++)
        for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            const float text_scale = ui_theme_get((ui_theme_kind)theme)->text_scale;
            const float scale = ui_layout_portrait_scale(widths[k], text_scale);
            ck_assert_int_eq(ui_text_set_scale(t, scale * text_scale), 0);
            /* DejaVu's line is 1.16 em: a 16-px face is a line of 18 px or more. */
            const double want = 16.0 * widths[k] / 390.0 * 1.1;
            const int got = ui_text_line_height(t, UI_FONT_TICK);
            ck_assert_msg(got >= want, "theme %d, %d px wide: the tick line is %d px, want %.1f or more", theme,
                          widths[k], got, want);
            /* And not far over it: the column still holds the picture and the bars. */
            ck_assert_msg(got <= want * 1.35, "theme %d, %d px wide: the tick line is %d px, want about %.1f", theme,
                          widths[k], got, want);
        }
    ui_text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
}
END_TEST

START_TEST(a_short_upright_frame_drops_the_least_important_panels)
{
    scene_frame f;
    scene_frame_open(&f, 390, 844);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    SDL_Rect tall[6];
    const char *names[6];
    const int n_tall = panels_of(&f.geom.layout, tall, names);
    scene_frame_close(&f);
    /* The browser's bars take a phone's height: 390x660 (what Safari leaves of a 390x844 phone) holds fewer panels. */
    scene_frame_open(&f, 390, 660);
    scene_frame_draw(&f, s, &view);
    const ui_layout *L = &f.geom.layout;
    /* The control strip (a phone's only controls) takes its share too: the history goes
     * first, and the picture stays whatever else must go. */
    const int n = panels_of(L, (SDL_Rect[6]){{0}}, (const char *[6]){0});
    ck_assert_msg(n < n_tall, "%d panels at 390x660, %d at 390x844", n, n_tall);
    ck_assert_int_eq(L->history.w, 0);
    ck_assert_msg(L->landscape.w > 0 && L->controls.h > 0, "the picture and the control strip stay");
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(a_frame_lying_down_keeps_its_columns)
{
    scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_layout *L = &f.geom.layout;
    ck_assert_msg(L->bars.x + L->bars.w < L->landscape.x, "bars at x %d width %d, landscape at x %d", L->bars.x,
                  L->bars.w, L->landscape.x);
    ck_assert_int_eq(L->landscape.y, L->bars.y);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("portrait");
    TCase *tc = tcase_create("portrait");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, upright_frames_stack_every_scenarios_panels_in_one_column);
    tcase_add_test(tc, upright_type_goes_by_the_width);
    tcase_add_test(tc, a_short_upright_frame_drops_the_least_important_panels);
    tcase_add_test(tc, a_frame_lying_down_keeps_its_columns);
    suite_add_tcase(su, tc);
    return su;
}

/* test_gaussian_panel: the Gaussian scenario's density panel drawn alone, headless, with
 * the software renderer: P's peak stands at x = mu_p with height 1/(sqrt(2 pi) sigma_p) on
 * the plot's scale, the region where the densities differ is shaded, a narrow Q is clipped
 * to the plot, and no label overlaps another or leaves the panel, at several sizes in
 * both themes. XL_SHOT_DIR=dir saves each frame as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_panel.h"
#include "ui_panel_gaussian.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_gaussian.h"

#include "panel_fixture.h"

/* The panel under test, drawn alone, and where it drew what. */
typedef struct frame {
    panel_frame p;
    ui_gaussian_geom geom;
} frame;

static void frame_draw(frame *f, const xl_session *s, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_gaussian_panel_draw(&ctx, f->p.area, s, &f->geom);
    panel_frame_done(&f->p, "gaussian", shot, sz);
}

static void frame_close(frame *f)
{
    panel_frame_close(&f->p);
}

static xl_session *gauss_session(const char *param, double value)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_gaussian);
    if (param) d.params[xl_scenario_param_index(&xl_scenario_gaussian, param)] = value;
    d.grid = 16; /* the panel does not read the landscape: keep the test quick */
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

static float x_pixel(const ui_gaussian_geom *g, double x)
{
    return (float)(g->plot.x + (x - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w);
}

static float y_pixel(const ui_gaussian_geom *g, double d)
{
    return (float)(g->plot.y + (1.0 - d / g->y_max) * g->plot.h);
}

static int in_text(const frame *f, int x, int y)
{
    int n = f->p.rec.count < MAX_BOXES ? f->p.rec.count : MAX_BOXES;
    for (int i = 0; i < n; i++) {
        SDL_Rect b = f->p.boxes[i].ink;
        if (x >= b.x - 1 && x <= b.x + b.w && y >= b.y - 1 && y <= b.y + b.h) return 1;
    }
    return 0;
}

/* The topmost row from y_from down in columns [x0, x1] with a pixel of colour c outside
 * any label, and in *col the middle of that row's run of such pixels; -1 if none. */
static int top_of_color(const frame *f, int y_from, int x0, int x1, SDL_Color c, int *col)
{
    for (int y = y_from < 0 ? 0 : y_from; y < f->p.surface->h; y++) {
        int first = -1, last = -1;
        for (int x = x0; x <= x1; x++) {
            if (x < 0 || x >= f->p.surface->w || in_text(f, x, y)) continue;
            if (same(pixel(&f->p, x, y), c, 3)) {
                if (first < 0) first = x;
                last = x;
            }
        }
        if (first >= 0) {
            if (col) *col = (first + last) / 2;
            return y;
        }
    }
    return -1;
}

START_TEST(p_peaks_at_mu_p_with_its_height)
{
    xl_session *s = gauss_session(NULL, 0);
    const double mu = XL_SCN_GAUSS_MU_P, sp = XL_SCN_GAUSS_SIGMA_P;
    const double peak = 1.0 / (sqrt(2.0 * 3.14159265358979323846) * sp);
    for (int k = 0; k < SIZE_COUNT; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[k], (ui_theme_kind)t, "peak");
            const ui_gaussian_geom *g = &f.geom;
            ck_assert(g->drawn);
            float ex = x_pixel(g, mu), ey = y_pixel(g, peak);
            int col = -1;
            int top = top_of_color(&f, g->plot.y - 6, g->plot.x, g->plot.x + g->plot.w, f.p.theme->truth, &col);
            ck_assert_msg(top >= 0, "%s %dx%d: no P curve", f.p.theme->name, sizes[k].w, sizes[k].h);
            /* The line is ui_lw(1.5) thick around the peak: its top row is within 2 px. */
            ck_assert_msg(fabsf(top - ey) <= 2.5f, "%s %dx%d: P's top at row %d, expected %.1f (density %.4f/V)",
                          f.p.theme->name, sizes[k].w, sizes[k].h, top, ey, peak);
            ck_assert_msg(fabsf(col - ex) <= 2.5f, "%s %dx%d: P's top at column %d, expected %.1f (x = %g V)",
                          f.p.theme->name, sizes[k].w, sizes[k].h, col, ex, mu);
            frame_close(&f);
        }
    xl_session_destroy(s);
}
END_TEST

START_TEST(the_difference_is_shaded)
{
    xl_session *s = gauss_session(NULL, 0); /* Q = N(2, 2^2) against P = N(5, 1) */
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, sizes[0], (ui_theme_kind)t, "shade");
        const ui_gaussian_geom *g = &f.geom;
        /* At x = 5.7 V P is well above Q: the rows between them are vermillion over the panel. */
        double x = 5.7;
        float px = x_pixel(g, x);
        double dp = exp(-0.5 * 0.49) / sqrt(2.0 * 3.14159265358979323846);
        double dq = exp(-0.5 * (3.7 / 2.0) * (3.7 / 2.0)) / (sqrt(2.0 * 3.14159265358979323846) * 2.0);
        int y0 = (int)y_pixel(g, dp) + 3, y1 = (int)y_pixel(g, dq) - 3;
        ck_assert_int_gt(y1, y0);
        int shaded = 0, rows = 0;
        SDL_Color panel = f.p.theme->panel;
        for (int y = y0; y <= y1; y++, rows++) {
            SDL_Color c = pixel(&f.p, (int)px, y);
            /* Redder than the panel and not the panel itself. */
            if (!same(c, panel, 6) && c.r >= c.b + (panel.r - panel.b) + 8) shaded++;
        }
        ck_assert_msg(shaded * 2 > rows, "%s: %d of %d rows between the curves at x = %g V shaded", f.p.theme->name,
                      shaded, rows, x);
        /* Far left, where both densities are ~0, nothing is shaded just above the axis. */
        SDL_Color c = pixel(&f.p, g->plot.x + 3, g->plot.y + g->plot.h / 2);
        ck_assert_msg(same(c, panel, 6), "%s: shading where the densities agree (%d,%d,%d)", f.p.theme->name, c.r, c.g,
                      c.b);
        frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_narrow_q_is_clipped_to_the_plot)
{
    xl_session *s = gauss_session("sigma_q0", 0.01);
    frame f;
    frame_draw(&f, s, sizes[0], UI_THEME_LIGHT, "narrow_q");
    const ui_gaussian_geom *g = &f.geom;
    ck_assert(g->drawn);
    int col = -1;
    int top = top_of_color(&f, g->plot.y - 6, g->plot.x, g->plot.x + g->plot.w, f.p.theme->model, &col);
    ck_assert_msg(top >= g->plot.y - 2, "Q drawn above the plot: row %d, plot top %d", top, g->plot.y);
    ck_assert_msg(fabsf(col - x_pixel(g, XL_SCN_GAUSS_MU_Q0)) <= 2.5f, "Q's spike at column %d", col);
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Issue 19.4: gradient descent above min(2 sigma_p^2, 1) never settles, and the panel says
 * so with the numbers, in the plot, in every size and theme; a stable lr shows no note. */
START_TEST(an_unstable_lr_is_explained)
{
    xl_session *s = gauss_session("sigma_p", 0.4);
    char note[192];
    ck_assert_int_eq(ui_gaussian_stability_note(s, note, sizeof note), 1);
    ck_assert_msg(strstr(note, "lr 0.5 > 0.32 = 2σ_p²") != NULL, "note '%s'", note);
    xl_session_run(s, 60);
    for (int k = 0; k < SIZE_COUNT; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[k], (ui_theme_kind)t, "unstable");
            int found = 0;
            for (int i = 0; i < f.p.rec.count && i < MAX_BOXES; i++) {
                if (strncmp(f.p.boxes[i].text, "lr 0.5 > 0.32", 13) != 0) continue; /* boxes keep 47 bytes */
                SDL_Rect b = f.p.boxes[i].ink, plot = f.geom.plot;
                ck_assert_msg(b.x >= plot.x && b.x + b.w <= plot.x + plot.w && b.y >= plot.y,
                              "%dx%d: the note '%s' is not in the plot", sizes[k].w, sizes[k].h, f.p.boxes[i].text);
                found = 1;
            }
            ck_assert_msg(found, "%dx%d %s: no stability note drawn", sizes[k].w, sizes[k].h, f.p.theme->name);
            frame_close(&f);
        }
    xl_session_destroy(s);
    s = gauss_session("sigma_p", 0.6); /* 2 sigma_p^2 = 0.72 > 0.5 */
    ck_assert_int_eq(ui_gaussian_stability_note(s, note, sizeof note), 0);
    xl_session_destroy(s);
}
END_TEST

static void check_labels(xl_session *s, const char *what)
{
    for (int k = 0; k < SIZE_COUNT; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[k], (ui_theme_kind)t, NULL);
            ck_assert_msg(f.geom.drawn, "%s %dx%d: not drawn", what, sizes[k].w, sizes[k].h);
            panel_labels_readable(&f.p, what);
            frame_close(&f);
        }
}

START_TEST(labels_never_overlap)
{
    xl_session *s = gauss_session(NULL, 0);
    check_labels(s, "start");
    xl_session_run(s, 40);
    check_labels(s, "step 40");
    xl_session_destroy(s);
    s = gauss_session("sigma_p", 0.01);
    xl_session_run(s, 20);
    check_labels(s, "sigma_p 0.01");
    xl_session_destroy(s);
    s = gauss_session("mu_p", -20.0);
    check_labels(s, "mu_p -20");
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("gaussian_panel");
    TCase *tc = tcase_create("what a person sees");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, p_peaks_at_mu_p_with_its_height);
    tcase_add_test(tc, the_difference_is_shaded);
    tcase_add_test(tc, a_narrow_q_is_clipped_to_the_plot);
    tcase_add_test(tc, an_unstable_lr_is_explained);
    tcase_add_test(tc, labels_never_overlap);
    suite_add_tcase(s, tc);
    return s;
}

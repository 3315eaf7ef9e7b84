/* test_logistic_panel: the logistic regression data panel drawn alone, headless, with
 * SDL's software renderer, and read back: the sigmoid crosses 0.5 at x = -b/w, a label-1
 * sample sits in the top row at its x and a label-0 sample in the bottom row, the
 * selected sample wears the yellow ring, each pull-on-w stem points the way the
 * gradient says, and no two labels overlap or leave the panel, at the sizes the panel
 * gets (about 560x300 at 1280x720, 840x450 at 1920x1080, 300x220 at 640x480) in both
 * themes. With XL_SHOT_DIR set, every frame drawn is also saved there as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_panel.h"
#include "ui_panel_logistic.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_logistic.h"

#include "panel_fixture.h"

/* The panel under test, drawn alone, and where it drew what. */
typedef struct frame {
    panel_frame p;
    ui_logistic_geom geom;
} frame;

static void frame_draw(frame *f, const xl_session *s, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_logistic_panel_draw(&ctx, f->p.area, s, &f->geom);
    panel_frame_done(&f->p, "logistic", shot, sz);
}

static void frame_close(frame *f)
{
    panel_frame_close(&f->p);
}

static xl_session *logistic_session(uint64_t seed)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, &xl_scenario_logistic);
    d.grid = 16; /* the panel does not read the landscape: keep the test quick */
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void apply(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
    ck_assert_msg(xl_session_apply(s, c), "'%s' refused: %s", text, xl_session_message(s));
}

static const xl_logistic *data_of(const xl_session *s)
{
    return &((const xl_logistic_state *)xl_session_state(s))->lg;
}

static float x_pixel(const ui_logistic_geom *g, double x)
{
    return (float)(g->plot.x + (x - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w);
}

/* ---- what a person sees ----------------------------------------------------------- */

static void check_boundary(const xl_session *s, const char *shot)
{
    const double *th = xl_sim_theta(xl_session_sim(s));
    double xb = -th[1] / th[0];
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, sizes[0], (ui_theme_kind)t, shot);
        const ui_logistic_geom *g = &f.geom;
        ck_assert(g->drawn);
        ck_assert_msg(g->has_boundary, "no boundary drawn for x = %g in [%g, %g]", xb, g->x_lo, g->x_hi);
        float ex = x_pixel(g, xb);
        ck_assert_msg(fabsf(g->boundary_x - ex) < 0.75f, "boundary at %.1f, expected %.1f", g->boundary_x, ex);
        float mid = g->plot.y + g->plot.h / 2.0f;
        ck_assert_msg(near_color(&f.p, ex, mid, 2, f.p.theme->model),
                      "%s: no curve pixel near (%.1f, %.1f), where y_hat = 0.5 at x = %.3f", f.p.theme->name, ex, mid,
                      xb);
        /* And not at 0.5 a quarter of the plot to either side (the curve is not flat). */
        float off = g->plot.w / 4.0f;
        int flat = near_color(&f.p, ex - off, mid, 1, f.p.theme->model) && near_color(&f.p, ex + off, mid, 1, f.p.theme->model);
        ck_assert_msg(!flat, "the curve is at 0.5 far from the boundary");
        frame_close(&f);
    }
}

START_TEST(sigmoid_crosses_half_at_the_boundary)
{
    xl_session *s = logistic_session(0);
    check_boundary(s, "start");   /* w = -2, b = 1.5: x = 0.75, falling */
    xl_session_run(s, 300);
    check_boundary(s, "trained"); /* rising, near the fit's -b/w = 0.06 */
    xl_session_destroy(s);
}
END_TEST

START_TEST(samples_sit_in_their_rows)
{
    xl_session *s = logistic_session(0);
    apply(s, "select 1");
    const xl_logistic *lg = data_of(s);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, sizes[0], (ui_theme_kind)t, NULL);
        const ui_logistic_geom *g = &f.geom;
        ck_assert_int_eq(g->n, lg->n);
        /* Sample 4 (x = 1.6, label 1) in the top row; sample 3 (x = -1.5, label 0) in the
         * bottom row, each at its x and in its label's colour. */
        const int idx[2] = {3, 2};
        for (int k = 0; k < 2; k++) {
            int i = idx[k], y = lg->pts[i].y;
            float ex = x_pixel(g, lg->pts[i].x), ey = y ? (float)g->plot.y : (float)(g->plot.y + g->plot.h);
            ck_assert_msg(fabsf(g->px[i] - ex) < 0.75f && fabsf(g->py[i] - ey) < 0.75f,
                          "sample %d (x = %g, label %d) at (%.1f, %.1f), expected (%.1f, %.1f)", i + 1, lg->pts[i].x, y,
                          g->px[i], g->py[i], ex, ey);
            SDL_Color want = ui_logistic_label_color(f.p.theme, y), c = pixel(&f.p, (int)lroundf(ex), (int)lroundf(ey));
            ck_assert_msg(same(c, want, 3), "%s: sample %d's centre is (%d,%d,%d), not its label's colour", f.p.theme->name,
                          i + 1, c.r, c.g, c.b);
        }
        frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

/* Samples of one label at nearly the same x are stacked into the plot along their stem,
 * not drawn over each other (issue 19): two 0s added at x = 2.5 both stay visible, the
 * second one disc further up, and each keeps its x. */
START_TEST(coincident_samples_stay_apart)
{
    xl_session *s = logistic_session(0);
    apply(s, "add-point 2.5,0");
    apply(s, "add-point 2.5,0");
    const xl_logistic *lg = data_of(s);
    const int a = lg->n - 2, b = lg->n - 1;
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, sizes[0], (ui_theme_kind)t, "stacked");
        const ui_logistic_geom *g = &f.geom;
        const float d = hypotf(g->px[a] - g->px[b], g->py[a] - g->py[b]);
        ck_assert_msg(d >= 1.6f * g->radius, "%s: the two samples at x = 2.5 drawn %.1f px apart, radius %.1f",
                      f.p.theme->name, (double)d, (double)g->radius);
        ck_assert_msg(fabsf(g->px[b] - x_pixel(g, 2.5)) < 0.75f, "the stacked sample left its x");
        ck_assert_msg(g->py[b] < g->py[a], "a stacked 0 goes up into the plot, not below it");
        frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(selected_sample_has_the_yellow_ring)
{
    xl_session *s = logistic_session(0);
    const int picks[2] = {6, 11}; /* sample 6 (label 1, top row), sample 11 (label 0) */
    for (int k = 0; k < 2; k++) {
        char cmd[32];
        snprintf(cmd, sizeof cmd, "select %d", picks[k]);
        apply(s, cmd);
        int i = picks[k] - 1;
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[0], (ui_theme_kind)t, NULL);
            const ui_logistic_geom *g = &f.geom;
            ck_assert_int_eq(g->selected, i);
            float rr = g->ring_radius - g->ring_width / 2.0f;
            const float dirs[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int d = 0; d < 4; d++) {
                float x = g->px[i] + dirs[d][0] * rr, y = g->py[i] + dirs[d][1] * rr;
                SDL_Color c = pixel(&f.p, (int)lroundf(x), (int)lroundf(y));
                ck_assert_msg(same(c, f.p.theme->select, 8), "%s: ring of sample %d at (%.0f,%.0f) is (%d,%d,%d)",
                              f.p.theme->name, i + 1, x, y, c.r, c.g, c.b);
            }
            /* An unselected sample has none. */
            int j = i == 0 ? 1 : 0;
            SDL_Color c = pixel(&f.p, (int)lroundf(g->px[j] + rr), (int)lroundf(g->py[j]));
            ck_assert_msg(!same(c, f.p.theme->select, 8) || fabsf(g->px[j] - g->px[i]) < 2 * g->ring_radius,
                          "sample %d is ringed too", j + 1);
            frame_close(&f);
        }
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(pull_stems_follow_the_gradient)
{
    xl_session *s = logistic_session(0);
    const xl_logistic *lg = data_of(s);
    const double *th = xl_sim_theta(xl_session_sim(s));
    double dw[XL_LOGISTIC_MAX_POINTS], db[XL_LOGISTIC_MAX_POINTS];
    xl_logistic_contributions(lg, th, dw, db);
    int big = 0;
    for (int i = 1; i < lg->n; i++)
        if (fabs(dw[i]) > fabs(dw[big])) big = i;
    apply(s, "select 1");
    frame f;
    frame_draw(&f, s, sizes[0], UI_THEME_DARK, NULL);
    const ui_logistic_geom *g = &f.geom;
    ck_assert_msg(g->pull.w > 0, "the pull strip was dropped at 560x300");
    float mid = g->pull.y + g->pull.h / 2.0f, half = g->pull.h / 2.0f - 1.0f;
    /* A full stem (half the strip) is a pull of 2 mean|x| / n; the largest pull now
     * stands up when -dw > 0 (descent raises w). */
    double most = 0.0;
    for (int i = 0; i < lg->n; i++)
        most += fabs(lg->pts[i].x);
    most = 2.0 * most / ((double)lg->n * lg->n);
    float len = (float)(fmin(fabs(dw[big]) / most, 1.0) * half);
    ck_assert_msg(len > 4.0f, "the largest pull is only %.1f px", len);
    float up = dw[big] < 0 ? 1.0f : -1.0f;
    SDL_Color want = ui_logistic_label_color(f.p.theme, lg->pts[big].y);
    float x = g->px[big];
    ck_assert_msg(near_color(&f.p, x, mid - up * len * 0.8f, 0, want),
                  "no stem of sample %d (dw %.4f) at %.1f px %s the baseline", big + 1, dw[big], len * 0.8f,
                  up > 0 ? "above" : "below");
    ck_assert_msg(!near_color(&f.p, x, mid - up * (len + 3.0f), 0, want), "sample %d's stem is too long", big + 1);
    ck_assert_msg(!near_color(&f.p, x, mid + up * len * 0.8f, 0, want), "sample %d's stem points the wrong way",
                  big + 1);
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* ---- every label readable --------------------------------------------------------- */

static void check_labels(const xl_session *s, const char *shot)
{
    for (int si = 0; si < SIZE_COUNT; si++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[si], (ui_theme_kind)t, shot);
            ck_assert_msg(f.geom.drawn, "[%s] %dx%d %s: nothing drawn", shot, sizes[si].w, sizes[si].h, f.p.theme->name);
            panel_labels_readable(&f.p, shot);
            frame_close(&f);
        }
}

START_TEST(labels_do_not_overlap)
{
    xl_session *s = logistic_session(0);
    check_labels(s, "default");
    apply(s, "select 4");
    xl_session_run(s, 200);
    check_labels(s, "trained");
    apply(s, "param points=64");
    apply(s, "select 64");
    check_labels(s, "points64");
    xl_session_destroy(s);

    /* Added points at the ends of the range, one selected. */
    s = logistic_session(3);
    apply(s, "add-point 10,0");
    apply(s, "add-point -10,1");
    apply(s, "select 22");
    check_labels(s, "wide");
    xl_session_destroy(s);
}
END_TEST

START_TEST(hostile_parameters_draw_finite)
{
    /* Separable data under a huge learning rate: w grows far past any pixel scale. */
    xl_session *s = logistic_session(0);
    apply(s, "select 1");
    apply(s, "remove-point");
    apply(s, "remove-point");
    apply(s, "select 3");
    while (data_of(s)->n > 2) apply(s, "remove-point");
    apply(s, "set-lr 100");
    xl_session_run(s, 2000);
    const double *th = xl_sim_theta(xl_session_sim(s));
    ck_assert_msg(fabs(th[0]) > 50, "w = %g should be large", th[0]);
    check_labels(s, "separable");
    xl_session_destroy(s);

    s = logistic_session(0);
    apply(s, "param w0=20");
    apply(s, "param b0=-20");
    check_labels(s, "steep"); /* boundary at x = 1: a step */
    xl_session_destroy(s);

    /* Another scenario: the panel draws its frame and nothing else. */
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    s = xl_session_create(&d);
    frame f;
    frame_draw(&f, s, sizes[0], UI_THEME_DARK, NULL);
    ck_assert_int_eq(f.geom.drawn, 0);
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("logistic_panel");
    TCase *tc = tcase_create("what a person sees");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, sigmoid_crosses_half_at_the_boundary);
    tcase_add_test(tc, coincident_samples_stay_apart);
    tcase_add_test(tc, samples_sit_in_their_rows);
    tcase_add_test(tc, selected_sample_has_the_yellow_ring);
    tcase_add_test(tc, pull_stems_follow_the_gradient);
    suite_add_tcase(su, tc);
    tc = tcase_create("labels and hostile numbers");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, labels_do_not_overlap);
    tcase_add_test(tc, hostile_parameters_draw_finite);
    suite_add_tcase(su, tc);
    return su;
}

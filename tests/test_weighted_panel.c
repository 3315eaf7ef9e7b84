/* test_weighted_panel: the rare-positives panel drawn alone, headless, with SDL's
 * software renderer, and read back: the current decision boundary stands at x = -b/w,
 * the faint beta = 1 boundary is there when beta != 1 (at the beta = 1 fit, right of the
 * weighted one) and not when beta = 1, the stacked bar splits at loss_pos's share, and
 * no two labels overlap or leave the panel at the sizes the panel gets, in both themes.
 * With XL_SHOT_DIR set, every frame drawn is also saved there as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_panel.h"
#include "ui_panel_weighted.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_weighted.h"

#include "panel_fixture.h"

/* The panel under test, drawn alone, and where it drew what. */
typedef struct frame {
    panel_frame p;
    ui_weighted_geom geom;
} frame;

static void frame_draw(frame *f, const xl_session *s, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_weighted_panel_draw(&ctx, f->p.area, s, &f->geom);
    panel_frame_done(&f->p, "weighted", shot, sz);
}

static void frame_close(frame *f)
{
    panel_frame_close(&f->p);
}


static xl_session *weighted_session(const char *param)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_weighted);
    d.grid = 16; /* the panel does not read the landscape */
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    if (param) {
        xl_command c;
        char err[160];
        ck_assert_msg(xl_scenario_parse_command(param, &c, err, sizeof err) == 0, "'%s': %s", param, err);
        ck_assert_msg(xl_session_apply(s, c), "'%s' refused: %s", param, xl_session_message(s));
    }
    return s;
}

static float x_pixel(const ui_weighted_geom *g, double x)
{
    return (float)(g->plot.x + (x - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w);
}

START_TEST(boundaries_stand_where_the_fits_put_them)
{
    xl_session *s = weighted_session("param beta=50");
    xl_session_run(s, 300);
    const xl_weighted_state *st = xl_session_state(s);
    const double *th = xl_sim_theta(xl_session_sim(s));
    double xb = -th[1] / th[0], x1 = -st->fit1[1] / st->fit1[0];
    ck_assert_msg(x1 > xb, "beta = 1 boundary %g not right of the weighted one %g", x1, xb);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, sizes[0], (ui_theme_kind)t, "beta50");
        const ui_weighted_geom *g = &f.geom;
        ck_assert(g->drawn && g->has_boundary && g->has_boundary1);
        float ex = x_pixel(g, xb), e1 = x_pixel(g, x1);
        ck_assert_msg(fabsf(g->boundary_x - ex) < 0.75f, "boundary at %.1f, expected %.1f", g->boundary_x, ex);
        ck_assert_msg(fabsf(g->boundary1_x - e1) < 0.75f, "beta = 1 line at %.1f, expected %.1f", g->boundary1_x, e1);
        /* The dashed boundary is drawn in the text colour somewhere down its column. */
        int found = 0;
        for (int y = g->plot.y; y < g->plot.y + g->plot.h && !found; y++)
            found = near_color(&f.p, ex, (float)y, 1, f.p.theme->text);
        ck_assert_msg(found, "%s: no boundary pixel in column %.1f", f.p.theme->name, ex);
        /* The curve crosses 0.5 at the boundary. */
        ck_assert_msg(near_color(&f.p, ex, g->plot.y + g->plot.h / 2.0f, 2, f.p.theme->model), "%s: curve not at 0.5",
                      f.p.theme->name);
        /* The stacked bar splits at loss_pos / loss. */
        double lp, ln;
        xl_weighted_loss_parts(&st->wd, th, &lp, &ln);
        ck_assert(g->share_bar.w > 0);
        float want = g->share_bar.x + (float)(lp / (lp + ln)) * g->share_bar.w;
        ck_assert_msg(fabsf(g->share_split - want) <= 1.0f, "split at %d, expected %.1f", g->share_split, want);
        frame_close(&f);
    }
    xl_session_destroy(s);

    s = weighted_session("param beta=1");
    frame f;
    frame_draw(&f, s, sizes[0], UI_THEME_LIGHT, "beta1");
    ck_assert(f.geom.drawn);
    ck_assert_int_eq(f.geom.has_boundary1, 0);
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Binders with nearly the same score are stacked, not drawn on top of each other (issue
 * 19: lesson 08's four binders drew as two blobs): at lesson 08's data, no two positive
 * discs have centres closer than 1.6 radii, at every size and theme. */
START_TEST(close_positives_stay_apart)
{
    xl_session *s = weighted_session("param points=200");
    xl_command c;
    char err[160];
    ck_assert(xl_scenario_parse_command("param rate=0.02", &c, err, sizeof err) == 0 && xl_session_apply(s, c));
    for (int si = 0; si < SIZE_COUNT; si++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, sizes[si], (ui_theme_kind)t, "stacked");
            const ui_weighted_geom *g = &f.geom;
            ck_assert(g->drawn);
            ck_assert_int_eq(g->npos, 4);
            for (int i = 0; i < g->npos; i++)
                for (int j = 0; j < i; j++) {
                    const float d = hypotf(g->pos_x[i] - g->pos_x[j], g->pos_y[i] - g->pos_y[j]);
                    ck_assert_msg(d >= 1.6f * g->dot_r, "%dx%d %s: binders %d and %d drawn %.1f px apart, radius %.1f",
                                  sizes[si].w, sizes[si].h, f.p.theme->name, j + 1, i + 1, (double)d,
                                  (double)g->dot_r);
                }
            frame_close(&f);
        }
    xl_session_destroy(s);
}
END_TEST

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
    static const char *const params[] = {NULL, "param beta=50", "param beta=1", "param points=1000",
                                         "param rate=0.5", "param w0=20"};
    for (int k = 0; k < 6; k++) {
        xl_session *s = weighted_session(params[k]);
        check_labels(s, params[k] ? params[k] + 6 : "default");
        xl_session_run(s, 100);
        check_labels(s, "trained");
        xl_session_destroy(s);
    }
    /* A huge learning rate: w far past any pixel scale. */
    xl_session *s = weighted_session("set-lr 100");
    xl_session_run(s, 500);
    check_labels(s, "lr100");
    xl_session_destroy(s);
    /* Another scenario: the panel draws its frame only. */
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

/* The label on the current boundary, as drawn ("" when none). */
static void boundary_label(const xl_session *s, char *out, size_t n)
{
    frame f;
    frame_draw(&f, s, sizes[0], UI_THEME_LIGHT, NULL);
    out[0] = '\0';
    for (int i = 0; i < f.p.rec.count && i < MAX_BOXES; i++)
        if (strstr(f.p.boxes[i].text, "boundary") == f.p.boxes[i].text || strstr(f.p.boxes[i].text, "learned") ||
            strstr(f.p.boxes[i].text, "start boundary"))
            snprintf(out, n, "%s", f.p.boxes[i].text);
    frame_close(&f);
}

/* Issue 19.19: at step 0 the line is the untrained start's boundary, not "β = 10"'s. */
START_TEST(the_boundary_says_what_it_is)
{
    xl_session *s = weighted_session("param beta=10");
    char label[64];
    boundary_label(s, label, sizeof label);
    ck_assert_msg(strstr(label, "start") && !strstr(label, "β"), "at step 0: '%s'", label);
    xl_session_run(s, 20);
    boundary_label(s, label, sizeof label);
    ck_assert_msg(strstr(label, "20 steps") && strstr(label, "β = 10"), "after 20 steps: '%s'", label);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("weighted_panel");
    TCase *tc = tcase_create("what a person sees");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, boundaries_stand_where_the_fits_put_them);
    tcase_add_test(tc, labels_do_not_overlap);
    tcase_add_test(tc, close_positives_stay_apart);
    tcase_add_test(tc, the_boundary_says_what_it_is);
    suite_add_tcase(su, tc);
    return su;
}

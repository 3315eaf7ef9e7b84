/* test_simplex_panel: the probability simplex of three classes drawn alone, headless,
 * with the software renderer. The pixel <-> distribution maps are inverse to each other
 * and clamp outside points onto the nearest point of the triangle; P is drawn in the
 * truth's colour at its barycentric position and Q in the model's; labels never overlap
 * or leave the panel and nothing is drawn outside it, from 300x200 to 1300x900, in both
 * themes, for soft, one-hot and uniform P, for Q near a corner and for a race; any other
 * scenario or class count gets the frame only. XL_SHOT_DIR=dir saves each frame as a
 * PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "softmax_fixture.h"
#include "ui_panel.h"
#include "ui_panel_simplex.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_gaussian.h"

#include "panel_fixture.h"

/* Where the panel sits: the landscape's place at 1280x720 and 1920x1080, the smallest
 * and largest it is made for, and narrow shapes. */
static const size_case simplex_sizes[] = {
    {690, 420, 1280, 720}, {1040, 640, 1920, 1080}, {300, 200, 640, 480}, {1300, 900, 1920, 1080},
    {400, 600, 1280, 720}, {560, 300, 1280, 720}, {360, 260, 800, 600},
};
enum { SIMPLEX_SIZES = (int)(sizeof simplex_sizes / sizeof simplex_sizes[0]) };

typedef struct frame {
    panel_frame p;
    ui_simplex_geom geom;
} frame;

/* The panel object, as the scene keeps one: made by an unchecked fixture, in the
 * runner's process, before the tests fork. */
static ui_simplex_panel *panel;

static void panel_up(void)
{
    panel = ui_simplex_panel_create();
    if (!panel) abort();
}

static void panel_down(void)
{
    ui_simplex_panel_destroy(panel);
    panel = NULL;
}

static void frame_draw(frame *f, const xl_session *s, size_case sz, ui_theme_kind kind, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ui_simplex_draw(panel, &ctx, f->p.area, s, &f->geom);
    panel_frame_done(&f->p, "simplex", shot, sz);
}

/* A softmax session with 3 classes; p and z0 may be NULL for the seed's. */
static xl_session *simplex_session(const double *p, const double *z0, int race)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    fixture_set_classes(&d, 3, 7);
    if (p)
        fixture_setup_list(&d, "set-p", p, 3);
    if (z0)
        fixture_setup_list(&d, "set-logits", z0, 3);
    if (race) {
        d.race_count = 3;
        d.race[0] = XL_OPTIM_GD;
        d.race[1] = XL_OPTIM_MOMENTUM;
        d.race[2] = XL_OPTIM_ADAM;
    }
    d.grid = 16; /* the panel does not read the landscape: keep the test quick */
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

static const double soft_p[3] = {0.6, 0.3, 0.1};
static const double onehot_p[3] = {0.0, 1.0, 0.0};
static const double uniform_p[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
static const double corner_z[3] = {50.0, 0.0, 0.0};

/* A drawn geometry to test the maps on. */
static ui_simplex_geom drawn_geom(void)
{
    xl_session *s = simplex_session(soft_p, NULL, 0);
    frame f;
    frame_draw(&f, s, simplex_sizes[0], UI_THEME_DARK, NULL);
    ui_simplex_geom g = f.geom;
    panel_frame_close(&f.p);
    xl_session_destroy(s);
    ck_assert(g.drawn);
    return g;
}

static double rnd(unsigned long long *st)
{
    *st = *st * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(*st >> 11) / 9007199254740992.0;
}

START_TEST(points_and_distributions_round_trip)
{
    ui_simplex_geom g = drawn_geom();
    unsigned long long st = 12345;
    for (int n = 0; n < 2000; n++) {
        double p[3], back[3], sum = 0.0;
        for (int i = 0; i < 3; i++) sum += p[i] = -log(rnd(&st) + 1e-12); /* uniform on the simplex */
        for (int i = 0; i < 3; i++) p[i] /= sum;
        SDL_FPoint pt = ui_simplex_to_point(&g, p);
        ui_simplex_from_point(&g, pt.x, pt.y, back);
        for (int i = 0; i < 3; i++)
            ck_assert_msg(fabs(back[i] - p[i]) < 1e-4, "p = (%g, %g, %g) came back as (%g, %g, %g)", p[0], p[1],
                          p[2], back[0], back[1], back[2]);
    }
    for (int k = 0; k < 3; k++) {
        double e[3] = {0, 0, 0};
        e[k] = 1.0;
        SDL_FPoint pt = ui_simplex_to_point(&g, e);
        ck_assert_msg(fabsf(pt.x - g.corner[k].x) < 1e-3f && fabsf(pt.y - g.corner[k].y) < 1e-3f,
                      "class %d's certainty at (%g, %g), corner at (%g, %g)", k + 1, pt.x, pt.y, g.corner[k].x,
                      g.corner[k].y);
        double back[3];
        ui_simplex_from_point(&g, g.corner[k].x, g.corner[k].y, back);
        ck_assert(fabs(back[k] - 1.0) < 1e-4);
    }
    /* The triangle is equilateral and lies in its bounding box. */
    double s01 = hypot(g.corner[0].x - g.corner[1].x, g.corner[0].y - g.corner[1].y);
    double s12 = hypot(g.corner[1].x - g.corner[2].x, g.corner[1].y - g.corner[2].y);
    double s20 = hypot(g.corner[2].x - g.corner[0].x, g.corner[2].y - g.corner[0].y);
    ck_assert(fabs(s01 - s12) < 0.5 && fabs(s12 - s20) < 0.5);
    for (int k = 0; k < 3; k++) {
        SDL_Point c = {(int)floorf(g.corner[k].x), (int)floorf(g.corner[k].y)};
        ck_assert_msg(SDL_PointInRect(&c, &g.area), "corner %d outside the triangle's box", k + 1);
    }
}
END_TEST

START_TEST(outside_points_clamp_onto_the_triangle)
{
    ui_simplex_geom g = drawn_geom();
    double p[3];
    /* Far beyond a corner: that certainty. */
    for (int k = 0; k < 3; k++) {
        SDL_FPoint c = g.corner[k], o = ui_simplex_to_point(&g, (double[3]){1.0 / 3, 1.0 / 3, 1.0 / 3});
        ui_simplex_from_point(&g, c.x + 3.0f * (c.x - o.x), c.y + 3.0f * (c.y - o.y), p);
        ck_assert_msg(fabs(p[k] - 1.0) < 1e-9, "beyond corner %d: (%g, %g, %g)", k + 1, p[0], p[1], p[2]);
    }
    /* Straight below the middle of the base (classes 2 and 3): half and half. */
    float mx = 0.5f * (g.corner[1].x + g.corner[2].x), my = g.corner[1].y;
    ui_simplex_from_point(&g, mx, my + 40.0f, p);
    ck_assert_msg(fabs(p[0]) < 1e-9 && fabs(p[1] - 0.5) < 1e-3 && fabs(p[2] - 0.5) < 1e-3, "(%g, %g, %g)", p[0], p[1],
                  p[2]);
    /* Anywhere outside: a distribution on the triangle's edge, and no triangle point nearer. */
    unsigned long long st = 99;
    for (int n = 0; n < 500; n++) {
        float x = g.area.x - 200 + (float)rnd(&st) * (g.area.w + 400);
        float y = g.area.y - 200 + (float)rnd(&st) * (g.area.h + 400);
        ui_simplex_from_point(&g, x, y, p);
        ck_assert(p[0] >= 0.0 && p[1] >= 0.0 && p[2] >= 0.0);
        ck_assert(fabs(p[0] + p[1] + p[2] - 1.0) < 1e-12);
        SDL_FPoint got = ui_simplex_to_point(&g, p);
        double d = hypot(got.x - x, got.y - y);
        for (int k = 0; k < 50; k++) {
            double r[3], sum = 0.0;
            for (int i = 0; i < 3; i++) sum += r[i] = -log(rnd(&st) + 1e-12);
            for (int i = 0; i < 3; i++) r[i] /= sum;
            SDL_FPoint o = ui_simplex_to_point(&g, r);
            ck_assert_msg(hypot(o.x - x, o.y - y) >= d - 1e-3, "(%g, %g) clamped to (%g, %g), but (%g, %g) is nearer", x,
                          y, got.x, got.y, o.x, o.y);
        }
    }
    /* Nonsense in: the centre, never NaN. */
    ui_simplex_from_point(&g, NAN, 3.0f, p);
    ck_assert(fabs(p[0] - 1.0 / 3) < 1e-12);
    ui_simplex_geom flat = {0};
    ui_simplex_from_point(&flat, 10.0f, 10.0f, p);
    ck_assert(fabs(p[1] - 1.0 / 3) < 1e-12);
    SDL_FPoint pt = ui_simplex_to_point(&g, (double[3]){NAN, 0.0, 0.0});
    ck_assert(isfinite(pt.x) && isfinite(pt.y));
}
END_TEST

/* P's target has the truth's colour at its centre, in every size and theme and for P
 * inside, on a corner and at the centre. */
START_TEST(p_is_drawn_where_it_is)
{
    const double *ps[3] = {soft_p, onehot_p, uniform_p};
    for (int c = 0; c < 3; c++) {
        xl_session *s = simplex_session(ps[c], NULL, 0);
        for (int k = 0; k < SIMPLEX_SIZES; k++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, s, simplex_sizes[k], (ui_theme_kind)t, NULL);
                ck_assert_msg(f.geom.drawn, "%dx%d: not drawn", simplex_sizes[k].w, simplex_sizes[k].h);
                SDL_FPoint pt = ui_simplex_to_point(&f.geom, ps[c]);
                SDL_Color got = pixel(&f.p, (int)floorf(pt.x), (int)floorf(pt.y));
                ck_assert_msg(same(got, f.p.theme->truth, 3), "%s %dx%d P %d: (%d,%d,%d) at P's pixel (%g, %g)",
                              f.p.theme->name, simplex_sizes[k].w, simplex_sizes[k].h, c, got.r, got.g, got.b, pt.x,
                              pt.y);
                panel_frame_close(&f.p);
            }
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(q_is_drawn_where_it_is_after_20_steps)
{
    xl_session *s = simplex_session(soft_p, NULL, 0);
    xl_session_run(s, 20);
    double q[3];
    xl_session_q(s, q);
    int checked = 0;
    for (int k = 0; k < SIMPLEX_SIZES; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, simplex_sizes[k], (ui_theme_kind)t, "q20");
            SDL_FPoint qp = ui_simplex_to_point(&f.geom, q), pp = ui_simplex_to_point(&f.geom, soft_p);
            /* P's target is drawn over Q: only where it leaves Q's disc visible. */
            if (hypotf(qp.x - pp.x, qp.y - pp.y) < 12.0f * f.p.theme->line_scale) {
                panel_frame_close(&f.p);
                continue;
            }
            SDL_Color got = pixel(&f.p, (int)floorf(qp.x), (int)floorf(qp.y));
            ck_assert_msg(same(got, f.p.theme->model, 3), "%s %dx%d: (%d,%d,%d) at Q's pixel", f.p.theme->name,
                          simplex_sizes[k].w, simplex_sizes[k].h, got.r, got.g, got.b);
            checked++;
            panel_frame_close(&f.p);
        }
    ck_assert_int_ge(checked, SIMPLEX_SIZES); /* most frames have Q clear of P */
    xl_session_destroy(s);
}
END_TEST

/* Every label inside the panel and on no other; nothing drawn outside the panel. */
static void check_frame(const frame *f, const char *what, size_case sz, int want_drawn)
{
    const char *th = f->p.theme->name;
    ck_assert_msg(f->geom.drawn == want_drawn, "%s %dx%d %s: drawn %d", what, sz.w, sz.h, th, f->geom.drawn);
    const SDL_Rect area = f->p.area;
    panel_labels_readable(&f->p, what);
    panel_drawn_inside(&f->p, what);
    if (want_drawn) {
        SDL_Rect tri = f->geom.area;
        ck_assert_msg(tri.w >= 60 && SDL_HasIntersection(&tri, &area), "%s: triangle box", what);
        SDL_Rect both;
        SDL_IntersectRect(&tri, &area, &both);
        ck_assert_msg(SDL_RectEquals(&both, &tri), "%s %dx%d: the triangle leaves the panel", what, sz.w, sz.h);
    }
}

static void check_labels(xl_session *s, const char *what, const char *shot)
{
    for (int k = 0; k < SIMPLEX_SIZES; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, simplex_sizes[k], (ui_theme_kind)t, shot);
            check_frame(&f, what, simplex_sizes[k], 1);
            panel_frame_close(&f.p);
        }
}

START_TEST(labels_never_overlap_or_leave_the_panel)
{
    xl_session *s = simplex_session(soft_p, NULL, 0);
    check_labels(s, "start", "start");
    xl_session_run(s, 20);
    check_labels(s, "step 20", "step20");
    xl_session_run(s, 400);
    check_labels(s, "converged", "converged");
    xl_session_destroy(s);

    s = simplex_session(onehot_p, NULL, 0);
    xl_session_run(s, 30);
    check_labels(s, "one-hot P", "onehot");
    xl_session_destroy(s);

    s = simplex_session(uniform_p, corner_z, 0);
    check_labels(s, "uniform P, Q at a corner", "corner");
    xl_session_run(s, 50);
    check_labels(s, "uniform P, Q from a corner", "corner50");
    xl_session_destroy(s);

    s = simplex_session(soft_p, NULL, 1);
    xl_session_run(s, 25);
    check_labels(s, "race", "race");
    xl_session_destroy(s);

    /* Logits as far apart as the scenario allows: Q = (1, 0, 0) to the last bit. */
    s = simplex_session(onehot_p, (double[3]){1e300, -1e300, 0.0}, 0);
    check_labels(s, "logits ±1e300", "huge");
    xl_session_run(s, 5);
    check_labels(s, "logits ±1e300, 5 steps", NULL);
    xl_session_destroy(s);
}
END_TEST

START_TEST(bits_label_the_rings_in_bits)
{
    xl_session *s = simplex_session(soft_p, NULL, 0);
    frame f;
    ui_ctx ctx = panel_frame_open(&f.p, simplex_sizes[0], UI_THEME_LIGHT);
    ctx.unit = XL_BITS;
    ui_simplex_draw(panel, &ctx, f.p.area, s, &f.geom);
    panel_frame_done(&f.p, "simplex", "bits", simplex_sizes[0]);
    check_frame(&f, "bits", simplex_sizes[0], 1);
    int bits = 0;
    for (int i = 0; i < f.p.rec.count && i < MAX_BOXES; i++)
        if (strstr(f.p.boxes[i].text, "bits")) bits = 1;
    ck_assert_msg(bits, "no label says bits");
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

START_TEST(other_scenarios_get_the_frame_only)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_gaussian);
    d.grid = 16;
    xl_session *g = xl_session_create(&d);
    ck_assert_ptr_nonnull(g);
    xl_session_desc_default(&d, 0); /* five classes */
    d.grid = 16;
    xl_session *five = xl_session_create(&d);
    ck_assert_ptr_nonnull(five);
    xl_session_desc_default(&d, 0);
    fixture_set_classes(&d, 2, 3);
    d.grid = 16;
    xl_session *two = xl_session_create(&d);
    ck_assert_ptr_nonnull(two);
    xl_session *all[3] = {g, five, two};
    const char *names[3] = {"gaussian", "N = 5", "N = 2"};
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < SIMPLEX_SIZES; k++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, all[i], simplex_sizes[k], (ui_theme_kind)t, k == 0 ? "other" : NULL);
                check_frame(&f, names[i], simplex_sizes[k], 0);
                panel_frame_close(&f.p);
            }
    for (int i = 0; i < 3; i++) xl_session_destroy(all[i]);
    /* And a NULL geom is fine. */
    xl_session *s = simplex_session(NULL, NULL, 0);
    frame f;
    ui_ctx ctx = panel_frame_open(&f.p, simplex_sizes[0], UI_THEME_DARK);
    ui_simplex_draw(panel, &ctx, f.p.area, s, NULL);
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("simplex_panel");
    TCase *tc = tcase_create("what a person sees");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, panel_up, panel_down);
    tcase_add_test(tc, points_and_distributions_round_trip);
    tcase_add_test(tc, outside_points_clamp_onto_the_triangle);
    tcase_add_test(tc, p_is_drawn_where_it_is);
    tcase_add_test(tc, q_is_drawn_where_it_is_after_20_steps);
    tcase_add_test(tc, labels_never_overlap_or_leave_the_panel);
    tcase_add_test(tc, bits_label_the_rings_in_bits);
    tcase_add_test(tc, other_scenarios_get_the_frame_only);
    suite_add_tcase(s, tc);
    return s;
}

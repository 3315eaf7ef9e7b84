/* test_micro_panel: the microstates scenario's two panels drawn alone, headless, with the
 * software renderer. PARTICLES: each coin's cell has the heads blue exactly when the coin
 * shows heads; a million coins draw as blocks whose mean shade is the share of heads.
 * MACROSTATES: the "now" marker stands at the current k, the bar of a bin is its share of
 * the steps and the outline its share of microstates W(k)/2ⁿ. Both: no label overlaps
 * another or leaves the panel, and nothing is drawn outside it, at sizes from 300x200 to
 * 1300x900, in both themes. XL_SHOT_DIR=dir saves each frame as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_panel.h"
#include "ui_panel_micro.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_micro.h"
#include "xl_scn_gaussian.h"

#include "panel_fixture.h"

/* The fixture's sizes and the ends of the range the panels must work over. */
static const size_case extra_sizes[] = {
    {300, 200, 640, 480},
    {560, 370, 1280, 720},   /* the data place at 1280x720 */
    {690, 420, 1280, 720},   /* the side place at 1280x720 */
    {840, 560, 1920, 1080},
    {1300, 900, 1920, 1080},
    {420, 600, 1280, 720},   /* tall and narrow */
    {300, 200, 1920, 1080},  /* small, with the big fonts of a big window */
};
enum { EXTRA_COUNT = (int)(sizeof extra_sizes / sizeof extra_sizes[0]), ALL_SIZES = SIZE_COUNT + EXTRA_COUNT };

static size_case size_at(int i)
{
    return i < SIZE_COUNT ? sizes[i] : extra_sizes[i - SIZE_COUNT];
}

typedef enum which_panel { PARTICLES, MACROSTATES } which_panel;

typedef struct frame {
    panel_frame p;
    ui_micro_particles_geom parts;
    ui_micro_macro_geom macro;
    Uint32 ms;  /* how long the draw took */
} frame;

static void frame_draw(frame *f, const xl_session *s, which_panel which, size_case sz, ui_theme_kind kind,
                       xl_unit unit, const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    ctx.unit = unit;
    Uint32 t0 = SDL_GetTicks();
    if (which == PARTICLES) ui_micro_particles_panel_draw(&ctx, f->p.area, s, &f->parts);
    else ui_micro_macrostates_panel_draw(&ctx, f->p.area, s, &f->macro);
    f->ms = SDL_GetTicks() - t0;
    panel_frame_done(&f->p, which == PARTICLES ? "micro_particles" : "micro_macro", shot, sz);
}

static void frame_close(frame *f)
{
    panel_frame_close(&f->p);
}

/* A microstates session: n coins, `flips` per step, a fair random start or all heads. */
static xl_session *micro_session(long n, long flips, int random_start, uint64_t seed)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, &xl_scenario_micro);
    d.params[xl_scenario_param_index(&xl_scenario_micro, "n")] = (double)n;
    d.params[xl_scenario_param_index(&xl_scenario_micro, "flips")] = (double)flips;
    d.params[xl_scenario_param_index(&xl_scenario_micro, "random_start")] = random_start;
    d.grid = 16; /* the panels do not read the landscape: keep the test quick */
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

static const xl_micro_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

/* Pixel (x, y), which the caller has kept on the surface. Check logs every assertion to
 * a file, so loops over thousands of pixels read them here and assert once. */
static SDL_Color raw_pixel(const panel_frame *f, int x, int y)
{
    Uint32 v = ((const Uint32 *)f->surface->pixels)[(size_t)y * (f->surface->pitch / 4) + x];
    return (SDL_Color){(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
}

/* The middle pixel of cell i (the picture lies inside the panel: checked by the callers). */
static SDL_Color cell_pixel(const frame *f, long i)
{
    const ui_micro_particles_geom *g = &f->parts;
    int fill_w = g->pitch_x - g->gap, fill_h = g->pitch_y - g->gap;
    int x = g->grid.x + (int)(i % g->cols) * g->pitch_x + fill_w / 2;
    int y = g->grid.y + (int)(i / g->cols) * g->pitch_y + fill_h / 2;
    return raw_pixel(&f->p, x, y);
}

static void check_grid_inside(const frame *f, const char *what)
{
    SDL_Rect g = f->parts.grid, a = f->p.area;
    ck_assert_msg(g.x >= a.x && g.y >= a.y && g.x + g.w <= a.x + a.w && g.y + g.h <= a.y + a.h,
                  "%s: picture (%d,%d %dx%d) leaves the panel (%d,%d %dx%d)", what, g.x, g.y, g.w, g.h, a.x, a.y, a.w,
                  a.h);
    ck_assert_msg(f->parts.rows <= (f->parts.count + f->parts.cols - 1) / f->parts.cols &&
                      (long)f->parts.rows * f->parts.cols >= f->parts.count,
                  "%s: %d x %d grid for %ld cells", what, f->parts.cols, f->parts.rows, f->parts.count);
}

/* Cells are as the coins say: heads blue exactly on heads, the tails fill on tails. */
static void check_cells(const frame *f, const xl_micro_state *st, const char *what)
{
    const ui_micro_particles_geom *g = &f->parts;
    ck_assert_msg(g->view == UI_MICRO_CELLS, "%s: view %d, not cells", what, g->view);
    ck_assert_msg(g->count == st->n, "%s: %ld cells for %ld coins", what, g->count, st->n);
    ck_assert_msg(g->pitch_x - g->gap >= 3, "%s: cells of %d px", what, g->pitch_x - g->gap);
    check_grid_inside(f, what);
    long blue = 0, wrong = 0, first = -1;
    SDL_Color seen = {0, 0, 0, 0};
    for (long i = 0; i < st->n; i++) {
        SDL_Color c = cell_pixel(f, i);
        int heads = same(c, f->p.theme->truth, 3);
        blue += heads;
        if (heads != xl_micro_heads_at(st, i) || (!heads && !same(c, g->tails, 3))) {
            if (first < 0) {
                first = i;
                seen = c;
            }
            wrong++;
        }
    }
    ck_assert_msg(wrong == 0, "%s: %ld cells not as their coins, first coin %ld (%s) drawn (%d,%d,%d)", what, wrong,
                  first, first >= 0 && xl_micro_heads_at(st, first) ? "heads" : "tails", seen.r, seen.g, seen.b);
    ck_assert_msg(blue == st->heads, "%s: %ld heads-blue cells, k = %ld", what, blue, st->heads);
}

START_TEST(all_heads_colour_every_cell)
{
    xl_session *s = micro_session(10, 1, 0, 1);
    const xl_micro_state *st = state_of(s);
    ck_assert_int_eq(st->heads, 10);
    for (int k = 0; k < ALL_SIZES; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, PARTICLES, size_at(k), (ui_theme_kind)t, XL_NATS, "all_heads");
            char what[96];
            snprintf(what, sizeof what, "%dx%d %s", size_at(k).w, size_at(k).h, f.p.theme->name);
            check_cells(&f, st, what);
            frame_close(&f);
        }
    xl_session_destroy(s);
}
END_TEST

START_TEST(cells_follow_the_flips)
{
    const long ns[] = {2, 10, 100, 1000, 2500};
    for (int i = 0; i < 5; i++) {
        xl_session *s = micro_session(ns[i], 3, 1, 7 + (uint64_t)i);
        xl_session_run(s, 41);
        const xl_micro_state *st = state_of(s);
        for (int k = 0; k < 2; k++) /* the two usual places at 1280x720 */
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, s, PARTICLES, extra_sizes[1 + k], (ui_theme_kind)t, XL_NATS, "flips");
                char what[96];
                snprintf(what, sizeof what, "n %ld %dx%d %s", ns[i], extra_sizes[1 + k].w, extra_sizes[1 + k].h,
                         f.p.theme->name);
                check_cells(&f, st, what);
                ck_assert_msg(f.parts.formula_lines >= 1, "%s: no S = ln W(k) line", what);
                frame_close(&f);
            }
        xl_session_destroy(s);
    }
}
END_TEST

/* The share of heads a block's colour says: its position from the tails fill to the heads
 * blue, along the channel where they differ most. */
static double shade_share(SDL_Color c, SDL_Color tails, SDL_Color heads)
{
    int dr = heads.r - tails.r, dg = heads.g - tails.g, db = heads.b - tails.b;
    int ar = abs(dr), ag = abs(dg), ab = abs(db);
    if (ar >= ag && ar >= ab) return (double)(c.r - tails.r) / dr;
    if (ag >= ab) return (double)(c.g - tails.g) / dg;
    return (double)(c.b - tails.b) / db;
}

static void check_blocks(const frame *f, const xl_micro_state *st, const char *what)
{
    const ui_micro_particles_geom *g = &f->parts;
    ck_assert_msg(g->view == UI_MICRO_BLOCKS, "%s: view %d, not blocks", what, g->view);
    ck_assert_msg(g->per_block >= 2 && g->count == (st->n + g->per_block - 1) / g->per_block,
                  "%s: %ld blocks of %ld coins for n = %ld", what, g->count, g->per_block, st->n);
    ck_assert_msg(g->pitch_x >= 3 && g->pitch_y >= 3, "%s: blocks of %dx%d px", what, g->pitch_x, g->pitch_y);
    check_grid_inside(f, what);
    double sum = 0.0, weight = 0.0, off = 0.0;
    for (long b = 0; b < g->count; b++) {
        long coins = b + 1 < g->count ? g->per_block : st->n - b * g->per_block;
        double share = shade_share(cell_pixel(f, b), g->tails, g->heads);
        if (!(share > -0.02 && share < 1.02)) off = share;
        sum += share * coins;
        weight += coins;
    }
    ck_assert_msg(off == 0.0, "%s: a block shaded off the ramp (%.3f)", what, off);
    double want = (double)st->heads / (double)st->n, got = sum / weight;
    ck_assert_msg(fabs(got - want) < 0.02, "%s: mean shade says %.4f heads, k/n = %.4f", what, got, want);
}

START_TEST(a_million_coins_shade_as_their_heads)
{
    struct {
        int random_start;
        long flips;
        int steps;
    } cases[] = {{0, 1, 0}, {0, 1000, 300}, {1, 1, 3}, {0, 100000, 40}};
    for (int c = 0; c < 4; c++) {
        xl_session *s = micro_session(XL_MICRO_MAX_N, cases[c].flips, cases[c].random_start, 3);
        if (cases[c].steps) xl_session_run(s, cases[c].steps);
        const xl_micro_state *st = state_of(s);
        for (int k = 0; k < ALL_SIZES; k += 2)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, s, PARTICLES, size_at(k), (ui_theme_kind)t, XL_NATS, "million");
                char what[96];
                snprintf(what, sizeof what, "case %d (k %ld) %dx%d %s", c, st->heads, size_at(k).w, size_at(k).h,
                         f.p.theme->name);
                check_blocks(&f, st, what);
                /* Software rendering in a test, with checks on: generous, but it must not
                 * take the frame's whole budget. */
                ck_assert_msg(f.ms < 300, "%s: drawing took %u ms", what, (unsigned)f.ms);
                frame_close(&f);
            }
        xl_session_destroy(s);
    }
}
END_TEST

static float k_pixel(const ui_micro_macro_geom *g, double k)
{
    return (float)(g->plot.x + (k - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w);
}

static float share_pixel(const ui_micro_macro_geom *g, double share)
{
    return (float)(g->plot.y + (1.0 - share / g->y_max) * g->plot.h);
}

/* The middle of the run of select-coloured pixels in row y, or -1. */
static float select_column(const frame *f, int y)
{
    int first = -1, last = -1;
    ck_assert(y >= 0 && y < f->p.surface->h && f->macro.plot.x >= 0 && f->macro.plot.x + f->macro.plot.w < f->p.surface->w);
    for (int x = f->macro.plot.x; x <= f->macro.plot.x + f->macro.plot.w; x++)
        if (same(raw_pixel(&f->p, x, y), f->p.theme->select, 3)) {
            if (first < 0) first = x;
            last = x;
        }
    return first < 0 ? -1.0f : (first + last) / 2.0f;
}

START_TEST(now_marker_stands_at_k)
{
    struct {
        long n, flips;
        int random_start, steps;
    } cases[] = {{10, 1, 0, 0}, {10, 1, 1, 17}, {100, 1, 0, 60}, {2, 1, 1, 5}, {XL_MICRO_MAX_N, 1000, 0, 30}};
    for (int c = 0; c < 5; c++) {
        xl_session *s = micro_session(cases[c].n, cases[c].flips, cases[c].random_start, 11);
        if (cases[c].steps) xl_session_run(s, cases[c].steps);
        const xl_micro_state *st = state_of(s);
        for (int k = 0; k < ALL_SIZES; k++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, s, MACROSTATES, size_at(k), (ui_theme_kind)t, XL_NATS, "now");
                const ui_micro_macro_geom *g = &f.macro;
                ck_assert_msg(g->drawn, "n %ld %dx%d: not drawn", st->n, size_at(k).w, size_at(k).h);
                float want = k_pixel(g, (double)st->heads);
                float got = select_column(&f, g->plot.y + 2);
                ck_assert_msg(got >= 0.0f && fabsf(got - want) <= 1.5f,
                              "n %ld k %ld %dx%d %s: marker at column %.1f, k is at %.1f", st->n, st->heads,
                              size_at(k).w, size_at(k).h, f.p.theme->name, got, want);
                ck_assert_msg(fabsf(g->now_x - want) <= 0.5f, "marker recorded at %.1f, k at %.1f", g->now_x, want);
                if (size_at(k).w >= 400)
                    ck_assert_msg(g->now_label, "n %ld %dx%d: no 'now k' label", st->n, size_at(k).w, size_at(k).h);
                frame_close(&f);
            }
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(bars_are_time_and_outlines_are_microstates)
{
    /* Step 0, all heads: every step so far at k = n, a bar of share 1 to the top. */
    xl_session *s = micro_session(10, 1, 0, 5);
    const xl_micro_state *st = state_of(s);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        frame_draw(&f, s, MACROSTATES, extra_sizes[2], (ui_theme_kind)t, XL_NATS, "bars");
        const ui_micro_macro_geom *g = &f.macro;
        ck_assert_double_eq_tol(g->y_max, 1.0, 1e-12);
        float slot = k_pixel(g, 1.0) - k_pixel(g, 0.0);
        /* A quarter slot off the marker at k = 10, just under the top: orange. */
        int x = (int)(k_pixel(g, 10.0) - slot / 4.0f), y = (int)share_pixel(g, 1.0) + 4;
        SDL_Color c = pixel(&f.p, x, y);
        ck_assert_msg(same(c, f.p.theme->model, 3), "%s: bar of share 1 at (%d,%d) is (%d,%d,%d)", f.p.theme->name, x,
                      y, c.r, c.g, c.b);
        /* k = 9 was never visited: no bar, but an outline at W(9)/2^10 = 10/1024. */
        c = pixel(&f.p, (int)k_pixel(g, 9.0), (int)share_pixel(g, 0.5));
        ck_assert_msg(same(c, f.p.theme->panel, 3), "%s: a bar at the unvisited k = 9 (%d,%d,%d)", f.p.theme->name,
                      c.r, c.g, c.b);
        /* k = 5 holds W = 252 of the 1024 microstates: the outline's top is there. */
        float top = share_pixel(g, st->mass[5]);
        ck_assert_msg(near_color(&f.p, k_pixel(g, 5.0), top, 3, f.p.theme->truth),
                      "%s: no W(5)/2ⁿ outline near row %.1f", f.p.theme->name, top);
        frame_close(&f);
    }
    /* After many steps the bars approach the outlines: the fullest bar is near the middle. */
    xl_session_run(s, 20000);
    long best = 0;
    for (int i = 1; i < st->bins; i++)
        if (st->visits[i] > st->visits[best]) best = i;
    ck_assert_msg(labs(best - 5) <= 1, "most visited k = %ld after 20000 steps", best);
    frame f;
    frame_draw(&f, s, MACROSTATES, extra_sizes[2], UI_THEME_LIGHT, XL_NATS, "bars_late");
    float y = share_pixel(&f.macro, (double)st->visits[5] / (double)st->visits_total);
    ck_assert_msg(near_color(&f.p, k_pixel(&f.macro, 5.0) - 6.0f, y + 3.0f, 2, f.p.theme->model),
                  "no bar top for k = 5 near row %.1f", y);
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Every label inside the panel and clear of every other, and every pixel outside the
 * panel still the background. */
static void check_frame(const frame *f, const char *what)
{
    panel_labels_readable(&f->p, what);
    panel_drawn_inside(&f->p, what);
}

static void check_labels(xl_session *s, const char *what)
{
    for (int k = 0; k < ALL_SIZES; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++)
            for (int which = 0; which < 2; which++) {
                xl_unit unit = (k + t) % 2 ? XL_BITS : XL_NATS;
                frame f;
                frame_draw(&f, s, (which_panel)which, size_at(k), (ui_theme_kind)t, unit, NULL);
                char msg[128];
                snprintf(msg, sizeof msg, "%s %s %dx%d %s %s", what, which ? "macrostates" : "particles",
                         size_at(k).w, size_at(k).h, f.p.theme->name, xl_unit_name(unit));
                ck_assert_msg(which ? f.macro.drawn : f.parts.view != UI_MICRO_NONE, "%s: not drawn", msg);
                check_frame(&f, msg);
                frame_close(&f);
            }
}

START_TEST(labels_never_overlap)
{
    struct {
        long n, flips;
        int random_start, steps;
        const char *what;
    } cases[] = {
        {10, 1, 0, 0, "n 10 start"},
        {10, 1, 0, 50, "n 10 step 50"},
        {2, 1, 0, 3, "n 2"},
        {100, 1, 1, 200, "n 100 random"},
        {2500, 10, 1, 20, "n 2500"},
        {5000, 10, 0, 20, "n 5000"},
        {XL_MICRO_MAX_N, 1000, 0, 30, "n 10^6"},
        {XL_MICRO_MAX_N, 1, 1, 2, "n 10^6 random"},
    };
    for (int c = 0; c < (int)(sizeof cases / sizeof cases[0]); c++) {
        xl_session *s = micro_session(cases[c].n, cases[c].flips, cases[c].random_start, 2);
        if (cases[c].steps) xl_session_run(s, cases[c].steps);
        check_labels(s, cases[c].what);
        xl_session_destroy(s);
    }
    /* k = 0: the marker and its label at the left end. */
    for (uint64_t seed = 0; seed < 64; seed++) {
        xl_session *s = micro_session(2, 1, 1, seed);
        if (state_of(s)->heads == 0) {
            check_labels(s, "n 2 k 0");
            xl_session_destroy(s);
            return;
        }
        xl_session_destroy(s);
    }
    ck_abort_msg("no seed below 64 starts two coins at k = 0");
}
END_TEST

START_TEST(another_scenario_gets_the_bare_frame)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_gaussian);
    d.grid = 16;
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    frame f;
    frame_draw(&f, s, PARTICLES, sizes[0], UI_THEME_DARK, XL_NATS, NULL);
    ck_assert_int_eq(f.parts.view, UI_MICRO_NONE);
    check_frame(&f, "gaussian particles");
    frame_close(&f);
    frame_draw(&f, s, MACROSTATES, sizes[0], UI_THEME_DARK, XL_NATS, NULL);
    ck_assert_int_eq(f.macro.drawn, 0);
    check_frame(&f, "gaussian macrostates");
    frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("micro_panel");
    TCase *cells = tcase_create("coins as cells");
    tcase_set_timeout(cells, 120);
    tcase_add_test(cells, all_heads_colour_every_cell);
    tcase_add_test(cells, cells_follow_the_flips);
    suite_add_tcase(s, cells);
    TCase *blocks = tcase_create("coins as blocks");
    tcase_set_timeout(blocks, 120);
    tcase_add_test(blocks, a_million_coins_shade_as_their_heads);
    suite_add_tcase(s, blocks);
    TCase *macro = tcase_create("macrostate histogram");
    tcase_set_timeout(macro, 120);
    tcase_add_test(macro, now_marker_stands_at_k);
    tcase_add_test(macro, bars_are_time_and_outlines_are_microstates);
    suite_add_tcase(s, macro);
    TCase *labels = tcase_create("labels and bounds");
    tcase_set_timeout(labels, 120);
    tcase_add_test(labels, labels_never_overlap);
    tcase_add_test(labels, another_scenario_gets_the_bare_frame);
    suite_add_tcase(s, labels);
    return s;
}

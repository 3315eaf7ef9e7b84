/* test_solids_panel: the two solids' panels drawn alone, headless, with the software
 * renderer, pixels read back.
 *
 * TWO SOLIDS: at the hot start every cell of B is the empty grey and every cell of A
 * the shade of the units its oscillator holds; A's thermometer stands higher than B's,
 * the arrow points A → B; run to the most probable split and the two columns stand
 * within a pixel, the arrow gone. Large solids draw blocks of means, the q_A chain one
 * shade per solid. HOW MANY WAYS: the "now" marker stands at the current q_A's column,
 * the dashed one at q_A*, each bar's top at its P; S over time spans the history. Both:
 * no label overlaps another or leaves the panel, and nothing is drawn outside it, at the
 * data and side places of 1280x720 and 1920x1080, focused, and small, in both themes.
 * XL_SHOT_DIR=dir saves each frame as a PNG. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_panel.h"
#include "ui_panel_solids.h"
#include "ui_panels.h"
#include "ui_text.h"
#include "ui_theme.h"
#include "xl_scn_micro.h"
#include "xl_scn_solids.h"

#include "panel_fixture.h"

/* The fixture's sizes and the places the panels take in real frames. */
static const size_case extra_sizes[] = {
    {564, 326, 1280, 720},   /* the data place at 1280x720 */
    {690, 370, 1280, 720},   /* the side place at 1280x720 */
    {850, 500, 1920, 1080},  /* the data place at 1920x1080 */
    {1040, 550, 1920, 1080}, /* the side place at 1920x1080 */
    {1262, 540, 1280, 720},  /* focused at 1280x720 */
    {420, 600, 1280, 720},   /* tall and narrow */
    {300, 200, 1920, 1080},  /* small, with the big fonts of a big window */
};
enum { EXTRA_COUNT = (int)(sizeof extra_sizes / sizeof extra_sizes[0]), ALL_SIZES = SIZE_COUNT + EXTRA_COUNT };

static size_case size_at(int i)
{
    return i < SIZE_COUNT ? sizes[i] : extra_sizes[i - SIZE_COUNT];
}

typedef enum which_panel { SOLIDS, WAYS } which_panel;

typedef struct frame {
    panel_frame p;
    ui_solids_geom solids;
    ui_solids_ways_geom ways;
} frame;

static void frame_draw(frame *f, const xl_session *s, which_panel which, size_case sz, ui_theme_kind kind,
                       const char *shot)
{
    ui_ctx ctx = panel_frame_open(&f->p, sz, kind);
    if (which == SOLIDS) ui_solids_panel_draw(&ctx, f->p.area, s, &f->solids);
    else ui_solids_ways_panel_draw(&ctx, f->p.area, s, &f->ways);
    panel_frame_done(&f->p, which == SOLIDS ? "solids" : "solids_ways", shot, sz);
}

/* A solids session with parameters names[i] = values[i]. */
static xl_session *solids_session(const char *const *names, const double *values, int n)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_solids);
    for (int i = 0; i < n; i++) {
        int k = xl_scenario_param_index(&xl_scenario_solids, names[i]);
        ck_assert_msg(k >= 0, "no parameter %s", names[i]);
        d.params[k] = values[i];
    }
    d.grid = 16; /* the panels do not read the landscape */
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "session: %s", err);
    return s;
}

static const xl_solids_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

static SDL_Color raw_pixel(const panel_frame *f, int x, int y)
{
    Uint32 v = ((const Uint32 *)f->surface->pixels)[(size_t)y * (f->surface->pitch / 4) + x];
    return (SDL_Color){(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
}

/* The middle pixel of solid `which`'s cell i. */
static SDL_Color cell_pixel(const frame *f, int which, long i)
{
    const ui_solids_geom *g = &f->solids;
    int fill = g->pitch - g->gap;
    int x = g->grid[which].x + (int)(i % g->cols[which]) * g->pitch + fill / 2;
    int y = g->grid[which].y + (int)(i / g->cols[which]) * g->pitch + fill / 2;
    return raw_pixel(&f->p, x, y);
}

static int inside(SDL_Rect in, SDL_Rect area)
{
    return in.x >= area.x && in.y >= area.y && in.x + in.w <= area.x + area.w && in.y + in.h <= area.y + area.h;
}

/* Every cell is the shade of its oscillator's units: B's all empty at the hot start. */
static void check_cells(const frame *f, const xl_solids_state *st, const char *what)
{
    const ui_solids_geom *g = &f->solids;
    ck_assert_msg(g->view == UI_SOLIDS_CELLS, "%s: view %d, not cells", what, g->view);
    ck_assert_msg(g->pitch - g->gap >= 3, "%s: cells of %d px", what, g->pitch - g->gap);
    const long n[2] = {st->n_a, st->n_b};
    long wrong = 0, first = -1;
    for (int w = 0; w < 2; w++) {
        ck_assert_msg(inside(g->grid[w], f->p.area), "%s: solid %c's picture leaves the panel", what, "AB"[w]);
        ck_assert_msg((long)g->cols[w] * g->rows[w] >= n[w], "%s: %d x %d cells for %ld", what, g->cols[w],
                      g->rows[w], n[w]);
        for (long i = 0; i < n[w]; i++) {
            const unsigned units = st->energy[(w ? st->n_a : 0) + i];
            SDL_Color want = ui_solids_shade(f->p.theme, units, g->energy_top);
            if (!same(cell_pixel(f, w, i), want, 3)) {
                if (first < 0) first = i;
                wrong++;
            }
        }
    }
    ck_assert_msg(wrong == 0, "%s: %ld cells not their oscillator's shade (first %ld)", what, wrong, first);
}

START_TEST(the_hot_start_draws_every_oscillator)
{
    xl_session *s = solids_session(NULL, NULL, 0);
    const xl_solids_state *st = state_of(s);
    ck_assert_int_eq(st->q_a, st->q);
    const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
    for (int k = 0; k < ALL_SIZES; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, SOLIDS, size_at(k), (ui_theme_kind)t, "hot");
            char what[96];
            snprintf(what, sizeof what, "%dx%d %s", size_at(k).w, size_at(k).h, f.p.theme->name);
            if (f.solids.view == UI_SOLIDS_NONE) { /* only the smallest may give up */
                ck_assert_msg(size_at(k).w <= 300, "%s: nothing drawn", what);
                panel_frame_close(&f.p);
                continue;
            }
            /* The real places draw one cell per oscillator; a small panel may group them. */
            if (k >= SIZE_COUNT && k < SIZE_COUNT + 5) check_cells(&f, st, what);
            /* B holds nothing: all its cells are the empty grey. */
            SDL_Color empty = ui_solids_shade(f.p.theme, 0.0, f.solids.energy_top);
            for (long i = 0; i < (st->n_b + f.solids.per_cell - 1) / f.solids.per_cell; i++)
                ck_assert_msg(same(cell_pixel(&f, 1, i), empty, 3), "%s: B's cell %ld is not empty", what, i);
            /* A's thermometer stands higher (a smaller row) than B's, at T_B = 0 not at all,
             * and the arrow points A → B. */
            if (f.solids.tube[0].h > 0) {
                ck_assert_msg(f.solids.fill_top[0] < f.solids.fill_top[1] - 5, "%s: fills at rows %d and %d", what,
                              f.solids.fill_top[0], f.solids.fill_top[1]);
                ck_assert_int_eq(f.solids.fill_top[1], f.solids.tube[1].y + f.solids.tube[1].h);
                /* Halfway down A's column: mercury in A's tube, glass in B's. */
                int y = (f.solids.fill_top[0] + f.solids.fill_top[1]) / 2;
                SDL_Color hot = f.p.theme->surprise;
                int xa = f.solids.tube[0].x + f.solids.tube[0].w / 2, xb = f.solids.tube[1].x + f.solids.tube[1].w / 2;
                ck_assert_msg(same(raw_pixel(&f.p, xa, y), hot, 3), "%s: A's tube not filled at row %d", what, y);
                ck_assert_msg(same(raw_pixel(&f.p, xb, y), f.p.theme->panel, 3), "%s: B's tube filled at row %d",
                              what, y);
                ck_assert_int_eq(f.solids.arrow, 1);
                ck_assert_msg(f.solids.arrow_len > 0, "%s: no arrow", what);
                /* T_A = 0.7227 on a scale to 1: the fill is that share of the tube. */
                double share = (double)(f.solids.tube[0].y + f.solids.tube[0].h - f.solids.fill_top[0]) /
                               f.solids.tube[0].h;
                ck_assert_msg(fabs(share - 0.7227 / f.solids.t_top) <= 1.0 / f.solids.tube[0].h + 1e-9,
                              "%s: A's fill %.4f of the tube, T_A/top = %.4f", what, share, 0.7227 / f.solids.t_top);
            }
            (void)th;
            panel_frame_close(&f.p);
        }
    xl_session_destroy(s);
}
END_TEST

START_TEST(the_thermometers_meet_where_w_is_largest)
{
    static const char *const names[] = {"exchanges"};
    static const double values[] = {20};
    xl_session *s = solids_session(names, values, 1);
    const xl_solids_state *st = state_of(s);
    /* Run until q_A first reaches the most probable split (step 78 from seed 0). */
    int steps = 0;
    while (st->q_a != st->q_a_likely && steps < 5000) {
        xl_session_run(s, 1);
        steps++;
    }
    ck_assert_int_eq(st->q_a, st->q_a_likely);
    ck_assert_int_gt(steps, 10);
    for (int k = SIZE_COUNT; k < SIZE_COUNT + 5; k++)
        for (int t = 0; t < UI_THEME_COUNT; t++) {
            frame f;
            frame_draw(&f, s, SOLIDS, size_at(k), (ui_theme_kind)t, "met");
            char what[96];
            snprintf(what, sizeof what, "%dx%d %s", size_at(k).w, size_at(k).h, f.p.theme->name);
            check_cells(&f, st, what);
            ck_assert_msg(abs(f.solids.fill_top[0] - f.solids.fill_top[1]) <= 1, "%s: fills at rows %d and %d", what,
                          f.solids.fill_top[0], f.solids.fill_top[1]);
            /* T_A = 0.5590, T_B = 0.5594: heat flows B → A, but too little to draw. */
            ck_assert_int_eq(f.solids.arrow, -1);
            ck_assert_int_eq(f.solids.arrow_len, 0);
            panel_labels_readable(&f.p, what);
            panel_frame_close(&f.p);
        }
    xl_session_destroy(s);
}
END_TEST

START_TEST(large_solids_draw_blocks_and_the_chain_one_shade)
{
    static const char *const names[] = {"n_a", "n_b", "q"};
    static const double blocks[] = {30000, 20000, 10000}, chain[] = {600000, 400000, 1000000};
    xl_session *s = solids_session(names, blocks, 3);
    xl_session_run(s, 10);
    frame f;
    frame_draw(&f, s, SOLIDS, extra_sizes[0], UI_THEME_LIGHT, "blocks");
    ck_assert_int_eq(f.solids.view, UI_SOLIDS_BLOCKS);
    ck_assert_int_gt(f.solids.per_cell, 1);
    /* B's first block: the mean of its oscillators' units. */
    const xl_solids_state *st = state_of(s);
    double sum = 0.0;
    long m = f.solids.per_cell;
    for (long i = 0; i < m; i++) sum += st->energy[st->n_a + i];
    SDL_Color want = ui_solids_shade(f.p.theme, sum / (double)m, f.solids.energy_top);
    SDL_Color got = raw_pixel(&f.p, f.solids.grid[1].x + f.solids.pitch / 2, f.solids.grid[1].y + f.solids.pitch / 2);
    ck_assert_msg(same(got, want, 3), "B's first block (%d,%d,%d), want (%d,%d,%d)", got.r, got.g, got.b, want.r,
                  want.g, want.b);
    /* A's block is wider: 30 000 oscillators against 20 000 at one pitch. */
    ck_assert_int_gt(f.solids.grid[0].w * f.solids.grid[0].h, f.solids.grid[1].w * f.solids.grid[1].h);
    panel_labels_readable(&f.p, "blocks");
    panel_drawn_inside(&f.p, "blocks");
    panel_frame_close(&f.p);
    xl_session_destroy(s);

    s = solids_session(names, chain, 3);
    xl_session_run(s, 3);
    st = state_of(s);
    ck_assert_int_eq(st->mode, XL_SOLIDS_CHAIN);
    frame_draw(&f, s, SOLIDS, extra_sizes[0], UI_THEME_DARK, "chain");
    ck_assert_int_eq(f.solids.view, UI_SOLIDS_CHAIN);
    for (int w = 0; w < 2; w++) {
        long n = w ? st->n_b : st->n_a, q = w ? st->q - st->q_a : st->q_a;
        want = ui_solids_shade(f.p.theme, (double)q / (double)n, f.solids.energy_top);
        got = raw_pixel(&f.p, f.solids.grid[w].x + 1, f.solids.grid[w].y + 1);
        ck_assert_msg(same(got, want, 3), "solid %c in the chain: (%d,%d,%d), want its mean's shade", "AB"[w], got.r,
                      got.g, got.b);
    }
    panel_labels_readable(&f.p, "chain");
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

/* q_A's column on the P(q_A) plot: whole q_A in the middle of its slot. */
static double column_of(const ui_solids_ways_geom *g, double qa)
{
    return g->plot.x + (qa - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w;
}

START_TEST(the_markers_stand_at_now_and_at_the_most_probable)
{
    static const char *const names[] = {"exchanges"};
    static const double values[] = {20};
    xl_session *s = solids_session(names, values, 1);
    for (int round = 0; round < 3; round++) {
        xl_session_run(s, round == 0 ? 0 : 40);
        const xl_solids_state *st = state_of(s);
        for (int k = SIZE_COUNT; k < SIZE_COUNT + 5; k++)
            for (int t = 0; t < UI_THEME_COUNT; t++) {
                frame f;
                frame_draw(&f, s, WAYS, size_at(k), (ui_theme_kind)t, "ways");
                char what[96];
                snprintf(what, sizeof what, "step %ld %dx%d %s", st->t, size_at(k).w, size_at(k).h, f.p.theme->name);
                const ui_solids_ways_geom *g = &f.ways;
                ck_assert_msg(g->drawn, "%s: no plot", what);
                ck_assert_msg(fabs(g->now_x - column_of(g, (double)st->q_a)) <= 1.0, "%s: now at x %.1f, q_A %ld at %.1f",
                              what, g->now_x, st->q_a, column_of(g, (double)st->q_a));
                ck_assert_msg(fabs(g->likely_x - column_of(g, (double)st->q_a_likely)) <= 1.0, "%s: q_A* at x %.1f",
                              what, g->likely_x);
                ck_assert_msg(g->now_label && g->likely_label, "%s: a marker's label is missing", what);
                /* The now marker is yellow halfway down the plot (a bar may stand behind it). */
                ck_assert_msg(near_color(&f.p, g->now_x, g->plot.y + g->plot.h / 2.0f, 1, f.p.theme->select),
                              "%s: no yellow at the now marker", what);
                /* The most probable bin's bar reaches its P. */
                int mode_bin = 0;
                for (int i = 0; i < st->bins; i++)
                    if (st->mass[i] > st->mass[mode_bin]) mode_bin = i;
                float top = (float)(g->plot.y + (1.0 - st->mass[mode_bin] / g->y_max) * g->plot.h);
                float x = (float)column_of(g, (st->edge[mode_bin] + st->edge[mode_bin + 1] - 1) / 2.0);
                ck_assert_msg(near_color(&f.p, x + 3.0f, top + 2.0f, 1, f.p.theme->truth) &&
                                  !near_color(&f.p, x + 3.0f, top - 4.0f, 1, f.p.theme->truth),
                              "%s: the mode's bar does not end at P = %.4f", what, st->mass[mode_bin]);
                /* S over time spans the kept history, step 0 included while it fits. */
                ck_assert_msg(g->entropy_drawn, "%s: no S over time", what);
                ck_assert_int_eq(g->t_last, st->t);
                ck_assert_int_eq(g->t_first, st->t - st->history_count + 1);
                panel_labels_readable(&f.p, what);
                panel_drawn_inside(&f.p, what);
                panel_frame_close(&f.p);
            }
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(labels_never_overlap)
{
    /* The default run, a small pair that runs backwards, separated solids, and sizes. */
    static const char *const names[] = {"n_a", "n_b", "q", "window", "exchanges"};
    static const double small[] = {6, 4, 10, 10, 10}, big[] = {2, 1000000, 10000000, 1000, 1000};
    xl_session *runs[3] = {solids_session(NULL, NULL, 0), solids_session(names, small, 5),
                           solids_session(names, big, 5)};
    xl_session_run(runs[0], 60);
    xl_session_run(runs[1], 150);
    xl_session_run(runs[2], 5);
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < ALL_SIZES; k++)
            for (int t = 0; t < UI_THEME_COUNT; t++)
                for (int w = 0; w < 2; w++) {
                    frame f;
                    frame_draw(&f, runs[r], w ? WAYS : SOLIDS, size_at(k), (ui_theme_kind)t, NULL);
                    char what[96];
                    snprintf(what, sizeof what, "run %d %s", r, w ? "ways" : "solids");
                    panel_labels_readable(&f.p, what);
                    panel_drawn_inside(&f.p, what);
                    panel_frame_close(&f.p);
                }
    for (int r = 0; r < 3; r++) xl_session_destroy(runs[r]);
}
END_TEST

START_TEST(another_scenario_gets_the_bare_frame)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    xl_session_desc_set_scenario(&d, &xl_scenario_micro);
    d.grid = 16;
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    frame f;
    frame_draw(&f, s, SOLIDS, extra_sizes[0], UI_THEME_LIGHT, NULL);
    ck_assert_int_eq(f.solids.view, UI_SOLIDS_NONE);
    panel_frame_close(&f.p);
    frame_draw(&f, s, WAYS, extra_sizes[1], UI_THEME_LIGHT, NULL);
    ck_assert_int_eq(f.ways.drawn, 0);
    panel_frame_close(&f.p);
    xl_session_destroy(s);
}
END_TEST

/* The status bar of solids too long to describe in full (2 + 1 000 000 oscillators, a
 * million exchanges a step) falls back to the step alone: not to "lr 0.50", which the
 * solids do not have. */
START_TEST(the_status_bar_never_names_a_learning_rate)
{
    static const char *const names[] = {"n_a", "n_b", "q", "exchanges"};
    const double values[] = {2, 1000000, 10000000, 1000000};
    xl_session *s = solids_session(names, values, 4);
    for (int i = 0; i < ALL_SIZES; i++) {
        const size_case sz = size_at(i);
        panel_frame p;
        ui_ctx ctx = panel_frame_open(&p, sz, UI_THEME_LIGHT);
        ui_status_draw(&ctx, (SDL_Rect){0, 0, sz.w, sz.h / 8}, s, 0);
        int steps = 0;
        for (int b = 0; b < p.rec.count && b < MAX_BOXES; b++) {
            ck_assert_msg(strstr(p.boxes[b].text, "lr ") == NULL, "%dx%d: '%s'", sz.w, sz.h, p.boxes[b].text);
            steps += strstr(p.boxes[b].text, "step 0") != NULL;
        }
        ck_assert_msg(steps == 1 || sz.w < 560, "%dx%d: no step in the status bar", sz.w, sz.h);
        panel_frame_done(&p, "solids_status", NULL, sz);
        panel_frame_close(&p);
    }
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("solids panel");
    TCase *solids = tcase_create("two solids");
    tcase_set_timeout(solids, 120);
    tcase_add_test(solids, the_hot_start_draws_every_oscillator);
    tcase_add_test(solids, the_thermometers_meet_where_w_is_largest);
    tcase_add_test(solids, large_solids_draw_blocks_and_the_chain_one_shade);
    suite_add_tcase(s, solids);
    TCase *ways = tcase_create("how many ways");
    tcase_set_timeout(ways, 120);
    tcase_add_test(ways, the_markers_stand_at_now_and_at_the_most_probable);
    suite_add_tcase(s, ways);
    TCase *labels = tcase_create("labels and bounds");
    tcase_set_timeout(labels, 300);
    tcase_add_test(labels, labels_never_overlap);
    tcase_add_test(labels, the_status_bar_never_names_a_learning_rate);
    tcase_add_test(labels, another_scenario_gets_the_bare_frame);
    suite_add_tcase(s, labels);
    return s;
}

/* test_render: frames drawn headless with SDL's software renderer, read back and
 * checked for what a person would see. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "softmax_fixture.h"
#include "ui_library.h"
#include "ui_colormap.h"
#include "ui_focus.h"
#include "ui_panel.h"
#include "ui_scene.h"
#include "ui_theme.h"
#include "xl_player.h"
#include "xl_scenario.h"
#include "scene_fixture.h"

/* Every allocation SDL and SDL_ttf make goes through these, so a frame that
 * allocates shows up in the count. */
static unsigned long sdl_allocations;
static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;
static void *count_malloc(size_t n) { sdl_allocations++; return real_malloc(n); }
static void *count_calloc(size_t n, size_t m) { sdl_allocations++; return real_calloc(n, m); }
static void *count_realloc(void *p, size_t n) { sdl_allocations++; return real_realloc(p, n); }
static void count_free(void *p) { real_free(p); }

/* Our own code's allocations (the app and core libraries, linked into this test with
 * -Wl,--wrap=malloc and friends). */
static unsigned long own_allocations;
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n) { own_allocations++; return __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { own_allocations++; return __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n) { own_allocations++; return __real_realloc(p, n); }

typedef scene_frame frame;

static void frame_draw(frame *f, xl_session *s, ui_theme_kind theme)
{
    ui_view view = {.theme = theme};
    scene_frame_draw(f, s, &view);
}

static SDL_Color pixel(const frame *f, int x, int y)
{
    ck_assert_msg(x >= 0 && y >= 0 && x < f->surface->w && y < f->surface->h,
                  "pixel (%d,%d) outside the frame", x, y);
    Uint32 v = ((const Uint32 *)f->surface->pixels)[(size_t)y * (f->surface->pitch / 4) + x];
    SDL_Color c = {(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
    return c;
}

static int same(SDL_Color a, SDL_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static xl_session *session_with(const double *p, const double *z, int n)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    fixture_set_classes(&d, n, 1);
    fixture_setup_list(&d, "set-p", p, n);
    fixture_setup_list(&d, "set-logits", z, n);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(bar_heights_follow_probabilities)
{
    const double p[3] = {0.5, 0.25, 0.25}, z[3] = {0.0, 0.0, 0.0}; /* Q uniform: 1/3 each */
    xl_session *s = session_with(p, z, 3);
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
    const SDL_Rect plot = f.geom.bars.plot;
    const double want[2][3] = {{0.5, 0.25, 0.25}, {1 / 3.0, 1 / 3.0, 1 / 3.0}};
    for (int series = 0; series < 2; series++) {
        SDL_Color col = series == 0 ? th->truth : th->model;
        for (int i = 0; i < 3; i++) {
            SDL_Rect bar = series == 0 ? f.geom.bars.p_bar[i] : f.geom.bars.q_bar[i];
            /* Near the bar's left edge: its middle carries the gradient's arrow. */
            int x = bar.x + 2;
            /* Walk up from the axis while the pixels have the series colour. */
            int y = plot.y + plot.h - 2;
            ck_assert_msg(same(pixel(&f, x, y), col, 2), "no %s bar at class %d (x=%d)",
                          series ? "Q" : "P", i, x);
            while (y > plot.y && same(pixel(&f, x, y - 1), col, 2)) y--;
            int height = plot.y + plot.h - y;
            double expect = want[series][i] * plot.h;
            ck_assert_msg(fabs(height - expect) <= 1.5,
                          "%s bar %d is %d px tall, expected %.1f (p=%.3f of a %d px axis)",
                          series ? "Q" : "P", i, height, expect, want[series][i], plot.h);
        }
    }
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* The gradient q − p as arrows on the Q bars: up where q is below p (class 1: 1/3 <
 * 1/2), down inside the bar where q is above p (classes 2, 3: 1/3 > 1/4). */
START_TEST(gradient_arrows_point_from_q_toward_p)
{
    const double p[3] = {0.5, 0.25, 0.25}, z[3] = {0.0, 0.0, 0.0};
    xl_session *s = session_with(p, z, 3);
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
    const SDL_Rect plot = f.geom.bars.plot;
    for (int i = 0; i < 3; i++) {
        SDL_Rect bar = f.geom.bars.q_bar[i];
        int x = bar.x + bar.w / 2;
        int yq = plot.y + plot.h - (int)lround(plot.h / 3.0), yp = plot.y + plot.h - (int)lround(p[i] * plot.h);
        int mid = (yq + yp) / 2;
        ck_assert_msg(same(pixel(&f, x, mid), th->text, 40), "class %d: no arrow between q and p at y=%d", i, mid);
        /* Where q is below p the arrow stands above the bar, in the empty plot. */
        if (p[i] > 1 / 3.0) ck_assert(mid < bar.y);
        else ck_assert(mid > bar.y);
    }
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

START_TEST(current_point_is_where_the_optimizer_is)
{
    const double p[4] = {0.4, 0.3, 0.2, 0.1}, z[4] = {-3.0, 2.5, 0.5, -1.0};
    xl_session *s = session_with(p, z, 4);
    xl_session_run(s, 7);
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_DARK);
    const ui_landscape_geom *g = &f.geom.landscape;
    const double *theta = xl_sim_theta(xl_session_sim(s));
    double lo = g->lo, hi = g->hi;
    /* lo sits at the map's left and bottom edges, hi at its right and top edges. */
    double ex = g->map.x + (theta[0] - lo) / (hi - lo) * g->map.w;
    double ey = g->map.y + g->map.h - (theta[1] - lo) / (hi - lo) * g->map.h;
    ck_assert_msg(fabs(g->current_x - ex) < 0.75 && fabs(g->current_y - ey) < 0.75,
                  "current point drawn at (%.1f,%.1f), expected (%.1f,%.1f)", g->current_x, g->current_y, ex, ey);
    SDL_Color c = pixel(&f, (int)lround(ex), (int)lround(ey));
    SDL_Color yellow = ui_theme_get(UI_THEME_DARK)->select;
    ck_assert_msg(same(c, yellow, 8), "pixel at the current point is (%d,%d,%d), not the yellow marker",
                  c.r, c.g, c.b);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Luminance that viridis increases monotonically in. */
static double luma(SDL_Color c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

START_TEST(darkest_cell_is_at_the_minimum)
{
    const double p[4] = {0.4, 0.3, 0.2, 0.1}, z[4] = {4.5, -4.5, 0.0, 0.0};
    xl_session *s = session_with(p, z, 4);
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    const ui_landscape_geom *g = &f.geom.landscape;
    ck_assert_msg(g->has_minimum, "the slice's minimum should be inside the view");
    /* The darkest heatmap pixel: skip the black and white marker pixels, which are not
     * viridis colours (viridis never has all channels below 60 or above 200). */
    double best = 1e9;
    int bx = -1, by = -1;
    for (int y = g->map.y; y < g->map.y + g->map.h; y++)
        for (int x = g->map.x; x < g->map.x + g->map.w; x++) {
            SDL_Color c = pixel(&f, x, y);
            if ((c.r < 60 && c.g < 60 && c.b < 60) || (c.r > 200 && c.g > 200 && c.b > 200)) continue;
            if (c.b < c.r && c.b < 30) continue; /* not on the viridis path */
            double l = luma(c);
            if (l < best) { best = l; bx = x; by = y; }
        }
    double d = hypot(bx - g->minimum_x, by - g->minimum_y);
    float marker = 6.0f * f.geom.scale + 4.0f;
    ck_assert_msg(d <= marker + 3.0, "darkest pixel (%d,%d) is %.1f px from the minimum (%.1f,%.1f)",
                  bx, by, d, g->minimum_x, g->minimum_y);
    /* And the analytic minimum agrees with the grid's lowest cell. */
    double mx, my;
    ck_assert(xl_classifier_slice_minimum(fixture_classifier(s), xl_sim_theta(xl_session_sim(s)),
                                              0, 1, &mx, &my));
    int gi, gj;
    xl_landscape_argmin(xl_session_landscape(s), &gi, &gj);
    int G = xl_landscape_size(xl_session_landscape(s));
    double cell = (g->hi - g->lo) / (G - 1);
    ck_assert_msg(fabs(g->lo + gi * cell - mx) <= cell && fabs(g->lo + gj * cell - my) <= cell,
                  "grid argmin (%d,%d) is not the cell of the minimum (%.3f,%.3f)", gi, gj, mx, my);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* The pixel of a view point (x, y) on the landscape's map. */
static void map_pixel(const ui_landscape_geom *g, double x, double y, int *px, int *py)
{
    *px = g->map.x + (int)((x - g->lo) / (g->hi - g->lo) * g->map.w);
    *py = g->map.y + g->map.h - 1 - (int)((y - g->ylo) / (g->yhi - g->ylo) * g->map.h);
}

/* The viridis index nearest to c, or -1 when c is no viridis colour (a contour, a mark). */
static int viridis_index(SDL_Color c)
{
    const Uint32 *lut = ui_viridis_table();
    int best = -1, best_d = 3 * 7 * 7;
    for (int k = 0; k < 256; k++) {
        const int dr = (int)((lut[k] >> 16) & 255) - c.r, dg = (int)((lut[k] >> 8) & 255) - c.g,
                  db = (int)(lut[k] & 255) - c.b;
        const int d = dr * dr + dg * dg + db * db;
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    return best;
}

/* Issue 21: the Gaussian's loss runs from 1.4 to 50 nats over the view, and the μ/σ
 * valley around its minimum (1.6 to 2.5 nats just above it) was one flat purple: five
 * steps of 256. The colour scale now spends its colours where the map is (a log scale
 * above the minimum): that patch spans at least 25 steps, and the colour bar says so. */
START_TEST(gaussian_valley_shows_its_shape)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session_desc_set_scenario(&d, xl_scenario_find("gaussian"));
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        scene_frame_open(&f, 1280, 720);
        ui_view view = {.theme = (ui_theme_kind)t};
        scene_frame_draw_recorded(&f, s, &view);
        const ui_landscape_geom *g = &f.geom.landscape;
        int x0, y0, x1, y1;
        map_pixel(g, 3.0, 1.5, &x0, &y0); /* μ_q from 3 to 5.8, log σ_q from 0.5 to 1.5 */
        map_pixel(g, 5.8, 0.5, &x1, &y1);
        int lo = 256, hi = -1, seen[256] = {0}, distinct = 0;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++) {
                const int k = viridis_index(pixel(&f, x, y));
                if (k < 0) continue;
                if (k < lo) lo = k;
                if (k > hi) hi = k;
                if (!seen[k]++) distinct++;
            }
        ck_assert_msg(hi - lo >= 25 && distinct >= 20, "%s: the valley spans viridis %d..%d, %d colours",
                      ui_theme_get((ui_theme_kind)t)->name, lo, hi, distinct);
        int said = 0;
        for (int i = 0; i < f.rec.count; i++) said += strstr(f.boxes[i].text, "log scale") != NULL;
        ck_assert_msg(said == 1, "the colour bar does not say it is a log scale");
        scene_frame_close(&f);
    }
    /* The softmax's bowl, whose median sits mid-range, keeps its linear scale. */
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *b = xl_session_create(&d);
    frame f;
    scene_frame_open(&f, 1280, 720);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw_recorded(&f, b, &view);
    for (int i = 0; i < f.rec.count; i++) ck_assert(strstr(f.boxes[i].text, "log scale") == NULL);
    scene_frame_close(&f);
    xl_session_destroy(b);
    xl_session_destroy(s);
}
END_TEST

/* WCAG contrast ratio of two colours. */
static double rel_luminance(SDL_Color c)
{
    const double ch[3] = {c.r / 255.0, c.g / 255.0, c.b / 255.0};
    double l[3];
    for (int i = 0; i < 3; i++) l[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
static double contrast(SDL_Color a, SDL_Color b)
{
    const double la = rel_luminance(a), lb = rel_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Issue 21 (lesson 11 page 4): a race's paths on dark viridis, the gd path's blue with
 * a dark edge on dark purple, could not be told from the map. Each path now has a halo
 * (a light ring under a dark one): at every isolated point of every run's path, some
 * pixel of the path and its halo stands out from the map on both sides of it by a
 * contrast ratio of at least 4.5 (WCAG's for text), in both themes, at 1920x1080. */
START_TEST(race_paths_keep_contrast_on_the_map)
{
    /* A start far from the minimum, so the runs part ways across the dark valley. */
    const double p[5] = {0.4, 0.25, 0.15, 0.12, 0.08}, z[5] = {-5.0, 5.0, 0.0, 0.0, 0.0};
    xl_session *s = session_with(p, z, 5);
    ck_assert(xl_session_apply(s, xl_command_name_arg(XL_CMD_RACE, "gd,momentum,nesterov")));
    xl_session_run(s, 50);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        scene_frame_open(&f, 1920, 1080);
        frame_draw(&f, s, (ui_theme_kind)t);
        const ui_landscape_geom *g = &f.geom.landscape;
        const float ring = (f.geom.scale < 1.0f ? 1.0f : f.geom.scale) * ui_theme_get((ui_theme_kind)t)->line_scale;
        const int R = (int)(1.5f * ring / 2 + 2.0f * ring + 1.5f); /* half the path and its halo */
        int checked = 0;
        for (int r = 0; r < xl_session_run_count(s); r++) {
            const xl_sim *rs = xl_session_run_sim(s, r);
            const int n = xl_sim_history_count(rs);
            for (int i = 1; i + 1 < n; i++) {
                double x, y, xa, ya, xb, yb;
                xl_session_view_point(s, xl_sim_history_theta(rs, i), &x, &y);
                xl_session_view_point(s, xl_sim_history_theta(rs, i - 1), &xa, &ya);
                xl_session_view_point(s, xl_sim_history_theta(rs, i + 1), &xb, &yb);
                int px, py, ax, ay, bx, by;
                map_pixel(g, x, y, &px, &py);
                map_pixel(g, xa, ya, &ax, &ay);
                map_pixel(g, xb, yb, &bx, &by);
                /* Isolated: no other run's path, no mark nearby, neighbours on either side. */
                const int far = 4 * R, near = 2 * R + 6;
                int alone = hypot(bx - ax, by - ay) > 2 && hypot(px - g->current_x, py - g->current_y) > far &&
                            (!g->has_minimum || hypot(px - g->minimum_x, py - g->minimum_y) > far) &&
                            px - far > g->map.x && px + far < g->map.x + g->map.w && py - far > g->map.y &&
                            py + far < g->map.y + g->map.h;
                for (int o = 0; alone && o < xl_session_run_count(s); o++) {
                    const xl_sim *os = xl_session_run_sim(s, o);
                    for (int j = 0; alone && j < xl_sim_history_count(os); j++) {
                        if (o == r && abs(j - i) <= 3) continue;
                        double ox, oy;
                        int qx, qy;
                        xl_session_view_point(s, xl_sim_history_theta(os, j), &ox, &oy);
                        map_pixel(g, ox, oy, &qx, &qy);
                        if (hypot(qx - px, qy - py) < near) alone = 0;
                    }
                    /* The start and each run's marker. */
                    double sx, sy;
                    int qx, qy;
                    xl_session_view_point(s, xl_sim_history_theta(os, 0), &sx, &sy);
                    map_pixel(g, sx, sy, &qx, &qy);
                    if (hypot(qx - px, qy - py) < far) alone = 0;
                    xl_session_view_point(s, xl_sim_theta(os), &sx, &sy);
                    map_pixel(g, sx, sy, &qx, &qy);
                    if (hypot(qx - px, qy - py) < far) alone = 0;
                }
                if (!alone) continue;
                /* The map on either side, perpendicular to the path. */
                const double dx = bx - ax, dy = by - ay, len = hypot(dx, dy);
                const double nx = -dy / len, ny = dx / len;
                for (int side = -1; side <= 1; side += 2) {
                    const SDL_Color bg = pixel(&f, px + (int)lround(side * nx * (R + 5)), py + (int)lround(side * ny * (R + 5)));
                    double best = 1.0;
                    for (int yy = -R; yy <= R; yy++)
                        for (int xx = -R; xx <= R; xx++)
                            if (xx * xx + yy * yy <= R * R) best = fmax(best, contrast(pixel(&f, px + xx, py + yy), bg));
                    ck_assert_msg(best >= 4.5, "%s: run %d's path at step %d (%d,%d) stands out by only %.2f",
                                  ui_theme_get((ui_theme_kind)t)->name, r, i, px, py, best);
                    checked++;
                }
            }
        }
        ck_assert_msg(checked >= 10, "only %d path points were checked", checked);
        scene_frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(identity_bar_splits_at_the_floor)
{
    const double p[2] = {0.5, 0.5}, z[2] = {2.0, -2.0};
    xl_session *s = session_with(p, z, 2);
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
    SDL_Rect bar = f.geom.readouts.identity;
    double k = f.geom.readouts.axis_max;
    xl_sample cur = xl_sim_current(xl_session_sim(s));
    int y = bar.y + bar.h / 2;
    int floor_x = bar.x + (int)(cur.floor / k * bar.w);
    int total_x = bar.x + (int)(cur.loss / k * bar.w);
    /* Fair coin: H(P) = ln 2. */
    ck_assert_double_eq_tol(cur.floor, log(2.0), 1e-12);
    ck_assert(same(pixel(&f, bar.x + 3, bar.y + 2), th->inherent, 2));
    ck_assert(same(pixel(&f, floor_x - 8, bar.y + 2), th->inherent, 2));
    ck_assert(same(pixel(&f, floor_x + 8, bar.y + 2), th->surprise, 2));
    ck_assert(same(pixel(&f, total_x - 4, y), th->surprise, 2));
    ck_assert(!same(pixel(&f, total_x + 4, y), th->surprise, 30));
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Issue 19.10: a Gaussian with sigma_p = 0.01 V has H(p) = -3.186 nats. The bar once drew it
 * as nothing and the KL part from 0 to the loss (2.737 of its 5.923 nats) under "inherent".
 * Now the axis starts below 0, the floor's part runs from H(p) to 0 in its own row, the
 * KL part from H(p) to the loss, and the caption no longer says "inherent". */
START_TEST(a_negative_floor_is_drawn_below_zero)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, xl_scenario_find("gaussian"));
    d.params[xl_scenario_param_index(xl_scenario_find("gaussian"), "sigma_p")] = 0.01;
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        frame f;
        scene_frame_open(&f, 1280, 720);
        frame_draw(&f, s, (ui_theme_kind)t);
        const ui_theme *th = ui_theme_get((ui_theme_kind)t);
        const SDL_Rect bar = f.geom.readouts.identity;
        const double lo = f.geom.readouts.axis_min, hi = f.geom.readouts.axis_max;
        const xl_sample cur = xl_sim_current(xl_session_sim(s));
        ck_assert_double_eq_tol(cur.floor, 0.5 * log(2.0 * 3.14159265358979323846 * exp(1.0) * 1e-4), 1e-12);
        ck_assert_msg(lo <= cur.floor && lo < 0.0, "%s: the axis starts at %g, H(p) = %g", th->name, lo, cur.floor);
        const double px = bar.w / (hi - lo);
        const int x_floor = bar.x + (int)((cur.floor - lo) * px), x_zero = bar.x + (int)(-lo * px);
        const int x_loss = bar.x + (int)((cur.loss - lo) * px);
        const int top = bar.y + bar.h / 4, bottom = bar.y + bar.h * 3 / 4;
        /* The floor's part between H(p) and 0, above; nothing of it right of 0. */
        SDL_Color c = pixel(&f, (x_floor + x_zero) / 2, top);
        ck_assert_msg(same(c, th->inherent, 2), "%s: (%d,%d,%d) between H(p) and 0", th->name, c.r, c.g, c.b);
        ck_assert(!same(pixel(&f, (x_zero + x_loss) / 2, top), th->inherent, 30));
        /* The KL part over its whole length, H(p) to the loss, below. */
        for (int x = x_floor + 4; x < x_loss - 4; x += 7) {
            c = pixel(&f, x, bottom);
            if (abs(x - x_zero) <= 2) continue; /* the line at 0 */
            /* Its name may sit inside it: white text on the vermillion, its edges a
             * blend of the two. */
            const SDL_Color v = th->surprise;
            const double w = (c.g - v.g) / (255.0 - v.g);
            const int blend = w >= -0.02 && w <= 1.02 && fabs(c.r - (v.r + w * (255 - v.r))) < 14 &&
                              fabs(c.b - (v.b + w * (255 - v.b))) < 14;
            ck_assert_msg(same(c, th->surprise, 2) || blend,
                          "%s: (%d,%d,%d) at x %d of KL's span %d..%d", th->name, c.r, c.g, c.b, x, x_floor, x_loss);
        }
        ck_assert(!same(pixel(&f, x_loss + 5, bottom), th->surprise, 30));
        scene_frame_close(&f);
    }
    ck_assert_str_eq(xl_session_scenario(s)->readouts[1].meaning, "differential entropy of P: the floor");
    xl_session_destroy(s);
}
END_TEST

START_TEST(frames_are_deterministic)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 5);
    xl_session *s1 = xl_session_create(&d), *s2 = xl_session_create(&d);
    xl_session_run(s1, 40);
    xl_session_run(s2, 40);
    frame a, b;
    scene_frame_open(&a, 1280, 720);
    scene_frame_open(&b, 1280, 720);
    frame_draw(&a, s1, UI_THEME_LIGHT);
    frame_draw(&a, s1, UI_THEME_LIGHT); /* cached atlases and textures: same pixels */
    frame_draw(&b, s2, UI_THEME_LIGHT);
    ck_assert_msg(memcmp(a.surface->pixels, b.surface->pixels, (size_t)a.surface->pitch * 720) == 0,
                  "the same state drew different pixels");
    xl_command unit = xl_command_make(XL_CMD_UNIT_TOGGLE);
    xl_session_apply(s2, unit);
    frame_draw(&b, s2, UI_THEME_LIGHT);
    ck_assert_msg(memcmp(a.surface->pixels, b.surface->pixels, (size_t)a.surface->pitch * 720) != 0,
                  "switching to bits changed no pixel");
    scene_frame_close(&a);
    scene_frame_close(&b);
    xl_session_destroy(s1);
    xl_session_destroy(s2);
}
END_TEST

/* Every panel a registered scenario declares is drawn where the layout puts it, with
 * ink of its own: at least MIN_INK of its inside differs from the panel's fill and the
 * window's background, in both themes (a border and a title alone are under 1%). Loop
 * index: the scenarios in registry order, so a new one is covered once registered. */
static const double MIN_INK = 0.02;

START_TEST(every_scenario_draws_every_panel)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    static const struct { unsigned bit; const char *name; } panels[] = {
        {XL_PANEL_BARS, "bars"}, {XL_PANEL_READOUTS, "readouts"}, {XL_PANEL_LANDSCAPE, "landscape"},
        {XL_PANEL_HISTORY, "history"}, {XL_PANEL_DATA, "data"}, {XL_PANEL_SIDE, "side"},
    };
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session_desc_set_scenario(&d, def);
    xl_session *s = xl_session_create(&d);
    ck_assert_msg(s != NULL, "%s: no session at its defaults", def->id);
    xl_session_run(s, 30);
    ck_assert_msg(def->panels != 0, "%s shows no panel", def->id);
    frame f;
    scene_frame_open(&f, 1280, 720);
    for (int t = 0; t < UI_THEME_COUNT; t++) {
        const ui_theme *th = ui_theme_get((ui_theme_kind)t);
        frame_draw(&f, s, (ui_theme_kind)t);
        const ui_layout *l = &f.geom.layout;
        const SDL_Rect rects[] = {l->bars, l->readouts, l->landscape, l->history, l->data, l->side};
        /* A record with both a landscape and a side panel shows one of them in that place
         * at a time (ui_own_panel.side_instead): the one shown is checked. */
        const unsigned shown = ui_focus_shown(s);
        for (size_t k = 0; k < sizeof panels / sizeof panels[0]; k++) {
            if (!(def->panels & panels[k].bit)) continue;
            if ((panels[k].bit == XL_PANEL_LANDSCAPE && !(shown & UI_SHOW_LANDSCAPE)) ||
                (panels[k].bit == XL_PANEL_SIDE && !(shown & UI_SHOW_SIDE)))
                continue;
            SDL_Rect r = rects[k];
            ck_assert_msg(r.w > 2 * l->pad && r.h > 2 * l->pad && r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280 &&
                              r.y + r.h <= 720,
                          "%s, %s: its %s panel has no place (%d,%d %dx%d)", def->id, th->name, panels[k].name, r.x,
                          r.y, r.w, r.h);
            long ink = 0, area = 0;
            for (int y = r.y + l->pad; y < r.y + r.h - l->pad; y++)
                for (int x = r.x + l->pad; x < r.x + r.w - l->pad; x++) {
                    SDL_Color c = pixel(&f, x, y);
                    area++;
                    ink += !same(c, th->panel, 8) && !same(c, th->background, 8);
                }
            ck_assert_msg((double)ink >= MIN_INK * (double)area,
                          "%s, %s: its %s panel (%d,%d %dx%d) has ink on %ld of %ld pixels, under %.0f%%", def->id,
                          th->name, panels[k].name, r.x, r.y, r.w, r.h, ink, area, MIN_INK * 100.0);
        }
    }
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Steady frames allocate nothing, neither in SDL nor in our code: every scenario at its
 * defaults, a race of the four optimizers, and a lesson playing (loop index: the
 * scenarios in registry order, then the race, then the lesson). */
START_TEST(steady_frames_do_not_allocate)
{
    const int scenarios = xl_scenario_count();
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    if (_i < scenarios && xl_scenario_at(_i) != d.scenario) xl_session_desc_set_scenario(&d, xl_scenario_at(_i));
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    const char *what = _i < scenarios ? xl_scenario_at(_i)->id : _i == scenarios ? "a race" : "lesson 06";
    if (_i == scenarios)
        ck_assert(xl_session_apply(s, xl_command_name_arg(XL_CMD_RACE, "gd,momentum,nesterov,adam")));
    xl_lesson *lesson = NULL;
    xl_player *player = NULL;
    if (_i == scenarios + 1) {
        lesson = malloc(sizeof *lesson);
        ck_assert_int_eq(ui_library_load(LESSONS_DIR "/06-gradient-descent.lesson", lesson), 0);
        player = xl_player_create(lesson, s);
        ck_assert_ptr_nonnull(player);
        ck_assert_int_eq(xl_player_goto(player, 1), 0); /* a page that runs gradient descent */
    }
    frame f;
    scene_frame_open(&f, 1280, 720);
    ui_view view = {.theme = UI_THEME_LIGHT, .lesson = player};
    /* Frames of 1/30 s: the lesson plays on its clock, the sandbox takes a step. What a
     * frame's drawing allocates is counted; the simulation's steps are not (the rewind
     * timeline keeps a checkpoint every XL_CHECKPOINT_INTERVAL steps, by design). */
    /* Drawn whole (a headless frame), then retained (the window's and the exporter's). */
    for (int retain = 0; retain <= 1; retain++) {
        ui_scene_set_retain(f.scene, retain);
        unsigned long sdl_drawing = 0, own_drawing = 0;
        for (int i = 0; i < 90; i++) {
            if (player) xl_player_advance(player, 1.0 / 30.0);
            else xl_session_run(s, 1);
            unsigned long sdl_before = sdl_allocations, own_before = own_allocations;
            ui_scene_draw(f.scene, s, &view, 1280, 720, &f.geom);
            SDL_RenderPresent(f.renderer);
            /* The first 60 warm up: every glyph the numbers use gets into the atlases and
             * buffers reach their size. */
            if (i >= 60) {
                sdl_drawing += sdl_allocations - sdl_before;
                own_drawing += own_allocations - own_before;
            }
        }
        ck_assert_msg(sdl_drawing == 0, "%s%s: 30 steady frames made %lu SDL allocations", what,
                      retain ? " (retained)" : "", sdl_drawing);
        ck_assert_msg(own_drawing == 0, "%s%s: 30 steady frames made %lu allocations of our own", what,
                      retain ? " (retained)" : "", own_drawing);
    }
    scene_frame_close(&f);
    xl_player_destroy(player);
    free(lesson);
    xl_session_destroy(s);
}
END_TEST

/* The landscape panel drawn for one state in the light theme and then, the grid and
 * the layout unchanged, in the dark one (whose contours are fainter): the same pixels
 * as a panel that only ever drew the dark theme. (In the scene the themes' layouts
 * differ, which hid a heatmap that kept the old contours.) */
START_TEST(heatmap_follows_the_theme_alone)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    xl_session_desc d;
    xl_session_desc_default(&d, 5);
    xl_session *s = xl_session_create(&d);
    xl_session_run(s, 10);
    SDL_Surface *a = SDL_CreateRGBSurfaceWithFormat(0, 700, 500, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *b = SDL_CreateRGBSurfaceWithFormat(0, 700, 500, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ra = SDL_CreateSoftwareRenderer(a), *rb = SDL_CreateSoftwareRenderer(b);
    ui_text *ta = ui_text_create(ra, fonts, err, sizeof err), *tb = ui_text_create(rb, fonts, err, sizeof err);
    ck_assert(ta && tb);
    ck_assert_int_eq(ui_text_set_scale(ta, 1.0f), 0);
    ck_assert_int_eq(ui_text_set_scale(tb, 1.0f), 0);
    ui_landscape_panel *pa = ui_landscape_panel_create(ra), *pb = ui_landscape_panel_create(rb);
    ck_assert(pa && pb);
    ui_ctx ca = {.r = ra, .text = ta, .theme = ui_theme_get(UI_THEME_LIGHT), .scale = 1.0f, .line = 1.0f,
                 .pad = 10, .unit = xl_session_unit(s)};
    ui_ctx cb = ca;
    cb.r = rb;
    cb.text = tb;
    cb.theme = ui_theme_get(UI_THEME_DARK);
    ck_assert(memcmp(&ca.theme->contour, &cb.theme->contour, sizeof(SDL_Color)) != 0);
    const SDL_Rect area = {10, 10, 680, 480};
    ui_landscape_draw(pa, &ca, area, s, NULL);
    ca.theme = cb.theme;
    ui_landscape_draw(pa, &ca, area, s, NULL);
    ui_landscape_draw(pb, &cb, area, s, NULL);
    SDL_RenderPresent(ra);
    SDL_RenderPresent(rb);
    ck_assert_msg(memcmp(a->pixels, b->pixels, (size_t)a->pitch * 500) == 0,
                  "the landscape drawn after a theme change differs from one drawn in that theme");
    ui_landscape_panel_destroy(pa);
    ui_landscape_panel_destroy(pb);
    ui_text_destroy(ta);
    ui_text_destroy(tb);
    SDL_DestroyRenderer(ra);
    SDL_DestroyRenderer(rb);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    xl_session_destroy(s);
}
END_TEST

/* One left-aligned string whose new glyphs grow the atlas while it is drawn: every
 * glyph is still drawn (the atlas's textures are replaced as it grows, and a string
 * must not keep drawing from the old one), its ink spanning the width it measures. */
START_TEST(text_drawn_while_the_atlas_grows)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 4000, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surface);
    ui_text *t = ui_text_create(r, fonts, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    ck_assert_int_eq(ui_text_set_scale(t, 2.0f), 0);
    /* 150 distinct letters, Latin, Greek and Cyrillic: far more than the first atlas holds. */
    char text[1024] = "";
    size_t len = 0;
    const Uint32 ranges[][2] = {{0x41, 0x5A}, {0x61, 0x7A}, {0x391, 0x3A9}, {0x3B1, 0x3C9}, {0x410, 0x44F}};
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++)
        for (Uint32 cp = ranges[k][0]; cp <= ranges[k][1] && len + 4 < sizeof text; cp++) {
            if (cp == 0x3A2) continue; /* unassigned */
            if (cp < 0x80) text[len++] = (char)cp;
            else {
                text[len++] = (char)(0xC0 | (cp >> 6));
                text[len++] = (char)(0x80 | (cp & 0x3F));
            }
        }
    text[len] = '\0';
    ui_text_box boxes[4];
    ui_text_recorder rec = {boxes, 4, 0};
    ui_text_set_recorder(t, &rec);
    ui_text_set_region(t, (SDL_Rect){0, 0, 4000, 200}, 0);
    SDL_Color ink = {20, 30, 40, 255};
    int drawn = ui_text_draw(t, UI_FONT_LABEL, 10, 10, UI_ALIGN_LEFT, ink, text);
    int measured = ui_text_width(t, UI_FONT_LABEL, text);
    ck_assert_int_eq(drawn, measured);
    ck_assert_int_eq(rec.count, 1);
    ck_assert_msg(boxes[0].ink.w > measured - 40, "ink %d px wide of %d measured", boxes[0].ink.w, measured);
    /* And the pixels: ink near the string's right end. */
    SDL_RenderPresent(r);
    int inked = 0;
    for (int y = 10; y < 100; y++)
        for (int x = 10 + measured - 60; x < 10 + measured; x++) {
            Uint32 v = ((const Uint32 *)surface->pixels)[(size_t)y * (surface->pitch / 4) + x];
            if ((v & 0xFFFFFF) != 0) inked++;
        }
    ck_assert_msg(inked > 50, "no ink at the end of the string (%d pixels)", inked);
    ui_text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
}
END_TEST

/* The heatmap painted by 1 and by 2 threads: the same bytes, at both sizes. */
START_TEST(threads_do_not_change_frames)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 5);
    xl_session *s = xl_session_create(&d);
    xl_session_run(s, 25);
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int k = 0; k < 2; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        frame one, two;
        scene_frame_open(&one, w, h);
        scene_frame_open(&two, w, h);
        ck_assert_int_eq(ui_scene_set_threads(one.scene, 1), 1);
        ck_assert_int_eq(ui_scene_set_threads(two.scene, 2), 2);
        frame_draw(&one, s, UI_THEME_LIGHT);
        frame_draw(&two, s, UI_THEME_LIGHT);
        ck_assert_msg(memcmp(one.surface->pixels, two.surface->pixels, (size_t)one.surface->pitch * h) == 0,
                      "%dx%d: 1 and 2 threads drew different pixels", w, h);
        /* And a step later (a new grid, painted again). */
        xl_session_run(s, 1);
        frame_draw(&one, s, UI_THEME_DARK);
        frame_draw(&two, s, UI_THEME_DARK);
        ck_assert(memcmp(one.surface->pixels, two.surface->pixels, (size_t)one.surface->pitch * h) == 0);
        scene_frame_close(&one);
        scene_frame_close(&two);
    }
    xl_session_destroy(s);
}
END_TEST

static int inside(SDL_Rect r, int w, int h) { return r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h; }
static int overlap(SDL_Rect a, SDL_Rect b) { return SDL_HasIntersection(&a, &b); }

START_TEST(layout_holds_at_every_size)
{
    static const int sizes[][2] = {{800, 600}, {1280, 720}, {1920, 1080}, {3840, 2160}, {1024, 768}};
    int idx = _i;
    int w = sizes[idx][0], h = sizes[idx][1];
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    xl_session *s = xl_session_create(&d);
    xl_session_run(s, 25);
    frame f;
    scene_frame_open(&f, w, h);
    for (int t = 0; t < 2; t++) {
        frame_draw(&f, s, (ui_theme_kind)t);
        const ui_layout *L = &f.geom.layout;
        SDL_Rect panels[6] = {L->status, L->bars, L->readouts, L->landscape, L->history, L->hints};
        for (int i = 0; i < 6; i++) {
            ck_assert_msg(inside(panels[i], w, h), "panel %d outside the %dx%d frame", i, w, h);
            for (int j = i + 1; j < 6; j++)
                ck_assert_msg(!overlap(panels[i], panels[j]), "panels %d and %d overlap at %dx%d", i, j, w, h);
        }
        /* The plots exist and sit inside their panels. */
        ck_assert(f.geom.bars.plot.h > 40 && SDL_HasIntersection(&f.geom.bars.plot, &L->bars));
        SDL_Rect m = f.geom.landscape.map;
        SDL_Rect u;
        ck_assert(m.w > 80 && SDL_IntersectRect(&m, &L->landscape, &u) && u.w == m.w && u.h == m.h);
        ck_assert(f.geom.history.plot.h > 20);
    }
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

START_TEST(infinity_is_shown_as_infinity)
{
    char buf[32];
    ck_assert_str_eq(ui_format(buf, sizeof buf, INFINITY, 4), "∞");
    ck_assert_str_eq(ui_format(buf, sizeof buf, NAN, 4), "undefined");
    ck_assert_str_eq(ui_format(buf, sizeof buf, -1e-9, 4), "0.0000");
    ck_assert_str_eq(ui_format(buf, sizeof buf, 6.907755278982137, 4), "6.9078");
    ck_assert_str_eq(ui_format(buf, sizeof buf, -2.5, 1), "−2.5");
    /* A class whose logit is 800 below the others has q = 0 in double precision:
     * its surprise is infinite, and the frame still draws with finite readouts. */
    const double p[3] = {0.0, 0.5, 0.5}, z[3] = {-800.0, 0.0, 0.0};
    xl_session *s = session_with(p, z, 3);
    double q[3];
    xl_session_q(s, q);
    ck_assert(q[0] == 0.0);
    ck_assert(isinf(xl_surprise(q[0], XL_NATS)));
    xl_sample cur = xl_sim_current(xl_session_sim(s));
    ck_assert(isfinite(cur.loss) && isfinite(cur.gap));
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    ck_assert_int_eq(f.geom.bars.q_bar[0].h, 0);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* Issue 5, items 5 and 11: tick loops always end; numbers fit their box at every
 * magnitude and stay true (never 0.0000 for a nonzero value). */
START_TEST(ticks_end_and_numbers_fit)
{
    double t[64];
    /* The hang of item 5: a step below half an ulp of the bounds. */
    int n = ui_ticks(38.8559, 38.8559 + 1e-14, 1e-20, t, 64);
    ck_assert_msg(n <= 64 && n >= 0, "%d ticks", n);
    ck_assert_int_eq(ui_ticks(-6.0, 6.0, 2.0, t, 64), 7);
    ck_assert(t[0] == -6.0 && t[3] == 0.0 && !signbit(t[3]) && t[6] == 6.0);
    ck_assert_int_eq(ui_ticks(0.0, NAN, 1.0, t, 64), 0);
    ck_assert_int_eq(ui_ticks(-INFINITY, 1.0, 1.0, t, 64), 0);
    ck_assert_int_eq(ui_ticks(-1e308, 1e308, 0.0, t, 64), 0);
    ck_assert_int_eq(ui_ticks(-1e308, 1e308, 1e307, t, 64), 21);
    ck_assert_int_eq(ui_ticks(0.0, 1e6, 1.0, t, 64), 64); /* capped, not overrun */

    char b[64];
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 3.70481234, 4, 8), "3.7048");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 999998.0, 4, 8), "999998.0");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 999998.0, 4, 6), "999998");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 999998.0, 2, 5), "1×10⁶");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, -1e6, 4, 8), "−1000000");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 1e-9, 4, 8), "1.0×10⁻⁹");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 4.9e-324, 4, 8), "5×10⁻³²⁴");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 1e308, 4, 9), "1.0×10³⁰⁸");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 0.0, 4, 8), "0.0000");
    /* Counts in groups of three with thin spaces (U+2009), the sign as "−". */
    ck_assert_str_eq(ui_format_count(b, sizeof b, 0), "0");
    ck_assert_str_eq(ui_format_count(b, sizeof b, 999), "999");
    ck_assert_str_eq(ui_format_count(b, sizeof b, 2500), "2\u2009500");
    ck_assert_str_eq(ui_format_count(b, sizeof b, 1000000), "1\u2009000\u2009000");
    ck_assert_str_eq(ui_format_count(b, sizeof b, -33), "−33");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, INFINITY, 4, 8), "∞");
    /* Issue 19.6: 0 in a box too narrow for "0.0000" once took log10(0) = −∞ into an int
     * (UBSan aborted; a plain build printed nan×10⁻²¹⁴⁷⁴⁸³⁶⁴⁸). Its shortest form is "0". */
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 0.0, 4, 0), "0");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, -0.0, 4, -3), "0");
    ck_assert_str_eq(ui_format_fit(b, sizeof b, 0.0, 2, 3), "0.0");

    /* q from its log: e^−800 = 3.7×10⁻³⁴⁸ though exp(−800) is 0 in double precision. */
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, -800.0, 3), "3.7×10⁻³⁴⁸");
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, log(0.25), 3), "0.250");
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, log(0.001), 3), "0.001");
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, log(0.0004), 3), "4.0×10⁻⁴");
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, -INFINITY, 3), "0");
    ck_assert_str_eq(ui_format_prob_log(b, sizeof b, -1e300, 3), "< 10⁻⁹⁹⁹⁹⁹⁹⁹⁹⁹");
}
END_TEST

/* Issue 19.11: an identity shows enough digits that its sides visibly add up (lesson 3
 * page 4 read "7×10⁵ = 7×10⁵ + 1203"), and a part within rounding of 0 reads 0 (issue
 * 19.19: "+ 2×10⁻¹⁶"). */
START_TEST(identities_visibly_add_up)
{
    char a[48], b[48], c[48];
    char *const out[3] = {a, b, c};
    const int seven[3] = {7, 7, 7};
    const double micro[3] = {693147.18055994530, 691944.35826, 1202.82230};
    ck_assert_int_eq(ui_format_identity(out, sizeof a, micro, 4, seven), 0);
    ck_assert_str_eq(a, "693147");
    ck_assert_str_eq(b, "691944");
    ck_assert_str_eq(c, "1203");
    /* Room for decimals: the same decimals for all three. */
    const int wide[3] = {11, 11, 11};
    ck_assert_int_eq(ui_format_identity(out, sizeof a, micro, 4, wide), 4);
    ck_assert_str_eq(a, "693147.1806");
    ck_assert_str_eq(c, "1202.8223");
    const double small[3] = {2.8620857137646185, 1.4189385332046727, 1.4431471805599458};
    ck_assert_int_eq(ui_format_identity(out, sizeof a, small, 4, seven), 4);
    ck_assert_str_eq(a, "2.8621");
    ck_assert_str_eq(b, "1.4189");
    ck_assert_str_eq(c, "1.4431");
    /* Rounding residue of a difference is 0; a true small part keeps its value. */
    const double residue[3] = {2.772588722239781, 2.772588722239781, 2.2e-16};
    ck_assert_int_eq(ui_format_identity(out, sizeof a, residue, 4, seven), 4);
    ck_assert_str_eq(c, "0.0000");
    const double tiny[3] = {2.7725887, 2.7725886, 1e-7};
    ui_format_identity(out, sizeof a, tiny, 4, seven);
    ck_assert_msg(strstr(c, "10⁻⁷") != NULL, "a real 1e-7 reads '%s'", c);
    /* Beyond any fixed notation: each as ui_format_fit gives it. */
    const double huge[3] = {3e300, 1e300, 2e300};
    ck_assert_int_eq(ui_format_identity(out, sizeof a, huge, 4, seven), -1);
    ck_assert_str_eq(a, "3×10³⁰⁰");
}
END_TEST

/* Issue 19.19: an exponent in the mono face read "10⁻ ¹ ²": its superscripts had a digit's
 * full cell. Now the blank columns between the inks of "⁻", "¹" and "²" are each narrower
 * than between the ink of two mono digits' cells would be (a quarter of a digit's advance). */
START_TEST(exponents_are_not_spaced_in_mono)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 600, 120, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surface);
    ui_text *t = ui_text_create(r, fonts, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    ck_assert_int_eq(ui_text_set_scale(t, 2.0f), 0);
    const int digit = ui_text_width(t, UI_FONT_READOUT, "0");
    const int sup = ui_text_width(t, UI_FONT_READOUT, "⁻¹²");
    ck_assert_msg(2 * sup < 5 * digit, "\"⁻¹²\" is %d px wide, a digit %d px", sup, digit);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    int x0 = 10 + ui_text_width(t, UI_FONT_READOUT, "10");
    ui_text_draw(t, UI_FONT_READOUT, 10, 10, UI_ALIGN_LEFT, (SDL_Color){255, 255, 255, 255}, "10⁻¹²");
    SDL_RenderPresent(r);
    /* Column by column from the exponent's start: the widest run of blank columns
     * between inked ones. */
    int run = 0, widest = 0, seen_ink = 0;
    for (int x = x0; x < x0 + sup; x++) {
        int ink = 0;
        for (int y = 0; y < surface->h && !ink; y++)
            ink = (((const Uint32 *)surface->pixels)[(size_t)y * (surface->pitch / 4) + x] & 0xFF) > 60;
        if (ink) {
            if (seen_ink && run > widest) widest = run;
            run = 0;
            seen_ink = 1;
        } else {
            run++;
        }
    }
    ck_assert_msg(widest * 4 < digit, "a gap of %d px inside the exponent (a digit is %d px)", widest, digit);
    ui_text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
}
END_TEST

/* "H help" ends the hint bar and is the only hint in the full text colour (black in the
 * projector theme; the others are (52, 52, 58), which antialiasing only lightens); the
 * box the frame reports for it (a click there opens the key sheet) holds exactly those
 * pixels: ones darker than the other hints can be inside it, none elsewhere in the bar. */
START_TEST(the_help_hint_is_where_it_is_drawn)
{
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {640, 480}};
    for (int k = 0; k < 3; k++) {
        frame f;
        scene_frame_open(&f, sizes[k][0], sizes[k][1]);
        xl_session_desc d;
        xl_session_desc_default(&d, 1);
        xl_session *s = xl_session_create(&d);
        frame_draw(&f, s, UI_THEME_LIGHT);
        const SDL_Rect bar = f.geom.layout.hints, help = f.geom.help_hint;
        ck_assert_int_gt(help.w, 10);
        ck_assert_msg(SDL_HasIntersection(&bar, &help) && help.y == bar.y && help.h == bar.h,
                      "help box %d,%d %dx%d not on the bar %d,%d %dx%d", help.x, help.y, help.w, help.h, bar.x,
                      bar.y, bar.w, bar.h);
        ck_assert_int_gt(help.x, bar.x + bar.w / 2);
        int inside_help = 0, outside = 0;
        for (int y = bar.y; y < bar.y + bar.h; y++)
            for (int x = bar.x; x < bar.x + bar.w; x++) {
                const SDL_Color c = pixel(&f, x, y);
                if (c.r >= 40 || c.g >= 40 || c.b >= 40) continue;
                SDL_Point pt = {x, y};
                if (SDL_PointInRect(&pt, &help)) inside_help++;
                else outside++;
            }
        ck_assert_int_gt(inside_help, 20);
        ck_assert_int_eq(outside, 0);
        xl_session_destroy(s);
        scene_frame_close(&f);
    }
}
END_TEST

START_TEST(viridis_endpoints)
{
    /* matplotlib's viridis: #440154 at 0, #21918C at 0.5, #FDE725 at 1. */
    Uint32 c0 = ui_viridis(0.0), c5 = ui_viridis(0.5), c1 = ui_viridis(1.0);
    SDL_Color a = {(Uint8)(c0 >> 16), (Uint8)(c0 >> 8), (Uint8)c0, 255};
    SDL_Color m = {(Uint8)(c5 >> 16), (Uint8)(c5 >> 8), (Uint8)c5, 255};
    SDL_Color b = {(Uint8)(c1 >> 16), (Uint8)(c1 >> 8), (Uint8)c1, 255};
    ck_assert_msg(same(a, (SDL_Color){0x44, 0x01, 0x54, 255}, 4), "viridis(0) = %d,%d,%d", a.r, a.g, a.b);
    ck_assert_msg(same(m, (SDL_Color){0x21, 0x91, 0x8C, 255}, 4), "viridis(0.5) = %d,%d,%d", m.r, m.g, m.b);
    ck_assert_msg(same(b, (SDL_Color){0xFD, 0xE7, 0x25, 255}, 4), "viridis(1) = %d,%d,%d", b.r, b.g, b.b);
}
END_TEST

/* SDL's allocations are counted from its first one: the memory functions are set here,
 * before the runner's SDL_Init. */
Suite *xl_test_suite(void)
{
    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc, &real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);
    Suite *s = suite_create("render");
    TCase *pix = tcase_create("pixels a person would look at");
    tcase_set_timeout(pix, 120);
    tcase_add_test(pix, bar_heights_follow_probabilities);
    tcase_add_test(pix, gradient_arrows_point_from_q_toward_p);
    tcase_add_test(pix, current_point_is_where_the_optimizer_is);
    tcase_add_test(pix, darkest_cell_is_at_the_minimum);
    tcase_add_test(pix, gaussian_valley_shows_its_shape);
    tcase_add_test(pix, race_paths_keep_contrast_on_the_map);
    tcase_add_test(pix, identity_bar_splits_at_the_floor);
    tcase_add_test(pix, a_negative_floor_is_drawn_below_zero);
    tcase_add_test(pix, infinity_is_shown_as_infinity);
    tcase_add_test(pix, viridis_endpoints);
    tcase_add_test(pix, ticks_end_and_numbers_fit);
    tcase_add_test(pix, identities_visibly_add_up);
    tcase_add_test(pix, exponents_are_not_spaced_in_mono);
    tcase_add_test(pix, the_help_hint_is_where_it_is_drawn);
    suite_add_tcase(s, pix);
    TCase *frames = tcase_create("frames are pure functions of state and size");
    tcase_set_timeout(frames, 120);
    tcase_add_test(frames, frames_are_deterministic);
    tcase_add_loop_test(frames, steady_frames_do_not_allocate, 0, xl_scenario_count() + 2);
    tcase_add_loop_test(frames, every_scenario_draws_every_panel, 0, xl_scenario_count());
    tcase_add_test(frames, threads_do_not_change_frames);
    tcase_add_test(frames, text_drawn_while_the_atlas_grows);
    tcase_add_test(frames, heatmap_follows_the_theme_alone);
    tcase_add_loop_test(frames, layout_holds_at_every_size, 0, 5);
    suite_add_tcase(s, frames);
    return s;
}

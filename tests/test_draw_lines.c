/* test_draw_lines: ui_draw_line drawn as runs of pixels has SDL's own lines' pixels;
 * ui_draw_polyline covers each pixel once, joins its bends, breaks at NaN and does a
 * bounded number of fills. On SDL's software renderer over a surface, read back. */
#include "check_main.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_draw.h"
#include "panel_fixture.h"
#include "scenario_fixture.h"
#include "ui_panels.h"

enum { W = 320, H = 240 };

/* A window's software renderer, as the program's window makes it (SDL's dummy video
 * driver in the tests): its lines are SDL's default line method, a Bresenham walk
 * between the rounded ends queued as points (SDL_render.c, RenderDrawLineBresenham),
 * the pixels ui_draw_line keeps. */
typedef struct canvas {
    SDL_Window *win;
    SDL_Renderer *r;
    Uint32 pix[W * H];
} canvas;

static canvas *canvas_open(SDL_Color ground)
{
    canvas *c = calloc(1, sizeof *c);
    ck_assert_ptr_nonnull(c);
    c->win = SDL_CreateWindow("test_draw_lines", 0, 0, W, H, SDL_WINDOW_HIDDEN);
    ck_assert_ptr_nonnull(c->win);
    c->r = SDL_CreateRenderer(c->win, -1, SDL_RENDERER_SOFTWARE);
    ck_assert_ptr_nonnull(c->r);
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(c->r, ground.r, ground.g, ground.b, 255);
    SDL_RenderClear(c->r);
    return c;
}

static void canvas_close(canvas *c)
{
    SDL_DestroyRenderer(c->r);
    SDL_DestroyWindow(c->win);
    free(c);
}

/* The canvas read back into c->pix, 0x00RRGGBB. */
static void canvas_read(canvas *c)
{
    ck_assert_int_eq(SDL_RenderReadPixels(c->r, NULL, SDL_PIXELFORMAT_ARGB8888, c->pix, W * 4), 0);
    for (int i = 0; i < W * H; i++) c->pix[i] &= 0xffffffu;
}

static int same_pixels(canvas *a, canvas *b)
{
    canvas_read(a);
    canvas_read(b);
    return memcmp(a->pix, b->pix, sizeof a->pix) == 0;
}

/* ui_draw_line as it was: w one-pixel SDL lines stacked across the minor axis, an
 * axis-aligned line a float rectangle. */
static void reference_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    if (dx == 0.0f && dy == 0.0f) return;
    int w = width >= 1.0f ? (int)lroundf(width) : 1;
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    if (dx == 0.0f || dy == 0.0f) {
        float h = w * 0.5f;
        SDL_FRect fr = dy == 0.0f ? (SDL_FRect){fminf(x0, x1), y0 - h, fabsf(dx), (float)w}
                                  : (SDL_FRect){x0 - h, fminf(y0, y1), (float)w, fabsf(dy)};
        SDL_RenderFillRectF(r, &fr);
        return;
    }
    int x_major = fabsf(dx) >= fabsf(dy);
    for (int k = 0; k < w; k++) {
        float o = (float)k - (float)(w - 1) * 0.5f;
        if (x_major) SDL_RenderDrawLineF(r, x0, y0 + o, x1, y1 + o);
        else SDL_RenderDrawLineF(r, x0 + o, y0, x1 + o, y1);
    }
}

static float frand(unsigned *seed, float lo, float hi)
{
    *seed = *seed * 1103515245u + 12345u;
    return lo + (hi - lo) * (float)((*seed >> 8) & 0xffff) / 65535.0f;
}

/* 3,000 lines of every slope (near the diagonal too), widths 1 to 6, opaque and
 * translucent, some off the canvas: the same bytes as SDL's lines. */
START_TEST(test_line_matches_sdl)
{
    const SDL_Color ground = {40, 60, 80, 255};
    canvas *a = canvas_open(ground), *b = canvas_open(ground);
    unsigned seed = 7;
    for (int i = 0; i < 3000; i++) {
        float x0 = frand(&seed, -60, W + 60), y0 = frand(&seed, -60, H + 60);
        float len = frand(&seed, 0, i % 3 == 0 ? 8.0f : 200.0f), ang = frand(&seed, 0, 6.2832f);
        if (i % 7 == 0) ang = 0.7854f * (float)(i % 8) + frand(&seed, -0.02f, 0.02f); /* near the diagonals */
        float x1 = x0 + len * cosf(ang), y1 = y0 + len * sinf(ang);
        if (i % 11 == 0) x1 = x0; /* axis-aligned */
        if (i % 13 == 0) y1 = y0;
        float width = frand(&seed, 0.5f, 6.4f);
        SDL_Color c = {(Uint8)(i * 37), (Uint8)(i * 91), (Uint8)(i * 53), i % 2 ? 255 : (Uint8)(60 + i % 150)};
        ui_draw_line(a->r, x0, y0, x1, y1, width, c);
        reference_line(b->r, x0, y0, x1, y1, width, c);
        if (!same_pixels(a, b))
            ck_abort_msg("line %d (%g,%g)-(%g,%g) width %g alpha %d differs from SDL's", i, x0, y0, x1, y1,
                         width, c.a);
    }
    canvas_close(a);
    canvas_close(b);
}
END_TEST

/* SDL's drawing calls made from the program's code, counted through the linker's
 * --wrap (tests/meson.build): a frame's cost in calls. */
static long sdl_calls;
int __real_SDL_RenderFillRect(SDL_Renderer *r, const SDL_Rect *rect);
int __real_SDL_RenderFillRects(SDL_Renderer *r, const SDL_Rect *rects, int n);
int __real_SDL_RenderFillRectF(SDL_Renderer *r, const SDL_FRect *rect);
int __real_SDL_RenderDrawLineF(SDL_Renderer *r, float x0, float y0, float x1, float y1);
int __wrap_SDL_RenderFillRect(SDL_Renderer *r, const SDL_Rect *rect);
int __wrap_SDL_RenderFillRects(SDL_Renderer *r, const SDL_Rect *rects, int n);
int __wrap_SDL_RenderFillRectF(SDL_Renderer *r, const SDL_FRect *rect);
int __wrap_SDL_RenderDrawLineF(SDL_Renderer *r, float x0, float y0, float x1, float y1);
int __wrap_SDL_RenderFillRect(SDL_Renderer *r, const SDL_Rect *rect)
{
    sdl_calls++;
    return __real_SDL_RenderFillRect(r, rect);
}
int __wrap_SDL_RenderFillRects(SDL_Renderer *r, const SDL_Rect *rects, int n)
{
    sdl_calls++;
    return __real_SDL_RenderFillRects(r, rects, n);
}
int __wrap_SDL_RenderFillRectF(SDL_Renderer *r, const SDL_FRect *rect)
{
    sdl_calls++;
    return __real_SDL_RenderFillRectF(r, rect);
}
int __wrap_SDL_RenderDrawLineF(SDL_Renderer *r, float x0, float y0, float x1, float y1)
{
    sdl_calls++;
    return __real_SDL_RenderDrawLineF(r, x0, y0, x1, y1);
}

static const SDL_Color ground_grey = {200, 200, 200, 255};

static int is_set(const canvas *c, int x, int y, Uint32 ground)
{
    return x >= 0 && y >= 0 && x < W && y < H && c->pix[y * W + x] != ground;
}

static Uint32 rgb(SDL_Color c)
{
    return (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
}

/* What one blend of c over the ground gives, by SDL's own arithmetic. */
static Uint32 one_blend(SDL_Color ground, SDL_Color c)
{
    canvas *k = canvas_open(ground);
    ui_draw_fill(k->r, (SDL_Rect){0, 0, 4, 4}, c);
    canvas_read(k);
    Uint32 v = k->pix[0];
    canvas_close(k);
    return v;
}

/* A polyline of two points is ui_draw_line, pixel for pixel. */
START_TEST(test_polyline_two_points_is_the_line)
{
    canvas *a = canvas_open(ground_grey), *b = canvas_open(ground_grey);
    unsigned seed = 11;
    for (int i = 0; i < 1500; i++) {
        SDL_FPoint p[2] = {{frand(&seed, -40, W + 40), frand(&seed, -40, H + 40)}, {0, 0}};
        p[1] = (SDL_FPoint){p[0].x + frand(&seed, -150, 150), p[0].y + frand(&seed, -150, 150)};
        if (i % 9 == 0) p[1].y = p[0].y;
        if (i % 10 == 0) p[1].x = p[0].x;
        float width = frand(&seed, 0.5f, 6.4f);
        SDL_Color c = {(Uint8)(i * 37), (Uint8)(i * 91), (Uint8)(i * 53), 255};
        ui_draw_polyline(a->r, p, 2, width, c);
        ui_draw_line(b->r, p[0].x, p[0].y, p[1].x, p[1].y, width, c);
        if (!same_pixels(a, b))
            ck_abort_msg("polyline %d (%g,%g)-(%g,%g) width %g is not the line", i, p[0].x, p[0].y, p[1].x, p[1].y,
                         width);
    }
    canvas_close(a);
    canvas_close(b);
}
END_TEST

/* A random polyline covers every pixel its segments' lines cover, and more only in the
 * joins (a width x width square on a vertex): no gap, no notch at a bend. */
START_TEST(test_polyline_covers_its_segments_and_joins)
{
    const Uint32 g = rgb(ground_grey);
    const SDL_Color ink = {10, 20, 30, 255};
    unsigned seed = 5;
    for (int trial = 0; trial < 60; trial++) {
        canvas *a = canvas_open(ground_grey), *b = canvas_open(ground_grey);
        SDL_FPoint p[12];
        const int n = 2 + trial % 10;
        for (int i = 0; i < n; i++) p[i] = (SDL_FPoint){frand(&seed, 10, W - 10), frand(&seed, 10, H - 10)};
        const float width = 1.0f + (float)(trial % 6);
        const int w = (int)lroundf(width);
        ui_draw_polyline(a->r, p, n, width, ink);
        for (int i = 1; i < n; i++) ui_draw_line(b->r, p[i - 1].x, p[i - 1].y, p[i].x, p[i].y, width, ink);
        canvas_read(a);
        canvas_read(b);
        int extra = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                if (is_set(b, x, y, g)) ck_assert_msg(is_set(a, x, y, g), "trial %d: (%d,%d) of a segment left out", trial, x, y);
                if (!is_set(a, x, y, g) || is_set(b, x, y, g)) continue;
                int near_vertex = 0;
                for (int i = 1; i < n - 1; i++)
                    near_vertex |= fabsf(x + 0.5f - p[i].x) <= w && fabsf(y + 0.5f - p[i].y) <= w;
                ck_assert_msg(near_vertex, "trial %d: (%d,%d) drawn away from every join", trial, x, y);
                extra++;
            }
        ck_assert_int_le(extra, (n - 2) * w * w);
        canvas_close(a);
        canvas_close(b);
    }
    /* A right-angle bend from across to up, 4 wide: the outside corner is filled. */
    canvas *c = canvas_open(ground_grey);
    const SDL_FPoint bend[3] = {{40.0f, 100.0f}, {140.0f, 100.3f}, {140.2f, 20.0f}};
    ui_draw_polyline(c->r, bend, 3, 4.0f, ink);
    canvas_read(c);
    /* The lines' pixels: rows 99..102 across, columns 139..142 up; without the join the
     * corner's (141..142, 101..102) would be missing. */
    for (int y = 99; y <= 102; y++)
        for (int x = 139; x <= 142; x++) ck_assert_msg(is_set(c, x, y, g), "the bend's corner (%d,%d) is a notch", x, y);
    canvas_close(c);
}
END_TEST

/* A path with a translucent colour: every pixel it covers is blended once, however the
 * segments overlap (a zigzag doubling back on itself 2,000 times). */
START_TEST(test_polyline_blends_each_pixel_once)
{
    const SDL_Color edge = {0, 0, 0, 160};
    const Uint32 g = rgb(ground_grey), once = one_blend(ground_grey, edge);
    ck_assert_uint_ne(once, g);
    canvas *c = canvas_open(ground_grey);
    static SDL_FPoint zig[2000];
    unsigned seed = 3;
    for (int i = 0; i < 2000; i++)
        zig[i] = (SDL_FPoint){60.0f + 40.0f * sinf(i * 0.37f) + frand(&seed, -3, 3), 30.0f + i * 0.09f};
    ui_draw_polyline(c->r, zig, 2000, 5.0f, edge);
    canvas_read(c);
    int covered = 0;
    for (int i = 0; i < W * H; i++) {
        if (c->pix[i] == g) continue;
        ck_assert_msg(c->pix[i] == once, "(%d,%d) is %06x, not one blend %06x", i % W, i / W, c->pix[i], once);
        covered++;
    }
    ck_assert_int_gt(covered, 2000); /* it drew */
    canvas_close(c);
}
END_TEST

/* The landscape's path: its translucent edge under the opaque line. The same path
 * sampled ten times as densely gives the same picture: no pixel darker for the
 * crowding, the edge's pixels the same but for rounding a pixel aside. */
START_TEST(test_path_edge_independent_of_density)
{
    const SDL_Color edge = {0, 0, 0, 160}, line = {255, 255, 255, 255};
    const Uint32 g = rgb(ground_grey), once = one_blend(ground_grey, edge);
    const SDL_FPoint corner[5] = {{30, 200}, {90, 60}, {170, 150}, {250, 40}, {290, 210}};
    SDL_FPoint sparse[5], dense[41];
    int nd = 0;
    for (int i = 0; i < 5; i++) {
        sparse[i] = corner[i];
        for (int k = 0; k < (i < 4 ? 10 : 1); k++) {
            float t = k / 10.0f;
            dense[nd++] = i < 4 ? (SDL_FPoint){corner[i].x + t * (corner[i + 1].x - corner[i].x),
                                               corner[i].y + t * (corner[i + 1].y - corner[i].y)}
                                : corner[4];
        }
    }
    canvas *c[2] = {canvas_open(ground_grey), canvas_open(ground_grey)};
    const SDL_FPoint *path[2] = {sparse, dense};
    const int n[2] = {5, nd};
    int edge_px[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        ui_draw_polyline(c[k]->r, path[k], n[k], 5.0f, edge);
        ui_draw_polyline(c[k]->r, path[k], n[k], 3.0f, line);
        canvas_read(c[k]);
        for (int i = 0; i < W * H; i++) {
            Uint32 v = c[k]->pix[i];
            ck_assert_msg(v == g || v == once || v == rgb(line), "%s path: (%d,%d) is %06x", k ? "dense" : "sparse",
                          i % W, i / W, v);
            edge_px[k] += v == once;
        }
    }
    /* Each of one picture's pixels is in the other's within a pixel. */
    int moved = 0;
    for (int k = 0; k < 2; k++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                Uint32 v = c[k]->pix[y * W + x];
                if (v == c[1 - k]->pix[y * W + x]) continue;
                moved++;
                int near = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                        near |= x + dx >= 0 && y + dy >= 0 && x + dx < W && y + dy < H &&
                                c[1 - k]->pix[(y + dy) * W + x + dx] == v;
                ck_assert_msg(near, "(%d,%d) %06x: not within a pixel in the %s path", x, y, v, k ? "sparse" : "dense");
            }
    ck_assert_int_gt(edge_px[0], 400);
    ck_assert_int_lt(abs(edge_px[0] - edge_px[1]), edge_px[0] / 10);
    ck_assert_int_lt(moved, edge_px[0] / 5);
    canvas_close(c[0]);
    canvas_close(c[1]);
}
END_TEST

/* A NaN point is a gap in the line, not its end; no point finite draws nothing; points
 * far off (1e30, infinity) draw what lies on the canvas, in bounded calls. */
START_TEST(test_polyline_nan_breaks_and_hostile_points)
{
    const Uint32 g = rgb(ground_grey);
    const SDL_Color ink = {0, 0, 200, 255};
    canvas *c = canvas_open(ground_grey);
    const SDL_FPoint p[5] = {{20, 50}, {100, 50}, {NAN, 50}, {180, 50}, {260, 50}};
    ui_draw_polyline(c->r, p, 5, 3.0f, ink);
    canvas_read(c);
    ck_assert(is_set(c, 60, 50, g));
    ck_assert(is_set(c, 220, 50, g));
    for (int x = 102; x < 178; x++) ck_assert_msg(!is_set(c, x, 50, g), "(%d,50) drawn across the break", x);
    canvas_close(c);

    c = canvas_open(ground_grey);
    const SDL_FPoint none[3] = {{NAN, NAN}, {INFINITY, 3}, {NAN, 0}};
    ui_draw_polyline(c->r, none, 3, 3.0f, ink);
    ui_draw_polyline(c->r, NULL, 3, 3.0f, ink);
    ui_draw_polyline(c->r, p, 1, 3.0f, ink);
    ui_draw_polyline(c->r, p, -4, 3.0f, ink);
    canvas_read(c);
    for (int i = 0; i < W * H; i++) ck_assert_uint_eq(c->pix[i], g);
    const SDL_FPoint far[4] = {{-1e30f, 120}, {1e30f, 121}, {160, -1e30f}, {160.5f, 1e30f}};
    sdl_calls = 0;
    ui_draw_polyline(c->r, far, 4, 1e9f, ink);
    canvas_read(c);
    ck_assert(is_set(c, 10, 120, g) && is_set(c, 300, 120, g) && is_set(c, 160, 10, g) && is_set(c, 160, 230, g));
    ck_assert_int_le(sdl_calls, H * 3); /* a few runs a row */
    canvas_close(c);
}
END_TEST

/* 10,000 samples of a noisy series over 280 pixel columns: thinned to at most 8 a
 * column, a one-pixel line covers exactly the rows of every column the line through
 * every sample covers (the same min/max envelope); 2 and 3 pixels wide, the same but in
 * a few columns a pixel apart (a join's square sits on a vertex the other has not), in
 * a bounded number of calls. */
START_TEST(test_thinned_series_keeps_the_envelope)
{
    const Uint32 g = rgb(ground_grey);
    const SDL_Color ink = {0, 0, 0, 255};
    enum { N = 10000 };
    static SDL_FPoint all[N], thin[N];
    unsigned seed = 9;
    for (int i = 0; i < N; i++)
        all[i] = (SDL_FPoint){20.0f + i * 0.028f, 120.0f + 60.0f * sinf(i / 900.0f) + frand(&seed, -25, 25)};
    all[5000].y = NAN; /* a break survives the thinning */
    memcpy(thin, all, sizeof all);
    int n = ui_draw_thin_pixels(thin, ui_draw_thin_columns(thin, N)); /* as the history thins */
    ck_assert_int_le(n, 8 * 282 + 2);
    ck_assert_int_ge(n, 2 * 280);
    for (int width = 1; width <= 3; width++) {
        canvas *a = canvas_open(ground_grey), *b = canvas_open(ground_grey);
        ui_draw_polyline(a->r, all, N, (float)width, ink);
        sdl_calls = 0;
        ui_draw_polyline(b->r, thin, n, (float)width, ink);
        ck_assert_int_le(sdl_calls, 2 * H); /* rows' runs in batches */
        canvas_read(a);
        canvas_read(b);
        int off = 0;
        for (int x = 0; x < W; x++) {
            int top[2] = {-1, -1}, bottom[2] = {-1, -1};
            for (int k = 0; k < 2; k++)
                for (int y = 0; y < H; y++)
                    if (is_set(k ? b : a, x, y, g)) {
                        if (top[k] < 0) top[k] = y;
                        bottom[k] = y;
                    }
            ck_assert_msg((top[0] < 0) == (top[1] < 0), "column %d drawn in one only", x);
            const int d = abs(top[0] - top[1]) > abs(bottom[0] - bottom[1]) ? abs(top[0] - top[1])
                                                                            : abs(bottom[0] - bottom[1]);
            ck_assert_msg(d <= (width > 1), "width %d, column %d: rows %d..%d thinned, %d..%d dense", width, x, top[1],
                          bottom[1], top[0], bottom[0]);
            off += d > 0;
        }
        ck_assert_int_le(off, width == 1 ? 0 : 280 / 40); /* exact but for a few */
        canvas_close(a);
        canvas_close(b);
    }
}
END_TEST

/* A descent that settles: 2,000 steps, most of them in the last few pixels. Thinned to
 * a point a pixel, it keeps its ends and its breaks and draws the same line within a
 * pixel, through a few hundred points rather than 2,000. */
START_TEST(test_settled_path_thinned_to_pixels)
{
    const Uint32 g = rgb(ground_grey);
    const SDL_Color ink = {0, 0, 0, 255};
    enum { N = 2000 };
    static SDL_FPoint all[N], thin[N];
    for (int i = 0; i < N; i++) {
        const float t = expf(-i / 60.0f);
        all[i] = (SDL_FPoint){160.0f + 140.0f * t * cosf(i / 40.0f), 120.0f + 100.0f * t * sinf(i / 40.0f)};
    }
    all[30].x = INFINITY;
    memcpy(thin, all, sizeof all);
    const int n = ui_draw_thin_pixels(thin, N);
    ck_assert_int_lt(n, N / 4);
    ck_assert(thin[n - 1].x == all[N - 1].x && thin[n - 1].y == all[N - 1].y);
    ck_assert(thin[0].x == all[0].x && thin[0].y == all[0].y);
    int breaks = 0;
    for (int i = 0; i < n; i++) breaks += !isfinite(thin[i].x);
    ck_assert_int_eq(breaks, 1);
    canvas *c[2] = {canvas_open(ground_grey), canvas_open(ground_grey)};
    ui_draw_polyline(c[0]->r, all, N, 3.0f, ink);
    ui_draw_polyline(c[1]->r, thin, n, 3.0f, ink);
    canvas_read(c[0]);
    canvas_read(c[1]);
    for (int k = 0; k < 2; k++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                if (!is_set(c[k], x, y, g)) continue;
                int near = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) near |= is_set(c[1 - k], x + dx, y + dy, g);
                ck_assert_msg(near, "(%d,%d) of the %s path is not within a pixel of the other", x, y,
                              k ? "thinned" : "whole");
            }
    canvas_close(c[0]);
    canvas_close(c[1]);
}
END_TEST

/* ui_over gives to the byte what SDL's software renderer makes of a translucent fill
 * over an opaque ground: the selection band drawn opaque keeps its pixels. */
START_TEST(test_over_is_sdl_blend)
{
    unsigned seed = 21;
    for (int i = 0; i < 300; i++) {
        const SDL_Color ground = {(Uint8)frand(&seed, 0, 255), (Uint8)frand(&seed, 0, 255), (Uint8)frand(&seed, 0, 255),
                                  255};
        const SDL_Color c = {(Uint8)frand(&seed, 0, 255), (Uint8)frand(&seed, 0, 255), (Uint8)frand(&seed, 0, 255),
                             (Uint8)(i < 256 ? i : frand(&seed, 1, 254))};
        ck_assert_uint_eq(rgb(ui_over(ground, c)), one_blend(ground, c));
        ck_assert_uint_eq(ui_over(ground, c).a, 255);
    }
}
END_TEST

/* The history panel's drawing does not grow with the history: after 10,000 steps
 * (2,048 samples kept) it takes about the SDL calls it takes after 300, at 720p and
 * 1080p, and within a few per pixel column of its plot; its curves are drawn to the
 * last sample. */
START_TEST(test_history_calls_bounded_by_the_plot)
{
    for (int z = 0; z < 2; z++) {
        long calls[2] = {0, 0};
        int plot_w = 0;
        for (int k = 0; k < 2; k++) {
            xl_session *s = default_session_at(1);
            xl_session_step_calls(s, k ? 10000 : 300);
            panel_frame f;
            ui_ctx ctx = panel_frame_open(&f, sizes[z], UI_THEME_LIGHT);
            ui_history_geom geom;
            sdl_calls = 0;
            ui_history_draw(&ctx, f.area, s, &geom);
            calls[k] = sdl_calls;
            plot_w = geom.plot.w;
            /* The loss curve reaches the plot's last column near its last sample. */
            const xl_sim *sim = xl_session_sim(s);
            ck_assert_int_eq(xl_sim_history(sim)[xl_sim_history_count(sim) - 1].step, k ? 10000 : 300);
            SDL_RenderFlush(f.renderer);
            panel_frame_close(&f);
            xl_session_destroy(s);
        }
        if (getenv("XL_TEST_VERBOSE")) fprintf(stderr, "history %d: %ld calls at 300 steps, %ld at 10000, plot %d\n", z, calls[0], calls[1], plot_w);
        ck_assert_int_gt(plot_w, 200);
        ck_assert_msg(calls[1] <= calls[0] + calls[0] / 4, "%ld calls after 10,000 steps, %ld after 300", calls[1],
                      calls[0]);
        ck_assert_msg(calls[1] <= 2 * plot_w, "%ld calls for a plot %d wide", calls[1], plot_w);
    }
}
END_TEST

/* Windows need SDL's video subsystem: up before the runner's SDL_Init(0). */
/* The drawing code keeps no large thread-local storage: glibc puts a thread's TLS in its
 * stack, and SDL starts its audio thread with a 64 KB stack (SDL_RunAudio), which a 64 KB
 * thread-local mask once made fail to start (the window's replay went silent). */
static int small_stack_thread(void *data)
{
    *(int *)data = 1;
    return 7;
}

START_TEST(test_threads_with_small_stacks_still_start)
{
    int ran = 0, status = 0;
    SDL_Thread *t = SDL_CreateThreadWithStackSize(small_stack_thread, "small", 64 * 1024, &ran);
    ck_assert_msg(t != NULL, "a thread with a 64 KB stack could not start: %s", SDL_GetError());
    SDL_WaitThread(t, &status);
    ck_assert_int_eq(ran, 1);
    ck_assert_int_eq(status, 7);
}
END_TEST

Suite *xl_test_suite(void)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return NULL;
    Suite *s = suite_create("draw_lines");
    const xl_test_case cases[] = {
        {"ui_draw_line has SDL's lines' pixels", test_line_matches_sdl},
        {"a polyline of two points is the line", test_polyline_two_points_is_the_line},
        {"a polyline covers its segments and fills its joins", test_polyline_covers_its_segments_and_joins},
        {"a translucent polyline blends each pixel once", test_polyline_blends_each_pixel_once},
        {"a path's edge does not darken with denser samples", test_path_edge_independent_of_density},
        {"NaN breaks a polyline; hostile points are bounded", test_polyline_nan_breaks_and_hostile_points},
        {"a series thinned per column keeps its envelope", test_thinned_series_keeps_the_envelope},
        {"the history's SDL calls do not grow with its length", test_history_calls_bounded_by_the_plot},
        {"ui_over is SDL's blend over an opaque ground", test_over_is_sdl_blend},
        {"a settled path thinned to a point a pixel", test_settled_path_thinned_to_pixels},
        {"threads with 64 KB stacks still start", test_threads_with_small_stacks_still_start},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

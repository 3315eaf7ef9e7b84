/* ui_draw_runs: Bresenham walks emitted as runs (see the header). */
#include "ui_draw_runs.h"

#include <math.h>
#include <stdlib.h>

static void fill_emit(ui_runs_sink *k, int x, int y, int w, int h)
{
    if (k->n == UI_RUNS_BATCH) ui_runs_fill_flush(k);
    k->batch[k->n++] = (SDL_Rect){x, y, w, h};
}

void ui_runs_fill_init(ui_runs_sink *k, SDL_Renderer *r)
{
    k->emit = fill_emit;
    k->r = r;
    k->n = 0;
}

void ui_runs_fill_flush(ui_runs_sink *k)
{
    if (k->n > 0) SDL_RenderFillRects(k->r, k->batch, k->n);
    k->n = 0;
}

/* SDL's RenderDrawLineBresenham from (x1, y1) to (x2, y2), last pixel drawn, its pixels
 * emitted as runs: on one row when x-major, each `thick` rows tall (from y down); on one
 * column when y-major, each `thick` columns wide. The decision variable and the steps
 * are SDL's, so the pixels are the ones SDL would queue as points. */
static void walk(ui_runs_sink *k, int x1, int y1, int x2, int y2, int thick)
{
    const int dx = abs(x2 - x1), dy = abs(y2 - y1);
    const int sx = x1 > x2 ? -1 : 1, sy = y1 > y2 ? -1 : 1;
    int x = x1, y = y1;
    if (dx >= dy) {
        int d = 2 * dy - dx, start = x;
        for (int i = 0; i <= dx; i++) {
            const int step = d >= 0; /* the next pixel is a row over: this run ends here */
            d += step ? 2 * (dy - dx) : 2 * dy;
            if (step || i == dx) {
                k->emit(k, sx > 0 ? start : x, y, abs(x - start) + 1, thick);
                start = x + sx;
            }
            if (step) y += sy;
            x += sx;
        }
    } else {
        int d = 2 * dx - dy, start = y;
        for (int i = 0; i <= dy; i++) {
            const int step = d >= 0; /* the next pixel is a column over */
            d += step ? 2 * (dx - dy) : 2 * dx;
            if (step || i == dy) {
                k->emit(k, x, sy > 0 ? start : y, thick, abs(y - start) + 1);
                start = y + sy;
            }
            if (step) x += sx;
            y += sy;
        }
    }
}

int ui_runs_line(ui_runs_sink *k, float x0, float y0, float x1, float y1, int w)
{
    const float dx = x1 - x0, dy = y1 - y0;
    if (dx == 0.0f && dy == 0.0f) return -1;
    /* Axis-aligned: the rectangle SDL_RenderFillRectF fills (its software renderer
     * truncates each coordinate toward zero, and a size to at least 1). */
    if (dx == 0.0f || dy == 0.0f) {
        const float h = w * 0.5f;
        const float fx = dy == 0.0f ? fminf(x0, x1) : x0 - h, fy = dy == 0.0f ? y0 - h : fminf(y0, y1);
        const float fw = dy == 0.0f ? fabsf(dx) : (float)w, fh = dy == 0.0f ? (float)w : fabsf(dy);
        int iw = (int)fw, ih = (int)fh;
        k->emit(k, (int)fx, (int)fy, iw > 1 ? iw : 1, ih > 1 ? ih : 1);
        return dy == 0.0f ? 0 : 1;
    }
    /* w one-pixel lines stacked across the minor axis, as ui_draw_line drew them with
     * SDL_RenderDrawLineF: the same float sums, rounded as SDL rounds them. */
    const int x_major = fabsf(dx) >= fabsf(dy);
    long ends[4] = {0, 0, 0, 0};
    int shifted = 1; /* every line k is line 0 moved k pixels across, and walks the same way */
    for (int i = 0; i < w && shifted; i++) {
        const float o = (float)i - (float)(w - 1) * 0.5f;
        const long e[4] = {ui_runs_round(x_major ? x0 : x0 + o), ui_runs_round(x_major ? y0 + o : y0),
                           ui_runs_round(x_major ? x1 : x1 + o), ui_runs_round(x_major ? y1 + o : y1)};
        if (i == 0)
            for (int j = 0; j < 4; j++) ends[j] = e[j];
        else if (x_major)
            shifted = e[0] == ends[0] && e[2] == ends[2] && e[1] == ends[1] + i && e[3] == ends[3] + i;
        else
            shifted = e[1] == ends[1] && e[3] == ends[3] && e[0] == ends[0] + i && e[2] == ends[2] + i;
    }
    const int walk_x_major = labs(ends[2] - ends[0]) >= labs(ends[3] - ends[1]);
    if (shifted && walk_x_major == x_major) {
        walk(k, (int)ends[0], (int)ends[1], (int)ends[2], (int)ends[3], w);
        return x_major ? 0 : 1;
    }
    /* Near the diagonal (the rounded ends walk the other way) or where rounding breaks
     * the shift: each line on its own, as before. */
    for (int i = 0; i < w; i++) {
        const float o = (float)i - (float)(w - 1) * 0.5f;
        walk(k, (int)ui_runs_round(x_major ? x0 : x0 + o), (int)ui_runs_round(x_major ? y0 + o : y0),
             (int)ui_runs_round(x_major ? x1 : x1 + o), (int)ui_runs_round(x_major ? y1 + o : y1), 1);
    }
    return x_major ? 0 : 1;
}

/* ui_hit: what lies where in the frame (see ui_hit.h).
 *
 * The panels are tried in the order they cannot overlap in: bars, the simplex (in the
 * landscape's place when the session shows it), the landscape's map, the history. A pixel
 * is hit at its centre (px + 0.5), so the map's left column is lo plus half a pixel's
 * width, never lo itself, and a click anywhere in a pixel names the same point.
 */
#include "ui_hit.h"

#include <math.h>
#include <string.h>

int ui_hit_inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

double ui_hit_bar_value(const ui_bars_geom *b, int y)
{
    double v = (double)(b->plot.y + b->plot.h - y) / (b->plot.h > 0 ? b->plot.h : 1);
    return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
}

int ui_hit_bar_column(const ui_bars_geom *b, int x)
{
    if (!(b->slot > 0.0f)) return -1;
    int col = (int)floorf((x - b->plot.x) / b->slot);
    return col >= 0 && col < b->n ? col : -1;
}

int ui_hit_landscape_point(const ui_frame_geom *g, const xl_session *s, int px, int py, int clamp, double *x,
                           double *y)
{
    const ui_landscape_geom *l = &g->landscape;
    /* Not when the simplex takes the landscape's place, nor with an empty view. */
    if (xl_session_simplex(s) || g->layout.landscape.w <= 0 || l->map.w <= 0 || l->map.h <= 0 || !(l->hi > l->lo) || !(l->yhi > l->ylo)) return 0;
    if (clamp) {
        px = px < l->map.x ? l->map.x : px >= l->map.x + l->map.w ? l->map.x + l->map.w - 1 : px;
        py = py < l->map.y ? l->map.y : py >= l->map.y + l->map.h ? l->map.y + l->map.h - 1 : py;
    }
    if (!ui_hit_inside(l->map, px, py)) return 0;
    *x = l->lo + (px + 0.5 - l->map.x) / l->map.w * (l->hi - l->lo);
    *y = l->ylo + (l->map.y + l->map.h - (py + 0.5)) / l->map.h * (l->yhi - l->ylo);
    return 1;
}

int ui_hit_landscape_pan(const ui_landscape_geom *l, int dx, int dy, double *x, double *y)
{
    if (l->map.w <= 0 || l->map.h <= 0) return 0;
    *x = -dx * (l->hi - l->lo) / l->map.w; /* the map follows the pointer: the view moves the other way */
    *y = dy * (l->yhi - l->ylo) / l->map.h;   /* pixel rows grow downward, y upward */
    return 1;
}

/* The sample of the history nearest to pixel column px, if within 12 pixels of it. */
static int history_hit(const ui_frame_geom *g, const xl_session *s, int px, ui_hit *h)
{
    const ui_history_geom *hg = &g->history;
    const xl_sim *sim = xl_session_sim(s);
    const xl_sample *hist = xl_sim_history(sim);
    int count = xl_sim_history_count(sim);
    double step = (double)(px - hg->plot.x) / hg->plot.w * hg->x_max;
    int best = -1;
    double best_d = INFINITY;
    for (int i = 0; i < count; i++) {
        double d = fabs((double)hist[i].step - step);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    /* Past the run's end there is nothing to show. */
    if (best < 0 || !(best_d * hg->plot.w / hg->x_max <= 12.0)) return 0;
    h->kind = UI_HIT_HISTORY;
    h->sample = best;
    h->step = hist[best].step;
    int x = hg->plot.x + (int)(hist[best].step / hg->x_max * hg->plot.w);
    h->target = (SDL_Rect){x - 3, hg->plot.y, 7, hg->plot.h};
    return 1;
}

ui_hit ui_hit_at(const ui_frame_geom *g, const xl_session *s, int px, int py)
{
    ui_hit h;
    memset(&h, 0, sizeof h);
    const ui_bars_geom *b = &g->bars;
    if (g->layout.bars.w > 0 && b->n > 0 && b->slot > 0.0f && ui_hit_inside(b->plot, px, py)) {
        int i = (int)((px - b->plot.x) / b->slot);
        if (i >= 0 && i < b->n) {
            h.kind = UI_HIT_BAR;
            h.index = i;
            h.y = ui_hit_bar_value(b, py);
            h.target = (SDL_Rect){b->plot.x + (int)(i * b->slot), b->plot.y, (int)ceilf(b->slot), b->plot.h};
            return h;
        }
    }
    const ui_simplex_geom *sg = &g->simplex;
    if (xl_session_simplex(s) && sg->drawn && ui_hit_inside(sg->area, px, py)) {
        h.kind = UI_HIT_SIMPLEX;
        ui_simplex_from_point(sg, (float)px, (float)py, h.p);
        /* On P when within a fingertip of its mark (the truth is the bars' P). */
        xl_bars bars;
        xl_session_bars(s, &bars);
        SDL_FPoint at = ui_simplex_to_point(sg, bars.p);
        float r = 12.0f * (g->scale > 1.0f ? g->scale : 1.0f);
        h.index = (px - at.x) * (px - at.x) + (py - at.y) * (py - at.y) <= r * r;
        h.target = sg->area; /* P, Q and the path stay in sight */
        return h;
    }
    const ui_landscape_geom *l = &g->landscape;
    if (ui_hit_landscape_point(g, s, px, py, 0, &h.x, &h.y)) {
        h.kind = UI_HIT_LANDSCAPE;
        /* The whole map: its marks (now, start, minimum) near the pointer stay in sight. */
        h.target = l->map;
        return h;
    }
    const ui_history_geom *hg = &g->history;
    if (g->layout.history.w > 0 && hg->plot.w > 0 && hg->x_max > 0.0 && ui_hit_inside(hg->plot, px, py))
        history_hit(g, s, px, &h);
    return h;
}

long ui_hit_history_step(const ui_frame_geom *g, const xl_session *s, int x)
{
    long first, head;
    xl_session_timeline(s, &first, &head);
    const ui_history_geom *hg = &g->history;
    double t = hg->plot.w > 0 ? (x + 0.5 - hg->plot.x) / hg->plot.w * hg->x_max : 0.0;
    long step = (long)floor(t + 0.5);
    return step < first ? first : step > head ? head : step;
}

const ui_hit_region *ui_hit_edit_region(const ui_frame_geom *g, int x, int y)
{
    const ui_hits *hits = g->hits;
    const ui_hit_region *best = NULL;
    long best_d = 0;
    for (int k = 0; hits && k < hits->n; k++) {
        const ui_hit_region *r = &hits->region[k];
        if ((r->edit.drag == XL_CMD_NONE && r->edit.click == XL_CMD_NONE) || !ui_hit_inside(r->rect, x, y)) continue;
        /* Twice the distance to the centre, in whole pixels: no rounding of odd sizes. */
        long dx = 2L * x - (2L * r->rect.x + r->rect.w), dy = 2L * y - (2L * r->rect.y + r->rect.h);
        long d = dx * dx + dy * dy;
        if (!best || d <= best_d) {
            best = r;
            best_d = d;
        }
    }
    return best;
}

const ui_hit_region *ui_hit_tip_region(const ui_frame_geom *g, int x, int y)
{
    const ui_hits *hits = g->hits;
    /* The last recorded is drawn on top. */
    for (int k = hits ? hits->n - 1 : -1; k >= 0; k--)
        if (ui_hit_inside(hits->region[k].rect, x, y)) return &hits->region[k];
    return NULL;
}

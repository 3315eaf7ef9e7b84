/* ui_layout: panel rectangles and label placement (see ui_layout.h). */
#include "ui_layout.h"

#include <math.h>

ui_layout ui_layout_compute(int w, int h, float s, const ui_text *text, int own_panel)
{
    ui_layout L;
    L.data = (SDL_Rect){0, 0, 0, 0};
    L.gap = (int)(8.0f * s + 0.5f);
    if (L.gap < 4) L.gap = 4;
    L.pad = (int)(10.0f * s + 0.5f);
    if (L.pad < 5) L.pad = 5;

    int status_h = ui_text_line_height(text, UI_FONT_STATUS) + L.gap * 2;
    int hints_h = ui_text_line_height(text, UI_FONT_TICK) + L.gap * 2;
    L.status = (SDL_Rect){0, 0, w, status_h};
    L.hints = (SDL_Rect){0, h - hints_h, w, hints_h};

    int top = status_h + L.gap;
    int bottom = h - hints_h - L.gap;
    int body_h = bottom - top;
    int left_w = (w - 3 * L.gap) * UI_LAYOUT_LEFT_PCT / 100;
    int right_w = w - 3 * L.gap - left_w;
    int lx = L.gap, rx = 2 * L.gap + left_w;

    int bars_h = (body_h - L.gap) * UI_LAYOUT_BARS_PCT / 100;
    L.bars = (SDL_Rect){lx, top, left_w, bars_h};
    L.readouts = (SDL_Rect){lx, top + bars_h + L.gap, left_w, body_h - bars_h - L.gap};

    int land_h = (body_h - L.gap) * UI_LAYOUT_LANDSCAPE_PCT / 100;
    L.landscape = (SDL_Rect){rx, top, right_w, land_h};
    L.history = (SDL_Rect){rx, top + land_h + L.gap, right_w, body_h - land_h - L.gap};
    if (own_panel) {
        L.data = L.bars;
        int bars_w = (right_w - L.gap) * 40 / 100;
        L.bars = (SDL_Rect){rx, L.history.y, bars_w, L.history.h};
        L.history = (SDL_Rect){rx + bars_w + L.gap, L.history.y, right_w - bars_w - L.gap, L.history.h};
    }
    return L;
}

int ui_segment_hits_rect(float x0, float y0, float x1, float y1, SDL_Rect rect)
{
    /* Liang-Barsky against the closed box. */
    double xmin = rect.x, ymin = rect.y, xmax = rect.x + rect.w, ymax = rect.y + rect.h;
    double dx = (double)x1 - x0, dy = (double)y1 - y0, t0 = 0.0, t1 = 1.0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1) return 0;
            if (t > t0) t0 = t;
        } else {
            if (t < t0) return 0;
            if (t < t1) t1 = t;
        }
    }
    return t0 <= t1;
}

static int inside(SDL_Rect r, SDL_Rect bounds)
{
    return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w &&
           r.y + r.h <= bounds.y + bounds.h;
}

static int clear_of(SDL_Rect r, const ui_obstacles *obs)
{
    if (!obs) return 1;
    for (int i = 0; i < obs->nboxes; i++)
        if (SDL_HasIntersection(&r, &obs->boxes[i])) return 0;
    if (obs->npath == 1) {
        SDL_Point p = {(int)lroundf(obs->path[0].x), (int)lroundf(obs->path[0].y)};
        if (SDL_PointInRect(&p, &r)) return 0;
    }
    for (int i = 1; i < obs->npath; i++)
        if (ui_segment_hits_rect(obs->path[i - 1].x, obs->path[i - 1].y, obs->path[i].x,
                                 obs->path[i].y, r))
            return 0;
    return 1;
}

int ui_label_place(SDL_Rect anchor, int w, int h, int gap, SDL_Rect bounds,
                   const ui_obstacles *obs, SDL_Rect *out)
{
    /* Directions: right, left, above, below, then the diagonals. */
    static const int dir[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1},
                                  {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
    int cx = anchor.x + anchor.w / 2, cy = anchor.y + anchor.h / 2;
    int first_inside = -1;
    SDL_Rect first = {0, 0, w, h};
    for (int c = 0; c < 20; c++) {
        int ring = c < 4 ? 1 : c < 12 ? 2 : 4;
        const int *d = dir[c < 4 ? c : (c - 4) % 8];
        int gx = ring > 1 ? ring * (gap + h) : gap; /* far rings step out by lines of text */
        SDL_Rect r = {0, 0, w, h};
        /* Horizontal: beside the mark's box; vertical: centred on it, and vice versa. */
        if (d[0] > 0) r.x = anchor.x + anchor.w + gx;
        else if (d[0] < 0) r.x = anchor.x - gx - w;
        else r.x = cx - w / 2;
        if (d[1] > 0) r.y = anchor.y + anchor.h + gx;
        else if (d[1] < 0) r.y = anchor.y - gx - h;
        else r.y = cy - h / 2;
        if (!inside(r, bounds)) continue;
        if (first_inside < 0) {
            first_inside = c;
            first = r;
        }
        if (clear_of(r, obs)) {
            *out = r;
            return c;
        }
    }
    if (first_inside < 0) {
        first = (SDL_Rect){anchor.x + anchor.w + gap, cy - h / 2, w, h};
        if (first.x + w > bounds.x + bounds.w) first.x = bounds.x + bounds.w - w;
        if (first.x < bounds.x) first.x = bounds.x;
        if (first.y + h > bounds.y + bounds.h) first.y = bounds.y + bounds.h - h;
        if (first.y < bounds.y) first.y = bounds.y;
    }
    *out = first;
    return -1;
}

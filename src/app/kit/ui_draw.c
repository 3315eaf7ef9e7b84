/* ui_draw: shapes from the renderer's rectangles and one-pixel lines only. SDL's
 * software renderer, which draws every headless and recorded frame, allocates
 * temporary surfaces for triangle geometry on every call; rectangles and lines it
 * draws in place.
 *
 * Every entry point refuses non-finite input (NaN or infinity draws nothing) and
 * bounds what it hands SDL: coordinates to +-UI_DRAW_BOUND pixels (lines are clipped
 * there, so they keep their direction), radii to the largest disc drawn and widths
 * to a few hundred pixels. SDL turns coordinates into ints; past 2^31 that
 * conversion is undefined and its software renderer has written out of bounds. */
#include "ui_draw.h"

#include <math.h>
#include "ui_rec.h"

enum { MAX_ROWS = 256 };      /* discs up to 256 px across */
enum { MAX_WIDTH = 256 };     /* thickest line, in pixels */
enum { MAX_DASHES = 100000 }; /* dashes per call: a dashed line is never unbounded work */

SDL_Color ui_rgba(SDL_Color c, Uint8 alpha)
{
    c.a = alpha;
    return c;
}

SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t)
{
    if (!(t > 0.0f)) t = 0.0f; /* NaN too */
    if (t > 1.0f) t = 1.0f;
    SDL_Color m = {
        (Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
        (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t),
    };
    return m;
}

float ui_draw_clamp(double v)
{
    if (isnan(v)) return 0.0f;
    if (v > UI_DRAW_BOUND) return (float)UI_DRAW_BOUND;
    if (v < -UI_DRAW_BOUND) return (float)-UI_DRAW_BOUND;
    return (float)v;
}

static int finite4(float a, float b, float c, float d)
{
    return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d);
}

/* What each operation hashes first (ui_rec): its kind. */
enum { OP_FILL = 1, OP_LINE, OP_DISC, OP_MARKER, OP_RING, OP_COPY };

static uint64_t mix_color(uint64_t h, SDL_Color c)
{
    return ui_rec_mix_u64(h, (uint64_t)c.r | (uint64_t)c.g << 8 | (uint64_t)c.b << 16 | (uint64_t)c.a << 24);
}

static uint64_t mix_rect(uint64_t h, SDL_Rect r)
{
    h = ui_rec_mix_u64(h, (uint64_t)(uint32_t)r.x | (uint64_t)(uint32_t)r.y << 32);
    return ui_rec_mix_u64(h, (uint64_t)(uint32_t)r.w | (uint64_t)(uint32_t)r.h << 32);
}

/* The box a round shape of radius `radius` centred on (cx, cy) can touch. */
static SDL_Rect round_box(float cx, float cy, float radius)
{
    const int x0 = (int)floorf(cx - radius) - 1, y0 = (int)floorf(cy - radius) - 1;
    const int side = (int)ceilf(2.0f * radius) + 3;
    return (SDL_Rect){x0, y0, side, side};
}

static void set_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

/* rect intersected with the bounded plane, in 64-bit so x + w cannot overflow.
 * Returns 0 when nothing is left. */
static int bound_rect(SDL_Rect *rect)
{
    const long long B = (long long)UI_DRAW_BOUND;
    long long x0 = rect->x, y0 = rect->y;
    long long x1 = x0 + rect->w, y1 = y0 + rect->h;
    if (x0 < -B) x0 = -B;
    if (y0 < -B) y0 = -B;
    if (x1 > B) x1 = B;
    if (y1 > B) y1 = B;
    if (x1 <= x0 || y1 <= y0) return 0;
    *rect = (SDL_Rect){(int)x0, (int)y0, (int)(x1 - x0), (int)(y1 - y0)};
    return 1;
}

void ui_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0 || !bound_rect(&rect)) return;
    const uint64_t h = ui_rec_active(r) ? mix_rect(mix_color(OP_FILL, c), rect) : 0;
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, rect, &op); go; go = ui_rec_op_next(&op)) {
        set_color(r, c);
        SDL_RenderFillRect(r, &rect);
    }
}

void ui_draw_copy(SDL_Renderer *r, SDL_Texture *t, unsigned long version, const SDL_Rect *src, SDL_Rect dst)
{
    if (!t || dst.w <= 0 || dst.h <= 0 || !bound_rect(&dst)) return;
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        SDL_BlendMode mode = SDL_BLENDMODE_NONE;
        Uint8 cr = 0, cg = 0, cb = 0, ca = 0;
        SDL_GetTextureBlendMode(t, &mode);
        SDL_GetTextureColorMod(t, &cr, &cg, &cb);
        SDL_GetTextureAlphaMod(t, &ca);
        h = ui_rec_mix_u64(OP_COPY, (uint64_t)(uintptr_t)t);
        h = ui_rec_mix_u64(h, version);
        h = mix_rect(h, src ? *src : (SDL_Rect){-1, -1, -1, -1});
        h = mix_rect(h, dst);
        h = mix_color(ui_rec_mix_u64(h, (uint64_t)mode), (SDL_Color){cr, cg, cb, ca});
    }
    /* Scaled, it is drawn whole or not at all (SDL samples a clipped scaled copy from
     * the clipped part of the source). */
    int tw = 0, th = 0;
    if (src) tw = src->w, th = src->h;
    else SDL_QueryTexture(t, NULL, NULL, &tw, &th);
    const int scaled = tw != dst.w || th != dst.h;
    ui_rec_op op;
    for (int go = scaled ? ui_rec_op_begin_whole(r, h, dst, &op) : ui_rec_op_begin(r, h, dst, &op); go;
         go = ui_rec_op_next(&op))
        SDL_RenderCopy(r, t, src, &dst);
}

void ui_draw_frame(SDL_Renderer *r, SDL_Rect rect, int width, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0) return;
    if (width < 1) width = 1;
    if (width > MAX_WIDTH) width = MAX_WIDTH;
    if (2 * width >= rect.w || 2 * width >= rect.h) {
        ui_draw_fill(r, rect, c);
        return;
    }
    SDL_Rect sides[4] = {
        {rect.x, rect.y, rect.w, width},
        {rect.x, rect.y + rect.h - width, rect.w, width},
        {rect.x, rect.y + width, width, rect.h - 2 * width},
        {rect.x + rect.w - width, rect.y + width, width, rect.h - 2 * width},
    };
    for (int i = 0; i < 4; i++) ui_draw_fill(r, sides[i], c);
}

/* Clip the segment to the box [xmin, xmax] x [ymin, ymax] in place (ui_draw_clip_span).
 * Returns 0 if none of it is inside. Doubles, so float endpoints far outside cannot
 * overflow the arithmetic. */
int ui_draw_clip_span(double x0, double y0, double dx, double dy, double xmin, double ymin, double xmax, double ymax,
                      double *t0, double *t1, int *e0, int *e1)
{
    *t0 = 0.0;
    *t1 = 1.0;
    *e0 = *e1 = -1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > *t1) return 0;
            if (t > *t0) *t0 = t, *e0 = i;
        } else {
            if (t < *t0) return 0;
            if (t < *t1) *t1 = t, *e1 = i;
        }
    }
    return 1;
}

static int clip_segment(double *x0, double *y0, double *x1, double *y1, double xmin,
                        double ymin, double xmax, double ymax)
{
    double t0 = 0.0, t1 = 1.0;
    int e0 = -1, e1 = -1; /* the edge each end was cut at */
    double dx = *x1 - *x0, dy = *y1 - *y0;
    const double edge[4] = {xmin, xmax, ymin, ymax};
    if (!ui_draw_clip_span(*x0, *y0, dx, dy, xmin, ymin, xmax, ymax, &t0, &t1, &e0, &e1)) return 0;
    /* x0 + t * dx loses everything to cancellation when x0 is 1e30 and the result is
     * near 0: the coordinate that was cut is set to its edge exactly instead. */
    double ax = *x0, ay = *y0;
    if (e0 >= 0) {
        *x0 = e0 < 2 ? edge[e0] : ax + t0 * dx;
        *y0 = e0 < 2 ? ay + t0 * dy : edge[e0];
    }
    if (e1 >= 0) {
        *x1 = e1 < 2 ? edge[e1] : ax + t1 * dx;
        *y1 = e1 < 2 ? ay + t1 * dy : edge[e1];
    }
    return isfinite(*x0) && isfinite(*y0) && isfinite(*x1) && isfinite(*y1);
}

/* Clip to the render target grown by `margin` on every side (to the bounded plane if
 * the target's size is unknown): SDL never sees a line longer than the frame. */
static int clip_to_target(SDL_Renderer *r, double *x0, double *y0, double *x1, double *y1,
                          double margin)
{
    int ow = 0, oh = 0;
    if (SDL_GetRendererOutputSize(r, &ow, &oh) != 0 || ow <= 0 || oh <= 0)
        return clip_segment(x0, y0, x1, y1, -UI_DRAW_BOUND, -UI_DRAW_BOUND, UI_DRAW_BOUND,
                            UI_DRAW_BOUND);
    return clip_segment(x0, y0, x1, y1, -margin, -margin, ow + margin, oh + margin);
}

static int line_width(float width)
{
    if (!(width >= 1.0f)) return 1; /* NaN too */
    if (width > MAX_WIDTH) return MAX_WIDTH;
    return (int)lroundf(width);
}

void ui_draw_line(SDL_Renderer *r, float fx0, float fy0, float fx1, float fy1, float width,
                  SDL_Color c)
{
    if (!finite4(fx0, fy0, fx1, fy1)) return;
    double x0d = fx0, y0d = fy0, x1d = fx1, y1d = fy1;
    if (!clip_to_target(r, &x0d, &y0d, &x1d, &y1d, MAX_WIDTH)) return;
    float x0 = (float)x0d, y0 = (float)y0d, x1 = (float)x1d, y1 = (float)y1d;
    float dx = x1 - x0, dy = y1 - y0;
    if (dx == 0.0f && dy == 0.0f) return;
    int w = line_width(width);
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        h = mix_color(OP_LINE, c);
        h = ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(h, x0), y0), x1), y1);
        h = ui_rec_mix_u64(h, (uint64_t)w);
    }
    const SDL_Rect box = {(int)floorf(fminf(x0, x1)) - w - 1, (int)floorf(fminf(y0, y1)) - w - 1,
                          (int)ceilf(fabsf(dx)) + 2 * w + 3, (int)ceilf(fabsf(dy)) + 2 * w + 3};
    /* A slanted line SDL clips by moving its ends, which moves its pixels: it is drawn
     * whole or not at all (ui_rec_op_begin_whole). Rectangles clip exactly. */
    const int slanted = dx != 0.0f && dy != 0.0f;
    ui_rec_op op;
    for (int go = slanted ? ui_rec_op_begin_whole(r, h, box, &op) : ui_rec_op_begin(r, h, box, &op); go;
         go = ui_rec_op_next(&op)) {
        set_color(r, c);
        /* Axis-aligned lines are rectangles: exact pixels. */
        if (dx == 0.0f || dy == 0.0f) {
            float hw = w * 0.5f;
            SDL_FRect fr = dy == 0.0f ? (SDL_FRect){fminf(x0, x1), y0 - hw, fabsf(dx), (float)w}
                                      : (SDL_FRect){x0 - hw, fminf(y0, y1), (float)w, fabsf(dy)};
            SDL_RenderFillRectF(r, &fr);
            continue;
        }
        /* A thick line as w one-pixel lines stacked across its minor axis: gap-free, and
         * unlike triangle geometry it allocates nothing in SDL's software renderer. */
        int x_major = fabsf(dx) >= fabsf(dy);
        for (int k = 0; k < w; k++) {
            float o = (float)k - (float)(w - 1) * 0.5f;
            if (x_major) SDL_RenderDrawLineF(r, x0, y0 + o, x1, y1 + o);
            else SDL_RenderDrawLineF(r, x0 + o, y0, x1 + o, y1);
        }
    }
}
void ui_draw_dashed(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width,
                    float dash, float gap, SDL_Color c)
{
    if (!finite4(x0, y0, x1, y1) || !isfinite(dash) || !isfinite(gap)) return;
    if (!(dash > 0.0f)) return;
    if (!(gap > 0.0f)) gap = 0.0f;
    /* Only the part on the target is drawn; the pattern keeps its phase from (x0, y0). */
    double len = hypot((double)x1 - x0, (double)y1 - y0);
    if (!(len > 0.0)) return;
    double sx = x0, sy = y0, ex = x1, ey = y1;
    if (!clip_to_target(r, &sx, &sy, &ex, &ey, MAX_WIDTH + (double)dash)) return;
    double s0 = hypot(sx - x0, sy - y0);
    double ux = (x1 - (double)x0) / len, uy = (y1 - (double)y0) / len;
    double period = (double)dash + gap;
    /* Steps are measured from the clipped start, so a line from 1e30 keeps pixel
     * precision where it is seen (its phase there is as good as its input). */
    double u = -fmod(s0, period), run = hypot(ex - sx, ey - sy);
    for (int n = 0; u < run && n < MAX_DASHES; u += period, n++) {
        double b0 = fmax(u, 0.0), b1 = fmin(u + dash, run);
        if (b1 <= b0) continue;
        ui_draw_line(r, (float)(sx + ux * b0), (float)(sy + uy * b0), (float)(sx + ux * b1),
                     (float)(sy + uy * b1), width, c);
    }
}

/* Discs and rings are filled row by row, one span (two for a ring) per pixel row. A
 * centre beyond the bound is moved onto it: the shape is off screen either way. */
void ui_draw_disc(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c)
{
    if (!isfinite(cx) || !isfinite(cy) || !isfinite(radius) || !(radius > 0.0f)) return;
    if (radius > MAX_ROWS / 2) radius = MAX_ROWS / 2;
    cx = ui_draw_clamp(cx);
    cy = ui_draw_clamp(cy);
    SDL_FRect spans[MAX_ROWS];
    int n = 0;
    for (int row = 0; row < MAX_ROWS; row++) {
        float y = -radius + 0.5f + (float)row;
        if (y >= radius) break;
        float half = sqrtf(fmaxf(radius * radius - y * y, 0.0f));
        spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, 2.0f * half, 1.0f};
    }
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        h = ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(mix_color(OP_DISC, c), cx), cy), radius);
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, round_box(cx, cy, radius), &op); go; go = ui_rec_op_next(&op)) {
        set_color(r, c);
        /* One call per span: SDL heap-allocates for batches of more than a few rects. */
        for (int i = 0; i < n; i++) SDL_RenderFillRectF(r, &spans[i]);
    }
}

void ui_draw_marker(SDL_Renderer *r, ui_marker shape, float cx, float cy, float radius, SDL_Color c)
{
    if (shape == UI_MARKER_DISC) {
        ui_draw_disc(r, cx, cy, radius, c);
        return;
    }
    if (!isfinite(cx) || !isfinite(cy) || !isfinite(radius) || !(radius > 0.0f)) return;
    if (radius > MAX_ROWS / 2) radius = MAX_ROWS / 2;
    cx = ui_draw_clamp(cx);
    cy = ui_draw_clamp(cy);
    /* Horizontal spans, one per row, as for the disc: rectangles only. The square's
     * half side is radius / sqrt 2 so all shapes look about the same size. */
    SDL_FRect spans[MAX_ROWS];
    int n = 0;
    float top = shape == UI_MARKER_SQUARE ? -radius * 0.7071f : -radius;
    float bottom = shape == UI_MARKER_SQUARE ? radius * 0.7071f : shape == UI_MARKER_TRIANGLE ? radius * 0.6f : radius;
    for (int row = 0; row < MAX_ROWS; row++) {
        float y = top + 0.5f + (float)row;
        if (y >= bottom) break;
        float half;
        if (shape == UI_MARKER_SQUARE) half = radius * 0.7071f;
        else if (shape == UI_MARKER_DIAMOND) half = radius - fabsf(y);
        else half = (y - top) / (bottom - top) * radius * 0.95f; /* point up */
        if (half < 0.5f) half = 0.5f;
        spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, 2.0f * half, 1.0f};
    }
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        h = ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(mix_color(OP_MARKER, c), cx), cy), radius);
        h = ui_rec_mix_u64(h, (uint64_t)shape);
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, round_box(cx, cy, radius), &op); go; go = ui_rec_op_next(&op)) {
        set_color(r, c);
        for (int i = 0; i < n; i++) SDL_RenderFillRectF(r, &spans[i]);
    }
}

void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float width, SDL_Color c)
{
    if (!isfinite(cx) || !isfinite(cy) || !isfinite(radius) || !isfinite(width)) return;
    if (!(radius > 0.0f) || !(width > 0.0f)) return;
    if (radius > MAX_ROWS / 2) radius = MAX_ROWS / 2;
    cx = ui_draw_clamp(cx);
    cy = ui_draw_clamp(cy);
    SDL_FRect spans[2 * MAX_ROWS];
    int n = 0;
    float inner = radius - width;
    for (int row = 0; row < MAX_ROWS; row++) {
        float y = -radius + 0.5f + (float)row;
        if (y >= radius) break;
        float half = sqrtf(fmaxf(radius * radius - y * y, 0.0f));
        if (inner > 0.0f && fabsf(y) < inner) {
            float in = sqrtf(fmaxf(inner * inner - y * y, 0.0f));
            spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, half - in, 1.0f};
            spans[n++] = (SDL_FRect){cx + in, cy + y - 0.5f, half - in, 1.0f};
        } else {
            spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, 2.0f * half, 1.0f};
        }
    }
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        h = ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(mix_color(OP_RING, c), cx), cy), radius);
        h = ui_rec_mix_f(h, width);
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, round_box(cx, cy, radius), &op); go; go = ui_rec_op_next(&op)) {
        set_color(r, c);
        /* One call per span: SDL heap-allocates for batches of more than a few rects. */
        for (int i = 0; i < n; i++) SDL_RenderFillRectF(r, &spans[i]);
    }
}

void ui_draw_cross(SDL_Renderer *r, float cx, float cy, float size, float width, SDL_Color c)
{
    if (!isfinite(cx) || !isfinite(cy) || !isfinite(size) || !(size > 0.0f)) return;
    if (size > MAX_ROWS / 2) size = MAX_ROWS / 2;
    cx = ui_draw_clamp(cx);
    cy = ui_draw_clamp(cy);
    ui_draw_line(r, cx - size, cy - size, cx + size, cy + size, width, c);
    ui_draw_line(r, cx - size, cy + size, cx + size, cy - size, width, c);
}

void ui_draw_arrow(SDL_Renderer *r, float x0, float y0, float x1, float y1, float head,
                   float width, SDL_Color c)
{
    if (!finite4(x0, y0, x1, y1) || !isfinite(head)) return;
    double dx = (double)x1 - x0, dy = (double)y1 - y0, len = hypot(dx, dy);
    if (!(len > 0.0) || !isfinite(len)) return;
    if (head > MAX_ROWS / 2) head = MAX_ROWS / 2;
    ui_draw_line(r, x0, y0, x1, y1, width, c);
    if (!(head > 0.0f)) return;
    /* Two barbs at +-30 degrees back from the tip. */
    double ux = dx / len, uy = dy / len, cs = 0.8660254, sn = 0.5;
    for (int side = -1; side <= 1; side += 2) {
        double bx = -(ux * cs - side * uy * sn), by = -(uy * cs + side * ux * sn);
        ui_draw_line(r, x1, y1, (float)(x1 + bx * head), (float)(y1 + by * head), width, c);
    }
}

Uint32 ui_draw_native_format(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    SDL_Window *win = SDL_RenderGetWindow(r);
    /* Only for the software renderer: asking an accelerated renderer's window for its
     * surface would give it a second, conflicting framebuffer. */
    if (win && SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE)) {
        SDL_Surface *fb = SDL_GetWindowSurface(win);
        if (fb && SDL_BYTESPERPIXEL(fb->format->format) == 4) return fb->format->format;
    }
    return SDL_PIXELFORMAT_ARGB8888;
}

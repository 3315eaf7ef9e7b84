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
#include "ui_draw_runs.h"

#include <math.h>
#include <string.h>

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

SDL_Color ui_over(SDL_Color ground, SDL_Color c)
{
    /* SDL_draw.h's DRAW_SETPIXEL_BLEND with DRAW_MUL(a, b) = a * b / 255, truncated. */
    const unsigned a = c.a, inv = 255u - a;
    SDL_Color m = {(Uint8)(inv * ground.r / 255u + c.r * a / 255u), (Uint8)(inv * ground.g / 255u + c.g * a / 255u),
                   (Uint8)(inv * ground.b / 255u + c.b * a / 255u), 255};
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
enum { OP_FILL = 1, OP_LINE, OP_DISC, OP_MARKER, OP_RING, OP_COPY, OP_POLYLINE };

static uint64_t mix_color(uint64_t h, SDL_Color c)
{
    return ui_rec_mix_color(h, c);
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

/* The render target's size, 0 x 0 if unknown. */
static void target_size(SDL_Renderer *r, int *ow, int *oh)
{
    if (SDL_GetRendererOutputSize(r, ow, oh) != 0 || *ow <= 0 || *oh <= 0) *ow = *oh = 0;
}

/* Clip to a target of ow x oh grown by `margin` on every side (to the bounded plane if
 * the target's size is unknown): SDL never sees a line longer than the frame. */
static int clip_to_size(int ow, int oh, double *x0, double *y0, double *x1, double *y1, double margin)
{
    if (ow <= 0 || oh <= 0)
        return clip_segment(x0, y0, x1, y1, -UI_DRAW_BOUND, -UI_DRAW_BOUND, UI_DRAW_BOUND, UI_DRAW_BOUND);
    return clip_segment(x0, y0, x1, y1, -margin, -margin, ow + margin, oh + margin);
}

static int clip_to_target(SDL_Renderer *r, double *x0, double *y0, double *x1, double *y1, double margin)
{
    int ow = 0, oh = 0;
    target_size(r, &ow, &oh);
    return clip_to_size(ow, oh, x0, y0, x1, y1, margin);
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
    if (x1 - x0 == 0.0f && y1 - y0 == 0.0f) return;
    const int w = line_width(width);
    const float dx = x1 - x0, dy = y1 - y0;
    uint64_t h = 0;
    if (ui_rec_active(r)) {
        h = mix_color(OP_LINE, c);
        h = ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(ui_rec_mix_f(h, x0), y0), x1), y1);
        h = ui_rec_mix_u64(h, (uint64_t)w);
    }
    const SDL_Rect box = {(int)floorf(fminf(x0, x1)) - w - 1, (int)floorf(fminf(y0, y1)) - w - 1,
                          (int)ceilf(fabsf(dx)) + 2 * w + 3, (int)ceilf(fabsf(dy)) + 2 * w + 3};
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, box, &op); go; go = ui_rec_op_next(&op)) {
        set_color(r, c);
        /* Axis-aligned lines are rectangles; any other is w one-pixel lines stacked across
         * its minor axis (gap-free, and unlike triangle geometry it allocates nothing in
         * SDL's software renderer), drawn as runs of pixels, a rectangle per run, not as
         * SDL's one point per pixel (ui_draw_runs.h). Rectangles clip exactly, so a
         * retained frame may draw part of a line. */
        ui_runs_sink k;
        ui_runs_fill_init(&k, r);
        ui_runs_line(&k, x0, y0, x1, y1, w);
        ui_runs_fill_flush(&k);
    }
}

/* The polyline's coverage mask: one byte per pixel of a tile of the region drawn, the
 * tile's rows as many as fit. Static, so nothing is allocated and no stack is spent (a
 * browser's is small). Not thread-local: 64 KB of thread-local storage would sit in every
 * thread's stack, and SDL starts its audio thread with a 64 KB stack, which then cannot
 * start at all (the replay's voice went silent). Frames are drawn on one thread at a
 * time, as SDL's renderers require. All zero between uses: a tile clears what it marked. */
enum { MASK_BYTES = 65536 };
static unsigned char mask_bytes[MASK_BYTES];

typedef struct mask_sink {
    ui_runs_sink k; /* first: the walk's rectangles arrive as this */
    unsigned char *m;
    int x, y, w, h;         /* the tile, in the viewport's pixels */
    int x0, y0, x1, y1;     /* what was marked in it, tile-relative, end exclusive */
} mask_sink;

static void mask_emit(ui_runs_sink *k, int x, int y, int w, int h)
{
    mask_sink *ms = (mask_sink *)k;
    long long x0 = x > ms->x ? x : ms->x, y0 = y > ms->y ? y : ms->y;
    long long x1 = (long long)x + w, y1 = (long long)y + h;
    if (x1 > ms->x + ms->w) x1 = ms->x + ms->w;
    if (y1 > ms->y + ms->h) y1 = ms->y + ms->h;
    if (x0 >= x1 || y0 >= y1) return;
    for (long long row = y0; row < y1; row++)
        memset(ms->m + (row - ms->y) * ms->w + (x0 - ms->x), 1, (size_t)(x1 - x0));
    if (x0 - ms->x < ms->x0) ms->x0 = (int)(x0 - ms->x);
    if (y0 - ms->y < ms->y0) ms->y0 = (int)(y0 - ms->y);
    if (x1 - ms->x > ms->x1) ms->x1 = (int)(x1 - ms->x);
    if (y1 - ms->y > ms->y1) ms->y1 = (int)(y1 - ms->y);
}

/* Every segment's pixels, and the joins', marked into the tile. A join is a w x w
 * square on a vertex where the two segments run along different axes (or either is
 * axis-aligned): there one's runs end across the other's, which leaves a notch on the
 * outside of the bend; two segments along the same axis meet in the vertex's run. A
 * non-finite point breaks the line; a segment of no length is passed over. */
static void poly_mark(int ow, int oh, const SDL_FPoint *pts, int n, int w, mask_sink *ms)
{
    const float reach = (float)w + 1.0f; /* a segment's pixels lie this near its ends' box */
    const float tx0 = ms->x - reach, tx1 = ms->x + ms->w + reach, ty0 = ms->y - reach, ty1 = ms->y + ms->h + reach;
    int prev_kind = -1; /* the previous segment's: 0 x-major, 1 y-major, +2 axis-aligned; -1 none */
    for (int i = 1; i < n; i++) {
        const SDL_FPoint a = pts[i - 1], b = pts[i];
        if (!finite4(a.x, a.y, b.x, b.y)) {
            prev_kind = -1;
            continue;
        }
        if (a.x == b.x && a.y == b.y) continue;
        const int kind = (fabsf(b.x - a.x) >= fabsf(b.y - a.y) ? 0 : 1) + (a.x == b.x || a.y == b.y ? 2 : 0);
        const int join = prev_kind >= 0 && (kind != prev_kind || kind >= 2 || prev_kind >= 2);
        prev_kind = kind;
        /* Off the tile (its box grown by the width): nothing to mark. */
        if (fmaxf(a.x, b.x) < tx0 || fminf(a.x, b.x) >= tx1 || fmaxf(a.y, b.y) < ty0 || fminf(a.y, b.y) >= ty1)
            continue;
        double x0 = a.x, y0 = a.y, x1 = b.x, y1 = b.y;
        /* Clipped as ui_draw_line clips, where it reaches past the target's margin. */
        const int inside = ow > 0 && fminf(a.x, b.x) >= -MAX_WIDTH && fmaxf(a.x, b.x) <= ow + MAX_WIDTH &&
                           fminf(a.y, b.y) >= -MAX_WIDTH && fmaxf(a.y, b.y) <= oh + MAX_WIDTH;
        if (!inside && !clip_to_size(ow, oh, &x0, &y0, &x1, &y1, MAX_WIDTH)) continue;
        ui_runs_line(&ms->k, (float)x0, (float)y0, (float)x1, (float)y1, w);
        if (join && a.x == (float)x0 && a.y == (float)y0) { /* the vertex, if not clipped away */
            const float o = -(float)(w - 1) * 0.5f;
            ms->k.emit(&ms->k, (int)ui_runs_round(a.x + o), (int)ui_runs_round(a.y + o), w, w);
        }
    }
}

static void draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n, float width, SDL_Color c)
{
    const int w = line_width(width);
    int ow = 0, oh = 0;
    target_size(r, &ow, &oh);
    /* The region drawn: the points' box grown by the width, inside the viewport and its
     * clip rectangle (SDL would discard the rest). */
    SDL_Rect vp = {0, 0, 0, 0}, clip = {0, 0, 0, 0};
    SDL_RenderGetViewport(r, &vp);
    SDL_Rect box = {0, 0, vp.w, vp.h};
    if (SDL_RenderIsClipEnabled(r)) {
        SDL_RenderGetClipRect(r, &clip);
        if (!SDL_IntersectRect(&box, &clip, &box)) return;
    }
    float lo_x = INFINITY, lo_y = INFINITY, hi_x = -INFINITY, hi_y = -INFINITY;
    for (int i = 0; i < n; i++) {
        const float x = pts[i].x, y = pts[i].y;
        if (!(x - x == 0.0f && y - y == 0.0f)) continue; /* not finite */
        if (x < lo_x) lo_x = x;
        if (x > hi_x) hi_x = x;
        if (y < lo_y) lo_y = y;
        if (y > hi_y) hi_y = y;
    }
    if (!(lo_x <= hi_x)) return;
    const float g = (float)w + 2.0f;
    lo_x = ui_draw_clamp(lo_x - g), hi_x = ui_draw_clamp(hi_x + g);
    lo_y = ui_draw_clamp(lo_y - g), hi_y = ui_draw_clamp(hi_y + g);
    SDL_Rect pbox = {(int)floorf(lo_x), (int)floorf(lo_y), (int)(hi_x - floorf(lo_x)) + 1,
                     (int)(hi_y - floorf(lo_y)) + 1};
    if (!SDL_IntersectRect(&box, &pbox, &box)) return;

    mask_sink ms = {{mask_emit, NULL, {{0, 0, 0, 0}}, 0}, mask_bytes, 0, 0, 0, 0, 0, 0, 0, 0};
    ui_runs_sink fill;
    ui_runs_fill_init(&fill, r);
    set_color(r, c);
    /* Tile by tile: mark every segment's pixels, then fill each row's runs of marked
     * pixels once, so a translucent colour is blended once where segments overlap. */
    const int tw = box.w < MASK_BYTES ? box.w : MASK_BYTES, th = MASK_BYTES / tw;
    for (int ty = box.y; ty < box.y + box.h; ty += th)
        for (int tx = box.x; tx < box.x + box.w; tx += tw) {
            ms.x = tx, ms.y = ty;
            ms.w = box.x + box.w - tx < tw ? box.x + box.w - tx : tw;
            ms.h = box.y + box.h - ty < th ? box.y + box.h - ty : th;
            ms.x0 = ms.w, ms.y0 = ms.h, ms.x1 = 0, ms.y1 = 0;
            poly_mark(ow, oh, pts, n, w, &ms);
            for (int row = ms.y0; row < ms.y1; row++) {
                unsigned char *p = ms.m + (size_t)row * (size_t)ms.w, *end = p + ms.x1;
                unsigned char *q = memchr(p + ms.x0, 1, (size_t)(ms.x1 - ms.x0));
                while (q) {
                    unsigned char *stop = memchr(q, 0, (size_t)(end - q));
                    if (!stop) stop = end;
                    fill.emit(&fill, ms.x + (int)(q - p), ms.y + row, (int)(stop - q), 1);
                    q = stop < end ? memchr(stop, 1, (size_t)(end - stop)) : NULL;
                }
                memset(p + ms.x0, 0, (size_t)(ms.x1 - ms.x0)); /* zero again for the next use */
            }
        }
    ui_runs_fill_flush(&fill);
}

void ui_draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n, float width, SDL_Color c)
{
    if (!pts || n < 2) return;
    /* One operation of a retained frame: its points, width and colour; its box the finite
     * points' grown by the width (what draw_polyline marks lies inside). Its rows' runs
     * are rectangles, so a part of it drawn under a clip has its pixels there exactly. */
    uint64_t h = 0;
    SDL_Rect box = {0, 0, 0, 0};
    if (ui_rec_active(r)) {
        const int w = line_width(width);
        h = ui_rec_mix_u64(mix_color(OP_POLYLINE, c), (uint64_t)w);
        float lo_x = INFINITY, lo_y = INFINITY, hi_x = -INFINITY, hi_y = -INFINITY;
        for (int i = 0; i < n; i++) {
            const float x = pts[i].x, y = pts[i].y;
            h = ui_rec_mix_f(ui_rec_mix_f(h, x), y);
            if (!(x - x == 0.0f && y - y == 0.0f)) continue; /* not finite */
            if (x < lo_x) lo_x = x;
            if (x > hi_x) hi_x = x;
            if (y < lo_y) lo_y = y;
            if (y > hi_y) hi_y = y;
        }
        if (lo_x <= hi_x) {
            const float g = (float)w + 2.0f;
            lo_x = ui_draw_clamp(lo_x - g), hi_x = ui_draw_clamp(hi_x + g);
            lo_y = ui_draw_clamp(lo_y - g), hi_y = ui_draw_clamp(hi_y + g);
            box = (SDL_Rect){(int)floorf(lo_x), (int)floorf(lo_y), (int)(hi_x - floorf(lo_x)) + 2,
                             (int)(hi_y - floorf(lo_y)) + 2};
        }
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(r, h, box, &op); go; go = ui_rec_op_next(&op)) draw_polyline(r, pts, n, width, c);
}

int ui_draw_thin_pixels(SDL_FPoint *pts, int n)
{
    int out = 0;
    long px = 0, py = 0;
    int have = 0; /* a finite point kept, at pixel (px, py) */
    for (int i = 0; i < n; i++) {
        const SDL_FPoint p = pts[i];
        if (!isfinite(p.x) || !isfinite(p.y)) {
            if (out == 0 || isfinite(pts[out - 1].x)) pts[out++] = (SDL_FPoint){NAN, NAN}; /* one break */
            have = 0;
            continue;
        }
        const long x = ui_runs_round(ui_draw_clamp(p.x)), y = ui_runs_round(ui_draw_clamp(p.y));
        const int last = i == n - 1 || !isfinite(pts[i + 1].x) || !isfinite(pts[i + 1].y);
        if (have && x == px && y == py && !last) continue;
        if (have && x == px && y == py) out--; /* the run's last point stands for it */
        pts[out++] = p;
        px = x, py = y, have = 1;
    }
    return out;
}

/* floor(2 x): the half pixel column x lies in. */
static long half_column(float x)
{
    const double d = 2.0 * ui_draw_clamp(x);
    const long k = (long)d;
    return d < (double)k ? k - 1 : k;
}

int ui_draw_thin_columns(SDL_FPoint *pts, int n)
{
    int out = 0;
    for (int i = 0; i < n;) {
        if (!isfinite(pts[i].x) || !isfinite(pts[i].y)) {
            if (out == 0 || isfinite(pts[out - 1].x)) pts[out++] = (SDL_FPoint){NAN, NAN}; /* one break */
            i++;
            continue;
        }
        /* The run of finite points in this half column: i..j-1. Half columns, as the lines
         * round: a steep segment w wide covers the columns x + o rounds to (o from
         * -(w - 1) / 2 in steps of 1), and every point of a half column has the same. */
        const long col = half_column(pts[i].x);
        int lo = i, hi = i, j = i + 1;
        for (; j < n; j++) {
            if (!isfinite(pts[j].x) || !isfinite(pts[j].y) || half_column(pts[j].x) != col) break;
            if (pts[j].y < pts[lo].y) lo = j;
            if (pts[j].y > pts[hi].y) hi = j;
        }
        const int keep[4] = {i, lo < hi ? lo : hi, lo < hi ? hi : lo, j - 1};
        SDL_FPoint kept[4];
        for (int k = 0; k < 4; k++) kept[k] = pts[keep[k]];
        for (int k = 0; k < 4; k++) /* out <= i: nothing not yet read is overwritten */
            if (k == 0 || keep[k] != keep[k - 1]) pts[out++] = kept[k];
        i = j;
    }
    return out;
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

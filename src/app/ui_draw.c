/* ui_draw: shapes from triangles. A line of width w is the quad spanned by the
 * segment pushed w/2 either side along its unit normal; discs are triangle fans whose
 * segment count grows with the radius so edges stay smooth at 4K. */
#include "ui_draw.h"

#include <math.h>

enum { MAX_FAN = 64 };

int ui_px(float v) { return (int)lroundf(v); }

SDL_Color ui_rgba(SDL_Color c, Uint8 alpha)
{
    c.a = alpha;
    return c;
}

SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t)
{
    SDL_Color m = {
        (Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
        (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t),
    };
    return m;
}

static void set_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

void ui_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0) return;
    set_color(r, c);
    SDL_RenderFillRect(r, &rect);
}

void ui_draw_frame(SDL_Renderer *r, SDL_Rect rect, int width, SDL_Color c)
{
    if (width < 1) width = 1;
    SDL_Rect sides[4] = {
        {rect.x, rect.y, rect.w, width},
        {rect.x, rect.y + rect.h - width, rect.w, width},
        {rect.x, rect.y + width, width, rect.h - 2 * width},
        {rect.x + rect.w - width, rect.y + width, width, rect.h - 2 * width},
    };
    set_color(r, c);
    SDL_RenderFillRects(r, sides, 4);
}

void ui_draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width,
                  SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (width < 1.0f) width = 1.0f;
    if (len <= 0.0f) return;
    /* Axis-aligned lines are rectangles: exact pixels, no diagonal seams. */
    if (dx == 0.0f || dy == 0.0f) {
        float h = width * 0.5f;
        SDL_FRect fr = dy == 0.0f ? (SDL_FRect){fminf(x0, x1), y0 - h, fabsf(dx), width}
                                  : (SDL_FRect){x0 - h, fminf(y0, y1), width, fabsf(dy)};
        set_color(r, c);
        SDL_RenderFillRectF(r, &fr);
        return;
    }
    float nx = -dy / len * width * 0.5f, ny = dx / len * width * 0.5f;
    SDL_Vertex v[4];
    const float px[4] = {x0 + nx, x0 - nx, x1 - nx, x1 + nx};
    const float py[4] = {y0 + ny, y0 - ny, y1 - ny, y1 + ny};
    for (int i = 0; i < 4; i++) {
        v[i].position = (SDL_FPoint){px[i], py[i]};
        v[i].color = c;
        v[i].tex_coord = (SDL_FPoint){0, 0};
    }
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    set_color(r, c);
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

void ui_draw_dashed(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width,
                    float dash, float gap, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len <= 0.0f || dash <= 0.0f) return;
    float ux = dx / len, uy = dy / len;
    for (float s = 0.0f; s < len; s += dash + gap) {
        float e = fminf(s + dash, len);
        ui_draw_line(r, x0 + ux * s, y0 + uy * s, x0 + ux * e, y0 + uy * e, width, c);
    }
}

void ui_draw_disc(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c)
{
    int n = (int)(radius * 2.0f) + 8;
    if (n > MAX_FAN) n = MAX_FAN;
    SDL_Vertex v[MAX_FAN + 1];
    int idx[MAX_FAN * 3];
    v[0].position = (SDL_FPoint){cx, cy};
    v[0].color = c;
    v[0].tex_coord = (SDL_FPoint){0, 0};
    for (int i = 0; i < n; i++) {
        float a = 6.2831853f * (float)i / (float)n;
        v[i + 1].position = (SDL_FPoint){cx + radius * cosf(a), cy + radius * sinf(a)};
        v[i + 1].color = c;
        v[i + 1].tex_coord = (SDL_FPoint){0, 0};
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = (i + 1) % n + 1;
    }
    set_color(r, c);
    SDL_RenderGeometry(r, NULL, v, n + 1, idx, 3 * n);
}

void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float width, SDL_Color c)
{
    int n = (int)(radius * 2.0f) + 8;
    if (n > MAX_FAN) n = MAX_FAN;
    float inner = radius - width;
    if (inner < 0.0f) inner = 0.0f;
    SDL_Vertex v[2 * MAX_FAN];
    int idx[MAX_FAN * 6];
    for (int i = 0; i < n; i++) {
        float a = 6.2831853f * (float)i / (float)n;
        float ca = cosf(a), sa = sinf(a);
        v[2 * i].position = (SDL_FPoint){cx + radius * ca, cy + radius * sa};
        v[2 * i + 1].position = (SDL_FPoint){cx + inner * ca, cy + inner * sa};
        v[2 * i].color = v[2 * i + 1].color = c;
        v[2 * i].tex_coord = v[2 * i + 1].tex_coord = (SDL_FPoint){0, 0};
        int j = (i + 1) % n;
        int *t = &idx[6 * i];
        t[0] = 2 * i; t[1] = 2 * i + 1; t[2] = 2 * j;
        t[3] = 2 * j; t[4] = 2 * i + 1; t[5] = 2 * j + 1;
    }
    set_color(r, c);
    SDL_RenderGeometry(r, NULL, v, 2 * n, idx, 6 * n);
}

void ui_draw_polyline(SDL_Renderer *r, const float *xs, const float *ys, int n, float width,
                      SDL_Color c)
{
    for (int i = 1; i < n; i++) {
        ui_draw_line(r, xs[i - 1], ys[i - 1], xs[i], ys[i], width, c);
        /* Round joints so bends in thick lines leave no notches. */
        if (width > 2.5f && i < n - 1) ui_draw_disc(r, xs[i], ys[i], width * 0.5f, c);
    }
}

void ui_draw_triangle(SDL_Renderer *r, float cx, float cy, float size, SDL_Color c)
{
    SDL_Vertex v[3] = {
        {{cx, cy - size}, c, {0, 0}},
        {{cx - size * 0.9f, cy + size * 0.7f}, c, {0, 0}},
        {{cx + size * 0.9f, cy + size * 0.7f}, c, {0, 0}},
    };
    set_color(r, c);
    SDL_RenderGeometry(r, NULL, v, 3, NULL, 0);
}

void ui_draw_cross(SDL_Renderer *r, float cx, float cy, float size, float width, SDL_Color c)
{
    ui_draw_line(r, cx - size, cy - size, cx + size, cy + size, width, c);
    ui_draw_line(r, cx - size, cy + size, cx + size, cy - size, width, c);
}

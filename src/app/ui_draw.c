/* ui_draw: shapes from the renderer's rectangles and one-pixel lines only. SDL's
 * software renderer, which draws every headless and recorded frame, allocates
 * temporary surfaces for triangle geometry on every call; rectangles and lines it
 * draws in place. */
#include "ui_draw.h"

#include <math.h>

enum { MAX_ROWS = 256 }; /* discs up to 256 px across */

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
    if (dx == 0.0f && dy == 0.0f) return;
    int w = (int)lroundf(width);
    if (w < 1) w = 1;
    set_color(r, c);
    /* Axis-aligned lines are rectangles: exact pixels. */
    if (dx == 0.0f || dy == 0.0f) {
        float h = w * 0.5f;
        SDL_FRect fr = dy == 0.0f ? (SDL_FRect){fminf(x0, x1), y0 - h, fabsf(dx), (float)w}
                                  : (SDL_FRect){x0 - h, fminf(y0, y1), (float)w, fabsf(dy)};
        SDL_RenderFillRectF(r, &fr);
        return;
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

/* Discs and rings are filled row by row, one span (two for a ring) per pixel row. */
void ui_draw_disc(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c)
{
    SDL_FRect spans[MAX_ROWS];
    int n = 0;
    for (float y = -radius + 0.5f; y < radius && n < MAX_ROWS; y += 1.0f) {
        float half = sqrtf(radius * radius - y * y);
        spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, 2.0f * half, 1.0f};
    }
    set_color(r, c);
    /* One call per span: SDL heap-allocates for batches of more than a few rects. */
    for (int i = 0; i < n; i++) SDL_RenderFillRectF(r, &spans[i]);
}

void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float width, SDL_Color c)
{
    SDL_FRect spans[2 * MAX_ROWS];
    int n = 0;
    float inner = radius - width;
    for (float y = -radius + 0.5f; y < radius && n < 2 * MAX_ROWS - 1; y += 1.0f) {
        float half = sqrtf(radius * radius - y * y);
        if (inner > 0.0f && fabsf(y) < inner) {
            float in = sqrtf(inner * inner - y * y);
            spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, half - in, 1.0f};
            spans[n++] = (SDL_FRect){cx + in, cy + y - 0.5f, half - in, 1.0f};
        } else {
            spans[n++] = (SDL_FRect){cx - half, cy + y - 0.5f, 2.0f * half, 1.0f};
        }
    }
    set_color(r, c);
    /* One call per span: SDL heap-allocates for batches of more than a few rects. */
    for (int i = 0; i < n; i++) SDL_RenderFillRectF(r, &spans[i]);
}

void ui_draw_cross(SDL_Renderer *r, float cx, float cy, float size, float width, SDL_Color c)
{
    ui_draw_line(r, cx - size, cy - size, cx + size, cy + size, width, c);
    ui_draw_line(r, cx - size, cy + size, cx + size, cy - size, width, c);
}

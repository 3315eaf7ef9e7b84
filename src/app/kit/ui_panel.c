/* ui_panel: shared panel chrome and number formatting (see ui_panel.h). */
#include "ui_panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "xl_format.h"

float ui_lw(const ui_ctx *ctx, float k)
{
    /* Whole pixels: a 1.5 px line rasterizes as 1 or 2 rows by position and looks
     * uneven along a curve. */
    float w = roundf(ctx->line * k);
    return w < 1.0f ? 1.0f : w;
}

SDL_Rect ui_panel_begin(const ui_ctx *ctx, SDL_Rect area, const char *title,
                        const char *subtitle)
{
    const ui_theme *th = ctx->theme;
    ui_text_set_region(ctx->text, area, 0);
    int in_backdrop = 0;
    for (int i = 0; i < ctx->backdrop_n; i++)
        if (SDL_RectEquals(&area, &ctx->backdrop[i])) in_backdrop = 1;
    if (!in_backdrop) {
        ui_draw_fill(ctx->r, area, th->panel);
        ui_draw_frame(ctx->r, area, 1, th->border);
    }
    int x = area.x + ctx->pad, y = area.y + ctx->pad * 3 / 4;
    /* A title wider than the panel: "TOPIC: what it shows" keeps what it shows, or the
     * topic alone where only that fits; else it ends in "…" rather than running out of
     * it. */
    char cut[160], topic[160];
    const char *colon = strstr(title, ": ");
    const int room_w = area.w - 2 * ctx->pad;
    if (colon && ui_text_width(ctx->text, UI_FONT_TITLE, title) > room_w) {
        const size_t tn = (size_t)(colon - title) < sizeof topic - 1 ? (size_t)(colon - title) : sizeof topic - 1;
        memcpy(topic, title, tn);
        topic[tn] = '\0';
        title = ui_text_width(ctx->text, UI_FONT_TITLE, colon + 2) > room_w &&
                        ui_text_width(ctx->text, UI_FONT_TITLE, topic) <= room_w
                    ? topic
                    : colon + 2;
    }
    ui_text_fit(ctx->text, UI_FONT_TITLE, title, area.w - 2 * ctx->pad, cut, sizeof cut);
    int w = ui_text_draw(ctx->text, UI_FONT_TITLE, x, y, UI_ALIGN_LEFT, th->text, cut);
    int room = area.w - 2 * ctx->pad - w - ctx->pad;
    if (subtitle && *subtitle && ui_text_width(ctx->text, UI_FONT_LABEL, subtitle) <= room) {
        int title_h = ui_text_line_height(ctx->text, UI_FONT_TITLE);
        int sub_h = ui_text_line_height(ctx->text, UI_FONT_LABEL);
        ui_text_draw(ctx->text, UI_FONT_LABEL, x + w + ctx->pad, y + (title_h - sub_h) / 2 + 1,
                     UI_ALIGN_LEFT, th->text_dim, subtitle);
    }
    return ui_panel_inner(ctx, area);
}

int ui_draw_two_lines(const ui_ctx *ctx, ui_font f, int x, int y, int w, SDL_Color c, const char *text)
{
    if (ui_text_width(ctx->text, f, text) <= w) {
        ui_text_draw(ctx->text, f, x, y, UI_ALIGN_LEFT, c, text);
        return 1;
    }
    /* The longest head that ends before a space and fits; the rest on the next line. */
    char head[256], rest[256];
    size_t len = strlen(text), best = 0;
    for (size_t i = 1; i < len && i < sizeof head; i++) {
        if (text[i] != ' ') continue;
        memcpy(head, text, i);
        head[i] = '\0';
        if (ui_text_width(ctx->text, f, head) > w) break;
        best = i;
    }
    if (best == 0) { /* no space to break at: one line, cut */
        ui_text_fit(ctx->text, f, text, w, rest, sizeof rest);
        ui_text_draw(ctx->text, f, x, y, UI_ALIGN_LEFT, c, rest);
        return 1;
    }
    memcpy(head, text, best);
    head[best] = '\0';
    ui_text_draw(ctx->text, f, x, y, UI_ALIGN_LEFT, c, head);
    ui_text_fit(ctx->text, f, text + best + 1, w, rest, sizeof rest);
    ui_text_draw(ctx->text, f, x, y + ui_text_line_height(ctx->text, f), UI_ALIGN_LEFT, c, rest);
    return 2;
}

SDL_Rect ui_panel_inner(const ui_ctx *ctx, SDL_Rect area)
{
    int y = area.y + ctx->pad * 3 / 4;
    int top = y + ui_text_line_height(ctx->text, UI_FONT_TITLE) + ctx->pad / 2;
    return (SDL_Rect){area.x + ctx->pad, top, area.w - 2 * ctx->pad,
                      area.y + area.h - ctx->pad - top};
}

double ui_nice_step(double lo, double hi, int max_ticks)
{
    double span = hi - lo;
    if (!(span > 0.0) || max_ticks < 1) return 1.0;
    double raw = span / max_ticks;
    double mag = pow(10.0, floor(log10(raw)));
    double steps[] = {1.0, 2.0, 5.0, 10.0};
    for (int i = 0; i < 4; i++)
        if (steps[i] * mag >= raw) return steps[i] * mag;
    return 10.0 * mag;
}

double ui_nice_ceil(double v)
{
    if (!(v > 0.0) || !isfinite(v)) return 1.0;
    double mag = pow(10.0, floor(log10(v)));
    double steps[] = {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0};
    for (int i = 0; i < 10; i++)
        if (steps[i] * mag >= v * (1.0 - 1e-12)) return steps[i] * mag;
    return 10.0 * mag;
}

char *ui_format_tick(char *buf, size_t n, double v, double step)
{
    int decimals = 0;
    while (decimals < 6 && fabs(step * pow(10.0, decimals) - round(step * pow(10.0, decimals))) > 1e-6)
        decimals++;
    return ui_format(buf, n, v, decimals);
}

int ui_legend_item(const ui_ctx *ctx, int x, int y, SDL_Color swatch, int dashed,
                   const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int sw = lh;
    if (dashed < 0) {
        /* A filled square for bar series. */
        int s = lh * 6 / 10;
        ui_draw_fill(ctx->r, (SDL_Rect){x, y + (lh - s) / 2, s, s}, swatch);
        sw = s;
    } else if (dashed) {
        ui_draw_dashed(ctx->r, x, y + lh / 2.0f, x + sw, y + lh / 2.0f, ui_lw(ctx, 1.5f),
                       sw / 4.0f, sw / 6.0f, swatch);
    } else {
        ui_draw_line(ctx->r, x, y + lh / 2.0f, x + sw, y + lh / 2.0f, ui_lw(ctx, 1.5f), swatch);
    }
    int gap = lh / 3;
    int tw = ui_text_draw(ctx->text, UI_FONT_LABEL, x + sw + gap, y, UI_ALIGN_LEFT,
                          ctx->theme->text, label);
    return sw + gap + tw + lh;
}

int ui_ticks(double lo, double hi, double step, double *out, int cap)
{
    if (!isfinite(lo) || !isfinite(hi) || !isfinite(step) || !(step > 0.0) || hi < lo || cap < 1)
        return 0;
    double k0 = ceil(lo / step), k1 = floor(hi / step + 1e-9);
    if (!isfinite(k0) || !isfinite(k1) || k1 < k0) return 0;
    int n = 0;
    /* Counted by the integer i (cert-flp30-c): tick i is (k0 + i) * step, and the loop
     * ends after cap ticks even if k0 + i stops changing in double precision. */
    for (int i = 0; i < cap; i++) {
        double k = k0 + i;
        if (k > k1) break;
        double v = k * step;
        if (n > 0 && !(v > out[n - 1])) break; /* k * step no longer moves: stop */
        out[n++] = v == 0.0 ? 0.0 : v;         /* no -0 */
    }
    return n;
}

static int rects_meet(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int rect_within(SDL_Rect a, SDL_Rect b)
{
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

SDL_Rect ui_tooltip_draw(const ui_ctx *ctx, int px, int py, SDL_Rect avoid, SDL_Rect bounds,
                         const char *const *lines, int n)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int pad = ctx->pad / 2 + 2, w = 0;
    for (int i = 0; i < n; i++) {
        int lw = ui_text_width(ctx->text, UI_FONT_LABEL, lines[i]);
        if (lw > w) w = lw;
    }
    SDL_Rect box = {0, 0, w + 2 * pad, n * lh + 2 * pad};
    if (box.w > bounds.w) box.w = bounds.w;
    if (box.h > bounds.h) box.h = bounds.h;
    const int off = (int)(16 * ctx->scale) + 4; /* clear of the arrow cursor's body */
    const SDL_Point tries[6] = {
        {px + off, py + off}, {px - off - box.w, py + off}, {px + off, py - off - box.h},
        {px - off - box.w, py - off - box.h}, {avoid.x + avoid.w + 4, py - box.h / 2}, {avoid.x - 4 - box.w, py - box.h / 2},
    };
    int placed = 0;
    for (int i = 0; i < 6 && !placed; i++) {
        box.x = tries[i].x;
        box.y = tries[i].y;
        placed = rect_within(box, bounds) && !rects_meet(box, avoid);
    }
    if (!placed) { /* a tiny window: inside it, at least */
        box.x = tries[0].x;
        box.y = tries[0].y;
        if (box.x + box.w > bounds.x + bounds.w) box.x = bounds.x + bounds.w - box.w;
        if (box.y + box.h > bounds.y + bounds.h) box.y = bounds.y + bounds.h - box.h;
        if (box.x < bounds.x) box.x = bounds.x;
        if (box.y < bounds.y) box.y = bounds.y;
    }
    SDL_SetRenderDrawBlendMode(ctx->r, SDL_BLENDMODE_BLEND);
    ui_draw_fill(ctx->r, box, ui_rgba(th->panel, 245));
    ui_draw_frame(ctx->r, box, (int)ui_lw(ctx, 1.0f), th->border);
    for (int i = 0; i < n; i++) {
        char cut[256];
        ui_text_fit(ctx->text, UI_FONT_LABEL, lines[i], box.w - 2 * pad, cut, sizeof cut);
        ui_text_draw(ctx->text, UI_FONT_LABEL, box.x + pad, box.y + pad + i * lh, UI_ALIGN_LEFT,
                     i == 0 ? th->text : th->text_dim, cut);
    }
    return box;
}

void ui_hit_add(const ui_ctx *ctx, SDL_Rect rect, const char *l0, const char *l1, const char *l2)
{
    ui_hit_add_edit(ctx, rect, (ui_region_drag){NULL, NULL, UI_DRAG_VALUE_U, -1, 0, 0, 0, 0}, l0, l1, l2);
}

void ui_hit_add_edit(const ui_ctx *ctx, SDL_Rect rect, ui_region_drag edit, const char *l0, const char *l1,
                     const char *l2)
{
    if (!ctx->hits || ctx->hits->n >= UI_HITS_MAX || rect.w <= 0 || rect.h <= 0) return;
    ui_hit_region *r = &ctx->hits->region[ctx->hits->n++];
    r->edit = edit;
    const char *lines[UI_HIT_LINES] = {l0, l1, l2};
    r->rect = rect;
    r->lines = 0;
    for (int i = 0; i < UI_HIT_LINES && lines[i]; i++)
        snprintf(r->text[r->lines++], UI_HIT_TEXT, "%s", lines[i]);
}

/* The formats live in the core (xl_format.h), where the scene in words uses them too. */
char *ui_format(char *buf, size_t n, double v, int decimals)
{
    return xl_format(buf, n, v, decimals);
}

char *ui_format_count(char *buf, size_t size, long v)
{
    return xl_format_count(buf, size, v);
}

char *ui_format_fit(char *buf, size_t n, double v, int decimals, int max_chars)
{
    return xl_format_fit(buf, n, v, decimals, max_chars);
}

int ui_format_identity(char *const out[3], size_t n, const double v_in[3], int decimals, const int max_chars[3])
{
    return xl_format_identity(out, n, v_in, decimals, max_chars);
}

char *ui_format_prob_log(char *buf, size_t n, double logp, int decimals)
{
    return xl_format_prob_log(buf, n, logp, decimals);
}

/* ui_panel: shared panel chrome and number formatting (see ui_panel.h). */
#include "ui_panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"

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
    ui_draw_fill(ctx->r, area, th->panel);
    ui_draw_frame(ctx->r, area, 1, th->border);
    int x = area.x + ctx->pad, y = area.y + ctx->pad * 3 / 4;
    int w = ui_text_draw(ctx->text, UI_FONT_TITLE, x, y, UI_ALIGN_LEFT, th->text, title);
    int room = area.w - 2 * ctx->pad - w - ctx->pad;
    if (subtitle && *subtitle && ui_text_width(ctx->text, UI_FONT_LABEL, subtitle) <= room) {
        int title_h = ui_text_line_height(ctx->text, UI_FONT_TITLE);
        int sub_h = ui_text_line_height(ctx->text, UI_FONT_LABEL);
        ui_text_draw(ctx->text, UI_FONT_LABEL, x + w + ctx->pad, y + (title_h - sub_h) / 2 + 1,
                     UI_ALIGN_LEFT, th->text_dim, subtitle);
    }
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

char *ui_format(char *buf, size_t n, double v, int decimals)
{
    if (isnan(v)) snprintf(buf, n, "undefined");
    else if (isinf(v)) snprintf(buf, n, v > 0 ? "∞" : "−∞");
    else {
        /* Avoid "-0.0000" for tiny negative rounding residue. */
        double unit = pow(10.0, -decimals);
        if (fabs(v) < 0.5 * unit) v = 0.0;
        if (v < 0) snprintf(buf, n, "−%.*f", decimals, -v);
        else snprintf(buf, n, "%.*f", decimals, v);
    }
    return buf;
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

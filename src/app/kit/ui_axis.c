/* ui_axis: the value axis at the left of a plot (see ui_axis.h). */
#include "ui_axis.h"

#include "ui_draw.h"

enum { MAX_TICKS = 32 };

double ui_axis_step(const ui_ctx *ctx, int plot_h, double y_max)
{
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int max_ticks = plot_h / (2 * tick_h);
    if (max_ticks < 2) max_ticks = 2;
    if (max_ticks > 8) max_ticks = 8;
    return ui_nice_step(0.0, y_max, max_ticks);
}

float ui_axis_y(const ui_value_axis *axis, double v)
{
    double t = v / axis->y_max;
    if (!(t >= 0.0)) t = 0.0;
    if (t > 1.0) t = 1.0;
    return ui_draw_clamp(axis->plot.y + (1.0 - t) * axis->plot.h);
}

void ui_axis_draw_left(const ui_ctx *ctx, const ui_value_axis *axis, SDL_Rect in, ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = axis->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    double ticks[MAX_TICKS];
    int nt = ui_ticks(0.0, axis->y_max, axis->step, ticks, MAX_TICKS);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    char buf[32];
    for (int k = 0; k < nt; k++) {
        float y = ui_axis_y(axis, ticks[k]);
        if (ticks[k] > 0.0 && (axis->grid_at_top || ticks[k] < axis->y_max))
            ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, plot.x - len, y, plot.x, y, lw, th->axis);
        ui_format_tick(buf, sizeof buf, ticks[k], axis->step);
        /* The 0 sits just above the plot's bottom edge, clear of the labels under it;
         * the top label rises at most label_rise above the plot. */
        int ty = (int)(y - tick_h / 2.0f);
        if (ty < plot.y - axis->label_rise) ty = plot.y - axis->label_rise;
        if (ty + tick_h > plot.y + plot.h) ty = plot.y + plot.h - tick_h;
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        int right = (int)(plot.x - len - 2);
        SDL_Rect box = {right - w, ty, w, tick_h};
        if (ui_claim(claims, box, in, 1))
            ui_text_draw(ctx->text, UI_FONT_TICK, right, ty, UI_ALIGN_RIGHT, th->text_dim, buf);
    }
    for (int i = 0; i < axis->title_count; i++) {
        int len_px = ui_text_width(ctx->text, UI_FONT_TICK, axis->titles[i]);
        if (len_px > plot.h) continue;
        SDL_Rect box = {in.x, plot.y + plot.h / 2 - len_px / 2, tick_h, len_px};
        if (!ui_claim(claims, box, in, 1)) continue;
        ui_text_draw_up(ctx->text, UI_FONT_TICK, in.x, plot.y + plot.h / 2, th->text_dim, axis->titles[i]);
        break;
    }
}

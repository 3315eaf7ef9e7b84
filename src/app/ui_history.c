/* ui_history: H(P,Q) and D_KL(P‖Q) against the step number, with H(P) dashed: the
 * floor the loss approaches. Both axes scale to the run so far. */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>

#include "ui_draw.h"

void ui_history_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_history_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_sim *sim = xl_session_sim(s);
    const xl_sample *h = xl_sim_history(sim);
    const int count = xl_sim_history_count(sim);
    const double k = xl_unit_scale(ctx->unit);
    char buf[96];

    SDL_Rect in = ui_panel_begin(ctx, area, "HISTORY", "loss and KL per gradient-descent step");
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);

    /* Legend. */
    int x = in.x;
    x += ui_legend_item(ctx, x, in.y, th->text, 0, "H(P,Q) cross-entropy");
    x += ui_legend_item(ctx, x, in.y, th->surprise, 0, "D_KL(P‖Q)");
    ui_legend_item(ctx, x, in.y, th->inherent, 1, "H(P) floor");

    double y_max = 0.0;
    for (int i = 0; i < count; i++)
        if (isfinite(h[i].loss) && h[i].loss > y_max) y_max = h[i].loss;
    y_max = ui_nice_ceil(y_max * k);
    long last = count > 0 ? h[count - 1].step : 0;
    double x_max = ui_nice_ceil(last < 10 ? 10.0 : (double)last);

    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "00.0") + ctx->pad / 2;
    SDL_Rect plot = {in.x + tick_w + ctx->pad / 2, in.y + lh + tick_h + ctx->pad / 2, 0, 0};
    plot.w = in.x + in.w - plot.x - ctx->pad;
    plot.h = in.y + in.h - 2 * tick_h - ctx->pad / 2 - plot.y;
    if (plot.w < 20 || plot.h < 20) return;

    float lw = ui_lw(ctx, 1.0f);
    double ystep = ui_nice_step(0.0, y_max, plot.h / (tick_h * 2) + 1);
    for (double v = 0.0; v <= y_max + ystep * 1e-9; v += ystep) {
        float y = plot.y + plot.h - (float)(v / y_max * plot.h);
        if (v > 0) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, y, plot.x, y, lw, th->axis);
        ui_format_tick(buf, sizeof buf, v, ystep);
        ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, buf);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, plot.y - tick_h - tick_h / 3,
                 UI_ALIGN_LEFT, th->text_dim, xl_unit_name(ctx->unit));
    double xstep = ui_nice_step(0.0, x_max,
                                plot.w / (ui_text_width(ctx->text, UI_FONT_TICK, "00000") * 2) + 1);
    for (double v = 0.0; v <= x_max + xstep * 1e-9; v += xstep) {
        float xx = plot.x + (float)(v / x_max * plot.w);
        ui_draw_line(ctx->r, xx, plot.y + plot.h, xx, plot.y + plot.h + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(buf, sizeof buf, v, xstep);
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)xx, plot.y + plot.h + ctx->pad / 3, UI_ALIGN_CENTER,
                     th->text_dim, buf);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, plot.x + plot.w, plot.y + plot.h + tick_h + ctx->pad / 3,
                 UI_ALIGN_RIGHT, th->text_dim, "gradient-descent step");
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, th->axis);

#define PX(step) (plot.x + (float)((double)(step) / x_max * plot.w))
#define PY(v) (plot.y + plot.h - (float)(fmin((v) * k, y_max) / y_max * plot.h))
    SDL_RenderSetClipRect(ctx->r, &(SDL_Rect){plot.x, plot.y - 2, plot.w + 2, plot.h + 3});
    for (int i = 1; i < count; i++) {
        ui_draw_line(ctx->r, PX(h[i - 1].step), PY(h[i - 1].gap), PX(h[i].step), PY(h[i].gap),
                     ui_lw(ctx, 1.5f), th->surprise);
        ui_draw_line(ctx->r, PX(h[i - 1].step), PY(h[i - 1].loss), PX(h[i].step), PY(h[i].loss),
                     ui_lw(ctx, 1.5f), th->text);
    }
    /* Drawn over the loss, which converges onto it. H(P) may change mid-run (P edited): dash each run of constant floor as one line
     * so the dash pattern stays even, and join the runs with a thin step. */
    int run = 0;
    for (int i = 1; i <= count; i++) {
        if (i < count && h[i].floor == h[run].floor) continue;
        float x0 = PX(h[run].step), x1 = PX(h[i - 1].step);
        if (i == count) x1 = plot.x + plot.w; /* the floor is the asymptote: run it on */
        ui_draw_dashed(ctx->r, x0, PY(h[run].floor), x1, PY(h[run].floor), ui_lw(ctx, 1.5f),
                       7.0f * ctx->scale, 5.0f * ctx->scale, th->inherent);
        if (i < count)
            ui_draw_line(ctx->r, x1, PY(h[i - 1].floor), PX(h[i].step), PY(h[i].floor),
                         ui_lw(ctx, 1.0f), th->inherent);
        run = i;
    }
    if (count > 0) {
        ui_draw_disc(ctx->r, PX(h[count - 1].step), PY(h[count - 1].loss), ui_lw(ctx, 2.0f), th->text);
        ui_draw_disc(ctx->r, PX(h[count - 1].step), PY(h[count - 1].gap), ui_lw(ctx, 2.0f), th->surprise);
    }
    SDL_RenderSetClipRect(ctx->r, NULL);
#undef PX
#undef PY
    if (geom) {
        geom->plot = plot;
        geom->x_max = x_max;
        geom->y_max = y_max;
    }
}

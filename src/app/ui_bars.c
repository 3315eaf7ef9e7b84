/* ui_bars: grouped bars of the true P and the predicted Q = softmax(z) per class,
 * with the surprise -log q_i printed above each Q bar (∞ when q_i is 0). */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui_draw.h"

void ui_bars_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_bars_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_classifier *c = xl_session_classifier(s);
    const int n = c->n;
    const int sel = xl_session_selected(s);
    double q[XL_MAX_CLASSES];
    xl_session_q(s, q);
    char buf[64];

    SDL_Rect in = ui_panel_begin(ctx, area, "TRUE P vs PREDICTED Q", "one pair of bars per class");

    /* Legend row. */
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int x = in.x;
    x += ui_legend_item(ctx, x, in.y, th->truth, -1, "P (truth)");
    x += ui_legend_item(ctx, x, in.y, th->model, -1, "Q = softmax(z)");
    /* The numbers on the Q bars, explained in their own colour and font. */
    int vw = ui_text_draw(ctx->text, UI_FONT_VALUE, x, in.y + (lh - ui_text_line_height(ctx->text, UI_FONT_VALUE)) / 2,
                          UI_ALIGN_LEFT, th->surprise, "1.23");
    snprintf(buf, sizeof buf, "surprise −%s q", ctx->unit == XL_BITS ? "log₂" : "ln");
    if (x + vw + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.x + in.w)
        snprintf(buf, sizeof buf, "−%s q", ctx->unit == XL_BITS ? "log₂" : "ln");
    ui_text_draw(ctx->text, UI_FONT_LABEL, x + vw + lh / 3, in.y, UI_ALIGN_LEFT, th->text, buf);

    /* Axis box: room for tick labels on the left, surprise labels above, names below. */
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int value_h = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0.8") + ctx->pad;
    SDL_Rect plot = {in.x + tick_h + tick_w + ctx->pad / 2, in.y + lh + value_h + ctx->pad / 2, 0, 0};
    plot.w = in.x + in.w - plot.x;
    plot.h = in.y + in.h - lh - ctx->pad / 2 - plot.y;
    if (plot.w < 20 || plot.h < 20) return;

    /* Gridlines and the 0..1 axis. */
    float lw = ui_lw(ctx, 1.0f);
    for (int k = 0; k <= 5; k++) {
        double v = k / 5.0;
        float y = plot.y + plot.h - (float)(v * plot.h);
        if (k > 0) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, y, plot.x, y, lw, th->axis);
        snprintf(buf, sizeof buf, "%.1f", v);
        ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, buf);
    }
    ui_text_draw_up(ctx->text, UI_FONT_TICK, in.x, plot.y + plot.h / 2, th->text_dim, "probability");

    /* Labels: full names if they all fit under their group, else class numbers. */
    float group = (float)plot.w / n;
    int names_fit = 1;
    for (int i = 0; i < n && names_fit; i++)
        if (ui_text_width(ctx->text, UI_FONT_LABEL, c->names[i]) > group - 4) names_fit = 0;
    /* Surprise labels: two decimals, else one, else only the selected class's. */
    int decimals = 2;
    int widest = ui_text_width(ctx->text, UI_FONT_VALUE, "10.00");
    if (widest > group - 2) decimals = 1;
    if (ui_text_width(ctx->text, UI_FONT_VALUE, "10.0") > group - 2) decimals = -1;

    /* Class numbers too crowded to all show: every k-th one, the first and the selected. */
    static const int strides[] = {1, 2, 5, 10, 20};
    int every = 1;
    for (int k = 0; k < 5; k++) {
        every = strides[k];
        if (ui_text_width(ctx->text, UI_FONT_TICK, "32") + 6 <= group * every) break;
    }
    float bar_w = group * 0.36f;
    float scale = xl_unit_scale(ctx->unit);
    for (int i = 0; i < n; i++) {
        float gx = plot.x + group * i;
        if (i == sel) {
            SDL_Rect band = {(int)(gx + 1), plot.y - value_h, (int)group - 2,
                             plot.h + value_h + lh + ctx->pad / 2};
            /* Light theme: pale yellow with a black edge; dark: a faint wash, yellow edge. */
            int dark = th->kind == UI_THEME_DARK;
            ui_draw_fill(ctx->r, band, ui_rgba(th->select, dark ? 34 : 90));
            ui_draw_frame(ctx->r, band, 1, dark ? th->select : th->select_edge);
        }
        float cx = gx + group / 2;
        int hp = (int)(c->p[i] * plot.h + 0.5);
        int hq = (int)(q[i] * plot.h + 0.5);
        SDL_Rect pb = {(int)(cx - bar_w - 1), plot.y + plot.h - hp, (int)bar_w, hp};
        SDL_Rect qb = {(int)(cx + 1), plot.y + plot.h - hq, (int)bar_w, hq};
        ui_draw_fill(ctx->r, pb, th->truth);
        ui_draw_fill(ctx->r, qb, th->model);
        if (geom) {
            geom->p_bar[i] = pb;
            geom->q_bar[i] = qb;
        }
        if (decimals >= 0 || i == sel) {
            double sv = xl_surprise(q[i], XL_NATS) * scale;
            ui_format(buf, sizeof buf, sv, decimals >= 0 ? decimals : 1);
            /* ∞ is a small glyph at the value size: draw it at the readout size. */
            ui_font vf = isinf(sv) ? UI_FONT_READOUT : UI_FONT_VALUE;
            ui_text_draw(ctx->text, vf, qb.x + qb.w / 2, qb.y - ui_text_line_height(ctx->text, vf),
                         UI_ALIGN_CENTER, th->surprise, buf);
        }
        if (names_fit) {
            ui_text_draw(ctx->text, UI_FONT_LABEL, (int)cx, plot.y + plot.h + ctx->pad / 3,
                         UI_ALIGN_CENTER, i == sel ? th->text : th->text_dim, c->names[i]);
        } else if (i == sel || ((i == 0 || (i + 1) % every == 0) && abs(i - sel) >= every)) {
            snprintf(buf, sizeof buf, "%d", i + 1);
            ui_text_draw(ctx->text, UI_FONT_TICK, (int)cx, plot.y + plot.h + ctx->pad / 3,
                         UI_ALIGN_CENTER, i == sel ? th->text : th->text_dim, buf);
        }
    }
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, th->axis);

    if (geom) {
        geom->plot = plot;
        geom->n = n;
    }
}

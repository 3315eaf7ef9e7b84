/* ui_history: the scenario's loss and gap (H(P,Q) and D_KL(P‖Q) for the softmax)
 * against the step number, with the floor (H(P)) dashed: what the loss approaches. In
 * a race, one loss curve per optimizer in its colour. Both axes scale to the run so
 * far. */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"

/* The width ui_legend_item takes for label. */
static int legend_width(const ui_ctx *ctx, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    return lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, label) + lh;
}

void ui_history_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_history_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_sim *sim = xl_session_sim(s);
    const xl_sample *h = xl_sim_history(sim);
    const int count = xl_sim_history_count(sim);
    const double k = xl_unit_scale(ctx->unit);
    const xl_readout_def *rd = xl_session_scenario(s)->readouts;
    const int racing = xl_session_racing(s);
    const int nruns = xl_session_run_count(s);

    SDL_Rect in = ui_panel_begin(ctx, area, "HISTORY",
                                 racing ? "loss per step, one curve per optimizer" : "loss and gap per step");
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);

    /* Legend; with H(P) = 0 (a one-hot P) the KL curve lies exactly on the loss curve
     * and the floor on the axis, so the legend says why one line shows two series. */
    double floor_now = count > 0 ? h[count - 1].floor : 0.0;
    int coincide = count > 0 && floor_now == 0.0;
    int x = in.x;
    char loss_label[96], floor_label[96];
    size_t word = strcspn(rd[0].meaning, ":");
    snprintf(loss_label, sizeof loss_label, "%s %.*s", rd[0].symbol, (int)word, rd[0].meaning);
    snprintf(floor_label, sizeof floor_label, "%s floor", rd[1].symbol);
    if (racing) {
        /* Titles ("gradient descent") when the row holds them, else short names ("gd"). */
        int total = 0, short_total = 0;
        for (int r = 0; r < nruns; r++) {
            xl_optim_kind kind = xl_sim_optimizer(xl_session_run_sim(s, r))->kind;
            total += legend_width(ctx, xl_optim_kind_title(kind));
            short_total += legend_width(ctx, xl_optim_kind_name(kind));
        }
        total += legend_width(ctx, floor_label);
        /* The optimizers' names matter more than the floor's, which is dashed anyway. */
        if (short_total + legend_width(ctx, floor_label) > in.w) floor_label[0] = '\0';
        /* Titles, else short names, else short names set close in tick type: every
         * optimizer is named. */
        int compact = short_total > in.w;
        for (int r = 0; r < nruns; r++) {
            xl_optim_kind kind = xl_sim_optimizer(xl_session_run_sim(s, r))->kind;
            const char *name = total <= in.w ? xl_optim_kind_title(kind) : xl_optim_kind_name(kind);
            if (!compact) {
                if (x + legend_width(ctx, name) - lh > in.x + in.w) break;
                x += ui_legend_item(ctx, x, in.y, th->race[r % 4], 0, name);
                continue;
            }
            int sw = lh * 2 / 3, w = ui_text_width(ctx->text, UI_FONT_TICK, name);
            if (x + sw + 3 + w > in.x + in.w) break;
            float ly = in.y + lh / 2.0f;
            ui_draw_line(ctx->r, x, ly, x + sw, ly, ui_lw(ctx, 1.5f), th->race[r % 4]);
            ui_text_draw(ctx->text, UI_FONT_TICK, x + sw + 3, in.y + (lh - tick_h) / 2, UI_ALIGN_LEFT, th->text, name);
            x += sw + 3 + w + lh / 2;
        }
        coincide = 0;
    } else {
        /* "H(P,Q) cross-entropy" when the row holds it, else the symbols alone. */
        if (legend_width(ctx, loss_label) + legend_width(ctx, rd[2].symbol) + legend_width(ctx, floor_label) > in.w)
            snprintf(loss_label, sizeof loss_label, "%s", rd[0].symbol);
        if (legend_width(ctx, loss_label) + legend_width(ctx, rd[2].symbol) + legend_width(ctx, floor_label) > in.w)
            snprintf(floor_label, sizeof floor_label, "%s", rd[1].symbol);
        x += ui_legend_item(ctx, x, in.y, th->text, 0, loss_label);
        x += ui_legend_item(ctx, x, in.y, th->surprise, 0, rd[2].symbol);
    }
    if (floor_label[0] && x + legend_width(ctx, floor_label) <= in.x + in.w + lh) /* trailing space may overhang */
        ui_legend_item(ctx, x, in.y, th->inherent, 1, floor_label);

    double y_max = 0.0;
    long last = 0;
    for (int r = 0; r < nruns; r++) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        const xl_sample *rh = xl_sim_history(rs);
        int rc = xl_sim_history_count(rs);
        for (int i = 0; i < rc; i++)
            if (isfinite(rh[i].loss) && rh[i].loss > y_max) y_max = rh[i].loss;
        if (rc > 0 && rh[rc - 1].step > last) last = rh[rc - 1].step;
    }
    y_max = ui_nice_ceil(y_max * k);
    double x_max = ui_nice_ceil(last < 10 ? 10.0 : (double)last);

    /* The y labels' column is as wide as the widest label drawn. */
    char label[48];
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, y_max, 1, 7));
    int min_w = ui_text_width(ctx->text, UI_FONT_TICK, "00.0");
    if (tick_w < min_w) tick_w = min_w;
    tick_w += ctx->pad / 2;
    int note_h = coincide ? lh : 0;
    SDL_Rect plot = {in.x + tick_w + ctx->pad / 2, in.y + lh + tick_h + note_h + ctx->pad / 2, 0, 0};
    plot.w = in.x + in.w - plot.x - ctx->pad;
    plot.h = in.y + in.h - 2 * tick_h - ctx->pad / 2 - plot.y;
    if (plot.w < 20 || plot.h < 20) return;
    if (coincide) {
        char n0[160], n1[96];
        snprintf(n0, sizeof n0, "%s = 0, so %s = %s: the curves coincide", rd[1].symbol, rd[2].symbol, rd[0].symbol);
        snprintf(n1, sizeof n1, "%s = 0, so %s = %s", rd[1].symbol, rd[2].symbol, rd[0].symbol);
        const char *notes[] = {n0, n1};
        for (int i = 0; i < 2; i++)
            if (ui_text_width(ctx->text, UI_FONT_LABEL, notes[i]) <= in.w) {
                ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, in.y + lh + ctx->pad / 4, UI_ALIGN_LEFT, th->text_dim,
                             notes[i]);
                break;
            }
    }

    float lw = ui_lw(ctx, 1.0f);
    double ticks[64];
    double ystep = ui_nice_step(0.0, y_max, plot.h / (tick_h * 2) + 1);
    int nt = ui_ticks(0.0, y_max, ystep, ticks, 64);
    for (int i = 0; i < nt; i++) {
        float y = plot.y + plot.h - (float)(ticks[i] / y_max * plot.h);
        if (ticks[i] > 0) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, plot.x - ctx->pad / 3.0f, y, plot.x, y, lw, th->axis);
        ui_format_tick(label, sizeof label, ticks[i], ystep);
        if (ui_text_width(ctx->text, UI_FONT_TICK, label) > tick_w - ctx->pad / 2)
            ui_format_fit(label, sizeof label, ticks[i], 0, 7);
        ui_text_draw(ctx->text, UI_FONT_TICK, plot.x - ctx->pad / 2, (int)(y - tick_h / 2.0f),
                     UI_ALIGN_RIGHT, th->text_dim, label);
    }
    /* The unit heads the label column, clear of the top label (which sits at plot.y). */
    ui_text_draw(ctx->text, UI_FONT_TICK, plot.x + ctx->pad / 2, plot.y - tick_h - ctx->pad / 4, UI_ALIGN_LEFT,
                 th->text_dim, xl_unit_name(ctx->unit));
    int xlabel_w = ui_text_width(ctx->text, UI_FONT_TICK, ui_format_fit(label, sizeof label, x_max, 0, 9));
    /* Steps are whole numbers: no tick between two of them. */
    double xstep = fmax(1.0, ui_nice_step(0.0, x_max, plot.w / (xlabel_w * 2 + ctx->pad) + 1));
    nt = ui_ticks(0.0, x_max, xstep, ticks, 64);
    const char *xtitle = "gradient-descent step";
    int xtitle_w = ui_text_width(ctx->text, UI_FONT_TICK, xtitle);
    int last_right = in.x - ctx->pad;
    for (int i = 0; i < nt; i++) {
        float xx = plot.x + (float)(ticks[i] / x_max * plot.w);
        ui_draw_line(ctx->r, xx, plot.y + plot.h, xx, plot.y + plot.h + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(label, sizeof label, ticks[i], xstep);
        if (ui_text_width(ctx->text, UI_FONT_TICK, label) > xlabel_w) ui_format_fit(label, sizeof label, ticks[i], 0, 9);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int lx = (int)xx - w / 2;
        if (lx + w > in.x + in.w) lx = in.x + in.w - w;
        if (lx < last_right + ctx->pad / 2) continue; /* never onto the previous label */
        last_right = lx + w;
        ui_text_draw(ctx->text, UI_FONT_TICK, lx, plot.y + plot.h + ctx->pad / 3, UI_ALIGN_LEFT, th->text_dim, label);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, plot.x + plot.w - xtitle_w, plot.y + plot.h + tick_h + ctx->pad / 3,
                 UI_ALIGN_LEFT, th->text_dim, xtitle);
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, th->axis);

#define PX(step) (plot.x + (float)((double)(step) / x_max * plot.w))
#define PY(v) (plot.y + plot.h - (float)(fmin((v) * k, y_max) / y_max * plot.h))
    SDL_RenderSetClipRect(ctx->r, &(SDL_Rect){plot.x, plot.y - 4, plot.w + 4, plot.h + 6});
    /* The loss under KL and wider, so where they coincide (H(P) = 0) the KL line runs
     * inside a dark edge and both stay visible. */
    for (int r = racing ? nruns - 1 : 0; r >= 1; r--) {
        const xl_sim *rs = xl_session_run_sim(s, r);
        const xl_sample *rh = xl_sim_history(rs);
        int rc = xl_sim_history_count(rs);
        for (int i = 1; i < rc; i++)
            ui_draw_line(ctx->r, PX(rh[i - 1].step), PY(rh[i - 1].loss), PX(rh[i].step), PY(rh[i].loss),
                         ui_lw(ctx, 1.5f), th->race[r % 4]);
        if (rc > 0)
            ui_draw_marker(ctx->r, (ui_marker)(r % UI_MARKER_COUNT), PX(rh[rc - 1].step), PY(rh[rc - 1].loss),
                           ui_lw(ctx, 3.0f), th->race[r % 4]);
    }
    for (int i = 1; i < count; i++)
        ui_draw_line(ctx->r, PX(h[i - 1].step), PY(h[i - 1].loss), PX(h[i].step), PY(h[i].loss),
                     ui_lw(ctx, coincide ? 3.0f : 1.5f), racing ? th->race[0] : th->text);
    for (int i = 1; i < count && !racing; i++)
        ui_draw_line(ctx->r, PX(h[i - 1].step), PY(fmax(h[i - 1].gap, 0.0)), PX(h[i].step), PY(fmax(h[i].gap, 0.0)),
                     ui_lw(ctx, 1.5f), th->surprise);
    /* H(P) dashed over both (the loss converges onto it). H(P) may change mid-run (P
     * edited): each run of constant floor is one dashed line so the dash pattern stays
     * even, and runs are joined by a thin step. A floor of 0 lies on the axis: it is
     * drawn a line's width above it so the axis does not hide it. */
    float lift = coincide ? ui_lw(ctx, 1.5f) : 0.0f;
    int run = 0;
    for (int i = 1; i <= count; i++) {
        if (i < count && h[i].floor == h[run].floor) continue;
        float x0 = PX(h[run].step), x1 = PX(h[i - 1].step);
        if (i == count) x1 = plot.x + plot.w; /* the floor is the asymptote: run it on */
        float fy = PY(h[run].floor) - (h[run].floor == 0.0 ? lift : 0.0f);
        ui_draw_dashed(ctx->r, x0, fy, x1, fy, ui_lw(ctx, 1.5f), 7.0f * ctx->scale, 5.0f * ctx->scale,
                       th->inherent);
        if (i < count)
            ui_draw_line(ctx->r, x1, PY(h[i - 1].floor), PX(h[i].step), PY(h[i].floor), ui_lw(ctx, 1.0f),
                         th->inherent);
        run = i;
    }
    if (count > 0) {
        ui_draw_disc(ctx->r, PX(h[count - 1].step), PY(h[count - 1].loss), ui_lw(ctx, coincide ? 3.0f : 2.0f),
                     racing ? th->race[0] : th->text);
        if (!racing)
            ui_draw_disc(ctx->r, PX(h[count - 1].step), PY(fmax(h[count - 1].gap, 0.0)), ui_lw(ctx, 2.0f),
                     th->surprise);
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

/* ui_readouts: the exact numbers, H(P), H(P,Q) and D_KL(P‖Q) to four decimals, and
 * the identity H(P,Q) = H(P) + D_KL(P‖Q) drawn as one stacked bar: the green part is
 * the floor the loss can never go below, the vermillion part is what learning can
 * still remove. The bar's axis ends at the largest loss of the run, so the
 * vermillion part visibly shrinks as the model learns. */
#include "ui_panels.h"

#include <math.h>
#include <stdio.h>

#include "ui_draw.h"

/* One big number with its name above and a caption below. The caption may use `w`
 * pixels, the number and its unit `number_room`; what does not fit is left out. */
static void readout(const ui_ctx *ctx, int x, int y, int w, int number_room, SDL_Color color,
                    const char *name, double value, const char *caption)
{
    char num[32];
    ui_format(num, sizeof num, value, 4);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int rh = ui_text_line_height(ctx->text, UI_FONT_READOUT);
    ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, color, name);
    int nw = ui_text_draw(ctx->text, UI_FONT_READOUT, x, y + lh, UI_ALIGN_LEFT, ctx->theme->text, num);
    /* The unit after the number, sharing its baseline. */
    int base = y + lh + ui_text_ascent(ctx->text, UI_FONT_READOUT);
    const char *unit = xl_unit_name(ctx->unit);
    if (nw + ctx->pad / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, unit) <= number_room)
        ui_text_draw(ctx->text, UI_FONT_LABEL, x + nw + ctx->pad / 3, base - ui_text_ascent(ctx->text, UI_FONT_LABEL),
                     UI_ALIGN_LEFT, ctx->theme->text_dim, unit);
    if (caption && ui_text_width(ctx->text, UI_FONT_TICK, caption) <= w) /* may run under the operator */
        ui_text_draw(ctx->text, UI_FONT_TICK, x, y + lh + rh, UI_ALIGN_LEFT, ctx->theme->text_dim, caption);
}

void ui_readouts_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                      ui_readouts_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_sim *sim = xl_session_sim(s);
    const xl_sample cur = xl_sim_current(sim);
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    char buf[160];

    snprintf(buf, sizeof buf, "in %s (%s)", unit, ctx->unit == XL_BITS ? "log₂" : "ln");
    SDL_Rect in = ui_panel_begin(ctx, area, "TOTAL = INHERENT + IMPERFECTION", buf);

    /* The three numbers in columns, with = and + between them. */
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int rh = ui_text_line_height(ctx->text, UI_FONT_READOUT);
    int op_w = ui_text_width(ctx->text, UI_FONT_READOUT, "=") + ctx->pad * 2;
    int col = (in.w - 2 * op_w) / 3;
    int op_y = in.y + lh;
    int x = in.x;
    int room = col + op_w - ctx->pad / 2;
    /* Captions all or none, so the three columns read alike; short ones when the long
     * ones do not fit. The last column has no operator after it to run under. */
    static const char *const long_captions[3] = {"cross-entropy: the loss", "entropy: inherent",
                                                 "KL: the imperfection"};
    static const char *const short_captions[3] = {"the loss", "inherent", "imperfection"};
    const char *const *captions = long_captions;
    int last_room = in.x + in.w - (in.x + 2 * (col + op_w));
    int show = 1;
    for (int set = 0; set < 2; set++) {
        captions = set == 0 ? long_captions : short_captions;
        show = 1;
        for (int i = 0; i < 3; i++)
            if (ui_text_width(ctx->text, UI_FONT_TICK, captions[i]) > (i < 2 ? room : last_room)) show = 0;
        if (show) break;
    }
    readout(ctx, x, in.y, room, col, th->text, "H(P,Q)", cur.loss * k, show ? captions[0] : NULL);
    x += col;
    ui_text_draw(ctx->text, UI_FONT_READOUT, x + op_w / 2, op_y, UI_ALIGN_CENTER, th->text_dim, "=");
    x += op_w;
    readout(ctx, x, in.y, room, col, th->inherent, "H(P)", cur.floor * k, show ? captions[1] : NULL);
    x += col;
    ui_text_draw(ctx->text, UI_FONT_READOUT, x + op_w / 2, op_y, UI_ALIGN_CENTER, th->text_dim, "+");
    x += op_w;
    readout(ctx, x, in.y, in.x + in.w - x, in.x + in.w - x, th->surprise, "D_KL(P‖Q)", cur.gap * k, show ? captions[2] : NULL);

    /* Stacked bar with its own axis. */
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int top = in.y + lh + rh + tick_h + ctx->pad;
    int bar_h = (int)(lh * 1.5f);
    int avail = in.y + in.h - top;
    if (avail < bar_h + 2 * tick_h) bar_h = avail - 2 * tick_h;
    if (bar_h < 6) return;
    /* Room at the right for the last tick label's overhang and the unit. */
    int unit_w = ui_text_width(ctx->text, UI_FONT_TICK, unit) + ui_text_width(ctx->text, UI_FONT_TICK, "00.0") / 2 + ctx->pad;
    SDL_Rect axis = {in.x, top + tick_h, in.w - unit_w, bar_h};

    double max_loss = 0.0;
    const xl_sample *h = xl_sim_history(sim);
    for (int i = 0; i < xl_sim_history_count(sim); i++)
        if (isfinite(h[i].loss) && h[i].loss > max_loss) max_loss = h[i].loss;
    if (isfinite(cur.loss) && cur.loss > max_loss) max_loss = cur.loss;
    double axis_max = ui_nice_ceil(max_loss * k);
    if (axis_max <= 0) axis_max = 1.0;

    ui_draw_fill(ctx->r, axis, ui_mix(th->panel, th->grid, 0.6f));
    float px_per = (float)(axis.w / axis_max);
    int floor_w = (int)(cur.floor * k * px_per + 0.5);
    double total = cur.loss * k;
    int total_w = isfinite(total) ? (int)(total * px_per + 0.5) : axis.w;
    if (total_w > axis.w) total_w = axis.w;
    if (floor_w > total_w) floor_w = total_w;
    ui_draw_fill(ctx->r, (SDL_Rect){axis.x, axis.y, floor_w, axis.h}, th->inherent);
    ui_draw_fill(ctx->r, (SDL_Rect){axis.x + floor_w, axis.y, total_w - floor_w, axis.h}, th->surprise);
    /* Labels inside the parts when they fit. */
    int label_y = axis.y + (axis.h - lh) / 2;
    SDL_Color on_fill = {255, 255, 255, 255};
    if (ui_text_width(ctx->text, UI_FONT_LABEL, "H(P)") + 8 < floor_w)
        ui_text_draw(ctx->text, UI_FONT_LABEL, axis.x + floor_w / 2, label_y, UI_ALIGN_CENTER, on_fill, "H(P)");
    if (ui_text_width(ctx->text, UI_FONT_LABEL, "KL") + 8 < total_w - floor_w)
        ui_text_draw(ctx->text, UI_FONT_LABEL, axis.x + (floor_w + total_w) / 2, label_y,
                     UI_ALIGN_CENTER, on_fill, "KL");

    /* Floor marker: a heavy line through the bar and a note under it. */
    float fx = axis.x + floor_w;
    ui_draw_line(ctx->r, fx, axis.y - tick_h * 0.6f, fx, axis.y + axis.h + 2, ui_lw(ctx, 2.0f), th->text);
    /* The note reads from the marker rightwards, or leftwards when it would run out. */
    const char *floor_note = "floor H(P): the loss cannot go lower";
    int note_w = ui_text_width(ctx->text, UI_FONT_TICK, floor_note);
    if ((int)fx + 3 + note_w <= in.x + in.w)
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)fx + 3, axis.y - tick_h - 1, UI_ALIGN_LEFT, th->text, floor_note);
    else
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)fx - 3, axis.y - tick_h - 1, UI_ALIGN_RIGHT, th->text, floor_note);

    /* Axis ticks under the bar. */
    double step = ui_nice_step(0.0, axis_max, axis.w / (ui_text_width(ctx->text, UI_FONT_TICK, "00.0") * 2) + 1);
    float lw = ui_lw(ctx, 1.0f);
    int ty = axis.y + axis.h;
    for (double v = 0.0; v <= axis_max + step * 1e-9; v += step) {
        float x = axis.x + (float)(v * px_per);
        ui_draw_line(ctx->r, x, ty, x, ty + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(buf, sizeof buf, v, step);
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)x, ty + ctx->pad / 3, UI_ALIGN_CENTER, th->text_dim, buf);
    }
    ui_text_draw(ctx->text, UI_FONT_TICK, in.x + in.w, ty + ctx->pad / 3, UI_ALIGN_RIGHT, th->text_dim, unit);

    /* The selected class, in words. */
    int line_y = ty + ctx->pad / 3 + tick_h + ctx->pad / 2;
    if (line_y + lh <= in.y + in.h + ctx->pad / 2) {
        const xl_classifier *c = xl_session_classifier(s);
        int sel = xl_session_selected(s);
        double q[XL_MAX_CLASSES];
        xl_session_q(s, q);
        char sp[32];
        ui_format(sp, sizeof sp, xl_surprise(q[sel], XL_NATS) * k, 3);
        snprintf(buf, sizeof buf, "%s:  p = %.3f   q = %.3f   surprise if it happens %s %s",
                 c->names[sel], c->p[sel], q[sel], sp, unit);
        if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) > in.w)
            snprintf(buf, sizeof buf, "%s:  p %.3f  q %.3f  surprise %s %s", c->names[sel], c->p[sel], q[sel], sp, unit);
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, line_y, UI_ALIGN_LEFT, th->text, buf);
        /* The lesson of the panel, where there is room for it. */
        int note_y = line_y + lh + ctx->pad / 2;
        int tick_h2 = ui_text_line_height(ctx->text, UI_FONT_TICK);
        const char *note = "Learning can only remove the KL part: as Q → P, H(P,Q) falls to H(P).";
        if (note_y + tick_h2 <= in.y + in.h + ctx->pad / 2 && ui_text_width(ctx->text, UI_FONT_TICK, note) <= in.w)
            ui_text_draw(ctx->text, UI_FONT_TICK, in.x, note_y, UI_ALIGN_LEFT, th->text_dim, note);
    }

    if (geom) {
        geom->identity = axis;
        geom->axis_max = axis_max;
    }
}

/* ui_panel_solids_ways: the HOW MANY WAYS panel of the two solids (see ui_panel_solids.h).
 *
 * The upper part (about 11/20) is P(q_A) over q_A from the state's bins: a row for the
 * most probable q_A*'s label, a row for the current q_A's, the plot, the q_A ticks and
 * the axis title; the lower part is S over the kept steps, with a legend row, its plot,
 * step ticks and, where there is room, the axis title. A short panel keeps only P(q_A).
 * q_A runs from -0.5 to q + 0.5 so each whole q_A sits in the middle of its slot.
 *
 * Secondary labels are placed only where they touch no label already placed (claims);
 * every coordinate passes through ui_draw_clamp or integer rectangles inside the panel.
 */
#include "ui_panel_solids.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_panel_solids_internal.h"

enum { MAX_TICKS = 32 };

typedef struct xmap {
    SDL_Rect plot;
    double lo, hi;
} xmap;

static float px_of(const xmap *f, double v)
{
    return ui_draw_clamp(f->plot.x + (v - f->lo) / (f->hi - f->lo) * f->plot.w);
}

/* Ticks of whole numbers lo..hi under plot from label_y (TICK font). */
static void draw_count_axis(const ui_ctx *ctx, const xmap *f, SDL_Rect in, double lo, double hi, int label_y,
                            ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    char buf[32];
    ui_format_count(buf, sizeof buf, (long)hi);
    int room = ui_text_width(ctx->text, UI_FONT_TICK, buf) + 2 * ctx->pad;
    int max_ticks = plot.w / (room > 1 ? room : 1);
    if (max_ticks < 1) max_ticks = 1;
    if (max_ticks > 12) max_ticks = 12;
    double step = ui_nice_step(lo, hi, max_ticks);
    if (step < 1.0) step = 1.0;
    double ticks[MAX_TICKS];
    int nt = ui_ticks(lo, hi, step, ticks, MAX_TICKS);
    for (int i = 0; i < nt; i++) {
        float x = px_of(f, ticks[i]);
        ui_draw_line(ctx->r, x, base, x, base + len, lw, th->axis);
        ui_format_count(buf, sizeof buf, lround(ticks[i]));
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        int lx = (int)(x - w / 2.0f);
        SDL_Rect box = {lx, label_y, w, tick_h};
        if (ui_claim(pl, box, in, ctx->pad / 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, label_y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
}

/* A vertical marker through the plot and its label in the row at label_y (centred over
 * it, or beside it near an end); returns 1 if the label was drawn. */
static int marker(const ui_ctx *ctx, const xmap *f, SDL_Rect in, float x, int label_y, int dashed, SDL_Color c,
                  const char *const *texts, int n, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    float lw = ui_lw(ctx, 1.5f);
    float top = (float)(label_y + lh), base = (float)(f->plot.y + f->plot.h);
    if (dashed) {
        ui_draw_dashed(ctx->r, x, top, x, base, lw, 5.0f * ctx->scale, 4.0f * ctx->scale, c);
    } else {
        /* Yellow alone vanishes on white: an edge in select_edge carries it. */
        ui_draw_line(ctx->r, x, top, x, base, lw + 2.0f, th->select_edge);
        ui_draw_line(ctx->r, x, top, x, base, lw, c);
    }
    for (int i = 0; i < n; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, texts[i]);
        int lx = (int)(x - w / 2.0f);
        if (lx < f->plot.x) lx = (int)x + (int)lw + 3;
        if (lx + w > in.x + in.w) lx = (int)x - (int)lw - 3 - w;
        SDL_Rect box = {lx, label_y, w, lh};
        if (!ui_claim(pl, box, in, 2)) continue;
        /* On the panel's colour: the other marker's line may pass behind it. */
        ui_draw_fill(ctx->r, (SDL_Rect){lx - 2, label_y, w + 4, lh}, th->panel);
        ui_text_draw(ctx->text, UI_FONT_LABEL, lx, label_y, UI_ALIGN_LEFT, th->text, texts[i]);
        return 1;
    }
    return 0;
}

/* P(q_A) in box; fills the geom's plot fields. */
static void draw_ways(const ui_ctx *ctx, SDL_Rect in, SDL_Rect box, const xl_solids_state *st,
                      ui_solids_ways_geom *g, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int xtitle = 1;
    SDL_Rect plot;
    int xlabel_y;
    for (;;) {
        plot.y = box.y + 2 * lh + ctx->pad / 3; /* the two markers' rows */
        xlabel_y = box.y + box.h - (xtitle ? lh + ctx->pad / 4 : 0) - tick_h;
        plot.h = xlabel_y - ctx->pad / 3 - 1 - plot.y;
        if (plot.h >= 4 * tick_h || !xtitle) break;
        xtitle = 0;
    }
    char qbuf[32];
    ui_format_count(qbuf, sizeof qbuf, st->q);
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0.25");
    plot.x = in.x + tick_h + ctx->pad / 2 + tick_w + ctx->pad / 2;
    plot.w = in.x + in.w - ui_text_width(ctx->text, UI_FONT_TICK, qbuf) / 2 - 1 - plot.x;
    if (plot.h < 2 * tick_h || plot.w < 40 || st->bins < 1) return;

    xmap f = {plot, -0.5, (double)st->q + 0.5};
    double top = 0.0;
    for (int i = 0; i < st->bins; i++)
        if (st->mass[i] > top) top = st->mass[i];
    double y_max = ui_nice_ceil(1.05 * top);
    if (!(y_max > 0.0) || !(y_max <= 1.0)) y_max = 1.0;

    static const char *const titles[] = {"P(q_A)", "P"};
    const ui_value_axis axis = {plot, y_max, ui_axis_step(ctx, plot.h, y_max), tick_h / 2, 1, titles, 2};
    ui_axis_draw_left(ctx, &axis, in, pl);

    /* The bars. */
    int base = plot.y + plot.h;
    for (int i = 0; i < st->bins; i++) {
        float a = px_of(&f, st->edge[i] - 0.5), b = px_of(&f, st->edge[i + 1] - 0.5);
        float gap = b - a >= 6.0f ? (b - a) * 0.12f : 0.0f;
        int x0 = (int)lroundf(a + gap), x1 = (int)lroundf(b - gap);
        if (x1 <= x0) x1 = x0 + 1;
        int ytop = (int)lroundf(ui_axis_y(&axis, st->mass[i]));
        if (ytop < base) ui_draw_fill(ctx->r, (SDL_Rect){x0, ytop, x1 - x0, base - ytop}, th->truth);
        char l0[64], l1[96];
        if (st->edge[i + 1] - st->edge[i] == 1) snprintf(l0, sizeof l0, _("q_A = %ld units in A"), st->edge[i]);
        else snprintf(l0, sizeof l0, _("q_A = %ld to %ld units in A"), st->edge[i], st->edge[i + 1] - 1);
        snprintf(l1, sizeof l1, _("P = W_A·W_B / Ω = %.4g of all microstates"), st->mass[i]);
        ui_hit_add(ctx, (SDL_Rect){x0, plot.y, x1 - x0, plot.h}, l0, l1, NULL);
    }

    /* The most probable first (its row is the upper one), then now. */
    char v[32], t0[96], t1[96], t2[64];
    ui_format_count(v, sizeof v, st->q_a_likely);
    snprintf(t0, sizeof t0, _("most probable q_A* = %s (largest W)"), v);
    snprintf(t1, sizeof t1, _("most probable q_A* = %s"), v);
    snprintf(t2, sizeof t2, "q_A* = %s", v);
    const char *lk[] = {t0, t1, t2};
    g->likely_x = px_of(&f, (double)st->q_a_likely);
    g->likely_label = marker(ctx, &f, in, g->likely_x, box.y, 1, th->inherent, lk, 3, pl);
    ui_format_count(v, sizeof v, st->q_a);
    snprintf(t0, sizeof t0, _("now q_A = %s"), v);
    snprintf(t1, sizeof t1, "q_A = %s", v);
    const char *nw[] = {t0, t1};
    g->now_x = px_of(&f, (double)st->q_a);
    g->now_label = marker(ctx, &f, in, g->now_x, box.y + lh, 0, th->select, nw, 2, pl);

    draw_count_axis(ctx, &f, in, 0.0, (double)st->q, xlabel_y, pl);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, ui_lw(ctx, 1.0f), th->axis);
    if (xtitle) {
        const char *xt[] = {_("q_A: units in A (B holds the rest)"), _("q_A: units in A"), "q_A"};
        int ty = xlabel_y + tick_h + ctx->pad / 4;
        for (int i = 0; i < 3; i++) {
            int w = ui_text_width(ctx->text, UI_FONT_LABEL, xt[i]);
            int lx = plot.x + plot.w / 2 - w / 2;
            if (!ui_claim(pl, (SDL_Rect){lx, ty, w, lh}, in, 1)) continue;
            ui_text_draw(ctx->text, UI_FONT_LABEL, lx, ty, UI_ALIGN_LEFT, th->text, xt[i]);
            break;
        }
    }
    g->drawn = 1;
    g->plot = plot;
    g->x_lo = f.lo;
    g->x_hi = f.hi;
    g->y_max = y_max;
}

/* S_A, S_B and S over the state's history in box. */
static void draw_entropies(const ui_ctx *ctx, SDL_Rect in, SDL_Rect box, const xl_solids_state *st,
                           ui_solids_ways_geom *g, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int count = st->history_count;
    if (count < 1) return;

    /* The legend: long labels, then short, all four or none. */
    const SDL_Color ca = th->model, cb = th->truth, cs = th->inherent;
    const char *la[] = {"S_A = ln W_A", "S_A"}, *lb[] = {"S_B = ln W_B", "S_B"},
               *ls[] = {"S = S_A + S_B", "S"}, *lm[] = {_("S at q_A*"), "max"};
    int legend_drawn = 0;
    for (int v = 0; v < 2 && !legend_drawn; v++) {
        const char *lab[4] = {la[v], lb[v], ls[v], lm[v]};
        int need = 0;
        for (int i = 0; i < 4; i++) need += lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, lab[i]) + lh;
        if (need - lh > in.w) continue;
        int x = in.x;
        const SDL_Color cols[4] = {ca, cb, cs, cs};
        for (int i = 0; i < 4; i++) {
            int w = ui_legend_item(ctx, x, box.y, cols[i], i == 3, lab[i]);
            ui_claim(pl, (SDL_Rect){x, box.y, w - lh, lh}, in, 0);
            x += w;
        }
        legend_drawn = 1;
    }
    SDL_Rect plot;
    plot.y = box.y + (legend_drawn ? lh + ctx->pad / 2 : 0) + tick_h / 2;
    /* The axis title "step" under the ticks, while the plot keeps four tick rows. */
    int xtitle = 1, xlabel_y = 0;
    for (;;) {
        xlabel_y = box.y + box.h - tick_h - (xtitle ? tick_h : 0);
        plot.h = xlabel_y - ctx->pad / 3 - 1 - plot.y;
        if (plot.h >= 4 * tick_h || !xtitle) break;
        xtitle = 0;
    }
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0000");
    plot.x = in.x + tick_h + ctx->pad / 2 + tick_w + ctx->pad / 2;
    char tb[32];
    ui_format_count(tb, sizeof tb, st->t);
    plot.w = in.x + in.w - ui_text_width(ctx->text, UI_FONT_TICK, tb) / 2 - 1 - plot.x;
    if (plot.h < 3 * tick_h || plot.w < 40) return;

    const long t_last = st->t, t_first = st->t - count + 1;
    double s_top = st->s_likely;
    for (int j = 0; j < count; j++) {
        long qa = st->history[(st->history_head + j) % XL_SOLIDS_HISTORY];
        double s = xl_solids_log_ways(st->n_a, qa) + xl_solids_log_ways(st->n_b, st->q - qa);
        if (s > s_top) s_top = s;
    }
    s_top = ui_nice_ceil(1.05 * s_top * k);
    if (!(s_top > 0.0) || !isfinite(s_top)) s_top = 1.0;
    const char *unit_titles[] = {xl_unit_name(ctx->unit)};
    const ui_value_axis axis = {plot, s_top, ui_axis_step(ctx, plot.h, s_top), tick_h / 2, 1, unit_titles, 1};
    ui_axis_draw_left(ctx, &axis, in, pl);
    xmap f = {plot, (double)t_first, (double)(t_last > t_first ? t_last : t_first + 1)};
    draw_count_axis(ctx, &f, in, f.lo, f.hi, xlabel_y, pl);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, ui_lw(ctx, 1.0f), th->axis);
    if (xtitle) {
        const char *titles[] = {_("step")};
        for (int i = 0; i < 1; i++) {
            int w = ui_text_width(ctx->text, UI_FONT_TICK, titles[i]);
            SDL_Rect tb_box = {plot.x + plot.w - w, xlabel_y + tick_h, w, tick_h};
            if (!ui_claim(pl, tb_box, in, 1)) continue;
            ui_text_draw(ctx->text, UI_FONT_TICK, tb_box.x, tb_box.y, UI_ALIGN_LEFT, th->text_dim, titles[i]);
            break;
        }
    }

    /* S at the most probable split, dashed, then the three series. */
    float ym = ui_axis_y(&axis, st->s_likely * k);
    ui_draw_dashed(ctx->r, plot.x, ym, plot.x + plot.w, ym, ui_lw(ctx, 1.5f), 6.0f * ctx->scale, 4.0f * ctx->scale,
                   cs);
    const float lw = ui_lw(ctx, 1.5f);
    float px = 0.0f, pa = 0.0f, pb = 0.0f, ps = 0.0f;
    for (int j = 0; j < count; j++) {
        long qa = st->history[(st->history_head + j) % XL_SOLIDS_HISTORY];
        double sa = xl_solids_log_ways(st->n_a, qa) * k, sb = xl_solids_log_ways(st->n_b, st->q - qa) * k;
        float x = px_of(&f, (double)(t_first + j));
        float ya = ui_axis_y(&axis, sa), yb = ui_axis_y(&axis, sb), ys = ui_axis_y(&axis, sa + sb);
        if (j > 0) {
            ui_draw_line(ctx->r, px, pa, x, ya, lw, ca);
            ui_draw_line(ctx->r, px, pb, x, yb, lw, cb);
            ui_draw_line(ctx->r, px, ps, x, ys, lw, cs);
            /* A square at each joint: short segments drawn as stacked one-pixel lines
             * leave their end pixel out, which would read as a dotted line. */
            const int jw = (int)lroundf(lw) < 1 ? 1 : (int)lroundf(lw);
            const float ys3[3] = {ya, yb, ys};
            const SDL_Color cs3[3] = {ca, cb, cs};
            for (int c = 0; c < 3; c++)
                ui_draw_fill(ctx->r, (SDL_Rect){(int)lroundf(x) - jw / 2, (int)lroundf(ys3[c]) - jw / 2, jw, jw},
                             cs3[c]);
        } else if (count == 1) {
            ui_draw_disc(ctx->r, x, ya, lw * 1.5f, ca);
            ui_draw_disc(ctx->r, x, yb, lw * 1.5f, cb);
            ui_draw_disc(ctx->r, x, ys, lw * 1.5f, cs);
        }
        px = x;
        pa = ya;
        pb = yb;
        ps = ys;
    }
    g->entropy_drawn = 1;
    g->splot = plot;
    g->t_first = t_first;
    g->t_last = t_last;
    g->s_top = s_top;
}

void ui_solids_ways_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_solids_ways_geom *geom)
{
    ui_solids_ways_geom local;
    ui_solids_ways_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const xl_solids_state *st = ui_solids_state(s);
    if (!st) {
        ui_panel_begin(ctx, area, _("HOW MANY WAYS"), NULL);
        return;
    }
    const char *subs[] = {_("P(q_A) = W_A(q_A)·W_B(q − q_A) / Ω, and S over time"), "P(q_A) = W_A·W_B / Ω",
                          "P(q_A)"};
    SDL_Rect in = ui_panel_begin(ctx, area, _("HOW MANY WAYS"), ui_solids_pick_subtitle(ctx, area, _("HOW MANY WAYS"), subs, 3));
    ui_solids_prime_text(ctx, in);
    if (in.w < 80 || in.h < 60) return;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    ui_claims pl = {.n = 0};
    /* P(q_A) over about 3/5 of the height; S over time under it while both get room. */
    int ways_h = in.h * 11 / 20;
    int ent_h = in.h - ways_h - ctx->pad;
    if (ent_h < lh + 5 * tick_h || ways_h < 2 * lh + 5 * tick_h) {
        ways_h = in.h;
        ent_h = 0;
    }
    draw_ways(ctx, in, (SDL_Rect){in.x, in.y, in.w, ways_h}, st, g, &pl);
    if (ent_h > 0) draw_entropies(ctx, in, (SDL_Rect){in.x, in.y + ways_h + ctx->pad, in.w, ent_h}, st, g, &pl);
}

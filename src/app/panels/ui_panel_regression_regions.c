/* ui_panel_regression_regions: the iris picture, decision regions with the samples on
 * top (see ui_panel_regression.h and ui_panel_regression_internal.h).
 *
 * Layout: the legend in a column at the right when the panel is wide enough (classes,
 * then the marks: train, test, misclassified, selected), else in rows on top; the plot
 * with the y ticks and the upright y title at its left, the x ticks and title under it;
 * under all, the slice note when the model takes more features than the plane shows.
 * The slice note is a claim the picture depends on, so it is placed first and the
 * legend and titles give way to it.
 *
 * The cells: the plot is cut into squares `cell` pixels wide; each is filled with
 * ui_regression_region_colour of the class predicted at its centre. A row's run of
 * equal colours is one fill. Samples are drawn after all cells, so none is hidden by a
 * region; the selected one last.
 */
#include "ui_panel_regression_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_wrap.h"
#include "ui_lang.h"

enum { MAX_TICKS = 24 };

/* The data range of the samples on one axis, with a margin; a degenerate range opens up. */
static void axis_range(const ui_regression_regions_in *v, int which, double *lo, double *hi)
{
    double a = 0.0, b = 0.0;
    int have = 0;
    for (int i = 0; i < v->n; i++) {
        ui_regression_point p;
        v->sample(v->user, i, &p);
        double x = which ? p.y : p.x;
        if (!isfinite(x)) continue;
        if (!have || x < a) a = x;
        if (!have || x > b) b = x;
        have = 1;
    }
    if (!have) a = 0.0, b = 1.0;
    double m = 0.06 * (b - a);
    if (!(m > 0.0)) m = 0.5;
    *lo = a - m;
    *hi = b + m;
}

double ui_regression_cell_x(const ui_regression_geom *g, int i)
{
    int w = g->plot.w - i * g->cell;
    if (w > g->cell) w = g->cell;
    double px = i * g->cell + w / 2.0;
    return g->x_lo + px / g->plot.w * (g->x_hi - g->x_lo);
}

double ui_regression_cell_y(const ui_regression_geom *g, int j)
{
    int h = g->plot.h - j * g->cell;
    if (h > g->cell) h = g->cell;
    double py = j * g->cell + h / 2.0;
    return g->y_hi - py / g->plot.h * (g->y_hi - g->y_lo);
}

static float px_of(const ui_regression_geom *g, double x)
{
    return ui_draw_clamp(g->plot.x + (x - g->x_lo) / (g->x_hi - g->x_lo) * g->plot.w);
}

static float py_of(const ui_regression_geom *g, double y)
{
    return ui_draw_clamp(g->plot.y + (g->y_hi - y) / (g->y_hi - g->y_lo) * g->plot.h);
}

/* ---- the legend ---- */

typedef enum mark_kind { MARK_SWATCH, MARK_TRAIN, MARK_TEST, MARK_WRONG, MARK_SELECTED } mark_kind;

typedef struct marks {
    float r, ring_w, cross, cross_w, sel_r, sel_w;
} marks;

static void draw_mark(const ui_ctx *ctx, const marks *m, mark_kind kind, float x, float y, SDL_Color c)
{
    const ui_theme *th = ctx->theme;
    switch (kind) {
    case MARK_SWATCH: break;
    case MARK_TRAIN:
        ui_draw_disc(ctx->r, x, y, m->r + 1.0f, th->panel);
        ui_draw_disc(ctx->r, x, y, m->r, c);
        break;
    case MARK_TEST:
        ui_draw_ring(ctx->r, x, y, m->r + 1.0f, m->ring_w + 2.0f, th->panel);
        ui_draw_ring(ctx->r, x, y, m->r, m->ring_w, c);
        break;
    case MARK_WRONG:
        ui_draw_cross(ctx->r, x, y, m->cross, m->cross_w + 2.0f, th->panel);
        ui_draw_cross(ctx->r, x, y, m->cross, m->cross_w, th->text);
        break;
    case MARK_SELECTED:
        ui_draw_ring(ctx->r, x, y, m->sel_r + 1.0f, m->sel_w + 2.0f, th->select_edge);
        ui_draw_ring(ctx->r, x, y, m->sel_r, m->sel_w, th->select);
        break;
    }
}

/* One legend entry at (x, y): its mark (or a swatch of colour c) and its label, in
 * width w; returns 1 if it fit and was drawn. */
static int legend_entry(const ui_ctx *ctx, const marks *m, mark_kind kind, SDL_Color c, const char *label, int x,
                        int y, int w, SDL_Rect in, ui_claims *pl)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int sw = lh, gap = lh / 3;
    int tw = ui_text_width(ctx->text, UI_FONT_LABEL, label);
    if (sw + gap + tw > w) return 0;
    SDL_Rect box = {x, y, sw + gap + tw, lh};
    if (!ui_claim(pl, box, in, 1)) return 0;
    if (kind == MARK_SWATCH) {
        int s = lh * 7 / 10;
        ui_draw_fill(ctx->r, (SDL_Rect){x + (sw - s) / 2, y + (lh - s) / 2, s, s}, c);
        ui_draw_frame(ctx->r, (SDL_Rect){x + (sw - s) / 2, y + (lh - s) / 2, s, s}, 1, ctx->theme->axis);
    } else {
        if (kind == MARK_WRONG) draw_mark(ctx, m, MARK_TRAIN, x + sw / 2.0f, y + lh / 2.0f, ctx->theme->text_dim);
        draw_mark(ctx, m, kind, x + sw / 2.0f, y + lh / 2.0f, kind == MARK_WRONG ? c : ctx->theme->text_dim);
    }
    ui_text_draw(ctx->text, UI_FONT_LABEL, x + sw + gap, y, UI_ALIGN_LEFT, ctx->theme->text, label);
    return 1;
}

typedef struct legend_item {
    mark_kind kind;
    SDL_Color colour;
    const char *label;
} legend_item;

static int legend_items(const ui_ctx *ctx, const ui_regression_regions_in *v, legend_item *out)
{
    int n = 0;
    for (int k = 0; k < v->classes && k < UI_REGRESSION_CLASSES_MAX; k++)
        out[n++] = (legend_item){MARK_SWATCH, ui_regression_class_colour(ctx->theme, k), v->class_names[k]};
    out[n++] = (legend_item){MARK_TRAIN, ctx->theme->text, _("train")};
    out[n++] = (legend_item){MARK_TEST, ctx->theme->text, _("test")};
    out[n++] = (legend_item){MARK_WRONG, ctx->theme->text, _("misclassified")};
    if (v->selected >= 0 && v->selected < v->n) out[n++] = (legend_item){MARK_SELECTED, ctx->theme->text, _("selected")};
    return n;
}

/* The legend's column width (its widest entry), or 0. */
static int legend_column_width(const ui_ctx *ctx, const legend_item *items, int n)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL), w = 0;
    for (int i = 0; i < n; i++) {
        int iw = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, items[i].label);
        if (iw > w) w = iw;
    }
    return w;
}

/* ---- the axes ---- */

static int tick_count(const ui_ctx *ctx, int len, int label_len)
{
    int room = label_len + 2 * ctx->pad;
    int n = len / (room > 1 ? room : 1);
    return n < 2 ? 2 : n > 10 ? 10 : n;
}

static void draw_x_axis(const ui_ctx *ctx, const ui_regression_geom *g, SDL_Rect in, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float base = (float)(g->plot.y + g->plot.h);
    double step = ui_nice_step(g->x_lo, g->x_hi, tick_count(ctx, g->plot.w, ui_text_width(ctx->text, UI_FONT_TICK, "0.0")));
    double ticks[MAX_TICKS];
    int nt = ui_ticks(g->x_lo, g->x_hi, step, ticks, MAX_TICKS);
    char buf[32];
    for (int k = 0; k < nt; k++) {
        float x = px_of(g, ticks[k]);
        ui_draw_line(ctx->r, x, base, x, base + len, lw, th->axis);
        ui_format_tick(buf, sizeof buf, ticks[k], step);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        SDL_Rect box = {(int)(x - w / 2.0f), (int)(base + len) + 1, w, tick_h};
        if (ui_claim(pl, box, in, ctx->pad / 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, box.x, box.y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
}

static void draw_y_axis(const ui_ctx *ctx, const ui_regression_geom *g, SDL_Rect in, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float left = (float)g->plot.x;
    double step = ui_nice_step(g->y_lo, g->y_hi, tick_count(ctx, g->plot.h, tick_h));
    double ticks[MAX_TICKS];
    int nt = ui_ticks(g->y_lo, g->y_hi, step, ticks, MAX_TICKS);
    char buf[32];
    for (int k = 0; k < nt; k++) {
        float y = py_of(g, ticks[k]);
        ui_draw_line(ctx->r, left - len, y, left, y, lw, th->axis);
        ui_format_tick(buf, sizeof buf, ticks[k], step);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        SDL_Rect box = {(int)(left - len) - 2 - w, (int)(y - tick_h / 2.0f), w, tick_h};
        if (ui_claim(pl, box, in, 1))
            ui_text_draw(ctx->text, UI_FONT_TICK, box.x, box.y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
}

/* ---- the regions ---- */

static void draw_cells(const ui_ctx *ctx, const ui_regression_regions_in *v, ui_regression_geom *g)
{
    const SDL_Rect plot = g->plot;
    for (int j = 0; j < g->rows; j++) {
        const double y = ui_regression_cell_y(g, j);
        int top = plot.y + j * g->cell, h = plot.h - j * g->cell;
        if (h > g->cell) h = g->cell;
        int run_x = plot.x;
        SDL_Color run = {0, 0, 0, 0};
        for (int i = 0; i <= g->cols; i++) {
            SDL_Color c = run;
            if (i < g->cols) {
                double conf = 0.0;
                int k = v->predict(v->user, ui_regression_cell_x(g, i), y, &conf);
                c = ui_regression_region_colour(ctx->theme, k, conf, v->classes);
            }
            int x = plot.x + i * g->cell;
            if (i == g->cols) x = plot.x + plot.w;
            if (i > 0 && (i == g->cols || memcmp(&c, &run, sizeof c) != 0)) {
                ui_draw_fill(ctx->r, (SDL_Rect){run_x, top, x - run_x, h}, run);
                run_x = x;
            }
            run = c;
        }
    }
}

/* The marks' sizes for this frame. */
static marks marks_for(const ui_ctx *ctx)
{
    const int light = ctx->theme->kind == UI_THEME_LIGHT;
    marks m;
    m.r = roundf(3.5f * ctx->scale * (light ? 1.2f : 1.0f) + 1.5f);
    m.ring_w = roundf(m.r * 0.45f) < 2.0f ? 2.0f : roundf(m.r * 0.45f);
    m.cross = roundf(m.r * 1.15f);
    m.cross_w = ui_lw(ctx, 1.0f) < 2.0f ? 2.0f : ui_lw(ctx, 1.0f);
    m.sel_w = m.ring_w;
    m.sel_r = m.r + 3.0f + m.sel_w;
    return m;
}

static void draw_samples(const ui_ctx *ctx, const ui_regression_regions_in *v, const marks *m, ui_regression_geom *g)
{
    const ui_theme *th = ctx->theme;
    /* Training discs first, then test rings over them, then the crosses over all, so no
     * mistake hides under a neighbour. */
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < v->n; i++) {
            ui_regression_point p;
            v->sample(v->user, i, &p);
            if (!isfinite(p.x) || !isfinite(p.y)) continue;
            if (p.x < g->x_lo || p.x > g->x_hi || p.y < g->y_lo || p.y > g->y_hi) continue;
            float x = px_of(g, p.x), y = py_of(g, p.y);
            SDL_Color c = ui_regression_class_colour(th, p.label);
            if (pass == 0 && !p.test) draw_mark(ctx, m, MARK_TRAIN, x, y, c);
            if (pass == 1 && p.test) draw_mark(ctx, m, MARK_TEST, x, y, c);
            if (pass == 2) {
                if (p.predicted != p.label) draw_mark(ctx, m, MARK_WRONG, x, y, c);
                g->samples++;
                char l0[UI_HIT_TEXT], l1[UI_HIT_TEXT], l2[UI_HIT_TEXT];
                const char *name = p.label >= 0 && p.label < v->classes ? v->class_names[p.label] : "?";
                const char *pred = p.predicted >= 0 && p.predicted < v->classes ? v->class_names[p.predicted] : "?";
                snprintf(l0, sizeof l0, _("%s, file row %d (%s)"), name, p.file_row, p.test ? _("test") : _("train"));
                snprintf(l1, sizeof l1, "%s %.2f, %s %.2f", v->x_title, p.x, v->y_title, p.y);
                snprintf(l2, sizeof l2, _("the model says %s%s"), pred, p.predicted == p.label ? "" : _(" (wrong)"));
                int hr = (int)ceilf(m->r) + 2;
                ui_hit_add(ctx, (SDL_Rect){(int)x - hr, (int)y - hr, 2 * hr + 1, 2 * hr + 1}, l0, l1, l2);
            }
        }
    if (v->selected >= 0 && v->selected < v->n) {
        ui_regression_point p;
        v->sample(v->user, v->selected, &p);
        if (isfinite(p.x) && isfinite(p.y)) {
            g->selected = v->selected;
            g->selected_x = px_of(g, p.x);
            g->selected_y = py_of(g, p.y);
            draw_mark(ctx, m, MARK_SELECTED, g->selected_x, g->selected_y, th->select);
        }
    }
}

void ui_regression_regions_draw(const ui_ctx *ctx, SDL_Rect in, const ui_regression_regions_in *v, ui_claims *pl,
                                ui_regression_geom *g)
{
    const ui_theme *th = ctx->theme;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const marks m = marks_for(ctx);
    g->feature_x = v->feature_x;
    g->feature_y = v->feature_y;
    g->selected = -1;

    /* The legend: a column at the right if that leaves the plot most of the width. A
     * column on a wide panel only: on a tall one it would leave the plot a strip, and
     * rows on top cost it less there. */
    legend_item items[UI_REGRESSION_CLASSES_MAX + 4];
    const int ni = legend_items(ctx, v, items);
    int col_w = legend_column_width(ctx, items, ni);
    const int row_gap = lh / 4;
    const int entries_h = ni * (lh + row_gap);
    int legend_col = col_w > 0 && in.w - col_w - ctx->pad >= in.w * 3 / 5 && in.w * 3 >= in.h * 4 &&
                     entries_h <= in.h;

    /* The slice note is placed first: the picture is not the model's whole story. In the
     * legend's column under its entries when it fits there (wrapped, the plot keeps its
     * height), else across the bottom. */
    int bottom = in.y + in.h;
    SDL_Rect note_box = {0, 0, 0, 0};
    const ui_wrap_style note_style = {UI_FONT_LABEL, UI_FONT_LABEL, th->text, th->text, 0, 0, 0};
    const char *col_note = v->slice_note_short ? v->slice_note_short : v->slice_note;
    if (v->slice_note && legend_col) {
        /* The column may widen for it, up to two fifths of the panel. */
        const int y = in.y + entries_h + lh / 2;
        for (int note_w = col_w; note_w <= in.w * 2 / 5 - ctx->pad; note_w += lh) {
            int h = ui_wrap_draw(ctx->text, &note_style, col_note, 0, y, note_w, in.y + in.h, 0, NULL);
            if (h > 0 && y + h <= in.y + in.h) {
                note_box = (SDL_Rect){in.x + in.w - note_w, y, note_w, h};
                col_w = note_w;
                break;
            }
        }
    }
    if (v->slice_note && note_box.w == 0) {
        const char *note = v->slice_note;
        if (ui_text_width(ctx->text, UI_FONT_LABEL, note) > in.w && v->slice_note_short) note = v->slice_note_short;
        int lines = ui_text_width(ctx->text, UI_FONT_LABEL, note) > in.w ? 2 : 1;
        int y = bottom - lines * lh;
        SDL_Rect box = {in.x, y, in.w, lines * lh};
        if (ui_claim(pl, box, in, 0)) {
            ui_draw_two_lines(ctx, UI_FONT_LABEL, in.x, y, in.w, th->text, note);
            g->slice_note = 1;
            bottom = y - ctx->pad / 3;
        }
        legend_col = legend_col && entries_h <= bottom - in.y;
    } else if (note_box.w > 0 && ui_claim(pl, note_box, in, 0)) {
        ui_wrap_draw(ctx->text, &note_style, col_note, note_box.x, note_box.y, note_box.w, in.y + in.h, 1, NULL);
        g->slice_note = 1;
    }

    int top = in.y;
    int right = in.x + in.w;
    if (legend_col) {
        right = in.x + in.w - col_w - ctx->pad;
        int y = in.y;
        for (int i = 0; i < ni; i++, y += lh + row_gap)
            legend_entry(ctx, &m, items[i].kind, items[i].colour, items[i].label, right + ctx->pad, y, col_w, in, pl);
    } else {
        /* Rows on top, as many as the entries need, at most three (a quarter of the
         * height); what does not fit then is left out, the classes first in. */
        int x = in.x, rows = 1, max_rows = (bottom - in.y) / (4 * lh);
        if (max_rows > 3) max_rows = 3;
        if (max_rows < 1) max_rows = 1;
        for (int i = 0; i < ni; i++) {
            int iw = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, items[i].label);
            if (x + iw > in.x + in.w && x > in.x) {
                if (rows == max_rows) break;
                rows++;
                x = in.x;
            }
            if (legend_entry(ctx, &m, items[i].kind, items[i].colour, items[i].label, x, in.y + (rows - 1) * lh, iw,
                             in, pl))
                x += iw + lh;
        }
        top = in.y + rows * lh + ctx->pad / 3;
    }

    /* The plot: room for the y ticks and title at the left, the x ticks and title below. */
    axis_range(v, 0, &g->x_lo, &g->x_hi);
    axis_range(v, 1, &g->y_lo, &g->y_hi);
    char a[32], b[32];
    ui_format_tick(a, sizeof a, g->y_lo, 0.1);
    ui_format_tick(b, sizeof b, g->y_hi, 0.1);
    int wa = ui_text_width(ctx->text, UI_FONT_TICK, a), wb = ui_text_width(ctx->text, UI_FONT_TICK, b);
    int tick_w = wa > wb ? wa : wb;
    int y_title = v->y_title && in.h > 8 * lh;
    SDL_Rect plot;
    plot.x = in.x + (y_title ? lh + ctx->pad / 2 : 0) + tick_w + ctx->pad / 3 + 3;
    plot.y = top + (int)m.sel_r / 2;
    plot.w = right - plot.x - (int)m.r;
    int x_title = v->x_title != NULL;
    plot.h = bottom - (x_title ? lh : 0) - tick_h - ctx->pad / 3 - 2 - plot.y;
    if (plot.h < 6 * tick_h && x_title) {
        x_title = 0;
        plot.h += lh;
    }
    if (plot.w < 60 || plot.h < 3 * tick_h) return;
    g->plot = plot;
    /* Small cells, so a boundary's steps are barely seen: 3 pixels at 720p. */
    g->cell = (int)roundf(3.0f * ctx->scale);
    if (g->cell < 2) g->cell = 2;
    g->cols = (plot.w + g->cell - 1) / g->cell;
    g->rows = (plot.h + g->cell - 1) / g->cell;

    draw_cells(ctx, v, g);
    ui_draw_frame(ctx->r, (SDL_Rect){plot.x - 1, plot.y - 1, plot.w + 2, plot.h + 2}, 1, th->axis);
    draw_x_axis(ctx, g, in, pl);
    draw_y_axis(ctx, g, in, pl);
    if (x_title) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, v->x_title);
        SDL_Rect box = {plot.x + (plot.w - w) / 2, plot.y + plot.h + (int)(ctx->pad / 3.0f) + 1 + tick_h, w, lh};
        if (ui_claim(pl, box, in, 0))
            ui_text_draw(ctx->text, UI_FONT_LABEL, box.x, box.y, UI_ALIGN_LEFT, th->text, v->x_title);
    }
    if (y_title) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, v->y_title);
        if (w <= plot.h) {
            SDL_Rect box = {in.x, plot.y + (plot.h - w) / 2, lh, w};
            if (ui_claim(pl, box, in, 0))
                ui_text_draw_up(ctx->text, UI_FONT_LABEL, in.x, plot.y + plot.h / 2, th->text, v->y_title);
        }
    }
    draw_samples(ctx, v, &m, g);
    g->radius = m.r;
    g->view = UI_REGRESSION_REGIONS;
}

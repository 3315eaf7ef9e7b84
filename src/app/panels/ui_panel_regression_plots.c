/* ui_panel_regression_plots: the regression's calibration and curves views (see
 * ui_panel_regression_side.h).
 *
 * Calibration: the reliability diagram, square, at the left (confidence = the largest
 * q of a test sample, binned over [0, 1]; each bin's bar rises to the share of its
 * samples the model got right), the numbers at the right. A model that is right but
 * too sure has bars under the diagonal (confidence above accuracy) and a test
 * cross-entropy that climbs while the accuracy holds: both are said only when so.
 *
 * Curves: cross-entropy over the steps in the upper part, accuracy in the lower strip,
 * train solid blue, test vermillion, each labelled at its end with its value now.
 */
#include "ui_panel_regression_side_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_lang.h"

enum { MAX_TICKS = 32 };

/* ---- calibration ---- */

/* The least test CE in the record and its index; -1 when there is none. */
static int least_test_ce(const ui_reg_side_data *d)
{
    int best = -1;
    for (int i = 0; i < d->n; i++)
        if (isfinite(ui_reg_at(d, d->test_ce_at, i)) &&
            (best < 0 || ui_reg_at(d, d->test_ce_at, i) < ui_reg_at(d, d->test_ce_at, best)))
            best = i;
    return best;
}

/* 1 when the test CE has risen clearly (5%) above its least in the record while the test
 * accuracy is no lower than it was there: right but too sure. */
static int too_sure(const ui_reg_side_data *d, int *at)
{
    if (d->n < 2 || !d->test_ce_at || !d->test_acc_at) return 0;
    const int b = least_test_ce(d);
    *at = b;
    return b >= 0 && b < d->n - 1 && ui_reg_at(d, d->test_ce_at, d->n - 1) > 1.05 * ui_reg_at(d, d->test_ce_at, b) &&
           ui_reg_at(d, d->test_acc_at, d->n - 1) >= ui_reg_at(d, d->test_acc_at, b);
}

/* The numbers beside the diagram: ECE large, then accuracy and cross-entropy, the mean
 * confidence, and the too-sure sentence when it holds. */
static void calibration_numbers(const ui_ctx *ctx, SDL_Rect box, SDL_Rect in, const ui_reg_side_data *d,
                                ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int big = ui_text_line_height(ctx->text, UI_FONT_READOUT);
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    char a[32], b[32], line[128];
    int y = box.y;
    ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, box.x, y, UI_ALIGN_LEFT, th->text, "ECE");
    y += lh;
    ui_format_fit(a, sizeof a, d->ece, 3, 6);
    if (ui_reg_claim_text(ctx, claims, in, UI_FONT_READOUT, box.x, y, UI_ALIGN_LEFT, th->surprise, a)) y += big;
    long n = 0;
    double conf = 0.0;
    for (int i = 0; i < d->bins; i++) {
        n += d->bin_count[i];
        if (d->bin_count[i] > 0 && d->bin_conf) conf += (double)d->bin_count[i] * d->bin_conf[i];
    }
    ui_format(a, sizeof a, 100.0 * d->test_acc, 1);
    snprintf(line, sizeof line, _("test accuracy %s%%"), a);
    const char *rows[8];
    SDL_Color colours[8];
    int m = 0;
    char conf_line[80], ce_line[80], tr_line[80];
    rows[m] = line, colours[m++] = th->text;
    if (n > 0 && d->bin_conf) {
        ui_format(a, sizeof a, 100.0 * conf / (double)n, 1);
        snprintf(conf_line, sizeof conf_line, _("mean confidence %s%%"), a);
        rows[m] = conf_line, colours[m++] = th->text;
    }
    ui_format_fit(a, sizeof a, d->test_ce * k, 3, 7);
    snprintf(ce_line, sizeof ce_line, _("test CE %s %s"), a, unit);
    rows[m] = ce_line, colours[m++] = th->surprise;
    ui_format_fit(b, sizeof b, d->train_ce * k, 3, 7);
    snprintf(tr_line, sizeof tr_line, _("train CE %s %s"), b, unit);
    rows[m] = tr_line, colours[m++] = th->text_dim;
    for (int i = 0; i < m; i++) {
        if (y + lh > box.y + box.h) return;
        const char *one[] = {rows[i]};
        if (ui_reg_say(ctx, claims, in, UI_FONT_LABEL, box.x, y, box.w, colours[i], one, 1)) y += lh;
    }
    int at = -1;
    if (too_sure(d, &at) && y + 2 * lh + lh / 2 <= box.y + box.h) {
        y += lh / 2;
        char s0[96], s1[96];
        ui_format_count(a, sizeof a, ui_reg_step_at(d, at));
        snprintf(s0, sizeof s0, _("test CE up from %.3g at step %s,"), ui_reg_at(d, d->test_ce_at, at) * k, a);
        snprintf(s1, sizeof s1, _("accuracy not down: right but too sure"));
        const char *l0[] = {s0, _("test CE up, accuracy not:")}, *l1[] = {s1, _("right but too sure")};
        if (ui_reg_say(ctx, claims, in, UI_FONT_LABEL, box.x, y, box.w, th->surprise, l0, 2))
            ui_reg_say(ctx, claims, in, UI_FONT_LABEL, box.x, y + lh, box.w, th->surprise, l1, 2);
    }
}

void ui_reg_draw_calibration(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                             ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const int bins = d->bins;
    if (bins < 1 || bins > UI_REG_BINS_MAX || !d->bin_acc || !d->bin_count) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    /* The numbers' column: as wide as its longest line. Beside the diagram, or under it
     * where the panel is tall and narrow (a lesson's scene) and the diagram gains. */
    const int num_w = ui_text_width(ctx->text, UI_FONT_LABEL, _("mean confidence 100.0%")) + ctx->pad;
    const int num_h = 8 * lh + ui_text_line_height(ctx->text, UI_FONT_READOUT);
    const int left_w = tick_h + ctx->pad / 2 + ui_text_width(ctx->text, UI_FONT_TICK, "0.8") + ctx->pad / 2;
    const int foot = tick_h + tick_h + tick_h + ctx->pad / 2; /* ticks, counts, title */
    const int beside_w = in.w - num_w - ctx->pad - left_w, beside_h = in.h - foot - tick_h / 2;
    const int under_w = in.w - left_w - tick_h, under_h = in.h - foot - tick_h / 2 - num_h;
    const int beside = beside_w < beside_h ? beside_w : beside_h, under = under_w < under_h ? under_w : under_h;
    const int stacked = under > beside + beside / 4;
    const int side = stacked || in.w - num_w >= 8 * lh;
    SDL_Rect plot;
    plot.y = in.y + tick_h / 2;
    plot.h = in.y + in.h - foot - plot.y - (stacked ? num_h : 0);
    plot.x = in.x + left_w;
    plot.w = (side && !stacked ? in.x + in.w - num_w - ctx->pad : in.x + in.w - tick_h) - plot.x;
    if (plot.w > plot.h) plot.w = plot.h; /* square: the diagonal at 45° */
    if (plot.h > plot.w) plot.h = plot.w;
    if (plot.w < 4 * lh) return;
    /* The numbers and the legend first: they claim their places before the plot's labels. */
    if (side) {
        const int top = stacked ? plot.y + plot.h + foot + ctx->pad / 2 : in.y;
        SDL_Rect box = {stacked ? in.x : in.x + in.w - num_w, top, num_w, in.y + in.h - top};
        calibration_numbers(ctx, box, in, d, claims);
        /* The legend under the numbers (beside them when stacked), where it fits. */
        int y = in.y + in.h - 3 * lh;
        if (stacked && in.w - num_w >= num_w) box.x = in.x + num_w + ctx->pad;
        const char *leg[] = {_("accuracy"), _("gap to confidence"), _("perfect calibration")};
        for (int i = 0; i < 3; i++, y += lh) {
            const int w = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, leg[i]);
            if (!ui_claim(claims, (SDL_Rect){box.x, y, w, lh}, in, 1)) continue;
            if (i == 0) {
                ui_legend_item(ctx, box.x, y, ui_mix(th->panel, th->truth, 0.85f), -1, leg[i]);
            } else if (i == 1) {
                const int s = lh * 6 / 10;
                ui_draw_frame(ctx->r, (SDL_Rect){box.x, y + (lh - s) / 2, s, s}, (int)ui_lw(ctx, 1.0f), th->surprise);
                ui_text_draw(ctx->text, UI_FONT_LABEL, box.x + s + lh / 3, y, UI_ALIGN_LEFT, th->text, leg[i]);
            } else {
                ui_legend_item(ctx, box.x, y, th->text, 1, leg[i]);
            }
        }
    } else {
        char a[32], line[64];
        ui_format_fit(a, sizeof a, d->ece, 3, 6);
        snprintf(line, sizeof line, "ECE %s", a);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, in.x + in.w, in.y, UI_ALIGN_RIGHT, th->surprise, line);
    }
    /* The axes: accuracy up, confidence across, both 0..1. */
    const char *ytitles[] = {_("accuracy in the bin"), _("accuracy")};
    ui_value_axis axis = {plot, 1.0, ui_axis_step(ctx, plot.h, 1.0), tick_h / 2, 1, ytitles, 2};
    ui_axis_draw_left(ctx, &axis, in, claims);
    const float lw = ui_lw(ctx, 1.0f);
    const float base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, base, lw, th->axis);
    double ticks[MAX_TICKS];
    const int nt = ui_ticks(0.0, 1.0, axis.step, ticks, MAX_TICKS);
    char buf[32];
    for (int i = 0; i < nt; i++) {
        const float x = ui_draw_clamp(plot.x + ticks[i] * plot.w);
        ui_draw_line(ctx->r, x, base, x, base + ctx->pad / 3.0f, lw, th->axis);
        ui_format_tick(buf, sizeof buf, ticks[i], axis.step);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, (int)x, (int)base + ctx->pad / 3, UI_ALIGN_CENTER,
                          th->text_dim, buf);
    }
    /* The bars, the gaps to the mean confidence, the counts under them. */
    const int count_y = (int)base + ctx->pad / 3 + tick_h;
    int counts_fit = 1;
    for (int i = 0; i < bins; i++) {
        ui_format_count(buf, sizeof buf, d->bin_count[i]);
        const int w = ui_reg_cell_edge(plot.x, plot.w, bins, i + 1) - ui_reg_cell_edge(plot.x, plot.w, bins, i);
        if (d->bin_count[i] > 0 && ui_text_width(ctx->text, UI_FONT_TICK, buf) + 2 > w) counts_fit = 0;
    }
    for (int i = 0; i < bins; i++) {
        const int x0 = ui_reg_cell_edge(plot.x, plot.w, bins, i) + 1;
        const int x1 = ui_reg_cell_edge(plot.x, plot.w, bins, i + 1) - 1;
        if (d->bin_count[i] <= 0 || x1 <= x0) continue;
        const int top = (int)lroundf(ui_axis_y(&axis, d->bin_acc[i]));
        g->bar[i] = (SDL_Rect){x0, top, x1 - x0, (int)base - top};
        if (g->bar[i].h > 0) ui_draw_fill(ctx->r, g->bar[i], ui_mix(th->panel, th->truth, 0.85f));
        if (d->bin_conf) {
            const int yc = (int)lroundf(ui_axis_y(&axis, d->bin_conf[i]));
            const int y0 = yc < top ? yc : top, y1 = yc < top ? top : yc;
            if (y1 - y0 >= 2) ui_draw_frame(ctx->r, (SDL_Rect){x0, y0, x1 - x0, y1 - y0}, (int)lw, th->surprise);
        }
        if (counts_fit) {
            ui_format_count(buf, sizeof buf, d->bin_count[i]);
            ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, (x0 + x1) / 2, count_y, UI_ALIGN_CENTER, th->text_dim,
                              buf);
        }
    }
    if (!counts_fit) {
        /* Too many to write in the bins: the counts as a small histogram in their row,
         * the largest's number at its end. */
        long most = 0;
        for (int i = 0; i < bins; i++) most = d->bin_count[i] > most ? d->bin_count[i] : most;
        const int hh = tick_h - 4;
        for (int i = 0; i < bins && most > 0; i++) {
            const int x0 = ui_reg_cell_edge(plot.x, plot.w, bins, i) + 1;
            const int x1 = ui_reg_cell_edge(plot.x, plot.w, bins, i + 1) - 1;
            const int hgt = (int)lround((double)hh * (double)d->bin_count[i] / (double)most);
            if (hgt > 0 && x1 > x0) ui_draw_fill(ctx->r, (SDL_Rect){x0, count_y + 2 + hh - hgt, x1 - x0, hgt}, th->text_dim);
        }
        char most_txt[48], num[32];
        ui_format_count(num, sizeof num, most);
        snprintf(most_txt, sizeof most_txt, "≤ %s", num);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, plot.x + plot.w + ctx->pad / 2, count_y, UI_ALIGN_LEFT,
                          th->text_dim, most_txt);
    }
    ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, plot.x - ctx->pad / 2, count_y, UI_ALIGN_RIGHT, th->text_dim, "n");
    /* The diagonal of perfect calibration. */
    ui_draw_dashed(ctx->r, plot.x, base, plot.x + plot.w, plot.y, ui_lw(ctx, 1.0f), 6.0f * ctx->scale,
                   4.0f * ctx->scale, th->text);
    const char *xt[] = {_("confidence: the largest q, binned"), _("confidence (max q)"), _("confidence")};
    ui_reg_say(ctx, claims, in, UI_FONT_TICK, plot.x, in.y + in.h - tick_h, plot.w, th->text_dim, xt, 3);
    ui_hit_add(ctx, plot, _("reliability diagram (test part)"), _("bar: accuracy of the samples in the bin"),
               _("vermillion box: the gap to their mean confidence; dashed: perfect"));
    g->calib = plot;
    g->drawn = 1;
}

/* ---- curves ---- */

typedef struct series_plot {
    SDL_Rect plot;
    double x_lo, x_hi, y_top;
    int log;                 /* 1: y on a log scale from 10^lg_lo (bottom) to 10^lg_hi (top) */
    double lg_lo, lg_hi;
} series_plot;

static float sx(const series_plot *p, double step)
{
    return ui_draw_clamp(p->plot.x + (step - p->x_lo) / (p->x_hi - p->x_lo) * p->plot.w);
}

static float sy(const series_plot *p, double v)
{
    double t = p->log ? (v > 0.0 ? (log10(v) - p->lg_lo) / (p->lg_hi - p->lg_lo) : 0.0) : v / p->y_top;
    if (!(t >= 0.0)) t = 0.0;
    if (t > 1.0) t = 1.0;
    return ui_draw_clamp(p->plot.y + (1.0 - t) * p->plot.h);
}

float ui_reg_ce_y(const ui_reg_side_geom *g, double v)
{
    const series_plot p = {g->ce_plot, 0.0, 1.0, g->ce_top, g->ce_log, g->ce_log ? log10(g->ce_lo) : 0.0,
                           g->ce_log ? log10(g->ce_top) : 0.0};
    return sy(&p, v);
}

/* The CE axis on a log scale: a gridline, tick and label at each power of ten, the
 * title upright at in.x. */
static void draw_log_axis(const ui_ctx *ctx, const series_plot *p, SDL_Rect in, const char *const *titles, int nt,
                          ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    char buf[32];
    for (int e = (int)ceil(p->lg_lo); e <= (int)floor(p->lg_hi); e++) {
        const double v = pow(10.0, e);
        const float y = sy(p, v);
        if ((double)e > p->lg_lo) ui_draw_line(ctx->r, p->plot.x, y, p->plot.x + p->plot.w, y, 1.0f, th->grid);
        ui_draw_line(ctx->r, p->plot.x - len, y, p->plot.x, y, lw, th->axis);
        ui_format_tick(buf, sizeof buf, v, v);
        int ty = (int)(y - tick_h / 2.0f);
        if (ty + tick_h > p->plot.y + p->plot.h) ty = p->plot.y + p->plot.h - tick_h;
        if (ty < in.y) ty = in.y;
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, (int)(p->plot.x - len - 2), ty, UI_ALIGN_RIGHT, th->text_dim,
                          buf);
    }
    for (int i = 0; i < nt; i++) {
        const int len_px = ui_text_width(ctx->text, UI_FONT_TICK, titles[i]);
        if (len_px > p->plot.h) continue;
        const SDL_Rect box = {in.x, p->plot.y + p->plot.h / 2 - len_px / 2, tick_h, len_px};
        if (!ui_claim(claims, box, in, 1)) continue;
        ui_text_draw_up(ctx->text, UI_FONT_TICK, in.x, p->plot.y + p->plot.h / 2, th->text_dim, titles[i]);
        break;
    }
}

/* v[0..n-1] (times k) against steps, at most one point per two pixels of width. */
static void polyline(const ui_ctx *ctx, const series_plot *p, const ui_reg_side_data *d, const double *v, double k,
                     SDL_Color c)
{
    const int n = d->n;
    if (n == 1) {
        ui_draw_disc(ctx->r, sx(p, (double)ui_reg_step_at(d, 0)), sy(p, ui_reg_at(d, v, 0) * k), 2.5f * ctx->line, c);
        return;
    }
    const int m = p->plot.w / 2 > 2 ? p->plot.w / 2 : 2;
    const int stride = n > m ? (n + m - 1) / m : 1;
    const float w = ui_lw(ctx, 1.5f);
    int prev = 0;
    for (int i = stride; ; i += stride) {
        const int j = i < n - 1 ? i : n - 1;
        const double a = ui_reg_at(d, v, prev), b = ui_reg_at(d, v, j);
        /* On whole pixels, so a flat run of segments tiles without gaps. */
        if (isfinite(a) && isfinite(b))
            ui_draw_line(ctx->r, roundf(sx(p, (double)ui_reg_step_at(d, prev))), roundf(sy(p, a * k)),
                         roundf(sx(p, (double)ui_reg_step_at(d, j))), roundf(sy(p, b * k)), w, c);
        prev = j;
        if (j == n - 1) break;
    }
}

/* The labels at the lines' ends, the first kept where it is, the second moved off it. */
static void end_labels(const ui_ctx *ctx, const series_plot *p, SDL_Rect in, const char *const *texts,
                       const double *values, const SDL_Color *colours, ui_claims *claims)
{
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int ys[2];
    for (int i = 0; i < 2; i++) {
        ys[i] = (int)sy(p, values[i]) - lh / 2;
        if (ys[i] + lh > in.y + in.h) ys[i] = in.y + in.h - lh;
        if (ys[i] < in.y) ys[i] = in.y;
    }
    /* Apart by a line: the lower one down, or, at the bottom, the upper one up. */
    const int lower = ys[0] > ys[1] ? 0 : 1, upper = 1 - lower;
    if (ys[lower] - ys[upper] < lh + 1) {
        ys[lower] = ys[upper] + lh + 1;
        if (ys[lower] + lh > in.y + in.h) {
            ys[lower] = in.y + in.h - lh;
            ys[upper] = ys[lower] - lh - 1;
        }
    }
    for (int i = 0; i < 2; i++) {
        const int y = ys[i];
        ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, p->plot.x + p->plot.w + ctx->pad / 2, y, UI_ALIGN_LEFT,
                          colours[i], texts[i]);
    }
}

void ui_reg_draw_curves(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                        ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    if (d->n < 1 || !d->steps || !d->train_ce_at || !d->test_ce_at || !d->train_acc_at || !d->test_acc_at) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const double k = xl_unit_scale(ctx->unit);
    double top = 0.0, least = INFINITY;
    for (int i = 0; i < d->n; i++) {
        const double a = ui_reg_at(d, d->train_ce_at, i) * k, b = ui_reg_at(d, d->test_ce_at, i) * k;
        if (isfinite(a) && a > top) top = a;
        if (isfinite(b) && b > top) top = b;
        if (isfinite(a) && a > 0.0 && a < least) least = a;
        if (isfinite(b) && b > 0.0 && b < least) least = b;
    }
    /* A log scale where the curves span more than a factor of 30 (a training CE that
     * heads for 0 while the test CE stays up): each decade gets its room, at most six
     * decades (what lies below is drawn at the bottom). */
    const int use_log = top > 0.0 && isfinite(least) && top / least > 30.0;
    double lg_lo = 0.0, lg_hi = 0.0;
    if (use_log) {
        lg_hi = log10(top * 1.05);
        lg_lo = floor(log10(least));
        if (lg_hi - lg_lo > 6.0) lg_lo = ceil(lg_hi - 6.0);
        top = pow(10.0, lg_hi);
    } else {
        top = top > 0.0 ? ui_nice_ceil(top * 1.05) : 1.0;
    }
    /* Columns: the value axis, the plots, the end labels. Rows: CE plot, accuracy strip,
     * step ticks, the step title. */
    const int right_w = ui_text_width(ctx->text, UI_FONT_LABEL, _("train 100.0%")) + ctx->pad / 2;
    char widest[32] = "0.25";
    if (use_log) ui_format_tick(widest, sizeof widest, pow(10.0, lg_lo), pow(10.0, lg_lo));
    const int left_w = tick_h + ctx->pad / 2 + ui_text_width(ctx->text, UI_FONT_TICK, widest) + ctx->pad / 2;
    SDL_Rect body = {in.x + left_w, in.y + tick_h / 2, in.w - left_w - right_w, in.h - tick_h / 2 - 2 * tick_h};
    if (body.w < 6 * lh || body.h < 6 * lh) return;
    const int acc_h = body.h / 3 > 3 * lh ? body.h / 3 : 3 * lh;
    const int gap = tick_h;
    series_plot ce = {{body.x, body.y, body.w, body.h - acc_h - gap}, (double)ui_reg_step_at(d, 0), (double)ui_reg_step_at(d, d->n - 1),
                      top, use_log, lg_lo, lg_hi};
    series_plot acc = {{body.x, body.y + body.h - acc_h, body.w, acc_h}, ce.x_lo, ce.x_hi, 1.0, 0, 0.0, 0.0};
    if (!(ce.x_hi > ce.x_lo)) ce.x_hi = acc.x_hi = ce.x_lo + 1.0;
    char ytitle[48], short_title[32];
    snprintf(ytitle, sizeof ytitle, _("cross-entropy (%s%s)"), xl_unit_name(ctx->unit), use_log ? ", log" : "");
    snprintf(short_title, sizeof short_title, "CE%s", use_log ? ", log" : "");
    const char *ct[] = {ytitle, short_title, "CE"};
    if (use_log) {
        draw_log_axis(ctx, &ce, in, ct, 3, claims);
    } else {
        ui_value_axis cax = {ce.plot, top, ui_axis_step(ctx, ce.plot.h, top), tick_h / 2, 1, ct, 3};
        ui_axis_draw_left(ctx, &cax, in, claims);
    }
    const char *at[] = {_("accuracy"), _("acc.")};
    ui_value_axis aax = {acc.plot, 1.0, ui_axis_step(ctx, acc.plot.h, 1.0), tick_h / 2, 1, at, 2};
    ui_axis_draw_left(ctx, &aax, in, claims);
    const float lw = ui_lw(ctx, 1.0f);
    for (int s = 0; s < 2; s++) {
        const SDL_Rect r = s ? acc.plot : ce.plot;
        ui_draw_line(ctx->r, r.x, r.y + r.h, r.x + r.w, r.y + r.h, lw, th->axis);
        ui_draw_line(ctx->r, r.x, r.y, r.x, r.y + r.h, lw, th->axis);
    }
    char buf[48];
    /* The lines: train then test, so the test line (what matters) is on top. */
    const SDL_Color cols[2] = {th->truth, th->surprise};
    polyline(ctx, &ce, d, d->train_ce_at, k, cols[0]);
    polyline(ctx, &ce, d, d->test_ce_at, k, cols[1]);
    polyline(ctx, &acc, d, d->train_acc_at, 1.0, cols[0]);
    polyline(ctx, &acc, d, d->test_acc_at, 1.0, cols[1]);
    /* The least test CE, where it has risen since. */
    const int b = least_test_ce(d);
    if (b >= 0 && b < d->n - 1 && ui_reg_at(d, d->test_ce_at, d->n - 1) > ui_reg_at(d, d->test_ce_at, b)) {
        const float x = sx(&ce, (double)ui_reg_step_at(d, b)), y = sy(&ce, ui_reg_at(d, d->test_ce_at, b) * k);
        ui_draw_disc(ctx->r, x, y, 3.5f * ctx->line, th->surprise);
        ui_draw_ring(ctx->r, x, y, 3.5f * ctx->line, ui_lw(ctx, 0.75f), th->select_edge);
        ui_format_count(buf, sizeof buf, ui_reg_step_at(d, b));
        char lab[96];
        snprintf(lab, sizeof lab, _("least test CE, step %s"), buf);
        const int w = ui_text_width(ctx->text, UI_FONT_TICK, lab);
        int lx = (int)x - w / 2;
        if (lx < ce.plot.x + 2) lx = ce.plot.x + 2;
        if (lx + w > ce.plot.x + ce.plot.w) lx = ce.plot.x + ce.plot.w - w;
        /* Above the marker: the lines run under it, the test line rising after it. */
        const int tick_h2 = ui_text_line_height(ctx->text, UI_FONT_TICK);
        const int ly = (int)y - (int)(4 * ctx->line) - tick_h2;
        if (ui_claim(claims, (SDL_Rect){lx, ly, w, tick_h2}, in, 1)) {
            /* On the panel's colour: the steep first steps may run behind it. */
            ui_draw_fill(ctx->r, (SDL_Rect){lx - 2, ly, w + 4, tick_h2}, th->panel);
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, ly, UI_ALIGN_LEFT, th->surprise, lab);
        }
    }
    /* End labels: the values now (before the step ticks, which give way to them). */
    char t0[64], t1[64], a[32];
    const int last = d->n - 1;
    const double ce_v[2] = {ui_reg_at(d, d->train_ce_at, last) * k, ui_reg_at(d, d->test_ce_at, last) * k};
    ui_format_fit(a, sizeof a, ce_v[0], 3, 6);
    snprintf(t0, sizeof t0, _("train %s"), a);
    ui_format_fit(a, sizeof a, ce_v[1], 3, 6);
    snprintf(t1, sizeof t1, _("test %s"), a);
    const char *ce_t[2] = {t0, t1};
    end_labels(ctx, &ce, (SDL_Rect){in.x, ce.plot.y - tick_h / 2, in.w, ce.plot.h + tick_h}, ce_t, ce_v, cols,
               claims);
    char u0[64], u1[64];
    const double acc_v[2] = {ui_reg_at(d, d->train_acc_at, last), ui_reg_at(d, d->test_acc_at, last)};
    ui_format(a, sizeof a, 100.0 * acc_v[0], 1);
    snprintf(u0, sizeof u0, _("train %s%%"), a);
    ui_format(a, sizeof a, 100.0 * acc_v[1], 1);
    snprintf(u1, sizeof u1, _("test %s%%"), a);
    const char *acc_t[2] = {u0, u1};
    end_labels(ctx, &acc, (SDL_Rect){in.x, acc.plot.y - tick_h / 2, in.w, acc.plot.h + tick_h}, acc_t, acc_v, cols,
               claims);
    /* Step ticks under the accuracy strip. */
    ui_format_count(buf, sizeof buf, ui_reg_step_at(d, d->n - 1));
    const int room = ui_text_width(ctx->text, UI_FONT_TICK, buf) + 2 * ctx->pad;
    int max_ticks = body.w / (room > 1 ? room : 1);
    max_ticks = max_ticks < 2 ? 2 : max_ticks > 10 ? 10 : max_ticks;
    double step = ui_nice_step(ce.x_lo, ce.x_hi, max_ticks);
    if (step < 1.0) step = 1.0;
    double ticks[MAX_TICKS];
    const int nt = ui_ticks(ce.x_lo, ce.x_hi, step, ticks, MAX_TICKS);
    const float base = (float)(acc.plot.y + acc.plot.h);
    for (int i = 0; i < nt; i++) {
        const float x = sx(&acc, ticks[i]);
        ui_draw_line(ctx->r, x, base, x, base + ctx->pad / 3.0f, lw, th->axis);
        ui_format_count(buf, sizeof buf, lround(ticks[i]));
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, (int)x, (int)base + ctx->pad / 3, UI_ALIGN_CENTER,
                          th->text_dim, buf);
    }
    const char *st[] = {_("step (full-batch gradient descent)"), _("step")};
    ui_reg_say(ctx, claims, in, UI_FONT_TICK, acc.plot.x, in.y + in.h - tick_h, in.w - left_w, th->text_dim, st, 2);
    ui_hit_add(ctx, ce.plot, _("cross-entropy per step"), _("blue: on the training part; vermillion: on the test part"),
               _("a gap that widens is overfitting"));
    g->ce_plot = ce.plot;
    g->acc_plot = acc.plot;
    g->ce_top = top;
    g->ce_log = use_log;
    g->ce_lo = use_log ? pow(10.0, lg_lo) : 0.0;
    g->drawn = 1;
}

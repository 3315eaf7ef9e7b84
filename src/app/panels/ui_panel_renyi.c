/* ui_panel_renyi: H_α of the scenario's P at every order (see ui_panel_renyi.h). */
#include "ui_panel_renyi.h"
#include "ui_lang.h"

#include "ui_axis.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_renyi.h"

/* The orders the axis is ticked at. */
static const double ticks[] = {0.0, 0.5, 1.0, 2.0, 5.0, INFINITY};
enum { NTICKS = (int)(sizeof ticks / sizeof ticks[0]) };

/* The plot's points: one per this many pixels of its width. */
enum { CURVE_STEP_PX = 2, CURVE_MAX = 1200 };

double ui_renyi_order_at(const ui_renyi_geom *g, int x)
{
    if (g->plot.w <= 0) return -1.0;
    double u = (double)(x - g->plot.x) / (double)g->plot.w;
    u = u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
    for (int k = 0; k < NTICKS; k++)
        if (fabs(u - xl_renyi_axis(ticks[k])) <= 0.02) return ticks[k];
    const double a = xl_renyi_axis_inverse(u);
    if (isinf(a)) return a;
    char buf[32];
    snprintf(buf, sizeof buf, "%.3g", a);
    double rounded = a;
    sscanf(buf, "%lf", &rounded);
    return rounded > XL_RENYI_ALPHA_MAX ? XL_RENYI_ALPHA_MAX : rounded;
}

/* The order's name for the rows and the big line: "α = 2 · collision". */
static void order_text(double alpha, char *buf, size_t n)
{
    char a[32];
    const char *name = xl_renyi_order_name(alpha);
    xl_renyi_format_order(alpha, a, sizeof a);
    snprintf(buf, n, "α = %s%s%s", a, name ? " · " : "", name ? _(name) : "");
}

/* A label at (x, y) if it claims its place; returns 1 if drawn. */
static int claim_text(const ui_ctx *ctx, ui_claims *claims, SDL_Rect inside, ui_font f, int x, int y,
                      ui_align align, SDL_Color c, const char *text)
{
    const int w = ui_text_width(ctx->text, f, text), h = ui_text_line_height(ctx->text, f);
    const int left = align == UI_ALIGN_LEFT ? x : align == UI_ALIGN_RIGHT ? x - w : x - w / 2;
    if (!ui_claim(claims, (SDL_Rect){left, y, w, h}, inside, 2)) return 0;
    ui_text_draw(ctx->text, f, x, y, align, c, text);
    return 1;
}

/* The named orders, what each is called and measures. */
static const struct { double alpha; const char *name, *what; } rows[] = {
    {0.0, "Hartley", "ln |support|"}, {0.5, "", ""}, {1.0, "Shannon", "−Σ p ln p"},
    {2.0, "collision", "−ln Σ p²"}, {INFINITY, "min-entropy", "−ln max p"},
};

/* A row: "α=2    1.2040  collision · −ln Σ p²", or without the formula where that is too wide. */
static void row_text(const ui_ctx *ctx, int r, const char *num, int w, char *buf, size_t n)
{
    char a[16];
    xl_renyi_format_order(rows[r].alpha, a, sizeof a);
    /* Padded to 4 characters by hand: "∞" is one character in three bytes. */
    const int chars = isinf(rows[r].alpha) ? 1 : (int)strlen(a);
    static const char spaces[] = "    ";
    const char *pad = spaces + (chars < 4 ? chars : 4);
    const char *sep = rows[r].what[0] ? " · " : "";
    snprintf(buf, n, "α=%s%s%7s  %s%s%s", a, pad, num, rows[r].name, sep, rows[r].what);
    if (ui_text_width(ctx->text, UI_FONT_VALUE, buf) > w) snprintf(buf, n, "α=%s%s%7s  %s", a, pad, num, rows[r].name);
}

/* The numbers: the order shown and its H_α, big, then the named orders, one a row. */
static void draw_numbers(const ui_ctx *ctx, SDL_Rect box, const double *p, int n, double alpha, ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int big = ui_text_line_height(ctx->text, UI_FONT_READOUT);
    const int vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    char line[128], num[48], cut[128], order[64];
    int y = box.y;
    order_text(alpha, order, sizeof order);
    snprintf(cut, sizeof cut, "Hα at %s", order);
    ui_text_fit(ctx->text, UI_FONT_LABEL, cut, box.w, line, sizeof line);
    claim_text(ctx, claims, box, UI_FONT_LABEL, box.x, y, UI_ALIGN_LEFT, th->text, line);
    y += lh;
    ui_format_fit(num, sizeof num, xl_renyi(p, n, alpha) * k, 4, 10);
    const int nw = ui_text_width(ctx->text, UI_FONT_READOUT, num);
    claim_text(ctx, claims, box, UI_FONT_READOUT, box.x, y, UI_ALIGN_LEFT, th->truth, num);
    claim_text(ctx, claims, box, UI_FONT_LABEL, box.x + nw + ctx->pad / 3, y + big - lh, UI_ALIGN_LEFT, th->text_dim,
               xl_unit_name(ctx->unit));
    y += big;
    /* A panel one row short (the dashboard's history place under the control strip at
     * 720p) leaves out the order 0.5, the one without a name. */
    const int nrows = (int)(sizeof rows / sizeof rows[0]);
    const int skip_half = (box.y + box.h - y) / vh < nrows;
    for (int r = 0; r < nrows; r++) {
        if (skip_half && rows[r].alpha == 0.5 && alpha != 0.5) continue;
        if (y + vh > box.y + box.h) break;
        ui_format_fit(num, sizeof num, xl_renyi(p, n, rows[r].alpha) * k, 4, 7);
        row_text(ctx, r, num, box.w, line, sizeof line);
        ui_text_fit(ctx->text, UI_FONT_VALUE, line, box.w, cut, sizeof cut);
        const int current = rows[r].alpha == alpha;
        claim_text(ctx, claims, box, UI_FONT_VALUE, box.x, y, UI_ALIGN_LEFT, current ? th->truth : th->text_dim, cut);
        y += vh;
    }
    /* The plot's legend, where the panel is tall enough (in focus, or a tall window). */
    const char *const legend[] = {_("Hα(P) against α"), _("H(P), Shannon's (α = 1)"), _("the order shown")};
    y += lh / 2;
    if (y + 3 * lh > box.y + box.h) return;
    for (int i = 0; i < 3; i++, y += lh) {
        const int w = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, legend[i]);
        if (w > box.w || !ui_claim(claims, (SDL_Rect){box.x, y, w, lh}, box, 2)) return;
        if (i < 2) {
            ui_legend_item(ctx, box.x, y, i == 0 ? th->truth : th->inherent, i, legend[i]);
        } else {
            ui_draw_line(ctx->r, box.x + lh / 2.0f, (float)y, box.x + lh / 2.0f, (float)(y + lh), ui_lw(ctx, 1.5f),
                         th->text);
            ui_text_draw(ctx->text, UI_FONT_LABEL, box.x + lh + lh / 3, y, UI_ALIGN_LEFT, th->text, legend[i]);
        }
    }
}

/* The plot of H_α against u = α/(1+α): ticks at the named orders, the curve, the order
 * shown as a line and a disc on the curve. */
static void draw_plot(const ui_ctx *ctx, SDL_Rect box, const double *p, int n, double alpha, ui_claims *claims,
                      ui_renyi_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const double h0 = xl_renyi(p, n, 0.0) * k;
    const double y_max = h0 > 0.0 ? ui_nice_ceil(h0 * 1.05) : 1.0;
    SDL_Rect plot = {box.x, box.y + tick_h / 2, 0, 0};
    plot.h = box.y + box.h - plot.y - tick_h - ctx->pad / 2;
    if (plot.h < 24) return;
    /* y: 0, the 1-2-5 ticks between and y_max with its unit, each with a gridline (0's
     * label gives way to the x axis's 0 at the corner), so a value on the curve reads
     * against the scale from across a room. The top label is the widest. */
    const double y_step = ui_axis_step(ctx, plot.h, y_max);
    const int y_ticks = (int)floor(y_max / y_step + 0.5);
    char num[48];
    ui_format_tick(num, sizeof num, y_max, y_step);
    snprintf(num + strlen(num), sizeof num - strlen(num), " %s", xl_unit_name(ctx->unit));
    const int y_label_w = ui_text_width(ctx->text, UI_FONT_TICK, num) + ctx->pad / 2;
    plot.x = box.x + y_label_w;
    /* Room at the right for half the ∞ under the axis's end. */
    plot.w = box.x + box.w - plot.x - ctx->pad / 2 - ui_text_width(ctx->text, UI_FONT_TICK, "∞");
    if (plot.w < 40) return;
    const float lw = ui_lw(ctx, 1.0f);
    /* x: the ticked orders. */
    for (int t = 0; t < NTICKS; t++) {
        const float x = (float)plot.x + (float)xl_renyi_axis(ticks[t]) * (float)plot.w;
        char a[16];
        xl_renyi_format_order(ticks[t], a, sizeof a);
        ui_draw_line(ctx->r, x, plot.y + plot.h, x, plot.y + plot.h + ctx->pad / 3.0f, lw, th->axis);
        if (t > 0 && t < NTICKS - 1) ui_draw_line(ctx->r, x, plot.y, x, plot.y + plot.h, 1.0f, th->grid);
        claim_text(ctx, claims, box, UI_FONT_TICK, (int)x, plot.y + plot.h + ctx->pad / 3, UI_ALIGN_CENTER,
                   th->text_dim, a);
    }
    for (int i = 0; i <= y_ticks; i++) {
        const double v = i == y_ticks ? y_max : i * y_step;
        const float y = (float)(plot.y + plot.h) - (float)(v / y_max) * (float)plot.h;
        ui_format_tick(num, sizeof num, v, y_step);
        if (i == y_ticks) snprintf(num + strlen(num), sizeof num - strlen(num), " %s", xl_unit_name(ctx->unit));
        if (i) ui_draw_line(ctx->r, plot.x, y, plot.x + plot.w, y, 1.0f, th->grid);
        claim_text(ctx, claims, box, UI_FONT_TICK, plot.x - ctx->pad / 3, (int)y - tick_h / 2, UI_ALIGN_RIGHT,
                   th->text_dim, num);
    }
    ui_draw_line(ctx->r, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, lw, th->axis);
    /* Shannon's value, dashed across: the curve passes through it at α = 1. */
    const double h1 = xl_renyi(p, n, 1.0) * k;
    const float y1 = (float)(plot.y + plot.h) - (float)(h1 / y_max) * (float)plot.h;
    ui_draw_dashed(ctx->r, plot.x, y1, plot.x + plot.w, y1, ui_lw(ctx, 1.0f), 5.0f, 4.0f, th->inherent);
    /* The curve. */
    int m = plot.w / CURVE_STEP_PX + 1;
    if (m > CURVE_MAX) m = CURVE_MAX;
    double us[CURVE_MAX], alphas[CURVE_MAX], hs[CURVE_MAX];
    for (int i = 0; i < m; i++) {
        us[i] = (double)i / (double)(m - 1);
        alphas[i] = xl_renyi_axis_inverse(us[i]);
    }
    xl_renyi_grid(p, n, alphas, m, hs);
    for (int i = 1; i < m; i++)
        ui_draw_line(ctx->r, (float)plot.x + (float)us[i - 1] * plot.w,
                     (float)(plot.y + plot.h) - (float)(hs[i - 1] * k / y_max) * plot.h,
                     (float)plot.x + (float)us[i] * plot.w, (float)(plot.y + plot.h) - (float)(hs[i] * k / y_max) * plot.h,
                     ui_lw(ctx, 2.0f), th->truth);
    /* The order shown. */
    const float xa = (float)plot.x + (float)xl_renyi_axis(alpha) * (float)plot.w;
    const float ya = (float)(plot.y + plot.h) - (float)(xl_renyi(p, n, alpha) * k / y_max) * (float)plot.h;
    ui_draw_line(ctx->r, xa, plot.y, xa, plot.y + plot.h, ui_lw(ctx, 1.5f), th->text); /* both themes: contrast */
    ui_draw_disc(ctx->r, xa, ya, 4.0f * ctx->line, th->truth);
    ui_draw_ring(ctx->r, xa, ya, 4.0f * ctx->line, ui_lw(ctx, 1.0f), th->select_edge);
    char a[16], tip[UI_HIT_TEXT];
    xl_renyi_format_order(alpha, a, sizeof a);
    snprintf(tip, sizeof tip, _("α = %s now; 1 is Shannon's, ∞ at the right end"), a);
    ui_hit_add(ctx, plot, _("Hα(P) against α (non-increasing)"), tip, _("drag across the plot to set α"));
    if (geom) geom->plot = plot;
}

void ui_renyi_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, double alpha, ui_renyi_geom *geom)
{
    const ui_theme *th = ctx->theme;
    const xl_scenario_def *def = xl_session_scenario(s);
    if (geom) memset(geom, 0, sizeof *geom);
    SDL_Rect in = ui_panel_begin(ctx, area, _("RÉNYI ENTROPY"), "Hα(P) = log(Σ p^α) / (1 − α)");
    if (in.w <= 0 || in.h <= 0) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    if (def->continuous) {
        ui_draw_two_lines(ctx, UI_FONT_LABEL, in.x, in.y, in.w, th->text_dim, def->continuous);
        ui_draw_two_lines(ctx, UI_FONT_LABEL, in.x, in.y + 2 * lh + ctx->pad / 2, in.w, th->text_dim,
                          _("no discrete distribution here: no Rényi entropies to show"));
        return;
    }
    xl_bars bars;
    xl_session_bars(s, &bars);
    ui_claims claims = {.n = 0};
    /* The numbers at the left, the plot to their right; a panel too narrow for both keeps
     * the numbers. */
    /* As wide as the rows with their formulas where the panel has room (in focus), else
     * with their names alone. */
    const int short_w = ui_text_width(ctx->text, UI_FONT_VALUE, "α=∞     0.0000  min-entropy") + ctx->pad;
    const int long_w = ui_text_width(ctx->text, UI_FONT_VALUE, "α=∞     0.0000  min-entropy · −ln max p") + ctx->pad;
    const int num_w = long_w <= in.w * 2 / 5 ? long_w : short_w;
    const int both = in.w >= num_w + 8 * lh;
    SDL_Rect left = {in.x, in.y, both ? num_w : in.w, in.h};
    draw_numbers(ctx, left, bars.p, bars.n, alpha, &claims);
    if (both) {
        SDL_Rect right = {in.x + num_w + ctx->pad / 2, in.y, in.w - num_w - ctx->pad / 2, in.h};
        draw_plot(ctx, right, bars.p, bars.n, alpha, &claims, geom);
    }
}

/* ui_panel_weighted: rare positives on a number line (see ui_panel_weighted.h).
 *
 * Layout, top down: the formula; a row with beta, recall and precision and the stacked
 * bar of the loss's shares (the bar moves to a row of its own when the panel is narrow,
 * and is dropped first when it is short); a legend; a strip for the boundary's label; the
 * plot; the x ticks. Secondary labels are placed only where they touch no label already
 * placed, so nothing overlaps at any size.
 *
 * Numbers reaching the renderer are finite: y_hat is in [0, 1] for every logit (a NaN
 * logit is skipped), x maps through a finite range, and coordinates pass ui_draw_clamp.
 */
#include "ui_panel_weighted.h"
#include "ui_lang.h"

#include "ui_own_panels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_logistic.h"
#include "xl_scn_weighted.h"

enum { MAX_TICKS = 32 };

/* Okabe-Ito reddish purple for negatives (positives take the truth's blue). */
static const SDL_Color NEGATIVE = {0xCC, 0x79, 0xA7, 255};

SDL_Color ui_weighted_label_color(const ui_theme *th, int label)
{
    return label ? th->truth : NEGATIVE;
}

/* Draw text at (x, y) if its box is free; returns its width or 0. */
static int place_text(const ui_ctx *ctx, ui_claims *pl, SDL_Rect in, ui_font font, int x, int y, SDL_Color c,
                      const char *s)
{
    SDL_Rect box = {x, y, ui_text_width(ctx->text, font, s), ui_text_line_height(ctx->text, font)};
    if (!ui_claim(pl, box, in, 1)) return 0;
    ui_text_draw(ctx->text, font, x, y, UI_ALIGN_LEFT, c, s);
    return box.w;
}

typedef struct frame_map {
    SDL_Rect plot;
    double lo, hi;
} frame_map;

static float px_of(const frame_map *f, double x)
{
    return ui_draw_clamp(f->plot.x + (x - f->lo) / (f->hi - f->lo) * f->plot.w);
}

static float py_of(const frame_map *f, double p)
{
    return ui_draw_clamp(f->plot.y + (1.0 - p) * f->plot.h);
}

static double y_hat(const double *theta, double x)
{
    double u = theta[XL_WEIGHTED_W] * x + theta[XL_WEIGHTED_B];
    if (isnan(u)) return -1.0;
    return xl_logistic_sigmoid(u);
}

/* A negative's height in its band, 0..1: a fixed hash of its index, so the cloud stays put. */
static double jitter(int i)
{
    unsigned v = (unsigned)i * 2654435761u;
    return ((v >> 12) % 1024u) / 1023.0;
}

/* How many positives before i would be drawn under its disc (their centres closer than
 * 1.6 radii across): i is stacked that many discs (2.2 radii each) down from the top
 * line, so binders with nearly the same score stay countable (lesson 08's four are two
 * such pairs). A fixed order: the same every frame. */
static int stack_rank(const xl_weighted *wd, const frame_map *f, int i, float r)
{
    const float xi = px_of(f, xl_weighted_x(wd, i));
    int k = 0;
    for (int j = 0; j < i; j++)
        if (fabsf(px_of(f, xl_weighted_x(wd, j)) - xi) < 1.6f * r) k++;
    return k;
}

/* The x range: the data with a margin, at least [-3, 3]. */
static void x_range(const xl_weighted *wd, double *lo, double *hi)
{
    double a = 0.0, b = 0.0;
    for (int i = 0; i < wd->n; i++) {
        double x = xl_weighted_x(wd, i);
        if (i == 0 || x < a) a = x;
        if (i == 0 || x > b) b = x;
    }
    double m = 0.05 * (b - a) + 0.2;
    *lo = a - m < -3.0 ? a - m : -3.0;
    *hi = b + m > 3.0 ? b + m : 3.0;
}

static void draw_curve(const ui_ctx *ctx, const frame_map *f, const double *theta)
{
    float lw = ui_lw(ctx, 1.5f), px0 = 0.0f, py0 = 0.0f;
    int have = 0;
    for (int c = 0; c <= f->plot.w; c++) {
        double p = y_hat(theta, f->lo + (f->hi - f->lo) * c / f->plot.w);
        if (p < 0.0) {
            have = 0;
            continue;
        }
        float px = (float)(f->plot.x + c), py = py_of(f, p);
        if (have) ui_draw_line(ctx->r, px0, py0, px, py, lw, ctx->theme->model);
        px0 = px;
        py0 = py;
        have = 1;
    }
}

static void draw_x_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, int label_y, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f, base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, base, lw, th->axis);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    place_text(ctx, pl, in, UI_FONT_LABEL, plot.x + plot.w + ctx->pad / 3, (int)(base - lh / 2.0f), th->text, "x");
    char a[32], b[32], buf[32];
    ui_format_fit(a, sizeof a, f->lo, 1, 8);
    ui_format_fit(b, sizeof b, f->hi, 1, 8);
    int wa = ui_text_width(ctx->text, UI_FONT_TICK, a), wb = ui_text_width(ctx->text, UI_FONT_TICK, b);
    int room = (wa > wb ? wa : wb) + 2 * ctx->pad;
    int max_ticks = plot.w / (room > 1 ? room : 1);
    if (max_ticks < 2) max_ticks = 2;
    if (max_ticks > 12) max_ticks = 12;
    double step = ui_nice_step(f->lo, f->hi, max_ticks), ticks[MAX_TICKS];
    int nt = ui_ticks(f->lo, f->hi, step, ticks, MAX_TICKS);
    for (int k = 0; k < nt; k++) {
        float x = px_of(f, ticks[k]);
        ui_draw_line(ctx->r, x, base, x, base + len, lw, th->axis);
        ui_format_fit(buf, sizeof buf, ticks[k], step < 1.0 ? 1 : 0, 6);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        SDL_Rect box = {(int)(x - w / 2.0f), label_y, w, tick_h};
        if (ui_claim(pl, box, in, ctx->pad / 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, box.x, label_y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
    /* ŷ's 0 and 1 at the left of the plot. */
    int w1 = ui_text_width(ctx->text, UI_FONT_TICK, "1");
    place_text(ctx, pl, in, UI_FONT_TICK, plot.x - len - 2 - w1, plot.y, th->text_dim, "1");
    place_text(ctx, pl, in, UI_FONT_TICK, plot.x - len - 2 - w1, plot.y + plot.h - tick_h, th->text_dim, "0");
}

/* The stacked bar of loss_pos and loss_neg at (x, y), width w, one label line high;
 * labels "L₊ 28%" before it and "L₋ 72%" after. Returns the width used, 0 if it does not fit. */
static int draw_shares(const ui_ctx *ctx, ui_claims *pl, SDL_Rect in, int x, int y, int w, double lp, double ln,
                       ui_weighted_geom *g)
{
    const ui_theme *th = ctx->theme;
    double total = lp + ln;
    double share = total > 0.0 && isfinite(total) ? lp / total : 0.5;
    if (!(share >= 0.0)) share = 0.0;
    if (share > 1.0) share = 1.0;
    char a[48], b[48], pa[16], pb[16];
    ui_format_fit(pa, sizeof pa, 100.0 * share, 0, 4);
    ui_format_fit(pb, sizeof pb, 100.0 - 100.0 * share, 0, 4);
    snprintf(a, sizeof a, "L₊ %s%%", pa);
    snprintf(b, sizeof b, "%s%% L₋", pb);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int wa = ui_text_width(ctx->text, UI_FONT_LABEL, a), wb = ui_text_width(ctx->text, UI_FONT_LABEL, b);
    int gap = ctx->pad / 2, bar_w = w - wa - wb - 2 * gap;
    if (bar_w < 4 * lh) return 0;
    if (bar_w > 16 * lh) bar_w = 16 * lh;
    SDL_Rect ra = {x, y, wa, lh}, rb = {x + wa + gap + bar_w + gap, y, wb, lh};
    if (!ui_claim(pl, ra, in, 1)) return 0;
    if (!ui_claim(pl, rb, in, 1)) return 0;
    ui_text_draw(ctx->text, UI_FONT_LABEL, ra.x, y, UI_ALIGN_LEFT, ui_weighted_label_color(th, 1), a);
    ui_text_draw(ctx->text, UI_FONT_LABEL, rb.x, y, UI_ALIGN_LEFT, ui_weighted_label_color(th, 0), b);
    SDL_Rect bar = {x + wa + gap, y + lh / 5, bar_w, lh - 2 * (lh / 5)};
    int split = bar.x + (int)lround(share * bar.w);
    ui_draw_fill(ctx->r, (SDL_Rect){bar.x, bar.y, split - bar.x, bar.h}, ui_weighted_label_color(th, 1));
    ui_draw_fill(ctx->r, (SDL_Rect){split, bar.y, bar.x + bar.w - split, bar.h}, ui_weighted_label_color(th, 0));
    ui_draw_frame(ctx->r, bar, 1, th->axis);
    g->share_bar = bar;
    g->share_split = split;
    return rb.x + rb.w - x;
}

static void draw_legend(const ui_ctx *ctx, ui_claims *pl, SDL_Rect in, int y, float r)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL), x = in.x, end = in.x + in.w;
    const char *names[2] = {_("positive (binds)"), _("negative")};
    for (int k = 0; k < 2; k++) {
        int tw = ui_text_width(ctx->text, UI_FONT_LABEL, names[k]);
        int w = lh + tw;
        if (x + w > end) return;
        float rr = k == 0 ? r : r * 0.6f;
        ui_draw_disc(ctx->r, x + lh / 2.0f, y + lh / 2.0f, rr, ui_weighted_label_color(th, k == 0));
        place_text(ctx, pl, in, UI_FONT_LABEL, x + lh, y, th->text, names[k]);
        x += w + lh;
    }
    const char *lines[3] = {_("model ŷ"), _("boundary ŷ = 0.5"), _("β = 1 boundary")};
    SDL_Color cs[3] = {th->model, th->text, th->text_dim};
    for (int k = 0; k < 3; k++) {
        int w = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, lines[k]);
        if (x + w > end) return;
        SDL_Rect box = {x, y, w, lh};
        if (!ui_claim(pl, box, in, 1)) return;
        x += ui_legend_item(ctx, x, y, cs[k], k > 0, lines[k]);
    }
}

/* A dashed vertical boundary at data x = c, if in range; returns its column or -1. */
static float boundary(const ui_ctx *ctx, const frame_map *f, double c, SDL_Color col, float width)
{
    if (!isfinite(c) || c < f->lo || c > f->hi) return -1.0f;
    float bx = px_of(f, c);
    ui_draw_dashed(ctx->r, bx, f->plot.y, bx, f->plot.y + f->plot.h, width, 5.0f * ctx->scale + 2.0f,
                   3.0f * ctx->scale + 2.0f, col);
    return bx;
}

void ui_weighted_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_weighted_geom *geom)
{
    ui_weighted_geom local;
    ui_weighted_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const ui_theme *th = ctx->theme;
    SDL_Rect in = ui_panel_begin(ctx, area, _("RARE POSITIVES: weighted cross-entropy"), NULL);
    if (xl_session_scenario(s) != &xl_scenario_weighted || in.w < 60 || in.h < 60) return;
    const xl_weighted_state *st = xl_session_state(s);
    const xl_weighted *wd = &st->wd;
    const double *theta = xl_sim_theta(xl_session_sim(s));
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float r = roundf(4.5f * ctx->scale * (th->kind == UI_THEME_LIGHT ? 1.2f : 1.0f) + 1.5f);
    ui_claims pl = {.n = 0};
    int y = in.y;

    /* The formula, then beta, recall and precision, then the shares. */
    const char *formulas[2] = {"L = −mean[β y ln ŷ + (1 − y) ln(1 − ŷ)]", "L = −mean[β y ln ŷ + (1−y) ln(1−ŷ)]"};
    int rows_left = (in.h - 6 * tick_h) / lh; /* rows the plot can spare */
    if (rows_left >= 1) {
        for (int k = 0; k < 2; k++)
            if (place_text(ctx, &pl, in, UI_FONT_LABEL, in.x, y, th->text_dim, formulas[k]) > 0) {
                y += lh;
                rows_left--;
                break;
            }
    }
    double recall, precision, lp, ln;
    xl_scn_weighted_recall_precision(wd, theta, &recall, &precision);
    xl_weighted_loss_parts(wd, theta, &lp, &ln);
    xl_weighted_counts cnt = xl_weighted_count(wd, theta);
    if (rows_left >= 1) {
        char bs[16], rs[16], ps[16], line[128];
        ui_format_fit(bs, sizeof bs, wd->beta, 0, 4);
        ui_format_fit(rs, sizeof rs, 100.0 * recall, 0, 4);
        ui_format_fit(ps, sizeof ps, 100.0 * precision, 0, 4);
        snprintf(line, sizeof line, _("β = %s   recall %d/%d = %s%%   precision %s%%"), bs, cnt.tp, cnt.tp + cnt.fn, rs, ps);
        int w = place_text(ctx, &pl, in, UI_FONT_LABEL, in.x, y, th->text, line);
        if (w == 0) {
            snprintf(line, sizeof line, _("β %s  recall %s%%  prec. %s%%"), bs, rs, ps);
            w = place_text(ctx, &pl, in, UI_FONT_LABEL, in.x, y, th->text, line);
        }
        int bx = in.x + w + 2 * lh;
        if (w > 0 && draw_shares(ctx, &pl, in, bx, y, in.x + in.w - bx, lp, ln, g) > 0) {
            y += lh + ctx->pad / 3;
            rows_left--;
        } else {
            y += lh + ctx->pad / 3;
            rows_left--;
            if (rows_left >= 2 && draw_shares(ctx, &pl, in, in.x, y, in.w, lp, ln, g) > 0) {
                y += lh + ctx->pad / 3;
                rows_left--;
            }
        }
    }
    if (rows_left >= 2) {
        draw_legend(ctx, &pl, in, y, r);
        y += lh + ctx->pad / 3;
    }

    SDL_Rect plot;
    plot.y = y + tick_h + (int)r + 2;
    int xlabel_y = in.y + in.h - tick_h;
    plot.h = xlabel_y - (int)(ctx->pad / 3.0f) - 1 - plot.y;
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0");
    plot.x = in.x + tick_w + ctx->pad;
    plot.w = in.x + in.w - (ui_text_width(ctx->text, UI_FONT_LABEL, "x") + ctx->pad / 2) - plot.x;
    if (plot.h < 2 * tick_h || plot.w < 40) return;
    frame_map f = {plot, 0.0, 0.0};
    x_range(wd, &f.lo, &f.hi);
    draw_x_axis(ctx, &f, in, xlabel_y, &pl);

    /* The beta = 1 boundary (faint), then the current one. */
    double w = theta[XL_WEIGHTED_W], b = theta[XL_WEIGHTED_B];
    if (wd->beta != 1.0 && st->fit1_ok) {
        float bx = boundary(ctx, &f, -st->fit1[XL_WEIGHTED_B] / st->fit1[XL_WEIGHTED_W], ui_rgba(th->text_dim, 150),
                            ui_lw(ctx, 1.0f));
        if (bx >= 0.0f) {
            g->has_boundary1 = 1;
            g->boundary1_x = bx;
            const char *label = "β = 1";
            int tw = ui_text_width(ctx->text, UI_FONT_TICK, label);
            int ly = plot.y + plot.h / 2 - tick_h;
            int lx = (int)bx + 3;
            if (lx + tw > plot.x + plot.w) lx = (int)bx - 3 - tw;
            SDL_Rect box = {lx, ly, tw, tick_h};
            if (ui_claim(&pl, box, plot, 2)) {
                ui_draw_fill(ctx->r, (SDL_Rect){lx - 1, ly, tw + 2, tick_h}, ui_rgba(th->panel, 225));
                ui_text_draw(ctx->text, UI_FONT_TICK, lx, ly, UI_ALIGN_LEFT, th->text_dim, label);
            }
        }
    }
    if (w != 0.0) {
        float bx = boundary(ctx, &f, -b / w, th->text, ui_lw(ctx, 1.5f));
        if (bx >= 0.0f) {
            g->has_boundary = 1;
            g->boundary_x = bx;
            /* What the line is: the untrained start's boundary until a step is taken;
             * then the boundary learned so far, at the weight β it learns with. */
            char bs[16], label[80];
            const long steps = xl_sim_steps(xl_session_sim(s));
            ui_format_fit(bs, sizeof bs, wd->beta, 0, 4);
            if (steps == 0) snprintf(label, sizeof label, "%s", _("boundary at the start, untrained"));
            else snprintf(label, sizeof label, steps == 1 ? _("boundary after %ld step at β = %s") : _("boundary after %ld steps at β = %s"), steps, bs);
            if (ui_text_width(ctx->text, UI_FONT_TICK, label) > in.w)
                snprintf(label, sizeof label, steps == 0 ? _("start boundary") : _("learned, β = %s"), bs);
            int tw = ui_text_width(ctx->text, UI_FONT_TICK, label);
            int lx = (int)(bx - tw / 2.0f);
            if (lx < plot.x) lx = plot.x;
            if (lx + tw > in.x + in.w) lx = in.x + in.w - tw;
            SDL_Rect box = {lx, plot.y - (int)r - 2 - tick_h, tw, tick_h};
            if (ui_claim(&pl, box, in, 2))
                ui_text_draw(ctx->text, UI_FONT_TICK, lx, box.y, UI_ALIGN_LEFT, th->text, label);
        }
    }

    /* Negatives first, small and translucent in a low band; the curve; positives on top. */
    float rn = r * 0.6f < 2.0f ? 2.0f : r * 0.6f;
    float band = plot.h * 0.12f;
    if (band < 2.0f * rn) band = 2.0f * rn;
    SDL_Color neg = ui_rgba(ui_weighted_label_color(th, 0), 150);
    for (int i = wd->npos; i < wd->n; i++) {
        float x = px_of(&f, xl_weighted_x(wd, i));
        float yy = (float)(plot.y + plot.h) - rn - (float)jitter(i) * (band - 2.0f * rn);
        ui_draw_disc(ctx->r, x, yy, rn, neg);
    }
    draw_curve(ctx, &f, theta);
    for (int i = 0; i < wd->npos; i++) {
        float x = px_of(&f, xl_weighted_x(wd, i));
        const float py = (float)plot.y + (float)stack_rank(wd, &f, i, r) * 2.2f * r;
        ui_draw_disc(ctx->r, x, py, r, ui_weighted_label_color(th, 1));
        if (g->npos < UI_WEIGHTED_POS_MAX) {
            g->pos_x[g->npos] = x;
            g->pos_y[g->npos] = py;
        }
        g->npos++;
        g->dot_r = r;
        ui_draw_ring(ctx->r, x, py, r, 1.0f, th->panel);
        /* A positive's numbers under the pointer: what β weighs is its surprise. */
        double p = y_hat(theta, xl_weighted_x(wd, i));
        char l0[64], l1[64], l2[96], sv[48];
        snprintf(l0, sizeof l0, _("positive %d of %d: x = %.3f"), i + 1, wd->npos, xl_weighted_x(wd, i));
        snprintf(l1, sizeof l1, "ŷ = %.4f", p);
        ui_format_fit(sv, sizeof sv, xl_surprise(p, ctx->unit) * wd->beta, 4, 12);
        snprintf(l2, sizeof l2, _("β × surprise = %s %s"), sv, xl_unit_name(ctx->unit));
        int hr = (int)ceilf(r) + 2;
        ui_hit_add(ctx, (SDL_Rect){(int)x - hr, (int)py - hr, 2 * hr + 1, 2 * hr + 1}, l0, l1, l2);
    }
    int sel = xl_session_selected(s);
    if (sel >= 0 && sel < wd->n) {
        int pos = xl_weighted_y(wd, sel);
        float x = px_of(&f, xl_weighted_x(wd, sel));
        float yy = pos ? (float)plot.y + (float)stack_rank(wd, &f, sel, r) * 2.2f * r
                       : (float)(plot.y + plot.h) - rn - (float)jitter(sel) * (band - 2.0f * rn);
        float rr = (pos ? r : rn) + 3.0f;
        ui_draw_ring(ctx->r, x, yy, rr + 1.0f, 4.0f, th->select_edge);
        ui_draw_ring(ctx->r, x, yy, rr, 2.0f, th->select);
    }

    g->drawn = 1;
    g->plot = plot;
    g->x_lo = f.lo;
    g->x_hi = f.hi;
}

static void own_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_weighted_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_weighted_own_panel = {.scenario = &xl_scenario_weighted, .draw = own_draw};

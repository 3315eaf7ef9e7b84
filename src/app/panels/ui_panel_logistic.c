/* ui_panel_logistic: the samples on a number line with the fitted sigmoid (see
 * ui_panel_logistic.h).
 *
 * Layout, top to bottom: a legend row; a strip for the boundary's "ŷ = 0.5" label; the
 * plot (probability 0..1 up, x across), with the label-1 samples on its top edge and the
 * label-0 samples on its bottom edge, so a sample's residual ŷ − y is the vertical
 * distance from it to the curve; the x ticks; the strip of pull-on-w stems; a caption
 * saying what the stems are. When the panel is short the stems and their caption go
 * first, then the legend; secondary labels are placed only where they touch no label
 * already placed.
 *
 * Numbers that reach the renderer are always finite: y_hat is in [0, 1] for every logit
 * (the sigmoid is computed without overflow, and a NaN logit from an infinite w x is
 * skipped), x maps through a finite range, and every coordinate passes ui_draw_clamp.
 */
#include "ui_panel_logistic.h"
#include "ui_lang.h"

#include "ui_own_panels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_scn_logistic.h"

enum { MAX_TICKS = 32 };

/* Okabe-Ito reddish purple: the label-0 samples (label 1 takes the truth's blue). */
static const SDL_Color LABEL0 = {0xCC, 0x79, 0xA7, 255};

SDL_Color ui_logistic_label_color(const ui_theme *th, int label)
{
    return label ? th->truth : LABEL0;
}

/* The x range: the data with a margin, never narrower than [-3, 3]. */
static void x_range(const xl_logistic *lg, double *lo, double *hi)
{
    double a = 0.0, b = 0.0;
    for (int i = 0; i < lg->n; i++) {
        double x = lg->pts[i].x;
        if (i == 0 || x < a) a = x;
        if (i == 0 || x > b) b = x;
    }
    double m = 0.08 * (b - a) + 0.4;
    *lo = a - m < -3.0 ? a - m : -3.0;
    *hi = b + m > 3.0 ? b + m : 3.0;
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

/* y_hat at x, or -1 when the logit is not a number (w x = ±∞ against b = ∓∞ cannot
 * happen for finite parameters, but a huge w times x may overflow to ±∞, which is fine). */
static double y_hat(const double *theta, double x)
{
    double u = theta[XL_LOGISTIC_W] * x + theta[XL_LOGISTIC_B];
    if (isnan(u)) return -1.0;
    return xl_logistic_sigmoid(u);
}

/* A disc swatch and its label; returns the width taken, or 0 if it would pass x_end. */
static int legend_disc(const ui_ctx *ctx, int x, int y, int x_end, SDL_Color c, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int s = lh * 6 / 10, gap = lh / 3;
    int w = s + gap + ui_text_width(ctx->text, UI_FONT_LABEL, label);
    if (x + w > x_end) return 0;
    ui_draw_disc(ctx->r, x + s / 2.0f, y + lh / 2.0f, s / 2.0f, c);
    ui_text_draw(ctx->text, UI_FONT_LABEL, x + s + gap, y, UI_ALIGN_LEFT, ctx->theme->text, label);
    return w + lh;
}

/* A line swatch (dashed or not) and its label; 0 if it would pass x_end. */
static int legend_line(const ui_ctx *ctx, int x, int y, int x_end, SDL_Color c, int dashed, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int w = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, label);
    if (x + w > x_end) return 0;
    return ui_legend_item(ctx, x, y, c, dashed, label);
}

static void draw_legend(const ui_ctx *ctx, SDL_Rect in)
{
    const ui_theme *th = ctx->theme;
    int x = in.x, end = in.x + in.w, w;
    if ((w = legend_disc(ctx, x, in.y, end, ui_logistic_label_color(th, 1), _("label 1"))) == 0) return;
    x += w;
    if ((w = legend_disc(ctx, x, in.y, end, ui_logistic_label_color(th, 0), _("label 0"))) == 0) return;
    x += w;
    if ((w = legend_line(ctx, x, in.y, end, th->model, 0, _("model ŷ"))) == 0) return;
    x += w;
    /* The last entry: the long name if it fits, else the short one (nothing follows it). */
    if (legend_line(ctx, x, in.y, end, th->surprise, 0, _("residual ŷ − y")) == 0)
        legend_line(ctx, x, in.y, end, th->surprise, 0, "ŷ − y");
}

/* Ticks and labels of the probability axis, and its title turned upright. The 0 and 1
 * labels sit inside the axis's height, so they cannot meet the x ticks below or the
 * boundary label above; no gridline at 1, the top edge. */
static void draw_y_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, ui_claims *pl)
{
    static const char *const titles[2] = {"ŷ = σ(w x + b)", "ŷ"};
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    double step = f->plot.h >= 8 * tick_h ? 0.25 : f->plot.h >= 3 * tick_h ? 0.5 : 1.0;
    const ui_value_axis axis = {f->plot, 1.0, step, 0, 0, titles, 2};
    ui_axis_draw_left(ctx, &axis, in, pl);
}

/* Ticks and labels of the x axis below the plot (labels start at label_y), and "x" at
 * the axis's right end. */
static void draw_x_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, int label_y, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    /* "x" just right of the axis's end, on its line. */
    int xw = ui_text_width(ctx->text, UI_FONT_LABEL, "x");
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    SDL_Rect xbox = {plot.x + plot.w + ctx->pad / 3, (int)(base - lh / 2.0f), xw, lh};
    if (ui_claim(pl, xbox, in, 0))
        ui_text_draw(ctx->text, UI_FONT_LABEL, xbox.x, xbox.y, UI_ALIGN_LEFT, th->text, "x");

    char a[32], b[32];
    ui_format_fit(a, sizeof a, f->lo, 1, 8);
    ui_format_fit(b, sizeof b, f->hi, 1, 8);
    int wa = ui_text_width(ctx->text, UI_FONT_TICK, a), wb = ui_text_width(ctx->text, UI_FONT_TICK, b);
    int room = (wa > wb ? wa : wb) + 2 * ctx->pad;
    int max_ticks = plot.w / (room > 1 ? room : 1);
    if (max_ticks < 2) max_ticks = 2;
    if (max_ticks > 12) max_ticks = 12;
    double step = ui_nice_step(f->lo, f->hi, max_ticks);
    double ticks[MAX_TICKS];
    int nt = ui_ticks(f->lo, f->hi, step, ticks, MAX_TICKS);
    char buf[32];
    for (int k = 0; k < nt; k++) {
        float x = px_of(f, ticks[k]);
        ui_draw_line(ctx->r, x, base, x, base + len, lw, th->axis);
        /* Whole ticks read as integers; ui_format_fit keeps a huge range's labels short. */
        if (fabs(ticks[k]) < 1e5) ui_format_tick(buf, sizeof buf, ticks[k], step);
        else ui_format_fit(buf, sizeof buf, ticks[k], 0, 7);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        int lx = (int)(x - w / 2.0f);
        SDL_Rect box = {lx, label_y, w, tick_h};
        if (ui_claim(pl, box, in, ctx->pad / 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, label_y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
}

/* The curve y_hat(x), one segment per pixel column. */
static void draw_curve(const ui_ctx *ctx, const frame_map *f, const double *theta)
{
    float lw = ui_lw(ctx, 1.5f);
    float px0 = 0.0f, py0 = 0.0f;
    int have = 0;
    for (int c = 0; c <= f->plot.w; c++) {
        double x = f->lo + (f->hi - f->lo) * c / f->plot.w;
        double p = y_hat(theta, x);
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

/* Each sample's pull on w as a stem from the strip's middle: up raises w. */
static void draw_pull(const ui_ctx *ctx, const frame_map *f, SDL_Rect strip, const xl_logistic *lg,
                      const double *theta, int sel)
{
    const ui_theme *th = ctx->theme;
    double dw[XL_LOGISTIC_MAX_POINTS], db[XL_LOGISTIC_MAX_POINTS];
    xl_logistic_contributions(lg, theta, dw, db);
    /* One scale for every step, so stems shrink as learning removes the pulls (scaling by
     * the largest pull now would make the tiny pulls near a fit look large): a sample can
     * pull w by at most |x| / n, when the model is sure of the wrong label; a full stem is
     * twice that for a typical sample, 2 mean|x| / n. A longer pull is clipped there. */
    double most = 0.0;
    for (int i = 0; i < lg->n; i++)
        most += fabs(lg->pts[i].x);
    most = lg->n > 0 ? 2.0 * most / ((double)lg->n * lg->n) : 0.0;
    float mid = strip.y + strip.h / 2.0f, half = strip.h / 2.0f - 1.0f;
    float sw = ui_lw(ctx, 2.0f);
    if (sw < 2.0f) sw = 2.0f;
    ui_draw_line(ctx->r, strip.x, mid, strip.x + strip.w, mid, 1.0f, th->axis);
    if (!(most > 0.0)) return;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < lg->n; i++) {
            if (!isfinite(dw[i])) continue;
            double k = -dw[i] / most; /* the pull is -dL/dw */
            float h = (float)((k > 1.0 ? 1.0 : k < -1.0 ? -1.0 : k) * half);
            float x = px_of(f, lg->pts[i].x);
            if (pass == 0) {
                if (i != sel) continue;
                /* The selected sample's stem stands on a yellow band. */
                float top = h > 0 ? mid - h : mid, bot = h > 0 ? mid : mid - h;
                SDL_Rect band = {(int)(x - sw / 2 - 2), (int)(top - 2), (int)(sw + 4), (int)(bot - top + 5)};
                ui_draw_fill(ctx->r, band, th->select);
                continue;
            }
            if (fabs(h) < 1.0f) h = h < 0 ? -1.0f : 1.0f; /* a pull too small to see still shows */
            ui_draw_line(ctx->r, x, mid, x, mid - h, sw, ui_logistic_label_color(th, lg->pts[i].y));
        }
    }
}

/* The first caption that fits, or NULL. */
static const char *pull_caption(const ui_ctx *ctx, int width)
{
    static const char *const captions[] = {
        N_("stems: each sample's pull on w, −(ŷ − y)·x / n; up raises w"),
        N_("stems: pull on w, −(ŷ − y)·x / n; up raises w"),
        N_("pull on w: −(ŷ − y)·x / n"),
    };
    for (int i = 0; i < 3; i++)
        if (ui_text_width(ctx->text, UI_FONT_TICK, _(captions[i])) <= width) return _(captions[i]);
    return NULL;
}

void ui_logistic_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_logistic_geom *geom)
{
    ui_logistic_geom local;
    ui_logistic_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    g->selected = -1;
    const ui_theme *th = ctx->theme;
    SDL_Rect in = ui_panel_begin(ctx, area, _("DATA AND FIT"), _("σ(w x + b) over the samples"));
    if (xl_session_scenario(s) != &xl_scenario_logistic || in.w < 40 || in.h < 40) return;
    const xl_logistic *lg = &((const xl_logistic_state *)xl_session_state(s))->lg;
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const int n = lg->n, sel = xl_session_selected(s);

    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float r = roundf(4.5f * ctx->scale * (th->kind == UI_THEME_LIGHT ? 1.2f : 1.0f) + 1.5f);
    float ring_w = r * 0.45f < 2.0f ? 2.0f : roundf(r * 0.45f);
    float ring_r = r + 2.0f + ring_w;
    const char *caption = pull_caption(ctx, in.w);

    /* Heights, top down and bottom up; the stems and then the legend go when short. */
    int legend = in.h >= 10 * lh;
    int extra = caption != NULL;
    SDL_Rect plot;
    int xlabel_y = 0;
    SDL_Rect strip = {0, 0, 0, 0};
    for (;;) {
        int top = in.y + (legend ? lh + ctx->pad / 2 : 0);
        plot.y = top + tick_h + (int)ring_r + 1;
        int bottom = in.y + in.h;
        if (extra) {
            int strip_h = in.h / 5;
            if (strip_h < 2 * tick_h) strip_h = 2 * tick_h;
            if (strip_h > 6 * tick_h) strip_h = 6 * tick_h;
            strip.h = strip_h;
            strip.y = bottom - tick_h - ctx->pad / 4 - strip_h;
            bottom = strip.y - ctx->pad / 3;
        }
        xlabel_y = bottom - tick_h;
        float below = ring_r > ctx->pad / 3.0f ? ring_r : ctx->pad / 3.0f;
        plot.h = xlabel_y - (int)below - 1 - plot.y;
        if (plot.h >= 4 * tick_h || (!extra && !legend)) break;
        if (extra) extra = 0;
        else legend = 0;
    }
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0.25");
    plot.x = in.x + tick_h + ctx->pad / 2 + tick_w + ctx->pad / 2;
    plot.w = in.x + in.w - (ui_text_width(ctx->text, UI_FONT_LABEL, "x") + ctx->pad / 2) - plot.x;
    if (plot.h < 2 * tick_h || plot.w < 40) return;
    strip.x = plot.x;
    strip.w = plot.w;

    frame_map f = {plot, 0.0, 0.0};
    x_range(lg, &f.lo, &f.hi);
    ui_claims pl = {.n = 0};
    if (legend) draw_legend(ctx, in);

    draw_y_axis(ctx, &f, in, &pl);
    draw_x_axis(ctx, &f, in, xlabel_y, &pl);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, ui_lw(ctx, 1.0f), th->axis);

    /* The decision boundary y_hat = 0.5 at w x + b = 0. */
    double w = theta[XL_LOGISTIC_W], b = theta[XL_LOGISTIC_B];
    if (w != 0.0 && isfinite(-b / w) && -b / w >= f.lo && -b / w <= f.hi) {
        float bx = px_of(&f, -b / w);
        ui_draw_dashed(ctx->r, bx, plot.y, bx, plot.y + plot.h, ui_lw(ctx, 1.0f), 5.0f * ctx->scale + 2.0f,
                       3.0f * ctx->scale + 2.0f, th->text_dim);
        g->has_boundary = 1;
        g->boundary_x = bx;
        const char *label = "ŷ = 0.5";
        int lw = ui_text_width(ctx->text, UI_FONT_TICK, label);
        int lx = (int)(bx - lw / 2.0f);
        if (lx < plot.x) lx = plot.x;
        if (lx + lw > in.x + in.w) lx = in.x + in.w - lw;
        SDL_Rect box = {lx, plot.y - (int)ring_r - 1 - tick_h, lw, tick_h};
        if (ui_claim(&pl, box, in, 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, box.y, UI_ALIGN_LEFT, th->text_dim, label);
    }

    /* Residuals under the curve, the curve, then the samples on top. */
    for (int i = 0; i < n; i++) {
        double p = y_hat(theta, lg->pts[i].x);
        if (p < 0.0) continue;
        float x = px_of(&f, lg->pts[i].x);
        float y = py_of(&f, lg->pts[i].y ? 1.0 : 0.0);
        g->px[i] = x;
        g->py[i] = y;
        ui_draw_line(ctx->r, x, y, x, py_of(&f, p), ui_lw(ctx, i == sel ? 2.0f : 1.0f), th->surprise);
    }
    draw_curve(ctx, &f, theta);
    for (int i = 0; i < n; i++) g->px[i] = px_of(&f, lg->pts[i].x);
    for (int i = 0; i < n; i++) {
        /* Samples of one label closer than 1.6 radii across would hide each other: each
         * is stacked one disc (2.2 radii) further into the plot per earlier one it would
         * cover, along its own residual stem, in a fixed order (the same every frame). */
        int rank = 0;
        for (int j = 0; j < i; j++)
            if (lg->pts[j].y == lg->pts[i].y && fabsf(g->px[j] - g->px[i]) < 1.6f * r) rank++;
        const float x = g->px[i];
        const float y = py_of(&f, lg->pts[i].y ? 1.0 : 0.0) + (lg->pts[i].y ? 1.0f : -1.0f) * (float)rank * 2.2f * r;
        g->py[i] = y;
        ui_draw_disc(ctx->r, x, y, r, ui_logistic_label_color(th, lg->pts[i].y));
        ui_draw_ring(ctx->r, x, y, r, 1.0f, th->panel);
        /* Each sample's numbers under the pointer: its label's surprise under ŷ. */
        double p = y_hat(theta, lg->pts[i].x);
        if (p >= 0.0) {
            char l0[64], l1[64], l2[96], sv[48];
            snprintf(l0, sizeof l0, _("sample %d: x = %.3f, label %d"), i + 1, lg->pts[i].x, lg->pts[i].y);
            snprintf(l1, sizeof l1, "ŷ = σ(w x + b) = %.4f", p);
            double q = lg->pts[i].y ? p : 1.0 - p;
            ui_format_fit(sv, sizeof sv, xl_surprise(q, ctx->unit), 4, 12); /* ∞ where q is 0 */
            snprintf(l2, sizeof l2, _("surprise of its label: %s %s"), sv, xl_unit_name(ctx->unit));
            int hr = (int)ceilf(r) + 2;
            /* Held, the sample moves along x; a click on the selected one flips its label. */
            const double span = (f.hi - f.lo) / f.plot.w;
            const ui_region_drag move = {"move-point", "flip", UI_DRAG_VALUE_U, i, f.lo - f.plot.x * span,
                                         span, 0.0, 0.0};
            ui_hit_add_edit(ctx, (SDL_Rect){(int)x - hr, (int)y - hr, 2 * hr + 1, 2 * hr + 1}, move, l0, l1, l2);
        }
    }
    if (sel >= 0 && sel < n) {
        float x = g->px[sel], y = g->py[sel];
        ui_draw_ring(ctx->r, x, y, ring_r + 1.0f, ring_w + 2.0f, th->select_edge);
        ui_draw_ring(ctx->r, x, y, ring_r, ring_w, th->select);
        g->selected = sel;
        /* "sample k" beside it, inside the plot, on a patch of panel so lines do not cross it. */
        char buf[32];
        snprintf(buf, sizeof buf, _("sample %d"), sel + 1);
        int tw = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        int ty = lg->pts[sel].y ? (int)(y + ring_r + 2) : (int)(y - ring_r - 2 - tick_h);
        int tx = (int)(x - tw / 2.0f);
        if (tx < plot.x + 2) tx = plot.x + 2;
        if (tx + tw > plot.x + plot.w) tx = plot.x + plot.w - tw;
        SDL_Rect box = {tx, ty, tw, tick_h};
        if (ui_claim(&pl, box, plot, 2)) {
            ui_draw_fill(ctx->r, (SDL_Rect){tx - 2, ty, tw + 4, tick_h}, ui_rgba(th->panel, 225));
            ui_text_draw(ctx->text, UI_FONT_TICK, tx, ty, UI_ALIGN_LEFT, th->text, buf);
        }
    }
    if (extra) {
        draw_pull(ctx, &f, strip, lg, theta, sel);
        int cy = in.y + in.h - tick_h;
        SDL_Rect box = {in.x, cy, ui_text_width(ctx->text, UI_FONT_TICK, caption), tick_h};
        if (ui_claim(&pl, box, in, 1))
            ui_text_draw(ctx->text, UI_FONT_TICK, in.x, cy, UI_ALIGN_LEFT, th->text_dim, caption);
        g->pull = strip;
    }

    g->drawn = 1;
    g->plot = plot;
    g->x_lo = f.lo;
    g->x_hi = f.hi;
    g->n = n;
    g->radius = r;
    g->ring_radius = ring_r;
    g->ring_width = ring_w;
}

static void own_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_logistic_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_logistic_own_panel = {.scenario = &xl_scenario_logistic, .draw = own_draw};

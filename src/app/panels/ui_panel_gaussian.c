/* ui_panel_gaussian: P and Q as densities over the voltage (see ui_panel_gaussian.h).
 *
 * Layout, top to bottom: a legend row; the plot (density per volt up, volts across) with
 * its y ticks and upright title at the left; the x ticks and "V"; the closed form in two
 * lines. When the panel is short the closed form's second line, then its first, then
 * the legend go first; secondary labels are placed only where they touch no label
 * already placed.
 *
 * Range. x covers P's mu_p ± 4 sigma_p and Q's mu_q ± 3 sigma_q, but Q may pull it at most
 * 10 max(sigma_p, 1 V) beyond P's part, so a Q gone very wide or far (a big learning rate)
 * never shrinks P to a sliver. y runs to a nice number above the taller peak, with Q's
 * peak counted at most 4 times P's: a Q narrowing to a spike is clipped at the top
 * instead of flattening P.
 *
 * Curves. Each pixel column shows the largest density over the voltages it covers (the
 * peak when the mean lies in the column, else the nearer edge's value), so a spike
 * narrower than a pixel (sigma_p = 0.01 V) still reaches its full height at its mean.
 * Densities are computed from log sigma through xl_gauss_density, which gives 0 or a
 * finite value; every coordinate is clamped to the plot and through ui_draw_clamp.
 */
#include "ui_panel_gaussian.h"
#include "ui_lang.h"

#include "ui_own_panels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_scn_gaussian.h"

enum { MAX_TICKS = 32 };

typedef struct frame_map {
    SDL_Rect plot;
    double lo, hi;  /* volts */
    double y_max;   /* density per volt at the top */
} frame_map;

static float px_of(const frame_map *f, double x)
{
    return ui_draw_clamp(f->plot.x + (x - f->lo) / (f->hi - f->lo) * f->plot.w);
}

/* The pixel row of density d, clipped to the plot. */
static float py_of(const frame_map *f, double d)
{
    double t = d / f->y_max;
    if (!(t >= 0.0)) t = 0.0;
    if (t > 1.0) t = 1.0;
    return ui_draw_clamp(f->plot.y + (1.0 - t) * f->plot.h);
}

/* The largest density of N(mu, sigma^2) over [a, b]. */
static double column_max(double mu, double sigma, double a, double b)
{
    double x = mu < a ? a : mu > b ? b : mu;
    return xl_gauss_density(mu, sigma, x);
}

static void ranges(const xl_gauss *g, double mu_q, double sigma_q, frame_map *f)
{
    double lo = g->mu_p - 4.0 * g->sigma_p, hi = g->mu_p + 4.0 * g->sigma_p;
    double reach = 10.0 * (g->sigma_p > 1.0 ? g->sigma_p : 1.0);
    double qlo = mu_q - 3.0 * sigma_q, qhi = mu_q + 3.0 * sigma_q;
    if (!(qlo >= lo - reach)) qlo = lo - reach; /* also NaN */
    if (!(qhi <= hi + reach)) qhi = hi + reach;
    f->lo = qlo < lo ? qlo : lo;
    f->hi = qhi > hi ? qhi : hi;
    double p_peak = xl_gauss_density(0.0, g->sigma_p, 0.0);
    double q_peak = xl_gauss_density(0.0, sigma_q, 0.0);
    if (!(q_peak <= 4.0 * p_peak)) q_peak = 4.0 * p_peak;
    double top = 1.08 * (p_peak > q_peak ? p_peak : q_peak);
    f->y_max = ui_nice_ceil(top);
    if (!(f->y_max > 0.0) || !isfinite(f->y_max)) f->y_max = top;
}

/* A line swatch and label; 0 if it would pass x_end. */
static int legend_line(const ui_ctx *ctx, int x, int y, int x_end, SDL_Color c, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int w = lh + lh / 3 + ui_text_width(ctx->text, UI_FONT_LABEL, label);
    if (x + w > x_end) return 0;
    return ui_legend_item(ctx, x, y, c, 0, label);
}

/* A filled swatch of the shading and its label; 0 if it would pass x_end. */
static int legend_fill(const ui_ctx *ctx, int x, int y, int x_end, SDL_Color c, const char *label)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int s = lh * 7 / 10, gap = lh / 3;
    int w = s + gap + ui_text_width(ctx->text, UI_FONT_LABEL, label);
    if (x + w > x_end) return 0;
    ui_draw_fill(ctx->r, (SDL_Rect){x, y + (lh - s) / 2, s, s}, c);
    ui_text_draw(ctx->text, UI_FONT_LABEL, x + s + gap, y, UI_ALIGN_LEFT, ctx->theme->text, label);
    return w + lh;
}

static SDL_Color shade_color(const ui_theme *th)
{
    return ui_rgba(th->surprise, th->kind == UI_THEME_DARK ? 90 : 70);
}

static void draw_legend(const ui_ctx *ctx, SDL_Rect in, const xl_gauss *g, double mu_q, double sigma_q)
{
    const ui_theme *th = ctx->theme;
    char a[24], b[24], pl[64], ql[64];
    ui_format_fit(a, sizeof a, g->mu_p, 2, 7);
    ui_format_fit(b, sizeof b, g->sigma_p, 2, 7);
    snprintf(pl, sizeof pl, "P = N(%s, %s²)", a, b);
    ui_format_fit(a, sizeof a, mu_q, 2, 7);
    ui_format_fit(b, sizeof b, sigma_q, 2, 7);
    snprintf(ql, sizeof ql, "Q = N(%s, %s²)", a, b);
    int x = in.x, end = in.x + in.w, w;
    if ((w = legend_line(ctx, x, in.y, end, th->truth, pl)) == 0 &&
        (w = legend_line(ctx, x, in.y, end, th->truth, _("P truth"))) == 0)
        return;
    x += w;
    if ((w = legend_line(ctx, x, in.y, end, th->model, ql)) == 0 &&
        (w = legend_line(ctx, x, in.y, end, th->model, _("Q model"))) == 0)
        return;
    x += w;
    if (legend_fill(ctx, x, in.y, end, shade_color(th), _("where they differ")) == 0)
        legend_fill(ctx, x, in.y, end, shade_color(th), _("differ"));
}

/* Density ticks at the left and the axis title turned upright. */
static void draw_y_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, ui_claims *pl)
{
    const char *const titles[2] = {_("density per volt"), "1/V"};
    const ui_value_axis axis = {f->plot, f->y_max, ui_axis_step(ctx, f->plot.h, f->y_max),
                                ui_text_line_height(ctx->text, UI_FONT_TICK) / 2, 1, titles, 2};
    ui_axis_draw_left(ctx, &axis, in, pl);
}

/* Voltage ticks under the plot (labels start at label_y) and the unit "V" at the axis's end. */
static void draw_x_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, int label_y, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    int vw = ui_text_width(ctx->text, UI_FONT_LABEL, "V");
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    SDL_Rect vbox = {plot.x + plot.w + ctx->pad / 3, (int)(base - lh / 2.0f), vw, lh};
    if (ui_claim(pl, vbox, in, 0)) ui_text_draw(ctx->text, UI_FONT_LABEL, vbox.x, vbox.y, UI_ALIGN_LEFT, th->text, "V");

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
        ui_format_tick(buf, sizeof buf, ticks[k], step);
        int w = ui_text_width(ctx->text, UI_FONT_TICK, buf);
        int lx = (int)(x - w / 2.0f);
        SDL_Rect box = {lx, label_y, w, tick_h};
        if (ui_claim(pl, box, in, ctx->pad / 2))
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, label_y, UI_ALIGN_LEFT, th->text_dim, buf);
    }
}

/* Column c's voltage interval. */
static void column_span(const frame_map *f, int c, double *a, double *b)
{
    double dx = (f->hi - f->lo) / f->plot.w;
    *a = f->lo + dx * c;
    *b = *a + dx;
}

/* The region between the curves, column by column, then the two curves (P on top). */
static void draw_densities(const ui_ctx *ctx, const frame_map *f, const xl_gauss *g, double mu_q, double sigma_q)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    SDL_Color shade = shade_color(th);
    for (int c = 0; c < plot.w; c++) {
        double a, b;
        column_span(f, c, &a, &b);
        float yp = py_of(f, column_max(g->mu_p, g->sigma_p, a, b));
        float yq = py_of(f, column_max(mu_q, sigma_q, a, b));
        float top = yp < yq ? yp : yq, bot = yp < yq ? yq : yp;
        if (bot - top >= 1.0f)
            ui_draw_fill(ctx->r, (SDL_Rect){plot.x + c, (int)top, 1, (int)(bot - top)}, shade);
    }
    /* Strips of the plot tell the densities at their middle under the pointer, and the
     * log ratio there: KL is the p-weighted mean of ln(p/q). */
    enum { STRIPS = 48 };
    for (int k = 0; k < STRIPS && plot.w >= STRIPS; k++) {
        int x0 = plot.x + plot.w * k / STRIPS, x1 = plot.x + plot.w * (k + 1) / STRIPS;
        double v = f->lo + (f->hi - f->lo) * ((x0 + x1) / 2.0 - plot.x) / plot.w;
        double p = xl_gauss_density(g->mu_p, g->sigma_p, v), q = xl_gauss_density(mu_q, sigma_q, v);
        char l0[48], l1[96], l2[96], pv[32], qv[32], r[32];
        snprintf(l0, sizeof l0, "x = %.3g V", v);
        ui_format_fit(pv, sizeof pv, p, 4, 10);
        ui_format_fit(qv, sizeof qv, q, 4, 10);
        snprintf(l1, sizeof l1, _("p(x) = %s · q(x) = %s per V"), pv, qv);
        /* ln(p/q) from the densities' logs, exact where both underflow. */
        double lr = (-0.5 * ((v - g->mu_p) / g->sigma_p) * ((v - g->mu_p) / g->sigma_p) - log(g->sigma_p)) -
                    (-0.5 * ((v - mu_q) / sigma_q) * ((v - mu_q) / sigma_q) - log(sigma_q));
        ui_format_fit(r, sizeof r, lr * xl_unit_scale(ctx->unit), 4, 12);
        snprintf(l2, sizeof l2, "%s p(x)/q(x) = %s %s", ctx->unit == XL_BITS ? "log₂" : "ln", r, xl_unit_name(ctx->unit));
        ui_hit_add(ctx, (SDL_Rect){x0, plot.y, x1 - x0, plot.h}, l0, l1, l2);
    }
    /* P's peak can be held: sideways moves the mean, up and down the height, which is
     * the width (a peak 1/(√(2π) σ) high). Recorded last, so it is on top of the strips. */
    {
        const double span = (f->hi - f->lo) / plot.w;
        const ui_region_drag peak = {"set-normal", NULL, UI_DRAG_VALUE_PEAK, -1,
                                     f->lo - plot.x * span, span, f->y_max * (plot.y + plot.h) / plot.h,
                                     -f->y_max / plot.h};
        int half = (int)(14.0f * (ctx->scale > 1.0f ? ctx->scale : 1.0f));
        int cx = (int)px_of(f, g->mu_p), cy = (int)py_of(f, xl_gauss_density(g->mu_p, g->sigma_p, g->mu_p));
        char l1[96];
        snprintf(l1, sizeof l1, "μ_p = %.3g V, σ_p = %.3g V", g->mu_p, g->sigma_p);
        ui_hit_add_edit(ctx, (SDL_Rect){cx - half, cy - half, 2 * half, 2 * half}, peak, _("the peak of P: drag it"),
                        l1, _("sideways: the mean · up: narrower · down: wider"));
    }
    float lw = ui_lw(ctx, 1.5f);
    for (int pass = 0; pass < 2; pass++) {
        double mu = pass == 0 ? mu_q : g->mu_p, sigma = pass == 0 ? sigma_q : g->sigma_p;
        SDL_Color col = pass == 0 ? th->model : th->truth;
        float x0 = 0.0f, y0 = 0.0f;
        for (int c = 0; c < plot.w; c++) {
            double a, b;
            column_span(f, c, &a, &b);
            float x = plot.x + c + 0.5f, y = py_of(f, column_max(mu, sigma, a, b));
            if (c > 0) ui_draw_line(ctx->r, x0, y0, x, y, lw, col);
            x0 = x;
            y0 = y;
        }
    }
}

/* A dashed line from the axis up to the curve's peak at the mean, and its name above. */
static void mark_mean(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, double mu, double sigma, SDL_Color c,
                      const char *name, ui_claims *pl)
{
    if (!(mu >= f->lo && mu <= f->hi)) return;
    float x = px_of(f, mu);
    float top = py_of(f, xl_gauss_density(mu, sigma, mu));
    float base = (float)(f->plot.y + f->plot.h);
    ui_draw_dashed(ctx->r, x, base, x, top, ui_lw(ctx, 1.0f), 4.0f * ctx->scale + 2.0f, 3.0f * ctx->scale + 2.0f, c);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int w = ui_text_width(ctx->text, UI_FONT_TICK, name);
    int lx = (int)(x - w / 2.0f), ly = (int)top - tick_h - 1;
    if (ly < f->plot.y) ly = f->plot.y; /* a clipped peak: the name sits inside, beside it */
    if (ly == f->plot.y) lx = (int)x + 3;
    SDL_Rect box = {lx, ly, w, tick_h};
    if (ui_claim(pl, box, in, 2)) ui_text_draw(ctx->text, UI_FONT_TICK, lx, ly, UI_ALIGN_LEFT, c, name);
}

/* The closed form and its current values; returns the lines drawn. */
static int draw_formula(const ui_ctx *ctx, SDL_Rect in, int y, int lines, const double *terms, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    static const char *const forms[] = {
        "H(p,q) = ½ ln(2π σ_q²) + (σ_p² + (μ_p − μ_q)²) / 2σ_q²",
        "H = ½ ln(2πσ_q²) + (σ_p² + (μ_p − μ_q)²)/2σ_q²",
        N_("H = spread + mismatch"),
    };
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL), drawn = 0;
    for (int i = 0; i < 3 && lines >= 1; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, _(forms[i]));
        SDL_Rect box = {in.x, y, w, lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, y, UI_ALIGN_LEFT, th->text, _(forms[i]));
        drawn = 1;
        break;
    }
    if (lines < 2 || !drawn) return drawn;
    y += lh + ctx->pad / 4;
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    char s[32], m[32], t[32], buf[192];
    /* One number of decimals for the three, so the sum visibly adds up. */
    char *const out[3] = {t, s, m};
    const double v[3] = {(terms[0] + terms[1]) * k, terms[0] * k, terms[1] * k};
    const int max_chars[3] = {9, 9, 9};
    ui_format_identity(out, sizeof s, v, 3, max_chars);
    const char *fmts[] = {
        _("= %s (spread: the width Q claims) + %s (mismatch: P's spread and offset) = %s %s"),
        _("= %s spread (Q's width) + %s mismatch = %s %s"),
        _("= %s spread + %s mismatch = %s %s"),
        "= %s + %s = %s %s",
    };
    for (int i = 0; i < 4; i++) {
        snprintf(buf, sizeof buf, fmts[i], s, m, t, unit);
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, buf);
        SDL_Rect box = {in.x, y, w, lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, y, UI_ALIGN_LEFT, th->text, buf);
        return 2;
    }
    return 1;
}

enum { NOTE_FORMS = 4 };

/* The stability note for gradient descent, or for a refused step (issue 19.4), into buf:
 * 1 when there is something to say. The forms run from long to short; `form` picks one. */
static int stability_note(const xl_session *s, int form, char *buf, size_t n)
{
    const xl_sim *sim = xl_session_sim(s);
    const xl_gauss *g = &((const xl_gaussian_state *)xl_session_state(s))->g;
    const int gd = xl_sim_optimizer(sim)->kind == XL_OPTIM_GD;
    const double lr = xl_sim_lr(sim);
    char a[24], b[24];
    snprintf(a, sizeof a, "%.3g", lr);
    if (xl_sim_status_get(sim) == XL_SIM_DIVERGED) {
        snprintf(b, sizeof b, "%.2g", xl_gauss_lr_here(g, xl_sim_theta(sim)));
        static const char *const with_limit[NOTE_FORMS] = {
            N_("lr %s: the next step would take σ_q out of 10⁻⁶ … 10⁶ V and was refused; "
               "a stable step here needs lr < %s"),
            N_("step refused: σ_q would leave 10⁻⁶ … 10⁶ V (lr %s; stable below %s)"),
            N_("step refused: lr %s, stable here below %s"),
            N_("step refused (lr %s > %s)"),
        };
        static const char *const without[NOTE_FORMS] = {
            N_("lr %s: the next step would take σ_q out of 10⁻⁶ … 10⁶ V and was refused"),
            N_("step refused: σ_q would leave 10⁻⁶ … 10⁶ V (lr %s)"),
            N_("step refused: σ_q out of range (lr %s)"),
            N_("step refused (lr %s)"),
        };
        snprintf(buf, n, gd ? _(with_limit[form]) : _(without[form]), a, b);
        return 1;
    }
    const double limit = xl_gauss_lr_stable(g);
    if (!gd || !(lr > limit)) return 0;
    snprintf(b, sizeof b, "%.3g", limit);
    /* Which curvature binds at Q = P: 1 / sigma_p^2 along mu_q, or 2 along log sigma_q. */
    const char *which = limit < 1.0 ? "2σ_p²" : _("1, the limit for log σ_q");
    static const char *const forms[NOTE_FORMS] = {
        N_("lr %s > %s = %s, the largest step that settles at Q = P: it never settles"),
        N_("lr %s > %s = %s: too big a step to settle at Q = P"),
        N_("lr %s > %s = %s: never settles"),
        N_("lr %s > %s: never settles"),
    };
    snprintf(buf, n, _(forms[form]), a, b, which);
    return 1;
}

/* The note at the top of the plot, in the surprise colour on a backing, the longest
 * form that fits (cut only when even the shortest does not). */
static void draw_stability_note(const ui_ctx *ctx, SDL_Rect plot, SDL_Rect in, const xl_session *s, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    char buf[192], cut[192];
    int room = plot.w - ctx->pad;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    for (int form = 0; form < NOTE_FORMS; form++) {
        if (!stability_note(s, form, buf, sizeof buf)) return;
        if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) <= room) break;
    }
    ui_text_fit(ctx->text, UI_FONT_LABEL, buf, room, cut, sizeof cut);
    int w = ui_text_width(ctx->text, UI_FONT_LABEL, cut);
    int x = plot.x + ctx->pad / 2, y = plot.y + ctx->pad / 4;
    ui_claim(pl, (SDL_Rect){x, y, w, lh}, in, 0); /* the means' names keep clear of it */
    SDL_SetRenderDrawBlendMode(ctx->r, SDL_BLENDMODE_BLEND);
    ui_draw_fill(ctx->r, (SDL_Rect){x - ctx->pad / 4, y, w + ctx->pad / 2, lh}, ui_rgba(th->panel, 225));
    ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, th->surprise, cut);
}

int ui_gaussian_stability_note(const xl_session *s, char *buf, size_t n)
{
    if (xl_session_scenario(s) != &xl_scenario_gaussian) return 0;
    return stability_note(s, 0, buf, n);
}

void ui_gaussian_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_gaussian_geom *geom)
{
    ui_gaussian_geom local;
    ui_gaussian_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    SDL_Rect in = ui_panel_begin(ctx, area, _("VOLTAGE DENSITIES"), _("p(x) and q(x) over the voltage x"));
    if (xl_session_scenario(s) != &xl_scenario_gaussian || in.w < 40 || in.h < 40) return;
    const xl_gauss *gp = &((const xl_gaussian_state *)xl_session_state(s))->g;
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const double mu_q = theta[XL_GAUSS_MU], sigma_q = exp(theta[XL_GAUSS_LOG_SIGMA]);
    if (!isfinite(mu_q) || !(sigma_q > 0.0) || !isfinite(sigma_q)) {
        /* The model's domain keeps sigma_q finite; should Q still have no finite width,
         * the panel says so rather than stay empty. */
        char cut[128];
        ui_text_fit(ctx->text, UI_FONT_LABEL, ctx->no_keys ? _("Q has no finite width here") : _("Q has no finite width here: press R to reset"), in.w, cut, sizeof cut);
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, in.y, UI_ALIGN_LEFT, ctx->theme->surprise, cut);
        return;
    }

    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    /* Heights: drop the formula's second line, its first, then the legend while short. */
    int legend = 1, lines = 2;
    SDL_Rect plot;
    int xlabel_y = 0;
    for (;;) {
        int top = in.y + (legend ? lh + ctx->pad / 2 : 0) + tick_h / 2;
        int bottom = in.y + in.h - (lines > 0 ? lines * lh + (lines - 1) * (ctx->pad / 4) + ctx->pad / 2 : 0);
        xlabel_y = bottom - tick_h;
        plot.y = top + tick_h + 2; /* room for a mean's name above the taller peak */
        plot.h = xlabel_y - ctx->pad / 3 - 1 - plot.y;
        if (plot.h >= 4 * tick_h || (lines == 0 && !legend)) break;
        if (lines > 0) lines--;
        else legend = 0;
    }
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0.25");
    plot.x = in.x + tick_h + ctx->pad / 2 + tick_w + ctx->pad / 2;
    plot.w = in.x + in.w - (ui_text_width(ctx->text, UI_FONT_LABEL, "V") + ctx->pad / 2) - plot.x;
    if (plot.h < 2 * tick_h || plot.w < 40) return;

    frame_map f = {plot, 0.0, 0.0, 1.0};
    ranges(gp, mu_q, sigma_q, &f);
    ui_claims pl = {.n = 0};
    if (legend) draw_legend(ctx, in, gp, mu_q, sigma_q);
    draw_y_axis(ctx, &f, in, &pl);
    draw_x_axis(ctx, &f, in, xlabel_y, &pl);
    draw_densities(ctx, &f, gp, mu_q, sigma_q);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, ui_lw(ctx, 1.0f), ctx->theme->axis);
    draw_stability_note(ctx, plot, in, s, &pl);
    mark_mean(ctx, &f, in, gp->mu_p, gp->sigma_p, ctx->theme->truth, "μ_p", &pl);
    mark_mean(ctx, &f, in, mu_q, sigma_q, ctx->theme->model, "μ_q", &pl);
    if (lines > 0) {
        double terms[2];
        xl_gauss_terms(gp, theta, &terms[0], &terms[1]);
        g->formula_lines = draw_formula(ctx, in, xlabel_y + tick_h + ctx->pad / 2, lines, terms, &pl);
    }

    g->drawn = 1;
    g->plot = plot;
    g->x_lo = f.lo;
    g->x_hi = f.hi;
    g->y_max = f.y_max;
}

static void own_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_gaussian_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_gaussian_own_panel = {.scenario = &xl_scenario_gaussian, .draw = own_draw};

/* ui_panel_solids: the two solids' panels (see ui_panel_solids.h).
 *
 * TWO SOLIDS, top to bottom: a legend row (the shade of 0, 1, 2, ... units); the
 * picture: A's block, the thermometers with the heat arrow between them, B's block;
 * under each block two lines (its oscillators, its units); under all, up to three lines
 * of the last Clausius window. A short panel drops the third Clausius line, the second
 * caption line, the legend, then the other Clausius lines: the picture is the point.
 *
 * The blocks share one pitch and one row count, so A's width against B's is N_A against
 * N_B: a small solid beside a large one looks small. The pitch is the largest whole one
 * (capped at two text lines) at which both blocks and the thermometers fit the width.
 * Past CELLS_MAX oscillators, or below CELL_MIN_PITCH, cells stand for m consecutive
 * oscillators, m on the 1-2-5 ladder; the q_A chain keeps no energies, so its blocks
 * take one shade per solid, the mean, and the legend row says why.
 *
 * The shade's full value, `energy_top`, is twice the mean units per oscillator when
 * the energy is shared by all (at least 2): the hot solid's start reads dark, the
 * shared state mid, and it does not change while the run goes on.
 *
 * The thermometers' scale runs to a nice number above the hottest either solid can be
 * (all q in the smaller one), so it too stays still over a run. The arrow's direction
 * compares e^(−1/T_A) = q_A/(q_A + N_A − 1) with e^(−1/T_B) in whole numbers, exactly.
 *
 * HOW MANY WAYS is ui_panel_solids_ways.c; the helpers both share are declared in
 * ui_panel_solids_internal.h.
 *
 * Secondary labels are placed only where they touch no label already placed (claims);
 * every coordinate passes through ui_draw_clamp or integer rectangles inside the panel.
 */
#include "ui_panel_solids.h"
#include "ui_lang.h"

#include "ui_own_panels.h"
#include "ui_panel_solids_internal.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_scn_solids.h"

enum {
    CELLS_MAX = 4000,
    CELL_MIN_PITCH = 4,   /* a 3-pixel fill and a 1-pixel gap */
    BLOCK_MIN_PITCH = 3,
    LEGEND_LEVELS_MAX = 6 /* discrete swatches up to this many units, a ramp beyond */
};

/* The flow strength (flow_strength) at which the heat arrow is drawn at full length. */
#define FLOW_FULL 0.25

#define THIN_SPACE "\xE2\x80\x89"

const xl_solids_state *ui_solids_state(const xl_session *s)
{
    if (!s || xl_session_scenario(s) != &xl_scenario_solids) return NULL;
    return xl_session_state(s);
}

/* The first of texts[0..n-1] at most max_w wide, or NULL. */
static const char *first_fitting(const ui_ctx *ctx, ui_font font, const char *const *texts, int n, int max_w)
{
    for (int i = 0; i < n; i++)
        if (texts[i] && ui_text_width(ctx->text, font, texts[i]) <= max_w) return texts[i];
    return NULL;
}

/* The subtitle that fits beside the title, as ui_panel_begin measures it. */
const char *ui_solids_pick_subtitle(const ui_ctx *ctx, SDL_Rect area, const char *title, const char *const *texts,
                                 int n)
{
    int room = area.w - 3 * ctx->pad - ui_text_width(ctx->text, UI_FONT_TITLE, title);
    return first_fitting(ctx, UI_FONT_LABEL, texts, n, room);
}

/* The first wording of texts[] that fits w and claims its box at (x, y); 1 if drawn. */
static int say(const ui_ctx *ctx, int x, int y, int w, SDL_Rect in, SDL_Color colour, const char *const *texts,
               int n, ui_claims *pl)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    for (int i = 0; i < n; i++) {
        if (!texts[i]) continue;
        int tw = ui_text_width(ctx->text, UI_FONT_LABEL, texts[i]);
        if (tw > w) continue;
        SDL_Rect box = {x, y, tw, lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, x, y, UI_ALIGN_LEFT, colour, texts[i]);
        return 1;
    }
    return 0;
}

/* Every glyph and colour the panels' words may need, touched once a frame: a wording
 * seen for the first time mid-run (the first window that runs backwards: "✗", "<", the
 * vermillion line) must not rasterize glyphs or make an atlas copy then, since steady
 * frames allocate nothing. After the first frame this costs a few lookups. */
void ui_solids_prime_text(const ui_ctx *ctx, SDL_Rect in)
{
    static const char all[] = " !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz|"
                              "ΔΩ≥→·−✓✗×⁰¹²³⁴⁵⁶⁷⁸⁹⁻∞…" THIN_SPACE;
    const ui_theme *th = ctx->theme;
    const SDL_Color colours[] = {th->text, th->text_dim, th->inherent, th->surprise};
    const ui_font fonts[] = {UI_FONT_LABEL, UI_FONT_TICK};
    for (int f = 0; f < 2; f++) {
        ui_text_width(ctx->text, fonts[f], all);
        for (int c = 0; c < 4; c++) ui_text_draw(ctx->text, fonts[f], in.x, in.y, UI_ALIGN_LEFT, colours[c], "");
    }
}

/* ---- colours ---- */

static SDL_Color empty_fill(const ui_theme *th)
{
    /* Neutral, far in lightness from every step of the ramp in either theme. */
    return th->kind == UI_THEME_DARK ? (SDL_Color){0x3A, 0x3E, 0x48, 255} : (SDL_Color){0xE6, 0xE6, 0xEA, 255};
}

static SDL_Color empty_edge(const ui_theme *th)
{
    return th->kind == UI_THEME_DARK ? (SDL_Color){0x6A, 0x6F, 0x7A, 255} : (SDL_Color){0x9A, 0x9A, 0xA4, 255};
}

SDL_Color ui_solids_shade(const ui_theme *th, double units, double top)
{
    if (!(units > 0.0)) return empty_fill(th);
    if (!(top >= 1.0)) top = 1.0;
    double t = units / top;
    if (t > 1.0) t = 1.0;
    /* One hue, vermillion (Okabe-Ito's), in lightness steps, so the order reads without
     * colour: on white more energy is darker, on the dark theme brighter. */
    const SDL_Color v = {0xD5, 0x5E, 0x00, 255};
    SDL_Color lo, hi;
    if (th->kind == UI_THEME_DARK) {
        lo = (SDL_Color){0x6E, 0x3A, 0x1E, 255};
        hi = (SDL_Color){0xFF, 0xD2, 0xA8, 255};
    } else {
        lo = (SDL_Color){0xF8, 0xCF, 0xA8, 255};
        hi = (SDL_Color){0x62, 0x26, 0x00, 255};
    }
    return t <= 0.5 ? ui_mix(lo, v, (float)(t / 0.5)) : ui_mix(v, hi, (float)((t - 0.5) / 0.5));
}

/* Twice the mean units per oscillator of the whole, at least 2. */
static double energy_top(const xl_solids_state *st)
{
    double mean = (double)st->q / (double)(st->n_a + st->n_b);
    double top = ceil(2.0 * mean);
    return top < 2.0 ? 2.0 : top;
}

/* ---- TWO SOLIDS ---- */

typedef struct grid_fit {
    int pitch, rows, cols[2];
} grid_fit;

/* The largest pitch (cap down to min_pitch) at which count[0] and count[1] cells, in
 * blocks of one row count, fit w (both blocks' widths) by h. pitch 0 if none fits. */
static grid_fit fit_pair(const long count[2], int w, int h, int cap, int min_pitch)
{
    grid_fit f = {0, 0, {0, 0}};
    for (int p = cap; p >= min_pitch; p--) {
        long rows = h / p;
        if (rows < 1) continue;
        long c0 = (count[0] + rows - 1) / rows, c1 = (count[1] + rows - 1) / rows;
        if ((c0 + c1) * p > w) continue;
        f.pitch = p;
        f.cols[0] = (int)c0;
        f.cols[1] = (int)c1;
        f.rows = (int)rows;
        return f;
    }
    return f;
}

static long ladder_next(long v)
{
    for (long decade = 1;; decade *= 10)
        for (int i = 0; i < 3; i++) {
            const long steps[3] = {1, 2, 5};
            if (steps[i] * decade > v) return steps[i] * decade;
        }
}

/* Units held by oscillators [a, b) of the state's energies. */
static double units_in(const xl_solids_state *st, long a, long b)
{
    double sum = 0.0;
    for (long i = a; i < b; i++) sum += st->energy[i];
    return sum;
}

static void draw_solid(const ui_ctx *ctx, const xl_solids_state *st, int which, const ui_solids_geom *g)
{
    const long n = which == 0 ? st->n_a : st->n_b;
    const long base = which == 0 ? 0 : st->n_a;
    const long q_own = which == 0 ? st->q_a : st->q - st->q_a;
    const int fill = g->pitch - g->gap;
    const int edged = g->view == UI_SOLIDS_CELLS && fill >= 8;
    const SDL_Color edge = empty_edge(ctx->theme);
    const long per = g->per_cell > 1 ? g->per_cell : 1;
    const long cells = (n + per - 1) / per;
    const SDL_Rect box = g->grid[which];
    /* Chain mode: one shade, the mean, over the whole block (ragged last row kept). */
    const SDL_Color mean_shade = ui_solids_shade(ctx->theme, (double)q_own / (double)n, g->energy_top);
    for (long i = 0; i < cells; i++) {
        int col = (int)(i % g->cols[which]), row = (int)(i / g->cols[which]);
        SDL_Rect r = {box.x + col * g->pitch, box.y + row * g->pitch, fill, fill};
        SDL_Color c = mean_shade;
        double units = 0.0;
        if (g->view != UI_SOLIDS_CHAIN) {
            long a = base + i * per, b = base + (i + 1) * per;
            if (b > base + n) b = base + n;
            units = units_in(st, a, b) / (double)(b - a);
            c = ui_solids_shade(ctx->theme, units, g->energy_top);
        } else {
            units = (double)q_own / (double)n;
        }
        ui_draw_fill(ctx->r, r, c);
        if (edged && !(units > 0.0)) ui_draw_frame(ctx->r, r, 1, edge);
    }
}

/* The legend: "units per oscillator:" and a swatch per level 0..top (the last "≥top"),
 * or a ramp from 0 to top; in chain mode a line saying why the blocks are flat. */
static void draw_solids_legend(const ui_ctx *ctx, SDL_Rect in, const ui_solids_geom *g, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int sw = lh * 7 / 10;
    if (g->view == UI_SOLIDS_CHAIN) {
        const char *t[] = {_("too many oscillators to follow one by one: each solid shaded by its mean units"),
                           _("too many to follow one by one: shade = mean units"),
                           _("shade = mean units per oscillator"), _("mean units")};
        say(ctx, in.x, in.y, in.w, in, th->text_dim, t, 4, pl);
        return;
    }
    const int top = (int)g->energy_top;
    const char *heads[] = {_("units per oscillator:"), _("units:"), ""};
    /* Blocks show means, any shade of the ramp: a ramp says so; cells hold whole units. */
    const int discrete = top <= LEGEND_LEVELS_MAX && g->per_cell <= 1;
    /* Width of the swatches part. */
    char lab[LEGEND_LEVELS_MAX + 1][24];
    int parts_w = 0;
    if (discrete) {
        for (int k = 0; k <= top; k++) {
            snprintf(lab[k], sizeof lab[k], k == top ? "≥%d" : "%d", k);
            parts_w += sw + lh / 4 + ui_text_width(ctx->text, UI_FONT_LABEL, lab[k]) + lh / 2;
        }
    } else {
        snprintf(lab[0], sizeof lab[0], "0");
        char grouped[24];
        snprintf(lab[1], sizeof lab[1], "≥%s", ui_format_count(grouped, sizeof grouped, top));
        parts_w = ui_text_width(ctx->text, UI_FONT_LABEL, lab[0]) + lh / 4 + 4 * lh + lh / 4 +
                  ui_text_width(ctx->text, UI_FONT_LABEL, lab[1]);
    }
    if (g->per_cell > 1) { /* blocks: the shade is a mean */
        heads[0] = _("mean units per oscillator:");
        heads[1] = _("mean units:");
    }
    int x = in.x;
    for (int i = 0; i < 3; i++) {
        int hw = heads[i][0] ? ui_text_width(ctx->text, UI_FONT_LABEL, heads[i]) + lh / 3 : 0;
        if (hw + parts_w > in.w) continue;
        if (hw) {
            ui_text_draw(ctx->text, UI_FONT_LABEL, x, in.y, UI_ALIGN_LEFT, th->text, heads[i]);
            ui_claim(pl, (SDL_Rect){x, in.y, hw - lh / 3, lh}, in, 0);
        }
        x += hw;
        break;
    }
    if (x == in.x && parts_w > in.w) return;
    int sy = in.y + (lh - sw) / 2;
    if (discrete) {
        for (int k = 0; k <= top; k++) {
            SDL_Rect b = {x, sy, sw, sw};
            ui_draw_fill(ctx->r, b, ui_solids_shade(th, k, top));
            if (k == 0) ui_draw_frame(ctx->r, b, 1, empty_edge(th));
            x += sw + lh / 4;
            int tw = ui_text_draw(ctx->text, UI_FONT_LABEL, x, in.y, UI_ALIGN_LEFT, th->text, lab[k]);
            ui_claim(pl, (SDL_Rect){x, in.y, tw, lh}, in, 0);
            x += tw + lh / 2;
        }
        return;
    }
    int tw = ui_text_draw(ctx->text, UI_FONT_LABEL, x, in.y, UI_ALIGN_LEFT, th->text, lab[0]);
    ui_claim(pl, (SDL_Rect){x, in.y, tw, lh}, in, 0);
    x += tw + lh / 4;
    int rw = 4 * lh;
    for (int i = 0; i < rw; i++)
        ui_draw_fill(ctx->r, (SDL_Rect){x + i, sy, 1, sw},
                     ui_solids_shade(th, i == 0 ? 0.0 : (double)top * i / (rw - 1), top));
    x += rw + lh / 4;
    tw = ui_text_draw(ctx->text, UI_FONT_LABEL, x, in.y, UI_ALIGN_LEFT, th->text, lab[1]);
    ui_claim(pl, (SDL_Rect){x, in.y, tw, lh}, in, 0);
}

/* +1 when heat flows A → B on average (T_A > T_B), -1 for B → A, 0 when the
 * temperatures are equal or the solids do not touch. Exact: e^(−1/T) = q/(q + n − 1). */
static int flow_direction(const xl_solids_state *st)
{
    if (!st->contact) return 0;
    long long qa = st->q_a, qb = st->q - st->q_a;
    long long lhs = qa * (qb + st->n_b - 1), rhs = qb * (qa + st->n_a - 1);
    return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}

/* How strongly heat flows now, 0..1: the relative difference of the rates at which a
 * unit leaves each solid, e^(−1/T) = q/(q + n − 1) (1 when one solid is at T = 0, 0
 * when the temperatures are equal). */
static double flow_strength(const xl_solids_state *st)
{
    const long qb = st->q - st->q_a;
    const double xa = st->q_a > 0 ? (double)st->q_a / (double)(st->q_a + st->n_a - 1) : 0.0;
    const double xb = qb > 0 ? (double)qb / (double)(qb + st->n_b - 1) : 0.0;
    const double m = fmax(xa, xb);
    return st->contact && m > 0.0 ? fabs(xa - xb) / m : 0.0;
}

/* The hottest either solid can be: all q in the smaller one; a nice number above it. */
static double thermo_top(const xl_solids_state *st)
{
    double t = fmax(xl_solids_temperature(st->n_a, st->q), xl_solids_temperature(st->n_b, st->q));
    double top = ui_nice_ceil(t > 0.0 ? 1.02 * t : 1.0);
    return top > 0.0 && isfinite(top) ? top : 1.0;
}

static void draw_tube(const ui_ctx *ctx, SDL_Rect tube, int bulb_r, double t, double top, int *fill_top)
{
    const ui_theme *th = ctx->theme;
    SDL_Color hot = th->surprise;
    int lw = (int)ui_lw(ctx, 1.0f);
    if (lw < 1) lw = 1;
    double share = top > 0.0 ? t / top : 0.0;
    if (!(share >= 0.0)) share = 0.0;
    if (share > 1.0) share = 1.0;
    int fh = (int)lround(share * tube.h);
    *fill_top = tube.y + tube.h - fh;
    float cx = tube.x + tube.w / 2.0f, cy = (float)(tube.y + tube.h + bulb_r - lw);
    /* The bulb and the column of mercury, then the glass around them. */
    ui_draw_disc(ctx->r, cx, cy, (float)bulb_r, th->axis);
    ui_draw_disc(ctx->r, cx, cy, (float)(bulb_r - lw), hot);
    ui_draw_fill(ctx->r, (SDL_Rect){tube.x - lw, tube.y - lw, tube.w + 2 * lw, tube.h + lw}, th->axis);
    ui_draw_fill(ctx->r, tube, th->panel);
    if (fh > 0) ui_draw_fill(ctx->r, (SDL_Rect){tube.x, *fill_top, tube.w, fh}, hot);
    /* The neck where the bulb meets the tube, filled. */
    ui_draw_fill(ctx->r, (SDL_Rect){tube.x, tube.y + tube.h - lw, tube.w, 2 * lw}, hot);
}

/* Up to three lines about the last closed Clausius window from y; returns lines drawn. */
static int draw_clausius(const ui_ctx *ctx, SDL_Rect in, int y, int lines, const xl_solids_state *st,
                         ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const double k = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit);
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    /* The window the readouts show: the last closed one, or the first so far. */
    xl_solids_window shown;
    const int closed = xl_solids_shown_window(st, &shown);
    const xl_solids_window *w = &shown;
    char win[32], t[4][200];
    ui_format_count(win, sizeof win, closed ? st->window : w->exchanges);
    if (!closed && w->exchanges == 0) {
        ui_format_count(win, sizeof win, st->window);
        snprintf(t[0], sizeof t[0], _("Clausius's dS ≥ dQ/T is checked every %s exchanges"), win);
        snprintf(t[1], sizeof t[1], _("dS ≥ dQ/T: every %s exchanges"), win);
        snprintf(t[2], sizeof t[2], _("no exchange yet"));
        const char *tx[] = {t[0], t[1], t[2]};
        return say(ctx, in.x, y, in.w, in, th->text_dim, tx, 3, pl);
    }
    char dq[32], ds[32], recv[32], bound[32];
    int drawn = 0;
    ui_format_count(dq, sizeof dq, w->heat < 0 ? -w->heat : w->heat);
    ui_format_fit(ds, sizeof ds, (w->ds_a + w->ds_b) * k, 3, 8);
    const char *sign = w->ds_a + w->ds_b > 0.0 ? "+" : "";
    const char *dir = w->heat > 0 ? "A → B" : "B → A";
    if (w->heat != 0) {
        /* Whole sentences for the last and the first window: a translation agrees the
         * adjective with its noun. */
        const char *units = w->heat == 1 || w->heat == -1 ? _("unit") : _("units");
        snprintf(t[0], sizeof t[0],
                 closed ? _("last %s exchanges: ΔQ = %s %s %s, ΔS_A + ΔS_B = %s%s %s")
                        : _("first %s exchanges: ΔQ = %s %s %s, ΔS_A + ΔS_B = %s%s %s"),
                 win, dq, units, dir, sign, ds, unit);
        snprintf(t[1], sizeof t[1], closed ? _("last window: ΔQ = %s %s, ΔS = %s%s %s") : _("first window: ΔQ = %s %s, ΔS = %s%s %s"),
                 dq, dir, sign, ds, unit);
        snprintf(t[2], sizeof t[2], "ΔQ = %s %s, ΔS = %s%s", dq, dir, sign, ds);
    } else {
        snprintf(t[0], sizeof t[0],
                 closed ? _("last %s exchanges: no net heat, ΔS_A + ΔS_B = %s%s %s")
                        : _("first %s exchanges: no net heat, ΔS_A + ΔS_B = %s%s %s"),
                 win, sign, ds, unit);
        snprintf(t[1], sizeof t[1], closed ? _("last window: ΔQ = 0, ΔS = %s%s %s") : _("first window: ΔQ = 0, ΔS = %s%s %s"),
                 sign, ds, unit);
        snprintf(t[2], sizeof t[2], "ΔQ = 0, ΔS = %s%s", sign, ds);
    }
    const char *l1[] = {t[0], t[1], t[2]};
    int x = in.x;
    drawn += say(ctx, x, y, in.w, in, th->text, l1, 3, pl);
    if (lines < 2) return drawn;
    y += lh;
    if (w->heat != 0) {
        /* Clausius's form: the receiver's gain against the heat over the temperature of
         * the body the heat came from. */
        const int ab = w->heat > 0;
        double gain = ab ? w->ds_b : w->ds_a, t_src = ab ? w->t_a0 : w->t_b0;
        double q_over_t = t_src > 0.0 ? (double)(ab ? w->heat : -w->heat) / t_src : INFINITY;
        double margin = xl_solids_clausius_margin(w);
        const int holds = margin >= 0.0;
        ui_format_fit(recv, sizeof recv, gain * k, 3, 8);
        ui_format_fit(bound, sizeof bound, q_over_t * k, 3, 8);
        const char *mark = holds ? "✓" : "✗";
        const char *rel = holds ? "≥" : "<";
        const char *sr = ab ? "ΔS_B" : "ΔS_A", *src = ab ? "T_A" : "T_B";
        const char *qq = ab ? "ΔQ" : "|ΔQ|";
        snprintf(t[0], sizeof t[0], _("%s Clausius: %s = %s %s %s/%s = %s (T of the body it came from)"), mark, sr,
                 recv, rel, qq, src, bound);
        snprintf(t[1], sizeof t[1], _("%s Clausius: %s = %s %s %s/%s = %s"), mark, sr, recv, rel, qq, src, bound);
        snprintf(t[2], sizeof t[2], "%s %s = %s %s %s/%s = %s", mark, sr, recv, rel, qq, src, bound);
        snprintf(t[3], sizeof t[3], "%s %s %s %s", mark, recv, rel, bound);
        const char *l2[] = {t[0], t[1], t[2], t[3]};
        drawn += say(ctx, x, y, in.w, in, holds ? th->inherent : th->surprise, l2, 4, pl);
    } else {
        const char *l2[] = {_("Clausius: nothing to check (no net heat)"), _("no net heat")};
        drawn += say(ctx, x, y, in.w, in, th->text_dim, l2, 2, pl);
    }
    if (lines < 3) return drawn;
    y += lh;
    int kept = st->window_count < XL_SOLIDS_WINDOWS ? st->window_count : XL_SOLIDS_WINDOWS;
    int back = xl_solids_backwards(st);
    if (kept == 0) {
        ui_format_count(win, sizeof win, st->window);
        snprintf(t[0], sizeof t[0], _("a window closes every %s exchanges: none yet"), win);
        snprintf(t[1], sizeof t[1], _("windows of %s exchanges: none yet"), win);
        snprintf(t[2], sizeof t[2], _("no window closed yet"));
        const char *l0[] = {t[0], t[1], t[2]};
        return drawn + say(ctx, x, y, in.w, in, th->text_dim, l0, 3, pl);
    }
    snprintf(t[0], sizeof t[0],
             kept == 1 ? _("backwards (S fell): %d of the last %d window") : _("backwards (S fell): %d of the last %d windows"),
             back, kept);
    snprintf(t[1], sizeof t[1], kept == 1 ? _("S fell in %d of %d window") : _("S fell in %d of %d windows"), back, kept);
    snprintf(t[2], sizeof t[2], _("backwards %d/%d"), back, kept);
    const char *l3[] = {t[0], t[1], t[2]};
    drawn += say(ctx, x, y, in.w, in, back > 0 ? th->text : th->text_dim, l3, 3, pl);
    return drawn;
}

/* The two lines under solid `which`, centred under its block within [lo, hi). */
static void draw_caption(const ui_ctx *ctx, SDL_Rect in, const xl_solids_state *st, int which, SDL_Rect grid,
                         int lo, int hi, int y, int lines, ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const long n = which == 0 ? st->n_a : st->n_b;
    const long q = which == 0 ? st->q_a : st->q - st->q_a;
    const char *name = which == 0 ? "A" : "B";
    char nn[32], qq[32], t[3][96], u[3][96];
    ui_format_count(nn, sizeof nn, n);
    ui_format_count(qq, sizeof qq, q);
    snprintf(t[0], sizeof t[0], _("%s: N_%s = %s oscillators"), name, name, nn);
    snprintf(t[1], sizeof t[1], "%s: N_%s = %s", name, name, nn);
    snprintf(t[2], sizeof t[2], "N_%s = %s", name, nn);
    snprintf(u[0], sizeof u[0], _("q_%s = %s units"), name, qq);
    snprintf(u[1], sizeof u[1], "q_%s = %s", name, qq);
    /* The narrowest still names what it counts: q in thousands or millions (≈ when the
     * rounding drops digits), never a bare number. */
    if (q >= 10000) {
        const double scale = q >= 1000000 ? 1e6 : 1e3;
        char short_q[24];
        snprintf(short_q, sizeof short_q, "%.3g", (double)q / scale);
        const int exact = llround(strtod(short_q, NULL) * scale) == (long long)q;
        snprintf(u[2], sizeof u[2], "q_%s %s %s%s", name, exact ? "=" : "≈", short_q, scale > 1e3 ? "M" : "k");
    } else {
        snprintf(u[2], sizeof u[2], "q_%s = %s", name, qq);
    }
    const char *const rows[2][3] = {{t[0], t[1], t[2]}, {u[0], u[1], u[2]}};
    for (int r = 0; r < lines && r < 2; r++) {
        const char *text = first_fitting(ctx, UI_FONT_LABEL, rows[r], 3, hi - lo);
        if (!text) continue;
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, text);
        int x = grid.x + grid.w / 2 - w / 2;
        if (x + w > hi) x = hi - w;
        if (x < lo) x = lo;
        SDL_Rect box = {x, y + r * lh, w, lh};
        if (ui_claim(pl, box, in, 1)) ui_text_draw(ctx->text, UI_FONT_LABEL, x, box.y, UI_ALIGN_LEFT, th->text, text);
    }
}

void ui_solids_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_solids_geom *geom)
{
    ui_solids_geom local;
    ui_solids_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const xl_solids_state *st = ui_solids_state(s);
    if (!st) {
        ui_panel_begin(ctx, area, _("TWO SOLIDS"), NULL);
        return;
    }
    const ui_theme *th = ctx->theme;
    char qs[32], sub[3][96];
    ui_format_count(qs, sizeof qs, st->q);
    const char *how = st->contact ? _("touching") : _("apart: no heat passes");
    snprintf(sub[0], sizeof sub[0], _("%s units shared · %s"), qs, how);
    snprintf(sub[1], sizeof sub[1], "q = %s · %s", qs, st->contact ? _("touching") : _("apart"));
    snprintf(sub[2], sizeof sub[2], "q = %s", qs);
    const char *subs[] = {sub[0], sub[1], sub[2]};
    SDL_Rect in = ui_panel_begin(ctx, area, _("TWO SOLIDS"), ui_solids_pick_subtitle(ctx, area, _("TWO SOLIDS"), subs, 3));
    ui_solids_prime_text(ctx, in);
    if (in.w < 80 || in.h < 60 || st->n_a < 1 || st->n_b < 1) return;

    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int gap_small = ctx->pad / 4;
    /* Heights: drop the third Clausius line, the second caption line, the legend, then
     * the Clausius lines while the picture is short. */
    int legend = 1, captions = 2, clausius = 3;
    SDL_Rect pic;
    for (;;) {
        int top = in.y + (legend ? lh + ctx->pad / 2 : 0);
        int below = (captions ? captions * lh + gap_small : 0) + (clausius ? clausius * lh + ctx->pad / 2 : 0);
        pic = (SDL_Rect){in.x, top, in.w, in.y + in.h - below - top};
        if (pic.h >= 5 * lh || (!legend && !clausius && captions <= 1)) break;
        if (clausius > 2) clausius = 2;
        else if (captions > 1) captions = 1;
        else if (legend) legend = 0;
        else if (clausius > 0) clausius--;
        else captions = 0;
    }
    if (pic.h < 3 * lh) return;

    /* The middle column: "T_A" and its value over each tube, the arrow between the
     * tubes (at least as long as "heat"), the scale's ticks left of A's tube. */
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int tlab = ui_text_width(ctx->text, UI_FONT_LABEL, "0.000");
    int arrow_w = ui_text_width(ctx->text, UI_FONT_TICK, _("heat")) + ctx->pad;
    int mid_w = 2 * tlab + (arrow_w > tlab ? arrow_w - tlab / 2 : tlab / 2) + ctx->pad;
    int sep = ctx->pad;
    int grids_w = in.w - mid_w - 2 * sep;
    if (grids_w < 20) return;

    /* The blocks: cells, then blocks of m, while they fit. */
    const long count[2] = {st->n_a, st->n_b};
    grid_fit fit = {0, 0, {0, 0}};
    long per = 1;
    ui_solids_view view = UI_SOLIDS_CELLS;
    if (st->mode == XL_SOLIDS_CHAIN) view = UI_SOLIDS_CHAIN;
    if (view == UI_SOLIDS_CELLS && st->n_a + st->n_b <= CELLS_MAX)
        fit = fit_pair(count, grids_w, pic.h, 2 * lh, CELL_MIN_PITCH);
    if (fit.pitch == 0) {
        if (view == UI_SOLIDS_CELLS) view = UI_SOLIDS_BLOCKS;
        for (per = 2;; per = ladder_next(per)) {
            const long c[2] = {(count[0] + per - 1) / per, (count[1] + per - 1) / per};
            if (c[0] + c[1] > 40000) continue;
            fit = fit_pair(c, grids_w, pic.h, 2 * lh, BLOCK_MIN_PITCH);
            if (fit.pitch > 0 || per > count[0] + count[1]) break;
        }
        if (fit.pitch == 0) return;
    }
    g->view = view;
    g->pitch = fit.pitch;
    g->gap = view == UI_SOLIDS_CELLS ? (fit.pitch >= 16 ? fit.pitch / 8 : 1) : 0;
    g->per_cell = per;
    g->energy_top = energy_top(st);
    for (int i = 0; i < 2; i++) {
        long cells = (count[i] + per - 1) / per;
        g->cols[i] = fit.cols[i];
        g->rows[i] = (int)((cells + fit.cols[i] - 1) / fit.cols[i]);
    }
    /* The whole row centred: A's block, the middle column, B's block. */
    int wa = g->cols[0] * fit.pitch - g->gap, wb = g->cols[1] * fit.pitch - g->gap;
    int total = wa + sep + mid_w + sep + wb;
    int x0 = in.x + (in.w - total) / 2;
    int ha = g->rows[0] * fit.pitch - g->gap, hb = g->rows[1] * fit.pitch - g->gap;
    g->grid[0] = (SDL_Rect){x0, pic.y + (pic.h - ha) / 2, wa, ha};
    g->grid[1] = (SDL_Rect){x0 + wa + sep + mid_w + sep, pic.y + (pic.h - hb) / 2, wb, hb};
    SDL_Rect mid = {x0 + wa + sep, pic.y, mid_w, pic.h};

    draw_solid(ctx, st, 0, g);
    draw_solid(ctx, st, 1, g);

    ui_claims pl = {.n = 0};
    if (legend) draw_solids_legend(ctx, in, g, &pl);

    /* The thermometers. */
    const double ta = xl_solids_temperature(st->n_a, st->q_a);
    const double tb = xl_solids_temperature(st->n_b, st->q - st->q_a);
    g->t_top = thermo_top(st);
    int tube_w = lh / 2 < 6 ? 6 : lh / 2;
    int bulb_r = tube_w;
    int tube_top = mid.y + 2 * lh + tick_h / 2 + ctx->pad / 3;
    int tube_h = mid.y + mid.h - 2 * bulb_r - tube_top;
    if (tube_h >= 2 * lh) {
        const double temps[2] = {ta, tb};
        for (int i = 0; i < 2; i++) {
            int cx = i == 0 ? mid.x + tlab / 2 : mid.x + mid.w - tlab / 2;
            g->tube[i] = (SDL_Rect){cx - tube_w / 2, tube_top, tube_w, tube_h};
            draw_tube(ctx, g->tube[i], bulb_r, temps[i], g->t_top, &g->fill_top[i]);
            char v[32], l[16];
            if (temps[i] == 0.0) snprintf(v, sizeof v, "0");
            else ui_format_fit(v, sizeof v, temps[i], 3, 5);
            snprintf(l, sizeof l, "T_%s", i == 0 ? "A" : "B");
            const char *two[2] = {l, v};
            for (int r = 0; r < 2; r++) {
                int w = ui_text_width(ctx->text, UI_FONT_LABEL, two[r]);
                SDL_Rect box = {cx - w / 2, mid.y + r * lh, w, lh};
                if (ui_claim(&pl, box, in, 1))
                    ui_text_draw(ctx->text, UI_FONT_LABEL, box.x, box.y, UI_ALIGN_LEFT, r ? th->text : th->text_dim,
                                 two[r]);
            }
            char h0[112], h1[96];
            const char *nm = i == 0 ? "A" : "B";
            snprintf(h0, sizeof h0, _("solid %s: T_%s = %s (units of the quantum, k = 1)"), nm, nm, v);
            snprintf(h1, sizeof h1, _("1/T = dS/dq = ln((q + N − 1)/q), the entropy of one unit"));
            ui_hit_add(ctx, (SDL_Rect){cx - tlab / 2, tube_top, tlab, tube_h + 2 * bulb_r}, h0, h1,
                       _("both thermometers share one scale"));
        }
        /* The scale: 0 and its top beside A's tube, at its left. */
        char top_s[32];
        ui_format_tick(top_s, sizeof top_s, g->t_top, g->t_top);
        const char *marks[2] = {top_s, "0"};
        const int ys[2] = {tube_top, tube_top + tube_h};
        for (int i = 0; i < 2; i++) {
            int w = ui_text_width(ctx->text, UI_FONT_TICK, marks[i]);
            int right = g->tube[0].x - (int)ui_lw(ctx, 1.0f) - ctx->pad / 2;
            SDL_Rect box = {right - w, ys[i] - tick_h / 2, w, tick_h};
            if (box.x >= mid.x - sep && ui_claim(&pl, box, in, 1)) {
                ui_text_draw(ctx->text, UI_FONT_TICK, box.x, box.y, UI_ALIGN_LEFT, th->text_dim, marks[i]);
                ui_draw_line(ctx->r, (float)right + 2, (float)ys[i], (float)g->tube[0].x - 1, (float)ys[i],
                             ui_lw(ctx, 1.0f), th->axis);
            }
        }
        /* The arrow from the hotter to the colder, at mid height, "heat" over it; its
         * length grows with the flow's strength (full from FLOW_FULL), so it shrinks as
         * the temperatures meet, and gives way to "≈" when too short to point. */
        g->arrow = flow_direction(st);
        float ay = tube_top + tube_h / 2.0f;
        float ax0 = (float)(g->tube[0].x + tube_w + ctx->pad / 2), ax1 = (float)(g->tube[1].x - ctx->pad / 2);
        float head = lh * 0.5f;
        float len = (float)((ax1 - ax0) * fmin(1.0, flow_strength(st) / FLOW_FULL));
        if (g->arrow != 0 && ax1 - ax0 > lh && len >= 1.5f * head) {
            float c = (ax0 + ax1) / 2.0f;
            float from = c - g->arrow * len / 2.0f, to = c + g->arrow * len / 2.0f;
            ui_draw_arrow(ctx->r, from, ay, to, ay, head, ui_lw(ctx, 2.0f), th->surprise);
            g->arrow_len = (int)lroundf(len);
            const char *word = _("heat");
            int w = ui_text_width(ctx->text, UI_FONT_TICK, word);
            SDL_Rect box = {(int)c - w / 2, (int)ay - tick_h - lh / 4, w, tick_h};
            if (ui_claim(&pl, box, in, 1))
                ui_text_draw(ctx->text, UI_FONT_TICK, box.x, box.y, UI_ALIGN_LEFT, th->text, word);
        } else if (ax1 - ax0 > lh) {
            const char *word = st->contact ? "≈" : _("apart");
            ui_font font = st->contact ? UI_FONT_LABEL : UI_FONT_TICK;
            int w = ui_text_width(ctx->text, font, word), fh = ui_text_line_height(ctx->text, font);
            SDL_Rect box = {(int)((ax0 + ax1) / 2.0f) - w / 2, (int)ay - fh / 2, w, fh};
            if (w <= ax1 - ax0 && ui_claim(&pl, box, in, 1))
                ui_text_draw(ctx->text, font, box.x, box.y, UI_ALIGN_LEFT, th->text_dim, word);
        }
    }

    /* Each block's tooltip. */
    for (int i = 0; i < 2; i++) {
        const long n = i == 0 ? st->n_a : st->n_b, q = i == 0 ? st->q_a : st->q - st->q_a;
        char h0[96], h1[96], h2[96], v[32];
        snprintf(h0, sizeof h0, _("solid %s: %ld oscillators holding %ld units"), i == 0 ? "A" : "B", n, q);
        snprintf(h1, sizeof h1, _("mean %.3g units per oscillator"), (double)q / (double)n);
        ui_format_fit(v, sizeof v, xl_solids_log_ways(n, q) * xl_unit_scale(ctx->unit), 3, 12);
        snprintf(h2, sizeof h2, "S_%s = ln C(q + N − 1, q) = %s %s", i == 0 ? "A" : "B", v, xl_unit_name(ctx->unit));
        ui_hit_add(ctx, g->grid[i], h0, h1, h2);
    }

    int y = pic.y + pic.h + gap_small;
    if (captions) {
        int split = mid.x + mid.w / 2;
        draw_caption(ctx, in, st, 0, g->grid[0], in.x, split - ctx->pad / 2, y, captions, &pl);
        draw_caption(ctx, in, st, 1, g->grid[1], split + ctx->pad / 2, in.x + in.w, y, captions, &pl);
        y += captions * lh;
    }
    if (clausius) g->clausius_lines = draw_clausius(ctx, in, y + ctx->pad / 2, clausius, st, &pl);
}

static void solids_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_solids_panel_draw(ctx, area, s, NULL);
}

static void ways_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_solids_ways_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_solids_own_panel = {
    .scenario = &xl_scenario_solids, .draw = solids_draw, .draw_side = ways_draw};

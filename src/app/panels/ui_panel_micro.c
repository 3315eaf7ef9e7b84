/* ui_panel_micro: the microstates panels (see ui_panel_micro.h).
 *
 * PARTICLES, top to bottom: a legend row; the picture, centred in the space left; one or
 * two lines of S = ln W(k) = ln C(n, k). When the panel is short the second line goes
 * first, then the legend, then the first line: the picture is the point.
 *
 * The picture. While n <= CELLS_MAX and a cell gets at least CELL_MIN_PITCH pixels,
 * each coin is its own square cell, laid out in the grid with the largest whole pitch
 * (ties: fewest empty cells, then the shape nearest the area's); the pitch is capped at
 * a few text lines, so two coins do not become two posters. Beyond that the coins are
 * cut into blocks of m consecutive coins, m on the 1-2-5 ladder so the caption reads
 * "100 coins", at most BLOCKS_X x BLOCKS_Y blocks of at least BLOCK_MIN_PITCH pixels a
 * side. Blocks may be oblong (up to 2:1), so the picture fills the panel rather than
 * the largest square grid inside it; each is shaded from the tails grey to the heads
 * blue by its share of heads.
 * Heads are counted from the bits a byte at a time, so n = 10⁶ costs 125 000 byte
 * lookups, and runs of equal shade along a row are one rectangle.
 *
 * MACROSTATES, top to bottom: a legend row; a row for the "now k = ..." label; the plot
 * (share up, k across) with y ticks and an upright "share" at its left; k ticks; the
 * axis title. Short panels lose the axis title, then the legend. k runs from -0.5 to
 * n + 0.5 so each whole k sits in the middle of its slot and a bin [a, b) spans
 * a - 0.5 .. b - 0.5. Both series are shares per bin (they sum to 1), so a bar and its
 * outline are comparable directly; y runs to a nice number above the taller, at most 1.
 * Bars wider than a few line widths carry W(k)/2ⁿ as an outline each; narrower ones
 * share one step outline over the bins' full widths, since a bar's own outline would
 * cover the whole bar. Outline parts lying on the axis are left out.
 *
 * Secondary labels are placed only where they touch no label already placed; every
 * coordinate passes through ui_draw_clamp or integer rectangles inside the panel.
 */
#include "ui_panel_micro.h"
#include "ui_lang.h"
#include "ui_lang.h"

#include "ui_own_panels.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ui_axis.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "xl_scn_micro.h"

enum {
    MAX_TICKS = 32,
    CELLS_MAX = 2500,
    CELL_MIN_PITCH = 4,   /* a 3-pixel fill and a 1-pixel gap */
    BLOCK_MIN_PITCH = 3,
    BLOCKS_X = 200,
    BLOCKS_Y = 120,
    SHADES = 64           /* levels of the block ramp: runs of equal shade merge */
};

static const xl_micro_state *micro_state(const xl_session *s)
{
    if (!s || xl_session_scenario(s) != &xl_scenario_micro) return NULL;
    return xl_session_state(s);
}


static const char *log_name(const ui_ctx *ctx)
{
    return ctx->unit == XL_BITS ? "log₂" : "ln";
}

/* The first of texts[0..n-1] at most max_w wide, or NULL. */
static const char *first_fitting(const ui_ctx *ctx, ui_font font, const char *const *texts, int n, int max_w)
{
    for (int i = 0; i < n; i++)
        if (ui_text_width(ctx->text, font, texts[i]) <= max_w) return texts[i];
    return NULL;
}

/* The subtitle that fits beside the title, as ui_panel_begin measures it. */
static const char *pick_subtitle(const ui_ctx *ctx, SDL_Rect area, const char *title, const char *const *texts,
                                 int n)
{
    int room = area.w - 3 * ctx->pad - ui_text_width(ctx->text, UI_FONT_TITLE, title);
    return first_fitting(ctx, UI_FONT_LABEL, texts, n, room);
}

/* ---- colours ---- */

static SDL_Color tails_fill(const ui_theme *th)
{
    /* Neutral, and far in lightness from the heads blue of either theme. */
    return th->kind == UI_THEME_DARK ? (SDL_Color){0x45, 0x4A, 0x55, 255} : (SDL_Color){0xE2, 0xE2, 0xE7, 255};
}

static SDL_Color tails_edge(const ui_theme *th)
{
    return th->kind == UI_THEME_DARK ? (SDL_Color){0x86, 0x8B, 0x96, 255} : (SDL_Color){0x8A, 0x8A, 0x94, 255};
}

/* ---- legends ---- */

typedef enum swatch_kind { SWATCH_FILL, SWATCH_OUTLINE, SWATCH_RAMP, SWATCH_LINE } swatch_kind;

typedef struct swatch {
    swatch_kind kind;
    SDL_Color a, b;  /* fill (outline, line) colour; b: the ramp's far end or the fill's edge */
    int edged;       /* SWATCH_FILL: draw b as a one-pixel edge */
} swatch;

static int swatch_width(const ui_ctx *ctx, swatch_kind kind)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    return kind == SWATCH_RAMP ? 2 * lh : kind == SWATCH_LINE ? lh : lh * 7 / 10;
}

static void draw_swatch(const ui_ctx *ctx, int x, int y, const swatch *sw)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int s = lh * 7 / 10, w = swatch_width(ctx, sw->kind);
    SDL_Rect box = {x, y + (lh - s) / 2, w, s};
    switch (sw->kind) {
    case SWATCH_FILL:
        ui_draw_fill(ctx->r, box, sw->a);
        if (sw->edged) ui_draw_frame(ctx->r, box, 1, sw->b);
        break;
    case SWATCH_OUTLINE: {
        int t = (int)ui_lw(ctx, 1.0f);
        ui_draw_frame(ctx->r, box, t < 1 ? 1 : t, sw->a);
        break;
    }
    case SWATCH_RAMP:
        for (int i = 0; i < w; i++)
            ui_draw_fill(ctx->r, (SDL_Rect){x + i, box.y, 1, s}, ui_mix(sw->a, sw->b, (float)i / (float)(w - 1)));
        ui_draw_frame(ctx->r, box, 1, tails_edge(ctx->theme));
        break;
    case SWATCH_LINE:
        ui_draw_line(ctx->r, x, y + lh / 2.0f, x + w, y + lh / 2.0f, ui_lw(ctx, 1.5f), sw->a);
        break;
    }
}

/* A swatch and the first of labels[0..n-1] that fits before x_end; the width used with
 * the space after it, or 0 if none fits. */
static int legend_item(const ui_ctx *ctx, int x, int y, int x_end, const swatch *sw, const char *const *labels,
                       int n)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int head = swatch_width(ctx, sw->kind) + lh / 3;
    const char *label = first_fitting(ctx, UI_FONT_LABEL, labels, n, x_end - x - head);
    if (!label) return 0;
    draw_swatch(ctx, x, y, sw);
    int tw = ui_text_draw(ctx->text, UI_FONT_LABEL, x + head, y, UI_ALIGN_LEFT, ctx->theme->text, label);
    return head + tw + lh;
}

/* ---- PARTICLES ---- */

/* Heads among coins [a, b): whole bytes by a nibble table, the ragged ends bit by bit. */
static long count_heads(const uint8_t *bits, long a, long b)
{
    static const uint8_t nibble[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
    long c = 0;
    for (; a < b && (a & 7); a++) c += (bits[a >> 3] >> (a & 7)) & 1;
    for (; a + 8 <= b; a += 8) c += nibble[bits[a >> 3] & 15] + nibble[bits[a >> 3] >> 4];
    for (; a < b; a++) c += (bits[a >> 3] >> (a & 7)) & 1;
    return c;
}

typedef struct grid_fit {
    int cols, rows, pitch_x, pitch_y;
} grid_fit;

/* The largest whole pitch (at most cap) at which count cells fit w x h pixels; on a tie
 * the layout with fewest empty cells, then the one shaped most like the area. */
static grid_fit fit_grid(long count, int w, int h, int cap)
{
    grid_fit best = {0, 0, 0, 0};
    long best_waste = 0;
    double best_shape = 0.0;
    if (count < 1 || w < 1 || h < 1) return best;
    long cmax = count < w ? count : w;
    for (long c = 1; c <= cmax; c++) {
        long r = (count + c - 1) / c;
        if (r > h) continue;
        long p = w / c < h / r ? w / c : h / r;
        if (p > cap) p = cap;
        if (p < 1) continue;
        long waste = c * r - count;
        double shape = fabs(log(((double)c / (double)r) / ((double)w / (double)h)));
        if (p > best.pitch_x ||
            (p == best.pitch_x && (waste < best_waste || (waste == best_waste && shape < best_shape)))) {
            best = (grid_fit){(int)c, (int)r, (int)p, (int)p};
            best_waste = waste;
            best_shape = shape;
        }
    }
    return best;
}

/* Blocks need not be square: the widest cover of w x h by count blocks, each at least
 * BLOCK_MIN_PITCH on a side and at most twice as long as it is wide, so the picture
 * fills the panel instead of a square grid's share of it. 0 pitches if none fits. */
static grid_fit fit_blocks(long count, int w, int h)
{
    grid_fit best = {0, 0, 0, 0};
    long best_cover = 0;
    long cmax = w / BLOCK_MIN_PITCH;
    if (cmax > count) cmax = count;
    for (long c = 1; c <= cmax; c++) {
        long r = (count + c - 1) / c;
        if (r * BLOCK_MIN_PITCH > h) continue;
        long bw = w / c, bh = h / r;
        if (bw > 2 * bh) bw = 2 * bh;
        if (bh > 2 * bw) bh = 2 * bw;
        long cover = count * bw * bh;
        /* Equal cover: the grid with the fewest empty places in its last row. */
        if (cover > best_cover ||
            (cover == best_cover && c * r - count < (long)best.cols * best.rows - count)) {
            best = (grid_fit){(int)c, (int)r, (int)bw, (int)bh};
            best_cover = cover;
        }
    }
    return best;
}

/* The next number on the 1-2-5 ladder at or above v. */
static long ladder_ceil(long v)
{
    for (long decade = 1;; decade *= 10)
        for (int i = 0; i < 3; i++) {
            const long steps[3] = {1, 2, 5};
            if (steps[i] * decade >= v) return steps[i] * decade;
        }
}

/* Cells or blocks for n coins in w x h; fills view, fit and per_block. */
static ui_micro_view choose_view(long n, int w, int h, int cap, grid_fit *fit, long *per_block)
{
    if (n <= CELLS_MAX) {
        *fit = fit_grid(n, w, h, cap);
        *per_block = 1;
        if (fit->pitch_x >= CELL_MIN_PITCH) return UI_MICRO_CELLS;
    }
    /* The finest grouping that fits: the smallest m whose blocks get their minimum size. */
    long want = (n + (long)BLOCKS_X * BLOCKS_Y - 1) / ((long)BLOCKS_X * BLOCKS_Y);
    for (long m = ladder_ceil(want < 2 ? 2 : want);; m = ladder_ceil(m + 1)) {
        long blocks = (n + m - 1) / m;
        *fit = fit_blocks(blocks, w, h);
        *per_block = m;
        if (fit->pitch_x >= BLOCK_MIN_PITCH) return UI_MICRO_BLOCKS;
        if (blocks <= 1) return UI_MICRO_NONE;
    }
}

static int cell_gap(int pitch)
{
    return pitch >= 16 ? pitch / 8 : pitch >= CELL_MIN_PITCH ? 1 : 0;
}

static void draw_cells(const ui_ctx *ctx, const xl_micro_state *st, const ui_micro_particles_geom *g)
{
    SDL_Color edge = tails_edge(ctx->theme);
    int fill = g->pitch_x - g->gap;
    int edged = fill >= 8; /* a one-pixel edge on a smaller cell would be all edge */
    for (long i = 0; i < st->n; i++) {
        SDL_Rect r = {g->grid.x + (int)(i % g->cols) * g->pitch_x, g->grid.y + (int)(i / g->cols) * g->pitch_y, fill,
                      fill};
        if (i < 200) { /* each coin of a small system says what it shows */
            char l0[48];
            snprintf(l0, sizeof l0, _("coin %ld: %s"), i + 1, xl_micro_heads_at(st, i) ? _("heads") : _("tails"));
            ui_hit_add(ctx, r, l0, _("each step flips coins chosen at random"), NULL);
        }
        if (xl_micro_heads_at(st, i)) {
            ui_draw_fill(ctx->r, r, g->heads);
        } else {
            ui_draw_fill(ctx->r, r, g->tails);
            if (edged) ui_draw_frame(ctx->r, r, 1, edge);
        }
    }
}

static void draw_blocks(const ui_ctx *ctx, const xl_micro_state *st, const ui_micro_particles_geom *g)
{
    SDL_Color ramp[SHADES];
    for (int i = 0; i < SHADES; i++) ramp[i] = ui_mix(g->tails, g->heads, (float)i / (SHADES - 1));
    const long m = g->per_block;
    for (int row = 0; row < g->rows; row++) {
        int run_start = 0, run_level = -1;
        for (int col = 0; col <= g->cols; col++) {
            long b = (long)row * g->cols + col;
            int level = -1;
            if (col < g->cols && b < g->count) {
                long a = b * m, e = a + m < st->n ? a + m : st->n;
                double share = (double)count_heads(st->bits, a, e) / (double)(e - a);
                level = (int)lround(share * (SHADES - 1));
            }
            /* Blocks have no gap: a run of equal shade along a row is one rectangle. */
            if (level == run_level) continue;
            if (run_level >= 0) {
                SDL_Rect r = {g->grid.x + run_start * g->pitch_x, g->grid.y + row * g->pitch_y,
                              (col - run_start) * g->pitch_x, g->pitch_y};
                ui_draw_fill(ctx->r, r, ramp[run_level]);
            }
            run_start = col;
            run_level = level;
        }
    }
}

static void draw_particles_legend(const ui_ctx *ctx, SDL_Rect in, const ui_micro_particles_geom *g)
{
    int x = in.x, end = in.x + in.w, w;
    if (g->view == UI_MICRO_CELLS) {
        swatch heads = {SWATCH_FILL, g->heads, g->heads, 0};
        swatch tails = {SWATCH_FILL, g->tails, tails_edge(ctx->theme), 1};
        const char *hl[] = {_("heads")}, *tl[] = {_("tails")};
        if ((w = legend_item(ctx, x, in.y, end, &heads, hl, 1)) == 0) return;
        legend_item(ctx, x + w, in.y, end, &tails, tl, 1);
        return;
    }
    char m[32], l0[96], l1[96], l2[64];
    ui_format_count(m, sizeof m, g->per_block);
    snprintf(l0, sizeof l0, _("tails → heads: share of heads in each block of %s coins"), m);
    snprintf(l1, sizeof l1, _("share of heads per block of %s coins"), m);
    snprintf(l2, sizeof l2, _("block = %s coins"), m);
    const char *labels[] = {l0, l1, l2};
    swatch ramp = {SWATCH_RAMP, g->tails, g->heads, 0};
    legend_item(ctx, x, in.y, end, &ramp, labels, 3);
}

/* The first of texts[0..n-1] that fits as one line at (in.x, y); 1 if one was drawn. */
static int draw_line_choice(const ui_ctx *ctx, SDL_Rect in, int y, const char *const *texts, int n, ui_claims *pl)
{
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    for (int i = 0; i < n; i++) {
        SDL_Rect box = {in.x, y, ui_text_width(ctx->text, UI_FONT_LABEL, texts[i]), lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, in.x, y, UI_ALIGN_LEFT, ctx->theme->text, texts[i]);
        return 1;
    }
    return 0;
}

/* S = ln W(k) = ln C(n, k) now, and (second line) the most probable macrostate's. */
static int draw_entropy_lines(const ui_ctx *ctx, SDL_Rect in, int y, int lines, const xl_micro_state *st,
                              ui_claims *pl)
{
    const double scale = xl_unit_scale(ctx->unit);
    const char *unit = xl_unit_name(ctx->unit), *ln = log_name(ctx);
    char n[32], k[32], v[32], t[4][256];
    ui_format_count(n, sizeof n, st->n);
    ui_format_count(k, sizeof k, st->heads);
    ui_format_fit(v, sizeof v, xl_micro_log_ways(st->n, st->heads) * scale, 3, 11);
    snprintf(t[0], sizeof t[0], "S = %s W(k) = %s C(%s, %s) = %s %s", ln, ln, n, k, v, unit);
    snprintf(t[1], sizeof t[1], "S = %s C(%s, %s) = %s %s", ln, n, k, v, unit);
    snprintf(t[2], sizeof t[2], "S = %s W(k) = %s %s", ln, v, unit);
    snprintf(t[3], sizeof t[3], "S = %s %s", v, unit);
    const char *first[] = {t[0], t[1], t[2], t[3]};
    if (!draw_line_choice(ctx, in, y, first, 4, pl)) return 0;
    if (lines < 2) return 1;

    char kmax[80], k0[32], k1[32];
    ui_format_count(k0, sizeof k0, st->n / 2);
    ui_format_count(k1, sizeof k1, st->n - st->n / 2);
    if (st->n % 2) snprintf(kmax, sizeof kmax, "%s or %s", k0, k1);
    else snprintf(kmax, sizeof kmax, "%s", k0);
    ui_format_fit(v, sizeof v, xl_micro_log_ways_max(st->n) * scale, 3, 11);
    snprintf(t[0], sizeof t[0], _("most probable: k = %s, S = %s C(%s, %s) = %s %s"), kmax, ln, n, k0, v, unit);
    snprintf(t[1], sizeof t[1], _("most probable: k = %s, S = %s %s"), kmax, v, unit);
    snprintf(t[2], sizeof t[2], _("at most S = %s %s"), v, unit);
    const char *second[] = {t[0], t[1], t[2]};
    y += ui_text_line_height(ctx->text, UI_FONT_LABEL) + ctx->pad / 4;
    return 1 + draw_line_choice(ctx, in, y, second, 3, pl);
}

void ui_micro_particles_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                                   ui_micro_particles_geom *geom)
{
    ui_micro_particles_geom local;
    ui_micro_particles_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const xl_micro_state *st = micro_state(s);
    if (!st) {
        ui_panel_begin(ctx, area, _("PARTICLES"), NULL);
        return;
    }
    char n[32], k[32], sub[3][96];
    ui_format_count(n, sizeof n, st->n);
    ui_format_count(k, sizeof k, st->heads);
    snprintf(sub[0], sizeof sub[0], _("n = %s coins · k = %s heads"), n, k);
    snprintf(sub[1], sizeof sub[1], "n = %s · k = %s", n, k);
    snprintf(sub[2], sizeof sub[2], "k = %s", k);
    const char *subs[] = {sub[0], sub[1], sub[2]};
    SDL_Rect in = ui_panel_begin(ctx, area, _("PARTICLES"), pick_subtitle(ctx, area, _("PARTICLES"), subs, 3));
    if (in.w < 40 || in.h < 40 || st->n < 1) return;

    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    /* Heights: drop the second line, then the legend, then the first line while short. */
    int legend = 1, lines = 2;
    SDL_Rect pic;
    for (;;) {
        int top = in.y + (legend ? lh + ctx->pad / 2 : 0);
        int bottom = in.y + in.h - (lines > 0 ? lines * lh + (lines - 1) * (ctx->pad / 4) + ctx->pad / 2 : 0);
        pic = (SDL_Rect){in.x, top, in.w, bottom - top};
        if (pic.h >= 4 * lh || (lines == 0 && !legend)) break;
        if (lines > 1) lines--;
        else if (legend) legend = 0;
        else lines--;
    }
    if (pic.h < BLOCK_MIN_PITCH || pic.w < BLOCK_MIN_PITCH) return;

    grid_fit fit;
    long per_block = 1;
    ui_micro_view view = choose_view(st->n, pic.w, pic.h, 4 * lh, &fit, &per_block);
    if (view == UI_MICRO_NONE) return;
    g->view = view;
    g->cols = fit.cols;
    g->rows = fit.rows;
    g->pitch_x = fit.pitch_x;
    g->pitch_y = fit.pitch_y;
    g->gap = view == UI_MICRO_CELLS ? cell_gap(fit.pitch_x) : 0;
    g->per_block = per_block;
    g->count = (st->n + per_block - 1) / per_block;
    g->heads = ctx->theme->truth;
    g->tails = tails_fill(ctx->theme);
    int gw = fit.cols * fit.pitch_x - g->gap, gh = fit.rows * fit.pitch_y - g->gap;
    g->grid = (SDL_Rect){pic.x + (pic.w - gw) / 2, pic.y + (pic.h - gh) / 2, gw, gh};

    if (view == UI_MICRO_CELLS) draw_cells(ctx, st, g);
    else draw_blocks(ctx, st, g);
    if (legend) draw_particles_legend(ctx, in, g);
    ui_claims pl = {.n = 0};
    if (lines > 0) g->formula_lines = draw_entropy_lines(ctx, in, pic.y + pic.h + ctx->pad / 2, lines, st, &pl);
}

/* ---- MACROSTATES ---- */

typedef struct frame_map {
    SDL_Rect plot;
    double lo, hi;  /* k */
    double y_max;   /* share */
} frame_map;

static float px_of(const frame_map *f, double k)
{
    return ui_draw_clamp(f->plot.x + (k - f->lo) / (f->hi - f->lo) * f->plot.w);
}

static float py_of(const frame_map *f, double share)
{
    double t = share / f->y_max;
    if (!(t >= 0.0)) t = 0.0;
    if (t > 1.0) t = 1.0;
    return ui_draw_clamp(f->plot.y + (1.0 - t) * f->plot.h);
}

static double visit_share(const xl_micro_state *st, int i)
{
    return st->visits_total > 0 ? (double)st->visits[i] / (double)st->visits_total : 0.0;
}

static void draw_macro_legend(const ui_ctx *ctx, SDL_Rect in, const xl_micro_state *st, int outlined)
{
    const ui_theme *th = ctx->theme;
    char steps[32], q0[96], q1[96];
    ui_format_count(steps, sizeof steps, st->visits_total);
    snprintf(q0, sizeof q0, st->visits_total == 1 ? _("time spent at k (%s step)") : _("time spent at k (%s steps)"), steps);
    snprintf(q1, sizeof q1, "%s", _("time spent at k"));
    const char *ql[] = {q0, q1, _("time at k")};
    const char *pl[] = {_("W(k)/2ⁿ: share of microstates"), "W(k)/2ⁿ"};
    swatch q = {SWATCH_FILL, th->model, th->model, 0};
    swatch p = {outlined ? SWATCH_OUTLINE : SWATCH_LINE, th->truth, th->truth, 0};
    int x = in.x, end = in.x + in.w;
    /* Both entries or neither: a legend of one series would misname the other. Try the
     * long labels, then shorter ones, measuring before drawing. */
    const int lhx = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int heads_w[2] = {swatch_width(ctx, q.kind) + lhx / 3, swatch_width(ctx, p.kind) + lhx / 3};
    for (int qi = 0; qi < 3; qi++)
        for (int pi = 0; pi < 2; pi++) {
            int need = heads_w[0] + ui_text_width(ctx->text, UI_FONT_LABEL, ql[qi]) + lhx + heads_w[1] +
                       ui_text_width(ctx->text, UI_FONT_LABEL, pl[pi]);
            if (need > in.w) continue;
            int w = legend_item(ctx, x, in.y, end, &q, &ql[qi], 1);
            legend_item(ctx, x + w, in.y, end, &p, &pl[pi], 1);
            return;
        }
}

static void draw_share_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, ui_claims *pl)
{
    const char *const titles[1] = {_("share")};
    const ui_value_axis axis = {f->plot, f->y_max, ui_axis_step(ctx, f->plot.h, f->y_max),
                                ui_text_line_height(ctx->text, UI_FONT_TICK) / 2, 1, titles, 1};
    ui_axis_draw_left(ctx, &axis, in, pl);
}

/* k ticks with labels from label_y, and the axis title under them at title_y (if >= 0). */
static void draw_k_axis(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, long n, int label_y, int title_y,
                        ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    const SDL_Rect plot = f->plot;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    float lw = ui_lw(ctx, 1.0f), len = ctx->pad / 3.0f;
    float base = (float)(plot.y + plot.h);
    ui_draw_line(ctx->r, plot.x, base, plot.x + plot.w, base, lw, th->axis);
    char buf[32];
    ui_format_count(buf, sizeof buf, n);
    int room = ui_text_width(ctx->text, UI_FONT_TICK, buf) + 2 * ctx->pad;
    int max_ticks = plot.w / (room > 1 ? room : 1);
    if (max_ticks < 1) max_ticks = 1;
    if (max_ticks > 12) max_ticks = 12;
    double step = ui_nice_step(0.0, (double)n, max_ticks);
    if (step < 1.0) step = 1.0; /* k is a whole number */
    double ticks[MAX_TICKS];
    int nt = ui_ticks(0.0, (double)n, step, ticks, MAX_TICKS);
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
    if (title_y < 0) return;
    const char *titles[] = {_("k: number of heads (the macrostate)"), _("k: number of heads"), "k"};
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    for (int i = 0; i < 3; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, titles[i]);
        int lx = plot.x + plot.w / 2 - w / 2;
        SDL_Rect box = {lx, title_y, w, lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, lx, title_y, UI_ALIGN_LEFT, th->text, titles[i]);
        break;
    }
}

/* Bin i's left and right pixel columns, inset by the gap between bars. */
static void bin_span(const frame_map *f, const xl_micro_state *st, int i, int *x0, int *x1)
{
    float a = px_of(f, st->edge[i] - 0.5), b = px_of(f, st->edge[i + 1] - 0.5);
    float gap = b - a >= 6.0f ? (b - a) * 0.12f : 0.0f;
    if (gap > 0.0f && gap < 1.0f) gap = 1.0f;
    *x0 = (int)lroundf(a + gap);
    *x1 = (int)lroundf(b - gap);
    if (*x1 <= *x0) *x1 = *x0 + 1;
}

/* The share of steps as filled bars, then the share of microstates over them. */
static void draw_bins(const ui_ctx *ctx, const frame_map *f, const xl_micro_state *st, int outlined)
{
    const ui_theme *th = ctx->theme;
    int base = f->plot.y + f->plot.h;
    for (int i = 0; i < st->bins; i++) {
        int x0, x1;
        bin_span(f, st, i, &x0, &x1);
        int top = (int)lroundf(py_of(f, visit_share(st, i)));
        if (top < base) ui_draw_fill(ctx->r, (SDL_Rect){x0, top, x1 - x0, base - top}, th->model);
        /* The bin's numbers under the pointer. */
        char l0[64], l1[96], l2[96];
        if (st->edge[i + 1] - st->edge[i] == 1) snprintf(l0, sizeof l0, _("k = %ld heads"), st->edge[i]);
        else snprintf(l0, sizeof l0, _("k = %ld to %ld heads"), st->edge[i], st->edge[i + 1] - 1);
        snprintf(l1, sizeof l1, _("time spent here: %.4f (%ld of %ld steps)"), visit_share(st, i), st->visits[i],
                 st->visits_total);
        snprintf(l2, sizeof l2, _("W(k)/2ⁿ: %.4g of the microstates"), st->mass[i]);
        ui_hit_add(ctx, (SDL_Rect){x0, f->plot.y, x1 - x0 > 0 ? x1 - x0 : 1, f->plot.h}, l0, l1, l2);
    }
    float lw = ui_lw(ctx, 1.5f);
    if (outlined) {
        for (int i = 0; i < st->bins; i++) {
            int x0, x1;
            bin_span(f, st, i, &x0, &x1);
            float top = py_of(f, st->mass[i]);
            if (base - top < 1.0f) continue; /* a sliver of mass: no outline lying on the axis */
            float l = x0 + lw / 2.0f, r = x1 - lw / 2.0f, t = top + lw / 2.0f;
            ui_draw_line(ctx->r, l, (float)base, l, t, lw, th->truth);
            ui_draw_line(ctx->r, l, t, r, t, lw, th->truth);
            ui_draw_line(ctx->r, r, t, r, (float)base, lw, th->truth);
        }
        return;
    }
    /* A histogram's step outline over the whole width of each bin; the parts lying on
     * the axis (bins with no microstates to speak of, at large n most of them) are left
     * out, so the axis stays the axis. */
    float y_prev = (float)base;
    for (int i = 0; i <= st->bins; i++) {
        float a = px_of(f, st->edge[i] - 0.5);
        float y = i < st->bins ? py_of(f, st->mass[i]) : (float)base;
        if (fabsf(y - y_prev) >= 1.0f) ui_draw_line(ctx->r, a, y_prev, a, y, lw, th->truth);
        if (i < st->bins && base - y >= 1.0f)
            ui_draw_line(ctx->r, a, y, px_of(f, st->edge[i + 1] - 0.5), y, lw, th->truth);
        y_prev = y;
    }
}

/* A vertical line at the current k through the plot, its label in the row above. */
static void mark_now(const ui_ctx *ctx, const frame_map *f, SDL_Rect in, long k, ui_micro_macro_geom *g,
                     ui_claims *pl)
{
    const ui_theme *th = ctx->theme;
    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    float x = px_of(f, (double)k), lw = ui_lw(ctx, 1.5f);
    float top = (float)(f->plot.y - 2), base = (float)(f->plot.y + f->plot.h);
    /* Yellow alone vanishes on white: an edge in select_edge carries it on either theme. */
    ui_draw_line(ctx->r, x, top, x, base, lw + 2.0f, th->select_edge);
    ui_draw_line(ctx->r, x, top, x, base, lw, th->select);
    g->now_x = x;
    char kk[32], t0[64], t1[48];
    ui_format_count(kk, sizeof kk, k);
    snprintf(t0, sizeof t0, _("now k = %s"), kk);
    snprintf(t1, sizeof t1, "k = %s", kk);
    const char *texts[] = {t0, t1};
    for (int i = 0; i < 2; i++) {
        int w = ui_text_width(ctx->text, UI_FONT_LABEL, texts[i]);
        /* Centred over the line, but beside it when that would leave the plot's span. */
        int lx = (int)(x - w / 2.0f);
        if (lx < f->plot.x) lx = (int)x + (int)lw + 2;
        if (lx + w > f->plot.x + f->plot.w) lx = (int)x - (int)lw - 2 - w;
        SDL_Rect box = {lx, f->plot.y - lh - 2, w, lh};
        if (!ui_claim(pl, box, in, 1)) continue;
        ui_text_draw(ctx->text, UI_FONT_LABEL, lx, box.y, UI_ALIGN_LEFT, th->text, texts[i]);
        g->now_label = 1;
        return;
    }
}

void ui_micro_macrostates_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                                     ui_micro_macro_geom *geom)
{
    ui_micro_macro_geom local;
    ui_micro_macro_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const xl_micro_state *st = micro_state(s);
    if (!st) {
        ui_panel_begin(ctx, area, _("MACROSTATES"), NULL);
        return;
    }
    const char *subs[] = {_("how often each k occurred vs how many microstates it has"),
                          _("time at each k vs its share of microstates"), _("time at k vs W(k)/2ⁿ")};
    SDL_Rect in = ui_panel_begin(ctx, area, _("MACROSTATES"), pick_subtitle(ctx, area, _("MACROSTATES"), subs, 3));
    if (in.w < 60 || in.h < 60 || st->bins < 1 || st->n < 1) return;

    int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    /* Heights: drop the axis title, then the legend while short. */
    int legend = 1, xtitle = 1, xlabel_y = 0;
    SDL_Rect plot;
    for (;;) {
        plot.y = in.y + (legend ? lh + ctx->pad / 2 : 0) + lh + 2; /* the "now" label's row */
        xlabel_y = in.y + in.h - (xtitle ? lh + ctx->pad / 4 : 0) - tick_h;
        plot.h = xlabel_y - ctx->pad / 3 - 1 - plot.y;
        if (plot.h >= 5 * tick_h || (!legend && !xtitle)) break;
        if (xtitle) xtitle = 0;
        else legend = 0;
    }
    char nbuf[32];
    ui_format_count(nbuf, sizeof nbuf, st->n);
    int tick_w = ui_text_width(ctx->text, UI_FONT_TICK, "0.25");
    plot.x = in.x + tick_h + ctx->pad / 2 + tick_w + ctx->pad / 2;
    /* n's label is centred on the right end: leave it half its width. */
    plot.w = in.x + in.w - ui_text_width(ctx->text, UI_FONT_TICK, nbuf) / 2 - 1 - plot.x;
    if (plot.h < 2 * tick_h || plot.w < 40) return;

    frame_map f = {plot, -0.5, (double)st->n + 0.5, 1.0};
    double top = 0.0;
    for (int i = 0; i < st->bins; i++) {
        if (visit_share(st, i) > top) top = visit_share(st, i);
        if (st->mass[i] > top) top = st->mass[i];
    }
    f.y_max = ui_nice_ceil(1.05 * top);
    if (!(f.y_max > 0.0) || !(f.y_max <= 1.0)) f.y_max = 1.0;

    /* An outline needs room for two sides and some bar between them. */
    float bar_w = (float)plot.w * (float)(st->edge[1] - st->edge[0]) / (float)(st->n + 1);
    int outlined = bar_w >= 6.0f * ui_lw(ctx, 1.5f);

    ui_claims pl = {.n = 0};
    if (legend) draw_macro_legend(ctx, in, st, outlined);
    draw_share_axis(ctx, &f, in, &pl);
    draw_bins(ctx, &f, st, outlined);
    mark_now(ctx, &f, in, st->heads, g, &pl);
    draw_k_axis(ctx, &f, in, st->n, xlabel_y, xtitle ? xlabel_y + tick_h + ctx->pad / 4 : -1, &pl);
    ui_draw_line(ctx->r, plot.x, plot.y, plot.x, plot.y + plot.h, ui_lw(ctx, 1.0f), ctx->theme->axis);

    g->drawn = 1;
    g->plot = plot;
    g->x_lo = f.lo;
    g->x_hi = f.hi;
    g->y_max = f.y_max;
}

void ui_micro_particles_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_micro_particles_panel_draw(ctx, area, s, NULL);
}

void ui_micro_macrostates_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    ui_micro_macrostates_panel_draw(ctx, area, s, NULL);
}

const ui_own_panel ui_micro_own_panel = {
    .scenario = &xl_scenario_micro, .draw = ui_micro_particles_draw, .draw_side = ui_micro_macrostates_draw};

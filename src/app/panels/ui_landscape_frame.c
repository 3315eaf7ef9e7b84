/* ui_landscape_frame: everything the landscape panel draws around its map (see
 * ui_landscape.c for the panel, ui_landscape_internal.h for how the files divide): the
 * note and the minimum it names, the tick labels, the layout, the axes and the colour bar.
 *
 * The square map is the picture, so the layout gives it every pixel it can: the axis
 * titles are turned along their axes, and the symbol legend and the note go beside the
 * map where the panel is wider than tall, else in rows above and below it.
 */
#include "ui_landscape_internal.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"

minimum ui_landscape_find_minimum(const xl_session *s, int a, int b, double lo, double hi, double ylo, double yhi)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const void *st = xl_session_state(s);
    minimum m = {MIN_NONE, NAN, NAN, 0.0};
    double x, y;
    int slice = xl_session_frame(s) == XL_FRAME_SLICE;
    if (xl_session_view_minimum(s, &x, &y) && !isnan(x) && !isnan(y)) {
        m.x = x;
        m.y = y;
        m.kind = x >= lo && x <= hi && y >= ylo && y <= yhi ? MIN_IN_VIEW : MIN_OUTSIDE;
    } else if (slice && def->slice_valley && def->slice_valley(st, a, b, &m.d) && isfinite(m.d)) {
        m.kind = MIN_VALLEY;
    }
    return m;
}

/* What the note says: where the minimum is, in the panel's words; what the slice
 * means, in the scenario's (its slice_note) or generic words. */
void ui_landscape_note(char *buf, size_t n, const minimum *m, const xl_session *s, int a, int b)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const char *own = def->slice_note ? def->slice_note(xl_session_state(s), a, b, m->kind == MIN_VALLEY) : NULL;
    if (own) own = _(own);
    int np = xl_sim_param_count(xl_session_sim(s));
    if (xl_session_frame(s) == XL_FRAME_PLANE) {
        /* The plane is fixed; how far the run has left it is the honest caveat. */
        char d[48];
        double off = xl_session_view_distance(s, xl_sim_theta(xl_session_sim(s)));
        if (np == 2) {
            snprintf(buf, n, "%s", _("two parameters: this plane is the whole landscape, turned so α runs along the first step"));
            return;
        }
        /* Rounding leaves ~1e-15 where the path lies in the plane: that is 0. */
        ui_format_fit(d, sizeof d, off < 1e-9 ? 0.0 : off, 2, 7);
        snprintf(buf, n, _("a fixed plane through the start; the path is projected onto it, now %s off it%s"), d,
                 m->kind == MIN_NONE ? _(" (no minimum: it lies at infinity)") : "");
        return;
    }
    char xs[48], ys[48];
    switch (m->kind) {
    case MIN_VALLEY:
        snprintf(buf, n, "%s", own ? own : _("only the difference of these parameters matters: the valley is a minimum"));
        break;
    case MIN_NONE:
        /* Only a scenario that knows its minimum can say there is none; without
         * slice_minimum the cross marks the least cell in view, no more. */
        if (def->slice_minimum != NULL)
            snprintf(buf, n, "%s", _("no minimum: the loss keeps falling toward the edge (p = 0 or 1)"));
        else
            snprintf(buf, n, "%s", own ? own : _("the cross marks the least loss in view, not a minimum computed exactly"));
        break;
    case MIN_OUTSIDE:
        ui_format_fit(xs, sizeof xs, m->x, 1, 7);
        ui_format_fit(ys, sizeof ys, m->y, 1, 7);
        snprintf(buf, n, _("the minimum lies outside the view, at (%s, %s)"), xs, ys);
        break;
    default:
        snprintf(buf, n, "%s", own ? own : np == 2 ? _("these two are all the parameters: the whole landscape")
                                                   : _("the other parameters stay at their current values"));
        break;
    }
}

/* The short form of a parameter's name: up to its first blank ("z₁" of "z₁ robin"). */
static void short_name(char *buf, size_t n, const char *name)
{
    /* "z₁ robin" shortens to "z₁". A name whose words belong together joins them with
     * a no-break space ("log σ_q"), which this does not cut at. */
    size_t len = strcspn(name, " ");
    snprintf(buf, n, "%.*s", (int)len, name);
}

/* Greedy word wrap into lines at most `width` pixels wide (a word wider than that
 * gets a line of its own). Returns the number of lines. */
static int wrap(ui_text *t, ui_font f, const char *s, int width, char lines[][160], int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ') s++;
        if (!*s) break;
        char line[160] = "";
        size_t len = 0;
        const char *p = s;
        for (;;) {
            const char *e = p;
            while (*e && *e != ' ') e++;
            char trial[160];
            size_t wl = (size_t)(e - p);
            if (len + 1 + wl >= sizeof trial) break;
            memcpy(trial, line, len);
            size_t tl = len;
            if (tl) trial[tl++] = ' ';
            memcpy(trial + tl, p, wl);
            trial[tl + wl] = '\0';
            if (len && ui_text_width(t, f, trial) > width) break;
            memcpy(line, trial, tl + wl + 1);
            len = tl + wl;
            p = e;
            while (*p == ' ') p++;
            if (!*p) break;
        }
        memcpy(lines[n++], line, len + 1);
        s = p;
    }
    return n;
}

static int tick_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10.0, d) - round(step * pow(10.0, d))) > 1e-6) d++;
    return d;
}

/* Nice ticks over [lo, hi], at most max_ticks of them, labelled to fit TICK_CHARS. */
static void make_ticks(ui_text *t, double lo, double hi, int max_ticks, ticks *out)
{
    out->n = out->widest = 0;
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo)) return;
    double step = isfinite(hi - lo) ? ui_nice_step(lo, hi, max_ticks)
                                    : 2.0 * ui_nice_step(0.5 * lo, 0.5 * hi, max_ticks);
    out->n = ui_ticks(lo, hi, step, out->v, MAX_TICKS);
    int dec = tick_decimals(step);
    /* As few characters as keep neighbouring labels apart: 1000000 and 1001000 both
     * read 1×10⁶ in six, which would label two ticks alike. */
    for (int chars = TICK_CHARS; chars <= TICK_CHARS + 4; chars++) {
        int distinct = 1;
        for (int i = 0; i < out->n; i++) {
            ui_format_fit(out->s[i], sizeof out->s[i], out->v[i], dec, chars);
            if (i > 0 && strcmp(out->s[i], out->s[i - 1]) == 0) distinct = 0;
        }
        if (distinct) break;
    }
    int shown = -1; /* the last label kept */
    for (int i = 0; i < out->n; i++) {
        if (shown >= 0 && strcmp(out->s[i], out->s[shown]) == 0) {
            out->s[i][0] = '\0';
            continue;
        }
        shown = i;
        int w = ui_text_width(t, UI_FONT_TICK, out->s[i]);
        if (w > out->widest) out->widest = w;
    }
}

/* Ticks for a map axis `side` pixels long: a tick per three lines of text at most, and
 * fewer while the labels (laid side by side on the x axis) would touch. */
static void axis_ticks(ui_text *t, double lo, double hi, int side, int tick_h, int gap,
                       ticks *out)
{
    int max_ticks = side / (tick_h * 3) + 1;
    for (int tries = 0; tries < 6; tries++) {
        make_ticks(t, lo, hi, max_ticks, out);
        if (out->n < 2) return;
        double spacing = side * fraction(lo + (out->v[1] - out->v[0]), lo, hi);
        if (!(spacing < out->widest + gap) || max_ticks <= 2) return;
        max_ticks = max_ticks * 2 / 3;
        if (max_ticks < 2) max_ticks = 2;
    }
}

static frame_metrics metrics(const ui_ctx *ctx, int ytick_w, int cbar_label_w)
{
    frame_metrics m;
    m.tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    m.lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    m.pad = ctx->pad;
    m.cbar_w = (int)(14 * ctx->scale);
    if (m.cbar_w < 8) m.cbar_w = 8;
    /* y title (turned) | gap | tick labels | tick marks | map */
    m.left_w = m.lh + m.pad / 3 + ytick_w + m.pad / 2;
    /* map | gap | bar | ticks | labels | gap | bar title (turned) */
    m.right_w = m.pad + m.cbar_w + m.pad / 2 + cbar_label_w + m.pad / 3 + m.tick_h;
    m.top_h = m.tick_h / 2 + 1;                          /* half of the top tick labels */
    m.bottom_h = m.pad / 3 + m.tick_h + m.lh;            /* x tick labels and x title */
    return m;
}

static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }

/* How the legend and the note sit around the map, and the map's side that gives. */
typedef struct arrangement {
    int mode;     /* 0 no legend, 1 legend and note beside, 2 note above and legend rows
                   * below, 3 legend beside and note above */
    int side;
    int note_h;   /* the note above, at the panel's width */
    int rows_h;   /* the legend in rows under the map */
    int col_h;    /* the legend in a column of its widest item */
    int fold_note; /* the note is not shown: the map needs its room (mode 0 only) */
} arrangement;

/* The least side of the map, in tick lines, that the legend and the note give way for. */
enum { MAP_LEAST = 10 };

/* Each arrangement's map side; the largest wins, legend first, when at least 60. */
static arrangement arrange(const ui_ctx *ctx, SDL_Rect in, const frame_metrics *m, const legend *L,
                           const char *note)
{
    const int fixed_w = m->left_w + m->right_w, fixed_h = m->top_h + m->bottom_h;
    const int col_gap = m->pad * 3 / 2;
    char lines[NOTE_LINES][160];
    arrangement A;
    /* Note in one block above everything: its height at the panel's width. */
    int full_lines = wrap(ctx->text, UI_FONT_TICK, note, in.w, lines, NOTE_LINES);
    A.note_h = full_lines * m->tick_h + m->pad / 3;
    A.col_h = ui_landscape_legend_flow(ctx, L, 0, 0, L->widest, 0);
    A.rows_h = ui_landscape_legend_flow(ctx, L, 0, 0, in.w, 0) + m->pad / 2;

    /* A: legend and note in a column beside the map. */
    int sideA = imin(in.h - fixed_h, in.w - fixed_w - col_gap - L->widest);
    int colA = in.w - fixed_w - sideA - col_gap;
    int linesA = sideA > 0 ? wrap(ctx->text, UI_FONT_TICK, note, colA, lines, NOTE_LINES) : 0;
    int col_hA = sideA > 0 ? ui_landscape_legend_flow(ctx, L, 0, 0, colA, 0) : A.col_h;
    if (col_hA + m->pad + linesA * m->tick_h > in.h - m->top_h) sideA = 0;
    /* A2: legend beside, note above. B: note above, legend rows below. C: no legend. */
    int sideA2 = imin(in.h - fixed_h - A.note_h, in.w - fixed_w - col_gap - L->widest);
    int sideB = imin(in.h - fixed_h - A.note_h - A.rows_h, in.w - fixed_w);
    int sideC = imin(in.h - fixed_h - A.note_h, in.w - fixed_w);

    A.mode = 0;
    A.side = sideC;
    A.fold_note = 0;
    /* Large type (the zoom to 2x) leaves a legend beside or under a small map: when every
     * arrangement with it halves the map, the legend goes (the tooltip names each mark;
     * fewer labels, never a map too small to read). */
    const int with = imax(imax(sideA, sideA2), sideB);
    if (2 * with < sideC) return A;
    /* And a map under its least side (MAP_LEAST tick lines) takes the room of the note,
     * then of the legend, then of both, each where the map grows by a tenth or more:
     * labels fold before the map shrinks. */
    const int least = MAP_LEAST * m->tick_h;
    if (with < least) {
        const int beside = imin(in.h - fixed_h, in.w - fixed_w - col_gap - L->widest); /* legend, no note */
        const int bare = imin(in.h - fixed_h, in.w - fixed_w);                          /* neither */
        const int option[3] = {beside, sideC, bare}, mode[3] = {3, 0, 0}, fold[3] = {1, 0, 1};
        int best = with, pick = -1;
        for (int i = 0; i < 3 && best < least; i++)
            if (10 * option[i] >= 11 * best && (i != 0 || A.note_h > 0)) {
                best = option[i];
                pick = i;
            }
        if (pick >= 0) {
            A.mode = mode[pick];
            A.side = best > 4096 ? 4096 : best;
            A.fold_note = fold[pick];
            if (A.fold_note) A.note_h = 0;
            return A;
        }
    }
    if (sideA >= sideA2 && sideA >= sideB && sideA >= 60) {
        A.mode = 1;
        A.side = sideA;
    } else if (sideA2 >= sideB && sideA2 >= 60) {
        A.mode = 3;
        A.side = sideA2;
    } else if (sideB >= 60) {
        A.mode = 2;
        A.side = sideB;
    }
    if (A.side > 4096) A.side = 4096;
    return A;
}

static void make_plan(const ui_ctx *ctx, SDL_Rect in, const frame_metrics *m, const legend *L,
                      const char *note, plan *P)
{
    const int fixed_w = m->left_w + m->right_w, fixed_h = m->top_h + m->bottom_h;
    const int col_gap = m->pad * 3 / 2;
    const arrangement A = arrange(ctx, in, m, L, note);
    const int mode = A.mode, side = A.side;
    int col_h = A.col_h;
    P->side = side;
    P->legend_mode = mode == 3 ? 1 : mode;
    int note_above = mode != 1;
    int used_h = fixed_h + side + (note_above ? A.note_h : 0) + (mode == 2 ? A.rows_h : 0);
    int map_top = in.y + (note_above ? A.note_h : 0) + m->top_h;
    if (mode == 1 && in.h > used_h) map_top += (in.h - used_h) / 2; /* centred when width-bound */
    int map_x;
    if (P->legend_mode == 1) {
        map_x = in.x + m->left_w;
    } else {
        map_x = in.x + m->left_w + (in.w - fixed_w - side) / 2; /* centred */
    }
    int col_x = map_x + side + m->right_w + col_gap;
    int col_w = in.x + in.w - col_x;
    if (mode == 1) {
        /* The legend and the note under it start at the map's top: centring the map
         * must not push the note's last line out of the panel (larger type, more lines). */
        const int need = ui_landscape_legend_flow(ctx, L, 0, 0, col_w, 0) + m->pad +
                         wrap(ctx->text, UI_FONT_TICK, note, col_w, P->lines, NOTE_LINES) * m->tick_h;
        const int over = map_top + need - (in.y + in.h);
        if (over > 0) map_top -= over;
        if (map_top < in.y + m->top_h) map_top = in.y + m->top_h;
    }
    P->map = (SDL_Rect){map_x, map_top, side, side};
    P->cbar = (SDL_Rect){map_x + side + m->pad, map_top, m->cbar_w, side};
    if (P->legend_mode == 1) {
        col_h = ui_landscape_legend_flow(ctx, L, 0, 0, col_w, 0);
        P->legend = (SDL_Rect){col_x, map_top, col_w, col_h};
    } else if (P->legend_mode == 2) {
        int ly = map_top + side + m->bottom_h + m->pad / 2;
        P->legend = (SDL_Rect){in.x, ly, in.w, A.rows_h - m->pad / 2};
    }
    if (A.fold_note) {
        P->note_lines = 0;
        P->note = (SDL_Rect){in.x, in.y, 0, 0};
    } else if (note_above) {
        P->note_lines = wrap(ctx->text, UI_FONT_TICK, note, in.w, P->lines, NOTE_LINES);
        P->note = (SDL_Rect){in.x, in.y, in.w, P->note_lines * m->tick_h};
    } else {
        P->note_lines = wrap(ctx->text, UI_FONT_TICK, note, col_w, P->lines, NOTE_LINES);
        P->note = (SDL_Rect){col_x, map_top + col_h + m->pad, col_w, P->note_lines * m->tick_h};
    }
}

void ui_landscape_axes(const ui_ctx *ctx, const plan *P, const frame_metrics *m, const double *box,
                       const xl_session *s)
{
    const double lo = box[0], hi = box[1];
    const ui_theme *th = ctx->theme;
    char xt[96], yt[96];
    ui_tr_axis_name(s, xl_session_axis_name(s, 0), xt, sizeof xt);
    ui_tr_axis_name(s, xl_session_axis_name(s, 1), yt, sizeof yt);
    const SDL_Rect map = P->map;
    const mapping mp = {map, lo, hi, box[2], box[3]};
    float lw = ui_lw(ctx, 1.0f);
    ticks tk;
    axis_ticks(ctx->text, lo, hi, map.w, m->tick_h, m->pad, &tk);
    ui_draw_frame(ctx->r, (SDL_Rect){map.x - 1, map.y - 1, map.w + 2, map.h + 2}, 1, th->axis);
    int bottom = map.y + map.h;
    SDL_Rect first_x = {0, 0, 0, 0};
    for (int i = 0; i < tk.n; i++) {
        float x = map_x(&mp, tk.v[i]);
        ui_draw_line(ctx->r, x, (float)bottom, x, bottom + m->pad / 3.0f, lw, th->axis);
        if (!tk.s[i][0]) continue;
        int w = ui_text_width(ctx->text, UI_FONT_TICK, tk.s[i]);
        SDL_Rect box = {(int)x - w / 2, bottom + m->pad / 3, w, m->tick_h};
        if (i == 0) first_x = box;
        ui_text_draw(ctx->text, UI_FONT_TICK, (int)x, bottom + m->pad / 3, UI_ALIGN_CENTER,
                     th->text_dim, tk.s[i]);
    }
    /* The y axis has its own ticks when the view is not the square around 0. */
    axis_ticks(ctx->text, box[2], box[3], map.h, m->tick_h, m->pad, &tk);
    for (int i = 0; i < tk.n; i++) {
        float y = map_y(&mp, tk.v[i]);
        ui_draw_line(ctx->r, map.x - m->pad / 3.0f, y, (float)map.x, y, lw, th->axis);
        if (!tk.s[i][0]) continue;
        int w = ui_text_width(ctx->text, UI_FONT_TICK, tk.s[i]);
        SDL_Rect box = {map.x - m->pad / 2 - w, (int)(y - m->tick_h / 2.0f), w, m->tick_h};
        /* The corner: the lowest y label must not sit on the first x label. */
        if (SDL_HasIntersection(&box, &first_x)) continue;
        ui_text_draw(ctx->text, UI_FONT_TICK, map.x - m->pad / 2, box.y, UI_ALIGN_RIGHT,
                     th->text_dim, tk.s[i]);
    }
    ui_text_draw(ctx->text, UI_FONT_LABEL, map.x + map.w / 2, bottom + m->pad / 3 + m->tick_h,
                 UI_ALIGN_CENTER, th->text, xt);
    int ytick_w = m->left_w - m->lh - m->pad / 3 - m->pad / 2;
    ui_text_draw_up(ctx->text, UI_FONT_LABEL, map.x - m->pad / 2 - ytick_w - m->pad / 3 - m->lh,
                    map.y + map.h / 2, th->text, yt);
}

void ui_landscape_colour_bar(const ui_ctx *ctx, ui_landscape_panel *p, const plan *P, const frame_metrics *m,
                             const ticks *tk, const extent *e, double k, const char *symbol)
{
    const double dlo = e->dlo, dhi = e->dhi;
    const ui_theme *th = ctx->theme;
    const SDL_Rect cbar = P->cbar;
    float lw = ui_lw(ctx, 1.0f);
    ui_draw_copy(ctx->r, p->colorbar, p->colorbar_version, NULL, cbar);
    ui_draw_frame(ctx->r, (SDL_Rect){cbar.x - 1, cbar.y - 1, cbar.w + 2, cbar.h + 2}, 1, th->axis);
    int lx = cbar.x + cbar.w + m->pad / 2;
    for (int i = 0; i < tk->n; i++) {
        double t = !(dhi > dlo) ? 0.5 : e->colour.log ? colour_t(&e->colour, tk->v[i] / k) : fraction(tk->v[i], dlo, dhi);
        if (!(t >= 0.0)) t = 0.0;
        if (t > 1.0) t = 1.0;
        float y = cbar.y + cbar.h - (float)(t * cbar.h);
        ui_draw_line(ctx->r, (float)(cbar.x + cbar.w), y, cbar.x + cbar.w + m->pad / 3.0f, y, lw, th->axis);
        if (tk->s[i][0])
            ui_text_draw(ctx->text, UI_FONT_TICK, lx, (int)(y - m->tick_h / 2.0f), UI_ALIGN_LEFT,
                         th->text_dim, tk->s[i]);
    }
    char buf[64];
    /* A log scale says so: equal steps of colour are no longer equal steps of loss. */
    snprintf(buf, sizeof buf, "%s %s%s", symbol, xl_unit_name(ctx->unit),
             e->colour.log && dhi > dlo ? _(", log scale") : "");
    ui_text_draw_up(ctx->text, UI_FONT_TICK, lx + tk->widest + m->pad / 3, cbar.y + cbar.h / 2,
                    th->text_dim, buf);
}

/* Log-scale colour-bar ticks: round values (1, 2, 5 times a power of ten, either sign)
 * in [dlo, dhi], kept from the top down where they lie at least three lines of text
 * apart on the bar, so the low end, where the scale spends its colours, is labelled. */
static void log_ticks(ui_text *t, const colour_scale *cs, double k, double dlo, double dhi, int side, int tick_h,
                      ticks *tk)
{
    tk->n = tk->widest = 0;
    double cand[MAX_TICKS * 4];
    int n = 0;
    const double top = fmax(fabs(dlo), fabs(dhi));
    const int e_hi = (int)floor(log10(top)), e_lo = e_hi - 4;
    static const double mant[3] = {1.0, 2.0, 5.0};
    for (int e = e_hi; e >= e_lo && n < MAX_TICKS * 4 - 6; e--)
        for (int m = 2; m >= 0; m--)
            for (int sgn = 1; sgn >= -1; sgn -= 2) {
                const double v = sgn * mant[m] * pow(10.0, e);
                if (v >= dlo && v <= dhi) cand[n++] = v;
            }
    if (dlo <= 0.0 && dhi >= 0.0) cand[n++] = 0.0;
    /* Highest first. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && cand[j] > cand[j - 1]; j--) {
            const double x = cand[j];
            cand[j] = cand[j - 1];
            cand[j - 1] = x;
        }
    const double min_dt = side > 0 ? 2.0 * tick_h / side : 1.0;
    double last = 2.0;
    double kept[MAX_TICKS];
    int nk = 0;
    for (int i = 0; i < n && nk < MAX_TICKS; i++) {
        const double tt = colour_t(cs, cand[i] / k);
        if (!(tt >= 0.0 && tt <= 1.0) || last - tt < min_dt) continue;
        kept[nk++] = cand[i];
        last = tt;
    }
    for (int i = 0; i < nk; i++) { /* ascending, as make_ticks gives them */
        const double v = kept[nk - 1 - i];
        tk->v[i] = v;
        const int dec = v == 0.0 || fabs(v) >= 1.0 ? 0 : (int)ceil(-log10(fabs(v)) - 1e-9);
        ui_format_fit(tk->s[i], sizeof tk->s[i], v, dec, TICK_CHARS);
        const int w = ui_text_width(t, UI_FONT_TICK, tk->s[i]);
        if (w > tk->widest) tk->widest = w;
    }
    tk->n = nk;
}

/* Colour-bar ticks in the display unit; a flat map gets its one value at mid-height. */
static void colour_ticks(ui_text *t, const extent *e, double k, int side, int tick_h, ticks *tk)
{
    const double dlo = e->dlo, dhi = e->dhi;
    if (dhi > dlo && e->colour.log) {
        log_ticks(t, &e->colour, k, dlo, dhi, side, tick_h, tk);
        if (tk->n >= 2) return;
    }
    if (dhi > dlo) {
        make_ticks(t, dlo, dhi, side / (tick_h * 3) + 1, tk);
    } else {
        tk->n = tk->widest = 0;
        if (!isfinite(dlo)) return;
        tk->n = 1;
        tk->v[0] = dlo;
        ui_format_fit(tk->s[0], sizeof tk->s[0], dlo, 2, TICK_CHARS);
        tk->widest = ui_text_width(t, UI_FONT_TICK, tk->s[0]);
    }
}

/* The panel's caption: what is plotted over which two parameters, and the keys that
 * change them. */
void ui_landscape_caption(char *buf, size_t n, const xl_session *s, int a, int b, int keys)
{
    const xl_model model = xl_session_model(s);
    const char *symbol = xl_session_scenario(s)->readouts[0].symbol;
    char sa[48], sb[48];
    short_name(sa, sizeof sa, xl_model_param_name(model, a));
    short_name(sb, sizeof sb, xl_model_param_name(model, b));
    if (xl_session_frame(s) == XL_FRAME_PLANE)
        snprintf(buf, n, _("%s over a fixed plane%s"), symbol, keys ? _("   (V: slice)") : "");
    else
        snprintf(buf, n, _("%s over %s, %s%s"), symbol, sa, sb,
                 keys && xl_sim_param_count(xl_session_sim(s)) > 2 ? _("   (comma: other pair, V: fixed plane)") : "");
}

extent ui_landscape_extent(ui_landscape_panel *p, const xl_landscape *ls, double k)
{
    extent e = {xl_landscape_lo(ls), xl_landscape_hi(ls), 0.0, 0.0, xl_landscape_ylo(ls), xl_landscape_yhi(ls), {0.0, 0.0, 1.0, 0}, k};
    if (!isfinite(e.lo) || !isfinite(e.hi) || !(e.hi > e.lo) || !(fraction(e.hi, e.lo, e.hi) > 0.0) ||
        !isfinite(e.ylo) || !isfinite(e.yhi) || !(e.yhi > e.ylo) || !(fraction(e.yhi, e.ylo, e.yhi) > 0.0)) {
        e.lo = e.ylo = -XL_DEFAULT_RANGE; /* the core's range is broken: show the default view */
        e.hi = e.yhi = XL_DEFAULT_RANGE;
    }
    e.dlo = xl_landscape_min(ls) * k;
    e.dhi = xl_landscape_colour_top(ls) * k;
    if (e.dhi - e.dlo <= 1e-9 * fmax(fabs(e.dhi), fabs(e.dlo))) e.dhi = e.dlo; /* flat, as rebuild() paints it */
    e.colour = ui_landscape_colour_scale(p, ls);
    e.k = k;
    return e;
}

/* Lay out with label widths guessed from the panel's height, then again with the
 * labels the map's real size gives, so the columns fit what is drawn. Leaves the
 * colour bar's ticks for the map's size in ctk. */
void ui_landscape_lay_out(const ui_ctx *ctx, SDL_Rect in, const extent *e, const legend *leg, const char *note,
                          plan *P, frame_metrics *m, ticks *ctk)
{
    ticks xtk;
    int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    int guess = in.h > 0 ? in.h : 1;
    axis_ticks(ctx->text, e->lo, e->hi, guess, tick_h, ctx->pad, &xtk);
    colour_ticks(ctx->text, e, e->k, guess, tick_h, ctk);
    int yw = xtk.widest, cw = ctk->widest;
    *m = metrics(ctx, yw, cw);
    for (int pass = 0; pass < 3; pass++) {
        make_plan(ctx, in, m, leg, note, P);
        if (P->side < 40) break;
        axis_ticks(ctx->text, e->lo, e->hi, P->side, tick_h, ctx->pad, &xtk);
        colour_ticks(ctx->text, e, e->k, P->side, tick_h, ctk);
        if (xtk.widest <= yw && ctk->widest <= cw) break;
        if (xtk.widest > yw) yw = xtk.widest;
        if (ctk->widest > cw) cw = ctk->widest;
        *m = metrics(ctx, yw, cw);
    }
}

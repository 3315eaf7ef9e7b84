/* ui_panel_regression_views: the regression's views in the side place drawn from plain
 * arrays (see ui_panel_regression_side.h): the frame, the update view and the confusion
 * matrix; the calibration and the curves are ui_panel_regression_plots.c, the session's
 * state turned into those arrays ui_panel_regression_side.c.
 *
 * The update view, left to right: class names, the paired bars y_k and q_k (0..1), the
 * number q_k − y_k, then the heatmap whose row k is (q_k − y_k) times the strip x above
 * it: a column vector times a row vector, the outer product, drawn where each factor
 * stands. A colour bar at the right gives the scale. With few features (iris) every
 * cell carries its value.
 *
 * Secondary labels are placed only where they touch no label already placed (claims).
 */
#include "ui_panel_regression_side.h"
#include "ui_panel_regression_side_internal.h"
#include "ui_panel_regression.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_lang.h"

const char *ui_reg_view_name(int view)
{
    return xl_regression_view_name(view);
}

SDL_Color ui_reg_diverging(const ui_theme *th, double v, double max)
{
    /* The data place's map for W, so ∂L/∂W and W read alike (purple below 0, green
     * above; not P's blue nor Q's orange, which the bars use here). */
    return ui_regression_diverging(th, max > 0.0 ? v / max : 0.0);
}

int ui_reg_cell_edge(int origin, int size, int count, int i)
{
    return count > 0 ? origin + (int)((long)i * size / count) : origin;
}

SDL_Color ui_reg_ink_on(const ui_theme *th, SDL_Color fill)
{
    /* Relative luminance (sRGB weights, no gamma: enough to pick black or white). */
    const double l = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
    (void)th;
    return l < 140.0 ? (SDL_Color){255, 255, 255, 255} : (SDL_Color){0, 0, 0, 255};
}

int ui_reg_claim_text(const ui_ctx *ctx, ui_claims *claims, SDL_Rect inside, ui_font f, int x, int y,
                      ui_align align, SDL_Color c, const char *text)
{
    const int w = ui_text_width(ctx->text, f, text), h = ui_text_line_height(ctx->text, f);
    const int left = align == UI_ALIGN_LEFT ? x : align == UI_ALIGN_RIGHT ? x - w : x - w / 2;
    if (!ui_claim(claims, (SDL_Rect){left, y, w, h}, inside, 1)) return 0;
    ui_text_draw(ctx->text, f, x, y, align, c, text);
    return 1;
}

int ui_reg_say(const ui_ctx *ctx, ui_claims *claims, SDL_Rect inside, ui_font f, int x, int y, int w, SDL_Color c,
               const char *const *texts, int n)
{
    for (int i = 0; i < n; i++) {
        if (!texts[i] || ui_text_width(ctx->text, f, texts[i]) > w) continue;
        if (ui_reg_claim_text(ctx, claims, inside, f, x, y, UI_ALIGN_LEFT, c, texts[i])) return 1;
    }
    return 0;
}

/* ---- update: (q − y) xᵀ ---- */

/* A class name that fits w: the whole name, else its first three letters. */
static void class_label(const ui_ctx *ctx, const char *name, int w, char *buf, size_t n)
{
    snprintf(buf, n, "%s", name ? name : "?");
    if (ui_text_width(ctx->text, UI_FONT_LABEL, buf) <= w) return;
    snprintf(buf, n, "%.3s", name ? name : "?");
}

/* v with its sign always written ("+0.06", "−4×10⁻⁴"), as the rows and the scale show it. */
static void signed_text(char *buf, size_t n, double v)
{
    char num[32];
    ui_format_fit(num, sizeof num, v, 2, 6);
    snprintf(buf, n, "%s%s", v > 0.0 ? "+" : "", num);
}

static double largest_abs(const double *v, int n)
{
    double m = 0.0;
    for (int i = 0; i < n; i++)
        if (fabs(v[i]) > m) m = fabs(v[i]);
    return m;
}

/* The colour bar: +max at the top, 0, −max at the bottom, in box (its labels at the
 * right of the bar). */
static void draw_scale_bar(const ui_ctx *ctx, SDL_Rect bar, SDL_Rect in, double max, ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    for (int y = 0; y < bar.h; y++) {
        const double v = max * (1.0 - 2.0 * (y + 0.5) / bar.h);
        ui_draw_fill(ctx->r, (SDL_Rect){bar.x, bar.y + y, bar.w, 1}, ui_reg_diverging(th, v, max));
    }
    ui_draw_frame(ctx->r, bar, 1, th->border);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    char txt[40];
    const double vals[3] = {max, 0.0, -max};
    const int ys[3] = {bar.y, bar.y + bar.h / 2 - tick_h / 2, bar.y + bar.h - tick_h};
    for (int i = 0; i < 3; i++) {
        signed_text(txt, sizeof txt, vals[i]);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, bar.x + bar.w + ctx->pad / 3, ys[i], UI_ALIGN_LEFT,
                          th->text_dim, txt);
    }
}

/* The 8 x 8 image of x (digits), shaded by the diverging map, with its caption. */
static void draw_x_image(const ui_ctx *ctx, SDL_Rect box, const ui_reg_side_data *d, double xmax)
{
    const int side = d->image_side;
    for (int r = 0; r < side; r++)
        for (int c = 0; c < side; c++) {
            const int x0 = ui_reg_cell_edge(box.x, box.w, side, c), x1 = ui_reg_cell_edge(box.x, box.w, side, c + 1);
            const int y0 = ui_reg_cell_edge(box.y, box.h, side, r), y1 = ui_reg_cell_edge(box.y, box.h, side, r + 1);
            ui_draw_fill(ctx->r, (SDL_Rect){x0, y0, x1 - x0, y1 - y0},
                         ui_reg_diverging(ctx->theme, d->x[r * side + c], xmax));
        }
    ui_draw_frame(ctx->r, box, 1, ctx->theme->border);
}

/* A row of cells (the strip x, or a heatmap row) from values v[0..cols-1]; numbers in
 * the cells when `numbers` and they fit. */
static void draw_cells(const ui_ctx *ctx, SDL_Rect row, const double *v, int cols, double max, int numbers)
{
    const int vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    for (int j = 0; j < cols; j++) {
        const int x0 = ui_reg_cell_edge(row.x, row.w, cols, j), x1 = ui_reg_cell_edge(row.x, row.w, cols, j + 1);
        const SDL_Color fill = ui_reg_diverging(ctx->theme, v[j], max);
        ui_draw_fill(ctx->r, (SDL_Rect){x0, row.y, x1 - x0, row.h}, fill);
        if (!numbers || row.h < vh) continue;
        char num[32];
        ui_format_fit(num, sizeof num, v[j], 2, 6);
        if (ui_text_width(ctx->text, UI_FONT_VALUE, num) + 4 > x1 - x0) continue;
        ui_text_draw(ctx->text, UI_FONT_VALUE, (x0 + x1) / 2, row.y + (row.h - vh) / 2, UI_ALIGN_CENTER,
                     ui_reg_ink_on(ctx->theme, fill), num);
    }
}

/* The update view's layout: columns (names, bars, numbers, heatmap, scale) and rows
 * (header, K class rows, the note). */
typedef struct update_layout {
    int name_w, bar_x, bar_w, diff_x, heat_x, heat_w, scale_x;
    int head_y, head_h, rows_y, row_h, note_y;
} update_layout;

static int update_layout_make(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, double hmax,
                              update_layout *L)
{
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int gap = ctx->pad / 2 > 2 ? ctx->pad / 2 : 2;
    int name_w = 0;
    for (int k = 0; k < d->k; k++) {
        const int w = ui_text_width(ctx->text, UI_FONT_LABEL, d->class_names ? d->class_names[k] : "?");
        if (w > name_w) name_w = w;
    }
    const int name_cap = in.w / 5;
    if (name_w > name_cap) name_w = name_cap;
    L->name_w = name_w;
    L->bar_x = in.x + name_w + gap;
    L->bar_w = in.w / 7 < 3 * lh ? 3 * lh : in.w / 7;
    L->diff_x = L->bar_x + L->bar_w + gap;
    /* The numbers' column and the scale's labels as wide as what they will say (a
     * trained model's q − y runs to 10⁻⁴ and below). */
    char txt[40];
    int diff_w = ui_text_width(ctx->text, UI_FONT_VALUE, "−0.00");
    for (int k = 0; k < d->k; k++) {
        signed_text(txt, sizeof txt, d->q[k] - d->y[k]);
        const int w = ui_text_width(ctx->text, UI_FONT_VALUE, txt);
        if (w > diff_w) diff_w = w;
    }
    L->heat_x = L->diff_x + diff_w + gap;
    signed_text(txt, sizeof txt, -hmax);
    const int scale_w = lh / 2 + ctx->pad / 3 + ui_text_width(ctx->text, UI_FONT_TICK, txt);
    L->scale_x = in.x + in.w - scale_w;
    L->heat_w = L->scale_x - gap - L->heat_x;
    /* The header: the strip x (a row of cells) under its caption; the note at the foot. */
    L->head_y = in.y;
    L->head_h = tick_h + (lh > tick_h ? lh : tick_h);
    if (d->image_side > 0) { /* room for the 8 x 8 image of x: larger where the panel is tall (in focus) */
        L->head_h = in.h / 5 < 3 * lh ? 3 * lh : in.h / 5 > 8 * lh ? 8 * lh : in.h / 5;
    }
    L->rows_y = L->head_y + L->head_h + gap;
    /* The foot: the note, and where the rows keep a line's height each, two more (what
     * ∂L/∂W is, and the sample's identity). */
    const int k_rows = d->k > 0 ? d->k : 1;
    const int foot = d->has_identity && (in.y + in.h - 3 * lh - gap - L->rows_y) / k_rows >= lh ? 3 : 1;
    L->note_y = in.y + in.h - foot * lh;
    L->row_h = (L->note_y - gap - L->rows_y) / k_rows;
    if (L->row_h > 5 * lh) L->row_h = 5 * lh;
    L->note_y = L->rows_y + L->row_h * d->k + gap; /* under the rows, with what room is left below */
    return L->heat_w >= d->d && L->heat_w >= 4 * lh && L->row_h >= lh * 3 / 4;
}

/* The sentence under the rows: what a step does with the label's row. True by sign. */
static void update_note(const ui_reg_side_data *d, char *buf, size_t n, char *brief, size_t nb)
{
    const double g = d->q[d->label] - d->y[d->label];
    if (d->test) {
        snprintf(buf, n, _("a test sample: it adds nothing to ∂L/∂W; shown for what it would add"));
        snprintf(brief, nb, _("a test sample: not in ∂L/∂W"));
    } else if (g < 0.0) {
        /* The others move away from x only where their q − y > 0 (always for one-hot
         * targets; smoothed ones can be under their ε/(K − 1)). */
        int others_away = 1;
        for (int k = 0; k < d->k; k++)
            if (k != d->label && !(d->q[k] - d->y[k] > 0.0)) others_away = 0;
        snprintf(buf, n, _("a step adds −lr × this: the label's row (q − y < 0) moves toward x%s"),
                 others_away ? _(", the others away") : "");
        snprintf(brief, nb, _("a step adds −lr × this: the label's row toward x"));
    } else if (g > 0.0) {
        snprintf(buf, n, _("q above the smoothed target: a step moves even the label's row away from x"));
        snprintf(brief, nb, _("q above its target: the label's row moves away"));
    } else {
        snprintf(buf, n, _("q = y: this sample adds nothing"));
        snprintf(brief, nb, _("q = y: nothing to add"));
    }
}

static void draw_update(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                        ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    if (!d->x || !d->q || !d->y || d->k < 1 || d->d < 1 || d->label < 0 || d->label >= d->k) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    /* The scale: one for the product, one for x (x's own largest |value|), so both
     * factors show their pattern. */
    double gmax = 0.0;
    for (int k = 0; k < d->k; k++) {
        const double a = fabs(d->q[k] - d->y[k]);
        if (a > gmax) gmax = a;
    }
    const double xmax = largest_abs(d->x, d->d);
    double hmax = gmax * xmax;
    if (!(hmax > 0.0)) hmax = 1.0;
    update_layout L;
    if (!update_layout_make(ctx, in, d, hmax, &L)) return;
    const int numbers = d->d <= 8;
    /* Header: the caption over the strip, the strip of x; over the bars the legend. */
    SDL_Rect strip = {L.heat_x, L.head_y + tick_h, L.heat_w, L.head_h - tick_h};
    char cap[96];
    snprintf(cap, sizeof cap, _("x of sample %d (%s)"), d->sample, d->test ? _("test") : _("train"));
    char cap_short[48];
    snprintf(cap_short, sizeof cap_short, _("x, sample %d"), d->sample);
    const char *caps[] = {cap, cap_short, "x"};
    ui_reg_say(ctx, claims, in, UI_FONT_TICK, L.heat_x, L.head_y, L.heat_w, th->text_dim, caps, 3);
    draw_cells(ctx, strip, d->x, d->d, xmax > 0.0 ? xmax : 1.0, numbers && strip.h >= vh);
    ui_draw_frame(ctx->r, strip, 1, th->border);
    /* Feature names under nothing: they would crowd the strip; the tooltip names them. */
    /* The legend over the bars, at the header's foot: y (blue) and q (orange), and
     * "q − y" over its column. Right of the image of x where there is one. */
    {
        const int image = d->image_side > 0 && d->image_side * d->image_side == d->d;
        const int foot = L.head_y + L.head_h - tick_h;
        const int ly = image ? L.head_y : foot, s = tick_h * 6 / 10, sy = ly + (tick_h - s) / 2;
        int x = image && L.bar_x < in.x + L.head_h + ctx->pad / 2 ? in.x + L.head_h + ctx->pad / 2 : L.bar_x;
        const int need = 2 * (s + 3) + ui_text_width(ctx->text, UI_FONT_TICK, "yq") + ctx->pad / 2;
        if (x + need <= (image ? L.heat_x - ctx->pad : L.diff_x)) {
            ui_draw_fill(ctx->r, (SDL_Rect){x, sy, s, s}, th->truth);
            x += s + 3;
            x += ui_text_draw(ctx->text, UI_FONT_TICK, x, ly, UI_ALIGN_LEFT, th->text, "y") + ctx->pad / 2;
            ui_draw_fill(ctx->r, (SDL_Rect){x, sy, s, s}, th->model);
            x += s + 3;
            ui_text_draw(ctx->text, UI_FONT_TICK, x, ly, UI_ALIGN_LEFT, th->text, "q");
        }
        ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, L.heat_x - ctx->pad / 2, foot, UI_ALIGN_RIGHT, th->text,
                          "q − y");
    }
    /* The 8 x 8 image of x in the header's left corner (digits): the strip is x all
     * the same, the image is how a person reads it. */
    if (d->image_side > 0 && d->image_side * d->image_side == d->d && L.head_h >= 2 * d->image_side)
        draw_x_image(ctx, (SDL_Rect){in.x, L.head_y, L.head_h, L.head_h}, d, xmax > 0.0 ? xmax : 1.0);
    /* The rows. */
    SDL_Rect heat = {L.heat_x, L.rows_y, L.heat_w, L.row_h * d->k};
    double row[UI_REG_D_MAX];
    for (int k = 0; k < d->k; k++) {
        const int y0 = L.rows_y + k * L.row_h;
        const double diff = d->q[k] - d->y[k];
        char name[64], txt[40];
        class_label(ctx, d->class_names ? d->class_names[k] : "?", L.name_w, name, sizeof name);
        const SDL_Color nc = k == d->label ? th->text : th->text_dim;
        ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, L.bar_x - ctx->pad / 2 > in.x ? L.bar_x - ctx->pad / 2 : in.x,
                          y0 + (L.row_h - lh) / 2, UI_ALIGN_RIGHT, nc, name);
        /* Paired bars: y above, q below, from the axis at bar_x. */
        const int bh = (L.row_h - 4) / 2 > 1 ? (L.row_h - 4) / 2 : 1;
        const int yw = (int)lround(fmin(fmax(d->y[k], 0.0), 1.0) * L.bar_w);
        const int qw = (int)lround(fmin(fmax(d->q[k], 0.0), 1.0) * L.bar_w);
        g->y_bar[k] = (SDL_Rect){L.bar_x, y0 + 1, yw, bh};
        g->q_bar[k] = (SDL_Rect){L.bar_x, y0 + 2 + bh, qw, bh};
        ui_draw_fill(ctx->r, (SDL_Rect){L.bar_x, y0 + 1, L.bar_w, 2 * bh + 1}, ui_mix(th->panel, th->grid, 0.5f));
        if (yw > 0) ui_draw_fill(ctx->r, g->y_bar[k], th->truth);
        if (qw > 0) ui_draw_fill(ctx->r, g->q_bar[k], th->model);
        signed_text(txt, sizeof txt, diff);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_VALUE, L.heat_x - ctx->pad / 2, y0 + (L.row_h - vh) / 2,
                          UI_ALIGN_RIGHT, k == d->label ? th->text : th->text_dim, txt);
        for (int j = 0; j < d->d; j++) row[j] = diff * d->x[j];
        draw_cells(ctx, (SDL_Rect){heat.x, y0, heat.w, L.row_h}, row, d->d, hmax, numbers);
    }
    ui_draw_line(ctx->r, L.bar_x, L.rows_y, L.bar_x, L.rows_y + heat.h, ui_lw(ctx, 1.0f), th->axis);
    ui_draw_frame(ctx->r, heat, 1, th->border);
    /* The label's row, outlined: the row the step pulls toward x. */
    const int m = ctx->pad / 2;
    const SDL_Rect lab = {in.x - m, L.rows_y + d->label * L.row_h, heat.x + heat.w + 1 - (in.x - m), L.row_h};
    ui_draw_frame(ctx->r, lab, (int)ui_lw(ctx, 1.0f), th->text);
    /* The scale bar. */
    SDL_Rect bar = {L.scale_x, heat.y, lh / 2, heat.h};
    draw_scale_bar(ctx, bar, in, hmax, claims);
    /* The features' names under their columns, where each fits its column (iris): the
     * whole name, else the name without its unit. */
    int note_y = L.note_y;
    if (d->feature_names && d->d <= 8 && note_y + tick_h + lh <= in.y + in.h) {
        int drawn = 0;
        for (int j = 0; j < d->d; j++) {
            const int x0 = ui_reg_cell_edge(heat.x, heat.w, d->d, j), x1 = ui_reg_cell_edge(heat.x, heat.w, d->d, j + 1);
            char name[64];
            snprintf(name, sizeof name, "%s", d->feature_names[j] ? d->feature_names[j] : "");
            if (ui_text_width(ctx->text, UI_FONT_TICK, name) > x1 - x0 - 4) {
                char *unit = strstr(name, " (");
                if (unit) *unit = '\0';
            }
            if (ui_text_width(ctx->text, UI_FONT_TICK, name) > x1 - x0 - 4) {
                /* "sepal length" -> "sepal l.": the first word whole, the next its initial. */
                char *space = strchr(name, ' ');
                if (space && space[1] && (size_t)(space - name) + 4 < sizeof name) {
                    space[2] = '.';
                    space[3] = '\0';
                }
            }
            if (name[0] && ui_text_width(ctx->text, UI_FONT_TICK, name) <= x1 - x0 - 4)
                drawn |= ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, (x0 + x1) / 2, heat.y + heat.h + 2,
                                           UI_ALIGN_CENTER, th->text_dim, name);
        }
        if (drawn) note_y += tick_h;
    }
    L.note_y = note_y;
    /* The note. */
    char note[160], brief[96];
    update_note(d, note, sizeof note, brief, sizeof brief);
    const char *notes[] = {note, brief};
    ui_reg_say(ctx, claims, in, UI_FONT_LABEL, in.x, L.note_y, in.w, th->text_dim, notes, 2);
    const char *more[] = {_("row k is x times q_k − y_k; ∂L/∂W is the mean of these over the training set"),
                          _("∂L/∂W: the mean of these over the training set")};
    int next_y = L.note_y + lh;
    if (next_y + lh <= in.y + in.h) {
        ui_reg_say(ctx, claims, in, UI_FONT_LABEL, in.x, next_y, in.w, th->text_dim, more, 2);
        next_y += lh;
    }
    /* Lesson 5's identity for this one sample: its cross-entropy is its target's entropy
     * (0 for a one-hot label, more when smoothed) plus what learning can remove. */
    if (d->has_identity && next_y + lh <= in.y + in.h) {
        const double k = xl_unit_scale(ctx->unit);
        const char *unit = xl_unit_name(ctx->unit);
        char a[24], b[24], c[24], line[160], line_short[120];
        const double v[3] = {d->row_ce * k, d->row_h * k, d->row_kl * k};
        char *const out[3] = {a, b, c};
        const int max_chars[3] = {8, 8, 8};
        ui_format_identity(out, sizeof a, v, 3, max_chars);
        snprintf(line, sizeof line, _("this sample: H(P,Q) = H(P) + KL: %s = %s + %s %s"), a, b, c, unit);
        snprintf(line_short, sizeof line_short, "H(P,Q) = H(P) + KL: %s = %s + %s", a, b, c);
        const char *ids[] = {line, line_short};
        ui_reg_say(ctx, claims, in, UI_FONT_LABEL, in.x, next_y, in.w, th->text, ids, 2);
    }
    char tip[UI_HIT_TEXT];
    snprintf(tip, sizeof tip, _("row k = (q_k − y_k) × x; purple < 0 < green, full at ±%.3g"), hmax);
    ui_hit_add(ctx, heat, _("this sample's share of ∂L/∂W"), tip, _("the mean of these over the training set is ∂L/∂W"));
    g->heat = heat;
    g->strip = strip;
    g->bar_x = L.bar_x;
    g->bar_w = L.bar_w;
    g->heat_max = hmax;
    g->drawn = 1;
}

/* ---- confusion ---- */

static void draw_confusion(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                           ui_claims *claims)
{
    const ui_theme *th = ctx->theme;
    const int k = d->k;
    if (!d->confusion || k < 1) return;
    const int lh = ui_text_line_height(ctx->text, UI_FONT_LABEL);
    const int tick_h = ui_text_line_height(ctx->text, UI_FONT_TICK);
    const int vh = ui_text_line_height(ctx->text, UI_FONT_VALUE);
    long total = 0, right = 0;
    long row_total[UI_REG_K_MAX] = {0};
    for (int t = 0; t < k; t++)
        for (int p = 0; p < k; p++) {
            row_total[t] += d->confusion[t * k + p];
            total += d->confusion[t * k + p];
            if (t == p) right += d->confusion[t * k + p];
        }
    /* Row names at the left (after the upright "true class"), column names on top
     * (under "predicted"); the summary at the right when there is room, else under. */
    int name_w = 0;
    for (int c = 0; c < k; c++) {
        const int w = ui_text_width(ctx->text, UI_FONT_LABEL, d->class_names ? d->class_names[c] : "?");
        if (w > name_w) name_w = w;
    }
    if (name_w > in.w / 5) name_w = in.w / 5;
    const int left = in.x + tick_h + ctx->pad / 2 + name_w + ctx->pad / 2;
    const int top = in.y + tick_h + lh + ctx->pad / 3;
    const int summary_w = ui_text_width(ctx->text, UI_FONT_LABEL, _("test accuracy 100.0%")) + ctx->pad;
    int avail_w = in.x + in.w - left - summary_w;
    const int side_summary = avail_w >= k * 2 * vh;
    if (!side_summary) avail_w = in.x + in.w - left;
    const int avail_h = in.y + in.h - top - (side_summary ? 0 : 2 * lh);
    int cell = avail_w / k < avail_h / k ? avail_w / k : avail_h / k;
    if (cell > 6 * lh) cell = 6 * lh;
    if (cell < vh) return;
    const SDL_Rect grid = {left, top, cell * k, cell * k};
    /* Axis titles. */
    ui_reg_claim_text(ctx, claims, in, UI_FONT_TICK, grid.x + grid.w / 2, in.y, UI_ALIGN_CENTER, th->text_dim,
                      _("predicted class →"));
    {
        const char *up = _("true class");
        const int len = ui_text_width(ctx->text, UI_FONT_TICK, up);
        SDL_Rect box = {in.x, grid.y + grid.h / 2 - len / 2, tick_h, len};
        if (len <= grid.h && ui_claim(claims, box, in, 1))
            ui_text_draw_up(ctx->text, UI_FONT_TICK, in.x, grid.y + grid.h / 2, th->text_dim, up);
    }
    char buf[64];
    for (int c = 0; c < k; c++) {
        const int x0 = grid.x + c * cell;
        class_label(ctx, d->class_names ? d->class_names[c] : "?", cell - 2, buf, sizeof buf);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, x0 + cell / 2, grid.y - lh - ctx->pad / 6, UI_ALIGN_CENTER,
                          th->text, buf);
        class_label(ctx, d->class_names ? d->class_names[c] : "?", name_w, buf, sizeof buf);
        ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, grid.x - ctx->pad / 2, grid.y + c * cell + (cell - lh) / 2,
                          UI_ALIGN_RIGHT, th->text, buf);
    }
    /* The cells: shaded by their share of the row, the count written in. */
    for (int t = 0; t < k; t++)
        for (int p = 0; p < k; p++) {
            const long n = d->confusion[t * k + p];
            const double share = row_total[t] > 0 ? (double)n / (double)row_total[t] : 0.0;
            const SDL_Rect r = {grid.x + p * cell, grid.y + t * cell, cell, cell};
            /* √share: a few errors in a row of fifty still show. */
            const SDL_Color fill = ui_mix(th->panel, t == p ? th->truth : th->surprise, (float)sqrt(share));
            ui_draw_fill(ctx->r, r, fill);
            ui_draw_frame(ctx->r, r, 1, th->grid);
            ui_format_count(buf, sizeof buf, n);
            if (ui_text_width(ctx->text, UI_FONT_VALUE, buf) + 2 <= cell)
                ui_text_draw(ctx->text, UI_FONT_VALUE, r.x + cell / 2, r.y + (cell - vh) / 2, UI_ALIGN_CENTER,
                             n == 0 ? th->text_dim : ui_reg_ink_on(th, fill), buf);
        }
    /* The diagonal: each right answer's cell outlined. */
    const int edge = (int)ui_lw(ctx, 1.0f) + 1;
    for (int c = 0; c < k; c++)
        ui_draw_frame(ctx->r, (SDL_Rect){grid.x + c * cell, grid.y + c * cell, cell, cell}, edge, th->text);
    ui_draw_frame(ctx->r, grid, 1, th->border);
    /* The summary. */
    char l0[64], l1[80], l2[160], a[32], b[32];
    ui_format(a, sizeof a, total > 0 ? 100.0 * (double)right / (double)total : 0.0, 1);
    snprintf(l0, sizeof l0, _("test accuracy %s%%"), a);
    ui_format_count(a, sizeof a, right);
    ui_format_count(b, sizeof b, total);
    snprintf(l1, sizeof l1, _("%s of %s right"), a, b);
    snprintf(l2, sizeof l2, _("errors off the diagonal"));
    const char *lines[] = {l0, l1, l2};
    if (side_summary) {
        const int x = grid.x + grid.w + ctx->pad;
        for (int i = 0; i < 3; i++)
            ui_reg_claim_text(ctx, claims, in, UI_FONT_LABEL, x, grid.y + i * lh, UI_ALIGN_LEFT,
                              i ? th->text_dim : th->text, lines[i]);
    } else {
        snprintf(l2, sizeof l2, "%s · %s", l0, l1);
        const char *one[] = {l2, l0};
        ui_reg_say(ctx, claims, in, UI_FONT_LABEL, in.x, grid.y + grid.h + ctx->pad / 3, in.w, th->text, one, 2);
    }
    ui_hit_add(ctx, grid, _("confusion matrix on the test part"), _("row: the true class; column: the predicted one"),
               _("the diagonal (outlined) is the right answers"));
    g->grid = grid;
    g->drawn = 1;
}

/* ---- the frame ---- */

static const char *const titles[UI_REG_VIEW_COUNT] = {
    N_("THIS SAMPLE'S SHARE OF ∂L/∂W: (q − y) xᵀ"),
    N_("THE TEST PART: confusion matrix"),
    N_("CALIBRATION: confidence against accuracy"),
    N_("PER STEP: train against test"),
    N_("LOSS LANDSCAPE"),
};

void ui_reg_side_draw(const ui_ctx *ctx, SDL_Rect area, const ui_reg_side_data *d, ui_reg_side_geom *geom)
{
    ui_reg_side_geom local;
    ui_reg_side_geom *g = geom ? geom : &local;
    memset(g, 0, sizeof *g);
    const int view = d->view >= 0 && d->view < UI_REG_VIEW_COUNT ? (int)d->view : UI_REG_UPDATE;
    g->view = (ui_reg_view)view;
    char sub[64];
    const int count = d->view_count > 0 ? d->view_count : UI_REG_VIEW_COUNT;
    snprintf(sub, sizeof sub, "%d/%d%s%s", view + 1, count, d->key_hint ? " · " : "", d->key_hint ? d->key_hint : "");
    SDL_Rect in = ui_panel_begin(ctx, area, _(titles[view]), sub);
    if (in.w <= 0 || in.h <= 0) return;
    ui_claims claims = {.n = 0};
    switch (view) {
    case UI_REG_UPDATE: draw_update(ctx, in, d, g, &claims); break;
    case UI_REG_CONFUSION: draw_confusion(ctx, in, d, g, &claims); break;
    case UI_REG_CALIBRATION: ui_reg_draw_calibration(ctx, in, d, g, &claims); break;
    case UI_REG_CURVES: ui_reg_draw_curves(ctx, in, d, g, &claims); break;
    default: break; /* the landscape is the landscape panel's */
    }
    if (!g->drawn)
        ui_draw_two_lines(ctx, UI_FONT_LABEL, in.x, in.y, in.w, ctx->theme->text_dim,
                          _("nothing to draw here yet, or too little room: focus the panel (F2)"));
}
